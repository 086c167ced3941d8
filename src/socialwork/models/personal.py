"""Where personal data lives: the fields a record marks as personal."""

from __future__ import annotations

from pydantic import BaseModel

from socialwork.records import PERSONAL_DATA

__all__: list[str] = []


def personal_fields(model: type[BaseModel]) -> frozenset[str]:
    """Return the names of a record's fields marked as holding personal data.

    Nested records are not followed: ask them separately.

    Examples:
        >>> from socialwork.models import Client
        >>> sorted(personal_fields(Client))
        ['address', 'born_on', 'id_number', 'name', 'phone']
    """
    return frozenset(
        name
        for name, field in model.model_fields.items()
        if isinstance(field.json_schema_extra, dict) and field.json_schema_extra.get(PERSONAL_DATA)
    )
