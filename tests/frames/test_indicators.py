"""Tests of socialwork.frames.indicators."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialwork import metrics
from socialwork import models as m
from socialwork.frames.indicators import (
    frame_key_group_coverage,
    frame_need_satisfaction,
    frame_resource_match_accuracy,
)
from socialwork.metrics import services
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
