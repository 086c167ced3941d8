"""Tests of socialwork.frames.indicators."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import duckdb
import narwhals as nw
import pandas as pd  # type: ignore[import-untyped]
import polars as pl
import pyarrow as pa  # type: ignore[import-untyped]
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialwork import metrics
from socialwork import models as m
from socialwork.errors import ArgumentError, FrameContractError
from socialwork.frames import StationFrames, from_records, to_records, validate_frame
from socialwork.frames.indicators import (
    frame_identification_rate,
    frame_key_group_coverage,
    frame_need_satisfaction,
    frame_resource_match_accuracy,
)
from socialwork.frames.services import (
    frame_certification_rate,
    frame_goal_attainment,
    frame_home_visit_completion,
    frame_mean_caseload,
    frame_staff_turnover,
    frame_volunteer_hours,
)
from socialwork.metrics import services
from socialwork.metrics.casework import home_visit_completion, identification_rate
from socialwork.records import replace
from socialwork.samples import station_month
from tests.frames.support import ENGINES, JUNE
from tests.frames_data import generated_station


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_frame_indicators_equal_the_record_path_on_the_samples(engine: str) -> None:
    to = ENGINES[engine]
    period = JUNE.period
    assert frame_key_group_coverage(
        to(JUNE.clients, "clients"), to(JUNE.visits, "visits"), period
    ) == metrics.key_group_coverage_by_category(JUNE.clients, JUNE.visits, period)
    assert frame_need_satisfaction(to(JUNE.needs, "needs"), period) == services.need_satisfaction(
        JUNE.needs, period
    )
    assert frame_resource_match_accuracy(
        to(JUNE.deliveries, "deliveries"), period
    ) == services.resource_match_accuracy(JUNE.deliveries, period)


@pytest.mark.parametrize("engine", ["polars", "pandas", "polars-lazy", "duckdb"])
def test_categories_held_as_lists_are_read_as_to_records_reads_them(engine: str) -> None:
    # A list column of codes, the first client's empty (no key group): validate_frame and
    # to_records accept it, and coverage and identification equal the record path.
    clients = from_records(JUNE.clients).with_columns(
        pl.when(pl.col("id") == JUNE.clients[0].id)
        .then(pl.lit(""))
        .otherwise(pl.col("categories"))
        .str.split(";")
        .list.eval(pl.element().filter(pl.element() != ""))
        .alias("categories")
    )
    plain = replace(JUNE.clients[0], categories=())
    records = (plain, *JUNE.clients[1:])
    read = to_records(clients, "clients")
    assert [c.categories for c in read] == [c.categories for c in records]  # type: ignore[attr-defined]
    visits = from_records(JUNE.visits)
    day = JUNE.period.end
    assert frame_key_group_coverage(
        _on(clients, engine), _on(visits, engine), JUNE.period
    ) == metrics.key_group_coverage_by_category(records, JUNE.visits, JUNE.period)
    lists = StationFrames.from_records(JUNE).table("known_key_groups")
    communities = JUNE.station.communities
    assert frame_identification_rate(
        _on(clients, engine), _on(lists, engine), as_of=day
    ) == identification_rate(records, communities, as_of=day)


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
        ) == services.need_satisfaction(station.needs, period)
    if station.deliveries:
        assert frame_resource_match_accuracy(
            to(station.deliveries, "deliveries"), period
        ) == services.resource_match_accuracy(station.deliveries, period)


@pytest.mark.parametrize("engine", ["polars", "pandas", "polars-lazy", "duckdb"])
def test_a_code_column_is_read_as_written_only_where_it_needs_reading(engine: str) -> None:
    # The tables from_records writes hold codes and are computed on as they are; a code
    # with spaces or a label, in any one cell, is read as to_records reads it.
    june = station_month()
    visits = from_records(june.visits)
    expected = home_visit_completion(june.visits, june.period, 60)
    assert str(expected) == "53.3% (32/60)"
    padded = visits.with_columns(
        pl.when(pl.col("id") == "v001")
        .then(pl.col("mode") + " ")
        .otherwise(pl.col("mode"))
        .alias("mode")
    )
    labelled = visits.with_columns(pl.col("mode").replace({"home_visit": "家访"}))
    for frame in (visits, padded, labelled):
        assert frame_home_visit_completion(_on(frame, engine), june.period, 60) == expected


# --- lazy frames with dates as text; engines without ordered windows ----------------------

JUNE_2025 = m.Period.month(2025, 6)

# Five needs, rows not in id order, dates written as text (one with a leading space):
# n4 was raised in May; of the four June needs, n2 and n3 were withdrawn, so the rate
# counts n1 (met) and n5 (open): 1 met of 2, and lists n2 and n3, by id.
NEEDS_AS_TEXT = pl.DataFrame(
    {
        "id": ["n3", "n1", "n2", "n4", "n5"],
        "raised_on": ["2025-06-03", " 2025-06-30", "2025-06-01", "2025-05-31", "2025-06-15"],
        "status": ["withdrawn", "met", "withdrawn", "met", "open"],
    }
)


def _on(frame: pl.DataFrame, engine: str) -> Any:
    """A polars frame on ``engine``: polars, pandas, polars-lazy or duckdb."""
    if engine == "polars":
        return frame
    if engine == "pandas":
        return frame.to_pandas()
    return frame.lazy() if engine == "polars-lazy" else duckdb.from_arrow(frame.to_arrow())


# Three June visits: v1 a home visit written as its label, v2 in a mode no code or label
# names, v3 with its mode blank (the mode is required).
ODD_MODES = pl.DataFrame(
    {
        "id": ["v1", "v2", "v3"],
        "client_id": ["p1", "p2", "p3"],
        "worker_id": ["w1"] * 3,
        "on": [date(2025, 6, 2)] * 3,
        "mode": ["家访", "door_knock", "  "],
    }
)


@pytest.mark.parametrize("engine", ["polars", "pandas", "polars-lazy", "duckdb"])
def test_a_text_that_reads_as_no_code_refuses_the_frame(engine: str) -> None:
    # Computed on as written, v2 and v3 would be visits of no home mode: 1 of 3 planned.
    # `validate_frame` reports both cells, and so does the indicator.
    lazy = engine in ("polars-lazy", "duckdb")
    with pytest.raises(FrameContractError) as info:
        frame_home_visit_completion(_on(ODD_MODES, engine), JUNE_2025, 3)
    assert info.value.kind == "visits"
    assert _problems(info) == {
        (None if lazy else 1, "mode", "enum", "door_knock"),
        (None if lazy else 2, "mode", "missing", "  "),
    }
    assert {(p.row, p.column, p.rule) for p in validate_frame(ODD_MODES, "visits").problems} == {
        (1, "mode", "enum"),
        (2, "mode", "missing"),
    }


@pytest.mark.parametrize("engine", ["polars", "polars-lazy", "duckdb"])
def test_a_yes_or_no_written_as_neither_refuses_the_frame(engine: str) -> None:
    # d1 met its need (是), d2's match is blank (unchecked), d3's is "maybe": neither
    deliveries = pl.DataFrame(
        {
            "id": ["d1", "d2", "d3"],
            "resource_id": ["r1"] * 3,
            "recipient_id": ["p1", "p2", "p3"],
            "delivered_on": [date(2025, 6, 2)] * 3,
            "matched_need": ["是", None, "maybe"],
        }
    )
    with pytest.raises(FrameContractError) as info:
        frame_resource_match_accuracy(_on(deliveries, engine), JUNE_2025)
    row = 2 if engine == "polars" else None
    assert _problems(info) == {(row, "matched_need", "bool_parsing", "maybe")}
    found = frame_resource_match_accuracy(deliveries.head(2), JUNE_2025)
    assert (found.numerator, found.denominator) == (1, 1)


def test_a_pandas_yes_or_no_column_of_blanks_only_is_unchecked() -> None:
    # One June delivery, not yet checked: pandas keeps its blank match as an object
    # column of None (narwhals calls it text). Left out as unchecked, no rate (0 of 0).
    delivery = m.ResourceDelivery(
        id="d1", resource_id="r1", recipient_id="p1", delivered_on=date(2025, 6, 2)
    )
    found = frame_resource_match_accuracy(from_records([delivery], backend="pandas"), JUNE_2025)
    assert (found.numerator, found.denominator) == (0, 0)
    assert [(e.record_id, e.reason.value) for e in found.excluded.first] == [("d1", "unchecked")]


@pytest.mark.parametrize("engine", ["polars", "pandas", "polars-lazy", "duckdb"])
def test_every_column_an_indicator_reads_is_judged_before_it_refuses(engine: str) -> None:
    # n2's date is no ISO date and its status no code; the table has no id column
    needs = pl.DataFrame({"raised_on": ["2025-06-01", "June 1"], "status": ["met", "done"]})
    with pytest.raises(FrameContractError) as info:
        frame_need_satisfaction(_on(needs, engine), JUNE_2025)
    row = None if engine in ("polars-lazy", "duckdb") else 1
    assert _problems(info) == {
        (None, "id", "missing_column", None),
        (row, "raised_on", "date_format", "June 1"),
        (row, "status", "enum", "done"),
    }


@pytest.mark.parametrize(
    ("ids", "id_problems"),
    [
        # d2's id is spaces only: blank, where an id is required
        (["d1", "  ", "d3"], {(1, "id", "missing", "  ")}),
        # ids kept as floats are no text; d3's is blank
        (
            [1.5, 2.0, None],
            {
                (0, "id", "string_type", 1.5),
                (1, "id", "string_type", 2.0),
                (2, "id", "missing", None),
            },
        ),
    ],
)
def test_an_eager_frames_cells_are_refused_as_validate_frame_refuses_them(
    ids: list[Any], id_problems: set[tuple[Any, ...]]
) -> None:
    # matches kept as 1 and 0 are no yes/no: each cell breaks `bool_type`
    deliveries = pl.DataFrame(
        {
            "id": ids,
            "resource_id": ["r1"] * 3,
            "recipient_id": ["p1", "p2", "p3"],
            "delivered_on": [date(2025, 6, 2)] * 3,
            "matched_need": [1, 0, 1],
        }
    )
    expected = id_problems | {(r, "matched_need", "bool_type", v) for r, v in enumerate([1, 0, 1])}
    with pytest.raises(FrameContractError) as info:
        frame_resource_match_accuracy(deliveries, JUNE_2025)
    assert _problems(info) == expected
    found = validate_frame(deliveries, "deliveries").problems
    assert {(p.row, p.column, p.rule, p.value) for p in found} == expected


@pytest.mark.parametrize("engine", ["polars-lazy", "duckdb"])
def test_a_lazy_column_of_the_wrong_type_is_refused(engine: str) -> None:
    # visit days kept as numbers (20250602): no date, and a lazy frame names no row
    visits = pl.DataFrame(
        {"id": ["v1"], "client_id": ["p1"], "worker_id": ["w1"], "on": [20250602]}
    ).with_columns(mode=pl.lit("home_visit"))
    with pytest.raises(FrameContractError) as info:
        frame_home_visit_completion(_on(visits, engine), JUNE_2025, 1)
    assert info.value.kind == "visits"
    assert _problems(info) == {(None, "on", "date_type", "Int64")}


@pytest.mark.parametrize("engine", ["polars-lazy", "duckdb"])
def test_a_lazy_frames_dates_written_as_text_are_read_as_dates(engine: str) -> None:
    found = frame_need_satisfaction(_on(NEEDS_AS_TEXT, engine), JUNE_2025)
    assert (found.numerator, found.denominator) == (1, 2)
    assert [(e.record_id, e.reason.value) for e in found.excluded.first] == [
        ("n2", "withdrawn"),
        ("n3", "withdrawn"),
    ]
    tables = StationFrames("站", JUNE_2025, needs=_on(NEEDS_AS_TEXT, engine))
    listed = nw.from_native(tables.exclusions("need_satisfaction")).collect()
    assert listed.rows() == [("n2", "withdrawn"), ("n3", "withdrawn")]


@pytest.mark.parametrize("engine", ["polars-lazy", "duckdb"])
def test_a_lazy_frames_unreadable_date_texts_refuse_it(engine: str) -> None:
    # "June 1" is no ISO date and n2's date is blank: a lazy frame numbers no row
    texts = ["2025-06-03", "June 1", None, "2025-05-31", "2025-06-15"]
    bad = NEEDS_AS_TEXT.with_columns(pl.Series("raised_on", texts, pl.String))
    with pytest.raises(FrameContractError) as info:
        frame_need_satisfaction(_on(bad, engine), JUNE_2025)
    assert info.value.kind == "needs"
    assert {(p.row, p.column, p.rule, p.value) for p in info.value.problems} == {
        (None, "raised_on", "date_format", "June 1"),
        (None, "raised_on", "missing", None),
    }


def test_an_eager_frames_blank_date_texts_are_each_refused() -> None:
    # n3's date is empty and n2's spaces only: each is missing, in its own row
    texts = ["", "2025-06-30", "  ", "2025-05-31", "2025-06-15"]
    bad = NEEDS_AS_TEXT.with_columns(pl.Series("raised_on", texts, pl.String))
    with pytest.raises(FrameContractError) as info:
        frame_need_satisfaction(bad, JUNE_2025)
    assert _problems(info) == {(0, "raised_on", "missing", ""), (2, "raised_on", "missing", "  ")}


def test_a_needs_statuses_written_as_labels_are_read_for_its_exclusions() -> None:
    # NEEDS_AS_TEXT with its statuses as labels: n2 and n3 withdrawn (已撤回), left out
    labelled = NEEDS_AS_TEXT.with_columns(
        pl.col("status").replace({"withdrawn": "已撤回", "met": "已满足", "open": "待匹配"})
    )
    found = frame_need_satisfaction(labelled.lazy(), JUNE_2025)
    assert (found.numerator, found.denominator) == (1, 2)
    assert [(e.record_id, e.reason.value) for e in found.excluded.first] == [
        ("n2", "withdrawn"),
        ("n3", "withdrawn"),
    ]


@pytest.mark.parametrize("engine", ["polars", "polars-lazy"])
def test_two_code_columns_of_one_table_are_both_judged(engine: str) -> None:
    # s1's role and certification are both unknown codes
    staff = pl.DataFrame(
        {
            "id": ["s1", "s2"],
            "role": ["boss", "full_time"],
            "joined_on": [date(2024, 1, 1)] * 2,
            "certification": ["junior", "none"],
        }
    )
    with pytest.raises(FrameContractError) as info:
        frame_certification_rate(_on(staff, engine), as_of=date(2025, 6, 30))
    row = 0 if engine == "polars" else None
    assert _problems(info) == {
        (row, "role", "enum", "boss"),
        (row, "certification", "enum", "junior"),
    }


@pytest.mark.parametrize(
    ("known", "problems"),
    [
        # a count is a number: written as text it is none, a digit or a word alike
        (["2", "many"], {(0, "known", "int_type", "2"), (1, "known", "int_type", "many")}),
        # a float column's NaN is a blank count, shown as nothing (never NaN)
        ([float("nan"), 2.0], {(0, "known", "missing", None)}),
    ],
)
def test_a_lists_unreadable_count_is_refused_by_its_rule(
    known: list[Any], problems: set[tuple[Any, ...]]
) -> None:
    clients = pl.DataFrame(
        {
            "id": ["p1"],
            "community_id": ["c1"],
            "categories": ["youth"],
            "registered_on": [date(2025, 1, 1)],
        }
    )
    lists = pl.DataFrame({"community_id": ["c1", "c1"], "category": ["youth"] * 2, "known": known})
    with pytest.raises(FrameContractError) as info:
        frame_identification_rate(clients, lists, as_of=date(2025, 6, 30))
    assert _problems(info) == problems


def test_hours_written_as_a_word_break_the_decimal_format() -> None:
    # pydantic calls it `decimal_parsing`; a table's rule is `decimal_format`, as
    # validate_frame names it
    hours = pl.DataFrame(
        {"volunteer_id": ["v1", "v2"], "on": [date(2025, 6, 2)] * 2, "hours": ["2.5", "two"]}
    )
    with pytest.raises(FrameContractError) as info:
        frame_volunteer_hours(hours, JUNE_2025)
    assert _problems(info) == {(1, "hours", "decimal_format", "two")}


def test_an_optional_date_column_of_blank_texts_reads_as_no_date() -> None:
    # Three staff who joined in 2024 (dates as text), none has left (every left_on blank);
    # s3 is an intern. Of s1 and s2, only s1 holds a qualification: 1 of 2.
    staff = pl.DataFrame(
        {
            "id": ["s1", "s2", "s3"],
            "role": ["full_time", "supervisor", "intern"],
            "joined_on": ["2024-01-01", "2024-03-01", "2024-05-01"],
            "left_on": pl.Series([None, None, None], dtype=pl.String),
            "certification": ["assistant_social_worker", "none", "none"],
        }
    )
    certified = frame_certification_rate(staff.lazy(), as_of=date(2025, 6, 30))
    assert (certified.numerator, certified.denominator) == (1, 2)
    assert [e.record_id for e in certified.excluded.first] == ["s3"]


def test_two_reasons_left_out_on_an_engine_without_ordered_windows() -> None:
    # pyarrow numbers no rows in a window: each reason's first rows come from a query of
    # their own. k1/g2 was cancelled (void), k2/g1 is not assessed yet; of k1/g1 (achieved)
    # and k3/g1 (worsening), one goal of two is attained.
    goals = pa.table(
        {
            "case_id": ["k2", "k1", "k1", "k3"],
            "id": ["g1", "g2", "g1", "g1"],
            "lifecycle_status": ["active", "cancelled", "active", "active"],
            "achievement_status": [None, "achieved", "achieved", "worsening"],
        }
    )
    found = frame_goal_attainment(goals)
    assert (found.numerator, found.denominator) == (1, 2)
    assert [(r.value, n) for r, n in found.excluded.counts] == [
        ("goal_void", 1),
        ("goal_not_assessed", 1),
    ]
    assert [(e.record_id, e.reason.value) for e in found.excluded.first] == [
        ("k1/g2", "goal_void"),
        ("k2/g1", "goal_not_assessed"),
    ]


def test_a_blank_where_the_contract_needs_a_value_refuses_an_eager_frame() -> None:
    # the first need has no id and n3 no raised_on; the second day's hours are NaN, a
    # blank in a float column
    needs = pl.DataFrame(
        {
            "id": [None, "n2", "n3"],
            "raised_on": [date(2025, 6, 1), date(2025, 6, 2), None],
            "status": ["met", "open", "open"],
        }
    )
    with pytest.raises(FrameContractError) as info:
        frame_need_satisfaction(needs, JUNE_2025)
    assert [(p.row, p.column, p.rule) for p in info.value.problems] == [
        (0, "id", "missing"),
        (2, "raised_on", "missing"),
    ]
    hours = pl.DataFrame(
        {
            "on": [date(2025, 6, 1), date(2025, 6, 2), date(2025, 6, 3)],
            "hours": [1.5, float("nan"), 2.25],
        }
    )
    with pytest.raises(FrameContractError) as info:
        frame_volunteer_hours(hours, JUNE_2025)
    assert [(p.row, p.column, p.rule) for p in info.value.problems] == [(1, "hours", "missing")]


def test_a_column_after_an_absent_optional_one_is_still_read() -> None:
    # the cases table leaves out the optional status; opened_on and closed_on, read
    # after it, hold dates in other formats, refused as to_records refuses them
    cases = pl.DataFrame(
        {
            "id": ["k1", "k2"],
            "worker_id": ["s1", "s1"],
            "opened_on": ["2025.06.01", "2025-06-01"],
            "closed_on": [None, "12/06/2025"],
        }
    )
    history = from_records([], kind="case_history")
    staff = pl.DataFrame({"id": ["s1"], "role": ["full_time"], "joined_on": [date(2024, 1, 1)]})
    with pytest.raises(FrameContractError) as info:
        frame_mean_caseload(cases, history, staff, as_of=date(2025, 6, 20))
    assert info.value.kind == "cases"
    assert [(p.row, p.column, p.rule, p.value) for p in info.value.problems] == [
        (0, "opened_on", "date_format", "2025.06.01"),
        (1, "closed_on", "date_format", "12/06/2025"),
    ]


def test_pandas_dates_held_as_objects_are_read_as_dates() -> None:
    # pandas keeps a date column with blanks as objects. At the start of June s1 and s2
    # are on staff (s3 joins on 2 June) and s2 leaves on 10 June: 1 of 2 left. On 30 June
    # only s1 of the social workers is on staff, and holds a qualification: 1 of 1.
    staff = pd.DataFrame(
        {
            "id": ["s1", "s2", "s3"],
            "role": ["full_time", "full_time", "intern"],
            "joined_on": [date(2024, 1, 1), date(2024, 1, 1), date(2025, 6, 2)],
            "left_on": [None, date(2025, 6, 10), None],
            "certification": ["assistant_social_worker", None, "none"],
        }
    )
    assert staff["left_on"].dtype == object
    gone = frame_staff_turnover(staff, JUNE_2025)
    assert (gone.numerator, gone.denominator) == (1, 2)
    certified = frame_certification_rate(staff, as_of=date(2025, 6, 30))
    assert (certified.numerator, certified.denominator) == (1, 1)
    assert [e.record_id for e in certified.excluded.first] == ["s3"]


def test_clients_beyond_a_lists_count_are_left_out_the_last_by_id() -> None:
    # c1's list knows 2 people living alone and 3 with disabilities, c2's 1 living alone.
    # In c1, p1, p2 and p3 (a label) live alone and p2 also has a disability; p4 registered
    # after the day asked. Living alone in c1: 3 registered of 2 listed, so 2 identified
    # and p3, the last by id, left out; disabilities in c1: 1 of 3; c2's list: 0 of 1
    # (p5 has no category, p6 none of c2's lists). 2 + 1 + 0 of 2 + 3 + 1.
    clients = pl.DataFrame(
        {
            "id": ["p1", "p2", "p3", "p4", "p5", "p6"],
            "community_id": ["c1", "c1", "c1", "c1", "c2", "c2"],
            "categories": [
                "living_alone_elderly",
                "living_alone_elderly;persons_with_disabilities",
                "独居老人",
                "living_alone_elderly",
                None,
                "persons_with_disabilities",
            ],
            "registered_on": [
                date(2025, 1, 1),
                date(2025, 2, 1),
                date(2025, 3, 1),
                date(2025, 7, 1),
                date(2025, 1, 1),
                date(2025, 1, 1),
            ],
        }
    )
    lists = pl.DataFrame(
        {
            "community_id": ["c1", "c1", "c2"],
            "category": [
                "living_alone_elderly",
                "persons_with_disabilities",
                "living_alone_elderly",
            ],
            "known": [2, 3, 1],
        }
    )
    found = frame_identification_rate(clients, lists, as_of=date(2025, 6, 30))
    assert (found.numerator, found.denominator) == (3, 6)
    assert [(r.value, n) for r, n in found.excluded.counts] == [("above_known", 1)]
    assert [e.record_id for e in found.excluded.first] == ["p3"]


@pytest.mark.parametrize("engine", ["polars", "pyarrow"])
def test_the_first_twenty_of_each_reason_are_shown(engine: str) -> None:
    # goals k01/g1 to k21/g1 were cancelled (void), k22/g1 to k24/g1 are not assessed:
    # 21 and 3 left out; shown, by id, the first 20 void ones and the 3 others
    goals = pl.DataFrame(
        {
            "case_id": [f"k{n:02}" for n in range(1, 25)],
            "id": ["g1"] * 24,
            "lifecycle_status": ["cancelled"] * 21 + ["active"] * 3,
            "achievement_status": ["achieved"] * 21 + [None] * 3,
        }
    )
    found = frame_goal_attainment(goals if engine == "polars" else goals.to_arrow())
    assert (found.numerator, found.denominator) == (0, 0)
    assert [(r.value, n) for r, n in found.excluded.counts] == [
        ("goal_void", 21),
        ("goal_not_assessed", 3),
    ]
    shown = [f"k{n:02}/g1" for n in [*range(1, 21), 22, 23, 24]]
    assert [e.record_id for e in found.excluded.first] == shown


def test_the_arguments_are_named_when_refused() -> None:
    clients, visits = from_records(JUNE.clients), from_records(JUNE.visits)
    with pytest.raises(ArgumentError) as info:
        frame_key_group_coverage(clients, from_records(JUNE.visits, backend="pandas"), JUNE.period)
    assert info.value.value == "clients: polars, visits: pandas"
    with pytest.raises(TypeError, match=r"^period must be a Period; got str$"):
        frame_key_group_coverage(clients, visits, "2025-06")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^period must be a Period; got str$"):
        frame_need_satisfaction(from_records(JUNE.needs), "2025-06")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^period must be a Period; got str$"):
        frame_resource_match_accuracy(
            from_records(JUNE.deliveries),
            "2025-06",  # type: ignore[arg-type]
        )


def _problems(error: pytest.ExceptionInfo[FrameContractError]) -> set[tuple[Any, ...]]:
    return {(p.row, p.column, p.rule, p.value) for p in error.value.problems}


def test_the_coverage_and_identification_check_the_columns_they_read() -> None:
    clients = pl.DataFrame(
        {
            "id": ["p1", "p2", "p3"],
            "community_id": ["c1"] * 3,
            "categories": ["youth", "youth", "youth"],
            "registered_on": [date(2025, 1, 1)] * 3,
        }
    )
    visits = pl.DataFrame({"id": ["v1"], "client_id": ["p3"], "on": [date(2025, 6, 2)]})
    # two cells name no category: both are refused
    named = clients.with_columns(pl.Series("categories", ["nobody", "youth;ghosts", "youth"]))
    with pytest.raises(FrameContractError) as info:
        frame_key_group_coverage(named, visits, JUNE_2025)
    assert info.value.kind == "clients"
    assert _problems(info) == {
        (None, "categories", "enum", "nobody"),
        (None, "categories", "enum", "youth;ghosts"),
    }
    with pytest.raises(FrameContractError) as info:
        frame_key_group_coverage(clients.drop("id"), visits, JUNE_2025)
    assert _problems(info) == {(None, "id", "missing_column", None)}
    with pytest.raises(FrameContractError) as info:
        frame_key_group_coverage(clients, visits.drop("client_id"), JUNE_2025)
    assert _problems(info) == {(None, "client_id", "missing_column", None)}
    with pytest.raises(FrameContractError) as info:
        frame_key_group_coverage(clients, visits.with_columns(on=pl.lit("2 June")), JUNE_2025)
    assert _problems(info) == {(0, "on", "date_format", "2 June")}

    lists = pl.DataFrame({"community_id": ["c1"], "category": ["youth"], "known": [2]})
    day = date(2025, 6, 30)
    with pytest.raises(ArgumentError) as engines:
        frame_identification_rate(clients, lists.to_pandas(), as_of=day)
    assert engines.value.value == "clients: polars, known_key_groups: pandas"
    with pytest.raises(ArgumentError, match=r"^as_of must be a date"):
        frame_identification_rate(clients, lists, as_of=datetime(2025, 6, 30, 12))
    for column in ("id", "community_id"):
        with pytest.raises(FrameContractError) as info:
            frame_identification_rate(clients.drop(column), lists, as_of=day)
        assert _problems(info) == {(None, column, "missing_column", None)}
    written = clients.with_columns(registered_on=pl.lit("1 June"))
    with pytest.raises(FrameContractError) as info:
        frame_identification_rate(written, lists, as_of=day)
    assert _problems(info) == {(row, "registered_on", "date_format", "1 June") for row in range(3)}
    # a category no list or client can name is refused under its own table and column
    with pytest.raises(FrameContractError) as info:
        frame_identification_rate(clients, lists.with_columns(category=pl.lit("nobody")), as_of=day)
    assert info.value.kind == "known_key_groups"
    assert _problems(info) == {(0, "category", "enum", "nobody")}
    with pytest.raises(FrameContractError) as info:
        frame_identification_rate(
            clients.with_columns(categories=pl.lit("ghosts")), lists, as_of=day
        )
    assert info.value.kind == "clients"
    assert _problems(info) == {(None, "categories", "enum", "ghosts")}


def test_a_lists_count_adds_up_and_is_checked() -> None:
    # c1's list is written in two rows of one youth each: 2 known. p1 registered on the
    # day asked and counts; p1, p2 and p3 are youth in c1, so 2 of 2 identified and p3,
    # the last by id, left out (p5, also youth, lives in c2). c2 knows 3 on minimum
    # livelihood and p4 is one: 1 of 3. In all, 3 of 5.
    clients = pl.DataFrame(
        {
            "id": ["p1", "p2", "p3", "p4", "p5"],
            "community_id": ["c1", "c1", "c1", "c2", "c2"],
            "categories": [
                "youth",
                "youth",
                "youth;minimum_livelihood",
                "minimum_livelihood",
                "youth",
            ],
            "registered_on": [date(2025, 6, 30)] + [date(2025, 1, 1)] * 4,
        }
    )
    lists = pl.DataFrame(
        {
            "community_id": ["c1", "c1", "c2"],
            "category": ["youth", "youth", "minimum_livelihood"],
            "known": [1, 1, 3],
        }
    )
    day = date(2025, 6, 30)
    found = frame_identification_rate(clients, lists, as_of=day)
    assert (found.numerator, found.denominator) == (3, 5)
    assert [e.record_id for e in found.excluded.first] == ["p3"]
    # a count below zero, in an eager frame (its row) or a lazy one (no row)
    negative = lists.with_columns(known=pl.Series([1, -1, 3]))
    with pytest.raises(FrameContractError) as info:
        frame_identification_rate(clients, negative, as_of=day)
    assert info.value.kind == "known_key_groups"
    assert _problems(info) == {(1, "known", "greater_than_equal", -1)}
    with pytest.raises(FrameContractError) as info:
        frame_identification_rate(clients.lazy(), negative.lazy(), as_of=day)
    assert _problems(info) == {(None, "known", "greater_than_equal", -1)}
    # a list is of one category
    two = lists.with_columns(category=pl.Series(["youth", "youth;minimum_livelihood", "youth"]))
    with pytest.raises(FrameContractError) as info:
        frame_identification_rate(clients, two, as_of=day)
    assert info.value.kind == "known_key_groups"
    assert _problems(info) == {(1, "category", "enum", "youth;minimum_livelihood")}
    with pytest.raises(FrameContractError) as info:
        frame_identification_rate(clients.lazy(), two.lazy(), as_of=day)
    assert _problems(info) == {(None, "category", "enum", "youth;minimum_livelihood")}
