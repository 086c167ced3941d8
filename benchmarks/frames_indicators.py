"""Indicators on frames at scale: socialwork.frames against hand-written polars and the record path.

Generates a station's tables with a fixed seed straight into polars (clients
with their key-group categories, five contacts per case on average, needs
and deliveries) and measures, for the same figures (key-group coverage in
total and for each category, need satisfaction, resource match accuracy):

* the frame path (``socialwork.frames``) on polars, eager and lazy, and on
  DuckDB relations;
* a hand-written polars query for the same figures;
* the record path (``socialwork.metrics`` over pydantic records read with
  ``to_records``), at the size given by ``--records`` (100k by default);
* ``validate_frame`` on the clients frame against ``Client.model_validate``
  row by row.

Each path checks that its figures equal the others'. Times are the best of
3 runs; memory is the peak resident memory a path adds (Linux ``VmHWM``,
reset before each path), so that polars' and DuckDB's native allocations
count too.

Run: ``uv run python benchmarks/frames_indicators.py`` (1M cases / 5M
contacts for the frame paths, 100k / 500k for the record path), or pass
sizes: ``uv run python benchmarks/frames_indicators.py 200000 --records 20000``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import date
from functools import partial
from typing import Any

import duckdb
import numpy as np
import polars as pl

from socialwork import metrics
from socialwork.frames import (
    frame_key_group_coverage,
    frame_need_satisfaction,
    frame_resource_match_accuracy,
    to_records,
    validate_frame,
)
from socialwork.models import Client, ClientCategory, NeedStatus, Period

SEED = 20250630
PERIOD = Period.month(2025, 6)
REPEATS = 3
CODES = [c.value for c in ClientCategory]
STATUSES = [s.value for s in NeedStatus]


START = date(2025, 4, 1)


def days(rng: np.random.Generator, n: int) -> pl.Series:
    """``n`` dates spread over the 120 days from 1 April 2025."""
    epoch = (START - date(1970, 1, 1)).days
    return pl.Series(rng.integers(0, 120, n) + epoch).cast(pl.Int32).cast(pl.Date)


def tables(cases: int, contacts_per_case: int = 5) -> dict[str, pl.DataFrame]:
    """The station's tables: ``cases`` clients, ``contacts_per_case`` visits each on average."""
    rng = np.random.default_rng(SEED)
    ids = pl.Series("id", np.arange(cases)).cast(pl.String).str.pad_start(8, "0")
    first = rng.integers(0, len(CODES), cases)
    second = rng.integers(0, len(CODES), cases)
    how_many = rng.choice([0, 1, 1, 2], cases)
    codes = np.array(CODES)
    categories = np.where(
        how_many == 0,
        "",
        np.where(
            (how_many == 2) & (first != second),
            np.char.add(np.char.add(codes[first], ";"), codes[second]),
            codes[first],
        ),
    )
    start = START
    clients = pl.DataFrame(
        {
            "id": ids,
            "name": pl.Series(["居民"] * cases),
            "community_id": pl.Series(["c1"] * cases),
            "registered_on": pl.Series([start] * cases),
            "categories": pl.Series(categories).replace("", None),
        }
    )
    n = cases * contacts_per_case
    visits = pl.DataFrame(
        {
            "id": pl.Series(np.arange(n)).cast(pl.String),
            "client_id": ids.gather(rng.integers(0, cases, n)),
            "on": days(rng, n),
            "mode": pl.Series(["home_visit"] * n),
            "worker_id": pl.Series(["s1"] * n),
        }
    )
    m = max(cases // 3, 1)
    needs = pl.DataFrame(
        {
            "id": pl.Series(np.arange(m)).cast(pl.String),
            "raised_on": days(rng, m),
            "status": pl.Series(np.array(STATUSES)[rng.integers(0, len(STATUSES), m)]),
        }
    )
    matched = rng.integers(0, 3, m)
    deliveries = pl.DataFrame(
        {
            "id": pl.Series(np.arange(m)).cast(pl.String),
            "delivered_on": days(rng, m),
            "matched_need": pl.Series(matched == 1).set(pl.Series(matched == 2), None),
        }
    )
    return {"clients": clients, "visits": visits, "needs": needs, "deliveries": deliveries}


Figures = tuple[Any, Any, Any]


def frame_path(t: dict[str, Any]) -> Figures:
    return (
        frame_key_group_coverage(t["clients"], t["visits"], PERIOD),
        frame_need_satisfaction(t["needs"], PERIOD),
        frame_resource_match_accuracy(t["deliveries"], PERIOD),
    )


def by_hand(t: dict[str, pl.DataFrame]) -> Figures:
    """The same figures, written directly in polars."""
    seen = (
        t["visits"]
        .lazy()
        .filter(pl.col("on").is_between(PERIOD.start, PERIOD.end))
        .select(pl.col("client_id").alias("id"))
        .unique()
        .with_columns(pl.lit(1).alias("hit"))
    )
    exploded = (
        t["clients"]
        .lazy()
        .select("id", pl.col("categories").str.split(";"))
        .join(seen, on="id", how="left")
        .with_columns(pl.col("hit").fill_null(0))
    )
    total = exploded.filter(pl.col("categories").is_not_null()).select(
        pl.len().alias("n"), pl.col("hit").sum().alias("v")
    )
    per = (
        exploded.explode("categories")
        .filter(pl.col("categories").is_not_null())
        .group_by("categories")
        .agg(pl.len().alias("n"), pl.col("hit").sum().alias("v"))
    )
    total_df, per_df = pl.collect_all([total, per])
    counts = {r["categories"]: (r["v"], r["n"]) for r in per_df.iter_rows(named=True)}
    cover = metrics.KeyGroupCoverage(
        metrics.rate(int(total_df["v"][0]), int(total_df["n"][0])),
        tuple((c, metrics.rate(*counts[c.value])) for c in ClientCategory if c.value in counts),
    )
    raised = t["needs"].filter(pl.col("raised_on").is_between(PERIOD.start, PERIOD.end))
    withdrawn = raised.filter(pl.col("status") == "withdrawn")["id"].sort().to_list()
    kept = raised.filter(pl.col("status") != "withdrawn")
    needs = metrics.Rate(
        kept.filter(pl.col("status") == "met").height,
        kept.height,
        tuple(metrics.Exclusion(i, "withdrawn") for i in withdrawn),
    )
    given = t["deliveries"].filter(pl.col("delivered_on").is_between(PERIOD.start, PERIOD.end))
    unchecked = given.filter(pl.col("matched_need").is_null())["id"].sort().to_list()
    checked = given.filter(pl.col("matched_need").is_not_null())
    match = metrics.rate(
        checked.filter(pl.col("matched_need")).height,
        checked.height,
        tuple(metrics.Exclusion(i, "unchecked") for i in unchecked),
    )
    return cover, needs, match


def record_path(r: dict[str, Any]) -> Figures:
    return (
        metrics.key_group_coverage_by_category(r["clients"], r["visits"], PERIOD),
        metrics.need_satisfaction(r["needs"], PERIOD),
        metrics.resource_match_accuracy(r["deliveries"], PERIOD),
    )


def best(run: Callable[[], object]) -> tuple[float, object]:
    times = []
    result: object = None
    for _ in range(REPEATS):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return min(times), result


def _status(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field):
                return int(line.split()[1]) * 1024
    return 0


def peak(run: Callable[[], object]) -> float:
    """Peak resident memory (MiB) that ``run`` adds (Linux: VmHWM reset, then read)."""
    with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
        refs.write("5")
    before = _status("VmRSS:")
    run()
    return (_status("VmHWM:") - before) / 2**20


def row(label: str, seconds: float, base: float | None, memory: float) -> None:
    ratio = "" if base is None else f"{seconds / base:.2f}"
    print(f"| {label} | {seconds:.3f} s | {ratio} | {memory:.0f} MiB |", flush=True)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("cases", type=int, nargs="?", default=1_000_000)
    parser.add_argument("--records", type=int, default=100_000)
    args = parser.parse_args(argv)

    for size in (args.cases, args.records):
        start = time.perf_counter()
        t = tables(size)
        built = time.perf_counter() - start
        contacts = t["visits"].height
        print(f"\n### {size:,} cases / {contacts:,} contacts (frames built in {built:.2f} s)\n")
        print("| path | time | ratio to hand-written polars | peak memory added |")
        print("|---|---:|---:|---:|")
        hand_time, expected = best(partial(by_hand, t))
        row("hand-written polars", hand_time, hand_time, peak(partial(by_hand, t)))
        eager_time, got = best(partial(frame_path, t))
        assert got == expected, "the frame path differs from the hand-written figures"
        row(
            "socialwork.frames, polars eager",
            eager_time,
            hand_time,
            peak(partial(frame_path, t)),
        )
        lazy = {k: v.lazy() for k, v in t.items()}
        lazy_time, got = best(partial(frame_path, lazy))
        assert got == expected
        row(
            "socialwork.frames, polars lazy",
            lazy_time,
            hand_time,
            peak(partial(frame_path, lazy)),
        )
        duck = {k: duckdb.from_arrow(v.to_arrow()) for k, v in t.items()}
        duck_time, got = best(partial(frame_path, duck))
        assert got == expected
        row(
            "socialwork.frames, DuckDB",
            duck_time,
            hand_time,
            peak(partial(frame_path, duck)),
        )
        if size != args.records:
            start = time.perf_counter()
            report = validate_frame(t["clients"], "clients")
            checked = time.perf_counter() - start
            assert report.ok, report.problems[:3]
            print(f"\nvalidate_frame on {size:,} client rows (polars): {checked:.2f} s")
            rows = t["clients"].to_dicts()
            start = time.perf_counter()
            for item in rows:
                if item["categories"] is None:
                    item["categories"] = ()
                else:
                    item["categories"] = tuple(item["categories"].split(";"))
                Client.model_validate(item)
            per_row = time.perf_counter() - start
            print(
                f"Client.model_validate row by row on the same rows: {per_row:.2f} s"
                f" ({per_row / checked:.1f}x the frame check)"
            )
            continue
        start = time.perf_counter()
        records = {
            "clients": to_records(t["clients"], "clients"),
            "visits": to_records(t["visits"], "visits"),
        }
        full_needs = t["needs"].with_columns(
            pl.lit("c1").alias("community_id"),
            pl.lit("health").alias("domain"),
            pl.lit("需求").alias("description"),
            pl.lit("居民").alias("raised_by"),
        )
        records["needs"] = to_records(full_needs, "needs")
        full_deliveries = t["deliveries"].with_columns(
            pl.lit("r1").alias("resource_id"), pl.lit("p1").alias("recipient_id")
        )
        records["deliveries"] = to_records(full_deliveries, "deliveries")
        read = time.perf_counter() - start
        rec_time, got = best(partial(record_path, records))
        assert got == expected, "the record path differs from the frame path"
        row(
            "record path (socialwork.metrics)",
            rec_time,
            hand_time,
            peak(partial(record_path, records)),
        )
        print(
            f"\nrecords read with to_records in {read:.1f} s;"
            f" frame path on polars {rec_time / eager_time:.1f}x faster than the record path,"
            f" on DuckDB {rec_time / duck_time:.1f}x"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
