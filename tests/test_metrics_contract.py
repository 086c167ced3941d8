"""The metrics contract at the edges: only documented errors escape, dates mean what they say.

Each test pins one edge that once broke (a bare OverflowError, a NaN judged
"off track", a table broken by a ``|``, a case closed now counted as closed
in the past), with figures worked out by hand.
"""

from __future__ import annotations

import importlib
import inspect
import math
import re
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any, cast

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

import socialwork.metrics as metrics
from socialwork.errors import (
    ArgumentError,
    MetricInputError,
    SocialWorkError,
    UnknownCodeError,
    UnknownLanguageError,
)
from socialwork.metrics import (
    Baseline,
    Exclusion,
    ExclusionReason,
    FollowUp,
    MembershipGrowth,
    ProportionTest,
    Rate,
    ReportLine,
    Target,
    TargetStatus,
    WilsonInterval,
    benefit_from_counts,
    caseload_per_worker,
    certification_rate,
    combine,
    goal_attainment,
    group_attendance,
    home_visit_completion,
    key_group_coverage,
    key_group_coverage_by_category,
    mean_caseload,
    membership_growth,
    monthly_report,
    need_satisfaction,
    need_satisfaction_from_counts,
    open_cases,
    overdue_follow_ups,
    participation_from_counts,
    population_satisfaction_from_counts,
    rate,
    resource_match_accuracy,
    sample_size,
    staff_turnover,
    survey_satisfaction,
    survey_satisfaction_from_counts,
    two_proportion_test,
    unit_benefit_from_counts,
    unit_participation_from_counts,
    unit_satisfaction_from_counts,
    upcoming_follow_ups,
    volunteer_hours,
    volunteer_stars,
    wilson_interval,
    z_quantile,
)
from socialwork.metrics import catalogue as catalogue_module
from socialwork.metrics import report as report_module
from socialwork.metrics.catalogue import (
    CATALOGUE,
    KEY_GROUP_COVERAGE,
    OVERDUE_FOLLOW_UPS,
    VOLUNTEER_HOURS,
    Indicator,
    StationPeriod,
    indicator,
)
from socialwork.metrics.report import _WORDS
from socialwork.metrics.targets import TargetUnit
from socialwork.models import (
    Case,
    CaseStatus,
    Certification,
    Client,
    ClientCategory,
    Closure,
    ClosureOutcome,
    ContactMode,
    Goal,
    GoalAchievementStatus,
    GoalLifecycleStatus,
    Group,
    GroupKind,
    GroupMember,
    GroupSession,
    Need,
    NeedDomain,
    NeedStatus,
    Period,
    ResourceDelivery,
    SatisfactionSurvey,
    ServiceHours,
    Staff,
    StaffGrade,
    StaffRole,
    StatusChange,
    Visit,
    Volunteer,
)
from socialwork.records import replace
from socialwork.samples import station_month, station_previous_month
from tests.strategies import METRIC_RECORDS, cases

JUNE = station_month()
MAY = station_previous_month()
JUNE_PERIOD = Period.month(2025, 6)


# --- the edges the issue lists -------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "parameter"),
    [
        pytest.param(lambda: rate(10**5000, 0), "numerator", id="rate-huge-numerator"),
        pytest.param(lambda: rate(0, 10**5000), "denominator", id="rate-huge-denominator"),
        pytest.param(lambda: Rate(-(10**400), 1), "numerator", id="rate-huge-negative"),
        pytest.param(lambda: wilson_interval(0, 10**400), "n", id="wilson-huge-n"),
        pytest.param(
            lambda: two_proportion_test(10**300, 10**300, 1, 1), "x1", id="two-proportions-huge"
        ),
        pytest.param(lambda: sample_size(1e-200), "margin", id="sample-size-tiny-margin"),
        pytest.param(
            lambda: sample_size(0.05, population=10**400), "population", id="huge-population"
        ),
        pytest.param(
            lambda: z_quantile(0.9999999999999999), "confidence", id="z-confidence-near-1"
        ),
        pytest.param(lambda: z_quantile(float("nan")), "confidence", id="z-confidence-nan"),
        pytest.param(lambda: wilson_interval(1, 2, 1e-300), "confidence", id="wilson-tiny"),
        pytest.param(
            lambda: combine([rate(10**9, 10**9)] * 2), "numerator", id="combine-above-a-billion"
        ),
        pytest.param(
            lambda: home_visit_completion([], JUNE_PERIOD, 10**30), "planned", id="planned-huge"
        ),
        pytest.param(lambda: rate(1, 2).format(7), "decimals", id="decimals-7"),
        pytest.param(lambda: rate(1, 2).format(-1), "decimals", id="decimals-negative"),
    ],
)
def test_huge_tiny_and_nan_numbers_raise_argument_error(
    call: Callable[[], object], parameter: str
) -> None:
    with pytest.raises(ArgumentError) as info:
        call()
    assert info.value.parameter == parameter
    assert parameter in str(info.value)


def reopened_case(case_id: str, *, closed: date, again: date) -> Case:
    """A case of p1 opened on 1 June, closed on ``closed`` and reopened on ``again``."""
    return Case(
        id=case_id,
        client_id="p1",
        worker_id="s1",
        opened_on=date(2025, 6, 1),
        status=CaseStatus.ASSESSMENT,
        history=(
            StatusChange(on=closed, from_status=CaseStatus.INTAKE, to_status=CaseStatus.CLOSED),
            StatusChange(
                on=again,
                from_status=CaseStatus.CLOSED,
                to_status=CaseStatus.ASSESSMENT,
                reason="复发",
            ),
        ),
    )


def phone_call(case_id: str, on: date) -> Visit:
    """A phone contact v1 with p1 under ``case_id``."""
    return Visit(
        id="v1", client_id="p1", case_id=case_id, on=on, mode=ContactMode.PHONE, worker_id="s1"
    )


def test_the_period_functions_are_gone_for_the_period_methods() -> None:
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("socialwork.metrics.periods")
    for name in ("month", "quarter", "year", "previous_month", "months_in", "evaluate"):
        assert not hasattr(metrics, name)
    with pytest.raises(ArgumentError):
        Period.month(2**63, 1)


@pytest.mark.parametrize(
    "day",
    [date.min, date(1899, 12, 31), date(2200, 1, 1), datetime(2025, 6, 30, tzinfo=UTC)],
    ids=["date-min", "before-1900", "after-2199", "aware-datetime"],
)
def test_as_of_days_outside_the_range_or_with_a_time_are_refused(day: date) -> None:
    calls: list[Callable[[], object]] = [
        lambda: overdue_follow_ups(JUNE.cases, JUNE.visits, as_of=day),
        lambda: upcoming_follow_ups(JUNE.cases, JUNE.visits, as_of=day),
        lambda: open_cases(JUNE.cases, as_of=day),
        lambda: caseload_per_worker(JUNE.cases, as_of=day),
        lambda: mean_caseload(JUNE.cases, JUNE.station.staff, as_of=day),
        lambda: certification_rate(JUNE.station.staff, as_of=day),
        lambda: volunteer_stars(JUNE.volunteers, JUNE.service_hours, as_of=day),
    ]
    for call in calls:
        with pytest.raises(ArgumentError) as info:
            call()
        assert info.value.parameter == "as_of"


def test_as_of_is_keyword_only() -> None:
    positional: Any = overdue_follow_ups
    with pytest.raises(TypeError):
        positional(JUNE.cases, JUNE.visits, date(2025, 6, 30))


@pytest.mark.parametrize("after_days", [-5, -1, 3651])
def test_a_follow_up_rule_of_negative_or_absurd_days_is_refused(after_days: int) -> None:
    # after_days=-5 once counted 8 cases overdue: a contact today "due" five days ago.
    with pytest.raises(ArgumentError) as info:
        overdue_follow_ups(JUNE.cases, JUNE.visits, as_of=date(2025, 6, 30), after_days=after_days)
    assert info.value.parameter == "after_days"
    with pytest.raises(ArgumentError):
        upcoming_follow_ups(
            JUNE.cases, JUNE.visits, as_of=date(2025, 6, 30), within_days=after_days
        )


def test_the_longest_follow_up_rule_still_works() -> None:
    # Ten years after the last contact nobody is overdue on 30 June 2025.
    assert (
        overdue_follow_ups(JUNE.cases, JUNE.visits, as_of=date(2025, 6, 30), after_days=3650) == ()
    )
    late = upcoming_follow_ups(
        JUNE.cases, JUNE.visits, as_of=date(2199, 12, 31), within_days=3650, after_days=3650
    )
    assert late == ()


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


def test_factor_is_one_of_the_documented_scales() -> None:
    with pytest.raises(ValidationError):
        replace(VOLUNTEER_HOURS, factor=10**400)
    with pytest.raises(ValidationError):
        replace(VOLUNTEER_HOURS, factor=7)


def test_enum_parameters_take_codes() -> None:
    withdrawn: Any = "withdrawn"  # typed as the enum, like a record's field; codes work too
    gone: Any = "gone"
    assert Exclusion("w1", withdrawn).reason is ExclusionReason.WITHDRAWN
    with pytest.raises(UnknownCodeError) as info:
        Exclusion("w1", gone)
    assert "withdrawn" in info.value.allowed
    cover = key_group_coverage_by_category(JUNE.clients, JUNE.visits, JUNE.period)
    assert cover.category("living_alone_elderly") == rate(23, 34)  # 23 covered of 34 registered
    assert cover.category("youth") == Rate(0, 0)
    with pytest.raises(UnknownCodeError):
        cover.category("elderly")


def test_an_unknown_report_line_lists_the_codes() -> None:
    report = monthly_report(JUNE, JUNE.period)
    with pytest.raises(UnknownCodeError) as info:
        report.line("happiness")
    assert info.value.allowed == tuple(CATALOGUE)


def test_volunteer_star_thresholds_must_rise() -> None:
    with pytest.raises(ArgumentError) as info:
        volunteer_stars([], [], as_of=date(2025, 6, 30), thresholds=(100, 100, 300))
    assert (info.value.parameter, info.value.value) == ("thresholds", (100, 100, 300))
    assert info.value.expected == "hours rising strictly, such as (100, 300, 600)"
    with pytest.raises(ArgumentError) as negative:
        volunteer_stars([], [], as_of=date(2025, 6, 30), thresholds=(-1, 100))
    assert (negative.value.parameter, negative.value.value) == ("thresholds", -1)


# --- staff turnover counts a departure on the first day -------------------------------------


def member(
    key: str, joined: date, left: date | None, role: StaffRole = StaffRole.FULL_TIME
) -> Staff:
    return Staff(
        id=key,
        name=key,
        role=role,
        grade=StaffGrade.JUNIOR,
        joined_on=joined,
        left_on=left,
        certification=Certification.SOCIAL_WORKER,
    )


def test_staff_turnover_counts_a_departure_on_the_first_day() -> None:
    staff = [
        member("a", date(2024, 1, 1), None),
        member("b", date(2024, 1, 1), date(2025, 6, 1)),  # gone on 1 June: a June departure
        member("c", date(2024, 1, 1), date(2025, 6, 30)),  # gone on the last day of June
        member("d", date(2024, 1, 1), date(2025, 5, 31)),  # gone on 31 May: a May departure
        member("e", date(2025, 6, 1), date(2025, 6, 1)),  # joined and left on 1 June
        member("f", date(2025, 6, 2), None),  # joined during June: not counted
    ]
    # June: at the start a, b, c, e (4); b, c, e left in June: 3 of 4.
    assert str(staff_turnover(staff, JUNE_PERIOD)) == "75.0% (3/4)"
    # May: a, b, c, d at the start; only d left in May: 1 of 4.
    assert str(staff_turnover(staff, Period.month(2025, 5))) == "25.0% (1/4)"
    # July: a and f at the start; nobody left.
    assert str(staff_turnover(staff, Period.month(2025, 7))) == "0.0% (0/2)"


def test_staff_on_staff_on_a_day_for_caseload_and_certification() -> None:
    staff = [
        member("a", date(2025, 6, 10), None),
        member("b", date(2024, 1, 1), date(2025, 6, 10)),
        member("i", date(2024, 1, 1), None, StaffRole.INTERN),
    ]
    one = [Case(id="k1", client_id="p1", worker_id="a", opened_on=date(2025, 6, 1))]
    # On 9 June only b is on staff; on 10 June only a (b left that day); the intern never counts.
    assert mean_caseload(one, staff, as_of=date(2025, 6, 9)) == 1.0
    assert mean_caseload(one, staff, as_of=date(2025, 6, 10)) == 1.0
    assert mean_caseload(one, staff[2:], as_of=date(2025, 6, 10)) is None
    assert [e.record_id for e in certification_rate(staff, as_of=date(2025, 6, 9)).exclusions] == [
        "i"
    ]
    assert str(certification_rate(staff, as_of=date(2025, 6, 9))) == "100.0% (1/1)"
    assert str(certification_rate(staff, as_of=date(2025, 5, 31))) == "100.0% (1/1)"
    assert certification_rate(staff, as_of=date(2025, 6, 10)).denominator == 1


# --- as_of reads dates and history, not the current status ----------------------------------


def closed_case(
    key: str, opened: date, closed: date, worker: str = "s1", *, history: bool = True
) -> Case:
    changes = (
        (StatusChange(on=closed, from_status=CaseStatus.INTAKE, to_status=CaseStatus.CLOSED),)
        if history
        else ()
    )
    return Case(
        id=key,
        client_id="p1",
        worker_id=worker,
        opened_on=opened,
        status=CaseStatus.CLOSED,
        closure=Closure(closed_on=closed, outcome=ClosureOutcome.GOALS_ACHIEVED),
        history=changes,
    )


@pytest.mark.parametrize("history", [True, False], ids=["with-history", "closure-only"])
def test_a_case_closed_later_was_open_before(history: bool) -> None:
    june = closed_case("k9", date(2025, 6, 1), date(2025, 6, 20), history=history)
    assert open_cases([june], as_of=date(2025, 5, 31)) == ()
    assert open_cases([june], as_of=date(2025, 6, 1)) == (june,)
    assert open_cases([june], as_of=date(2025, 6, 19)) == (june,)
    assert open_cases([june], as_of=date(2025, 6, 20)) == ()  # closed that day
    assert caseload_per_worker([june], as_of=date(2025, 6, 10)) == {"s1": 1}
    assert caseload_per_worker([june], as_of=date(2025, 6, 20)) == {}
    staff = [member("s1", date(2024, 1, 1), None)]
    assert mean_caseload([june], staff, as_of=date(2025, 6, 10)) == 1.0
    assert mean_caseload([june], staff, as_of=date(2025, 6, 25)) == 0.0
    # No contact since 1 June: due 8 June; overdue on 10 June, but not once closed.
    (late,) = overdue_follow_ups([june], [], as_of=date(2025, 6, 10))
    assert (late.case_id, late.last_contact, late.due_on) == ("k9", None, date(2025, 6, 8))
    assert late.days_overdue(as_of=date(2025, 6, 10)) == 2
    assert overdue_follow_ups([june], [], as_of=date(2025, 6, 20)) == ()
    (soon,) = upcoming_follow_ups([june], [], as_of=date(2025, 6, 5), within_days=3)
    assert soon.due_on == date(2025, 6, 8)
    assert upcoming_follow_ups([june], [], as_of=date(2025, 6, 4), within_days=3) == ()


def test_a_reopened_case_counts_from_its_reopening() -> None:
    reopened = reopened_case("k9", closed=date(2025, 6, 10), again=date(2025, 6, 15))
    contact = phone_call("k9", date(2025, 6, 5))
    assert open_cases([reopened], as_of=date(2025, 6, 9)) == (reopened,)
    assert open_cases([reopened], as_of=date(2025, 6, 12)) == ()
    assert open_cases([reopened], as_of=date(2025, 6, 15)) == (reopened,)
    # On 12 June it was closed: nothing is due, though its last contact was a week before.
    assert overdue_follow_ups([reopened], [contact], as_of=date(2025, 6, 12)) == ()
    # On 25 June the contact of 5 June predates the reopening: due 22 June, counted from 15 June.
    (late,) = overdue_follow_ups([reopened], [contact], as_of=date(2025, 6, 25))
    assert (late.last_contact, late.due_on) == (None, date(2025, 6, 22))
    # On 9 June the contact of 5 June counts: due 12 June, not yet overdue.
    (soon,) = upcoming_follow_ups([reopened], [contact], as_of=date(2025, 6, 9))
    assert (soon.last_contact, soon.due_on) == (date(2025, 6, 5), date(2025, 6, 12))


def test_contacts_after_as_of_do_not_count() -> None:
    case = Case(id="k9", client_id="p1", worker_id="s1", opened_on=date(2025, 6, 1))

    def call(on: date) -> Visit:
        return Visit(
            id=f"v{on.day}",
            client_id="p1",
            case_id="k9",
            on=on,
            mode=ContactMode.PHONE,
            worker_id="s1",
        )

    # A contact on as_of itself counts; one the day after does not.
    assert overdue_follow_ups([case], [call(date(2025, 6, 20))], as_of=date(2025, 6, 20)) == ()
    (late,) = overdue_follow_ups([case], [call(date(2025, 6, 21))], as_of=date(2025, 6, 20))
    assert late.last_contact is None


@settings(max_examples=200)
@given(cases(), st.dates(min_value=date(2019, 12, 1), max_value=date(2031, 1, 31)))
def test_open_cases_agree_with_case_open_on(case: Case, day: date) -> None:
    assert (open_cases([case], as_of=day) == (case,)) is case.open_on(day)
    assert sum(caseload_per_worker([case], as_of=day).values()) == case.open_on(day)


# --- the period filters ----------------------------------------------------------------------


def delivery(key: str, on: date, matched: bool | None) -> ResourceDelivery:
    return ResourceDelivery(
        id=key, resource_id="r1", recipient_id="m1", delivered_on=on, matched_need=matched
    )


def need(key: str, on: date, status: NeedStatus) -> Need:
    resolved = date(2025, 7, 31) if status in (NeedStatus.MET, NeedStatus.WITHDRAWN) else None
    return Need(
        id=key,
        community_id="c1",
        domain=NeedDomain.ELDERLY_CARE,
        description="陪同就医",
        raised_on=on,
        raised_by="居民",
        status=status,
        resolved_on=resolved,
    )


def test_resource_match_accuracy_counts_the_period_only() -> None:
    deliveries = [
        delivery("d0", date(2025, 5, 31), True),  # the day before: out
        delivery("d1", date(2025, 6, 1), True),  # first day: in
        delivery("d2", date(2025, 6, 30), False),  # last day: in
        delivery("d3", date(2025, 7, 1), True),  # the day after: out
        delivery("d4", date(2025, 6, 15), None),  # in, unchecked: excluded and listed
        delivery("d5", date(2025, 7, 2), None),  # out, unchecked: not listed
    ]
    accuracy = resource_match_accuracy(deliveries, JUNE_PERIOD)
    assert str(accuracy) == "50.0% (1/2)"
    assert [e.record_id for e in accuracy.exclusions] == ["d4"]


def test_need_satisfaction_counts_the_needs_raised_in_the_period_only() -> None:
    needs = [
        need("n0", date(2025, 5, 31), NeedStatus.MET),  # raised before: out
        need("n1", date(2025, 6, 1), NeedStatus.MET),  # first day: in, met
        need("n2", date(2025, 6, 30), NeedStatus.OPEN),  # last day: in, not met
        need("n3", date(2025, 7, 1), NeedStatus.MET),  # raised after: out
        need("n4", date(2025, 6, 10), NeedStatus.WITHDRAWN),  # in, withdrawn: listed
        need("n5", date(2025, 5, 10), NeedStatus.WITHDRAWN),  # out: not listed
    ]
    met = need_satisfaction(needs, JUNE_PERIOD)
    assert str(met) == "50.0% (1/2)"
    assert [e.record_id for e in met.exclusions] == ["n4"]


# --- star thresholds -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("hours", "evaluation", "stars"),
    [
        ("99.5", 5, 0),
        ("100", 5, 1),
        ("299.5", 5, 1),
        ("300", 5, 2),
        ("600", 5, 3),
        ("1000", 5, 4),
        ("1499.5", 5, 4),
        ("1500", 5, 5),
        ("5000", 5, 5),
        ("1500", 3, 5),  # 3 of 5 still earns stars
        ("1500", 2, 0),  # 2 of 5 does not
        ("1500", None, 0),  # not evaluated: none
    ],
)
def test_star_thresholds(hours: str, evaluation: int | None, stars: int) -> None:
    volunteer = Volunteer(id="v1", name="王阿姨", joined_on=date(2020, 1, 1), evaluation=evaluation)
    total = Decimal(hours)
    days = []
    on = date(2021, 1, 1)
    while total > 0:  # at most 20 hours a day
        served = min(total, Decimal(20))
        days.append(ServiceHours(volunteer_id="v1", on=on, hours=served))
        total -= served
        on += timedelta(days=1)
    as_of = on - timedelta(days=1)  # the last day served counts
    assert volunteer_stars([volunteer], days, as_of=as_of) == {"v1": stars}


def test_hours_after_as_of_do_not_count_for_stars() -> None:
    volunteer = Volunteer(id="v1", name="王阿姨", joined_on=date(2020, 1, 1), evaluation=4)
    hours = [
        ServiceHours(volunteer_id="v1", on=date(2025, 6, day), hours=Decimal(20))
        for day in (1, 2, 3, 4, 5)
    ]  # 100 hours by 5 June
    assert volunteer_stars([volunteer], hours, as_of=date(2025, 6, 5)) == {"v1": 1}
    assert volunteer_stars([volunteer], hours, as_of=date(2025, 6, 4)) == {"v1": 0}


# --- target status at the boundaries ---------------------------------------------------------


def plan(baseline_on: date, target_period: Period, target: float = 95) -> Any:
    return replace(
        KEY_GROUP_COVERAGE,
        baseline=Baseline(value=75, on=baseline_on),
        targets=(Target(value=target, unit=TargetUnit.PERCENT, period=target_period),),
    )


def test_a_target_applies_to_a_period_it_contains_ends_included() -> None:
    q2 = Period.quarter(2025, 2)
    dated = plan(date(2024, 12, 31), q2)
    assert dated.target_for(q2) is not None  # the same period: both ends equal
    assert dated.target_for(Period(start=date(2025, 4, 1), end=date(2025, 4, 1))) is not None
    assert dated.target_for(Period(start=date(2025, 6, 30), end=date(2025, 6, 30))) is not None
    assert dated.target_for(Period(start=date(2025, 3, 31), end=date(2025, 4, 30))) is None
    assert dated.target_for(Period(start=date(2025, 6, 1), end=date(2025, 7, 1))) is None


def test_a_baseline_dated_on_the_targets_last_day_cannot_be_on_track() -> None:
    # The line from a baseline on the target's last day has no length: off track, never a
    # division by zero.
    late = plan(date(2025, 12, 31), Period.year(2025))
    assert late.judge(rate(51, 60), Period.month(2025, 6)).status is TargetStatus.OFF_TRACK
    after = plan(date(2026, 1, 31), Period.year(2025))
    assert after.judge(rate(51, 60), Period.month(2025, 6)).status is TargetStatus.OFF_TRACK


def test_on_track_the_day_before_the_target_ends_and_off_track_on_it() -> None:
    year = Period.year(2025)
    line = plan(date(2024, 12, 31), year)
    # On 30 December the line stands at 75 + 20 * 364/365 = 94.945 → 94.9 shown: 94.9% is on it.
    december = Period(start=date(2025, 12, 1), end=date(2025, 12, 30))
    assert line.judge(rate(949, 1000), december).status is TargetStatus.ON_TRACK
    # 94.8% is below it, but its 95% Wilson interval, 93.2%-96.0%, holds 94.9.
    assert line.judge(rate(948, 1000), december).status is TargetStatus.NOT_DISTINGUISHABLE
    # Without counts, 94.8 is more than half the way from 75 to 94.945 before the due date.
    assert line.judge(0.948, december).status is TargetStatus.AT_RISK
    # On the last day the target itself must be met: 94.9 without counts misses 95, and
    # 949/1000 (interval 93.4%-96.1%) cannot be told from it.
    assert line.judge(0.949, Period.month(2025, 12)).status is TargetStatus.OFF_TRACK
    assert line.judge(rate(949, 1000), Period.month(2025, 12)).status.value == (
        "not_distinguishable"
    )


def test_a_period_ending_before_the_baseline_is_not_yet_due() -> None:
    line = plan(date(2025, 3, 31), Period.year(2025))
    # January ends before the baseline date: no time towards the target has passed.
    january = Period.month(2025, 1)
    assert line.progress(january) == 0
    assert line.judge(rate(75, 100), january).status is TargetStatus.NOT_YET_DUE
    assert line.judge(rate(74, 100), january).status is TargetStatus.NOT_YET_DUE
    # The end of April is 30 of 275 days along: expected 75 + 20 * 30/275 = 77.18.
    april = Period.month(2025, 4)
    assert line.judge(0.772, april).status is TargetStatus.ON_TRACK
    assert line.judge(0.771, april).status is TargetStatus.AT_RISK


def test_lower_is_better_at_the_shown_precision() -> None:
    june = Period.month(2025, 6)
    assert OVERDUE_FOLLOW_UPS.judge(0, june).status is TargetStatus.ACHIEVED
    assert OVERDUE_FOLLOW_UPS.judge(1, june).status is TargetStatus.OFF_TRACK
    # Shown without decimals, 0.4 case rounds to 0 and meets the target of none.
    assert OVERDUE_FOLLOW_UPS.judge(0.4, june).status is TargetStatus.ACHIEVED
    assert OVERDUE_FOLLOW_UPS.judge(Decimal("0.6"), june).status is TargetStatus.OFF_TRACK
    assert OVERDUE_FOLLOW_UPS.judge(None, june).status is TargetStatus.NO_DATA


# --- the report: built from the catalogue, each indicator once, in every language -------------


def test_the_report_has_one_line_per_catalogue_entry_in_order() -> None:
    report = monthly_report(JUNE, JUNE.period, MAY)
    assert [line.definition.code for line in report.lines] == list(CATALOGUE)
    assert all(
        line.definition is CATALOGUE[line.definition.code].definition for line in report.lines
    )


def test_the_report_measures_each_shared_figure_once_per_bundle(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: dict[str, int] = {"coverage": 0, "overdue": 0, "attendance": 0}

    def counting(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            calls[name] += 1
            return function(*args, **kwargs)

        return wrapper

    for name, attribute in (
        ("coverage", "key_group_coverage_by_category"),
        ("overdue", "overdue_follow_ups"),
        ("attendance", "group_attendance"),
    ):
        monkeypatch.setattr(
            catalogue_module, attribute, counting(name, getattr(catalogue_module, attribute))
        )
    report = monthly_report(JUNE, JUNE.period, MAY)
    # Once for June and once for May; attendance once per group and bundle (3 groups in June).
    assert calls == {"coverage": 2, "overdue": 2, "attendance": len(JUNE.groups) + len(MAY.groups)}
    assert report.line("key_group_coverage").value == rate(65, 76)
    assert report.line("group_attendance").value == rate(117, 130)


def test_the_changes_of_plain_numbers() -> None:
    report = monthly_report(JUNE, JUNE.period, MAY)
    # Volunteer hours: 100 in June, no hours recorded in May: no data, so no change.
    assert report.line("volunteer_hours").change is None
    # Overdue: 3 against 0 in May (five cases followed up weekly): +3.
    assert report.line("overdue_follow_ups").change == 3.0
    # Caseload: 8 open cases over 6 workers in June, 5 over 6 in May: +0.5.
    assert report.line("mean_caseload").change == pytest.approx(8 / 6 - 5 / 6)
    # Satisfaction, a rate: 60/65 = 92.31% against 55/63 = 87.30%, +5.01 points.
    assert report.line("survey_satisfaction").change == pytest.approx(100 * (60 / 65 - 55 / 63))


def test_the_report_in_english() -> None:
    text = monthly_report(JUNE, JUNE.period, MAY).to_markdown("en")
    lines = text.splitlines()
    assert lines[0] == "# 幸福街道社工站 monthly indicator report"
    assert lines[2] == "Period: 2025-06-01 to 2025-06-30; compared with: 2025-05-01 to 2025-05-31"
    assert lines[4] == "| Indicator | This period | Previous | Change | Target | Status |"
    for row in (
        "| Key-group coverage | 85.5% (65/76) | 78.9% (60/76) | +6.6 pp | ≥ 95.0% | Off track |",
        "| Satisfaction (survey) | 92.3% (60/65) | 87.3% (55/63) | +5.0 pp | — | No target |",
        "| Overdue follow-ups | 3 cases | 0 cases | +3 cases | ≤ 0 cases | Off track |",
        "| Volunteer hours | 100 hours | n/a | — | — | No target |",
        "## Key-group coverage by category",
        "| Category | Coverage |",
        "| Minimum-livelihood guarantee | 100.0% (15/15) |",
        "## Groups",
        "| Group | Attendance | Members (start → end) |",
        "## Overdue follow-ups (2025-06-30)",
        "| Case | Worker | Last contact | Due on |",
        "| k8 | s4 | — | 2025-06-16 |",
        "| k4 | s4 | 2025-06-18 | 2025-06-25 |",
        "## Exclusions",
        "- Certification rate: s7 (Interns are not counted)",
    ):
        assert row in lines, row
    assert monthly_report(JUNE, JUNE.period, MAY).to_markdown("en-US") == text


def test_the_report_without_a_previous_period_or_exclusions() -> None:
    bare = replace(JUNE, station=replace(JUNE.station, staff=JUNE.station.staff[:6]))
    text = monthly_report(bare, bare.period).to_markdown("en")
    assert "Period: 2025-06-01 to 2025-06-30\n" in text
    assert "compared with" not in text
    assert text.endswith("## Exclusions\n\n- none\n")
    assert monthly_report(bare, bare.period).to_markdown().endswith("## 排除项\n\n- 无\n")


def test_the_report_in_traditional_chinese() -> None:
    to_traditional = opencc.OpenCC("s2t")
    for key, simplified in _WORDS["zh-Hans"].items():
        assert _WORDS["zh-Hant"][key] == to_traditional.convert(simplified), key
    report = monthly_report(JUNE, JUNE.period, MAY)
    text = report.to_markdown("zh-TW")
    assert text == report.to_markdown("zh-Hant") == report.to_markdown("zh_HK")
    assert "| 重點人羣覆蓋(按類別)" not in text  # a heading, not a table row
    assert "## 重點人羣覆蓋(按類別)" in text
    assert "| 獨居老人 | 67.6% (23/34) |" in text
    assert "+5.0 個百分點" in text
    assert "未達預期" in text
    assert report.to_markdown("zh_CN") == report.to_markdown()
    with pytest.raises(UnknownLanguageError):
        report.to_markdown("fr")


def refusal(call: Callable[[], object]) -> object:
    """What ``call`` returns, or the `SocialWorkError` it raises."""
    try:
        return call()
    except SocialWorkError as err:
        return err


def cells(row: str) -> list[str]:
    """The cells of a Markdown table row, split on the bars that are not escaped."""
    return [c.strip() for c in re.split(r"(?<!\\)\|", row)[1:-1]]


def test_names_with_bars_and_line_breaks_cannot_break_the_tables() -> None:
    sunset, *others = JUNE.groups
    odd = replace(
        JUNE,
        station=replace(JUNE.station, name="幸福|街道\n社工站"),
        groups=(replace(sunset, name="夕阳|红\r\n小组 \\ 一"), *others),
    )
    text = monthly_report(odd, odd.period).to_markdown()
    lines = text.splitlines()
    assert lines[0] == "# 幸福\\|街道 社工站 月度指标报告"  # every text is escaped, headings too
    (row,) = [line for line in lines if line.startswith("| 夕阳")]
    assert cells(row) == ["夕阳\\|红 小组 \\\\ 一", "90.0% (45/50)", "8 → 15"]
    header = next(i for i, line in enumerate(lines) if line.startswith("| 小组 |"))
    for table_row in lines[header : header + 5]:
        assert len(cells(table_row)) == 3


# --- records and the public API --------------------------------------------------------------


@pytest.mark.parametrize("model", list(METRIC_RECORDS), ids=lambda t: t.__name__)
@settings(max_examples=30)
@given(data=st.data())
def test_metric_records_round_trip(model: type[BaseModel], data: st.DataObject) -> None:
    record = data.draw(METRIC_RECORDS[model])
    assert model.model_validate_json(record.model_dump_json()) == record


def test_protocols_and_constants_stay_in_their_modules() -> None:
    for name in (
        "CaseLike",
        "VisitLike",
        "CATALOGUE",
        "KEY_GROUP_COVERAGE",
        "STAR_HOURS",
        "IMPROVED",
    ):
        assert name not in metrics.__all__
    assert len(metrics.__all__) < 92


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


@settings(max_examples=200)
@given(
    st.integers(min_value=-(10**20), max_value=10**20),
    st.integers(min_value=-(10**20), max_value=10**20),
)
def test_counts_form_a_rate_or_are_refused(numerator: int, denominator: int) -> None:
    result = refusal(lambda: rate(numerator, denominator))
    if isinstance(result, MetricInputError):
        assert 0 <= denominator < numerator
    elif isinstance(result, ArgumentError):
        assert result.parameter in ("numerator", "denominator")
    else:
        assert isinstance(result, Rate)
        assert result.value is None or 0 <= result.value <= 1
        low, high = result.wilson()
        assert 0 <= low <= high <= 1


@settings(max_examples=200)
@given(st.floats(), st.floats(), st.floats())
def test_survey_statistics_return_or_refuse(margin: float, confidence: float, p: float) -> None:
    needed = refusal(lambda: sample_size(margin, confidence, p))
    if isinstance(needed, ArgumentError):
        assert needed.parameter in ("margin", "confidence", "p")
    else:
        assert isinstance(needed, int)
        assert needed >= 1
    z = refusal(lambda: z_quantile(confidence))
    if isinstance(z, ArgumentError):
        assert z.parameter == "confidence"
    else:
        assert isinstance(z, float)
        assert 0 < z < 4


def test_categories_in_the_report_follow_the_enum() -> None:
    report = monthly_report(JUNE, JUNE.period)
    order = list(ClientCategory)
    found = [order.index(c) for c, _ in report.coverage_by_category]
    assert found == sorted(found)


def test_results_built_by_hand_are_checked_too() -> None:
    with pytest.raises(ArgumentError):
        WilsonInterval(float("nan"), 0.5, 0.95)
    with pytest.raises(ArgumentError):
        WilsonInterval(0.6, 0.5, 0.95)
    with pytest.raises(ArgumentError):
        WilsonInterval(0.1, 0.5, 1.0)
    assert WilsonInterval(0.1, 0.5, 0.95).width == pytest.approx(0.4)
    with pytest.raises(ArgumentError):
        ProportionTest(0.1, float("inf"), 0.5)
    with pytest.raises(ArgumentError):
        ProportionTest(0.1, 1.0, 1.5)
    with pytest.raises(ArgumentError):
        MembershipGrowth("g1", -1, 3)
    assert MembershipGrowth("g1", 8, 3).change == -5


def test_a_catalogue_entry_by_code() -> None:
    assert indicator("overdue_follow_ups").definition is OVERDUE_FOLLOW_UPS
    assert indicator("key_group_coverage").measure(StationPeriod(JUNE, JUNE.period)) == rate(65, 76)
    with pytest.raises(UnknownCodeError) as info:
        indicator("happiness")
    assert info.value.allowed == tuple(CATALOGUE)


# --- what mutation testing found unread: names in errors, boundaries, layout -----------------


FORMULAS = (
    benefit_from_counts,
    need_satisfaction_from_counts,
    participation_from_counts,
    population_satisfaction_from_counts,
    survey_satisfaction_from_counts,
    unit_benefit_from_counts,
    unit_participation_from_counts,
    unit_satisfaction_from_counts,
)


@pytest.mark.parametrize("formula", FORMULAS, ids=lambda f: f.__name__)
def test_a_formula_names_its_own_parameters(formula: Callable[[int, int], Rate]) -> None:
    part, whole = inspect.signature(formula).parameters
    assert str(formula(3, 4)) == "75.0% (3/4)"
    with pytest.raises(MetricInputError) as above:
        formula(5, 4)
    assert (above.value.parameter, above.value.value) == (part, 5)
    assert str(above.value) == f"{part} must be at most {whole} 4; got 5"
    with pytest.raises(ArgumentError) as negative:
        formula(-1, 4)
    assert negative.value.parameter == part
    with pytest.raises(ArgumentError) as empty:
        formula(1, -4)
    assert empty.value.parameter == whole


def test_errors_keep_the_parameter_the_value_and_the_rule() -> None:
    with pytest.raises(MetricInputError) as above:
        rate(5, 4)
    assert (above.value.value, above.value.expected) == (5, "at most the denominator 4")
    with pytest.raises(MetricInputError) as successes:
        wilson_interval(5, 4)
    assert (successes.value.value, successes.value.expected) == (5, "at most n 4")
    with pytest.raises(MetricInputError) as second:
        two_proportion_test(1, 2, 3, 2)
    assert (second.value.value, second.value.expected) == (3, "at most n2 2")
    with pytest.raises(ArgumentError) as days:
        overdue_follow_ups([], [], as_of=date(2025, 6, 30), after_days=-5)
    assert str(days.value) == "after_days must be a whole number of days from 0 to 3650; got -5"
    assert days.value.value == -5
    for keyword in ("within_days", "after_days"):
        with pytest.raises(ArgumentError) as window:
            upcoming_follow_ups([], [], as_of=date(2025, 6, 30), **{keyword: 3651})
        assert window.value.parameter == keyword
    with pytest.raises(TypeError, match="after_days must be an int"):
        overdue_follow_ups([], [], as_of=date(2025, 6, 30), after_days=cast(Any, "7"))
    with pytest.raises(ArgumentError) as places:
        rate(1, 2).format(7)
    assert str(places.value) == "decimals must be a number of decimal places from 0 to 6; got 7"
    with pytest.raises(ArgumentError) as due:
        FollowUp("k1", "s1", None, date(2025, 6, 1)).days_overdue(as_of=datetime(2025, 6, 2, 9))
    assert due.value.parameter == "as_of"
    with pytest.raises(UnknownCodeError) as category:
        key_group_coverage_by_category([], [], JUNE_PERIOD).category("elderly")
    assert category.value.parameter == "category"
    with pytest.raises(UnknownCodeError) as line:
        monthly_report(JUNE, JUNE.period).line("happiness")
    assert (line.value.parameter, line.value.value) == ("code", "happiness")
    with pytest.raises(UnknownCodeError) as status:
        ReportLine(VOLUNTEER_HOURS, 1, None, None, None, cast(Any, "great"))
    assert status.value.parameter == "status"
    with pytest.raises(UnknownCodeError) as reason:
        Exclusion("w1", cast(Any, "gone"))
    assert reason.value.parameter == "reason"
    with pytest.raises(UnknownCodeError) as entry:
        indicator(cast(Any, ["key_group_coverage"]))
    assert (entry.value.parameter, entry.value.value) == ("code", ["key_group_coverage"])


def test_figures_up_to_the_bound_and_the_bound_message() -> None:
    assert VOLUNTEER_HOURS.format(10**15) == "1000000000000000小时"
    assert VOLUNTEER_HOURS.format(1e15) == "1000000000000000小时"
    assert VOLUNTEER_HOURS.format(-(10**15)) == "-1000000000000000小时"
    for value in (10**15 + 1, 1.0000001e15, Decimal("1000000000000001"), Decimal("NaN")):
        with pytest.raises(ArgumentError) as info:
            VOLUNTEER_HOURS.format(value)
        assert (info.value.parameter, info.value.value) == ("value", value)
        assert info.value.expected == "a finite number from -1e+15 to 1e+15"
    with pytest.raises(TypeError, match="value must be a number; got bool"):
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


def test_the_nearest_of_two_dated_targets_ending_together_is_the_first() -> None:
    first, second = (
        Target(value=90, unit=TargetUnit.PERCENT, period=Period.year(2025)),
        Target(value=80, unit=TargetUnit.PERCENT, period=Period.year(2025)),
    )
    both = replace(KEY_GROUP_COVERAGE, targets=(first, second))
    assert both.target_for(JUNE_PERIOD) is both.targets[0]


def test_survey_bounds_at_their_edges() -> None:
    # Two samples of one: 1/1 against 0/1, pooled 1/2: z = 1 / sqrt(0.25 * 2) = 1.414.
    single = two_proportion_test(1, 1, 0, 1)
    assert single.z == pytest.approx(math.sqrt(2))
    # Margin 0.5 is the largest: n0 = 1.96² * 0.25 / 0.25 = 3.84 -> 4.
    assert sample_size(0.5) == 4
    with pytest.raises(ArgumentError):
        sample_size(0.51)
    # Cochran for tiny populations: 3.8415 / (1 + 2.8415 / 5) = 2.45 -> 3;
    # 3.8415 / (1 + 2.8415 / 10) = 2.99 -> 3; a population of one needs one.
    assert sample_size(0.5, population=5) == 3
    assert sample_size(0.5, population=10) == 3
    assert sample_size(0.05, population=1) == 1
    for p in (0.0, 1.0):
        with pytest.raises(ArgumentError) as strict:
            sample_size(0.05, p=p)
        assert str(strict.value) == f"p must be a finite number strictly between 0 and 1; got {p}"
    with pytest.raises(ArgumentError) as beyond:
        sample_size(0.05, p=1.5)
    assert (beyond.value.parameter, beyond.value.expected) == ("p", "a finite number from 0 to 1")
    interval = rate(46, 50).wilson(0.99)
    assert interval.confidence == 0.99
    assert interval.width > rate(46, 50).wilson().width


def test_hand_built_intervals_may_be_a_point_but_not_reversed() -> None:
    assert WilsonInterval(0.5, 0.5, 0.95).width == 0
    with pytest.raises(ArgumentError) as reversed_:
        WilsonInterval(0.6, 0.5, 0.95)
    assert (reversed_.value.parameter, reversed_.value.value) == ("low", 0.6)
    assert reversed_.value.expected == "at most high 0.5"
    for low, high, name in ((-0.1, 0.5, "low"), (1.2, 1.0, "low"), (0.1, 1.1, "high")):
        with pytest.raises(ArgumentError) as outside:
            WilsonInterval(low, high, 0.95)
        assert (outside.value.parameter, outside.value.expected) == (
            name,
            "a finite number from 0 to 1",
        )
    for difference, z, p_value, name in (
        (1.5, 0.0, 0.5, "difference"),
        (-1.5, 0.0, 0.5, "difference"),
        (0.0, float("nan"), 0.5, "z"),
        (0.0, 0.0, -0.5, "p_value"),
    ):
        with pytest.raises(ArgumentError) as figure:
            ProportionTest(difference, z, p_value)
        assert figure.value.parameter == name
    assert ProportionTest(-1.0, -40.0, 0.0).p_value == 0.0


def session(on: date, attended: tuple[str, ...]) -> GroupSession:
    return GroupSession(on=on, attended=attended)


def test_dated_records_count_on_the_first_and_last_day_only_within_the_period() -> None:
    days = (date(2025, 5, 31), date(2025, 6, 1), date(2025, 6, 30), date(2025, 7, 1))
    group = Group(
        id="g1",
        name="夕阳红",
        kind=GroupKind.MUTUAL_AID,
        community_id="c1",
        started_on=date(2025, 5, 1),
        members=(GroupMember(member_id="p1", joined_on=date(2025, 5, 1)),),
        sessions=tuple(session(day, ("p1",) if day.month == 6 else ()) for day in days),
    )
    # Two June sessions, p1 at both: 2 of 2; the May and July sessions (nobody came) are out.
    assert str(group_attendance([group], JUNE_PERIOD)) == "100.0% (2/2)"
    growth = membership_growth(group, JUNE_PERIOD)
    assert (growth.group_id, growth.at_start, growth.at_end) == ("g1", 1, 1)
    hours = [
        ServiceHours(volunteer_id="v1", on=day, hours=Decimal(n + 1)) for n, day in enumerate(days)
    ]
    # June 1 (2 hours) and June 30 (3 hours).
    assert volunteer_hours(hours, JUNE_PERIOD) == Decimal(5)
    empty = volunteer_hours([], JUNE_PERIOD)
    assert (empty, type(empty)) == (Decimal(0), Decimal)
    surveys = [
        SatisfactionSurvey(
            id=f"s{n}", population="重点人群", conducted_on=day, respondents=10, satisfied=n
        )
        for n, day in enumerate(days)
    ]
    # June 1 (1 of 10) and June 30 (2 of 10).
    assert str(survey_satisfaction(surveys, JUNE_PERIOD)) == "15.0% (3/20)"
    clients = [
        Client(
            id=f"p{n}",
            name=f"对象{n}",
            community_id="c1",
            registered_on=date(2025, 1, 1),
            categories=(ClientCategory.LIVING_ALONE_ELDERLY,),
        )
        for n in range(4)
    ]
    visits = [
        Visit(id=f"v{n}", client_id=f"p{n}", on=day, mode=ContactMode.HOME_VISIT, worker_id="s1")
        for n, day in enumerate(days)
    ]
    # p1 (1 June) and p2 (30 June) of four: 50%.
    assert str(key_group_coverage(clients, visits, JUNE_PERIOD)) == "50.0% (2/4)"


def test_exclusions_are_listed_in_id_order() -> None:
    deliveries = [delivery(key, date(2025, 6, 10), None) for key in ("d9", "d2", "d5")]
    assert [e.record_id for e in resource_match_accuracy(deliveries, JUNE_PERIOD).exclusions] == [
        "d2",
        "d5",
        "d9",
    ]
    needs = [need(key, date(2025, 6, 10), NeedStatus.WITHDRAWN) for key in ("n9", "n2", "n5")]
    assert [e.record_id for e in need_satisfaction(needs, JUNE_PERIOD).exclusions] == [
        "n2",
        "n5",
        "n9",
    ]
    goals = (
        Goal(id="g2", description="d", target="t", lifecycle_status=GoalLifecycleStatus.CANCELLED),
        Goal(id="g1", description="d", target="t"),
        Goal(
            id="g3",
            description="d",
            target="t",
            lifecycle_status=GoalLifecycleStatus.ACTIVE,
            achievement_status=GoalAchievementStatus.ACHIEVED,
        ),
    )
    case = Case(id="k1", client_id="p1", worker_id="s1", opened_on=date(2025, 6, 1), goals=goals)
    attained = goal_attainment([case])
    assert str(attained) == "100.0% (1/1)"
    assert [(e.record_id, e.reason) for e in attained.exclusions] == [
        ("k1/g1", ExclusionReason.GOAL_NOT_ASSESSED),
        ("k1/g2", ExclusionReason.GOAL_VOID),
    ]


def test_home_visits_above_the_plan_are_the_latest_ones() -> None:
    visits = [
        Visit(
            id=f"v{day}",
            client_id="p1",
            on=date(2025, 6, day),
            mode=ContactMode.HOME_VISIT,
            worker_id="s1",
        )
        for day in (9, 3, 5, 7)
    ]
    done = home_visit_completion(visits, JUNE_PERIOD, 2)
    assert str(done) == "100.0% (2/2)"
    assert [e.record_id for e in done.exclusions] == ["v7", "v9"]


def test_a_case_recorded_as_closed_from_the_start_opens_on_its_reopening() -> None:
    case = Case(
        id="k9",
        client_id="p1",
        worker_id="s1",
        opened_on=date(2025, 6, 1),
        status=CaseStatus.ASSESSMENT,
        history=(
            StatusChange(
                on=date(2025, 6, 10),
                from_status=CaseStatus.CLOSED,
                to_status=CaseStatus.ASSESSMENT,
                reason="重新接案",
            ),
        ),
    )
    assert open_cases([case], as_of=date(2025, 6, 5)) == ()
    assert open_cases([case], as_of=date(2025, 6, 10)) == (case,)
    assert case.open_on(date(2025, 6, 5)) is False


def test_follow_ups_at_their_edges() -> None:
    closed = closed_case("k1", date(2025, 6, 1), date(2025, 6, 5))
    open_ = Case(id="k2", client_id="p1", worker_id="s2", opened_on=date(2025, 6, 1))
    # A case not open on as_of is skipped, and the next one still counted.
    assert [
        f.case_id for f in overdue_follow_ups([closed, open_], [], as_of=date(2025, 6, 20))
    ] == ["k2"]
    # Due today: upcoming (not overdue), with the default window of 3 days.
    (today,) = upcoming_follow_ups([open_], [], as_of=date(2025, 6, 8))
    assert today.due_on == date(2025, 6, 8)
    assert today.days_overdue(as_of=date(2025, 6, 8)) == 0
    assert overdue_follow_ups([open_], [], as_of=date(2025, 6, 8)) == ()
    assert [f.due_on for f in upcoming_follow_ups([open_], [], as_of=date(2025, 6, 5))] == [
        date(2025, 6, 8)
    ]
    assert upcoming_follow_ups([open_], [], as_of=date(2025, 6, 4)) == ()
    # A contact on the day a case reopens counts as a contact of the new span.
    reopened = reopened_case("k3", closed=date(2025, 6, 3), again=date(2025, 6, 10))
    call = phone_call("k3", date(2025, 6, 10))
    (due,) = upcoming_follow_ups([reopened], [call], as_of=date(2025, 6, 15))
    assert (due.last_contact, due.due_on) == (date(2025, 6, 10), date(2025, 6, 17))


def test_changes_against_the_same_month_are_zero() -> None:
    report = monthly_report(JUNE, JUNE.period, JUNE)
    for code in ("volunteer_hours", "mean_caseload", "overdue_follow_ups", "key_group_coverage"):
        assert report.line(code).change == 0.0, code
    home = report.line("home_visit_completion")
    assert (home.value, home.change) == (rate(32, 60), 0.0)  # 8 home visits a week of 15


def test_the_markdown_layout() -> None:
    empty = replace(JUNE, groups=(), cases=(), visits=())
    lines = monthly_report(empty, empty.period).to_markdown("en").splitlines()
    assert lines[1] == ""
    assert lines[3] == ""
    assert lines[5] == "|---|---|---|---|---|---|"
    for index, text in enumerate(lines):
        if text.startswith("## "):
            assert lines[index - 1] == "", text
            assert lines[index + 1] == "", text
    assert "| — | — | — |" in lines  # no group: one row of dashes
    assert "| — | — | — | — |" in lines  # no overdue case
    assert not any("XX" in text for text in lines)


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
        report_module, "CATALOGUE", {"key_group_coverage": Indicator(planned, entry.measure)}
    )
    (line,) = monthly_report(JUNE, JUNE.period).lines
    # June's target is the year's 95, not the standing 99; 85% is above the line (84.9).
    assert line.target == Target(value=95, unit=TargetUnit.PERCENT, period=Period.year(2025))
    assert line.status is TargetStatus.ON_TRACK
