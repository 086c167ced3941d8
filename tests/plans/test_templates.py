"""Tests of socialwork.plans.templates."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from socialwork.plans import (
    PlanKind,
    PracticeModel,
    plan_template,
    practice_model,
    risk_catalog,
    schedule,
)
from socialwork.records import replace


def test_reference_data_by_code() -> None:
    assert risk_catalog("youth") == risk_catalog(PlanKind.YOUTH)
    assert plan_template("elderly_home_care") is plan_template(PlanKind.ELDERLY_HOME_CARE)
    assert practice_model("community_care").model is PracticeModel.COMMUNITY_CARE


def test_duplicate_ids_in_a_template_are_refused() -> None:
    template = plan_template("youth")
    with pytest.raises(ValidationError) as info:
        replace(template, goals=template.goals + template.goals[:1])
    assert info.value.errors()[0]["type"] == "duplicate_id"


def test_the_schedule_takes_a_plan_and_a_period() -> None:
    plan = plan_template("youth").work_plan(id="y", start=date(2025, 1, 1))
    with pytest.raises(TypeError, match="within must be a Period"):
        schedule(plan, "2025")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="plan must be a WorkPlan"):
        schedule(plan_template("youth"), plan.period)  # type: ignore[arg-type]


def test_templates_carry_the_seed_targets() -> None:
    youth = {g.id: g.target for g in plan_template(PlanKind.YOUTH).goals}
    assert youth == {"emotion": "80%", "relations": "70%", "career": "60%", "family": "50%"}
    outreach = {g.id: g.target for g in plan_template(PlanKind.OUTREACH).goals}
    assert outreach["engagement"] == "3%"
    assert outreach["followers"] == "5000人"
    team = plan_template(PlanKind.TEAM_BUILDING)
    assert [(p.first_month, p.last_month) for p in team.phases] == [(1, 2), (3, 18), (19, 24)]


def test_the_team_template_keeps_the_team_plans_rhythm_and_roster() -> None:
    # 每月至少组织1次小型团队活动，每季度1次大型团建活动；每半年组织1次管理层领导力培训；
    # 建立内外部督导轮值表.
    team = plan_template(PlanKind.TEAM_BUILDING)
    every = {d.id: (d.recurrence.frequency.value, d.recurrence.interval) for d in team.duties}
    assert every == {
        "team": ("monthly", 1),
        "training": ("monthly", 3),
        "team_large": ("monthly", 3),
        "leadership": ("monthly", 6),
        "internal_supervision": ("monthly", 1),
        "external_supervision": ("monthly", 3),
    }
    plan = team.work_plan(id="t", start=date(2025, 1, 1))
    # The execution phase runs months 3-18: leadership training in months 3, 9 and 15.
    leadership = [o.on for o in schedule(plan, plan.period) if o.duty_id == "leadership"]
    assert leadership == [date(2025, 3, 1), date(2025, 9, 1), date(2026, 3, 1)]


def test_a_template_is_edited_by_copying() -> None:
    template = plan_template(PlanKind.YOUTH)
    edited = replace(template, goals=template.goals[:1])
    assert len(edited.goals) == 1
    assert len(plan_template(PlanKind.YOUTH).goals) == 4
