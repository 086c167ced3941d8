"""Exit criteria (工作目标的实现) checked over a stage's evidence.

Examples:
    >>> from datetime import date
    >>> from socialwork.stages import Engagement, LaunchEvidence, Stage
    >>> from socialwork.models import GroupKind
    >>> engagement = Engagement(community_id="c1", stage=Stage.LAUNCH,
    ...                         entered_on=date(2025, 6, 1))
    >>> evidence = LaunchEvidence(groups_formed=(GroupKind.INTEREST,), leaders_trained=6,
    ...                           problems_solved_with_leaders=2)
    >>> check = check_exit(engagement, evidence)
    >>> check.passed, [c.code for c in check.unmet]
    (False, ['group_kinds'])
"""

from __future__ import annotations

from typing import Any

from attrs import Attribute, field, frozen

from socialwork._arguments import require_instance, require_measure
from socialwork.display.displayable import Displayable
from socialwork.display.document import Document, Heading, Table
from socialwork.labels import LabelledEnum, Language, Script, canonical_language, select_language
from socialwork.models import ProfileAspect
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

__all__ = ["Comparison", "CriterionResult", "ExitCheck", "ExitCriterion", "check_exit"]

Measure = int | float | bool


class ExitCriterion(LabelledEnum):
    """A criterion for leaving a stage (工作目标的实现); the label describes it.

    Examples:
        >>> ExitCriterion.RESIDENT_SUPPORT.label()
        '居民组织得到多数居民支持'
    """

    COMMUNITY_PLAN = (
        "community_plan",
        "已按成文计划系统地进入社区",
        "The worker entered the community through a written plan",
        "已按成文計劃系統地進入社區",
    )
    PROFILE_COMPLETE = (
        "profile_complete",
        "社区概况已覆盖所需方面",
        "The community profile covers the required aspects",
        "社區概況已覆蓋所需方面",
    )
    HOUSEHOLDS_KNOWN = (
        "households_known",
        "认识和熟悉足够多的居民家庭",
        "Enough households know the worker and are known",
        "認識和熟悉足夠多的居民家庭",
    )
    COMMON_ISSUES_RAISED = (
        "common_issues_raised",
        "居民主动向社工反映共同问题",
        "Residents bring shared problems to the worker on their own",
        "居民主動向社工反映共同問題",
    )
    ORGANISATIONS_MAPPED = (
        "organisations_mapped",
        "清楚本地政府机构、驻区单位和社会团体的运作方式",
        "The worker knows how local government bodies, units and groups work",
        "清楚本地政府機構、駐區單位和社會團體的運作方式",
    )
    GROUP_KINDS = (
        "group_kinds",
        "成立了不同类型的居民小组",
        "Resident groups of several kinds formed",
        "成立了不同類型的居民小組",
    )
    LEADERS_TRAINED = (
        "leaders_trained",
        "培养了一批居民骨干",
        "A batch of resident leaders trained",
        "培養了一批居民骨幹",
    )
    PROBLEMS_SOLVED_WITH_LEADERS = (
        "problems_solved_with_leaders",
        "骨干协助解决了一些社区问题",
        "Leaders helped solve some community problems",
        "骨幹協助解決了一些社區問題",
    )
    RESIDENT_SUPPORT = (
        "resident_support",
        "居民组织得到多数居民支持",
        "Most residents support the residents' organisation",
        "居民組織得到多數居民支持",
    )
    LEADERSHIP_RENEWAL = (
        "leadership_renewal",
        "领导核心有新人加入，新陈代谢健康",
        "New people join the leadership core",
        "領導核心有新人加入，新陳代謝健康",
    )
    WRITTEN_PROCEDURES = (
        "written_procedures",
        "组织运作有成文的程序",
        "Written procedures run the organisation",
        "組織運作有成文的程序",
    )
    SUPPORTING_UNITS = (
        "supporting_units",
        "得到辖区单位或外部民间团体的支持",
        "Local units or outside civic groups support the organisation",
        "得到轄區單位或外部民間團體的支持",
    )
    SUMMARY_WRITTEN = (
        "summary_written",
        "以往工作已有书面总结",
        "Past work is summed up in writing",
        "以往工作已有書面總結",
    )
    QUALITATIVE_EVIDENCE = (
        "qualitative_evidence",
        "总结用到定性资料",
        "The summary draws on qualitative evidence",
        "總結用到定性資料",
    )
    QUANTITATIVE_EVIDENCE = (
        "quantitative_evidence",
        "总结用到定量资料",
        "The summary draws on quantitative evidence",
        "總結用到定量資料",
    )
    NEXT_CYCLE_PLAN = (
        "next_cycle_plan",
        "已系统规划下一轮工作",
        "The next cycle is planned",
        "已係統規劃下一輪工作",
    )


class Comparison(LabelledEnum):
    """How a criterion's measured value is compared with its threshold.

    Examples:
        >>> Comparison.MORE_THAN.label(), Comparison.MORE_THAN.label("en")
        ('多于', 'more than')
    """

    AT_LEAST = "at_least", "不少于", "at least", "不少於"
    MORE_THAN = "more_than", "多于", "more than", "多於"
    IS = "is", "须为", "must be", "須爲"


@frozen
class CriterionResult:
    """One exit criterion judged: what was measured, against what, and whether it is met.

    ``measured`` is ``None`` when a share has an empty whole (no households,
    no residents): the share is undefined and the criterion is not met.

    Examples:
        >>> r = CriterionResult(ExitCriterion.LEADERS_TRAINED, 3, 5, Comparison.AT_LEAST, False)
        >>> r.code, r.description("en")
        ('leaders_trained', 'A batch of resident leaders trained')
        >>> str(r)
        'leaders_trained: 3 (at least 5)'
    """

    criterion: ExitCriterion
    measured: Measure | None = field()
    threshold: Measure = field()
    comparison: Comparison
    met: bool

    @measured.validator
    @threshold.validator
    def _finite(self, attribute: Attribute[Measure | None], value: Measure | None) -> None:
        require_measure(value, attribute.name, MAX_MEASURE)

    @property
    def code(self) -> str:
        """The criterion's stable code."""
        return self.criterion.value

    def description(self, language: Language | str = "zh") -> str:
        """Describe the criterion in ``language`` (Chinese by default).

        Examples:
            >>> r = CriterionResult(ExitCriterion.SUMMARY_WRITTEN, True, True, Comparison.IS, True)
            >>> r.description()
            '以往工作已有书面总结'
        """
        return self.criterion.label(language)

    def __str__(self) -> str:
        """Name the criterion with its measured value and threshold."""
        measured = "undefined" if self.measured is None else self.measured
        return f"{self.code}: {measured} ({self.comparison.label('en')} {self.threshold})"


@frozen
class ExitCheck(Displayable):
    """Every exit criterion of a stage, judged over one piece of evidence.

    Examples:
        >>> from datetime import date
        >>> from socialwork.stages import Engagement, EvaluationEvidence, Stage
        >>> engagement = Engagement(community_id="c1", stage=Stage.EVALUATION,
        ...                         entered_on=date(2025, 11, 1))
        >>> check = check_exit(engagement, EvaluationEvidence(
        ...     summary_written=True, qualitative_sources=4, quantitative_indicators=0,
        ...     next_cycle_plan=True))
        >>> len(check.criteria), [str(c) for c in check.unmet]
        (4, ['quantitative_evidence: 0 (at least 1)'])
    """

    stage: Stage
    evidence: StageEvidence
    policy: StagePolicy
    criteria: tuple[CriterionResult, ...]

    @property
    def passed(self) -> bool:
        """Whether every criterion is met."""
        return all(c.met for c in self.criteria)

    @property
    def unmet(self) -> tuple[CriterionResult, ...]:
        """The criteria not met, in the order they were checked."""
        return tuple(c for c in self.criteria if not c.met)

    def to_document(self, language: Language | str = "zh") -> Document:
        """Return the verdict and every criterion (measured, required, met) as a table.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> from datetime import date
            >>> from socialwork.stages import Engagement, EvaluationEvidence, Stage
            >>> evaluation = Engagement(community_id="c1", stage=Stage.EVALUATION,
            ...                         entered_on=date(2025, 11, 1))
            >>> check = check_exit(
            ...     evaluation,
            ...     EvaluationEvidence(summary_written=True, qualitative_sources=4,
            ...                        quantitative_indicators=0, next_cycle_plan=True))
            >>> print(check.to_markdown("en").splitlines()[0])
            ## Stage exit check: Evaluation — exit criteria not yet met
        """
        script = canonical_language(language)
        verdict = (
            select_language(
                script, "已满足全部退出条件", "all exit criteria met", "已滿足全部退出條件"
            )
            if self.passed
            else select_language(
                script, "尚未满足退出条件", "exit criteria not yet met", "尚未滿足退出條件"
            )
        )
        rows = [
            (
                c.description(script),
                _shown(c.measured, script),
                f"{c.comparison.label(script)} {_shown(c.threshold, script)}",
                _shown(c.met, script),
            )
            for c in self.criteria
        ]
        header = (
            select_language(script, "条件", "Criterion", "條件"),
            select_language(script, "实际", "Measured", "實際"),
            select_language(script, "要求", "Required"),
            select_language(script, "满足", "Met", "滿足"),
        )
        title = select_language(script, "阶段退出检查", "Stage exit check", "階段退出檢查")
        return Document(
            [Heading(f"{title}: {self.stage.label(script)} — {verdict}"), Table(header, rows)]
        )

    def to_rows(self) -> list[dict[str, Any]]:
        """Return one row per criterion: stage and criterion codes, measured, threshold, met.

        ``measured`` and ``threshold`` are numbers (yes/no as 1.0/0.0, a
        share as a fraction); ``measured`` is ``None`` for an undefined share.

        Examples:
            >>> from datetime import date
            >>> from socialwork.stages import Engagement, EvaluationEvidence, Stage
            >>> evaluation = Engagement(community_id="c1", stage=Stage.EVALUATION,
            ...                         entered_on=date(2025, 11, 1))
            >>> check = check_exit(
            ...     evaluation,
            ...     EvaluationEvidence(summary_written=True, qualitative_sources=4,
            ...                        quantitative_indicators=0, next_cycle_plan=True))
            >>> row = check.to_rows()[2]
            >>> row["criterion"], row["measured"], row["threshold"], row["comparison"], row["met"]
            ('quantitative_evidence', 0.0, 1.0, 'at_least', False)
        """
        return [
            {
                "stage": self.stage.value,
                "criterion": c.code,
                "measured": None if c.measured is None else float(c.measured),
                "threshold": float(c.threshold),
                "comparison": c.comparison.value,
                "met": c.met,
            }
            for c in self.criteria
        ]


def _shown(value: object, script: Script) -> str:
    """A measured value or threshold as the table shows it: yes/no, a percent, a count."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return (
            select_language(script, "是", "yes") if value else select_language(script, "否", "no")
        )
    if isinstance(value, float):
        return f"{100 * value:.1f}%"
    return str(value)


def _at_least(criterion: ExitCriterion, measured: int, threshold: int) -> CriterionResult:
    return CriterionResult(
        criterion, measured, threshold, Comparison.AT_LEAST, measured >= threshold
    )


def _required(criterion: ExitCriterion, measured: bool) -> CriterionResult:
    return CriterionResult(criterion, measured, True, Comparison.IS, measured)


def _share(
    criterion: ExitCriterion, part: int, whole: int, threshold: float, comparison: Comparison
) -> CriterionResult:
    if whole == 0:
        return CriterionResult(criterion, None, threshold, comparison, False)
    share = part / whole
    met = share > threshold if comparison is Comparison.MORE_THAN else share >= threshold
    return CriterionResult(criterion, share, threshold, comparison, met)


def _preparation(e: PreparationEvidence, p: StagePolicy) -> tuple[CriterionResult, ...]:
    aspects = len(ProfileAspect)
    return (
        _required(ExitCriterion.COMMUNITY_PLAN, e.community_plan),
        _share(
            ExitCriterion.PROFILE_COMPLETE,
            len(e.profile_aspects),
            aspects,
            p.profile_completeness,
            Comparison.AT_LEAST,
        ),
        _share(
            ExitCriterion.HOUSEHOLDS_KNOWN,
            e.households_known,
            e.households,
            p.households_known_share,
            Comparison.AT_LEAST,
        ),
        _at_least(ExitCriterion.COMMON_ISSUES_RAISED, e.common_issues_raised, p.min_common_issues),
        _share(
            ExitCriterion.ORGANISATIONS_MAPPED,
            e.organisations_mapped,
            e.organisations,
            p.organisations_mapped_share,
            Comparison.AT_LEAST,
        ),
    )


def _launch(e: LaunchEvidence, p: StagePolicy) -> tuple[CriterionResult, ...]:
    return (
        _at_least(ExitCriterion.GROUP_KINDS, len(set(e.groups_formed)), p.min_group_kinds),
        _at_least(ExitCriterion.LEADERS_TRAINED, e.leaders_trained, p.min_leaders_trained),
        _at_least(
            ExitCriterion.PROBLEMS_SOLVED_WITH_LEADERS,
            e.problems_solved_with_leaders,
            p.min_problems_solved,
        ),
    )


def _consolidation(e: ConsolidationEvidence, p: StagePolicy) -> tuple[CriterionResult, ...]:
    return (
        _share(
            ExitCriterion.RESIDENT_SUPPORT,
            e.residents_supporting,
            e.residents,
            p.most_residents,
            Comparison.MORE_THAN,
        ),
        _at_least(ExitCriterion.LEADERSHIP_RENEWAL, e.new_core_leaders, p.min_new_core_leaders),
        _at_least(ExitCriterion.WRITTEN_PROCEDURES, e.written_procedures, p.min_written_procedures),
        _at_least(ExitCriterion.SUPPORTING_UNITS, e.supporting_units, p.min_supporting_units),
    )


def _evaluation(e: EvaluationEvidence, p: StagePolicy) -> tuple[CriterionResult, ...]:
    return (
        _required(ExitCriterion.SUMMARY_WRITTEN, e.summary_written),
        _at_least(
            ExitCriterion.QUALITATIVE_EVIDENCE, e.qualitative_sources, p.min_qualitative_sources
        ),
        _at_least(
            ExitCriterion.QUANTITATIVE_EVIDENCE,
            e.quantitative_indicators,
            p.min_quantitative_indicators,
        ),
        _required(ExitCriterion.NEXT_CYCLE_PLAN, e.next_cycle_plan),
    )


def check_exit(
    engagement: Engagement, evidence: StageEvidence, policy: StagePolicy = DEFAULT_POLICY
) -> ExitCheck:
    """Judge every exit criterion of the engagement's stage over ``evidence``.

    The criteria of each stage are listed by `stage_guide`;
    their thresholds come from ``policy``.

    Raises:
        WrongStageEvidence: ``evidence`` is for a stage other than the engagement's.

    Examples:
        >>> from datetime import date
        >>> from socialwork.stages import ConsolidationEvidence, Engagement, Stage
        >>> engagement = Engagement(community_id="c1", stage=Stage.CONSOLIDATION,
        ...                         entered_on=date(2025, 9, 1))
        >>> evidence = ConsolidationEvidence(residents=3500, residents_supporting=1750,
        ...                                  new_core_leaders=1, written_procedures=2,
        ...                                  supporting_units=3)
        >>> [str(c) for c in check_exit(engagement, evidence).unmet]
        ['resident_support: 0.5 (more than 0.5)']
    """
    engagement = require_instance(Engagement, engagement, "engagement")
    policy = require_instance(StagePolicy, policy, "policy")
    require_stage(engagement.stage, evidence)
    criteria: tuple[CriterionResult, ...]
    if isinstance(evidence, PreparationEvidence):
        criteria = _preparation(evidence, policy)
    elif isinstance(evidence, LaunchEvidence):
        criteria = _launch(evidence, policy)
    elif isinstance(evidence, ConsolidationEvidence):
        criteria = _consolidation(evidence, policy)
    else:
        criteria = _evaluation(evidence, policy)
    return ExitCheck(engagement.stage, evidence, policy, criteria)
