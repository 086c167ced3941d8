"""Rates keep their counts, never divide by zero, and the textbook formulas are named."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialwork.errors import ArgumentError, MetricInputError
from socialwork.metrics import (
    Exclusion,
    ExclusionReason,
    Rate,
    benefit_from_counts,
    combine,
    need_satisfaction_from_counts,
    participation_from_counts,
    percentage_point_change,
    population_satisfaction_from_counts,
    rate,
    survey_satisfaction_from_counts,
    unit_benefit_from_counts,
    unit_participation_from_counts,
    unit_satisfaction_from_counts,
)
from socialwork.records import MAX_COUNT
from tests.strategies import rate_counts


def test_health_check_figure() -> None:
    # A community's health checks: 3468 of the 4080 residents aged 65+; 3468 / 4080 = 0.85.
    checked = rate(3468, 4080)
    assert checked.value == pytest.approx(0.85)
    assert checked.percent == 85.0
    assert str(checked) == "85.0% (3468/4080)"
    assert checked.format(0) == "85% (3468/4080)"


def test_undefined_rate_is_not_nan() -> None:
    empty = rate(0, 0)
    assert empty.value is None
    assert empty.percent is None
    assert str(empty) == "n/a"
    assert empty.format(3) == "n/a"
    assert tuple(empty.wilson()) == (0.0, 1.0)


@pytest.mark.parametrize(
    ("numerator", "denominator", "field"),
    [(-1, 4, "numerator"), (1, -4, "denominator"), (1, MAX_COUNT + 1, "denominator")],
)
def test_counts_out_of_range_raise_argument_error(
    numerator: int, denominator: int, field: str
) -> None:
    with pytest.raises(ArgumentError) as info:
        rate(numerator, denominator)
    assert info.value.parameter == field
    assert info.value.code == "invalid_argument"


def test_a_numerator_above_its_denominator_raises_metric_input_error() -> None:
    with pytest.raises(MetricInputError) as info:
        rate(5, 4)
    assert (info.value.parameter, info.value.code) == ("numerator", "metric_input")
    assert "at most the denominator 4" in str(info.value)


def test_a_bool_is_not_a_count() -> None:
    with pytest.raises(TypeError, match="numerator must be an int"):
        rate(True, 4)


def test_seed_formulas_by_name() -> None:
    # A station's monthly summary: 60 of 65 valid responses satisfied = 92.3% (its "92%");
    # 15 of 28 wishes met = 53.6%.
    assert str(survey_satisfaction_from_counts(60, 65)) == "92.3% (60/65)"
    assert str(need_satisfaction_from_counts(15, 28)) == "53.6% (15/28)"
    # The population form counts residents who were not asked: 46 / 4600 = 1%.
    assert population_satisfaction_from_counts(46, 4600).percent == 1.0
    assert participation_from_counts(300, 1200).percent == 25.0
    assert unit_participation_from_counts(3, 4).percent == 75.0
    assert benefit_from_counts(10, 1000).percent == 1.0
    assert unit_benefit_from_counts(1, 8).percent == 12.5
    assert unit_satisfaction_from_counts(9, 10).percent == 90.0


def test_formula_docstrings_state_the_formula_in_both_languages() -> None:
    for formula in (
        participation_from_counts,
        unit_participation_from_counts,
        benefit_from_counts,
        unit_benefit_from_counts,
        need_satisfaction_from_counts,
        survey_satisfaction_from_counts,
        population_satisfaction_from_counts,
        unit_satisfaction_from_counts,
    ):
        doc = formula.__doc__ or ""
        assert "率 =" in doc, formula.__name__
        assert " / " in doc, formula.__name__
        assert "rate = " in doc, formula.__name__
        assert formula.__name__.endswith("_from_counts")


def test_percentage_point_change_of_the_seed() -> None:
    # A station's monthly summary: 92% now, 87% the month before: +5 points (46/50 - 87/100).
    assert percentage_point_change(rate(46, 50), rate(87, 100)) == 5.0
    assert percentage_point_change(rate(87, 100), rate(46, 50)) == -5.0
    assert percentage_point_change(rate(0, 0), rate(1, 2)) is None


def test_combine_adds_parts_and_keeps_exclusions() -> None:
    withdrawn = Exclusion("w1", ExclusionReason.WITHDRAWN)
    # 17 + 12 + 10 + 12 = 51 covered of 20 + 15 + 12 + 13 = 60 registered.
    total = combine([rate(17, 20), rate(12, 15, [withdrawn]), rate(10, 12), rate(12, 13)])
    assert (total.numerator, total.denominator) == (51, 60)
    assert total.exclusions == (withdrawn,)


@settings(max_examples=50)
@given(rate_counts())
def test_a_rate_lies_between_0_and_1(counts: tuple[int, int]) -> None:
    result = Rate(*counts)
    if result.value is None:
        assert counts[1] == 0
    else:
        assert 0 <= result.value <= 1
        assert 0 <= (result.percent or 0) <= 100


@settings(max_examples=50)
@given(st.lists(rate_counts(at_most=1000), max_size=6))
def test_combine_is_order_free(parts: list[tuple[int, int]]) -> None:
    rates = [Rate(*p) for p in parts]
    assert combine(rates) == combine(reversed(rates))
