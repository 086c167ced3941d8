"""Scales as data: the published scoring of GDS-15, Barthel and Rosenberg, and the rules."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from socialwork.errors import EvaluationInputError, ScaleNotLicensed, UnknownCodeError
from socialwork.evaluation import Licence, Scale, ScaleItem, Subscale, scale
from socialwork.evaluation.scales import SCALES
from socialwork.metrics import Direction
from socialwork.models import BilingualText

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
    from datetime import date

    result = scale("barthel").score([10, 5, 5, 10, 10, 10, 10, 15, 15, 10])
    assert "獨立" in result.to_text("zh-Hant")
    assert result.to_rows()[0]["total"] == 100
    assert result.administration(id="a", client_id="p", on=date(2025, 1, 2)).scale == "barthel"
