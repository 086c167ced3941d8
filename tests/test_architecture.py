"""The map holds: no room imports another room's private names (import-linter checks the rest).

Layers, circles and private modules are import-linter contracts in
``pyproject.toml`` (``uv run lint-imports``, a step of ``.ci/run``). A
private *name* imported from a public module is not an import of a private
module, so import-linter does not see it: this test does.
"""

from __future__ import annotations

import ast
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[1] / "src" / "socialwork"


def _module(path: Path, source: Path) -> str:
    parts = path.relative_to(source.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def private_imports_across_rooms(source: Path = SOURCE) -> list[str]:
    found = []
    for path in sorted(source.rglob("*.py")):
        importer = _module(path, source)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom) or node.level or not node.module:
                continue
            if not node.module.startswith("socialwork"):
                continue
            if _room(node.module) == _room(importer):
                continue
            found += [
                f"{importer} imports {node.module}.{alias.name} (line {node.lineno})"
                for alias in node.names
                if _private(alias.name)
            ]
    return found


def test_no_room_imports_a_private_name_of_another_room() -> None:
    assert private_imports_across_rooms() == []


def test_the_check_sees_a_private_import_across_rooms(tmp_path: Path) -> None:
    room = tmp_path / "socialwork" / "linkage"
    room.mkdir(parents=True)
    (room / "__init__.py").write_text(
        "from socialwork.privacy.duplicates import _extra, client_normaliser\n"
        "from socialwork.linkage._own import _fine\n",
        encoding="utf-8",
    )
    assert private_imports_across_rooms(tmp_path / "socialwork") == [
        "socialwork.linkage imports socialwork.privacy.duplicates._extra (line 1)"
    ]
