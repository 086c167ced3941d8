"""Official working days in mainland China (工作日), with make-up days (调休上班).

Each year the State Council publishes which days are rest days (法定节假日
and the weekends around them) and which weekend days become working days
(调休上班). The table comes from the
[chinese-calendar](https://pypi.org/project/chinese-calendar/) package (MIT), installed with
the ``workdays`` extra (``pip install 'socialwork[workdays]'``) and updated
once a year after the announcement: upgrade it to plan next year. Version
1.11 covers 2004 to 2026; `data_years` says which years the installed one
covers, and a day outside them raises `OutOfCalendarRange` rather than a
guess.
"""

from __future__ import annotations

import importlib
from datetime import date, timedelta
from types import ModuleType

from attrs import frozen

from socialwork._arguments import require_day, require_member
from socialwork.calendars.duties import RestDayShift
from socialwork.errors import ArgumentError, OutOfCalendarRange

__all__ = [
    "WorkingDays",
    "is_working_day",
    "shift_to_working_day",
    "working_days",
]

_SOURCE = "chinese-calendar"


def _chinese_calendar() -> ModuleType:
    """Import ``chinese_calendar``, or say which extra installs it."""
    try:
        return importlib.import_module("chinese_calendar")
    except ImportError as err:
        raise ImportError(
            "working days need the 'workdays' extra (chinese-calendar): "
            "pip install 'socialwork[workdays]'"
        ) from err


def data_years() -> tuple[int, int]:
    """Return the first and last years the installed working-day table covers.

    Raises:
        ImportError: the ``workdays`` extra is not installed.

    Examples:
        >>> first, last = data_years()
        >>> first, last >= 2026
        (2004, True)
    """
    table = _chinese_calendar()
    days = [*table.holidays, *table.workdays]
    return min(days).year, max(days).year


def _checked(day: object, parameter: str) -> tuple[date, ModuleType]:
    """The day, once it is a date the table covers, and the table."""
    checked = require_day(day, parameter)
    table = _chinese_calendar()
    first, last = data_years()
    if not first <= checked.year <= last:
        raise OutOfCalendarRange(checked, first, last, _SOURCE)
    return checked, table


def is_working_day(day: date) -> bool:
    """Return whether ``day`` is an official working day (a make-up day 调休上班 is one).

    Raises:
        ArgumentError: ``day`` is a ``datetime`` or outside 1900–2199.
        OutOfCalendarRange: the working-day table does not cover ``day``'s year.
        ImportError: the ``workdays`` extra is not installed.

    Examples:
        >>> from datetime import date
        >>> is_working_day(date(2025, 10, 1)), is_working_day(date(2025, 9, 28))  # 国庆; 调休
        (False, True)
    """
    checked, table = _checked(day, "day")
    return bool(table.is_workday(checked))


def shift_to_working_day(day: date, direction: RestDayShift | str) -> date:
    """Return ``day`` if it is a working day, else the next or previous working day.

    Raises:
        ArgumentError: ``day`` is a ``datetime`` or outside 1900–2199.
        UnknownCodeError: ``direction`` is no code of `RestDayShift`.
        OutOfCalendarRange: the table does not cover a day the shift has to look at.
        ImportError: the ``workdays`` extra is not installed.

    Examples:
        >>> from datetime import date
        >>> shift_to_working_day(date(2025, 10, 1), "next_working_day").isoformat()
        '2025-10-09'
        >>> shift_to_working_day(date(2025, 10, 1), "previous_working_day").isoformat()
        '2025-09-30'
    """
    way = require_member(RestDayShift, direction, "direction")
    step = timedelta(days=1 if way is RestDayShift.NEXT else -1)
    checked, table = _checked(day, "day")
    while not table.is_workday(checked):
        checked, table = _checked(checked + step, "day")
    return checked


@frozen
class WorkingDays:
    """The official working days from ``first`` to ``last`` (both included).

    ``days`` lists them; ``make_up_days`` are the weekend days among them
    that are working days by 调休; ``rest_weekdays`` are the Mondays to
    Fridays that are official rest days, so a count can be checked by hand:
    ``count`` is the weekdays, less ``rest_weekdays``, plus ``make_up_days``.

    Examples:
        >>> from datetime import date
        >>> october = working_days(date(2025, 10, 1), date(2025, 10, 31))
        >>> october.count, [d.day for d in october.make_up_days], len(october.rest_weekdays)
        (18, [11], 6)
    """

    first: date
    last: date
    days: tuple[date, ...]
    make_up_days: tuple[date, ...]
    rest_weekdays: tuple[date, ...]

    @property
    def count(self) -> int:
        """How many working days there are."""
        return len(self.days)


def working_days(first: date, last: date) -> WorkingDays:
    """Count the official working days from ``first`` to ``last``, both included.

    Raises:
        ArgumentError: a date is a ``datetime`` or outside 1900–2199, or
            ``last`` is before ``first``.
        OutOfCalendarRange: the working-day table does not cover every year
            from ``first`` to ``last``.
        ImportError: the ``workdays`` extra is not installed.

    Examples:
        >>> from datetime import date
        >>> working_days(date(2026, 2, 9), date(2026, 2, 15)).count  # 春节 2026: Sat 14th works
        6
    """
    start, table = _checked(first, "first")
    end, _ = _checked(last, "last")
    if end < start:
        raise ArgumentError("last", end, f"a date on or after first ({start.isoformat()})")
    days: list[date] = []
    make_up: list[date] = []
    rest: list[date] = []
    on = start
    while on <= end:
        works = bool(table.is_workday(on))
        weekend = on.weekday() >= 5
        if works:
            days.append(on)
            if weekend:
                make_up.append(on)
        elif not weekend:
            rest.append(on)
        on += timedelta(days=1)
    return WorkingDays(start, end, tuple(days), tuple(make_up), tuple(rest))
