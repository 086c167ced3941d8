"""Duplicate clients (重复登记): candidate pairs with an explainable score.

Needs the ``privacy`` extra (``pip install 'socialwork[privacy]'``): rapidfuzz
for string similarity, pypinyin for readings and OpenCC for traditional and
simplified forms.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date
from types import ModuleType
from typing import Any, NamedTuple

from attrs import frozen

from socialwork._arguments import require_finite, require_instances
from socialwork.display.displayable import Displayable
from socialwork.display.document import Block, Document, Heading, Paragraph, Table
from socialwork.errors import ArgumentError
from socialwork.labels import Language, canonical_language, select_language
from socialwork.models import Client

__all__ = [
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


_FIELDS = {
    "id_number": ("身份证号", "ID number", "身份證號"),
    "name": ("姓名", "Name", "姓名"),
    "born_on": ("出生日期", "Birth date", "出生日期"),
    "phone": ("电话", "Phone", "電話"),
    "address": ("地址", "Address", "地址"),
    "community_id": ("社区", "Community", "社區"),
}

_REASONS = {
    "same_id_number": ("身份证号相同", "same ID number", "身份證號相同"),
    "different_id_numbers": ("身份证号不同", "different ID numbers", "身份證號不同"),
    "same_name": ("姓名相同", "same name", "姓名相同"),
    "same_name_normalised": (
        "规范化后姓名相同(繁简、全半角、空格)",
        "names equal after normalisation (繁简, width, spaces)",
        "規範化後姓名相同(繁簡、全半形、空格)",
    ),
    "same_pinyin": ("拼音相同(同音字)", "same pinyin (同音字)", "拼音相同(同音字)"),
    "similar_pinyin": (
        "拼音相似 {similarity}",
        "pinyin {similarity} alike",
        "拼音相似 {similarity}",
    ),
    "different_names": ("姓名不同", "different names", "姓名不同"),
    "same_birth_date": ("出生日期相同", "same birth date", "出生日期相同"),
    "different_birth_dates": ("出生日期不同", "different birth dates", "出生日期不同"),
    "same_phone": ("电话相同", "same phone", "電話相同"),
    "swapped_phone_digits": (
        "电话仅相邻两位互换",
        "phone equal but for two digits swapped",
        "電話僅相鄰兩位互換",
    ),
    "different_phones": ("电话不同", "different phones", "電話不同"),
    "similar_addresses": (
        "地址相似 {similarity}",
        "addresses {similarity} alike",
        "地址相似 {similarity}",
    ),
    "same_community": ("同一社区", "same community", "同一社區"),
}

_BLOCK_KINDS = ("id", "phone", "phone-digits", "pinyin+year", "initials+born", "name+community")
_BLOCK_LABELS = (
    ("身份证号", "ID number", "身份證號"),
    ("电话", "phone", "電話"),
    ("电话相邻两位互换", "phone with two digits swapped", "電話相鄰兩位互換"),
    ("拼音+出生年份", "pinyin + birth year", "拼音+出生年份"),
    ("拼音首字母+出生日期", "pinyin initials + birth date", "拼音首字母+出生日期"),
    ("姓名+社区", "name + community", "姓名+社區"),
)
_SHOWN_PAIRS = 20


def _words(language: Language | str, words: tuple[str, str, str]) -> str:
    return select_language(language, words[0], words[1], words[2])


@frozen(repr=False)
class Agreement:
    """How one field of two records compares: its weight in the score and why.

    ``weight`` is positive for agreement and negative for disagreement
    (log₂ of how much likelier the pattern is for the same person).
    ``code`` names the pattern (``same_pinyin``, ``swapped_phone_digits`` …)
    and ``similarity`` is the share alike for the ``similar_*`` codes.
    ``reason`` says it in English and may quote a personal value (the
    pinyin reading of the names): treat it as personal. The repr and the
    notebook display of a pair show the code only.

    Examples:
        >>> Agreement("name", 3.0, "same pinyin wangli (同音字)", "same_pinyin")
        Agreement(name +3.0 same_pinyin)
        >>> Agreement("address", 1.5, "addresses 90% alike", "similar_addresses", 0.9).label("zh")
        '地址相似 90%'
    """

    field: str
    weight: float
    reason: str
    code: str
    similarity: float | None = None

    def label(self, language: Language | str = "zh") -> str:
        """The pattern in ``language``, with no personal value (the share alike for ``similar_*``).

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.
        """
        words = _REASONS.get(self.code)
        if words is None:
            canonical_language(language)
            return self.code
        share = "" if self.similarity is None else f"{self.similarity:.0%}"
        return _words(language, words).format(similarity=share)

    def __repr__(self) -> str:
        """Show the field, the signed weight and the code: no personal value."""
        return f"Agreement({self.field} {self.weight:+.1f} {self.code})"


def _field_label(field: str, language: Language | str) -> str:
    words = _FIELDS.get(field)
    return field if words is None else _words(language, words)


def _block_label(kind: str, language: Language | str) -> str:
    if kind in _BLOCK_KINDS:
        return _words(language, _BLOCK_LABELS[_BLOCK_KINDS.index(kind)])
    return kind


@frozen(repr=False)
class DuplicatePair(Displayable):
    """Two clients that may be one person, with the score and its explanation.

    ``first`` is the smaller id. ``score`` is the sum of the weights of
    ``agreements``; ``blocks`` lists the blocking keys that brought the two together.

    In a notebook a pair shows which fields agreed and why, in Simplified
    Chinese (``to_markdown("en")`` for English), with ids but never a
    name, phone, birth date, address or ID number: a screen is a
    disclosure too.

    Examples:
        >>> agreed = (Agreement("name", 3.0, "same pinyin wangli (同音字)", "same_pinyin"),
        ...           Agreement("born_on", 3.0, "same birth date", "same_birth_date"),
        ...           Agreement("community_id", 0.5, "same community", "same_community"))
        >>> pair = DuplicatePair("p1", "p2", 6.5, agreed, ("pinyin+year",))
        >>> pair
        DuplicatePair('p1', 'p2', score 6.5: name, born_on, community_id)
        >>> print(pair.to_markdown("en"))
        ### Possible duplicate: p1 and p2 (score 6.5)
        <BLANKLINE>
        | Field | Weight | Why |
        |---|---|---|
        | Name | +3.0 | same pinyin (同音字) |
        | Birth date | +3.0 | same birth date |
        | Community | +0.5 | same community |
        <BLANKLINE>
        Found by: pinyin + birth year. Personal values are not shown.
        <BLANKLINE>
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

    def __repr__(self) -> str:
        """Show the ids, the score and the fields that agreed: no personal value."""
        agreed = ", ".join(a.field for a in self.agreements if a.weight > 0)
        return f"DuplicatePair({self.first!r}, {self.second!r}, score {self.score:g}: {agreed})"

    def to_document(self, language: Language | str = "zh") -> Document:
        """Return the pair: each field's weight and why, personal values masked.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.
        """
        script = canonical_language(language)
        title = select_language(script, "疑似重复", "Possible duplicate", "疑似重複")
        and_ = select_language(script, "与", "and", "與")
        score = select_language(script, "得分", "score", "得分")
        header = (
            select_language(script, "字段", "Field", "欄位"),
            select_language(script, "权重", "Weight", "權重"),
            select_language(script, "依据", "Why", "依據"),
        )
        rows = [
            (_field_label(a.field, script), f"{a.weight:+.1f}", a.label(script))
            for a in self.agreements
        ]
        found_by = select_language(script, "发现途径", "Found by", "發現途徑")
        sep = select_language(script, "、", ", ", "、")
        blocks = sep.join(_block_label(b, script) for b in self.blocks) or "—"
        colon = select_language(script, "：", ": ", "：")
        end = select_language(script, "。", ". ", "。")
        return Document(
            [
                Heading(
                    f"{title}{colon}{self.first} {and_} {self.second} ({score} {self.score:g})", 3
                ),
                Table(header, rows),
                Paragraph(f"{found_by}{colon}{blocks}{end}{_masked(script)}"),
            ]
        )


def _masked(script: str) -> str:
    return select_language(
        script, "不显示个人信息。", "Personal values are not shown.", "不顯示個人資訊。"
    )


@frozen(repr=False)
class DuplicateSearch(Displayable):
    """The result of `find_duplicates`: the pairs found and what was (not) compared.

    ``pairs`` are sorted by score, highest first, then by ids;
    ``compared`` counts the candidate pairs scored; ``skipped_blocks`` names
    blocks with more than `MAX_BLOCK` clients, whose pairs were not compared
    (with the shared value: personal).

    In a notebook a search shows its figures and its strongest pairs
    (ids, score, the fields that agreed), never a personal value: the
    skipped blocks are counted by kind.

    Examples:
        >>> found = DuplicateSearch((), 3, 10, 6.0, ("phone:13812345678",))
        >>> found
        DuplicateSearch(0 pairs among 10 clients, 3 compared, 1 block skipped)
        >>> "13812345678" in found._repr_markdown_()
        False
    """

    pairs: tuple[DuplicatePair, ...]
    compared: int
    clients: int
    threshold: float
    skipped_blocks: tuple[str, ...]

    def __repr__(self) -> str:
        """Show the counts: pairs, clients, candidate pairs compared and blocks skipped."""
        skipped = len(self.skipped_blocks)
        blocks = f", {skipped} block{'s' if skipped != 1 else ''} skipped" if skipped else ""
        return (
            f"DuplicateSearch({len(self.pairs)} pair{'s' if len(self.pairs) != 1 else ''} "
            f"among {self.clients} clients, {self.compared} compared{blocks})"
        )

    def to_document(self, language: Language | str = "zh") -> Document:
        """Return the search: its figures and its strongest pairs, no personal value.

        Shows the first 20 pairs; every pair displays itself in full.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> print(DuplicateSearch((), 3, 10, 6.0, ()).to_markdown())
            ### 疑似重复登记
            <BLANKLINE>
            服务对象 10 人，比对 3 对，阈值 6，疑似重复 0 对。
            <BLANKLINE>
            | 编号 1 | 编号 2 | 得分 | 一致的字段 |
            |---|---|---|---|
            | — | — | — | — |
            <BLANKLINE>
            不显示个人信息。
            <BLANKLINE>
        """
        script = canonical_language(language)
        title = select_language(
            script, "疑似重复登记", "Possible duplicate clients", "疑似重複登記"
        )
        summary = select_language(
            script,
            "服务对象 {clients} 人，比对 {compared} 对，阈值 {threshold:g}，疑似重复 {pairs} 对。",
            "{clients} clients, {compared} pairs compared, threshold {threshold:g}: "
            "{pairs} possible duplicates.",
            "服務對象 {clients} 人，比對 {compared} 對，閾值 {threshold:g}，疑似重複 {pairs} 對。",
        ).format(
            clients=self.clients,
            compared=self.compared,
            threshold=self.threshold,
            pairs=len(self.pairs),
        )
        header = (
            select_language(script, "编号 1", "Id 1", "編號 1"),
            select_language(script, "编号 2", "Id 2", "編號 2"),
            select_language(script, "得分", "Score", "得分"),
            select_language(script, "一致的字段", "Fields that agree", "一致的欄位"),
        )
        sep = select_language(script, "、", ", ", "、")
        rows = [
            (
                p.first,
                p.second,
                f"{p.score:g}",
                sep.join(_field_label(a.field, script) for a in p.agreements if a.weight > 0),
            )
            for p in self.pairs[:_SHOWN_PAIRS]
        ]
        blocks: list[Block] = [Heading(title, 3), Paragraph(summary), Table(header, rows)]
        if len(self.pairs) > _SHOWN_PAIRS:
            more = select_language(
                script,
                "另有 {n} 对未列出。",
                "{n} more pairs not listed.",
                "另有 {n} 對未列出。",
            )
            blocks.append(Paragraph(more.format(n=len(self.pairs) - _SHOWN_PAIRS)))
        if self.skipped_blocks:
            kinds: dict[str, int] = {}
            for block in self.skipped_blocks:
                kind = block.split(":", 1)[0]
                kinds[kind] = kinds.get(kind, 0) + 1
            skipped = select_language(
                script,
                "超过 {n} 人的分块未比对：",
                "Blocks of more than {n} clients not compared: ",
                "超過 {n} 人的分塊未比對：",
            ).format(n=MAX_BLOCK)
            shown = sep.join(f"{_block_label(k, script)} {n}" for k, n in kinds.items())
            blocks.append(Paragraph(skipped + shown))
        blocks.append(Paragraph(_masked(script)))
        return Document(blocks)


def privacy_extra() -> tuple[ModuleType, ModuleType, Any]:
    """Return rapidfuzz, pypinyin and an OpenCC 繁→简 converter, the ``privacy`` extra.

    A helper of `find_duplicates` and `socialwork.linkage`, not in ``__all__``.

    Raises:
        ImportError: the extra is not installed; the message names it.

    Examples:
        >>> rapidfuzz, pypinyin, t2s = privacy_extra()
        >>> t2s.convert("王麗")
        '王丽'
    """
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


class _Norm(NamedTuple):
    """A client's normalised fields: a tuple of plain values (cheap for the garbage collector)."""

    raw_name: str
    name: str
    pinyin: str
    initials: str
    born: date | None
    phone: str
    address: str
    """The address as written; `_Normaliser.text` folds it when two clients are compared."""
    id_number: str | None
    community_id: str


class _Normaliser:
    """Folds names (NFKC, separators, 繁→简), reads them in pinyin, keeps the digits of phones."""

    def __init__(self, pypinyin: ModuleType, t2s: Any) -> None:
        self._pypinyin = pypinyin
        self._t2s = t2s
        self._readings: dict[str, str] = {}
        self._names: dict[str, tuple[str, str, str]] = {}
        self._texts: dict[str, str] = {}

    def text(self, value: str) -> str:
        found = self._texts.get(value)
        if found is None:
            folded = unicodedata.normalize("NFKC", value).translate(_NAME_SEPARATORS).lower()
            found = self._texts[value] = str(self._t2s.convert(folded))
        return found

    def _reading(self, char: str) -> str:
        found = self._readings.get(char)
        if found is None:
            parts = self._pypinyin.lazy_pinyin(char, errors="default")
            found = self._readings[char] = "".join(parts) if parts else char
        return found

    def _name(self, value: str) -> tuple[str, str, str]:
        found = self._names.get(value)
        if found is None:
            norm = self.text(value)
            parts = [self._reading(c) for c in norm]
            found = self._names[value] = (norm, "".join(parts), "".join(p[:1] for p in parts))
        return found

    def __call__(self, client: Client) -> _Norm:
        norm, pinyin, initials = self._name(client.name)
        phone = client.phone or ""
        if not phone.isascii() or not phone.isdigit():
            phone = _NOT_DIGIT.sub("", unicodedata.normalize("NFKC", phone))
        return _Norm(
            client.name,
            norm,
            pinyin,
            initials,
            client.birth_date,
            phone[-11:],
            client.address or "",
            client.id_number,
            client.community_id,
        )


def client_normaliser(pypinyin: ModuleType, t2s: Any) -> _Normaliser:
    """Return the function that normalises a client's name, phone and address for comparison.

    A helper of `find_duplicates` and `socialwork.linkage`, not in ``__all__``.

    Examples:
        >>> _, pypinyin, t2s = privacy_extra()
        >>> normalise = client_normaliser(pypinyin, t2s)
        >>> normalise.text("王 麗")
        '王丽'
    """
    return _Normaliser(pypinyin, t2s)


def phone_swap_keys(phone: str) -> tuple[str, str, str]:
    """Three keys, one of which two phones share when equal but for two adjacent digits swapped.

    A swap inside the first half leaves the second half and the first half's
    digits; inside the second half, the reverse; across the middle, both
    ends and the middle two digits. A helper of `find_duplicates` and
    `socialwork.linkage`, not in ``__all__``.

    Examples:
        >>> set(phone_swap_keys("13812345678")) & set(phone_swap_keys("13812346578"))
        {'a13812|345678'}
    """
    m = len(phone) // 2
    head, tail = phone[:m], phone[m:]
    return (
        f"a{head}|{''.join(sorted(tail))}",
        f"b{''.join(sorted(head))}|{tail}",
        f"c{phone[: m - 1]}|{''.join(sorted(phone[m - 1 : m + 1]))}|{phone[m + 1 :]}",
    )


def _blocks(n: _Norm) -> list[str]:
    """The blocking keys of a client: the kind's index in `_BLOCK_KINDS` then the value."""
    keys: list[str] = []
    if n.id_number:
        keys.append("0" + n.id_number)
    if len(n.phone) >= 7:
        keys.append("1" + n.phone)
        keys.extend("2" + k for k in phone_swap_keys(n.phone))
    if n.born is not None:
        keys.append(f"3{n.pinyin}|{n.born.year}")
        keys.append(f"4{n.initials}|{n.born.isoformat()}")
    else:
        keys.append(f"3{n.pinyin}|?")
        keys.append(f"5{n.name}|{n.community_id}")
    return keys


def _compare(
    a: _Norm, b: _Norm, rapidfuzz: ModuleType, text: Callable[[str], str]
) -> list[Agreement]:
    out: list[Agreement] = []
    ida, idb = a.id_number, b.id_number
    if ida and idb:
        if ida == idb:
            out.append(Agreement("id_number", 10.0, "same ID number", "same_id_number"))
        else:
            out.append(
                Agreement("id_number", -10.0, "different ID numbers", "different_id_numbers")
            )
    if a.name == b.name:
        if a.raw_name == b.raw_name:
            out.append(Agreement("name", 4.0, "same name", "same_name"))
        else:
            out.append(
                Agreement(
                    "name",
                    4.0,
                    "names equal after normalisation (繁简, width, spaces)",
                    "same_name_normalised",
                )
            )
    elif a.pinyin == b.pinyin:
        out.append(Agreement("name", 3.0, f"same pinyin {a.pinyin} (同音字)", "same_pinyin"))
    else:
        similarity = rapidfuzz.fuzz.ratio(a.pinyin, b.pinyin) / 100
        if similarity >= 0.85:
            out.append(
                Agreement(
                    "name", 1.5, f"pinyin {similarity:.0%} alike", "similar_pinyin", similarity
                )
            )
        else:
            out.append(Agreement("name", -5.0, "different names", "different_names"))
    if a.born and b.born:
        if a.born == b.born:
            out.append(Agreement("born_on", 3.0, "same birth date", "same_birth_date"))
        else:
            out.append(Agreement("born_on", -4.0, "different birth dates", "different_birth_dates"))
    if a.phone and b.phone:
        if a.phone == b.phone:
            out.append(Agreement("phone", 4.0, "same phone", "same_phone"))
        elif (
            len(a.phone) == len(b.phone)
            and rapidfuzz.distance.OSA.distance(a.phone, b.phone) == 1
            and rapidfuzz.distance.Hamming.distance(a.phone, b.phone) == 2
        ):
            out.append(
                Agreement(
                    "phone", 3.0, "phone equal but for two digits swapped", "swapped_phone_digits"
                )
            )
        else:
            out.append(Agreement("phone", -1.0, "different phones", "different_phones"))
    if a.address and b.address:
        overlap = rapidfuzz.fuzz.token_set_ratio(text(a.address), text(b.address)) / 100
        if overlap >= 0.8:
            out.append(
                Agreement(
                    "address", 1.5, f"addresses {overlap:.0%} alike", "similar_addresses", overlap
                )
            )
    if a.community_id == b.community_id:
        out.append(Agreement("community_id", 0.5, "same community", "same_community"))
    return out


def find_duplicates(
    clients: Iterable[Client], *, threshold: float = _DEFAULT_THRESHOLD
) -> DuplicateSearch:
    """Find pairs of clients that may be one person, each with an explainable score.

    Clients are grouped by blocking keys (same ID number; same phone; the
    same phone but for two adjacent digits swapped, through three keys
    one of which such phones share; same pinyin and birth year; same
    pinyin initials and birth date; same name and community when no birth
    date is known), and only clients sharing a key are
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
    threshold = require_finite(threshold, "threshold", -1000, 1000)
    rapidfuzz, pypinyin, t2s = privacy_extra()
    normalise = _Normaliser(pypinyin, t2s)
    people: dict[str, Client] = {}
    for client in require_instances(Client, clients, "clients"):
        if client.id in people:
            raise ArgumentError("clients", client.id, "clients with distinct ids")
        people[client.id] = client
    order = sorted(people)
    norms = [normalise(people[client_id]) for client_id in order]
    # Blocks as plain strings and ints, and lists only for keys that repeat:
    # few container objects, so the garbage collector has little to walk.
    first_of: dict[str, int] = {}
    blocks: dict[str, list[int]] = {}
    for index, norm in enumerate(norms):
        for key in _blocks(norm):
            first = first_of.setdefault(key, index)
            if first != index:
                members = blocks.get(key)
                if members is None:
                    blocks[key] = [first, index]
                else:
                    members.append(index)
    size = len(norms)
    candidates: dict[int, int] = {}
    skipped: list[str] = []
    for key, members in blocks.items():
        kind = int(key[0])
        if len(members) > MAX_BLOCK:
            skipped.append(f"{_BLOCK_KINDS[kind]}:{key[1:]}")
            continue
        bit = 1 << kind
        for i, first in enumerate(members):
            base = first * size
            for second in members[i + 1 :]:
                pair = base + second
                candidates[pair] = candidates.get(pair, 0) | bit
    pairs: list[DuplicatePair] = []
    for pair, kinds in candidates.items():
        first, second = divmod(pair, size)
        agreements = _compare(norms[first], norms[second], rapidfuzz, normalise.text)
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
