"""Evaluation records: rules, JSON round trip, and citing them from a plan review."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from pydantic import ValidationError

from socialwork.evaluation import Evaluation, EvaluationKind, Evaluator, Finding, evaluations_for
from socialwork.models import Period
from tests.strategies import evaluations

SPRING = Period(start=date(2025, 3, 1), end=date(2025, 5, 31))


def test_a_third_party_outcome_evaluation() -> None:
    e = Evaluation(
        id="e1", kind=EvaluationKind.OUTCOME, evaluator=Evaluator.THIRD_PARTY, period=SPRING,
        completed_on=date(2025, 6, 20), plan_id="elderly", goal_ids=("mood",),
        findings=(Finding(text="四成组员康复", goal_id="mood"),),
    )  # fmt: skip
    assert (e.kind, e.evaluator) == (EvaluationKind.OUTCOME, Evaluator.THIRD_PARTY)
    assert e.evaluator.label("zh-Hant") == "第三方評估"


def test_rules() -> None:
    with pytest.raises(ValidationError, match="finding_goal_unknown"):
        Evaluation(
            id="e",
            kind=EvaluationKind.PROCESS,
            evaluator=Evaluator.INTERNAL,
            period=SPRING,
            completed_on=date(2025, 6, 1),
            findings=(Finding(text="x", goal_id="g"),),
        )
    with pytest.raises(ValidationError, match="completed_before_period"):
        Evaluation(id="e", kind=EvaluationKind.PROCESS, evaluator=Evaluator.INTERNAL, period=SPRING,
                   completed_on=date(2025, 2, 1))  # fmt: skip


def test_a_review_cites_the_plans_evaluations_completed_by_its_day() -> None:
    def ev(id: str, plan: str, on: date) -> Evaluation:
        return Evaluation(
            id=id,
            kind=EvaluationKind.OUTCOME,
            evaluator=Evaluator.INTERNAL,
            period=SPRING,
            completed_on=on,
            plan_id=plan,
        )

    found = [
        ev("late", "p", date(2026, 1, 5)),
        ev("b", "p", date(2025, 9, 1)),
        ev("a", "p", date(2025, 6, 1)),
        ev("x", "q", date(2025, 6, 1)),
    ]
    assert [e.id for e in evaluations_for(found, "p", as_of=date(2025, 12, 31))] == ["a", "b"]


@given(evaluations())
def test_round_trips_through_json(e: Evaluation) -> None:
    assert Evaluation.model_validate_json(e.model_dump_json()) == e


def test_a_review_cites_an_evaluation_completed_on_its_day_and_ties_go_by_id() -> None:
    def ev(id: str, on: date) -> Evaluation:
        return Evaluation(
            id=id,
            kind=EvaluationKind.PROCESS,
            evaluator=Evaluator.INTERNAL,
            period=SPRING,
            completed_on=on,
            plan_id="p",
        )

    found = [ev("z", date(2025, 6, 1)), ev("y", date(2025, 12, 31)), ev("a", date(2025, 6, 1))]
    cited = evaluations_for(found, "p", as_of=date(2025, 12, 31))
    assert [e.id for e in cited] == ["a", "z", "y"]


def test_citing_refusals_name_the_argument() -> None:
    with pytest.raises(TypeError, match=r"^as_of must be a datetime.date"):
        evaluations_for([], "p", as_of="2025-12-31")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^plan_id must be a str"):
        evaluations_for([], 7, as_of=date(2025, 12, 31))  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^evaluations\[0\] must be a Evaluation"):
        evaluations_for([SPRING], "p", as_of=date(2025, 12, 31))  # type: ignore[list-item]
