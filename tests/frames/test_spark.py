"""The frame indicators on PySpark in local mode equal the record path (opt-in: ``-m spark``).

PySpark is not a dependency: run with
``uv run --with pyspark pytest -m spark tests/frames/test_spark.py`` on a
machine with a Java runtime. Without PySpark the test is skipped.
"""

from __future__ import annotations

from typing import Any

import attrs
import narwhals as nw
import pytest

from socialwork import metrics
from socialwork.frames import StationFrames, frame_monthly_report, from_records, validate_frame
from socialwork.frames.indicators import (
    frame_key_group_coverage,
    frame_need_satisfaction,
    frame_resource_match_accuracy,
)
from socialwork.frames.report import TABLES
from socialwork.metrics import services
from socialwork.samples import station_month, station_previous_month

pytestmark = [
    pytest.mark.spark,
    # PySpark 4 warns that it does not fully support pandas 3 when it reads a pandas frame
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning"),
]


def test_spark_equals_the_record_path(spark: Any) -> None:
    june = station_month()

    def frame(records: Any, kind: str) -> Any:
        return spark.createDataFrame(from_records(records, kind=kind).to_pandas())

    clients, visits = frame(june.clients, "clients"), frame(june.visits, "visits")
    assert frame_key_group_coverage(
        clients, visits, june.period
    ) == metrics.key_group_coverage_by_category(june.clients, june.visits, june.period)
    assert frame_need_satisfaction(
        frame(june.needs, "needs"), june.period
    ) == services.need_satisfaction(june.needs, june.period)
    assert frame_resource_match_accuracy(
        frame(june.deliveries, "deliveries"), june.period
    ) == services.resource_match_accuracy(june.deliveries, june.period)
    assert validate_frame(clients, "clients").ok


def test_spark_monthly_report_equals_the_record_report(spark: Any) -> None:
    june, may = station_month(), station_previous_month()

    def on_spark(records: Any) -> StationFrames:
        frames = StationFrames.from_records(records)
        tables = {
            k: nw.from_native(getattr(frames, k)).lazy(backend="pyspark", session=spark).to_native()
            for k in TABLES
        }
        return attrs.evolve(frames, **tables)

    assert frame_monthly_report(
        on_spark(june), june.period, on_spark(may)
    ) == metrics.monthly_report(june, june.period, may)
