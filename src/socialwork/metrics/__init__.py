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
    caseload_per_worker,
    key_group_coverage_by_category,
    open_cases,
    upcoming_follow_ups,
)
from socialwork.metrics.catalogue import Aggregation, Indicator, indicator
from socialwork.metrics.definitions import Direction, IndicatorDefinition, RbaQuadrant
from socialwork.metrics.district import district_report
from socialwork.metrics.rates import (
    Exclusion,
    ExclusionReason,
    ExclusionSummary,
    Rate,
    combine,
    rate,
)
from socialwork.metrics.report import (
    GroupLine,
    MonthlyReport,
    ReportLine,
    ReportSection,
    monthly_report,
    report_line,
)
from socialwork.metrics.services import (
    MembershipGrowth,
    membership_growth,
    volunteer_stars,
)
from socialwork.metrics.status import Judgement, TargetStatus, judge
from socialwork.metrics.survey import (
    ProportionTest,
    WilsonInterval,
    sample_size,
    two_proportion_test,
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
    "Aggregation",
    "Baseline",
    "ChangeKind",
    "Comparator",
    "Direction",
    "Exclusion",
    "ExclusionReason",
    "ExclusionSummary",
    "FollowUp",
    "GroupLine",
    "Indicator",
    "IndicatorDefinition",
    "Judgement",
    "KeyGroupCoverage",
    "MembershipGrowth",
    "MonthlyReport",
    "ProportionTest",
    "Rate",
    "RbaQuadrant",
    "ReportLine",
    "ReportSection",
    "Target",
    "TargetStatus",
    "TargetUnit",
    "WilsonInterval",
    "at_least",
    "at_most",
    "caseload_per_worker",
    "combine",
    "decrease_by",
    "district_report",
    "exactly",
    "increase_by",
    "indicator",
    "judge",
    "key_group_coverage_by_category",
    "membership_growth",
    "monthly_report",
    "open_cases",
    "rate",
    "report_line",
    "sample_size",
    "two_proportion_test",
    "upcoming_follow_ups",
    "volunteer_stars",
]
