"""reliable_change: Jacobson and Truax's index, cut-offs a, b, c and the classes."""

from __future__ import annotations

import math
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialwork.errors import ArgumentError, EvaluationInputError
from socialwork.evaluation import (
    ChangeClass,
    CutoffCriterion,
    PrePost,
    clinical_cutoff,
    pre_post,
    reliable_change,
    reliable_improvement_rate,
)
from socialwork.evaluation.reliable import RC_CRITICAL
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
