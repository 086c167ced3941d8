"""Between frames and records: `to_records` and `from_records`."""

from __future__ import annotations

import importlib
import math
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any, cast

import narwhals as nw
from narwhals.typing import IntoFrame
from pydantic import ValidationError

from socialwork.errors import ArgumentError, FrameContractError
from socialwork.frames.contracts import CHILDREN, CONTRACTS, SEPARATOR, Column, Contract, contract
from socialwork.frames.problems import FrameProblem, masked
from socialwork.frames.validate import FALSE_TEXTS, TRUE_TEXTS, _native
from socialwork.labels import LabelledEnum
from socialwork.records import Record

__all__ = ["from_records", "to_records"]

_SPLIT = re.compile(r"[;,，；、]")


class _Bad(Exception):
    """A cell that cannot be read; carries the rule code."""

    def __init__(self, rule: str) -> None:
        self.rule = rule


def _scalar(value: object) -> object:
    """A numpy or pandas scalar as the Python value it holds."""
    item = getattr(value, "item", None)
    numpy = type(value).__module__.startswith("numpy")
    if item is not None and numpy and getattr(value, "ndim", 0) == 0:
        return item()
    to_py = getattr(value, "to_pydatetime", None)
    if to_py is not None:
        return to_py()
    return value


def _blank(value: object) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, str) and not value.strip():
        return True
    return type(value).__name__ in ("NaTType", "NAType")


def _code(column: Column, value: object) -> str:
    if not isinstance(value, str):
        raise _Bad("enum")
    text = value.strip()
    if column.enum is None:  # pragma: no cover - code columns always have an enum
        return text
    for member in column.enum:
        if text in (member.value, member.label("zh"), member.label("zh-Hant"), member.label("en")):
            return member.value
    raise _Bad("enum")


def _cell(column: Column, value: object) -> object:
    """The value a record field is given for one cell (a ``_Bad`` when unreadable)."""
    value = _scalar(value)
    kind = column.type
    if kind == "date":
        if isinstance(value, datetime):
            if value.time() != datetime.min.time() or value.tzinfo is not None:
                raise _Bad("datetime_not_date")
            return value.date()
        return value.strip() if isinstance(value, str) else value
    if kind in ("count", "scale5"):
        if isinstance(value, float) and value.is_integer():
            return int(value)
        return value
    if kind == "decimal":
        if isinstance(value, float):
            return Decimal(repr(value))
        return value.strip() if isinstance(value, str) else value
    if kind == "bool":
        if isinstance(value, str):
            if value.strip() in TRUE_TEXTS:
                return True
            if value.strip() in FALSE_TEXTS:
                return False
            raise _Bad("bool_parsing")
        return value
    if kind == "code":
        return _code(column, value)
    if kind in ("codes", "texts"):
        parts: Sequence[object]
        if isinstance(value, str):
            parts = [p for p in (p.strip() for p in _SPLIT.split(value)) if p]
        elif isinstance(value, Iterable):
            parts = [_scalar(p) for p in value]
        else:
            raise _Bad("tuple_type")
        if kind == "codes":
            return tuple(_code(column, p) for p in parts)
        return tuple(parts)
    if kind == "id" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _row(
    spec: Contract, row: dict[str, Any]
) -> tuple[dict[str, Any], list[tuple[str, str, object]]]:
    data: dict[str, Any] = {}
    bad: list[tuple[str, str, object]] = []
    for name, raw in row.items():
        column = next((c for c in spec.columns if c.name == name), None)
        if column is None:
            bad.append((name, "extra_forbidden", raw))
            continue
        if _blank(raw):
            if name == spec.parent:
                bad.append((name, "missing", raw))
            continue
        try:
            data[name] = _cell(column, raw)
        except _Bad as err:
            bad.append((name, err.rule, raw))
    for flat in spec.flattened:
        nested = {field: data.pop(column, None) for column, field in flat.columns}
        if any(value is not None for value in nested.values()):
            data[flat.field] = nested
    return data, bad


def _column_of(spec: Contract, loc: tuple[int | str, ...]) -> str:
    """The table column of an error's location: a flattened record's field has its own."""
    if not loc:
        return ""
    for flat in spec.flattened:
        if loc[0] == flat.field:
            inner = flat.column_of(str(loc[1])) if len(loc) > 1 else None
            return inner or flat.columns[0][0]
    return str(loc[0])


def _eager_rows(frame: IntoFrame) -> Iterator[dict[str, Any]]:
    native = _native(frame)
    eager = native.collect() if isinstance(native, nw.LazyFrame) else native
    return eager.iter_rows(named=True)


def _read(
    spec: Contract,
    frame: IntoFrame,
    nested: Mapping[str, dict[str, list[Record]]] | None = None,
) -> tuple[list[tuple[str | None, Record]], list[FrameProblem]]:
    """Each good row's parent id (for a child table) and record; every bad row's problems."""
    read: list[tuple[str | None, Record]] = []
    problems: list[FrameProblem] = []
    for index, row in enumerate(_eager_rows(frame)):
        data, bad = _row(spec, row)
        record_id = None if _blank(row.get("id")) else str(_scalar(row.get("id")))
        for column, rule, value in bad:
            problems.append(FrameProblem(index, column, rule, value, record_id))
        if bad:
            continue
        owner = data.pop(spec.parent, None) if spec.parent is not None else None
        for field, by_parent in (nested or {}).items():
            data[field] = tuple(by_parent.get(str(data.get("id")), ()))
        try:
            read.append((None if owner is None else str(owner), spec.record.model_validate(data)))
        except ValidationError as err:
            for e in err.errors():
                column = _column_of(spec, e["loc"])
                value = None if e["type"] == "missing" else e.get("input")
                problems.append(FrameProblem(index, column, e["type"], value, record_id))
    return read, problems


def to_records(
    frame: IntoFrame, kind: str, *, children: Mapping[str, IntoFrame] | None = None
) -> tuple[Record, ...]:
    """Read every row of a frame into a validated record of ``kind``.

    Accepts what real tables hold: ISO date strings, pandas or numpy scalars,
    timestamps without a time part, codes or Simplified Chinese, Traditional
    Chinese or English labels for enums, several codes in one cell separated
    by ``;`` ``,`` or ``、``, ids written as whole numbers, and blank cells as
    missing. Refuses a timestamp with a time, a label that matches nothing and
    everything the record refuses, and reports every bad row, not only the
    first.

    A child table (`socialwork.frames.contracts.CHILDREN`: ``group_members``,
    ``group_sessions``, ``case_goals``, ``case_history``, and the team's
    ``supervision_decisions``, ``training_scores``, ``approval_steps``)
    reads into its own records (`GroupMember`, `GroupSession`, `Goal`,
    `StatusChange`, ...), in row order; its parent column (``group_id``,
    ``case_id``, ...) must be filled. To
    build whole groups or cases, pass the child tables as ``children`` with
    the parent table: each record gets the rows naming its id, in row order
    (a case's history rows in the order the moves happened), and the
    record's own rules run on the whole (an attendee must be a member that
    day, the history ends at the case's status).

    Raises:
        UnknownCodeError: ``kind`` or a key of ``children`` is none of `KINDS`.
        ArgumentError: a key of ``children`` is not a child table of ``kind``,
            or ``frame`` is not a dataframe.
        FrameContractError: some rows break the contract; ``.problems`` lists
            each with its row, column, rule code and value (a child table's
            problems first, under the child's kind; a child row naming no
            parent row is ``unknown_reference``).

    Examples:
        >>> import pandas as pd
        >>> df = pd.DataFrame({"id": ["p1"], "name": ["李大爷"], "community_id": ["c1"],
        ...                    "registered_on": [pd.Timestamp("2025-03-02")],
        ...                    "categories": ["独居老人"], "born_on": [None]})
        >>> (client,) = to_records(df, "clients")
        >>> client.registered_on, client.categories[0].value
        (datetime.date(2025, 3, 2), 'living_alone_elderly')
        >>> groups = pd.DataFrame({"id": ["g1"], "name": ["夕阳红"], "kind": ["互助小组"],
        ...                        "community_id": ["c1"], "started_on": ["2025-05-01"]})
        >>> members = pd.DataFrame({"group_id": ["g1", "g1"], "member_id": ["p1", "p2"],
        ...                         "joined_on": ["2025-05-01", "2025-06-01"]})
        >>> (group,) = to_records(groups, "groups", children={"group_members": members})
        >>> [m.member_id for m in group.members]
        ['p1', 'p2']
    """
    spec = contract(kind)
    nested: dict[str, dict[str, list[Record]]] = {}
    for child_kind, child_frame in (children or {}).items():
        child = contract(child_kind)
        if CHILDREN.get(child.kind, ("", ""))[0] != spec.kind:
            raise ArgumentError("children", child_kind, f"a child table of {spec.kind}")
        read, problems = _read(child, child_frame)
        if problems:
            raise FrameContractError(child.kind, masked(child, problems))
        by_parent: dict[str, list[Record]] = {}
        for owner, record in read:
            by_parent.setdefault(str(owner), []).append(record)
        nested[CHILDREN[child.kind][1]] = by_parent
    read, problems = _read(spec, frame, nested)
    if problems:
        raise FrameContractError(spec.kind, masked(spec, problems))
    if nested:
        _check_parents(spec.kind, children or {}, nested, {getattr(r, "id", None) for _, r in read})
    return tuple(record for _, record in read)


def _check_parents(
    kind: str,
    children: Mapping[str, IntoFrame],
    nested: Mapping[str, dict[str, list[Record]]],
    ids: set[object],
) -> None:
    """Refuse child rows that name no row of the parent table."""
    for child_kind in children:
        child = contract(child_kind)
        field = CHILDREN[child.kind][1]
        orphans = sorted(owner for owner in nested[field] if owner not in ids)
        if orphans:
            raise FrameContractError(
                child.kind,
                tuple(
                    FrameProblem(None, str(child.parent), "unknown_reference", owner)
                    for owner in orphans
                ),
            )


def _value(spec: Contract, record: Record, name: str) -> object:
    """The value of column ``name`` in ``record``, a flattened record's field included."""
    for flat in spec.flattened:
        for column, field in flat.columns:
            if column == name:
                return getattr(getattr(record, flat.field), field, None)
    return getattr(record, name)


def _out(column: Column, value: object) -> object:
    if isinstance(value, LabelledEnum):
        return value.value
    if isinstance(value, tuple) and column.type == "texts":
        return list(value)
    if isinstance(value, tuple):
        return SEPARATOR.join(str(getattr(v, "value", v)) for v in value) or None
    return value


_DTYPES: dict[str, Any] = {
    "id": nw.String(),
    "text": nw.String(),
    "code": nw.String(),
    "codes": nw.String(),
    "texts": nw.List(nw.String()),
    "date": nw.Date(),
    "count": nw.Int64(),
    "scale5": nw.Int64(),
    "decimal": nw.Float64(),
    "number": nw.Float64(),
    "bool": nw.Boolean(),
}


def _float(value: object) -> object:
    return float(value) if isinstance(value, Decimal) else value


def _pandas(spec: Contract, data: dict[str, list[object]]) -> Any:
    """A pandas frame as pandas users build it: dates as timestamps, missing counts as NaN."""
    try:
        pd: Any = importlib.import_module("pandas")
    except ImportError as err:
        raise ArgumentError("backend", "pandas", "an installed eager backend") from err
    frame = pd.DataFrame(data)
    for column in spec.columns:
        if column.type == "date":
            frame[column.name] = pd.to_datetime(frame[column.name])
        elif column.type in ("count", "scale5", "decimal", "number"):
            frame[column.name] = pd.to_numeric(frame[column.name])
        elif frame.empty and column.type in ("id", "text", "code", "codes"):
            # with no rows pandas would guess float64, which no text column may hold
            frame[column.name] = frame[column.name].astype("str")
        elif frame.empty and column.type == "bool":
            frame[column.name] = frame[column.name].astype("boolean")
        elif frame.empty and column.type == "texts":
            frame[column.name] = frame[column.name].astype("object")
    return frame


def from_records(
    records: Iterable[Record], *, kind: str | None = None, backend: str = "polars"
) -> Any:
    """A native frame of ``backend`` (``polars``, ``pandas``, ``pyarrow``) holding the records.

    The columns are those of the records' contract, in its order: dates as
    dates, enums as codes, several codes joined by ``;``; nested records
    that are not table columns (`Contract.not_in_table`) are left out, and a
    flattened record (`Contract.flattened`: a case's closure) goes to its
    own columns (``closed_on`` and ``closure_outcome``); several
    texts (a volunteer's skills) make a list column. All records must be of
    one kind: of ``kind`` when it is given, which makes an empty frame of
    that kind's columns from no records. For a child table
    (``group_members``, ``group_sessions``, ``case_goals``,
    ``case_history``, ``supervision_decisions``, ``training_scores``,
    ``approval_steps``) give the parent records (groups, cases, sessions,
    trainings, requests) and ``kind``: a row for each child, with the
    parent's id.

    Raises:
        ArgumentError: the records are of several kinds, not of ``kind``, of
            a kind without a contract, or there are none and no ``kind``;
            ``backend`` is not installed.
        UnknownCodeError: ``kind`` is none of `KINDS`.

    Examples:
        >>> from datetime import date
        >>> from socialwork.models import Client
        >>> df = from_records([Client(id="p1", name="李大爷", community_id="c1",
        ...                           registered_on=date(2025, 3, 2),
        ...                           categories=("living_alone_elderly", "youth"))])
        >>> df["categories"].to_list()
        ['living_alone_elderly;youth']
        >>> from socialwork.samples import station_month
        >>> from_records(station_month().groups, kind="group_members").columns[:2]
        ['group_id', 'member_id']
    """
    rows = list(records)
    kinds = {type(r) for r in rows}
    owners: list[str] = []
    if kind is not None:
        wanted = contract(kind)
        if wanted.parent is not None:
            parent_kind, field = CHILDREN[wanted.kind]
            kinds.add(contract(parent_kind).record)
            if len(kinds) == 1:
                owners = [str(r.id) for r in rows for _ in getattr(r, field)]  # type: ignore[attr-defined]
                rows = [child for r in rows for child in getattr(r, field)]
                kinds = {wanted.record}
        else:
            kinds.add(wanted.record)
    if len(kinds) != 1:
        raise ArgumentError(
            "records", f"{len(rows)} records of {len(kinds)} kinds", "records of one kind"
        )
    (record_type,) = kinds
    spec = next(
        (c for c in CONTRACTS.values() if c.record is record_type and c.parent is None), None
    )
    if kind is not None:
        spec = contract(kind)
    if spec is None:
        raise ArgumentError("records", record_type.__name__, "records with a column contract")
    data: dict[str, list[object]] = {c.name: [] for c in spec.columns}
    if spec.parent is not None:
        data[spec.parent] = list(owners)
    for record in rows:
        for column in spec.columns:
            if column.name == spec.parent:
                continue
            data[column.name].append(_float(_out(column, _value(spec, record, column.name))))
    if backend == "pandas":
        return _pandas(spec, data)
    schema = {c.name: _DTYPES[c.type] for c in spec.columns}
    try:
        frame = nw.from_dict(data, schema=schema, backend=cast(Any, backend))
    except (ValueError, ModuleNotFoundError, ImportError) as err:
        raise ArgumentError(
            "backend", backend, "an installed eager backend: polars, pandas or pyarrow"
        ) from err
    return frame.to_native()
