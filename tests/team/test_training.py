"""Training: coverage, participation, satisfaction and the pre/post seam."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from socialwork.errors import EvaluationInputError
from socialwork.samples import station_month, team_month
from socialwork.team import (
    PrePostScore,
    Training,
    TrainingKind,
    paired_scores,
    training_coverage,
    training_summary,
)
from tests.team.support import END, JUNE, member

STAFF = (member("a"), member("b", joined=date(2025, 6, 20)), member("c", left=date(2025, 6, 10)))


def training(
    key: str, day: int, *came: str, kind: TrainingKind = TrainingKind.INTERNAL
) -> Training:
    return Training(
        id=key,
        on=date(2025, 6, day),
        topic="危机干预",
        kind=kind,
        hours=Decimal(2),
        invited_ids=("a", "b", "c"),
        attendee_ids=came,
    )


def test_the_summary_of_june() -> None:
    team, staff = team_month(), station_month().station.staff
    s = training_summary(team.trainings, staff, team.period, as_of=END)
    # 开展内部督导培训2次、外部交流学习1次.
    assert (s.internal, s.external, s.volunteer_sessions, s.hours) == (2, 1, 2, 10.0)
    # Attended a staff training: s1, s3-s7 (t1), s2-s6 (t2), s1-s2 (t3): 7 of 8; not s8.
    assert (str(s.coverage), s.uncovered) == ("87.5% (7/8)", ("s8",))
    # Invitations taken up: 6 of 7, 5 of 7, 2 of 2 = 13 of 16; satisfied 6/6 + 4/5 = 10/11.
    assert str(s.participation) == "81.2% (13/16)"
    assert str(s.satisfaction) == "90.9% (10/11)"
    assert "开展内部培训2次、外部交流学习1次" in s.to_text("zh")
    assert s.to_rows()[0]["coverage_denominator"] == 8


def test_coverage_counts_who_was_on_staff_on_the_day() -> None:
    # c left on the 10th: a training on the 12th is not theirs to attend;
    # b joined on the 20th and is covered by the training on the 24th.
    sessions = [training("t1", 5, "a"), training("t2", 24, "b")]
    assert str(training_coverage(sessions, STAFF, JUNE, as_of=END)) == "66.7% (2/3)"
    # As of the 15th b is not yet on staff: 1 of a and c.
    assert str(training_coverage(sessions, STAFF, JUNE, as_of=date(2025, 6, 15))) == "50.0% (1/2)"
    volunteers = [training("v", 5, "a", kind=TrainingKind.VOLUNTEER)]
    assert str(training_coverage(volunteers, STAFF, JUNE, as_of=END)) == "0.0% (0/3)"
    assert str(training_coverage([], [], JUNE, as_of=END)) == "n/a"


def test_the_pre_post_seam_gives_pairs_and_means_only() -> None:
    crisis = team_month().trainings[1]
    pairs = paired_scores(crisis)
    # (70+60+65+55+50)/5 = 60 and (85+75+72+70+68)/5 = 74.
    assert (pairs.n, pairs.mean_pre, pairs.mean_post, pairs.mean_change) == (5, 60.0, 74.0, 14.0)
    assert pairs.participant_ids == ("s2", "s3", "s4", "s5", "s6")
    assert pairs.pre == (70.0, 60.0, 65.0, 55.0, 50.0)
    assert repr(pairs) == "PairedScores(n=5)"
    assert "70" not in repr(crisis.scores)
    empty = paired_scores(team_month().trainings[0])
    assert (empty.n, empty.mean_pre, empty.mean_change) == (0, None, None)


def test_a_trainings_pre_post_is_evaluated_by_the_evaluation_rooms_paired_change() -> None:
    """危机干预策略's five participants, worked by hand.

    Changes 15, 15, 7, 15, 18: mean 14, deviations 1, 1, −7, 1, 4, variance 68/4 = 17,
    sd √17 = 4.1231, se √17/√5 = 1.8439, t = 14/1.8439 = 7.5926 on 4 df,
    t₀.₉₇₅(4) = 2.7764 so the 95% interval is 14 ± 5.1195; d_z = 14/√17 = 3.3955.
    Pre sd √(250/4) = 7.9057, post sd √(178/4) = 6.6708: d_av = 14/7.2882 = 1.9209.
    """
    change = paired_scores(team_month().trainings[1]).change()
    assert (change.n, change.mean_before, change.mean_after, change.mean_change) == (
        5,
        60.0,
        74.0,
        14.0,
    )
    assert change.sd_change == pytest.approx(17**0.5)
    assert change.t_test.statistic == pytest.approx(14 / (17**0.5 / 5**0.5))
    assert change.t_test.df == 4
    assert change.ci_low == pytest.approx(14 - 5.1195, abs=1e-3)
    assert change.ci_high == pytest.approx(14 + 5.1195, abs=1e-3)
    assert change.d_z == pytest.approx(3.3955, abs=1e-4)
    assert change.d_av == pytest.approx(1.9209, abs=1e-4)
    narrower = paired_scores(team_month().trainings[1]).change(confidence=0.9)
    assert narrower.ci_high is not None
    assert change.ci_high is not None
    assert narrower.ci_high < change.ci_high
    with pytest.raises(EvaluationInputError, match="too_few_pairs"):
        paired_scores(team_month().trainings[0]).change()


def test_the_record_rules() -> None:
    with pytest.raises(ValidationError, match="attendee_not_invited"):
        Training.model_validate({**training("t", 5).model_dump(), "attendee_ids": ["z"]})
    with pytest.raises(ValidationError, match="score_not_attendee"):
        Training.model_validate(
            {
                **training("t", 5, "a").model_dump(),
                "scores": [PrePostScore(participant_id="b", pre=1, post=2).model_dump()],
            }
        )
    with pytest.raises(ValidationError, match="part_above_total"):
        Training.model_validate({**training("t", 5, "a").model_dump(), "respondents": 2})
    with pytest.raises(ValidationError):
        PrePostScore(participant_id="a", pre=float("nan"), post=1)


@given(st.lists(st.tuples(st.integers(1, 30), st.sets(st.sampled_from("abc"))), max_size=6))
def test_rates_stay_in_bounds_and_ignore_order(sessions: list[tuple[int, set[str]]]) -> None:
    made = [training(f"t{i}", day, *sorted(came)) for i, (day, came) in enumerate(sessions)]
    s = training_summary(made, STAFF, JUNE, as_of=END)
    for measured in (s.coverage, s.participation):
        assert measured.value is None or 0 <= measured.value <= 1
    assert training_summary(list(reversed(made)), STAFF, JUNE, as_of=END) == s
