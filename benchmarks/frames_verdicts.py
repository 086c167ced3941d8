"""Count the silent disagreements between `validate_frame` and `to_records`.

Each malformation (a duplicated id, a birth date after registration, a float
id column, ...) is applied to a few rows of the built-in sample's tables, on
polars and on pandas; a case disagrees when one function accepts what the
other refuses (the *verdict*), or both refuse with different sets of
(row, column, rule). Run with::

    uv run python benchmarks/frames_verdicts.py

It prints each disagreeing case and the counts.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pandas as pd  # type: ignore[import-untyped]
import polars as pl

from socialwork.errors import FrameContractError
from socialwork.frames import from_records, to_records, validate_frame
from socialwork.models import Referral
from socialwork.records import replace
from socialwork.samples import station_month, team_month

Rows = list[dict[str, Any]]
Mutation = Callable[[Rows], Rows]


def _sample(kind: str, source: Any, n: int = 3) -> Rows:
    frame = from_records(source, kind=kind)
    return [dict(r) for r in frame.head(n).iter_rows(named=True)]


def _set(column: str, value: object, rows: tuple[int, ...] = (0,)) -> Mutation:
    def apply(data: Rows) -> Rows:
        return [{**r, column: value} if i in rows else r for i, r in enumerate(data)]

    return apply


def _column(column: str, make: Callable[[object], object]) -> Mutation:
    def apply(data: Rows) -> Rows:
        return [{**r, column: make(r[column])} for r in data]

    return apply


def _drop(column: str) -> Mutation:
    def apply(data: Rows) -> Rows:
        return [{k: v for k, v in r.items() if k != column} for r in data]

    return apply


def _both(*mutations: Mutation) -> Mutation:
    def apply(data: Rows) -> Rows:
        for m in mutations:
            data = m(data)
        return data

    return apply


def _no_columns(data: Rows) -> Rows:
    return [{} for _ in data]


def _duplicate(data: Rows) -> Rows:
    return [*data, dict(data[0])]


def _stamp(value: object) -> object:
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    return value


JUNE = station_month()
REFERRED = tuple(
    replace(
        case,
        referrals=(
            Referral(
                id=f"{case.id}-r1",
                to_organisation="区康复中心",
                reason="康复指导",
                referred_on=case.opened_on,
                consent_id=f"{case.client_id}-k2",
            ),
        ),
    )
    for case in JUNE.cases[:3]
)
"""The sample's first cases, each referred under its client's consent (the sample refers none)."""

SOURCES: dict[str, Any] = {
    "clients": JUNE.clients,
    "cases": JUNE.cases,
    "case_history": JUNE.cases,
    "case_goals": JUNE.cases,
    "case_referrals": REFERRED,
    "client_consents": JUNE.clients,
    "service_hours": JUNE.service_hours,
    "needs": JUNE.needs,
    "visits": JUNE.visits,
    "volunteers": JUNE.volunteers,
    "staff": JUNE.station.staff,
    "resources": JUNE.resources,
    "group_members": JUNE.groups,
    "group_sessions": JUNE.groups,
    "supervision_decisions": team_month().sessions,
}

CASES: dict[str, tuple[str, Mutation]] = {
    "duplicated id": ("clients", _duplicate),
    "child without case_id": ("case_history", _drop("case_id")),
    "no columns": ("clients", _no_columns),
    "float id column": ("clients", _column("id", lambda v: float(sum(map(ord, str(v)))))),
    "born after registration": ("clients", _set("born_on", date(2026, 1, 1))),
    "wrong ID check digit": ("clients", _set("id_number", "110105194912310020")),
    "duplicated categories": ("clients", _set("categories", "youth;youth")),
    "ID number born after registration": ("clients", _set("id_number", "110105202506020016")),
    "ID number of a man, sex female": (
        "clients",
        _both(_set("id_number", "110105199001010010"), _set("sex", "女")),
    ),
    "ID number birth date unlike born_on": (
        "clients",
        _both(_set("id_number", "51010019900101003x"), _set("born_on", "1990-01-02")),
    ),
    "3-decimal hours": ("service_hours", _set("hours", 1.125)),
    "hours over bound": ("service_hours", _set("hours", 25.0)),
    "tz-aware timestamps": ("visits", _column("on", _stamp)),
    "resolved while open": (
        "needs",
        _both(_set("status", "open"), _set("resolved_on", date(2025, 6, 30))),
    ),
    "count 2.5": ("visits", _set("duration_minutes", 2.5)),
    "count negative": ("visits", _set("duration_minutes", -1)),
    "hours zero": ("service_hours", _set("hours", 0.0)),
    "required column left out": ("clients", _drop("registered_on")),
    "date written 2025/03/02": ("clients", _set("registered_on", "2025/03/02")),
    "date column of numbers": ("clients", _column("registered_on", lambda v: 20250302)),
    "name 12345": ("clients", _column("name", lambda v: 12345)),
    "phone as a number": ("clients", _column("phone", lambda v: 13812345678)),
    "bad date and bad label": (
        "clients",
        _both(_set("registered_on", "2025-13-01"), _set("risk_level", "nope")),
    ),
    "unknown label": ("clients", _set("risk_level", "nope")),
    "end before start": (
        "needs",
        _both(_set("status", "met"), _set("resolved_on", date(2000, 1, 1))),
    ),
    "extra column": ("clients", lambda d: [{**r, "x": 1} for r in d]),
    "bool text maybe": ("volunteers", _set("trained", "maybe")),
    "blank required cell": ("clients", _set("name", "  ")),
    "scale5 of 7": ("volunteers", _set("evaluation", 7)),
    "id of 65 characters": ("clients", _set("id", "p" * 65)),
    "matched need resolved": (
        "needs",
        _both(_set("status", "已匹配"), _set("resolved_on", date(2025, 6, 30))),
    ),
    "member left before joining": ("group_members", _set("left_on", date(2000, 1, 1))),
    "attendee listed twice": ("group_sessions", _set("attended", "e1;e2、e1")),
    "staff left before joining": ("staff", _set("left_on", date(2000, 1, 1))),
    "staff their own mentor": ("staff", _set("mentor_id", "s1")),
    "charging without a fee standard": ("resources", _set("charges", "是")),
    "fee standard without charging": ("resources", _set("fee_standard", "10元/次")),
    "no kind, charging without a fee standard": (
        "resources",
        _both(_set("kind", "nope"), _set("charges", True)),
    ),
    "goal due before its start": ("case_goals", _set("due_on", date(2000, 1, 1))),
    "referral without consent": ("case_referrals", _set("consent_id", "  ")),
    "consent withdrawn before given": ("client_consents", _set("withdrawn_on", "2000-01-01")),
    "consent of no client withdrawn before given": (
        "client_consents",
        _both(_set("client_id", None), _set("withdrawn_on", "2000-01-01")),
    ),
    "decision without its case": ("supervision_decisions", _set("case_id", None)),
}


def _frames(rows: Rows) -> dict[str, Any]:
    frames: dict[str, Any] = {"pandas": pd.DataFrame(rows)}
    with contextlib.suppress(Exception):  # a table polars cannot build is no case
        frames["polars"] = pl.DataFrame(rows, strict=False, infer_schema_length=None)
    return frames


def _problems(items: Any) -> set[tuple[object, str, str]]:
    return {(p.row, p.column, p.rule) for p in items}


def verdicts() -> list[str]:
    """Each disagreeing case, described."""
    found: list[str] = []
    for name, (kind, mutation) in CASES.items():
        rows = mutation(_sample(kind, SOURCES[kind]))
        for engine, frame in _frames(rows).items():
            report = validate_frame(frame, kind)
            try:
                to_records(frame, kind)
                refused: set[tuple[object, str, str]] | None = None
            except FrameContractError as err:
                refused = _problems(err.problems)
            except Exception as err:  # an escape is a disagreement too
                found.append(f"{name} [{engine}]: to_records raised {type(err).__name__}")
                continue
            said = _problems(report.problems)
            if refused is None and said:
                found.append(
                    f"{name} [{engine}]: validate_frame {sorted(said, key=str)}, to_records ok"
                )
            elif refused is not None and not said:
                found.append(
                    f"{name} [{engine}]: validate_frame ok, to_records {sorted(refused, key=str)}"
                )
            elif refused is not None and refused != said:
                found.append(
                    f"{name} [{engine}]: validate_frame {sorted(said, key=str)} "
                    f"!= to_records {sorted(refused, key=str)}"
                )
    return found


if __name__ == "__main__":
    disagreements = verdicts()
    for line in disagreements:
        print(line)
    verdict = sum(" ok" in line for line in disagreements)
    print(
        f"{len(disagreements)} disagreements over {len(CASES)} malformations x 2 engines "
        f"({verdict} of verdict, {len(disagreements) - verdict} of problems)"
    )
