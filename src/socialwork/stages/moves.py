"""Moving an engagement between stages: forward when the exit criteria are met, or back.

Stages never skip: `advance` goes to the next stage only, and after
evaluation a new cycle starts at preparation. `move_back` returns to an
earlier stage, for instance from consolidation to launch when the residents'
organisation falls apart, and needs a reason. Both return a new engagement
with one more history entry and leave their input unchanged.

Examples:
    >>> from datetime import date
    >>> from socialwork.stages import Engagement, Stage
    >>> e = Engagement(community_id="c1", stage=Stage.CONSOLIDATION,
    ...                entered_on=date(2025, 9, 1))
    >>> back = move_back(e, to=Stage.LAUNCH, on=date(2025, 10, 8), reason="居民组织解散")
    >>> back.stage.label(), back.history[-1].kind.value, e.stage.label()
    ('启动', 'back', '巩固')
"""

from __future__ import annotations

from datetime import date

from socialwork._arguments import require_day, require_instance, require_member, require_text
from socialwork.errors import InvalidStageMove, TransitionBlocked
from socialwork.stages.engagement import Engagement, MoveKind, StageMove
from socialwork.stages.evidence import DEFAULT_POLICY, StageEvidence, StagePolicy
from socialwork.stages.exit import check_exit
from socialwork.stages.stage import Stage

__all__ = ["advance", "move_back"]


def _record(
    engagement: Engagement, to: Stage, on: date, kind: MoveKind, reason: str | None
) -> Engagement:
    if on < engagement.entered_on:
        raise InvalidStageMove(
            engagement.stage.value,
            to.value,
            f"the move must not be dated before the current stage was entered "
            f"({engagement.entered_on}); got {on}",
        )
    move = StageMove(on=on, from_stage=engagement.stage, to_stage=to, kind=kind, reason=reason)
    return Engagement(
        community_id=engagement.community_id,
        stage=to,
        entered_on=on,
        history=(*engagement.history, move),
    )


def advance(
    engagement: Engagement,
    evidence: StageEvidence,
    *,
    on: date,
    policy: StagePolicy = DEFAULT_POLICY,
) -> Engagement:
    """Move the engagement to the next stage on ``on`` if every exit criterion is met.

    After evaluation the next stage is preparation, and the move starts a new
    cycle.

    Raises:
        WrongStageEvidence: ``evidence`` is for a stage other than the engagement's.
        TransitionBlocked: an exit criterion is unmet; ``.unmet`` lists the
            `CriterionResult` of each.
        InvalidStageMove: ``on`` is before the current stage was entered.
        ArgumentError: ``on`` is a ``datetime`` or outside 1900–2199.

    Examples:
        >>> from datetime import date
        >>> from socialwork.models import GroupKind
        >>> from socialwork.stages import Engagement, LaunchEvidence, Stage
        >>> e = Engagement(community_id="c1", stage=Stage.LAUNCH, entered_on=date(2025, 6, 1))
        >>> evidence = LaunchEvidence(groups_formed=(GroupKind.INTEREST, GroupKind.MUTUAL_AID),
        ...                           leaders_trained=6, problems_solved_with_leaders=2)
        >>> advance(e, evidence, on=date(2025, 9, 1)).stage.label("en")
        'Consolidation'
    """
    engagement = require_instance(Engagement, engagement, "engagement")
    on = require_day(on, "on")
    check = check_exit(engagement, evidence, policy)
    to = engagement.stage.following
    if not check.passed:
        raise TransitionBlocked(engagement.stage.value, to.value, check.unmet)
    kind = MoveKind.NEW_CYCLE if to is Stage.PREPARATION else MoveKind.FORWARD
    return _record(engagement, to, on, kind, None)


def move_back(engagement: Engagement, *, to: Stage | str, on: date, reason: str) -> Engagement:
    """Return the engagement to the earlier stage ``to`` (a `Stage` or its code) on ``on``.

    The move needs a ``reason``, which the history keeps.

    Raises:
        InvalidStageMove: ``to`` is not earlier than the current stage,
            ``reason`` is blank, or ``on`` is before the current stage was entered.
        UnknownCodeError: ``to`` is a code of no stage.
        ArgumentError: ``on`` is a ``datetime`` or outside 1900–2199.

    Examples:
        >>> from datetime import date
        >>> from socialwork.stages import Engagement, Stage
        >>> e = Engagement(community_id="c1", stage=Stage.EVALUATION,
        ...                entered_on=date(2025, 11, 1))
        >>> move_back(e, to=Stage.CONSOLIDATION, on=date(2025, 11, 20),
        ...           reason="评估发现居民组织尚未稳定").history[-1].reason
        '评估发现居民组织尚未稳定'
    """
    engagement = require_instance(Engagement, engagement, "engagement")
    to = require_member(Stage, to, "to")
    on = require_day(on, "on")
    reason = require_text(reason, "reason")
    if to.position >= engagement.stage.position:
        raise InvalidStageMove(
            engagement.stage.value,
            to.value,
            f"a move back must go to a stage before {engagement.stage.value!r}",
        )
    if not reason.strip():
        raise InvalidStageMove(
            engagement.stage.value, to.value, f"a move back needs a reason; got {reason!r}"
        )
    return _record(engagement, to, on, MoveKind.BACK, reason)
