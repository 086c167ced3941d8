"""Tests of socialwork.frames.convert."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import duckdb
import numpy as np
import pandas as pd  # type: ignore[import-untyped]
import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from socialwork import models as m
from socialwork.calendars import Frequency, Recurrence
from socialwork.errors import ArgumentError, SocialWorkError
from socialwork.frames import (
    KINDS,
    FrameContractError,
    StationFrames,
    contract,
    from_records,
    to_records,
    validate_frame,
)
from socialwork.frames import services as frame_services
from socialwork.frames.contracts import CONTRACTS
from socialwork.frames.indicators import frame_key_group_coverage
from socialwork.metrics import casework
from socialwork.records import replace
from socialwork.samples import station_month, team_month
from socialwork.team import RosterEntry, SupervisionForm, SupervisionSource, TeamRecords
from tests import strategies
from tests.frames.support import JUNE, SAMPLE_TABLES, SETTINGS


def without(kind: str, record: BaseModel) -> dict[str, Any]:
    """A record's data without the nested fields a table does not hold."""
    return record.model_dump(exclude=set(contract(kind).not_in_table) - {"closure"})


ROUND_TRIP: dict[str, type[BaseModel]] = {
    "clients": m.Client,
    "visits": m.Visit,
    "needs": m.Need,
    "staff": m.Staff,
    "volunteers": m.Volunteer,
    "resources": m.Resource,
    "deliveries": m.ResourceDelivery,
}


def test_every_contract_column_is_a_field_of_its_record() -> None:
    for spec in CONTRACTS.values():
        fields = set(spec.record.model_fields)
        flattened = {column for flat in spec.flattened for column, _ in flat.columns}
        keys = {spec.parent, spec.within, spec.place}
        assert set(spec.names) <= fields | flattened | keys, spec.kind
        kept = set(spec.names) | set(spec.not_in_table) | {f.field for f in spec.flattened}
        assert kept >= fields, spec.kind


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


def test_a_long_tables_bad_rows_keep_their_numbers() -> None:
    # rows are validated a few hundred at a time: rows past the first batch keep their place
    size = 1_300
    frame = pl.DataFrame(
        {
            "id": [f"p{n}" for n in range(size)],
            "name": ["李大爷"] * size,
            "community_id": ["c1"] * size,
            "registered_on": [date(2025, 3, 2)] * size,
            "born_on": [
                date(2025, 3, 3) if n in (0, 700, 1_299) else date(1950, 1, 1) for n in range(size)
            ],
        }
    )
    frame = frame.with_columns(
        pl.when(pl.int_range(pl.len()) == 1_024).then(None).otherwise(pl.col("name")).alias("name")
    )
    with pytest.raises(FrameContractError) as info:
        to_records(frame, "clients")
    found = {(p.row, p.column, p.rule, p.record_id) for p in info.value.problems}
    assert found == {
        (0, "born_on", "born_after_registration", "p0"),
        (700, "born_on", "born_after_registration", "p700"),
        (1_024, "name", "missing", "p1024"),
        (1_299, "born_on", "born_after_registration", "p1299"),
    }
    assert len(to_records(frame.slice(1, 600), "clients")) == 600


@pytest.mark.parametrize(
    ("written", "read"),
    [
        # codes only: the cells are taken as they are
        (["high", "low", "high"], [m.RiskLevel.HIGH, m.RiskLevel.LOW, m.RiskLevel.HIGH]),
        # one label among codes: every cell is looked up, the codes too
        (["high", "低风险", "medium"], [m.RiskLevel.HIGH, m.RiskLevel.LOW, m.RiskLevel.MEDIUM]),
        (["Low", "high", "Low"], [m.RiskLevel.LOW, m.RiskLevel.HIGH, m.RiskLevel.LOW]),
    ],
)
def test_a_code_column_reads_codes_and_labels_in_any_mix(
    written: list[str], read: list[m.RiskLevel]
) -> None:
    clients = pl.DataFrame(
        {
            "id": ["p1", "p2", "p3"],
            "name": ["甲", "乙", "丙"],
            "community_id": ["c1"] * 3,
            "registered_on": [date(2025, 3, 2)] * 3,
            "risk_level": written,
        }
    )
    assert [c.risk_level for c in to_records(clients, "clients")] == read  # type: ignore[attr-defined]


def test_a_case_closure_comes_from_two_columns() -> None:
    frame = from_records(JUNE.cases)
    closed = [c for c in JUNE.cases if c.closure is not None]
    assert frame.filter(pl.col("closed_on").is_not_null()).height == len(closed)
    back = to_records(frame, "cases")
    assert [without("cases", c) for c in back] == [without("cases", c) for c in JUNE.cases]
    with pytest.raises(FrameContractError) as info:
        to_records(pl.DataFrame({"group_id": ["g1"]}), "group_members")
    assert info.value.kind == "group_members"
    # a column the table lacks is one problem of the table, not one of every row
    assert {(p.row, p.column, p.rule, p.value) for p in info.value.problems} == {
        (None, "member_id", "missing_column", None),
        (None, "joined_on", "missing_column", None),
    }


@pytest.mark.parametrize("backend", ["polars", "pandas", "pyarrow"])
@pytest.mark.parametrize("kind", sorted(SAMPLE_TABLES))
def test_samples_round_trip(backend: str, kind: str) -> None:
    records = SAMPLE_TABLES[kind]
    back = to_records(from_records(records, backend=backend), kind)
    assert [without(kind, r) for r in back] == [without(kind, r) for r in records]


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


def test_from_records_to_pandas_without_pandas_names_the_backend(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = importlib.import_module

    def without_pandas(name: str, package: str | None = None) -> Any:
        if name == "pandas":
            raise ImportError("No module named 'pandas'")
        return real(name, package)

    monkeypatch.setattr(importlib, "import_module", without_pandas)
    with pytest.raises(ArgumentError) as info:
        from_records(JUNE.clients, backend="pandas")
    assert str(info.value) == "backend must be an installed eager backend; got 'pandas'"


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


def test_kinds_listed() -> None:
    assert KINDS[0] == "clients"
    assert "staff" in KINDS


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
    expected = casework.key_group_coverage(JUNE.clients, JUNE.visits, JUNE.period)
    assert frame_key_group_coverage(clients, visits, JUNE.period).total == expected


def test_every_indicator_of_several_tables_refuses_two_engines() -> None:

    pandas_cases = from_records(JUNE.cases, backend="pandas")
    history = from_records(JUNE.cases, kind="case_history")
    day = JUNE.period.end
    calls: list[Callable[[], object]] = [
        lambda: frame_services.frame_case_improvement(
            pandas_cases, history, from_records(JUNE.cases, kind="case_goals")
        ),
        lambda: frame_services.frame_overdue_follow_ups(
            pandas_cases, from_records(JUNE.visits), history, as_of=day
        ),
        lambda: frame_services.frame_mean_caseload(
            pandas_cases, history, from_records(JUNE.station.staff), as_of=day
        ),
        lambda: frame_services.frame_group_attendance(
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


@pytest.mark.usefixtures("without_pyarrow")
def test_checking_and_reading_pandas_frames_needs_no_pyarrow() -> None:
    clients = from_records(station_month().clients, backend="pandas")
    assert validate_frame(clients, "clients").ok
    assert len(to_records(clients, "clients")) == len(station_month().clients)


TEAM_TABLES = {
    "supervision_sessions": ("sessions", "supervision_decisions"),
    "trainings": ("trainings", "training_scores"),
    "approvals": ("approvals", "approval_steps"),
    "grade_changes": ("grade_changes", None),
    "certification_changes": ("certification_changes", None),
    "appraisals": ("appraisals", "appraisal_components"),
}


def _team_round_trip(team: TeamRecords, backend: str) -> None:
    for kind, (field, child) in TEAM_TABLES.items():
        records = getattr(team, field)
        frame = from_records(records, kind=kind, backend=backend)
        children = {} if child is None else {child: from_records(records, kind=child)}
        if child is not None and backend != "polars":
            children = {child: from_records(records, kind=child, backend=backend)}
        assert validate_frame(frame, kind).problems == (), kind
        assert to_records(frame, kind, children=children) == records, kind


@pytest.mark.parametrize("backend", ["polars", "pandas", "pyarrow"])
def test_the_team_tables_go_to_frames_and_back_with_their_children(backend: str) -> None:
    team = team_month()
    # June's 9 sessions (two with an external supervisor), 5 trainings, 4 requests
    assert sum(s.external_supervisor is not None for s in team.sessions) >= 1
    assert sum(len(t.scores) for t in team.trainings) >= 1
    _team_round_trip(team, backend)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(team=strategies.team_records())
def test_generated_team_records_go_to_frames_and_back(team: TeamRecords) -> None:
    for backend in ("polars", "pandas"):
        _team_round_trip(team, backend)


def test_an_external_supervisors_name_is_masked_in_a_problem() -> None:
    (session,) = [s for s in team_month().sessions if s.external_supervisor is not None][:1]
    frame = from_records([session], kind="supervision_sessions").with_columns(
        pl.lit(13812345678).alias("external_supervisor_name")
    )
    with pytest.raises(FrameContractError) as info:
        to_records(frame, "supervision_sessions")
    (problem,) = info.value.problems
    assert problem.column == "external_supervisor_name"
    assert str(problem.value).endswith("*")  # the name's mask, as in the record
    assert "13812345678" not in str(info.value)
    (checked,) = validate_frame(frame, "supervision_sessions").problems
    assert checked.column == problem.column
    assert "13812345678" not in str(checked)


def test_a_table_that_is_not_a_child_of_the_kind_is_refused_by_name() -> None:
    clients = from_records(JUNE.clients[:1])
    goals = from_records(JUNE.cases[:1], kind="case_goals")
    for child, table in (("case_goals", goals), ("visits", from_records(JUNE.visits[:1]))):
        with pytest.raises(ArgumentError) as info:
            to_records(clients, "clients", children={child: table})
        assert str(info.value) == f"children must be a child table of clients; got {child!r}"


def test_from_records_names_what_it_refuses() -> None:
    with pytest.raises(ArgumentError) as info:
        from_records([JUNE.clients[0], JUNE.visits[0], JUNE.visits[1]])
    assert str(info.value) == "records must be records of one kind; got '3 records of 2 kinds'"
    with pytest.raises(ArgumentError) as info:
        from_records([JUNE.period])
    assert str(info.value) == "records must be records with a column contract; got 'Period'"
    with pytest.raises(ArgumentError) as info:
        from_records(JUNE.clients, backend="nothing")
    assert str(info.value) == (
        "backend must be an installed eager backend: polars, pandas or pyarrow; got 'nothing'"
    )


def test_a_child_row_naming_no_parent_is_refused_with_the_id_it_names() -> None:
    groups = from_records(JUNE.groups[:1])
    members = from_records(JUNE.groups[:1], kind="group_members")
    # two rows of one unknown group: one problem, naming the group
    strays = members.head(2).with_columns(pl.lit("g-none").alias("group_id"))
    with pytest.raises(FrameContractError) as info:
        to_records(groups, "groups", children={"group_members": pl.concat([members, strays])})
    assert info.value.kind == "group_members"
    assert [(p.row, p.column, p.rule, p.value) for p in info.value.problems] == [
        (None, "group_id", "unknown_reference", "g-none")
    ]


def _child_with_guardians() -> m.Client:
    consent = m.Consent
    return m.Client(
        id="p1",
        name="小明",
        community_id="c1",
        registered_on=date(2025, 3, 2),
        born_on=date(2015, 1, 1),
        consents=(consent(id="k0", scope=m.ConsentScope.SERVICES, given_on=date(2025, 3, 2)),),
        guardians=(
            m.Guardian(
                id="g1",
                name="王女士",
                relationship="母亲",
                consents=(
                    consent(id="k1", scope=m.ConsentScope.SERVICES, given_on=date(2025, 3, 2)),
                    consent(
                        id="k2", scope=m.ConsentScope.INFORMATION_SHARING, given_on=date(2025, 3, 3)
                    ),
                ),
            ),
            m.Guardian(
                id="g2",
                name="李先生",
                relationship="父亲",
                consents=(
                    consent(id="k3", scope=m.ConsentScope.PUBLICATION, given_on=date(2025, 3, 4)),
                ),
            ),
        ),
    )


def test_consents_go_to_one_table_naming_the_guardian_who_gave_each() -> None:
    client = _child_with_guardians()
    consents = from_records([client], kind="client_consents")
    # the client's own consents first (no guardian), then each guardian's in order
    assert consents.select("client_id", "guardian_id", "id").rows() == [
        ("p1", None, "k0"),
        ("p1", "g1", "k1"),
        ("p1", "g1", "k2"),
        ("p1", "g2", "k3"),
    ]
    guardians = from_records([client], kind="client_guardians")
    assert guardians.select("client_id", "id").rows() == [("p1", "g1"), ("p1", "g2")]
    # the consents' table given before the guardians' it names
    back = to_records(
        from_records([client]),
        "clients",
        children={"client_consents": consents, "client_guardians": guardians},
    )
    assert back == (client,)


def test_assessments_are_numbered_in_their_case_and_their_needs_and_scores_name_them() -> None:
    case = JUNE.cases[0]
    (first,) = case.assessments
    first = replace(
        first,
        needs=(m.AssessedNeed(domain=m.NeedDomain.MENTAL_HEALTH, description="情绪低落"),),
        scores=(m.Score(instrument="UCLA", value=52, minimum=20, maximum=80),),
    )
    second = m.Assessment(
        assessed_on=first.assessed_on,
        worker_id="s1",
        methods=(m.AssessmentMethod.INTERVIEW,),
        scores=(
            m.Score(instrument="UCLA", value=40, minimum=20, maximum=80),
            m.Score(instrument="GDS", value=3, minimum=0, maximum=15),
        ),
    )
    case = replace(case, assessments=(first, second))
    tables = {
        kind: from_records([case], kind=kind)
        for kind in ("assessment_scores", "assessment_needs", "case_assessments")
    }
    assert tables["case_assessments"].select("case_id", "assessment").rows() == [
        (case.id, 1),
        (case.id, 2),
    ]
    assert tables["assessment_needs"].select("case_id", "assessment", "description").rows() == [
        (case.id, 1, "情绪低落")
    ]
    assert tables["assessment_scores"].select("assessment", "instrument", "value").rows() == [
        (1, "UCLA", 52.0),
        (2, "UCLA", 40.0),
        (2, "GDS", 3.0),
    ]
    # the needs' and scores' tables given before the assessments' they name
    others = ("case_goals", "case_history", "case_referrals")
    tables |= {kind: from_records([case], kind=kind) for kind in others}
    back = to_records(from_records([case], kind="cases"), "cases", children=tables)
    assert back == (case,)


def test_a_list_of_counts_stays_a_list() -> None:
    entry = RosterEntry(
        id="r1",
        source=SupervisionSource.INTERNAL,
        form=SupervisionForm.GROUP,
        supervisor_id="s1",
        supervisee_ids=("s2", "s3"),
        start=date(2025, 1, 15),
        recurrence=Recurrence(frequency=Frequency.MONTHLY, months=(3, 6, 9, 12), month_day=15),
    )
    for backend in ("polars", "pandas"):
        frame = from_records([entry], kind="supervision_roster", backend=backend)
        assert list(frame["months"][0]) == [3, 6, 9, 12], backend
        assert list(frame["supervisee_ids"][0]) == ["s2", "s3"], backend


def test_a_pandas_number_column_left_blank_is_numbers_not_objects() -> None:
    # pandas makes a column of nothing but None one of objects; blanks in numbers are NaN
    visit = JUNE.visits[0]
    need = JUNE.needs[0]
    resource = replace(JUNE.resources[0], value_cny=None)
    assert (visit.duration_minutes, need.severity, need.urgency) == (None, None, None)
    for record, column in (
        (visit, "duration_minutes"),
        (need, "severity"),
        (need, "urgency"),
        (resource, "value_cny"),
    ):
        cells = from_records([record], backend="pandas")[column]
        assert cells.dtype == "float64", column
        assert cells.isna().all(), column


def test_an_empty_pandas_tables_text_columns_have_the_type_of_a_filled_ones() -> None:
    filled = from_records(JUNE.clients, backend="pandas")
    empty = from_records([], kind="clients", backend="pandas")
    for column in ("id", "name", "community_id", "risk_level", "categories"):
        assert empty[column].dtype == filled[column].dtype, column


def test_consents_naming_no_client_or_no_guardian_of_theirs_are_each_refused_once() -> None:
    clients = from_records(JUNE.clients[:1])
    (client_id,) = clients["id"].to_list()
    consents = pl.DataFrame(
        {
            "client_id": ["p-none", client_id, client_id, client_id],
            "guardian_id": [None, "nobody", "nobody", None],
            "id": ["k1", "k2", "k3", "k4"],
            "scope": ["services"] * 4,
            "given_on": ["2025-03-02"] * 4,
        }
    )
    with pytest.raises(FrameContractError) as info:
        to_records(clients, "clients", children={"client_consents": consents})
    assert info.value.kind == "client_consents"
    # the client's own consent (k4) is placed; the unknown client and guardian, once each
    assert [(p.row, p.column, p.rule, p.value) for p in info.value.problems] == [
        (None, "client_id", "unknown_reference", "p-none"),
        (None, "guardian_id", "unknown_reference", "nobody"),
    ]
