"""Evaluation records (评估记录): a process or outcome evaluation of a service or project.

An `Evaluation` says what was evaluated and how (`EvaluationKind`: process
or outcome), by whom (`Evaluator`: internal, or a third party such as the
body that buys the service), over which period, which plan and goals it
judges, and its `Finding` s. A year-end plan review cites the evaluations
of its plan with `evaluations_for`.

Examples:
    >>> from datetime import date
    >>> from socialwork.models import Period
    >>> e = Evaluation(id="e1", kind="outcome", evaluator="third_party",
    ...                period=Period(start=date(2025, 3, 1), end=date(2025, 5, 31)),
    ...                completed_on=date(2025, 6, 20), plan_id="elderly2025",
    ...                goal_ids=("mood",),
    ...                findings=(Finding(text="GDS-15 fell by 2.6 points on average",
    ...                                  goal_id="mood"),))
    >>> e.kind.label(), e.evaluator.label("en")
    ('结果评估', 'Third-party evaluation')
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Self

from pydantic import model_validator

from socialwork._arguments import require_day, require_instances, require_text
from socialwork.labels import LabelledEnum
from socialwork.models import Period
from socialwork.records import Day, Id, Record, Text, break_rule, check_unique

__all__ = ["Evaluation", "EvaluationKind", "Evaluator", "Finding", "evaluations_for"]


class EvaluationKind(LabelledEnum):
    """What an evaluation looks at (评估类型)."""

    PROCESS = "process", "过程评估", "Process evaluation", "過程評估"
    OUTCOME = "outcome", "结果评估", "Outcome evaluation", "結果評估"


class Evaluator(LabelledEnum):
    """Who evaluates (评估主体)."""

    INTERNAL = "internal", "内部评估", "Internal evaluation", "內部評估"
    THIRD_PARTY = "third_party", "第三方评估", "Third-party evaluation", "第三方評估"


class Finding(Record):
    """One finding of an evaluation, about one of its goals or about the whole.

    Examples:
        >>> Finding(text="出勤率稳定在九成").goal_id is None
        True
    """

    text: Text
    goal_id: Id | None = None


class Evaluation(Record):
    """A process or outcome evaluation of a service or project, with its findings.

    Every finding's ``goal_id`` is one of ``goal_ids`` (rule
    ``finding_goal_unknown``); the evaluation is completed on or after the
    start of the period it covers (rule ``completed_before_period``).

    Examples:
        >>> from datetime import date
        >>> from socialwork.models import Period
        >>> Evaluation(id="e2", kind="process", evaluator="internal",
        ...            period=Period.month(2025, 6), completed_on=date(2025, 7, 2)).findings
        ()
    """

    id: Id
    kind: EvaluationKind
    evaluator: Evaluator
    period: Period
    completed_on: Day
    title: Text | None = None
    evaluator_name: Text | None = None
    plan_id: Id | None = None
    goal_ids: tuple[Id, ...] = ()
    findings: tuple[Finding, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        check_unique("Evaluation", "goal_ids", self.goal_ids)
        for i, finding in enumerate(self.findings):
            if finding.goal_id is not None and finding.goal_id not in self.goal_ids:
                break_rule(
                    "Evaluation",
                    ("findings", i, "goal_id"),
                    "finding_goal_unknown",
                    "a finding's goal_id must be one of the goals evaluated; got {goal_id}",
                    finding.goal_id,
                    goal_id=finding.goal_id,
                )
        if self.completed_on < self.period.start:
            break_rule(
                "Evaluation",
                ("completed_on",),
                "completed_before_period",
                "{completed_on} must not be before the period starts on {start}",
                self.completed_on,
                completed_on=self.completed_on,
                start=self.period.start,
            )
        return self


def evaluations_for(
    evaluations: Iterable[Evaluation], plan_id: str, *, as_of: date
) -> tuple[Evaluation, ...]:
    """Return the evaluations of a plan completed by ``as_of``, oldest first, for a review to cite.

    Raises:
        ArgumentError: ``as_of`` is a ``datetime`` or out of range.
        TypeError: an evaluation is not an `Evaluation`, or ``plan_id`` is not a str.

    Examples:
        >>> from datetime import date
        >>> from socialwork.models import Period
        >>> e = Evaluation(id="e1", kind="outcome", evaluator="internal", plan_id="p",
        ...                period=Period.month(2025, 6), completed_on=date(2025, 7, 2))
        >>> [x.id for x in evaluations_for([e], "p", as_of=date(2025, 12, 31))]
        ['e1']
        >>> evaluations_for([e], "p", as_of=date(2025, 7, 1))
        ()
    """
    day = require_day(as_of, "as_of")
    plan = require_text(plan_id, "plan_id")
    found = [
        e
        for e in require_instances(Evaluation, evaluations, "evaluations")
        if e.plan_id == plan and e.completed_on <= day
    ]
    return tuple(sorted(found, key=lambda e: (e.completed_on, e.id)))
