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

from attrs import Attribute, field, frozen

from socialwork._arguments import require_instance, require_measure
from socialwork.labels import LabelledEnum, Language
from socialwork.models import BilingualText, ProfileAspect
from socialwork.stages.engagement import Engagement
from socialwork.stages.evidence import (
    DEFAULT_POLICY,
    MAX_MEASURE,
    ConsolidationEvidence,
    EvaluationEvidence,
    LaunchEvidence,
    PreparationEvidence,
    StageEvidence,
    StagePolicy,
    require_stage,
)
from socialwork.stages.stage import Stage

__all__ = ["Caution", "StageWarning", "stage_warnings"]


class Caution(LabelledEnum):
    """A pitfall of a stage (注意事项) that `stage_warnings` can detect.

    Examples:
        >>> Caution.RELIANCE_ON_WORKER.label("en")
        'Residents lean on the worker more than on their own leaders'
    """

    EVENTS_BEFORE_PROFILE = (
        "events_before_profile",
        "尚未摸清社区就频繁办活动",
        "Many events before the community is understood",
        "尚未摸清社區就頻繁辦活動",
    )
    RELIANCE_ON_WORKER = (
        "reliance_on_worker",
        "居民依赖社工多于依赖自己的带头人",
        "Residents lean on the worker more than on their own leaders",
        "居民依賴社工多於依賴自己的帶頭人",
    )
    DISPUTES_WITHIN_GROUPS = (
        "disputes_within_groups",
        "小组内部出现人事或权力争执",
        "Disputes over people or power inside a group",
        "小組內部出現人事或權力爭執",
    )
    DISPUTES_BETWEEN_GROUPS = (
        "disputes_between_groups",
        "小组之间出现人事或权力争执",
        "Disputes over people or power between groups",
        "小組之間出現人事或權力爭執",
    )
    LEADER_FOCUS = (
        "leader_focus",
        "注意力集中在少数带头人，忽视普通居民",
        "Attention goes to a few leaders, not to ordinary residents",
        "注意力集中在少數帶頭人，忽視普通居民",
    )
    SERVICES_ONLY = (
        "services_only",
        "居民组织只提供服务，忽视居民的长期参与",
        "The organisation only delivers services, not lasting participation",
        "居民組織只提供服務，忽視居民的長期參與",
    )
    ONLY_NUMBERS = (
        "only_numbers",
        "评估只看数字，缺少居民的感受和故事",
        "The evaluation rests on numbers alone",
        "評估只看數字，缺少居民的感受和故事",
    )
    ONLY_IMPRESSIONS = (
        "only_impressions",
        "评估只凭感觉，缺少数据",
        "The evaluation rests on impressions alone",
        "評估只憑感覺，缺少數據",
    )


@frozen
class StageWarning:
    """A caution of a stage that shows in its evidence, with a message in two languages.

    Examples:
        >>> text = BilingualText.of("社工80%的接触集中在带头人", "80% of contacts are with leaders")
        >>> w = StageWarning(Caution.LEADER_FOCUS, Stage.CONSOLIDATION, 0.8, 0.5, text)
        >>> w.code, w.message("en")
        ('leader_focus', '80% of contacts are with leaders')
    """

    caution: Caution
    stage: Stage
    measured: int | float = field()
    threshold: int | float = field()
    text: BilingualText

    @measured.validator
    @threshold.validator
    def _finite(self, attribute: Attribute[int | float], value: int | float) -> None:
        require_measure(value, attribute.name, MAX_MEASURE)

    @property
    def code(self) -> str:
        """The caution's stable code."""
        return self.caution.value

    def message(self, language: Language | str = "zh") -> str:
        """Return the warning's message in ``language`` (Chinese by default).

        Examples:
            >>> StageWarning(Caution.ONLY_NUMBERS, Stage.EVALUATION, 0.0, 0.2,
            ...              BilingualText.of("只有数字", "Numbers only")).message()
            '只有数字'
        """
        return self.text.text(language)


def _percents(share: float, limit: float) -> tuple[str, str]:
    """Show a share and its limit as percentages, with as many decimals as tell them apart.

    19.95% against a limit of 20% shows as ``19.95%``, never as ``20%``; at
    most nine decimals.
    """
    for digits in range(10):
        shown = f"{share:.{digits}%}", f"{limit:.{digits}%}"
        if shown[0] != shown[1]:
            break
    return shown


def _times(count: int) -> str:
    return "once" if count == 1 else f"{count} times"


def _counted(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _preparation(e: PreparationEvidence, p: StagePolicy) -> list[StageWarning]:
    covered = len(e.profile_aspects) / len(ProfileAspect)
    if covered >= p.profile_completeness or e.events_held <= p.max_events_before_profile:
        return []
    covered_text, _ = _percents(covered, p.profile_completeness)
    return [
        StageWarning(
            Caution.EVENTS_BEFORE_PROFILE,
            Stage.PREPARATION,
            e.events_held,
            p.max_events_before_profile,
            BilingualText.of(
                f"社区概况只完成了{covered_text}，却已举办{e.events_held}场活动"
                f"（上限{p.max_events_before_profile}场）：先摸清社区、找准方向",
                f"{_counted(e.events_held, 'event')} held (limit "
                f"{p.max_events_before_profile}) while the profile is only {covered_text} "
                f"complete: understand the community first",
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
                    f"Residents asked the worker for help {_times(e.requests_to_worker)} and "
                    f"their own leaders {_times(e.requests_to_leaders)}: hand matters back "
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
                        f"{_counted(count, 'dispute')} over people or power {en}: "
                        f"mediate with care",
                    ),
                )
            )
    return found


def _consolidation(e: ConsolidationEvidence, p: StagePolicy) -> list[StageWarning]:
    found = []
    contacts = e.contacts_with_leaders + e.contacts_with_residents
    if contacts and e.contacts_with_leaders / contacts > p.leader_focus_share:
        share = e.contacts_with_leaders / contacts
        shown, limit = _percents(share, p.leader_focus_share)
        found.append(
            StageWarning(
                Caution.LEADER_FOCUS,
                Stage.CONSOLIDATION,
                share,
                p.leader_focus_share,
                BilingualText.of(
                    f"社工{shown}的接触集中在带头人身上（上限{limit}）：别忽略普通居民",
                    f"{shown} of the worker's contacts are with leaders (limit {limit}): "
                    f"do not neglect ordinary residents",
                ),
            )
        )
    activities = e.service_activities + e.participation_activities
    if activities and e.participation_activities / activities < p.min_participation_share:
        share = e.participation_activities / activities
        shown, limit = _percents(share, p.min_participation_share)
        found.append(
            StageWarning(
                Caution.SERVICES_ONLY,
                Stage.CONSOLIDATION,
                share,
                p.min_participation_share,
                BilingualText.of(
                    f"居民参与策划和决策的活动只占{shown}（至少{limit}）：组织不能只提供服务",
                    f"Only {shown} of activities let residents plan or decide "
                    f"(at least {limit}): the organisation should not only deliver services",
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
        (Caution.ONLY_NUMBERS, e.qualitative_sources, "定性资料", "Qualitative evidence"),
        (Caution.ONLY_IMPRESSIONS, e.quantitative_indicators, "定量资料", "Quantitative evidence"),
    ):
        share = part / total
        if share < p.min_evidence_share:
            shown, limit = _percents(share, p.min_evidence_share)
            found.append(
                StageWarning(
                    caution,
                    Stage.EVALUATION,
                    share,
                    p.min_evidence_share,
                    BilingualText.of(
                        f"{zh}只占总结依据的{shown}（至少{limit}）：平衡定性与定量资料",
                        f"{en} is only {shown} of the summary's evidence (at least {limit}): "
                        f"balance qualitative and quantitative evidence",
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
    engagement = require_instance(Engagement, engagement, "engagement")
    policy = require_instance(StagePolicy, policy, "policy")
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
