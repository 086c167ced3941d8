"""Text in two languages: the reference content and names the library ships."""

from __future__ import annotations

from socialwork.labels import Language, select_language
from socialwork.records import Record, Text

__all__ = ["BilingualText"]


class BilingualText(Record):
    """A text in Simplified Chinese (the default) and in English.

    Examples:
        >>> line = BilingualText(zh="先了解社区", en="Understand the community first")
        >>> line.text(), line.text("en")
        ('先了解社区', 'Understand the community first')
    """

    zh: Text
    en: Text

    @classmethod
    def of(cls, zh: str, en: str) -> BilingualText:
        """Build a text from its Chinese and English, given in that order.

        Examples:
            >>> BilingualText.of("使能者", "Enabler").en
            'Enabler'
        """
        return cls(zh=zh, en=en)

    def text(self, language: Language | str = "zh") -> str:
        """Return the text in ``language`` (Chinese by default).

        Raises:
            UnknownLanguageError: ``language`` is not one of ``zh``, ``zh-Hans``, ``en``.

        Examples:
            >>> BilingualText(zh="倡导", en="Advocacy").text("zh-Hans")
            '倡导'
        """
        return select_language(language, self.zh, self.en)
