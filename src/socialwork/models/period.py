"""Date ranges (统计周期): the period a report, a plan or a review covers."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Self

from dateutil.relativedelta import relativedelta
from pydantic import model_validator

from socialwork._arguments import FIRST_DAY, LAST_DAY, require_count, require_day, require_int
from socialwork.errors import ArgumentError
from socialwork.records import Day, Record, check_order

__all__ = ["Period"]


def _year(number: object) -> int:
    year = require_count(number, "year", minimum=FIRST_DAY.year)
    if year > LAST_DAY.year:
        raise ArgumentError("year", number, f"a year from {FIRST_DAY.year} to {LAST_DAY.year}")
    return year


class Period(Record):
    """An inclusive range of calendar days: a month, a quarter, a year or any range.

    Month arithmetic uses python-dateutil, so month ends are right in every year.

    Examples:
        >>> from datetime import date
        >>> june = Period.month(2025, 6)
        >>> june.days, june.contains(date(2025, 6, 15)), june.contains(date(2025, 7, 1))
        (30, True, False)
        >>> str(june.previous().start), str(Period.quarter(2025, 2).end)
        ('2025-05-01', '2025-06-30')
        >>> Period(start=date(2025, 6, 1), end=date(2025, 6, 30)) == june
        True
    """

    start: Day
    end: Day

    @model_validator(mode="after")
    def _end_not_before_start(self) -> Self:
        check_order("Period", ("end",), "start", self.start, self.end)
        return self

    @classmethod
    def _months_from(cls, first: date, count: int) -> Self:
        return cls(start=first, end=first + relativedelta(months=count, days=-1))

    @classmethod
    def month(cls, year: int, number: int) -> Self:
        """Return the calendar month ``number`` (1–12) of ``year``.

        Raises:
            ArgumentError: ``number`` is not 1–12 or ``year`` is outside 1900–2199.

        Examples:
            >>> Period.month(2024, 2).days
            29
        """
        if not 1 <= require_int(number, "number") <= 12:
            raise ArgumentError("number", number, "a month number from 1 to 12")
        return cls._months_from(date(_year(year), number, 1), 1)

    @classmethod
    def quarter(cls, year: int, number: int) -> Self:
        """Return the calendar quarter ``number`` (1–4) of ``year``.

        Raises:
            ArgumentError: ``number`` is not 1–4 or ``year`` is outside 1900–2199.

        Examples:
            >>> q = Period.quarter(2025, 2)
            >>> q.start.isoformat(), q.end.isoformat()
            ('2025-04-01', '2025-06-30')
        """
        if not 1 <= require_int(number, "number") <= 4:
            raise ArgumentError("number", number, "a quarter number from 1 to 4")
        return cls._months_from(date(_year(year), 3 * number - 2, 1), 3)

    @classmethod
    def year(cls, number: int) -> Self:
        """Return the calendar year ``number``.

        Raises:
            ArgumentError: ``number`` is outside 1900–2199.

        Examples:
            >>> Period.year(2024).days
            366
        """
        return cls._months_from(date(_year(number), 1, 1), 12)

    @property
    def days(self) -> int:
        """Number of days in the period, both ends included."""
        return (self.end - self.start).days + 1

    def contains(self, day: date) -> bool:
        """Whether ``day`` falls inside the period (both ends included).

        Raises:
            ArgumentError: ``day`` is a ``datetime`` or outside 1900–2199.

        Examples:
            >>> Period.month(2025, 6).contains(date(2025, 6, 30))
            True
        """
        day = require_day(day, "day")
        return self.start <= day <= self.end

    def previous(self) -> Period:
        """Return the calendar month before the one this period starts in.

        Raises:
            ArgumentError: the month before would start before 1900-01-01.

        Examples:
            >>> p = Period.month(2025, 3).previous()
            >>> p.start.isoformat(), p.end.isoformat()
            ('2025-02-01', '2025-02-28')
        """
        first = self.start.replace(day=1)
        if first == FIRST_DAY:
            raise ArgumentError("period", self, f"a period that starts after {FIRST_DAY:%Y-%m}")
        return Period._months_from(first - relativedelta(months=1), 1)

    def months(self) -> tuple[Period, ...]:
        """Split the period into calendar months, clipping the first and the last.

        Use it to aggregate by month: the parts do not overlap and cover the
        period exactly.

        Examples:
            >>> parts = Period(start=date(2025, 5, 20), end=date(2025, 7, 10)).months()
            >>> [(str(p.start), str(p.end)) for p in parts][0], len(parts)
            (('2025-05-20', '2025-05-31'), 3)
            >>> str(parts[-1].start), str(parts[-1].end)
            ('2025-07-01', '2025-07-10')
        """
        return tuple(self._iter_months())

    def _iter_months(self) -> Iterator[Period]:
        first = self.start.replace(day=1)
        while first <= self.end:
            whole = Period._months_from(first, 1)
            yield Period(start=max(whole.start, self.start), end=min(whole.end, self.end))
            first = whole.end + relativedelta(days=1)
