"""Plan reviews as records (监测评估记录): the JSON forms of a review and its goals.

`PlanReviewRecord` and `GoalReviewRecord` are what
`PlanReview.to_record <socialwork.plans.review.PlanReview.to_record>`
returns, for JSON and the programs that build on its schema. A review
cites evaluations of its plan only, completed on or before its day (rules
``evaluation_of_other_plan`` and ``evaluation_after_review``): the record
checks this as the review does.

Examples:
    >>> from datetime import date
    >>> record = PlanReviewRecord(plan_id="p", title="计划", as_of=date(2025, 6, 30),
    ...                           months_elapsed=6)
    >>> PlanReviewRecord.model_validate_json(record.model_dump_json()) == record
    True
"""

from __future__ import annotations

from datetime import date
from typing import Self

from pydantic import model_validator
from pydantic_core import InitErrorDetails

from socialwork.evaluation.gas import AttainmentScale, Level
from socialwork.evaluation.records import Evaluation
from socialwork.metrics.status import TargetStatus
from socialwork.metrics.targets import Figure, Target
from socialwork.plans.measurements import MeasurementRecord
from socialwork.plans.phases import Milestone
from socialwork.records import (
    Count,
    Day,
    Id,
    Record,
    Share,
    Text,
    break_rule,
    break_rules,
    check_unique,
    rule_error,
)

__all__ = ["GoalReviewRecord", "PlanReviewRecord"]


def _broken_citation(
    plan_id: str, as_of: date, evaluation: Evaluation, loc: tuple[str | int, ...]
) -> InitErrorDetails | None:
    """Return the rule a review of ``plan_id`` on ``as_of`` breaks by citing ``evaluation``.

    A review cites an evaluation of its own plan (rule
    ``evaluation_of_other_plan``) completed on or before the review's day
    (rule ``evaluation_after_review``). The answer is the broken rule at
    ``loc``, its context saying what was ``expected``; its input is the
    evaluation's plan or completion day. ``None`` when it may be cited.

    Examples:
        >>> from socialwork.evaluation import Evaluation
        >>> from socialwork.models import Period
        >>> e = Evaluation(id="e1", kind="outcome", evaluator="third_party", plan_id="p",
        ...                period=Period.month(2025, 11), completed_on=date(2025, 12, 20))
        >>> _broken_citation("p", date(2025, 12, 31), e, ()) is None
        True
        >>> broken = _broken_citation("q", date(2025, 12, 31), e, ())
        >>> broken["type"].message(), broken["input"]
        ("expected cited evaluation 'e1' of the reviewed plan 'q'; got p", 'p')
        >>> _broken_citation("p", date(2025, 12, 15), e, ())["type"].type
        'evaluation_after_review'
    """
    message = "expected {expected}; got {actual}"
    if evaluation.plan_id != plan_id:
        return rule_error(
            loc,
            "evaluation_of_other_plan",
            message,
            evaluation.plan_id,
            expected=f"cited evaluation {evaluation.id!r} of the reviewed plan {plan_id!r}",
            actual=evaluation.plan_id,
        )
    if evaluation.completed_on > as_of:
        return rule_error(
            loc,
            "evaluation_after_review",
            message,
            evaluation.completed_on,
            expected=f"cited evaluation {evaluation.id!r} completed on or before the review "
            f"on {as_of}",
            actual=evaluation.completed_on,
        )
    return None


class GoalReviewRecord(Record):
    """A goal's review as a record: the JSON form of a goal's review.

    `GoalReview.to_record <socialwork.plans.review.GoalReview.to_record>` makes it.

    ``target_level`` and ``expected`` are in the target's display units;
    ``interval_low`` and ``interval_high`` bound the 95% Wilson interval of
    a measured rate as shares (0.258 for 25.8%): both or neither, low first
    (rule ``interval_bounds``). ``attainment_scale`` is the goal's attainment
    scale and ``attainment_level`` the level (−2..+2) the review gave it.

    Examples:
        >>> record = GoalReviewRecord(goal_id="g1", statement="提升满意度", status="no_target")
        >>> record.status.label()
        '无目标'
    """

    goal_id: Id
    statement: Text
    status: TargetStatus
    target: Target | None = None
    measurement: MeasurementRecord | None = None
    target_level: Figure | None = None
    expected: Figure | None = None
    interval_low: Share | None = None
    interval_high: Share | None = None
    attainment_scale: AttainmentScale | None = None
    attainment_level: Level | None = None

    @model_validator(mode="after")
    def _interval(self) -> Self:
        low, high = self.interval_low, self.interval_high
        if (low is None) != (high is None) or (low is not None and high is not None and low > high):
            break_rule(
                "GoalReviewRecord",
                ("interval_high",),
                "interval_bounds",
                "a review's interval needs both bounds, the low one first; got {low} and {high}",
                high,
                low=low,
                high=high,
            )
        return self


class PlanReviewRecord(Record):
    """A plan's review as a record: the JSON form of a review, goal ids distinct.

    ``evaluations`` are the evaluations the review cites, ids distinct, each
    of the plan and completed by ``as_of`` (rules
    ``evaluation_of_other_plan`` and ``evaluation_after_review``).

    `PlanReview.to_record <socialwork.plans.review.PlanReview.to_record>` makes it.

    Examples:
        >>> from datetime import date
        >>> PlanReviewRecord(plan_id="p", title="计划", as_of=date(2025, 6, 30),
        ...                  months_elapsed=6).goals
        ()
    """

    plan_id: Id
    title: Text
    as_of: Day
    months_elapsed: Count
    milestone: Milestone | None = None
    goals: tuple[GoalReviewRecord, ...] = ()
    evaluations: tuple[Evaluation, ...] = ()

    @model_validator(mode="after")
    def _unique_goals(self) -> Self:
        check_unique("PlanReviewRecord", "goals", (g.goal_id for g in self.goals))
        check_unique("PlanReviewRecord", "evaluations", (e.id for e in self.evaluations))
        broken = (
            _broken_citation(self.plan_id, self.as_of, e, ("evaluations", i))
            for i, e in enumerate(self.evaluations)
        )
        break_rules("PlanReviewRecord", [b for b in broken if b is not None])
        return self
