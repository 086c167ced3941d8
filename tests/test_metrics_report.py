"""The monthly report of the sample station, figure by figure."""

from __future__ import annotations

from decimal import Decimal

import pytest

from socialwork.errors import UnknownCodeError, UnknownLanguageError
from socialwork.metrics import IndicatorStatus, Rate, monthly_report
from socialwork.metrics.report import MonthlyReport
from socialwork.samples import station_month, station_previous_month

JUNE = station_month()


@pytest.fixture(scope="module")
def report() -> MonthlyReport:
    return monthly_report(JUNE, JUNE.period, station_previous_month())


def counts(value: object) -> tuple[int, int]:
    assert isinstance(value, Rate)
    return value.numerator, value.denominator


def test_every_seed_figure(report: MonthlyReport) -> None:
    assert counts(report.line("key_group_coverage").value) == (51, 60)
    assert counts(report.line("survey_satisfaction").value) == (46, 50)
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


def test_home_visit_completion_against_the_plan(report: MonthlyReport) -> None:
    # June: 60 home visits planned (15 a week for 4 weeks); 65 visits of which 9 by phone,
    # so 56 home visits: 56/60 = 93.3%, below the 100% target.
    line = report.line("home_visit_completion")
    assert counts(line.value) == (56, 60)
    assert line.status is IndicatorStatus.OFF_TRACK
    # May set no plan: no data, and so no change.
    assert line.previous is None
    assert line.change is None
    assert "| Home-visit completion | 93.3% (56/60) | — | — |" in report.to_markdown("en")


def test_changes_on_the_previous_month(report: MonthlyReport) -> None:
    # Satisfaction 92% against 87%: +5 points; coverage 85% against 80% (48/60): +5 points.
    assert report.line("survey_satisfaction").change == 5.0
    assert report.line("key_group_coverage").change == 5.0
    # May's bundle has no files: undefined before, so no change.
    file_line = report.line("file_completeness")
    assert file_line.previous == Rate(0, 0)
    assert file_line.change is None
    assert monthly_report(JUNE, JUNE.period).line("key_group_coverage").change is None


def test_target_status(report: MonthlyReport) -> None:
    assert report.line("key_group_coverage").status is IndicatorStatus.OFF_TRACK  # 85 < 95
    assert report.line("file_completeness").status is IndicatorStatus.OFF_TRACK  # 84.4 < 100
    assert report.line("resource_match_accuracy").status is IndicatorStatus.OFF_TRACK  # 70 < 90
    assert report.line("overdue_follow_ups").status is IndicatorStatus.OFF_TRACK  # 3 > 0
    assert report.line("survey_satisfaction").status is IndicatorStatus.NO_DATA  # no target


def test_markdown_in_both_languages(report: MonthlyReport) -> None:
    zh = report.to_markdown()
    assert zh == report.to_markdown("zh-Hans")
    assert "| 档案完整率 | 84.4% (27/32) | n/a | — | ≥ 100.0% | 未达标 |" in zh
    assert "| 超期未跟进个案 | 3例 | 0例 | +3例 | ≤ 0例 | 未达标 |" in zh
    assert "- 社工持证率: s7 (实习社工不计入)" in zh
    en = report.to_markdown("en")
    assert "| Key-group coverage | 85.0% (51/60) | 80.0% (48/60) | +5.0 pp | ≥ 95.0% |" in en
    assert "| Living-alone elderly | 85.0% (17/20) |" in en
    with pytest.raises(UnknownLanguageError):
        report.to_markdown("fr")


def test_unknown_line_code(report: MonthlyReport) -> None:
    with pytest.raises(UnknownCodeError) as info:
        report.line("happiness")
    assert info.value.parameter == "code"
    assert "key_group_coverage" in info.value.allowed
