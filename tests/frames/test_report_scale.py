"""A large report from frames counts what it leaves out and lists it only when asked."""

from __future__ import annotations

from typing import Any

import narwhals as nw
import pytest

from socialwork import metrics
from socialwork.frames import StationFrames, frame_monthly_report
from socialwork.metrics.casework import overdue_follow_ups
from tests.frames.test_report import follow_ups, on_engine
from tests.frames_data import generated_records

RECORDS = generated_records(1500, seed=11)


def _rows(frame: Any) -> list[tuple[Any, ...]]:
    native = nw.from_native(frame)
    return list((native.collect() if isinstance(native, nw.LazyFrame) else native).iter_rows())


@pytest.mark.parametrize("engine", ["polars", "polars-lazy", "duckdb"])
def test_a_large_report_from_frames_counts_and_shows_what_the_records_list(engine: str) -> None:
    tables = on_engine(StationFrames.from_records(RECORDS), engine)
    expected = metrics.monthly_report(RECORDS, RECORDS.period)
    report = frame_monthly_report(tables, RECORDS.period)
    assert report == expected
    assert report.to_markdown("en") == expected.to_markdown("en")
    many = [li for li in expected.lines if li.excluded.total > 20]
    assert many, "the generated station leaves out more than 20 records of some indicator"
    for line in many:
        code = line.definition.code
        counted = report.line(code)
        # counted by reason on frames, listed only when asked, as a frame
        assert counted.exclusions == ()
        assert counted.excluded == line.excluded
        rows = _rows(tables.exclusions(code))
        assert rows == [(e.record_id, e.reason.value) for e in line.exclusions]
    late = overdue_follow_ups(RECORDS.cases, RECORDS.visits, as_of=RECORDS.period.end)
    assert report.overdue_count == len(late) > 20
    assert report.overdue == late[:20]
    assert follow_ups(tables.overdue_follow_ups()) == late
