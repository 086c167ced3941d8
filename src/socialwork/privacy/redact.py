"""Redaction (脱敏) of records for an audience, and masks for names, phones and ID numbers.

The masks themselves (`mask_name`, `mask_phone`, `mask_id_number`) live in
`socialwork.records`, so that records mask their own reprs and errors with
them; they are exported here too.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import types
from collections.abc import Iterable, Iterator
from datetime import date
from enum import Enum
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

from dateutil.relativedelta import relativedelta
from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from socialwork._arguments import (
    require_count,
    require_day,
    require_instances,
    require_member,
    require_text,
)
from socialwork.errors import ArgumentError
from socialwork.labels import LabelledEnum
from socialwork.records import mask_id_number, mask_name, mask_phone, personal_fields

__all__ = [
    "Audience",
    "age_band",
    "mask_id_number",
    "mask_name",
    "mask_phone",
    "pseudonym",
    "redact",
    "redact_text",
]

R = TypeVar("R", bound=BaseModel)

_NAME_FIELDS = frozenset({"name", "head_name", "contact_person", "person_in_charge", "raised_by"})
_PHONE_FIELDS = frozenset({"phone", "contact"})
_ID_NUMBER = re.compile(r"(?<![0-9])([0-9]{6})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9A-Za-z])")
_PHONE = re.compile(r"(?<![0-9])(1[3-9][0-9])[0-9]{4}([0-9]{4})(?![0-9])")
_PSEUDONYM = re.compile(r"ps-[0-9a-f]{12}")
_MIN_KEY_BYTES = 16


class Audience(LabelledEnum):
    """Who receives a redacted record (脱敏对象)."""

    SUPERVISOR = "supervisor", "督导", "Supervisor", "督導"
    PARTNER = "partner", "转介合作机构", "Partner agency receiving a referral", "轉介合作機構"
    FUNDER = "funder", "资助方", "Funder's report", "資助方"
    PUBLIC = "public", "公众", "Public", "公衆"


def age_band(born: date, *, as_of: date, width: int = 10) -> str:
    """Mask a birth date to an age band on ``as_of``: ``"70–79"`` (bands of ``width`` years).

    What a funder's report or a published figure shows instead of a birth
    date (or its year, ``born.year``); redacted records drop the birth date.

    Examples:
        >>> from datetime import date
        >>> age_band(date(1949, 12, 31), as_of=date(2025, 6, 1))
        '70–79'
        >>> age_band(date(1949, 12, 31), as_of=date(2025, 6, 1), width=5)
        '75–79'

    Raises:
        ArgumentError: a day is a ``datetime`` or outside 1900–2199, ``born``
            is after ``as_of``, or ``width`` is not from 1 to 100.
    """
    born = require_day(born, "born")
    day = require_day(as_of, "as_of")
    width = require_count(width, "width", minimum=1)
    if width > 100:
        raise ArgumentError("width", width, "a band of 1 to 100 years")
    if born > day:
        raise ArgumentError("born", born, f"a birth date on or before as_of {day}")
    age = relativedelta(day, born).years
    low = age - age % width
    return f"{low}–{low + width - 1}" if width > 1 else str(low)


def pseudonym(value: str, *, key: bytes) -> str:
    """A stable pseudonym of ``value``: a keyed hash (HMAC-SHA256), ``ps-`` and 12 hex digits.

    The same value and key give the same pseudonym, so counts over an export
    still add up; without the key the value cannot be recovered by trying
    names. Use a fresh random key per export, and keep it out of the export.

    Examples:
        >>> key = bytes(range(16))
        >>> pseudonym("p1", key=key) == pseudonym("p1", key=key)
        True
        >>> pseudonym("p1", key=key).startswith("ps-"), len(pseudonym("p1", key=key))
        (True, 15)

    Raises:
        ArgumentError: ``key`` is shorter than 16 bytes.
    """
    _require_key(key)
    value = require_text(value, "value")
    if _PSEUDONYM.fullmatch(value):
        return value
    digest = hmac.new(key, value.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()
    return "ps-" + digest[:12]


def _require_key(key: object) -> bytes:
    if not isinstance(key, bytes):
        raise TypeError(f"key must be bytes; got {type(key).__name__}")
    if len(key) < _MIN_KEY_BYTES:
        raise ArgumentError("key", f"{len(key)} bytes", "at least 16 bytes, random per export")
    return key


def redact_text(text: str, names: Iterable[str] = ()) -> str:
    """Mask the given names, and phone and ID numbers, wherever they appear in ``text``.

    Each name is masked like `mask_name` (longest first, until none is
    left); 11-digit mobile numbers and 18-character ID numbers are masked
    like `mask_phone` and `mask_id_number`. It cannot find a name it is not
    given, a nickname (老王, 王姨), a name written in pinyin or split by
    spaces, a landline or a number written in words: see the privacy model page.

    Examples:
        >>> redact_text("王丽的女儿刘芳(13812345678)来访", names=["王丽", "刘芳"])
        '王*的女儿刘*(138****5678)来访'
    """
    text = require_text(text, "text")
    masked = _ID_NUMBER.sub(lambda m: m[1] + "*" * 8 + m[2], text)
    masked = _PHONE.sub(lambda m: m[1] + "****" + m[2], masked)
    given = require_instances(str, names, "names")
    targets = sorted({n.strip() for n in given if n.strip()}, key=lambda n: (-len(n), n))
    for _ in range(len(targets) + 1):
        before = masked
        for name in targets:
            if name in masked and mask_name(name) != name:
                masked = masked.replace(name, mask_name(name))
        if masked == before:
            break
    return masked


def _walk_strings(record: BaseModel, personal_only: bool) -> Iterator[str]:
    marked = personal_fields(type(record))
    for name in type(record).model_fields:
        value = getattr(record, name)
        for item in _items(value):
            if isinstance(item, BaseModel):
                yield from _walk_strings(item, personal_only)
            elif (
                isinstance(item, str)
                and not isinstance(item, Enum)
                and (name in marked or not personal_only)
            ):
                yield item


def _items(value: object) -> Iterator[object]:
    if isinstance(value, tuple | list | frozenset | set):
        for item in value:
            yield from _items(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _items(item)
    else:
        yield value


def _is_id(field: FieldInfo) -> bool:
    def constraints(annotation: object) -> Iterator[object]:
        if get_origin(annotation) is Annotated:
            args = get_args(annotation)
            yield from args[1:]
            yield from constraints(args[0])
        elif get_origin(annotation) in (Union, types.UnionType, tuple):
            for arg in get_args(annotation):
                yield from constraints(arg)

    found = [*field.metadata, *constraints(field.annotation)]
    return any(getattr(item, "max_length", None) == 64 for item in found)


def redact(record: R, audience: Audience | str, *, key: bytes, names: Iterable[str] = ()) -> R:
    """Return a copy of ``record`` (any record, or a bundle) fit for ``audience``.

    - ``supervisor``: the record unchanged.
    - ``partner``: names masked to 张*, phones to 138****5678; ID numbers,
      addresses, birth dates and personal notes removed; ids pseudonymised.
    - ``funder``: names replaced by pseudonyms; phones, ID numbers, addresses,
      birth dates and personal notes removed (or masked whole where the
      field or the record's own rules require a value, such as a
      rejection's reason);
      ids pseudonymised, so counts still add up.
    - ``public``: every personal field removed or masked whole (``*``); ids
      pseudonymised.

    A personal value that is not text and that its record requires, such
    as a participant's pre- and post-test scores (`socialwork.team.PrePostScore`),
    can be neither removed nor masked: for every audience but the
    supervisor, a record holding one is left out of the collection it is
    in, so a funder sees a training's attendance and satisfaction counts,
    not anyone's score.

    For every audience but the supervisor, free text that is not itself
    personal (reasons, relationships, titles …) has the record's own
    personal values, the extra ``names`` (family members and contacts
    recorded elsewhere) and phone and ID numbers masked by `redact_text`.
    The result validates as its own type; redacting it again changes
    nothing.

    Examples:
        >>> from datetime import date
        >>> from socialwork.models import Client
        >>> wang = Client(id="p1", name="王丽", community_id="c1",
        ...               registered_on=date(2025, 1, 1), phone="13812345678",
        ...               id_number="11010519491231002X")
        >>> out = redact(wang, "partner", key=bytes(16))
        >>> out.name, out.phone, out.id_number, out.born_on
        ('王*', '138****5678', None, None)
        >>> out.id == redact(wang, "funder", key=bytes(16)).id
        True

    Raises:
        UnknownCodeError: ``audience`` is not an audience or its code.
        ArgumentError: ``key`` is shorter than 16 bytes, or ``record`` (or a
            record it holds outside a collection) requires a personal value
            that is not text, which no redaction can keep.
    """
    audience = require_member(Audience, audience, "audience")
    _require_key(key)
    if not isinstance(record, BaseModel):
        raise TypeError(f"record must be a record; got {type(record).__name__}")
    if audience is Audience.SUPERVISOR:
        return record
    known = [*_walk_strings(record, personal_only=True), *require_instances(str, names, "names")]
    try:
        return _redact(record, audience, key, known)
    except ValidationError:
        # A text the records' own rules require in their state (a rejection's reason)
        # cannot be removed: every personal text is then masked whole instead.
        return _redact(record, audience, key, known, whole=True)


def _redact(
    record: R, audience: Audience, key: bytes, known: list[str], *, whole: bool = False
) -> R:
    model = type(record)
    marked = personal_fields(model)
    data: dict[str, Any] = {}
    for name, field in model.model_fields.items():
        value = getattr(record, name)
        if name in marked:
            data[name] = _personal(model, name, value, field, audience, key, whole)
        else:
            data[name] = _other(value, _is_id(field), audience, key, known, whole)
    return model.model_validate(data)


def _personal(
    model: type[BaseModel],
    name: str,
    value: object,
    field: FieldInfo,
    audience: Audience,
    key: bytes,
    whole: bool,
) -> object:
    if value is None:
        return None
    if isinstance(value, str):
        if name in _NAME_FIELDS:
            if audience is Audience.PARTNER:
                return mask_name(value)
            if audience is Audience.FUNDER:
                return pseudonym(value, key=key)
            return None if not (whole or field.is_required()) else "*"
        if name in _PHONE_FIELDS and audience is Audience.PARTNER:
            return mask_phone(value)
        return None if not (whole or field.is_required()) else "*"
    if field.is_required():
        raise ArgumentError(
            "record",
            f"{model.__name__}.{name}",
            "no personal number that its type requires (redact the record holding it)",
        )
    return None


def _unremovable(item: object) -> bool:
    """Whether ``item`` is a record requiring a personal value that is not text (a test score)."""
    if not isinstance(item, BaseModel):
        return False
    fields = type(item).model_fields
    return any(
        fields[name].is_required() and not isinstance(getattr(item, name), str)
        for name in personal_fields(type(item))
    )


def _other(
    value: object, is_id: bool, audience: Audience, key: bytes, known: list[str], whole: bool
) -> object:
    if isinstance(value, BaseModel):
        return _redact(value, audience, key, known, whole=whole)
    if isinstance(value, Enum):
        return value
    if isinstance(value, str):
        return pseudonym(value, key=key) if is_id else redact_text(value, known)
    if isinstance(value, tuple):
        return tuple(
            _other(item, is_id, audience, key, known, whole)
            for item in value
            if not _unremovable(item)
        )
    if isinstance(value, dict):
        return {k: _other(v, is_id, audience, key, known, whole) for k, v in value.items()}
    return value
