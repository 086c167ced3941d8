"""Hypothesis profiles: no deadlines or speed health checks, and fixed seeds on CI.

Timing belongs in ``benchmarks/``; a test must not fail because a shared
machine was slow. On CI (``CI=true``) Hypothesis derandomizes, so a run of
main is reproducible; locally every run explores new examples.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "dev", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.register_profile("ci", parent=settings.get_profile("dev"), derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") == "true" else "dev")
