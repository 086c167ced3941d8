"""Station indicators: the seed report's figures by hand, and properties of the rules."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from random import Random

from hypothesis import given, settings
from hypothesis import strategies as st

from socialwork.metrics import (
    ExclusionReason,
    case_improvement,
    caseload_per_worker,
    certification_rate,
    combine,
    file_completeness,
    goal_attainment,
    group_attendance,
    home_visit_completion,
    key_group_coverage,
    key_group_coverage_by_category,
    mean_caseload,
    membership_growth,
    need_satisfaction,
    overdue_follow_ups,
    resource_match_accuracy,
    staff_turnover,
    survey_satisfaction,
    upcoming_follow_ups,
    volunteer_hours,
    volunteer_stars,
)
from socialwork.models import (
    Case,
    CaseStatus,
    Client,
    ClientCategory,
    Closure,
    ClosureOutcome,
    ContactMode,
    Need,
    NeedDomain,
    NeedStatus,
    Period,
    ResourceDelivery,
    Staff,
    StaffGrade,
    StaffRole,
    StatusChange,
    Visit,
)
from socialwork.records import replace
from socialwork.samples import station_month, station_previous_month
from tests.strategies import METRIC_MONTH, case_books, key_group_books

JUNE = station_month()
MAY = station_previous_month()
END = date(2025, 6, 30)


def test_key_group_coverage_of_the_seed() -> None:
    # 23 + 15 + 12 people and 15 households = 65 of 34 + 15 + 12 + 15 = 76 registered
    # key-group clients visited: 65/76 = 85.5%.
    coverage = key_group_coverage(JUNE.clients, JUNE.visits, JUNE.period)
    assert (coverage.numerator, coverage.denominator) == (65, 76)
    assert coverage.percent is not None
    assert round(coverage.percent, 2) == 85.53  # 6500 / 76 = 85.526
    cover = key_group_coverage_by_category(JUNE.clients, JUNE.visits, JUNE.period)
    assert cover.total == coverage
    assert {c: (r.numerator, r.denominator) for c, r in cover.by_category} == {
        ClientCategory.LIVING_ALONE_ELDERLY: (23, 34),
        ClientCategory.CHILDREN_IN_DIFFICULTY: (15, 15),
        ClientCategory.PERSONS_WITH_DISABILITIES: (12, 12),
        ClientCategory.MINIMUM_LIVELIHOOD: (15, 15),
    }
    # May: 21 + 14 + 11 + 14 = 60 of 76 = 78.9%. June visits do not count in May.
    assert str(key_group_coverage(MAY.clients, MAY.visits, MAY.period)) == "78.9% (60/76)"
    assert key_group_coverage(JUNE.clients, JUNE.visits, MAY.period).numerator == 0


def test_satisfaction_of_the_seed() -> None:
    # 60 of 65 valid responses = 92.3% in June; 55 of 63 = 87.3% in May.
    assert str(survey_satisfaction(JUNE.surveys, JUNE.period)) == "92.3% (60/65)"
    assert str(survey_satisfaction(MAY.surveys, MAY.period)) == "87.3% (55/63)"
    assert survey_satisfaction(JUNE.surveys, MAY.period).value is None


def test_case_improvement_of_the_seed() -> None:
    # k1..k5 reached intervention; k1, k3 (achieved) and k4 improved: 3 of 5.
    assert str(case_improvement(JUNE.cases)) == "60.0% (3/5)"


def test_a_closed_case_that_went_through_intervention_counts() -> None:
    (k1,) = [c for c in JUNE.cases if c.id == "k1"]
    closing = StatusChange(
        on=date(2025, 6, 28), from_status=CaseStatus.REVIEW, to_status=CaseStatus.CLOSED
    )
    closed = replace(
        k1,
        status=CaseStatus.CLOSED,
        closure=Closure(closed_on=date(2025, 6, 28), outcome=ClosureOutcome.GOALS_ACHIEVED),
        history=(*k1.history, closing),
    )
    assert str(case_improvement([closed])) == "100.0% (1/1)"
    fresh = Case(id="k9", client_id="e1", worker_id="s1", opened_on=date(2025, 6, 1))
    assert case_improvement([fresh]).value is None


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


def test_follow_ups_of_the_seed() -> None:
    # On 30 June: k4's last contact was 18 June (12 days); k7 and k8 have had none since
    # intake on 10 and 9 June. k6 opened on 25 June: 5 days, not overdue.
    overdue = overdue_follow_ups(JUNE.cases, JUNE.visits, as_of=END)
    assert [(f.case_id, f.last_contact, f.due_on) for f in overdue] == [
        ("k8", None, date(2025, 6, 16)),
        ("k7", None, date(2025, 6, 17)),
        ("k4", date(2025, 6, 18), date(2025, 6, 25)),
    ]
    assert [f.days_overdue(as_of=END) for f in overdue] == [14, 13, 5]
    # Contact exactly 7 days ago is not overdue; one day later it is.
    on_25 = overdue_follow_ups(JUNE.cases, JUNE.visits, as_of=date(2025, 6, 25))
    assert [f.case_id for f in on_25] == ["k8", "k7"]
    assert "k4" in [
        f.case_id for f in overdue_follow_ups(JUNE.cases, JUNE.visits, as_of=date(2025, 6, 26))
    ]
    upcoming = upcoming_follow_ups(JUNE.cases, JUNE.visits, as_of=END, within_days=3)
    # k1 and k2 last seen on Tuesday 24 June: due 1 July; k3 last seen and k6 opened
    # 25 June: 2 July; k5 last seen 26 June: 3 July.
    assert [(f.case_id, f.due_on.day) for f in upcoming] == [
        ("k1", 1),
        ("k2", 1),
        ("k3", 2),
        ("k6", 2),
        ("k5", 3),
    ]


def test_caseload_and_staff_of_the_seed() -> None:
    assert caseload_per_worker(JUNE.cases, as_of=END) == {
        "s1": 1, "s2": 1, "s3": 2, "s4": 2, "s5": 1, "s6": 1
    }  # fmt: skip
    # 8 open cases over 6 full-time workers; interns carry none.
    assert mean_caseload(JUNE.cases, JUNE.station.staff, as_of=END) == 8 / 6
    assert mean_caseload(JUNE.cases, (), as_of=END) is None
    # 5 of the 6 full-time workers are certified (s6 is not); interns s7, s8 excluded.
    certified = certification_rate(JUNE.station.staff, as_of=END)
    assert (certified.numerator, certified.denominator) == (5, 6)
    assert {e.reason for e in certified.exclusions} == {ExclusionReason.INTERN}
    assert str(staff_turnover(JUNE.station.staff, JUNE.period)) == "0.0% (0/8)"


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


def test_home_visit_completion_of_the_seed() -> None:
    # Seed 002: 15 home visits a week needed, 8 managed: 8 / 15 = 53.3%.
    week = Period(start=date(2025, 6, 2), end=date(2025, 6, 8))
    done = [
        Visit(id=f"v{n}", client_id="e1", on=date(2025, 6, 2 + n % 7), mode=mode, worker_id="s1")
        for n, mode in enumerate([ContactMode.HOME_VISIT] * 8 + [ContactMode.PHONE] * 3)
    ]
    assert str(home_visit_completion(done, week, planned=15)) == "53.3% (8/15)"
    above = home_visit_completion(done, week, planned=6)
    assert (above.numerator, above.denominator, len(above.exclusions)) == (6, 6, 2)
    assert str(home_visit_completion(done, week, planned=0)) == "n/a"


@dataclass(frozen=True, slots=True)
class PlainClient:
    id: str
    categories: tuple[ClientCategory, ...]


@dataclass(frozen=True, slots=True)
class PlainVisit:
    id: str
    client_id: str
    case_id: str | None
    on: date
    mode: ContactMode


def test_indicators_accept_plain_objects_with_the_same_attributes() -> None:
    clients = [PlainClient(c.id, c.categories) for c in JUNE.clients]
    visits = [PlainVisit(v.id, v.client_id, v.case_id, v.on, v.mode) for v in JUNE.visits]
    assert key_group_coverage(clients, visits, JUNE.period) == key_group_coverage(
        JUNE.clients, JUNE.visits, JUNE.period
    )
    assert overdue_follow_ups(JUNE.cases, visits, as_of=END) == overdue_follow_ups(
        JUNE.cases, JUNE.visits, as_of=END
    )


@settings(max_examples=50)
@given(key_group_books(), st.randoms(use_true_random=False))
def test_order_of_clients_and_visits_never_changes_coverage(
    book: tuple[tuple[Client, ...], tuple[Visit, ...]], random: Random
) -> None:
    clients, visits = list(book[0]), list(book[1])
    before = key_group_coverage(clients, visits, METRIC_MONTH)
    by_before = key_group_coverage_by_category(clients, visits, METRIC_MONTH)
    random.shuffle(clients)
    random.shuffle(visits)
    assert key_group_coverage(clients, visits, METRIC_MONTH) == before
    assert key_group_coverage_by_category(clients, visits, METRIC_MONTH) == by_before
    assert before.value is None or 0 <= before.value <= 1


@settings(max_examples=50)
@given(key_group_books(one_category=True))
def test_splitting_by_category_and_summing_gives_the_total(
    book: tuple[tuple[Client, ...], tuple[Visit, ...]],
) -> None:
    clients, visits = book
    cover = key_group_coverage_by_category(clients, visits, METRIC_MONTH)
    total = key_group_coverage(clients, visits, METRIC_MONTH)
    assert cover.total == total
    assert combine(r for _, r in cover.by_category) == total
    for category, part in cover.by_category:
        assert cover.category(category) == part


@settings(max_examples=50)
@given(key_group_books())
def test_with_several_categories_the_parts_count_a_client_in_each(
    book: tuple[tuple[Client, ...], tuple[Visit, ...]],
) -> None:
    clients, visits = book
    cover = key_group_coverage_by_category(clients, visits, METRIC_MONTH)
    parts = [r for _, r in cover.by_category]
    assert sum(r.denominator for r in parts) >= cover.total.denominator
    assert sum(r.numerator for r in parts) >= cover.total.numerator


@settings(max_examples=50)
@given(case_books(), st.randoms(use_true_random=False), st.integers(min_value=0, max_value=10))
def test_order_of_cases_and_visits_never_changes_case_figures(
    book: tuple[tuple[Case, ...], tuple[Visit, ...]], random: Random, after_days: int
) -> None:
    cases, visits = list(book[0]), list(book[1])

    def figures() -> tuple[object, ...]:
        return (
            case_improvement(cases),
            goal_attainment(cases),
            overdue_follow_ups(cases, visits, as_of=END, after_days=after_days),
            upcoming_follow_ups(cases, visits, as_of=END, within_days=3, after_days=after_days),
            caseload_per_worker(cases, as_of=END),
        )

    before = figures()
    random.shuffle(cases)
    random.shuffle(visits)
    assert figures() == before
    opened = {c.id: c.opened_on for c in cases}
    for follow_up in overdue_follow_ups(cases, visits, as_of=END, after_days=after_days):
        since = follow_up.last_contact or opened[follow_up.case_id]
        assert (END - since).days > after_days
