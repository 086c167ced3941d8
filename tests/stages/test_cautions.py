"""Tests of socialwork.stages.cautions."""

from __future__ import annotations

from socialwork.stages import (
    Stage,
    StagePolicy,
    stage_warnings,
)
from socialwork.stages.cautions import Caution
from tests.stages.support import at, launch_contract


def test_the_dispute_warnings_in_full() -> None:
    inside, between = stage_warnings(
        at(Stage.LAUNCH), launch_contract(disputes_within_groups=1, disputes_between_groups=2)
    )
    assert (inside.caution, inside.stage, inside.measured, inside.threshold) == (
        Caution.DISPUTES_WITHIN_GROUPS,
        Stage.LAUNCH,
        1,
        1,
    )
    assert inside.message() == "小组内部发生1起人事或权力争执：谨慎调解"
    assert inside.message("en") == "1 dispute over people or power inside groups: mediate with care"
    assert (between.caution, between.measured) == (Caution.DISPUTES_BETWEEN_GROUPS, 2)
    assert between.message() == "小组之间发生2起人事或权力争执：谨慎调解"
    assert between.message("en") == (
        "2 disputes over people or power between groups: mediate with care"
    )
    # a station that tolerates one dispute warns from the second on
    assert [
        w.code
        for w in stage_warnings(
            at(Stage.LAUNCH),
            launch_contract(disputes_within_groups=1, disputes_between_groups=2),
            StagePolicy(disputes_warning_at=2),
        )
    ] == ["disputes_between_groups"]


def test_a_share_and_its_limit_get_the_decimals_that_tell_them_apart_up_to_nine() -> None:
    from socialwork.stages.cautions import _percents

    assert _percents(0.5, 0.2) == ("50%", "20%")
    assert _percents(0.1995, 0.2) == ("19.95%", "20.00%")
    # 1e-12 below the limit differs only in the tenth decimal of a percent: nine are shown.
    assert _percents(0.2 - 1e-12, 0.2) == ("20.000000000%", "20.000000000%")
