"""reliable_change: Jacobson and Truax's index, cut-offs a, b, c and the classes."""

from __future__ import annotations

import math
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialwork.display.document import Heading, Paragraph, Table
from socialwork.errors import ArgumentError, EvaluationInputError, UnknownCodeError
from socialwork.evaluation import (
    ChangeClass,
    Cutoff,
    CutoffCriterion,
    PrePost,
    ReliableChange,
    clinical_cutoff,
    pre_post,
    reliable_change,
    reliable_improvement_rate,
)
from socialwork.evaluation.reliable import RC_CRITICAL, _klass
from socialwork.metrics import Direction
from socialwork.models import ScaleAdministration
from socialwork.samples import MOOD_GROUP_END, MOOD_GROUP_START, mood_group_administrations
from tests.strategies import gds_administrations


def sample_pairs() -> PrePost:
    return pre_post(
        mood_group_administrations(), "gds15", start=MOOD_GROUP_START, end=MOOD_GROUP_END
    )


def test_the_index_is_jacobson_and_truax() -> None:
    rc = reliable_change(sample_pairs(), reliability=0.8, sd=3.0, cutoff=5)
    se = 3.0 * math.sqrt(0.2)
    assert rc.se == pytest.approx(se)
    assert rc.s_diff == pytest.approx(math.sqrt(2) * se)
    e16 = rc.clients[0]
    assert (e16.client_id, e16.before, e16.after) == ("e16", 9, 4)
    assert e16.rc == pytest.approx(-5 / (math.sqrt(2) * se))
    # by hand: S_diff = 1.897, so changes of 4 points or more are reliable (3.72 < 4)
    classes = {c.client_id: c.klass.value for c in rc.clients}
    assert classes == {
        "e16": "recovered",  # 9 -> 4: reliable, crossed 5
        "e17": "recovered",  # 7 -> 3
        "e18": "improved",  # 11 -> 6: reliable, still 5 or more
        "e19": "unchanged",
        "e20": "recovered",
        "e21": "unchanged",
        "e22": "unchanged",
        "e23": "deteriorated",  # 4 -> 8: reliable worsening
        "e24": "recovered",
        "e25": "unchanged",
    }
    assert str(rc.share("recovered")) == "40.0% (4/10)"
    assert len(rc.unpaired) == 1


def test_cutoffs_a_b_c() -> None:
    # lower is better: a = 10 - 2 x 3 = 4; b = 3 + 2 x 2 = 7; c = (3 x 3 + 2 x 10) / 5 = 5.8
    assert clinical_cutoff("a", "lower_is_better", dysfunctional=(10, 3)).value == 4
    assert clinical_cutoff("b", "lower_is_better", functional=(3, 2)).value == 7
    c = clinical_cutoff("c", "lower_is_better", dysfunctional=(10, 3), functional=(3, 2))
    assert c.value == pytest.approx(5.8)
    assert c.multiplier is None
    a = clinical_cutoff("a", "higher_is_better", dysfunctional=(40, 5), multiplier=1.96)
    assert a.value == pytest.approx(49.8)
    assert (a.criterion, a.multiplier) == (CutoffCriterion.A, 1.96)
    with pytest.raises(EvaluationInputError) as caught:
        clinical_cutoff("c", "lower_is_better", dysfunctional=(10, 3))
    assert caught.value.rule == "no_cutoff_norms"


def test_without_a_cutoff_nobody_is_recovered() -> None:
    rc = reliable_change(sample_pairs(), reliability=0.8, sd=3.0)
    assert rc.counts()[ChangeClass.RECOVERED] == 0
    assert reliable_improvement_rate(rc).format(0) == "50% (5/10)"


def test_inputs_are_checked() -> None:
    with pytest.raises(ArgumentError):
        reliable_change(sample_pairs(), reliability=1.0, sd=3.0)
    with pytest.raises(ArgumentError):
        reliable_change(sample_pairs(), reliability=0.8, sd=0.0)


def test_the_funders_table_and_the_jacobson_plot() -> None:
    rc = reliable_change(sample_pairs(), reliability=0.8, sd=3.0, cutoff=5)
    text = rc.to_text("zh")
    assert "康复" in text
    assert "40.0%" in text
    assert "16.8%–68.7%" in text
    layers = rc.chart("en").to_dict()["layer"]
    assert len(layers[1]["data"]["values"]) == 10
    assert layers[2]["data"]["values"] == [{"c": 5.0}]
    band = [v for v in layers[0]["data"]["values"] if v["line"] == "+"]
    assert band[0]["y"] - band[0]["x"] == pytest.approx(RC_CRITICAL * rc.s_diff)
    assert rc.to_rows()[0]["class"] == "recovered"
    assert "Jacobson" in rc.chart("zh-Hant").title


@given(gds_administrations(), st.floats(0, 0.95), st.floats(0.5, 10), st.none() | st.floats(0, 15))
def test_classes_partition_the_paired_clients(
    given_: tuple[ScaleAdministration, ...], r: float, sd: float, cutoff: float | None
) -> None:
    pairs = pre_post(given_, "gds15", start=date(2025, 4, 1), end=date(2025, 6, 30))
    rc = reliable_change(pairs, reliability=r, sd=sd, cutoff=cutoff)
    assert sum(rc.counts().values()) == len(pairs.pairs)
    assert [c.client_id for c in rc.clients] == [p.client_id for p in pairs.pairs]
    for c in rc.clients:
        reliable = abs(c.rc) > RC_CRITICAL
        assert (c.klass is ChangeClass.UNCHANGED) == (not reliable)
        if c.klass in (ChangeClass.RECOVERED, ChangeClass.IMPROVED):
            assert c.after < c.before  # lower is better on the GDS-15
        if c.klass is ChangeClass.RECOVERED:
            assert cutoff is not None
            assert c.before >= cutoff > c.after


def adm(id: str, client: str, on: date, total: float, scale: str = "gds15") -> ScaleAdministration:
    return ScaleAdministration(id=id, client_id=client, scale=scale, on=on, total=total)


START, END = date(2025, 3, 3), date(2025, 6, 27)
BEFORE, AFTER = date(2025, 3, 1), date(2025, 6, 30)


def two_clients() -> PrePost:
    """p1 9 -> 4 and p2 7 -> 8 on the GDS-15; p3 has no follow-up, p4 was never assessed."""
    given_ = [
        adm("a1", "p1", BEFORE, 9),
        adm("a2", "p1", AFTER, 4),
        adm("a3", "p2", BEFORE, 7),
        adm("a4", "p2", AFTER, 8),
        adm("a5", "p3", BEFORE, 6),
    ]
    return pre_post(given_, "gds15", start=START, end=END, clients=["p4"])


def rounded(node: Any) -> Any:
    """The spec with every number to 4 places, as a reader of the plot sees it."""
    if isinstance(node, dict):
        return {k: rounded(v) for k, v in node.items()}
    if isinstance(node, list):
        return [rounded(v) for v in node]
    if isinstance(node, float):
        return round(node, 4)
    return node


def jacobson_plot(
    title: str,
    words: tuple[str, str, str],
    classes: tuple[str, str, str, str],
) -> dict[str, Any]:
    """S_diff = 3·√(2·0.2) = 1.8974, the band 1.96·S_diff = 3.7188 wide on each side.

    The scores run from 4 to 9, so both axes run from 4 − 3.7188 to 9 + 3.7188.
    """
    pre, post, klass = words
    low, high = 0.2812, 12.7188
    scale = {"domain": [low, high], "nice": False}
    return {
        "title": title,
        "layer": [
            {
                "data": {
                    "values": [
                        {"x": low, "y": low, "line": "0"},
                        {"x": high, "y": high, "line": "0"},
                        {"x": low, "y": 4.0, "line": "+"},
                        {"x": high, "y": 16.4377, "line": "+"},
                        {"x": low, "y": -3.4377, "line": "-"},
                        {"x": high, "y": 9.0, "line": "-"},
                    ]
                },
                "mark": {"type": "line", "clip": True},
                "encoding": {
                    "x": {"field": "x", "type": "quantitative", "scale": scale, "title": pre},
                    "y": {"field": "y", "type": "quantitative", "scale": scale, "title": post},
                    "detail": {"field": "line", "type": "nominal"},
                    "strokeDash": {
                        "condition": {"test": "datum.line === '0'", "value": [1, 0]},
                        "value": [4, 4],
                    },
                    "color": {"value": "#888888"},
                },
            },
            {
                "data": {
                    "values": [
                        {"client": "p1", pre: 9.0, post: 4.0, klass: classes[0]},
                        {"client": "p2", pre: 7.0, post: 8.0, klass: classes[2]},
                    ]
                },
                "mark": {"type": "point", "filled": True, "size": 70},
                "encoding": {
                    "x": {"field": pre, "type": "quantitative", "scale": scale},
                    "y": {"field": post, "type": "quantitative", "scale": scale},
                    "color": {
                        "field": klass,
                        "type": "nominal",
                        "scale": {"domain": list(classes)},
                    },
                    "tooltip": [
                        {"field": "client", "type": "nominal"},
                        {"field": pre, "type": "quantitative"},
                        {"field": post, "type": "quantitative"},
                    ],
                },
            },
            {
                "data": {"values": [{"c": 5.0}]},
                "mark": {"type": "rule", "strokeDash": [2, 2], "color": "#cc4444"},
                "encoding": {"y": {"field": "c", "type": "quantitative", "scale": scale}},
            },
        ],
        "width": 320,
        "height": 320,
    }


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "zh",
            jacobson_plot(
                "gds15: Jacobson 图",
                ("前测", "后测", "类别"),
                ("康复", "可靠改善", "无可靠变化", "可靠恶化"),
            ),
        ),
        (
            "en",
            jacobson_plot(
                "gds15: Jacobson plot",
                ("Baseline", "Follow-up", "Class"),
                ("Recovered", "Reliably improved", "Unchanged", "Deteriorated"),
            ),
        ),
        (
            "zh-Hant",
            jacobson_plot(
                "gds15: Jacobson 圖",
                ("前測", "後測", "類別"),
                ("康復", "可靠改善", "無可靠變化", "可靠惡化"),
            ),
        ),
    ],
)
def test_the_jacobson_plot_reads_in_each_language(language: str, expected: dict[str, Any]) -> None:
    rc = reliable_change(two_clients(), reliability=0.8, sd=3.0, cutoff=5)
    spec = rc.chart(language).to_dict()
    # numbers are written the Chinese way (a locale) except in English
    assert ("locale" in spec.pop("config")) is (language != "en")
    del spec["$schema"]
    assert rounded(spec) == expected


def test_the_jacobson_plot_is_in_simplified_chinese_by_default() -> None:
    rc = reliable_change(two_clients(), reliability=0.8, sd=3.0, cutoff=5)
    assert rc.chart() == rc.chart("zh-Hans")
    assert rc.to_document() == rc.to_document("zh-Hans")


def test_every_field_of_the_jacobson_plot_is_drawn_and_every_drawn_field_is_in_its_data() -> None:
    spec = reliable_change(two_clients(), reliability=0.8, sd=3.0, cutoff=5).chart("en").to_dict()
    for layer in spec["layer"]:
        keys = set().union(*(v.keys() for v in layer["data"]["values"]))
        drawn = _fields(layer["encoding"])
        if any(k == "strokeDash" for k in layer["encoding"]):
            drawn |= {"line"}  # its condition tests datum.line
        assert keys == drawn


def _fields(node: object) -> set[str]:
    if isinstance(node, dict):
        named = {node["field"]} if isinstance(node.get("field"), str) else set()
        return named.union(*(_fields(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(_fields(v) for v in node))
    return set()


def test_an_empty_plot_without_a_cutoff_spans_the_band_around_0_to_1() -> None:
    empty = pre_post([], "gds15", start=START, end=END)
    spec = reliable_change(empty, reliability=0.8, sd=3.0).chart("en").to_dict()
    lines, points, cut = (layer["data"]["values"] for layer in spec["layer"])
    assert rounded(spec["layer"][0]["encoding"]["x"]["scale"]["domain"]) == [-3.7188, 4.7188]
    assert rounded([[v["x"], v["y"]] for v in lines if v["line"] == "0"]) == [
        [-3.7188, -3.7188],
        [4.7188, 4.7188],
    ]
    assert points == []
    assert cut == []


def test_the_cutoff_widens_the_axes_when_it_lies_outside_the_scores() -> None:
    rc = reliable_change(two_clients(), reliability=0.8, sd=3.0, cutoff=12)
    spec = rc.chart("en").to_dict()
    assert rounded(spec["layer"][2]["encoding"]["y"]["scale"]["domain"]) == [0.2812, 15.7188]
    assert spec["layer"][2]["data"]["values"] == [{"c": 12.0}]


ZH_ROWS = (
    ("康复", "1", "50.0%", "9.5%–90.5%"),
    ("可靠改善", "0", "0.0%", "0.0%–65.8%"),
    ("无可靠变化", "1", "50.0%", "9.5%–90.5%"),
    ("可靠恶化", "0", "0.0%", "0.0%–65.8%"),
)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "zh",
            (
                Heading("gds15 可靠改变"),
                Table(("类别", "人数", "比例", "95% 置信区间"), ZH_ROWS),
                Paragraph(
                    "信度 r = 0.8, 常模标准差 s₁ = 3, S_diff = 1.897, 可靠改变至少 3.72 分 "
                    "(|RC| > 1.96); 越低越好; 临界值 5 (给定的临界值); 未配对 2 人。",
                    note=True,
                ),
            ),
        ),
        (
            "en",
            (
                Heading("Reliable change on gds15"),
                Table(
                    ("Class", "Clients", "Share", "95% interval"),
                    (
                        ("Recovered", "1", "50.0%", "9.5%–90.5%"),
                        ("Reliably improved", "0", "0.0%", "0.0%–65.8%"),
                        ("Unchanged", "1", "50.0%", "9.5%–90.5%"),
                        ("Deteriorated", "0", "0.0%", "0.0%–65.8%"),
                    ),
                ),
                Paragraph(
                    "Reliability r = 0.8, norm SD s₁ = 3, S_diff = 1.897, a reliable change is "
                    "more than 3.72 points (|RC| > 1.96); Lower is better; "
                    "cut-off 5 (A given cut-off); unpaired clients: 2.",
                    note=True,
                ),
            ),
        ),
        (
            "zh-Hant",
            (
                Heading("gds15 可靠改變"),
                Table(
                    ("類別", "人數", "比例", "95% 置信區間"),
                    (
                        ("康復", "1", "50.0%", "9.5%–90.5%"),
                        ("可靠改善", "0", "0.0%", "0.0%–65.8%"),
                        ("無可靠變化", "1", "50.0%", "9.5%–90.5%"),
                        ("可靠惡化", "0", "0.0%", "0.0%–65.8%"),
                    ),
                ),
                Paragraph(
                    "信度 r = 0.8, 常模標準差 s₁ = 3, S_diff = 1.897, 可靠改變至少 3.72 分 "
                    "(|RC| > 1.96); 越低越好; 臨界值 5 (給定的臨界值); 未配對 2 人。",
                    note=True,
                ),
            ),
        ),
    ],
)
def test_the_funders_table_reads_in_each_language(
    language: str, expected: tuple[Heading | Table | Paragraph, ...]
) -> None:
    """Shares of 2 clients with Wilson 95% intervals: 1/2 is 9.5%–90.5%, 0/2 is 0.0%–65.8%."""
    rc = reliable_change(two_clients(), reliability=0.8, sd=3.0, cutoff=5)
    assert rc.to_document(language).blocks == (*expected, rc.chart(language))


def test_the_table_names_a_computed_cutoff_with_its_multiplier_or_says_there_is_none() -> None:
    a = clinical_cutoff("a", "lower_is_better", dysfunctional=(10, 3))  # 10 - 2 x 3 = 4
    note = reliable_change(two_clients(), reliability=0.8, sd=3.0, cutoff=a).to_text("en")
    assert "; cut-off 4 (a: beyond the dysfunctional mean by k SDs, k = 2); " in note
    c = clinical_cutoff("c", "lower_is_better", dysfunctional=(10, 3), functional=(3, 2))
    note = reliable_change(two_clients(), reliability=0.8, sd=3.0, cutoff=c).to_text("en")
    assert "; cut-off 5.8 (c: the SD-weighted midpoint of the two populations); " in note
    note = reliable_change(two_clients(), reliability=0.8, sd=3.0).to_text("en")
    assert "; cut-off —; " in note


def test_an_empty_table_has_no_shares_and_no_intervals() -> None:
    empty = reliable_change(pre_post([], "gds15", start=START, end=END), reliability=0.8, sd=3.0)
    table = empty.to_document("en").blocks[1]
    assert isinstance(table, Table)
    assert table.rows == (
        ("Recovered", "0", "n/a", "—"),
        ("Reliably improved", "0", "n/a", "—"),
        ("Unchanged", "0", "n/a", "—"),
        ("Deteriorated", "0", "n/a", "—"),
    )


def test_one_row_per_paired_client() -> None:
    rows = reliable_change(two_clients(), reliability=0.8, sd=3.0, cutoff=5).to_rows()
    assert [{k: v for k, v in row.items() if k != "rc"} for row in rows] == [
        {"client_id": "p1", "scale": "gds15", "before": 9.0, "after": 4.0, "change": -5.0,
         "class": "recovered"},
        {"client_id": "p2", "scale": "gds15", "before": 7.0, "after": 8.0, "change": 1.0,
         "class": "unchanged"},
    ]  # fmt: skip
    s_diff = 3.0 * math.sqrt(0.4)
    assert [row["rc"] for row in rows] == pytest.approx([-5 / s_diff, 1 / s_diff])


def test_the_result_keeps_its_inputs_counts_and_shares() -> None:
    rc = reliable_change(two_clients(), reliability=0.8, sd=3.0, cutoff=5)
    assert (rc.scale, rc.direction, rc.reliability, rc.sd) == (
        "gds15",
        Direction.LOWER_IS_BETTER,
        0.8,
        3.0,
    )
    assert rc.cutoff == Cutoff(5.0, CutoffCriterion.GIVEN, None)
    assert [u.client_id for u in rc.unpaired] == ["p3", "p4"]
    assert rc.threshold == pytest.approx(1.96 * 3.0 * math.sqrt(0.4))
    assert rc.counts() == {
        ChangeClass.RECOVERED: 1,
        ChangeClass.IMPROVED: 0,
        ChangeClass.UNCHANGED: 1,
        ChangeClass.DETERIORATED: 0,
    }
    assert (rc.share("unchanged").numerator, rc.share("unchanged").denominator) == (1, 2)
    assert rc.share(ChangeClass.IMPROVED).numerator == 0
    with pytest.raises(UnknownCodeError) as caught:
        rc.share("cured")
    assert caught.value.parameter == "klass"
    assert rc.clients[0].change == -5.0


@pytest.mark.parametrize(
    ("scale", "before", "after", "cutoff", "klass"),
    [
        # lower is better (GDS-15), cut-off 5: a score of 5 is on the dysfunctional side
        ("gds15", 5, 0, 5, "recovered"),
        ("gds15", 9, 5, 5, "improved"),  # ends on the cut-off: not functional
        ("gds15", 4, 0, 5, "improved"),  # already functional
        ("gds15", 9, 4, None, "improved"),
        ("gds15", 4, 9, 5, "deteriorated"),
        # higher is better (Rosenberg), cut-off 15
        ("rosenberg", 10, 20, 15, "recovered"),
        ("rosenberg", 15, 25, 15, "recovered"),  # starts on the cut-off: dysfunctional
        ("rosenberg", 16, 26, 15, "improved"),  # already functional
        ("rosenberg", 5, 15, 15, "improved"),  # ends on the cut-off: not functional
        ("rosenberg", 20, 10, 15, "deteriorated"),
        ("rosenberg", 20, 17, 15, "unchanged"),
    ],
)
def test_each_class_by_hand(
    scale: str, before: float, after: float, cutoff: float | None, klass: str
) -> None:
    """S_diff = 1.897 with r = 0.8 and s₁ = 3: a change of 3.72 points or more is reliable."""
    given_ = [adm("b", "p1", BEFORE, before, scale), adm("f", "p1", AFTER, after, scale)]
    pairs = pre_post(given_, scale, start=START, end=END)
    rc = reliable_change(pairs, reliability=0.8, sd=3.0, cutoff=cutoff)
    assert rc.clients[0].klass.value == klass


def test_an_index_of_exactly_1_96_is_not_reliable() -> None:
    up, down = Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER
    assert _klass(0, 1, RC_CRITICAL, up, None) is ChangeClass.UNCHANGED
    assert _klass(1, 0, -RC_CRITICAL, up, None) is ChangeClass.UNCHANGED
    assert _klass(1, 0, -RC_CRITICAL, down, None) is ChangeClass.UNCHANGED
    assert _klass(0, 1, RC_CRITICAL, down, None) is ChangeClass.UNCHANGED
    assert _klass(1, 0, -1.97, up, None) is ChangeClass.DETERIORATED
    assert _klass(0, 1, 1.97, up, None) is ChangeClass.IMPROVED


def test_cutoffs_b_for_higher_is_better_and_the_default_multiplier() -> None:
    # b = 30 - 2 x 5 = 20 when higher is better; a = 40 + 2 x 5 = 50
    b = clinical_cutoff("b", "higher_is_better", functional=(30, 5))
    assert b == Cutoff(20.0, CutoffCriterion.B, 2.0)
    a = clinical_cutoff(CutoffCriterion.A, Direction.HIGHER_IS_BETTER, dysfunctional=(40, 5))
    assert a == Cutoff(50.0, CutoffCriterion.A, 2.0)
    assert clinical_cutoff("b", "lower_is_better", functional=(3, 2), multiplier=10).value == 23
    # c = (s_dys·m_fun + s_fun·m_dys) / (s_dys + s_fun) = (3 x 40 + 5 x 30) / 8 = 33.75:
    # nearer the population with the smaller SD
    c = clinical_cutoff("c", "higher_is_better", dysfunctional=(30, 3), functional=(40, 5))
    assert c == Cutoff(33.75, CutoffCriterion.C, None)
    assert clinical_cutoff("c", "higher_is_better", dysfunctional=(30, 0), functional=(40, 5)) == (
        Cutoff(30.0, CutoffCriterion.C, None)
    )
    # equal SDs: the midpoint of the means
    assert clinical_cutoff("c", "lower_is_better", dysfunctional=(10, 3), functional=(4, 3)) == (
        Cutoff(7.0, CutoffCriterion.C, None)
    )
    # an SD may be as large as 10¹⁵, no larger
    huge = clinical_cutoff("a", "higher_is_better", dysfunctional=(0, 1e15), multiplier=1)
    assert huge.value == 1e15
    with pytest.raises(ArgumentError):
        clinical_cutoff("a", "higher_is_better", dysfunctional=(0, 1e15 + 1))


def test_cutoff_refusals_name_the_argument_and_what_it_lacks() -> None:
    with pytest.raises(EvaluationInputError) as caught:
        clinical_cutoff("c", "lower_is_better", dysfunctional=(10, 0), functional=(3, 0))
    assert (caught.value.rule, caught.value.value) == ("no_cutoff_norms", 0)
    assert caught.value.expected == "SDs that are not both 0"
    lacking: list[tuple[str, dict[str, Any]]] = [
        ("a", {"functional": (3.0, 2.0)}),
        ("b", {"dysfunctional": (10.0, 3.0)}),
        ("c", {"functional": (3.0, 2.0)}),
        ("given", {"dysfunctional": (10.0, 3.0), "functional": (3.0, 2.0)}),
    ]
    for criterion, populations in lacking:
        with pytest.raises(EvaluationInputError) as caught:
            clinical_cutoff(criterion, "lower_is_better", **populations)
        assert (caught.value.rule, caught.value.value) == ("no_cutoff_norms", criterion)
        assert caught.value.expected == (
            "the dysfunctional population for a, the functional one for b, both for c"
        )
    with pytest.raises(UnknownCodeError) as unknown:
        clinical_cutoff("d", "lower_is_better", dysfunctional=(10, 3))
    assert unknown.value.parameter == "criterion"
    with pytest.raises(UnknownCodeError) as unknown:
        clinical_cutoff("a", "down", dysfunctional=(10, 3))
    assert unknown.value.parameter == "direction"
    with pytest.raises(ArgumentError) as bad:
        clinical_cutoff("a", "lower_is_better", dysfunctional=(10, 3), multiplier=10.5)
    assert bad.value.parameter == "multiplier"
    with pytest.raises(ArgumentError) as bad:
        clinical_cutoff("a", "lower_is_better", dysfunctional=(10, 3), multiplier=-0.1)
    assert bad.value.parameter == "multiplier"
    assert clinical_cutoff("a", "lower_is_better", dysfunctional=(10, 3), multiplier=0).value == 10
    wrong_populations: list[tuple[object, str]] = [
        ((math.nan, 1.0), "ArgumentError: {} mean"),
        ((1.0, -1.0), "ArgumentError: {} sd"),
        ([1.0, 2.0], "TypeError: {} must be a (mean, sd) tuple; got list"),
        ((1.0, 2.0, 3.0), "TypeError: {} must be a (mean, sd) tuple; got tuple"),
    ]
    for name in ("dysfunctional", "functional"):
        for population, says in wrong_populations:
            given_: dict[str, Any] = {name: population}
            with pytest.raises((ArgumentError, TypeError)) as caught_:
                clinical_cutoff("c", "lower_is_better", **given_)
            error = caught_.value
            shown = error.parameter if isinstance(error, ArgumentError) else str(error)
            assert f"{type(error).__name__}: {shown}" == says.format(name)


def test_reliable_change_refusals_name_the_argument() -> None:
    pairs = two_clients()
    for reliability, sd, name in [(-0.1, 3.0, "reliability"), (0.8, 1e7, "sd")]:
        with pytest.raises(ArgumentError) as bad:
            reliable_change(pairs, reliability=reliability, sd=sd)
        assert bad.value.parameter == name
    with pytest.raises(ArgumentError) as bad:
        reliable_change(pairs, reliability=0.8, sd=3.0, cutoff=math.inf)
    assert bad.value.parameter == "cutoff"
    with pytest.raises(TypeError, match=r"^pairs must be a PrePost"):
        reliable_change([], reliability=0.8, sd=3.0)  # type: ignore[arg-type]
    # the bounds themselves are accepted
    assert reliable_change(pairs, reliability=0.9999, sd=1e-6).reliability == 0.9999
    assert reliable_change(pairs, reliability=0, sd=1e6).sd == 1e6
    for reliability, sd, name in [(1.0, 3.0, "reliability"), (0.8, 0.0, "sd")]:
        with pytest.raises(ArgumentError) as bad:
            ReliableChange("gds15", Direction.LOWER_IS_BETTER, reliability, sd, None, ())
        assert bad.value.parameter == name


def test_a_norm_sd_may_be_as_large_as_a_million_no_larger() -> None:
    assert reliable_change(two_clients(), reliability=0.8, sd=1e6).sd == 1e6
    with pytest.raises(ArgumentError):
        reliable_change(two_clients(), reliability=0.8, sd=1e6 + 1)
    with pytest.raises(ArgumentError):
        ReliableChange("gds15", Direction.LOWER_IS_BETTER, 0.8, 1e6 + 1, None, ())
