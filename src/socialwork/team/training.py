"""Training (培训): sessions, coverage, participation, satisfaction and pre/post scores.

A `Training` is one session: its day, topic, kind (internal training,
external exchange, volunteer training), hours, who was invited, who came,
how many answered the satisfaction question and how many were satisfied,
and each participant's pre- and post-test score (前后测成绩, personal data).
`training_summary` reads the staff's trainings over a period:

* **coverage** (培训覆盖率): staff on staff in the period (up to ``as_of``)
  who attended at least one staff training (internal or external exchange),
  of all those staff;
* **participation** (培训参与率): attendances over invitations;
* **satisfaction** (培训满意度): satisfied over respondents.

Pre/post scores are stored per participant and handed on as pairs by
`paired_scores`; their statistics (a paired change with its interval, the
t and signed-rank tests and the effect sizes) are the evaluation room's
`socialwork.evaluation.paired_change`, which `PairedScores.change` calls
rather than duplicates.

Examples:
    >>> from datetime import date
    >>> from decimal import Decimal
    >>> t = Training(id="t1", on=date(2025, 6, 6), topic="个案工作技巧", kind="internal",
    ...              hours=Decimal(2), invited_ids=("s3", "s4"), attendee_ids=("s3",))
    >>> t.kind.label(), len(t.attendee_ids)
    ('内部培训', 1)
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Annotated, Any, Self

from attrs import frozen
from pydantic import Field, Strict, model_validator

from socialwork._arguments import require_day, require_instance, require_records
from socialwork.display.displayable import Displayable
from socialwork.display.document import Document, Heading, Paragraph, Table
from socialwork.errors import ArgumentError
from socialwork.evaluation.change import PairedChange, paired_change
from socialwork.labels import LabelledEnum, Language, canonical_language, select_language
from socialwork.metrics.rates import Rate
from socialwork.models import Period, Staff
from socialwork.records import (
    Count,
    Day,
    Hours,
    Id,
    Record,
    Text,
    break_rule,
    check_part,
    check_unique,
    personal,
)
from socialwork.team._common import counted_days

__all__ = [
    "PairedScores",
    "PrePostScore",
    "Training",
    "TrainingKind",
    "TrainingSummary",
    "paired_scores",
    "training_coverage",
    "training_summary",
]

MAX_SCORE = 1e6
"""The largest size of a test score (scores run from -10⁶ to 10⁶)."""

ScoreValue = Annotated[float, Strict(), Field(ge=-MAX_SCORE, le=MAX_SCORE, allow_inf_nan=False)]
"""A test score: a finite number, an ``int`` or a ``float``."""


class TrainingKind(LabelledEnum):
    """The kind of a training session (培训类型)."""

    INTERNAL = "internal", "内部培训", "Internal training", "內部培訓"
    EXTERNAL_EXCHANGE = "external_exchange", "外部交流学习", "External exchange", "外部交流學習"
    VOLUNTEER = "volunteer_training", "志愿者培训", "Volunteer training", "志願者培訓"


_STAFF_KINDS = frozenset({TrainingKind.INTERNAL, TrainingKind.EXTERNAL_EXCHANGE})


class PrePostScore(Record):
    """One participant's scores on the same test before and after a training (前后测).

    Both scores are personal data and never shown in a repr.

    Examples:
        >>> PrePostScore(participant_id="s3", pre=60, post=75)
        PrePostScore(participant_id='s3')
    """

    participant_id: Id
    pre: ScoreValue = personal(repr=False)
    post: ScoreValue = personal(repr=False)


class Training(Record):
    """One training session.

    Attendees were invited (rule ``attendee_not_invited``); respondents are
    at most the attendees and the satisfied at most the respondents
    (``part_above_total``); a score belongs to an attendee
    (``score_not_attendee``), one per participant.

    Examples:
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> Training(id="t9", on=date(2025, 6, 6), topic="危机干预", kind="internal",
        ...          hours=Decimal(2), invited_ids=("s3",), attendee_ids=("s3", "s9"))
        Traceback (most recent call last):
        ...
        pydantic_core._pydantic_core.ValidationError: 1 validation error for Training
        attendee_ids.1
          attendee s9 was not invited; ...
    """

    id: Id
    on: Day
    topic: Text
    kind: TrainingKind
    hours: Hours
    trainer_id: Id | None = None
    invited_ids: tuple[Id, ...]
    attendee_ids: tuple[Id, ...] = ()
    respondents: Count | None = None
    satisfied: Count | None = None
    scores: tuple[PrePostScore, ...] = ()

    @model_validator(mode="after")
    def _rules(self) -> Self:
        check_unique("Training", "invited_ids", self.invited_ids)
        check_unique("Training", "attendee_ids", self.attendee_ids)
        check_unique("Training", "scores", (s.participant_id for s in self.scores))
        invited = set(self.invited_ids)
        for index, attendee in enumerate(self.attendee_ids):
            if attendee not in invited:
                break_rule(
                    "Training",
                    ("attendee_ids", index),
                    "attendee_not_invited",
                    "attendee {who} was not invited; list them in invited_ids",
                    attendee,
                    who=attendee,
                )
        if self.respondents is not None:
            check_part(
                "Training",
                ("respondents",),
                "respondents",
                self.respondents,
                "attendees",
                len(self.attendee_ids),
            )
            check_part(
                "Training",
                ("satisfied",),
                "satisfied",
                self.satisfied,
                "respondents",
                self.respondents,
            )
        elif self.satisfied is not None:
            check_part("Training", ("satisfied",), "satisfied", self.satisfied, "respondents", 0)
        came = set(self.attendee_ids)
        for index, score in enumerate(self.scores):
            if score.participant_id not in came:
                break_rule(
                    "Training",
                    ("scores", index, "participant_id"),
                    "score_not_attendee",
                    "a score belongs to an attendee; {who} did not attend",
                    score.participant_id,
                    who=score.participant_id,
                )
        return self


def _staff_trainings(trainings: tuple[Training, ...], first: date, last: date) -> list[Training]:
    return [t for t in trainings if t.kind in _STAFF_KINDS and first <= t.on <= last]


@frozen
class TrainingSummary(Displayable):
    """The staff's trainings over a period: sessions by kind, hours, and three rates.

    ``uncovered`` lists the staff ids counted in coverage's denominator who
    attended no staff training; ``volunteer_sessions`` counts the volunteer
    trainings of the period (not in the rates).

    Examples:
        >>> s = TrainingSummary(2, 1, 0, 5.0, Rate(7, 8), Rate(13, 16), Rate(10, 11), ("s8",))
        >>> s
        TrainingSummary(3 sessions, coverage 87.5% (7/8))
    """

    internal: int
    external: int
    volunteer_sessions: int
    hours: float
    coverage: Rate
    participation: Rate
    satisfaction: Rate
    uncovered: tuple[str, ...]

    def __repr__(self) -> str:
        """Sessions and coverage."""
        return (
            f"TrainingSummary({self.internal + self.external} sessions, coverage {self.coverage})"
        )

    def to_document(self, language: Language | str = "zh") -> Document:
        """Return the sessions, then a table of the three rates.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> s = TrainingSummary(2, 1, 2, 5.0, Rate(7, 8), Rate(13, 16), Rate(10, 11), ("s8",))
            >>> print(s.to_text("en").splitlines()[3])
            2 internal trainings and 1 external exchange, 5.0 hours; 2 volunteer trainings.
        """
        script = canonical_language(language)
        title = select_language(script, "培训", "Training", "培訓")
        line = select_language(
            script,
            f"开展内部培训{self.internal}次、外部交流学习{self.external}次,共{self.hours:.1f}"
            f"小时;志愿者培训{self.volunteer_sessions}次。",
            f"{self.internal} internal trainings and {self.external} external exchange"
            f"{'' if self.external == 1 else 's'}, {self.hours:.1f} hours; "
            f"{self.volunteer_sessions} volunteer trainings.",
            f"開展內部培訓{self.internal}次、外部交流學習{self.external}次,共{self.hours:.1f}"
            f"小時;志願者培訓{self.volunteer_sessions}次。",
        )
        header = (
            select_language(script, "指标", "Indicator", "指標"),
            select_language(script, "本期", "Value", "本期"),
        )
        rows = [
            (
                select_language(script, "培训覆盖率", "Training coverage", "培訓覆蓋率"),
                str(self.coverage),
            ),
            (
                select_language(script, "培训参与率", "Participation", "培訓參與率"),
                str(self.participation),
            ),
            (
                select_language(script, "培训满意度", "Satisfaction", "培訓滿意度"),
                str(self.satisfaction),
            ),
        ]
        blocks: list[Heading | Paragraph | Table] = [Heading(title, 1), Paragraph(line)]
        blocks.append(Table(header, rows))
        if self.uncovered:
            none = select_language(script, "未参加培训:", "Not trained: ", "未參加培訓:")
            blocks.append(Paragraph(none + ", ".join(self.uncovered)))
        return Document(blocks)

    def to_rows(self) -> list[dict[str, Any]]:
        """Return the summary as one row; each rate by its numerator and denominator.

        Examples:
            >>> s = TrainingSummary(2, 1, 0, 5.0, Rate(7, 8), Rate(13, 16), Rate(10, 11), ())
            >>> row = s.to_rows()[0]
            >>> row["coverage_numerator"], row["coverage_denominator"], row["internal"]
            (7, 8, 2)
        """
        row: dict[str, Any] = {
            "internal": self.internal,
            "external": self.external,
            "volunteer_sessions": self.volunteer_sessions,
            "hours": self.hours,
        }
        for name in ("coverage", "participation", "satisfaction"):
            measured: Rate = getattr(self, name)
            row[f"{name}_numerator"] = measured.numerator
            row[f"{name}_denominator"] = measured.denominator
            row[f"{name}_value"] = measured.value
        row["uncovered"] = len(self.uncovered)
        return [row]


def training_summary(
    trainings: Iterable[Training], staff: Iterable[Staff], period: Period, *, as_of: date
) -> TrainingSummary:
    """Summarise the trainings of ``period`` up to ``as_of`` (see the module docstring).

    Coverage's denominator is every staff member (interns included: the
    summary asks for 100% of them) on staff on at least one day of the
    period up to ``as_of``; an attendance counts on a day they were on staff.

    Raises:
        ArgumentError: ``as_of`` is a ``datetime`` or outside 1900–2199.
        TypeError: an argument is not of its record type.

    Examples:
        >>> from socialwork.samples import station_month, team_month
        >>> team = team_month()
        >>> s = training_summary(team.trainings, station_month().station.staff, team.period,
        ...                      as_of=date(2025, 6, 30))
        >>> s.internal, s.external, str(s.coverage), s.uncovered
        (2, 1, '87.5% (7/8)', ('s8',))
    """
    found = require_records(Training, trainings, "trainings")
    members = require_records(Staff, staff, "staff")
    period = require_instance(Period, period, "period")
    as_of = require_day(as_of, "as_of")
    last = min(period.end, as_of)
    in_period = [t for t in found if period.start <= t.on <= last]
    staff_sessions = _staff_trainings(found, period.start, last)
    covered, counted = _coverage(staff_sessions, members, period, as_of)
    invited = sum(len(t.invited_ids) for t in staff_sessions)
    came = sum(len(t.attendee_ids) for t in staff_sessions)
    asked = sum(t.respondents or 0 for t in staff_sessions)
    pleased = sum(t.satisfied or 0 for t in staff_sessions)
    return TrainingSummary(
        internal=sum(1 for t in staff_sessions if t.kind is TrainingKind.INTERNAL),
        external=sum(1 for t in staff_sessions if t.kind is TrainingKind.EXTERNAL_EXCHANGE),
        volunteer_sessions=sum(1 for t in in_period if t.kind is TrainingKind.VOLUNTEER),
        hours=float(sum(t.hours for t in staff_sessions)),
        coverage=Rate(len(covered), len(counted)),
        participation=Rate(came, invited),
        satisfaction=Rate(pleased, asked),
        uncovered=tuple(w for w in counted if w not in covered),
    )


def _coverage(
    sessions: list[Training], members: tuple[Staff, ...], period: Period, as_of: date
) -> tuple[set[str], list[str]]:
    """The staff covered, and the staff counted (in the order given)."""
    counted: list[str] = []
    covered: set[str] = set()
    for member in members:
        days = counted_days(period, as_of, member.joined_on, member.left_on)
        if days is None or member.id in counted:
            continue
        counted.append(member.id)
        if any(member.id in t.attendee_ids and days[0] <= t.on <= days[1] for t in sessions):
            covered.add(member.id)
    return covered, counted


def training_coverage(
    trainings: Iterable[Training], staff: Iterable[Staff], period: Period, *, as_of: date
) -> Rate:
    """Training coverage (培训覆盖率) over ``period`` up to ``as_of``, as `training_summary` has it.

    Raises:
        ArgumentError: ``as_of`` is a ``datetime`` or outside 1900–2199.
        TypeError: an argument is not of its record type.

    Examples:
        >>> from socialwork.samples import station_month, team_month
        >>> team = team_month()
        >>> str(training_coverage(team.trainings, station_month().station.staff, team.period,
        ...                       as_of=date(2025, 6, 30)))
        '87.5% (7/8)'
    """
    return training_summary(trainings, staff, period, as_of=as_of).coverage


@frozen
class PairedScores(Displayable):
    """Pre- and post-test scores paired by participant, ready for a paired change.

    ``participant_ids``, ``pre`` and ``post`` are aligned: position *i* is
    one person. Hand ``pre`` and ``post`` to the evaluation room's paired
    change for its statistics; this result gives counts and means only.
    Scores are personal data: the repr shows the count alone.

    Raises:
        ArgumentError: the three tuples differ in length.

    Examples:
        >>> p = PairedScores(("s2", "s3"), (70.0, 60.0), (85.0, 75.0))
        >>> p, p.mean_pre, p.mean_post, p.mean_change
        (PairedScores(n=2), 65.0, 80.0, 15.0)
    """

    participant_ids: tuple[str, ...]
    pre: tuple[float, ...]
    post: tuple[float, ...]

    def __attrs_post_init__(self) -> None:
        """Check that the three tuples are aligned, one position a person."""
        if not len(self.participant_ids) == len(self.pre) == len(self.post):
            raise ArgumentError(
                "post",
                f"{len(self.participant_ids)} ids, {len(self.pre)} pre and "
                f"{len(self.post)} post scores",
                "as many pre and post scores as participant ids",
            )

    @property
    def n(self) -> int:
        """Participants with both scores."""
        return len(self.participant_ids)

    @property
    def mean_pre(self) -> float | None:
        """Mean pre-test score, or ``None`` with no pair."""
        return sum(self.pre) / self.n if self.n else None

    @property
    def mean_post(self) -> float | None:
        """Mean post-test score, or ``None`` with no pair."""
        return sum(self.post) / self.n if self.n else None

    @property
    def mean_change(self) -> float | None:
        """Mean of post minus pre, or ``None`` with no pair."""
        if not self.n:
            return None
        return sum(b - a for a, b in zip(self.pre, self.post, strict=True)) / self.n

    def change(self, *, confidence: float = 0.95) -> PairedChange:
        """Evaluate the scores with `socialwork.evaluation.paired_change` (post minus pre).

        Raises:
            EvaluationInputError: fewer than 2 participants (``too_few_pairs``).
            ArgumentError: ``confidence`` is not from 0.5 to 0.9999.

        Examples:
            >>> from socialwork.samples import team_month
            >>> c = paired_scores(team_month().trainings[1]).change()
            >>> c.mean_change, round(c.t_test.statistic, 3), round(c.d_z, 3)
            (14.0, 7.593, 3.395)
        """
        return paired_change(self.pre, self.post, confidence=confidence)

    def __repr__(self) -> str:
        """The count only: scores are personal data."""
        return f"PairedScores(n={self.n})"

    def to_document(self, language: Language | str = "zh") -> Document:
        """Return the count and the two means (no one's own score).

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> print(PairedScores(("s2",), (70.0,), (85.0,)).to_text("en"))
            Pre/post test: 1 participants, mean 70.0 before and 85.0 after.
            <BLANKLINE>
        """
        script = canonical_language(language)
        before = "n/a" if self.mean_pre is None else f"{self.mean_pre:.1f}"
        after = "n/a" if self.mean_post is None else f"{self.mean_post:.1f}"
        return Document(
            [
                Paragraph(
                    select_language(
                        script,
                        f"前后测:{self.n}人,前测平均{before},后测平均{after}。",
                        f"Pre/post test: {self.n} participants, mean {before} before and "
                        f"{after} after.",
                        f"前後測:{self.n}人,前測平均{before},後測平均{after}。",
                    )
                )
            ]
        )

    def to_rows(self) -> list[dict[str, Any]]:
        """Return one row per participant (personal data: redact before sharing).

        Examples:
            >>> PairedScores(("s2",), (70.0,), (85.0,)).to_rows()
            [{'participant_id': 's2', 'pre': 70.0, 'post': 85.0}]
        """
        return [
            {"participant_id": who, "pre": a, "post": b}
            for who, a, b in zip(self.participant_ids, self.pre, self.post, strict=True)
        ]


def paired_scores(training: Training) -> PairedScores:
    """The pre/post scores of one training, paired by participant in the order recorded.

    Examples:
        >>> from socialwork.samples import team_month
        >>> crisis = team_month().trainings[1]
        >>> p = paired_scores(crisis)
        >>> p, p.mean_pre, p.mean_post
        (PairedScores(n=5), 60.0, 74.0)
    """
    training = require_instance(Training, training, "training")
    return PairedScores(
        tuple(s.participant_id for s in training.scores),
        tuple(float(s.pre) for s in training.scores),
        tuple(float(s.post) for s in training.scores),
    )
