"""Entry checks of the planning functions, whose inputs are collections, not one record.

A record checks its own ids with `socialwork.records.check_unique`; a
function that takes loose collections (`swot`, `match_needs`, ...) runs the
same rule through `require_distinct`, which reports it as a
``PlanningInputError`` naming the parameter. `require_records` refuses a
collection holding something other than the records a parameter takes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from socialwork.errors import PlanningInputError
from socialwork.records import check_unique

__all__ = ["require_distinct", "require_record", "require_records"]

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


def require_record(value: object, kind: type[R], parameter: str) -> R:
    """Return ``value`` if it is a ``kind`` record; raise ``TypeError`` naming ``parameter`` if not.

    Examples:
        >>> from socialwork.models import Period
        >>> require_record("2025-06", Period, "within")
        Traceback (most recent call last):
        ...
        TypeError: within must be a Period; got str
    """
    if not isinstance(value, kind):
        raise TypeError(f"{parameter} must be a {kind.__name__}; got {type(value).__name__}")
    return value


def require_records(values: object, kind: type[R], parameter: str) -> tuple[R, ...]:
    """Return ``values`` as a tuple if it is a collection of ``kind`` records.

    Raises:
        TypeError: ``values`` is not iterable (or is a string), or holds
            something other than a ``kind``; the message names the position.

    Examples:
        >>> from socialwork.models import Period
        >>> require_records([Period.month(2025, 6), 7], Period, "periods")
        Traceback (most recent call last):
        ...
        TypeError: periods[1] must be a Period; got int
    """
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise TypeError(
            f"{parameter} must be a collection of {kind.__name__}; got {type(values).__name__}"
        )
    found = tuple(values)
    for index, value in enumerate(found):
        require_record(value, kind, f"{parameter}[{index}]")
    return found
