"""Indicator definitions, targets, the catalogue and where a value stands against a target."""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from socialwork.errors import (
    ArgumentError,
    UnknownLanguageError,
)
from socialwork.metrics import (
    Baseline,
    IndicatorDefinition,
    Target,
    TargetStatus,
    at_least,
    combine,
    judge,
    monthly_report,
    rate,
)
from socialwork.metrics import report as report_module
from socialwork.metrics.catalogue import (
    CATALOGUE,
)
from socialwork.metrics.services import survey_satisfaction
from socialwork.metrics.targets import (
    Comparator,
    TargetUnit,
    at_most,
    decrease_by,
    exactly,
    increase_by,
)
from socialwork.models import (
    BilingualText,
    Period,
    SatisfactionSurvey,
)
from socialwork.plans import Measurement, review_plan
from socialwork.plans.measurements import measurements_from_reports
from socialwork.records import replace
from socialwork.samples import station_month
from tests.metrics.support import (
    FILE_COMPLETENESS,
    JUNE,
    JUNE_PERIOD,
    KEY_GROUP_COVERAGE,
    LANGUAGES,
    OVERDUE_FOLLOW_UPS,
    VOLUNTEER_HOURS,
    _plan,
    plan,
)
from tests.strategies import surveys

month, quarter, year = Period.month, Period.quarter, Period.year


@settings(max_examples=50)
@given(surveys())
def test_survey_satisfaction_of_a_quarter_is_the_sum_of_its_months(
    survey: SatisfactionSurvey,
) -> None:
    spring = quarter(2025, 2)
    dated = [
        replace(survey, id=f"q{n}", conducted_on=date(2025, 3 + n, 15))
        for n in range(4)  # March (outside), April, May, June
    ]
    whole = survey_satisfaction(dated, spring)
    parts = combine(survey_satisfaction(dated, p) for p in spring.months())
    assert whole == parts
    assert whole.denominator == 3 * survey.respondents


def test_status_against_standing_targets() -> None:
    june = month(2025, 6)
    # A station's monthly summary: coverage 85% against 95%; files 27/32 against 100%.
    assert KEY_GROUP_COVERAGE.judge(rate(51, 60), june).status is TargetStatus.OFF_TRACK
    assert KEY_GROUP_COVERAGE.judge(rate(57, 60), june).status is TargetStatus.ACHIEVED
    assert FILE_COMPLETENESS.judge(rate(27, 32), june).status is TargetStatus.OFF_TRACK
    assert FILE_COMPLETENESS.judge(rate(0, 0), june).status is TargetStatus.NO_DATA
    assert OVERDUE_FOLLOW_UPS.judge(0, june).status is TargetStatus.ACHIEVED
    assert OVERDUE_FOLLOW_UPS.judge(3, june).status is TargetStatus.OFF_TRACK
    assert VOLUNTEER_HOURS.judge(100, june).status is TargetStatus.NO_TARGET
    # Without a target there is nothing to judge, with or without a figure.
    assert VOLUNTEER_HOURS.judge(None, june).status is TargetStatus.NO_TARGET


def test_status_is_compared_at_the_shown_precision() -> None:
    # 3468 / 4080 = 85.0% exactly against a target of 85.
    checks = replace(KEY_GROUP_COVERAGE, targets=(Target(value=85, unit=TargetUnit.PERCENT),))
    assert checks.judge(rate(3468, 4080), month(2025, 6)).status is TargetStatus.ACHIEVED
    # 94.96% shows as 95.0%: met; 94.94% shows as 94.9%: not, and its 95% Wilson
    # interval, 94.5%-95.4%, holds 95: not distinguishable from the target.
    june = month(2025, 6)
    assert KEY_GROUP_COVERAGE.judge(rate(9496, 10000), june).status.value == "achieved"
    assert KEY_GROUP_COVERAGE.judge(rate(9494, 10000), june).status.value == ("not_distinguishable")
    # Without counts there is no interval: 0.9494 shows as 94.9 and misses 95.
    assert KEY_GROUP_COVERAGE.judge(0.9494, june).status.value == "off_track"


def test_on_track_follows_the_line_from_baseline_to_target() -> None:
    plan = replace(
        KEY_GROUP_COVERAGE,
        baseline=Baseline(value=75, on=date(2024, 12, 31)),
        targets=(
            Target(value=95, unit=TargetUnit.PERCENT, period=year(2025)),
            Target(value=90, unit=TargetUnit.PERCENT),
        ),
    )
    # End of June is 181 of 365 days along: expected 75 + 20 * 181/365 = 84.92.
    assert plan.judge(rate(51, 60), month(2025, 6)).status is TargetStatus.ON_TRACK
    # 50/60 = 83.3% is below it, but its 95% Wilson interval (72.0%-90.7%) holds 84.92.
    assert plan.judge(rate(50, 60), month(2025, 6)).status is TargetStatus.NOT_DISTINGUISHABLE
    # 40/60 = 66.7%: the whole interval (54.1%-77.3%) is below 84.92.
    assert plan.judge(rate(40, 60), month(2025, 6)).status is TargetStatus.OFF_TRACK
    # At the year's end the target must be met: 56/60 (84.1%-97.4%) may still be 95%,
    # 50/60 (72.0%-90.7%) is surely below it.
    assert plan.judge(rate(56, 60), month(2025, 12)).status is TargetStatus.NOT_DISTINGUISHABLE
    assert plan.judge(rate(50, 60), month(2025, 12)).status is TargetStatus.OFF_TRACK
    assert plan.judge(rate(57, 60), month(2025, 12)).status is TargetStatus.ACHIEVED
    # Outside the dated target's year, the standing target (90) applies.
    assert plan.target_for(month(2026, 1)) == Target(value=90, unit=TargetUnit.PERCENT)
    assert plan.judge(rate(54, 60), month(2026, 1)).status is TargetStatus.ACHIEVED
    # Without a baseline a percentage expects the target throughout: 51/60 (73.9%-91.9%)
    # is surely below 95 in June.
    no_baseline = replace(plan, baseline=None)
    assert no_baseline.judge(rate(51, 60), month(2025, 6)).status is TargetStatus.OFF_TRACK


def test_nearest_dated_target_applies() -> None:
    plan = replace(
        KEY_GROUP_COVERAGE,
        targets=(
            Target(value=95, unit=TargetUnit.PERCENT, period=year(2025)),
            Target(value=90, unit=TargetUnit.PERCENT, period=quarter(2025, 2)),
        ),
    )
    assert plan.target_for(month(2025, 6)) == Target(
        value=90, unit=TargetUnit.PERCENT, period=quarter(2025, 2)
    )
    assert plan.target_for(month(2025, 7)) == Target(
        value=95, unit=TargetUnit.PERCENT, period=year(2025)
    )
    assert plan.target_for(month(2026, 7)) is None


def test_only_one_standing_target() -> None:
    with pytest.raises(ValidationError) as info:
        KEY_GROUP_COVERAGE.model_validate(
            {
                **KEY_GROUP_COVERAGE.model_dump(),
                "targets": [
                    {"value": 90, "unit": "percent"},
                    {"value": 95, "unit": "percent"},
                ],
            }
        )
    (error,) = info.value.errors()
    assert error["type"] == "two_standing_targets"
    assert error["loc"] == ("targets", 1)


def test_catalogue_codes_are_unique_and_round_trip() -> None:
    assert [entry.definition.code for entry in CATALOGUE.values()] == list(CATALOGUE)
    for definition in (entry.definition for entry in CATALOGUE.values()):
        assert IndicatorDefinition.model_validate_json(definition.model_dump_json()) == definition
        assert definition.name.text("zh") != definition.name.text("en")


def test_formatting_and_languages() -> None:
    assert KEY_GROUP_COVERAGE.format(rate(51, 60)) == "85.0% (51/60)"
    assert KEY_GROUP_COVERAGE.format(None) == "n/a"
    assert VOLUNTEER_HOURS.format(100) == "100小时"
    assert VOLUNTEER_HOURS.format(100, "en") == "100 hours"
    per_mille = replace(FILE_COMPLETENESS, factor=1000, targets=())
    assert per_mille.format(rate(27, 32)) == "843.8‰ (27/32)"
    with pytest.raises(UnknownLanguageError):
        BilingualText(zh="档案", en="Files").text("fr")


def test_targets_and_baselines_are_finite_and_within_a_percentage() -> None:
    bad: tuple[Any, ...] = (float("nan"), float("inf"), 1e16, "95", True)
    for value in bad:
        with pytest.raises(ValidationError):
            Target(value=value, unit=TargetUnit.PERCENT)
    with pytest.raises(ValidationError):
        Baseline(value=float("nan"), on=date(2025, 1, 1))
    with pytest.raises(ValidationError) as info:
        Target(value=9500, unit=TargetUnit.PERCENT)
    (error,) = info.value.errors()
    assert (error["type"], error["loc"]) == ("target_out_of_range", ("value",))
    with pytest.raises(ValidationError) as info:
        KEY_GROUP_COVERAGE.model_validate(
            {**KEY_GROUP_COVERAGE.model_dump(), "targets": [{"value": 9500, "unit": "percent"}]}
        )
    (error,) = info.value.errors()
    assert (error["type"], error["loc"]) == ("target_out_of_range", ("targets", 0, "value"))
    with pytest.raises(ValidationError) as info:
        replace(KEY_GROUP_COVERAGE, baseline=Baseline(value=-1, on=date(2025, 1, 1)))
    assert info.value.errors()[0]["loc"] == ("baseline", "value")
    # A plain number (factor 1) may have any finite target; a percentage 0 and 100 at the ends.
    assert (
        replace(VOLUNTEER_HOURS, targets=(Target(value=5000, unit=TargetUnit.HOURS),))
        .targets[0]
        .value
        == 5000
    )
    assert replace(
        KEY_GROUP_COVERAGE,
        targets=(
            Target(value=0, unit=TargetUnit.PERCENT),
            Target(value=100, unit=TargetUnit.PERCENT, period=JUNE_PERIOD),
        ),
    )


def test_a_target_applies_to_a_period_it_contains_ends_included() -> None:
    q2 = Period.quarter(2025, 2)
    dated = plan(date(2024, 12, 31), q2)
    assert dated.target_for(q2) is not None  # the same period: both ends equal
    assert dated.target_for(Period(start=date(2025, 4, 1), end=date(2025, 4, 1))) is not None
    assert dated.target_for(Period(start=date(2025, 6, 30), end=date(2025, 6, 30))) is not None
    assert dated.target_for(Period(start=date(2025, 3, 31), end=date(2025, 4, 30))) is None
    assert dated.target_for(Period(start=date(2025, 6, 1), end=date(2025, 7, 1))) is None


def test_the_nearest_of_two_dated_targets_ending_together_is_the_first() -> None:
    first, second = (
        Target(value=90, unit=TargetUnit.PERCENT, period=Period.year(2025)),
        Target(value=80, unit=TargetUnit.PERCENT, period=Period.year(2025)),
    )
    both = replace(KEY_GROUP_COVERAGE, targets=(first, second))
    assert both.target_for(JUNE_PERIOD) is both.targets[0]


def test_the_report_judges_each_line_against_the_target_for_its_period(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    planned = replace(
        KEY_GROUP_COVERAGE,
        baseline=Baseline(value=75, on=date(2024, 12, 31)),
        targets=(
            Target(value=95, unit=TargetUnit.PERCENT, period=Period.year(2025)),
            Target(value=99, unit=TargetUnit.PERCENT),
        ),
    )
    entry = CATALOGUE["key_group_coverage"]
    monkeypatch.setattr(
        report_module, "CATALOGUE", {"key_group_coverage": attrs.evolve(entry, definition=planned)}
    )
    (line,) = monthly_report(JUNE, JUNE.period).lines
    # June's target is the year's 95, not the standing 99; 85% is above the line (84.9).
    assert line.target == Target(value=95, unit=TargetUnit.PERCENT, period=Period.year(2025))
    assert line.status is TargetStatus.ON_TRACK


def test_a_target_missed_in_its_last_period_is_off_track() -> None:
    # Target 0.45% for 2025, shown at 1 decimal: 0.5 (0.45 is stored a hair above 0.45).
    # The value 0.004 (a share without counts) = 0.4% misses it. In December the target's
    # period ends, so the result is off track, even though a straight line from the baseline
    # would reach 0.086 + (0.45 - 0.086) * 1 = 0.44999999999999996, shown as 0.4, on 31 December.
    plan = replace(
        KEY_GROUP_COVERAGE,
        decimals=1,
        baseline=Baseline(value=0.086, on=date(2024, 12, 31)),
        targets=(Target(value=0.45, unit=TargetUnit.PERCENT, period=Period.year(2025)),),
    )
    value = 0.004
    assert plan.judge(value, Period.month(2025, 12)).status is TargetStatus.OFF_TRACK
    # As a rate, 4/1000 has the 95% Wilson interval 0.16%-1.02%, which holds 0.5: not
    # distinguishable from the target.
    assert plan.judge(rate(4, 1000), Period.month(2025, 12)).status.value == "not_distinguishable"
    # In November the line is at 0.086 + 0.364 * 334/365 = 0.419, shown 0.4: on track.
    assert plan.judge(value, Period.month(2025, 11)).status is TargetStatus.ON_TRACK


levels = st.floats(min_value=0, max_value=100, allow_nan=False)


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


def test_the_judge_refuses_what_is_not_a_judgement() -> None:
    with pytest.raises(ArgumentError):
        judge(at_least("80%"), 50, progress=1.5)
    with pytest.raises(ArgumentError):
        judge(at_least("80%"), float("nan"), progress=1)
    with pytest.raises(TypeError):
        judge(at_least("80%"), "50", progress=1)  # type: ignore[arg-type]


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


def test_a_change_target_is_built_from_exactly_one_checked_change() -> None:
    from socialwork.errors import ArgumentError
    from socialwork.metrics import ChangeKind, Comparator, decrease_by, increase_by

    up = increase_by(points=10, of="participation", baseline=55, period=Period.year(2025))
    assert (up.comparator, up.value, up.change, up.unit, up.baseline, up.indicator) == (
        Comparator.AT_LEAST,
        10.0,
        ChangeKind.POINTS,
        TargetUnit.PERCENT,
        55.0,
        "participation",
    )
    assert up.period == Period.year(2025)
    down = decrease_by(percent=20, unit="count", baseline=50)
    assert (down.comparator, down.value, down.change, down.unit) == (
        Comparator.AT_MOST,
        20.0,
        ChangeKind.RELATIVE,
        TargetUnit.COUNT,
    )
    cases: list[tuple[dict[str, Any], str, object, str]] = [
        ({"points": 1, "percent": 1}, "points/percent", (1, 1), "exactly one of points="),
        ({"points": -1}, "points", -1, "from 0 to 1e6"),
        ({"percent": 2e6}, "percent", 2e6, "from 0 to 1e6"),
        ({"points": 101}, "points", 101, "at most 100 percentage points"),
        ({"points": 5, "unit": "count"}, "unit", "count", "percent for a change in percentage"),
        ({"percent": 5, "baseline": 120}, "baseline", 120, "a figure from 0 to 100 in percent"),
        ({"percent": 5, "unit": "per_mille", "baseline": 1001}, "baseline", 1001, "0 to 1000"),
    ]
    for build in (increase_by, decrease_by):
        for kwargs, parameter, value, expected in cases:
            with pytest.raises(ArgumentError) as refused:
                build(**kwargs)
            assert (refused.value.parameter, refused.value.value) == (parameter, value), kwargs
            assert expected in str(refused.value), kwargs
        with pytest.raises(TypeError, match="the change must be a number; got bool"):
            build(points=True)
        with pytest.raises(TypeError, match="the change must be a number; got str"):
            build(percent="5")  # type: ignore[arg-type]
    # the edges are allowed: no change, 100 points, a baseline at the scale's ends
    assert increase_by(points=0, baseline=0).value == 0.0
    assert increase_by(points=100, baseline=100).value == 100.0
    assert decrease_by(percent=1e6, unit="count").value == 1e6


def test_a_target_describes_itself_in_each_language() -> None:
    from socialwork.metrics import at_least, at_most, decrease_by, exactly, increase_by

    assert at_least("90%", of="survey_satisfaction").describe() == "survey_satisfaction ≥ 90%"
    assert at_most("2.5‰").describe("en") == "≤ 2.5‰"
    assert exactly("15人", of="volunteers").describe("zh-Hant") == "volunteers = 15"
    assert at_least("20小时").describe("zh") == "≥ 20小时"
    assert at_least("20小时").describe("en") == "≥ 20 h"
    assert at_least("20小时").describe("zh-Hant") == "≥ 20小時"
    assert at_least("¥5000").describe("en") == "≥ 5000 CNY"
    assert at_least("5000元").describe("zh-Hant") == "≥ 5000元"
    up = increase_by(points=10, of="participation")
    assert [up.describe(language) for language in ("zh", "en", "zh-Hant")] == [
        "participation +10 个百分点",
        "participation +10 pp",
        "participation +10 個百分點",
    ]
    down = decrease_by(percent=12.5)
    assert [down.describe(language) for language in ("zh", "en", "zh-Hant")] == [
        "-12.5%(相对)",
        "-12.5% (relative)",
        "-12.5%(相對)",
    ]


def test_a_level_is_read_with_its_unit_or_refused() -> None:
    from socialwork.errors import ArgumentError
    from socialwork.metrics import at_least

    read = {
        "90%": (90.0, TargetUnit.PERCENT),
        " 90 ％ ": (90.0, TargetUnit.PERCENT),
        "2.5‰": (2.5, TargetUnit.PER_MILLE),
        "15人": (15.0, TargetUnit.COUNT),
        "3项": (3.0, TargetUnit.COUNT),
        "3": (3.0, TargetUnit.COUNT),
        "20小时": (20.0, TargetUnit.HOURS),
        "20小時": (20.0, TargetUnit.HOURS),
        "8h": (8.0, TargetUnit.HOURS),
        "8 Hours": (8.0, TargetUnit.HOURS),
        "5000元": (5000.0, TargetUnit.CNY),
        "5000 yuan": (5000.0, TargetUnit.CNY),
        "¥5000": (5000.0, TargetUnit.CNY),
        "￥ 12.5": (12.5, TargetUnit.CNY),
        "CNY 30": (30.0, TargetUnit.CNY),
        "100%": (100.0, TargetUnit.PERCENT),
        "1000‰": (1000.0, TargetUnit.PER_MILLE),
    }
    for text, (value, unit) in read.items():
        target = at_least(text)
        assert (target.value, target.unit) == (value, unit), text
    for text, expected in (
        ("100.5%", "a percentage from 0% to 100%"),
        ("1000.1‰", "a per-mille figure from 0‰ to 1000‰"),
        ("ninety", "a level such as '90%'"),
        ("-5%", "a level such as '90%'"),
        ("1234567890123456人", "a number with at most 15 digits"),
        ("90 percent", "a level such as '90%'"),
    ):
        with pytest.raises(ArgumentError) as refused:
            at_least(text)
        assert (refused.value.parameter, refused.value.value) == ("level", text)
        assert expected in str(refused.value), text
    with pytest.raises(TypeError, match="level must be text such as '90%'; got int"):
        at_least(90)  # type: ignore[arg-type]


def test_a_targets_indicator_and_baseline_are_checked_where_it_is_built() -> None:
    from socialwork.errors import ArgumentError
    from socialwork.metrics import at_least, increase_by
    from socialwork.metrics.catalogue import indicator

    # an indicator is named by its code, or by a definition, whose code is taken
    assert at_least("90%", of="  survey_satisfaction ").indicator == "survey_satisfaction"
    coverage = indicator("key_group_coverage").definition
    assert at_least("95%", of=coverage).indicator == "key_group_coverage"
    assert at_least("95%").indicator is None
    for code in ("", "   ", "x" * 65):
        with pytest.raises(ArgumentError) as refused:
            at_least("90%", of=code)
        assert (refused.value.parameter, refused.value.value) == ("of", code)
        assert "an indicator code of 1 to 64 characters" in str(refused.value)
    assert at_least("90%", of="x" * 64).indicator == "x" * 64
    with pytest.raises(TypeError, match="of must be an indicator code or definition; got int"):
        at_least("90%", of=3)  # type: ignore[arg-type]
    # a baseline is a finite number of at most 1e15 in size
    assert increase_by(percent=5, unit="count", baseline=-1e15).baseline == -1e15
    assert increase_by(percent=5, unit="count", baseline=7).baseline == 7.0
    for baseline in (1e15 * 1.5, -2e15, float("inf")):
        with pytest.raises(ArgumentError) as refused:
            increase_by(percent=5, unit="count", baseline=baseline)
        assert (refused.value.parameter, refused.value.value) == ("baseline", baseline)
        assert "a finite number of at most 1e15 in size" in str(refused.value)
    for wrong in (True, "7"):
        with pytest.raises(
            TypeError, match=f"baseline must be a number; got {type(wrong).__name__}"
        ):
            increase_by(percent=5, unit="count", baseline=wrong)  # type: ignore[arg-type]


LEVEL_HELP = (
    "a level such as '90%', '15人', '3项', '20小时' or '5000元' "
    "(a number with at most 15 digits, then a unit)"
)


@pytest.mark.parametrize(
    ("build", "parameter", "message"),
    [
        (lambda: at_least("abc"), "level", f"level must be {LEVEL_HELP}; got 'abc'"),
        (
            lambda: at_least("150%"),
            "level",
            "level must be a percentage from 0% to 100%; got '150%'",
        ),
        (
            lambda: at_most("1500‰"),
            "level",
            "level must be a per-mille figure from 0‰ to 1000‰; got '1500‰'",
        ),
        (
            lambda: at_least("90%", of=""),
            "of",
            "of must be an indicator code of 1 to 64 characters; got ''",
        ),
        (
            lambda: at_least("15人", baseline=1e15 + 1),
            "baseline",
            "baseline must be a finite number of at most 1e15 in size; got 1000000000000001.0",
        ),
        (
            lambda: at_least("15人", baseline=-1e15 - 1),
            "baseline",
            "baseline must be a finite number of at most 1e15 in size; got -1000000000000001.0",
        ),
        (
            lambda: at_least("90%", baseline=150),
            "baseline",
            "baseline must be a figure from 0 to 100 in percent; got 150",
        ),
        (
            lambda: increase_by(points=5, percent=5),
            "points/percent",
            "points/percent must be exactly one of points= (percentage points) or "
            "percent= (relative change); got (5, 5)",
        ),
        (
            lambda: increase_by(percent=1e6 + 1),
            "percent",
            "percent must be from 0 to 1e6; got 1000001.0",
        ),
        (
            lambda: decrease_by(points=101),
            "points",
            "points must be at most 100 percentage points; got 101",
        ),
        (
            lambda: increase_by(percent=10, unit="people"),
            "unit",
            "unit must be one of the codes 'percent', 'per_mille', 'count', 'hours', 'cny'; "
            "got 'people'",
        ),
        (
            lambda: increase_by(points=5, unit="count"),
            "unit",
            "unit must be percent for a change in percentage points; got 'count'",
        ),
    ],
)
def test_a_refused_target_says_which_argument_and_why(
    build: Any, parameter: str, message: str
) -> None:
    with pytest.raises(ArgumentError) as info:
        build()
    assert info.value.parameter == parameter
    assert str(info.value) == message


def test_every_target_builder_keeps_its_indicator_baseline_and_period() -> None:
    june = Period.month(2025, 6)
    for target in (
        at_least("90%", of="coverage", baseline=80, period=june),
        at_most("5例", of="coverage", baseline=8, period=june),
        exactly("3项", of="coverage", baseline=1, period=june),
        increase_by(points=5, of="coverage", baseline=80, period=june),
        decrease_by(percent=10, of="coverage", baseline=80, period=june),
    ):
        assert (target.indicator, target.period) == ("coverage", june), target
        assert target.baseline in {80, 8, 1}, target
    with pytest.raises(TypeError, match=r"^period must be a Period; got str$"):
        at_most("5例", period="2025-06")  # type: ignore[arg-type]


def test_a_level_is_shown_within_a_quadrillion() -> None:
    target = at_least("15人")
    assert target.format_level(1e15) == "1000000000000000"
    assert target.format_level(-1e15) == "-1000000000000000"
    for beyond in (1e15 + 1, -1e15 - 1, float("inf")):
        with pytest.raises(ArgumentError) as info:
            target.format_level(beyond)
        assert info.value.parameter == "value"


def test_a_baseline_may_sit_on_its_bounds() -> None:
    assert at_least("15人", baseline=1e15).baseline == 1e15
    assert at_most("15人", baseline=-1e15).baseline == -1e15
    assert at_least("90%", baseline=100).baseline == 100
    assert at_least("90%", baseline=0).baseline == 0
