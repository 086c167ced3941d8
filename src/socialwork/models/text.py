"""Text in two languages: the reference content and names the library ships.

Chinese comes in Simplified characters and, where the library ships it, in
Traditional ones (``zh_hant``); without them a Traditional reader gets the
Simplified text, as `socialwork.labels.select_language` says.
"""

from __future__ import annotations

from socialwork.labels import Language, select_language
from socialwork.records import Record, Text

__all__ = ["BilingualText"]


class BilingualText(Record):
    """A text in Simplified Chinese (the default) and in English, and optionally Traditional.

    Examples:
        >>> line = BilingualText(zh="先了解社区", en="Understand the community first")
        >>> line.text(), line.text("en"), line.text("zh-Hant")
        ('先了解社区', 'Understand the community first', '先了解社区')
        >>> BilingualText(zh="小时", en="hours", zh_hant="小時").text("zh-TW")
        '小時'
    """

    zh: Text
    en: Text
    zh_hant: Text | None = None

    @classmethod
    def of(cls, zh: str, en: str, zh_hant: str | None = None) -> BilingualText:
        """Build a text from its Chinese and English (and Traditional Chinese), in that order.

        Examples:
            >>> BilingualText.of("使能者", "Enabler").en
            'Enabler'
            >>> BilingualText.of("小时", "hours", "小時").zh_hant
            '小時'
        """
        return cls(zh=zh, en=en, zh_hant=zh_hant)

    def text(self, language: Language | str = "zh") -> str:
        """Return the text in ``language`` (Simplified Chinese by default).

        Traditional Chinese (``zh-Hant`` and its aliases) falls back to the
        Simplified text when the Traditional one is not given.

        Raises:
            UnknownLanguageError: ``language`` is no code or alias of `socialwork.labels.Language`.

        Examples:
            >>> BilingualText(zh="倡导", en="Advocacy").text("zh-Hans")
            '倡导'
        """
        return select_language(language, self.zh, self.en, self.zh_hant)
