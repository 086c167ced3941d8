"""Work plans (工作计划): an overall goal, goals, projects, phases, milestones, duties and risks.

A plan counts months from its ``start`` day: month ``k`` runs from
``start + relativedelta(months=k - 1)`` to the day before
``start + relativedelta(months=k)``, so month ends clip the way
``relativedelta`` does (31 January + 1 month = 28 February) and consecutive
months always meet. A plan starting on the first of a month therefore has
calendar months for plan months. `WorkPlan.period`,
`WorkPlan.phase_periods` and `WorkPlan.milestone_dates` turn plan months
into `socialwork.models.Period` values and dates; they are the only place
plan months become days.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Self

from dateutil.relativedelta import relativedelta
from pydantic import model_validator

from socialwork._arguments import LAST_DAY
from socialwork.analysis.risk import Risk
from socialwork.calendars.duties import Duty
from socialwork.models import Period
from socialwork.plans.goals import PlanGoal, ServiceProject
from socialwork.plans.logframe import Logframe
from socialwork.plans.phases import Milestone, Phase
from socialwork.records import Count, Day, Id, Record, Text, break_rule, check_unique

__all__ = ["WorkPlan"]


def _check_parts(
    record: str,
    *,
    goals: tuple[PlanGoal, ...],
    phases: tuple[Phase, ...],
    duties: tuple[Duty, ...],
    others: Mapping[str, Iterable[str]],
) -> None:
    """Check the ids and references a plan (or a plan's template) relies on.

    Ids are distinct within each collection (``goals``, ``phases``,
    ``duties`` and the ids listed in ``others`` by field name), and every
    duty's ``phase_id`` names a phase.
    """
    check_unique(record, "goals", (g.id for g in goals))
    check_unique(record, "phases", (p.id for p in phases))
    check_unique(record, "duties", (d.id for d in duties))
    for field, ids in others.items():
        check_unique(record, field, ids)
    known = {p.id for p in phases}
    for index, duty in enumerate(duties):
        if duty.phase_id is not None and duty.phase_id not in known:
            loc = ("duties", index, "phase_id")
            break_rule(
                record,
                loc,
                "unknown_reference",
                "{ref} names no phase of the plan",
                duty.phase_id,
                ref=duty.phase_id,
            )


def _length(phases: Iterable[Phase], milestones: Iterable[Milestone]) -> int:
    """A plan's length in months: its last phase month or milestone (0 if neither)."""
    return max([p.last_month for p in phases] + [m.month for m in milestones], default=0)


class WorkPlan(Record):
    """A work plan: overall goal, goals, projects, phases, milestones, duties and risks.

    Ids are distinct within each collection; projects name listed goals and
    duties name listed phases; the plan's last month ends by 2199-12-31.

    Examples:
        >>> from datetime import date
        >>> plan = WorkPlan(id="y2025", title="2025年社区社工工作计划",
        ...                 overall_goal="提升居民生活品质", start=date(2025, 1, 1),
        ...                 phases=(Phase(id="prep", name="筹备", first_month=1, last_month=1),))
        >>> plan.period
        Period(start=datetime.date(2025, 1, 1), end=datetime.date(2025, 1, 31))
    """

    id: Id
    title: Text
    overall_goal: Text
    start: Day
    goals: tuple[PlanGoal, ...] = ()
    projects: tuple[ServiceProject, ...] = ()
    phases: tuple[Phase, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    duties: tuple[Duty, ...] = ()
    risks: tuple[Risk, ...] = ()
    logframe: Logframe | None = None
    staff_available: Count | None = None

    @model_validator(mode="after")
    def _references(self) -> Self:
        _check_parts(
            "WorkPlan",
            goals=self.goals,
            phases=self.phases,
            duties=self.duties,
            others={
                "projects": [p.id for p in self.projects],
                "milestones": [m.id for m in self.milestones],
                "risks": [r.id for r in self.risks],
            },
        )
        goals = {g.id for g in self.goals}
        for i, project in enumerate(self.projects):
            for j, ref in enumerate(project.goal_ids):
                if ref not in goals:
                    break_rule(
                        "WorkPlan",
                        ("projects", i, "goal_ids", j),
                        "unknown_reference",
                        "{ref} names no goal of the plan",
                        ref,
                        ref=ref,
                    )
        end = self.start + relativedelta(months=max(self.months, 1)) - timedelta(days=1)
        if end > LAST_DAY:
            break_rule(
                "WorkPlan",
                ("start",),
                "date_out_of_range",
                "a plan must end by {last}; {months} months from {start} end on {end}",
                self.start,
                last=LAST_DAY,
                months=max(self.months, 1),
                start=self.start,
                end=end,
            )
        return self

    @property
    def months(self) -> int:
        """The plan's length in months: its last phase month or milestone (0 if neither).

        Examples:
            >>> WorkPlan(id="p", title="计划", overall_goal="目标", start=date(2025, 1, 1),
            ...          milestones=(Milestone(id="end", name="终期评估", month=12,
            ...                                kind="final_evaluation"),)).months
            12
        """
        return _length(self.phases, self.milestones)

    @property
    def period(self) -> Period:
        """The days the plan covers, from its start to the end of its last month.

        A plan without phases or milestones covers its first month.

        Examples:
            >>> plan = WorkPlan(id="p", title="计划", overall_goal="目标", start=date(2025, 3, 1),
            ...                 milestones=(Milestone(id="end", name="终期评估", month=12,
            ...                                       kind="final_evaluation"),))
            >>> plan.period.end
            datetime.date(2026, 2, 28)
            >>> from socialwork.records import replace
            >>> replace(plan, start=date(2025, 1, 31), milestones=()).period.end
            datetime.date(2025, 2, 27)
        """
        return self._months(1, max(self.months, 1))

    @property
    def phase_periods(self) -> Mapping[str, Period]:
        """Each phase's days, by phase id, in the plan's phase order.

        Examples:
            >>> plan = WorkPlan(id="p", title="计划", overall_goal="目标", start=date(2025, 1, 1),
            ...                 phases=(Phase(id="eval", name="评估与总结", first_month=11,
            ...                               last_month=12),))
            >>> plan.phase_periods["eval"]
            Period(start=datetime.date(2025, 11, 1), end=datetime.date(2025, 12, 31))
        """
        return {p.id: self._months(p.first_month, p.last_month) for p in self.phases}

    @property
    def milestone_dates(self) -> Mapping[str, date]:
        """Each milestone's due date (the last day of its month), by milestone id.

        Examples:
            >>> plan = WorkPlan(id="p", title="计划", overall_goal="目标", start=date(2025, 1, 1),
            ...                 milestones=(Milestone(id="mid", name="中期评估", month=6,
            ...                                       kind="mid_term_review"),))
            >>> plan.milestone_dates
            {'mid': datetime.date(2025, 6, 30)}
        """
        return {m.id: self._months(m.month, m.month).end for m in self.milestones}

    def _months(self, first: int, last: int) -> Period:
        """The days of plan months ``first``–``last``; the one place months become days."""
        return Period(
            start=self.start + relativedelta(months=first - 1),
            end=self.start + relativedelta(months=last) - timedelta(days=1),
        )
