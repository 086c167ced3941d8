"""Tests of socialwork.plans.checks."""

from __future__ import annotations

from datetime import date

import pytest

from socialwork.analysis import (
    RiskScore,
)
from socialwork.errors import (
    ArgumentError,
    UnknownLanguageError,
)
from socialwork.plans import (
    PlanGoal,
    check_goal,
    plan_template,
    risk_catalog,
)
from socialwork.plans.checks import Finding, FindingCode


@pytest.mark.parametrize("staff", [-1, 10**10])
def test_staff_available_is_a_count(staff: int) -> None:
    goal = PlanGoal(id="g", statement="扩大覆盖")
    with pytest.raises(ArgumentError) as info:
        check_goal(goal, staff_available=staff)
    assert info.value.parameter == "staff_available"
    with pytest.raises(ArgumentError):
        check_goal(goal, staff_available=True)


def test_rendered_text_takes_every_language_alias() -> None:
    finding = Finding(FindingCode.NO_DEADLINE, "g1")
    assert finding.message("zh-Hant") == finding.message("zh_TW") == "g1: 目標沒有時間限制"
    assert finding.message("en-US") == "g1: Goal has no time limit"
    with pytest.raises(UnknownLanguageError):
        finding.message("fr")
    entry = risk_catalog("youth")[0]
    risk = entry.as_risk(id="r", inherent=RiskScore(likelihood=2, impact=2), language="EN")
    assert risk.title == "Young people take little part"
    with pytest.raises(UnknownLanguageError):
        entry.as_risk(id="r", inherent=RiskScore(likelihood=2, impact=2), language="de")
    plan = plan_template("outreach").work_plan(id="o", start=date(2025, 1, 1), language="zh_CN")
    assert plan.title == "社会工作新媒体宣传推广计划"
