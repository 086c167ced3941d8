"""Helpers shared by the tests of this room."""

from __future__ import annotations

from datetime import date

from socialwork.calendars import (
    Duty,
)
from socialwork.plans import Phase, WorkPlan


def _plan(*duties: Duty, start: date = date(2025, 1, 1)) -> WorkPlan:
    return WorkPlan(
        id="p",
        title="计划",
        overall_goal="目标",
        start=start,
        phases=(Phase(id="year", name="全年", first_month=1, last_month=12),),
        duties=duties,
    )
