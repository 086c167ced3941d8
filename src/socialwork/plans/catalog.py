"""A catalogue of the risks that recur in each kind of plan, with typical responses (应对).

Bilingual reference data written in our own words from five station plans
(community annual, youth, elderly home care, outreach, team building). An
entry becomes a register `socialwork.analysis.Risk` once the station rates
it (`CatalogRisk.as_risk`).
"""

from __future__ import annotations

from socialwork._arguments import require_member
from socialwork.analysis.risk import Risk, RiskCategory, RiskScore, RiskTreatment
from socialwork.labels import Language
from socialwork.models import BilingualText
from socialwork.plans.plan_kinds import PlanKind
from socialwork.records import Id, Record

__all__ = ["CatalogRisk", "risk_catalog"]

_b = BilingualText.of


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
        language: Language | str = "zh",
    ) -> Risk:
        """Turn the entry into a register risk, rated and owned by the user.

        The risk's title and responses are the entry's, in ``language``.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.
            pydantic.ValidationError: ``id``, ``inherent`` or ``owner`` is not valid.

        Examples:
            >>> entry = risk_catalog(PlanKind.COMMUNITY_ANNUAL)[1]
            >>> r = entry.as_risk(id="r2", inherent=RiskScore(likelihood=3, impact=5))
            >>> r.title, r.inherent.rating, len(r.responses)
            ('资金不足或中断', 15, 3)
            >>> entry.as_risk(id="r2", inherent=r.inherent, language="en").title
            'Funding falls short or stops'
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


def risk_catalog(kind: PlanKind | str) -> tuple[CatalogRisk, ...]:
    """Return the recurring risks of a kind of plan, with their responses.

    Raises:
        UnknownCodeError: ``kind`` is no code of `PlanKind`; the message lists them.

    Examples:
        >>> for r in risk_catalog(PlanKind.OUTREACH)[:2]:
        ...     print(r.title.text(), "/", r.responses[0].text("en"))
        内容侵权与隐私泄露 / Get consent and anonymise before publishing
        负面舆论 / Monitor public opinion
        >>> len(risk_catalog("youth"))
        6
    """
    return _CATALOG[require_member(PlanKind, kind, "kind")]
