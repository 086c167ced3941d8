"""How the metrics' displays shorten long lists: exclusions by reason, and rows left out.

A district's report can hold hundreds of thousands of exclusions or overdue
cases. The results count every item and keep the first `SHOWN` of each
kind; what they show is shortened past `SHOWN` items, so that a display
costs what its figures cost.

Examples:
    >>> from socialwork.metrics.rates import Exclusion, ExclusionSummary
    >>> exclusion_items(ExclusionSummary.of([Exclusion("s7", "intern")]), "en")
    ['Excluded: s7 (Interns are not counted)']
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from socialwork.display.document import Paragraph
from socialwork.labels import LabelledEnum, Script, select_language


class Excluded(Protocol):
    """What a shortened list reads of an exclusion (`socialwork.metrics.rates.Exclusion`)."""

    @property
    def record_id(self) -> str:
        """The excluded record's id."""

    @property
    def reason(self) -> LabelledEnum:
        """Why it was excluded."""


class Summary(Protocol):
    """What a shortened list reads of a rate's `socialwork.metrics.rates.ExclusionSummary`."""

    @property
    def counts(self) -> Sequence[tuple[LabelledEnum, int]]:
        """Each reason with how many records it left out, in first-seen order."""

    @property
    def first(self) -> Sequence[Excluded]:
        """The first `SHOWN` exclusions of each reason, in the listing's order."""

    @property
    def total(self) -> int:
        """How many records were left out."""


__all__ = ["SAMPLE_IDS", "SHOWN", "exclusion_items", "rows_left_out"]

SHOWN = 20
"""How many items of a long list (exclusions, overdue follow-ups) a display shows one by one.

Past it, a display summarises: exclusions are counted by reason, with
their first ids, and a table says how many rows it left out.
"""

SAMPLE_IDS = 5
"""How many ids a summarised reason shows."""


def exclusion_items(excluded: Summary, script: Script, name: str | None = None) -> list[str]:
    """List items for a rate's exclusions (its summary), under ``name`` (an indicator's) if given.

    One item each, or past `SHOWN` one for each reason: how many, and the
    first ids, in the order the reasons first appear.

    Examples:
        >>> from socialwork.metrics.rates import Exclusion, ExclusionSummary
        >>> many = ExclusionSummary.of([Exclusion(f"v{i}", "above_plan") for i in range(30)])
        >>> exclusion_items(many, "en")
        ['Excluded 30 (Above the planned number): v0, v1, v2, v3, v4, …']
        >>> exclusion_items(many, "zh-Hans", "入户走访完成率")
        ['入户走访完成率 · 排除 30 条（超出计划次数）：v0、v1、v2、v3、v4 等']
    """
    head = select_language(script, "排除", "Excluded")
    if excluded.total <= SHOWN:
        return [f"{name or head}: {e.record_id} ({e.reason.label(script)})" for e in excluded.first]
    prefix = f"{name} · " if name else ""
    items = []
    for reason, count in excluded.counts:
        ids = [e.record_id for e in excluded.first if e.reason is reason]
        shown, label, more = ids[:SAMPLE_IDS], reason.label(script), count > SAMPLE_IDS
        if script == "en":
            text = f"{head} {count:,} ({label}): {', '.join(shown)}{', …' if more else ''}"
        else:
            unit = "條" if script == "zh-Hant" else "条"
            text = f"{head} {count:,} {unit}（{label}）：{'、'.join(shown)}{' 等' if more else ''}"
        items.append(prefix + text)
    return items


def rows_left_out(count: int, script: Script, where: str) -> list[Paragraph]:
    """The note under a table cut to `SHOWN` rows: how many it left out, and where they all are.

    Examples:
        >>> rows_left_out(0, "en", "report.overdue")
        []
        >>> rows_left_out(56530, "en", "report.overdue")[0].text
        '… and 56,530 more rows, all in report.overdue'
        >>> rows_left_out(3, "zh-Hans", "report.overdue")[0].text
        '…… 另有 3 行未列出，全部见 report.overdue'
    """
    if count <= 0:
        return []
    text = select_language(
        script,
        f"…… 另有 {count:,} 行未列出，全部见 {where}",
        f"… and {count:,} more rows, all in {where}",
        f"…… 另有 {count:,} 行未列出，全部見 {where}",
    )
    return [Paragraph(text, note=True)]
