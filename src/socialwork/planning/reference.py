"""Reference data for planning: practice models, a risk catalogue and plan templates.

Everything here is bilingual data written in our own words from the seed
documents: the four practice models of community work (seed 003), the
recurring risks and responses of the five plans of seed 000, and skeletons of
those five plans (phases, monitoring points, recurring duties, typical risks
and example goals with targets). Templates and catalogue entries are records,
so a user copies and edits them (``model_copy(update=...)``).
"""

from __future__ import annotations

from datetime import date

from socialwork.labels import LabelledEnum, Language
from socialwork.models import BilingualText
from socialwork.planning.risk import Risk, RiskCategory, RiskScore, RiskTreatment
from socialwork.planning.workplan import (
    Duty,
    Frequency,
    GoalKind,
    Milestone,
    MilestoneKind,
    Phase,
    PlanGoal,
    Recurrence,
    Weekday,
    WorkPlan,
)
from socialwork.records import Id, Record

__all__ = [
    "CatalogRisk",
    "PlanKind",
    "PlanTemplate",
    "PracticeModel",
    "PracticeModelProfile",
    "plan_template",
    "practice_model",
    "risk_catalog",
]


_b = BilingualText.of


class PracticeModel(LabelledEnum):
    """The practice models of community work (社区工作模式)."""

    LOCALITY_DEVELOPMENT = "locality_development", "地区发展", "Locality development", "地區發展"
    SOCIAL_PLANNING = "social_planning", "社会策划", "Social planning", "社會策劃"
    SOCIAL_ACTION = "social_action", "社会行动", "Social action", "社會行動"
    COMMUNITY_CARE = "community_care", "社区照顾", "Community care", "社區照顧"


class PracticeModelProfile(Record):
    """A practice model's characteristics, strategies and worker roles.

    ``emphasis`` is the kind of goal the model puts first, where it has one.

    Examples:
        >>> p = practice_model(PracticeModel.SOCIAL_PLANNING)
        >>> p.emphasis.value, [r.text("en") for r in p.roles]
        ('task', ['Technical expert', 'Plan implementer'])
    """

    model: PracticeModel
    emphasis: GoalKind | None
    characteristics: tuple[BilingualText, ...]
    strategies: tuple[BilingualText, ...]
    roles: tuple[BilingualText, ...]


_MODELS = {
    PracticeModel.LOCALITY_DEVELOPMENT: PracticeModelProfile(
        model=PracticeModel.LOCALITY_DEVELOPMENT,
        emphasis=GoalKind.PROCESS,
        characteristics=(
            _b("关注居民共同面对的问题", "Works on problems residents share"),
            _b("以培养社区自助能力促成社区整合", "Builds self-help capacity to knit the community"),
            _b("过程目标比任务目标更重要", "Process goals weigh more than task goals"),
            _b("高度重视居民参与", "Puts residents' participation first"),
        ),
        strategies=(
            _b("促进居民个人发展与相互交往", "Help residents grow and get to know each other"),
            _b("团结邻里、改善邻里关系", "Bring neighbours together and mend relations"),
            _b("开展社区教育", "Community education"),
            _b("提供服务、发展资源", "Provide services and develop resources"),
            _b("推动社区参与", "Drive community participation"),
        ),
        roles=(_b("使能者", "Enabler"), _b("教育者", "Educator"), _b("中介者", "Mediator")),
    ),
    PracticeModel.SOCIAL_PLANNING: PracticeModelProfile(
        model=PracticeModel.SOCIAL_PLANNING,
        emphasis=GoalKind.TASK,
        characteristics=(
            _b("着眼解决具体社会问题,注重任务目标", "Aims at concrete problems; task goals first"),
            _b("依靠理性、客观、系统的分析", "Relies on rational, systematic analysis"),
            _b("自上而下推动改变", "Change is driven from the top down"),
            _b("面向并引导社区未来的变化", "Looks ahead and steers the community's future"),
        ),
        strategies=(
            _b(
                "理性技术策略:调查问题、比较方案、择优执行并评估",
                "Rational-technical: study the problem, compare options, run and evaluate the best",
            ),
            _b(
                "社会关系策略:视情况采取协商合作或游说倡导",
                "Social relations: consensus (consultation, cooperation) or contest (lobbying)",
            ),
        ),
        roles=(_b("技术专家", "Technical expert"), _b("方案实施者", "Plan implementer")),
    ),
    PracticeModel.SOCIAL_ACTION: PracticeModelProfile(
        model=PracticeModel.SOCIAL_ACTION,
        emphasis=None,
        characteristics=(
            _b("服务权益受损的弱势群体", "Serves disadvantaged groups whose interests are harmed"),
            _b("以集体行动争取资源和权力的公平分配", "Collective action for fair shares of power"),
            _b("在现有制度内争取有限度的改革", "Seeks limited reform within existing institutions"),
            _b("通过增权提高居民的权利意识和能力", "Empowers residents' awareness and capacity"),
        ),
        strategies=(
            _b("对话性行动", "Dialogue"),
            _b("抗议性行动", "Protest"),
            _b("对抗性行动", "Confrontation"),
            _b(
                "循序渐进、争取让步、持续行动、赢得舆论、拒绝暴力",
                "Step by step, win concessions, keep going, win opinion, never use violence",
            ),
        ),
        roles=(
            _b("倡导者", "Advocate"),
            _b("行动者", "Activist"),
            _b("教育者", "Educator"),
            _b("资源提供者", "Resource provider"),
        ),
    ),
    PracticeModel.COMMUNITY_CARE: PracticeModelProfile(
        model=PracticeModel.COMMUNITY_CARE,
        emphasis=None,
        characteristics=(
            _b("帮助服务对象正常融入社区生活", "Helps people live ordinary lives in the community"),
            _b("强调社区共同承担照顾责任", "Care is a shared community responsibility"),
            _b("重视非正规照顾网络", "Informal care networks matter"),
            _b("倡导建立相互关怀的社区", "Aims at a mutually caring community"),
        ),
        strategies=(
            _b("在社区照顾:在社区内的小型服务单位提供照顾", "Care in the community"),
            _b("由社区照顾:家人、亲友、邻里、志愿者提供照顾", "Care by the community"),
            _b("对社区照顾:日间照料、上门服务、电话慰问等支持", "Care for the community"),
        ),
        roles=(
            _b("治疗者", "Therapist"),
            _b("辅导者和教育者", "Counsellor and educator"),
            _b("经纪人", "Broker"),
            _b("倡导者", "Advocate"),
            _b("顾问", "Consultant"),
        ),
    ),
}


def practice_model(model: PracticeModel) -> PracticeModelProfile:
    """Return the profile of a practice model (seed 003).

    Examples:
        >>> [r.text() for r in practice_model(PracticeModel.LOCALITY_DEVELOPMENT).roles]
        ['使能者', '教育者', '中介者']
    """
    return _MODELS[model]


class PlanKind(LabelledEnum):
    """The five kinds of plan of seed 000."""

    COMMUNITY_ANNUAL = (
        "community_annual",
        "社区年度工作计划",
        "Community annual plan",
        "社區年度工作計劃",
    )
    YOUTH = "youth", "青少年成长支持计划", "Youth growth support plan", "青少年成長支持計劃"
    ELDERLY_HOME_CARE = (
        "elderly_home_care",
        "居家养老服务拓展计划",
        "Elderly home-care plan",
        "居家養老服務拓展計劃",
    )
    OUTREACH = "outreach", "新媒体宣传推广计划", "Outreach and new-media plan", "新媒體宣傳推廣計劃"
    TEAM_BUILDING = (
        "team_building",
        "人才培养与团队建设计划",
        "Talent and team-building plan",
        "人才培養與團隊建設計劃",
    )


class CatalogRisk(Record):
    """A recurring risk of a kind of plan, with typical responses (应对).

    Examples:
        >>> r = risk_catalog(PlanKind.YOUTH)[0]
        >>> r.title.text("en"), r.treatment.value
        ('Young people take little part', 'change_likelihood')
    """

    category: RiskCategory
    title: BilingualText
    responses: tuple[BilingualText, ...]
    treatment: RiskTreatment

    def as_risk(
        self,
        *,
        id: Id,
        inherent: RiskScore,
        owner: str | None = None,
        language: Language = "zh",
    ) -> Risk:
        """Turn the entry into a register risk, rated and owned by the user.

        Examples:
            >>> entry = risk_catalog(PlanKind.COMMUNITY_ANNUAL)[1]
            >>> r = entry.as_risk(id="r2", inherent=RiskScore(likelihood=3, impact=5))
            >>> r.title, r.inherent.rating, len(r.responses)
            ('资金不足或中断', 15, 3)
        """
        return Risk(
            id=id,
            title=self.title.text(language),
            category=self.category,
            owner=owner,
            inherent=inherent,
            treatment=self.treatment,
            responses=tuple(r.text(language) for r in self.responses),
        )


def _risk(
    category: RiskCategory,
    treatment: RiskTreatment,
    title: BilingualText,
    *responses: BilingualText,
) -> CatalogRisk:
    return CatalogRisk(category=category, title=title, responses=responses, treatment=treatment)


_C, _T = RiskCategory, RiskTreatment

_FUNDING = _risk(
    _C.FUNDING,
    _T.SHARE,
    _b("资金不足或中断", "Funding falls short or stops"),
    _b("拓宽并分散资金来源", "Widen and spread the funding sources"),
    _b("设立备用金", "Keep a reserve fund"),
    _b("精打细算、控制预算", "Spend carefully and keep to the budget"),
)
_PRIVACY = _risk(
    _C.PRIVACY,
    _T.CHANGE_LIKELIHOOD,
    _b("信息安全与隐私泄露", "Personal data or privacy leaks"),
    _b("签署保密协议并遵守个人信息保护法规", "Sign confidentiality pledges; follow data law"),
    _b("建立档案管理和访问权限制度", "Control files and access rights"),
)

_CATALOG: dict[PlanKind, tuple[CatalogRisk, ...]] = {
    PlanKind.COMMUNITY_ANNUAL: (
        _risk(
            _C.PARTICIPATION,
            _T.CHANGE_LIKELIHOOD,
            _b("居民参与度不足", "Residents take little part"),
            _b("加大宣传、丰富活动形式", "Publicise more and vary the activities"),
            _b("建立居民意见反馈机制", "Collect residents' feedback and act on it"),
        ),
        _FUNDING,
        _risk(
            _C.STAFFING,
            _T.CHANGE_LIKELIHOOD,
            _b("专业人才流失", "Trained social workers leave"),
            _b("完善激励机制和职业发展通道", "Reward staff and offer a career path"),
            _b("加强团队凝聚力", "Strengthen team cohesion"),
        ),
        _risk(
            _C.SERVICE_QUALITY,
            _T.CHANGE_LIKELIHOOD,
            _b("服务质量不达标", "Service quality falls below standard"),
            _b("制定服务质量标准", "Set service quality standards"),
            _b("定期内部督导和外部评估", "Regular supervision and outside evaluation"),
        ),
        _risk(
            _C.SAFETY,
            _T.CHANGE_CONSEQUENCE,
            _b("突发事件", "Emergencies"),
            _b("制定应急预案并明确责任人", "Write a contingency plan with named owners"),
        ),
        _PRIVACY,
    ),
    PlanKind.YOUTH: (
        _risk(
            _C.PARTICIPATION,
            _T.CHANGE_LIKELIHOOD,
            _b("青少年参与度不高", "Young people take little part"),
            _b("调研兴趣,设计互动性强的活动", "Design lively activities around their interests"),
            _b("发挥朋辈影响", "Use peer influence"),
        ),
        _PRIVACY,
        _risk(
            _C.SAFETY,
            _T.CHANGE_CONSEQUENCE,
            _b("危机事件(自伤、他伤)", "Crises such as self-harm or harm to others"),
            _b("制定危机干预预案并定期培训", "Keep a crisis plan and train for it"),
            _b(
                "事先与学校、家长和医疗机构约定紧急联动办法",
                "Agree fast response with schools, families and clinics",
            ),
        ),
        _risk(
            _C.STAKEHOLDERS,
            _T.CHANGE_LIKELIHOOD,
            _b("家长不理解或不配合", "Parents do not understand or cooperate"),
            _b("加强与家长沟通,邀请家长参与活动", "Talk with parents and invite them in"),
            _b("开展亲职教育", "Offer parenting education"),
        ),
        _FUNDING,
        _risk(
            _C.STAFFING,
            _T.CHANGE_LIKELIHOOD,
            _b("专业能力不足", "Professional skills are weak"),
            _b("持续培训和督导", "Keep training and supervising"),
            _b("定期案例研讨", "Hold regular case conferences"),
        ),
    ),
    PlanKind.ELDERLY_HOME_CARE: (
        _risk(
            _C.PARTICIPATION,
            _T.CHANGE_LIKELIHOOD,
            _b("老年人接受度不高", "Older people are reluctant to use the services"),
            _b("提供免费体验活动", "Offer free trials"),
            _b("请受益老人现身说法", "Let older people who benefited tell their story"),
        ),
        _risk(
            _C.SERVICE_QUALITY,
            _T.CHANGE_LIKELIHOOD,
            _b("服务质量难以保障", "Service quality is hard to assure"),
            _b("严格筛选和培训服务人员", "Select and train service staff carefully"),
            _b("受理投诉并引入第三方抽查", "Handle complaints; add third-party spot checks"),
        ),
        _risk(
            _C.FUNDING,
            _T.SHARE,
            _b("资金难以持续", "Funding is not sustainable"),
            _b("多渠道筹资,不依赖单一来源", "Raise funds from several sources"),
            _b("探索有偿与免费服务相结合", "Mix paid and free services"),
        ),
        _risk(
            _C.SAFETY,
            _T.CHANGE_CONSEQUENCE,
            _b("突发健康风险", "Sudden health events"),
            _b("建立紧急联系人制度", "Keep emergency contacts for every client"),
            _b(
                "事先与社区医院和急救中心约定紧急联动办法",
                "Agree fast response with clinics and ambulance services",
            ),
            _b("社工和志愿者接受急救培训", "Train workers and volunteers in first aid"),
        ),
        _risk(
            _C.STAFFING,
            _T.CHANGE_LIKELIHOOD,
            _b("专业人才不足", "Too few trained workers"),
            _b("探索兼职加全职的人员结构", "Combine part-time and full-time staff"),
            _b("建立专业督导机制", "Set up professional supervision"),
        ),
        _PRIVACY,
    ),
    PlanKind.OUTREACH: (
        _risk(
            _C.PRIVACY,
            _T.AVOID,
            _b("内容侵权与隐私泄露", "Copyright infringement or privacy leaks in publicity"),
            _b("发布案例前取得知情同意并匿名化", "Get consent and anonymise before publishing"),
        ),
        _risk(
            _C.REPUTATION,
            _T.CHANGE_CONSEQUENCE,
            _b("负面舆论", "Negative public opinion"),
            _b("建立舆情监测机制", "Monitor public opinion"),
            _b("制定危机公关预案并明确回应口径", "Prepare a crisis-communication plan"),
        ),
        _risk(
            _C.SERVICE_QUALITY,
            _T.CHANGE_LIKELIHOOD,
            _b("内容质量不佳、吸引力不足", "Content is weak and draws few readers"),
            _b("建立内容审核机制", "Review content before it goes out"),
            _b("根据数据和反馈调整内容", "Adjust content to data and feedback"),
        ),
        _risk(
            _C.EXTERNAL,
            _T.SHARE,
            _b("平台政策变化", "Platform rules change"),
            _b("关注平台规则变动", "Watch the platforms' rules"),
            _b("分散到多个平台运营", "Spread the work over several platforms"),
        ),
        _risk(
            _C.FUNDING,
            _T.SHARE,
            _b("人力和资金不足", "Too few people or too little money"),
            _b("争取内外部支持", "Seek support inside and outside the agency"),
            _b("招募志愿者补充人力", "Recruit volunteers"),
        ),
    ),
    PlanKind.TEAM_BUILDING: (
        _risk(
            _C.PARTICIPATION,
            _T.CHANGE_LIKELIHOOD,
            _b("社工参与积极性不高", "Social workers are not keen to take part"),
            _b("把培训成果与职业发展挂钩", "Link training to career progress"),
            _b("提供弹性学习时间", "Offer flexible learning time"),
        ),
        _risk(
            _C.SERVICE_QUALITY,
            _T.CHANGE_LIKELIHOOD,
            _b("培训内容脱离实际", "Training misses practice"),
            _b("培训前做需求调研", "Survey needs before training"),
            _b("增加案例分析和模拟练习", "Use case studies and role play"),
        ),
        _risk(
            _C.STAFFING,
            _T.CHANGE_LIKELIHOOD,
            _b("核心人才流失", "Key staff leave"),
            _b("有竞争力的薪酬和清晰的晋升通道", "Fair pay and a clear promotion path"),
        ),
        _risk(
            _C.TEAM,
            _T.CHANGE_CONSEQUENCE,
            _b("团队内部冲突", "Conflict inside the team"),
            _b("建立沟通和冲突解决机制", "Set up ways to talk and settle conflict"),
        ),
        _FUNDING,
        _risk(
            _C.TEAM,
            _T.CHANGE_LIKELIHOOD,
            _b("职业倦怠蔓延", "Burnout spreads"),
            _b("提供常态化心理支持", "Offer psychological support as a matter of course"),
            _b("推行弹性工作或轮休", "Allow flexible hours or rotating rest"),
        ),
    ),
}


def risk_catalog(kind: PlanKind) -> tuple[CatalogRisk, ...]:
    """Return the recurring risks of a kind of plan, with their responses (seed 000).

    Examples:
        >>> for r in risk_catalog(PlanKind.OUTREACH)[:2]:
        ...     print(r.title.text(), "/", r.responses[0].text("en"))
        内容侵权与隐私泄露 / Get consent and anonymise before publishing
        负面舆论 / Monitor public opinion
    """
    return _CATALOG[kind]


class PlanTemplate(Record):
    """The skeleton of a kind of plan, for the user to copy and edit.

    Examples:
        >>> t = plan_template(PlanKind.COMMUNITY_ANNUAL)
        >>> [(p.first_month, p.last_month) for p in t.phases], t.months
        ([(1, 1), (2, 10), (11, 12)], 12)
    """

    kind: PlanKind
    title: BilingualText
    overall_goal: BilingualText
    months: int
    phases: tuple[Phase, ...]
    milestones: tuple[Milestone, ...]
    monitoring: tuple[BilingualText, ...]
    duties: tuple[Duty, ...] = ()
    goals: tuple[PlanGoal, ...] = ()
    risks: tuple[CatalogRisk, ...] = ()

    def work_plan(self, *, id: Id, start: date) -> WorkPlan:
        """Start a work plan from the template (risks are added once rated).

        Examples:
            >>> from datetime import date
            >>> plan = plan_template(PlanKind.YOUTH).work_plan(id="y2025", start=date(2025, 1, 1))
            >>> plan.months, [g.target for g in plan.goals]
            (12, ['80%', '70%', '60%', '50%'])
        """
        return WorkPlan(
            id=id,
            title=self.title.zh,
            overall_goal=self.overall_goal.zh,
            start=start,
            goals=self.goals,
            phases=self.phases,
            milestones=self.milestones,
            duties=self.duties,
        )


def _phases(*spans: tuple[str, str, int, int]) -> tuple[Phase, ...]:
    return tuple(Phase(id=i, name=n, first_month=a, last_month=b) for i, n, a, b in spans)


def _milestones(quarters: tuple[int, ...], mid: int, final: int) -> tuple[Milestone, ...]:
    K = MilestoneKind  # noqa: N806 - short alias
    reviews = tuple(
        Milestone(id=f"q{m}", name="季度审查", month=m, kind=K.QUARTERLY_REVIEW) for m in quarters
    )
    return (
        *reviews,
        Milestone(id="mid", name="中期评估", month=mid, kind=K.MID_TERM_REVIEW),
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
    kind: GoalKind = GoalKind.TASK,
) -> PlanGoal:
    return PlanGoal(
        id=id,
        statement=statement,
        kind=kind,
        target_group=group,
        measure=measure,
        target=target,
        deadline_month=month,
        priority=priority,
    )


_YEAR_PHASES = _phases(
    ("prep", "筹备与启动", 1, 1), ("impl", "项目实施", 2, 10), ("eval", "评估与总结", 11, 12)
)
_QUARTERLY = Recurrence(frequency=Frequency.MONTHLY, interval=3)
_MONTHLY = Recurrence(frequency=Frequency.MONTHLY)
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
        months=12,
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
            ),
            _goal(
                "volunteers",
                "培育社区骨干和志愿者队伍",
                "社区居民",
                "新增注册志愿者人数",
                "15人",
                10,
                2,
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
            ),
        ),
        risks=_CATALOG[PlanKind.COMMUNITY_ANNUAL],
    ),
    PlanKind.YOUTH: PlanTemplate(
        kind=PlanKind.YOUTH,
        title=_b("青少年成长支持专项社工工作计划", "Youth growth support plan"),
        overall_goal=_b(
            "促进青少年身心健康发展,提升社会适应能力",
            "Healthy growth and better social adaptation for young people",
        ),
        months=12,
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
        goals=(
            _goal(
                "emotion",
                "提升服务对象的情绪管理能力",
                "青少年服务对象",
                "情绪管理能力提升的服务对象比例",
                "80%",
                12,
                1,
            ),
            _goal(
                "relations",
                "改善服务对象的人际沟通模式",
                "青少年服务对象",
                "人际沟通改善的服务对象比例",
                "70%",
                12,
                2,
            ),
            _goal(
                "career",
                "帮助服务对象明确学业目标",
                "青少年服务对象",
                "明确学业目标的服务对象比例",
                "60%",
                12,
                3,
            ),
            _goal(
                "family",
                "协助家庭优化亲子沟通",
                "服务对象的家庭",
                "亲子沟通改善的家庭比例",
                "50%",
                12,
                4,
            ),
        ),
        risks=_CATALOG[PlanKind.YOUTH],
    ),
    PlanKind.ELDERLY_HOME_CARE: PlanTemplate(
        kind=PlanKind.ELDERLY_HOME_CARE,
        title=_b("老年人居家养老服务拓展社工工作计划", "Elderly home-care expansion plan"),
        overall_goal=_b(
            "两年内建成更完善、便捷的社区居家养老服务体系",
            "Within two years, a fuller and easier home-care system in the community",
        ),
        months=24,
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
        duties=(Duty(id="forum", name="服务对象座谈会、家属交流会", recurrence=_QUARTERLY),),
        goals=(
            _goal(
                "coverage",
                "提高居家养老服务覆盖率",
                "有需求的社区老年人",
                "服务覆盖率提升幅度",
                "20%",
                12,
                1,
            ),
            _goal(
                "services",
                "新增专业服务项目",
                "高龄、空巢、失能半失能老人",
                "新增服务项目数",
                "3项",
                12,
                2,
            ),
            _goal(
                "volunteers",
                "培训具备基础照护知识的志愿者",
                "老年服务志愿者",
                "完成培训的志愿者人数",
                "50人",
                12,
                3,
            ),
            _goal(
                "satisfaction",
                "提升服务满意度",
                "接受服务的老年人及家属",
                "服务满意度提升幅度",
                "15%",
                24,
                4,
            ),
            _goal(
                "partners",
                "建立长期合作关系",
                "医疗机构、康复中心、家政公司",
                "长期合作机构数",
                "3家",
                24,
                5,
            ),
        ),
        risks=_CATALOG[PlanKind.ELDERLY_HOME_CARE],
    ),
    PlanKind.OUTREACH: PlanTemplate(
        kind=PlanKind.OUTREACH,
        title=_b("社会工作新媒体宣传推广计划", "Social-work new-media outreach plan"),
        overall_goal=_b(
            "建立常态化的新媒体宣传体系,提升公众对社会工作的认知",
            "A steady new-media practice that raises public understanding of social work",
        ),
        months=24,
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
                "platforms", "建设核心新媒体平台账号", "公众", "完成认证的平台账号数", "3个", 12, 1
            ),
            _goal("content", "建立优质内容库", "公众", "发布的图文和短视频条数", "100条", 12, 2),
            _goal("followers", "扩大粉丝规模", "公众", "核心平台粉丝总数", "5000人", 12, 3),
            _goal(
                "engagement",
                "提高内容互动率",
                "核心平台粉丝",
                "(点赞+评论+转发)/阅读量",
                "3%",
                12,
                4,
            ),
            _goal("reach", "扩大传播影响", "公众", "核心内容曝光量", "100000次", 24, 5),
            _goal("active", "提升用户粘性", "核心粉丝", "活跃粉丝比例", "20%", 24, 6),
        ),
        risks=_CATALOG[PlanKind.OUTREACH],
    ),
    PlanKind.TEAM_BUILDING: PlanTemplate(
        kind=PlanKind.TEAM_BUILDING,
        title=_b("社工机构人才培养与团队建设工作计划", "Talent and team-building plan"),
        overall_goal=_b(
            "两年内建成专业、稳定、有凝聚力的社工团队",
            "Within two years, a skilled, stable and close-knit team",
        ),
        months=24,
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
            ),
            _goal(
                "onboarding",
                "新社工完成适应性学习",
                "新入职社工",
                "3个月内完成入职学习的新社工比例",
                "100%",
                3,
                2,
            ),
            _goal(
                "cohesion",
                "组织团队凝聚力活动",
                "全体员工",
                "团队凝聚力活动次数",
                "4次",
                12,
                3,
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
            ),
        ),
        risks=_CATALOG[PlanKind.TEAM_BUILDING],
    ),
}


def plan_template(kind: PlanKind) -> PlanTemplate:
    """Return the skeleton of one of the five plans of seed 000.

    Examples:
        >>> t = plan_template(PlanKind.ELDERLY_HOME_CARE)
        >>> [(p.first_month, p.last_month) for p in t.phases], t.phases[0].name
        ([(1, 3), (4, 12), (13, 24)], '需求再评估与资源整合')
    """
    return _TEMPLATES[kind]
