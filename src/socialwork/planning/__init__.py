"""Planning tools (计划工具): SWOT/TOWS, risk registers, needs, resources and work plans.

The package re-exports the records users build, the enums their fields
take, and the functions users call. The results those functions return
(`socialwork.planning.swot.SwotAnalysis`, `socialwork.planning.risk.HeatMap`,
`socialwork.planning.checks.Finding`, ...) and the modules' constants stay
importable from their modules.

Examples:
    >>> from socialwork.planning import RiskScore, RatingBands
    >>> RatingBands().band(RiskScore(likelihood=3, impact=4).rating).label()
    '中'
"""

from socialwork.planning.catalog import CatalogRisk, risk_catalog
from socialwork.planning.checks import check_goal, check_plan
from socialwork.planning.duties import (
    CalendarSystem,
    Duty,
    Frequency,
    Recurrence,
    RestDayShift,
    ShortMonth,
    Weekday,
)
from socialwork.planning.goals import GoalKind, PlanGoal, ServiceProject
from socialwork.planning.logframe import Logframe, LogframeLevel, LogframeNode
from socialwork.planning.lunar import Festival, festival_date, lunar_date
from socialwork.planning.needs import PriorityWeights, bradshaw_code, group_by_domain, prioritise
from socialwork.planning.phases import Milestone, MilestoneKind, Phase
from socialwork.planning.plan_kinds import PlanKind
from socialwork.planning.practice_models import (
    PracticeModel,
    PracticeModelProfile,
    practice_model,
)
from socialwork.planning.resources import Offer, classify_resource, match_needs, resource_gaps
from socialwork.planning.review import (
    Measurement,
    ReviewStatus,
    measurements_from_reports,
    milestone_review,
    review_plan,
)
from socialwork.planning.risk import (
    RatingBands,
    Risk,
    RiskCategory,
    RiskRegister,
    RiskScore,
    RiskStatus,
    RiskTreatment,
    ScoreLevel,
)
from socialwork.planning.scheduling import schedule
from socialwork.planning.swot import SwotItem, SwotQuadrant, TowsSlot, TowsStrategy, swot
from socialwork.planning.targets import (
    ChangeKind,
    Comparator,
    GoalTarget,
    TargetUnit,
    at_least,
    at_most,
    decrease_by,
    exactly,
    increase_by,
)
from socialwork.planning.templates import PlanTemplate, plan_template
from socialwork.planning.workdays import is_working_day, shift_to_working_day, working_days
from socialwork.planning.workplan import WorkPlan

__all__ = [
    "CalendarSystem",
    "CatalogRisk",
    "ChangeKind",
    "Comparator",
    "Duty",
    "Festival",
    "Frequency",
    "GoalKind",
    "GoalTarget",
    "Logframe",
    "LogframeLevel",
    "LogframeNode",
    "Measurement",
    "Milestone",
    "MilestoneKind",
    "Offer",
    "Phase",
    "PlanGoal",
    "PlanKind",
    "PlanTemplate",
    "PracticeModel",
    "PracticeModelProfile",
    "PriorityWeights",
    "RatingBands",
    "Recurrence",
    "RestDayShift",
    "ReviewStatus",
    "Risk",
    "RiskCategory",
    "RiskRegister",
    "RiskScore",
    "RiskStatus",
    "RiskTreatment",
    "ScoreLevel",
    "ServiceProject",
    "ShortMonth",
    "SwotItem",
    "SwotQuadrant",
    "TargetUnit",
    "TowsSlot",
    "TowsStrategy",
    "Weekday",
    "WorkPlan",
    "at_least",
    "at_most",
    "bradshaw_code",
    "check_goal",
    "check_plan",
    "classify_resource",
    "decrease_by",
    "exactly",
    "festival_date",
    "group_by_domain",
    "increase_by",
    "is_working_day",
    "lunar_date",
    "match_needs",
    "measurements_from_reports",
    "milestone_review",
    "plan_template",
    "practice_model",
    "prioritise",
    "resource_gaps",
    "review_plan",
    "risk_catalog",
    "schedule",
    "shift_to_working_day",
    "swot",
    "working_days",
]
