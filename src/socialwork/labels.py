"""Bilingual labels for every public enum.

Each public enum of socialwork is a `LabelledEnum`: a ``StrEnum``
whose value is a stable English code and whose members carry a Simplified
Chinese (zh-Hans, the default) and an English label.

Examples:
    >>> from socialwork.models import ClientCategory
    >>> ClientCategory.LIVING_ALONE_ELDERLY.label()
    '独居老人'
    >>> ClientCategory.LIVING_ALONE_ELDERLY.label("en")
    'Living-alone elderly'
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal, Self, TypeAlias

from socialwork.errors import UnknownLanguageError

__all__ = ["LANGUAGES", "LabelledEnum", "Language"]

Language: TypeAlias = Literal["zh", "zh-Hans", "en"]
"""A label language: ``"zh"`` and ``"zh-Hans"`` are Simplified Chinese."""

LANGUAGES: tuple[Language, ...] = ("zh", "zh-Hans", "en")
"""Every language `LabelledEnum.label` accepts."""


def select_language(language: Language | str, zh: str, en: str) -> str:
    """Return ``zh`` or ``en``, whichever ``language`` asks for.

    Raises:
        UnknownLanguageError: ``language`` is not one of `LANGUAGES`.

    Examples:
        >>> select_language("zh-Hans", "社区", "community")
        '社区'
        >>> select_language("en", "社区", "community")
        'community'
    """
    if language in ("zh", "zh-Hans"):
        return zh
    if language == "en":
        return en
    raise UnknownLanguageError(language, LANGUAGES)


class LabelledEnum(StrEnum):
    """A string enum whose members carry a Chinese and an English label.

    Members are declared as ``NAME = "code", "中文", "English"``; the value is
    the code alone, so the enum serializes to its code.

    Examples:
        >>> class Colour(LabelledEnum):
        ...     RED = "red", "红色", "Red"
        >>> Colour.RED.value, Colour.RED.label("zh"), Colour.RED.label("en")
        ('red', '红色', 'Red')
        >>> Colour("red") is Colour.RED
        True
    """

    _value_: str
    _zh: str
    _en: str

    def __new__(cls, value: str, zh: str, en: str) -> Self:
        """Create a member from its code and its two labels."""
        member = str.__new__(cls, value)
        member._value_ = value
        member._zh = zh
        member._en = en
        return member

    def label(self, language: Language | str = "zh") -> str:
        """Return this member's label in ``language`` (Chinese by default).

        Raises:
            UnknownLanguageError: ``language`` is not one of `LANGUAGES`.

        Examples:
            >>> from socialwork.models import CaseStatus
            >>> CaseStatus.INTAKE.label("zh-Hans"), CaseStatus.INTAKE.label("en")
            ('接案', 'Intake')
        """
        return select_language(language, self._zh, self._en)
