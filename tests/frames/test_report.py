"""The catalogue's indicators and the monthly report on frames equal the record path."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any, cast

import attrs
import duckdb
import narwhals as nw
import pandas as pd  # type: ignore[import-untyped]
import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialwork import frames, metrics
from socialwork import models as m
from socialwork.errors import ArgumentError, FrameContractError, UnknownCodeError
from socialwork.frames import (
    StationFrames,
    frame_monthly_report,
    from_records,
    to_frame,
    to_json,
    to_records,
    validate_frame,
)
from socialwork.frames.report import STATION_TABLES as TABLES
from socialwork.frames.services import (
    _caseload,
    _date,
    _open_cases_on,
    frame_case_improvement,
    frame_certification_rate,
    frame_clients_per_worker,
    frame_file_completeness,
    frame_goal_attainment,
    frame_group_attendance,
    frame_home_visit_completion,
    frame_mean_caseload,
    frame_overdue_follow_ups,
    frame_resource_utilisation,
    frame_staff_turnover,
    frame_survey_satisfaction,
    frame_volunteer_hours,
)
from socialwork.metrics import casework, services
from socialwork.metrics.catalogue import CATALOGUE
from socialwork.samples import station_month, station_previous_month
from tests.frames_data import generated_records

JUNE, MAY = station_month(), station_previous_month()


def follow_ups(frame: Any) -> tuple[metrics.FollowUp, ...]:
    """The rows of a frame of overdue follow-ups as `FollowUp` objects, to compare with records."""
    native = nw.from_native(frame)
    rows = native.collect() if isinstance(native, nw.LazyFrame) else native
    return tuple(
        metrics.FollowUp(case, worker, _date(contact), due)
        for case, worker, contact, due in rows.select(
            "case_id", "worker_id", "last_contact", "due_on"
        ).iter_rows()
    )


def on_engine(frames: StationFrames, engine: str) -> StationFrames:
    """The same tables on another engine: polars eager or lazy, pandas, DuckDB, dates as text."""
    tables = {k: getattr(frames, k) for k in TABLES if getattr(frames, k) is not None}
    if engine == "polars-lazy":
        tables = {k: v.lazy() for k, v in tables.items()}
    elif engine == "pandas":
        tables = {k: v.to_pandas() for k, v in tables.items()}
    elif engine == "duckdb":
        tables = {k: duckdb.from_arrow(v.to_arrow()) for k, v in tables.items()}
    elif engine == "text-dates":  # as read from a CSV: ISO text in the date columns
        tables = {k: v.with_columns(pl.col(pl.Date).cast(pl.String)) for k, v in tables.items()}
    elif engine == "labels":  # as typed by people: Chinese labels for codes, 是/否 for yes/no
        tables = {k: v.with_columns(*_as_typed(k, v)) for k, v in tables.items()}
    return attrs.evolve(frames, **tables)


def _as_typed(kind: str, table: pl.DataFrame) -> list[pl.Expr]:
    """The code columns of a table as their Simplified Chinese labels, yes/no as 是/否."""
    written: list[pl.Expr] = []
    for column in frames.contract(kind).columns:
        if column.name not in table.columns:
            continue
        if column.type == "code" and column.enum is not None:
            labels = {member.value: member.label("zh") for member in column.enum}
            written.append(pl.col(column.name).replace_strict(labels, default=None))
        elif column.type == "bool":
            yes_no = pl.col(column.name).replace_strict({True: "是", False: "否"}, default=None)
            written.append(yes_no.cast(pl.String))
    return written


ENGINES = ["polars", "polars-lazy", "pandas", "duckdb", "text-dates", "labels"]


@pytest.mark.parametrize("engine", ENGINES)
def test_the_sample_report_from_frames_equals_the_record_report(engine: str) -> None:
    now = on_engine(StationFrames.from_records(JUNE), engine)
    before = on_engine(StationFrames.from_records(MAY), engine)
    assert frame_monthly_report(now, JUNE.period, before) == metrics.monthly_report(
        JUNE, JUNE.period, MAY
    )
    assert frame_monthly_report(now, JUNE.period) == metrics.monthly_report(JUNE, JUNE.period)


@pytest.mark.parametrize("engine", ["polars", "polars-lazy", "pandas", "duckdb"])
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), size=st.integers(0, 25))
def test_generated_reports_from_frames_equal_the_record_reports(
    engine: str, seed: int, size: int
) -> None:
    records = generated_records(size, seed=seed)
    frames = on_engine(StationFrames.from_records(records), engine)
    assert frame_monthly_report(frames, records.period) == metrics.monthly_report(
        records, records.period
    )


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 2**32 - 1),
    size=st.integers(0, 25),
    day=st.dates(date(2025, 3, 25), date(2025, 9, 30)),
    after=st.integers(0, 30),
)
def test_each_indicator_on_any_day_equals_the_record_path(
    seed: int, size: int, day: date, after: int
) -> None:
    records = generated_records(size, seed=seed)
    t = StationFrames.from_records(records).table
    staff = records.station.staff
    period = m.Period(start=min(day, date(2025, 6, 1)), end=max(day, date(2025, 6, 1)))
    assert follow_ups(
        frame_overdue_follow_ups(
            t("cases"), t("visits"), t("case_history"), as_of=day, after_days=after
        )
    ) == casework.overdue_follow_ups(records.cases, records.visits, as_of=day, after_days=after)
    assert frame_mean_caseload(
        t("cases"), t("case_history"), t("staff"), as_of=day
    ) == casework.mean_caseload(records.cases, staff, as_of=day)
    assert frame_certification_rate(t("staff"), as_of=day) == services.certification_rate(
        staff, as_of=day
    )
    assert frame_staff_turnover(t("staff"), period) == services.staff_turnover(staff, period)
    assert frame_home_visit_completion(
        t("visits"), period, after
    ) == casework.home_visit_completion(records.visits, period, after)
    assert frame_group_attendance(
        t("group_members"), t("group_sessions"), period
    ) == services.group_attendance(records.groups, period)
    assert frame_survey_satisfaction(t("surveys"), period) == services.survey_satisfaction(
        records.surveys, period
    )
    assert frame_volunteer_hours(t("service_hours"), period) == services.volunteer_hours(
        records.service_hours, period
    )
    assert frame_case_improvement(
        t("cases"), t("case_history"), t("case_goals")
    ) == casework.case_improvement(records.cases)
    assert frame_goal_attainment(t("case_goals")) == casework.goal_attainment(records.cases)
    assert frame_file_completeness(t("files")) == services.file_completeness(records.files)


def test_a_case_closed_and_reopened_on_one_day_by_hand() -> None:
    # Opened 1 June; closed and reopened on 10 June; last contact 5 June, before the
    # reopening, so the follow-up counts from 10 June: due 17 June, overdue on 20 June.
    # A second case closed for good on 12 June is not open on the 20th.
    cases = pl.DataFrame(
        {
            "id": ["k1", "k2"],
            "client_id": ["p1", "p2"],
            "worker_id": ["s1", "s2"],
            "opened_on": [date(2025, 6, 1), date(2025, 6, 1)],
            "status": ["assessment", "closed"],
            "closed_on": [None, date(2025, 6, 12)],
            "closure_outcome": [None, "partial"],
        }
    )
    history = pl.DataFrame(
        {
            "case_id": ["k1", "k1", "k2"],
            "on": [date(2025, 6, 10)] * 2 + [date(2025, 6, 12)],
            # the rows' order does not matter: the reopening is listed first
            "from_status": ["closed", "intake", "intake"],
            "to_status": ["assessment", "closed", "closed"],
        }
    )
    visits = pl.DataFrame(
        {
            "id": ["v1"],
            "client_id": ["p1"],
            "on": [date(2025, 6, 5)],
            "mode": ["phone"],
            "worker_id": ["s1"],
            "case_id": ["k1"],
        }
    )
    (late,) = follow_ups(frame_overdue_follow_ups(cases, visits, history, as_of=date(2025, 6, 20)))
    assert (late.case_id, late.last_contact, late.due_on) == ("k1", None, date(2025, 6, 17))
    none = frame_overdue_follow_ups(cases, visits, history, as_of=date(2025, 6, 17))
    assert follow_ups(none) == ()
    staff = pl.DataFrame(
        {
            "id": ["s1", "s2", "s3"],
            "name": ["甲", "乙", "丙"],
            "role": ["full_time", "supervisor", "intern"],
            "grade": ["junior", "senior", "junior"],
            "joined_on": [date(2024, 1, 1)] * 3,
            "certification": ["assistant_social_worker", "none", "none"],
        }
    )
    # one open case (k1) for two social workers; the intern is not counted
    assert frame_mean_caseload(cases, history, staff, as_of=date(2025, 6, 20)) == 0.5
    certified = frame_certification_rate(staff, as_of=date(2025, 6, 20))
    assert (certified.numerator, certified.denominator) == (1, 2)
    assert [e.record_id for e in certified.excluded.first] == ["s3"]


def test_tables_left_out_have_no_rows() -> None:
    frames = StationFrames.from_records(JUNE)
    partial = StationFrames(
        JUNE.station.name, JUNE.period, clients=frames.clients, visits=frames.visits
    )
    report = frame_monthly_report(partial, JUNE.period)
    assert report.line("key_group_coverage").value == casework.key_group_coverage(
        JUNE.clients, JUNE.visits, JUNE.period
    )
    assert report.line("survey_satisfaction").value == metrics.rate(0, 0)
    assert report.line("home_visit_completion").value is None
    assert report.groups == ()
    duck = StationFrames(
        JUNE.station.name,
        JUNE.period,
        clients=duckdb.from_arrow(frames.clients.to_arrow()),
        visits=duckdb.from_arrow(frames.visits.to_arrow()),
    )
    assert frame_monthly_report(duck, JUNE.period) == report
    pandas = StationFrames(JUNE.station.name, JUNE.period, clients=frames.clients.to_pandas())
    assert frame_monthly_report(pandas, JUNE.period).line("key_group_coverage").value == (
        casework.key_group_coverage(JUNE.clients, (), JUNE.period)
    )
    assert StationFrames(JUNE.station.name, JUNE.period).table("staff").height == 0
    with pytest.raises(UnknownCodeError):
        partial.table("known_key_group")
    with pytest.raises(ArgumentError):
        StationFrames(JUNE.station.name, JUNE.period, home_visits_planned=-1)


# --- child tables in and out -------------------------------------------------------------


def test_whole_groups_and_cases_come_back_from_their_tables() -> None:
    children = {
        kind: from_records(JUNE.groups, kind=kind) for kind in ("group_members", "group_sessions")
    }
    assert to_records(from_records(JUNE.groups), "groups", children=children) == JUNE.groups
    members = to_records(children["group_members"], "group_members")
    assert members == tuple(x for g in JUNE.groups for x in g.members)
    sessions = to_records(children["group_sessions"].to_pandas(), "group_sessions")
    assert sessions == tuple(x for g in JUNE.groups for x in g.sessions)
    cases = {kind: from_records(JUNE.cases, kind=kind) for kind in ("case_goals", "case_history")}
    back = list(to_records(from_records(JUNE.cases), "cases", children=cases))
    read = [(c.goals, c.history) for c in back if isinstance(c, m.Case)]
    assert read == [(c.goals, c.history) for c in JUNE.cases]
    for kind in ("group_members", "group_sessions", "case_goals", "case_history"):
        assert validate_frame(
            from_records(JUNE.groups if "group" in kind else JUNE.cases, kind=kind), kind
        ).ok


def test_child_rows_are_checked_against_their_parent() -> None:
    groups = from_records(JUNE.groups)
    members = from_records(JUNE.groups, kind="group_members")
    orphan = pl.concat([members, members.head(1).with_columns(pl.lit("g404").alias("group_id"))])
    with pytest.raises(FrameContractError) as info:
        to_records(groups, "groups", children={"group_members": orphan})
    assert [(p.column, p.rule, p.value) for p in info.value.problems] == [
        ("group_id", "unknown_reference", "g404")
    ]
    assert info.value.kind == "group_members"
    # the group's own rule: every attendee is a member that day
    with pytest.raises(FrameContractError) as info:
        to_records(
            groups,
            "groups",
            children={"group_sessions": from_records(JUNE.groups, kind="group_sessions")},
        )
    assert {p.rule for p in info.value.problems} == {"attendee_not_member"}
    bad = members.with_columns(pl.lit(None, pl.String).alias("group_id"))
    with pytest.raises(FrameContractError) as info:
        to_records(bad, "group_members")
    assert {(p.column, p.rule) for p in info.value.problems} == {("group_id", "missing")}
    with pytest.raises(ArgumentError):
        to_records(groups, "groups", children={"case_goals": members})
    with pytest.raises(ArgumentError):
        from_records(JUNE.clients, kind="group_members")


def test_a_case_without_history_rows_keeps_its_dates() -> None:
    opened = date(2025, 6, 2)
    case = m.Case(id="k1", client_id="p1", worker_id="s1", opened_on=opened)
    frames = (from_records([case]), from_records([case], kind="case_history"))
    assert frames[1].height == 0
    day = opened + timedelta(days=9)
    (late,) = follow_ups(
        frame_overdue_follow_ups(frames[0], from_records([], kind="visits"), frames[1], as_of=day)
    )
    assert late.due_on == opened + timedelta(days=7)


# --- results out: every table-shaped result ----------------------------------------------


def test_planning_and_stage_results_as_tables_and_json() -> None:
    from socialwork.analysis import Offer, Risk, RiskCategory, RiskRegister, RiskScore, match_needs
    from socialwork.stages import Engagement, EvaluationEvidence, Stage, check_exit

    register = RiskRegister(
        risks=(
            Risk(
                id="a",
                title="资金中断",
                category=RiskCategory.FUNDING,
                inherent=RiskScore(likelihood=3, impact=5),
            ),
            Risk(
                id="b",
                title="人才流失",
                category=RiskCategory.STAFFING,
                inherent=RiskScore(likelihood=3, impact=4),
            ),
        )
    )
    ranking = to_frame(register.ranking("inherent"))
    # ratings 3 x 5 = 15 and 3 x 4 = 12, highest first
    assert ranking["risk_id"].to_list() == ["a", "b"]
    assert ranking["rating"].to_list() == [15, 12]
    heat = to_frame(register.heat_map("inherent"))
    assert heat.height == 25
    cell = heat.filter((pl.col("likelihood") == 3) & (pl.col("impact") == 5)).row(0, named=True)
    assert (cell["count"], cell["risks"]) == (1, "a")
    assert heat["count"].sum() == 2
    assert json.loads(to_json(register.heat_map("inherent")))["cells"][2][4] == ["a"]

    needs = [n for n in JUNE.needs if n.status is m.NeedStatus.OPEN][:3]
    domain = needs[0].domain
    matching = match_needs(needs, [Offer(id="o1", domain=domain, capacity=1, description="物资")])
    rows = to_frame(matching)
    assert rows.height == len(needs)
    assert rows.filter(pl.col("offer_id") == "o1").height == 1
    assert set(rows["unmatched_reason"].drop_nulls()) <= {
        "no_offer_in_domain",
        "capacity_exhausted",
    }
    assert json.loads(to_json(matching))["assignments"][0]["offer_id"] == "o1"

    engagement = Engagement(community_id="c1", stage=Stage.EVALUATION, entered_on=date(2025, 11, 1))
    check = check_exit(
        engagement,
        EvaluationEvidence(
            summary_written=True,
            qualitative_sources=4,
            quantitative_indicators=0,
            next_cycle_plan=True,
        ),
    )
    criteria = to_frame(check, backend="pandas")
    assert len(criteria) == 4
    unmet = criteria[~criteria["met"]]
    # no quantitative indicator against a threshold of at least one
    assert unmet["criterion"].tolist() == ["quantitative_evidence"]
    assert unmet["measured"].tolist() == [0.0]
    assert json.loads(to_json(check))["stage"] == "evaluation"


def test_casework_results_as_tables() -> None:
    frames = StationFrames.from_records(JUNE)
    late = frame_overdue_follow_ups(
        frames.cases, frames.visits, frames.case_history, as_of=JUNE.period.end
    )
    assert late.schema["due_on"] == pl.Date
    assert late["case_id"].to_list() == ["k8", "k7", "k4"]
    assert to_frame(follow_ups(late)).equals(late)
    cover = frame_monthly_report(frames, JUNE.period)
    by_category = to_frame(cover.coverage_by_category)
    assert by_category["key"].to_list() == [c.value for c, _ in cover.coverage_by_category]
    assert by_category["numerator"].to_list() == [
        r.numerator for _, r in cover.coverage_by_category
    ]
    assert json.loads(to_json(cover))["overdue"][0]["case_id"] == late["case_id"][0]


def test_a_frame_that_breaks_the_contract_names_the_column() -> None:
    visits = from_records(JUNE.visits)
    with pytest.raises(FrameContractError) as info:
        frame_home_visit_completion(visits.drop("mode"), JUNE.period, 10)
    assert [(p.column, p.rule) for p in info.value.problems] == [("mode", "missing_column")]
    assert "mode" in str(info.value)
    as_numbers = visits.with_columns(pl.lit(20250601).alias("on"))
    with pytest.raises(FrameContractError) as info:
        frame_home_visit_completion(as_numbers, JUNE.period, 10)
    # a number is no date: each of the 82 visits' cells is refused, as `to_records` refuses it
    assert [(p.row, p.column, p.rule) for p in info.value.problems] == [
        (row, "on", "date_type") for row in range(82)
    ]
    # optional columns left out read as blank: no staff member has left, none is certified
    staff = from_records(JUNE.station.staff).drop("left_on", "certification")
    certified = frame_certification_rate(staff, as_of=JUNE.period.end)
    assert certified.numerator == 0


@pytest.mark.parametrize("engine", ["polars", "pandas", "duckdb", "text-dates"])
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 2**32 - 1),
    size=st.integers(0, 25),
    day=st.dates(date(2025, 3, 25), date(2025, 9, 30)),
    after=st.integers(0, 30),
)
def test_the_reports_one_query_for_follow_ups_and_caseload_equals_the_record_path(
    engine: str, seed: int, size: int, day: date, after: int
) -> None:
    records = generated_records(size, seed=seed)
    t = on_engine(StationFrames.from_records(records), engine).table
    opened = _open_cases_on(t("cases"), t("visits"), t("case_history"), as_of=day, after_days=after)
    late = casework.overdue_follow_ups(records.cases, records.visits, as_of=day, after_days=after)
    assert (opened.first, opened.overdue) == (late[:20], len(late))
    assert opened.open == sum(case.open_on(day) for case in records.cases)
    listed = frame_overdue_follow_ups(
        t("cases"), t("visits"), t("case_history"), as_of=day, after_days=after
    )
    assert follow_ups(listed) == late
    assert _caseload(opened.open, t("staff"), day) == casework.mean_caseload(
        records.cases, records.station.staff, as_of=day
    )


@pytest.mark.usefixtures("without_pyarrow")
def test_the_report_on_pandas_without_pyarrow_names_what_to_install() -> None:
    june = station_month()
    tables = StationFrames.from_records(june, backend="pandas")
    with pytest.raises(ImportError) as info:
        frame_monthly_report(tables, june.period)
    # why, and the two ways out
    assert str(info.value) == (
        "socialwork.frames computes indicators on pandas frames through pyarrow "
        "(narwhals keeps pandas dates as pyarrow dates): pip install pyarrow, or "
        "pass polars or DuckDB frames"
    )


@pytest.mark.usefixtures("without_pyarrow")
def test_polars_needs_no_pyarrow_check() -> None:
    june = station_month()
    tables = StationFrames.from_records(june, backend="polars")
    assert frame_monthly_report(tables, june.period) == metrics.monthly_report(june, june.period)


def test_with_pyarrow_pandas_gives_the_record_path_report() -> None:
    june = station_month()
    tables = StationFrames.from_records(june, backend="pandas")
    assert isinstance(tables.clients, pd.DataFrame)
    assert frame_monthly_report(tables, june.period) == metrics.monthly_report(june, june.period)


def test_the_reports_check_their_bundles_too() -> None:
    with pytest.raises(TypeError, match=r"^records must be a StationRecords; got list"):
        metrics.monthly_report([], JUNE.period)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^previous must be a StationRecords; got str"):
        metrics.monthly_report(JUNE, JUNE.period, "may")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^frames must be a StationFrames; got StationRecords"):
        frames.frame_monthly_report(JUNE, JUNE.period)  # type: ignore[arg-type]
    tables = frames.StationFrames.from_records(JUNE)
    with pytest.raises(TypeError, match=r"^previous must be a StationFrames; got StationRecords"):
        frames.frame_monthly_report(tables, JUNE.period, JUNE)  # type: ignore[arg-type]


@pytest.mark.parametrize("engine", ENGINES)
def test_every_catalogue_entry_measures_the_same_on_frames_and_records(engine: str) -> None:
    june = station_month()
    tables = on_engine(StationFrames.from_records(june), engine)
    for code in CATALOGUE:
        assert tables.measure(code) == metrics.indicator(code).measure(june), code


def test_measure_reads_another_period_and_refuses_an_unknown_code() -> None:
    june = station_month()
    may = m.Period.month(2025, 5)
    tables = StationFrames.from_records(june)
    assert tables.measure("need_satisfaction", may) == metrics.indicator(
        "need_satisfaction"
    ).measure(june, may)
    with pytest.raises(UnknownCodeError):
        tables.measure("happiness")


def test_an_entry_without_a_frame_measure_is_refused_on_import(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from socialwork.frames import report as frame_report

    entries = {**CATALOGUE, "happiness": CATALOGUE["volunteer_hours"]}
    monkeypatch.setattr(frame_report, "CATALOGUE", entries)
    with pytest.raises(RuntimeError, match=r"without one \['happiness'\]"):
        frame_report._check_catalogue()
    # a measure of no entry is refused too, and the message names both lists
    entries = {code: e for code, e in CATALOGUE.items() if code != "volunteer_hours"}
    monkeypatch.setattr(frame_report, "CATALOGUE", entries)
    expected = (
        r"^every catalogue entry needs a frame measure in socialwork\.frames\.report: "
        r"without one \[\], measures of no entry \['volunteer_hours'\]$"
    )
    with pytest.raises(RuntimeError, match=expected):
        frame_report._check_catalogue()


# --- the services indicators: arguments, list cells, what they leave out ------------------

_T = StationFrames.from_records(JUNE).table
_PANDAS = StationFrames.from_records(JUNE, backend="pandas").table
_DAY = JUNE.period.end
_NOON = datetime(2025, 6, 30, 12)
_NOT_A_PERIOD: Any = "2025-06"
_REFUSED: list[tuple[Any, type[Exception], str]] = [
    (
        lambda: frame_mean_caseload(_T("cases"), _T("case_history"), _PANDAS("staff"), as_of=_DAY),
        ArgumentError,
        "got 'cases: polars, case_history: polars, staff: pandas'",
    ),
    (
        lambda: frame_mean_caseload(_T("cases"), _T("case_history"), _T("staff"), as_of=_NOON),
        ArgumentError,
        "^as_of must be a date",
    ),
    (
        lambda: frame_clients_per_worker(_T("visits"), _PANDAS("staff"), JUNE.period),
        ArgumentError,
        "got 'visits: polars, staff: pandas'",
    ),
    (
        lambda: frame_clients_per_worker(_T("visits"), _T("staff"), _NOT_A_PERIOD),
        TypeError,
        "^period must be a Period",
    ),
    (
        lambda: frame_group_attendance(_T("group_members"), _PANDAS("group_sessions"), JUNE.period),
        ArgumentError,
        "got 'group_members: polars, group_sessions: pandas'",
    ),
    (
        lambda: frame_group_attendance(_T("group_members"), _T("group_sessions"), _NOT_A_PERIOD),
        TypeError,
        "^period must be a Period",
    ),
    (
        lambda: frame_resource_utilisation(_T("resources"), _PANDAS("deliveries"), JUNE.period),
        ArgumentError,
        "got 'resources: polars, deliveries: pandas'",
    ),
    (
        lambda: frame_resource_utilisation(_T("resources"), _T("deliveries"), _NOT_A_PERIOD),
        TypeError,
        "^period must be a Period",
    ),
    (
        lambda: frame_certification_rate(_T("staff"), as_of=_NOON),
        ArgumentError,
        "^as_of must be a date",
    ),
    (lambda: frame_staff_turnover(_T("staff"), _NOT_A_PERIOD), TypeError, "^period must be"),
    (lambda: frame_survey_satisfaction(_T("surveys"), _NOT_A_PERIOD), TypeError, "^period must be"),
    (
        lambda: frame_survey_satisfaction(_T("surveys"), JUNE.period, "nobody"),
        UnknownCodeError,
        "^subject must be one of the codes",
    ),
    (
        lambda: frame_volunteer_hours(_T("service_hours"), _NOT_A_PERIOD),
        TypeError,
        "^period must be",
    ),
    (
        lambda: frame_home_visit_completion(_T("visits"), _NOT_A_PERIOD, 3),
        TypeError,
        "^period must be",
    ),
    (
        lambda: frame_home_visit_completion(_T("visits"), JUNE.period, -1),
        ArgumentError,
        "^planned must be a whole number",
    ),
    (
        lambda: frame_overdue_follow_ups(
            _T("cases"), _PANDAS("visits"), _T("case_history"), as_of=_DAY
        ),
        ArgumentError,
        "got 'cases: polars, visits: pandas, case_history: polars'",
    ),
    (
        lambda: frame_overdue_follow_ups(
            _T("cases"), _T("visits"), _T("case_history"), as_of=_NOON
        ),
        ArgumentError,
        "^as_of must be a date",
    ),
    (
        lambda: frame_overdue_follow_ups(
            _T("cases"), _T("visits"), _T("case_history"), as_of=_DAY, after_days=-1
        ),
        ArgumentError,
        "^after_days must be a whole number of days",
    ),
    (
        lambda: frame_case_improvement(_T("cases"), _T("case_history"), _PANDAS("case_goals")),
        ArgumentError,
        "got 'cases: polars, case_history: polars, case_goals: pandas'",
    ),
]


@pytest.mark.parametrize(
    ("call", "error", "message"), _REFUSED, ids=[f"{n}-{m}" for n, (_, _, m) in enumerate(_REFUSED)]
)
def test_the_services_indicators_name_the_argument_they_refuse(
    call: Any, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        call()


def test_list_cells_are_counted_however_they_are_held() -> None:
    # g1's members m1 and m2 joined in January, m3 on 10 June. The June sessions expect 2
    # (5 June), then 3 (12, 20 and 25 June): 11. They were attended by m1 and m2 (written
    # as text), m1 (a list), nobody (None, then NaN): 3. The May session is not counted.
    members = pd.DataFrame(
        {
            "group_id": ["g1"] * 3,
            "member_id": ["m1", "m2", "m3"],
            "joined_on": [date(2025, 1, 1), date(2025, 1, 1), date(2025, 6, 10)],
            "left_on": [None, None, None],
        }
    )
    sessions = pd.DataFrame(
        {
            "group_id": ["g1"] * 5,
            "on": [date(2025, 6, d) for d in (5, 12, 20, 25)] + [date(2025, 5, 30)],
            "attended": pd.Series(
                ["m1;m2", ["m1"], None, float("nan"), ["m1", "m2"]], dtype=object
            ),
        }
    )
    came = frame_group_attendance(members, sessions, JUNE.period)
    assert (came.numerator, came.denominator) == (3, 11)
    # the same lists written as text, items separated by ";", in a polars frame
    written = pl.DataFrame(
        {
            "group_id": ["g1"] * 5,
            "on": [date(2025, 6, d) for d in (5, 12, 20, 25)] + [date(2025, 5, 30)],
            "attended": ["m1;m2", " m1 ", "", None, "m1;m2"],
        }
    )
    came = frame_group_attendance(pl.from_pandas(members), written, JUNE.period)
    assert (came.numerator, came.denominator) == (3, 11)
    # a file lacks nothing when its list is empty or blank; without the column, no file does
    files = pl.DataFrame({"id": ["f1", "f2", "f3"], "missing_items": [["photo"], None, []]})
    done = frame_file_completeness(files)
    assert (done.numerator, done.denominator) == (2, 3)
    whole = frame_file_completeness(files.drop("missing_items"))
    assert (whole.numerator, whole.denominator) == (3, 3)


@pytest.mark.parametrize("engine", ["polars", "lazy", "duckdb"])
def test_list_cells_are_split_as_to_records_splits_them(engine: str) -> None:
    # to_records splits at ; , ， ； or 、 and leaves blank items out: the sessions of
    # 5, 12, 20 and 25 June were attended by 2 ("m1;;m2"), 3 ("m1,m2、m3"), 0 (" ; ")
    # and 2 (" m1 ；m2 ,") members: 7 of the 11 expected (the members as above)
    members = pl.DataFrame(
        {
            "group_id": ["g1"] * 3,
            "member_id": ["m1", "m2", "m3"],
            "joined_on": [date(2025, 1, 1), date(2025, 1, 1), date(2025, 6, 10)],
        }
    )
    attended = ["m1;;m2", "m1,m2、m3", " ; ", " m1 ；m2 ,"]
    sessions = pl.DataFrame(
        {"group_id": ["g1"] * 4, "on": [date(2025, 6, d) for d in (5, 12, 20, 25)]}
    ).with_columns(attended=pl.Series(attended))
    read = to_records(sessions, "group_sessions")
    assert [len(cast(m.GroupSession, s).attended) for s in read] == [2, 3, 0, 2]
    files = pl.DataFrame({"id": ["f1", "f2"], "missing_items": [" ; ", "photo,,"]})
    tables: tuple[Any, ...] = (members, sessions, files)
    if engine == "lazy":
        tables = tuple(t.lazy() for t in tables)
    elif engine == "duckdb":
        tables = tuple(duckdb.from_arrow(t.to_arrow()) for t in tables)
    members, sessions, files = tables
    came = frame_group_attendance(members, sessions, JUNE.period)
    assert (came.numerator, came.denominator) == (7, 11)
    # " ; " lists nothing: f1 is complete; f2 lacks a photo
    done = frame_file_completeness(files)
    assert (done.numerator, done.denominator) == (1, 2)


def test_resources_not_usable_are_left_out_and_listed() -> None:
    # r1 and r2 are usable and r1 was delivered in June: 1 of 2; r3 is not usable
    resources = pl.DataFrame(
        {"id": ["r1", "r2", "r3"], "availability": ["usable", "usable", "unusable"]}
    )
    deliveries = pl.DataFrame(
        {
            "id": ["d1", "d2"],
            "resource_id": ["r1", "r3"],
            "delivered_on": [date(2025, 6, 3), date(2025, 6, 4)],
        }
    )
    used = frame_resource_utilisation(resources, deliveries, JUNE.period)
    assert (used.numerator, used.denominator) == (1, 2)
    assert [(e.record_id, e.reason.value) for e in used.excluded.first] == [("r3", "not_usable")]
    # a delivery's date that is no date refuses the frame, as a missing resource_id does
    with pytest.raises(FrameContractError) as info:
        frame_resource_utilisation(
            resources, deliveries.with_columns(pl.lit("3 June").alias("delivered_on")), JUNE.period
        )
    assert {(p.column, p.rule) for p in info.value.problems} == {("delivered_on", "date_format")}
    with pytest.raises(FrameContractError) as info:
        frame_resource_utilisation(resources, deliveries.drop("resource_id"), JUNE.period)
    assert [(p.column, p.rule) for p in info.value.problems] == [("resource_id", "missing_column")]
    with pytest.raises(FrameContractError) as info:
        frame_resource_utilisation(resources.drop("id"), deliveries, JUNE.period)
    assert [(p.column, p.rule) for p in info.value.problems] == [("id", "missing_column")]


def test_the_clients_per_worker_read_the_visits_as_the_contract_says() -> None:
    staff = _T("staff")
    visits = _T("visits")
    with pytest.raises(FrameContractError) as info:
        frame_clients_per_worker(visits.drop("client_id"), staff, JUNE.period)
    assert [(p.column, p.rule) for p in info.value.problems] == [("client_id", "missing_column")]
    with pytest.raises(FrameContractError) as info:
        frame_clients_per_worker(
            visits.with_columns(pl.lit("1 June").alias("on")), staff, JUNE.period
        )
    assert {(p.column, p.rule) for p in info.value.problems} == {("on", "date_format")}


def test_the_home_visits_above_the_plan_are_listed_by_date() -> None:
    # v5 to v1 on 1 to 5 June (ids against the dates' order); a plan of 3 leaves out the
    # two latest, v2 (4 June) and v1 (5 June), listed by date
    visits = pl.DataFrame(
        {
            "id": ["v5", "v4", "v3", "v2", "v1"],
            "client_id": ["p1"] * 5,
            "on": [date(2025, 6, d) for d in (1, 2, 3, 4, 5)],
            "mode": ["home_visit"] * 5,
        }
    )
    tables = StationFrames("站", JUNE.period, visits=visits, home_visits_planned=3)
    listed = tables.exclusions("home_visit_completion")
    assert listed.rows() == [("v2", "above_plan"), ("v1", "above_plan")]
    none = attrs.evolve(tables, home_visits_planned=5).exclusions("home_visit_completion")
    assert none.height == 0


def test_surveys_and_volunteer_hours_refuse_cells_they_cannot_read() -> None:
    # June's surveys: 8 of 10 and 5 of 10 satisfied, 13 of 20; the May one is not counted
    surveys = pl.DataFrame(
        {
            "conducted_on": ["2025-06-03", "2025-06-20", "2025-05-30"],
            "satisfied": [8, 5, 9],
            "respondents": [10, 10, 10],
        }
    )
    found = frame_survey_satisfaction(surveys, JUNE.period)
    assert (found.numerator, found.denominator) == (13, 20)
    for column, cell, rule in [
        ("conducted_on", "3 June", "date_format"),
        ("satisfied", "8", "int_type"),
        ("respondents", "10", "int_type"),
    ]:
        with pytest.raises(FrameContractError) as info:
            frame_survey_satisfaction(surveys.with_columns(pl.lit(cell).alias(column)), JUNE.period)
        assert {(p.column, p.rule, p.value) for p in info.value.problems} == {(column, rule, cell)}
    # June's hours: 1.5 + 2.25; the May day is not counted
    hours = pl.DataFrame(
        {"on": ["2025-06-03", "2025-06-04", "2025-05-31"], "hours": [1.5, 2.25, 3.0]}
    )
    assert frame_volunteer_hours(hours, JUNE.period) == Decimal("3.75")
    for column, cell, rule in [("on", "3 June", "date_format"), ("hours", "two", "decimal_format")]:
        with pytest.raises(FrameContractError) as info:
            frame_volunteer_hours(hours.with_columns(pl.lit(cell).alias(column)), JUNE.period)
        assert {(p.column, p.rule, p.value) for p in info.value.problems} == {(column, rule, cell)}


# Each indicator refuses a frame without a column it needs (the contract requires it), or
# with a date it cannot read in a column it reads, naming the table and the column.
def _turnover(t: dict[str, Any]) -> object:
    return frame_staff_turnover(t["staff"], JUNE.period)


def _improvement(t: dict[str, Any]) -> object:
    return frame_case_improvement(t["cases"], t["case_history"], t["case_goals"])


def _attendance(t: dict[str, Any]) -> object:
    return frame_group_attendance(t["group_members"], t["group_sessions"], JUNE.period)


_NEEDED: list[tuple[Any, str, str, str]] = [
    (_turnover, "staff", "id", "missing_column"),
    (_turnover, "staff", "role", "missing_column"),
    (_turnover, "staff", "joined_on", "missing_column"),
    (_turnover, "staff", "left_on", "date_format"),
    (_improvement, "cases", "id", "missing_column"),
    (_improvement, "case_history", "case_id", "missing_column"),
    (_improvement, "case_history", "to_status", "missing_column"),
    (_improvement, "case_goals", "case_id", "missing_column"),
    (_attendance, "group_members", "group_id", "missing_column"),
    (_attendance, "group_members", "joined_on", "missing_column"),
    (_attendance, "group_members", "left_on", "date_format"),
    (_attendance, "group_sessions", "group_id", "missing_column"),
    (_attendance, "group_sessions", "on", "missing_column"),
]


@pytest.mark.parametrize(
    ("measure", "kind", "column", "rule"),
    _NEEDED,
    ids=[f"{kind}.{column}" for _, kind, column, _ in _NEEDED],
)
def test_an_indicator_refuses_a_frame_without_what_it_reads(
    measure: Any, kind: str, column: str, rule: str
) -> None:
    tables = {k: _T(k) for k in ("staff", "cases", "case_history", "case_goals")}
    tables |= {k: _T(k) for k in ("group_members", "group_sessions")}
    table = tables[kind]
    if rule == "missing_column":
        tables[kind] = table.drop(column)
    else:  # an optional date, written as text no date reads
        tables[kind] = table.with_columns(pl.lit("someday").alias(column))
    with pytest.raises(FrameContractError) as info:
        measure(tables)
    assert info.value.kind == kind
    assert {(p.column, p.rule) for p in info.value.problems} == {(column, rule)}
