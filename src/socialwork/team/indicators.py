"""The team's records for a period, its indicators' definitions, and the month's figures.

`TeamRecords` bundles what a station keeps about its own people for a
period: the supervision roster and sessions, the trainings, the approval
requests, and the grade and qualification histories. The staff themselves
are the station's (`socialwork.models.Station.staff`).

The indicators are plain functions of those records, each with its
definition in Simplified Chinese, Traditional Chinese and English
(`TEAM_INDICATORS`), for the indicator catalogue to take up:

==========================  ==========================================================
code                        measured by
==========================  ==========================================================
``supervision_compliance``  `supervision_compliance` (a `Rate`)
``supervision_per_worker``  `socialwork.team.sessions_per_worker` (``.value``)
``supervision_ratio``       `socialwork.team.supervision_ratio` (two counts, "2:10")
``training_coverage``       `socialwork.team.training_coverage` (a `Rate`)
``approval_cycle``          `socialwork.team.approval_cycle` (``.mean_days``)
``promotions``              `promotion_count` (a count)
==========================  ==========================================================

`team_figures` measures them all for one period.

Examples:
    >>> [d.code for d in TEAM_INDICATORS][:2]
    ['supervision_compliance', 'supervision_per_worker']
    >>> TRAINING_COVERAGE.name.text("zh-Hant")
    '培訓覆蓋率'
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any, Self

from attrs import frozen
from pydantic import model_validator

from socialwork._arguments import require_day, require_instance, require_instances
from socialwork.display.displayable import Displayable
from socialwork.display.document import Document, Heading, Table
from socialwork.labels import Language, canonical_language, select_language
from socialwork.metrics.definitions import Direction, IndicatorDefinition, RbaQuadrant
from socialwork.metrics.rates import Rate
from socialwork.metrics.targets import at_least
from socialwork.models import BilingualText, CertificationChange, GradeChange, Period, Staff
from socialwork.records import Record, check_unique
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
    "APPROVAL_CYCLE",
    "PROMOTIONS",
    "SUPERVISION_COMPLIANCE",
    "SUPERVISION_PER_WORKER",
    "SUPERVISION_RATIO",
    "TEAM_INDICATORS",
    "TRAINING_COVERAGE",
    "TeamFigures",
    "TeamRecords",
    "promotion_count",
    "supervision_compliance",
    "team_figures",
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

    @model_validator(mode="after")
    def _distinct(self) -> Self:
        check_unique("TeamRecords", "sessions", (s.id for s in self.sessions))
        check_unique("TeamRecords", "trainings", (t.id for t in self.trainings))
        check_unique("TeamRecords", "approvals", (a.id for a in self.approvals))
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

SUPERVISION_RATIO = IndicatorDefinition(
    code="supervision_ratio",
    name=_b("督导与社工配比", "Supervisors to workers supervised", "督導與社工配比"),
    numerator=_b("在岗的内部督导", "Internal supervisors on staff", "在崗的內部督導"),
    denominator=_b("其督导的在岗社工", "Workers on staff they supervise", "其督導的在崗社工"),
    factor=1,
    decimals=0,
    direction=Direction.LOWER_IS_BETTER,
    quadrant=RbaQuadrant.HOW_MUCH,
)
"""Supervisors to workers supervised, reported as two counts (2:10, never 1:5)."""

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
    unit=_b("人次", "promotions", "人次"),
    quadrant=RbaQuadrant.HOW_MUCH,
)
"""Promotions on the career ladder in the period (晋升人数)."""

TEAM_INDICATORS: tuple[IndicatorDefinition, ...] = (
    SUPERVISION_COMPLIANCE,
    SUPERVISION_PER_WORKER,
    SUPERVISION_RATIO,
    TRAINING_COVERAGE,
    APPROVAL_CYCLE,
    PROMOTIONS,
)
"""The team's indicator definitions, in the order `team_figures` reports them."""


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

    Examples:
        >>> from socialwork.samples import station_month, team_month
        >>> figures = team_figures(team_month(), station_month().station.staff,
        ...                        as_of=date(2025, 6, 30))
        >>> figures
        TeamFigures(2025-06-01–2025-06-30 as of 2025-06-30)
    """

    period: Period
    as_of: date
    roster: RosterCheck
    per_worker: SessionsPerWorker
    ratio: SupervisionRatio
    training: TrainingSummary
    approvals: ApprovalCycle
    careers: CareerMoves

    def __repr__(self) -> str:
        """The period and the day."""
        return f"TeamFigures({self.period.start}–{self.period.end} as of {self.as_of})"

    def _values(self, script: Any) -> list[tuple[str, str]]:
        cycle = self.approvals.mean_days
        days = select_language(script, "天", " days", "天")
        return [
            (SUPERVISION_COMPLIANCE.name.text(script), str(self.roster.compliance)),
            (SUPERVISION_PER_WORKER.name.text(script), str(self.per_worker)),
            (SUPERVISION_RATIO.name.text(script), self.ratio.format(script)),
            (TRAINING_COVERAGE.name.text(script), str(self.training.coverage)),
            (
                select_language(
                    script,
                    "内部培训/外部交流学习",
                    "Internal trainings / external exchanges",
                    "內部培訓/外部交流學習",
                ),
                f"{self.training.internal} / {self.training.external}",
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
                APPROVAL_CYCLE.name.text(script),
                "n/a" if cycle is None else f"{cycle:.1f}{days} ({self.approvals.decided})",
            ),
            (PROMOTIONS.name.text(script), str(len(self.careers.promotions))),
            (
                select_language(script, "社工流失率", "Staff turnover", "社工流失率"),
                str(self.careers.turnover),
            ),
        ]

    def to_document(self, language: Language | str = "zh") -> Document:
        """Return the figures as one table.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> from socialwork.samples import station_month, team_month
            >>> figures = team_figures(team_month(), station_month().station.staff,
            ...                        as_of=date(2025, 6, 30))
            >>> print(figures.to_text("en").splitlines()[5])
            Supervision compliance                   75.0% (6/8)
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
        """Return one row per indicator: its code and the figure as a number (``None``: no data).

        Examples:
            >>> from socialwork.samples import station_month, team_month
            >>> figures = team_figures(team_month(), station_month().station.staff,
            ...                        as_of=date(2025, 6, 30))
            >>> [(r["code"], r["value"]) for r in figures.to_rows()][:2]
            [('supervision_compliance', 0.75), ('supervision_per_worker', 1.625)]
        """
        return [
            {"code": "supervision_compliance", "value": self.roster.compliance.value},
            {"code": "supervision_per_worker", "value": self.per_worker.value},
            {"code": "supervision_ratio", "value": self.ratio.per_supervisor},
            {"code": "training_coverage", "value": self.training.coverage.value},
            {"code": "approval_cycle", "value": self.approvals.mean_days},
            {"code": "promotions", "value": len(self.careers.promotions)},
        ]


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
    members = require_instances(Staff, staff, "staff")
    as_of = require_day(as_of, "as_of")
    period = team.period
    return TeamFigures(
        period,
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
