"""Baselines and targets (基线与目标): where an indicator started and what it aims at.

Both are records in the indicator's display units (80 for 80%), so they
read as a plan would state them. An `IndicatorDefinition
<socialwork.metrics.definitions.IndicatorDefinition>` carries a baseline
and its targets; `indicator_status <socialwork.metrics.status.indicator_status>`
compares a value with them.

Examples:
    >>> from datetime import date
    >>> from socialwork.models import Period
    >>> Target(value=95, period=Period.year(2025)).value
    95.0
    >>> Baseline(value=80, on=date(2025, 5, 31)).on.isoformat()
    '2025-05-31'
"""

from __future__ import annotations

from typing import Annotated, TypeAlias

from pydantic import Field, Strict

from socialwork._arguments import MAX_FIGURE
from socialwork.models import Period
from socialwork.records import Day, Record

__all__ = ["MAX_FIGURE", "Baseline", "Figure", "Target"]

Figure: TypeAlias = Annotated[
    float, Strict(), Field(ge=-MAX_FIGURE, le=MAX_FIGURE, allow_inf_nan=False)
]
"""A figure in display units: finite (never NaN), at most a thousand trillion in size."""


class Baseline(Record):
    """The value an indicator had on a date, in display units (e.g. 80 for 80%).

    Examples:
        >>> from datetime import date
        >>> Baseline(value=80, on=date(2025, 5, 31)).value
        80.0
    """

    value: Figure
    on: Day


class Target(Record):
    """A target in display units, for one period or standing (``period`` is ``None``).

    Examples:
        >>> Target(value=95).period is None
        True
    """

    value: Figure
    period: Period | None = None
