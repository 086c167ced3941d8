"""The explanation page's tables say what the code does, in both languages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from socialwork.stages import Stage, StagePolicy, stage_guide
from socialwork.stages.lifecycle import CASE_MOVES

PAGES = Path(__file__).parent.parent / "docs" / "explanation"
MUST_BE_TRUE = {"en": "must be true", "zh": "须为真"}
"""Each translation of the page, and how its criteria table says "must be true"."""

pytestmark = pytest.mark.parametrize("language", sorted(MUST_BE_TRUE))


def table(language: str, section: str) -> list[list[str]]:
    text = (PAGES / f"stages.{language}.md").read_text("utf-8")
    body = text.split(f"<!-- {section} -->")[1].split("<!-- end -->")[0]
    rows = [line for line in body.strip().splitlines() if line.startswith("|")][2:]
    return [[cell.strip().strip("`") for cell in row.strip("|").split("|")] for row in rows]


def test_the_criteria_table_matches_the_guides_and_the_policy(language: str) -> None:
    rows = table(language, "criteria")
    listed = [(stage, code) for stage, code, _, _ in rows]
    assert listed == [(s.value, c.value) for s in Stage for c in stage_guide(s).exit_criteria]
    defaults = StagePolicy()
    for _, _, _, threshold in rows:
        found = re.search(r"([\d.]+) \(`(\w+)`\)", threshold)
        if found is None:
            assert threshold == MUST_BE_TRUE[language]
            continue
        value, field = found.groups()
        assert float(value) == getattr(defaults, field), field


def test_the_cautions_table_matches_the_guides(language: str) -> None:
    listed = [(stage, code) for stage, code, _ in table(language, "cautions")]
    assert listed == [(s.value, c.value) for s in Stage for c in stage_guide(s).warnings]


def test_the_case_moves_table_is_the_lifecycle_table(language: str) -> None:
    listed = [tuple(row) for row in table(language, "case moves")]
    expected = [
        (m.source.value, m.target.value, m.guard.value if m.guard else "—") for m in CASE_MOVES
    ]
    assert listed == expected
