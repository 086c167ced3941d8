"""Work plans (工作计划): goals, phases, milestones, recurring duties, checks and a logframe.

A plan counts months from its ``start`` day: month ``k`` runs from
``start + relativedelta(months=k - 1)`` to the day before
``start + relativedelta(months=k)``, so month ends clip the way
``relativedelta`` does (31 January + 1 month = 28 February) and consecutive
months always meet. The template of seed 000 is preparation in month 1,
implementation in months 2–10 and evaluation in months 11–12, with a mid-term
review in month 6 and a final evaluation in month 12.

Recurring duties ("every Wednesday", "the 15th of months 1, 5, 7 and 9",
"at least once a month") are `Recurrence` records turned into
``dateutil`` rules with an explicit ``dtstart`` (the start of the duty's
phase) and ``wkst=MO``; occurrences are only ever read with ``between``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import Annotated, Self

from attrs import frozen
from dateutil.relativedelta import relativedelta
from dateutil.rrule import FR, MO, MONTHLY, SA, SU, TH, TU, WE, WEEKLY, rrule, weekday
from pydantic import Field, Strict, model_validator

from socialwork.labels import LabelledEnum, Language
from socialwork.models import Period
from socialwork.planning.risk import Risk
from socialwork.records import Count, Day, Id, Record, Text, break_rule, check_unique

__all__ = [
    "Duty",
    "Finding",
    "FindingCode",
    "Frequency",
    "GoalKind",
    "Logframe",
    "LogframeLevel",
    "LogframeNode",
    "Milestone",
    "MilestoneKind",
    "Occurrence",
    "Phase",
    "PlanGoal",
    "Recurrence",
    "ServiceProject",
    "Weekday",
    "WorkPlan",
    "check_goal",
    "check_plan",
    "milestone_dates",
    "month_period",
    "phase_periods",
    "plan_period",
    "schedule",
]

Month = Annotated[int, Strict(), Field(ge=1, le=120)]
"""A month of a plan, counted from 1 (at most ten years)."""


class GoalKind(LabelledEnum):
    """Task goals get something done; process goals change how people work together."""

    TASK = "task", "任务目标", "Task goal", "任務目標"
    PROCESS = "process", "过程目标", "Process goal", "過程目標"


class PlanGoal(Record):
    """A specific goal of a plan, with what makes it checkable.

    ``measure`` is the indicator and ``target`` the level to reach on it
    (``"80%"``); ``deadline_month`` counts plan months; ``priority`` 1 is the
    highest; ``staff_needed`` is the number of workers it takes.

    Examples:
        >>> g = PlanGoal(id="g1", statement="提升服务对象的情绪管理能力",
        ...              target_group="青少年服务对象", measure="情绪管理能力提升的服务对象比例",
        ...              target="80%", deadline_month=12, priority=1, staff_needed=2)
        >>> check_goal(g, staff_available=6)
        ()
    """

    id: Id
    statement: Text
    kind: GoalKind = GoalKind.TASK
    target_group: Text | None = None
    measure: Text | None = None
    target: Text | None = None
    deadline_month: Month | None = None
    priority: Annotated[int, Strict(), Field(ge=1)] | None = None
    staff_needed: Count | None = None


class ServiceProject(Record):
    """A service project (服务项目) serving some of the plan's goals.

    Examples:
        >>> ServiceProject(id="p1", name="情绪智多星小组", goal_ids=("g1",)).goal_ids
        ('g1',)
    """

    id: Id
    name: Text
    goal_ids: tuple[Id, ...] = ()
    target_group: Text | None = None


class Phase(Record):
    """A phase of a plan over months ``first_month``–``last_month`` (both included).

    Examples:
        >>> Phase(id="impl", name="项目实施", first_month=2, last_month=10).last_month
        10
    """

    id: Id
    name: Text
    first_month: Month
    last_month: Month

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.last_month < self.first_month:
            break_rule(
                "Phase",
                ("last_month",),
                "end_before_start",
                "last_month {end} must not be before first_month {start}",
                self.last_month,
                end=self.last_month,
                start=self.first_month,
            )
        return self


class MilestoneKind(LabelledEnum):
    """Kinds of monitoring point (监测与评估节点)."""

    MID_TERM_REVIEW = "mid_term_review", "中期评估", "Mid-term review", "中期評估"
    QUARTERLY_REVIEW = "quarterly_review", "季度审查", "Quarterly review", "季度審查"
    ANNUAL_EVALUATION = "annual_evaluation", "年度评估", "Annual evaluation", "年度評估"
    FINAL_EVALUATION = "final_evaluation", "终期评估", "Final evaluation", "終期評估"


class Milestone(Record):
    """A monitoring point due at the end of plan month ``month``.

    Examples:
        >>> Milestone(id="mid", name="中期评估", month=6,
        ...           kind=MilestoneKind.MID_TERM_REVIEW).kind.label()
        '中期评估'
    """

    id: Id
    name: Text
    month: Month
    kind: MilestoneKind


class Frequency(LabelledEnum):
    """How often a duty recurs."""

    WEEKLY = "weekly", "每周", "Weekly", "每週"
    MONTHLY = "monthly", "每月", "Monthly", "每月"


class Weekday(LabelledEnum):
    """Days of the week; weeks start on Monday (``wkst=MO``)."""

    MONDAY = "monday", "周一", "Monday", "週一"
    TUESDAY = "tuesday", "周二", "Tuesday", "週二"
    WEDNESDAY = "wednesday", "周三", "Wednesday", "週三"
    THURSDAY = "thursday", "周四", "Thursday", "週四"
    FRIDAY = "friday", "周五", "Friday", "週五"
    SATURDAY = "saturday", "周六", "Saturday", "週六"
    SUNDAY = "sunday", "周日", "Sunday", "週日"


_RRULE_DAYS: dict[Weekday, weekday] = dict(zip(Weekday, (MO, TU, WE, TH, FR, SA, SU), strict=True))


class Recurrence(Record):
    """A recurrence rule for a duty, turned into a ``dateutil`` rule by `rule`.

    ``months`` are calendar months (1–12) the duty is limited to;
    ``month_day`` is a day of the month (1–31). A monthly rule with neither
    ``month_day`` nor ``weekdays`` falls on the start's day of the month,
    clipped to the month's last day (start 31 January → 28 February), so it
    happens at least once every month.

    Examples:
        >>> from datetime import date
        >>> wednesdays = Recurrence(frequency=Frequency.WEEKLY, weekdays=(Weekday.WEDNESDAY,))
        >>> rule = wednesdays.rule(dtstart=date(2025, 1, 1), until=date(2025, 1, 31))
        >>> [d.day for d in rule.between(datetime(2025, 1, 1), datetime(2025, 1, 31), inc=True)]
        [1, 8, 15, 22, 29]
    """

    frequency: Frequency
    interval: Annotated[int, Strict(), Field(ge=1)] = 1
    weekdays: tuple[Weekday, ...] = ()
    month_day: Annotated[int, Strict(), Field(ge=1, le=31)] | None = None
    months: tuple[Annotated[int, Strict(), Field(ge=1, le=12)], ...] = ()

    def rule(self, *, dtstart: date, until: date) -> rrule:
        """Return the ``dateutil`` rule from ``dtstart`` to ``until`` (both included)."""
        month_days: tuple[int, ...] | None = None
        set_pos: int | None = None
        if self.month_day is not None:
            month_days = (self.month_day,)
        elif self.frequency is Frequency.MONTHLY and not self.weekdays:
            month_days = (dtstart.day,) if dtstart.day <= 28 else (dtstart.day, -1)
            set_pos = 1 if dtstart.day > 28 else None
        return rrule(
            WEEKLY if self.frequency is Frequency.WEEKLY else MONTHLY,
            dtstart=datetime(dtstart.year, dtstart.month, dtstart.day),
            until=datetime(until.year, until.month, until.day),
            interval=self.interval,
            wkst=MO,
            byweekday=tuple(_RRULE_DAYS[d] for d in self.weekdays) or None,
            bymonthday=month_days,
            bymonth=self.months or None,
            bysetpos=set_pos,
        )


class Duty(Record):
    """A recurring duty of a phase (or of the whole plan when ``phase_id`` is ``None``).

    Examples:
        >>> Duty(id="visit", name="远郊走访日", phase_id="impl",
        ...      recurrence=Recurrence(frequency=Frequency.WEEKLY,
        ...                            weekdays=(Weekday.WEDNESDAY,))).recurrence.frequency.value
        'weekly'
    """

    id: Id
    name: Text
    recurrence: Recurrence
    phase_id: Id | None = None
    owner: Text | None = None


class LogframeLevel(LabelledEnum):
    """The four levels of a logical framework, from the top."""

    IMPACT = "impact", "影响(总目标)", "Impact", "影響(總目標)"
    OUTCOME = "outcome", "成效", "Outcome", "成效"
    OUTPUT = "output", "产出", "Output", "產出"
    ACTIVITY = "activity", "活动", "Activity", "活動"

    @property
    def parent_level(self) -> LogframeLevel | None:
        """The level directly above (``None`` for impact)."""
        levels = list(LogframeLevel)
        index = levels.index(self)
        return levels[index - 1] if index else None


class LogframeNode(Record):
    """One row of a logframe, linked to a node of the level directly above.

    Examples:
        >>> LogframeNode(id="i", level=LogframeLevel.IMPACT, statement="青少年健康成长",
        ...              indicators=("服务对象情绪管理能力提升比例",)).parent_id is None
        True
    """

    id: Id
    level: LogframeLevel
    statement: Text
    indicators: tuple[Text, ...] = ()
    verification: tuple[Text, ...] = ()
    assumptions: tuple[Text, ...] = ()
    parent_id: Id | None = None


class Logframe(Record):
    """A logframe: impact → outcome → output → activity, each node linked one level up.

    An impact has no parent; every other node names a parent of the level
    directly above it.

    Examples:
        >>> L = LogframeLevel
        >>> lf = Logframe(nodes=(
        ...     LogframeNode(id="i", level=L.IMPACT, statement="青少年健康成长"),
        ...     LogframeNode(id="oc", level=L.OUTCOME, statement="情绪管理能力提升", parent_id="i"),
        ...     LogframeNode(id="op", level=L.OUTPUT, statement="开展情绪小组8节", parent_id="oc"),
        ...     LogframeNode(id="a", level=L.ACTIVITY, statement="招募组员", parent_id="op"),
        ... ))
        >>> [(depth, node.id) for depth, node in lf.rows()]
        [(0, 'i'), (1, 'oc'), (2, 'op'), (3, 'a')]
    """

    nodes: tuple[LogframeNode, ...]

    @model_validator(mode="after")
    def _linked_one_level_up(self) -> Self:
        check_unique("Logframe", "nodes", (n.id for n in self.nodes))
        levels = {n.id: n.level for n in self.nodes}
        for index, node in enumerate(self.nodes):
            expected = node.level.parent_level
            if node.parent_id is None and expected is None:
                continue
            if node.parent_id is not None and node.parent_id not in levels:
                break_rule(
                    "Logframe",
                    ("nodes", index, "parent_id"),
                    "unknown_reference",
                    "parent_id must name a node of the logframe; got {ref}",
                    node.parent_id,
                    ref=node.parent_id,
                )
            actual = None if node.parent_id is None else levels[node.parent_id]
            if actual is not expected:
                break_rule(
                    "Logframe",
                    ("nodes", index, "parent_id"),
                    "wrong_parent_level",
                    "a {level} node links to a {expected} node; got {actual}",
                    node.parent_id,
                    level=node.level.value,
                    expected=expected.value if expected else "no",
                    actual=actual.value if actual else "none",
                )
        return self

    def children(self, node_id: str | None) -> tuple[LogframeNode, ...]:
        """Nodes linked to ``node_id`` (the impacts for ``None``), in input order."""
        return tuple(n for n in self.nodes if n.parent_id == node_id)

    def rows(self) -> tuple[tuple[int, LogframeNode], ...]:
        """The logframe as an indented view: (depth, node), depth first from each impact."""
        rows: list[tuple[int, LogframeNode]] = []
        pending = [(0, n) for n in reversed(self.children(None))]
        while pending:
            depth, node = pending.pop()
            rows.append((depth, node))
            pending.extend((depth + 1, c) for c in reversed(self.children(node.id)))
        return tuple(rows)


class WorkPlan(Record):
    """A work plan: overall goal, goals, projects, phases, milestones, duties and risks.

    Ids are distinct within each collection; projects name listed goals and
    duties name listed phases.

    Examples:
        >>> from datetime import date
        >>> plan = WorkPlan(id="y2025", title="2025年社区社工工作计划",
        ...                 overall_goal="提升居民生活品质", start=date(2025, 1, 1),
        ...                 phases=(Phase(id="prep", name="筹备", first_month=1, last_month=1),))
        >>> plan_period(plan)
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
        for field in ("goals", "projects", "phases", "milestones", "duties", "risks"):
            check_unique("WorkPlan", field, (item.id for item in getattr(self, field)))
        goals = {g.id for g in self.goals}
        phases = {p.id for p in self.phases}
        refs = [
            (("projects", i, "goal_ids", j), ref, ref in goals)
            for i, project in enumerate(self.projects)
            for j, ref in enumerate(project.goal_ids)
        ] + [
            (("duties", i, "phase_id"), duty.phase_id, duty.phase_id in phases)
            for i, duty in enumerate(self.duties)
            if duty.phase_id is not None
        ]
        for loc, ref, known in refs:
            if not known:
                break_rule(
                    "WorkPlan",
                    loc,
                    "unknown_reference",
                    "{ref} names no goal or phase of the plan",
                    ref,
                    ref=ref,
                )
        return self

    @property
    def months(self) -> int:
        """The plan's length in months: its last phase month or milestone (0 if neither)."""
        return max(
            [p.last_month for p in self.phases] + [m.month for m in self.milestones], default=0
        )


def month_period(start: date, first_month: int, last_month: int) -> Period:
    """Return the days of plan months ``first_month``–``last_month`` of a plan starting ``start``.

    Examples:
        >>> month_period(date(2025, 1, 1), 2, 10)
        Period(start=datetime.date(2025, 2, 1), end=datetime.date(2025, 10, 31))
        >>> month_period(date(2025, 1, 31), 1, 1)     # 31 Jan + 1 month clips to 28 Feb
        Period(start=datetime.date(2025, 1, 31), end=datetime.date(2025, 2, 27))
    """
    return Period(
        start=start + relativedelta(months=first_month - 1),
        end=start + relativedelta(months=last_month) - timedelta(days=1),
    )


def plan_period(plan: WorkPlan) -> Period:
    """Return the days the plan covers, from its start to the end of its last month.

    A plan without phases or milestones covers its first month.

    Examples:
        >>> plan = WorkPlan(id="p", title="计划", overall_goal="目标", start=date(2025, 3, 1),
        ...                 milestones=(Milestone(id="end", name="终期评估", month=12,
        ...                                       kind=MilestoneKind.FINAL_EVALUATION),))
        >>> plan_period(plan).end
        datetime.date(2026, 2, 28)
    """
    return month_period(plan.start, 1, max(plan.months, 1))


def phase_periods(plan: WorkPlan) -> Mapping[str, Period]:
    """Return each phase's days, by phase id, in the plan's phase order.

    Examples:
        >>> plan = WorkPlan(id="p", title="计划", overall_goal="目标", start=date(2025, 1, 1),
        ...                 phases=(Phase(id="eval", name="评估与总结", first_month=11,
        ...                               last_month=12),))
        >>> phase_periods(plan)["eval"]
        Period(start=datetime.date(2025, 11, 1), end=datetime.date(2025, 12, 31))
    """
    return {p.id: month_period(plan.start, p.first_month, p.last_month) for p in plan.phases}


def milestone_dates(plan: WorkPlan) -> Mapping[str, date]:
    """Return each milestone's due date (the last day of its month), by milestone id.

    Examples:
        >>> plan = WorkPlan(id="p", title="计划", overall_goal="目标", start=date(2025, 1, 1),
        ...                 milestones=(Milestone(id="mid", name="中期评估", month=6,
        ...                                       kind=MilestoneKind.MID_TERM_REVIEW),))
        >>> milestone_dates(plan)
        {'mid': datetime.date(2025, 6, 30)}
    """
    return {m.id: month_period(plan.start, m.month, m.month).end for m in plan.milestones}


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

    Each duty's rule starts (``dtstart``) on the first day of its phase — or
    of the plan — and is read with ``between`` over the part of that phase
    inside ``within``; an occurrence therefore always falls in its phase.

    Examples:
        >>> plan = WorkPlan(
        ...     id="p", title="计划", overall_goal="目标", start=date(2025, 1, 1),
        ...     phases=(Phase(id="impl", name="项目实施", first_month=2, last_month=10),),
        ...     duties=(Duty(id="party", name="党员大会", recurrence=Recurrence(
        ...         frequency=Frequency.MONTHLY, month_day=15, months=(1, 5, 7, 9))),))
        >>> [o.on.isoformat() for o in schedule(plan, plan_period(plan))]
        ['2025-01-15', '2025-05-15', '2025-07-15', '2025-09-15']
    """
    spans = phase_periods(plan)
    whole = plan_period(plan)
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


class FindingCode(LabelledEnum):
    """What a plan or goal check found; the labels are the messages."""

    NOT_MEASURABLE = (
        "not_measurable",
        "目标缺少衡量指标或目标值",
        "Goal has no measure or target",
        "目標缺少衡量指標或目標值",
    )
    NO_TARGET_GROUP = (
        "no_target_group",
        "目标没有明确的服务对象",
        "Goal names no target group",
        "目標沒有明確的服務對象",
    )
    NO_DEADLINE = "no_deadline", "目标没有时间限制", "Goal has no time limit", "目標沒有時間限制"
    NO_PRIORITY = "no_priority", "目标没有优先次序", "Goal has no priority", "目標沒有優先次序"
    CAPACITY_UNKNOWN = (
        "capacity_unknown",
        "无法判断目标是否在机构能力范围内",
        "Cannot tell whether the goal is within the agency's capacity",
        "無法判斷目標是否在機構能力範圍內",
    )
    BEYOND_CAPACITY = (
        "beyond_capacity",
        "目标所需人手超出机构能力",
        "Goal needs more staff than the agency has",
        "目標所需人手超出機構能力",
    )
    PHASE_OVERLAP = (
        "phase_overlap",
        "阶段时间重叠",
        "Phase overlaps an earlier phase",
        "階段時間重疊",
    )
    PHASE_GAP = (
        "phase_gap",
        "阶段之间有空档",
        "Months before this phase belong to no phase",
        "階段之間有空檔",
    )
    NO_MID_TERM_REVIEW = (
        "no_mid_term_review",
        "计划没有中期评估",
        "Plan has no mid-term review",
        "計劃沒有中期評估",
    )
    RISK_WITHOUT_OWNER = (
        "risk_without_owner",
        "风险没有责任人",
        "Risk has no owner",
        "風險沒有責任人",
    )
    RISK_WITHOUT_RESPONSE = (
        "risk_without_response",
        "风险没有应对措施",
        "Risk has no response",
        "風險沒有應對措施",
    )


@frozen
class Finding:
    """One finding of a check: a stable code and the id of what it is about.

    Examples:
        >>> f = Finding(FindingCode.NO_DEADLINE, "g1")
        >>> f.message("en"), f.message()
        ('g1: Goal has no time limit', 'g1: 目标没有时间限制')
    """

    code: FindingCode
    subject: str

    def message(self, language: Language = "zh") -> str:
        """The finding as a sentence in ``language``."""
        return f"{self.subject}: {self.code.label(language)}"


def check_goal(goal: PlanGoal, *, staff_available: int | None) -> tuple[Finding, ...]:
    """Check a goal against the social-planning principles for goals.

    A goal should be written and measurable (a ``measure`` and a ``target``),
    name a target group, have a time limit and a priority, and fit the
    agency's capacity (``staff_needed`` at most ``staff_available``; either
    unknown gives ``capacity_unknown``). Being written is enforced by the
    record (its statement is required).

    Examples:
        >>> g = PlanGoal(id="g2", statement="改善人际沟通模式", measure="人际改善比例",
        ...              target="70%", staff_needed=8)
        >>> [f.code.value for f in check_goal(g, staff_available=6)]
        ['no_target_group', 'no_deadline', 'no_priority', 'beyond_capacity']
    """
    C = FindingCode  # noqa: N806 - a short alias for the codes
    unmet = [
        (C.NOT_MEASURABLE, goal.measure is None or goal.target is None),
        (C.NO_TARGET_GROUP, goal.target_group is None),
        (C.NO_DEADLINE, goal.deadline_month is None),
        (C.NO_PRIORITY, goal.priority is None),
    ]
    if goal.staff_needed is None or staff_available is None:
        unmet.append((C.CAPACITY_UNKNOWN, True))
    else:
        unmet.append((C.BEYOND_CAPACITY, goal.staff_needed > staff_available))
    return tuple(Finding(code, goal.id) for code, found in unmet if found)


def _phase_findings(phases: Iterable[Phase]) -> list[Finding]:
    findings: list[Finding] = []
    next_month = 1
    for phase in sorted(phases, key=lambda p: (p.first_month, p.last_month, p.id)):
        if phase.first_month > next_month:
            findings.append(Finding(FindingCode.PHASE_GAP, phase.id))
        elif phase.first_month < next_month:
            findings.append(Finding(FindingCode.PHASE_OVERLAP, phase.id))
        next_month = max(next_month, phase.last_month + 1)
    return findings


def check_plan(plan: WorkPlan) -> tuple[Finding, ...]:
    """Check a plan: phases, every goal (`check_goal`), a mid-term review, risks.

    Phases are walked in month order: a phase that starts after the months
    covered so far leaves a gap (``phase_gap``, also when month 1 is not
    covered), one that starts inside them overlaps (``phase_overlap``).
    Goals are checked with the plan's ``staff_available``. A plan needs a
    milestone of kind ``mid_term_review``; each risk needs an owner and at
    least one response.

    Examples:
        >>> from socialwork.planning.risk import RiskCategory, RiskScore
        >>> plan = WorkPlan(
        ...     id="y", title="计划", overall_goal="目标", start=date(2025, 1, 1),
        ...     phases=(Phase(id="prep", name="筹备", first_month=1, last_month=1),
        ...             Phase(id="impl", name="实施", first_month=3, last_month=10)),
        ...     risks=(Risk(id="r1", title="资金中断", category=RiskCategory.FUNDING,
        ...                 inherent=RiskScore(likelihood=2, impact=5)),))
        >>> for finding in check_plan(plan):
        ...     print(finding.message("en"))
        impl: Months before this phase belong to no phase
        y: Plan has no mid-term review
        r1: Risk has no owner
        r1: Risk has no response
    """
    findings = _phase_findings(plan.phases)
    for goal in plan.goals:
        findings.extend(check_goal(goal, staff_available=plan.staff_available))
    if not any(m.kind is MilestoneKind.MID_TERM_REVIEW for m in plan.milestones):
        findings.append(Finding(FindingCode.NO_MID_TERM_REVIEW, plan.id))
    for risk in plan.risks:
        if risk.owner is None:
            findings.append(Finding(FindingCode.RISK_WITHOUT_OWNER, risk.id))
        if not risk.responses:
            findings.append(Finding(FindingCode.RISK_WITHOUT_RESPONSE, risk.id))
    return tuple(findings)
