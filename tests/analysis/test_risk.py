"""Risk register: ratings, bands, ranking, heat map, overdue reviews and the catalogue."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from socialwork.analysis import (
    RatingBands,
    Risk,
    RiskCategory,
    RiskRegister,
    RiskScore,
    RiskStatus,
    RiskTreatment,
    ScoreLevel,
    swot,
)
from socialwork.analysis.risk import HeatMap, RiskBand
from socialwork.errors import (
    ArgumentError,
    UnknownCodeError,
)
from socialwork.plans import (
    PlanKind,
    plan_template,
    practice_model,
    risk_catalog,
)
from socialwork.records import replace
from tests.strategies import risk_registers, scale5
from tests.support import AWARE


def risk(
    risk_id: str,
    likelihood: int,
    impact: int,
    *,
    residual: tuple[int, int] | None = None,
    review_on: date | None = None,
    status: RiskStatus = RiskStatus.OPEN,
    closed_on: date | None = None,
) -> Risk:
    return Risk(
        id=risk_id,
        title=risk_id,
        category=RiskCategory.FUNDING,
        inherent=RiskScore(likelihood=likelihood, impact=impact),
        residual=None
        if residual is None
        else RiskScore(likelihood=residual[0], impact=residual[1]),
        review_on=review_on,
        status=status,
        closed_on=closed_on,
    )


def test_default_bands_at_their_edges() -> None:
    bands = RatingBands()
    assert [bands.band(r) for r in (1, 5, 6, 12, 13, 25)] == [
        RiskBand.LOW,
        RiskBand.LOW,
        RiskBand.MEDIUM,
        RiskBand.MEDIUM,
        RiskBand.HIGH,
        RiskBand.HIGH,
    ]


def test_bands_are_a_parameter() -> None:
    strict = RiskRegister(risks=(risk("a", 2, 3),), bands=RatingBands(low_max=4, medium_max=8))
    # 2 × 3 = 6: medium by default (6–12), medium under 5–8 as well; 3 × 3 = 9 is high there
    assert strict.ranking()[0].band is RiskBand.MEDIUM
    assert strict.bands.band(9) is RiskBand.HIGH
    with pytest.raises(ValidationError) as info:
        RatingBands(low_max=8, medium_max=8)
    assert info.value.errors()[0]["type"] == "bands_out_of_order"


def test_ranking_of_the_community_plan_risks() -> None:
    # seed 000 community plan, rated by hand:
    # participation 4×3 = 12, funding 3×5 = 15, staff loss 3×4 = 12, emergency 2×5 = 10
    register = RiskRegister(
        risks=(
            risk("participation", 4, 3),
            risk("funding", 3, 5),
            risk("staff", 3, 4),
            risk("emergency", 2, 5),
        )
    )
    ranked = register.ranking()
    # ties (12) go to the higher impact: staff (impact 4) before participation (impact 3)
    assert [(r.risk_id, r.rating) for r in ranked] == [
        ("funding", 15),
        ("staff", 12),
        ("participation", 12),
        ("emergency", 10),
    ]
    assert [r.band for r in ranked] == [
        RiskBand.HIGH,
        RiskBand.MEDIUM,
        RiskBand.MEDIUM,
        RiskBand.MEDIUM,
    ]


def test_current_level_uses_the_residual_when_rated() -> None:
    register = RiskRegister(risks=(risk("funding", 3, 5, residual=(2, 3)), risk("staff", 3, 4)))
    # residual 2×3 = 6 puts funding below staff (12)
    assert [r.risk_id for r in register.ranking()] == ["staff", "funding"]
    assert [r.risk_id for r in register.ranking(ScoreLevel.INHERENT)] == ["funding", "staff"]
    assert [r.risk_id for r in register.ranking(ScoreLevel.RESIDUAL)] == ["funding"]
    heat = register.heat_map(ScoreLevel.RESIDUAL)
    assert heat.at(2, 3) == ("funding",)
    assert heat.unrated == ("staff",)


def test_heat_map_by_hand() -> None:
    register = RiskRegister(risks=(risk("a", 4, 3), risk("b", 4, 3), risk("c", 1, 5)))
    heat = register.heat_map()
    assert heat.at(4, 3) == ("a", "b")
    assert heat.count(1, 5) == 1
    assert heat.count(5, 1) == 0
    assert heat.total == 3
    assert len(heat.cells) == 5
    assert all(len(row) == 5 for row in heat.cells)


def test_residual_above_inherent_needs_an_explanation() -> None:
    with pytest.raises(ValidationError) as info:
        risk("x", 2, 2, residual=(3, 3))
    error = info.value.errors()[0]
    assert (error["type"], error["loc"]) == ("residual_above_inherent", ("residual_explanation",))
    explained = Risk(
        id="x",
        title="x",
        category=RiskCategory.SAFETY,
        inherent=RiskScore(likelihood=2, impact=2),
        residual=RiskScore(likelihood=3, impact=3),
        residual_explanation="户外活动增加了意外风险",
    )
    assert explained.current.rating == 9


def test_overdue_reviews_as_of_a_date() -> None:
    register = RiskRegister(
        risks=(
            risk("late", 2, 2, review_on=date(2025, 6, 1)),
            risk("today", 2, 2, review_on=date(2025, 6, 15)),
            risk(
                "closed",
                2,
                2,
                review_on=date(2025, 1, 1),
                status=RiskStatus.CLOSED,
                closed_on=date(2025, 3, 1),
            ),
            risk("unset", 2, 2),
        )
    )
    assert register.overdue_reviews(as_of=date(2025, 6, 15)) == ("late",)
    # on 1 February "closed" was still open, and its 1 January review was late
    assert register.overdue_reviews(as_of=date(2025, 2, 1)) == ("closed",)
    # on 1 March it was closed that very day: no longer open, so not overdue
    assert register.overdue_reviews(as_of=date(2025, 3, 1)) == ()


def test_risk_ids_are_distinct() -> None:
    with pytest.raises(ValidationError) as info:
        RiskRegister(risks=(risk("a", 1, 1), risk("a", 2, 2)))
    assert info.value.errors()[0]["type"] == "duplicate_id"


def test_treatments_are_the_seven_iso_31000_options() -> None:
    assert [t.value for t in RiskTreatment] == [
        "avoid",
        "take",
        "remove_source",
        "change_likelihood",
        "change_consequence",
        "share",
        "retain",
    ]


@pytest.mark.parametrize("kind", list(PlanKind))
def test_every_kind_of_plan_has_a_bilingual_catalogue(kind: PlanKind) -> None:
    catalogue = risk_catalog(kind)
    assert len(catalogue) >= 5
    for entry in catalogue:
        assert entry.title.zh
        assert entry.title.en
        assert entry.responses
    assert len({entry.title.en for entry in catalogue}) == len(catalogue)


def test_the_youth_catalogue_has_the_crisis_risk() -> None:
    titles = [r.title.text() for r in risk_catalog(PlanKind.YOUTH)]
    assert "危机事件(自伤、他伤)" in titles
    assert "家长不理解或不配合" in titles


@settings(max_examples=50)
@given(risk_registers, st.sampled_from(ScoreLevel))
def test_a_heat_map_counts_each_risk_once(register: RiskRegister, level: ScoreLevel) -> None:
    heat = register.heat_map(level)
    placed = [risk_id for row in heat.cells for cell in row for risk_id in cell]
    assert sorted(placed + list(heat.unrated)) == sorted(r.id for r in register.risks)
    assert heat.total == len(placed) == len(register.ranking(level))


@settings(max_examples=50)
@given(scale5, scale5, scale5, scale5)
def test_the_rating_never_falls_when_likelihood_or_impact_rises(
    likelihood: int, impact: int, more_likelihood: int, more_impact: int
) -> None:
    low = RiskScore(likelihood=min(likelihood, more_likelihood), impact=min(impact, more_impact))
    high = RiskScore(likelihood=max(likelihood, more_likelihood), impact=max(impact, more_impact))
    assert low.rating <= high.rating
    order = list(RiskBand)
    bands = RatingBands()
    assert order.index(bands.band(low.rating)) <= order.index(bands.band(high.rating))


@settings(max_examples=50)
@given(risk_registers)
def test_ranking_is_sorted_and_ignores_input_order(register: RiskRegister) -> None:
    ranked = register.ranking()
    assert [r.rating for r in ranked] == sorted((r.rating for r in ranked), reverse=True)
    reversed_register = replace(register, risks=tuple(reversed(register.risks)))
    assert reversed_register.ranking() == ranked


def test_a_register_shows_a_typed_title_as_text() -> None:
    hostile = Risk(
        id="x|y",
        title="<script>alert(1)</script> | 资金*中断*",
        category=RiskCategory.FUNDING,
        inherent=RiskScore(likelihood=3, impact=5),
    )
    register = RiskRegister(risks=(hostile,))
    page = register.to_html()
    assert "<script>" not in page
    assert "<td>&lt;script&gt;alert(1)&lt;/script&gt; | 资金*中断*</td>" in page
    markdown = register.to_markdown("en")
    row = r"| x\|y | \<script\>alert(1)\</script\> \| 资金\*中断\* | 3 | 5 | 15 | High |"
    assert markdown.splitlines()[-1] == row
    assert row.count(" | ") == 5  # six cells: the typed bar did not split one
    assert "资金*中断*" in register.to_text()  # a terminal shows the text as typed


def test_a_heat_map_shows_typed_ids_as_text() -> None:
    register = RiskRegister(risks=(risk("<b>|1", 4, 3), risk("a_b", 2, 2, residual=(1, 1))))
    heat = register.heat_map()
    assert "<td>&lt;b&gt;|1</td>" in heat.to_html()
    assert "<b>" not in heat.to_html()
    assert r"| 4 | · | · | \<b\>\|1 | · | · |" in heat.to_markdown().splitlines()
    assert r"| 1 | a\_b | · | · | · | · |" in heat.to_markdown().splitlines()


def test_the_heat_map_document_holds_its_chart() -> None:
    register = RiskRegister(risks=(risk("a", 4, 3), risk("b", 4, 3), risk("c", 1, 5)))
    heat = register.heat_map("inherent")
    for language in ("zh", "en", "zh-Hant"):
        document = heat.to_document(language)
        assert document.charts == (heat.chart(language),)
        assert register.to_document(language).charts == (register.heat_map().chart(language),)
    chart = heat.chart("en")
    assert chart.title == "Risk heat map (Inherent)"
    cells = {(v["likelihood"], v["impact"]): v for v in chart.to_dict()["data"]["values"]}
    assert (cells[4, 3]["count"], cells[4, 3]["risks"], cells[4, 3]["rating"]) == (2, "a, b", 12)
    assert (cells[1, 5]["count"], cells[1, 5]["rating"]) == (1, 5)
    assert sum(v["count"] for v in cells.values()) == 3
    assert heat.chart("zh").title == "风险热力图 (固有风险)"
    page = heat.to_document().to_html_page("风险热力图")
    assert page.count('<div class="sw-chart"') == 1


def test_the_heat_map_and_register_read_in_every_language() -> None:
    register = RiskRegister(risks=(risk("a", 4, 3), risk("b", 2, 2, residual=(1, 1))))
    heat = register.heat_map("residual")
    assert heat.to_markdown("en").splitlines()[0] == "## Risk heat map (Residual)"
    assert heat.to_markdown("en").splitlines()[2] == r"| Likelihood \\ impact | 1 | 2 | 3 | 4 | 5 |"
    assert heat.to_markdown().splitlines()[2] == r"| 可能性 \\ 影响 | 1 | 2 | 3 | 4 | 5 |"
    assert heat.to_markdown("zh-Hant").splitlines()[2] == r"| 可能性 \\ 影響 | 1 | 2 | 3 | 4 | 5 |"
    assert heat.to_markdown("en").splitlines()[-1] == "Not rated: a"
    assert heat.to_text("zh-Hant").splitlines()[-1] == "未評分: a"
    assert register.to_markdown("zh-Hant").splitlines()[0] == "## 風險登記冊(按當前評分排序)"
    assert register.to_markdown("zh-Hant").splitlines()[2] == (
        "| id | 風險 | 可能性 | 影響 | 評分 | 等級 |"
    )
    assert register.to_markdown("en").splitlines()[2] == (
        "| id | Risk | Likelihood | Impact | Rating | Band |"
    )


def test_heat_map_rows_by_hand() -> None:
    register = RiskRegister(risks=(risk("a", 4, 3), risk("b", 4, 3), risk("c", 1, 5)))
    rows = register.heat_map("inherent").to_rows()
    assert len(rows) == 25
    # likelihood 5 first, impact 1..5 within it: (4, 3) is row 5 + 2 = 7, (1, 5) the last
    assert [(r["likelihood"], r["impact"]) for r in rows[:6]] == [
        (5, 1),
        (5, 2),
        (5, 3),
        (5, 4),
        (5, 5),
        (4, 1),
    ]
    assert rows[7] == {
        "level": "inherent",
        "likelihood": 4,
        "impact": 3,
        "count": 2,
        "risks": "a;b",
    }
    assert rows[24] == {"level": "inherent", "likelihood": 1, "impact": 5, "count": 1, "risks": "c"}
    assert sum(r["count"] for r in rows) == 3
    assert [r for r in rows if r["count"]] == [rows[7], rows[24]]


def test_register_rows_follow_the_ranking() -> None:
    register = RiskRegister(
        risks=(risk("a", 2, 2), risk("b", 4, 3, residual=(2, 3)), risk("c", 3, 5), risk("d", 3, 4))
    )
    # current ratings: a 2×2 = 4 (low), b residual 2×3 = 6 (medium), c 3×5 = 15 (high),
    # d 3×4 = 12 (medium)
    assert register.to_rows() == [
        {"id": "c", "title": "c", "likelihood": 3, "impact": 5, "rating": 15, "band": "high"},
        {"id": "d", "title": "d", "likelihood": 3, "impact": 4, "rating": 12, "band": "medium"},
        {"id": "b", "title": "b", "likelihood": 2, "impact": 3, "rating": 6, "band": "medium"},
        {"id": "a", "title": "a", "likelihood": 2, "impact": 2, "rating": 4, "band": "low"},
    ]
    assert RiskRegister().to_rows() == []


def test_heat_map_rows_are_the_rows_of_its_frame() -> None:
    pytest.importorskip("polars")
    from socialwork.frames import to_frame

    heat = RiskRegister(risks=(risk("a", 4, 3), risk("b", 4, 3))).heat_map()
    assert to_frame(heat).to_dicts() == heat.to_rows()


@pytest.mark.parametrize(
    ("call", "parameter"),
    [
        (lambda: risk_catalog("nonsense"), "kind"),
        (lambda: plan_template("elderly"), "kind"),
        (lambda: practice_model("casework"), "model"),
        (lambda: RiskRegister().ranking("bogus"), "level"),
        (lambda: RiskRegister().heat_map("bogus"), "level"),
        (lambda: swot([]).slot("xy"), "slot"),
    ],
    ids=["risk_catalog", "plan_template", "practice_model", "ranking", "heat_map", "slot"],
)
def test_an_unknown_code_lists_the_codes(call: Any, parameter: str) -> None:
    with pytest.raises(UnknownCodeError) as info:
        call()
    assert info.value.parameter == parameter
    assert info.value.allowed
    assert all(code in str(info.value) for code in info.value.allowed)


def test_a_risk_is_scored_and_rated_by_level_code() -> None:
    risk = Risk(
        id="r",
        title="资金中断",
        category=RiskCategory.FUNDING,
        inherent=RiskScore(likelihood=3, impact=5),
        residual=RiskScore(likelihood=2, impact=3),
    )
    register = RiskRegister(risks=(risk,))
    assert risk.score("residual") == RiskScore(likelihood=2, impact=3)
    rating = register.rating(risk, "inherent")
    assert rating is not None
    assert (rating.level, rating.rating, rating.band) == (ScoreLevel.INHERENT, 15, RiskBand.HIGH)
    assert register.ranking("target") == ()
    with pytest.raises(UnknownCodeError):
        risk.score("worst")


@pytest.mark.parametrize(
    ("likelihood", "impact"), [(0, 0), (0, 3), (3, 0), (6, 1), (1, 6), (-1, 3), (5, -5)]
)
def test_a_heat_map_cell_is_read_on_its_1_to_5_scales(likelihood: int, impact: int) -> None:
    heat = RiskRegister(
        risks=(
            Risk(
                id="r",
                title="x",
                category=RiskCategory.SAFETY,
                inherent=RiskScore(likelihood=5, impact=5),
            ),
        )
    ).heat_map()
    assert heat.at(5, 5) == ("r",)
    with pytest.raises(ArgumentError) as info:
        heat.at(likelihood, impact)
    assert info.value.parameter == ("likelihood" if not 1 <= likelihood <= 5 else "impact")
    assert "a whole number from 1 to 5" in str(info.value)
    with pytest.raises(ArgumentError):
        heat.count(likelihood, impact)


def test_a_heat_map_has_five_rows_of_five_cells() -> None:
    with pytest.raises(ArgumentError) as info:
        HeatMap(ScoreLevel.CURRENT, (), ())
    assert info.value.parameter == "cells"
    row = ((),) * 5
    with pytest.raises(ArgumentError):
        HeatMap(ScoreLevel.CURRENT, (row,) * 4 + (((),) * 4,), ())
    assert HeatMap(ScoreLevel.CURRENT, (row,) * 5, ()).total == 0


@pytest.mark.parametrize("rating", [0, -3, 26, 100])
def test_a_band_needs_a_rating_of_1_to_25(rating: int) -> None:
    with pytest.raises(ArgumentError) as info:
        RatingBands().band(rating)
    assert info.value.parameter == "rating"
    assert f"from 1 to 25; got {rating}" in str(info.value)


def test_band_edges() -> None:
    bands = RatingBands()
    assert [bands.band(r) for r in (1, 25)] == [RiskBand.LOW, RiskBand.HIGH]
    with pytest.raises(ArgumentError):
        bands.band(True)


@pytest.mark.parametrize("moment", [datetime(2025, 6, 1), AWARE])
def test_a_datetime_is_refused_where_a_date_is_meant(moment: datetime) -> None:
    with pytest.raises(ArgumentError) as info:
        RiskRegister().overdue_reviews(as_of=moment)
    assert info.value.parameter == "as_of"
    with pytest.raises(ArgumentError) as info:
        plan_template("youth").work_plan(id="y", start=moment)
    assert info.value.parameter == "start"
    risk = Risk(
        id="r", title="x", category=RiskCategory.SAFETY, inherent=RiskScore(likelihood=1, impact=1)
    )
    with pytest.raises(ArgumentError):
        risk.open_on(moment)
    with pytest.raises(ArgumentError):
        RiskRegister().overdue_reviews(as_of=date(1899, 12, 31))


def test_overdue_reviews_read_the_closing_date_not_the_current_status() -> None:
    closed = Risk(
        id="funding",
        title="资金不足",
        category=RiskCategory.FUNDING,
        inherent=RiskScore(likelihood=3, impact=5),
        review_on=date(2025, 3, 31),
        status=RiskStatus.CLOSED,
        closed_on=date(2025, 6, 10),
    )
    register = RiskRegister(risks=(closed,))
    # open from the start until 10 June (not included); its review was due 31 March
    assert register.overdue_reviews(as_of=date(2025, 3, 31)) == ()
    assert register.overdue_reviews(as_of=date(2025, 4, 1)) == ("funding",)
    assert register.overdue_reviews(as_of=date(2025, 6, 9)) == ("funding",)
    assert register.overdue_reviews(as_of=date(2025, 6, 10)) == ()


def test_a_closed_risk_carries_its_closing_date_and_only_a_closed_one() -> None:
    base = {
        "id": "r",
        "title": "x",
        "category": "safety",
        "inherent": RiskScore(likelihood=1, impact=1),
    }
    with pytest.raises(ValidationError) as info:
        Risk.model_validate({**base, "status": "closed"})
    assert info.value.errors()[0]["type"] == "closed_without_date"
    with pytest.raises(ValidationError) as info:
        Risk.model_validate({**base, "status": "monitoring", "closed_on": date(2025, 1, 1)})
    assert info.value.errors()[0]["type"] == "closed_on_while_open"
