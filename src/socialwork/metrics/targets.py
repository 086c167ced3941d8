"""Targets (目标) and baselines (基线): what an indicator or a plan goal aims at.

One `Target` says what a station's monthly report ("下月目标：覆盖率95%")
and a plan's goal ("服务覆盖率达到95%") both mean: the indicator measured
(a code of `socialwork.metrics.catalogue.CATALOGUE` or the user's own;
left out inside an `IndicatorDefinition
<socialwork.metrics.definitions.IndicatorDefinition>`, which names it), a
comparator, a value in display units (90 for 90%) with its unit, for a
change whether it counts percentage points or a relative change (提升10% is
ambiguous: the target must say which) and the baseline it starts from, and
the period it is due for (``None`` for a standing target, or a plan goal's,
which is due at the goal's deadline month). `socialwork.metrics.status.judge`
judges a measured value against it, for the monthly report and for plan
reviews alike.

The convenience constructors read the forms plans use (`at_least`,
`at_most`, `exactly`, `increase_by`, `decrease_by`) and refuse anything
they cannot read.

Examples:
    >>> from datetime import date
    >>> from socialwork.models import Period
    >>> at_least("95%", of="key_group_coverage", period=Period.year(2025)).describe()
    'key_group_coverage ≥ 95%'
    >>> increase_by(points=10, of="participation", baseline=60).level_for_review()
    70.0
    >>> at_least("15人", of="new_volunteers").unit.label("en")
    'Count'
    >>> Baseline(value=80, on=date(2025, 5, 31)).on.isoformat()
    '2025-05-31'
"""

from __future__ import annotations

import re
from typing import Annotated, Protocol, Self, TypeAlias

from pydantic import Field, Strict, model_validator

from socialwork._arguments import MAX_FIGURE, require_finite, require_instance, require_member
from socialwork.errors import ArgumentError
from socialwork.labels import LabelledEnum, Language, canonical_language, select_language
from socialwork.models import Period
from socialwork.records import Day, Id, Record, break_rule


class Coded(Protocol):
    """An indicator known by its code, such as an indicator definition.

    `socialwork.metrics.definitions.IndicatorDefinition` has one; it
    imports this module, so the constructors read the code, not the type.
    """

    @property
    def code(self) -> str:
        """The indicator's code."""


__all__ = [
    "Baseline",
    "ChangeKind",
    "Comparator",
    "Target",
    "TargetUnit",
    "at_least",
    "at_most",
    "decrease_by",
    "exactly",
    "increase_by",
]

Figure: TypeAlias = Annotated[
    float, Strict(), Field(ge=-MAX_FIGURE, le=MAX_FIGURE, allow_inf_nan=False)
]
"""A figure in display units: finite (never NaN), at most a thousand trillion in size."""


class Baseline(Record):
    """The value an indicator had on a date, in display units (e.g. 80 for 80%).

    Examples:
        >>> from datetime import date
        >>> Baseline(value=80, on=date(2025, 5, 31)).value
        80.0
    """

    value: Figure
    on: Day


class Comparator(LabelledEnum):
    """How a measured value is compared with a target level (比较方式)."""

    AT_LEAST = "at_least", "不低于", "At least", "不低於"
    AT_MOST = "at_most", "不高于", "At most", "不高於"
    EXACTLY = "exactly", "等于", "Exactly", "等於"


class TargetUnit(LabelledEnum):
    """The unit of a target level (目标单位)."""

    PERCENT = "percent", "百分比", "Percent", "百分比"
    PER_MILLE = "per_mille", "千分比", "Per mille", "千分比"
    COUNT = "count", "数量", "Count", "數量"
    HOURS = "hours", "小时", "Hours", "小時"
    CNY = "cny", "元", "CNY", "元"


class ChangeKind(LabelledEnum):
    """Whether a target is a level to reach or a change from the baseline (目标类型)."""

    LEVEL = "level", "达到水平", "Level to reach", "達到水平"
    POINTS = "points", "提升百分点", "Change in percentage points", "提升百分點"
    RELATIVE = "relative", "相对变化(%)", "Relative change (%)", "相對變化(%)"


_SIGNS = {Comparator.AT_LEAST: "≥", Comparator.AT_MOST: "≤", Comparator.EXACTLY: "="}
_UNIT_TEXT = {
    TargetUnit.PERCENT: ("%", "%", "%"),
    TargetUnit.PER_MILLE: ("‰", "‰", "‰"),
    TargetUnit.COUNT: ("", "", ""),
    TargetUnit.HOURS: ("小时", " h", "小時"),
    TargetUnit.CNY: ("元", " CNY", "元"),
}


_SCALES = {TargetUnit.PERCENT: 100, TargetUnit.PER_MILLE: 1000}


class Target(Record):
    """A target as a value: indicator, comparator, value, unit, kind of change and due period.

    ``value`` is in display units (90 for 90%). For a ``level`` target it is
    the level to reach; for ``points`` the percentage points to add to the
    baseline (or take away, with `Comparator.AT_MOST`); for ``relative`` the
    percent of the baseline to add or take away. ``baseline`` is the
    indicator's value where the target starts (a plan's start), in the same
    units; a change target needs one before it can be judged (an indicator
    definition lends its own). ``period`` is the period the target is due
    for; ``None`` for a standing target. A percentage lies from 0 to 100 and
    a per-mille figure from 0 to 1000 (rule ``target_out_of_range``);
    percentage points apply to percentages only (rule ``points_not_percent``).

    Examples:
        >>> t = Target(indicator="survey_satisfaction", value=90, unit="percent")
        >>> t.describe(), t.describe("en"), t.period is None
        ('survey_satisfaction ≥ 90%', 'survey_satisfaction ≥ 90%', True)
    """

    indicator: Id | None = None
    comparator: Comparator = Comparator.AT_LEAST
    value: Figure
    unit: TargetUnit
    change: ChangeKind = ChangeKind.LEVEL
    baseline: Figure | None = None
    period: Period | None = None

    @model_validator(mode="after")
    def _makes_sense(self) -> Self:
        if self.change is ChangeKind.POINTS and self.unit is not TargetUnit.PERCENT:
            break_rule(
                "Target",
                ("change",),
                "points_not_percent",
                "percentage points apply to a percentage; the unit is {unit}",
                self.change.value,
                unit=self.unit.value,
            )
        top = _SCALES.get(self.unit)
        problems: list[tuple[str, float]] = []
        if top is not None and self.change is ChangeKind.LEVEL and not 0 <= self.value <= top:
            problems.append(("value", self.value))
        if top is not None and self.baseline is not None and not 0 <= self.baseline <= top:
            problems.append(("baseline", self.baseline))
        if self.change is not ChangeKind.LEVEL and self.value < 0:
            problems.append(("value", self.value))
        for name, value in problems[:1]:
            break_rule(
                "Target",
                (name,),
                "target_out_of_range",
                "a percentage (per-mille figure) or its baseline must lie from 0 to 100 "
                "(1000), and a change is given as a size (not negative); got {value}",
                value,
                value=value,
            )
        return self

    @property
    def scale(self) -> int:
        """What a rate's share is multiplied by in this unit: 100, 1000 per mille, else 1.

        Examples:
            >>> at_least("90%").scale, at_least("15人").scale
            (100, 1)
        """
        return _SCALES.get(self.unit, 1)

    def level_for_review(self, baseline: float | None = None) -> float | None:
        """Return the level to reach in display units, or ``None`` if a change has no baseline.

        A change in points moves the baseline by ``value`` points, a relative
        change by ``value`` percent of it; upwards for `Comparator.AT_LEAST`
        and `Comparator.EXACTLY`, downwards for `Comparator.AT_MOST`. The
        target's own baseline counts first; ``baseline`` is the one to use
        when it has none (an indicator definition's).

        Raises:
            ArgumentError: ``baseline`` is NaN, infinite or huge.

        Examples:
            >>> increase_by(percent=10, of="participation", baseline=60).level_for_review()
            66.0
            >>> decrease_by(points=5, of="staff_turnover", baseline=20).level_for_review()
            15.0
            >>> increase_by(points=10, of="participation").level_for_review() is None
            True
        """
        if self.change is ChangeKind.LEVEL:
            return self.value
        start = self.baseline
        if start is None and baseline is not None:
            start = require_finite(baseline, "baseline", -MAX_FIGURE, MAX_FIGURE)
        if start is None:
            return None
        sign = -1 if self.comparator is Comparator.AT_MOST else 1
        if self.change is ChangeKind.POINTS:
            return start + sign * self.value
        return start * (1 + sign * self.value / 100)

    def format_level(self, value: float, language: Language | str = "zh") -> str:
        """Return a value in the target's unit, with at most one decimal.

        Raises:
            ArgumentError: ``value`` is NaN, infinite or above 1e15 in size.
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.
            TypeError: ``value`` is not a number.

        Examples:
            >>> at_least("15人", of="v").format_level(7.5), at_least("90%", of="s").format_level(90)
            ('7.5', '90%')
        """
        number = require_finite(value, "value", -1e15, 1e15)
        suffix = select_language(language, *_UNIT_TEXT[self.unit])
        text = f"{number:.1f}".removesuffix(".0")
        return f"{text}{suffix}"

    def describe(self, language: Language | str = "zh") -> str:
        """Return the target as text: ``"survey_satisfaction ≥ 90%"``, ``"… +10 pp"``.

        A target without an indicator (one of an indicator definition) starts
        with its sign: ``"≥ 95%"``.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> increase_by(points=10, of="participation").describe("en")
            'participation +10 pp'
            >>> increase_by(percent=15, of="satisfaction").describe()
            'satisfaction +15%(相对)'
        """
        script = canonical_language(language)
        sign = "-" if self.comparator is Comparator.AT_MOST else "+"
        size = f"{self.value:.1f}".removesuffix(".0")
        prefix = "" if self.indicator is None else f"{self.indicator} "
        if self.change is ChangeKind.POINTS:
            unit = select_language(script, " 个百分点", " pp", " 個百分點")
            return f"{prefix}{sign}{size}{unit}"
        if self.change is ChangeKind.RELATIVE:
            unit = select_language(script, "%(相对)", "% (relative)", "%(相對)")
            return f"{prefix}{sign}{size}{unit}"
        level = self.format_level(self.value, script)
        return f"{prefix}{_SIGNS[self.comparator]} {level}"


_LEVEL = re.compile(
    r"^\s*(?P<number>\d{1,15}(?:\.\d{1,6})?)\s*(?P<unit>%|％|‰|人次|人|户|項|项|家|个|個|条|條|"
    r"次|场|場|例|名|小时|小時|h|hours|元|yuan|CNY|)\s*$",
    re.IGNORECASE,
)
_CURRENCY = re.compile(r"^\s*(?:¥|￥|CNY)\s*(?P<number>\d{1,15}(?:\.\d{1,6})?)\s*$", re.IGNORECASE)
_UNITS = {
    "%": TargetUnit.PERCENT,
    "％": TargetUnit.PERCENT,
    "‰": TargetUnit.PER_MILLE,
    "小时": TargetUnit.HOURS,
    "小時": TargetUnit.HOURS,
    "h": TargetUnit.HOURS,
    "hours": TargetUnit.HOURS,
    "元": TargetUnit.CNY,
    "yuan": TargetUnit.CNY,
    "cny": TargetUnit.CNY,
}


def _read_level(text: object) -> tuple[float, TargetUnit]:
    """Read ``"90%"``, ``"15人"``, ``"20小时"``, ``"5000元"``, ``"¥5000"`` or ``"3"``."""
    if not isinstance(text, str):
        raise TypeError(f"level must be text such as '90%'; got {type(text).__name__}")
    expected = (
        "a level such as '90%', '15人', '3项', '20小时' or '5000元' "
        "(a number with at most 15 digits, then a unit)"
    )
    money = _CURRENCY.match(text)
    if money is not None:
        return float(money["number"]), TargetUnit.CNY
    found = _LEVEL.match(text)
    if found is None:
        raise ArgumentError("level", text, expected)
    unit = _UNITS.get(found["unit"].lower(), TargetUnit.COUNT)
    number = float(found["number"])
    if unit is TargetUnit.PERCENT and number > 100:
        raise ArgumentError("level", text, "a percentage from 0% to 100%")
    if unit is TargetUnit.PER_MILLE and number > 1000:
        raise ArgumentError("level", text, "a per-mille figure from 0‰ to 1000‰")
    return number, unit


def _code(of: object) -> str | None:
    if of is None:
        return None
    named = getattr(of, "code", None)
    if not isinstance(of, str) and isinstance(named, str):
        return named
    if not isinstance(of, str):
        raise TypeError(f"of must be an indicator code or definition; got {type(of).__name__}")
    code = of.strip()
    if not code or len(code) > 64:
        raise ArgumentError("of", of, "an indicator code of 1 to 64 characters")
    return code


def _period(period: object) -> Period | None:
    return None if period is None else require_instance(Period, period, "period")


def _baseline(baseline: object) -> float | None:
    if baseline is None:
        return None
    if isinstance(baseline, bool) or not isinstance(baseline, int | float):
        raise TypeError(f"baseline must be a number; got {type(baseline).__name__}")
    if not -1e15 <= baseline <= 1e15:
        raise ArgumentError("baseline", baseline, "a finite number of at most 1e15 in size")
    return float(baseline)


def _level_target(
    comparator: Comparator,
    text: str,
    of: str | Coded | None,
    baseline: float | None,
    period: Period | None,
) -> Target:
    level, unit = _read_level(text)
    base = _baseline(baseline)
    top = _SCALES.get(unit)
    if top is not None and base is not None and not 0 <= base <= top:
        raise ArgumentError("baseline", baseline, f"a figure from 0 to {top} in {unit.value}")
    return Target(
        indicator=_code(of),
        comparator=comparator,
        value=level,
        unit=unit,
        baseline=base,
        period=_period(period),
    )


def at_least(
    level: str,
    *,
    of: str | Coded | None = None,
    baseline: float | None = None,
    period: Period | None = None,
) -> Target:
    """Return the target "at least ``level``" on the indicator ``of`` (达到、不低于).

    ``of`` names the indicator (a code or a definition); leave it out for a
    target an `IndicatorDefinition` carries. ``period`` is the period the
    target is due for (``None``: standing, or a plan goal's target, due at
    the goal's deadline month).

    Raises:
        ArgumentError: ``level`` is not a number with a unit the function
            reads, a percentage is above 100%, the code is empty or longer
            than 64 characters, or the baseline is out of range.
        TypeError: ``level`` is not text, or ``of``, ``baseline`` or ``period``
            of the wrong type.

    Examples:
        >>> t = at_least("90%", of="survey_satisfaction")
        >>> t.comparator.value, t.value, t.unit.value
        ('at_least', 90.0, 'percent')
        >>> at_least("九成", of="survey_satisfaction")
        Traceback (most recent call last):
        ...
        socialwork.errors.ArgumentError: level must be a level such as '90%', '15人', '3项', \
'20小时' or '5000元' (a number with at most 15 digits, then a unit); got '九成'
    """
    return _level_target(Comparator.AT_LEAST, level, of, baseline, period)


def at_most(
    level: str,
    *,
    of: str | Coded | None = None,
    baseline: float | None = None,
    period: Period | None = None,
) -> Target:
    """Return the target "at most ``level``" on the indicator ``of`` (不高于、控制在).

    Raises:
        ArgumentError: as `at_least`.
        TypeError: as `at_least`.

    Examples:
        >>> at_most("10%", of="staff_turnover").describe("en")
        'staff_turnover ≤ 10%'
    """
    return _level_target(Comparator.AT_MOST, level, of, baseline, period)


def exactly(
    level: str,
    *,
    of: str | Coded | None = None,
    baseline: float | None = None,
    period: Period | None = None,
) -> Target:
    """Return the target "exactly ``level``" on the indicator ``of`` (每季度开展一次).

    Raises:
        ArgumentError: as `at_least`.
        TypeError: as `at_least`.

    Examples:
        >>> exactly("4次", of="cohesion_events").describe()
        'cohesion_events = 4'
    """
    return _level_target(Comparator.EXACTLY, level, of, baseline, period)


def _change_target(
    comparator: Comparator,
    points: float | None,
    percent: float | None,
    of: str | Coded | None,
    baseline: float | None,
    unit: TargetUnit | str,
    period: Period | None,
) -> Target:
    if (points is None) == (percent is None):
        raise ArgumentError(
            "points/percent",
            (points, percent),
            "exactly one of points= (percentage points) or percent= (relative change)",
        )
    size = points if points is not None else percent
    if isinstance(size, bool) or not isinstance(size, int | float):
        raise TypeError(f"the change must be a number; got {type(size).__name__}")
    if not 0 <= size <= 1e6:
        raise ArgumentError("points" if points is not None else "percent", size, "from 0 to 1e6")
    if points is not None and size > 100:
        raise ArgumentError("points", size, "at most 100 percentage points")
    base = _baseline(baseline)
    kind = require_member(TargetUnit, unit, "unit")
    if points is not None and kind is not TargetUnit.PERCENT:
        raise ArgumentError("unit", unit, "percent for a change in percentage points")
    top = _SCALES.get(kind)
    if top is not None and base is not None and not 0 <= base <= top:
        raise ArgumentError("baseline", baseline, f"a figure from 0 to {top} in {kind.value}")
    return Target(
        indicator=_code(of),
        comparator=comparator,
        value=float(size),
        unit=kind,
        change=ChangeKind.POINTS if points is not None else ChangeKind.RELATIVE,
        baseline=base,
        period=_period(period),
    )


def increase_by(
    *,
    points: float | None = None,
    percent: float | None = None,
    of: str | Coded | None = None,
    baseline: float | None = None,
    unit: TargetUnit | str = TargetUnit.PERCENT,
    period: Period | None = None,
) -> Target:
    """Return the target "raise ``of`` by ``points`` percentage points or ``percent`` percent".

    Exactly one of ``points`` (percentage points: 60% → 70% is 10 points) and
    ``percent`` (relative: 60 → 66 is 10 percent) is given: "提升10%" says
    neither, so the caller must choose. ``unit`` is the indicator's unit
    (a percentage unless said otherwise; points need a percentage).

    Raises:
        ArgumentError: both or neither of ``points`` and ``percent``, a
            negative or huge change, more than 100 points, or a bad
            baseline or code.
        TypeError: a change or baseline that is not a number.

    Examples:
        >>> t = increase_by(points=10, of="participation", baseline=55)
        >>> t.change.value, t.level_for_review()
        ('points', 65.0)
        >>> increase_by(of="participation")
        Traceback (most recent call last):
        ...
        socialwork.errors.ArgumentError: points/percent must be exactly one of points= \
(percentage points) or percent= (relative change); got (None, None)
    """
    return _change_target(Comparator.AT_LEAST, points, percent, of, baseline, unit, period)


def decrease_by(
    *,
    points: float | None = None,
    percent: float | None = None,
    of: str | Coded | None = None,
    baseline: float | None = None,
    unit: TargetUnit | str = TargetUnit.PERCENT,
    period: Period | None = None,
) -> Target:
    """Return the target "lower ``of`` by ``points`` points or ``percent`` percent".

    Raises:
        ArgumentError: as `increase_by`.
        TypeError: as `increase_by`.

    Examples:
        >>> decrease_by(percent=20, of="overdue_follow_ups", baseline=10).level_for_review()
        8.0
    """
    return _change_target(Comparator.AT_MOST, points, percent, of, baseline, unit, period)
