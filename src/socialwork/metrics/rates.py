"""Rates (比率) that keep their numerator, denominator and what was left out.

A `Rate` never divides by zero: with a denominator of 0 its value is
``None`` (undefined) and it formats as ``"n/a"``.

Examples:
    >>> r = rate(3468, 4080)
    >>> str(r), r.value
    ('85.0% (3468/4080)', 0.85)
    >>> str(rate(0, 0)), rate(0, 0).value is None
    ('n/a', True)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from fractions import Fraction
from typing import Any

from attrs import Factory, field, frozen

from socialwork._arguments import require_count, require_decimals, require_member
from socialwork.display.displayable import Displayable
from socialwork.display.document import Document, Items, Paragraph
from socialwork.errors import MetricInputError
from socialwork.labels import LabelledEnum, Language, canonical_language, select_language
from socialwork.metrics._shown import SHOWN as SHOWN  # what a summary keeps; frames read it here
from socialwork.metrics._shown import exclusion_items
from socialwork.metrics.survey import WilsonInterval, wilson_interval

__all__ = [
    "Exclusion",
    "ExclusionReason",
    "ExclusionSummary",
    "Rate",
    "combine",
    "rate",
]


class ExclusionReason(LabelledEnum):
    """Why a record was left out of a rate's denominator (排除原因)."""

    UNCHECKED = (
        "unchecked",
        "未核实是否匹配需求",
        "Not checked against the need",
        "未覈實是否匹配需求",
    )
    WITHDRAWN = "withdrawn", "需求已撤回", "Need withdrawn", "需求已撤回"
    INTERN = "intern", "实习社工不计入", "Interns are not counted", "實習社工不計入"
    GOAL_NOT_ASSESSED = "goal_not_assessed", "目标尚未评估", "Goal not yet assessed", "目標尚未評估"
    GOAL_VOID = (
        "goal_void",
        "目标已取消、被拒绝或录入错误",
        "Goal cancelled, rejected or in error",
        "目標已取消、被拒絕或錄入錯誤",
    )
    ABOVE_PLAN = "above_plan", "超出计划次数", "Above the planned number", "超出計劃次數"
    NOT_USABLE = "not_usable", "资源现不可用", "Resource not usable now", "資源現不可用"
    ABOVE_KNOWN = (
        "above_known",
        "超出台账人数",
        "More than the official list knows",
        "超出臺賬人數",
    )


def _reason(value: ExclusionReason | str) -> ExclusionReason:
    return require_member(ExclusionReason, value, "reason")


@frozen
class Exclusion:
    """A record left out of a rate, and why; the reason may be given by its code.

    Examples:
        >>> e = Exclusion("d01", ExclusionReason.UNCHECKED)
        >>> e.record_id, e.reason.label()
        ('d01', '未核实是否匹配需求')
        >>> Exclusion("w1", "withdrawn").reason is ExclusionReason.WITHDRAWN
        True
    """

    record_id: str
    reason: ExclusionReason = field(converter=_reason)


def _first_of_each_reason(exclusions: Iterable[Exclusion]) -> list[Exclusion]:
    """The first `SHOWN` exclusions of each reason, in the order given."""
    seen: Counter[ExclusionReason] = Counter()
    first = []
    for e in exclusions:
        if seen[e.reason] < SHOWN:
            seen[e.reason] += 1
            first.append(e)
    return first


@frozen
class ExclusionSummary:
    """What a rate left out, counted by reason, with the first records of each reason.

    A city's rate can leave out hundreds of thousands of records; its
    summary stays small. ``counts`` gives each reason with how many records
    it left out, reasons in the order they first appear in the listing;
    ``first`` keeps the first `SHOWN <socialwork.metrics._shown.SHOWN>` (20)
    exclusions of each reason, in the listing's order, which is all a
    display shows. With 20 exclusions or fewer, ``first`` is the whole
    listing.

    Raises:
        ArgumentError: a count is not from 1 to a billion.
        MetricInputError: a reason is counted twice, or ``first`` does not
            hold the first records of each counted reason (as many as its
            count, up to 20).

    Examples:
        >>> many = [Exclusion(f"v{i}", "above_plan") for i in range(30)]
        >>> summary = ExclusionSummary.of([*many, Exclusion("n9", "withdrawn")])
        >>> summary.total, summary.count("above_plan"), len(summary.first)
        (31, 30, 21)
        >>> [(reason.value, n) for reason, n in summary.counts]
        [('above_plan', 30), ('withdrawn', 1)]
    """

    counts: tuple[tuple[ExclusionReason, int], ...] = ()
    first: tuple[Exclusion, ...] = ()

    def __attrs_post_init__(self) -> None:
        """Check that ``first`` holds the first records of each counted reason."""
        counted = {}
        for reason, count in self.counts:
            if reason in counted:
                raise MetricInputError("counts", reason.value, "each reason counted once")
            counted[reason] = min(require_count(count, "count"), SHOWN)
            if count == 0:
                raise MetricInputError("counts", 0, "a count of at least 1 for a counted reason")
        kept = Counter(e.reason for e in self.first)
        if kept != counted:
            raise MetricInputError(
                "first", len(self.first), f"the first {SHOWN} records of each counted reason"
            )

    @classmethod
    def of(cls, exclusions: Iterable[Exclusion]) -> ExclusionSummary:
        """The summary of a listing of exclusions, in its order (one pass, a small result).

        Examples:
            >>> ExclusionSummary.of([Exclusion("d1", "unchecked")]).counts[0][1]
            1
            >>> ExclusionSummary.of([]).total
            0
        """
        listing = tuple(exclusions)
        counts = Counter(e.reason for e in listing)
        return cls(tuple(counts.items()), tuple(_first_of_each_reason(listing)))

    @property
    def total(self) -> int:
        """How many records were left out, for every reason."""
        return sum(count for _, count in self.counts)

    def count(self, reason: ExclusionReason | str) -> int:
        """How many records were left out for ``reason``, a member or its code (0 if none).

        Raises:
            UnknownCodeError: ``reason`` is no code of `ExclusionReason`.
        """
        member = _reason(reason)
        return next((count for r, count in self.counts if r is member), 0)


def _joined(parts: Iterable[ExclusionSummary]) -> ExclusionSummary:
    """The summary of the listings of ``parts`` one after the other."""
    counts: Counter[ExclusionReason] = Counter()
    first: list[Exclusion] = []
    for part in parts:
        counts.update(dict(part.counts))
        first += part.first
    return ExclusionSummary(tuple(counts.items()), tuple(_first_of_each_reason(first)))


def _summary_of(rate: Rate) -> ExclusionSummary:
    return ExclusionSummary.of(rate.exclusions)


@frozen
class Rate(Displayable):
    """A proportion: ``numerator`` of ``denominator``, with what it excluded.

    ``value`` is ``None`` when the denominator is 0 (undefined, never NaN).
    Counts go from 0 to a billion (`socialwork.records.MAX_COUNT`).

    What the rate left out is counted always and listed when it was built:
    ``excluded`` (an `ExclusionSummary`) counts the records by reason and
    keeps the first 20 of each reason, which is what a display shows;
    ``exclusions`` lists every excluded record when the rate was computed
    from records (it is summarised from that listing), and is empty when
    the rate came from an engine that only counted them
    (`socialwork.frames.StationFrames.exclusions` lists those as a frame).
    So a city's rate costs what its figures cost, and two rates are equal
    when their counts, summaries and first records are, whether or not
    they carry the whole listing.

    Raises:
        ArgumentError: a count is negative or above a billion.
        MetricInputError: the numerator is above the denominator, or
            ``exclusions`` holds some but not all of the records
            ``excluded`` counts.
        TypeError: a count is not an ``int``.

    Examples:
        >>> r = Rate(46, 50)
        >>> r.value, r.percent, r.format(0)
        (0.92, 92.0, '92% (46/50)')
        >>> Rate(0, 0).percent is None
        True
        >>> counted = Rate(7, 10, excluded=ExclusionSummary.of([Exclusion("d9", "unchecked")]))
        >>> counted.excluded.total, counted.exclusions, counted == Rate(
        ...     7, 10, (Exclusion("d9", "unchecked"),))
        (1, (), True)
    """

    numerator: int
    denominator: int
    exclusions: tuple[Exclusion, ...] = field(default=(), eq=False)
    excluded: ExclusionSummary = field(default=Factory(_summary_of, takes_self=True))

    def __attrs_post_init__(self) -> None:
        """Check that the counts can form a rate."""
        require_count(self.numerator, "numerator")
        require_count(self.denominator, "denominator")
        if self.numerator > self.denominator:
            raise MetricInputError(
                "numerator", self.numerator, f"at most the denominator {self.denominator}"
            )
        if self.exclusions and len(self.exclusions) != self.excluded.total:
            raise MetricInputError(
                "exclusions",
                len(self.exclusions),
                f"none, or every one of the {self.excluded.total} records excluded",
            )

    @property
    def value(self) -> float | None:
        """The proportion in [0, 1], or ``None`` when the denominator is 0."""
        if self.denominator == 0:
            return None
        return self.numerator / self.denominator

    @property
    def percent(self) -> float | None:
        """The proportion in percent, or ``None`` when the denominator is 0."""
        if self.denominator == 0:
            return None
        return 100 * self.numerator / self.denominator

    def format(self, decimals: int = 1) -> str:
        """Return the rate as ``"85.0% (3468/4080)"``, or ``"n/a"`` when undefined.

        Raises:
            ArgumentError: ``decimals`` is not from 0 to 6.

        Examples:
            >>> Rate(27, 32).format(), Rate(27, 32).format(2)
            ('84.4% (27/32)', '84.38% (27/32)')
        """
        decimals = require_decimals(decimals)
        if self.percent is None:
            return "n/a"
        return f"{self.percent:.{decimals}f}% ({self.numerator}/{self.denominator})"

    def __str__(self) -> str:
        """Return `format` with one decimal."""
        return self.format()

    def __repr__(self) -> str:
        """Show the rate as it reads, ``85.0% (51/60)``, and how many records it excluded."""
        total = self.excluded.total
        excluded = f" excluding {total}" if total else ""
        return f"{self.format()}{excluded}" if self.denominator else f"n/a (0/0){excluded}"

    def to_document(self, language: Language | str = "zh") -> Document:
        """Return the rate with its 95% Wilson interval, then its exclusions as a list.

        Up to 20 exclusions are listed one by one; past that, each reason
        gets one item with how many and the first five ids.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> print(Rate(51, 60).to_markdown("en"))
            85.0% (51/60) · 95% interval 73.9%–91.9%
            <BLANKLINE>
            >>> print(Rate(1, 2, (Exclusion("n9", "withdrawn"),)).to_text("en"))
            50.0% (1/2) · 95% interval 9.5%–90.5%
            <BLANKLINE>
            • Excluded: n9 (Need withdrawn)
            <BLANKLINE>
        """
        script = canonical_language(language)
        text = str(self)
        if self.denominator:
            low, high = self.wilson()
            band = select_language(script, "95% 置信区间", "95% interval", "95% 置信區間")
            text += f" · {band} {100 * low:.1f}%–{100 * high:.1f}%"
        blocks: list[Paragraph | Items] = [Paragraph(text)]
        if self.excluded.total:
            blocks.append(Items(exclusion_items(self.excluded, script)))
        return Document(blocks)

    def to_rows(self) -> list[dict[str, Any]]:
        """Return the rate as one row: counts, value, percent, 95% Wilson interval, excluded.

        The interval is ``None`` when the rate is undefined (a denominator of 0).

        Examples:
            >>> row = Rate(51, 60).to_rows()[0]
            >>> row["numerator"], row["denominator"], row["value"], row["percent"]
            (51, 60, 0.85, 85.0)
            >>> round(row["interval_low"], 4), round(row["interval_high"], 4), row["excluded"]
            (0.7389, 0.919, 0)
        """
        low, high = self.wilson() if self.denominator else (None, None)
        return [
            {
                "numerator": self.numerator,
                "denominator": self.denominator,
                "value": self.value,
                "percent": self.percent,
                "interval_low": low,
                "interval_high": high,
                "excluded": self.excluded.total,
            }
        ]

    def wilson(self, confidence: float = 0.95) -> WilsonInterval:
        """Return the Wilson score interval of the rate.

        Raises:
            ArgumentError: ``confidence`` is not a finite number from 0.5 to 0.9999.

        Examples:
            >>> low, high = Rate(46, 50).wilson()
            >>> round(low, 3), round(high, 3)
            (0.812, 0.968)
        """
        return wilson_interval(self.numerator, self.denominator, confidence)


def rate(numerator: int, denominator: int, exclusions: Iterable[Exclusion] = ()) -> Rate:
    """Return the rate ``numerator / denominator``, keeping the exclusions.

    Raises:
        ArgumentError: a count is negative or above a billion.
        MetricInputError: the numerator is above the denominator.

    Examples:
        >>> rate(51, 60).format()
        '85.0% (51/60)'
        >>> rate(5, 4)
        Traceback (most recent call last):
        ...
        socialwork.errors.MetricInputError: numerator must be at most the denominator 4; got 5
    """
    return Rate(numerator, denominator, tuple(exclusions))


def combine(rates: Iterable[Rate]) -> Rate:
    """Add up rates of disjoint parts: numerators, denominators and exclusions.

    Use it to aggregate by category or by period when the parts do not
    overlap (each person or record counted in one part only). The
    exclusions are counted from every part; they are listed when every part
    listed its own.

    Raises:
        ArgumentError: the sums are above a billion.

    Examples:
        >>> str(combine([rate(17, 20), rate(12, 15), rate(10, 12), rate(12, 13)]))
        '85.0% (51/60)'
        >>> str(combine([]))
        'n/a'
    """
    parts = tuple(rates)
    listed = all(len(r.exclusions) == r.excluded.total for r in parts)
    return Rate(
        sum(r.numerator for r in parts),
        sum(r.denominator for r in parts),
        tuple(e for r in parts for e in r.exclusions) if listed else (),
        _joined(r.excluded for r in parts),
    )


def percentage_point_change(current: Rate, previous: Rate) -> float | None:
    """Return the change from ``previous`` to ``current`` in percentage points (百分点).

    Computed exactly from the counts; ``None`` when either rate is undefined.

    Examples:
        >>> percentage_point_change(rate(46, 50), rate(87, 100))
        5.0
        >>> percentage_point_change(rate(46, 50), rate(0, 0)) is None
        True
    """
    if current.denominator == 0 or previous.denominator == 0:
        return None
    difference = Fraction(current.numerator, current.denominator) - Fraction(
        previous.numerator, previous.denominator
    )
    return float(100 * difference)
