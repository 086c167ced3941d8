"""The practice models of community work (社区工作模式), as bilingual reference data.

Locality development, social planning, social action and community care,
each with its characteristics, strategies and the worker's roles, written in
our own words from a community-work textbook's account of the four models.
"""

from __future__ import annotations

from socialwork._arguments import require_member
from socialwork.labels import LabelledEnum
from socialwork.models import BilingualText
from socialwork.plans.goals import GoalKind
from socialwork.records import Record

__all__ = ["PracticeModel", "PracticeModelProfile", "practice_model"]

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


def practice_model(model: PracticeModel | str) -> PracticeModelProfile:
    """Return the profile of a practice model, given as a member or its code.

    Raises:
        UnknownCodeError: ``model`` is no code of `PracticeModel`; the message lists them.

    Examples:
        >>> [r.text() for r in practice_model(PracticeModel.LOCALITY_DEVELOPMENT).roles]
        ['使能者', '教育者', '中介者']
        >>> practice_model("social_action").roles[0].text("en")
        'Advocate'
    """
    return _MODELS[require_member(PracticeModel, model, "model")]
