"""How results show themselves: short reprs, escaped tables, charts valid against Vega-Lite v5."""

from __future__ import annotations

import html
import json
import math
import re
from datetime import date
from functools import cache
from importlib import resources
from statistics import NormalDist

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft7Validator

from socialwork import display
from socialwork.analysis import swot
from socialwork.display.chart import VEGA_LITE_MIME, Chart
from socialwork.display.document import Document, Table
from socialwork.errors import ArgumentError, UnknownCodeError, UnknownLanguageError
from socialwork.metrics import monthly_report, rate
from socialwork.metrics.casework import coverage_chart
from socialwork.models import CaseStatus, ClientCategory, Period
from socialwork.samples import station_month, station_previous_month
from socialwork.stages import Engagement
from tests.display_gallery import charts, register, sample_engagement
from tests.metrics.support import (
    KEY_GROUP_COVERAGE,
)

BREAKS = re.compile(r"\r\n|[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]")


@cache
def vega_lite_v5() -> Draft7Validator:
    schema_file = resources.files("altair") / "vegalite/v5/schema/vega-lite-schema.json"
    return Draft7Validator(json.loads(schema_file.read_text(encoding="utf-8")))


@pytest.mark.parametrize("language", ["zh", "en", "zh-Hant"])
def test_every_chart_is_a_valid_vega_lite_v5_spec(language: str) -> None:
    for name, spec in charts(language).items():
        errors = [e.message for e in vega_lite_v5().iter_errors(spec)]
        assert errors == [], name
        assert spec["$schema"] == display.VEGA_LITE_SCHEMA
        json.dumps(spec)  # plain data only


def test_heat_map_chart_counts_each_cell() -> None:
    values = register().heat_map("inherent").chart().to_dict()["data"]["values"]
    cell = {(v["likelihood"], v["impact"]): v for v in values}
    assert len(cell) == 25
    assert cell[4, 3]["count"] == 2
    assert cell[4, 3]["risks"] == "r3, r4"
    assert cell[4, 3]["rating"] == 12
    assert sum(v["count"] for v in values) == 5


def test_trend_chart_has_wilson_band_and_target() -> None:
    spec = KEY_GROUP_COVERAGE.trend_chart([(Period.month(2025, 6), rate(51, 60))], "en").to_dict()
    (point,) = spec["data"]["values"]
    assert point["value"] == 85.0
    # Wilson 95% for 51/60 by hand: centre 0.88201/1.06403 = 0.82894,
    # half-width 1.96 * sqrt(0.002125 + 0.000267) / 1.06403 = 0.09009
    assert point["low"] == pytest.approx(73.885, abs=0.01)
    assert point["high"] == pytest.approx(91.903, abs=0.01)
    assert point["target"] == 95.0


def test_undefined_rates_have_no_bar_and_no_nan() -> None:
    spec = coverage_chart([(ClientCategory.LIVING_ALONE_ELDERLY, rate(0, 0))]).to_dict()
    (point,) = spec["data"]["values"]
    assert point["value"] is None
    assert point["label"] == "n/a"
    assert vega_lite_v5().is_valid(spec)


def test_timeline_bars_follow_the_history() -> None:
    chart = sample_engagement().chart("en", as_of=date(2025, 12, 31))
    values = chart.to_dict()["data"]["values"]
    assert [(v["stage"], v["start"], v["end"]) for v in values] == [
        ("Preparation", "2025-03-01", "2025-03-01"),
        ("Launch", "2025-03-01", "2025-06-01"),
        ("Consolidation", "2025-06-01", "2025-10-01"),
        ("Evaluation", "2025-10-01", "2025-12-31"),
    ]
    with pytest.raises(ArgumentError):
        sample_engagement().chart(as_of=date(2025, 9, 1))


def test_rate_reads_as_a_percentage() -> None:
    assert repr(rate(51, 60)) == "85.0% (51/60)"
    assert repr(rate(0, 0)) == "n/a (0/0)"
    assert repr(rate(51, 60, [])) == "85.0% (51/60)"


def test_enum_member_reads_with_its_label() -> None:
    assert repr(CaseStatus.INTAKE) == "<CaseStatus.INTAKE: 'intake' 接案>"
    assert CaseStatus.INTAKE.value == "intake"


def test_station_bundle_repr_is_a_short_summary() -> None:
    june = station_month()
    text = repr(june)
    assert len(text) < 300
    assert "8 cases" in text
    assert "82 visits" in text  # 65 first visits and 17 follow-ups
    assert "2025-06-01..2025-06-30" in text
    assert str(june) == text
    markdown = june._repr_markdown_()
    assert "| 个案 | 8 |" in markdown
    assert "| 走访 | 82 |" in markdown
    assert len(june._repr_html_()) < 5000


def test_monthly_report_shows_itself() -> None:
    june = station_month()
    report = monthly_report(june, june.period, station_previous_month())
    assert len(repr(report)) < 200
    bundle = report._repr_mimebundle_()
    assert set(bundle) == {"text/plain", "text/markdown", "text/html"}
    assert bundle["text/markdown"] == report.to_markdown()
    assert "<table>" in bundle["text/html"]
    assert "85.5% (65/76)" in bundle["text/html"]  # 65 covered of 76 registered
    assert isinstance(report.chart(), Chart)
    assert report.to_document().charts == (report.chart(),)


def test_a_report_in_a_notebook_shows_its_tables_then_its_chart(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import IPython.display

    shown: list[tuple[object, dict[str, object]]] = []
    monkeypatch.setattr(
        IPython.display, "display", lambda obj, **kwargs: shown.append((obj, kwargs))
    )
    june = station_month()
    report = monthly_report(june, june.period, station_previous_month())
    report._ipython_display_()
    (tables, raw), (chart, options) = shown
    assert raw == {"raw": True}
    assert isinstance(tables, dict)
    assert set(tables) == {"text/plain", "text/markdown", "text/html"}
    assert "<h2>重点人群覆盖(按类别)</h2>" in tables["text/html"]
    assert options == {}
    assert chart == report.chart()
    assert isinstance(chart, Chart)
    assert chart._repr_mimebundle_()[VEGA_LITE_MIME]["title"] == "重点人群覆盖率"


def test_html_escapes_what_a_user_typed() -> None:
    engagement = Engagement(community_id="<script>", entered_on=date(2025, 1, 1))
    page = engagement._repr_html_()
    assert "<script>" not in page
    assert "&lt;script&gt;" in page


def test_an_engagement_shows_its_history_then_its_timeline() -> None:
    engagement = Engagement(community_id="a_b*c", entered_on=date(2025, 1, 1))
    document = engagement.to_document("en")
    assert engagement.to_markdown("en").splitlines()[0] == "## Stages of community work: a\\_b\\*c"
    assert document.charts == (engagement.chart("en"),)
    assert "Stages of community work: a_b*c" in engagement.to_text("en")


def test_markdown_table_keeps_cells_on_one_line() -> None:
    table = Document([Table(["a", "b"], [["x|y", "1\n2"]])])
    assert table.to_markdown().splitlines()[-1] == "| x\\|y | 1 2 |"
    assert table.to_html().count("<td>") == 2
    with pytest.raises(ArgumentError):
        Table(["a"], [["1", "2"]])
    with pytest.raises(ArgumentError):
        Table([], [])


@given(st.lists(st.lists(st.text(max_size=8), min_size=2, max_size=2), max_size=5))
def test_html_cells_hold_each_text_escaped_on_one_line(rows: list[list[str]]) -> None:
    page = Document([Table(["a", "b"], rows)]).to_html()
    cells = [[html.escape(BREAKS.sub(" ", c)) for c in row] for row in rows] or [["—", "—"]]
    for row in cells:
        assert "<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" in page


def test_swot_exit_and_register_show_in_every_language() -> None:
    from socialwork.analysis import SwotItem, SwotQuadrant

    item = SwotItem(id="s1", quadrant=SwotQuadrant.STRENGTH, statement="有活动场地")
    analysis = swot([item])
    for language in ("zh", "en", "zh-Hant"):
        assert "有活动场地" in analysis.to_markdown(language)
        assert "资金中断" in register().to_markdown(language)
        assert register().heat_map().to_markdown(language).count("\n") >= 7
    with pytest.raises(UnknownLanguageError):
        analysis.to_markdown("fr")


@pytest.mark.render
@pytest.mark.parametrize("language", ["zh", "en"])
def test_every_chart_renders_to_png(language: str) -> None:
    vl_convert = pytest.importorskip("vl_convert")
    for name, spec in charts(language).items():
        png = vl_convert.vegalite_to_png(spec, scale=1)
        assert png.startswith(b"\x89PNG"), name
        assert len(png) > 2000, name


def test_a_charts_script_finds_its_div_by_the_specs_key_not_by_position() -> None:
    # VS Code re-creates a script at the end of its output, so the script must not take the
    # element beside it; it takes the first div of its spec not drawn yet.
    coverage = Chart.vega_lite("覆盖率", "zh", mark="bar", data={"values": []})
    other = Chart.vega_lite("出勤率", "zh", mark="bar", data={"values": []})
    page = coverage.to_html()
    key = page.split('data-sw-chart="', 1)[1].split('"', 1)[0]
    assert len(key) == 12
    assert f'div[data-sw-chart="{key}"]' in page
    assert "previousElementSibling" not in page
    assert key not in other.to_html()
    assert coverage.to_html() == Chart(coverage.to_dict()).to_html()
    # where no script runs (a Markdown renderer), the div still says what it holds
    assert ">覆盖率 (Vega-Lite)</div>" in page


def _results_shown_to_people() -> list[object]:
    from socialwork.models import BilingualText
    from socialwork.stages import EvaluationEvidence, Stage, check_exit, stage_guide
    from socialwork.stages.cautions import Caution, StageWarning

    june = station_month()
    report = monthly_report(june, june.period, station_previous_month())
    evaluation = Engagement(community_id="c1", stage=Stage.EVALUATION, entered_on=date(2025, 11, 1))
    check = check_exit(
        evaluation,
        EvaluationEvidence(
            summary_written=True,
            qualitative_sources=4,
            quantitative_indicators=0,
            next_cycle_plan=True,
        ),
    )
    warning = StageWarning(
        Caution.ONLY_NUMBERS,
        Stage.EVALUATION,
        0.5,
        0.2,
        BilingualText.of("只有数字", "Numbers only"),
    )
    from socialwork.metrics.catalogue import StationPeriod

    return [
        report,
        StationPeriod(june, june.period).coverage,
        report.lines[0],
        report.lines[0].value,
        sample_engagement(),
        check,
        check.criteria[0],
        stage_guide(Stage.LAUNCH),
        warning,
        register(),
    ]


SHOWN_IN_A_LANGUAGE = (
    "to_document",
    "to_markdown",
    "to_html",
    "to_text",
    "chart",
    "title",
    "message",
    "description",
)


def _shown(value: object) -> object:
    return value.to_dict() if isinstance(value, Chart) else value


def test_a_result_shown_without_a_language_is_in_simplified_chinese() -> None:
    called = 0
    for result in _results_shown_to_people():
        for name in SHOWN_IN_A_LANGUAGE:
            method = getattr(result, name, None)
            if method is None:
                continue
            assert _shown(method()) == _shown(method("zh-Hans")), (type(result).__name__, name)
            assert _shown(method()) != _shown(method("en")), (type(result).__name__, name)
            called += 1
    assert called >= 20


def _fields(node: object) -> set[str]:
    """Every data field a spec's encodings, sorts and tooltips name."""
    if isinstance(node, dict):
        named = {node["field"]} if isinstance(node.get("field"), str) else set()
        return named.union(*(_fields(v) for k, v in node.items() if k != "data"))
    if isinstance(node, list):
        return set().union(*(_fields(v) for v in node))
    return set()


def _titles(node: object) -> list[str]:
    if isinstance(node, dict):
        own = [node["title"]] if isinstance(node.get("title"), str) else []
        return own + [t for k, v in node.items() if k != "data" for t in _titles(v)]
    if isinstance(node, list):
        return [t for v in node for t in _titles(v)]
    return []


def test_every_chart_draws_the_fields_its_data_has_and_no_other() -> None:
    for name, spec in charts("en").items():
        values = spec["data"]["values"]
        keys = set().union(*(v.keys() for v in values))
        derived = {t["as"] for t in spec.get("transform", []) if "as" in t}
        assert _fields(spec) <= keys | derived, name
        assert keys <= _fields(spec) | {"order", "id"}, name


def test_every_chart_titles_in_the_language_asked() -> None:
    zh, en, hant = charts("zh"), charts("en"), charts("zh-Hant")
    for name in en:
        english = _titles(en[name])
        assert english, name
        assert all(t.isascii() for t in english if t != en[name]["title"]), name
        assert _titles(zh[name]) != english, name
        assert len(_titles(hant[name])) == len(english), name


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("zh", ("社区工作阶段: 幸福社区", "阶段", "日期")),
        ("en", ("Stages of community work: 幸福社区", "Stage", "Date")),
        ("zh-Hant", ("社區工作階段: 幸福社区", "階段", "日期")),
    ],
)
def test_a_timeline_reads_in_each_language(language: str, words: tuple[str, ...]) -> None:
    spec = sample_engagement().chart(language, as_of=date(2025, 12, 31)).to_dict()
    title, stage, day = words
    assert spec["title"] == title
    assert spec["encoding"]["y"]["title"] == stage
    bars = spec["layer"][0]["encoding"]
    assert bars["x"]["title"] == day
    assert bars["tooltip"][0] == {"field": "stage", "title": stage}
    # the day it entered its stage is the last day a timeline may end on
    assert (
        sample_engagement().chart(as_of=date(2025, 10, 1)).to_dict()["data"]["values"][-1]["end"]
        == "2025-10-01"
    )


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("zh", ("重点人群覆盖率", "覆盖率 (%)", "类别")),
        ("en", ("Key-group coverage", "Coverage (%)", "Category")),
        ("zh-Hant", ("重點人羣覆蓋率", "覆蓋率 (%)", "類別")),
    ],
)
def test_coverage_by_category_reads_in_each_language(language: str, words: tuple[str, ...]) -> None:
    spec = charts(language)["coverage"]
    title, share, group = words
    assert spec["title"] == title
    assert spec["encoding"]["y"]["title"] == group
    bars = spec["layer"][0]["encoding"]
    assert bars["x"]["title"] == share
    assert bars["tooltip"] == [
        {"field": "category", "title": group},
        {"field": "label", "title": share},
    ]


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("zh", ("重点人群服务覆盖率", "统计期")),
        ("en", ("Key-group coverage", "Period")),
        ("zh-Hant", ("重點人羣服務覆蓋率", "統計期")),
    ],
)
def test_a_trend_reads_in_each_language(language: str, words: tuple[str, ...]) -> None:
    spec = charts(language)["trend"]
    name, period = words
    assert spec["title"] == name
    assert spec["encoding"]["x"]["title"] == period
    line = spec["layer"][1]["encoding"]
    assert line["y"]["title"] == f"{name} %"
    assert line["tooltip"][0]["title"] == period
    assert line["tooltip"][1] == {"field": "label", "title": name}


def _wilson(successes: int, n: int) -> tuple[float, float]:
    """The 95% Wilson interval by its formula, written here independently."""
    z, p = NormalDist().inv_cdf(0.975), successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return centre - half, centre + half


def test_coverage_bars_hold_percentages_to_four_places_on_an_axis_from_0_to_100() -> None:
    spec = coverage_chart(
        [(ClientCategory.LIVING_ALONE_ELDERLY, rate(2, 3)), (ClientCategory.YOUTH, rate(0, 0))]
    ).to_dict()
    third, undefined = spec["data"]["values"]
    low, high = _wilson(2, 3)
    assert third["value"] == 66.6667
    assert (third["low"], third["high"]) == (round(100 * low, 4), round(100 * high, 4))
    assert (undefined["value"], undefined["low"], undefined["high"]) == (None, None, None)
    assert spec["layer"][0]["encoding"]["x"]["scale"] == {"domain": [0, 100]}
    with pytest.raises(UnknownLanguageError):
        coverage_chart([], "fr")
    with pytest.raises(UnknownCodeError) as info:
        coverage_chart([("nobody", rate(1, 2))])  # type: ignore[list-item]
    assert info.value.parameter == "category"
    with pytest.raises(TypeError, match=r"^rate must be a Rate"):
        coverage_chart([(ClientCategory.YOUTH, 0.5)])  # type: ignore[list-item]


def test_a_trend_point_holds_its_period_s_value_label_band_and_target() -> None:
    from decimal import Decimal

    from socialwork.metrics import at_least
    from socialwork.metrics.catalogue import indicator
    from socialwork.records import replace

    may, june = Period.month(2025, 5), Period.month(2025, 6)
    coverage = replace(
        indicator("key_group_coverage").definition,
        targets=(at_least("90%", period=may), at_least("95%", period=june)),
    )
    spec = coverage.trend_chart([(june, rate(2, 3)), (may, None)], "en").to_dict()
    before, now = spec["data"]["values"]
    low, high = _wilson(2, 3)
    assert (now["value"], now["label"], now["target"]) == (66.6667, "66.7% (2/3)", 95.0)
    assert (now["low"], now["high"]) == (round(100 * low, 4), round(100 * high, 4))
    assert (before["value"], before["low"], before["target"]) == (None, None, 90.0)
    hours = indicator("volunteer_hours").definition  # no target, no unit sign, a plain number
    spec = hours.trend_chart([(june, Decimal("100"))], "en").to_dict()
    (point,) = spec["data"]["values"]
    assert (point["value"], point["label"], point["target"], point["low"]) == (
        100.0,
        "100 hours",
        None,
        None,
    )
    assert spec["layer"][1]["encoding"]["y"]["title"] == "Volunteer hours"
    per_mille = replace(hours, factor=1000, unit=None, decimals=1)
    spec = per_mille.trend_chart([(june, rate(1, 3))], "en").to_dict()
    assert spec["layer"][1]["encoding"]["y"]["title"] == "Volunteer hours ‰"
    assert spec["data"]["values"][0]["value"] == 333.3333


def test_a_trend_shown_without_a_language_is_in_simplified_chinese() -> None:
    points = [(Period.month(2025, 6), rate(51, 60))]
    assert KEY_GROUP_COVERAGE.trend_chart(points).to_dict() == (
        KEY_GROUP_COVERAGE.trend_chart(points, "zh-Hans").to_dict()
    )
