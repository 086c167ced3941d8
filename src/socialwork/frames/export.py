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
from socialwork.metrics import KeyGroupCoverage, MonthlyReport, Rate, ReportLine, wilson_interval

__all__ = ["to_dict", "to_frame", "to_json"]


def _plain(value: object) -> object:
    if isinstance(value, Rate):
        return {
            "numerator": value.numerator,
            "denominator": value.denominator,
            "value": value.value,
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

    attrs results become dicts of their fields (a `Rate` with its value too),
    records and periods their JSON form, enums their codes, dates ISO text,
    decimals text.

    Examples:
        >>> from socialwork.metrics import rate
        >>> to_dict(rate(46, 50))
        {'numerator': 46, 'denominator': 50, 'value': 0.92, 'exclusions': []}
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


def _measure(value: object) -> dict[str, Any]:
    """The columns of a report line's value: a rate's counts and interval, or a number."""
    if isinstance(value, Rate):
        low, high = wilson_interval(value.numerator, value.denominator)
        return {
            "value": value.value,
            "numerator": value.numerator,
            "denominator": value.denominator,
            "interval_low": low if value.denominator else None,
            "interval_high": high if value.denominator else None,
        }
    number = float(value) if isinstance(value, (int, float, Decimal)) else None
    return {
        "value": number,
        "numerator": None,
        "denominator": None,
        "interval_low": None,
        "interval_high": None,
    }


def _line(line: ReportLine) -> dict[str, Any]:
    previous = line.previous
    return {
        "code": line.definition.code,
        "name_zh": line.definition.name.zh,
        "name_en": line.definition.name.en,
        **_measure(line.value),
        "previous": _measure(previous)["value"],
        "change": line.change,
        "target": None if line.target is None else float(line.target.value),
        "status": line.status.value,
        "excluded": len(line.exclusions),
    }


def _goal_review_row(review: Any) -> dict[str, Any]:
    """A goal at a review, every figure in the goal's display units (a rate in percent)."""
    measured = review.measurement
    value = None if measured is None else measured.value
    counts = value if isinstance(value, Rate) else None
    interval = review.interval
    return {
        "goal_id": review.goal_id,
        "statement": review.statement,
        "indicator": None if review.target is None else review.target.indicator,
        "period_start": None if measured is None else measured.period.start,
        "period_end": None if measured is None else measured.period.end,
        "measured": None if measured is None else measured.percent,
        "numerator": None if counts is None else counts.numerator,
        "denominator": None if counts is None else counts.denominator,
        "interval_low": None if interval is None else 100 * interval.low,
        "interval_high": None if interval is None else 100 * interval.high,
        "target_level": review.target_level,
        "expected": review.expected,
        "status": review.status.value,
    }


def _planning_rows(result: object) -> list[dict[str, Any]] | None:
    """Rows of the planning and stage results that are grids or lists, not one record."""
    from socialwork.analysis.resources import NeedMatching  # lazy: frames need not load analysis
    from socialwork.analysis.risk import HeatMap
    from socialwork.plans.review import GoalReview, PlanReview
    from socialwork.stages.exit import ExitCheck

    if isinstance(result, PlanReview):
        return [_goal_review_row(g) for g in result.goals]
    if isinstance(result, GoalReview):
        return [_goal_review_row(result)]
    if isinstance(result, HeatMap):
        return [
            {
                "level": result.level.value,
                "likelihood": likelihood,
                "impact": impact,
                "count": result.count(likelihood, impact),
                "risks": ";".join(result.at(likelihood, impact)),
            }
            for likelihood in range(5, 0, -1)
            for impact in range(1, 6)
        ]
    if isinstance(result, NeedMatching):
        return [
            {"need_id": a.need_id, "offer_id": a.offer_id, "unmatched_reason": None}
            for a in result.assignments
        ] + [
            {"need_id": u.need_id, "offer_id": None, "unmatched_reason": u.reason.value}
            for u in result.unmatched
        ]
    if isinstance(result, ExitCheck):
        return [
            {
                "stage": result.stage.value,
                "criterion": c.code,
                "measured": None if c.measured is None else float(c.measured),
                "threshold": float(c.threshold),
                "comparison": c.comparison.value,
                "met": c.met,
            }
            for c in result.criteria
        ]
    return None


def _rows(result: object) -> list[dict[str, Any]]:
    planned = _planning_rows(result)
    if planned is not None:
        return planned
    if isinstance(result, MonthlyReport):
        return [_line(line) for line in result.lines]
    if isinstance(result, ReportLine):
        return [_line(result)]
    if isinstance(result, KeyGroupCoverage):
        rows = [{"category": "total", **_rate_row(result.total)}]
        return rows + [{"category": c.value, **_rate_row(r)} for c, r in result.by_category]
    if isinstance(result, Rate):
        return [_rate_row(result)]
    if isinstance(result, tuple) and len(result) == 2 and isinstance(result[1], Rate):
        return [{"key": _plain(result[0]), **_rate_row(result[1])}]
    if isinstance(result, Mapping):
        return [{"key": _plain(k), "value": _cell(v)} for k, v in result.items()]
    if attrs.has(type(result)):
        row: dict[str, Any] = {}
        for f in attrs.fields(type(result)):  # type: ignore[arg-type]
            value = getattr(result, f.name)
            if isinstance(value, Rate):
                row.update({f"{f.name}_{k}": v for k, v in _rate_row(value).items()})
            else:
                row[f.name] = _cell(value)
        return [row]
    if isinstance(result, Iterable) and not isinstance(result, (str, bytes)):
        rows = []
        for item in result:
            rows += _rows(item)
        return rows
    raise ArgumentError("result", type(result).__name__, "a result, or results, to tabulate")


def _cell(value: object) -> object:
    if isinstance(value, date):
        return value
    plain = _plain(value)
    if isinstance(plain, (dict, list)):
        return json.dumps(plain, ensure_ascii=False)
    return plain


def _rate_row(value: Rate) -> dict[str, Any]:
    return {
        "numerator": value.numerator,
        "denominator": value.denominator,
        "value": value.value,
        "excluded": len(value.exclusions),
    }


def to_frame(result: object, *, backend: str = "polars") -> Any:
    """A native frame of ``backend`` (``polars``, ``pandas``, ``pyarrow``) with a result's rows.

    A `Rate` is one row (numerator, denominator, value, excluded); a
    `MonthlyReport` one row per line (code, names, value, numerator,
    denominator, 95% Wilson interval, previous value, change, target,
    status, excluded), as is a `ReportLine`; a `KeyGroupCoverage` a row for
    the total and one per category; a `HeatMap` its 25 cells (likelihood,
    impact, count, risk ids joined by ``;``, likelihood 5 first); a
    `NeedMatching` one row per need (the offer that meets it, or why none
    does); an `ExitCheck` one row per exit criterion (measured, threshold,
    comparison, met; yes/no as 1.0/0.0); a `PlanReview` one row per goal
    (indicator, the measurement's period, measured value, a rate's counts,
    95% interval, target level, expected level on the trajectory, status;
    every figure in the goal's display units, a rate in percent), as is a
    `GoalReview`; a mapping one row per key; any
    other attrs result one row of its fields, a ``(key, rate)`` pair one row
    (``key`` and the rate's columns: coverage by category), and a sequence
    of results one row each (overdue follow-ups, a risk ranking, ...).
    Dates stay dates, a rate field becomes its ``_numerator``,
    ``_denominator``, ``_value`` and ``_excluded`` columns, enums their
    codes, and other nested values JSON text.

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
