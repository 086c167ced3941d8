"""The station's people: staff (社工) and volunteers (志愿者) with their hours."""

from __future__ import annotations

from enum import Enum
from typing import Annotated, ClassVar, Self

from pydantic import BeforeValidator, Strict, model_validator

from socialwork.labels import LabelledEnum
from socialwork.records import (
    Day,
    Hours,
    Id,
    NotBefore,
    Record,
    Rule,
    Scale5,
    Text,
    break_rule,
    check_rules,
    personal,
)

__all__ = [
    "Certification",
    "CertificationChange",
    "GradeChange",
    "ServiceHours",
    "Staff",
    "StaffGrade",
    "StaffRole",
    "Volunteer",
]


class StaffRole(LabelledEnum):
    """A staff member's role at the station (岗位)."""

    FULL_TIME = "full_time", "专职社工", "Full-time social worker", "專職社工"
    INTERN = "intern", "实习社工", "Intern", "實習社工"
    SUPERVISOR = "supervisor", "督导", "Supervisor", "督導"
    PROJECT_LEAD = "project_lead", "项目负责人", "Project lead", "項目負責人"


class StaffGrade(LabelledEnum):
    """Rungs of the career ladder (职业晋升通道), lowest first."""

    JUNIOR = "junior", "初级社工", "Junior social worker", "初級社工"
    INTERMEDIATE = "intermediate", "中级社工", "Intermediate social worker", "中級社工"
    SENIOR = "senior", "高级社工", "Senior social worker", "高級社工"
    SUPERVISOR = "supervisor", "督导", "Supervisor", "督導"
    PROJECT_MANAGER = "project_manager", "项目主管", "Project manager", "項目主管"


class Certification(LabelledEnum):
    """National social-work qualification held (职业水平证书)."""

    NONE = "none", "未持证", "None", "未持證"
    ASSISTANT_SOCIAL_WORKER = (
        "assistant_social_worker",
        "助理社会工作师",
        "Assistant social worker",
        "助理社會工作師",
    )
    SOCIAL_WORKER = "social_worker", "社会工作师", "Social worker", "社會工作師"
    SENIOR_SOCIAL_WORKER = (
        "senior_social_worker",
        "高级社会工作师",
        "Senior social worker",
        "高級社會工作師",
    )


class Staff(Record):
    """A member of the station's staff, with a mentor (导师) and an A/B backup (AB角).

    Examples:
        >>> from datetime import date
        >>> s = Staff(id="s1", name="陈社工", role=StaffRole.FULL_TIME, grade=StaffGrade.JUNIOR,
        ...           joined_on=date(2024, 3, 1), mentor_id="s2", backup_id="s3")
        >>> s.grade.label(), s.certification.label("en")
        ('初级社工', 'None')
    """

    id: Id
    name: Text = personal()
    role: StaffRole
    grade: StaffGrade
    joined_on: Day
    left_on: Day | None = None
    certification: Certification = Certification.NONE
    mentor_id: Id | None = None
    backup_id: Id | None = None

    declared_rules: ClassVar[tuple[Rule, ...]] = (
        NotBefore("left_on", "joined_on", "end_before_start"),
    )
    """A member of staff does not leave before joining."""

    python_rule_fields: ClassVar[frozenset[str] | None] = frozenset({"mentor_id", "backup_id"})
    """The rule checked in Python reads the mentor and the backup (the staff member's
    own id): a row without them breaks none."""

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        check_rules(self, self.declared_rules)
        for field in ("mentor_id", "backup_id"):
            if getattr(self, field) == self.id:
                break_rule(
                    "Staff",
                    (field,),
                    "self_reference",
                    "{field} must name someone else; got the staff member's own id {ref}",
                    self.id,
                    field=field,
                    ref=self.id,
                )
        return self


def _code(value: object) -> object:
    """An enum member as its code, so a `StaffGrade` may name a rung."""
    return value.value if isinstance(value, Enum) else value


class GradeChange(Record):
    """A staff member's move onto a rung of the career ladder on a day (职级变动).

    ``grade`` is the code of a rung of the station's ladder: the codes of
    `StaffGrade` (``junior`` to ``project_manager``) for the usual ladder
    初级社工-中级社工-高级社工-督导-项目主管, or the station's own codes
    (`socialwork.team.Ladder`). A worker's history starts with the rung they
    joined on; a promotion is a change to a higher rung.

    Examples:
        >>> from datetime import date
        >>> GradeChange(staff_id="s3", on=date(2025, 6, 16), grade=StaffGrade.SENIOR).grade
        'senior'
    """

    staff_id: Id
    on: Day
    grade: Annotated[Id, BeforeValidator(_code)]


class CertificationChange(Record):
    """A qualification a staff member obtained on a day (取得职业水平证书).

    Examples:
        >>> from datetime import date
        >>> c = CertificationChange(staff_id="s6", on=date(2025, 6, 20),
        ...                         certification=Certification.ASSISTANT_SOCIAL_WORKER)
        >>> c.certification.label()
        '助理社会工作师'
    """

    staff_id: Id
    on: Day
    certification: Certification


class Volunteer(Record):
    """A volunteer (志愿者).

    ``evaluation`` is the station's 1–5 rating of the volunteer's service,
    used with hours for star ratings (星级志愿者).

    Examples:
        >>> from datetime import date
        >>> Volunteer(id="vol1", name="小李", joined_on=date(2025, 6, 2), trained=True).trained
        True
    """

    id: Id
    name: Text = personal()
    joined_on: Day
    trained: Annotated[bool, Strict()] = False
    skills: tuple[Text, ...] = ()
    evaluation: Scale5 | None = None
    phone: Text | None = personal(default=None)


class ServiceHours(Record):
    """Hours a volunteer served on one day (服务时长).

    Examples:
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> ServiceHours(volunteer_id="vol1", on=date(2025, 6, 14), hours=Decimal("3.5")).hours
        Decimal('3.5')
    """

    volunteer_id: Id
    on: Day
    hours: Hours
    activity_id: Id | None = None
    task: Text | None = None
