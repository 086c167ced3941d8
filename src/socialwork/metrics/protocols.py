"""The shapes the indicator functions read (``Protocol`` classes).

The indicator functions take the records of `socialwork.models`, and
also any objects with the same attributes: for a million cases a slotted
plain object costs about a tenth of a pydantic record. Only the attributes
listed here are read.

Examples:
    >>> from datetime import date
    >>> from socialwork.models import Visit, ContactMode
    >>> def first_day(visits: list[VisitLike]) -> date:
    ...     return min(v.on for v in visits)
    >>> first_day([Visit(id="v1", client_id="p1", on=date(2025, 6, 3),
    ...                  mode=ContactMode.PHONE, worker_id="s1")]).isoformat()
    '2025-06-03'
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from typing import Protocol

from socialwork.models import (
    CaseStatus,
    Certification,
    ClientCategory,
    ContactMode,
    GoalAchievementStatus,
    GoalLifecycleStatus,
    NeedStatus,
    StaffRole,
    SurveySubject,
)

__all__: list[str] = []


class ClientLike(Protocol):
    """A client: its id and key-group categories (the first is the primary one)."""

    @property
    def id(self) -> str:
        """The client's id."""

    @property
    def categories(self) -> Sequence[ClientCategory]:
        """The key groups the client belongs to."""


class VisitLike(Protocol):
    """A dated contact with a client, maybe within a case."""

    @property
    def id(self) -> str:
        """The visit's id."""

    @property
    def client_id(self) -> str:
        """The client visited."""

    @property
    def case_id(self) -> str | None:
        """The case the contact belongs to, if any."""

    @property
    def on(self) -> date:
        """The day of the contact."""

    @property
    def mode(self) -> ContactMode:
        """How the contact happened."""


class StatusChangeLike(Protocol):
    """An entry of a case's history: a dated move from one status to another."""

    @property
    def on(self) -> date:
        """The day of the move."""

    @property
    def from_status(self) -> CaseStatus:
        """The status the case left."""

    @property
    def to_status(self) -> CaseStatus:
        """The status the case moved to."""


class ClosureLike(Protocol):
    """How a case was closed: only the date is read."""

    @property
    def closed_on(self) -> date:
        """The day the case was closed."""


class GoalLike(Protocol):
    """A case goal with its FHIR statuses."""

    @property
    def id(self) -> str:
        """The goal's id (unique within its case)."""

    @property
    def lifecycle_status(self) -> GoalLifecycleStatus:
        """FHIR lifecycleStatus."""

    @property
    def achievement_status(self) -> GoalAchievementStatus | None:
        """FHIR achievementStatus, ``None`` until assessed."""


class CaseLike(Protocol):
    """A case: its worker, opening date, status, history, closure and goals.

    Whether a case was open on a day is read from ``opened_on``, the dated
    ``history`` and, for a case closed without a history, ``closure``;
    never from the current ``status``.
    """

    @property
    def id(self) -> str:
        """The case's id."""

    @property
    def worker_id(self) -> str:
        """The social worker in charge."""

    @property
    def opened_on(self) -> date:
        """The intake date."""

    @property
    def status(self) -> CaseStatus:
        """The current status."""

    @property
    def history(self) -> Sequence[StatusChangeLike]:
        """Status changes in date order."""

    @property
    def closure(self) -> ClosureLike | None:
        """The closure of a closed case, ``None`` while it is open."""

    @property
    def goals(self) -> Sequence[GoalLike]:
        """Goals agreed with the client."""


class SessionLike(Protocol):
    """A group session: its date and who attended."""

    @property
    def on(self) -> date:
        """The day of the session."""

    @property
    def attended(self) -> Sequence[str]:
        """Ids of the members who attended."""


class GroupLike(Protocol):
    """A group with its sessions and its members over time."""

    @property
    def id(self) -> str:
        """The group's id."""

    @property
    def sessions(self) -> Sequence[SessionLike]:
        """The group's sessions."""

    def members_on(self, day: date, /) -> Sequence[object]:
        """The members who belong to the group on ``day``."""


class VolunteerLike(Protocol):
    """A volunteer and the station's 1–5 evaluation of them."""

    @property
    def id(self) -> str:
        """The volunteer's id."""

    @property
    def evaluation(self) -> int | None:
        """The 1–5 evaluation, ``None`` until evaluated."""


class ServiceHoursLike(Protocol):
    """Hours one volunteer served on one day."""

    @property
    def volunteer_id(self) -> str:
        """The volunteer."""

    @property
    def on(self) -> date:
        """The day served."""

    @property
    def hours(self) -> Decimal:
        """Hours served that day."""


class FileLike(Protocol):
    """A service file and whether it is complete."""

    @property
    def id(self) -> str:
        """The file's id."""

    @property
    def complete(self) -> bool:
        """Whether nothing is missing from the file."""


class DeliveryLike(Protocol):
    """A delivery of a resource and whether it matched the real need."""

    @property
    def resource_id(self) -> str:
        """The resource delivered."""

    @property
    def id(self) -> str:
        """The delivery's id."""

    @property
    def delivered_on(self) -> date:
        """The day of delivery."""

    @property
    def matched_need(self) -> bool | None:
        """Whether it met the real need; ``None`` until checked."""


class NeedLike(Protocol):
    """A need raised in the community and where it stands."""

    @property
    def id(self) -> str:
        """The need's id."""

    @property
    def raised_on(self) -> date:
        """The day the need was raised."""

    @property
    def status(self) -> NeedStatus:
        """Open, matched, met or withdrawn."""


class SurveyLike(Protocol):
    """A satisfaction survey: when, how many answered, how many were satisfied."""

    @property
    def conducted_on(self) -> date:
        """The day of the survey."""

    @property
    def respondents(self) -> int:
        """People who answered."""

    @property
    def satisfied(self) -> int:
        """Respondents who said they were satisfied."""

    @property
    def subject(self) -> SurveySubject:
        """Who the survey asked."""


class StaffLike(Protocol):
    """A member of staff: role, dates on staff and certification."""

    @property
    def id(self) -> str:
        """The staff member's id."""

    @property
    def role(self) -> StaffRole:
        """The role at the station."""

    @property
    def joined_on(self) -> date:
        """The first day on staff."""

    @property
    def left_on(self) -> date | None:
        """The day they left, if they did."""

    @property
    def certification(self) -> Certification:
        """The qualification held."""
