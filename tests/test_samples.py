"""The built-in sample holds the figures of the seed's monthly report (counted by hand)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal

from socialwork.metrics.casework import IMPROVED
from socialwork.models import (
    CaseStatus,
    ClientCategory,
    ContactMode,
    GoalAchievementStatus,
    NeedStatus,
    StaffRole,
    StationRecords,
)
from socialwork.samples import station_month, station_previous_month


def test_is_deterministic_and_round_trips() -> None:
    first = station_month()
    assert first == station_month()
    assert StationRecords.model_validate_json(first.model_dump_json()) == first
    assert station_previous_month() == station_previous_month()


def test_team_and_communities() -> None:
    june = station_month()
    roles = Counter(s.role for s in june.station.staff)
    assert roles == {StaffRole.FULL_TIME: 6, StaffRole.INTERN: 2}
    assert len(june.station.communities) == 5
    assert june.period.start == date(2025, 6, 1)
    assert june.period.days == 30


def _covered(records: StationRecords) -> Counter[ClientCategory]:
    """People and households with at least one visit in the period, by key group."""
    category = {c.id: c.categories[0] for c in records.clients}
    visited = {v.client_id for v in records.visits if records.period.contains(v.on)}
    return Counter(category[client] for client in visited)


def test_coverage_counts_people_and_households_not_visits() -> None:
    june = station_month()
    # The summary: 独居老人23人、困境儿童15人、残疾人12人、低保家庭15户 covered.
    assert _covered(june) == {
        ClientCategory.LIVING_ALONE_ELDERLY: 23,
        ClientCategory.CHILDREN_IN_DIFFICULTY: 15,
        ClientCategory.PERSONS_WITH_DISABILITIES: 12,
        ClientCategory.MINIMUM_LIVELIHOOD: 15,
    }
    registered = Counter(c.categories[0] for c in june.clients)
    # 34 living-alone elderly on the register, 11 of them not visited; the
    # summary's other 28 are not registered at all (the identification gap).
    assert registered[ClientCategory.LIVING_ALONE_ELDERLY] == 34
    # 23 + 15 + 12 + 15 = 65 covered of 34 + 15 + 12 + 15 = 76 registered:
    # 65/76 = 0.8553, the summary's 85%; with the 28 it could be at most 65/93.
    assert (sum(_covered(june).values()), len(june.clients)) == (65, 76)
    assert 0.85 <= 65 / 76 < 0.86
    assert 65 / (65 + 28) < 0.70
    assert june.note is not None
    assert "28名独居老人" in june.note


def test_visits_and_home_visits() -> None:
    june = station_month()
    # One visit to each of the 65 covered, and follow-ups: e1, e2 three more
    # each (weekly), e3-e5 one more, ch1 3, d1 2, m1 3: 65 + 6 + 3 + 8 = 82.
    assert len(june.visits) == 82
    home = [v for v in june.visits if v.mode is ContactMode.HOME_VISIT]
    # 15 home visits a week planned and 8 made: 4 x 15 = 60 and 4 x 8 = 32.
    assert (len(home), june.home_visits_planned) == (32, 60)
    weeks = Counter((v.on - date(2025, 6, 2)).days // 7 for v in home)
    assert weeks == {0: 8, 1: 8, 2: 8, 3: 8}
    assert all(v.client_id.startswith("e") for v in home)
    assert all(june.period.contains(v.on) for v in june.visits)


def test_previous_month_visits() -> None:
    may = station_previous_month()
    # 21 + 14 + 11 + 14 = 60 of the same 76 registered: 60/76 = 78.9%.
    assert _covered(may) == {
        ClientCategory.LIVING_ALONE_ELDERLY: 21,
        ClientCategory.CHILDREN_IN_DIFFICULTY: 14,
        ClientCategory.PERSONS_WITH_DISABILITIES: 11,
        ClientCategory.MINIMUM_LIVELIHOOD: 14,
    }
    assert len(may.clients) == 76
    home = [v for v in may.visits if v.mode is ContactMode.HOME_VISIT]
    # e1 and e2 on four Tuesdays (8) and e3-e21 once (19): 27 of 60 planned.
    assert (len(home), may.home_visits_planned) == (27, 60)
    # 27 home visits, 39 first contacts at the station, 3 x 3 case follow-ups.
    assert len(may.visits) == 27 + 39 + 9
    assert all(may.period.contains(v.on) for v in may.visits)


def test_previous_month_cases_groups_and_survey() -> None:
    may = station_previous_month()
    assert [c.id for c in may.cases] == ["k1", "k2", "k3", "k4", "k5"]
    assert {c.status for c in may.cases} == {CaseStatus.INTERVENTION}
    improving = [c.id for c in may.cases if c.goals[0].achievement_status in IMPROVED]
    assert improving == ["k3"]
    (sunset,) = may.groups
    assert len(sunset.members_on(date(2025, 5, 31))) == 8  # the 8 the summary starts from
    attended = sum(len(s.attended) for s in sunset.sessions)
    assert (attended, 4 * 8) == (28, 32)  # one absent at each of 4 sessions
    empty = (may.volunteers, may.service_hours, may.files, may.needs, may.deliveries)
    assert [len(kind) for kind in empty] == [0, 0, 0, 0, 0]


def test_cases() -> None:
    cases = station_month().cases
    assert len(cases) == 8
    intervened = [c for c in cases if c.status in (CaseStatus.INTERVENTION, CaseStatus.REVIEW)]
    assert len(intervened) == 5
    good = {GoalAchievementStatus.IMPROVING, GoalAchievementStatus.ACHIEVED}
    improved = [c for c in intervened if any(g.achievement_status in good for g in c.goals)]
    assert len(improved) == 3


def test_groups() -> None:
    sunset, sunshine, neighbours = station_month().groups
    assert len(sunset.members_on(date(2025, 6, 1))) == 8
    assert len(sunset.members_on(date(2025, 6, 30))) == 15
    attended = sum(len(s.attended) for s in sunset.sessions)
    expected = sum(len(sunset.members_on(s.on)) for s in sunset.sessions)
    assert (attended, expected) == (45, 50)  # 90% participation
    assert len(sunshine.members) == 10
    assert len(neighbours.members) == 20


def test_activity_volunteers_resources_needs_files() -> None:
    june = station_month()
    (day,) = june.activities
    assert day.participants >= 200
    assert day.services[0].count == 50
    assert len(june.volunteers) == 15
    assert sum(h.hours for h in june.service_hours) == Decimal(100)
    assert sum(r.value_cny or 0 for r in june.resources) == Decimal(5000)
    matched = Counter(d.matched_need for d in june.deliveries)
    assert matched == {True: 7, False: 3}
    assert Counter(n.status for n in june.needs) == {NeedStatus.MET: 15, NeedStatus.OPEN: 13}
    assert sum(f.complete for f in june.files) == 27
    assert len(june.files) == 32
    survey = june.surveys[0]
    # 65 valid responses at 92%: 0.92 x 65 = 59.8, so 60 satisfied (60/65 = 92.3%;
    # 59/65 would be 90.8%).
    assert (survey.satisfied, survey.respondents) == (60, 65)
    may = station_previous_month().surveys[0]
    # "Up 5 percentage points on last month": 55/63 = 87.3%, 92.3 - 87.3 = 5.0.
    assert (may.satisfied, may.respondents) == (55, 63)
    assert round(100 * (60 / 65 - 55 / 63), 1) == 5.0
