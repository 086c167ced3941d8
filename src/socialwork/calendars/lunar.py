"""The Chinese lunar calendar (农历) and its festivals, through ``lunar-python``.

Festivals such as 春节, 端午, 中秋 and 重阳节 (the 9th day of the 9th lunar
month, the day of services for older people) fall on a lunar month and day,
which moves from one Gregorian year to the next. The conversion is done by
the [lunar-python](https://pypi.org/project/lunar-python/) package (MIT,
pure Python, a dependency of this library); the design page says why it
was chosen.

A lunar year may hold a leap month (闰月) repeating one of its months; the
festivals and the lunar rules of `socialwork.calendars.Recurrence` fall in
the regular month, never in the leap one. A lunar month has 29 or 30 days:
day ``-1`` is its last day (除夕 is the last day of the 12th month).
"""

from __future__ import annotations

from datetime import date

from lunar_python import Lunar, LunarMonth, Solar  # type: ignore[import-untyped]

from socialwork._arguments import FIRST_DAY, LAST_DAY, require_int, require_member
from socialwork.errors import ArgumentError
from socialwork.labels import LabelledEnum

__all__ = ["Festival", "festival_date", "lunar_date"]


class Festival(LabelledEnum):
    """Festivals of the lunar calendar that community work keeps.

    Examples:
        >>> Festival.DOUBLE_NINTH.label(), (Festival.DOUBLE_NINTH.month, Festival.DOUBLE_NINTH.day)
        ('重阳节', (9, 9))
        >>> Festival.NEW_YEARS_EVE.day  # the last day of the 12th month, the 29th or the 30th
        -1
    """

    SPRING_FESTIVAL = "spring_festival", "春节", "Spring Festival", "春節"
    LANTERN_FESTIVAL = "lantern_festival", "元宵节", "Lantern Festival", "元宵節"
    DRAGON_BOAT_FESTIVAL = "dragon_boat_festival", "端午节", "Dragon Boat Festival", "端午節"
    QIXI_FESTIVAL = "qixi_festival", "七夕节", "Qixi Festival", "七夕節"
    MID_AUTUMN_FESTIVAL = "mid_autumn_festival", "中秋节", "Mid-Autumn Festival", "中秋節"
    DOUBLE_NINTH = "double_ninth_festival", "重阳节", "Double Ninth Festival", "重陽節"
    NEW_YEARS_EVE = "new_years_eve", "除夕", "Lunar New Year's Eve", "除夕"

    @property
    def month(self) -> int:
        """The festival's lunar month (1–12)."""
        return _FESTIVAL_DAYS[self][0]

    @property
    def day(self) -> int:
        """The festival's day of its lunar month; ``-1`` is the month's last day."""
        return _FESTIVAL_DAYS[self][1]


_FESTIVAL_DAYS: dict[Festival, tuple[int, int]] = {
    Festival.SPRING_FESTIVAL: (1, 1),
    Festival.LANTERN_FESTIVAL: (1, 15),
    Festival.DRAGON_BOAT_FESTIVAL: (5, 5),
    Festival.QIXI_FESTIVAL: (7, 7),
    Festival.MID_AUTUMN_FESTIVAL: (8, 15),
    Festival.DOUBLE_NINTH: (9, 9),
    Festival.NEW_YEARS_EVE: (12, -1),
}


def _lunar_year_of(day: date) -> int:
    """The lunar year that ``day`` falls in (a day before 春节 is in the previous one)."""
    solar = Solar.fromYmd(day.year, day.month, day.day)
    return int(solar.getLunar().getYear())


def _month_length(year: int, month: int) -> int:
    """The days (29 or 30) of the regular lunar ``month`` of lunar ``year``."""
    return int(LunarMonth.fromYm(year, month).getDayCount())


def _to_gregorian(year: int, month: int, day: int) -> date:
    """The Gregorian date of an existing day of a regular lunar month."""
    solar = Lunar.fromYmd(year, month, day).getSolar()
    return date(solar.getYear(), solar.getMonth(), solar.getDay())


def lunar_date(year: int, month: int, day: int) -> date:
    """Return the Gregorian date of a day of a regular month of a lunar year.

    ``day`` is 1–30, or ``-1`` for the month's last day; ``year`` is a lunar
    year from 1900 to 2198 (its 12th month may end in the next Gregorian year).

    Raises:
        ArgumentError: ``year``, ``month`` or ``day`` is out of range, or the
            month has only 29 days and ``day`` is 30.
        TypeError: an argument is not an ``int``.

    Examples:
        >>> lunar_date(2025, 9, 9)  # 重阳节 2025
        datetime.date(2025, 10, 29)
        >>> lunar_date(2025, 12, -1)  # 除夕 of the lunar year 2025 (the 12th month has 29 days)
        datetime.date(2026, 2, 16)
    """
    for name, value in (("year", year), ("month", month), ("day", day)):
        require_int(value, name)
    if not FIRST_DAY.year <= year <= LAST_DAY.year - 1:
        raise ArgumentError(
            "year", year, f"a lunar year from {FIRST_DAY.year} to {LAST_DAY.year - 1}"
        )
    if not 1 <= month <= 12:
        raise ArgumentError("month", month, "a lunar month from 1 to 12")
    if not (1 <= day <= 30 or day == -1):
        raise ArgumentError("day", day, "a day from 1 to 30, or -1 for the month's last day")
    length = _month_length(year, month)
    if day > length:
        raise ArgumentError(
            "day", day, f"a day of month {month} of lunar year {year}, which has {length} days"
        )
    return _to_gregorian(year, month, length if day == -1 else day)


def festival_date(festival: Festival | str, year: int) -> date:
    """Return the date of a lunar festival in a Gregorian year.

    Each festival of `Festival` falls once in every Gregorian year (除夕 of the
    Gregorian year 2026 closes the lunar year 2025).

    Raises:
        UnknownCodeError: ``festival`` is no code of `Festival`.
        ArgumentError: ``year`` is outside 1900–2199.
        TypeError: ``year`` is not an ``int``.

    Examples:
        >>> festival_date("double_ninth_festival", 2025).isoformat()
        '2025-10-29'
        >>> festival_date(Festival.NEW_YEARS_EVE, 2026).isoformat()
        '2026-02-16'
    """
    chosen = require_member(Festival, festival, "festival")
    require_int(year, "year")
    if not FIRST_DAY.year <= year <= LAST_DAY.year:
        raise ArgumentError("year", year, f"a year from {FIRST_DAY.year} to {LAST_DAY.year}")
    for lunar_year in (year - 1, year):
        length = _month_length(lunar_year, chosen.month)
        found = _to_gregorian(lunar_year, chosen.month, length if chosen.day == -1 else chosen.day)
        if found.year == year:
            return found
    raise AssertionError(f"{chosen.value} does not fall in {year}")  # pragma: no cover
