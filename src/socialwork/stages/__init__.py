"""Stages of community work (社区工作阶段) and the case lifecycle as checked state machines.

Community work moves through `Stage` preparation, launch,
consolidation and evaluation; `stage_guide` gives each stage's
reference content. An `Engagement` records one community's journey:
`check_exit` judges a stage's exit criteria over its evidence,
`advance` moves on only when they are all met, `move_back`
returns to an earlier stage for a reason, and `stage_warnings` turns
the stage's cautions into warnings. Cases follow the table
`CASE_MOVES` through `transition` and the crisis moves.

Examples:
    >>> from datetime import date
    >>> from socialwork.stages import Engagement, PreparationEvidence, Stage, advance
    >>> from socialwork.models import ProfileAspect
    >>> e = Engagement(community_id="c1", entered_on=date(2025, 3, 1))
    >>> evidence = PreparationEvidence(
    ...     community_plan=True, profile_aspects=frozenset(ProfileAspect), households=1200,
    ...     households_known=400, common_issues_raised=3, organisations=20,
    ...     organisations_mapped=17)
    >>> advance(e, evidence, on=date(2025, 5, 30)).stage is Stage.LAUNCH
    True
"""

from socialwork.stages.cautions import StageWarning, stage_warnings
from socialwork.stages.engagement import Engagement, MoveKind, StageMove
from socialwork.stages.evidence import (
    DEFAULT_POLICY,
    ConsolidationEvidence,
    EvaluationEvidence,
    LaunchEvidence,
    PreparationEvidence,
    StageEvidence,
    StagePolicy,
    require_stage,
)
from socialwork.stages.exit import Comparison, CriterionResult, ExitCheck, check_exit
from socialwork.stages.lifecycle import (
    CASE_MOVES,
    CaseGuard,
    CaseMove,
    allowed_moves,
    check_lifecycle,
    raise_crisis,
    refer_crisis,
    resolve_crisis,
    transition,
)
from socialwork.stages.moves import advance, move_back
from socialwork.stages.stage import (
    Caution,
    ExitCriterion,
    Stage,
    StageGuide,
    stage_guide,
)

__all__ = [
    "CASE_MOVES",
    "DEFAULT_POLICY",
    "CaseGuard",
    "CaseMove",
    "Caution",
    "Comparison",
    "ConsolidationEvidence",
    "CriterionResult",
    "Engagement",
    "EvaluationEvidence",
    "ExitCheck",
    "ExitCriterion",
    "LaunchEvidence",
    "MoveKind",
    "PreparationEvidence",
    "Stage",
    "StageEvidence",
    "StageGuide",
    "StageMove",
    "StagePolicy",
    "StageWarning",
    "advance",
    "allowed_moves",
    "check_exit",
    "check_lifecycle",
    "move_back",
    "raise_crisis",
    "refer_crisis",
    "require_stage",
    "resolve_crisis",
    "stage_guide",
    "stage_warnings",
    "transition",
]
