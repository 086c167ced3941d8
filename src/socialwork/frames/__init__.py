"""Frames (数据表): a station's tables in and out of pandas, polars, DuckDB and Spark.

Installed with the extra ``socialwork[frames]`` (narwhals); every function
takes a frame of any engine narwhals supports, eager or lazy. Column
contracts (`contract`) are derived from the records; `validate_frame`
checks a frame inside its engine and reports every broken rule by row,
column and rule code; `to_records` and `from_records` go between frames and
records; `StationFrames` (a station's tables for a period) measures every indicator
of the catalogue in the tables' engine (`StationFrames.measure`), with the
same results as `socialwork.metrics`, and `frame_monthly_report` builds the
monthly report from it; `to_frame`,
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
from socialwork.frames.problems import FrameProblem, FrameReport
from socialwork.frames.report import StationFrames, frame_monthly_report
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
    "frame_monthly_report",
    "from_records",
    "to_dict",
    "to_frame",
    "to_json",
    "to_records",
    "validate_frame",
]
