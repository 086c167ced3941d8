"""Indicator definitions, targets, the catalogue and where a value stands against a target."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from pydantic import ValidationError

from socialwork.errors import UnknownLanguageError
from socialwork.metrics import (
    Baseline,
    IndicatorDefinition,
    Target,
    TargetStatus,
    combine,
    rate,
    survey_satisfaction,
)
from socialwork.metrics.catalogue import (
    CATALOGUE,
    FILE_COMPLETENESS,
    KEY_GROUP_COVERAGE,
    OVERDUE_FOLLOW_UPS,
    VOLUNTEER_HOURS,
)
from socialwork.metrics.targets import TargetUnit
from socialwork.models import BilingualText, Period, SatisfactionSurvey
from socialwork.records import replace
from tests.strategies import surveys

month, quarter, year = Period.month, Period.quarter, Period.year


@settings(max_examples=50)
@given(surveys())
def test_survey_satisfaction_of_a_quarter_is_the_sum_of_its_months(
    survey: SatisfactionSurvey,
) -> None:
    spring = quarter(2025, 2)
    dated = [
        replace(survey, id=f"q{n}", conducted_on=date(2025, 3 + n, 15))
        for n in range(4)  # March (outside), April, May, June
    ]
    whole = survey_satisfaction(dated, spring)
    parts = combine(survey_satisfaction(dated, p) for p in spring.months())
    assert whole == parts
    assert whole.denominator == 3 * survey.respondents


def test_status_against_standing_targets() -> None:
    june = month(2025, 6)
    # A station's monthly summary: coverage 85% against 95%; files 27/32 against 100%.
    assert KEY_GROUP_COVERAGE.judge(rate(51, 60), june).status is TargetStatus.OFF_TRACK
    assert KEY_GROUP_COVERAGE.judge(rate(57, 60), june).status is TargetStatus.ACHIEVED
    assert FILE_COMPLETENESS.judge(rate(27, 32), june).status is TargetStatus.OFF_TRACK
    assert FILE_COMPLETENESS.judge(rate(0, 0), june).status is TargetStatus.NO_DATA
    assert OVERDUE_FOLLOW_UPS.judge(0, june).status is TargetStatus.ACHIEVED
    assert OVERDUE_FOLLOW_UPS.judge(3, june).status is TargetStatus.OFF_TRACK
    assert VOLUNTEER_HOURS.judge(100, june).status is TargetStatus.NO_TARGET
    # Without a target there is nothing to judge, with or without a figure.
    assert VOLUNTEER_HOURS.judge(None, june).status is TargetStatus.NO_TARGET


def test_status_is_compared_at_the_shown_precision() -> None:
    # 3468 / 4080 = 85.0% exactly against a target of 85.
    checks = replace(KEY_GROUP_COVERAGE, targets=(Target(value=85, unit=TargetUnit.PERCENT),))
    assert checks.judge(rate(3468, 4080), month(2025, 6)).status is TargetStatus.ACHIEVED
    # 94.96% shows as 95.0%: met; 94.94% shows as 94.9%: not, and its 95% Wilson
    # interval, 94.5%-95.4%, holds 95: not distinguishable from the target.
    june = month(2025, 6)
    assert KEY_GROUP_COVERAGE.judge(rate(9496, 10000), june).status.value == "achieved"
    assert KEY_GROUP_COVERAGE.judge(rate(9494, 10000), june).status.value == ("not_distinguishable")
    # Without counts there is no interval: 0.9494 shows as 94.9 and misses 95.
    assert KEY_GROUP_COVERAGE.judge(0.9494, june).status.value == "off_track"


def test_on_track_follows_the_line_from_baseline_to_target() -> None:
    plan = replace(
        KEY_GROUP_COVERAGE,
        baseline=Baseline(value=75, on=date(2024, 12, 31)),
        targets=(
            Target(value=95, unit=TargetUnit.PERCENT, period=year(2025)),
            Target(value=90, unit=TargetUnit.PERCENT),
        ),
    )
    # End of June is 181 of 365 days along: expected 75 + 20 * 181/365 = 84.92.
    assert plan.judge(rate(51, 60), month(2025, 6)).status is TargetStatus.ON_TRACK
    # 50/60 = 83.3% is below it, but its 95% Wilson interval (72.0%-90.7%) holds 84.92.
    assert plan.judge(rate(50, 60), month(2025, 6)).status is TargetStatus.NOT_DISTINGUISHABLE
    # 40/60 = 66.7%: the whole interval (54.1%-77.3%) is below 84.92.
    assert plan.judge(rate(40, 60), month(2025, 6)).status is TargetStatus.OFF_TRACK
    # At the year's end the target must be met: 56/60 (84.1%-97.4%) may still be 95%,
    # 50/60 (72.0%-90.7%) is surely below it.
    assert plan.judge(rate(56, 60), month(2025, 12)).status is TargetStatus.NOT_DISTINGUISHABLE
    assert plan.judge(rate(50, 60), month(2025, 12)).status is TargetStatus.OFF_TRACK
    assert plan.judge(rate(57, 60), month(2025, 12)).status is TargetStatus.ACHIEVED
    # Outside the dated target's year, the standing target (90) applies.
    assert plan.target_for(month(2026, 1)) == Target(value=90, unit=TargetUnit.PERCENT)
    assert plan.judge(rate(54, 60), month(2026, 1)).status is TargetStatus.ACHIEVED
    # Without a baseline a percentage expects the target throughout: 51/60 (73.9%-91.9%)
    # is surely below 95 in June.
    no_baseline = replace(plan, baseline=None)
    assert no_baseline.judge(rate(51, 60), month(2025, 6)).status is TargetStatus.OFF_TRACK


def test_nearest_dated_target_applies() -> None:
    plan = replace(
        KEY_GROUP_COVERAGE,
        targets=(
            Target(value=95, unit=TargetUnit.PERCENT, period=year(2025)),
            Target(value=90, unit=TargetUnit.PERCENT, period=quarter(2025, 2)),
        ),
    )
    assert plan.target_for(month(2025, 6)) == Target(
        value=90, unit=TargetUnit.PERCENT, period=quarter(2025, 2)
    )
    assert plan.target_for(month(2025, 7)) == Target(
        value=95, unit=TargetUnit.PERCENT, period=year(2025)
    )
    assert plan.target_for(month(2026, 7)) is None


def test_only_one_standing_target() -> None:
    with pytest.raises(ValidationError) as info:
        KEY_GROUP_COVERAGE.model_validate(
            {
                **KEY_GROUP_COVERAGE.model_dump(),
                "targets": [
                    {"value": 90, "unit": "percent"},
                    {"value": 95, "unit": "percent"},
                ],
            }
        )
    (error,) = info.value.errors()
    assert error["type"] == "two_standing_targets"
    assert error["loc"] == ("targets", 1)


def test_catalogue_codes_are_unique_and_round_trip() -> None:
    assert [entry.definition.code for entry in CATALOGUE.values()] == list(CATALOGUE)
    for definition in (entry.definition for entry in CATALOGUE.values()):
        assert IndicatorDefinition.model_validate_json(definition.model_dump_json()) == definition
        assert definition.name.text("zh") != definition.name.text("en")


def test_formatting_and_languages() -> None:
    assert KEY_GROUP_COVERAGE.format(rate(51, 60)) == "85.0% (51/60)"
    assert KEY_GROUP_COVERAGE.format(None) == "n/a"
    assert VOLUNTEER_HOURS.format(100) == "100小时"
    assert VOLUNTEER_HOURS.format(100, "en") == "100 hours"
    per_mille = replace(FILE_COMPLETENESS, factor=1000, targets=())
    assert per_mille.format(rate(27, 32)) == "843.8‰ (27/32)"
    with pytest.raises(UnknownLanguageError):
        BilingualText(zh="档案", en="Files").text("fr")
