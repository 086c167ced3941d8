"""The charts of the gallery: one of each kind, built from the built-in sample and a few risks.

``tests/display/test_displayable.py`` validates them against the Vega-Lite v5 schema and
renders them; ``scripts/gallery.py`` writes the PNGs the docs' gallery shows.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from socialwork.analysis import RiskRegister
from socialwork.metrics import monthly_report, rate
from socialwork.models import Period
from socialwork.plans.review import PlanReview
from socialwork.samples import station_month, station_previous_month
from socialwork.stages import Engagement, MoveKind, Stage, StageMove
from tests.metrics.support import (
    KEY_GROUP_COVERAGE,
)


def sample_engagement() -> Engagement:
    def forward(on: date, before: Stage, after: Stage) -> StageMove:
        return StageMove(on=on, from_stage=before, to_stage=after, kind=MoveKind.FORWARD)

    moves = (
        forward(date(2025, 3, 1), Stage.PREPARATION, Stage.LAUNCH),
        forward(date(2025, 6, 1), Stage.LAUNCH, Stage.CONSOLIDATION),
        forward(date(2025, 10, 1), Stage.CONSOLIDATION, Stage.EVALUATION),
    )
    return Engagement(
        community_id="幸福社区", stage=Stage.EVALUATION, entered_on=date(2025, 10, 1), history=moves
    )


def register() -> RiskRegister:
    from socialwork.analysis import Risk, RiskCategory, RiskScore

    def risk(key: str, title: str, likelihood: int, impact: int) -> Risk:
        return Risk(
            id=key,
            title=title,
            category=RiskCategory.FUNDING,
            inherent=RiskScore(likelihood=likelihood, impact=impact),
        )

    return RiskRegister(
        risks=(
            risk("r1", "资金中断", 3, 5),
            risk("r2", "人才流失", 3, 4),
            risk("r3", "居民参与度不足", 4, 3),
            risk("r4", "志愿者流失", 4, 3),
            risk("r5", "场地不足", 2, 2),
        )
    )


def sample_review() -> PlanReview:
    """The community annual plan at its mid-term review, with baselines and six months' figures."""
    from socialwork.plans import Measurement, milestone_review, plan_template
    from socialwork.records import replace

    plan = plan_template("community_annual").work_plan(id="c2025", start=date(2025, 1, 1))
    baselines = {"coverage": 65.0, "satisfaction": 85.0}
    goals = tuple(
        replace(g, typed_target=replace(g.typed_target, baseline=baselines[g.id]))
        if g.id in baselines and g.typed_target is not None
        else g
        for g in plan.goals
    )
    june = Period.month(2025, 6)
    found = [
        Measurement("key_group_coverage", june, rate(51, 60)),
        Measurement("new_volunteers", Period(start=date(2025, 1, 1), end=june.end), 8),
        Measurement("survey_satisfaction", june, rate(46, 50)),
    ]
    return milestone_review(replace(plan, goals=goals), found, "mid")


def charts(language: str = "zh") -> dict[str, dict[str, Any]]:
    june, may = station_month(), station_previous_month()
    report = monthly_report(june, june.period, may)
    # Key-group coverage of the 76 registered: May's 60 and June's 65 are the
    # sample's (station_previous_month, station_month); January to April are made up.
    trend = [
        (Period.month(2025, month), rate(numerator, 76))
        for month, numerator in zip(range(1, 7), (50, 53, 56, 58, 60, 65), strict=True)
    ]
    return {
        "heat_map": register().heat_map("inherent").chart(language).to_dict(),
        "trend": KEY_GROUP_COVERAGE.trend_chart(trend, language).to_dict(),
        "coverage": report.chart(language).to_dict(),
        "timeline": sample_engagement().chart(language, as_of=date(2025, 12, 31)).to_dict(),
        "attendance": june.groups[0].attendance_chart(language).to_dict(),
        "review": sample_review().chart(language).to_dict(),
    }
