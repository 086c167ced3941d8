"""Long lists in displays: a district's report shows a readable summary, and keeps every item."""

from __future__ import annotations

import re
from collections import Counter

from socialwork import metrics
from socialwork.metrics import Exclusion, ExclusionReason, Rate
from tests.frames_data import generated_records


def test_a_rate_with_few_exclusions_lists_each() -> None:
    r = Rate(3, 5, tuple(Exclusion(f"s{i}", "intern") for i in range(20)))
    items = [line for line in r.to_markdown("en").splitlines() if line.startswith("- ")]
    assert len(items) == 20
    assert items[0] == "- Excluded: s0 (Interns are not counted)"


def test_a_rate_with_many_exclusions_counts_them_by_reason() -> None:
    # 21 exclusions: 15 above the plan, then 6 withdrawn; one line for each reason
    above = [Exclusion(f"v{i:02}", "above_plan") for i in range(15)]
    withdrawn = [Exclusion(f"n{i}", "withdrawn") for i in range(6)]
    r = Rate(10, 10, (*above, *withdrawn))
    items = [line for line in r.to_markdown("en").splitlines() if line.startswith("- ")]
    assert items == [
        "- Excluded 15 (Above the planned number): v00, v01, v02, v03, v04, …",
        "- Excluded 6 (Need withdrawn): n0, n1, n2, n3, n4, …",
    ]
    zh = [line for line in r.to_markdown().splitlines() if line.startswith("- ")]
    assert zh[1] == "- 排除 6 条（需求已撤回）：n0、n1、n2、n3、n4 等"
    hant = [line for line in r.to_markdown("zh-Hant").splitlines() if line.startswith("- ")]
    assert hant[0].startswith("- 排除 15 條（超出計劃次數）")
    assert len(r.exclusions) == 21  # the rate keeps them all


def test_a_large_report_shows_twenty_overdue_rows_and_counts_the_rest() -> None:
    records = generated_records(1500, seed=11)
    report = metrics.monthly_report(records, records.period)
    assert len(report.overdue) > 20
    text = report.to_markdown("en")
    section = text.split("## Overdue follow-ups")[1].split("## ")[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")][1:]  # no header
    assert [r.split(" | ")[0].strip("| ") for r in rows] == [f.case_id for f in report.overdue[:20]]
    left = len(report.overdue) - 20
    # a grey note under the table, in plain words (no code markup to escape)
    assert f"\n*… and {left:,} more rows, all in report.overdue*\n" in section


def test_a_large_report_counts_every_exclusion_in_its_summary() -> None:
    records = generated_records(1500, seed=11)
    report = metrics.monthly_report(records, records.period)
    text = report.to_markdown("en").split("## Exclusions")[1]
    shown: Counter[tuple[str, str]] = Counter()
    for line in text.splitlines():
        one = re.fullmatch(r"- (.+?): (\S+) \((.+)\)", line)
        many = re.fullmatch(r"- (.+) · Excluded ([\d,]+) \((.+?)\): .*", line)
        if many:
            shown[many[1], many[3]] += int(many[2].replace(",", ""))
        elif one:
            shown[one[1], one[3]] += 1
    expected: Counter[tuple[str, str]] = Counter(
        (li.definition.name.text("en"), e.reason.label("en"))
        for li in report.lines
        for e in li.exclusions
    )
    assert sum(expected.values()) > 20
    assert shown == expected
    assert len(text.splitlines()) < 40


def test_reasons_are_summarised_in_first_seen_order() -> None:
    mixed = [
        Exclusion(f"g{i}", ExclusionReason.GOAL_VOID if i % 3 else "goal_not_assessed")
        for i in range(30)
    ]
    items = [
        line
        for line in Rate(1, 2, tuple(mixed)).to_markdown("en").splitlines()
        if line.startswith("- ")
    ]
    assert items[0].startswith("- Excluded 10 (Goal not yet assessed): g0, g3, g6, g9, g12, …")
    assert items[1].startswith(
        "- Excluded 20 (Goal cancelled, rejected or in error): g1, g2, g4, g5, g7, …"
    )
