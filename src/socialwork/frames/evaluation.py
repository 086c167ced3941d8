"""Pre/post pairing and reliable change on a long table of scale administrations.

A district keeps its scale administrations as one long table, one row per
administration: ``id``, ``client_id``, ``scale`` (the scale's code),
``on`` (a date) and ``total`` (the columns of
`socialwork.models.ScaleAdministration`). `frame_pre_post` chooses each
client's baseline and follow-up days inside the engine (polars, DuckDB, or
any engine narwhals supports, eager or lazy) and brings back only the rows
of the chosen days, so the result is the same `PrePost` the record path
(`socialwork.evaluation.pre_post`) returns on the same rows;
`frame_reliable_change` classes the pairs as
`socialwork.evaluation.reliable_change` does.

Examples:
    >>> from datetime import date
    >>> import polars as pl
    >>> from socialwork.samples import mood_group_administrations
    >>> table = pl.DataFrame([a.model_dump() for a in mood_group_administrations()])
    >>> pp = frame_pre_post(table, "gds15", start=date(2025, 3, 4), end=date(2025, 5, 27))
    >>> len(pp.pairs), pp.unpaired[0].client_id
    (10, 'e26')
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

import narwhals as nw
from narwhals.typing import IntoFrame

from socialwork._arguments import require_day, require_member, require_text
from socialwork.errors import EvaluationInputError, FrameContractError
from socialwork.evaluation import (
    Cutoff,
    Pair,
    PairingRule,
    PrePost,
    ReliableChange,
    Scale,
    Unpaired,
    UnpairedReason,
    reliable_change,
    scale,
)
from socialwork.frames.problems import FrameProblem
from socialwork.frames.validate import _native
from socialwork.models import ScaleAdministration

__all__ = ["ADMINISTRATION_COLUMNS", "frame_pre_post", "frame_reliable_change"]

ADMINISTRATION_COLUMNS = ("id", "client_id", "scale", "on", "total")
"""The columns a table of administrations must have (``worker_id`` may be there too)."""


_READABLE: dict[str, tuple[str, Callable[[Any], bool]]] = {
    "id": ("string_type", lambda dtype: dtype == nw.String),
    "client_id": ("string_type", lambda dtype: dtype == nw.String),
    "scale": ("string_type", lambda dtype: dtype == nw.String),
    "on": ("date_type", lambda dtype: dtype == nw.Date),
    "total": ("float_type", lambda dtype: dtype.is_numeric()),
}
"""Each column's rule code, and whether a column type can be read by it."""


def _table(frame: IntoFrame) -> nw.LazyFrame[Any]:
    """The table's five columns, lazy, once their types and cells are readable.

    Raises:
        FrameContractError: a column is missing (``missing_column``), of the
            wrong type (``string_type``, ``date_type``, ``float_type``) or
            has a blank cell (``missing``).
    """
    native = _native(frame)
    schema = native.collect_schema()
    problems = [
        FrameProblem(None, name, "missing_column")
        if name not in schema
        else FrameProblem(None, name, rule, str(schema[name]))
        for name, (rule, readable) in _READABLE.items()
        if name not in schema or not readable(schema[name])
    ]
    if problems:
        raise FrameContractError("administrations", tuple(problems))
    blank = _blank_cells(native)
    if blank:
        raise FrameContractError("administrations", blank)
    return native.lazy().select(*ADMINISTRATION_COLUMNS)


def _blank_cells(native: nw.DataFrame[Any] | nw.LazyFrame[Any]) -> tuple[FrameProblem, ...]:
    """A ``missing`` problem for each blank cell: by row in an eager table, by id in a lazy one."""
    eager = isinstance(native, nw.DataFrame)
    table = native.with_row_index("__row").lazy() if isinstance(native, nw.DataFrame) else native
    blank = nw.any_horizontal(*(nw.col(c).is_null() for c in _READABLE), ignore_nulls=True)
    rows = table.filter(blank).collect().iter_rows(named=True)
    return tuple(
        FrameProblem(row["__row"] if eager else None, name, "missing", None, row["id"])
        for row in rows
        for name in _READABLE
        if row[name] is None
    )


def _when(condition: nw.Expr, name: str) -> nw.Expr:
    return nw.when(condition).then(nw.col("on")).alias(name)


def _nearer(low: date | None, high: date | None, to: date, *, tie_to_low: bool) -> date | None:
    """The one of ``low`` (on or before ``to``) and ``high`` (on or after) nearer to ``to``."""
    if low is None or high is None:
        return low if high is None else high
    below, above = (to - low).days, (high - to).days
    if below == above:
        return low if tie_to_low else high
    return low if below < above else high


def frame_pre_post(
    frame: IntoFrame,
    scale_or_code: Scale | str,
    *,
    start: date,
    end: date,
    rule: PairingRule | str = PairingRule.ADJACENT,
    clients: Iterable[str] = (),
) -> PrePost:
    """`socialwork.evaluation.pre_post` on a long table of administrations, inside its engine.

    The baseline and follow-up days of every client are found by
    aggregations in the engine (for ``nearest``, a second aggregation over
    the table joined with the first); only one row per client and the rows
    on the chosen days come back to Python. The rules, the order and the
    reasons are the record path's.

    Raises:
        FrameContractError: a column is missing, is not of its type (text
            ``id``, ``client_id`` and ``scale``, a date ``on``, a number
            ``total``) or has a blank cell; each problem names the column
            and the rule (and the row of an eager table).
        EvaluationInputError: ``end`` is before ``start`` or two rows share an id.
        ArgumentError: a date is a ``datetime`` or out of range, or ``frame``
            is not a frame.
        UnknownCodeError: the scale or the rule is unknown.

    Examples:
        >>> from datetime import date
        >>> import duckdb, polars as pl
        >>> from socialwork.samples import mood_group_administrations
        >>> rows = pl.DataFrame([a.model_dump() for a in mood_group_administrations()])
        >>> table = duckdb.sql("select * from rows")
        >>> pp = frame_pre_post(table, "gds15", start=date(2025, 3, 4), end=date(2025, 5, 27))
        >>> pp.before[:3], pp.after[:3]
        ((9.0, 7.0, 11.0), (4.0, 3.0, 6.0))
    """
    chosen = scale(scale_or_code)
    start = require_day(start, "start")
    end = require_day(end, "end")
    rule = require_member(PairingRule, rule, "rule")
    expected = tuple(require_text(c, "clients") for c in clients)
    if end < start:
        raise EvaluationInputError("end_before_start", end, f"an end on or after {start}")
    table = _table(frame)
    rows, ids = table.select(nw.len(), nw.col("id").n_unique()).collect().row(0)
    if rows and rows != ids:
        raise EvaluationInputError("duplicate_administration", rows - ids, "distinct ids")
    mine = table.filter(nw.col("scale") == chosen.code)
    on = nw.col("on")
    days = (
        mine.with_columns(
            _when(on <= nw.lit(start), "before"),
            _when(on >= nw.lit(start), "from_start"),
            _when((on >= nw.lit(end)) & (on > nw.lit(start)), "after"),
        )
        .group_by("client_id")
        .agg(
            nw.col("before").min().alias("first_before"),
            nw.col("before").max().alias("last_before"),
            nw.col("from_start").min().alias("first_from_start"),
            nw.col("after").min().alias("first_after"),
            nw.col("after").max().alias("last_after"),
        )
    )
    chosen_days: dict[str, tuple[date | None, date | None]] = {}
    if rule is PairingRule.NEAREST:
        for row in _nearest(mine, days, end).iter_rows(named=True):
            low, high = row["last_before"], row["first_from_start"]
            baseline = _nearer(low, high, start, tie_to_low=True)
            side = "low" if baseline == low else "high"
            follow_up = _nearer(
                row[f"up_to_end_{side}"], row[f"from_end_{side}"], end, tie_to_low=False
            )
            chosen_days[row["client_id"]] = (baseline, follow_up)
    else:
        outer = rule is PairingRule.OUTERMOST
        for row in days.collect().iter_rows(named=True):
            chosen_days[row["client_id"]] = (
                row["first_before" if outer else "last_before"],
                row["last_after" if outer else "first_after"],
            )
    picked: dict[tuple[str, date], list[ScaleAdministration]] = {}
    for r in _rows_on(mine, chosen_days):
        a = ScaleAdministration(
            id=str(r["id"]),
            client_id=str(r["client_id"]),
            scale=chosen.code,
            on=r["on"],
            total=float(r["total"]),
        )
        picked.setdefault((a.client_id, a.on), []).append(a)
    pairs: list[Pair] = []
    unpaired = [
        Unpaired(c, UnpairedReason.NOT_ASSESSED)
        for c in sorted(set(expected))
        if c not in chosen_days
    ]
    for client in sorted(chosen_days):
        baseline_day, follow_day = chosen_days[client]
        if baseline_day is None:
            unpaired.append(Unpaired(client, UnpairedReason.NO_BASELINE))
        elif follow_day is None:
            unpaired.append(Unpaired(client, UnpairedReason.NO_FOLLOW_UP))
        else:
            before, after = picked[(client, baseline_day)], picked[(client, follow_day)]
            if len(before) > 1 or len(after) > 1:
                unpaired.append(Unpaired(client, UnpairedReason.SAME_DAY))
            else:
                pairs.append(Pair(client, before[0], after[0]))
    unpaired.sort(key=lambda u: u.client_id)
    return PrePost(chosen, rule, start, end, tuple(pairs), tuple(unpaired))


def _nearest(mine: nw.LazyFrame[Any], days: nw.LazyFrame[Any], end: date) -> nw.DataFrame[Any]:
    """Per client, the days around the start, and for each the follow-up candidates after it."""
    on = nw.col("on")
    candidates = []
    for side, baseline in (("low", "last_before"), ("high", "first_from_start")):
        later = on > nw.col(baseline)
        candidates += [
            _when(later & (on <= nw.lit(end)), f"up_to_end_{side}"),
            _when(later & (on >= nw.lit(end)), f"from_end_{side}"),
        ]
    return (
        mine.select("client_id", "on")
        .join(days.select("client_id", "last_before", "first_from_start"), on="client_id")
        .with_columns(*candidates)
        .group_by("client_id")
        .agg(
            nw.col("last_before").max(),
            nw.col("first_from_start").min(),
            nw.col("up_to_end_low").max(),
            nw.col("from_end_low").min(),
            nw.col("up_to_end_high").max(),
            nw.col("from_end_high").min(),
        )
        .collect()
    )


def _rows_on(
    mine: nw.LazyFrame[Any], chosen: dict[str, tuple[date | None, date | None]]
) -> list[dict[str, Any]]:
    """The rows of ``mine`` on each client's chosen days, as dicts."""
    wanted = {(c, d) for c, pair in chosen.items() for d in pair if d is not None}
    if not wanted:
        return []
    clients = sorted({c for c, _ in wanted})
    days = sorted({d for _, d in wanted})
    narrowed = mine.filter(nw.col("client_id").is_in(clients) & nw.col("on").is_in(days))
    rows = narrowed.collect().iter_rows(named=True)
    return [r for r in rows if (r["client_id"], r["on"]) in wanted]


def frame_reliable_change(
    frame: IntoFrame,
    scale_or_code: Scale | str,
    *,
    start: date,
    end: date,
    reliability: float,
    sd: float,
    cutoff: Cutoff | float | None = None,
    rule: PairingRule | str = PairingRule.ADJACENT,
) -> ReliableChange:
    """`socialwork.evaluation.reliable_change` of the pairs `frame_pre_post` finds in a table.

    Raises:
        FrameContractError: a column is missing, is not of its type or has
            a blank cell (as in `frame_pre_post`).
        EvaluationInputError: ``end`` is before ``start`` or two rows share an id.
        ArgumentError: a date, the reliability, the SD or the cut-off is out of range.

    Examples:
        >>> from datetime import date
        >>> import polars as pl
        >>> from socialwork.samples import mood_group_administrations
        >>> table = pl.DataFrame([a.model_dump() for a in mood_group_administrations()])
        >>> rc = frame_reliable_change(table, "gds15", start=date(2025, 3, 4),
        ...                            end=date(2025, 5, 27), reliability=0.8, sd=3.0, cutoff=5)
        >>> str(rc.share("recovered"))
        '40.0% (4/10)'
    """
    pairs = frame_pre_post(frame, scale_or_code, start=start, end=end, rule=rule)
    return reliable_change(pairs, reliability=reliability, sd=sd, cutoff=cutoff)
