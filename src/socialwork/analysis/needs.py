"""Needs analysis (需求分析): Bradshaw codes, prioritisation and grouping by domain.

Prioritisation scores each need from four components, each scaled to 0–1:

- evidence: how many of Bradshaw's four types back the need, over 4;
- severity: ``(severity - 1) / 4`` on its 1–5 scale;
- urgency: ``(urgency - 1) / 4`` on its 1–5 scale;
- people affected: ``min(people_affected, people_scale) / people_scale``.

The score is the weighted mean of the components (`PriorityWeights`,
each weight from 0 to 1, overridable; the defaults are 0.25 evidence, 0.30 severity, 0.30 urgency
and 0.15 people affected, with ``people_scale`` 50). A need whose severity,
urgency or people affected is not yet assessed (``None``) is **not** silently
treated as 0: its result names the unassessed components, ``score`` counts
them at their lowest (0) and ``upper`` at their highest (1), so the true
priority lies in ``[score, upper]`` and assessing it can only move it there.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Annotated, Self

from attrs import frozen
from pydantic import Field, Strict, model_validator

from socialwork._arguments import MAX_COUNT, require_distinct, require_instance, require_instances
from socialwork.models import BradshawEvidence, Need, NeedDomain
from socialwork.records import Record, Share, break_rule

__all__ = [
    "NeedPriority",
    "PriorityWeights",
    "prioritise",
]


def bradshaw_code(evidence: BradshawEvidence) -> str:
    """Return the Bradshaw code of a need's evidence: ``+`` or ``-`` in N-F-E-C order.

    N normative 规范性, F felt 感觉性, E expressed 表达性, C comparative 比较性.

    Raises:
        TypeError: ``evidence`` is not a ``BradshawEvidence``.

    Examples:
        >>> from socialwork.models import Evidence
        >>> e = Evidence(source="访谈", detail="需要助餐")
        >>> bradshaw_code(BradshawEvidence(normative=e, felt=e, comparative=e))
        '++-+'
        >>> bradshaw_code(BradshawEvidence())
        '----'
    """
    require_instance(BradshawEvidence, evidence, "evidence")
    return "".join("+" if present else "-" for present in evidence.present())


class PriorityWeights(Record):
    """Weights of the four priority components, each from 0 to 1; they need not sum to 1.

    The score divides by the weights' sum, so it always lies in 0–1; at least
    one weight must be above 0. ``people_scale`` is the number of people at
    which the people-affected component reaches its maximum (1 to a billion).

    Examples:
        >>> w = PriorityWeights()
        >>> (w.evidence, w.severity, w.urgency, w.people_affected, w.people_scale)
        (0.25, 0.3, 0.3, 0.15, 50)
        >>> PriorityWeights(evidence=1, severity=0, urgency=0, people_affected=0).total
        1.0
    """

    evidence: Share = 0.25
    severity: Share = 0.30
    urgency: Share = 0.30
    people_affected: Share = 0.15
    people_scale: Annotated[int, Strict(), Field(ge=1, le=MAX_COUNT)] = 50

    @property
    def total(self) -> float:
        """The sum of the four weights."""
        return math.fsum((self.evidence, self.severity, self.urgency, self.people_affected))

    @model_validator(mode="after")
    def _some_weight(self) -> Self:
        if self.total <= 0:
            break_rule(
                "PriorityWeights",
                ("evidence",),
                "zero_weights",
                "at least one weight must be above 0; all four are 0",
                self.evidence,
            )
        return self


DEFAULT_PRIORITY_WEIGHTS = PriorityWeights()
"""The documented default weights: 0.25 evidence, 0.30 severity, 0.30 urgency, 0.15 people."""


@frozen
class NeedPriority:
    """A need's priority score, with the components it could not assess.

    ``score`` counts unassessed components at 0 and ``upper`` at 1, so the
    priority lies in ``[score, upper]``; ``unassessed`` names those components
    (``"severity"``, ``"urgency"``, ``"people_affected"``).

    Examples:
        >>> p = NeedPriority("n1", NeedDomain.HEALTH, 0.5, 0.8, ("urgency",))
        >>> p.assessed
        False
    """

    need_id: str
    domain: NeedDomain
    score: float
    upper: float
    unassessed: tuple[str, ...]

    @property
    def assessed(self) -> bool:
        """Whether every component was assessed (then ``score == upper``)."""
        return not self.unassessed


def _priority(need: Need, weights: PriorityWeights) -> NeedPriority:
    present = sum(need.evidence.present())
    people = (
        None
        if need.people_affected is None
        else min(need.people_affected, weights.people_scale) / weights.people_scale
    )
    components: dict[str, tuple[float, float | None]] = {
        "evidence": (weights.evidence, present / 4),
        "severity": (weights.severity, None if need.severity is None else (need.severity - 1) / 4),
        "urgency": (weights.urgency, None if need.urgency is None else (need.urgency - 1) / 4),
        "people_affected": (weights.people_affected, people),
    }
    low = math.fsum(w * (0.0 if x is None else x) for w, x in components.values())
    high = math.fsum(w * (1.0 if x is None else x) for w, x in components.values())
    unassessed = tuple(name for name, (_, x) in components.items() if x is None)
    return NeedPriority(need.id, need.domain, low / weights.total, high / weights.total, unassessed)


def prioritise(
    needs: Iterable[Need], weights: PriorityWeights = DEFAULT_PRIORITY_WEIGHTS
) -> tuple[NeedPriority, ...]:
    """Score needs and order them, highest priority first.

    Order: ``score`` descending, then ``upper`` descending (a need that may
    turn out more pressing goes first), then need id — so the order never
    depends on input order. See the module docstring for the formula and
    how unassessed components are treated.

    Raises:
        PlanningInputError: ``duplicate_id`` when two needs share an id.
        TypeError: ``needs`` holds something other than ``Need`` records, or
            ``weights`` is not a `PriorityWeights`.

    Examples:
        >>> from datetime import date
        >>> from socialwork.models import Evidence
        >>> e = Evidence(source="走访", detail="独居老人缺少冬被")
        >>> quilt = Need(id="n1", community_id="c1", domain=NeedDomain.BASIC_LIVING,
        ...              description="冬被", raised_on=date(2025, 6, 1), raised_by="王奶奶",
        ...              evidence=BradshawEvidence(normative=e, felt=e, expressed=e),
        ...              severity=5, urgency=4, people_affected=1)
        >>> haircut = Need(id="n2", community_id="c1", domain=NeedDomain.ELDERLY_CARE,
        ...                description="理发", raised_on=date(2025, 6, 1), raised_by="李爷爷",
        ...                evidence=BradshawEvidence(expressed=e))
        >>> ranked = prioritise([haircut, quilt])
        >>> [(p.need_id, round(p.score, 4), round(p.upper, 4)) for p in ranked]
        [('n1', 0.7155, 0.7155), ('n2', 0.0625, 0.8125)]

        ``n1``: 0.25×3/4 + 0.30×4/4 + 0.30×3/4 + 0.15×1/50 = 0.1875 + 0.3 + 0.225 + 0.003 = 0.7155;
        ``n2`` has one type of evidence: 0.25×1/4 = 0.0625, and at most
        0.0625 + 0.30 + 0.30 + 0.15 = 0.8125 once assessed.
    """
    needs = require_instances(Need, needs, "needs")
    require_instance(PriorityWeights, weights, "weights")
    require_distinct("needs", (n.id for n in needs))
    return tuple(
        sorted(
            (_priority(n, weights) for n in needs),
            key=lambda p: (-p.score, -p.upper, p.need_id),
        )
    )


def group_by_domain(needs: Iterable[Need]) -> Mapping[NeedDomain, tuple[Need, ...]]:
    """Group needs by domain, domains in `NeedDomain` order.

    Needs keep their input order inside a domain; empty domains are left out.

    Raises:
        TypeError: ``needs`` holds something other than ``Need`` records.
        PlanningInputError: ``duplicate_id`` when two needs share an id.

    Examples:
        >>> from datetime import date
        >>> def need(i, d):
        ...     return Need(id=i, community_id="c1", domain=d, description="需求",
        ...                 raised_on=date(2025, 6, 1), raised_by="居民")
        >>> groups = group_by_domain([need("a", NeedDomain.HEALTH),
        ...                           need("b", NeedDomain.ELDERLY_CARE),
        ...                           need("c", NeedDomain.HEALTH)])
        >>> {d.value: [n.id for n in ns] for d, ns in groups.items()}
        {'elderly_care': ['b'], 'health': ['a', 'c']}
    """
    needs = require_instances(Need, needs, "needs")
    require_distinct("needs", (n.id for n in needs))
    grouped = {d: tuple(n for n in needs if n.domain is d) for d in NeedDomain}
    return {d: ns for d, ns in grouped.items() if ns}
