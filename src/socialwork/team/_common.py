"""What the team's modules share: the days a worker counts, and short texts in three languages."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import TypeVar

from socialwork.models import Period, Staff

__all__: list[str] = []

T = TypeVar("T")


def counted_days(
    period: Period, as_of: date, joined_on: date, left_on: date | None
) -> tuple[date, date] | None:
    """The first and last day of ``period`` up to ``as_of`` on which a worker was on staff.

    On staff from ``joined_on`` up to but not including ``left_on`` (the one
    rule of `socialwork.records.active_on`); ``None`` when no day is left.
    """
    first = max(period.start, joined_on)
    last = min(period.end, as_of)
    if left_on is not None:
        last = min(last, left_on - timedelta(days=1))
    return (first, last) if first <= last else None


def staff_by_id(staff: Iterable[Staff]) -> dict[str, Staff]:
    """Staff keyed by id (the last record wins, as a roster's lookups would)."""
    return {member.id: member for member in staff}
