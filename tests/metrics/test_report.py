"""The monthly report of the sample station, figure by figure."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialwork.errors import UnknownCodeError, UnknownLanguageError
from socialwork.metrics import Rate, TargetStatus, monthly_report
from socialwork.metrics.report import MonthlyReport
from socialwork.records import replace
from socialwork.samples import station_month, station_previous_month

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
