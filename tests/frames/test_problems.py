"""Tests of socialwork.frames.problems."""

from __future__ import annotations

from socialwork.frames import (
    FrameProblem,
)
from socialwork.frames.contracts import contract
from socialwork.frames.problems import masked


def test_report_problem_text() -> None:
    assert (
        str(FrameProblem(None, "name", "missing_column")) == "table, name: missing_column, got None"
    )
    assert str(FrameProblem(None, "name", "missing", None, "p1")).startswith("row (p1)")


def test_a_problem_names_the_spreadsheet_row() -> None:
    import polars as pl

    from socialwork.frames import validate_frame

    # a sheet: header on row 1, the clients on rows 2 and 3; the second one's date is broken
    sheet = pl.DataFrame(
        {"id": ["p1", "p2"], "name": ["李大爷", "王阿姨"], "community_id": ["c1", "c1"],
         "registered_on": ["2025-03-02", "2025/03/02"]}
    )  # fmt: skip
    (problem,) = validate_frame(sheet, "clients").problems
    assert (problem.row, problem.sheet_row) == (1, 3)


def test_a_long_value_is_cut_after_60_characters_of_its_repr() -> None:
    # 'x' * 100 is written as 102 characters with its quotes: the quote and 59 x's are shown
    problem = FrameProblem(3, "note", "string_too_long", "x" * 100)
    assert str(problem) == f"row 3, note: string_too_long, got '{'x' * 59}… (102 characters)"


def test_a_blank_cell_of_a_personal_column_is_shown_as_blank() -> None:
    # a blank holds nothing personal; masking it would show '*', as if something were there
    (blank, none, name) = masked(
        contract("clients"),
        [
            FrameProblem(0, "name", "missing", ""),
            FrameProblem(1, "name", "missing", None),
            FrameProblem(2, "name", "string_type", "王丽"),
        ],
    )
    assert (blank.value, none.value, name.value) == ("", None, "王*")
