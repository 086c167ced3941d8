"""Performance appraisal (绩效考核): a scheme as data, and a pure score with every contribution.

An `AppraisalScheme` is the station's own: components with weights summing
to 1, each a measured figure with its target and the way it improves (a
service count or a share of goals met rises; days late fall). No scheme is
built in: the documentation shows two examples. `appraise` scores one
worker's figures for a period:

* a component's **achievement** is ``measured / target`` when higher is
  better, ``target / measured`` when lower is (a measure of 0 reaches the
  cap, or 1 against a target of 0; above a target of 0 it is 0), capped at
  the component's ``cap`` (1 unless the scheme rewards going beyond the
  target);
* its **contribution** is ``100 × weight × achievement`` points; the score
  is their sum (100 when every target is met exactly, with caps of 1).

The pay split of post and performance pay (岗位工资、绩效工资; 80/20 in one
health centre) is a stated parameter, a `PaySplit`: `Appraisal.pay` pays
the post share in full and the performance share in proportion to the
score out of 100.

Scores and figures are personal data: results never show them in a repr.

Examples:
    >>> from socialwork.models import BilingualText
    >>> scheme = AppraisalScheme(id="demo", name=BilingualText.of("示例", "Demo"), components=(
    ...     AppraisalComponent(id="services", name=BilingualText.of("服务人次", "Services"),
    ...                        weight=0.6, target=100),
    ...     AppraisalComponent(id="late", name=BilingualText.of("迟到天数", "Days late"),
    ...                        weight=0.4, target=1, direction="lower_is_better")))
    >>> a = appraise(scheme, "s3", {"services": 90, "late": 2})
    >>> [round(line.contribution, 1) for line in a.lines], round(a.score, 1)
    ([54.0, 20.0], 74.0)
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Annotated, Any, Self

from attrs import frozen
from pydantic import Field, Strict, TypeAdapter, model_validator

from socialwork._arguments import MAX_FIGURE, require_figure, require_instance, require_text
from socialwork.display.displayable import Displayable
from socialwork.display.document import Document, Heading, Paragraph, Table
from socialwork.errors import TeamRuleError
from socialwork.labels import Language, canonical_language, select_language
from socialwork.metrics.definitions import Direction
from socialwork.models import BilingualText, Period
from socialwork.records import Id, Money, Record, Share, break_rule, check_unique, personal

__all__ = [
    "Appraisal",
    "AppraisalComponent",
    "AppraisalLine",
    "AppraisalRecord",
    "AppraisalScheme",
    "ComponentScore",
    "PayBreakdown",
    "PaySplit",
    "appraise",
]

_TOLERANCE = 1e-9
_CENT = Decimal("0.01")
_MONEY: TypeAdapter[Decimal] = TypeAdapter(Money)

Figure = Annotated[float, Strict(), Field(ge=0, le=MAX_FIGURE, allow_inf_nan=False)]
"""A target: a finite number from 0 to 10¹⁵, an ``int`` or a ``float``."""

Measured = Annotated[float, Strict(), Field(ge=-MAX_FIGURE, le=MAX_FIGURE, allow_inf_nan=False)]
"""A figure measured for a component: finite, within ±10¹⁵ (a negative one scores as 0)."""

Points = Annotated[float, Strict(), Field(ge=0, le=200, allow_inf_nan=False)]
"""A component's points: 100 × weight × achievement, so from 0 to 200 (a cap of 2)."""


class AppraisalComponent(Record):
    """One component of a scheme: what is measured, its weight, target and direction.

    ``weight`` is above 0; a higher-is-better target is above 0 (rule
    ``target_zero``); ``cap`` (1 to 2) bounds the achievement.

    Examples:
        >>> c = AppraisalComponent(id="goals", name=BilingualText.of("目标达成", "Goals met"),
        ...                        weight=0.3, target=0.8)
        >>> c.direction.value, c.cap
        ('higher_is_better', 1.0)
    """

    id: Id
    name: BilingualText
    weight: Annotated[Share, Field(gt=0)]
    target: Figure
    direction: Direction = Direction.HIGHER_IS_BETTER
    cap: Annotated[float, Strict(), Field(ge=1, le=2, allow_inf_nan=False)] = 1.0

    @model_validator(mode="after")
    def _target_divides(self) -> Self:
        if self.direction is Direction.HIGHER_IS_BETTER and self.target == 0:
            break_rule(
                "AppraisalComponent",
                ("target",),
                "target_zero",
                "a higher-is-better component needs a target above 0; got 0",
                self.target,
            )
        return self

    def achievement(self, measured: float) -> float:
        """The share of the target reached by ``measured``, capped at ``cap``.

        Raises:
            ArgumentError: ``measured`` is NaN, infinite or larger than 10¹⁵.

        Examples:
            >>> late = AppraisalComponent(id="late", name=BilingualText.of("迟到", "Late"),
            ...     weight=1, target=0, direction="lower_is_better")
            >>> late.achievement(0), late.achievement(3)
            (1.0, 0.0)
        """
        value = require_figure(measured, "measured")
        if value < 0:
            value = 0.0
        if self.direction is Direction.HIGHER_IS_BETTER:
            reached = value / self.target
        elif value == 0:
            reached = 1.0 if self.target == 0 else self.cap
        else:
            reached = self.target / value
        return min(reached, self.cap)


class AppraisalScheme(Record):
    """A station's appraisal scheme: components with distinct ids and weights summing to 1.

    Examples:
        >>> AppraisalScheme(id="x", name=BilingualText.of("示例", "Demo"), components=(
        ...     AppraisalComponent(id="a", name=BilingualText.of("甲", "A"), weight=0.5,
        ...                        target=1),))
        Traceback (most recent call last):
        ...
        pydantic_core._pydantic_core.ValidationError: 1 validation error for AppraisalScheme
        components
          the weights of the components must sum to 1; got 0.5 ...
    """

    id: Id
    name: BilingualText
    components: Annotated[tuple[AppraisalComponent, ...], Field(min_length=1)]

    @model_validator(mode="after")
    def _weights(self) -> Self:
        check_unique("AppraisalScheme", "components", (c.id for c in self.components))
        total = sum(c.weight for c in self.components)
        if abs(total - 1) > _TOLERANCE:
            break_rule(
                "AppraisalScheme",
                ("components",),
                "weights_not_one",
                "the weights of the components must sum to 1; got {total}",
                total,
                total=round(total, 9),
            )
        return self


class PaySplit(Record):
    """How pay divides into post pay (岗位工资) and performance pay (绩效工资); shares sum to 1.

    Examples:
        >>> PaySplit(post=0.8, performance=0.2).performance
        0.2
    """

    post: Share
    performance: Share

    @model_validator(mode="after")
    def _whole(self) -> Self:
        if abs(self.post + self.performance - 1) > _TOLERANCE:
            break_rule(
                "PaySplit",
                ("performance",),
                "weights_not_one",
                "post and performance shares must sum to 1; got {post} and {performance}",
                self.performance,
                post=self.post,
                performance=self.performance,
            )
        return self


@frozen
class AppraisalLine:
    """One component's line: the figure measured, its target, weight, achievement and points.

    Examples:
        >>> AppraisalLine("services", 90.0, 100.0, 0.6, 0.9, 54.0)
        AppraisalLine('services', weight 0.6)
    """

    component_id: str
    measured: float
    target: float
    weight: float
    achievement: float
    contribution: float

    def __repr__(self) -> str:
        """The component and its weight; the figures are personal data."""
        return f"AppraisalLine({self.component_id!r}, weight {self.weight:g})"


@frozen
class PayBreakdown:
    """Pay for the period: the post part, the performance pool, and the performance part paid.

    Examples:
        >>> PayBreakdown(Decimal("4800.00"), Decimal("1200.00"), Decimal("888.00"))
        PayBreakdown(post, performance)
    """

    post: Decimal
    performance_pool: Decimal
    performance_paid: Decimal

    @property
    def total(self) -> Decimal:
        """Post pay plus the performance pay earned."""
        return self.post + self.performance_paid

    def __repr__(self) -> str:
        """No amounts: pay is personal data."""
        return "PayBreakdown(post, performance)"


@frozen
class Appraisal(Displayable):
    """One worker's appraisal under a scheme: each component's line and the score.

    The document shows the lines, for the worker and whoever appraises them;
    the repr shows no figure.

    Examples:
        >>> a = Appraisal("s3", "demo", (AppraisalLine("services", 90.0, 100.0, 1.0, 0.9, 90.0),))
        >>> a, a.score
        (Appraisal('s3', 'demo', 1 components), 90.0)
    """

    staff_id: str
    scheme_id: str
    lines: tuple[AppraisalLine, ...]

    @property
    def score(self) -> float:
        """The sum of the contributions, in points (100 when every target is just met)."""
        return sum(line.contribution for line in self.lines)

    def __repr__(self) -> str:
        """The worker, the scheme and the number of components; no score."""
        return f"Appraisal({self.staff_id!r}, {self.scheme_id!r}, {len(self.lines)} components)"

    def to_record(self, id: str, period: Period) -> AppraisalRecord:
        """Return the appraisal as a record to keep for ``period``, under the record id ``id``.

        Raises:
            pydantic.ValidationError: ``id`` is not an id or ``period`` not a period.

        Examples:
            >>> a = Appraisal("s3", "demo", (AppraisalLine("q", 1.0, 1.0, 1.0, 0.74, 74.0),))
            >>> kept = a.to_record("a1", Period.month(2025, 6))
            >>> kept, kept.score
            (AppraisalRecord(id='a1', staff_id='s3', scheme_id='demo', ...), 74.0)
        """
        return AppraisalRecord.model_validate(
            {
                "id": id,
                "staff_id": self.staff_id,
                "scheme_id": self.scheme_id,
                "period": period,
                "components": [
                    {
                        "component_id": x.component_id,
                        "measured": x.measured,
                        "points": x.contribution,
                    }
                    for x in self.lines
                ],
            }
        )

    def pay(self, amount: Decimal, split: PaySplit) -> PayBreakdown:
        """Split ``amount`` (one period's pay) by ``split``, the performance part by the score.

        Performance pay is the pool times the score out of 100, to the cent
        (half up); a score above 100 (components capped above 1) pays above
        the pool.

        Raises:
            pydantic.ValidationError: ``amount`` is not an amount of money.

        Examples:
            >>> a = Appraisal("s3", "demo", (AppraisalLine("q", 1.0, 1.0, 1.0, 0.74, 74.0),))
            >>> p = a.pay(Decimal(6000), PaySplit(post=0.8, performance=0.2))
            >>> p.post, p.performance_pool, p.performance_paid, p.total
            (Decimal('4800.00'), Decimal('1200.00'), Decimal('888.00'), Decimal('5688.00'))
        """
        money = _MONEY.validate_python(amount)
        split = require_instance(PaySplit, split, "split")
        post = (money * Decimal(repr(split.post))).quantize(_CENT, ROUND_HALF_UP)
        pool = money - post
        earned = Decimal(repr(self.score)) / 100
        return PayBreakdown(post, pool, (pool * earned).quantize(_CENT, ROUND_HALF_UP))

    def to_document(self, language: Language | str = "zh") -> Document:
        """Return the score, then each component's line.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> line = AppraisalLine("services", 90.0, 100.0, 1.0, 0.9, 90.0)
            >>> a = Appraisal("s3", "demo", (line,))
            >>> print(a.to_markdown("en"))
            # Appraisal of s3 (demo)
            <BLANKLINE>
            Score 90.0 points.
            <BLANKLINE>
            | Component | Measured | Target | Weight | Achievement | Points |
            |---|---|---|---|---|---|
            | services | 90 | 100 | 100% | 90.0% | 90.0 |
            <BLANKLINE>
        """
        script = canonical_language(language)
        title = select_language(
            script,
            f"{self.staff_id}的绩效考核({self.scheme_id})",
            f"Appraisal of {self.staff_id} ({self.scheme_id})",
            f"{self.staff_id}的績效考覈({self.scheme_id})",
        )
        line = select_language(
            script,
            f"得分{self.score:.1f}分。",
            f"Score {self.score:.1f} points.",
            f"得分{self.score:.1f}分。",
        )
        header = (
            select_language(script, "考核项", "Component", "考覈項"),
            select_language(script, "实际", "Measured", "實際"),
            select_language(script, "目标", "Target", "目標"),
            select_language(script, "权重", "Weight", "權重"),
            select_language(script, "达成", "Achievement", "達成"),
            select_language(script, "得分", "Points", "得分"),
        )
        rows = [
            (
                x.component_id,
                f"{x.measured:g}",
                f"{x.target:g}",
                f"{100 * x.weight:g}%",
                f"{100 * x.achievement:.1f}%",
                f"{x.contribution:.1f}",
            )
            for x in self.lines
        ]
        return Document([Heading(title, 1), Paragraph(line), Table(header, rows)])

    def to_rows(self) -> list[dict[str, Any]]:
        """Return one row per component (personal data: redact before sharing).

        Examples:
            >>> line = AppraisalLine("services", 90.0, 100.0, 1.0, 0.9, 90.0)
            >>> Appraisal("s3", "demo", (line,)).to_rows()[0]["contribution"]
            90.0
        """
        return [
            {
                "staff_id": self.staff_id,
                "scheme_id": self.scheme_id,
                "component_id": x.component_id,
                "measured": x.measured,
                "target": x.target,
                "weight": x.weight,
                "achievement": x.achievement,
                "contribution": x.contribution,
            }
            for x in self.lines
        ]


class ComponentScore(Record):
    """One component of a kept appraisal: the figure measured and the points; both personal data.

    Examples:
        >>> ComponentScore(component_id="services", measured=90, points=54.0)
        ComponentScore(component_id='services')
    """

    component_id: Id
    measured: Measured = personal(repr=False)
    points: Points = personal(repr=False)


class AppraisalRecord(Record):
    """An appraisal kept for a period (绩效考核记录): worker, scheme and each component's score.

    Component ids are distinct. The figures and points are personal data:
    `socialwork.privacy.redact` leaves the components out for every audience
    but the supervisor, so a funder can count the appraisals held without
    seeing anyone's score (`score` is then ``None``).

    Examples:
        >>> from socialwork.privacy import redact
        >>> kept = AppraisalRecord(id="a1", staff_id="s3", scheme_id="demo",
        ...     period=Period.month(2025, 6),
        ...     components=(ComponentScore(component_id="services", measured=90, points=54.0),
        ...                 ComponentScore(component_id="late", measured=2, points=20.0)))
        >>> kept.score
        74.0
        >>> shared = redact(kept, "funder", key=bytes(16))
        >>> shared.components, shared.score
        ((), None)
    """

    id: Id
    staff_id: Id
    scheme_id: Id
    period: Period
    components: tuple[ComponentScore, ...] = ()

    @model_validator(mode="after")
    def _distinct(self) -> Self:
        check_unique("AppraisalRecord", "components", (c.component_id for c in self.components))
        return self

    @property
    def score(self) -> float | None:
        """The sum of the components' points, or ``None`` when none is kept (a redacted copy)."""
        if not self.components:
            return None
        return sum(c.points for c in self.components)


def appraise(
    scheme: AppraisalScheme, staff_id: str, figures: Mapping[str, float | int | Decimal]
) -> Appraisal:
    """Score ``staff_id``'s ``figures`` (one per component, by component id) under ``scheme``.

    A negative figure counts as 0.

    Raises:
        TeamRuleError: a component has no figure (``figure_missing``) or a
            figure names no component (``unknown_component``).
        ArgumentError: a figure is NaN, infinite or larger than 10¹⁵.
        TypeError: an argument is not of its type.

    Examples:
        >>> from socialwork.models import BilingualText
        >>> scheme = AppraisalScheme(id="one", name=BilingualText.of("单项", "One"), components=(
        ...     AppraisalComponent(id="files", name=BilingualText.of("档案完整率", "Files"),
        ...                        weight=1, target=1),))
        >>> appraise(scheme, "s5", {})
        Traceback (most recent call last):
        ...
        socialwork.errors.TeamRuleError: figure_missing: expected a figure for each component \
of scheme one; got none for files
    """
    scheme = require_instance(AppraisalScheme, scheme, "scheme")
    staff_id = require_text(staff_id, "staff_id")
    figures = require_instance(Mapping, figures, "figures")  # type: ignore[type-abstract]
    known = {c.id for c in scheme.components}
    for key in figures:
        if key not in known:
            raise TeamRuleError(
                "unknown_component",
                f"figures for the components of scheme {scheme.id} ({', '.join(sorted(known))})",
                f"one for {key!r}",
            )
    lines = []
    for component in scheme.components:
        if component.id not in figures:
            raise TeamRuleError(
                "figure_missing",
                f"a figure for each component of scheme {scheme.id}",
                f"none for {component.id}",
            )
        measured = require_figure(figures[component.id], f"figures[{component.id!r}]")
        achieved = component.achievement(measured)
        lines.append(
            AppraisalLine(
                component.id,
                measured,
                component.target,
                component.weight,
                achieved,
                100 * component.weight * achieved,
            )
        )
    return Appraisal(staff_id, scheme.id, tuple(lines))
