"""A quarter's or a year's figures: measured over the whole period, or added up as declared."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialwork.errors import MetricInputError, UnknownCodeError
from socialwork.frames import StationFrames, frame_monthly_report
from socialwork.metrics import Exclusion, Rate, monthly_report, rate
from socialwork.metrics.catalogue import CATALOGUE, Aggregation, indicator
from socialwork.metrics.definitions import Measure
from socialwork.models import (
    ContactMode,
    Period,
    SatisfactionSurvey,
    ServiceHours,
    Visit,
)
from socialwork.records import replace
from socialwork.samples import station_month

JUNE = station_month()
Q2 = Period.quarter(2025, 2)
APRIL, MAY = Period.month(2025, 4), Period.month(2025, 5)

# The June sample, with a few records of April and May added by hand:
# e1 (visited in June too) and e24 (a key-group client not visited in June) visited in April;
# an April survey of 20 clients, 19 satisfied; 5 volunteer hours in May.
QUARTER = replace(
    JUNE,
    period=Q2,
    visits=(
        *JUNE.visits,
        Visit(
            id="v-a1", client_id="e1", on=date(2025, 4, 8), mode=ContactMode.PHONE, worker_id="s1"
        ),
        Visit(
            id="v-a2", client_id="e24", on=date(2025, 4, 9), mode=ContactMode.PHONE, worker_id="s1"
        ),
    ),
    surveys=(
        *JUNE.surveys,
        SatisfactionSurvey(
            id="q-2025-04",
            population="重点人群",
            conducted_on=date(2025, 4, 25),
            respondents=20,
            satisfied=19,
        ),
    ),
    service_hours=(
        *JUNE.service_hours,
        ServiceHours(volunteer_id="vol01", on=date(2025, 5, 10), hours=Decimal(5), task="探访"),
    ),
)


def months(code: str) -> list[Measure]:
    """The indicator over April, May and June of the quarter's records, in date order."""
    return [indicator(code).measure(QUARTER, p) for p in (APRIL, MAY, JUNE.period)]


def test_a_quarter_measured_over_the_whole_period_by_hand() -> None:
    report = monthly_report(QUARTER, Q2)
    # distinct people: June's 65 of 76 key-group clients, and e24 visited in April (e1 once)
    assert str(report.line("key_group_coverage").value) == "86.8% (66/76)"
    # a ratio of sums: (60 + 19) / (65 + 20), not the mean of 92.3% and 95%
    assert str(report.line("survey_satisfaction").value) == "92.9% (79/85)"
    # a sum: June's 100 hours and May's 5
    assert report.line("volunteer_hours").value == Decimal(105)
    assert report.title("en") == "幸福街道社工站 quarterly indicator report"
    assert report.title() == "幸福街道社工站 季度指标报告"


def test_a_quarter_on_frames_equals_the_records() -> None:
    tables = StationFrames.from_records(QUARTER)
    assert frame_monthly_report(tables, Q2) == monthly_report(QUARTER, Q2)


def test_months_added_up_as_declared_give_the_quarter() -> None:
    survey = months("survey_satisfaction")
    assert [str(v) for v in survey] == ["95.0% (19/20)", "n/a", "92.3% (60/65)"]
    assert indicator("survey_satisfaction").aggregate(survey) == rate(79, 85)
    assert indicator("volunteer_hours").aggregate(months("volunteer_hours")) == Decimal(105)
    # as of the last day: the quarter's certification rate is June's
    certified = months("certification_rate")
    assert indicator("certification_rate").aggregate(certified) == certified[-1]
    # each one equals the measure over the whole quarter (but home visits: the bundle's plan
    # is the quarter's, so its months would come from monthly bundles, each with its plan)
    for code, entry in CATALOGUE.items():
        if entry.aggregation is not Aggregation.DISTINCT and code != "home_visit_completion":
            assert entry.aggregate(months(code)) == entry.measure(QUARTER, Q2), code


def test_home_visits_add_each_months_visits_against_its_plan() -> None:
    # April 10 of 15 planned, May 20 of 15 (5 above the plan), June 32 of 60
    april = rate(10, 15)
    may = Rate(15, 15, (*(Exclusion(f"m{i}", "above_plan") for i in range(5)),))
    total = indicator("home_visit_completion").aggregate([april, may, rate(32, 60)])
    assert isinstance(total, Rate)
    assert (total.numerator, total.denominator) == (57, 90)
    assert total.excluded.count("above_plan") == 5


def test_distinct_people_cannot_be_added_up_from_months() -> None:
    coverage = months("key_group_coverage")
    # April reaches e1 and e24, June 65: 67 visits of clients, but 66 clients
    assert [v.numerator for v in coverage if isinstance(v, Rate)] == [2, 0, 65]
    with pytest.raises(MetricInputError, match="measure it over that period"):
        indicator("key_group_coverage").aggregate(coverage)


def test_every_entry_declares_how_it_aggregates() -> None:
    # every entry of the built-in catalogue declares one
    kinds = {code: getattr(e.aggregation, "value", None) for code, e in CATALOGUE.items()}
    assert None not in kinds.values()
    assert kinds["volunteer_hours"] == "sum"
    assert kinds["mean_caseload"] == kinds["certification_rate"] == "last"
    assert kinds["clients_per_worker"] == kinds["key_group_coverage"] == "distinct"
    assert kinds["group_attendance"] == "ratio_of_sums"
    assert Aggregation.RATIO_OF_SUMS.label("en") == "Ratio of sums"


def test_an_entry_that_declares_no_aggregation_is_not_added_up() -> None:
    undeclared = attrs.evolve(indicator("volunteer_hours"), aggregation=None)
    with pytest.raises(MetricInputError, match="declares how its months add up"):
        undeclared.aggregate([Decimal(1)])


def test_months_without_data_are_left_out_and_none_gives_none() -> None:
    hours = indicator("volunteer_hours")
    assert hours.aggregate([None, None]) is None
    assert hours.aggregate([]) is None
    assert indicator("mean_caseload").aggregate([]) is None
    assert indicator("survey_satisfaction").aggregate([None, rate(1, 2)]) == rate(1, 2)
    with pytest.raises(MetricInputError):
        hours.aggregate([Decimal(1), rate(1, 2)])


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 50)), max_size=12))
def test_a_ratio_of_sums_stays_a_rate_between_its_months(counts: list[tuple[int, int]]) -> None:
    monthly = [rate(min(a, b), max(a, b)) for a, b in counts]
    total = indicator("survey_satisfaction").aggregate(monthly)
    if not monthly:
        assert total is None
        return
    assert isinstance(total, Rate)
    defined = [m.value for m in monthly if m.value is not None]
    if total.value is not None:
        assert min(defined) - 1e-12 <= total.value <= max(defined) + 1e-12


def test_a_year_and_another_period_say_so_in_their_titles() -> None:
    assert monthly_report(JUNE, Period.year(2025)).title("en").endswith("annual indicator report")
    odd = Period(start=date(2025, 6, 2), end=date(2025, 6, 30))
    assert monthly_report(JUNE, odd).title("en") == "幸福街道社工站 indicator report"
    assert monthly_report(JUNE, odd).title("zh-Hant") == "幸福街道社工站 指標報告"


def test_a_sum_adds_whole_numbers_and_refuses_to_mix_kinds() -> None:
    summed = attrs.evolve(indicator("volunteer_hours"), aggregation="sum")
    assert summed.aggregate([1, None, 2]) == 3
    assert summed.aggregate([1.5, 2]) == 3.5
    assert summed.aggregate([None, None]) is None
    with pytest.raises(MetricInputError) as info:
        summed.aggregate([Decimal("1.5"), 2])
    assert str(info.value) == "values must be numbers of one kind to add up; got 2"
    assert info.value.parameter == "values"


def test_a_ratio_of_sums_takes_rates_only() -> None:
    with pytest.raises(MetricInputError) as info:
        indicator("survey_satisfaction").aggregate([rate(1, 2), 3, None])
    assert str(info.value) == "values must be rates to add up; got 2"


def test_an_indicator_that_cannot_add_its_months_says_why() -> None:
    undeclared = attrs.evolve(indicator("volunteer_hours"), aggregation=None)
    with pytest.raises(MetricInputError) as info:
        undeclared.aggregate([Decimal("1")])
    assert str(info.value) == (
        "code must be an indicator that declares how its months add up; got 'volunteer_hours'"
    )
    with pytest.raises(MetricInputError) as info:
        indicator("key_group_coverage").aggregate([rate(1, 2)])
    assert str(info.value) == (
        "code must be an indicator whose months add up; this one counts people or things once"
        " over the whole period: measure it over that period; got 'key_group_coverage'"
    )
    assert info.value.parameter == "code"


def test_an_aggregation_is_a_member_or_its_code() -> None:
    assert attrs.evolve(indicator("volunteer_hours"), aggregation="last").aggregation is (
        Aggregation.LAST
    )
    with pytest.raises(UnknownCodeError) as info:
        attrs.evolve(indicator("volunteer_hours"), aggregation="weekly")
    assert info.value.parameter == "aggregation"


def test_a_month_no_figure_can_be_is_refused() -> None:
    from socialwork.errors import ArgumentError

    with pytest.raises(ArgumentError) as info:
        indicator("case_improvement").aggregate([rate(0, 0), float("nan")])
    assert info.value.parameter == "values"
    with pytest.raises(TypeError):
        indicator("volunteer_hours").aggregate(["100"])  # type: ignore[list-item]
