"""Careers: the ladder as data, promotions and turnover read from the histories."""

from __future__ import annotations

from datetime import date

import pytest

from socialwork.errors import TeamRuleError
from socialwork.models import BilingualText, GradeChange, Period
from socialwork.samples import station_month, team_month
from socialwork.team import GRADE_LADDER, Ladder, Rung, career_moves, grade_on, promotion_count
from tests.team.support import JUNE, member


def change(who: str, on: date, grade: str) -> GradeChange:
    return GradeChange(staff_id=who, on=on, grade=grade)


def test_the_sample_june() -> None:
    team, staff = team_month(), station_month().station.staff
    moves = career_moves(team.grade_changes, team.certification_changes, staff, JUNE)
    assert [(m.staff_id, m.from_rung, m.to_rung) for m in moves.promotions] == [
        ("s2", "intermediate", "senior")
    ]
    assert [c.staff_id for c in moves.certifications] == ["s5"]
    assert str(moves.turnover) == "0.0% (0/8)"
    assert promotion_count(team.grade_changes, JUNE) == 1
    # The histories agree with the staff records' current grades.
    for person in staff:
        assert (
            grade_on(team.grade_changes, person.id, as_of=date(2025, 6, 30)) == person.grade.value
        )


def test_joining_is_no_promotion_and_a_move_down_is_counted_apart() -> None:
    changes = [
        change("a", date(2025, 6, 20), "junior"),  # joined on the 20th
        change("b", date(2024, 1, 1), "senior"),
        change("b", date(2025, 6, 3), "intermediate"),
        change("c", date(2024, 1, 1), "junior"),
        change("c", date(2025, 5, 31), "intermediate"),  # May: not June's
    ]
    staff = (
        member("a", joined=date(2025, 6, 20)),
        member("b"),
        member("c", left=date(2025, 6, 10)),
    )
    moves = career_moves(changes, [], staff, JUNE)
    assert moves.promotions == ()
    assert [(m.staff_id, m.to_rung) for m in moves.moves_down] == [("b", "intermediate")]
    # c left on the 10th, holding the rung of 31 May; a joined in June and is not counted.
    assert moves.leavers == (("c", "intermediate"),)
    assert str(moves.turnover) == "50.0% (1/2)"
    assert [r["direction"] for r in moves.to_rows()] == ["down"]


def test_a_station_ladder_of_its_own() -> None:
    own = Ladder(
        id="own",
        rungs=(
            Rung(code="assistant", name=BilingualText.of("社工助理", "Assistant")),
            Rung(code="worker", name=BilingualText.of("社工", "Social worker")),
        ),
    )
    changes = [change("a", date(2024, 1, 1), "assistant"), change("a", date(2025, 6, 9), "worker")]
    assert promotion_count(changes, JUNE, ladder=own) == 1
    with pytest.raises(TeamRuleError, match="unknown_rung"):
        promotion_count(changes, JUNE)
    assert promotion_count(changes, Period.month(2025, 5), ladder=own) == 0
    assert GRADE_LADDER.rungs[3].name.text("zh-Hant") == "督導"
