"""Nothing lost: a station's records go to frames and come back equal to themselves."""

from __future__ import annotations

from typing import Any

import narwhals as nw
import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialwork.errors import FrameContractError
from socialwork.frames import KINDS, StationFrames, contract, from_records, to_records
from socialwork.frames.contracts import CHILDREN
from socialwork.frames.convert import _DTYPES
from socialwork.models import Case, Client, StationRecords
from socialwork.team import RosterEntry
from tests.frames.support import JUNE, SETTINGS
from tests.strategies import cases, roster_entries, station_records, unique_by_id

BACKENDS = ("polars", "pandas")
CASE_CHILDREN = tuple(k for k, n in CHILDREN.items() if n.owner == "cases")


@SETTINGS
@given(records=station_records(), backend=st.sampled_from(BACKENDS))
def test_a_station_goes_to_frames_and_back_equal_to_itself(
    records: StationRecords, backend: str
) -> None:
    assert StationFrames.from_records(records, backend=backend).to_records() == records


@SETTINGS
@given(records=unique_by_id(cases(), max_size=3), backend=st.sampled_from(BACKENDS))
def test_cases_keep_assessments_referrals_goals_and_history(
    records: tuple[Case, ...], backend: str
) -> None:
    tables = {k: from_records(records, kind=k, backend=backend) for k in CASE_CHILDREN}
    frame = from_records(records, kind="cases", backend=backend)
    assert to_records(frame, "cases", children=tables) == records


@SETTINGS
@given(entries=unique_by_id(roster_entries(), max_size=3), backend=st.sampled_from(BACKENDS))
def test_a_roster_keeps_its_recurrences(entries: tuple[RosterEntry, ...], backend: str) -> None:
    frame = from_records(entries, kind="supervision_roster", backend=backend)
    assert to_records(frame, "supervision_roster") == entries


def test_the_june_clients_keep_their_152_consents() -> None:
    # 76 clients of the sample, each with a consent to services and one to information sharing
    clients = to_records(
        from_records(JUNE.clients),
        "clients",
        children={"client_consents": from_records(JUNE.clients, kind="client_consents")},
    )
    assert sum(len(c.consents) for c in clients if isinstance(c, Client)) == 152
    assert clients == JUNE.clients


def test_a_guardians_consent_goes_to_the_guardian() -> None:
    frames: dict[str, dict[str, list[str | None]]] = {
        "clients": {"id": ["p1"], "name": ["小明"], "community_id": ["c1"],
                    "registered_on": ["2025-03-02"], "born_on": ["2015-01-01"]},
        "client_guardians": {"client_id": ["p1"], "id": ["g1"], "name": ["王女士"],
                             "relationship": ["母亲"]},
        "client_consents": {"client_id": ["p1", "p1"], "guardian_id": ["g1", None],
                            "id": ["k1", "k2"], "scope": ["information_sharing", "services"],
                            "given_on": ["2025-03-02", "2025-03-02"]},
    }  # fmt: skip
    tables = {k: nw.from_dict(v, backend="polars").to_native() for k, v in frames.items()}
    (client,) = to_records(
        tables["clients"],
        "clients",
        children={k: tables[k] for k in ("client_guardians", "client_consents")},
    )
    assert isinstance(client, Client)
    assert [c.id for c in client.consents] == ["k2"]
    assert [c.id for c in client.guardians[0].consents] == ["k1"]


def test_a_consent_of_an_unknown_guardian_is_refused() -> None:
    import polars as pl

    clients = from_records(JUNE.clients[:1])
    consents = pl.DataFrame(
        {"client_id": [JUNE.clients[0].id], "guardian_id": ["nobody"], "id": ["k9"],
         "scope": ["services"], "given_on": ["2025-03-02"]}
    )  # fmt: skip
    with pytest.raises(FrameContractError) as caught:
        to_records(clients, "clients", children={"client_consents": consents})
    assert [(p.column, p.rule) for p in caught.value.problems] == [
        ("guardian_id", "unknown_reference")
    ]


@pytest.mark.parametrize("backend", ["polars", "pandas", "pyarrow"])
@pytest.mark.parametrize("kind", KINDS)
def test_an_empty_table_keeps_its_types(kind: str, backend: str) -> None:
    frame: Any = nw.from_native(from_records([], kind=kind, backend=backend), eager_only=True)
    spec = contract(kind)
    assert frame.columns == list(spec.names)
    for column in spec.columns:
        dtype = frame.schema[column.name]
        wanted = _DTYPES[column.type]
        if backend == "pandas" and column.type in ("texts", "counts"):
            # pandas keeps lists as objects, which narwhals reads as text when there are none
            assert dtype in (nw.Object, nw.String)
        elif backend == "pandas" and column.type in ("count", "scale5"):
            assert dtype.is_numeric()  # pandas keeps blanks in whole numbers as floats
        elif backend == "pandas" and column.type == "date":
            assert dtype == nw.Datetime  # pandas keeps dates as timestamps
        elif backend == "pandas" and column.type in ("id", "text", "code", "codes"):
            assert dtype in (nw.String, nw.Object)
        else:
            assert dtype == wanted, (column.name, dtype)
    assert to_records(from_records([], kind=kind, backend=backend), kind) == ()
