"""Tests of socialwork.frames.validate."""

from __future__ import annotations

import warnings
from datetime import date, datetime
from typing import Any

import duckdb
import narwhals as nw
import pandas as pd  # type: ignore[import-untyped]
import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from socialwork.errors import ArgumentError, UnknownRegionWarning
from socialwork.frames import (
    FrameContractError,
    contract,
    from_records,
    to_records,
    validate_frame,
)
from socialwork.frames.validate import _type_rule, allowed_texts
from socialwork.models import Case, Client, Need
from socialwork.samples import station_month, team_month
from socialwork.team.roster import RosterEntry
from tests.frames.support import ENGINES, JUNE, SAMPLE_TABLES, SETTINGS

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


ISO_LIKE = st.one_of(
    st.dates(min_value=date(1800, 1, 1), max_value=date(2300, 12, 31)).map(date.isoformat),
    st.tuples(st.integers(1, 9999), st.integers(0, 13), st.integers(0, 32)).map(
        lambda t: f"{t[0]:04d}-{t[1]:02d}-{t[2]:02d}"
    ),
)


@pytest.mark.parametrize("engine", sorted(ENGINES))
@pytest.mark.parametrize("kind", sorted(SAMPLE_TABLES))
def test_sample_tables_are_valid_on_every_engine(engine: str, kind: str) -> None:
    report = validate_frame(ENGINES[engine](SAMPLE_TABLES[kind], kind), kind)
    assert report.ok, report.problems
    assert report.rows == len(SAMPLE_TABLES[kind])


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
        # the record's yes/no is strict: the number 1 is no bool; "maybe" no yes/no text
        (2, "matched_need", "bool_type"),
        (3, "matched_need", "bool_parsing"),
    ]


def test_a_pandas_frame_with_two_columns_of_one_name_is_refused() -> None:
    twice = pd.DataFrame([["p1", "李大爷"]], columns=["id", "id"])
    with pytest.raises(ArgumentError, match=r"^frame must be a frame whose column names differ"):
        validate_frame(twice, "clients")


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


def test_a_frame_report_and_error_mask_personal_values() -> None:
    import polars as pl

    from socialwork.errors import FrameContractError
    from socialwork.frames import from_records, to_records, validate_frame
    from socialwork.samples import station_month

    clients = from_records(station_month().clients).head(2)
    wrong = clients.with_columns(
        pl.Series("id_number", ["110105194912310023", "11010519491231002X"]),
        pl.lit("2025/13/40").alias("born_on"),
    )
    report = validate_frame(wrong, "clients")
    text = "\n".join(str(p) for p in report.problems)
    # a birth date that is no date is personal: masked to its first character
    assert "2025/13/40" not in text
    assert "born_on: date_format, got '2*'" in text
    with pytest.raises(FrameContractError) as refused:
        to_records(wrong, kind="clients")
    message = str(refused.value)
    # reading the rows also checks the ID number's check digit, and masks it
    assert "110105194912310023" not in message
    assert "110105********0023" in message
    assert "2025/13/40" not in message
    # a column that holds no personal data keeps its value in the report
    dated = validate_frame(
        clients.with_columns(pl.lit("2025/06/01").alias("registered_on")), "clients"
    )
    assert "2025/06/01" in str(dated.problems[0])


NEEDS: dict[str, list[str | None]] = {
    "id": ["w1", "w2", "w3", "w4", "w5"],
    "community_id": ["c1"] * 5,
    "domain": ["health"] * 5,
    "description": ["理发"] * 5,
    "raised_on": ["2025-06-14"] * 5,
    "raised_by": ["张奶奶"] * 5,
    "status": ["open", "met", "已撤回", "matched", None],
    "resolved_on": ["2025-06-30", "2025-06-01", "2025-06-20", "2025-06-01", "2025-06-30"],
}
"""A need resolved while open; met before it was raised; withdrawn in order; matched (not
resolved) and dated before it was raised; a status left to its default (open) but resolved."""


def _one_verdict(frame: pl.DataFrame, kind: str, engine: str) -> set[tuple[int | None, str, str]]:
    """`validate_frame`'s (row, column, code) set on polars or pandas: `to_records` refuses it."""
    native: Any = frame if engine == "polars" else frame.to_pandas()
    found = {(p.row, p.column, p.rule) for p in validate_frame(native, kind).problems}
    with pytest.raises(FrameContractError) as info:
        to_records(native, kind)
    assert {(p.row, p.column, p.rule) for p in info.value.problems} == found
    return found


@pytest.mark.parametrize("engine", ["polars", "pandas"])
def test_a_need_resolved_while_open_or_before_it_was_raised(engine: str) -> None:
    found = _one_verdict(pl.DataFrame(NEEDS), "needs", engine)
    # a need's first broken rule only: row 3 is open (matched) before it is out of order
    assert found == {
        (0, "resolved_on", "resolved_while_open"),
        (1, "resolved_on", "end_before_start"),
        (3, "resolved_on", "resolved_while_open"),
        (4, "resolved_on", "resolved_while_open"),
    }


RESOURCES = {
    "id": ["r1", "r2", "r3", "r4", "r5"],
    "name": ["理发"] * 5,
    "kind": ["human", "human", "human", "human", "人力"],
    "source": ["donation"] * 5,
    "provider": ["爱心理发店"] * 5,
    "availability": ["usable"] * 5,
    "charges": ["是", "否", None, "yes", "是"],
    "fee_standard": [None, "10元/次", "10元/次", "10元/次", None],
}
"""Charging without a fee standard; a fee standard without charging, said and by default;
both in order; and a kind that is no label (人力 is not 人力资源) beside a rule broken."""


@pytest.mark.parametrize("engine", ["polars", "pandas"])
def test_a_resource_fee_standard_goes_with_charging(engine: str) -> None:
    found = _one_verdict(pl.DataFrame(RESOURCES), "resources", engine)
    # row 4's kind is required and unread: its record's rules are not reached
    assert found == {
        (0, "fee_standard", "fee_standard_missing"),
        (1, "fee_standard", "fee_standard_without_charge"),
        (2, "fee_standard", "fee_standard_without_charge"),
        (4, "kind", "enum"),
    }


def test_the_rules_of_child_rows_between_their_fields() -> None:
    referrals = pl.DataFrame(
        {
            "case_id": ["k1", "k1", "k2"],
            "id": ["r1", "r2", "r3"],
            "to_organisation": ["区康复中心"] * 3,
            "reason": ["康复指导"] * 3,
            "referred_on": ["2025-06-09"] * 3,
            "consent_id": [None, "  ", None],
            "confidentiality_exception": [None, None, "服务对象有自伤风险"],
        }
    )
    decisions = pl.DataFrame(
        {
            "session_id": ["sv1", "sv1", "sv1"],
            "kind": ["转介", "other", "continue"],
            "case_id": [None, None, "k4"],
            "decision": ["转介"] * 3,
            "reason": ["需要"] * 3,
        }
    )
    # a consent with no client named is still withdrawn before it was given: the
    # client_id names its parent, no field of the consent, and stops no rule
    consents = pl.DataFrame(
        {
            "client_id": [None, "p1"],
            "id": ["k1", "k2"],
            "scope": ["services", "services"],
            "given_on": [date(2025, 1, 6), date(2025, 1, 6)],
            "withdrawn_on": ["2025-01-05", "2025-01-06"],
        }
    )
    sessions = pl.DataFrame(
        {
            "group_id": ["g1", "g1", "g1"],
            "on": ["2025-06-03"] * 3,
            "attended": ["e1;e2;e1", "e1；e2", " e2 、e2"],
        }
    )
    listed = pl.DataFrame(
        {"group_id": ["g1", "g1"], "on": ["2025-06-03"] * 2, "attended": [["e1", "e2"], ["e2"] * 2]}
    )
    wanted = {
        "case_referrals": (
            referrals,
            {
                (0, "consent_id", "referral_without_consent"),
                (1, "consent_id", "referral_without_consent"),
            },
        ),
        "supervision_decisions": (decisions, {(0, "case_id", "decision_without_case")}),
        "client_consents": (
            consents,
            {(0, "client_id", "missing"), (0, "withdrawn_on", "withdrawn_before_given")},
        ),
        "group_sessions": (
            sessions,
            {(0, "attended", "duplicate_id"), (2, "attended", "duplicate_id")},
        ),
    }
    for kind, (frame, problems) in wanted.items():
        found = {(p.row, p.column, p.rule) for p in validate_frame(frame, kind).problems}
        assert found == problems, kind
    found = {(p.row, p.column, p.rule) for p in validate_frame(listed, "group_sessions").problems}
    assert found == {(1, "attended", "duplicate_id")}


@pytest.mark.parametrize("engine", ["polars", "pandas"])
def test_a_need_s_evidence_of_one_kind_needs_its_source_and_detail(engine: str) -> None:
    frame = pl.DataFrame(
        {
            **{name: cells[:4] for name, cells in NEEDS.items()},
            "normative_source": ["社区评估标准", None, "社区评估标准", "  "],
            "normative_detail": [None, "需定期探访", "需定期探访", None],
            "felt_source": [None, None, "访谈", None],
            "felt_detail": [None, None, None, None],
        }
    )
    found = _one_verdict(frame, "needs", engine)
    # row 0 lacks its normative detail: a field missing, so the need's own rules are not
    # reached (resolved while open); row 1 its normative source, row 2 its felt detail;
    # row 3 has no evidence (a blank source) and is resolved, matched, before it was raised
    assert found == {
        (0, "normative_detail", "missing"),
        (1, "normative_source", "missing"),
        (2, "felt_detail", "missing"),
        (3, "resolved_on", "resolved_while_open"),
    }


CLIENTS_WITH_ID_NUMBERS: dict[str, list[str | None]] = {
    "id": [f"p{n}" for n in range(9)],
    "name": ["王丽"] * 9,
    "community_id": ["c1"] * 9,
    "registered_on": ["2025-06-01"] * 9,
    "id_number": [
        "11010519491231002X",  # valid: born 1949-12-31, a woman (17th digit 2)
        "110105194912310020",  # its check character should be X
        "110105194913310023",  # month 13: no birth date
        "110105202506020016",  # born 2025-06-02, the day after registering
        "110105199001010010",  # born 1990-01-01, a man
        "110105199001010010",
        "51010019900101003x",  # a man, his check character written small
        "5101001990 0101003X",  # a space inside: read as a record, which removes it
        "110105491231002",  # a first-generation number
    ],
    "born_on": [None, None, None, None, "1990-01-02", None, None, "1990-01-01", None],
    "sex": [None, None, None, None, None, "女", "男", "male", None],
}


@pytest.mark.parametrize("engine", ["polars", "pandas"])
def test_a_client_s_id_number_is_judged_in_the_engine_as_its_record_judges_it(
    engine: str,
) -> None:
    frame = pl.DataFrame(CLIENTS_WITH_ID_NUMBERS)
    native: Any = frame if engine == "polars" else frame.to_pandas()
    report = validate_frame(native, "clients")
    found = {(p.row, p.column, p.rule) for p in report.problems}
    assert found == {
        (1, "id_number", "id_number_check_digit"),
        (2, "id_number", "id_number_birth_date"),
        (3, "id_number", "born_after_registration"),
        (4, "born_on", "id_number_birth_mismatch"),
        (5, "sex", "id_number_sex_mismatch"),
        (8, "id_number", "id_number_legacy"),
    }
    with pytest.raises(FrameContractError) as info:
        to_records(native, "clients")
    assert {(p.row, p.column, p.rule) for p in info.value.problems} == found
    shown = " ".join(map(str, report.problems))
    assert "110105194912310020" not in shown
    assert "19491231" not in shown


def test_a_frame_warns_of_an_id_number_s_unknown_region_as_its_record_does() -> None:
    frame = pl.DataFrame(
        {k: v[:1] for k, v in CLIENTS_WITH_ID_NUMBERS.items()}
        | {"id_number": ["999999199001010016"]}
    )
    with pytest.warns(UnknownRegionWarning, match="999999"):
        assert validate_frame(frame, "clients").ok


def test_an_unknown_reference_shows_the_cell_and_the_row_s_id() -> None:
    clients = pl.DataFrame(
        {k: v[:3] for k, v in CLIENTS_WITH_ID_NUMBERS.items() if k != "id_number"}
    )
    clients = clients.with_columns(
        pl.Series("id", ["p0", None, "p2"]), pl.Series("community_id", ["c1", "c9", "c8"])
    )
    communities = pl.DataFrame({"id": ["c1"]})
    for native, rows in ((clients, [1, 2]), (clients.lazy(), [None, None])):
        report = validate_frame(native, "clients", references={"community_id": communities})
        found = [
            (p.row, p.value, p.record_id) for p in report.problems if p.rule == "unknown_reference"
        ]
        # the row with no id has no record id to show (not the text "None")
        assert found == [(rows[0], "c9", None), (rows[1], "c8", "p2")]


def test_a_code_column_allows_each_code_and_its_three_labels() -> None:
    risk = contract("clients").column("risk_level")
    assert allowed_texts(risk) == (
        *("low", "低风险", "低風險", "Low"),
        *("medium", "中风险", "中風險", "Medium"),
        *("high", "高风险", "高風險", "High"),
    )
    # a roster's nth is a number from a fixed list, with no enum and no labels
    assert allowed_texts(contract("supervision_roster").column("nth")) == ("1", "2", "3", "4", "-1")


STRING, INT, FLOAT, DATE = nw.String(), nw.Int64(), nw.Float64(), nw.Date()
COLUMN_OF_TYPE = {
    "id": ("clients", "id"),
    "text": ("clients", "name"),
    "date": ("clients", "registered_on"),
    "code": ("clients", "risk_level"),
    "codes": ("clients", "categories"),
    "bool": ("cases", "crisis"),
    "count": ("visits", "duration_minutes"),
    "texts": ("group_sessions", "attended"),
    "decimal": ("service_hours", "hours"),
    "number": ("training_scores", "pre"),
    "scale5": ("needs", "severity"),
    "counts": ("supervision_roster", "months"),
}


@pytest.mark.parametrize(
    ("column_type", "dtype", "code"),
    [
        ("id", STRING, None),
        ("id", INT, None),  # an integer id is read as its digits
        ("id", FLOAT, "string_type"),
        ("text", STRING, None),
        ("text", INT, "string_type"),
        ("date", DATE, None),
        ("date", nw.Datetime(), None),  # a timestamp at midnight is a date
        ("date", STRING, None),  # ISO text
        ("date", INT, "date_type"),
        ("date", nw.Unknown(), None),  # a column of blanks only: each cell is missing
        ("code", STRING, None),
        ("code", INT, "string_type"),
        ("codes", STRING, None),
        ("codes", INT, "string_type"),
        ("codes", nw.List(nw.String()), None),  # a list of codes, as to_records reads it
        ("bool", nw.Boolean(), None),
        ("bool", STRING, None),  # 是/否, yes/no
        ("bool", INT, "bool_type"),
        ("count", INT, None),
        ("count", FLOAT, None),  # whole floats are counts
        ("count", STRING, "int_type"),
        ("texts", STRING, None),
        ("texts", nw.List(nw.String()), None),
        ("texts", INT, "list_type"),
        ("decimal", STRING, None),
        ("decimal", FLOAT, None),
        ("decimal", DATE, "decimal_type"),
        ("number", FLOAT, None),
        ("number", STRING, "float_type"),
        ("scale5", INT, None),
        ("scale5", FLOAT, None),
        ("scale5", STRING, "int_type"),
        ("counts", STRING, None),  # 1;7
        ("counts", nw.List(nw.Int64()), None),
    ],
)
def test_a_column_of_the_wrong_engine_type_breaks_its_type_rule(
    column_type: str, dtype: Any, code: str | None
) -> None:
    kind, name = COLUMN_OF_TYPE[column_type]
    column = contract(kind).column(name)
    assert column.type == column_type
    assert _type_rule(column, dtype) == code


ASSESSMENT = from_records(JUNE.cases, kind="case_assessments").head(1)
"""A case's first assessment: its case, its number (1 to 10000), day, worker and methods."""


def _assessments(column: str, cells: list[Any]) -> list[tuple[int | None, str, object]]:
    """The (row, rule, value) of `validate_frame` on assessments with ``cells`` in ``column``.

    `to_records` refuses the table with the same problems.
    """
    frame = pl.concat([ASSESSMENT] * len(cells)).with_columns(pl.Series(column, cells))
    found = [(p.row, p.rule, p.value) for p in validate_frame(frame, "case_assessments").problems]
    with pytest.raises(FrameContractError) as info:
        to_records(frame, "case_assessments")
    assert [(p.row, p.rule, p.value) for p in info.value.problems] == found
    return found


def test_an_assessment_is_numbered_from_1_to_10000() -> None:
    assert _assessments("assessment", [0, 1, 10000, 10001]) == [
        (0, "greater_than_equal", 0),
        (3, "less_than_equal", 10001),
    ]


def test_an_assessment_number_written_as_text_is_no_whole_number() -> None:
    # a count is a strict int: the text "2" is refused as "x" is
    assert _assessments("assessment", ["x", "2"]) == [(0, "int_type", "x"), (1, "int_type", "2")]


def test_a_parent_id_is_filled_text_of_at_most_64_characters() -> None:
    # the blank cell is shown as it was written
    assert _assessments("case_id", ["k" * 64, "k" * 65, "  "]) == [
        (1, "string_too_long", "k" * 65),
        (2, "missing", "  "),
    ]


def test_a_parent_id_written_as_a_fraction_is_no_id() -> None:
    assert _assessments("case_id", [1.5]) == [(0, "string_type", 1.5)]


def test_an_id_number_of_an_unknown_region_warns_only_once_it_is_valid() -> None:
    # region 999999 is in no table; the record checks the birth date, then the check
    # character, and warns of the region last: a number refused first does not warn
    frame = pl.DataFrame(
        {k: v[:2] for k, v in CLIENTS_WITH_ID_NUMBERS.items()}
        | {
            "id_number": [
                "999999199013010013",  # month 13; its check character (3) is right
                "999999199001010017",  # born 1990-01-01; its check character should be 6
            ]
        }
    )
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnknownRegionWarning)
        found = {(p.row, p.column, p.rule) for p in validate_frame(frame, "clients").problems}
    assert found == {
        (0, "id_number", "id_number_birth_date"),
        (1, "id_number", "id_number_check_digit"),
    }


@pytest.mark.parametrize("engine", ["polars", "pandas"])
def test_a_resource_table_without_fee_standards_has_none_for_those_charging(engine: str) -> None:
    frame = pl.DataFrame(RESOURCES).drop("fee_standard").head(4)
    found = _one_verdict(frame, "resources", engine)
    # charging 是 and yes: no fee standard; 否 and blank (not charging) need none
    assert found == {
        (0, "fee_standard", "fee_standard_missing"),
        (3, "fee_standard", "fee_standard_missing"),
    }


def _id_number_verdict(numbers: list[str], born_on: list[str | None]) -> set[tuple[int, str]]:
    """The (row, rule) of clients registered 2025-06-01 with ``numbers``; `to_records` agrees."""
    n = len(numbers)
    frame = pl.DataFrame(
        {k: v[:1] * n for k, v in CLIENTS_WITH_ID_NUMBERS.items()}
        | {"id": [f"p{i}" for i in range(n)], "id_number": numbers, "born_on": born_on}
    )
    found = {(p.row or 0, p.rule) for p in validate_frame(frame, "clients").problems}
    try:
        to_records(frame, "clients")
        read: set[tuple[int, str]] = set()
    except FrameContractError as err:
        read = {(p.row or 0, p.rule) for p in err.problems}
    assert read == found
    return found


def test_an_id_number_s_birth_date_is_from_1900_to_2199() -> None:
    # check characters worked by hand (GB 11643: the weighted sum of 17 digits mod 11)
    numbers = [
        "110105189912310015",  # 1899-12-31
        "11010519000101001X",  # 1900-01-01
        "11010521991231001X",  # 2199-12-31: a date, but after registering
        "110105220001010014",  # 2200-01-01
    ]
    assert _id_number_verdict(numbers, [None] * 4) == {
        (0, "id_number_birth_date"),
        (2, "born_after_registration"),
        (3, "id_number_birth_date"),
    }


def test_an_id_number_s_birth_day_is_its_13th_and_14th_characters() -> None:
    # born 1990-01-01, as born_on says: the day is characters 13-14 ("01"), not 14-15 ("10")
    assert _id_number_verdict(["110105199001010010"], ["1990-01-01"]) == set()


GOAL = from_records(JUNE.cases, kind="case_goals").head(1)
"""A case's goal, started 2025-04-21 and due 2025-09-30."""


@pytest.mark.parametrize("engine", ["polars", "pandas"])
def test_a_goal_s_start_with_a_time_is_set_aside_and_not_compared_with_its_due_day(
    engine: str,
) -> None:
    goals = pl.concat([GOAL] * 2).with_columns(
        pl.Series("id", ["g1", "g2"]),
        pl.Series("start_on", [datetime(2025, 10, 1, 9, 30), datetime(2025, 10, 1)]),
    )
    # the timestamp with a time is no day: the goal is read without a start, and is due
    # in order; at midnight it is the day 2025-10-01, after its due day
    assert _one_verdict(goals, "case_goals", engine) == {
        (0, "start_on", "datetime_not_date"),
        (1, "due_on", "end_before_start"),
    }


def test_a_closed_case_s_closure_of_other_needs_a_note() -> None:
    case = from_records(JUNE.cases).head(1)
    closed = case.with_columns(
        pl.lit("closed").alias("status"),
        pl.lit(date(2025, 6, 30)).alias("closed_on"),
        pl.lit("other").alias("closure_outcome"),
        pl.lit(None, pl.String).alias("closure_note"),
    )
    # a rule of the closure's own fields, which the rows with a closure are read for
    assert _one_verdict(closed, "cases", "polars") == {
        (0, "closure_note", "other_outcome_without_note")
    }


def test_to_records_names_no_rows_of_a_lazy_frame() -> None:
    with pytest.raises(FrameContractError) as info:
        to_records(pl.DataFrame(BAD_CLIENTS).lazy(), "clients")
    found = [(p.row, p.column, p.rule) for p in info.value.problems]
    assert sorted(found) == sorted(
        (None, column, rule) for _, column, rule in EXPECTED if rule != "unknown_reference"
    )


SCORES = pl.DataFrame(
    {
        "case_id": ["k1", "k1"],
        "assessment": [1, 1],
        "instrument": ["UCLA孤独量表"] * 2,
        "value": [52.0, 52.0],
        "minimum": [20.0, 20.0],
        "maximum": [80.0, 80.0],
    }
)
"""Two scores of 52 on a scale from 20 to 80."""


def test_a_score_written_as_text_must_be_a_number() -> None:
    scores = SCORES.with_columns(pl.Series("value", ["x", "52"]))
    assert _one_verdict(scores, "assessment_scores", "polars") == {(0, "value", "float_type")}


def test_a_score_outside_its_scale_breaks_its_record_s_rule() -> None:
    scores = SCORES.with_columns(pl.Series("value", [90.0, 80.0]))
    assert _one_verdict(scores, "assessment_scores", "polars") == {
        (0, "value", "score_out_of_range")
    }


def test_a_roster_entry_s_nth_is_one_of_its_allowed_numbers() -> None:
    roster = from_records(team_month().roster.entries, kind="supervision_roster").head(1)
    frame = roster.with_columns(pl.lit(5).alias("nth"))  # of 1, 2, 3, 4 and -1 (the last)
    assert _one_verdict(frame, "supervision_roster", "polars") == {(0, "nth", "enum")}


def test_service_hours_written_as_a_date_are_of_the_wrong_type() -> None:
    hours = SAMPLE_TABLES["service_hours"][:1]
    frame = from_records(hours, kind="service_hours").with_columns(
        pl.lit(date(2025, 1, 1)).alias("hours")
    )
    assert _one_verdict(frame, "service_hours", "polars") == {(0, "hours", "decimal_type")}


@pytest.mark.parametrize("engine", ["polars", "pandas"])
@pytest.mark.parametrize("status", ["maybe", "已解決了"])
def test_a_need_s_unread_status_stops_its_rules_as_it_stops_the_record_s(
    engine: str, status: str
) -> None:
    # a status no code names is not read as the default, open: "resolved while open" would
    # judge a status the table never held; the record given that status judges none either
    row = {k: v[0] for k, v in NEEDS.items()} | {"status": status}
    with pytest.raises(ValidationError) as info:
        Need.model_validate(row)
    assert [(e["loc"], e["type"]) for e in info.value.errors()] == [(("status",), "enum")]
    need = pl.DataFrame({k: [v] for k, v in row.items()})
    assert _one_verdict(need, engine=engine, kind="needs") == {(0, "status", "enum")}
    opened = need.with_columns(pl.lit("open").alias("status"))  # read: its rules are judged
    assert _one_verdict(opened, "needs", engine) == {(0, "resolved_on", "resolved_while_open")}


def test_a_case_s_unread_closure_outcome_is_a_closure_not_none() -> None:
    # a closed case whose closure holds only an outcome no code names has a closure, a bad
    # one (its date missing too), as the record given that outcome has: not "closed without
    # closure", as if the closure were blank
    case = (
        from_records(JUNE.cases)
        .head(1)
        .with_columns(pl.lit("closed").alias("status"), pl.lit("fine").alias("closure_outcome"))
    )
    with pytest.raises(ValidationError) as info:
        Case.model_validate(
            JUNE.cases[0].model_dump() | {"status": "closed", "closure": {"outcome": "fine"}}
        )
    assert {(e["loc"], e["type"]) for e in info.value.errors()} == {
        (("closure", "closed_on"), "missing"),
        (("closure", "outcome"), "enum"),
    }
    assert _one_verdict(case, "cases", "polars") == {
        (0, "closed_on", "missing"),
        (0, "closure_outcome", "enum"),
    }


CLIENT = pl.DataFrame(
    {k: v[:1] for k, v in CLIENTS_WITH_ID_NUMBERS.items() if k not in ("id_number", "sex")}
)
"""A client registered 2025-06-01, without an ID number, a birth date or a sex."""


def test_a_client_whose_birth_date_is_unread_is_not_checked_between_fields() -> None:
    # a field broken: the record's rules between fields (a category twice) do not run
    client = CLIENT.with_columns(
        pl.lit("2025/03/02").alias("born_on"), pl.lit("youth;youth").alias("categories")
    )
    assert _one_verdict(client, "clients", "polars") == {(0, "born_on", "date_format")}


def test_youth_issues_need_the_category_youth() -> None:
    clients = pl.concat([CLIENT] * 2).with_columns(
        pl.Series("id", ["p0", "p1"]),
        pl.Series("categories", ["youth", "独居老人"]),
        pl.lit("emotional").alias("youth_issues"),
    )
    assert _one_verdict(clients, "clients", "polars") == {
        (1, "youth_issues", "youth_issue_without_youth")
    }


def test_a_list_of_attendees_may_be_blank() -> None:
    sessions = pl.DataFrame(
        {"group_id": ["g1", "g1"], "on": ["2025-06-03"] * 2, "attended": [["e1", "e1"], None]}
    )
    assert _one_verdict(sessions, "group_sessions", "polars") == {(0, "attended", "duplicate_id")}


def test_a_goal_table_without_due_days_has_none_out_of_order() -> None:
    goals = from_records(JUNE.cases, kind="case_goals").drop("due_on")
    assert validate_frame(goals, "case_goals").ok


def test_id_numbers_are_judged_without_a_birth_date_column() -> None:
    rows = pl.DataFrame(CLIENTS_WITH_ID_NUMBERS).head(4).drop("born_on")
    assert _one_verdict(rows, "clients", "polars") == {
        (1, "id_number", "id_number_check_digit"),
        (2, "id_number", "id_number_birth_date"),
        (3, "id_number", "born_after_registration"),
    }


def test_a_client_may_be_born_on_the_day_of_registering() -> None:
    # 2025-06-01, the registration day; check character worked by hand
    assert _id_number_verdict(["110105202506010010"], [None]) == set()


def test_an_appraisal_without_its_period_misses_the_period_s_first_column() -> None:
    appraisals = pl.DataFrame(
        {
            "id": ["a1", "a2"],
            "staff_id": ["s1", "s1"],
            "scheme_id": ["m1", "m1"],
            "period_start": [None, date(2025, 1, 1)],
            "period_end": [None, date(2025, 6, 30)],
        }
    )
    assert _one_verdict(appraisals, "appraisals", "polars") == {(0, "period_start", "missing")}


def test_a_categorical_column_of_spaces_is_blank() -> None:
    clients = pl.concat([CLIENT] * 2).with_columns(
        pl.Series("id", ["p0", "p1"]), pl.Series("name", [" ", "王丽"], dtype=pl.Categorical)
    )
    assert _one_verdict(clients, "clients", "polars") == {(0, "name", "missing")}


def test_a_score_that_is_nan_or_null_is_missing() -> None:
    scores = pl.concat([SCORES] * 2).head(3)
    scores = scores.with_columns(pl.Series("value", [float("nan"), None, 52.0]))
    assert _one_verdict(scores, "assessment_scores", "polars") == {
        (0, "value", "missing"),
        (1, "value", "missing"),
    }


def test_a_need_s_client_id_of_more_than_64_characters_stops_its_rules() -> None:
    # both needs are resolved while open; the second's client id is too long, a field
    # broken, so the need's rules between fields are not reached
    needs = pl.concat([pl.DataFrame(NEEDS).head(1)] * 2).with_columns(
        pl.Series("id", ["w1", "w2"]), pl.Series("client_id", ["c" * 64, "c" * 65])
    )
    assert _one_verdict(needs, "needs", "polars") == {
        (0, "resolved_on", "resolved_while_open"),
        (1, "client_id", "string_too_long"),
    }


def test_a_list_of_categories_holds_codes_only() -> None:
    clients = pl.concat([CLIENT] * 2).with_columns(
        pl.Series("id", ["p0", "p1"]), pl.Series("categories", [["maybe"], ["youth"]])
    )
    assert _one_verdict(clients, "clients", "polars") == {(0, "categories", "enum")}


def test_service_hours_that_are_nan_or_null_are_missing() -> None:
    # service hours declare no rules between fields: their rows are judged in the engine
    frame = from_records(SAMPLE_TABLES["service_hours"][:3], kind="service_hours")
    frame = frame.with_columns(pl.Series("hours", [float("nan"), None, 2.5]))
    assert _one_verdict(frame, "service_hours", "polars") == {
        (0, "hours", "missing"),
        (1, "hours", "missing"),
    }


@pytest.mark.parametrize(
    ("number", "its_problems"),
    [
        ("11010519491231002X", set()),  # written alone: judged in the engine
        ("110105491231002", {(0, "id_number", "id_number_legacy")}),  # read as a record
    ],
)
def test_the_columns_after_an_id_number_are_judged_too(
    number: str, its_problems: set[tuple[int, str, str]]
) -> None:
    # the second client names an emergency contact without the relationship or the
    # phone (a column the table lacks); the ID number's column comes before these
    clients = pl.concat([CLIENT] * 2).with_columns(
        pl.Series("id", ["p0", "p1"]),
        pl.Series("id_number", [number, None]),
        pl.Series("emergency_contact_name", [None, "张三"]),
        pl.Series("emergency_contact_relationship", [None, None], dtype=pl.String),
    )
    assert _one_verdict(clients, "clients", "polars") == its_problems | {
        (1, "emergency_contact_relationship", "missing"),
        (1, "emergency_contact_phone", "missing"),
    }


def test_a_pandas_column_of_objects_leaves_the_columns_after_it_judged() -> None:
    clients = pl.concat([CLIENT] * 2).with_columns(
        pl.Series("id", ["p0", "p1"]), pl.Series("risk_level", ["low", "maybe"])
    )
    frame = clients.to_pandas()
    frame["registered_on"] = pd.Series([date(2025, 3, 2), None], dtype=object)
    found = {(p.row, p.column, p.rule) for p in validate_frame(frame, "clients").problems}
    assert found == {(1, "registered_on", "missing"), (1, "risk_level", "enum")}


def test_a_need_s_evidence_whose_detail_column_is_absent_misses_its_detail() -> None:
    need = pl.DataFrame(NEEDS).slice(2, 1)  # withdrawn in order: no rule broken
    with_source = need.with_columns(pl.lit("社区评估标准").alias("normative_source"))
    assert _one_verdict(with_source, "needs", "polars") == {(0, "normative_detail", "missing")}


def test_a_staff_member_without_a_mentor_may_not_be_their_own_backup() -> None:
    staff = from_records(SAMPLE_TABLES["staff"][:1], kind="staff")
    alone = staff.with_columns(
        pl.lit(None, pl.String).alias("mentor_id"), pl.col("id").alias("backup_id")
    )
    assert _one_verdict(alone, "staff", "polars") == {(0, "backup_id", "self_reference")}


def test_a_decision_s_text_is_required_after_its_optional_case() -> None:
    decisions = pl.DataFrame(
        {
            "session_id": ["sv1", "sv1"],
            "kind": ["other", "other"],
            "case_id": [None, None],
            "decision": ["  ", "转介"],
            "reason": ["需要", "需要"],
        }
    )
    assert _one_verdict(decisions, "supervision_decisions", "polars") == {
        (0, "decision", "missing")
    }


@pytest.mark.parametrize("blank", [None, "  "])
def test_a_problem_of_a_row_without_an_id_names_no_record(blank: str | None) -> None:
    client = CLIENT.with_columns(pl.lit(blank, pl.String).alias("id"), pl.lit(" ").alias("name"))
    problems = validate_frame(client, "clients").problems
    assert [(p.column, p.rule, p.record_id) for p in problems] == [
        ("id", "missing", None),
        ("name", "missing", None),
    ]


def test_problems_are_listed_by_row_then_by_the_contract_s_columns() -> None:
    clients = pl.concat([CLIENT] * 2).with_columns(
        pl.Series("id", ["p0", "p1"]),
        pl.Series("name", ["王丽", " "]),
        pl.Series("registered_on", ["2025-06-01", "2025/06/01"]),
        pl.Series("risk_level", ["maybe", "low"]),
    )
    assert [(p.row, p.column, p.rule) for p in validate_frame(clients, "clients").problems] == [
        (0, "risk_level", "enum"),
        (1, "name", "missing"),
        (1, "registered_on", "date_format"),
    ]


def test_the_rows_of_a_lazy_frame_read_as_records_have_no_row_numbers() -> None:
    cases = pl.concat([from_records(JUNE.cases).head(1)] * 2).with_columns(
        pl.Series("id", ["k1", "k2"]),
        pl.lit("closed").alias("status"),
        pl.lit(date(2025, 6, 30)).alias("closed_on"),
        pl.lit("other").alias("closure_outcome"),
        pl.lit(None, pl.String).alias("closure_note"),
    )
    problems = validate_frame(cases.lazy(), "cases").problems
    assert [(p.row, p.record_id, p.rule) for p in problems] == [
        (None, "k1", "other_outcome_without_note"),
        (None, "k2", "other_outcome_without_note"),
    ]


def test_a_reference_to_no_column_of_the_kind_is_refused_by_name() -> None:
    with pytest.raises(ArgumentError, match=r"^references must be a column of clients; got 'age'$"):
        validate_frame(CLIENT, "clients", references={"age": pl.DataFrame({"id": ["c1"]})})


def _orphans(frame: Any, references: dict[str, Any]) -> list[tuple[str, object, str | None]]:
    """The (column, value, record id) of each unknown reference `validate_frame` reports."""
    report = validate_frame(frame, "clients", references=references)
    return [
        (p.column, p.value, p.record_id) for p in report.problems if p.rule == "unknown_reference"
    ]


ORPHAN = pl.DataFrame(
    {k: v[:1] for k, v in CLIENTS_WITH_ID_NUMBERS.items() if k not in ("id_number", "sex")}
    | {"community_id": ["c9"]}
)
"""A client of community c9, which the communities below do not hold.

Built from a dict, not by ``CLIENT.with_columns``: an expression run at import
starts polars' threads in mutmut's fork server (which collects this module), and
each mutant's tests, forked from it, would then wait for ever on their first frame.
"""
COMMUNITIES = pl.DataFrame({"id": ["c1"]})


@pytest.mark.parametrize(("lazy_frame", "lazy_references"), [(True, False), (False, True)])
def test_eager_and_lazy_polars_frames_reference_each_other(
    lazy_frame: bool, lazy_references: bool
) -> None:
    frame = ORPHAN.lazy() if lazy_frame else ORPHAN
    communities = COMMUNITIES.lazy() if lazy_references else COMMUNITIES
    assert _orphans(frame, {"community_id": communities}) == [("community_id", "c9", "p0")]


def test_references_of_absent_or_dated_columns_are_passed_over() -> None:
    # phone is absent; a column of dates names no id; the community is still checked
    dated = ORPHAN.with_columns(pl.lit(date(2025, 6, 1)).alias("registered_on"))
    references = {"phone": COMMUNITIES, "registered_on": COMMUNITIES, "community_id": COMMUNITIES}
    assert _orphans(dated, references) == [("community_id", "c9", "p0")]


def test_an_unknown_reference_in_a_table_without_ids_names_no_record() -> None:
    assert _orphans(ORPHAN.drop("id"), {"community_id": COMMUNITIES}) == [
        ("community_id", "c9", None)
    ]


# --- the rows read as records: what `to_records` reads, cell by cell ---


def _as_records(frame: Any, kind: str) -> list[tuple[int | None, str, str, object]]:
    """The (row, column, code, value) `validate_frame` reports, in its order.

    `to_records` refuses the frame with the same problems (in the frame's column order).
    """
    found = [(p.row, p.column, p.rule, p.value) for p in validate_frame(frame, kind).problems]
    with pytest.raises(FrameContractError) as info:
        to_records(frame, kind)
    read = [(p.row, p.column, p.rule, p.value) for p in info.value.problems]
    assert sorted(read, key=repr) == sorted(found, key=repr)
    return found


def _clients(n: int, **columns: list[Any]) -> pd.DataFrame:
    """``n`` clients p0, p1, ... registered 2025-06-01, as pandas, with ``columns`` set."""
    frame = pl.concat([CLIENT] * n).with_columns(pl.Series("id", [f"p{i}" for i in range(n)]))
    native = frame.to_pandas()
    for name, cells in columns.items():
        native[name] = pd.Series(cells, dtype=object)
    return native


def test_a_code_cell_that_is_no_text_is_no_code() -> None:
    # a pandas column of objects is read cell by cell: the number 3 names no risk level,
    # and a list of categories holding one names no category
    clients = _clients(2, risk_level=["low", 3], categories=["youth", ["youth", 3]])
    assert _as_records(clients, "clients") == [
        (1, "categories", "enum", ["youth", 3]),
        (1, "risk_level", "enum", 3),
    ]


def test_a_row_read_as_a_record_without_an_id_names_no_record() -> None:
    # the pandas column of objects sends the rows to be read as records
    clients = _clients(3, id=[None, "  ", "p2"], risk_level=[3, 3, 3])
    problems = validate_frame(clients, "clients").problems
    named = [(p.row, p.column, p.value, p.record_id) for p in problems]
    assert named == [  # a blank id shows as it was written
        (0, "id", None, None),
        (0, "risk_level", 3, None),
        (1, "id", "  ", None),
        (1, "risk_level", 3, None),
        (2, "risk_level", 3, "p2"),
    ]
    with pytest.raises(FrameContractError) as info:
        to_records(clients, "clients")
    assert sorted((p.row, p.column, p.value, p.record_id) for p in info.value.problems) == named


@pytest.mark.parametrize("blank", ["", " "])
def test_consents_without_a_guardian_column_are_the_client_s_own(blank: str) -> None:
    # guardian_id may be left out: no consent is a guardian's; a blank client_id is missing
    consents = pl.DataFrame(
        {
            "client_id": ["p0", blank],
            "id": ["k1", "k2"],
            "scope": ["services", "services"],
            "given_on": [date(2025, 1, 6), date(2025, 1, 6)],
        }
    )
    with pytest.raises(FrameContractError) as info:
        to_records(CLIENT, "clients", children={"client_consents": consents})
    assert [(p.row, p.column, p.rule, p.record_id) for p in info.value.problems] == [
        (1, "client_id", "missing", "k2")
    ]
    with pytest.raises(FrameContractError) as info:  # a lazy frame's rows have no numbers
        to_records(CLIENT, "clients", children={"client_consents": consents.lazy()})
    assert [(p.row, p.column, p.rule, p.record_id) for p in info.value.problems] == [
        (None, "client_id", "missing", "k2")
    ]
    (client,) = to_records(CLIENT, "clients", children={"client_consents": consents.head(1)})
    assert isinstance(client, Client)
    assert [c.id for c in client.consents] == ["k1"]
    # a table of clients without ids has no client for a consent: the column is missing
    with pytest.raises(FrameContractError) as info:
        to_records(CLIENT.drop("id"), "clients", children={"client_consents": consents.head(1)})
    assert [(p.row, p.column, p.rule) for p in info.value.problems] == [
        (None, "id", "missing_column")
    ]


def test_the_bad_cells_of_a_long_table_keep_their_rows() -> None:
    # rows are validated 512 at a time: risk levels of no level either side of each
    # batch's edge, and a last batch of one row left all blank
    size = 1_025
    edges = (511, 512, 1_023)
    clients = pl.DataFrame(
        {
            "id": [f"p{n}" for n in range(size - 1)] + [None],
            "name": ["王丽"] * (size - 1) + [None],
            "community_id": ["c1"] * (size - 1) + [None],
            "registered_on": ["2025-06-01"] * (size - 1) + [None],
            "risk_level": ["maybe" if n in edges else "low" for n in range(size - 1)] + [None],
        }
    )
    assert _as_records(clients, "clients") == [
        *[(n, "risk_level", "enum", "maybe") for n in edges],
        (1_024, "id", "missing", None),
        (1_024, "name", "missing", None),
        (1_024, "community_id", "missing", None),
        (1_024, "registered_on", "missing", None),
    ]


def test_a_table_without_a_required_column_still_has_its_rows_judged() -> None:
    # the missing names are reported once, for the table; the rows' other rules still run
    clients = pl.concat([CLIENT] * 2).with_columns(
        pl.Series("id", ["p0", "p1"]), pl.Series("registered_on", ["2025-06-01", "2025/06/01"])
    )
    assert _as_records(clients.drop("name"), "clients") == [
        (None, "name", "missing_column", None),
        (1, "registered_on", "date_format", "2025/06/01"),
    ]


def test_to_records_lists_a_table_s_problems_by_row() -> None:
    # row 0 breaks its record's date rule, row 1 has a cell no field can take
    clients = pl.concat([CLIENT] * 2).with_columns(
        pl.Series("id", ["p0", "p1"]),
        pl.Series("registered_on", ["2025/06/01", "2025-06-01"]),
        pl.Series("risk_level", ["low", "maybe"]),
    )
    with pytest.raises(FrameContractError) as info:
        to_records(clients, "clients")
    assert [(p.row, p.column, p.rule) for p in info.value.problems] == [
        (0, "registered_on", "date_format"),
        (1, "risk_level", "enum"),
    ]


def test_a_need_s_scale_written_as_a_float_and_a_day_with_spaces_are_read() -> None:
    # a spreadsheet's column of numbers with a blank is floats; a day typed with spaces
    needs = pl.DataFrame(NEEDS).slice(2, 1).to_pandas()  # withdrawn, in order
    needs = pd.concat([needs] * 2, ignore_index=True)
    needs["id"] = ["w1", "w2"]
    needs["severity"] = [3.0, float("nan")]
    needs["raised_on"] = [" 2025-06-14 ", "2025-06-14"]
    assert validate_frame(needs, "needs").ok
    first, second = to_records(needs, "needs")
    assert isinstance(first, Need)
    assert isinstance(second, Need)
    assert (first.severity, first.raised_on) == (3, date(2025, 6, 14))
    assert second.severity is None


def test_a_roster_entry_s_months_written_as_text_are_whole_numbers() -> None:
    roster = from_records(team_month().roster.entries, kind="supervision_roster").head(1)
    frame = roster.with_columns(pl.lit("1；7").alias("months"))  # a spreadsheet's text
    assert validate_frame(frame, "supervision_roster").ok
    (entry,) = to_records(frame, "supervision_roster")
    assert isinstance(entry, RosterEntry)
    assert entry.recurrence.months == (1, 7)
    # as a list of numbers: whole floats (a pandas cell of objects) are whole numbers too
    listed = roster.with_columns(pl.Series("months", [[1, 7]])).to_pandas()
    for months in ([1, 7], [1.0, 7.0]):
        listed["months"] = pd.Series([months], dtype=object)
        (entry,) = to_records(listed, "supervision_roster")
        assert isinstance(entry, RosterEntry)
        assert entry.recurrence.months == (1, 7)


def test_a_list_cell_that_is_neither_text_nor_a_list_is_of_the_wrong_type() -> None:
    # a pandas column of objects: the number 3 is no list of categories
    assert _as_records(_clients(2, categories=["youth", 3]), "clients") == [
        (1, "categories", "tuple_type", 3)
    ]


def test_a_report_names_the_kind_it_checked_and_counts_the_rows() -> None:
    report = validate_frame(pl.concat([CLIENT] * 3).lazy(), "clients")
    assert (report.kind, report.rows, report.ok) == ("clients", 3, False)  # ids repeat


@pytest.mark.parametrize("blank", ["", "  "])
def test_an_optional_text_left_blank_is_none(blank: str) -> None:
    clients = pl.concat([CLIENT] * 2).with_columns(
        pl.Series("id", ["p0", "p1"]), pl.Series("address", [blank, "上海路1号"])
    )
    assert validate_frame(clients, "clients").ok
    first, second = to_records(clients, "clients")
    assert isinstance(first, Client)
    assert isinstance(second, Client)
    assert (first.address, second.address) == (None, "上海路1号")


def test_ids_alike_but_for_spaces_are_duplicates_after_a_blank_one() -> None:
    clients = pl.concat([CLIENT] * 4).with_columns(pl.Series("id", [None, "p1", " p1 ", "p2"]))
    assert _as_records(clients, "clients") == [
        (0, "id", "missing", None),
        (1, "id", "duplicate_id", "p1"),
        (2, "id", "duplicate_id", " p1 "),
    ]
    assert _as_records(clients.slice(1, 2), "clients") == [  # no blank id among them
        (0, "id", "duplicate_id", "p1"),
        (1, "id", "duplicate_id", " p1 "),
    ]


def test_ids_read_as_whole_floats_are_duplicates_by_their_whole_number() -> None:
    # a spreadsheet's column of numbers: 1.0 twice is id 1 twice; 2.0 is another id
    clients = _clients(3)
    clients["id"] = [1.0, 1.0, 2.0]
    problems = validate_frame(clients, "clients").problems
    found = [(p.row, p.record_id) for p in problems if p.rule == "duplicate_id"]
    assert found == [(0, "1"), (1, "1")]
    with pytest.raises(FrameContractError) as info:
        to_records(clients, "clients")
    assert [(p.row, p.record_id) for p in info.value.problems if p.rule == "duplicate_id"] == found


def test_duplicate_ids_are_listed_by_row_or_in_a_lazy_frame_by_id() -> None:
    clients = pl.concat([CLIENT] * 4).with_columns(pl.Series("id", ["p2", "p1", "p2", "p1"]))
    eager = validate_frame(clients, "clients").problems
    assert [(p.row, p.record_id) for p in eager] == [(0, "p2"), (1, "p1"), (2, "p2"), (3, "p1")]
    lazy = validate_frame(clients.lazy(), "clients").problems
    assert [(p.row, p.record_id) for p in lazy] == [(None, "p1")] * 2 + [(None, "p2")] * 2


def test_a_parent_id_of_65_characters_is_too_long_among_ids_none_blank() -> None:
    assert _assessments("case_id", ["k" * 65, "k1"]) == [(0, "string_too_long", "k" * 65)]


def test_a_parent_cell_holding_a_list_is_no_id() -> None:
    # a pandas column of objects may hold a list, which no dict can key
    consents = pd.DataFrame(
        {
            "client_id": pd.Series([["p0"]], dtype=object),
            "id": ["k1"],
            "scope": ["services"],
            "given_on": [date(2025, 1, 6)],
        }
    )
    with pytest.raises(FrameContractError) as info:
        to_records(CLIENT.to_pandas(), "clients", children={"client_consents": consents})
    assert [(p.row, p.column, p.rule) for p in info.value.problems] == [
        (0, "client_id", "string_type")
    ]


def test_a_reference_of_another_engine_is_refused_by_the_frames_named() -> None:
    communities = pd.DataFrame({"id": ["c1"]})
    with pytest.raises(
        ArgumentError,
        match=r"^frames must be frames of one engine; got 'frame: polars, community_id: pandas'",
    ):
        validate_frame(CLIENT, "clients", references={"community_id": communities})


def test_a_pandas_cell_of_na_is_blank() -> None:
    clients = _clients(2, address=[pd.NA, "上海路1号"])
    assert validate_frame(clients, "clients").ok
    first, second = to_records(clients, "clients")
    assert isinstance(first, Client)
    assert isinstance(second, Client)
    assert (first.address, second.address) == (None, "上海路1号")


@pytest.mark.parametrize("engine", ["polars", "pandas"])
def test_to_records_lists_a_row_s_problems_in_the_order_validate_frame_does(engine: str) -> None:
    # the columns written in another order than the contract's: problems come by row, and a
    # row's in the contract's order (registered_on before risk_level, client_id before
    # guardian_id), whatever the frame's order or the process's hash seed
    clients = pl.DataFrame(
        {
            "risk_level": ["maybe", "low"],
            "registered_on": ["2025/03/02", "2025-03-02"],
            "name": ["李大爷", " "],
            "id": ["p1", "p2"],
            "community_id": ["c1", "c1"],
        }
    )
    consents = pl.DataFrame(
        {
            "guardian_id": [["g1"]],
            "client_id": [[1.5]],
            "id": ["k1"],
            "scope": ["services"],
            "given_on": ["2025-03-02"],
        }
    )
    for frame, kind, expected in (
        (
            clients,
            "clients",
            [(0, "registered_on"), (0, "risk_level"), (1, "name")],
        ),
        (consents, "client_consents", [(0, "client_id"), (0, "guardian_id")]),
    ):
        native: Any = frame if engine == "polars" else frame.to_pandas()
        judged = validate_frame(native, kind).problems
        assert [(p.row, p.column) for p in judged] == expected
        with pytest.raises(FrameContractError) as info:
            to_records(native, kind)
        assert list(info.value.problems) == list(judged)
