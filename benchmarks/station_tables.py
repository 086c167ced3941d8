"""A whole station's tables generated straight into polars, for the benchmarks at scale.

`station_tables` draws, with numpy and a seed, the tables of
`socialwork.frames.StationFrames` for June 2025 in the shape and proportions
of the test suite's record generator (``tests/frames_data.py:
generated_records`` with ``contacts=10``): one client and one case per
``p{i}``/``k{i}``, 0 to 10 visits per case (about five), cases that walk
their statuses at random (moves on one day, closures, reopenings), 0 to 2
goals per case over every FHIR code, a need and a delivery for every third
client, seven staff who join and leave around the month, groups whose
members join and leave between sessions, and a few volunteer hours, surveys
and files. No pydantic record is built, so a million cases take seconds
and a few hundred MiB, not minutes and 15 GiB.

What differs from ``generated_records``: the draws come from numpy, not
Python's ``random``, so the same seed gives another station; the station
has one to three groups (the record generator may draw none); and the plan
of home visits is the month's need, two home visits (one a fortnight) for
each case open on the month's first day, not a number drawn from
``(None, 0, 5, 40)``.

Examples:
    >>> station = station_tables(1000, seed=7)
    >>> station.tables["cases"].height, station.frames().period.start.isoformat()
    (1000, '2025-06-01')
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
import polars as pl

from socialwork.frames import StationFrames, from_records
from socialwork.frames.report import TABLES
from socialwork.models import (
    Availability,
    CaseStatus,
    Certification,
    ClientCategory,
    GoalAchievementStatus,
    GoalLifecycleStatus,
    NeedDomain,
    NeedStatus,
    Period,
    StaffGrade,
    StaffRole,
)

PERIOD = Period.month(2025, 6)
STATION = "测试社工站"
START = date(2025, 4, 1)
CONTACTS = 10
"""Each case gets 0 to ``CONTACTS`` visits, about five on average."""
HOME_VISITS_PER_OPEN_CASE = 2
"""The plan: one home visit a fortnight for each case open on the month's first day."""

_EPOCH = date(1970, 1, 1)
_STATUSES = np.array([s.value for s in CaseStatus])
_CLOSED = len(_STATUSES) - 1  # CaseStatus's last member is ``closed``
_CATEGORIES = np.array([c.value for c in ClientCategory])
RESOURCES = 10
"""How many resources the station has (half of them usable)."""


def _day(value: date) -> int:
    return (value - _EPOCH).days


def _dates(days: np.ndarray[Any, Any]) -> pl.Series:
    """Days since 1970 as a polars date column."""
    return pl.Series(days.astype(np.int32)).cast(pl.Date)


def _pick(rng: np.random.Generator, values: list[Any] | tuple[Any, ...], n: int) -> Any:
    """``n`` draws from ``values``, each equally likely (repeats weigh more, as ``choice``)."""
    return np.asarray(values, dtype=object)[rng.integers(0, len(values), n)]


def _complete(frame: pl.DataFrame, kind: str) -> pl.DataFrame:
    """``frame`` with every column of ``kind``'s table, in order (blank where not generated)."""
    schema = from_records([], kind=kind).schema
    return frame.select(
        pl.col(name).cast(dtype) if name in frame.columns else pl.lit(None, dtype).alias(name)
        for name, dtype in schema.items()
    )


@dataclass(frozen=True)
class GeneratedStation:
    """A station's tables for June 2025 (by contract kind) and its plan of home visits."""

    tables: dict[str, pl.DataFrame]
    home_visits_planned: int

    def frames(self, *, lazy: bool = False) -> StationFrames:
        """The tables as `StationFrames` for June 2025, eager or lazy polars frames."""
        tables: dict[str, Any] = self.tables
        if lazy:
            tables = {k: v.lazy() for k, v in tables.items()}
        return StationFrames(
            STATION, PERIOD, home_visits_planned=self.home_visits_planned, **tables
        )


def _walk(
    rng: np.random.Generator, opened: np.ndarray[Any, Any]
) -> tuple[pl.DataFrame, np.ndarray[Any, Any], np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """Each case's random walk of statuses, as ``generated_records``' ``_history`` draws it.

    Returns the history rows (case number, ``on``, ``from_status``,
    ``to_status``, in the order the moves happened), each case's status
    (index into `CaseStatus`), its closing day (-1 when open) and whether it
    was open on the period's first day (the records' rule,
    `socialwork.models.Case.open_on`).
    """
    n = len(opened)
    current = np.where(rng.random(n) < 0.05, _CLOSED, 0)
    moves = _pick(rng, (0, 0, 1, 2, 3, 5), n).astype(np.int64)
    day = opened.copy()
    first = _day(PERIOD.start)
    state_then = current.copy()  # the status on the period's first day
    rows: list[tuple[np.ndarray[Any, Any], ...]] = []
    for move in range(int(moves.max(initial=0))):
        moving = np.flatnonzero(moves > move)
        day[moving] += _pick(rng, (0, 0, 3, 10, 20), len(moving)).astype(np.int64)
        was = current[moving]
        draw = rng.integers(0, _CLOSED, len(moving))
        # from closed: any other status; else any status but the current one, each alike
        target = np.where(was == _CLOSED, draw, np.where(draw >= was, draw + 1, draw))
        rows.append((moving, np.full(len(moving), move), day[moving], was, target))
        current[moving] = target
        by_then = moving[day[moving] <= first]
        state_then[by_then] = current[by_then]
    closed = current == _CLOSED
    closed_on = np.where(closed, day + _pick(rng, (0, 1, 15), n).astype(np.int64), -1)
    open_then = (state_then != _CLOSED) & (opened <= first) & (~closed | (closed_on > first))
    empty = np.zeros(0, dtype=np.int64)
    case, step, on, was, to = (
        (np.concatenate(parts) for parts in zip(*rows, strict=True)) if rows else (empty,) * 5
    )
    order = np.lexsort((step, case))
    history = pl.DataFrame(
        {
            "case": case[order],
            "on": _dates(on[order]),
            "from_status": _STATUSES[was[order]],
            "to_status": _STATUSES[to[order]],
        }
    )
    return history, current, closed_on, open_then


def _numbered(column: str, prefix: str) -> pl.Expr:
    """``prefix`` followed by the numbers of ``column``: ``p0``, ``p1``, ..."""
    return pl.concat_str(pl.lit(prefix), pl.col(column).cast(pl.String))


def _repeat_numbers(counts: np.ndarray[Any, Any]) -> tuple[np.ndarray[Any, Any], ...]:
    """For ``counts[i]`` items of each ``i``: each item's owner ``i`` and its number in it."""
    owner = np.repeat(np.arange(len(counts)), counts)
    within = np.arange(len(owner)) - np.repeat(np.cumsum(counts) - counts, counts)
    return owner, within


def station_tables(cases: int, seed: int) -> GeneratedStation:
    """A station of ``cases`` clients and cases for June 2025, generated into polars.

    Every table of `socialwork.frames.report.TABLES`, with every column of
    its contract (columns the generator leaves blank are nulls of the
    contract's type), coherent across tables: each case names its client and
    a worker on staff, each visit its client, case and worker, each goal and
    history row its case, each membership and session its group.
    """
    rng = np.random.default_rng(seed)
    number = np.arange(cases)
    start = _day(START)
    # clients: none, one or two distinct categories, as ``rng.sample(CATEGORIES, k)``
    first = rng.integers(0, len(_CATEGORIES), cases)
    second = (first + rng.integers(1, len(_CATEGORIES), cases)) % len(_CATEGORIES)
    how_many = _pick(rng, (0, 1, 1, 2), cases)
    both = np.char.add(np.char.add(_CATEGORIES[first], ";"), _CATEGORIES[second])
    one = _CATEGORIES[first]
    categories = pl.Series(np.where(how_many == 2, both, one)).set(pl.Series(how_many == 0), None)
    people = pl.DataFrame({"n": number})
    clients = people.select(
        _numbered("n", "p").alias("id"),
        _numbered("n", "居民").alias("name"),
        pl.lit("c1").alias("community_id"),
        pl.lit(START).alias("registered_on"),
        categories.alias("categories"),
    )
    # cases, opened in the 60 days from 1 April, and their random walks
    opened = start + rng.integers(0, 60, cases)
    history, status, closed_on, open_then = _walk(rng, opened)
    closed = status == _CLOSED
    cases_table = people.select(
        _numbered("n", "k").alias("id"),
        _numbered("n", "p").alias("client_id"),
        pl.concat_str(pl.lit("s"), (pl.col("n") % 7).cast(pl.String)).alias("worker_id"),
        _dates(opened).alias("opened_on"),
        pl.Series("status", _STATUSES[status]),
        pl.lit(value=False).alias("crisis"),
        _dates(closed_on).set(pl.Series(~closed), None).alias("closed_on"),
        pl.when(pl.Series(closed)).then(pl.lit("partial")).alias("closure_outcome"),
    )
    case_history = history.select(
        _numbered("case", "k").alias("case_id"),
        "on",
        "from_status",
        "to_status",
        pl.lit(value=False).alias("crisis"),
    )
    # goals: 0, 1, 1 or 2 per case, every lifecycle code, achievement blank or any code
    goal_case, goal_number = _repeat_numbers(_pick(rng, (0, 1, 1, 2), cases).astype(np.int64))
    lifecycle = np.array([s.value for s in GoalLifecycleStatus])
    achievement = pl.Series([None, *(s.value for s in GoalAchievementStatus)], dtype=pl.String)
    goals = pl.DataFrame({"case": goal_case, "n": goal_number})
    case_goals = goals.select(
        _numbered("case", "k").alias("case_id"),
        pl.concat_str(pl.lit("k"), pl.col("case"), pl.lit("-g"), pl.col("n")).alias("id"),
        pl.lit("目标").alias("description"),
        pl.lit("改善").alias("target"),
        pl.Series("lifecycle_status", lifecycle[rng.integers(0, len(lifecycle), len(goal_case))]),
        achievement.gather(rng.integers(0, len(achievement), len(goal_case))).alias(
            "achievement_status"
        ),
    )
    # visits: 0 to CONTACTS per case, home visits in the 90 days from its opening
    visit_case, visit_number = _repeat_numbers(rng.integers(0, CONTACTS + 1, cases))
    contacts = pl.DataFrame({"case": visit_case, "n": visit_number})
    visits = contacts.select(
        pl.concat_str(pl.lit("v"), pl.col("case"), pl.lit("-"), pl.col("n")).alias("id"),
        _numbered("case", "p").alias("client_id"),
        _dates(opened[visit_case] + rng.integers(0, 90, len(visit_case))).alias("on"),
        pl.lit("home_visit").alias("mode"),
        pl.concat_str(pl.lit("s"), (pl.col("case") % 7).cast(pl.String)).alias("worker_id"),
        _numbered("case", "k").alias("case_id"),
    )
    # a need and a delivery for every third client
    thirds = pl.DataFrame({"n": number[::3]})
    m = thirds.height
    needs = thirds.select(
        _numbered("n", "n").alias("id"),
        pl.lit("c1").alias("community_id"),
        pl.Series("domain", _pick(rng, [d.value for d in NeedDomain], m).astype(str)),
        pl.lit("需求").alias("description"),
        _dates(start + rng.integers(0, 120, m)).alias("raised_on"),
        pl.lit("居民").alias("raised_by"),
        pl.Series("status", _pick(rng, [s.value for s in NeedStatus], m).astype(str)),
    )
    deliveries = thirds.select(
        _numbered("n", "d").alias("id"),
        pl.concat_str(pl.lit("r"), (pl.col("n") % RESOURCES).cast(pl.String)).alias("resource_id"),
        _numbered("n", "p").alias("recipient_id"),
        _dates(start + rng.integers(0, 120, m)).alias("delivered_on"),
        pl.lit([], dtype=pl.List(pl.String)).alias("items"),
        pl.Series([True, False, None]).gather(rng.integers(0, 3, m)).alias("matched_need"),
    )
    # one community whose official lists count a sixteenth of the cases in each key group: the
    # groups with more registered clients than that have a surplus, excluded and listed
    communities = pl.DataFrame({"id": ["c1"], "name": ["幸福社区"]})
    known = pl.DataFrame(
        {
            "community_id": ["c1"] * len(_CATEGORIES),
            "category": list(_CATEGORIES),
            "known": [max(1, cases // 16)] * len(_CATEGORIES),
        }
    )
    # resources r0, r4 and r8 usable, the others not; deliveries draw on all of them
    availability = [a.value for a in Availability]
    resources = pl.DataFrame(
        {
            "id": [f"r{i}" for i in range(RESOURCES)],
            "name": [f"资源{i}" for i in range(RESOURCES)],
            "kind": ["material"] * RESOURCES,
            "source": ["enterprise"] * RESOURCES,
            "provider": ["爱心超市"] * RESOURCES,
            "availability": [availability[i % len(availability)] for i in range(RESOURCES)],
        }
    )
    tables = {
        "communities": communities,
        "known_key_groups": known,
        "resources": resources,
        "clients": clients,
        "cases": cases_table,
        "case_goals": case_goals,
        "case_history": case_history,
        "visits": visits,
        "needs": needs,
        "deliveries": deliveries,
        **_small_tables(rng, cases),
    }
    planned = HOME_VISITS_PER_OPEN_CASE * int(open_then.sum())
    return GeneratedStation({k: _complete(tables[k], k) for k in TABLES}, planned)


def _active(joined: date, left: date | None, day: date) -> bool:
    return joined <= day and (left is None or day < left)


def _small_tables(rng: np.random.Generator, cases: int) -> dict[str, pl.DataFrame]:
    """Staff, groups with members and sessions, hours, surveys and files: a few rows each."""
    staff: list[dict[str, Any]] = []
    for i in range(7):
        joined = date.fromordinal(START.toordinal() + int(rng.integers(0, 80)))
        left = _pick(rng, (None, None, date(2025, 6, 1), date(2025, 6, 15), date(2025, 7, 1)), 1)[0]
        staff.append(
            {
                "id": f"s{i}",
                "name": f"社工{i}",
                "role": _pick(rng, [r.value for r in StaffRole], 1)[0],
                "grade": _pick(rng, [g.value for g in StaffGrade], 1)[0],
                "joined_on": joined,
                "left_on": None if left is None or left < joined else left,
                "certification": _pick(rng, [c.value for c in Certification], 1)[0],
            }
        )
    groups: list[dict[str, Any]] = []
    members: list[dict[str, Any]] = []
    sessions: list[dict[str, Any]] = []
    for g in range(int(rng.integers(1, 4))):
        group = f"g{g}"
        groups.append(
            {
                "id": group,
                "name": f"小组{g}",
                "kind": "mutual_aid",
                "community_id": "c1",
                "started_on": date(2025, 5, 1),
            }
        )
        roster = []
        chosen = rng.choice(cases, min(cases, int(rng.integers(0, 12))), replace=False)
        for who in chosen:
            joined = date.fromordinal(date(2025, 5, 1).toordinal() + int(rng.integers(0, 50)))
            left = None
            if rng.random() < 0.5:
                left = date.fromordinal(joined.toordinal() + int(rng.integers(1, 40)))
            roster.append((f"p{who}", joined, left))
            members.append(
                {"group_id": group, "member_id": f"p{who}", "joined_on": joined, "left_on": left}
            )
        for n in range(int(rng.integers(0, 5))):
            on = date.fromordinal(date(2025, 5, 25).toordinal() + 7 * n + int(rng.integers(0, 3)))
            came = [w for w, j, x in roster if _active(j, x, on) and rng.random() < 0.7]
            sessions.append({"group_id": group, "on": on, "attended": came})
    hours = [
        {
            "volunteer_id": "vol1",
            "on": date.fromordinal(START.toordinal() + int(rng.integers(0, 120))),
            "hours": int(rng.integers(1, 1000)) / 100,
        }
        for _ in range(int(rng.integers(0, 20)))
    ]
    surveys = []
    for n in range(int(rng.integers(0, 4))):
        asked = int(rng.integers(0, 80))
        surveys.append(
            {
                "id": f"q{n}",
                "population": "居民",
                "conducted_on": date.fromordinal(START.toordinal() + int(rng.integers(0, 120))),
                "respondents": asked,
                "satisfied": int(rng.integers(0, asked + 1)),
            }
        )
    missing = ((), (), ("签名",), ("签名", "评估表"))
    files = [
        {
            "id": f"f{n}",
            "kind": "case_record",
            "subject_id": f"k{n}",
            "missing_items": list(missing[int(rng.integers(0, len(missing)))]),
        }
        for n in range(int(rng.integers(0, 10)))
    ]
    found = {
        "staff": staff,
        "groups": groups,
        "group_members": members,
        "group_sessions": sessions,
        "service_hours": hours,
        "surveys": surveys,
        "files": files,
    }
    return {
        kind: pl.DataFrame(rows, schema=_partial_schema(kind, rows)) for kind, rows in found.items()
    }


def _partial_schema(kind: str, rows: list[dict[str, Any]]) -> dict[str, pl.DataType]:
    """The contract's polars types of the columns ``rows`` fill (an empty table gets them all)."""
    schema = from_records([], kind=kind).schema
    names = rows[0].keys() if rows else schema.names()
    return {name: schema[name] for name in names}
