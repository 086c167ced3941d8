"""The contract of socialwork.stages at its edges: codes, dates, bounds, types and wording.

Each test here would fail if the fix it names were undone. Figures and
messages are worked out by hand in the comments.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from socialwork.errors import (
    ArgumentError,
    InvalidStageMove,
    InvalidTransition,
    MalformedLifecycle,
    SocialWorkError,
    TransitionBlocked,
    UnknownCodeError,
    UnknownLanguageError,
)
from socialwork.models import (
    BilingualText,
    Case,
    CaseStatus,
    Closure,
    ClosureOutcome,
    GroupKind,
    ProfileAspect,
    Referral,
)
from socialwork.records import MAX_COUNT, replace
from socialwork.stages import (
    ConsolidationEvidence,
    Engagement,
    EvaluationEvidence,
    LaunchEvidence,
    MoveKind,
    PreparationEvidence,
    Stage,
    StageEvidence,
    StageMove,
    StagePolicy,
    advance,
    allowed_moves,
    check_exit,
    move_back,
    raise_crisis,
    refer_crisis,
    resolve_crisis,
    stage_guide,
    stage_warnings,
    transition,
)
from socialwork.stages.cautions import Caution, StageWarning
from socialwork.stages.evidence import MAX_MEASURE, MAX_RATIO, require_stage
from socialwork.stages.exit import Comparison, CriterionResult, ExitCriterion
from socialwork.stages.lifecycle import CASE_MOVES, CaseGuard, CaseMove, check_lifecycle
from tests.strategies import EVIDENCE_BY_STAGE, engagements, stage_evidences, stage_policies

PROPERTY = settings(max_examples=60, deadline=None)
OPENED = date(2025, 6, 2)
AWARE = datetime(2025, 7, 1, 9, 30, tzinfo=timezone(timedelta(hours=8)))
NAIVE = datetime(2025, 7, 1, 9, 30)


def at(stage: Stage, on: date = date(2025, 6, 1)) -> Engagement:
    return Engagement(community_id="c1", stage=stage, entered_on=on)


def new_case(**changes: object) -> Case:
    fields: dict[str, object] = {
        "id": "k1",
        "client_id": "p1",
        "worker_id": "s1",
        "opened_on": OPENED,
    }
    return Case.model_validate(fields | changes)


def launch(**changes: object) -> LaunchEvidence:
    fields: dict[str, object] = {
        "groups_formed": (GroupKind.INTEREST, GroupKind.MUTUAL_AID),
        "leaders_trained": 5,
        "problems_solved_with_leaders": 2,
    }
    return LaunchEvidence.model_validate(fields | changes)


def referral(on: date = date(2025, 7, 2)) -> Referral:
    return Referral(
        id="r1",
        to_organisation="区精神卫生中心",
        reason="危机干预",
        referred_on=on,
        consent_id="k2",
    )


# --- enum parameters take the member or its code ---


def test_stage_guide_takes_a_code_and_refuses_an_unknown_one() -> None:
    assert stage_guide("launch") is stage_guide(Stage.LAUNCH)
    with pytest.raises(UnknownCodeError) as info:
        stage_guide("x")
    assert info.value.parameter == "stage"
    assert info.value.allowed == ("preparation", "launch", "consolidation", "evaluation")
    assert "'x'" in str(info.value)


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


def test_move_back_takes_a_code_for_to() -> None:
    back = move_back(at(Stage.CONSOLIDATION), to="launch", on=date(2025, 7, 1), reason="解散")
    assert (back.stage, back.history[-1].to_stage) == (Stage.LAUNCH, Stage.LAUNCH)
    with pytest.raises(UnknownCodeError) as info:
        move_back(at(Stage.CONSOLIDATION), to="lunch", on=date(2025, 7, 1), reason="r")
    assert info.value.parameter == "to"


def test_require_stage_takes_a_code() -> None:
    require_stage("launch", launch())
    with pytest.raises(UnknownCodeError) as info:
        require_stage("launching", launch())
    assert info.value.parameter == "stage"


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


# --- dates: a datetime or an out-of-range day is refused at the entry ---


def engagement_calls(day: Any) -> dict[str, Callable[[], object]]:
    return {
        "advance": lambda: advance(at(Stage.LAUNCH), launch(), on=day),
        "move_back": lambda: move_back(at(Stage.LAUNCH), to=Stage.PREPARATION, on=day, reason="r"),
    }


def case_calls(day: Any) -> dict[str, Callable[[], object]]:
    in_crisis = new_case(status=CaseStatus.INTERVENTION, crisis=True)
    return {
        "transition": lambda: transition(new_case(), CaseStatus.ASSESSMENT, on=day),
        "raise_crisis": lambda: raise_crisis(new_case(), on=day, reason="有自伤念头"),
        "resolve_crisis": lambda: resolve_crisis(in_crisis, on=day, reason="安全计划已落实"),
        "refer_crisis": lambda: refer_crisis(in_crisis, on=day, referral=referral()),
    }


def every_call(day: Any) -> dict[str, Callable[[], object]]:
    return engagement_calls(day) | case_calls(day)


@pytest.mark.parametrize("name", sorted(every_call(None)))
@pytest.mark.parametrize("day", [AWARE, NAIVE], ids=["aware", "naive"])
def test_a_datetime_for_on_is_refused_at_the_entry(name: str, day: datetime) -> None:
    with pytest.raises(ArgumentError) as info:
        every_call(day)[name]()
    assert info.value.parameter == "on"
    assert info.value.value == day
    assert "not a datetime" in str(info.value)


@pytest.mark.parametrize("name", sorted(every_call(None)))
@pytest.mark.parametrize("day", [date(1899, 12, 31), date(2200, 1, 1), date.max])
def test_a_day_outside_the_range_is_refused(name: str, day: date) -> None:
    with pytest.raises(ArgumentError) as info:
        every_call(day)[name]()
    assert info.value.parameter == "on"
    assert "1900-01-01 to 2199-12-31" in str(info.value)


@pytest.mark.parametrize("name", sorted(every_call(None)))
def test_a_day_that_is_no_date_is_a_type_error(name: str) -> None:
    with pytest.raises(TypeError, match=r"^on must be a datetime\.date; got str$"):
        every_call("2025-07-01")[name]()


# --- records: bounded, finite, revalidated on every edit ---


EVIDENCE: list[StageEvidence] = [
    PreparationEvidence(
        community_plan=True,
        profile_aspects=frozenset(ProfileAspect),
        households=1200,
        households_known=360,
        common_issues_raised=2,
        organisations=20,
        organisations_mapped=16,
    ),
    launch(),
    ConsolidationEvidence(
        residents=4080,
        residents_supporting=3468,
        new_core_leaders=1,
        written_procedures=1,
        supporting_units=1,
    ),
    EvaluationEvidence(
        summary_written=True, qualitative_sources=5, quantitative_indicators=5, next_cycle_plan=True
    ),
]


def count_fields(record: StageEvidence) -> list[str]:
    return [
        name
        for name, info in type(record).model_fields.items()
        if info.annotation is int and name != "stage"
    ]


def test_every_count_of_evidence_is_a_bounded_count() -> None:
    # preparation: households, known, issues, organisations, mapped, events;
    # launch: leaders, problems, two kinds of request, two kinds of dispute;
    # consolidation: residents, supporting, new leaders, procedures, units, two kinds of
    # contact, two kinds of activity; evaluation: qualitative and quantitative sources.
    assert [len(count_fields(e)) for e in EVIDENCE] == [6, 6, 9, 2]
    for evidence in EVIDENCE:
        for name in count_fields(evidence):
            bounds = [getattr(m, "le", None) for m in type(evidence).model_fields[name].metadata]
            assert MAX_COUNT in bounds, name


@pytest.mark.parametrize("evidence", EVIDENCE, ids=lambda e: type(e).__name__)
def test_an_edit_of_evidence_is_validated(evidence: StageEvidence) -> None:
    for name in count_fields(evidence):
        for bad in (-5, MAX_COUNT + 1, True, 2.0):
            with pytest.raises(ValidationError) as info:
                replace(evidence, **{name: bad})
            assert info.value.errors()[0]["loc"] == (name,)
            with pytest.raises(ValidationError):
                evidence.model_copy(update={name: bad})


def test_launch_evidence_refuses_negative_leaders_through_model_copy() -> None:
    evidence = launch()
    with pytest.raises(ValidationError) as info:
        evidence.model_copy(update={"leaders_trained": -5})
    assert info.value.errors()[0]["type"] == "greater_than_equal"
    with pytest.raises(ValidationError):
        replace(evidence, leaders_trained=-5)
    assert evidence.leaders_trained == 5


def test_edits_keep_the_part_within_the_whole() -> None:
    preparation, _, consolidation, _ = EVIDENCE
    with pytest.raises(ValidationError) as info:
        replace(preparation, households=359)  # 360 known of 359
    assert info.value.errors()[0]["type"] == "part_above_total"
    with pytest.raises(ValidationError):
        replace(consolidation, residents_supporting=4081)


SHARES = [
    "profile_completeness",
    "households_known_share",
    "organisations_mapped_share",
    "most_residents",
    "leader_focus_share",
    "min_participation_share",
    "min_evidence_share",
]
MINIMUMS = [
    "min_common_issues",
    "min_group_kinds",
    "min_leaders_trained",
    "min_problems_solved",
    "min_new_core_leaders",
    "min_written_procedures",
    "min_supporting_units",
    "min_qualitative_sources",
    "min_quantitative_indicators",
    "disputes_warning_at",
]


def test_the_policy_lists_every_threshold_once() -> None:
    assert sorted(StagePolicy.model_fields) == sorted(
        [*SHARES, *MINIMUMS, "max_events_before_profile", "worker_reliance_ratio"]
    )


@pytest.mark.parametrize("name", SHARES)
@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -0.01, 1.01, "0.5", True])
def test_policy_shares_are_finite_and_within_zero_and_one(name: str, bad: object) -> None:
    with pytest.raises(ValidationError) as info:
        StagePolicy.model_validate({name: bad})
    assert info.value.errors()[0]["loc"] == (name,)


@pytest.mark.parametrize("name", MINIMUMS)
@pytest.mark.parametrize(
    "bad", [0, -1, MAX_COUNT + 1, pytest.param(10**5000, id="10**5000"), 2.0, True]
)
def test_policy_minimums_are_bounded_whole_numbers(name: str, bad: object) -> None:
    with pytest.raises(ValidationError):
        StagePolicy.model_validate({name: bad})
    assert getattr(StagePolicy.model_validate({name: MAX_COUNT}), name) == MAX_COUNT


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -0.5, MAX_RATIO + 1])
def test_the_reliance_ratio_is_finite_and_bounded(bad: float) -> None:
    with pytest.raises(ValidationError):
        StagePolicy(worker_reliance_ratio=bad)
    assert StagePolicy(worker_reliance_ratio=MAX_RATIO).worker_reliance_ratio == MAX_RATIO


def test_an_edit_of_the_policy_is_validated() -> None:
    with pytest.raises(ValidationError):
        replace(StagePolicy(), most_residents=float("nan"))
    with pytest.raises(ValidationError):
        StagePolicy().model_copy(update={"min_leaders_trained": 0})
    # a share given as an int is a number: 1 means the whole
    assert StagePolicy(profile_completeness=1).profile_completeness == 1.0


# --- the engagement's history is the shared chain rule ---


FORWARD = StageMove(
    on=date(2025, 6, 1), from_stage=Stage.PREPARATION, to_stage=Stage.LAUNCH, kind=MoveKind.FORWARD
)


def errors_of(**fields: object) -> list[tuple[object, str, str]]:
    data: dict[str, object] = {"community_id": "c1", "entered_on": date(2025, 6, 1)}
    with pytest.raises(ValidationError) as info:
        Engagement.model_validate(data | fields)
    return [(e["loc"], e["type"], e["msg"]) for e in info.value.errors()]


def test_a_history_entry_that_does_not_start_where_the_last_ended() -> None:
    back = StageMove(
        on=date(2025, 6, 1),
        from_stage=Stage.CONSOLIDATION,
        to_stage=Stage.LAUNCH,
        kind=MoveKind.BACK,
        reason="r",
    )
    ((loc, kind, message),) = errors_of(stage=Stage.LAUNCH, history=(FORWARD, back))
    assert (loc, kind) == (("history", 1), "history_out_of_order")
    assert message == (
        "each history entry must start where the previous one ended (launch) "
        "and not be dated before it (2025-06-01)"
    )


def test_a_history_entry_dated_before_the_last() -> None:
    back = StageMove(
        on=date(2025, 5, 31),
        from_stage=Stage.LAUNCH,
        to_stage=Stage.PREPARATION,
        kind=MoveKind.BACK,
        reason="r",
    )
    ((loc, kind, _),) = errors_of(
        stage=Stage.PREPARATION, entered_on=date(2025, 5, 31), history=(FORWARD, back)
    )
    assert (loc, kind) == (("history", 1), "history_out_of_order")


def test_the_stage_must_be_where_the_history_ends() -> None:
    ((loc, kind, message),) = errors_of(stage=Stage.EVALUATION, history=(FORWARD,))
    assert (loc, kind) == (("stage",), "history_out_of_order")
    assert message == "stage must be where the history ends (launch); got evaluation"


def test_entered_on_must_be_the_date_of_the_last_move() -> None:
    ((loc, kind, message),) = errors_of(
        stage=Stage.LAUNCH, entered_on=date(2025, 6, 2), history=(FORWARD,)
    )
    assert (loc, kind) == (("entered_on",), "entered_on_mismatch")
    assert "(2025-06-01); got 2025-06-02" in message


# --- crisis reasons are kept in the history ---


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


# --- warnings: their stage, threshold and wording, in each language ---


def only_warning(stage: Stage, evidence: StageEvidence, **policy: object) -> StageWarning:
    (warning,) = stage_warnings(at(stage), evidence, StagePolicy.model_validate(policy))
    return warning


def test_the_events_before_profile_warning_in_full() -> None:
    three = frozenset({ProfileAspect.GEOGRAPHY, ProfileAspect.POPULATION, ProfileAspect.CULTURE})
    evidence = replace(EVIDENCE[0], profile_aspects=three, events_held=4)
    w = only_warning(Stage.PREPARATION, evidence)
    # 3 of 5 aspects = 60%; 4 events > the limit of 3
    assert (w.caution, w.stage, w.measured, w.threshold) == (
        Caution.EVENTS_BEFORE_PROFILE,
        Stage.PREPARATION,
        4,
        3,
    )
    assert w.message() == "社区概况只完成了60%，却已举办4场活动（上限3场）：先摸清社区、找准方向"
    assert w.message("en") == (
        "4 events held (limit 3) while the profile is only 60% complete: "
        "understand the community first"
    )
    one = only_warning(
        Stage.PREPARATION, replace(evidence, events_held=1), max_events_before_profile=0
    )
    assert one.message("en").startswith("1 event held (limit 0)")


def test_the_reliance_warning_in_full() -> None:
    w = only_warning(Stage.LAUNCH, launch(requests_to_worker=12, requests_to_leaders=4))
    # 12 requests to the worker > 1.0 x 4 to the leaders
    assert (w.code, w.stage, w.measured, w.threshold) == ("reliance_on_worker", Stage.LAUNCH, 12, 4)
    assert w.message() == "居民找社工求助12次，找自己的带头人只有4次：把事情交回带头人"
    assert w.message("en") == (
        "Residents asked the worker for help 12 times and their own leaders 4 times: "
        "hand matters back to the leaders"
    )
    once = only_warning(Stage.LAUNCH, launch(requests_to_worker=1, requests_to_leaders=0))
    assert once.message("en").startswith(
        "Residents asked the worker for help once and their own leaders 0 times"
    )
    # with a ratio of 2.5, 12 > 2.5 x 4 = 10 still warns, and the threshold says 10
    w = only_warning(
        Stage.LAUNCH,
        launch(requests_to_worker=12, requests_to_leaders=4),
        worker_reliance_ratio=2.5,
    )
    assert w.threshold == 10.0
    assert (
        stage_warnings(
            at(Stage.LAUNCH),
            launch(requests_to_worker=10, requests_to_leaders=4),
            StagePolicy(worker_reliance_ratio=2.5),
        )
        == ()
    )


def test_the_dispute_warnings_in_full() -> None:
    inside, between = stage_warnings(
        at(Stage.LAUNCH), launch(disputes_within_groups=1, disputes_between_groups=2)
    )
    assert (inside.caution, inside.stage, inside.measured, inside.threshold) == (
        Caution.DISPUTES_WITHIN_GROUPS,
        Stage.LAUNCH,
        1,
        1,
    )
    assert inside.message() == "小组内部发生1起人事或权力争执：谨慎调解"
    assert inside.message("en") == "1 dispute over people or power inside groups: mediate with care"
    assert (between.caution, between.measured) == (Caution.DISPUTES_BETWEEN_GROUPS, 2)
    assert between.message() == "小组之间发生2起人事或权力争执：谨慎调解"
    assert between.message("en") == (
        "2 disputes over people or power between groups: mediate with care"
    )
    # a station that tolerates one dispute warns from the second on
    assert [
        w.code
        for w in stage_warnings(
            at(Stage.LAUNCH),
            launch(disputes_within_groups=1, disputes_between_groups=2),
            StagePolicy(disputes_warning_at=2),
        )
    ] == ["disputes_between_groups"]


def test_the_consolidation_warnings_in_full() -> None:
    evidence = replace(
        EVIDENCE[2],
        contacts_with_leaders=30,
        contacts_with_residents=10,
        service_activities=9,
        participation_activities=1,
    )
    focus, services = stage_warnings(at(Stage.CONSOLIDATION), evidence)
    # 30 / 40 = 75% > 50%; 1 / 10 = 10% < 20%
    assert (focus.caution, focus.stage, focus.measured, focus.threshold) == (
        Caution.LEADER_FOCUS,
        Stage.CONSOLIDATION,
        0.75,
        0.5,
    )
    assert focus.message() == "社工75%的接触集中在带头人身上（上限50%）：别忽略普通居民"
    assert focus.message("en") == (
        "75% of the worker's contacts are with leaders (limit 50%): "
        "do not neglect ordinary residents"
    )
    assert (services.caution, services.stage, services.measured, services.threshold) == (
        Caution.SERVICES_ONLY,
        Stage.CONSOLIDATION,
        0.1,
        0.2,
    )
    assert services.message() == "居民参与策划和决策的活动只占10%（至少20%）：组织不能只提供服务"
    assert services.message("en") == (
        "Only 10% of activities let residents plan or decide (at least 20%): "
        "the organisation should not only deliver services"
    )


def test_the_evaluation_warnings_in_full() -> None:
    numbers = only_warning(
        Stage.EVALUATION, replace(EVIDENCE[3], qualitative_sources=1, quantitative_indicators=9)
    )
    # 1 / 10 = 10% < 20%
    assert (numbers.caution, numbers.stage, numbers.measured, numbers.threshold) == (
        Caution.ONLY_NUMBERS,
        Stage.EVALUATION,
        0.1,
        0.2,
    )
    assert numbers.message() == "定性资料只占总结依据的10%（至少20%）：平衡定性与定量资料"
    assert numbers.message("en") == (
        "Qualitative evidence is only 10% of the summary's evidence (at least 20%): "
        "balance qualitative and quantitative evidence"
    )
    impressions = only_warning(
        Stage.EVALUATION, replace(EVIDENCE[3], qualitative_sources=9, quantitative_indicators=0)
    )
    assert (impressions.caution, impressions.measured) == (Caution.ONLY_IMPRESSIONS, 0.0)
    assert impressions.message() == "定量资料只占总结依据的0%（至少20%）：平衡定性与定量资料"
    assert impressions.message("en").startswith("Quantitative evidence is only 0% of")


def test_a_share_just_below_its_limit_never_shows_as_the_limit() -> None:
    # 399 / 2000 = 19.95%: rounded to whole percents it would read "20% (at least 20%)"
    evidence = replace(EVIDENCE[2], service_activities=1601, participation_activities=399)
    w = only_warning(Stage.CONSOLIDATION, evidence)
    assert w.message() == "居民参与策划和决策的活动只占19.95%（至少20.00%）：组织不能只提供服务"
    # 5004 / 10000 = 50.04% of contacts with leaders, just above 50%
    evidence = replace(EVIDENCE[2], contacts_with_leaders=5004, contacts_with_residents=4996)
    w = only_warning(Stage.CONSOLIDATION, evidence)
    assert "50.04% of the worker's contacts are with leaders (limit 50.00%)" in w.message("en")


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("zh", "小组内部发生1起人事或权力争执：谨慎调解"),
        ("zh-Hans", "小组内部发生1起人事或权力争执：谨慎调解"),
        ("zh_CN", "小组内部发生1起人事或权力争执：谨慎调解"),
        ("en", "1 dispute over people or power inside groups: mediate with care"),
        ("en-US", "1 dispute over people or power inside groups: mediate with care"),
        ("EN_us", "1 dispute over people or power inside groups: mediate with care"),
    ],
)
def test_warnings_take_every_language_alias(language: str, expected: str) -> None:
    w = only_warning(Stage.LAUNCH, launch(disputes_within_groups=1))
    assert w.message(language) == expected


def test_an_unknown_language_is_refused_everywhere_text_is_rendered() -> None:
    w = only_warning(Stage.LAUNCH, launch(disputes_within_groups=1))
    (unmet,) = check_exit(at(Stage.LAUNCH), launch(leaders_trained=4)).unmet
    renders: list[Callable[[], str]] = [
        lambda: w.message("fr"),
        lambda: unmet.description("fr"),
        lambda: stage_guide(Stage.LAUNCH).tasks[0].text("fr"),
        lambda: Stage.LAUNCH.label("fr"),
    ]
    for render in renders:
        with pytest.raises(UnknownLanguageError):
            render()


def test_criteria_and_guides_in_english_and_traditional_chinese() -> None:
    (unmet,) = check_exit(at(Stage.LAUNCH), launch(leaders_trained=4)).unmet
    assert unmet.description("en") == "A batch of resident leaders trained"
    assert unmet.description("zh-TW") == "培養了一批居民骨幹"
    assert unmet.description("zh-HK") == ExitCriterion.LEADERS_TRAINED.label("zh-Hant")
    assert str(unmet) == "leaders_trained: 4 (at least 5)"
    guide = stage_guide("consolidation")
    assert guide.guidelines[0].text("en-US") == (
        "Set up or strengthen the residents' organisation and put the work on a systematic footing"
    )
    assert Stage.CONSOLIDATION.label("zh-Hant") == "鞏固"


# --- a wrongly typed record is a clear TypeError, never an AttributeError ---


WRONG: Any = "not the right type"
NUMBER: Any = 3
NOTHING: Any = None
"""Arguments a type checker would refuse, for the calls below."""

ON = date(2025, 7, 1)
WRONGLY_TYPED: dict[str, tuple[Callable[[], object], str]] = {
    "advance engagement": (
        lambda: advance(WRONG, launch(), on=ON),
        "engagement must be a Engagement; got str",
    ),
    "advance evidence": (
        lambda: advance(at(Stage.LAUNCH), WRONG, on=ON),
        "evidence must be the evidence record of a stage; got str",
    ),
    "check_exit engagement": (
        lambda: check_exit(WRONG, launch()),
        "engagement must be a Engagement; got str",
    ),
    "check_exit policy": (
        lambda: check_exit(at(Stage.LAUNCH), launch(), WRONG),
        "policy must be a StagePolicy; got str",
    ),
    "stage_warnings engagement": (
        lambda: stage_warnings(NUMBER, launch()),
        "engagement must be a Engagement; got int",
    ),
    "stage_warnings evidence": (
        lambda: stage_warnings(at(Stage.LAUNCH), WRONG),
        "evidence must be the evidence record of a stage; got str",
    ),
    "stage_warnings policy": (
        lambda: stage_warnings(at(Stage.LAUNCH), launch(), NOTHING),
        "policy must be a StagePolicy; got NoneType",
    ),
    "move_back engagement": (
        lambda: move_back(WRONG, to=Stage.PREPARATION, on=ON, reason="r"),
        "engagement must be a Engagement; got str",
    ),
    "move_back reason": (
        lambda: move_back(at(Stage.LAUNCH), to=Stage.PREPARATION, on=ON, reason=NOTHING),
        "reason must be a str; got NoneType",
    ),
    "move_back to": (
        lambda: move_back(at(Stage.LAUNCH), to=NUMBER, on=ON, reason="r"),
        "to must be a Stage or one of its codes; got int",
    ),
    "transition case": (
        lambda: transition(WRONG, "assessment", on=ON),
        "case must be a Case; got str",
    ),
    "transition closure": (
        lambda: transition(new_case(), "closed", on=ON, closure=WRONG),
        "closure must be a Closure; got str",
    ),
    "transition reason": (
        lambda: transition(new_case(), "assessment", on=ON, reason=NUMBER),
        "reason must be a str; got int",
    ),
    "refer_crisis referral": (
        lambda: refer_crisis(new_case(crisis=True), on=ON, referral=WRONG),
        "referral must be a Referral; got str",
    ),
    "refer_crisis case": (
        lambda: refer_crisis(WRONG, on=ON, referral=referral()),
        "case must be a Case; got str",
    ),
    "raise_crisis reason": (
        lambda: raise_crisis(new_case(), on=ON, reason=NUMBER),
        "reason must be a str; got int",
    ),
    "raise_crisis case": (
        lambda: raise_crisis(NOTHING, on=ON, reason="r"),
        "case must be a Case; got NoneType",
    ),
    "resolve_crisis case": (
        lambda: resolve_crisis(WRONG, on=ON, reason="r"),
        "case must be a Case; got str",
    ),
    "allowed_moves": (
        lambda: allowed_moves(NUMBER),
        "status must be a CaseStatus or one of its codes; got int",
    ),
    "stage_guide": (
        lambda: stage_guide(NUMBER),
        "stage must be a Stage or one of its codes; got int",
    ),
    "check_lifecycle": (
        lambda: check_lifecycle([WRONG]),
        "moves must be a CaseMove; got str",
    ),
}


@pytest.mark.parametrize("name", sorted(WRONGLY_TYPED))
def test_a_wrongly_typed_argument_is_a_type_error_naming_it(name: str) -> None:
    call, message = WRONGLY_TYPED[name]
    with pytest.raises(TypeError) as info:
        call()
    assert str(info.value) == message


# --- properties: only documented errors escape ---


days_and_datetimes = st.one_of(
    st.dates(min_value=date(1899, 12, 1), max_value=date(2200, 1, 31)),
    st.sampled_from([date.min, date.max]),
    st.datetimes(timezones=st.none() | st.just(UTC)),
)
stage_codes = (
    st.sampled_from(Stage) | st.sampled_from([s.value for s in Stage]) | st.text(max_size=8)
)
status_codes = (
    st.sampled_from(CaseStatus)
    | st.sampled_from([s.value for s in CaseStatus])
    | st.text(max_size=8)
)


@PROPERTY
@given(engagements(), stage_evidences, stage_policies, days_and_datetimes, stage_codes, st.text())
def test_engagement_functions_raise_only_documented_errors(
    engagement: Engagement,
    evidence: StageEvidence,
    policy: StagePolicy,
    day: date,
    to: str,
    reason: str,
) -> None:
    for call in (
        lambda: advance(engagement, evidence, on=day, policy=policy),
        lambda: move_back(engagement, to=to, on=day, reason=reason),
        lambda: check_exit(engagement, evidence, policy),
        lambda: stage_warnings(engagement, evidence, policy),
        lambda: stage_guide(to),
    ):
        with contextlib.suppress(SocialWorkError, ValidationError):
            call()


@PROPERTY
@given(engagements(), st.data(), stage_policies)
def test_no_measure_or_warning_is_ever_nan(
    engagement: Engagement, data: st.DataObject, policy: StagePolicy
) -> None:
    evidence = data.draw(EVIDENCE_BY_STAGE[engagement.stage])
    for result in check_exit(engagement, evidence, policy).criteria:
        assert result.measured is None or result.measured == result.measured
    for warning in stage_warnings(engagement, evidence, policy):
        assert warning.measured == warning.measured
        assert warning.threshold == warning.threshold
        assert warning.stage is engagement.stage
        assert "nan" not in warning.message("en")


@PROPERTY
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


@PROPERTY
@given(engagements(), st.integers(min_value=-3, max_value=3))
def test_a_move_back_is_refused_before_the_stage_was_entered(
    engagement: Engagement, days: int
) -> None:
    if engagement.stage is Stage.PREPARATION:
        return
    on = engagement.entered_on + timedelta(days=days)
    if days < 0:
        with pytest.raises(InvalidStageMove, match="not be dated before"):
            move_back(engagement, to=Stage.PREPARATION, on=on, reason="r")
    else:
        assert move_back(engagement, to=Stage.PREPARATION, on=on, reason="r").entered_on == on


# --- results built by hand keep to the same bounds as the ones the functions build ---


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -1, MAX_MEASURE + 1, 2**63])
def test_a_result_refuses_a_measure_no_check_could_produce(bad: float) -> None:
    text = BilingualText.of("只有数字", "Numbers only")
    with pytest.raises(ArgumentError) as info:
        CriterionResult(ExitCriterion.LEADERS_TRAINED, bad, 5, Comparison.AT_LEAST, False)
    assert info.value.parameter == "measured"
    with pytest.raises(ArgumentError) as info:
        CriterionResult(ExitCriterion.LEADERS_TRAINED, 3, bad, Comparison.AT_LEAST, False)
    assert info.value.parameter == "threshold"
    with pytest.raises(ArgumentError) as info:
        StageWarning(Caution.ONLY_NUMBERS, Stage.EVALUATION, 0.0, bad, text)
    assert info.value.parameter == "threshold"
    with pytest.raises(ArgumentError) as info:
        StageWarning(Caution.ONLY_NUMBERS, Stage.EVALUATION, bad, 0.2, text)
    assert info.value.parameter == "measured"


def test_a_result_keeps_undefined_shares_and_required_flags() -> None:
    undefined = CriterionResult(
        ExitCriterion.HOUSEHOLDS_KNOWN, None, 0.3, Comparison.AT_LEAST, False
    )
    assert str(undefined) == "households_known: undefined (at least 0.3)"
    required = CriterionResult(ExitCriterion.COMMUNITY_PLAN, False, True, Comparison.IS, False)
    assert str(required) == "community_plan: False (must be True)"
    # the largest threshold a policy can produce: a ratio of 1,000 times a billion requests
    assert MAX_MEASURE == MAX_RATIO * MAX_COUNT == 10**12


# --- what mutation testing found no test reading ---


def test_advance_judges_by_the_policy_it_is_given() -> None:
    four = launch(leaders_trained=4)
    with pytest.raises(TransitionBlocked):
        advance(at(Stage.LAUNCH), four, on=date(2025, 9, 1))
    moved = advance(
        at(Stage.LAUNCH), four, on=date(2025, 9, 1), policy=StagePolicy(min_leaders_trained=4)
    )
    assert moved.stage is Stage.CONSOLIDATION


def test_an_exit_check_keeps_what_it_judged() -> None:
    evidence = EVIDENCE[3]
    policy = StagePolicy(min_quantitative_indicators=6)
    check = check_exit(at(Stage.EVALUATION), evidence, policy)
    assert (check.stage, check.evidence, check.policy) == (Stage.EVALUATION, evidence, policy)
    # a written summary, 5 qualitative sources of at least 1, 5 quantitative of at least 6, a plan
    assert [str(c) for c in check.criteria] == [
        "summary_written: True (must be True)",
        "qualitative_evidence: 5 (at least 1)",
        "quantitative_evidence: 5 (at least 6)",
        "next_cycle_plan: True (must be True)",
    ]
    assert [c.criterion for c in check.criteria] == [
        ExitCriterion.SUMMARY_WRITTEN,
        ExitCriterion.QUALITATIVE_EVIDENCE,
        ExitCriterion.QUANTITATIVE_EVIDENCE,
        ExitCriterion.NEXT_CYCLE_PLAN,
    ]
    assert [c.code for c in check.unmet] == ["quantitative_evidence"]


def test_a_required_flag_that_is_false_is_shown_as_such() -> None:
    evidence = replace(EVIDENCE[0], community_plan=False)
    (plan,) = check_exit(at(Stage.PREPARATION), evidence).unmet
    assert (plan.measured, plan.threshold, plan.comparison, plan.met) == (
        False,
        True,
        Comparison.IS,
        False,
    )
    assert str(plan) == "community_plan: False (must be True)"
    assert plan.description() == "已按成文计划系统地进入社区"
    assert plan.description("en") == "The worker entered the community through a written plan"


def test_one_decimal_is_shown_when_one_tells_a_share_from_its_limit() -> None:
    # 39 / 200 = 19.5%, which whole percents would round to the limit of 20%
    evidence = replace(EVIDENCE[2], service_activities=161, participation_activities=39)
    w = only_warning(Stage.CONSOLIDATION, evidence)
    assert w.message() == "居民参与策划和决策的活动只占19.5%（至少20.0%）：组织不能只提供服务"


def test_malformed_tables_name_their_problem() -> None:
    with pytest.raises(MalformedLifecycle) as info:
        check_lifecycle(m for m in CASE_MOVES if m.target is not CaseStatus.REVIEW)
    assert info.value.problem == "more than one initial state"
    with pytest.raises(MalformedLifecycle) as info:
        check_lifecycle((*CASE_MOVES, CaseMove(CaseStatus.CLOSED, CaseStatus.REVIEW)))
    assert info.value.problem == "closed left without a reopen reason"
    assert str(info.value).endswith("closed left without a reopen reason: 'closed->review'")
