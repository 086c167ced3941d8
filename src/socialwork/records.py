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
from collections.abc import Hashable, Iterable, Iterator, Mapping
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Annotated, Any, ClassVar, NoReturn, Self, TypeVar, cast, get_args

from attrs import frozen
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
from pydantic_core import ErrorDetails, InitErrorDetails, PydanticCustomError
from pydantic_core.core_schema import ErrorType

from socialwork._arguments import (
    FIRST_DAY,
    LAST_DAY,
    MAX_COUNT,
    first_repeat,
    require_day,
    require_instances,
    require_int,
    require_text,
)
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
    "personal_fields",
    "replace",
    "rule_error",
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

    The mark appears in the field's JSON Schema as ``"personal_data": true``;
    `personal_fields` reads it, a record's repr masks such a field and its
    validation errors show only a masked value (`mask_personal`).

    Examples:
        >>> from pydantic import BaseModel
        >>> class Card(BaseModel):
        ...     name: str = personal()
        >>> Card.model_json_schema()["properties"]["name"]["personal_data"]
        True
    """
    return Field(json_schema_extra={PERSONAL_DATA: True}, **kwargs)


_PERSONAL: dict[type[BaseModel], frozenset[str]] = {}


def personal_fields(model: type[BaseModel]) -> frozenset[str]:
    """Return the names of a record's fields marked as holding personal data.

    Nested records are not followed: ask them separately.

    Examples:
        >>> from socialwork.models import Client
        >>> sorted(personal_fields(Client))
        ['address', 'born_on', 'id_number', 'name', 'phone', 'sex']
    """
    found = _PERSONAL.get(model)
    if found is None:
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            raise TypeError(f"model must be a record type; got {type(model).__name__}")
        found = _PERSONAL[model] = frozenset(
            name
            for name, field in model.model_fields.items()
            if isinstance(field.json_schema_extra, dict)
            and field.json_schema_extra.get(PERSONAL_DATA)
        )
    return found


_NAME_FIELDS = frozenset({"name", "head_name", "contact_person", "person_in_charge", "raised_by"})
_PHONE_FIELDS = frozenset({"phone", "contact"})
_ID_NUMBER_FIELDS = frozenset({"id_number"})


def mask_name(name: str) -> str:
    """Mask a name to its first character and one star (张三 → 张*).

    Examples:
        >>> mask_name("张三丰"), mask_name("李"), mask_name("张*")
        ('张*', '*', '张*')
    """
    name = require_text(name, "name").strip()
    return name[0] + "*" if len(name) > 1 else "*"


def mask_phone(phone: str) -> str:
    """Mask a phone number to its first 3 and last 4 digits (138****5678).

    A value with fewer than 11 characters is masked whole.

    Examples:
        >>> mask_phone("13812345678"), mask_phone("8123")
        ('138****5678', '****')
    """
    phone = require_text(phone, "phone").strip()
    if len(phone) < 11:
        return "*" * max(len(phone), 1)
    return phone[:3] + "*" * (len(phone) - 7) + phone[-4:]


def mask_id_number(number: str) -> str:
    """Mask a resident ID number to its first 6 and last 4 characters.

    Examples:
        >>> mask_id_number("11010519491231002X")
        '110105********002X'
    """
    number = require_text(number, "number").strip()
    if len(number) < 11:
        return "*" * max(len(number), 1)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def mask_personal(field: str, value: object) -> str:
    """Mask the value of a personal field for a message or a repr.

    The masks of `socialwork.privacy`: a name to its first character
    (张*), a phone to its first 3 and last 4 digits, an ID number to its
    first 6 and last 4 characters; a date whole (``****-**-**``); any other
    text (an address, a note) to its first character. What is not text is
    described by its type alone.

    Examples:
        >>> mask_personal("name", "王丽"), mask_personal("phone", "13812345678")
        ('王*', '138****5678')
        >>> mask_personal("id_number", "11010519491231002X")
        '110105********002X'
        >>> mask_personal("born_on", date(1949, 12, 31)), mask_personal("address", "幸福路8号")
        ('****-**-**', '幸*')
        >>> mask_personal("phone", 13812345678), mask_personal("name", ["王丽"])
        ('138****5678', 'a list (masked)')
    """
    if value is None:
        return "None"
    if isinstance(value, date):
        return "****-**-**"
    if isinstance(value, Enum):
        return "*"
    if isinstance(value, bool) or not isinstance(value, str | int):
        return f"a {type(value).__name__} (masked)"
    text = str(value) if not isinstance(value, int) or value.bit_length() <= 512 else "0" * 200
    if field in _ID_NUMBER_FIELDS:
        return mask_id_number(text)
    if field in _PHONE_FIELDS:
        return mask_phone(text)
    if _ISO_DAY.fullmatch(text.strip()):
        return "****-**-**"
    return mask_name(text)


class _Masked:
    """A masked value whose repr is the mask itself, quoted like a string."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return repr(self.text)


_KNOWN_TYPES = frozenset(get_args(ErrorType))


def _needs_mask(error: ErrorDetails, personal: str | None) -> bool:
    """Whether an error may carry a personal value.

    It does when it is about a personal field (``personal`` names it), when
    it is about an unknown field (a misspelt ``nmae``), or when what arrived
    is a whole mapping or a collection that may hold text (a record missing
    a field arrives as the dict of all its fields). A collection of numbers
    (a scale's band lows, a subscale's item numbers) is shown as it is.
    """
    value = error.get("input")
    return (
        personal is not None
        or error["type"] == "extra_forbidden"
        or isinstance(value, Mapping | BaseModel)
        or (isinstance(value, list | tuple | set | frozenset) and not _numbers(value))
    )


def _numbers(values: Iterable[object]) -> bool:
    """Whether every item of a collection is a number (no text, date or record among them)."""
    return all(isinstance(v, int | float | Decimal) and not isinstance(v, bool) for v in values)


def _written(value: object) -> set[str]:
    """How a value may appear in a message: its ``str`` and ``repr`` (none for ``None``).

    A value holding an int too long to write (Python refuses more than
    4,300 digits) cannot appear in a message, so it has no written form.
    """
    if value is None:
        return set()
    found = set()
    for write in (str, repr):
        try:
            found.add(write(value))
        except ValueError:
            continue
    return found


def _mask_errors(model: type[BaseModel], errors: list[ErrorDetails]) -> list[InitErrorDetails]:
    """The errors with every value that may be personal masked, in the input and the message."""
    masked: list[InitErrorDetails] = []
    for error in errors:
        loc, value, ctx = error["loc"], error.get("input"), error.get("ctx")
        personal = _personal_at(model, loc)
        if _needs_mask(error, personal):
            shown_value = mask_personal(personal or "", value)
            message = error["msg"]
            for raw in _written(value):
                if len(raw) > 1:
                    message = message.replace(raw, shown_value)
            kind = PydanticCustomError(error["type"], message)
            masked.append(InitErrorDetails(type=kind, loc=loc, input=shown_value))
        elif error["type"] in _KNOWN_TYPES:
            known = InitErrorDetails(type=error["type"], loc=loc, input=value)
            if ctx is not None:
                known["ctx"] = ctx
            masked.append(known)
        else:
            kind = PydanticCustomError(error["type"], error["msg"], ctx)
            masked.append(InitErrorDetails(type=kind, loc=loc, input=value))
    return masked


def _record_in(annotation: Any) -> type[BaseModel] | None:
    """The record type a field holds, alone, optional or in a tuple; else ``None``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for inner in get_args(annotation):
        found = _record_in(inner)
        if found is not None:
            return found
    return None


def _personal_at(model: type[BaseModel], loc: tuple[str | int, ...]) -> str | None:
    """The personal field an error's ``loc`` points into, followed through nested records."""
    current: type[BaseModel] | None = model
    at = 0
    while current is not None and at < len(loc):
        part = loc[at]
        field = current.model_fields.get(part) if isinstance(part, str) else None
        if field is None:
            return None
        if part in personal_fields(current):
            return str(part)
        current = _record_in(field.annotation)
        at += 2 if at + 1 < len(loc) and isinstance(loc[at + 1], int) else 1
    return None


def _masked(model: type[BaseModel], err: ValidationError) -> ValidationError:
    """``err`` with every value that may be personal masked, or ``err`` itself."""
    errors = err.errors()
    if not any(_needs_mask(e, _personal_at(model, e["loc"])) for e in errors):
        return err
    return ValidationError.from_exception_data(
        err.title, _mask_errors(model, errors), hide_input=True
    )


# --- rules between fields, declared once: a record's validator and a table's engine apply them ---


def _shown_field(record: BaseModel, field: str, value: object) -> object:
    """A field's value as an error may show it: masked when the field is personal."""
    return mask_personal(field, value) if field in personal_fields(type(record)) else value


@frozen
class NotAfter:
    """A rule between two fields of dates: when both are known, ``field`` is not after ``other``.

    Declared on a record (`Record.declared_rules`), it is applied to each
    record by `check_rules` and to each row of a table by
    `socialwork.frames.validate_frame`, in its engine; the error is on
    ``field``, with the rule's ``code``.

    Examples:
        >>> rule = NotAfter("born_on", "registered_on", "born_after_registration")
        >>> rule.holds(date(2025, 1, 2), date(2025, 1, 1)), rule.holds(None, date(2025, 1, 1))
        (False, True)
    """

    field: str
    other: str
    code: str

    message: ClassVar[str] = "{field} must not be after {other} ({limit}); got a later date"
    """The error's message: ``{field}``, ``{value}``, ``{other}`` and ``{limit}`` (its value)."""

    def holds(self, value: date | None, other: date | None) -> bool:
        """Whether the two dates keep the rule: either unknown, or ``value`` not after ``other``."""
        return value is None or other is None or value <= other

    def error(self, record: BaseModel) -> InitErrorDetails | None:
        """The error ``record`` gives for this rule, or ``None`` when it keeps it."""
        value, other = getattr(record, self.field), getattr(record, self.other)
        if self.holds(value, other):
            return None
        shown_value = _shown_field(record, self.field, value)
        return rule_error(
            (self.field,),
            self.code,
            self.message,
            shown_value,
            field=self.field,
            value=shown_value,
            other=self.other,
            limit=_shown_field(record, self.other, other),
        )


@frozen
class NotBefore(NotAfter):
    """A rule between two fields of dates: when both are known, ``field`` is not before ``other``.

    An end and its start (a need resolved, a member leaving, a consent
    withdrawn): the error is on the end, ``field``, as `NotAfter`'s is.

    Examples:
        >>> rule = NotBefore("resolved_on", "raised_on", "end_before_start")
        >>> rule.holds(date(2025, 1, 1), date(2025, 1, 2)), rule.holds(date(2025, 1, 2), None)
        (False, True)
    """

    message: ClassVar[str] = "{field} {value} must not be before {other} {limit}"

    def holds(self, value: date | None, other: date | None) -> bool:
        """Whether the dates keep the rule: either unknown, or ``value`` not before ``other``."""
        return value is None or other is None or value >= other


@frozen
class NoRepeat:
    """A rule of one list field: no item is listed twice.

    The error is on the repeated item's place in ``field``.

    Examples:
        >>> NoRepeat("categories", "duplicate_category").repeat(("youth", "low_income", "youth"))
        (2, 'youth')
    """

    field: str
    code: str

    def repeat(self, items: Iterable[Hashable]) -> tuple[int, Hashable] | None:
        """The place and value of the first item listed twice, or ``None`` (`first_repeat`)."""
        return first_repeat(items)

    def error(self, record: BaseModel) -> InitErrorDetails | None:
        """The error ``record`` gives for this rule, or ``None`` when it keeps it."""
        found = self.repeat(getattr(record, self.field))
        if found is None:
            return None
        index, item = found
        shown_item = _shown_field(record, self.field, getattr(item, "value", item))
        return rule_error(
            (self.field, index),
            self.code,
            "each {field} item may be listed once; {item} appears twice",
            shown_item,
            field=self.field,
            item=shown_item,
        )


@frozen
class OnlyWith:
    """A rule between two list fields: ``field`` lists items only when ``other`` lists ``item``.

    Examples:
        >>> rule = OnlyWith("youth_issues", "categories", "youth", "youth_issue_without_youth")
        >>> rule.holds(("emotional",), ("low_income",)), rule.holds((), ("low_income",))
        (False, True)
    """

    field: str
    other: str
    item: Hashable
    code: str

    def holds(self, items: Iterable[Hashable], others: Iterable[Hashable]) -> bool:
        """Whether the lists keep the rule: ``items`` empty, or ``item`` among ``others``."""
        return not tuple(items) or self.item in tuple(others)

    def error(self, record: BaseModel) -> InitErrorDetails | None:
        """The error ``record`` gives for this rule, or ``None`` when it keeps it."""
        items, others = getattr(record, self.field), getattr(record, self.other)
        if self.holds(items, others):
            return None
        code = str(getattr(self.item, "value", self.item))
        return rule_error(
            (self.field,),
            self.code,
            "{field} need '{item}' among {other}; got {listed}",
            [getattr(i, "value", i) for i in items],
            field=self.field,
            item=code,
            other=self.other,
            listed=[getattr(o, "value", o) for o in others],
        )


FILLED = "<filled>"
"""The state of a field that holds any value, for `NotWhile`."""

BLANK = "<blank>"
"""The state of a field that holds no value (``None``), for `NotWhile`."""


def in_state(value: object, state: object) -> bool:
    """Whether a field's value is in ``state``: `FILLED`, `BLANK`, one of a frozenset, or a value.

    Examples:
        >>> in_state(None, BLANK), in_state("met", frozenset({"met", "withdrawn"}))
        (True, True)
        >>> in_state("open", "met"), in_state(True, True)
        (False, True)
    """
    if state == BLANK:
        return value is None
    if state == FILLED:
        return value is not None
    if isinstance(state, frozenset):
        return value in state
    return bool(value == state)


def _state_text(state: object) -> str:
    """A state as a message names it: ``blank``, ``filled``, a code, or codes joined by "or"."""
    if state in (BLANK, FILLED):
        return str(state).strip("<>")
    if isinstance(state, frozenset):
        codes = sorted(str(getattr(s, "value", s)) for s in state)
        return " or ".join(filter(None, (", ".join(codes[:-1]), codes[-1])))
    return str(getattr(state, "value", state))


@frozen
class NotWhile:
    """A rule between two fields: ``field`` is not in ``state`` while ``other`` is in ``other_is``.

    A state is a value, one of a frozenset of values, `FILLED` (any value)
    or `BLANK` (``None``), as `in_state` reads it; with ``other_not`` the
    rule is kept while ``other`` is *not* in ``other_is``.

    Examples:
        >>> rule = NotWhile("closure", BLANK, "status", "closed", "closed_without_closure")
        >>> rule.holds(None, "closed"), rule.holds(None, "intake")
        (False, True)
        >>> resolved = frozenset({"met", "withdrawn"})
        >>> rule = NotWhile("resolved_on", FILLED, "status", resolved, "resolved_while_open", True)
        >>> rule.holds(date(2025, 6, 1), "open"), rule.holds(date(2025, 6, 1), "met")
        (False, True)
    """

    field: str
    state: object
    other: str
    other_is: Hashable
    code: str
    other_not: bool = False

    def holds(self, value: object, other: object) -> bool:
        """Whether the two fields' values keep the rule."""
        inside = in_state(value, self.state)
        return not inside or in_state(other, self.other_is) == self.other_not

    def error(self, record: BaseModel) -> InitErrorDetails | None:
        """The error ``record`` gives for this rule, or ``None`` when it keeps it."""
        value, other = getattr(record, self.field), getattr(record, self.other)
        if self.holds(value, other):
            return None
        shown_value = type(value).__name__ if isinstance(value, BaseModel) else value
        return rule_error(
            (self.field,),
            self.code,
            "{field} must not be {state} while {other} is {negation}{other_is}; got {other_value}",
            _shown_field(record, self.field, shown_value),
            field=self.field,
            state=_state_text(self.state),
            other=self.other,
            negation="not " if self.other_not else "",
            other_is=_state_text(self.other_is),
            other_value=_shown_field(record, self.other, getattr(other, "value", other)),
        )


Rule = NotAfter | NotBefore | NoRepeat | OnlyWith | NotWhile
"""A rule between fields declared on a record kind: one definition for records and tables."""


def check_rules(record: BaseModel, rules: Iterable[Rule]) -> None:
    """Break the first of ``rules`` that ``record`` breaks, as its validator would.

    A record's ``model_validator`` calls it with its kind's
    `Record.declared_rules`, first of its rules, so that a record and a
    table row stop at the same first broken rule.

    Examples:
        >>> from socialwork.models import Client
        >>> try:
        ...     Client(id="p1", name="王丽", community_id="c1", registered_on="2025-01-01",
        ...            categories=("youth", "youth"))
        ... except ValidationError as err:
        ...     print(err.errors()[0]["loc"], err.errors()[0]["type"])
        ('categories', 1) duplicate_category
    """
    for rule in rules:
        error = rule.error(record)
        if error is not None:
            raise ValidationError.from_exception_data(
                type(record).__name__, [error], hide_input=True
            )


class Record(BaseModel):
    """Base of every record: frozen, no extra fields, whitespace stripped.

    Personal values stay out of messages: a validation error never shows
    what arrived (pydantic's ``hide_input_in_errors``), and the message and
    ``input`` of an error in a field marked `personal`, and, in a record
    that has such fields, of an error in an unknown field or about a whole
    mapping or list, hold a masked value (`mask_personal`).
    The repr masks personal fields too; the attribute and the JSON keep the
    whole value.

    Examples:
        >>> class Note(Record):
        ...     text: str
        ...     phone: str = personal()
        >>> note = Note(text="  hello ", phone="13812345678")
        >>> note.text, note
        ('hello', Note(text='hello', phone='138****5678'))
        >>> note.phone
        '13812345678'
    """

    declared_rules: ClassVar[tuple[Rule, ...]] = ()
    """The kind's rules between fields that an engine applies too (`NotAfter`, `NoRepeat`, ...).

    Its validator applies them first (`check_rules`); `validate_frame`
    translates them into a table engine's expressions.
    """

    python_rule_fields: ClassVar[frozenset[str] | None] = None
    """The fields its validators' other rules read, checked in Python; ``None``: not declared.

    A record whose every such rule needs one of these fields filled says so
    here: `validate_frame` reads as records only the rows where one of them
    holds a value. ``None`` sends every row of a kind with validators.
    """

    model_config = ConfigDict(
        frozen=True,
        extra="forbid",
        str_strip_whitespace=True,
        validate_default=True,
        use_enum_values=False,
        ser_json_inf_nan="strings",
        hide_input_in_errors=True,
    )

    def __init__(self, /, **data: Any) -> None:
        """Validate ``data`` into the record; errors show personal values masked."""
        try:
            super().__init__(**data)
        except ValidationError as err:
            raise _masked(type(self), err) from None

    __init__.__pydantic_base_init__ = True  # type: ignore[attr-defined]
    # pydantic builds nested records without calling __init__, as for its own base.

    @classmethod
    def model_validate(cls, obj: Any, **options: Any) -> Self:
        """Validate ``obj`` (a dict or a record) into the record; errors mask personal values.

        Takes pydantic's options (``strict``, ``context``, ...).

        Examples:
            >>> from socialwork.models import Period
            >>> Period.model_validate({"start": "2025-06-01", "end": "2025-06-30"}).days
            30
        """
        try:
            return super().model_validate(obj, **options)
        except ValidationError as err:
            raise _masked(cls, err) from None

    @classmethod
    def model_validate_json(cls, json_data: str | bytes | bytearray, **options: Any) -> Self:
        """Validate a JSON document into the record; errors mask personal values.

        Examples:
            >>> from socialwork.models import Period
            >>> Period.model_validate_json('{"start": "2025-06-01", "end": "2025-06-30"}').days
            30
        """
        try:
            return super().model_validate_json(json_data, **options)
        except ValidationError as err:
            raise _masked(cls, err) from None

    def __repr_args__(self) -> Iterator[tuple[str | None, Any]]:
        """The fields for the repr, personal ones masked (`mask_personal`)."""
        marked = personal_fields(type(self))
        for name, value in super().__repr_args__():
            if name in marked and value is not None:
                yield name, _Masked(mask_personal(name, value))
            else:
                yield name, value

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
        if update is not None and not isinstance(update, Mapping):
            raise TypeError(f"update must be a mapping of fields; got {type(update).__name__}")
        if update:
            return replace(self, **update)
        return super().model_copy(deep=deep)


def replace(record: R, /, **changes: Any) -> R:
    """Return a new record with ``changes`` applied and every rule checked again.

    This is the way to edit a record: an unknown field or a value that breaks
    a rule raises ``pydantic.ValidationError``, as building the record would.

    Raises:
        pydantic.ValidationError: a change names no field or breaks a rule.
        TypeError: ``record`` is not a record.

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
    if not isinstance(record, BaseModel):
        raise TypeError(f"record must be a record; got {type(record).__name__}")
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
    error = rule_error(loc, code, message, input_value, **context)
    raise ValidationError.from_exception_data(
        require_text(record, "record"), [error], hide_input=True
    )


def rule_error(
    loc: tuple[str | int, ...], code: str, message: str, input_value: object, /, **context: Any
) -> InitErrorDetails:
    """One broken record rule, to collect with others and raise with `break_rules`.

    Takes what `break_rule` takes but the record's name.

    Examples:
        >>> rule_error(("end",), "end_before_start", "end before start", 1)["loc"]
        ('end',)
    """
    loc = _require_loc(loc)
    code, message = require_text(code, "code"), require_text(message, "message")
    error = PydanticCustomError(code, message, {k: _text(v) for k, v in context.items()})
    return InitErrorDetails(type=error, loc=loc, input=input_value)


def _require_loc(loc: object) -> tuple[str | int, ...]:
    """Return ``loc`` if it is a tuple of field names and positions, else raise ``TypeError``."""
    if not isinstance(loc, tuple) or not all(isinstance(p, str | int) for p in loc):
        raise TypeError(f"loc must be a tuple of field names and positions; got {shown(loc)}")
    return loc


def break_rules(record: str, errors: Iterable[InitErrorDetails]) -> None:
    """Raise one ``ValidationError`` listing every broken rule of ``errors``, if any.

    A record whose rules are independent (the references of a bundle)
    reports all of them at once, not only the first.

    Examples:
        >>> break_rules("Period", [])
        >>> try:
        ...     break_rules("Survey", [
        ...         rule_error(("end",), "end_before_start", "end before start", 1),
        ...         rule_error(("satisfied",), "part_above_total", "part above total", 2)])
        ... except ValidationError as err:
        ...     print([e["type"] for e in err.errors()])
        ['end_before_start', 'part_above_total']
    """
    found = require_instances(dict, errors, "errors")
    if found:
        raise ValidationError.from_exception_data(
            require_text(record, "record"),
            cast("list[InitErrorDetails]", list(found)),
            hide_input=True,
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
    try:
        repeat = first_repeat(keys)
    except TypeError:
        raise TypeError(f"keys must be a collection of ids; got {type(keys).__name__}") from None
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
    loc = _require_loc(loc)
    require_day(start, f"start ({start_name})")
    if end is not None and require_day(end, f"end ({_text(loc[-1]) if loc else 'end'})") < start:
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
    whole = require_int(whole, f"whole ({whole_name})")
    if part is not None and require_int(part, f"part ({part_name})") > whole:
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
    for index, step in enumerate(require_instances(tuple, steps, "steps")):
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
