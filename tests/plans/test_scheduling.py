"""Tests of socialwork.plans.scheduling."""

from __future__ import annotations

from hypothesis import given

from socialwork.plans import (
    WorkPlan,
    schedule,
)
from socialwork.records import replace
from tests.strategies import work_plans
from tests.support import PROPERTY


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
