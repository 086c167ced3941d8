"""Tests of socialwork.plans.measurements."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialwork.errors import ArgumentError
from socialwork.metrics import (
    Target,
    at_least,
    at_most,
    exactly,
    increase_by,
    monthly_report,
    rate,
)
from socialwork.models import Period
from socialwork.plans import (
    Measurement,
    measurements_from_reports,
    review_plan,
)
from socialwork.plans.measurements import MeasurementRecord
from socialwork.plans.review import GoalReview
from socialwork.records import replace
from socialwork.samples import station_month
from tests.plans.support import AIM_RESULTS, JUNE, MID, _plan_results
from tests.strategies import measurement_records


def _review(*found: Measurement, target: Target = AIM_RESULTS, as_of: date = MID) -> GoalReview:
    return review_plan(_plan_results(target), found, as_of=as_of).goals[0]


def test_exclusions_are_kept_as_a_count() -> None:
    from socialwork.metrics import Exclusion

    measured = Measurement("x", JUNE, rate(9, 20, (Exclusion("c1", "withdrawn"),)))
    assert measured.to_record().excluded == 1


def test_figures_kept_as_json_come_back_as_measurements() -> None:
    found = [
        Measurement("x", JUNE, rate(9, 20)),
        Measurement("v", Period(start=date(2025, 1, 1), end=MID), 5),
        Measurement("x", Period.month(2025, 5), None),
    ]
    text = [m.to_record().model_dump_json() for m in found]
    back = [MeasurementRecord.model_validate_json(t).measurement for t in text]
    assert back == found
    plan = _plan_results(AIM_RESULTS, at_least("15人", of="v"))
    assert review_plan(plan, back, as_of=MID) == review_plan(plan, found, as_of=MID)


@given(measurement_records())
def test_a_measurement_record_round_trips_through_its_measurement(
    record: MeasurementRecord,
) -> None:
    assert record.measurement.to_record() == replace(record, excluded=0)


def test_the_latest_month_with_a_figure_wins() -> None:
    found = [
        Measurement("x", Period.month(2025, 4), rate(50, 100)),
        Measurement("x", Period.month(2025, 5), rate(70, 100)),
        Measurement("x", JUNE, None),  # June has no figure: it does not hide May
    ]
    line = _review(*found)
    assert line.measurement == found[1]
    assert line.status.value == "on_track"  # 70% ≥ 65% expected
    assert (
        "| 70.0% (70/100) | 2025-05 |"
        in review_plan(_plan_results(AIM_RESULTS), found, as_of=MID).to_markdown()
    )


def test_a_rate_of_nobody_is_no_figure_either() -> None:
    found = [
        Measurement("x", Period.month(2025, 5), rate(82, 100)),
        Measurement("x", JUNE, rate(0, 0)),
    ]
    assert _review(*found).status.value == "achieved"


def test_months_without_any_figure_mean_no_data() -> None:
    found = [Measurement("x", Period.month(2025, 5), None), Measurement("x", JUNE, rate(0, 0))]
    line = _review(*found)
    assert line.status.value == "no_data"
    assert line.measurement == found[1]  # the latest month, shown as n/a
    assert line.interval is None


def test_two_different_figures_for_one_period_are_refused() -> None:
    found = [Measurement("x", JUNE, rate(70, 100)), Measurement("x", JUNE, rate(71, 100))]
    with pytest.raises(ArgumentError, match="one figure of x for 2025-06"):
        _review(*found)
    same = [Measurement("x", JUNE, rate(70, 100)), Measurement("x", JUNE, rate(70, 100))]
    assert _review(*same).status.value == "on_track"


def test_on_the_same_last_day_the_longer_period_wins() -> None:
    # A cumulative count since the plan's start beats the month's own count.
    volunteers = at_least("15人", of="x")
    found = [
        Measurement("x", JUNE, 2),
        Measurement("x", Period(start=date(2025, 1, 1), end=MID), 9),
    ]
    line = _review(*found, target=volunteers)
    assert line.measurement == found[1]
    assert line.status.value == "on_track"  # 9 ≥ 7.5
    assert _review(*reversed(found), target=volunteers) == line


def test_numbers_from_reports_are_in_display_units() -> None:
    june = station_month()
    report = monthly_report(june, june.period)
    found = {m.indicator: m for m in measurements_from_reports([report])}
    line = report.line("volunteer_hours")
    assert found["volunteer_hours"].value == line.definition.scaled(line.value)
    with pytest.raises(TypeError):
        measurements_from_reports([june])  # type: ignore[list-item]


def test_a_relative_change_by_hand() -> None:
    # 60 raised by 15% (relative) is 69; half way through, 64.5 is expected.
    target = increase_by(percent=15, of="x", baseline=60)
    line = _review(Measurement("x", JUNE, 64.5), target=target)
    assert line.target_level == pytest.approx(69.0)
    assert line.expected == pytest.approx(64.5)
    assert line.status.value == "on_track"
    assert _review(Measurement("x", JUNE, 69.0), target=target).status.value == "achieved"


def test_exactly_is_met_only_at_the_level() -> None:
    events = exactly("4次", of="x")  # 2 expected at month 6
    assert _review(Measurement("x", JUNE, 4), target=events).status.value == "achieved"
    assert _review(Measurement("x", JUNE, 2), target=events).status.value == "on_track"
    assert _review(Measurement("x", JUNE, 1), target=events).status.value == "at_risk"


def test_a_percentage_without_baseline_expects_the_target_throughout() -> None:
    satisfaction = at_least("90%", of="x")
    line = _review(Measurement("x", JUNE, 85.0), target=satisfaction)
    assert (line.expected, line.status.value) == (90.0, "at_risk")  # a figure, no counts
    assert _review(Measurement("x", JUNE, rate(85, 100)), target=satisfaction).status.value == (
        "not_distinguishable"  # Wilson 95% for 85/100 reaches 90.7%
    )
    assert _review(Measurement("x", JUNE, rate(170, 200)), target=satisfaction).status.value == (
        "off_track"  # 85% of 200: the interval ends at 89.3%
    )


def test_at_most_with_a_rate_uses_the_lower_bound() -> None:
    turnover = at_most("10%", of="x", baseline=30)  # 20% expected at month 6
    assert _review(Measurement("x", JUNE, rate(30, 100)), target=turnover).status.value == (
        "off_track"  # Wilson 95% for 30/100 starts at 21.9%
    )
    assert _review(Measurement("x", JUNE, rate(5, 20)), target=turnover).status.value == (
        "not_distinguishable"  # 25%, but the interval starts at 11.2%
    )


@given(st.lists(st.integers(min_value=1, max_value=6), min_size=1, max_size=6), st.data())
def test_the_chosen_figure_is_the_latest_with_a_figure(
    months: list[int], data: st.DataObject
) -> None:
    found = []
    for month in sorted(set(months)):
        value = data.draw(st.one_of(st.none(), st.integers(min_value=0, max_value=100)))
        found.append(Measurement("x", Period.month(2025, month), value))
    line = _review(*data.draw(st.permutations(found)), target=at_least("15人", of="x"))
    with_figure = [m for m in found if m.value is not None]
    assert line.measurement == (with_figure or found)[-1]
