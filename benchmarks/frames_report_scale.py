"""The whole monthly report at scale: `frame_monthly_report` against hand-written polars.

Generates a whole station straight into polars (`station_tables.station_tables`:
clients, cases with their histories and goals, about five visits per case,
groups with members and sessions, staff, needs, deliveries, hours, surveys
and files, and a plan of two home visits for each case open on the month's
first day), 1M cases and about 5M visits by default, and measures the same
monthly report for June 2025:

* ``frame_monthly_report`` (`socialwork.frames`) on polars, eager and lazy
  frames;
* hand-written polars for the same figures (`by_hand`): lazy, one plan per
  table where natural, all run by one ``pl.collect_all``; (a) the figures
  and counts: every line's numerator and denominator (or number), coverage
  by category, each group's attendance and membership, the number of
  overdue follow-ups and of exclusions by reason; (b) those, and what the
  report keeps of its lists: the first 20 excluded ids of each reason and
  the first 20 overdue follow-ups (by due date, then case id).

A report counts its exclusions and overdue follow-ups and keeps the first
20 of each kind (`socialwork.metrics.ExclusionSummary`,
``MonthlyReport.overdue_count``); the frame path lists them all only when
asked, as frames. So (b) returns what ``frame_monthly_report`` returns, and
the goal is the frame path within 1.2 times hand (b).

The parent checks that every path gave the same figures (every line's
numerator and denominator or value, coverage by category, groups, number of
overdue follow-ups, exclusions by reason) and that hand (b) kept the same
first ids and follow-ups as the frame path. The table gives each path's
ratio to hand (a) and to hand (b), the number of exclusions and overdue
follow-ups the report counts, and its plan of home visits.

Each path runs in its own Python process (``--child PATH CASES``), which
generates the tables itself (not timed), runs once for memory and as a
warm-up (``peak_added`` of ``frames_indicators.py``), then three times for its
best time (``best``). Memory is resident memory, as in ``frames_indicators.py``:
*inputs held* (the tables), *peak added by a run*, *process max RSS*. The
whole comparison runs ``--runs`` times (3 by default); the table gives the
best time, the spread (slowest minus fastest, over fastest) and the smallest
memory figures.

``--check`` (20k cases unless a size is given) proves that the generated
tables are a coherent station: `validate_frame` finds no problem in any table
(with the references between tables), ``frame_monthly_report`` on polars eager
and lazy equals `socialwork.metrics.monthly_report` on the same tables read
with `to_records` and assembled as `StationRecords`, and the hand-written
figures and lists equal the frame path's.

Run: ``uv run python benchmarks/frames_report_scale.py`` (1M cases, about 5M
visits), ``uv run python benchmarks/frames_report_scale.py 200000 --runs 1``,
or ``uv run python benchmarks/frames_report_scale.py --check``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import sys
import time
from collections import Counter
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from functools import partial
from typing import Any

import polars as pl
from frames_indicators import _rss, best, peak_added, spawn
from station_tables import PERIOD, GeneratedStation, station_tables

from socialwork import metrics
from socialwork.frames import frame_monthly_report, to_records, validate_frame
from socialwork.frames.report import TABLES
from socialwork.metrics import Rate
from socialwork.metrics.catalogue import CATALOGUE
from socialwork.models import (
    CaseStatus,
    ClientCategory,
    GoalAchievementStatus,
    GoalLifecycleStatus,
    Station,
    StationRecords,
    Volunteer,
)

SEED = 7
AFTER_DAYS = 7
"""A follow-up is due this many days after the last contact (the report's rule)."""

PATHS: dict[str, str] = {
    "eager": "frame_monthly_report, polars eager",
    "lazy": "frame_monthly_report, polars lazy",
    "hand_a": "hand-written polars (a): figures and counts",
    "hand_b": "hand-written polars (b): figures, counts and the first 20 of each list",
}

Figures = dict[str, Any]
"""Every figure of a report: lines, coverage by category, groups, overdue, exclusions by reason."""

Lists = dict[str, Any]
"""What a report keeps of its lists: the first excluded ids of each reason, the first follow-ups."""


# ---------------------------------------------------------------- the report's figures


def _measure(value: object) -> object:
    """A line's value as plain data: a rate's numerator and denominator, else the number."""
    if isinstance(value, Rate):
        return (value.numerator, value.denominator)
    if isinstance(value, Decimal):
        return str(value)
    return value


def report_figures(report: metrics.MonthlyReport) -> Figures:
    """The figures of a report from ``frame_monthly_report``, as `by_hand` gives them."""
    reasons: Counter[str] = Counter()
    for li in report.lines:
        reasons.update({r.value: n for r, n in li.excluded.counts})
    return {
        "lines": {li.definition.code: _measure(li.value) for li in report.lines},
        "by_category": [
            (c.value, r.numerator, r.denominator) for c, r in report.coverage_by_category
        ],
        "groups": [
            (
                g.name,
                g.attendance.numerator,
                g.attendance.denominator,
                g.membership.at_start,
                g.membership.at_end,
            )
            for g in report.groups
        ],
        "overdue": report.overdue_count,
        "excluded": dict(sorted(reasons.items())),
    }


def report_lists(report: metrics.MonthlyReport) -> Lists:
    """The first exclusions of each reason (by line) and follow-ups a report keeps, as lists."""
    return {
        "excluded": {
            li.definition.code: sorted((e.reason.value, e.record_id) for e in li.excluded.first)
            for li in report.lines
            if li.excluded.total
        },
        "overdue": [
            [f.case_id for f in report.overdue],
            [f.worker_id for f in report.overdue],
            [f.last_contact for f in report.overdue],
            [f.due_on for f in report.overdue],
        ],
    }


def digest(value: object) -> str:
    """A short digest of ``value``'s repr, to compare results across processes."""
    return hashlib.sha256(repr(value).encode()).hexdigest()[:16]


# ---------------------------------------------------------------- hand-written polars

_CLOSED = CaseStatus.CLOSED.value
_INTERVENED = [CaseStatus.INTERVENTION.value, CaseStatus.REVIEW.value]
_IMPROVED = [
    GoalAchievementStatus.IMPROVING.value,
    GoalAchievementStatus.ACHIEVED.value,
    GoalAchievementStatus.SUSTAINING.value,
]
_ATTAINED = [GoalAchievementStatus.ACHIEVED.value, GoalAchievementStatus.SUSTAINING.value]
_VOID = [
    GoalLifecycleStatus.CANCELLED.value,
    GoalLifecycleStatus.REJECTED.value,
    GoalLifecycleStatus.ENTERED_IN_ERROR.value,
]


def _in_month(column: str) -> pl.Expr:
    return pl.col(column).is_between(PERIOD.start, PERIOD.end)


def _on_staff(day: date) -> pl.Expr:
    """Joined on or before ``day`` and not yet left (``left_on`` is the first day away)."""
    return (pl.col("joined_on") <= day) & (pl.col("left_on").is_null() | (pl.col("left_on") > day))


def _count(condition: pl.Expr) -> pl.Expr:
    return condition.cast(pl.Int64).sum()


def _plans(t: dict[str, pl.DataFrame], planned: int, lists: bool) -> dict[str, pl.LazyFrame]:
    """The lazy queries of the report, by name: figures, and with ``lists`` the listed ids."""
    first, last = PERIOD.start, PERIOD.end
    clients, cases, goals, moves, visits, groups, members, sessions = (
        t[k].lazy()
        for k in (
            "clients",
            "cases",
            "case_goals",
            "case_history",
            "visits",
            "groups",
            "group_members",
            "group_sessions",
        )
    )
    surveys, hours, deliveries, needs, files, staff = (
        t[k].lazy() for k in ("surveys", "service_hours", "deliveries", "needs", "files", "staff")
    )
    plans: dict[str, pl.LazyFrame] = {}

    # key-group coverage: clients with a category, visited in the month; counted by cell
    seen = visits.filter(_in_month("on")).select(pl.col("client_id").unique().alias("id"))
    plans["coverage"] = (
        clients.filter(pl.col("categories").is_not_null())
        .join(seen.with_columns(pl.lit(1).alias("hit")), on="id", how="left")
        .group_by("categories")
        .agg(pl.len().alias("n"), pl.col("hit").count().alias("v"))
    )

    asked = pl.col("subject").fill_null("clients")
    for subject in ("clients", "group_members", "volunteers"):
        plans[f"surveys_{subject}"] = surveys.filter(
            _in_month("conducted_on") & (asked == subject)
        ).select(pl.col("satisfied").sum(), pl.col("respondents").sum())

    # clients per worker: distinct clients contacted in the month
    plans["served"] = visits.filter(_in_month("on")).select(
        pl.len().alias("rows"), pl.col("client_id").n_unique().alias("served")
    )

    # identification: registered clients of each community and group, up to the list's count
    registered = (
        clients.filter(pl.col("registered_on") <= last)
        .select("id", "community_id", pl.col("categories").str.split(";").alias("category"))
        .explode("category")
        .filter(pl.col("category").is_not_null())
    )
    known_lists = t["known_key_groups"].lazy()
    found = registered.group_by("community_id", "category").agg(pl.len().alias("found"))
    plans["identification"] = (
        known_lists.join(found, on=["community_id", "category"], how="left")
        .with_columns(pl.col("found").fill_null(0))
        .select(
            pl.min_horizontal("found", "known").sum().alias("identified"),
            pl.col("known").sum().alias("listed"),
            (pl.col("found") - pl.col("known")).clip(0).sum().alias("above"),
        )
    )

    # resource utilisation: usable resources delivered in the month
    stock = t["resources"].lazy()
    usable = pl.col("availability") == "usable"
    used = deliveries.filter(_in_month("delivered_on")).select(
        pl.col("resource_id").unique().alias("id"), pl.lit(1).alias("used")
    )
    plans["resources"] = stock.join(used, on="id", how="left").select(
        _count(usable & pl.col("used").is_not_null()).alias("called"),
        _count(usable).alias("usable"),
        _count(~usable).alias("unusable"),
    )

    # case improvement: cases that reached intervention, with a goal that improved
    intervened = pl.concat(
        [
            cases.filter(pl.col("status").is_in(_INTERVENED)).select(pl.col("id").alias("case_id")),
            moves.filter(pl.col("to_status") == CaseStatus.INTERVENTION.value).select("case_id"),
        ]
    ).unique()
    better = (
        goals.filter(pl.col("achievement_status").is_in(_IMPROVED))
        .select(pl.col("case_id").unique())
        .with_columns(pl.lit(1).alias("better"))
    )
    plans["improvement"] = intervened.join(better, on="case_id", how="left").select(
        pl.len().alias("n"), pl.col("better").count()
    )

    # goals: void and not assessed ones are left out
    life = pl.col("lifecycle_status").fill_null(GoalLifecycleStatus.PROPOSED.value)
    void = life.is_in(_VOID)
    unassessed = ~void & pl.col("achievement_status").is_null()
    counted = ~void & ~unassessed
    plans["goals"] = goals.select(
        _count(counted & pl.col("achievement_status").is_in(_ATTAINED)).alias("attained"),
        _count(counted).alias("assessed"),
        _count(void).alias("void"),
        _count(unassessed).alias("unassessed"),
    )

    plans["files"] = files.select(
        pl.len().alias("n"),
        _count(pl.col("missing_items").list.len().fill_null(0) == 0).alias("complete"),
    )

    given = deliveries.filter(_in_month("delivered_on"))
    plans["deliveries"] = given.select(
        _count(pl.col("matched_need")).alias("matched"),
        pl.col("matched_need").count().alias("checked"),
        pl.col("matched_need").null_count().alias("unchecked"),
    )

    raised = needs.filter(_in_month("raised_on"))
    status = pl.col("status").fill_null("open")
    plans["needs"] = raised.select(
        _count(status == "met").alias("met"),
        _count(status != "withdrawn").alias("raised"),
        _count(status == "withdrawn").alias("withdrawn"),
    )

    # the cases open on the last day, and their last contact since they (re)opened
    state = moves.group_by("case_id").agg(
        pl.col("from_status").first().alias("first_from"),
        pl.col("to_status").filter(pl.col("on") <= last).last().alias("then"),
        pl.col("on")
        .filter((pl.col("from_status") == _CLOSED) & (pl.col("on") <= last))
        .max()
        .alias("reopened"),
    )
    contacts = (
        visits.filter(pl.col("case_id").is_not_null() & (pl.col("on") <= last))
        .group_by("case_id")
        .agg(pl.col("on").max().alias("contact"))
    )
    since = pl.coalesce("reopened", "opened_on")
    follow = (
        cases.select(pl.col("id").alias("case_id"), "worker_id", "opened_on", "closed_on")
        .join(state, on="case_id", how="left")
        .filter(
            (pl.coalesce("then", "first_from", pl.lit("intake")) != _CLOSED)
            & (since <= last)
            & (pl.col("closed_on").is_null() | (pl.col("closed_on") > last))
        )
        .join(contacts, on="case_id", how="left")
        .select(
            "case_id",
            "worker_id",
            pl.when(pl.col("contact") >= since).then("contact").alias("contact"),
            since.alias("since"),
        )
        .with_columns((pl.coalesce("contact", "since") + timedelta(days=AFTER_DAYS)).alias("due"))
    )
    plans["open"] = follow.select(pl.len().alias("open"), _count(pl.col("due") < last))

    at_end = staff.filter(_on_staff(last))
    intern = pl.col("role") == "intern"
    plans["staff"] = at_end.select(
        _count(~intern).alias("workers"),
        _count(~intern & (pl.col("certification").fill_null("none") != "none")).alias("held"),
        _count(intern).alias("interns"),
    )
    at_start = staff.filter(
        _on_staff(first) | ((pl.col("left_on") == first) & (pl.col("joined_on") <= first))
    )
    plans["turnover"] = at_start.select(
        _count(pl.col("left_on").is_between(first, last)).alias("gone"), pl.len().alias("n")
    )

    plans["hours"] = hours.select(
        pl.len().alias("rows"),
        (pl.col("hours") * 100)
        .round(0)
        .cast(pl.Int64)
        .filter(_in_month("on"))
        .sum()
        .alias("cents"),
    )

    plans["home_visits"] = done_visits(t).select(pl.len())

    # groups: attendance at the month's sessions, members on the first and last days
    held = sessions.filter(_in_month("on"))
    came = held.group_by("group_id").agg(pl.col("attended").list.len().sum().alias("came"))
    expected = (
        held.select("group_id", pl.col("on").alias("session_on"))
        .join(members, on="group_id")
        .filter(
            (pl.col("joined_on") <= pl.col("session_on"))
            & (pl.col("left_on").is_null() | (pl.col("left_on") > pl.col("session_on")))
        )
        .group_by("group_id")
        .agg(pl.len().alias("expected"))
    )
    growth = members.group_by("group_id").agg(
        _count(_on_staff(first)).alias("at_start"), _count(_on_staff(last)).alias("at_end")
    )
    plans["groups"] = (
        groups.select(pl.col("id").alias("group_id"), "name")
        .join(came, on="group_id", how="left", maintain_order="left")
        .join(expected, on="group_id", how="left", maintain_order="left")
        .join(growth, on="group_id", how="left", maintain_order="left")
        .select("name", pl.exclude("group_id", "name").fill_null(0))
    )

    if lists:  # the first 20 of each list: top-k in the engine, no whole list
        goal_ids = goals.filter(~counted).select(
            pl.concat_str("case_id", pl.lit("/"), "id").alias("record"),
            pl.when(void).then(pl.lit("goal_void")).otherwise(pl.lit("goal_not_assessed")),
        )
        for reason in ("goal_void", "goal_not_assessed"):
            plans[f"first_{reason}"] = (
                goal_ids.filter(pl.col("literal") == reason)
                .select("record")
                .bottom_k(20, by="record")
            )
        plans["first_unchecked"] = (
            given.filter(pl.col("matched_need").is_null()).select("id").bottom_k(20, by="id")
        )
        plans["first_withdrawn"] = (
            raised.filter(status == "withdrawn").select("id").bottom_k(20, by="id")
        )
        plans["first_intern"] = at_end.filter(intern).select("id").bottom_k(20, by="id")
        plans["first_not_usable"] = stock.filter(~usable).select("id").bottom_k(20, by="id")
        # a list's surplus: its clients past the list's count, by id
        plans["first_above_known"] = (
            registered.join(known_lists, on=["community_id", "category"])
            .filter(pl.col("id").rank("ordinal").over("community_id", "category") > pl.col("known"))
            .select("id")
            .bottom_k(20, by="id")
        )
        plans["first_overdue"] = (
            follow.filter(pl.col("due") < last)
            .select("case_id", "worker_id", "contact", "due")
            .bottom_k(20, by=["due", "case_id"])
        )
    return plans


def done_visits(t: dict[str, pl.DataFrame]) -> pl.LazyFrame:
    """The home visits of the month."""
    return t["visits"].lazy().filter((pl.col("mode") == "home_visit") & _in_month("on"))


def _rate(numerator: Any, denominator: Any) -> tuple[int, int]:
    """A rate's numerator and denominator from a query's sums (``None`` over no rows)."""
    return (int(numerator or 0), int(denominator or 0))


def by_hand(t: dict[str, pl.DataFrame], planned: int, lists: bool) -> tuple[Figures, Lists]:
    """The report's figures (and with ``lists`` its listed ids) in plain polars."""
    plans = _plans(t, planned, lists)
    r = dict(zip(plans, pl.collect_all(list(plans.values())), strict=True))
    one = {k: v.row(0) for k, v in r.items() if k in _ONE_ROW}

    # coverage by category from the counts of each distinct ``categories`` cell
    cells = r["coverage"]
    by_code = (
        cells.with_columns(pl.col("categories").str.split(";"))
        .explode("categories")
        .group_by("categories")
        .agg(pl.col("n").sum(), pl.col("v").sum())
    )
    counts = {c: (v, n) for c, n, v in by_code.iter_rows()}
    by_category = [(c.value, *counts[c.value]) for c in ClientCategory if c.value in counts]
    total = _rate(cells["v"].sum(), cells["n"].sum())

    groups = r["groups"].rows()
    attendance = (sum(g[1] for g in groups), sum(g[2] for g in groups))
    open_cases, overdue = one["open"]
    has_cases = t["cases"].height > 0
    workers, held, interns = one["staff"]
    rows, cents = one["hours"]
    (done,) = one["home_visits"]
    attained, assessed, void, unassessed = one["goals"]
    matched, checked, unchecked = one["deliveries"]
    met, raised, withdrawn = one["needs"]
    visit_rows, served = one["served"]
    identified, listed, above = one["identification"]
    called, usable, unusable = one["resources"]
    lines: dict[str, object] = {
        "key_group_coverage": total,
        "survey_satisfaction": _rate(*one["surveys_clients"]),
        "case_improvement": _rate(one["improvement"][1], one["improvement"][0]),
        "group_attendance": attendance,
        "need_satisfaction": _rate(met, raised),
        "goal_attainment": _rate(attained, assessed),
        "file_completeness": _rate(one["files"][1], one["files"][0]),
        "resource_match_accuracy": _rate(matched, checked),
        "clients_per_worker": served / workers if visit_rows and workers else None,
        "identification_rate": _rate(identified, listed),
        "resource_utilisation": _rate(called, usable),
        "group_satisfaction": _rate(*one["surveys_group_members"]),
        "volunteer_satisfaction": _rate(*one["surveys_volunteers"]),
        "overdue_follow_ups": int(overdue or 0) if has_cases else None,
        "mean_caseload": open_cases / workers if has_cases and workers else None,
        "volunteer_hours": str(Decimal(int(cents or 0)).scaleb(-2)) if rows else None,
        "certification_rate": _rate(held, workers),
        "staff_turnover": _rate(*one["turnover"]),
        "home_visit_completion": (min(done, planned), planned),
    }
    excluded = {
        "above_plan": max(done - planned, 0),
        "goal_not_assessed": unassessed,
        "goal_void": void,
        "intern": interns,
        "unchecked": unchecked,
        "withdrawn": withdrawn,
        "above_known": above,
        "not_usable": unusable,
    }
    figures: Figures = {
        "lines": {code: lines[code] for code in CATALOGUE},
        "by_category": by_category,
        "groups": groups,
        "overdue": int(overdue or 0),
        "excluded": {k: int(v) for k, v in sorted(excluded.items()) if v},
    }
    if not lists:
        return figures, {}
    codes = {
        "need_satisfaction": ("withdrawn",),
        "goal_attainment": ("goal_void", "goal_not_assessed"),
        "resource_match_accuracy": ("unchecked",),
        "certification_rate": ("intern",),
        "identification_rate": ("above_known",),
        "resource_utilisation": ("not_usable",),
    }
    found: Lists = {"excluded": {}, "overdue": []}
    for code in CATALOGUE:
        first = [
            (reason, str(i))
            for reason in codes.get(code, ())
            for i in r[f"first_{reason}"].to_series().to_list()
        ]
        if code == "home_visit_completion" and done > planned:
            # the latest visits above the plan, by date and id; their first 20 in that order
            latest = done_visits(t).select("on", "id").top_k(done - planned, by=["on", "id"])
            ids = latest.bottom_k(20, by=["on", "id"]).collect()["id"].to_list()
            first = [("above_plan", i) for i in ids]
        if first:
            found["excluded"][code] = sorted(first)
    late = r["first_overdue"].sort("due", "case_id")
    found["overdue"] = [late[c].to_list() for c in late.columns]
    return figures, found


_ONE_ROW = frozenset(
    {
        "surveys_clients",
        "surveys_group_members",
        "surveys_volunteers",
        "served",
        "identification",
        "resources",
        "improvement",
        "goals",
        "files",
        "deliveries",
        "needs",
        "open",
        "staff",
        "turnover",
        "hours",
        "home_visits",
    }
)


# ---------------------------------------------------------------- the check at 20k


_REFERENCES: dict[str, dict[str, str]] = {
    "cases": {"client_id": "clients", "worker_id": "staff"},
    "case_goals": {"case_id": "cases"},
    "case_history": {"case_id": "cases"},
    "visits": {"client_id": "clients", "case_id": "cases", "worker_id": "staff"},
    "group_members": {"group_id": "groups", "member_id": "clients"},
    "group_sessions": {"group_id": "groups"},
    "deliveries": {"recipient_id": "clients"},
}


def station_records(station: GeneratedStation) -> StationRecords:
    """The station's tables read with `to_records` and assembled as `StationRecords`."""
    t = station.tables
    cases = to_records(
        t["cases"],
        "cases",
        children={"case_goals": t["case_goals"], "case_history": t["case_history"]},
    )
    groups = to_records(
        t["groups"],
        "groups",
        children={"group_members": t["group_members"], "group_sessions": t["group_sessions"]},
    )
    return StationRecords(
        station=Station(
            id="st1",
            name=station.frames().station,
            communities=to_records(  # type: ignore[arg-type]
                t["communities"],
                "communities",
                children={"known_key_groups": t["known_key_groups"]},
            ),
            staff=to_records(t["staff"], "staff"),  # type: ignore[arg-type]
        ),
        period=PERIOD,
        clients=to_records(t["clients"], "clients"),  # type: ignore[arg-type]
        cases=cases,  # type: ignore[arg-type]
        visits=to_records(t["visits"], "visits"),  # type: ignore[arg-type]
        groups=groups,  # type: ignore[arg-type]
        volunteers=(Volunteer(id="vol1", name="王阿姨", joined_on=date(2025, 4, 1)),),
        service_hours=to_records(t["service_hours"], "service_hours"),  # type: ignore[arg-type]
        resources=to_records(t["resources"], "resources"),  # type: ignore[arg-type]
        deliveries=to_records(t["deliveries"], "deliveries"),  # type: ignore[arg-type]
        needs=to_records(t["needs"], "needs"),  # type: ignore[arg-type]
        files=to_records(t["files"], "files"),  # type: ignore[arg-type]
        surveys=to_records(t["surveys"], "surveys"),  # type: ignore[arg-type]
        home_visits_planned=station.home_visits_planned,
    )


def check(cases: int) -> None:
    """Prove the generated tables a coherent station, and the hand-written query right."""
    started = time.perf_counter()
    station = station_tables(cases, SEED)
    t = station.tables
    print(f"generated {cases:,} cases in {time.perf_counter() - started:.1f} s:")
    for kind in TABLES:
        refs = {col: t[other] for col, other in _REFERENCES.get(kind, {}).items()}
        problems = validate_frame(t[kind], kind, references=refs)
        assert problems.ok, (kind, problems.problems[:5])
        print(f"  {kind}: {t[kind].height:,} rows, no problem")
    records = station_records(station)
    expected = metrics.monthly_report(records, PERIOD)
    eager = frame_monthly_report(station.frames(), PERIOD)
    lazy = frame_monthly_report(station.frames(lazy=True), PERIOD)
    assert eager == expected, "the frame path (eager) differs from the record path"
    assert lazy == expected, "the frame path (lazy) differs from the record path"
    print("frame_monthly_report (polars eager and lazy) == metrics.monthly_report on the records")
    figures = report_figures(eager)
    for lists in (False, True):
        hand, found = by_hand(t, station.home_visits_planned, lists)
        for key, value in figures.items():
            assert hand[key] == value, (key, hand[key], value)
        if lists:
            assert found == report_lists(eager), "hand (b) lists differ from the report's"
    print("hand-written polars (a) and (b) == frame_monthly_report's figures and lists")
    text = eager.to_markdown("en")
    print(text[: text.index("\n## ", text.index("\n## ") + 1)])  # lines and categories
    print(
        f"groups: {figures['groups']}; overdue: {figures['overdue']};"
        f" exclusions: {figures['excluded']}"
    )


# ---------------------------------------------------------------- the benchmark


def child(path: str, cases: int) -> dict[str, Any]:
    """Run one path in this process: its best time, figures' digest and memory."""
    started = _rss()
    begun = time.perf_counter()
    station = station_tables(cases, SEED)
    generated = time.perf_counter() - begun
    t = station.tables
    planned = station.home_visits_planned
    run: Callable[[], object]
    if path in ("eager", "lazy"):
        run = partial(frame_monthly_report, station.frames(lazy=path == "lazy"), PERIOD)
    else:
        run = partial(by_hand, t, planned, path == "hand_b")
    held = _rss() - started
    memory = peak_added(run)  # the first run, a warm-up: nothing of it is cached yet
    seconds, result = best(run)
    if isinstance(result, metrics.MonthlyReport):
        figures, lists = report_figures(result), report_lists(result)
    else:
        figures, lists = result[:2]  # type: ignore[index]
    return {
        "seconds": seconds,
        "memory": memory,
        "inputs": held,
        "max_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**10,
        "generated": generated,
        "figures": digest(figures),
        "lists": digest(lists) if lists else "",
        "excluded": sum(figures["excluded"].values()),
        "overdue": figures["overdue"],
        "visits": t["visits"].height,
        "planned": planned,
    }


def table(runs: dict[str, list[dict[str, Any]]]) -> None:
    print(
        "| path | best time | spread | ratio to hand (a) | ratio to hand (b) |"
        " inputs held | peak added by a run | process max RSS |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    hand_a = min(r["seconds"] for r in runs["hand_a"])
    hand_b = min(r["seconds"] for r in runs["hand_b"])
    for path, results in runs.items():
        times = [r["seconds"] for r in results]
        fastest = min(times)
        spread = (max(times) - fastest) / fastest if fastest else 0.0
        print(
            f"| {PATHS[path]} | {fastest:.3f} s | {spread:.0%} | {fastest / hand_a:.2f} |"
            f" {fastest / hand_b:.2f} | {min(r['inputs'] for r in results):.0f} MiB |"
            f" {min(r['memory'] for r in results):.0f} MiB |"
            f" {min(r['max_rss'] for r in results):.0f} MiB |",
            flush=True,
        )


def main(argv: list[str]) -> None:
    if argv[:1] == ["--child"]:
        print(json.dumps(child(argv[1], int(argv[2]))))
        return
    parser = argparse.ArgumentParser()
    parser.add_argument("cases", type=int, nargs="?", default=None)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--check",
        action="store_true",
        help="check the generated tables and the hand-written query (20k cases by default)",
    )
    args = parser.parse_args(argv)
    if args.check:
        check(20_000 if args.cases is None else args.cases)
        return
    cases = 1_000_000 if args.cases is None else args.cases
    runs: dict[str, list[dict[str, Any]]] = {p: [] for p in PATHS}
    for _ in range(args.runs):
        for path, results in runs.items():
            results.append(spawn(path, cases, __file__))
    every = [r for results in runs.values() for r in results]
    assert len({r["figures"] for r in every}) == 1, "the paths' figures differ"
    lists = {r["lists"] for p in ("eager", "lazy", "hand_b") for r in runs[p]}
    assert len(lists) == 1, "hand (b) kept other exclusions or follow-ups than the report"
    some = every[0]
    print(
        f"\nThe whole monthly report, {cases:,} cases / {some['visits']:,} visits"
        f" (generated in {min(r['generated'] for r in every):.1f} s; home visits planned:"
        f" {some['planned']:,}; the report counts {some['excluded']:,} exclusions and"
        f" {some['overdue']:,} overdue follow-ups and keeps the first 20 of each kind)\n"
    )
    table(runs)
    fastest = {p: min(r["seconds"] for r in rs) for p, rs in runs.items()}
    print(
        f"\nframe path (polars eager) / hand (b): {fastest['eager'] / fastest['hand_b']:.2f}x,"
        f" lazy / hand (b): {fastest['lazy'] / fastest['hand_b']:.2f}x (goal <= 1.2)"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
