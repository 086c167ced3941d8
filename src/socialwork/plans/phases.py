"""Phases and monitoring points of a plan, counted in plan months (计划阶段与监测节点).

A plan counts its months from its start day: month 1 begins on the start,
so "months 2–10" and "month 6" mean the same thing in every plan, whatever
its calendar dates. `socialwork.plans.WorkPlan` turns them into dates.
"""

from __future__ import annotations

from typing import Annotated, Self

from pydantic import Field, Strict, model_validator

from socialwork.labels import LabelledEnum
from socialwork.records import Id, Record, Text, break_rule

__all__ = [
    "Milestone",
    "MilestoneKind",
    "Phase",
]

MAX_MONTHS = 120
"""The longest plan: ten years of plan months."""

Month = Annotated[int, Strict(), Field(ge=1, le=MAX_MONTHS)]
"""A month of a plan, counted from 1 (at most `MAX_MONTHS`)."""


class Phase(Record):
    """A phase of a plan over months ``first_month``–``last_month`` (both included).

    Examples:
        >>> Phase(id="impl", name="项目实施", first_month=2, last_month=10).last_month
        10
    """

    id: Id
    name: Text
    first_month: Month
    last_month: Month

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.last_month < self.first_month:
            break_rule(
                "Phase",
                ("last_month",),
                "end_before_start",
                "last_month {end} must not be before first_month {start}",
                self.last_month,
                end=self.last_month,
                start=self.first_month,
            )
        return self


class MilestoneKind(LabelledEnum):
    """Kinds of monitoring point (监测与评估节点)."""

    MID_TERM_REVIEW = "mid_term_review", "中期评估", "Mid-term review", "中期評估"
    QUARTERLY_REVIEW = "quarterly_review", "季度审查", "Quarterly review", "季度審查"
    ANNUAL_EVALUATION = "annual_evaluation", "年度评估", "Annual evaluation", "年度評估"
    FINAL_EVALUATION = "final_evaluation", "终期评估", "Final evaluation", "終期評估"


class Milestone(Record):
    """A monitoring point due at the end of plan month ``month``.

    Examples:
        >>> Milestone(id="mid", name="中期评估", month=6, kind="mid_term_review").kind.label()
        '中期评估'
    """

    id: Id
    name: Text
    month: Month
    kind: MilestoneKind
