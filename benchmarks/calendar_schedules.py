"""Calendars: time of lunar rules, schedules with festivals and moves off rest days.

Run: uv run python benchmarks/calendar_schedules.py

Prints the time of building one lunar festival's rule over 1, 10 and 300
years (lunar-python converts each date), of the community template's schedule for a year (12
monthly and 5 party duties, 重阳节), of the same schedule with every duty
moved off rest days (chinese-calendar), and of counting the working days of
a year; and the ratio of a moved schedule to a plain one.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date
from functools import partial

from socialwork.calendars import Recurrence, working_days
from socialwork.calendars.duties import RestDayShift
from socialwork.plans import plan_template, schedule
from socialwork.records import replace


def best_of(runs: int, work: Callable[[], object]) -> float:
    """The fastest of ``runs`` runs of ``work``, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    festival = Recurrence.festival("double_ninth_festival")
    for years in (1, 10, 300):
        first, last = date(1900, 1, 1), date(1900 + years - 1, 12, 31)
        seconds = best_of(3, partial(festival.rule, dtstart=first, until=last))
        per_year = seconds / years * 1000
        print(f"重阳节 over {years:>3} years: {seconds * 1000:8.1f} ms ({per_year:.1f} ms a year)")

    plan = plan_template("community_annual").work_plan(id="c", start=date(2025, 1, 1))
    plain = best_of(5, lambda: schedule(plan, plan.period))
    moved_plan = replace(
        plan,
        duties=tuple(
            replace(d, recurrence=replace(d.recurrence, rest_day=RestDayShift.NEXT))
            for d in plan.duties
        ),
    )
    moved = best_of(5, lambda: schedule(moved_plan, moved_plan.period))
    count = len(schedule(plan, plan.period))
    print(f"community template, one year, {count} occurrences: {plain * 1000:.1f} ms")
    print(f"the same, every duty moved off rest days: {moved * 1000:.1f} ms ({moved / plain:.1f}x)")
    first, last = date(2025, 1, 1), date(2025, 12, 31)
    year = best_of(5, lambda: working_days(first, last))
    print(f"working days of 2025 ({working_days(first, last).count}): {year * 1000:.1f} ms")


if __name__ == "__main__":
    main()
