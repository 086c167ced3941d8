"""Where the frame report's time goes on DuckDB: the engine's own queries, and Python around them.

Generates the station of ``frames_report.py`` (``CASES`` cases, about five
visits a case, with its seed) and holds its tables three ways: as polars
frames, as DuckDB relations over their Arrow data (as ``frames_report.py``
does), and as tables in DuckDB's own storage. For each it prints

* the whole ``frame_monthly_report`` (best of ``REPEATS``), and its ratio to
  polars (the issue's goal: DuckDB within 1.5 times polars);
* how many queries the report runs (narwhals ``collect`` calls) and the time
  spent inside them (best of ``REPEATS`` reports), timed by wrapping
  ``collect`` in this script: what the engine itself takes for the report's
  plans, which no change to the library's Python around the queries can
  remove (the rest is Python: narwhals building each step, and DuckDB's
  client binding each step of a relation to learn its columns);

and, for the report's heaviest query (each open case with its last contact,
``socialwork.frames.services._last_contacts``), the engines' floor: that
query written by hand in SQL and run by DuckDB, against the frame path's
own plan run by polars, best of ``REPEATS`` each, alternately in one
process. The parent checks that the hand-written SQL returns the rows of
the plan.

Run: ``uv run python benchmarks/frames_duckdb.py`` (100k cases), or
``uv run python benchmarks/frames_duckdb.py 20000``.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import duckdb
import narwhals as nw
import polars as pl

from socialwork.frames import StationFrames, frame_monthly_report
from socialwork.frames.report import TABLES
from socialwork.frames.services import _last_contacts
from tests.frames_data import generated_records

CASES = 100_000
SEED = 7
"""The seed and visits of ``frames_report.py``: the same station."""
CONTACTS = 10
REPEATS = 5

LAST_CONTACTS = """
with history as (
  select case_id as id,
    sum((to_status = 'closed')::int) as in_all,
    sum((from_status = 'closed')::int) as out_all,
    sum((to_status = 'closed' and "on" <= $as_of)::int) as in_upto,
    sum((from_status = 'closed' and "on" <= $as_of)::int) as out_upto,
    max(case when from_status = 'closed' and "on" <= $as_of then "on" end) as reopened
  from case_history group by case_id
), opened as (
  select c.id, c.worker_id, c.closed_on,
    case when coalesce(h.out_upto, 0) > 0 then h.reopened else c.opened_on end as since,
    case when h.in_all is null then 0
      else (coalesce(c.status, 'intake') = 'closed')::int - h.in_all + h.out_all end
      + coalesce(h.in_upto, 0) - coalesce(h.out_upto, 0) as closed_then
  from cases c left join history h on c.id = h.id
), last as (
  select case_id as id, max("on") as last from visits
  where case_id is not null and "on" <= $as_of group by case_id
)
select o.id, o.worker_id,
  case when l.last >= o.since then l.last end as contact,
  coalesce(case when l.last >= o.since then l.last end, o.since) as base
from opened o left join last l on o.id = l.id
where o.closed_then = 0 and o.since <= $as_of and (o.closed_on is null or o.closed_on > $as_of)
"""
"""Each case open on ``$as_of`` with its last contact since it opened (``_last_contacts``)."""


def best(run: Callable[[], object]) -> float:
    """The best of `REPEATS` runs, after one to warm up, in seconds."""
    run()
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


@contextmanager
def queries_timed() -> Iterator[list[float]]:
    """Time every narwhals ``collect`` while inside: the seconds of each query, in a list."""
    collect = nw.LazyFrame.collect
    spent: list[float] = []

    def timed(self: Any, *args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return collect(self, *args, **kwargs)
        finally:
            spent.append(time.perf_counter() - start)

    nw.LazyFrame.collect = timed  # type: ignore[method-assign]
    try:
        yield spent
    finally:
        nw.LazyFrame.collect = collect  # type: ignore[method-assign]


def engines(tables: dict[str, pl.DataFrame]) -> dict[str, dict[str, Any]]:
    """The tables as polars frames, DuckDB relations over Arrow, and DuckDB's own tables."""
    over_arrow = duckdb.connect()
    stored = duckdb.connect()
    for kind, frame in tables.items():
        stored.from_arrow(frame.to_arrow()).create(kind)
    return {
        "polars": dict(tables),
        "DuckDB relations over Arrow": {
            k: over_arrow.from_arrow(v.to_arrow()) for k, v in tables.items()
        },
        "DuckDB tables": {k: stored.table(k) for k in tables},
    }


def main(argv: list[str]) -> None:
    cases = int(argv[0]) if argv else CASES
    records = generated_records(cases, seed=SEED, contacts=CONTACTS)
    frames = StationFrames.from_records(records, backend="polars")
    period = records.period
    tables = {k: getattr(frames, k) for k in TABLES if getattr(frames, k) is not None}
    print(
        f"{len(records.cases):,} cases / {len(records.visits):,} visits, June 2025;"
        f" best of {REPEATS}\n"
    )
    print(
        "| engine | whole report | over polars | queries | inside them |"
        " inside, over polars' whole |"
    )
    print("|---|---:|---:|---:|---:|---:|")
    polars_time = 0.0
    for name, held in engines(tables).items():
        on = StationFrames(
            frames.station, period, home_visits_planned=frames.home_visits_planned, **held
        )
        whole = best(partial(frame_monthly_report, on, period))
        inside = []
        for _ in range(REPEATS):
            with queries_timed() as spent:
                frame_monthly_report(on, period)
            inside.append(sum(spent))
        polars_time = polars_time or whole
        print(
            f"| {name} | {whole:.3f} s | {whole / polars_time:.2f}x | {len(spent)} |"
            f" {min(inside):.3f} s | {min(inside) / polars_time:.2f}x |",
            flush=True,
        )
    as_of = period.end
    plan = _last_contacts(
        tables["cases"].lazy(), tables["visits"].lazy(), tables["case_history"].lazy(), as_of
    ).to_native()
    con = duckdb.connect()
    for kind in ("cases", "visits", "case_history"):
        con.from_arrow(tables[kind].to_arrow()).create(kind)
    query = LAST_CONTACTS.replace("$as_of", f"date '{as_of.isoformat()}'")
    assert sorted(con.sql(query).fetchall()) == sorted(plan.collect().rows()), "the SQL differs"
    sql = best(lambda: con.sql(query).to_arrow_table())
    engine = best(lambda: plan.collect())
    print(
        f"\nThe heaviest query (open cases with their last contact): hand-written SQL on DuckDB"
        f" {sql:.3f} s, the frame path's plan on polars {engine:.3f} s: {sql / engine:.2f}x"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
