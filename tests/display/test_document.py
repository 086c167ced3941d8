"""The document model: one structure written as Markdown, HTML and text, every text escaped."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialwork.display.chart import Chart
from socialwork.display.displayable import Displayable
from socialwork.display.document import Document, Heading, Items, Paragraph, Table
from socialwork.errors import ArgumentError, UnknownLanguageError

BREAKS = re.compile(r"\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")


class _Texts(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.data: list[str] = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        if data.strip("\n"):
            self.data.append(data)


@given(st.text(min_size=1))
def test_html_shows_any_text_as_text_never_as_markup(text: str) -> None:
    shown = BREAKS.sub(" ", text)
    document = Document([Heading(text), Paragraph(text), Items([text]), Table([text], [[text]])])
    parser = _Texts()
    parser.feed(document.to_html())
    assert parser.tags == ["h2", "p", "ul", "li", "table", "thead", "tr", "th", "tbody", "tr", "td"]
    assert [d for d in parser.data if d.strip()] == [shown] * 5 or not shown.strip()


@given(st.lists(st.text(), min_size=1, max_size=4))
def test_markdown_table_keeps_its_columns_whatever_the_cells(cells: list[str]) -> None:
    lines = Document([Table(cells, [cells, cells])]).to_markdown().splitlines()
    assert len(lines) == 4
    for line in lines:
        unescaped = re.sub(r"\\.", "", line)
        assert unescaped.count("|") == len(cells) + 1


def test_a_line_starting_with_a_bar_and_no_rule_is_a_paragraph_and_returns() -> None:
    # Regression: markdown_to_html("| 姓名 |\n正文") never returned; HTML is no longer parsed back.
    document = Document([Paragraph("| 姓名 |\n正文")])
    assert document.to_html() == "<p>| 姓名 | 正文</p>"
    assert document.to_markdown() == "\\| 姓名 \\| 正文"


def test_text_aligns_columns_for_wide_characters() -> None:
    table = Table(["类别", "覆盖率"], [["独居老人", "85.0%"], ["youth", "n/a"]], caption="覆盖")
    assert Document([table]).to_text().splitlines() == [
        "覆盖",
        "类别      覆盖率",
        "--------  ------",
        "独居老人  85.0%",
        "youth     n/a",
    ]


def test_an_empty_table_shows_a_row_of_dashes_everywhere() -> None:
    document = Document([Table(["a", "b"], [])])
    assert document.to_markdown().splitlines()[-1] == "| — | — |"
    assert "<td>—</td><td>—</td>" in document.to_html()
    assert document.to_text().splitlines()[-1] == "—  —"


def test_blocks_refuse_what_they_cannot_show() -> None:
    with pytest.raises(ArgumentError, match="at least one column"):
        Table([], [])
    with pytest.raises(ArgumentError, match="rows of 2 cells"):
        Table(["a", "b"], [["1"]])
    with pytest.raises(ArgumentError, match="heading level"):
        Heading("t", 7)
    with pytest.raises(ArgumentError, match="headings, paragraphs"):
        Document(["text"])  # type: ignore[list-item]


def test_a_page_is_utf8_styled_and_draws_its_charts() -> None:
    chart = Chart.vega_lite("覆盖率", mark="bar", data={"values": [{"a": 1}]})
    page = Document([Heading("月报 </title>", 1), chart]).to_html_page("月报 </title>", "en")
    assert '<meta charset="utf-8">' in page
    assert '<html lang="en">' in page
    assert "<title>月报 &lt;/title&gt;</title>" in page
    assert "<style>" in page
    assert 'class="sw-chart"' in page
    assert "vega-embed@6" in page
    # A spec holding "</script>" cannot close the page's script early.
    sneaky = Chart({"title": "</script><b>", "mark": "bar"})
    assert "</script><b>" not in Document([sneaky]).to_html_page("t")


def test_markdown_and_text_leave_charts_out_and_the_document_lists_them() -> None:
    chart = Chart({"mark": "bar"})
    document = Document([Paragraph("a"), chart])
    assert document.to_markdown() == "a"
    assert document.to_html() == "<p>a</p>"
    assert document.charts == (chart,)


def test_a_chart_is_immutable_hashable_and_displays_itself() -> None:
    chart = Chart.vega_lite("风险", "zh", mark="bar", data={"values": []})
    spec = chart.to_dict()
    spec["mark"] = "line"
    assert chart.to_dict()["mark"] == "bar"
    assert hash(chart) == hash(Chart(chart.to_dict()))
    bundle = chart._repr_mimebundle_()
    assert bundle["application/vnd.vegalite.v5+json"] == chart.to_dict()
    # nbconvert has no Vega-Lite renderer: it shows the Markdown, whose script draws the chart.
    assert bundle["text/markdown"] == chart.to_html()
    assert "vegaEmbed" in bundle["text/markdown"]
    assert "\n\n" not in bundle["text/markdown"]  # one raw HTML block for a Markdown reader
    assert not {"text/html", "application/javascript"} & set(bundle)  # JupyterLab prefers them
    assert bundle["text/plain"] == "Chart('风险')"
    assert chart.to_dict()["config"]["locale"]["number"]["currency"] == ["¥", ""]
    assert "locale" not in Chart.vega_lite("Risk", "en").to_dict()["config"]


def test_a_chart_refuses_what_is_not_a_json_spec() -> None:
    with pytest.raises(ArgumentError, match="a Vega-Lite specification"):
        Chart("bar")  # type: ignore[arg-type]
    with pytest.raises(ArgumentError, match="JSON-ready"):
        Chart({"value": float("nan")})
    with pytest.raises(UnknownLanguageError):
        Chart.vega_lite("t", "fr")


def test_to_altair_gives_an_altair_chart_with_the_same_spec() -> None:
    chart = Chart.vega_lite("t", mark="bar", data={"values": [{"a": 1}]})
    assert chart.to_altair().to_dict()["mark"] in ("bar", {"type": "bar"})


class _Report(Displayable):
    def to_document(self, language: str = "zh") -> Document:
        title = "月报" if language == "zh" else "Report"
        return Document([Heading(title, 1), Chart({"title": title, "mark": "bar"})])

    def __repr__(self) -> str:
        return "_Report()"


def test_a_displayable_shows_its_tables_then_each_chart_as_its_own_output(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import IPython.display

    shown: list[tuple[object, dict[str, Any]]] = []
    monkeypatch.setattr(IPython.display, "display", lambda obj, **kw: shown.append((obj, kw)))
    _Report()._ipython_display_()
    assert shown[0] == (
        {"text/plain": "_Report()", "text/markdown": "# 月报\n", "text/html": "<h1>月报</h1>"},
        {"raw": True},
    )
    assert shown[1] == (Chart({"title": "月报", "mark": "bar"}), {})
    assert _Report().to_markdown("en") == "# Report\n"
    assert _Report().to_text("en") == "Report\n======\n"
    with pytest.raises(UnknownLanguageError):
        _Report().to_html("fr")
