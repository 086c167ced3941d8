"""Tests of socialwork.metrics.services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import pytest

from socialwork.errors import (
    ArgumentError,
    UnknownCodeError,
)
from socialwork.metrics import ExclusionReason, membership_growth, services, volunteer_stars
from socialwork.metrics.casework import goal_attainment, key_group_coverage, mean_caseload
from socialwork.metrics.services import (
    certification_rate,
    file_completeness,
    group_attendance,
    need_satisfaction,
    resource_match_accuracy,
    staff_turnover,
    survey_satisfaction,
    volunteer_hours,
)
from socialwork.models import (
    Case,
    Client,
    ClientCategory,
    ContactMode,
    Goal,
    GoalAchievementStatus,
    GoalLifecycleStatus,
    Group,
    GroupKind,
    GroupMember,
    GroupSession,
    Need,
    NeedDomain,
    NeedStatus,
    Period,
    ResourceDelivery,
    SatisfactionSurvey,
    ServiceHours,
    Staff,
    StaffGrade,
    StaffRole,
    SurveySubject,
    Visit,
    Volunteer,
)
from socialwork.records import replace
from tests.metrics.support import END, JUNE, JUNE_PERIOD, MAY, P, member
from tests.strategies import METRIC_MONTH


def test_satisfaction_of_the_seed() -> None:
    # 60 of 65 valid responses = 92.3% in June; 55 of 63 = 87.3% in May.
    assert str(survey_satisfaction(JUNE.surveys, JUNE.period)) == "92.3% (60/65)"
    assert str(survey_satisfaction(MAY.surveys, MAY.period)) == "87.3% (55/63)"
    assert survey_satisfaction(JUNE.surveys, MAY.period).value is None


def test_groups_of_the_seed() -> None:
    sunset = JUNE.groups[0]
    # Sessions: 9 of 10, 9 of 10, 13 of 15, 14 of 15 = 45 of 50 expected members.
    assert str(group_attendance([sunset], JUNE.period)) == "90.0% (45/50)"
    growth = membership_growth(sunset, JUNE.period)
    assert (growth.at_start, growth.at_end, growth.change) == (8, 15, 7)
    # All three groups: 45 + (10+9+10+9) + (18+16) = 117 of 50 + 40 + 40 = 130.
    assert str(group_attendance(JUNE.groups, JUNE.period)) == "90.0% (117/130)"


def test_files_resources_needs_of_the_seed() -> None:
    assert str(file_completeness(JUNE.files)) == "84.4% (27/32)"
    assert str(resource_match_accuracy(JUNE.deliveries, JUNE.period)) == "70.0% (7/10)"
    assert str(need_satisfaction(JUNE.needs, JUNE.period)) == "53.6% (15/28)"


def test_unchecked_deliveries_and_withdrawn_needs_are_excluded_and_listed() -> None:
    unchecked = ResourceDelivery(
        id="d99", resource_id="r1", recipient_id="m1", delivered_on=date(2025, 6, 20)
    )
    accuracy = resource_match_accuracy((*JUNE.deliveries, unchecked), JUNE.period)
    assert (accuracy.numerator, accuracy.denominator) == (7, 10)
    assert [(e.record_id, e.reason) for e in accuracy.exclusions] == [
        ("d99", ExclusionReason.UNCHECKED)
    ]
    withdrawn = Need(
        id="w99",
        community_id="c1",
        domain=NeedDomain.ELDERLY_CARE,
        description="陪同就医",
        raised_on=date(2025, 6, 21),
        raised_by="居民99",
        status=NeedStatus.WITHDRAWN,
    )
    met = need_satisfaction((*JUNE.needs, withdrawn), JUNE.period)
    assert (met.numerator, met.denominator) == (15, 28)
    assert [e.record_id for e in met.exclusions] == ["w99"]


def test_staff_turnover_counts_leavers_among_the_staff_on_the_first_day() -> None:
    def member(key: str, joined: date, left: date | None) -> Staff:
        return Staff(
            id=key,
            name=key,
            role=StaffRole.FULL_TIME,
            grade=StaffGrade.JUNIOR,
            joined_on=joined,
            left_on=left,
        )

    staff = [
        member("a", date(2024, 1, 1), None),
        member("b", date(2024, 1, 1), date(2025, 6, 10)),  # left in June
        member("c", date(2024, 1, 1), date(2025, 5, 10)),  # left before June
        member("d", date(2025, 6, 5), date(2025, 6, 20)),  # joined and left in June
    ]
    assert str(staff_turnover(staff, METRIC_MONTH)) == "50.0% (1/2)"


def test_goal_attainment_and_volunteers_of_the_seed() -> None:
    # Goals: improving, in progress, achieved, improving, no change: 1 attained of 5.
    assert str(goal_attainment(JUNE.cases)) == "20.0% (1/5)"
    # 10 volunteers x (4 + 3) hours + 5 x 6 hours = 100 hours.
    assert volunteer_hours(JUNE.service_hours, JUNE.period) == Decimal(100)
    assert set(volunteer_stars(JUNE.volunteers, JUNE.service_hours, as_of=END).values()) == {0}


def delivery(key: str, on: date, matched: bool | None) -> ResourceDelivery:
    return ResourceDelivery(
        id=key, resource_id="r1", recipient_id="m1", delivered_on=on, matched_need=matched
    )


def need(key: str, on: date, status: NeedStatus) -> Need:
    resolved = date(2025, 7, 31) if status in (NeedStatus.MET, NeedStatus.WITHDRAWN) else None
    return Need(
        id=key,
        community_id="c1",
        domain=NeedDomain.ELDERLY_CARE,
        description="陪同就医",
        raised_on=on,
        raised_by="居民",
        status=status,
        resolved_on=resolved,
    )


def session(on: date, attended: tuple[str, ...]) -> GroupSession:
    return GroupSession(on=on, attended=attended)


def test_volunteer_star_thresholds_must_rise() -> None:
    with pytest.raises(ArgumentError) as info:
        volunteer_stars([], [], as_of=date(2025, 6, 30), thresholds=(100, 100, 300))
    assert (info.value.parameter, info.value.value) == ("thresholds", (100, 100, 300))
    assert info.value.expected == "hours rising strictly, such as (100, 300, 600)"
    with pytest.raises(ArgumentError) as negative:
        volunteer_stars([], [], as_of=date(2025, 6, 30), thresholds=(-1, 100))
    assert (negative.value.parameter, negative.value.value) == ("thresholds", -1)


def test_staff_turnover_counts_a_departure_on_the_first_day() -> None:
    staff = [
        member("a", date(2024, 1, 1), None),
        member("b", date(2024, 1, 1), date(2025, 6, 1)),  # gone on 1 June: a June departure
        member("c", date(2024, 1, 1), date(2025, 6, 30)),  # gone on the last day of June
        member("d", date(2024, 1, 1), date(2025, 5, 31)),  # gone on 31 May: a May departure
        member("e", date(2025, 6, 1), date(2025, 6, 1)),  # joined and left on 1 June
        member("f", date(2025, 6, 2), None),  # joined during June: not counted
    ]
    # June: at the start a, b, c, e (4); b, c, e left in June: 3 of 4.
    assert str(staff_turnover(staff, JUNE_PERIOD)) == "75.0% (3/4)"
    # May: a, b, c, d at the start; only d left in May: 1 of 4.
    assert str(staff_turnover(staff, Period.month(2025, 5))) == "25.0% (1/4)"
    # July: a and f at the start; nobody left.
    assert str(staff_turnover(staff, Period.month(2025, 7))) == "0.0% (0/2)"


def test_staff_on_staff_on_a_day_for_caseload_and_certification() -> None:
    staff = [
        member("a", date(2025, 6, 10), None),
        member("b", date(2024, 1, 1), date(2025, 6, 10)),
        member("i", date(2024, 1, 1), None, StaffRole.INTERN),
    ]
    one = [Case(id="k1", client_id="p1", worker_id="a", opened_on=date(2025, 6, 1))]
    # On 9 June only b is on staff; on 10 June only a (b left that day); the intern never counts.
    assert mean_caseload(one, staff, as_of=date(2025, 6, 9)) == 1.0
    assert mean_caseload(one, staff, as_of=date(2025, 6, 10)) == 1.0
    assert mean_caseload(one, staff[2:], as_of=date(2025, 6, 10)) is None
    assert [e.record_id for e in certification_rate(staff, as_of=date(2025, 6, 9)).exclusions] == [
        "i"
    ]
    assert str(certification_rate(staff, as_of=date(2025, 6, 9))) == "100.0% (1/1)"
    assert str(certification_rate(staff, as_of=date(2025, 5, 31))) == "100.0% (1/1)"
    assert certification_rate(staff, as_of=date(2025, 6, 10)).denominator == 1


def test_resource_match_accuracy_counts_the_period_only() -> None:
    deliveries = [
        delivery("d0", date(2025, 5, 31), True),  # the day before: out
        delivery("d1", date(2025, 6, 1), True),  # first day: in
        delivery("d2", date(2025, 6, 30), False),  # last day: in
        delivery("d3", date(2025, 7, 1), True),  # the day after: out
        delivery("d4", date(2025, 6, 15), None),  # in, unchecked: excluded and listed
        delivery("d5", date(2025, 7, 2), None),  # out, unchecked: not listed
    ]
    accuracy = resource_match_accuracy(deliveries, JUNE_PERIOD)
    assert str(accuracy) == "50.0% (1/2)"
    assert [e.record_id for e in accuracy.exclusions] == ["d4"]


def test_need_satisfaction_counts_the_needs_raised_in_the_period_only() -> None:
    needs = [
        need("n0", date(2025, 5, 31), NeedStatus.MET),  # raised before: out
        need("n1", date(2025, 6, 1), NeedStatus.MET),  # first day: in, met
        need("n2", date(2025, 6, 30), NeedStatus.OPEN),  # last day: in, not met
        need("n3", date(2025, 7, 1), NeedStatus.MET),  # raised after: out
        need("n4", date(2025, 6, 10), NeedStatus.WITHDRAWN),  # in, withdrawn: listed
        need("n5", date(2025, 5, 10), NeedStatus.WITHDRAWN),  # out: not listed
    ]
    met = need_satisfaction(needs, JUNE_PERIOD)
    assert str(met) == "50.0% (1/2)"
    assert [e.record_id for e in met.exclusions] == ["n4"]


@pytest.mark.parametrize(
    ("hours", "evaluation", "stars"),
    [
        ("99.5", 5, 0),
        ("100", 5, 1),
        ("299.5", 5, 1),
        ("300", 5, 2),
        ("600", 5, 3),
        ("1000", 5, 4),
        ("1499.5", 5, 4),
        ("1500", 5, 5),
        ("5000", 5, 5),
        ("1500", 3, 5),  # 3 of 5 still earns stars
        ("1500", 2, 0),  # 2 of 5 does not
        ("1500", None, 0),  # not evaluated: none
    ],
)
def test_star_thresholds(hours: str, evaluation: int | None, stars: int) -> None:
    volunteer = Volunteer(id="v1", name="王阿姨", joined_on=date(2020, 1, 1), evaluation=evaluation)
    total = Decimal(hours)
    days = []
    on = date(2021, 1, 1)
    while total > 0:  # at most 20 hours a day
        served = min(total, Decimal(20))
        days.append(ServiceHours(volunteer_id="v1", on=on, hours=served))
        total -= served
        on += timedelta(days=1)
    as_of = on - timedelta(days=1)  # the last day served counts
    assert volunteer_stars([volunteer], days, as_of=as_of) == {"v1": stars}


def test_hours_after_as_of_do_not_count_for_stars() -> None:
    volunteer = Volunteer(id="v1", name="王阿姨", joined_on=date(2020, 1, 1), evaluation=4)
    hours = [
        ServiceHours(volunteer_id="v1", on=date(2025, 6, day), hours=Decimal(20))
        for day in (1, 2, 3, 4, 5)
    ]  # 100 hours by 5 June
    assert volunteer_stars([volunteer], hours, as_of=date(2025, 6, 5)) == {"v1": 1}
    assert volunteer_stars([volunteer], hours, as_of=date(2025, 6, 4)) == {"v1": 0}


def test_dated_records_count_on_the_first_and_last_day_only_within_the_period() -> None:
    days = (date(2025, 5, 31), date(2025, 6, 1), date(2025, 6, 30), date(2025, 7, 1))
    group = Group(
        id="g1",
        name="夕阳红",
        kind=GroupKind.MUTUAL_AID,
        community_id="c1",
        started_on=date(2025, 5, 1),
        members=(GroupMember(member_id="p1", joined_on=date(2025, 5, 1)),),
        sessions=tuple(session(day, ("p1",) if day.month == 6 else ()) for day in days),
    )
    # Two June sessions, p1 at both: 2 of 2; the May and July sessions (nobody came) are out.
    assert str(group_attendance([group], JUNE_PERIOD)) == "100.0% (2/2)"
    growth = membership_growth(group, JUNE_PERIOD)
    assert (growth.group_id, growth.at_start, growth.at_end) == ("g1", 1, 1)
    hours = [
        ServiceHours(volunteer_id="v1", on=day, hours=Decimal(n + 1)) for n, day in enumerate(days)
    ]
    # June 1 (2 hours) and June 30 (3 hours).
    assert volunteer_hours(hours, JUNE_PERIOD) == Decimal(5)
    empty = volunteer_hours([], JUNE_PERIOD)
    assert (empty, type(empty)) == (Decimal(0), Decimal)
    surveys = [
        SatisfactionSurvey(
            id=f"s{n}", population="重点人群", conducted_on=day, respondents=10, satisfied=n
        )
        for n, day in enumerate(days)
    ]
    # June 1 (1 of 10) and June 30 (2 of 10).
    assert str(survey_satisfaction(surveys, JUNE_PERIOD)) == "15.0% (3/20)"
    clients = [
        Client(
            id=f"p{n}",
            name=f"对象{n}",
            community_id="c1",
            registered_on=date(2025, 1, 1),
            categories=(ClientCategory.LIVING_ALONE_ELDERLY,),
        )
        for n in range(4)
    ]
    visits = [
        Visit(id=f"v{n}", client_id=f"p{n}", on=day, mode=ContactMode.HOME_VISIT, worker_id="s1")
        for n, day in enumerate(days)
    ]
    # p1 (1 June) and p2 (30 June) of four: 50%.
    assert str(key_group_coverage(clients, visits, JUNE_PERIOD)) == "50.0% (2/4)"


def test_exclusions_are_listed_in_id_order() -> None:
    deliveries = [delivery(key, date(2025, 6, 10), None) for key in ("d9", "d2", "d5")]
    assert [e.record_id for e in resource_match_accuracy(deliveries, JUNE_PERIOD).exclusions] == [
        "d2",
        "d5",
        "d9",
    ]
    needs = [need(key, date(2025, 6, 10), NeedStatus.WITHDRAWN) for key in ("n9", "n2", "n5")]
    assert [e.record_id for e in need_satisfaction(needs, JUNE_PERIOD).exclusions] == [
        "n2",
        "n5",
        "n9",
    ]
    goals = (
        Goal(id="g2", description="d", target="t", lifecycle_status=GoalLifecycleStatus.CANCELLED),
        Goal(id="g1", description="d", target="t"),
        Goal(
            id="g3",
            description="d",
            target="t",
            lifecycle_status=GoalLifecycleStatus.ACTIVE,
            achievement_status=GoalAchievementStatus.ACHIEVED,
        ),
    )
    case = Case(id="k1", client_id="p1", worker_id="s1", opened_on=date(2025, 6, 1), goals=goals)
    attained = goal_attainment([case])
    assert str(attained) == "100.0% (1/1)"
    assert [(e.record_id, e.reason) for e in attained.exclusions] == [
        ("k1/g1", ExclusionReason.GOAL_NOT_ASSESSED),
        ("k1/g2", ExclusionReason.GOAL_VOID),
    ]


@dataclass(frozen=True)
class _Survey:
    conducted_on: date
    respondents: int
    satisfied: int
    subject: SurveySubject = SurveySubject.CLIENTS


def test_survey_satisfaction_counts_both_ends_of_the_period() -> None:
    june = Period.month(2025, 6)
    surveys = [
        _Survey(date(2025, 5, 31), 100, 1),
        _Survey(date(2025, 6, 1), 10, 9),
        _Survey(date(2025, 6, 30), 20, 15),
        _Survey(date(2025, 7, 1), 100, 2),
        _Survey(date(2025, 6, 15), 40, 38, SurveySubject.GROUP_MEMBERS),
    ]
    # Only the clients' surveys of 1 and 30 June: (9 + 15) / (10 + 20) = 24/30 = 80%.
    assert str(survey_satisfaction(surveys, june)) == "80.0% (24/30)"
    # The group members' survey is its own indicator: 38/40 = 95%.
    assert str(survey_satisfaction(surveys, june, "group_members")) == "95.0% (38/40)"
    assert str(survey_satisfaction(surveys, june, SurveySubject.VOLUNTEERS)) == "n/a"


def test_group_attendance_counts_a_session_on_a_one_day_period() -> None:
    group = JUNE.groups[0]
    day = group.sessions[0].on
    # A one-day period: the session is on its first and its last day; 9 of 10 members came.
    one_day = Period(start=day, end=day)
    got = group_attendance([group.model_copy(update={"sessions": group.sessions[:1]})], one_day)
    assert (got.numerator, got.denominator) == (9, len(group.members_on(day)))


def test_membership_growth_keeps_the_group_id() -> None:
    assert membership_growth(JUNE.groups[0], JUNE.period).group_id == JUNE.groups[0].id


def test_volunteer_hours_both_ends_and_decimal_zero() -> None:
    hours = [
        ServiceHours(volunteer_id="v1", on=P.start, hours=Decimal(2)),
        ServiceHours(volunteer_id="v1", on=P.end, hours=Decimal(3)),
    ]
    assert volunteer_hours(hours, P) == Decimal(5)
    total = volunteer_hours([], P)
    assert isinstance(total, Decimal)
    assert total == Decimal(0)


def test_volunteer_stars_messages() -> None:
    with pytest.raises(ArgumentError, match=r"^thresholds must be "):
        volunteer_stars([], [], as_of=date(2025, 1, 1), thresholds=(-1,))
    with pytest.raises(ArgumentError) as caught:
        volunteer_stars([], [], as_of=date(2025, 1, 1), thresholds=(300, 100))
    assert str(caught.value) == (
        "thresholds must be hours rising strictly, such as (100, 300, 600); got (300, 100)"
    )


def test_exclusions_sorted_by_record_id() -> None:
    d = JUNE.deliveries[0]
    deliveries = [
        d.model_copy(update={"id": "d9", "matched_need": None}),
        d.model_copy(update={"id": "d1", "matched_need": None}),
    ]
    assert [e.record_id for e in resource_match_accuracy(deliveries, P).exclusions] == [
        "d1",
        "d9",
    ]
    n = JUNE.needs[0]
    needs = [
        n.model_copy(update={"id": "w9", "status": "withdrawn"}),
        n.model_copy(update={"id": "w1", "status": "withdrawn"}),
    ]
    needs = [x.model_validate(x.model_dump()) for x in needs]
    assert [e.record_id for e in need_satisfaction(needs, P).exclusions] == ["w1", "w9"]


def test_resource_utilisation_counts_the_period_s_both_ends_and_lists_the_unusable_by_id() -> None:
    from socialwork.models import Availability, Resource

    june = Period.month(2025, 6)

    def resource(key: str, availability: Availability) -> Resource:
        return replace(JUNE.resources[0], id=key, availability=availability)

    def delivery(key: str, on: date) -> ResourceDelivery:
        return replace(JUNE.deliveries[0], id=f"d-{key}-{on}", resource_id=key, delivered_on=on)

    resources = [
        resource("r9", Availability.UNUSABLE),
        resource("r1", Availability.USABLE),
        resource("r2", Availability.USABLE),
        resource("r3", Availability.USABLE),
        resource("r0", Availability.UNUSABLE),
    ]
    deliveries = [
        delivery("r1", date(2025, 6, 1)),
        delivery("r2", date(2025, 6, 30)),
        delivery("r3", date(2025, 7, 1)),
    ]
    utilised = services.resource_utilisation(resources, deliveries, june)
    assert (utilised.numerator, utilised.denominator) == (2, 3)  # r1 and r2 of r1, r2, r3
    assert [e.record_id for e in utilised.exclusions] == ["r0", "r9"]
    with pytest.raises(TypeError, match=r"^period must be a Period"):
        services.resource_utilisation(resources, deliveries, "2025-06")  # type: ignore[arg-type]


def test_survey_satisfaction_names_an_unknown_subject() -> None:
    with pytest.raises(UnknownCodeError) as info:
        services.survey_satisfaction(JUNE.surveys, JUNE.period, "staff")
    assert info.value.parameter == "subject"
