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
