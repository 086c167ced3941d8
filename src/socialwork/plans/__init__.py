"""Plans (计划): work plans, goals, templates, logframes, checks and reviews.

The package re-exports the records users build, the enums their fields
take, and the functions users call. A goal's typed target is the same
`Target <socialwork.metrics.targets.Target>` an indicator carries, built
with `socialwork.metrics.at_least`, `socialwork.metrics.increase_by`, ...,
and judged into a `TargetStatus <socialwork.metrics.status.TargetStatus>`
by the one rule of `socialwork.metrics.status.judge`. The results those functions return
(`socialwork.plans.checks.Finding`, `socialwork.plans.review.PlanReview`,
`socialwork.plans.scheduling.Occurrence`, ...) and the modules' constants
stay importable from their modules. A plan holds risks from
`socialwork.analysis` and duties from `socialwork.calendars`.

Examples:
    >>> from datetime import date
    >>> from socialwork.plans import PlanKind, plan_template
    >>> plan = plan_template(PlanKind.COMMUNITY_ANNUAL).work_plan(id="c", start=date(2025, 1, 1))
    >>> plan.period.end
    datetime.date(2025, 12, 31)
"""

from socialwork.plans.catalog import CatalogRisk, risk_catalog
from socialwork.plans.checks import check_goal, check_plan
from socialwork.plans.goals import GoalKind, PlanGoal, ServiceProject
from socialwork.plans.logframe import Logframe, LogframeLevel, LogframeNode
from socialwork.plans.measurements import Measurement, measurements_from_reports
from socialwork.plans.phases import Milestone, MilestoneKind, Phase
from socialwork.plans.plan_kinds import PlanKind
from socialwork.plans.practice_models import PracticeModel, PracticeModelProfile, practice_model
from socialwork.plans.review import milestone_review, review_plan
from socialwork.plans.scheduling import schedule
from socialwork.plans.templates import PlanTemplate, plan_template
from socialwork.plans.workplan import WorkPlan

__all__ = [
    "CatalogRisk",
    "GoalKind",
    "Logframe",
    "LogframeLevel",
    "LogframeNode",
    "Measurement",
    "Milestone",
    "MilestoneKind",
    "Phase",
    "PlanGoal",
    "PlanKind",
    "PlanTemplate",
    "PracticeModel",
    "PracticeModelProfile",
    "ServiceProject",
    "WorkPlan",
    "check_goal",
    "check_plan",
    "measurements_from_reports",
    "milestone_review",
    "plan_template",
    "practice_model",
    "review_plan",
    "risk_catalog",
    "schedule",
]
