"""Checks at the entry of public functions: dates, enum codes, counts, numbers and ids.

Every public callable converts and checks its arguments here, so that a bad
argument raises a documented error naming the parameter, never a
``KeyError`` or an ``OverflowError`` from deep inside. This is the one
module of argument checks: the rooms import their checks from here, and it
imports nothing of the library but `socialwork.errors`.

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
from collections.abc import Hashable, Iterable
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from itertools import chain
from typing import Any, Protocol, TypeVar

from socialwork.errors import ArgumentError, PlanningInputError, UnknownCodeError

__all__ = [
    "FIRST_DAY",
    "LAST_DAY",
    "MAX_COUNT",
    "MAX_DAYS",
    "MAX_DECIMALS",
    "MAX_FIGURE",
    "first_repeat",
    "require_count",
    "require_day",
    "require_days",
    "require_decimals",
    "require_distinct",
    "require_figure",
    "require_finite",
    "require_instance",
    "require_instances",
    "require_int",
    "require_measure",
    "require_member",
    "require_text",
]

FIRST_DAY = date(1900, 1, 1)
"""The earliest date a record or an argument may hold."""

LAST_DAY = date(2199, 12, 31)
"""The latest date a record or an argument may hold."""

MAX_COUNT = 1_000_000_000
"""The largest count a record or an argument may hold (a billion)."""

MAX_DAYS = 3650
"""The longest span, in days, a follow-up rule or a look-ahead window may have (ten years)."""

MAX_DECIMALS = 6
"""The most decimal places a figure is shown with."""

MAX_FIGURE = 1e15
"""The largest size of a plain figure, a target or a change (a thousand trillion)."""

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


def require_int(value: object, parameter: str) -> int:
    """Return ``value`` if it is an ``int``; a ``bool`` is refused with ``ArgumentError``.

    A type checker accepts ``True`` where an ``int`` is meant (``bool`` is a
    subclass of ``int``), so a bool is a well-typed mistake: it gets the
    documented ``ArgumentError``, not a ``TypeError``.

    Raises:
        ArgumentError: ``value`` is a ``bool``.
        TypeError: ``value`` is not an ``int`` at all.

    Examples:
        >>> require_int(3, "year")
        3
        >>> require_int(True, "year")
        Traceback (most recent call last):
        ...
        socialwork.errors.ArgumentError: year must be a whole number (an int), not a bool; got True
    """
    if isinstance(value, bool):
        raise ArgumentError(parameter, value, "a whole number (an int), not a bool")
    if not isinstance(value, int):
        raise TypeError(f"{parameter} must be an int; got {type(value).__name__}")
    return value


def _refuse_bool(value: object, parameter: str) -> None:
    """Refuse a ``bool`` where a number is meant, with the documented ``ArgumentError``."""
    if isinstance(value, bool):
        raise ArgumentError(parameter, value, "a number, not a bool")


def require_count(value: object, parameter: str, *, minimum: int = 0) -> int:
    """Return ``value`` if it is an ``int`` from ``minimum`` to `MAX_COUNT`.

    Raises:
        ArgumentError: ``value`` is out of range, or a ``bool``.
        TypeError: ``value`` is not an ``int``.

    Examples:
        >>> require_count(7, "after_days")
        7
        >>> require_count(-5, "after_days")
        Traceback (most recent call last):
        ...
        socialwork.errors.ArgumentError: after_days must be a whole number from 0 to ...
    """
    value = require_int(value, parameter)
    if not minimum <= value <= MAX_COUNT:
        raise ArgumentError(parameter, value, f"a whole number from {minimum} to {MAX_COUNT:,}")
    return value


def require_finite(value: object, parameter: str, low: float, high: float) -> float:
    """Return ``value`` as a float if it is a finite number from ``low`` to ``high``.

    Raises:
        ArgumentError: ``value`` is NaN, infinite, out of range, or a ``bool``.
        TypeError: ``value`` is not a number.

    Examples:
        >>> require_finite(0.95, "confidence", 0.5, 0.999)
        0.95
        >>> require_finite(float("nan"), "tolerance", 0, 1)
        Traceback (most recent call last):
        ...
        socialwork.errors.ArgumentError: tolerance must be a finite number from 0 to 1; got nan
    """
    _refuse_bool(value, parameter)
    if not isinstance(value, int | float):
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


def require_text(value: object, parameter: str) -> str:
    """Return ``value`` if it is a ``str``; otherwise raise a ``TypeError`` naming ``parameter``.

    Examples:
        >>> require_text("家属再次求助", "reason")
        '家属再次求助'
        >>> require_text(3, "reason")
        Traceback (most recent call last):
        ...
        TypeError: reason must be a str; got int
    """
    return require_instance(str, value, parameter)


def _bounded(value: object, parameter: str, high: int, expected: str) -> int:
    """Return ``value`` if it is an ``int`` from 0 to ``high``, else raise naming ``expected``."""
    number = require_int(value, parameter)
    if not 0 <= number <= high:
        raise ArgumentError(parameter, number, expected)
    return number


def require_days(value: object, parameter: str) -> int:
    """Return ``value`` if it is a whole number of days from 0 to `MAX_DAYS`.

    Raises:
        ArgumentError: ``value`` is negative or above `MAX_DAYS`.
        TypeError: ``value`` is not an ``int``.

    Examples:
        >>> require_days(7, "after_days")
        7
        >>> require_days(-5, "after_days")
        Traceback (most recent call last):
        ...
        socialwork.errors.ArgumentError: after_days must be a whole number of days from 0 to ...
    """
    return _bounded(value, parameter, MAX_DAYS, f"a whole number of days from 0 to {MAX_DAYS}")


def require_decimals(value: object, parameter: str = "decimals") -> int:
    """Return ``value`` if it is a number of decimal places from 0 to `MAX_DECIMALS`.

    Raises:
        ArgumentError: ``value`` is negative or above `MAX_DECIMALS`.
        TypeError: ``value`` is not an ``int``.

    Examples:
        >>> require_decimals(2)
        2
    """
    return _bounded(
        value, parameter, MAX_DECIMALS, f"a number of decimal places from 0 to {MAX_DECIMALS}"
    )


def require_figure(value: object, parameter: str) -> float:
    """Return ``value`` as a float if it is finite and at most `MAX_FIGURE` in size.

    An ``int``, a ``float`` or a ``Decimal`` is accepted; NaN is never a figure.

    Raises:
        ArgumentError: ``value`` is NaN, infinite, too large, or a ``bool``.
        TypeError: ``value`` is not a number.

    Examples:
        >>> require_figure(Decimal("12.5"), "value")
        12.5
        >>> require_figure(float("nan"), "value")
        Traceback (most recent call last):
        ...
        socialwork.errors.ArgumentError: value must be a finite number from -1e+15 to 1e+15; got nan
    """
    expected = f"a finite number from {-MAX_FIGURE:g} to {MAX_FIGURE:g}"
    if isinstance(value, Decimal):
        if not value.is_finite() or value.copy_abs() > Decimal(MAX_FIGURE):
            raise ArgumentError(parameter, value, expected)
        return float(value)
    _refuse_bool(value, parameter)
    if not isinstance(value, int | float):
        raise TypeError(f"{parameter} must be a number; got {type(value).__name__}")
    if isinstance(value, int):
        if abs(value) > MAX_FIGURE:
            raise ArgumentError(parameter, value, expected)
        return float(value)
    if not (math.isfinite(value) and abs(value) <= MAX_FIGURE):
        raise ArgumentError(parameter, value, expected)
    return value


def require_measure(value: object, parameter: str, high: float) -> None:
    """Refuse ``value`` unless it is a finite measure from 0 to ``high``.

    ``None`` (an undefined share) and a bool (a criterion that must hold) pass
    as they are. The stages pass their `socialwork.stages.evidence.MAX_MEASURE`.

    Raises:
        ArgumentError: ``value`` is NaN, infinite, negative or above ``high``.
        TypeError: ``value`` is not a number.

    Examples:
        >>> require_measure(0.75, "measured", 1e12)
        >>> require_measure(float("nan"), "measured", 1e12)
        Traceback (most recent call last):
        ...
        socialwork.errors.ArgumentError: measured must be a finite number from 0 to ...
    """
    if value is None or isinstance(value, bool):
        return
    require_finite(value, parameter, 0, high)


_NOTHING: Any = object()
"""What `first_repeat` finds at the end of its keys."""


def first_repeat(keys: Iterable[Hashable]) -> tuple[int, Hashable] | None:
    """Return the position and value of the first key seen before, or ``None``.

    The one duplicate-id rule: `socialwork.records.check_unique` reports it on
    a record's field, `require_distinct` on a function's parameter.

    Examples:
        >>> first_repeat(["a", "b", "a", "b"])
        (2, 'a')
        >>> first_repeat(["a", "b"]) is None
        True
    """
    keys = iter(keys)
    first = next(keys, _NOTHING)
    if first is _NOTHING:  # most lists of a record are empty or hold one item: no set for them
        return None
    second = next(keys, _NOTHING)
    if second is _NOTHING:
        hash(first)  # an unhashable key is refused (TypeError) as in a longer list
        return None
    seen: set[Hashable] = {first}
    for index, key in enumerate(chain((second,), keys), 1):
        if key in seen:
            return index, key
        seen.add(key)
    return None


def require_distinct(parameter: str, ids: Iterable[str]) -> None:
    """Raise ``PlanningInputError`` (rule ``duplicate_id``) when ``ids`` repeats a value.

    A record checks its own ids with `socialwork.records.check_unique`; a
    function that takes loose collections (`socialwork.analysis.swot`,
    `socialwork.analysis.match_needs`, ...) runs the same rule, `first_repeat`,
    through this check, which names the parameter.

    Examples:
        >>> require_distinct("offers", ["o1", "o2"])
        >>> require_distinct("offers", ["o1", "o1"])
        Traceback (most recent call last):
        ...
        socialwork.errors.PlanningInputError: duplicate_id: expected distinct ids in offers; ...
    """
    repeat = first_repeat(ids)
    if repeat is not None:
        raise PlanningInputError("duplicate_id", repeat[1], f"distinct ids in {parameter}")


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=_HasId)


def require_distinct_rows(rows: Iterable[R], parameter: str) -> tuple[R, ...]:
    """Return ``rows`` as a tuple, refusing a record given twice (by its id, `first_repeat`).

    A client listed three times would count three times: a bundle
    (`socialwork.models.StationRecords`) refuses that with ``duplicate_id``,
    and so does a function given loose collections of records.

    Raises:
        ArgumentError: an id is repeated; the message names the parameter and the id.
        TypeError: ``rows`` is not a collection, or holds something without a text ``id``.

    Examples:
        >>> from socialwork.samples import station_month
        >>> client = station_month().clients[0]
        >>> len(require_distinct_rows([client], "clients"))
        1
        >>> require_distinct_rows([client, client], "clients")
        Traceback (most recent call last):
        ...
        socialwork.errors.ArgumentError: clients must be records with distinct ids; got 'e1 twice'
    """
    if isinstance(rows, str | bytes) or not isinstance(rows, Iterable):
        raise TypeError(f"{parameter} must be a collection of records; got {type(rows).__name__}")
    found = rows if isinstance(rows, tuple) else tuple(rows)
    ids = [getattr(row, "id", None) for row in found]
    try:
        if None not in ids and len(set(ids)) == len(ids):
            return found
    except TypeError:  # an id that cannot be a key: reported below
        pass
    for index, key in enumerate(ids):
        if not isinstance(key, str):
            raise TypeError(
                f"{parameter}[{index}] must be a record with a text id; "
                f"got {type(found[index]).__name__}"
            )
    repeat = first_repeat(ids)
    if repeat is not None:
        raise ArgumentError(parameter, f"{repeat[1]} twice", "records with distinct ids")
    return found


def require_records(kind: type[T], rows: object, parameter: str) -> tuple[T, ...]:
    """Return ``rows`` as a tuple if it is a collection of ``kind`` records, each id once.

    `require_instances`, then `require_distinct_rows`.

    Raises:
        TypeError: as `require_instances`.
        ArgumentError: an id is repeated.

    Examples:
        >>> from socialwork.samples import station_month
        >>> from socialwork.models import Staff
        >>> staff = station_month().station.staff
        >>> len(require_records(Staff, staff, "staff"))
        8
    """
    found = require_instances(kind, rows, parameter)
    require_distinct_rows(found, parameter)  # type: ignore[type-var]
    return found
