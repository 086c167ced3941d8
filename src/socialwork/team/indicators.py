"""The team's records for a period, its catalogue of indicators, and the month's figures.

`TeamRecords` bundles what a station keeps about its own people for a
period: the supervision roster and sessions, the trainings, the approval
requests, and the grade and qualification histories. The staff themselves
are the station's (`socialwork.models.Station.staff`).

`TEAM_CATALOGUE` holds the team's indicators in the shape of the metrics
catalogue (`socialwork.metrics.catalogue.CATALOGUE`): each entry a
definition in Simplified Chinese, Traditional Chinese and English, how it
is measured from the team's figures for a period (`TeamFigures`), and the
records without which it has no data:

=========================  =============================================  ==============
code                       measured by                                    no data without
=========================  =============================================  ==============
``supervision_compliance`` `socialwork.team.roster_check` (a `Rate`)      workers due
``supervision_per_worker`` `socialwork.team.sessions_per_worker`          sessions
``supervisors``            `socialwork.team.supervision_ratio`            workers supervised
``supervised_workers``     `socialwork.team.supervision_ratio`            workers supervised
``training_coverage``      `socialwork.team.training_summary` (a `Rate`)  trainings
``internal_trainings``     `socialwork.team.training_summary`             trainings
``external_exchanges``     `socialwork.team.training_summary`             trainings
``approval_cycle``         `socialwork.team.approval_cycle`               decided requests
``promotions``             `socialwork.team.career_moves`                 grade changes
=========================  =============================================  ==============

The ratio of supervisors to the workers they supervise is reported as its
two counts (2 and 10, never reduced to 1:5), and neither has data when no
worker is supervised. `team_figures` measures the team for one period;
`team_section` makes the catalogue a section of the monthly report
(`socialwork.metrics.monthly_report`).

Examples:
    >>> list(TEAM_CATALOGUE)[:2]
    ['supervision_compliance', 'supervision_per_worker']
    >>> TRAINING_COVERAGE.name.text("zh-Hant")
    '培訓覆蓋率'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from types import MappingProxyType
from typing import Any, Self

from attrs import frozen
from pydantic import model_validator

from socialwork._arguments import require_day, require_instance, require_records
from socialwork.display.displayable import Displayable
from socialwork.display.document import Document, Heading, Table
from socialwork.labels import Language, canonical_language, select_language
from socialwork.metrics.catalogue import Indicator
from socialwork.metrics.definitions import Direction, IndicatorDefinition, Measure, RbaQuadrant
from socialwork.metrics.rates import Rate
from socialwork.metrics.report import ReportSection, report_section
from socialwork.metrics.targets import at_least
from socialwork.models import BilingualText, CertificationChange, GradeChange, Period, Staff
from socialwork.records import Record, check_unique
from socialwork.team.appraisal import AppraisalRecord
from socialwork.team.approvals import ApprovalCycle, ApprovalRequest, approval_cycle
from socialwork.team.careers import GRADE_LADDER, CareerMoves, Ladder, career_moves
from socialwork.team.roster import (
    Roster,
    RosterCheck,
    SessionsPerWorker,
    SupervisionRatio,
    roster_check,
    sessions_per_worker,
    supervision_ratio,
)
from socialwork.team.supervision import SupervisionSession
from socialwork.team.training import Training, TrainingSummary, training_summary

__all__ = [
    "TEAM_CATALOGUE",
    "TeamFigures",
    "TeamRecords",
    "promotion_count",
    "supervision_compliance",
    "team_figures",
    "team_section",
]

_b = BilingualText.of


class TeamRecords(Record):
    """What a station keeps about its team for a period; ids distinct within each collection.

    Examples:
        >>> from socialwork.samples import team_month
        >>> team = team_month()
        >>> team.period.start.isoformat(), len(team.trainings)
        ('2025-06-01', 5)
    """

    period: Period
    roster: Roster
    sessions: tuple[SupervisionSession, ...] = ()
    trainings: tuple[Training, ...] = ()
    approvals: tuple[ApprovalRequest, ...] = ()
    grade_changes: tuple[GradeChange, ...] = ()
    certification_changes: tuple[CertificationChange, ...] = ()
    appraisals: tuple[AppraisalRecord, ...] = ()

    @model_validator(mode="after")
    def _distinct(self) -> Self:
        check_unique("TeamRecords", "sessions", (s.id for s in self.sessions))
        check_unique("TeamRecords", "trainings", (t.id for t in self.trainings))
        check_unique("TeamRecords", "approvals", (a.id for a in self.approvals))
        check_unique("TeamRecords", "appraisals", (a.id for a in self.appraisals))
        return self


SUPERVISION_COMPLIANCE = IndicatorDefinition(
    code="supervision_compliance",
    name=_b("督导合规率", "Supervision compliance", "督導合規率"),
    numerator=_b(
        "按督导轮值表要求获得督导的社工",
        "Workers supervised as the roster requires",
        "按督導輪值表要求獲得督導的社工",
    ),
    denominator=_b(
        "本期有应督导次数的在岗社工",
        "Workers on staff with sessions due in the period",
        "本期有應督導次數的在崗社工",
    ),
    quadrant=RbaQuadrant.HOW_WELL,
    targets=(at_least("100%"),),
)
"""Share of workers supervised as their roster requires (所有社工均能获得定期督导)."""

SUPERVISION_PER_WORKER = IndicatorDefinition(
    code="supervision_per_worker",
    name=_b("人均督导次数", "Supervision sessions per worker", "人均督導次數"),
    numerator=_b(
        "社工接受督导的人次", "Sessions received, one per worker supervised", "社工接受督導的人次"
    ),
    denominator=_b("本期在岗社工", "Workers on staff in the period", "本期在崗社工"),
    factor=1,
    unit=_b("次", "sessions", "次"),
    quadrant=RbaQuadrant.HOW_MUCH,
)
"""How often workers are supervised (社工督导频率)."""

SUPERVISORS = IndicatorDefinition(
    code="supervisors",
    name=_b("内部督导人数", "Internal supervisors", "內部督導人數"),
    numerator=_b(
        "期末在岗、按轮值表督导他人的内部督导",
        "Internal supervisors on staff at the period's end who supervise by the roster",
        "期末在崗、按輪值表督導他人的內部督導",
    ),
    factor=1,
    decimals=0,
    unit=_b("人", "people", "人"),
    quadrant=RbaQuadrant.HOW_MUCH,
)
"""The first count of the supervision ratio (督导与社工配比): 2 of 2:10."""

SUPERVISED_WORKERS = IndicatorDefinition(
    code="supervised_workers",
    name=_b("受内部督导的社工人数", "Workers under internal supervision", "受內部督導的社工人數"),
    numerator=_b(
        "期末在岗、轮值表上由内部督导督导的社工(含实习社工)",
        "Workers on staff at the period's end whom an internal supervisor supervises, interns "
        "included",
        "期末在崗、輪值表上由內部督導督導的社工(含實習社工)",
    ),
    factor=1,
    decimals=0,
    unit=_b("人", "people", "人"),
    quadrant=RbaQuadrant.HOW_MUCH,
)
"""The second count of the supervision ratio (督导与社工配比): 10 of 2:10."""

TRAINING_COVERAGE = IndicatorDefinition(
    code="training_coverage",
    name=_b("培训覆盖率", "Training coverage", "培訓覆蓋率"),
    numerator=_b(
        "参加过至少一次内部培训或外部交流学习的社工",
        "Staff who attended at least one internal training or external exchange",
        "參加過至少一次內部培訓或外部交流學習的社工",
    ),
    denominator=_b(
        "本期在岗社工(含实习社工)", "Staff on staff, interns included", "本期在崗社工(含實習社工)"
    ),
    quadrant=RbaQuadrant.HOW_WELL,
    targets=(at_least("100%"),),
)
"""Share of staff trained in the period (培训覆盖率达100%)."""

INTERNAL_TRAININGS = IndicatorDefinition(
    code="internal_trainings",
    name=_b("内部培训次数", "Internal trainings", "內部培訓次數"),
    numerator=_b(
        "本期举办的内部培训", "Internal trainings held in the period", "本期舉辦的內部培訓"
    ),
    factor=1,
    decimals=0,
    quadrant=RbaQuadrant.HOW_MUCH,
)
"""Internal trainings held (开展内部督导培训2次)."""

EXTERNAL_EXCHANGES = IndicatorDefinition(
    code="external_exchanges",
    name=_b("外部交流学习次数", "External exchanges", "外部交流學習次數"),
    numerator=_b(
        "本期参加的外部交流学习",
        "External exchanges attended in the period",
        "本期參加的外部交流學習",
    ),
    factor=1,
    decimals=0,
    quadrant=RbaQuadrant.HOW_MUCH,
)
"""External exchanges attended (外部交流学习1次)."""

APPROVAL_CYCLE = IndicatorDefinition(
    code="approval_cycle",
    name=_b("审批周期", "Approval cycle", "審批週期"),
    numerator=_b(
        "本期审结申请自申请至决定的天数之和",
        "Days from request to decision, summed over requests decided",
        "本期審結申請自申請至決定的天數之和",
    ),
    denominator=_b("本期审结的申请", "Requests decided in the period", "本期審結的申請"),
    factor=1,
    unit=_b("天", "days", "天"),
    direction=Direction.LOWER_IS_BETTER,
    quadrant=RbaQuadrant.HOW_WELL,
)
"""Mean days from a request to its approval or rejection (审批周期)."""

PROMOTIONS = IndicatorDefinition(
    code="promotions",
    name=_b("晋升人次", "Promotions", "晉升人次"),
    numerator=_b(
        "本期升到更高职级的人次", "Moves to a higher rung in the period", "本期升到更高職級的人次"
    ),
    factor=1,
    decimals=0,
    quadrant=RbaQuadrant.HOW_MUCH,
)
"""Promotions on the career ladder in the period (晋升人数)."""


def supervision_compliance(
    roster: Roster,
    sessions: Iterable[SupervisionSession],
    staff: Iterable[Staff],
    period: Period,
    *,
    as_of: date,
) -> Rate:
    """Supervision compliance (督导合规率): `socialwork.team.roster_check`'s rate.

    Raises:
        ArgumentError: ``as_of`` is a ``datetime`` or outside 1900–2199.
        TypeError: an argument is not of its record type.

    Examples:
        >>> from socialwork.samples import station_month, team_month
        >>> team = team_month()
        >>> str(supervision_compliance(team.roster, team.sessions, station_month().station.staff,
        ...                            team.period, as_of=date(2025, 6, 30)))
        '75.0% (6/8)'
    """
    return roster_check(roster, sessions, staff, period, as_of=as_of).compliance


def promotion_count(
    changes: Iterable[GradeChange], period: Period, *, ladder: Ladder = GRADE_LADDER
) -> int:
    """Promotions in ``period``, as `socialwork.team.career_moves` counts them.

    Raises:
        TeamRuleError: a change names no rung of ``ladder``.
        TypeError: an argument is not of its type.

    Examples:
        >>> from socialwork.samples import team_month
        >>> team = team_month()
        >>> promotion_count(team.grade_changes, team.period)
        1
    """
    return len(career_moves(changes, (), (), period, ladder=ladder).promotions)


@frozen
class TeamFigures(Displayable):
    """The team's figures for one period as of a day, every result kept.

    ``records`` are the team's records measured; `TEAM_CATALOGUE`'s
    entries read their values from these figures.

    Examples:
        >>> from socialwork.samples import station_month, team_month
        >>> figures = team_figures(team_month(), station_month().station.staff,
        ...                        as_of=date(2025, 6, 30))
        >>> figures
        TeamFigures(2025-06-01–2025-06-30 as of 2025-06-30)
    """

    records: TeamRecords
    as_of: date
    roster: RosterCheck
    per_worker: SessionsPerWorker
    ratio: SupervisionRatio
    training: TrainingSummary
    approvals: ApprovalCycle
    careers: CareerMoves

    @property
    def period(self) -> Period:
        """The period measured (the records')."""
        return self.records.period

    def __repr__(self) -> str:
        """The period and the day."""
        return f"TeamFigures({self.period.start}–{self.period.end} as of {self.as_of})"

    def _values(self, script: Any) -> list[tuple[str, str]]:
        measured = [
            (entry.definition.name.text(script), entry.definition.format(entry.of(self), script))
            for entry in TEAM_CATALOGUE.values()
        ]
        return [
            *measured,
            (
                select_language(
                    script, "督导与社工配比", "Supervisors to workers supervised", "督導與社工配比"
                ),
                self.ratio.format(script),
            ),
            (
                select_language(script, "培训参与率", "Training participation", "培訓參與率"),
                str(self.training.participation),
            ),
            (
                select_language(script, "培训满意度", "Training satisfaction", "培訓滿意度"),
                str(self.training.satisfaction),
            ),
            (
                select_language(script, "社工流失率", "Staff turnover", "社工流失率"),
                str(self.careers.turnover),
            ),
        ]

    def to_document(self, language: Language | str = "zh") -> Document:
        """Return the figures as one table: the catalogue's indicators, then the ratio and rates.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> from socialwork.samples import station_month, team_month
            >>> figures = team_figures(team_month(), station_month().station.staff,
            ...                        as_of=date(2025, 6, 30))
            >>> print(figures.to_text("en").splitlines()[5])
            Supervision compliance              75.0% (6/8)
        """
        script = canonical_language(language)
        title = select_language(
            script,
            f"团队指标 {self.period.start}至{self.period.end}",
            f"Team figures {self.period.start} to {self.period.end}",
            f"團隊指標 {self.period.start}至{self.period.end}",
        )
        header = (
            select_language(script, "指标", "Indicator", "指標"),
            select_language(script, "本期", "Value", "本期"),
        )
        return Document([Heading(title, 1), Table(header, self._values(script))])

    def to_rows(self) -> list[dict[str, Any]]:
        """Return one row per catalogue entry: its code and value (``None``: no data).

        A rate's value is a fraction (0.75, not 75).

        Examples:
            >>> from socialwork.samples import station_month, team_month
            >>> figures = team_figures(team_month(), station_month().station.staff,
            ...                        as_of=date(2025, 6, 30))
            >>> [(r["code"], r["value"]) for r in figures.to_rows()][:2]
            [('supervision_compliance', 0.75), ('supervision_per_worker', 1.625)]
        """
        rows: list[dict[str, Any]] = []
        for code, entry in TEAM_CATALOGUE.items():
            value = entry.of(self)
            rows.append({"code": code, "value": value.value if isinstance(value, Rate) else value})
        return rows


def _supervised(figures: TeamFigures) -> bool:
    return figures.ratio.workers > 0


def _ratio_count(count: int, figures: TeamFigures) -> Measure:
    """One count of the supervision ratio; no data when no worker is supervised (no ratio)."""
    return count if _supervised(figures) else None


_ENTRIES: tuple[Indicator[TeamFigures], ...] = (
    Indicator(SUPERVISION_COMPLIANCE, lambda f: f.roster.compliance),
    Indicator(SUPERVISION_PER_WORKER, lambda f: f.per_worker.value, "sessions"),
    Indicator(SUPERVISORS, lambda f: _ratio_count(f.ratio.supervisors, f)),
    Indicator(SUPERVISED_WORKERS, lambda f: _ratio_count(f.ratio.workers, f)),
    Indicator(TRAINING_COVERAGE, lambda f: f.training.coverage, "trainings"),
    Indicator(INTERNAL_TRAININGS, lambda f: f.training.internal, "trainings"),
    Indicator(EXTERNAL_EXCHANGES, lambda f: f.training.external, "trainings"),
    Indicator(APPROVAL_CYCLE, lambda f: f.approvals.mean_days),
    Indicator(PROMOTIONS, lambda f: len(f.careers.promotions), "grade_changes"),
)

TEAM_CATALOGUE: Mapping[str, Indicator[TeamFigures]] = MappingProxyType(
    {entry.definition.code: entry for entry in _ENTRIES}
)
"""The team's indicators by code, in report order: definition, measure and no-data rule."""

TEAM_TITLE = _b("团队", "Team", "團隊")
"""The heading of the team's section of a monthly report."""


def team_figures(
    team: TeamRecords, staff: Iterable[Staff], *, as_of: date, ladder: Ladder = GRADE_LADDER
) -> TeamFigures:
    """Measure the team's indicators for ``team.period`` as of ``as_of``.

    Raises:
        ArgumentError: ``as_of`` is a ``datetime`` or outside 1900–2199.
        TeamRuleError: a grade change names no rung of ``ladder``.
        TypeError: an argument is not of its type.

    Examples:
        >>> from socialwork.samples import station_month, team_month
        >>> f = team_figures(team_month(), station_month().station.staff, as_of=date(2025, 6, 30))
        >>> str(f.ratio), str(f.training.coverage), str(f.approvals)
        ('2:7', '87.5% (7/8)', '5.7 days (3 decided)')
    """
    team = require_instance(TeamRecords, team, "team")
    members = require_records(Staff, staff, "staff")
    as_of = require_day(as_of, "as_of")
    period = team.period
    return TeamFigures(
        team,
        as_of,
        roster_check(team.roster, team.sessions, members, period, as_of=as_of),
        sessions_per_worker(team.sessions, members, period, as_of=as_of),
        supervision_ratio(team.roster, members, as_of=min(as_of, period.end)),
        training_summary(team.trainings, members, period, as_of=as_of),
        approval_cycle(team.approvals, period),
        career_moves(
            team.grade_changes, team.certification_changes, members, period, ladder=ladder
        ),
    )


def team_section(
    team: TeamRecords,
    staff: Iterable[Staff],
    previous: TeamRecords | None = None,
    *,
    ladder: Ladder = GRADE_LADDER,
) -> ReportSection:
    """Return the team's indicators for ``team.period`` as a monthly report's section.

    Each `TEAM_CATALOGUE` entry is measured over ``team`` and ``previous``
    (each as of its own period's last day, with the same ``staff``, whose
    joining and leaving dates say who was on staff when) and judged as
    every report line is (`socialwork.metrics.report_line`).

    Raises:
        TeamRuleError: a grade change names no rung of ``ladder``.
        TypeError: an argument is not of its type.

    Examples:
        >>> from socialwork.metrics import monthly_report
        >>> from socialwork.samples import station_month, team_month
        >>> june = station_month()
        >>> section = team_section(team_month(), june.station.staff)
        >>> report = monthly_report(june, june.period, sections=[section])
        >>> [str(report.line(code).value) for code in ("supervision_compliance", "promotions")]
        ['75.0% (6/8)', '1']
    """
    members = require_records(Staff, staff, "staff")
    now = team_figures(team, members, as_of=_end(team), ladder=ladder)
    before = (
        None
        if previous is None
        else team_figures(previous, members, as_of=_end(previous), ladder=ladder)
    )
    return report_section(TEAM_TITLE, TEAM_CATALOGUE.values(), now, before)


def _end(team: TeamRecords) -> date:
    return require_instance(TeamRecords, team, "team").period.end
