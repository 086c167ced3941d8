"""Tests of socialwork.calendars.lunar."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lunar_python import Solar  # type: ignore[import-untyped]

from socialwork.calendars import (
    Festival,
    festival_date,
    lunar_date,
)
from socialwork.errors import ArgumentError, UnknownCodeError

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


def test_lunar_dates_refuse_what_does_not_exist() -> None:
    with pytest.raises(ArgumentError, match="which has 29 days"):
        lunar_date(2025, 12, 30)
    assert lunar_date(2025, 12, -1) == date(2026, 2, 16)
    for year, month, day in ((1899, 1, 1), (2199, 1, 1), (2025, 13, 1), (2025, 1, 0)):
        with pytest.raises(ArgumentError):
            lunar_date(year, month, day)
    with pytest.raises(ArgumentError, match="not a bool"):
        lunar_date(2025, 9, True)
    with pytest.raises(TypeError, match="day"):
        lunar_date(2025, 9, 1.0)  # type: ignore[arg-type]
    with pytest.raises(UnknownCodeError):
        festival_date("chongyang", 2025)
    with pytest.raises(ArgumentError):
        festival_date(Festival.DOUBLE_NINTH, 2200)


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
