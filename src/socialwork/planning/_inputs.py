"""Entry checks of the planning functions, whose inputs are collections, not one record.

A record checks its own ids with `socialwork.records.check_unique`; a
function that takes loose collections (`swot`, `match_needs`, ...) runs the
same rule through `require_distinct`, which reports it as a
``PlanningInputError`` naming the parameter.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from socialwork.errors import PlanningInputError
from socialwork.records import check_unique

__all__ = ["require_distinct"]

R = TypeVar("R", bound=BaseModel)


def require_distinct(parameter: str, ids: Iterable[str]) -> None:
    """Raise ``PlanningInputError`` (rule ``duplicate_id``) when ``ids`` repeats a value.

    The check is `socialwork.records.check_unique`, the one duplicate-id rule.

    Examples:
        >>> require_distinct("offers", ["o1", "o2"])
        >>> require_distinct("offers", ["o1", "o1"])
        Traceback (most recent call last):
        ...
        socialwork.errors.PlanningInputError: duplicate_id: expected distinct ids in offers; ...
    """
    try:
        check_unique(parameter, parameter, ids)
    except ValidationError as err:
        duplicate = err.errors()[0]["input"]
        raise PlanningInputError(
            "duplicate_id", duplicate, f"distinct ids in {parameter}"
        ) from None
