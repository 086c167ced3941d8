"""paired_change against scipy (the oracle), Student's sleep data and hand-worked figures."""

from __future__ import annotations

import math

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from scipy import stats  # type: ignore[import-untyped]

from socialwork.display.document import Heading, Paragraph, Table
from socialwork.errors import ArgumentError, EvaluationInputError
from socialwork.evaluation import PairedChange, SignedRankTest, paired_change
from socialwork.evaluation.change import _p
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


# changes -4, -2, 0, -6, -1 (see test_hand_worked_effect_sizes): mean -2.6, SE √(5.8 / 5);
# t(4) = -2.414, p = 0.0732; the 95% interval ±2.7764·SE is -5.59 to 0.39; W⁺ = 0 of the
# four non-zero changes, exact p = 2/16; d_z -1.08, d_av -1.91, g_av = d_av·2/√(2π) = -1.52.
BEFORE, AFTER = [9, 8, 7, 10, 6], [5, 6, 7, 4, 5]


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "zh",
            (
                Heading("配对变化"),
                Table(
                    ("统计量", "值"),
                    (
                        ("配对数", "5"),
                        ("前测均值 (标准差)", "8.00 (1.58)"),
                        ("后测均值 (标准差)", "5.40 (1.14)"),
                        ("平均变化", "-2.60 (95% CI -5.59 – 0.39)"),
                        ("配对 t 检验", "t(4) = -2.414, p = 0.073"),
                        ("Wilcoxon 符号秩检验", "W = 0, p = 0.125 (exact)"),
                        ("d_z", "-1.08"),
                        ("d_av", "-1.91"),
                        ("Hedges' g_av", "-1.52"),
                    ),
                ),
                Paragraph("变化 = 后测 − 前测; 双侧检验; 零变化在符号秩检验中剔除。", note=True),
            ),
        ),
        (
            "en",
            (
                Heading("Paired change"),
                Table(
                    ("Statistic", "Value"),
                    (
                        ("Pairs", "5"),
                        ("Baseline mean (SD)", "8.00 (1.58)"),
                        ("Follow-up mean (SD)", "5.40 (1.14)"),
                        ("Mean change", "-2.60 (95% CI -5.59 – 0.39)"),
                        ("Paired t-test", "t(4) = -2.414, p = 0.073"),
                        ("Wilcoxon signed-rank", "W = 0, p = 0.125 (exact)"),
                        ("d_z", "-1.08"),
                        ("d_av", "-1.91"),
                        ("Hedges' g_av", "-1.52"),
                    ),
                ),
                Paragraph(
                    "Change = follow-up − baseline; two-sided tests; zero changes dropped "
                    "from the signed-rank test.",
                    note=True,
                ),
            ),
        ),
        (
            "zh-Hant",
            (
                Heading("配對變化"),
                Table(
                    ("統計量", "值"),
                    (
                        ("配對數", "5"),
                        ("前測均值 (標準差)", "8.00 (1.58)"),
                        ("後測均值 (標準差)", "5.40 (1.14)"),
                        ("平均變化", "-2.60 (95% CI -5.59 – 0.39)"),
                        ("配對 t 檢驗", "t(4) = -2.414, p = 0.073"),
                        ("Wilcoxon 符號秩檢驗", "W = 0, p = 0.125 (exact)"),
                        ("d_z", "-1.08"),
                        ("d_av", "-1.91"),
                        ("Hedges' g_av", "-1.52"),
                    ),
                ),
                Paragraph("變化 = 後測 − 前測; 雙側檢驗; 零變化在符號秩檢驗中剔除。", note=True),
            ),
        ),
    ],
)
def test_the_summary_table_reads_in_each_language(
    language: str, expected: tuple[Heading | Table | Paragraph, ...]
) -> None:
    assert paired_change(BEFORE, AFTER).to_document(language).blocks == expected


def test_the_summary_table_is_in_simplified_chinese_by_default() -> None:
    c = paired_change(BEFORE, AFTER)
    assert c.to_document() == c.to_document("zh-Hans")


def _values(c: PairedChange) -> list[str]:
    table = c.to_document("en").blocks[1]
    assert isinstance(table, Table)
    return [value for _, value in table.rows]


def test_undefined_figures_read_n_a_and_the_level_is_the_one_asked() -> None:
    # every change is +1: no t, no d_z; W⁺ = 6 of ranks 2, 2, 2: exact p = 2 x 1/8;
    # d_av = 1 / 1; J(2) = Γ(1) / Γ(0.5) = 1/√π, so g_av = 0.56
    assert _values(paired_change([1, 2, 3], [2, 3, 4], confidence=0.9)) == [
        "3",
        "2.00 (1.00)",
        "3.00 (1.00)",
        "1.00 (90% CI 1.00 – 1.00)",
        "t(2) = n/a, p = n/a",
        "W = 0, p = 0.250 (exact)",
        "n/a",
        "1.00",
        "0.56",
    ]
    # no change at all: no signed-rank p-value; two pairs: no g_av
    none = _values(paired_change([1, 2], [1, 2]))
    assert none[5] == "W = 0, p = n/a (exact)"
    assert none[8] == "n/a"


def test_a_p_value_below_one_in_a_thousand_reads_as_such() -> None:
    before = [float(i) for i in range(1, 11)]
    after = [b + 5 + (0.1 if i % 2 else 0.2) for i, b in enumerate(before)]
    c = paired_change(before, after)
    assert c.t_test.pvalue is not None
    assert c.t_test.pvalue < 1e-9
    assert _values(c)[4].endswith(", p = < 0.001")
    assert _p(0.001) == "0.001"
    assert _p(0.0009999) == "< 0.001"
    assert _p(None) == "n/a"


def test_the_normal_approximation_is_named_in_the_table() -> None:
    before = [float(i % 7) for i in range(60)]
    after = [float((i * 3) % 11) for i in range(60)]
    assert _values(paired_change(before, after))[5].endswith(" (normal)")


def test_the_row_holds_every_figure() -> None:
    row = paired_change(BEFORE, AFTER).to_rows()
    assert len(row) == 1
    assert row[0] == {
        "n": 5,
        "mean_before": 8.0,
        "mean_after": 5.4,
        "mean_change": pytest.approx(-2.6),
        "sd_change": pytest.approx(math.sqrt(5.8)),
        "ci_low": pytest.approx(-5.590322893890403),
        "ci_high": pytest.approx(0.39032289389040287),
        "t": pytest.approx(-2.414039396301674),
        "t_df": 4,
        "t_pvalue": pytest.approx(0.07323380844638844),
        "wilcoxon": 0.0,
        "wilcoxon_pvalue": 0.125,
        "wilcoxon_method": "exact",
        "d_z": pytest.approx(-2.6 / math.sqrt(5.8)),
        "d_av": pytest.approx(-2.6 / ((math.sqrt(2.5) + math.sqrt(1.3)) / 2)),
        "hedges_g": pytest.approx(-1.5246308684387475),
    }


def test_the_result_keeps_its_inputs() -> None:
    c = paired_change(BEFORE, AFTER, confidence=0.9)
    assert (c.n, c.mean_before, c.mean_after, c.confidence) == (5, 8.0, 5.4, 0.9)
    assert (c.sd_before, c.sd_after) == pytest.approx((math.sqrt(2.5), math.sqrt(1.3)))
    w = c.wilcoxon
    assert (w.w_plus, w.w_minus, w.zeros, w.method, w.z) == (0.0, 10.0, 1, "exact", None)


def test_refusals_say_what_arrived_and_what_was_expected() -> None:
    with pytest.raises(EvaluationInputError) as caught:
        paired_change([1, 2, 3], [1, 2])
    assert (caught.value.value, caught.value.expected) == (
        2,
        "as many follow-up scores as baselines (3)",
    )
    with pytest.raises(EvaluationInputError) as caught:
        paired_change([1], [1])
    assert (caught.value.value, caught.value.expected) == (1, "at least 2 pairs")
    with pytest.raises(TypeError, match=r"^before and after must be sequences of numbers$"):
        paired_change("12", [1, 2])  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^before and after must be sequences of numbers$"):
        paired_change([1, 2], b"12")
    with pytest.raises(ArgumentError) as bad:
        paired_change([1, 2], [1, math.inf])
    assert bad.value.parameter == "after[1]"
    with pytest.raises(ArgumentError) as bad:
        paired_change([math.nan, 2], [1, 2])
    assert bad.value.parameter == "before[0]"
    for level in (0.49, 0.99991):
        with pytest.raises(ArgumentError) as bad:
            paired_change([1, 2], [1, 3], confidence=level)
        assert bad.value.parameter == "confidence"
    assert paired_change([1, 2], [1, 3], confidence=0.5).confidence == 0.5
    assert paired_change([1, 2], [1, 3], confidence=0.9999).confidence == 0.9999


def test_no_mean_change_gives_t_0_and_p_1() -> None:
    c = paired_change([1, 2, 3], [2, 1, 3])  # changes +1, -1, 0
    assert (c.t_test.statistic, c.t_test.pvalue) == (0.0, 1.0)


def test_the_signed_rank_test_keeps_its_sums_zeros_and_z() -> None:
    assert paired_change([1, 2], [1, 2]).wilcoxon == SignedRankTest(
        0.0, 0.0, 0.0, 2, None, "exact", None
    )
    before = [float(i % 7) for i in range(60)]
    after = [float((i * 3) % 11) for i in range(60)]
    w = paired_change(before, after).wilcoxon
    zeros = sum(1 for a, b in zip(before, after, strict=True) if a == b)
    m = 60 - zeros
    assert (w.zeros, w.method) == (5, "normal") == (zeros, "normal")
    assert w.w_plus + w.w_minus == m * (m + 1) / 2
    assert (w.w_plus, w.w_minus, w.statistic) == (1175.5, 364.5, 364.5)
    # W⁺ lies above its mean m(m + 1)/4 = 770, so z is positive; scipy reports -|z|
    assert w.z == pytest.approx(3.405009204102474, rel=1e-12)


@pytest.mark.parametrize(
    ("changes", "method"),
    [
        (list(range(1, 51)), "exact"),  # 50 distinct changes: exact
        (list(range(1, 52)), "normal"),  # 51: normal
        ([1, *range(1, 13)], "exact"),  # 13 with a tie: still exact
        ([1, *range(1, 14)], "normal"),  # 14 with a tie: normal
    ],
)
def test_the_signed_rank_p_value_is_exact_up_to_50_pairs_or_13_with_ties(
    changes: list[int], method: str
) -> None:
    assert paired_change([0] * len(changes), changes).wilcoxon.method == method
