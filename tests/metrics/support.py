"""Helpers shared by the tests of this room."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from socialwork.errors import (
    SocialWorkError,
)
from socialwork.metrics import (
    Baseline,
    Target,
)
from socialwork.metrics.catalogue import indicator
from socialwork.metrics.targets import TargetUnit
from socialwork.models import (
    Certification,
    Period,
    Staff,
    StaffGrade,
    StaffRole,
)
from socialwork.plans import PlanGoal, WorkPlan
from socialwork.records import replace
from socialwork.samples import station_month, station_previous_month

# The catalogue's definitions by the codes the tests read (one name per indicator in the API).
KEY_GROUP_COVERAGE = indicator("key_group_coverage").definition
SURVEY_SATISFACTION = indicator("survey_satisfaction").definition
CASE_IMPROVEMENT = indicator("case_improvement").definition
GROUP_ATTENDANCE = indicator("group_attendance").definition
FILE_COMPLETENESS = indicator("file_completeness").definition
RESOURCE_MATCH_ACCURACY = indicator("resource_match_accuracy").definition
NEED_SATISFACTION = indicator("need_satisfaction").definition
GOAL_ATTAINMENT = indicator("goal_attainment").definition
OVERDUE_FOLLOW_UPS = indicator("overdue_follow_ups").definition
MEAN_CASELOAD = indicator("mean_caseload").definition
VOLUNTEER_HOURS = indicator("volunteer_hours").definition
CERTIFICATION_RATE = indicator("certification_rate").definition
STAFF_TURNOVER = indicator("staff_turnover").definition
HOME_VISIT_COMPLETION = indicator("home_visit_completion").definition

JUNE = station_month()


MAY = station_previous_month()


END = date(2025, 6, 30)


JUNE = station_month()


P = Period(start=date(2025, 6, 1), end=date(2025, 6, 30))


LANGUAGES = ("zh", "zh-Hant", "en")


def _plan(target: Target, deadline: int = 12) -> WorkPlan:
    goal = PlanGoal(
        id="coverage", statement="服务覆盖率达到95%", typed_target=target, deadline_month=deadline
    )
    return WorkPlan(
        id="p", title="计划", overall_goal="目标", start=date(2025, 1, 1), goals=(goal,)
    )


JUNE_PERIOD = Period.month(2025, 6)


def member(
    key: str, joined: date, left: date | None, role: StaffRole = StaffRole.FULL_TIME
) -> Staff:
    return Staff(
        id=key,
        name=key,
        role=role,
        grade=StaffGrade.JUNIOR,
        joined_on=joined,
        left_on=left,
        certification=Certification.SOCIAL_WORKER,
    )


def plan(baseline_on: date, target_period: Period, target: float = 95) -> Any:
    return replace(
        KEY_GROUP_COVERAGE,
        baseline=Baseline(value=75, on=baseline_on),
        targets=(Target(value=target, unit=TargetUnit.PERCENT, period=target_period),),
    )


def refusal(call: Callable[[], object]) -> object:
    """What ``call`` returns, or the `SocialWorkError` it raises."""
    try:
        return call()
    except SocialWorkError as err:
        return err
