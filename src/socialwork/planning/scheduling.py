"""The schedule of a plan's recurring duties (工作日程) over a window of days.

Each duty's rule starts (``dtstart``) on the first day of its phase — or of
the plan — and ends on that phase's last day; it is read with ``between``
over the part of the phase inside the window asked for, never iterated
open-ended.
"""

from __future__ import annotations

from datetime import date, datetime

from attrs import frozen

from socialwork._arguments import require_instance
from socialwork.models import Period
from socialwork.planning.workplan import WorkPlan

__all__ = ["Occurrence", "schedule"]


@frozen
class Occurrence:
    """One occurrence of a recurring duty.

    Examples:
        >>> Occurrence("visit", date(2025, 2, 5)).on.isoformat()
        '2025-02-05'
    """

    duty_id: str
    on: date


def schedule(plan: WorkPlan, within: Period) -> tuple[Occurrence, ...]:
    """List the occurrences of the plan's duties inside ``within``, by date then duty.

    An occurrence always falls in its duty's phase (or in the plan, for a
    duty of no phase) and inside ``within``.

    Raises:
        TypeError: ``plan`` is not a `WorkPlan` or ``within`` not a ``Period``.

    Examples:
        >>> from socialwork.planning import Duty, Phase, Recurrence
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
        first, last = max(span.start, within.start), min(span.end, within.end)
        if first > last:
            continue
        rule = duty.recurrence.rule(dtstart=span.start, until=span.end)
        found.extend(
            Occurrence(duty.id, moment.date())
            for moment in rule.between(
                datetime(first.year, first.month, first.day),
                datetime(last.year, last.month, last.day),
                inc=True,
            )
        )
    return tuple(sorted(found, key=lambda o: (o.on, o.duty_id)))
