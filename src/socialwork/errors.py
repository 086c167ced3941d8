"""Errors raised by socialwork, each with a stable ``code``.

Every error subclasses `SocialWorkError`, which subclasses
`ValueError`, so callers can catch either. The ``code`` of each class
is part of the public API and is listed on the documentation's errors page.
Errors keep the offending values as attributes, and their messages say what
was expected and what arrived.

Record validation is done by pydantic and raises
`pydantic.ValidationError` (also a ``ValueError``); the custom rules of
the records use error ``type`` codes listed on the same page.

Examples:
    >>> from socialwork.errors import SocialWorkError, UnknownLanguageError
    >>> err = UnknownLanguageError("fr", ("zh", "en"))
    >>> isinstance(err, SocialWorkError), isinstance(err, ValueError), err.code
    (True, True, 'unknown_language')
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any, ClassVar

__all__ = [
    "ArgumentError",
    "ConsentRequired",
    "EvaluationInputError",
    "FrameContractError",
    "InvalidStageMove",
    "InvalidTransition",
    "MalformedLifecycle",
    "MetricInputError",
    "OutOfCalendarRange",
    "PlanningInputError",
    "ScaleNotLicensed",
    "SocialWorkError",
    "TeamRuleError",
    "TransitionBlocked",
    "UnknownCodeError",
    "UnknownLanguageError",
    "UnknownRegionWarning",
    "WrongStageEvidence",
]


def shown(value: object, limit: int = 200) -> str:
    """The ``repr`` of a value for a message, cut short when it is long.

    A huge int is described by its size, since Python refuses to write ints
    of more than 4,300 digits.

    Examples:
        >>> shown(10**5000)
        'an int of about 5001 digits'
        >>> shown("x" * 300).endswith("… (302 characters)")
        True
        >>> shown((0.0, 10**5000))
        'a tuple holding an int too long to write'
    """
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 512:
        return f"an int of about {round(value.bit_length() * 0.30103) + 1} digits"
    try:
        text = repr(value)
    except ValueError:  # a huge int inside a tuple, say
        return f"a {type(value).__name__} holding an int too long to write"
    return text if len(text) <= limit else f"{text[:limit]}… ({len(text)} characters)"


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


class ArgumentError(SocialWorkError):
    """A function received an argument outside what it accepts.

    Raised at the entry of a public function: a ``datetime`` where a date is
    meant, a date outside the supported range, a count that is negative or
    too large, a NaN or infinite number.

    Examples:
        >>> err = ArgumentError("after_days", -5, "a whole number of days from 0 to 3650")
        >>> print(err)
        after_days must be a whole number of days from 0 to 3650; got -5
        >>> err.parameter, err.value
        ('after_days', -5)
    """

    code: ClassVar[str] = "invalid_argument"

    def __init__(self, parameter: str, value: object, expected: str) -> None:
        """Keep the parameter, the value that arrived and what was expected."""
        self.parameter = parameter
        self.value = value
        self.expected = expected
        super().__init__(f"{parameter} must be {expected}; got {shown(value)}")


class UnknownCodeError(ArgumentError):
    """A code names no member of the enum a parameter takes.

    Examples:
        >>> err = UnknownCodeError("to", "intak", ("intake", "assessment"))
        >>> print(err)
        to must be one of the codes 'intake', 'assessment'; got 'intak'
        >>> err.allowed
        ('intake', 'assessment')
    """

    code: ClassVar[str] = "unknown_code"

    def __init__(self, parameter: str, value: object, allowed: Sequence[str]) -> None:
        """Keep the parameter, the unknown value and the codes allowed."""
        self.allowed = tuple(allowed)
        super().__init__(parameter, value, f"one of the codes {', '.join(map(repr, self.allowed))}")


class UnknownLanguageError(UnknownCodeError):
    """A label or a rendering was asked for in a language socialwork has no text for.

    Examples:
        >>> err = UnknownLanguageError("fr", ("zh", "en"))
        >>> err.value, err.parameter
        ('fr', 'language')
    """

    code: ClassVar[str] = "unknown_language"

    def __init__(self, language: object, supported: Sequence[str]) -> None:
        """Keep the requested language and the supported ones."""
        super().__init__("language", language, supported)


class MetricInputError(ArgumentError):
    """A metric received counts that cannot form a rate.

    Raised for a negative count or a numerator above its denominator.

    Examples:
        >>> err = MetricInputError("numerator", 5, "at most the denominator 4")
        >>> print(err)
        numerator must be at most the denominator 4; got 5
    """

    code: ClassVar[str] = "metric_input"


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


class WrongStageEvidence(SocialWorkError):
    """Evidence of one community-work stage was given for an engagement in another.

    Examples:
        >>> err = WrongStageEvidence("launch", "preparation")
        >>> err.expected, err.got
        ('launch', 'preparation')
    """

    code: ClassVar[str] = "wrong_stage_evidence"

    def __init__(self, expected: str, got: str) -> None:
        """Keep the engagement's stage and the stage the evidence is for."""
        self.expected = expected
        self.got = got
        super().__init__(
            f"evidence must be for the engagement's current stage {expected!r}; "
            f"got evidence for {got!r}"
        )


class InvalidStageMove(SocialWorkError):
    """A community-work stage move breaks a rule other than the exit criteria.

    Raised for a move dated before the current stage was entered, a move back
    to a stage that is not earlier, or a move back without a reason.

    Examples:
        >>> err = InvalidStageMove("launch", "consolidation", "the target must be earlier")
        >>> err.rule
        'the target must be earlier'
    """

    code: ClassVar[str] = "invalid_stage_move"

    def __init__(self, from_stage: str, to_stage: str, rule: str) -> None:
        """Keep both stages and the rule that was broken."""
        self.from_stage = from_stage
        self.to_stage = to_stage
        self.rule = rule
        super().__init__(f"cannot move from stage {from_stage!r} to {to_stage!r}: {rule}")


class MalformedLifecycle(SocialWorkError):
    """A table of allowed status moves is not a well-formed state machine.

    Examples:
        >>> err = MalformedLifecycle("unreachable states", ("review",))
        >>> err.problem, err.states
        ('unreachable states', ('review',))
    """

    code: ClassVar[str] = "malformed_lifecycle"

    def __init__(self, problem: str, states: Sequence[str]) -> None:
        """Keep the problem found and the states involved."""
        self.problem = problem
        self.states = tuple(states)
        super().__init__(
            f"a lifecycle table must have one initial state, reach every state and leave "
            f"its final state only by a reopen with a reason; {problem}: "
            f"{', '.join(map(repr, self.states))}"
        )


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
        super().__init__(f"{rule}: expected {expected}; got {shown(value)}")


class EvaluationInputError(SocialWorkError):
    """An evaluation tool received inputs that break one of its rules.

    ``rule`` names the broken rule with a stable code (for example
    ``"too_few_pairs"`` for a paired test of fewer than two pairs, or
    ``"too_many_missing"`` for a scale answered with more gaps than its
    missing-answer rule allows).

    Examples:
        >>> err = EvaluationInputError("too_few_pairs", 1, "at least 2 pairs")
        >>> err.rule, err.value
        ('too_few_pairs', 1)
        >>> print(err)
        too_few_pairs: expected at least 2 pairs; got 1
    """

    code: ClassVar[str] = "evaluation_input"

    def __init__(self, rule: str, value: object, expected: str) -> None:
        """Keep the broken rule, the value that arrived and what was expected."""
        self.rule = rule
        self.value = value
        self.expected = expected
        super().__init__(f"{rule}: expected {expected}; got {shown(value)}")


class ScaleNotLicensed(SocialWorkError):
    """A scale whose licence forbids shipping its items was asked to score answers.

    socialwork knows such a scale by name (its citation and who holds the
    rights) but ships no items or scoring key; register your own licensed
    copy as a `socialwork.evaluation.Scale` to score it.

    Examples:
        >>> err = ScaleNotLicensed("sdq", "youthinmind Ltd")
        >>> err.scale, err.holder
        ('sdq', 'youthinmind Ltd')
        >>> print(err)  # doctest: +NORMALIZE_WHITESPACE
        scale 'sdq' cannot be scored by socialwork: its licence (youthinmind Ltd) forbids
        shipping its items and scoring key; build a Scale from your licensed copy
    """

    code: ClassVar[str] = "scale_not_licensed"

    def __init__(self, scale: str, holder: str) -> None:
        """Keep the scale's code and who holds its rights."""
        self.scale = scale
        self.holder = holder
        super().__init__(
            f"scale {scale!r} cannot be scored by socialwork: its licence ({holder}) forbids "
            "shipping its items and scoring key; build a Scale from your licensed copy"
        )


class TeamRuleError(SocialWorkError):
    """A move of the team's records breaks one of its rules (督导、审批、职级、考核).

    ``rule`` names the broken rule with a stable code: ``self_approval``
    (maker–checker: the requester decides their own request),
    ``reason_required`` (a rejection or a return without a reason),
    ``not_pending`` (a decision on a request that is not waiting for one),
    ``resubmit_by_other`` (someone other than the requester resubmits),
    ``decided_before_request`` (a step dated before the request or the
    step before it), ``unknown_rung`` (a grade that is no rung of the
    ladder), ``figure_missing`` and ``unknown_component`` (appraisal
    figures that do not match the scheme). Messages name ids and codes,
    never a personal value.

    Examples:
        >>> err = TeamRuleError("self_approval", "an approver other than s3", "s3")
        >>> err.rule, err.code
        ('self_approval', 'team_rule')
        >>> print(err)
        self_approval: expected an approver other than s3; got s3
    """

    code: ClassVar[str] = "team_rule"

    def __init__(self, rule: str, expected: str, actual: str) -> None:
        """Keep the broken rule, what was expected and what arrived."""
        self.rule = rule
        self.expected = expected
        self.actual = actual
        super().__init__(f"{rule}: expected {expected}; got {actual}")


class FrameContractError(SocialWorkError):
    """A frame breaks its column contract; ``.problems`` lists every broken rule.

    Raised by `socialwork.frames.to_records` (the extra ``socialwork[frames]``);
    each problem names the row, the column, the rule code and the value, and
    the message names the kind and the first problems.

    Examples:
        >>> err = FrameContractError("clients", ("row 2 (p3), name: missing, got ''",))
        >>> print(err)
        clients frame breaks its contract in 1 place: row 2 (p3), name: missing, got ''
        >>> err.code, err.kind
        ('frame_contract', 'clients')
    """

    code: ClassVar[str] = "frame_contract"

    def __init__(self, kind: str, problems: tuple[Any, ...]) -> None:
        """Keep the kind and every problem."""
        self.kind = kind
        self.problems = problems
        places = "place" if len(problems) == 1 else "places"
        first = "; ".join(str(p) for p in problems[:5])
        more = f"; and {len(problems) - 5} more" if len(problems) > 5 else ""
        super().__init__(
            f"{kind} frame breaks its contract in {len(problems)} {places}: {first}{more}"
        )


class ConsentRequired(SocialWorkError):
    """Sharing or publishing a client's information was refused for want of consent.

    ``rule`` says why: ``no_consent`` (none was ever given for the scope by
    that day), ``withdrawn`` (one was given and withdrawn by that day),
    ``guardian_consent_needed`` (the client is a child and no guardian's
    consent holds; the child's own does not suffice).

    Examples:
        >>> from datetime import date
        >>> err = ConsentRequired("p1", "publication", date(2025, 6, 9), "withdrawn")
        >>> err.client_id, err.scope, err.rule
        ('p1', 'publication', 'withdrawn')
        >>> print(err)
        client 'p1' has no active 'publication' consent on 2025-06-09: withdrawn
    """

    code: ClassVar[str] = "consent_required"

    def __init__(self, client_id: str, scope: str, day: date, rule: str) -> None:
        """Keep the client, the scope, the day and the rule."""
        self.client_id = client_id
        self.scope = scope
        self.day = day
        self.rule = rule
        super().__init__(
            f"client {client_id!r} has no active {scope!r} consent on {day.isoformat()}: {rule}"
        )


class OutOfCalendarRange(SocialWorkError):
    """A day lies outside the years a calendar table covers.

    The official working-day table (the ``workdays`` extra) covers the years
    the State Council has announced: a day outside them cannot be called a
    working day or a rest day. ``first_year`` and ``last_year`` are the years
    covered, ``source`` the package that holds the table.

    Examples:
        >>> from datetime import date
        >>> err = OutOfCalendarRange(date(2030, 1, 2), 2004, 2026, "chinese-calendar")
        >>> print(err)  # doctest: +NORMALIZE_WHITESPACE
        2030-01-02 is outside the years chinese-calendar covers (2004–2026);
        upgrade it or plan within them
        >>> err.code, err.day.year
        ('out_of_calendar_range', 2030)
    """

    code: ClassVar[str] = "out_of_calendar_range"

    def __init__(self, day: date, first_year: int, last_year: int, source: str) -> None:
        """Keep the day, the years covered and the source of the table."""
        self.day = day
        self.first_year = first_year
        self.last_year = last_year
        self.source = source
        super().__init__(
            f"{day.isoformat()} is outside the years {source} covers "
            f"({first_year}–{last_year}); upgrade it or plan within them"
        )


class UnknownRegionWarning(UserWarning):
    """A resident ID number's region code is missing from python-stdnum's table.

    The table lags the official list of administrative divisions (valid
    historic codes are missing), so the number is accepted and this warning
    lets the caller see it. Turn it into an error with
    ``warnings.simplefilter("error", UnknownRegionWarning)``, or silence it.

    Examples:
        >>> w = UnknownRegionWarning("990105")
        >>> w.region, str(w)
        ('990105', "region code '990105' of the ID number is not in python-stdnum's table; ...")
    """

    def __init__(self, region: str) -> None:
        """Keep the six-digit region code."""
        self.region = region
        super().__init__(
            f"region code {region!r} of the ID number is not in python-stdnum's table; "
            "the number was accepted, check the code against the current list of divisions"
        )
