"""Duplicate clients at a city's scale: the comparisons of `find_duplicates` as a Splink model.

Needs the ``linkage`` extra (``pip install 'socialwork[linkage]'``: Splink and
DuckDB) besides the ``privacy`` extra. The model is Fellegi–Sunter, trained
without labels: u probabilities by random sampling, m probabilities by
expectation maximisation. It runs on DuckDB by default; pass a Splink
``SparkAPI`` as ``db_api`` to run it on Spark.

Examples:
    >>> from datetime import date
    >>> from socialwork.models import Client
    >>> from socialwork.linkage import linkage_rows
    >>> linkage_rows([Client(id="p1", name="李大爷", community_id="c1",
    ...                      registered_on=date(2025, 1, 1))])[0]["pinyin"]
    'lidaye'
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from attrs import frozen

from socialwork._arguments import require_finite, require_instances
from socialwork.errors import ArgumentError
from socialwork.models import Client
from socialwork.privacy.duplicates import client_normaliser, phone_swap_keys, privacy_extra

__all__ = ["LinkedPair", "linkage_rows", "linkage_settings", "splink_duplicates"]

_SWAP_COLUMNS = ("phone_swap_a", "phone_swap_b", "phone_swap_c")
"""Three keys of a phone, one of which two phones share when two adjacent digits are swapped."""


@frozen
class LinkedPair:
    """A pair Splink scored: the two client ids (``first`` the smaller) and its probability."""

    first: str
    second: str
    match_probability: float
    match_weight: float


def _splink() -> Any:
    try:
        import splink
    except ImportError as err:  # pragma: no cover - the dev environment has the extra
        raise ImportError(
            "splink_duplicates needs the 'linkage' extra (splink, duckdb): "
            "pip install 'socialwork[linkage]'"
        ) from err
    return splink


def linkage_rows(clients: Iterable[Client]) -> list[dict[str, str | None]]:
    """The clients as rows of normalised columns, the input of the Splink model.

    Examples:
        >>> from datetime import date
        >>> row = linkage_rows([Client(id="p1", name="王 麗", community_id="c1",
        ...                            registered_on=date(2025, 1, 1))])[0]
        >>> row["name"], row["pinyin"], row["born"]
        ('王丽', 'wangli', None)

    Raises:
        ArgumentError: two clients share an id.
        ImportError: the ``privacy`` extra is not installed.
    """
    found = require_instances(Client, clients, "clients")
    _, pypinyin, t2s = privacy_extra()
    normalise = client_normaliser(pypinyin, t2s)
    rows: list[dict[str, str | None]] = []
    seen: set[str] = set()
    for client in found:
        if client.id in seen:
            raise ArgumentError("clients", client.id, "clients with distinct ids")
        seen.add(client.id)
        n = normalise(client)
        swaps = phone_swap_keys(n.phone) if len(n.phone) >= 7 else (None, None, None)
        rows.append(
            {
                "unique_id": client.id,
                "name": n.name or None,
                "pinyin": n.pinyin or None,
                "initials": n.initials or None,
                "born": n.born.isoformat() if n.born else None,
                "birth_year": str(n.born.year) if n.born else None,
                "phone": n.phone or None,
                **dict(zip(_SWAP_COLUMNS, swaps, strict=True)),
                "id_number": n.id_number,
                "address": normalise.text(n.address) or None,
                "community_id": client.community_id,
            }
        )
    return rows


def linkage_settings() -> Any:
    """Splink settings with the comparisons and blocking keys of `find_duplicates`.

    Raises:
        ImportError: the ``linkage`` extra is not installed.
    """
    splink = _splink()
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    name = cl.CustomComparison(
        output_column_name="name",
        comparison_levels=[
            cll.NullLevel("pinyin"),
            cll.ExactMatchLevel("name"),
            cll.ExactMatchLevel("pinyin"),
            cll.JaroWinklerLevel("pinyin", 0.9),
            cll.ElseLevel(),
        ],
    )
    phone = cl.CustomComparison(
        output_column_name="phone",
        comparison_levels=[
            cll.NullLevel("phone"),
            cll.ExactMatchLevel("phone"),
            cll.DamerauLevenshteinLevel("phone", 1),
            cll.ElseLevel(),
        ],
    )
    block_on = splink.block_on
    return splink.SettingsCreator(
        link_type="dedupe_only",
        comparisons=[
            cl.ExactMatch("id_number"),
            name,
            cl.ExactMatch("born"),
            phone,
            cl.JaroWinklerAtThresholds("address", [0.9]),
            cl.ExactMatch("community_id"),
        ],
        blocking_rules_to_generate_predictions=[
            block_on("id_number"),
            block_on("phone"),
            *(block_on(column) for column in _SWAP_COLUMNS),
            block_on("pinyin", "birth_year"),
            block_on("initials", "born"),
            block_on("name", "community_id"),
        ],
        retain_intermediate_calculation_columns=False,
    )


def splink_duplicates(
    clients: Iterable[Client],
    *,
    threshold: float = 0.9,
    db_api: Any = None,
    seed: int = 1,
) -> tuple[LinkedPair, ...]:
    """Train the Splink model on the clients and return the pairs above ``threshold``.

    Runs on DuckDB in memory unless ``db_api`` gives another Splink backend
    (``splink.SparkAPI`` for a city's registry). Training is unsupervised and
    seeded, so one run repeats another on the same backend.

    Expectation maximisation needs pairs of clients that share a birth date or
    a phone; a table without any (the built-in sample's 76 clients) cannot
    train the model, which `find_duplicates` handles instead.

    Raises:
        ArgumentError: ``threshold`` is not a probability, two clients share
            an id, or no two clients share a birth date or a phone, so the
            model cannot be trained (the table is too small).
        ImportError: the ``linkage`` or ``privacy`` extra is not installed.
    """
    threshold = require_finite(threshold, "threshold", 0.0, 1.0)
    rows = linkage_rows(clients)
    if len(rows) < 2:
        return ()
    splink = _splink()
    import pyarrow as pa  # type: ignore[import-untyped]

    api = db_api if db_api is not None else splink.DuckDBAPI()
    table = api.register(pa.Table.from_pylist(rows))
    linker = splink.Linker(table, linkage_settings(), log_level=40)
    linker.training.estimate_u_using_random_sampling(max_pairs=2e5, seed=seed)
    # Splink exports no exception types; 4.x keeps this one here.
    from splink.internals.exceptions import EMTrainingException

    trained = 0
    for rule in (splink.block_on("born"), splink.block_on("phone")):
        try:
            linker.training.estimate_parameters_using_expectation_maximisation(rule)
        except EMTrainingException:  # no pairs share that key: train on the other one
            continue
        trained += 1
    if not trained:
        raise ArgumentError(
            "clients",
            f"{len(rows)} clients, no two of which share a birth date or a phone",
            "enough clients for Splink to train its model on: pairs that share a birth date "
            "or a phone (a few hundred such pairs train it well); use find_duplicates for a "
            "table this small",
        )
    predictions = linker.inference.predict(threshold_match_probability=threshold)
    pairs = [
        LinkedPair(
            min(r["unique_id_l"], r["unique_id_r"]),
            max(r["unique_id_l"], r["unique_id_r"]),
            float(r["match_probability"]),
            float(r["match_weight"]),
        )
        for r in predictions.as_record_list()
    ]
    pairs.sort(key=lambda p: (-p.match_probability, p.first, p.second))
    return tuple(pairs)
