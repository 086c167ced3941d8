"""Administrations of standard scales (量表施测): who answered which scale, when, and the total.

A `ScaleAdministration` is one person's total on one scale on one day, the
row a pre/post evaluation pairs (`socialwork.evaluation.pre_post`). The
scale is named by its code (``"gds15"``); scoring answers into a total is
the scale's job (`socialwork.evaluation.Scale.score`).
"""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, Strict

from socialwork.records import Day, Id, Record

__all__ = ["ScaleAdministration"]


class ScaleAdministration(Record):
    """One administration of a scale to a client: the day and the total score.

    ``total`` is finite and at most a million in size; a prorated total may
    be fractional.

    Examples:
        >>> from datetime import date
        >>> a = ScaleAdministration(id="a1", client_id="p1", scale="gds15",
        ...                         on=date(2025, 3, 3), total=9)
        >>> a.total, a.on.isoformat()
        (9.0, '2025-03-03')
    """

    id: Id
    client_id: Id
    scale: Id
    on: Day
    total: Annotated[float, Strict(), Field(ge=-1e6, le=1e6, allow_inf_nan=False)]
    worker_id: Id | None = None
