"""Goals of a plan (计划目标) and the service projects that serve them.

Task goals get something done; process goals change how people work
together. A goal is checkable when it names a measure and a target, a target
group, a deadline and a priority (`socialwork.plans.check_goal`).
"""

from __future__ import annotations

from typing import Annotated, Self

from pydantic import Field, Strict, model_validator

from socialwork.evaluation.gas import AttainmentScale
from socialwork.labels import LabelledEnum
from socialwork.metrics.targets import Target
from socialwork.plans.phases import Month
from socialwork.records import Count, Id, Record, Text, break_rule

__all__ = [
    "GoalKind",
    "PlanGoal",
    "ServiceProject",
]

MAX_PRIORITY = 100
"""The lowest priority a goal may have (1 is the highest)."""


class GoalKind(LabelledEnum):
    """Task goals get something done; process goals change how people work together."""

    TASK = "task", "任务目标", "Task goal", "任務目標"
    PROCESS = "process", "过程目标", "Process goal", "過程目標"


class PlanGoal(Record):
    """A specific goal of a plan, with what makes it checkable.

    ``measure`` is the indicator and ``target`` the level to reach on it as
    the plan writes it (``"80%"``), a label; ``typed_target`` is the same
    target as a value a review can judge (`socialwork.metrics.at_least`,
    `socialwork.metrics.increase_by`, ...), the same `Target
    <socialwork.metrics.targets.Target>` an indicator definition carries:
    it names its indicator (rule ``goal_target_without_indicator``) and no
    period, since it is due at the goal's ``deadline_month`` (rule
    ``goal_target_period``); ``deadline_month`` counts plan months;
    ``priority`` 1 is the highest (at most `MAX_PRIORITY`);
    ``staff_needed`` is the number of workers it takes.
    ``attainment_scale`` is the goal's goal attainment scale
    (`socialwork.evaluation.AttainmentScale`: its five level descriptions
    from −2 to +2 and its weight), on which a review scores it
    (`socialwork.plans.review_plan`'s ``attainment``).

    Examples:
        >>> from socialwork.plans import check_goal
        >>> g = PlanGoal(id="g1", statement="提升服务对象的情绪管理能力",
        ...              target_group="青少年服务对象", measure="情绪管理能力提升的服务对象比例",
        ...              target="80%", deadline_month=12, priority=1, staff_needed=2)
        >>> check_goal(g, staff_available=6)
        ()
    """

    id: Id
    statement: Text
    kind: GoalKind = GoalKind.TASK
    target_group: Text | None = None
    measure: Text | None = None
    target: Text | None = None
    typed_target: Target | None = None
    deadline_month: Month | None = None
    priority: Annotated[int, Strict(), Field(ge=1, le=MAX_PRIORITY)] | None = None
    staff_needed: Count | None = None
    attainment_scale: AttainmentScale | None = None

    @model_validator(mode="after")
    def _target_fits_a_goal(self) -> Self:
        target = self.typed_target
        if target is not None and target.indicator is None:
            break_rule(
                "PlanGoal",
                ("typed_target", "indicator"),
                "goal_target_without_indicator",
                "a goal's target names the indicator a review measures (of=...); got none",
                None,
            )
        if target is not None and target.period is not None:
            break_rule(
                "PlanGoal",
                ("typed_target", "period"),
                "goal_target_period",
                "a goal's target is due at the goal's deadline_month, not in a period of "
                "its own; got {start} to {end}",
                None,
                start=target.period.start.isoformat(),
                end=target.period.end.isoformat(),
            )
        return self


class ServiceProject(Record):
    """A service project (服务项目) serving some of the plan's goals.

    Examples:
        >>> ServiceProject(id="p1", name="情绪智多星小组", goal_ids=("g1",)).goal_ids
        ('g1',)
    """

    id: Id
    name: Text
    goal_ids: tuple[Id, ...] = ()
    target_group: Text | None = None
