"""Station indicators computed inside a frame's engine, returning the records' results.

Each function takes frames of the contracts' kinds (codes in code columns,
as `from_records` writes them and `to_records` reads them), eager or lazy,
of any engine narwhals supports, and returns a `Rate` equal to the function
of the same name in `socialwork.metrics` on the same rows: integer
numerator and denominator, and the exclusions counted by reason in the
engine with the first 20 of each reason (`ExclusionSummary`); only those
come to Python. The whole listing is a frame, read when asked
(`_Excluded.listing`, `socialwork.frames.StationFrames.exclusions`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from functools import cache
from importlib.util import find_spec
from typing import Any, NamedTuple, cast

import narwhals as nw
from narwhals.typing import IntoFrame
from pydantic import TypeAdapter, ValidationError

from socialwork._arguments import require_day, require_instance
from socialwork.errors import FrameContractError
from socialwork.frames.contracts import SEPARATOR, Column, Contract, contract, inner_field
from socialwork.frames.convert import _DTYPES
from socialwork.frames.problems import FrameProblem, masked
from socialwork.frames.validate import (
    RULES,
    _Bad,
    _BadCell,
    _blank,
    _cell,
    _native,
    _one_engine,
    _read_column,
    _type_rule,
)
from socialwork.labels import LabelledEnum
from socialwork.metrics import Exclusion, ExclusionReason, KeyGroupCoverage, Rate, rate
from socialwork.metrics.formulas import need_satisfaction_from_counts
from socialwork.metrics.rates import SHOWN, ExclusionSummary
from socialwork.models import ClientCategory, NeedStatus, Period

__all__: list[str] = []


_CATEGORIES = contract("clients").column("categories")


class _Cell(NamedTuple):
    spec: Contract
    column: Column


_KNOWN = _Cell(contract("known_key_groups"), contract("known_key_groups").column("known"))
"""How many people of a key group a community knows of: a count, read as `to_records` does."""
_BY_CODE = {c.value: c for c in ClientCategory}
_REASONS = {r.value: r for r in ExclusionReason}
_WINDOWS = frozenset({nw.Implementation.POLARS, nw.Implementation.DUCKDB, nw.Implementation.PANDAS})
"""Engines whose lazy frames number rows in an ordered window (``over(order_by=...)``)."""


def _eager(frame: nw.LazyFrame[Any]) -> nw.DataFrame[Any]:
    """Run a query: every step is lazy, the engine's own or an eager frame's ``lazy()``."""
    return frame.collect()


def _require_pyarrow_for(native: nw.DataFrame[Any] | nw.LazyFrame[Any]) -> None:
    """Refuse a pandas frame when pyarrow is missing: narwhals needs it for pandas dates.

    Without it the indicators would fail deep inside narwhals at the first
    date; checking and converting a pandas frame (`validate_frame`,
    `to_records`) needs no pyarrow.

    Raises:
        ImportError: ``native`` is a pandas (or modin, cuDF) frame and
            pyarrow is not installed.
    """
    if native.implementation.is_pandas_like() and find_spec("pyarrow") is None:
        raise ImportError(
            "socialwork.frames computes indicators on pandas frames through pyarrow "
            "(narwhals keeps pandas dates as pyarrow dates): pip install pyarrow, or "
            "pass polars or DuckDB frames"
        )


def _lazy(frame: IntoFrame, kind: str | None = None, *used: str) -> nw.LazyFrame[Any]:
    """A frame as a lazy frame, with the ``used`` columns of ``kind`` checked.

    A used column the contract requires must be there (``missing_column``)
    and every used column must have a type that can hold the contract's
    values (``date_type``, ``string_type``, ... as `validate_frame` says);
    an optional one that is absent reads as blank, as in `to_records`. In
    an eager frame, a used column held as objects or as text where the
    contract means dates or numbers is read cell by cell (`_read_cells`),
    and a required used column must have no blank cell (``missing``).

    Raises:
        FrameContractError: a column the indicator reads is missing, of
            the wrong type, or holds a cell it cannot read; the problems
            name the columns (and the rows of an eager frame).
        ImportError: a pandas frame without pyarrow installed.
    """
    native = _native(frame)
    _require_pyarrow_for(native)
    if kind is None:
        return native.lazy() if isinstance(native, nw.DataFrame) else native
    spec = contract(kind)
    eager: nw.DataFrame[Any] | None = None
    problems: list[FrameProblem] = []
    if isinstance(native, nw.DataFrame):
        eager, problems = _read_cells(native, spec, used)
        lazy = eager.lazy()
    else:
        lazy = native
    schema = lazy.collect_schema()
    names = set(schema.names())
    absent = [spec.column(n) for n in used if n not in names]
    problems += [FrameProblem(None, c.name, "missing_column") for c in absent if c.required]
    read_already = {p.column for p in problems}  # a column read cell by cell has its problems
    for name in used:
        # pandas keeps a column with blanks as objects: its cells are read as they come
        if name in names and name not in read_already and schema[name] != nw.Object:
            wrong = _type_rule(spec.column(name), schema[name])
            if wrong is not None:
                problems.append(FrameProblem(None, name, wrong, str(schema[name])))
    texts = [spec.column(n) for n in used if n in names and schema[n] == nw.String]
    written = [c for c in texts if c.type in ("code", "bool")]
    to_read = _not_all_codes(eager if eager is not None else lazy, written)
    if eager is None:  # an eager frame's dates as text are read cell by cell (`_read_cells`)
        to_read += [c for c in texts if c.type == "date"]
    read, unread = _read_texts(lazy, spec, to_read, eager)
    problems += unread
    if problems:  # every problem of every column read, each once
        raise FrameContractError(spec.kind, masked(spec, list(dict.fromkeys(problems))))
    # an absent list column stays absent: no indicator reads one
    blanks = [nw.lit(None, _DTYPES[c.type]).alias(c.name) for c in absent if c.type != "texts"]
    return lazy.with_columns(*blanks, *read) if blanks or read else lazy


_AS_STORED: dict[str, tuple[Any, ...]] = {
    "id": (nw.String,),
    "text": (nw.String,),
    "code": (nw.String,),
    "codes": (nw.String,),
    "date": (nw.Date, nw.Datetime),
    "count": (nw.Int8, nw.Int16, nw.Int32, nw.Int64, nw.UInt8, nw.UInt16, nw.UInt32, nw.UInt64),
    "bool": (nw.Boolean,),
    "decimal": (nw.Float32, nw.Float64, nw.Int64, nw.Int32),
    "number": (nw.Float32, nw.Float64, nw.Int64, nw.Int32),
}
"""Column types an indicator computes on as they are, by contract type (the rest are read)."""
_AS_STORED["scale5"] = _AS_STORED["count"]


def _codes_text(codes: object) -> str | None:
    """A cell's several codes as one text, as `from_records` writes them; ``None``: none."""
    held = cast("tuple[LabelledEnum, ...] | None", codes)
    return SEPARATOR.join(code.value for code in held or ()) or None


def _spaces(cell: object) -> str | None:
    """What a blank cell shows in a problem: its spaces, or nothing (null, NaN)."""
    return cell if isinstance(cell, str) else None


def _read_cells(
    native: nw.DataFrame[Any], spec: Contract, used: tuple[str, ...]
) -> tuple[nw.DataFrame[Any], list[FrameProblem]]:
    """The ``used`` columns a frame holds in a form the engine cannot compute on, read.

    A pandas column with blanks is kept as objects, and a column may hold
    dates or numbers as text: its cells are read as `to_records` reads
    them (`socialwork.frames.validate`), and a cell that cannot be read is
    a problem with its row and the rule it breaks (the frame is then
    refused, rather than failing inside the engine).
    """
    schema = native.schema
    problems: list[FrameProblem] = []
    typed: list[Any] = []
    for name in dict.fromkeys(used):
        if name not in schema:
            continue
        column = spec.column(name)
        dtype = schema[name]
        stored = _AS_STORED.get(column.type, ())
        if any(dtype == kind for kind in stored):
            if column.required:  # a blank where the contract needs a value (spaces too)
                blank = native.select(_blank(name, dtype))[name]
                if blank.any():
                    cells = native[name].to_list()  # a text of spaces is shown, as it is held
                    problems += [
                        FrameProblem(row, name, "missing", _spaces(cells[row]))
                        for row, is_blank in enumerate(blank.to_list())
                        if is_blank
                    ]
            continue
        if dtype == nw.String and column.type == "bool":
            continue  # read in the engine (`_read_texts`)
        values, unread = _read_values(spec, column, native[name].to_list())
        problems += unread
        if unread or column.type not in ("date", "codes"):
            continue  # read to check it: the rest an engine computes on as it is held
        if column.type == "codes":  # lists (pandas holds arrays) as text the engine can group
            values = list(map(_codes_text, values))
        typed.append(
            nw.new_series(name, values, _DTYPES[column.type], backend=native.implementation)
        )
    return (native.with_columns(*typed) if typed else native), problems


def _read_values(
    spec: Contract, column: Column, cells: list[Any]
) -> tuple[list[object], list[FrameProblem]]:
    """Cells read as `to_records` reads them; the ones that cannot be, as problems.

    A problem's row is the cell's position in ``cells``.
    """
    name = column.name
    read, _ = _read_column(column, cells)
    check = _field_check(spec, name)
    values: list[object] = []
    problems: list[FrameProblem] = []
    for row, cell in enumerate(read):
        if isinstance(cell, _BadCell):
            problems.append(FrameProblem(row, name, cell.rule, cell.value))
            continue
        if cell is None and column.required:
            problems.append(FrameProblem(row, name, "missing", _spaces(cells[row])))
            continue
        if cell is not None and check is not None:
            try:
                cell = check.validate_python(cell)
            except ValidationError as err:
                rule = err.errors()[0]["type"]
                problems.append(FrameProblem(row, name, RULES.get(rule, rule), cell))
                continue
        values.append(cell)
    return values, problems


_READ_AS: dict[str, Any] = {"code": nw.String(), "bool": nw.Boolean(), "date": nw.Date()}
"""What a text column is read as, by contract type (`_read_texts`)."""


def _read_texts(
    lazy: nw.LazyFrame[Any],
    spec: Contract,
    columns: list[Column],
    eager: nw.DataFrame[Any] | None = None,
) -> tuple[list[nw.Expr], list[FrameProblem]]:
    """Columns of codes, yes/no or dates written as text, read as `to_records` reads them.

    Each column's distinct texts are read once (a label as its code, 是/否
    as yes/no, an ISO date as a date, spaces around dropped) and looked up
    in the engine. A text that reads as nothing the column allows (an
    unknown code, a date that is no ISO date), or a blank where the
    contract needs a value, is a problem, as `validate_frame` reports it
    (and the frame is refused): an indicator never computes on it as some
    other value. The problems name the rows of an eager frame
    (``eager``), none of a lazy one.
    """
    read: list[nw.Expr] = []
    problems: list[FrameProblem] = []
    for column in columns:
        texts = _eager(_distinct(lazy, column.name))[column.name].to_list()
        values, unread = _read_values(spec, column, texts)
        if unread and eager is not None:  # the rows that hold them
            problems += _read_values(spec, column, eager[column.name].to_list())[1]
        elif unread:
            problems += [FrameProblem(None, p.column, p.rule, p.value) for p in unread]
        if unread:
            continue
        # blanks only: nothing to look up, but the column is typed all the same (a literal
        # null is False on a pandas frame)
        found = {t: v for t, v in zip(texts, values, strict=True) if t is not None} or {"": None}
        dtype = _READ_AS[column.type]
        read.append(nw.col(column.name).replace_strict(found, default=None, return_dtype=dtype))
    return read, problems


@cache
def _field_check(spec: Contract, name: str) -> TypeAdapter[Any] | None:
    """The record's own type of column ``name`` (``None`` for a parent's id), to check a cell."""
    for flat in spec.flattened:
        for column, path in flat.columns:
            if column == name:
                return TypeAdapter(inner_field(flat.record, path).rebuild_annotation())
    field = spec.record.model_fields.get(name)
    return None if field is None else TypeAdapter(field.rebuild_annotation())


def _not_all_codes(frame: Any, columns: list[Column]) -> list[Column]:
    """The ``columns`` that need reading (`_read_texts`): all but code columns of codes only.

    A code column whose every cell is blank or a code as it stands is
    computed on as it is: reading it would strip and look up every cell
    of every table an indicator reads, half the frame report's time when
    the tables hold codes, as `from_records` writes them (and on DuckDB the
    lookup of labels is a join over every row). An eager frame's cells are
    looked up as they are held; one query of a lazy frame's engine tells
    which columns hold codes only.
    """
    codes = [c for c in columns if c.type == "code"]
    if not codes:
        return columns
    if isinstance(frame, nw.DataFrame):
        found = {c.name: bool(frame[c.name].drop_nulls().is_in(c.codes).all()) for c in codes}
    else:
        checks = [
            (_any_of(nw.col(c.name), c.codes) | nw.col(c.name).is_null()).all().alias(c.name)
            for c in codes
        ]
        (found,) = _eager(frame.select(*checks)).iter_rows(named=True)
    return [c for c in columns if not found.get(c.name, False)]


def _any_of(expr: nw.Expr, values: Iterable[str]) -> nw.Expr:
    """Whether ``expr`` is one of a few ``values``; a blank is none of them (false, not null).

    Written as equalities joined by "or", not ``is_in``: narwhals writes
    ``is_in`` for DuckDB as a search of a list literal in every row, ten to
    forty times slower there than the equalities, which every engine
    evaluates as fast as a set lookup for the few codes a column allows.
    """
    return nw.any_horizontal(nw.lit(False), *(expr == v for v in values), ignore_nulls=True)


def _day(frame: nw.LazyFrame[Any], column: str) -> nw.Expr:
    """A date column as dates: timestamps lose their (zero) time.

    Dates written as text were read as dates by `_lazy`, which every
    indicator names the columns it reads to.
    """
    col = nw.col(column)
    return col.cast(nw.Date) if frame.collect_schema()[column] == nw.Datetime else col


def _distinct(frame: nw.LazyFrame[Any], column: str) -> nw.LazyFrame[Any]:
    """The distinct values of ``column``, by a group-by.

    Not ``unique()``: narwhals writes that for DuckDB as a window function
    (``row_number() over (partition by ...)``), about a third slower there
    than a plain ``GROUP BY``; on polars the two cost the same.
    """
    return frame.group_by(column).agg(nw.len().alias("__rows__")).select(column)


def _seen_in(rows: nw.LazyFrame[Any], column: str, on: str, period: Period) -> nw.LazyFrame[Any]:
    """The distinct ``column`` values (as text, named ``id``) of the rows dated in ``period``.

    Who or what the period saw: the clients visited, the resources delivered.
    """
    return (
        rows.filter(_in(rows, on, period))
        .select(nw.col(column).cast(nw.String).alias("id"))
        .pipe(_distinct, "id")
    )


def _in(frame: nw.LazyFrame[Any], column: str, period: Period) -> nw.Expr:
    """Whether a date column falls in ``period``; a timestamp column is compared as timestamps."""
    day = nw.col(column)
    dtype = frame.collect_schema()[column]
    if dtype == nw.Datetime:
        first = datetime.combine(period.start, time())
        after = datetime.combine(period.end + timedelta(days=1), time())
        return (day >= first) & (day < after)
    return (day >= period.start) & (day <= period.end)


def frame_key_group_coverage(
    clients: IntoFrame, visits: IntoFrame, period: Period
) -> KeyGroupCoverage:
    """Key-group coverage in total and by category, from a clients and a visits frame.

    The same figures as `socialwork.metrics.key_group_coverage_by_category`:
    a client with at least one category is in the denominator of the total
    and of each category; visited once in ``period`` puts them in the
    numerators. ``categories`` holds codes or labels separated by ``;`` (or
    ``,`` ``、``); the engine counts clients and visited clients for each
    distinct ``categories`` cell, and only those few cells are read in
    Python.

    Raises:
        FrameContractError: a ``categories`` cell names no category.
        TypeError: ``period`` is not a `Period`.

    Examples:
        >>> from socialwork.frames import from_records
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> cover = frame_key_group_coverage(
        ...     from_records(june.clients), from_records(june.visits), june.period)
        >>> str(cover.total), str(cover.category("living_alone_elderly"))
        ('85.5% (65/76)', '67.6% (23/34)')
    """
    _one_engine({"clients": clients, "visits": visits})
    period = require_instance(Period, period, "period")
    people = _lazy(clients, "clients", "id", "categories")
    contacts = _lazy(visits, "visits", "client_id", "on")
    seen = _seen_in(contacts, "client_id", "on", period).with_columns(
        nw.lit(1).alias("__visited__")
    )
    combos = _eager(
        people.select(nw.col("id").cast(nw.String), nw.col("categories"))
        .join(seen, on="id", how="left")
        .with_columns(nw.col("__visited__").fill_null(0))
        .group_by("categories")
        .agg(nw.len().alias("__n__"), nw.col("__visited__").sum().alias("__v__"))
    )
    registered: Counter[ClientCategory] = Counter()
    covered: Counter[ClientCategory] = Counter()
    reached = total = 0
    problems = []
    for text, n, v in combos.iter_rows():
        found = _categories(text)
        if found is None:
            problems.append(FrameProblem(None, "categories", "enum", text))
            continue
        if not found:
            continue
        total += int(n)
        reached += int(v or 0)
        for category in found:
            registered[category] += int(n)
            covered[category] += int(v or 0)
    if problems:
        raise FrameContractError("clients", tuple(problems))
    return KeyGroupCoverage(
        rate(reached, total),
        tuple((c, rate(covered[c], registered[c])) for c in ClientCategory if registered[c]),
    )


def frame_identification_rate(
    clients: IntoFrame, known_key_groups: IntoFrame, *, as_of: date
) -> Rate:
    """Listed key-group people registered as clients (`metrics.casework.identification_rate`).

    ``known_key_groups`` holds each community's official list counts
    (``community_id``, ``category``, ``known``). The engine counts the
    clients registered by ``as_of`` for each community and ``categories``
    cell; only the ids of a list's surplus (registered beyond its count,
    excluded and listed) are read in Python.

    Raises:
        ArgumentError: ``as_of`` is a ``datetime`` or outside 1900–2199.
        FrameContractError: a ``categories`` cell names no category.

    Examples:
        >>> from datetime import date
        >>> from socialwork.frames import from_records
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> lists = from_records(june.station.communities, kind="known_key_groups")
        >>> str(frame_identification_rate(from_records(june.clients), lists,
        ...                               as_of=date(2025, 6, 30)))
        '73.1% (76/104)'
    """
    identified, listed, above = _identification(clients, known_key_groups, as_of=as_of)
    return Rate(identified, listed, excluded=above.summary())


def _identification(
    clients: IntoFrame, known_key_groups: IntoFrame, *, as_of: date
) -> tuple[int, int, _Excluded]:
    """The people identified, the people listed, and the clients above each list's count."""
    _one_engine({"clients": clients, "known_key_groups": known_key_groups})
    as_of = require_day(as_of, "as_of")
    people = _lazy(clients, "clients", "id", "community_id", "categories", "registered_on")
    people = people.filter(_day(people, "registered_on") <= as_of).select(
        nw.col("id").cast(nw.String),
        nw.col("community_id").cast(nw.String),
        nw.col("categories"),
    )
    lists = _lazy(known_key_groups, "known_key_groups", "community_id", "category", "known")
    written = _eager(
        lists.select(nw.col("community_id").cast(nw.String), nw.col("category"), nw.col("known"))
    )
    counts, unread = _read_values(_KNOWN.spec, _KNOWN.column, written["known"].to_list())
    if unread:  # a count below zero, fractional or NaN; a lazy frame numbers no row
        if isinstance(_native(known_key_groups), nw.LazyFrame):
            unread = [FrameProblem(None, p.column, p.rule, p.value) for p in unread]
        raise FrameContractError("known_key_groups", tuple(unread))
    known: Counter[tuple[str, ClientCategory]] = Counter()
    for community, category, count in zip(
        written["community_id"].to_list(), written["category"].to_list(), counts, strict=True
    ):
        named = _categories(category)
        if named is None or len(named) != 1:
            problem = FrameProblem(None, "category", "enum", category)
            raise FrameContractError("known_key_groups", (problem,))
        known[(str(community), next(iter(named)))] += cast(int, count)
    cells = _eager(people.group_by("community_id", "categories").agg(nw.len().alias("__n__")))
    registered: Counter[tuple[str, ClientCategory]] = Counter()
    cells_of: dict[tuple[str, ClientCategory], list[object]] = {}
    unnamed = []  # cells naming no category
    for community, text, n in cells.iter_rows():
        held = _categories(text)
        if held is None:
            unnamed.append(FrameProblem(None, "categories", "enum", text))
            continue
        for category in held:
            registered[(str(community), category)] += int(n)
            cells_of.setdefault((str(community), category), []).append(text)
    if unnamed:
        raise FrameContractError("clients", tuple(unnamed))
    identified = listed = 0
    # a list's surplus: its clients past the list's count, by id (the last ones, in the engine)
    surplus = [people.head(0)]
    for (community, category), count in known.items():
        found = registered[(community, category)]
        identified += min(found, count)
        listed += count
        if found > count:
            rows = people.filter(
                (nw.col("community_id") == community)
                & nw.col("categories").is_in(cells_of[(community, category)])
            )
            surplus.append(rows.sort("id", descending=True).head(found - count))
    above = nw.concat(surplus, how="vertical") if len(surplus) > 1 else surplus[0]
    return identified, listed, _excluded(above, ExclusionReason.ABOVE_KNOWN)


def _categories(text: object) -> frozenset[ClientCategory] | None:
    """The categories one ``categories`` cell names (codes or labels); ``None``: it names none."""
    if text is None or (isinstance(text, float) and text != text):  # a NaN from pandas
        return frozenset()
    try:
        parts: Any = _cell(_CATEGORIES, text)
    except _Bad:
        return None
    return frozenset(_BY_CODE[p] for p in parts)


class _Excluded(NamedTuple):
    """The rows a rate leaves out, in the engine: ``record_id`` and ``reason`` (a code).

    ``order`` names the columns that give the records' listing order
    (``record_id`` last); the rows are read only as counts and first ids
    (`summary`) or, when asked, as a frame (`listing`).
    """

    rows: nw.LazyFrame[Any]
    order: tuple[str, ...] = ("record_id",)

    def summary(self) -> ExclusionSummary:
        """Count the rows by reason in the engine and read the first `SHOWN` of each reason.

        The first rows of each reason are merged in the listing's order,
        and reasons come in the order they first appear, as
        `ExclusionSummary.of` reads a listing.
        """
        if self.rows.implementation in _WINDOWS:
            rows = self._first_by_window()
        else:
            rows = self._first_by_reason()
        rows.sort(key=lambda row: row[:-2])
        found = {str(row[-2]): int(row[-1]) for row in rows}
        first_rows = tuple(Exclusion(str(row[-3]), str(row[-2])) for row in rows)
        return ExclusionSummary(tuple((_REASONS[r], n) for r, n in found.items()), first_rows)

    def _first_by_window(self) -> list[tuple[Any, ...]]:
        """In one query: the first rows of each reason (order, reason, the reason's count)."""
        place = nw.col("reason").cum_count().over("reason", order_by=list(self.order))
        first = self.rows.with_columns(
            nw.len().over("reason").alias("__n__"), place.alias("__place__")
        ).filter(nw.col("__place__") <= SHOWN)
        return list(_eager(first.select(*self.order, "reason", "__n__")).iter_rows())

    def _first_by_reason(self) -> list[tuple[Any, ...]]:
        """For an engine without ordered windows: the counts, then each reason's first rows."""
        counts = _eager(self.rows.group_by("reason").agg(nw.len().alias("__n__")))
        rows: list[tuple[Any, ...]] = []
        for reason, n in counts.iter_rows():
            first = self.rows.filter(nw.col("reason") == reason).sort(list(self.order))
            head = _eager(first.head(SHOWN).select(*self.order, "reason"))
            rows += [(*row, n) for row in head.iter_rows()]
        return rows

    def listing(self) -> nw.LazyFrame[Any]:
        """Every excluded record (``record_id``, ``reason``), in the listing's order."""
        return self.rows.sort(list(self.order)).select("record_id", "reason")


def _excluded(rows: nw.LazyFrame[Any], reason: ExclusionReason) -> _Excluded:
    """The ``id`` of ``rows`` as records a rate leaves out for ``reason``, listed by id."""
    return _Excluded(
        rows.select(
            nw.col("id").cast(nw.String).alias("record_id"),
            nw.lit(reason.value, nw.String()).alias("reason"),
        )
    )


def frame_need_satisfaction(needs: IntoFrame, period: Period) -> Rate:
    """Need satisfaction from a needs frame, as `socialwork.metrics.services.need_satisfaction`.

    Withdrawn needs raised in the period are excluded and listed by id.

    Raises:
        TypeError: ``period`` is not a `Period`.

    Examples:
        >>> from socialwork.frames import from_records
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> str(frame_need_satisfaction(from_records(june.needs), june.period))
        '53.6% (15/28)'
    """
    period = require_instance(Period, period, "period")
    frame = _lazy(needs, "needs", "id", "raised_on", "status")
    raised = frame.filter(_in(frame, "raised_on", period))
    status = nw.col("status").fill_null(NeedStatus.OPEN.value)
    withdrawn = status == NeedStatus.WITHDRAWN.value
    counts = _eager(
        raised.select(
            (~withdrawn).cast(nw.Int64).sum().alias("raised"),
            (status == NeedStatus.MET.value).cast(nw.Int64).sum().alias("met"),
        )
    ).row(0)
    result = need_satisfaction_from_counts(int(counts[1] or 0), int(counts[0] or 0))
    return Rate(
        result.numerator, result.denominator, excluded=_withdrawn_needs(needs, period).summary()
    )


def _withdrawn_needs(needs: IntoFrame, period: Period) -> _Excluded:
    """The withdrawn needs raised in ``period``, which need satisfaction leaves out."""
    frame = _lazy(needs, "needs", "id", "raised_on", "status")
    withdrawn = nw.col("status").fill_null(NeedStatus.OPEN.value) == NeedStatus.WITHDRAWN.value
    raised = frame.filter(_in(frame, "raised_on", period) & withdrawn)
    return _excluded(raised, ExclusionReason.WITHDRAWN)


def frame_resource_match_accuracy(deliveries: IntoFrame, period: Period) -> Rate:
    """Match accuracy from a deliveries frame, as `metrics.services.resource_match_accuracy`.

    Deliveries not yet checked (``matched_need`` blank) are excluded and listed.

    Raises:
        TypeError: ``period`` is not a `Period`.

    Examples:
        >>> from socialwork.frames import from_records
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> str(frame_resource_match_accuracy(from_records(june.deliveries), june.period))
        '70.0% (7/10)'
    """
    period = require_instance(Period, period, "period")
    frame = _lazy(deliveries, "deliveries", "id", "delivered_on", "matched_need")
    counted = frame.filter(_in(frame, "delivered_on", period))
    checked = ~nw.col("matched_need").is_null()
    counts = _eager(
        counted.select(
            checked.cast(nw.Int64).sum().alias("checked"),
            nw.col("matched_need").fill_null(value=False).cast(nw.Int64).sum().alias("matched"),
        )
    ).row(0)
    return Rate(
        int(counts[1] or 0),
        int(counts[0] or 0),
        excluded=_unchecked_deliveries(deliveries, period).summary(),
    )


def _unchecked_deliveries(deliveries: IntoFrame, period: Period) -> _Excluded:
    """The deliveries of ``period`` not yet checked, which match accuracy leaves out."""
    frame = _lazy(deliveries, "deliveries", "id", "delivered_on", "matched_need")
    unchecked = frame.filter(_in(frame, "delivered_on", period) & nw.col("matched_need").is_null())
    return _excluded(unchecked, ExclusionReason.UNCHECKED)
