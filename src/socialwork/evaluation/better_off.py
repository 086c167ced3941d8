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
names in Simplified Chinese, Traditional Chinese and English. `BETTER_OFF`
is their catalogue (`socialwork.metrics.catalogue.Indicator`
entries), measured from an `OutcomeRecords` bundle read over a period
(`OutcomePeriod`), and `better_off_section` makes them a section of the
monthly report (`socialwork.metrics.monthly_report`'s ``sections``). Both
are "as of" figures, taken on the period's last day: the clients whose
follow-up was given by then, the cases closed by then.

Examples:
    >>> RELIABLE_IMPROVEMENT.name.text("en"), MEAN_GAS_TSCORE.name.text("zh-Hant")
    ('Clients reliably improved', '已結案個案平均目標達成 T 分數')
    >>> from socialwork.samples import outcome_month
    >>> [str(line.value) for line in better_off_section(outcome_month()).lines]
    ['50.0% (5/10)', 'None']
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from types import MappingProxyType
from typing import Annotated, Self

from attrs import frozen
from pydantic import Field, Strict, model_validator

from socialwork._arguments import require_instance
from socialwork.evaluation.gas import GoalScaling, MeanTScore, mean_gas_tscore
from socialwork.evaluation.pairing import pre_post
from socialwork.evaluation.reliable import ChangeClass, ReliableChange, reliable_change
from socialwork.metrics.catalogue import Indicator
from socialwork.metrics.definitions import IndicatorDefinition, RbaQuadrant
from socialwork.metrics.rates import Rate
from socialwork.metrics.report import ReportSection, report_section
from socialwork.models import BilingualText, Case, Period, ScaleAdministration
from socialwork.records import Id, Record, check_unique

__all__ = [
    "MEAN_GAS_TSCORE",
    "RELIABLE_IMPROVEMENT",
    "OutcomeRecords",
    "better_off_section",
    "reliable_improvement_rate",
]

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
        "截至期末已结案且有目标评分的个案的 Kiresuk–Sherman T 分数之和",
        "Sum of the Kiresuk–Sherman T-scores of cases closed by the period's end with scored goals",
        "截至期末已結案且有目標評分的個案的 Kiresuk–Sherman T 分數之和",
    ),
    denominator=_text(
        "截至期末已结案且有目标评分的个案",
        "Cases closed by the period's end with scored goals",
        "截至期末已結案且有目標評分的個案",
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


class OutcomeRecords(Record):
    """What a station keeps to ask whether anyone is better off, read over ``period``.

    One service's administrations of a scale (``scale``; the service ran
    over ``service``, so a client's baseline is the last administration on
    or before its first day and the follow-up the first on or after its
    last, `socialwork.evaluation.pre_post`'s default rule), the scale's
    reliability and the norm standard deviation that reliable change needs
    (`socialwork.evaluation.reliable_change`), and the cases with their
    goals' scalings (`socialwork.evaluation.GoalScaling`). Administration
    ids are distinct (rule ``duplicate_id``).

    Examples:
        >>> from socialwork.samples import outcome_month
        >>> outcomes = outcome_month()
        >>> outcomes.scale, outcomes.service.start.isoformat(), len(outcomes.administrations)
        ('gds15', '2025-03-04', 23)
    """

    period: Period
    scale: Id
    service: Period
    reliability: Annotated[float, Strict(), Field(ge=0, le=0.9999, allow_inf_nan=False)]
    sd: Annotated[float, Strict(), Field(ge=1e-6, le=1e6, allow_inf_nan=False)]
    administrations: tuple[ScaleAdministration, ...] = ()
    cases: tuple[Case, ...] = ()
    scalings: tuple[GoalScaling, ...] = ()

    @model_validator(mode="after")
    def _distinct(self) -> Self:
        check_unique("OutcomeRecords", "administrations", (a.id for a in self.administrations))
        check_unique("OutcomeRecords", "cases", (c.id for c in self.cases))
        return self


@frozen
class OutcomePeriod:
    """An `OutcomeRecords` bundle read over its period: what `BETTER_OFF`'s entries measure.

    The reliable change and the mean T-score are computed once, on first use.

    Examples:
        >>> from socialwork.samples import outcome_month
        >>> june = OutcomePeriod(outcome_month())
        >>> len(june.change.clients), june.goals.mean is None  # no case closed yet
        (10, True)
    """

    records: OutcomeRecords

    @property
    def period(self) -> Period:
        """The period read."""
        return self.records.period

    @cached_property
    def change(self) -> ReliableChange:
        """Each paired client's reliable change, from administrations given by the period's end."""
        r = self.records
        given = [a for a in r.administrations if a.on <= r.period.end]
        pairs = pre_post(given, r.scale, start=r.service.start, end=r.service.end)
        return reliable_change(pairs, reliability=r.reliability, sd=r.sd)

    @cached_property
    def goals(self) -> MeanTScore:
        """The mean GAS T-score of the cases closed by the period's end."""
        r = self.records
        return mean_gas_tscore(r.cases, r.scalings, as_of=r.period.end)


BETTER_OFF: Mapping[str, Indicator[OutcomePeriod]] = MappingProxyType(
    {
        RELIABLE_IMPROVEMENT.code: Indicator(
            RELIABLE_IMPROVEMENT,
            lambda view: reliable_improvement_rate(view.change),
            needs="administrations",
        ),
        MEAN_GAS_TSCORE.code: Indicator(
            MEAN_GAS_TSCORE, lambda view: view.goals.mean, needs="scalings"
        ),
    }
)
"""The "better off" indicators by code, in report order: each definition and its measure."""

BETTER_OFF_TITLE = _text("是否有人因此受益", "Is anyone better off?", "是否有人因此受益")
"""The heading of the better-off section of a monthly report."""


def better_off_section(
    outcomes: OutcomeRecords, previous: OutcomeRecords | None = None
) -> ReportSection:
    """Return the "better off" indicators for ``outcomes.period`` as a monthly report's section.

    Each `BETTER_OFF` entry is measured over ``outcomes`` and ``previous``
    (read over their own periods) and judged as every report line is
    (`socialwork.metrics.report_line`). Without administrations reliable
    improvement has no data, and so has the mean T-score without scalings
    or without a closed case scored: "n/a", never 0.

    Raises:
        TypeError: ``outcomes`` or ``previous`` is not an `OutcomeRecords`.

    Examples:
        >>> from socialwork.samples import outcome_month
        >>> from socialwork.metrics import monthly_report
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> section = better_off_section(outcome_month())
        >>> report = monthly_report(june, june.period, sections=[section])
        >>> print(report.line("reliable_improvement").to_text("en").splitlines()[-1])
        Clients reliably improved  50.0% (5/10)  —         —       —       No target
    """
    now = OutcomePeriod(require_instance(OutcomeRecords, outcomes, "outcomes"))
    before = (
        None
        if previous is None
        else OutcomePeriod(require_instance(OutcomeRecords, previous, "previous"))
    )
    return report_section(BETTER_OFF_TITLE, BETTER_OFF.values(), now, before)
