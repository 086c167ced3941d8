"""Date ranges: the period a report or a plan covers."""

from __future__ import annotations

from datetime import date
from typing import Self

from pydantic import model_validator

from socialwork.models._base import Day, Record, check_order

__all__ = ["Period"]


class Period(Record):
    """An inclusive range of calendar days.

    Examples:
        >>> from datetime import date
        >>> june = Period(start=date(2025, 6, 1), end=date(2025, 6, 30))
        >>> june.days, june.contains(date(2025, 6, 15)), june.contains(date(2025, 7, 1))
        (30, True, False)
    """

    start: Day
    end: Day

    @model_validator(mode="after")
    def _end_not_before_start(self) -> Self:
        check_order("Period", ("end",), "start", self.start, self.end)
        return self

    @property
    def days(self) -> int:
        """Number of days in the period, both ends included."""
        return (self.end - self.start).days + 1

    def contains(self, day: date) -> bool:
        """Whether ``day`` falls inside the period (both ends included)."""
        return self.start <= day <= self.end
