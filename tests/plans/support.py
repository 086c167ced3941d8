"""Helpers shared by the tests of this room."""

from __future__ import annotations

from datetime import date

from socialwork.metrics import (
    Target,
    at_least,
    rate,
)
from socialwork.models import Period
from socialwork.plans import (
    Measurement,
    Milestone,
    MilestoneKind,
    PlanGoal,
    WorkPlan,
    review_plan,
)
from socialwork.plans.review import PlanReview

JUNE = Period.month(2025, 6)


MID = date(2025, 6, 30)


AIM_RESULTS = at_least("80%", of="x", baseline=50)  # 65% expected at month 6 of 12


def _plan_results(
    *targets: Target | None,
    deadline: int = 12,
    title: str = "测试计划",
    statement: str = "goal",
    start: date = date(2025, 1, 1),
) -> WorkPlan:
    goals = tuple(
        PlanGoal(id=f"g{k}", statement=f"{statement} {k}", typed_target=t, deadline_month=deadline)
        for k, t in enumerate(targets)
    )
    return WorkPlan(
        id="p",
        title=title,
        overall_goal="目标",
        start=start,
        goals=goals,
        milestones=(
            Milestone(id="mid", name="中期评估", month=6, kind=MilestoneKind.MID_TERM_REVIEW),
            Milestone(id="final", name="终期评估", month=12, kind=MilestoneKind.FINAL_EVALUATION),
        ),
    )


def _sample_review(title: str = "测试计划", statement: str = "goal") -> PlanReview:
    plan = _plan_results(
        AIM_RESULTS, at_least("15人", of="v"), None, title=title, statement=statement
    )
    found = [Measurement("x", JUNE, rate(9, 20)), Measurement("v", JUNE, 5)]
    return review_plan(plan, found, as_of=MID)
