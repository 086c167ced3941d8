"""A metric given the same record twice refuses it, as a bundle does (issue 21)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from socialwork.errors import ArgumentError
from socialwork.metrics import casework, services
from socialwork.samples import station_month

JUNE = station_month()
P, END = JUNE.period, date(2025, 6, 30)
STAFF, CASES, VISITS = JUNE.station.staff, JUNE.cases, JUNE.visits


def twice(rows: tuple[Any, ...]) -> tuple[Any, ...]:
    return (*rows, rows[0])


CALLS: dict[str, tuple[str, Callable[[], object]]] = {
    "key_group_coverage": (
        "clients",
        lambda: casework.key_group_coverage([JUNE.clients[0]] * 3, VISITS, P),
    ),
    "coverage_visits": (
        "visits",
        lambda: casework.key_group_coverage_by_category(JUNE.clients, twice(VISITS), P),
    ),
    "case_improvement": ("cases", lambda: casework.case_improvement(twice(CASES))),
    "overdue_follow_ups": (
        "cases",
        lambda: casework.overdue_follow_ups(twice(CASES), VISITS, as_of=END),
    ),
    "upcoming_follow_ups": (
        "visits",
        lambda: casework.upcoming_follow_ups(CASES, twice(VISITS), as_of=END),
    ),
    "open_cases": ("cases", lambda: casework.open_cases(twice(CASES), as_of=END)),
    "caseload_per_worker": ("cases", lambda: casework.caseload_per_worker(twice(CASES), as_of=END)),
    "mean_caseload": ("staff", lambda: casework.mean_caseload(CASES, twice(STAFF), as_of=END)),
    "clients_per_worker": ("staff", lambda: casework.clients_per_worker(VISITS, twice(STAFF), P)),
    "identification_rate": (
        "clients",
        lambda: casework.identification_rate(
            twice(JUNE.clients), JUNE.station.communities, as_of=END
        ),
    ),
    "goal_attainment": ("cases", lambda: casework.goal_attainment(twice(CASES))),
    "home_visit_completion": (
        "visits",
        lambda: casework.home_visit_completion(twice(VISITS), P, 60),
    ),
    "group_attendance": ("groups", lambda: services.group_attendance(twice(JUNE.groups), P)),
    "file_completeness": ("files", lambda: services.file_completeness(twice(JUNE.files))),
    "resource_match_accuracy": (
        "deliveries",
        lambda: services.resource_match_accuracy(twice(JUNE.deliveries), P),
    ),
    "need_satisfaction": ("needs", lambda: services.need_satisfaction(twice(JUNE.needs), P)),
    "staff_turnover": ("staff", lambda: services.staff_turnover(twice(STAFF), P)),
    "certification_rate": ("staff", lambda: services.certification_rate(twice(STAFF), as_of=END)),
    "resource_utilisation": (
        "resources",
        lambda: services.resource_utilisation(twice(JUNE.resources), JUNE.deliveries, P),
    ),
}


@pytest.mark.parametrize("name", list(CALLS))
def test_a_record_given_twice_is_refused(name: str) -> None:
    parameter, call = CALLS[name]
    with pytest.raises(ArgumentError, match=rf"^{parameter} must be records with distinct ids"):
        call()


def test_three_copies_of_one_client_are_not_three_clients() -> None:
    # The independent fuzz run's case: one client thrice read as 0/3 (or 3/3), never refused.
    (client,) = [c for c in JUNE.clients if c.id == "e1"]
    with pytest.raises(ArgumentError, match="'e1 twice'"):
        casework.key_group_coverage([client, client, client], VISITS, P)
    assert str(casework.key_group_coverage([client], VISITS, P)) == "100.0% (1/1)"


def test_a_collection_of_something_else_names_the_parameter() -> None:
    with pytest.raises(TypeError, match=r"^cases must be a collection of records; got int"):
        casework.case_improvement(7)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^cases\[1\] must be a record with a text id; got str"):
        casework.case_improvement([CASES[0], "k2"])  # type: ignore[list-item]
