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
from socialwork.evaluation import PairingRule, pre_post, reliable_change
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
    with pytest.raises(EvaluationInputError):
        frame_pre_post(twice, "gds15", start=date(2025, 1, 1), end=date(2025, 2, 1))
