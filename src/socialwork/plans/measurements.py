"""Measurements (测量值): an indicator's figure over a period, as a plan's review takes it.

A `Measurement` is the user's own figure or a line of a monthly report
(`measurements_from_reports`); a `MeasurementRecord` is its JSON form, and
`MeasurementRecord.measurement` brings a kept figure back.

Examples:
    >>> from socialwork.metrics import rate
    >>> from socialwork.models import Period
    >>> m = Measurement("survey_satisfaction", Period.month(2025, 6), rate(46, 50))
    >>> m.to_record().measurement == m
    True
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from decimal import Decimal
from typing import Self

from attrs import field, frozen
from dateutil.relativedelta import relativedelta
from pydantic import model_validator

from socialwork._arguments import require_instances
from socialwork.errors import ArgumentError
from socialwork.metrics.rates import Rate
from socialwork.metrics.report import MonthlyReport
from socialwork.metrics.targets import Figure
from socialwork.models import Period
from socialwork.records import Count, Id, Record, break_rule, check_part

__all__ = ["Measurement", "MeasurementRecord", "measurements_from_reports"]


def _measure(value: Rate | float | Decimal | None) -> Rate | float | None:
    if isinstance(value, bool):
        raise ArgumentError("value", value, "a Rate, a number or None, not a bool")
    if not isinstance(value, Rate | int | float | Decimal | None):
        raise TypeError(f"value must be a Rate, a number or None; got {type(value).__name__}")
    if isinstance(value, Rate) or value is None:
        return value
    if isinstance(value, Decimal) and not value.is_finite():
        raise ArgumentError("value", value, "a finite number of at most 1e15 in size")
    if not -(10**15) <= value <= 10**15:
        raise ArgumentError("value", value, "a finite number of at most 1e15 in size")
    return float(value)


def _period_text(period: Period) -> str:
    """``2025-06`` for a calendar month, ``2025-01-01–2025-06-30`` for any other period."""
    start, end = period.start, period.end
    if start.day == 1 and end == start + relativedelta(months=1) - timedelta(days=1):
        return f"{start:%Y-%m}"
    return f"{start}–{end}"


@frozen
class Measurement:
    """A measured value of an indicator over a period: a `Rate`, a number or ``None``.

    Numbers are in display units (90 for 90%, 15 for 15 volunteers) and are
    kept as floats; a rate keeps its counts, which the review's Wilson
    interval uses. ``None`` (or a rate of nobody, ``rate(0, 0)``) says the
    period has no figure for the indicator.

    Raises:
        ArgumentError: a number is NaN, infinite or above 1e15 in size.
        TypeError: ``value`` is neither a `Rate`, a number nor ``None``.

    Examples:
        >>> from socialwork.metrics import rate
        >>> from socialwork.models import Period
        >>> m = Measurement("survey_satisfaction", Period.month(2025, 6), rate(46, 50))
        >>> m.percent, m
        (92.0, Measurement('survey_satisfaction', 2025-06, 92.0% (46/50)))
    """

    indicator: str
    period: Period
    value: Rate | float | None = field(converter=_measure)

    @property
    def percent(self) -> float | None:
        """The value in display units: a rate in percent, a number as it is."""
        if isinstance(self.value, Rate):
            return self.value.percent
        return self.value

    def __repr__(self) -> str:
        """A short form: indicator, period and value."""
        value = "None" if self.value is None else _number(self)
        return f"Measurement({self.indicator!r}, {_period_text(self.period)}, {value})"

    def to_record(self) -> MeasurementRecord:
        """Return the measurement as a `MeasurementRecord` (a rate by its counts).

        What a rate excluded is kept as a count (``excluded``), not record by record.

        Raises:
            ValidationError: the indicator is not an id of 1 to 64 characters.

        Examples:
            >>> from socialwork.metrics import rate
            >>> from socialwork.models import Period
            >>> r = Measurement("x", Period.month(2025, 6), rate(46, 50)).to_record()
            >>> r.numerator, r.denominator, r.value
            (46, 50, None)
        """
        if isinstance(self.value, Rate):
            return MeasurementRecord(
                indicator=self.indicator,
                period=self.period,
                numerator=self.value.numerator,
                denominator=self.value.denominator,
                excluded=self.value.excluded.total,
            )
        return MeasurementRecord(indicator=self.indicator, period=self.period, value=self.value)


def _number(measured: Measurement) -> str:
    if isinstance(measured.value, Rate):
        return measured.value.format(1)
    if measured.value is None:
        return "n/a"
    return f"{measured.value:.1f}".removesuffix(".0")


def measurements_from_reports(reports: Iterable[MonthlyReport]) -> tuple[Measurement, ...]:
    """Return every line of monthly reports as measurements, one per line and report.

    Give the reports of the plan's months (``monthly_report`` of each month);
    `review_plan` then takes, for each goal, the latest month that has a
    figure. A rate stays a rate (its counts give the interval); a number is
    taken in display units (``definition.scaled``). A line without a figure
    (an undefined rate, no data) becomes a measurement of ``None``: it says
    that month had no figure and never hides an earlier month's figure.
    Monthly figures are not added up: a goal counted over the whole plan
    (15 new volunteers in the year) needs the cumulative figure, as the
    user's own `Measurement` over the months so far.

    Raises:
        TypeError: an item is not a `socialwork.metrics.report.MonthlyReport`.

    Examples:
        >>> from socialwork.metrics import monthly_report
        >>> from socialwork.samples import station_month, station_previous_month
        >>> may, june = station_previous_month(), station_month()
        >>> found = measurements_from_reports(
        ...     [monthly_report(may, may.period), monthly_report(june, june.period)])
        >>> [m.period.start.month for m in found if m.indicator == "key_group_coverage"]
        [5, 6]
    """
    found = []
    for report in require_instances(MonthlyReport, reports, "reports"):
        for line in report.lines:
            value = line.value
            if not isinstance(value, Rate):
                value = line.definition.scaled(value)
            found.append(Measurement(line.definition.code, report.period, value))
    return tuple(found)


class MeasurementRecord(Record):
    """A measurement as a record: a number in display units, or a rate's counts.

    Give ``value`` for a number, or ``numerator`` and ``denominator`` for a
    rate (``excluded`` counts what the rate left out); neither says the
    period had no figure (rule ``measurement_value_conflict``; a numerator
    above its denominator breaks ``part_above_total``).

    Examples:
        >>> from socialwork.models import Period
        >>> june = Period.month(2025, 6)
        >>> MeasurementRecord(indicator="new_volunteers", period=june, value=8).value
        8.0
    """

    indicator: Id
    period: Period
    value: Figure | None = None
    numerator: Count | None = None
    denominator: Count | None = None
    excluded: Count = 0

    @property
    def measurement(self) -> Measurement:
        """The `Measurement` a review takes: a rate from the counts, else the number.

        The rate has no exclusions (the record keeps only their count).

        Examples:
            >>> from socialwork.models import Period
            >>> record = MeasurementRecord(indicator="x", period=Period.month(2025, 6),
            ...                            numerator=46, denominator=50)
            >>> record.measurement
            Measurement('x', 2025-06, 92.0% (46/50))
        """
        if self.numerator is not None and self.denominator is not None:
            return Measurement(self.indicator, self.period, Rate(self.numerator, self.denominator))
        return Measurement(self.indicator, self.period, self.value)

    @model_validator(mode="after")
    def _one_kind_of_value(self) -> Self:
        counts = (self.numerator is None, self.denominator is None)
        if counts[0] != counts[1] or (self.value is not None and not counts[0]):
            loc = ("value",) if self.value is not None and not any(counts) else ("numerator",)
            break_rule(
                "MeasurementRecord",
                loc,
                "measurement_value_conflict",
                "a measurement is a number (value) or a rate (numerator and denominator), "
                "not both and not one count alone",
                self.value,
            )
        if self.numerator is not None and self.denominator is not None:
            check_part(
                "MeasurementRecord",
                ("numerator",),
                "numerator",
                self.numerator,
                "denominator",
                self.denominator,
            )
        return self
