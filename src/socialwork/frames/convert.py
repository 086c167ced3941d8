"""Between frames and records: `to_records` and `from_records`."""

from __future__ import annotations

import importlib
import math
import re
from collections.abc import Iterable, Sequence
from datetime import datetime
from decimal import Decimal
from typing import Any, cast

import narwhals as nw
from narwhals.typing import IntoFrame
from pydantic import ValidationError

from socialwork.errors import ArgumentError, FrameContractError
from socialwork.frames.contracts import CONTRACTS, SEPARATOR, Column, Contract, contract
from socialwork.frames.problems import FrameProblem
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
    if item is not None and type(value).__module__.startswith("numpy"):
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
        if name == spec.parent:
            continue
        column = next((c for c in spec.columns if c.name == name), None)
        if column is None:
            bad.append((name, "extra_forbidden", raw))
            continue
        if _blank(raw):
            continue
        try:
            data[name] = _cell(column, raw)
        except _Bad as err:
            bad.append((name, err.rule, raw))
    if spec.kind == "cases":
        closed_on = data.pop("closed_on", None)
        outcome = data.pop("closure_outcome", None)
        if closed_on is not None or outcome is not None:
            data["closure"] = {"closed_on": closed_on, "outcome": outcome}
    return data, bad


def to_records(frame: IntoFrame, kind: str) -> tuple[Record, ...]:
    """Read every row of a frame into a validated record of ``kind``.

    Accepts what real tables hold: ISO date strings, pandas or numpy scalars,
    timestamps without a time part, codes or Simplified Chinese, Traditional
    Chinese or English labels for enums, several codes in one cell separated
    by ``;`` ``,`` or ``、``, ids written as whole numbers, and blank cells as
    missing. Refuses a timestamp with a time, a label that matches nothing and
    everything the record refuses, and reports every bad row, not only the
    first.

    Raises:
        UnknownCodeError: ``kind`` is none of `KINDS`.
        ArgumentError: ``kind`` is a child table (group members and sessions
            belong to their group's record) or ``frame`` is not a dataframe.
        FrameContractError: some rows break the contract; ``.problems`` lists
            each with its row, column, rule code and value.

    Examples:
        >>> import pandas as pd
        >>> df = pd.DataFrame({"id": ["p1"], "name": ["李大爷"], "community_id": ["c1"],
        ...                    "registered_on": [pd.Timestamp("2025-03-02")],
        ...                    "categories": ["独居老人"], "born_on": [None]})
        >>> (client,) = to_records(df, "clients")
        >>> client.registered_on, client.categories[0].value
        (datetime.date(2025, 3, 2), 'living_alone_elderly')
    """
    spec = contract(kind)
    if spec.parent is not None:
        raise ArgumentError("kind", kind, "a table of whole records, not a child table")
    native = _native(frame)
    eager = native.collect() if isinstance(native, nw.LazyFrame) else native
    records: list[Record] = []
    problems: list[FrameProblem] = []
    for index, row in enumerate(eager.iter_rows(named=True)):
        data, bad = _row(spec, row)
        record_id = None if _blank(row.get("id")) else str(_scalar(row.get("id")))
        for column, rule, value in bad:
            problems.append(FrameProblem(index, column, rule, value, record_id))
        if bad:
            continue
        try:
            records.append(spec.record.model_validate(data))
        except ValidationError as err:
            for e in err.errors():
                column = str(e["loc"][0]) if e["loc"] else ""
                if column == "closure":
                    column = "closed_on"
                problems.append(FrameProblem(index, column, e["type"], e.get("input"), record_id))
    if problems:
        raise FrameContractError(spec.kind, tuple(problems))
    return tuple(records)


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
    return frame


def from_records(
    records: Iterable[Record], *, kind: str | None = None, backend: str = "polars"
) -> Any:
    """A native frame of ``backend`` (``polars``, ``pandas``, ``pyarrow``) holding the records.

    The columns are those of the records' contract, in its order: dates as
    dates, enums as codes, several codes joined by ``;``; nested records
    that are not table columns (`Contract.not_in_table`) are left out, and a
    case's closure goes to ``closed_on`` and ``closure_outcome``; several
    texts (a volunteer's skills) make a list column. All records must be of
    one kind: of ``kind`` when it is given, which makes an empty frame of
    that kind's columns from no records.

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
    """
    rows = list(records)
    kinds = {type(r) for r in rows}
    if kind is not None:
        kinds.add(contract(kind).record)
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
    for record in rows:
        for column in spec.columns:
            if column.name in ("closed_on", "closure_outcome") and spec.kind == "cases":
                closure = getattr(record, "closure", None)
                value: object = None
                if closure is not None:
                    value = closure.closed_on if column.name == "closed_on" else closure.outcome
            else:
                value = getattr(record, column.name)
            data[column.name].append(_float(_out(column, value)))
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
