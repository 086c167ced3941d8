"""The whole monthly report on frames: `frame_monthly_report` against the record path.

Generates a whole station with the test suite's seeded generator
(``tests/frames_data.py:generated_records``: clients, cases with their
histories and goals, visits, groups, staff, needs, deliveries, hours,
surveys and files) at ``CASES`` cases and about five visits per case, and
measures the same monthly report built

* from the records (``socialwork.metrics.monthly_report``);
* from the same tables on frames (``socialwork.frames.frame_monthly_report``)
  on polars, eager and lazy, and on DuckDB relations over their Arrow data;
* and from the station's tables, as an analyst holds them: the record path
  reads every table with ``to_records`` and builds ``StationRecords``
  before ``monthly_report`` (timed once per process: it takes tens of
  seconds); the frame path checks every table with ``validate_frame``,
  with the references ``StationRecords`` checks, before
  ``frame_monthly_report``, on polars (eager, lazy) and DuckDB.

The parent generates the records once and writes them to a temporary
directory (the records pickled, each table as Parquet); each path then runs
in its own Python process (``--child PATH DIR``), so that no other path's
allocations, caches or freed-but-kept memory count against it, and the
parent checks that every path returned the same report. In its process a
path reads its inputs, runs once for memory (``peak_added``, as in
``frames_indicators.py``), then three times for its best time. The whole
comparison runs ``--runs`` times; the table gives the best time, the spread
(slowest minus fastest, over fastest) and the smallest memory figures.

A report counts its exclusions by reason and its overdue follow-ups, and
keeps the first 20 of each; the frame path lists them only when asked
(`StationFrames.exclusions`, `StationFrames.overdue_follow_ups`), so no
path here builds an object per excluded record or overdue case but the
record path, which reads records one by one anyway.

The tables print each path's time, the record path's time over it and its
memory, then the ratios the issue sets goals for: the record path over
polars eager (goal: at least 8) and DuckDB over polars eager (goal: at most
1.5).

Run: ``uv run python benchmarks/frames_report.py`` (100k cases, about 500k
visits), ``uv run python benchmarks/frames_report.py 20000 --runs 1``, or
``... --in-memory`` to leave out the paths that start from the tables (the
record path reads 100k cases with ``to_records`` in tens of seconds).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import duckdb
import polars as pl
from frames_indicators import _rss, best, peak_added, spawn

from socialwork import metrics
from socialwork.frames import (
    StationFrames,
    frame_monthly_report,
    from_records,
    to_records,
    validate_frame,
)
from socialwork.frames.report import TABLES
from socialwork.models import Period, Station, StationRecords
from socialwork.records import replace
from tests.frames_data import generated_records

SEED = 7
CONTACTS = 10
"""The generator's ``contacts``: each case gets 0 to 10 visits, about 5 on average."""

PATHS: dict[str, str] = {
    "records": "record path (socialwork.metrics.monthly_report)",
    "eager": "frame_monthly_report, polars eager",
    "lazy": "frame_monthly_report, polars lazy",
    "duckdb": "frame_monthly_report, DuckDB relations",
    "records_tables": "from the tables: to_records, StationRecords, monthly_report",
    "eager_tables": "from the tables: validate_frame, frame_monthly_report (polars eager)",
    "lazy_tables": "from the tables: validate_frame, frame_monthly_report (polars lazy)",
    "duckdb_tables": "from the tables: validate_frame, frame_monthly_report (DuckDB)",
}
FROM_TABLES = ("records_tables", "eager_tables", "lazy_tables", "duckdb_tables")
"""The paths that start from the station's tables, as an analyst holds them."""

EXTRA_TABLES = ("volunteers", "resources")
"""Tables the records' cross-references need beyond the report's `TABLES`."""

REFERENCES: dict[str, dict[str, str]] = {
    "cases": {"client_id": "clients", "worker_id": "staff"},
    "case_goals": {"case_id": "cases"},
    "case_history": {"case_id": "cases"},
    "visits": {"client_id": "clients", "case_id": "cases", "worker_id": "staff"},
    "group_members": {"group_id": "groups"},
    "group_sessions": {"group_id": "groups"},
    "service_hours": {"volunteer_id": "volunteers"},
    "deliveries": {"resource_id": "resources", "need_id": "needs"},
}
"""The references `StationRecords` checks, as `validate_frame` takes them."""


def fingerprint(report: metrics.MonthlyReport) -> str:
    """A digest of everything the report holds (its fields' reprs), to compare across processes."""
    fields = (
        report.lines,
        report.coverage_by_category,
        report.groups,
        report.overdue,
        report.overdue_count,
        report.period,
    )
    return hashlib.sha256(repr(fields).encode()).hexdigest()[:16]


def counted(report: metrics.MonthlyReport) -> dict[str, int]:
    """How many records the report's rates leave out, and how many follow-ups are overdue."""
    return {
        "excluded": sum(line.excluded.total for line in report.lines),
        "overdue": report.overdue_count,
    }


def prepare(cases: int, folder: Path, planned: int | None) -> dict[str, Any]:
    """Generate the station once and write its records and tables to ``folder``.

    ``planned`` (when not ``None``) replaces the generator's plan of home
    visits; a negative ``planned`` means no plan at all.
    """
    records = generated_records(cases, seed=SEED, contacts=CONTACTS)
    if planned is not None:
        records = replace(records, home_visits_planned=None if planned < 0 else planned)
    (folder / "records.pkl").write_bytes(pickle.dumps(records, pickle.HIGHEST_PROTOCOL))
    frames = StationFrames.from_records(records, backend="polars")
    present = [k for k in TABLES if getattr(frames, k) is not None]
    for kind in present:
        getattr(frames, kind).write_parquet(folder / f"{kind}.parquet")
    for kind in EXTRA_TABLES:
        from_records(getattr(records, kind), kind=kind).write_parquet(folder / f"{kind}.parquet")
    # the station without its staff: the record path reads the staff from their table
    shell = replace(records.station, staff=())
    (folder / "station.pkl").write_bytes(pickle.dumps(shell, pickle.HIGHEST_PROTOCOL))
    meta = {
        "station": frames.station,
        "period": [frames.period.start.isoformat(), frames.period.end.isoformat()],
        "planned": frames.home_visits_planned,
        "tables": present,
        "cases": len(records.cases),
        "visits": len(records.visits),
    }
    (folder / "meta.json").write_text(json.dumps(meta))
    report = metrics.monthly_report(records, records.period)
    (folder / "counted.json").write_text(json.dumps(counted(report)))
    return meta


def engine(path: str, tables: dict[str, pl.DataFrame]) -> dict[str, Any]:
    """The tables in the engine of ``path``: polars eager (as read), polars lazy or DuckDB."""
    if path.startswith("lazy"):
        return {k: v.lazy() for k, v in tables.items()}
    if path.startswith("duckdb"):
        con = duckdb.connect()
        return {k: con.from_arrow(v.to_arrow()) for k, v in tables.items()}
    return dict(tables)


def records_from_tables(
    tables: dict[str, Any], shell: Station, period: Period, planned: int | None
) -> metrics.MonthlyReport:
    """The record path from the tables: every row read into a record, then the report."""

    def read(kind: str, **children: str) -> Any:
        if kind not in tables:
            return ()
        found = {c: tables[c] for c in children.values() if c in tables}
        return to_records(tables[kind], kind, children=found or None)

    records = StationRecords(
        station=replace(shell, staff=read("staff")),
        period=period,
        clients=read("clients"),
        cases=read("cases", goals="case_goals", history="case_history"),
        visits=read("visits"),
        groups=read("groups", members="group_members", sessions="group_sessions"),
        volunteers=read("volunteers"),
        service_hours=read("service_hours"),
        resources=read("resources"),
        deliveries=read("deliveries"),
        needs=read("needs"),
        files=read("files"),
        surveys=read("surveys"),
        home_visits_planned=planned,
    )
    return metrics.monthly_report(records, period)


def frames_from_tables(
    tables: dict[str, Any], station: str, period: Period, planned: int | None
) -> metrics.MonthlyReport:
    """The frame path from the tables: every table checked in its engine, then the report."""
    for kind, frame in tables.items():
        references = {c: tables[t] for c, t in REFERENCES.get(kind, {}).items() if t in tables}
        found = validate_frame(frame, kind, references=references or None)
        assert found.ok, found.rules()
    report = {k: v for k, v in tables.items() if k in TABLES}
    return frame_monthly_report(
        StationFrames(station, period, home_visits_planned=planned, **report), period
    )


def child(path: str, folder: Path) -> dict[str, Any]:
    """Run one path in this process: its best time, report digest and memory."""
    started = _rss()
    meta = json.loads((folder / "meta.json").read_text())
    start, end = (date.fromisoformat(d) for d in meta["period"])
    period = Period(start=start, end=end)
    if path == "records":
        records = pickle.loads((folder / "records.pkl").read_bytes())
        run: Callable[[], object] = partial(metrics.monthly_report, records, records.period)
    elif path in FROM_TABLES:
        kinds = [*meta["tables"], *EXTRA_TABLES]
        tables = engine(path, {k: pl.read_parquet(folder / f"{k}.parquet") for k in kinds})
        if path == "records_tables":
            shell = pickle.loads((folder / "station.pkl").read_bytes())
            run = partial(records_from_tables, tables, shell, period, meta["planned"])
        else:
            run = partial(frames_from_tables, tables, meta["station"], period, meta["planned"])
    else:
        tables = engine(path, {k: pl.read_parquet(folder / f"{k}.parquet") for k in meta["tables"]})
        frames = StationFrames(
            meta["station"], period, home_visits_planned=meta["planned"], **tables
        )
        run = partial(frame_monthly_report, frames, period)
    held = _rss() - started
    memory = peak_added(run)
    # reading 100k cases into records takes tens of seconds: once is enough to compare
    seconds, result = once(run) if path == "records_tables" else best(run)
    digest = fingerprint(result) if isinstance(result, metrics.MonthlyReport) else ""
    return {
        "seconds": seconds,
        "memory": memory,
        "inputs": held,
        "figures": digest,
        "max_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**10,
    }


def once(run: Callable[[], object]) -> tuple[float, object]:
    """The time of one run, and its result."""
    start = time.perf_counter()
    result = run()
    return time.perf_counter() - start, result


def table(runs: dict[str, list[dict[str, Any]]], base: str, paths: tuple[str, ...]) -> None:
    print(
        "| path | best time | spread | record path's time over this |"
        " inputs held | peak added by a run | process max RSS |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    base_time = min(r["seconds"] for r in runs[base])
    for path in paths:
        times = [r["seconds"] for r in runs[path]]
        results = runs[path]
        fastest = min(times)
        spread = (max(times) - fastest) / fastest if fastest else 0.0
        print(
            f"| {PATHS[path]} | {fastest:.3f} s | {spread:.0%} | {base_time / fastest:.1f}x |"
            f" {min(r['inputs'] for r in results):.0f} MiB |"
            f" {min(r['memory'] for r in results):.0f} MiB |"
            f" {min(r['max_rss'] for r in results):.0f} MiB |",
            flush=True,
        )


def main(argv: list[str]) -> None:
    if argv[:1] == ["--child"]:
        print(json.dumps(child(argv[1], Path(argv[2]))))
        return
    if argv[:1] == ["--prepare"]:
        planned = None if argv[3] == "generated" else int(argv[3])
        print(json.dumps(prepare(int(argv[1]), Path(argv[2]), planned)))
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("cases", type=int, nargs="?", default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--in-memory", action="store_true", help="only the paths over records or tables held"
    )
    parser.add_argument(
        "--planned",
        type=int,
        default=None,
        help="home visits planned, in place of the generator's (-1: no plan)",
    )
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        started = time.perf_counter()
        # generated in its own process too, so the children inherit no large parent
        done = subprocess.run(
            [
                sys.executable,
                __file__,
                "--prepare",
                str(args.cases),
                name,
                "generated" if args.planned is None else str(args.planned),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        meta = json.loads(done.stdout.splitlines()[-1])
        print(
            f"generated {meta['cases']:,} cases / {meta['visits']:,} visits"
            f" in {time.perf_counter() - started:.0f} s",
            flush=True,
        )
        found = json.loads((folder / "counted.json").read_text())
        paths = [p for p in PATHS if not (args.in_memory and p in FROM_TABLES)]
        runs: dict[str, list[dict[str, Any]]] = {p: [] for p in paths}
        for _ in range(args.runs):
            for path, results in runs.items():
                results.append(spawn(path, folder, __file__))
    reports = {r["figures"] for rs in runs.values() for r in rs}
    assert len(reports) == 1, "the paths' reports differ"
    print(
        f"\nThe whole monthly report, {meta['cases']:,} cases / {meta['visits']:,} visits"
        f" (home visits planned: {meta['planned']}; the report counts"
        f" {found['excluded']:,} exclusions and {found['overdue']:,} overdue"
        " follow-ups, and keeps the first 20 of each kind)\n"
    )
    print("In memory: the records, or the tables, already held\n")
    table(runs, "records", tuple(p for p in PATHS if p not in FROM_TABLES))
    fastest = {p: min(r["seconds"] for r in rs) for p, rs in runs.items()}
    print(
        f"\nrecord path / polars eager: {fastest['records'] / fastest['eager']:.1f}x (goal >= 8);"
        f" DuckDB / polars eager: {fastest['duckdb'] / fastest['eager']:.2f}x (goal <= 1.5)"
    )
    if not args.in_memory:
        print("\nFrom the tables (Parquet read into polars, as an analyst holds them), checked\n")
        table(runs, "records_tables", FROM_TABLES)


if __name__ == "__main__":
    main(sys.argv[1:])
