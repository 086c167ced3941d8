"""Paired change (配对变化): mean change, the paired t-test, the signed-rank test and effect sizes.

`paired_change` compares each client's follow-up with their own baseline.
It returns a `PairedChange` that reads like ``scipy.stats``: the mean change
with its confidence interval, a `TTest` (Student's paired t-test,
two-sided) and a `SignedRankTest` (Wilcoxon's signed-rank test, two-sided),
and three standardised effect sizes: d_z, d_av and Hedges' g_av.

The rules, stated once:

* change = after − before; a positive mean change is a rise in the score,
  which is an improvement only on a scale where higher is better.
* The t-test uses the standard deviation of the changes with n − 1; when
  every change is the same (the deviation is 0) t and its p-value are
  undefined (``None``), never infinite or NaN.
* The signed-rank test drops zero changes (Wilcoxon's method), gives tied
  absolute changes their mean rank, and reports min(W⁺, W⁻). Its p-value is
  exact (all 2ⁿ sign assignments counted) when there are at most 50
  pairs and no zeros or ties, or at most 13 pairs at all; otherwise it is
  the normal approximation with the tie correction and without a
  continuity correction. These are ``scipy.stats.wilcoxon``'s defaults.
* d_z = mean change / SD of the changes (Cohen 1988); d_av = mean change /
  the mean of the baseline and follow-up SDs (Cumming 2012); Hedges' g_av =
  d_av × J with Hedges' exact small-sample correction
  J = Γ(m/2) / (√(m/2) · Γ((m − 1)/2)), m = n − 1 (Hedges 1981; Lakens
  2013); with 2 pairs J is 0 and g_av is undefined (``None``).

Examples:
    >>> before = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0]
    >>> after = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]
    >>> c = paired_change(before, after)
    >>> round(c.t_test.statistic, 4), c.t_test.df, round(c.d_z, 4)
    (4.0621, 9, 1.2846)
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, Literal

from attrs import frozen

from socialwork._arguments import require_figure, require_finite
from socialwork.display.displayable import Displayable
from socialwork.display.document import Document, Heading, Paragraph, Table
from socialwork.errors import EvaluationInputError
from socialwork.evaluation._stats import (
    mid_ranks,
    normal_two_sided,
    signed_rank_tails,
    t_quantile,
    t_two_sided,
)
from socialwork.labels import Language, canonical_language, select_language

__all__ = ["PairedChange", "SignedRankTest", "TTest", "paired_change"]

EXACT_WITHOUT_TIES = 50
"""Up to this many pairs without zeros or ties, the signed-rank p-value is exact."""

EXACT_ALWAYS = 13
"""Up to this many pairs, the signed-rank p-value is exact even with zeros or ties."""


@frozen
class TTest:
    """Student's paired t-test, two-sided: statistic, degrees of freedom and p-value.

    ``statistic`` and ``pvalue`` are ``None`` when every change is the same.

    Examples:
        >>> TTest(4.06, 9, 0.0028).df
        9
    """

    statistic: float | None
    df: int
    pvalue: float | None


@frozen
class SignedRankTest:
    """Wilcoxon's signed-rank test, two-sided, with zeros dropped and ties at mean ranks.

    ``statistic`` is min(W⁺, W⁻); ``method`` is ``"exact"`` or ``"normal"``;
    ``z`` is given for the normal approximation. ``pvalue`` is ``None``
    when every change is zero.

    Examples:
        >>> SignedRankTest(0.0, 45.0, 0.0, 0, 0.0039, "exact", None).method
        'exact'
    """

    statistic: float
    w_plus: float
    w_minus: float
    zeros: int
    pvalue: float | None
    method: Literal["exact", "normal"]
    z: float | None


def _shown(value: float | None, decimals: int = 2) -> str:
    return "n/a" if value is None else f"{value:.{decimals}f}"


def _p(value: float | None) -> str:
    if value is None:
        return "n/a"
    return "< 0.001" if value < 0.001 else f"{value:.3f}"


@frozen
class PairedChange(Displayable):
    """Change from baseline to follow-up over paired scores, with tests and effect sizes.

    Examples:
        >>> c = paired_change([9, 8, 7, 10], [5, 6, 7, 4])
        >>> c.mean_change, c.t_test.df, c.wilcoxon.zeros
        (-3.0, 3, 1)
    """

    n: int
    mean_before: float
    mean_after: float
    sd_before: float
    sd_after: float
    mean_change: float
    sd_change: float
    confidence: float
    ci_low: float | None
    ci_high: float | None
    t_test: TTest
    wilcoxon: SignedRankTest
    d_z: float | None
    d_av: float | None
    hedges_g: float | None

    def to_document(self, language: Language | str = "zh") -> Document:
        """Return the change as one summary table, statsmodels-style.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> c = paired_change([9, 8, 7, 10], [5, 6, 7, 4])
            >>> print(c.to_text("en"))  # doctest: +ELLIPSIS
            Paired change
            -------------
            <BLANKLINE>
            Statistic ...
        """
        script = canonical_language(language)
        level = f"{100 * self.confidence:g}%"
        rows = [
            [select_language(script, "配对数", "Pairs", "配對數"), str(self.n)],
            [
                select_language(
                    script, "前测均值 (标准差)", "Baseline mean (SD)", "前測均值 (標準差)"
                ),
                f"{self.mean_before:.2f} ({self.sd_before:.2f})",
            ],
            [
                select_language(
                    script, "后测均值 (标准差)", "Follow-up mean (SD)", "後測均值 (標準差)"
                ),
                f"{self.mean_after:.2f} ({self.sd_after:.2f})",
            ],
            [
                select_language(script, "平均变化", "Mean change", "平均變化"),
                f"{self.mean_change:.2f} "
                f"({level} CI {_shown(self.ci_low)} – {_shown(self.ci_high)})",
            ],
            [
                select_language(script, "配对 t 检验", "Paired t-test", "配對 t 檢驗"),
                f"t({self.t_test.df}) = {_shown(self.t_test.statistic, 3)}, "
                f"p = {_p(self.t_test.pvalue)}",
            ],
            [
                select_language(
                    script, "Wilcoxon 符号秩检验", "Wilcoxon signed-rank", "Wilcoxon 符號秩檢驗"
                ),
                f"W = {self.wilcoxon.statistic:g}, p = {_p(self.wilcoxon.pvalue)} "
                f"({self.wilcoxon.method})",
            ],
            ["d_z", _shown(self.d_z)],
            ["d_av", _shown(self.d_av)],
            ["Hedges' g_av", _shown(self.hedges_g)],
        ]
        note = select_language(
            script,
            "变化 = 后测 − 前测; 双侧检验; 零变化在符号秩检验中剔除。",
            "Change = follow-up − baseline; two-sided tests; zero changes dropped "
            "from the signed-rank test.",
            "變化 = 後測 − 前測; 雙側檢驗; 零變化在符號秩檢驗中剔除。",
        )
        return Document(
            [
                Heading(select_language(script, "配对变化", "Paired change", "配對變化")),
                Table(
                    [
                        select_language(script, "统计量", "Statistic", "統計量"),
                        select_language(script, "值", "Value"),
                    ],
                    rows,
                ),
                Paragraph(note, note=True),
            ]
        )

    def to_rows(self) -> list[dict[str, Any]]:
        """Return the change as one row of figures.

        Examples:
            >>> paired_change([9, 8, 7, 10], [5, 6, 7, 4]).to_rows()[0]["t_df"]
            3
        """
        return [
            {
                "n": self.n,
                "mean_before": self.mean_before,
                "mean_after": self.mean_after,
                "mean_change": self.mean_change,
                "sd_change": self.sd_change,
                "ci_low": self.ci_low,
                "ci_high": self.ci_high,
                "t": self.t_test.statistic,
                "t_df": self.t_test.df,
                "t_pvalue": self.t_test.pvalue,
                "wilcoxon": self.wilcoxon.statistic,
                "wilcoxon_pvalue": self.wilcoxon.pvalue,
                "wilcoxon_method": self.wilcoxon.method,
                "d_z": self.d_z,
                "d_av": self.d_av,
                "hedges_g": self.hedges_g,
            }
        ]


def _mean(values: Sequence[float]) -> float:
    return math.fsum(values) / len(values)


def _sd(values: Sequence[float]) -> float:
    mean = _mean(values)
    return math.sqrt(math.fsum((v - mean) ** 2 for v in values) / (len(values) - 1))


def _hedges_j(df: int) -> float:
    """Hedges' exact correction J for ``df`` ≥ 2 degrees of freedom.

    Examples:
        >>> round(_hedges_j(9), 4)
        0.9139
    """
    return math.exp(math.lgamma(df / 2) - math.lgamma((df - 1) / 2)) / math.sqrt(df / 2)


def _signed_rank(changes: Sequence[float]) -> SignedRankTest:
    nonzero = [d for d in changes if d != 0]
    zeros = len(changes) - len(nonzero)
    ranks, groups = mid_ranks([abs(d) for d in nonzero])
    w_plus = math.fsum(r for r, d in zip(ranks, nonzero, strict=True) if d > 0)
    w_minus = math.fsum(r for r, d in zip(ranks, nonzero, strict=True) if d < 0)
    statistic = min(w_plus, w_minus)
    if not nonzero:
        return SignedRankTest(statistic, w_plus, w_minus, zeros, None, "exact", None)
    ties = any(g > 1 for g in groups)
    n = len(changes)
    if (n <= EXACT_WITHOUT_TIES and not ties and not zeros) or n <= EXACT_ALWAYS:
        below, above = signed_rank_tails(ranks, w_plus)
        return SignedRankTest(
            statistic, w_plus, w_minus, zeros, min(1.0, 2 * min(below, above)), "exact", None
        )
    m = len(nonzero)
    mean = m * (m + 1) / 4
    variance = (m * (m + 1) * (2 * m + 1) - sum(g**3 - g for g in groups) / 2) / 24
    z = (w_plus - mean) / math.sqrt(variance)
    return SignedRankTest(statistic, w_plus, w_minus, zeros, normal_two_sided(z), "normal", z)


def paired_change(
    before: Sequence[float], after: Sequence[float], *, confidence: float = 0.95
) -> PairedChange:
    """Compare paired scores: mean change and its interval, t and signed-rank tests, effect sizes.

    ``before[i]`` and ``after[i]`` are the same client's baseline and
    follow-up (see `socialwork.evaluation.pre_post`). Scores are finite and
    at most 10¹⁵ in size; ``confidence`` is from 0.5 to 0.9999.

    Raises:
        EvaluationInputError: fewer than 2 pairs (``too_few_pairs``) or
            ``before`` and ``after`` of different lengths (``length_mismatch``).
        ArgumentError: a score is NaN, infinite or too large, or
            ``confidence`` is out of range.
        TypeError: a score is not a number.

    Examples:
        >>> c = paired_change([9, 8, 7, 10, 6], [5, 6, 7, 4, 5])
        >>> round(c.t_test.pvalue, 4), c.wilcoxon.statistic, c.wilcoxon.method
        (0.0732, 0.0, 'exact')
        >>> round(c.d_z, 3), round(c.d_av, 3), round(c.hedges_g, 3)
        (-1.08, -1.911, -1.525)
    """
    level = require_finite(confidence, "confidence", 0.5, 0.9999)
    if isinstance(before, str | bytes) or isinstance(after, str | bytes):
        raise TypeError("before and after must be sequences of numbers")
    pre = [require_figure(v, f"before[{i}]") for i, v in enumerate(before)]
    post = [require_figure(v, f"after[{i}]") for i, v in enumerate(after)]
    if len(pre) != len(post):
        raise EvaluationInputError(
            "length_mismatch", len(post), f"as many follow-up scores as baselines ({len(pre)})"
        )
    n = len(pre)
    if n < 2:
        raise EvaluationInputError("too_few_pairs", n, "at least 2 pairs")
    changes = [b - a for a, b in zip(pre, post, strict=True)]
    mean_change = _mean(changes)
    sd_change = _sd(changes)
    sd_before, sd_after = _sd(pre), _sd(post)
    df = n - 1
    se = sd_change / math.sqrt(n)
    if se > 0:
        statistic = mean_change / se
        t: float | None = statistic
        pvalue: float | None = t_two_sided(statistic, df)
        margin = t_quantile((1 + level) / 2, df) * se
        low: float | None = mean_change - margin
        high: float | None = mean_change + margin
        d_z: float | None = mean_change / sd_change
    else:
        t = pvalue = d_z = None
        low = high = mean_change
    average_sd = (sd_before + sd_after) / 2
    d_av = mean_change / average_sd if average_sd > 0 else None
    hedges_g = d_av * _hedges_j(df) if d_av is not None and df >= 2 else None
    return PairedChange(
        n=n,
        mean_before=_mean(pre),
        mean_after=_mean(post),
        sd_before=sd_before,
        sd_after=sd_after,
        mean_change=mean_change,
        sd_change=sd_change,
        confidence=level,
        ci_low=low,
        ci_high=high,
        t_test=TTest(t, df, pvalue),
        wilcoxon=_signed_rank(changes),
        d_z=d_z,
        d_av=d_av,
        hedges_g=hedges_g,
    )
