"""Type checks at the entry of the stages functions, with messages that name the parameter.

A record of the wrong type would otherwise fail deep inside with an
``AttributeError``; these checks raise a clear ``TypeError`` first.

Examples:
    >>> from datetime import date
    >>> from socialwork.stages.engagement import Engagement
    >>> require_instance(Engagement, "c1", "engagement")
    Traceback (most recent call last):
    ...
    TypeError: engagement must be of type Engagement; got str
"""

from __future__ import annotations

from typing import TypeVar

__all__ = ["require_instance", "require_text"]

T = TypeVar("T")


def require_instance(kind: type[T], value: object, parameter: str) -> T:
    """Return ``value`` if it is a ``kind``; otherwise raise a ``TypeError`` naming ``parameter``.

    Examples:
        >>> require_instance(int, 3, "count")
        3
    """
    if not isinstance(value, kind):
        raise TypeError(f"{parameter} must be of type {kind.__name__}; got {type(value).__name__}")
    return value


def require_text(value: object, parameter: str) -> str:
    """Return ``value`` if it is a ``str``; otherwise raise a ``TypeError`` naming ``parameter``.

    Examples:
        >>> require_text("家属再次求助", "reason")
        '家属再次求助'
    """
    return require_instance(str, value, parameter)
