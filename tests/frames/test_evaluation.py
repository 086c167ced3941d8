"""The frame path of pre/post pairing and reliable change equals the record path."""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb
import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialwork.errors import EvaluationInputError, FrameContractError
from socialwork.evaluation import PairingRule, UnpairedReason, pre_post, reliable_change
from socialwork.frames.evaluation import frame_pre_post, frame_reliable_change
from socialwork.models import ScaleAdministration
from socialwork.samples import MOOD_GROUP_END, MOOD_GROUP_START, mood_group_administrations
from tests.strategies import gds_administrations

SCHEMA = {
    "id": pl.String,
    "client_id": pl.String,
    "scale": pl.String,
    "on": pl.Date,
    "total": pl.Float64,
}


def polars_table(given: tuple[ScaleAdministration, ...]) -> pl.DataFrame:
    rows = [a.model_dump(exclude={"worker_id"}) for a in given]
    return pl.DataFrame(rows, schema=SCHEMA)


def duckdb_table(given: tuple[ScaleAdministration, ...]) -> Any:
    frame = polars_table(given)  # noqa: F841 - DuckDB reads it by name
    return duckdb.sql("select * from frame")


ENGINES = [polars_table, lambda g: polars_table(g).lazy(), duckdb_table]


@pytest.mark.parametrize("engine", ENGINES, ids=["polars", "polars-lazy", "duckdb"])
def test_the_sample_group_on_every_engine(engine: Any) -> None:
    given = mood_group_administrations()
    kwargs: dict[str, Any] = {"start": MOOD_GROUP_START, "end": MOOD_GROUP_END}
    assert frame_pre_post(engine(given), "gds15", **kwargs) == pre_post(given, "gds15", **kwargs)
    rc = frame_reliable_change(engine(given), "gds15", reliability=0.8, sd=3, cutoff=5, **kwargs)
    assert rc == reliable_change(pre_post(given, "gds15", **kwargs), reliability=0.8, sd=3,
                                 cutoff=5)  # fmt: skip


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    gds_administrations(),
    st.sampled_from(list(PairingRule)),
    st.sampled_from(range(len(ENGINES))),
    st.lists(st.sampled_from(["p0", "p3", "p9"]), max_size=2),
)
def test_the_frame_path_equals_the_record_path(
    given_: tuple[ScaleAdministration, ...], rule: PairingRule, engine: int, clients: list[str]
) -> None:
    kwargs: dict[str, Any] = {
        "start": date(2025, 4, 1),
        "end": date(2025, 6, 30),
        "rule": rule,
        "clients": clients,
    }
    records = pre_post(given_, "gds15", **kwargs)
    assert frame_pre_post(ENGINES[engine](given_), "gds15", **kwargs) == records


def test_contract_problems() -> None:
    with pytest.raises(FrameContractError) as caught:
        frame_pre_post(pl.DataFrame({"id": ["a"]}), "gds15", start=date(2025, 1, 1),
                       end=date(2025, 2, 1))  # fmt: skip
    assert {p.column for p in caught.value.problems} == {"client_id", "scale", "on", "total"}
    text = polars_table(mood_group_administrations()).with_columns(pl.col("on").cast(pl.String))
    with pytest.raises(FrameContractError):
        frame_pre_post(text, "gds15", start=date(2025, 1, 1), end=date(2025, 2, 1))
    twice = pl.concat([polars_table(mood_group_administrations())] * 2)
    with pytest.raises(EvaluationInputError) as duplicated:
        frame_pre_post(twice, "gds15", start=date(2025, 1, 1), end=date(2025, 2, 1))
    # 23 administrations twice: 46 rows, 23 distinct ids, so 23 repeated
    assert (duplicated.value.rule, duplicated.value.value) == ("duplicate_administration", 23)
    assert duplicated.value.expected == "distinct ids"
    with pytest.raises(EvaluationInputError) as backwards:
        frame_pre_post(text, "gds15", start=date(2025, 2, 1), end=date(2025, 1, 1))
    assert (backwards.value.rule, backwards.value.value) == ("end_before_start", date(2025, 1, 1))
    assert backwards.value.expected == "an end on or after 2025-02-01"


def test_a_table_a_sheet_gave_is_refused_by_column_and_rule() -> None:
    """Ids kept as numbers, a total written as text and a blank cell: each named, nothing read."""
    sample = polars_table(mood_group_administrations()[:3])
    period: dict[str, Any] = {"start": MOOD_GROUP_START, "end": MOOD_GROUP_END}
    typed = sample.with_columns(pl.lit(7).alias("client_id"), pl.col("total").cast(pl.String))
    with pytest.raises(FrameContractError) as caught:
        frame_pre_post(typed, "gds15", **period)
    assert caught.value.kind == "administrations"
    assert [(p.row, p.column, p.rule, p.value) for p in caught.value.problems] == [
        (None, "client_id", "string_type", "Int32"),
        (None, "total", "float_type", "String"),
    ]
    # the second row (0-based 1) has no client: its sheet row is 3, below the header
    blank = sample.with_columns(
        pl.when(pl.int_range(pl.len()) == 1).then(None).otherwise(pl.col("client_id"))
        .alias("client_id")
    )  # fmt: skip
    with pytest.raises(FrameContractError) as caught:
        frame_reliable_change(blank, "gds15", reliability=0.8, sd=3.0, **period)
    assert caught.value.kind == "administrations"
    (problem,) = caught.value.problems
    assert (problem.row, problem.column, problem.rule) == (1, "client_id", "missing")
    assert problem.record_id == mood_group_administrations()[1].id
    assert problem.sheet_row == 3
    # a lazy table's rows have no order: the problem names the row by its id
    with pytest.raises(FrameContractError) as caught:
        frame_pre_post(blank.lazy(), "gds15", **period)
    (problem,) = caught.value.problems
    assert (problem.row, problem.record_id) == (None, mood_group_administrations()[1].id)


def test_a_pandas_sheet_with_totals_as_text_is_refused() -> None:
    import pandas as pd  # type: ignore[import-untyped]

    sheet = pd.DataFrame(
        {"id": ["a1"], "client_id": ["p1"], "scale": ["gds15"], "on": [date(2025, 3, 3)],
         "total": ["9"]}
    )  # fmt: skip
    sheet["on"] = pd.to_datetime(sheet["on"]).dt.date.astype("date32[pyarrow]")
    with pytest.raises(FrameContractError) as caught:
        frame_pre_post(sheet, "gds15", start=MOOD_GROUP_START, end=MOOD_GROUP_END)
    assert [(p.column, p.rule) for p in caught.value.problems] == [("total", "float_type")]


def test_nearest_breaks_ties_as_the_record_path_says() -> None:
    """Under ``nearest`` a baseline tie goes to the earlier day, a follow-up tie to the later."""

    def given(client: str, *days_and_totals: tuple[date, float]) -> list[ScaleAdministration]:
        return [
            ScaleAdministration(id=f"{client}-{n}", client_id=client, scale="gds15", on=d, total=t)
            for n, (d, t) in enumerate(days_and_totals)
        ]

    rows = (
        # p1: 3 days either side of the start (1 April) and of the end (30 June): both ties
        *given("p1", (date(2025, 3, 29), 10), (date(2025, 4, 4), 12),
               (date(2025, 6, 27), 6), (date(2025, 7, 3), 5)),
        # p1's Barthel index on the start day, which a GDS-15 pairing does not read
        ScaleAdministration(id="p1-b", client_id="p1", scale="barthel", on=date(2025, 4, 1),
                            total=60),
        # p2: 2 days before the start against 4 after; 2 days before the end against 5 after
        *given("p2", (date(2025, 3, 30), 9), (date(2025, 4, 5), 11),
               (date(2025, 6, 28), 7), (date(2025, 7, 5), 3)),
        # p3: 5 days before the start against 1 after; 5 days before the end against 1 after
        *given("p3", (date(2025, 3, 27), 15), (date(2025, 4, 2), 13),
               (date(2025, 6, 25), 8), (date(2025, 7, 1), 6)),
    )  # fmt: skip
    for engine in ENGINES:
        pp = frame_pre_post(
            engine(rows), "gds15", start=date(2025, 4, 1), end=date(2025, 6, 30), rule="nearest"
        )
        assert [p.client_id for p in pp.pairs] == ["p1", "p2", "p3"]
        assert pp.before == (10.0, 9.0, 13.0)
        assert pp.after == (5.0, 7.0, 6.0)


def test_reliable_change_pairs_by_the_rule_it_is_given() -> None:
    """Adjacent pairs the days next to the period, outermost the first and the last."""
    rows = tuple(
        ScaleAdministration(id=f"p1-{n}", client_id="p1", scale="gds15", on=on, total=total)
        for n, (on, total) in enumerate(
            [(date(2025, 3, 1), 14), (date(2025, 3, 29), 10),
             (date(2025, 7, 3), 5), (date(2025, 7, 20), 2)]
        )
    )  # fmt: skip
    period: dict[str, Any] = {"start": date(2025, 4, 1), "end": date(2025, 6, 30)}
    for rule, before, after in (("adjacent", 10, 5), ("outermost", 14, 2)):
        rc = frame_reliable_change(
            polars_table(rows), "gds15", reliability=0.8, sd=3.0, rule=rule, **period
        )
        assert [(c.before, c.after) for c in rc.clients] == [(before, after)]


def test_a_table_without_a_column_names_each_missing_one() -> None:
    without = polars_table(mood_group_administrations()).drop("scale", "total")
    with pytest.raises(FrameContractError) as caught:
        frame_pre_post(without, "gds15", start=MOOD_GROUP_START, end=MOOD_GROUP_END)
    assert caught.value.kind == "administrations"
    assert [(p.row, p.column, p.rule) for p in caught.value.problems] == [
        (None, "scale", "missing_column"),
        (None, "total", "missing_column"),
    ]


def test_each_argument_is_refused_by_its_name() -> None:
    from datetime import datetime

    from socialwork.errors import ArgumentError

    table = polars_table(mood_group_administrations())
    period: dict[str, Any] = {"start": MOOD_GROUP_START, "end": MOOD_GROUP_END}
    at_nine = datetime(2025, 3, 4, 9)
    for name, given_ in (("start", {"start": at_nine}), ("end", {"end": at_nine}),
                         ("rule", {"rule": "closest"})):  # fmt: skip
        with pytest.raises(ArgumentError) as caught:
            frame_pre_post(table, "gds15", **(period | given_))
        assert caught.value.parameter == name
    with pytest.raises(TypeError, match=r"^clients must be a str"):
        frame_pre_post(table, "gds15", clients=[7], **period)  # type: ignore[list-item]


def test_a_period_of_one_day_and_an_empty_table_are_read() -> None:
    """A period may start and end on one day; a table with no rows pairs no one."""
    day = date(2025, 4, 1)
    pp = frame_pre_post(polars_table(mood_group_administrations()), "gds15", start=day, end=day)
    assert (pp.start, pp.end) == (day, day)
    empty = frame_pre_post(polars_table(()), "gds15", start=day, end=day, clients=["p1"])
    assert (empty.pairs, [(u.client_id, u.reason) for u in empty.unpaired]) == (
        (),
        [("p1", UnpairedReason.NOT_ASSESSED)],
    )


def test_the_days_at_the_edges_of_the_period_are_chosen() -> None:
    """A score on the start day is a baseline and one on the end day a follow-up; a score on
    the only day of a one-day period is a baseline with no follow-up after it."""

    def one(client: str, on: date, total: float) -> ScaleAdministration:
        return ScaleAdministration(
            id=f"{client}-{on:%m%d}", client_id=client, scale="gds15", on=on, total=total
        )

    start, end = date(2025, 4, 1), date(2025, 6, 30)
    rows = (
        # e1: on the start day (10) after an older score (12); on the end day (4) before a
        # later one (2): adjacent pairs 10 with 4
        one("e1", date(2025, 3, 20), 12), one("e1", start, 10),
        one("e1", end, 4), one("e1", date(2025, 7, 10), 2),
    )  # fmt: skip
    pp = frame_pre_post(polars_table(rows), "gds15", start=start, end=end)
    assert (pp.before, pp.after) == ((10.0,), (4.0,))
    alone = frame_pre_post(polars_table((one("e2", start, 9),)), "gds15", start=start, end=start)
    assert [(u.client_id, u.reason) for u in alone.unpaired] == [
        ("e2", UnpairedReason.NO_FOLLOW_UP)
    ]


def test_nearest_follows_up_after_an_earlier_baseline() -> None:
    """n1's baseline is the day before the start (nearer than 2 days after), and its only
    later score, 2 days after the start, is its follow-up: 10 then 12."""
    rows = tuple(
        ScaleAdministration(id=f"n1-{n}", client_id="n1", scale="gds15", on=on, total=total)
        for n, (on, total) in enumerate([(date(2025, 3, 31), 10), (date(2025, 4, 3), 12)])
    )
    pp = frame_pre_post(
        polars_table(rows), "gds15", start=date(2025, 4, 1), end=date(2025, 6, 30), rule="nearest"
    )
    assert (pp.before, pp.after) == ((10.0,), (12.0,))
