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


def test_a_rate_with_exclusions_as_plain_data() -> None:
    from socialwork.metrics import Exclusion, rate

    one_left_out = rate(1, 4, (Exclusion("n9", "withdrawn"),))
    assert to_dict(one_left_out) == {
        "numerator": 1,
        "denominator": 4,
        "value": 0.25,
        "excluded": 1,
        "exclusions": [{"record_id": "n9", "reason": "withdrawn"}],
    }
    assert to_dict([m.ClientCategory.YOUTH, date(2025, 6, 1)]) == ["youth", "2025-06-01"]


def test_json_keeps_chinese_as_it_is() -> None:
    assert to_json({"category": "独居老人"}) == '{"category": "独居老人"}'


def test_a_result_json_cannot_write_is_refused() -> None:
    huge = 10**5000  # more digits than Python writes as text
    with pytest.raises(ArgumentError) as caught:
        to_json(huge)
    assert (caught.value.parameter, caught.value.value) == ("result", huge)
    assert caught.value.expected.startswith("a result JSON can write (")


def test_a_key_and_its_rate_as_one_row() -> None:
    from socialwork.metrics import rate

    (row,) = to_frame(("c1", rate(3, 4))).rows(named=True)
    assert {k: row[k] for k in ("key", "numerator", "denominator", "value", "percent")} == {
        "key": "c1",
        "numerator": 3,
        "denominator": 4,
        "value": 0.75,
        "percent": 75.0,
    }


def test_a_mapping_is_one_row_per_key_with_nested_values_as_json_text() -> None:
    table = to_frame({m.ClientCategory.YOUTH: [1, 2], "c2": {"category": "独居老人"}})
    assert table.columns == ["key", "value"]
    assert table.rows() == [("youth", "[1, 2]"), ("c2", '{"category": "独居老人"}')]
    assert to_frame({"due": date(2025, 6, 1)})["value"].to_list() == [date(2025, 6, 1)]


def test_what_cannot_be_tabulated_is_refused_with_what_was_expected() -> None:
    from socialwork.metrics import rate

    with pytest.raises(ArgumentError) as caught:
        to_frame(3)
    assert str(caught.value) == "result must be a result, or results, to tabulate; got 'int'"
    with pytest.raises(ArgumentError) as caught:
        to_frame([])
    assert str(caught.value) == "result must be at least one result; got 'no rows'"
    with pytest.raises(ArgumentError) as caught:
        to_frame(rate(1, 2), backend="excel")
    assert str(caught.value) == (
        "backend must be an installed eager backend: polars, pandas or pyarrow; got 'excel'"
    )
    assert (caught.value.parameter, caught.value.value) == ("backend", "excel")
