"""The built-in indicators (指标目录): each definition with the function that measures it.

`CATALOGUE` maps each indicator's code to an `Indicator`: its
`IndicatorDefinition <socialwork.metrics.definitions.IndicatorDefinition>`
and how to measure it from a `StationPeriod`, a station's records read over
one period. `socialwork.metrics.monthly_report` reports every entry, in
this order, so a new indicator needs one new entry here and nothing else.
A measure is ``None`` (no data, shown "n/a") when the bundle holds none of
the records it counts: a count or sum over no records at all would read as
a real 0 (volunteer hours, caseload, overdue follow-ups), as would
home-visit completion without a plan.
An indicator has one name, its code: `indicator` finds its entry, whose
``definition`` a plan copies with its own baseline and targets
(`socialwork.records.replace`) and whose `Indicator.measure` measures it.
The functions an entry calls (`socialwork.metrics.casework`,
`socialwork.metrics.services`) stay importable from their modules as the
readable reference; an entry calls them without their check for a record
given twice, which a bundle has made once for all. The frame engine
(`socialwork.frames`) measures the same entries.

Examples:
    >>> from socialwork.samples import station_month
    >>> june = station_month()
    >>> str(indicator("key_group_coverage").measure(june))
    '85.5% (65/76)'
    >>> list(CATALOGUE)[:3]
    ['key_group_coverage', 'survey_satisfaction', 'case_improvement']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from functools import cached_property
from types import MappingProxyType
from typing import Generic, Protocol, TypeVar

from attrs import field, frozen

from socialwork._arguments import require_figure, require_instance, require_member
from socialwork.errors import MetricInputError, UnknownCodeError
from socialwork.labels import LabelledEnum
from socialwork.metrics import casework as cw
from socialwork.metrics import services as sv
from socialwork.metrics.casework import FOLLOW_UP_DAYS, FollowUp, KeyGroupCoverage
from socialwork.metrics.definitions import Direction, IndicatorDefinition, Measure, RbaQuadrant
from socialwork.metrics.rates import Rate, combine
from socialwork.metrics.services import survey_satisfaction, volunteer_hours
from socialwork.metrics.targets import at_least, at_most
from socialwork.models import BilingualText, Group, Period, StationRecords, SurveySubject

__all__ = [
    "CATALOGUE",
    "Aggregation",
    "Indicator",
    "indicator",
]


class Aggregation(LabelledEnum):
    """How an indicator's monthly values make a quarter's or a year's (跨期汇总方式).

    A quarter's rate is never the sum or the mean of its months' rates:

    * ``sum``: counts and totals add up (volunteer hours);
    * ``last``: a figure taken "as of" a day is the last month's (caseload,
      certification, files, goals as they stand);
    * ``ratio_of_sums``: a rate over dated records adds its months'
      numerators and denominators (`socialwork.metrics.combine`:
      satisfaction surveys, attendance, needs, deliveries, each month's home
      visits against that month's plan);
    * ``distinct``: a rate or figure over people or things counted once in
      the whole period (clients visited, clients per worker, staff who
      left, resources used) cannot be made from the months' figures: a
      client visited in April and in May is one client. Measure it over
      the whole period (`Indicator.measure` with the quarter, or
      `socialwork.metrics.monthly_report` over the quarter).
    """

    SUM = "sum", "求和", "Sum", "求和"
    LAST = "last", "取期末值", "Last value", "取期末值"
    RATIO_OF_SUMS = "ratio_of_sums", "分子分母分别相加", "Ratio of sums", "分子分母分別相加"
    DISTINCT = "distinct", "全期去重计数", "Distinct over the whole period", "全期去重計數"


def _aggregation(value: Aggregation | str | None) -> Aggregation | None:
    return None if value is None else require_member(Aggregation, value, "aggregation")


@frozen
class StationPeriod:
    """A station's records read over one period: what the catalogue's indicators measure.

    Dated records count when they fall in ``period``; "as of" figures are
    taken on ``period.end``. The figures several indicators and the monthly
    report share (key-group coverage by category, the overdue follow-ups,
    each group's attendance) are computed once, on first use.

    Examples:
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> month = StationPeriod(june, june.period)
        >>> str(month.coverage.total), [f.case_id for f in month.overdue]
        ('85.5% (65/76)', ['k8', 'k7', 'k4'])
    """

    records: StationRecords
    period: Period

    @cached_property
    def coverage(self) -> KeyGroupCoverage:
        """Key-group coverage in the period, in total and by category."""
        return cw._key_group_coverage_by_category(
            self.records.clients, self.records.visits, self.period
        )

    @cached_property
    def overdue(self) -> tuple[FollowUp, ...]:
        """The follow-ups overdue on the period's last day."""
        return cw._overdue_follow_ups(
            self.records.cases, self.records.visits, as_of=self.period.end
        )

    @cached_property
    def attendance(self) -> tuple[tuple[Group, Rate], ...]:
        """Each group with its attendance at the sessions held in the period."""
        return tuple((g, sv._group_attendance([g], self.period)) for g in self.records.groups)


class PeriodView(Protocol):
    """Records read over one period: what a catalogue's indicators measure.

    `StationPeriod` is the view of the built-in catalogue; the rooms above
    this one read their own records over a period the same way (the team's
    figures, the evaluations' outcomes) and keep their own catalogues of
    `Indicator` entries over their view.
    """

    @property
    def records(self) -> object:
        """The records read (a bundle whose collections an entry's ``needs`` names)."""

    @property
    def period(self) -> Period:
        """The period read."""


View = TypeVar("View", bound=PeriodView, contravariant=True)


@frozen
class Indicator(Generic[View]):
    """An entry of a catalogue: an indicator's definition and how to measure it.

    ``on_records`` measures the indicator from a view of records over one
    period (a `StationPeriod` for the built-in `CATALOGUE`).

    Examples:
        >>> entry = CATALOGUE["overdue_follow_ups"]
        >>> entry.definition.code, entry.definition.name.text("en")
        ('overdue_follow_ups', 'Overdue follow-ups')
    """

    definition: IndicatorDefinition
    on_records: Callable[[View], Measure]
    needs: str | None = None
    """The records without which the indicator has no data (a count over none is not 0).

    A collection of the view's records (``cases``, ``visits``,
    ``service_hours`` of a `StationRecords`), which for the built-in
    catalogue is also the frame table of that kind: both engines read the
    rule from here.
    """
    aggregation: Aggregation | None = field(default=None, kw_only=True, converter=_aggregation)
    """How the indicator's monthly values make a longer period's (`Aggregation`).

    Every entry of the built-in `CATALOGUE` declares one; ``None`` (not
    declared) lets `aggregate` refuse rather than guess.
    """
    by_community: bool = field(default=False, kw_only=True)
    """Whether the indicator means something for one community (社区) of the station.

    ``True`` when what it counts belongs to a community: its clients and
    their cases and visits, its groups, needs and households, the files
    about them (`socialwork.metrics.district.community_records`).
    ``False`` for figures about the station as a whole (its staff, its
    volunteers, resources and surveys, the home-visit plan), which a
    district's report (`socialwork.metrics.district_report`) gives once.
    """

    def aggregate(self, values: Iterable[Measure]) -> Measure:
        """A longer period's value from its months' values, in date order (`Aggregation`).

        Months without data (``None``) are left out; with no data in any
        month the result has none either. ``last`` takes the last month's
        value as it is.

        Raises:
            MetricInputError: the indicator counts people or things once over
                the whole period (``distinct``): measure it over that period;
                or it declares no aggregation; or the months' values are not
                all rates (a ratio of sums) or all numbers (a sum).
            ArgumentError: a month's value is a NaN, infinite or huge number.
            TypeError: a month's value is neither a rate, a number nor None.

        Examples:
            >>> from socialwork.metrics import rate
            >>> months = [rate(55, 63), rate(60, 65), rate(19, 20)]
            >>> str(indicator("survey_satisfaction").aggregate(months))  # not the mean of rates
            '90.5% (134/148)'
            >>> from decimal import Decimal
            >>> indicator("volunteer_hours").aggregate([Decimal("80"), None, Decimal("100")])
            Decimal('180')
            >>> indicator("mean_caseload").aggregate([1.5, 1.2, None])  # as of the last day
            >>> indicator("key_group_coverage").aggregate(months)
            Traceback (most recent call last):
            ...
            socialwork.errors.MetricInputError: code must be an indicator whose months add up; ...
        """
        found = tuple(values)
        for value in found:
            if value is not None and not isinstance(value, Rate):
                require_figure(value, "values")
        if self.aggregation is None:
            raise MetricInputError(
                "code", self.definition.code, "an indicator that declares how its months add up"
            )
        if self.aggregation is Aggregation.LAST:
            return found[-1] if found else None
        if self.aggregation is Aggregation.DISTINCT:
            raise MetricInputError(
                "code",
                self.definition.code,
                "an indicator whose months add up; this one counts people or things once"
                " over the whole period: measure it over that period",
            )
        present = [v for v in found if v is not None]
        if not present:
            return None
        if self.aggregation is Aggregation.RATIO_OF_SUMS:
            rates = [v for v in present if isinstance(v, Rate)]
            if len(rates) != len(present):
                raise MetricInputError("values", len(present), "rates to add up")
            return combine(rates)
        decimals = [v for v in present if isinstance(v, Decimal)]
        if len(decimals) == len(present):
            return sum(decimals, Decimal(0))
        numbers = [v for v in present if isinstance(v, int | float)]
        if len(numbers) != len(present):
            raise MetricInputError("values", len(present), "numbers of one kind to add up")
        return sum(numbers)

    def of(self, view: View) -> Measure:
        """The indicator over a view of records; no data (``None``) without the records it needs.

        Examples:
            >>> from socialwork.samples import station_month, station_previous_month
            >>> june, may = station_month(), station_previous_month()
            >>> CATALOGUE["volunteer_hours"].of(StationPeriod(june, june.period))
            Decimal('100')
            >>> CATALOGUE["volunteer_hours"].of(StationPeriod(may, may.period)) is None  # no hours
            True
        """
        if self.needs is not None and not getattr(view.records, self.needs):
            return None
        return self.on_records(view)

    def measure(
        self: Indicator[StationPeriod], records: StationRecords, period: Period | None = None
    ) -> Measure:
        """The indicator over ``records`` for ``period`` (by default the records' own period).

        Raises:
            TypeError: ``records`` is not `StationRecords` or ``period`` not a `Period`.

        Examples:
            >>> from socialwork.samples import station_month
            >>> from socialwork.models import Period
            >>> june = station_month()
            >>> str(indicator("file_completeness").measure(june))
            '84.4% (27/32)'
            >>> indicator("volunteer_hours").measure(june, Period.month(2025, 5)) is None
            False
        """
        records = require_instance(StationRecords, records, "records")
        period = records.period if period is None else require_instance(Period, period, "period")
        return self.of(StationPeriod(records, period))


_text = BilingualText.of


def _survey_satisfaction(month: StationPeriod) -> Measure:
    return survey_satisfaction(month.records.surveys, month.period)


def _case_improvement(month: StationPeriod) -> Measure:
    return cw._case_improvement(month.records.cases)


def _group_attendance(month: StationPeriod) -> Measure:
    return combine(r for _, r in month.attendance)


def _need_satisfaction(month: StationPeriod) -> Measure:
    return sv._need_satisfaction(month.records.needs, month.period)


def _goal_attainment(month: StationPeriod) -> Measure:
    return cw._goal_attainment(month.records.cases)


def _file_completeness(month: StationPeriod) -> Measure:
    return sv._file_completeness(month.records.files)


def _resource_match_accuracy(month: StationPeriod) -> Measure:
    return sv._resource_match_accuracy(month.records.deliveries, month.period)


def _overdue_follow_ups(month: StationPeriod) -> Measure:
    return len(month.overdue)


def _mean_caseload(month: StationPeriod) -> Measure:
    records = month.records
    return cw._mean_caseload(records.cases, records.station.staff, as_of=month.period.end)


def _volunteer_hours(month: StationPeriod) -> Measure:
    return volunteer_hours(month.records.service_hours, month.period)


def _certification_rate(month: StationPeriod) -> Measure:
    return sv._certification_rate(month.records.station.staff, as_of=month.period.end)


def _staff_turnover(month: StationPeriod) -> Measure:
    return sv._staff_turnover(month.records.station.staff, month.period)


def _home_visit_completion(month: StationPeriod) -> Measure:
    """Home-visit completion against the bundle's plan; no data without a plan."""
    planned = month.records.home_visits_planned
    if planned is None:
        return None
    return cw._home_visit_completion(month.records.visits, month.period, planned)


def _clients_per_worker(month: StationPeriod) -> Measure:
    records = month.records
    return cw._clients_per_worker(records.visits, records.station.staff, month.period)


def _identification_rate(month: StationPeriod) -> Measure:
    records = month.records
    return cw._identification_rate(
        records.clients, records.station.communities, as_of=month.period.end
    )


def _resource_utilisation(month: StationPeriod) -> Measure:
    return sv._resource_utilisation(month.records.resources, month.records.deliveries, month.period)


def _group_satisfaction(month: StationPeriod) -> Measure:
    return survey_satisfaction(month.records.surveys, month.period, SurveySubject.GROUP_MEMBERS)


def _volunteer_satisfaction(month: StationPeriod) -> Measure:
    return survey_satisfaction(month.records.surveys, month.period, SurveySubject.VOLUNTEERS)


_ENTRIES: tuple[Indicator[StationPeriod], ...] = (
    # A station's monthly summary reports 85% and aims at 95%.
    Indicator(
        IndicatorDefinition(
            code="key_group_coverage",
            name=_text("重点人群服务覆盖率", "Key-group coverage", "重點人羣服務覆蓋率"),
            numerator=_text(
                "本期至少走访一次的重点人群服务对象",
                "Key-group clients visited in the period",
                "本期至少走訪一次的重點人羣服務對象",
            ),
            denominator=_text(
                "登记的重点人群服务对象", "Registered key-group clients", "登記的重點人羣服務對象"
            ),
            quadrant=RbaQuadrant.HOW_MUCH,
            targets=(at_least("95%"),),
        ),
        lambda month: month.coverage.total,
        aggregation=Aggregation.DISTINCT,
        by_community=True,
    ),
    # Satisfied respondents among those surveyed in the period; people not asked are left out.
    Indicator(
        IndicatorDefinition(
            code="survey_satisfaction",
            name=_text("服务对象满意率(调查)", "Satisfaction (survey)", "服務對象滿意率(調查)"),
            numerator=_text("表示满意的被调查者", "Satisfied respondents", "表示滿意的被調查者"),
            denominator=_text("被调查的总人数", "Respondents", "被調查的總人數"),
            quadrant=RbaQuadrant.HOW_WELL,
        ),
        _survey_satisfaction,
        aggregation=Aggregation.RATIO_OF_SUMS,
    ),
    # Cases that reached intervention with at least one goal improving, achieved or
    # sustaining.
    Indicator(
        IndicatorDefinition(
            code="case_improvement",
            name=_text("个案改善率", "Case improvement", "個案改善率"),
            numerator=_text(
                "至少一个目标改善中、已达成或保持中的个案",
                "Cases with a goal improving, achieved or sustaining",
                "至少一個目標改善中、已達成或保持中的個案",
            ),
            denominator=_text(
                "已进入介入阶段的个案", "Cases that reached intervention", "已進入介入階段的個案"
            ),
            quadrant=RbaQuadrant.BETTER_OFF_PERCENT,
        ),
        _case_improvement,
        aggregation=Aggregation.LAST,
        by_community=True,
    ),
    # Attendances against the members active on each session's date.
    Indicator(
        IndicatorDefinition(
            code="group_attendance",
            name=_text("小组出勤率", "Group attendance", "小組出勤率"),
            numerator=_text("出勤人次", "Attendances", "出勤人次"),
            denominator=_text(
                "各次活动当日在组成员人次",
                "Members expected at each session",
                "各次活動當日在組成員人次",
            ),
            quadrant=RbaQuadrant.HOW_WELL,
        ),
        _group_attendance,
        aggregation=Aggregation.RATIO_OF_SUMS,
        by_community=True,
    ),
    # Needs raised in the period that are now met; withdrawn needs are left out.
    Indicator(
        IndicatorDefinition(
            code="need_satisfaction",
            name=_text("需求满足率", "Need satisfaction", "需求滿足率"),
            numerator=_text("已满足的需求", "Needs met", "已滿足的需求"),
            denominator=_text(
                "本期提出的需求(不含撤回)",
                "Needs raised in the period, less withdrawn",
                "本期提出的需求(不含撤回)",
            ),
            quadrant=RbaQuadrant.BETTER_OFF_PERCENT,
        ),
        _need_satisfaction,
        aggregation=Aggregation.RATIO_OF_SUMS,
        by_community=True,
    ),
    # Goals achieved or sustaining among the goals with an achievement status.
    Indicator(
        IndicatorDefinition(
            code="goal_attainment",
            name=_text("目标达成度", "Goal attainment", "目標達成度"),
            numerator=_text(
                "已达成或保持中的目标", "Goals achieved or sustaining", "已達成或保持中的目標"
            ),
            denominator=_text(
                "已评估的有效目标", "Valid goals with an achievement status", "已評估的有效目標"
            ),
            quadrant=RbaQuadrant.BETTER_OFF_PERCENT,
        ),
        _goal_attainment,
        aggregation=Aggregation.LAST,
        by_community=True,
    ),
    # A station's monthly summary finds 27 of 32 files complete and aims at all of them.
    Indicator(
        IndicatorDefinition(
            code="file_completeness",
            name=_text("档案完整率", "File completeness", "檔案完整率"),
            numerator=_text("无缺项的服务档案", "Files with nothing missing", "無缺項的服務檔案"),
            denominator=_text("服务档案总数", "All service files", "服務檔案總數"),
            quadrant=RbaQuadrant.HOW_WELL,
            targets=(at_least("100%"),),
        ),
        _file_completeness,
        aggregation=Aggregation.LAST,
        by_community=True,
    ),
    # A station's monthly summary finds 7 of 10 deliveries matched and aims at 90%.
    Indicator(
        IndicatorDefinition(
            code="resource_match_accuracy",
            name=_text("资源匹配准确率", "Resource match accuracy", "資源匹配準確率"),
            numerator=_text(
                "符合实际需求的物资发放",
                "Deliveries that met the real need",
                "符合實際需求的物資發放",
            ),
            denominator=_text(
                "已核实的物资发放", "Deliveries checked against the need", "已覈實的物資發放"
            ),
            quadrant=RbaQuadrant.HOW_WELL,
            targets=(at_least("90%"),),
        ),
        _resource_match_accuracy,
        aggregation=Aggregation.RATIO_OF_SUMS,
        by_community=True,
    ),
    # A station's monthly summary alerts the supervisor to a case not followed up for 7 days.
    Indicator(
        IndicatorDefinition(
            code="overdue_follow_ups",
            name=_text("超期未跟进个案", "Overdue follow-ups", "超期未跟進個案"),
            numerator=_text(
                f"超过{FOLLOW_UP_DAYS}天未联系的在案个案(期末)",
                f"Open cases without contact for over {FOLLOW_UP_DAYS} days",
                f"超過{FOLLOW_UP_DAYS}天未聯繫的在案個案(期末)",
            ),
            factor=1,
            decimals=0,
            unit=_text("例", "cases", "例"),
            direction=Direction.LOWER_IS_BETTER,
            quadrant=RbaQuadrant.HOW_WELL,
            targets=(at_most("0例"),),
        ),
        _overdue_follow_ups,
        aggregation=Aggregation.LAST,
        by_community=True,
        needs="cases",
    ),
    # Open cases per social worker on staff at the end of the period, interns left out.
    Indicator(
        IndicatorDefinition(
            code="mean_caseload",
            name=_text("人均个案量", "Caseload per worker", "人均個案量"),
            numerator=_text("期末在案个案", "Open cases at the end of the period", "期末在案個案"),
            denominator=_text(
                "在岗社工(不含实习)",
                "Social workers on staff, interns excluded",
                "在崗社工(不含實習)",
            ),
            factor=1,
            unit=_text("例", "cases", "例"),
            direction=Direction.LOWER_IS_BETTER,
            quadrant=RbaQuadrant.HOW_MUCH,
        ),
        _mean_caseload,
        aggregation=Aggregation.LAST,
        needs="cases",
    ),
    # Hours volunteers served in the period, a sum rather than a rate.
    Indicator(
        IndicatorDefinition(
            code="volunteer_hours",
            name=_text("志愿服务时长", "Volunteer hours", "志願服務時長"),
            numerator=_text(
                "本期志愿服务小时数", "Hours served in the period", "本期志願服務小時數"
            ),
            factor=1,
            decimals=0,
            unit=_text("小时", "hours", "小時"),
            quadrant=RbaQuadrant.HOW_MUCH,
        ),
        _volunteer_hours,
        aggregation=Aggregation.SUM,
        needs="service_hours",
    ),
    # Staff holding a qualification among those on staff at the end of the period, interns
    # left out.
    Indicator(
        IndicatorDefinition(
            code="certification_rate",
            name=_text("社工持证率", "Certification rate", "社工持證率"),
            numerator=_text(
                "持有职业水平证书的社工", "Staff holding a qualification", "持有職業水平證書的社工"
            ),
            denominator=_text(
                "期末在岗社工(不含实习)",
                "Staff on staff at period end, interns excluded",
                "期末在崗社工(不含實習)",
            ),
            quadrant=RbaQuadrant.HOW_WELL,
        ),
        _certification_rate,
        aggregation=Aggregation.LAST,
    ),
    # Staff on the period's first day who left during it; lower is better.
    Indicator(
        IndicatorDefinition(
            code="staff_turnover",
            name=_text("社工流失率", "Staff turnover", "社工流失率"),
            numerator=_text(
                "本期离职的期初在岗人员",
                "Staff on the first day who left in the period",
                "本期離職的期初在崗人員",
            ),
            denominator=_text("期初在岗人员", "Staff on the first day", "期初在崗人員"),
            direction=Direction.LOWER_IS_BETTER,
            quadrant=RbaQuadrant.HOW_WELL,
        ),
        _staff_turnover,
        aggregation=Aggregation.DISTINCT,
    ),
    # A station's monthly summary needs 15 home visits a week and manages 8.
    Indicator(
        IndicatorDefinition(
            code="home_visit_completion",
            name=_text("家访完成率", "Home-visit completion", "家訪完成率"),
            numerator=_text(
                "完成的家访(不超过计划数)",
                "Home visits done, up to the plan",
                "完成的家訪(不超過計劃數)",
            ),
            denominator=_text("计划家访次数", "Home visits planned", "計劃家訪次數"),
            quadrant=RbaQuadrant.HOW_MUCH,
            targets=(at_least("100%"),),
        ),
        _home_visit_completion,
        aggregation=Aggregation.RATIO_OF_SUMS,
    ),
    # A station's monthly summary: 65 clients served by 6 full-time workers, "10人以上".
    Indicator(
        IndicatorDefinition(
            code="clients_per_worker",
            name=_text("人均服务对象", "Clients per worker", "人均服務對象"),
            numerator=_text(
                "本期联系过的服务对象(去重)",
                "Distinct clients contacted in the period",
                "本期聯繫過的服務對象(去重)",
            ),
            denominator=_text(
                "期末在岗社工(不含实习)",
                "Social workers on staff at period end, interns excluded",
                "期末在崗社工(不含實習)",
            ),
            factor=1,
            unit=_text("人", "clients", "人"),
            quadrant=RbaQuadrant.HOW_MUCH,
        ),
        _clients_per_worker,
        aggregation=Aggregation.DISTINCT,
        needs="visits",
    ),
    # A station's monthly summary aims at identifying 90% of each key group.
    Indicator(
        IndicatorDefinition(
            code="identification_rate",
            name=_text("重点人群识别率", "Identification rate", "重點人羣識別率"),
            numerator=_text(
                "已登记的台账人员(不超过台账人数)",
                "Listed people registered as clients, up to the list's count",
                "已登記的臺賬人員(不超過臺賬人數)",
            ),
            denominator=_text(
                "官方台账所列重点人群人数",
                "Key-group people on the official lists",
                "官方臺賬所列重點人羣人數",
            ),
            quadrant=RbaQuadrant.HOW_MUCH,
            targets=(at_least("90%"),),
        ),
        _identification_rate,
        aggregation=Aggregation.LAST,
        by_community=True,
    ),
    # A station's monthly summary aims at raising resource utilisation to 85%.
    Indicator(
        IndicatorDefinition(
            code="resource_utilisation",
            name=_text("资源利用率", "Resource utilisation", "資源利用率"),
            numerator=_text(
                "本期有发放的可用资源",
                "Usable resources delivered in the period",
                "本期有發放的可用資源",
            ),
            denominator=_text("现有可用的资源", "Resources usable now", "現有可用的資源"),
            quadrant=RbaQuadrant.HOW_WELL,
            targets=(at_least("85%"),),
        ),
        _resource_utilisation,
        aggregation=Aggregation.DISTINCT,
    ),
    # A station's monthly summary reports 95% of group members satisfied.
    Indicator(
        IndicatorDefinition(
            code="group_satisfaction",
            name=_text("小组满意率", "Group satisfaction", "小組滿意率"),
            numerator=_text("表示满意的小组成员", "Satisfied group members", "表示滿意的小組成員"),
            denominator=_text("被调查的小组成员", "Group members surveyed", "被調查的小組成員"),
            quadrant=RbaQuadrant.HOW_WELL,
        ),
        _group_satisfaction,
        aggregation=Aggregation.RATIO_OF_SUMS,
    ),
    # A station's monthly summary reports 90% of volunteers satisfied.
    Indicator(
        IndicatorDefinition(
            code="volunteer_satisfaction",
            name=_text("志愿者满意率", "Volunteer satisfaction", "志願者滿意率"),
            numerator=_text("表示满意的志愿者", "Satisfied volunteers", "表示滿意的志願者"),
            denominator=_text("被调查的志愿者", "Volunteers surveyed", "被調查的志願者"),
            quadrant=RbaQuadrant.HOW_WELL,
        ),
        _volunteer_satisfaction,
        aggregation=Aggregation.RATIO_OF_SUMS,
    ),
)


def _catalogue(*entries: Indicator[StationPeriod]) -> Mapping[str, Indicator[StationPeriod]]:
    """The entries by code, refusing two entries with one code."""
    by_code = {entry.definition.code: entry for entry in entries}
    if len(by_code) != len(entries):
        raise RuntimeError("two catalogue entries share a code")
    return MappingProxyType(by_code)


CATALOGUE: Mapping[str, Indicator[StationPeriod]] = _catalogue(*_ENTRIES)
"""Every built-in indicator by code, in report order."""


def indicator(code: str) -> Indicator[StationPeriod]:
    """Return the catalogue's entry for the indicator ``code``.

    Raises:
        UnknownCodeError: no indicator has that code; the message lists the codes.

    Examples:
        >>> indicator("volunteer_hours").definition.name.text("en")
        'Volunteer hours'
        >>> indicator("happiness")
        Traceback (most recent call last):
        ...
        socialwork.errors.UnknownCodeError: code must be one of the codes 'key_group_coverage', ...
    """
    entry = CATALOGUE.get(code) if isinstance(code, str) else None
    if entry is None:
        raise UnknownCodeError("code", code, list(CATALOGUE))
    return entry
