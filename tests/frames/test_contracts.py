"""Tests of socialwork.frames.contracts."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pandas as pd  # type: ignore[import-untyped]
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialwork import models as m
from socialwork.errors import UnknownCodeError
from socialwork.frames import (
    KINDS,
    FrameContractError,
    contract,
    to_records,
    validate_frame,
)
from socialwork.frames.contracts import CONTRACTS, contracts_markdown, contracts_table, inner_field

MESSY = st.one_of(
    st.none(),
    st.sampled_from(["", " ", "2025-06-01", "2025/06/01", "独居老人", "youth;低保对象", "是", "x"]),
    st.sampled_from([0, -1, 3, 10**12, 2.5, float("nan"), True]),
    st.sampled_from([date(2025, 6, 1), datetime(2025, 6, 1), datetime(2025, 6, 1, 9, 30)]),
    st.text(max_size=4),
)


def test_contracts_follow_the_records() -> None:
    clients = contract("clients")
    assert clients.names[:4] == ("id", "name", "community_id", "registered_on")
    assert clients.column("categories").type == "codes"
    assert clients.column("risk_level").codes == tuple(r.value for r in m.RiskLevel)
    # consents and guardians have tables of their own; the emergency contact has columns
    assert clients.not_in_table == ("consents", "guardians")
    assert clients.column("emergency_contact_phone").type == "text"
    assert contract("needs").column("severity").type == "scale5"
    assert contract("service_hours").column("hours").type == "decimal"
    assert contract("group_members").parent == "group_id"
    assert len(contracts_table()) == sum(len(c.columns) for c in CONTRACTS.values())


def test_unknown_kind_and_column() -> None:
    with pytest.raises(UnknownCodeError):
        contract("household")
    with pytest.raises(UnknownCodeError):
        contract("clients").column("age")


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_messy_frames_get_one_verdict(kind: str, data: st.DataObject) -> None:
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
    # one verdict: to_records refuses exactly what validate_frame reports, row by row
    said = {(p.row, p.column, p.rule) for p in report.problems}
    assert {(p.row, p.column, p.rule) for p in problems} == said
    assert all(p.row is None or p.row < rows for p in problems)
    assert {p.rule for p in problems} <= documented_codes()


DOCS = Path(__file__).parents[2] / "docs"


def documented_codes() -> set[str]:
    """Every code shown in backticks on the contracts page and the errors page."""
    pages = [(DOCS / name).read_text("utf-8") for name in ("frames-contracts.md", "errors.md")]
    return {code for page in pages for code in re.findall(r"`([a-z_]+)`", page)}


def test_the_contracts_page_shows_the_contracts() -> None:
    page = (Path(__file__).parents[2] / "docs" / "frames-contracts.md").read_text("utf-8")
    shown = page.split("<!-- contracts -->\n")[1].split("<!-- end -->")[0]
    assert shown == contracts_markdown()


def test_a_refused_kind_or_column_keeps_what_was_asked() -> None:
    with pytest.raises(UnknownCodeError) as info:
        contract("clients").column("age")
    assert (info.value.parameter, info.value.value) == ("column", "age")
    assert info.value.allowed == contract("clients").names
    with pytest.raises(UnknownCodeError) as info:
        contract(["clients"])  # type: ignore[arg-type]
    assert (info.value.parameter, info.value.value) == ("kind", ["clients"])


def test_a_nested_records_fields_are_found_by_their_dotted_path() -> None:
    # a need's evidence: each kind of evidence is a record with a source and a detail
    (evidence,) = contract("needs").flattened
    assert evidence.column_of("normative.source") == "normative_source"
    assert evidence.column_of("felt.detail") == "felt_detail"
    # a name that stops at a record gives its first column; "norm" names no field
    assert evidence.column_of("felt") == "felt_source"
    assert evidence.column_of("norm") is None
    assert (
        inner_field(m.BradshawEvidence, "normative.source")
        is (m.need.Evidence.model_fields["source"])
    )
    assert inner_field(m.Need, "status") is m.Need.model_fields["status"]


def test_the_contracts_table_has_a_row_per_column() -> None:
    rows = [r for r in contracts_table() if r["kind"] == "needs"]
    assert rows[0] == {"kind": "needs", "column": "id", "type": "id", "required": True, "codes": ""}
    (status,) = [r for r in rows if r["column"] == "status"]
    assert status == {
        "kind": "needs",
        "column": "status",
        "type": "code",
        "required": False,
        "codes": "open, matched, met, withdrawn",
    }
