"""The record base: what every record of socialwork, and of packages built on it, shares.

`Record` is the frozen, strict pydantic base; `Id`, `Text`, `Day`,
`Count`, `Money`, `Share` and `Scale5` are the field types with their
documented bounds; `replace` is the validating edit; `break_rule` and
the ``check_*`` helpers raise the shared record rules with stable codes.

Examples:
    >>> from datetime import date
    >>> class Visit(Record):
    ...     id: Id
    ...     on: Day
    ...     minutes: Count
    >>> v = Visit(id="v1", on="2025-06-02", minutes=30)
    >>> v.on
    datetime.date(2025, 6, 2)
    >>> replace(v, minutes=45).minutes
    45
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any, NoReturn, Self, TypeVar

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    Strict,
    StringConstraints,
    ValidationError,
)
from pydantic_core import InitErrorDetails, PydanticCustomError

from socialwork._arguments import FIRST_DAY, LAST_DAY, MAX_COUNT, first_repeat, require_day
from socialwork.errors import shown

__all__ = [
    "PERSONAL_DATA",
    "Count",
    "Day",
    "Hours",
    "Id",
    "Money",
    "Record",
    "Scale5",
    "Share",
    "Text",
    "personal",
    "replace",
]

R = TypeVar("R", bound=BaseModel)

MAX_MONEY = Decimal("1000000000000")
"""The largest amount of money a record may hold: a trillion CNY."""

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_DECIMAL = re.compile(r"[+-]?\d+(\.\d+)?")
_CENT = Decimal("0.01")

PERSONAL_DATA = "personal_data"
"""The JSON Schema key that marks a field as holding personal data."""

Id = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]
"""A record identifier: a non-empty string of at most 64 characters."""

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
"""Non-empty text, stripped of surrounding whitespace."""

Count = Annotated[int, Strict(), Field(ge=0, le=MAX_COUNT)]
"""A count: an ``int`` (never a bool, float or string) from 0 to `MAX_COUNT`."""

Scale5 = Annotated[int, Strict(), Field(ge=1, le=5)]
"""A rating on a 1–5 scale."""

Share = Annotated[float, Strict(), Field(ge=0, le=1, allow_inf_nan=False)]
"""A finite share or probability from 0 to 1 (never NaN, never a bool or a string)."""


def _day_input(value: object) -> object:
    """Read an ISO ``YYYY-MM-DD`` string as a date and refuse a ``datetime``."""
    if isinstance(value, datetime):
        raise PydanticCustomError(
            "datetime_not_date",
            "expected a calendar date without a time; got the datetime {value}",
            {"value": value.isoformat()},
        )
    if isinstance(value, str):
        text = value.strip()
        try:
            if _ISO_DAY.fullmatch(text):
                return date.fromisoformat(text)
        except ValueError:
            pass
        raise PydanticCustomError(
            "date_format", "expected an ISO date YYYY-MM-DD; got '{value}'", {"value": value}
        )
    return value


def _day_in_range(value: date) -> date:
    if not FIRST_DAY <= value <= LAST_DAY:
        raise PydanticCustomError(
            "date_out_of_range",
            "expected a date from {first} to {last}; got {value}",
            {"first": str(FIRST_DAY), "last": str(LAST_DAY), "value": str(value)},
        )
    return value


Day = Annotated[date, Strict(), BeforeValidator(_day_input), AfterValidator(_day_in_range)]
"""A calendar date from `FIRST_DAY` to `LAST_DAY`.

A ``date`` or an ISO ``YYYY-MM-DD`` string (in Python and in JSON mode) is
accepted; a ``datetime``, a number or any other text is refused.
"""


def _decimal_input(value: object) -> object:
    """Read an ``int`` or a decimal string as a Decimal; refuse a float or a bool."""
    if isinstance(value, bool | float):
        raise PydanticCustomError(
            "decimal_type",
            "expected a Decimal, an int or a decimal string; got {kind} {value}",
            {"kind": type(value).__name__, "value": repr(value)},
        )
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, str):
        if not _DECIMAL.fullmatch(value.strip()):
            raise PydanticCustomError(
                "decimal_format",
                "expected a decimal number such as '12.50'; got '{value}'",
                {"value": value},
            )
        return Decimal(value.strip())
    return value


Money = Annotated[
    Decimal,
    Strict(),
    BeforeValidator(_decimal_input),
    Field(ge=0, le=MAX_MONEY, decimal_places=2, allow_inf_nan=False),
    AfterValidator(lambda value: value.quantize(_CENT)),
]
"""An amount of money in CNY: from 0 to `MAX_MONEY`, with at most 2 decimal places.

A ``Decimal``, an ``int`` or a decimal string is accepted and kept to the
cent (``Decimal("12.50")``); a float is refused, since it cannot hold cents exactly.
"""

Hours = Annotated[
    Decimal,
    Strict(),
    BeforeValidator(_decimal_input),
    Field(gt=0, le=24, decimal_places=2, allow_inf_nan=False),
]
"""Hours of service on one day: more than 0, at most 24, with at most 2 decimal places.

Read like `Money`: a ``Decimal``, an ``int`` or a decimal string; a float is refused.
"""


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

    def model_copy(self, *, update: Mapping[str, Any] | None = None, deep: bool = False) -> Self:
        """Return a copy; with ``update``, a validated edit like `replace`.

        Pydantic's own ``model_copy(update=...)`` skips validation; a record's
        rules hold after every edit, so here it runs them again.

        Examples:
            >>> class Note(Record):
            ...     text: str
            >>> Note(text="a").model_copy(update={"text": " b "}).text
            'b'
        """
        if update:
            return replace(self, **update)
        return super().model_copy(deep=deep)


def replace(record: R, /, **changes: Any) -> R:
    """Return a new record with ``changes`` applied and every rule checked again.

    This is the way to edit a record: an unknown field or a value that breaks
    a rule raises ``pydantic.ValidationError``, as building the record would.

    Raises:
        pydantic.ValidationError: a change names no field or breaks a rule.

    Examples:
        >>> from socialwork.models import Period
        >>> june = Period(start="2025-06-01", end="2025-06-30")
        >>> replace(june, end="2025-06-15").days
        15
        >>> replace(june, end="2025-05-01")
        Traceback (most recent call last):
        ...
        pydantic_core._pydantic_core.ValidationError: 1 validation error for Period
        end
          end 2025-05-01 must not be before start 2025-06-01 ...
    """
    data = {name: getattr(record, name) for name in type(record).model_fields}
    data.update(changes)
    return type(record).model_validate(data)


def active_on(start: date, end: date | None, day: date) -> bool:
    """Whether something that began on ``start`` and ended on ``end`` was active on ``day``.

    The one rule for "active on a day" that consents, memberships, staff and
    cases share: active from ``start`` on, up to but not including ``end``,
    the day it stopped (a consent withdrawn on the 10th no longer holds on
    the 10th); with no ``end`` it is still active.

    Examples:
        >>> active_on(date(2025, 6, 1), date(2025, 6, 20), date(2025, 6, 19))
        True
        >>> active_on(date(2025, 6, 1), date(2025, 6, 20), date(2025, 6, 20))
        False
        >>> active_on(date(2025, 6, 1), None, date(2025, 5, 31))
        False
    """
    require_day(start, "start")
    if end is not None:
        require_day(end, "end")
    return _active_on(start, end, require_day(day, "day"))


def _active_on(start: date, end: date | None, day: date) -> bool:
    """`active_on` without the argument checks, for loops over validated records."""
    return start <= day and (end is None or day < end)


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
    error = PydanticCustomError(code, message, {k: _text(v) for k, v in context.items()})
    raise ValidationError.from_exception_data(
        record, [InitErrorDetails(type=error, loc=loc, input=input_value)]
    )


def _text(value: object) -> str:
    """A value as message text; a huge int by its size, since Python will not write it."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 512:
        return shown(value)
    return str(value)


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
    repeat = first_repeat(keys)
    if repeat is not None:
        index, key = repeat
        break_rule(
            record,
            (field, index),
            "duplicate_id",
            "each {field} entry needs a distinct id; {key} appears twice",
            key,
            field=field,
            key=key,
        )


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
    require_day(start, start_name)
    if end is not None and require_day(end, _text(loc[-1]) if loc else "end") < start:
        break_rule(
            record,
            loc,
            "end_before_start",
            "{end_name} {end} must not be before {start_name} {start}",
            end,
            end_name=loc[-1] if loc else "end",
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


def check_chain(
    record: str,
    state_field: str,
    steps: Iterable[tuple[date, Hashable, Hashable]],
    current: Hashable,
) -> None:
    """Break the ``history_out_of_order`` rule unless ``steps`` form a chain ending at ``current``.

    Each step is ``(on, from_state, to_state)`` of one history entry: each must
    start where the previous one ended, not be dated before it, and the last
    must end at ``current``, the value of ``state_field``. The one history
    rule that cases and engagements share.

    Examples:
        >>> d = date(2025, 6, 1)
        >>> check_chain("Case", "status", [(d, "intake", "assessment")], "assessment")
        >>> try:
        ...     check_chain("Case", "status", [(d, "intake", "assessment")], "closed")
        ... except ValidationError as err:
        ...     print(err.errors()[0]["loc"], err.errors()[0]["msg"])
        ('status',) status must be where the history ends (assessment); got closed
    """
    previous: tuple[date, Hashable, Hashable] | None = None
    for index, step in enumerate(steps):
        require_day(step[0], f"history[{index}].on")
        if previous is not None and (step[0] < previous[0] or step[1] != previous[2]):
            break_rule(
                record,
                ("history", index),
                "history_out_of_order",
                "each history entry must start where the previous one ended "
                "({previous}) and not be dated before it ({day})",
                _code(step[1]),
                previous=_code(previous[2]),
                day=previous[0],
            )
        previous = step
    if previous is not None and previous[2] != current:
        break_rule(
            record,
            (state_field,),
            "history_out_of_order",
            "{field} must be where the history ends ({last}); got {state}",
            _code(current),
            field=state_field,
            last=_code(previous[2]),
            state=_code(current),
        )


def _code(state: Hashable) -> str:
    """The code of an enum state, or the state itself as text."""
    return str(getattr(state, "value", state))
