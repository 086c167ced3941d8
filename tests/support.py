"""Helpers shared by the tests of several rooms."""

from __future__ import annotations

import importlib.util
from datetime import UTC, date, datetime
from pathlib import Path
from types import ModuleType

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


ROOT = Path(__file__).resolve().parent.parent
"""The repository's root."""


def load_script(path: str) -> ModuleType:
    """A script of the repository (``scripts/…``, ``benchmarks/…``) loaded as a module."""
    spec = importlib.util.spec_from_file_location(Path(path).stem, ROOT / path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
