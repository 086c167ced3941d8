"""Exact messages, values and boundaries of the metrics checks (mutation tests, share a)."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest

from socialwork._arguments import require_days, require_decimals, require_figure
from socialwork.errors import ArgumentError, MetricInputError, UnknownCodeError
from socialwork.metrics import Baseline, Target, formulas, rate, report
from socialwork.metrics import rates as rates_module
from socialwork.metrics.catalogue import KEY_GROUP_COVERAGE
from socialwork.metrics.rates import Exclusion, Rate
from socialwork.metrics.services import survey_satisfaction
from socialwork.metrics.status import TargetStatus
from socialwork.metrics.survey import (
    ProportionTest,
    WilsonInterval,
    sample_size,
    two_proportion_test,
    wilson_interval,
)
from socialwork.metrics.targets import TargetUnit
from socialwork.models import Period
from socialwork.records import replace

FIGURE_RANGE = "a finite number from -1e+15 to 1e+15"

FORMULAS: list[tuple[Callable[[int, int], Rate], str, str]] = [
    (formulas.participation_from_counts, "participants", "able_residents"),
    (formulas.unit_participation_from_counts, "participating_units", "units"),
    (formulas.benefit_from_counts, "benefiting_households", "households"),
    (formulas.unit_benefit_from_counts, "benefiting_units", "units"),
    (formulas.need_satisfaction_from_counts, "needs_met", "needs_raised"),
    (formulas.survey_satisfaction_from_counts, "satisfied_respondents", "respondents"),
    (formulas.population_satisfaction_from_counts, "satisfied_residents", "residents"),
    (formulas.unit_satisfaction_from_counts, "satisfied_units", "units"),
]


@pytest.mark.parametrize(("formula", "part", "whole"), FORMULAS)
def test_formula_errors_name_the_formula_parameters(
    formula: Callable[[int, int], Rate], part: str, whole: str
) -> None:
    with pytest.raises(ArgumentError) as negative_part:
        formula(-1, 10)
    assert str(negative_part.value) == (
        f"{part} must be a whole number from 0 to 1,000,000,000; got -1"
    )
    with pytest.raises(ArgumentError) as negative_whole:
        formula(0, -2)
    assert str(negative_whole.value) == (
        f"{whole} must be a whole number from 0 to 1,000,000,000; got -2"
    )
    with pytest.raises(MetricInputError) as too_many:
        formula(7, 5)
    assert type(too_many.value) is MetricInputError
    assert str(too_many.value) == f"{part} must be at most {whole} 5; got 7"
    assert too_many.value.parameter == part
    assert too_many.value.value == 7
    assert too_many.value.expected == f"at most {whole} 5"


def test_a_huge_count_is_named_by_its_size() -> None:
    # The metrics' own ``_short`` and ``require_tally`` went once errors learnt to
    # describe a huge int (`socialwork.errors.shown`): counts go through require_count.
    with pytest.raises(ArgumentError) as huge:
        rate(2**4000, 1)
    assert huge.value.value == 2**4000
    assert str(huge.value) == (
        "numerator must be a whole number from 0 to 1,000,000,000; got an int of about 1205 digits"
    )
    with pytest.raises(ArgumentError) as big:
        two_proportion_test(1, 2**64, 1, 2)
    assert big.value.value == 2**64
    assert str(big.value) == (
        "n1 must be a whole number from 1 to 1,000,000,000; got 18446744073709551616"
    )


def test_require_days_and_decimals_messages() -> None:
    with pytest.raises(ArgumentError) as days:
        require_days(-5, "after_days")
    assert days.value.value == -5
    assert str(days.value) == "after_days must be a whole number of days from 0 to 3650; got -5"
    with pytest.raises(ArgumentError) as long_span:
        require_days(3651, "window")
    assert str(long_span.value) == "window must be a whole number of days from 0 to 3650; got 3651"
    with pytest.raises(ArgumentError) as huge_days:
        require_days(2**4000, "window")
    assert huge_days.value.value == 2**4000  # the error keeps the int; its message names the size
    assert str(huge_days.value).endswith("got an int of about 1205 digits")
    with pytest.raises(ArgumentError) as decimals:
        require_decimals(7)
    assert decimals.value.value == 7
    assert str(decimals.value) == "decimals must be a number of decimal places from 0 to 6; got 7"
    with pytest.raises(TypeError, match=r"^after_days must be an int; got str$"):
        require_days("7", "after_days")
    with pytest.raises(TypeError, match=r"^places must be an int; got float$"):
        require_decimals(1.0, "places")


def test_require_figure_decimal() -> None:
    assert require_figure(Decimal("12.5"), "value") == 12.5
    assert require_figure(Decimal("1E+15"), "value") == 1e15
    with pytest.raises(ArgumentError) as too_big:
        require_figure(Decimal("1000000000000001"), "target")
    assert too_big.value.value == Decimal("1000000000000001")
    assert str(too_big.value) == f"target must be {FIGURE_RANGE}; got Decimal('1000000000000001')"
    with pytest.raises(ArgumentError) as nan:
        require_figure(Decimal("NaN"), "value")
    assert str(nan.value) == f"value must be {FIGURE_RANGE}; got Decimal('NaN')"


def test_require_figure_int() -> None:
    assert require_figure(10**15, "value") == 1e15
    assert require_figure(-(10**15), "value") == -1e15
    with pytest.raises(ArgumentError) as too_big:
        require_figure(10**15 + 1, "change")
    assert too_big.value.value == 10**15 + 1
    assert str(too_big.value) == f"change must be {FIGURE_RANGE}; got 1000000000000001"
    with pytest.raises(ArgumentError) as huge:
        require_figure(2**4000, "change")
    assert huge.value.value == 2**4000
    assert str(huge.value) == f"change must be {FIGURE_RANGE}; got an int of about 1205 digits"


def test_require_figure_float() -> None:
    assert require_figure(1e15, "value") == 1e15
    assert require_figure(-1e15, "value") == -1e15
    with pytest.raises(ArgumentError) as nan:
        require_figure(float("nan"), "value")
    assert isinstance(nan.value.value, float)
    assert math.isnan(nan.value.value)
    assert str(nan.value) == f"value must be {FIGURE_RANGE}; got nan"
    with pytest.raises(ArgumentError) as too_big:
        require_figure(2e15, "target")
    assert too_big.value.value == 2e15
    assert (
        str(too_big.value) == f"target must be {FIGURE_RANGE}; got 2000000000000000.0"
    )  # repr(2e15)


@pytest.mark.parametrize(("value", "kind"), [(True, "bool"), ("12", "str"), (None, "NoneType")])
def test_require_figure_refuses_non_numbers(value: object, kind: str) -> None:
    with pytest.raises(TypeError) as refused:
        require_figure(value, "value")
    assert str(refused.value) == f"value must be a number; got {kind}"


def test_unknown_codes_name_their_parameter() -> None:
    with pytest.raises(UnknownCodeError) as reason:
        Exclusion("d01", "gone")
    assert reason.value.parameter == "reason"
    assert str(reason.value).startswith("reason must be one of the codes 'unchecked', ")
    with pytest.raises(UnknownCodeError) as direct:
        rates_module._reason("gone")
    assert direct.value.parameter == "reason"
    with pytest.raises(UnknownCodeError) as status:
        report._status("done")
    assert status.value.parameter == "status"
    assert str(status.value) == (
        "status must be one of the codes 'achieved', 'on_track', 'at_risk', 'off_track', "
        "'not_distinguishable', 'not_yet_due', 'no_data', 'no_target'; got 'done'"
    )


def test_rate_keeps_the_numerator_in_its_error() -> None:
    with pytest.raises(MetricInputError) as err:
        Rate(5, 4)
    assert err.value.value == 5
    assert str(err.value) == "numerator must be at most the denominator 4; got 5"


def test_rate_wilson_passes_the_confidence() -> None:
    interval = Rate(46, 50).wilson(0.99)
    assert interval.confidence == 0.99
    assert tuple(interval) == tuple(wilson_interval(46, 50, 0.99))


@dataclass(frozen=True)
class _Survey:
    conducted_on: date
    respondents: int
    satisfied: int


def test_survey_satisfaction_counts_both_ends_of_the_period() -> None:
    june = Period.month(2025, 6)
    surveys = [
        _Survey(date(2025, 5, 31), 100, 1),
        _Survey(date(2025, 6, 1), 10, 9),
        _Survey(date(2025, 6, 30), 20, 15),
        _Survey(date(2025, 7, 1), 100, 2),
    ]
    # Only the surveys of 1 and 30 June: (9 + 15) / (10 + 20) = 24/30 = 80%.
    assert str(survey_satisfaction(surveys, june)) == "80.0% (24/30)"


def test_share_check_of_wilson_bounds() -> None:
    for value in (0.0, 0.5, 1.0):
        assert WilsonInterval(value, 1.0, 0.95).low == value
    with pytest.raises(ArgumentError) as below:
        WilsonInterval(-0.1, 0.5, 0.95)
    assert str(below.value) == "low must be a finite number from 0 to 1; got -0.1"
    with pytest.raises(ArgumentError) as above:
        WilsonInterval(1.5, 1.5, 0.95)
    assert str(above.value) == "low must be a finite number from 0 to 1; got 1.5"


def test_finite_check_of_proportion_tests() -> None:
    for value in (-1.0, 0.0, 0.5, 1.0):
        assert ProportionTest(value, 0.0, 1.0).difference == value
    with pytest.raises(ArgumentError) as below:
        ProportionTest(-1.5, 0.0, 1.0)
    assert str(below.value) == "difference must be a finite number from -1 to 1; got -1.5"
    with pytest.raises(ArgumentError) as above:
        ProportionTest(2, 0.0, 1.0)
    assert str(above.value) == "difference must be a finite number from -1 to 1; got 2"


def test_wilson_interval_order() -> None:
    point = WilsonInterval(0.5, 0.5, 0.95)
    assert point.width == 0.0
    with pytest.raises(ArgumentError) as err:
        WilsonInterval(0.9, 0.8, 0.95)
    assert err.value.parameter == "low"
    assert err.value.value == 0.9
    assert str(err.value) == "low must be at most high 0.8; got 0.9"


def test_count_errors_of_survey_statistics() -> None:
    with pytest.raises(MetricInputError) as wilson:
        wilson_interval(6, 5)
    assert wilson.value.value == 6
    assert str(wilson.value) == "successes must be at most n 5; got 6"
    with pytest.raises(MetricInputError) as second:
        two_proportion_test(1, 1, 3, 2)
    assert second.value.value == 3
    assert str(second.value) == "x2 must be at most n2 2; got 3"


def test_sample_size_bounds_and_messages() -> None:
    assert sample_size(0.5) == 4  # 1.959964² · 0.25 / 0.25 = 3.8415, rounded up
    with pytest.raises(ArgumentError) as margin:
        sample_size(0.6)
    assert str(margin.value) == "margin must be a finite number from 0.001 to 0.5; got 0.6"
    with pytest.raises(ArgumentError) as above_one:
        sample_size(0.05, p=1.5)
    assert str(above_one.value) == "p must be a finite number from 0 to 1; got 1.5"
    for edge in (0, 1):
        with pytest.raises(ArgumentError) as err:
            sample_size(0.05, p=edge)
        assert err.value.value == float(edge)
        assert str(err.value) == (
            f"p must be a finite number strictly between 0 and 1; got {float(edge)}"
        )


def test_sample_size_finite_population_by_hand() -> None:
    # n₀ = 1.959964² · 0.25 / 0.05² = 384.1459.
    assert sample_size(0.05, population=1) == 1  # 384.1459 / (1 + 383.1459) = 1
    # N = 20: 384.1459 / (1 + 383.1459/20) = 384.1459 / 20.1573 = 19.057 → 20.
    assert sample_size(0.05, population=20) == 20
    # N = 68: 384.1459 / (1 + 383.1459/68) = 384.1459 / 6.6345 = 57.901 → 58.
    assert sample_size(0.05, population=68) == 58
    with pytest.raises(ArgumentError) as empty:
        sample_size(0.05, population=0)
    assert str(empty.value) == "population must be a whole number from 1 to 1,000,000,000; got 0"


def test_a_target_missed_in_its_last_period_is_off_track() -> None:
    # Target 0.45% for 2025, shown at 1 decimal: 0.5 (0.45 is stored a hair above 0.45).
    # The value 0.004 (a share without counts) = 0.4% misses it. In December the target's
    # period ends, so the result is off track, even though a straight line from the baseline
    # would reach 0.086 + (0.45 - 0.086) * 1 = 0.44999999999999996, shown as 0.4, on 31 December.
    plan = replace(
        KEY_GROUP_COVERAGE,
        decimals=1,
        baseline=Baseline(value=0.086, on=date(2024, 12, 31)),
        targets=(Target(value=0.45, unit=TargetUnit.PERCENT, period=Period.year(2025)),),
    )
    value = 0.004
    assert plan.judge(value, Period.month(2025, 12)).status is TargetStatus.OFF_TRACK
    # As a rate, 4/1000 has the 95% Wilson interval 0.16%-1.02%, which holds 0.5: not
    # distinguishable from the target.
    assert plan.judge(rate(4, 1000), Period.month(2025, 12)).status.value == "not_distinguishable"
    # In November the line is at 0.086 + 0.364 * 334/365 = 0.419, shown 0.4: on track.
    assert plan.judge(value, Period.month(2025, 11)).status is TargetStatus.ON_TRACK
