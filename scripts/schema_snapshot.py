"""Compare the records' JSON Schemas with their committed snapshot, and refresh it.

A record's JSON Schema is public API (``docs/versioning.md``): a change to it
needs a CHANGELOG line. ``tests/schema_snapshot.json`` keeps the schemas as
they were last released or recorded, and ``tests/test_schema_snapshot.py``
fails when they differ. After changing a record on purpose:

1. name every changed record or enum, in backticks, in the ``[Unreleased]``
   section of ``CHANGELOG.md`` (the test's message lists them);
2. run ``uv run python scripts/schema_snapshot.py`` to refresh the snapshot.

The script refuses to refresh while the CHANGELOG leaves a changed name out.
``--check`` only compares. Descriptions (docstrings) are left out of the
comparison: rewording a docstring changes no contract.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "tests" / "schema_snapshot.json"
CHANGELOG = ROOT / "CHANGELOG.md"

Snapshot = dict[str, Any]


def current() -> Snapshot:
    """Return the schemas of today's code in the snapshot's form.

    ``records`` lists the top-level records; ``definitions`` holds every
    record and enum once, by name, with ``$defs`` flattened and descriptions
    left out, so a change to ``Client`` shows as ``Client`` and not also as
    every record that holds clients.
    """
    from socialwork.schema import json_schema

    schemas = json.loads(json.dumps(json_schema()))
    definitions: dict[str, Any] = {}
    for name, schema in schemas.items():
        nested = schema.pop("$defs", {})
        schema.pop("$schema", None)
        for item, body in [(name, schema), *nested.items()]:
            body = _without_descriptions(body)
            if definitions.setdefault(item, body) != body:
                raise ValueError(f"two different schemas are both named {item!r}")
    return {"records": sorted(schemas), "definitions": dict(sorted(definitions.items()))}


def _without_descriptions(schema: Any) -> Any:
    if isinstance(schema, dict):
        return {
            key: _without_descriptions(value)
            for key, value in schema.items()
            if not (key == "description" and isinstance(value, str))
        }
    if isinstance(schema, list):
        return [_without_descriptions(value) for value in schema]
    return schema


def changed_names(old: Snapshot, new: Snapshot) -> list[str]:
    """Return the records and enums whose schema was added, removed or changed, sorted.

    A record that is no longer (or newly) a top-level record counts as changed.
    """
    before: Mapping[str, Any] = old.get("definitions", {})
    after: Mapping[str, Any] = new.get("definitions", {})
    changed = {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}
    changed |= set(old.get("records", [])) ^ set(new.get("records", []))
    return sorted(changed)


def unreleased(changelog: str) -> str:
    """Return the ``[Unreleased]`` section of a Keep-a-Changelog text ("" if none)."""
    match = re.search(r"^## \[Unreleased\].*?(?=^## |\Z)", changelog, re.MULTILINE | re.DOTALL)
    return match.group(0) if match else ""


def unnamed(names: Sequence[str], changelog: str) -> list[str]:
    """Return the ``names`` that the CHANGELOG's ``[Unreleased]`` section does not name.

    A name counts when it stands in backticks, alone or qualified:
    `` `Client` `` or `` `socialwork.models.Client` ``.
    """
    section = unreleased(changelog)
    return [name for name in names if not re.search(rf"`(?:[\w.]+\.)?{re.escape(name)}`", section)]


def difference_message(changed: Sequence[str]) -> str:
    """Explain a difference between the schemas and the snapshot, and what to do."""
    return (
        f"The JSON Schema of {', '.join(changed)} differs from tests/schema_snapshot.json. "
        "Record schemas are public API (docs/versioning.md). If the change is meant: add a "
        "line to CHANGELOG.md under [Unreleased] naming each of them in backticks, then "
        "refresh the snapshot with `uv run python scripts/schema_snapshot.py`."
    )


def write(snapshot: Snapshot, path: Path) -> None:
    """Write ``snapshot`` to ``path`` as sorted, indented JSON."""
    text = json.dumps(snapshot, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    path.write_text(text, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Compare, and refresh the snapshot when the CHANGELOG names every change."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="compare only; write nothing")
    parser.add_argument("--snapshot", type=Path, default=SNAPSHOT, help=argparse.SUPPRESS)
    parser.add_argument("--changelog", type=Path, default=CHANGELOG, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    new = current()
    old = json.loads(args.snapshot.read_text(encoding="utf-8")) if args.snapshot.exists() else {}
    changed = changed_names(old, new)
    if not changed:
        print("The record schemas match the snapshot.")
        return 0
    if args.check:
        print(difference_message(changed), file=sys.stderr)
        return 1
    missing = unnamed(changed, args.changelog.read_text(encoding="utf-8"))
    if old and missing:
        print(
            "Not refreshed: name these in CHANGELOG.md under [Unreleased], in backticks: "
            + ", ".join(missing),
            file=sys.stderr,
        )
        return 1
    write(new, args.snapshot)
    print(f"Refreshed {args.snapshot.name}: {', '.join(changed) if old else 'first snapshot'}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
