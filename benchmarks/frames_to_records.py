"""How long `to_records` takes a row, against a loop of `model_validate` over the same rows.

The built-in sample's clients and cases (with their goals and history) are
copied ``COPIES`` times under new ids (3,800 clients, 800 cases) into
polars frames; the script prints µs per client row and per case row
(children included) for `to_records`, for ``Model.model_validate`` over the
same records as dicts, and the ratio of the two. For the case row it prints
too the floor of any reader that builds rows as Python dicts: the same
tables' cells taken out, put into dicts and validated by the same calls,
with no check of its own (no cell read, no problem gathered, no orphan
sought). Run with::

    uv run python benchmarks/frames_to_records.py
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import polars as pl
from pydantic import TypeAdapter

from socialwork.frames import from_records, to_records
from socialwork.models import Case, Client, Goal, StatusChange
from socialwork.samples import station_month

COPIES = 50
"""How many copies of the sample's clients (76) and cases (8 a copy, times 2: 16)."""


def _best(frames: Callable[[], Any], records: Callable[[], Any], rows: int) -> tuple[float, float]:
    """The best of seven runs of each, in µs per row, the two taking turns.

    Taking turns lets both meet the same load on a shared machine, so that
    their ratio holds when the machine is busy.
    """
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(7):
        for run, found in zip((frames, records), times, strict=True):
            start = time.process_time()
            run()
            found.append(time.process_time() - start)
    return min(times[0]) / rows * 1e6, min(times[1]) / rows * 1e6


def _copies(frame: pl.DataFrame, key: str, copies: int) -> pl.DataFrame:
    return pl.concat([frame.with_columns(pl.col(key) + f"-{n}") for n in range(copies)])


def _dicts(frame: pl.DataFrame, left_out: tuple[str, ...]) -> tuple[list[dict[str, Any]], Any]:
    """A table's rows as dicts of their filled cells, and its cells by column."""
    cells = frame.to_dict(as_series=False)
    names = [n for n in cells if n not in left_out]
    lines = zip(*(cells[n] for n in names), strict=True)
    return [
        {n: v for n, v in zip(names, line, strict=True) if v is not None} for line in lines
    ], cells


def _floor(cases: pl.DataFrame, children: dict[str, pl.DataFrame]) -> Callable[[], list[Case]]:
    """The least a reader of cases as dicts does: cells to dicts, children grouped, validation."""
    goals, history, whole = (
        TypeAdapter(list[Goal]),
        TypeAdapter(list[StatusChange]),
        TypeAdapter(list[Case]),
    )
    closure = ("closed_on", "closure_outcome", "closure_note")  # a closed case's, none here

    def read() -> list[Case]:
        by_case: dict[str, dict[str, list[Any]]] = {}
        for kind, field, adapter in (
            ("case_goals", "goals", goals),
            ("case_history", "history", history),
        ):
            rows, cells = _dicts(children[kind], ("case_id",))
            for case_id, record in zip(
                cells["case_id"], adapter.validate_python(rows), strict=True
            ):
                by_case.setdefault(case_id, {}).setdefault(field, []).append(record)
        rows, _ = _dicts(cases, closure)
        for row in rows:
            row.update(by_case.get(row["id"], {}))
        return whole.validate_python(rows)

    return read


def main() -> None:
    june = station_month()
    clients = _copies(from_records(june.clients), "id", COPIES)
    cases = _copies(from_records(june.cases), "id", COPIES * 2)
    children = {
        kind: _copies(from_records(june.cases, kind=kind), "case_id", COPIES * 2)
        for kind in ("case_goals", "case_history")
    }
    # the same fields as the frames hold, under the same ids
    client_dicts = [
        c.model_dump(exclude={"consents", "guardians"}) | {"id": f"{c.id}-{n}"}
        for n in range(COPIES)
        for c in june.clients
    ]
    case_dicts = [
        c.model_dump(exclude={"assessments", "referrals"}) | {"id": f"{c.id}-{n}"}
        for n in range(COPIES * 2)
        for c in june.cases
    ]
    figures = {
        "client": _best(
            lambda: to_records(clients, "clients"),
            lambda: [Client.model_validate(d) for d in client_dicts],
            clients.height,
        ),
        "case": _best(
            lambda: to_records(cases, "cases", children=children),
            lambda: [Case.model_validate(d) for d in case_dicts],
            cases.height,
        ),
    }
    floor = _floor(cases, children)
    assert floor() == list(to_records(cases, "cases", children=children))
    least, validated = _best(
        floor, lambda: [Case.model_validate(d) for d in case_dicts], cases.height
    )
    for row, (frames, records) in figures.items():
        print(
            f"{row} row: to_records {frames:.1f} µs, model_validate {records:.1f} µs, "
            f"ratio {frames / records:.2f}x"
        )
    print(
        f"case row, the floor of dict rows: {least:.1f} µs, model_validate {validated:.1f} µs, "
        f"ratio {least / validated:.2f}x"
    )


if __name__ == "__main__":
    main()
