"""One target, one status, one judge: the monthly report and plan reviews read the same."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialwork.errors import ArgumentError
from socialwork.metrics import (
    Target,
    TargetStatus,
    at_least,
    at_most,
    judge,
    monthly_report,
    rate,
)
from socialwork.metrics.catalogue import KEY_GROUP_COVERAGE
from socialwork.metrics.targets import Comparator, TargetUnit
from socialwork.models import Period
from socialwork.plans import Measurement, PlanGoal, WorkPlan, review_plan
from socialwork.plans.measurements import measurements_from_reports
from socialwork.records import replace
from socialwork.samples import station_month

LANGUAGES = ("zh", "zh-Hant", "en")


def _plan(target: Target, deadline: int = 12) -> WorkPlan:
    goal = PlanGoal(
        id="coverage", statement="服务覆盖率达到95%", typed_target=target, deadline_month=deadline
    )
    return WorkPlan(
        id="p", title="计划", overall_goal="目标", start=date(2025, 1, 1), goals=(goal,)
    )


def test_a_report_line_and_a_plan_goal_with_the_same_target_read_the_same() -> None:
    # The station's "下月目标：覆盖率95%" and its plan goal "服务覆盖率达到95%".
    june = station_month()
    report = monthly_report(june, june.period)
    line = report.line("key_group_coverage")
    assert line.target == at_least("95%")
    plan = _plan(at_least("95%", of="key_group_coverage"), deadline=6)
    goal = review_plan(plan, measurements_from_reports([report]), as_of=date(2025, 6, 30))
    (reviewed,) = goal.goals
    assert reviewed.measurement is not None
    assert reviewed.measurement.value == line.value  # 65/76 = 85.5%
    # The 95% Wilson interval of 65/76 is 75.9%-91.7%: wholly below 95.
    assert line.status is reviewed.status is TargetStatus.OFF_TRACK
    labels = [(line.status.label(lang), reviewed.status.label(lang)) for lang in LANGUAGES]
    assert labels == [
        ("未达预期", "未达预期"),
        ("未達預期", "未達預期"),
        ("Off track", "Off track"),
    ]
    # And in what each shows.
    for lang in LANGUAGES:
        assert f"| {line.status.label(lang)} |" in report.to_markdown(lang)
        assert f"| {reviewed.status.label(lang)} |" in goal.to_markdown(lang)


def test_a_rate_whose_interval_holds_the_target_reads_the_same_in_both() -> None:
    # 18/20 = 90%: its interval, 69.9%-97.2%, holds 95, in a report and in a review.
    june = Period.month(2025, 6)
    line_status = KEY_GROUP_COVERAGE.judge(rate(18, 20), june).status
    plan = _plan(at_least("95%", of="key_group_coverage"), deadline=6)
    found = [Measurement("key_group_coverage", june, rate(18, 20))]
    goal_status = review_plan(plan, found, as_of=date(2025, 6, 30)).goals[0].status
    assert line_status is goal_status is TargetStatus.NOT_DISTINGUISHABLE
    for lang, words in zip(
        LANGUAGES, ("样本不足以判断", "樣本不足以判斷", "Not distinguishable"), strict=True
    ):
        assert line_status.label(lang) == goal_status.label(lang) == words


@given(
    st.integers(min_value=0, max_value=400).flatmap(
        lambda d: st.tuples(st.integers(min_value=0, max_value=d), st.just(d))
    )
)
def test_any_rate_gets_the_same_status_as_a_line_and_as_a_due_goal(counts: tuple[int, int]) -> None:
    june = Period.month(2025, 6)
    value = rate(*counts)
    line_status = KEY_GROUP_COVERAGE.judge(value, june).status
    plan = _plan(at_least("95%", of="key_group_coverage"), deadline=6)
    found = [Measurement("key_group_coverage", june, value)]
    assert review_plan(plan, found, as_of=date(2025, 6, 30)).goals[0].status is line_status


def test_the_rule_by_hand() -> None:
    aim = at_least("80%", of="x", baseline=50)
    # Half way: 50 + 30 × 0.5 = 65 expected.
    assert judge(aim, rate(16, 20), progress=0.5).status is TargetStatus.ACHIEVED
    assert judge(aim, rate(13, 20), progress=0.5).status is TargetStatus.ON_TRACK  # 65 ≥ 65
    # 9/20 = 45%, interval 25.8%-65.8% holds 65; 4/20 = 20%, 8.1%-41.6% does not.
    assert judge(aim, rate(9, 20), progress=0.5).status is TargetStatus.NOT_DISTINGUISHABLE
    assert judge(aim, rate(4, 20), progress=0.5).status is TargetStatus.OFF_TRACK
    # Without counts, 58 is more than half of the way from 50 to 65: at risk; 55 is not.
    assert judge(aim, 58, progress=0.5).status is TargetStatus.AT_RISK
    assert judge(aim, 55, progress=0.5).status is TargetStatus.OFF_TRACK
    # Once due, a number below the level is off track.
    assert judge(aim, 79, progress=1).status is TargetStatus.OFF_TRACK
    # Lower is better: at most 10%, from 20%.
    fewer = at_most("10%", of="t", baseline=20)
    assert judge(fewer, 14, progress=0.5).status is TargetStatus.ON_TRACK  # 15 expected
    assert judge(fewer, 17, progress=0.5).status is TargetStatus.AT_RISK
    assert judge(fewer, 18, progress=0.5).status is TargetStatus.OFF_TRACK
    assert judge(fewer, None, progress=0).status is TargetStatus.NOT_YET_DUE
    assert judge(None, None, progress=0).status is TargetStatus.NO_TARGET


def test_the_judge_refuses_what_is_not_a_judgement() -> None:
    with pytest.raises(ArgumentError):
        judge(at_least("80%"), 50, progress=1.5)
    with pytest.raises(ArgumentError):
        judge(at_least("80%"), float("nan"), progress=1)
    with pytest.raises(TypeError):
        judge(at_least("80%"), "50", progress=1)  # type: ignore[arg-type]


levels = st.floats(min_value=0, max_value=100, allow_nan=False)


@given(levels, levels, st.floats(min_value=0.01, max_value=1), st.booleans())
def test_achieved_iff_the_level_is_met_at_the_shown_precision(
    level: float, value: float, progress: float, upwards: bool
) -> None:
    target = Target(
        value=level,
        unit=TargetUnit.PERCENT,
        comparator=Comparator.AT_LEAST if upwards else Comparator.AT_MOST,
    )
    status = judge(target, value, progress=progress).status
    met = round(value, 1) >= round(level, 1) if upwards else round(value, 1) <= round(level, 1)
    assert (status is TargetStatus.ACHIEVED) == met


@given(
    st.lists(
        st.tuples(st.integers(min_value=1, max_value=6), st.integers(min_value=0, max_value=30)),
        min_size=1,
        max_size=6,
        unique_by=lambda t: t[0],
    ),
    st.randoms(use_true_random=False),
)
def test_a_status_never_depends_on_the_order_of_the_measurements(
    figures: list[tuple[int, int]], shuffler: object
) -> None:
    plan = _plan(at_least("80%", of="x", baseline=40))
    found = [Measurement("x", Period.month(2025, m), rate(k, 30)) for m, k in figures]
    shuffled = list(found)
    shuffler.shuffle(shuffled)  # type: ignore[attr-defined]
    as_of = date(2025, 6, 30)
    assert review_plan(plan, found, as_of=as_of) == review_plan(plan, shuffled, as_of=as_of)


def test_a_definition_lends_its_baseline_to_a_change_target() -> None:
    from socialwork.metrics import Baseline, increase_by

    plan = replace(
        KEY_GROUP_COVERAGE,
        baseline=Baseline(value=70, on=date(2024, 12, 31)),
        targets=(increase_by(points=20, period=Period.year(2025)),),
    )
    judged = plan.judge(rate(90, 100), Period.month(2025, 12))
    assert (judged.level, judged.status) == (90.0, TargetStatus.ACHIEVED)
