"""`validate_frame`: a frame checked against its contract inside its own engine."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

import narwhals as nw
from narwhals.exceptions import DuplicateError
from narwhals.typing import IntoFrame

from socialwork._arguments import FIRST_DAY, LAST_DAY
from socialwork.errors import ArgumentError
from socialwork.frames.contracts import Column, Contract, contract
from socialwork.frames.problems import FrameProblem, FrameReport, masked

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
_TIMED = r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}"
_MIDNIGHT = r"^\d{4}-\d{2}-\d{2} 00:00:00$"
_DECIMAL = r"^\d+(?:\.\d{1,2})?$"
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


def _text_date_rules(present: nw.Expr, text: nw.Expr) -> list[tuple[str, nw.Expr]]:
    """The rules of dates written as text: a real ISO date, from 1900 to 2199."""
    real = text.str.contains(_DATE)
    # ISO dates order as their text does
    outside = (text < FIRST_DAY.isoformat()) | (text > LAST_DAY.isoformat())
    return [("date_format", present & ~real), ("date_out_of_range", present & real & outside)]


def _checks(column: Column, dtype: Any) -> tuple[list[tuple[str, nw.Expr]], str | None]:
    """Row rules of one column, and a rule its type breaks as a whole (if any)."""
    col = nw.col(column.name)
    present = ~_blank(column.name, dtype)
    rules: list[tuple[str, nw.Expr]] = []
    # pandas keeps a column of Python objects (dates, yes/no with blanks) as objects:
    # each cell is checked in its written form, as `to_records` reads it cell by cell
    # (but for lists of codes or texts, which no text form checks)
    listed = column.type in ("codes", "texts")
    as_text = _is_text(dtype) or (dtype == nw.Object and not listed)
    text = col.cast(nw.String).str.strip_chars() if as_text else None
    kind = column.type
    if dtype == nw.Unknown:  # a column of nulls only: the missing rule covers it
        return rules, None
    if kind == "date":
        if dtype == nw.Date:
            rules.append(("date_out_of_range", present & ((col < FIRST_DAY) | (col > LAST_DAY))))
        elif dtype == nw.Datetime:
            timed = (
                (col.dt.hour() != 0)
                | (col.dt.minute() != 0)
                | (col.dt.second() != 0)
                | (col.dt.microsecond() != 0)
            )
            rules.append(("datetime_not_date", present & timed))
        elif dtype == nw.Object and text is not None:
            # timestamps among objects are written with their time, a date without
            timed = text.str.contains(_TIMED)
            midnight = text.str.contains(_MIDNIGHT)
            rules.append(("datetime_not_date", present & timed & ~midnight))
            rules += _text_date_rules(present & ~timed, text)
        elif text is not None:
            rules += _text_date_rules(present, text)
        else:
            return rules, "date_type"
    elif kind in ("count", "scale5"):
        if dtype.is_integer() or dtype.is_float():
            if dtype.is_float():
                rules.append(("int_from_float", present & (col != col.round(0))))
            if column.minimum is not None:
                rules.append(("greater_than_equal", present & (col < column.minimum)))
            if column.maximum is not None:
                rules.append(("less_than_equal", present & (col > column.maximum)))
        else:
            return rules, "int_type"
    elif kind == "decimal":
        if text is not None:
            rules.append(("decimal_format", present & ~text.str.contains(_DECIMAL)))
        elif dtype.is_numeric():
            rules.append(("greater_than_equal", present & (col < 0)))
        else:
            return rules, "decimal_type"
    elif kind == "code":
        if text is None:
            return rules, "string_type"
        rules.append(("enum", present & ~text.is_in(allowed_texts(column))))
    elif kind == "codes":
        if text is None:
            return rules, "string_type"
        one = "|".join(re.escape(t) for t in sorted(allowed_texts(column), key=len, reverse=True))
        pattern = rf"^\s*(?:{one})\s*(?:{_SPLIT}\s*(?:{one})\s*)*{_SPLIT}?\s*$"
        rules.append(("enum", present & ~text.str.contains(pattern)))
    elif kind == "bool":
        if text is not None:
            rules.append(("bool_parsing", present & ~text.is_in(TRUE_TEXTS + FALSE_TEXTS)))
        elif dtype != nw.Boolean:
            return rules, "bool_type"
    elif kind == "id":
        if text is not None:
            rules.append(("string_too_long", present & (text.str.len_chars() > 64)))
        elif not dtype.is_integer():
            return rules, "string_type"
    elif kind == "number":
        if not dtype.is_numeric():
            return rules, "float_type"
    elif kind == "texts":
        if text is None and dtype != nw.List and dtype != nw.Object:
            return rules, "list_type"
    elif text is None:
        return rules, "string_type"
    return rules, None


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


def validate_frame(
    frame: IntoFrame,
    kind: str,
    *,
    references: Mapping[str, IntoFrame] | None = None,
) -> FrameReport:
    """Check a frame against the column contract of ``kind`` inside its engine.

    Runs vectorised in the frame's own engine (pandas, polars eager or lazy,
    DuckDB, PySpark, ...) and brings back only the problem rows: columns
    missing or unknown, required cells blank, values of the wrong form
    (dates, counts, money, codes or labels, yes/no), dates out of order,
    repeated ids, and ``references``: a mapping from a column to a frame
    whose ``id`` column it must name (``{"client_id": clients}``), of the
    same engine. Every problem carries the rule code the records' validators
    use, the row (for eager frames) and the row's id.

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
    problems: list[FrameProblem] = []
    names = set(schema.names())
    for column in spec.columns:
        if column.required and column.name not in names:
            problems.append(FrameProblem(None, column.name, "missing_column"))
    for name in schema.names():
        if name not in spec.names:
            problems.append(FrameProblem(None, name, "extra_forbidden"))
    if isinstance(native, nw.DataFrame):
        native = native.with_row_index(_ROW)
    key = spec.key if spec.key in names else None
    wrong_types: set[str] = set()
    rows = native.select(nw.len()).lazy().collect().item()
    for column in spec.columns:
        if column.name not in names:
            continue
        dtype = schema[column.name]
        if column.required:
            problems += _rows(native, _blank(column.name, dtype), column.name, "missing", key)
        rules, wrong = _checks(column, dtype)
        if wrong is not None:
            problems.append(FrameProblem(None, column.name, wrong, str(dtype)))
            wrong_types.add(column.name)
        for rule, condition in rules:
            problems += _rows(native, condition, column.name, rule, key)
    problems += _order_problems(native, spec, schema, key)
    if key is not None and (_is_text(schema[key]) or schema[key].is_integer()):
        twice = native.filter(~nw.col(key).is_null())
        repeated = nw.len().over(key) > 1
        problems += sorted(
            _rows(twice, repeated, key, "duplicate_id", key),
            key=lambda p: (p.row is None, p.row or 0, p.record_id or ""),
        )
    for column_name, other in (references or {}).items():
        if column_name not in spec.names:
            raise ArgumentError("references", column_name, f"a column of {spec.kind}")
        if column_name not in names or column_name in wrong_types:
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


def _order_problems(
    native: nw.DataFrame[Any] | nw.LazyFrame[Any], spec: Contract, schema: Any, key: str | None
) -> list[FrameProblem]:
    problems: list[FrameProblem] = []
    for start, end in spec.orders:
        if start not in schema or end not in schema:
            continue
        if schema[start] != schema[end] or schema[start] not in (nw.Date, nw.String):
            continue
        late = (nw.col(end) < nw.col(start)) & ~nw.col(end).is_null()
        problems += _rows(native, late, end, "end_before_start", key)
    return problems
