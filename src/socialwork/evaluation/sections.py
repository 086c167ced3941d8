"""Catalogue entries of the rooms above metrics, and the report sections they make.

The metrics catalogue (`socialwork.metrics.catalogue`) measures a
`socialwork.models.StationRecords` bundle, which cannot hold the records of
the rooms above it (evaluations, the team). Those rooms keep their own
catalogues of `SectionIndicator` entries, in the same shape as the metrics
catalogue's: an indicator's definition, how it is measured from a view of
the room's records over one period, and the no-data rule (the records
without which a count or a mean would read as a real 0). `report_section`
measures every entry for a period and the period before, and judges each
value with `socialwork.metrics.report_line`, the one rule of every line of
a monthly report.

Examples:
    >>> from socialwork.evaluation.better_off import BETTER_OFF, BETTER_OFF_TITLE, OutcomePeriod
    >>> from socialwork.samples import outcome_month
    >>> section = report_section(BETTER_OFF_TITLE, BETTER_OFF.values(),
    ...                          OutcomePeriod(outcome_month()))
    >>> [(line.definition.code, str(line.value)) for line in section.lines]
    [('reliable_improvement', '50.0% (5/10)'), ('mean_gas_tscore', 'None')]
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Generic, Protocol, TypeVar

from attrs import frozen

from socialwork.metrics.definitions import IndicatorDefinition, Measure
from socialwork.metrics.report import ReportSection, report_line
from socialwork.models import BilingualText, Period
from socialwork.records import Record

__all__ = ["SectionIndicator", "report_section"]


class PeriodView(Protocol):
    """A room's records read over one period: what its catalogue's entries measure."""

    @property
    def records(self) -> Record:
        """The room's records (a bundle whose collections the no-data rule checks)."""

    @property
    def period(self) -> Period:
        """The period read."""


View = TypeVar("View", bound=PeriodView, contravariant=True)


@frozen
class SectionIndicator(Generic[View]):
    """An entry of a room's catalogue: a definition, how to measure it, and its no-data rule.

    ``needs`` names a collection of the view's records without which the
    indicator has no data (``None``, shown "n/a"), as the metrics
    catalogue's ``Indicator.needs`` does.

    Examples:
        >>> from socialwork.evaluation.better_off import BETTER_OFF, OutcomePeriod
        >>> from socialwork.samples import outcome_month
        >>> entry = BETTER_OFF["reliable_improvement"]
        >>> str(entry.of(OutcomePeriod(outcome_month())))
        '50.0% (5/10)'
    """

    definition: IndicatorDefinition
    on_records: Callable[[View], Measure]
    needs: str | None = None

    def of(self, view: View) -> Measure:
        """The indicator over ``view``; no data (``None``) without the records it needs."""
        if self.needs is not None and not getattr(view.records, self.needs):
            return None
        return self.on_records(view)


V = TypeVar("V", bound=PeriodView)


def report_section(
    title: BilingualText,
    entries: Iterable[SectionIndicator[V]],
    view: V,
    previous: V | None = None,
) -> ReportSection:
    """Measure each entry over ``view`` (and ``previous``) and judge it as a report line.

    Each line is `socialwork.metrics.report_line` of the entry's definition,
    its value for ``view.period``, and its value for ``previous.period``.

    Examples:
        >>> from socialwork.evaluation.better_off import BETTER_OFF, BETTER_OFF_TITLE, OutcomePeriod
        >>> from socialwork.records import replace
        >>> from socialwork.models import Period
        >>> from socialwork.samples import outcome_month
        >>> june = OutcomePeriod(outcome_month())
        >>> may = OutcomePeriod(replace(outcome_month(), period=Period.month(2025, 5)))
        >>> line = report_section(BETTER_OFF_TITLE, BETTER_OFF.values(), june, may).lines[0]
        >>> str(line.previous), line.change  # the follow-ups were given on 28 May
        ('50.0% (5/10)', 0.0)
    """
    period = view.period
    before = None if previous is None else previous.period
    return ReportSection(
        title,
        [
            report_line(
                entry.definition,
                entry.of(view),
                period,
                None if previous is None else entry.of(previous),
                before,
            )
            for entry in entries
        ],
    )
