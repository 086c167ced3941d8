"""Calendars (日历): recurring duties, the lunar calendar and official working days.

The package re-exports the records users build (`Duty`, `Recurrence`),
the enums their fields take and the functions users call. Results such as
`socialwork.calendars.workdays.WorkingDays` and the modules' constants stay
importable from their modules. Turning a plan's duties into dated
occurrences is `socialwork.plans.schedule`.

Examples:
    >>> from socialwork.calendars import Festival, festival_date
    >>> festival_date(Festival.DOUBLE_NINTH, 2025).isoformat()
    '2025-10-29'
"""

from socialwork.calendars.duties import (
    CalendarSystem,
    Duty,
    Frequency,
    Recurrence,
    RestDayShift,
    ShortMonth,
    Weekday,
)
from socialwork.calendars.lunar import Festival, festival_date, lunar_date
from socialwork.calendars.workdays import is_working_day, shift_to_working_day, working_days

__all__ = [
    "CalendarSystem",
    "Duty",
    "Festival",
    "Frequency",
    "Recurrence",
    "RestDayShift",
    "ShortMonth",
    "Weekday",
    "festival_date",
    "is_working_day",
    "lunar_date",
    "shift_to_working_day",
    "working_days",
]
