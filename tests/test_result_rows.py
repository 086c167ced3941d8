"""Results that people tabulate give plain rows (``to_rows``), figures checked by hand.

The rows have the shapes `socialwork.frames.to_frame` gives today, so that
it can read ``to_rows`` instead of telling the results apart itself.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from socialwork.frames import to_frame
from socialwork.metrics import (
    Exclusion,
    KeyGroupCoverage,
    MonthlyReport,
    key_group_coverage_by_category,
    monthly_report,
    rate,
)
from socialwork.models import ClientCategory
from socialwork.samples import station_month, station_previous_month
from socialwork.stages import Engagement, EvaluationEvidence, Stage, check_exit
from socialwork.stages.exit import ExitCheck

JUNE = station_month()
PLAIN = (str, int, float, bool, date, type(None))


@pytest.fixture(scope="module")
def report() -> MonthlyReport:
    return monthly_report(JUNE, JUNE.period, station_previous_month())


def plain(rows: list[dict[str, Any]]) -> bool:
    return all(isinstance(cell, PLAIN) for row in rows for cell in row.values())


def frame_rows(result: object) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = to_frame(result).to_dicts()
    return rows


def test_a_rate_is_one_row_with_its_interval() -> None:
    (row,) = rate(51, 60, [Exclusion("s7", "intern")]).to_rows()
    assert (row["numerator"], row["denominator"], row["excluded"]) == (51, 60, 1)
    assert row["value"] == pytest.approx(0.85)
    assert row["percent"] == pytest.approx(85.0)
    # Wilson 95% for 51/60 by hand: centre 0.88201/1.06403 = 0.82894,
    # half-width 1.96 * sqrt(0.002125 + 0.000267) / 1.06403 = 0.09009
    assert row["interval_low"] == pytest.approx(0.73885, abs=1e-4)
    assert row["interval_high"] == pytest.approx(0.91903, abs=1e-4)


def test_an_undefined_rate_has_no_value_and_no_interval() -> None:
    (row,) = rate(0, 0).to_rows()
    assert row == {
        "numerator": 0,
        "denominator": 0,
        "value": None,
        "percent": None,
        "interval_low": None,
        "interval_high": None,
        "excluded": 0,
    }


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


def test_key_group_coverage_has_a_total_row_then_one_per_category() -> None:
    cover = key_group_coverage_by_category(JUNE.clients, JUNE.visits, JUNE.period)
    rows = cover.to_rows()
    assert rows[0]["category"] == "total"
    assert (rows[0]["numerator"], rows[0]["denominator"]) == (65, 76)
    assert [r["category"] for r in rows[1:]] == [c.value for c, _ in cover.by_category]
    small = KeyGroupCoverage(rate(51, 60), ((ClientCategory.LIVING_ALONE_ELDERLY, rate(17, 20)),))
    assert [(r["category"], r["percent"]) for r in small.to_rows()] == [
        ("total", 85.0),
        ("living_alone_elderly", 85.0),
    ]


def exit_check() -> ExitCheck:
    evaluation = Engagement(community_id="c1", stage=Stage.EVALUATION, entered_on=date(2025, 11, 1))
    evidence = EvaluationEvidence(
        summary_written=True, qualitative_sources=4, quantitative_indicators=0, next_cycle_plan=True
    )
    return check_exit(evaluation, evidence)


def test_an_exit_check_is_one_row_per_criterion() -> None:
    rows = exit_check().to_rows()
    assert [(r["criterion"], r["measured"], r["threshold"], r["met"]) for r in rows] == [
        ("summary_written", 1.0, 1.0, True),
        ("qualitative_evidence", 4.0, 1.0, True),
        ("quantitative_evidence", 0.0, 1.0, False),
        ("next_cycle_plan", 1.0, 1.0, True),
    ]
    assert {r["stage"] for r in rows} == {"evaluation"}


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
