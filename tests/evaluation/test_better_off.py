"""The "better off" catalogue and its section of the monthly report, with figures worked by hand."""

from __future__ import annotations

import math
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from socialwork.evaluation import (
    GoalScaling,
    OutcomeRecords,
    better_off_section,
    reliable_improvement_rate,
)
from socialwork.evaluation.better_off import BETTER_OFF
from socialwork.metrics import monthly_report
from socialwork.models import Case, CaseStatus, Closure, ClosureOutcome, Period
from socialwork.records import replace
from socialwork.samples import MOOD_GROUP_END, MOOD_GROUP_START, outcome_month, station_month


def closed(key: str, on: date) -> Case:
    return Case(
        id=key, client_id="p" + key, worker_id="s1", opened_on=date(2025, 1, 6),
        status=CaseStatus.CLOSED,
        closure=Closure(closed_on=on, outcome=ClosureOutcome.GOALS_ACHIEVED),
    )  # fmt: skip


def bundle(**more: object) -> OutcomeRecords:
    return OutcomeRecords.model_validate(
        {
            "period": Period.month(2025, 6),
            "scale": "gds15",
            "service": Period(start=MOOD_GROUP_START, end=MOOD_GROUP_END),
            "reliability": 0.8,
            "sd": 3.0,
            **more,
        }
    )


def test_the_catalogue_holds_the_two_definitions_in_report_order() -> None:
    assert list(BETTER_OFF) == ["reliable_improvement", "mean_gas_tscore"]
    for entry in BETTER_OFF.values():
        assert len({entry.definition.name.text(x) for x in ("zh", "zh-Hant", "en")}) == 3


def test_junes_reliable_improvement_is_five_of_ten() -> None:
    """S_diff = √2 · 3.0 · √(1 − 0.8) = 1.897, so a change is reliable from |Δ| > 3.72.

    GDS-15 changes (after − before): e16 −5, e17 −4, e18 −5, e19 −1, e20 −6, e21 +1,
    e22 −2, e23 +4, e24 −8, e25 −2; e26 left without a follow-up. Reliably better
    (lower is better): e16, e17, e18, e20, e24; e23 reliably worse.
    """
    section = better_off_section(outcome_month())
    improvement, gas = section.lines
    assert str(improvement.value) == "50.0% (5/10)"
    assert gas.value is None  # no case of June's was closed by the 30th
    assert section.title.text("en") == "Is anyone better off?"


def test_follow_ups_count_from_the_period_in_which_they_were_given() -> None:
    """April's view: baselines on 3 March, follow-ups not until 28 May: no pair, no data."""
    april = replace(outcome_month(), period=Period.month(2025, 4))
    may = replace(outcome_month(), period=Period.month(2025, 5))
    line = better_off_section(may, april).lines[0]
    assert str(line.previous) == "n/a"
    assert str(line.value) == "50.0% (5/10)"
    assert line.change is None


def test_mean_gas_tscore_of_cases_closed_by_the_periods_end() -> None:
    """k1: 50 + 10·(2·1 + 1·0)/√(0.7·(4 + 1) + 0.3·3²) = 58.032; k2: 50 − 10/√1 = 40.

    k3 closes after June; k5 is closed without a score and left out.
    """
    outcomes = bundle(
        cases=(
            closed("k1", date(2025, 5, 1)),
            closed("k2", date(2025, 6, 2)),
            closed("k3", date(2025, 7, 1)),
            closed("k5", date(2025, 6, 9)),
        ),
        scalings=(
            GoalScaling(case_id="k1", goal_id="g1", score=1, weight=2),
            GoalScaling(case_id="k1", goal_id="g2", score=0),
            GoalScaling(case_id="k2", goal_id="g1", score=-1),
            GoalScaling(case_id="k3", goal_id="g1", score=2),
            GoalScaling(case_id="k5", goal_id="g1"),
        ),
    )
    k1 = 50 + 20 / math.sqrt(6.2)
    line = better_off_section(outcomes).lines[1]
    assert line.value == pytest.approx((k1 + 40) / 2)
    assert round(k1, 3) == 58.032
    assert line.definition.format(line.value, "en") == "49.0 T"


def test_without_records_there_is_no_data_rather_than_zero() -> None:
    section = better_off_section(bundle())
    assert [line.value for line in section.lines] == [None, None]
    assert [line.definition.format(line.value) for line in section.lines] == ["n/a", "n/a"]


def test_the_section_joins_the_monthly_report_in_three_languages() -> None:
    june = station_month()
    report = monthly_report(june, june.period, sections=[better_off_section(outcome_month())])
    assert str(report.line("reliable_improvement").value) == "50.0% (5/10)"
    row = next(r for r in report.to_rows() if r["code"] == "reliable_improvement")
    assert (row["numerator"], row["denominator"]) == (5, 10)
    assert "是否有人因此受益" in report.to_markdown("zh")
    assert "可靠改善的服務對象比例" in report.to_text("zh-Hant")
    assert "Clients reliably improved" in report.to_html("en")


def test_record_rules() -> None:
    given_twice = outcome_month().administrations[:1] * 2
    with pytest.raises(ValidationError, match="duplicate_id"):
        bundle(administrations=given_twice)
    with pytest.raises(ValidationError):
        bundle(reliability=1.0)
    with pytest.raises(ValidationError):
        bundle(sd=0.0)
    with pytest.raises(TypeError):
        better_off_section(station_month())  # type: ignore[arg-type]


@given(st.permutations(outcome_month().administrations))
def test_input_order_does_not_change_the_figures(order: list[object]) -> None:
    shuffled = replace(outcome_month(), administrations=tuple(order))
    assert better_off_section(shuffled) == better_off_section(outcome_month())


def test_refusals_name_the_argument() -> None:
    with pytest.raises(TypeError, match=r"^outcomes must be a OutcomeRecords; got Station"):
        better_off_section(station_month())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^previous must be a OutcomeRecords; got Station"):
        better_off_section(outcome_month(), station_month())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^change must be a ReliableChange; got OutcomeRecords"):
        reliable_improvement_rate(outcome_month())  # type: ignore[arg-type]
