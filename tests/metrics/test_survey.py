"""Survey statistics against hand-computed textbook values, and their properties."""

from __future__ import annotations

import math
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialwork.errors import (
    ArgumentError,
    MetricInputError,
)
from socialwork.metrics import (
    MembershipGrowth,
    ProportionTest,
    Rate,
    WilsonInterval,
    combine,
    rate,
    sample_size,
    two_proportion_test,
)
from socialwork.metrics.casework import home_visit_completion
from socialwork.metrics.survey import wilson_interval, z_quantile
from tests.metrics.support import JUNE_PERIOD, refusal
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


@pytest.mark.parametrize(
    ("call", "parameter"),
    [
        pytest.param(lambda: rate(10**5000, 0), "numerator", id="rate-huge-numerator"),
        pytest.param(lambda: rate(0, 10**5000), "denominator", id="rate-huge-denominator"),
        pytest.param(lambda: Rate(-(10**400), 1), "numerator", id="rate-huge-negative"),
        pytest.param(lambda: wilson_interval(0, 10**400), "n", id="wilson-huge-n"),
        pytest.param(
            lambda: two_proportion_test(10**300, 10**300, 1, 1), "x1", id="two-proportions-huge"
        ),
        pytest.param(lambda: sample_size(1e-200), "margin", id="sample-size-tiny-margin"),
        pytest.param(
            lambda: sample_size(0.05, population=10**400), "population", id="huge-population"
        ),
        pytest.param(
            lambda: z_quantile(0.9999999999999999), "confidence", id="z-confidence-near-1"
        ),
        pytest.param(lambda: z_quantile(float("nan")), "confidence", id="z-confidence-nan"),
        pytest.param(lambda: wilson_interval(1, 2, 1e-300), "confidence", id="wilson-tiny"),
        pytest.param(
            lambda: combine([rate(10**9, 10**9)] * 2), "numerator", id="combine-above-a-billion"
        ),
        pytest.param(
            lambda: home_visit_completion([], JUNE_PERIOD, 10**30), "planned", id="planned-huge"
        ),
        pytest.param(lambda: rate(1, 2).format(7), "decimals", id="decimals-7"),
        pytest.param(lambda: rate(1, 2).format(-1), "decimals", id="decimals-negative"),
    ],
)
def test_huge_tiny_and_nan_numbers_raise_argument_error(
    call: Callable[[], object], parameter: str
) -> None:
    with pytest.raises(ArgumentError) as info:
        call()
    assert info.value.parameter == parameter
    assert parameter in str(info.value)


@settings(max_examples=200)
@given(st.floats(), st.floats(), st.floats())
def test_survey_statistics_return_or_refuse(margin: float, confidence: float, p: float) -> None:
    needed = refusal(lambda: sample_size(margin, confidence, p))
    if isinstance(needed, ArgumentError):
        assert needed.parameter in ("margin", "confidence", "p")
    else:
        assert isinstance(needed, int)
        assert needed >= 1
    z = refusal(lambda: z_quantile(confidence))
    if isinstance(z, ArgumentError):
        assert z.parameter == "confidence"
    else:
        assert isinstance(z, float)
        assert 0 < z < 4


def test_results_built_by_hand_are_checked_too() -> None:
    with pytest.raises(ArgumentError):
        WilsonInterval(float("nan"), 0.5, 0.95)
    with pytest.raises(ArgumentError):
        WilsonInterval(0.6, 0.5, 0.95)
    with pytest.raises(ArgumentError):
        WilsonInterval(0.1, 0.5, 1.0)
    assert WilsonInterval(0.1, 0.5, 0.95).width == pytest.approx(0.4)
    with pytest.raises(ArgumentError):
        ProportionTest(0.1, float("inf"), 0.5)
    with pytest.raises(ArgumentError):
        ProportionTest(0.1, 1.0, 1.5)
    with pytest.raises(ArgumentError):
        MembershipGrowth("g1", -1, 3)
    assert MembershipGrowth("g1", 8, 3).change == -5


def test_survey_bounds_at_their_edges() -> None:
    # Two samples of one: 1/1 against 0/1, pooled 1/2: z = 1 / sqrt(0.25 * 2) = 1.414.
    single = two_proportion_test(1, 1, 0, 1)
    assert single.z == pytest.approx(math.sqrt(2))
    # Margin 0.5 is the largest: n0 = 1.96² * 0.25 / 0.25 = 3.84 -> 4.
    assert sample_size(0.5) == 4
    with pytest.raises(ArgumentError):
        sample_size(0.51)
    # Cochran for tiny populations: 3.8415 / (1 + 2.8415 / 5) = 2.45 -> 3;
    # 3.8415 / (1 + 2.8415 / 10) = 2.99 -> 3; a population of one needs one.
    assert sample_size(0.5, population=5) == 3
    assert sample_size(0.5, population=10) == 3
    assert sample_size(0.05, population=1) == 1
    for p in (0.0, 1.0):
        with pytest.raises(ArgumentError) as strict:
            sample_size(0.05, p=p)
        assert str(strict.value) == f"p must be a finite number strictly between 0 and 1; got {p}"
    with pytest.raises(ArgumentError) as beyond:
        sample_size(0.05, p=1.5)
    assert (beyond.value.parameter, beyond.value.expected) == ("p", "a finite number from 0 to 1")
    interval = rate(46, 50).wilson(0.99)
    assert interval.confidence == 0.99
    assert interval.width > rate(46, 50).wilson().width


def test_hand_built_intervals_may_be_a_point_but_not_reversed() -> None:
    assert WilsonInterval(0.5, 0.5, 0.95).width == 0
    with pytest.raises(ArgumentError) as reversed_:
        WilsonInterval(0.6, 0.5, 0.95)
    assert (reversed_.value.parameter, reversed_.value.value) == ("low", 0.6)
    assert reversed_.value.expected == "at most high 0.5"
    for low, high, name in ((-0.1, 0.5, "low"), (1.2, 1.0, "low"), (0.1, 1.1, "high")):
        with pytest.raises(ArgumentError) as outside:
            WilsonInterval(low, high, 0.95)
        assert (outside.value.parameter, outside.value.expected) == (
            name,
            "a finite number from 0 to 1",
        )
    for difference, z, p_value, name in (
        (1.5, 0.0, 0.5, "difference"),
        (-1.5, 0.0, 0.5, "difference"),
        (0.0, float("nan"), 0.5, "z"),
        (0.0, 0.0, -0.5, "p_value"),
    ):
        with pytest.raises(ArgumentError) as figure:
            ProportionTest(difference, z, p_value)
        assert figure.value.parameter == name
    assert ProportionTest(-1.0, -40.0, 0.0).p_value == 0.0


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


def test_rate_wilson_passes_the_confidence() -> None:
    interval = Rate(46, 50).wilson(0.99)
    assert interval.confidence == 0.99
    assert tuple(interval) == tuple(wilson_interval(46, 50, 0.99))


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
