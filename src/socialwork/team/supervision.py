"""Supervision sessions (督导记录) and the rules that hold across staff and cases.

A `SupervisionSession` records one sitting: its date and length, its form
(individual, group, peer), its source (internal, by a senior worker of the
station; external, by an invited supervisor), the functions it served
(Kadushin's administrative, educational and supportive, and the local
项目规划 and 资源链接), who supervised whom, the cases reviewed and the
decisions taken with their reasons. The rules a session can check alone
live in its validators; the rules that need the staff and the cases (the
supervisor on staff that day, an intern's case work reviewed by a qualified
supervisor, a case reviewed belonging to a supervisee) are checked by
`check_supervision`.

Notes, decisions, reasons and an external supervisor's name and
organisation are personal data: they are marked for redaction and never
shown in a repr.

Examples:
    >>> from datetime import date
    >>> s = SupervisionSession(
    ...     id="sv1", on=date(2025, 6, 5), minutes=60, form="individual", source="internal",
    ...     functions=("educational", "supportive"), supervisor_id="s1", supervisee_ids=("s3",),
    ...     case_ids=("k3",), notes="讨论小张的学业辅导进展")
    >>> s
    SupervisionSession(id='sv1', on=datetime.date(2025, 6, 5), minutes=60, ...)
    >>> "小张" in repr(s)
    False
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Annotated, Any, ClassVar, Self

from attrs import frozen
from pydantic import Field, Strict, model_validator

from socialwork._arguments import require_records
from socialwork.display.displayable import Displayable
from socialwork.display.document import Document, Heading, Paragraph, Table
from socialwork.labels import LabelledEnum, Language, canonical_language, select_language
from socialwork.models import Case, Staff, StaffGrade, StaffRole
from socialwork.records import (
    BLANK,
    Day,
    Id,
    NotWhile,
    Record,
    Rule,
    Text,
    active_on,
    break_rule,
    check_rules,
    check_unique,
    personal,
)
from socialwork.team._common import staff_by_id

__all__ = [
    "DecisionKind",
    "ExternalSupervisor",
    "SupervisionCheck",
    "SupervisionDecision",
    "SupervisionForm",
    "SupervisionFunction",
    "SupervisionProblem",
    "SupervisionRule",
    "SupervisionSession",
    "SupervisionSource",
    "check_supervision",
    "qualified_supervisor",
]


class SupervisionForm(LabelledEnum):
    """How a session is held (督导形式)."""

    INDIVIDUAL = "individual", "个别督导", "Individual supervision", "個別督導"
    GROUP = "group", "团体督导", "Group supervision", "團體督導"
    PEER = "peer", "朋辈督导", "Peer supervision", "朋輩督導"


class SupervisionSource(LabelledEnum):
    """Who supervises: a senior worker of the station, or an invited supervisor (督导来源)."""

    INTERNAL = "internal", "内部督导", "Internal supervision", "內部督導"
    EXTERNAL = "external", "外部督导", "External supervision", "外部督導"


class SupervisionFunction(LabelledEnum):
    """What a session served (督导功能): Kadushin's three, and two of local practice."""

    ADMINISTRATIVE = "administrative", "行政督导", "Administrative supervision", "行政督導"
    EDUCATIONAL = "educational", "教育性督导", "Educational supervision", "教育性督導"
    SUPPORTIVE = "supportive", "支持性督导", "Supportive supervision", "支持性督導"
    PROJECT_PLANNING = "project_planning", "项目规划", "Project planning", "項目規劃"
    RESOURCE_LINKING = "resource_linking", "资源链接", "Resource linking", "資源鏈接"


class DecisionKind(LabelledEnum):
    """What a supervision decision does to a case (督导决定)."""

    CONTINUE = "continue", "维持服务计划", "Continue the plan", "維持服務計劃"
    PLAN_CHANGE = "plan_change", "调整服务计划", "Change the plan", "調整服務計劃"
    REFERRAL = "referral", "转介", "Refer", "轉介"
    CLOSURE = "closure", "结案", "Close the case", "結案"
    OTHER = "other", "其他", "Other", "其他"


_CASE_DECISIONS = frozenset(
    {DecisionKind.PLAN_CHANGE, DecisionKind.REFERRAL, DecisionKind.CLOSURE, DecisionKind.CONTINUE}
)

Minutes = Annotated[int, Strict(), Field(ge=1, le=1440)]
"""The length of a session in minutes: 1 to 1440 (a day)."""


class ExternalSupervisor(Record):
    """An invited supervisor (外部督导), by name and organisation: both personal data.

    Examples:
        >>> ExternalSupervisor(name="林老师", organisation="某大学社会工作系")
        ExternalSupervisor()
    """

    name: Text = personal(repr=False)
    organisation: Text = personal(repr=False)


class SupervisionDecision(Record):
    """A decision taken in a session, with its reason, optionally about one case.

    A decision that changes a plan, refers or closes a case, or keeps a
    case's plan names that case (rule ``decision_without_case``). What was
    decided and why are personal data.

    Examples:
        >>> d = SupervisionDecision(kind="referral", case_id="k4", decision="转介康复中心",
        ...                         reason="需要专业康复训练")
        >>> d
        SupervisionDecision(kind=<DecisionKind.REFERRAL: 'referral' 转介>, case_id='k4')
    """

    kind: DecisionKind
    case_id: Id | None = None
    decision: Text = personal(repr=False)
    reason: Text = personal(repr=False)

    declared_rules: ClassVar[tuple[Rule, ...]] = (
        NotWhile("case_id", BLANK, "kind", _CASE_DECISIONS, "decision_without_case"),
    )
    """A decision about a case's plan, referral or closure names the case."""

    python_rule_fields: ClassVar[frozenset[str] | None] = frozenset()
    """None: every rule of a decision is declared."""

    @model_validator(mode="after")
    def _names_its_case(self) -> Self:
        check_rules(self, self.declared_rules)
        return self


class SupervisionSession(Record):
    """One supervision session (督导记录).

    An internal session names its supervisor by staff id (``supervisor_id``);
    an external one names the invited supervisor (``external_supervisor``),
    never both (rule ``supervisor_source_mismatch``). A supervisor does not
    supervise themself (``self_supervision``); an individual session has one
    supervisee (``individual_with_many``); a decision about a case names a
    case the session reviewed (``decision_case_not_reviewed``).

    Examples:
        >>> from datetime import date
        >>> SupervisionSession(
        ...     id="sv9", on=date(2025, 6, 5), minutes=60, form="individual",
        ...     source="internal", functions=("administrative",), supervisor_id="s1",
        ...     supervisee_ids=("s1",))
        Traceback (most recent call last):
        ...
        pydantic_core._pydantic_core.ValidationError: 1 validation error for SupervisionSession
        supervisee_ids
          a supervisor does not supervise themself: s1 supervises s1 ...
    """

    id: Id
    on: Day
    minutes: Minutes
    form: SupervisionForm
    source: SupervisionSource
    functions: Annotated[tuple[SupervisionFunction, ...], Field(min_length=1)]
    supervisor_id: Id | None = None
    external_supervisor: ExternalSupervisor | None = None
    supervisee_ids: Annotated[tuple[Id, ...], Field(min_length=1)]
    case_ids: tuple[Id, ...] = ()
    decisions: tuple[SupervisionDecision, ...] = ()
    notes: Text | None = personal(default=None, repr=False)

    @model_validator(mode="after")
    def _rules(self) -> Self:
        internal = self.source is SupervisionSource.INTERNAL
        if internal != (self.supervisor_id is not None) or internal == (
            self.external_supervisor is not None
        ):
            break_rule(
                "SupervisionSession",
                ("supervisor_id",) if internal else ("external_supervisor",),
                "supervisor_source_mismatch",
                "an internal session names a supervisor_id and no external_supervisor; an "
                "external one names an external_supervisor and no supervisor_id; got a "
                "{source} session with{without} supervisor_id",
                self.source.value,
                source=self.source.value,
                without="" if self.supervisor_id is not None else "out",
            )
        check_unique("SupervisionSession", "supervisee_ids", self.supervisee_ids)
        check_unique("SupervisionSession", "case_ids", self.case_ids)
        check_unique("SupervisionSession", "functions", (f.value for f in self.functions))
        if self.supervisor_id is not None and self.supervisor_id in self.supervisee_ids:
            break_rule(
                "SupervisionSession",
                ("supervisee_ids",),
                "self_supervision",
                "a supervisor does not supervise themself: {who} supervises {who}",
                self.supervisor_id,
                who=self.supervisor_id,
            )
        if self.form is SupervisionForm.INDIVIDUAL and len(self.supervisee_ids) != 1:
            break_rule(
                "SupervisionSession",
                ("supervisee_ids",),
                "individual_with_many",
                "an individual session has one supervisee; got {count}",
                len(self.supervisee_ids),
                count=len(self.supervisee_ids),
            )
        reviewed = set(self.case_ids)
        for index, decision in enumerate(self.decisions):
            if decision.case_id is not None and decision.case_id not in reviewed:
                break_rule(
                    "SupervisionSession",
                    ("decisions", index, "case_id"),
                    "decision_case_not_reviewed",
                    "a decision about case {case} needs the case among case_ids",
                    decision.case_id,
                    case=decision.case_id,
                )
        return self


class SupervisionRule(LabelledEnum):
    """A rule `check_supervision` checks across sessions, staff and cases."""

    SUPERVISOR_NOT_ON_STAFF = (
        "supervisor_not_on_staff",
        "督导者当日不在岗",
        "Supervisor not on staff that day",
        "督導者當日不在崗",
    )
    SUPERVISEE_NOT_ON_STAFF = (
        "supervisee_not_on_staff",
        "被督导者当日不在岗",
        "Supervisee not on staff that day",
        "被督導者當日不在崗",
    )
    INTERN_CASE_UNQUALIFIED = (
        "intern_case_unqualified",
        "实习社工的个案未由合格督导审阅",
        "Intern's case reviewed by an unqualified supervisor",
        "實習社工的個案未由合格督導審閱",
    )
    CASE_NOT_OF_SUPERVISEE = (
        "case_not_of_supervisee",
        "审阅的个案不属于被督导者",
        "Case reviewed is no supervisee's",
        "審閱的個案不屬於被督導者",
    )


@frozen
class SupervisionProblem:
    """One broken rule: the session, the rule, and the staff or case id it concerns.

    Examples:
        >>> SupervisionProblem("sv1", SupervisionRule.CASE_NOT_OF_SUPERVISEE, "k9").rule.value
        'case_not_of_supervisee'
    """

    session_id: str
    rule: SupervisionRule
    subject_id: str


@frozen
class SupervisionCheck(Displayable):
    """The sessions checked and every broken rule found (an empty tuple: all hold).

    Examples:
        >>> check = SupervisionCheck(3, ())
        >>> check.ok, check
        (True, SupervisionCheck(3 sessions, 0 problems))
    """

    sessions: int
    problems: tuple[SupervisionProblem, ...]

    @property
    def ok(self) -> bool:
        """Whether every rule holds."""
        return not self.problems

    def __repr__(self) -> str:
        """Counts only."""
        return f"SupervisionCheck({self.sessions} sessions, {len(self.problems)} problems)"

    def to_document(self, language: Language | str = "zh") -> Document:
        """Return the count of sessions checked, then each problem as a row.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> print(SupervisionCheck(3, ()).to_text("en"))
            Supervision check
            =================
            <BLANKLINE>
            3 sessions checked; every rule holds.
            <BLANKLINE>
        """
        script = canonical_language(language)
        title = select_language(script, "督导记录检查", "Supervision check", "督導記錄檢查")
        if self.ok:
            text = select_language(
                script,
                f"已检查{self.sessions}次督导,全部符合规则。",
                f"{self.sessions} sessions checked; every rule holds.",
                f"已檢查{self.sessions}次督導,全部符合規則。",
            )
            return Document([Heading(title, 1), Paragraph(text)])
        header = (
            select_language(script, "督导记录", "Session", "督導記錄"),
            select_language(script, "规则", "Rule", "規則"),
            select_language(script, "涉及", "Concerns", "涉及"),
        )
        rows = [(p.session_id, p.rule.label(script), p.subject_id) for p in self.problems]
        return Document([Heading(title, 1), Table(header, rows)])

    def to_rows(self) -> list[dict[str, Any]]:
        """Return one row per problem: session, rule code and the id it concerns.

        Examples:
            >>> p = SupervisionProblem("sv1", SupervisionRule.CASE_NOT_OF_SUPERVISEE, "k9")
            >>> SupervisionCheck(1, (p,)).to_rows()
            [{'session_id': 'sv1', 'rule': 'case_not_of_supervisee', 'subject_id': 'k9'}]
        """
        return [
            {"session_id": p.session_id, "rule": p.rule.value, "subject_id": p.subject_id}
            for p in self.problems
        ]


_QUALIFIED_GRADES = frozenset(
    {StaffGrade.SENIOR, StaffGrade.SUPERVISOR, StaffGrade.PROJECT_MANAGER}
)
_QUALIFIED_ROLES = frozenset({StaffRole.SUPERVISOR, StaffRole.PROJECT_LEAD})


def qualified_supervisor(member: Staff) -> bool:
    """Whether a staff member may review an intern's case work (资深社工、督导、项目主管).

    Qualified: not an intern, and either in a supervisor's or project lead's
    role, or on the senior, supervisor or project-manager grade.

    Examples:
        >>> from datetime import date
        >>> s = Staff(id="s2", name="吴社工", role="full_time", grade="senior",
        ...           joined_on=date(2023, 3, 1))
        >>> qualified_supervisor(s)
        True
    """
    if member.role is StaffRole.INTERN:
        return False
    return member.role in _QUALIFIED_ROLES or member.grade in _QUALIFIED_GRADES


def check_supervision(
    sessions: Iterable[SupervisionSession], *, staff: Iterable[Staff], cases: Iterable[Case]
) -> SupervisionCheck:
    """Check the rules that need staff and cases, for every session.

    For each session: its internal supervisor and each supervisee was on
    staff that day (``active_on``: from joining up to, not including, the day
    they left); a case reviewed is carried by one of the supervisees; and a
    case carried by an intern is reviewed by a qualified supervisor
    (`qualified_supervisor`, or an external supervisor). A case that is
    unknown counts as no supervisee's.

    Raises:
        TypeError: an argument is not a collection of its records.

    Examples:
        >>> from datetime import date
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> s = SupervisionSession(
        ...     id="sv1", on=date(2025, 6, 5), minutes=60, form="individual", source="internal",
        ...     functions=("educational",), supervisor_id="s6", supervisee_ids=("s7",),
        ...     case_ids=("k3",))
        >>> check = check_supervision([s], staff=june.station.staff, cases=june.cases)
        >>> [(p.rule.value, p.subject_id) for p in check.problems]
        [('case_not_of_supervisee', 'k3')]
    """
    found_sessions = require_records(SupervisionSession, sessions, "sessions")
    people = staff_by_id(require_records(Staff, staff, "staff"))
    workers = {c.id: c.worker_id for c in require_records(Case, cases, "cases")}
    problems: list[SupervisionProblem] = []
    for session in found_sessions:
        problems += _problems(session, people, workers)
    return SupervisionCheck(len(found_sessions), tuple(problems))


def _problems(
    session: SupervisionSession, people: dict[str, Staff], workers: dict[str, str]
) -> list[SupervisionProblem]:
    found: list[SupervisionProblem] = []

    def on_staff(staff_id: str) -> bool:
        member = people.get(staff_id)
        return member is not None and active_on(member.joined_on, member.left_on, session.on)

    supervisor = None if session.supervisor_id is None else people.get(session.supervisor_id)
    if session.supervisor_id is not None and not on_staff(session.supervisor_id):
        found.append(
            SupervisionProblem(
                session.id, SupervisionRule.SUPERVISOR_NOT_ON_STAFF, session.supervisor_id
            )
        )
    for supervisee in session.supervisee_ids:
        if not on_staff(supervisee):
            found.append(
                SupervisionProblem(session.id, SupervisionRule.SUPERVISEE_NOT_ON_STAFF, supervisee)
            )
    qualified = session.source is SupervisionSource.EXTERNAL or (
        supervisor is not None and qualified_supervisor(supervisor)
    )
    for case_id in session.case_ids:
        worker = workers.get(case_id)
        if worker is None or worker not in session.supervisee_ids:
            found.append(
                SupervisionProblem(session.id, SupervisionRule.CASE_NOT_OF_SUPERVISEE, case_id)
            )
            continue
        member = people.get(worker)
        if member is not None and member.role is StaffRole.INTERN and not qualified:
            found.append(
                SupervisionProblem(session.id, SupervisionRule.INTERN_CASE_UNQUALIFIED, case_id)
            )
    return found
