"""A team function given the same record twice refuses it (issue 21).

Before, `approval_cycle` read June's requests with one of them twice as
5.0 days over 4 decisions, not 5.7 over 3.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from socialwork import team as tm
from socialwork.errors import ArgumentError
from socialwork.samples import station_month, team_month

JUNE, TEAM = station_month(), team_month()
STAFF, END = JUNE.station.staff, date(2025, 6, 30)


def twice(rows: tuple[Any, ...]) -> tuple[Any, ...]:
    return (*rows, rows[0])


CALLS: dict[str, tuple[str, Callable[[], object]]] = {
    "approval_cycle": ("requests", lambda: tm.approval_cycle(twice(TEAM.approvals), TEAM.period)),
    "roster_check": (
        "sessions",
        lambda: tm.roster_check(TEAM.roster, twice(TEAM.sessions), STAFF, TEAM.period, as_of=END),
    ),
    "roster_check_staff": (
        "staff",
        lambda: tm.roster_check(TEAM.roster, TEAM.sessions, twice(STAFF), TEAM.period, as_of=END),
    ),
    "supervision_ratio": (
        "staff",
        lambda: tm.supervision_ratio(TEAM.roster, twice(STAFF), as_of=END),
    ),
    "training_coverage": (
        "trainings",
        lambda: tm.training_coverage(twice(TEAM.trainings), STAFF, TEAM.period, as_of=END),
    ),
    "training_summary": (
        "staff",
        lambda: tm.training_summary(TEAM.trainings, twice(STAFF), TEAM.period, as_of=END),
    ),
    "sessions_per_worker": (
        "sessions",
        lambda: tm.sessions_per_worker(twice(TEAM.sessions), STAFF, TEAM.period, as_of=END),
    ),
    "check_supervision": (
        "cases",
        lambda: tm.check_supervision(TEAM.sessions, staff=STAFF, cases=twice(JUNE.cases)),
    ),
    "team_figures": ("staff", lambda: tm.team_figures(TEAM, twice(STAFF), as_of=END)),
}


@pytest.mark.parametrize("name", list(CALLS))
def test_a_record_given_twice_is_refused(name: str) -> None:
    parameter, call = CALLS[name]
    with pytest.raises(ArgumentError, match=rf"^{parameter} must be records with distinct ids"):
        call()


def test_the_approval_cycle_of_june_counts_each_request_once() -> None:
    # 3 + 7 + 7 days over the three decisions of June's requests.
    assert str(tm.approval_cycle(TEAM.approvals, TEAM.period)) == "5.7 days (3 decided)"
