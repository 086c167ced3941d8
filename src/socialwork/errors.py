"""Errors raised by socialwork, each with a stable ``code``.

Every error subclasses :class:`SocialWorkError`, which subclasses
:class:`ValueError`, so callers can catch either. The ``code`` of each class
is part of the public API and is listed on the documentation's errors page.
Errors keep the offending values as attributes, and their messages say what
was expected and what arrived.

Record validation is done by pydantic and raises
:class:`pydantic.ValidationError` (also a ``ValueError``); the custom rules of
the records use error ``type`` codes listed on the same page.

Examples:
    >>> from socialwork.errors import SocialWorkError, UnknownLanguageError
    >>> err = UnknownLanguageError("fr")
    >>> isinstance(err, SocialWorkError), isinstance(err, ValueError), err.code
    (True, True, 'unknown_language')
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

__all__ = [
    "InvalidTransition",
    "MetricInputError",
    "PlanningInputError",
    "SocialWorkError",
    "TransitionBlocked",
    "UnknownLanguageError",
]


class SocialWorkError(ValueError):
    """Base class of every error socialwork raises on purpose.

    Examples:
        >>> try:
        ...     raise SocialWorkError("a rule was broken")
        ... except ValueError as err:
        ...     print(err.code, "-", err)
        socialwork_error - a rule was broken
    """

    code: ClassVar[str] = "socialwork_error"


class UnknownLanguageError(SocialWorkError):
    """A label was asked for in a language socialwork has no labels for.

    Examples:
        >>> UnknownLanguageError("fr").language
        'fr'
    """

    code: ClassVar[str] = "unknown_language"

    def __init__(self, language: str, supported: Sequence[str] = ("zh", "zh-Hans", "en")) -> None:
        """Keep the requested language and the supported ones."""
        self.language = language
        self.supported = tuple(supported)
        super().__init__(
            f"label language must be one of {', '.join(map(repr, self.supported))}; "
            f"got {language!r}"
        )


class MetricInputError(SocialWorkError):
    """A metric received counts that cannot form a rate.

    Raised for a negative count or a numerator above its denominator.

    Examples:
        >>> err = MetricInputError("numerator", 5, "at most the denominator 4")
        >>> print(err)
        numerator must be at most the denominator 4; got 5
    """

    code: ClassVar[str] = "metric_input"

    def __init__(self, field: str, value: object, expected: str) -> None:
        """Keep the field, the value that arrived and what was expected."""
        self.field = field
        self.value = value
        self.expected = expected
        super().__init__(f"{field} must be {expected}; got {value!r}")


class TransitionBlocked(SocialWorkError):
    """A community-work stage cannot be left because exit criteria are unmet.

    Examples:
        >>> err = TransitionBlocked("launch", "consolidation", ("leaders_trained",))
        >>> err.unmet
        ('leaders_trained',)
    """

    code: ClassVar[str] = "transition_blocked"

    def __init__(self, from_stage: str, to_stage: str, unmet: Sequence[object]) -> None:
        """Keep the stages and the unmet criteria."""
        self.from_stage = from_stage
        self.to_stage = to_stage
        self.unmet = tuple(unmet)
        super().__init__(
            f"moving from {from_stage!r} to {to_stage!r} requires every exit criterion "
            f"to be met; unmet: {', '.join(map(str, self.unmet))}"
        )


class InvalidTransition(SocialWorkError):
    """A case cannot move between two statuses.

    Examples:
        >>> err = InvalidTransition("intake", "closed", "no closure outcome")
        >>> err.guard
        'no closure outcome'
    """

    code: ClassVar[str] = "invalid_transition"

    def __init__(self, from_status: str, to_status: str, guard: str) -> None:
        """Keep both statuses and the guard that failed."""
        self.from_status = from_status
        self.to_status = to_status
        self.guard = guard
        super().__init__(f"case cannot move from {from_status!r} to {to_status!r}: {guard}")


class PlanningInputError(SocialWorkError):
    """A planning tool received inputs that break one of its rules.

    ``rule`` names the broken rule with a stable code (for example
    ``"weights_not_one"`` for IFE weights that do not sum to 1).

    Examples:
        >>> err = PlanningInputError("weights_not_one", 0.9, "IFE weights summing to 1")
        >>> err.rule, err.value
        ('weights_not_one', 0.9)
        >>> print(err)
        weights_not_one: expected IFE weights summing to 1; got 0.9
    """

    code: ClassVar[str] = "planning_input"

    def __init__(self, rule: str, value: object, expected: str) -> None:
        """Keep the broken rule, the value that arrived and what was expected."""
        self.rule = rule
        self.value = value
        self.expected = expected
        super().__init__(f"{rule}: expected {expected}; got {value!r}")
