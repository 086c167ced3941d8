"""The team (团队): supervision, its roster, approvals, training, careers and appraisal.

A station's own people, as records with their checks and indicators:
supervision sessions (督导记录) and the rules across staff and cases; the
supervision roster (督导轮值表) and who was supervised as required, with
the same ``as_of`` honesty as the case views; approvals (审批) as checked
transitions, maker–checker; training (培训) with coverage, participation,
satisfaction and pre/post scores; careers on a ladder kept as data; and
performance appraisal (绩效考核) under a scheme the station writes.

The package re-exports the records users build, the enums their fields
take, and the functions users call. The results those functions return
(`socialwork.team.roster.RosterCheck`, `socialwork.team.approvals.ApprovalCycle`,
`socialwork.team.appraisal.Appraisal`, ...) and the indicator definitions
stay importable from their modules.

Examples:
    >>> from datetime import date
    >>> from socialwork.samples import station_month, team_month
    >>> from socialwork.team import roster_check
    >>> team, staff = team_month(), station_month().station.staff
    >>> str(roster_check(team.roster, team.sessions, staff, team.period,
    ...                  as_of=date(2025, 6, 30)).compliance)
    '75.0% (6/8)'
"""

from socialwork.team.appraisal import (
    AppraisalComponent,
    AppraisalRecord,
    AppraisalScheme,
    ComponentScore,
    PaySplit,
    appraise,
)
from socialwork.team.approvals import (
    ApprovalAction,
    ApprovalKind,
    ApprovalRequest,
    ApprovalStatus,
    ApprovalStep,
    approval_cycle,
    decide,
)
from socialwork.team.careers import GRADE_LADDER, Ladder, Rung, career_moves, grade_on
from socialwork.team.indicators import (
    TEAM_CATALOGUE,
    TeamRecords,
    promotion_count,
    supervision_compliance,
    team_figures,
    team_section,
)
from socialwork.team.roster import (
    Roster,
    RosterEntry,
    roster_check,
    sessions_per_worker,
    supervision_ratio,
)
from socialwork.team.supervision import (
    DecisionKind,
    ExternalSupervisor,
    SupervisionDecision,
    SupervisionForm,
    SupervisionFunction,
    SupervisionSession,
    SupervisionSource,
    check_supervision,
)
from socialwork.team.training import (
    PrePostScore,
    Training,
    TrainingKind,
    paired_scores,
    training_coverage,
    training_summary,
)

__all__ = [
    "GRADE_LADDER",
    "TEAM_CATALOGUE",
    "AppraisalComponent",
    "AppraisalRecord",
    "AppraisalScheme",
    "ApprovalAction",
    "ApprovalKind",
    "ApprovalRequest",
    "ApprovalStatus",
    "ApprovalStep",
    "ComponentScore",
    "DecisionKind",
    "ExternalSupervisor",
    "Ladder",
    "PaySplit",
    "PrePostScore",
    "Roster",
    "RosterEntry",
    "Rung",
    "SupervisionDecision",
    "SupervisionForm",
    "SupervisionFunction",
    "SupervisionSession",
    "SupervisionSource",
    "TeamRecords",
    "Training",
    "TrainingKind",
    "appraise",
    "approval_cycle",
    "career_moves",
    "check_supervision",
    "decide",
    "grade_on",
    "paired_scores",
    "promotion_count",
    "roster_check",
    "sessions_per_worker",
    "supervision_compliance",
    "supervision_ratio",
    "team_figures",
    "team_section",
    "training_coverage",
    "training_summary",
]
