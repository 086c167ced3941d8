"""Every catalogue entry gives the same value on records and on frames, for generated stations.

Generated from the catalogue: a new entry is tested here with nothing added.
Hypothesis draws a whole station (`tests.strategies.metric_stations`) and
shrinks a difference to the few records that make it.
"""

from __future__ import annotations

from typing import Any

import narwhals as nw
import pytest
from hypothesis import HealthCheck, given, settings

from socialwork.frames import StationFrames
from socialwork.metrics.casework import overdue_follow_ups
from socialwork.metrics.catalogue import CATALOGUE, indicator
from socialwork.models import StationRecords
from tests.frames.test_report import follow_ups, on_engine
from tests.strategies import metric_stations

ENGINES = ["polars", "polars-lazy", "pandas", "duckdb", "text-dates", "labels"]


@pytest.mark.parametrize("engine", ENGINES)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records=metric_stations())
def test_each_entry_is_the_same_on_records_and_frames(engine: str, records: StationRecords) -> None:
    tables = on_engine(StationFrames.from_records(records), engine)
    for code in CATALOGUE:
        assert tables.measure(code) == indicator(code).measure(records), code


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records=metric_stations())
def test_each_entry_is_the_same_on_tables_written_as_pandas(records: StationRecords) -> None:
    tables = StationFrames.from_records(records, backend="pandas")
    for code in CATALOGUE:
        assert tables.measure(code) == indicator(code).measure(records), code


def _listed(value: object) -> list[tuple[str, str]]:
    """A record-path value's exclusions as (id, reason code) rows."""
    exclusions = getattr(value, "exclusions", ())
    return [(e.record_id, e.reason.value) for e in exclusions]


def _rows(frame: Any) -> list[tuple[object, ...]]:
    native = nw.from_native(frame)
    eager = native.collect() if isinstance(native, nw.LazyFrame) else native
    return [tuple(row) for row in eager.iter_rows()]


@pytest.mark.parametrize("engine", ENGINES)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records=metric_stations())
def test_each_entry_lists_on_frames_what_the_records_list(
    engine: str, records: StationRecords
) -> None:
    # the rate from frames counts; the listing, asked for, is a frame with the records' rows
    tables = on_engine(StationFrames.from_records(records), engine)
    for code in CATALOGUE:
        expected = _listed(indicator(code).measure(records))
        assert _rows(tables.exclusions(code)) == expected, code
    late = overdue_follow_ups(records.cases, records.visits, as_of=records.period.end)
    assert follow_ups(tables.overdue_follow_ups()) == late
