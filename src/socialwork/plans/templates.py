"""Plan templates (计划模板): the skeletons of five kinds of station plan.

Each template holds the phases, monitoring points, recurring duties, example
goals with targets and typical risks of one kind of plan, written in our own
words from five station plans. The community template keeps the
party-building calendar (`PARTY_DUTIES`: 三会一课 and the yearly 组织生活会
with 民主评议党员) and 重阳节; the youth template keeps the youth plan's
rhythm (a new group each quarter, a large event each month, a small activity
each week, a parent workshop each month); the team-building template keeps
the team plan's rhythm (a small team activity each month, training and a
large team activity each quarter, leadership training every half year) and
its internal and external supervision roster (`socialwork.team` checks a
roster against the sessions held). Scheduling a template's 重阳节
needs the ``lunar`` extra. A template is a record: copy and edit it with
`socialwork.records.replace`, or start a plan from it with
`PlanTemplate.work_plan`.
"""

from __future__ import annotations

from datetime import date
from typing import Self

from pydantic import model_validator

from socialwork._arguments import require_day, require_member
from socialwork.calendars.duties import Duty, Frequency, Recurrence, Weekday
from socialwork.calendars.lunar import Festival
from socialwork.labels import Language
from socialwork.metrics.targets import Target, at_least, increase_by
from socialwork.models import BilingualText
from socialwork.plans.catalog import CatalogRisk, risk_catalog
from socialwork.plans.goals import GoalKind, PlanGoal
from socialwork.plans.phases import Milestone, MilestoneKind, Phase
from socialwork.plans.plan_kinds import PlanKind
from socialwork.plans.workplan import WorkPlan, _check_parts, _length
from socialwork.records import Id, Record

__all__ = [
    "PlanTemplate",
    "plan_template",
]

_b = BilingualText.of


class PlanTemplate(Record):
    """The skeleton of a kind of plan, for the user to copy and edit.

    Ids are distinct within each collection and duties name listed phases,
    as in a `WorkPlan`; ``months`` is the template's length.

    Examples:
        >>> t = plan_template(PlanKind.COMMUNITY_ANNUAL)
        >>> [(p.first_month, p.last_month) for p in t.phases], t.months
        ([(1, 1), (2, 10), (11, 12)], 12)
    """

    kind: PlanKind
    title: BilingualText
    overall_goal: BilingualText
    phases: tuple[Phase, ...]
    milestones: tuple[Milestone, ...]
    monitoring: tuple[BilingualText, ...]
    duties: tuple[Duty, ...] = ()
    goals: tuple[PlanGoal, ...] = ()
    risks: tuple[CatalogRisk, ...] = ()

    @model_validator(mode="after")
    def _references(self) -> Self:
        _check_parts(
            "PlanTemplate",
            goals=self.goals,
            phases=self.phases,
            duties=self.duties,
            others={"milestones": [m.id for m in self.milestones]},
        )
        return self

    @property
    def months(self) -> int:
        """The template's length in months: its last phase month or milestone."""
        return _length(self.phases, self.milestones)

    def work_plan(self, *, id: Id, start: date, language: Language | str = "zh") -> WorkPlan:
        """Start a work plan on ``start`` from the template (risks are added once rated).

        The plan's title and overall goal are the template's, in ``language``.

        Raises:
            ArgumentError: ``start`` is a ``datetime`` or outside 1900–2199.
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.
            pydantic.ValidationError: ``id`` is not a valid id, or the plan
                would end after 2199-12-31.

        Examples:
            >>> from datetime import date
            >>> plan = plan_template(PlanKind.YOUTH).work_plan(id="y2025", start=date(2025, 1, 1))
            >>> plan.months, [g.target for g in plan.goals]
            (12, ['80%', '70%', '60%', '50%'])
            >>> youth = plan_template("youth")
            >>> youth.work_plan(id="y", start=date(2025, 1, 1), language="en").title
            'Youth growth support plan'
        """
        return WorkPlan(
            id=id,
            title=self.title.text(language),
            overall_goal=self.overall_goal.text(language),
            start=require_day(start, "start"),
            goals=self.goals,
            phases=self.phases,
            milestones=self.milestones,
            duties=self.duties,
        )


def _phases(*spans: tuple[str, str, int, int]) -> tuple[Phase, ...]:
    return tuple(Phase(id=i, name=n, first_month=a, last_month=b) for i, n, a, b in spans)


def _milestones(quarters: tuple[int, ...], mid: int, final: int) -> tuple[Milestone, ...]:
    """Quarterly reviews, a mid-term review in month ``mid`` and a final evaluation.

    In a two-year plan the seeds hold an annual evaluation in month 12,
    with the quarterly reviews of months 6 and 18 as the in-year checks:
    there ``mid`` (12) is labelled the annual evaluation, not a mid-term.
    """
    K = MilestoneKind  # noqa: N806 - short alias
    reviews = tuple(
        Milestone(id=f"q{m}", name="季度审查", month=m, kind=K.QUARTERLY_REVIEW) for m in quarters
    )
    middle = (
        Milestone(id="annual", name="年度评估", month=mid, kind=K.ANNUAL_EVALUATION)
        if final > 12
        else Milestone(id="mid", name="中期评估", month=mid, kind=K.MID_TERM_REVIEW)
    )
    return (
        *reviews,
        middle,
        Milestone(id="final", name="终期评估", month=final, kind=K.FINAL_EVALUATION),
    )


def _goal(
    id: str,
    statement: str,
    group: str,
    measure: str,
    target: str,
    month: int,
    priority: int,
    typed: Target,
    kind: GoalKind = GoalKind.TASK,
) -> PlanGoal:
    return PlanGoal(
        id=id,
        statement=statement,
        kind=kind,
        target_group=group,
        measure=measure,
        target=target,
        typed_target=typed,
        deadline_month=month,
        priority=priority,
    )


_YEAR_PHASES = _phases(
    ("prep", "筹备与启动", 1, 1), ("impl", "项目实施", 2, 10), ("eval", "评估与总结", 11, 12)
)
_QUARTERLY = Recurrence(frequency=Frequency.MONTHLY, interval=3)
_MONTHLY = Recurrence(frequency=Frequency.MONTHLY)
_DOUBLE_NINTH = Duty(
    id="double_ninth",
    name="重阳节敬老活动:走访慰问困难、独居老年人",
    recurrence=Recurrence.festival(Festival.DOUBLE_NINTH),
)

PARTY_DUTIES: tuple[Duty, ...] = (
    Duty(
        id="branch_committee",
        name="支部委员会会议(每月8日)",
        recurrence=Recurrence(frequency=Frequency.MONTHLY, month_day=8),
    ),
    Duty(
        id="party_group",
        name="党小组会(每月10日)",
        recurrence=Recurrence(frequency=Frequency.MONTHLY, month_day=10),
    ),
    Duty(
        id="general_meeting",
        name="支部党员大会(每季度,1、4、7、10月15日)",
        recurrence=Recurrence(frequency=Frequency.MONTHLY, month_day=15, months=(1, 4, 7, 10)),
    ),
    Duty(
        id="party_lecture",
        name="党课(每季度,2、5、8、11月15日)",
        recurrence=Recurrence(frequency=Frequency.MONTHLY, month_day=15, months=(2, 5, 8, 11)),
    ),
    Duty(
        id="branch_review",
        name="组织生活会和民主评议党员(每年12月最后一个周五)",
        recurrence=Recurrence(
            frequency=Frequency.YEARLY, months=(12,), weekdays=(Weekday.FRIDAY,), nth=-1
        ),
    ),
)
"""The party-building calendar (党建工作日程) of a community party branch.

三会一课: the branch committee (支委会) and the party groups (党小组会) meet
monthly, the general meeting of members (支部党员大会) and the party lecture
(党课) are held quarterly; the yearly 组织生活会 with 民主评议党员 closes the
year. The days (the 8th, the 10th, the 15th) follow a community party
committee's plan; edit them to a branch's own.
"""

_DAILY_MONITORING = _b(
    "日常监测:记录服务人次、活动场次和资源链接",
    "Daily: log services, activities and resources linked",
)

_TEMPLATES = {
    PlanKind.COMMUNITY_ANNUAL: PlanTemplate(
        kind=PlanKind.COMMUNITY_ANNUAL,
        title=_b("社区年度社工工作计划", "Community annual social-work plan"),
        overall_goal=_b(
            "提升居民生活品质,建设和谐韧性社区",
            "Better lives for residents in a cohesive, resilient community",
        ),
        phases=_YEAR_PHASES,
        milestones=_milestones((), 6, 12),
        monitoring=(
            _DAILY_MONITORING,
            _b(
                "第6个月中期评估:目标达成、服务对象反馈、资源利用效率",
                "Month 6: goals, feedback, use of resources",
            ),
            _b(
                "第12个月年度评估:整体目标、社会效益、成本效益",
                "Month 12: overall goals, social benefit, cost-benefit",
            ),
        ),
        duties=(
            Duty(
                id="visits",
                name="每周三远郊走访日",
                phase_id="impl",
                recurrence=Recurrence(frequency=Frequency.WEEKLY, weekdays=(Weekday.WEDNESDAY,)),
            ),
            Duty(id="meeting", name="社工团队工作例会(每月至少1次)", recurrence=_MONTHLY),
            _DOUBLE_NINTH,
            *PARTY_DUTIES,
        ),
        goals=(
            _goal(
                "coverage",
                "扩大重点人群服务覆盖",
                "独居老人、困境儿童、残疾人等重点人群",
                "重点人群服务覆盖率",
                "95%",
                12,
                1,
                at_least("95%", of="key_group_coverage"),
            ),
            _goal(
                "volunteers",
                "培育社区骨干和志愿者队伍",
                "社区居民",
                "新增注册志愿者人数",
                "15人",
                10,
                2,
                at_least("15人", of="new_volunteers"),
                GoalKind.PROCESS,
            ),
            _goal(
                "satisfaction",
                "提高居民对社工服务的满意度",
                "参与服务的居民",
                "居民满意率",
                "90%",
                12,
                3,
                at_least("90%", of="survey_satisfaction"),
            ),
        ),
        risks=risk_catalog(PlanKind.COMMUNITY_ANNUAL),
    ),
    PlanKind.YOUTH: PlanTemplate(
        kind=PlanKind.YOUTH,
        title=_b("青少年成长支持专项社工工作计划", "Youth growth support plan"),
        overall_goal=_b(
            "促进青少年身心健康发展,提升社会适应能力",
            "Healthy growth and better social adaptation for young people",
        ),
        phases=_YEAR_PHASES,
        milestones=_milestones((), 6, 12),
        monitoring=(
            _b("日常监测:个案、小组和活动的服务记录", "Daily: case, group and activity records"),
            _b("第6个月中期评估:发现问题及时调整", "Month 6: find problems and adjust"),
            _b(
                "终期评估:前后测问卷、访谈和专家评估",
                "Final: pre/post tests, interviews and outside review",
            ),
        ),
        duties=(
            Duty(
                id="new_group",
                name="每季度至少开展一期新小组(每三个月的第一个周一)",
                phase_id="impl",
                recurrence=Recurrence(
                    frequency=Frequency.MONTHLY, interval=3, weekdays=(Weekday.MONDAY,), nth=1
                ),
            ),
            Duty(
                id="large_event",
                name="每月至少一次大型社区活动或专题讲座(每月第一个周日)",
                phase_id="impl",
                recurrence=Recurrence(
                    frequency=Frequency.MONTHLY, weekdays=(Weekday.SUNDAY,), nth=1
                ),
            ),
            Duty(
                id="small_activity",
                name="每周定期开展小型活动(每周六)",
                phase_id="impl",
                recurrence=Recurrence(frequency=Frequency.WEEKLY, weekdays=(Weekday.SATURDAY,)),
            ),
            Duty(
                id="parent_workshop",
                name="每月至少一次家长工作坊或沙龙(每月第三个周日)",
                phase_id="impl",
                recurrence=Recurrence(
                    frequency=Frequency.MONTHLY, weekdays=(Weekday.SUNDAY,), nth=3
                ),
            ),
        ),
        goals=(
            _goal(
                "emotion",
                "提升服务对象的情绪管理能力",
                "青少年服务对象",
                "情绪管理能力提升的服务对象比例",
                "80%",
                12,
                1,
                at_least("80%", of="emotion_improved"),
            ),
            _goal(
                "relations",
                "改善服务对象的人际沟通模式",
                "青少年服务对象",
                "人际沟通改善的服务对象比例",
                "70%",
                12,
                2,
                at_least("70%", of="relations_improved"),
            ),
            _goal(
                "career",
                "帮助服务对象明确学业目标",
                "青少年服务对象",
                "明确学业目标的服务对象比例",
                "60%",
                12,
                3,
                at_least("60%", of="study_goal_set"),
            ),
            _goal(
                "family",
                "协助家庭优化亲子沟通",
                "服务对象的家庭",
                "亲子沟通改善的家庭比例",
                "50%",
                12,
                4,
                at_least("50%", of="family_communication_improved"),
            ),
        ),
        risks=risk_catalog(PlanKind.YOUTH),
    ),
    PlanKind.ELDERLY_HOME_CARE: PlanTemplate(
        kind=PlanKind.ELDERLY_HOME_CARE,
        title=_b("老年人居家养老服务拓展社工工作计划", "Elderly home-care expansion plan"),
        overall_goal=_b(
            "两年内建成更完善、便捷的社区居家养老服务体系",
            "Within two years, a fuller and easier home-care system in the community",
        ),
        phases=_phases(
            ("assess", "需求再评估与资源整合", 1, 3),
            ("pilot", "服务项目试点与推广", 4, 12),
            ("sustain", "服务体系完善与可持续发展", 13, 24),
        ),
        milestones=_milestones((3, 6, 9, 15, 18, 21), 12, 24),
        monitoring=(
            _b("日常监测:服务量、覆盖率、志愿者时长", "Daily: services, coverage, volunteer hours"),
            _b(
                "季度审查:服务对象座谈会和小范围调整",
                "Quarterly: client meetings and small adjustments",
            ),
            _b(
                "年度评估:满意度调查和第三方评估",
                "Yearly: satisfaction survey and third-party evaluation",
            ),
        ),
        duties=(
            Duty(id="forum", name="服务对象座谈会、家属交流会", recurrence=_QUARTERLY),
            _DOUBLE_NINTH,
        ),
        goals=(
            _goal(
                "coverage",
                "提高居家养老服务覆盖率",
                "有需求的社区老年人",
                "服务覆盖率提升幅度",
                "20%",
                12,
                1,
                increase_by(points=20, of="home_care_coverage"),
            ),
            _goal(
                "services",
                "新增专业服务项目",
                "高龄、空巢、失能半失能老人",
                "新增服务项目数",
                "3项",
                12,
                2,
                at_least("3项", of="new_service_projects"),
            ),
            _goal(
                "volunteers",
                "培训具备基础照护知识的志愿者",
                "老年服务志愿者",
                "完成培训的志愿者人数",
                "50人",
                12,
                3,
                at_least("50人", of="trained_volunteers"),
            ),
            _goal(
                "satisfaction",
                "提升服务满意度",
                "接受服务的老年人及家属",
                "服务满意度提升幅度",
                "15%",
                24,
                4,
                increase_by(percent=15, of="survey_satisfaction"),
            ),
            _goal(
                "partners",
                "建立长期合作关系",
                "医疗机构、康复中心、家政公司",
                "长期合作机构数",
                "3家",
                24,
                5,
                at_least("3家", of="long_term_partners"),
            ),
            _goal(
                "participation",
                "扩大老年人社会参与",
                "社区老年人",
                "参与社区活动和志愿服务的老年人比例提升幅度",
                "10%",
                24,
                6,
                increase_by(points=10, of="elderly_participation"),
            ),
        ),
        risks=risk_catalog(PlanKind.ELDERLY_HOME_CARE),
    ),
    PlanKind.OUTREACH: PlanTemplate(
        kind=PlanKind.OUTREACH,
        title=_b("社会工作新媒体宣传推广计划", "Social-work new-media outreach plan"),
        overall_goal=_b(
            "建立常态化的新媒体宣传体系,提升公众对社会工作的认知",
            "A steady new-media practice that raises public understanding of social work",
        ),
        phases=_phases(
            ("build", "基础建设与内容创新", 1, 12), ("brand", "品牌塑造与影响力扩大", 13, 24)
        ),
        milestones=_milestones((3, 6, 9, 15, 18, 21), 12, 24),
        monitoring=(
            _b("日常监测:每日或每周查看核心数据", "Daily or weekly: core platform figures"),
            _b("月度复盘:回顾上月表现并定下月计划", "Monthly: review last month, plan the next"),
            _b("季度总结与年度评估", "Quarterly reports and a yearly evaluation"),
        ),
        duties=(Duty(id="review", name="新媒体运营月度复盘会", recurrence=_MONTHLY),),
        goals=(
            _goal(
                "platforms",
                "建设核心新媒体平台账号",
                "公众",
                "完成认证的平台账号数",
                "3个",
                12,
                1,
                at_least("3个", of="verified_accounts"),
            ),
            _goal(
                "content",
                "建立优质内容库",
                "公众",
                "发布的图文和短视频条数",
                "100条",
                12,
                2,
                at_least("100条", of="posts_published"),
            ),
            _goal(
                "followers",
                "扩大粉丝规模",
                "公众",
                "核心平台粉丝总数",
                "5000人",
                12,
                3,
                at_least("5000人", of="followers"),
            ),
            _goal(
                "engagement",
                "提高内容互动率",
                "核心平台粉丝",
                "(点赞+评论+转发)/阅读量",
                "3%",
                12,
                4,
                at_least("3%", of="engagement_rate"),
            ),
            _goal(
                "reach",
                "扩大传播影响",
                "公众",
                "核心内容曝光量",
                "100000次",
                24,
                5,
                at_least("100000次", of="impressions"),
            ),
            _goal(
                "active",
                "提升用户粘性",
                "核心粉丝",
                "活跃粉丝比例",
                "20%",
                24,
                6,
                at_least("20%", of="active_follower_share"),
            ),
        ),
        risks=risk_catalog(PlanKind.OUTREACH),
    ),
    PlanKind.TEAM_BUILDING: PlanTemplate(
        kind=PlanKind.TEAM_BUILDING,
        title=_b("社工机构人才培养与团队建设工作计划", "Talent and team-building plan"),
        overall_goal=_b(
            "两年内建成专业、稳定、有凝聚力的社工团队",
            "Within two years, a skilled, stable and close-knit team",
        ),
        phases=_phases(
            ("diagnose", "诊断与规划", 1, 2),
            ("execute", "启动与执行", 3, 18),
            ("evaluate", "评估与优化", 19, 24),
        ),
        milestones=_milestones((3, 6, 9, 15, 18, 21), 12, 24),
        monitoring=(
            _b("日常监测:培训和团队活动反馈", "Daily: feedback on training and team events"),
            _b("季度审查:评估阶段目标并调整行动", "Quarterly: check stage goals and adjust"),
            _b("年度评估:形成总结报告并向决策层汇报", "Yearly: a report to the board"),
        ),
        duties=(
            Duty(
                id="team", name="小型团队活动(每月至少1次)", phase_id="execute", recurrence=_MONTHLY
            ),
            Duty(
                id="training",
                name="专题培训或工作坊(每季度1-2次)",
                phase_id="execute",
                recurrence=_QUARTERLY,
            ),
            Duty(
                id="team_large",
                name="大型团建活动(每季度1次)",
                phase_id="execute",
                recurrence=_QUARTERLY,
            ),
            Duty(
                id="leadership",
                name="管理层领导力培训(每半年1次)",
                phase_id="execute",
                recurrence=Recurrence(frequency=Frequency.MONTHLY, interval=6),
            ),
            Duty(
                id="internal_supervision",
                name="内部督导:资深社工按督导轮值表开展个案、小组、行政督导(每月)",
                phase_id="execute",
                recurrence=_MONTHLY,
                owner="督导",
            ),
            Duty(
                id="external_supervision",
                name="外部督导:邀请行业内督导按轮值表提供专业督导(每季度)",
                phase_id="execute",
                recurrence=_QUARTERLY,
            ),
        ),
        goals=(
            _goal(
                "skills",
                "提升社工核心专业技能",
                "全体社工",
                "至少一项核心技能显著提升的社工比例",
                "80%",
                12,
                1,
                at_least("80%", of="staff_skill_improved"),
            ),
            _goal(
                "onboarding",
                "新社工完成适应性学习",
                "新入职社工",
                "3个月内完成入职学习的新社工比例",
                "100%",
                3,
                2,
                at_least("100%", of="onboarding_completed"),
            ),
            _goal(
                "cohesion",
                "组织团队凝聚力活动",
                "全体员工",
                "团队凝聚力活动次数",
                "4次",
                12,
                3,
                at_least("4次", of="cohesion_events"),
                GoalKind.PROCESS,
            ),
            _goal(
                "backbone",
                "培养骨干社工",
                "骨干社工",
                "具备督导或项目管理潜力的骨干人数",
                "3人",
                24,
                4,
                at_least("3人", of="backbone_staff"),
            ),
        ),
        risks=risk_catalog(PlanKind.TEAM_BUILDING),
    ),
}


def plan_template(kind: PlanKind | str) -> PlanTemplate:
    """Return the skeleton of a kind of plan, given as a member or its code.

    Raises:
        UnknownCodeError: ``kind`` is no code of `PlanKind`; the message lists them.

    Examples:
        >>> t = plan_template(PlanKind.ELDERLY_HOME_CARE)
        >>> [(p.first_month, p.last_month) for p in t.phases], t.phases[0].name
        ([(1, 3), (4, 12), (13, 24)], '需求再评估与资源整合')
        >>> plan_template("youth").months
        12
    """
    return _TEMPLATES[require_member(PlanKind, kind, "kind")]
