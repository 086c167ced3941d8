"""SWOT items, TOWS slots and IFE/EFE scoring, with figures worked by hand."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from socialwork.analysis import (
    SwotItem,
    SwotQuadrant,
    TowsSlot,
    TowsStrategy,
    match_needs,
    prioritise,
    swot,
)
from socialwork.analysis.swot import IFE_EFE_MIDPOINT, SwotMatrix
from socialwork.errors import (
    ArgumentError,
    PlanningInputError,
)
from socialwork.records import replace
from tests.analysis.support import HALVES, need_planning

S, W = SwotQuadrant.STRENGTH, SwotQuadrant.WEAKNESS
OPP, T = SwotQuadrant.OPPORTUNITY, SwotQuadrant.THREAT

# The community of seed 000: a residents' committee and a party-service centre with
# space and volunteers (strengths); few professional workers and low awareness of
# social work (weaknesses); government purchase of services (opportunity); an
# ageing population and sudden events (threats).
ITEMS = (
    SwotItem(id="s1", quadrant=S, statement="有党群服务中心和活动场地", weight=0.20, rating=4),
    SwotItem(id="s2", quadrant=S, statement="有一定的志愿者资源", weight=0.15, rating=3),
    SwotItem(id="w1", quadrant=W, statement="专业社工力量薄弱", weight=0.25, rating=1),
    SwotItem(id="w2", quadrant=W, statement="居民对社工认知度不高", weight=0.40, rating=2),
    SwotItem(id="o1", quadrant=OPP, statement="政府购买服务增加", weight=0.30, rating=4),
    SwotItem(id="o2", quadrant=OPP, statement="爱心企业愿意捐赠", weight=0.20, rating=3),
    SwotItem(id="t1", quadrant=T, statement="老龄化加快", weight=0.35, rating=2),
    SwotItem(id="t2", quadrant=T, statement="突发事件频发", weight=0.15, rating=1),
)


def test_ife_and_efe_totals_by_hand() -> None:
    analysis = swot(ITEMS)
    assert analysis.ife is not None
    assert analysis.efe is not None
    # IFE: 0.20×4 + 0.15×3 + 0.25×1 + 0.40×2 = 0.80 + 0.45 + 0.25 + 0.80 = 2.30
    assert analysis.ife.matrix is SwotMatrix.IFE
    assert analysis.ife.total == pytest.approx(2.30)
    assert not analysis.ife.above_midpoint
    # EFE: 0.30×4 + 0.20×3 + 0.35×2 + 0.15×1 = 1.20 + 0.60 + 0.70 + 0.15 = 2.65
    assert analysis.efe.total == pytest.approx(2.65)
    assert analysis.efe.above_midpoint
    assert dict(analysis.efe.contributions)["t1"] == pytest.approx(0.70)
    assert [i.id for i in analysis.strengths] == ["s1", "s2"]
    assert [i.id for i in analysis.threats] == ["t1", "t2"]


def test_tows_slots_link_items_of_their_quadrants() -> None:
    strategies = (
        TowsStrategy(id="so", slot=TowsSlot.SO, statement="申请购买服务", item_ids=("s1", "o1")),
        TowsStrategy(id="wt", slot=TowsSlot.WT, statement="培训志愿者", item_ids=("w1", "t1")),
    )
    analysis = swot(ITEMS, strategies)
    assert analysis.slot(TowsSlot.SO) == (strategies[0],)
    assert analysis.open_slots == (TowsSlot.ST, TowsSlot.WO)
    assert TowsSlot.WO.quadrants == (W, OPP)


def test_a_link_to_an_item_of_the_wrong_quadrant_is_an_error() -> None:
    wrong = TowsStrategy(id="st", slot=TowsSlot.ST, statement="x", item_ids=("s1", "o1"))
    with pytest.raises(PlanningInputError) as info:
        swot(ITEMS, [wrong])
    assert (info.value.rule, info.value.value) == ("wrong_quadrant", "o1")


def test_a_link_to_an_unknown_item_is_an_error() -> None:
    wrong = TowsStrategy(id="so", slot=TowsSlot.SO, statement="x", item_ids=("s9",))
    with pytest.raises(PlanningInputError, match="unknown_item"):
        swot(ITEMS, [wrong])


def test_weights_must_sum_to_one_per_matrix() -> None:
    heavier = replace(ITEMS[0], weight=0.30)
    with pytest.raises(PlanningInputError) as info:
        swot((heavier, *ITEMS[1:]))
    assert info.value.rule == "weights_not_one"
    assert info.value.value == pytest.approx(1.10)
    # within the tolerance, a rounding error is fine: 0.2005 + 0.15 + 0.25 + 0.40 = 1.0005
    nudged = replace(ITEMS[0], weight=0.2005)
    assert swot((nudged, *ITEMS[1:])).ife is not None


def test_a_matrix_is_scored_wholly_or_not_at_all() -> None:
    unweighted = SwotItem(id="s3", quadrant=S, statement="社区有学校")
    with pytest.raises(PlanningInputError) as info:
        swot((*ITEMS, unweighted))
    assert info.value.rule == "partial_scores"
    assert swot([unweighted]).ife is None


def test_ids_are_distinct() -> None:
    with pytest.raises(PlanningInputError, match="duplicate_id"):
        swot((*ITEMS, ITEMS[0]))


@pytest.mark.parametrize(("quadrant", "rating"), [(S, 2), (W, 3), (OPP, 5), (T, 0), (S, 5), (W, 0)])
def test_ratings_follow_the_quadrant(quadrant: SwotQuadrant, rating: int) -> None:
    with pytest.raises(ValidationError) as info:
        SwotItem(id="x", quadrant=quadrant, statement="x", weight=0.5, rating=rating)
    assert info.value.errors()[0]["type"] in (
        "rating_out_of_range",
        "less_than_equal",
        "greater_than_equal",
    )


def test_rating_out_of_range_names_the_rule() -> None:
    with pytest.raises(ValidationError) as info:
        SwotItem(id="x", quadrant=S, statement="x", weight=0.5, rating=2)
    assert info.value.errors()[0]["type"] == "rating_out_of_range"


def test_weight_and_rating_go_together() -> None:
    with pytest.raises(ValidationError) as info:
        SwotItem(id="x", quadrant=OPP, statement="x", weight=0.5)
    assert info.value.errors()[0]["type"] == "incomplete_score"
    assert info.value.errors()[0]["loc"] == ("rating",)


@st.composite
def scored_matrix(draw: st.DrawFn) -> tuple[SwotItem, ...]:
    size = draw(st.integers(min_value=1, max_value=6))
    raw = draw(st.lists(st.integers(min_value=1, max_value=100), min_size=size, max_size=size))
    weights = [r / sum(raw) for r in raw]
    items = []
    for k, weight in enumerate(weights):
        quadrant = draw(st.sampled_from((S, W)))
        rating = draw(st.sampled_from((3, 4) if quadrant is S else (1, 2)))
        items.append(
            SwotItem(id=f"i{k}", quadrant=quadrant, statement="x", weight=weight, rating=rating)
        )
    return tuple(items)


@settings(max_examples=50)
@given(scored_matrix())
def test_totals_stay_between_one_and_four(items: tuple[SwotItem, ...]) -> None:
    score = swot(items).ife
    assert score is not None
    assert 1.0 - 1e-9 <= score.total <= 4.0 + 1e-9
    assert score.above_midpoint == (score.total > IFE_EFE_MIDPOINT)
    reordered = swot(reversed(items)).ife
    assert reordered is not None
    assert reordered.total == pytest.approx(score.total)


def test_a_swot_shows_typed_text_as_text() -> None:
    items = (
        SwotItem(id="s|1", quadrant=S, statement="<script>alert(1)</script> 有场地"),
        SwotItem(id="o1", quadrant=OPP, statement="购买服务 | 增加 *多*"),
    )
    so = TowsStrategy(
        id="so1", slot=TowsSlot.SO, statement="<i>申报</i> | 项目", item_ids=("s|1", "o1")
    )
    analysis = swot(items, [so])
    page = analysis.to_html()
    assert "<script>" not in page
    assert "<i>" not in page
    assert "<li>&lt;script&gt;alert(1)&lt;/script&gt; 有场地 (s|1)</li>" in page
    assert "<td>&lt;i&gt;申报&lt;/i&gt; | 项目</td>" in page
    lines = analysis.to_markdown("en").splitlines()
    assert r"- \<script\>alert(1)\</script\> 有场地 (s\|1)" in lines
    assert r"- 购买服务 \| 增加 \*多\*" + " (o1)" in lines
    strategy_row = (
        r"| so1 | SO: use strengths to seize opportunities | \<i\>申报\</i\> \| 项目 | s\|1, o1 |"
    )
    assert strategy_row in lines


def test_a_swot_reads_in_every_language() -> None:
    so = TowsStrategy(id="so1", slot=TowsSlot.SO, statement="申报购买服务", item_ids=("s1", "o1"))
    analysis = swot(ITEMS, [so])
    english = analysis.to_markdown("en").splitlines()
    assert english[:6] == [
        "## SWOT",
        "",
        "### Strength",
        "",
        "- 有党群服务中心和活动场地 (s1)",
        "- 有一定的志愿者资源 (s2)",
    ]
    assert english[-8:] == [
        "## TOWS",
        "",
        "| id | Slot | Strategy | Builds on |",
        "|---|---|---|---|",
        "| so1 | SO: use strengths to seize opportunities | 申报购买服务 | s1, o1 |",
        "",
        "- Internal factor evaluation: 2.30",  # 0.80 + 0.45 + 0.25 + 0.80
        "- External factor evaluation: 2.65",  # 1.20 + 0.60 + 0.70 + 0.15
    ]
    simplified = analysis.to_markdown().splitlines()
    assert "### 劣势" in simplified
    assert "| id | 类型 | 策略 | 依据 |" in simplified
    assert "- 内部因素评价矩阵: 2.30" in simplified
    traditional = analysis.to_markdown("zh-Hant").splitlines()
    assert "### 劣勢" in traditional
    assert "| id | 類型 | 策略 | 依據 |" in traditional
    assert "- 外部因素評價矩陣: 2.65" in traditional
    empty = swot([SwotItem(id="w1", quadrant=W, statement="专业社工力量薄弱")])
    assert empty.to_markdown("en").splitlines()[4] == "- none"
    assert empty.to_text().splitlines()[3:7] == ["优势", "----", "", "• 无"]
    assert "<li>無</li>" in empty.to_html("zh-Hant")
    assert "TOWS" not in empty.to_markdown()
    assert empty.to_document().charts == ()


def test_swot_rows_by_hand() -> None:
    unscored = [replace(i, weight=None, rating=None) for i in ITEMS]
    shuffled = (unscored[6], unscored[0], unscored[4], unscored[2], unscored[1])
    assert swot(shuffled).to_rows() == [
        {"quadrant": "strength", "id": "s1", "statement": "有党群服务中心和活动场地"},
        {"quadrant": "strength", "id": "s2", "statement": "有一定的志愿者资源"},
        {"quadrant": "weakness", "id": "w1", "statement": "专业社工力量薄弱"},
        {"quadrant": "opportunity", "id": "o1", "statement": "政府购买服务增加"},
        {"quadrant": "threat", "id": "t1", "statement": "老龄化加快"},
    ]
    assert swot([]).to_rows() == []


@pytest.mark.parametrize("tolerance", [math.nan, math.inf, -math.inf, -0.001, 0.2, 1.0])
def test_the_tolerance_is_finite_and_at_most_a_tenth(tolerance: float) -> None:
    with pytest.raises(ArgumentError) as info:
        swot(HALVES, tolerance=tolerance)
    assert info.value.parameter == "tolerance"


def test_the_tolerance_at_its_edges() -> None:
    # 0.5×4 + 0.5×1 = 2.5 with weights summing exactly to 1: tolerance 0 passes
    score = swot(HALVES, tolerance=0).ife
    assert score is not None
    assert score.total == 2.5
    # 0.55 + 0.5 = 1.05: within 0.1, outside the default 0.001
    heavier = (replace(HALVES[0], weight=0.55), HALVES[1])
    assert swot(heavier, tolerance=0.1).ife is not None
    with pytest.raises(PlanningInputError) as info:
        swot(heavier)
    assert info.value.rule == "weights_not_one"
    assert "items" in str(info.value)
    with pytest.raises(ArgumentError):
        swot(HALVES, tolerance=True)


def test_a_collection_of_the_wrong_records_is_a_type_error() -> None:
    with pytest.raises(TypeError, match=r"items\[0\] must be a SwotItem; got int"):
        swot([1])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="items must be a collection of SwotItem; got str"):
        swot("swot")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"offers\[0\] must be a Offer"):
        match_needs([need_planning("n")], [need_planning("x")])  # type: ignore[list-item]
    with pytest.raises(TypeError, match="weights must be a PriorityWeights"):
        prioritise([need_planning("n")], weights=(0.25, 0.3, 0.3, 0.15))  # type: ignore[arg-type]
