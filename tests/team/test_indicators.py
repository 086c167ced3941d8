"""The team's catalogue: definitions in three languages, June's figures and the report section.

Every figure is worked by hand from the sample (`socialwork.samples` module
docstring): the roster asks s1 to see s2–s6 on the first Thursday (5 June),
s2 to see the interns s7 and s8 every Friday (6, 13, 20, 27 June) and an
invited supervisor to see s1 and s2 every third month from 20 March (20 June).
"""

from __future__ import annotations

from datetime import date

import pytest

from socialwork.labels import LANGUAGES
from socialwork.metrics import monthly_report
from socialwork.models import Period
from socialwork.records import replace
from socialwork.samples import station_month, team_month
from socialwork.team import TEAM_CATALOGUE, Roster, TeamRecords, team_figures, team_section
from tests.team.support import END

CODES = [
    "supervision_compliance",
    "supervision_per_worker",
    "supervisors",
    "supervised_workers",
    "training_coverage",
    "internal_trainings",
    "external_exchanges",
    "approval_cycle",
    "promotions",
]


def test_every_definition_reads_in_three_languages() -> None:
    assert list(TEAM_CATALOGUE) == CODES
    for code, entry in TEAM_CATALOGUE.items():
        definition = entry.definition
        assert definition.code == code
        texts = {definition.name.text(language) for language in ("zh", "zh-Hant", "en")}
        assert len(texts) >= 2
        assert definition.name.zh_hant is not None


def test_junes_figures() -> None:
    figures = team_figures(team_month(), station_month().station.staff, as_of=END)
    rows = {r["code"]: r["value"] for r in figures.to_rows()}
    assert rows == {
        # s1, s2 (two sessions each due), s3, s4, s5 and s7 as required; s6's monthly
        # session and one of s8's four Fridays missed.
        "supervision_compliance": 6 / 8,
        # 4 individual sessions + 2+2+2+1 intern attendances + 2 at the external one: 13.
        "supervision_per_worker": 13 / 8,
        # s1 and s2 supervise; s2–s6 and the two interns are supervised: 2 and 7, not 1:3.5.
        "supervisors": 2,
        "supervised_workers": 7,
        # s1–s7 at a staff training or the exchange; the intern s8 at none.
        "training_coverage": 7 / 8,
        # 开展内部督导培训2次、外部交流学习1次
        "internal_trainings": 2,
        "external_exchanges": 1,
        # 3 days (9 → 12 June), 7 (9 → 16), 7 (3 → 10); the request of the 25th pending.
        "approval_cycle": pytest.approx(17 / 3),
        # 吴社工 (s2) intermediate → senior on 16 June.
        "promotions": 1,
    }
    text = figures.to_text("zh")
    for shown in (
        "督导合规率",
        "75.0% (6/8)",
        "1.6次",
        "2人",
        "7人",
        "2:7",
        "5.7天",
        "87.5% (7/8)",
    ):
        assert shown in text
    for language in LANGUAGES:
        assert figures.to_markdown(language)


def test_an_empty_team_has_no_data_rather_than_zeros() -> None:
    empty = TeamRecords(period=Period.month(2025, 6), roster=Roster(id="r", entries=()))
    figures = team_figures(empty, [], as_of=date(2025, 6, 30))
    assert {r["code"]: r["value"] for r in figures.to_rows()} == dict.fromkeys(CODES)
    assert "无数据" in figures.to_text("zh")


def test_the_ratio_has_no_data_without_workers_supervised() -> None:
    """Primero's ratio fails with no caseworkers; here both counts say n/a."""
    figures = team_figures(team_month(), [], as_of=END)
    rows = {r["code"]: r["value"] for r in figures.to_rows()}
    assert rows["supervisors"] is None
    assert rows["supervised_workers"] is None


def test_junes_section_in_the_monthly_report() -> None:
    june = station_month()
    report = monthly_report(
        june, june.period, sections=[team_section(team_month(), june.station.staff)]
    )
    assert [li.definition.code for li in report.sections[0].lines] == CODES
    compliance = report.line("supervision_compliance")
    assert str(compliance.value) == "75.0% (6/8)"
    assert compliance.status.value == "off_track"  # the target is 100%
    assert report.line("training_coverage").status.value == "off_track"
    assert report.line("promotions").status.value == "no_target"
    rows = {r["code"]: r for r in report.to_rows()}
    assert (rows["supervisors"]["value"], rows["supervised_workers"]["value"]) == (2.0, 7.0)
    assert (
        rows["supervision_compliance"]["numerator"],
        rows["supervision_compliance"]["denominator"],
    ) == (6, 8)
    text = report.to_text("en")
    assert "Team" in text
    assert "Internal supervisors" in text
    assert "團隊" in report.to_markdown("zh-Hant")
    assert "内部培训次数" in report.to_html("zh")


def test_a_section_compares_with_the_previous_period() -> None:
    """May under the same roster, with no session or training recorded.

    Due in May: s2–s6 once (1 May, the first Thursday), s7 and s8 on the five
    Fridays (2, 9, 16, 23, 30 May); nothing for s1 (the external session falls in
    March and June): 0 of 7 workers supervised as required.
    """
    may = replace(
        team_month(),
        period=Period.month(2025, 5),
        sessions=(),
        trainings=(),
        approvals=(),
    )
    staff = station_month().station.staff
    section = team_section(team_month(), staff, may)
    lines = {li.definition.code: li for li in section.lines}
    compliance = lines["supervision_compliance"]
    assert str(compliance.previous) == "0.0% (0/7)"
    assert compliance.change == pytest.approx(75.0)
    assert compliance.previous_period == Period.month(2025, 5)
    assert lines["supervision_per_worker"].previous is None  # no sessions: no data, not 0
    assert lines["training_coverage"].previous is None
    assert lines["promotions"].previous == 0  # grade history held, nobody promoted in May
    assert lines["promotions"].change == 1


def test_section_refuses_what_is_not_team_records() -> None:
    with pytest.raises(TypeError):
        team_section(station_month(), [])  # type: ignore[arg-type]
