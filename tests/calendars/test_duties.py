"""Tests of socialwork.calendars.duties."""

from __future__ import annotations

import calendar
from collections import Counter
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
    lunar_date,
)
from socialwork.errors import (
    ArgumentError,
    UnknownCodeError,
)
from socialwork.models import Period
from socialwork.plans import Phase, WorkPlan, plan_template, schedule
from socialwork.plans.scheduling import Occurrence
from socialwork.plans.templates import PARTY_DUTIES
from tests.calendars.support import _plan
from tests.strategies import recurrences
from tests.support import AWARE, PROPERTY


def _dates(rule: Recurrence, first: date, last: date) -> list[date]:
    found = rule.rule(dtstart=first, until=last).between(
        datetime(first.year, first.month, first.day),
        datetime(last.year, last.month, last.day),
        inc=True,
    )
    return [moment.date() for moment in found]


YEAR_2025 = (date(2025, 1, 1), date(2025, 12, 31))


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


def test_a_lunar_rule_falls_in_the_regular_month_never_in_the_leap_one() -> None:
    # 2025 has a leap 6th month (闰六月, from 25 July); the regular 6th began on 25 June.
    assert lunar_date(2025, 6, 15) == date(2025, 7, 9)
    rule = Recurrence(
        frequency=Frequency.YEARLY, calendar=CalendarSystem.LUNAR, months=(6,), month_day=15
    )
    assert _dates(rule, date(2025, 1, 1), date(2025, 12, 31)) == [date(2025, 7, 9)]


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


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(recurrences().filter(lambda r: r.calendar is CalendarSystem.GREGORIAN), spans)
def test_a_gregorian_rule_gives_exactly_the_days_a_day_by_day_scan_finds(
    rule: Recurrence, span: tuple[date, date]
) -> None:
    first, last = span
    found = _dates(rule, first, last)
    assert found == [on for on in _scan(first, last) if _matches(rule, first, on)]


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


YEAR_2025_PLANNING = Period(start=date(2025, 1, 1), end=date(2025, 12, 31))


YEAR_2024 = Period(start=date(2024, 1, 1), end=date(2024, 12, 31))


def occurrences(rule: Recurrence, year: Period) -> list[date]:
    plan = WorkPlan(
        id="p",
        title="计划",
        overall_goal="目标",
        start=year.start,
        phases=(Phase(id="year", name="全年", first_month=1, last_month=12),),
        duties=(Duty(id="d", name="月末工作", recurrence=rule),),
    )
    assert plan.period == year
    return [o.on for o in schedule(plan, year)]


def monthly(day: int, short: ShortMonth | None, months: tuple[int, ...] = ()) -> Recurrence:
    return Recurrence(frequency=Frequency.MONTHLY, month_day=day, short_month=short, months=months)


@pytest.mark.parametrize("day", [29, 30, 31])
def test_a_day_after_the_28th_needs_a_short_month_choice(day: int) -> None:
    with pytest.raises(ValidationError) as info:
        Recurrence(frequency=Frequency.MONTHLY, month_day=day)
    error = info.value.errors()[0]
    assert (error["type"], error["loc"]) == ("short_month_missing", ("short_month",))
    assert str(day) in error["msg"]
    assert Recurrence(frequency=Frequency.MONTHLY, month_day=28).short_month is None


def test_the_31st_clipped_falls_in_every_month_of_2025() -> None:
    assert occurrences(monthly(31, ShortMonth.CLIP), YEAR_2025_PLANNING) == [
        date(2025, 1, 31),
        date(2025, 2, 28),
        date(2025, 3, 31),
        date(2025, 4, 30),
        date(2025, 5, 31),
        date(2025, 6, 30),
        date(2025, 7, 31),
        date(2025, 8, 31),
        date(2025, 9, 30),
        date(2025, 10, 31),
        date(2025, 11, 30),
        date(2025, 12, 31),
    ]


def test_the_31st_skipped_falls_in_the_seven_long_months() -> None:
    # January, March, May, July, August, October and December have a 31st
    assert occurrences(monthly(31, ShortMonth.SKIP), YEAR_2025_PLANNING) == [
        date(2025, m, 31) for m in (1, 3, 5, 7, 8, 10, 12)
    ]


def test_the_30th_and_29th_in_a_common_and_a_leap_year() -> None:
    # every month but February has a 30th; February 2025 has 28 days, 2024 has 29
    assert len(occurrences(monthly(30, ShortMonth.SKIP), YEAR_2025_PLANNING)) == 11
    clipped = occurrences(monthly(30, ShortMonth.CLIP), YEAR_2025_PLANNING)
    assert len(clipped) == 12
    assert clipped[1] == date(2025, 2, 28)
    assert len(occurrences(monthly(29, ShortMonth.SKIP), YEAR_2025_PLANNING)) == 11
    assert len(occurrences(monthly(29, ShortMonth.SKIP), YEAR_2024)) == 12
    assert occurrences(monthly(29, ShortMonth.CLIP), YEAR_2025_PLANNING)[1] == date(2025, 2, 28)
    assert occurrences(monthly(30, ShortMonth.CLIP, (2,)), YEAR_2024) == [date(2024, 2, 29)]


def test_a_day_that_no_listed_month_has_is_refused_when_skipping() -> None:
    for day, months in ((31, (4, 6, 9, 11)), (30, (2,))):
        with pytest.raises(ValidationError) as info:
            monthly(day, ShortMonth.SKIP, months)
        assert info.value.errors()[0]["type"] == "month_day_never_occurs"
        assert occurrences(monthly(day, ShortMonth.CLIP, months), YEAR_2025_PLANNING)
    # the 29th of February happens in leap years only, so it is allowed
    leap_day = monthly(29, ShortMonth.SKIP, (2,))
    assert occurrences(leap_day, YEAR_2024) == [date(2024, 2, 29)]
    assert occurrences(leap_day, YEAR_2025_PLANNING) == []


def test_a_month_day_belongs_to_a_monthly_rule_without_weekdays() -> None:
    for rule in (
        {"frequency": "weekly", "month_day": 15},
        {"frequency": "monthly", "month_day": 15, "weekdays": ("friday",)},
    ):
        with pytest.raises(ValidationError) as info:
            Recurrence.model_validate(rule)
        assert info.value.errors()[0]["type"] == "month_day_conflict"


def test_a_monthly_rule_limited_to_months_takes_no_interval() -> None:
    # every second month from February would never meet January, May, July or September
    with pytest.raises(ValidationError) as info:
        Recurrence(frequency=Frequency.MONTHLY, interval=2, month_day=15, months=(1, 5, 7, 9))
    error = info.value.errors()[0]
    assert (error["type"], error["loc"]) == ("interval_with_months", ("interval",))
    # a weekly rule may: every second Wednesday of January and May
    fortnightly = Recurrence(
        frequency=Frequency.WEEKLY, interval=2, weekdays=(Weekday.WEDNESDAY,), months=(1, 5)
    )
    assert fortnightly.interval == 2


@PROPERTY
@given(
    st.integers(min_value=1, max_value=28),
    st.lists(st.integers(min_value=1, max_value=12), min_size=1, max_size=12, unique=True),
    st.integers(min_value=1, max_value=12),
)
def test_a_monthly_rule_happens_once_in_each_listed_month(
    day: int, months: list[int], start_month: int
) -> None:
    start = date(2025, start_month, 1)
    plan = WorkPlan(
        id="p",
        title="计划",
        overall_goal="目标",
        start=start,
        phases=(Phase(id="year", name="一年", first_month=1, last_month=12),),
        duties=(
            Duty(
                id="d",
                name="例会",
                recurrence=Recurrence(
                    frequency=Frequency.MONTHLY, month_day=day, months=tuple(sorted(months))
                ),
            ),
        ),
    )
    found = schedule(plan, plan.period)
    assert sorted(o.on.month for o in found) == sorted(months)
    assert all(o.on.day == day for o in found)


def test_once_a_month_from_a_late_start_clips_or_skips_as_told() -> None:
    def from_31_january(short: ShortMonth | None) -> list[date]:
        plan = WorkPlan(
            id="p",
            title="计划",
            overall_goal="目标",
            start=date(2025, 1, 31),
            phases=(Phase(id="all", name="四个月", first_month=1, last_month=4),),
            duties=(
                Duty(
                    id="m",
                    name="例会",
                    recurrence=Recurrence(frequency=Frequency.MONTHLY, short_month=short),
                ),
            ),
        )
        # four plan months: 31 Jan – 30 May
        return [o.on for o in schedule(plan, plan.period)]

    clipped = [date(2025, 1, 31), date(2025, 2, 28), date(2025, 3, 31), date(2025, 4, 30)]
    assert from_31_january(None) == clipped
    assert from_31_january(ShortMonth.CLIP) == clipped
    assert from_31_january(ShortMonth.SKIP) == [date(2025, 1, 31), date(2025, 3, 31)]


@PROPERTY
@given(
    st.integers(min_value=29, max_value=31),
    st.integers(min_value=1990, max_value=2100),
    st.sampled_from(ShortMonth),
)
def test_short_months_are_clipped_or_skipped_never_dropped_silently(
    day: int, year: int, short: ShortMonth
) -> None:
    found = occurrences(monthly(day, short), Period(start=date(year, 1, 1), end=date(year, 12, 31)))
    lengths = {m: calendar.monthrange(year, m)[1] for m in range(1, 13)}
    if short is ShortMonth.CLIP:
        assert found == [date(year, m, min(day, lengths[m])) for m in range(1, 13)]
    else:
        assert found == [date(year, m, day) for m in range(1, 13) if lengths[m] >= day]


@pytest.mark.parametrize("moment", [datetime(2025, 1, 1), AWARE])
def test_a_rule_refuses_a_datetime(moment: datetime) -> None:
    rule = Recurrence(frequency=Frequency.WEEKLY)
    with pytest.raises(ArgumentError) as info:
        rule.rule(dtstart=moment, until=date(2025, 12, 31))
    assert info.value.parameter == "dtstart"
    with pytest.raises(ArgumentError):
        rule.rule(dtstart=date(2025, 1, 1), until=moment)
