"""Tests of socialwork.frames.problems."""

from __future__ import annotations

from socialwork.frames import (
    FrameProblem,
)


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
