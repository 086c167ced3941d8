"""The schedule of a plan's recurring duties (工作日程) over a window of days.

Each duty's rule starts (``dtstart``) on the first day of its phase — or of
the plan — and ends on that phase's last day; it is read with ``between``
over the part of the phase inside the window asked for, never iterated
open-ended.

A duty whose rule has a ``rest_day`` choice is moved off official rest days
(with the ``workdays`` extra): an occurrence on a rest day moves to the next
or the previous working day and keeps the rule's date in ``moved_from``. A
moved occurrence is listed in the window of the day it moves to, and may
fall just past its phase or plan (an activity due on the plan's last day, a
Sunday, happens on the Monday after). Two occurrences moved onto the same
day are both listed, each with its own ``moved_from``.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from attrs import frozen

from socialwork._arguments import FIRST_DAY, LAST_DAY, require_instance
from socialwork.calendars.duties import Duty, RestDayShift
from socialwork.calendars.workdays import shift_to_working_day
from socialwork.models import Period
from socialwork.plans.workplan import WorkPlan

__all__ = ["Occurrence", "schedule"]


@frozen
class Occurrence:
    """One occurrence of a recurring duty.

    ``moved_from`` is the date the duty's rule gave, when the occurrence was
    moved off an official rest day (``None`` otherwise).

    Examples:
        >>> Occurrence("visit", date(2025, 2, 5)).on.isoformat()
        '2025-02-05'
    """

    duty_id: str
    on: date
    moved_from: date | None = None


def schedule(plan: WorkPlan, within: Period) -> tuple[Occurrence, ...]:
    """List the occurrences of the plan's duties inside ``within``, by date then duty.

    An occurrence always falls inside ``within``, and, unless it was moved
    off a rest day, in its duty's phase (or in the plan, for a duty of no
    phase).

    Raises:
        TypeError: ``plan`` is not a `WorkPlan` or ``within`` not a ``Period``.
        OutOfCalendarRange: a duty moves occurrences off rest days and the
            working-day table does not cover a day it has to look at.
        ImportError: a duty moves occurrences off rest days and the
            ``workdays`` extra is not installed.

    Examples:
        >>> from socialwork.calendars import Duty, Recurrence
        >>> from socialwork.plans import Phase
        >>> plan = WorkPlan(
        ...     id="p", title="计划", overall_goal="目标", start=date(2025, 1, 1),
        ...     phases=(Phase(id="impl", name="项目实施", first_month=2, last_month=10),),
        ...     duties=(Duty(id="party", name="党员大会", recurrence=Recurrence(
        ...         frequency="monthly", month_day=15, months=(1, 5, 7, 9))),))
        >>> [o.on.isoformat() for o in schedule(plan, plan.period)]
        ['2025-01-15', '2025-05-15', '2025-07-15', '2025-09-15']
    """
    require_instance(WorkPlan, plan, "plan")
    require_instance(Period, within, "within")
    spans = plan.phase_periods
    whole = plan.period
    found: list[Occurrence] = []
    for duty in plan.duties:
        span = whole if duty.phase_id is None else spans[duty.phase_id]
        if duty.recurrence.rest_day is None:
            found.extend(Occurrence(duty.id, on) for on in _dates(duty, span, within))
        else:
            found.extend(_moved(duty, span, within, duty.recurrence.rest_day))
    return tuple(sorted(found, key=lambda o: (o.on, o.duty_id)))


_LONGEST_REST = timedelta(days=31)
"""More than the longest run of official rest days (春节: 8 to 10 days)."""


def _dates(duty: Duty, span: Period, within: Period) -> list[date]:
    """The dates the duty's rule gives inside both its span and ``within``."""
    first, last = max(span.start, within.start), min(span.end, within.end)
    if first > last:
        return []
    rule = duty.recurrence.rule(dtstart=span.start, until=span.end)
    return [
        moment.date()
        for moment in rule.between(
            datetime(first.year, first.month, first.day),
            datetime(last.year, last.month, last.day),
            inc=True,
        )
    ]


def _moved(duty: Duty, span: Period, within: Period, way: RestDayShift) -> list[Occurrence]:
    """The duty's occurrences moved off rest days that land inside ``within``.

    Only rule dates that can move into ``within`` are looked at: those up to a
    month before it when moving forward, up to a month after it when moving back.
    """
    forward = way is RestDayShift.NEXT
    reach = Period(
        start=max(within.start - _LONGEST_REST, FIRST_DAY) if forward else within.start,
        end=within.end if forward else min(within.end + _LONGEST_REST, LAST_DAY),
    )
    moved: list[Occurrence] = []
    for on in _dates(duty, span, reach):
        to = shift_to_working_day(on, way)
        if within.contains(to):
            moved.append(Occurrence(duty.id, to, None if to == on else on))
    return moved
