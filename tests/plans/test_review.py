"""Typed goal targets and plan reviews: hand-computed trajectories, intervals and statuses."""

from __future__ import annotations

import io
import json
import re
import runpy
from contextlib import redirect_stdout
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft7Validator
from pydantic import ValidationError

from socialwork import display
from socialwork.errors import ArgumentError, UnknownCodeError, UnknownLanguageError
from socialwork.frames import to_frame
from socialwork.metrics import (
    ChangeKind,
    Target,
    TargetStatus,
    TargetUnit,
    at_least,
    at_most,
    decrease_by,
    exactly,
    increase_by,
    monthly_report,
    rate,
)
from socialwork.models import Period
from socialwork.plans import (
    Measurement,
    Milestone,
    MilestoneKind,
    PlanGoal,
    PlanKind,
    WorkPlan,
    measurements_from_reports,
    milestone_review,
    plan_template,
    review_plan,
)
from socialwork.plans.review import PlanReview
from socialwork.samples import station_month, station_previous_month
from tests.plans.support import AIM_RESULTS, _plan_results, _sample_review

JUNE = Period.month(2025, 6)
MID = date(2025, 6, 30)


def _plan(*targets: Target | None, deadline: int = 12) -> WorkPlan:
    goals = tuple(
        PlanGoal(id=f"g{k}", statement=f"goal {k}", typed_target=t, deadline_month=deadline)
        for k, t in enumerate(targets)
    )
    return WorkPlan(
        id="p",
        title="测试计划",
        overall_goal="目标",
        start=date(2025, 1, 1),
        goals=goals,
        milestones=(
            Milestone(id="mid", name="中期评估", month=6, kind=MilestoneKind.MID_TERM_REVIEW),
            Milestone(id="final", name="终期评估", month=12, kind=MilestoneKind.FINAL_EVALUATION),
        ),
    )


def _one(target: Target | None, value: object, *, as_of: date = MID) -> tuple[str, object]:
    found = [] if value is None else [Measurement("x", JUNE, value)]  # type: ignore[arg-type]
    line = review_plan(_plan(target), found, as_of=as_of).goals[0]
    return line.status.value, line.expected


# --- typed targets ---


def test_constructors_read_the_forms_plans_use() -> None:
    assert at_least("90%", of="s").unit.value == "percent"
    assert at_least("15人", of="v").value == 15.0
    assert at_least("20小时", of="h").unit.value == "hours"
    assert at_least("5000元", of="m").unit.value == "cny"
    assert at_least("¥5000", of="m").unit.value == "cny"
    assert at_most("10%", of="t").comparator.value == "at_most"
    assert exactly("4次", of="e").comparator.value == "exactly"


@pytest.mark.parametrize("text", ["九成", "90 %%", "", "1e5", "-5%", "120%", "90% 以上"])
def test_constructors_refuse_what_they_cannot_read(text: str) -> None:
    with pytest.raises(ArgumentError):
        at_least(text, of="s")


def test_a_change_must_say_points_or_relative() -> None:
    with pytest.raises(ArgumentError, match="exactly one of points"):
        increase_by(of="p")
    with pytest.raises(ArgumentError, match="exactly one of points"):
        increase_by(points=10, percent=10, of="p")
    with pytest.raises(ArgumentError):
        increase_by(points=10, of="p", unit="count")


def test_change_levels_by_hand() -> None:
    # 60% raised by 10 points is 70%; by 10 percent (relative) is 66%.
    assert increase_by(points=10, of="p", baseline=60).level_for_review() == 70.0
    assert increase_by(percent=10, of="p", baseline=60).level_for_review() == pytest.approx(66.0)
    assert decrease_by(points=5, of="t", baseline=20).level_for_review() == 15.0
    assert increase_by(points=10, of="p").level_for_review() is None


def test_record_rules() -> None:
    with pytest.raises(ValidationError) as err:
        Target(indicator="x", value=5, unit=TargetUnit.COUNT, change=ChangeKind.POINTS)
    assert err.value.errors()[0]["type"] == "points_not_percent"
    with pytest.raises(ValidationError) as err:
        Target(indicator="x", value=120, unit=TargetUnit.PERCENT)
    assert err.value.errors()[0]["type"] == "target_out_of_range"


# --- statuses, each computed by hand ---
# Plan from 2025-01-01, goal due in month 12, review on 2025-06-30 (6 months done):
# a 50% → 80% target expects 50 + 30 × 6/12 = 65% now.

AIM = at_least("80%", of="x", baseline=50)


def test_achieved() -> None:
    assert _one(AIM, rate(41, 50)) == ("achieved", 65.0)  # 82% ≥ 80%


def test_on_track() -> None:
    assert _one(AIM, rate(70, 100)) == ("on_track", 65.0)  # 70% ≥ 65%


def test_not_distinguishable_for_a_small_sample() -> None:
    # 9/20 = 45%: Wilson 95% is 25.8%–65.8%, which still reaches 65%.
    status, _ = _one(AIM, rate(9, 20))
    assert status == "not_distinguishable"


def test_off_track_when_the_whole_interval_is_below() -> None:
    # 40/100: Wilson 95% is 30.9%–49.9%, all below 65%.
    assert _one(AIM, rate(40, 100))[0] == "off_track"


def test_counts_from_zero_at_risk_and_off_track() -> None:
    volunteers = at_least("15人", of="x")  # expected 7.5 at month 6
    assert _one(volunteers, 8) == ("on_track", 7.5)
    assert _one(volunteers, 5) == ("at_risk", 7.5)  # 5 ≥ half of 7.5
    assert _one(volunteers, 3) == ("off_track", 7.5)
    assert _one(volunteers, 15) == ("achieved", 7.5)


def test_at_most_goes_down() -> None:
    turnover = at_most("10%", of="x", baseline=30)  # expected 30 - 20 × 6/12 = 20
    assert _one(turnover, 18.0) == ("on_track", 20.0)
    assert _one(turnover, 25.0) == ("at_risk", 20.0)  # moved 5 of the 10 expected
    assert _one(turnover, 29.0) == ("off_track", 20.0)
    assert _one(turnover, 10.0) == ("achieved", 20.0)


def test_points_change() -> None:
    participation = increase_by(points=10, of="x", baseline=60)  # 70% in month 12, 65% now
    assert _one(participation, rate(66, 100)) == ("on_track", 65.0)
    assert _one(participation, None)[0] == "no_data"
    assert _one(increase_by(points=10, of="x"), rate(66, 100)) == ("no_data", None)


def test_past_the_deadline_the_interval_still_decides() -> None:
    end = date(2025, 12, 31)
    assert _one(AIM, rate(75, 100), as_of=end)[0] == "not_distinguishable"  # up to 82.5%
    assert _one(AIM, rate(60, 100), as_of=end)[0] == "off_track"  # up to 69.0%
    assert _one(at_least("15人", of="x"), 12, as_of=end)[0] == "off_track"


def test_not_yet_due_no_data_no_target() -> None:
    assert _one(AIM, rate(41, 50), as_of=date(2025, 1, 20))[0] == "not_yet_due"
    assert _one(AIM, None)[0] == "no_data"
    assert _one(AIM, rate(0, 0))[0] == "no_data"
    assert _one(None, rate(41, 50))[0] == "no_target"


def test_latest_measurement_within_the_plan_counts() -> None:
    found = [
        Measurement("x", Period.month(2025, 5), rate(10, 100)),
        Measurement("x", JUNE, rate(82, 100)),
        Measurement("x", Period.month(2025, 7), rate(10, 100)),  # after the review day
        Measurement("x", Period.month(2024, 12), rate(99, 100)),  # before the plan
    ]
    line = review_plan(_plan(AIM), found, as_of=MID).goals[0]
    assert line.measurement is found[1]
    assert line.status is TargetStatus.ACHIEVED


def test_milestone_review_and_unknown_ids() -> None:
    review = milestone_review(_plan(AIM), [], "mid")
    assert (review.as_of, review.months_elapsed) == (MID, 6)
    assert review.milestone is not None
    assert review.milestone.id == "mid"
    with pytest.raises(UnknownCodeError):
        milestone_review(_plan(AIM), [], "nope")
    with pytest.raises(UnknownCodeError):
        review.goal("nope")


def test_markdown_table_by_hand() -> None:
    found = [Measurement("x", JUNE, rate(9, 20))]
    text = review_plan(_plan(AIM), found, as_of=MID).to_markdown("en")
    assert text.splitlines()[4:] == [
        "| Goal | Indicator | Measured | Period | Target | Expected now | 95% interval | Status |",
        "|---|---|---|---|---|---|---|---|",
        "| goal 0 | x | 45.0% (9/20) | 2025-06 | ≥ 80% | 65% | 25.8–65.8% | Not distinguishable |",
    ]
    assert "样本不足以判断" in review_plan(_plan(AIM), found, as_of=MID).to_markdown()


def test_measurements_from_reports() -> None:
    june = station_month()
    found = measurements_from_reports([monthly_report(june, june.period)])
    coverage = next(m for m in found if m.indicator == "key_group_coverage")
    assert str(coverage.value) == "85.5% (65/76)"  # 65 covered of 76 registered
    assert all(m.period == june.period for m in found)


# --- templates ---


def test_every_template_goal_has_a_typed_target() -> None:
    for kind in PlanKind:
        template = plan_template(kind)
        assert all(g.typed_target is not None for g in template.goals), kind


def test_templates_follow_the_seeds() -> None:
    youth = plan_template("youth")
    assert {d.id for d in youth.duties} == {
        "new_group",
        "large_event",
        "small_activity",
        "parent_workshop",
    }
    elderly = plan_template("elderly_home_care")
    participation = next(g for g in elderly.goals if g.id == "participation")
    assert participation.typed_target is not None
    assert participation.typed_target.change.value == "points"
    for kind in ("elderly_home_care", "outreach", "team_building"):
        month12 = [m for m in plan_template(kind).milestones if m.month == 12]
        assert [m.kind.value for m in month12] == ["annual_evaluation"]


# --- properties ---


@given(
    n=st.integers(min_value=1, max_value=500),
    data=st.data(),
    baseline=st.floats(min_value=0, max_value=100),
    level=st.floats(min_value=0, max_value=100),
    months=st.integers(min_value=1, max_value=12),
)
def test_rate_statuses_agree_with_the_interval(
    n: int, data: st.DataObject, baseline: float, level: float, months: int
) -> None:
    k = data.draw(st.integers(min_value=0, max_value=n))
    target = at_least(f"{level:.1f}%", of="x", baseline=baseline)
    as_of = date(2025, months, 28) if months < 12 else date(2025, 12, 31)
    found = [Measurement("x", Period(start=date(2025, 1, 1), end=as_of), rate(k, n))]
    line = review_plan(_plan(target), found, as_of=as_of).goals[0]
    assert line.interval is not None
    assert line.expected is not None
    low, high = 100 * line.interval.low, 100 * line.interval.high
    assert low <= 100 * k / n <= high + 1e-9
    if line.status is TargetStatus.OFF_TRACK:
        assert high < round(line.expected, 1)
    if line.status is TargetStatus.ACHIEVED:
        assert round(100 * k / n, 1) >= round(line.target_level or 0, 1)
    assert line.status not in (TargetStatus.AT_RISK, TargetStatus.NO_TARGET)


@given(st.permutations(range(4)))
def test_order_of_measurements_does_not_matter(order: list[int]) -> None:
    months = [Period.month(2025, m) for m in (3, 4, 5, 6)]
    found = [Measurement("x", months[i], rate(10 * i + 40, 100)) for i in range(4)]
    shuffled = [found[i] for i in order]
    assert review_plan(_plan(AIM), shuffled, as_of=MID) == review_plan(_plan(AIM), found, as_of=MID)


@cache
def vega_lite_v5() -> Draft7Validator:
    schema_file = resources.files("altair") / "vegalite/v5/schema/vega-lite-schema.json"
    return Draft7Validator(json.loads(schema_file.read_text(encoding="utf-8")))


HOWTO = Path(__file__).resolve().parents[2] / "docs" / "howto" / "mid-term-review.md"


def test_reprs_are_short_and_say_the_statuses() -> None:
    review = _sample_review()
    assert repr(review) == (
        "PlanReview('p', 2025-06-30, month 6 (mid): 1 at_risk, 1 not_distinguishable, 1 no_target)"
    )
    assert repr(review.goals[0]) == ("GoalReview('g0', 45.0% (9/20) vs ≥ 80%: not_distinguishable)")
    assert repr(review.goals[1]) == "GoalReview('g1', 5 vs ≥ 15: at_risk)"
    assert repr(review.goals[2]) == "GoalReview('g2', no_target)"
    assert repr(review.goals[1].measurement) == "Measurement('v', 2025-06, 5)"
    empty = review_plan(_plan_results(), [], as_of=date(2024, 12, 31))
    assert repr(empty) == "PlanReview('p', 2024-12-31, month 0: no goals)"


def test_a_review_shows_itself_in_chinese_by_default() -> None:
    review = _sample_review()
    markdown = review._repr_markdown_()
    assert markdown == review.to_markdown() == review.to_markdown("zh-CN")
    assert markdown.splitlines()[0] == "# 测试计划 监测评估,截至 2025-06-30"
    assert "| 目标 | 指标 | 实测 | 统计期 | 目标值 | 轨迹预期 | 95%区间 | 状态 |" in markdown
    assert "| goal 1 | v | 5 | 2025-06 | ≥ 15 | 7.5 | — | 存在风险 |" in markdown
    assert "| goal 2 | — | n/a | — | — | — | — | 无目标 |" in markdown
    page = review._repr_html_()
    assert page.count("<tr>") == 4
    assert "<td>样本不足以判断</td>" in page
    bundle = review._repr_mimebundle_()
    assert bundle["text/plain"] == repr(review)
    assert bundle["text/markdown"] == markdown
    # The chart is a block of the review's document, shown as its own Vega-Lite output.
    (chart,) = review.to_document().charts
    assert chart == review.chart()
    assert display.VEGA_LITE_MIME in chart._repr_mimebundle_()


def test_a_review_shows_itself_in_english_and_traditional_chinese() -> None:
    review = _sample_review()
    english = review.to_markdown("en_US")
    assert "| goal 1 | v | 5 | 2025-06 | ≥ 15 | 7.5 | — | At risk |" in english
    assert "Plan months completed: 6 (Mid-term review)" in english  # its name is its kind
    named = review_plan(_plan_results(AIM_RESULTS), [], as_of=date(2025, 12, 31))
    assert "已完成计划月数: 12 (终期评估)" in named.to_markdown()
    hant = review.to_markdown("zh-TW")
    assert "監測評估" in hant
    assert "樣本不足以判斷" in hant
    assert "| goal 0 | x | 45.0% (9/20) |" in review.goals[0].to_markdown("en")
    with pytest.raises(UnknownLanguageError):
        review.to_markdown("fr")
    with pytest.raises(UnknownLanguageError):
        review.chart("fr")


def test_units_follow_the_language() -> None:
    plan = _plan_results(at_least("20小时", of="h"))
    review = review_plan(plan, [Measurement("h", JUNE, 12)], as_of=MID)
    assert "| 12 | 2025-06 | ≥ 20小时 | 10小时 |" in review.to_markdown()
    assert "| 12 | 2025-06 | ≥ 20 h | 10 h |" in review.to_markdown("en")


def test_what_a_user_typed_is_escaped() -> None:
    review = _sample_review(title="<script>alert(1)</script>", statement="a|b\n<i>")
    page = review._repr_html_()
    assert "<script>" not in page
    assert "<i>" not in page
    assert "&lt;script&gt;" in page
    assert "<td>a|b &lt;i&gt; 0</td>" in page
    markdown = review.to_markdown()
    assert "| a\\|b \\<i\\> 0 |" in markdown
    assert len(markdown.splitlines()) == 9  # title, blank, months, blank, 2 + 3 rows
    goal_page = review.goals[0]._repr_html_()
    assert "&lt;i&gt;" in goal_page


@pytest.mark.parametrize("language", ["zh", "en", "zh-Hant"])
def test_the_chart_is_valid_vega_lite_v5(language: str) -> None:
    spec = _sample_review().chart(language).to_dict()
    errors = [e.message for e in vega_lite_v5().iter_errors(spec)]
    assert errors == []
    json.dumps(spec)
    values = spec["data"]["values"]
    assert [v["goal"] for v in values] == ["g0", "g1"]  # the goal without target is left out
    first = values[0]
    assert (first["value"], first["expected"], first["target"]) == (45.0, 65.0, 80.0)
    assert first["low"] == pytest.approx(25.8198, abs=1e-4)
    assert first["high"] == pytest.approx(65.7915, abs=1e-4)
    assert values[1]["low"] is None


def test_an_empty_review_still_shows_a_table() -> None:
    review = review_plan(_plan_results(), [], as_of=MID)
    assert review.to_markdown("en").splitlines()[-1] == "| — | — | — | — | — | — | — | — |"
    assert review.chart().to_dict()["data"]["values"] == []


def test_monthly_reports_combine_over_the_plan_months() -> None:
    may, june = station_previous_month(), station_month()
    reports = [monthly_report(may, may.period), monthly_report(june, june.period)]
    found = measurements_from_reports(reports)
    assert len(found) == len(reports[0].lines) + len(reports[1].lines)
    coverage = [m for m in found if m.indicator == "key_group_coverage"]
    assert [m.period for m in coverage] == [may.period, june.period]
    assert coverage[1].value == reports[1].line("key_group_coverage").value
    plan = _plan_results(at_least("95%", of="key_group_coverage"))
    line = review_plan(plan, found, as_of=MID).goals[0]
    assert line.measurement == coverage[1]  # June, the later month
    assert review_plan(plan, reversed(found), as_of=MID).goals[0] == line
    in_may = review_plan(plan, found, as_of=date(2025, 5, 31)).goals[0]
    assert in_may.measurement == coverage[0]


def test_a_goal_due_before_the_end_expects_its_target_from_its_deadline() -> None:
    plan = _plan_results(AIM_RESULTS, deadline=4)  # 50% → 80% by month 4
    month3 = review_plan(plan, [], as_of=date(2025, 3, 31)).goals[0]
    assert month3.expected == pytest.approx(72.5)  # 50 + 30 × 3/4
    late = review_plan(plan, [Measurement("x", JUNE, 70.0)], as_of=MID).goals[0]
    assert late.expected == 80.0  # past the deadline the target itself
    assert late.status.value == "off_track"  # a plain number past its deadline


def test_plan_months_count_from_the_start_day() -> None:
    plan = _plan_results(AIM_RESULTS, start=date(2025, 3, 15))
    assert review_plan(plan, [], as_of=date(2025, 4, 13)).months_elapsed == 0
    assert review_plan(plan, [], as_of=date(2025, 4, 14)).months_elapsed == 1
    mid = milestone_review(plan, [], "mid")
    assert (mid.as_of, mid.months_elapsed) == (date(2025, 9, 14), 6)
    after = review_plan(plan, [], as_of=date(2027, 1, 1))
    assert after.months_elapsed == 12
    assert after.milestone is not None
    assert after.milestone.id == "final"


def test_the_how_to_runs_and_shows_the_tables_its_code_prints() -> None:
    # The page's later blocks continue the first one (``{.python continuation}``);
    # pytest-markdown-docs runs them too, but this test also checks what they print.
    page = HOWTO.read_text(encoding="utf-8")
    blocks = re.findall(r"^```(?:python|\{\.python continuation\})\n(.*?)^```$", page, re.M | re.S)
    assert len(blocks) == 7
    namespace: dict[str, object] = {}
    with redirect_stdout(io.StringIO()):
        for block in blocks:
            exec(block, namespace)  # the page's own examples, in order
    review = namespace["review"]
    assert isinstance(review, PlanReview)
    for language, marker in (("en", "review table en"), ("zh", "review table zh")):
        shown = re.search(rf"<!-- {marker} -->\n(.*?)<!-- end -->", page, re.DOTALL)
        assert shown is not None, marker
        assert shown.group(1).splitlines() == review.to_markdown(language).splitlines()[4:]


def test_the_six_month_script_runs() -> None:
    script = HOWTO.parents[2] / "scripts" / "six_month_review.py"
    out = io.StringIO()
    with redirect_stdout(out):
        runpy.run_path(str(script), run_name="__main__")
    lines = out.getvalue().splitlines()
    months = [line for line in lines if re.match(r"^\| 2025-0[1-6]-3[01]|^\| 2025-02-28", line)]
    assert len(months) == 6
    assert "# 社区年度社工工作计划 监测评估,截至 2025-06-30" in lines
    assert lines[-1].startswith("PlanReview('community2025', 2025-06-30, month 6 (mid): ")


def test_a_review_to_frame_is_one_row_per_goal_in_display_units() -> None:
    frame = to_frame(_sample_review(), backend="polars")
    assert frame["goal_id"].to_list() == ["g0", "g1", "g2"]
    assert frame["indicator"].to_list() == ["x", "v", None]
    first = frame.row(0, named=True)
    # 9/20 = 45%; Wilson 95% by hand 25.820%–65.791%; ≥ 80% from a baseline of 50: 65 expected
    assert (first["numerator"], first["denominator"], first["measured"]) == (9, 20, 45.0)
    assert first["interval_low"] == pytest.approx(25.8198, abs=1e-4)
    assert first["interval_high"] == pytest.approx(65.7915, abs=1e-4)
    assert (first["target_level"], first["expected"]) == (80.0, 65.0)
    assert (first["period_start"], first["period_end"]) == (date(2025, 6, 1), MID)
    assert first["status"] == "not_distinguishable"
    second = frame.row(1, named=True)
    assert (second["measured"], second["numerator"], second["interval_low"]) == (5.0, None, None)
    assert (second["target_level"], second["expected"], second["status"]) == (15.0, 7.5, "at_risk")
    third = frame.row(2, named=True)
    assert (third["measured"], third["period_start"], third["status"]) == (None, None, "no_target")


def test_the_goals_of_a_review_tabulate_as_the_review_does() -> None:
    review = _sample_review()
    assert to_frame(review.goals).equals(to_frame(review))
    assert to_frame(review.goals[1]).equals(to_frame(review)[1:2])
