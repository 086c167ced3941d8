"""Helpers shared by the tests of this room."""

from __future__ import annotations

from typing import Any

import duckdb
from hypothesis import HealthCheck, settings

from socialwork.frames import (
    from_records,
)
from socialwork.records import Record
from socialwork.samples import station_month

SETTINGS = settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])


JUNE = station_month()


SAMPLE_TABLES: dict[str, tuple[Record, ...]] = {
    "clients": JUNE.clients,
    "cases": JUNE.cases,
    "visits": JUNE.visits,
    "needs": JUNE.needs,
    "staff": JUNE.station.staff,
    "deliveries": JUNE.deliveries,
    "resources": JUNE.resources,
    "volunteers": JUNE.volunteers,
    "service_hours": JUNE.service_hours,
    "surveys": JUNE.surveys,
    "activities": JUNE.activities,
    "groups": JUNE.groups,
}


def duck(records: Any, kind: str) -> Any:
    return duckdb.from_arrow(from_records(records, kind=kind).to_arrow())


ENGINES: dict[str, Any] = {
    "polars": lambda r, k: from_records(r, kind=k),
    "polars-lazy": lambda r, k: from_records(r, kind=k).lazy(),
    "pandas": lambda r, k: from_records(r, kind=k, backend="pandas"),
    "pyarrow": lambda r, k: from_records(r, kind=k, backend="pyarrow"),
    "duckdb": duck,
}
