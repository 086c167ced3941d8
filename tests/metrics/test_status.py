"""Tests of socialwork.metrics.status."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from socialwork.metrics import (
    Baseline,
    TargetStatus,
    at_least,
    at_most,
    judge,
    rate,
)
from socialwork.models import (
    Period,
)
from socialwork.records import replace
from tests.metrics.support import (
    KEY_GROUP_COVERAGE,
    OVERDUE_FOLLOW_UPS,
    plan,
)


def test_a_baseline_dated_on_the_targets_last_day_cannot_be_on_track() -> None:
    # The line from a baseline on the target's last day has no length: off track, never a
    # division by zero.
    late = plan(date(2025, 12, 31), Period.year(2025))
    assert late.judge(rate(51, 60), Period.month(2025, 6)).status is TargetStatus.OFF_TRACK
    after = plan(date(2026, 1, 31), Period.year(2025))
    assert after.judge(rate(51, 60), Period.month(2025, 6)).status is TargetStatus.OFF_TRACK


def test_on_track_the_day_before_the_target_ends_and_off_track_on_it() -> None:
    year = Period.year(2025)
    line = plan(date(2024, 12, 31), year)
    # On 30 December the line stands at 75 + 20 * 364/365 = 94.945 → 94.9 shown: 94.9% is on it.
    december = Period(start=date(2025, 12, 1), end=date(2025, 12, 30))
    assert line.judge(rate(949, 1000), december).status is TargetStatus.ON_TRACK
    # 94.8% is below it, but its 95% Wilson interval, 93.2%-96.0%, holds 94.9.
    assert line.judge(rate(948, 1000), december).status is TargetStatus.NOT_DISTINGUISHABLE
    # Without counts, 94.8 is more than half the way from 75 to 94.945 before the due date.
    assert line.judge(0.948, december).status is TargetStatus.AT_RISK
    # On the last day the target itself must be met: 94.9 without counts misses 95, and
    # 949/1000 (interval 93.4%-96.1%) cannot be told from it.
    assert line.judge(0.949, Period.month(2025, 12)).status is TargetStatus.OFF_TRACK
    assert line.judge(rate(949, 1000), Period.month(2025, 12)).status.value == (
        "not_distinguishable"
    )


def test_a_period_ending_before_the_baseline_is_not_yet_due() -> None:
    line = plan(date(2025, 3, 31), Period.year(2025))
    # January ends before the baseline date: no time towards the target has passed.
    january = Period.month(2025, 1)
    assert line.progress(january) == 0
    assert line.judge(rate(75, 100), january).status is TargetStatus.NOT_YET_DUE
    assert line.judge(rate(74, 100), january).status is TargetStatus.NOT_YET_DUE
    # The end of April is 30 of 275 days along: expected 75 + 20 * 30/275 = 77.18.
    april = Period.month(2025, 4)
    assert line.judge(0.772, april).status is TargetStatus.ON_TRACK
    assert line.judge(0.771, april).status is TargetStatus.AT_RISK


def test_lower_is_better_at_the_shown_precision() -> None:
    june = Period.month(2025, 6)
    assert OVERDUE_FOLLOW_UPS.judge(0, june).status is TargetStatus.ACHIEVED
    assert OVERDUE_FOLLOW_UPS.judge(1, june).status is TargetStatus.OFF_TRACK
    # Shown without decimals, 0.4 case rounds to 0 and meets the target of none.
    assert OVERDUE_FOLLOW_UPS.judge(0.4, june).status is TargetStatus.ACHIEVED
    assert OVERDUE_FOLLOW_UPS.judge(Decimal("0.6"), june).status is TargetStatus.OFF_TRACK
    assert OVERDUE_FOLLOW_UPS.judge(None, june).status is TargetStatus.NO_DATA


def test_the_rule_by_hand() -> None:
    aim = at_least("80%", of="x", baseline=50)
    # Half way: 50 + 30 × 0.5 = 65 expected.
    assert judge(aim, rate(16, 20), progress=0.5).status is TargetStatus.ACHIEVED
    assert judge(aim, rate(13, 20), progress=0.5).status is TargetStatus.ON_TRACK  # 65 ≥ 65
    # 9/20 = 45%, interval 25.8%-65.8% holds 65; 4/20 = 20%, 8.1%-41.6% does not.
    assert judge(aim, rate(9, 20), progress=0.5).status is TargetStatus.NOT_DISTINGUISHABLE
    assert judge(aim, rate(4, 20), progress=0.5).status is TargetStatus.OFF_TRACK
    # Without counts, 58 is more than half of the way from 50 to 65: at risk; 55 is not.
    assert judge(aim, 58, progress=0.5).status is TargetStatus.AT_RISK
    assert judge(aim, 55, progress=0.5).status is TargetStatus.OFF_TRACK
    # Once due, a number below the level is off track.
    assert judge(aim, 79, progress=1).status is TargetStatus.OFF_TRACK
    # Lower is better: at most 10%, from 20%.
    fewer = at_most("10%", of="t", baseline=20)
    assert judge(fewer, 14, progress=0.5).status is TargetStatus.ON_TRACK  # 15 expected
    assert judge(fewer, 17, progress=0.5).status is TargetStatus.AT_RISK
    assert judge(fewer, 18, progress=0.5).status is TargetStatus.OFF_TRACK
    assert judge(fewer, None, progress=0).status is TargetStatus.NOT_YET_DUE
    assert judge(None, None, progress=0).status is TargetStatus.NO_TARGET


def test_a_definition_lends_its_baseline_to_a_change_target() -> None:
    from socialwork.metrics import increase_by

    plan = replace(
        KEY_GROUP_COVERAGE,
        baseline=Baseline(value=70, on=date(2024, 12, 31)),
        targets=(increase_by(points=20, period=Period.year(2025)),),
    )
    judged = plan.judge(rate(90, 100), Period.month(2025, 12))
    assert (judged.level, judged.status) == (90.0, TargetStatus.ACHIEVED)


def test_a_value_no_figure_can_be_is_refused_by_name() -> None:
    from socialwork.errors import ArgumentError
    from socialwork.metrics import at_least, judge

    with pytest.raises(ArgumentError) as info:
        judge(at_least("90%"), float("nan"), progress=1.0)
    assert info.value.parameter == "value"
    with pytest.raises(TypeError, match=r"^value must be a Rate, a number or None; got bool$"):
        judge(at_least("90%"), True, progress=1.0)
