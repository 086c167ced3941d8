"""Approvals (审批) as checked transitions: maker–checker, reasons, codes and a history.

A closure, a referral or a resource application asks for approval: an
`ApprovalRequest` names who asked and when, and its history keeps every
step: who decided what, when, and why. `decide` is the one way to add a
step, and the request's validators hold the same rules, so a stored
request cannot break them either:

* the decision is one of `ApprovalAction`'s codes (any other string is
  refused, not stored);
* whoever approves, rejects or returns a request is not its requester
  (maker–checker, rule ``self_approval``);
* a rejection or a return carries a reason (``reason_required``);
* only a pending request is decided, and only a returned one is
  resubmitted, by its requester (``not_pending``, ``resubmit_by_other``);
* no step is dated before the request or the step before it
  (``decided_before_request``).

The approval cycle (审批周期) is the days from the request to its final
decision; `approval_cycle` summarises it over a period.

Examples:
    >>> from datetime import date
    >>> r = ApprovalRequest(id="ap1", kind="resource_application", subject_id="fund-2025-06",
    ...                     requested_by="s2", requested_on=date(2025, 6, 3))
    >>> r = decide(r, "approve", by="s1", on=date(2025, 6, 8))
    >>> r.status.value, r.cycle_days
    ('approved', 5)
    >>> decide(r, "approve", by="s1", on=date(2025, 6, 9))
    Traceback (most recent call last):
    ...
    socialwork.errors.TeamRuleError: not_pending: expected a request waiting for a decision; \
got one that is approved
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, Self

from attrs import frozen
from pydantic import model_validator

from socialwork._arguments import require_day, require_instance, require_member, require_records
from socialwork.display.displayable import Displayable
from socialwork.display.document import Document, Heading, Paragraph, Table
from socialwork.errors import TeamRuleError
from socialwork.labels import LabelledEnum, Language, canonical_language, select_language
from socialwork.models import Period
from socialwork.records import Day, Id, Record, Text, break_rule, personal, replace

__all__ = [
    "ApprovalAction",
    "ApprovalCycle",
    "ApprovalKind",
    "ApprovalRequest",
    "ApprovalStatus",
    "ApprovalStep",
    "approval_cycle",
    "decide",
]


class ApprovalKind(LabelledEnum):
    """What asks for approval (审批事项)."""

    CLOSURE = "closure", "结案申请", "Case closure", "結案申請"
    REFERRAL = "referral", "转介申请", "Referral", "轉介申請"
    RESOURCE_APPLICATION = (
        "resource_application",
        "资源申请",
        "Resource application",
        "資源申請",
    )


class ApprovalAction(LabelledEnum):
    """A step of an approval: three decisions by the checker, and a resubmission by the maker."""

    APPROVE = "approve", "批准", "Approve", "批准"
    REJECT = "reject", "驳回", "Reject", "駁回"
    RETURN = "return", "退回修改", "Return for changes", "退回修改"
    RESUBMIT = "resubmit", "重新提交", "Resubmit", "重新提交"


class ApprovalStatus(LabelledEnum):
    """Where a request stands."""

    PENDING = "pending", "待审批", "Pending", "待審批"
    RETURNED = "returned", "已退回", "Returned for changes", "已退回"
    APPROVED = "approved", "已批准", "Approved", "已批准"
    REJECTED = "rejected", "已驳回", "Rejected", "已駁回"


_AFTER = {
    ApprovalAction.APPROVE: ApprovalStatus.APPROVED,
    ApprovalAction.REJECT: ApprovalStatus.REJECTED,
    ApprovalAction.RETURN: ApprovalStatus.RETURNED,
    ApprovalAction.RESUBMIT: ApprovalStatus.PENDING,
}
_FINAL = frozenset({ApprovalStatus.APPROVED, ApprovalStatus.REJECTED})


class ApprovalStep(Record):
    """One step of a request's history: who did what on which day, and why.

    The reason is personal data (it may speak of a client's situation).

    Examples:
        >>> from datetime import date
        >>> ApprovalStep(on=date(2025, 6, 8), by="s1", action="reject", reason="材料不全")
        ApprovalStep(on=datetime.date(2025, 6, 8), by='s1', action=<ApprovalAction.REJECT: \
'reject' 驳回>)
    """

    on: Day
    by: Id
    action: ApprovalAction
    reason: Text | None = personal(default=None, repr=False)


def _refusal(
    status: ApprovalStatus, last_day: date, requested_by: str, step: ApprovalStep
) -> tuple[str, str, str] | None:
    """The rule ``step`` breaks on a request in ``status``: (rule, expected, actual), or None."""
    resubmit = step.action is ApprovalAction.RESUBMIT
    if step.on < last_day:
        return "decided_before_request", f"a day on or after {last_day}", str(step.on)
    if resubmit:
        if status is not ApprovalStatus.RETURNED:
            return "not_pending", "a returned request to resubmit", f"one that is {status.value}"
        if step.by != requested_by:
            return "resubmit_by_other", f"the requester {requested_by}", step.by
        return None
    if status is not ApprovalStatus.PENDING:
        return "not_pending", "a request waiting for a decision", f"one that is {status.value}"
    if step.by == requested_by:
        return "self_approval", f"an approver other than {requested_by}", step.by
    if step.action is not ApprovalAction.APPROVE and step.reason is None:
        return "reason_required", f"a reason to {step.action.value}", "none"
    return None


class ApprovalRequest(Record):
    """A request for approval and its history (审批记录).

    Examples:
        >>> from datetime import date
        >>> ApprovalRequest(id="ap2", kind="closure", subject_id="k3", requested_by="s3",
        ...     requested_on=date(2025, 6, 2),
        ...     history=(ApprovalStep(on=date(2025, 6, 3), by="s3", action="approve"),))
        Traceback (most recent call last):
        ...
        pydantic_core._pydantic_core.ValidationError: 1 validation error for ApprovalRequest
        history.0
          self_approval: expected an approver other than s3; got s3 ...
    """

    id: Id
    kind: ApprovalKind
    subject_id: Id
    requested_by: Id
    requested_on: Day
    history: tuple[ApprovalStep, ...] = ()

    @model_validator(mode="after")
    def _steps_follow_the_rules(self) -> Self:
        status, last = ApprovalStatus.PENDING, self.requested_on
        for index, step in enumerate(self.history):
            broken = _refusal(status, last, self.requested_by, step)
            if broken is not None:
                rule, expected, actual = broken
                break_rule(
                    "ApprovalRequest",
                    ("history", index),
                    "approval_step_refused",
                    "{rule}: expected {expected}; got {actual}",
                    step.action.value,
                    rule=rule,
                    expected=expected,
                    actual=actual,
                )
            status, last = _AFTER[step.action], step.on
        return self

    @property
    def status(self) -> ApprovalStatus:
        """Where the request stands after its last step."""
        return _AFTER[self.history[-1].action] if self.history else ApprovalStatus.PENDING

    def status_on(self, day: date) -> ApprovalStatus:
        """Where the request stood at the end of ``day`` (pending before any step).

        Raises:
            ArgumentError: ``day`` is a ``datetime`` or outside 1900–2199.

        Examples:
            >>> from datetime import date
            >>> r = ApprovalRequest(id="a", kind="referral", subject_id="k4", requested_by="s4",
            ...     requested_on=date(2025, 6, 2),
            ...     history=(ApprovalStep(on=date(2025, 6, 9), by="s1", action="approve"),))
            >>> r.status_on(date(2025, 6, 8)).value, r.status_on(date(2025, 6, 9)).value
            ('pending', 'approved')
        """
        day = require_day(day, "day")
        status = ApprovalStatus.PENDING
        for step in self.history:
            if step.on > day:
                break
            status = _AFTER[step.action]
        return status

    @property
    def decided_on(self) -> date | None:
        """The day of the final decision (approved or rejected), or ``None``."""
        if self.history and self.status in _FINAL:
            return self.history[-1].on
        return None

    @property
    def cycle_days(self) -> int | None:
        """Days from the request to its final decision (审批周期), or ``None`` while undecided."""
        decided = self.decided_on
        return None if decided is None else (decided - self.requested_on).days


def decide(
    request: ApprovalRequest,
    action: ApprovalAction | str,
    *,
    by: str,
    on: date,
    reason: str | None = None,
) -> ApprovalRequest:
    """Return ``request`` with one more step: ``by`` does ``action`` on ``on``.

    ``action`` is an `ApprovalAction` or its code; any other string is
    refused. The rules are in the module docstring.

    Raises:
        UnknownCodeError: ``action`` is no code of `ApprovalAction`.
        TeamRuleError: the step breaks a rule (``.rule`` names it).
        ArgumentError: ``on`` is a ``datetime`` or outside 1900–2199.
        pydantic.ValidationError: ``by`` is not a valid id or ``reason`` is blank.

    Examples:
        >>> from datetime import date
        >>> r = ApprovalRequest(id="ap3", kind="closure", subject_id="k3", requested_by="s3",
        ...                     requested_on=date(2025, 6, 2))
        >>> decide(r, "approved", by="s1", on=date(2025, 6, 3))
        Traceback (most recent call last):
        ...
        socialwork.errors.UnknownCodeError: action must be one of the codes 'approve', 'reject', \
'return', 'resubmit'; got 'approved'
        >>> decide(r, "approve", by="s3", on=date(2025, 6, 3))
        Traceback (most recent call last):
        ...
        socialwork.errors.TeamRuleError: self_approval: expected an approver other than s3; got s3
        >>> decide(r, "return", by="s1", on=date(2025, 6, 3), reason="补充评估").status.value
        'returned'
    """
    request = require_instance(ApprovalRequest, request, "request")
    chosen = require_member(ApprovalAction, action, "action")
    step = ApprovalStep(on=require_day(on, "on"), by=by, action=chosen, reason=reason)
    last = request.history[-1].on if request.history else request.requested_on
    broken = _refusal(request.status, last, request.requested_by, step)
    if broken is not None:
        raise TeamRuleError(*broken)
    return replace(request, history=(*request.history, step))


@frozen
class ApprovalCycle(Displayable):
    """The approval cycle (审批周期) over a period: days from request to decision.

    ``days`` holds each request decided in the period as ``(request id,
    days)``; ``pending`` counts the requests still waiting (or returned) at
    the period's end. ``mean_days`` is ``None`` when nothing was decided.

    Examples:
        >>> c = ApprovalCycle((("ap1", 5), ("ap2", 14)), 1)
        >>> c.mean_days, c.longest, str(c)
        (9.5, 14, '9.5 days (2 decided)')
    """

    days: tuple[tuple[str, int], ...]
    pending: int

    @property
    def decided(self) -> int:
        """Requests decided in the period."""
        return len(self.days)

    @property
    def mean_days(self) -> float | None:
        """Mean days from request to decision, or ``None`` when none was decided."""
        return None if not self.days else sum(d for _, d in self.days) / len(self.days)

    @property
    def longest(self) -> int | None:
        """The longest cycle in days, or ``None``."""
        return max((d for _, d in self.days), default=None)

    def __str__(self) -> str:
        """``"9.5 days (2 decided)"``, or ``"n/a"``."""
        mean = self.mean_days
        return "n/a" if mean is None else f"{mean:.1f} days ({self.decided} decided)"

    def __repr__(self) -> str:
        """The figure and the pending count."""
        return f"ApprovalCycle({self}, {self.pending} pending)"

    def to_document(self, language: Language | str = "zh") -> Document:
        """Return the mean cycle, then each decided request and its days.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> print(ApprovalCycle((("ap1", 5),), 0).to_markdown("en"))
            # Approval cycle
            <BLANKLINE>
            Mean 5.0 days over 1 decided; 0 pending.
            <BLANKLINE>
            | Request | Days |
            |---|---|
            | ap1 | 5 |
            <BLANKLINE>
        """
        script = canonical_language(language)
        mean = self.mean_days
        shown = "n/a" if mean is None else f"{mean:.1f}"
        title = select_language(script, "审批周期", "Approval cycle", "審批週期")
        line = select_language(
            script,
            f"平均{shown}天,已审批{self.decided}件;待审批{self.pending}件。",
            f"Mean {shown} days over {self.decided} decided; {self.pending} pending.",
            f"平均{shown}天,已審批{self.decided}件;待審批{self.pending}件。",
        )
        header = (
            select_language(script, "申请", "Request", "申請"),
            select_language(script, "天数", "Days", "天數"),
        )
        return Document([Heading(title, 1), Paragraph(line), Table(header, self.days)])

    def to_rows(self) -> list[dict[str, Any]]:
        """Return one row per decided request.

        Examples:
            >>> ApprovalCycle((("ap1", 5),), 0).to_rows()
            [{'request_id': 'ap1', 'days': 5}]
        """
        return [{"request_id": key, "days": days} for key, days in self.days]


def approval_cycle(requests: Iterable[ApprovalRequest], period: Period) -> ApprovalCycle:
    """The approval cycle of the requests decided in ``period``.

    Decided: approved or rejected on a day of the period; pending: requested
    by the period's end and neither approved nor rejected by then.

    Raises:
        TypeError: an argument is not of its record type.

    Examples:
        >>> from socialwork.samples import team_month
        >>> team = team_month()
        >>> str(approval_cycle(team.approvals, team.period))
        '5.7 days (3 decided)'
    """
    found = require_records(ApprovalRequest, requests, "requests")
    period = require_instance(Period, period, "period")
    days = []
    pending = 0
    for request in found:
        decided = request.decided_on
        cycle = request.cycle_days
        if decided is not None and cycle is not None and period.start <= decided <= period.end:
            days.append((request.id, cycle))
        elif request.requested_on <= period.end and request.status_on(period.end) not in _FINAL:
            pending += 1
    return ApprovalCycle(tuple(days), pending)
