"""Tests of socialwork.metrics.formulas."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from socialwork.errors import ArgumentError, MetricInputError
from socialwork.metrics import formulas
from socialwork.metrics.rates import Rate

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
