"""Results out: plain dicts, JSON and frames of any backend narwhals supports."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any, cast

import attrs
import narwhals as nw
from pydantic import BaseModel

from socialwork.errors import ArgumentError
from socialwork.metrics import Rate

__all__ = ["to_dict", "to_frame", "to_json"]


def _plain(value: object) -> object:
    if isinstance(value, Rate):
        return {
            "numerator": value.numerator,
            "denominator": value.denominator,
            "value": value.value,
            "excluded": value.excluded.total,
            "exclusions": [_plain(e) for e in value.exclusions],
        }
    if attrs.has(type(value)):
        fields = attrs.fields(type(value))  # type: ignore[arg-type]
        return {f.name: _plain(getattr(value, f.name)) for f in fields}
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Mapping):
        return {str(_plain(k)): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set, frozenset)):
        return [_plain(v) for v in value]
    return value


def to_dict(result: object) -> Any:
    """A result as plain JSON-ready data: dicts, lists, text, numbers (no pandas needed).

    attrs results become dicts of their fields (a `Rate` with its value and
    how many records it excluded, ``excluded``, also when it was measured on
    frames and lists none of them),
    records and periods their JSON form, enums their codes, dates ISO text,
    decimals text.

    Examples:
        >>> from socialwork.metrics import rate
        >>> to_dict(rate(46, 50))
        {'numerator': 46, 'denominator': 50, 'value': 0.92, 'excluded': 0, 'exclusions': []}
    """
    return _plain(result)


def to_json(result: object) -> str:
    """A result as JSON text (Chinese kept as it is), `Period` and dates included.

    Examples:
        >>> from socialwork.metrics import Exclusion, rate
        >>> import json
        >>> json.loads(to_json(rate(1, 2, (Exclusion("n9", "withdrawn"),))))["exclusions"]
        [{'record_id': 'n9', 'reason': 'withdrawn'}]
    """
    try:
        return json.dumps(_plain(result), ensure_ascii=False)
    except ValueError as err:  # an int longer than Python will write, say
        raise ArgumentError("result", result, f"a result JSON can write ({err})") from None


def _rows(result: object) -> list[dict[str, Any]]:
    """The rows of ``result``: its own ``to_rows()``, or rows read from its shape."""
    to_rows = getattr(result, "to_rows", None)
    if callable(to_rows):
        own: list[dict[str, Any]] = to_rows()
        return own
    if isinstance(result, tuple) and len(result) == 2 and isinstance(result[1], Rate):
        return [{"key": _plain(result[0]), **result[1].to_rows()[0]}]
    if isinstance(result, Mapping):
        return [{"key": _plain(k), "value": _cell(v)} for k, v in result.items()]
    if attrs.has(type(result)):
        row: dict[str, Any] = {}
        for f in attrs.fields(type(result)):  # type: ignore[arg-type]
            value = getattr(result, f.name)
            if isinstance(value, Rate):
                row.update({f"{f.name}_{k}": v for k, v in value.to_rows()[0].items()})
            else:
                row[f.name] = _cell(value)
        return [row]
    if isinstance(result, Iterable) and not isinstance(result, (str, bytes)):
        return [row for item in result for row in _rows(item)]
    raise ArgumentError("result", type(result).__name__, "a result, or results, to tabulate")


def _cell(value: object) -> object:
    if isinstance(value, date):
        return value
    plain = _plain(value)
    if isinstance(plain, (dict, list)):
        return json.dumps(plain, ensure_ascii=False)
    return plain


def to_frame(result: object, *, backend: str = "polars") -> Any:
    """A native frame of ``backend`` (``polars``, ``pandas``, ``pyarrow``) with a result's rows.

    A result that tabulates itself gives its own rows (``to_rows()``): a
    `Rate` one row with its counts and 95% Wilson interval, a monthly report
    one row per indicator line, a coverage the total and each category, a
    heat map its 25 cells, a need matching one row per need, an exit check
    one row per criterion, a plan review one row per goal, and so on (see
    each result's ``to_rows``). Otherwise a mapping is one row per key, a
    ``(key, rate)`` pair one row (``key`` and the rate's columns), any other
    attrs result one row of its fields (a rate field becomes its columns
    prefixed by the field's name), and a sequence of results one row each
    (overdue follow-ups, a risk ranking, ...). Dates stay dates, enums
    become their codes and other nested values JSON text.

    Raises:
        ArgumentError: ``result`` is not a result or ``backend`` is not installed.

    Examples:
        >>> from socialwork.metrics import rate
        >>> to_frame(rate(46, 50))["value"].to_list()
        [0.92]
    """
    rows = _rows(result)
    if not rows:
        raise ArgumentError("result", "no rows", "at least one result")
    columns: dict[str, list[Any]] = {}
    for row in rows:
        for key in row:
            columns.setdefault(key, [])
    for row in rows:
        for key, values in columns.items():
            values.append(row.get(key))
    try:
        return nw.from_dict(columns, backend=cast(Any, backend)).to_native()
    except (ValueError, ImportError) as err:
        raise ArgumentError(
            "backend", backend, "an installed eager backend: polars, pandas or pyarrow"
        ) from err
