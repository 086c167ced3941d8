"""Review one template plan against six months of measurements, month by month.

The community annual plan (社区年度社工工作计划) starts on 2025-01-01. Its
figures for months 1–4 are written in the style of the built-in sample
station (the same 76 key-group people, a quarterly satisfaction survey, new
volunteers counted since the plan's start); months 5 and 6 come from the
sample's own monthly reports (May and June 2025) through
``measurements_from_reports``. The percentages get the baselines a
station would know at the start (coverage 65%, satisfaction 85%). The
script prints each goal's figure and status at the end of every month,
then the mid-term review table in Simplified Chinese and English.

Usage::

    uv run python scripts/six_month_review.py
"""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta

from socialwork.display import Document, Table
from socialwork.metrics import Rate, monthly_report, rate
from socialwork.models import Period
from socialwork.plans import (
    Measurement,
    measurements_from_reports,
    milestone_review,
    plan_template,
    review_plan,
)
from socialwork.plans.review import PlanReview
from socialwork.records import replace
from socialwork.samples import station_month, station_previous_month

START = date(2025, 1, 1)
BASELINES = {"coverage": 65.0, "satisfaction": 85.0}
"""Where the percentages stood when the plan began (without one, a percentage is
expected at its target from the first month)."""


def measurements() -> list[Measurement]:
    """Months 1–4 in the sample's style, months 5–6 from the sample's monthly reports."""
    found = [
        Measurement("key_group_coverage", Period.month(2025, month), rate(covered, 76))
        for month, covered in ((1, 50), (2, 52), (3, 55), (4, 57))
    ]
    found.append(Measurement("survey_satisfaction", Period.month(2025, 3), rate(52, 60)))
    for month, volunteers in ((1, 1), (2, 2), (3, 4), (4, 5), (5, 6), (6, 8)):
        since_start = Period(start=START, end=Period.month(2025, month).end)
        found.append(Measurement("new_volunteers", since_start, volunteers))
    may, june = station_previous_month(), station_month()
    reports = [monthly_report(may, may.period), monthly_report(june, june.period)]
    return found + list(measurements_from_reports(reports))


def _figure(measured: Measurement | None) -> str:
    if measured is None or measured.value is None:
        return "n/a"
    if isinstance(measured.value, Rate):
        return str(measured.value)
    return f"{measured.value:g}"


def progress(reviews: list[PlanReview]) -> str:
    """One row per month: each goal's figure (and its period) and status."""
    goals = [g.goal_id for g in reviews[0].goals]
    rows = []
    for review in reviews:
        cells = [str(review.as_of)]
        for goal in review.goals:
            cells.append(f"{_figure(goal.measurement)} · {goal.status.label('en')}")
        rows.append(cells)
    return Document([Table(["month end", *goals], rows)]).to_markdown()


def main() -> None:
    """Print the month-by-month progress and the mid-term review in zh and en."""
    plan = plan_template("community_annual").work_plan(id="community2025", start=START)
    goals = tuple(
        replace(g, typed_target=replace(g.typed_target, baseline=BASELINES[g.id]))
        if g.id in BASELINES and g.typed_target is not None
        else g
        for g in plan.goals
    )
    plan = replace(plan, goals=goals)
    found = measurements()
    month_ends = [START + relativedelta(months=k) - relativedelta(days=1) for k in range(1, 7)]
    reviews = [review_plan(plan, found, as_of=day) for day in month_ends]
    print("## Month by month\n")
    print(progress(reviews))
    mid = milestone_review(plan, found, "mid")
    print()
    print(mid.to_markdown())
    print(mid.to_markdown("en"))
    print(repr(mid))


if __name__ == "__main__":
    main()
