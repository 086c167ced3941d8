"""Checks of goals and plans against the social-planning principles (计划检查).

A check returns findings — a stable code and the id of what it is about —
rather than raising: a plan with findings is a draft to improve, not an
invalid record.
"""

from __future__ import annotations

from collections.abc import Iterable

from attrs import frozen

from socialwork._arguments import require_count, require_instance
from socialwork.labels import LabelledEnum, Language
from socialwork.plans.goals import PlanGoal
from socialwork.plans.phases import MilestoneKind, Phase
from socialwork.plans.workplan import WorkPlan

__all__ = ["Finding", "FindingCode", "check_goal", "check_plan"]


class FindingCode(LabelledEnum):
    """What a plan or goal check found; the labels are the messages."""

    NOT_MEASURABLE = (
        "not_measurable",
        "目标缺少衡量指标或目标值",
        "Goal has no measure or target",
        "目標缺少衡量指標或目標值",
    )
    NO_TARGET_GROUP = (
        "no_target_group",
        "目标没有明确的服务对象",
        "Goal names no target group",
        "目標沒有明確的服務對象",
    )
    NO_DEADLINE = "no_deadline", "目标没有时间限制", "Goal has no time limit", "目標沒有時間限制"
    NO_PRIORITY = "no_priority", "目标没有优先次序", "Goal has no priority", "目標沒有優先次序"
    CAPACITY_UNKNOWN = (
        "capacity_unknown",
        "无法判断目标是否在机构能力范围内",
        "Cannot tell whether the goal is within the agency's capacity",
        "無法判斷目標是否在機構能力範圍內",
    )
    BEYOND_CAPACITY = (
        "beyond_capacity",
        "目标所需人手超出机构能力",
        "Goal needs more staff than the agency has",
        "目標所需人手超出機構能力",
    )
    PHASE_OVERLAP = (
        "phase_overlap",
        "阶段时间重叠",
        "Phase overlaps an earlier phase",
        "階段時間重疊",
    )
    PHASE_GAP = (
        "phase_gap",
        "阶段之间有空档",
        "Months before this phase belong to no phase",
        "階段之間有空檔",
    )
    NO_MID_TERM_REVIEW = (
        "no_mid_term_review",
        "计划没有中期评估",
        "Plan has no mid-term review",
        "計劃沒有中期評估",
    )
    RISK_WITHOUT_OWNER = (
        "risk_without_owner",
        "风险没有责任人",
        "Risk has no owner",
        "風險沒有責任人",
    )
    RISK_WITHOUT_RESPONSE = (
        "risk_without_response",
        "风险没有应对措施",
        "Risk has no response",
        "風險沒有應對措施",
    )


@frozen
class Finding:
    """One finding of a check: a stable code and the id of what it is about.

    Examples:
        >>> f = Finding(FindingCode.NO_DEADLINE, "g1")
        >>> f.message("en"), f.message(), f.message("zh-TW")
        ('g1: Goal has no time limit', 'g1: 目标没有时间限制', 'g1: 目標沒有時間限制')
    """

    code: FindingCode
    subject: str

    def message(self, language: Language | str = "zh") -> str:
        """The finding as a sentence in ``language``.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.
        """
        return f"{self.subject}: {self.code.label(language)}"


def check_goal(goal: PlanGoal, *, staff_available: int | None) -> tuple[Finding, ...]:
    """Check a goal against the social-planning principles for goals.

    A goal should be written and measurable (a ``measure`` and a ``target``),
    name a target group, have a time limit and a priority, and fit the
    agency's capacity (``staff_needed`` at most ``staff_available``; either
    unknown gives ``capacity_unknown``). Being written is enforced by the
    record (its statement is required).

    Raises:
        ArgumentError: ``staff_available`` is negative or above a billion.
        TypeError: ``goal`` is not a `PlanGoal`.

    Examples:
        >>> g = PlanGoal(id="g2", statement="改善人际沟通模式", measure="人际改善比例",
        ...              target="70%", staff_needed=8)
        >>> [f.code.value for f in check_goal(g, staff_available=6)]
        ['no_target_group', 'no_deadline', 'no_priority', 'beyond_capacity']
    """
    require_instance(PlanGoal, goal, "goal")
    if staff_available is not None:
        require_count(staff_available, "staff_available")
    C = FindingCode  # noqa: N806 - a short alias for the codes
    unmet = [
        (C.NOT_MEASURABLE, goal.measure is None or goal.target is None),
        (C.NO_TARGET_GROUP, goal.target_group is None),
        (C.NO_DEADLINE, goal.deadline_month is None),
        (C.NO_PRIORITY, goal.priority is None),
    ]
    if goal.staff_needed is None or staff_available is None:
        unmet.append((C.CAPACITY_UNKNOWN, True))
    else:
        unmet.append((C.BEYOND_CAPACITY, goal.staff_needed > staff_available))
    return tuple(Finding(code, goal.id) for code, found in unmet if found)


def _phase_findings(phases: Iterable[Phase]) -> list[Finding]:
    findings: list[Finding] = []
    next_month = 1
    for phase in sorted(phases, key=lambda p: (p.first_month, p.last_month, p.id)):
        if phase.first_month > next_month:
            findings.append(Finding(FindingCode.PHASE_GAP, phase.id))
        elif phase.first_month < next_month:
            findings.append(Finding(FindingCode.PHASE_OVERLAP, phase.id))
        next_month = max(next_month, phase.last_month + 1)
    return findings


def check_plan(plan: WorkPlan) -> tuple[Finding, ...]:
    """Check a plan: phases, every goal (`check_goal`), a mid-term review, risks.

    A mid-term review is a milestone of kind ``mid_term_review`` or, in a
    plan of several years, ``annual_evaluation``.

    Phases are walked in month order: a phase that starts after the months
    covered so far leaves a gap (``phase_gap``, also when month 1 is not
    covered), one that starts inside them overlaps (``phase_overlap``).
    Goals are checked with the plan's ``staff_available``. A plan needs a
    milestone of kind ``mid_term_review``; each risk needs an owner and at
    least one response.

    Raises:
        TypeError: ``plan`` is not a `WorkPlan`.

    Examples:
        >>> from datetime import date
        >>> from socialwork.analysis import Risk, RiskScore
        >>> plan = WorkPlan(
        ...     id="y", title="计划", overall_goal="目标", start=date(2025, 1, 1),
        ...     phases=(Phase(id="prep", name="筹备", first_month=1, last_month=1),
        ...             Phase(id="impl", name="实施", first_month=3, last_month=10)),
        ...     risks=(Risk(id="r1", title="资金中断", category="funding",
        ...                 inherent=RiskScore(likelihood=2, impact=5)),))
        >>> for finding in check_plan(plan):
        ...     print(finding.message("en"))
        impl: Months before this phase belong to no phase
        y: Plan has no mid-term review
        r1: Risk has no owner
        r1: Risk has no response
    """
    require_instance(WorkPlan, plan, "plan")
    findings = _phase_findings(plan.phases)
    for goal in plan.goals:
        findings.extend(check_goal(goal, staff_available=plan.staff_available))
    in_plan = (MilestoneKind.MID_TERM_REVIEW, MilestoneKind.ANNUAL_EVALUATION)
    if not any(m.kind in in_plan for m in plan.milestones):
        findings.append(Finding(FindingCode.NO_MID_TERM_REVIEW, plan.id))
    for risk in plan.risks:
        if risk.owner is None:
            findings.append(Finding(FindingCode.RISK_WITHOUT_OWNER, risk.id))
        if not risk.responses:
            findings.append(Finding(FindingCode.RISK_WITHOUT_RESPONSE, risk.id))
    return tuple(findings)
