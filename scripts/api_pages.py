"""Write the API reference pages, ``docs/api/*.md``, in the order a reader needs them.

Each page documents one public module: first the functions a user calls
(the ones named in `FIRST` ahead of the rest), then the records, the enums,
the results and other classes, the errors and the constants; last, the names
that are importable only from the module's own submodules, and the helpers
(Protocols, constants, type aliases, the functions behind the indicator
catalogue) that stay importable from their modules without being in any
``__all__``. Every name in the ``__all__`` of every public module lands on
exactly one page, and
``tests/test_docs_api.py`` checks the built site for it. Run it after adding
or removing an exported name::

    uv run python scripts/api_pages.py
"""

from __future__ import annotations

import ast
import enum
import importlib
import inspect
import pkgutil
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import socialwork
from socialwork.records import Record

ROOT = Path(__file__).resolve().parent.parent
API = ROOT / "docs" / "api"

PAGES: tuple[tuple[str, str], ...] = (
    ("socialwork", "socialwork.md"),
    ("socialwork.models", "models.md"),
    ("socialwork.stages", "stages.md"),
    ("socialwork.calendars", "calendars.md"),
    ("socialwork.analysis", "analysis.md"),
    ("socialwork.plans", "plans.md"),
    ("socialwork.evaluation", "evaluation.md"),
    ("socialwork.team", "team.md"),
    ("socialwork.metrics", "metrics.md"),
    ("socialwork.metrics.catalogue", "metrics-catalogue.md"),
    ("socialwork.privacy", "privacy.md"),
    ("socialwork.display", "display.md"),
    ("socialwork.frames", "frames.md"),
    ("socialwork.linkage", "linkage.md"),
    ("socialwork.schema", "schema.md"),
    ("socialwork.samples", "samples.md"),
    ("socialwork.records", "records.md"),
    ("socialwork.labels", "labels.md"),
    ("socialwork.errors", "errors.md"),
    ("socialwork.metrics.protocols", "metrics-protocols.md"),
    ("socialwork.cli", "cli.md"),
)
"""Each page's module and file, in the order of the site's navigation."""

FIRST: dict[str, tuple[str, ...]] = {
    "socialwork.models": ("replace", "active_on", "personal_fields"),
    "socialwork.stages": (
        "stage_guide",
        "check_exit",
        "stage_warnings",
        "advance",
        "move_back",
        "transition",
        "allowed_moves",
    ),
    "socialwork.calendars": ("working_days", "festival_date"),
    "socialwork.analysis": ("swot", "prioritise", "match_needs"),
    "socialwork.plans": ("plan_template", "check_plan", "review_plan", "schedule"),
    "socialwork.team": ("roster_check", "check_supervision", "decide", "team_figures"),
    "socialwork.metrics": (
        "monthly_report",
        "indicator",
        "judge",
        "rate",
        "key_group_coverage",
        "key_group_coverage_by_category",
        "open_cases",
        "overdue_follow_ups",
    ),
    "socialwork.privacy": ("check_sharing", "check_publication", "redact", "find_duplicates"),
    "socialwork.samples": ("station_month", "team_month"),
    "socialwork.schema": ("json_schema",),
    "socialwork.records": ("replace", "active_on", "break_rule"),
}
"""The functions a reader meets first on a page, in this order; the others follow by name."""

KINDS: tuple[tuple[str, str], ...] = (
    ("function", "Functions 函数"),
    ("record", "Records 记录"),
    ("enum", "Enums 枚举"),
    ("class", "Results and other classes 结果与其他类"),
    ("error", "Errors 错误"),
    ("constant", "Constants and types 常量与类型"),
    ("module", "Subpackages 子包"),
)
"""The sections of a page, in order, with their headings."""


LONGEST_VALUE = 80
"""A constant whose value reads longer than this is shown by its name and docstring only."""


def public_modules() -> Iterator[ModuleType]:
    """Yield `socialwork` and every submodule with no part of its name private."""
    yield socialwork
    for info in pkgutil.walk_packages(socialwork.__path__, "socialwork."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            yield importlib.import_module(info.name)


def kind(value: Any) -> str:
    """Return which section of a page documents ``value``."""
    if inspect.isclass(value):
        if issubclass(value, BaseException):
            return "error"
        if issubclass(value, Record):
            return "record"
        if issubclass(value, enum.Enum):
            return "enum"
        return "class"
    if isinstance(value, ModuleType):
        return "module"
    if inspect.isfunction(value) or inspect.isbuiltin(value):
        return "function"
    return "constant"


def key(value: Any, name: str) -> tuple[object, ...]:
    """Identify an exported object across the modules that export it.

    A class or a function is itself; a plain value is itself under its name,
    so that two constants that happen to be the same small int stay apart.
    """
    if inspect.isclass(value) or inspect.isfunction(value):
        return (id(value),)
    return (id(value), name)


def path_of(module: ModuleType, name: str, value: Any) -> str:
    """Return the path to render ``name`` from: the module's, unless a submodule shadows it."""
    path = f"{module.__name__}.{name}"
    if path in sys.modules and not isinstance(value, ModuleType):
        # A function named like its submodule (socialwork.privacy.redact):
        # the documentation tools would find the submodule.
        return f"{value.__module__}.{value.__qualname__}"
    return path


def directive(path: str, **options: object) -> str:
    """Return one mkdocstrings directive."""
    lines = [f"::: {path}"]
    if options:
        lines.append("    options:")
        lines.extend(f"      {option}: {value}" for option, value in options.items())
    return "\n".join(lines)


def sections(module: ModuleType, names: list[str], *, full_path: bool = False) -> list[str]:
    """Return the directives of ``names`` of ``module``, grouped by kind, first ones first."""
    first = FIRST.get(module.__name__, ())
    out: list[str] = []
    by_kind: dict[str, list[str]] = {}
    for name in names:
        by_kind.setdefault(kind(getattr(module, name)), []).append(name)
    for code, heading in KINDS:
        members = by_kind.get(code, [])
        if not members:
            continue
        members.sort(key=lambda n: (first.index(n) if n in first else len(first), n.lower()))
        out.append(f"## {heading}")
        for name in members:
            out.append(render(module, name, full_path=full_path))
    return out


def render(module: ModuleType, name: str, *, full_path: bool = False) -> str:
    """Return the directive of one name: its full path if asked, long values left out."""
    value = getattr(module, name)
    options: dict[str, object] = {}
    if full_path:
        options["show_root_full_path"] = "true"
    if kind(value) == "module":
        # Its docstring only: each subpackage has a page of its own.
        options["members"] = "false"
    elif kind(value) == "constant" and len(repr(value)) > LONGEST_VALUE:
        options["show_attribute_values"] = "false"
    return directive(path_of(module, name, value), **options)


def defined_names(module: ModuleType) -> list[str]:
    """The names a module's own source defines at top level, private ones left out."""
    source = inspect.getsource(module)
    found: list[str] = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.FunctionDef | ast.ClassDef):
            found.append(node.name)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            found.append(node.target.id)
        elif isinstance(node, ast.Assign):
            found.extend(t.id for t in node.targets if isinstance(t, ast.Name))
    return [n for n in found if not n.startswith("_") and n != "__all__"]


def pages() -> dict[str, str]:
    """Return each page's file name and text."""
    modules = {m.__name__: m for m in public_modules()}
    documented: set[tuple[object, ...]] = set()
    for name, _ in PAGES:
        module = modules[name]
        documented |= {key(getattr(module, n), n) for n in module.__all__}
    extra: dict[str, list[tuple[ModuleType, str]]] = {}
    for module in modules.values():
        owner = max(
            (n for n, _ in PAGES if module.__name__ == n or module.__name__.startswith(n + ".")),
            key=len,
        )
        if module.__name__ == owner:
            continue
        for name in getattr(module, "__all__", ()):
            found = key(getattr(module, name), name)
            if found not in documented:
                documented.add(found)
                extra.setdefault(owner, []).append((module, name))
    helpers: dict[str, list[tuple[ModuleType, str]]] = {}
    for module in modules.values():
        owner = max(
            (n for n, _ in PAGES if module.__name__ == n or module.__name__.startswith(n + ".")),
            key=len,
        )
        for name in defined_names(module):
            found = key(getattr(module, name), name)
            if found not in documented:
                documented.add(found)
                helpers.setdefault(owner, []).append((module, name))
    texts: dict[str, str] = {}
    for name, file in PAGES:
        module = modules[name]
        parts = [
            f"# `{name}`",
            "<!-- Written by scripts/api_pages.py: edit the script or the docstrings. -->",
            directive(
                name, members="false", show_root_heading="false", show_root_toc_entry="false"
            ),
            *sections(module, list(module.__all__)),
        ]
        if name in extra:
            parts.append("## From its modules 子模块")
            parts.append(
                f"Importable from the module named in each heading, not from `{name}` itself."
            )
            parts.extend(
                render(submodule, member, full_path=True) for submodule, member in extra[name]
            )
        if name in helpers:
            parts.append("## Helpers 辅助名称")
            parts.append(
                "Importable from the module named in each heading but in no `__all__`, "
                "outside the room's public face: its constants, type aliases, Protocols "
                "and helper functions (the indicator catalogue's record functions among them)."
            )
            parts.extend(
                render(submodule, member, full_path=True) for submodule, member in helpers[name]
            )
        texts[file] = "\n\n".join(parts) + "\n"
    return texts


def main() -> int:
    """Write every page, and remove API pages no module has any more."""
    texts = pages()
    for file, text in texts.items():
        (API / file).write_text(text, "utf-8")
        print(API / file)
    for stale in sorted({p.name for p in API.glob("*.md")} - set(texts)):
        print(f"not written by this script, remove it or add its module: {API / stale}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
