"""Indicators on frames at scale: socialwork.frames against hand-written polars and the record path.

Generates a station's tables with a fixed seed straight into polars (clients
with their key-group categories, five contacts per case on average, needs
and deliveries) and measures, for the same figures (key-group coverage in
total and for each category, need satisfaction, resource match accuracy):

* the frame path (``socialwork.frames``) on polars, eager and lazy, and on
  DuckDB relations;
* a hand-written polars query, and hand-written DuckDB SQL over the same
  Arrow tables, for the same figures;
* the record path (``socialwork.metrics`` over pydantic records read with
  ``to_records``), at the size given by ``--records`` (100k by default);
* ``validate_frame`` on the clients frame against ``Client.model_validate``
  row by row.

Each path runs in its own Python process (``--child PATH CASES``), so that
no other path's allocations, caches or freed-but-kept memory count against
it, and the parent checks that every path printed the same figures. In its
process a path builds its inputs, runs once for memory, then ``REPEATS``
times for its best time. Memory is resident memory (Linux), not
``tracemalloc``, because polars and DuckDB allocate natively, outside
Python's allocator; it is given three ways:

* *inputs held*: the resident size after building the path's inputs (the
  frames; for the record path the frames and the records read from them)
  less the size before;
* *peak added by a run*: the kernel's resident high-water mark (``VmHWM``)
  reset to the current size just before the first run
  (``/proc/self/clear_refs``), less that size: what the computation needs
  on top of its inputs;
* *process max RSS*: ``resource.getrusage`` for the whole process,
  interpreter and imports included.

The whole comparison runs ``--runs`` times (3 by default); the tables give
the best time and the spread (slowest minus fastest, over fastest), and the
smallest memory figures, since the machine may be shared.

Run: ``uv run python benchmarks/frames_indicators.py`` (1M cases / 5M
contacts for the frame paths, 100k / 500k for the record path), or pass
sizes: ``uv run python benchmarks/frames_indicators.py 200000 --records 20000 --runs 2``.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
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
from socialwork.frames import to_records, validate_frame
from socialwork.frames.indicators import (
    frame_key_group_coverage,
    frame_need_satisfaction,
    frame_resource_match_accuracy,
)
from socialwork.metrics import services
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


_COVERAGE_SQL = """
with seen as (
    select client_id as id from visits
    where "on" between $first and $last group by client_id
),
people as (
    select c.id, c.categories, seen.id is not null as hit
    from clients c left join seen on c.id = seen.id
    where c.categories is not null
)
select 'total' as category, count(*) as n, count(*) filter (where hit) as v from people
union all
select category, count(*), count(*) filter (where hit)
from (select unnest(string_split(categories, ';')) as category, hit from people)
group by category
"""


def by_hand_duckdb(con: Any) -> Figures:
    """The same figures in SQL written for DuckDB, over the same Arrow tables."""
    dates = {"first": PERIOD.start, "last": PERIOD.end}
    counts = {c: (int(v), int(n)) for c, n, v in con.execute(_COVERAGE_SQL, dates).fetchall()}
    cover = metrics.KeyGroupCoverage(
        metrics.rate(*counts["total"]),
        tuple((c, metrics.rate(*counts[c.value])) for c in ClientCategory if c.value in counts),
    )
    in_period = "between $first and $last"
    met, kept = con.execute(
        "select count(*) filter (where status = 'met'), count(*) from needs"
        f" where raised_on {in_period} and status <> 'withdrawn'",
        dates,
    ).fetchone()
    withdrawn = con.execute(
        f"select id from needs where raised_on {in_period} and status = 'withdrawn' order by id",
        dates,
    ).fetchall()
    needs = metrics.Rate(
        int(met), int(kept), tuple(metrics.Exclusion(i, "withdrawn") for (i,) in withdrawn)
    )
    matched, checked = con.execute(
        "select count(*) filter (where matched_need), count(matched_need) from deliveries"
        f" where delivered_on {in_period}",
        dates,
    ).fetchone()
    unchecked = con.execute(
        f"select id from deliveries where delivered_on {in_period} and matched_need is null"
        " order by id",
        dates,
    ).fetchall()
    match = metrics.rate(
        int(matched),
        int(checked),
        tuple(metrics.Exclusion(i, "unchecked") for (i,) in unchecked),
    )
    return cover, needs, match


def duckdb_connection(t: dict[str, pl.DataFrame]) -> Any:
    """A DuckDB connection that reads the tables' Arrow data by name."""
    con = duckdb.connect()
    for name, frame in t.items():
        con.register(name, frame.to_arrow())
    return con


def record_path(r: dict[str, Any]) -> Figures:
    return (
        metrics.key_group_coverage_by_category(r["clients"], r["visits"], PERIOD),
        services.need_satisfaction(r["needs"], PERIOD),
        services.resource_match_accuracy(r["deliveries"], PERIOD),
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


def peak_added(run: Callable[[], object]) -> float:
    """Peak resident memory (MiB) ``run`` adds to what the process holds (Linux ``VmHWM``).

    The kernel's high-water mark is reset to the current resident size
    (``/proc/self/clear_refs``), ``run`` runs once, and the mark is read: native
    allocations of polars and DuckDB count, which ``tracemalloc`` would miss.
    """
    with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
        refs.write("5")
    before = _status("VmRSS:")
    run()
    return (_status("VmHWM:") - before) / 2**20


def duckdb_relations(t: dict[str, pl.DataFrame]) -> dict[str, Any]:
    """The tables as DuckDB relations over their Arrow data (no copy into DuckDB)."""
    return {k: duckdb.from_arrow(v.to_arrow()) for k, v in t.items()}


def records_of(t: dict[str, pl.DataFrame]) -> dict[str, Any]:
    """The tables read into validated records with ``to_records`` (the record path's input)."""
    records: dict[str, Any] = {
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
    return records


def per_row(rows: list[dict[str, Any]]) -> None:
    for item in rows:
        item = dict(item)
        text = item["categories"]
        item["categories"] = () if text is None else tuple(text.split(";"))
        Client.model_validate(item)


PATHS: dict[str, str] = {
    "hand": "hand-written polars",
    "eager": "socialwork.frames, polars eager",
    "lazy": "socialwork.frames, polars lazy",
    "duckdb": "socialwork.frames, DuckDB relations",
    "duckdb_sql": "hand-written DuckDB SQL",
    "records": "record path (socialwork.metrics over records)",
    "validate": "validate_frame, clients (polars)",
    "per_row": "Client.model_validate row by row",
}


def _rss() -> float:
    return _status("VmRSS:") / 2**20


def child(path: str, cases: int) -> dict[str, Any]:
    """Run one path in this process: its best time, figures and memory."""
    started = _rss()
    t = tables(cases)
    read = 0.0
    if path == "validate":
        report = validate_frame(t["clients"], "clients")
        assert report.ok, report.problems[:3]
        run: Callable[[], object] = partial(validate_frame, t["clients"], "clients")
    elif path == "per_row":
        rows = t["clients"].to_dicts()
        run = partial(per_row, rows)
    else:
        inputs: Any = t
        if path == "lazy":
            inputs = {k: v.lazy() for k, v in t.items()}
        elif path == "duckdb":
            inputs = duckdb_relations(t)
        elif path == "duckdb_sql":
            inputs = duckdb_connection(t)
        elif path == "records":
            start = time.perf_counter()
            inputs = records_of(t)
            read = time.perf_counter() - start
        function = {"hand": by_hand, "records": record_path, "duckdb_sql": by_hand_duckdb}
        run = partial(function.get(path, frame_path), inputs)
    held = _rss() - started
    memory = peak_added(run)  # the first run: nothing of it is cached yet
    seconds, result = best(run) if path != "per_row" else (_once(run), None)
    figures = repr(result) if path not in ("validate", "per_row") else ""
    return {
        "seconds": seconds,
        "memory": memory,
        "inputs": held,
        "figures": figures,
        "max_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**10,
        "read": read,
    }


def _once(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def spawn(path: str, size: object, script: str = __file__) -> dict[str, Any]:
    """Run one path of ``script`` in a fresh Python process, so no other path's memory counts.

    The child (``script --child PATH SIZE``) prints its results as JSON on its last line.
    """
    done = subprocess.run(
        [sys.executable, script, "--child", path, str(size)],
        check=True,
        capture_output=True,
        text=True,
    )
    return dict(json.loads(done.stdout.splitlines()[-1]))


def table(title: str, runs: dict[str, list[dict[str, Any]]], base: str) -> None:
    print(f"\n{title}\n")
    print(
        f"| path | best time | spread | ratio to {PATHS[base]} | inputs held |"
        " peak added by a run | process max RSS |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    base_time = min(r["seconds"] for r in runs[base])
    for path, results in runs.items():
        times = [r["seconds"] for r in results]
        fastest = min(times)
        spread = (max(times) - fastest) / fastest if fastest else 0.0
        memory = min(r["memory"] for r in results)
        held = min(r["inputs"] for r in results)
        rss = min(r["max_rss"] for r in results)
        print(
            f"| {PATHS[path]} | {fastest:.3f} s | {spread:.0%} | {fastest / base_time:.2f} | "
            f"{held:.0f} MiB | {memory:.0f} MiB | {rss:.0f} MiB |",
            flush=True,
        )


def best_of(results: list[dict[str, Any]]) -> float:
    return float(min(r["seconds"] for r in results))


def main(argv: list[str]) -> None:
    if argv[:1] == ["--child"]:
        print(json.dumps(child(argv[1], int(argv[2]))))
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("cases", type=int, nargs="?", default=1_000_000)
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)

    paths = ("hand", "eager", "lazy", "duckdb", "duckdb_sql")
    big: dict[str, list[dict[str, Any]]] = {p: [] for p in paths}
    small: dict[str, list[dict[str, Any]]] = {p: [] for p in (*paths, "records")}
    checks: dict[str, list[dict[str, Any]]] = {"validate": [], "per_row": []}
    for _ in range(args.runs):
        for path, results in big.items():
            results.append(spawn(path, args.cases))
        for path, results in small.items():
            results.append(spawn(path, args.records))
        for path, results in checks.items():
            results.append(spawn(path, args.cases))
    for runs in (big, small):
        figures = {r["figures"] for results in runs.values() for r in results}
        assert len(figures) == 1, "the paths' figures differ"
    contacts = args.cases * 5
    table(f"{args.cases:,} cases / {contacts:,} contacts", big, "hand")
    table(f"{args.records:,} cases / {args.records * 5:,} contacts", small, "hand")
    table(f"Checking {args.cases:,} client rows", checks, "validate")
    record = min(r["seconds"] for r in small["records"])
    print(
        f"\nrecords read with to_records in {min(r['read'] for r in small['records']):.1f} s;"
        f" at {args.records:,} cases the frame path is"
        f" {record / min(r['seconds'] for r in small['eager']):.1f}x faster than the record path"
        f" on polars, {record / min(r['seconds'] for r in small['duckdb']):.1f}x on DuckDB"
        f" (hand-written DuckDB SQL: {record / best_of(small['duckdb_sql']):.1f}x)"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
