"""Goal attainment scaling: gasr's published examples, hand-worked figures and properties."""

from __future__ import annotations

import math
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from socialwork.errors import ArgumentError, EvaluationInputError
from socialwork.evaluation import GoalScaling, goal_attainment_tscore, mean_gas_tscore
from socialwork.models import Case, CaseStatus, Closure, ClosureOutcome


def test_the_published_examples_of_gasr() -> None:
    assert goal_attainment_tscore([-2, 0, -1, 2, 0, 1], [3, 5, 1, 4, 2, 6]).tscore == 55.0
    assert goal_attainment_tscore([2, 2, 2]).tscore == pytest.approx(77.38613, abs=5e-6)
    assert goal_attainment_tscore([0, 1, 1]).tscore == pytest.approx(59.12871, abs=5e-6)


def test_hand_worked() -> None:
    # one goal at +1 with rho 0: 50 + 10 x 1 / 1 = 60
    assert goal_attainment_tscore([1], rho=0).tscore == 60
    # two goals at -1 and +2, weights 1 and 1, rho 0.3: 50 + 10 / sqrt(0.7 x 2 + 0.3 x 4)
    assert goal_attainment_tscore([-1, 2]).tscore == pytest.approx(50 + 10 / math.sqrt(2.6))


def test_missing_scores_are_left_out_and_listed() -> None:
    t = goal_attainment_tscore([1, None, 0], [2, 9, 1])
    assert t.missing == (1,)
    assert t.tscore == goal_attainment_tscore([1, 0], [2, 1]).tscore
    assert goal_attainment_tscore([None, None]).tscore is None
    assert goal_attainment_tscore([]).tscore is None


def test_refusals() -> None:
    with pytest.raises(EvaluationInputError) as caught:
        goal_attainment_tscore([3])
    assert caught.value.rule == "gas_level"
    with pytest.raises(EvaluationInputError) as caught:
        goal_attainment_tscore([1, 0], [1])
    assert caught.value.rule == "length_mismatch"
    with pytest.raises(ArgumentError):
        goal_attainment_tscore([1], [0])
    with pytest.raises(ArgumentError):
        goal_attainment_tscore([1], rho=1)
    with pytest.raises(ValidationError, match="gas_levels"):
        GoalScaling(case_id="k", goal_id="g", levels=("a", "b"))


weights = st.floats(min_value=0.1, max_value=100)


@given(st.lists(weights, min_size=1, max_size=10), st.floats(0, 0.99))
def test_fifty_when_every_goal_is_met_as_expected(w: list[float], rho: float) -> None:
    assert goal_attainment_tscore([0] * len(w), w, rho=rho).tscore == 50


@given(
    st.lists(st.tuples(st.integers(-2, 2), weights), min_size=1, max_size=10), st.floats(0, 0.99)
)
def test_mirrored_levels_mirror_the_tscore(goals: list[tuple[int, float]], rho: float) -> None:
    scores, w = [s for s, _ in goals], [x for _, x in goals]
    up = goal_attainment_tscore(scores, w, rho=rho).tscore
    down = goal_attainment_tscore([-s for s in scores], w, rho=rho).tscore
    assert up is not None
    assert down is not None
    assert up - 50 == pytest.approx(50 - down)


def closed(id: str, on: date) -> Case:
    return Case(
        id=id, client_id="p" + id, worker_id="s1", opened_on=date(2025, 1, 6),
        status=CaseStatus.CLOSED,
        closure=Closure(closed_on=on, outcome=ClosureOutcome.GOALS_ACHIEVED),
    )  # fmt: skip


def test_mean_of_closed_cases() -> None:
    cases = [
        closed("k1", date(2025, 5, 1)),
        closed("k2", date(2025, 6, 2)),
        closed("k3", date(2025, 8, 1)),  # still open on 30 June
        Case(id="k4", client_id="p4", worker_id="s1", opened_on=date(2025, 2, 1)),
        closed("k5", date(2025, 6, 9)),  # closed, no scores
    ]
    scalings = [
        GoalScaling(case_id="k1", goal_id="g1", score=1, weight=2),
        GoalScaling(case_id="k1", goal_id="g2", score=0),
        GoalScaling(case_id="k2", goal_id="g1", score=-1),
        GoalScaling(case_id="k3", goal_id="g1", score=2),
        GoalScaling(case_id="k5", goal_id="g1"),
    ]
    m = mean_gas_tscore(cases, scalings, as_of=date(2025, 6, 30))
    k1 = goal_attainment_tscore([1, 0], [2, 1]).tscore
    assert k1 is not None
    assert m.cases == (("k1", k1), ("k2", 40.0))
    assert m.unscored == ("k5",)
    assert m.mean == pytest.approx((k1 + 40) / 2)
    assert "k5" in m.to_text("en")
    assert m.to_rows()[-1] == {"case_id": "k5", "tscore": None}
