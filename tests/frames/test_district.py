"""A district's report by community on frames equals the record path's, on every engine."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from socialwork.errors import UnknownCodeError
from socialwork.frames import StationFrames
from socialwork.metrics import district_report
from socialwork.metrics.district import community_records
from socialwork.models import StationRecords
from socialwork.samples import station_month
from tests import strategies
from tests.frames.test_report import ENGINES, on_engine

JUNE = station_month()


@pytest.mark.parametrize("engine", ENGINES)
def test_the_district_report_on_frames_is_the_record_paths(engine: str) -> None:
    frames = on_engine(StationFrames.from_records(JUNE), engine)
    report = frames.district_report()
    assert report == district_report(JUNE)
    # 阳光社区: 13 of its 15 key-group clients visited (e28 and e33 were not)
    assert str(report.value("key_group_coverage", "c3")) == "86.7% (13/15)"


def test_a_community_on_frames_holds_what_it_holds_on_records() -> None:
    for community in JUNE.station.communities:
        on_frames = StationFrames.from_records(JUNE).in_community(community.id)
        on_records = community_records(JUNE, community.id)
        for kind in ("clients", "cases", "visits", "groups", "needs", "files", "deliveries"):
            assert on_frames.table(kind).height == len(getattr(on_records, kind)), kind
        assert on_frames.surveys is None
        assert on_frames.home_visits_planned is None


def test_an_unknown_community_is_refused_on_frames() -> None:
    with pytest.raises(UnknownCodeError, match="'c1', 'c2', 'c3', 'c4', 'c5'"):
        StationFrames.from_records(JUNE).in_community("c9")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records=strategies.metric_stations())
def test_generated_stations_give_one_district_report_on_both_engines(
    records: StationRecords,
) -> None:
    expected = district_report(records)
    for engine in ("polars", "pandas"):
        assert on_engine(StationFrames.from_records(records), engine).district_report() == expected
