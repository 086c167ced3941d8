"""The other station indicators on frames: casework, groups, files, volunteers and staff.

Each function takes frames of the contracts' kinds, eager or lazy, of any
engine narwhals supports (all the frames of one call of one engine), does
the counting inside the engine, and returns the same result as the function
of the same name in `socialwork.metrics` over the same rows: a `Rate` with
integer numerator and denominator and its exclusions listed, or a number.
Only the counts, the excluded ids and the listed follow-ups come back to
Python.

A case's history (``case_history``) is read without relying on the order
of its rows: a case is closed at the end of a day when the moves into
``closed`` up to that day outnumber the moves out of it (counting the
state it started in), and was last opened on the day of its last move out
of ``closed`` (or its ``opened_on``). This is the records' rule
(`socialwork.models.Case.open_on`) for a history in date order that ends
at the case's status, which `to_records` checks.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any, NamedTuple

import narwhals as nw
from narwhals.typing import IntoFrame

from socialwork._arguments import (
    require_count,
    require_day,
    require_days,
    require_instance,
    require_member,
)
from socialwork.frames.indicators import (
    _any_of,
    _day,
    _distinct,
    _eager,
    _Excluded,
    _excluded,
    _in,
    _lazy,
    _seen_in,
)
from socialwork.frames.validate import _SPLIT, _native, _one_engine
from socialwork.metrics import Exclusion, ExclusionReason, FollowUp, Rate, rate
from socialwork.metrics.casework import ATTAINED, FOLLOW_UP_DAYS, IMPROVED, INTERVENED, VOID_GOALS
from socialwork.metrics.formulas import survey_satisfaction_from_counts
from socialwork.metrics.rates import SHOWN, ExclusionSummary
from socialwork.models import (
    Availability,
    CaseStatus,
    Certification,
    ContactMode,
    GoalLifecycleStatus,
    Period,
    StaffRole,
    SurveySubject,
)

__all__: list[str] = []

_CLOSED = CaseStatus.CLOSED.value
# The record path's rules, as codes the engine compares (one definition: metrics.casework).
_IMPROVED = sorted(s.value for s in IMPROVED)
_ATTAINED = sorted(s.value for s in ATTAINED)
_VOID = sorted(s.value for s in VOID_GOALS)
_INTERVENED = sorted(s.value for s in INTERVENED)


def _items(frame: nw.LazyFrame[Any], column: str) -> tuple[nw.LazyFrame[Any], nw.Expr]:
    """The frame and how many items each cell of a list column holds (a list, or text).

    A column of Python lists (pandas' ``object``) is counted in Python, the
    rest in the engine.
    """
    dtype = frame.collect_schema().get(column)
    col = nw.col(column)
    if dtype is None or dtype == nw.Unknown:  # no items anywhere: 0 a row, a column to sum
        name = f"__{column}_n__"
        return frame.with_columns(nw.lit(0, nw.Int64()).alias(name)), nw.col(name)
    if dtype == nw.List:
        return frame, col.list.len().fill_null(0)
    if dtype == nw.Object:
        eager = _eager(frame)
        counts = [0 if _blank_cell(v) else len(_split(v)) for v in eager[column].to_list()]
        name = f"__{column}_n__"
        series = nw.new_series(name, counts, nw.Int64(), backend=eager.implementation)
        return eager.with_columns(series).lazy(), nw.col(name)
    # as `to_records` splits a cell: at any separator, blank items left out
    text = (
        col.cast(nw.String)
        .fill_null("")
        .str.replace_all(f"^{_GAP}+|{_GAP}+$", "")
        .str.replace_all(f"{_GAP}*{_SPLIT}{_GAP}*", ";")
    )
    parts = text.str.len_chars() - text.str.replace_all(";", "", literal=True).str.len_chars()
    return frame, nw.when(text == "").then(0).otherwise(parts + 1)


_GAP = rf"(?:[\s\x{{00a0}}\x{{3000}}]|{_SPLIT})"
"""A space or a separator (`socialwork.frames.validate._SPLIT`) around a list cell's items."""


def _blank_cell(value: object) -> bool:
    return value is None or (isinstance(value, float) and value != value)


def _split(value: object) -> list[object]:
    if isinstance(value, str):
        return [p for p in value.split(";") if p.strip()]
    return list(value) if isinstance(value, Iterable) else [value]


def _date(value: object) -> date | None:
    """A date read back from an engine (pandas may give ``NA`` or a timestamp)."""
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def _text(column: str) -> nw.Expr:
    return nw.col(column).cast(nw.String)


def _int(value: object) -> int:
    return 0 if value is None else int(value)  # type: ignore[call-overload]


def _between(day: nw.Expr, first: date, last: date) -> nw.Expr:
    return (day >= first) & (day <= last)


def _active(frame: nw.LazyFrame[Any], start: str, end: str, day: nw.Expr | date) -> nw.Expr:
    """``start <= day < end`` (an empty ``end`` never ends): `socialwork.records.active_on`."""
    began = _day(frame, start) <= day
    ended = _day(frame, end) <= day
    return began & (nw.col(end).is_null() | ~ended)


def frame_survey_satisfaction(
    surveys: IntoFrame, period: Period, subject: SurveySubject | str = SurveySubject.CLIENTS
) -> Rate:
    """Satisfaction of the surveys conducted in ``period``, as in `socialwork.metrics`.

    Raises:
        TypeError: ``period`` is not a `Period`.

    Examples:
        >>> from socialwork import metrics
        >>> from socialwork.frames import from_records
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> frame_survey_satisfaction(from_records(june.surveys), june.period) == (
        ...     metrics.services.survey_satisfaction(june.surveys, june.period))
        True
    """
    period = require_instance(Period, period, "period")
    subject = require_member(SurveySubject, subject, "subject")
    frame = _lazy(surveys, "surveys", "conducted_on", "satisfied", "respondents", "subject")
    asked = nw.col("subject").cast(nw.String).fill_null(SurveySubject.CLIENTS.value)
    counted = frame.filter(_in(frame, "conducted_on", period) & (asked == subject.value))
    satisfied, respondents = _eager(
        counted.select(
            nw.col("satisfied").cast(nw.Int64).sum().alias("satisfied"),
            nw.col("respondents").cast(nw.Int64).sum().alias("respondents"),
        )
    ).row(0)
    return survey_satisfaction_from_counts(_int(satisfied), _int(respondents))


def frame_volunteer_hours(service_hours: IntoFrame, period: Period) -> Decimal:
    """Volunteer hours served in ``period``, as `socialwork.metrics.services.volunteer_hours`.

    Hours are added in hundredths, so the total is exact to the cent as the
    records' decimals are.

    Raises:
        TypeError: ``period`` is not a `Period`.

    Examples:
        >>> from socialwork import metrics
        >>> from socialwork.frames import from_records
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> frame_volunteer_hours(from_records(june.service_hours), june.period) == (
        ...     metrics.services.volunteer_hours(june.service_hours, june.period))
        True
    """
    period = require_instance(Period, period, "period")
    frame = _lazy(service_hours, "service_hours", "on", "hours")
    counted = frame.filter(_in(frame, "on", period))
    (total,) = _eager(
        counted.select((nw.col("hours").cast(nw.Float64) * 100).round(0).cast(nw.Int64).sum())
    ).row(0)
    return Decimal(_int(total)).scaleb(-2)


def frame_file_completeness(files: IntoFrame) -> Rate:
    """Files with nothing missing among all files, as `metrics.services.file_completeness`.

    ``missing_items`` is a list column, or text with the items separated as
    `to_records` separates them (``;``, ``,``, ``，``, ``；`` or ``、``); a
    file is complete when it lists no item.

    Examples:
        >>> from socialwork import metrics
        >>> from socialwork.frames import from_records
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> frame_file_completeness(from_records(june.files)) == (
        ...     metrics.services.file_completeness(june.files))
        True
    """
    frame, items = _items(_lazy(files, "files"), "missing_items")
    complete = items == 0
    total, done = _eager(
        frame.select(nw.len().alias("n"), complete.cast(nw.Int64).sum().alias("done"))
    ).row(0)
    return rate(_int(done), _int(total))


def frame_goal_attainment(case_goals: IntoFrame) -> Rate:
    """Goal attainment from a case goals frame, as `socialwork.metrics.casework.goal_attainment`.

    Goals cancelled, rejected or entered in error and goals not yet assessed
    are excluded and listed as ``case_id/goal_id``.

    Examples:
        >>> from socialwork import metrics
        >>> from socialwork.frames import from_records
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> frame_goal_attainment(from_records(june.cases, kind="case_goals")) == (
        ...     metrics.casework.goal_attainment(june.cases))
        True
    """
    frame, _, counted = _goals(case_goals)
    attained, assessed = _eager(
        frame.select(
            (counted & _any_of(nw.col("achievement_status"), _ATTAINED))
            .cast(nw.Int64)
            .sum()
            .alias("attained"),
            counted.cast(nw.Int64).sum().alias("assessed"),
        )
    ).row(0)
    return Rate(_int(attained), _int(assessed), excluded=_goals_left_out(case_goals).summary())


def _goals(case_goals: IntoFrame) -> tuple[nw.LazyFrame[Any], nw.Expr, nw.Expr]:
    """The goals, whether each is void, and whether it counts (valid and assessed)."""
    frame = _lazy(
        case_goals, "case_goals", "case_id", "id", "lifecycle_status", "achievement_status"
    )
    life = nw.col("lifecycle_status").fill_null(GoalLifecycleStatus.PROPOSED.value)
    void = _any_of(life, _VOID)
    return frame, void, ~void & ~nw.col("achievement_status").is_null()


def _goals_left_out(case_goals: IntoFrame) -> _Excluded:
    """The goals goal attainment leaves out, named ``case_id/goal_id``: void or not assessed."""
    frame, void, counted = _goals(case_goals)
    reason = (
        nw.when(void)
        .then(nw.lit(ExclusionReason.GOAL_VOID.value, nw.String()))
        .otherwise(nw.lit(ExclusionReason.GOAL_NOT_ASSESSED.value, nw.String()))
    )
    return _Excluded(
        frame.filter(~counted).select(
            nw.concat_str(_text("case_id"), nw.lit("/"), _text("id")).alias("record_id"),
            reason.alias("reason"),
        )
    )


def frame_case_improvement(
    cases: IntoFrame, case_history: IntoFrame, case_goals: IntoFrame
) -> Rate:
    """Case improvement among intervened cases, as `socialwork.metrics.casework.case_improvement`.

    A case reached intervention when its status is ``intervention`` or
    ``review`` or its history moved it into ``intervention``; it improved
    when one of its goals is improving, achieved or sustaining.

    Examples:
        >>> from socialwork import metrics
        >>> from socialwork.frames import from_records
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> frame_case_improvement(from_records(june.cases),
        ...                        from_records(june.cases, kind="case_history"),
        ...                        from_records(june.cases, kind="case_goals")) == (
        ...     metrics.casework.case_improvement(june.cases))
        True
    """
    _one_engine({"cases": cases, "case_history": case_history, "case_goals": case_goals})
    people = _lazy(cases, "cases", "id", "status")
    moves = _lazy(case_history, "case_history", "case_id", "to_status")
    goals = _lazy(case_goals, "case_goals", "case_id", "achievement_status")
    moved = (
        moves.filter(nw.col("to_status") == CaseStatus.INTERVENTION.value)
        .select(_text("case_id").alias("id"))
        .pipe(_distinct, "id")
        .with_columns(nw.lit(1).alias("__moved__"))
    )
    better = (
        goals.filter(_any_of(nw.col("achievement_status"), _IMPROVED))
        .select(_text("case_id").alias("id"))
        .pipe(_distinct, "id")
        .with_columns(nw.lit(1).alias("__better__"))
    )
    status = nw.col("status").fill_null(CaseStatus.INTAKE.value)
    joined = (
        people.select(_text("id"), status.alias("status"))
        .join(moved, on="id", how="left")
        .join(better, on="id", how="left")
    )
    intervened = _any_of(status, _INTERVENED) | (nw.col("__moved__").fill_null(0) == 1)
    improved, total = _eager(
        joined.filter(intervened).select(
            nw.col("__better__").fill_null(0).cast(nw.Int64).sum().alias("improved"),
            nw.len().alias("total"),
        )
    ).row(0)
    return rate(_int(improved), _int(total))


def _open_cases(cases: IntoFrame, case_history: IntoFrame, as_of: date) -> nw.LazyFrame[Any]:
    """The cases open on ``as_of`` (``id``, ``worker_id``, ``__since__``), read in the engine."""
    people = _lazy(cases, "cases", "id", "worker_id", "opened_on", "status", "closed_on")
    moves = _lazy(case_history, "case_history", "case_id", "on", "from_status", "to_status")
    on = _day(moves, "on")
    into = (nw.col("to_status") == _CLOSED).cast(nw.Int64)
    out = (nw.col("from_status") == _CLOSED).cast(nw.Int64)
    upto = on <= as_of
    history = (
        moves.with_columns(
            _text("case_id").alias("id"),
            into.alias("__in_all__"),
            out.alias("__out_all__"),
            (into * upto.cast(nw.Int64)).alias("__in__"),
            (out * upto.cast(nw.Int64)).alias("__out__"),
            nw.when((nw.col("from_status") == _CLOSED) & upto).then(on).alias("__reopened__"),
        )
        .group_by("id")
        .agg(
            nw.col("__in_all__").sum(),
            nw.col("__out_all__").sum(),
            nw.col("__in__").sum(),
            nw.col("__out__").sum(),
            nw.col("__reopened__").max(),
        )
    )
    status = nw.col("status").fill_null(CaseStatus.INTAKE.value)
    closed_now = (status == _CLOSED).cast(nw.Int64)
    has_history = ~nw.col("__in_all__").is_null()
    # closed at the start of the history: the end state less the moves in, plus the moves out
    started_closed = (
        nw.when(has_history)
        .then(closed_now - nw.col("__in_all__") + nw.col("__out_all__"))
        .otherwise(0)
    )
    closed_then = started_closed + nw.col("__in__").fill_null(0) - nw.col("__out__").fill_null(0)
    opened = _day(people, "opened_on")
    since = (
        nw.when(nw.col("__out__").fill_null(0) > 0)
        .then(nw.col("__reopened__"))
        .otherwise(nw.col("__opened__"))
    )
    columns = [
        _text("id"),
        _text("worker_id").alias("worker_id"),
        status.alias("status"),
        opened.alias("__opened__"),
        _day(people, "closed_on").alias("__closed_on__"),
    ]
    return (
        people.select(*columns)
        .join(history, on="id", how="left")
        .filter(closed_then == 0)
        .with_columns(since.alias("__since__"))
        .filter(
            (nw.col("__since__") <= as_of)
            & (nw.col("__closed_on__").is_null() | (nw.col("__closed_on__") > as_of))
        )
        .select("id", "worker_id", "__since__")
    )


def frame_overdue_follow_ups(
    cases: IntoFrame,
    visits: IntoFrame,
    case_history: IntoFrame,
    *,
    as_of: date,
    after_days: int = FOLLOW_UP_DAYS,
) -> Any:
    """Every open case uncontacted for over ``after_days`` days, as a frame of the inputs' engine.

    The rows of `metrics.casework.overdue_follow_ups`, in its order (by due
    date, then case id), as columns ``case_id``, ``worker_id``,
    ``last_contact`` (empty without a contact since the case opened) and
    ``due_on``. The engine finds each case's last contact on or before
    ``as_of`` and whether the case was open that day (from its dates and
    history); nothing comes to Python, and the frame is lazy when the
    inputs are.

    Raises:
        ArgumentError: ``as_of`` is a ``datetime`` or outside 1900–2199, or
            ``after_days`` is not a whole number of days from 0 to 3650.

    Examples:
        >>> from datetime import date
        >>> from socialwork import metrics
        >>> from socialwork.frames import from_records
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> late = frame_overdue_follow_ups(from_records(june.cases), from_records(june.visits),
        ...                                 from_records(june.cases, kind="case_history"),
        ...                                 as_of=date(2025, 6, 30))
        >>> late["case_id"].to_list(), late["due_on"].to_list()[0]
        (['k8', 'k7', 'k4'], datetime.date(2025, 6, 16))
    """
    _one_engine({"cases": cases, "visits": visits, "case_history": case_history})
    as_of = require_day(as_of, "as_of")
    after_days = require_days(after_days, "after_days")
    late = _late(_last_contacts(cases, visits, case_history, as_of), as_of, after_days)
    due = nw.col("__base__").dt.offset_by(f"{after_days}d").cast(nw.Date)
    listing = late.sort(["__base__", "id"]).select(
        nw.col("id").alias("case_id"),
        "worker_id",
        nw.col("__contact__").alias("last_contact"),
        due.alias("due_on"),
    )
    native = _native(cases)
    return (listing if isinstance(native, nw.LazyFrame) else listing.collect()).to_native()


def _late(opened: nw.LazyFrame[Any], as_of: date, after_days: int) -> nw.LazyFrame[Any]:
    """The open cases whose follow-up was due before ``as_of``.

    Due ``after_days`` after the base day, before ``as_of``: the base day is
    before ``as_of - after_days`` (no date arithmetic in the engine).
    """
    return opened.filter(nw.col("__base__") < as_of - timedelta(days=after_days))


def _last_contacts(
    cases: IntoFrame, visits: IntoFrame, case_history: IntoFrame, as_of: date
) -> nw.LazyFrame[Any]:
    """The cases open on ``as_of`` with their last contact since they opened, if any.

    Columns ``id``, ``worker_id``, ``__contact__`` (that contact or null)
    and ``__base__`` (that contact, else the day the case last opened): a
    follow-up is due ``after_days`` after ``__base__``.
    """
    contacts = _lazy(visits, "visits", "case_id", "on")
    on = _day(contacts, "on")
    last = (
        contacts.filter(~nw.col("case_id").is_null() & (on <= as_of))
        .select(_text("case_id").alias("id"), on.alias("__last__"))
        .group_by("id")
        .agg(nw.col("__last__").max())
    )
    opened = _open_cases(cases, case_history, as_of)
    counted = opened.join(last, on="id", how="left").with_columns(
        nw.when(nw.col("__last__") >= nw.col("__since__"))
        .then(nw.col("__last__"))
        .alias("__contact__")
    )
    base = (
        nw.when(nw.col("__contact__").is_null())
        .then(nw.col("__since__"))
        .otherwise(nw.col("__contact__"))
    )
    return counted.select("id", "worker_id", "__contact__", base.alias("__base__"))


class _Casework(NamedTuple):
    """What the monthly report reads of the open cases on a day, from one query."""

    open: int
    """How many cases were open."""
    overdue: int
    """How many of them were overdue for a follow-up."""
    first: tuple[FollowUp, ...]
    """The first `SHOWN` overdue follow-ups, by due date and case id."""


def _open_cases_on(
    cases: IntoFrame, visits: IntoFrame, case_history: IntoFrame, *, as_of: date, after_days: int
) -> _Casework:
    """The open cases on ``as_of``, the overdue ones and the first of them, from one query.

    For the monthly report, which needs both counts: the open cases are
    found once, brought back as a frame (never as Python objects) with
    their base day, and counted; only the first `SHOWN` overdue ones,
    picked by the engine, become `FollowUp` objects.
    """
    _one_engine({"cases": cases, "visits": visits, "case_history": case_history})
    as_of = require_day(as_of, "as_of")
    after_days = require_days(after_days, "after_days")
    opened = _eager(_last_contacts(cases, visits, case_history, as_of)).lazy()
    late = _late(opened, as_of, after_days)
    (open_count,) = _eager(opened.select(nw.len())).row(0)
    (late_count,) = _eager(late.select(nw.len())).row(0)
    first = _eager(late.sort(["__base__", "id"]).head(SHOWN))
    gap = timedelta(days=after_days)
    follow_ups = tuple(
        FollowUp(str(case), str(worker), _date(contact), base_day + gap)
        for case, worker, contact, base_day in zip(
            first["id"].to_list(),
            first["worker_id"].to_list(),
            first["__contact__"].to_list(),
            [_date(d) for d in first["__base__"].to_list()],
            strict=True,
        )
        if base_day is not None
    )
    return _Casework(_int(open_count), _int(late_count), follow_ups)


def frame_mean_caseload(
    cases: IntoFrame, case_history: IntoFrame, staff: IntoFrame, *, as_of: date
) -> float | None:
    """Cases open on ``as_of`` per social worker on staff, as `metrics.casework.mean_caseload`.

    Raises:
        ArgumentError: ``as_of`` is a ``datetime`` or outside 1900–2199.

    Examples:
        >>> from datetime import date
        >>> from socialwork import metrics
        >>> from socialwork.frames import from_records
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> day = date(2025, 6, 30)
        >>> frame_mean_caseload(from_records(june.cases),
        ...                     from_records(june.cases, kind="case_history"),
        ...                     from_records(june.station.staff), as_of=day) == (
        ...     metrics.casework.mean_caseload(june.cases, june.station.staff, as_of=day))
        True
    """
    _one_engine({"cases": cases, "case_history": case_history, "staff": staff})
    as_of = require_day(as_of, "as_of")
    (opened,) = _eager(_open_cases(cases, case_history, as_of).select(nw.len())).row(0)
    return _caseload(_int(opened), staff, as_of)


def _caseload(opened: int, staff: IntoFrame, as_of: date) -> float | None:
    """``opened`` cases per social worker on staff on ``as_of`` (``None`` with no worker)."""
    people = _lazy(staff, "staff", "id", "role", "joined_on", "left_on", "certification")
    workers = people.filter(
        (nw.col("role") != StaffRole.INTERN.value) & _active(people, "joined_on", "left_on", as_of)
    )
    (count,) = _eager(workers.select(nw.len())).row(0)
    if not count:
        return None
    return opened / _int(count)


def frame_clients_per_worker(visits: IntoFrame, staff: IntoFrame, period: Period) -> float | None:
    """Distinct clients contacted per social worker (`metrics.casework.clients_per_worker`).

    Raises:
        TypeError: ``period`` is not a `Period`.

    Examples:
        >>> from socialwork.frames import from_records
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> round(frame_clients_per_worker(from_records(june.visits),
        ...                                from_records(june.station.staff), june.period), 1)
        10.8
    """
    _one_engine({"visits": visits, "staff": staff})
    period = require_instance(Period, period, "period")
    contacts = _lazy(visits, "visits", "client_id", "on")
    (count,) = _eager(_seen_in(contacts, "client_id", "on", period).select(nw.len())).row(0)
    return _caseload(_int(count), staff, period.end)


def frame_resource_utilisation(resources: IntoFrame, deliveries: IntoFrame, period: Period) -> Rate:
    """Usable resources delivered in the period (`metrics.services.resource_utilisation`).

    Raises:
        TypeError: ``period`` is not a `Period`.

    Examples:
        >>> from socialwork.frames import from_records
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> str(frame_resource_utilisation(from_records(june.resources),
        ...                                from_records(june.deliveries), june.period))
        '33.3% (1/3)'
    """
    _one_engine({"resources": resources, "deliveries": deliveries})
    period = require_instance(Period, period, "period")
    stock = _lazy(resources, "resources", "id", "availability")
    given = _lazy(deliveries, "deliveries", "resource_id", "delivered_on")
    used = _seen_in(given, "resource_id", "delivered_on", period).with_columns(
        nw.lit(1).alias("__used__")
    )
    listed = stock.with_columns(nw.col("id").cast(nw.String))
    called, counted = _eager(
        listed.filter(_USABLE)
        .join(used, on="id", how="left")
        .select(
            nw.col("__used__").fill_null(0).sum().alias("called"),
            nw.len().alias("counted"),
        )
    ).row(0)
    return Rate(_int(called), _int(counted), excluded=_unusable(resources).summary())


_USABLE = nw.col("availability").cast(nw.String) == Availability.USABLE.value


def _unusable(resources: IntoFrame) -> _Excluded:
    """The resources not usable now, which resource utilisation leaves out."""
    stock = _lazy(resources, "resources", "id", "availability")
    return _excluded(stock.filter(~_USABLE), ExclusionReason.NOT_USABLE)


def frame_certification_rate(staff: IntoFrame, *, as_of: date) -> Rate:
    """Staff holding a qualification on ``as_of``, as `metrics.services.certification_rate`.

    Raises:
        ArgumentError: ``as_of`` is a ``datetime`` or outside 1900–2199.

    Examples:
        >>> from datetime import date
        >>> from socialwork import metrics
        >>> from socialwork.frames import from_records
        >>> from socialwork.samples import station_month
        >>> staff = station_month().station.staff
        >>> frame_certification_rate(from_records(staff), as_of=date(2025, 6, 30)) == (
        ...     metrics.services.certification_rate(staff, as_of=date(2025, 6, 30)))
        True
    """
    as_of = require_day(as_of, "as_of")
    present = _staff_on(staff, as_of)
    certified = nw.col("certification").fill_null(Certification.NONE.value) != "none"
    held, counted = _eager(
        present.select(
            (~_INTERN & certified).cast(nw.Int64).sum().alias("held"),
            (~_INTERN).cast(nw.Int64).sum().alias("counted"),
        )
    ).row(0)
    return Rate(_int(held), _int(counted), excluded=_interns(staff, as_of).summary())


_INTERN = nw.col("role") == StaffRole.INTERN.value


def _staff_on(staff: IntoFrame, as_of: date) -> nw.LazyFrame[Any]:
    """The staff on staff on ``as_of``."""
    people = _lazy(staff, "staff", "id", "role", "joined_on", "left_on", "certification")
    return people.filter(_active(people, "joined_on", "left_on", as_of))


def _interns(staff: IntoFrame, as_of: date) -> _Excluded:
    """The interns on staff on ``as_of``, which the certification rate leaves out."""
    return _excluded(_staff_on(staff, as_of).filter(_INTERN), ExclusionReason.INTERN)


def frame_staff_turnover(staff: IntoFrame, period: Period) -> Rate:
    """Of the staff at the start, how many left in the period (`metrics.services.staff_turnover`).

    Raises:
        TypeError: ``period`` is not a `Period`.

    Examples:
        >>> from socialwork import metrics
        >>> from socialwork.frames import from_records
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> frame_staff_turnover(from_records(june.station.staff), june.period) == (
        ...     metrics.services.staff_turnover(june.station.staff, june.period))
        True
    """
    period = require_instance(Period, period, "period")
    people = _lazy(staff, "staff", "id", "role", "joined_on", "left_on", "certification")
    start, end = period.start, period.end
    left = _day(people, "left_on")
    leaving_first = (left == start) & (_day(people, "joined_on") <= start)
    present = people.filter(_active(people, "joined_on", "left_on", start) | leaving_first)
    gone, counted = _eager(
        present.select(
            (~nw.col("left_on").is_null() & _between(left, start, end))
            .cast(nw.Int64)
            .sum()
            .alias("gone"),
            nw.len().alias("counted"),
        )
    ).row(0)
    return rate(_int(gone), _int(counted))


def frame_home_visit_completion(visits: IntoFrame, period: Period, planned: int) -> Rate:
    """Home visits in ``period`` against the plan, as `metrics.casework.home_visit_completion`.

    Home visits beyond the plan are excluded and listed: the latest ones, by
    date and id.

    Raises:
        ArgumentError: ``planned`` is negative or above a billion.
        TypeError: ``period`` is not a `Period`.

    Examples:
        >>> from socialwork import metrics
        >>> from socialwork.frames import from_records
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> frame_home_visit_completion(from_records(june.visits), june.period, 60) == (
        ...     metrics.casework.home_visit_completion(june.visits, june.period, 60))
        True
    """
    period = require_instance(Period, period, "period")
    planned = require_count(planned, "planned")
    done, count = _home_visits(visits, period)
    return Rate(min(count, planned), planned, excluded=_above_plan_summary(done, count, planned))


def _home_visits(visits: IntoFrame, period: Period) -> tuple[nw.LazyFrame[Any], int]:
    """The home visits of ``period`` (``__on__``, ``record_id``, ``reason``) and their count."""
    frame = _lazy(visits, "visits", "id", "on", "mode")
    home = nw.col("mode") == ContactMode.HOME_VISIT.value
    done = frame.filter(home & _in(frame, "on", period)).select(
        _day(frame, "on").alias("__on__"),
        _text("id").alias("record_id"),
        nw.lit(ExclusionReason.ABOVE_PLAN.value, nw.String()).alias("reason"),
    )
    (count,) = _eager(done.select(nw.len())).row(0)
    return done, _int(count)


def _above_plan(done: nw.LazyFrame[Any], count: int, planned: int) -> _Excluded:
    """The home visits beyond the plan: the latest ones, by date and id, listed in that order."""
    above = max(0, count - planned)
    latest = done.sort(["__on__", "record_id"], descending=True).head(above)
    return _Excluded(latest if above else done.head(0), ("__on__", "record_id"))


def _above_plan_summary(done: nw.LazyFrame[Any], count: int, planned: int) -> ExclusionSummary:
    """The home visits beyond the plan, counted, and the first `SHOWN` of them by date and id.

    The count needs no query; listed by date and id, the excluded visits
    follow the ``planned`` earliest ones, so their first rows are the
    visits just after the plan's (or the earliest of the latest ones): one
    query for the first rows of a sort, which every engine answers without
    sorting every visit, in place of `_Excluded.summary`'s window.
    """
    above = max(0, count - planned)
    if not above:
        return ExclusionSummary()
    order = ["__on__", "record_id"]
    if planned + SHOWN <= above:
        head = _eager(done.sort(order).head(planned + SHOWN).select("record_id"))
        first = head["record_id"].to_list()[planned:]
    else:
        latest = _eager(done.sort(order, descending=True).head(above).select("record_id"))
        first = latest["record_id"].to_list()[::-1][:SHOWN]
    reason = ExclusionReason.ABOVE_PLAN
    return ExclusionSummary(((reason, above),), tuple(Exclusion(str(r), reason) for r in first))


def _attendance(
    group_members: IntoFrame, group_sessions: IntoFrame, period: Period
) -> dict[str, tuple[int, int]]:
    """Each group's attendances and members expected at its sessions in ``period``, by id."""
    members = _lazy(group_members, "group_members", "group_id", "joined_on", "left_on")
    sessions = _lazy(group_sessions, "group_sessions", "group_id", "on")
    sessions, count = _items(sessions, "attended")
    held = sessions.filter(_in(sessions, "on", period)).select(
        _text("group_id").alias("group_id"),
        _day(sessions, "on").alias("__on__"),
        count.cast(nw.Int64).alias("__came__"),
    )
    came = _eager(held.group_by("group_id").agg(nw.col("__came__").sum()))
    roster = members.select(
        _text("group_id").alias("group_id"),
        _day(members, "joined_on").alias("__joined__"),
        _day(members, "left_on").alias("__left__"),
    )
    expected = _eager(
        held.select("group_id", "__on__")
        .join(roster, on="group_id", how="inner")
        .filter(
            (nw.col("__joined__") <= nw.col("__on__"))
            & (nw.col("__left__").is_null() | (nw.col("__left__") > nw.col("__on__")))
        )
        .group_by("group_id")
        .agg(nw.len().alias("__expected__"))
    )
    found: dict[str, tuple[int, int]] = {str(g): (_int(n), 0) for g, n in came.iter_rows()}
    for g, n in expected.iter_rows():
        found[str(g)] = (found.get(str(g), (0, 0))[0], _int(n))
    return found


def frame_group_attendance(
    group_members: IntoFrame, group_sessions: IntoFrame, period: Period
) -> Rate:
    """Attendance at the sessions held in ``period``, as `metrics.services.group_attendance`.

    Expected at a session are the members of its group active on its date.

    Raises:
        TypeError: ``period`` is not a `Period`.

    Examples:
        >>> from socialwork import metrics
        >>> from socialwork.frames import from_records
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> frame_group_attendance(from_records(june.groups, kind="group_members"),
        ...                        from_records(june.groups, kind="group_sessions"),
        ...                        june.period) == (
        ...     metrics.services.group_attendance(june.groups, june.period))
        True
    """
    _one_engine({"group_members": group_members, "group_sessions": group_sessions})
    period = require_instance(Period, period, "period")
    counts = _attendance(group_members, group_sessions, period).values()
    return rate(sum(c for c, _ in counts), sum(e for _, e in counts))
