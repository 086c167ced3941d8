"""Cautions (注意事项) of each stage, computed from its evidence as warnings.

A warning does not block a move: it tells the worker that a known pitfall of
the stage shows in the figures. Each warning keeps the measured value and the
threshold of the `StagePolicy` it crossed.

Examples:
    >>> from datetime import date
    >>> from socialwork.models import GroupKind
    >>> from socialwork.stages import Engagement, LaunchEvidence, Stage
    >>> e = Engagement(community_id="c1", stage=Stage.LAUNCH, entered_on=date(2025, 6, 1))
    >>> evidence = LaunchEvidence(groups_formed=(GroupKind.INTEREST,), leaders_trained=3,
    ...                           problems_solved_with_leaders=0, requests_to_worker=12,
    ...                           requests_to_leaders=4)
    >>> [w.code for w in stage_warnings(e, evidence)]
    ['reliance_on_worker']
"""

from __future__ import annotations

from attrs import frozen

from socialwork.labels import Language
from socialwork.models import BilingualText, ProfileAspect
from socialwork.stages.engagement import Engagement
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
from socialwork.stages.stage import Caution, Stage

__all__ = ["StageWarning", "stage_warnings"]


@frozen
class StageWarning:
    """A caution of a stage that shows in its evidence, with a message in two languages.

    Examples:
        >>> from socialwork.models import BilingualText
        >>> from socialwork.stages import Caution, Stage
        >>> text = BilingualText.of("社工80%的接触集中在带头人", "80% of contacts are with leaders")
        >>> w = StageWarning(Caution.LEADER_FOCUS, Stage.CONSOLIDATION, 0.8, 0.5, text)
        >>> w.code, w.message("en")
        ('leader_focus', '80% of contacts are with leaders')
    """

    caution: Caution
    stage: Stage
    measured: int | float
    threshold: int | float
    text: BilingualText

    @property
    def code(self) -> str:
        """The caution's stable code."""
        return self.caution.value

    def message(self, language: Language | str = "zh") -> str:
        """Return the warning's message in ``language`` (Chinese by default).

        Examples:
            >>> from socialwork.models import BilingualText
            >>> from socialwork.stages import Caution, Stage
            >>> StageWarning(Caution.ONLY_NUMBERS, Stage.EVALUATION, 0.0, 0.2,
            ...              BilingualText.of("只有数字", "Numbers only")).message()
            '只有数字'
        """
        return self.text.text(language)


def _percent(share: float) -> str:
    return f"{share:.0%}"


def _preparation(e: PreparationEvidence, p: StagePolicy) -> list[StageWarning]:
    covered = len(e.profile_aspects) / len(ProfileAspect)
    if covered >= p.profile_completeness or e.events_held <= p.max_events_before_profile:
        return []
    return [
        StageWarning(
            Caution.EVENTS_BEFORE_PROFILE,
            Stage.PREPARATION,
            e.events_held,
            p.max_events_before_profile,
            BilingualText.of(
                f"社区概况只完成了{_percent(covered)}，却已举办{e.events_held}场活动"
                f"（上限{p.max_events_before_profile}场）：先摸清社区、找准方向",
                f"{e.events_held} events held (limit {p.max_events_before_profile}) while the "
                f"profile is only {_percent(covered)} complete: understand the community first",
            ),
        )
    ]


def _launch(e: LaunchEvidence, p: StagePolicy) -> list[StageWarning]:
    found = []
    if e.requests_to_worker > p.worker_reliance_ratio * e.requests_to_leaders:
        found.append(
            StageWarning(
                Caution.RELIANCE_ON_WORKER,
                Stage.LAUNCH,
                e.requests_to_worker,
                p.worker_reliance_ratio * e.requests_to_leaders,
                BilingualText.of(
                    f"居民找社工求助{e.requests_to_worker}次，找自己的带头人只有"
                    f"{e.requests_to_leaders}次：把事情交回带头人",
                    f"Residents asked the worker for help {e.requests_to_worker} times and "
                    f"their own leaders {e.requests_to_leaders} times: hand matters back "
                    f"to the leaders",
                ),
            )
        )
    for caution, count, zh, en in (
        (Caution.DISPUTES_WITHIN_GROUPS, e.disputes_within_groups, "小组内部", "inside groups"),
        (Caution.DISPUTES_BETWEEN_GROUPS, e.disputes_between_groups, "小组之间", "between groups"),
    ):
        if count >= p.disputes_warning_at:
            found.append(
                StageWarning(
                    caution,
                    Stage.LAUNCH,
                    count,
                    p.disputes_warning_at,
                    BilingualText.of(
                        f"{zh}发生{count}起人事或权力争执：谨慎调解",
                        f"{count} disputes over people or power {en}: mediate with care",
                    ),
                )
            )
    return found


def _consolidation(e: ConsolidationEvidence, p: StagePolicy) -> list[StageWarning]:
    found = []
    contacts = e.contacts_with_leaders + e.contacts_with_residents
    if contacts and e.contacts_with_leaders / contacts > p.leader_focus_share:
        share = e.contacts_with_leaders / contacts
        found.append(
            StageWarning(
                Caution.LEADER_FOCUS,
                Stage.CONSOLIDATION,
                share,
                p.leader_focus_share,
                BilingualText.of(
                    f"社工{_percent(share)}的接触集中在带头人身上"
                    f"（上限{_percent(p.leader_focus_share)}）：别忽略普通居民",
                    f"{_percent(share)} of the worker's contacts are with leaders "
                    f"(limit {_percent(p.leader_focus_share)}): do not neglect ordinary residents",
                ),
            )
        )
    activities = e.service_activities + e.participation_activities
    if activities and e.participation_activities / activities < p.min_participation_share:
        share = e.participation_activities / activities
        found.append(
            StageWarning(
                Caution.SERVICES_ONLY,
                Stage.CONSOLIDATION,
                share,
                p.min_participation_share,
                BilingualText.of(
                    f"居民参与策划和决策的活动只占{_percent(share)}"
                    f"（至少{_percent(p.min_participation_share)}）：组织不能只提供服务",
                    f"Only {_percent(share)} of activities let residents plan or decide "
                    f"(at least {_percent(p.min_participation_share)}): the organisation "
                    f"should not only deliver services",
                ),
            )
        )
    return found


def _evaluation(e: EvaluationEvidence, p: StagePolicy) -> list[StageWarning]:
    total = e.qualitative_sources + e.quantitative_indicators
    if not total:
        return []
    found = []
    for caution, part, zh, en in (
        (Caution.ONLY_NUMBERS, e.qualitative_sources, "定性资料", "qualitative evidence"),
        (Caution.ONLY_IMPRESSIONS, e.quantitative_indicators, "定量资料", "quantitative evidence"),
    ):
        share = part / total
        if share < p.min_evidence_share:
            found.append(
                StageWarning(
                    caution,
                    Stage.EVALUATION,
                    share,
                    p.min_evidence_share,
                    BilingualText.of(
                        f"{zh}只占总结依据的{_percent(share)}"
                        f"（至少{_percent(p.min_evidence_share)}）：平衡定性与定量资料",
                        f"{en[0].upper()}{en[1:]} is only {_percent(share)} of the summary's "
                        f"evidence (at least {_percent(p.min_evidence_share)}): balance "
                        f"qualitative and quantitative evidence",
                    ),
                )
            )
    return found


def stage_warnings(
    engagement: Engagement, evidence: StageEvidence, policy: StagePolicy = DEFAULT_POLICY
) -> tuple[StageWarning, ...]:
    """Return the cautions of the engagement's stage that show in ``evidence``.

    Raises:
        WrongStageEvidence: ``evidence`` is for a stage other than the engagement's.

    Examples:
        >>> from datetime import date
        >>> from socialwork.stages import Engagement, EvaluationEvidence, Stage
        >>> e = Engagement(community_id="c1", stage=Stage.EVALUATION,
        ...                entered_on=date(2025, 11, 1))
        >>> evidence = EvaluationEvidence(summary_written=True, qualitative_sources=0,
        ...                               quantitative_indicators=9, next_cycle_plan=True)
        >>> (warning,) = stage_warnings(e, evidence)
        >>> warning.code, warning.message()
        ('only_numbers', '定性资料只占总结依据的0%（至少20%）：平衡定性与定量资料')
    """
    require_stage(engagement.stage, evidence)
    found: list[StageWarning]
    if isinstance(evidence, PreparationEvidence):
        found = _preparation(evidence, policy)
    elif isinstance(evidence, LaunchEvidence):
        found = _launch(evidence, policy)
    elif isinstance(evidence, ConsolidationEvidence):
        found = _consolidation(evidence, policy)
    else:
        found = _evaluation(evidence, policy)
    return tuple(found)
