"""A pandas frame needs pyarrow for the indicators; without it the error says so up front."""

from __future__ import annotations

import importlib.util

import pandas as pd  # type: ignore[import-untyped]
import pytest

from socialwork import metrics
from socialwork.frames import (
    StationFrames,
    frame_monthly_report,
    from_records,
    to_records,
    validate_frame,
)
from socialwork.frames import indicators as frame_indicators
from socialwork.samples import station_month


@pytest.fixture
def without_pyarrow(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if pyarrow were not installed (the dev environment has it)."""
    real = importlib.util.find_spec
    monkeypatch.setattr(
        frame_indicators, "find_spec", lambda name: None if name == "pyarrow" else real(name)
    )


@pytest.mark.usefixtures("without_pyarrow")
def test_the_report_on_pandas_without_pyarrow_names_what_to_install() -> None:
    june = station_month()
    tables = StationFrames.from_records(june, backend="pandas")
    with pytest.raises(ImportError, match=r"pip install pyarrow"):
        frame_monthly_report(tables, june.period)


@pytest.mark.usefixtures("without_pyarrow")
def test_polars_needs_no_pyarrow_check() -> None:
    june = station_month()
    tables = StationFrames.from_records(june, backend="polars")
    assert frame_monthly_report(tables, june.period) == metrics.monthly_report(june, june.period)


@pytest.mark.usefixtures("without_pyarrow")
def test_checking_and_reading_pandas_frames_needs_no_pyarrow() -> None:
    clients = from_records(station_month().clients, backend="pandas")
    assert validate_frame(clients, "clients").ok
    assert len(to_records(clients, "clients")) == len(station_month().clients)


def test_with_pyarrow_pandas_gives_the_record_path_report() -> None:
    june = station_month()
    tables = StationFrames.from_records(june, backend="pandas")
    assert isinstance(tables.clients, pd.DataFrame)
    assert frame_monthly_report(tables, june.period) == metrics.monthly_report(june, june.period)
