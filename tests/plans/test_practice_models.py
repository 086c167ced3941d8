"""Tests of socialwork.plans.practice_models."""

from __future__ import annotations

import pytest

from socialwork.plans import (
    GoalKind,
    PracticeModel,
    practice_model,
)


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
