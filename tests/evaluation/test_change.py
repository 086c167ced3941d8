"""paired_change against scipy (the oracle), Student's sleep data and hand-worked figures."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy import stats  # type: ignore[import-untyped]

from socialwork.errors import ArgumentError, EvaluationInputError
from socialwork.evaluation import paired_change
from tests.strategies import paired_scores

# Student (1908), the sleep data in R's datasets: extra hours of sleep under two drugs.
SLEEP_1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0]
SLEEP_2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]


def test_the_sleep_data_give_the_published_figures() -> None:
    c = paired_change(SLEEP_1, SLEEP_2)
    assert c.t_test.statistic == pytest.approx(4.0621, abs=5e-5)
    assert c.t_test.df == 9
    assert c.d_z == pytest.approx(1.2846, abs=5e-5)
    assert c.mean_change == pytest.approx(1.58)
    assert (c.ci_low, c.ci_high) == pytest.approx((0.7001142, 2.4598858), abs=1e-6)
    oracle = stats.ttest_rel(SLEEP_2, SLEEP_1)
    assert c.t_test.pvalue == pytest.approx(float(oracle.pvalue), rel=1e-10)
    # one zero difference (patient 5) and ties: scipy takes the exact permutation
    w = stats.wilcoxon([b - a for a, b in zip(SLEEP_1, SLEEP_2, strict=True)])
    assert c.wilcoxon.statistic == float(w.statistic)
    assert c.wilcoxon.pvalue == pytest.approx(float(w.pvalue), rel=1e-12)
    assert c.wilcoxon.zeros == 1


def test_hand_worked_effect_sizes() -> None:
    # changes -4, -2, 0, -6, -1: mean -2.6, SD sqrt(23.2 / 4); baseline SD sqrt(2.5), follow-up
    # SD sqrt(1.3); J(4) = Γ(2) / (√2·Γ(1.5)) = 2 / √(2π)
    c = paired_change([9, 8, 7, 10, 6], [5, 6, 7, 4, 5])
    assert c.mean_change == pytest.approx(-2.6)
    assert c.sd_change == pytest.approx(math.sqrt(5.8))
    assert c.d_z == pytest.approx(-2.6 / math.sqrt(5.8))
    d_av = -2.6 / ((math.sqrt(2.5) + math.sqrt(1.3)) / 2)
    assert c.d_av == pytest.approx(d_av)
    assert c.hedges_g == pytest.approx(d_av * 2 / math.sqrt(2 * math.pi))
    # W- = 1 + 2 + 3 + 4 = 10 (ranks of 1, 2, 4, 6), W+ = 0
    assert (c.wilcoxon.w_plus, c.wilcoxon.w_minus, c.wilcoxon.statistic) == (0, 10, 0)
    assert c.wilcoxon.pvalue == pytest.approx(2 / 16)


def test_constant_changes_leave_t_undefined_not_infinite() -> None:
    c = paired_change([1, 2, 3], [2, 3, 4])
    assert c.t_test.statistic is None
    assert c.t_test.pvalue is None
    assert c.d_z is None
    assert c.ci_low == c.ci_high == 1.0
    none = paired_change([1, 2], [1, 2])
    assert none.wilcoxon.pvalue is None
    assert none.d_av == 0.0


def test_two_pairs_leave_hedges_g_undefined() -> None:
    assert paired_change([1, 2], [3, 5]).hedges_g is None


@pytest.mark.parametrize(
    ("before", "after", "rule"),
    [([1], [2], "too_few_pairs"), ([1, 2], [1], "length_mismatch"), ([], [], "too_few_pairs")],
)
def test_refusals_name_the_rule(before: list[float], after: list[float], rule: str) -> None:
    with pytest.raises(EvaluationInputError) as caught:
        paired_change(before, after)
    assert caught.value.rule == rule


def test_nan_and_bad_confidence_are_refused() -> None:
    with pytest.raises(ArgumentError):
        paired_change([1, float("nan")], [1, 2])
    with pytest.raises(ArgumentError):
        paired_change([1, 2], [1, 3], confidence=1.0)


def test_large_samples_use_the_normal_approximation_like_scipy() -> None:
    before = [float(i % 7) for i in range(60)]
    after = [float((i * 3) % 11) for i in range(60)]
    c = paired_change(before, after)
    w = stats.wilcoxon([b - a for a, b in zip(before, after, strict=True)])
    assert c.wilcoxon.method == "normal"
    assert c.wilcoxon.pvalue == pytest.approx(float(w.pvalue), rel=1e-9)


@settings(max_examples=60, deadline=None)
@given(paired_scores())
def test_equal_to_scipy_on_random_samples(pairs: tuple[list[float], list[float]]) -> None:
    before, after = pairs
    changes = [b - a for a, b in zip(before, after, strict=True)]
    assume(len(set(changes)) > 1)
    c = paired_change(before, after)
    t = stats.ttest_rel(after, before)
    assert c.t_test.statistic == pytest.approx(float(t.statistic), rel=1e-9, abs=1e-9)
    assert c.t_test.pvalue == pytest.approx(float(t.pvalue), rel=1e-8, abs=1e-14)
    low, high = t.confidence_interval()
    assert (c.ci_low, c.ci_high) == pytest.approx((float(low), float(high)), rel=1e-8, abs=1e-9)
    if any(changes):
        w = stats.wilcoxon(changes)
        assert c.wilcoxon.statistic == pytest.approx(float(w.statistic))
        assert c.wilcoxon.pvalue == pytest.approx(float(w.pvalue), rel=1e-9, abs=1e-12)


@settings(max_examples=60, deadline=None)
@given(paired_scores())
def test_swapping_baseline_and_follow_up_flips_the_sign(
    pairs: tuple[list[float], list[float]],
) -> None:
    before, after = pairs
    forward, backward = paired_change(before, after), paired_change(after, before)
    assert backward.mean_change == pytest.approx(-forward.mean_change)
    for a, b in (
        (forward.t_test.statistic, backward.t_test.statistic),
        (forward.d_z, backward.d_z),
        (forward.d_av, backward.d_av),
        (forward.hedges_g, backward.hedges_g),
    ):
        assert (a is None) == (b is None)
        if a is not None and b is not None:
            assert b == pytest.approx(-a)
    assert backward.t_test.pvalue == forward.t_test.pvalue or backward.t_test.pvalue == (
        pytest.approx(forward.t_test.pvalue)
    )
    assert backward.wilcoxon.pvalue == pytest.approx(forward.wilcoxon.pvalue)
    assert backward.wilcoxon.statistic == forward.wilcoxon.statistic


def test_the_result_renders_in_three_languages_and_exports_a_row() -> None:
    c = paired_change(SLEEP_1, SLEEP_2)
    assert "t(9) = 4.062" in c.to_text("en")
    assert "配对 t 检验" in c.to_markdown("zh")
    assert "配對 t 檢驗" in c.to_html("zh-Hant")
    assert c.to_rows()[0]["t_df"] == 9


@given(st.integers(min_value=2, max_value=40))
def test_the_interval_contains_the_mean_change(n: int) -> None:
    before = [float(i) for i in range(n)]
    after = [float(i * i % 5) for i in range(n)]
    c = paired_change(before, after)
    assert c.ci_low is not None
    assert c.ci_high is not None
    assert c.ci_low <= c.mean_change <= c.ci_high
