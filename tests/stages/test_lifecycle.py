"""The case lifecycle: the checked table, its guards, crises and random walks."""

from __future__ import annotations

import contextlib
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from socialwork.errors import (
    ArgumentError,
    InvalidTransition,
    MalformedLifecycle,
    SocialWorkError,
    UnknownCodeError,
)
from socialwork.models import (
    Assessment,
    AssessmentMethod,
    Case,
    CaseStatus,
    Closure,
    ClosureOutcome,
    Goal,
    Referral,
)
from socialwork.records import replace
from socialwork.stages import (
    allowed_moves,
    raise_crisis,
    refer_crisis,
    resolve_crisis,
    transition,
)
from socialwork.stages.lifecycle import CASE_MOVES, CaseGuard, CaseMove, check_lifecycle
from tests.stages.support import PROPERTY_CONTRACT, days_and_datetimes, referral
from tests.strategies import assessments, cases, closures, goals

PROPERTY = settings(max_examples=50, deadline=None)
S = CaseStatus
OPENED = date(2025, 6, 2)
LISTED = {(m.source, m.target) for m in CASE_MOVES}


def new_case(**changes: object) -> Case:
    fields: dict[str, object] = {
        "id": "k1",
        "client_id": "p1",
        "worker_id": "s1",
        "opened_on": OPENED,
    }
    return Case.model_validate(fields | changes)


ASSESSMENT = Assessment(
    assessed_on=date(2025, 6, 5), worker_id="s1", methods=(AssessmentMethod.HOME_VISIT,)
)
GOAL = Goal(id="g1", description="每周参加一次老年活动", target="每周至少1次")


def guard_of(case: Case, to: CaseStatus, **kwargs: object) -> str:
    with pytest.raises(InvalidTransition) as info:
        transition(case, to, **kwargs)  # type: ignore[arg-type]
    assert (info.value.from_status, info.value.to_status) == (case.status.value, to.value)
    return info.value.guard


# --- the table ---


def test_the_table_starts_at_intake_and_is_well_formed() -> None:
    assert check_lifecycle(CASE_MOVES) is S.INTAKE
    assert [m.target for m in allowed_moves(S.CLOSED)] == [S.ASSESSMENT]
    assert allowed_moves(S.CLOSED)[0].guard is CaseGuard.REASON_REQUIRED


def test_a_move_listed_twice_is_refused() -> None:
    with pytest.raises(MalformedLifecycle) as info:
        check_lifecycle((*CASE_MOVES, CaseMove(S.INTAKE, S.ASSESSMENT)))
    assert (info.value.problem, info.value.states) == (
        "moves listed twice",
        ("intake->assessment",),
    )
    assert info.value.code == "malformed_lifecycle"


def test_two_initial_states_are_refused() -> None:
    with pytest.raises(MalformedLifecycle) as info:
        check_lifecycle(m for m in CASE_MOVES if m.target is not S.REVIEW)
    assert info.value.states == ("intake", "review")


def test_no_initial_state_is_refused() -> None:
    with pytest.raises(MalformedLifecycle) as info:
        check_lifecycle((*CASE_MOVES, CaseMove(S.ASSESSMENT, S.INTAKE)))
    assert info.value.problem == "no initial state"


def test_unreachable_states_are_refused() -> None:
    island = (
        CaseMove(S.INTAKE, S.ASSESSMENT),
        CaseMove(S.PLANNING, S.INTERVENTION),
        CaseMove(S.INTERVENTION, S.PLANNING),
    )
    states = (S.INTAKE, S.ASSESSMENT, S.PLANNING, S.INTERVENTION)
    with pytest.raises(MalformedLifecycle) as info:
        check_lifecycle(island, states, final=S.ASSESSMENT)
    assert (info.value.problem, info.value.states) == (
        "unreachable states",
        ("planning", "intervention"),
    )


def test_leaving_closed_needs_a_reopen_reason() -> None:
    with pytest.raises(MalformedLifecycle) as info:
        check_lifecycle((*CASE_MOVES, CaseMove(S.CLOSED, S.REVIEW)))
    assert info.value.states == ("closed->review",)
    with pytest.raises(MalformedLifecycle):
        check_lifecycle((*CASE_MOVES, CaseMove(S.CLOSED, S.PLANNING, CaseGuard.GOAL_REQUIRED)))


# --- moves and guards ---


def test_a_case_from_intake_to_closure() -> None:
    case = new_case()
    case = transition(case, S.ASSESSMENT, on=date(2025, 6, 3))
    case = transition(replace(case, assessments=(ASSESSMENT,)), S.PLANNING, on=date(2025, 6, 5))
    case = transition(replace(case, goals=(GOAL,)), S.INTERVENTION, on=date(2025, 6, 9))
    case = transition(case, S.REVIEW, on=date(2025, 8, 1))
    closure = Closure(closed_on=date(2025, 9, 1), outcome=ClosureOutcome.GOALS_ACHIEVED)
    case = transition(case, S.CLOSED, on=date(2025, 9, 1), closure=closure)
    assert (case.status, case.closure, case.is_open) == (S.CLOSED, closure, False)
    assert [(h.from_status.value, h.to_status.value) for h in case.history] == [
        ("intake", "assessment"),
        ("assessment", "planning"),
        ("planning", "intervention"),
        ("intervention", "review"),
        ("review", "closed"),
    ]


def test_the_guards() -> None:
    on = date(2025, 6, 10)
    assert guard_of(new_case(), S.INTERVENTION, on=on) == "move_not_allowed"
    assert guard_of(new_case(status=S.ASSESSMENT), S.PLANNING, on=on) == "assessment_required"
    assert guard_of(new_case(status=S.PLANNING), S.INTERVENTION, on=on) == "goal_required"
    assert guard_of(new_case(status=S.REVIEW), S.CLOSED, on=on) == "closure_required"
    closure = Closure(closed_on=date(2025, 6, 11), outcome=ClosureOutcome.DISENGAGED)
    assert guard_of(new_case(), S.CLOSED, on=on, closure=closure) == "closure_date_mismatch"
    assert guard_of(new_case(), S.ASSESSMENT, on=on, closure=closure) == "closure_not_expected"


def test_moves_may_not_go_back_in_time() -> None:
    assert guard_of(new_case(), S.ASSESSMENT, on=OPENED - timedelta(days=1)) == "date_order"
    case = transition(new_case(), S.ASSESSMENT, on=date(2025, 6, 20))
    assert guard_of(case, S.CLOSED, on=date(2025, 6, 19)) == "date_order"
    assert transition(new_case(), S.ASSESSMENT, on=OPENED).history[0].on == OPENED


def test_reopening_needs_a_reason_and_drops_the_closure() -> None:
    closure = Closure(closed_on=date(2025, 6, 10), outcome=ClosureOutcome.INELIGIBLE)
    closed = transition(new_case(), S.CLOSED, on=date(2025, 6, 10), closure=closure)
    assert guard_of(closed, S.ASSESSMENT, on=date(2025, 7, 1)) == "reason_required"
    assert guard_of(closed, S.ASSESSMENT, on=date(2025, 7, 1), reason=" ") == "reason_required"
    assert guard_of(closed, S.INTAKE, on=date(2025, 7, 1), reason="x") == "move_not_allowed"
    reopened = transition(closed, S.ASSESSMENT, on=date(2025, 7, 1), reason="家属再次求助")
    assert (reopened.status, reopened.closure) == (S.ASSESSMENT, None)
    assert reopened.history[-1].reason == "家属再次求助"
    assert closed.status is S.CLOSED


# --- crises ---


def test_a_crisis_is_raised_then_resolved() -> None:
    case = new_case(status=S.INTERVENTION)
    crisis = raise_crisis(case, on=date(2025, 7, 1), reason="表达自伤念头")
    assert crisis.crisis
    assert crisis.history[-1].crisis
    assert (crisis.history[-1].from_status, crisis.history[-1].to_status) == (
        S.INTERVENTION,
        S.INTERVENTION,
    )
    assert guard_of(crisis, S.REVIEW, on=date(2025, 7, 2)) == "crisis_open"
    closure = Closure(closed_on=date(2025, 7, 2), outcome=ClosureOutcome.TRANSFERRED)
    assert guard_of(crisis, S.CLOSED, on=date(2025, 7, 2), closure=closure) == "crisis_open"
    resolved = resolve_crisis(crisis, on=date(2025, 7, 3), reason="安全计划已落实")
    assert not resolved.crisis
    assert len(resolved.history) == 2
    assert not resolved.history[-1].crisis
    assert transition(resolved, S.REVIEW, on=date(2025, 7, 3)).status is S.REVIEW


def test_a_crisis_is_referred() -> None:
    crisis = raise_crisis(new_case(), on=date(2025, 6, 2), reason="家暴风险")
    referral = Referral(
        id="r1",
        to_organisation="区妇联",
        reason="家暴庇护",
        referred_on=date(2025, 6, 2),
        consent_id="k9",
    )
    referred = refer_crisis(crisis, on=date(2025, 6, 2), referral=referral)
    assert (referred.crisis, referred.referrals) == (False, (referral,))
    assert referred.history[-1].reason == "转介至区妇联"
    assert referred.history[-1].referral_id == "r1"


def test_a_crisis_referred_under_the_exception_keeps_its_reason_in_the_history() -> None:
    # 保密例外: no consent, the reason written on the referral; the case's record
    # must show the disclosure and why it was made (issue 10).
    crisis = raise_crisis(new_case(), on=date(2025, 6, 2), reason="自伤风险")
    referral = Referral(
        id="r2",
        to_organisation="区精神卫生中心",
        reason="危机干预",
        referred_on=date(2025, 6, 3),
        confidentiality_exception="服务对象有自伤风险",
    )
    referred = refer_crisis(crisis, on=date(2025, 6, 3), referral=referral)
    entry = referred.history[-1]
    assert (entry.on, entry.referral_id) == (date(2025, 6, 3), "r2")
    assert entry.reason == "转介至区精神卫生中心(保密例外:服务对象有自伤风险)"
    assert (entry.from_status, entry.to_status, entry.crisis) == (S.INTAKE, S.INTAKE, False)


def crisis_guard(call: object) -> str:
    with pytest.raises(InvalidTransition) as info:
        call()  # type: ignore[operator]
    return info.value.guard


def test_refused_crisis_moves() -> None:
    on = date(2025, 7, 1)
    closure = Closure(closed_on=on, outcome=ClosureOutcome.DISENGAGED)
    closed = transition(new_case(), S.CLOSED, on=on, closure=closure)
    in_crisis = new_case(crisis=True)
    assert crisis_guard(lambda: raise_crisis(closed, on=on, reason="x")) == "case_closed"
    assert crisis_guard(lambda: raise_crisis(in_crisis, on=on, reason="x")) == "crisis_open"
    assert crisis_guard(lambda: raise_crisis(new_case(), on=on, reason=" ")) == "reason_required"
    assert crisis_guard(lambda: resolve_crisis(new_case(), on=on, reason="x")) == "no_crisis"
    before = OPENED - timedelta(days=1)
    assert crisis_guard(lambda: resolve_crisis(in_crisis, on=before, reason="x")) == "date_order"


# --- properties ---


@st.composite
def open_cases(draw: st.DrawFn) -> Case:
    return new_case(
        assessments=tuple(draw(st.lists(assessments(OPENED), max_size=1))),
        goals=tuple(draw(st.lists(goals(), max_size=1))),
    )


@PROPERTY
@given(open_cases(), st.data())
def test_random_walks_take_only_listed_moves(case: Case, data: st.DataObject) -> None:
    for _ in range(8):
        before, snapshot = case, case.model_dump()
        on = case.history[-1].on if case.history else case.opened_on
        on += timedelta(days=data.draw(st.integers(min_value=-2, max_value=30)))
        action = data.draw(st.sampled_from(["move", "move", "raise", "resolve"]))
        try:
            if action == "raise":
                case = raise_crisis(case, on=on, reason="risk")
            elif action == "resolve":
                case = resolve_crisis(case, on=on, reason="safe")
            else:
                to = data.draw(st.sampled_from(CaseStatus))
                closure = data.draw(st.none() | closures(on))
                if closure is not None and data.draw(st.booleans()):
                    closure = replace(closure, closed_on=on)
                reason = data.draw(st.none() | st.just("reason"))
                case = transition(case, to, on=on, reason=reason, closure=closure)
                assert (before.status, case.status) in LISTED
        except InvalidTransition:
            assert before.model_dump() == snapshot
            continue
        assert len(case.history) == len(before.history) + 1
        assert case.history[:-1] == before.history
        assert Case.model_validate(case.model_dump()) == case


@PROPERTY
@given(cases(), st.sampled_from(CaseStatus))
def test_an_unlisted_move_is_always_refused(case: Case, to: CaseStatus) -> None:
    last = case.history[-1].on if case.history else case.opened_on
    if (case.status, to) in LISTED:
        return
    with pytest.raises(InvalidTransition) as info:
        transition(case, to, on=last, reason="r")
    assert info.value.guard == CaseGuard.MOVE_NOT_ALLOWED.value


@PROPERTY
@given(open_cases(), st.sampled_from(CaseStatus))
def test_transition_is_deterministic_and_leaves_its_input(case: Case, to: CaseStatus) -> None:
    snapshot = case.model_dump()

    def attempt() -> Case | str:
        try:
            return transition(case, to, on=OPENED, reason="r")
        except InvalidTransition as err:
            return err.guard

    assert attempt() == attempt()
    assert case.model_dump() == snapshot


status_codes = (
    st.sampled_from(CaseStatus)
    | st.sampled_from([s.value for s in CaseStatus])
    | st.text(max_size=8)
)


def test_allowed_moves_converts_a_code() -> None:
    # intake may go to assessment (no guard) or be closed (with a closure)
    assert [(m.target.value, m.guard) for m in allowed_moves("intake")] == [
        ("assessment", None),
        ("closed", CaseGuard.CLOSURE_REQUIRED),
    ]
    with pytest.raises(UnknownCodeError) as info:
        allowed_moves("intak")
    assert info.value.parameter == "status"
    assert "intake" in info.value.allowed


def test_transition_takes_a_code_for_to() -> None:
    moved = transition(new_case(), "assessment", on=date(2025, 6, 3))
    assert moved.status is CaseStatus.ASSESSMENT
    assert moved.history[-1].to_status is CaseStatus.ASSESSMENT
    with pytest.raises(UnknownCodeError) as info:
        transition(new_case(), "asessment", on=date(2025, 6, 3))
    assert info.value.parameter == "to"


def test_lifecycle_checks_take_codes() -> None:
    # A table given by codes is checked as the same table: intake is its initial state.
    codes: Any = ("intake", "closed", "reason_required", "close")
    table = [CaseMove(codes[0], codes[1]), CaseMove(codes[1], codes[0], codes[2])]
    with pytest.raises(MalformedLifecycle) as info:
        check_lifecycle(table, states=("intake", "closed"), final="closed")
    assert info.value.problem == "no initial state"
    assert check_lifecycle(table[:1], states=("intake", "closed"), final="closed") is (
        CaseStatus.INTAKE
    )
    with pytest.raises(UnknownCodeError) as unknown:
        check_lifecycle(table[:1], states=("intake", "shut"))
    assert unknown.value.parameter == "states"
    with pytest.raises(UnknownCodeError) as unknown:
        check_lifecycle([CaseMove(codes[0], codes[3])])
    assert unknown.value.parameter == "target"
    with pytest.raises(UnknownCodeError) as unknown:
        check_lifecycle([CaseMove(codes[3], codes[0])])
    assert unknown.value.parameter == "source"
    with pytest.raises(UnknownCodeError) as unknown:
        check_lifecycle([CaseMove(codes[0], codes[1], codes[3])])
    assert unknown.value.parameter == "guard"
    with pytest.raises(UnknownCodeError) as unknown:
        check_lifecycle(table[:1], final=codes[3])
    assert unknown.value.parameter == "final"


def test_each_crisis_move_records_its_reason_and_day() -> None:
    case = new_case(status=CaseStatus.INTERVENTION)
    raised = raise_crisis(case, on=date(2025, 7, 1), reason=" 表达自伤念头 ")
    resolved = resolve_crisis(raised, on=date(2025, 7, 3), reason="安全计划已落实")
    again = raise_crisis(resolved, on=date(2025, 7, 10), reason="家暴风险")
    referred = refer_crisis(again, on=date(2025, 7, 11), referral=referral(date(2025, 7, 11)))
    assert [(h.on, h.crisis, h.reason) for h in referred.history] == [
        (date(2025, 7, 1), True, "表达自伤念头"),
        (date(2025, 7, 3), False, "安全计划已落实"),
        (date(2025, 7, 10), True, "家暴风险"),
        (date(2025, 7, 11), False, "转介至区精神卫生中心"),
    ]
    assert all(h.from_status is h.to_status is CaseStatus.INTERVENTION for h in referred.history)
    assert [r.id for r in referred.referrals] == ["r1"]


def test_a_crisis_referral_is_dated_the_day_of_the_move() -> None:
    in_crisis = new_case(status=CaseStatus.INTERVENTION, crisis=True)
    with pytest.raises(InvalidTransition) as info:
        refer_crisis(in_crisis, on=date(2025, 7, 3), referral=referral(date(2025, 7, 2)))
    assert info.value.guard == "referral_date_mismatch"
    assert (
        CaseGuard.REFERRAL_DATE_MISMATCH.label("en")
        == "The referral's date must be the move's date"
    )


def test_a_blank_reason_for_an_ordinary_move_is_an_argument_error() -> None:
    with pytest.raises(ArgumentError) as info:
        transition(new_case(), CaseStatus.ASSESSMENT, on=date(2025, 6, 3), reason="  ")
    assert (info.value.parameter, info.value.value) == ("reason", "  ")
    assert str(info.value) == "reason must be a text that is not blank, or None; got '  '"
    kept = transition(new_case(), CaseStatus.ASSESSMENT, on=date(2025, 6, 3), reason="家访后")
    assert kept.history[-1].reason == "家访后"


def test_a_crisis_blocks_closing_and_the_guard_is_named_in_english() -> None:
    closure = Closure(closed_on=date(2025, 7, 2), outcome=ClosureOutcome.TRANSFERRED)
    with pytest.raises(InvalidTransition) as info:
        transition(new_case(crisis=True), CaseStatus.CLOSED, on=date(2025, 7, 2), closure=closure)
    assert info.value.guard == "crisis_open"
    assert str(info.value) == "case cannot move from 'intake' to 'closed': crisis_open"
    assert info.value.guard == CaseGuard.CRISIS_OPEN
    assert CaseGuard.CRISIS_OPEN.label("en") == "A crisis is open: resolve or refer it first"


@PROPERTY_CONTRACT
@given(
    st.sampled_from(CaseStatus),
    st.booleans(),
    status_codes,
    days_and_datetimes,
    st.none() | st.text(max_size=4),
)
def test_case_functions_raise_only_documented_errors(
    status: CaseStatus, crisis: bool, to: str, day: date, reason: str | None
) -> None:
    closure = Closure(closed_on=OPENED, outcome=ClosureOutcome.DISENGAGED)
    closed = status is CaseStatus.CLOSED
    case = new_case(
        status=status, crisis=crisis and not closed, closure=closure if closed else None
    )
    for call in (
        lambda: transition(case, to, on=day, reason=reason),
        lambda: raise_crisis(case, on=day, reason=reason or ""),
        lambda: resolve_crisis(case, on=day, reason=reason or ""),
        lambda: refer_crisis(case, on=day, referral=referral()),
        lambda: allowed_moves(to),
    ):
        with contextlib.suppress(SocialWorkError, ValidationError):
            call()


def test_malformed_tables_name_their_problem() -> None:
    with pytest.raises(MalformedLifecycle) as info:
        check_lifecycle(m for m in CASE_MOVES if m.target is not CaseStatus.REVIEW)
    assert info.value.problem == "more than one initial state"
    with pytest.raises(MalformedLifecycle) as info:
        check_lifecycle((*CASE_MOVES, CaseMove(CaseStatus.CLOSED, CaseStatus.REVIEW)))
    assert info.value.problem == "closed left without a reopen reason"
    assert str(info.value).endswith("closed left without a reopen reason: 'closed->review'")


def test_a_malformed_table_names_the_argument() -> None:
    with pytest.raises(TypeError, match=r"^moves\b"):
        check_lifecycle([*CASE_MOVES, ("intake", "assessment")])  # type: ignore[list-item]
    with pytest.raises(TypeError, match=r"^states\b"):
        check_lifecycle(CASE_MOVES, states=5)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^states\b"):
        check_lifecycle(CASE_MOVES, states=["intake", 5])  # type: ignore[list-item]
