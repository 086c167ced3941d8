"""Hypothesis profiles: no deadlines or speed health checks, and fixed seeds on CI.

The ``mutation`` profile (fixed seeds, no shrinking) is for mutation runs.

Timing belongs in ``benchmarks/``; a test must not fail because a shared
machine was slow. On CI (``CI=true``) Hypothesis derandomizes, so a run of
main is reproducible; locally every run explores new examples.

The opt-in Spark tests (``-m spark``) share one local Spark session, `spark`.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Generator, Iterator
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, Phase, settings

settings.register_profile(
    "dev", deadline=None, suppress_health_check=[HealthCheck.too_slow], print_blob=True
)
settings.register_profile("ci", parent=settings.get_profile("dev"), derandomize=True)
# Mutation runs (docs/contributing.md): a failing example kills the mutant, so
# Hypothesis need not shrink it, which can take longer than mutmut's timeout.
settings.register_profile(
    "mutation",
    parent=settings.get_profile("ci"),
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
)
settings.load_profile("ci" if os.environ.get("CI") == "true" else "dev")


class _QuietDocs:
    """Capture what a docs example prints, as pytest does for every other test.

    pytest-markdown-docs (0.9) turns capturing off while a code block runs, so
    the examples' ``print`` output landed among the dots (its issue #54). With
    this plugin a block runs with capturing on, and its output shows only when
    it fails. It is registered as a plugin, not as a hook of this conftest,
    because conftest hooks reach only the tests below ``tests/``.
    """

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_call(self, item: pytest.Item) -> Generator[None, object, object]:
        if item.get_closest_marker("markdown-docs") is None:
            return (yield)
        capture = item.config.pluginmanager.getplugin("capturemanager")
        with mock.patch.object(capture, "global_and_fixture_disabled", contextlib.nullcontext):
            return (yield)


def pytest_configure(config: pytest.Config) -> None:
    config.pluginmanager.register(_QuietDocs(), "socialwork-quiet-docs")


@pytest.fixture(scope="session")
def spark(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """One local Spark session for every opt-in Spark test (skipped without PySpark).

    Spark fixes its classpath when the first session starts, so the session
    that every test shares carries what any of them needs: Splink's jar of
    string comparisons (Jaro-Winkler are Scala functions), when Splink is
    installed, and a checkpoint directory, where Splink keeps its tables.
    """
    sql = pytest.importorskip("pyspark.sql")
    builder = sql.SparkSession.builder.master("local[1]").appName("socialwork")
    with contextlib.suppress(ImportError):
        from splink.backends.spark import similarity_jar_location

        builder = builder.config("spark.jars", similarity_jar_location())
    session = builder.getOrCreate()
    session.sparkContext.setCheckpointDir(str(tmp_path_factory.mktemp("spark-checkpoints")))
    yield session
    session.stop()
