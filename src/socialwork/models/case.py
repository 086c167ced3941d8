"""The case (个案): assessment, goals, contacts, referrals and closure."""

from __future__ import annotations

from datetime import date
from typing import Annotated, ClassVar, Self

from pydantic import Field, Strict, model_validator

from socialwork._arguments import require_day
from socialwork.labels import LabelledEnum
from socialwork.models.need import BradshawEvidence, NeedDomain
from socialwork.records import (
    BLANK,
    FILLED,
    Count,
    Day,
    Id,
    NotBefore,
    NotWhile,
    Record,
    Rule,
    Scale5,
    Text,
    break_rule,
    check_chain,
    check_rules,
    check_unique,
    personal,
)

__all__ = [
    "AssessedNeed",
    "Assessment",
    "AssessmentMethod",
    "Case",
    "CaseStatus",
    "Closure",
    "ClosureOutcome",
    "ContactMode",
    "Goal",
    "GoalAchievementStatus",
    "GoalLifecycleStatus",
    "Referral",
    "ReferralStatus",
    "Score",
    "StatusChange",
    "Visit",
]


class CaseStatus(LabelledEnum):
    """Where a case stands in case management (个案管理流程)."""

    INTAKE = "intake", "接案", "Intake", "接案"
    ASSESSMENT = "assessment", "需求评估", "Assessment", "需求評估"
    PLANNING = "planning", "服务计划", "Planning", "服務計劃"
    INTERVENTION = "intervention", "介入", "Intervention", "介入"
    REVIEW = "review", "跟进评估", "Review", "跟進評估"
    CLOSED = "closed", "结案", "Closed", "結案"


class AssessmentMethod(LabelledEnum):
    """How a need was assessed (评估方法)."""

    INTERVIEW = "interview", "面谈", "Interview", "面談"
    OBSERVATION = "observation", "观察", "Observation", "觀察"
    SCALE = "scale", "量表", "Standardised scale", "量表"
    HOME_VISIT = "home_visit", "家访", "Home visit", "家訪"
    COLLATERAL = "collateral", "知情人访谈", "Collateral contact", "知情人訪談"


class GoalLifecycleStatus(LabelledEnum):
    """FHIR Goal ``lifecycleStatus`` codes, verbatim."""

    PROPOSED = "proposed", "提议", "Proposed", "提議"
    PLANNED = "planned", "已计划", "Planned", "已計劃"
    ACCEPTED = "accepted", "已接受", "Accepted", "已接受"
    ACTIVE = "active", "进行中", "Active", "進行中"
    ON_HOLD = "on-hold", "暂停", "On hold", "暫停"
    COMPLETED = "completed", "已完成", "Completed", "已完成"
    CANCELLED = "cancelled", "已取消", "Cancelled", "已取消"
    ENTERED_IN_ERROR = "entered-in-error", "录入错误", "Entered in error", "錄入錯誤"
    REJECTED = "rejected", "已拒绝", "Rejected", "已拒絕"


class GoalAchievementStatus(LabelledEnum):
    """FHIR Goal ``achievementStatus`` codes, verbatim."""

    IN_PROGRESS = "in-progress", "进行中", "In progress", "進行中"
    IMPROVING = "improving", "改善中", "Improving", "改善中"
    WORSENING = "worsening", "恶化", "Worsening", "惡化"
    NO_CHANGE = "no-change", "无变化", "No change", "無變化"
    ACHIEVED = "achieved", "已达成", "Achieved", "已達成"
    SUSTAINING = "sustaining", "保持中", "Sustaining", "保持中"
    NOT_ACHIEVED = "not-achieved", "未达成", "Not achieved", "未達成"
    NO_PROGRESS = "no-progress", "无进展", "No progress", "無進展"
    NOT_ATTAINABLE = "not-attainable", "无法达成", "Not attainable", "無法達成"


class ContactMode(LabelledEnum):
    """How a contact with a client happened (联系方式)."""

    HOME_VISIT = "home_visit", "家访", "Home visit", "家訪"
    PHONE = "phone", "电话", "Phone", "電話"
    OFFICE = "office", "站内面谈", "Office", "站內面談"
    ONLINE = "online", "线上", "Online", "線上"


class ReferralStatus(LabelledEnum):
    """Where a referral (转介) stands."""

    PENDING = "pending", "待回复", "Pending", "待回覆"
    ACCEPTED = "accepted", "已接收", "Accepted", "已接收"
    REJECTED = "rejected", "被拒绝", "Rejected", "被拒絕"
    COMPLETED = "completed", "已完成", "Completed", "已完成"


class ClosureOutcome(LabelledEnum):
    """Why a case was closed (结案原因)."""

    GOALS_ACHIEVED = "goals_achieved", "目标达成", "Goals achieved", "目標達成"
    PARTIAL = "partial", "部分达成", "Partially achieved", "部分達成"
    DISENGAGED = "disengaged", "服务对象退出", "Client disengaged", "服務對象退出"
    TRANSFERRED = "transferred", "转介结案", "Transferred", "轉介結案"
    INELIGIBLE = "ineligible", "不符合条件", "Ineligible", "不符合條件"
    DECEASED = "deceased", "服务对象离世", "Deceased", "服務對象離世"
    LOST_CONTACT = "lost_contact", "失去联系", "Lost contact", "失去聯繫"
    OTHER = "other", "其他", "Other", "其他"


class Score(Record):
    """A score on an assessment instrument (量表得分), within its range.

    Examples:
        >>> Score(instrument="UCLA孤独量表", value=52, minimum=20, maximum=80).value
        52.0
    """

    instrument: Text
    value: Annotated[float, Field(allow_inf_nan=False)]
    minimum: Annotated[float, Field(allow_inf_nan=False)]
    maximum: Annotated[float, Field(allow_inf_nan=False)]

    @model_validator(mode="after")
    def _value_in_range(self) -> Self:
        if self.maximum <= self.minimum:
            break_rule(
                "Score",
                ("maximum",),
                "empty_range",
                "maximum {maximum} must be above minimum {minimum}",
                self.maximum,
                maximum=self.maximum,
                minimum=self.minimum,
            )
        if not self.minimum <= self.value <= self.maximum:
            break_rule(
                "Score",
                ("value",),
                "score_out_of_range",
                "value must lie in [{minimum}, {maximum}]; got {value}",
                self.value,
                value=self.value,
                minimum=self.minimum,
                maximum=self.maximum,
            )
        return self


class AssessedNeed(Record):
    """A need found in a case assessment, with its Bradshaw evidence.

    Examples:
        >>> AssessedNeed(domain=NeedDomain.MENTAL_HEALTH, description="情绪低落").severity
    """

    domain: NeedDomain
    description: Text
    evidence: BradshawEvidence = BradshawEvidence()
    severity: Scale5 | None = None


class Assessment(Record):
    """A needs assessment (需求评估) of a case.

    Examples:
        >>> from datetime import date
        >>> a = Assessment(assessed_on=date(2025, 6, 3), worker_id="s1",
        ...                methods=(AssessmentMethod.HOME_VISIT,))
        >>> a.methods[0].label()
        '家访'
    """

    assessed_on: Day
    worker_id: Id
    methods: tuple[AssessmentMethod, ...] = Field(min_length=1)
    needs: tuple[AssessedNeed, ...] = ()
    scores: tuple[Score, ...] = ()


class Goal(Record):
    """A goal agreed with the client (目标), with FHIR status codes.

    Examples:
        >>> from datetime import date
        >>> g = Goal(id="g1", description="每周参加一次老年活动", target="每周至少1次",
        ...          lifecycle_status=GoalLifecycleStatus.ACTIVE,
        ...          achievement_status=GoalAchievementStatus.IMPROVING,
        ...          due_on=date(2025, 8, 31))
        >>> g.achievement_status.label() if g.achievement_status else None
        '改善中'
    """

    id: Id
    description: Text
    target: Text
    lifecycle_status: GoalLifecycleStatus = GoalLifecycleStatus.PROPOSED
    achievement_status: GoalAchievementStatus | None = None
    start_on: Day | None = None
    due_on: Day | None = None

    declared_rules: ClassVar[tuple[Rule, ...]] = (
        NotBefore("due_on", "start_on", "end_before_start"),
    )
    """A goal is not due before it starts."""

    python_rule_fields: ClassVar[frozenset[str] | None] = frozenset()
    """None: every rule of a goal is declared."""

    @model_validator(mode="after")
    def _due_after_start(self) -> Self:
        check_rules(self, self.declared_rules)
        return self


class Visit(Record):
    """A dated contact with a client (家访, 走访, 电话…).

    ``case_id`` is ``None`` for an outreach visit (走访) outside any case.

    Examples:
        >>> from datetime import date
        >>> v = Visit(id="v1", client_id="p1", on=date(2025, 6, 3),
        ...           mode=ContactMode.HOME_VISIT, worker_id="s1")
        >>> v.mode.label("en")
        'Home visit'
    """

    id: Id
    client_id: Id
    on: Day
    mode: ContactMode
    worker_id: Id
    case_id: Id | None = None
    duration_minutes: Count | None = None
    note: Text | None = personal(default=None)


class Referral(Record):
    """A referral (转介) to another organisation, made under a recorded consent.

    A referral names the client's information-sharing consent (``consent_id``),
    or shares without one under the crisis exception (保密例外): a risk of
    serious harm to the client or to others, whose reason
    ``confidentiality_exception`` records. `StationRecords` checks that the
    consent belongs to the client, covers information sharing and holds on
    the referral date.

    Examples:
        >>> from datetime import date
        >>> r = Referral(id="r1", to_organisation="区康复中心", reason="康复指导",
        ...              referred_on=date(2025, 6, 9), consent_id="k2")
        >>> r.status.label()
        '待回复'
        >>> urgent = Referral(id="r2", to_organisation="派出所", reason="人身安全",
        ...                   referred_on=date(2025, 6, 9),
        ...                   confidentiality_exception="服务对象有自伤风险")
        >>> urgent.consent_id is None
        True
    """

    id: Id
    to_organisation: Text
    reason: Text
    referred_on: Day
    consent_id: Id | None = None
    confidentiality_exception: Text | None = None
    """Why the referral shares information without consent (保密例外); ``None`` when consented."""
    status: ReferralStatus = ReferralStatus.PENDING
    contact_person: Text | None = personal(default=None)

    declared_rules: ClassVar[tuple[Rule, ...]] = (
        NotWhile(
            "consent_id", BLANK, "confidentiality_exception", BLANK, "referral_without_consent"
        ),
    )
    """A referral names its consent, or the crisis exception's reason."""

    python_rule_fields: ClassVar[frozenset[str] | None] = frozenset()
    """None: every rule of a referral is declared."""

    @model_validator(mode="after")
    def _consented_or_excepted(self) -> Self:
        check_rules(self, self.declared_rules)
        return self


class Closure(Record):
    """How and when a case was closed (结案).

    An outcome of ``other`` needs a ``note`` saying what happened.

    Examples:
        >>> from datetime import date
        >>> closure = Closure(closed_on=date(2025, 9, 1), outcome=ClosureOutcome.GOALS_ACHIEVED)
        >>> closure.outcome.label()
        '目标达成'
    """

    closed_on: Day
    outcome: ClosureOutcome
    note: Text | None = None

    @model_validator(mode="after")
    def _other_needs_note(self) -> Self:
        if self.outcome is ClosureOutcome.OTHER and self.note is None:
            break_rule(
                "Closure",
                ("note",),
                "other_outcome_without_note",
                "a closure outcome of 'other' needs a note; got none",
                None,
            )
        return self


class StatusChange(Record):
    """One entry of a case's history: a move between statuses, a crisis, or a disclosure.

    ``crisis`` is the crisis flag after the change. An entry with a
    ``referral_id`` records a referral sent without consent under the crisis
    exception (保密例外): the status stays and ``reason`` keeps the
    exception's reason (`socialwork.privacy.refer` writes it).

    Examples:
        >>> from datetime import date
        >>> StatusChange(on=date(2025, 6, 3), from_status=CaseStatus.INTAKE,
        ...              to_status=CaseStatus.ASSESSMENT).reason
    """

    on: Day
    from_status: CaseStatus
    to_status: CaseStatus
    crisis: Annotated[bool, Strict()] = False
    reason: Text | None = None
    referral_id: Id | None = None
    """The referral this entry records, one of the case's referrals; ``None`` for other entries."""


class Case(Record):
    """A case (个案) of one client, from intake (接案) to closure (结案).

    A closed case has a closure and a case with a closure is closed; a closed
    case is not in crisis; nothing in a case is dated before it was opened;
    the history is in date order and ends at the current status.

    Examples:
        >>> from datetime import date
        >>> case = Case(id="k1", client_id="p1", worker_id="s1", opened_on=date(2025, 6, 2))
        >>> case.status.label(), case.is_open
        ('接案', True)
    """

    id: Id
    client_id: Id
    worker_id: Id
    opened_on: Day
    status: CaseStatus = CaseStatus.INTAKE
    crisis: Annotated[bool, Strict()] = False
    presenting_problem: Text | None = personal(default=None)
    assessments: tuple[Assessment, ...] = ()
    goals: tuple[Goal, ...] = ()
    referrals: tuple[Referral, ...] = ()
    closure: Closure | None = None
    history: tuple[StatusChange, ...] = ()

    @property
    def is_open(self) -> bool:
        """Whether the case is not closed now, at its current status."""
        return self.status is not CaseStatus.CLOSED

    def open_on(self, day: date) -> bool:
        """Whether the case was open on ``day``, from its dates and history.

        Open from ``opened_on`` until the day its history (or its closure)
        closes it; a case closed on the 20th is no longer open on the 20th,
        and a reopened case is open again from the day it was reopened.

        Raises:
            ArgumentError: ``day`` is a ``datetime`` or outside 1900–2199.

        Examples:
            >>> from datetime import date
            >>> june = Case(id="k1", client_id="p1", worker_id="s1", opened_on=date(2025, 6, 1),
            ...             status=CaseStatus.CLOSED,
            ...             closure=Closure(closed_on=date(2025, 6, 20),
            ...                             outcome=ClosureOutcome.GOALS_ACHIEVED))
            >>> june.open_on(date(2025, 6, 10)), june.open_on(date(2025, 6, 20)), june.is_open
            (True, False, False)
        """
        day = require_day(day, "day")
        if day < self.opened_on:
            return False
        if self.closure is not None and self.closure.closed_on <= day:
            return False
        state = self.history[0].from_status if self.history else CaseStatus.INTAKE
        for change in self.history:
            if change.on <= day:
                state = change.to_status
        return state is not CaseStatus.CLOSED

    declared_rules: ClassVar[tuple[Rule, ...]] = (
        NotWhile("closure", BLANK, "status", CaseStatus.CLOSED, "closed_without_closure"),
        NotWhile("closure", FILLED, "status", CaseStatus.CLOSED, "closure_while_open", True),
        NotWhile("crisis", True, "status", CaseStatus.CLOSED, "crisis_on_closed_case"),
    )
    """A closed case has a closure and no crisis; a case with a closure is closed."""

    python_rule_fields: ClassVar[frozenset[str] | None] = frozenset(
        {"assessments", "goals", "referrals", "closure", "history"}
    )
    """The rules checked in Python read the dates of the assessments, referrals,
    history and closure (none before opening), the ids of goals and referrals, and
    the history's order: a row without them breaks none."""

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        check_rules(self, self.declared_rules)
        self._nothing_before_opening()
        check_unique("Case", "goals", (g.id for g in self.goals))
        check_unique("Case", "referrals", (r.id for r in self.referrals))
        referrals = {r.id for r in self.referrals}
        for index, change in enumerate(self.history):
            if change.referral_id is not None and change.referral_id not in referrals:
                break_rule(
                    "Case",
                    ("history", index, "referral_id"),
                    "history_referral_unknown",
                    "a history entry's referral_id must name one of the case's referrals; "
                    "got {referral_id}",
                    change.referral_id,
                    referral_id=change.referral_id,
                )
        self._history_in_order()
        return self

    def _nothing_before_opening(self) -> None:
        dated: list[tuple[tuple[str | int, ...], date]] = [
            (("assessments", i, "assessed_on"), a.assessed_on)
            for i, a in enumerate(self.assessments)
        ]
        dated += [
            (("referrals", i, "referred_on"), r.referred_on) for i, r in enumerate(self.referrals)
        ]
        dated += [(("history", i, "on"), h.on) for i, h in enumerate(self.history)]
        if self.closure is not None:
            dated.append((("closure", "closed_on"), self.closure.closed_on))
        for loc, day in dated:
            if day < self.opened_on:
                break_rule(
                    "Case",
                    loc,
                    "dated_before_opening",
                    "{day} must not be before the case was opened on {opened}",
                    day,
                    day=day,
                    opened=self.opened_on,
                )

    def _history_in_order(self) -> None:
        check_chain(
            "Case",
            "status",
            ((h.on, h.from_status, h.to_status) for h in self.history),
            self.status,
        )
