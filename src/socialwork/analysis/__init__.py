"""Analysis (分析工具): SWOT/TOWS, risk registers, needs prioritisation and resources matching.

The package re-exports the records users build, the enums their fields
take, and the functions users call. The results those functions return
(`socialwork.analysis.swot.SwotAnalysis`, `socialwork.analysis.risk.HeatMap`,
`socialwork.analysis.resources.NeedMatching`, ...) and the modules'
constants stay importable from their modules.

Examples:
    >>> from socialwork.analysis import RiskScore, RatingBands
    >>> RatingBands().band(RiskScore(likelihood=3, impact=4).rating).label()
    '中'
"""

from socialwork.analysis.needs import PriorityWeights, prioritise
from socialwork.analysis.resources import Offer, match_needs, resource_gaps
from socialwork.analysis.risk import (
    RatingBands,
    Risk,
    RiskCategory,
    RiskRegister,
    RiskScore,
    RiskStatus,
    RiskTreatment,
    ScoreLevel,
)
from socialwork.analysis.swot import SwotItem, SwotQuadrant, TowsSlot, TowsStrategy, swot

__all__ = [
    "Offer",
    "PriorityWeights",
    "RatingBands",
    "Risk",
    "RiskCategory",
    "RiskRegister",
    "RiskScore",
    "RiskStatus",
    "RiskTreatment",
    "ScoreLevel",
    "SwotItem",
    "SwotQuadrant",
    "TowsSlot",
    "TowsStrategy",
    "match_needs",
    "prioritise",
    "resource_gaps",
    "swot",
]
