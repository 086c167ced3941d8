"""Tests of socialwork.frames.export."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import polars as pl
import pytest

from socialwork import metrics
from socialwork import models as m
from socialwork.errors import ArgumentError
from socialwork.frames import (
    to_dict,
    to_frame,
    to_json,
)
from socialwork.metrics import casework
from socialwork.samples import station_previous_month
from tests.frames.support import JUNE


def test_results_to_json_and_frames() -> None:
    cover = metrics.key_group_coverage_by_category(JUNE.clients, JUNE.visits, JUNE.period)
    table = to_frame(cover)
    assert table["category"].to_list()[:2] == ["total", "living_alone_elderly"]
    # 65 key-group clients covered of 76 registered (the sample's June).
    assert table["numerator"].to_list()[0] == 65
    assert next(iter(to_frame(cover, backend="pandas")["denominator"])) == 76
    late = casework.overdue_follow_ups(JUNE.cases, JUNE.visits, as_of=date(2025, 6, 30))
    if late:
        rows = to_frame(late)
        assert rows.height == len(late)
        assert "due_on" in rows.columns
    doc = json.loads(to_json({"period": JUNE.period, "rate": cover.total}))
    assert doc["period"] == {"start": "2025-06-01", "end": "2025-06-30"}
    assert doc["rate"]["numerator"] == 65
    assert to_dict(m.ClientCategory.YOUTH) == "youth"
    assert to_dict({"hours": Decimal("2.50")}) == {"hours": "2.50"}
    with pytest.raises(ArgumentError):
        to_frame(3)
    with pytest.raises(ArgumentError):
        to_frame([])


def test_a_monthly_report_as_a_table() -> None:
    report = metrics.monthly_report(JUNE, JUNE.period, station_previous_month())
    table = to_frame(report)
    assert table.height == len(report.lines)
    first = table.row(0, named=True)
    assert first["code"] == "key_group_coverage"
    assert first["status"] == "off_track"
    # 65/76 in June against 60/76 in May: +5/76 = +6.58 points.
    assert (first["numerator"], first["denominator"]) == (65, 76)
    assert first["change"] == pytest.approx(100 * 5 / 76)
    assert first["target"] == 95.0
    assert first["interval_low"] < 0.85 < first["interval_high"]
    late = to_frame(report.overdue)
    assert late.schema["due_on"] == pl.Date
    groups = to_frame(report.groups, backend="pandas")
    assert next(iter(groups["attendance_numerator"])) == 45
    assert json.loads(to_json(report))["period"]["start"] == "2025-06-01"


def test_a_rate_measured_on_frames_exports_how_many_it_excluded() -> None:
    from socialwork.frames import StationFrames
    from socialwork.metrics import indicator
    from tests.frames_data import generated_records

    records = generated_records(200, seed=3)
    on_frames = to_dict(StationFrames.from_records(records).measure("goal_attainment"))
    on_records = to_dict(indicator("goal_attainment").measure(records))
    assert on_frames["excluded"] == on_records["excluded"] == len(on_records["exclusions"]) > 0
    assert on_frames["exclusions"] == []  # listed on request: StationFrames.exclusions
