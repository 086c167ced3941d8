"""A station's tables for a period (`StationFrames`) and the monthly report built from them."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cached_property
from types import MappingProxyType
from typing import Any

import narwhals as nw
from attrs import evolve, field, frozen
from narwhals.typing import IntoFrame

from socialwork._arguments import require_count, require_instance, require_text
from socialwork.errors import ArgumentError, UnknownCodeError
from socialwork.frames.contracts import CHILDREN, contract
from socialwork.frames.convert import from_records, to_records
from socialwork.frames.indicators import (
    _eager,
    _Excluded,
    _excluded,
    _identification,
    _lazy,
    _unchecked_deliveries,
    _withdrawn_needs,
    frame_identification_rate,
    frame_key_group_coverage,
    frame_need_satisfaction,
    frame_resource_match_accuracy,
)
from socialwork.frames.services import (
    _above_plan,
    _active,
    _attendance,
    _caseload,
    _Casework,
    _goals_left_out,
    _home_visits,
    _interns,
    _open_cases_on,
    _text,
    _unusable,
    frame_case_improvement,
    frame_certification_rate,
    frame_clients_per_worker,
    frame_file_completeness,
    frame_goal_attainment,
    frame_home_visit_completion,
    frame_overdue_follow_ups,
    frame_resource_utilisation,
    frame_staff_turnover,
    frame_survey_satisfaction,
    frame_volunteer_hours,
)
from socialwork.frames.validate import _native, _one_engine
from socialwork.metrics import ExclusionReason, KeyGroupCoverage, MonthlyReport, indicator, rate
from socialwork.metrics.casework import FOLLOW_UP_DAYS
from socialwork.metrics.catalogue import CATALOGUE
from socialwork.metrics.definitions import Measure
from socialwork.metrics.district import DistrictReport, assemble_district_report
from socialwork.metrics.rates import combine
from socialwork.metrics.report import GroupLine, assemble_report
from socialwork.metrics.services import MembershipGrowth
from socialwork.models import Budget, Period, Station, StationRecords, SurveySubject

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
    "communities",
    "known_key_groups",
    "resources",
)
"""The tables a monthly report reads, by contract kind."""

MORE_TABLES: tuple[str, ...] = (
    "client_consents",
    "client_guardians",
    "households",
    "case_assessments",
    "assessment_needs",
    "assessment_scores",
    "case_referrals",
    "activities",
    "activity_services",
    "volunteers",
    "community_facts",
    "local_units",
    "funding_sources",
    "budget_lines",
)
"""The other tables of a station, which the report does not read: with `TABLES`, every record."""

STATION_TABLES: tuple[str, ...] = TABLES + MORE_TABLES
"""Every table of `StationFrames`, by contract kind."""

_SOURCES: dict[str, str] = {
    "staff": "station.staff",
    "communities": "station.communities",
    "funding_sources": "budget.funding_sources",
    "budget_lines": "budget.lines",
}


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
    communities: Any = None
    known_key_groups: Any = None
    resources: Any = None
    home_visits_planned: int | None = field(default=None, converter=_planned)
    station_id: str | None = None
    note: str | None = None
    client_consents: Any = None
    client_guardians: Any = None
    households: Any = None
    case_assessments: Any = None
    assessment_needs: Any = None
    assessment_scores: Any = None
    case_referrals: Any = None
    activities: Any = None
    activity_services: Any = None
    volunteers: Any = None
    community_facts: Any = None
    local_units: Any = None
    funding_sources: Any = None
    budget_lines: Any = None

    def __attrs_post_init__(self) -> None:
        """Check that the tables are of one engine, which the report's joins need."""
        _one_engine({kind: getattr(self, kind) for kind in STATION_TABLES})

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
        for kind in STATION_TABLES:
            owner = CHILDREN[kind].owner if kind in CHILDREN else kind
            source: Any = records
            for name in _SOURCES.get(owner, owner).split("."):
                source = getattr(source, name, ())
            tables[kind] = from_records(source, kind=kind, backend=backend)
        return cls(
            records.station.name,
            records.period,
            home_visits_planned=records.home_visits_planned,
            station_id=records.station.id,
            note=records.note,
            **tables,
        )

    def to_records(self) -> StationRecords:
        """The bundle of records these tables hold: `to_records` of each kind, children included.

        The way back from `StationFrames.from_records`: a station's records
        go to frames and come back equal to themselves. A table left out has
        no rows; a budget is there when its sources or lines have rows.

        Raises:
            ArgumentError: ``station_id`` is not given (a station's records
                need its id).
            FrameContractError: a table breaks its contract, or a child row
                names no parent row (``unknown_reference``).
            pydantic.ValidationError: the records break a rule of the bundle
                (a reference to no record, a duplicated id).

        Examples:
            >>> from socialwork.samples import station_month
            >>> june = station_month()
            >>> StationFrames.from_records(june, backend="pandas").to_records() == june
            True
        """
        if self.station_id is None:
            raise ArgumentError("station_id", None, "the station's id, to build its records")

        def read(kind: str, *children: str) -> tuple[Any, ...]:
            return to_records(
                self.table(kind), kind, children={child: self.table(child) for child in children}
            )

        sources, lines = read("funding_sources"), read("budget_lines")
        station = Station(
            id=self.station_id,
            name=self.station,
            communities=read("communities", "known_key_groups", "community_facts", "local_units"),
            staff=read("staff"),
        )
        return StationRecords(
            station=station,
            period=self.period,
            clients=read("clients", "client_consents", "client_guardians"),
            households=read("households"),
            cases=read(
                "cases",
                "case_goals",
                "case_history",
                "case_assessments",
                "assessment_needs",
                "assessment_scores",
                "case_referrals",
            ),
            visits=read("visits"),
            groups=read("groups", "group_members", "group_sessions"),
            activities=read("activities", "activity_services"),
            volunteers=read("volunteers"),
            service_hours=read("service_hours"),
            resources=read("resources"),
            deliveries=read("deliveries"),
            needs=read("needs"),
            files=read("files"),
            surveys=read("surveys"),
            budget=Budget(funding_sources=sources, lines=lines) if sources or lines else None,
            home_visits_planned=self.home_visits_planned,
            note=self.note,
        )

    def measure(self, code: str, period: Period | None = None) -> Measure:
        """The catalogue indicator ``code`` over these tables, for ``period`` (by default theirs).

        The same value as ``indicator(code).measure(records)`` on the records
        the tables hold (`socialwork.metrics.indicator`), computed in the
        tables' engine.

        Raises:
            UnknownCodeError: no catalogue indicator has the code ``code``.
            FrameContractError: a column the indicator reads is missing or
                of the wrong type.
            TypeError: ``period`` is not a `Period`.

        Examples:
            >>> from socialwork.samples import station_month
            >>> june = StationFrames.from_records(station_month())
            >>> str(june.measure("key_group_coverage"))
            '85.5% (65/76)'
        """
        entry = indicator(code)
        return _measured(_FramePeriod(self, self._period(period)), entry.definition.code)

    def in_community(self, community_id: str) -> StationFrames:
        """The tables of what belongs to the community ``community_id``, in the tables' engine.

        The frame form of `socialwork.metrics.district.community_records`,
        by the same rule: clients, households, groups, activities and needs
        by their ``community_id``; cases, visits and deliveries through the
        community's clients (deliveries through its households too); files
        through their subject; the child tables through their parent rows.
        The staff, volunteers and resources are kept whole; surveys,
        volunteer hours, the budget and the home-visit plan are left out.

        Raises:
            UnknownCodeError: the ``communities`` table has no row ``community_id``.
            TypeError: ``community_id`` is not text.

        Examples:
            >>> from socialwork.samples import station_month
            >>> c5 = StationFrames.from_records(station_month()).in_community("c5")
            >>> c5.clients.height, c5.communities["id"].to_list()
            (14, ['c5'])
        """
        community_id = require_text(community_id, "community_id")
        known = self._ids("communities")
        if community_id not in known:
            raise UnknownCodeError("community_id", community_id, known)
        kept: dict[str, Any] = {}

        def keep(kind: str, column: str, ids: list[str]) -> list[str]:
            """Keep the rows of ``kind`` whose ``column`` is one of ``ids``; their own ids."""
            named = "id" in contract(kind).names
            table = _lazy(self.table(kind), kind, column, *(("id",) if named else ()))
            kept[kind] = table.filter(_text(column).is_in(ids))
            return _ids_of(kept[kind]) if named else []

        communities = keep("communities", "id", [community_id])
        clients = keep("clients", "community_id", communities)
        households = keep("households", "community_id", communities)
        cases = keep("cases", "client_id", clients)
        groups = keep("groups", "community_id", communities)
        activities = keep("activities", "community_id", communities)
        keep("visits", "client_id", clients)
        keep("needs", "community_id", communities)
        keep("deliveries", "recipient_id", clients + households)
        keep("files", "subject_id", clients + households + cases + groups + activities)
        owners = {"communities": communities, "clients": clients, "cases": cases}
        owners |= {"groups": groups, "activities": activities}
        for child, nesting in CHILDREN.items():
            if child in STATION_TABLES and nesting.owner in owners:
                parent = contract(child).parent
                assert parent is not None  # a child table names its parent
                keep(child, parent, owners[nesting.owner])
        changes: dict[str, Any] = {kind: self._native(frame) for kind, frame in kept.items()}
        for kind in ("surveys", "service_hours", "funding_sources", "budget_lines"):
            changes[kind] = None
        return evolve(self, home_visits_planned=None, **changes)

    def district_report(self, period: Period | None = None) -> DistrictReport:
        """The district's report by community on frames, as `socialwork.metrics.district_report`.

        Each indicator with `socialwork.metrics.Indicator.by_community` is
        measured over each community's tables (`in_community`), every
        indicator over the whole station's, each judged against its target.

        Raises:
            FrameContractError: a column an indicator reads is missing or of
                the wrong type.
            TypeError: ``period`` is not a `Period`.

        Examples:
            >>> from socialwork.samples import station_month
            >>> from socialwork.metrics import district_report
            >>> june = station_month()
            >>> StationFrames.from_records(june).district_report() == district_report(june)
            True
        """
        period = self._period(period)
        local = [code for code, entry in CATALOGUE.items() if entry.by_community]
        names = dict(
            _eager(_lazy(self.table("communities")).select(_text("id"), _text("name"))).iter_rows()
        )
        communities = {}
        for community_id, name in names.items():
            month = _FramePeriod(self.in_community(community_id), period)
            communities[community_id, name] = {code: _measured(month, code) for code in local}
        whole = _FramePeriod(self, period)
        return assemble_district_report(
            self.station, period, communities, {code: _measured(whole, code) for code in CATALOGUE}
        )

    def _ids(self, kind: str) -> list[str]:
        return _ids_of(_lazy(self.table(kind), kind, "id"))

    def exclusions(self, code: str, period: Period | None = None) -> Any:
        """Every record the indicator ``code`` leaves out, as a frame of the tables' engine.

        A rate from frames counts its exclusions by reason and keeps the
        first 20 of each (`socialwork.metrics.Rate`); this lists them all,
        when someone reads them: columns ``record_id`` and ``reason`` (an
        `ExclusionReason` code), in the order the record path lists them,
        lazy when the tables are. An indicator that excludes nothing, or
        has no data, gives a frame with no rows.

        Raises:
            UnknownCodeError: no catalogue indicator has the code ``code``.
            FrameContractError: a column the indicator reads is missing or
                of the wrong type.
            TypeError: ``period`` is not a `Period`.

        Examples:
            >>> from socialwork.samples import station_month
            >>> june = StationFrames.from_records(station_month())
            >>> june.exclusions("certification_rate").rows()  # the interns
            [('s7', 'intern'), ('s8', 'intern')]
            >>> june.exclusions("key_group_coverage").height
            0
        """
        code = indicator(code).definition.code
        month = _FramePeriod(self, self._period(period))
        left_out = _LEFT_OUT.get(code)
        needs = CATALOGUE[code].needs
        if left_out is None or (needs is not None and not _holds_rows(self.table(needs))):
            left_out = _nothing
        return self._native(left_out(month).listing())

    def overdue_follow_ups(self, period: Period | None = None) -> Any:
        """Every follow-up overdue on the period's last day, as a frame of the tables' engine.

        A report counts them and keeps the first 20
        (`socialwork.metrics.MonthlyReport`); this lists them all, when
        someone reads them: columns ``case_id``, ``worker_id``,
        ``last_contact`` and ``due_on``, by due date then case id, lazy
        when the tables are (`socialwork.frames.services.frame_overdue_follow_ups`).

        Raises:
            TypeError: ``period`` is not a `Period`.

        Examples:
            >>> from socialwork.samples import station_month
            >>> june = StationFrames.from_records(station_month())
            >>> june.overdue_follow_ups()["case_id"].to_list()
            ['k8', 'k7', 'k4']
        """
        return frame_overdue_follow_ups(
            self.table("cases"),
            self.table("visits"),
            self.table("case_history"),
            as_of=self._period(period).end,
            after_days=FOLLOW_UP_DAYS,
        )

    def _period(self, period: Period | None) -> Period:
        return self.period if period is None else require_instance(Period, period, "period")

    def _native(self, frame: nw.LazyFrame[Any]) -> Any:
        """A lazy frame as the tables give theirs: lazy when they are, else collected."""
        lazy = any(isinstance(_native(self.table(k)), nw.LazyFrame) for k in STATION_TABLES)
        return (frame if lazy else frame.collect()).to_native()

    def table(self, kind: str) -> Any:
        """The frame of ``kind``; for a table left out, an empty one in the engine of the others.

        Raises:
            UnknownCodeError: ``kind`` is no kind of `STATION_TABLES`.
        """
        spec = contract(kind)
        if spec.kind not in STATION_TABLES:
            raise UnknownCodeError("kind", kind, STATION_TABLES)
        frame = getattr(self, spec.kind)
        if frame is not None:
            return frame
        empty: Any = nw.from_native(from_records([], kind=spec.kind))
        like = next(
            (getattr(self, k) for k in STATION_TABLES if getattr(self, k) is not None), None
        )
        if like is None:
            return empty.to_native()
        native = _native(like)
        if isinstance(native, nw.LazyFrame):
            return empty.lazy(backend=native.implementation).to_native()
        if native.implementation is nw.Implementation.POLARS:
            return empty.to_native()
        return nw.from_arrow(empty.to_arrow(), backend=native.implementation).to_native()


def _ids_of(frame: nw.LazyFrame[Any]) -> list[str]:
    """The ids of a table's rows, as text, in their order."""
    return [str(v) for v in _eager(frame.select(_text("id"))).get_column("id").to_list()]


def _membership(frames: StationFrames, period: Period) -> dict[str, MembershipGrowth]:
    members = _lazy(
        frames.table("group_members"), "group_members", "group_id", "joined_on", "left_on"
    )
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


@frozen
class _FramePeriod:
    """A station's tables read over one period: what the frame measures of the catalogue read.

    The figures several indicators and the report share (coverage by
    category, the open cases with their overdue follow-ups, each group's
    attendance) are computed once, on first use, as `StationPeriod` does for
    records.
    """

    frames: StationFrames
    period: Period

    def table(self, kind: str) -> Any:
        return self.frames.table(kind)

    @cached_property
    def coverage(self) -> KeyGroupCoverage:
        return frame_key_group_coverage(self.table("clients"), self.table("visits"), self.period)

    @cached_property
    def open_cases(self) -> _Casework:
        """The cases open on the period's last day, the overdue ones and the first of those."""
        return _open_cases_on(
            self.table("cases"),
            self.table("visits"),
            self.table("case_history"),
            as_of=self.period.end,
            after_days=FOLLOW_UP_DAYS,
        )

    @cached_property
    def groups(self) -> tuple[GroupLine, ...]:
        groups = _eager(
            _lazy(self.table("groups"), "groups", "id", "name").select(
                _text("id"), _text("name").alias("name")
            )
        )
        attendance = _attendance(
            self.table("group_members"), self.table("group_sessions"), self.period
        )
        growth = _membership(self.frames, self.period)
        return tuple(
            GroupLine(
                name,
                rate(*attendance.get(g, (0, 0))),
                growth.get(g, MembershipGrowth(g, 0, 0)),
            )
            for g, name in groups.iter_rows()
        )


def _overdue_follow_ups(month: _FramePeriod) -> Measure:
    return month.open_cases.overdue


def _mean_caseload(month: _FramePeriod) -> Measure:
    return _caseload(month.open_cases.open, month.table("staff"), month.period.end)


def _clients_per_worker(month: _FramePeriod) -> Measure:
    return frame_clients_per_worker(month.table("visits"), month.table("staff"), month.period)


def _home_visit_completion(month: _FramePeriod) -> Measure:
    planned = month.frames.home_visits_planned
    if planned is None:
        return None
    return frame_home_visit_completion(month.table("visits"), month.period, planned)


_FrameMeasure = Callable[[_FramePeriod], Measure]

_MEASURES: Mapping[str, _FrameMeasure] = MappingProxyType(
    {
        "key_group_coverage": lambda m: m.coverage.total,
        "survey_satisfaction": lambda m: frame_survey_satisfaction(m.table("surveys"), m.period),
        "case_improvement": lambda m: frame_case_improvement(
            m.table("cases"), m.table("case_history"), m.table("case_goals")
        ),
        "group_attendance": lambda m: combine(g.attendance for g in m.groups),
        "need_satisfaction": lambda m: frame_need_satisfaction(m.table("needs"), m.period),
        "goal_attainment": lambda m: frame_goal_attainment(m.table("case_goals")),
        "file_completeness": lambda m: frame_file_completeness(m.table("files")),
        "resource_match_accuracy": lambda m: frame_resource_match_accuracy(
            m.table("deliveries"), m.period
        ),
        "overdue_follow_ups": _overdue_follow_ups,
        "mean_caseload": _mean_caseload,
        "volunteer_hours": lambda m: frame_volunteer_hours(m.table("service_hours"), m.period),
        "certification_rate": lambda m: frame_certification_rate(
            m.table("staff"), as_of=m.period.end
        ),
        "staff_turnover": lambda m: frame_staff_turnover(m.table("staff"), m.period),
        "home_visit_completion": _home_visit_completion,
        "clients_per_worker": _clients_per_worker,
        "identification_rate": lambda m: frame_identification_rate(
            m.table("clients"), m.table("known_key_groups"), as_of=m.period.end
        ),
        "resource_utilisation": lambda m: frame_resource_utilisation(
            m.table("resources"), m.table("deliveries"), m.period
        ),
        "group_satisfaction": lambda m: frame_survey_satisfaction(
            m.table("surveys"), m.period, SurveySubject.GROUP_MEMBERS
        ),
        "volunteer_satisfaction": lambda m: frame_survey_satisfaction(
            m.table("surveys"), m.period, SurveySubject.VOLUNTEERS
        ),
    }
)
"""How each catalogue entry is measured in a frame engine, by the entry's code."""


def _nothing(month: _FramePeriod) -> _Excluded:
    """No record left out (rows of none, in the engine of the tables)."""
    clients = _lazy(month.table("clients"), "clients", "id")
    return _excluded(clients.head(0), ExclusionReason.UNCHECKED)


def _home_visits_above_plan(month: _FramePeriod) -> _Excluded:
    planned = month.frames.home_visits_planned
    if planned is None:
        return _nothing(month)
    done, count = _home_visits(month.table("visits"), month.period)
    return _above_plan(done, count, planned)


_LEFT_OUT: Mapping[str, Callable[[_FramePeriod], _Excluded]] = MappingProxyType(
    {
        "need_satisfaction": lambda m: _withdrawn_needs(m.table("needs"), m.period),
        "goal_attainment": lambda m: _goals_left_out(m.table("case_goals")),
        "resource_match_accuracy": lambda m: _unchecked_deliveries(m.table("deliveries"), m.period),
        "certification_rate": lambda m: _interns(m.table("staff"), m.period.end),
        "home_visit_completion": _home_visits_above_plan,
        "identification_rate": lambda m: _identification(
            m.table("clients"), m.table("known_key_groups"), as_of=m.period.end
        )[2],
        "resource_utilisation": lambda m: _unusable(m.table("resources")),
    }
)
"""The records each catalogue entry leaves out, by code, in the engine: what
`StationFrames.exclusions` lists (the measures count them the same way)."""


def _check_catalogue() -> None:
    """Refuse, on import, a catalogue entry the frame engine cannot measure (or a stray measure)."""
    unmeasured = [code for code in CATALOGUE if code not in _MEASURES]
    stray = [code for code in (*_MEASURES, *_LEFT_OUT) if code not in CATALOGUE]
    if unmeasured or stray:
        raise RuntimeError(
            "every catalogue entry needs a frame measure in socialwork.frames.report: "
            f"without one {unmeasured}, measures of no entry {stray}"
        )


_check_catalogue()


def _measured(month: _FramePeriod, code: str) -> Measure:
    """One entry's value; no data without the table its ``needs`` names, as on records."""
    needs = CATALOGUE[code].needs
    if needs is not None and not _holds_rows(month.table(needs)):
        return None
    return _MEASURES[code](month)


def _values(month: _FramePeriod) -> dict[str, Measure]:
    """Every catalogue indicator's value for the period, in the catalogue's order."""
    return {code: _measured(month, code) for code in CATALOGUE}


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
    now = _FramePeriod(frames, period)
    before = None if previous is None else _FramePeriod(previous, previous.period)
    return assemble_report(
        frames.station,
        period,
        None if previous is None else previous.period,
        _values(now),
        None if before is None else _values(before),
        now.coverage.by_category,
        now.groups,
        now.open_cases.first,
        now.open_cases.overdue,
    )
