"""Where an indicator stands against its target (目标状态): met, on or off track, no data or target.

`indicator_status` judges one value of one indicator for one period. The
name says what it returns, an `IndicatorStatus`; the evaluation stage of
community work (评估) is another thing, in `socialwork.stages`.

Examples:
    >>> from socialwork.metrics import rate
    >>> from socialwork.metrics.catalogue import KEY_GROUP_COVERAGE
    >>> from socialwork.models import Period
    >>> indicator_status(KEY_GROUP_COVERAGE, rate(51, 60), Period.month(2025, 6)).label()
    '未达标'
"""

from __future__ import annotations

from socialwork.labels import LabelledEnum
from socialwork.metrics.definitions import IndicatorDefinition, Measure
from socialwork.models import Period

__all__ = ["IndicatorStatus", "indicator_status"]


class IndicatorStatus(LabelledEnum):
    """Where an indicator stands against its target (目标状态)."""

    MET = "met", "已达标", "Met", "已達標"
    ON_TRACK = "on_track", "进展正常", "On track", "進展正常"
    OFF_TRACK = "off_track", "未达标", "Off track", "未達標"
    NO_DATA = "no_data", "无数据", "No data", "無數據"
    NO_TARGET = "no_target", "无目标", "No target", "無目標"


def indicator_status(
    definition: IndicatorDefinition, value: Measure, period: Period
) -> IndicatorStatus:
    """Return where ``value`` for ``period`` stands against the definition's target.

    * ``no_data``: the value is undefined (``None`` or a rate over zero);
    * ``no_target``: there is a value, but no target applies to the period;
    * ``met``: the value reaches the target (compared at the shown precision);
    * ``on_track``: not yet reached, but the target's period ends after
      ``period`` does, and the value is at least where a straight line from
      the baseline to the target would be at ``period.end``;
    * ``off_track``: otherwise (a missed standing target is off track, and
      so is a dated target missed in the period it ends with).

    Raises:
        ArgumentError: ``value`` is a NaN, infinite or huge number (NaN is
            never a measurement).

    Examples:
        >>> from datetime import date
        >>> from socialwork.metrics import Baseline, Target, rate
        >>> from socialwork.metrics.catalogue import KEY_GROUP_COVERAGE
        >>> from socialwork.records import replace
        >>> plan = replace(KEY_GROUP_COVERAGE,
        ...                baseline=Baseline(value=70, on=date(2024, 12, 31)),
        ...                targets=(Target(value=95, period=Period.year(2025)),))
        >>> indicator_status(plan, rate(51, 60), Period.month(2025, 6)).value
        'on_track'
        >>> indicator_status(plan, rate(0, 0), Period.month(2025, 6)).value
        'no_data'
        >>> indicator_status(plan, rate(51, 60), Period.month(2026, 6)).value
        'no_target'
    """
    scaled = definition.scaled(value)
    target = definition.target_for(period)
    if scaled is None:
        return IndicatorStatus.NO_DATA
    if target is None:
        return IndicatorStatus.NO_TARGET
    if definition.reaches(scaled, target.value):
        return IndicatorStatus.MET
    baseline = definition.baseline
    if (
        target.period is None
        or baseline is None
        or period.end >= target.period.end
        or baseline.on >= target.period.end
    ):
        return IndicatorStatus.OFF_TRACK
    elapsed = max(0, (period.end - baseline.on).days) / (target.period.end - baseline.on).days
    expected = baseline.value + (target.value - baseline.value) * elapsed
    if definition.reaches(scaled, expected):
        return IndicatorStatus.ON_TRACK
    return IndicatorStatus.OFF_TRACK
