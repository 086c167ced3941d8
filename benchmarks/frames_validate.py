"""How long `validate_frame` takes a row, here and in a baseline source tree, side by side.

The built-in sample's clients (76), cases (8), visits (82), needs (28),
clients' consents (152) and group members (45) are copied under new ids
into polars frames of 200,000 and 1,000,000 client rows, 100,000 case
rows, 500,000 visit rows, 200,000 needs (with their evidence, and once
without), 300,000 consents and 200,000 members; the script prints µs per
row for this tree's `validate_frame` and, given a baseline's ``src``
directory, for the baseline's (run in its own process, on the same
frames). The baseline used for issue 21 is main at 7b28c65, and for the
kinds that declared their rules after clients and cases, 29d49ad,
unpacked with ``git archive``::

    mkdir -p /tmp/base && git archive 29d49ad src | tar -x -C /tmp/base
    uv run python benchmarks/frames_validate.py /tmp/base/src
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

SIZES = (
    ("clients", 200_000),
    ("clients", 1_000_000),
    ("clients with ID numbers", 200_000),
    ("cases", 100_000),
    ("visits", 500_000),
    ("needs", 200_000),
    ("needs without evidence", 200_000),
    ("client_consents", 300_000),
    ("group_members", 200_000),
)
"""The tables timed: kind and rows (visits: a kind whose record has no rule between fields)."""

SOURCES = {"client_consents": "clients", "group_members": "groups"}
"""The sample's records a child table is written from, by kind; else the kind's own."""


def id_numbers(rows: int) -> list[str]:
    """``rows`` distinct valid resident ID numbers of Beijing Dongcheng, born 1940 to 1989."""
    from datetime import date, timedelta

    from stdnum.cn import ric

    numbers = []
    for n in range(rows):
        born = date(1940, 1, 1) + timedelta(days=n // 1000 % 18_000)
        body = f"110105{born:%Y%m%d}{n % 1000:03d}"
        numbers.append(body + ric.calc_check_digit(body + "0"))
    return numbers


def timings() -> dict[str, float]:
    """µs per row of `validate_frame` over each table of `SIZES`, best of two runs.

    The clients with ID numbers each have a distinct one and no ``born_on``
    or ``sex`` (the sample's clients have none): the rows whose rules read
    an ID number are checked in Python.
    """
    import polars as pl

    from socialwork.frames import from_records, validate_frame
    from socialwork.samples import station_month

    june = station_month()
    found: dict[str, float] = {}
    for name, rows in SIZES:
        kind = name.split()[0]
        base = from_records(getattr(june, SOURCES.get(kind, kind)), kind=kind)
        copies = rows // base.height + 1
        key = "id" if "id" in base.columns else base.columns[0]  # a child table: its parent's
        frame = pl.concat([base.with_columns(pl.col(key) + f"-{n}") for n in range(copies)]).head(
            rows
        )
        if name == "clients with ID numbers":
            frame = frame.with_columns(
                id_number=pl.Series(id_numbers(rows)), born_on=None, sex=None
            )
        if name == "needs without evidence":
            frame = frame.with_columns(pl.lit(None, pl.String).alias(c) for c in frame.columns[12:])
        best = float("inf")
        for _ in range(2):
            start = time.perf_counter()
            report = validate_frame(frame, kind)
            best = min(best, time.perf_counter() - start)
        if not report.ok:  # pragma: no cover - the sample is valid
            raise SystemExit(f"{kind}: {report.problems[:3]}")
        found[f"{name} {rows:,}"] = best / rows * 1e6
    return found


def main() -> None:
    """Print this tree's figures, and the baseline's beside them when its ``src`` is given."""
    if sys.argv[1:2] == ["--json"]:
        print(json.dumps(timings()))
        return
    mine = timings()
    theirs: dict[str, float] = {}
    if len(sys.argv) > 1:
        env = {**os.environ, "PYTHONPATH": sys.argv[1]}
        command = [sys.executable, __file__, "--json"]
        out = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
        theirs = json.loads(out.stdout.splitlines()[-1])
    for name, figure in mine.items():
        line = f"{name} rows: validate_frame {figure:.2f} µs a row"
        if name in theirs:
            line += f", baseline {theirs[name]:.2f} µs a row ({theirs[name] / figure:.1f}x)"
        print(line)


if __name__ == "__main__":
    main()
