"""Calendars, analysis and plans: only documented errors escape, and nothing is silently wrong.

Each test here pins one edge that used to raise a bare ``KeyError`` or
``OverflowError``, or to return a quietly wrong value; the figures are
counted by hand from the calendar.
"""

from __future__ import annotations

import calendar
import importlib
import inspect
import math
import pkgutil
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

import socialwork.analysis
import socialwork.calendars
import socialwork.plans
from socialwork.analysis import (
    Offer,
    PriorityWeights,
    RatingBands,
    Risk,
    RiskCategory,
    RiskRegister,
    RiskScore,
    RiskStatus,
    ScoreLevel,
    SwotItem,
    SwotQuadrant,
    match_needs,
    prioritise,
    resource_gaps,
    swot,
)
from socialwork.analysis.risk import HeatMap, RiskBand
from socialwork.calendars import Duty, Frequency, Recurrence, ShortMonth, Weekday
from socialwork.errors import (
    ArgumentError,
    PlanningInputError,
    UnknownCodeError,
    UnknownLanguageError,
)
from socialwork.models import Need, NeedDomain, Period
from socialwork.plans import (
    Logframe,
    LogframeLevel,
    LogframeNode,
    Phase,
    PlanGoal,
    PlanKind,
    PracticeModel,
    WorkPlan,
    check_goal,
    plan_template,
    practice_model,
    risk_catalog,
    schedule,
)
from socialwork.plans.checks import Finding, FindingCode
from socialwork.records import replace
from tests.strategies import PLANNING_RECORDS, work_plans

PROPERTY = settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
AWARE = datetime(2025, 6, 1, 9, 0, tzinfo=UTC)


def planning_record_types() -> set[type[BaseModel]]:
    """Every pydantic record class defined in a module of calendars, analysis or plans."""
    found: set[type[BaseModel]] = set()
    for package in (socialwork.calendars, socialwork.analysis, socialwork.plans):
        for info in pkgutil.iter_modules(package.__path__, f"{package.__name__}."):
            module = importlib.import_module(info.name)
            for _, value in inspect.getmembers(module, inspect.isclass):
                if issubclass(value, BaseModel) and value.__module__ == info.name:
                    found.add(value)
    return found


def test_every_planning_record_has_a_strategy() -> None:
    assert set(PLANNING_RECORDS) == planning_record_types()
    assert len(PLANNING_RECORDS) == 23  # a goal's Target is a record of socialwork.metrics


@pytest.mark.parametrize("model", list(PLANNING_RECORDS), ids=lambda t: t.__name__)
def test_planning_records_round_trip_and_stay_frozen(model: type[BaseModel]) -> None:
    @PROPERTY
    @given(PLANNING_RECORDS[model])
    def check(record: BaseModel) -> None:
        assert model.model_validate_json(record.model_dump_json()) == record
        assert replace(record) == record
        data: dict[str, Any] = {name: getattr(record, name) for name in model.model_fields}
        with pytest.raises(ValidationError) as info:
            model.model_validate({**data, "unexpected": 1})
        assert info.value.errors()[0]["type"] == "extra_forbidden"

    check()


# --- enum parameters take the member or its code -------------------------------------------


def test_reference_data_by_code() -> None:
    assert risk_catalog("youth") == risk_catalog(PlanKind.YOUTH)
    assert plan_template("elderly_home_care") is plan_template(PlanKind.ELDERLY_HOME_CARE)
    assert practice_model("community_care").model is PracticeModel.COMMUNITY_CARE


@pytest.mark.parametrize(
    ("call", "parameter"),
    [
        (lambda: risk_catalog("nonsense"), "kind"),
        (lambda: plan_template("elderly"), "kind"),
        (lambda: practice_model("casework"), "model"),
        (lambda: RiskRegister().ranking("bogus"), "level"),
        (lambda: RiskRegister().heat_map("bogus"), "level"),
        (lambda: swot([]).slot("xy"), "slot"),
    ],
    ids=["risk_catalog", "plan_template", "practice_model", "ranking", "heat_map", "slot"],
)
def test_an_unknown_code_lists_the_codes(call: Any, parameter: str) -> None:
    with pytest.raises(UnknownCodeError) as info:
        call()
    assert info.value.parameter == parameter
    assert info.value.allowed
    assert all(code in str(info.value) for code in info.value.allowed)


def test_a_risk_is_scored_and_rated_by_level_code() -> None:
    risk = Risk(
        id="r",
        title="资金中断",
        category=RiskCategory.FUNDING,
        inherent=RiskScore(likelihood=3, impact=5),
        residual=RiskScore(likelihood=2, impact=3),
    )
    register = RiskRegister(risks=(risk,))
    assert risk.score("residual") == RiskScore(likelihood=2, impact=3)
    rating = register.rating(risk, "inherent")
    assert rating is not None
    assert (rating.level, rating.rating, rating.band) == (ScoreLevel.INHERENT, 15, RiskBand.HIGH)
    assert register.ranking("target") == ()
    with pytest.raises(UnknownCodeError):
        risk.score("worst")


# --- scales: a heat map and rating bands ---------------------------------------------------


@pytest.mark.parametrize(
    ("likelihood", "impact"), [(0, 0), (0, 3), (3, 0), (6, 1), (1, 6), (-1, 3), (5, -5)]
)
def test_a_heat_map_cell_is_read_on_its_1_to_5_scales(likelihood: int, impact: int) -> None:
    heat = RiskRegister(
        risks=(
            Risk(
                id="r",
                title="x",
                category=RiskCategory.SAFETY,
                inherent=RiskScore(likelihood=5, impact=5),
            ),
        )
    ).heat_map()
    assert heat.at(5, 5) == ("r",)
    with pytest.raises(ArgumentError) as info:
        heat.at(likelihood, impact)
    assert info.value.parameter == ("likelihood" if not 1 <= likelihood <= 5 else "impact")
    assert "a whole number from 1 to 5" in str(info.value)
    with pytest.raises(ArgumentError):
        heat.count(likelihood, impact)


def test_a_heat_map_has_five_rows_of_five_cells() -> None:
    with pytest.raises(ArgumentError) as info:
        HeatMap(ScoreLevel.CURRENT, (), ())
    assert info.value.parameter == "cells"
    row = ((),) * 5
    with pytest.raises(ArgumentError):
        HeatMap(ScoreLevel.CURRENT, (row,) * 4 + (((),) * 4,), ())
    assert HeatMap(ScoreLevel.CURRENT, (row,) * 5, ()).total == 0


@pytest.mark.parametrize("rating", [0, -3, 26, 100])
def test_a_band_needs_a_rating_of_1_to_25(rating: int) -> None:
    with pytest.raises(ArgumentError) as info:
        RatingBands().band(rating)
    assert info.value.parameter == "rating"
    assert f"from 1 to 25; got {rating}" in str(info.value)


def test_band_edges() -> None:
    bands = RatingBands()
    assert [bands.band(r) for r in (1, 25)] == [RiskBand.LOW, RiskBand.HIGH]
    with pytest.raises(TypeError):
        bands.band(True)


# --- recurrences: no silent skipping of short months ---------------------------------------

YEAR_2025 = Period(start=date(2025, 1, 1), end=date(2025, 12, 31))
YEAR_2024 = Period(start=date(2024, 1, 1), end=date(2024, 12, 31))


def occurrences(rule: Recurrence, year: Period) -> list[date]:
    plan = WorkPlan(
        id="p",
        title="计划",
        overall_goal="目标",
        start=year.start,
        phases=(Phase(id="year", name="全年", first_month=1, last_month=12),),
        duties=(Duty(id="d", name="月末工作", recurrence=rule),),
    )
    assert plan.period == year
    return [o.on for o in schedule(plan, year)]


def monthly(day: int, short: ShortMonth | None, months: tuple[int, ...] = ()) -> Recurrence:
    return Recurrence(frequency=Frequency.MONTHLY, month_day=day, short_month=short, months=months)


@pytest.mark.parametrize("day", [29, 30, 31])
def test_a_day_after_the_28th_needs_a_short_month_choice(day: int) -> None:
    with pytest.raises(ValidationError) as info:
        Recurrence(frequency=Frequency.MONTHLY, month_day=day)
    error = info.value.errors()[0]
    assert (error["type"], error["loc"]) == ("short_month_missing", ("short_month",))
    assert str(day) in error["msg"]
    assert Recurrence(frequency=Frequency.MONTHLY, month_day=28).short_month is None


def test_the_31st_clipped_falls_in_every_month_of_2025() -> None:
    assert occurrences(monthly(31, ShortMonth.CLIP), YEAR_2025) == [
        date(2025, 1, 31),
        date(2025, 2, 28),
        date(2025, 3, 31),
        date(2025, 4, 30),
        date(2025, 5, 31),
        date(2025, 6, 30),
        date(2025, 7, 31),
        date(2025, 8, 31),
        date(2025, 9, 30),
        date(2025, 10, 31),
        date(2025, 11, 30),
        date(2025, 12, 31),
    ]


def test_the_31st_skipped_falls_in_the_seven_long_months() -> None:
    # January, March, May, July, August, October and December have a 31st
    assert occurrences(monthly(31, ShortMonth.SKIP), YEAR_2025) == [
        date(2025, m, 31) for m in (1, 3, 5, 7, 8, 10, 12)
    ]


def test_the_30th_and_29th_in_a_common_and_a_leap_year() -> None:
    # every month but February has a 30th; February 2025 has 28 days, 2024 has 29
    assert len(occurrences(monthly(30, ShortMonth.SKIP), YEAR_2025)) == 11
    clipped = occurrences(monthly(30, ShortMonth.CLIP), YEAR_2025)
    assert len(clipped) == 12
    assert clipped[1] == date(2025, 2, 28)
    assert len(occurrences(monthly(29, ShortMonth.SKIP), YEAR_2025)) == 11
    assert len(occurrences(monthly(29, ShortMonth.SKIP), YEAR_2024)) == 12
    assert occurrences(monthly(29, ShortMonth.CLIP), YEAR_2025)[1] == date(2025, 2, 28)
    assert occurrences(monthly(30, ShortMonth.CLIP, (2,)), YEAR_2024) == [date(2024, 2, 29)]


def test_a_day_that_no_listed_month_has_is_refused_when_skipping() -> None:
    for day, months in ((31, (4, 6, 9, 11)), (30, (2,))):
        with pytest.raises(ValidationError) as info:
            monthly(day, ShortMonth.SKIP, months)
        assert info.value.errors()[0]["type"] == "month_day_never_occurs"
        assert occurrences(monthly(day, ShortMonth.CLIP, months), YEAR_2025)
    # the 29th of February happens in leap years only, so it is allowed
    leap_day = monthly(29, ShortMonth.SKIP, (2,))
    assert occurrences(leap_day, YEAR_2024) == [date(2024, 2, 29)]
    assert occurrences(leap_day, YEAR_2025) == []


def test_a_month_day_belongs_to_a_monthly_rule_without_weekdays() -> None:
    for rule in (
        {"frequency": "weekly", "month_day": 15},
        {"frequency": "monthly", "month_day": 15, "weekdays": ("friday",)},
    ):
        with pytest.raises(ValidationError) as info:
            Recurrence.model_validate(rule)
        assert info.value.errors()[0]["type"] == "month_day_conflict"


def test_a_monthly_rule_limited_to_months_takes_no_interval() -> None:
    # every second month from February would never meet January, May, July or September
    with pytest.raises(ValidationError) as info:
        Recurrence(frequency=Frequency.MONTHLY, interval=2, month_day=15, months=(1, 5, 7, 9))
    error = info.value.errors()[0]
    assert (error["type"], error["loc"]) == ("interval_with_months", ("interval",))
    # a weekly rule may: every second Wednesday of January and May
    fortnightly = Recurrence(
        frequency=Frequency.WEEKLY, interval=2, weekdays=(Weekday.WEDNESDAY,), months=(1, 5)
    )
    assert fortnightly.interval == 2


@PROPERTY
@given(
    st.integers(min_value=1, max_value=28),
    st.lists(st.integers(min_value=1, max_value=12), min_size=1, max_size=12, unique=True),
    st.integers(min_value=1, max_value=12),
)
def test_a_monthly_rule_happens_once_in_each_listed_month(
    day: int, months: list[int], start_month: int
) -> None:
    start = date(2025, start_month, 1)
    plan = WorkPlan(
        id="p",
        title="计划",
        overall_goal="目标",
        start=start,
        phases=(Phase(id="year", name="一年", first_month=1, last_month=12),),
        duties=(
            Duty(
                id="d",
                name="例会",
                recurrence=Recurrence(
                    frequency=Frequency.MONTHLY, month_day=day, months=tuple(sorted(months))
                ),
            ),
        ),
    )
    found = schedule(plan, plan.period)
    assert sorted(o.on.month for o in found) == sorted(months)
    assert all(o.on.day == day for o in found)


def test_once_a_month_from_a_late_start_clips_or_skips_as_told() -> None:
    def from_31_january(short: ShortMonth | None) -> list[date]:
        plan = WorkPlan(
            id="p",
            title="计划",
            overall_goal="目标",
            start=date(2025, 1, 31),
            phases=(Phase(id="all", name="四个月", first_month=1, last_month=4),),
            duties=(
                Duty(
                    id="m",
                    name="例会",
                    recurrence=Recurrence(frequency=Frequency.MONTHLY, short_month=short),
                ),
            ),
        )
        # four plan months: 31 Jan – 30 May
        return [o.on for o in schedule(plan, plan.period)]

    clipped = [date(2025, 1, 31), date(2025, 2, 28), date(2025, 3, 31), date(2025, 4, 30)]
    assert from_31_january(None) == clipped
    assert from_31_january(ShortMonth.CLIP) == clipped
    assert from_31_january(ShortMonth.SKIP) == [date(2025, 1, 31), date(2025, 3, 31)]


@PROPERTY
@given(
    st.integers(min_value=29, max_value=31),
    st.integers(min_value=1990, max_value=2100),
    st.sampled_from(ShortMonth),
)
def test_short_months_are_clipped_or_skipped_never_dropped_silently(
    day: int, year: int, short: ShortMonth
) -> None:
    found = occurrences(monthly(day, short), Period(start=date(year, 1, 1), end=date(year, 12, 31)))
    lengths = {m: calendar.monthrange(year, m)[1] for m in range(1, 13)}
    if short is ShortMonth.CLIP:
        assert found == [date(year, m, min(day, lengths[m])) for m in range(1, 13)]
    else:
        assert found == [date(year, m, day) for m in range(1, 13) if lengths[m] >= day]


@pytest.mark.parametrize("moment", [datetime(2025, 1, 1), AWARE])
def test_a_rule_refuses_a_datetime(moment: datetime) -> None:
    rule = Recurrence(frequency=Frequency.WEEKLY)
    with pytest.raises(ArgumentError) as info:
        rule.rule(dtstart=moment, until=date(2025, 12, 31))
    assert info.value.parameter == "dtstart"
    with pytest.raises(ArgumentError):
        rule.rule(dtstart=date(2025, 1, 1), until=moment)


# --- swot tolerance ------------------------------------------------------------------------

HALVES = (
    SwotItem(id="s", quadrant=SwotQuadrant.STRENGTH, statement="场地", weight=0.5, rating=4),
    SwotItem(id="w", quadrant=SwotQuadrant.WEAKNESS, statement="人手", weight=0.5, rating=1),
)


@pytest.mark.parametrize("tolerance", [math.nan, math.inf, -math.inf, -0.001, 0.2, 1.0])
def test_the_tolerance_is_finite_and_at_most_a_tenth(tolerance: float) -> None:
    with pytest.raises(ArgumentError) as info:
        swot(HALVES, tolerance=tolerance)
    assert info.value.parameter == "tolerance"


def test_the_tolerance_at_its_edges() -> None:
    # 0.5×4 + 0.5×1 = 2.5 with weights summing exactly to 1: tolerance 0 passes
    score = swot(HALVES, tolerance=0).ife
    assert score is not None
    assert score.total == 2.5
    # 0.55 + 0.5 = 1.05: within 0.1, outside the default 0.001
    heavier = (replace(HALVES[0], weight=0.55), HALVES[1])
    assert swot(heavier, tolerance=0.1).ife is not None
    with pytest.raises(PlanningInputError) as info:
        swot(heavier)
    assert info.value.rule == "weights_not_one"
    assert "items" in str(info.value)
    with pytest.raises(TypeError):
        swot(HALVES, tolerance=True)


# --- plans: every reference the date views rely on is checked -------------------------------


def test_an_edit_that_drops_a_referenced_phase_is_refused_at_the_edit() -> None:
    plan = plan_template("community_annual").work_plan(id="y", start=date(2025, 1, 1))
    # the duty "visits" belongs to phase "impl": removing the phases used to pass and
    # make schedule() fail later with a bare KeyError
    edits: list[Callable[[], WorkPlan]] = [
        lambda: plan.model_copy(update={"phases": ()}),
        lambda: replace(plan, phases=()),
    ]
    for edit in edits:
        with pytest.raises(ValidationError) as info:
            edit()
        error = info.value.errors()[0]
        assert (error["type"], error["loc"]) == ("unknown_reference", ("duties", 0, "phase_id"))


def test_a_plan_ends_by_2199() -> None:
    year = (Phase(id="y", name="全年", first_month=1, last_month=12),)
    last = WorkPlan(id="p", title="t", overall_goal="g", start=date(2199, 1, 1), phases=year)
    assert last.period.end == date(2199, 12, 31)
    with pytest.raises(ValidationError) as info:
        replace(last, start=date(2199, 1, 2))
    error = info.value.errors()[0]
    assert (error["type"], error["loc"]) == ("date_out_of_range", ("start",))
    assert "2200-01-01" in error["msg"]


def test_duplicate_ids_in_a_template_are_refused() -> None:
    template = plan_template("youth")
    with pytest.raises(ValidationError) as info:
        replace(template, goals=template.goals + template.goals[:1])
    assert info.value.errors()[0]["type"] == "duplicate_id"


@PROPERTY
@given(work_plans())
def test_the_date_views_of_any_valid_plan_never_fail(plan: WorkPlan) -> None:
    whole = plan.period
    assert whole.start == plan.start
    assert set(plan.phase_periods) == {p.id for p in plan.phases}
    assert all(whole.contains(d) for d in plan.milestone_dates.values())
    for span in plan.phase_periods.values():
        assert whole.start <= span.start <= span.end <= whole.end
    found = schedule(plan, whole)
    assert all(whole.contains(o.on) for o in found)
    assert schedule(plan, replace(whole, end=whole.start)) == tuple(
        o for o in found if o.on == whole.start
    )


def test_the_schedule_takes_a_plan_and_a_period() -> None:
    plan = plan_template("youth").work_plan(id="y", start=date(2025, 1, 1))
    with pytest.raises(TypeError, match="within must be a Period"):
        schedule(plan, "2025")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="plan must be a WorkPlan"):
        schedule(plan_template("youth"), plan.period)  # type: ignore[arg-type]


# --- dates at the boundary -----------------------------------------------------------------


@pytest.mark.parametrize("moment", [datetime(2025, 6, 1), AWARE])
def test_a_datetime_is_refused_where_a_date_is_meant(moment: datetime) -> None:
    with pytest.raises(ArgumentError) as info:
        RiskRegister().overdue_reviews(as_of=moment)
    assert info.value.parameter == "as_of"
    with pytest.raises(ArgumentError) as info:
        plan_template("youth").work_plan(id="y", start=moment)
    assert info.value.parameter == "start"
    risk = Risk(
        id="r", title="x", category=RiskCategory.SAFETY, inherent=RiskScore(likelihood=1, impact=1)
    )
    with pytest.raises(ArgumentError):
        risk.open_on(moment)
    with pytest.raises(ArgumentError):
        RiskRegister().overdue_reviews(as_of=date(1899, 12, 31))


def test_overdue_reviews_read_the_closing_date_not_the_current_status() -> None:
    closed = Risk(
        id="funding",
        title="资金不足",
        category=RiskCategory.FUNDING,
        inherent=RiskScore(likelihood=3, impact=5),
        review_on=date(2025, 3, 31),
        status=RiskStatus.CLOSED,
        closed_on=date(2025, 6, 10),
    )
    register = RiskRegister(risks=(closed,))
    # open from the start until 10 June (not included); its review was due 31 March
    assert register.overdue_reviews(as_of=date(2025, 3, 31)) == ()
    assert register.overdue_reviews(as_of=date(2025, 4, 1)) == ("funding",)
    assert register.overdue_reviews(as_of=date(2025, 6, 9)) == ("funding",)
    assert register.overdue_reviews(as_of=date(2025, 6, 10)) == ()


def test_a_closed_risk_carries_its_closing_date_and_only_a_closed_one() -> None:
    base = {
        "id": "r",
        "title": "x",
        "category": "safety",
        "inherent": RiskScore(likelihood=1, impact=1),
    }
    with pytest.raises(ValidationError) as info:
        Risk.model_validate({**base, "status": "closed"})
    assert info.value.errors()[0]["type"] == "closed_without_date"
    with pytest.raises(ValidationError) as info:
        Risk.model_validate({**base, "status": "monitoring", "closed_on": date(2025, 1, 1)})
    assert info.value.errors()[0]["type"] == "closed_on_while_open"


# --- numbers: bounded, never NaN -----------------------------------------------------------


@pytest.mark.parametrize("staff", [-1, 10**10])
def test_staff_available_is_a_count(staff: int) -> None:
    goal = PlanGoal(id="g", statement="扩大覆盖")
    with pytest.raises(ArgumentError) as info:
        check_goal(goal, staff_available=staff)
    assert info.value.parameter == "staff_available"
    with pytest.raises(TypeError):
        check_goal(goal, staff_available=True)


@pytest.mark.parametrize(
    ("model", "data"),
    [
        (Offer, {"id": "o", "domain": "health", "capacity": 10**5000, "description": "d"}),
        (Offer, {"id": "o", "domain": "health", "capacity": 10**9 + 1, "description": "d"}),
        (PriorityWeights, {"evidence": 1e308, "severity": 1e308, "urgency": 1e308}),
        (PriorityWeights, {"evidence": math.nan}),
        (PriorityWeights, {"evidence": math.inf}),
        (PriorityWeights, {"people_scale": 10**5000}),
        (PlanGoal, {"id": "g", "statement": "s", "priority": 101}),
        (PlanGoal, {"id": "g", "statement": "s", "deadline_month": 121}),
        (Recurrence, {"frequency": "weekly", "interval": 53}),
        (Recurrence, {"frequency": "weekly", "interval": 10**30}),
        (Phase, {"id": "p", "name": "n", "first_month": 1, "last_month": 121}),
        (SwotItem, {"id": "s", "quadrant": "strength", "statement": "x", "weight": math.nan}),
        (SwotItem, {"id": "s", "quadrant": "strength", "statement": "x", "weight": "0.5"}),
    ],
)
def test_numbers_beyond_real_data_are_refused(model: type[BaseModel], data: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        model.model_validate(data)


def test_priority_weights_at_their_bounds_give_finite_scores() -> None:
    need = Need(
        id="n",
        community_id="c",
        domain=NeedDomain.HEALTH,
        description="体检",
        raised_on=date(2025, 6, 1),
        raised_by="居民",
        severity=5,
        urgency=5,
        people_affected=10**9,
    )
    weights = PriorityWeights(
        evidence=1, severity=1, urgency=1, people_affected=1, people_scale=10**9
    )
    # no evidence: (0 + 1 + 1 + 1) / 4 = 0.75
    (priority,) = prioritise([need], weights)
    assert priority.score == priority.upper == 0.75
    (tiny,) = prioritise(
        [need], PriorityWeights(evidence=5e-324, severity=0, urgency=0, people_affected=0)
    )
    assert (tiny.score, tiny.upper) == (0.0, 0.0)


# --- collections: distinct ids and the right records ---------------------------------------


def need(need_id: str) -> Need:
    return Need(
        id=need_id,
        community_id="c",
        domain=NeedDomain.HEALTH,
        description="体检",
        raised_on=date(2025, 6, 1),
        raised_by="居民",
    )


def test_duplicate_ids_name_the_parameter() -> None:
    offer = Offer(id="o", domain=NeedDomain.HEALTH, capacity=1, description="义诊")
    for call, parameter in (
        (lambda: prioritise([need("n"), need("n")]), "needs"),
        (lambda: resource_gaps([need("n")], [offer, offer]), "offers"),
        (lambda: match_needs([need("n"), need("n")], [offer]), "needs"),
        (lambda: swot(HALVES + HALVES[:1]), "items"),
    ):
        with pytest.raises(PlanningInputError) as info:
            call()
        assert info.value.rule == "duplicate_id"
        assert f"distinct ids in {parameter}" in str(info.value)


def test_a_collection_of_the_wrong_records_is_a_type_error() -> None:
    with pytest.raises(TypeError, match=r"items\[0\] must be a SwotItem; got int"):
        swot([1])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="items must be a collection of SwotItem; got str"):
        swot("swot")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"offers\[0\] must be a Offer"):
        match_needs([need("n")], [need("x")])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="weights must be a PriorityWeights"):
        prioritise([need("n")], weights=(0.25, 0.3, 0.3, 0.15))  # type: ignore[arg-type]


def test_children_of_an_unknown_node_is_an_error() -> None:
    frame = Logframe(nodes=(LogframeNode(id="i", level=LogframeLevel.IMPACT, statement="总目标"),))
    assert frame.children("i") == ()
    with pytest.raises(ArgumentError) as info:
        frame.children("nope")
    assert info.value.parameter == "node_id"


# --- text goes through the one Language type ------------------------------------------------


def test_rendered_text_takes_every_language_alias() -> None:
    finding = Finding(FindingCode.NO_DEADLINE, "g1")
    assert finding.message("zh-Hant") == finding.message("zh_TW") == "g1: 目標沒有時間限制"
    assert finding.message("en-US") == "g1: Goal has no time limit"
    with pytest.raises(UnknownLanguageError):
        finding.message("fr")
    entry = risk_catalog("youth")[0]
    risk = entry.as_risk(id="r", inherent=RiskScore(likelihood=2, impact=2), language="EN")
    assert risk.title == "Young people take little part"
    with pytest.raises(UnknownLanguageError):
        entry.as_risk(id="r", inherent=RiskScore(likelihood=2, impact=2), language="de")
    plan = plan_template("outreach").work_plan(id="o", start=date(2025, 1, 1), language="zh_CN")
    assert plan.title == "社会工作新媒体宣传推广计划"
