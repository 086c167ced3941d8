"""Resources against needs (资源分析与需求匹配): strategies, gaps and matching.

A community resource analysis checks each resource against a checklist and
classifies it: one that exists and is usable is filed in the resource handbook
(资源手册); one that exists but cannot be used, or is absent but can be
developed, is developed; one that is absent and cannot be developed calls for
a substitute. A station's micro-wish loop (微心愿: needs list → matching →
delivery) is `match_needs`, which pairs open needs with `Offer`
records (a donor's or a service's capacity in one need domain).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Annotated, Any

from attrs import frozen
from pydantic import Field, Strict

from socialwork._arguments import MAX_COUNT, require_distinct, require_instance, require_instances
from socialwork.analysis.needs import DEFAULT_PRIORITY_WEIGHTS, PriorityWeights, prioritise
from socialwork.labels import LabelledEnum
from socialwork.models import Availability, Need, NeedDomain, NeedStatus, Resource
from socialwork.records import Id, Record, Text

__all__ = [
    "Assignment",
    "NeedMatching",
    "Offer",
    "ResourceGap",
    "ResourceStrategy",
    "UnmatchedNeed",
    "UnmatchedReason",
    "match_needs",
    "resource_gaps",
]


class ResourceStrategy(LabelledEnum):
    """What to do with a resource after the resource check."""

    FILE_IN_HANDBOOK = (
        "file_in_handbook",
        "建立档案并编入资源手册",
        "File it in the resource handbook",
        "建立檔案並編入資源手冊",
    )
    DEVELOP = "develop", "想方设法开发", "Develop it", "想方設法開發"
    FIND_SUBSTITUTE = "find_substitute", "寻找替代资源", "Find a substitute", "尋找替代資源"


def classify_resource(resource: Resource) -> ResourceStrategy:
    """Return what to do with a resource, from its availability.

    Raises:
        TypeError: ``resource`` is not a ``Resource``.

    Examples:
        >>> from socialwork.models import ResourceKind, ResourceSource
        >>> hall = Resource(id="r1", name="社区活动室", kind=ResourceKind.MATERIAL,
        ...                 source=ResourceSource.COMMUNITY_SELF_RAISED, provider="居委会",
        ...                 availability=Availability.UNUSABLE)
        >>> classify_resource(hall).label("en")
        'Develop it'
    """
    match require_instance(Resource, resource, "resource").availability:
        case Availability.USABLE:
            return ResourceStrategy.FILE_IN_HANDBOOK
        case Availability.UNUSABLE | Availability.DEVELOPABLE:
            return ResourceStrategy.DEVELOP
        case Availability.NOT_DEVELOPABLE:
            return ResourceStrategy.FIND_SUBSTITUTE


class Offer(Record):
    """Capacity to meet needs of one domain: a donation, a volunteer's time, a service.

    ``capacity`` is how many needs the offer can meet (each need takes one;
    1 to a billion).

    Examples:
        >>> Offer(id="o1", domain=NeedDomain.BASIC_LIVING, capacity=3,
        ...       description="爱心企业捐赠冬被", resource_id="r1").capacity
        3
    """

    id: Id
    domain: NeedDomain
    capacity: Annotated[int, Strict(), Field(ge=1, le=MAX_COUNT)]
    description: Text
    resource_id: Id | None = None


@frozen
class ResourceGap:
    """Open needs of one domain against the capacity offered for it.

    Examples:
        >>> ResourceGap(NeedDomain.ELDERLY_CARE, 28, 15, 13).shortfall
        13
    """

    domain: NeedDomain
    open_needs: int
    capacity: int
    shortfall: int


def resource_gaps(needs: Iterable[Need], offers: Iterable[Offer]) -> tuple[ResourceGap, ...]:
    """Compare open needs with offered capacity per domain, in domain order.

    Only needs with status ``open`` count. A domain appears when it has an
    open need or an offer; ``shortfall`` is the open needs beyond capacity (0
    when capacity suffices).

    Raises:
        PlanningInputError: ``duplicate_id`` when two needs or two offers share an id.
        TypeError: ``needs`` holds something other than ``Need`` records, or
            ``offers`` something other than `Offer` records.

    Examples:
        >>> from datetime import date
        >>> wishes = [Need(id=f"w{k}", community_id="c1", domain=NeedDomain.BASIC_LIVING,
        ...                description="微心愿", raised_on=date(2025, 6, 1), raised_by="居民")
        ...           for k in range(28)]
        >>> gap, = resource_gaps(wishes, [Offer(id="o1", domain=NeedDomain.BASIC_LIVING,
        ...                                     capacity=15, description="爱心认领")])
        >>> gap.open_needs, gap.capacity, gap.shortfall    # a month of 28 wishes, 15 claimed
        (28, 15, 13)
    """
    needs = require_instances(Need, needs, "needs")
    offers = require_instances(Offer, offers, "offers")
    require_distinct("needs", (n.id for n in needs))
    require_distinct("offers", (o.id for o in offers))
    demand: defaultdict[NeedDomain, int] = defaultdict(int)
    supply: defaultdict[NeedDomain, int] = defaultdict(int)
    for need in needs:
        if need.status is NeedStatus.OPEN:
            demand[need.domain] += 1
    for offer in offers:
        supply[offer.domain] += offer.capacity
    return tuple(
        ResourceGap(d, demand[d], supply[d], max(0, demand[d] - supply[d]))
        for d in NeedDomain
        if d in demand or d in supply
    )


class UnmatchedReason(LabelledEnum):
    """Why a need stayed unmatched."""

    NOT_OPEN = "not_open", "需求不是待匹配状态", "The need is not open", "需求不是待匹配狀態"
    NO_OFFER_IN_DOMAIN = (
        "no_offer_in_domain",
        "该领域没有可用资源",
        "No offer in the need's domain",
        "該領域沒有可用資源",
    )
    CAPACITY_EXHAUSTED = (
        "capacity_exhausted",
        "该领域资源已被优先级更高的需求用完",
        "Capacity used up by higher-priority needs",
        "該領域資源已被優先級更高的需求用完",
    )


@frozen
class Assignment:
    """One need met by one offer.

    Examples:
        >>> Assignment("w1", "o1").offer_id
        'o1'
    """

    need_id: str
    offer_id: str


@frozen
class UnmatchedNeed:
    """A need left unmatched, and why.

    Examples:
        >>> UnmatchedNeed("w2", UnmatchedReason.CAPACITY_EXHAUSTED).reason.value
        'capacity_exhausted'
    """

    need_id: str
    reason: UnmatchedReason


@frozen
class NeedMatching:
    """The result of `match_needs`, keeping what stayed unmatched and the capacity left.

    ``assignments`` are in priority order; ``remaining`` pairs each offer id
    (in id order) with its capacity left.

    Examples:
        >>> m = NeedMatching((Assignment("w1", "o1"),), (), (("o1", 0),))
        >>> m.matched_count
        1
    """

    assignments: tuple[Assignment, ...]
    unmatched: tuple[UnmatchedNeed, ...]
    remaining: tuple[tuple[str, int], ...]

    @property
    def matched_count(self) -> int:
        """How many needs were matched."""
        return len(self.assignments)

    def to_rows(self) -> list[dict[str, Any]]:
        """Return one row per need: the matched ones first, then the unmatched, in their orders.

        A matched need's row names its offer (``unmatched_reason`` is
        ``None``); an unmatched need's row gives the reason's code (``offer_id``
        is ``None``).

        Examples:
            >>> m = NeedMatching((Assignment("w1", "o1"),),
            ...                  (UnmatchedNeed("w2", UnmatchedReason.CAPACITY_EXHAUSTED),), ())
            >>> for row in m.to_rows():
            ...     print(row)
            {'need_id': 'w1', 'offer_id': 'o1', 'unmatched_reason': None}
            {'need_id': 'w2', 'offer_id': None, 'unmatched_reason': 'capacity_exhausted'}
        """
        return [
            {"need_id": a.need_id, "offer_id": a.offer_id, "unmatched_reason": None}
            for a in self.assignments
        ] + [
            {"need_id": u.need_id, "offer_id": None, "unmatched_reason": u.reason.value}
            for u in self.unmatched
        ]


def match_needs(
    needs: Iterable[Need],
    offers: Iterable[Offer],
    weights: PriorityWeights = DEFAULT_PRIORITY_WEIGHTS,
) -> NeedMatching:
    """Match open needs to offers of their domain, as many as possible, by priority.

    An offer serves only needs of its own domain and at most ``capacity`` of
    them; each need takes one unit. Open needs are taken in the order of
    `prioritise` (with ``weights``); within a
    domain, offers are used in id order, each until its capacity is spent.

    Why this is optimal: compatibility is "same domain" and every need uses one
    unit, so the problem splits into independent domains. In a domain with
    ``n`` open needs and total capacity ``C``, no matching can meet more than
    ``min(n, C)`` needs (each met need is distinct and takes one unit), and
    the greedy pass meets exactly ``min(n, C)``: it only stops matching when
    the capacity is spent or the needs run out. Summed over domains the count
    is therefore maximal. Among the maximal matchings it meets, in every
    domain, the ``min(n, C)`` needs of highest priority, so no unmatched need
    outranks a matched need of its domain. Ties are broken by need and offer
    id, so the result does not depend on input order.

    Unmatched needs get a reason: ``not_open`` (status other than open),
    ``no_offer_in_domain``, or ``capacity_exhausted`` (higher-priority needs
    of the domain used all the capacity). ``unmatched`` lists the needs that
    are not open first (by id), then the others in priority order.

    Raises:
        PlanningInputError: ``duplicate_id`` when two needs or two offers share an id.
        TypeError: ``needs`` holds something other than ``Need`` records,
            ``offers`` something other than `Offer` records, or ``weights``
            is not a `PriorityWeights`.

    Examples:
        >>> from datetime import date
        >>> def wish(i, d, severity):
        ...     return Need(id=i, community_id="c1", domain=d, description="微心愿",
        ...                 raised_on=date(2025, 6, 1), raised_by="居民", severity=severity)
        >>> D = NeedDomain
        >>> m = match_needs(
        ...     [wish("quilt", D.BASIC_LIVING, 5), wish("rice", D.BASIC_LIVING, 2),
        ...      wish("tutor", D.CHILD_WELFARE, 4)],
        ...     [Offer(id="o1", domain=D.BASIC_LIVING, capacity=1, description="冬被一床")])
        >>> [(a.need_id, a.offer_id) for a in m.assignments]
        [('quilt', 'o1')]
        >>> [(u.need_id, u.reason.value) for u in m.unmatched]
        [('tutor', 'no_offer_in_domain'), ('rice', 'capacity_exhausted')]
    """
    needs = require_instances(Need, needs, "needs")
    offers = tuple(sorted(require_instances(Offer, offers, "offers"), key=lambda o: o.id))
    require_instance(PriorityWeights, weights, "weights")
    require_distinct("needs", (n.id for n in needs))
    require_distinct("offers", (o.id for o in offers))
    left = {o.id: o.capacity for o in offers}
    queues: defaultdict[NeedDomain, list[str]] = defaultdict(list)
    for offer in reversed(offers):
        queues[offer.domain].append(offer.id)  # a stack: lowest id on top
    assignments: list[Assignment] = []
    unmatched = [
        UnmatchedNeed(n.id, UnmatchedReason.NOT_OPEN)
        for n in sorted(needs, key=lambda n: n.id)
        if n.status is not NeedStatus.OPEN
    ]
    open_needs = (n for n in needs if n.status is NeedStatus.OPEN)
    for priority in prioritise(open_needs, weights):
        queue = queues.get(priority.domain)
        if queue is None:
            unmatched.append(UnmatchedNeed(priority.need_id, UnmatchedReason.NO_OFFER_IN_DOMAIN))
        elif not queue:
            unmatched.append(UnmatchedNeed(priority.need_id, UnmatchedReason.CAPACITY_EXHAUSTED))
        else:
            offer_id = queue[-1]
            assignments.append(Assignment(priority.need_id, offer_id))
            left[offer_id] -= 1
            if left[offer_id] == 0:
                queue.pop()
    return NeedMatching(tuple(assignments), tuple(unmatched), tuple(left.items()))
