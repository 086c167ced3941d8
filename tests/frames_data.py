"""Station data generated with a seed, for the frame tests and the frame benchmarks."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from socialwork import models as m

CATEGORIES = list(m.ClientCategory)
NEED_STATUSES = list(m.NeedStatus)


@dataclass(frozen=True)
class GeneratedStation:
    """Records of one station: clients, cases, visits, needs and deliveries."""

    clients: tuple[m.Client, ...]
    cases: tuple[m.Case, ...]
    visits: tuple[m.Visit, ...]
    needs: tuple[m.Need, ...]
    deliveries: tuple[m.ResourceDelivery, ...]


def generated_station(size: int, *, seed: int, contacts: int = 5) -> GeneratedStation:
    """``size`` clients and cases, ``contacts`` visits per case, and needs and deliveries."""
    rng = random.Random(seed)
    start = date(2025, 4, 1)
    clients = []
    cases = []
    visits = []
    needs = []
    deliveries = []
    for i in range(size):
        cats = tuple(rng.sample(CATEGORIES, rng.choice((0, 1, 1, 2))))
        clients.append(
            m.Client(
                id=f"p{i}",
                name=f"居民{i}",
                community_id="c1",
                registered_on=start,
                categories=cats,
            )
        )
        opened = start + timedelta(days=rng.randrange(60))
        cases.append(m.Case(id=f"k{i}", client_id=f"p{i}", worker_id=f"s{i % 7}", opened_on=opened))
        for j in range(rng.randrange(contacts + 1)):
            visits.append(
                m.Visit(
                    id=f"v{i}-{j}",
                    client_id=f"p{i}",
                    on=opened + timedelta(days=rng.randrange(90)),
                    mode=m.ContactMode.HOME_VISIT,
                    worker_id=f"s{i % 7}",
                    case_id=f"k{i}",
                )
            )
        if i % 3 == 0:
            needs.append(
                m.Need(
                    id=f"n{i}",
                    community_id="c1",
                    domain=rng.choice(list(m.NeedDomain)),
                    description="需求",
                    raised_on=start + timedelta(days=rng.randrange(120)),
                    raised_by="居民",
                    status=rng.choice(NEED_STATUSES),
                )
            )
            deliveries.append(
                m.ResourceDelivery(
                    id=f"d{i}",
                    resource_id="r1",
                    recipient_id=f"p{i}",
                    delivered_on=start + timedelta(days=rng.randrange(120)),
                    matched_need=rng.choice((True, False, None)),
                )
            )
    return GeneratedStation(
        tuple(clients), tuple(cases), tuple(visits), tuple(needs), tuple(deliveries)
    )


STATUSES = list(m.CaseStatus)


def _history(
    rng: random.Random, opened: date
) -> tuple[m.CaseStatus, tuple[m.StatusChange, ...], m.Closure | None]:
    """A random walk of a case's status: moves on the same day, closures and reopenings."""
    current = m.CaseStatus.CLOSED if rng.random() < 0.05 else m.CaseStatus.INTAKE
    day = opened
    moves = []
    for _ in range(rng.choice((0, 0, 1, 2, 3, 5))):
        day += timedelta(days=rng.choice((0, 0, 3, 10, 20)))
        if current is m.CaseStatus.CLOSED:
            target = rng.choice(STATUSES[:-1])
        else:
            target = rng.choice([s for s in STATUSES if s is not current])
        moves.append(m.StatusChange(on=day, from_status=current, to_status=target))
        current = target
    closure = None
    if current is m.CaseStatus.CLOSED:
        closed_on = day + timedelta(days=rng.choice((0, 1, 15)))
        closure = m.Closure(closed_on=closed_on, outcome=m.ClosureOutcome.PARTIAL)
    return current, tuple(moves), closure


def _goals(rng: random.Random, case: str) -> tuple[m.Goal, ...]:
    return tuple(
        m.Goal(
            id=f"{case}-g{n}",
            description="目标",
            target="改善",
            lifecycle_status=rng.choice(list(m.GoalLifecycleStatus)),
            achievement_status=rng.choice([None, *m.GoalAchievementStatus]),
        )
        for n in range(rng.choice((0, 1, 1, 2)))
    )


def generated_records(size: int, *, seed: int, contacts: int = 5) -> m.StationRecords:
    """A whole station's records for June 2025: every table a monthly report reads.

    Cases walk their statuses at random (moves on one day, closures,
    reopenings), goals take every FHIR code, staff join and leave around the
    month, and groups have members who join and leave between sessions.
    """
    rng = random.Random(seed)
    base = generated_station(size, seed=seed, contacts=contacts)
    start = date(2025, 4, 1)
    june = m.Period.month(2025, 6)
    staff = []
    for i in range(7):
        joined = start + timedelta(days=rng.randrange(80))
        left = rng.choice((None, None, date(2025, 6, 1), date(2025, 6, 15), date(2025, 7, 1)))
        staff.append(
            m.Staff(
                id=f"s{i}",
                name=f"社工{i}",
                role=rng.choice(list(m.StaffRole)),
                grade=rng.choice(list(m.StaffGrade)),
                joined_on=joined,
                left_on=None if left is None or left < joined else left,
                certification=rng.choice(list(m.Certification)),
            )
        )
    cases = []
    for case in base.cases:
        status, history, closure = _history(rng, case.opened_on)
        cases.append(
            m.Case(
                id=case.id,
                client_id=case.client_id,
                worker_id=case.worker_id,
                opened_on=case.opened_on,
                status=status,
                history=history,
                closure=closure,
                goals=_goals(rng, case.id),
            )
        )
    members_of = [f"p{i}" for i in range(size)]
    groups = []
    for g in range(rng.choice((0, 1, 2, 3))):
        members = []
        for who in rng.sample(members_of, min(len(members_of), rng.randrange(0, 12))):
            joined = date(2025, 5, 1) + timedelta(days=rng.randrange(50))
            left = rng.choice((None, joined + timedelta(days=rng.randrange(1, 40))))
            members.append(m.GroupMember(member_id=who, joined_on=joined, left_on=left))
        sessions = []
        for n in range(rng.randrange(0, 5)):
            on = date(2025, 5, 25) + timedelta(days=7 * n + rng.randrange(3))
            present = [x.member_id for x in members if x.active_on(on) and rng.random() < 0.7]
            sessions.append(m.GroupSession(on=on, attended=tuple(present)))
        groups.append(
            m.Group(
                id=f"g{g}",
                name=f"小组{g}",
                kind=m.GroupKind.MUTUAL_AID,
                community_id="c1",
                started_on=date(2025, 5, 1),
                members=tuple(members),
                sessions=tuple(sessions),
            )
        )
    volunteers = (m.Volunteer(id="vol1", name="王阿姨", joined_on=start),)
    hours = tuple(
        m.ServiceHours(
            volunteer_id="vol1",
            on=start + timedelta(days=rng.randrange(120)),
            hours=Decimal(rng.randrange(1, 1000)) / 100,
        )
        for _ in range(rng.randrange(0, 20))
    )
    surveys = []
    for n in range(rng.randrange(0, 4)):
        asked = rng.randrange(0, 80)
        surveys.append(
            m.SatisfactionSurvey(
                id=f"q{n}",
                population="居民",
                conducted_on=start + timedelta(days=rng.randrange(120)),
                respondents=asked,
                satisfied=rng.randrange(0, asked + 1),
            )
        )
    files = tuple(
        m.ServiceFile(
            id=f"f{n}",
            kind=m.FileKind.CASE_RECORD,
            subject_id=f"k{n}",
            missing_items=rng.choice(((), (), ("签名",), ("签名", "评估表"))),
        )
        for n in range(rng.randrange(0, 10))
    )
    return m.StationRecords(
        station=m.Station(
            id="st1",
            name="测试社工站",
            communities=(m.Community(id="c1", name="幸福社区"),),
            staff=tuple(staff),
        ),
        period=june,
        clients=base.clients,
        cases=tuple(cases),
        visits=base.visits,
        groups=tuple(groups),
        volunteers=volunteers,
        service_hours=hours,
        resources=(
            m.Resource(
                id="r1",
                name="米面油",
                kind=m.ResourceKind.MATERIAL,
                source=m.ResourceSource.ENTERPRISE,
                provider="爱心超市",
                availability=m.Availability.USABLE,
            ),
        ),
        deliveries=base.deliveries,
        needs=base.needs,
        files=files,
        surveys=tuple(surveys),
        home_visits_planned=rng.choice((None, 0, 5, 40)),
    )
