"""Exact messages, boundaries and Markdown layout of the metrics (mutation tests, share b)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from socialwork.errors import ArgumentError, UnknownCodeError
from socialwork.metrics import catalogue, report
from socialwork.metrics.casework import (
    FollowUp,
    goal_attainment,
    home_visit_completion,
    key_group_coverage_by_category,
    overdue_follow_ups,
    upcoming_follow_ups,
)
from socialwork.metrics.catalogue import (
    KEY_GROUP_COVERAGE,
    OVERDUE_FOLLOW_UPS,
    SURVEY_SATISFACTION,
    StationPeriod,
)
from socialwork.metrics.rates import Rate
from socialwork.metrics.report import MonthlyReport, monthly_report
from socialwork.metrics.services import (
    group_attendance,
    membership_growth,
    need_satisfaction,
    resource_match_accuracy,
    volunteer_hours,
    volunteer_stars,
)
from socialwork.models import (
    Case,
    CaseStatus,
    ContactMode,
    Period,
    ServiceHours,
    StatusChange,
    Visit,
)
from socialwork.samples import station_month

JUNE = station_month()
P = Period(start=date(2025, 6, 1), end=date(2025, 6, 30))

EMPTY_EN = """\
# S monthly indicator report

Period: 2025-06-01 to 2025-06-30; compared with: 2025-05-01 to 2025-05-31

| Indicator | This period | Previous | Change | Target | Status |
|---|---|---|---|---|---|
| — | — | — | — | — | — |

## Key-group coverage by category

| Category | Coverage |
|---|---|
| — | — |

## Groups

| Group | Attendance | Members (start → end) |
|---|---|---|
| — | — | — |

## Overdue follow-ups (2025-06-30)

| Case | Worker | Last contact | Due on |
|---|---|---|---|
| — | — | — | — |

## Exclusions

- none
"""


def test_empty_report_markdown_exactly() -> None:
    empty = MonthlyReport(
        station="S",
        period=P,
        previous_period=Period(start=date(2025, 5, 1), end=date(2025, 5, 31)),
        lines=(),
        coverage_by_category=(),
        groups=(),
        overdue=(),
    )
    assert empty.to_markdown("en") == EMPTY_EN


def test_unknown_line_names_the_code() -> None:
    with pytest.raises(UnknownCodeError, match=r"; got 'nope'$"):
        monthly_report(JUNE, JUNE.period).line("nope")


def test_change_of_a_plain_number() -> None:
    # 5 cases against 2: +3 (not 7).
    assert report._change(OVERDUE_FOLLOW_UPS, 5, 2) == 3.0


def test_home_visit_completion_entry_uses_the_plan() -> None:
    # June plans 60 home visits (15 a week) and has 32 (8 a week; see test_metrics_report).
    value = catalogue._home_visit_completion(StationPeriod(JUNE, JUNE.period))
    assert isinstance(value, Rate)
    assert (value.numerator, value.denominator) == (32, 60)


def test_catalogue_refuses_a_shared_code() -> None:
    entry = catalogue.CATALOGUE["key_group_coverage"]
    other = catalogue.CATALOGUE["survey_satisfaction"]
    with pytest.raises(RuntimeError, match=r"^two catalogue entries share a code$"):
        catalogue._catalogue(entry, entry)
    built = catalogue._catalogue(entry, other)
    assert dict(built) == {"key_group_coverage": entry, "survey_satisfaction": other}


# --- services -------------------------------------------------------------


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


# --- definitions ----------------------------------------------------------


def test_percentage_point_suffix_in_simplified_chinese() -> None:
    assert KEY_GROUP_COVERAGE.format_change(5.0) == "+5.0 个百分点"
    assert SURVEY_SATISFACTION.format_change(-2.0, "zh") == "-2.0 个百分点"


def test_plain_number_without_unit_has_no_suffix() -> None:
    bare = OVERDUE_FOLLOW_UPS.model_copy(update={"unit": None})
    assert bare.format_change(3.0, "en") == "+3"


@pytest.mark.parametrize("bad", ["scaled", "goal"])
def test_reaches_names_the_bad_argument(bad: str) -> None:
    args = {"scaled": 1.0, "goal": 1.0, bad: float("nan")}
    with pytest.raises(ArgumentError, match=rf"^{bad} must be a finite number"):
        KEY_GROUP_COVERAGE.reaches(args["scaled"], args["goal"])


# --- casework -------------------------------------------------------------


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


def _case(case_id: str, opened_on: date) -> Case:
    return Case(id=case_id, client_id="e1", worker_id="s1", opened_on=opened_on)


def _visit(case_id: str, on: date, visit_id: str = "x1") -> Visit:
    return Visit(
        id=visit_id, client_id="e1", on=on, mode=ContactMode.PHONE, worker_id="s1", case_id=case_id
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
