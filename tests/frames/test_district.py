"""A district's report by community on frames equals the record path's, on every engine."""

from __future__ import annotations

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from socialwork.errors import FrameContractError, UnknownCodeError
from socialwork.frames import StationFrames
from socialwork.metrics import district_report
from socialwork.metrics.district import community_records
from socialwork.models import Period, StationRecords
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
        # the child tables keep the rows of the community's records
        clients, groups = on_records.clients, on_records.groups
        children = {
            "client_guardians": sum(len(c.guardians) for c in clients),
            "client_consents": sum(
                len(c.consents) + sum(len(g.consents) for g in c.guardians) for c in clients
            ),
            "group_members": sum(len(g.members) for g in groups),
            "group_sessions": sum(len(g.sessions) for g in groups),
            "activity_services": sum(len(a.services) for a in on_records.activities),
        }
        for kind, rows in children.items():
            assert on_frames.table(kind).height == rows, kind
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


def test_the_district_report_reads_the_period_asked_for() -> None:
    may = Period.month(2025, 5)
    report = StationFrames.from_records(JUNE).district_report(may)
    assert report == district_report(JUNE, may)
    # every visit of the sample is in June: none of 阳光社区's 15 key-group clients in May
    assert str(report.value("key_group_coverage", "c3")) == "0.0% (0/15)"


def test_a_community_asked_for_is_checked_and_named() -> None:
    tables = StationFrames.from_records(JUNE)
    with pytest.raises(TypeError, match=r"^community_id must be a str; got int$"):
        tables.in_community(5)  # type: ignore[arg-type]
    with pytest.raises(UnknownCodeError) as info:
        tables.in_community("c9")
    assert (info.value.parameter, info.value.value) == ("community_id", "c9")
    # the column a table is kept by must be there, as the contract says
    without = attrs.evolve(tables, clients=tables.clients.drop("community_id"))
    with pytest.raises(FrameContractError) as problems:
        without.in_community("c3")
    assert problems.value.kind == "clients"
    assert [(p.column, p.rule) for p in problems.value.problems] == [
        ("community_id", "missing_column")
    ]
    # and so must the ids a table's rows are kept by, for the tables kept through them
    without = attrs.evolve(tables, cases=tables.cases.drop("id"))
    with pytest.raises(FrameContractError) as problems:
        without.in_community("c3")
    assert problems.value.kind == "cases"
    assert [(p.column, p.rule) for p in problems.value.problems] == [("id", "missing_column")]
