"""Helpers shared by the tests of the team room."""

from __future__ import annotations

from datetime import date

from socialwork.calendars import Frequency, Recurrence, Weekday
from socialwork.models import Period, Staff, StaffGrade, StaffRole
from socialwork.team import (
    RosterEntry,
    SupervisionForm,
    SupervisionFunction,
    SupervisionSession,
    SupervisionSource,
)

JUNE = Period.month(2025, 6)
END = date(2025, 6, 30)
TUESDAYS = Recurrence(frequency=Frequency.WEEKLY, weekdays=(Weekday.TUESDAY,))
"""June 2025's Tuesdays: the 3rd, 10th, 17th and 24th."""


def member(
    key: str,
    joined: date = date(2024, 1, 1),
    left: date | None = None,
    role: StaffRole = StaffRole.FULL_TIME,
    grade: StaffGrade = StaffGrade.JUNIOR,
) -> Staff:
    return Staff(id=key, name=f"社工{key}", role=role, grade=grade, joined_on=joined, left_on=left)


def weekly(key: str, supervisor: str, *supervisees: str) -> RosterEntry:
    return RosterEntry(
        id=key,
        source=SupervisionSource.INTERNAL,
        form=SupervisionForm.GROUP,
        supervisor_id=supervisor,
        supervisee_ids=supervisees,
        recurrence=TUESDAYS,
        start=date(2025, 1, 7),
    )


def session(
    key: str,
    on: date,
    supervisor: str | None,
    *supervisees: str,
    cases: tuple[str, ...] = (),
) -> SupervisionSession:
    external = supervisor is None
    return SupervisionSession.model_validate(
        {
            "id": key,
            "on": on,
            "minutes": 60,
            "form": "group" if len(supervisees) > 1 else "individual",
            "source": "external" if external else "internal",
            "functions": (SupervisionFunction.EDUCATIONAL,),
            "supervisor_id": supervisor,
            "external_supervisor": {"name": "林老师", "organisation": "某大学"}
            if external
            else None,
            "supervisee_ids": supervisees,
            "case_ids": cases,
        }
    )
