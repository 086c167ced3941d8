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


def test_a_template_is_edited_by_copying() -> None:
    template = plan_template(PlanKind.YOUTH)
    edited = replace(template, goals=template.goals[:1])
    assert len(edited.goals) == 1
    assert len(plan_template(PlanKind.YOUTH).goals) == 4
