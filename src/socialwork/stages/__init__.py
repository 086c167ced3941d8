"""Stages of community work (社区工作阶段) and the case lifecycle as checked state machines.

Community work moves through `Stage` preparation, launch, consolidation and
evaluation; `stage_guide` gives each stage's reference content. An
`Engagement` records one community's journey: `check_exit` judges a stage's
exit criteria over its evidence, `advance` moves on only when they are all
met, `move_back` returns to an earlier stage for a reason, and
`stage_warnings` turns the stage's cautions into warnings. Cases follow the
lifecycle table through `transition` and the crisis moves.

The package exports what a user builds or calls: the records, the enums
they hold, and the functions. The results those functions return
(`ExitCheck`, `StageWarning`, `StageGuide`, `CaseMove`), the vocabularies
they carry (`ExitCriterion`, `Caution`, `CaseGuard`) and the constants
(`CASE_MOVES`, `DEFAULT_POLICY`) stay importable from their modules:
`socialwork.stages.exit`, `.cautions`, `.guide`, `.lifecycle` and `.evidence`.

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

from socialwork.stages.cautions import stage_warnings
from socialwork.stages.engagement import Engagement, MoveKind, StageMove
from socialwork.stages.evidence import (
    ConsolidationEvidence,
    EvaluationEvidence,
    LaunchEvidence,
    PreparationEvidence,
    StageEvidence,
    StagePolicy,
)
from socialwork.stages.exit import check_exit
from socialwork.stages.guide import stage_guide
from socialwork.stages.lifecycle import (
    allowed_moves,
    raise_crisis,
    refer_crisis,
    resolve_crisis,
    transition,
)
from socialwork.stages.moves import advance, move_back
from socialwork.stages.stage import Stage

__all__ = [
    "ConsolidationEvidence",
    "Engagement",
    "EvaluationEvidence",
    "LaunchEvidence",
    "MoveKind",
    "PreparationEvidence",
    "Stage",
    "StageEvidence",
    "StageMove",
    "StagePolicy",
    "advance",
    "allowed_moves",
    "check_exit",
    "move_back",
    "raise_crisis",
    "refer_crisis",
    "resolve_crisis",
    "stage_guide",
    "stage_warnings",
    "transition",
]
