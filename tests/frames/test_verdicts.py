"""One contract, one verdict: the malformations of ``benchmarks/frames_verdicts.py``."""

from __future__ import annotations

import warnings
from datetime import UTC, date, datetime
from typing import Any

import pandas as pd  # type: ignore[import-untyped]
import polars as pl
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from socialwork.errors import FrameContractError, UnknownRegionWarning
from socialwork.frames import StationFrames, contract, from_records, to_records, validate_frame
from socialwork.frames.report import STATION_TABLES
from socialwork.frames.validate import read_table
from socialwork.samples import team_month
from tests.frames.support import JUNE, SETTINGS
from tests.frames.test_contracts import documented_codes
from tests.support import load_script

PROBE = load_script("benchmarks/frames_verdicts.py")


def test_validate_frame_and_to_records_never_disagree() -> None:
    assert PROBE.verdicts() == []


@pytest.mark.parametrize("name", sorted(PROBE.CASES))
def test_each_malformation_is_refused_with_documented_codes(name: str) -> None:
    kind, mutation = PROBE.CASES[name]
    rows = mutation(PROBE._sample(kind, PROBE.SOURCES[kind]))
    for frame in PROBE._frames(rows).values():
        report = validate_frame(frame, kind)
        assert not report.ok, name
        assert {p.rule for p in report.problems} <= documented_codes()
        with pytest.raises(FrameContractError):
            to_records(frame, kind)


def test_the_codes_of_some_malformations() -> None:
    # worked by hand from the records' rules
    wanted = {
        "born after registration": {(0, "born_on", "born_after_registration")},
        "3-decimal hours": {(0, "hours", "decimal_max_places")},
        "hours zero": {(0, "hours", "greater_than")},
        "count 2.5": {(0, "duration_minutes", "int_type")},  # a Count is a strict int
        "resolved while open": {(0, "resolved_on", "resolved_while_open")},
        "required column left out": {(None, "registered_on", "missing_column")},
        "bad date and bad label": {(0, "registered_on", "date_format"), (0, "risk_level", "enum")},
        "duplicated id": {(0, "id", "duplicate_id"), (3, "id", "duplicate_id")},
        "matched need resolved": {(0, "resolved_on", "resolved_while_open")},
        # born 2025-06-02, registered 2025-01-06; a man's 17th digit (1); born 1990-01-01
        "ID number born after registration": {(0, "id_number", "born_after_registration")},
        "ID number of a man, sex female": {(0, "sex", "id_number_sex_mismatch")},
        "ID number birth date unlike born_on": {(0, "born_on", "id_number_birth_mismatch")},
        "attendee listed twice": {(0, "attended", "duplicate_id")},
        "staff their own mentor": {(0, "mentor_id", "self_reference")},
        "no kind, charging without a fee standard": {(0, "kind", "enum")},
        "referral without consent": {(0, "consent_id", "referral_without_consent")},
        "consent of no client withdrawn before given": {
            (0, "client_id", "missing"),
            (0, "withdrawn_on", "withdrawn_before_given"),
        },
        "decision without its case": {(0, "case_id", "decision_without_case")},
    }
    for name, problems in wanted.items():
        kind, mutation = PROBE.CASES[name]
        for frame in PROBE._frames(mutation(PROBE._sample(kind, PROBE.SOURCES[kind]))).values():
            found = {(p.row, p.column, p.rule) for p in validate_frame(frame, kind).problems}
            assert found == problems, name


# --- a generated property: the engine's verdict is the records' verdict ---

TEAM = team_month()
REFERRALS = pl.DataFrame(
    {
        "case_id": ["k1", "k2"],
        "id": ["r1", "r2"],
        "to_organisation": ["区康复中心", "派出所"],
        "reason": ["康复指导", "人身安全"],
        "referred_on": [date(2025, 6, 9), date(2025, 6, 10)],
        "consent_id": ["k1-k2", None],
        "confidentiality_exception": [None, "服务对象有自伤风险"],
        "status": ["pending", "accepted"],
    }
)
"""Referrals, one under a consent and one under the crisis exception: the sample has none."""

BASE: dict[str, Any] = {
    **{kind: StationFrames.from_records(JUNE).table(kind) for kind in STATION_TABLES},
    "case_referrals": REFERRALS,
    **{
        kind: from_records(records, kind=kind)
        for kind, records in {
            "supervision_sessions": TEAM.sessions,
            "supervision_decisions": TEAM.sessions,
            "trainings": TEAM.trainings,
            "training_scores": TEAM.trainings,
            "approvals": TEAM.approvals,
            "approval_steps": TEAM.approvals,
            "appraisals": TEAM.appraisals,
            "appraisal_components": TEAM.appraisals,
            "grade_changes": TEAM.grade_changes,
            "certification_changes": TEAM.certification_changes,
            "supervision_roster": TEAM.roster.entries,
        }.items()
    },
}
"""A table of every kind, from the built-in samples."""

CELLS: tuple[object, ...] = (
    None, "", "  ", "是", "否", "maybe", "2025/03/02", "2025-02-30", "2024-02-29", "0000-01-01",
    "1899-12-31", " 2025-06-01 ", "2026-01-01", 12345, 13812345678, 2.5, 3.0, -1, 0, 7, 99999,
    True, False, 1.125, "1.125", "12.5", "1.10", 25.0, 0.0, 1e20, float("inf"), "x" * 65,
    datetime(2025, 6, 1, tzinfo=UTC), datetime(2025, 6, 1, 9, 30), datetime(2025, 6, 1),
    date(2026, 1, 1), date(1899, 12, 31), date(2025, 6, 1), 123.0,
    "110105194912310020", "11010519491231002x", "110105491231002", "110105194913310023",
    "1101051949123100", "11010519491231002X", "110105201505010014", "male", "女", "Female",
    "youth;youth", "独居老人、youth", "独居老人;;", "low", "高风险", "High", "open", "met",
    "家访", "home_visit", "full_time", "实习生", "closed", "结案", "goals_achieved", "p1", "c1",
    ["a", "b"], ["a", ""], [1, 2], [13], ["youth"],
    # the rules between a client's fields: a category twice (by code or label), youth issues
    # without the category youth, born after registering (born_on or the ID number's)
    "youth;青少年", "low_income", "emotional", "情绪困扰;emotional", "youth；emotional",
    "2025-06-02", "110105202601010019", "110105199001010010", date(2026, 1, 1),
)  # fmt: skip
"""Cells a spreadsheet holds: labels, 是/否, text dates, impossible dates, bools, numbers, ..."""


@st.composite
def malformed(
    draw: st.DrawFn, kinds: tuple[str, ...] = tuple(sorted(BASE))
) -> tuple[str, list[dict[str, Any]], list[str]]:
    kind = draw(st.sampled_from(kinds))
    base = BASE[kind]
    columns = list(base.columns)
    rows: list[dict[str, Any]] = [
        dict(r) for r in base.head(draw(st.integers(0, 5))).iter_rows(named=True)
    ]
    for _ in range(draw(st.integers(0, 4))):
        if not columns:
            break
        column = draw(st.sampled_from(columns))
        cell = draw(st.sampled_from(CELLS))
        if draw(st.booleans()) and rows:
            rows[draw(st.integers(0, len(rows) - 1))][column] = cell
        else:
            rows = [{**r, column: cell} for r in rows]
    if draw(st.booleans()) and rows:
        rows.append(dict(rows[0]))  # a repeated id, or category
    if draw(st.booleans()):
        gone = draw(st.sampled_from(columns))
        columns.remove(gone)
        rows = [{k: v for k, v in r.items() if k != gone} for r in rows]
    if draw(st.booleans()):
        columns.append("extra")
        rows = [{**r, "extra": 1} for r in rows]
    return kind, rows, columns


def _frame(rows: list[dict[str, Any]], columns: list[str], engine: str) -> Any:
    data = {c: [r.get(c) for r in rows] for c in columns}
    if engine == "pandas":
        return pd.DataFrame(data, columns=columns)
    try:
        return pl.DataFrame(data, strict=False)
    except Exception:  # a table polars cannot build is no case
        return None


def _same_verdict(case: tuple[str, list[dict[str, Any]], list[str]], engine: str) -> None:
    kind, rows, columns = case
    frame = _frame(rows, columns, engine)
    assume(frame is not None)
    spec = contract(kind)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UnknownRegionWarning)
        _, records = read_table(spec, frame)
        engine_verdict = validate_frame(frame, kind).problems
    assert {(p.row, p.column, p.rule) for p in engine_verdict} == {
        (p.row, p.column, p.rule) for p in records
    }


@settings(SETTINGS, max_examples=200)
@given(case=malformed(), engine=st.sampled_from(("polars", "pandas")))
def test_the_engine_judges_a_table_as_its_records_do(
    case: tuple[str, list[dict[str, Any]], list[str]], engine: str
) -> None:
    _same_verdict(case, engine)


RULE_CELLS: dict[str, dict[str, tuple[object, ...]]] = {
    "clients": {
        "categories": (None, "youth", "youth;youth", "youth;青少年", "low_income",
                       "独居老人、youth", ";", "maybe", "低保对象;low_income;youth"),
        "youth_issues": (None, "emotional", "情绪困扰;emotional", "", ";", "maybe",
                         "career_confusion"),
        "born_on": (None, "2026-01-01", "2025-06-02", "1990-01-01", "2025/03/02", " 2025-06-01 "),
        "registered_on": ("2025-06-01", "2025-06-02", None, "2025-02-30"),
        "id_number": (None, "110105202601010019", "110105199001010010", "110105194912310020",
                      "110105199001010029", "110105202506020016", "110105202506010029",
                      "51010019900101003X", "51010019900101003x", " 51010019900101003X",
                      "5101001990 0101003X", "999999199001010016", "110105491231002",
                      "110105194913310023", "110105000001010011", "1101051990010100", "",
                      "11010519900101001０"),
        "sex": (None, "male", "女", "maybe", "female", "Male"),
    },
    "cases": {
        "status": (None, "closed", "结案", "intake", "接案", "maybe", "  "),
        "crisis": (None, True, False, "是", "否", "maybe"),
        "closed_on": (None, "2025-06-20", "2025-01-01", "2025/06/20", datetime(2025, 6, 20, 9, 30)),
        "closure_outcome": (None, "goals_achieved", "maybe", ""),
        "opened_on": ("2025-06-01", None, "2025-06-30"),
    },
    "needs": {
        "status": (None, "open", "met", "已满足", "withdrawn", "已撤回", "matched", "maybe", "  "),
        "resolved_on": (None, "2025-06-30", "2000-01-01", "2025-06-14", "2025/06/30",
                        date(2025, 6, 1), datetime(2025, 6, 20, 9, 30), ""),
        "raised_on": ("2025-06-14", "2025-06-30", None, "2025-02-30", date(2025, 7, 1)),
        "normative_source": (None, "社区评估标准", "", "  "),
        "normative_detail": (None, "独居老人需定期探访", ""),
        "expressed_source": (None, "微心愿墙", ""),
        "expressed_detail": (None, "居民写下心愿", " "),
    },
    "group_members": {
        "joined_on": ("2025-05-06", None, "2025-13-01", date(2025, 6, 10), "2025-06-01"),
        "left_on": (None, "2025-05-05", "2025-05-06", "2025-06-30", "maybe", date(2025, 6, 1)),
    },
    "group_sessions": {
        "attended": (None, "e1", "e1;e1", "e1;e2", "e1；e2、e1", ["e1", "e1"], ["e1", "e2"],
                     "", ";", " e1 ;e1"),
    },
    "staff": {
        "joined_on": ("2024-03-01", None, "2024/03/01", date(2025, 1, 1)),
        "left_on": (None, "2024-02-29", "2024-03-01", "2025-06-30", date(2024, 1, 1), "x"),
        "mentor_id": (None, "s1", "s2", "", "  "),
        "backup_id": (None, "s1", "s3", ""),
    },
    "resources": {
        "charges": (None, True, False, "是", "否", "yes", "maybe"),
        "fee_standard": (None, "10元/次", "", "  "),
    },
    "case_goals": {
        "start_on": (None, "2025-06-01", "2025-10-01", "2025-02-30"),
        "due_on": (None, "2025-09-30", "2025-05-31", "2025-06-01", "maybe"),
    },
    "case_referrals": {
        "consent_id": (None, "k1-k2", "", "  ", "x" * 65),
        "confidentiality_exception": (None, "服务对象有自伤风险", "", " "),
    },
    "client_consents": {
        "given_on": ("2025-01-06", None, "2025/01/06", date(2025, 6, 1)),
        "withdrawn_on": (None, "2025-01-05", "2025-01-06", "2025-06-30", date(2024, 1, 1), "x"),
    },
    "supervision_decisions": {
        "kind": (None, "referral", "转介", "closure", "continue", "plan_change", "other", "其他",
                 "maybe"),
        "case_id": (None, "k4", "", "  "),
    },
}  # fmt: skip
"""Cells that keep or break each rule between a record's fields, and the field rules beside them."""


@st.composite
def across_fields(draw: st.DrawFn, kind: str) -> tuple[str, list[dict[str, Any]], list[str]]:
    kind, rows, columns = draw(malformed(kinds=(kind,)))
    for row in rows:
        for column, cells in RULE_CELLS[kind].items():
            if draw(st.booleans()):
                row[column] = draw(st.sampled_from(cells))
    return kind, rows, columns


@settings(SETTINGS, max_examples=600)
@given(
    case=st.sampled_from(sorted(RULE_CELLS)).flatmap(across_fields),
    engine=st.sampled_from(("polars", "pandas")),
)
def test_the_engine_applies_the_rules_between_fields_as_the_records_do(
    case: tuple[str, list[dict[str, Any]], list[str]], engine: str
) -> None:
    # the declared rules in the engine (a client's category twice, youth issues
    # without youth, born after registering; a case closed without a closure, a
    # closure while open, a crisis on a closed case; a need resolved while open or
    # before it was raised, or its evidence of a kind without a source or detail;
    # a member leaving, a staff member leaving, a goal due or a consent withdrawn
    # before the start; an attendee twice; a fee standard without charging or
    # missing; a referral without consent or exception; a decision about a case
    # naming none) and the rows that need the rules checked in Python read as
    # records (a client's ID number, a staff member's mentor): the same verdict
    # as the records'
    _same_verdict(case, engine)
