"""Indicator definitions and targets (指标定义与目标), in the spirit of DHIS2 and IATI.

An `IndicatorDefinition` says what an indicator counts (numerator and
denominator), how it is shown (``factor`` 100 for percent, 1000 for per
mille, 1 for a plain number; ``decimals``), which way is better, which
Results-Based Accountability quadrant it answers, and its baseline and
targets. `evaluate` compares a value with the target for a period.

Examples:
    >>> from socialwork.metrics import month, rate
    >>> evaluate(KEY_GROUP_COVERAGE, rate(51, 60), month(2025, 6)).label()
    '未达标'
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Self, TypeAlias

from pydantic import Field, Strict, model_validator

from socialwork.labels import LabelledEnum, Language
from socialwork.metrics.rates import Rate
from socialwork.models import BilingualText, Period
from socialwork.records import Count, Day, Id, Record, break_rule

__all__ = [
    "CASE_IMPROVEMENT",
    "CATALOGUE",
    "CERTIFICATION_RATE",
    "FILE_COMPLETENESS",
    "GOAL_ATTAINMENT",
    "GROUP_ATTENDANCE",
    "HOME_VISIT_COMPLETION",
    "KEY_GROUP_COVERAGE",
    "MEAN_CASELOAD",
    "NEED_SATISFACTION",
    "OVERDUE_FOLLOW_UPS",
    "RESOURCE_MATCH_ACCURACY",
    "STAFF_TURNOVER",
    "SURVEY_SATISFACTION",
    "VOLUNTEER_HOURS",
    "Baseline",
    "Direction",
    "IndicatorDefinition",
    "IndicatorStatus",
    "Measure",
    "RbaQuadrant",
    "Target",
    "evaluate",
]

Measure: TypeAlias = Rate | int | float | Decimal | None
"""What an indicator function returns: a rate, a number, or ``None`` (no data)."""

_Finite = Annotated[float, Field(allow_inf_nan=False)]


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


class IndicatorStatus(LabelledEnum):
    """Where an indicator stands against its target (目标状态)."""

    MET = "met", "已达标", "Met", "已達標"
    ON_TRACK = "on_track", "进展正常", "On track", "進展正常"
    OFF_TRACK = "off_track", "未达标", "Off track", "未達標"
    NO_DATA = "no_data", "无数据", "No data", "無數據"


class Baseline(Record):
    """The value an indicator had on a date, in display units (e.g. 80 for 80%).

    Examples:
        >>> from datetime import date
        >>> Baseline(value=80, on=date(2025, 5, 31)).value
        80.0
    """

    value: _Finite
    on: Day


class Target(Record):
    """A target in display units, for one period or standing (``period`` is ``None``).

    Examples:
        >>> Target(value=95).period is None
        True
    """

    value: _Finite
    period: Period | None = None


class IndicatorDefinition(Record):
    """What an indicator counts, how it is shown, and what it aims at.

    At most one target may be standing (without a period).

    Examples:
        >>> FILE_COMPLETENESS.format(27 / 32), FILE_COMPLETENESS.target_for(None)
        ('84.4%', Target(value=100.0, period=None))
    """

    code: Id
    name: BilingualText
    numerator: BilingualText
    denominator: BilingualText | None = None
    factor: Annotated[int, Strict(), Field(gt=0)] = 100
    decimals: Annotated[Count, Field(le=6)] = 1
    unit: BilingualText | None = None
    direction: Direction = Direction.HIGHER_IS_BETTER
    quadrant: RbaQuadrant
    baseline: Baseline | None = None
    targets: tuple[Target, ...] = ()

    @model_validator(mode="after")
    def _one_standing_target(self) -> Self:
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
        return self

    def scaled(self, value: Measure) -> float | None:
        """Return ``value`` in display units (a rate times ``factor``), ``None`` if undefined.

        Examples:
            >>> from socialwork.metrics import rate
            >>> KEY_GROUP_COVERAGE.scaled(rate(51, 60)), VOLUNTEER_HOURS.scaled(100)
            (85.0, 100.0)
        """
        if value is None:
            return None
        if isinstance(value, Rate):
            if value.denominator == 0:
                return None
            return self.factor * value.numerator / value.denominator
        return float(value) * self.factor

    def format(self, value: Measure, language: Language | str = "zh") -> str:
        """Return ``value`` as shown: ``decimals`` places, ``%`` or ``‰`` or the unit.

        A rate is shown with its counts; an undefined value as ``"n/a"``.

        Examples:
            >>> from socialwork.metrics import rate
            >>> KEY_GROUP_COVERAGE.format(rate(51, 60)), VOLUNTEER_HOURS.format(100, "en")
            ('85.0% (51/60)', '100 hours')
        """
        scaled = self.scaled(value)
        if scaled is None:
            return "n/a"
        text = f"{scaled:.{self.decimals}f}{self._suffix(language)}"
        if isinstance(value, Rate):
            text += f" ({value.numerator}/{value.denominator})"
        return text

    def format_change(self, change: float, language: Language | str = "zh") -> str:
        """Return a change in display units, signed: percentage points for a percentage.

        Examples:
            >>> KEY_GROUP_COVERAGE.format_change(5.0), KEY_GROUP_COVERAGE.format_change(-2, "en")
            ('+5.0 个百分点', '-2.0 pp')
            >>> OVERDUE_FOLLOW_UPS.format_change(3)
            '+3例'
        """
        if self.factor == 100:
            suffix = " pp" if language == "en" else " 个百分点"
        else:
            suffix = self._suffix(language)
        return f"{change:+.{self.decimals}f}{suffix}"

    def _suffix(self, language: Language | str) -> str:
        if self.factor == 100:
            return "%"
        if self.factor == 1000:
            return "‰"
        if self.unit is None:
            return ""
        return (" " if language == "en" else "") + self.unit.text(language)

    def target_for(self, period: Period | None) -> Target | None:
        """Return the target that applies to ``period``.

        The nearest dated target whose period contains ``period`` (the one
        ending first), else the standing target, else ``None``.

        Examples:
            >>> from socialwork.metrics import month
            >>> KEY_GROUP_COVERAGE.target_for(month(2025, 6)).value
            95.0
        """
        if period is not None:
            covering = [
                t
                for t in self.targets
                if t.period is not None
                and t.period.start <= period.start
                and period.end <= t.period.end
            ]
            if covering:
                return min(covering, key=lambda t: t.period.end if t.period else date.max)
        return next((t for t in self.targets if t.period is None), None)

    def reaches(self, scaled: float, goal: float) -> bool:
        """Whether ``scaled`` is at ``goal`` or better, compared at ``decimals`` places.

        Examples:
            >>> KEY_GROUP_COVERAGE.reaches(95.04, 95), OVERDUE_FOLLOW_UPS.reaches(1, 0)
            (True, False)
        """
        shown, wanted = round(scaled, self.decimals), round(goal, self.decimals)
        if self.direction is Direction.HIGHER_IS_BETTER:
            return shown >= wanted
        return shown <= wanted


def evaluate(definition: IndicatorDefinition, value: Measure, period: Period) -> IndicatorStatus:
    """Return where ``value`` for ``period`` stands against the definition's target.

    * ``no_data``: the value is undefined, or no target applies to the period;
    * ``met``: the value reaches the target (compared at the shown precision);
    * ``on_track``: not yet reached, but the target's period ends after
      ``period`` and the value is at least where a straight line from the
      baseline to the target would be at ``period.end``;
    * ``off_track``: otherwise (a missed standing target is off track).

    Examples:
        >>> from datetime import date
        >>> from socialwork.metrics import month, rate, year
        >>> plan = KEY_GROUP_COVERAGE.model_copy(update={
        ...     "baseline": Baseline(value=70, on=date(2024, 12, 31)),
        ...     "targets": (Target(value=95, period=year(2025)),)})
        >>> evaluate(plan, rate(51, 60), month(2025, 6)).value
        'on_track'
        >>> evaluate(plan, rate(0, 0), month(2025, 6)).value
        'no_data'
    """
    scaled = definition.scaled(value)
    target = definition.target_for(period)
    if scaled is None or target is None:
        return IndicatorStatus.NO_DATA
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


_text = BilingualText.of


KEY_GROUP_COVERAGE = IndicatorDefinition(
    code="key_group_coverage",
    name=_text("重点人群服务覆盖率", "Key-group coverage"),
    numerator=_text(
        "本期至少走访一次的重点人群服务对象", "Key-group clients visited in the period"
    ),
    denominator=_text("登记的重点人群服务对象", "Registered key-group clients"),
    quadrant=RbaQuadrant.HOW_MUCH,
    targets=(Target(value=95),),
)
"""Seed 002: 85% this month, 95% targeted."""

SURVEY_SATISFACTION = IndicatorDefinition(
    code="survey_satisfaction",
    name=_text("服务对象满意率(调查)", "Satisfaction (survey)"),
    numerator=_text("表示满意的被调查者", "Satisfied respondents"),
    denominator=_text("被调查的总人数", "Respondents"),
    quadrant=RbaQuadrant.HOW_WELL,
)

CASE_IMPROVEMENT = IndicatorDefinition(
    code="case_improvement",
    name=_text("个案改善率", "Case improvement"),
    numerator=_text(
        "至少一个目标改善中、已达成或保持中的个案",
        "Cases with a goal improving, achieved or sustaining",
    ),
    denominator=_text("已进入介入阶段的个案", "Cases that reached intervention"),
    quadrant=RbaQuadrant.BETTER_OFF_PERCENT,
)

GROUP_ATTENDANCE = IndicatorDefinition(
    code="group_attendance",
    name=_text("小组出勤率", "Group attendance"),
    numerator=_text("出勤人次", "Attendances"),
    denominator=_text("各次活动当日在组成员人次", "Members expected at each session"),
    quadrant=RbaQuadrant.HOW_WELL,
)

FILE_COMPLETENESS = IndicatorDefinition(
    code="file_completeness",
    name=_text("档案完整率", "File completeness"),
    numerator=_text("无缺项的服务档案", "Files with nothing missing"),
    denominator=_text("服务档案总数", "All service files"),
    quadrant=RbaQuadrant.HOW_WELL,
    targets=(Target(value=100),),
)
"""Seed 002: 27 of 32 complete, 100% targeted."""

RESOURCE_MATCH_ACCURACY = IndicatorDefinition(
    code="resource_match_accuracy",
    name=_text("资源匹配准确率", "Resource match accuracy"),
    numerator=_text("符合实际需求的物资发放", "Deliveries that met the real need"),
    denominator=_text("已核实的物资发放", "Deliveries checked against the need"),
    quadrant=RbaQuadrant.HOW_WELL,
    targets=(Target(value=90),),
)
"""Seed 002: 7 of 10 matched, 90% targeted."""

NEED_SATISFACTION = IndicatorDefinition(
    code="need_satisfaction",
    name=_text("需求满足率", "Need satisfaction"),
    numerator=_text("已满足的需求", "Needs met"),
    denominator=_text("本期提出的需求(不含撤回)", "Needs raised in the period, less withdrawn"),
    quadrant=RbaQuadrant.BETTER_OFF_PERCENT,
)

GOAL_ATTAINMENT = IndicatorDefinition(
    code="goal_attainment",
    name=_text("目标达成度", "Goal attainment"),
    numerator=_text("已达成或保持中的目标", "Goals achieved or sustaining"),
    denominator=_text("已评估的有效目标", "Valid goals with an achievement status"),
    quadrant=RbaQuadrant.BETTER_OFF_PERCENT,
)

OVERDUE_FOLLOW_UPS = IndicatorDefinition(
    code="overdue_follow_ups",
    name=_text("超期未跟进个案", "Overdue follow-ups"),
    numerator=_text("超过7天未联系的在案个案(期末)", "Open cases without contact for over 7 days"),
    factor=1,
    decimals=0,
    unit=_text("例", "cases"),
    direction=Direction.LOWER_IS_BETTER,
    quadrant=RbaQuadrant.HOW_WELL,
    targets=(Target(value=0),),
)
"""Seed 002: a case not followed up for over 7 days alerts the supervisor."""

MEAN_CASELOAD = IndicatorDefinition(
    code="mean_caseload",
    name=_text("人均个案量", "Caseload per worker"),
    numerator=_text("期末在案个案", "Open cases at the end of the period"),
    denominator=_text("在岗社工(不含实习)", "Social workers on staff, interns excluded"),
    factor=1,
    unit=_text("例", "cases"),
    direction=Direction.LOWER_IS_BETTER,
    quadrant=RbaQuadrant.HOW_MUCH,
)

VOLUNTEER_HOURS = IndicatorDefinition(
    code="volunteer_hours",
    name=_text("志愿服务时长", "Volunteer hours"),
    numerator=_text("本期志愿服务小时数", "Hours served in the period"),
    factor=1,
    decimals=0,
    unit=_text("小时", "hours"),
    quadrant=RbaQuadrant.HOW_MUCH,
)

CERTIFICATION_RATE = IndicatorDefinition(
    code="certification_rate",
    name=_text("社工持证率", "Certification rate"),
    numerator=_text("持有职业水平证书的社工", "Staff holding a qualification"),
    denominator=_text("期末在岗社工(不含实习)", "Staff on staff at period end, interns excluded"),
    quadrant=RbaQuadrant.HOW_WELL,
)

STAFF_TURNOVER = IndicatorDefinition(
    code="staff_turnover",
    name=_text("社工流失率", "Staff turnover"),
    numerator=_text("本期离职的期初在岗人员", "Staff on the first day who left in the period"),
    denominator=_text("期初在岗人员", "Staff on the first day"),
    direction=Direction.LOWER_IS_BETTER,
    quadrant=RbaQuadrant.HOW_WELL,
)

HOME_VISIT_COMPLETION = IndicatorDefinition(
    code="home_visit_completion",
    name=_text("家访完成率", "Home-visit completion"),
    numerator=_text("完成的家访(不超过计划数)", "Home visits done, up to the plan"),
    denominator=_text("计划家访次数", "Home visits planned"),
    quadrant=RbaQuadrant.HOW_MUCH,
    targets=(Target(value=100),),
)
"""Seed 002: 15 home visits a week needed, 8 managed."""

CATALOGUE: tuple[IndicatorDefinition, ...] = (
    KEY_GROUP_COVERAGE,
    SURVEY_SATISFACTION,
    CASE_IMPROVEMENT,
    GROUP_ATTENDANCE,
    NEED_SATISFACTION,
    GOAL_ATTAINMENT,
    FILE_COMPLETENESS,
    RESOURCE_MATCH_ACCURACY,
    OVERDUE_FOLLOW_UPS,
    MEAN_CASELOAD,
    VOLUNTEER_HOURS,
    CERTIFICATION_RATE,
    STAFF_TURNOVER,
    HOME_VISIT_COMPLETION,
)
"""Every built-in indicator, in report order."""
