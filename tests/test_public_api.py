"""The public API is a contract: sorted ``__all__`` lists that import and leak nothing private."""

from __future__ import annotations

import importlib
import pkgutil
from types import ModuleType

import pytest

import socialwork
import socialwork.metrics as metrics
from socialwork.errors import (
    ArgumentError,
)
from socialwork.models import (
    Period,
)

PUBLIC_PACKAGES = (
    "socialwork",
    "socialwork.errors",
    "socialwork.labels",
    "socialwork.records",
    "socialwork.schema",
    "socialwork.models",
    "socialwork.stages",
    "socialwork.calendars",
    "socialwork.analysis",
    "socialwork.plans",
    "socialwork.team",
    "socialwork.metrics",
    "socialwork.frames",
    "socialwork.samples",
)


def all_modules() -> list[str]:
    """Every module of the package but the demo entry point, which is not API."""
    names = ["socialwork"]
    for info in pkgutil.walk_packages(socialwork.__path__, "socialwork."):
        if info.name != "socialwork.__main__":
            names.append(info.name)
    return names


def load(name: str) -> ModuleType:
    return importlib.import_module(name)


def isort_key(name: str) -> tuple[int, str]:
    """Ruff's RUF022 order: SCREAMING_CASE, then CamelCase, then the rest."""
    if name.isupper() and len(name) > 1:
        return 0, name
    if name[:1].isupper():
        return 1, name
    return 2, name


@pytest.mark.parametrize("name", PUBLIC_PACKAGES)
def test_all_is_sorted_and_importable(name: str) -> None:
    module = load(name)
    exported = list(module.__all__)
    assert exported == sorted(exported, key=isort_key)
    assert len(set(exported)) == len(exported)
    for item in exported:
        assert hasattr(module, item), f"{name}.{item} is listed in __all__ but missing"


@pytest.mark.parametrize("name", PUBLIC_PACKAGES)
def test_nothing_private_leaks(name: str) -> None:
    for item in load(name).__all__:
        assert not item.startswith("_") or item == "__version__"


@pytest.mark.parametrize("name", all_modules())
def test_every_module_declares_all(name: str) -> None:
    assert isinstance(load(name).__all__, list)


def test_subpackages_export_names_their_modules_define() -> None:
    """A subpackage re-exports what users call first; each name comes from a module's __all__.

    A module may export more than its package (Protocols, constants, helpers stay
    importable from their module), but the package invents nothing of its own.
    """
    for package in (
        "socialwork.models",
        "socialwork.stages",
        "socialwork.calendars",
        "socialwork.analysis",
        "socialwork.plans",
        "socialwork.team",
        "socialwork.metrics",
    ):
        top = load(package)
        from_modules: set[str] = set()
        for info in pkgutil.iter_modules(top.__path__, package + "."):
            from_modules |= set(load(info.name).__all__)
        missing = set(top.__all__) - from_modules
        assert not missing, f"{package} exports names no module lists: {sorted(missing)}"


def test_version_matches_the_distribution() -> None:
    from importlib.metadata import version

    assert socialwork.__version__ == version("socialwork")


def test_the_period_functions_are_gone_for_the_period_methods() -> None:
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("socialwork.metrics.periods")
    for name in ("month", "quarter", "year", "previous_month", "months_in", "evaluate"):
        assert not hasattr(metrics, name)
    with pytest.raises(ArgumentError):
        Period.month(2**63, 1)


def test_protocols_and_constants_stay_in_their_modules() -> None:
    for name in (
        "CaseLike",
        "VisitLike",
        "CATALOGUE",
        "KEY_GROUP_COVERAGE",
        "STAR_HOURS",
        "IMPROVED",
        "key_group_coverage",
        "survey_satisfaction_from_counts",
        "wilson_interval",
    ):
        assert name not in metrics.__all__
    assert "indicator" in metrics.__all__
    assert len(metrics.__all__) <= 45
