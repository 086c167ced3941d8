"""Benchmark match_needs: 10,000 needs × 10,000 offers, fixed seed; goal ≤ 2 s.

Run: ``uv run python benchmarks/match_needs.py``. Prints the time of
``match_needs`` and, as a baseline in the same run, a naive matcher that scans
the offer list for every need (same priorities, same result).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from datetime import date
from typing import TypeVar

from socialwork.analysis import Offer, match_needs, prioritise
from socialwork.analysis.resources import Assignment
from socialwork.models import BradshawEvidence, Evidence, Need, NeedDomain

SEED = 20250601
SIZE = 10_000
GOAL_SECONDS = 2.0
T = TypeVar("T")


def make_inputs(rng: random.Random) -> tuple[list[Need], list[Offer]]:
    domains = list(NeedDomain)
    evidence = Evidence(source="survey", detail="benchmark")

    def maybe(value: int) -> int | None:
        return None if rng.random() < 0.2 else value

    needs = [
        Need(
            id=f"n{k:05d}",
            community_id="c1",
            domain=rng.choice(domains),
            description="need",
            raised_on=date(2025, 6, 1),
            raised_by="resident",
            evidence=BradshawEvidence(
                normative=evidence if rng.random() < 0.5 else None,
                felt=evidence if rng.random() < 0.5 else None,
                expressed=evidence if rng.random() < 0.5 else None,
                comparative=evidence if rng.random() < 0.5 else None,
            ),
            severity=maybe(rng.randint(1, 5)),
            urgency=maybe(rng.randint(1, 5)),
            people_affected=maybe(rng.randint(0, 100)),
        )
        for k in range(SIZE)
    ]
    # skewed supply: some domains get far fewer offers than needs
    weights = [rng.uniform(0.2, 1.8) for _ in domains]
    offers = [
        Offer(
            id=f"o{k:05d}",
            domain=rng.choices(domains, weights)[0],
            capacity=1,
            description="offer",
        )
        for k in range(SIZE)
    ]
    return needs, offers


def naive_match(needs: list[Need], offers: list[Offer]) -> tuple[Assignment, ...]:
    """For each need by priority, scan all offers in id order for one with capacity left."""
    ordered = sorted(offers, key=lambda o: o.id)
    left = [o.capacity for o in ordered]
    found = []
    for priority in prioritise(needs):
        for index, offer in enumerate(ordered):
            if offer.domain is priority.domain and left[index] > 0:
                left[index] -= 1
                found.append(Assignment(priority.need_id, offer.id))
                break
    return tuple(found)


def timed(run: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = run()
    return result, time.perf_counter() - start


def main() -> None:
    rng = random.Random(SEED)
    start = time.perf_counter()
    needs, offers = make_inputs(rng)
    print(
        f"inputs: {len(needs)} needs × {len(offers)} offers (seed {SEED}), "
        f"built in {time.perf_counter() - start:.3f} s"
    )
    matching, elapsed = timed(lambda: match_needs(needs, offers))
    verdict = "met" if elapsed <= GOAL_SECONDS else "MISSED"
    print(f"match_needs:                   {elapsed:8.3f} s  (goal ≤ {GOAL_SECONDS} s: {verdict})")
    baseline, naive_elapsed = timed(lambda: naive_match(needs, offers))
    print(f"baseline, naive scan per need: {naive_elapsed:8.3f} s")
    print(
        f"matched {matching.matched_count}, unmatched {len(matching.unmatched)}; "
        f"baseline agrees: {baseline == matching.assignments}"
    )


if __name__ == "__main__":
    main()
