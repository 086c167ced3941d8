"""A station's tables for a period (`StationFrames`) and the monthly report built from them."""

from __future__ import annotations

from typing import Any

import narwhals as nw
from attrs import field, frozen
from narwhals.typing import IntoFrame

from socialwork._arguments import require_count, require_instance
from socialwork.errors import UnknownCodeError
from socialwork.frames.contracts import CHILDREN, contract
from socialwork.frames.convert import from_records
from socialwork.frames.indicators import (
    _eager,
    _lazy,
    frame_key_group_coverage,
    frame_need_satisfaction,
    frame_resource_match_accuracy,
)
from socialwork.frames.services import (
    _active,
    _attendance,
    _caseload,
    _follow_ups_and_caseload,
    _text,
    frame_case_improvement,
    frame_certification_rate,
    frame_file_completeness,
    frame_goal_attainment,
    frame_home_visit_completion,
    frame_staff_turnover,
    frame_survey_satisfaction,
    frame_volunteer_hours,
)
from socialwork.frames.validate import _native, _one_engine
from socialwork.metrics import MonthlyReport, rate
from socialwork.metrics.definitions import Measure
from socialwork.metrics.rates import combine
from socialwork.metrics.report import GroupLine, assemble_report
from socialwork.metrics.services import MembershipGrowth
from socialwork.models import Period, StationRecords

__all__ = ["StationFrames", "frame_monthly_report"]

TABLES: tuple[str, ...] = (
    "clients",
    "cases",
    "case_goals",
    "case_history",
    "visits",
    "groups",
    "group_members",
    "group_sessions",
    "surveys",
    "service_hours",
    "deliveries",
    "needs",
    "files",
    "staff",
)
"""The tables a monthly report reads, by contract kind."""

_SOURCES: dict[str, str] = {"staff": "station.staff"}


def _planned(value: int | None) -> int | None:
    return None if value is None else require_count(value, "home_visits_planned")


@frozen
class StationFrames:
    """A station's tables for one period: what `frame_monthly_report` reads.

    Each table is a frame of its contract's kind (`socialwork.frames.contract`),
    all of one engine, eager or lazy; a table left out (``None``) has no rows.
    ``home_visits_planned`` is the period's plan of home visits (``None``:
    no plan, so no home-visit completion), as in `StationRecords`.

    Raises:
        ArgumentError: a table is not a dataframe narwhals knows, the
            tables are of several engines, or the plan is not a count.

    Examples:
        >>> from socialwork.samples import station_month
        >>> june = StationFrames.from_records(station_month())
        >>> june.station, june.visits.height == len(station_month().visits)
        ('幸福街道社工站', True)
    """

    station: str
    period: Period
    clients: Any = None
    cases: Any = None
    case_goals: Any = None
    case_history: Any = None
    visits: Any = None
    groups: Any = None
    group_members: Any = None
    group_sessions: Any = None
    surveys: Any = None
    service_hours: Any = None
    deliveries: Any = None
    needs: Any = None
    files: Any = None
    staff: Any = None
    home_visits_planned: int | None = field(default=None, converter=_planned)

    def __attrs_post_init__(self) -> None:
        """Check that the tables are of one engine, which the report's joins need."""
        _one_engine({kind: getattr(self, kind) for kind in TABLES})

    @classmethod
    def from_records(cls, records: StationRecords, *, backend: str = "polars") -> StationFrames:
        """The tables of a bundle of records (`from_records` of each kind), frames of ``backend``.

        Raises:
            ArgumentError: ``backend`` is not installed.

        Examples:
            >>> from socialwork.samples import station_month
            >>> StationFrames.from_records(station_month()).group_members.columns[:2]
            ['group_id', 'member_id']
        """
        tables: dict[str, Any] = {}
        for kind in TABLES:
            owner = CHILDREN.get(kind, (kind, ""))[0]
            source: Any = records
            for name in _SOURCES.get(owner, owner).split("."):
                source = getattr(source, name)
            tables[kind] = from_records(source, kind=kind, backend=backend)
        return cls(
            records.station.name,
            records.period,
            home_visits_planned=records.home_visits_planned,
            **tables,
        )

    def table(self, kind: str) -> Any:
        """The frame of ``kind``; for a table left out, an empty one in the engine of the others.

        Raises:
            UnknownCodeError: ``kind`` is no kind of `TABLES`.
        """
        spec = contract(kind)
        if spec.kind not in TABLES:
            raise UnknownCodeError("kind", kind, TABLES)
        frame = getattr(self, spec.kind)
        if frame is not None:
            return frame
        empty: Any = nw.from_native(from_records([], kind=spec.kind))
        like = next((getattr(self, k) for k in TABLES if getattr(self, k) is not None), None)
        if like is None:
            return empty.to_native()
        native = _native(like)
        if isinstance(native, nw.LazyFrame):
            return empty.lazy(backend=native.implementation).to_native()
        if native.implementation is nw.Implementation.POLARS:
            return empty.to_native()
        return nw.from_arrow(empty.to_arrow(), backend=native.implementation).to_native()


def _membership(frames: StationFrames, period: Period) -> dict[str, MembershipGrowth]:
    members = _lazy(frames.table("group_members"), "group_members", "group_id", "left_on")
    start = _active(members, "joined_on", "left_on", period.start).cast(nw.Int64)
    end = _active(members, "joined_on", "left_on", period.end).cast(nw.Int64)
    counts = _eager(
        members.select(_text("group_id").alias("group_id"), start.alias("start"), end.alias("end"))
        .group_by("group_id")
        .agg(nw.col("start").sum(), nw.col("end").sum())
    )
    return {
        str(g): MembershipGrowth(str(g), int(a or 0), int(b or 0)) for g, a, b in counts.iter_rows()
    }


def _holds_rows(frame: IntoFrame) -> bool:
    """Whether a table has any row: an indicator over a table without rows has no data, not 0."""
    (rows,) = _eager(_lazy(frame).select(nw.len())).row(0)
    return bool(rows)


class _Measured:
    """Every catalogue indicator's value for one period, and the report's tables."""

    def __init__(self, frames: StationFrames, period: Period) -> None:
        t = frames.table
        self.coverage = frame_key_group_coverage(t("clients"), t("visits"), period)
        # the open cases are found once, for the overdue follow-ups and the mean caseload
        self.overdue, opened = _follow_ups_and_caseload(
            t("cases"), t("visits"), t("case_history"), as_of=period.end, after_days=7
        )
        groups = _eager(
            _lazy(t("groups"), "groups", "id", "name").select(
                _text("id"), _text("name").alias("name")
            )
        )
        attendance = _attendance(t("group_members"), t("group_sessions"), period)
        growth = _membership(frames, period)
        self.groups = tuple(
            GroupLine(
                name,
                rate(*attendance.get(g, (0, 0))),
                growth.get(g, MembershipGrowth(g, 0, 0)),
            )
            for g, name in groups.iter_rows()
        )
        planned = frames.home_visits_planned
        has_cases, has_hours = _holds_rows(t("cases")), _holds_rows(t("service_hours"))
        self.values: dict[str, Measure] = {
            "key_group_coverage": self.coverage.total,
            "survey_satisfaction": frame_survey_satisfaction(t("surveys"), period),
            "case_improvement": frame_case_improvement(
                t("cases"), t("case_history"), t("case_goals")
            ),
            "group_attendance": combine(g.attendance for g in self.groups),
            "need_satisfaction": frame_need_satisfaction(t("needs"), period),
            "goal_attainment": frame_goal_attainment(t("case_goals")),
            "file_completeness": frame_file_completeness(t("files")),
            "resource_match_accuracy": frame_resource_match_accuracy(t("deliveries"), period),
            "overdue_follow_ups": len(self.overdue) if has_cases else None,
            "mean_caseload": _caseload(opened, t("staff"), period.end) if has_cases else None,
            "volunteer_hours": frame_volunteer_hours(t("service_hours"), period)
            if has_hours
            else None,
            "certification_rate": frame_certification_rate(t("staff"), as_of=period.end),
            "staff_turnover": frame_staff_turnover(t("staff"), period),
            "home_visit_completion": None
            if planned is None
            else frame_home_visit_completion(t("visits"), period, planned),
        }


def frame_monthly_report(
    frames: StationFrames, period: Period, previous: StationFrames | None = None
) -> MonthlyReport:
    """The monthly report from a station's tables, as `socialwork.metrics.monthly_report`.

    Every indicator of the catalogue is measured in the tables' engine (the
    ``frame_*`` functions) and the report is assembled by the metrics'
    own assembly, so a report from frames equals the report from the same
    records: lines, changes, targets and statuses, coverage by category,
    groups and overdue follow-ups. ``previous`` is read over its own period.

    Raises:
        FrameContractError: a ``categories`` cell names no category.
        TypeError: ``frames`` or ``previous`` is not a `StationFrames`, or
            ``period`` not a `Period`.

    Examples:
        >>> from socialwork import metrics
        >>> from socialwork.samples import station_month, station_previous_month
        >>> june, may = station_month(), station_previous_month()
        >>> report = frame_monthly_report(StationFrames.from_records(june), june.period,
        ...                               StationFrames.from_records(may))
        >>> report == metrics.monthly_report(june, june.period, may)
        True
    """
    frames = require_instance(StationFrames, frames, "frames")
    period = require_instance(Period, period, "period")
    if previous is not None:
        previous = require_instance(StationFrames, previous, "previous")
    now = _Measured(frames, period)
    before = None if previous is None else _Measured(previous, previous.period)
    return assemble_report(
        frames.station,
        period,
        None if previous is None else previous.period,
        now.values,
        None if before is None else before.values,
        now.coverage.by_category,
        now.groups,
        now.overdue,
    )
