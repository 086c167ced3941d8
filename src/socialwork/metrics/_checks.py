"""Entry checks the metrics modules share, on top of `socialwork._arguments`."""

from __future__ import annotations

import math
from decimal import Decimal

from socialwork._arguments import require_count
from socialwork.errors import ArgumentError
from socialwork.records import MAX_COUNT

__all__ = [
    "MAX_DAYS",
    "MAX_DECIMALS",
    "MAX_FIGURE",
    "require_days",
    "require_decimals",
    "require_figure",
    "require_tally",
]

MAX_DAYS = 3650
"""The longest span, in days, a follow-up rule or a look-ahead window may have (ten years)."""

MAX_DECIMALS = 6
"""The most decimal places a figure is shown with."""

MAX_FIGURE = 1e15
"""The largest size of a plain figure, a target or a change (a thousand trillion)."""


def _short(value: int) -> object:
    """``value``, or a note of its size when it is too long for Python to print."""
    return value if value.bit_length() < 4000 else f"<an int of {value.bit_length()} bits>"


def _bounded(value: object, parameter: str, high: int, expected: str) -> int:
    """Return ``value`` if it is an ``int`` from 0 to ``high``, else raise naming ``expected``."""
    if isinstance(value, int) and not isinstance(value, bool) and not 0 <= value <= high:
        raise ArgumentError(parameter, _short(value), expected)
    return require_count(value, parameter)


def require_tally(value: object, parameter: str, *, minimum: int = 0) -> int:
    """Return ``value`` if it is an ``int`` count from ``minimum`` to `MAX_COUNT`.

    `socialwork._arguments.require_count`, made safe for an ``int`` too long
    to print (Python refuses to turn one of more than 4300 digits into text,
    so the error names its size instead).

    Raises:
        ArgumentError: ``value`` is out of range.
        TypeError: ``value`` is not an ``int``.

    Examples:
        >>> require_tally(46, "numerator")
        46
        >>> require_tally(10**5000, "numerator")
        Traceback (most recent call last):
        ...
        socialwork.errors.ArgumentError: numerator must be a whole number from 0 to ...
    """
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        raise ArgumentError(
            parameter, _short(value), f"a whole number from {minimum} to {MAX_COUNT:,}"
        )
    return require_count(value, parameter, minimum=minimum)


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
        ArgumentError: ``value`` is NaN, infinite or too large.
        TypeError: ``value`` is not a number (a bool is refused too).

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
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"{parameter} must be a number; got {type(value).__name__}")
    if isinstance(value, int):
        if abs(value) > MAX_FIGURE:
            raise ArgumentError(parameter, _short(value), expected)
        return float(value)
    if not (math.isfinite(value) and abs(value) <= MAX_FIGURE):
        raise ArgumentError(parameter, value, expected)
    return value
