"""A district's report by community: each community's figures, worked by hand, and their sums."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from socialwork.errors import MetricInputError, UnknownCodeError
from socialwork.metrics import Rate, district_report
from socialwork.metrics.catalogue import CATALOGUE
from socialwork.metrics.district import CommunityLines, DistrictReport, community_records
from socialwork.models import Period, StationRecords
from socialwork.samples import station_month
from tests import strategies

JUNE = station_month()
LOCAL = [code for code, entry in CATALOGUE.items() if entry.by_community]


def test_the_indicators_about_one_community_are_those_of_its_people_groups_and_needs() -> None:
    assert LOCAL == [
        "key_group_coverage",
        "case_improvement",
        "group_attendance",
        "need_satisfaction",
        "goal_attainment",
        "file_completeness",
        "resource_match_accuracy",
        "overdue_follow_ups",
        "identification_rate",
    ]


def test_key_group_coverage_by_community_worked_by_hand() -> None:
    # Client n of each key group lives in community (n - 1) % 5 + 1. Elders e1..e34 give
    # c1..c4 seven each and c5 six; children (15) three each; persons with disabilities
    # (12) three in c1 and c2, two elsewhere; minimum livelihood (15) three each:
    # 16, 16, 15, 15, 14. Everyone was visited in June but the elders e24..e34:
    # e26, e31 (c1); e27, e32 (c2); e28, e33 (c3); e24, e29, e34 (c4); e25, e30 (c5).
    report = district_report(JUNE)
    shown = {
        c.community_id: str(report.value("key_group_coverage", c.community_id))
        for c in report.communities
    }
    assert shown == {
        "c1": "87.5% (14/16)",
        "c2": "87.5% (14/16)",
        "c3": "86.7% (13/15)",
        "c4": "80.0% (12/15)",
        "c5": "85.7% (12/14)",
    }
    assert str(report.value("key_group_coverage")) == "85.5% (65/76)"


def test_a_community_without_cases_has_no_data_not_zero_overdue_cases() -> None:
    # The cases k1..k5 are e1 (c1), e2 (c2), ch1 (c1), d1 (c1), m1 (c1).
    report = district_report(JUNE)
    assert [report.value("overdue_follow_ups", c) for c in ("c1", "c2", "c3", "c4", "c5")][3:] == [
        None,
        None,
    ]
    improvement = report.value("case_improvement", "c4")
    assert isinstance(improvement, Rate)
    assert improvement.denominator == 0
    assert report.line("overdue_follow_ups", "c4").status.value == "no_data"


def test_every_community_figure_adds_up_to_the_stations_in_the_sample() -> None:
    # Every record of the sample belongs to one community, so counts partition.
    report = district_report(JUNE)
    for code in LOCAL:
        station = report.value(code)
        values = [report.value(code, c.community_id) for c in report.communities]
        if isinstance(station, Rate):
            rates = [v for v in values if isinstance(v, Rate)]
            assert sum(r.numerator for r in rates) == station.numerator, code
            assert sum(r.denominator for r in rates) == station.denominator, code
        else:
            counts = [v for v in values if isinstance(v, int)]
            assert sum(counts) == station, code


CLIENT_BASED = (
    "key_group_coverage",
    "case_improvement",
    "goal_attainment",
    "overdue_follow_ups",
    "identification_rate",
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records=strategies.metric_stations())
def test_communities_partition_what_belongs_to_them(records: StationRecords) -> None:
    report = district_report(records)
    assert [c.community_id for c in report.communities] == [
        c.id for c in records.station.communities
    ]
    for code in LOCAL:
        station = report.value(code)
        values = [report.value(code, c.community_id) for c in report.communities]
        rates = [v for v in values if isinstance(v, Rate)]
        numbers = [float(v) for v in values if v is not None and not isinstance(v, Rate)]
        if isinstance(station, Rate):
            parts = (
                float(sum(r.numerator for r in rates)),
                float(sum(r.denominator for r in rates)),
            )
            whole = (float(station.numerator), float(station.denominator))
        else:
            parts, whole = (sum(numbers), 0.0), (float(station or 0), 0.0)
        if code in CLIENT_BASED:
            # A client, their cases and visits belong to the community the station knows.
            assert parts == whole, code
        else:
            # Groups, needs, files and deliveries may name no community of the station.
            assert parts[0] <= whole[0], code
            assert parts[1] <= whole[1], code


def test_what_a_community_holds() -> None:
    c2 = community_records(JUNE, "c2")
    assert [c.id for c in c2.station.communities] == ["c2"]
    assert {c.community_id for c in c2.clients} == {"c2"}
    assert len(c2.households) == 20  # the sample's households are all in c2
    assert [k.id for k in c2.cases] == ["k2"]
    assert {v.client_id for v in c2.visits} <= {c.id for c in c2.clients}
    # Staff, volunteers and resources serve every community; surveys, hours and the
    # home-visit plan belong to none.
    assert (c2.station.staff, c2.volunteers, c2.resources) == (
        JUNE.station.staff,
        JUNE.volunteers,
        JUNE.resources,
    )
    assert (c2.surveys, c2.service_hours, c2.home_visits_planned) == ((), (), None)


def test_an_unknown_community_or_a_station_figure_by_community_is_refused() -> None:
    with pytest.raises(UnknownCodeError, match="'c1', 'c2', 'c3', 'c4', 'c5'"):
        community_records(JUNE, "c9")
    report = district_report(JUNE)
    with pytest.raises(UnknownCodeError, match="community_id"):
        report.line("key_group_coverage", "c9")
    with pytest.raises(UnknownCodeError, match="identification_rate"):
        report.line("mean_caseload", "c1")
    with pytest.raises(TypeError, match="records"):
        district_report(JUNE.clients)  # type: ignore[arg-type]


def test_the_station_wide_figures_are_given_once() -> None:
    report = district_report(JUNE, Period.month(2025, 6))
    served = report.value("clients_per_worker")
    assert isinstance(served, float)
    assert round(served, 1) == 10.8  # 65 served / 6 full-time
    rows = report.to_rows()
    assert len(rows) == 5 * len(LOCAL) + len(CATALOGUE)
    assert {r["community_id"] for r in rows} == {"c1", "c2", "c3", "c4", "c5", None}
    text = report.to_markdown("en")
    assert text.count("Clients per worker") == 1
    assert text.count("Key-group coverage") == 1
    assert "| Indicator | This period | Target | Status |" in text


@pytest.mark.parametrize(
    ("language", "title", "whole", "station"),
    [
        ("zh", "分社区指标报告", "全站 |", "## 全站指标"),
        ("en", "report by community", "Whole station |", "## For the whole station"),
        ("zh-Hant", "分社區指標報告", "全站 |", "## 全站指標"),
    ],
)
def test_the_report_in_three_languages(language: str, title: str, whole: str, station: str) -> None:
    text = district_report(JUNE).to_markdown(language)
    assert text.splitlines()[0] == f"# 幸福街道社工站 {title}"
    assert "| 幸福社区 | 和平社区 | 阳光社区 | 春晖社区 | 新华社区 | " + whole in text
    assert station in text


def test_a_report_holds_the_same_indicators_for_every_community() -> None:
    report = district_report(JUNE)
    first, second, *_ = report.communities
    with pytest.raises(MetricInputError, match="the same indicators for every community"):
        DistrictReport(
            report.station_name,
            report.period,
            (first, CommunityLines("c2", "和平社区", second.lines[1:])),
            report.station,
        )
    with pytest.raises(MetricInputError, match="key_group_coverage"):
        DistrictReport(report.station_name, report.period, (first,), report.station[1:])
