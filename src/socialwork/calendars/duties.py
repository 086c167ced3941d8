"""Recurring duties (常规工作) and their recurrence rules.

"Every Wednesday", "the 15th of months 1, 5, 7 and 9", "the first Monday of
each month", "the last day of the month", "every 1 October", "重阳节 (the 9th
day of the 9th lunar month)": a `Recurrence` record says when a duty recurs,
and `Recurrence.rule` turns it into a ``dateutil`` rule with an explicit
``dtstart`` and ``wkst=MO`` (weeks start on Monday), meant to be read with
``between``.

A day of the month after the 28th is missing from some months (after the
29th, from some lunar months). dateutil skips such months silently, so a rule
on such a day must say what happens there: ``short_month="clip"`` moves the
occurrence to the month's last day, ``short_month="skip"`` leaves the month
out. Day ``-1`` is always the month's last day.

Lunar rules are converted by `socialwork.calendars.lunar`. A rule
may also say what happens to an occurrence that falls on an official rest
day (``rest_day``): `socialwork.plans.schedule` moves it to the next or
the previous working day, with the ``workdays`` extra
(`socialwork.calendars.workdays`).
"""

from __future__ import annotations

import calendar
from datetime import date, datetime
from typing import Annotated, Literal, Self

from dateutil.rrule import (
    FR,
    MO,
    MONTHLY,
    SA,
    SU,
    TH,
    TU,
    WE,
    WEEKLY,
    YEARLY,
    rrule,
    rrulebase,
    rruleset,
    weekday,
)
from pydantic import Field, Strict, model_validator

from socialwork._arguments import require_day, require_member
from socialwork.calendars.lunar import Festival, _lunar_year_of, _month_length, _to_gregorian
from socialwork.labels import LabelledEnum
from socialwork.records import Id, Record, Text, break_rule

__all__ = [
    "CalendarSystem",
    "Duty",
    "Frequency",
    "Recurrence",
    "RestDayShift",
    "ShortMonth",
    "Weekday",
]

MAX_INTERVAL = 52
"""The longest step of a recurrence: 52 weeks, months or years."""

_SHORTEST_MONTH_DAY = 28
"""Every month has days 1–28; later days are missing from some months."""

_SHORTEST_LUNAR_MONTH_DAY = 29
"""Every lunar month has days 1–29; the 30th is missing from the short ones."""


class Frequency(LabelledEnum):
    """How often a duty recurs."""

    WEEKLY = "weekly", "每周", "Weekly", "每週"
    MONTHLY = "monthly", "每月", "Monthly", "每月"
    YEARLY = "yearly", "每年", "Yearly", "每年"


class Weekday(LabelledEnum):
    """Days of the week; weeks start on Monday (``wkst=MO``)."""

    MONDAY = "monday", "周一", "Monday", "週一"
    TUESDAY = "tuesday", "周二", "Tuesday", "週二"
    WEDNESDAY = "wednesday", "周三", "Wednesday", "週三"
    THURSDAY = "thursday", "周四", "Thursday", "週四"
    FRIDAY = "friday", "周五", "Friday", "週五"
    SATURDAY = "saturday", "周六", "Saturday", "週六"
    SUNDAY = "sunday", "周日", "Sunday", "週日"


class ShortMonth(LabelledEnum):
    """What a monthly rule does in a month that lacks its day (the 31st in April, say)."""

    CLIP = "clip", "改在当月最后一天", "Move to the month's last day", "改在當月最後一天"
    SKIP = "skip", "当月跳过", "Skip the month", "當月跳過"


class CalendarSystem(LabelledEnum):
    """The calendar a rule's months and days are counted in."""

    GREGORIAN = "gregorian", "公历", "Gregorian calendar", "公曆"
    LUNAR = "lunar", "农历", "Chinese lunar calendar", "農曆"


class RestDayShift(LabelledEnum):
    """Where an occurrence on an official rest day (法定节假日、休息日) moves to."""

    NEXT = (
        "next_working_day",
        "顺延到下一个工作日",
        "Move to the next working day",
        "順延到下一個工作日",
    )
    PREVIOUS = (
        "previous_working_day",
        "提前到上一个工作日",
        "Move to the previous working day",
        "提前到上一個工作日",
    )


_RRULE_FREQUENCIES: dict[Frequency, Literal[0, 1, 2]] = {
    Frequency.YEARLY: YEARLY,
    Frequency.MONTHLY: MONTHLY,
    Frequency.WEEKLY: WEEKLY,
}
_RRULE_DAYS: dict[Weekday, weekday] = dict(zip(Weekday, (MO, TU, WE, TH, FR, SA, SU), strict=True))


class Recurrence(Record):
    """When a duty recurs, turned into a ``dateutil`` rule by `rule`.

    ``interval`` counts weeks, months or years from the rule's start (1–52);
    ``weekdays`` are the days of a weekly rule (a weekly rule without them
    falls on the start's weekday); ``months`` are calendar months (1–12) the
    duty is limited to; ``month_day`` is a day of the month (1–31, or ``-1``
    for the month's last day) for a monthly or yearly rule. A monthly rule
    with neither ``month_day`` nor ``weekdays`` falls on the start's day of
    the month. A monthly rule limited to ``months`` takes no ``interval``
    (rule ``interval_with_months``): the months already say when it happens,
    and an interval counted from the start could miss every one of them.

    ``nth`` with one weekday picks the n-th such weekday of the month (1–4,
    or ``-1`` for the last): ``nth=1, weekdays=("monday",)`` is 每月第一个周一.
    A yearly rule names one month and a day in it (``month_day``, or a weekday
    with ``nth``). With ``calendar="lunar"`` a yearly rule's month and day are
    lunar (重阳节: month 9, day 9; `Recurrence.festival` builds the festivals).

    ``short_month`` says what happens in a month without the rule's day:
    required when ``month_day`` is 29, 30 or 31 (30 for a lunar rule; rule
    ``short_month_missing``). For a rule without ``month_day`` that starts
    after the 28th it defaults to ``clip``, so "once a month" happens every
    month. ``rest_day`` asks `socialwork.plans.schedule` to move an
    occurrence that falls on an official rest day to the next or the previous
    working day.

    Examples:
        >>> from datetime import date
        >>> wednesdays = Recurrence(frequency="weekly", weekdays=("wednesday",))
        >>> rule = wednesdays.rule(dtstart=date(2025, 1, 1), until=date(2025, 1, 31))
        >>> [d.day for d in rule.between(datetime(2025, 1, 1), datetime(2025, 1, 31), inc=True)]
        [1, 8, 15, 22, 29]
        >>> month_end = Recurrence(frequency="monthly", month_day=31, short_month="clip")
        >>> rule = month_end.rule(dtstart=date(2025, 1, 1), until=date(2025, 4, 30))
        >>> [d.day for d in rule.between(datetime(2025, 1, 1), datetime(2025, 4, 30), inc=True)]
        [31, 28, 31, 30]
        >>> first_monday = Recurrence(frequency="monthly", weekdays=("monday",), nth=1)
        >>> rule = first_monday.rule(dtstart=date(2025, 1, 1), until=date(2025, 3, 31))
        >>> [d.day for d in rule.between(datetime(2025, 1, 1), datetime(2025, 3, 31), inc=True)]
        [6, 3, 3]
        >>> rule = Recurrence.festival("double_ninth_festival").rule(
        ...     dtstart=date(2025, 1, 1), until=date(2026, 12, 31))
        >>> [d.date().isoformat() for d in rule.between(datetime(2025, 1, 1), datetime(2027, 1, 1))]
        ['2025-10-29', '2026-10-18']
    """

    frequency: Frequency
    interval: Annotated[int, Strict(), Field(ge=1, le=MAX_INTERVAL)] = 1
    weekdays: tuple[Weekday, ...] = ()
    nth: Literal[1, 2, 3, 4, -1] | None = None
    month_day: Annotated[int, Strict(), Field(ge=-1, le=31)] | None = None
    months: tuple[Annotated[int, Strict(), Field(ge=1, le=12)], ...] = ()
    short_month: ShortMonth | None = None
    calendar: CalendarSystem = CalendarSystem.GREGORIAN
    rest_day: RestDayShift | None = None

    @classmethod
    def festival(
        cls, festival: Festival | str, *, rest_day: RestDayShift | str | None = None
    ) -> Recurrence:
        """Return the yearly lunar rule of a festival of `Festival`.

        Raises:
            UnknownCodeError: ``festival`` or ``rest_day`` is an unknown code.

        Examples:
            >>> rule = Recurrence.festival("double_ninth_festival")
            >>> rule.frequency.value, rule.calendar.value, rule.months, rule.month_day
            ('yearly', 'lunar', (9,), 9)
        """
        chosen = require_member(Festival, festival, "festival")
        shift = None if rest_day is None else require_member(RestDayShift, rest_day, "rest_day")
        return cls(
            frequency=Frequency.YEARLY,
            calendar=CalendarSystem.LUNAR,
            months=(chosen.month,),
            month_day=chosen.day,
            rest_day=shift,
        )

    @model_validator(mode="after")
    def _months_without_interval(self) -> Self:
        if self.frequency is Frequency.MONTHLY and self.months and self.interval != 1:
            break_rule(
                "Recurrence",
                ("interval",),
                "interval_with_months",
                "a monthly rule limited to months {months} happens in those months; "
                "an interval of {interval} counted from its start could miss them all",
                self.interval,
                months=", ".join(map(str, self.months)),
                interval=self.interval,
            )
        return self

    @model_validator(mode="after")
    def _nth_is_clear(self) -> Self:
        if self.nth is None:
            return self
        if self.frequency is Frequency.WEEKLY or len(self.weekdays) != 1:
            break_rule(
                "Recurrence",
                ("nth",),
                "nth_weekday_conflict",
                "nth {nth} picks one weekday of a month: it needs a monthly or yearly rule "
                "with exactly one weekday; got frequency {frequency} with weekdays ({weekdays})",
                self.nth,
                nth=self.nth,
                frequency=self.frequency.value,
                weekdays=", ".join(d.value for d in self.weekdays) or "none",
            )
        return self

    @model_validator(mode="after")
    def _yearly_is_dated(self) -> Self:
        if self.frequency is not Frequency.YEARLY:
            return self
        if len(self.months) != 1 or (self.month_day is None and self.nth is None):
            break_rule(
                "Recurrence",
                ("months",),
                "yearly_needs_date",
                "a yearly rule needs one month and a day in it (month_day, or one weekday "
                "with nth); got months ({months}), month_day {day}, nth {nth}",
                self.months,
                months=", ".join(map(str, self.months)) or "none",
                day=self.month_day,
                nth=self.nth,
            )
        return self

    @model_validator(mode="after")
    def _lunar_is_yearly(self) -> Self:
        if self.calendar is CalendarSystem.LUNAR and (
            self.frequency is not Frequency.YEARLY or self.weekdays
        ):
            break_rule(
                "Recurrence",
                ("calendar",),
                "lunar_needs_yearly",
                "a lunar rule is a yearly rule on a lunar month and day, without weekdays; "
                "got frequency {frequency} with weekdays ({weekdays})",
                self.calendar.value,
                frequency=self.frequency.value,
                weekdays=", ".join(d.value for d in self.weekdays) or "none",
            )
        return self

    @model_validator(mode="after")
    def _day_is_clear(self) -> Self:
        day = self.month_day
        if day is None:
            return self
        if day == 0:
            break_rule(
                "Recurrence",
                ("month_day",),
                "month_day_zero",
                "month_day counts from 1, or is -1 for the month's last day; got 0",
                day,
            )
        if self.frequency is Frequency.WEEKLY or self.weekdays:
            break_rule(
                "Recurrence",
                ("month_day",),
                "month_day_conflict",
                "a month_day needs a monthly or yearly rule without weekdays; "
                "got frequency {frequency} with weekdays ({weekdays})",
                day,
                frequency=self.frequency.value,
                weekdays=", ".join(d.value for d in self.weekdays) or "none",
            )
        lunar = self.calendar is CalendarSystem.LUNAR
        if lunar and day > _SHORTEST_LUNAR_MONTH_DAY + 1:
            break_rule(
                "Recurrence",
                ("month_day",),
                "month_day_never_occurs",
                "month_day {day} is in no lunar month: lunar months have 29 or 30 days",
                day,
                day=day,
            )
        shortest = _SHORTEST_LUNAR_MONTH_DAY if lunar else _SHORTEST_MONTH_DAY
        if day > shortest and self.short_month is None:
            break_rule(
                "Recurrence",
                ("short_month",),
                "short_month_missing",
                "month_day {day} is missing from some months; set short_month to "
                "'clip' (the month's last day) or 'skip' (no occurrence that month)",
                None,
                day=day,
            )
        longest = max(calendar.monthrange(2000, m)[1] for m in self.months or range(1, 13))
        if not lunar and self.short_month is ShortMonth.SKIP and day > longest:
            break_rule(
                "Recurrence",
                ("month_day",),
                "month_day_never_occurs",
                "month_day {day} is in none of the months {months}, and short_month "
                "is 'skip': the duty would never happen",
                day,
                day=day,
                months=", ".join(map(str, self.months)),
            )
        return self

    def rule(self, *, dtstart: date, until: date) -> rrulebase:
        """Return the ``dateutil`` rule from ``dtstart`` to ``until`` (both included).

        Read it with ``between`` (or ``after``); the rule always ends at
        ``until``. A lunar rule is an ``rruleset`` of its dates; ``rest_day``
        is not applied here but by `socialwork.plans.schedule`.

        Raises:
            ArgumentError: ``dtstart`` or ``until`` is a ``datetime`` or outside 1900–2199.
        """
        start = require_day(dtstart, "dtstart")
        end = require_day(until, "until")
        if self.calendar is CalendarSystem.LUNAR:
            return self._lunar_rule(start, end)
        day = self.month_day
        if day is None and self.frequency is Frequency.MONTHLY and not self.weekdays:
            day = start.day
        month_days: tuple[int, ...] | None = None
        set_pos: int | None = None
        if day is not None:
            clip = self.short_month is not ShortMonth.SKIP
            month_days = (day, -1) if clip and day > _SHORTEST_MONTH_DAY else (day,)
            set_pos = 1 if len(month_days) == 2 else None
        days = tuple(
            _RRULE_DAYS[d] if self.nth is None else _RRULE_DAYS[d](self.nth) for d in self.weekdays
        )
        return rrule(
            _RRULE_FREQUENCIES[self.frequency],
            dtstart=datetime(start.year, start.month, start.day),
            until=datetime(end.year, end.month, end.day),
            interval=self.interval,
            wkst=MO,
            byweekday=days or None,
            bymonthday=month_days,
            bymonth=self.months or None,
            bysetpos=set_pos,
        )

    def _lunar_rule(self, start: date, end: date) -> rruleset:
        """The dates of a yearly lunar rule from ``start`` to ``end``, as an ``rruleset``.

        ``interval`` counts lunar years from the lunar year ``start`` falls in.
        """
        month, day = self.months[0], self.month_day
        assert day is not None  # a lunar rule is yearly, and a yearly rule has a day
        found = rruleset()
        first = _lunar_year_of(start)
        for year in range(first, _lunar_year_of(end) + 1, self.interval):
            length = _month_length(year, month)
            if day > length and self.short_month is ShortMonth.SKIP:
                continue
            on = _to_gregorian(year, month, length if day == -1 or day > length else day)
            if start <= on <= end:
                found.rdate(datetime(on.year, on.month, on.day))
        return found


class Duty(Record):
    """A recurring duty of a phase (or of the whole plan when ``phase_id`` is ``None``).

    Examples:
        >>> Duty(id="visit", name="远郊走访日", phase_id="impl",
        ...      recurrence=Recurrence(frequency=Frequency.WEEKLY,
        ...                            weekdays=(Weekday.WEDNESDAY,))).recurrence.frequency.value
        'weekly'
    """

    id: Id
    name: Text
    recurrence: Recurrence
    phase_id: Id | None = None
    owner: Text | None = None
