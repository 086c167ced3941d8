"""Careers (职业发展): the ladder as data, grade histories, promotions and turnover.

A `Ladder` lists a station's rungs from the lowest; `GRADE_LADDER` is the
usual one, 初级社工-中级社工-高级社工-督导-项目主管 (the codes of
`StaffGrade <socialwork.models.StaffGrade>`), and a station with its own
ladder writes its own. A worker's grade history is a list of
`GradeChange <socialwork.models.GradeChange>` records, their
qualifications a list of `CertificationChange
<socialwork.models.CertificationChange>`. `career_moves` reads a period:
promotions (a change to a higher rung), moves down, qualifications
obtained, and turnover (the staff on staff as the period began who left
in it, by the rung they held when they left).

Examples:
    >>> [r.code for r in GRADE_LADDER.rungs][:2], GRADE_LADDER.rank("senior")
    (['junior', 'intermediate'], 2)
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Annotated, Any, Self

from attrs import frozen
from pydantic import Field, model_validator

from socialwork._arguments import (
    require_day,
    require_instance,
    require_instances,
    require_records,
    require_text,
)
from socialwork.display.displayable import Displayable
from socialwork.display.document import Document, Heading, Paragraph, Table
from socialwork.errors import TeamRuleError
from socialwork.labels import Language, canonical_language, select_language
from socialwork.metrics.rates import Rate
from socialwork.metrics.services import staff_turnover
from socialwork.models import (
    BilingualText,
    CertificationChange,
    GradeChange,
    Period,
    Staff,
    StaffGrade,
)
from socialwork.records import Id, Record, check_unique

__all__ = [
    "GRADE_LADDER",
    "CareerMoves",
    "GradeMove",
    "Ladder",
    "Rung",
    "career_moves",
    "grade_on",
]


class Rung(Record):
    """One rung of a career ladder: a code and its name.

    Examples:
        >>> Rung(code="senior", name=BilingualText.of("高级社工", "Senior social worker")).code
        'senior'
    """

    code: Id
    name: BilingualText


class Ladder(Record):
    """A career ladder (职业晋升通道), lowest rung first; codes are distinct.

    Examples:
        >>> own = Ladder(id="own", rungs=(
        ...     Rung(code="assistant", name=BilingualText.of("社工助理", "Assistant")),
        ...     Rung(code="worker", name=BilingualText.of("社工", "Social worker"))))
        >>> own.rank("worker")
        1
    """

    id: Id
    rungs: Annotated[tuple[Rung, ...], Field(min_length=1)]

    @model_validator(mode="after")
    def _distinct(self) -> Self:
        check_unique("Ladder", "rungs", (r.code for r in self.rungs))
        return self

    def rank(self, code: str) -> int:
        """The rung's place on the ladder, 0 for the lowest.

        Raises:
            TeamRuleError: ``code`` is no rung of the ladder (rule ``unknown_rung``).
            TypeError: ``code`` is not a string.

        Examples:
            >>> GRADE_LADDER.rank("project_manager")
            4
            >>> GRADE_LADDER.rank("chief")
            Traceback (most recent call last):
            ...
            socialwork.errors.TeamRuleError: unknown_rung: expected a rung of ladder grades \
(junior, intermediate, senior, supervisor, project_manager); got 'chief'
        """
        code = require_text(code, "code")
        for index, rung in enumerate(self.rungs):
            if rung.code == code:
                return index
        codes = ", ".join(r.code for r in self.rungs)
        raise TeamRuleError("unknown_rung", f"a rung of ladder {self.id} ({codes})", repr(code))


GRADE_LADDER = Ladder(
    id="grades",
    rungs=tuple(
        Rung(code=g.value, name=BilingualText.of(g.label("zh"), g.label("en"), g.label("zh-Hant")))
        for g in StaffGrade
    ),
)
"""The usual ladder: 初级社工-中级社工-高级社工-督导-项目主管, with `StaffGrade`'s codes."""


def grade_on(changes: Iterable[GradeChange], staff_id: str, *, as_of: date) -> str | None:
    """The rung ``staff_id`` held on ``as_of``: their last change on or before it, or ``None``.

    Changes on one day are read in the order given (the last wins).

    Raises:
        ArgumentError: ``as_of`` is a ``datetime`` or outside 1900–2199.
        TypeError: an argument is not of its type.

    Examples:
        >>> from socialwork.samples import team_month
        >>> grades = team_month().grade_changes
        >>> [grade_on(grades, "s2", as_of=date(2025, 6, day)) for day in (15, 16)]
        ['intermediate', 'senior']
    """
    found = require_instances(GradeChange, changes, "changes")
    staff_id = require_text(staff_id, "staff_id")
    as_of = require_day(as_of, "as_of")
    held = None
    for change in sorted(
        (c for c in found if c.staff_id == staff_id and c.on <= as_of), key=lambda c: c.on
    ):
        held = change.grade
    return held


@frozen
class GradeMove:
    """A change of rung in the period: who, when, from which rung (``None``: first) to which.

    Examples:
        >>> GradeMove("s2", date(2025, 6, 16), "intermediate", "senior").to_rung
        'senior'
    """

    staff_id: str
    on: date
    from_rung: str | None
    to_rung: str


@frozen
class CareerMoves(Displayable):
    """Promotions, moves down, qualifications and turnover over a period.

    ``leavers`` pairs each staff member who left in the period with the rung
    they held the day before leaving (``None`` when their history has none).

    Examples:
        >>> from socialwork.models import Period
        >>> m = CareerMoves("grades", Period.month(2025, 6), (), (), (), Rate(0, 8), ())
        >>> m
        CareerMoves(0 promotions, turnover 0.0% (0/8))
    """

    ladder_id: str
    period: Period
    promotions: tuple[GradeMove, ...]
    moves_down: tuple[GradeMove, ...]
    certifications: tuple[CertificationChange, ...]
    turnover: Rate
    leavers: tuple[tuple[str, str | None], ...]

    def __repr__(self) -> str:
        """Counts only."""
        return f"CareerMoves({len(self.promotions)} promotions, turnover {self.turnover})"

    def to_document(self, language: Language | str = "zh") -> Document:
        """Return the counts, then each promotion.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> from socialwork.models import Period
            >>> m = CareerMoves("grades", Period.month(2025, 6), (), (), (), Rate(0, 8), ())
            >>> print(m.to_text("en").splitlines()[3])
            0 promotions, 0 moves down, 0 qualifications obtained; turnover 0.0% (0/8).
        """
        script = canonical_language(language)
        title = select_language(script, "职业发展", "Careers", "職業發展")
        line = select_language(
            script,
            f"晋升{len(self.promotions)}人次,降级{len(self.moves_down)}人次,"
            f"新取得证书{len(self.certifications)}人次;流失率 {self.turnover}。",
            f"{len(self.promotions)} promotions, {len(self.moves_down)} moves down, "
            f"{len(self.certifications)} qualifications obtained; turnover {self.turnover}.",
            f"晉升{len(self.promotions)}人次,降級{len(self.moves_down)}人次,"
            f"新取得證書{len(self.certifications)}人次;流失率 {self.turnover}。",
        )
        blocks: list[Heading | Paragraph | Table] = [Heading(title, 1), Paragraph(line)]
        if self.promotions:
            header = (
                select_language(script, "社工", "Worker", "社工"),
                select_language(script, "日期", "Date", "日期"),
                select_language(script, "原职级", "From", "原職級"),
                select_language(script, "新职级", "To", "新職級"),
            )
            rows = [
                (m.staff_id, m.on.isoformat(), m.from_rung or "—", m.to_rung)
                for m in self.promotions
            ]
            blocks.append(Table(header, rows))
        return Document(blocks)

    def to_rows(self) -> list[dict[str, Any]]:
        """Return one row per change of rung (promotions first), with its direction.

        Examples:
            >>> from socialwork.models import Period
            >>> m = CareerMoves("grades", Period.month(2025, 6),
            ...                 (GradeMove("s3", date(2025, 6, 16), "intermediate", "senior"),),
            ...                 (), (), Rate(0, 8), ())
            >>> m.to_rows()[0]["direction"]
            'up'
        """
        return [
            {
                "staff_id": m.staff_id,
                "on": m.on,
                "from_rung": m.from_rung,
                "to_rung": m.to_rung,
                "direction": direction,
            }
            for direction, moves in (("up", self.promotions), ("down", self.moves_down))
            for m in moves
        ]


def career_moves(
    changes: Iterable[GradeChange],
    certifications: Iterable[CertificationChange],
    staff: Iterable[Staff],
    period: Period,
    *,
    ladder: Ladder = GRADE_LADDER,
) -> CareerMoves:
    """Promotions, moves down, qualifications obtained and turnover in ``period``.

    A promotion is a grade change dated in the period to a higher rung than
    the one held the day before; a worker's first change (joining) is
    neither. Turnover is `socialwork.metrics.staff_turnover`'s: of the staff
    on staff as the period began, those who left in it.

    Raises:
        TeamRuleError: a change names no rung of ``ladder`` (``unknown_rung``).
        TypeError: an argument is not of its type.

    Examples:
        >>> from socialwork.samples import station_month, team_month
        >>> team = team_month()
        >>> m = career_moves(team.grade_changes, team.certification_changes,
        ...                  station_month().station.staff, team.period)
        >>> [(p.staff_id, p.to_rung) for p in m.promotions], len(m.certifications)
        ([('s2', 'senior')], 1)
    """
    found = sorted(require_instances(GradeChange, changes, "changes"), key=lambda c: c.on)
    obtained = require_instances(CertificationChange, certifications, "certifications")
    members = require_records(Staff, staff, "staff")
    period = require_instance(Period, period, "period")
    ladder = require_instance(Ladder, ladder, "ladder")
    for change in found:
        ladder.rank(change.grade)
    held: dict[str, str] = {}
    up: list[GradeMove] = []
    down: list[GradeMove] = []
    for change in found:
        before = held.get(change.staff_id)
        held[change.staff_id] = change.grade
        if before is None or not period.contains(change.on) or before == change.grade:
            continue
        move = GradeMove(change.staff_id, change.on, before, change.grade)
        (up if ladder.rank(change.grade) > ladder.rank(before) else down).append(move)
    turnover = staff_turnover(members, period)
    leavers = tuple(
        (m.id, grade_on(found, m.id, as_of=m.left_on - timedelta(days=1)))
        for m in members
        if m.left_on is not None
        and period.start <= m.left_on <= period.end
        and m.joined_on < m.left_on
    )
    return CareerMoves(
        ladder.id,
        period,
        tuple(up),
        tuple(down),
        tuple(c for c in obtained if period.contains(c.on)),
        turnover,
        leavers,
    )
