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
    IndicatorStatus,
    Target,
    combine,
    indicator_status,
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
    assert indicator_status(KEY_GROUP_COVERAGE, rate(51, 60), june) is IndicatorStatus.OFF_TRACK
    assert indicator_status(KEY_GROUP_COVERAGE, rate(57, 60), june) is IndicatorStatus.MET
    assert indicator_status(FILE_COMPLETENESS, rate(27, 32), june) is IndicatorStatus.OFF_TRACK
    assert indicator_status(FILE_COMPLETENESS, rate(0, 0), june) is IndicatorStatus.NO_DATA
    assert indicator_status(OVERDUE_FOLLOW_UPS, 0, june) is IndicatorStatus.MET
    assert indicator_status(OVERDUE_FOLLOW_UPS, 3, june) is IndicatorStatus.OFF_TRACK
    assert indicator_status(VOLUNTEER_HOURS, 100, june) is IndicatorStatus.NO_TARGET
    assert indicator_status(VOLUNTEER_HOURS, None, june) is IndicatorStatus.NO_DATA


def test_status_is_compared_at_the_shown_precision() -> None:
    # 3468 / 4080 = 85.0% exactly against a target of 85.
    checks = replace(KEY_GROUP_COVERAGE, targets=(Target(value=85),))
    assert indicator_status(checks, rate(3468, 4080), month(2025, 6)) is IndicatorStatus.MET
    # 94.96% shows as 95.0%: met; 94.94% shows as 94.9%: not.
    june = month(2025, 6)
    assert indicator_status(KEY_GROUP_COVERAGE, rate(9496, 10000), june).value == "met"
    assert indicator_status(KEY_GROUP_COVERAGE, rate(9494, 10000), june).value == "off_track"


def test_on_track_follows_the_line_from_baseline_to_target() -> None:
    plan = replace(
        KEY_GROUP_COVERAGE,
        baseline=Baseline(value=75, on=date(2024, 12, 31)),
        targets=(Target(value=95, period=year(2025)), Target(value=90)),
    )
    # End of June is 181 of 365 days along: expected 75 + 20 * 181/365 = 84.92.
    assert indicator_status(plan, rate(51, 60), month(2025, 6)) is IndicatorStatus.ON_TRACK
    assert indicator_status(plan, rate(50, 60), month(2025, 6)) is IndicatorStatus.OFF_TRACK
    # At the year's end the target must be met.
    assert indicator_status(plan, rate(56, 60), month(2025, 12)) is IndicatorStatus.OFF_TRACK
    assert indicator_status(plan, rate(57, 60), month(2025, 12)) is IndicatorStatus.MET
    # Outside the dated target's year, the standing target (90) applies.
    assert plan.target_for(month(2026, 1)) == Target(value=90)
    assert indicator_status(plan, rate(54, 60), month(2026, 1)) is IndicatorStatus.MET
    # Without a baseline a miss before the deadline is off track.
    no_baseline = replace(plan, baseline=None)
    assert indicator_status(no_baseline, rate(51, 60), month(2025, 6)) is IndicatorStatus.OFF_TRACK


def test_nearest_dated_target_applies() -> None:
    plan = replace(
        KEY_GROUP_COVERAGE,
        targets=(Target(value=95, period=year(2025)), Target(value=90, period=quarter(2025, 2))),
    )
    assert plan.target_for(month(2025, 6)) == Target(value=90, period=quarter(2025, 2))
    assert plan.target_for(month(2025, 7)) == Target(value=95, period=year(2025))
    assert plan.target_for(month(2026, 7)) is None


def test_only_one_standing_target() -> None:
    with pytest.raises(ValidationError) as info:
        KEY_GROUP_COVERAGE.model_validate(
            {**KEY_GROUP_COVERAGE.model_dump(), "targets": [{"value": 90}, {"value": 95}]}
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
