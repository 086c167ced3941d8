"""Built-in sample data: the station of a social-work station's monthly summary.

Everything is built in code and is the same on every call: no files, no
randomness. The month is June 2025 (the source report leaves the year and
month blank); its figures are those of the report:

* 6 full-time social workers and 2 interns serving 5 communities;
* key-group coverage counts the people and households covered, not visits:
  23 living-alone elderly, 15 children in difficulty, 12 persons with
  disabilities and 15 minimum-livelihood households (a household, 低保户, is
  registered as one client, its head), 65 in all, of 76 registered key-group
  clients: 65/76 = 85.5%, the report's "85%" (76 is the one register size for
  which 65 covered reaches 85% and stays under 86%);
* the report's 28 living-alone elderly "not included in the service scope"
  are not on the station's register, so they are not in coverage's
  denominator: they are the gap that the report's identification rate
  (识别率, aimed at 90%) measures. The register holds 34 living-alone
  elderly, 11 of whom the workers could not visit this month. This is how
  the sample resolves the report's two figures, which cannot both describe
  one register: with the 28 in the denominator coverage could be at most
  65/93 = 69.9%, not 85%;
* one visit to each person or household covered (the report's 65
  person-visits, 走访服务对象65人次), plus the cases' follow-ups and a second
  home visit to 3 elderly with unstable blood pressure: 82 visits;
* home visits: 15 a week planned (60 for the month's 4 weeks), 8 a week made
  (32 = 53.3%), all to living-alone elderly; the other groups were met at
  the station or its activity centre, or by phone;
* 8 cases, 5 of which reached intervention and 3 of those clearly improved;
* 3 groups: 夕阳红 (8 members on the 1st, 15 at month end, 45 of 50
  expected attendances = 90%), 阳光少年 (10 children), 邻里互助 (20 households);
* the 邻里互助日 activity: 210 participants, 50 blood-pressure checks;
* 15 new volunteers (3 untrained) serving 100 hours;
* goods worth 5000 yuan from a charity supermarket for 10 households, 3 of
  which did not match the household's real need;
* 28 micro-wishes, 15 met on the spot;
* 32 service files, 5 incomplete;
* a satisfaction survey of key groups: 65 valid responses, 60 satisfied
  (60/65 = 92.3%, the report's 92%).

The previous month, May 2025 (`station_previous_month`), holds what the
report compares against, so that every change it prints is real: the same
station and register, 60 of the 76 clients visited (78.9%), 27 home visits
of the 60 planned (45.0%), the five cases opened by then (all in
intervention, one improving), 夕阳红's first four sessions with its first 8
members (28 of 32 attendances = 87.5%), and a survey with 55 of 63 satisfied
(87.3%: the report's "up 5 percentage points", 92.3 - 87.3 = 5.0). May has
no volunteers, service files, deliveries or micro-wishes (they begin in
June), so the report shows n/a for them, not 0.
The team's own records for June (`team_month`), true to the summary's
"开展内部督导培训2次、外部交流学习1次":

* the roster: 周社工 (s1, the supervisor) sees each of s2–s6 alone on the
  first Thursday of the month; 吴社工 (s2, senior) supervises the two interns
  as a group every Friday; an invited supervisor sees s1 and s2 every
  third month from 20 March. June's sessions: four of the five monthly
  ones (s6's did not happen), three Fridays with both interns and one
  with s7 alone, and the external one on the 20th: 15 sessions required,
  2 missed (s6 and s8), 6 of 8 workers supervised as required (75.0%);
* two internal trainings (个案工作技巧 on the 6th, 危机干预策略 on the
  20th, with pre/post tests of its five participants: means 60 → 74) and
  one external exchange (a seminar on a community-garden project, the
  14th), plus the volunteers' two trainings: 7 of the 8 staff trained
  (87.5%; the intern s8 was at neither, as the summary's "覆盖面不足"
  says), 13 of 16 invitations taken up, 10 of 11 respondents satisfied;
* four approvals: a closure (3 days), a referral (7 days) and a resource
  application returned once for its budget and approved after 7 days,
  a mean of 5.7 days against the summary's aim of 5; one more pending;
* grade and qualification histories agreeing with the staff records:
  吴社工 promoted from intermediate to senior on 16 June, 陈社工's
  assistant social worker certificate obtained on 20 June.

No one joined or left the station in June (the summary's leaver left the
month before, and the two new workers come next month), so the staff stay
the summary's 6 + 2; the tests and the how-to add a worker who joined on
the 20th and one who left on the 10th.


Examples:
    >>> records = station_month()
    >>> records.period.start.isoformat(), len(records.station.staff)
    ('2025-06-01', 8)
    >>> station_month() == records
    True
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from socialwork.calendars import Frequency, Recurrence, Weekday
from socialwork.evaluation import GoalScaling, OutcomeRecords, scale
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
    CertificationChange,
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
    GradeChange,
    Group,
    GroupKind,
    GroupMember,
    GroupSession,
    Household,
    KnownKeyGroup,
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
    ScaleAdministration,
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
    SurveySubject,
    Visit,
    Volunteer,
)
from socialwork.team import (
    ApprovalAction,
    ApprovalKind,
    ApprovalRequest,
    ApprovalStep,
    DecisionKind,
    ExternalSupervisor,
    PrePostScore,
    Roster,
    RosterEntry,
    SupervisionDecision,
    SupervisionForm,
    SupervisionFunction,
    SupervisionSession,
    SupervisionSource,
    TeamRecords,
    Training,
    TrainingKind,
    decide,
)

__all__ = [
    "MOOD_GROUP_END",
    "MOOD_GROUP_START",
    "mood_group",
    "mood_group_administrations",
    "outcome_month",
    "station_month",
    "station_previous_month",
    "team_month",
]

JUNE = Period(start=date(2025, 6, 1), end=date(2025, 6, 30))
MAY = Period(start=date(2025, 5, 1), end=date(2025, 5, 31))

_COMMUNITY_NAMES = ("幸福社区", "和平社区", "阳光社区", "春晖社区", "新华社区")

# (prefix, category, registered, covered in June, covered in May)
_KEY_GROUPS = (
    ("e", ClientCategory.LIVING_ALONE_ELDERLY, 34, 23, 21),
    ("ch", ClientCategory.CHILDREN_IN_DIFFICULTY, 15, 15, 14),
    ("d", ClientCategory.PERSONS_WITH_DISABILITIES, 12, 12, 11),
    ("m", ClientCategory.MINIMUM_LIVELIHOOD, 15, 15, 14),
)
_NAMED = {"e1": "李大爷", "e2": "张爷爷", "ch1": "小张", "d1": "王阿姨", "m1": "王大爷"}


_UNREGISTERED_ALONE = (6, 6, 6, 5, 5)
"""Living-alone elders each community's list knows and the station has not registered (28)."""


def _known_key_groups(community: int) -> tuple[KnownKeyGroup, ...]:
    """A community's civil-affairs lists: every registered client, and the 28 elders not found."""
    known = []
    for _prefix, category, registered, _june, _may in _KEY_GROUPS:
        here = sum(1 for n in range(1, registered + 1) if (n - 1) % 5 + 1 == community)
        if category is ClientCategory.LIVING_ALONE_ELDERLY:
            here += _UNREGISTERED_ALONE[community - 1]
        known.append(KnownKeyGroup(category=category, known=here))
    return tuple(known)


def _station() -> Station:
    communities = tuple(
        Community(
            id=f"c{n}",
            name=name,
            street="幸福街道",
            households=1200 + 100 * n,
            known_key_groups=_known_key_groups(n),
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
    for prefix, category, registered, _june, _may in _KEY_GROUPS:
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


_CASE_OF = {"e1": "k1", "e2": "k2", "ch1": "k3", "d1": "k4", "m1": "k5"}
# The Tuesdays of June's four weeks (2 to 29 June): one week's home visits start on each.
_TUESDAYS = (date(2025, 6, 3), date(2025, 6, 10), date(2025, 6, 17), date(2025, 6, 24))


def _visit(
    visits: list[Visit], client: str, on: date, mode: ContactMode, worker: int, prefix: str = "v"
) -> None:
    """Append one visit to ``client``, under the client's case if they have one."""
    visits.append(
        Visit(
            id=f"{prefix}{len(visits) + 1:03d}",
            client_id=client,
            case_id=_CASE_OF.get(client),
            on=on,
            mode=mode,
            worker_id=f"s{worker}",
        )
    )


def _visits() -> tuple[Visit, ...]:
    """June's 82 visits: 32 home visits to the elderly (8 a week), 50 other contacts.

    Home visits: 李大爷 (e1) and 张爷爷 (e2) every Tuesday (8); e3 to e23 once,
    six a week (21); a second visit to e3, e4 and e5, whose blood pressure
    was unstable, in the fourth week (3): 8 + 21 + 3 = 32. Children,
    persons with disabilities and households: one contact each at the
    station, by phone for d11 and d12, who cannot get about (15 + 12 + 15 =
    42), and the follow-ups of cases k3 (小张, weekly), k4 (王阿姨, until
    18 June) and k5 (王大爷, weekly): 3 + 2 + 3 = 8.
    """
    home, office, phone = ContactMode.HOME_VISIT, ContactMode.OFFICE, ContactMode.PHONE
    visits: list[Visit] = []
    for week, tuesday in enumerate(_TUESDAYS):
        _visit(visits, "e1", tuesday, home, 1)
        _visit(visits, "e2", tuesday, home, 2)
        others = range(3 + 6 * week, min(9 + 6 * week, 24))
        for i, n in enumerate(others):
            _visit(visits, f"e{n}", tuesday + timedelta(days=i % 3), home, 3 + i % 4)
    for n in (3, 4, 5):
        _visit(visits, f"e{n}", _TUESDAYS[3] + timedelta(days=2), home, 3)
    for prefix, worker, first in (("ch", 3, 4), ("d", 4, 4), ("m", 5, 5)):
        for n in range(1, 16 if prefix != "d" else 13):
            mode = phone if prefix == "d" and n > 10 else office
            _visit(visits, f"{prefix}{n}", date(2025, 6, first + (n - 1) % 3 * 7), mode, worker)
    for client, weeks, worker, first in (("ch1", 3, 3, 11), ("d1", 2, 4, 11), ("m1", 3, 5, 12)):
        for week in range(weeks):
            _visit(visits, client, date(2025, 6, first + 7 * week), office, worker)
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
    return (
        _case("k1", "e1", "s1", date(2025, 4, 7), (*_APRIL, date(2025, 6, 24)), improving),
        _case("k2", "e2", "s2", date(2025, 5, 6), _MAY, in_progress),
        _case("k3", "ch1", "s3", date(2025, 4, 7), _APRIL, GoalAchievementStatus.ACHIEVED),
        _case("k4", "d1", "s4", date(2025, 5, 6), (*_MAY, date(2025, 6, 26)), improving),
        _case("k5", "m1", "s5", date(2025, 5, 6), _MAY, GoalAchievementStatus.NO_CHANGE),
        _case("k6", "e18", "s6", date(2025, 6, 25), (), None),
        _case("k7", "ch13", "s3", date(2025, 6, 10), (date(2025, 6, 12),), None),
        _case("k8", "d11", "s4", date(2025, 6, 9), (date(2025, 6, 11), date(2025, 6, 18)), None),
    )


_APRIL = (date(2025, 4, 9), date(2025, 4, 14), date(2025, 4, 21))
_MAY = (date(2025, 5, 8), date(2025, 5, 13), date(2025, 5, 20))


def _may_cases() -> tuple[Case, ...]:
    """The five cases open on 31 May, as they stood then: all in intervention, k3 improving."""
    in_progress = GoalAchievementStatus.IN_PROGRESS
    return (
        _case("k1", "e1", "s1", date(2025, 4, 7), _APRIL, in_progress),
        _case("k2", "e2", "s2", date(2025, 5, 6), _MAY, in_progress),
        _case("k3", "ch1", "s3", date(2025, 4, 7), _APRIL, GoalAchievementStatus.IMPROVING),
        _case("k4", "d1", "s4", date(2025, 5, 6), _MAY, in_progress),
        _case("k5", "m1", "s5", date(2025, 5, 6), _MAY, in_progress),
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
                respondents=65,
                satisfied=60,
            ),
            # The monthly summary's group satisfaction 95% and volunteer satisfaction 90%.
            SatisfactionSurvey(
                id="q-2025-06-groups",
                population="小组成员",
                subject=SurveySubject.GROUP_MEMBERS,
                conducted_on=date(2025, 6, 28),
                respondents=40,
                satisfied=38,
            ),
            SatisfactionSurvey(
                id="q-2025-06-volunteers",
                population="志愿者",
                subject=SurveySubject.VOLUNTEERS,
                conducted_on=date(2025, 6, 28),
                respondents=10,
                satisfied=9,
            ),
        ),
        budget=_budget(),
        home_visits_planned=60,
        note="辖区另有28名独居老人尚未纳入服务范围(未登记),不在覆盖率的分母中",
    )


def _may_visits() -> tuple[Visit, ...]:
    """May's 75 visits: 27 home visits to the elderly and 48 other contacts.

    Home visits: 李大爷 (e1) and 张爷爷 (e2) every Tuesday from 6 May (8), e3
    to e21 once (19): 8 + 19 = 27. One contact at the station with each of
    ch1–ch14, d1–d11 and m1–m14 on a Thursday (14 + 11 + 14 = 39), and the
    weekly follow-ups of cases k3, k4 and k5 after that first contact on
    8 May (15, 22 and 29 May: 3 x 3 = 9).
    """
    home, office = ContactMode.HOME_VISIT, ContactMode.OFFICE
    tuesdays = tuple(date(2025, 5, day) for day in (6, 13, 20, 27))
    visits: list[Visit] = []
    for tuesday in tuesdays:
        _visit(visits, "e1", tuesday, home, 1, "v-may-")
        _visit(visits, "e2", tuesday, home, 2, "v-may-")
    for n in range(3, 22):
        day = tuesdays[(n - 3) % 4] + timedelta(days=1)
        _visit(visits, f"e{n}", day, home, 3 + n % 4, "v-may-")
    for prefix, covered, worker in (("ch", 14, 3), ("d", 11, 4), ("m", 14, 5)):
        for n in range(1, covered + 1):
            day = date(2025, 5, 8 + (n - 1) % 3 * 7)
            _visit(visits, f"{prefix}{n}", day, office, worker, "v-may-")
    for client, worker in (("ch1", 3), ("d1", 4), ("m1", 5)):
        for later in (15, 22, 29):
            _visit(visits, client, date(2025, 5, later), office, worker, "v-may-")
    return tuple(visits)


def _may_sunset_group() -> Group:
    """夕阳红 in May: its first 8 members and four sessions, 28 of 32 attendances."""
    members = tuple(f"e{n}" for n in range(1, 9))
    return Group(
        id="g1",
        name="夕阳红老年互助小组",
        kind=GroupKind.MUTUAL_AID,
        community_id="c1",
        theme="健康与互助",
        facilitator_id="s1",
        started_on=date(2025, 5, 6),
        members=tuple(GroupMember(member_id=m, joined_on=date(2025, 5, 6)) for m in members),
        sessions=tuple(
            GroupSession(on=date(2025, 5, day), attended=tuple(m for m in members if m != absent))
            for day, absent in ((6, "e8"), (13, "e4"), (20, "e7"), (27, "e2"))
        ),
    )


def station_previous_month() -> StationRecords:
    """Return the sample station's records for May 2025, the month before.

    It holds what the report compares against (see the module docstring):
    the same station and register, 60 of the 76 key-group clients visited,
    the five cases open on 31 May, 夕阳红's May sessions, 60 planned home
    visits and May's survey (55 of 63 satisfied). It has no volunteers,
    files, deliveries or needs: the report shows n/a for them.

    Examples:
        >>> may = station_previous_month()
        >>> may.period.end.isoformat(), may.surveys[0].satisfied, len(may.cases)
        ('2025-05-31', 55, 5)
    """
    return StationRecords(
        station=_station(),
        period=MAY,
        clients=_clients(),
        cases=_may_cases(),
        visits=_may_visits(),
        groups=(_may_sunset_group(),),
        surveys=(
            SatisfactionSurvey(
                id="q-2025-05",
                population="重点人群",
                conducted_on=date(2025, 5, 28),
                respondents=63,
                satisfied=55,
            ),
        ),
        home_visits_planned=60,
    )


MOOD_GROUP_START = date(2025, 3, 4)
"""The first session of 心晴, the sample station's mood group for living-alone elderly."""

MOOD_GROUP_END = date(2025, 5, 27)
"""The last session of 心晴."""

# (client, GDS-15 at baseline, GDS-15 at follow-up or None: dropped out)
_MOOD_SCORES = (
    ("e16", 9, 4),
    ("e17", 7, 3),
    ("e18", 11, 6),
    ("e19", 6, 5),
    ("e20", 8, 2),
    ("e21", 5, 6),
    ("e22", 10, 8),
    ("e23", 4, 8),
    ("e24", 12, 4),
    ("e25", 7, 5),
    ("e26", 8, None),
)


def _gds_answers(total: int) -> list[int | None]:
    """GDS-15 answers (1 yes, 0 no) with ``total`` depressive answers, in item order."""
    reverse = {1, 5, 7, 11, 13}
    return [
        (0 if item in reverse else 1) if item <= total else (1 if item in reverse else 0)
        for item in range(1, 16)
    ]


def mood_group() -> Group:
    """Return 心晴, a support group on loneliness and low mood for 11 living-alone elderly.

    Twelve weekly sessions from 4 March to 27 May 2025 (none on 1 April, the
    week of 清明), run by a worker of 幸福社区; one member (e26) left on 8
    April. The group is not among the station's June records, so the
    monthly figures are unchanged.

    Examples:
        >>> g = mood_group()
        >>> g.name, len(g.members), len(g.sessions)
        ('心晴老年支持小组', 11, 12)
    """
    members = tuple(
        GroupMember(
            member_id=client,
            joined_on=MOOD_GROUP_START,
            left_on=date(2025, 4, 8) if after is None else None,
        )
        for client, _before, after in _MOOD_SCORES
    )
    days = [MOOD_GROUP_START + timedelta(weeks=w) for w in range(13)]
    days.remove(date(2025, 4, 1))
    return Group(
        id="g4",
        name="心晴老年支持小组",
        kind=GroupKind.SUPPORT,
        community_id="c1",
        theme="缓解孤独与低落情绪",
        facilitator_id="s2",
        started_on=MOOD_GROUP_START,
        members=members,
        sessions=tuple(
            GroupSession(
                on=day,
                attended=tuple(
                    m.member_id for m in members if m.left_on is None or day < m.left_on
                ),
            )
            for day in days
        ),
    )


def mood_group_administrations() -> tuple[ScaleAdministration, ...]:
    """Return 心晴's GDS-15 administrations: baselines, follow-ups and two that pairing skips.

    Each member answered the GDS-15 on 3 March (the day before the first
    session) and, except e26 who left, on 28 May (the day after the last).
    e16 also answered on 15 April, mid-group, and e17 on 20 February, an
    earlier screening: the default pairing rule takes neither. Totals come
    from scoring the answers (`socialwork.evaluation.Scale.score`).

    Examples:
        >>> given = mood_group_administrations()
        >>> len(given), given[0].scale, given[0].total
        (23, 'gds15', 9.0)
    """
    gds = scale("gds15")
    found: list[ScaleAdministration] = []
    for client, before, after in _MOOD_SCORES:
        found.append(
            gds.score(_gds_answers(before)).administration(
                id=f"{client}-gds-1", client_id=client, on=date(2025, 3, 3)
            )
        )
        if after is not None:
            found.append(
                gds.score(_gds_answers(after)).administration(
                    id=f"{client}-gds-2", client_id=client, on=date(2025, 5, 28)
                )
            )
    found.append(
        gds.score(_gds_answers(7)).administration(
            id="e16-gds-mid", client_id="e16", on=date(2025, 4, 15)
        )
    )
    found.append(
        gds.score(_gds_answers(10)).administration(
            id="e17-gds-0", client_id="e17", on=date(2025, 2, 20)
        )
    )
    return tuple(found)


def outcome_month() -> OutcomeRecords:
    """Return the sample station's evaluation records read over June 2025.

    心晴's GDS-15 administrations (`mood_group_administrations`) with the
    group's dates as the service, the reliability 0.80 and norm standard
    deviation 3.0 that the how-to states as an example, and June's cases
    with the scaled goal of 小张's case (k3: its goal met a little better
    than expected, +1). No case was closed by 30 June (k3's closure was
    approved on the 12th and is still being prepared), so the mean GAS
    T-score has no data yet.

    Examples:
        >>> outcomes = outcome_month()
        >>> outcomes.period.start.isoformat(), [g.case_id for g in outcomes.scalings]
        ('2025-06-01', ['k3'])
    """
    return OutcomeRecords(
        period=JUNE,
        scale="gds15",
        service=Period(start=MOOD_GROUP_START, end=MOOD_GROUP_END),
        reliability=0.80,
        sd=3.0,
        administrations=mood_group_administrations(),
        cases=_cases(),
        scalings=(
            GoalScaling(
                case_id="k3",
                goal_id="k3-g1",
                levels=(
                    "学业无改善且厌学加重",
                    "学业无改善",
                    "主要科目及格",
                    "主要科目及格且能独立完成作业",
                    "成绩进入班级中游并主动学习",
                ),
                score=1,
            ),
        ),
    )


def _roster() -> Roster:
    return Roster(
        id="roster-2025",
        entries=(
            RosterEntry(
                id="r-monthly",
                source=SupervisionSource.INTERNAL,
                form=SupervisionForm.INDIVIDUAL,
                supervisor_id="s1",
                supervisee_ids=("s2", "s3", "s4", "s5", "s6"),
                recurrence=Recurrence(
                    frequency=Frequency.MONTHLY, weekdays=(Weekday.THURSDAY,), nth=1
                ),
                start=date(2025, 1, 2),
                note="个案、小组与行政督导",
            ),
            RosterEntry(
                id="r-interns",
                source=SupervisionSource.INTERNAL,
                form=SupervisionForm.GROUP,
                supervisor_id="s2",
                supervisee_ids=("s7", "s8"),
                recurrence=Recurrence(frequency=Frequency.WEEKLY, weekdays=(Weekday.FRIDAY,)),
                start=date(2025, 3, 7),
            ),
            RosterEntry(
                id="r-external",
                source=SupervisionSource.EXTERNAL,
                form=SupervisionForm.GROUP,
                supervisee_ids=("s1", "s2"),
                recurrence=Recurrence(frequency=Frequency.MONTHLY, interval=3),
                start=date(2025, 3, 20),
            ),
        ),
    )


def _sessions() -> tuple[SupervisionSession, ...]:
    def one(
        key: str, day: int, who: str, functions: tuple[SupervisionFunction, ...], **more: object
    ) -> SupervisionSession:
        return SupervisionSession.model_validate(
            {
                "id": key,
                "on": date(2025, 6, day),
                "minutes": 60,
                "form": "individual",
                "source": "internal",
                "functions": functions,
                "supervisor_id": "s1",
                "supervisee_ids": (who,),
                **more,
            }
        )

    F = SupervisionFunction  # noqa: N806 - short alias
    monthly = (
        one("sv01", 5, "s2", (F.ADMINISTRATIVE, F.SUPPORTIVE)),
        one(
            "sv02",
            5,
            "s3",
            (F.EDUCATIONAL,),
            case_ids=("k3", "k7"),
            decisions=(
                SupervisionDecision(
                    kind=DecisionKind.CLOSURE,
                    case_id="k3",
                    decision="目标已达成,准备结案",
                    reason="学业目标已实现,家长认可",
                ),
            ),
            notes="回顾小张的学业辅导进展与结案准备",
        ),
        one(
            "sv03",
            6,
            "s4",
            (F.EDUCATIONAL, F.RESOURCE_LINKING),
            case_ids=("k8",),
            decisions=(
                SupervisionDecision(
                    kind=DecisionKind.REFERRAL,
                    case_id="k8",
                    decision="转介康复中心",
                    reason="需要专业康复训练",
                ),
            ),
        ),
        one(
            "sv04",
            6,
            "s5",
            (F.EDUCATIONAL, F.SUPPORTIVE),
            case_ids=("k5",),
            decisions=(
                SupervisionDecision(
                    kind=DecisionKind.PLAN_CHANGE,
                    case_id="k5",
                    decision="调整介入计划",
                    reason="一个月无明显变化",
                ),
            ),
        ),
    )
    interns = tuple(
        SupervisionSession(
            id=f"sv-i{day}",
            on=date(2025, 6, day),
            minutes=90,
            form=SupervisionForm.GROUP,
            source=SupervisionSource.INTERNAL,
            functions=(F.EDUCATIONAL,),
            supervisor_id="s2",
            supervisee_ids=("s7", "s8") if day != 27 else ("s7",),
        )
        for day in (6, 13, 20, 27)
    )
    external = SupervisionSession(
        id="sv-ext",
        on=date(2025, 6, 20),
        minutes=120,
        form=SupervisionForm.GROUP,
        source=SupervisionSource.EXTERNAL,
        functions=(F.EDUCATIONAL, F.SUPPORTIVE, F.PROJECT_PLANNING),
        external_supervisor=ExternalSupervisor(name="林老师", organisation="某大学社会工作系"),
        supervisee_ids=("s1", "s2"),
    )
    return (*monthly, *interns, external)


def _trainings() -> tuple[Training, ...]:
    everyone = tuple(f"s{n}" for n in range(1, 9))
    volunteers = tuple(f"vol{n:02d}" for n in range(1, 16))
    crisis_scores = ((2, 70, 85), (3, 60, 75), (4, 65, 72), (5, 55, 70), (6, 50, 68))
    return (
        Training(
            id="t1",
            on=date(2025, 6, 6),
            topic="个案工作技巧",
            kind=TrainingKind.INTERNAL,
            hours=Decimal(2),
            trainer_id="s2",
            invited_ids=tuple(s for s in everyone if s != "s2"),
            attendee_ids=("s1", "s3", "s4", "s5", "s6", "s7"),
            respondents=6,
            satisfied=6,
        ),
        Training(
            id="t2",
            on=date(2025, 6, 20),
            topic="危机干预策略",
            kind=TrainingKind.INTERNAL,
            hours=Decimal(2),
            trainer_id="s1",
            invited_ids=tuple(s for s in everyone if s != "s1"),
            attendee_ids=("s2", "s3", "s4", "s5", "s6"),
            respondents=5,
            satisfied=4,
            scores=tuple(
                PrePostScore(participant_id=f"s{n}", pre=pre, post=post)
                for n, pre, post in crisis_scores
            ),
        ),
        Training(
            id="t3",
            on=date(2025, 6, 14),
            topic="社区花园项目经验研讨会",
            kind=TrainingKind.EXTERNAL_EXCHANGE,
            hours=Decimal(6),
            invited_ids=("s1", "s2"),
            attendee_ids=("s1", "s2"),
        ),
        Training(
            id="t4",
            on=date(2025, 6, 7),
            topic="服务技巧",
            kind=TrainingKind.VOLUNTEER,
            hours=Decimal(2),
            trainer_id="s3",
            invited_ids=volunteers,
            attendee_ids=volunteers[:12],
        ),
        Training(
            id="t5",
            on=date(2025, 6, 8),
            topic="安全知识",
            kind=TrainingKind.VOLUNTEER,
            hours=Decimal(2),
            trainer_id="s4",
            invited_ids=volunteers,
            attendee_ids=volunteers[:12],
        ),
    )


def _approvals() -> tuple[ApprovalRequest, ...]:
    closure = ApprovalRequest(
        id="ap1",
        kind=ApprovalKind.CLOSURE,
        subject_id="k3",
        requested_by="s3",
        requested_on=date(2025, 6, 9),
    )
    referral = ApprovalRequest(
        id="ap2",
        kind=ApprovalKind.REFERRAL,
        subject_id="k8",
        requested_by="s4",
        requested_on=date(2025, 6, 9),
    )
    goods = ApprovalRequest(
        id="ap3",
        kind=ApprovalKind.RESOURCE_APPLICATION,
        subject_id="activity-goods-2025-06",
        requested_by="s2",
        requested_on=date(2025, 6, 3),
        history=(
            ApprovalStep(
                on=date(2025, 6, 6), by="s1", action=ApprovalAction.RETURN, reason="预算明细不全"
            ),
            ApprovalStep(on=date(2025, 6, 9), by="s2", action=ApprovalAction.RESUBMIT),
        ),
    )
    return (
        decide(closure, ApprovalAction.APPROVE, by="s1", on=date(2025, 6, 12)),
        decide(referral, ApprovalAction.APPROVE, by="s1", on=date(2025, 6, 16)),
        decide(goods, ApprovalAction.APPROVE, by="s1", on=date(2025, 6, 10)),
        ApprovalRequest(
            id="ap4",
            kind=ApprovalKind.RESOURCE_APPLICATION,
            subject_id="wish-wall-2025-07",
            requested_by="s5",
            requested_on=date(2025, 6, 25),
        ),
    )


def _grades() -> tuple[GradeChange, ...]:
    joined = date(2023, 3, 1)
    first = (
        ("s1", StaffGrade.SENIOR),
        ("s2", StaffGrade.INTERMEDIATE),
        ("s3", StaffGrade.INTERMEDIATE),
        ("s4", StaffGrade.INTERMEDIATE),
        ("s5", StaffGrade.JUNIOR),
        ("s6", StaffGrade.JUNIOR),
    )
    return (
        *(GradeChange(staff_id=s, on=joined, grade=g) for s, g in first),
        *(
            GradeChange(staff_id=s, on=date(2025, 3, 1), grade=StaffGrade.JUNIOR)
            for s in ("s7", "s8")
        ),
        GradeChange(staff_id="s1", on=date(2024, 7, 1), grade=StaffGrade.SUPERVISOR),
        GradeChange(staff_id="s2", on=date(2025, 6, 16), grade=StaffGrade.SENIOR),
    )


def _certifications() -> tuple[CertificationChange, ...]:
    held = (
        ("s1", Certification.SOCIAL_WORKER, date(2023, 3, 1)),
        ("s2", Certification.SOCIAL_WORKER, date(2023, 3, 1)),
        ("s3", Certification.ASSISTANT_SOCIAL_WORKER, date(2023, 3, 1)),
        ("s4", Certification.ASSISTANT_SOCIAL_WORKER, date(2023, 3, 1)),
        ("s5", Certification.ASSISTANT_SOCIAL_WORKER, date(2025, 6, 20)),
    )
    return tuple(CertificationChange(staff_id=s, on=d, certification=c) for s, c, d in held)


def team_month() -> TeamRecords:
    """Return the sample station's team records for June 2025 (see the module docstring).

    The staff are `station_month`'s.

    Examples:
        >>> team = team_month()
        >>> [t.kind.value for t in team.trainings].count("internal"), len(team.sessions)
        (2, 9)
    """
    return TeamRecords(
        period=JUNE,
        roster=_roster(),
        sessions=_sessions(),
        trainings=_trainings(),
        approvals=_approvals(),
        grade_changes=_grades(),
        certification_changes=_certifications(),
    )
