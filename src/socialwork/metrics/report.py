"""The monthly report (月度指标报告): every indicator, its change and its target status.

`monthly_report` measures every indicator of the catalogue
(`socialwork.metrics.catalogue.CATALOGUE`) from a `StationRecords` bundle,
each once, compares them with the previous period's bundle, and judges them
against their targets (`IndicatorDefinition.judge`). `MonthlyReport.to_markdown`
renders it; it returns text and prints nothing.

Examples:
    >>> from socialwork.samples import station_month, station_previous_month
    >>> june = station_month()
    >>> report = monthly_report(june, june.period, station_previous_month())
    >>> line = report.line("survey_satisfaction")
    >>> str(line.value), str(line.previous), round(line.change, 2)  # 60/65 - 55/63
    ('92.3% (60/65)', '87.3% (55/63)', 5.01)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from attrs import field, frozen

from socialwork import display
from socialwork._arguments import require_instance, require_member
from socialwork.display import Displayable
from socialwork.errors import UnknownCodeError
from socialwork.labels import Language, Script, canonical_language
from socialwork.metrics.casework import FollowUp
from socialwork.metrics.catalogue import CATALOGUE, StationPeriod
from socialwork.metrics.definitions import Direction, IndicatorDefinition, Measure
from socialwork.metrics.rates import Exclusion, Rate, percentage_point_change
from socialwork.metrics.services import MembershipGrowth, membership_growth
from socialwork.metrics.status import TargetStatus
from socialwork.metrics.targets import Target
from socialwork.models import ClientCategory, Period, StationRecords

__all__ = ["GroupLine", "MonthlyReport", "ReportLine", "monthly_report"]


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
        >>> from socialwork.metrics.catalogue import FILE_COMPLETENESS
        >>> line = ReportLine(FILE_COMPLETENESS, rate(27, 32), None, None,
        ...                   FILE_COMPLETENESS.target_for(None), "off_track")
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
        """What the value's rate left out (empty for a plain number)."""
        return self.value.exclusions if isinstance(self.value, Rate) else ()

    def to_markdown(self, language: Language | str = "zh") -> str:
        """Return the line as a one-row Markdown table, as in the report.

        Examples:
            >>> from socialwork.samples import station_month
            >>> june = station_month()
            >>> line = monthly_report(june, june.period).line("file_completeness")
            >>> print(line.to_markdown("en").splitlines()[-1])
            | File completeness | 84.4% (27/32) | — | — | ≥ 100.0% | Off track |
        """
        script = canonical_language(language)
        header = _WORDS[script]["indicator_header"].split("|")
        return display.markdown_table(header, [_row(self, script)]) + "\n"


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


@frozen
class MonthlyReport(Displayable):
    """A station's indicators for a period, compared with the previous one.

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

    def line(self, code: str) -> ReportLine:
        """Return the line of the indicator ``code``.

        Raises:
            UnknownCodeError: no line has that code; the message lists the codes.

        Examples:
            >>> from socialwork.samples import station_month
            >>> june = station_month()
            >>> str(monthly_report(june, june.period).line("file_completeness").value)
            '84.4% (27/32)'
        """
        for line in self.lines:
            if line.definition.code == code:
                return line
        raise UnknownCodeError("code", code, [li.definition.code for li in self.lines])

    def __repr__(self) -> str:
        """A one-line summary: station, period and how many indicators, groups and overdue cases."""
        return (
            f"MonthlyReport({self.station!r}, {self.period.start}..{self.period.end}: "
            f"{len(self.lines)} indicators, {len(self.groups)} groups, {len(self.overdue)} overdue)"
        )

    def chart(self, language: Language | str = "zh") -> dict[str, Any]:
        """Key-group coverage by category as a Vega-Lite v5 spec (`socialwork.display`).

        Examples:
            >>> from socialwork.samples import station_month
            >>> june = station_month()
            >>> monthly_report(june, june.period).chart("en")["title"]
            'Key-group coverage'
        """
        return display.coverage_chart(self.coverage_by_category, language)

    def to_markdown(self, language: Language | str = "zh") -> str:
        """Return the report as Markdown, in Simplified Chinese (default), Traditional or English.

        Names and ids are written as they are, but for a ``|`` (escaped, so
        that it cannot split a table cell) and line breaks (turned into
        spaces, so that they cannot end a table row or a heading).

        A district's report can list hundreds of thousands of items, so the
        Markdown shortens what it shows (the report keeps every item): the
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
            >>> print(monthly_report(june, june.period).to_markdown("en").splitlines()[0])
            # 幸福街道社工站 monthly indicator report
        """
        script = canonical_language(language)
        words = _WORDS[script]
        out = [f"# {_inline(self.station)} {words['title']}", ""]
        period = f"{self.period.start} {words['to']} {self.period.end}"
        if self.previous_period is not None:
            before = f"{self.previous_period.start} {words['to']} {self.previous_period.end}"
            period += f"; {words['previous']}: {before}"
        out += [f"{words['period']}: {period}", ""]
        out += _table(words["indicator_header"], [_row(li, script) for li in self.lines])
        out += ["", f"## {words['by_category']}", ""]
        out += _table(
            words["category_header"],
            [[c.label(script), str(r)] for c, r in self.coverage_by_category],
        )
        out += ["", f"## {words['groups']}", ""]
        out += _table(
            words["group_header"],
            [[g.name, str(g.attendance), str(g.membership)] for g in self.groups],
        )
        out += ["", f"## {words['overdue']} ({self.period.end})", ""]
        out += _table(
            words["overdue_header"],
            [
                [f.case_id, f.worker_id, str(f.last_contact or "—"), str(f.due_on)]
                for f in self.overdue[: display._SHOWN]
            ],
        )
        out += display._rows_left_out(len(self.overdue) - display._SHOWN, script, "report.overdue")
        excluded = [
            item
            for li in self.lines
            for item in display._exclusion_items(
                li.exclusions, script, li.definition.name.text(script)
            )
        ]
        out += ["", f"## {words['exclusions']}", ""]
        out += excluded or [f"- {words['none']}"]
        return "\n".join(out) + "\n"


_WORDS: dict[Script, dict[str, str]] = {
    "zh-Hans": {
        "title": "月度指标报告",
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

_LINE_BREAK = re.compile(r"\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")


def _inline(text: str) -> str:
    """``text`` on one line: every line break becomes a space."""
    return _LINE_BREAK.sub(" ", text)


def _cell(text: str) -> str:
    """``text`` as one Markdown table cell: on one line, with bars and backslashes escaped."""
    return _inline(text).replace("\\", "\\\\").replace("|", "\\|")


def _table(header: str, rows: list[list[str]]) -> list[str]:
    columns = header.split("|")
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in rows]
    if not rows:
        lines.append("| " + " | ".join(["—"] * len(columns)) + " |")
    return lines


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
    records: StationRecords, period: Period, previous: StationRecords | None = None
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
    indicators and the report's tables have in common).

    Raises:
        TypeError: ``records`` or ``previous`` is not a `StationRecords`, or
            ``period`` not a `Period`.

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
        {code: entry.measure(now) for code, entry in CATALOGUE.items()},
        None if before is None else {code: e.measure(before) for code, e in CATALOGUE.items()},
        now.coverage.by_category,
        tuple(
            GroupLine(g.name, attendance, membership_growth(g, period))
            for g, attendance in now.attendance
        ),
        now.overdue,
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
) -> MonthlyReport:
    """Assemble a report from each catalogue indicator's value (by code) and the tables.

    The seam `monthly_report` and `socialwork.frames.frame_monthly_report`
    share: each line's change and status are judged here, in catalogue order.

    Raises:
        TypeError: ``period`` is not a `Period`.
    """
    period = require_instance(Period, period, "period")
    lines = []
    for code, entry in CATALOGUE.items():
        definition = entry.definition
        value = values[code]
        earlier = None if previous is None else previous[code]
        lines.append(
            ReportLine(
                definition,
                value,
                earlier,
                _change(definition, value, earlier),
                definition.target_for(period),
                definition.judge(value, period).status,
                previous_period,
            )
        )
    return MonthlyReport(
        station=station,
        period=period,
        previous_period=previous_period,
        lines=tuple(lines),
        coverage_by_category=coverage_by_category,
        groups=groups,
        overdue=overdue,
    )
