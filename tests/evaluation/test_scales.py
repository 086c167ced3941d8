"""Scales as data: the published scoring of GDS-15, Barthel and Rosenberg, and the rules."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from socialwork.display.document import Heading, Table
from socialwork.errors import EvaluationInputError, ScaleNotLicensed, UnknownCodeError
from socialwork.evaluation import Band, Licence, Scale, ScaleItem, Subscale, scale
from socialwork.evaluation.scales import SCALES, SubscaleScore, _items, _labelled
from socialwork.metrics import Direction
from socialwork.models import BilingualText, ScaleAdministration

# GDS-15 keyed answers (Sheikh & Yesavage 1986): "no" scores on 1, 5, 7, 11, 13, "yes" elsewhere.
GDS_KEY = [0, 1, 1, 1, 0, 1, 0, 1, 1, 1, 0, 1, 0, 1, 1]


def test_gds15_scores_the_keyed_answers() -> None:
    gds = scale("gds15")
    assert gds.score(GDS_KEY).total == 15
    assert gds.score([1 - a for a in GDS_KEY]).total == 0
    assert gds.score([1] * 15).total == 10  # every "yes": the 5 reversed items score 0
    assert gds.score([0] * 15).total == 5
    assert gds.minimum == 0
    assert gds.maximum == 15


@pytest.mark.parametrize(
    ("total", "band"),
    [(0, "Normal"), (4, "Normal"), (5, "Mild depression"), (8, "Mild depression"),
     (9, "Moderate depression"), (11, "Moderate depression"), (12, "Severe depression"),
     (15, "Severe depression")],
)  # fmt: skip
def test_gds15_bands(total: int, band: str) -> None:
    found = scale("gds15").band(total)
    assert found is not None
    assert found.label.text("en") == band


def test_barthel_sums_the_published_points() -> None:
    barthel = scale("barthel")
    assert barthel.maximum == 100
    # a stroke patient: feeding 5, bathing 0, grooming 5, dressing 5, bowels 10, bladder 5,
    # toilet 5, transfers 10, mobility 10, stairs 0 = 55, severe dependence (21-60)
    result = barthel.score([5, 0, 5, 5, 10, 5, 5, 10, 10, 0])
    assert result.total == 55
    assert result.band is not None
    assert result.band.label.text("en") == "Severe dependence"
    with pytest.raises(EvaluationInputError) as caught:
        barthel.score([5, 0, 5, 5, 10, 5, 5, 10, 10, 15])  # stairs has no 15
    assert caught.value.rule == "answer_not_an_option"


def test_rosenberg_reverses_the_negative_items() -> None:
    rosenberg = scale("rosenberg")
    # "agree" (2) to every item: positives 5 x 2 = 10, negatives reversed 5 x 1 = 5
    assert rosenberg.score([2] * 10).total == 15
    # "disagree" (1) to every item: positives 5 x 1, negatives reversed 5 x 2: also 15
    assert rosenberg.score([1] * 10).total == 15
    assert rosenberg.score([0, 3, 0, 0, 3, 3, 0, 3, 3, 0]).total == 0


@pytest.mark.parametrize("code", ["sdq", "zarit"])
def test_licensed_scales_refuse_to_score_and_say_why(code: str) -> None:
    found = scale(code)
    assert found.licence is Licence.RESTRICTED
    with pytest.raises(ScaleNotLicensed) as caught:
        found.score([0])
    assert caught.value.scale == code
    assert "licence" in str(caught.value)


def test_unknown_scale_lists_the_codes() -> None:
    with pytest.raises(UnknownCodeError) as caught:
        scale("gds30")
    assert "gds15" in caught.value.allowed


def mood() -> Scale:
    return Scale(
        code="mood",
        name=BilingualText.of("情绪", "Mood"),
        items=tuple(ScaleItem(number=i, options=(0, 1, 2, 3)) for i in range(1, 5)),
        subscales=(Subscale(code="a", name=BilingualText.of("甲", "A"), items=(1, 2)),),
        max_missing=1,
        direction=Direction.LOWER_IS_BETTER,
        citation="own",
        licence=Licence.FREE_TO_USE,
    )


def test_prorating_is_stated_and_listed() -> None:
    result = mood().score([3, None, 1, 2])
    assert result.total == pytest.approx(6 * 4 / 3)
    assert result.prorated == (2,)
    assert result.answered == (1, 3, 4)
    assert result.subscales[0].total == 6.0  # item 1 = 3, prorated over its 2 items
    with pytest.raises(EvaluationInputError) as caught:
        mood().score([None, None, 1, 2])
    assert caught.value.rule == "too_many_missing"
    with pytest.raises(EvaluationInputError) as caught:
        mood().score([1, 2])
    assert caught.value.rule == "wrong_item_count"


def test_scale_rules() -> None:
    with pytest.raises(ValidationError, match="scale_without_items"):
        Scale(code="x", name=BilingualText.of("x", "x"), direction=Direction.LOWER_IS_BETTER,
              citation="c", licence=Licence.FREE_TO_USE)  # fmt: skip
    with pytest.raises(ValidationError, match="items_not_numbered"):
        Scale(code="x", name=BilingualText.of("x", "x"), direction=Direction.LOWER_IS_BETTER,
              citation="c", licence=Licence.FREE_TO_USE,
              items=(ScaleItem(number=2, options=(0, 1)),))  # fmt: skip
    with pytest.raises(ValidationError, match="options_not_ascending"):
        ScaleItem(number=1, options=(1, 0))


def test_every_shipped_scale_round_trips_through_json() -> None:
    for found in SCALES.values():
        assert Scale.model_validate_json(found.model_dump_json()) == found


@given(st.lists(st.sampled_from([0, 1, None]), min_size=15, max_size=15))
def test_gds15_total_stays_in_range_or_refuses(answers: list[int | None]) -> None:
    gds = scale("gds15")
    if None in answers:
        with pytest.raises(EvaluationInputError):
            gds.score(answers)
    else:
        assert 0 <= gds.score(answers).total <= 15


def test_a_score_renders_and_becomes_an_administration() -> None:
    result = scale("barthel").score([10, 5, 5, 10, 10, 10, 10, 15, 15, 10])
    assert "獨立" in result.to_text("zh-Hant")
    assert result.to_rows()[0]["total"] == 100
    assert result.administration(id="a", client_id="p", on=date(2025, 1, 2)).scale == "barthel"


def two_missing() -> Scale:
    return Scale(
        code="mood5",
        name=BilingualText.of("情绪五题", "Mood (5 items)"),
        items=tuple(ScaleItem(number=i, options=(0, 1, 2)) for i in range(1, 6)),
        max_missing=2,
        bands=(
            Band(low=3, label=BilingualText.of("偏高", "High", "偏高")),
            Band(low=7, label=BilingualText.of("很高", "Very high", "很高")),
        ),
        direction=Direction.LOWER_IS_BETTER,
        citation="own",
        licence=Licence.FREE_TO_USE,
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "zh",
            (
                Heading("mood 得分"),
                Table(
                    ("项目", "值"),
                    (("总分", "8 (0–12)"), ("分级", "—"), ("a", "6"), ("按比例补足的题目", "2")),
                ),
            ),
        ),
        (
            "en",
            (
                Heading("Score on mood"),
                Table(
                    ("What", "Value"),
                    (("Total", "8 (0–12)"), ("Band", "—"), ("a", "6"), ("Prorated", "2")),
                ),
            ),
        ),
        (
            "zh-Hant",
            (
                Heading("mood 得分"),
                Table(
                    ("項目", "值"),
                    (("總分", "8 (0–12)"), ("分級", "—"), ("a", "6"), ("按比例補足的題目", "2")),
                ),
            ),
        ),
    ],
)
def test_a_score_reads_in_each_language(
    language: str, expected: tuple[Heading | Table, ...]
) -> None:
    # answers 3, -, 1, 2 prorated over 4 items: 6 x 4 / 3 = 8; subscale a: item 1 alone, 3 x 2
    assert mood().score([3, None, 1, 2]).to_document(language).blocks == expected


def test_a_score_reads_in_simplified_chinese_by_default_with_its_band_and_prorated_items() -> None:
    # 2, -, 1, -, 2: 5 x 5 / 3 = 8.33, in the band from 7
    result = two_missing().score([2, None, 1, None, 2])
    assert result.to_document() == result.to_document("zh-Hans")
    table = result.to_document("zh-Hant").blocks[1]
    assert isinstance(table, Table)
    assert table.rows == (
        ("總分", "8.33333 (0–10)"),
        ("分級", "很高"),
        ("按比例補足的題目", "2, 4"),
    )
    table = scale("gds15").score([1] * 15).to_document("zh").blocks[1]
    assert isinstance(table, Table)
    assert table.rows == (("总分", "10 (0–15)"), ("分级", "中度抑郁"), ("按比例补足的题目", "—"))


def test_a_score_is_one_row_with_its_subscales() -> None:
    assert mood().score([3, None, 1, 2]).to_rows() == [
        {"scale": "mood", "total": 8.0, "band": None, "answered": 3, "prorated": 1,
         "subscale_a": 6.0},
    ]  # fmt: skip
    assert two_missing().score([2, None, 1, None, 2]).to_rows() == [
        {"scale": "mood5", "total": pytest.approx(25 / 3), "band": "Very high", "answered": 3,
         "prorated": 2},
    ]  # fmt: skip


def test_the_built_in_scales_are_built_from_numbered_items() -> None:
    assert _items((0, 1), (0, 1, 2), reverse=(2,)) == (
        ScaleItem(number=1, options=(0, 1)),
        ScaleItem(number=2, options=(0, 1, 2), reverse=True),
    )
    assert _items((0, 5)) == (ScaleItem(number=1, options=(0, 5)),)
    assert _labelled(
        [("进食", "Feeding", "進食"), ("洗澡", "Bathing", "洗澡")], [(0, 5, 10), (0, 5)]
    ) == (
        ScaleItem(number=1, options=(0, 5, 10), label=BilingualText.of("进食", "Feeding", "進食")),
        ScaleItem(number=2, options=(0, 5), label=BilingualText.of("洗澡", "Bathing", "洗澡")),
    )
    with pytest.raises(ValueError, match="zip"):
        _labelled([("进食", "Feeding", "進食")], [(0, 5), (0, 5)])


def test_the_barthel_items_carry_their_names() -> None:
    barthel = scale("barthel")
    assert [item.label.text("en") if item.label else None for item in barthel.items] == [
        "Feeding", "Bathing", "Grooming", "Dressing", "Bowels", "Bladder", "Toilet use",
        "Transfers (bed to chair and back)", "Mobility on level surfaces", "Stairs",
    ]  # fmt: skip
    assert [item.options[-1] for item in barthel.items] == [10, 5, 5, 10, 10, 10, 10, 15, 15, 10]
    assert [i.number for i in scale("rosenberg").items if i.reverse] == [2, 5, 6, 8, 9]
    assert [i.number for i in scale("gds15").items if i.reverse] == [1, 5, 7, 11, 13]


def _error(caught: pytest.ExceptionInfo[ValidationError]) -> tuple[str, tuple[str | int, ...], str]:
    (error,) = caught.value.errors()
    return error["type"], error["loc"], error["msg"]


def scale_of(**fields: Any) -> Scale:
    given_: dict[str, Any] = {
        "code": "x",
        "name": BilingualText.of("x", "x"),
        "direction": Direction.LOWER_IS_BETTER,
        "citation": "c",
        "licence": Licence.FREE_TO_USE,
        "items": tuple(ScaleItem(number=i, options=(0, 1, 2)) for i in range(1, 5)),
    }
    return Scale.model_validate(given_ | fields)


def test_each_scale_rule_names_the_field_and_what_arrived() -> None:
    with pytest.raises(ValidationError) as caught:
        ScaleItem(number=1, options=(0, 2, 1))
    assert _error(caught) == (
        "options_not_ascending",
        ("options",),
        "an item's options must be distinct and ascending; got [0, 2, 1]",
    )
    with pytest.raises(ValidationError, match="options_not_ascending"):
        ScaleItem(number=1, options=(0, 0))
    with pytest.raises(ValidationError) as caught:
        scale_of(licence=Licence.RESTRICTED)
    assert _error(caught) == (
        "restricted_scale_items",
        ("items",),
        "a scale whose licence is restricted ships no items; got 4",
    )
    with pytest.raises(ValidationError) as caught:
        scale_of(items=())
    assert _error(caught) == (
        "scale_without_items",
        ("items",),
        "a scale that may be scored needs its items; got none",
    )
    with pytest.raises(ValidationError) as caught:
        scale_of(items=tuple(ScaleItem(number=i, options=(0, 1)) for i in range(2, 24)))
    assert _error(caught) == (
        "items_not_numbered",
        ("items",),
        f"items must be numbered 1, 2, 3, ... in order; got {list(range(2, 22))}",
    )
    with pytest.raises(ValidationError) as caught:
        scale_of(max_missing=4)
    assert _error(caught) == (
        "too_many_missing_allowed",
        ("max_missing",),
        "max_missing must be below the number of items 4; got 4",
    )
    assert scale_of(max_missing=3).max_missing == 3
    sub = Subscale(code="a", name=BilingualText.of("甲", "A"), items=(1, 4))
    with pytest.raises(ValidationError) as caught:
        scale_of(subscales=(sub, sub))
    assert _error(caught)[:2] == ("duplicate_id", ("subscales", 1))
    wide = Subscale(code="b", name=BilingualText.of("乙", "B"), items=(2, 5, 6))
    with pytest.raises(ValidationError) as caught:
        scale_of(subscales=(sub, wide))
    assert _error(caught) == (
        "subscale_item_unknown",
        ("subscales", 1, "items"),
        "a subscale's items must be items of the scale (1 to 4); got [5, 6]",
    )
    bands = tuple(Band(low=low, label=BilingualText.of("b", "b")) for low in (0, 5, 5))
    with pytest.raises(ValidationError) as caught:
        scale_of(bands=bands)
    assert _error(caught) == (
        "bands_not_ascending",
        ("bands",),
        "bands must be given from the lowest score up; got lows [0.0, 5.0, 5.0]",
    )


def test_an_answer_is_one_of_its_items_options_and_a_whole_number() -> None:
    item = ScaleItem(number=3, options=(0, 1))
    for answer in (True, 1.0, 2):
        with pytest.raises(EvaluationInputError) as caught:
            item.points(answer)  # type: ignore[arg-type]
        assert (caught.value.rule, caught.value.value) == ("answer_not_an_option", answer)
        assert caught.value.expected == "one of the options [0, 1] of item 3"
    assert ScaleItem(number=1, options=(1, 2, 3, 4), reverse=True).points(2) == 3


def test_scoring_refusals_say_what_was_expected() -> None:
    unnamed = Scale(
        code="mine",
        name=BilingualText.of("x", "x"),
        direction=Direction.LOWER_IS_BETTER,
        citation="c",
        licence=Licence.RESTRICTED,
    )
    with pytest.raises(ScaleNotLicensed) as refused:
        unnamed.score([])
    assert refused.value.holder == "its rights holder"
    assert scale("sdq").holder == "youthinmind Ltd"
    for answers, kind in (("0123", "str"), ({0, 1, 2, 3}, "set")):
        with pytest.raises(TypeError) as wrong:
            mood().score(answers)  # type: ignore[arg-type]
        assert str(wrong.value) == f"answers must be a sequence; got {kind}"
    with pytest.raises(EvaluationInputError) as caught:
        mood().score([1, 2, 3])
    assert (caught.value.value, caught.value.expected) == (3, "one answer per item (4)")
    with pytest.raises(EvaluationInputError) as caught:
        mood().score([None, 1, None, 2])
    assert (caught.value.value, caught.value.expected) == (2, "at most 1 unanswered items on mood")
    assert mood().score((3, 1, 1, 2)).total == 7


def test_bands_start_at_their_low_and_a_total_below_the_first_has_none() -> None:
    high = two_missing()
    assert high.band(2.9) is None
    assert [high.band(t).label.en for t in (3, 6.9, 7, 10)] == [  # type: ignore[union-attr]
        "High",
        "High",
        "Very high",
        "Very high",
    ]
    assert mood().band(5) is None


def test_a_subscale_with_no_answer_scores_0_and_the_range_is_the_options() -> None:
    sub = Subscale(code="s", name=BilingualText.of("甲", "A"), items=(1, 2))
    mine = scale_of(items=tuple(ScaleItem(number=i, options=(1, 2, 3, 4)) for i in range(1, 6)),
                    subscales=(sub,), max_missing=2)  # fmt: skip
    result = mine.score([None, None, 1, 4, 2])
    assert result.subscales == (SubscaleScore("s", 0.0),)
    assert result.total == pytest.approx(7 * 5 / 3)
    assert (result.minimum, result.maximum) == (5, 20)
    assert (mine.minimum, mine.maximum) == (5, 20)
    assert (result.answered, result.prorated) == ((3, 4, 5), (1, 2))


def test_a_score_becomes_the_administration_of_its_scale() -> None:
    result = scale("barthel").score([10, 5, 5, 10, 10, 10, 10, 15, 15, 10])
    on = date(2025, 1, 2)
    assert result.administration(id="a9", client_id="p7", on=on) == ScaleAdministration(
        id="a9", client_id="p7", scale="barthel", on=on, total=100.0
    )


def test_scale_looks_up_codes_and_passes_scales_through() -> None:
    mine = mood()
    assert scale(mine) is mine
    with pytest.raises(UnknownCodeError) as caught:
        scale("gds30")
    assert (caught.value.parameter, caught.value.value) == ("scale", "gds30")
    assert caught.value.allowed == ("gds15", "barthel", "rosenberg", "sdq", "zarit")
    with pytest.raises(TypeError, match=r"^scale must be a str; got int$"):
        scale(15)  # type: ignore[arg-type]
