"""Shared pieces of every record: the base model, field types and rule errors."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from datetime import date
from decimal import Decimal
from typing import Annotated, Any, NoReturn

from pydantic import BaseModel, ConfigDict, Field, Strict, StringConstraints, ValidationError
from pydantic_core import InitErrorDetails, PydanticCustomError

__all__ = [
    "PERSONAL_DATA",
    "Count",
    "Day",
    "Id",
    "Money",
    "Record",
    "Scale5",
    "Text",
    "break_rule",
    "check_order",
    "check_part",
    "check_unique",
    "personal",
]

PERSONAL_DATA = "personal_data"
"""The JSON Schema key that marks a field as holding personal data."""

Id = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]
"""A record identifier: a non-empty string of at most 64 characters."""

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""Non-empty text, stripped of surrounding whitespace."""

Count = Annotated[int, Strict(), Field(ge=0)]
"""A count: an ``int`` (never a bool, float or string) that is at least 0."""

Scale5 = Annotated[int, Strict(), Field(ge=1, le=5)]
"""A rating on a 1–5 scale."""

Day = Annotated[date, Strict()]
"""A calendar date; a ``datetime`` or a number is refused, ISO text is read from JSON."""

Money = Annotated[Decimal, Strict(), Field(ge=0, allow_inf_nan=False)]
"""An amount of money in CNY: a non-negative, finite ``Decimal``."""


def personal(**kwargs: Any) -> Any:
    """Return a pydantic ``Field`` marked as holding personal data.

    The mark appears in the field's JSON Schema as ``"personal_data": true``
    and is what `socialwork.models.personal_fields` looks for.

    Examples:
        >>> from pydantic import BaseModel
        >>> class Card(BaseModel):
        ...     name: str = personal()
        >>> Card.model_json_schema()["properties"]["name"]["personal_data"]
        True
    """
    return Field(json_schema_extra={PERSONAL_DATA: True}, **kwargs)


class Record(BaseModel):
    """Base of every record: frozen, no extra fields, whitespace stripped.

    Examples:
        >>> class Note(Record):
        ...     text: str
        >>> Note(text="  hello ").text
        'hello'
    """

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        str_strip_whitespace=True,
        validate_default=True,
        use_enum_values=False,
        ser_json_inf_nan="strings",
    )


def break_rule(
    record: str,
    loc: tuple[str | int, ...],
    code: str,
    message: str,
    input_value: object,
    /,
    **context: Any,
) -> NoReturn:
    """Raise a pydantic ``ValidationError`` for one broken record rule.

    ``message`` may name ``{placeholders}`` filled from ``context``; the error's
    ``type`` is ``code`` and its ``loc`` is ``loc`` (nested under the field that
    holds the record when it is validated inside another one).

    Examples:
        >>> try:
        ...     break_rule("Period", ("end",), "end_before_start",
        ...                "end {end} must not be before start {start}", 1, end=1, start=2)
        ... except ValidationError as err:
        ...     print(err.errors()[0]["type"], err.errors()[0]["loc"])
        end_before_start ('end',)
    """
    error = PydanticCustomError(code, message, {k: str(v) for k, v in context.items()})
    raise ValidationError.from_exception_data(
        record, [InitErrorDetails(type=error, loc=loc, input=input_value)]
    )


def check_unique(record: str, field: str, keys: Iterable[Hashable]) -> None:
    """Break the ``duplicate_id`` rule when ``keys`` repeats a value.

    Examples:
        >>> check_unique("Station", "staff", ["a", "b"])
        >>> try:
        ...     check_unique("Station", "staff", ["a", "b", "a"])
        ... except ValidationError as err:
        ...     print(err.errors()[0]["loc"], err.errors()[0]["type"])
        ('staff', 2) duplicate_id
    """
    seen: set[Hashable] = set()
    for index, key in enumerate(keys):
        if key in seen:
            break_rule(
                record,
                (field, index),
                "duplicate_id",
                "each {field} entry needs a distinct id; {key} appears twice",
                key,
                field=field,
                key=key,
            )
        seen.add(key)


def check_order(
    record: str, loc: tuple[str | int, ...], start_name: str, start: date, end: date | None
) -> None:
    """Break the ``end_before_start`` rule when ``end`` is known and before ``start``.

    ``loc`` names the end field; ``start_name`` names the start in the message.

    Examples:
        >>> check_order("Goal", ("due_on",), "start_on", date(2025, 6, 1), None)
        >>> try:
        ...     check_order("Goal", ("due_on",), "start_on", date(2025, 6, 2), date(2025, 6, 1))
        ... except ValidationError as err:
        ...     print(err.errors()[0]["msg"])
        due_on 2025-06-01 must not be before start_on 2025-06-02
    """
    if end is not None and end < start:
        break_rule(
            record,
            loc,
            "end_before_start",
            "{end_name} {end} must not be before {start_name} {start}",
            end,
            end_name=loc[-1],
            end=end,
            start_name=start_name,
            start=start,
        )


def check_part(
    record: str,
    loc: tuple[str | int, ...],
    part_name: str,
    part: int | None,
    whole_name: str,
    whole: int,
) -> None:
    """Break the ``part_above_total`` rule when ``part`` is known and above ``whole``.

    Examples:
        >>> check_part("Survey", ("satisfied",), "satisfied", 46, "respondents", 50)
        >>> try:
        ...     check_part("Survey", ("satisfied",), "satisfied", 51, "respondents", 50)
        ... except ValidationError as err:
        ...     print(err.errors()[0]["msg"])
        satisfied (51) must not exceed respondents (50)
    """
    if part is not None and part > whole:
        break_rule(
            record,
            loc,
            "part_above_total",
            "{part_name} ({part}) must not exceed {whole_name} ({whole})",
            part,
            part_name=part_name,
            part=part,
            whole_name=whole_name,
            whole=whole,
        )
