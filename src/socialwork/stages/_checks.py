"""Type checks at the entry of the stages functions, with messages that name the parameter.

A record of the wrong type would otherwise fail deep inside with an
``AttributeError``; these checks raise a clear ``TypeError`` first.

Examples:
    >>> from datetime import date
    >>> from socialwork.stages.engagement import Engagement
    >>> require_text(3, "reason")
    Traceback (most recent call last):
    ...
    TypeError: reason must be a str; got int
"""

from __future__ import annotations

from socialwork._arguments import require_finite, require_instance
from socialwork.records import MAX_COUNT
from socialwork.stages.evidence import MAX_RATIO

__all__ = ["MAX_MEASURE", "require_measure", "require_text"]

MAX_MEASURE = MAX_COUNT * MAX_RATIO
"""The largest value a criterion or a warning may measure or compare with.

A count is at most `MAX_COUNT`; the largest threshold is the reliance ratio
times a count of requests.
"""


def require_text(value: object, parameter: str) -> str:
    """Return ``value`` if it is a ``str``; otherwise raise a ``TypeError`` naming ``parameter``.

    Examples:
        >>> require_text("家属再次求助", "reason")
        '家属再次求助'
    """
    return require_instance(str, value, parameter)


def require_measure(value: object, parameter: str) -> None:
    """Refuse ``value`` unless it is a finite measure from 0 to `MAX_MEASURE`.

    ``None`` (an undefined share) and a bool (a criterion that must hold) pass as they are.

    Raises:
        ArgumentError: ``value`` is NaN, infinite, negative or above `MAX_MEASURE`.
        TypeError: ``value`` is not a number.

    Examples:
        >>> require_measure(0.75, "measured")
        >>> require_measure(float("nan"), "measured")
        Traceback (most recent call last):
        ...
        socialwork.errors.ArgumentError: measured must be a finite number from 0 to ...
    """
    if value is None or isinstance(value, bool):
        return
    require_finite(value, parameter, 0, MAX_MEASURE)
