"""Calendars of plans: n-th weekdays, month ends, yearly and lunar dates, festivals, working days.

The festival tables below were entered by hand from published calendars
(the Spring Festival and Mid-Autumn dates of every year 2000–2050), never
from the lunar package's own output; the working-day figures of 2025 and
2026 were counted by hand from the State Council's announcements.
"""

from __future__ import annotations

import calendar
import sys
from collections import Counter
from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lunar_python import Solar  # type: ignore[import-untyped]
from pydantic import ValidationError

from socialwork.calendars import (
    CalendarSystem,
    Duty,
    Festival,
    Frequency,
    Recurrence,
    RestDayShift,
    ShortMonth,
    Weekday,
    festival_date,
    is_working_day,
    lunar_date,
    shift_to_working_day,
    working_days,
)
from socialwork.calendars.workdays import data_years
from socialwork.errors import ArgumentError, OutOfCalendarRange, UnknownCodeError
from socialwork.models import Period
from socialwork.plans import Phase, WorkPlan, plan_template, schedule
from socialwork.plans.scheduling import Occurrence
from socialwork.plans.templates import PARTY_DUTIES
from tests.strategies import recurrences

# --- published festival dates ----------------------------------------------------------------

SPRING_FESTIVAL = {
    2000: (2, 5), 2001: (1, 24), 2002: (2, 12), 2003: (2, 1), 2004: (1, 22),
    2005: (2, 9), 2006: (1, 29), 2007: (2, 18), 2008: (2, 7), 2009: (1, 26),
    2010: (2, 14), 2011: (2, 3), 2012: (1, 23), 2013: (2, 10), 2014: (1, 31),
    2015: (2, 19), 2016: (2, 8), 2017: (1, 28), 2018: (2, 16), 2019: (2, 5),
    2020: (1, 25), 2021: (2, 12), 2022: (2, 1), 2023: (1, 22), 2024: (2, 10),
    2025: (1, 29), 2026: (2, 17), 2027: (2, 6), 2028: (1, 26), 2029: (2, 13),
    2030: (2, 3), 2031: (1, 23), 2032: (2, 11), 2033: (1, 31), 2034: (2, 19),
    2035: (2, 8), 2036: (1, 28), 2037: (2, 15), 2038: (2, 4), 2039: (1, 24),
    2040: (2, 12), 2041: (2, 1), 2042: (1, 22), 2043: (2, 10), 2044: (1, 30),
    2045: (2, 17), 2046: (2, 6), 2047: (1, 26), 2048: (2, 14), 2049: (2, 2),
    2050: (1, 23),
}  # fmt: skip
"""春节 (lunar 1/1), month and day, 2000–2050."""

MID_AUTUMN = {
    2000: (9, 12), 2001: (10, 1), 2002: (9, 21), 2003: (9, 11), 2004: (9, 28),
    2005: (9, 18), 2006: (10, 6), 2007: (9, 25), 2008: (9, 14), 2009: (10, 3),
    2010: (9, 22), 2011: (9, 12), 2012: (9, 30), 2013: (9, 19), 2014: (9, 8),
    2015: (9, 27), 2016: (9, 15), 2017: (10, 4), 2018: (9, 24), 2019: (9, 13),
    2020: (10, 1), 2021: (9, 21), 2022: (9, 10), 2023: (9, 29), 2024: (9, 17),
    2025: (10, 6), 2026: (9, 25), 2027: (9, 15), 2028: (10, 3), 2029: (9, 22),
    2030: (9, 12), 2031: (10, 1), 2032: (9, 19), 2033: (9, 8), 2034: (9, 27),
    2035: (9, 16), 2036: (10, 4), 2037: (9, 24), 2038: (9, 13), 2039: (10, 2),
    2040: (9, 20), 2041: (9, 10), 2042: (9, 28), 2043: (9, 17), 2044: (10, 5),
    2045: (9, 25), 2046: (9, 15), 2047: (10, 4), 2048: (9, 22), 2049: (9, 11),
    2050: (9, 30),
}  # fmt: skip
"""中秋节 (lunar 8/15), month and day, 2000–2050."""


@pytest.mark.parametrize(("festival", "table"), [
    (Festival.SPRING_FESTIVAL, SPRING_FESTIVAL),
    (Festival.MID_AUTUMN_FESTIVAL, MID_AUTUMN),
])  # fmt: skip
def test_festivals_match_the_published_dates_of_2000_to_2050(
    festival: Festival, table: dict[int, tuple[int, int]]
) -> None:
    assert set(table) == set(range(2000, 2051))
    wrong = {
        year: festival_date(festival, year)
        for year, (month, day) in table.items()
        if festival_date(festival, year) != date(year, month, day)
    }
    assert wrong == {}


@pytest.mark.parametrize(
    ("festival", "year", "expected"),
    [
        (Festival.DOUBLE_NINTH, 2023, date(2023, 10, 23)),
        (Festival.DOUBLE_NINTH, 2024, date(2024, 10, 11)),
        (Festival.DOUBLE_NINTH, 2025, date(2025, 10, 29)),
        (Festival.DOUBLE_NINTH, 2026, date(2026, 10, 18)),
        (Festival.LANTERN_FESTIVAL, 2024, date(2024, 2, 24)),
        (Festival.LANTERN_FESTIVAL, 2025, date(2025, 2, 12)),
        (Festival.DRAGON_BOAT_FESTIVAL, 2023, date(2023, 6, 22)),
        (Festival.DRAGON_BOAT_FESTIVAL, 2024, date(2024, 6, 10)),
        (Festival.DRAGON_BOAT_FESTIVAL, 2025, date(2025, 5, 31)),
        (Festival.QIXI_FESTIVAL, 2024, date(2024, 8, 10)),
        (Festival.QIXI_FESTIVAL, 2025, date(2025, 8, 29)),
        # 除夕 is the last day of the 12th month: the 30th in 2023 and 2024, the 29th in 2025, 2026
        (Festival.NEW_YEARS_EVE, 2023, date(2023, 1, 21)),
        (Festival.NEW_YEARS_EVE, 2024, date(2024, 2, 9)),
        (Festival.NEW_YEARS_EVE, 2025, date(2025, 1, 28)),
        (Festival.NEW_YEARS_EVE, 2026, date(2026, 2, 16)),
    ],
)
def test_festival_dates_checked_by_hand(festival: Festival, year: int, expected: date) -> None:
    assert festival_date(festival, year) == expected
    assert festival_date(festival.value, year) == expected


def test_every_festival_falls_once_in_every_supported_year() -> None:
    for year in (1900, 1901, 2033, 2100, 2198, 2199):
        for festival in Festival:
            assert festival_date(festival, year).year == year


def test_a_lunar_rule_falls_in_the_regular_month_never_in_the_leap_one() -> None:
    # 2025 has a leap 6th month (闰六月, from 25 July); the regular 6th began on 25 June.
    assert lunar_date(2025, 6, 15) == date(2025, 7, 9)
    rule = Recurrence(
        frequency=Frequency.YEARLY, calendar=CalendarSystem.LUNAR, months=(6,), month_day=15
    )
    assert _dates(rule, date(2025, 1, 1), date(2025, 12, 31)) == [date(2025, 7, 9)]


def test_lunar_dates_refuse_what_does_not_exist() -> None:
    with pytest.raises(ArgumentError, match="which has 29 days"):
        lunar_date(2025, 12, 30)
    assert lunar_date(2025, 12, -1) == date(2026, 2, 16)
    for year, month, day in ((1899, 1, 1), (2199, 1, 1), (2025, 13, 1), (2025, 1, 0)):
        with pytest.raises(ArgumentError):
            lunar_date(year, month, day)
    with pytest.raises(TypeError):
        lunar_date(2025, 9, True)
    with pytest.raises(UnknownCodeError):
        festival_date("chongyang", 2025)
    with pytest.raises(ArgumentError):
        festival_date(Festival.DOUBLE_NINTH, 2200)


# --- recurrences by hand ---------------------------------------------------------------------


def _dates(rule: Recurrence, first: date, last: date) -> list[date]:
    found = rule.rule(dtstart=first, until=last).between(
        datetime(first.year, first.month, first.day),
        datetime(last.year, last.month, last.day),
        inc=True,
    )
    return [moment.date() for moment in found]


YEAR_2025 = (date(2025, 1, 1), date(2025, 12, 31))


def test_the_first_monday_of_each_month() -> None:
    rule = Recurrence(frequency=Frequency.MONTHLY, weekdays=(Weekday.MONDAY,), nth=1)
    days = [d.day for d in _dates(rule, *YEAR_2025)]
    assert days == [6, 3, 3, 7, 5, 2, 7, 4, 1, 6, 3, 1]


def test_the_last_friday_and_a_yearly_second_sunday() -> None:
    last_friday = Recurrence(
        frequency=Frequency.MONTHLY, weekdays=(Weekday.FRIDAY,), nth=-1, months=(1, 12)
    )
    assert _dates(last_friday, *YEAR_2025) == [date(2025, 1, 31), date(2025, 12, 26)]
    mothers_day = Recurrence(
        frequency=Frequency.YEARLY, months=(5,), weekdays=(Weekday.SUNDAY,), nth=2
    )
    assert _dates(mothers_day, date(2025, 1, 1), date(2026, 12, 31)) == [
        date(2025, 5, 11),
        date(2026, 5, 10),
    ]


def test_the_last_day_of_each_month_needs_no_short_month_choice() -> None:
    rule = Recurrence(frequency=Frequency.MONTHLY, month_day=-1)
    assert [d.day for d in _dates(rule, date(2024, 1, 1), date(2024, 4, 30))] == [31, 29, 31, 30]
    assert [d.day for d in _dates(rule, date(2025, 1, 1), date(2025, 4, 30))] == [31, 28, 31, 30]


def test_yearly_dates_and_29_february() -> None:
    national_day = Recurrence(frequency=Frequency.YEARLY, months=(10,), month_day=1)
    assert _dates(national_day, date(2024, 1, 1), date(2026, 12, 31)) == [
        date(2024, 10, 1),
        date(2025, 10, 1),
        date(2026, 10, 1),
    ]
    leap = {"frequency": "yearly", "months": (2,), "month_day": 29}
    clipped = Recurrence.model_validate({**leap, "short_month": "clip"})
    skipped = Recurrence.model_validate({**leap, "short_month": "skip"})
    span = (date(2023, 1, 1), date(2025, 12, 31))
    assert _dates(clipped, *span) == [date(2023, 2, 28), date(2024, 2, 29), date(2025, 2, 28)]
    assert _dates(skipped, *span) == [date(2024, 2, 29)]
    every_other = Recurrence(frequency=Frequency.YEARLY, interval=2, months=(10,), month_day=1)
    assert _dates(every_other, date(2024, 3, 1), date(2028, 12, 31)) == [
        date(2024, 10, 1),
        date(2026, 10, 1),
        date(2028, 10, 1),
    ]


def test_a_lunar_30th_is_clipped_or_skipped_in_29_day_months() -> None:
    # the 12th lunar month has 30 days in the lunar years 2022 and 2023, 29 in 2024 and 2025
    eve = {"frequency": "yearly", "calendar": "lunar", "months": (12,), "month_day": 30}
    span = (date(2023, 1, 1), date(2026, 12, 31))
    clipped = Recurrence.model_validate({**eve, "short_month": "clip"})
    skipped = Recurrence.model_validate({**eve, "short_month": "skip"})
    assert _dates(clipped, *span) == [
        date(2023, 1, 21),
        date(2024, 2, 9),
        date(2025, 1, 28),
        date(2026, 2, 16),
    ]
    assert _dates(skipped, *span) == [date(2023, 1, 21), date(2024, 2, 9)]
    assert _dates(Recurrence.festival("new_years_eve"), *span) == _dates(clipped, *span)


def test_a_festival_rule_with_an_interval_counts_lunar_years_from_the_start() -> None:
    every_other = Recurrence(
        frequency=Frequency.YEARLY,
        calendar=CalendarSystem.LUNAR,
        interval=2,
        months=(9,),
        month_day=9,
    )
    # the start (1 March 2025) is in the lunar year 2025: 2025 and 2027 count, 2026 does not
    assert [d.year for d in _dates(every_other, date(2025, 3, 1), date(2028, 12, 31))] == [
        2025,
        2027,
    ]


@pytest.mark.parametrize(
    ("fields", "code", "loc"),
    [
        ({"frequency": "weekly", "weekdays": ("monday",), "nth": 1}, "nth_weekday_conflict", "nth"),
        ({"frequency": "monthly", "nth": 2}, "nth_weekday_conflict", "nth"),
        (
            {"frequency": "monthly", "weekdays": ("monday", "friday"), "nth": 1},
            "nth_weekday_conflict",
            "nth",
        ),
        ({"frequency": "yearly", "month_day": 1}, "yearly_needs_date", "months"),
        ({"frequency": "yearly", "months": (1, 7), "month_day": 1}, "yearly_needs_date", "months"),
        ({"frequency": "yearly", "months": (10,)}, "yearly_needs_date", "months"),
        (
            {"frequency": "monthly", "calendar": "lunar", "month_day": 1},
            "lunar_needs_yearly",
            "calendar",
        ),
        (
            {
                "frequency": "yearly",
                "calendar": "lunar",
                "months": (5,),
                "weekdays": ("monday",),
                "nth": 1,
            },
            "lunar_needs_yearly",
            "calendar",
        ),
        ({"frequency": "monthly", "month_day": 0}, "month_day_zero", "month_day"),
        (
            {"frequency": "yearly", "calendar": "lunar", "months": (9,), "month_day": 30},
            "short_month_missing",
            "short_month",
        ),
        (
            {
                "frequency": "yearly",
                "calendar": "lunar",
                "months": (9,),
                "month_day": 31,
                "short_month": "clip",
            },
            "month_day_never_occurs",
            "month_day",
        ),
        (
            {"frequency": "yearly", "months": (2,), "month_day": 30, "short_month": "skip"},
            "month_day_never_occurs",
            "month_day",
        ),
        ({"frequency": "monthly", "weekdays": ("friday",), "nth": 5}, "literal_error", "nth"),
    ],
)
def test_unclear_rules_are_refused_with_a_code(
    fields: dict[str, object], code: str, loc: str
) -> None:
    with pytest.raises(ValidationError) as info:
        Recurrence.model_validate(fields)
    error = info.value.errors()[0]
    assert (error["type"], error["loc"][0]) == (code, loc)


def test_a_lunar_29th_needs_no_choice_and_the_rules_round_trip() -> None:
    rule = Recurrence(
        frequency=Frequency.YEARLY, calendar=CalendarSystem.LUNAR, months=(9,), month_day=29
    )
    assert rule.short_month is None
    for each in (rule, Recurrence.festival("double_ninth_festival", rest_day=RestDayShift.NEXT)):
        assert Recurrence.model_validate_json(each.model_dump_json()) == each
    assert Recurrence.festival(Festival.DOUBLE_NINTH).calendar is CalendarSystem.LUNAR
    with pytest.raises(UnknownCodeError):
        Recurrence.festival("double_ninth_festival", rest_day="sunday")


# --- properties: every produced date satisfies the rule, none is missed -----------------------


def _month_length(day: date) -> int:
    return calendar.monthrange(day.year, day.month)[1]


def _wanted_day(day: int | None, length: int, short: ShortMonth | None) -> int | None:
    """The day of a month of ``length`` days a rule on ``day`` falls on, or None."""
    if day is None:
        return None
    if day == -1:
        return length
    if day <= length:
        return day
    return None if short is ShortMonth.SKIP else length


def _matches(rule: Recurrence, start: date, on: date) -> bool:
    """Whether ``on`` is an occurrence of a Gregorian rule started on ``start``, by hand."""
    if rule.months and on.month not in rule.months:
        return False
    if rule.frequency is Frequency.WEEKLY:
        weeks = ((on - timedelta(on.weekday())) - (start - timedelta(start.weekday()))).days // 7
        days = [list(Weekday).index(d) for d in rule.weekdays] or [start.weekday()]
        return weeks % rule.interval == 0 and on.weekday() in days
    if rule.frequency is Frequency.MONTHLY:
        steps = (on.year - start.year) * 12 + on.month - start.month
    else:
        steps = on.year - start.year
    if steps % rule.interval:
        return False
    length = _month_length(on)
    if rule.nth is not None:
        if on.weekday() != list(Weekday).index(rule.weekdays[0]):
            return False
        return on.day + 7 > length if rule.nth == -1 else (on.day - 1) // 7 == rule.nth - 1
    if rule.weekdays:
        return on.weekday() in [list(Weekday).index(d) for d in rule.weekdays]
    day = rule.month_day if rule.month_day is not None else start.day
    return on.day == _wanted_day(day, length, rule.short_month)


def _scan(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


spans = st.tuples(
    st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)),
    st.integers(min_value=0, max_value=1200),
).map(lambda s: (s[0], min(s[0] + timedelta(days=s[1]), date(2199, 12, 31))))


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(recurrences().filter(lambda r: r.calendar is CalendarSystem.GREGORIAN), spans)
def test_a_gregorian_rule_gives_exactly_the_days_a_day_by_day_scan_finds(
    rule: Recurrence, span: tuple[date, date]
) -> None:
    first, last = span
    found = _dates(rule, first, last)
    assert found == [on for on in _scan(first, last) if _matches(rule, first, on)]


def _lunar_matches(rule: Recurrence, first_year: int, on: date) -> bool:
    """Whether ``on`` is an occurrence of a lunar rule started in ``first_year``, by hand."""
    today = Solar.fromYmd(on.year, on.month, on.day).getLunar()
    # a leap month has a negative number, so it never matches
    if today.getMonth() != rule.months[0] or (today.getYear() - first_year) % rule.interval:
        return False
    last_day = Solar.fromYmd(on.year, on.month, on.day).next(1).getLunar().getDay() == 1
    wanted = rule.month_day
    assert wanted is not None
    if wanted == -1:
        return bool(last_day)
    if today.getDay() == wanted:
        return True
    return last_day and wanted > today.getDay() and rule.short_month is not ShortMonth.SKIP


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    recurrences().filter(lambda r: r.calendar is CalendarSystem.LUNAR),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2198, 1, 1)),
    st.integers(min_value=0, max_value=800),
)
def test_a_lunar_rule_gives_exactly_the_days_a_day_by_day_scan_finds(
    rule: Recurrence, first: date, length: int
) -> None:
    last = first + timedelta(days=length)
    first_year = Solar.fromYmd(first.year, first.month, first.day).getLunar().getYear()
    found = _dates(rule, first, last)
    assert found == [on for on in _scan(first, last) if _lunar_matches(rule, first_year, on)]


# --- working days ------------------------------------------------------------------------------


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


# --- schedules that move off rest days ---------------------------------------------------------


def _plan(*duties: Duty, start: date = date(2025, 1, 1)) -> WorkPlan:
    return WorkPlan(
        id="p",
        title="计划",
        overall_goal="目标",
        start=start,
        phases=(Phase(id="year", name="全年", first_month=1, last_month=12),),
        duties=duties,
    )


def test_occurrences_on_rest_days_move_to_the_next_working_day() -> None:
    first_of_month = Recurrence(
        frequency=Frequency.MONTHLY, month_day=1, rest_day=RestDayShift.NEXT
    )
    plan = _plan(Duty(id="d", name="月初例会", recurrence=first_of_month))
    moved = {o.moved_from: o.on for o in schedule(plan, plan.period) if o.moved_from}
    assert moved == {
        date(2025, 1, 1): date(2025, 1, 2),  # 元旦
        date(2025, 2, 1): date(2025, 2, 5),  # a Saturday in the 春节 break (28 Jan – 4 Feb)
        date(2025, 3, 1): date(2025, 3, 3),
        date(2025, 5, 1): date(2025, 5, 6),  # 劳动节 1–5 May
        date(2025, 6, 1): date(2025, 6, 3),  # 端午 31 May – 2 June
        date(2025, 10, 1): date(2025, 10, 9),  # 国庆中秋 1–8 October
        date(2025, 11, 1): date(2025, 11, 3),
    }


def test_two_occurrences_moved_onto_one_day_are_both_listed() -> None:
    wednesdays = Recurrence(
        frequency=Frequency.WEEKLY, weekdays=(Weekday.WEDNESDAY,), rest_day=RestDayShift.NEXT
    )
    plan = _plan(Duty(id="visit", name="走访日", recurrence=wednesdays))
    october = Period(start=date(2025, 10, 1), end=date(2025, 10, 31))
    assert [(o.on.day, o.moved_from) for o in schedule(plan, october)] == [
        (9, date(2025, 10, 1)),
        (9, date(2025, 10, 8)),
        (15, None),
        (22, None),
        (29, None),
    ]


def test_an_occurrence_moved_back_is_listed_in_the_window_it_moves_to() -> None:
    rule = Recurrence(frequency=Frequency.MONTHLY, month_day=1, rest_day=RestDayShift.PREVIOUS)
    plan = _plan(Duty(id="d", name="月初例会", recurrence=rule))
    september = Period(start=date(2025, 9, 1), end=date(2025, 9, 30))
    october = Period(start=date(2025, 10, 1), end=date(2025, 10, 31))
    assert schedule(plan, september) == (
        Occurrence("d", date(2025, 9, 1)),
        Occurrence("d", date(2025, 9, 30), date(2025, 10, 1)),
    )
    # 1 October (国庆) moved back into September; 1 November, a Saturday, into October
    assert schedule(plan, october) == (Occurrence("d", date(2025, 10, 31), date(2025, 11, 1)),)


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


# --- the templates' calendars ------------------------------------------------------------------


def test_the_community_template_keeps_the_party_calendar_and_the_double_ninth() -> None:
    plan = plan_template("community_annual").work_plan(id="c", start=date(2025, 1, 1))
    found = schedule(plan, plan.period)
    counts = Counter(o.duty_id for o in found)
    assert {d.id for d in PARTY_DUTIES} <= {d.id for d in plan.duties}
    assert (counts["branch_committee"], counts["party_group"]) == (12, 12)
    on = {duty: [o.on for o in found if o.duty_id == duty] for duty in counts}
    assert on["general_meeting"] == [date(2025, m, 15) for m in (1, 4, 7, 10)]
    assert on["party_lecture"] == [date(2025, m, 15) for m in (2, 5, 8, 11)]
    assert on["branch_review"] == [date(2025, 12, 26)]
    assert on["double_ninth"] == [date(2025, 10, 29)]
    assert on["branch_committee"][:2] == [date(2025, 1, 8), date(2025, 2, 8)]


def test_the_youth_template_keeps_the_youth_rhythm() -> None:
    plan = plan_template("youth").work_plan(id="y", start=date(2025, 1, 1))
    found = schedule(plan, plan.period)
    on = {d.id: [o.on for o in found if o.duty_id == d.id] for d in plan.duties}
    assert on["new_group"] == [date(2025, 2, 3), date(2025, 5, 5), date(2025, 8, 4)]
    assert [d.day for d in on["large_event"]] == [2, 2, 6, 4, 1, 6, 3, 7, 5]  # first Sundays
    assert [d.day for d in on["parent_workshop"]] == [16, 16, 20, 18, 15, 20, 17, 21, 19]
    assert len(on["small_activity"]) == 39  # the Saturdays of February to October
    assert all(d.weekday() == 5 for d in on["small_activity"])


def test_the_elderly_template_keeps_the_double_ninth_of_both_years() -> None:
    plan = plan_template("elderly_home_care").work_plan(id="e", start=date(2025, 1, 1))
    found = [o.on for o in schedule(plan, plan.period) if o.duty_id == "double_ninth"]
    assert found == [date(2025, 10, 29), date(2026, 10, 18)]


# --- the extras ---------------------------------------------------------------------------------


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


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(Festival), st.integers(min_value=1900, max_value=2199))
def test_a_festival_date_reads_back_as_its_lunar_month_and_day(
    festival: Festival, year: int
) -> None:
    on = festival_date(festival, year)
    lunar = Solar.fromYmd(on.year, on.month, on.day).getLunar()
    assert on.year == year
    assert lunar.getMonth() == festival.month  # the regular month, never a leap one (< 0)
    if festival.day == -1:
        assert Solar.fromYmd(on.year, on.month, on.day).next(1).getLunar().getDay() == 1
    else:
        assert lunar.getDay() == festival.day
