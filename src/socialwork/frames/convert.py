"""Between frames and records: `to_records` and `from_records`."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping
from decimal import Decimal
from itertools import repeat
from typing import Any, cast

import narwhals as nw
from narwhals.typing import IntoFrame

from socialwork.errors import ArgumentError, FrameContractError
from socialwork.frames.contracts import (
    CHILDREN,
    CONTRACTS,
    SEPARATOR,
    Column,
    Contract,
    Nesting,
    contract,
)
from socialwork.frames.problems import FrameProblem, masked
from socialwork.frames.validate import (
    _Key,
    _Read,
    read_table,
)
from socialwork.labels import LabelledEnum
from socialwork.records import Record

__all__ = ["from_records", "to_records"]


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
    given = dict(children or {})
    for child_kind in given:
        child = contract(child_kind)
        if child.kind not in CHILDREN or CHILDREN[child.kind].owner != spec.kind:
            raise ArgumentError("children", child_kind, f"a child table of {spec.kind}")
    deeper = {k: f for k, f in given.items() if CHILDREN[contract(k).kind].within is not None}
    # the rows of a record nested in a child (a guardian's consents), by (owner, holder key)
    inner: dict[str, dict[str, dict[_Key, list[Record]]]] = {}
    # the rows of each child field of the parent records, by (None, parent id)
    nested: dict[str, dict[_Key, list[Record]]] = {}
    deep_rows: list[tuple[Contract, _Read]] = []
    for child_kind, child_frame in deeper.items():
        child = contract(child_kind)
        nesting = CHILDREN[child.kind]
        read = _checked(child, child_frame)
        for owner, within, record in zip(read.owners, read.withins, read.records, strict=True):
            if within is None:  # a blank `within` of a nesting with `own`
                place = nested.setdefault(nesting.field, {})
                place.setdefault((None, str(owner)), []).append(record)
            else:
                place = inner.setdefault(str(nesting.holder), {}).setdefault(nesting.field, {})
                place.setdefault((owner, within), []).append(record)
        deep_rows.append((child, read))
    # the child fields whose records hold deeper rows: their keys place those rows
    holders = {str(CHILDREN[contract(k).kind].holder) for k in deeper}
    held: dict[str, set[_Key]] = {}
    direct_rows: list[tuple[Contract, _Read]] = []
    for child_kind, child_frame in given.items():
        if child_kind in deeper:
            continue
        child = contract(child_kind)
        nesting = CHILDREN[child.kind]
        read = _checked(child, child_frame, inner.get(nesting.field))
        place = nested.setdefault(nesting.field, {})
        keys = zip(repeat(None), map(str, read.owners))  # a read row names its parent
        for key, record in zip(keys, read.records, strict=True):
            if key in place:
                place[key].append(record)
            else:
                place[key] = [record]
        if nesting.field in holders:
            held[nesting.field] = {
                (o, k or "") for o, k in zip(read.owners, read.keys, strict=True)
            }
        direct_rows.append((child, read))
    parents = _checked(spec, frame, nested)
    if direct_rows or deep_rows:
        ids = set(parents.keys)
        for child, read in direct_rows + deep_rows:
            _refuse_orphans(child, read, ids, held.get(str(CHILDREN[child.kind].holder), set()))
    return tuple(parents.records)


def _checked(
    spec: Contract,
    frame: IntoFrame,
    nested: Mapping[str, Mapping[_Key, list[Record]]] | None = None,
) -> _Read:
    """The rows of a table read into records; a table breaking its contract is refused."""
    read, problems = read_table(spec, frame, nested)
    if problems:
        raise FrameContractError(spec.kind, masked(spec, problems))
    return read


def _refuse_orphans(
    child: Contract, read: _Read, parents: set[str | None], holders: set[_Key]
) -> None:
    """Refuse child rows naming no row of their parent table (or of their holder's table)."""
    nesting: Nesting = CHILDREN[child.kind]
    if nesting.within is None:  # rows placed under their parent only: each parent once
        orphans = [(str(child.parent), str(o)) for o in set(read.owners).difference(parents)]
    else:
        pairs = set(zip(read.owners, read.withins, strict=True))  # a parent's rows once
        orphans = [
            (str(child.parent), str(owner)) if within is None else (str(nesting.within), within)
            for owner, within in pairs
            if (within is None and owner not in parents)
            or (within is not None and (owner, within) not in holders)
        ]
    if orphans:
        raise FrameContractError(
            child.kind,
            tuple(
                FrameProblem(None, column, "unknown_reference", o)
                for column, o in sorted(set(orphans))
            ),
        )


def _value(spec: Contract, record: Record, name: str) -> object:
    """The value of column ``name`` in ``record``, a flattened record's field included."""
    for flat in spec.flattened:
        for column, field in flat.columns:
            if column == name:
                value: object = getattr(record, flat.field)
                for part in field.split("."):
                    value = getattr(value, part, None)
                return value
    return getattr(record, name)


def _out(column: Column, value: object) -> object:
    if isinstance(value, LabelledEnum):
        return value.value
    if isinstance(value, tuple) and column.type in ("texts", "counts"):
        return list(value)
    if isinstance(value, tuple):
        return SEPARATOR.join(map(str, value)) or None  # an enum member's text is its code
    return value


_DTYPES: dict[str, Any] = {
    "id": nw.String(),
    "text": nw.String(),
    "code": nw.String(),
    "codes": nw.String(),
    "texts": nw.List(nw.String()),
    "counts": nw.List(nw.Int64()),
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
        elif frame.empty and column.type in ("texts", "counts"):
            frame[column.name] = frame[column.name].astype("object")
    return frame


def _children(
    owners: list[Record], spec: Contract, nesting: Nesting
) -> tuple[list[Record], dict[str, list[object]]]:
    """The rows of a child table from its owners' records, and its key columns' cells."""
    rows: list[Record] = []
    keys: dict[str, list[object]] = {str(spec.parent): []}
    if nesting.within is not None:
        keys[nesting.within] = []
    if spec.place is not None:
        keys[spec.place] = []

    def add(owner: Record, child: Record, within: object, place: int) -> None:
        rows.append(child)
        keys[str(spec.parent)].append(str(getattr(owner, "id")))  # noqa: B009 - owners have ids
        if nesting.within is not None:
            keys[nesting.within].append(within)
        if spec.place is not None:
            keys[spec.place].append(place)

    for owner in owners:
        if nesting.within is None or nesting.own:
            for place, child in enumerate(getattr(owner, nesting.field), 1):
                add(owner, child, None, place)
        if nesting.within is not None:
            for place, holder in enumerate(getattr(owner, str(nesting.holder)), 1):
                key = getattr(holder, "id") if nesting.key == "id" else place  # noqa: B009
                for child in getattr(holder, nesting.field):
                    add(owner, child, key, place)
    return rows, keys


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
    keys: dict[str, list[object]] = {}
    if kind is not None:
        wanted = contract(kind)
        if wanted.parent is not None:
            nesting = CHILDREN[wanted.kind]
            kinds.add(contract(nesting.owner).record)
            if len(kinds) == 1:
                rows, keys = _children(rows, wanted, nesting)
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
    for name in (spec.parent, spec.within, spec.place):
        if name is not None:
            data[name] = keys.get(name, [])
    for record in rows:
        for column in spec.columns:
            if column.name in (spec.parent, spec.within, spec.place):
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
