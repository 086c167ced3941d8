"""Plan reviews (计划监测评估): each goal's measured value against its target and trajectory.

`review_plan` judges every goal of a `WorkPlan` on a day: the latest
measurement of its indicator in the plan up to that day, the target level,
the level expected on a straight trajectory from the baseline (at the
plan's start) to the target (at the goal's deadline month), and a status.
`milestone_review` does the same on a milestone's due date (the mid-term
review of month 6, the annual evaluation of month 12).

Measurements are `Measurement` values: the user's own figures, or the
lines of the monthly reports of the plan's months (`measurements_from_reports`).
Each goal takes the latest figure of its indicator (see `review_plan`).

A review shows itself in a notebook (`PlanReview.to_markdown`,
`PlanReview.chart`) and becomes a record for JSON with
`PlanReview.to_record` (`PlanReviewRecord`, `GoalReviewRecord`,
`MeasurementRecord`). Figures kept as JSON come back as measurements
through `MeasurementRecord.measurement`.

Statuses (`ReviewStatus`):

- ``achieved``: the measured value meets the target level.
- ``on_track``: it meets the trajectory's expected level.
- for a rate below the trajectory, the 95% Wilson interval decides:
  ``off_track`` only when the whole interval is on the wrong side of the
  expected level, else ``not_distinguishable`` (a small sample does not
  condemn a project);
- for a plain number below the trajectory: ``at_risk`` while the goal is
  not due and at least half the expected progress is made, else
  ``off_track``.
- ``not_yet_due``: no plan month has ended yet on the review day.
- ``no_data``: no measurement of the indicator (or an undefined rate), or a
  change target without a baseline.
- ``no_target``: the goal has no typed target.

Examples:
    >>> from datetime import date
    >>> from socialwork.metrics import rate
    >>> from socialwork.models import Period
    >>> from socialwork.plans import PlanKind, plan_template
    >>> plan = plan_template(PlanKind.COMMUNITY_ANNUAL).work_plan(id="c", start=date(2025, 1, 1))
    >>> june = Period.month(2025, 6)
    >>> figures = [Measurement("survey_satisfaction", june, rate(46, 50)),
    ...            Measurement("key_group_coverage", june, rate(51, 60))]
    >>> review = milestone_review(plan, figures, "mid")
    >>> [(g.goal_id, g.status.value) for g in review.goals]
    [('coverage', 'off_track'), ('volunteers', 'no_data'), ('satisfaction', 'achieved')]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal
from typing import Any, Self

from attrs import field, frozen
from dateutil.relativedelta import relativedelta
from pydantic import model_validator

from socialwork import display
from socialwork._arguments import require_day, require_member
from socialwork.display import Displayable
from socialwork.errors import ArgumentError, UnknownCodeError
from socialwork.labels import LabelledEnum, Language, Script, canonical_language, select_language
from socialwork.metrics.rates import Rate
from socialwork.metrics.report import MonthlyReport
from socialwork.metrics.survey import WilsonInterval
from socialwork.metrics.targets import Figure
from socialwork.models import Period
from socialwork.plans.goals import PlanGoal
from socialwork.plans.phases import Milestone
from socialwork.plans.targets import Comparator, GoalTarget
from socialwork.plans.workplan import WorkPlan
from socialwork.records import (
    Count,
    Day,
    Id,
    Record,
    Share,
    Text,
    break_rule,
    check_part,
    check_unique,
)

__all__ = [
    "GoalReview",
    "GoalReviewRecord",
    "Measurement",
    "MeasurementRecord",
    "PlanReview",
    "PlanReviewRecord",
    "ReviewStatus",
    "measurements_from_reports",
    "milestone_review",
    "review_plan",
]


class ReviewStatus(LabelledEnum):
    """Where a goal stands at a review (目标进展状态)."""

    ACHIEVED = "achieved", "已达成", "Achieved", "已達成"
    ON_TRACK = "on_track", "进度正常", "On track", "進度正常"
    AT_RISK = "at_risk", "存在风险", "At risk", "存在風險"
    OFF_TRACK = "off_track", "进度落后", "Off track", "進度落後"
    NOT_DISTINGUISHABLE = (
        "not_distinguishable",
        "样本不足以判断",
        "Not distinguishable",
        "樣本不足以判斷",
    )
    NOT_YET_DUE = "not_yet_due", "尚未到期", "Not yet due", "尚未到期"
    NO_DATA = "no_data", "无数据", "No data", "無數據"
    NO_TARGET = "no_target", "无目标", "No target", "無目標"


def _status(value: ReviewStatus | str) -> ReviewStatus:
    return require_member(ReviewStatus, value, "status")


def _measure(value: Rate | float | Decimal | None) -> Rate | float | None:
    if isinstance(value, bool) or not isinstance(value, Rate | int | float | Decimal | None):
        raise TypeError(f"value must be a Rate, a number or None; got {type(value).__name__}")
    if isinstance(value, Rate) or value is None:
        return value
    if isinstance(value, Decimal) and not value.is_finite():
        raise ArgumentError("value", value, "a finite number of at most 1e15 in size")
    if not -(10**15) <= value <= 10**15:
        raise ArgumentError("value", value, "a finite number of at most 1e15 in size")
    return float(value)


def _period_text(period: Period) -> str:
    """``2025-06`` for a calendar month, ``2025-01-01–2025-06-30`` for any other period."""
    start, end = period.start, period.end
    if start.day == 1 and end == start + relativedelta(months=1) - timedelta(days=1):
        return f"{start:%Y-%m}"
    return f"{start}–{end}"


@frozen
class Measurement:
    """A measured value of an indicator over a period: a `Rate`, a number or ``None``.

    Numbers are in display units (90 for 90%, 15 for 15 volunteers) and are
    kept as floats; a rate keeps its counts, which the review's Wilson
    interval uses. ``None`` (or a rate of nobody, ``rate(0, 0)``) says the
    period has no figure for the indicator.

    Raises:
        ArgumentError: a number is NaN, infinite or above 1e15 in size.
        TypeError: ``value`` is neither a `Rate`, a number nor ``None``.

    Examples:
        >>> from socialwork.metrics import rate
        >>> from socialwork.models import Period
        >>> m = Measurement("survey_satisfaction", Period.month(2025, 6), rate(46, 50))
        >>> m.percent, m
        (92.0, Measurement('survey_satisfaction', 2025-06, 92.0% (46/50)))
    """

    indicator: str
    period: Period
    value: Rate | float | None = field(converter=_measure)

    @property
    def percent(self) -> float | None:
        """The value in display units: a rate in percent, a number as it is."""
        if isinstance(self.value, Rate):
            return self.value.percent
        return self.value

    def __repr__(self) -> str:
        """A short form: indicator, period and value."""
        value = "None" if self.value is None else _number(self)
        return f"Measurement({self.indicator!r}, {_period_text(self.period)}, {value})"

    def to_record(self) -> MeasurementRecord:
        """Return the measurement as a `MeasurementRecord` (a rate by its counts).

        What a rate excluded is kept as a count (``excluded``), not record by record.

        Raises:
            ValidationError: the indicator is not an id of 1 to 64 characters.

        Examples:
            >>> from socialwork.metrics import rate
            >>> from socialwork.models import Period
            >>> r = Measurement("x", Period.month(2025, 6), rate(46, 50)).to_record()
            >>> r.numerator, r.denominator, r.value
            (46, 50, None)
        """
        if isinstance(self.value, Rate):
            return MeasurementRecord(
                indicator=self.indicator,
                period=self.period,
                numerator=self.value.numerator,
                denominator=self.value.denominator,
                excluded=len(self.value.exclusions),
            )
        return MeasurementRecord(indicator=self.indicator, period=self.period, value=self.value)


def _number(measured: Measurement) -> str:
    if isinstance(measured.value, Rate):
        return measured.value.format(1)
    if measured.value is None:
        return "n/a"
    return f"{measured.value:.1f}".removesuffix(".0")


def measurements_from_reports(reports: Iterable[MonthlyReport]) -> tuple[Measurement, ...]:
    """Return every line of monthly reports as measurements, one per line and report.

    Give the reports of the plan's months (``monthly_report`` of each month);
    `review_plan` then takes, for each goal, the latest month that has a
    figure. A rate stays a rate (its counts give the interval); a number is
    taken in display units (``definition.scaled``). A line without a figure
    (an undefined rate, no data) becomes a measurement of ``None``: it says
    that month had no figure and never hides an earlier month's figure.
    Monthly figures are not added up: a goal counted over the whole plan
    (15 new volunteers in the year) needs the cumulative figure, as the
    user's own `Measurement` over the months so far.

    Raises:
        TypeError: an item is not a `socialwork.metrics.report.MonthlyReport`.

    Examples:
        >>> from socialwork.metrics import monthly_report
        >>> from socialwork.samples import station_month, station_previous_month
        >>> may, june = station_previous_month(), station_month()
        >>> found = measurements_from_reports(
        ...     [monthly_report(may, may.period), monthly_report(june, june.period)])
        >>> [m.period.start.month for m in found if m.indicator == "key_group_coverage"]
        [5, 6]
    """
    found = []
    for report in reports:
        if not isinstance(report, MonthlyReport):
            raise TypeError(f"reports must be MonthlyReport values; got {type(report).__name__}")
        for line in report.lines:
            value = line.value
            if not isinstance(value, Rate):
                value = line.definition.scaled(value)
            found.append(Measurement(line.definition.code, report.period, value))
    return tuple(found)


class MeasurementRecord(Record):
    """A measurement as a record: a number in display units, or a rate's counts.

    Give ``value`` for a number, or ``numerator`` and ``denominator`` for a
    rate (``excluded`` counts what the rate left out); neither says the
    period had no figure (rule ``measurement_value_conflict``; a numerator
    above its denominator breaks ``part_above_total``).

    Examples:
        >>> from socialwork.models import Period
        >>> june = Period.month(2025, 6)
        >>> MeasurementRecord(indicator="new_volunteers", period=june, value=8).value
        8.0
    """

    indicator: Id
    period: Period
    value: Figure | None = None
    numerator: Count | None = None
    denominator: Count | None = None
    excluded: Count = 0

    @property
    def measurement(self) -> Measurement:
        """The `Measurement` a review takes: a rate from the counts, else the number.

        The rate has no exclusions (the record keeps only their count).

        Examples:
            >>> from socialwork.models import Period
            >>> record = MeasurementRecord(indicator="x", period=Period.month(2025, 6),
            ...                            numerator=46, denominator=50)
            >>> record.measurement
            Measurement('x', 2025-06, 92.0% (46/50))
        """
        if self.numerator is not None and self.denominator is not None:
            return Measurement(self.indicator, self.period, Rate(self.numerator, self.denominator))
        return Measurement(self.indicator, self.period, self.value)

    @model_validator(mode="after")
    def _one_kind_of_value(self) -> Self:
        counts = (self.numerator is None, self.denominator is None)
        if counts[0] != counts[1] or (self.value is not None and not counts[0]):
            loc = ("value",) if self.value is not None and not any(counts) else ("numerator",)
            break_rule(
                "MeasurementRecord",
                loc,
                "measurement_value_conflict",
                "a measurement is a number (value) or a rate (numerator and denominator), "
                "not both and not one count alone",
                self.value,
            )
        if self.numerator is not None and self.denominator is not None:
            check_part(
                "MeasurementRecord",
                ("numerator",),
                "numerator",
                self.numerator,
                "denominator",
                self.denominator,
            )
        return self


class GoalReviewRecord(Record):
    """A goal's review as a record: the JSON form of `GoalReview`.

    ``target_level`` and ``expected`` are in the target's display units;
    ``interval_low`` and ``interval_high`` bound the 95% Wilson interval of
    a measured rate as shares (0.258 for 25.8%): both or neither, low first
    (rule ``interval_bounds``).

    Examples:
        >>> record = GoalReviewRecord(goal_id="g1", statement="提升满意度", status="no_target")
        >>> record.status.label()
        '无目标'
    """

    goal_id: Id
    statement: Text
    status: ReviewStatus
    target: GoalTarget | None = None
    measurement: MeasurementRecord | None = None
    target_level: Figure | None = None
    expected: Figure | None = None
    interval_low: Share | None = None
    interval_high: Share | None = None

    @model_validator(mode="after")
    def _interval(self) -> Self:
        low, high = self.interval_low, self.interval_high
        if (low is None) != (high is None) or (low is not None and high is not None and low > high):
            break_rule(
                "GoalReviewRecord",
                ("interval_high",),
                "interval_bounds",
                "a review's interval needs both bounds, the low one first; got {low} and {high}",
                high,
                low=low,
                high=high,
            )
        return self


class PlanReviewRecord(Record):
    """A plan's review as a record: the JSON form of `PlanReview`, goal ids distinct.

    Examples:
        >>> from datetime import date
        >>> PlanReviewRecord(plan_id="p", title="计划", as_of=date(2025, 6, 30),
        ...                  months_elapsed=6).goals
        ()
    """

    plan_id: Id
    title: Text
    as_of: Day
    months_elapsed: Count
    milestone: Milestone | None = None
    goals: tuple[GoalReviewRecord, ...] = ()

    @model_validator(mode="after")
    def _unique_goals(self) -> Self:
        check_unique("PlanReviewRecord", "goals", (g.goal_id for g in self.goals))
        return self


@frozen
class GoalReview(Displayable):
    """One goal at a review: what was measured, the target, the trajectory and the status.

    ``target_level`` and ``expected`` are in the target's display units
    (``None`` without a typed target, or for a change without a baseline);
    ``interval`` is the 95% Wilson interval of a measured rate.

    Examples:
        >>> review = GoalReview("g1", "提升满意度", None, None, None, None, None, "no_target")
        >>> review.status.label(), review
        ('无目标', GoalReview('g1', no_target))
    """

    goal_id: str
    statement: str
    target: GoalTarget | None
    measurement: Measurement | None
    target_level: float | None
    expected: float | None
    interval: WilsonInterval | None
    status: ReviewStatus = field(converter=_status)

    def __repr__(self) -> str:
        """A short form: the goal, what was measured against what, and the status."""
        if self.target is None:
            return f"GoalReview({self.goal_id!r}, {self.status.value})"
        measured = "n/a" if self.measurement is None else _number(self.measurement)
        wanted = _wanted(self, "en")
        return f"GoalReview({self.goal_id!r}, {measured} vs {wanted}: {self.status.value})"

    def to_markdown(self, language: Language | str = "zh") -> str:
        """Return the goal's line as a one-row Markdown table, as in the plan's review.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> review = GoalReview("g1", "提升满意度", None, None, None, None, None, "no_target")
            >>> print(review.to_markdown("en").splitlines()[-1])
            | 提升满意度 | — | n/a | — | — | — | — | No target |
        """
        script = canonical_language(language)
        header = _WORDS[script]["header"].split("|")
        return display.markdown_table(header, [_row(self, script)]) + "\n"

    def to_record(self) -> GoalReviewRecord:
        """Return the goal's review as a `GoalReviewRecord`.

        Raises:
            ValidationError: a value is beyond what the record holds (an id
                longer than 64 characters, a blank statement, a figure above 1e15).

        Examples:
            >>> review = GoalReview("g1", "提升满意度", None, None, None, None, None, "no_target")
            >>> review.to_record().status, review.to_record().measurement
            (<ReviewStatus.NO_TARGET: 'no_target' 无目标>, None)
        """
        interval = self.interval
        return GoalReviewRecord(
            goal_id=self.goal_id,
            statement=self.statement,
            status=self.status,
            target=self.target,
            measurement=None if self.measurement is None else self.measurement.to_record(),
            target_level=self.target_level,
            expected=self.expected,
            interval_low=None if interval is None else interval.low,
            interval_high=None if interval is None else interval.high,
        )


@frozen
class PlanReview(Displayable):
    """A plan's goals judged on a day, after ``months_elapsed`` whole plan months.

    In a notebook it shows itself as its table (in Simplified Chinese;
    `to_markdown` takes another language), and ``chart`` draws each goal's
    measured value against its trajectory and target.

    Examples:
        >>> from datetime import date
        >>> from socialwork.plans import PlanKind, plan_template
        >>> plan = plan_template(PlanKind.YOUTH).work_plan(id="y", start=date(2025, 1, 1))
        >>> review = review_plan(plan, [], as_of=date(2025, 6, 30))
        >>> review.months_elapsed, review.goal("emotion").status.value
        (6, 'no_data')
        >>> review
        PlanReview('y', 2025-06-30, month 6 (mid): 4 no_data)
    """

    plan_id: str
    title: str
    as_of: date
    months_elapsed: int
    milestone: Milestone | None
    goals: tuple[GoalReview, ...]

    def __repr__(self) -> str:
        """A one-line summary: plan, day, months done, milestone and goals by status."""
        counts = Counter(g.status for g in self.goals)
        statuses = ", ".join(f"{counts[s]} {s.value}" for s in ReviewStatus if counts[s])
        milestone = "" if self.milestone is None else f" ({self.milestone.id})"
        return (
            f"PlanReview({self.plan_id!r}, {self.as_of}, month {self.months_elapsed}"
            f"{milestone}: {statuses or 'no goals'})"
        )

    def goal(self, goal_id: str) -> GoalReview:
        """Return the review of the goal ``goal_id``.

        Raises:
            UnknownCodeError: no goal has that id; the message lists them.

        Examples:
            >>> from datetime import date
            >>> from socialwork.plans import PlanKind, plan_template
            >>> plan = plan_template(PlanKind.YOUTH).work_plan(id="y", start=date(2025, 1, 1))
            >>> review_plan(plan, [], as_of=date(2025, 1, 15)).goal("emotion").status.value
            'not_yet_due'
        """
        for review in self.goals:
            if review.goal_id == goal_id:
                return review
        raise UnknownCodeError("goal_id", goal_id, [g.goal_id for g in self.goals])

    def to_record(self) -> PlanReviewRecord:
        """Return the review as a `PlanReviewRecord`, for JSON and other programs.

        Raises:
            ValidationError: a value is beyond what the record holds (see
                `GoalReview.to_record`), or two goals share an id.

        Examples:
            >>> from datetime import date
            >>> from socialwork.plans import PlanKind, plan_template
            >>> plan = plan_template(PlanKind.YOUTH).work_plan(id="y", start=date(2025, 1, 1))
            >>> record = review_plan(plan, [], as_of=date(2025, 6, 30)).to_record()
            >>> record.milestone.id, [g.status.value for g in record.goals][:2]
            ('mid', ['no_data', 'no_data'])
            >>> PlanReviewRecord.model_validate_json(record.model_dump_json()) == record
            True
        """
        return PlanReviewRecord(
            plan_id=self.plan_id,
            title=self.title,
            as_of=self.as_of,
            months_elapsed=self.months_elapsed,
            milestone=self.milestone,
            goals=tuple(g.to_record() for g in self.goals),
        )

    def to_markdown(self, language: Language | str = "zh") -> str:
        """Return the review as a Markdown table in zh-Hans (default), zh-Hant or English.

        Each row shows a goal, its indicator, the figure used and the period
        it covers, the target, the level expected now on the trajectory, the
        95% interval of a rate and the status. Names are written as they
        are, but for ``|`` (escaped) and line breaks (turned into spaces).

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> from datetime import date
            >>> from socialwork.plans import PlanKind, plan_template
            >>> plan = plan_template(PlanKind.YOUTH).work_plan(id="y", start=date(2025, 1, 1))
            >>> review = review_plan(plan, [], as_of=date(2025, 6, 30))
            >>> print(review.to_markdown("en").splitlines()[0])
            # 青少年成长支持专项社工工作计划: review on 2025-06-30
        """
        script = canonical_language(language)
        words = _WORDS[script]
        out = [f"# {_inline(self.title)}{words['review_on']} {self.as_of}", ""]
        when = f"{words['months']}: {self.months_elapsed}"
        if self.milestone is not None:
            kind, name = self.milestone.kind.label(script), _inline(self.milestone.name)
            when += (
                f" ({kind})"
                if name in (kind, self.milestone.kind.label())
                else f" ({kind}, {name})"
            )
        out += [when, ""]
        header = words["header"].split("|")
        out.append(display.markdown_table(header, [_row(g, script) for g in self.goals]))
        return "\n".join(out) + "\n"

    def chart(self, language: Language | str = "zh") -> dict[str, Any]:
        """Return each goal's measured value, interval, expected level and target (Vega-Lite v5).

        One row per goal with a typed target, each on its own scale (goals
        measure different things): a point for the measured value, a bar
        for the 95% interval of a rate, a grey tick for the level expected
        now and a red tick for the target level. The point's colour is the
        status.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> from datetime import date
            >>> from socialwork.metrics import rate
            >>> from socialwork.models import Period
            >>> from socialwork.plans import PlanKind, plan_template
            >>> plan = plan_template(PlanKind.COMMUNITY_ANNUAL).work_plan(id="c",
            ...                                                      start=date(2025, 1, 1))
            >>> found = [Measurement("survey_satisfaction", Period.month(2025, 6), rate(46, 50))]
            >>> spec = milestone_review(plan, found, "mid").chart("en")
            >>> [(v["goal"], v["value"], v["target"]) for v in spec["data"]["values"]][-1]
            ('satisfaction', 92.0, 90.0)
        """
        script = canonical_language(language)
        return _review_chart(self, script)


def _review_chart(review: PlanReview, script: Script) -> dict[str, Any]:
    values = []
    for goal in review.goals:
        if goal.target is None:
            continue
        measured = None if goal.measurement is None else goal.measurement.percent
        low = high = None
        if goal.interval is not None:
            low, high = round(100 * goal.interval.low, 4), round(100 * goal.interval.high, 4)
        values.append(
            {
                "goal": goal.goal_id,
                "statement": _inline(goal.statement),
                "value": None if measured is None else round(measured, 4),
                "low": low,
                "high": high,
                "expected": None if goal.expected is None else round(goal.expected, 4),
                "target": None if goal.target_level is None else round(goal.target_level, 4),
                "status": goal.status.label(script),
            }
        )
    words = _WORDS[script]
    header = words["header"].split("|")
    goal_word, measured_word, target_word = header[0], header[2], header[4]
    expected_word, status_word = header[5], header[7]
    x = {"type": "quantitative", "title": None, "scale": {"zero": False}}
    title = select_language(script, "目标进展", "Progress towards the goals", "目標進展")
    subtitle = select_language(
        script,
        "圆点: 实测; 蓝线: 95%区间; 灰色刻度: 轨迹预期; 红色刻度: 目标值",
        "dot: measured; blue line: 95% interval; grey tick: expected now; red tick: target",
        "圓點: 實測; 藍線: 95%區間; 灰色刻度: 軌跡預期; 紅色刻度: 目標值",
    )
    colours = [(status.label(script), colour) for status, colour in _COLOURS.items()]
    row = {
        "field": "goal",
        "type": "nominal",
        "title": goal_word,
        "sort": [v["goal"] for v in values],
        "header": {"labelAngle": 0, "labelAlign": "left"},
    }
    return {
        "$schema": display.VEGA_LITE_SCHEMA,
        "title": {
            "text": f"{title}: {_inline(review.title)} ({review.as_of})",
            "subtitle": subtitle,
        },
        "config": {"font": display._FONT},
        "data": {"values": values},
        "facet": {"row": row},
        "resolve": {"scale": {"x": "independent"}},
        "spec": {
            "width": 360,
            "height": 24,
            "layer": [
                {
                    "mark": {"type": "rule", "strokeWidth": 3, "color": "#9ecae1"},
                    "encoding": {"x": {"field": "low", **x}, "x2": {"field": "high"}},
                },
                {
                    "mark": {"type": "tick", "color": "#888", "thickness": 2},
                    "encoding": {"x": {"field": "expected", **x}},
                },
                {
                    "mark": {"type": "tick", "color": "#d62728", "thickness": 2},
                    "encoding": {"x": {"field": "target", **x}},
                },
                {
                    "mark": {"type": "point", "filled": True, "size": 80},
                    "encoding": {
                        "x": {"field": "value", **x},
                        "color": {
                            "field": "status",
                            "type": "nominal",
                            "title": status_word,
                            "scale": {
                                "domain": [label for label, _ in colours],
                                "range": [colour for _, colour in colours],
                            },
                        },
                        "tooltip": [
                            {"field": "statement", "title": goal_word},
                            {"field": "value", "title": measured_word},
                            {"field": "expected", "title": expected_word},
                            {"field": "target", "title": target_word},
                            {"field": "status", "title": status_word},
                        ],
                    },
                },
            ],
        },
    }


_COLOURS = {
    ReviewStatus.ACHIEVED: "#1a9850",
    ReviewStatus.ON_TRACK: "#66bd63",
    ReviewStatus.AT_RISK: "#f46d43",
    ReviewStatus.OFF_TRACK: "#d73027",
    ReviewStatus.NOT_DISTINGUISHABLE: "#878787",
    ReviewStatus.NOT_YET_DUE: "#bababa",
    ReviewStatus.NO_DATA: "#bababa",
    ReviewStatus.NO_TARGET: "#bababa",
}


_WORDS: dict[Script, dict[str, str]] = {
    "zh-Hans": {
        "review_on": " 监测评估,截至",
        "months": "已完成计划月数",
        "header": "目标|指标|实测|统计期|目标值|轨迹预期|95%区间|状态",
    },
    "zh-Hant": {
        "review_on": " 監測評估,截至",
        "months": "已完成計劃月數",
        "header": "目標|指標|實測|統計期|目標值|軌跡預期|95%區間|狀態",
    },
    "en": {
        "review_on": ": review on",
        "months": "Plan months completed",
        "header": "Goal|Indicator|Measured|Period|Target|Expected now|95% interval|Status",
    },
}


def _inline(text: str) -> str:
    return display._inline(text)


def _wanted(review: GoalReview, script: Script) -> str:
    target = review.target
    if target is None:
        return "—"
    if review.target_level is None:
        return target.describe(script)
    return f"{_SIGN[target.comparator]} {target.format_level(review.target_level, script)}"


def _row(review: GoalReview, script: Script) -> list[str]:
    target = review.target
    measured = review.measurement
    value = "n/a" if measured is None else _number(measured)
    period = "—" if measured is None else _period_text(measured.period)
    if target is None:
        return [review.statement, "—", value, period, "—", "—", "—", review.status.label(script)]
    expected = "—" if review.expected is None else target.format_level(review.expected, script)
    interval = "—"
    if review.interval is not None:
        interval = f"{100 * review.interval.low:.1f}–{100 * review.interval.high:.1f}%"
    return [
        review.statement,
        target.indicator,
        value,
        period,
        _wanted(review, script),
        expected,
        interval,
        review.status.label(script),
    ]


_SIGN = {Comparator.AT_LEAST: "≥", Comparator.AT_MOST: "≤", Comparator.EXACTLY: "="}


def _months_elapsed(plan: WorkPlan, as_of: date) -> int:
    """Whole plan months ended on or before ``as_of``."""
    elapsed = 0
    for k in range(1, max(plan.months, 1) + 1):
        if plan.start + relativedelta(months=k) - timedelta(days=1) > as_of:
            break
        elapsed = k
    return elapsed


def _latest(plan: WorkPlan, found: list[Measurement], code: str, as_of: date) -> Measurement | None:
    """The figure of ``code`` a review uses: see `review_plan`."""
    within = [
        m
        for m in found
        if m.indicator == code and m.period.start >= plan.start and m.period.end <= as_of
    ]
    by_period: dict[tuple[date, date], Measurement] = {}
    for item in within:
        key = (item.period.start, item.period.end)
        other = by_period.setdefault(key, item)
        if other != item:
            raise ArgumentError(
                "measurements",
                [other, item],
                f"one figure of {code} for {_period_text(item.period)}, not two different ones",
            )
    with_figure = [m for m in by_period.values() if m.percent is not None]
    return max(
        with_figure or by_period.values(),
        key=lambda m: (m.period.end, -m.period.start.toordinal()),
        default=None,
    )


def _meets(value: float, level: float, comparator: Comparator, upwards: bool) -> bool:
    shown, wanted = round(value, 1), round(level, 1)
    if comparator is Comparator.EXACTLY:
        return shown == wanted
    return shown >= wanted if upwards else shown <= wanted


def _judge(
    goal: PlanGoal, plan: WorkPlan, found: list[Measurement], elapsed: int, as_of: date
) -> GoalReview:
    target = goal.typed_target
    if target is None:
        return GoalReview(goal.id, goal.statement, None, None, None, None, None, "no_target")
    measured = _latest(plan, found, target.indicator, as_of)
    level = target.level_for_review()
    deadline = goal.deadline_month or max(plan.months, 1)
    share = min(elapsed / deadline, 1.0)
    start = target.baseline
    if start is None and target.unit.value != "percent":
        start = 0.0
    expected = None
    if level is not None:
        expected = level if start is None else start + (level - start) * share
    interval = None
    if measured is not None and isinstance(measured.value, Rate) and measured.value.denominator:
        interval = measured.value.wilson()

    def result(status: str) -> GoalReview:
        return GoalReview(
            goal.id, goal.statement, target, measured, level, expected, interval, status
        )

    if elapsed == 0:
        return result("not_yet_due")
    value = None if measured is None else measured.percent
    if value is None or level is None or expected is None:
        return result("no_data")
    if target.comparator is Comparator.EXACTLY:
        upwards = start is None or level >= start
    else:
        upwards = target.comparator is Comparator.AT_LEAST
    if _meets(value, level, target.comparator, upwards):
        return result("achieved")
    if _meets(value, expected, Comparator.AT_LEAST, upwards):
        return result("on_track")
    if interval is not None:
        low, high = 100 * interval.low, 100 * interval.high
        beyond = high < round(expected, 1) if upwards else low > round(expected, 1)
        return result("off_track" if beyond else "not_distinguishable")
    if share < 1 and (start is None or start == level):
        return result("at_risk")
    if share < 1 and start is not None and abs(value - start) * 2 >= abs(expected - start):
        moved_right_way = (value >= start) if upwards else (value <= start)
        if moved_right_way:
            return result("at_risk")
    return result("off_track")


def review_plan(plan: WorkPlan, measurements: Iterable[Measurement], *, as_of: date) -> PlanReview:
    """Judge every goal of ``plan`` on ``as_of`` against the measurements (see the module).

    Each goal takes the measurement of its target's indicator whose period
    lies within the plan and ends last on or before ``as_of``, among those
    with a figure: a period without one (``None``, an undefined rate) never
    hides an earlier figure, and counts only when no period has a figure
    (the goal then has no data). Of two periods ending on the same day the
    longer wins (a count since the plan's start over the month's own).
    The expected level runs straight from the baseline at the plan's
    start to the target level at the end of the goal's deadline month (the
    plan's last month if none), by whole plan months; a percentage without
    a baseline expects the target throughout, a count, hours or money
    without one start from 0 (give cumulative figures).

    Raises:
        ArgumentError: ``as_of`` is a ``datetime`` or outside 1900–2199, or
            two different measurements of one indicator cover the same period.
        TypeError: a measurement is not a `Measurement`.

    Examples:
        >>> from datetime import date
        >>> from socialwork.metrics import rate
        >>> from socialwork.models import Period
        >>> from socialwork.plans import PlanKind, at_least, plan_template
        >>> from socialwork.records import replace
        >>> plan = plan_template(PlanKind.YOUTH).work_plan(id="y", start=date(2025, 1, 1))
        >>> aim = at_least("80%", of="emotion_improved", baseline=50)
        >>> plan = replace(plan, goals=(replace(plan.goals[0], typed_target=aim), *plan.goals[1:]))
        >>> found = [Measurement("emotion_improved", Period.month(2025, 6), rate(9, 20))]
        >>> line = review_plan(plan, found, as_of=date(2025, 6, 30)).goal("emotion")
        >>> line.expected, line.status.value
        (65.0, 'not_distinguishable')
    """
    day = require_day(as_of, "as_of")
    found = list(measurements)
    for item in found:
        if not isinstance(item, Measurement):
            raise TypeError(f"measurements must be Measurement values; got {type(item).__name__}")
    elapsed = _months_elapsed(plan, day) if day >= plan.start else 0
    reached = [m for m in plan.milestones if m.month == elapsed]
    return PlanReview(
        plan.id,
        plan.title,
        day,
        elapsed,
        reached[0] if reached else None,
        tuple(_judge(goal, plan, found, elapsed, day) for goal in plan.goals),
    )


def milestone_review(
    plan: WorkPlan, measurements: Iterable[Measurement], milestone: str
) -> PlanReview:
    """Review ``plan`` on the due date of its milestone ``milestone`` (e.g. ``"mid"``).

    Raises:
        UnknownCodeError: the plan has no milestone with that id.
        ArgumentError: two different measurements of one indicator cover the same period.
        TypeError: a measurement is not a `Measurement`.

    Examples:
        >>> from datetime import date
        >>> from socialwork.plans import PlanKind, plan_template
        >>> plan = plan_template(PlanKind.YOUTH).work_plan(id="y", start=date(2025, 3, 1))
        >>> review = milestone_review(plan, [], "mid")
        >>> review.as_of, review.milestone.kind.value
        (datetime.date(2025, 8, 31), 'mid_term_review')
    """
    dates = plan.milestone_dates
    if milestone not in dates:
        raise UnknownCodeError("milestone", milestone, list(dates))
    return review_plan(plan, measurements, as_of=dates[milestone])
