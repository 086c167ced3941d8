"""Indicator definitions (指标定义), in the spirit of DHIS2 and IATI indicator metadata.

An `IndicatorDefinition` says what an indicator counts (numerator and
denominator), how it is shown (``factor`` 100 for percent, 1000 for per
mille, 1 for a plain number; ``decimals``), which way is better, which
Results-Based Accountability quadrant it answers, and its baseline and
targets. The built-in definitions are in `socialwork.metrics.catalogue`.

Examples:
    >>> from socialwork.metrics import rate
    >>> from socialwork.models import BilingualText
    >>> checked = IndicatorDefinition(
    ...     code="health_check",
    ...     name=BilingualText(zh="体检率", en="Health checks"),
    ...     numerator=BilingualText(zh="已体检的65岁以上居民", en="Residents 65+ checked"),
    ...     denominator=BilingualText(zh="65岁以上居民", en="Residents 65+"),
    ...     quadrant=RbaQuadrant.HOW_MUCH,
    ... )
    >>> checked.format(rate(3468, 4080)), checked.format(rate(3468, 4080), "en")
    ('85.0% (3468/4080)', '85.0% (3468/4080)')
"""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal, Self, TypeAlias

from pydantic import Field, model_validator

from socialwork._arguments import MAX_DECIMALS, require_figure
from socialwork.labels import LabelledEnum, Language, canonical_language, select_language
from socialwork.metrics.rates import Rate
from socialwork.metrics.targets import Baseline, Target
from socialwork.models import BilingualText, Period
from socialwork.records import Count, Id, Record, break_rule

__all__ = ["Direction", "IndicatorDefinition", "Measure", "RbaQuadrant"]

Measure: TypeAlias = Rate | int | float | Decimal | None
"""What an indicator function returns: a rate, a number, or ``None`` (no data).

A number must be finite: NaN is never a measurement.
"""


class Direction(LabelledEnum):
    """Which way an indicator improves (指标方向)."""

    HIGHER_IS_BETTER = "higher_is_better", "越高越好", "Higher is better", "越高越好"
    LOWER_IS_BETTER = "lower_is_better", "越低越好", "Lower is better", "越低越好"


class RbaQuadrant(LabelledEnum):
    """The Results-Based Accountability question an indicator answers (成果问责象限)."""

    HOW_MUCH = "how_much", "做了多少", "How much did we do?", "做了多少"
    HOW_WELL = "how_well", "做得怎样", "How well did we do it?", "做得怎樣"
    BETTER_OFF_NUMBER = (
        "better_off_number",
        "有人因此受益吗(人数)",
        "Is anyone better off? (#)",
        "有人因此受益嗎(人數)",
    )
    BETTER_OFF_PERCENT = (
        "better_off_percent",
        "有人因此受益吗(比例)",
        "Is anyone better off? (%)",
        "有人因此受益嗎(比例)",
    )


class IndicatorDefinition(Record):
    """What an indicator counts, how it is shown, and what it aims at.

    At most one target may be standing (without a period). For a
    percentage (``factor`` 100) or a per-mille figure (1000), the baseline
    and the targets lie from 0 to ``factor``.

    Examples:
        >>> from socialwork.metrics.catalogue import FILE_COMPLETENESS
        >>> FILE_COMPLETENESS.format(27 / 32), FILE_COMPLETENESS.target_for(None)
        ('84.4%', Target(value=100.0, period=None))
    """

    code: Id
    name: BilingualText
    numerator: BilingualText
    denominator: BilingualText | None = None
    factor: Literal[1, 100, 1000] = 100
    decimals: Annotated[Count, Field(le=MAX_DECIMALS)] = 1
    unit: BilingualText | None = None
    direction: Direction = Direction.HIGHER_IS_BETTER
    quadrant: RbaQuadrant
    baseline: Baseline | None = None
    targets: tuple[Target, ...] = ()

    @model_validator(mode="after")
    def _targets_make_sense(self) -> Self:
        standing = [i for i, t in enumerate(self.targets) if t.period is None]
        if len(standing) > 1:
            break_rule(
                "IndicatorDefinition",
                ("targets", standing[1]),
                "two_standing_targets",
                "at most one target may have no period; targets {first} and {second} have none",
                None,
                first=standing[0],
                second=standing[1],
            )
        if self.factor > 1:
            figures: list[tuple[tuple[str | int, ...], float]] = [
                (("targets", i, "value"), t.value) for i, t in enumerate(self.targets)
            ]
            if self.baseline is not None:
                figures.append((("baseline", "value"), self.baseline.value))
            for loc, value in figures:
                if not 0 <= value <= self.factor:
                    break_rule(
                        "IndicatorDefinition",
                        loc,
                        "target_out_of_range",
                        "a baseline or target of a figure shown with factor {factor} must lie "
                        "from 0 to {factor}; got {value}",
                        value,
                        factor=self.factor,
                        value=value,
                    )
        return self

    def scaled(self, value: Measure) -> float | None:
        """Return ``value`` in display units (a rate times ``factor``), ``None`` if undefined.

        Raises:
            ArgumentError: ``value`` is a NaN, infinite or huge number.

        Examples:
            >>> from socialwork.metrics import rate
            >>> from socialwork.metrics.catalogue import KEY_GROUP_COVERAGE, VOLUNTEER_HOURS
            >>> KEY_GROUP_COVERAGE.scaled(rate(51, 60)), VOLUNTEER_HOURS.scaled(100)
            (85.0, 100.0)
        """
        if value is None:
            return None
        if isinstance(value, Rate):
            if value.denominator == 0:
                return None
            return self.factor * value.numerator / value.denominator
        return require_figure(value, "value") * self.factor

    def format(self, value: Measure, language: Language | str = "zh") -> str:
        """Return ``value`` as shown: ``decimals`` places, ``%`` or ``‰`` or the unit.

        A rate is shown with its counts; an undefined value as ``"n/a"``.

        Raises:
            ArgumentError: ``value`` is a NaN, infinite or huge number.
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> from socialwork.metrics import rate
            >>> from socialwork.metrics.catalogue import KEY_GROUP_COVERAGE, VOLUNTEER_HOURS
            >>> KEY_GROUP_COVERAGE.format(rate(51, 60)), VOLUNTEER_HOURS.format(100, "en")
            ('85.0% (51/60)', '100 hours')
        """
        suffix = self._suffix(language)
        scaled = self.scaled(value)
        if scaled is None:
            return "n/a"
        text = f"{scaled:.{self.decimals}f}{suffix}"
        if isinstance(value, Rate):
            text += f" ({value.numerator}/{value.denominator})"
        return text

    def format_change(self, change: float, language: Language | str = "zh") -> str:
        """Return a change in display units, signed: percentage points for a percentage.

        Raises:
            ArgumentError: ``change`` is a NaN, infinite or huge number.
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> from socialwork.metrics.catalogue import KEY_GROUP_COVERAGE, OVERDUE_FOLLOW_UPS
            >>> KEY_GROUP_COVERAGE.format_change(5.0), KEY_GROUP_COVERAGE.format_change(-2, "en")
            ('+5.0 个百分点', '-2.0 pp')
            >>> OVERDUE_FOLLOW_UPS.format_change(3), KEY_GROUP_COVERAGE.format_change(1, "zh-TW")
            ('+3例', '+1.0 個百分點')
        """
        if self.factor == 100:
            suffix = select_language(language, " 个百分点", " pp", " 個百分點")
        else:
            suffix = self._suffix(language)
        return f"{require_figure(change, 'change'):+.{self.decimals}f}{suffix}"

    def _suffix(self, language: Language | str) -> str:
        script = canonical_language(language)
        if self.factor == 100:
            return "%"
        if self.factor == 1000:
            return "‰"
        if self.unit is None:
            return ""
        return (" " if script == "en" else "") + self.unit.text(script)

    def target_for(self, period: Period | None) -> Target | None:
        """Return the target that applies to ``period``.

        The nearest dated target whose period contains ``period`` (the one
        ending first), else the standing target, else ``None``.

        Examples:
            >>> from socialwork.models import Period
            >>> from socialwork.metrics.catalogue import KEY_GROUP_COVERAGE
            >>> KEY_GROUP_COVERAGE.target_for(Period.month(2025, 6)).value
            95.0
        """
        if period is not None:
            covering = [
                (t.period.end, index, t)
                for index, t in enumerate(self.targets)
                if t.period is not None
                and t.period.start <= period.start
                and period.end <= t.period.end
            ]
            if covering:
                return min(covering)[2]
        return next((t for t in self.targets if t.period is None), None)

    def reaches(self, scaled: float, goal: float) -> bool:
        """Whether ``scaled`` is at ``goal`` or better, compared at ``decimals`` places.

        Raises:
            ArgumentError: ``scaled`` or ``goal`` is a NaN, infinite or huge number.

        Examples:
            >>> from socialwork.metrics.catalogue import KEY_GROUP_COVERAGE, OVERDUE_FOLLOW_UPS
            >>> KEY_GROUP_COVERAGE.reaches(95.04, 95), OVERDUE_FOLLOW_UPS.reaches(1, 0)
            (True, False)
        """
        shown = round(require_figure(scaled, "scaled"), self.decimals)
        wanted = round(require_figure(goal, "goal"), self.decimals)
        if self.direction is Direction.HIGHER_IS_BETTER:
            return shown >= wanted
        return shown <= wanted
