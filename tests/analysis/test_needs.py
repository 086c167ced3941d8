"""Needs (Bradshaw codes, priorities, grouping) and resources (strategies, gaps, matching)."""

from __future__ import annotations

import itertools
import math
import random
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from socialwork.analysis import (
    Offer,
    PriorityWeights,
    SwotItem,
    match_needs,
    prioritise,
    resource_gaps,
)
from socialwork.analysis.needs import bradshaw_code, group_by_domain
from socialwork.analysis.resources import ResourceStrategy, UnmatchedReason, classify_resource
from socialwork.calendars import Recurrence
from socialwork.errors import PlanningInputError
from socialwork.models import (
    Availability,
    BradshawEvidence,
    Evidence,
    Need,
    NeedDomain,
    NeedStatus,
    Resource,
    ResourceKind,
    ResourceSource,
)
from socialwork.plans import (
    Phase,
    PlanGoal,
)
from tests.strategies import needs, offers, open_needs

E = Evidence(source="入户访谈", detail="老人冬天没有棉被")
NO_EVIDENCE = BradshawEvidence()


def need(
    need_id: str,
    domain: NeedDomain = NeedDomain.BASIC_LIVING,
    *,
    evidence: BradshawEvidence = NO_EVIDENCE,
    severity: int | None = None,
    urgency: int | None = None,
    people: int | None = None,
    status: NeedStatus = NeedStatus.OPEN,
) -> Need:
    return Need(
        id=need_id,
        community_id="c1",
        domain=domain,
        description="微心愿",
        raised_on=date(2025, 6, 1),
        raised_by="居民",
        evidence=evidence,
        severity=severity,
        urgency=urgency,
        people_affected=people,
        status=status,
    )


def test_bradshaw_codes() -> None:
    assert bradshaw_code(BradshawEvidence(normative=E, felt=E, comparative=E)) == "++-+"
    assert bradshaw_code(BradshawEvidence(expressed=E)) == "--+-"
    assert bradshaw_code(BradshawEvidence(normative=E, felt=E, expressed=E, comparative=E)) == (
        "++++"
    )


def test_priority_by_hand_with_the_default_weights() -> None:
    full = need(
        "quilt",
        evidence=BradshawEvidence(normative=E, felt=E, expressed=E, comparative=E),
        severity=5,
        urgency=5,
        people=60,
    )
    (top,) = prioritise([full])
    # every component at its maximum (people 60 ≥ scale 50): 0.25 + 0.30 + 0.30 + 0.15 = 1.0
    assert top.score == pytest.approx(1.0)
    assert top.assessed
    middling = need(
        "tutor", evidence=BradshawEvidence(felt=E, expressed=E), severity=3, urgency=2, people=10
    )
    (mid,) = prioritise([middling])
    # 0.25×2/4 + 0.30×2/4 + 0.30×1/4 + 0.15×10/50 = 0.125 + 0.15 + 0.075 + 0.03 = 0.38
    assert mid.score == pytest.approx(0.38)
    assert mid.upper == pytest.approx(0.38)


def test_unassessed_components_are_reported_not_hidden() -> None:
    (p,) = prioritise([need("n", evidence=BradshawEvidence(felt=E), urgency=5)])
    # counted at 0: 0.25×1/4 + 0.30×1 = 0.3625; at 1: + 0.30 (severity) + 0.15 (people) = 0.8125
    assert p.unassessed == ("severity", "people_affected")
    assert p.score == pytest.approx(0.3625)
    assert p.upper == pytest.approx(0.8125)
    assert not p.assessed


def test_weights_are_overridable() -> None:
    urgent = need("urgent", urgency=5, severity=1)
    severe = need("severe", urgency=1, severity=5)
    assert prioritise([urgent, severe])[0].need_id == "severe"  # tie at 0.30: id order
    only_urgency = PriorityWeights(evidence=0, severity=0, urgency=1, people_affected=0)
    ranked = prioritise([severe, urgent], only_urgency)
    assert [(p.need_id, p.score) for p in ranked] == [("urgent", 1.0), ("severe", 0.0)]
    with pytest.raises(ValidationError) as info:
        PriorityWeights(evidence=0, severity=0, urgency=0, people_affected=0)
    assert info.value.errors()[0]["type"] == "zero_weights"


def test_group_by_domain() -> None:
    groups = group_by_domain(
        [need("a", NeedDomain.HEALTH), need("b"), need("c", NeedDomain.HEALTH)]
    )
    assert list(groups) == [NeedDomain.HEALTH, NeedDomain.BASIC_LIVING]
    assert [n.id for n in groups[NeedDomain.HEALTH]] == ["a", "c"]


@pytest.mark.parametrize(
    ("availability", "strategy"),
    [
        (Availability.USABLE, ResourceStrategy.FILE_IN_HANDBOOK),
        (Availability.UNUSABLE, ResourceStrategy.DEVELOP),
        (Availability.DEVELOPABLE, ResourceStrategy.DEVELOP),
        (Availability.NOT_DEVELOPABLE, ResourceStrategy.FIND_SUBSTITUTE),
    ],
)
def test_classify_resource_follows_seed_003(
    availability: Availability, strategy: ResourceStrategy
) -> None:
    resource = Resource(
        id="r",
        name="爱心超市",
        kind=ResourceKind.MATERIAL,
        source=ResourceSource.ENTERPRISE,
        provider="爱心超市",
        availability=availability,
    )
    assert classify_resource(resource) is strategy


def test_the_micro_wish_wall_of_seed_002() -> None:
    # 28 wishes collected, 15 matched on the spot: 15 places, 13 left over
    wishes = [need(f"w{k:02d}", severity=1 + k % 5) for k in range(28)]
    offer = Offer(id="o1", domain=NeedDomain.BASIC_LIVING, capacity=15, description="爱心认领")
    (gap,) = resource_gaps(wishes, [offer])
    assert (gap.open_needs, gap.capacity, gap.shortfall) == (28, 15, 13)
    matching = match_needs(wishes, [offer])
    assert matching.matched_count == 15
    assert matching.remaining == (("o1", 0),)
    assert {u.reason for u in matching.unmatched} == {UnmatchedReason.CAPACITY_EXHAUSTED}
    # severities cycle 1..5: 6 wishes each at 1, 2, 3 and 5 at 4 and 5 (28 = 6+6+6+5+5);
    # the 15 matched are the 5 + 5 + 5 most severe ones (severity 5, 4 and five of the 3s)
    matched = {a.need_id for a in matching.assignments}
    severities = sorted((n.severity or 0 for n in wishes if n.id in matched), reverse=True)
    assert severities == [5] * 5 + [4] * 5 + [3] * 5


def test_unmatched_reasons() -> None:
    matching = match_needs(
        [need("a"), need("b", NeedDomain.HEALTH), need("c", status=NeedStatus.MET)],
        [Offer(id="o", domain=NeedDomain.BASIC_LIVING, capacity=2, description="冬被")],
    )
    assert [(a.need_id, a.offer_id) for a in matching.assignments] == [("a", "o")]
    assert {(u.need_id, u.reason) for u in matching.unmatched} == {
        ("b", UnmatchedReason.NO_OFFER_IN_DOMAIN),
        ("c", UnmatchedReason.NOT_OPEN),
    }
    assert matching.remaining == (("o", 1),)


def test_offers_are_used_in_id_order() -> None:
    offers_ = [
        Offer(id="z", domain=NeedDomain.BASIC_LIVING, capacity=1, description="米"),
        Offer(id="a", domain=NeedDomain.BASIC_LIVING, capacity=1, description="油"),
    ]
    matching = match_needs([need("n1", severity=5), need("n2", severity=1)], offers_)
    assert [(a.need_id, a.offer_id) for a in matching.assignments] == [("n1", "a"), ("n2", "z")]


def test_duplicate_ids_are_refused() -> None:
    with pytest.raises(PlanningInputError, match="duplicate_id"):
        match_needs([need("a"), need("a")], [])


def brute_force(
    needs_: tuple[Need, ...], offers_: tuple[Offer, ...]
) -> tuple[int, tuple[bool, ...]]:
    """Best over all feasible assignments: the matched count, then priority order flags."""
    ranked = [p.need_id for p in prioritise(n for n in needs_ if n.status is NeedStatus.OPEN)]
    by_id = {n.id: n for n in needs_}
    choices = [
        [None, *(o for o in offers_ if o.domain is by_id[need_id].domain)] for need_id in ranked
    ]
    best: tuple[int, tuple[bool, ...]] = (0, tuple(False for _ in ranked))
    for pick in itertools.product(*choices):
        used: dict[str, int] = {}
        for offer in pick:
            if offer is not None:
                used[offer.id] = used.get(offer.id, 0) + 1
        if any(used[o.id] > o.capacity for o in offers_ if o.id in used):
            continue
        flags = tuple(offer is not None for offer in pick)
        best = max(best, (sum(flags), flags))
    return best


@settings(max_examples=60, deadline=None)
@given(open_needs(max_size=6), offers(max_size=3, max_capacity=2))
def test_matching_is_optimal_against_brute_force(
    needs_: tuple[Need, ...], offers_: tuple[Offer, ...]
) -> None:
    matching = match_needs(needs_, offers_)
    matched = {a.need_id for a in matching.assignments}
    ranked = [p.need_id for p in prioritise(n for n in needs_ if n.status is NeedStatus.OPEN)]
    count, flags = brute_force(needs_, offers_)
    assert matching.matched_count == count
    assert tuple(need_id in matched for need_id in ranked) == flags


@settings(max_examples=60)
@given(open_needs(max_size=12), offers(max_size=4))
def test_matching_keeps_capacities_and_categories(
    needs_: tuple[Need, ...], offers_: tuple[Offer, ...]
) -> None:
    matching = match_needs(needs_, offers_)
    by_need = {n.id: n for n in needs_}
    by_offer = {o.id: o for o in offers_}
    used = dict.fromkeys(by_offer, 0)
    for a in matching.assignments:
        assert by_need[a.need_id].domain is by_offer[a.offer_id].domain
        assert by_need[a.need_id].status is NeedStatus.OPEN
        used[a.offer_id] += 1
    assert all(used[o.id] <= o.capacity for o in offers_)
    assert dict(matching.remaining) == {o.id: o.capacity - used[o.id] for o in offers_}
    # every need is either matched or explained, once
    accounted = [a.need_id for a in matching.assignments] + [u.need_id for u in matching.unmatched]
    assert sorted(accounted) == sorted(by_need)


@settings(max_examples=40)
@given(open_needs(max_size=10), offers(max_size=4), st.randoms(use_true_random=False))
def test_matching_ignores_input_order(
    needs_: tuple[Need, ...], offers_: tuple[Offer, ...], rnd: random.Random
) -> None:
    shuffled_needs, shuffled_offers = list(needs_), list(offers_)
    rnd.shuffle(shuffled_needs)
    rnd.shuffle(shuffled_offers)
    assert match_needs(shuffled_needs, shuffled_offers) == match_needs(needs_, offers_)


@settings(max_examples=50)
@given(st.lists(needs(), max_size=6, unique_by=lambda n: n.id))
def test_priorities_stay_in_range_and_below_their_upper_bound(needs_: list[Need]) -> None:
    for p in prioritise(needs_):
        assert 0.0 <= p.score <= p.upper <= 1.0 + 1e-12
        if p.assessed:
            assert p.score == p.upper


def test_matching_rows_by_hand() -> None:
    matching = match_needs(
        [
            need("c", NeedDomain.HEALTH),
            need("b", severity=2),
            need("d", status=NeedStatus.MET),
            need("a", severity=5),
        ],
        [Offer(id="o", domain=NeedDomain.BASIC_LIVING, capacity=1, description="冬被")],
    )
    # scores: a 0.30 × 4/4 = 0.30, b 0.30 × 1/4 = 0.075, c 0: a takes the one place,
    # b finds it taken, c has no offer in health; d is met, so not open (listed first)
    assert matching.to_rows() == [
        {"need_id": "a", "offer_id": "o", "unmatched_reason": None},
        {"need_id": "d", "offer_id": None, "unmatched_reason": "not_open"},
        {"need_id": "b", "offer_id": None, "unmatched_reason": "capacity_exhausted"},
        {"need_id": "c", "offer_id": None, "unmatched_reason": "no_offer_in_domain"},
    ]
    assert match_needs([], []).to_rows() == []


def test_matching_rows_are_the_rows_of_its_frame() -> None:
    pytest.importorskip("polars")
    from socialwork.frames import to_frame

    matching = match_needs(
        [need("a", severity=5), need("b", NeedDomain.HEALTH)],
        [Offer(id="o", domain=NeedDomain.BASIC_LIVING, capacity=1, description="冬被")],
    )
    assert to_frame(matching).to_dicts() == matching.to_rows()


@pytest.mark.parametrize(
    ("model", "data"),
    [
        (Offer, {"id": "o", "domain": "health", "capacity": 10**5000, "description": "d"}),
        (Offer, {"id": "o", "domain": "health", "capacity": 10**9 + 1, "description": "d"}),
        (PriorityWeights, {"evidence": 1e308, "severity": 1e308, "urgency": 1e308}),
        (PriorityWeights, {"evidence": math.nan}),
        (PriorityWeights, {"evidence": math.inf}),
        (PriorityWeights, {"people_scale": 10**5000}),
        (PlanGoal, {"id": "g", "statement": "s", "priority": 101}),
        (PlanGoal, {"id": "g", "statement": "s", "deadline_month": 121}),
        (Recurrence, {"frequency": "weekly", "interval": 53}),
        (Recurrence, {"frequency": "weekly", "interval": 10**30}),
        (Phase, {"id": "p", "name": "n", "first_month": 1, "last_month": 121}),
        (SwotItem, {"id": "s", "quadrant": "strength", "statement": "x", "weight": math.nan}),
        (SwotItem, {"id": "s", "quadrant": "strength", "statement": "x", "weight": "0.5"}),
    ],
)
def test_numbers_beyond_real_data_are_refused(model: type[BaseModel], data: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        model.model_validate(data)


def test_priority_weights_at_their_bounds_give_finite_scores() -> None:
    need_planning = Need(
        id="n",
        community_id="c",
        domain=NeedDomain.HEALTH,
        description="体检",
        raised_on=date(2025, 6, 1),
        raised_by="居民",
        severity=5,
        urgency=5,
        people_affected=10**9,
    )
    weights = PriorityWeights(
        evidence=1, severity=1, urgency=1, people_affected=1, people_scale=10**9
    )
    # no evidence: (0 + 1 + 1 + 1) / 4 = 0.75
    (priority,) = prioritise([need_planning], weights)
    assert priority.score == priority.upper == 0.75
    (tiny,) = prioritise(
        [need_planning], PriorityWeights(evidence=5e-324, severity=0, urgency=0, people_affected=0)
    )
    assert (tiny.score, tiny.upper) == (0.0, 0.0)


def test_group_by_domain_refuses_duplicated_ids() -> None:
    from datetime import date

    from socialwork.analysis.needs import group_by_domain
    from socialwork.errors import PlanningInputError
    from socialwork.models import Need, NeedDomain

    need = Need(
        id="n1",
        community_id="c1",
        domain=NeedDomain.HEALTH,
        description="义诊",
        raised_on=date(2025, 6, 1),
        raised_by="居民",
    )
    with pytest.raises(PlanningInputError, match="duplicate_id"):
        group_by_domain([need, need, need])
