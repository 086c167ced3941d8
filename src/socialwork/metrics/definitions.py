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

from collections.abc import Iterable
from datetime import timedelta
from decimal import Decimal
from typing import Annotated, Any, Literal, Self, TypeAlias

from pydantic import Field, model_validator

from socialwork._arguments import MAX_DECIMALS, require_figure, require_instance
from socialwork.display.chart import Chart
from socialwork.labels import LabelledEnum, Language, canonical_language, select_language
from socialwork.metrics.rates import Rate
from socialwork.metrics.status import Judgement, judge
from socialwork.metrics.targets import Baseline, Comparator, Target, TargetUnit
from socialwork.models import BilingualText, Period
from socialwork.records import Count, Id, Record, break_rule

__all__ = [
    "Direction",
    "IndicatorDefinition",
    "RbaQuadrant",
]

_UNITS = {
    100: (TargetUnit.PERCENT,),
    1000: (TargetUnit.PER_MILLE,),
    1: (TargetUnit.COUNT, TargetUnit.HOURS, TargetUnit.CNY),
}

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
    lies from 0 to ``factor``. Each target is the definition's own: it names
    no other indicator (rule ``target_other_indicator``), its unit is the
    definition's (percent for ``factor`` 100, per mille for 1000, a count,
    hours or money for 1; rule ``target_unit_mismatch``), and its comparator
    goes the definition's way (``at_least`` when higher is better,
    ``at_most`` when lower is; ``exactly`` either way; rule
    ``target_against_direction``).

    Examples:
        >>> from socialwork.metrics.catalogue import indicator
        >>> files = indicator("file_completeness").definition
        >>> files.format(27 / 32), files.target_for(None).describe()
        ('84.4%', '≥ 100%')
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
        if self.factor > 1 and self.baseline is not None:
            value = self.baseline.value
            if not 0 <= value <= self.factor:
                break_rule(
                    "IndicatorDefinition",
                    ("baseline", "value"),
                    "target_out_of_range",
                    "a baseline or target of a figure shown with factor {factor} must lie "
                    "from 0 to {factor}; got {value}",
                    value,
                    factor=self.factor,
                    value=value,
                )
        for i, target in enumerate(self.targets):
            self._check_target(i, target)
        return self

    def _check_target(self, i: int, target: Target) -> None:
        if target.indicator is not None and target.indicator != self.code:
            break_rule(
                "IndicatorDefinition",
                ("targets", i, "indicator"),
                "target_other_indicator",
                "a definition's target is its own: indicator {code} or none; got {indicator}",
                target.indicator,
                code=self.code,
                indicator=target.indicator,
            )
        units = _UNITS[self.factor]
        if target.unit not in units:
            break_rule(
                "IndicatorDefinition",
                ("targets", i, "unit"),
                "target_unit_mismatch",
                "a target of a figure shown with factor {factor} is in {units}; got {unit}",
                target.unit.value,
                factor=self.factor,
                units=" or ".join(u.value for u in units),
                unit=target.unit.value,
            )
        wrong = (
            Comparator.AT_MOST
            if self.direction is Direction.HIGHER_IS_BETTER
            else Comparator.AT_LEAST
        )
        if target.comparator is wrong:
            break_rule(
                "IndicatorDefinition",
                ("targets", i, "comparator"),
                "target_against_direction",
                "a target of an indicator where {direction} cannot be {comparator}",
                target.comparator.value,
                direction=self.direction.value.replace("_", " "),
                comparator=target.comparator.value,
            )

    def scaled(self, value: Measure) -> float | None:
        """Return ``value`` in display units (a rate times ``factor``), ``None`` if undefined.

        Raises:
            ArgumentError: ``value`` is a NaN, infinite or huge number.

        Examples:
            >>> from socialwork.metrics import rate
            >>> from socialwork.metrics.catalogue import indicator
            >>> coverage = indicator("key_group_coverage").definition
            >>> hours = indicator("volunteer_hours").definition
            >>> coverage.scaled(rate(51, 60)), hours.scaled(100)
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
            >>> from socialwork.metrics.catalogue import indicator
            >>> coverage = indicator("key_group_coverage").definition
            >>> hours = indicator("volunteer_hours").definition
            >>> coverage.format(rate(51, 60)), hours.format(100, "en"), hours.format(1, "en")
            ('85.0% (51/60)', '100 hours', '1 hour')
        """
        suffix = self._suffix(language)
        scaled = self.scaled(value)
        if scaled is None:
            return "n/a"
        number = f"{scaled:.{self.decimals}f}"
        if number == "1" and suffix.endswith("s") and canonical_language(language) == "en":
            suffix = suffix[:-1]  # 1 case, 1 client, 1 hour
        text = number + suffix
        if isinstance(value, Rate):
            text += f" ({value.numerator}/{value.denominator})"
        return text

    def format_change(self, change: float, language: Language | str = "zh") -> str:
        """Return a change in display units, signed: percentage points for a percentage.

        Raises:
            ArgumentError: ``change`` is a NaN, infinite or huge number.
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> from socialwork.metrics.catalogue import indicator
            >>> coverage = indicator("key_group_coverage").definition
            >>> overdue = indicator("overdue_follow_ups").definition
            >>> coverage.format_change(5.0), coverage.format_change(-2, "en")
            ('+5.0 个百分点', '-2.0 pp')
            >>> overdue.format_change(3), coverage.format_change(1, "zh-TW")
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
            >>> from socialwork.metrics.catalogue import indicator
            >>> coverage = indicator("key_group_coverage").definition
            >>> coverage.target_for(Period.month(2025, 6)).value
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

    def progress(self, period: Period) -> float:
        """Return the share of the time to the due date of ``period``'s target gone at its end.

        From 0 to 1: 1 for a standing target (or none) and from the target's
        due date (its period's end) on; before, the days from the baseline
        (the day before the target's period when there is no baseline) to
        ``period.end``, over the days from the baseline to the due date.

        Raises:
            TypeError: ``period`` is not a `Period`.

        Examples:
            >>> from datetime import date
            >>> from socialwork.metrics import Baseline, at_least
            >>> from socialwork.metrics.catalogue import indicator
            >>> coverage = indicator("key_group_coverage").definition
            >>> from socialwork.models import Period
            >>> from socialwork.records import replace
            >>> plan = replace(coverage,
            ...                baseline=Baseline(value=70, on=date(2024, 12, 31)),
            ...                targets=(at_least("95%", period=Period.year(2025)),))
            >>> round(plan.progress(Period.month(2025, 6)), 3)  # 181 of 365 days
            0.496
        """
        period = require_instance(Period, period, "period")
        target = self.target_for(period)
        if target is None or target.period is None:
            return 1.0
        due = target.period.end
        begin = target.period.start - timedelta(days=1)
        if self.baseline is not None:
            begin = self.baseline.on
        if period.end >= due or begin >= due:
            return 1.0
        return max(0, (period.end - begin).days) / (due - begin).days

    def judge(self, value: Measure, period: Period) -> Judgement:
        """Judge ``value`` for ``period`` against the target that applies to it.

        This is `socialwork.metrics.status.judge` with the target of
        `target_for`, the value in display units (`scaled`, a rate kept for
        its interval), the definition's baseline and ``decimals``, and the
        `progress` at the end of ``period``: the same rule as a plan review's.

        Raises:
            ArgumentError: ``value`` is a NaN, infinite or huge number.
            TypeError: ``period`` is not a `Period`.

        Examples:
            >>> from datetime import date
            >>> from socialwork.metrics import Baseline, at_least, rate
            >>> from socialwork.metrics.catalogue import indicator
            >>> coverage = indicator("key_group_coverage").definition
            >>> from socialwork.models import Period
            >>> from socialwork.records import replace
            >>> plan = replace(coverage,
            ...                baseline=Baseline(value=70, on=date(2024, 12, 31)),
            ...                targets=(at_least("95%", period=Period.year(2025)),))
            >>> plan.judge(rate(51, 60), Period.month(2025, 6)).status.value
            'on_track'
            >>> plan.judge(rate(0, 0), Period.month(2025, 6)).status.value
            'no_data'
            >>> plan.judge(rate(51, 60), Period.month(2026, 6)).status.value
            'no_target'
        """
        measured = value if isinstance(value, Rate) else self.scaled(value)
        return judge(
            self.target_for(period),
            measured,
            progress=self.progress(period),
            baseline=None if self.baseline is None else self.baseline.value,
            decimals=self.decimals,
        )

    def reaches(self, scaled: float, goal: float) -> bool:
        """Whether ``scaled`` is at ``goal`` or better, compared at ``decimals`` places.

        Raises:
            ArgumentError: ``scaled`` or ``goal`` is a NaN, infinite or huge number.

        Examples:
            >>> from socialwork.metrics.catalogue import indicator
            >>> coverage = indicator("key_group_coverage").definition
            >>> overdue = indicator("overdue_follow_ups").definition
            >>> coverage.reaches(95.04, 95), overdue.reaches(1, 0)
            (True, False)
        """
        shown = round(require_figure(scaled, "scaled"), self.decimals)
        wanted = round(require_figure(goal, "goal"), self.decimals)
        if self.direction is Direction.HIGHER_IS_BETTER:
            return shown >= wanted
        return shown <= wanted

    def trend_chart(
        self, points: Iterable[tuple[Period, Measure]], language: Language | str = "zh"
    ) -> Chart:
        """Return an indicator's values over periods, with its target and Wilson band.

        ``points`` are pairs of a period and the indicator's value in it, in
        any order (they are drawn by period start). A rate gets its 95% Wilson
        interval as a band; the target that applies to each period
        (`IndicatorDefinition.target_for`) is drawn as a dashed line.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> from socialwork.metrics import rate
            >>> from socialwork.metrics.catalogue import indicator
            >>> coverage = indicator("key_group_coverage").definition
            >>> chart = coverage.trend_chart(
            ...     [(Period.month(2025, 6), rate(51, 60)), (Period.month(2025, 5), rate(48, 60))],
            ... )
            >>> [(v["period"], v["value"], v["target"])
            ...  for v in chart.to_dict()["data"]["values"]]
            [('2025-05-01', 80.0, 95.0), ('2025-06-01', 85.0, 95.0)]
        """
        script = canonical_language(language)
        values = []
        for period, value in sorted(points, key=lambda p: (p[0].start, p[0].end)):
            target = self.target_for(period)
            scaled = self.scaled(value)
            point: dict[str, Any] = {
                "period": period.start.isoformat(),
                "value": None if scaled is None else round(float(scaled), 4),
                "low": None,
                "high": None,
                "label": self.format(value, script),
                "target": None if target is None else float(target.value),
            }
            if isinstance(value, Rate) and value.denominator:
                low, high = value.wilson()
                point["low"] = round(low * self.factor, 4)
                point["high"] = round(high * self.factor, 4)
            values.append(point)
        month = select_language(script, "统计期", "Period", "統計期")
        unit = {100: "%", 1000: "‰"}.get(self.factor, "")
        name = self.name.text(script)
        x = {
            "field": "period",
            "type": "temporal",
            "title": month,
            "timeUnit": "yearmonth",
            "axis": {"format": "%Y-%m"},
        }
        return Chart.vega_lite(
            name,
            script,
            width=420,
            data={"values": values},
            encoding={"x": x},
            layer=[
                {
                    "mark": {"type": "area", "opacity": 0.2, "color": "#4c78a8"},
                    "encoding": {
                        "y": {"field": "low", "type": "quantitative"},
                        "y2": {"field": "high"},
                    },
                },
                {
                    "mark": {"type": "line", "point": True, "color": "#4c78a8"},
                    "encoding": {
                        "y": {
                            "field": "value",
                            "type": "quantitative",
                            "title": f"{name} {unit}".strip(),
                        },
                        "tooltip": [
                            {
                                "field": "period",
                                "type": "temporal",
                                "timeUnit": "yearmonth",
                                "title": month,
                            },
                            {"field": "label", "title": name},
                        ],
                    },
                },
                {
                    "mark": {"type": "line", "strokeDash": [6, 4], "color": "#d62728"},
                    "encoding": {"y": {"field": "target", "type": "quantitative"}},
                },
            ],
        )
