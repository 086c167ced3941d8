"""find_duplicates: each kind of duplicate, explanations, determinism."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialwork.errors import ArgumentError
from socialwork.models import Client
from socialwork.privacy import find_duplicates
from tests.strategies import clients

ID = "11010519491231002X"


def c(client_id: str, name: str, **fields: object) -> Client:
    data: dict[str, object] = {
        "id": client_id,
        "name": name,
        "community_id": fields.pop("community_id", "c1"),
        "registered_on": date(2025, 1, 1),
    }
    data.update(fields)
    return Client.model_validate(data)


def only_pair(*records: Client) -> tuple[float, tuple[str, ...], tuple[str, ...]]:
    found = find_duplicates(records)
    assert len(found.pairs) == 1, found.pairs
    pair = found.pairs[0]
    return pair.score, tuple(a.field for a in pair.agreements), pair.blocks


def test_same_id_number_wins_over_a_different_name() -> None:
    score, fields, blocks = only_pair(c("a", "王丽", id_number=ID), c("b", "李四", id_number=ID))
    # +10 same ID, -5 different names, +3 the birth date in the number, +0.5 same community
    assert score == 8.5
    assert fields == ("id_number", "name", "born_on", "community_id")
    assert blocks == ("id",)


def test_homophone_names_with_the_same_birth_date() -> None:
    born = date(1950, 3, 2)
    score, _, blocks = only_pair(c("a", "王丽", born_on=born), c("b", "王莉", born_on=born))
    assert score == 3 + 3 + 0.5
    assert set(blocks) == {"pinyin+year", "initials+born"}


def test_traditional_full_width_and_spaces_fold_to_the_same_name() -> None:
    born = date(1950, 3, 2)
    found = find_duplicates(
        [
            c("a", "王丽华", born_on=born),
            c("b", "王麗華", born_on=born, community_id="c2"),
            c("c", "王\u3000丽 华", born_on=born, community_id="c3"),
        ]
    )
    assert [(p.first, p.second, p.score) for p in found.pairs] == [
        ("a", "b", 7.0),
        ("a", "c", 7.0),
        ("b", "c", 7.0),
    ]
    assert found.pairs[0].reasons[0] == "names equal after normalisation (繁简, width, spaces)"


def test_swapped_phone_digits_and_same_phone() -> None:
    score, _, blocks = only_pair(
        c("a", "张伟", phone="13812345678"), c("b", "张伟", phone="13812346578")
    )
    assert score == 4 + 3 + 0.5
    assert blocks == ("phone-digits", "pinyin+year", "name+community")
    score, _, _ = only_pair(
        c("a", "张伟", phone="13812345678"), c("b", "张 伟", phone="13812345678")
    )
    assert score == 4 + 4 + 0.5


def test_people_who_merely_share_a_name_are_not_paired() -> None:
    found = find_duplicates(
        [
            c("a", "张伟", born_on=date(1950, 1, 1), phone="13812345678"),
            c("b", "张伟", born_on=date(1980, 1, 1), phone="13912345678"),
            c("c", "张伟", born_on=date(1950, 1, 2)),
        ]
    )
    assert found.pairs == ()
    # Twins: same birth date, phone and address, different names.
    twins = find_duplicates(
        [
            c("a", "刘大明", born_on=date(2010, 1, 1), phone="13812345678", address="幸福路1号"),
            c("b", "刘小红", born_on=date(2010, 1, 1), phone="13812345678", address="幸福路1号"),
        ]
    )
    assert twins.pairs == ()
    assert twins.compared == 1


def test_threshold_and_arguments() -> None:
    born = date(1950, 3, 2)
    records = [c("a", "王丽", born_on=born), c("b", "王莉", born_on=born)]
    assert find_duplicates(records, threshold=7).pairs == ()
    assert len(find_duplicates(records, threshold=6.5).pairs) == 1
    with pytest.raises(ArgumentError):
        find_duplicates(records, threshold=float("nan"))
    with pytest.raises(ArgumentError):
        find_duplicates([records[0], records[0]])
    with pytest.raises(TypeError):
        find_duplicates(records, threshold="6")  # type: ignore[arg-type]


@settings(max_examples=40)
@given(st.lists(clients(), max_size=8, unique_by=lambda x: x.id), st.randoms())
def test_input_order_does_not_change_the_result(records: list[Client], rnd: object) -> None:
    first = find_duplicates(records)
    shuffled = list(records)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    assert find_duplicates(shuffled) == first
    for pair in first.pairs:
        assert pair.first < pair.second
        assert pair.score == pytest.approx(sum(a.weight for a in pair.agreements))
        assert pair.score >= first.threshold


@settings(max_examples=60)
@given(
    st.text("0123456789", min_size=7, max_size=11),
    st.integers(min_value=0, max_value=9),
)
def test_two_adjacent_digits_swapped_anywhere_are_compared(phone: str, spot: int) -> None:
    i = spot % (len(phone) - 1)
    swapped = phone[:i] + phone[i + 1] + phone[i] + phone[i + 2 :]
    found = find_duplicates(
        [c("a", "张伟", phone=phone), c("b", "李娜", phone=swapped, community_id="c2")],
        threshold=-1000,
    )
    assert found.compared == 1
    codes = {a.code for a in found.pairs[0].agreements}
    assert ("same_phone" if swapped == phone else "swapped_phone_digits") in codes


def test_each_agreement_has_a_code_and_a_label_in_three_languages() -> None:
    born = date(1950, 3, 2)
    found = find_duplicates(
        [
            c("a", "王丽", born_on=born, phone="13812345678", address="幸福路1号3栋"),
            c("b", "王莉", born_on=born, phone="13812346578", address="幸福路1号3栋"),
        ]
    )
    (pair,) = found.pairs
    assert [a.code for a in pair.agreements] == [
        "same_pinyin",
        "same_birth_date",
        "swapped_phone_digits",
        "similar_addresses",
        "same_community",
    ]
    assert [a.label("zh") for a in pair.agreements] == [
        "拼音相同(同音字)",
        "出生日期相同",
        "电话仅相邻两位互换",
        "地址相似 100%",
        "同一社区",
    ]
    assert pair.agreements[3].label("en") == "addresses 100% alike"
    assert pair.agreements[2].label("zh-TW") == "電話僅相鄰兩位互換"


def test_a_pair_displays_what_agreed_with_no_personal_value() -> None:
    wang = c("a", "王丽", phone="13812345678", address="幸福路1号3栋", id_number=ID)
    twin = c("b", "王莉", id_number=ID, phone="13812345678")
    found = find_duplicates([wang, twin])
    (pair,) = found.pairs
    personal = ["王丽", "王莉", "wangli", "13812345678", ID, "1949", "1950", "幸福路"]
    shown = [
        repr(pair),
        repr(found),
        *(repr(a) for a in pair.agreements),
        pair._repr_markdown_(),
        pair._repr_html_(),
        found._repr_markdown_(),
        found._repr_html_(),
        *(pair.to_markdown(lang) for lang in ("en", "zh-Hant")),
        *(found.to_markdown(lang) for lang in ("en", "zh-Hant")),
    ]
    for text in shown:
        for value in personal:
            assert value not in text, (value, text)
    assert (
        repr(pair)
        == "DuplicatePair('a', 'b', score 20.5: id_number, name, born_on, phone, community_id)"
    )
    assert repr(found) == "DuplicateSearch(1 pair among 2 clients, 1 compared)"
    markdown = pair._repr_markdown_()
    assert markdown.startswith("### 疑似重复：a 与 b (得分 20.5)")
    assert "| 身份证号 | +10.0 | 身份证号相同 |" in markdown
    assert "| 姓名 | +3.0 | 拼音相同(同音字) |" in markdown
    assert (
        "发现途径：身份证号、电话、电话相邻两位互换、拼音+出生年份、拼音首字母+出生日期。不显示个人信息。"
        in markdown
    )
    assert "| Name | +3.0 | same pinyin (同音字) |" in pair.to_markdown("en")
    assert "<table>" in pair._repr_html_()
    assert "| a | b | 20.5 | 身份证号、姓名、出生日期、电话、社区 |" in found._repr_markdown_()
    assert "| a | b | 20.5 | ID number, Name, Birth date, Phone, Community |" in found.to_markdown(
        "en"
    )


def test_a_search_lists_twenty_pairs_and_counts_skipped_blocks_by_kind() -> None:
    from socialwork.privacy import DuplicateSearch
    from socialwork.privacy.duplicates import MAX_BLOCK

    records = [c(f"p{k:03d}", "张伟", phone="13812345678") for k in range(8)]
    found = find_duplicates(records)
    assert len(found.pairs) == 28
    markdown = found.to_markdown("en")
    assert "8 clients, 28 pairs compared, threshold 6: 28 possible duplicates." in markdown
    assert "8 more pairs not listed." in markdown
    assert markdown.count("\n| p0") == 20
    big = [c(f"q{k:04d}", f"张{k}", phone="13812345678") for k in range(MAX_BLOCK + 1)]
    crowded = find_duplicates(big)
    assert [b.split(":")[0] for b in crowded.skipped_blocks] == [*["phone-digits"] * 3, "phone"]
    assert "phone:13812345678" in crowded.skipped_blocks
    shown = crowded._repr_markdown_()
    assert f"超过 {MAX_BLOCK} 人的分块未比对：电话相邻两位互换 3、电话 1" in shown
    assert "13812345678" not in shown
    assert "345678" not in shown
    assert repr(DuplicateSearch((), 0, 0, 6.0, ("a:1", "b:2"))).endswith("2 blocks skipped)")
