"""Checks shared by the planning tools' functions (not their records)."""

from __future__ import annotations

from collections.abc import Iterable

from socialwork.errors import PlanningInputError

__all__ = ["require_distinct"]


def require_distinct(kind: str, ids: Iterable[str]) -> None:
    """Raise ``PlanningInputError`` (rule ``duplicate_id``) when ``ids`` repeats a value.

    Examples:
        >>> require_distinct("offer", ["o1", "o2"])
        >>> require_distinct("offer", ["o1", "o1"])
        Traceback (most recent call last):
        ...
        socialwork.errors.PlanningInputError: duplicate_id: expected distinct offer ids; got 'o1'
    """
    seen: set[str] = set()
    for key in ids:
        if key in seen:
            raise PlanningInputError("duplicate_id", key, f"distinct {kind} ids")
        seen.add(key)
