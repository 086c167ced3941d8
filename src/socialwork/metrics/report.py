"""The monthly report (月度指标报告): every indicator, its change and its target status.

`monthly_report` computes the built-in indicators (`CATALOGUE`)
from a `StationRecords` bundle, compares them with
the previous period's bundle, and evaluates them against their targets.
`MonthlyReport.to_markdown` renders it; it returns text and prints
nothing.

Examples:
    >>> from socialwork.samples import station_month, station_previous_month
    >>> june = station_month()
    >>> report = monthly_report(june, june.period, station_previous_month())
    >>> line = report.line("survey_satisfaction")
    >>> str(line.value), str(line.previous), line.change
    ('92.0% (46/50)', '87.0% (87/100)', 5.0)
"""

from __future__ import annotations

from attrs import frozen

from socialwork.errors import MetricInputError
from socialwork.labels import Language
from socialwork.metrics.casework import (
    FollowUp,
    case_improvement_rate,
    goal_attainment,
    home_visit_completion,
    key_group_coverage,
    key_group_coverage_by_category,
    mean_caseload,
    overdue_follow_ups,
)
from socialwork.metrics.rates import Exclusion, Rate, percentage_point_change
from socialwork.metrics.services import (
    MembershipGrowth,
    certification_rate,
    file_completeness,
    group_attendance_rate,
    membership_growth,
    need_satisfaction,
    resource_match_accuracy,
    staff_turnover,
    survey_satisfaction,
    volunteer_hours,
)
from socialwork.metrics.targets import (
    CASE_IMPROVEMENT,
    CERTIFICATION_RATE,
    FILE_COMPLETENESS,
    GOAL_ATTAINMENT,
    GROUP_ATTENDANCE,
    HOME_VISIT_COMPLETION,
    KEY_GROUP_COVERAGE,
    MEAN_CASELOAD,
    NEED_SATISFACTION,
    OVERDUE_FOLLOW_UPS,
    RESOURCE_MATCH_ACCURACY,
    STAFF_TURNOVER,
    SURVEY_SATISFACTION,
    VOLUNTEER_HOURS,
    Direction,
    IndicatorDefinition,
    IndicatorStatus,
    Measure,
    Target,
    evaluate,
)
from socialwork.models import ClientCategory, Period, StationRecords

__all__ = ["GroupLine", "MonthlyReport", "ReportLine", "monthly_report"]


@frozen
class ReportLine:
    """One indicator in a report: its value, the previous one, the change and the status.

    ``change`` is in display units: percentage points for a percentage,
    the plain difference for a number; ``None`` when either value is
    undefined or there is no previous period.

    Examples:
        >>> from socialwork.metrics import rate
        >>> from socialwork.metrics.targets import FILE_COMPLETENESS, IndicatorStatus
        >>> line = ReportLine(FILE_COMPLETENESS, rate(27, 32), None, None,
        ...                   FILE_COMPLETENESS.target_for(None), IndicatorStatus.OFF_TRACK)
        >>> line.definition.code, line.exclusions
        ('file_completeness', ())
    """

    definition: IndicatorDefinition
    value: Measure
    previous: Measure
    change: float | None
    target: Target | None
    status: IndicatorStatus

    @property
    def exclusions(self) -> tuple[Exclusion, ...]:
        """What the value's rate left out (empty for a plain number)."""
        return self.value.exclusions if isinstance(self.value, Rate) else ()


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
class MonthlyReport:
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
            MetricInputError: no line has that code.
        """
        for line in self.lines:
            if line.definition.code == code:
                return line
        raise MetricInputError(
            "code", code, "one of " + ", ".join(li.definition.code for li in self.lines)
        )

    def to_markdown(self, language: Language | str = "zh") -> str:
        """Return the report as Markdown, with Chinese (default) or English labels.

        Raises:
            UnknownLanguageError: ``language`` is not ``zh``, ``zh-Hans`` or ``en``.

        Examples:
            >>> from socialwork.samples import station_month
            >>> june = station_month()
            >>> print(monthly_report(june, june.period).to_markdown().splitlines()[0])
            # 幸福街道社工站 月度指标报告
        """
        words = _WORDS["en" if language == "en" else "zh"]
        IndicatorStatus.MET.label(language)  # reject an unknown language early
        out = [f"# {self.station} {words['title']}", ""]
        period = f"{self.period.start} {words['to']} {self.period.end}"
        if self.previous_period is not None:
            before = f"{self.previous_period.start} {words['to']} {self.previous_period.end}"
            period += f"; {words['previous']}: {before}"
        out += [f"{words['period']}: {period}", ""]
        out += _table(words["indicator_header"], [_row(li, language) for li in self.lines])
        out += ["", f"## {words['by_category']}", ""]
        out += _table(
            words["category_header"],
            [[c.label(language), str(r)] for c, r in self.coverage_by_category],
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
                for f in self.overdue
            ],
        )
        excluded = [
            f"- {li.definition.name.text(language)}: {e.record_id} ({e.reason.label(language)})"
            for li in self.lines
            for e in li.exclusions
        ]
        out += ["", f"## {words['exclusions']}", ""]
        out += excluded or [f"- {words['none']}"]
        return "\n".join(out) + "\n"


_WORDS: dict[str, dict[str, str]] = {
    "zh": {
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


def _table(header: str, rows: list[list[str]]) -> list[str]:
    columns = header.split("|")
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    if not rows:
        lines.append("| " + " | ".join(["—"] * len(columns)) + " |")
    return lines


def _row(line: ReportLine, language: Language | str) -> list[str]:
    definition = line.definition
    return [
        definition.name.text(language),
        definition.format(line.value, language),
        "—" if line.previous is None else definition.format(line.previous, language),
        "—" if line.change is None else definition.format_change(line.change, language),
        _target_text(line, language),
        "—" if line.target is None else line.status.label(language),
    ]


def _target_text(line: ReportLine, language: Language | str) -> str:
    definition = line.definition
    target = line.target
    if target is None:
        return "—"
    sign = "≥" if definition.direction is Direction.HIGHER_IS_BETTER else "≤"
    return f"{sign} {definition.format(target.value / definition.factor, language)}"


def _indicators(records: StationRecords, period: Period) -> dict[IndicatorDefinition, Measure]:
    staff = records.station.staff
    return {
        KEY_GROUP_COVERAGE: key_group_coverage(records.clients, records.visits, period),
        SURVEY_SATISFACTION: survey_satisfaction(records.surveys, period),
        CASE_IMPROVEMENT: case_improvement_rate(records.cases),
        GROUP_ATTENDANCE: group_attendance_rate(records.groups, period),
        NEED_SATISFACTION: need_satisfaction(records.needs, period),
        GOAL_ATTAINMENT: goal_attainment(records.cases),
        FILE_COMPLETENESS: file_completeness(records.files),
        RESOURCE_MATCH_ACCURACY: resource_match_accuracy(records.deliveries, period),
        OVERDUE_FOLLOW_UPS: len(overdue_follow_ups(records.cases, records.visits, period.end)),
        MEAN_CASELOAD: mean_caseload(records.cases, staff, period.end),
        VOLUNTEER_HOURS: volunteer_hours(records.service_hours, period),
        CERTIFICATION_RATE: certification_rate(staff, period.end),
        STAFF_TURNOVER: staff_turnover(staff, period),
        HOME_VISIT_COMPLETION: _home_visit_completion(records, period),
    }


def _home_visit_completion(records: StationRecords, period: Period) -> Rate | None:
    """Home-visit completion against the bundle's plan; no data without a plan."""
    if records.home_visits_planned is None:
        return None
    return home_visit_completion(records.visits, period, records.home_visits_planned)


def _change(definition: IndicatorDefinition, value: Measure, previous: Measure) -> float | None:
    if isinstance(value, Rate) and isinstance(previous, Rate):
        points = percentage_point_change(value, previous)
        return None if points is None else points * definition.factor / 100
    now, before = definition.scaled(value), definition.scaled(previous)
    return None if now is None or before is None else now - before


def monthly_report(
    records: StationRecords, period: Period, previous: StationRecords | None = None
) -> MonthlyReport:
    """Compute a station's monthly report for ``period``.

    Dated records (visits, sessions, surveys, hours, deliveries, needs) count
    when they fall in ``period``; cases, files and staff are taken as they
    stand, and follow-ups and caseloads on ``period.end``. ``previous`` is
    the bundle of the period before, read over its own ``period``; each
    line's change is against it.

    Examples:
        >>> from socialwork.samples import station_month, station_previous_month
        >>> june = station_month()
        >>> report = monthly_report(june, june.period, station_previous_month())
        >>> coverage = report.line("key_group_coverage")
        >>> str(coverage.value), str(coverage.previous), coverage.change, coverage.status.value
        ('85.0% (51/60)', '80.0% (48/60)', 5.0, 'off_track')
    """
    now = _indicators(records, period)
    before = None if previous is None else _indicators(previous, previous.period)
    lines = []
    for definition, value in now.items():
        earlier = None if before is None else before[definition]
        lines.append(
            ReportLine(
                definition,
                value,
                earlier,
                None if before is None else _change(definition, value, earlier),
                definition.target_for(period),
                evaluate(definition, value, period),
            )
        )
    cover = key_group_coverage_by_category(records.clients, records.visits, period)
    return MonthlyReport(
        station=records.station.name,
        period=period,
        previous_period=None if previous is None else previous.period,
        lines=tuple(lines),
        coverage_by_category=cover.by_category,
        groups=tuple(
            GroupLine(g.name, group_attendance_rate([g], period), membership_growth(g, period))
            for g in records.groups
        ),
        overdue=overdue_follow_ups(records.cases, records.visits, period.end),
    )
