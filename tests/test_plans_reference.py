"""Practice models and plan templates are complete bilingual reference data."""

from __future__ import annotations

import pytest

from socialwork.plans import (
    GoalKind,
    PlanKind,
    PracticeModel,
    plan_template,
    practice_model,
    risk_catalog,
)
from socialwork.records import replace


@pytest.mark.parametrize("model", list(PracticeModel))
def test_every_practice_model_is_described_in_both_languages(model: PracticeModel) -> None:
    profile = practice_model(model)
    assert profile.model is model
    for section in (profile.characteristics, profile.strategies, profile.roles):
        assert section
        assert all(text.zh and text.en for text in section)


def test_worker_roles_of_seed_003() -> None:
    roles = {m: [r.text() for r in practice_model(m).roles] for m in PracticeModel}
    assert roles[PracticeModel.LOCALITY_DEVELOPMENT] == ["使能者", "教育者", "中介者"]
    assert roles[PracticeModel.SOCIAL_PLANNING] == ["技术专家", "方案实施者"]
    assert roles[PracticeModel.SOCIAL_ACTION] == ["倡导者", "行动者", "教育者", "资源提供者"]
    assert "经纪人" in roles[PracticeModel.COMMUNITY_CARE]
    assert practice_model(PracticeModel.LOCALITY_DEVELOPMENT).emphasis is GoalKind.PROCESS


@pytest.mark.parametrize("kind", list(PlanKind))
def test_every_template_is_a_complete_skeleton(kind: PlanKind) -> None:
    template = plan_template(kind)
    assert template.kind is kind
    assert template.phases
    assert template.monitoring
    assert template.goals
    assert all(g.target for g in template.goals)
    assert template.risks == risk_catalog(kind)
    assert max(p.last_month for p in template.phases) == template.months


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
