"""`validate_frame`: a frame checked against its contract inside its own engine."""

from __future__ import annotations

import math
import re
import typing
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from itertools import compress, repeat
from operator import eq, is_, is_not, itemgetter
from typing import Any, NamedTuple

import narwhals as nw
from attrs import evolve, frozen
from narwhals.exceptions import DuplicateError
from narwhals.typing import IntoFrame
from pydantic import (
    BaseModel,
    ConfigDict,
    StringConstraints,
    TypeAdapter,
    ValidationError,
    create_model,
)
from pydantic.fields import FieldInfo

from socialwork._arguments import FIRST_DAY, LAST_DAY
from socialwork.errors import ArgumentError
from socialwork.frames.contracts import (
    Column,
    Contract,
    Flattened,
    _unwrap,
    contract,
    inner_field,
)
from socialwork.frames.problems import FrameProblem, FrameReport, masked
from socialwork.labels import LabelledEnum
from socialwork.models.client import (
    ID_NUMBER_BIRTH,
    ID_NUMBER_CHECKS,
    ID_NUMBER_SEX,
    ID_NUMBER_WEIGHTS,
    Client,
    ResidentIdNumber,
    Sex,
    warn_unknown_region,
)
from socialwork.records import (
    BLANK,
    FILLED,
    NoRepeat,
    NotBefore,
    NotWhile,
    OnlyWith,
    Record,
    Rule,
    in_state,
)

__all__ = [
    "validate_frame",
]

TRUE_TEXTS = ("true", "True", "TRUE", "yes", "Yes", "是", "y", "Y")
"""Texts a yes/no column reads as yes."""
FALSE_TEXTS = ("false", "False", "FALSE", "no", "No", "否", "n", "N")
"""Texts a yes/no column reads as no."""

_ROW = "__socialwork_row__"
_LEAP_YEAR = r"(?:\d\d(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)"
_DATE = (
    r"^(?:\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])"  # any month: days 1 to 28
    r"|\d{4}-(?:0[13-9]|1[0-2])-(?:29|30)"  # not February: 29 and 30
    r"|\d{4}-(?:0[13578]|1[02])-31"  # the months of 31 days
    rf"|{_LEAP_YEAR}-02-29)$"  # 29 February of a leap year
)
"""An ISO date that exists (``YYYY-MM-DD``), as text: what `to_records` reads as a date."""
_SPLIT = r"[;,，；、]"


def allowed_texts(column: Column) -> tuple[str, ...]:
    """The codes of a code column and the zh, zh-Hant and en labels of each."""
    if column.enum is None:
        return column.codes
    texts: list[str] = []
    for member in column.enum:
        texts += [member.value, member.label("zh"), member.label("zh-Hant"), member.label("en")]
    return tuple(dict.fromkeys(texts))


def _native(frame: Any) -> nw.DataFrame[Any] | nw.LazyFrame[Any]:
    try:
        return nw.from_native(frame)  # type: ignore[no-any-return]
    except TypeError as err:
        raise ArgumentError("frame", type(frame).__name__, "a dataframe narwhals knows") from err
    except DuplicateError as err:  # pandas allows two columns of one name
        raise ArgumentError("frame", str(err).strip(), "a frame whose column names differ") from err


def _one_engine(frames: Mapping[str, Any]) -> None:
    """Refuse frames of several engines (a frame left out, ``None``, counts for none).

    An indicator reading two tables joins them, and an engine joins only
    its own frames: polars eager and lazy frames mix, polars and pandas
    do not.

    Raises:
        ArgumentError: the frames are of more than one engine.

    Examples:
        >>> import polars as pl, pandas as pd
        >>> _one_engine({"clients": pl.DataFrame(), "visits": pl.LazyFrame()})
        >>> _one_engine({"clients": pl.DataFrame(), "visits": pd.DataFrame()})
        Traceback (most recent call last):
        ...
        socialwork.errors.ArgumentError: frames must be frames of one engine; got ...visits: pandas'
    """
    engines = {
        name: _native(frame).implementation.value
        for name, frame in frames.items()
        if frame is not None
    }
    if len(set(engines.values())) > 1:
        found = ", ".join(f"{name}: {engine}" for name, engine in engines.items())
        raise ArgumentError("frames", found, "frames of one engine")


def _is_text(dtype: Any) -> bool:
    return bool(dtype == nw.String or dtype == nw.Categorical or dtype == nw.Enum)


def _blank(name: str, dtype: Any) -> nw.Expr:
    col = nw.col(name)
    missing = col.is_null()
    if _is_text(dtype) or dtype == nw.Object:
        missing = missing | (col.cast(nw.String).str.strip_chars() == "")
    elif dtype.is_float():
        missing = missing | col.is_nan()
    return missing


def _type_rule(column: Column, dtype: Any) -> str | None:
    """The rule a column breaks as a whole when its engine type can hold none of its values.

    Text can hold every type's values written out (dates, numbers, codes,
    yes/no), and pandas keeps a column with blanks as Python objects, read
    cell by cell; a list column holds several codes or texts. ``None``: the
    type can hold the contract's values (each cell is judged on its own).
    """
    if dtype == nw.Unknown:  # a column of nulls only: the missing rule covers it
        return None
    kind = column.type
    text = _is_text(dtype) or dtype == nw.Object
    listed = dtype == nw.List or dtype == nw.Object
    allowed = {
        "date": text or dtype == nw.Date or dtype == nw.Datetime,
        "count": dtype.is_integer() or dtype.is_float(),
        "scale5": dtype.is_integer() or dtype.is_float(),
        "decimal": text or dtype.is_numeric(),
        "bool": text or dtype == nw.Boolean,
        "id": text or dtype.is_integer(),
        "number": dtype.is_numeric(),
        "codes": _is_text(dtype) or listed,
        "texts": _is_text(dtype) or listed,
        "counts": _is_text(dtype) or listed,
    }.get(kind, text)
    if allowed:
        return None
    return "list_type" if kind == "texts" else _TYPE_RULES.get(kind, "string_type")


def _rows(
    frame: nw.DataFrame[Any] | nw.LazyFrame[Any],
    condition: nw.Expr | None,
    column: str,
    rule: str,
    key: str | None,
    *,
    value: bool = True,
) -> list[FrameProblem]:
    names = [n for n in dict.fromkeys([_ROW, key, column if value else None]) if n is not None]
    names = [n for n in names if (n == _ROW and isinstance(frame, nw.DataFrame)) or n != _ROW]
    found = (frame if condition is None else frame.filter(condition)).select(names)
    eager = found.collect() if isinstance(found, nw.LazyFrame) else found
    problems = []
    for row in eager.iter_rows(named=True):
        problems.append(
            FrameProblem(
                row.get(_ROW),
                column,
                rule,
                row.get(column) if value else None,
                None if key is None or row.get(key) is None else str(row[key]),
            )
        )
    return problems


# --- reading cells and rows: the one verdict `validate_frame` and `to_records` share ---

_SPLIT_CELL = re.compile(_SPLIT)

RULES: dict[str, str] = {
    "date_parsing": "date_format",
    "date_from_datetime_parsing": "date_format",
    "date_from_datetime_inexact": "datetime_not_date",
    "int_parsing": "int_type",
    "float_parsing": "float_type",
    "decimal_parsing": "decimal_format",
    "literal_error": "enum",
    "string_too_short": "missing",
}
"""pydantic's error types that a table's rule code names otherwise; every other type is kept.

A table speaks of what a cell holds: a date written ``2025/03/02`` breaks
``date_format`` whether pydantic parsed it as a date or a datetime; a
number that is none of a column's allowed values (a roster's ``nth``)
breaks ``enum`` as a code does.
"""


_TYPE_RULES = {
    "date": "date_type",
    "count": "int_type",
    "scale5": "int_type",
    "decimal": "decimal_type",
    "number": "float_type",
    "bool": "bool_type",
}
"""The type code of a cell a record's own type check refuses, by column type."""


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


def _empty(value: object) -> bool:
    """Whether a cell is blank: ``None``, NaN, NaT, NA or text of spaces only."""
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    if isinstance(value, str) and not value.strip():
        return True
    return type(value).__name__ in ("NaTType", "NAType")


@cache
def _texts_of(enum: type[LabelledEnum]) -> dict[str, str]:
    """Every code of ``enum`` and its zh, zh-Hant and en labels, to the code they name."""
    found: dict[str, str] = {}
    for member in enum:
        for text in (member.value, member.label("zh"), member.label("zh-Hant"), member.label("en")):
            found.setdefault(text, member.value)
    return found


def _code(column: Column, value: object) -> str:
    if not isinstance(value, str):
        raise _Bad("enum")
    text = value.strip()
    if column.enum is None:  # pragma: no cover - code columns always have an enum
        return text
    code = _texts_of(column.enum).get(text)
    if code is None:
        raise _Bad("enum")
    return code


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
    if kind in ("codes", "texts", "counts"):
        parts: Sequence[object]
        if isinstance(value, str):
            parts = [p for p in (p.strip() for p in _SPLIT_CELL.split(value)) if p]
        elif isinstance(value, Iterable):
            parts = [_scalar(p) for p in value]
        else:
            raise _Bad("tuple_type")
        if kind == "codes":
            return tuple(_code(column, p) for p in parts)
        if kind == "counts":
            return tuple(_whole(p) for p in parts)
        return tuple(parts)
    if kind == "id" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _whole(value: object) -> object:
    """One of several whole numbers: written as text (``4``) or a float without a fraction."""
    if isinstance(value, str) and re.fullmatch(r"-?\d{1,9}", value):
        return int(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


def _key_cell(column: Column, value: object) -> tuple[str | None, str | None]:
    """A parent, ``within`` or place cell as the key it names, or the rule it breaks."""
    value = _cell(column, value)
    if column.type == "id":
        if not isinstance(value, str):
            return None, "string_type"
        if len(value) > 64:
            return None, "string_too_long"
        return value.strip(), None
    if not isinstance(value, int) or isinstance(value, bool):
        return None, "int_type"
    if column.minimum is not None and value < column.minimum:
        return None, "greater_than_equal"
    if column.maximum is not None and value > column.maximum:
        return None, "less_than_equal"
    return str(value), None


def _holder_cell(column: Column, raw: object) -> tuple[str | None, str | None, object]:
    """A parent, ``within`` or place cell: the key it names, the rule it breaks, what it shows."""
    if _empty(raw):
        return None, "missing" if column.required else None, _scalar(raw)
    try:
        key, rule = _key_cell(column, raw)
    except _Bad as err:
        return None, err.rule, raw
    return key, rule, raw


def _holder_column(
    column: Column, cells: list[Any]
) -> tuple[list[str | None], dict[int, tuple[str, object]]]:
    """Every cell of a parent, ``within`` or place column by `_holder_cell`, each distinct one once.

    Gives the key each row names and, by row, the rule a cell breaks and
    what it shows. A child table names each parent in many rows: a distinct
    cell is read once, and the rest are looked up in C (by type and value,
    since ``True`` and ``1`` are one key to a dict but not to a rule).
    """
    kinds = set(map(type, cells))
    plain = column.type == "id" and kinds == {str} and "" not in cells
    if plain and not any(map(str.isspace, cells)) and max(map(len, cells)) <= 64:
        # ids written as text, none blank or too long: each names its key, found in C
        return list(map(str.strip, cells)), {}
    if any(kind.__hash__ is None for kind in kinds):
        read = [_holder_cell(column, cell) for cell in cells]
    else:
        typed = list(zip(map(type, cells), cells, strict=True))
        memo = {key: _holder_cell(column, key[1]) for key in dict.fromkeys(typed)}
        read = list(map(memo.__getitem__, typed))
    broken = {at: (rule, raw) for at, (_, rule, raw) in enumerate(read) if rule is not None}
    return list(map(itemgetter(0), read)), broken


def _column_of(spec: Contract, loc: tuple[int | str, ...]) -> str:
    """The table column of an error's location: a flattened record's field has its own."""
    if not loc:
        return ""
    for flat in spec.flattened:
        if loc[0] == flat.field:
            inner = ".".join(str(part) for part in loc[1:] if not isinstance(part, int))
            return (flat.column_of(inner) if inner else None) or flat.columns[0][0]
    return str(loc[0])


def _row_data(spec: Contract, cells: Mapping[str, list[Any]], size: int) -> list[dict[str, Any]]:
    """Each row's fields for its record, built column by column from its read cells.

    Blank cells (``None``) are left out, so that the record's default or its
    ``missing`` rule applies. A bad cell (a `_BadCell`) stays: its field
    fails, so the record's rules between fields are not judged on a default
    the table never held, as they are not for a record given that value. A
    flattened record's columns are gathered into the nested record's
    fields, in the rows where one of them holds a value.
    """
    flat = {c for f in spec.flattened for c, _ in f.columns}
    names = [n for n in cells if n not in flat]
    # a column with no blank goes into every row's dict, one with blanks into its filled rows
    blanks = {n: sum(map(is_, cells[n], repeat(None))) for n in names}  # by identity, in C
    full = [n for n in names if not blanks[n]]
    gappy = [n for n in names if 0 < blanks[n] < size]
    if full:
        lines = zip(*(cells[n] for n in full), strict=True)
        datas = list(map(dict, map(zip, repeat(full), lines)))
    else:  # no column every row fills: rows start empty
        datas = [{} for _ in range(size)]
    for name in gappy:
        filled = cells[name]
        for at in compress(range(size), map(is_not, filled, repeat(None))):
            datas[at][name] = filled[at]
    for record in spec.flattened:
        held = [(c, path.split(".")) for c, path in record.columns if c in cells]
        there: set[int] = set()  # the rows where one of its cells holds a value
        for column, _ in held:
            there.update(compress(range(size), map(is_not, cells[column], repeat(None))))
        for at in sorted(there):
            nested: dict[str, Any] = {}
            for column, (*outer, last) in held:
                value = cells[column][at]
                if value is None:
                    continue
                place = nested
                for name in outer:
                    place = place.setdefault(name, {})
                place[last] = value
            if nested:
                datas[at][record.field] = nested
    return datas


_Key = tuple[str | None, str]
"""Whose nested records: ``(None, id)`` for a top-level row, ``(parent, key)`` below it."""


class _Read(NamedTuple):
    """A table's rows read into their records, with the keys that place each among its parents.

    Column by column: the ``n``-th row's record is ``records[n]``, its parent
    ``owners[n]``, its holder's key ``withins[n]`` and its own ``keys[n]``.
    """

    owners: list[str | None]
    withins: list[str | None]
    keys: list[str | None]
    records: list[Record]


@frozen
class _BadCell:
    """A cell no field can take: the rule it breaks and what it held."""

    rule: str
    value: object


_PLAIN: dict[str, tuple[type, ...]] = {
    "id": (str,),
    "text": (str,),
    "count": (int,),
    "scale5": (int,),
    "bool": (bool,),
    "date": (date,),
}
"""The Python types a column's cells may hold as they are, by column type."""


def _read_column(
    column: Column, cells: list[Any], held: set[type] | None = None
) -> tuple[list[Any], bool]:
    """Every cell of ``column`` read: its value, ``None`` when blank, or a `_BadCell`.

    Cells that already hold the field's type (text in a text column, a date
    in a date column, an int in a count column) pass as they are, and a
    code's text is looked up in one table of codes and labels; the rest go
    through `_cell`. Says too whether any cell is bad. ``held``: the types
    of the cells other than ``None``, when the engine's column type says
    them (a polars text column holds ``str``); else they are looked at.
    """
    plain = _PLAIN.get(column.type, ())
    bad: list[_BadCell] = []
    if held is None:
        held = set(map(type, cells)) - {type(None)}
    if plain == (str,) and held <= {str}:
        if "" in cells or any(map(str.isspace, filter(None, cells))):
            return [v if v is None or v.strip() else None for v in cells], False
        return cells, False  # no blank text: found in C, no Python work per cell
    if plain and held <= set(plain):
        return cells, False
    texts = _texts_of(column.enum) if column.type == "code" and column.enum else None

    def read(value: Any) -> Any:
        kind_of = type(value)
        if value is None:
            return None
        if kind_of is str:
            text = value.strip()
            if not text:
                return None
            if kind_of in plain:
                return value
            if texts is not None:
                code = texts.get(text)
                if code is None:
                    bad.append(_BadCell("enum", value))
                    return bad[-1]
                return code
        elif kind_of in plain:
            return value
        elif _empty(value):
            return None
        try:
            return _cell(column, value)
        except _Bad as err:
            bad.append(_BadCell(err.rule, value))
            return bad[-1]

    if held <= {str} and (texts is not None or column.type in ("codes", "counts", "texts")):
        # a code's cells repeat (a category, a list of them): read each distinct text once
        memo = {value: read(value) for value in dict.fromkeys(cells)}
        if all(map(eq, memo, memo.values())):
            return cells, False  # codes written as codes: the cells as they are
        return list(map(memo.__getitem__, cells)), bool(bad)
    return list(map(read, cells)), bool(bad)


_HELD: dict[type[nw.dtypes.DType], type] = {
    nw.String: str,
    nw.Date: date,
    nw.Boolean: bool,
    nw.Int64: int,
}
"""The Python type of the cells a polars column of each engine type holds, blanks aside."""


_CHUNK = 512
"""The rows validated in one call: a chunk's dicts are gone before the next is built.

A table's rows as dicts all at once would live long enough to reach the
collector's oldest generation, and a table of 4,000 cases triggered a full
collection of the whole process's objects on every read.
"""


@cache
def _many(record: type[Record]) -> TypeAdapter[list[Any]]:
    """A validator of a list of ``record``: one call for a table's rows."""
    return TypeAdapter(list[record])  # type: ignore[valid-type]


def _own_keys(cells: list[Any]) -> list[str | None]:
    """Each row's own key: its id cell without spaces around, ``None`` when blank or bad."""
    if set(map(type, cells)) == {str}:
        return list(map(str.strip, cells))
    return [v.strip() if type(v) is str else None for v in cells]  # a bad cell is a `_BadCell`


def _rows_verdict(
    spec: Contract,
    eager: nw.DataFrame[Any],
    lazy: bool,
    nested: Mapping[str, Mapping[_Key, list[Record]]],
) -> tuple[_Read, list[FrameProblem]]:
    """Every row's record, or every rule the rows break: their cells', then their records'.

    The cells are read column by column; the rows' records are validated in
    one call, so that each rule of a record kind runs as the record runs it
    (its validators are the single definition of the rule).
    """
    columns = {c.name: c for c in spec.columns}
    present = [name for name in eager.columns if name in columns]
    holders = [name for name in (spec.parent, spec.within, spec.place) if name is not None]
    # all cells in one call: a `select`, or a call a column, costs a small table more than its cells
    every = eager.to_dict(as_series=False)
    values: dict[str, list[Any]] = {name: every[name] for name in present}
    read_cells: dict[str, list[Any]] = {}
    spoilt: list[str] = []  # the columns with a bad cell
    # a polars column's cells are of its type or None (pandas may hold NA, numpy, ...)
    schema = eager.schema if eager.implementation.is_polars() else {}
    held = {n: {_HELD[type(schema[n])]} for n in present if type(schema.get(n)) in _HELD}
    for name in present:
        if name not in holders:
            read_cells[name], any_bad = _read_column(columns[name], values[name], held.get(name))
            if any_bad:
                spoilt.append(name)
    ids = values.get("id")

    def record_id(index: int) -> str | None:
        raw = None if ids is None else _scalar(ids[index])
        return None if _empty(raw) else str(raw)

    size = eager.shape[0]
    problems: list[FrameProblem] = []
    bads: dict[int, set[str]] = {}  # the bad cells' columns, by row
    # the parent, `within` and place cells: the keys that place a row among its parents
    found: dict[str, list[str | None]] = {}
    for name in holders:
        if name not in values:
            found[name] = [None] * size
            continue
        found[name], broken = _holder_column(columns[name], values[name])
        for index, (rule, raw) in broken.items():
            at = None if lazy else index
            problems.append(FrameProblem(at, name, rule, raw, record_id(index)))
            bads.setdefault(index, set()).add(name)
    for name in spoilt:
        cells = read_cells[name]
        for index in [i for i, v in enumerate(cells) if type(v) is _BadCell]:
            bad = cells[index]
            at = None if lazy else index
            problems.append(FrameProblem(at, name, bad.rule, bad.value, record_id(index)))
            bads.setdefault(index, set()).add(name)
    none: list[str | None] = [None] * size
    owners = found.get(spec.parent or "", none)
    withins = found.get(spec.within or "", none)
    places = found.get(spec.place or "", none)
    if spec.place is None and "id" in read_cells:
        places = _own_keys(read_cells["id"])
    for field, by_key in nested.items():
        # a nested field is one more column of every row: its records, or none
        row_keys: Iterable[Any] = zip(owners, places, strict=True)  # a blank key finds none
        read_cells[field] = list(map(by_key.get, row_keys, repeat(())))
    records: list[Record] = []
    for start in range(0, size, _CHUNK):
        stop = min(start + _CHUNK, size)
        datas = _row_data(spec, {n: c[start:stop] for n, c in read_cells.items()}, stop - start)
        try:
            records += _many(spec.record).validate_python(datas)
        except ValidationError as err:
            for e in err.errors():
                at = start + int(e["loc"][0])  # a list's errors start with the item's place
                column_name = _column_of(spec, e["loc"][1:])
                if column_name in bads.get(at, ()) or column_name in holders:
                    continue
                lacking = column_name not in values and column_name in columns
                if lacking and columns[column_name].required:
                    continue  # a required column the table lacks: `missing_column`, once
                rule = RULES.get(e["type"], e["type"])
                if rule == "is_instance_of" and column_name in columns:
                    rule = _TYPE_RULES.get(columns[column_name].type, "string_type")
                if rule == "missing":
                    value = _scalar(values[column_name][at]) if column_name in values else None
                else:
                    value = e.get("input")
                problems.append(
                    FrameProblem(None if lazy else at, column_name, rule, value, record_id(at))
                )
    if problems or len(records) != size:
        return _Read([], [], [], []), _in_order(spec, problems)
    return _Read(owners, withins, places, records), problems


# --- the verdict in the engine: each column's rules over its distinct values ---

Mask = nw.Expr | nw.Series[Any]
"""Which rows of a table a rule holds for: an expression, or a column found cell by cell."""


def _field_of(spec: Contract, name: str) -> FieldInfo | None:
    """The record field column ``name`` fills (a flattened record's own), ``None`` for a key."""
    for flat in spec.flattened:
        for column, path in flat.columns:
            if column == name:
                found: FieldInfo = inner_field(flat.record, path)
                return found
    return spec.record.model_fields.get(name)


@cache
def _field_model(kind: str, name: str) -> type[BaseModel]:
    """A model of the one field column ``name`` fills: the record's own declaration of its rules.

    Its only field is the record's field, annotation, bounds and validators
    alike, under the records' configuration, so a cell's value breaks here
    exactly the rules it breaks in its record.
    """
    field = _field_of(contract(kind), name)
    if field is None:  # pragma: no cover - asked of a record field only
        raise ValueError(name)
    annotation: Any = field.annotation
    return create_model(
        f"_{kind}_{name}", __config__=ConfigDict(**Record.model_config), v=(annotation, field)
    )


def _codes_of(spec: Contract, column: Column, value: object) -> frozenset[str]:
    """The rules a read cell's value breaks in its field, by their table codes."""
    try:
        _field_model(spec.kind, column.name).model_validate({"v": value})
    except ValidationError as err:
        codes = set()
        for e in err.errors():
            rule = RULES.get(e["type"], e["type"])
            if rule == "is_instance_of":
                rule = _TYPE_RULES.get(column.type, "string_type")
            codes.add(rule)
        return frozenset(codes)
    return frozenset()


def _longest(spec: Contract, column: Column) -> int | bool | None:
    """For a text field with no rule but its length: its longest text (``None``: any); else False.

    Such a column of texts is judged in the engine alone: a blank cell is
    empty, and a text longer than the field allows is too long.
    """
    field = _field_of(spec, column.name)
    if field is None or column.type not in ("id", "text"):
        return False
    base, _, inner = _unwrap(field.annotation)
    longest: int | None = None
    for item in [*field.metadata, *inner]:
        plain = (
            isinstance(item, StringConstraints)
            and item.strip_whitespace
            and item.min_length in (None, 1)
            and item.pattern is None
            and not item.to_lower
            and not item.to_upper
        )
        if not plain:
            return False
        longest = item.max_length if item.max_length is not None else longest
    return longest if base is str else False


def _value_codes(
    spec: Contract, column: Column, values: list[Any]
) -> list[tuple[bool, frozenset[str]]]:
    """For each distinct cell: whether the record path sets it aside as bad, and its rules."""
    if column.name in (spec.parent, spec.within, spec.place):
        found: list[tuple[bool, frozenset[str]]] = []
        for value in values:
            try:
                rule = _key_cell(column, value)[1]
            except _Bad as err:
                rule = err.rule
            found.append((True, frozenset(() if rule is None else (rule,))))
        return found
    read, _ = _read_column(column, values)
    return [
        (True, frozenset((cell.rule,)))
        if type(cell) is _BadCell
        else (False, frozenset() if cell is None else _codes_of(spec, column, cell))
        for cell in read
    ]


def _cells(
    spec: Contract, eager: nw.DataFrame[Any], column: Column, dtype: Any
) -> dict[tuple[str, bool], Mask]:
    """Every rule the cells of one column break, by code and whether the cell is set aside.

    A cell set aside (one `to_records` cannot read: a label that names no
    code) says its own rule only, and, as any bad cell, keeps the record's
    rules between fields from being judged on that row; ``("", True)``
    holds every such cell.

    A text column with no rule but its length is judged in the engine; any
    other column's distinct values are read as `to_records` reads a cell
    and validated once each by the field's own declaration (`_field_model`),
    and the rows holding a bad value are found by a lookup in the engine.
    """
    name = column.name
    col = nw.col(name)
    longest = _longest(spec, column)
    if longest is not False and _is_text(dtype):
        if longest is None:
            return {}
        too_long = col.cast(nw.String).str.strip_chars().str.len_chars() > longest
        return {("string_too_long", False): too_long}
    distinct, cells = _distinct(eager, name, dtype)
    by_rule: dict[tuple[str, bool], list[Any]] = {}
    for value, (aside, codes) in zip(distinct, _value_codes(spec, column, distinct), strict=True):
        for code in codes:
            by_rule.setdefault((code, aside), []).append(value)
        if aside and codes:
            by_rule.setdefault(("", True), []).append(value)
    return {key: _holding(eager, name, dtype, values, cells) for key, values in by_rule.items()}


def _distinct(
    eager: nw.DataFrame[Any], name: str, dtype: Any
) -> tuple[list[Any], list[tuple[Any, ...] | None] | None]:
    """A column's distinct cells that are not blank; for a list column, its cells as tuples too.

    A list column's rows are found cell by cell (`_holding`), from the
    tuples: the same on every engine, where not every engine narwhals
    supports looks lists up with ``is_in`` (polars, pyarrow, DuckDB and
    pandas with pyarrow lists do).
    """
    if dtype == nw.List:
        cells = [None if v is None else tuple(v) for v in eager[name].to_list()]
        return [list(c) for c in dict.fromkeys(cells) if c is not None], cells
    return [v for v in eager[name].unique().to_list() if not _empty(_scalar(v))], None


def _holding(
    eager: nw.DataFrame[Any],
    name: str,
    dtype: Any,
    values: list[Any],
    cells: list[tuple[Any, ...] | None] | None,
) -> Mask:
    """The rows whose cell of column ``name`` is one of ``values`` (some of `_distinct`'s)."""
    if not values:  # pyarrow looks up no empty list of values
        return nw.lit(False)
    if cells is not None:
        wanted = {tuple(v) for v in values}
        hits = [c is not None and c in wanted for c in cells]
        return nw.new_series(name, hits, nw.Boolean(), backend=eager.implementation)
    return ~_blank(name, dtype) & nw.col(name).is_in(values).fill_null(False)


def _rows_where(
    eager: nw.DataFrame[Any], column: Column, dtype: Any, test: Callable[[Any], bool]
) -> Mask:
    """The rows whose cell of ``column``, read as its record field gets it, passes ``test``.

    Each distinct cell is read (`_read_column`) and tested once; a blank or
    bad cell passes no test.
    """
    values, cells = _distinct(eager, column.name, dtype)
    read, _ = _read_column(column, values)
    passing = [
        value
        for value, cell in zip(values, read, strict=True)
        if cell is not None and type(cell) is not _BadCell and test(cell)
    ]
    return _holding(eager, column.name, dtype, passing, cells)


def _iso(name: str, dtype: Any) -> nw.Expr | None:
    """A date column's cells as ISO text (``YYYY-MM-DD``, which orders as dates do), if it can be.

    Only cells read as dates are compared: a cell of a timestamp with a
    time, or of text that is no date, breaks a rule of its own field first.
    """
    col = nw.col(name)
    if dtype == nw.Date or dtype == nw.Datetime:
        return col.dt.to_string("%Y-%m-%d")
    if _is_text(dtype):
        return col.cast(nw.String).str.strip_chars()
    return None


def _there(flat: Flattened, blank: Mapping[str, nw.Expr], within: str = "") -> nw.Expr:
    """The rows where a flattened record is there: one of its cells gives a value.

    With ``within``, the record nested in it at that dotted path (a need's
    evidence's ``normative``): one of that record's cells gives a value.
    """
    cells = [
        ~blank[c]
        for c, path in flat.columns
        if c in blank and (not within or path.startswith(within + "."))
    ]
    return nw.any_horizontal(*cells, ignore_nulls=True) if cells else nw.lit(False)


def _in_state(
    spec: Contract,
    masks: _Masks,
    where: Callable[[str, Callable[[Any], bool]], nw.Expr],
    name: str,
    state: object,
    blank: Mapping[str, nw.Expr],
) -> nw.Expr:
    """The rows whose record field ``name`` is in ``state`` (as `in_state` reads it).

    A flattened record is filled where one of its cells gives a value; a
    field left blank holds its default (a row with a bad cell is never judged).
    """
    flat = next((f for f in spec.flattened if f.field == name), None)
    if flat is not None:
        filled = _there(flat, blank)
    else:
        filled = ~blank[name] if name in blank else nw.lit(False)
    if state == FILLED:
        return filled
    if state == BLANK:
        return ~filled
    default = spec.record.model_fields[name].get_default()
    held = where(name, lambda value: in_state(value, state))
    return held | ~filled if in_state(default, state) else held


def _where(
    spec: Contract,
    eager: nw.DataFrame[Any],
    masks: _Masks,
    name: str,
    test: Callable[[Any], bool],
) -> nw.Expr:
    """The rows whose field ``name`` passes ``test`` (`_rows_where`), as a mask computed first.

    A column of Python objects passes none: its rows are read as records.
    """
    schema = eager.schema
    if name not in schema or schema[name] == nw.Object:
        return nw.lit(False)
    column = next(c for c in spec.columns if c.name == name)
    return nw.col(masks.add(name, "", _rows_where(eager, column, schema[name], test)))


def _declared(
    spec: Contract,
    eager: nw.DataFrame[Any],
    masks: _Masks,
    rule: Rule,
    blank: Mapping[str, nw.Expr],
) -> nw.Expr:
    """A declared rule between fields (`Record.declared_rules`): the rows that break it.

    It holds where the rule is broken if the record's validator runs. The
    cells it reads are tested in `masks`, to be computed first.
    """
    schema = eager.schema

    def where(name: str, test: Callable[[Any], bool]) -> nw.Expr:
        return _where(spec, eager, masks, name, test)

    if isinstance(rule, NoRepeat):
        broken = where(rule.field, lambda items: rule.repeat(items) is not None)
    elif isinstance(rule, OnlyWith):
        listed = where(rule.other, lambda others: rule.item in others)
        broken = where(rule.field, bool) & ~listed
    elif isinstance(rule, NotWhile):
        inside = _in_state(spec, masks, where, rule.field, rule.state, blank)
        other = _in_state(spec, masks, where, rule.other, rule.other_is, blank)
        broken = inside & (~other if rule.other_not else other)
    else:  # NotAfter, NotBefore: compared where both dates are filled
        first, second = rule.field, rule.other
        if isinstance(rule, NotBefore):
            first, second = second, first
        early = _iso(first, schema[first]) if first in schema else None
        late = _iso(second, schema[second]) if second in schema else None
        broken = nw.lit(False)
        if early is not None and late is not None:
            filled = ~blank[first] & ~blank[second]
            broken = filled & (early > late)
    return broken


# --- a resident ID number in the engine: the record's rules, from its one definition ---

_ID_NUMBER = r"^[0-9]{17}[0-9Xx]$"
"""An ID number written as its 18 characters alone, judged in the engine; any other is read."""


def _is_id_number(spec: Contract, name: str) -> bool:
    """Whether column ``name`` fills a resident ID number field (`ResidentIdNumber`)."""
    field = _field_of(spec, name)
    if field is None:
        return False
    checks = typing.get_args(ResidentIdNumber)[1:]
    return any(item is check for item in _unwrap(field.annotation)[2] for check in checks)


class _IdNumber(NamedTuple):
    """An ID number column's cells in the engine: what `id_number_check` and the rest read."""

    plain: nw.Expr  # written as its 18 characters alone
    birth: nw.Expr  # its birth date as ISO text
    born: nw.Expr  # that birth date is a real date from 1900 to 2199
    checked: nw.Expr  # its check character is right
    male: nw.Expr  # its sex digit is odd


def _id_number(eager: nw.DataFrame[Any], name: str) -> list[nw.Series[Any]] | None:
    """An ID number column's parts (`_IdNumber`), as `socialwork.models.client` reads a number's.

    The weighted sum of the first 17 digits (`ID_NUMBER_WEIGHTS`) mod 11
    names the check character (`ID_NUMBER_CHECKS`). Only the cells written
    as the 18 characters alone are read; the others' parts are judged by no
    rule. ``None``: no cell is written so (a table without ID numbers).
    """
    text = nw.col(name).cast(nw.String)
    plain = text.str.contains(_ID_NUMBER).fill_null(False)
    held = eager.with_row_index(_ROW).filter(plain)
    number = nw.col("number")
    cells = held.select(
        nw.col(_ROW),
        text.str.to_uppercase().alias("number"),
        text.str.slice(0, 17).cast(nw.Int64).alias("digits"),
    )
    digits = nw.col("digits")
    at = ID_NUMBER_BIRTH
    parts = [number.str.slice(at, 4), number.str.slice(at + 4, 2), number.str.slice(at + 6, 2)]
    birth = nw.concat_str(parts, separator="-")
    outside = (birth < FIRST_DAY.isoformat()) | (birth > LAST_DAY.isoformat())
    total = nw.sum_horizontal(
        digits // 10 ** (16 - place) % 10 * weight for place, weight in enumerate(ID_NUMBER_WEIGHTS)
    )
    given = number.str.slice(17, 1).replace_strict(
        list(ID_NUMBER_CHECKS), list(range(len(ID_NUMBER_CHECKS))), return_dtype=nw.Int64
    )
    found = cells.select(
        birth.alias("birth"),
        (birth.str.contains(_DATE) & ~outside).alias("born"),
        (total % 11 == given).alias("checked"),
        (digits // 10 ** (16 - ID_NUMBER_SEX) % 2 == 1).alias("male"),
    )
    size, where = eager.shape[0], cells[_ROW]
    if not len(where):
        return None
    backend = eager.implementation
    series = [eager.select(plain.alias("plain"))["plain"]]
    for part, blank in (("birth", ""), ("born", False), ("checked", False), ("male", False)):
        dtype = nw.String() if part == "birth" else nw.Boolean()
        empty = nw.new_series(part, [blank] * size, dtype, backend=backend)
        series.append(empty.scatter(where, found[part]))
    return series


def _id_number_cells(
    table: nw.DataFrame[Any], masks: _Masks, name: str, filled: nw.Expr, parts: _IdNumber
) -> None:
    """An ID number column's cell rules, in the engine, from its parts computed in ``table``.

    A number written as its 18 characters alone breaks ``id_number_birth_date``
    or ``id_number_check_digit`` as its record's field would (and warns of an
    unknown region as it does); any other written number is read as a record.
    """
    valid = filled & parts.plain & parts.born & parts.checked
    starts = table.filter(valid).select(nw.col(name).cast(nw.String).str.slice(0, 10)).unique()
    for (start,) in starts.iter_rows():
        warn_unknown_region(start)
    masks.add(name, "id_number_birth_date", filled & parts.plain & ~parts.born)
    masks.add(name, "id_number_check_digit", filled & parts.plain & parts.born & ~parts.checked)


def _client_id_rules(
    spec: Contract,
    eager: nw.DataFrame[Any],
    masks: _Masks,
    blank: Mapping[str, nw.Expr],
    parts: _IdNumber | None,
) -> list[tuple[str, str, nw.Expr]]:
    """A client's rules between the ID number and the other fields, in the validator's order.

    With a valid ID number: its birth date after registering (when
    ``born_on`` is blank), differing from ``born_on``, and its sex digit
    differing from ``sex``. Rows whose number is not written alone are read
    as records.
    """
    schema = eager.schema
    if spec.record is not Client or parts is None or "registered_on" not in schema:
        return []
    valid = ~blank["id_number"] & parts.plain
    registered = _iso("registered_on", schema["registered_on"])
    born = _iso("born_on", schema["born_on"]) if "born_on" in schema else None
    born_filled = ~blank["born_on"] if born is not None else nw.lit(False)
    rules = [("id_number", "born_after_registration", nw.lit(False))]
    if registered is not None:
        rules[0] = (
            "id_number",
            "born_after_registration",
            ~born_filled & (parts.birth > registered),
        )
    if born is not None:
        rules.append(("born_on", "id_number_birth_mismatch", born_filled & (born != parts.birth)))
    if "sex" in schema:
        male = _where(spec, eager, masks, "sex", lambda value: value == Sex.MALE)
        differ = ~blank["sex"] & (male != parts.male)
        rules.append(("sex", "id_number_sex_mismatch", differ))
    return [(column, code, valid & broken) for column, code, broken in rules]


def _validated(record: type[BaseModel]) -> bool:
    """Whether a record, or one nested in its fields, has rules between its fields."""
    if record.__pydantic_decorators__.model_validators:
        return True
    for field in record.model_fields.values():
        base = _unwrap(field.annotation)[0]
        if isinstance(base, type) and issubclass(base, Record) and _validated(base):
            return True
    return False


class _Masks:
    """The masks of a table's rules, by the alias of the column that holds each."""

    def __init__(self) -> None:
        self.masks: dict[str, Mask] = {}
        self.rules: dict[str, tuple[str, str]] = {}
        self.aside: set[str] = set()  # the rules of cells set aside

    def add(self, column: str, code: str, mask: Mask) -> str:
        alias = f"__socialwork_{len(self.masks)}__"
        self.masks[alias] = mask
        if code:
            self.rules[alias] = (column, code)
        return alias

    def any(self, aliases: Iterable[str]) -> nw.Expr:
        found = [nw.col(a) for a in aliases]
        return nw.any_horizontal(*found, ignore_nulls=True) if found else nw.lit(False)


def _flattened_rules(spec: Contract, masks: _Masks, blank: Mapping[str, nw.Expr]) -> list[nw.Expr]:
    """The missing fields of flattened records, and the rows they must be read as records.

    A flattened record is there when one of its cells holds a value, bad or
    not; then its required fields must be filled, and so must those
    of a record nested in it that is there (a need's evidence's
    ``normative``: its source and detail), and a required nested record
    be there. A flattened record with rules between its fields, or one
    nested in it, is read as a record wherever it is there: those rows are
    returned.
    """
    undecided: list[nw.Expr] = []
    for flat in spec.flattened:
        there = _there(flat, blank)
        if spec.record.model_fields[flat.field].is_required():
            masks.add(flat.columns[0][0], "missing", ~there)
        if _validated(flat.record):
            undecided.append(there)
            continue
        nested = {path.rpartition(".")[0] for _, path in flat.columns} - {""}
        for path in sorted(nested):
            outer = path.rpartition(".")[0]
            if inner_field(flat.record, path).is_required():
                first = next(c for c, p in flat.columns if p.startswith(path + "."))
                held = _there(flat, blank, path)
                masks.add(first, "missing", _there(flat, blank, outer) & ~held)
        for column, path in flat.columns:
            if inner_field(flat.record, path).is_required():
                holder = _there(flat, blank, path.rpartition(".")[0])
                masks.add(column, "missing", holder & blank.get(column, nw.lit(True)))
    return undecided


def _frame_verdict(spec: Contract, eager: nw.DataFrame[Any], lazy: bool) -> list[FrameProblem]:
    """Every rule the rows of a table break, judged in its engine: the verdict of `_rows_verdict`.

    Each column's rules are its field's (`_cells`); a required field blank
    is ``missing``; a flattened record's fields are checked as its record
    checks them (`_flattened_rules`). Rows that the engine cannot judge are
    read as records by `_rows_verdict`, and only they: a row with a cell of
    Python objects (a pandas column of mixed values), a row whose flattened
    record has rules between its fields, and a row without a bad cell of a
    record with rules between its fields (a case closed without its closure).
    """
    schema = eager.schema
    flat = {c for f in spec.flattened for c, _ in f.columns}
    masks = _Masks()
    blank: dict[str, nw.Expr] = {}
    aside: dict[str, str] = {}
    undecided: list[nw.Expr] = []
    numbers: dict[str, _IdNumber] = {}  # the parts of ID number columns
    for column in spec.columns:
        name = column.name
        if name not in schema:
            continue
        dtype = schema[name]
        if dtype == nw.Object:  # Python objects of any kind: read as records
            blank[name] = nw.col(name).is_null()
            undecided.append(~blank[name])
            continue
        if name in (spec.record.python_rule_fields or ()):
            # a row with a value here is read as a record (its rules are checked in Python),
            # which checks the cell too: no need to check it here first
            blank[name] = _blank(name, dtype)
            undecided.append(~blank[name])
            continue
        if _is_text(dtype) and _is_id_number(spec, name):
            # its parts are computed once, with the cells; its rules read them (`_id_number_cells`)
            blank[name] = _blank(name, dtype)
            series = _id_number(eager, name)
            if series is None:  # no number written alone: any written one is read as a record
                undecided.append(~blank[name])
                continue
            numbers[name] = _IdNumber(*(nw.col(masks.add(name, "", p)) for p in series))
            undecided.append(~blank[name] & ~numbers[name].plain)
            continue
        blank[name] = _blank(name, dtype)
        for (code, set_aside), mask in _cells(spec, eager, column, dtype).items():
            alias = masks.add(name, code, mask)
            if not code:
                aside[name] = alias
            elif set_aside:
                masks.aside.add(alias)
    for column in spec.columns:
        name = column.name
        field = _field_of(spec, name)
        needed = column.required if field is None else field.is_required()
        if name in flat or not needed:
            continue
        if name in schema:
            masks.add(name, "missing", blank[name])
        elif field is not None and not column.required:  # a required column absent: once
            masks.add(name, "missing", nw.lit(True))
    table = eager.with_row_index(_ROW).with_columns(
        *(mask.alias(alias) for alias, mask in masks.masks.items())
    )
    for name, parts in numbers.items():
        _id_number_cells(table, masks, name, ~blank[name], parts)
    undecided += _flattened_rules(spec, masks, blank)
    table = table.with_columns(
        *(mask.alias(alias) for alias, mask in masks.masks.items() if alias not in table.columns)
    )
    bad = masks.any(masks.rules)
    # a record's validators run on a row whose fields all validate, a cell set aside included;
    # a child row's parent, `within` and place cells are keys, not fields: they stop none
    keys = {spec.parent, spec.within, spec.place}
    fatal = masks.any(a for a, (c, _) in masks.rules.items() if c not in keys)
    record = spec.record
    if record.python_rule_fields is None:
        if _validated(record):  # rules not declared: the rows are read as records
            undecided.append(~fatal)
    elif all(n in eager.columns for n, f in record.model_fields.items() if f.is_required()):
        # the validator runs on rows whose fields are all read, and stops at its first rule broken
        declared = [
            (
                _column_of(spec, (rule.field,)),
                rule.code,
                _declared(spec, eager, masks, rule, blank),
            )
            for rule in record.declared_rules
        ]
        declared += _client_id_rules(spec, eager, masks, blank, numbers.get("id_number"))
        table = table.with_columns(
            *(m.alias(a) for a, m in masks.masks.items() if a not in table.columns)
        )
        # a flattened record whose rules are checked in Python: its rows are read as records
        undecided += [
            _there(f, blank) for f in spec.flattened if f.field in record.python_rule_fields
        ]
        # each rule's rows computed once, then chained: a short expression for the engine
        fatal = nw.col(masks.add("", "", fatal))
        declared = [(c, code, nw.col(masks.add(c, "", broken))) for c, code, broken in declared]
        table = table.with_columns(
            *(m.alias(a) for a, m in masks.masks.items() if a not in table.columns)
        )
        before = nw.lit(False)
        for column_name, code, broken in declared:
            masks.add(column_name, code, ~fatal & ~before & broken)
            before = before | broken
        table = table.with_columns(
            *(m.alias(a) for a, m in masks.masks.items() if a not in table.columns)
        )
        bad = masks.any(masks.rules)
    held = nw.any_horizontal(*undecided, ignore_nulls=True) if undecided else nw.lit(False)
    table = table.with_columns(held.fill_null(False).alias("__socialwork_undecided__"))
    hits = table.filter(bad | nw.col("__socialwork_undecided__"))
    problems: list[FrameProblem] = []
    rows: list[int] = []
    for row in hits.iter_rows(named=True):
        at = int(row[_ROW])
        if row["__socialwork_undecided__"]:
            rows.append(at)
            continue
        raw = row.get("id")
        key = None if raw is None or _empty(_scalar(raw)) else str(_scalar(raw))
        for alias, (column_name, code) in masks.rules.items():
            if row[alias]:
                if alias not in masks.aside and column_name in aside and row[aside[column_name]]:
                    continue  # a cell set aside says its own rule only, as in `to_records`
                value = _scalar(row.get(column_name))
                problems.append(FrameProblem(None if lazy else at, column_name, code, value, key))
    if rows:
        subset = table.filter(nw.col(_ROW).is_in(rows)).select(eager.columns)
        for p in _rows_verdict(spec, subset, False, {})[1]:
            at = rows[p.row or 0]
            problems.append(evolve(p, row=None if lazy else at))
    return _in_order(spec, problems)


def _in_order(spec: Contract, problems: list[FrameProblem]) -> list[FrameProblem]:
    """Problems by row (a lazy frame's, which have none, first), a row's in the contract's order."""
    order = {name: place for place, name in enumerate(spec.names)}
    return sorted(problems, key=lambda p: (-1 if p.row is None else p.row, order.get(p.column, 0)))


def table_problems(
    spec: Contract, native: nw.DataFrame[Any] | nw.LazyFrame[Any]
) -> list[FrameProblem]:
    """The problems of a table as a whole: required columns missing, unknown columns."""
    names = native.collect_schema().names()
    problems = [
        FrameProblem(None, c.name, "missing_column")
        for c in spec.columns
        if c.required and c.name not in names
    ]
    known = set(spec.names)
    problems += [FrameProblem(None, n, "extra_forbidden") for n in names if n not in known]
    return problems


def read_table(
    spec: Contract,
    frame: IntoFrame,
    nested: Mapping[str, Mapping[_Key, list[Record]]] | None = None,
) -> tuple[_Read, list[FrameProblem]]:
    """Every good row's record, and every problem of the table: its columns', its rows', its ids'.

    The one verdict of a table: `validate_frame` reports these problems and
    `to_records` refuses a table with any. Rows are numbered from 0 in an
    eager frame, ``None`` in a lazy one.
    """
    native = _native(frame)
    problems = table_problems(spec, native)
    lazy = isinstance(native, nw.LazyFrame)
    eager = native.collect() if isinstance(native, nw.LazyFrame) else native
    read, found = _rows_verdict(spec, eager, lazy, nested or {})
    problems += found
    problems += _duplicates(spec, eager, lazy)
    if problems:
        read = _Read([], [], [], [])
    return read, problems


def _duplicates(spec: Contract, eager: nw.DataFrame[Any], lazy: bool) -> list[FrameProblem]:
    """A ``duplicate_id`` for every row whose key another row shares (blank keys aside)."""
    if spec.key is None or spec.key not in eager.columns:
        return []
    seen: dict[str, list[int]] = {}
    values = eager.get_column(spec.key).to_list()
    texts = set(map(type, values)) <= {str} and values == list(map(str.strip, values))
    if texts and len(set(values)) == len(values):
        return []  # distinct texts, no space around one that could make two alike
    for index, value in enumerate(values):
        value = _scalar(value)
        if _empty(value):
            continue
        text = str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
        seen.setdefault(text.strip(), []).append(index)
    problems = [
        FrameProblem(None if lazy else index, spec.key, "duplicate_id", values[index], key)
        for key, rows in seen.items()
        if len(rows) > 1
        for index in rows
    ]
    return sorted(problems, key=lambda p: (p.row is None, p.row or 0, p.record_id or ""))


def validate_frame(
    frame: IntoFrame,
    kind: str,
    *,
    references: Mapping[str, IntoFrame] | None = None,
) -> FrameReport:
    """Check a frame against the column contract of ``kind``: the verdict `to_records` gives.

    Takes a frame of any engine narwhals knows (pandas, polars eager or
    lazy, DuckDB, PySpark, ...) and reports every problem: columns missing
    or unknown (once for the table), then every rule each row breaks, read
    as `to_records` reads it and checked by the record's own validators
    (required cells blank, values of the wrong form, dates out of order, an
    ID number's check character, ...), then repeated ids, and
    ``references``: a mapping from a column to a frame whose ``id`` column
    it must name (``{"client_id": clients}``), of the same engine (checked
    in the engine). `to_records` refuses a frame exactly when this reports
    a problem, with the same problems. Cells are judged in the engine, each
    distinct value of a column once by its field's own rules, and so are the
    rules between fields a record declares (`Record.declared_rules`: a
    client's categories, youth issues and birth date, a case's status,
    closure and crisis, a need's status and resolution date, ...), and a
    client's ID number (its check character, its birth date and sex digit
    against the other fields). The rows the engine cannot judge are read as
    records: rows with a value in a field the record's other rules read in
    Python (a staff member's mentor; `Record.python_rule_fields`), rows
    with an ID number written with spaces or of another length, rows of a kind
    that declares none of its rules yet (surveys, the team's sessions, ...),
    rows with a flattened record that has rules of its own (a case's
    closure), and rows with a pandas cell of Python objects. Every problem carries the rule code
    the records' validators use, the row (from 0, for eager frames;
    `FrameProblem.sheet_row` counts as a spreadsheet does) and the row's id.
    A lazy frame's rows are collected to be read.

    Raises:
        UnknownCodeError: ``kind`` is none of `KINDS`.
        ArgumentError: ``frame`` is not a dataframe narwhals knows (or has
            two columns of one name), a reference is of another engine, or
            a reference names a column the contract does not have.

    Examples:
        >>> import polars as pl
        >>> df = pl.DataFrame({"id": ["p1", "p1"], "name": ["李大爷", ""],
        ...                    "community_id": ["c1", "c1"],
        ...                    "registered_on": ["2025-03-02", "2025/03/02"],
        ...                    "categories": ["独居老人", "living_alone_elderly;youth"]})
        >>> for p in validate_frame(df, "clients").problems:
        ...     print(p)
        row 1 (p1), name: missing, got ''
        row 1 (p1), registered_on: date_format, got '2025/03/02'
        row 0 (p1), id: duplicate_id, got 'p1'
        row 1 (p1), id: duplicate_id, got 'p1'
    """
    spec = contract(kind)
    native: Any = _native(frame)
    _one_engine({"frame": frame, **(references or {})})
    schema = native.collect_schema()
    names = set(schema.names())
    eager = native.collect() if isinstance(native, nw.LazyFrame) else native
    lazy = isinstance(native, nw.LazyFrame)
    problems = table_problems(spec, eager)
    problems += _frame_verdict(spec, eager, lazy)
    problems += _duplicates(spec, eager, lazy)
    if isinstance(native, nw.DataFrame):
        native = native.with_row_index(_ROW)
    key = spec.key if spec.key in names else None
    rows = native.select(nw.len()).lazy().collect().item()
    for column_name, other in (references or {}).items():
        if column_name not in spec.names:
            raise ArgumentError("references", column_name, f"a column of {spec.kind}")
        if column_name not in names:
            continue
        if not (_is_text(schema[column_name]) or schema[column_name].is_integer()):
            continue
        target: Any = _native(other)
        ids: Any = target.select(nw.col("id").cast(nw.String).alias("__ref__")).unique()
        if isinstance(native, nw.LazyFrame) and isinstance(ids, nw.DataFrame):
            ids = ids.lazy()
        if isinstance(native, nw.DataFrame) and isinstance(ids, nw.LazyFrame):
            ids = ids.collect()
        wanted = [_ROW] if isinstance(native, nw.DataFrame) else []
        wanted += [n for n in dict.fromkeys([key, column_name]) if n is not None]
        keyed = native.select(wanted).with_columns(
            nw.col(column_name).cast(nw.String).alias("__ref__")
        )
        orphans = keyed.filter(~nw.col("__ref__").is_null()).join(
            ids,
            on="__ref__",
            how="anti",
        )
        problems += _rows(orphans, None, column_name, "unknown_reference", key)
    return FrameReport(spec.kind, int(rows), masked(spec, problems))
