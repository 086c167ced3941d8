"""Tests of socialwork.frames.indicators."""

from __future__ import annotations

import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialwork import metrics
from socialwork import models as m
from socialwork.frames import from_records
from socialwork.frames.indicators import (
    frame_key_group_coverage,
    frame_need_satisfaction,
    frame_resource_match_accuracy,
)
from socialwork.frames.services import frame_home_visit_completion
from socialwork.metrics import services
from socialwork.metrics.casework import home_visit_completion
from socialwork.samples import station_month
from tests.frames.support import ENGINES, JUNE
from tests.frames_data import generated_station


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_frame_indicators_equal_the_record_path_on_the_samples(engine: str) -> None:
    to = ENGINES[engine]
    period = JUNE.period
    assert frame_key_group_coverage(
        to(JUNE.clients, "clients"), to(JUNE.visits, "visits"), period
    ) == metrics.key_group_coverage_by_category(JUNE.clients, JUNE.visits, period)
    assert frame_need_satisfaction(to(JUNE.needs, "needs"), period) == services.need_satisfaction(
        JUNE.needs, period
    )
    assert frame_resource_match_accuracy(
        to(JUNE.deliveries, "deliveries"), period
    ) == services.resource_match_accuracy(JUNE.deliveries, period)


@pytest.mark.parametrize("engine", sorted(ENGINES))
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seed=st.integers(0, 2**32 - 1), size=st.integers(0, 40))
def test_frame_indicators_equal_the_record_path_on_generated_data(
    engine: str, seed: int, size: int
) -> None:
    station = generated_station(size, seed=seed)
    to = ENGINES[engine]
    period = m.Period.month(2025, 6)
    if not station.clients:
        return
    assert frame_key_group_coverage(
        to(station.clients, "clients"), to(station.visits, "visits"), period
    ) == metrics.key_group_coverage_by_category(station.clients, station.visits, period)
    if station.needs:
        assert frame_need_satisfaction(
            to(station.needs, "needs"), period
        ) == services.need_satisfaction(station.needs, period)
    if station.deliveries:
        assert frame_resource_match_accuracy(
            to(station.deliveries, "deliveries"), period
        ) == services.resource_match_accuracy(station.deliveries, period)


def test_a_code_column_is_read_as_written_only_where_it_needs_reading() -> None:
    # The tables from_records writes hold codes and are computed on as they are; a code
    # with spaces or a label, in any one cell, is read as to_records reads it.
    june = station_month()
    visits = from_records(june.visits)
    expected = home_visit_completion(june.visits, june.period, 60)
    assert str(expected) == "53.3% (32/60)"
    padded = visits.with_columns(
        pl.when(pl.col("id") == "v001")
        .then(pl.col("mode") + " ")
        .otherwise(pl.col("mode"))
        .alias("mode")
    )
    labelled = visits.with_columns(pl.col("mode").replace({"home_visit": "家访"}))
    for frame in (visits, padded, labelled):
        assert frame_home_visit_completion(frame, june.period, 60) == expected
