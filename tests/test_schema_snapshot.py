"""A record's JSON Schema is public API: it may change only with a CHANGELOG line.

The snapshot (``tests/schema_snapshot.json``) is refreshed by
``scripts/schema_snapshot.py``, which refuses while the CHANGELOG's
``[Unreleased]`` section leaves a changed record or enum unnamed.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from tests.support import ROOT, load_script

script = load_script("scripts/schema_snapshot.py")

CHANGELOG = """# Changelog

## [Unreleased]

### Changed

- `socialwork.models.Client` gains a field; `ClientCategory` gains a member.

## [0.1.0] - 2026-01-01

- `Case` was added.
"""


def test_record_schemas_match_the_snapshot() -> None:
    snapshot = json.loads((ROOT / "tests" / "schema_snapshot.json").read_text(encoding="utf-8"))
    changed = script.changed_names(snapshot, script.current())
    assert not changed, script.difference_message(changed)


def test_every_record_and_enum_is_in_the_snapshot() -> None:
    from socialwork.schema import RECORD_TYPES

    now = script.current()
    assert now["records"] == sorted(model.__name__ for model in RECORD_TYPES)
    assert {"Client", "StationRecords", "ClientCategory", "CaseStatus"} <= set(now["definitions"])
    # Definitions are flattened: no record keeps its nested $defs.
    assert all("$defs" not in body for body in now["definitions"].values())


def edited(snapshot: dict[str, Any]) -> dict[str, Any]:
    new = copy.deepcopy(snapshot)
    client = new["definitions"]["Client"]
    client["properties"]["nickname"] = {"type": "string"}
    new["definitions"]["ClientCategory"]["enum"].append("new_code")
    return new


def test_a_changed_field_or_enum_member_is_named_once() -> None:
    before = script.current()
    # A new field of Client changes Client only, not every record holding clients.
    assert script.changed_names(before, edited(before)) == ["Client", "ClientCategory"]


def test_added_removed_and_demoted_records_count_as_changed() -> None:
    before = script.current()
    after = copy.deepcopy(before)
    del after["definitions"]["Visit"]
    after["definitions"]["Household2"] = {"type": "object"}
    after["records"].remove("Period")  # still nested in others, but no longer top-level
    assert script.changed_names(before, after) == ["Household2", "Period", "Visit"]


def test_a_reworded_docstring_is_no_schema_change() -> None:
    stripped = script._without_descriptions(
        {"description": "old words", "properties": {"description": {"type": "string"}}}
    )
    assert stripped == {"properties": {"description": {"type": "string"}}}


@pytest.mark.parametrize(
    ("names", "missing"),
    [
        (["Client"], []),
        (["Client", "ClientCategory"], []),
        (["Client", "Case"], ["Case"]),  # named only under a released version
        (["Visit"], ["Visit"]),
        (["Clien"], ["Clien"]),  # a prefix is not a name
    ],
)
def test_the_changelog_must_name_each_change_in_unreleased(
    names: list[str], missing: list[str]
) -> None:
    assert script.unnamed(names, CHANGELOG) == missing


def test_refresh_refuses_until_the_changelog_names_the_change(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    snapshot, changelog = tmp_path / "snapshot.json", tmp_path / "CHANGELOG.md"
    script.write(edited(script.current()), snapshot)
    changelog.write_text("# Changelog\n\n## [Unreleased]\n\n- nothing yet\n", encoding="utf-8")
    args = ["--snapshot", str(snapshot), "--changelog", str(changelog)]

    assert script.main([*args, "--check"]) == 1
    assert "Client, ClientCategory differs" in capsys.readouterr().err

    assert script.main(args) == 1
    assert capsys.readouterr().err.endswith("in backticks: Client, ClientCategory\n")
    assert script.changed_names(json.loads(snapshot.read_text()), script.current())

    changelog.write_text(CHANGELOG, encoding="utf-8")
    assert script.main(args) == 0
    assert json.loads(snapshot.read_text(encoding="utf-8")) == script.current()
    assert script.main([*args, "--check"]) == 0
