r"""A small document model: what a result shows, written as Markdown, HTML or plain text.

A result builds one `Document` of blocks (`Heading`, `Paragraph`, `Table`,
`Items`, `Chart`) in its own room; the writers here turn the same
structure into Markdown (a notebook, a README), an HTML fragment (a
notebook), a whole HTML page (the command line) or plain text (a
terminal). Every text is escaped by the writer, never by the result: a
name holding ``<script>`` or ``|`` shows as itself. Nothing is parsed back:
HTML is written from the blocks, not from the Markdown.

Examples:
    >>> doc = Document((Heading("报告", 1), Table(("指标", "本期"), (("覆盖率", "85.0%"),))))
    >>> print(doc.to_markdown())
    # 报告
    <BLANKLINE>
    | 指标 | 本期 |
    |---|---|
    | 覆盖率 | 85.0% |
    >>> print(doc.to_text())
    报告
    ====
    <BLANKLINE>
    指标    本期
    ------  -----
    覆盖率  85.0%
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from typing import TypeAlias

from attrs import field, frozen

from socialwork.display.chart import Chart
from socialwork.errors import ArgumentError

__all__ = [
    "Document",
    "Heading",
    "Items",
    "Paragraph",
    "Table",
]

_LINE_BREAK = re.compile(r"\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")
_STYLE = """
body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC",
  "Microsoft YaHei", system-ui, sans-serif; margin: 2rem auto; max-width: 60rem;
  padding: 0 1rem; color: #1f2328; line-height: 1.5; }
h1, h2, h3 { line-height: 1.25; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border: 1px solid #d0d7de; padding: 0.3rem 0.6rem; text-align: left;
  vertical-align: top; }
thead th { background: #f6f8fa; }
tbody tr:nth-child(even) { background: #fafbfc; }
p.sw-note { color: #57606a; font-size: 0.9em; }
""".strip()


def _one_line(text: object) -> str:
    return _LINE_BREAK.sub(" ", str(text))


def _markdown(text: str) -> str:
    r"""Escape ``text`` for Markdown on one line.

    Examples:
        >>> _markdown("a|b *c* <i>")
        'a\\|b \\*c\\* \\<i\\>'
    """
    return _MARKDOWN_SPECIAL.sub(r"\\\1", _one_line(text))


def _width(text: str) -> int:
    """Columns ``text`` takes in a terminal: two for a wide (CJK) character.

    Examples:
        >>> _width("覆盖率"), _width("abc")
        (6, 3)
    """
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _texts(values: Iterable[object]) -> tuple[str, ...]:
    return tuple(_one_line(v) for v in values)


def _rows(values: Iterable[Iterable[object]]) -> tuple[tuple[str, ...], ...]:
    return tuple(_texts(row) for row in values)


@frozen
class Heading:
    """A heading of level 1 (the title) to 4.

    Examples:
        >>> Heading("月报").level
        2
    """

    text: str = field(converter=_one_line)
    level: int = 2

    def __attrs_post_init__(self) -> None:
        """Refuse a level outside 1..4."""
        if self.level not in (1, 2, 3, 4):
            raise ArgumentError("level", self.level, "a heading level from 1 to 4")


@frozen
class Paragraph:
    """A paragraph of text; ``note`` marks it as a remark under a table (smaller, grey).

    Examples:
        >>> Paragraph("统计期: 2025-06").text
        '统计期: 2025-06'
    """

    text: str = field(converter=_one_line)
    note: bool = False


@frozen
class Items:
    """A bulleted list.

    Examples:
        >>> Items(["一", "二"]).items
        ('一', '二')
    """

    items: tuple[str, ...] = field(converter=_texts)


@frozen
class Table:
    """A table: a header and rows of the same number of cells, with an optional caption.

    A table with no rows shows one row of dashes, so that it still reads as a table.

    Raises:
        ArgumentError: the header is empty, or a row has another number of cells.

    Examples:
        >>> Table(("a", "b"), [(1, 2)]).rows
        (('1', '2'),)
    """

    header: tuple[str, ...] = field(converter=_texts)
    rows: tuple[tuple[str, ...], ...] = field(converter=_rows)
    caption: str | None = None

    def __attrs_post_init__(self) -> None:
        """Refuse an empty header and a row of another width."""
        if not self.header:
            raise ArgumentError("header", self.header, "at least one column")
        for row in self.rows:
            if len(row) != len(self.header):
                raise ArgumentError("rows", len(row), f"rows of {len(self.header)} cells")

    @property
    def shown_rows(self) -> tuple[tuple[str, ...], ...]:
        """The rows, or one row of dashes when there are none.

        Examples:
            >>> Table(("a",), ()).shown_rows
            (('—',),)
        """
        return self.rows or (("—",) * len(self.header),)


Block: TypeAlias = Heading | Paragraph | Items | Table | Chart
"""One block of a `Document`."""


def _blocks(values: Iterable[Block]) -> tuple[Block, ...]:
    blocks = tuple(values)
    for block in blocks:
        if not isinstance(block, Heading | Paragraph | Items | Table | Chart):
            raise ArgumentError("blocks", type(block).__name__, "headings, paragraphs, ...")
    return blocks


@frozen
class Document:
    """Blocks in order, written as Markdown, HTML or text by the same structure.

    Charts are blocks too: the notebook shows them as outputs of their own
    (`charts`), a whole page (`to_html_page`) draws them in place, and
    Markdown and text leave them out.

    Examples:
        >>> d = Document([Heading("名单"), Items(["<b>张</b>"])])
        >>> print(d.to_html())
        <h2>名单</h2>
        <ul>
        <li>&lt;b&gt;张&lt;/b&gt;</li>
        </ul>
    """

    blocks: tuple[Block, ...] = field(converter=_blocks)

    def __add__(self, other: Document) -> Document:
        """Return the blocks of both documents, this one's first.

        Examples:
            >>> len((Document([Heading("a")]) + Document([Heading("b")])).blocks)
            2
        """
        return Document(self.blocks + other.blocks)

    @property
    def charts(self) -> tuple[Chart, ...]:
        """The document's charts, in order.

        Examples:
            >>> Document([Heading("a")]).charts
            ()
        """
        return tuple(b for b in self.blocks if isinstance(b, Chart))

    def to_markdown(self) -> str:
        r"""Return the document as Markdown (GitHub tables), every text escaped.

        Examples:
            >>> print(Document([Paragraph("a*b"), Table(["x|y"], [])]).to_markdown())
            a\*b
            <BLANKLINE>
            | x\|y |
            |---|
            | — |
        """
        parts: list[str] = []
        for block in self.blocks:
            if isinstance(block, Heading):
                parts.append(f"{'#' * block.level} {_markdown(block.text)}")
            elif isinstance(block, Paragraph):
                parts.append(f"*{_markdown(block.text)}*" if block.note else _markdown(block.text))
            elif isinstance(block, Items):
                parts.append("\n".join(f"- {_markdown(item)}" for item in block.items))
            elif isinstance(block, Table):
                parts.append(_markdown_table(block))
        return "\n\n".join(parts)

    def to_html(self) -> str:
        """Return the document as an HTML fragment, every text escaped; charts are left out.

        Examples:
            >>> print(Document([Table(["a"], [["<i>"]], caption="表")]).to_html())
            <table>
            <caption>表</caption>
            <thead><tr><th>a</th></tr></thead>
            <tbody>
            <tr><td>&lt;i&gt;</td></tr>
            </tbody>
            </table>
        """
        return "\n".join(_html_block(b) for b in self.blocks if not isinstance(b, Chart))

    def to_html_page(self, title: str, language: str = "zh") -> str:
        """Return a whole HTML page (UTF-8, styled) with the charts drawn in place.

        Charts are drawn by vega-embed, loaded from the jsDelivr CDN when the
        page opens; without a network the page shows the tables and says
        that the chart could not be loaded.

        Examples:
            >>> page = Document([Heading("月报", 1)]).to_html_page("月报")
            >>> page.startswith("<!DOCTYPE html>"), '<meta charset="utf-8">' in page
            (True, True)
        """
        body = "\n".join(
            b.to_html() if isinstance(b, Chart) else _html_block(b) for b in self.blocks
        )
        return "\n".join(
            [
                "<!DOCTYPE html>",
                f'<html lang="{html.escape(language)}">',
                "<head>",
                '<meta charset="utf-8">',
                '<meta name="viewport" content="width=device-width, initial-scale=1">',
                f"<title>{html.escape(_one_line(title))}</title>",
                f"<style>\n{_STYLE}\n</style>",
                "</head>",
                "<body>",
                body,
                "</body>",
                "</html>",
                "",
            ]
        )

    def to_text(self) -> str:
        """Return the document as plain text for a terminal, columns aligned for CJK.

        Examples:
            >>> print(Document([Heading("风险"), Items(["资金中断"])]).to_text())
            风险
            ----
            <BLANKLINE>
            • 资金中断
        """
        parts: list[str] = []
        for block in self.blocks:
            if isinstance(block, Heading):
                rule = "=" if block.level == 1 else "-"
                parts.append(f"{block.text}\n{rule * _width(block.text)}")
            elif isinstance(block, Paragraph):
                parts.append(block.text)
            elif isinstance(block, Items):
                parts.append("\n".join(f"• {item}" for item in block.items))
            elif isinstance(block, Table):
                parts.append(_text_table(block))
        return "\n\n".join(parts)


def _markdown_table(table: Table) -> str:
    lines = []
    if table.caption is not None:
        lines += [f"**{_markdown(table.caption)}**", ""]
    lines.append("| " + " | ".join(_markdown(c) for c in table.header) + " |")
    lines.append("|" + "---|" * len(table.header))
    lines += ["| " + " | ".join(_markdown(c) for c in row) + " |" for row in table.shown_rows]
    return "\n".join(lines)


def _html_block(block: Heading | Paragraph | Items | Table) -> str:
    if isinstance(block, Heading):
        return f"<h{block.level}>{html.escape(block.text)}</h{block.level}>"
    if isinstance(block, Paragraph):
        note = ' class="sw-note"' if block.note else ""
        return f"<p{note}>{html.escape(block.text)}</p>"
    if isinstance(block, Items):
        return "\n".join(["<ul>", *(f"<li>{html.escape(i)}</li>" for i in block.items), "</ul>"])
    out = ["<table>"]
    if block.caption is not None:
        out.append(f"<caption>{html.escape(block.caption)}</caption>")
    out.append("<thead><tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in block.header))
    out[-1] += "</tr></thead>"
    out.append("<tbody>")
    for row in block.shown_rows:
        out.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in row) + "</tr>")
    out += ["</tbody>", "</table>"]
    return "\n".join(out)


def _text_table(table: Table) -> str:
    rows = (table.header, *table.shown_rows)
    widths = [max(_width(row[i]) for row in rows) for i in range(len(table.header))]

    def line(cells: tuple[str, ...]) -> str:
        padded = [c + " " * (w - _width(c)) for c, w in zip(cells, widths, strict=True)]
        return "  ".join(padded).rstrip()

    out = [] if table.caption is None else [table.caption]
    out += [line(table.header), "  ".join("-" * w for w in widths)]
    out += [line(row) for row in table.shown_rows]
    return "\n".join(out)
