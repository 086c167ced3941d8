"""Tests of socialwork.plans.plan_kinds."""

from __future__ import annotations

import pytest

from socialwork.plans import (
    PlanKind,
    plan_template,
    risk_catalog,
)


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
