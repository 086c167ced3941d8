"""A period that is not a `Period` is refused at the door with a TypeError naming it.

It failed deep inside with an AttributeError (``'str' object has no attribute
'start'``), on the record path and on frames alike.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import polars as pl
import pytest

from socialwork import frames, metrics
from socialwork.metrics.report import assemble_report
from socialwork.samples import station_month

JUNE = station_month()
EMPTY = pl.DataFrame()

CALLS: dict[str, Callable[[Any], object]] = {
    "monthly_report": lambda p: metrics.monthly_report(JUNE, p),
    "assemble_report": lambda p: assemble_report("s", p, None, {}, None, (), (), ()),
    "group_attendance": lambda p: metrics.group_attendance(JUNE.groups, p),
    "membership_growth": lambda p: metrics.membership_growth(JUNE.groups[0], p),
    "volunteer_hours": lambda p: metrics.volunteer_hours(JUNE.service_hours, p),
    "resource_match_accuracy": lambda p: metrics.resource_match_accuracy(JUNE.deliveries, p),
    "need_satisfaction": lambda p: metrics.need_satisfaction(JUNE.needs, p),
    "survey_satisfaction": lambda p: metrics.survey_satisfaction(JUNE.surveys, p),
    "staff_turnover": lambda p: metrics.staff_turnover(JUNE.station.staff, p),
    "key_group_coverage": lambda p: metrics.key_group_coverage(JUNE.clients, JUNE.visits, p),
    "key_group_coverage_by_category": lambda p: metrics.key_group_coverage_by_category(
        JUNE.clients, JUNE.visits, p
    ),
    "home_visit_completion": lambda p: metrics.home_visit_completion(JUNE.visits, p, 60),
    "frame_monthly_report": lambda p: frames.frame_monthly_report(
        frames.StationFrames.from_records(JUNE), p
    ),
    "frame_survey_satisfaction": lambda p: frames.frame_survey_satisfaction(EMPTY, p),
    "frame_volunteer_hours": lambda p: frames.frame_volunteer_hours(EMPTY, p),
    "frame_staff_turnover": lambda p: frames.frame_staff_turnover(EMPTY, p),
    "frame_home_visit_completion": lambda p: frames.frame_home_visit_completion(EMPTY, p, 60),
    "frame_group_attendance": lambda p: frames.frame_group_attendance(EMPTY, EMPTY, p),
    "frame_key_group_coverage": lambda p: frames.frame_key_group_coverage(EMPTY, EMPTY, p),
    "frame_need_satisfaction": lambda p: frames.frame_need_satisfaction(EMPTY, p),
    "frame_resource_match_accuracy": lambda p: frames.frame_resource_match_accuracy(EMPTY, p),
}


@pytest.mark.parametrize("name", sorted(CALLS))
@pytest.mark.parametrize("period", ["2025-06", ("2025-06-01", "2025-06-30"), None])
def test_a_period_that_is_not_a_period_is_a_type_error(name: str, period: object) -> None:
    with pytest.raises(TypeError, match=r"^period must be a Period; got "):
        CALLS[name](period)


def test_the_reports_check_their_bundles_too() -> None:
    with pytest.raises(TypeError, match=r"^records must be a StationRecords; got list"):
        metrics.monthly_report([], JUNE.period)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^previous must be a StationRecords; got str"):
        metrics.monthly_report(JUNE, JUNE.period, "may")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^frames must be a StationFrames; got StationRecords"):
        frames.frame_monthly_report(JUNE, JUNE.period)  # type: ignore[arg-type]
    tables = frames.StationFrames.from_records(JUNE)
    with pytest.raises(TypeError, match=r"^previous must be a StationFrames; got StationRecords"):
        frames.frame_monthly_report(tables, JUNE.period, JUNE)  # type: ignore[arg-type]
