"""Tests of socialwork.metrics.definitions."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Any, cast

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from socialwork.errors import (
    ArgumentError,
    SocialWorkError,
)
from socialwork.metrics import (
    TargetStatus,
)
from socialwork.metrics.catalogue import indicator
from socialwork.models import Period
from socialwork.records import replace
from tests.metrics.support import (
    JUNE_PERIOD,
    KEY_GROUP_COVERAGE,
    OVERDUE_FOLLOW_UPS,
    SURVEY_SATISFACTION,
    VOLUNTEER_HOURS,
    refusal,
)


@pytest.mark.parametrize(
    "value",
    [float("nan"), float("inf"), -math.inf, Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity")],
)
def test_nan_is_never_a_measurement(value: Any) -> None:
    # NaN coverage was once judged "off_track" and shown as "nan%".
    with pytest.raises(ArgumentError) as info:
        KEY_GROUP_COVERAGE.judge(value, JUNE_PERIOD)
    assert info.value.parameter == "value"
    with pytest.raises(ArgumentError):
        KEY_GROUP_COVERAGE.format(value)
    with pytest.raises(ArgumentError):
        VOLUNTEER_HOURS.format(value, "en")


@pytest.mark.parametrize("change", [float("nan"), float("inf"), 1e300])
def test_a_change_must_be_finite(change: float) -> None:
    with pytest.raises(ArgumentError) as info:
        KEY_GROUP_COVERAGE.format_change(change)
    assert info.value.parameter == "change"


def test_huge_numbers_are_refused_not_overflowed() -> None:
    with pytest.raises(ArgumentError):
        VOLUNTEER_HOURS.format(10**400)
    with pytest.raises(ArgumentError):
        VOLUNTEER_HOURS.format(Decimal("9E+999999"))
    assert VOLUNTEER_HOURS.format(Decimal("1E+15")) == "1000000000000000小时"


def test_factor_is_one_of_the_documented_scales() -> None:
    with pytest.raises(ValidationError):
        replace(VOLUNTEER_HOURS, factor=10**400)
    with pytest.raises(ValidationError):
        replace(VOLUNTEER_HOURS, factor=7)


@settings(max_examples=200)
@given(
    st.one_of(
        st.integers(min_value=-(10**30), max_value=10**30),
        st.floats(),
        st.decimals(),
    )
)
def test_a_figure_is_formatted_or_refused(value: Any) -> None:
    shown = refusal(lambda: VOLUNTEER_HOURS.format(value))
    status = refusal(lambda: OVERDUE_FOLLOW_UPS.judge(value, JUNE_PERIOD).status)
    if isinstance(shown, SocialWorkError):
        assert isinstance(shown, ArgumentError)
        assert shown.parameter == "value"
        assert isinstance(status, ArgumentError)
    else:
        assert isinstance(shown, str)
        assert "nan" not in shown.lower()
        assert "inf" not in shown.lower()
        assert isinstance(status, TargetStatus)


def test_figures_up_to_the_bound_and_the_bound_message() -> None:
    assert VOLUNTEER_HOURS.format(10**15) == "1000000000000000小时"
    assert VOLUNTEER_HOURS.format(1e15) == "1000000000000000小时"
    assert VOLUNTEER_HOURS.format(-(10**15)) == "-1000000000000000小时"
    for value in (10**15 + 1, 1.0000001e15, Decimal("1000000000000001"), Decimal("NaN")):
        with pytest.raises(ArgumentError) as info:
            VOLUNTEER_HOURS.format(value)
        assert (info.value.parameter, info.value.value) == ("value", value)
        assert info.value.expected == "a finite number from -1e+15 to 1e+15"
    with pytest.raises(ArgumentError, match="value must be a number, not a bool"):
        VOLUNTEER_HOURS.format(True)
    with pytest.raises(TypeError, match="value must be a number; got str"):
        VOLUNTEER_HOURS.format(cast(Any, "5"))
    with pytest.raises(ArgumentError) as scaled:
        KEY_GROUP_COVERAGE.reaches(float("nan"), 95)
    assert scaled.value.parameter == "scaled"
    with pytest.raises(ArgumentError) as goal:
        KEY_GROUP_COVERAGE.reaches(95, float("nan"))
    assert goal.value.parameter == "goal"


def test_a_plain_figure_without_a_unit_and_changes_in_every_language() -> None:
    count = replace(VOLUNTEER_HOURS, unit=None, decimals=1)
    assert count.format(5) == "5.0"
    assert count.format_change(-2) == "-2.0"
    assert KEY_GROUP_COVERAGE.format_change(5.0) == "+5.0 个百分点"
    assert KEY_GROUP_COVERAGE.format_change(5.0, "zh-Hant") == "+5.0 個百分點"
    assert KEY_GROUP_COVERAGE.format_change(5.0, "en-US") == "+5.0 pp"
    per_mille = replace(KEY_GROUP_COVERAGE, factor=1000, targets=())
    assert per_mille.format_change(12.34) == "+12.3‰"


def test_percentage_point_suffix_in_simplified_chinese() -> None:
    assert KEY_GROUP_COVERAGE.format_change(5.0) == "+5.0 个百分点"
    assert SURVEY_SATISFACTION.format_change(-2.0, "zh") == "-2.0 个百分点"


def test_plain_number_without_unit_has_no_suffix() -> None:
    bare = OVERDUE_FOLLOW_UPS.model_copy(update={"unit": None})
    assert bare.format_change(3.0, "en") == "+3"


@pytest.mark.parametrize("bad", ["scaled", "goal"])
def test_reaches_names_the_bad_argument(bad: str) -> None:
    args = {"scaled": 1.0, "goal": 1.0, bad: float("nan")}
    with pytest.raises(ArgumentError, match=rf"^{bad} must be a finite number"):
        KEY_GROUP_COVERAGE.reaches(args["scaled"], args["goal"])


def _refused(**changes: Any) -> dict[str, Any]:
    """The one error of a coverage definition changed by ``changes``."""
    from socialwork.metrics.catalogue import indicator

    coverage = indicator("key_group_coverage").definition
    with pytest.raises(ValidationError) as refused:
        replace(coverage, **changes)
    (error,) = refused.value.errors()
    return dict(error)


def test_a_definitions_target_is_its_own_in_its_unit_and_its_direction() -> None:
    from socialwork.metrics import Comparator, Target, TargetUnit

    other = _refused(
        targets=(Target(indicator="file_completeness", value=95, unit=TargetUnit.PERCENT),)
    )
    assert (other["type"], other["loc"]) == ("target_other_indicator", ("targets", 0, "indicator"))
    assert other["msg"] == (
        "a definition's target is its own: indicator "
        "key_group_coverage or none; got file_completeness"
    )
    unit = _refused(targets=(Target(value=95, unit=TargetUnit.COUNT),))
    assert (unit["type"], unit["loc"]) == ("target_unit_mismatch", ("targets", 0, "unit"))
    assert unit["msg"] == ("a target of a figure shown with factor 100 is in percent; got count")
    against = _refused(
        targets=(Target(comparator=Comparator.AT_MOST, value=95, unit=TargetUnit.PERCENT),)
    )
    assert (against["type"], against["loc"]) == (
        "target_against_direction",
        ("targets", 0, "comparator"),
    )
    assert against["msg"] == ("a target of an indicator where higher is better cannot be at_most")
    # the second target is named by its position
    second = _refused(
        targets=(
            Target(value=95, unit=TargetUnit.PERCENT),
            Target(value=95, unit=TargetUnit.HOURS, period=Period.year(2025)),
        )
    )
    assert second["loc"] == ("targets", 1, "unit")
    # the rule's own target and one for no indicator are both accepted
    from socialwork.metrics.catalogue import indicator

    coverage = indicator("key_group_coverage").definition
    own = Target(indicator="key_group_coverage", value=90, unit=TargetUnit.PERCENT)
    assert replace(coverage, targets=(own,)).targets == (own,)


def test_a_refused_target_names_the_definition_and_the_value_it_refused() -> None:
    from socialwork.metrics import Comparator, Target, TargetUnit

    coverage = indicator("key_group_coverage").definition
    hours = indicator("volunteer_hours").definition  # factor 1: counts, hours or yuan
    at_most_95 = Target(value=95, unit=TargetUnit.PERCENT)
    refusals = [
        (coverage, Target(indicator="files", value=95, unit=TargetUnit.PERCENT), "files"),
        (coverage, Target(value=95, unit=TargetUnit.COUNT), "count"),
        (coverage, replace(at_most_95, comparator=Comparator.AT_MOST), "at_most"),
        (hours, Target(value=95, unit=TargetUnit.PERCENT), "percent"),
    ]
    for definition, target, refused in refusals:
        with pytest.raises(ValidationError) as info:
            replace(definition, targets=(target,))
        assert info.value.title == "IndicatorDefinition"
        (error,) = info.value.errors()
        assert error["input"] == refused
    with pytest.raises(ValidationError, match="is in count or hours or cny; got percent"):
        replace(hours, targets=(Target(value=95, unit=TargetUnit.PERCENT),))


def test_a_figure_reaches_its_goal_at_the_places_it_is_shown() -> None:
    coverage = indicator("key_group_coverage").definition  # higher is better, one decimal
    overdue = indicator("overdue_follow_ups").definition  # lower is better, no decimals
    assert coverage.reaches(96, 95)
    assert coverage.reaches(95, 95)
    assert coverage.reaches(94.96, 95)  # shown as 95.0%
    assert not coverage.reaches(94.94, 95)  # shown as 94.9%
    assert not coverage.reaches(94, 95)
    assert overdue.reaches(0, 0)
    assert overdue.reaches(0.4, 0)  # shown as 0
    assert not overdue.reaches(1, 0)
    assert overdue.reaches(1, 3)


def test_progress_counts_from_the_day_before_a_target_period_without_a_baseline() -> None:
    from socialwork.metrics import at_least

    coverage = replace(
        indicator("key_group_coverage").definition,
        targets=(at_least("95%", period=Period.year(2025)),),
    )
    # 31 December 2024 to 30 June 2025 is 181 days of the 365 to 31 December 2025
    assert coverage.progress(Period.month(2025, 6)) == 181 / 365
    assert coverage.progress(Period.month(2025, 12)) == 1.0
    with pytest.raises(TypeError, match=r"^period must be a Period"):
        coverage.progress("2025-06")  # type: ignore[arg-type]


def test_a_goal_is_compared_at_the_places_shown_too() -> None:
    coverage = indicator("key_group_coverage").definition  # one decimal
    assert coverage.reaches(94.6, 94.6)  # 94.6, not a goal of 95 rounded to a whole number


def test_one_of_a_unit_is_singular_in_english() -> None:
    overdue = indicator("overdue_follow_ups").definition
    assert [overdue.format(n, "en") for n in (0, 1, 2)] == ["0 cases", "1 case", "2 cases"]
    assert overdue.format(1) == "1例"
    assert indicator("volunteer_hours").definition.format(Decimal("1.0"), "en") == "1 hour"
    assert indicator("mean_caseload").definition.format(1.0, "en") == "1.0 cases"
