"""Tests of socialwork.plans.review_records."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from jsonschema import Draft202012Validator
from pydantic import ValidationError

from socialwork.metrics import (
    TargetStatus,
)
from socialwork.plans.measurements import MeasurementRecord
from socialwork.plans.review_records import GoalReviewRecord, PlanReviewRecord
from socialwork.schema import json_schema
from tests.plans.support import AIM_RESULTS, JUNE, MID, _sample_review
from tests.strategies import plan_review_records


def _rule(error: ValidationError) -> str:
    return str(error.errors()[0]["type"])


def test_to_record_keeps_every_figure() -> None:
    review = _sample_review()
    record = review.to_record()
    assert isinstance(record, PlanReviewRecord)
    assert (record.plan_id, record.as_of, record.months_elapsed) == ("p", MID, 6)
    assert record.milestone is not None
    assert record.milestone.id == "mid"
    first = record.goals[0]
    assert first.status.value == "not_distinguishable"
    assert first.target == AIM_RESULTS
    assert first.measurement == MeasurementRecord(
        indicator="x", period=JUNE, numerator=9, denominator=20
    )
    assert (first.target_level, first.expected) == (80.0, 65.0)
    # Wilson 95% for 9/20 by hand: centre (0.45 + 0.09604) / 1.19208 = 0.45806,
    # half-width 1.96 × √(0.012375 + 0.002401) / 1.19208 = 0.19986
    assert first.interval_low == pytest.approx(0.25820, abs=1e-5)
    assert first.interval_high == pytest.approx(0.65791, abs=1e-5)
    second = record.goals[1]
    assert second.measurement is not None
    assert (second.measurement.value, second.measurement.numerator) == (5.0, None)
    assert (second.interval_low, second.interval_high) == (None, None)
    assert record.goals[2].target is None


def test_the_record_round_trips_through_json() -> None:
    record = _sample_review().to_record()
    text = record.model_dump_json()
    assert PlanReviewRecord.model_validate_json(text) == record
    assert PlanReviewRecord.model_validate(json.loads(text)) == record
    assert json.loads(text)["goals"][0]["status"] == "not_distinguishable"


def test_the_records_are_in_the_json_schema() -> None:
    schemas = json_schema()
    for name in ("PlanReviewRecord", "GoalReviewRecord", "MeasurementRecord"):
        assert name in schemas
    plan_review = schemas["PlanReviewRecord"]
    assert "TargetStatus" in plan_review["$defs"]
    dumped = json.loads(_sample_review().to_record().model_dump_json())
    assert list(Draft202012Validator(plan_review).iter_errors(dumped)) == []


@given(plan_review_records())
def test_drawn_records_round_trip(record: PlanReviewRecord) -> None:
    assert PlanReviewRecord.model_validate_json(record.model_dump_json()) == record


def test_record_rules() -> None:
    with pytest.raises(ValidationError) as err:
        MeasurementRecord(indicator="x", period=JUNE, value=5, numerator=1, denominator=2)
    assert _rule(err.value) == "measurement_value_conflict"
    with pytest.raises(ValidationError) as err:
        MeasurementRecord(indicator="x", period=JUNE, numerator=1)
    assert _rule(err.value) == "measurement_value_conflict"
    with pytest.raises(ValidationError) as err:
        MeasurementRecord(indicator="x", period=JUNE, numerator=3, denominator=2)
    assert _rule(err.value) == "part_above_total"
    with pytest.raises(ValidationError) as err:
        GoalReviewRecord(goal_id="g", statement="s", status=TargetStatus.ON_TRACK, interval_low=0.5)
    assert _rule(err.value) == "interval_bounds"
    with pytest.raises(ValidationError) as err:
        GoalReviewRecord(
            goal_id="g",
            statement="s",
            status=TargetStatus.ON_TRACK,
            interval_low=0.6,
            interval_high=0.5,
        )
    assert _rule(err.value) == "interval_bounds"
    goal = GoalReviewRecord(goal_id="g", statement="s", status=TargetStatus.ON_TRACK)
    with pytest.raises(ValidationError) as err:
        PlanReviewRecord(plan_id="p", title="t", as_of=MID, months_elapsed=6, goals=(goal, goal))
    assert _rule(err.value) == "duplicate_id"
    with pytest.raises(ValidationError) as err:
        GoalReviewRecord(goal_id="g", statement="s", status="bogus")  # type: ignore[arg-type]
    assert err.value.errors()[0]["loc"] == ("status",)
