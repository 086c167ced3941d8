"""The supervision roster (督导轮值表) and its check: who was supervised as required.

A `Roster` lists who supervises whom how often: each `RosterEntry` names an
internal supervisor (a staff id) or the external supervision, the workers
supervised, a `Recurrence <socialwork.calendars.Recurrence>` and the day the
entry starts (the rule counts from it). `roster_check` reads it for a period
as of a day, worker by worker:

* **required**: the entry's occurrences on days the worker was on staff,
  from the later of the period's start, the entry's start and their joining,
  to the earlier of the period's end, ``as_of``, the entry's end and the day
  before they left. A worker who joined on the 20th owes only the sessions
  due from the 20th; one who left on the 10th owes none from the 10th on.
* **held**: the worker's sessions in those days from that supervisor
  (internal) or from any invited supervisor (external);
* **missed**: what is required and not held, entry by entry (a session more
  in one entry does not make up for one missing in another).

A worker is supervised as required when no entry misses a session; one
with nothing due yet is listed, not counted.

Examples:
    >>> from datetime import date
    >>> from socialwork.calendars import Recurrence
    >>> monthly = RosterEntry(id="r1", source="internal", form="individual", supervisor_id="s1",
    ...                       supervisee_ids=("s3",), start=date(2025, 1, 6),
    ...                       recurrence=Recurrence(frequency="monthly"))
    >>> monthly.supervisee_ids
    ('s3',)
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Annotated, Any, Self

from attrs import frozen
from pydantic import Field, model_validator

from socialwork._arguments import require_day, require_instance, require_records
from socialwork.calendars import Recurrence
from socialwork.display.displayable import Displayable
from socialwork.display.document import Document, Heading, Paragraph, Table
from socialwork.labels import LabelledEnum, Language, canonical_language, select_language
from socialwork.metrics.rates import Rate
from socialwork.models import Period, Staff
from socialwork.records import (
    Day,
    Id,
    Record,
    Text,
    active_on,
    break_rule,
    check_order,
    check_unique,
)
from socialwork.team._common import counted_days, staff_by_id
from socialwork.team.supervision import SupervisionForm, SupervisionSession, SupervisionSource

__all__ = [
    "ComplianceStatus",
    "Roster",
    "RosterCheck",
    "RosterEntry",
    "SessionsPerWorker",
    "SupervisionRatio",
    "WorkerCompliance",
    "roster_check",
    "sessions_per_worker",
    "supervision_ratio",
]


class RosterEntry(Record):
    """One line of the roster: who supervises whom, in what form, how often, from when.

    An internal entry names ``supervisor_id``; an external one does not (the
    invited supervisor may change from session to session; rule
    ``supervisor_source_mismatch``). A supervisor is not among their own
    supervisees (``self_supervision``); ``end``, if known, is not before
    ``start``.

    Examples:
        >>> from datetime import date
        >>> e = RosterEntry(id="ext", source="external", form="group",
        ...                 supervisee_ids=("s1", "s2"), start=date(2025, 1, 6),
        ...                 recurrence=Recurrence(frequency="monthly", interval=3))
        >>> e.recurrence.interval
        3
    """

    id: Id
    source: SupervisionSource
    form: SupervisionForm
    supervisor_id: Id | None = None
    supervisee_ids: Annotated[tuple[Id, ...], Field(min_length=1)]
    recurrence: Recurrence
    start: Day
    end: Day | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _rules(self) -> Self:
        check_order("RosterEntry", ("end",), "start", self.start, self.end)
        check_unique("RosterEntry", "supervisee_ids", self.supervisee_ids)
        internal = self.source is SupervisionSource.INTERNAL
        if internal != (self.supervisor_id is not None):
            break_rule(
                "RosterEntry",
                ("supervisor_id",),
                "supervisor_source_mismatch",
                "an internal entry names a supervisor_id and an external one does not; "
                "got a {source} entry with{without} supervisor_id",
                self.supervisor_id,
                source=self.source.value,
                without="" if self.supervisor_id is not None else "out",
            )
        if self.supervisor_id is not None and self.supervisor_id in self.supervisee_ids:
            break_rule(
                "RosterEntry",
                ("supervisee_ids",),
                "self_supervision",
                "a supervisor does not supervise themself: {who} supervises {who}",
                self.supervisor_id,
                who=self.supervisor_id,
            )
        return self

    def matches(self, session: SupervisionSession) -> bool:
        """Whether ``session`` is one this entry asks for (same source, same internal supervisor).

        Examples:
            >>> from datetime import date
            >>> e = RosterEntry(id="r1", source="internal", form="individual", supervisor_id="s1",
            ...                 supervisee_ids=("s3",), start=date(2025, 1, 6),
            ...                 recurrence=Recurrence(frequency="monthly"))
            >>> s = SupervisionSession(id="x", on=date(2025, 6, 6), minutes=45, form="individual",
            ...     source="internal", functions=("educational",), supervisor_id="s1",
            ...     supervisee_ids=("s3",))
            >>> e.matches(s)
            True
        """
        session = require_instance(SupervisionSession, session, "session")
        if session.source is not self.source:
            return False
        return self.source is SupervisionSource.EXTERNAL or session.supervisor_id == (
            self.supervisor_id
        )


class Roster(Record):
    """The supervision roster (督导轮值表): its entries, with distinct ids.

    Examples:
        >>> from datetime import date
        >>> Roster(id="2025", entries=()).entries
        ()
    """

    id: Id
    entries: tuple[RosterEntry, ...]

    @model_validator(mode="after")
    def _distinct(self) -> Self:
        check_unique("Roster", "entries", (e.id for e in self.entries))
        return self


class ComplianceStatus(LabelledEnum):
    """How a worker stands against the roster over a period."""

    MET = "met", "已按要求督导", "Supervised as required", "已按要求督導"
    MISSED = "missed", "未达要求", "Sessions missed", "未達要求"
    NOT_DUE = "not_due", "本期无应督导", "Nothing due in the period", "本期無應督導"


@frozen
class WorkerCompliance:
    """One worker's sessions over the period: required, held and missed, and the days counted.

    ``first_day`` and ``last_day`` are the days the worker counted (on staff,
    in the period, up to ``as_of``); both ``None`` when none.

    Examples:
        >>> WorkerCompliance("s9", 1, 0, 1, date(2025, 6, 20), date(2025, 6, 30)).status.value
        'missed'
    """

    staff_id: str
    required: int
    held: int
    missed: int
    first_day: date | None
    last_day: date | None

    @property
    def status(self) -> ComplianceStatus:
        """Met, missed, or nothing due."""
        if self.required == 0:
            return ComplianceStatus.NOT_DUE
        return ComplianceStatus.MISSED if self.missed else ComplianceStatus.MET


@frozen
class RosterCheck(Displayable):
    """The roster's check over a period as of a day: each worker, and the share supervised.

    ``compliance`` is the supervision compliance rate (督导合规率): workers
    supervised as required over workers with something due; workers with
    nothing due are listed in ``workers`` and left out of it.

    Examples:
        >>> from socialwork.models import Period
        >>> check = RosterCheck("r", Period.month(2025, 6), date(2025, 6, 30), ())
        >>> check, str(check.compliance)
        (RosterCheck('r', 2025-06-01–2025-06-30 as of 2025-06-30: n/a), 'n/a')
    """

    roster_id: str
    period: Period
    as_of: date
    workers: tuple[WorkerCompliance, ...]

    @property
    def compliance(self) -> Rate:
        """Workers supervised as required, of those with something due."""
        due = [w for w in self.workers if w.status is not ComplianceStatus.NOT_DUE]
        met = sum(1 for w in due if w.status is ComplianceStatus.MET)
        return Rate(met, len(due))

    @property
    def required(self) -> int:
        """Sessions required of all workers together."""
        return sum(w.required for w in self.workers)

    @property
    def missed(self) -> int:
        """Sessions missed by all workers together."""
        return sum(w.missed for w in self.workers)

    def __repr__(self) -> str:
        """The roster, the period, the day and the compliance rate."""
        span = f"{self.period.start}–{self.period.end}"
        return f"RosterCheck({self.roster_id!r}, {span} as of {self.as_of}: {self.compliance})"

    def to_document(self, language: Language | str = "zh") -> Document:
        """Return the compliance rate, then one row per worker.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> from socialwork.models import Period
            >>> w = WorkerCompliance("s9", 1, 0, 1, date(2025, 6, 20), date(2025, 6, 30))
            >>> doc = RosterCheck("r", Period.month(2025, 6), date(2025, 6, 30), (w,))
            >>> print(doc.to_text("en").splitlines()[3])
            Supervision compliance 0.0% (0/1); sessions required 1, missed 1.
        """
        script = canonical_language(language)
        title = select_language(
            script,
            f"督导轮值表检查 {self.period.start}至{self.period.end}(截至{self.as_of})",
            f"Supervision roster check {self.period.start} to {self.period.end} "
            f"(as of {self.as_of})",
            f"督導輪值表檢查 {self.period.start}至{self.period.end}(截至{self.as_of})",
        )
        summary = select_language(
            script,
            f"督导合规率 {self.compliance};应督导{self.required}次,缺{self.missed}次。",
            f"Supervision compliance {self.compliance}; sessions required {self.required}, "
            f"missed {self.missed}.",
            f"督導合規率 {self.compliance};應督導{self.required}次,缺{self.missed}次。",
        )
        header = (
            select_language(script, "社工", "Worker", "社工"),
            select_language(script, "计入日期", "Days counted", "計入日期"),
            select_language(script, "应督导", "Required", "應督導"),
            select_language(script, "已督导", "Held", "已督導"),
            select_language(script, "缺", "Missed", "缺"),
            select_language(script, "状态", "Status", "狀態"),
        )
        rows = [
            (
                w.staff_id,
                _span(w.first_day, w.last_day),
                w.required,
                w.held,
                w.missed,
                w.status.label(script),
            )
            for w in self.workers
        ]
        return Document([Heading(title, 1), Paragraph(summary), Table(header, rows)])

    def to_rows(self) -> list[dict[str, Any]]:
        """Return one row per worker: counts, the days counted and the status code.

        Examples:
            >>> from socialwork.models import Period
            >>> w = WorkerCompliance("s9", 1, 1, 0, date(2025, 6, 20), date(2025, 6, 30))
            >>> RosterCheck("r", Period.month(2025, 6), date(2025, 6, 30), (w,)).to_rows()[0]
            {'staff_id': 's9', 'required': 1, 'held': 1, 'missed': 0, 'first_day': \
datetime.date(2025, 6, 20), 'last_day': datetime.date(2025, 6, 30), 'status': 'met'}
        """
        return [
            {
                "staff_id": w.staff_id,
                "required": w.required,
                "held": w.held,
                "missed": w.missed,
                "first_day": w.first_day,
                "last_day": w.last_day,
                "status": w.status.value,
            }
            for w in self.workers
        ]


def _span(first: date | None, last: date | None) -> str:
    """The days counted, as ``06-20–06-30``, or a dash."""
    if first is None or last is None:
        return "—"
    return f"{first:%m-%d}–{last:%m-%d}"


def _occurrences(entry: RosterEntry, first: date, last: date) -> int:
    """How many times ``entry`` falls due from ``first`` to ``last`` (both included)."""
    first, last = max(first, entry.start), min(last, entry.end or last)
    if first > last:
        return 0
    rule = entry.recurrence.rule(dtstart=entry.start, until=last)
    low, high = (
        datetime(first.year, first.month, first.day),
        datetime(last.year, last.month, last.day),
    )
    return len(rule.between(low, high, inc=True))


def roster_check(
    roster: Roster,
    sessions: Iterable[SupervisionSession],
    staff: Iterable[Staff],
    period: Period,
    *,
    as_of: date,
) -> RosterCheck:
    """Check the roster over ``period`` as of ``as_of``: required, held and missed per worker.

    Workers are the supervisees of the roster's entries, in the order of
    ``staff`` (then those missing from it); one who is not in ``staff`` or
    was not on staff on any day counted has nothing due. See the module docstring for the counts.

    Raises:
        ArgumentError: ``as_of`` is a ``datetime`` or outside 1900–2199.
        TypeError: an argument is not of its record type.

    Examples:
        >>> from socialwork.samples import station_month, team_month
        >>> june, team = station_month(), team_month()
        >>> check = roster_check(team.roster, team.sessions, june.station.staff, team.period,
        ...                      as_of=date(2025, 6, 30))
        >>> str(check.compliance), check.required, check.missed
        ('75.0% (6/8)', 15, 2)
    """
    roster = require_instance(Roster, roster, "roster")
    found = require_records(SupervisionSession, sessions, "sessions")
    people = staff_by_id(require_records(Staff, staff, "staff"))
    period = require_instance(Period, period, "period")
    as_of = require_day(as_of, "as_of")
    named = dict.fromkeys(w for e in roster.entries for w in e.supervisee_ids)
    order = [w for w in people if w in named] + [w for w in named if w not in people]
    workers = []
    for worker in order:
        member = people.get(worker)
        days = (
            None
            if member is None
            else counted_days(period, as_of, member.joined_on, member.left_on)
        )
        required = held = missed = 0
        if days is not None:
            for entry in roster.entries:
                if worker not in entry.supervisee_ids:
                    continue
                due = _occurrences(entry, *days)
                got = sum(
                    1
                    for s in found
                    if worker in s.supervisee_ids
                    and days[0] <= s.on <= days[1]
                    and entry.matches(s)
                )
                required += due
                held += got
                missed += max(due - got, 0)
        workers.append(
            WorkerCompliance(
                worker,
                required,
                held,
                missed,
                None if days is None else days[0],
                None if days is None else days[1],
            )
        )
    return RosterCheck(roster.id, period, as_of, tuple(workers))


@frozen
class SupervisionRatio(Displayable):
    """Supervisors to workers supervised, as the two counts (督导与社工配比): 2:10, never 1:5.

    A ratio reduced to lowest terms hides how many people stand behind it;
    with no worker supervised there is no ratio, and it says "no data".

    Examples:
        >>> str(SupervisionRatio(2, 10)), str(SupervisionRatio(2, 0))
        ('2:10', 'no data')
        >>> SupervisionRatio(2, 10).per_supervisor
        5.0
    """

    supervisors: int
    workers: int

    @property
    def per_supervisor(self) -> float | None:
        """Workers per supervisor, or ``None`` with no supervisor or no worker."""
        if self.workers == 0 or self.supervisors == 0:
            return None
        return self.workers / self.supervisors

    def format(self, language: Language | str = "en") -> str:
        """Return ``"2:10"``, or "no data" (无数据) when no worker is supervised.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> SupervisionRatio(1, 0).format("zh")
            '无数据'
        """
        script = canonical_language(language)
        if self.workers == 0:
            return select_language(script, "无数据", "no data", "無數據")
        return f"{self.supervisors}:{self.workers}"

    def __str__(self) -> str:
        """The ratio in English."""
        return self.format()

    def __repr__(self) -> str:
        """The ratio as it reads."""
        return f"SupervisionRatio({self.format()})"

    def to_document(self, language: Language | str = "zh") -> Document:
        """Return the ratio as one line.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> print(SupervisionRatio(2, 7).to_text("en"))
            Supervisors to workers supervised: 2:7
            <BLANKLINE>
        """
        script = canonical_language(language)
        label = select_language(
            script, "督导与社工配比", "Supervisors to workers supervised", "督導與社工配比"
        )
        return Document([Paragraph(f"{label}: {self.format(script)}")])

    def to_rows(self) -> list[dict[str, Any]]:
        """Return the two counts as one row.

        Examples:
            >>> SupervisionRatio(2, 7).to_rows()
            [{'supervisors': 2, 'workers': 7, 'per_supervisor': 3.5}]
        """
        return [
            {
                "supervisors": self.supervisors,
                "workers": self.workers,
                "per_supervisor": self.per_supervisor,
            }
        ]


def supervision_ratio(roster: Roster, staff: Iterable[Staff], *, as_of: date) -> SupervisionRatio:
    """Internal supervisors and the workers they supervise on ``as_of``, as two counts.

    Supervisors: staff on staff that day who supervise under an internal
    entry in force that day; workers: staff on staff that day whom those
    entries supervise. One person may be both (a senior worker supervised
    by the station's supervisor who supervises the interns).

    Raises:
        ArgumentError: ``as_of`` is a ``datetime`` or outside 1900–2199.
        TypeError: an argument is not of its record type.

    Examples:
        >>> from socialwork.samples import station_month, team_month
        >>> str(supervision_ratio(team_month().roster, station_month().station.staff,
        ...                       as_of=date(2025, 6, 30)))
        '2:7'
        >>> str(supervision_ratio(team_month().roster, [], as_of=date(2025, 6, 30)))
        'no data'
    """
    roster = require_instance(Roster, roster, "roster")
    people = staff_by_id(require_records(Staff, staff, "staff"))
    as_of = require_day(as_of, "as_of")

    def present(staff_id: str) -> bool:
        member = people.get(staff_id)
        return member is not None and active_on(member.joined_on, member.left_on, as_of)

    supervisors: set[str] = set()
    workers: set[str] = set()
    for entry in roster.entries:
        in_force = entry.start <= as_of and (entry.end is None or as_of <= entry.end)
        if entry.supervisor_id is None or not in_force or not present(entry.supervisor_id):
            continue
        supervisors.add(entry.supervisor_id)
        workers |= {w for w in entry.supervisee_ids if present(w)}
    return SupervisionRatio(len(supervisors), len(workers))


@frozen
class SessionsPerWorker(Displayable):
    """Supervision sessions per worker (人均督导次数): sessions received over workers.

    ``received`` counts a session once for each worker it supervised;
    ``value`` is ``None`` with no worker (no data, never a division by zero).

    Examples:
        >>> SessionsPerWorker(12, 15, 8).value, str(SessionsPerWorker(0, 0, 0))
        (1.875, 'n/a')
    """

    sessions: int
    received: int
    workers: int

    @property
    def value(self) -> float | None:
        """Sessions received per worker, or ``None`` with no worker."""
        return None if self.workers == 0 else self.received / self.workers

    def __str__(self) -> str:
        """``"1.9 (15/8)"``, or ``"n/a"``."""
        value = self.value
        return "n/a" if value is None else f"{value:.1f} ({self.received}/{self.workers})"

    def __repr__(self) -> str:
        """The figure as it reads, and the sessions counted."""
        return f"SessionsPerWorker({self}, {self.sessions} sessions)"

    def to_document(self, language: Language | str = "zh") -> Document:
        """Return the figure as one line.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> print(SessionsPerWorker(12, 15, 8).to_text("en"))
            Supervision sessions per worker: 1.9 (15/8)
            <BLANKLINE>
        """
        script = canonical_language(language)
        label = select_language(
            script, "人均督导次数", "Supervision sessions per worker", "人均督導次數"
        )
        return Document([Paragraph(f"{label}: {self}")])

    def to_rows(self) -> list[dict[str, Any]]:
        """Return the counts and the value as one row.

        Examples:
            >>> SessionsPerWorker(12, 15, 8).to_rows()
            [{'sessions': 12, 'received': 15, 'workers': 8, 'value': 1.875}]
        """
        return [
            {
                "sessions": self.sessions,
                "received": self.received,
                "workers": self.workers,
                "value": self.value,
            }
        ]


def sessions_per_worker(
    sessions: Iterable[SupervisionSession],
    staff: Iterable[Staff],
    period: Period,
    *,
    as_of: date,
) -> SessionsPerWorker:
    """Supervision sessions per worker over ``period`` up to ``as_of`` (社工督导频率).

    Workers: staff on staff on at least one day of the period up to
    ``as_of``, interns included (they are supervised too). A session counts
    once for each of them it supervised on a day they were on staff.

    Raises:
        ArgumentError: ``as_of`` is a ``datetime`` or outside 1900–2199.
        TypeError: an argument is not of its record type.

    Examples:
        >>> from socialwork.samples import station_month, team_month
        >>> team = team_month()
        >>> str(sessions_per_worker(team.sessions, station_month().station.staff, team.period,
        ...                         as_of=date(2025, 6, 30)))
        '1.6 (13/8)'
    """
    found = require_records(SupervisionSession, sessions, "sessions")
    members = require_records(Staff, staff, "staff")
    period = require_instance(Period, period, "period")
    as_of = require_day(as_of, "as_of")
    windows = {}
    for member in members:
        days = counted_days(period, as_of, member.joined_on, member.left_on)
        if days is not None:
            windows[member.id] = days
    counted = [
        s
        for s in found
        if any(w in windows and windows[w][0] <= s.on <= windows[w][1] for w in s.supervisee_ids)
    ]
    received = sum(
        1
        for s in counted
        for w in s.supervisee_ids
        if w in windows and windows[w][0] <= s.on <= windows[w][1]
    )
    return SessionsPerWorker(len(counted), received, len(windows))
