"""Monthly casework indicators at scale: socialwork.metrics against a hand-written single pass.

Generates clients, cases (with dated histories, some closed after the
month's end) and contacts with a fixed seed as slotted plain objects (they
satisfy the Protocols of ``socialwork.metrics.protocols``), computes the
casework figures of the monthly report (key-group coverage in total and by
category, case improvement, goal attainment, overdue follow-ups, caseload
per worker) with the library and with a hand-written single-pass dict
version, checks that both give the same figures, and prints both times,
their ratio, and the peak memory (tracemalloc) of each size. It then times
the whole ``monthly_report`` over the same records (June, compared with a
May bundle of the same records), built with ``model_construct`` so that the
plain objects are not copied into pydantic records. The input is frozen out
of the garbage collector's reach (``gc.freeze``) once built, so that the
times measure the computation rather than the collector walking the heap.

Times are CPU seconds of this process (``time.process_time``), best of 3,
so that other programs sharing the machine do not blur them.

Run: ``uv run python benchmarks/monthly_indicators.py`` (100k cases and 500k
contacts, plus half that size to show memory grows linearly), or pass case
counts: ``uv run python benchmarks/monthly_indicators.py 1000000``.
"""

from __future__ import annotations

import gc
import random
import sys
import time
import tracemalloc
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from datetime import date, timedelta
from itertools import pairwise
from typing import Any

from socialwork.metrics import (
    Rate,
    caseload_per_worker,
    key_group_coverage_by_category,
    monthly_report,
)
from socialwork.metrics.casework import (
    ATTAINED,
    IMPROVED,
    case_improvement,
    goal_attainment,
    overdue_follow_ups,
)
from socialwork.models import (
    CaseStatus,
    Certification,
    ClientCategory,
    ContactMode,
    GoalAchievementStatus,
    GoalLifecycleStatus,
    Period,
    StaffRole,
    Station,
    StationRecords,
)

SEED = 20250630
CONTACTS_PER_CASE = 5
PERIOD = Period.month(2025, 6)
AS_OF = PERIOD.end
REPEATS = 3


class Client:
    __slots__ = ("categories", "id")

    def __init__(self, id: str, categories: tuple[ClientCategory, ...]) -> None:
        self.id = id
        self.categories = categories


class Visit:
    __slots__ = ("case_id", "client_id", "id", "mode", "on")

    def __init__(
        self, id: str, client_id: str, case_id: str | None, on: date, mode: ContactMode
    ) -> None:
        self.id = id
        self.client_id = client_id
        self.case_id = case_id
        self.on = on
        self.mode = mode


class StatusChange:
    __slots__ = ("from_status", "on", "to_status")

    def __init__(self, on: date, from_status: CaseStatus, to_status: CaseStatus) -> None:
        self.on = on
        self.from_status = from_status
        self.to_status = to_status


class Closure:
    __slots__ = ("closed_on",)

    def __init__(self, closed_on: date) -> None:
        self.closed_on = closed_on


class Staff:
    __slots__ = ("certification", "id", "joined_on", "left_on", "role")

    def __init__(self, id: str, role: StaffRole, certification: Certification) -> None:
        self.id = id
        self.role = role
        self.joined_on = date(2024, 1, 1)
        self.left_on: date | None = None
        self.certification = certification


class Goal:
    __slots__ = ("achievement_status", "id", "lifecycle_status")

    def __init__(
        self,
        id: str,
        lifecycle_status: GoalLifecycleStatus,
        achievement_status: GoalAchievementStatus | None,
    ) -> None:
        self.id = id
        self.lifecycle_status = lifecycle_status
        self.achievement_status = achievement_status


class Case:
    __slots__ = ("closure", "goals", "history", "id", "opened_on", "status", "worker_id")

    def __init__(
        self,
        id: str,
        worker_id: str,
        opened_on: date,
        history: tuple[StatusChange, ...],
        goals: tuple[Goal, ...],
    ) -> None:
        self.id = id
        self.worker_id = worker_id
        self.opened_on = opened_on
        self.status = history[-1].to_status if history else CaseStatus.INTAKE
        self.history = history
        self.closure = Closure(history[-1].on) if self.status is CaseStatus.CLOSED else None
        self.goals = goals


Book = tuple[list[Client], list[Case], list[Visit]]


def history(
    rng: random.Random, opened_on: date, ladder: list[CaseStatus]
) -> tuple[StatusChange, ...]:
    """Moves up ``ladder`` from intake, a few days apart; closed cases end with a closure."""
    steps = rng.randrange(len(ladder))
    path = list(ladder[: steps + 1])
    if rng.random() < 0.3:
        path.append(CaseStatus.CLOSED)
    changes = []
    on = opened_on
    for before, after in pairwise(path):
        on += timedelta(days=rng.randrange(12))
        changes.append(StatusChange(on, before, after))
    return tuple(changes)


def generate(cases: int) -> Book:
    """Clients, one case each, and five contacts per case, from a fixed seed."""
    rng = random.Random(SEED)
    categories = list(ClientCategory)
    ladder: list[CaseStatus] = [s for s in CaseStatus if s is not CaseStatus.CLOSED]
    achievements = [None, *GoalAchievementStatus]
    lifecycles = list(GoalLifecycleStatus)
    days = [date(2025, 1, 1) + timedelta(days=n) for n in range(200)]
    june = [d for d in days if PERIOD.contains(d)]
    workers = [f"s{n}" for n in range(max(1, cases // 40))]
    modes = list(ContactMode)
    clients = [
        Client(f"p{n}", tuple(rng.sample(categories, rng.choice((0, 1, 1, 1, 2)))))
        for n in range(cases)
    ]
    book = []
    for n in range(cases):
        opened_on = rng.choice(days[:170])
        book.append(
            Case(
                f"k{n}",
                rng.choice(workers),
                opened_on,
                history(rng, opened_on, ladder),
                tuple(
                    Goal(f"g{g}", rng.choice(lifecycles), rng.choice(achievements))
                    for g in range(rng.randrange(3))
                ),
            )
        )
    visits = [
        Visit(
            f"v{n}",
            f"p{(owner := rng.randrange(cases))}",
            f"k{owner}" if rng.random() < 0.7 else None,
            rng.choice(june) if rng.random() < 0.5 else rng.choice(days),
            rng.choice(modes),
        )
        for n in range(cases * CONTACTS_PER_CASE)
    ]
    return clients, book, visits


def with_library(book: Book) -> dict[str, Any]:
    """The month's figures computed by socialwork.metrics."""
    clients, cases, visits = book
    return {
        "coverage": key_group_coverage_by_category(clients, visits, PERIOD),
        "improvement": case_improvement(cases),
        "goal_attainment": goal_attainment(cases),
        "overdue": [f.case_id for f in overdue_follow_ups(cases, visits, as_of=AS_OF)],
        "caseload": caseload_per_worker(cases, as_of=AS_OF),
    }


def by_hand(book: Book) -> dict[str, Any]:
    """The same figures in one pass over each collection, with plain dicts."""
    clients, cases, visits = book
    start, end = PERIOD.start, PERIOD.end
    visited: set[str] = set()
    last: dict[str, date] = {}
    for v in visits:
        on = v.on
        if start <= on <= end:
            visited.add(v.client_id)
        case_id = v.case_id
        if case_id is not None and on <= AS_OF:
            seen = last.get(case_id)
            if seen is None or on > seen:
                last[case_id] = on
    key = covered = 0
    registered: Counter[ClientCategory] = Counter()
    reached: Counter[ClientCategory] = Counter()
    for c in clients:
        if c.categories:
            key += 1
            hit = c.id in visited
            covered += hit
            for category in c.categories:
                registered[category] += 1
                reached[category] += hit
    intervened = improved = attained = assessed = 0
    excluded: list[str] = []
    overdue: list[tuple[date, str]] = []
    caseload: defaultdict[str, int] = defaultdict(int)
    week = timedelta(days=7)
    void = {
        GoalLifecycleStatus.CANCELLED,
        GoalLifecycleStatus.REJECTED,
        GoalLifecycleStatus.ENTERED_IN_ERROR,
    }
    for case in cases:
        status = case.status
        if status in (CaseStatus.INTERVENTION, CaseStatus.REVIEW) or any(
            h.to_status is CaseStatus.INTERVENTION for h in case.history
        ):
            intervened += 1
            improved += any(g.achievement_status in IMPROVED for g in case.goals)
        for goal in case.goals:
            if goal.lifecycle_status in void or goal.achievement_status is None:
                excluded.append(f"{case.id}/{goal.id}")
            else:
                assessed += 1
                attained += goal.achievement_status in ATTAINED
        closure = case.closure
        if case.opened_on <= AS_OF and (closure is None or closure.closed_on > AS_OF):
            caseload[case.worker_id] += 1
            contact = last.get(case.id)
            due = (case.opened_on if contact is None else max(contact, case.opened_on)) + week
            if due < AS_OF:
                overdue.append((due, case.id))
    return {
        "coverage": (
            (covered, key),
            [(c, (reached[c], registered[c])) for c in ClientCategory if registered[c]],
        ),
        "improvement": (improved, intervened),
        "goal_attainment": (attained, assessed, len(excluded)),
        "overdue": [case_id for _, case_id in sorted(overdue)],
        "caseload": dict(sorted(caseload.items())),
    }


def plain(figures: dict[str, Any]) -> dict[str, Any]:
    """The library's figures in the hand version's shapes."""

    def counts(r: Rate) -> tuple[int, int]:
        return r.numerator, r.denominator

    return {
        **figures,
        "coverage": (
            counts(figures["coverage"].total),
            [(c, counts(r)) for c, r in figures["coverage"].by_category],
        ),
        "improvement": counts(figures["improvement"]),
        "goal_attainment": (
            *counts(figures["goal_attainment"]),
            len(figures["goal_attainment"].exclusions),
        ),
    }


def bundles(book: Book) -> tuple[StationRecords, StationRecords]:
    """June's and May's bundles of the same records, built without copying them."""
    clients, cases, visits = book
    workers = sorted({c.worker_id for c in cases})
    staff = [Staff(w, StaffRole.FULL_TIME, Certification.SOCIAL_WORKER) for w in workers]
    plain: dict[str, Any] = {"id": "st", "name": "benchmark station", "staff": tuple(staff)}
    station = Station.model_construct(**plain)

    def bundle(period: Period) -> StationRecords:
        records: dict[str, Any] = {"clients": clients, "cases": cases, "visits": visits}
        return StationRecords.model_construct(station=station, period=period, **records)

    return bundle(PERIOD), bundle(PERIOD.previous())


def report_time(book: Book) -> float:
    june, may = bundles(book)
    settle()
    times = []
    for _ in range(REPEATS):
        gc.collect()
        began = time.process_time()
        monthly_report(june, PERIOD, may)
        times.append(time.process_time() - began)
    return min(times)


def best_time(compute: Callable[[Book], dict[str, Any]], book: Book) -> float:
    times = []
    for _ in range(REPEATS):
        gc.collect()
        began = time.process_time()
        compute(book)
        times.append(time.process_time() - began)
    return min(times)


def peak_mib(compute: Callable[[Book], dict[str, Any]], book: Book) -> float:
    gc.collect()
    tracemalloc.start()
    compute(book)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def input_mib(cases: int) -> tuple[Book, float]:
    gc.collect()
    tracemalloc.start()
    book = generate(cases)
    current, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    settle()
    return book, current / 2**20


def settle() -> None:
    """Keep the collector off the input: it is built once and lives to the end.

    Without this, each full collection walks every generated object, and the
    times measure the heap's size more than the figures.
    """
    gc.collect()
    gc.freeze()


def run(sizes: Sequence[int]) -> None:
    print(f"period {PERIOD.start} to {PERIOD.end}; CPU s, best of {REPEATS}; seed {SEED}")
    header = (
        f"{'cases':>9} {'contacts':>9} | {'library s':>9} {'by hand s':>9} {'ratio':>6} | "
        f"{'input MiB':>9} {'lib peak MiB':>12} {'hand peak MiB':>13} {'B/case':>7}"
    )
    print(header)
    print("-" * len(header))
    for cases in sizes:
        book, size = input_mib(cases)
        library = with_library(book)
        assert plain(library) == by_hand(book), "the two versions disagree"
        lib_s, hand_s = best_time(with_library, book), best_time(by_hand, book)
        lib_peak, hand_peak = peak_mib(with_library, book), peak_mib(by_hand, book)
        print(
            f"{cases:>9,} {cases * CONTACTS_PER_CASE:>9,} | {lib_s:>9.3f} {hand_s:>9.3f} "
            f"{lib_s / hand_s:>6.2f} | {size:>9.1f} {lib_peak:>12.1f} {hand_peak:>13.1f} "
            f"{size * 2**20 / cases:>7.0f}"
        )
        print(
            f"{'':>9} coverage {library['coverage'].total}, improved {library['improvement']}, "
            f"goals {library['goal_attainment']}, overdue {len(library['overdue']):,}"
        )
        print(f"{'':>9} monthly_report (June against May): {report_time(book):.3f} s")
        del book, library
        gc.unfreeze()


if __name__ == "__main__":
    run([int(arg) for arg in sys.argv[1:]] or [50_000, 100_000])
