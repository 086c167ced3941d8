"""pre_post: pairs chosen by date under a stated rule, never by id or input order."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialwork.display.document import Heading, Paragraph, Table
from socialwork.errors import ArgumentError, EvaluationInputError, UnknownCodeError
from socialwork.evaluation import PairingRule, PrePost, Unpaired, UnpairedReason, pre_post
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


# Two clients paired, one without a follow-up, one never assessed.
SMALL = [
    a("a1", "p1", date(2025, 3, 1), 9),
    a("a2", "p1", date(2025, 6, 30), 4),
    a("a3", "p2", date(2025, 3, 2), 7),
    a("a4", "p2", date(2025, 7, 1), 8),
    a("a5", "p3", date(2025, 3, 1), 6),
]
SMALL_START, SMALL_END = date(2025, 3, 3), date(2025, 6, 27)


def small() -> PrePost:
    return pre_post(SMALL, "gds15", start=SMALL_START, end=SMALL_END, clients=["p4", "p1"])


def slope_chart(title: str, pre: str, post: str, total: str) -> dict[str, Any]:
    return {
        "title": title,
        "data": {
            "values": [
                {"client": "p1", "when": pre, "total": 9.0},
                {"client": "p1", "when": post, "total": 4.0},
                {"client": "p2", "when": pre, "total": 7.0},
                {"client": "p2", "when": post, "total": 8.0},
            ]
        },
        "mark": {"type": "line", "point": True, "opacity": 0.6},
        "encoding": {
            "x": {"field": "when", "type": "ordinal", "sort": [pre, post], "title": None},
            "y": {"field": "total", "type": "quantitative", "title": total},
            "detail": {"field": "client", "type": "nominal"},
            "tooltip": [
                {"field": "client", "type": "nominal"},
                {"field": "total", "type": "quantitative"},
            ],
        },
        "width": 240,
    }


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("zh", slope_chart("gds15: 前测与后测", "前测", "后测", "总分")),
        ("en", slope_chart("gds15: baseline and follow-up", "Baseline", "Follow-up", "Total")),
        ("zh-Hant", slope_chart("gds15: 前測與後測", "前測", "後測", "總分")),
    ],
)
def test_the_slope_chart_joins_each_clients_two_totals(
    language: str, expected: dict[str, Any]
) -> None:
    spec = small().chart(language).to_dict()
    # numbers are written the Chinese way (a locale) except in English
    assert ("locale" in spec.pop("config")) is (language != "en")
    del spec["$schema"]
    assert spec == expected


def test_the_slope_chart_is_in_simplified_chinese_by_default() -> None:
    assert small().chart() == small().chart("zh-Hans")


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "zh",
            (
                Heading("gds15 前后测配对"),
                Paragraph(
                    "2025-03-03 – 2025-06-27 · "
                    "服务开始前(含当天)最后一次为前测, 服务结束后(含当天)第一次为后测",
                    note=True,
                ),
                Table(("客户", "人数"), (("配对", "2"), ("未施测该量表", "1"), ("缺少后测", "1"))),
            ),
        ),
        (
            "en",
            (
                Heading("Pre/post pairs on gds15"),
                Paragraph(
                    "2025-03-03 – 2025-06-27 · Baseline: the last on or before the start; "
                    "follow-up: the first on or after the end",
                    note=True,
                ),
                Table(
                    ("Clients", "Count"),
                    (("Paired", "2"), ("Never given the scale", "1"), ("No follow-up", "1")),
                ),
            ),
        ),
        (
            "zh-Hant",
            (
                Heading("gds15 前後測配對"),
                Paragraph(
                    "2025-03-03 – 2025-06-27 · "
                    "服務開始前(含當天)最後一次爲前測, 服務結束後(含當天)第一次爲後測",
                    note=True,
                ),
                Table(("客戶", "人數"), (("配對", "2"), ("未施測該量表", "1"), ("缺少後測", "1"))),
            ),
        ),
    ],
)
def test_the_pairing_reads_in_each_language(
    language: str, expected: tuple[Heading | Paragraph | Table, ...]
) -> None:
    document = small().to_document(language)
    assert document.blocks == (*expected, small().chart(language))


def test_the_pairing_is_in_simplified_chinese_by_default() -> None:
    assert small().to_document() == small().to_document("zh-Hans")


def test_a_pairing_without_pairs_has_no_chart_and_lists_reasons_in_their_order() -> None:
    given_ = [
        a("x1", "q1", date(2025, 4, 1), 3),  # during the service: no baseline
        a("x2", "q2", date(2025, 3, 1), 3),
        a("x3", "q2", date(2025, 3, 1), 4),  # two on the baseline day
        a("x4", "q2", date(2025, 7, 1), 4),
    ]
    pp = pre_post(given_, "gds15", start=SMALL_START, end=SMALL_END, rule="outermost")
    document = pp.to_document("en")
    assert document.charts == ()
    assert document.blocks[1] == Paragraph(
        "2025-03-03 – 2025-06-27 · Baseline: the first on or before the start; "
        "follow-up: the last on or after the end",
        note=True,
    )
    assert document.blocks[2] == Table(
        ("Clients", "Count"),
        (("Paired", "0"), ("No baseline", "1"), ("Two administrations on the chosen day", "1")),
    )


def test_one_row_per_client_paired_or_not() -> None:
    assert small().to_rows() == [
        {
            "client_id": "p1",
            "scale": "gds15",
            "baseline_on": date(2025, 3, 1),
            "before": 9.0,
            "follow_up_on": date(2025, 6, 30),
            "after": 4.0,
            "change": -5.0,
            "unpaired": None,
        },
        {
            "client_id": "p2",
            "scale": "gds15",
            "baseline_on": date(2025, 3, 2),
            "before": 7.0,
            "follow_up_on": date(2025, 7, 1),
            "after": 8.0,
            "change": 1.0,
            "unpaired": None,
        },
        {
            "client_id": "p3",
            "scale": "gds15",
            "baseline_on": None,
            "before": None,
            "follow_up_on": None,
            "after": None,
            "change": None,
            "unpaired": "no_follow_up",
        },
        {
            "client_id": "p4",
            "scale": "gds15",
            "baseline_on": None,
            "before": None,
            "follow_up_on": None,
            "after": None,
            "change": None,
            "unpaired": "not_assessed",
        },
    ]


def test_pairs_read_their_totals_and_the_unpaired_are_counted_by_reason() -> None:
    pp = small()
    p1 = pp.pairs[0]
    assert (p1.before, p1.after, p1.change) == (9.0, 4.0, -5.0)
    assert pp.before == (9.0, 7.0)
    assert pp.after == (4.0, 8.0)
    twice = pre_post(SMALL, "gds15", start=SMALL_START, end=SMALL_END, clients=["p4", "p5"])
    assert twice.unpaired_counts()[UnpairedReason.NOT_ASSESSED] == 2
    assert pp.unpaired_counts() == {
        UnpairedReason.NOT_ASSESSED: 1,
        UnpairedReason.NO_BASELINE: 0,
        UnpairedReason.NO_FOLLOW_UP: 1,
        UnpairedReason.SAME_DAY: 0,
    }
    assert (pp.start, pp.end, pp.scale.code) == (SMALL_START, SMALL_END, "gds15")


def test_an_unpaired_reason_is_a_member_or_its_code() -> None:
    assert Unpaired("p1", "same_day").reason is UnpairedReason.SAME_DAY
    with pytest.raises(UnknownCodeError) as caught:
        Unpaired("p1", "gone")
    assert caught.value.parameter == "reason"


def test_nearest_breaks_ties_towards_the_earlier_baseline_and_the_later_follow_up() -> None:
    given_ = [
        a("e", "p1", date(2025, 3, 8), 10),  # 2 days before the 10th
        a("l", "p1", date(2025, 3, 12), 11),  # 2 days after: the earlier wins
        a("f1", "p1", date(2025, 6, 25), 5),  # 5 days before the 30th
        a("f2", "p1", date(2025, 7, 5), 6),  # 5 days after: the later wins
        a("g", "p1", date(2025, 7, 20), 7),
    ]
    pp = pre_post(given_, "gds15", start=date(2025, 3, 10), end=date(2025, 6, 30), rule="nearest")
    assert (pp.pairs[0].baseline.id, pp.pairs[0].follow_up.id) == ("e", "f2")
    assert pp.rule is PairingRule.NEAREST


def test_nearest_with_nothing_after_the_baseline_has_no_follow_up() -> None:
    given_ = [a("e", "p1", date(2025, 3, 8), 10), a("f", "p1", date(2025, 2, 8), 10)]
    pp = pre_post(given_, "gds15", start=date(2025, 3, 10), end=date(2025, 6, 30), rule="nearest")
    assert [(u.client_id, u.reason) for u in pp.unpaired] == [("p1", UnpairedReason.NO_FOLLOW_UP)]


def test_a_one_day_service_needs_a_follow_up_after_its_day() -> None:
    day = date(2025, 3, 10)
    only_that_day = [
        a("b", "p1", day, 10),
        a("c", "p2", day, 5),
        a("d", "p2", date(2025, 3, 11), 3),
    ]
    pp = pre_post(only_that_day, "gds15", start=day, end=day)
    assert [p.client_id for p in pp.pairs] == ["p2"]
    assert [(u.client_id, u.reason) for u in pp.unpaired] == [("p1", UnpairedReason.NO_FOLLOW_UP)]
    # the start day itself counts as before the service; the end day as after it
    pp = pre_post([a("b", "p1", START, 10), a("c", "p1", END, 5)], "gds15", start=START, end=END)
    assert [(p.baseline.id, p.follow_up.id) for p in pp.pairs] == [("b", "c")]


def test_two_follow_ups_on_the_chosen_day_leave_the_client_unpaired() -> None:
    given_ = [
        a("b", "p1", date(2025, 3, 1), 10),
        a("c", "p1", date(2025, 6, 1), 5),
        a("d", "p1", date(2025, 6, 1), 6),
    ]
    pp = pre_post(given_, "gds15", start=START, end=END)
    assert [(u.client_id, u.reason) for u in pp.unpaired] == [("p1", UnpairedReason.SAME_DAY)]


def test_refusals_say_what_was_expected() -> None:
    with pytest.raises(EvaluationInputError) as caught:
        pre_post(GIVEN, "gds15", start=END, end=START)
    assert (caught.value.value, caught.value.expected) == (START, f"an end on or after {END}")
    with pytest.raises(EvaluationInputError) as caught:
        pre_post([GIVEN[0], GIVEN[0]], "gds15", start=START, end=END)
    assert (caught.value.value, caught.value.expected) == ("z", "distinct ids")
    with pytest.raises(ArgumentError) as bad:
        pre_post(GIVEN, "gds15", start=datetime(2025, 3, 4, 9), end=END)
    assert bad.value.parameter == "start"
    with pytest.raises(ArgumentError) as bad:
        pre_post(GIVEN, "gds15", start=START, end=datetime(2025, 6, 4, 9))
    assert bad.value.parameter == "end"
    with pytest.raises(UnknownCodeError) as unknown:
        pre_post(GIVEN, "gds15", start=START, end=END, rule="latest")
    assert unknown.value.parameter == "rule"
    with pytest.raises(TypeError, match=r"^administrations\[0\] must be"):
        pre_post([1], "gds15", start=START, end=END)  # type: ignore[list-item]
    with pytest.raises(TypeError, match=r"^clients must be a str"):
        pre_post(GIVEN, "gds15", start=START, end=END, clients=[1])  # type: ignore[list-item]
