"""The monthly report of the sample station, figure by figure."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import opencc
import polars as pl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import socialwork.metrics as metrics
from socialwork import frames
from socialwork.errors import (
    ArgumentError,
    UnknownCodeError,
    UnknownLanguageError,
)
from socialwork.frames import indicators as frame_indicators
from socialwork.frames import services as frame_services
from socialwork.frames import to_frame
from socialwork.metrics import (
    Exclusion,
    MonthlyReport,
    Rate,
    TargetStatus,
    casework,
    key_group_coverage_by_category,
    monthly_report,
    rate,
    services,
)
from socialwork.metrics import report as report_module
from socialwork.metrics.catalogue import (
    CATALOGUE,
    indicator,
)
from socialwork.metrics.report import _WORDS, assemble_report
from socialwork.models import (
    BilingualText,
    ClientCategory,
    Period,
)
from socialwork.records import replace
from socialwork.samples import station_month, station_previous_month
from tests.frames_data import generated_records
from tests.metrics.support import (
    MAY,
    OVERDUE_FOLLOW_UPS,
    P,
)
from tests.support import exit_check

JUNE = station_month()


@pytest.fixture(scope="module")
def report() -> MonthlyReport:
    return monthly_report(JUNE, JUNE.period, station_previous_month())


def counts(value: object) -> tuple[int, int]:
    assert isinstance(value, Rate)
    return value.numerator, value.denominator


def test_every_seed_figure(report: MonthlyReport) -> None:
    # 23 + 15 + 12 people and 15 households covered of 34 + 15 + 12 + 15 registered.
    assert counts(report.line("key_group_coverage").value) == (65, 76)
    assert counts(report.line("survey_satisfaction").value) == (60, 65)  # 65 valid responses
    assert counts(report.line("case_improvement").value) == (3, 5)
    assert counts(report.line("group_attendance").value) == (117, 130)
    assert counts(report.line("need_satisfaction").value) == (15, 28)
    assert counts(report.line("file_completeness").value) == (27, 32)
    assert counts(report.line("resource_match_accuracy").value) == (7, 10)
    assert report.line("overdue_follow_ups").value == 3
    assert report.line("volunteer_hours").value == Decimal(100)
    sunset = report.groups[0]
    assert (counts(sunset.attendance), str(sunset.membership)) == ((45, 50), "8 → 15")
    assert [f.case_id for f in report.overdue] == ["k8", "k7", "k4"]
    by_category = [counts(r) for _, r in report.coverage_by_category]
    assert by_category == [(23, 34), (15, 15), (12, 12), (15, 15)]


def test_home_visit_completion_against_the_plan(report: MonthlyReport) -> None:
    # June: 15 home visits a week planned, 8 made, for 4 weeks: 32/60 = 53.3%.
    # May: the same plan, 27 made: 27/60 = 45.0%; change 53.33 - 45.00 = +8.3 points.
    line = report.line("home_visit_completion")
    assert counts(line.value) == (32, 60)
    assert counts(line.previous) == (27, 60)
    assert line.change == pytest.approx(100 * (32 - 27) / 60)
    assert line.status is TargetStatus.OFF_TRACK
    assert "| Home-visit completion | 53.3% (32/60) | 45.0% (27/60) | +8.3 pp |" in (
        report.to_markdown("en")
    )


def test_changes_on_the_previous_month(report: MonthlyReport) -> None:
    # Satisfaction 60/65 = 92.31% against 55/63 = 87.30%: +5.01 points.
    assert report.line("survey_satisfaction").change == pytest.approx(100 * (60 / 65 - 55 / 63))
    # Coverage 65/76 against 60/76: +5/76 = +6.58 points.
    assert report.line("key_group_coverage").change == pytest.approx(100 * 5 / 76)
    # Case improvement 3/5 against 1/5 (k3 improving in May): +40 points;
    # goal attainment 1/5 (k3 achieved) against 0/5: +20 points.
    assert report.line("case_improvement").change == pytest.approx(40.0)
    assert counts(report.line("goal_attainment").previous) == (0, 5)
    # Group attendance 117/130 = 90% against 28/32 = 87.5%: +2.5 points.
    assert report.line("group_attendance").change == pytest.approx(2.5)
    # Caseload 8 open cases / 6 workers against 5 / 6: +0.5.
    assert report.line("mean_caseload").change == pytest.approx(8 / 6 - 5 / 6)
    # Overdue follow-ups 3 against 0: May's five cases were all followed up weekly.
    assert (
        report.line("overdue_follow_ups").previous,
        report.line("overdue_follow_ups").change,
    ) == (
        0,
        3,
    )
    assert monthly_report(JUNE, JUNE.period).line("key_group_coverage").change is None


def test_a_previous_month_without_the_records_is_no_data_not_zero(report: MonthlyReport) -> None:
    # May has no files, deliveries, micro-wishes or volunteer hours.
    for code in ("file_completeness", "resource_match_accuracy", "need_satisfaction"):
        line = report.line(code)
        assert (line.previous, line.change) == (Rate(0, 0), None)
    hours = report.line("volunteer_hours")
    assert (hours.previous, hours.change) == (None, None)
    en = report.to_markdown("en")
    assert "| Volunteer hours | 100 hours | n/a | — | — | No target |" in en
    assert "| File completeness | 84.4% (27/32) | n/a | — | ≥ 100.0% | Off track |" in en


def test_a_bare_previous_month_prints_na_never_zero() -> None:
    # A previous bundle holding only the station: nothing to compare with.
    bare = replace(
        station_previous_month(),
        clients=(),
        cases=(),
        visits=(),
        groups=(),
        surveys=(),
        home_visits_planned=None,
    )
    report = monthly_report(JUNE, JUNE.period, bare)
    for code in ("mean_caseload", "volunteer_hours", "overdue_follow_ups", "home_visit_completion"):
        line = report.line(code)
        assert (line.previous, line.change) == (None, None), code
    en = report.to_markdown("en")
    assert "| Caseload per worker | 1.3 cases | n/a | — | — | No target |" in en
    assert "| Overdue follow-ups | 3 cases | n/a | — | ≤ 0 cases | Off track |" in en
    assert "0.0 cases" not in en
    assert "| 0 hours" not in en
    # Without any previous bundle the column is "—", not n/a.
    alone = monthly_report(JUNE, JUNE.period).to_markdown("en")
    assert "| Volunteer hours | 100 hours | — | — | — | No target |" in alone


def test_a_bundle_without_the_records_has_no_data() -> None:
    empty = replace(JUNE, cases=(), visits=(), service_hours=(), home_visits_planned=None)
    report = monthly_report(empty, empty.period)
    for code in ("mean_caseload", "volunteer_hours", "overdue_follow_ups", "home_visit_completion"):
        assert report.line(code).value is None, code
    assert report.line("overdue_follow_ups").status is TargetStatus.NO_DATA
    # Without a target there is nothing to judge, with or without a figure.
    assert report.line("volunteer_hours").status is TargetStatus.NO_TARGET


def test_target_status(report: MonthlyReport) -> None:
    assert report.line("key_group_coverage").status is TargetStatus.OFF_TRACK  # 85.5 < 95
    assert report.line("file_completeness").status is TargetStatus.OFF_TRACK  # 84.4 < 100
    assert report.line("resource_match_accuracy").status is TargetStatus.OFF_TRACK  # 70 < 90
    assert report.line("overdue_follow_ups").status is TargetStatus.OFF_TRACK  # 3 > 0
    assert report.line("home_visit_completion").status is TargetStatus.OFF_TRACK  # 53.3 < 100
    # A value that no target judges: "no target", not "no data".
    assert report.line("survey_satisfaction").status is TargetStatus.NO_TARGET
    untargeted = [li.definition.code for li in report.lines if li.target is None]
    assert all(report.line(c).status is TargetStatus.NO_TARGET for c in untargeted)


def test_markdown_in_three_languages(report: MonthlyReport) -> None:
    zh = report.to_markdown()
    assert zh == report.to_markdown("zh-Hans")
    assert "| 档案完整率 | 84.4% (27/32) | n/a | — | ≥ 100.0% | 未达预期 |" in zh
    assert "| 超期未跟进个案 | 3例 | 0例 | +3例 | ≤ 0例 | 未达预期 |" in zh
    assert (
        "| 服务对象满意率(调查) | 92.3% (60/65) | 87.3% (55/63) | +5.0 个百分点 | — | 无目标 |"
        in zh
    )
    assert "| 志愿服务时长 | 100小时 | n/a | — | — | 无目标 |" in zh
    assert "- 社工持证率: s7 (实习社工不计入)" in zh
    en = report.to_markdown("en")
    assert "| Key-group coverage | 85.5% (65/76) | 78.9% (60/76) | +6.6 pp | ≥ 95.0% |" in en
    assert "| Living-alone elderly | 67.6% (23/34) |" in en
    assert (
        "| Satisfaction (survey) | 92.3% (60/65) | 87.3% (55/63) | +5.0 pp | — | No target |" in en
    )
    hant = report.to_markdown("zh-Hant")
    # Names, units and status words are all Traditional (the catalogue gives zh_hant).
    assert "| 志願服務時長 | 100小時 | n/a | — | — | 無目標 |" in hant
    assert "| 社工持證率 | 83.3% (5/6) | 83.3% (5/6) | +0.0 個百分點 | — | 無目標 |" in hant
    assert "無數據" not in hant
    assert "No data" not in en
    with pytest.raises(UnknownLanguageError):
        report.to_markdown("fr")


def test_unknown_line_code(report: MonthlyReport) -> None:
    with pytest.raises(UnknownCodeError) as info:
        report.line("happiness")
    assert info.value.parameter == "code"
    assert "key_group_coverage" in info.value.allowed


# Kinds of records to leave out, with the records that refer to them.
_KINDS = {
    "clients": ("clients", "cases", "visits"),
    "cases": ("cases", "visits"),
    "groups": ("groups",),
    "service_hours": ("service_hours",),
    "files": ("files",),
    "surveys": ("surveys",),
}


@settings(max_examples=30, deadline=None)
@given(st.sets(st.sampled_from(sorted(_KINDS))), st.booleans())
def test_status_and_previous_follow_the_data(dropped: set[str], plan: bool) -> None:
    # Drop any kinds of records from both months: a line without a target is
    # "no target", a targeted line without a value "no data", and a previous month
    # without the records shows n/a, never a 0 that did not happen.
    empty: dict[str, object] = {field: () for kind in dropped for field in _KINDS[kind]}
    june = replace(JUNE, **empty, home_visits_planned=60 if plan else None)
    may = replace(station_previous_month(), **empty)
    report = monthly_report(june, june.period, may)
    for line in report.lines:
        if line.target is None:
            assert line.status is TargetStatus.NO_TARGET
        elif line.definition.scaled(line.value) is None:
            assert line.status is TargetStatus.NO_DATA
        else:
            assert line.status not in (TargetStatus.NO_DATA, TargetStatus.NO_TARGET)
    if "service_hours" in dropped:
        assert report.line("volunteer_hours").previous is None
    if {"clients", "cases"} & dropped:
        for code in ("mean_caseload", "overdue_follow_ups"):
            assert (report.line(code).previous, report.line(code).change) == (None, None)
        assert "| 超期未跟进个案 | n/a | n/a | — | ≤ 0例 | 无数据 |" in report.to_markdown()


def cells(row: str) -> list[str]:
    """The cells of a Markdown table row, split on the bars that are not escaped."""
    return [c.strip() for c in re.split(r"(?<!\\)\|", row)[1:-1]]


def test_an_unknown_report_line_lists_the_codes() -> None:
    report = monthly_report(JUNE, JUNE.period)
    with pytest.raises(UnknownCodeError) as info:
        report.line("happiness")
    assert info.value.allowed == tuple(CATALOGUE)


def test_the_report_has_one_line_per_catalogue_entry_in_order() -> None:
    report = monthly_report(JUNE, JUNE.period, MAY)
    assert [line.definition.code for line in report.lines] == list(CATALOGUE)
    assert all(
        line.definition is CATALOGUE[line.definition.code].definition for line in report.lines
    )


def test_the_changes_of_plain_numbers() -> None:
    report = monthly_report(JUNE, JUNE.period, MAY)
    # Volunteer hours: 100 in June, no hours recorded in May: no data, so no change.
    assert report.line("volunteer_hours").change is None
    # Overdue: 3 against 0 in May (five cases followed up weekly): +3.
    assert report.line("overdue_follow_ups").change == 3.0
    # Caseload: 8 open cases over 6 workers in June, 5 over 6 in May: +0.5.
    assert report.line("mean_caseload").change == pytest.approx(8 / 6 - 5 / 6)
    # Satisfaction, a rate: 60/65 = 92.31% against 55/63 = 87.30%, +5.01 points.
    assert report.line("survey_satisfaction").change == pytest.approx(100 * (60 / 65 - 55 / 63))


def test_the_report_in_english() -> None:
    text = monthly_report(JUNE, JUNE.period, MAY).to_markdown("en")
    lines = text.splitlines()
    assert lines[0] == "# 幸福街道社工站 monthly indicator report"
    assert lines[2] == "Period: 2025-06-01 to 2025-06-30; compared with: 2025-05-01 to 2025-05-31"
    assert lines[4] == "| Indicator | This period | Previous | Change | Target | Status |"
    for row in (
        "| Key-group coverage | 85.5% (65/76) | 78.9% (60/76) | +6.6 pp | ≥ 95.0% | Off track |",
        "| Satisfaction (survey) | 92.3% (60/65) | 87.3% (55/63) | +5.0 pp | — | No target |",
        "| Overdue follow-ups | 3 cases | 0 cases | +3 cases | ≤ 0 cases | Off track |",
        "| Volunteer hours | 100 hours | n/a | — | — | No target |",
        "## Key-group coverage by category",
        "| Category | Coverage |",
        "| Minimum-livelihood guarantee | 100.0% (15/15) |",
        "## Groups",
        "| Group | Attendance | Members (start → end) |",
        "## Overdue follow-ups (2025-06-30)",
        "| Case | Worker | Last contact | Due on |",
        "| k8 | s4 | — | 2025-06-16 |",
        "| k4 | s4 | 2025-06-18 | 2025-06-25 |",
        "## Exclusions",
        "- Certification rate: s7 (Interns are not counted)",
    ):
        assert row in lines, row
    assert monthly_report(JUNE, JUNE.period, MAY).to_markdown("en-US") == text


def test_the_report_without_a_previous_period_or_exclusions() -> None:
    bare = replace(JUNE, station=replace(JUNE.station, staff=JUNE.station.staff[:6]))
    text = monthly_report(bare, bare.period).to_markdown("en")
    assert "Period: 2025-06-01 to 2025-06-30\n" in text
    assert "compared with" not in text
    assert text.endswith("## Exclusions\n\n- none\n")
    assert monthly_report(bare, bare.period).to_markdown().endswith("## 排除项\n\n- 无\n")


def test_the_report_in_traditional_chinese() -> None:
    to_traditional = opencc.OpenCC("s2t")
    for key, simplified in _WORDS["zh-Hans"].items():
        assert _WORDS["zh-Hant"][key] == to_traditional.convert(simplified), key
    report = monthly_report(JUNE, JUNE.period, MAY)
    text = report.to_markdown("zh-TW")
    assert text == report.to_markdown("zh-Hant") == report.to_markdown("zh_HK")
    assert "| 重點人羣覆蓋(按類別)" not in text  # a heading, not a table row
    assert "## 重點人羣覆蓋(按類別)" in text
    assert "| 獨居老人 | 67.6% (23/34) |" in text
    assert "+5.0 個百分點" in text
    assert "未達預期" in text
    assert report.to_markdown("zh_CN") == report.to_markdown()
    with pytest.raises(UnknownLanguageError):
        report.to_markdown("fr")


def test_names_with_bars_and_line_breaks_cannot_break_the_tables() -> None:
    sunset, *others = JUNE.groups
    odd = replace(
        JUNE,
        station=replace(JUNE.station, name="幸福|街道\n社工站"),
        groups=(replace(sunset, name="夕阳|红\r\n小组 \\ 一"), *others),
    )
    text = monthly_report(odd, odd.period).to_markdown()
    lines = text.splitlines()
    assert lines[0] == "# 幸福\\|街道 社工站 月度指标报告"  # every text is escaped, headings too
    (row,) = [line for line in lines if line.startswith("| 夕阳")]
    assert cells(row) == ["夕阳\\|红 小组 \\\\ 一", "90.0% (45/50)", "8 → 15"]
    header = next(i for i, line in enumerate(lines) if line.startswith("| 小组 |"))
    for table_row in lines[header : header + 5]:
        assert len(cells(table_row)) == 3


def test_categories_in_the_report_follow_the_enum() -> None:
    report = monthly_report(JUNE, JUNE.period)
    order = list(ClientCategory)
    found = [order.index(c) for c, _ in report.coverage_by_category]
    assert found == sorted(found)


def test_changes_against_the_same_month_are_zero() -> None:
    report = monthly_report(JUNE, JUNE.period, JUNE)
    for code in ("volunteer_hours", "mean_caseload", "overdue_follow_ups", "key_group_coverage"):
        assert report.line(code).change == 0.0, code
    home = report.line("home_visit_completion")
    assert (home.value, home.change) == (rate(32, 60), 0.0)  # 8 home visits a week of 15


def test_the_markdown_layout() -> None:
    empty = replace(JUNE, groups=(), cases=(), visits=())
    lines = monthly_report(empty, empty.period).to_markdown("en").splitlines()
    assert lines[1] == ""
    assert lines[3] == ""
    assert lines[5] == "|---|---|---|---|---|---|"
    for index, text in enumerate(lines):
        if text.startswith("## "):
            assert lines[index - 1] == "", text
            assert lines[index + 1] == "", text
    assert "| — | — | — |" in lines  # no group: one row of dashes
    assert "| — | — | — | — |" in lines  # no overdue case
    assert not any("XX" in text for text in lines)


EMPTY_EN = """\
# S monthly indicator report

Period: 2025-06-01 to 2025-06-30; compared with: 2025-05-01 to 2025-05-31

| Indicator | This period | Previous | Change | Target | Status |
|---|---|---|---|---|---|
| — | — | — | — | — | — |

## Key-group coverage by category

| Category | Coverage |
|---|---|
| — | — |

## Groups

| Group | Attendance | Members (start → end) |
|---|---|---|
| — | — | — |

## Overdue follow-ups (2025-06-30)

| Case | Worker | Last contact | Due on |
|---|---|---|---|
| — | — | — | — |

## Exclusions

- none
"""


def test_empty_report_markdown_exactly() -> None:
    empty = MonthlyReport(
        station="S",
        period=P,
        previous_period=Period(start=date(2025, 5, 1), end=date(2025, 5, 31)),
        lines=(),
        coverage_by_category=(),
        groups=(),
        overdue=(),
    )
    assert empty.to_markdown("en") == EMPTY_EN


def test_unknown_line_names_the_code() -> None:
    with pytest.raises(UnknownCodeError, match=r"; got 'nope'$"):
        monthly_report(JUNE, JUNE.period).line("nope")


def test_change_of_a_plain_number() -> None:
    # 5 cases against 2: +3 (not 7).
    assert report_module._change(OVERDUE_FOLLOW_UPS, 5, 2) == 3.0


def test_a_large_report_shows_twenty_overdue_rows_and_counts_the_rest() -> None:
    records = generated_records(1500, seed=11)
    report = metrics.monthly_report(records, records.period)
    every = casework.overdue_follow_ups(records.cases, records.visits, as_of=records.period.end)
    assert len(every) > 20
    # the report counts them all and keeps the first 20, which it shows
    assert (report.overdue_count, report.overdue) == (len(every), every[:20])
    text = report.to_markdown("en")
    section = text.split("## Overdue follow-ups")[1].split("## ")[0]
    rows = [line for line in section.splitlines() if line.startswith("| ")][1:]  # no header
    assert [r.split(" | ")[0].strip("| ") for r in rows] == [f.case_id for f in every[:20]]
    left = len(every) - 20
    # a grey note under the table, naming the function that lists them all (escaped)
    assert f"\n*… and {left:,} more rows, all in overdue\\_follow\\_ups*\n" in section


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


PLAIN = (str, int, float, bool, date, type(None))


def plain(rows: list[dict[str, Any]]) -> bool:
    return all(isinstance(cell, PLAIN) for row in rows for cell in row.values())


def frame_rows(result: object) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = to_frame(result).to_dicts()
    return rows


def test_a_report_is_one_row_per_line(report: MonthlyReport) -> None:
    rows = report.to_rows()
    assert [r["code"] for r in rows] == [li.definition.code for li in report.lines]
    assert plain(rows)
    by_code = {r["code"]: r for r in rows}
    # 65 of the 76 registered covered in June, 60 in May: +5/76 = +6.58 points, under 95%
    coverage = by_code["key_group_coverage"]
    assert (coverage["numerator"], coverage["denominator"]) == (65, 76)
    assert coverage["value"] == pytest.approx(65 / 76)
    assert coverage["previous"] == pytest.approx(60 / 76)
    assert coverage["change"] == pytest.approx(500 / 76)
    assert (coverage["target"], coverage["status"]) == (95.0, "off_track")
    assert coverage["name_en"] == "Key-group coverage"
    # 100 volunteer hours in June; May holds none (no data, not 0); no target
    hours = by_code["volunteer_hours"]
    assert (hours["value"], hours["numerator"], hours["interval_low"]) == (100.0, None, None)
    assert (hours["previous"], hours["change"], hours["target"]) == (None, None, None)
    assert hours["status"] == "no_target"
    # 5 of 6 workers certified, the two interns left out
    certified = by_code["certification_rate"]
    assert (certified["numerator"], certified["denominator"], certified["excluded"]) == (5, 6, 2)
    assert report.line("certification_rate").to_rows() == [certified]


@pytest.mark.parametrize(
    "result",
    [
        pytest.param(
            lambda: monthly_report(JUNE, JUNE.period, station_previous_month()), id="report"
        ),
        pytest.param(
            lambda: monthly_report(JUNE, JUNE.period).line("key_group_coverage"), id="line"
        ),
        pytest.param(
            lambda: key_group_coverage_by_category(JUNE.clients, JUNE.visits, JUNE.period),
            id="coverage",
        ),
        pytest.param(exit_check, id="exit_check"),
        pytest.param(lambda: rate(46, 50, [Exclusion("n9", "withdrawn")]), id="rate"),
    ],
)
def test_rows_hold_every_column_of_the_frame(result: Any) -> None:
    value = result()
    rows = value.to_rows()
    frame = frame_rows(value)
    assert len(rows) == len(frame)
    for mine, theirs in zip(rows, frame, strict=True):
        assert {k: mine[k] for k in theirs} == pytest.approx(theirs)


EMPTY = pl.DataFrame()


CALLS: dict[str, Callable[[Any], object]] = {
    "monthly_report": lambda p: metrics.monthly_report(JUNE, p),
    "assemble_report": lambda p: assemble_report("s", p, None, {}, None, (), (), (), 0),
    "group_attendance": lambda p: services.group_attendance(JUNE.groups, p),
    "membership_growth": lambda p: metrics.membership_growth(JUNE.groups[0], p),
    "volunteer_hours": lambda p: services.volunteer_hours(JUNE.service_hours, p),
    "resource_match_accuracy": lambda p: services.resource_match_accuracy(JUNE.deliveries, p),
    "need_satisfaction": lambda p: services.need_satisfaction(JUNE.needs, p),
    "survey_satisfaction": lambda p: services.survey_satisfaction(JUNE.surveys, p),
    "staff_turnover": lambda p: services.staff_turnover(JUNE.station.staff, p),
    "key_group_coverage": lambda p: casework.key_group_coverage(JUNE.clients, JUNE.visits, p),
    "key_group_coverage_by_category": lambda p: metrics.key_group_coverage_by_category(
        JUNE.clients, JUNE.visits, p
    ),
    "home_visit_completion": lambda p: casework.home_visit_completion(JUNE.visits, p, 60),
    "frame_monthly_report": lambda p: frames.frame_monthly_report(
        frames.StationFrames.from_records(JUNE), p
    ),
    "frame_survey_satisfaction": lambda p: frame_services.frame_survey_satisfaction(EMPTY, p),
    "frame_volunteer_hours": lambda p: frame_services.frame_volunteer_hours(EMPTY, p),
    "frame_staff_turnover": lambda p: frame_services.frame_staff_turnover(EMPTY, p),
    "frame_home_visit_completion": lambda p: frame_services.frame_home_visit_completion(
        EMPTY, p, 60
    ),
    "frame_group_attendance": lambda p: frame_services.frame_group_attendance(EMPTY, EMPTY, p),
    "frame_key_group_coverage": lambda p: frame_indicators.frame_key_group_coverage(
        EMPTY, EMPTY, p
    ),
    "frame_need_satisfaction": lambda p: frame_indicators.frame_need_satisfaction(EMPTY, p),
    "frame_resource_match_accuracy": lambda p: frame_indicators.frame_resource_match_accuracy(
        EMPTY, p
    ),
}


@pytest.mark.parametrize("name", sorted(CALLS))
@pytest.mark.parametrize("period", ["2025-06", ("2025-06-01", "2025-06-30"), None])
def test_a_period_that_is_not_a_period_is_a_type_error(name: str, period: object) -> None:
    with pytest.raises(TypeError, match=r"^period must be a Period; got "):
        CALLS[name](period)


def test_a_report_line_reads_as_one_row_of_the_report_in_each_language() -> None:
    from socialwork.samples import station_month, station_previous_month

    june, may = station_month(), station_previous_month()
    report = monthly_report(june, june.period, may)
    # 27 of 32 files complete against a standing target of all of them; May kept no files
    files = report.line("file_completeness")
    assert files.to_markdown("en").splitlines() == [
        "| Indicator | This period | Previous | Change | Target | Status |",
        "|---|---|---|---|---|---|",
        "| File completeness | 84.4% (27/32) | n/a | — | ≥ 100.0% | Off track |",
    ]
    assert (
        files.to_markdown("zh-Hant").splitlines()[0]
        == "| 指標 | 本期 | 上期 | 變化 | 目標 | 狀態 |"
    )
    assert files.to_markdown("zh-Hant").splitlines()[2] == (
        "| 檔案完整率 | 84.4% (27/32) | n/a | — | ≥ 100.0% | 未達預期 |"
    )
    # coverage 65/76 in June against 60/76 in May: +6.6 points
    coverage = report.line("key_group_coverage").to_markdown("zh").splitlines()[2]
    assert coverage == (
        "| 重点人群服务覆盖率 | 85.5% (65/76) | 78.9% (60/76) | +6.6 个百分点 "
        "| ≥ 95.0% | 未达预期 |"
    )
    assert report.line("volunteer_hours").to_markdown("en").splitlines()[2] == (
        "| Volunteer hours | 100 hours | n/a | — | — | No target |"
    )


def test_a_section_is_judged_shown_and_tabulated_like_the_catalogue() -> None:
    june = station_month()
    files = replace(indicator("file_completeness").definition, code="team_files")
    may = Period.month(2025, 5)
    # 27/32 = 84.4% against 30/40 = 75.0%: +9.4 points, below the 100% target.
    line = metrics.report_line(files, metrics.rate(27, 32), june.period, metrics.rate(30, 40), may)
    assert line.change == pytest.approx(100 * (27 / 32 - 30 / 40))
    assert line.status is metrics.TargetStatus.OFF_TRACK
    assert line.previous_period == may
    title = BilingualText.of("团队", "Team", "團隊")
    report = metrics.monthly_report(
        june, june.period, sections=[metrics.ReportSection(title, [line])]
    )
    assert report.line("team_files") is line
    assert report.all_lines() == (*report.lines, line)
    assert report.to_rows()[-1]["previous"] == 0.75
    assert f"{len(report.lines) + 1} indicators" in repr(report)
    english = report.to_markdown("en")
    assert "\n## Team\n" in english
    assert english.count("| File completeness | 84.4% (27/32) | 75.0% (30/40) | +9.4") == 1
    assert "\n## 團隊\n" in report.to_markdown("zh-Hant")


def test_sections_must_be_sections() -> None:
    june = station_month()
    with pytest.raises(TypeError, match=r"^sections\b"):
        metrics.monthly_report(june, june.period, sections=["团队"])  # type: ignore[list-item]
    files = indicator("file_completeness").definition
    same_code = metrics.ReportSection(
        BilingualText.of("档案", "Files"),
        [metrics.report_line(files, metrics.rate(27, 32), june.period)],
    )
    with pytest.raises(ArgumentError, match=r"got \['file_completeness'\]") as raised:
        metrics.monthly_report(june, june.period, sections=[same_code])
    assert raised.value.parameter == "sections"
    with pytest.raises(TypeError, match="definition"):
        metrics.report_line("file_completeness", None, june.period)  # type: ignore[arg-type]


def test_a_line_tabulates_its_names_and_its_interval_only_when_defined(
    report: MonthlyReport,
) -> None:
    row = report.line("key_group_coverage").to_rows()[0]
    assert (row["name_zh"], row["name_en"]) == ("重点人群服务覆盖率", "Key-group coverage")
    assert 0 < row["interval_low"] < 65 / 76 < row["interval_high"] < 1
    undefined = monthly_report(replace(JUNE, surveys=()), JUNE.period).line("survey_satisfaction")
    assert str(undefined.value) == "n/a"
    row = undefined.to_rows()[0]
    assert (row["interval_low"], row["interval_high"], row["value"]) == (None, None, None)


def test_a_report_names_the_argument_it_refuses() -> None:
    june = station_month()
    with pytest.raises(TypeError, match=r"^records must be a StationRecords"):
        monthly_report("june", june.period)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^previous must be a StationRecords"):
        monthly_report(june, june.period, "may")  # type: ignore[arg-type]
    files = indicator("file_completeness").definition
    with pytest.raises(TypeError, match=r"^period must be a Period"):
        metrics.report_line(files, None, "2025-06")  # type: ignore[arg-type]
    section = metrics.ReportSection(
        BilingualText.of("档案", "Files"), [metrics.report_line(files, rate(1, 2), june.period)]
    )
    with pytest.raises(ArgumentError) as info:
        monthly_report(june, june.period, sections=[section])
    assert str(info.value) == (
        "sections must be lines whose codes no other line has; got ['file_completeness']"
    )


def test_a_section_compares_each_entry_with_the_period_before() -> None:
    from socialwork.metrics.catalogue import StationPeriod
    from socialwork.metrics.report import report_section

    june, may = station_month(), station_previous_month()
    entries = [indicator("key_group_coverage"), indicator("volunteer_hours")]
    title = BilingualText.of("覆盖", "Coverage")
    now, before = StationPeriod(june, june.period), StationPeriod(may, may.period)
    coverage, hours = report_section(title, entries, now, before).lines
    assert (str(coverage.value), str(coverage.previous)) == ("85.5% (65/76)", "78.9% (60/76)")
    assert coverage.previous_period == may.period
    assert coverage.change == pytest.approx(100 * 5 / 76)
    assert (hours.value, hours.previous) == (100, None)  # May has no volunteer hours
    alone, _ = report_section(title, entries, now).lines
    assert (alone.previous, alone.previous_period, alone.change) == (None, None, None)


@pytest.mark.parametrize(
    ("period", "english"),
    [
        (Period.month(2025, 6), "monthly indicator report"),
        (Period.quarter(2025, 1), "quarterly indicator report"),
        (Period.quarter(2025, 3), "quarterly indicator report"),
        (Period.quarter(2025, 4), "quarterly indicator report"),
        (Period.year(2025), "annual indicator report"),
        (Period(start=date(2025, 1, 1), end=date(2025, 2, 28)), "indicator report"),
        (Period(start=date(2025, 7, 2), end=date(2025, 9, 30)), "indicator report"),
    ],
)
def test_a_report_s_title_names_its_kind_of_period(period: Period, english: str) -> None:
    report = monthly_report(JUNE, period)
    assert report.title("en") == f"{JUNE.station.name} {english}"


def test_a_cut_table_says_how_many_rows_it_left_out_in_each_language() -> None:
    from socialwork.metrics._shown import rows_left_out

    assert rows_left_out(0, "en", "report.overdue") == []
    assert rows_left_out(-3, "en", "report.overdue") == []
    texts = [rows_left_out(1, s, "r.o")[0].text for s in ("zh-Hans", "en", "zh-Hant")]
    assert texts == [
        "…… 另有 1 行未列出，全部见 r.o",
        "… and 1 more rows, all in r.o",
        "…… 另有 1 行未列出，全部見 r.o",
    ]
