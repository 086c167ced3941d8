"""The reference content of each stage of community work, in Chinese and English.

`stage_guide` returns what practitioners need to know about a stage: the
community's situation, residents' behaviour, the line of action, tasks,
methods, exit criteria and cautions. The text is written for this library
from the practice literature, not quoted from it.

Examples:
    >>> stage_guide(Stage.LAUNCH).exit_criteria[1].label("en")
    'A batch of resident leaders trained'
    >>> stage_guide("evaluation").guidelines[0].text("en")
    'Take stock and decide the next direction'
"""

from __future__ import annotations

from types import MappingProxyType

from attrs import frozen

from socialwork._arguments import require_member
from socialwork.display.displayable import Displayable
from socialwork.display.document import Block, Document, Heading, Items
from socialwork.labels import Language, canonical_language, select_language
from socialwork.models import BilingualText
from socialwork.stages.cautions import Caution
from socialwork.stages.exit import ExitCriterion
from socialwork.stages.stage import Stage

__all__ = ["StageGuide", "stage_guide"]


_SECTIONS: tuple[tuple[str, str, str, str], ...] = (
    ("situation", "社区状况", "Community situation", "社區狀況"),
    ("residents", "居民表现", "Residents", "居民表現"),
    ("guidelines", "行动方针", "Line of action", "行動方針"),
    ("tasks", "主要任务", "Main tasks", "主要任務"),
    ("methods", "介入策略和工作方法", "Strategies and methods", "介入策略和工作方法"),
    ("exit_criteria", "工作目标的实现", "Exit criteria", "工作目標的實現"),
    ("cautions", "注意事项", "Cautions", "注意事項"),
)
"""The guide's sections in reading order, with their headings (zh, en, zh-Hant)."""


@frozen
class StageGuide(Displayable):
    """What a practitioner should know about one stage of community work.

    Attributes:
        stage: The stage described.
        situation: How the community typically stands (社区状况).
        residents: How residents typically behave (居民表现).
        guidelines: The line of action (行动方针).
        tasks: The main tasks (主要任务).
        methods: Strategies and working methods (介入策略和工作方法).
        exit_criteria: What shows the stage's goals are reached (工作目标的实现),
            each checked by `check_exit`.
        cautions: Pitfalls to watch for (注意事项).
        warnings: The pitfalls `stage_warnings` can
            detect in the stage's evidence.

    Examples:
        >>> guide = stage_guide(Stage.EVALUATION)
        >>> guide.cautions[1].text("en")
        'Sum up to shape what comes next, not as a formality'
        >>> [c.value for c in guide.warnings]
        ['only_numbers', 'only_impressions']
    """

    stage: Stage
    situation: tuple[BilingualText, ...]
    residents: tuple[BilingualText, ...]
    guidelines: tuple[BilingualText, ...]
    tasks: tuple[BilingualText, ...]
    methods: tuple[BilingualText, ...]
    exit_criteria: tuple[ExitCriterion, ...]
    cautions: tuple[BilingualText, ...]
    warnings: tuple[Caution, ...]

    def __repr__(self) -> str:
        """A short form: the stage and how much each section holds."""
        return (
            f"StageGuide({self.stage.value}: {len(self.tasks)} tasks, {len(self.methods)} "
            f"methods, {len(self.exit_criteria)} exit criteria, {len(self.cautions)} cautions)"
        )

    def to_document(self, language: Language | str = "zh") -> Document:
        """Return the guide: a heading, then each section as a headed list.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> print(stage_guide("evaluation").to_markdown("en").splitlines()[0])
            # Evaluation: stage guide
            >>> print(stage_guide("evaluation").to_markdown().splitlines()[0])
            # 评估阶段工作指引
        """
        script = canonical_language(language)
        stage = self.stage.label(script)
        title = select_language(
            script, f"{stage}阶段工作指引", f"{stage}: stage guide", f"{stage}階段工作指引"
        )
        blocks: list[Block] = [Heading(title, 1)]
        for part, *headings in _SECTIONS:
            items = [
                item.label(script) if isinstance(item, ExitCriterion) else item.text(script)
                for item in getattr(self, part)
            ]
            blocks += [Heading(select_language(script, *headings)), Items(items)]
        return Document(blocks)


def _lines(*texts: tuple[str, str, str]) -> tuple[BilingualText, ...]:
    """Texts given as (Simplified Chinese, English, Traditional Chinese)."""
    return tuple(BilingualText.of(zh, en, zh_hant) for zh, en, zh_hant in texts)


_GUIDES = MappingProxyType(
    {
        Stage.PREPARATION: StageGuide(
            stage=Stage.PREPARATION,
            situation=_lines(
                (
                    "社区的基本情况、需求和资源都还有待调查和分析",
                    "The community's basic facts, needs and resources are yet to be "
                    "surveyed and analysed",
                    "社區的基本情況、需求和資源都還有待調查和分析",
                ),
            ),
            residents=_lines(
                (
                    "居民不太相信大家一起行动能办成事",
                    "Residents doubt that acting together can change anything",
                    "居民不太相信大家一起行動能辦成事",
                ),
            ),
            guidelines=_lines(
                (
                    "先认识社区、找准方向，再决定做什么",
                    "Understand the community and find a direction before deciding what to do",
                    "先認識社區、找準方向，再決定做什麼",
                ),
            ),
            tasks=_lines(
                (
                    "根据社区概况和需求、资源分析拟定工作方案",
                    "Draw up a work plan from the community profile and the analysis of "
                    "needs and resources",
                    "根據社區概況和需求、資源分析擬定工作方案",
                ),
                (
                    "筹措经费，招募并培训工作人员",
                    "Raise funds; recruit and train staff",
                    "籌措經費，招募並培訓工作人員",
                ),
                (
                    "与社区内各类组织取得联系",
                    "Get in touch with the organisations active in the community",
                    "與社區內各類組織取得聯繫",
                ),
                ("与居民建立关系", "Build relationships with residents", "與居民建立關係"),
            ),
            methods=_lines(
                (
                    "通过走访、访谈和社区普查认识社区",
                    "Learn the community through visits, interviews and a community census",
                    "通過走訪、訪談和社區普查認識社區",
                ),
                (
                    "以提供服务为契机接近居民",
                    "Reach residents by offering services",
                    "以提供服務爲契機接近居民",
                ),
                (
                    "以可靠的行动赢得居民信任",
                    "Earn residents' trust by dependable action",
                    "以可靠的行動贏得居民信任",
                ),
                (
                    "与社区组织一起商量解决社区问题的办法",
                    "Work out answers to community problems together with local organisations",
                    "與社區組織一起商量解決社區問題的辦法",
                ),
            ),
            exit_criteria=(
                ExitCriterion.COMMUNITY_PLAN,
                ExitCriterion.PROFILE_COMPLETE,
                ExitCriterion.HOUSEHOLDS_KNOWN,
                ExitCriterion.COMMON_ISSUES_RAISED,
                ExitCriterion.ORGANISATIONS_MAPPED,
            ),
            cautions=_lines(
                (
                    "在摸清社区、找到方向之前，不要把工作变成一连串的活动和事件，否则难以在社区扎根",
                    "Until the community is understood and a direction found, do not turn the "
                    "work into a string of activities and events: it keeps the work from "
                    "taking root",
                    "在摸清社區、找到方向之前，不要把工作變成一連串的活動和事件，否則難以在社區紮根",
                ),
            ),
            warnings=(Caution.EVENTS_BEFORE_PROFILE,),
        ),
        Stage.LAUNCH: StageGuide(
            stage=Stage.LAUNCH,
            situation=_lines(
                (
                    "社区里的人手和物资本就不多，却大多闲置，尚未调动起来",
                    "The community's limited people and material means are still largely untapped",
                    "社區裏的人手和物資本就不多，卻大多閒置，尚未調動起來",
                ),
            ),
            residents=_lines(
                (
                    "许多居民仍想坐享其成，不愿为公共事务出力",
                    "Many residents still expect others to act and hold back their own effort "
                    "for common causes",
                    "許多居民仍想坐享其成，不願爲公共事務出力",
                ),
            ),
            guidelines=_lines(
                (
                    "调动资源、组建居民小组、培训带头人，让居民参与扎下根来",
                    "Mobilise resources, form resident groups and train leaders so that "
                    "participation takes root",
                    "調動資源、組建居民小組、培訓帶頭人，讓居民參與紮下根來",
                ),
            ),
            tasks=_lines(
                (
                    "发现居民带头人并加以培训，让他们看到参与社区事务的意义",
                    "Find resident leaders and train them, so that they see why community "
                    "affairs are worth their time",
                    "發現居民帶頭人並加以培訓，讓他們看到參與社區事務的意義",
                ),
                (
                    "排定工作目标的先后次序",
                    "Put the goals of the work in order of priority",
                    "排定工作目標的先後次序",
                ),
                (
                    "营造邻里互助合作的风气",
                    "Foster mutual help and cooperation among neighbours",
                    "營造鄰里互助合作的風氣",
                ),
            ),
            methods=_lines(
                (
                    "发掘资源，开展社区教育",
                    "Uncover resources and run community education",
                    "發掘資源，開展社區教育",
                ),
                ("组织互助合作活动", "Organise mutual-aid activities", "組織互助合作活動"),
                ("推动居民成立小组", "Help residents set up groups", "推動居民成立小組"),
                ("提供服务", "Provide services", "提供服務"),
            ),
            exit_criteria=(
                ExitCriterion.GROUP_KINDS,
                ExitCriterion.LEADERS_TRAINED,
                ExitCriterion.PROBLEMS_SOLVED_WITH_LEADERS,
            ),
            cautions=_lines(
                (
                    "社工提供的服务和活动多，居民容易依赖社工",
                    "The worker's many services and activities easily make residents "
                    "depend on the worker",
                    "社工提供的服務和活動多，居民容易依賴社工",
                ),
                (
                    "居民信任社工多于信任自己的带头人时，带头人会受挫，培养也更难",
                    "When residents trust the worker more than their own leaders, the "
                    "leaders lose heart and are harder to develop",
                    "居民信任社工多於信任自己的帶頭人時，帶頭人會受挫，培養也更難",
                ),
                (
                    "各小组成立后，组内组间难免争人事、争权力，需要小心应对",
                    "Groups quarrel over people and power, inside and between them: handle "
                    "it with care",
                    "各小組成立後，組內組間難免爭人事、爭權力，需要小心應對",
                ),
            ),
            warnings=(
                Caution.RELIANCE_ON_WORKER,
                Caution.DISPUTES_WITHIN_GROUPS,
                Caution.DISPUTES_BETWEEN_GROUPS,
            ),
        ),
        Stage.CONSOLIDATION: StageGuide(
            stage=Stage.CONSOLIDATION,
            situation=_lines(
                (
                    "新成立的居民小组充满朝气",
                    "The newly formed resident groups are full of energy",
                    "新成立的居民小組充滿朝氣",
                ),
            ),
            residents=_lines(
                (
                    "带头人有理想、肯主动，但热情容易被工作压力、居民的过分要求和组织内部"
                    "的争执消磨",
                    "Leaders are idealistic and take the initiative, but pressure of work, "
                    "unreasonable demands and quarrels inside the organisation can wear "
                    "their enthusiasm down",
                    "帶頭人有理想、肯主動，但熱情容易被工作壓力、居民的過分要求和組織內部的爭執消磨",
                ),
            ),
            guidelines=_lines(
                (
                    "建立或加强居民组织，让社区工作走上系统化的轨道",
                    "Set up or strengthen the residents' organisation and put the work on "
                    "a systematic footing",
                    "建立或加強居民組織，讓社區工作走上系統化的軌道",
                ),
            ),
            tasks=_lines(
                (
                    "帮助组织建立合理的内部行政程序",
                    "Help the organisation set up sound internal administrative procedures",
                    "幫助組織建立合理的內部行政程序",
                ),
                (
                    "与居民分享组织工作的经验和技巧",
                    "Share the know-how of organising residents",
                    "與居民分享組織工作的經驗和技巧",
                ),
                (
                    "协助建立稳定的资源支持网络",
                    "Help build a stable network of resource support",
                    "協助建立穩定的資源支持網絡",
                ),
            ),
            methods=_lines(
                (
                    "互助合作：对骨干和一般居民采取不同做法，让成员觉得小组是自己的",
                    "Mutual aid: serve leaders and ordinary residents in different ways and "
                    "strengthen members' sense of belonging",
                    "互助合作：對骨幹和一般居民採取不同做法，讓成員覺得小組是自己的",
                ),
                (
                    "社区教育：通过支持、鼓励和训练，让骨干越来越会办事",
                    "Community education: keep building leaders' capacity through support, "
                    "encouragement and training",
                    "社區教育：通過支持、鼓勵和訓練，讓骨幹越來越會辦事",
                ),
                (
                    "用实际行动争取外来资源，尤其要和驻区单位携手共建",
                    "Win outside resources through action, above all by co-building with "
                    "local units",
                    "用實際行動爭取外來資源，尤其要和駐區單位攜手共建",
                ),
            ),
            exit_criteria=(
                ExitCriterion.RESIDENT_SUPPORT,
                ExitCriterion.LEADERSHIP_RENEWAL,
                ExitCriterion.WRITTEN_PROCEDURES,
                ExitCriterion.SUPPORTING_UNITS,
            ),
            cautions=_lines(
                (
                    "不要把注意力过多放在少数带头人身上，而忽略了大多数普通居民",
                    "Do not give so much attention to a few leaders that most ordinary "
                    "residents are neglected",
                    "不要把注意力過多放在少數帶頭人身上，而忽略了大多數普通居民",
                ),
                (
                    "提醒居民组织在提供服务之外，也要设法让居民长期参与",
                    "Remind the organisation that besides delivering services it must keep "
                    "residents taking part over time",
                    "提醒居民組織在提供服務之外，也要設法讓居民長期參與",
                ),
            ),
            warnings=(Caution.LEADER_FOCUS, Caution.SERVICES_ONLY),
        ),
        Stage.EVALUATION: StageGuide(
            stage=Stage.EVALUATION,
            situation=_lines(
                (
                    "社区的需要一直在变化",
                    "The community's needs keep changing",
                    "社區的需要一直在變化",
                ),
            ),
            residents=_lines(
                (
                    "居民更愿意参与，对社工和居民组织的期待也更高",
                    "Residents are more willing to take part and expect more of the worker "
                    "and of their organisation",
                    "居民更願意參與，對社工和居民組織的期待也更高",
                ),
            ),
            guidelines=_lines(
                (
                    "回顾成效，决定下一步的方向",
                    "Take stock and decide the next direction",
                    "回顧成效，決定下一步的方向",
                ),
            ),
            tasks=_lines(
                (
                    "按社区的新变化重新评估需要和问题",
                    "Reassess needs and problems in the light of how the community changed",
                    "按社區的新變化重新評估需要和問題",
                ),
                (
                    "总结专业工作的过程",
                    "Review the professional process of the work",
                    "總結專業工作的過程",
                ),
                (
                    "与居民组织一起确定今后的工作方向",
                    "Decide with the residents' organisation where the work goes next",
                    "與居民組織一起確定今後的工作方向",
                ),
            ),
            methods=_lines(
                ("策划", "Planning", "策劃"),
                ("倡导", "Advocacy", "倡導"),
                (
                    "用客观标准衡量居民组织独立办事的能力",
                    "Measure the organisation's capacity to act on its own by objective standards",
                    "用客觀標準衡量居民組織獨立辦事的能力",
                ),
                (
                    "需要时请义务专业人士做顾问，减少社工对决策的影响",
                    "Where useful, invite volunteer professionals as advisers so that the "
                    "worker weighs less in decisions",
                    "需要時請義務專業人士做顧問，減少社工對決策的影響",
                ),
            ),
            exit_criteria=(
                ExitCriterion.SUMMARY_WRITTEN,
                ExitCriterion.QUALITATIVE_EVIDENCE,
                ExitCriterion.QUANTITATIVE_EVIDENCE,
                ExitCriterion.NEXT_CYCLE_PLAN,
            ),
            cautions=_lines(
                (
                    "既不能只凭感觉，也不能只看统计数字，要兼顾定性和定量资料",
                    "Rely neither on impressions nor on statistics alone: weigh qualitative "
                    "and quantitative evidence together",
                    "既不能只憑感覺，也不能只看統計數字，要兼顧定性和定量資料",
                ),
                (
                    "总结是为了今后的发展，而不是走过场",
                    "Sum up to shape what comes next, not as a formality",
                    "總結是爲了今後的發展，而不是走過場",
                ),
            ),
            warnings=(Caution.ONLY_NUMBERS, Caution.ONLY_IMPRESSIONS),
        ),
    }
)


def stage_guide(stage: Stage | str) -> StageGuide:
    """Return the reference content of ``stage`` (a `Stage` or its code), in Chinese and English.

    Raises:
        UnknownCodeError: ``stage`` is a code of no stage; the message lists the codes.

    Examples:
        >>> guide = stage_guide(Stage.PREPARATION)
        >>> guide.tasks[1].text("en")
        'Raise funds; recruit and train staff'
        >>> [c.value for c in guide.exit_criteria][:2]
        ['community_plan', 'profile_complete']
    """
    return _GUIDES[require_member(Stage, stage, "stage")]
