"""How long `to_records` takes a row, against a loop of `model_validate` over the same rows.

Reads the built-in sample's clients and cases (with their goals and
history) from polars frames, many times over, and
prints µs per client row and per case row (children included) for
`to_records`, for ``Model.model_validate`` over the records' own dicts, and
the ratio. Run with::

    uv run python benchmarks/frames_to_records.py
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from socialwork.frames import from_records, to_records
from socialwork.models import Case, Client
from socialwork.samples import station_month

REPEAT = 20


def _best(run: Callable[[], Any], rows: int) -> float:
    """The best of five timings of ``REPEAT`` runs, in µs per row."""
    times = []
    for _ in range(5):
        start = time.perf_counter()
        for _ in range(REPEAT):
            run()
        times.append(time.perf_counter() - start)
    return min(times) / REPEAT / rows * 1e6


def main() -> None:
    june = station_month()
    clients, cases = june.clients, june.cases
    client_frame = from_records(clients)
    case_frame = from_records(cases)
    children = {k: from_records(cases, kind=k) for k in ("case_goals", "case_history")}
    # the same fields as the frames hold
    client_dicts = [c.model_dump(exclude={"consents", "guardians"}) for c in clients]
    case_dicts = [c.model_dump(exclude={"assessments", "referrals"}) for c in cases]
    figures = {
        "client": (
            _best(
                lambda: to_records(client_frame, "clients"),
                len(clients),
            ),
            _best(lambda: [Client.model_validate(d) for d in client_dicts], len(clients)),
        ),
        "case": (
            _best(lambda: to_records(case_frame, "cases", children=children), len(cases)),
            _best(lambda: [Case.model_validate(d) for d in case_dicts], len(cases)),
        ),
    }
    for row, (frames, records) in figures.items():
        print(
            f"{row} row: to_records {frames:.1f} µs, model_validate {records:.1f} µs, "
            f"ratio {frames / records:.2f}x"
        )


if __name__ == "__main__":
    main()
