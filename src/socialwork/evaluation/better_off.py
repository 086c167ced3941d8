"""Is anyone better off? (是否有人因此变得更好): two outcome indicators with their definitions.

Results-Based Accountability's last question, answered from evaluations:

* `RELIABLE_IMPROVEMENT`: the share of paired clients whose change on a
  scale is a reliable improvement (recovered or improved, after Jacobson and
  Truax), measured by `reliable_improvement_rate`, a `socialwork.metrics.Rate`
  with its Wilson interval. Clients without a pair are not in the
  denominator; the `ReliableChange <socialwork.evaluation.ReliableChange>`
  keeps them listed.
* `MEAN_GAS_TSCORE`: the mean goal attainment T-score of the cases closed in
  the period, measured by `socialwork.evaluation.mean_gas_tscore`, whose
  result keeps each case's T-score and the closed cases without scores.

Both definitions are `socialwork.metrics.IndicatorDefinition` records with
names in Simplified Chinese, Traditional Chinese and English, ready for an
entry of the indicator catalogue.

Examples:
    >>> RELIABLE_IMPROVEMENT.name.text("en"), MEAN_GAS_TSCORE.name.text("zh-Hant")
    ('Clients reliably improved', '已結案個案平均目標達成 T 分數')
"""

from __future__ import annotations

from socialwork._arguments import require_instance
from socialwork.evaluation.reliable import ChangeClass, ReliableChange
from socialwork.metrics.definitions import IndicatorDefinition, RbaQuadrant
from socialwork.metrics.rates import Rate
from socialwork.models import BilingualText

__all__ = ["MEAN_GAS_TSCORE", "RELIABLE_IMPROVEMENT", "reliable_improvement_rate"]

_text = BilingualText.of

RELIABLE_IMPROVEMENT = IndicatorDefinition(
    code="reliable_improvement",
    name=_text("可靠改善的服务对象比例", "Clients reliably improved", "可靠改善的服務對象比例"),
    numerator=_text(
        "前后测变化为可靠改善(康复或改善)的服务对象",
        "Paired clients whose change is a reliable improvement (recovered or improved)",
        "前後測變化爲可靠改善(康復或改善)的服務對象",
    ),
    denominator=_text(
        "有前测和后测的服务对象",
        "Clients with a baseline and a follow-up",
        "有前測和後測的服務對象",
    ),
    quadrant=RbaQuadrant.BETTER_OFF_PERCENT,
)
"""Share of paired clients reliably improved on a scale (|RC| > 1.96 the better way)."""

MEAN_GAS_TSCORE = IndicatorDefinition(
    code="mean_gas_tscore",
    name=_text(
        "已结案个案平均目标达成 T 分数",
        "Mean GAS T-score of closed cases",
        "已結案個案平均目標達成 T 分數",
    ),
    numerator=_text(
        "本期结案且有目标评分的个案的 Kiresuk–Sherman T 分数之和",
        "Sum of the Kiresuk–Sherman T-scores of cases closed with scored goals",
        "本期結案且有目標評分的個案的 Kiresuk–Sherman T 分數之和",
    ),
    denominator=_text(
        "本期结案且有目标评分的个案",
        "Cases closed with scored goals",
        "本期結案且有目標評分的個案",
    ),
    factor=1,
    unit=_text("T 分", "T", "T 分"),
    quadrant=RbaQuadrant.BETTER_OFF_NUMBER,
)
"""Mean T-score (50: goals met as expected) of the cases closed with scored goals."""


def reliable_improvement_rate(change: ReliableChange) -> Rate:
    """Return the share of paired clients recovered or reliably improved, as a `Rate`.

    Raises:
        TypeError: ``change`` is not a `ReliableChange`.

    Examples:
        >>> from datetime import date
        >>> from socialwork.evaluation import pre_post, reliable_change
        >>> from socialwork.samples import mood_group_administrations
        >>> pairs = pre_post(mood_group_administrations(), "gds15",
        ...                  start=date(2025, 3, 4), end=date(2025, 5, 27))
        >>> rate = reliable_improvement_rate(reliable_change(pairs, reliability=0.8, sd=3.0))
        >>> rate.format(0), [round(x, 3) for x in rate.wilson()]
        ('50% (5/10)', [0.237, 0.763])
    """
    require_instance(ReliableChange, change, "change")
    counts = change.counts()
    better = counts[ChangeClass.RECOVERED] + counts[ChangeClass.IMPROVED]
    return Rate(better, len(change.clients))
