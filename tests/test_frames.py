"""socialwork.frames: contracts, validation, records in and out, indicators, results out."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pandas as pd  # type: ignore[import-untyped]
import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from socialwork import metrics
from socialwork import models as m
from socialwork.errors import ArgumentError, SocialWorkError, UnknownCodeError
from socialwork.frames import (
    KINDS,
    FrameContractError,
    FrameProblem,
    StationFrames,
    contract,
    frame_key_group_coverage,
    frame_need_satisfaction,
    frame_resource_match_accuracy,
    from_records,
    to_dict,
    to_frame,
    to_json,
    to_records,
    validate_frame,
)
from socialwork.frames.contracts import CONTRACTS, contracts_markdown, contracts_table
from socialwork.records import Record
from socialwork.samples import station_month, station_previous_month
from tests import strategies
from tests.frames_data import generated_station

SETTINGS = settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])
JUNE = station_month()

SAMPLE_TABLES: dict[str, tuple[Record, ...]] = {
    "clients": JUNE.clients,
    "cases": JUNE.cases,
    "visits": JUNE.visits,
    "needs": JUNE.needs,
    "staff": JUNE.station.staff,
    "deliveries": JUNE.deliveries,
    "resources": JUNE.resources,
    "volunteers": JUNE.volunteers,
    "service_hours": JUNE.service_hours,
    "surveys": JUNE.surveys,
    "activities": JUNE.activities,
    "groups": JUNE.groups,
}


def duck(records: Any, kind: str) -> Any:
    return duckdb.from_arrow(from_records(records, kind=kind).to_arrow())


ENGINES: dict[str, Any] = {
    "polars": lambda r, k: from_records(r, kind=k),
    "polars-lazy": lambda r, k: from_records(r, kind=k).lazy(),
    "pandas": lambda r, k: from_records(r, kind=k, backend="pandas"),
    "pyarrow": lambda r, k: from_records(r, kind=k, backend="pyarrow"),
    "duckdb": duck,
}


def without(kind: str, record: BaseModel) -> dict[str, Any]:
    """A record's data without the nested fields a table does not hold."""
    return record.model_dump(exclude=set(contract(kind).not_in_table) - {"closure"})


# --- contracts ---------------------------------------------------------------------------


def test_every_contract_column_is_a_field_of_its_record() -> None:
    for spec in CONTRACTS.values():
        fields = set(spec.record.model_fields)
        extra = {spec.parent, "closed_on", "closure_outcome"}
        assert set(spec.names) <= fields | extra, spec.kind
        assert set(spec.names) | set(spec.not_in_table) >= fields, spec.kind


def test_contracts_follow_the_records() -> None:
    clients = contract("clients")
    assert clients.names[:4] == ("id", "name", "community_id", "registered_on")
    assert clients.column("categories").type == "codes"
    assert clients.column("risk_level").codes == tuple(r.value for r in m.RiskLevel)
    assert clients.not_in_table == ("emergency_contact", "consents", "guardians")
    assert contract("needs").column("severity").type == "scale5"
    assert contract("service_hours").column("hours").type == "decimal"
    assert contract("group_members").parent == "group_id"
    assert len(contracts_table()) == sum(len(c.columns) for c in CONTRACTS.values())


def test_unknown_kind_and_column() -> None:
    with pytest.raises(UnknownCodeError):
        contract("households")
    with pytest.raises(UnknownCodeError):
        contract("clients").column("age")


# --- validate_frame ---------------------------------------------------------------------


@pytest.mark.parametrize("engine", sorted(ENGINES))
@pytest.mark.parametrize("kind", sorted(SAMPLE_TABLES))
def test_sample_tables_are_valid_on_every_engine(engine: str, kind: str) -> None:
    report = validate_frame(ENGINES[engine](SAMPLE_TABLES[kind], kind), kind)
    assert report.ok, report.problems
    assert report.rows == len(SAMPLE_TABLES[kind])


BAD_CLIENTS = {
    "id": ["p1", "p2", "p2", "p4", "p5"],
    "name": ["李大爷", " ", "王阿姨", "赵奶奶", "钱爷爷"],
    "community_id": ["c1", "c1", "c1", "c1", "c9"],
    "registered_on": ["2025-03-02", "2025-03-02", "2025/03/02", "1899-12-31", "2025-04-01"],
    "categories": ["独居老人", "living_alone_elderly;youth", "孤寡", "", "Youth、低保对象"],
    "risk_level": ["low", "高风险", "critical", None, "High"],
}
EXPECTED = {
    (1, "name", "missing"),
    (2, "registered_on", "date_format"),
    (3, "registered_on", "date_out_of_range"),  # "1899-12-31": ISO text before 1900
    (2, "categories", "enum"),
    (2, "risk_level", "enum"),
    (1, "id", "duplicate_id"),
    (2, "id", "duplicate_id"),
    (4, "community_id", "unknown_reference"),
}


@pytest.mark.parametrize("engine", ["polars", "pandas", "pyarrow"])
def test_every_broken_rule_is_reported_by_row_column_and_code(engine: str) -> None:
    frame = pl.DataFrame(BAD_CLIENTS)
    native: Any = {"polars": frame, "pandas": frame.to_pandas(), "pyarrow": frame.to_arrow()}[
        engine
    ]
    communities = pl.DataFrame({"id": ["c1"]})
    other: Any = {"polars": communities, "pandas": communities.to_pandas()}.get(
        engine, communities.to_arrow()
    )
    report = validate_frame(native, "clients", references={"community_id": other})
    found = {(p.row, p.column, p.rule) for p in report.problems}
    assert found == EXPECTED
    assert report.rules()["duplicate_id"] == 2
    assert {p.record_id for p in report.problems if p.rule == "enum"} == {"p2"}


def test_lazy_and_duckdb_frames_report_ids_without_rows() -> None:
    frame = pl.DataFrame(BAD_CLIENTS)
    for native in (frame.lazy(), duckdb.from_arrow(frame.to_arrow())):
        report = validate_frame(native, "clients")
        assert {(p.record_id, p.column, p.rule) for p in report.problems} >= {
            ("p2", "name", "missing"),
            ("p2", "registered_on", "date_format"),
        }
        assert all(p.row is None for p in report.problems)


def test_columns_missing_unknown_or_of_the_wrong_type() -> None:
    frame = pl.DataFrame(
        {"id": ["p1"], "registered_on": [20250302], "age": [70], "community_id": [1]}
    )
    found = {(p.column, p.rule) for p in validate_frame(frame, "clients").problems}
    assert found == {
        ("name", "missing_column"),
        ("age", "extra_forbidden"),
        ("registered_on", "date_type"),
    }


def test_dates_counts_and_order() -> None:
    staff = pl.DataFrame(
        {
            "id": ["s1", "s2"],
            "name": ["甲", "乙"],
            "role": ["full_time", "intern"],
            "grade": ["junior", "初级社工"],
            "joined_on": [date(2024, 1, 1), date(2024, 1, 1)],
            "left_on": [date(2023, 1, 1), None],
        }
    )
    found = {(p.row, p.column, p.rule) for p in validate_frame(staff, "staff").problems}
    assert found == {(0, "left_on", "end_before_start")}
    visits = pl.DataFrame(
        {
            "id": ["v1", "v2"],
            "client_id": ["p1", "p1"],
            "on": [datetime(2025, 6, 1), datetime(2025, 6, 1, 9, 30)],
            "mode": ["home_visit", "家访"],
            "worker_id": ["s1", "s1"],
            "duration_minutes": [-5, 30],
        }
    )
    found = {(p.row, p.column, p.rule) for p in validate_frame(visits, "visits").problems}
    assert found == {(1, "on", "datetime_not_date"), (0, "duration_minutes", "greater_than_equal")}


def test_validate_refuses_what_is_no_frame() -> None:
    with pytest.raises(ArgumentError):
        validate_frame([1, 2], "clients")  # type: ignore[arg-type]
    with pytest.raises(ArgumentError):
        validate_frame(pl.DataFrame({"id": ["p1"]}), "clients", references={"age": pl.DataFrame()})


# --- to_records / from_records -----------------------------------------------------------


def test_what_real_tables_hold_is_read() -> None:
    df = pd.DataFrame(
        {
            "id": [1, 2],
            "name": ["李大爷", "王阿姨"],
            "community_id": ["c1", "c1"],
            "registered_on": [pd.Timestamp("2025-03-02"), pd.Timestamp("2025-03-05")],
            "categories": ["獨居老人", "Youth、低保对象"],
            "risk_level": ["高风险", np.nan],
            "born_on": ["1950-01-02", ""],
        }
    )
    first, second = to_records(df, "clients")
    assert isinstance(first, m.Client)
    assert isinstance(second, m.Client)
    assert first.id == "1"
    assert first.registered_on == date(2025, 3, 2)
    assert first.categories == (m.ClientCategory.LIVING_ALONE_ELDERLY,)
    assert first.risk_level is m.RiskLevel.HIGH
    assert first.born_on == date(1950, 1, 2)
    assert second.categories == (m.ClientCategory.YOUTH, m.ClientCategory.MINIMUM_LIVELIHOOD)
    assert second.risk_level is m.RiskLevel.LOW
    assert second.born_on is None
    hours = pd.DataFrame({"volunteer_id": ["v1"], "on": ["2025-06-02"], "hours": [np.float64(2.5)]})
    (entry,) = to_records(hours, "service_hours")
    assert isinstance(entry, m.ServiceHours)
    assert entry.hours == Decimal("2.5")
    surveys = pd.DataFrame(
        {
            "id": ["s1"],
            "population": ["长者"],
            "conducted_on": [date(2025, 6, 2)],
            "respondents": [np.int64(50)],
            "satisfied": [46.0],
        }
    )
    (survey,) = to_records(surveys, "surveys")
    assert isinstance(survey, m.SatisfactionSurvey)
    assert survey.satisfied == 46


def test_every_bad_row_is_reported() -> None:
    df = pd.DataFrame(
        {
            "id": ["p1", "p2", "p3", "p4"],
            "name": ["李大爷", "王阿姨", "", "钱爷爷"],
            "community_id": ["c1", "c1", "c1", "c1"],
            "registered_on": [
                pd.Timestamp("2025-03-02 09:30"),
                "2025-03-05",
                "2025-03-05",
                "2025/03/05",
            ],
            "categories": ["孤寡", "", "", ""],
        }
    )
    with pytest.raises(FrameContractError) as info:
        to_records(df, "clients")
    found = {(p.row, p.column, p.rule) for p in info.value.problems}
    assert found == {
        (0, "registered_on", "datetime_not_date"),
        (0, "categories", "enum"),
        (2, "name", "missing"),
        (3, "registered_on", "date_format"),
    }
    assert info.value.code == "frame_contract"
    assert isinstance(info.value, SocialWorkError)
    assert "registered_on" in str(info.value)


def test_a_case_closure_comes_from_two_columns() -> None:
    frame = from_records(JUNE.cases)
    closed = [c for c in JUNE.cases if c.closure is not None]
    assert frame.filter(pl.col("closed_on").is_not_null()).height == len(closed)
    back = to_records(frame, "cases")
    assert [without("cases", c) for c in back] == [without("cases", c) for c in JUNE.cases]
    with pytest.raises(FrameContractError) as info:
        to_records(pl.DataFrame({"group_id": ["g1"]}), "group_members")
    assert {(p.column, p.rule, p.value) for p in info.value.problems} == {
        ("member_id", "missing", None),
        ("joined_on", "missing", None),
    }


@pytest.mark.parametrize("backend", ["polars", "pandas", "pyarrow"])
@pytest.mark.parametrize("kind", sorted(SAMPLE_TABLES))
def test_samples_round_trip(backend: str, kind: str) -> None:
    records = SAMPLE_TABLES[kind]
    back = to_records(from_records(records, backend=backend), kind)
    assert [without(kind, r) for r in back] == [without(kind, r) for r in records]


ROUND_TRIP: dict[str, type[BaseModel]] = {
    "clients": m.Client,
    "visits": m.Visit,
    "needs": m.Need,
    "staff": m.Staff,
    "volunteers": m.Volunteer,
    "resources": m.Resource,
    "deliveries": m.ResourceDelivery,
}


@pytest.mark.parametrize("kind", sorted(ROUND_TRIP))
@SETTINGS
@given(data=st.data())
def test_generated_records_round_trip(kind: str, data: st.DataObject) -> None:
    record = data.draw(strategies.RECORDS[ROUND_TRIP[kind]])
    for backend in ("polars", "pandas"):
        frame = from_records([record], backend=backend)
        # what from_records writes, validate_frame passes and to_records reads back
        assert validate_frame(frame, kind).problems == ()
        (back,) = to_records(frame, kind)
        assert without(kind, back) == without(kind, record)


def test_from_records_refuses_mixed_or_unknown_records() -> None:
    with pytest.raises(ArgumentError):
        from_records([JUNE.clients[0], JUNE.visits[0]])
    with pytest.raises(ArgumentError):
        from_records([])
    empty = from_records([], kind="visits")
    assert empty.height == 0
    assert empty.columns == list(contract("visits").names)
    assert validate_frame(empty, "visits").ok
    assert to_records(empty, "visits") == ()
    with pytest.raises(ArgumentError):
        from_records([JUNE.period])
    with pytest.raises(ArgumentError):
        from_records(JUNE.clients, backend="nothing")


# --- indicators --------------------------------------------------------------------------


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_frame_indicators_equal_the_record_path_on_the_samples(engine: str) -> None:
    to = ENGINES[engine]
    period = JUNE.period
    assert frame_key_group_coverage(
        to(JUNE.clients, "clients"), to(JUNE.visits, "visits"), period
    ) == metrics.key_group_coverage_by_category(JUNE.clients, JUNE.visits, period)
    assert frame_need_satisfaction(to(JUNE.needs, "needs"), period) == metrics.need_satisfaction(
        JUNE.needs, period
    )
    assert frame_resource_match_accuracy(
        to(JUNE.deliveries, "deliveries"), period
    ) == metrics.resource_match_accuracy(JUNE.deliveries, period)


@pytest.mark.parametrize("engine", sorted(ENGINES))
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), size=st.integers(0, 40))
def test_frame_indicators_equal_the_record_path_on_generated_data(
    engine: str, seed: int, size: int
) -> None:
    station = generated_station(size, seed=seed)
    to = ENGINES[engine]
    period = m.Period.month(2025, 6)
    if not station.clients:
        return
    assert frame_key_group_coverage(
        to(station.clients, "clients"), to(station.visits, "visits"), period
    ) == metrics.key_group_coverage_by_category(station.clients, station.visits, period)
    if station.needs:
        assert frame_need_satisfaction(
            to(station.needs, "needs"), period
        ) == metrics.need_satisfaction(station.needs, period)
    if station.deliveries:
        assert frame_resource_match_accuracy(
            to(station.deliveries, "deliveries"), period
        ) == metrics.resource_match_accuracy(station.deliveries, period)


# --- results out -------------------------------------------------------------------------


def test_results_to_json_and_frames() -> None:
    cover = metrics.key_group_coverage_by_category(JUNE.clients, JUNE.visits, JUNE.period)
    table = to_frame(cover)
    assert table["category"].to_list()[:2] == ["total", "living_alone_elderly"]
    # 65 key-group clients covered of 76 registered (the sample's June).
    assert table["numerator"].to_list()[0] == 65
    assert next(iter(to_frame(cover, backend="pandas")["denominator"])) == 76
    late = metrics.overdue_follow_ups(JUNE.cases, JUNE.visits, as_of=date(2025, 6, 30))
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


def test_report_problem_text() -> None:
    assert (
        str(FrameProblem(None, "name", "missing_column")) == "table, name: missing_column, got None"
    )
    assert str(FrameProblem(None, "name", "missing", None, "p1")).startswith("row (p1)")


def test_kinds_listed() -> None:
    assert KINDS[0] == "clients"
    assert "staff" in KINDS


# --- the error contract on messy frames --------------------------------------------------

MESSY = st.one_of(
    st.none(),
    st.sampled_from(["", " ", "2025-06-01", "2025/06/01", "独居老人", "youth;低保对象", "是", "x"]),
    st.sampled_from([0, -1, 3, 10**12, 2.5, float("nan"), True]),
    st.sampled_from([date(2025, 6, 1), datetime(2025, 6, 1), datetime(2025, 6, 1, 9, 30)]),
    st.text(max_size=4),
)


@pytest.mark.parametrize("kind", [k for k in KINDS if contract(k).parent is None])
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_messy_frames_raise_only_the_documented_errors(kind: str, data: st.DataObject) -> None:
    names = [*contract(kind).names, "extra"]
    chosen = data.draw(st.lists(st.sampled_from(names), unique=True, max_size=len(names)))
    rows = data.draw(st.integers(0, 3))
    columns = {n: [data.draw(MESSY) for _ in range(rows)] for n in chosen}
    frame = pd.DataFrame(columns, dtype=object)
    if not chosen:
        return
    report = validate_frame(frame, kind)
    assert report.rows == rows
    try:
        records = to_records(frame, kind)
    except FrameContractError as err:
        problems = err.problems
    else:
        problems = ()
        assert len(records) == rows
    assert all(p.row is not None and p.row < rows for p in problems)


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


def test_the_contracts_page_shows_the_contracts() -> None:
    page = (Path(__file__).parent.parent / "docs" / "frames-contracts.md").read_text("utf-8")
    shown = page.split("<!-- contracts -->\n")[1].split("<!-- end -->")[0]
    assert shown == contracts_markdown()


def test_a_pandas_yes_no_column_with_blanks_validates_as_to_records_reads_it() -> None:
    # an unchecked delivery (matched_need None) makes pandas keep the column as objects
    june = station_month()
    deliveries = [
        d.model_copy(update={"matched_need": None}) if i == 0 else d
        for i, d in enumerate(june.deliveries)
    ]
    df = from_records(deliveries, kind="deliveries", backend="pandas")
    assert df["matched_need"].dtype == object
    assert validate_frame(df, "deliveries").ok
    assert to_records(df, "deliveries") == tuple(deliveries)
    df.loc[1, "matched_need"] = "否 "
    df.loc[2, "matched_need"] = 1
    df.loc[3, "matched_need"] = "maybe"
    found = validate_frame(df, "deliveries").problems
    assert [(p.row, p.column, p.rule) for p in found] == [
        (2, "matched_need", "bool_parsing"),
        (3, "matched_need", "bool_parsing"),
    ]


def test_frames_of_two_engines_are_refused_with_the_tables_named() -> None:
    clients, visits = from_records(JUNE.clients), from_records(JUNE.visits, backend="pandas")
    with pytest.raises(ArgumentError, match=r"one engine; got 'clients: polars, visits: pandas'"):
        frame_key_group_coverage(clients, visits, JUNE.period)
    relation = duckdb.connect().from_arrow(from_records(JUNE.clients).to_arrow())
    with pytest.raises(ArgumentError, match=r"got 'clients: duckdb, visits: polars'"):
        frame_key_group_coverage(relation, from_records(JUNE.visits), JUNE.period)
    with pytest.raises(ArgumentError, match=r"got 'frame: polars, client_id: pandas'"):
        validate_frame(from_records(JUNE.visits), "visits", references={"client_id": visits})
    with pytest.raises(ArgumentError, match=r"got 'clients: pandas, visits: polars'"):
        StationFrames(
            "s",
            JUNE.period,
            clients=from_records(JUNE.clients, backend="pandas"),
            visits=from_records(JUNE.visits),
        )


def test_polars_eager_and_lazy_frames_mix() -> None:
    clients, visits = from_records(JUNE.clients), from_records(JUNE.visits).lazy()
    expected = metrics.key_group_coverage(JUNE.clients, JUNE.visits, JUNE.period)
    assert frame_key_group_coverage(clients, visits, JUNE.period).total == expected


def test_a_pandas_frame_with_two_columns_of_one_name_is_refused() -> None:
    twice = pd.DataFrame([["p1", "李大爷"]], columns=["id", "id"])
    with pytest.raises(ArgumentError, match=r"^frame must be a frame whose column names differ"):
        validate_frame(twice, "clients")


def test_every_indicator_of_several_tables_refuses_two_engines() -> None:
    from socialwork import frames

    pandas_cases = from_records(JUNE.cases, backend="pandas")
    history = from_records(JUNE.cases, kind="case_history")
    day = JUNE.period.end
    calls: list[Callable[[], object]] = [
        lambda: frames.frame_case_improvement(
            pandas_cases, history, from_records(JUNE.cases, kind="case_goals")
        ),
        lambda: frames.frame_overdue_follow_ups(
            pandas_cases, from_records(JUNE.visits), history, as_of=day
        ),
        lambda: frames.frame_mean_caseload(
            pandas_cases, history, from_records(JUNE.station.staff), as_of=day
        ),
        lambda: frames.frame_group_attendance(
            from_records(JUNE.groups, kind="group_members", backend="pandas"),
            from_records(JUNE.groups, kind="group_sessions"),
            JUNE.period,
        ),
    ]
    for call in calls:
        with pytest.raises(
            ArgumentError, match=r"frames of one engine; got '\w+: pandas, \w+: polars"
        ):
            call()


ISO_LIKE = st.one_of(
    st.dates(min_value=date(1800, 1, 1), max_value=date(2300, 12, 31)).map(date.isoformat),
    st.tuples(st.integers(1, 9999), st.integers(0, 13), st.integers(0, 32)).map(
        lambda t: f"{t[0]:04d}-{t[1]:02d}-{t[2]:02d}"
    ),
)


@SETTINGS
@given(
    days=st.lists(ISO_LIKE, min_size=1, max_size=8), backend=st.sampled_from(["polars", "pandas"])
)
def test_validate_frame_judges_text_dates_as_to_records_does(days: list[str], backend: str) -> None:
    # impossible days (2025-02-30, 2023-02-29) and days outside 1900-2199, by the same rule codes
    n = len(days)
    data = {
        "id": [f"p{i}" for i in range(n)],
        "name": ["李大爷"] * n,
        "community_id": ["c1"] * n,
        "registered_on": days,
        "categories": ["独居老人"] * n,
    }
    frame = pl.DataFrame(data) if backend == "polars" else pd.DataFrame(data)
    found = {(p.row, p.rule) for p in validate_frame(frame, "clients").problems}
    try:
        to_records(frame, "clients")
        read: set[tuple[int | None, str]] = set()
    except FrameContractError as err:
        read = {(p.row, p.rule) for p in err.problems}
    assert found == read


def test_a_pandas_column_of_dates_and_timestamps_is_checked_cell_by_cell() -> None:
    # what pd.read_excel gives for a column of dates with one typed by hand
    days = [
        date(2025, 3, 2),
        pd.Timestamp("2025-01-06"),
        "2025/02/01",
        pd.Timestamp("2025-01-06 10:30"),
        "",
    ]
    n = len(days)
    frame = pd.DataFrame(
        {
            "id": [f"p{i}" for i in range(n)],
            "name": ["李大爷"] * n,
            "community_id": ["c1"] * n,
            "registered_on": days,
            "categories": ["独居老人"] * n,
        }
    )
    found = [(p.row, p.rule) for p in validate_frame(frame, "clients").problems]
    assert sorted(found) == [(2, "date_format"), (3, "datetime_not_date"), (4, "missing")]
    with pytest.raises(FrameContractError) as info:
        to_records(frame, "clients")
    assert sorted((p.row, p.rule) for p in info.value.problems) == sorted(found)
