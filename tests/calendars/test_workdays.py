"""Tests of socialwork.calendars.workdays."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date, datetime

import pytest
from hypothesis import given, settings

from socialwork.calendars import (
    Duty,
    Recurrence,
    RestDayShift,
    is_working_day,
    shift_to_working_day,
    working_days,
)
from socialwork.calendars.workdays import data_years
from socialwork.errors import ArgumentError, OutOfCalendarRange
from socialwork.models import Period
from socialwork.plans import schedule
from tests.calendars.support import _plan
from tests.strategies import recurrences


def test_the_table_covers_2004_to_at_least_2026() -> None:
    first, last = data_years()
    assert first == 2004
    assert last >= 2026


def test_working_days_of_2025_counted_by_hand() -> None:
    # 261 weekdays; 18 of them official rest days (元旦 1, 春节 6, 清明 1, 劳动节 3, 端午 1,
    # 国庆中秋 6); 5 weekend make-up days (26 Jan, 8 Feb, 27 Apr, 28 Sep, 11 Oct).
    year = working_days(date(2025, 1, 1), date(2025, 12, 31))
    assert len(year.rest_weekdays) == 18
    assert year.make_up_days == (
        date(2025, 1, 26),
        date(2025, 2, 8),
        date(2025, 4, 27),
        date(2025, 9, 28),
        date(2025, 10, 11),
    )
    assert year.count == 261 - 18 + 5 == 248
    assert working_days(date(2025, 10, 4), date(2025, 10, 4)).count == 0
    assert working_days(date(2025, 10, 11), date(2025, 10, 11)).days == (date(2025, 10, 11),)


def test_the_spring_festival_of_2026() -> None:
    # rest from Sunday 15 to Monday 23 February; Saturdays 14 and 28 February are working days
    assert [is_working_day(date(2026, 2, d)) for d in (13, 14, 15, 23, 24, 28)] == [
        True,
        True,
        False,
        False,
        True,
        True,
    ]
    assert shift_to_working_day(date(2026, 2, 15), RestDayShift.NEXT) == date(2026, 2, 24)
    assert shift_to_working_day(date(2026, 2, 15), "previous_working_day") == date(2026, 2, 14)
    assert shift_to_working_day(date(2026, 2, 24), "previous_working_day") == date(2026, 2, 24)


def test_days_outside_the_table_raise_a_clear_error() -> None:
    first, last = data_years()
    for day in (date(first - 1, 12, 31), date(last + 1, 1, 1)):
        with pytest.raises(OutOfCalendarRange) as info:
            is_working_day(day)
        assert (info.value.code, info.value.first_year, info.value.last_year) == (
            "out_of_calendar_range",
            first,
            last,
        )
        assert "chinese-calendar" in str(info.value)
    with pytest.raises(OutOfCalendarRange):  # 元旦 2004: the day before is not in the table
        shift_to_working_day(date(2004, 1, 1), "previous_working_day")
    assert shift_to_working_day(date(2004, 1, 1), "next_working_day") == date(2004, 1, 2)
    with pytest.raises(OutOfCalendarRange):
        working_days(date(2025, 1, 1), date(last + 1, 1, 1))
    with pytest.raises(ArgumentError):
        working_days(date(2025, 2, 1), date(2025, 1, 1))
    with pytest.raises(ArgumentError):
        is_working_day(datetime(2025, 1, 1))


@settings(max_examples=25, deadline=None)
@given(recurrences(moved=True).filter(lambda r: r.rest_day is not None))
def test_moved_schedules_of_the_months_add_up_to_the_year_and_land_on_working_days(
    rule: Recurrence,
) -> None:
    plan = _plan(Duty(id="d", name="工作", recurrence=rule))
    whole = Period(start=date(2024, 12, 1), end=date(2026, 1, 31))
    year = schedule(plan, whole)
    by_month = tuple(o for month in whole.months() for o in schedule(plan, month))
    assert year == by_month
    assert all(is_working_day(o.on) for o in year)
    assert all(o.moved_from is None or not is_working_day(o.moved_from) for o in year)
    unmoved = [o.moved_from or o.on for o in year]
    assert all(plan.period.contains(d) for d in unmoved)


@pytest.mark.parametrize(
    ("module", "call", "extra"),
    [
        ("chinese_calendar", lambda: is_working_day(date(2025, 10, 1)), "'workdays' extra"),
    ],
)
def test_a_missing_extra_is_named(
    monkeypatch: pytest.MonkeyPatch, module: str, call: Callable[[], object], extra: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # importing it now raises ImportError
    with pytest.raises(ImportError, match=extra):
        call()
