"""Frames (数据表): a station's tables in and out of pandas, polars, DuckDB and Spark.

Installed with the extra ``socialwork[frames]`` (narwhals); every function
takes a frame of any engine narwhals supports, eager or lazy. Column
contracts (`contract`) are derived from the records; `validate_frame`
checks a frame inside its engine and reports every broken rule by row,
column and rule code; `to_records` and `from_records` go between frames and
records; the ``frame_*`` indicators compute the station figures in the
engine and return the same results as `socialwork.metrics`, and
`frame_monthly_report` builds the monthly report from a `StationFrames`
(a station's tables for a period); `to_frame`,
`to_dict` and `to_json` take results out.

Examples:
    >>> from socialwork.frames import from_records, validate_frame
    >>> from socialwork.samples import station_month
    >>> validate_frame(from_records(station_month().clients), "clients").ok
    True
"""

try:
    import narwhals  # noqa: F401
except ImportError as err:  # pragma: no cover - the dev environment has narwhals
    raise ImportError(
        "socialwork.frames needs the frames extra: pip install 'socialwork[frames]'"
    ) from err

from socialwork.errors import FrameContractError
from socialwork.frames.contracts import KINDS, Column, Contract, contract
from socialwork.frames.convert import from_records, to_records
from socialwork.frames.export import to_dict, to_frame, to_json
from socialwork.frames.indicators import (
    frame_key_group_coverage,
    frame_need_satisfaction,
    frame_resource_match_accuracy,
)
from socialwork.frames.problems import FrameProblem, FrameReport
from socialwork.frames.report import StationFrames, frame_monthly_report
from socialwork.frames.services import (
    frame_case_improvement,
    frame_certification_rate,
    frame_file_completeness,
    frame_goal_attainment,
    frame_group_attendance,
    frame_home_visit_completion,
    frame_mean_caseload,
    frame_overdue_follow_ups,
    frame_staff_turnover,
    frame_survey_satisfaction,
    frame_volunteer_hours,
)
from socialwork.frames.validate import validate_frame

__all__ = [
    "KINDS",
    "Column",
    "Contract",
    "FrameContractError",
    "FrameProblem",
    "FrameReport",
    "StationFrames",
    "contract",
    "frame_case_improvement",
    "frame_certification_rate",
    "frame_file_completeness",
    "frame_goal_attainment",
    "frame_group_attendance",
    "frame_home_visit_completion",
    "frame_key_group_coverage",
    "frame_mean_caseload",
    "frame_monthly_report",
    "frame_need_satisfaction",
    "frame_overdue_follow_ups",
    "frame_resource_match_accuracy",
    "frame_staff_turnover",
    "frame_survey_satisfaction",
    "frame_volunteer_hours",
    "from_records",
    "to_dict",
    "to_frame",
    "to_json",
    "to_records",
    "validate_frame",
]
