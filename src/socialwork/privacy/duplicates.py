"""Duplicate clients (重复登记): candidate pairs with an explainable score.

Needs the ``privacy`` extra (``pip install 'socialwork[privacy]'``): rapidfuzz
for string similarity, pypinyin for readings and OpenCC for traditional and
simplified forms.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date
from types import ModuleType
from typing import Any

from attrs import frozen

from socialwork.errors import ArgumentError
from socialwork.models import Client

__all__ = [
    "MAX_BLOCK",
    "Agreement",
    "DuplicatePair",
    "DuplicateSearch",
    "find_duplicates",
]

MAX_BLOCK = 500
"""Blocks with more clients than this are not compared pair by pair (listed as skipped)."""

_DEFAULT_THRESHOLD = 6.0
_NOT_DIGIT = re.compile(r"[^0-9]")
_NAME_SEPARATORS = str.maketrans("", "", " \t·•・.-")


@frozen
class Agreement:
    """How one field of two records compares: its weight in the score and why.

    ``weight`` is positive for agreement and negative for disagreement
    (log₂ of how much likelier the pattern is for the same person).
    """

    field: str
    weight: float
    reason: str


@frozen
class DuplicatePair:
    """Two clients that may be one person, with the score and its explanation.

    ``first`` is the smaller id. ``score`` is the sum of the weights of
    ``agreements``; ``blocks`` lists the blocking keys that brought the two together.
    """

    first: str
    second: str
    score: float
    agreements: tuple[Agreement, ...]
    blocks: tuple[str, ...]

    @property
    def reasons(self) -> tuple[str, ...]:
        """The reasons of the positive agreements, strongest first."""
        ranked = sorted(self.agreements, key=lambda a: -a.weight)
        return tuple(a.reason for a in ranked if a.weight > 0)


@frozen
class DuplicateSearch:
    """The result of `find_duplicates`: the pairs found and what was (not) compared.

    ``pairs`` are sorted by score, highest first, then by ids;
    ``compared`` counts the candidate pairs scored; ``skipped_blocks`` names
    blocks with more than `MAX_BLOCK` clients, whose pairs were not compared.
    """

    pairs: tuple[DuplicatePair, ...]
    compared: int
    clients: int
    threshold: float
    skipped_blocks: tuple[str, ...]


def _extra() -> tuple[ModuleType, ModuleType, Any]:
    try:
        import opencc
        import pypinyin
        import rapidfuzz
    except ImportError as err:  # pragma: no cover - the dev environment has the extra
        raise ImportError(
            "find_duplicates needs the 'privacy' extra (rapidfuzz, pypinyin, opencc): "
            "pip install 'socialwork[privacy]'"
        ) from err
    return rapidfuzz, pypinyin, opencc.OpenCC("t2s")


@frozen
class _Norm:
    client: Client
    name: str
    pinyin: str
    initials: str
    born: date | None
    phone: str
    address: str


def _normaliser(pypinyin: ModuleType, t2s: Any) -> Callable[[Client], _Norm]:
    readings: dict[str, str] = {}
    names: dict[str, tuple[str, str, str]] = {}

    def text(value: str) -> str:
        folded = unicodedata.normalize("NFKC", value).translate(_NAME_SEPARATORS).lower()
        return str(t2s.convert(folded))

    def reading(char: str) -> str:
        if char not in readings:
            found = pypinyin.lazy_pinyin(char, errors="default")
            readings[char] = "".join(found) if found else char
        return readings[char]

    def name(value: str) -> tuple[str, str, str]:
        if value not in names:
            norm = text(value)
            parts = [reading(c) for c in norm]
            names[value] = (norm, "".join(parts), "".join(p[:1] for p in parts))
        return names[value]

    def normalise(client: Client) -> _Norm:
        norm, pinyin, initials = name(client.name)
        phone = _NOT_DIGIT.sub("", unicodedata.normalize("NFKC", client.phone or ""))
        return _Norm(
            client,
            norm,
            pinyin,
            initials,
            client.birth_date,
            phone[-11:],
            text(client.address or ""),
        )

    return normalise


def _blocks(n: _Norm) -> list[tuple[int, str]]:
    """The blocking keys of a client: (kind, value), kinds indexing `_BLOCK_KINDS`."""
    c = n.client
    keys: list[tuple[int, str]] = []
    if c.id_number:
        keys.append((0, c.id_number))
    if len(n.phone) >= 7:
        keys.append((1, n.phone))
        keys.append((2, "".join(sorted(n.phone))))
    if n.born is not None:
        keys.append((3, f"{n.pinyin}|{n.born.year}"))
        keys.append((4, f"{n.initials}|{n.born.isoformat()}"))
    else:
        keys.append((3, f"{n.pinyin}|?"))
        keys.append((5, f"{n.name}|{c.community_id}"))
    return keys


_BLOCK_KINDS = ("id", "phone", "phone-digits", "pinyin+year", "initials+born", "name+community")


def _compare(a: _Norm, b: _Norm, rapidfuzz: ModuleType) -> list[Agreement]:
    out: list[Agreement] = []
    ida, idb = a.client.id_number, b.client.id_number
    if ida and idb:
        if ida == idb:
            out.append(Agreement("id_number", 10.0, "same ID number"))
        else:
            out.append(Agreement("id_number", -10.0, "different ID numbers"))
    if a.name == b.name:
        same_raw = a.client.name == b.client.name
        why = "same name" if same_raw else "names equal after normalisation (繁简, width, spaces)"
        out.append(Agreement("name", 4.0, why))
    elif a.pinyin == b.pinyin:
        out.append(Agreement("name", 3.0, f"same pinyin {a.pinyin} (同音字)"))
    else:
        similarity = rapidfuzz.fuzz.ratio(a.pinyin, b.pinyin) / 100
        if similarity >= 0.85:
            out.append(Agreement("name", 1.5, f"pinyin {similarity:.0%} alike"))
        else:
            out.append(Agreement("name", -5.0, "different names"))
    if a.born and b.born:
        if a.born == b.born:
            out.append(Agreement("born_on", 3.0, "same birth date"))
        else:
            out.append(Agreement("born_on", -4.0, "different birth dates"))
    if a.phone and b.phone:
        if a.phone == b.phone:
            out.append(Agreement("phone", 4.0, "same phone"))
        elif (
            len(a.phone) == len(b.phone)
            and rapidfuzz.distance.OSA.distance(a.phone, b.phone) == 1
            and rapidfuzz.distance.Hamming.distance(a.phone, b.phone) == 2
        ):
            out.append(Agreement("phone", 3.0, "phone equal but for two digits swapped"))
        else:
            out.append(Agreement("phone", -1.0, "different phones"))
    if a.address and b.address:
        overlap = rapidfuzz.fuzz.token_set_ratio(a.address, b.address) / 100
        if overlap >= 0.8:
            out.append(Agreement("address", 1.5, f"addresses {overlap:.0%} alike"))
    if a.client.community_id == b.client.community_id:
        out.append(Agreement("community_id", 0.5, "same community"))
    return out


def find_duplicates(
    clients: Iterable[Client], *, threshold: float = _DEFAULT_THRESHOLD
) -> DuplicateSearch:
    """Find pairs of clients that may be one person, each with an explainable score.

    Clients are grouped by blocking keys (same ID number; same phone; the
    same phone digits in any order, for a swapped pair; same pinyin and
    birth year; same pinyin initials and birth date; same name and community
    when no birth date is known), and only clients sharing a key are
    compared, so the cost grows near-linearly. A comparison adds the weights
    of each field's agreement: names are compared after folding full-width
    characters and spaces (NFKC) and traditional characters to simplified
    (OpenCC), then by pinyin (pypinyin) so that 同音字 such as 王丽/王莉
    agree, then by similarity (rapidfuzz). Pairs scoring at least
    ``threshold`` are returned. Deterministic: the same clients in any
    order give the same result.

    Examples:
        >>> from datetime import date
        >>> a = Client(id="p1", name="王丽", community_id="c1", registered_on=date(2025, 1, 1),
        ...            born_on=date(1950, 3, 2), phone="13812345678")
        >>> b = Client(id="p2", name="王 莉", community_id="c1", registered_on=date(2025, 2, 1),
        ...            born_on=date(1950, 3, 2), phone="13812346578")
        >>> found = find_duplicates([a, b])
        >>> pair = found.pairs[0]
        >>> pair.first, pair.second, pair.score
        ('p1', 'p2', 9.5)
        >>> for reason in pair.reasons:
        ...     print(reason)
        same pinyin wangli (同音字)
        same birth date
        phone equal but for two digits swapped
        same community

    Raises:
        ArgumentError: two clients share an id, or ``threshold`` is not finite.
        ImportError: the ``privacy`` extra is not installed.
    """
    if isinstance(threshold, bool) or not isinstance(threshold, int | float):
        raise TypeError(f"threshold must be a number; got {type(threshold).__name__}")
    if not -1000 <= threshold <= 1000:
        raise ArgumentError("threshold", threshold, "a finite score from -1000 to 1000")
    rapidfuzz, pypinyin, t2s = _extra()
    normalise = _normaliser(pypinyin, t2s)
    people: dict[str, _Norm] = {}
    for client in clients:
        if not isinstance(client, Client):
            raise TypeError(f"clients must hold Client records; got {type(client).__name__}")
        if client.id in people:
            raise ArgumentError("clients", client.id, "clients with distinct ids")
        people[client.id] = normalise(client)
    order = sorted(people)
    norms = [people[client_id] for client_id in order]
    blocks: dict[tuple[int, str], list[int]] = defaultdict(list)
    for index, norm in enumerate(norms):
        for key in _blocks(norm):
            blocks[key].append(index)
    candidates: dict[tuple[int, int], int] = defaultdict(int)
    skipped: list[str] = []
    for (kind, value), members in blocks.items():
        if len(members) == 1:
            continue
        if len(members) > MAX_BLOCK:
            skipped.append(f"{_BLOCK_KINDS[kind]}:{value}")
            continue
        bit = 1 << kind
        for i, first in enumerate(members):
            for second in members[i + 1 :]:
                candidates[(first, second)] |= bit
    pairs: list[DuplicatePair] = []
    for (first, second), kinds in candidates.items():
        agreements = _compare(norms[first], norms[second], rapidfuzz)
        score = sum(a.weight for a in agreements)
        if score >= threshold:
            found_by = tuple(k for b, k in enumerate(_BLOCK_KINDS) if kinds >> b & 1)
            pairs.append(
                DuplicatePair(order[first], order[second], score, tuple(agreements), found_by)
            )
    pairs.sort(key=lambda p: (-p.score, p.first, p.second))
    skipped.sort()
    return DuplicateSearch(
        tuple(pairs), len(candidates), len(people), float(threshold), tuple(skipped)
    )
