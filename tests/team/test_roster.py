"""The roster's check, counted by hand: who joined on the 20th, who left on the 10th."""

from __future__ import annotations

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from socialwork.calendars import Frequency, Recurrence
from socialwork.models import StaffGrade
from socialwork.samples import station_month, team_month
from socialwork.team import (
    Roster,
    RosterEntry,
    SupervisionForm,
    SupervisionSource,
    roster_check,
    sessions_per_worker,
    supervision_ratio,
)
from socialwork.team.roster import ComplianceStatus, SupervisionRatio
from tests.team.support import END, JUNE, member, session, weekly

STAFF = (
    member("s1", grade=StaffGrade.SUPERVISOR),
    member("s3"),
    member("s9", joined=date(2025, 6, 20)),  # joined on the 20th
    member("s10", left=date(2025, 6, 10)),  # left on the 10th: last day on staff the 9th
)
ROSTER = Roster(id="r", entries=(weekly("tue", "s1", "s3", "s9", "s10"),))


def test_joined_on_the_20th_owes_only_the_tuesdays_from_the_20th() -> None:
    # Tuesdays of June: 3, 10, 17, 24. s9 is on staff from the 20th: only the 24th.
    sessions = [session("a", date(2025, 6, 24), "s1", "s3", "s9")]
    check = roster_check(ROSTER, sessions, STAFF, JUNE, as_of=END)
    s9 = next(w for w in check.workers if w.staff_id == "s9")
    assert (s9.required, s9.held, s9.missed) == (1, 1, 0)
    assert (s9.first_day, s9.last_day) == (date(2025, 6, 20), END)
    assert s9.status is ComplianceStatus.MET


def test_left_on_the_10th_is_not_counted_from_the_10th() -> None:
    # s10 was on staff 1-9 June: only the 3rd is due; a session on the 10th is not theirs.
    sessions = [
        session("a", date(2025, 6, 3), "s1", "s3"),
        session("b", date(2025, 6, 10), "s1", "s3", "s10"),
    ]
    check = roster_check(ROSTER, sessions, STAFF, JUNE, as_of=END)
    s10 = next(w for w in check.workers if w.staff_id == "s10")
    assert (s10.required, s10.held, s10.missed) == (1, 0, 1)
    assert s10.last_day == date(2025, 6, 9)
    s3 = next(w for w in check.workers if w.staff_id == "s3")
    assert (s3.required, s3.held, s3.missed) == (4, 2, 2)
    # s9 owes the 24th and missed it; none of the three met the roster.
    assert str(check.compliance) == "0.0% (0/3)"
    assert (check.required, check.missed) == (4 + 1 + 1, 2 + 1 + 1)


def test_as_of_the_15th_counts_only_what_was_due_by_then() -> None:
    sessions = [session("a", date(2025, 6, 3), "s1", "s3", "s10")]
    check = roster_check(ROSTER, sessions, STAFF, JUNE, as_of=date(2025, 6, 15))
    by_id = {w.staff_id: w for w in check.workers}
    assert (by_id["s3"].required, by_id["s3"].missed) == (2, 1)  # the 3rd and the 10th
    assert by_id["s9"].status is ComplianceStatus.NOT_DUE  # not yet on staff
    assert (by_id["s10"].required, by_id["s10"].held) == (1, 1)
    # s9 is listed but not counted: 1 of s3 and s10 met it.
    assert str(check.compliance) == "50.0% (1/2)"


def test_a_monthly_entry_on_the_1st_leaves_the_newcomer_with_nothing_due() -> None:
    first = RosterEntry(
        id="m",
        source=SupervisionSource.INTERNAL,
        form=SupervisionForm.INDIVIDUAL,
        supervisor_id="s1",
        supervisee_ids=("s9",),
        recurrence=Recurrence(frequency=Frequency.MONTHLY),
        start=date(2025, 1, 1),
    )
    check = roster_check(Roster(id="r", entries=(first,)), [], STAFF, JUNE, as_of=END)
    assert check.workers[0].status is ComplianceStatus.NOT_DUE
    assert str(check.compliance) == "n/a"


def test_an_external_entry_counts_any_invited_supervisor() -> None:
    entry = RosterEntry(
        id="x",
        source=SupervisionSource.EXTERNAL,
        form=SupervisionForm.GROUP,
        supervisee_ids=("s1",),
        recurrence=Recurrence(frequency=Frequency.MONTHLY, interval=3),
        start=date(2025, 3, 20),
    )
    internal = session("a", date(2025, 6, 20), "s3", "s1")
    external = session("b", date(2025, 6, 20), None, "s1")
    roster = Roster(id="r", entries=(entry,))
    assert roster_check(roster, [internal], STAFF, JUNE, as_of=END).missed == 1
    assert roster_check(roster, [external], STAFF, JUNE, as_of=END).missed == 0


def test_the_sample_june() -> None:
    team, staff = team_month(), station_month().station.staff
    check = roster_check(team.roster, team.sessions, staff, team.period, as_of=END)
    missed = {w.staff_id: w.missed for w in check.workers if w.missed}
    # s6's monthly session did not happen; s8 was absent on Friday the 27th.
    assert missed == {"s6": 1, "s8": 1}
    # s1: 1 external; s2: 1 monthly + 1 external; s3-s6: 1 each; s7, s8: 4 Fridays each.
    assert check.required == 1 + 2 + 4 + 8
    assert str(check.compliance) == "75.0% (6/8)"
    text = check.to_text("en")
    assert "Supervision compliance 75.0% (6/8); sessions required 15, missed 2." in text
    assert check.to_text("zh-Hant").count("未達要求") == 2
    assert [r["staff_id"] for r in check.to_rows()] == [f"s{n}" for n in range(1, 9)]
    # 4 monthly + 3 x 2 + 1 Friday sessions with interns + 2 external = 13 for 8 workers.
    assert str(sessions_per_worker(team.sessions, staff, JUNE, as_of=END)) == "1.6 (13/8)"


def test_primero_ratio_keeps_the_counts_and_survives_no_workers() -> None:
    """Primero reduced 2:10 to 1:5, and failed with no caseworkers."""
    workers = tuple(f"w{n}" for n in range(10))
    staff = (member("a"), member("b"), *(member(w) for w in workers))
    roster = Roster(
        id="r", entries=(weekly("1", "a", *workers[:5]), weekly("2", "b", *workers[5:]))
    )
    ratio = supervision_ratio(roster, staff, as_of=END)
    assert (ratio.supervisors, ratio.workers, str(ratio)) == (2, 10, "2:10")
    assert ratio.per_supervisor == 5.0
    empty = supervision_ratio(roster, (member("a"), member("b")), as_of=END)
    assert (str(empty), empty.format("zh"), empty.per_supervisor) == ("no data", "无数据", None)
    assert SupervisionRatio(0, 3).per_supervisor is None
    june = supervision_ratio(team_month().roster, station_month().station.staff, as_of=END)
    assert str(june) == "2:7"


def test_who_left_no_longer_supervises() -> None:
    staff = (member("a", left=date(2025, 6, 10)), member("w"))
    roster = Roster(id="r", entries=(weekly("1", "a", "w"),))
    assert str(supervision_ratio(roster, staff, as_of=END)) == "no data"
    assert str(supervision_ratio(roster, staff, as_of=date(2025, 6, 9))) == "1:1"


days = st.integers(min_value=1, max_value=30).map(lambda d: date(2025, 6, d))


@given(
    st.lists(st.tuples(days, st.sampled_from(["s3", "s9", "s10"])), max_size=12),
    st.integers(min_value=1, max_value=30),
)
def test_counts_hold_and_order_does_not_matter(held: list[tuple[date, str]], day: int) -> None:
    sessions = [session(f"x{i}", on, "s1", who) for i, (on, who) in enumerate(held)]
    as_of = date(2025, 6, day)
    check = roster_check(ROSTER, sessions, STAFF, JUNE, as_of=as_of)
    for worker in check.workers:
        assert 0 <= worker.missed <= worker.required
        assert worker.required - worker.missed <= worker.held
    value = check.compliance.value
    assert value is None or 0 <= value <= 1
    reordered = list(reversed(sessions))
    assert roster_check(ROSTER, reordered, STAFF, JUNE, as_of=as_of) == check
