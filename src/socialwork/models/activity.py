"""Community activities (社区活动) and satisfaction surveys."""

from __future__ import annotations

from typing import ClassVar, Self

from pydantic import model_validator

from socialwork.labels import LabelledEnum
from socialwork.records import Count, Day, Id, Record, Text, check_part

__all__ = [
    "Activity",
    "ActivityKind",
    "SatisfactionSurvey",
    "ServiceDelivered",
    "SurveySubject",
]


class ActivityKind(LabelledEnum):
    """Kinds of community activity (活动类型)."""

    LECTURE = "lecture", "讲座", "Lecture", "講座"
    FREE_CLINIC = "free_clinic", "义诊", "Free clinic", "義診"
    LEGAL_ADVICE = "legal_advice", "法律咨询", "Legal advice", "法律諮詢"
    FESTIVAL = "festival", "节庆活动", "Festival", "節慶活動"
    PUBLIC_EDUCATION = "public_education", "宣传教育", "Public education", "宣傳教育"
    VOLUNTEER_SERVICE = "volunteer_service", "志愿服务", "Volunteer service", "志願服務"
    CULTURAL = "cultural", "文体活动", "Cultural or sports event", "文體活動"
    OTHER = "other", "其他", "Other", "其他"


class ServiceDelivered(Record):
    """A service delivered at an activity and how many times (e.g. 50 blood-pressure checks).

    Examples:
        >>> ServiceDelivered(service="测血压", count=50).count
        50
    """

    service: Text
    count: Count


class SurveySubject(LabelledEnum):
    """Who a satisfaction survey asked (调查对象)."""

    CLIENTS = "clients", "服务对象", "Clients", "服務對象"
    GROUP_MEMBERS = "group_members", "小组成员", "Group members", "小組成員"
    VOLUNTEERS = "volunteers", "志愿者", "Volunteers", "志願者"
    RESIDENTS = "residents", "居民", "Residents", "居民"


class SatisfactionSurvey(Record):
    """A satisfaction survey (满意度调查): respondents and those satisfied.

    ``subject`` says who was asked (the station's clients unless given):
    the client, group and volunteer satisfaction indicators each read their
    own surveys.

    Examples:
        >>> from datetime import date
        >>> s = SatisfactionSurvey(id="q1", population="重点人群", conducted_on=date(2025, 6, 28),
        ...                        respondents=50, satisfied=46)
        >>> s.satisfied, s.respondents
        (46, 50)
    """

    id: Id
    population: Text
    conducted_on: Day
    respondents: Count
    satisfied: Count
    population_size: Count | None = None
    subject: SurveySubject = SurveySubject.CLIENTS

    @model_validator(mode="after")
    def _counts_nested(self) -> Self:
        check_part(
            "SatisfactionSurvey",
            ("satisfied",),
            "satisfied",
            self.satisfied,
            "respondents",
            self.respondents,
        )
        if self.population_size is not None:
            check_part(
                "SatisfactionSurvey",
                ("respondents",),
                "respondents",
                self.respondents,
                "population_size",
                self.population_size,
            )
        return self


class Activity(Record):
    """A community activity (社区活动) with its participants and services.

    A service may not be delivered more times than there were participants.

    Examples:
        >>> from datetime import date
        >>> day = Activity(id="a1", name="邻里互助日", kind=ActivityKind.FESTIVAL,
        ...                on=date(2025, 6, 14), place="社区广场", community_id="c1",
        ...                participants=200,
        ...                services=(ServiceDelivered(service="测血压", count=50),))
        >>> day.participants, day.services[0].count
        (200, 50)
    """

    id: Id
    name: Text
    kind: ActivityKind
    on: Day
    place: Text
    community_id: Id
    participants: Count
    services: tuple[ServiceDelivered, ...] = ()
    survey: SatisfactionSurvey | None = None

    python_rule_fields: ClassVar[frozenset[str] | None] = frozenset({"services", "survey"})
    """The rules checked in Python read the services and the survey (their counts
    above the participants): a row without them breaks none."""

    @model_validator(mode="after")
    def _services_within_participants(self) -> Self:
        for index, service in enumerate(self.services):
            check_part(
                "Activity",
                ("services", index, "count"),
                f"{service.service} delivered",
                service.count,
                "participants",
                self.participants,
            )
        if self.survey is not None:
            check_part(
                "Activity",
                ("survey", "respondents"),
                "survey respondents",
                self.survey.respondents,
                "participants",
                self.participants,
            )
        return self
