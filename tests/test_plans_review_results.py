"""Plan reviews as results people look at and records other programs read.

How a review shows itself (short reprs, escaped tables in three languages,
a chart valid against Vega-Lite v5), its records (JSON round trip, rules),
how the months of monthly reports combine, and the hand-computed figures
the first test file leaves out.
"""

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
from jsonschema import Draft7Validator, Draft202012Validator
from pydantic import ValidationError

from socialwork import display
from socialwork.errors import ArgumentError, UnknownLanguageError
from socialwork.frames import to_frame
from socialwork.metrics import (
    Target,
    TargetStatus,
    at_least,
    at_most,
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
    WorkPlan,
    measurements_from_reports,
    milestone_review,
    review_plan,
)
from socialwork.plans.measurements import MeasurementRecord
from socialwork.plans.review import GoalReview, PlanReview
from socialwork.plans.review_records import GoalReviewRecord, PlanReviewRecord
from socialwork.records import replace
from socialwork.samples import station_month, station_previous_month
from socialwork.schema import json_schema
from tests.strategies import measurement_records, plan_review_records

JUNE = Period.month(2025, 6)
MID = date(2025, 6, 30)
AIM = at_least("80%", of="x", baseline=50)  # 65% expected at month 6 of 12


def _plan(
    *targets: Target | None,
    deadline: int = 12,
    title: str = "测试计划",
    statement: str = "goal",
    start: date = date(2025, 1, 1),
) -> WorkPlan:
    goals = tuple(
        PlanGoal(id=f"g{k}", statement=f"{statement} {k}", typed_target=t, deadline_month=deadline)
        for k, t in enumerate(targets)
    )
    return WorkPlan(
        id="p",
        title=title,
        overall_goal="目标",
        start=start,
        goals=goals,
        milestones=(
            Milestone(id="mid", name="中期评估", month=6, kind=MilestoneKind.MID_TERM_REVIEW),
            Milestone(id="final", name="终期评估", month=12, kind=MilestoneKind.FINAL_EVALUATION),
        ),
    )


def _review(*found: Measurement, target: Target = AIM, as_of: date = MID) -> GoalReview:
    return review_plan(_plan(target), found, as_of=as_of).goals[0]


@cache
def vega_lite_v5() -> Draft7Validator:
    schema_file = resources.files("altair") / "vegalite/v5/schema/vega-lite-schema.json"
    return Draft7Validator(json.loads(schema_file.read_text(encoding="utf-8")))


# --- how a review shows itself ---


def _sample_review(title: str = "测试计划", statement: str = "goal") -> PlanReview:
    plan = _plan(AIM, at_least("15人", of="v"), None, title=title, statement=statement)
    found = [Measurement("x", JUNE, rate(9, 20)), Measurement("v", JUNE, 5)]
    return review_plan(plan, found, as_of=MID)


def test_reprs_are_short_and_say_the_statuses() -> None:
    review = _sample_review()
    assert repr(review) == (
        "PlanReview('p', 2025-06-30, month 6 (mid): 1 at_risk, 1 not_distinguishable, 1 no_target)"
    )
    assert repr(review.goals[0]) == ("GoalReview('g0', 45.0% (9/20) vs ≥ 80%: not_distinguishable)")
    assert repr(review.goals[1]) == "GoalReview('g1', 5 vs ≥ 15: at_risk)"
    assert repr(review.goals[2]) == "GoalReview('g2', no_target)"
    assert repr(review.goals[1].measurement) == "Measurement('v', 2025-06, 5)"
    empty = review_plan(_plan(), [], as_of=date(2024, 12, 31))
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
    named = review_plan(_plan(AIM), [], as_of=date(2025, 12, 31))
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
    plan = _plan(at_least("20小时", of="h"))
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
    review = review_plan(_plan(), [], as_of=MID)
    assert review.to_markdown("en").splitlines()[-1] == "| — | — | — | — | — | — | — | — |"
    assert review.chart().to_dict()["data"]["values"] == []


# --- the records ---


def test_to_record_keeps_every_figure() -> None:
    review = _sample_review()
    record = review.to_record()
    assert isinstance(record, PlanReviewRecord)
    assert (record.plan_id, record.as_of, record.months_elapsed) == ("p", MID, 6)
    assert record.milestone is not None
    assert record.milestone.id == "mid"
    first = record.goals[0]
    assert first.status.value == "not_distinguishable"
    assert first.target == AIM
    assert first.measurement == MeasurementRecord(
        indicator="x", period=JUNE, numerator=9, denominator=20
    )
    assert (first.target_level, first.expected) == (80.0, 65.0)
    # Wilson 95% for 9/20 by hand: centre (0.45 + 0.09604) / 1.19208 = 0.45806,
    # half-width 1.96 × √(0.012375 + 0.002401) / 1.19208 = 0.19986
    assert first.interval_low == pytest.approx(0.25820, abs=1e-5)
    assert first.interval_high == pytest.approx(0.65791, abs=1e-5)
    second = record.goals[1]
    assert second.measurement is not None
    assert (second.measurement.value, second.measurement.numerator) == (5.0, None)
    assert (second.interval_low, second.interval_high) == (None, None)
    assert record.goals[2].target is None


def test_the_record_round_trips_through_json() -> None:
    record = _sample_review().to_record()
    text = record.model_dump_json()
    assert PlanReviewRecord.model_validate_json(text) == record
    assert PlanReviewRecord.model_validate(json.loads(text)) == record
    assert json.loads(text)["goals"][0]["status"] == "not_distinguishable"


def test_the_records_are_in_the_json_schema() -> None:
    schemas = json_schema()
    for name in ("PlanReviewRecord", "GoalReviewRecord", "MeasurementRecord"):
        assert name in schemas
    plan_review = schemas["PlanReviewRecord"]
    assert "TargetStatus" in plan_review["$defs"]
    dumped = json.loads(_sample_review().to_record().model_dump_json())
    assert list(Draft202012Validator(plan_review).iter_errors(dumped)) == []


def test_exclusions_are_kept_as_a_count() -> None:
    from socialwork.metrics import Exclusion

    measured = Measurement("x", JUNE, rate(9, 20, (Exclusion("c1", "withdrawn"),)))
    assert measured.to_record().excluded == 1


def test_figures_kept_as_json_come_back_as_measurements() -> None:
    found = [
        Measurement("x", JUNE, rate(9, 20)),
        Measurement("v", Period(start=date(2025, 1, 1), end=MID), 5),
        Measurement("x", Period.month(2025, 5), None),
    ]
    text = [m.to_record().model_dump_json() for m in found]
    back = [MeasurementRecord.model_validate_json(t).measurement for t in text]
    assert back == found
    plan = _plan(AIM, at_least("15人", of="v"))
    assert review_plan(plan, back, as_of=MID) == review_plan(plan, found, as_of=MID)


@given(measurement_records())
def test_a_measurement_record_round_trips_through_its_measurement(
    record: MeasurementRecord,
) -> None:
    assert record.measurement.to_record() == replace(record, excluded=0)


@given(plan_review_records())
def test_drawn_records_round_trip(record: PlanReviewRecord) -> None:
    assert PlanReviewRecord.model_validate_json(record.model_dump_json()) == record


def _rule(error: ValidationError) -> str:
    return str(error.errors()[0]["type"])


def test_record_rules() -> None:
    with pytest.raises(ValidationError) as err:
        MeasurementRecord(indicator="x", period=JUNE, value=5, numerator=1, denominator=2)
    assert _rule(err.value) == "measurement_value_conflict"
    with pytest.raises(ValidationError) as err:
        MeasurementRecord(indicator="x", period=JUNE, numerator=1)
    assert _rule(err.value) == "measurement_value_conflict"
    with pytest.raises(ValidationError) as err:
        MeasurementRecord(indicator="x", period=JUNE, numerator=3, denominator=2)
    assert _rule(err.value) == "part_above_total"
    with pytest.raises(ValidationError) as err:
        GoalReviewRecord(goal_id="g", statement="s", status=TargetStatus.ON_TRACK, interval_low=0.5)
    assert _rule(err.value) == "interval_bounds"
    with pytest.raises(ValidationError) as err:
        GoalReviewRecord(
            goal_id="g",
            statement="s",
            status=TargetStatus.ON_TRACK,
            interval_low=0.6,
            interval_high=0.5,
        )
    assert _rule(err.value) == "interval_bounds"
    goal = GoalReviewRecord(goal_id="g", statement="s", status=TargetStatus.ON_TRACK)
    with pytest.raises(ValidationError) as err:
        PlanReviewRecord(plan_id="p", title="t", as_of=MID, months_elapsed=6, goals=(goal, goal))
    assert _rule(err.value) == "duplicate_id"
    with pytest.raises(ValidationError) as err:
        GoalReviewRecord(goal_id="g", statement="s", status="bogus")  # type: ignore[arg-type]
    assert err.value.errors()[0]["loc"] == ("status",)


# --- measurements over several months ---


def test_the_latest_month_with_a_figure_wins() -> None:
    found = [
        Measurement("x", Period.month(2025, 4), rate(50, 100)),
        Measurement("x", Period.month(2025, 5), rate(70, 100)),
        Measurement("x", JUNE, None),  # June has no figure: it does not hide May
    ]
    line = _review(*found)
    assert line.measurement == found[1]
    assert line.status.value == "on_track"  # 70% ≥ 65% expected
    assert "| 70.0% (70/100) | 2025-05 |" in review_plan(_plan(AIM), found, as_of=MID).to_markdown()


def test_a_rate_of_nobody_is_no_figure_either() -> None:
    found = [
        Measurement("x", Period.month(2025, 5), rate(82, 100)),
        Measurement("x", JUNE, rate(0, 0)),
    ]
    assert _review(*found).status.value == "achieved"


def test_months_without_any_figure_mean_no_data() -> None:
    found = [Measurement("x", Period.month(2025, 5), None), Measurement("x", JUNE, rate(0, 0))]
    line = _review(*found)
    assert line.status.value == "no_data"
    assert line.measurement == found[1]  # the latest month, shown as n/a
    assert line.interval is None


def test_two_different_figures_for_one_period_are_refused() -> None:
    found = [Measurement("x", JUNE, rate(70, 100)), Measurement("x", JUNE, rate(71, 100))]
    with pytest.raises(ArgumentError, match="one figure of x for 2025-06"):
        _review(*found)
    same = [Measurement("x", JUNE, rate(70, 100)), Measurement("x", JUNE, rate(70, 100))]
    assert _review(*same).status.value == "on_track"


def test_on_the_same_last_day_the_longer_period_wins() -> None:
    # A cumulative count since the plan's start beats the month's own count.
    volunteers = at_least("15人", of="x")
    found = [
        Measurement("x", JUNE, 2),
        Measurement("x", Period(start=date(2025, 1, 1), end=MID), 9),
    ]
    line = _review(*found, target=volunteers)
    assert line.measurement == found[1]
    assert line.status.value == "on_track"  # 9 ≥ 7.5
    assert _review(*reversed(found), target=volunteers) == line


def test_monthly_reports_combine_over_the_plan_months() -> None:
    may, june = station_previous_month(), station_month()
    reports = [monthly_report(may, may.period), monthly_report(june, june.period)]
    found = measurements_from_reports(reports)
    assert len(found) == len(reports[0].lines) + len(reports[1].lines)
    coverage = [m for m in found if m.indicator == "key_group_coverage"]
    assert [m.period for m in coverage] == [may.period, june.period]
    assert coverage[1].value == reports[1].line("key_group_coverage").value
    plan = _plan(at_least("95%", of="key_group_coverage"))
    line = review_plan(plan, found, as_of=MID).goals[0]
    assert line.measurement == coverage[1]  # June, the later month
    assert review_plan(plan, reversed(found), as_of=MID).goals[0] == line
    in_may = review_plan(plan, found, as_of=date(2025, 5, 31)).goals[0]
    assert in_may.measurement == coverage[0]


def test_numbers_from_reports_are_in_display_units() -> None:
    june = station_month()
    report = monthly_report(june, june.period)
    found = {m.indicator: m for m in measurements_from_reports([report])}
    line = report.line("volunteer_hours")
    assert found["volunteer_hours"].value == line.definition.scaled(line.value)
    with pytest.raises(TypeError):
        measurements_from_reports([june])  # type: ignore[list-item]


# --- hand-computed figures the first file leaves out ---


def test_a_goal_due_before_the_end_expects_its_target_from_its_deadline() -> None:
    plan = _plan(AIM, deadline=4)  # 50% → 80% by month 4
    month3 = review_plan(plan, [], as_of=date(2025, 3, 31)).goals[0]
    assert month3.expected == pytest.approx(72.5)  # 50 + 30 × 3/4
    late = review_plan(plan, [Measurement("x", JUNE, 70.0)], as_of=MID).goals[0]
    assert late.expected == 80.0  # past the deadline the target itself
    assert late.status.value == "off_track"  # a plain number past its deadline


def test_a_relative_change_by_hand() -> None:
    # 60 raised by 15% (relative) is 69; half way through, 64.5 is expected.
    target = increase_by(percent=15, of="x", baseline=60)
    line = _review(Measurement("x", JUNE, 64.5), target=target)
    assert line.target_level == pytest.approx(69.0)
    assert line.expected == pytest.approx(64.5)
    assert line.status.value == "on_track"
    assert _review(Measurement("x", JUNE, 69.0), target=target).status.value == "achieved"


def test_exactly_is_met_only_at_the_level() -> None:
    events = exactly("4次", of="x")  # 2 expected at month 6
    assert _review(Measurement("x", JUNE, 4), target=events).status.value == "achieved"
    assert _review(Measurement("x", JUNE, 2), target=events).status.value == "on_track"
    assert _review(Measurement("x", JUNE, 1), target=events).status.value == "at_risk"


def test_a_percentage_without_baseline_expects_the_target_throughout() -> None:
    satisfaction = at_least("90%", of="x")
    line = _review(Measurement("x", JUNE, 85.0), target=satisfaction)
    assert (line.expected, line.status.value) == (90.0, "at_risk")  # a figure, no counts
    assert _review(Measurement("x", JUNE, rate(85, 100)), target=satisfaction).status.value == (
        "not_distinguishable"  # Wilson 95% for 85/100 reaches 90.7%
    )
    assert _review(Measurement("x", JUNE, rate(170, 200)), target=satisfaction).status.value == (
        "off_track"  # 85% of 200: the interval ends at 89.3%
    )


def test_at_most_with_a_rate_uses_the_lower_bound() -> None:
    turnover = at_most("10%", of="x", baseline=30)  # 20% expected at month 6
    assert _review(Measurement("x", JUNE, rate(30, 100)), target=turnover).status.value == (
        "off_track"  # Wilson 95% for 30/100 starts at 21.9%
    )
    assert _review(Measurement("x", JUNE, rate(5, 20)), target=turnover).status.value == (
        "not_distinguishable"  # 25%, but the interval starts at 11.2%
    )


def test_plan_months_count_from_the_start_day() -> None:
    plan = _plan(AIM, start=date(2025, 3, 15))
    assert review_plan(plan, [], as_of=date(2025, 4, 13)).months_elapsed == 0
    assert review_plan(plan, [], as_of=date(2025, 4, 14)).months_elapsed == 1
    mid = milestone_review(plan, [], "mid")
    assert (mid.as_of, mid.months_elapsed) == (date(2025, 9, 14), 6)
    after = review_plan(plan, [], as_of=date(2027, 1, 1))
    assert after.months_elapsed == 12
    assert after.milestone is not None
    assert after.milestone.id == "final"


@given(st.lists(st.integers(min_value=1, max_value=6), min_size=1, max_size=6), st.data())
def test_the_chosen_figure_is_the_latest_with_a_figure(
    months: list[int], data: st.DataObject
) -> None:
    found = []
    for month in sorted(set(months)):
        value = data.draw(st.one_of(st.none(), st.integers(min_value=0, max_value=100)))
        found.append(Measurement("x", Period.month(2025, month), value))
    line = _review(*data.draw(st.permutations(found)), target=at_least("15人", of="x"))
    with_figure = [m for m in found if m.value is not None]
    assert line.measurement == (with_figure or found)[-1]


# --- the how-to ---

HOWTO = Path(__file__).resolve().parent.parent / "docs" / "howto" / "mid-term-review.md"


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


# --- a review as a table ---


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
