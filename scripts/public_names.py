"""Count the public names of socialwork: per room, at package level and across every public module.

A public module is one whose dotted path has no part starting with ``_``;
its public names are its ``__all__``. A name counts once across modules
(``Rate`` re-exported by ``socialwork.metrics`` and defined in
``socialwork.metrics.rates`` is one name). The rooms themselves
(``socialwork.metrics`` in ``socialwork.__all__``) are modules, not names,
and are not counted; Protocols, constants, type aliases and the functions
behind the indicator catalogue stay importable from their modules without
being listed in an ``__all__``, so they are not counted either.

Usage: ``uv run python scripts/public_names.py`` (prints a Markdown table).
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
import types
from collections import defaultdict

import socialwork


def public_modules() -> list[str]:
    """Every module of socialwork whose dotted path has no private part."""
    names = ["socialwork"]
    for info in pkgutil.walk_packages(socialwork.__path__, "socialwork."):
        if any(part.startswith("_") for part in info.name.split(".")):
            continue
        names.append(info.name)
    return sorted(names)


def main() -> int:
    """Print, per room, the names of its package and the distinct names across its modules."""
    per_room: dict[str, set[str]] = defaultdict(set)
    package_level: dict[str, set[str]] = defaultdict(set)
    everything: set[tuple[str, str]] = set()
    for name in public_modules():
        try:
            module = importlib.import_module(name)
        except ImportError:  # an extra that is not installed
            continue
        exported = {
            n
            for n in getattr(module, "__all__", ())
            if not isinstance(getattr(module, n), types.ModuleType)
        }
        parts = name.split(".")
        room = parts[1] if len(parts) > 1 else "(top)"
        per_room[room] |= exported
        if len(parts) <= 2:
            package_level[room] |= exported
        everything |= {(room, n) for n in exported}
    distinct = {n for _, n in everything}
    print("| room | package-level names | names across its modules |")
    print("|---|---:|---:|")
    for room in sorted(per_room):
        print(f"| {room} | {len(package_level.get(room, ()))} | {len(per_room[room])} |")
    total_package = len(set().union(*package_level.values()))
    print(f"| **all** | {total_package} | {len(distinct)} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
