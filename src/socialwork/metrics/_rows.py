"""The one rule for the collections a metric reads: each record once."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol, TypeVar

from socialwork.errors import MetricInputError


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


R = TypeVar("R", bound=_HasId)


def distinct_rows(rows: Iterable[R], parameter: str) -> tuple[R, ...]:
    """Return ``rows`` as a tuple, refusing a record given twice (by its id).

    A client listed three times would count three times: a bundle
    (`socialwork.models.StationRecords`) refuses that with ``duplicate_id``,
    and so does a metric given loose collections.

    Raises:
        MetricInputError: an id is repeated; the message names the parameter and the id.
        TypeError: ``rows`` is not a collection, or holds something without a text ``id``.

    Examples:
        >>> from socialwork.samples import station_month
        >>> client = station_month().clients[0]
        >>> len(distinct_rows([client], "clients"))
        1
        >>> distinct_rows([client, client], "clients")
        Traceback (most recent call last):
        ...
        socialwork.errors.MetricInputError: clients must be records with distinct ids; ...
    """
    if isinstance(rows, str | bytes) or not isinstance(rows, Iterable):
        raise TypeError(f"{parameter} must be a collection of records; got {type(rows).__name__}")
    found = tuple(rows)
    seen: set[str] = set()
    for index, row in enumerate(found):
        key = getattr(row, "id", None)
        if not isinstance(key, str):
            raise TypeError(
                f"{parameter}[{index}] must be a record with a text id; got {type(row).__name__}"
            )
        if key in seen:
            raise MetricInputError(parameter, f"{key} twice", "records with distinct ids")
        seen.add(key)
    return found
