"""A large report from frames counts what it leaves out and lists it only when asked."""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb
import narwhals as nw
import pytest

from socialwork import metrics
from socialwork.frames import StationFrames, frame_monthly_report, from_records
from socialwork.frames.services import frame_home_visit_completion
from socialwork.metrics.casework import home_visit_completion, overdue_follow_ups
from socialwork.models import ContactMode, Period, Visit
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


def _home_visits(count: int) -> list[Visit]:
    """``count`` home visits in June 2025, one a day: v00 on the 1st, v01 on the 2nd, ..."""
    return [
        Visit(
            id=f"v{n:02}",
            client_id="c1",
            on=date(2025, 6, n + 1),
            mode=ContactMode.HOME_VISIT,
            worker_id="s1",
        )
        for n in range(count)
    ]


@pytest.mark.parametrize("engine", ["polars", "polars-lazy", "duckdb"])
@pytest.mark.parametrize(
    ("planned", "first_left_out", "left_out"),
    [
        # 30 visits, one a day: past a plan of 3, v03 to v29 (27) are left out; the first
        # 20 of them, by date, are v03 to v22
        (3, [f"v{n:02}" for n in range(3, 23)], 27),
        # past a plan of 25, the last five: v25 to v29
        (25, ["v25", "v26", "v27", "v28", "v29"], 5),
        # a plan of 30 leaves none out
        (30, [], 0),
    ],
)
def test_home_visits_above_the_plan_are_the_latest_and_the_first_of_them_are_shown(
    engine: str, planned: int, first_left_out: list[str], left_out: int
) -> None:
    visits = _home_visits(30)
    frame: Any = from_records(visits)
    if engine == "polars-lazy":
        frame = frame.lazy()
    elif engine == "duckdb":
        frame = duckdb.from_arrow(frame.to_arrow())
    june = Period(start=date(2025, 6, 1), end=date(2025, 6, 30))
    found = frame_home_visit_completion(frame, june, planned)
    assert (found.numerator, found.denominator) == (min(30, planned), planned)
    assert found.excluded.total == left_out
    assert [e.record_id for e in found.excluded.first] == first_left_out
    assert found == home_visit_completion(visits, june, planned)
