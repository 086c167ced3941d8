r"""How results show themselves: Markdown and HTML tables, and Vega-Lite v5 charts.

Results that people look at in a notebook display themselves through the
methods Jupyter calls. Rates, reports, station bundles, engagements, exit
checks and stage guides build a `Document <socialwork.display.document.Document>`
and inherit the rest from `socialwork.display.displayable.Displayable`, their
charts being `Chart` objects. The planning results (heat maps, registers,
SWOT, reviews) still build on the older helpers of this module: Markdown
tables, ``Displayable`` and charts as plain Vega-Lite v5 dicts. Any Vega-Lite
renderer (JupyterLab, VS Code, a web page with vega-embed, ``vl-convert``)
draws them.

Text is in Simplified Chinese by default; every function takes a
``language`` (see `socialwork.labels.Language`).

Examples:
    >>> print(markdown_table(["指标", "本期"], [["覆盖率", "85.0% (51/60)"]]))
    | 指标 | 本期 |
    |---|---|
    | 覆盖率 | 85.0% (51/60) |
    >>> html_table(["a"], [["<b>"]])
    '<table>\n<thead><tr><th>a</th></tr></thead>\n<tbody>\n<tr><td>&lt;b&gt;</td></tr>\n</tbody>\n</table>'
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from socialwork.display.chart import Chart
from socialwork.display.document import Document, Heading, Items, Paragraph, Table
from socialwork.errors import ArgumentError
from socialwork.labels import Language, Script, canonical_language, select_language

if TYPE_CHECKING:
    from socialwork.planning.risk import HeatMap

__all__ = [
    "VEGA_LITE_MIME",
    "VEGA_LITE_SCHEMA",
    "Chart",
    "Displayable",
    "Document",
    "Heading",
    "Items",
    "Paragraph",
    "Table",
    "heat_map_chart",
    "html_table",
    "markdown_table",
    "markdown_to_html",
    "mimebundle",
]

VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
"""The ``$schema`` every chart of socialwork declares."""

VEGA_LITE_MIME = "application/vnd.vegalite.v5+json"
"""The MIME type under which notebooks draw a Vega-Lite v5 chart."""

_LINE_BREAK = re.compile(r"\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")
_FONT = "Noto Sans CJK SC, Source Han Sans SC, PingFang SC, Microsoft YaHei, sans-serif"


def _inline(text: str) -> str:
    return _LINE_BREAK.sub(" ", text)


def _cell(text: str) -> str:
    return _inline(text).replace("\\", "\\\\").replace("|", "\\|")


def markdown_table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    r"""Return a Markdown table; cells are kept on one line with ``|`` and ``\`` escaped.

    A table with no rows shows one row of dashes, so that it still reads as a table.

    Raises:
        ArgumentError: the header is empty, or a row has another number of cells.

    Examples:
        >>> print(markdown_table(["名称"], [["a|b"], ["两\n行"]]))
        | 名称 |
        |---|
        | a\|b |
        | 两 行 |
    """
    columns = [str(c) for c in header]
    if not columns:
        raise ArgumentError("header", header, "at least one column")
    lines = ["| " + " | ".join(_cell(c) for c in columns) + " |", "|" + "---|" * len(columns)]
    for row in rows:
        cells = [str(c) for c in row]
        if len(cells) != len(columns):
            raise ArgumentError("rows", cells, f"rows of {len(columns)} cells")
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    if len(lines) == 2:
        lines.append("| " + " | ".join(["—"] * len(columns)) + " |")
    return "\n".join(lines)


def html_table(
    header: Sequence[str], rows: Iterable[Sequence[str]], caption: str | None = None
) -> str:
    """Return an HTML table with every text escaped.

    Raises:
        ArgumentError: the header is empty, or a row has another number of cells.

    Examples:
        >>> print(html_table(["风险"], [["资金中断"]], caption="登记册"))
        <table>
        <caption>登记册</caption>
        <thead><tr><th>风险</th></tr></thead>
        <tbody>
        <tr><td>资金中断</td></tr>
        </tbody>
        </table>
    """
    columns = [str(c) for c in header]
    if not columns:
        raise ArgumentError("header", header, "at least one column")
    out = ["<table>"]
    if caption is not None:
        out.append(f"<caption>{html.escape(caption)}</caption>")
    out.append(
        "<thead><tr>" + "".join(f"<th>{html.escape(c)}</th>" for c in columns) + "</tr></thead>"
    )
    out.append("<tbody>")
    for row in rows:
        cells = [str(c) for c in row]
        if len(cells) != len(columns):
            raise ArgumentError("rows", cells, f"rows of {len(columns)} cells")
        out.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
    out += ["</tbody>", "</table>"]
    return "\n".join(out)


def _split_row(line: str) -> list[str]:
    body = line.strip()[1:-1] if line.strip().endswith("|") else line.strip()[1:]
    cells: list[str] = []
    current: list[str] = []
    index = 0
    while index < len(body):
        char = body[index]
        if char == "\\" and index + 1 < len(body) and body[index + 1] in "\\|":
            current.append(body[index + 1])
            index += 2
            continue
        if char == "|":
            cells.append("".join(current).strip())
            current = []
        else:
            current.append(char)
        index += 1
    cells.append("".join(current).strip())
    return cells


def markdown_to_html(text: str) -> str:
    r"""Return the HTML of the Markdown that socialwork writes, every text escaped.

    It reads the subset the library's ``to_markdown`` methods produce:
    headings (``#`` to ``######``), tables (a header row, a ``---`` row,
    rows with ``\|`` for a bar inside a cell), bullet items (``- ``) and
    paragraphs. Anything else is shown as text, never as markup, so a name
    holding ``<script>`` is shown, not run.

    Examples:
        >>> print(markdown_to_html("# 报告\n\n| a | b |\n|---|---|\n| 1\\|2 | <i> |\n\n- 无"))
        <h1>报告</h1>
        <table>
        <thead><tr><th>a</th><th>b</th></tr></thead>
        <tbody>
        <tr><td>1|2</td><td>&lt;i&gt;</td></tr>
        </tbody>
        </table>
        <ul>
        <li>无</li>
        </ul>
    """
    lines = str(text).splitlines()
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        heading = re.match(r"^(#{1,6})\s+(.*)$", stripped)
        if not stripped:
            index += 1
        elif heading:
            level = len(heading.group(1))
            out.append(f"<h{level}>{html.escape(heading.group(2))}</h{level}>")
            index += 1
        elif (
            stripped.startswith("|")
            and index + 1 < len(lines)
            and re.fullmatch(r"\|?(\s*:?-+:?\s*\|)+\s*:?-*:?\s*", lines[index + 1].strip())
        ):
            header = _split_row(stripped)
            rows: list[list[str]] = []
            index += 2
            while index < len(lines) and lines[index].strip().startswith("|"):
                cells = _split_row(lines[index])
                cells = (cells + [""] * len(header))[: len(header)]
                rows.append(cells)
                index += 1
            out.append(html_table(header, rows))
        elif stripped.startswith("- "):
            items = []
            while index < len(lines) and lines[index].strip().startswith("- "):
                items.append(f"<li>{html.escape(lines[index].strip()[2:])}</li>")
                index += 1
            out += ["<ul>", *items, "</ul>"]
        else:
            paragraph = []
            while (
                index < len(lines)
                and lines[index].strip()
                and not lines[index].strip().startswith(("#", "|", "- "))
            ):
                paragraph.append(html.escape(lines[index].strip()))
                index += 1
            out.append("<p>" + " ".join(paragraph) + "</p>")
    return "\n".join(out)


def mimebundle(text: str, markdown: str, chart: dict[str, Any] | None = None) -> dict[str, Any]:
    """Return what ``_repr_mimebundle_`` gives Jupyter: text, Markdown, HTML and a chart.

    Examples:
        >>> sorted(mimebundle("r", "# r"))
        ['text/html', 'text/markdown', 'text/plain']
        >>> VEGA_LITE_MIME in mimebundle("r", "# r", {"mark": "bar"})
        True
    """
    bundle: dict[str, Any] = {
        "text/plain": text,
        "text/markdown": markdown,
        "text/html": markdown_to_html(markdown),
    }
    if chart is not None:
        bundle[VEGA_LITE_MIME] = chart
    return bundle


def _spec(title: str, script: Script, **body: Any) -> dict[str, Any]:
    return {
        "$schema": VEGA_LITE_SCHEMA,
        "title": title,
        "config": {
            "font": _FONT,
            "locale": {
                "number": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["¥", ""]}
            },
        }
        if script != "en"
        else {"font": _FONT},
        **body,
    }


def heat_map_chart(heat_map: HeatMap, language: Language | str = "zh") -> dict[str, Any]:
    """Return the 5×5 risk heat map (likelihood × impact) as a Vega-Lite v5 spec.

    Each cell is coloured by its rating band's score (likelihood × impact)
    and labelled with the number of risks in it; hovering shows their ids.

    Raises:
        UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

    Examples:
        >>> from socialwork.planning import RiskRegister, Risk, RiskScore
        >>> register = RiskRegister(risks=(Risk(id="r", title="资金中断", category="funding",
        ...                                     inherent=RiskScore(likelihood=3, impact=5)),))
        >>> spec = heat_map_chart(register.heat_map("inherent"), "en")
        >>> len(spec["data"]["values"]), spec["title"]
        (25, 'Risk heat map (Inherent)')
    """
    script = canonical_language(language)
    likelihood = select_language(script, "可能性", "Likelihood", "可能性")
    impact = select_language(script, "影响", "Impact", "影響")
    count = select_language(script, "风险数", "Risks", "風險數")
    rating = select_language(script, "评分", "Rating", "評分")
    values = [
        {
            "likelihood": row + 1,
            "impact": column + 1,
            "rating": (row + 1) * (column + 1),
            "count": len(heat_map.cells[row][column]),
            "risks": ", ".join(heat_map.cells[row][column]),
        }
        for row in range(5)
        for column in range(5)
    ]
    axis = {"type": "ordinal", "sort": [1, 2, 3, 4, 5], "axis": {"labelAngle": 0}}
    title = select_language(script, "风险热力图", "Risk heat map", "風險熱力圖")
    return _spec(
        f"{title} ({heat_map.level.label(script)})",
        script,
        width=300,
        height=300,
        data={"values": values},
        encoding={
            "x": {"field": "impact", "title": impact, **axis},
            "y": {
                "field": "likelihood",
                "title": likelihood,
                "type": "ordinal",
                "sort": [5, 4, 3, 2, 1],
            },
        },
        layer=[
            {
                "mark": {"type": "rect", "stroke": "white"},
                "encoding": {
                    "color": {
                        "field": "rating",
                        "type": "quantitative",
                        "title": rating,
                        "scale": {"domain": [1, 25], "range": ["#d9f0a3", "#fee08b", "#d73027"]},
                    },
                    "tooltip": [
                        {"field": "likelihood", "title": likelihood},
                        {"field": "impact", "title": impact},
                        {"field": "count", "title": count},
                        {"field": "risks", "title": "id"},
                    ],
                },
            },
            {
                "mark": {"type": "text", "fontSize": 16, "fontWeight": "bold"},
                "transform": [{"filter": "datum.count > 0"}],
                "encoding": {"text": {"field": "count", "type": "quantitative"}},
            },
        ],
    )


class Displayable:
    """What a result or record needs to show itself in a notebook: a ``to_markdown`` method.

    A class that inherits it and defines ``to_markdown(language)`` (and, if
    it has a picture, ``chart(language)``) gets ``_repr_markdown_``,
    ``_repr_html_`` and ``_repr_mimebundle_``, all in Simplified Chinese;
    call ``to_markdown("en")`` or ``chart("en")`` for another language.

    Examples:
        >>> class Note(Displayable):
        ...     def to_markdown(self, language="zh"):
        ...         return "# 笔记 <b>"
        >>> Note()._repr_html_()
        '<h1>笔记 &lt;b&gt;</h1>'
    """

    __slots__ = ()

    def to_markdown(self, language: Language | str = "zh") -> str:
        """Return the object as Markdown in ``language``: here its repr; subclasses show more.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.
        """
        canonical_language(language)
        return _cell(repr(self)) + "\n"

    def _repr_markdown_(self) -> str:
        return self.to_markdown()

    def _repr_html_(self) -> str:
        return markdown_to_html(self.to_markdown())

    def _repr_mimebundle_(self, **_: Any) -> dict[str, Any]:
        chart = getattr(self, "chart", None)
        return mimebundle(repr(self), self.to_markdown(), None if chart is None else chart())


def _words(script: Script, zh: str, en: str, zh_hant: str | None = None) -> str:
    return select_language(script, zh, en, zh_hant)


def _heat_map_markdown(heat_map: HeatMap, language: Language | str = "zh") -> str:
    script = canonical_language(language)
    title = _words(script, "风险热力图", "Risk heat map", "風險熱力圖")
    corner = _words(script, "可能性 \\ 影响", "Likelihood \\ impact", "可能性 \\ 影響")
    rows = [
        [str(likelihood)] + [", ".join(heat_map.cells[likelihood - 1][i]) or "·" for i in range(5)]
        for likelihood in range(5, 0, -1)
    ]
    out = [
        f"## {title} ({heat_map.level.label(script)})",
        "",
        markdown_table([corner, "1", "2", "3", "4", "5"], rows),
    ]
    if heat_map.unrated:
        unrated = _words(script, "未评分", "Not rated", "未評分")
        out += ["", f"{unrated}: {_inline(', '.join(heat_map.unrated))}"]
    return "\n".join(out) + "\n"


def _register_markdown(register: Any, language: Language | str = "zh") -> str:
    script = canonical_language(language)
    titles = {risk.id: risk.title for risk in register.risks}
    rows = [
        [
            r.risk_id,
            titles[r.risk_id],
            str(r.likelihood),
            str(r.impact),
            str(r.rating),
            r.band.label(script),
        ]
        for r in register.ranking()
    ]
    header = [
        "id",
        _words(script, "风险", "Risk", "風險"),
        _words(script, "可能性", "Likelihood", "可能性"),
        _words(script, "影响", "Impact", "影響"),
        _words(script, "评分", "Rating", "評分"),
        _words(script, "等级", "Band", "等級"),
    ]
    title = _words(
        script,
        "风险登记册(按当前评分排序)",
        "Risk register (by current rating)",
        "風險登記冊(按當前評分排序)",
    )
    return f"## {title}\n\n{markdown_table(header, rows)}\n"


def _swot_markdown(analysis: Any, language: Language | str = "zh") -> str:
    from socialwork.planning.swot import SwotQuadrant

    script = canonical_language(language)
    out = ["## SWOT", ""]
    for quadrant, items in zip(
        SwotQuadrant,
        (analysis.strengths, analysis.weaknesses, analysis.opportunities, analysis.threats),
        strict=True,
    ):
        out.append(f"### {quadrant.label(script)}")
        out.append("")
        none = _words(script, "无", "none", "無")
        out += [f"- {_inline(i.statement)} ({i.id})" for i in items] or [f"- {none}"]
        out.append("")
    if analysis.strategies:
        out += ["## TOWS", ""]
        rows = [
            [s.id, s.slot.label(script), s.statement, ", ".join(s.item_ids)]
            for s in analysis.strategies
        ]
        header = [
            "id",
            _words(script, "类型", "Slot", "類型"),
            _words(script, "策略", "Strategy", "策略"),
            _words(script, "依据", "Builds on", "依據"),
        ]
        out += [markdown_table(header, rows), ""]
    for score in (analysis.ife, analysis.efe):
        if score is not None:
            out.append(f"- {score.matrix.label(script)}: {score.total:.2f}")
    return "\n".join(out).rstrip() + "\n"
