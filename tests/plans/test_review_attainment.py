"""Plan goals scored on their attainment scales, and evaluations cited by a review.

Figures worked by hand: T = 50 + 10·Σwx / √(0.7·Σw² + 0.3·(Σw)²), and the
published gasr example (weights 3, 5, 1, 4, 2, 6; scores −2, 0, −1, 2, 0, 1
give 55.0).
"""

from __future__ import annotations

import math
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from socialwork.errors import EvaluationInputError, PlanningInputError, UnknownCodeError
from socialwork.evaluation import (
    AttainmentScale,
    Evaluation,
    EvaluationKind,
    Evaluator,
    Finding,
    GoalScaling,
)
from socialwork.frames import to_frame
from socialwork.models import Period
from socialwork.plans import Milestone, MilestoneKind, PlanGoal, WorkPlan, milestone_review
from socialwork.plans import review_plan as review
from socialwork.plans.review_records import PlanReviewRecord

LEVELS = ("无人参加", "少于 6 人", "6 至 8 人", "9 至 11 人", "12 人以上")
YEAR_END = date(2025, 12, 31)


def _plan(*weights: float | None, plan_id: str = "p") -> WorkPlan:
    """A plan of one goal per weight; ``None`` for a goal without an attainment scale."""
    goals = tuple(
        PlanGoal(
            id=f"g{k}",
            statement=f"goal {k}",
            attainment_scale=None if w is None else AttainmentScale(levels=LEVELS, weight=w),
        )
        for k, w in enumerate(weights)
    )
    return WorkPlan(
        id=plan_id,
        title="测试计划",
        overall_goal="目标",
        start=date(2025, 1, 1),
        goals=goals,
        milestones=(
            Milestone(id="annual", name="年度评估", month=12, kind=MilestoneKind.ANNUAL_EVALUATION),
        ),
    )


def _evaluation(
    eid: str = "e1",
    *,
    plan_id: str | None = "p",
    completed_on: date = date(2025, 12, 15),
    kind: EvaluationKind = EvaluationKind.OUTCOME,
    evaluator: Evaluator = Evaluator.THIRD_PARTY,
) -> Evaluation:
    return Evaluation(
        id=eid,
        kind=kind,
        evaluator=evaluator,
        evaluator_name="区社会工作评估中心",
        title="年度第三方评估",
        period=Period(start=date(2025, 1, 1), end=date(2025, 11, 30)),
        completed_on=completed_on,
        plan_id=plan_id,
        goal_ids=("g0",),
        findings=(
            Finding(text="参与社区活动的老人增加 12 个百分点", goal_id="g0"),
            Finding(text="档案完整"),
        ),
    )


# --- the goals' attainment scales -----------------------------------------------------------


def test_a_plan_goal_and_a_case_goal_share_one_definition_of_a_level_set() -> None:
    assert issubclass(GoalScaling, AttainmentScale)
    goal = PlanGoal(id="g", statement="s", attainment_scale=AttainmentScale(levels=LEVELS))
    assert goal.attainment_scale is not None
    assert (goal.attainment_scale.weight, goal.attainment_scale.levels[0]) == (1.0, "无人参加")


@pytest.mark.parametrize("count", [1, 4])
def test_a_plan_goal_refuses_a_scale_of_other_than_five_levels(count: int) -> None:
    with pytest.raises(ValidationError) as caught:
        PlanGoal.model_validate(
            {"id": "g", "statement": "s", "attainment_scale": {"levels": LEVELS[:count]}}
        )
    error = caught.value.errors()[0]
    assert (error["type"], error["loc"]) == ("gas_levels", ("attainment_scale", "levels"))
    assert f"got {count}" in error["msg"]


def test_a_scale_names_itself_in_its_error() -> None:
    with pytest.raises(ValidationError) as caught:
        AttainmentScale(levels=("a", "b"))
    assert caught.value.title == "AttainmentScale"
    with pytest.raises(ValidationError) as caught:
        GoalScaling(case_id="k", goal_id="g", levels=("a", "b"))
    assert caught.value.title == "GoalScaling"


def test_the_published_weighted_example_through_a_plan() -> None:
    plan = _plan(3, 5, 1, 4, 2, 6)
    levels = dict(zip([g.id for g in plan.goals], [-2, 0, -1, 2, 0, 1], strict=True))
    tscore = review(plan, [], as_of=YEAR_END, attainment=levels).attainment
    assert tscore is not None
    assert tscore.tscore == pytest.approx(55.0, abs=1e-12)
    assert (tscore.weights, tscore.missing, tscore.rho) == ((3, 5, 1, 4, 2, 6), (), 0.3)


def test_goals_without_a_scale_are_not_in_the_tscore_and_unscored_ones_are_counted() -> None:
    # Scaled goals g1 (w 2, +1), g2 (w 1, 0) and g4 (w 1, unscored); g0 and g3 have no scale.
    # T = 50 + 10·2 / √(0.7·5 + 0.3·9) = 50 + 20 / √6.2 = 58.0322
    plan = _plan(None, 2, 1, None, 1)
    result = review(plan, [], as_of=YEAR_END, attainment={"g1": 1, "g2": 0, "g4": None})
    tscore = result.attainment
    assert tscore is not None
    assert tscore.tscore is not None
    assert tscore.tscore == pytest.approx(50 + 20 / math.sqrt(6.2))
    assert round(tscore.tscore, 4) == 58.0322
    assert (tscore.scores, tscore.missing) == ((1, 0, None), (2,))
    assert [g.attainment_level for g in result.goals] == [None, 1, 0, None, None]
    # A scaled goal the review leaves out is unscored, as one given None.
    left_out = review(plan, [], as_of=YEAR_END, attainment={"g1": 1, "g2": 0}).attainment
    assert left_out == tscore


def test_no_scale_no_tscore_and_no_score_no_value() -> None:
    assert review(_plan(None, None), [], as_of=YEAR_END).attainment is None
    unscored = review(_plan(1, 1), [], as_of=YEAR_END).attainment
    assert unscored is not None
    assert (unscored.tscore, unscored.missing) == (None, (0, 1))


def test_the_attainment_refuses_what_gas_refuses() -> None:
    plan = _plan(1, None)
    with pytest.raises(UnknownCodeError) as caught:
        review(plan, [], as_of=YEAR_END, attainment={"g1": 0})
    assert (caught.value.parameter, caught.value.value, caught.value.allowed) == (
        "attainment",
        "g1",
        ("g0",),
    )
    with pytest.raises(UnknownCodeError):
        review(plan, [], as_of=YEAR_END, attainment={"g9": 0})
    with pytest.raises(EvaluationInputError) as level:
        review(plan, [], as_of=YEAR_END, attainment={"g0": 3})
    assert (level.value.rule, level.value.value) == ("gas_level", 3)
    with pytest.raises(TypeError):
        review(plan, [], as_of=YEAR_END, attainment={"g0": True})
    with pytest.raises(TypeError, match="mapping"):
        review(plan, [], as_of=YEAR_END, attainment=[("g0", 1)])  # type: ignore[arg-type]


def test_the_rows_carry_the_level_and_weight_and_the_goals_tabulate_as_the_review() -> None:
    result = review(_plan(2, None), [], as_of=YEAR_END, attainment={"g0": -1})
    rows = result.to_rows()
    assert [(r["attainment_level"], r["attainment_weight"]) for r in rows] == [
        (-1, 2.0),
        (None, None),
    ]
    assert to_frame(result.goals).equals(to_frame(result))


@given(st.lists(st.floats(min_value=0.01, max_value=1000), min_size=1, max_size=8))
def test_goals_met_as_expected_score_fifty_whatever_their_weights(weights: list[float]) -> None:
    plan = _plan(*weights)
    tscore = review(plan, [], as_of=YEAR_END, attainment={g.id: 0 for g in plan.goals}).attainment
    assert tscore is not None
    assert tscore.tscore == pytest.approx(50.0)


@given(
    st.lists(st.integers(-2, 1), min_size=1, max_size=6),
    st.data(),
)
def test_raising_one_goal_a_level_raises_the_tscore(levels: list[int], data: st.DataObject) -> None:
    plan = _plan(*([1.0] * len(levels)))
    ids = [g.id for g in plan.goals]
    k = data.draw(st.integers(0, len(levels) - 1))
    raised = [*levels[:k], levels[k] + 1, *levels[k + 1 :]]
    low = review(plan, [], as_of=YEAR_END, attainment=dict(zip(ids, levels, strict=True)))
    high = review(plan, [], as_of=YEAR_END, attainment=dict(zip(ids, raised, strict=True)))
    assert low.attainment is not None
    assert high.attainment is not None
    assert low.attainment.tscore is not None
    assert high.attainment.tscore is not None
    assert high.attainment.tscore > low.attainment.tscore


# --- evaluations cited ------------------------------------------------------------------------


def test_a_year_end_review_cites_the_evaluations_oldest_first() -> None:
    plan = _plan(None)
    later, earlier = _evaluation("e2"), _evaluation("e1", completed_on=date(2025, 6, 30))
    result = milestone_review(plan, [], "annual", evaluations=[later, earlier])
    assert result.as_of == YEAR_END
    assert [e.id for e in result.evaluations] == ["e1", "e2"]
    assert (
        repr(result)
        == "PlanReview('p', 2025-12-31, month 12 (annual): 1 no_target; cites 2 evaluations)"
    )


def test_an_evaluation_completed_on_the_review_day_may_be_cited() -> None:
    cited = _evaluation(completed_on=YEAR_END)
    assert review(_plan(None), [], as_of=YEAR_END, evaluations=[cited]).evaluations == (cited,)


def test_an_evaluation_of_another_plan_is_refused() -> None:
    with pytest.raises(PlanningInputError) as caught:
        review(_plan(None), [], as_of=YEAR_END, evaluations=[_evaluation(plan_id="q")])
    err = caught.value
    assert (err.code, err.rule, err.value) == ("planning_input", "evaluation_of_other_plan", "q")
    assert str(err) == (
        "evaluation_of_other_plan: expected cited evaluation 'e1' of the reviewed plan 'p'; got 'q'"
    )
    with pytest.raises(PlanningInputError) as unplanned:
        review(_plan(None), [], as_of=YEAR_END, evaluations=[_evaluation(plan_id=None)])
    assert (unplanned.value.rule, unplanned.value.value) == ("evaluation_of_other_plan", None)


def test_an_evaluation_completed_after_the_review_is_refused() -> None:
    late = _evaluation(completed_on=date(2026, 1, 1))
    with pytest.raises(PlanningInputError) as caught:
        review(_plan(None), [], as_of=YEAR_END, evaluations=[late])
    err = caught.value
    assert (err.rule, err.value) == ("evaluation_after_review", date(2026, 1, 1))
    assert str(err) == (
        "evaluation_after_review: expected cited evaluation 'e1' completed on or before the "
        "review on 2025-12-31; got datetime.date(2026, 1, 1)"
    )
    # The mid-term review of the same plan cannot cite the year-end evaluation.
    with pytest.raises(PlanningInputError):
        review(_plan(None), [], as_of=date(2025, 6, 30), evaluations=[_evaluation()])


def test_an_evaluation_cited_twice_is_refused() -> None:
    with pytest.raises(PlanningInputError) as caught:
        review(_plan(None), [], as_of=YEAR_END, evaluations=[_evaluation(), _evaluation()])
    assert (caught.value.rule, caught.value.value) == ("duplicate_id", "e1")


def test_a_cited_evaluation_must_be_an_evaluation() -> None:
    with pytest.raises(TypeError):
        review(_plan(None), [], as_of=YEAR_END, evaluations=["e1"])  # type: ignore[list-item]


@given(st.permutations(["e1", "e2", "e3"]))
def test_the_order_evaluations_are_given_in_does_not_change_the_review(order: list[str]) -> None:
    days = {"e1": date(2025, 3, 1), "e2": date(2025, 9, 1), "e3": date(2025, 9, 1)}
    given_ = [_evaluation(e, completed_on=days[e]) for e in order]
    result = review(_plan(None), [], as_of=YEAR_END, evaluations=given_)
    assert [e.id for e in result.evaluations] == ["e1", "e2", "e3"]


# --- the document and the record ------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "zh",
            [
                "## 目标达成 T 分数",
                "| goal 0 | +1 | 2 |",
                "| goal 1 | — | 1 |",
                "T = 60.00 (ρ = 0.3); 未评分目标: 1",
                "## 引用的评估",
                "### 年度第三方评估 (e1)",
                "结果评估; 第三方评估 (区社会工作评估中心); 2025-01-01–2025-11-30; "
                "完成于 2025-12-15",
                "- goal 0: 参与社区活动的老人增加 12 个百分点",
                "- 档案完整",
            ],
        ),
        (
            "zh-Hant",
            [
                "## 目標達成 T 分數",
                "T = 60.00 (ρ = 0.3); 未評分目標: 1",
                "## 引用的評估",
                "結果評估; 第三方評估 (区社会工作评估中心); 2025-01-01–2025-11-30; "
                "完成於 2025-12-15",
            ],
        ),
        (
            "en",
            [
                "## Goal attainment T-score",
                "| Goal | Level | Weight |",
                "T = 60.00 (ρ = 0.3); goals without a score: 1",
                "## Evaluations cited",
                "Outcome evaluation; Third-party evaluation (区社会工作评估中心); "
                "2025-01-01–2025-11-30; completed on 2025-12-15",
            ],
        ),
    ],
)
def test_the_document_shows_the_tscore_and_the_evaluations_cited(
    language: str, expected: list[str]
) -> None:
    # One scored goal at +1 of weight 2, one unscored: T = 50 + 10·2·1 / √(0.7·4 + 0.3·4) = 60.
    result = review(
        _plan(2, 1), [], as_of=YEAR_END, attainment={"g0": 1}, evaluations=[_evaluation()]
    )
    lines = result.to_markdown(language).splitlines()
    for line in expected:
        assert line in lines


def test_a_process_evaluation_without_findings_says_so() -> None:
    quiet = Evaluation(
        id="e9",
        kind=EvaluationKind.PROCESS,
        evaluator=Evaluator.INTERNAL,
        period=Period.month(2025, 6),
        completed_on=date(2025, 7, 2),
        plan_id="p",
    )
    text = review(_plan(None), [], as_of=YEAR_END, evaluations=[quiet]).to_markdown("en")
    assert "### e9" in text.splitlines()
    assert "Process evaluation; Internal evaluation; 2025-06; completed on 2025-07-02" in text
    assert "No findings recorded" in text


def test_without_scales_or_citations_the_document_is_as_before() -> None:
    document = review(_plan(None), [], as_of=YEAR_END).to_document("en")
    assert [type(b).__name__ for b in document.blocks] == ["Heading", "Paragraph", "Table", "Chart"]


def test_the_record_keeps_the_scales_levels_and_evaluations_and_round_trips() -> None:
    result = review(
        _plan(2, None), [], as_of=YEAR_END, attainment={"g0": 1}, evaluations=[_evaluation()]
    )
    record = result.to_record()
    assert record.evaluations == (_evaluation(),)
    assert record.goals[0].attainment_scale == AttainmentScale(levels=LEVELS, weight=2)
    assert (record.goals[0].attainment_level, record.goals[1].attainment_level) == (1, None)
    assert PlanReviewRecord.model_validate_json(record.model_dump_json()) == record


@pytest.mark.parametrize(
    ("evaluation", "rule"),
    [
        (_evaluation(plan_id="q"), "evaluation_of_other_plan"),
        (_evaluation(completed_on=date(2026, 1, 2)), "evaluation_after_review"),
    ],
)
def test_the_record_holds_the_same_citation_rules(evaluation: Evaluation, rule: str) -> None:
    with pytest.raises(ValidationError) as caught:
        PlanReviewRecord(
            plan_id="p", title="t", as_of=YEAR_END, months_elapsed=12, evaluations=(evaluation,)
        )
    error = caught.value.errors()[0]
    assert (error["type"], error["loc"]) == (rule, ("evaluations", 0))
    assert "expected cited evaluation 'e1'" in error["msg"]


def test_the_record_refuses_an_evaluation_cited_twice() -> None:
    with pytest.raises(ValidationError) as caught:
        PlanReviewRecord(
            plan_id="p",
            title="t",
            as_of=YEAR_END,
            months_elapsed=12,
            evaluations=(_evaluation(), _evaluation()),
        )
    assert caught.value.errors()[0]["type"] == "duplicate_id"


def test_the_record_lists_every_broken_citation_at_once() -> None:
    with pytest.raises(ValidationError) as caught:
        PlanReviewRecord(
            plan_id="p",
            title="t",
            as_of=YEAR_END,
            months_elapsed=12,
            evaluations=(
                _evaluation("e1", plan_id="q"),
                _evaluation("e2", completed_on=date(2026, 3, 1)),
            ),
        )
    assert [(e["type"], e["loc"]) for e in caught.value.errors()] == [
        ("evaluation_of_other_plan", ("evaluations", 0)),
        ("evaluation_after_review", ("evaluations", 1)),
    ]
