"""Tests of socialwork.stages.stage."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from socialwork.errors import (
    InvalidStageMove,
    TransitionBlocked,
    UnknownCodeError,
    UnknownLanguageError,
)
from socialwork.models import (
    ProfileAspect,
)
from socialwork.records import replace
from socialwork.stages import (
    Engagement,
    MoveKind,
    Stage,
    StageEvidence,
    StageMove,
    StagePolicy,
    advance,
    check_exit,
    move_back,
    stage_guide,
    stage_warnings,
)
from socialwork.stages.cautions import Caution, StageWarning
from socialwork.stages.exit import ExitCriterion
from tests.stages.support import EVIDENCE, PROPERTY_CONTRACT, at, launch_contract
from tests.strategies import engagements

FORWARD = StageMove(
    on=date(2025, 6, 1), from_stage=Stage.PREPARATION, to_stage=Stage.LAUNCH, kind=MoveKind.FORWARD
)


def errors_of(**fields: object) -> list[tuple[object, str, str]]:
    data: dict[str, object] = {"community_id": "c1", "entered_on": date(2025, 6, 1)}
    with pytest.raises(ValidationError) as info:
        Engagement.model_validate(data | fields)
    return [(e["loc"], e["type"], e["msg"]) for e in info.value.errors()]


def only_warning(stage: Stage, evidence: StageEvidence, **policy: object) -> StageWarning:
    (warning,) = stage_warnings(at(stage), evidence, StagePolicy.model_validate(policy))
    return warning


def test_move_back_takes_a_code_for_to() -> None:
    back = move_back(at(Stage.CONSOLIDATION), to="launch", on=date(2025, 7, 1), reason="解散")
    assert (back.stage, back.history[-1].to_stage) == (Stage.LAUNCH, Stage.LAUNCH)
    with pytest.raises(UnknownCodeError) as info:
        move_back(at(Stage.CONSOLIDATION), to="lunch", on=date(2025, 7, 1), reason="r")
    assert info.value.parameter == "to"


def test_a_history_entry_that_does_not_start_where_the_last_ended() -> None:
    back = StageMove(
        on=date(2025, 6, 1),
        from_stage=Stage.CONSOLIDATION,
        to_stage=Stage.LAUNCH,
        kind=MoveKind.BACK,
        reason="r",
    )
    ((loc, kind, message),) = errors_of(stage=Stage.LAUNCH, history=(FORWARD, back))
    assert (loc, kind) == (("history", 1), "history_out_of_order")
    assert message == (
        "each history entry must start where the previous one ended (launch) "
        "and not be dated before it (2025-06-01)"
    )


def test_a_history_entry_dated_before_the_last() -> None:
    back = StageMove(
        on=date(2025, 5, 31),
        from_stage=Stage.LAUNCH,
        to_stage=Stage.PREPARATION,
        kind=MoveKind.BACK,
        reason="r",
    )
    ((loc, kind, _),) = errors_of(
        stage=Stage.PREPARATION, entered_on=date(2025, 5, 31), history=(FORWARD, back)
    )
    assert (loc, kind) == (("history", 1), "history_out_of_order")


def test_the_stage_must_be_where_the_history_ends() -> None:
    ((loc, kind, message),) = errors_of(stage=Stage.EVALUATION, history=(FORWARD,))
    assert (loc, kind) == (("stage",), "history_out_of_order")
    assert message == "stage must be where the history ends (launch); got evaluation"


def test_entered_on_must_be_the_date_of_the_last_move() -> None:
    ((loc, kind, message),) = errors_of(
        stage=Stage.LAUNCH, entered_on=date(2025, 6, 2), history=(FORWARD,)
    )
    assert (loc, kind) == (("entered_on",), "entered_on_mismatch")
    assert "(2025-06-01); got 2025-06-02" in message


def test_the_events_before_profile_warning_in_full() -> None:
    three = frozenset({ProfileAspect.GEOGRAPHY, ProfileAspect.POPULATION, ProfileAspect.CULTURE})
    evidence = replace(EVIDENCE[0], profile_aspects=three, events_held=4)
    w = only_warning(Stage.PREPARATION, evidence)
    # 3 of 5 aspects = 60%; 4 events > the limit of 3
    assert (w.caution, w.stage, w.measured, w.threshold) == (
        Caution.EVENTS_BEFORE_PROFILE,
        Stage.PREPARATION,
        4,
        3,
    )
    assert w.message() == "社区概况只完成了60%，却已举办4场活动（上限3场）：先摸清社区、找准方向"
    assert w.message("en") == (
        "4 events held (limit 3) while the profile is only 60% complete: "
        "understand the community first"
    )
    one = only_warning(
        Stage.PREPARATION, replace(evidence, events_held=1), max_events_before_profile=0
    )
    assert one.message("en").startswith("1 event held (limit 0)")


def test_the_reliance_warning_in_full() -> None:
    w = only_warning(Stage.LAUNCH, launch_contract(requests_to_worker=12, requests_to_leaders=4))
    # 12 requests to the worker > 1.0 x 4 to the leaders
    assert (w.code, w.stage, w.measured, w.threshold) == ("reliance_on_worker", Stage.LAUNCH, 12, 4)
    assert w.message() == "居民找社工求助12次，找自己的带头人只有4次：把事情交回带头人"
    assert w.message("en") == (
        "Residents asked the worker for help 12 times and their own leaders 4 times: "
        "hand matters back to the leaders"
    )
    once = only_warning(Stage.LAUNCH, launch_contract(requests_to_worker=1, requests_to_leaders=0))
    assert once.message("en").startswith(
        "Residents asked the worker for help once and their own leaders 0 times"
    )
    # with a ratio of 2.5, 12 > 2.5 x 4 = 10 still warns, and the threshold says 10
    w = only_warning(
        Stage.LAUNCH,
        launch_contract(requests_to_worker=12, requests_to_leaders=4),
        worker_reliance_ratio=2.5,
    )
    assert w.threshold == 10.0
    assert (
        stage_warnings(
            at(Stage.LAUNCH),
            launch_contract(requests_to_worker=10, requests_to_leaders=4),
            StagePolicy(worker_reliance_ratio=2.5),
        )
        == ()
    )


def test_the_consolidation_warnings_in_full() -> None:
    evidence = replace(
        EVIDENCE[2],
        contacts_with_leaders=30,
        contacts_with_residents=10,
        service_activities=9,
        participation_activities=1,
    )
    focus, services = stage_warnings(at(Stage.CONSOLIDATION), evidence)
    # 30 / 40 = 75% > 50%; 1 / 10 = 10% < 20%
    assert (focus.caution, focus.stage, focus.measured, focus.threshold) == (
        Caution.LEADER_FOCUS,
        Stage.CONSOLIDATION,
        0.75,
        0.5,
    )
    assert focus.message() == "社工75%的接触集中在带头人身上（上限50%）：别忽略普通居民"
    assert focus.message("en") == (
        "75% of the worker's contacts are with leaders (limit 50%): "
        "do not neglect ordinary residents"
    )
    assert (services.caution, services.stage, services.measured, services.threshold) == (
        Caution.SERVICES_ONLY,
        Stage.CONSOLIDATION,
        0.1,
        0.2,
    )
    assert services.message() == "居民参与策划和决策的活动只占10%（至少20%）：组织不能只提供服务"
    assert services.message("en") == (
        "Only 10% of activities let residents plan or decide (at least 20%): "
        "the organisation should not only deliver services"
    )


def test_the_evaluation_warnings_in_full() -> None:
    numbers = only_warning(
        Stage.EVALUATION, replace(EVIDENCE[3], qualitative_sources=1, quantitative_indicators=9)
    )
    # 1 / 10 = 10% < 20%
    assert (numbers.caution, numbers.stage, numbers.measured, numbers.threshold) == (
        Caution.ONLY_NUMBERS,
        Stage.EVALUATION,
        0.1,
        0.2,
    )
    assert numbers.message() == "定性资料只占总结依据的10%（至少20%）：平衡定性与定量资料"
    assert numbers.message("en") == (
        "Qualitative evidence is only 10% of the summary's evidence (at least 20%): "
        "balance qualitative and quantitative evidence"
    )
    impressions = only_warning(
        Stage.EVALUATION, replace(EVIDENCE[3], qualitative_sources=9, quantitative_indicators=0)
    )
    assert (impressions.caution, impressions.measured) == (Caution.ONLY_IMPRESSIONS, 0.0)
    assert impressions.message() == "定量资料只占总结依据的0%（至少20%）：平衡定性与定量资料"
    assert impressions.message("en").startswith("Quantitative evidence is only 0% of")


def test_a_share_just_below_its_limit_never_shows_as_the_limit() -> None:
    # 399 / 2000 = 19.95%: rounded to whole percents it would read "20% (at least 20%)"
    evidence = replace(EVIDENCE[2], service_activities=1601, participation_activities=399)
    w = only_warning(Stage.CONSOLIDATION, evidence)
    assert w.message() == "居民参与策划和决策的活动只占19.95%（至少20.00%）：组织不能只提供服务"
    # 5004 / 10000 = 50.04% of contacts with leaders, just above 50%
    evidence = replace(EVIDENCE[2], contacts_with_leaders=5004, contacts_with_residents=4996)
    w = only_warning(Stage.CONSOLIDATION, evidence)
    assert "50.04% of the worker's contacts are with leaders (limit 50.00%)" in w.message("en")


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("zh", "小组内部发生1起人事或权力争执：谨慎调解"),
        ("zh-Hans", "小组内部发生1起人事或权力争执：谨慎调解"),
        ("zh_CN", "小组内部发生1起人事或权力争执：谨慎调解"),
        ("en", "1 dispute over people or power inside groups: mediate with care"),
        ("en-US", "1 dispute over people or power inside groups: mediate with care"),
        ("EN_us", "1 dispute over people or power inside groups: mediate with care"),
    ],
)
def test_warnings_take_every_language_alias(language: str, expected: str) -> None:
    w = only_warning(Stage.LAUNCH, launch_contract(disputes_within_groups=1))
    assert w.message(language) == expected


def test_an_unknown_language_is_refused_everywhere_text_is_rendered() -> None:
    w = only_warning(Stage.LAUNCH, launch_contract(disputes_within_groups=1))
    (unmet,) = check_exit(at(Stage.LAUNCH), launch_contract(leaders_trained=4)).unmet
    renders: list[Callable[[], str]] = [
        lambda: w.message("fr"),
        lambda: unmet.description("fr"),
        lambda: stage_guide(Stage.LAUNCH).tasks[0].text("fr"),
        lambda: Stage.LAUNCH.label("fr"),
    ]
    for render in renders:
        with pytest.raises(UnknownLanguageError):
            render()


def test_criteria_and_guides_in_english_and_traditional_chinese() -> None:
    (unmet,) = check_exit(at(Stage.LAUNCH), launch_contract(leaders_trained=4)).unmet
    assert unmet.description("en") == "A batch of resident leaders trained"
    assert unmet.description("zh-TW") == "培養了一批居民骨幹"
    assert unmet.description("zh-HK") == ExitCriterion.LEADERS_TRAINED.label("zh-Hant")
    assert str(unmet) == "leaders_trained: 4 (at least 5)"
    guide = stage_guide("consolidation")
    assert guide.guidelines[0].text("en-US") == (
        "Set up or strengthen the residents' organisation and put the work on a systematic footing"
    )
    assert Stage.CONSOLIDATION.label("zh-Hant") == "鞏固"


@PROPERTY_CONTRACT
@given(engagements(), st.integers(min_value=-3, max_value=3))
def test_a_move_back_is_refused_before_the_stage_was_entered(
    engagement: Engagement, days: int
) -> None:
    if engagement.stage is Stage.PREPARATION:
        return
    on = engagement.entered_on + timedelta(days=days)
    if days < 0:
        with pytest.raises(InvalidStageMove, match="not be dated before"):
            move_back(engagement, to=Stage.PREPARATION, on=on, reason="r")
    else:
        assert move_back(engagement, to=Stage.PREPARATION, on=on, reason="r").entered_on == on


def test_advance_judges_by_the_policy_it_is_given() -> None:
    four = launch_contract(leaders_trained=4)
    with pytest.raises(TransitionBlocked):
        advance(at(Stage.LAUNCH), four, on=date(2025, 9, 1))
    moved = advance(
        at(Stage.LAUNCH), four, on=date(2025, 9, 1), policy=StagePolicy(min_leaders_trained=4)
    )
    assert moved.stage is Stage.CONSOLIDATION


def test_one_decimal_is_shown_when_one_tells_a_share_from_its_limit() -> None:
    # 39 / 200 = 19.5%, which whole percents would round to the limit of 20%
    evidence = replace(EVIDENCE[2], service_activities=161, participation_activities=39)
    w = only_warning(Stage.CONSOLIDATION, evidence)
    assert w.message() == "居民参与策划和决策的活动只占19.5%（至少20.0%）：组织不能只提供服务"
