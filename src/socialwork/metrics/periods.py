"""Reporting periods (统计周期): months, quarters, years and custom ranges.

Every function returns a `socialwork.models.Period` (both ends
included); a custom range is simply ``Period(start=..., end=...)``. Month
arithmetic uses python-dateutil, so month ends are right in every year.

Examples:
    >>> p = month(2024, 2)
    >>> p.start.isoformat(), p.end.isoformat()
    ('2024-02-01', '2024-02-29')
"""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta
from dateutil.rrule import MONTHLY, rrule

from socialwork.errors import MetricInputError
from socialwork.models import Period

__all__ = ["month", "months_in", "previous_month", "quarter", "year"]


def _months_from(start: date, count: int) -> Period:
    return Period(start=start, end=start + relativedelta(months=count, days=-1))


def month(year: int, number: int) -> Period:
    """Return the calendar month ``number`` (1–12) of ``year``.

    Raises:
        MetricInputError: ``number`` is not 1–12.

    Examples:
        >>> month(2025, 6).days
        30
    """
    if not 1 <= number <= 12:
        raise MetricInputError("month", number, "1 to 12")
    return _months_from(date(year, number, 1), 1)


def quarter(year: int, number: int) -> Period:
    """Return the calendar quarter ``number`` (1–4) of ``year``.

    Raises:
        MetricInputError: ``number`` is not 1–4.

    Examples:
        >>> q = quarter(2025, 2)
        >>> q.start.isoformat(), q.end.isoformat()
        ('2025-04-01', '2025-06-30')
    """
    if not 1 <= number <= 4:
        raise MetricInputError("quarter", number, "1 to 4")
    return _months_from(date(year, 3 * number - 2, 1), 3)


def year(number: int) -> Period:
    """Return the calendar year ``number``.

    Examples:
        >>> year(2025).days
        365
    """
    return _months_from(date(number, 1, 1), 12)


def previous_month(period: Period) -> Period:
    """Return the calendar month before the one ``period`` starts in.

    Examples:
        >>> p = previous_month(month(2025, 3))
        >>> p.start.isoformat(), p.end.isoformat()
        ('2025-02-01', '2025-02-28')
    """
    return _months_from(period.start.replace(day=1) - relativedelta(months=1), 1)


def months_in(period: Period) -> tuple[Period, ...]:
    """Split ``period`` into calendar months, clipping the first and the last.

    Use it to aggregate by month: the parts do not overlap and cover the
    period exactly.

    Examples:
        >>> from datetime import date
        >>> parts = months_in(Period(start=date(2025, 5, 20), end=date(2025, 7, 10)))
        >>> [(str(p.start), str(p.end)) for p in parts][0], len(parts)
        (('2025-05-20', '2025-05-31'), 3)
        >>> str(parts[-1].start), str(parts[-1].end)
        ('2025-07-01', '2025-07-10')
    """
    firsts = rrule(MONTHLY, dtstart=period.start.replace(day=1), until=period.end)
    parts = []
    for first in firsts:
        whole = _months_from(first.date(), 1)
        parts.append(Period(start=max(whole.start, period.start), end=min(whole.end, period.end)))
    return tuple(parts)
