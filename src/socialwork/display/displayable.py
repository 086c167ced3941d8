r"""What a result inherits to show itself: Markdown, HTML and text from its own document.

A result class defines ``to_document(language)``, which returns a
`Document <socialwork.display.document.Document>` (charts included as
blocks), and inherits everything else: ``to_markdown``, ``to_html``,
``to_text`` and the methods notebooks call. In Jupyter the tables and each
chart are separate outputs, so that JupyterLab, VS Code and nbconvert show
them all (a bundle with both HTML and a chart shows only one of them).

Examples:
    >>> from socialwork.display.document import Document, Heading
    >>> class Note(Displayable):
    ...     def to_document(self, language="zh"):
    ...         return Document([Heading("笔记 <b>", 1)])
    >>> Note()._repr_html_()
    '<h1>笔记 &lt;b&gt;</h1>'
    >>> Note().to_markdown()
    '# 笔记 \\<b\\>\n'
"""

from __future__ import annotations

import importlib
from typing import Any

from socialwork.display.document import Document
from socialwork.labels import Language, canonical_language

__all__ = ["Displayable"]


class Displayable:
    """Base of the results that show themselves; subclasses define ``to_document``.

    Text is in Simplified Chinese by default (what a notebook shows); each
    method takes a ``language`` for another.
    """

    __slots__ = ()

    def to_document(self, language: Language | str = "zh") -> Document:
        """Return what the object shows, as a document in ``language``.

        Raises:
            NotImplementedError: the subclass does not define it.
        """
        raise NotImplementedError(f"{type(self).__name__} does not define to_document")

    def to_markdown(self, language: Language | str = "zh") -> str:
        """Return the object as Markdown in ``language`` (charts left out).

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.
        """
        return self.to_document(canonical_language(language)).to_markdown() + "\n"

    def to_html(self, language: Language | str = "zh") -> str:
        """Return the object as an HTML fragment in ``language`` (charts left out).

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.
        """
        return self.to_document(canonical_language(language)).to_html()

    def to_text(self, language: Language | str = "zh") -> str:
        """Return the object as plain text for a terminal, in ``language``.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.
        """
        return self.to_document(canonical_language(language)).to_text() + "\n"

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def _repr_html_(self) -> str:
        return self.to_html()

    def _repr_mimebundle_(self, **_: Any) -> dict[str, Any]:
        return _bundle(self, self.to_document())

    def _ipython_display_(self) -> None:
        """Show the tables, then each chart as an output of its own (IPython calls it)."""
        display = importlib.import_module("IPython.display").display
        document = self.to_document()
        display(_bundle(self, document), raw=True)
        for chart in document.charts:
            display(chart)


def _bundle(shown: object, document: Document) -> dict[str, Any]:
    return {
        "text/plain": repr(shown),
        "text/markdown": document.to_markdown() + "\n",
        "text/html": document.to_html(),
    }
