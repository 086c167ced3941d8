"""Helpers shared by the tests of this room."""

from __future__ import annotations

from datetime import date

from socialwork.analysis import (
    SwotItem,
    SwotQuadrant,
)
from socialwork.models import (
    Need,
    NeedDomain,
)

HALVES = (
    SwotItem(id="s", quadrant=SwotQuadrant.STRENGTH, statement="场地", weight=0.5, rating=4),
    SwotItem(id="w", quadrant=SwotQuadrant.WEAKNESS, statement="人手", weight=0.5, rating=1),
)


def need_planning(need_id: str) -> Need:
    return Need(
        id=need_id,
        community_id="c",
        domain=NeedDomain.HEALTH,
        description="体检",
        raised_on=date(2025, 6, 1),
        raised_by="居民",
    )
