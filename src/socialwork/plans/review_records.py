"""Plan reviews as records (监测评估记录): the JSON forms of a review and its goals.

`PlanReviewRecord` and `GoalReviewRecord` are what
`PlanReview.to_record <socialwork.plans.review.PlanReview.to_record>`
returns, for JSON and the programs that build on its schema.

Examples:
    >>> from datetime import date
    >>> record = PlanReviewRecord(plan_id="p", title="计划", as_of=date(2025, 6, 30),
    ...                           months_elapsed=6)
    >>> PlanReviewRecord.model_validate_json(record.model_dump_json()) == record
    True
"""

from __future__ import annotations

from typing import Self

from pydantic import model_validator

from socialwork.metrics.status import TargetStatus
from socialwork.metrics.targets import Figure, Target
from socialwork.plans.measurements import MeasurementRecord
from socialwork.plans.phases import Milestone
from socialwork.records import Count, Day, Id, Record, Share, Text, break_rule, check_unique

__all__ = ["GoalReviewRecord", "PlanReviewRecord"]


class GoalReviewRecord(Record):
    """A goal's review as a record: the JSON form of a goal's review.

    `GoalReview.to_record <socialwork.plans.review.GoalReview.to_record>` makes it.

    ``target_level`` and ``expected`` are in the target's display units;
    ``interval_low`` and ``interval_high`` bound the 95% Wilson interval of
    a measured rate as shares (0.258 for 25.8%): both or neither, low first
    (rule ``interval_bounds``).

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

    @model_validator(mode="after")
    def _unique_goals(self) -> Self:
        check_unique("PlanReviewRecord", "goals", (g.goal_id for g in self.goals))
        return self
