"""Checks at the entry of public functions: dates, enum codes, counts and finite numbers.

Every public callable converts and checks its arguments here, so that a bad
argument raises a documented error naming the parameter, never a
``KeyError`` or an ``OverflowError`` from deep inside.

Examples:
    >>> from datetime import date
    >>> from socialwork.models import CaseStatus
    >>> require_member(CaseStatus, "intake", "to") is CaseStatus.INTAKE
    True
    >>> require_day(date(2025, 6, 1), "as_of")
    datetime.date(2025, 6, 1)
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import date, datetime
from enum import Enum
from typing import TypeVar

from socialwork.errors import ArgumentError, UnknownCodeError

__all__ = [
    "FIRST_DAY",
    "LAST_DAY",
    "MAX_COUNT",
    "require_count",
    "require_day",
    "require_finite",
    "require_instance",
    "require_instances",
    "require_member",
]

FIRST_DAY = date(1900, 1, 1)
"""The earliest date a record or an argument may hold."""

LAST_DAY = date(2199, 12, 31)
"""The latest date a record or an argument may hold."""

MAX_COUNT = 1_000_000_000
"""The largest count a record or an argument may hold (a billion)."""

E = TypeVar("E", bound=Enum)
T = TypeVar("T")


def require_day(value: object, parameter: str) -> date:
    """Return ``value`` if it is a date from `FIRST_DAY` to `LAST_DAY`.

    Raises:
        ArgumentError: ``value`` is a ``datetime`` or out of range.
        TypeError: ``value`` is not a date at all.

    Examples:
        >>> require_day(datetime(2025, 6, 1, 9), "on")
        Traceback (most recent call last):
        ...
        socialwork.errors.ArgumentError: on must be a date without a time ...
    """
    if isinstance(value, datetime):
        raise ArgumentError(
            parameter, value, "a date without a time (datetime.date), not a datetime"
        )
    if not isinstance(value, date):
        raise TypeError(f"{parameter} must be a datetime.date; got {type(value).__name__}")
    if not FIRST_DAY <= value <= LAST_DAY:
        raise ArgumentError(parameter, value, f"a date from {FIRST_DAY} to {LAST_DAY}")
    return value


def require_member(enum: type[E], value: object, parameter: str) -> E:
    """Return the member of ``enum`` that ``value`` is or whose code it is.

    Raises:
        UnknownCodeError: ``value`` is a string that is no code of ``enum``.
        TypeError: ``value`` is neither a member nor a string.

    Examples:
        >>> from socialwork.models import CaseStatus
        >>> require_member(CaseStatus, "intak", "to")
        Traceback (most recent call last):
        ...
        socialwork.errors.UnknownCodeError: to must be one of the codes 'intake', ...
    """
    if isinstance(value, enum):
        return value
    if isinstance(value, str):
        for member in enum:
            if member.value == value:
                return member
        raise UnknownCodeError(parameter, value, [str(member.value) for member in enum])
    raise TypeError(
        f"{parameter} must be a {enum.__name__} or one of its codes; got {type(value).__name__}"
    )


def require_count(value: object, parameter: str, *, minimum: int = 0) -> int:
    """Return ``value`` if it is an ``int`` from ``minimum`` to `MAX_COUNT`.

    Raises:
        ArgumentError: ``value`` is out of range.
        TypeError: ``value`` is not an ``int`` (a bool is refused too).

    Examples:
        >>> require_count(7, "after_days")
        7
        >>> require_count(-5, "after_days")
        Traceback (most recent call last):
        ...
        socialwork.errors.ArgumentError: after_days must be a whole number from 0 to ...
    """
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{parameter} must be an int; got {type(value).__name__}")
    if not minimum <= value <= MAX_COUNT:
        raise ArgumentError(parameter, value, f"a whole number from {minimum} to {MAX_COUNT:,}")
    return value


def require_finite(value: object, parameter: str, low: float, high: float) -> float:
    """Return ``value`` as a float if it is a finite number from ``low`` to ``high``.

    Raises:
        ArgumentError: ``value`` is NaN, infinite or out of range.
        TypeError: ``value`` is not a number (a bool is refused too).

    Examples:
        >>> require_finite(0.95, "confidence", 0.5, 0.999)
        0.95
        >>> require_finite(float("nan"), "tolerance", 0, 1)
        Traceback (most recent call last):
        ...
        socialwork.errors.ArgumentError: tolerance must be a finite number from 0 to 1; got nan
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{parameter} must be a number; got {type(value).__name__}")
    number = float(value) if isinstance(value, float) or abs(value) <= 2**53 else math.inf
    if not (math.isfinite(number) and low <= number <= high):
        raise ArgumentError(parameter, value, f"a finite number from {low} to {high}")
    return number


def require_instance(kind: type[T], value: object, parameter: str) -> T:
    """Return ``value`` if it is a ``kind``; otherwise raise a ``TypeError`` naming ``parameter``.

    A record of the wrong type would otherwise fail deep inside with an
    ``AttributeError``.

    Examples:
        >>> from socialwork.models import Period
        >>> require_instance(Period, "2025-06", "within")
        Traceback (most recent call last):
        ...
        TypeError: within must be a Period; got str
    """
    if not isinstance(value, kind):
        raise TypeError(f"{parameter} must be a {kind.__name__}; got {type(value).__name__}")
    return value


def require_instances(kind: type[T], values: object, parameter: str) -> tuple[T, ...]:
    """Return ``values`` as a tuple if it is a collection of ``kind``.

    Raises:
        TypeError: ``values`` is not iterable (or is a string), or holds
            something other than a ``kind``; the message names the position.

    Examples:
        >>> from socialwork.models import Period
        >>> require_instances(Period, [Period.month(2025, 6), 7], "periods")
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
        require_instance(kind, value, f"{parameter}[{index}]")
    return found
