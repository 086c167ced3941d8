"""SWOT analysis (SWOT 分析), TOWS strategy slots and IFE/EFE weighted scoring.

Strengths and weaknesses are internal (内部因素), opportunities and threats
external (外部因素). A user lists `SwotItem` records, optionally
with IFE/EFE weights and ratings, fills the four TOWS slots (after Weihrich)
with `TowsStrategy` records linked to the items they build on, and
`swot` checks everything and scores the two matrices. The analysis
then feeds the next steps of community work: 3–5-year goals and an action plan.

Scoring follows the usual IFE/EFE convention: within each matrix the weights
sum to 1 (within a tolerance); IFE ratings are 3–4 for a strength and 1–2 for
a weakness, EFE ratings 1–4; a matrix total therefore lies between 1.0 and
4.0, and 2.5 is the midpoint.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Annotated, Any, Self

from attrs import frozen
from pydantic import Field, Strict, model_validator

from socialwork._arguments import (
    require_distinct,
    require_finite,
    require_instances,
    require_member,
)
from socialwork.display.displayable import Displayable
from socialwork.display.document import Block, Document, Heading, Items, Table
from socialwork.errors import PlanningInputError
from socialwork.labels import LabelledEnum, Language, canonical_language, select_language
from socialwork.records import Id, Record, Share, Text, break_rule

__all__ = [
    "MatrixScore",
    "SwotAnalysis",
    "SwotItem",
    "SwotMatrix",
    "SwotQuadrant",
    "TowsSlot",
    "TowsStrategy",
    "swot",
]

IFE_EFE_MIDPOINT = 2.5
"""The midpoint of an IFE or EFE total: above it the position is favourable."""

MAX_TOLERANCE = 0.1
"""The loosest tolerance `swot` accepts for a matrix's weights summing to 1."""

Rating = Annotated[int, Strict(), Field(ge=1, le=4)]


class SwotQuadrant(LabelledEnum):
    """The four SWOT quadrants; S and W are internal, O and T external."""

    STRENGTH = "strength", "优势", "Strength", "優勢"
    WEAKNESS = "weakness", "劣势", "Weakness", "劣勢"
    OPPORTUNITY = "opportunity", "机会", "Opportunity", "機會"
    THREAT = "threat", "威胁", "Threat", "威脅"

    @property
    def matrix(self) -> SwotMatrix:
        """The matrix that scores this quadrant: IFE for S and W, EFE for O and T."""
        internal = self in (SwotQuadrant.STRENGTH, SwotQuadrant.WEAKNESS)
        return SwotMatrix.IFE if internal else SwotMatrix.EFE


class SwotMatrix(LabelledEnum):
    """The two weighted scoring matrices."""

    IFE = "ife", "内部因素评价矩阵", "Internal factor evaluation", "內部因素評價矩陣"
    EFE = "efe", "外部因素评价矩阵", "External factor evaluation", "外部因素評價矩陣"


class TowsSlot(LabelledEnum):
    """The four TOWS strategy slots, each pairing an internal and an external quadrant."""

    SO = (
        "so",
        "SO 增长型策略(发挥优势、利用机会)",
        "SO: use strengths to seize opportunities",
        "SO 增長型策略(發揮優勢、利用機會)",
    )
    ST = (
        "st",
        "ST 多元化策略(发挥优势、应对威胁)",
        "ST: use strengths to counter threats",
        "ST 多元化策略(發揮優勢、應對威脅)",
    )
    WO = (
        "wo",
        "WO 扭转型策略(利用机会、克服劣势)",
        "WO: use opportunities to overcome weaknesses",
        "WO 扭轉型策略(利用機會、克服劣勢)",
    )
    WT = (
        "wt",
        "WT 防御型策略(减少劣势、回避威胁)",
        "WT: reduce weaknesses and avoid threats",
        "WT 防禦型策略(減少劣勢、迴避威脅)",
    )

    @property
    def quadrants(self) -> tuple[SwotQuadrant, SwotQuadrant]:
        """The internal and the external quadrant this slot links."""
        internal = SwotQuadrant.STRENGTH if self.value[0] == "s" else SwotQuadrant.WEAKNESS
        external = SwotQuadrant.OPPORTUNITY if self.value[1] == "o" else SwotQuadrant.THREAT
        return internal, external


class SwotItem(Record):
    """One factor of a SWOT analysis, optionally weighted and rated.

    ``weight`` (0–1) and ``rating`` go together: give both to score the item in
    its matrix, or neither. A strength is rated 3 (minor) or 4 (major), a
    weakness 1 (major) or 2 (minor); an opportunity or threat 1–4 by how well
    the station responds to it.

    Examples:
        >>> s = SwotItem(id="s1", quadrant=SwotQuadrant.STRENGTH,
        ...              statement="社区有党群服务中心和活动场地", weight=0.3, rating=4)
        >>> s.quadrant.matrix.value, s.weight * s.rating
        ('ife', 1.2)
    """

    id: Id
    quadrant: SwotQuadrant
    statement: Text
    evidence: Text | None = None
    weight: Share | None = None
    rating: Rating | None = None

    @model_validator(mode="after")
    def _score_consistent(self) -> Self:
        if (self.weight is None) != (self.rating is None):
            break_rule(
                "SwotItem",
                ("rating" if self.rating is None else "weight",),
                "incomplete_score",
                "weight and rating go together; weight is {weight}, rating is {rating}",
                self.rating if self.rating is not None else self.weight,
                weight=self.weight,
                rating=self.rating,
            )
        allowed = {
            SwotQuadrant.STRENGTH: (3, 4),
            SwotQuadrant.WEAKNESS: (1, 2),
        }.get(self.quadrant, (1, 4))
        if self.rating is not None and not allowed[0] <= self.rating <= allowed[1]:
            break_rule(
                "SwotItem",
                ("rating",),
                "rating_out_of_range",
                "a {quadrant} is rated {low}–{high}; got {rating}",
                self.rating,
                quadrant=self.quadrant.value,
                low=allowed[0],
                high=allowed[1],
                rating=self.rating,
            )
        return self


class TowsStrategy(Record):
    """A strategy in one TOWS slot, linked to the SWOT items it builds on.

    Examples:
        >>> t = TowsStrategy(id="so1", slot=TowsSlot.SO, statement="依托活动场地开展老年健康讲座",
        ...                  item_ids=("s1", "o1"))
        >>> [q.value for q in t.slot.quadrants]
        ['strength', 'opportunity']
    """

    id: Id
    slot: TowsSlot
    statement: Text
    item_ids: tuple[Id, ...] = Field(min_length=1)


@frozen
class MatrixScore:
    """The weighted total of one matrix, with each item's contribution.

    Examples:
        >>> m = MatrixScore(SwotMatrix.EFE, 2.9, 1.0, (("o1", 1.6), ("t1", 1.3)))
        >>> m.above_midpoint
        True
    """

    matrix: SwotMatrix
    total: float
    weight_sum: float
    contributions: tuple[tuple[str, float], ...]

    @property
    def above_midpoint(self) -> bool:
        """Whether the total is above `IFE_EFE_MIDPOINT` (2.5)."""
        return self.total > IFE_EFE_MIDPOINT


@frozen
class SwotAnalysis(Displayable):
    """A checked SWOT analysis: items by quadrant, TOWS strategies and matrix scores.

    ``ife`` and ``efe`` are ``None`` when no item of that matrix is weighted.

    Examples:
        >>> a = swot([SwotItem(id="w1", quadrant=SwotQuadrant.WEAKNESS, statement="社工力量薄弱")])
        >>> [i.id for i in a.weaknesses], a.ife, [s.value for s in a.open_slots]
        (['w1'], None, ['so', 'st', 'wo', 'wt'])
    """

    strengths: tuple[SwotItem, ...]
    weaknesses: tuple[SwotItem, ...]
    opportunities: tuple[SwotItem, ...]
    threats: tuple[SwotItem, ...]
    strategies: tuple[TowsStrategy, ...]
    ife: MatrixScore | None
    efe: MatrixScore | None

    def _by_quadrant(self) -> tuple[tuple[SwotQuadrant, tuple[SwotItem, ...]], ...]:
        return tuple(
            zip(
                SwotQuadrant,
                (self.strengths, self.weaknesses, self.opportunities, self.threats),
                strict=True,
            )
        )

    def to_document(self, language: Language | str = "zh") -> Document:
        """Return the four quadrants, the TOWS strategies and the matrix totals as a document.

        A quadrant with no item says so ("无", "none"); the TOWS table and the
        totals appear only when there are strategies or weighted items.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> a = swot([SwotItem(id="w1", quadrant="weakness", statement="社工力量薄弱")])
            >>> print(a.to_document("en").to_markdown().splitlines()[8])
            - 社工力量薄弱 (w1)
            >>> print(a.to_text().splitlines()[0])
            SWOT
        """
        script = canonical_language(language)
        none = select_language(script, "无", "none", "無")
        blocks: list[Block] = [Heading("SWOT")]
        for quadrant, items in self._by_quadrant():
            blocks.append(Heading(quadrant.label(script), 3))
            blocks.append(Items([f"{i.statement} ({i.id})" for i in items] or [none]))
        if self.strategies:
            header = (
                "id",
                select_language(script, "类型", "Slot", "類型"),
                select_language(script, "策略", "Strategy"),
                select_language(script, "依据", "Builds on", "依據"),
            )
            rows = [
                (s.id, s.slot.label(script), s.statement, ", ".join(s.item_ids))
                for s in self.strategies
            ]
            blocks += [Heading("TOWS"), Table(header, rows)]
        totals = [
            f"{score.matrix.label(script)}: {score.total:.2f}"
            for score in (self.ife, self.efe)
            if score is not None
        ]
        if totals:
            blocks.append(Items(totals))
        return Document(blocks)

    def to_rows(self) -> list[dict[str, Any]]:
        """Return one row per item: its quadrant's code, its id and its statement.

        Rows follow the quadrants (strengths, weaknesses, opportunities,
        threats), items in input order inside each.

        Examples:
            >>> a = swot([SwotItem(id="o1", quadrant="opportunity", statement="购买服务增加"),
            ...           SwotItem(id="s1", quadrant="strength", statement="有场地")])
            >>> for row in a.to_rows():
            ...     print(row)
            {'quadrant': 'strength', 'id': 's1', 'statement': '有场地'}
            {'quadrant': 'opportunity', 'id': 'o1', 'statement': '购买服务增加'}
        """
        return [
            {"quadrant": quadrant.value, "id": item.id, "statement": item.statement}
            for quadrant, items in self._by_quadrant()
            for item in items
        ]

    def slot(self, slot: TowsSlot | str) -> tuple[TowsStrategy, ...]:
        """The strategies filed in ``slot`` (a member or its code), in input order.

        Raises:
            UnknownCodeError: ``slot`` is no code of `TowsSlot`.

        Examples:
            >>> so = TowsStrategy(id="so1", slot="so", statement="申请购买服务", item_ids=("s1",))
            >>> a = swot([SwotItem(id="s1", quadrant="strength", statement="有场地")], [so])
            >>> [s.id for s in a.slot("so")], [s.value for s in a.open_slots]
            (['so1'], ['st', 'wo', 'wt'])
        """
        slot = require_member(TowsSlot, slot, "slot")
        return tuple(s for s in self.strategies if s.slot is slot)

    @property
    def open_slots(self) -> tuple[TowsSlot, ...]:
        """The TOWS slots that no strategy fills yet."""
        filled = {s.slot for s in self.strategies}
        return tuple(slot for slot in TowsSlot if slot not in filled)


def _matrix_score(
    matrix: SwotMatrix, items: tuple[SwotItem, ...], tolerance: float
) -> MatrixScore | None:
    scored = [(i.id, i.weight, i.rating) for i in items if i.weight is not None]
    if not scored:
        return None
    if len(scored) != len(items):
        unscored = [i.id for i in items if i.weight is None]
        raise PlanningInputError(
            "partial_scores", unscored, f"a weight and rating on every {matrix.value} item of items"
        )
    weight_sum = math.fsum(w for _, w, _ in scored if w is not None)
    if abs(weight_sum - 1) > tolerance:
        raise PlanningInputError(
            "weights_not_one",
            weight_sum,
            f"the {matrix.value} weights of items summing to 1 ± {tolerance}",
        )
    contributions = tuple((key, w * r) for key, w, r in scored if w is not None and r is not None)
    total = math.fsum(c for _, c in contributions)
    return MatrixScore(matrix, total, weight_sum, contributions)


def swot(
    items: Iterable[SwotItem],
    strategies: Iterable[TowsStrategy] = (),
    *,
    tolerance: float = 0.001,
) -> SwotAnalysis:
    """Check a SWOT analysis and score its IFE and EFE matrices.

    Args:
        items: the SWOT factors; ids must be distinct.
        strategies: TOWS strategies; each may only link items of its slot's
            two quadrants (an SO strategy links strengths and opportunities).
        tolerance: how far a matrix's weights may sum from 1: a finite number
            from 0 to `MAX_TOLERANCE` (0.1). The default 0.001 lets weights
            rounded to three places pass.

    Raises:
        ArgumentError: ``tolerance`` is NaN, infinite, negative or above 0.1.
        TypeError: ``items`` holds something other than `SwotItem` records,
            or ``strategies`` something other than `TowsStrategy` records.
        PlanningInputError: with ``rule`` ``duplicate_id``, ``unknown_item``,
            ``wrong_quadrant``, ``partial_scores`` (some items of a matrix are
            weighted, others not) or ``weights_not_one``.

    Examples:
        >>> S, W, O = SwotQuadrant.STRENGTH, SwotQuadrant.WEAKNESS, SwotQuadrant.OPPORTUNITY
        >>> a = swot([
        ...     SwotItem(id="s1", quadrant=S, statement="有活动场地", weight=0.6, rating=4),
        ...     SwotItem(id="w1", quadrant=W, statement="社工力量薄弱", weight=0.4, rating=1),
        ...     SwotItem(id="o1", quadrant=O, statement="政府购买服务增加"),
        ... ], [TowsStrategy(id="so1", slot=TowsSlot.SO, statement="申请购买服务项目",
        ...                  item_ids=("s1", "o1"))])
        >>> round(a.ife.total, 2), a.ife.above_midpoint, a.efe   # 0.6×4 + 0.4×1 = 2.8
        (2.8, True, None)
        >>> [s.id for s in a.slot(TowsSlot.SO)]
        ['so1']
    """
    items = require_instances(SwotItem, items, "items")
    strategies = require_instances(TowsStrategy, strategies, "strategies")
    tolerance = require_finite(tolerance, "tolerance", 0, MAX_TOLERANCE)
    require_distinct("items", (i.id for i in items))
    require_distinct("strategies", (s.id for s in strategies))
    by_id = {i.id: i for i in items}
    for strategy in strategies:
        allowed = strategy.slot.quadrants
        for ref in strategy.item_ids:
            if ref not in by_id:
                raise PlanningInputError(
                    "unknown_item", ref, f"the id of one of the items (strategy {strategy.id})"
                )
            if by_id[ref].quadrant not in allowed:
                raise PlanningInputError(
                    "wrong_quadrant",
                    ref,
                    f"an item in {allowed[0].value} or {allowed[1].value} for slot "
                    f"{strategy.slot.value} (strategy {strategy.id}); "
                    f"{ref} is a {by_id[ref].quadrant.value}",
                )

    def quadrant(q: SwotQuadrant) -> tuple[SwotItem, ...]:
        return tuple(i for i in items if i.quadrant is q)

    strengths, weaknesses = quadrant(SwotQuadrant.STRENGTH), quadrant(SwotQuadrant.WEAKNESS)
    opportunities, threats = quadrant(SwotQuadrant.OPPORTUNITY), quadrant(SwotQuadrant.THREAT)
    return SwotAnalysis(
        strengths=strengths,
        weaknesses=weaknesses,
        opportunities=opportunities,
        threats=threats,
        strategies=strategies,
        ife=_matrix_score(SwotMatrix.IFE, strengths + weaknesses, tolerance),
        efe=_matrix_score(SwotMatrix.EFE, opportunities + threats, tolerance),
    )
