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
