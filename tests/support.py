"""Helpers shared by the tests of several rooms."""

from __future__ import annotations

from datetime import UTC, date, datetime

from hypothesis import HealthCheck, settings

from socialwork.stages import Engagement, EvaluationEvidence, Stage, check_exit
from socialwork.stages.exit import ExitCheck


def exit_check() -> ExitCheck:
    evaluation = Engagement(community_id="c1", stage=Stage.EVALUATION, entered_on=date(2025, 11, 1))
    evidence = EvaluationEvidence(
        summary_written=True, qualitative_sources=4, quantitative_indicators=0, next_cycle_plan=True
    )
    return check_exit(evaluation, evidence)


PROPERTY = settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])


AWARE = datetime(2025, 6, 1, 9, 0, tzinfo=UTC)
