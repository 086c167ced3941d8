"""Survey statistics against hand-computed textbook values, and their properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialwork.errors import ArgumentError, MetricInputError
from socialwork.metrics import sample_size, two_proportion_test, wilson_interval, z_quantile
from tests.strategies import rate_counts


def test_z_quantiles() -> None:
    assert z_quantile(0.95) == pytest.approx(1.959964, abs=1e-6)
    assert z_quantile(0.90) == pytest.approx(1.644854, abs=1e-6)


def test_wilson_interval_by_hand() -> None:
    # 46 of 50, z = 1.96: centre = (0.92 + 3.8416/100) / (1 + 3.8416/50) = 0.890033,
    # half = 1.96 * sqrt(0.92 * 0.08 / 50 + 3.8416/10000) / 1.076832 = 0.078418.
    low, high = wilson_interval(46, 50)
    assert low == pytest.approx(0.811615, abs=1e-4)
    assert high == pytest.approx(0.968451, abs=1e-4)
    # 0 of 10: low is 0 and high = z² / (n + z²) = 3.8415 / 13.8415 = 0.27753.
    zero = wilson_interval(0, 10)
    assert zero.low == 0.0
    assert zero.high == pytest.approx(0.27753, abs=1e-4)
    assert zero.confidence == 0.95


def test_two_proportion_test_by_hand() -> None:
    # A station's monthly summary: 46/50 against 87/100. Pooled p = 133/150 = 0.886667;
    # se = sqrt(0.886667 * 0.113333 * (1/50 + 1/100)) = 0.054906; z = 0.05 / 0.054906 = 0.9106;
    # p = 2 * (1 - Φ(0.9106)) ≈ 0.3625: "up 5 points" on these samples may be noise.
    seed = two_proportion_test(46, 50, 87, 100)
    assert seed.difference == pytest.approx(0.05)
    assert seed.z == pytest.approx(0.9106, abs=1e-3)
    assert seed.p_value == pytest.approx(0.3625, abs=1e-3)
    # 45/100 against 30/100: pooled 0.375, se = sqrt(0.375 * 0.625 * 0.02) = 0.068465,
    # z = 0.15 / 0.068465 = 2.1909, p = 0.0285.
    textbook = two_proportion_test(45, 100, 30, 100)
    assert textbook.z == pytest.approx(2.1909, abs=1e-3)
    assert textbook.p_value == pytest.approx(0.0285, abs=1e-3)
    same = two_proportion_test(0, 10, 0, 20)
    assert (same.z, same.p_value) == (0.0, 1.0)


def test_sample_size_by_hand() -> None:
    # n0 = 1.96² * 0.25 / 0.05² = 384.15, rounded up: 385.
    assert sample_size(0.05) == 385
    # Cochran's correction for N = 4080 (a community's residents aged 65+):
    # 384.146 / (1 + 383.146 / 4080) = 384.146 / 1.093908 = 351.17 -> 352.
    assert sample_size(0.05, population=4080) == 352
    # 1.96² * 0.1 * 0.9 / 0.05² = 138.29 -> 139; 1.96² * 0.25 / 0.1² = 96.04 -> 97.
    assert sample_size(0.05, p=0.1) == 139
    assert sample_size(0.1) == 97
    # a population smaller than the plain sample needs nearly all of it.
    assert sample_size(0.05, population=50) == 45


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: wilson_interval(5, 4), "successes"),
        (lambda: two_proportion_test(1, 2, 3, 2), "x2"),
    ],
    ids=["above-n", "x-above-n"],
)
def test_successes_above_the_sample_raise_metric_input_error(call: object, field: str) -> None:
    assert callable(call)
    with pytest.raises(MetricInputError) as info:
        call()
    assert info.value.parameter == field


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: wilson_interval(-1, 4), "successes"),
        (lambda: wilson_interval(1, 4, confidence=1.0), "confidence"),
        (lambda: two_proportion_test(1, 0, 1, 2), "n1"),
        (lambda: sample_size(0), "margin"),
        (lambda: sample_size(0.05, p=1), "p"),
        (lambda: sample_size(0.05, population=0), "population"),
    ],
    ids=["negative", "confidence-1", "empty-sample", "margin-0", "p-1", "population-0"],
)
def test_arguments_out_of_range_raise_argument_error(call: object, field: str) -> None:
    assert callable(call)
    with pytest.raises(ArgumentError) as info:
        call()
    assert info.value.parameter == field


confidences = st.sampled_from([0.8, 0.9, 0.95, 0.99])


@settings(max_examples=50)
@given(rate_counts(at_most=5000), confidences)
def test_wilson_interval_lies_in_0_1_and_contains_p_hat(
    counts: tuple[int, int], confidence: float
) -> None:
    successes, n = counts
    low, high = wilson_interval(successes, n, confidence)
    assert 0.0 <= low <= high <= 1.0
    if n:
        assert low <= successes / n <= high


@settings(max_examples=50)
@given(rate_counts(at_most=5000), st.integers(min_value=2, max_value=10), confidences)
def test_wilson_interval_narrows_as_n_grows(
    counts: tuple[int, int], times: int, confidence: float
) -> None:
    successes, n = counts
    if n == 0:
        return
    small = wilson_interval(successes, n, confidence)
    large = wilson_interval(successes * times, n * times, confidence)
    assert large.width < small.width


@settings(max_examples=50)
@given(rate_counts(at_most=500), rate_counts(at_most=500))
def test_two_proportion_test_is_symmetric(a: tuple[int, int], b: tuple[int, int]) -> None:
    if a[1] == 0 or b[1] == 0:
        return
    forward = two_proportion_test(a[0], a[1], b[0], b[1])
    backward = two_proportion_test(b[0], b[1], a[0], a[1])
    assert forward.z == pytest.approx(-backward.z)
    assert 0.0 <= forward.p_value <= 1.0
    assert forward.p_value == pytest.approx(backward.p_value)
