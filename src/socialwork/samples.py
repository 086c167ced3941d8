"""Built-in sample data: the station of a social-work station's monthly summary.

Everything is built in code and is the same on every call: no files, no
randomness. The month is June 2025 (the source report leaves the year and
month blank); its figures are those of the report:

* 6 full-time social workers and 2 interns serving 5 communities;
* 60 key-group clients (20 living-alone elderly, 15 children in difficulty,
  12 persons with disabilities, 13 on minimum livelihood), 51 of them
  visited in the month (85% coverage), in 65 visits
  (23 + 15 + 12 + 15 by group);
* 60 home visits planned (15 a week, the report's figure, for 4 weeks), of
  which 56 were made (the other 9 of the 65 visits were phone calls);
* 8 cases, 5 of which reached intervention and 3 of those clearly improved;
* 3 groups: 夕阳红 (8 members on the 1st, 15 at month end, 45 of 50
  expected attendances = 90%), 阳光少年 (10 children), 邻里互助 (20 households);
* the 邻里互助日 activity: 210 participants, 50 blood-pressure checks;
* 15 new volunteers (3 untrained) serving 100 hours;
* goods worth 5000 yuan from a charity supermarket for 10 households, 3 of
  which did not match the household's real need;
* 28 micro-wishes, 15 met on the spot;
* 32 service files, 5 incomplete;
* a satisfaction survey of key groups: 46 of 50 satisfied (92%); the previous
  month's (`station_previous_month`) had 87 of 100 (87%).

The previous month, May 2025, holds only what the report compares against:
the same station and clients, 48 of the 60 clients visited once (80%
coverage; 16 + 12 + 10 + 10 by group) and the May survey.

Examples:
    >>> records = station_month()
    >>> records.period.start.isoformat(), len(records.station.staff)
    ('2025-06-01', 8)
    >>> station_month() == records
    True
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from socialwork.models import (
    Activity,
    ActivityKind,
    Assessment,
    AssessmentMethod,
    Availability,
    BradshawEvidence,
    Budget,
    BudgetLine,
    Case,
    CaseStatus,
    Certification,
    Client,
    ClientCategory,
    Community,
    Consent,
    ConsentScope,
    ContactMode,
    Evidence,
    FileKind,
    FundingSource,
    Goal,
    GoalAchievementStatus,
    GoalLifecycleStatus,
    Group,
    GroupKind,
    GroupMember,
    GroupSession,
    Household,
    LocalUnit,
    LocalUnitKind,
    Need,
    NeedDomain,
    NeedStatus,
    Period,
    PopulationStructure,
    ProfileAspect,
    ProfileFact,
    Resource,
    ResourceDelivery,
    ResourceKind,
    ResourceSource,
    SatisfactionSurvey,
    ServiceDelivered,
    ServiceFile,
    ServiceHours,
    SourceChannel,
    Staff,
    StaffGrade,
    StaffRole,
    Station,
    StationRecords,
    StatusChange,
    Visit,
    Volunteer,
)

__all__ = ["station_month", "station_previous_month"]

JUNE = Period(start=date(2025, 6, 1), end=date(2025, 6, 30))
MAY = Period(start=date(2025, 5, 1), end=date(2025, 5, 31))

_COMMUNITY_NAMES = ("幸福社区", "和平社区", "阳光社区", "春晖社区", "新华社区")

# (prefix, category, registered, visited, extra visits on the first client's case)
_KEY_GROUPS = (
    ("e", ClientCategory.LIVING_ALONE_ELDERLY, 20, 17),
    ("ch", ClientCategory.CHILDREN_IN_DIFFICULTY, 15, 12),
    ("d", ClientCategory.PERSONS_WITH_DISABILITIES, 12, 10),
    ("m", ClientCategory.MINIMUM_LIVELIHOOD, 13, 12),
)
_NAMED = {"e1": "李大爷", "e2": "张爷爷", "ch1": "小张", "d1": "王阿姨", "m1": "王大爷"}


def _station() -> Station:
    communities = tuple(
        Community(
            id=f"c{n}",
            name=name,
            street="幸福街道",
            households=1200 + 100 * n,
            population=PopulationStructure(
                total=3500 + 200 * n, aged_60_plus=800 + 40 * n, aged_80_plus=120 + 5 * n
            ),
            facts=(
                ProfileFact(
                    aspect=ProfileAspect.POWER_STRUCTURE,
                    topic="居委会",
                    value="居委会委员7人",
                    channel=SourceChannel.RESIDENTS_COMMITTEE,
                ),
                ProfileFact(
                    aspect=ProfileAspect.POPULATION,
                    topic="常住人口",
                    value=f"{3500 + 200 * n}人",
                    channel=SourceChannel.DISTRICT_GOVERNMENT,
                ),
            ),
            local_units=(
                LocalUnit(id=f"c{n}-u1", name="社区卫生服务站", kind=LocalUnitKind.HEALTH_FACILITY),
                LocalUnit(id=f"c{n}-u2", name="辖区小学", kind=LocalUnitKind.SCHOOL),
            ),
        )
        for n, name in enumerate(_COMMUNITY_NAMES, start=1)
    )
    full_time = (
        ("s1", "周社工", StaffGrade.SUPERVISOR, Certification.SOCIAL_WORKER, None, "s2"),
        ("s2", "吴社工", StaffGrade.SENIOR, Certification.SOCIAL_WORKER, "s1", "s1"),
        (
            "s3",
            "郑社工",
            StaffGrade.INTERMEDIATE,
            Certification.ASSISTANT_SOCIAL_WORKER,
            "s2",
            "s4",
        ),
        (
            "s4",
            "冯社工",
            StaffGrade.INTERMEDIATE,
            Certification.ASSISTANT_SOCIAL_WORKER,
            "s2",
            "s3",
        ),
        ("s5", "陈社工", StaffGrade.JUNIOR, Certification.ASSISTANT_SOCIAL_WORKER, "s3", "s6"),
        ("s6", "褚社工", StaffGrade.JUNIOR, Certification.NONE, "s4", "s5"),
    )
    staff = tuple(
        Staff(
            id=i,
            name=name,
            role=StaffRole.FULL_TIME,
            grade=grade,
            certification=cert,
            joined_on=date(2023, 3, 1),
            mentor_id=mentor,
            backup_id=backup,
        )
        for i, name, grade, cert, mentor, backup in full_time
    ) + tuple(
        Staff(
            id=i,
            name=name,
            role=StaffRole.INTERN,
            grade=StaffGrade.JUNIOR,
            joined_on=date(2025, 3, 1),
            mentor_id="s2",
        )
        for i, name in (("s7", "卫同学"), ("s8", "蒋同学"))
    )
    return Station(id="st1", name="幸福街道社工站", communities=communities, staff=staff)


def _clients() -> tuple[Client, ...]:
    clients = []
    for prefix, category, registered, _visited in _KEY_GROUPS:
        for n in range(1, registered + 1):
            key = f"{prefix}{n}"
            clients.append(
                Client(
                    id=key,
                    name=_NAMED.get(key, f"{category.label()}{n:02d}"),
                    community_id=f"c{(n - 1) % 5 + 1}",
                    registered_on=date(2025, 1, 6),
                    categories=(category,),
                    consents=(
                        Consent(
                            id=f"{key}-k1", scope=ConsentScope.SERVICES, given_on=date(2025, 1, 6)
                        ),
                        Consent(
                            id=f"{key}-k2",
                            scope=ConsentScope.INFORMATION_SHARING,
                            given_on=date(2025, 1, 6),
                        ),
                    ),
                )
            )
    return tuple(clients)


# Case clients are visited weekly; everyone else visited this month once.
_CASE_VISITS = {"e1": 4, "e2": 4, "ch1": 4, "d1": 3, "m1": 4}
_CASE_OF = {"e1": "k1", "e2": "k2", "ch1": "k3", "d1": "k4", "m1": "k5"}


def _visits() -> tuple[Visit, ...]:
    visits: list[Visit] = []
    for prefix, _category, _registered, visited in _KEY_GROUPS:
        for n in range(1, visited + 1):
            key = f"{prefix}{n}"
            for week in range(_CASE_VISITS.get(key, 1)):
                visits.append(
                    Visit(
                        id=f"v{len(visits) + 1:03d}",
                        client_id=key,
                        case_id=_CASE_OF.get(key),
                        on=date(2025, 6, 3 + 7 * week + n % 3),
                        mode=ContactMode.HOME_VISIT if week % 2 == 0 else ContactMode.PHONE,
                        worker_id=f"s{(n - 1) % 6 + 1}",
                    )
                )
    return tuple(visits)


_PATH = (
    CaseStatus.INTAKE,
    CaseStatus.ASSESSMENT,
    CaseStatus.PLANNING,
    CaseStatus.INTERVENTION,
    CaseStatus.REVIEW,
)


def _history(days: tuple[date, ...]) -> tuple[StatusChange, ...]:
    """One move along intake → … → review for each date given."""
    return tuple(
        StatusChange(on=day, from_status=_PATH[i], to_status=_PATH[i + 1])
        for i, day in enumerate(days)
    )


def _case(
    key: str,
    client: str,
    worker: str,
    opened: date,
    moves: tuple[date, ...],
    achievement: GoalAchievementStatus | None,
) -> Case:
    assessed = moves[0] if moves else None
    return Case(
        id=key,
        client_id=client,
        worker_id=worker,
        opened_on=opened,
        status=_PATH[len(moves)],
        assessments=()
        if assessed is None
        else (
            Assessment(
                assessed_on=assessed,
                worker_id=worker,
                methods=(AssessmentMethod.INTERVIEW, AssessmentMethod.HOME_VISIT),
            ),
        ),
        goals=()
        if achievement is None
        else (
            Goal(
                id=f"{key}-g1",
                description="改善服务对象的主要问题",
                target="三个月内明显改善",
                lifecycle_status=GoalLifecycleStatus.ACTIVE,
                achievement_status=achievement,
                start_on=moves[2],
                due_on=date(2025, 9, 30),
            ),
        ),
        history=_history(moves),
    )


def _cases() -> tuple[Case, ...]:
    improving = GoalAchievementStatus.IMPROVING
    in_progress = GoalAchievementStatus.IN_PROGRESS
    april = (date(2025, 4, 9), date(2025, 4, 14), date(2025, 4, 21))
    may = (date(2025, 5, 8), date(2025, 5, 13), date(2025, 5, 20))
    return (
        _case("k1", "e1", "s1", date(2025, 4, 7), (*april, date(2025, 6, 24)), improving),
        _case("k2", "e2", "s2", date(2025, 5, 6), may, in_progress),
        _case("k3", "ch1", "s3", date(2025, 4, 7), april, GoalAchievementStatus.ACHIEVED),
        _case("k4", "d1", "s4", date(2025, 5, 6), (*may, date(2025, 6, 26)), improving),
        _case("k5", "m1", "s5", date(2025, 5, 6), may, GoalAchievementStatus.NO_CHANGE),
        _case("k6", "e18", "s6", date(2025, 6, 25), (), None),
        _case("k7", "ch13", "s3", date(2025, 6, 10), (date(2025, 6, 12),), None),
        _case("k8", "d11", "s4", date(2025, 6, 9), (date(2025, 6, 11), date(2025, 6, 18)), None),
    )


def _households() -> tuple[Household, ...]:
    return tuple(Household(id=f"h{n}", community_id="c2", members=2 + n % 3) for n in range(1, 21))


def _groups() -> tuple[Group, ...]:
    sunset_members = (
        tuple(GroupMember(member_id=f"e{n}", joined_on=date(2025, 5, 6)) for n in range(1, 9))
        + tuple(GroupMember(member_id=f"e{n}", joined_on=date(2025, 6, 2)) for n in (9, 10))
        + tuple(GroupMember(member_id=f"e{n}", joined_on=date(2025, 6, 15)) for n in range(11, 16))
    )

    def present(first: int, last: int, absent: tuple[int, ...]) -> tuple[str, ...]:
        return tuple(f"e{n}" for n in range(first, last + 1) if n not in absent)

    sunset = Group(
        id="g1",
        name="夕阳红老年互助小组",
        kind=GroupKind.MUTUAL_AID,
        community_id="c1",
        theme="健康与互助",
        facilitator_id="s1",
        started_on=date(2025, 5, 6),
        members=sunset_members,
        sessions=(
            GroupSession(on=date(2025, 6, 3), topic="健康讲座", attended=present(1, 10, (4,))),
            GroupSession(on=date(2025, 6, 10), topic="手工制作", attended=present(1, 10, (7,))),
            GroupSession(on=date(2025, 6, 17), topic="集体散步", attended=present(1, 15, (3, 12))),
            GroupSession(on=date(2025, 6, 24), topic="经验分享", attended=present(1, 15, (9,))),
        ),
    )
    children = tuple(f"ch{n}" for n in range(1, 11))
    sunshine = Group(
        id="g2",
        name="阳光少年儿童成长小组",
        kind=GroupKind.GROWTH,
        community_id="c3",
        theme="社交能力与自信",
        facilitator_id="s3",
        started_on=date(2025, 6, 7),
        members=tuple(GroupMember(member_id=c, joined_on=date(2025, 6, 7)) for c in children),
        sessions=tuple(
            GroupSession(on=date(2025, 6, day), attended=children[: 10 - i % 2])
            for i, day in enumerate((7, 14, 21, 28))
        ),
    )
    neighbours = Group(
        id="g3",
        name="邻里互助社区小组",
        kind=GroupKind.MUTUAL_AID,
        community_id="c2",
        theme="化解邻里矛盾",
        facilitator_id="s2",
        started_on=date(2025, 6, 8),
        members=tuple(
            GroupMember(member_id=f"h{n}", joined_on=date(2025, 6, 8)) for n in range(1, 21)
        ),
        sessions=(
            GroupSession(
                on=date(2025, 6, 8), topic="邻里聚餐", attended=tuple(f"h{n}" for n in range(1, 19))
            ),
            GroupSession(
                on=date(2025, 6, 22),
                topic="停车问题协商",
                attended=tuple(f"h{n}" for n in range(1, 17)),
            ),
        ),
    )
    return sunset, sunshine, neighbours


def _volunteers() -> tuple[tuple[Volunteer, ...], tuple[ServiceHours, ...]]:
    volunteers = tuple(
        Volunteer(
            id=f"vol{n:02d}",
            name=f"志愿者{n:02d}",
            joined_on=date(2025, 6, 2),
            trained=n <= 12,
            evaluation=4 if n <= 12 else 3,
        )
        for n in range(1, 16)
    )
    hours: list[ServiceHours] = []
    for n in range(1, 11):
        hours.append(
            ServiceHours(
                volunteer_id=f"vol{n:02d}", on=date(2025, 6, 14), hours=Decimal(4), task="家访陪同"
            )
        )
        hours.append(
            ServiceHours(
                volunteer_id=f"vol{n:02d}",
                on=date(2025, 6, 21),
                hours=Decimal(3),
                activity_id="a1",
                task="活动协助",
            )
        )
    for n in range(11, 16):
        hours.append(
            ServiceHours(
                volunteer_id=f"vol{n:02d}",
                on=date(2025, 6, 21),
                hours=Decimal(6),
                activity_id="a1",
                task="活动协助",
            )
        )
    return volunteers, tuple(hours)


def _resources() -> tuple[Resource, ...]:
    return (
        Resource(
            id="r1",
            name="爱心超市捐赠物资",
            kind=ResourceKind.MATERIAL,
            source=ResourceSource.ENTERPRISE,
            provider="爱心超市",
            items_offered=("食品", "日用品", "文具"),
            value_cny=Decimal(5000),
            availability=Availability.USABLE,
        ),
        Resource(
            id="r2",
            name="义务理发",
            kind=ResourceKind.HUMAN,
            source=ResourceSource.DONATION,
            provider="李师傅理发店",
            items_offered=("每月为5位老人免费理发",),
            availability=Availability.USABLE,
        ),
        Resource(
            id="r3",
            name="作业辅导小分队",
            kind=ResourceKind.HUMAN,
            source=ResourceSource.SOCIAL_ORGANISATION,
            provider="大学生志愿服务队",
            items_offered=("固定帮扶3户家庭的课业辅导",),
            availability=Availability.USABLE,
        ),
    )


def _deliveries() -> tuple[ResourceDelivery, ...]:
    mismatched = {1, 2, 3}
    return tuple(
        ResourceDelivery(
            id=f"d{n:02d}",
            resource_id="r1",
            recipient_id=f"m{n}",
            delivered_on=date(2025, 6, 18),
            items=("米", "油"),
            value_cny=Decimal(500),
            matched_need=n not in mismatched,
        )
        for n in range(1, 11)
    )


_WISHES = (
    ("老人理发", NeedDomain.ELDERLY_CARE),
    ("儿童课业辅导", NeedDomain.YOUTH_GROWTH),
    ("陪老人读报", NeedDomain.ELDERLY_CARE),
    ("维修老旧电器", NeedDomain.BASIC_LIVING),
)


def _needs() -> tuple[Need, ...]:
    wall = BradshawEvidence(expressed=Evidence(source="微心愿墙", detail="居民写下心愿"))
    needs = []
    for n in range(1, 29):
        description, domain = _WISHES[n % len(_WISHES)]
        met = n <= 15
        needs.append(
            Need(
                id=f"w{n:02d}",
                community_id="c1",
                domain=domain,
                description=description,
                raised_on=date(2025, 6, 21),
                raised_by=f"居民{n:02d}",
                evidence=wall,
                status=NeedStatus.MET if met else NeedStatus.OPEN,
                resolved_on=date(2025, 6, 21) if met else None,
                people_affected=1,
            )
        )
    return tuple(needs)


def _files() -> tuple[ServiceFile, ...]:
    cases = tuple(
        ServiceFile(
            id=f"f-k{n}",
            kind=FileKind.CASE_RECORD,
            subject_id=f"k{n}",
            missing_items=("关键干预细节",) if n in (2, 5) else (),
        )
        for n in range(1, 9)
    )
    groups = tuple(
        ServiceFile(id=f"f-g{n}", kind=FileKind.GROUP_SUMMARY, subject_id=f"g{n}")
        for n in range(1, 4)
    )
    activity = (ServiceFile(id="f-a1", kind=FileKind.ACTIVITY_RECORD, subject_id="a1"),)
    profiles = tuple(
        ServiceFile(
            id=f"f-e{n}",
            kind=FileKind.CLIENT_PROFILE,
            subject_id=f"e{n}",
            missing_items=("紧急联系人",) if n in (3, 6, 9) else (),
        )
        for n in range(1, 21)
    )
    return cases + groups + activity + profiles


def _budget() -> Budget:
    return Budget(
        funding_sources=(
            FundingSource(
                id="f1",
                name="街道购买社工服务",
                source=ResourceSource.GOVERNMENT_PURCHASE,
                amount_cny=Decimal(300000),
            ),
        ),
        lines=(
            BudgetLine(
                code="B1",
                description="人员经费",
                amount_cny=Decimal(240000),
                funding_source_id="f1",
            ),
            BudgetLine(
                code="B2", description="活动经费", amount_cny=Decimal(50000), funding_source_id="f1"
            ),
            BudgetLine(
                code="B3", description="备用金", amount_cny=Decimal(5000), funding_source_id="f1"
            ),
        ),
    )


def station_month() -> StationRecords:
    """Return the sample station's records for June 2025 (see the module docstring).

    Examples:
        >>> june = station_month()
        >>> len(june.station.communities), len(june.needs), len(june.files)
        (5, 28, 32)
    """
    volunteers, hours = _volunteers()
    return StationRecords(
        station=_station(),
        period=JUNE,
        clients=_clients(),
        households=_households(),
        cases=_cases(),
        visits=_visits(),
        groups=_groups(),
        activities=(
            Activity(
                id="a1",
                name="社区邻里互助日",
                kind=ActivityKind.FESTIVAL,
                on=date(2025, 6, 21),
                place="幸福社区广场",
                community_id="c1",
                participants=210,
                services=(
                    ServiceDelivered(service="免费测血压", count=50),
                    ServiceDelivered(service="法律咨询", count=18),
                ),
            ),
        ),
        volunteers=volunteers,
        service_hours=hours,
        resources=_resources(),
        deliveries=_deliveries(),
        needs=_needs(),
        files=_files(),
        surveys=(
            SatisfactionSurvey(
                id="q-2025-06",
                population="重点人群",
                conducted_on=date(2025, 6, 28),
                respondents=50,
                satisfied=46,
            ),
        ),
        budget=_budget(),
        home_visits_planned=60,
    )


# Clients visited in May, by key group, in the order of _KEY_GROUPS.
_MAY_VISITED = (16, 12, 10, 10)


def _may_visits() -> tuple[Visit, ...]:
    visits: list[Visit] = []
    for (prefix, _category, _registered, _visited), visited in zip(
        _KEY_GROUPS, _MAY_VISITED, strict=True
    ):
        for n in range(1, visited + 1):
            visits.append(
                Visit(
                    id=f"v-may-{len(visits) + 1:03d}",
                    client_id=f"{prefix}{n}",
                    on=date(2025, 5, 5 + n % 20),
                    mode=ContactMode.HOME_VISIT,
                    worker_id=f"s{(n - 1) % 6 + 1}",
                )
            )
    return tuple(visits)


def station_previous_month() -> StationRecords:
    """Return the sample station's records for May 2025, the month before.

    It holds what the report compares against: the same station and clients,
    48 of the 60 clients visited once (80% coverage), and May's satisfaction
    survey (87 of 100 satisfied).

    Examples:
        >>> may = station_previous_month()
        >>> may.period.end.isoformat(), may.surveys[0].satisfied, len(may.visits)
        ('2025-05-31', 87, 48)
    """
    return StationRecords(
        station=_station(),
        period=MAY,
        clients=_clients(),
        visits=_may_visits(),
        surveys=(
            SatisfactionSurvey(
                id="q-2025-05",
                population="重点人群",
                conducted_on=date(2025, 5, 28),
                respondents=100,
                satisfied=87,
            ),
        ),
    )
