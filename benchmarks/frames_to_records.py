"""How long `to_records` takes a row, against a loop of `model_validate` over the same rows.

The built-in sample's clients and cases (with their goals and history) are
copied ``COPIES`` times under new ids (3,800 clients, 800 cases) into
polars frames; the script prints µs per client row and per case row
(children included) for `to_records`, for ``Model.model_validate`` over the
same records as dicts, and the ratio of the two. Run with::

    uv run python benchmarks/frames_to_records.py
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import polars as pl

from socialwork.frames import from_records, to_records
from socialwork.models import Case, Client
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
    for row, (frames, records) in figures.items():
        print(
            f"{row} row: to_records {frames:.1f} µs, model_validate {records:.1f} µs, "
            f"ratio {frames / records:.2f}x"
        )


if __name__ == "__main__":
    main()
