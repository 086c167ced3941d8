"""Approvals: maker-checker, reasons, codes, history and the cycle (CaseBridge's defects)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from socialwork.errors import TeamRuleError, UnknownCodeError
from socialwork.samples import team_month
from socialwork.team import (
    ApprovalAction,
    ApprovalKind,
    ApprovalRequest,
    ApprovalStatus,
    approval_cycle,
    decide,
)
from tests.team.support import JUNE

DRAFT = ApprovalRequest(
    id="ap",
    kind=ApprovalKind.CLOSURE,
    subject_id="k3",
    requested_by="s3",
    requested_on=date(2025, 6, 2),
)


def test_casebridge_any_decision_string_is_refused() -> None:
    """CaseBridge accepted any decision string; here only ApprovalAction's codes pass."""
    with pytest.raises(UnknownCodeError) as caught:
        decide(DRAFT, "looks fine", by="s1", on=date(2025, 6, 3))
    assert caught.value.allowed == ("approve", "reject", "return", "resubmit")
    with pytest.raises(ValidationError):
        ApprovalRequest.model_validate(
            {**DRAFT.model_dump(), "history": [{"on": "2025-06-03", "by": "s1", "action": "ok"}]}
        )


def test_casebridge_the_author_cannot_approve_their_own_draft() -> None:
    with pytest.raises(TeamRuleError) as caught:
        decide(DRAFT, ApprovalAction.APPROVE, by="s3", on=date(2025, 6, 3))
    assert (caught.value.rule, caught.value.code) == ("self_approval", "team_rule")
    stored = {
        **DRAFT.model_dump(),
        "history": [{"on": "2025-06-03", "by": "s3", "action": "approve"}],
    }
    with pytest.raises(ValidationError) as invalid:
        ApprovalRequest.model_validate(stored)
    error = invalid.value.errors()[0]
    assert (error["type"], error["loc"]) == ("approval_step_refused", ("history", 0))
    assert error["msg"].startswith("self_approval")


def test_a_rejection_carries_a_reason_and_ends_the_request() -> None:
    with pytest.raises(TeamRuleError, match="reason_required"):
        decide(DRAFT, ApprovalAction.REJECT, by="s1", on=date(2025, 6, 3))
    rejected = decide(
        DRAFT, ApprovalAction.REJECT, by="s1", on=date(2025, 6, 5), reason="目标未达成"
    )
    assert (rejected.status, rejected.decided_on, rejected.cycle_days) == (
        ApprovalStatus.REJECTED,
        date(2025, 6, 5),
        3,
    )
    with pytest.raises(TeamRuleError, match="not_pending"):
        decide(rejected, ApprovalAction.APPROVE, by="s2", on=date(2025, 6, 6))
    assert "目标未达成" not in repr(rejected)


def test_a_return_goes_back_to_the_maker_and_the_history_keeps_it_all() -> None:
    returned = decide(DRAFT, ApprovalAction.RETURN, by="s1", on=date(2025, 6, 3), reason="补充评估")
    with pytest.raises(TeamRuleError, match="not_pending"):
        decide(returned, ApprovalAction.APPROVE, by="s1", on=date(2025, 6, 4))
    with pytest.raises(TeamRuleError, match="resubmit_by_other"):
        decide(returned, ApprovalAction.RESUBMIT, by="s1", on=date(2025, 6, 4))
    again = decide(returned, ApprovalAction.RESUBMIT, by="s3", on=date(2025, 6, 4))
    with pytest.raises(TeamRuleError, match="decided_before_request"):
        decide(again, ApprovalAction.APPROVE, by="s1", on=date(2025, 6, 3))
    done = decide(again, ApprovalAction.APPROVE, by="s1", on=date(2025, 6, 9))
    assert [(s.by, s.action.value) for s in done.history] == [
        ("s1", "return"),
        ("s3", "resubmit"),
        ("s1", "approve"),
    ]
    assert done.cycle_days == 7  # 2 June to 9 June, the return included
    assert done.status_on(date(2025, 6, 3)) is ApprovalStatus.RETURNED
    assert ApprovalRequest.model_validate_json(done.model_dump_json()) == done


def test_the_sample_cycle() -> None:
    team = team_month()
    cycle = approval_cycle(team.approvals, team.period)
    # closure 9 -> 12 June (3), referral 9 -> 16 (7), goods 3 -> 10 (7): 17 / 3 = 5.67.
    assert cycle.days == (("ap1", 3), ("ap2", 7), ("ap3", 7))
    assert (round(cycle.mean_days or 0, 2), cycle.pending, cycle.longest) == (5.67, 1, 7)
    assert "平均5.7天" in cycle.to_text("zh")
    assert approval_cycle([], JUNE).mean_days is None


actions = st.sampled_from(list(ApprovalAction))
people = st.sampled_from(["s1", "s2", "s3"])


@given(st.lists(st.tuples(actions, people, st.integers(0, 5), st.booleans()), max_size=8))
def test_whatever_is_tried_the_history_never_breaks_a_rule(
    tries: list[tuple[ApprovalAction, str, int, bool]],
) -> None:
    request, day = DRAFT, DRAFT.requested_on
    for action, who, gap, reason in tries:
        day = day + timedelta(days=gap)
        try:
            request = decide(request, action, by=who, on=day, reason="理由" if reason else None)
        except TeamRuleError:
            continue
    for step in request.history:
        if step.action is not ApprovalAction.RESUBMIT:
            assert step.by != request.requested_by
        else:
            assert step.by == request.requested_by
    assert ApprovalRequest.model_validate_json(request.model_dump_json()) == request
    assert request.cycle_days is None or request.cycle_days >= 0
