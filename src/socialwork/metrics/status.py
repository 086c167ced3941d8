"""Where a measured value stands against its target (目标状态): one vocabulary, one judge.

`judge` is the one rule: the monthly report judges each indicator with it
(through `IndicatorDefinition.judge
<socialwork.metrics.definitions.IndicatorDefinition.judge>`) and a plan's
review each goal (`socialwork.plans.review.review_plan`), so the same
target and the same figure read the same in both: a `TargetStatus`, with
its labels in Simplified Chinese, Traditional Chinese and English. The
evaluation stage of community work (评估) is another thing, in
`socialwork.stages`.

Examples:
    >>> from socialwork.metrics import at_least, rate
    >>> judge(at_least("95%"), rate(51, 60), progress=1).status.label()
    '未达预期'
    >>> judge(at_least("95%"), rate(57, 60), progress=1).status.label("en")
    'Achieved'
"""

from __future__ import annotations

from decimal import Decimal

from attrs import frozen

from socialwork._arguments import require_decimals, require_figure, require_finite
from socialwork.labels import LabelledEnum
from socialwork.metrics.rates import Rate
from socialwork.metrics.survey import WilsonInterval
from socialwork.metrics.targets import Comparator, Target, TargetUnit

__all__ = ["Judgement", "TargetStatus", "judge"]


class TargetStatus(LabelledEnum):
    """Where a measured value stands against its target (目标状态), in reports and reviews."""

    ACHIEVED = "achieved", "已达标", "Achieved", "已達標"
    ON_TRACK = "on_track", "进度正常", "On track", "進度正常"
    AT_RISK = "at_risk", "存在风险", "At risk", "存在風險"
    OFF_TRACK = "off_track", "未达预期", "Off track", "未達預期"
    NOT_DISTINGUISHABLE = (
        "not_distinguishable",
        "样本不足以判断",
        "Not distinguishable",
        "樣本不足以判斷",
    )
    NOT_YET_DUE = "not_yet_due", "尚未到期", "Not yet due", "尚未到期"
    NO_DATA = "no_data", "无数据", "No data", "無數據"
    NO_TARGET = "no_target", "无目标", "No target", "無目標"


@frozen
class Judgement:
    """A value judged against a target: the status and the figures that decided it.

    ``level`` is the level to reach and ``expected`` the level expected now
    on the trajectory, both in the target's display units (``None`` without
    a target, or for a change without a baseline); ``interval`` is the 95%
    Wilson interval of a measured rate (as shares, 0.258 for 25.8%).

    Examples:
        >>> from socialwork.metrics import at_least, rate
        >>> j = judge(at_least("80%", baseline=50), rate(9, 20), progress=0.5)
        >>> j.status.value, j.level, j.expected, round(j.interval.high, 3)
        ('not_distinguishable', 80.0, 65.0, 0.658)
    """

    status: TargetStatus
    level: float | None = None
    expected: float | None = None
    interval: WilsonInterval | None = None


def _measured(value: object, scale: int) -> tuple[float | None, WilsonInterval | None]:
    """The value in display units and, for a rate of somebody, its Wilson interval."""
    if isinstance(value, Rate):
        if value.denominator == 0:
            return None, None
        return scale * value.numerator / value.denominator, value.wilson()
    if value is None:
        return None, None
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise TypeError(f"value must be a Rate, a number or None; got {type(value).__name__}")
    return require_figure(value, "value"), None


def _meets(value: float, level: float, comparator: Comparator, upwards: bool, places: int) -> bool:
    shown, wanted = round(value, places), round(level, places)
    if comparator is Comparator.EXACTLY:
        return shown == wanted
    return shown >= wanted if upwards else shown <= wanted


def judge(
    target: Target | None,
    value: Rate | float | Decimal | None,
    *,
    progress: float,
    baseline: float | None = None,
    decimals: int = 1,
) -> Judgement:
    """Judge ``value`` against ``target`` when ``progress`` of the time to its due date is gone.

    ``value`` is a `Rate` (shown in the target's unit: times 100 for a
    percentage, 1000 per mille), a number in the target's display units
    (90 for 90%), or ``None``. ``progress`` is the share of the time from
    the baseline to the target's due date that has passed, from 0 to 1:
    whole plan months for a plan goal, days for an indicator's dated target,
    1 for a standing target and from the due date on. The trajectory
    starts at the target's baseline, else at ``baseline`` (an indicator
    definition's), else at 0 for a count, hours or money; a percentage or
    per-mille figure without a baseline expects the target level throughout.
    The expected level is ``start + (level - start) × progress`` (the level
    itself once due). Figures
    are compared at ``decimals`` places, as they are shown.

    The rule, in order:

    * ``no_target``: there is no target;
    * ``not_yet_due``: no time has passed (``progress`` is 0);
    * ``no_data``: no value (``None``, a rate of nobody), or a change
      target without a baseline;
    * ``achieved``: the value meets the level;
    * ``on_track``: it meets the level expected on the trajectory;
    * a rate below the trajectory: ``off_track`` when the whole 95% Wilson
      interval lies on the wrong side of the expected level, else
      ``not_distinguishable`` (a small sample does not condemn a project);
    * a plain number below the trajectory: ``at_risk`` while the target is
      not due (``progress`` below 1) and at least half the expected
      progress from the start is made in the right direction (or there is
      no start to progress from), else ``off_track``.

    Raises:
        ArgumentError: ``progress`` is not from 0 to 1, ``decimals`` not
            from 0 to 6, or ``value`` or ``baseline`` is NaN, infinite or huge.
        TypeError: ``value`` is neither a `Rate`, a number nor ``None``.

    Examples:
        >>> from socialwork.metrics import at_least, rate
        >>> aim = at_least("95%", baseline=70)
        >>> judge(aim, rate(51, 60), progress=0.5).status.value  # 85% vs 82.5% expected
        'on_track'
        >>> judge(aim, rate(51, 60), progress=1).status.value  # 95% out of 73.9%–91.9%
        'off_track'
        >>> judge(at_least("15人"), 6, progress=0.5).status.value  # 6 of 7.5 expected
        'at_risk'
        >>> judge(None, 6, progress=1).status.value, judge(aim, None, progress=1).status.value
        ('no_target', 'no_data')
    """
    share = require_finite(progress, "progress", 0, 1)
    places = require_decimals(decimals)
    if baseline is not None:
        baseline = require_figure(baseline, "baseline")
    if target is None:
        _measured(value, 100)
        return Judgement(TargetStatus.NO_TARGET)
    measured, interval = _measured(value, target.scale)
    level = target.level_for_review(baseline)
    start = target.baseline if target.baseline is not None else baseline
    if start is None and target.unit not in (TargetUnit.PERCENT, TargetUnit.PER_MILLE):
        start = 0.0
    expected = None
    if level is not None and (start is None or share == 1):
        expected = level  # exactly the level once due: no rounding on the way
    elif level is not None and start is not None:
        expected = start + (level - start) * share

    def result(status: TargetStatus) -> Judgement:
        return Judgement(status, level, expected, interval)

    if share == 0:
        return result(TargetStatus.NOT_YET_DUE)
    if measured is None or level is None or expected is None:
        return result(TargetStatus.NO_DATA)
    if target.comparator is Comparator.EXACTLY:
        upwards = start is None or level >= start
    else:
        upwards = target.comparator is Comparator.AT_LEAST
    if _meets(measured, level, target.comparator, upwards, places):
        return result(TargetStatus.ACHIEVED)
    if _meets(measured, expected, Comparator.AT_LEAST, upwards, places):
        return result(TargetStatus.ON_TRACK)
    if interval is not None:
        low, high = target.scale * interval.low, target.scale * interval.high
        wanted = round(expected, places)
        beyond = high < wanted if upwards else low > wanted
        return result(TargetStatus.OFF_TRACK if beyond else TargetStatus.NOT_DISTINGUISHABLE)
    if share < 1 and (start is None or start == level):
        return result(TargetStatus.AT_RISK)
    if share < 1 and start is not None and abs(measured - start) * 2 >= abs(expected - start):
        moved_right_way = (measured >= start) if upwards else (measured <= start)
        if moved_right_way:
            return result(TargetStatus.AT_RISK)
    return result(TargetStatus.OFF_TRACK)
