r"""How results show themselves: Markdown and HTML tables, and Vega-Lite v5 charts.

Results that people look at in a notebook (rates, reports, heat maps,
registers, engagements) display themselves through the methods Jupyter
calls: ``_repr_markdown_``, ``_repr_html_`` and, for pictures,
``_repr_mimebundle_``. They build on the helpers of this module. Charts are
Vega-Lite v5 specifications as plain dicts: no plotting library is needed to
make them, and any Vega-Lite renderer (JupyterLab, VS Code, a web page with
vega-embed, ``vl-convert``) draws them.

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
from datetime import date
from typing import TYPE_CHECKING, Any

from socialwork._arguments import require_day
from socialwork.display.chart import Chart
from socialwork.display.document import Document, Heading, Items, Paragraph, Table
from socialwork.errors import ArgumentError
from socialwork.labels import Language, Script, canonical_language, select_language

if TYPE_CHECKING:
    from socialwork.analysis.risk import HeatMap
    from socialwork.metrics.definitions import IndicatorDefinition, Measure
    from socialwork.metrics.rates import Exclusion, Rate
    from socialwork.models import ClientCategory, Group, Period
    from socialwork.stages.engagement import Engagement

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
    "coverage_chart",
    "engagement_timeline_chart",
    "group_attendance_chart",
    "heat_map_chart",
    "html_table",
    "indicator_trend_chart",
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
        >>> from socialwork.analysis import Risk, RiskRegister, RiskScore
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


def _rate_point(value: Rate, confidence: float = 0.95) -> dict[str, Any]:
    low, high = value.wilson(confidence) if value.denominator else (None, None)
    return {
        "value": None if value.percent is None else round(value.percent, 4),
        "low": None if low is None else round(100 * low, 4),
        "high": None if high is None else round(100 * high, 4),
        "label": str(value),
    }


def coverage_chart(
    coverage: Iterable[tuple[ClientCategory, Rate]], language: Language | str = "zh"
) -> dict[str, Any]:
    """Return coverage by key group as bars with their 95% Wilson intervals (Vega-Lite v5).

    Takes pairs of a category and its rate, as in a monthly report's
    ``coverage_by_category``. A category whose rate is undefined (no one to
    cover) is listed with no bar.

    Raises:
        UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

    Examples:
        >>> from socialwork.metrics import rate
        >>> from socialwork.models import ClientCategory
        >>> spec = coverage_chart([(ClientCategory.LIVING_ALONE_ELDERLY, rate(17, 20))])
        >>> spec["data"]["values"][0]["category"], spec["data"]["values"][0]["value"]
        ('独居老人', 85.0)
    """
    script = canonical_language(language)
    values = [
        {"category": category.label(script), **_rate_point(value)} for category, value in coverage
    ]
    share = select_language(script, "覆盖率 (%)", "Coverage (%)", "覆蓋率 (%)")
    group = select_language(script, "类别", "Category", "類別")
    y = {"field": "category", "type": "nominal", "title": group, "sort": None}
    return _spec(
        select_language(script, "重点人群覆盖率", "Key-group coverage", "重點人羣覆蓋率"),
        script,
        width=360,
        data={"values": values},
        encoding={"y": y},
        layer=[
            {
                "mark": {"type": "bar", "color": "#4c78a8"},
                "encoding": {
                    "x": {
                        "field": "value",
                        "type": "quantitative",
                        "title": share,
                        "scale": {"domain": [0, 100]},
                    },
                    "tooltip": [
                        {"field": "category", "title": group},
                        {"field": "label", "title": share},
                    ],
                },
            },
            {
                "mark": {"type": "rule", "color": "#333"},
                "encoding": {
                    "x": {"field": "low", "type": "quantitative"},
                    "x2": {"field": "high"},
                },
            },
        ],
    )


def indicator_trend_chart(
    definition: IndicatorDefinition,
    points: Iterable[tuple[Period, Measure]],
    language: Language | str = "zh",
) -> dict[str, Any]:
    """Return an indicator's values over periods, with its target and Wilson band (Vega-Lite v5).

    ``points`` are pairs of a period and the indicator's value in it, in
    any order (they are drawn by period start). A rate gets its 95% Wilson
    interval as a band; the target that applies to each period
    (`IndicatorDefinition.target_for`) is drawn as a dashed line.

    Raises:
        UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

    Examples:
        >>> from socialwork.metrics import rate
        >>> from socialwork.metrics.catalogue import KEY_GROUP_COVERAGE
        >>> from socialwork.models import Period
        >>> spec = indicator_trend_chart(
        ...     KEY_GROUP_COVERAGE,
        ...     [(Period.month(2025, 6), rate(51, 60)), (Period.month(2025, 5), rate(48, 60))],
        ... )
        >>> [(v["period"], v["value"], v["target"]) for v in spec["data"]["values"]]
        [('2025-05-01', 80.0, 95.0), ('2025-06-01', 85.0, 95.0)]
    """
    from socialwork.metrics.rates import Rate

    script = canonical_language(language)
    values = []
    for period, value in sorted(points, key=lambda p: (p[0].start, p[0].end)):
        target = definition.target_for(period)
        point: dict[str, Any] = {
            "period": period.start.isoformat(),
            "value": definition.scaled(value),
            "low": None,
            "high": None,
            "label": definition.format(value, script),
            "target": None if target is None else float(target.value),
        }
        if isinstance(value, Rate) and value.denominator:
            low, high = value.wilson()
            point["low"] = round(low * definition.factor, 4)
            point["high"] = round(high * definition.factor, 4)
        if point["value"] is not None:
            point["value"] = round(float(point["value"]), 4)
        values.append(point)
    month = select_language(script, "统计期", "Period", "統計期")
    unit = {100: "%", 1000: "‰"}.get(definition.factor, "")
    name = definition.name.text(script)
    x = {
        "field": "period",
        "type": "temporal",
        "title": month,
        "timeUnit": "yearmonth",
        "axis": {"format": "%Y-%m"},
    }
    return _spec(
        name,
        script,
        width=420,
        data={"values": values},
        encoding={"x": x},
        layer=[
            {
                "mark": {"type": "area", "opacity": 0.2, "color": "#4c78a8"},
                "encoding": {
                    "y": {"field": "low", "type": "quantitative"},
                    "y2": {"field": "high"},
                },
            },
            {
                "mark": {"type": "line", "point": True, "color": "#4c78a8"},
                "encoding": {
                    "y": {
                        "field": "value",
                        "type": "quantitative",
                        "title": f"{name} {unit}".strip(),
                    },
                    "tooltip": [
                        {
                            "field": "period",
                            "type": "temporal",
                            "timeUnit": "yearmonth",
                            "title": month,
                        },
                        {"field": "label", "title": name},
                    ],
                },
            },
            {
                "mark": {"type": "line", "strokeDash": [6, 4], "color": "#d62728"},
                "encoding": {"y": {"field": "target", "type": "quantitative"}},
            },
        ],
    )


def engagement_timeline_chart(
    engagement: Engagement, language: Language | str = "zh", *, as_of: date | None = None
) -> dict[str, Any]:
    """Return an engagement's stages over time as a Gantt-style timeline (Vega-Lite v5).

    Each stage the community went through is a bar from the day it was
    entered to the day it was left; the current stage runs to ``as_of``
    (or is a mark on the day it was entered when ``as_of`` is not given).
    A stage entered twice (a step back, a new cycle) has two bars.

    Raises:
        ArgumentError: ``as_of`` is a ``datetime``, outside 1900–2199, or before
            the day the current stage was entered.
        UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

    Examples:
        >>> from datetime import date
        >>> from socialwork.stages import Engagement
        >>> e = Engagement(community_id="c1", entered_on=date(2025, 1, 1))
        >>> values = engagement_timeline_chart(e, "en", as_of=date(2025, 3, 1))["data"]["values"]
        >>> [(v["stage"], v["start"], v["end"]) for v in values]
        [('Preparation', '2025-01-01', '2025-03-01')]
    """
    script = canonical_language(language)
    end = None if as_of is None else require_day(as_of, "as_of")
    if end is not None and end < engagement.entered_on:
        raise ArgumentError("as_of", end, f"on or after {engagement.entered_on}")
    spans: list[tuple[Any, date, date | None]] = []
    if engagement.history:
        first = engagement.history[0]
        spans.append((first.from_stage, first.on, first.on))
        for move, following in zip(
            engagement.history, (*engagement.history[1:], None), strict=True
        ):
            spans.append((move.to_stage, move.on, None if following is None else following.on))
    else:
        spans.append((engagement.stage, engagement.entered_on, None))
    values = [
        {
            "stage": stage.label(script),
            "order": stage.position,
            "start": start.isoformat(),
            "end": (stop or end or start).isoformat(),
        }
        for stage, start, stop in spans
    ]
    stage_title = select_language(script, "阶段", "Stage", "階段")
    date_title = select_language(script, "日期", "Date", "日期")
    order = [s["stage"] for s in sorted(values, key=lambda v: v["order"])]
    y = {
        "field": "stage",
        "type": "ordinal",
        "title": stage_title,
        "sort": list(dict.fromkeys(order)),
    }
    title = select_language(script, "社区工作阶段", "Stages of community work", "社區工作階段")
    return _spec(
        f"{title}: {engagement.community_id}",
        script,
        width=420,
        data={"values": values},
        encoding={"y": y},
        layer=[
            {
                "mark": {"type": "bar", "height": 14},
                "encoding": {
                    "x": {
                        "field": "start",
                        "type": "temporal",
                        "title": date_title,
                        "axis": {"format": "%Y-%m"},
                    },
                    "x2": {"field": "end"},
                    "color": {"field": "stage", "type": "nominal", "legend": None},
                    "tooltip": [
                        {"field": "stage", "title": stage_title},
                        {"field": "start", "type": "temporal"},
                        {"field": "end", "type": "temporal"},
                    ],
                },
            },
            {
                "mark": {"type": "tick", "thickness": 2, "color": "#333"},
                "encoding": {"x": {"field": "start", "type": "temporal"}},
            },
        ],
    )


def group_attendance_chart(group: Group, language: Language | str = "zh") -> dict[str, Any]:
    """Return a group's attendance over its sessions, in percent of members expected (Vega-Lite v5).

    At each session the members expected are those active on its date
    (`Group.members_on <socialwork.models.Group.members_on>`), as in
    `socialwork.metrics.group_attendance`; a session with no member expected
    has no point.

    Raises:
        UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

    Examples:
        >>> from socialwork.samples import station_month
        >>> group = station_month().groups[0]
        >>> values = group_attendance_chart(group)["data"]["values"]
        >>> values[0]["attended"], values[0]["expected"], values[0]["value"]
        (9, 10, 90.0)
    """
    script = canonical_language(language)
    values = []
    for session in sorted(group.sessions, key=lambda s: s.on):
        expected = len(group.members_on(session.on))
        attended = len(session.attended)
        values.append(
            {
                "on": session.on.isoformat(),
                "topic": session.topic or "",
                "attended": attended,
                "expected": expected,
                "value": round(100 * attended / expected, 4) if expected else None,
            }
        )
    share = select_language(script, "出勤率 (%)", "Attendance (%)", "出勤率 (%)")
    day = select_language(script, "活动日期", "Session", "活動日期")
    title = select_language(script, "小组出勤", "Group attendance", "小組出勤")
    return _spec(
        f"{title}: {group.name}",
        script,
        width=420,
        data={"values": values},
        mark={"type": "line", "point": True},
        encoding={
            "x": {"field": "on", "type": "temporal", "title": day, "axis": {"format": "%m-%d"}},
            "y": {
                "field": "value",
                "type": "quantitative",
                "title": share,
                "scale": {"domain": [0, 100]},
            },
            "tooltip": [
                {"field": "on", "type": "temporal", "title": day},
                {"field": "topic", "title": select_language(script, "主题", "Topic", "主題")},
                {"field": "attended", "title": select_language(script, "出席", "Attended", "出席")},
                {"field": "expected", "title": select_language(script, "应到", "Expected", "應到")},
            ],
        },
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


_SHOWN = 20
"""How many items of a long list (exclusions, overdue follow-ups) a display shows one by one.

Past it, a display summarises: exclusions are counted by reason, with
their first ids, and a table says how many rows it left out. The result
itself keeps every item; only what is shown is shortened, so that a
district's report does not print hundreds of thousands of lines.
"""

_SAMPLE_IDS = 5
"""How many ids a summarised reason shows."""


def _exclusion_items(
    exclusions: Sequence[Exclusion], script: Script, name: str | None = None
) -> list[str]:
    """Markdown list items for ``exclusions``, under ``name`` (an indicator's) if given.

    One item each, or past `_SHOWN` one for each reason: how many, and the first ids.

    Examples:
        >>> from socialwork.metrics import Exclusion
        >>> _exclusion_items([Exclusion("s7", "intern")], "en")
        ['- Excluded: s7 (Interns are not counted)']
        >>> many = [Exclusion(f"v{i}", "above_plan") for i in range(30)]
        >>> _exclusion_items(many, "en")
        ['- Excluded 30 (Above the planned number): v0, v1, v2, v3, v4, …']
        >>> _exclusion_items(many, "zh", "入户走访完成率")
        ['- 入户走访完成率 · 排除 30 条（超出计划次数）：v0、v1、v2、v3、v4 等']
    """
    head = _words(script, "排除", "Excluded", "排除")
    if len(exclusions) <= _SHOWN:
        return [
            _inline(f"- {name or head}: {e.record_id} ({e.reason.label(script)})")
            for e in exclusions
        ]
    prefix = f"{name} · " if name else ""
    by_reason: dict[Any, list[str]] = {}
    for e in exclusions:
        by_reason.setdefault(e.reason, []).append(e.record_id)
    items = []
    for reason, ids in by_reason.items():
        shown, label, more = ids[:_SAMPLE_IDS], reason.label(script), len(ids) > _SAMPLE_IDS
        if script == "en":
            text = f"{head} {len(ids):,} ({label}): {', '.join(shown)}{', …' if more else ''}"
        else:
            unit = _words(script, "条", "", "條")
            text = (
                f"{head} {len(ids):,} {unit}（{label}）：{'、'.join(shown)}{' 等' if more else ''}"
            )
        items.append(_inline(f"- {prefix}{text}"))
    return items


def _rows_left_out(count: int, script: Script, where: str) -> list[str]:
    """The line under a table cut to `_SHOWN` rows: how many it left out, and where they all are.

    Examples:
        >>> _rows_left_out(0, "en", "report.overdue")
        []
        >>> _rows_left_out(56530, "en", "report.overdue")
        ['', '… and 56,530 more rows, all in `report.overdue`']
        >>> _rows_left_out(3, "zh", "report.overdue")
        ['', '…… 另有 3 行未列出，全部见 `report.overdue`']
    """
    if count <= 0:
        return []
    text = _words(
        script,
        f"…… 另有 {count:,} 行未列出，全部见 `{where}`",
        f"… and {count:,} more rows, all in `{where}`",
        f"…… 另有 {count:,} 行未列出，全部見 `{where}`",
    )
    return ["", text]


def _rate_markdown(value: Rate, language: Language | str = "zh") -> str:
    script = canonical_language(language)
    text = str(value)
    if value.denominator:
        low, high = value.wilson()
        band = _words(script, "95% 置信区间", "95% interval", "95% 置信區間")
        text += f" · {band} {100 * low:.1f}%–{100 * high:.1f}%"
    if value.exclusions:
        text += "\n\n" + "\n".join(_exclusion_items(value.exclusions, script))
    return text


_KINDS = (
    ("clients", "服务对象", "Clients", "服務對象"),
    ("households", "家庭", "Households", "家庭"),
    ("cases", "个案", "Cases", "個案"),
    ("visits", "走访", "Visits", "走訪"),
    ("groups", "小组", "Groups", "小組"),
    ("activities", "活动", "Activities", "活動"),
    ("volunteers", "志愿者", "Volunteers", "志願者"),
    ("service_hours", "服务时长记录", "Service-hour entries", "服務時長記錄"),
    ("resources", "资源", "Resources", "資源"),
    ("deliveries", "资源递送", "Deliveries", "資源遞送"),
    ("needs", "需求", "Needs", "需求"),
    ("files", "服务档案", "Service files", "服務檔案"),
    ("surveys", "满意度调查", "Satisfaction surveys", "滿意度調查"),
)


def _records_counts(records: Any) -> list[tuple[str, int]]:
    return [(name, len(getattr(records, name))) for name, *_ in _KINDS]


def _records_repr(records: Any) -> str:
    counts = ", ".join(f"{n} {name}" for name, n in _records_counts(records) if n)
    period = f"{records.period.start}..{records.period.end}"
    return f"StationRecords({records.station.name!r}, {period}: {counts or 'no records'})"


def _records_markdown(records: Any, language: Language | str = "zh") -> str:
    script = canonical_language(language)
    kind = _words(script, "记录", "Records", "記錄")
    count = _words(script, "条数", "Count", "條數")
    to = _words(script, "至", "to", "至")
    period = _words(script, "统计期", "Period", "統計期")
    rows = [
        [_words(script, zh, en, hant), str(len(getattr(records, name)))]
        for name, zh, en, hant in _KINDS
    ]
    head = [
        f"# {_inline(records.station.name)}",
        "",
        f"{period}: {records.period.start} {to} {records.period.end}",
        "",
        markdown_table([kind, count], rows),
    ]
    return "\n".join(head) + "\n"


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
    from socialwork.analysis.swot import SwotQuadrant

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


def _engagement_markdown(engagement: Engagement, language: Language | str = "zh") -> str:
    script = canonical_language(language)
    title = _words(script, "社区工作阶段", "Stages of community work", "社區工作階段")
    now = _words(script, "当前阶段", "Current stage", "當前階段")
    since = _words(script, "自", "since", "自")
    out = [
        f"## {title}: {_inline(engagement.community_id)}",
        "",
        f"{now}: {engagement.stage.label(script)} ({since} {engagement.entered_on})",
        "",
    ]
    rows = [
        [str(m.on), m.from_stage.label(script), m.to_stage.label(script), m.kind.label(script)]
        for m in engagement.history
    ]
    header = [
        _words(script, "日期", "Date", "日期"),
        _words(script, "从", "From", "從"),
        _words(script, "到", "To", "到"),
        _words(script, "类型", "Kind", "類型"),
    ]
    out.append(markdown_table(header, rows))
    return "\n".join(out) + "\n"


def _exit_check_markdown(check: Any, language: Language | str = "zh") -> str:
    script = canonical_language(language)
    verdict = (
        _words(script, "已满足全部退出条件", "all exit criteria met", "已滿足全部退出條件")
        if check.passed
        else _words(script, "尚未满足退出条件", "exit criteria not yet met", "尚未滿足退出條件")
    )
    yes, no = _words(script, "是", "yes", "是"), _words(script, "否", "no", "否")

    def shown(value: object) -> str:
        if value is None:
            return "—"
        if isinstance(value, bool):
            return yes if value else no
        if isinstance(value, float):
            return f"{100 * value:.1f}%"
        return str(value)

    rows = [
        [
            c.description(script),
            shown(c.measured),
            f"{c.comparison.label(script)} {shown(c.threshold)}",
            yes if c.met else no,
        ]
        for c in check.criteria
    ]
    header = [
        _words(script, "条件", "Criterion", "條件"),
        _words(script, "实际", "Measured", "實際"),
        _words(script, "要求", "Required", "要求"),
        _words(script, "满足", "Met", "滿足"),
    ]
    title = _words(script, "阶段退出检查", "Stage exit check", "階段退出檢查")
    return (
        f"## {title}: {check.stage.label(script)} — {verdict}\n\n{markdown_table(header, rows)}\n"
    )
