"""The Splink path: the same comparisons as find_duplicates, trained without labels, on DuckDB."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

pytest.importorskip("splink", reason="the linkage extra (splink, duckdb) is not installed")

from socialwork.errors import ArgumentError
from socialwork.linkage import linkage_rows, splink_duplicates
from socialwork.models import Client


def registry() -> list[Client]:
    names = ["张伟", "李娜", "王芳", "刘洋", "陈静", "杨磊", "赵敏", "黄勇", "周杰", "吴霞"]
    people = [
        Client(
            id=f"p{i:03d}",
            name=names[i % 10] + "abcdefghijklmnopqrstuvwxyz"[i % 26],
            community_id=f"c{i % 7}",
            registered_on=date(2025, 1, 1),
            born_on=date(1940 + i % 60, 1 + i % 12, 1 + i % 28),
            phone=f"138{i:08d}",
        )
        for i in range(300)
    ]
    dups = [
        Client(
            id="d1",
            name=people[5].name,
            community_id="c5",
            registered_on=date(2025, 2, 1),
            born_on=people[5].born_on,
        ),
        Client(
            id="d2",
            name=people[8].name,
            community_id="c1",
            registered_on=date(2025, 2, 1),
            phone=people[8].phone,
        ),
    ]
    return [*people, *dups]


def test_rows_carry_the_normalised_columns() -> None:
    rows = linkage_rows(registry()[:1])
    assert rows[0]["unique_id"] == "p000"
    # 13800000000: the halves 13800 | 000000, each sorted once, and the middle pair.
    assert (rows[0]["phone_swap_a"], rows[0]["phone_swap_b"], rows[0]["phone_swap_c"]) == (
        "a13800|000000",
        "b00138|000000",
        "c1380|00|00000",
    )
    with pytest.raises(ArgumentError):
        linkage_rows([registry()[0], registry()[0]])


def test_splink_on_duckdb_finds_the_planted_duplicates() -> None:
    pairs = splink_duplicates(registry(), threshold=0.9)
    found = {(p.first, p.second) for p in pairs}
    assert {("d1", "p005"), ("d2", "p008")} <= found
    assert all(0.9 <= p.match_probability <= 1 for p in pairs)


@pytest.mark.spark
def test_splink_on_spark(spark: Any) -> None:  # pragma: no cover - opt-in: -m spark
    # the shared session (tests/conftest.py) carries Splink's jar and a checkpoint directory
    import splink

    pairs = splink_duplicates(registry(), db_api=splink.SparkAPI(spark_session=spark))  # type: ignore[no-untyped-call]
    assert ("d1", "p005") in {(p.first, p.second) for p in pairs}


def test_a_table_too_small_to_train_says_so() -> None:
    """The sample's 76 clients share no birth date or phone: a documented error, not Splink's."""
    from socialwork.samples import station_month

    with pytest.raises(ArgumentError, match="enough clients for Splink to train") as err:
        splink_duplicates(station_month().clients)
    assert err.value.parameter == "clients"
