"""The monthly report (月度指标报告): every indicator, its change and its target status.

`monthly_report` measures every indicator of the catalogue
(`socialwork.metrics.catalogue.CATALOGUE`) from a `StationRecords` bundle,
each once, compares them with the previous period's bundle, and judges them
against their targets (`IndicatorDefinition.judge`). A report shows itself
(`MonthlyReport.to_document`: Markdown, HTML, a page, text) and tabulates
itself (`MonthlyReport.to_rows`); it prints nothing.

Examples:
    >>> from socialwork.samples import station_month, station_previous_month
    >>> june = station_month()
    >>> report = monthly_report(june, june.period, station_previous_month())
    >>> line = report.line("survey_satisfaction")
    >>> str(line.value), str(line.previous), round(line.change, 2)  # 60/65 - 55/63
    ('92.3% (60/65)', '87.3% (55/63)', 5.01)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from attrs import Factory, field, frozen

from socialwork._arguments import require_instance, require_instances, require_member
from socialwork.display.chart import Chart
from socialwork.display.displayable import Displayable
from socialwork.display.document import Block, Document, Heading, Items, Paragraph, Table
from socialwork.errors import ArgumentError, MetricInputError, UnknownCodeError
from socialwork.labels import Language, Script, canonical_language
from socialwork.metrics._shown import SHOWN, exclusion_items, rows_left_out
from socialwork.metrics.casework import FollowUp, coverage_chart
from socialwork.metrics.catalogue import CATALOGUE, Indicator, PeriodView, StationPeriod
from socialwork.metrics.definitions import Direction, IndicatorDefinition, Measure
from socialwork.metrics.rates import Exclusion, ExclusionSummary, Rate, percentage_point_change
from socialwork.metrics.services import MembershipGrowth, membership_growth
from socialwork.metrics.status import TargetStatus
from socialwork.metrics.targets import Target
from socialwork.models import BilingualText, ClientCategory, Period, StationRecords

__all__ = [
    "GroupLine",
    "MonthlyReport",
    "ReportLine",
    "ReportSection",
    "monthly_report",
    "report_line",
    "report_section",
]


def _status(value: TargetStatus | str) -> TargetStatus:
    return require_member(TargetStatus, value, "status")


@frozen
class ReportLine(Displayable):
    """One indicator in a report: its value, the previous one, the change and the status.

    ``change`` is in display units: percentage points for a percentage,
    the plain difference for a number; ``None`` when either value is
    undefined or there is no previous period. ``previous_period`` is the
    period ``previous`` was measured over, ``None`` when the report compares
    with none: a line then shows "—" as its previous value, and otherwise
    "n/a" when the previous period has no data (never 0). ``status`` is
    ``no_target`` for a value that no target judges, ``no_data`` when
    there is no value.

    Examples:
        >>> from socialwork.metrics import rate
        >>> from socialwork.metrics.catalogue import indicator
        >>> files = indicator("file_completeness").definition
        >>> line = ReportLine(files, rate(27, 32), None, None,
        ...                   files.target_for(None), "off_track")
        >>> line.definition.code, line.exclusions, line.status.label("en")
        ('file_completeness', (), 'Off track')
    """

    definition: IndicatorDefinition
    value: Measure
    previous: Measure
    change: float | None
    target: Target | None
    status: TargetStatus = field(converter=_status)
    previous_period: Period | None = None

    @property
    def exclusions(self) -> tuple[Exclusion, ...]:
        """What the value's rate left out, listed when it was built (empty for a plain number).

        A rate from frames counts its exclusions without listing them
        (`Rate`): `excluded` counts them always.
        """
        return self.value.exclusions if isinstance(self.value, Rate) else ()

    @property
    def excluded(self) -> ExclusionSummary:
        """What the value's rate left out, counted by reason (nothing for a plain number)."""
        return self.value.excluded if isinstance(self.value, Rate) else _NOTHING

    def to_document(self, language: Language | str = "zh") -> Document:
        """Return the line as a one-row table, as in the report.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> from socialwork.samples import station_month
            >>> june = station_month()
            >>> line = monthly_report(june, june.period).line("file_completeness")
            >>> print(line.to_markdown("en").splitlines()[-1])
            | File completeness | 84.4% (27/32) | — | — | ≥ 100.0% | Off track |
        """
        script = canonical_language(language)
        return Document(
            [Table(_WORDS[script]["indicator_header"].split("|"), [_row(self, script)])]
        )

    def to_rows(self) -> list[dict[str, Any]]:
        """Return the line as one row: code, names, value, counts, interval, change, target, status.

        ``value``, ``previous`` and the interval are fractions for a rate
        (0.85, not 85) and plain numbers otherwise; ``change`` and
        ``target`` are in display units, as in the report; ``status`` is a
        code; ``excluded`` counts the value's exclusions.

        Examples:
            >>> from socialwork.samples import station_month, station_previous_month
            >>> june = station_month()
            >>> line = monthly_report(june, june.period, station_previous_month()).line(
            ...     "key_group_coverage")
            >>> row = line.to_rows()[0]
            >>> row["code"], row["numerator"], row["denominator"], round(row["value"], 4)
            ('key_group_coverage', 65, 76, 0.8553)
            >>> round(row["previous"], 4), round(row["change"], 2), row["target"], row["status"]
            (0.7895, 6.58, 95.0, 'off_track')
        """
        return [
            {
                "code": self.definition.code,
                "name_zh": self.definition.name.zh,
                "name_en": self.definition.name.en,
                **_measure(self.value),
                "previous": _measure(self.previous)["value"],
                "change": self.change,
                "target": None if self.target is None else float(self.target.value),
                "status": self.status.value,
                "excluded": self.excluded.total,
            }
        ]


def _measure(value: Measure) -> dict[str, Any]:
    """The columns of a line's value: a rate's counts and interval, or a number."""
    if isinstance(value, Rate):
        low, high = value.wilson() if value.denominator else (None, None)
        return {
            "value": value.value,
            "numerator": value.numerator,
            "denominator": value.denominator,
            "interval_low": low,
            "interval_high": high,
        }
    return {
        "value": None if value is None else float(value),
        "numerator": None,
        "denominator": None,
        "interval_low": None,
        "interval_high": None,
    }


@frozen
class GroupLine:
    """One group in a report: attendance in the period and membership growth.

    Examples:
        >>> from socialwork.metrics import rate
        >>> from socialwork.metrics.services import MembershipGrowth
        >>> str(GroupLine("夕阳红", rate(45, 50), MembershipGrowth("g1", 8, 15)).membership)
        '8 → 15'
    """

    name: str
    attendance: Rate
    membership: MembershipGrowth


def _overdue_count(report: MonthlyReport) -> int:
    return len(report.overdue)


def _lines(lines: Iterable[ReportLine]) -> tuple[ReportLine, ...]:
    return tuple(lines)


@frozen
class ReportSection:
    """Indicators a room above this one reports beside the catalogue's, under a heading.

    The team's figures (`socialwork.team`) and the evaluations' "better off"
    figures (`socialwork.evaluation`) measure records a `StationRecords`
    bundle does not hold; their rooms build their lines with `report_line`,
    judged and shown exactly as the catalogue's, and a report carries them
    in ``sections``.

    Examples:
        >>> from socialwork.metrics import rate
        >>> from socialwork.metrics.catalogue import indicator
        >>> from socialwork.models import Period
        >>> files = indicator("file_completeness").definition
        >>> june = Period.month(2025, 6)
        >>> section = ReportSection(BilingualText.of("档案", "Files"),
        ...                         [report_line(files, rate(27, 32), june)])
        >>> section.title.text("en"), section.lines[0].status.value
        ('Files', 'off_track')
    """

    title: BilingualText
    lines: tuple[ReportLine, ...] = field(converter=_lines)


@frozen
class MonthlyReport(Displayable):
    """A station's indicators for a period, compared with the previous one.

    The overdue follow-ups on the period's last day are counted in
    ``overdue_count``; ``overdue`` keeps the first 20 of them (by due date,
    then case id), which is what the report shows, so a city's report costs
    what its figures cost. Every one of them:
    `socialwork.metrics.casework.overdue_follow_ups` on records,
    `socialwork.frames.StationFrames.overdue_follow_ups` on frames.

    Raises:
        MetricInputError: ``overdue`` does not hold the first 20 of the
            ``overdue_count`` follow-ups (all of them when there are fewer).

    Examples:
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> report = monthly_report(june, june.period)
        >>> report.line("key_group_coverage").status.label("en")
        'Off track'
    """

    station: str
    period: Period
    previous_period: Period | None
    lines: tuple[ReportLine, ...]
    coverage_by_category: tuple[tuple[ClientCategory, Rate], ...]
    groups: tuple[GroupLine, ...]
    overdue: tuple[FollowUp, ...]
    overdue_count: int = field(default=Factory(_overdue_count, takes_self=True))
    sections: tuple[ReportSection, ...] = ()

    def __attrs_post_init__(self) -> None:
        """Check that the report keeps the first follow-ups it counts, as many as it shows."""
        if len(self.overdue) != min(self.overdue_count, SHOWN):
            raise MetricInputError(
                "overdue",
                len(self.overdue),
                f"the first {min(self.overdue_count, SHOWN)} of {self.overdue_count} follow-ups",
            )

    def all_lines(self) -> tuple[ReportLine, ...]:
        """Every line: the catalogue's, then each section's.

        Examples:
            >>> from socialwork.samples import station_month
            >>> june = station_month()
            >>> report = monthly_report(june, june.period)
            >>> report.all_lines() == report.lines  # no sections
            True
        """
        return self.lines + tuple(li for section in self.sections for li in section.lines)

    def line(self, code: str) -> ReportLine:
        """Return the line of the indicator ``code``, the catalogue's or a section's.

        Raises:
            UnknownCodeError: no line has that code; the message lists the codes.

        Examples:
            >>> from socialwork.samples import station_month
            >>> june = station_month()
            >>> str(monthly_report(june, june.period).line("file_completeness").value)
            '84.4% (27/32)'
        """
        lines = self.all_lines()
        for line in lines:
            if line.definition.code == code:
                return line
        raise UnknownCodeError("code", code, [li.definition.code for li in lines])

    def __repr__(self) -> str:
        """A one-line summary: station, period and how many indicators, groups and overdue cases."""
        return (
            f"MonthlyReport({self.station!r}, {self.period.start}..{self.period.end}: "
            f"{len(self.all_lines())} indicators, {len(self.groups)} groups, "
            f"{self.overdue_count} overdue)"
        )

    def chart(self, language: Language | str = "zh") -> Chart:
        """Return key-group coverage by category as a chart (`coverage_chart`).

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> from socialwork.samples import station_month
            >>> june = station_month()
            >>> monthly_report(june, june.period).chart("en")
            Chart('Key-group coverage')
        """
        return coverage_chart(self.coverage_by_category, language)

    def to_rows(self) -> list[dict[str, Any]]:
        """Return one row per line, the catalogue's then the sections' (`ReportLine.to_rows`).

        Examples:
            >>> from socialwork.samples import station_month
            >>> june = station_month()
            >>> report = monthly_report(june, june.period)
            >>> rows = report.to_rows()
            >>> len(rows) == len(report.all_lines())
            True
            >>> [(r["code"], r["numerator"], r["denominator"]) for r in rows][:2]
            [('key_group_coverage', 65, 76), ('survey_satisfaction', 60, 65)]
        """
        return [row for line in self.all_lines() for row in line.to_rows()]

    def title(self, language: Language | str = "zh") -> str:
        """Return the report's title: the station's name and what period it reports.

        A calendar month's report is a "monthly indicator report", a
        quarter's a "quarterly" and a calendar year's an "annual" one; any
        other period's an "indicator report" (its dates are under the title).

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> from socialwork.samples import station_month
            >>> from socialwork.models import Period
            >>> june = station_month()
            >>> monthly_report(june, june.period).title("en")
            '幸福街道社工站 monthly indicator report'
            >>> monthly_report(june, Period.quarter(2025, 2)).title()
            '幸福街道社工站 季度指标报告'
            >>> monthly_report(june, Period.year(2025)).title("zh-Hant")
            '幸福街道社工站 年度指標報告'
        """
        words = _WORDS[canonical_language(language)]
        return f"{self.station} {words[_title_of(self.period)]}"

    def to_document(self, language: Language | str = "zh") -> Document:
        """Return the report in Simplified Chinese (default), Traditional Chinese or English.

        The document holds the indicators with their targets and status,
        each section's indicators under its heading, coverage by key group
        (a table and its chart), the groups, the overdue follow-ups and the
        exclusions; names and ids are shown as they are, escaped by each
        writer.

        A district's report can count hundreds of thousands of items, so the
        document shortens what it shows (the report counts every item): the
        overdue table shows its first 20 rows and says how many it left
        out, and an indicator with over 20 exclusions shows, for each
        reason, how many and the first five ids.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> from socialwork.samples import station_month
            >>> june = station_month()
            >>> print(monthly_report(june, june.period).to_markdown().splitlines()[0])
            # 幸福街道社工站 月度指标报告
            >>> document = monthly_report(june, june.period).to_document("en")
            >>> for heading in (b for b in document.blocks if isinstance(b, Heading)):
            ...     print(heading.text)
            幸福街道社工站 monthly indicator report
            Key-group coverage by category
            Groups
            Overdue follow-ups (2025-06-30)
            Exclusions
            >>> document.charts
            (Chart('Key-group coverage'),)
        """
        script = canonical_language(language)
        words = _WORDS[script]
        period = f"{self.period.start} {words['to']} {self.period.end}"
        if self.previous_period is not None:
            before = f"{self.previous_period.start} {words['to']} {self.previous_period.end}"
            period += f"; {words['previous']}: {before}"
        excluded = [
            item
            for li in self.all_lines()
            for item in exclusion_items(li.excluded, script, li.definition.name.text(script))
        ]
        overdue = [
            (f.case_id, f.worker_id, f.last_contact or "—", f.due_on) for f in self.overdue[:SHOWN]
        ]
        blocks: list[Block] = [
            Heading(self.title(script), 1),
            Paragraph(f"{words['period']}: {period}"),
            Table(words["indicator_header"].split("|"), [_row(li, script) for li in self.lines]),
            *(
                block
                for section in self.sections
                for block in (
                    Heading(section.title.text(script)),
                    Table(
                        words["indicator_header"].split("|"),
                        [_row(li, script) for li in section.lines],
                    ),
                )
            ),
            Heading(words["by_category"]),
            Table(
                words["category_header"].split("|"),
                [(c.label(script), r) for c, r in self.coverage_by_category],
            ),
            self.chart(script),
            Heading(words["groups"]),
            Table(
                words["group_header"].split("|"),
                [(g.name, g.attendance, g.membership) for g in self.groups],
            ),
            Heading(f"{words['overdue']} ({self.period.end})"),
            Table(words["overdue_header"].split("|"), overdue),
            *rows_left_out(self.overdue_count - SHOWN, script, "overdue_follow_ups"),
            Heading(words["exclusions"]),
            Items(excluded or [words["none"]]),
        ]
        return Document(blocks)


_NOTHING = ExclusionSummary()

_WORDS: dict[Script, dict[str, str]] = {
    "zh-Hans": {
        "title": "月度指标报告",
        "title_quarter": "季度指标报告",
        "title_year": "年度指标报告",
        "title_period": "指标报告",
        "to": "至",
        "previous": "对比期",
        "period": "统计期",
        "indicator_header": "指标|本期|上期|变化|目标|状态",
        "by_category": "重点人群覆盖(按类别)",
        "category_header": "类别|覆盖率",
        "groups": "小组",
        "group_header": "小组|出勤率|成员(期初 → 期末)",
        "overdue": "超期未跟进个案",
        "overdue_header": "个案|社工|最近联系|应跟进日期",
        "exclusions": "排除项",
        "none": "无",
    },
    "zh-Hant": {
        "title": "月度指標報告",
        "title_quarter": "季度指標報告",
        "title_year": "年度指標報告",
        "title_period": "指標報告",
        "to": "至",
        "previous": "對比期",
        "period": "統計期",
        "indicator_header": "指標|本期|上期|變化|目標|狀態",
        "by_category": "重點人羣覆蓋(按類別)",
        "category_header": "類別|覆蓋率",
        "groups": "小組",
        "group_header": "小組|出勤率|成員(期初 → 期末)",
        "overdue": "超期未跟進個案",
        "overdue_header": "個案|社工|最近聯繫|應跟進日期",
        "exclusions": "排除項",
        "none": "無",
    },
    "en": {
        "title": "monthly indicator report",
        "title_quarter": "quarterly indicator report",
        "title_year": "annual indicator report",
        "title_period": "indicator report",
        "to": "to",
        "previous": "compared with",
        "period": "Period",
        "indicator_header": "Indicator|This period|Previous|Change|Target|Status",
        "by_category": "Key-group coverage by category",
        "category_header": "Category|Coverage",
        "groups": "Groups",
        "group_header": "Group|Attendance|Members (start → end)",
        "overdue": "Overdue follow-ups",
        "overdue_header": "Case|Worker|Last contact|Due on",
        "exclusions": "Exclusions",
        "none": "none",
    },
}


def _title_of(period: Period) -> str:
    """The key of a report's title: a calendar month's, quarter's, year's, or another period's."""
    start = period.start
    if period == Period.month(start.year, start.month):
        return "title"
    if period == Period.quarter(start.year, (start.month - 1) // 3 + 1):
        return "title_quarter"
    if period == Period.year(start.year):
        return "title_year"
    return "title_period"


def _row(line: ReportLine, script: Script) -> list[str]:
    definition = line.definition
    return [
        definition.name.text(script),
        definition.format(line.value, script),
        _previous_text(line, script),
        "—" if line.change is None else definition.format_change(line.change, script),
        _target_text(line, script),
        line.status.label(script),
    ]


def _previous_text(line: ReportLine, script: Script) -> str:
    """The previous value: "—" without a previous period, "n/a" when it had no data."""
    if line.previous_period is None:
        return "—"
    return line.definition.format(line.previous, script)


def _target_text(line: ReportLine, script: Script) -> str:
    definition = line.definition
    target = line.target
    if target is None:
        return "—"
    sign = "≥" if definition.direction is Direction.HIGHER_IS_BETTER else "≤"
    return f"{sign} {definition.format(target.value / definition.factor, script)}"


def _change(definition: IndicatorDefinition, value: Measure, previous: Measure) -> float | None:
    """The change from ``previous`` in display units; ``None`` when either is undefined."""
    if isinstance(value, Rate) and isinstance(previous, Rate):
        points = percentage_point_change(value, previous)
        return None if points is None else points * definition.factor / 100
    now, before = definition.scaled(value), definition.scaled(previous)
    return None if now is None or before is None else now - before


def monthly_report(
    records: StationRecords,
    period: Period,
    previous: StationRecords | None = None,
    *,
    sections: Iterable[ReportSection] = (),
) -> MonthlyReport:
    """Compute a station's monthly report for ``period``: every indicator of the catalogue.

    Dated records (visits, sessions, surveys, hours, deliveries, needs) count
    when they fall in ``period``; cases, files and staff are taken as they
    stand, and follow-ups, caseloads and certification as of ``period.end``.
    ``previous`` is the bundle of the period before, read over its own
    ``period``; each line's change is against it. A line whose records a
    bundle lacks (no cases, no volunteer hours, no home-visit plan) has no
    data there and shows "n/a", never a 0 that did not happen; a value with
    no target has the status ``no_target``. Each indicator is
    measured once for each bundle (`StationPeriod` shares the figures the
    indicators and the report's tables have in common). ``sections`` are
    the rooms above's indicators (`ReportSection`), shown after the
    catalogue's, in the order given.

    Raises:
        TypeError: ``records`` or ``previous`` is not a `StationRecords`,
            ``period`` not a `Period`, or a section not a `ReportSection`.
        ArgumentError: a section's line has the code of another line.

    Examples:
        >>> from socialwork.samples import station_month, station_previous_month
        >>> june = station_month()
        >>> report = monthly_report(june, june.period, station_previous_month())
        >>> coverage = report.line("key_group_coverage")
        >>> str(coverage.value), str(coverage.previous), round(coverage.change, 2)  # 5/76
        ('85.5% (65/76)', '78.9% (60/76)', 6.58)
        >>> coverage.status.value, report.line("volunteer_hours").status.value
        ('off_track', 'no_target')
    """
    records = require_instance(StationRecords, records, "records")
    period = require_instance(Period, period, "period")
    if previous is not None:
        previous = require_instance(StationRecords, previous, "previous")
    now = StationPeriod(records, period)
    before = None if previous is None else StationPeriod(previous, previous.period)
    return assemble_report(
        records.station.name,
        period,
        None if previous is None else previous.period,
        {code: entry.of(now) for code, entry in CATALOGUE.items()},
        None if before is None else {code: e.of(before) for code, e in CATALOGUE.items()},
        now.coverage.by_category,
        tuple(
            GroupLine(g.name, attendance, membership_growth(g, period))
            for g, attendance in now.attendance
        ),
        now.overdue[:SHOWN],
        len(now.overdue),
        sections,
    )


def report_line(
    definition: IndicatorDefinition,
    value: Measure,
    period: Period,
    previous: Measure = None,
    previous_period: Period | None = None,
) -> ReportLine:
    """Judge one indicator's value for ``period`` and compare it with ``previous``.

    The one rule every line of a report follows, whichever room measured
    it: the change in display units (`ReportLine`), the target in force for
    ``period`` and its status (`IndicatorDefinition.judge`).

    Raises:
        TypeError: ``definition`` is not an `IndicatorDefinition` or ``period`` not a `Period`.

    Examples:
        >>> from socialwork.metrics import rate
        >>> from socialwork.metrics.catalogue import indicator
        >>> from socialwork.models import Period
        >>> coverage = indicator("key_group_coverage").definition
        >>> june, may = Period.month(2025, 6), Period.month(2025, 5)
        >>> line = report_line(coverage, rate(65, 76), june, rate(60, 76), may)
        >>> round(line.change, 2), str(line.target.value), line.status.value  # 65/76 - 60/76
        (6.58, '95.0', 'off_track')
    """
    definition = require_instance(IndicatorDefinition, definition, "definition")
    period = require_instance(Period, period, "period")
    return ReportLine(
        definition,
        value,
        previous,
        _change(definition, value, previous),
        definition.target_for(period),
        definition.judge(value, period).status,
        previous_period,
    )


def assemble_report(
    station: str,
    period: Period,
    previous_period: Period | None,
    values: Mapping[str, Measure],
    previous: Mapping[str, Measure] | None,
    coverage_by_category: tuple[tuple[ClientCategory, Rate], ...],
    groups: tuple[GroupLine, ...],
    overdue: tuple[FollowUp, ...],
    overdue_count: int,
    sections: Iterable[ReportSection] = (),
) -> MonthlyReport:
    """Assemble a report from each catalogue indicator's value (by code) and the tables.

    The seam `monthly_report` and `socialwork.frames.frame_monthly_report`
    share: each line is judged by `report_line`, in catalogue order.
    ``overdue`` holds the first 20 of the ``overdue_count`` follow-ups.

    Raises:
        TypeError: ``period`` is not a `Period`, or a section not a `ReportSection`.
        ArgumentError: two lines share a code (one line of the report per indicator).
    """
    period = require_instance(Period, period, "period")
    lines = tuple(
        report_line(
            entry.definition,
            values[code],
            period,
            None if previous is None else previous[code],
            previous_period,
        )
        for code, entry in CATALOGUE.items()
    )
    sections = require_instances(ReportSection, sections, "sections")
    codes = Counter(li.definition.code for s in sections for li in s.lines)
    codes.update(li.definition.code for li in lines)
    repeated = sorted(code for code, count in codes.items() if count > 1)
    if repeated:
        raise ArgumentError("sections", repeated, "lines whose codes no other line has")
    return MonthlyReport(
        station=station,
        period=period,
        previous_period=previous_period,
        lines=tuple(lines),
        coverage_by_category=coverage_by_category,
        groups=groups,
        overdue=overdue,
        overdue_count=overdue_count,
        sections=sections,
    )


V = TypeVar("V", bound=PeriodView)


def report_section(
    title: BilingualText,
    entries: Iterable[Indicator[V]],
    view: V,
    previous: V | None = None,
) -> ReportSection:
    """Measure each entry over ``view`` (and ``previous``) and judge it as a report line.

    How a room above this one turns its own catalogue into a section of the
    monthly report: each line is `report_line` of the entry's definition,
    its value for ``view.period`` and its value for ``previous.period``.

    Examples:
        >>> from socialwork.samples import station_month, station_previous_month
        >>> june, may = station_month(), station_previous_month()
        >>> files = CATALOGUE["file_completeness"], CATALOGUE["volunteer_hours"]
        >>> section = report_section(BilingualText.of("档案", "Files"), files,
        ...                          StationPeriod(june, june.period),
        ...                          StationPeriod(may, may.period))
        >>> [(str(li.value), str(li.previous)) for li in section.lines]
        [('84.4% (27/32)', 'n/a'), ('100', 'None')]
    """
    before = None if previous is None else previous.period
    return ReportSection(
        title,
        [
            report_line(
                entry.definition,
                entry.of(view),
                view.period,
                None if previous is None else entry.of(previous),
                before,
            )
            for entry in entries
        ],
    )
