"""Indicators (指标): rates with their provenance, targets, survey statistics and reports.

Every figure keeps its numerator, denominator and exclusions (`Rate`);
an undefined rate is ``None`` and shows as ``"n/a"``, never NaN. The station
indicators take records of `socialwork.models`, or any objects with the
same attributes (`socialwork.metrics.protocols`), with their period or
keyword-only ``as_of`` date. Functions named after an indicator take
records (`need_satisfaction`); the same formula over counts ends in
``_from_counts`` (`need_satisfaction_from_counts`). `monthly_report` puts
every indicator of the catalogue (`socialwork.metrics.catalogue`) together.

This package re-exports what users call, the records and enums they build
or compare, and the results the functions return; the Protocols
(`socialwork.metrics.protocols`), the built-in definitions
(`socialwork.metrics.catalogue`) and the constants stay importable from
their modules.

Examples:
    >>> from socialwork.metrics import rate, sample_size, two_proportion_test
    >>> str(rate(3468, 4080))
    '85.0% (3468/4080)'
    >>> round(two_proportion_test(46, 50, 87, 100).p_value, 2), sample_size(0.05)
    (0.36, 385)
"""

from socialwork.metrics.casework import (
    FollowUp,
    KeyGroupCoverage,
    case_improvement,
    caseload_per_worker,
    coverage_chart,
    goal_attainment,
    home_visit_completion,
    key_group_coverage,
    key_group_coverage_by_category,
    mean_caseload,
    open_cases,
    overdue_follow_ups,
    upcoming_follow_ups,
)
from socialwork.metrics.definitions import Direction, IndicatorDefinition, RbaQuadrant
from socialwork.metrics.formulas import (
    benefit_from_counts,
    need_satisfaction_from_counts,
    participation_from_counts,
    population_satisfaction_from_counts,
    survey_satisfaction_from_counts,
    unit_benefit_from_counts,
    unit_participation_from_counts,
    unit_satisfaction_from_counts,
)
from socialwork.metrics.rates import (
    Exclusion,
    ExclusionReason,
    Rate,
    combine,
    percentage_point_change,
    rate,
)
from socialwork.metrics.report import (
    GroupLine,
    MonthlyReport,
    ReportLine,
    indicator_trend_chart,
    monthly_report,
)
from socialwork.metrics.services import (
    MembershipGrowth,
    certification_rate,
    file_completeness,
    group_attendance,
    membership_growth,
    need_satisfaction,
    resource_match_accuracy,
    staff_turnover,
    survey_satisfaction,
    volunteer_hours,
    volunteer_stars,
)
from socialwork.metrics.status import Judgement, TargetStatus, judge
from socialwork.metrics.survey import (
    ProportionTest,
    WilsonInterval,
    sample_size,
    two_proportion_test,
    wilson_interval,
    z_quantile,
)
from socialwork.metrics.targets import (
    Baseline,
    ChangeKind,
    Comparator,
    Target,
    TargetUnit,
    at_least,
    at_most,
    decrease_by,
    exactly,
    increase_by,
)

__all__ = [
    "Baseline",
    "ChangeKind",
    "Comparator",
    "Direction",
    "Exclusion",
    "ExclusionReason",
    "FollowUp",
    "GroupLine",
    "IndicatorDefinition",
    "Judgement",
    "KeyGroupCoverage",
    "MembershipGrowth",
    "MonthlyReport",
    "ProportionTest",
    "Rate",
    "RbaQuadrant",
    "ReportLine",
    "Target",
    "TargetStatus",
    "TargetUnit",
    "WilsonInterval",
    "at_least",
    "at_most",
    "benefit_from_counts",
    "case_improvement",
    "caseload_per_worker",
    "certification_rate",
    "combine",
    "coverage_chart",
    "decrease_by",
    "exactly",
    "file_completeness",
    "goal_attainment",
    "group_attendance",
    "home_visit_completion",
    "increase_by",
    "indicator_trend_chart",
    "judge",
    "key_group_coverage",
    "key_group_coverage_by_category",
    "mean_caseload",
    "membership_growth",
    "monthly_report",
    "need_satisfaction",
    "need_satisfaction_from_counts",
    "open_cases",
    "overdue_follow_ups",
    "participation_from_counts",
    "percentage_point_change",
    "population_satisfaction_from_counts",
    "rate",
    "resource_match_accuracy",
    "sample_size",
    "staff_turnover",
    "survey_satisfaction",
    "survey_satisfaction_from_counts",
    "two_proportion_test",
    "unit_benefit_from_counts",
    "unit_participation_from_counts",
    "unit_satisfaction_from_counts",
    "upcoming_follow_ups",
    "volunteer_hours",
    "volunteer_stars",
    "wilson_interval",
    "z_quantile",
]
