"""Plan reviews (计划监测评估): each goal's measured value against its target and trajectory.

`review_plan` judges every goal of a `WorkPlan` on a day: the latest
measurement of its indicator in the plan up to that day, the target level,
the level expected on a straight trajectory from the baseline (at the
plan's start) to the target (at the goal's deadline month), and a status.
`milestone_review` does the same on a milestone's due date (the mid-term
review of month 6, the annual evaluation of month 12).

Measurements are `Measurement` values: the user's own figures, or the
lines of monthly reports (`socialwork.planning.review.measurements_from_reports`).

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
    >>> from socialwork.planning import PlanKind, plan_template
    >>> plan = plan_template(PlanKind.COMMUNITY_ANNUAL).work_plan(id="c", start=date(2025, 1, 1))
    >>> june = Period.month(2025, 6)
    >>> figures = [Measurement("survey_satisfaction", june, rate(46, 50)),
    ...            Measurement("key_group_coverage", june, rate(51, 60))]
    >>> review = milestone_review(plan, figures, "mid")
    >>> [(g.goal_id, g.status.value) for g in review.goals]
    [('coverage', 'off_track'), ('volunteers', 'no_data'), ('satisfaction', 'achieved')]
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from decimal import Decimal

from attrs import field, frozen
from dateutil.relativedelta import relativedelta

from socialwork._arguments import require_day, require_member
from socialwork.errors import ArgumentError, UnknownCodeError
from socialwork.labels import LabelledEnum, Language, Script, canonical_language
from socialwork.metrics.rates import Rate
from socialwork.metrics.report import MonthlyReport
from socialwork.metrics.survey import WilsonInterval
from socialwork.models import Period
from socialwork.planning.goals import PlanGoal
from socialwork.planning.phases import Milestone
from socialwork.planning.targets import Comparator, GoalTarget
from socialwork.planning.workplan import WorkPlan

__all__ = [
    "GoalReview",
    "Measurement",
    "PlanReview",
    "ReviewStatus",
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


@frozen
class Measurement:
    """A measured value of an indicator over a period: a `Rate`, a number or ``None``.

    Numbers are in display units (90 for 90%, 15 for 15 volunteers) and are
    kept as floats; a rate keeps its counts, which the review's Wilson
    interval uses.

    Raises:
        ArgumentError: a number is NaN, infinite or above 1e15 in size.
        TypeError: ``value`` is neither a `Rate`, a number nor ``None``.

    Examples:
        >>> from socialwork.metrics import rate
        >>> from socialwork.models import Period
        >>> m = Measurement("survey_satisfaction", Period.month(2025, 6), rate(46, 50))
        >>> m.percent
        92.0
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


def measurements_from_reports(reports: Iterable[MonthlyReport]) -> tuple[Measurement, ...]:
    """Return every line of monthly reports as measurements, in report order.

    A rate stays a rate (its counts give the interval); a number is taken in
    display units (``definition.scaled``). Importable from this module only
    for now: the contract fuzz cannot yet draw monthly reports in time.

    Examples:
        >>> from socialwork.metrics import monthly_report
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> found = measurements_from_reports([monthly_report(june, june.period)])
        >>> found[0].indicator, str(found[0].value)
        ('key_group_coverage', '85.5% (65/76)')
    """
    found = []
    for report in reports:
        for line in report.lines:
            value = line.value
            if not isinstance(value, Rate):
                value = line.definition.scaled(value)
            found.append(Measurement(line.definition.code, report.period, value))
    return tuple(found)


@frozen
class GoalReview:
    """One goal at a review: what was measured, the target, the trajectory and the status.

    ``target_level`` and ``expected`` are in the target's display units
    (``None`` without a typed target, or for a change without a baseline);
    ``interval`` is the 95% Wilson interval of a measured rate, in percent.

    Examples:
        >>> GoalReview("g1", "提升满意度", None, None, None, None, None, "no_target").status.label()
        '无目标'
    """

    goal_id: str
    statement: str
    target: GoalTarget | None
    measurement: Measurement | None
    target_level: float | None
    expected: float | None
    interval: WilsonInterval | None
    status: ReviewStatus = field(converter=_status)


@frozen
class PlanReview:
    """A plan's goals judged on a day, after ``months_elapsed`` whole plan months.

    Examples:
        >>> from datetime import date
        >>> from socialwork.planning import PlanKind, plan_template
        >>> plan = plan_template(PlanKind.YOUTH).work_plan(id="y", start=date(2025, 1, 1))
        >>> review = review_plan(plan, [], as_of=date(2025, 6, 30))
        >>> review.months_elapsed, review.goal("emotion").status.value
        (6, 'no_data')
    """

    plan_id: str
    title: str
    as_of: date
    months_elapsed: int
    milestone: Milestone | None
    goals: tuple[GoalReview, ...]

    def goal(self, goal_id: str) -> GoalReview:
        """Return the review of the goal ``goal_id``.

        Raises:
            UnknownCodeError: no goal has that id; the message lists them.

        Examples:
            >>> from datetime import date
            >>> from socialwork.planning import PlanKind, plan_template
            >>> plan = plan_template(PlanKind.YOUTH).work_plan(id="y", start=date(2025, 1, 1))
            >>> review_plan(plan, [], as_of=date(2025, 1, 15)).goal("emotion").status.value
            'not_yet_due'
        """
        for review in self.goals:
            if review.goal_id == goal_id:
                return review
        raise UnknownCodeError("goal_id", goal_id, [g.goal_id for g in self.goals])

    def to_markdown(self, language: Language | str = "zh") -> str:
        """Return the review as a Markdown table in zh-Hans (default), zh-Hant or English.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> from datetime import date
            >>> from socialwork.planning import PlanKind, plan_template
            >>> plan = plan_template(PlanKind.YOUTH).work_plan(id="y", start=date(2025, 1, 1))
            >>> review = review_plan(plan, [], as_of=date(2025, 6, 30))
            >>> print(review.to_markdown("en").splitlines()[0])
            # 青少年成长支持专项社工工作计划: review on 2025-06-30
        """
        script = canonical_language(language)
        words = _WORDS[script]
        title = _inline(self.title)
        out = [f"# {title}{words['review_on']} {self.as_of}", ""]
        when = f"{words['months']}: {self.months_elapsed}"
        if self.milestone is not None:
            when += f" ({self.milestone.kind.label(script)}, {_inline(self.milestone.name)})"
        out += [when, ""]
        columns = words["header"].split("|")
        out.append("| " + " | ".join(columns) + " |")
        out.append("|" + "---|" * len(columns))
        for review in self.goals:
            out.append("| " + " | ".join(_cell(c) for c in _row(review, script)) + " |")
        if not self.goals:
            out.append("| " + " | ".join(["—"] * len(columns)) + " |")
        return "\n".join(out) + "\n"


_WORDS: dict[Script, dict[str, str]] = {
    "zh-Hans": {
        "review_on": " 监测评估,截至",
        "months": "已完成计划月数",
        "header": "目标|指标|实测|目标值|轨迹预期|95%区间|状态",
    },
    "zh-Hant": {
        "review_on": " 監測評估,截至",
        "months": "已完成計劃月數",
        "header": "目標|指標|實測|目標值|軌跡預期|95%區間|狀態",
    },
    "en": {
        "review_on": ": review on",
        "months": "Plan months completed",
        "header": "Goal|Indicator|Measured|Target|Expected now|95% interval|Status",
    },
}


def _inline(text: str) -> str:
    return " ".join(text.splitlines())


def _cell(text: str) -> str:
    return _inline(text).replace("\\", "\\\\").replace("|", "\\|")


def _row(review: GoalReview, script: Script) -> list[str]:
    target = review.target
    measured = review.measurement
    if measured is None or measured.percent is None:
        value = "n/a"
    elif isinstance(measured.value, Rate):
        value = measured.value.format(1)
    else:
        value = f"{measured.percent:.1f}".removesuffix(".0")
    if target is None:
        return [review.statement, "—", value, "—", "—", "—", review.status.label(script)]
    level = "—" if review.target_level is None else target.format_level(review.target_level)
    wanted = (
        target.describe(script)
        if review.target_level is None
        else f"{_SIGN[target.comparator]} {level}"
    )
    expected = "—" if review.expected is None else target.format_level(review.expected)
    interval = "—"
    if review.interval is not None:
        interval = f"{100 * review.interval.low:.1f}–{100 * review.interval.high:.1f}%"
    return [
        review.statement,
        target.indicator,
        value,
        wanted,
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
    within = [
        m
        for m in found
        if m.indicator == code and m.period.start >= plan.start and m.period.end <= as_of
    ]
    return max(within, key=lambda m: m.period.end, default=None)


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
    lies within the plan and ends last on or before ``as_of``. The expected
    level runs straight from the baseline at the plan's start to the target
    level at the end of the goal's deadline month (the plan's last month if
    none), by whole plan months; a percentage without a baseline expects the
    target throughout, a count, hours or money without one start from 0
    (give cumulative figures).

    Raises:
        ArgumentError: ``as_of`` is a ``datetime`` or outside 1900–2199.
        TypeError: a measurement is not a `Measurement`.

    Examples:
        >>> from datetime import date
        >>> from socialwork.metrics import rate
        >>> from socialwork.models import Period
        >>> from socialwork.planning import PlanKind, at_least, plan_template
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
        TypeError: a measurement is not a `Measurement`.

    Examples:
        >>> from datetime import date
        >>> from socialwork.planning import PlanKind, plan_template
        >>> plan = plan_template(PlanKind.YOUTH).work_plan(id="y", start=date(2025, 3, 1))
        >>> review = milestone_review(plan, [], "mid")
        >>> review.as_of, review.milestone.kind.value
        (datetime.date(2025, 8, 31), 'mid_term_review')
    """
    dates = plan.milestone_dates
    if milestone not in dates:
        raise UnknownCodeError("milestone", milestone, list(dates))
    return review_plan(plan, measurements, as_of=dates[milestone])
