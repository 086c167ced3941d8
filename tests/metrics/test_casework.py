"""Tests of socialwork.metrics.casework."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from random import Random
from typing import Any, cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialwork.errors import (
    ArgumentError,
    MetricInputError,
    UnknownCodeError,
)
from socialwork.metrics import (
    Exclusion,
    ExclusionReason,
    FollowUp,
    ReportLine,
    caseload_per_worker,
    combine,
    key_group_coverage_by_category,
    monthly_report,
    open_cases,
    rate,
    two_proportion_test,
    upcoming_follow_ups,
    volunteer_stars,
)
from socialwork.metrics.casework import (
    case_improvement,
    goal_attainment,
    home_visit_completion,
    key_group_coverage,
    mean_caseload,
    overdue_follow_ups,
)
from socialwork.metrics.catalogue import (
    indicator,
)
from socialwork.metrics.services import certification_rate, staff_turnover
from socialwork.metrics.survey import wilson_interval
from socialwork.models import (
    Case,
    CaseStatus,
    Client,
    ClientCategory,
    Closure,
    ClosureOutcome,
    ContactMode,
    Period,
    StatusChange,
    Visit,
)
from socialwork.records import replace
from tests.metrics.support import (
    END,
    JUNE,
    JUNE_PERIOD,
    MAY,
    VOLUNTEER_HOURS,
    P,
    member,
)
from tests.strategies import METRIC_MONTH, case_books, cases, key_group_books


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


def reopened_case(case_id: str, *, closed: date, again: date) -> Case:
    """A case of p1 opened on 1 June, closed on ``closed`` and reopened on ``again``."""
    return Case(
        id=case_id,
        client_id="p1",
        worker_id="s1",
        opened_on=date(2025, 6, 1),
        status=CaseStatus.ASSESSMENT,
        history=(
            StatusChange(on=closed, from_status=CaseStatus.INTAKE, to_status=CaseStatus.CLOSED),
            StatusChange(
                on=again,
                from_status=CaseStatus.CLOSED,
                to_status=CaseStatus.ASSESSMENT,
                reason="复发",
            ),
        ),
    )


def phone_call(case_id: str, on: date) -> Visit:
    """A phone contact v1 with p1 under ``case_id``."""
    return Visit(
        id="v1", client_id="p1", case_id=case_id, on=on, mode=ContactMode.PHONE, worker_id="s1"
    )


def closed_case(
    key: str, opened: date, closed: date, worker: str = "s1", *, history: bool = True
) -> Case:
    changes = (
        (StatusChange(on=closed, from_status=CaseStatus.INTAKE, to_status=CaseStatus.CLOSED),)
        if history
        else ()
    )
    return Case(
        id=key,
        client_id="p1",
        worker_id=worker,
        opened_on=opened,
        status=CaseStatus.CLOSED,
        closure=Closure(closed_on=closed, outcome=ClosureOutcome.GOALS_ACHIEVED),
        history=changes,
    )


@pytest.mark.parametrize(
    "day",
    [date.min, date(1899, 12, 31), date(2200, 1, 1), datetime(2025, 6, 30, tzinfo=UTC)],
    ids=["date-min", "before-1900", "after-2199", "aware-datetime"],
)
def test_as_of_days_outside_the_range_or_with_a_time_are_refused(day: date) -> None:
    calls: list[Callable[[], object]] = [
        lambda: overdue_follow_ups(JUNE.cases, JUNE.visits, as_of=day),
        lambda: upcoming_follow_ups(JUNE.cases, JUNE.visits, as_of=day),
        lambda: open_cases(JUNE.cases, as_of=day),
        lambda: caseload_per_worker(JUNE.cases, as_of=day),
        lambda: mean_caseload(JUNE.cases, JUNE.station.staff, as_of=day),
        lambda: certification_rate(JUNE.station.staff, as_of=day),
        lambda: volunteer_stars(JUNE.volunteers, JUNE.service_hours, as_of=day),
    ]
    for call in calls:
        with pytest.raises(ArgumentError) as info:
            call()
        assert info.value.parameter == "as_of"


def test_as_of_is_keyword_only() -> None:
    positional: Any = overdue_follow_ups
    with pytest.raises(TypeError):
        positional(JUNE.cases, JUNE.visits, date(2025, 6, 30))


@pytest.mark.parametrize("after_days", [-5, -1, 3651])
def test_a_follow_up_rule_of_negative_or_absurd_days_is_refused(after_days: int) -> None:
    # after_days=-5 once counted 8 cases overdue: a contact today "due" five days ago.
    with pytest.raises(ArgumentError) as info:
        overdue_follow_ups(
            JUNE.cases,
            JUNE.visits,
            as_of=date(2025, 6, 30),
            after_days=after_days,
        )
    assert info.value.parameter == "after_days"
    with pytest.raises(ArgumentError):
        upcoming_follow_ups(
            JUNE.cases,
            JUNE.visits,
            as_of=date(2025, 6, 30),
            within_days=after_days,
        )


def test_the_longest_follow_up_rule_still_works() -> None:
    # Ten years after the last contact nobody is overdue on 30 June 2025.
    assert (
        overdue_follow_ups(JUNE.cases, JUNE.visits, as_of=date(2025, 6, 30), after_days=3650) == ()
    )
    late = upcoming_follow_ups(
        JUNE.cases,
        JUNE.visits,
        as_of=date(2199, 12, 31),
        within_days=3650,
        after_days=3650,
    )
    assert late == ()


@pytest.mark.parametrize("history", [True, False], ids=["with-history", "closure-only"])
def test_a_case_closed_later_was_open_before(history: bool) -> None:
    june = closed_case("k9", date(2025, 6, 1), date(2025, 6, 20), history=history)
    assert open_cases([june], as_of=date(2025, 5, 31)) == ()
    assert open_cases([june], as_of=date(2025, 6, 1)) == (june,)
    assert open_cases([june], as_of=date(2025, 6, 19)) == (june,)
    assert open_cases([june], as_of=date(2025, 6, 20)) == ()  # closed that day
    assert caseload_per_worker([june], as_of=date(2025, 6, 10)) == {"s1": 1}
    assert caseload_per_worker([june], as_of=date(2025, 6, 20)) == {}
    staff = [member("s1", date(2024, 1, 1), None)]
    assert mean_caseload([june], staff, as_of=date(2025, 6, 10)) == 1.0
    assert mean_caseload([june], staff, as_of=date(2025, 6, 25)) == 0.0
    # No contact since 1 June: due 8 June; overdue on 10 June, but not once closed.
    (late,) = overdue_follow_ups([june], [], as_of=date(2025, 6, 10))
    assert (late.case_id, late.last_contact, late.due_on) == ("k9", None, date(2025, 6, 8))
    assert late.days_overdue(as_of=date(2025, 6, 10)) == 2
    assert overdue_follow_ups([june], [], as_of=date(2025, 6, 20)) == ()
    (soon,) = upcoming_follow_ups([june], [], as_of=date(2025, 6, 5), within_days=3)
    assert soon.due_on == date(2025, 6, 8)
    assert upcoming_follow_ups([june], [], as_of=date(2025, 6, 4), within_days=3) == ()


def test_a_reopened_case_counts_from_its_reopening() -> None:
    reopened = reopened_case("k9", closed=date(2025, 6, 10), again=date(2025, 6, 15))
    contact = phone_call("k9", date(2025, 6, 5))
    assert open_cases([reopened], as_of=date(2025, 6, 9)) == (reopened,)
    assert open_cases([reopened], as_of=date(2025, 6, 12)) == ()
    assert open_cases([reopened], as_of=date(2025, 6, 15)) == (reopened,)
    # On 12 June it was closed: nothing is due, though its last contact was a week before.
    assert overdue_follow_ups([reopened], [contact], as_of=date(2025, 6, 12)) == ()
    # On 25 June the contact of 5 June predates the reopening: due 22 June, counted from 15 June.
    (late,) = overdue_follow_ups([reopened], [contact], as_of=date(2025, 6, 25))
    assert (late.last_contact, late.due_on) == (None, date(2025, 6, 22))
    # On 9 June the contact of 5 June counts: due 12 June, not yet overdue.
    (soon,) = upcoming_follow_ups([reopened], [contact], as_of=date(2025, 6, 9))
    assert (soon.last_contact, soon.due_on) == (date(2025, 6, 5), date(2025, 6, 12))


def test_contacts_after_as_of_do_not_count() -> None:
    case = Case(id="k9", client_id="p1", worker_id="s1", opened_on=date(2025, 6, 1))

    def call(on: date) -> Visit:
        return Visit(
            id=f"v{on.day}",
            client_id="p1",
            case_id="k9",
            on=on,
            mode=ContactMode.PHONE,
            worker_id="s1",
        )

    # A contact on as_of itself counts; one the day after does not.
    assert overdue_follow_ups([case], [call(date(2025, 6, 20))], as_of=date(2025, 6, 20)) == ()
    (late,) = overdue_follow_ups([case], [call(date(2025, 6, 21))], as_of=date(2025, 6, 20))
    assert late.last_contact is None


@settings(max_examples=200)
@given(cases(), st.dates(min_value=date(2019, 12, 1), max_value=date(2031, 1, 31)))
def test_open_cases_agree_with_case_open_on(case: Case, day: date) -> None:
    assert (open_cases([case], as_of=day) == (case,)) is case.open_on(day)
    assert sum(caseload_per_worker([case], as_of=day).values()) == case.open_on(day)


def test_errors_keep_the_parameter_the_value_and_the_rule() -> None:
    with pytest.raises(MetricInputError) as above:
        rate(5, 4)
    assert (above.value.value, above.value.expected) == (5, "at most the denominator 4")
    with pytest.raises(MetricInputError) as successes:
        wilson_interval(5, 4)
    assert (successes.value.value, successes.value.expected) == (5, "at most n 4")
    with pytest.raises(MetricInputError) as second:
        two_proportion_test(1, 2, 3, 2)
    assert (second.value.value, second.value.expected) == (3, "at most n2 2")
    with pytest.raises(ArgumentError) as days:
        overdue_follow_ups([], [], as_of=date(2025, 6, 30), after_days=-5)
    assert str(days.value) == "after_days must be a whole number of days from 0 to 3650; got -5"
    assert days.value.value == -5
    for keyword in ("within_days", "after_days"):
        with pytest.raises(ArgumentError) as window:
            upcoming_follow_ups([], [], as_of=date(2025, 6, 30), **{keyword: 3651})
        assert window.value.parameter == keyword
    with pytest.raises(TypeError, match="after_days must be an int"):
        overdue_follow_ups([], [], as_of=date(2025, 6, 30), after_days=cast(Any, "7"))
    with pytest.raises(ArgumentError) as places:
        rate(1, 2).format(7)
    assert str(places.value) == "decimals must be a number of decimal places from 0 to 6; got 7"
    with pytest.raises(ArgumentError) as due:
        FollowUp("k1", "s1", None, date(2025, 6, 1)).days_overdue(as_of=datetime(2025, 6, 2, 9))
    assert due.value.parameter == "as_of"
    with pytest.raises(UnknownCodeError) as category:
        key_group_coverage_by_category([], [], JUNE_PERIOD).category("elderly")
    assert category.value.parameter == "category"
    with pytest.raises(UnknownCodeError) as line:
        monthly_report(JUNE, JUNE.period).line("happiness")
    assert (line.value.parameter, line.value.value) == ("code", "happiness")
    with pytest.raises(UnknownCodeError) as status:
        ReportLine(VOLUNTEER_HOURS, 1, None, None, None, cast(Any, "great"))
    assert status.value.parameter == "status"
    with pytest.raises(UnknownCodeError) as reason:
        Exclusion("w1", cast(Any, "gone"))
    assert reason.value.parameter == "reason"
    with pytest.raises(UnknownCodeError) as entry:
        indicator(cast(Any, ["key_group_coverage"]))
    assert (entry.value.parameter, entry.value.value) == ("code", ["key_group_coverage"])


def test_home_visits_above_the_plan_are_the_latest_ones() -> None:
    visits = [
        Visit(
            id=f"v{day}",
            client_id="p1",
            on=date(2025, 6, day),
            mode=ContactMode.HOME_VISIT,
            worker_id="s1",
        )
        for day in (9, 3, 5, 7)
    ]
    done = home_visit_completion(visits, JUNE_PERIOD, 2)
    assert str(done) == "100.0% (2/2)"
    assert [e.record_id for e in done.exclusions] == ["v7", "v9"]


def test_a_case_recorded_as_closed_from_the_start_opens_on_its_reopening() -> None:
    case = Case(
        id="k9",
        client_id="p1",
        worker_id="s1",
        opened_on=date(2025, 6, 1),
        status=CaseStatus.ASSESSMENT,
        history=(
            StatusChange(
                on=date(2025, 6, 10),
                from_status=CaseStatus.CLOSED,
                to_status=CaseStatus.ASSESSMENT,
                reason="重新接案",
            ),
        ),
    )
    assert open_cases([case], as_of=date(2025, 6, 5)) == ()
    assert open_cases([case], as_of=date(2025, 6, 10)) == (case,)
    assert case.open_on(date(2025, 6, 5)) is False


def test_follow_ups_at_their_edges() -> None:
    closed = closed_case("k1", date(2025, 6, 1), date(2025, 6, 5))
    open_ = Case(id="k2", client_id="p1", worker_id="s2", opened_on=date(2025, 6, 1))
    # A case not open on as_of is skipped, and the next one still counted.
    assert [
        f.case_id for f in overdue_follow_ups([closed, open_], [], as_of=date(2025, 6, 20))
    ] == ["k2"]
    # Due today: upcoming (not overdue), with the default window of 3 days.
    (today,) = upcoming_follow_ups([open_], [], as_of=date(2025, 6, 8))
    assert today.due_on == date(2025, 6, 8)
    assert today.days_overdue(as_of=date(2025, 6, 8)) == 0
    assert overdue_follow_ups([open_], [], as_of=date(2025, 6, 8)) == ()
    assert [f.due_on for f in upcoming_follow_ups([open_], [], as_of=date(2025, 6, 5))] == [
        date(2025, 6, 8)
    ]
    assert upcoming_follow_ups([open_], [], as_of=date(2025, 6, 4)) == ()
    # A contact on the day a case reopens counts as a contact of the new span.
    reopened = reopened_case("k3", closed=date(2025, 6, 3), again=date(2025, 6, 10))
    call = phone_call("k3", date(2025, 6, 10))
    (due,) = upcoming_follow_ups([reopened], [call], as_of=date(2025, 6, 15))
    assert (due.last_contact, due.due_on) == (date(2025, 6, 10), date(2025, 6, 17))


def _case(case_id: str, opened_on: date) -> Case:
    return Case(id=case_id, client_id="e1", worker_id="s1", opened_on=opened_on)


def _visit(case_id: str, on: date, visit_id: str = "x1") -> Visit:
    return Visit(
        id=visit_id, client_id="e1", on=on, mode=ContactMode.PHONE, worker_id="s1", case_id=case_id
    )


def test_category_message_names_the_parameter() -> None:
    cover = key_group_coverage_by_category(JUNE.clients, JUNE.visits, JUNE.period)
    with pytest.raises(UnknownCodeError, match=r"^category must be one of the codes"):
        cover.category("nope")


def test_coverage_counts_visits_on_both_ends() -> None:
    client = next(c for c in JUNE.clients if c.categories)
    v = JUNE.visits[0]
    for day in (P.start, P.end):
        visit = v.model_copy(update={"client_id": client.id, "on": day})
        cover = key_group_coverage_by_category([client], [visit], P)
        assert (cover.total.numerator, cover.total.denominator) == (1, 1)


def test_days_overdue() -> None:
    f = FollowUp("k1", "s1", None, date(2025, 6, 10))
    assert f.days_overdue(as_of=date(2025, 6, 10)) == 0
    assert f.days_overdue(as_of=date(2025, 6, 5)) == 0
    assert f.days_overdue(as_of=date(2025, 6, 13)) == 3
    with pytest.raises(ArgumentError, match=r"^as_of must be "):
        f.days_overdue(as_of=date(1800, 1, 1))


@pytest.mark.parametrize("name", ["within_days", "after_days"])
def test_upcoming_names_the_bad_argument(name: str) -> None:
    days = {"within_days": 3, "after_days": 7, name: -1}
    with pytest.raises(ArgumentError, match=rf"^{name} must be a whole number of days"):
        upcoming_follow_ups(
            [],
            [],
            as_of=date(2025, 6, 1),
            within_days=days["within_days"],
            after_days=days["after_days"],
        )


def test_upcoming_default_window_is_three_days() -> None:
    as_of = date(2025, 6, 10)
    # Opened 2025-06-06 with no contact: due 2025-06-13, three days on: listed.
    # Opened 2025-06-07: due 2025-06-14, four days on: not listed.
    cases = [_case("a", date(2025, 6, 6)), _case("b", date(2025, 6, 7))]
    assert [f.case_id for f in upcoming_follow_ups(cases, [], as_of=as_of)] == ["a"]
    # Due exactly on as_of (opened 2025-06-03): listed, the window includes its first day.
    due_today = upcoming_follow_ups([_case("c", date(2025, 6, 3))], [], as_of=as_of)
    assert [f.due_on for f in due_today] == [as_of]


def test_follow_ups_contacts() -> None:
    as_of = date(2025, 6, 20)
    case = _case("a", date(2025, 6, 1))
    # A contact on the opening day counts: due 7 days later, 2025-06-08, overdue.
    (f,) = overdue_follow_ups([case], [_visit("a", date(2025, 6, 1))], as_of=as_of)
    assert (f.last_contact, f.due_on) == (date(2025, 6, 1), date(2025, 6, 8))
    # A visit of another case first does not stop the search; the latest contact wins.
    visits = [
        _visit("zzz", date(2025, 6, 2), "x0"),
        _visit("a", date(2025, 6, 3), "x1"),
        _visit("a", date(2025, 6, 5), "x2"),
        _visit("a", date(2025, 6, 4), "x3"),
    ]
    (g,) = overdue_follow_ups([case], visits, as_of=as_of)
    assert g.last_contact == date(2025, 6, 5)
    # Two cases: the first not open (opened later), the second still found.
    later = _case("b", date(2025, 6, 25))
    found = overdue_follow_ups([later, case], [], as_of=as_of)
    assert [x.case_id for x in found] == ["a"]


def test_goal_attainment_lists_exclusions_sorted() -> None:
    case = JUNE.cases[0]
    goal = case.goals[0].model_copy(update={"achievement_status": None})
    cases = [
        case.model_copy(update={"id": "k9", "goals": (goal,)}),
        case.model_copy(update={"id": "k1", "goals": (goal,)}),
    ]
    ids = [e.record_id for e in goal_attainment(cases).exclusions]
    assert ids == ["k1/k1-g1", "k9/k1-g1"]


def test_home_visits_above_plan_named() -> None:
    visits = [
        Visit(
            id=f"h{n}",
            client_id="e1",
            on=date(2025, 6, 1 + n),
            mode=ContactMode.HOME_VISIT,
            worker_id="s1",
        )
        for n in range(3)
    ]
    done = home_visit_completion(visits, P, 2)
    assert [e.record_id for e in done.exclusions] == ["h2"]


def test_history_starting_closed_counts_from_the_reopening() -> None:
    # Opened 1 June but closed at first; reopened 5 June: the follow-up is due
    # 7 days after the reopening (12 June), not after the opening (8 June).
    case = Case(
        id="a",
        client_id="e1",
        worker_id="s1",
        opened_on=date(2025, 6, 1),
        history=(
            StatusChange(
                on=date(2025, 6, 5), from_status=CaseStatus.CLOSED, to_status=CaseStatus.INTAKE
            ),
        ),
    )
    (f,) = overdue_follow_ups([case], [], as_of=date(2025, 6, 20))
    assert f.due_on == date(2025, 6, 12)
