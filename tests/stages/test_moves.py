"""Tests of socialwork.stages.moves."""

from __future__ import annotations

import contextlib
from datetime import date

from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from socialwork.errors import (
    SocialWorkError,
)
from socialwork.stages import (
    Engagement,
    Stage,
    StageEvidence,
    StagePolicy,
    advance,
    check_exit,
    move_back,
    stage_guide,
    stage_warnings,
)
from tests.stages.support import PROPERTY_CONTRACT, days_and_datetimes
from tests.strategies import engagements, stage_evidences, stage_policies

stage_codes = (
    st.sampled_from(Stage) | st.sampled_from([s.value for s in Stage]) | st.text(max_size=8)
)


@PROPERTY_CONTRACT
@given(engagements(), stage_evidences, stage_policies, days_and_datetimes, stage_codes, st.text())
def test_engagement_functions_raise_only_documented_errors(
    engagement: Engagement,
    evidence: StageEvidence,
    policy: StagePolicy,
    day: date,
    to: str,
    reason: str,
) -> None:
    for call in (
        lambda: advance(engagement, evidence, on=day, policy=policy),
        lambda: move_back(engagement, to=to, on=day, reason=reason),
        lambda: check_exit(engagement, evidence, policy),
        lambda: stage_warnings(engagement, evidence, policy),
        lambda: stage_guide(to),
    ):
        with contextlib.suppress(SocialWorkError, ValidationError):
            call()
