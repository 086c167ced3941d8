"""Bilingual labels for every public enum, and the one `Language` type.

Each public enum of socialwork is a `LabelledEnum`: a ``StrEnum``
whose value is a stable English code and whose members carry a Simplified
Chinese (zh-Hans, the default), an English and a Traditional Chinese
(zh-Hant) label. Every function that renders text takes a `Language`,
with the usual locale aliases (`LANGUAGES`).

Examples:
    >>> from socialwork.models import ClientCategory
    >>> ClientCategory.LIVING_ALONE_ELDERLY.label()
    '独居老人'
    >>> ClientCategory.LIVING_ALONE_ELDERLY.label("en")
    'Living-alone elderly'
    >>> ClientCategory.LIVING_ALONE_ELDERLY.label("zh-TW")
    '獨居老人'
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal, Self, TypeAlias, get_args

from socialwork.errors import UnknownLanguageError

__all__ = ["LANGUAGES", "LabelledEnum", "Language", "canonical_language"]

Language: TypeAlias = Literal[
    "zh",
    "zh-Hans",
    "zh-CN",
    "zh_CN",
    "zh-Hant",
    "zh-TW",
    "zh_TW",
    "zh-HK",
    "zh_HK",
    "en",
    "en-US",
    "en_US",
]
"""A text language with its locale aliases.

``zh``, ``zh-Hans`` and ``zh-CN`` are Simplified Chinese (the default);
``zh-Hant``, ``zh-TW`` and ``zh-HK`` are Traditional Chinese; ``en`` and
``en-US`` are English. Case does not matter and ``_`` may stand for ``-``.
"""

Script: TypeAlias = Literal["zh-Hans", "zh-Hant", "en"]
"""The three texts socialwork keeps: Simplified Chinese, Traditional Chinese, English."""

LANGUAGES: tuple[Language, ...] = get_args(Language)
"""Every language code `LabelledEnum.label` and the renderers accept."""

_SCRIPTS: dict[str, Script] = {
    "zh": "zh-Hans",
    "zh-hans": "zh-Hans",
    "zh-cn": "zh-Hans",
    "zh-hant": "zh-Hant",
    "zh-tw": "zh-Hant",
    "zh-hk": "zh-Hant",
    "en": "en",
    "en-us": "en",
}


def canonical_language(language: Language | str) -> Script:
    """Return the text ``language`` asks for: ``"zh-Hans"``, ``"zh-Hant"`` or ``"en"``.

    Raises:
        UnknownLanguageError: ``language`` is none of `LANGUAGES`.

    Examples:
        >>> canonical_language("zh_CN"), canonical_language("zh-HK"), canonical_language("EN")
        ('zh-Hans', 'zh-Hant', 'en')
    """
    key = language.replace("_", "-").lower() if isinstance(language, str) else None
    if key not in _SCRIPTS:
        raise UnknownLanguageError(language, LANGUAGES)
    return _SCRIPTS[key]


def select_language(language: Language | str, zh: str, en: str, zh_hant: str | None = None) -> str:
    """Return ``zh``, ``zh_hant`` or ``en``, whichever ``language`` asks for.

    A text with no Traditional form given falls back to ``zh``; enum labels
    always have one.

    Raises:
        UnknownLanguageError: ``language`` is none of `LANGUAGES`.

    Examples:
        >>> select_language("zh-Hans", "社区", "community", "社區")
        '社区'
        >>> select_language("zh-TW", "社区", "community", "社區")
        '社區'
        >>> select_language("en", "社区", "community")
        'community'
    """
    script = canonical_language(language)
    if script == "en":
        return en
    if script == "zh-Hant" and zh_hant is not None:
        return zh_hant
    return zh


class LabelledEnum(StrEnum):
    """A string enum whose members carry Chinese and English labels.

    Members are declared as ``NAME = "code", "简体", "English", "繁體"``; the
    value is the code alone, so the enum serializes to its code.

    Examples:
        >>> class Colour(LabelledEnum):
        ...     RED = "red", "红色", "Red", "紅色"
        >>> Colour.RED.value, Colour.RED.label("zh"), Colour.RED.label("en")
        ('red', '红色', 'Red')
        >>> Colour.RED.label("zh-Hant"), Colour("red") is Colour.RED
        ('紅色', True)
    """

    _value_: str
    _zh: str
    _en: str
    _zh_hant: str

    def __new__(cls, value: str, zh: str, en: str, zh_hant: str) -> Self:
        """Create a member from its code and its three labels."""
        member = str.__new__(cls, value)
        member._value_ = value
        member._zh = zh
        member._en = en
        member._zh_hant = zh_hant
        return member

    def label(self, language: Language | str = "zh") -> str:
        """Return this member's label in ``language`` (Simplified Chinese by default).

        Raises:
            UnknownLanguageError: ``language`` is none of `LANGUAGES`.

        Examples:
            >>> from socialwork.models import CaseStatus
            >>> CaseStatus.INTAKE.label("zh-Hans"), CaseStatus.INTAKE.label("en")
            ('接案', 'Intake')
        """
        return select_language(language, self._zh, self._en, self._zh_hant)

    def __repr__(self) -> str:
        """Show the member with its code and Chinese label: ``<Stage.LAUNCH: 'launch' 启动>``."""
        return f"<{type(self).__name__}.{self.name}: {self._value_!r} {self._zh}>"
