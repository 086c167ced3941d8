"""Work plans: plan months to dates, schedules, goal and plan checks, and the logframe."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from pydantic import ValidationError

from socialwork.analysis import (
    Risk,
    RiskCategory,
    RiskScore,
)
from socialwork.calendars import Duty, Frequency, Recurrence, Weekday
from socialwork.models import Period
from socialwork.plans import (
    Logframe,
    LogframeLevel,
    LogframeNode,
    Milestone,
    MilestoneKind,
    Phase,
    PlanGoal,
    PlanKind,
    ServiceProject,
    WorkPlan,
    check_goal,
    check_plan,
    plan_template,
    schedule,
)
from socialwork.plans.checks import FindingCode
from socialwork.records import replace
from tests.strategies import work_plans

YEAR_2025 = date(2025, 1, 1)


def template_plan(start: date = YEAR_2025) -> WorkPlan:
    return plan_template(PlanKind.COMMUNITY_ANNUAL).work_plan(id="y2025", start=start)


def test_template_phases_become_dates() -> None:
    periods = template_plan().phase_periods
    # preparation month 1, implementation 2–10, evaluation 11–12 of a plan starting 1 Jan 2025
    assert periods["prep"] == Period(start=date(2025, 1, 1), end=date(2025, 1, 31))
    assert periods["impl"] == Period(start=date(2025, 2, 1), end=date(2025, 10, 31))
    assert periods["eval"] == Period(start=date(2025, 11, 1), end=date(2025, 12, 31))
    assert template_plan().milestone_dates == {
        "mid": date(2025, 6, 30),
        "final": date(2025, 12, 31),
    }


def test_month_ends_clip_like_relativedelta() -> None:
    # start 31 Jan 2025: month 2 starts 31 Jan + 1 month = 28 Feb; month 1 ends the day before;
    # month 3 starts 31 Jan + 2 months = 31 Mar, so month 2 ends 30 Mar
    plan = template_plan(date(2025, 1, 31))
    months = WorkPlan(
        id="m",
        title="t",
        overall_goal="g",
        start=date(2025, 1, 31),
        phases=(
            Phase(id="one", name="1", first_month=1, last_month=1),
            Phase(id="two", name="2", first_month=2, last_month=2),
        ),
    ).phase_periods
    assert months["one"] == Period(start=date(2025, 1, 31), end=date(2025, 2, 27))
    assert months["two"] == Period(start=date(2025, 2, 28), end=date(2025, 3, 30))
    periods = plan.phase_periods
    assert periods["prep"].end + timedelta(days=1) == periods["impl"].start
    assert periods["impl"].end + timedelta(days=1) == periods["eval"].start


def test_every_wednesday_of_the_implementation_phase() -> None:
    plan = template_plan()
    occurrences = [o.on for o in schedule(plan, plan.period) if o.duty_id == "visits"]
    # 1 Feb 2025 is a Saturday: first Wednesday 5 Feb, last 29 Oct (31 Oct is a Friday);
    # 5 Feb → 29 Oct is 23+31+30+31+30+31+31+30+29 = 266 days = 38 weeks, so 39 Wednesdays
    assert occurrences[0] == date(2025, 2, 5)
    assert occurrences[-1] == date(2025, 10, 29)
    assert len(occurrences) == 39
    assert all(d.weekday() == 2 for d in occurrences)


def test_the_15th_of_months_1_5_7_9_and_once_a_month() -> None:
    plan = WorkPlan(
        id="p",
        title="计划",
        overall_goal="目标",
        start=YEAR_2025,
        phases=(Phase(id="all", name="全年", first_month=1, last_month=12),),
        duties=(
            Duty(
                id="party",
                name="党员大会",
                recurrence=Recurrence(
                    frequency=Frequency.MONTHLY, month_day=15, months=(1, 5, 7, 9)
                ),
            ),
            Duty(id="meeting", name="例会", recurrence=Recurrence(frequency=Frequency.MONTHLY)),
        ),
    )
    found = schedule(plan, plan.period)
    assert [o.on for o in found if o.duty_id == "party"] == [
        date(2025, 1, 15),
        date(2025, 5, 15),
        date(2025, 7, 15),
        date(2025, 9, 15),
    ]
    assert [o.on for o in found if o.duty_id == "meeting"] == [
        date(2025, m, 1) for m in range(1, 13)
    ]
    # a window narrows the query: only May
    may = Period(start=date(2025, 5, 1), end=date(2025, 5, 31))
    assert [(o.duty_id, o.on.day) for o in schedule(plan, may)] == [("meeting", 1), ("party", 15)]


def test_once_a_month_from_the_31st_clips_to_month_ends() -> None:
    plan = WorkPlan(
        id="p",
        title="计划",
        overall_goal="目标",
        start=date(2025, 1, 31),
        phases=(Phase(id="all", name="全年", first_month=1, last_month=4),),
        duties=(Duty(id="m", name="例会", recurrence=Recurrence(frequency=Frequency.MONTHLY)),),
    )
    # plan months run 31 Jan – 30 May; a meeting every month, on the 31st or the month's end
    assert [o.on for o in schedule(plan, plan.period)] == [
        date(2025, 1, 31),
        date(2025, 2, 28),
        date(2025, 3, 31),
        date(2025, 4, 30),
    ]


@settings(max_examples=40, deadline=None)
@given(work_plans())
def test_every_schedule_occurrence_falls_in_its_phase(plan: WorkPlan) -> None:
    spans = plan.phase_periods
    whole = plan.period
    phase_of = {d.id: d.phase_id for d in plan.duties}
    found = schedule(plan, whole)
    for occurrence in found:
        phase_id = phase_of[occurrence.duty_id]
        span = whole if phase_id is None else spans[phase_id]
        assert span.contains(occurrence.on)
    assert list(found) == sorted(found, key=lambda o: (o.on, o.duty_id))
    assert not [
        f for f in check_plan(plan) if f.code in (FindingCode.PHASE_GAP, FindingCode.PHASE_OVERLAP)
    ]


def test_check_goal_against_the_principles() -> None:
    goal = PlanGoal(
        id="emotion",
        statement="提升服务对象的情绪管理能力",
        target_group="青少年服务对象",
        measure="情绪管理能力提升的服务对象比例",
        target="80%",
        deadline_month=12,
        priority=1,
        staff_needed=2,
    )
    assert check_goal(goal, staff_available=8) == ()
    assert [f.code for f in check_goal(goal, staff_available=1)] == [FindingCode.BEYOND_CAPACITY]
    assert [f.code for f in check_goal(goal, staff_available=None)] == [
        FindingCode.CAPACITY_UNKNOWN
    ]
    vague = PlanGoal(id="vague", statement="让青少年更好")
    assert [f.code.value for f in check_goal(vague, staff_available=8)] == [
        "not_measurable",
        "no_target_group",
        "no_deadline",
        "no_priority",
        "capacity_unknown",
    ]
    finding = check_goal(vague, staff_available=8)[0]
    assert finding.message("zh") == "vague: 目标缺少衡量指标或目标值"
    assert finding.message("en") == "vague: Goal has no measure or target"


def test_check_plan_finds_overlaps_gaps_and_missing_pieces() -> None:
    plan = WorkPlan(
        id="p",
        title="计划",
        overall_goal="目标",
        start=YEAR_2025,
        staff_available=6,
        goals=(
            PlanGoal(
                id="g",
                statement="扩大覆盖",
                measure="覆盖率",
                target="95%",
                target_group="独居老人",
                priority=1,
                staff_needed=2,
            ),
        ),
        phases=(
            Phase(id="a", name="筹备", first_month=2, last_month=4),
            Phase(id="b", name="实施", first_month=4, last_month=8),
            Phase(id="c", name="评估", first_month=10, last_month=12),
        ),
        milestones=(
            Milestone(id="end", name="终期", month=12, kind=MilestoneKind.FINAL_EVALUATION),
        ),
        risks=(
            Risk(
                id="r",
                title="资金中断",
                category=RiskCategory.FUNDING,
                owner="站长",
                inherent=RiskScore(likelihood=3, impact=5),
            ),
        ),
    )
    # month 1 is uncovered (gap before a), b starts in a's month 4 (overlap), month 9 is
    # uncovered (gap before c); the goal has no deadline; no mid-term review; the risk has
    # an owner but no response
    assert [(f.code.value, f.subject) for f in check_plan(plan)] == [
        ("phase_gap", "a"),
        ("phase_overlap", "b"),
        ("phase_gap", "c"),
        ("no_deadline", "g"),
        ("no_mid_term_review", "p"),
        ("risk_without_response", "r"),
    ]


@pytest.mark.parametrize("kind", list(PlanKind))
def test_templates_make_sound_plans(kind: PlanKind) -> None:
    template = plan_template(kind)
    plan = replace(template.work_plan(id="p", start=YEAR_2025), staff_available=6)
    assert plan.months == template.months
    assert check_plan(plan) == tuple(
        f for f in check_plan(plan) if f.code is FindingCode.CAPACITY_UNKNOWN
    )
    assert all(g.deadline_month is not None and g.deadline_month <= plan.months for g in plan.goals)
    within = all(plan.period.contains(d) for d in plan.milestone_dates.values())
    assert within


def test_the_elderly_template_has_its_two_year_phases() -> None:
    template = plan_template(PlanKind.ELDERLY_HOME_CARE)
    assert [(p.first_month, p.last_month) for p in template.phases] == [(1, 3), (4, 12), (13, 24)]
    periods = template.work_plan(id="p", start=YEAR_2025).phase_periods
    assert periods["sustain"] == Period(start=date(2026, 1, 1), end=date(2026, 12, 31))


def test_plan_references_are_checked() -> None:
    with pytest.raises(ValidationError) as info:
        WorkPlan(
            id="p",
            title="t",
            overall_goal="g",
            start=YEAR_2025,
            projects=(ServiceProject(id="s", name="小组", goal_ids=("nope",)),),
        )
    error = info.value.errors()[0]
    assert (error["type"], error["loc"]) == ("unknown_reference", ("projects", 0, "goal_ids", 0))
    with pytest.raises(ValidationError) as info:
        WorkPlan(
            id="p",
            title="t",
            overall_goal="g",
            start=YEAR_2025,
            duties=(
                Duty(
                    id="d",
                    name="x",
                    phase_id="nope",
                    recurrence=Recurrence(frequency=Frequency.WEEKLY, weekdays=(Weekday.MONDAY,)),
                ),
            ),
        )
    assert info.value.errors()[0]["loc"] == ("duties", 0, "phase_id")
    with pytest.raises(ValidationError) as info:
        Phase(id="x", name="x", first_month=5, last_month=4)
    assert info.value.errors()[0]["type"] == "end_before_start"


L = LogframeLevel


def test_logframe_view_of_the_youth_plan() -> None:
    frame = Logframe(
        nodes=(
            LogframeNode(
                id="impact",
                level=L.IMPACT,
                statement="青少年身心健康发展",
                indicators=("社会适应能力提升",),
                assumptions=("家庭支持稳定",),
            ),
            LogframeNode(
                id="emotion",
                level=L.OUTCOME,
                statement="80%服务对象情绪管理能力提升",
                indicators=("前后测提升比例",),
                verification=("前后测问卷",),
                parent_id="impact",
            ),
            LogframeNode(
                id="group", level=L.OUTPUT, statement="情绪智多星小组8节", parent_id="emotion"
            ),
            LogframeNode(id="recruit", level=L.ACTIVITY, statement="招募组员", parent_id="group"),
            LogframeNode(
                id="design", level=L.ACTIVITY, statement="设计小组方案", parent_id="group"
            ),
        )
    )
    assert [(depth, n.id) for depth, n in frame.rows] == [
        (0, "impact"),
        (1, "emotion"),
        (2, "group"),
        (3, "recruit"),
        (3, "design"),
    ]
    assert [n.id for n in frame.children("group")] == ["recruit", "design"]


@pytest.mark.parametrize(
    ("node", "code"),
    [
        (LogframeNode(id="x", level=L.OUTPUT, statement="x", parent_id="i"), "wrong_parent_level"),
        (LogframeNode(id="x", level=L.OUTCOME, statement="x"), "wrong_parent_level"),
        (LogframeNode(id="x", level=L.IMPACT, statement="x", parent_id="i"), "wrong_parent_level"),
        (
            LogframeNode(id="x", level=L.OUTCOME, statement="x", parent_id="nope"),
            "unknown_reference",
        ),
        (LogframeNode(id="i", level=L.IMPACT, statement="x"), "duplicate_id"),
    ],
)
def test_logframe_nodes_link_one_level_up(node: LogframeNode, code: str) -> None:
    impact = LogframeNode(id="i", level=L.IMPACT, statement="总目标")
    with pytest.raises(ValidationError) as info:
        Logframe(nodes=(impact, node))
    assert info.value.errors()[0]["type"] == code


def test_an_edit_that_drops_a_referenced_phase_is_refused_at_the_edit() -> None:
    plan = plan_template("community_annual").work_plan(id="y", start=date(2025, 1, 1))
    # the duty "visits" belongs to phase "impl": removing the phases used to pass and
    # make schedule() fail later with a bare KeyError
    edits: list[Callable[[], WorkPlan]] = [
        lambda: plan.model_copy(update={"phases": ()}),
        lambda: replace(plan, phases=()),
    ]
    for edit in edits:
        with pytest.raises(ValidationError) as info:
            edit()
        error = info.value.errors()[0]
        assert (error["type"], error["loc"]) == ("unknown_reference", ("duties", 0, "phase_id"))


def test_a_plan_ends_by_2199() -> None:
    year = (Phase(id="y", name="全年", first_month=1, last_month=12),)
    last = WorkPlan(id="p", title="t", overall_goal="g", start=date(2199, 1, 1), phases=year)
    assert last.period.end == date(2199, 12, 31)
    with pytest.raises(ValidationError) as info:
        replace(last, start=date(2199, 1, 2))
    error = info.value.errors()[0]
    assert (error["type"], error["loc"]) == ("date_out_of_range", ("start",))
    assert "2200-01-01" in error["msg"]
