"""The explanation page's tables say what the code does."""

from __future__ import annotations

import re
from pathlib import Path

from socialwork.stages import Stage, StagePolicy, stage_guide
from socialwork.stages.lifecycle import CASE_MOVES

PAGE = Path(__file__).parent.parent / "docs" / "explanation" / "stages.md"


def table(section: str) -> list[list[str]]:
    body = PAGE.read_text("utf-8").split(f"<!-- {section} -->")[1].split("<!-- end -->")[0]
    rows = [line for line in body.strip().splitlines() if line.startswith("|")][2:]
    return [[cell.strip().strip("`") for cell in row.strip("|").split("|")] for row in rows]


def test_the_criteria_table_matches_the_guides_and_the_policy() -> None:
    rows = table("criteria")
    listed = [(stage, code) for stage, code, _, _ in rows]
    assert listed == [(s.value, c.value) for s in Stage for c in stage_guide(s).exit_criteria]
    defaults = StagePolicy()
    for _, _, _, threshold in rows:
        found = re.search(r"([\d.]+) \(`(\w+)`\)", threshold)
        if found is None:
            assert threshold == "must be true"
            continue
        value, field = found.groups()
        assert float(value) == getattr(defaults, field), field


def test_the_cautions_table_matches_the_guides() -> None:
    listed = [(stage, code) for stage, code, _ in table("cautions")]
    assert listed == [(s.value, c.value) for s in Stage for c in stage_guide(s).warnings]


def test_the_case_moves_table_is_the_lifecycle_table() -> None:
    listed = [tuple(row) for row in table("case moves")]
    expected = [
        (m.source.value, m.target.value, m.guard.value if m.guard else "—") for m in CASE_MOVES
    ]
    assert listed == expected
