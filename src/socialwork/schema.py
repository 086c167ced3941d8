"""JSON Schema (Draft 2020-12) of every record of socialwork, for packages that build on it.

Every record type of every subpackage — the records of `socialwork.models`,
the evidence and engagements of `socialwork.stages`, the duties of
`socialwork.calendars`, the risks and SWOT items of `socialwork.analysis`,
the plans of `socialwork.plans`, the indicator definitions of
`socialwork.metrics` — is in `RECORD_TYPES` and has a schema in
`json_schema`. Importing this module imports every subpackage.

Examples:
    >>> from socialwork.schema import RECORD_TYPES, json_schema
    >>> schemas = json_schema()
    >>> schemas["Client"]["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    >>> len(schemas) == len(RECORD_TYPES)
    True
"""

from __future__ import annotations

from typing import Any

import socialwork.analysis
import socialwork.calendars
import socialwork.evaluation
import socialwork.metrics
import socialwork.models
import socialwork.plans
import socialwork.stages
import socialwork.team  # noqa: F401 - every subpackage's records must be defined
from socialwork.records import Record

__all__ = ["RECORD_TYPES", "json_schema"]

_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def _subclasses(base: type[Record]) -> set[type[Record]]:
    found: set[type[Record]] = set()
    for cls in base.__subclasses__():
        found |= {cls} | _subclasses(cls)
    return found


RECORD_TYPES: tuple[type[Record], ...] = tuple(
    sorted(
        (cls for cls in _subclasses(Record) if cls.__module__.startswith("socialwork.")),
        key=lambda cls: cls.__name__,
    )
)
"""Every record type of socialwork, in alphabetical order of name."""


def json_schema() -> dict[str, dict[str, Any]]:
    """Return the JSON Schema (Draft 2020-12) of every record, by record name.

    Each schema is self-contained (its ``$defs`` hold the nested records) and
    describes the JSON that ``model_dump_json`` writes.

    Examples:
        >>> "categories" in json_schema()["Client"]["properties"]
        True
    """
    return {
        model.__name__: {"$schema": _DIALECT, **model.model_json_schema(mode="serialization")}
        for model in RECORD_TYPES
    }
