"""Goal attainment scaling: gasr's published examples, hand-worked figures and properties."""

from __future__ import annotations

import math
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from socialwork.display.document import Heading, Paragraph, Table
from socialwork.errors import ArgumentError, EvaluationInputError
from socialwork.evaluation import (
    GasTScore,
    GoalScaling,
    MeanTScore,
    goal_attainment_tscore,
    mean_gas_tscore,
)
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


# goals +1 (weight 2), unscored (1), -2 (0.5), 0 (1): Σwx = 2 - 1 + 0 = 1, Σw = 3.5,
# Σw² = 5.25, so T = 50 + 10 / √(0.7 x 5.25 + 0.3 x 3.5²) = 50 + 10 / √7.35 = 53.69
FOUR = ([1, None, -2, 0], [2, 1, 0.5, 1])
ROWS = (("1", "+1", "2"), ("2", "—", "1"), ("3", "-2", "0.5"), ("4", "+0", "1"))


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "zh",
            (
                Heading("目标达成 T 分数"),
                Table(("目标", "达成等级", "权重"), ROWS),
                Paragraph("T = 53.69 (ρ = 0.3); 未评分目标: 1"),
            ),
        ),
        (
            "en",
            (
                Heading("Goal attainment T-score"),
                Table(("Goal", "Level", "Weight"), ROWS),
                Paragraph("T = 53.69 (ρ = 0.3); goals without a score: 1"),
            ),
        ),
        (
            "zh-Hant",
            (
                Heading("目標達成 T 分數"),
                Table(("目標", "達成等級", "權重"), ROWS),
                Paragraph("T = 53.69 (ρ = 0.3); 未評分目標: 1"),
            ),
        ),
    ],
)
def test_a_tscore_reads_in_each_language(
    language: str, expected: tuple[Heading | Table | Paragraph, ...]
) -> None:
    assert goal_attainment_tscore(*FOUR).to_document(language).blocks == expected


def test_a_tscore_reads_in_simplified_chinese_by_default_and_n_a_without_scores() -> None:
    t = goal_attainment_tscore(*FOUR)
    assert t.to_document() == t.to_document("zh-Hans")
    none = goal_attainment_tscore([None], rho=0.25).to_document("en").blocks[2]
    assert none == Paragraph("T = n/a (ρ = 0.25); goals without a score: 1")


def test_a_tscore_is_one_row_per_goal() -> None:
    t = 50 + 10 / math.sqrt(7.35)
    rows = goal_attainment_tscore(*FOUR).to_rows()
    assert rows == [
        {"goal": 1, "score": 1, "weight": 2.0, "tscore": pytest.approx(t), "rho": 0.3},
        {"goal": 2, "score": None, "weight": 1.0, "tscore": pytest.approx(t), "rho": 0.3},
        {"goal": 3, "score": -2, "weight": 0.5, "tscore": pytest.approx(t), "rho": 0.3},
        {"goal": 4, "score": 0, "weight": 1.0, "tscore": pytest.approx(t), "rho": 0.3},
    ]


def test_a_tscore_keeps_its_inputs() -> None:
    t = goal_attainment_tscore([1, None], rho=0.5)
    assert (t.scores, t.weights, t.rho, t.missing) == ((1, None), (1.0, 1.0), 0.5, (1,))
    with pytest.raises(EvaluationInputError) as caught:
        GasTScore(None, (1, 2), (1.0,), 0.3, ())
    assert (caught.value.rule, caught.value.value) == ("length_mismatch", 1)
    assert caught.value.expected == "one weight per goal (2)"


def test_tscore_refusals_say_what_arrived() -> None:
    for level in (3, -3):
        with pytest.raises(EvaluationInputError) as caught:
            goal_attainment_tscore([0, level])
        assert (caught.value.value, caught.value.expected) == (level, "a level from -2 to +2")
    assert goal_attainment_tscore([2, -2], rho=0).tscore == 50
    with pytest.raises(EvaluationInputError) as caught:
        goal_attainment_tscore([1, 0], [1, 2, 3])
    assert (caught.value.value, caught.value.expected) == (3, "one weight per goal (2)")
    with pytest.raises(TypeError, match=r"^scores must be a sequence of ints$"):
        goal_attainment_tscore("12")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^a goal score must be an int or None; got bool$"):
        goal_attainment_tscore([True])
    with pytest.raises(TypeError, match=r"^a goal score must be an int or None; got float$"):
        goal_attainment_tscore([1.0])  # type: ignore[list-item]
    with pytest.raises(TypeError, match=r"^weights must be a sequence of numbers$"):
        goal_attainment_tscore([1, 2], "12")  # type: ignore[arg-type]
    for weight in (1e-10, 1e6 + 1):
        with pytest.raises(ArgumentError) as bad:
            goal_attainment_tscore([1], [weight])
        assert bad.value.parameter == "weights"
    for rho in (-0.01, 1.0):
        with pytest.raises(ArgumentError) as bad:
            goal_attainment_tscore([1], rho=rho)
        assert bad.value.parameter == "rho"


def test_a_single_goal_scores_its_level_whatever_its_weight() -> None:
    # one goal x with weight w: 50 + 10·w·x / √((1 − ρ)·w² + ρ·w²) = 50 + 10·x
    for weight in (1e-9, 1.0, 1e6):
        assert goal_attainment_tscore([1], [weight]).tscore == pytest.approx(60)
        assert goal_attainment_tscore([-2], [weight], rho=0.9999).tscore == pytest.approx(30)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "zh",
            (
                Heading("已结案个案的平均目标达成 T 分数"),
                Paragraph("47.5 (2 个个案, 截至 2025-06-30, ρ = 0.3)"),
                Paragraph("没有评分目标的已结案个案: k5, k6"),
            ),
        ),
        (
            "en",
            (
                Heading("Mean GAS T-score of closed cases"),
                Paragraph("47.5 (2 cases closed by 2025-06-30, ρ = 0.3)"),
                Paragraph("Closed cases without scored goals: k5, k6"),
            ),
        ),
        (
            "zh-Hant",
            (
                Heading("已結案個案的平均目標達成 T 分數"),
                Paragraph("47.5 (2 個個案, 截至 2025-06-30, ρ = 0.3)"),
                Paragraph("沒有評分目標的已結案個案: k5, k6"),
            ),
        ),
    ],
)
def test_a_mean_tscore_reads_in_each_language(
    language: str, expected: tuple[Heading | Paragraph, ...]
) -> None:
    m = MeanTScore(47.5, (("k1", 55.0), ("k2", 40.0)), ("k5", "k6"), date(2025, 6, 30), 0.3)
    assert m.to_document(language).blocks == expected


def test_a_mean_without_cases_reads_n_a_and_lists_nobody() -> None:
    m = MeanTScore(None, (), (), date(2025, 6, 30), 0.25)
    assert m.to_document() == m.to_document("zh-Hans")
    assert m.to_document("en").blocks == (
        Heading("Mean GAS T-score of closed cases"),
        Paragraph("n/a (0 cases closed by 2025-06-30, ρ = 0.25)"),
    )
    assert m.to_rows() == []


def test_a_mean_tscore_is_one_row_per_closed_case() -> None:
    m = MeanTScore(47.5, (("k1", 55.0), ("k2", 40.0)), ("k5", "k6"), date(2025, 6, 30), 0.3)
    assert m.to_rows() == [
        {"case_id": "k1", "tscore": 55.0},
        {"case_id": "k2", "tscore": 40.0},
        {"case_id": "k5", "tscore": None},
        {"case_id": "k6", "tscore": None},
    ]


def test_the_mean_counts_cases_closed_by_the_day_with_the_rho_asked() -> None:
    cases = [
        closed("k2", date(2025, 6, 30)),  # closed on the day itself
        closed("k1", date(2025, 5, 1)),
        Case(id="k9", client_id="p9", worker_id="s1", opened_on=date(2025, 7, 1)),  # not yet
    ]
    scalings = [
        GoalScaling(case_id="k1", goal_id="g2", score=0),
        GoalScaling(case_id="k1", goal_id="g1", score=1, weight=2),
        GoalScaling(case_id="k2", goal_id="g1", score=-1),
        GoalScaling(case_id="k9", goal_id="g1", score=2),
    ]
    # with rho 0, k1 is 50 + 10 x 2 / √(4 + 1) = 58.94; k2 is 40
    m = mean_gas_tscore(cases, scalings, as_of=date(2025, 6, 30), rho=0)
    assert [c for c, _ in m.cases] == ["k1", "k2"]
    assert [t for _, t in m.cases] == pytest.approx([50 + 20 / math.sqrt(5), 40.0])
    assert m.mean == pytest.approx((50 + 20 / math.sqrt(5) + 40) / 2)
    assert (m.unscored, m.as_of, m.rho) == ((), date(2025, 6, 30), 0)
    assert mean_gas_tscore(cases, scalings, as_of=date(2025, 4, 30)).mean is None


def test_mean_refusals_name_the_argument() -> None:
    with pytest.raises(ArgumentError) as bad:
        mean_gas_tscore([], [], as_of=date(2025, 6, 30), rho=1)
    assert bad.value.parameter == "rho"
    with pytest.raises(TypeError, match=r"^as_of must be a datetime.date"):
        mean_gas_tscore([], [], as_of="2025-06-30")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^cases\[0\] must be a Case"):
        mean_gas_tscore([1], [], as_of=date(2025, 6, 30))  # type: ignore[list-item]
    with pytest.raises(TypeError, match=r"^scalings\[0\] must be a GoalScaling"):
        mean_gas_tscore([], [1], as_of=date(2025, 6, 30))  # type: ignore[list-item]


def test_a_level_after_an_unscored_goal_is_still_checked() -> None:
    with pytest.raises(EvaluationInputError) as caught:
        goal_attainment_tscore([None, 3])
    assert caught.value.value == 3


def test_a_case_opened_and_closed_on_the_day_counts_and_one_without_scalings_is_unscored() -> None:
    day = date(2025, 6, 30)
    same_day = Case(
        id="k1", client_id="p1", worker_id="s1", opened_on=day, status=CaseStatus.CLOSED,
        closure=Closure(closed_on=day, outcome=ClosureOutcome.GOALS_ACHIEVED),
    )  # fmt: skip
    m = mean_gas_tscore(
        [same_day, closed("k2", date(2025, 6, 1))],
        [GoalScaling(case_id="k1", goal_id="g1", score=2)],
        as_of=day,
    )
    assert m.cases == (("k1", 70.0),)
    assert m.unscored == ("k2",)
