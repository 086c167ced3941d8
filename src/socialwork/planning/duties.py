"""Recurring duties (常规工作) and their recurrence rules.

"Every Wednesday", "the 15th of months 1, 5, 7 and 9", "at least once a
month": a `Recurrence` record says when a duty recurs, and `Recurrence.rule`
turns it into a ``dateutil`` rule with an explicit ``dtstart`` and
``wkst=MO`` (weeks start on Monday), meant to be read with ``between``.

A day of the month after the 28th is missing from some months. dateutil
skips such months silently, so a rule with ``month_day`` 29, 30 or 31 must
say what happens there: ``short_month="clip"`` moves the occurrence to the
month's last day, ``short_month="skip"`` leaves the month out.
"""

from __future__ import annotations

import calendar
from datetime import date, datetime
from typing import Annotated, Self

from dateutil.rrule import FR, MO, MONTHLY, SA, SU, TH, TU, WE, WEEKLY, rrule, weekday
from pydantic import Field, Strict, model_validator

from socialwork._arguments import require_day
from socialwork.labels import LabelledEnum
from socialwork.records import Id, Record, Text, break_rule

__all__ = ["MAX_INTERVAL", "Duty", "Frequency", "Recurrence", "ShortMonth", "Weekday"]

MAX_INTERVAL = 52
"""The longest step of a recurrence: 52 weeks or 52 months."""

_SHORTEST_MONTH_DAY = 28
"""Every month has days 1–28; later days are missing from some months."""


class Frequency(LabelledEnum):
    """How often a duty recurs."""

    WEEKLY = "weekly", "每周", "Weekly", "每週"
    MONTHLY = "monthly", "每月", "Monthly", "每月"


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


_RRULE_DAYS: dict[Weekday, weekday] = dict(zip(Weekday, (MO, TU, WE, TH, FR, SA, SU), strict=True))


class Recurrence(Record):
    """When a duty recurs, turned into a ``dateutil`` rule by `rule`.

    ``interval`` counts weeks or months from the rule's start (1–52);
    ``weekdays`` are the days of a weekly rule (a weekly rule without them
    falls on the start's weekday); ``months`` are calendar months (1–12) the
    duty is limited to; ``month_day`` is a day of the month (1–31) for a
    monthly rule. A monthly rule with neither ``month_day`` nor ``weekdays``
    falls on the start's day of the month. A monthly rule limited to
    ``months`` takes no ``interval`` (rule ``interval_with_months``): the
    months already say when it happens, and an interval counted from the
    start could miss every one of them.

    ``short_month`` says what happens in a month without the rule's day:
    required when ``month_day`` is 29, 30 or 31 (rule ``short_month_missing``).
    For a rule without ``month_day`` that starts after the 28th it defaults to
    ``clip``, so "once a month" happens every month.

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
    """

    frequency: Frequency
    interval: Annotated[int, Strict(), Field(ge=1, le=MAX_INTERVAL)] = 1
    weekdays: tuple[Weekday, ...] = ()
    month_day: Annotated[int, Strict(), Field(ge=1, le=31)] | None = None
    months: tuple[Annotated[int, Strict(), Field(ge=1, le=12)], ...] = ()
    short_month: ShortMonth | None = None

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
    def _day_is_clear(self) -> Self:
        day = self.month_day
        if day is None:
            return self
        if self.frequency is not Frequency.MONTHLY or self.weekdays:
            break_rule(
                "Recurrence",
                ("month_day",),
                "month_day_conflict",
                "a month_day needs a monthly rule without weekdays; "
                "got frequency {frequency} with weekdays ({weekdays})",
                day,
                frequency=self.frequency.value,
                weekdays=", ".join(d.value for d in self.weekdays) or "none",
            )
        if day > _SHORTEST_MONTH_DAY and self.short_month is None:
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
        if self.short_month is ShortMonth.SKIP and day > longest:
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

    def rule(self, *, dtstart: date, until: date) -> rrule:
        """Return the ``dateutil`` rule from ``dtstart`` to ``until`` (both included).

        Read it with ``between`` (or ``after``); the rule always ends at ``until``.

        Raises:
            ArgumentError: ``dtstart`` or ``until`` is a ``datetime`` or outside 1900–2199.
        """
        start = require_day(dtstart, "dtstart")
        end = require_day(until, "until")
        day = self.month_day
        if day is None and self.frequency is Frequency.MONTHLY and not self.weekdays:
            day = start.day
        month_days: tuple[int, ...] | None = None
        set_pos: int | None = None
        if day is not None:
            clip = self.short_month is not ShortMonth.SKIP
            month_days = (day, -1) if clip and day > _SHORTEST_MONTH_DAY else (day,)
            set_pos = 1 if len(month_days) == 2 else None
        return rrule(
            WEEKLY if self.frequency is Frequency.WEEKLY else MONTHLY,
            dtstart=datetime(start.year, start.month, start.day),
            until=datetime(end.year, end.month, end.day),
            interval=self.interval,
            wkst=MO,
            byweekday=tuple(_RRULE_DAYS[d] for d in self.weekdays) or None,
            bymonthday=month_days,
            bymonth=self.months or None,
            bysetpos=set_pos,
        )


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
