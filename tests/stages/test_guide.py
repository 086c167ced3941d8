"""The stage guide follows seed 001's table and seed 003 §6.3, checked by hand."""

from __future__ import annotations

import pytest

from socialwork.errors import (
    UnknownCodeError,
    UnknownLanguageError,
)
from socialwork.models import (
    BilingualText,
)
from socialwork.stages import (
    Stage,
    stage_guide,
)
from socialwork.stages.cautions import Caution
from socialwork.stages.exit import ExitCriterion


def test_stages_in_working_order_with_seed_labels() -> None:
    # seed 001 header: 准备阶段 启动阶段 巩固阶段 评估阶段
    assert [s.label() for s in Stage] == ["准备", "启动", "巩固", "评估"]
    assert [s.value for s in Stage] == ["preparation", "launch", "consolidation", "evaluation"]
    assert [s.position for s in Stage] == [0, 1, 2, 3]


def test_evaluation_leads_to_a_new_cycle() -> None:
    assert [s.following for s in Stage] == [
        Stage.LAUNCH,
        Stage.CONSOLIDATION,
        Stage.EVALUATION,
        Stage.PREPARATION,
    ]


@pytest.mark.parametrize(
    ("stage", "criteria"),
    [
        # seed 001 "工作目标的实现", preparation: systematic plan, residents and families known,
        # residents raise common problems, knows how bodies and groups work; issue 3 adds
        # profile completeness as the measurable side of "systematic".
        (
            Stage.PREPARATION,
            [
                "community_plan",
                "profile_complete",
                "households_known",
                "common_issues_raised",
                "organisations_mapped",
            ],
        ),
        # launch: groups of different kinds, a batch of leaders, leaders help solve problems
        (Stage.LAUNCH, ["group_kinds", "leaders_trained", "problems_solved_with_leaders"]),
        # consolidation: most residents support, healthy renewal, systematised, unit support
        (
            Stage.CONSOLIDATION,
            ["resident_support", "leadership_renewal", "written_procedures", "supporting_units"],
        ),
        # evaluation: objective summary (both kinds of evidence), systematic plan for the future
        (
            Stage.EVALUATION,
            [
                "summary_written",
                "qualitative_evidence",
                "quantitative_evidence",
                "next_cycle_plan",
            ],
        ),
    ],
)
def test_exit_criteria_follow_the_seed_table(stage: Stage, criteria: list[str]) -> None:
    assert [c.value for c in stage_guide(stage).exit_criteria] == criteria


def test_every_criterion_and_caution_belongs_to_exactly_one_stage() -> None:
    criteria = [c for s in Stage for c in stage_guide(s).exit_criteria]
    warnings = [c for s in Stage for c in stage_guide(s).warnings]
    assert sorted(criteria) == sorted(ExitCriterion)
    assert sorted(warnings) == sorted(Caution)


@pytest.mark.parametrize(
    ("stage", "cautions", "tasks", "methods"),
    [
        # seed 001: one caution; tasks 1-4 (plan, funds and staff, contact organisations,
        # relationships); methods 1-4 (know the community, services, trust, cooperation)
        (Stage.PREPARATION, 1, 4, 4),
        # three cautions (dependence, trust in the worker over leaders, disputes); tasks:
        # leaders, priorities, mutual help; methods 1-4
        (Stage.LAUNCH, 3, 3, 4),
        # two cautions; tasks 1-3; methods: mutual aid, community education, action for resources
        (Stage.CONSOLIDATION, 2, 3, 3),
        # two cautions; tasks 1-3; methods: planning, advocacy (+ seed 003's objective measure
        # and volunteer advisers)
        (Stage.EVALUATION, 2, 3, 4),
    ],
)
def test_guide_sizes_follow_the_seed_table(
    stage: Stage, cautions: int, tasks: int, methods: int
) -> None:
    guide = stage_guide(stage)
    assert guide.stage is stage
    assert (len(guide.cautions), len(guide.tasks), len(guide.methods)) == (
        cautions,
        tasks,
        methods,
    )
    assert guide.situation
    assert guide.residents
    assert guide.guidelines


@pytest.mark.parametrize("stage", list(Stage))
def test_guide_text_is_bilingual(stage: Stage) -> None:
    guide = stage_guide(stage)
    for lines in (
        guide.situation,
        guide.residents,
        guide.guidelines,
        guide.tasks,
        guide.methods,
        guide.cautions,
    ):
        for line in lines:
            assert any("\u4e00" <= ch <= "\u9fff" for ch in line.text("zh"))
            assert line.text("en").isascii()
            assert line.text("zh-Hans") == line.zh


def test_bilingual_text_refuses_unknown_languages() -> None:
    with pytest.raises(UnknownLanguageError):
        BilingualText.of("倡导", "Advocacy").text("fr")


# --- a stage guide shows itself ---


def test_a_stage_guide_has_a_short_repr() -> None:
    # the launch stage: 3 tasks, 4 methods, 3 exit criteria, 3 cautions
    assert repr(stage_guide("launch")) == (
        "StageGuide(launch: 3 tasks, 4 methods, 3 exit criteria, 3 cautions)"
    )


@pytest.mark.parametrize("language", ["zh", "en", "zh-Hant"])
def test_a_stage_guide_shows_every_text_under_its_heading(language: str) -> None:
    headings = {
        "zh": [
            "社区状况",
            "居民表现",
            "行动方针",
            "主要任务",
            "介入策略和工作方法",
            "工作目标的实现",
            "注意事项",
        ],
        "en": [
            "Community situation",
            "Residents",
            "Line of action",
            "Main tasks",
            "Strategies and methods",
            "Exit criteria",
            "Cautions",
        ],
        "zh-Hant": [
            "社區狀況",
            "居民表現",
            "行動方針",
            "主要任務",
            "介入策略和工作方法",
            "工作目標的實現",
            "注意事項",
        ],
    }[language]
    for stage in Stage:
        guide = stage_guide(stage)
        text = guide.to_markdown(language)
        assert [line[3:] for line in text.splitlines() if line.startswith("## ")] == headings
        items = [line[2:] for line in text.splitlines() if line.startswith("- ")]
        expected = [
            *(t.text(language) for t in guide.situation),
            *(t.text(language) for t in guide.residents),
            *(t.text(language) for t in guide.guidelines),
            *(t.text(language) for t in guide.tasks),
            *(t.text(language) for t in guide.methods),
            *(c.label(language) for c in guide.exit_criteria),
            *(t.text(language) for t in guide.cautions),
        ]
        assert items == expected
        assert stage.label(language) in text.splitlines()[0]
    assert stage_guide("launch")._repr_html_().count("<h2>") == 7


def test_stage_guide_takes_a_code_and_refuses_an_unknown_one() -> None:
    assert stage_guide("launch") is stage_guide(Stage.LAUNCH)
    with pytest.raises(UnknownCodeError) as info:
        stage_guide("x")
    assert info.value.parameter == "stage"
    assert info.value.allowed == ("preparation", "launch", "consolidation", "evaluation")
    assert "'x'" in str(info.value)
