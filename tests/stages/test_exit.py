"""Tests of socialwork.stages.exit."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialwork._arguments import MAX_COUNT
from socialwork.errors import (
    ArgumentError,
)
from socialwork.models import (
    BilingualText,
    ProfileAspect,
)
from socialwork.records import replace
from socialwork.stages import (
    Engagement,
    EvaluationEvidence,
    PreparationEvidence,
    Stage,
    StagePolicy,
    check_exit,
    stage_warnings,
)
from socialwork.stages.cautions import Caution, StageWarning
from socialwork.stages.evidence import MAX_MEASURE, MAX_RATIO
from socialwork.stages.exit import Comparison, CriterionResult, ExitCriterion
from tests.stages.support import EVIDENCE, PROPERTY_CONTRACT, at
from tests.strategies import EVIDENCE_BY_STAGE, engagements, stage_policies
from tests.support import exit_check


def test_an_exit_check_is_one_row_per_criterion() -> None:
    rows = exit_check().to_rows()
    assert [(r["criterion"], r["measured"], r["threshold"], r["met"]) for r in rows] == [
        ("summary_written", 1.0, 1.0, True),
        ("qualitative_evidence", 4.0, 1.0, True),
        ("quantitative_evidence", 0.0, 1.0, False),
        ("next_cycle_plan", 1.0, 1.0, True),
    ]
    assert {r["stage"] for r in rows} == {"evaluation"}


@PROPERTY_CONTRACT
@given(engagements(), st.data(), stage_policies)
def test_no_measure_or_warning_is_ever_nan(
    engagement: Engagement, data: st.DataObject, policy: StagePolicy
) -> None:
    evidence = data.draw(EVIDENCE_BY_STAGE[engagement.stage])
    for result in check_exit(engagement, evidence, policy).criteria:
        assert result.measured is None or result.measured == result.measured
    for warning in stage_warnings(engagement, evidence, policy):
        assert warning.measured == warning.measured
        assert warning.threshold == warning.threshold
        assert warning.stage is engagement.stage
        assert "nan" not in warning.message("en")


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -1, MAX_MEASURE + 1, 2**63])
def test_a_result_refuses_a_measure_no_check_could_produce(bad: float) -> None:
    text = BilingualText.of("只有数字", "Numbers only")
    with pytest.raises(ArgumentError) as info:
        CriterionResult(ExitCriterion.LEADERS_TRAINED, bad, 5, Comparison.AT_LEAST, False)
    assert info.value.parameter == "measured"
    with pytest.raises(ArgumentError) as info:
        CriterionResult(ExitCriterion.LEADERS_TRAINED, 3, bad, Comparison.AT_LEAST, False)
    assert info.value.parameter == "threshold"
    with pytest.raises(ArgumentError) as info:
        StageWarning(Caution.ONLY_NUMBERS, Stage.EVALUATION, 0.0, bad, text)
    assert info.value.parameter == "threshold"
    with pytest.raises(ArgumentError) as info:
        StageWarning(Caution.ONLY_NUMBERS, Stage.EVALUATION, bad, 0.2, text)
    assert info.value.parameter == "measured"


def test_a_result_keeps_undefined_shares_and_required_flags() -> None:
    undefined = CriterionResult(
        ExitCriterion.HOUSEHOLDS_KNOWN, None, 0.3, Comparison.AT_LEAST, False
    )
    assert str(undefined) == "households_known: undefined (at least 0.3)"
    required = CriterionResult(ExitCriterion.COMMUNITY_PLAN, False, True, Comparison.IS, False)
    assert str(required) == "community_plan: False (must be True)"
    # the largest threshold a policy can produce: a ratio of 1,000 times a billion requests
    assert MAX_MEASURE == MAX_RATIO * MAX_COUNT == 10**12


def test_an_exit_check_keeps_what_it_judged() -> None:
    evidence = EVIDENCE[3]
    policy = StagePolicy(min_quantitative_indicators=6)
    check = check_exit(at(Stage.EVALUATION), evidence, policy)
    assert (check.stage, check.evidence, check.policy) == (Stage.EVALUATION, evidence, policy)
    # a written summary, 5 qualitative sources of at least 1, 5 quantitative of at least 6, a plan
    assert [str(c) for c in check.criteria] == [
        "summary_written: True (must be True)",
        "qualitative_evidence: 5 (at least 1)",
        "quantitative_evidence: 5 (at least 6)",
        "next_cycle_plan: True (must be True)",
    ]
    assert [c.criterion for c in check.criteria] == [
        ExitCriterion.SUMMARY_WRITTEN,
        ExitCriterion.QUALITATIVE_EVIDENCE,
        ExitCriterion.QUANTITATIVE_EVIDENCE,
        ExitCriterion.NEXT_CYCLE_PLAN,
    ]
    assert [c.code for c in check.unmet] == ["quantitative_evidence"]


def test_a_required_flag_that_is_false_is_shown_as_such() -> None:
    evidence = replace(EVIDENCE[0], community_plan=False)
    (plan,) = check_exit(at(Stage.PREPARATION), evidence).unmet
    assert (plan.measured, plan.threshold, plan.comparison, plan.met) == (
        False,
        True,
        Comparison.IS,
        False,
    )
    assert str(plan) == "community_plan: False (must be True)"
    assert plan.description() == "已按成文计划系统地进入社区"
    assert plan.description("en") == "The worker entered the community through a written plan"


def test_an_exit_check_reads_as_its_verdict_and_criteria_in_each_language() -> None:
    evaluation = Engagement(community_id="c1", stage=Stage.EVALUATION, entered_on=date(2025, 11, 1))
    check = check_exit(
        evaluation,
        EvaluationEvidence(
            summary_written=True,
            qualitative_sources=4,
            quantitative_indicators=0,
            next_cycle_plan=True,
        ),
    )
    assert check.to_markdown("en").splitlines() == [
        "## Stage exit check: Evaluation — exit criteria not yet met",
        "",
        "| Criterion | Measured | Required | Met |",
        "|---|---|---|---|",
        "| Past work is summed up in writing | yes | must be yes | yes |",
        "| The summary draws on qualitative evidence | 4 | at least 1 | yes |",
        "| The summary draws on quantitative evidence | 0 | at least 1 | no |",
        "| The next cycle is planned | yes | must be yes | yes |",
    ]
    assert check.to_markdown("zh").splitlines()[0] == "## 阶段退出检查: 评估 — 尚未满足退出条件"
    assert check.to_markdown("zh").splitlines()[2:7] == [
        "| 条件 | 实际 | 要求 | 满足 |",
        "|---|---|---|---|",
        "| 以往工作已有书面总结 | 是 | 须为 是 | 是 |",
        "| 总结用到定性资料 | 4 | 不少于 1 | 是 |",
        "| 总结用到定量资料 | 0 | 不少于 1 | 否 |",
    ]


def test_shares_read_as_percents_and_an_undefined_share_as_a_dash() -> None:
    preparation = Engagement(community_id="c1", entered_on=date(2025, 1, 6))
    evidence = PreparationEvidence(
        community_plan=True,
        profile_aspects=frozenset(ProfileAspect),
        households=1200,
        households_known=700,
        common_issues_raised=3,
        organisations=12,
        organisations_mapped=10,
        events_held=2,
    )
    lines = check_exit(preparation, evidence).to_markdown("zh-Hant").splitlines()
    # 700 of 1200 households is 58.3%; 10 of 12 organisations 83.3%.
    assert lines[0] == "## 階段退出檢查: 準備 — 已滿足全部退出條件"
    assert lines[2] == "| 條件 | 實際 | 要求 | 滿足 |"
    assert lines[6] == "| 認識和熟悉足夠多的居民家庭 | 58.3% | 不少於 30.0% | 是 |"
    assert (
        lines[8] == "| 清楚本地政府機構、駐區單位和社會團體的運作方式 | 83.3% | 不少於 80.0% | 是 |"
    )
    unknown = check_exit(
        preparation, evidence.model_copy(update={"households": 0, "households_known": 0})
    )
    assert "| — |" in unknown.to_markdown("en")


def test_an_exit_checks_verdict_reads_in_each_language_whether_met_or_not() -> None:
    preparation = Engagement(community_id="c1", entered_on=date(2025, 1, 6))
    evidence = PreparationEvidence(
        community_plan=True,
        profile_aspects=frozenset(ProfileAspect),
        households=1200,
        households_known=700,
        common_issues_raised=3,
        organisations=12,
        organisations_mapped=10,
        events_held=2,
    )
    met = check_exit(preparation, evidence)
    # no written plan: the first criterion fails, so the check does
    unmet = check_exit(preparation, replace(evidence, community_plan=False))
    assert met.passed
    assert not unmet.passed
    headings = {
        (language, check.passed): check.to_markdown(language).splitlines()[0]
        for language in ("zh", "en", "zh-Hant")
        for check in (met, unmet)
    }
    assert headings == {
        ("zh", True): "## 阶段退出检查: 准备 — 已满足全部退出条件",
        ("zh", False): "## 阶段退出检查: 准备 — 尚未满足退出条件",
        ("en", True): "## Stage exit check: Preparation — all exit criteria met",
        ("en", False): "## Stage exit check: Preparation — exit criteria not yet met",
        ("zh-Hant", True): "## 階段退出檢查: 準備 — 已滿足全部退出條件",
        ("zh-Hant", False): "## 階段退出檢查: 準備 — 尚未滿足退出條件",
    }
    assert met.to_markdown("en").splitlines()[2] == "| Criterion | Measured | Required | Met |"
    assert (
        unmet.to_markdown("zh-Hant").splitlines()[4]
        == "| 已按成文計劃系統地進入社區 | 否 | 須爲 是 | 否 |"
    )


def test_an_exit_check_tabulates_each_criterion() -> None:
    from socialwork.stages import PreparationEvidence

    # No households known of none: the share is undefined, so the row has no measured value.
    evidence = PreparationEvidence(
        community_plan=True,
        profile_aspects=frozenset(),
        households=0,
        households_known=0,
        common_issues_raised=2,
        organisations=4,
        organisations_mapped=1,
    )
    rows = check_exit(at(Stage.PREPARATION), evidence).to_rows()
    assert [sorted(row) for row in rows] == [
        ["comparison", "criterion", "measured", "met", "stage", "threshold"]
    ] * len(rows)
    by_criterion = {row["criterion"]: row for row in rows}
    assert by_criterion["households_known"]["measured"] is None
    assert by_criterion["households_known"]["comparison"] == "at_least"
    assert by_criterion["organisations_mapped"]["measured"] == 0.25  # 1 of 4
    assert by_criterion["community_plan"]["comparison"] == "is"
    assert by_criterion["community_plan"]["measured"] == 1.0
