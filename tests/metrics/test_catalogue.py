"""Tests of socialwork.metrics.catalogue."""

from __future__ import annotations

import pytest

from socialwork.errors import (
    UnknownCodeError,
)
from socialwork.metrics import (
    Rate,
    catalogue,
    rate,
)
from socialwork.metrics.catalogue import (
    CATALOGUE,
    StationPeriod,
    indicator,
)
from socialwork.models import Period
from socialwork.samples import station_month
from tests.metrics.support import (
    JUNE,
    OVERDUE_FOLLOW_UPS,
)


def test_a_catalogue_entry_by_code() -> None:
    assert indicator("overdue_follow_ups").definition is OVERDUE_FOLLOW_UPS
    assert indicator("key_group_coverage").measure(JUNE) == rate(65, 76)
    # Over May instead of the records' own June: the sample's May visits fall outside.
    may = indicator("key_group_coverage").measure(JUNE, Period.month(2025, 5))
    assert isinstance(may, Rate)
    assert may.denominator == 76
    assert may.numerator < 65
    with pytest.raises(UnknownCodeError) as info:
        indicator("happiness")
    assert info.value.allowed == tuple(CATALOGUE)


def test_measure_refuses_what_is_not_station_records() -> None:
    with pytest.raises(TypeError, match="records"):
        indicator("key_group_coverage").measure(JUNE.clients)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="period"):
        indicator("key_group_coverage").measure(JUNE, "2025-06")  # type: ignore[arg-type]


def test_home_visit_completion_entry_uses_the_plan() -> None:
    # June plans 60 home visits (15 a week) and has 32 (8 a week; see test_metrics_report).
    value = catalogue._home_visit_completion(StationPeriod(JUNE, JUNE.period))
    assert isinstance(value, Rate)
    assert (value.numerator, value.denominator) == (32, 60)


def test_catalogue_refuses_a_shared_code() -> None:
    entry = catalogue.CATALOGUE["key_group_coverage"]
    other = catalogue.CATALOGUE["survey_satisfaction"]
    with pytest.raises(RuntimeError, match=r"^two catalogue entries share a code$"):
        catalogue._catalogue(entry, entry)
    built = catalogue._catalogue(entry, other)
    assert dict(built) == {"key_group_coverage": entry, "survey_satisfaction": other}


def test_measuring_names_the_argument_it_refuses() -> None:
    entry = indicator("file_completeness")
    with pytest.raises(TypeError, match=r"^records must be a StationRecords"):
        entry.measure("june")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^period must be a Period"):
        entry.measure(station_month(), "2025-06")  # type: ignore[arg-type]
