"""The team's indicators: definitions in three languages and June's figures."""

from __future__ import annotations

from datetime import date

import pytest

from socialwork.labels import LANGUAGES
from socialwork.models import Period
from socialwork.samples import station_month, team_month
from socialwork.team import TEAM_INDICATORS, Roster, TeamRecords, team_figures
from tests.team.support import END


def test_every_definition_reads_in_three_languages() -> None:
    for definition in TEAM_INDICATORS:
        texts = {definition.name.text(language) for language in ("zh", "zh-Hant", "en")}
        assert len(texts) >= 2
        assert definition.name.zh_hant is not None
    assert [d.code for d in TEAM_INDICATORS] == [
        "supervision_compliance",
        "supervision_per_worker",
        "supervision_ratio",
        "training_coverage",
        "approval_cycle",
        "promotions",
    ]


def test_junes_figures() -> None:
    figures = team_figures(team_month(), station_month().station.staff, as_of=END)
    rows = {r["code"]: r["value"] for r in figures.to_rows()}
    assert rows == {
        "supervision_compliance": 0.75,
        "supervision_per_worker": 1.625,
        "supervision_ratio": 3.5,
        "training_coverage": 0.875,
        "approval_cycle": pytest.approx(17 / 3),
        "promotions": 1,
    }
    text = figures.to_text("zh")
    for line in ("督导合规率", "75.0% (6/8)", "2:7", "2 / 1", "5.7天 (3)"):
        assert line in text
    for language in LANGUAGES:
        assert figures.to_markdown(language)


def test_an_empty_team_has_no_data_rather_than_zeros() -> None:
    empty = TeamRecords(period=Period.month(2025, 6), roster=Roster(id="r", entries=()))
    figures = team_figures(empty, [], as_of=date(2025, 6, 30))
    rows = {r["code"]: r["value"] for r in figures.to_rows()}
    assert rows == {
        "supervision_compliance": None,
        "supervision_per_worker": None,
        "supervision_ratio": None,
        "training_coverage": None,
        "approval_cycle": None,
        "promotions": 0,
    }
    assert "无数据" in figures.to_text("zh")
