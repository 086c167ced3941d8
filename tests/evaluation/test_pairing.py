"""pre_post: pairs chosen by date under a stated rule, never by id or input order."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialwork.errors import EvaluationInputError
from socialwork.evaluation import PairingRule, pre_post
from socialwork.models import ScaleAdministration
from socialwork.samples import MOOD_GROUP_END, MOOD_GROUP_START, mood_group_administrations
from tests.strategies import gds_administrations


def a(id: str, client: str, on: date, total: float, scale: str = "gds15") -> ScaleAdministration:
    return ScaleAdministration(id=id, client_id=client, scale=scale, on=on, total=total)


START, END = date(2025, 3, 4), date(2025, 5, 27)
GIVEN = [
    a("z", "p1", date(2025, 2, 1), 12),  # earliest baseline
    a("b", "p1", date(2025, 3, 1), 10),  # last before the start
    a("m", "p1", date(2025, 4, 1), 8),  # during the service: never used
    a("c", "p1", date(2025, 5, 28), 6),  # first after the end
    a("y", "p1", date(2025, 7, 1), 4),  # latest follow-up
    a("q", "p2", date(2025, 4, 2), 9),  # only during: no baseline
    a("r", "p3", date(2025, 3, 1), 7),
    a("s", "p3", date(2025, 3, 1), 8),  # two on the baseline day
    a("t", "p3", date(2025, 6, 1), 5),
    a("u", "p4", date(2025, 3, 1), 5, scale="barthel"),  # another scale
]


def test_adjacent_takes_the_last_before_and_the_first_after() -> None:
    pp = pre_post(GIVEN, "gds15", start=START, end=END, clients=["p1", "p5"])
    assert [(p.client_id, p.baseline.id, p.follow_up.id) for p in pp.pairs] == [("p1", "b", "c")]
    assert [(u.client_id, u.reason.value) for u in pp.unpaired] == [
        ("p2", "no_baseline"),
        ("p3", "same_day"),
        ("p5", "not_assessed"),
    ]


def test_outermost_takes_the_first_before_and_the_last_after() -> None:
    pp = pre_post(GIVEN, "gds15", start=START, end=END, rule="outermost")
    assert (pp.pairs[0].baseline.id, pp.pairs[0].follow_up.id) == ("z", "y")
    assert pp.rule is PairingRule.OUTERMOST


def test_nearest_takes_the_nearest_to_each_date() -> None:
    pp = pre_post(GIVEN, "gds15", start=date(2025, 3, 25), end=date(2025, 6, 20), rule="nearest")
    first = pp.pairs[0]
    assert (first.baseline.id, first.follow_up.id) == ("m", "y")  # 1 Apr; 1 Jul beats 28 May
    assert [(u.client_id, u.reason.value) for u in pp.unpaired] == [
        ("p2", "no_follow_up"),
        ("p3", "same_day"),
    ]


def test_the_order_of_the_input_does_not_matter() -> None:
    forward = pre_post(GIVEN, "gds15", start=START, end=END)
    backward = pre_post(list(reversed(GIVEN)), "gds15", start=START, end=END)
    assert forward == backward


def test_refusals() -> None:
    with pytest.raises(EvaluationInputError) as caught:
        pre_post(GIVEN, "gds15", start=END, end=START)
    assert caught.value.rule == "end_before_start"
    with pytest.raises(EvaluationInputError) as caught:
        pre_post([GIVEN[0], GIVEN[0]], "gds15", start=START, end=END)
    assert caught.value.rule == "duplicate_administration"


def test_the_sample_group_pairs_ten_and_lists_the_one_who_left() -> None:
    pp = pre_post(mood_group_administrations(), "gds15", start=MOOD_GROUP_START, end=MOOD_GROUP_END)
    assert len(pp.pairs) == 10
    assert [(u.client_id, u.reason.value) for u in pp.unpaired] == [("e26", "no_follow_up")]
    assert pp.before == (9, 7, 11, 6, 8, 5, 10, 4, 12, 7)
    assert pp.after == (4, 3, 6, 5, 2, 6, 8, 8, 4, 5)
    assert "缺少后测" in pp.to_text()
    chart = pp.chart("en").to_dict()
    assert len(chart["data"]["values"]) == 20
    assert len(pp.to_rows()) == 11


@given(gds_administrations(), st.sampled_from(list(PairingRule)))
def test_every_client_is_paired_or_listed_once(
    given_: tuple[ScaleAdministration, ...], rule: PairingRule
) -> None:
    pp = pre_post(given_, "gds15", start=date(2025, 4, 1), end=date(2025, 6, 30), rule=rule)
    clients = [p.client_id for p in pp.pairs] + [u.client_id for u in pp.unpaired]
    assert sorted(clients) == sorted({x.client_id for x in given_})
    for p in pp.pairs:
        assert p.baseline.on < p.follow_up.on
        if rule is not PairingRule.NEAREST:
            assert p.baseline.on <= date(2025, 4, 1)
            assert p.follow_up.on >= date(2025, 6, 30)
