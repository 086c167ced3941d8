"""Checks shared by the metrics modules."""

from __future__ import annotations

from socialwork.errors import MetricInputError

__all__ = ["check_count"]


def check_count(name: str, value: object) -> None:
    """Raise `MetricInputError` unless ``value`` is an ``int`` count of at least 0.

    Examples:
        >>> check_count("respondents", 50)
        >>> check_count("respondents", -1)
        Traceback (most recent call last):
        ...
        socialwork.errors.MetricInputError: respondents must be an int of at least 0; got -1
    """
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise MetricInputError(name, value, "an int of at least 0")
