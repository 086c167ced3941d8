"""The built-in sample holds the figures of the seed's monthly report (counted by hand)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal

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


def test_visits_and_coverage_figures() -> None:
    june = station_month()
    assert len(june.visits) == 65
    category = {c.id: c.categories[0] for c in june.clients}
    by_group = Counter(category[v.client_id] for v in june.visits)
    assert by_group == {
        ClientCategory.LIVING_ALONE_ELDERLY: 23,
        ClientCategory.CHILDREN_IN_DIFFICULTY: 15,
        ClientCategory.PERSONS_WITH_DISABILITIES: 12,
        ClientCategory.MINIMUM_LIVELIHOOD: 15,
    }
    home = [v for v in june.visits if v.mode is ContactMode.HOME_VISIT]
    assert (len(home), june.home_visits_planned) == (56, 60)
    visited = {v.client_id for v in june.visits}
    assert (len(visited), len(june.clients)) == (51, 60)  # 85% coverage
    assert all(june.period.contains(v.on) for v in june.visits)


def test_previous_month_visits() -> None:
    may = station_previous_month()
    category = {c.id: c.categories[0] for c in may.clients}
    assert Counter(category[v.client_id] for v in may.visits) == {
        ClientCategory.LIVING_ALONE_ELDERLY: 16,
        ClientCategory.CHILDREN_IN_DIFFICULTY: 12,
        ClientCategory.PERSONS_WITH_DISABILITIES: 10,
        ClientCategory.MINIMUM_LIVELIHOOD: 10,
    }
    visited = {v.client_id for v in may.visits}
    assert (len(visited), len(may.clients)) == (48, 60)  # 80% coverage, once each
    assert all(may.period.contains(v.on) for v in may.visits)


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
    assert (survey.satisfied, survey.respondents) == (46, 50)
    may = station_previous_month().surveys[0]
    assert (may.satisfied, may.respondents) == (87, 100)
