"""Station data generated with a seed, for the frame tests and the frame benchmarks."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from socialwork import models as m

CATEGORIES = list(m.ClientCategory)
NEED_STATUSES = list(m.NeedStatus)


@dataclass(frozen=True)
class GeneratedStation:
    """Records of one station: clients, cases, visits, needs and deliveries."""

    clients: tuple[m.Client, ...]
    cases: tuple[m.Case, ...]
    visits: tuple[m.Visit, ...]
    needs: tuple[m.Need, ...]
    deliveries: tuple[m.ResourceDelivery, ...]


def generated_station(size: int, *, seed: int, contacts: int = 5) -> GeneratedStation:
    """``size`` clients and cases, ``contacts`` visits per case, and needs and deliveries."""
    rng = random.Random(seed)
    start = date(2025, 4, 1)
    clients = []
    cases = []
    visits = []
    needs = []
    deliveries = []
    for i in range(size):
        cats = tuple(rng.sample(CATEGORIES, rng.choice((0, 1, 1, 2))))
        clients.append(
            m.Client(
                id=f"p{i}",
                name=f"居民{i}",
                community_id="c1",
                registered_on=start,
                categories=cats,
            )
        )
        opened = start + timedelta(days=rng.randrange(60))
        cases.append(m.Case(id=f"k{i}", client_id=f"p{i}", worker_id=f"s{i % 7}", opened_on=opened))
        for j in range(rng.randrange(contacts + 1)):
            visits.append(
                m.Visit(
                    id=f"v{i}-{j}",
                    client_id=f"p{i}",
                    on=opened + timedelta(days=rng.randrange(90)),
                    mode=m.ContactMode.HOME_VISIT,
                    worker_id=f"s{i % 7}",
                    case_id=f"k{i}",
                )
            )
        if i % 3 == 0:
            needs.append(
                m.Need(
                    id=f"n{i}",
                    community_id="c1",
                    domain=rng.choice(list(m.NeedDomain)),
                    description="需求",
                    raised_on=start + timedelta(days=rng.randrange(120)),
                    raised_by="居民",
                    status=rng.choice(NEED_STATUSES),
                )
            )
            deliveries.append(
                m.ResourceDelivery(
                    id=f"d{i}",
                    resource_id="r1",
                    recipient_id=f"p{i}",
                    delivered_on=start + timedelta(days=rng.randrange(120)),
                    matched_need=rng.choice((True, False, None)),
                )
            )
    return GeneratedStation(
        tuple(clients), tuple(cases), tuple(visits), tuple(needs), tuple(deliveries)
    )
