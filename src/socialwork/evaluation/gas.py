"""Goal attainment scaling (目标达成量表): the Kiresuk–Sherman T-score of a client's goals.

Each goal is scored on five levels around the expected outcome: −2 much
less than expected, −1 less, 0 as expected, +1 more, +2 much more. With
weights wᵢ and the assumed correlation ρ between goals (0.3 by Kiresuk
and Sherman's convention, stated on every result)::

    T = 50 + 10·Σwᵢxᵢ / √((1 − ρ)·Σwᵢ² + ρ·(Σwᵢ)²)

so T is 50 when every goal is met as expected, above 50 when goals are
exceeded. A goal without a score is left out of the sum and listed;
without weights every goal weighs 1. An `AttainmentScale` holds a goal's
weight and its five level descriptions, for a case goal or a plan goal; a
`GoalScaling` record is a case goal's, with its score.

Examples:
    >>> goal_attainment_tscore([-2, 0, -1, 2, 0, 1], [3, 5, 1, 4, 2, 6]).tscore
    55.0
    >>> round(goal_attainment_tscore([2, 2, 2]).tscore, 5)
    77.38613
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Annotated, Any, Self

from attrs import frozen
from pydantic import Field, Strict, model_validator

from socialwork._arguments import require_day, require_finite, require_instances
from socialwork.display.displayable import Displayable
from socialwork.display.document import Document, Heading, Paragraph, Table
from socialwork.errors import EvaluationInputError
from socialwork.labels import Language, canonical_language, select_language
from socialwork.models import Case
from socialwork.records import Id, Record, Text, break_rule

__all__ = [
    "AttainmentScale",
    "GasTScore",
    "GoalScaling",
    "MeanTScore",
    "goal_attainment_tscore",
    "mean_gas_tscore",
]

DEFAULT_RHO = 0.3
"""Kiresuk and Sherman's assumed correlation between goal scores."""

MAX_WEIGHT = 1e6
"""The largest weight a goal may carry."""

Level = Annotated[int, Strict(), Field(ge=-2, le=2)]
"""A goal attainment level from −2 to +2 (0: as expected)."""


class AttainmentScale(Record):
    """A goal's attainment scale: its weight and its five level descriptions, −2 to +2.

    The one definition of a GAS level set: a case goal's `GoalScaling` is
    one with the case, the goal and a score; a plan goal carries one as
    `PlanGoal.attainment_scale <socialwork.plans.PlanGoal>`. ``levels`` is
    empty or holds the five descriptions from −2 (much less than
    expected) to +2 (much more), rule ``gas_levels``; ``weight`` is above
    0 and at most 10⁶ (1 by default).

    Examples:
        >>> s = AttainmentScale(levels=("无人参加", "少于 6 人", "6 至 8 人", "9 至 11 人",
        ...                             "12 人以上"), weight=2)
        >>> s.levels[2], s.weight
        ('6 至 8 人', 2.0)
    """

    weight: Annotated[float, Strict(), Field(gt=0, le=MAX_WEIGHT, allow_inf_nan=False)] = 1.0
    levels: tuple[Text, ...] = Field(default=(), max_length=5)

    @model_validator(mode="after")
    def _five_levels(self) -> Self:
        record = type(self).__name__
        if len(self.levels) not in (0, 5):
            break_rule(
                record,
                ("levels",),
                "gas_levels",
                "a goal's levels are five descriptions, from -2 to +2; got {count}",
                len(self.levels),
                count=len(self.levels),
            )
        return self


class GoalScaling(AttainmentScale):
    """A case goal's attainment scale (`AttainmentScale`: weight, five levels) and its score.

    ``levels`` is empty or holds the five descriptions from −2 to +2.

    Examples:
        >>> g = GoalScaling(case_id="k1", goal_id="g1", weight=2, score=1)
        >>> g.score, g.weight
        (1, 2.0)
    """

    case_id: Id
    goal_id: Id
    score: Level | None = None


@frozen
class GasTScore(Displayable):
    """A Kiresuk–Sherman T-score with its inputs; ``tscore`` is ``None`` when no goal is scored.

    ``missing`` lists the positions (from 0) of goals without a score.

    Examples:
        >>> t = goal_attainment_tscore([0, None, 1])
        >>> round(t.tscore, 5), t.missing
        (56.20174, (1,))
    """

    tscore: float | None
    scores: tuple[int | None, ...]
    weights: tuple[float, ...]
    rho: float
    missing: tuple[int, ...]

    def __attrs_post_init__(self) -> None:
        """Refuse weights that are not one per goal."""
        if len(self.weights) != len(self.scores):
            raise EvaluationInputError(
                "length_mismatch", len(self.weights), f"one weight per goal ({len(self.scores)})"
            )

    def to_document(self, language: Language | str = "zh") -> Document:
        """Return the goals' levels and weights, and the T-score with ρ.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> print(goal_attainment_tscore([0, 1]).to_text("en").splitlines()[-1])
            T = 56.20 (ρ = 0.3); goals without a score: 0
        """
        script = canonical_language(language)
        rows = [
            [str(i + 1), "—" if s is None else f"{s:+d}", f"{w:g}"]
            for i, (s, w) in enumerate(zip(self.scores, self.weights, strict=True))
        ]
        shown = "n/a" if self.tscore is None else f"{self.tscore:.2f}"
        return Document(
            [
                Heading(
                    select_language(
                        script, "目标达成 T 分数", "Goal attainment T-score", "目標達成 T 分數"
                    )
                ),
                Table(
                    [
                        select_language(script, "目标", "Goal", "目標"),
                        select_language(script, "达成等级", "Level", "達成等級"),
                        select_language(script, "权重", "Weight", "權重"),
                    ],
                    rows,
                ),
                Paragraph(
                    select_language(
                        script,
                        f"T = {shown} (ρ = {self.rho:g}); 未评分目标: {len(self.missing)}",
                        f"T = {shown} (ρ = {self.rho:g}); goals without a score: "
                        f"{len(self.missing)}",
                        f"T = {shown} (ρ = {self.rho:g}); 未評分目標: {len(self.missing)}",
                    )
                ),
            ]
        )

    def to_rows(self) -> list[dict[str, Any]]:
        """Return one row per goal with the T-score repeated.

        Examples:
            >>> goal_attainment_tscore([0]).to_rows()[0]["tscore"]
            50.0
        """
        return [
            {"goal": i + 1, "score": s, "weight": w, "tscore": self.tscore, "rho": self.rho}
            for i, (s, w) in enumerate(zip(self.scores, self.weights, strict=True))
        ]


def goal_attainment_tscore(
    scores: Sequence[int | None],
    weights: Sequence[float] | None = None,
    *,
    rho: float = DEFAULT_RHO,
) -> GasTScore:
    """Return the Kiresuk–Sherman T-score of goals scored −2..+2, weighted, with ρ stated.

    A goal whose score is ``None`` is left out (listed in ``missing``); with
    no scored goal the T-score is ``None``. Without ``weights`` every goal
    weighs 1; with them, each goal has one, above 0 and at most 10⁶.
    ``rho`` is from 0 up to but not including 1.

    Raises:
        EvaluationInputError: a score is not a whole number from −2 to +2
            (``gas_level``) or the weights are not one per goal
            (``length_mismatch``).
        ArgumentError: a weight or ``rho`` is out of range.
        TypeError: a score is not an int.

    Examples:
        >>> round(goal_attainment_tscore([0, 1, 1]).tscore, 5)
        59.12871
        >>> goal_attainment_tscore([0, 0, 0], [1, 2, 3]).tscore
        50.0
        >>> goal_attainment_tscore([None]).tscore is None
        True
    """
    r = require_finite(rho, "rho", 0, 0.9999)
    if isinstance(scores, str | bytes):
        raise TypeError("scores must be a sequence of ints")
    given = tuple(scores)
    for s in given:
        if s is None:
            continue
        if isinstance(s, bool) or not isinstance(s, int):
            raise TypeError(f"a goal score must be an int or None; got {type(s).__name__}")
        if not -2 <= s <= 2:
            raise EvaluationInputError("gas_level", s, "a level from -2 to +2")
    if weights is None:
        w = tuple(1.0 for _ in given)
    else:
        if isinstance(weights, str | bytes):
            raise TypeError("weights must be a sequence of numbers")
        w = tuple(require_finite(v, "weights", 1e-9, MAX_WEIGHT) for v in weights)
        if len(w) != len(given):
            raise EvaluationInputError(
                "length_mismatch", len(w), f"one weight per goal ({len(given)})"
            )
    used = [(s, wi) for s, wi in zip(given, w, strict=True) if s is not None]
    missing = tuple(i for i, s in enumerate(given) if s is None)
    tscore = None
    if used:
        numerator = math.fsum(s * wi for s, wi in used)
        sum_w = math.fsum(wi for _, wi in used)
        sum_w2 = math.fsum(wi * wi for _, wi in used)
        tscore = 50 + 10 * numerator / math.sqrt((1 - r) * sum_w2 + r * sum_w * sum_w)
    return GasTScore(tscore, given, w, r, missing)


@frozen
class MeanTScore(Displayable):
    """The mean GAS T-score of the cases closed by a day, each case's T-score kept.

    ``cases`` holds each closed case with a scored goal and its T-score;
    ``unscored`` lists the closed cases without one (left out of the mean).

    Examples:
        >>> MeanTScore(None, (), (), date(2025, 6, 30), 0.3).mean is None
        True
    """

    mean: float | None
    cases: tuple[tuple[str, float], ...]
    unscored: tuple[str, ...]
    as_of: date
    rho: float

    def to_document(self, language: Language | str = "zh") -> Document:
        """Return the mean, how many cases it covers and which closed cases had no scores.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> m = MeanTScore(55.0, (("k1", 55.0),), ("k2",), date(2025, 6, 30), 0.3)
            >>> print(m.to_text("en").splitlines()[-1])
            Closed cases without scored goals: k2
        """
        script = canonical_language(language)
        shown = "n/a" if self.mean is None else f"{self.mean:.1f}"
        blocks: list[Any] = [
            Heading(
                select_language(
                    script,
                    "已结案个案的平均目标达成 T 分数",
                    "Mean GAS T-score of closed cases",
                    "已結案個案的平均目標達成 T 分數",
                )
            ),
            Paragraph(
                select_language(
                    script,
                    f"{shown} ({len(self.cases)} 个个案, 截至 {self.as_of}, ρ = {self.rho:g})",
                    f"{shown} ({len(self.cases)} cases closed by {self.as_of}, ρ = {self.rho:g})",
                    f"{shown} ({len(self.cases)} 個個案, 截至 {self.as_of}, ρ = {self.rho:g})",
                )
            ),
        ]
        if self.unscored:
            blocks.append(
                Paragraph(
                    select_language(
                        script,
                        "没有评分目标的已结案个案: ",
                        "Closed cases without scored goals: ",
                        "沒有評分目標的已結案個案: ",
                    )
                    + ", ".join(self.unscored)
                )
            )
        return Document(blocks)

    def to_rows(self) -> list[dict[str, Any]]:
        """Return one row per closed case: its T-score, or ``None`` when unscored.

        Examples:
            >>> MeanTScore(55.0, (("k1", 55.0),), (), date(2025, 6, 30), 0.3).to_rows()
            [{'case_id': 'k1', 'tscore': 55.0}]
        """
        rows: list[dict[str, Any]] = [{"case_id": c, "tscore": t} for c, t in self.cases]
        rows += [{"case_id": c, "tscore": None} for c in self.unscored]
        return rows


def mean_gas_tscore(
    cases: Iterable[Case],
    scalings: Iterable[GoalScaling],
    *,
    as_of: date,
    rho: float = DEFAULT_RHO,
) -> MeanTScore:
    """Return the mean GAS T-score of the cases closed on or before ``as_of``.

    A case counts when it was opened on or before ``as_of`` and was not
    open on that day (`socialwork.models.Case.open_on`). Its T-score is
    `goal_attainment_tscore` of its goals' scalings, weighted; a closed
    case without a scored goal is listed in ``unscored`` and left out of
    the mean. Scalings of other cases are ignored.

    Raises:
        ArgumentError: ``as_of`` is a ``datetime`` or out of range, or ``rho``
            is out of range.
        TypeError: a case or a scaling is of the wrong type.

    Examples:
        >>> from datetime import date
        >>> from socialwork.models import Case, CaseStatus, Closure, ClosureOutcome
        >>> k = Case(id="k1", client_id="p1", worker_id="s1", opened_on=date(2025, 1, 6),
        ...          status=CaseStatus.CLOSED, closure=Closure(closed_on=date(2025, 6, 3),
        ...          outcome=ClosureOutcome.GOALS_ACHIEVED))
        >>> goals = [GoalScaling(case_id="k1", goal_id="g1", score=1),
        ...          GoalScaling(case_id="k1", goal_id="g2", score=0)]
        >>> round(mean_gas_tscore([k], goals, as_of=date(2025, 6, 30)).mean, 2)
        56.2
    """
    day = require_day(as_of, "as_of")
    r = require_finite(rho, "rho", 0, 0.9999)
    given_cases = require_instances(Case, cases, "cases")
    by_case: dict[str, list[GoalScaling]] = {}
    for g in require_instances(GoalScaling, scalings, "scalings"):
        by_case.setdefault(g.case_id, []).append(g)
    scored: list[tuple[str, float]] = []
    unscored: list[str] = []
    for case in sorted(given_cases, key=lambda c: c.id):
        if case.opened_on > day or case.open_on(day):
            continue
        goals = sorted(by_case.get(case.id, []), key=lambda g: g.goal_id)
        t = goal_attainment_tscore([g.score for g in goals], [g.weight for g in goals], rho=r)
        if t.tscore is None:
            unscored.append(case.id)
        else:
            scored.append((case.id, t.tscore))
    mean = math.fsum(t for _, t in scored) / len(scored) if scored else None
    return MeanTScore(mean, tuple(scored), tuple(unscored), day, r)
