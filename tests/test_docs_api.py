"""Every exported name is documented: on an API page of the built site, with a docstring.

"Exported" means listed in the ``__all__`` of a public module (`socialwork`
and every submodule with no private part in its name). The built site's
``objects.inv`` lists each object the API pages render; an object counts as
documented when one of those entries is the same object. The pages are
written by ``scripts/api_pages.py``: run it after adding an exported name.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import zlib
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import griffe
import pytest

import socialwork
from tests.docs_site import ROOT, built_site


def public_modules() -> Iterator[ModuleType]:
    yield socialwork
    for info in pkgutil.walk_packages(socialwork.__path__, "socialwork."):
        if not any(part.startswith("_") for part in info.name.split(".")):
            yield importlib.import_module(info.name)


EXPORTS = sorted((module.__name__, name) for module in public_modules() for name in module.__all__)


def key(value: object, name: str) -> tuple[object, ...]:
    """The same object under any path; a plain value together with its name."""
    if inspect.isclass(value) or inspect.isfunction(value):
        return (id(value),)
    return (id(value), name)


def resolve(path: str) -> tuple[bool, Any]:
    """Import the longest module prefix of ``path`` and look the rest up on it."""
    parts = path.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            value: Any = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        try:
            for part in parts[cut:]:
                value = getattr(value, part)
        except AttributeError:
            return False, None
        return True, value
    return False, None


def inventory(site: Path) -> list[str]:
    """The Python objects' names in a Sphinx inventory (version 2) as mkdocstrings writes it."""
    header, _, body = (site / "objects.inv").read_bytes().partition(b"zlib.\n")
    assert header.startswith(b"# Sphinx inventory version 2")
    names = []
    for line in zlib.decompress(body).decode("utf-8").splitlines():
        name, role = line.split(" ")[:2]
        if role.startswith("py:"):
            names.append(name)
    return names


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> set[tuple[object, ...]]:
    found: set[tuple[object, ...]] = set()
    for name in inventory(built_site(tmp_path_factory)):
        ok, value = resolve(name)
        if ok:
            found.add(key(value, name.rpartition(".")[2]))
    return found


@pytest.fixture(scope="module")
def package() -> griffe.Object:
    loaded = griffe.load("socialwork", search_paths=[str(ROOT / "src")], resolve_aliases=True)
    assert isinstance(loaded, griffe.Object)
    return loaded


def docstring(package: griffe.Object, module: str, name: str) -> str:
    """The docstring the docs show for ``module.name``, found where it is defined."""
    value = getattr(importlib.import_module(module), name)
    if inspect.isclass(value) or inspect.isfunction(value):
        path = f"{value.__module__}.{value.__qualname__}"
    else:
        path = f"{module}.{name}"
    found: griffe.Object | griffe.Alias = package[path.removeprefix("socialwork.")]
    if isinstance(found, griffe.Alias):
        found = found.final_target
    return found.docstring.value if found.docstring else ""


def test_every_public_module_declares_its_exports() -> None:
    assert len(EXPORTS) > 400
    assert ("socialwork.metrics", "monthly_report") in EXPORTS


@pytest.mark.parametrize(("module", "name"), EXPORTS)
def test_an_exported_name_is_on_an_api_page(
    rendered: set[tuple[object, ...]], module: str, name: str
) -> None:
    value = getattr(importlib.import_module(module), name)
    assert key(value, name) in rendered, f"{module}.{name}: run scripts/api_pages.py"


@pytest.mark.parametrize(("module", "name"), EXPORTS)
def test_an_exported_name_has_a_docstring(package: griffe.Object, module: str, name: str) -> None:
    assert docstring(package, module, name).strip(), f"{module}.{name}"


def test_a_page_shows_the_functions_a_reader_calls_first() -> None:
    page = (ROOT / "docs" / "api" / "metrics.md").read_text("utf-8")
    headings = [line for line in page.splitlines() if line.startswith(("## ", "::: "))]
    assert headings[:3] == [
        "::: socialwork.metrics",
        "## Functions 函数",
        "::: socialwork.metrics.monthly_report",
    ]
    assert headings.index("## Records 记录") < headings.index(
        "## Results and other classes 结果与其他类"
    )
