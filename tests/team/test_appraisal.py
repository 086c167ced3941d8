"""Appraisal: a scheme as data, every contribution shown, the pay split a parameter."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from socialwork.errors import ArgumentError, TeamRuleError
from socialwork.metrics.definitions import Direction
from socialwork.models import BilingualText, Period
from socialwork.privacy import redact
from socialwork.team import (
    AppraisalComponent,
    AppraisalRecord,
    AppraisalScheme,
    ComponentScore,
    PaySplit,
    Roster,
    TeamRecords,
    appraise,
)

_b = BilingualText.of

# One health centre's scheme: post pay 80%, performance 20% scored on services,
# discipline and quality.
CENTRE = AppraisalScheme(
    id="centre",
    name=_b("卫生服务中心", "Health centre"),
    components=(
        AppraisalComponent(id="services", name=_b("服务数量", "Services"), weight=0.5, target=120),
        AppraisalComponent(
            id="late",
            name=_b("迟到次数", "Days late"),
            weight=0.2,
            target=0,
            direction=Direction.LOWER_IS_BETTER,
        ),
        AppraisalComponent(id="quality", name=_b("服务质量", "Quality"), weight=0.3, target=0.9),
    ),
)


def test_every_contribution_counted_by_hand() -> None:
    # services 96/120 = 0.8 -> 40; late 0 against 0 -> 1 -> 20; quality 0.9/0.9 -> 30.
    a = appraise(CENTRE, "s3", {"services": 96, "late": 0, "quality": 0.9})
    assert [round(x.contribution, 6) for x in a.lines] == [40.0, 20.0, 30.0]
    assert round(a.score, 6) == 90.0
    late = appraise(CENTRE, "s3", {"services": 150, "late": 2, "quality": 0.81})
    # services capped at 1 -> 50; late 2 against 0 -> 0; quality 0.9 -> 27.
    assert [round(x.contribution, 6) for x in late.lines] == [50.0, 0.0, 27.0]


def test_the_pay_split_is_a_stated_parameter() -> None:
    a = appraise(CENTRE, "s3", {"services": 96, "late": 0, "quality": 0.9})
    pay = a.pay(Decimal(6000), PaySplit(post=0.8, performance=0.2))
    # 80% of 6000 = 4800; the pool 1200 paid at 90/100 = 1080.
    assert (pay.post, pay.performance_pool, pay.performance_paid, pay.total) == (
        Decimal("4800.00"),
        Decimal("1200.00"),
        Decimal("1080.00"),
        Decimal("5880.00"),
    )
    other = a.pay(Decimal(6000), PaySplit(post=0.9, performance=0.1))
    assert other.total == Decimal("5940.00")
    with pytest.raises(ValidationError, match="weights_not_one"):
        PaySplit(post=0.8, performance=0.3)


def test_scores_are_not_in_the_repr() -> None:
    a = appraise(CENTRE, "s3", {"services": 96, "late": 0, "quality": 0.9})
    assert "90" not in repr(a)
    assert "96" not in repr(a.lines)
    assert "| services | 96 | 120 | 50% | 80.0% | 40.0 |" in a.to_markdown("en")


def test_the_figures_must_match_the_scheme() -> None:
    with pytest.raises(TeamRuleError, match="figure_missing"):
        appraise(CENTRE, "s3", {"services": 1, "late": 0})
    with pytest.raises(TeamRuleError, match="unknown_component"):
        appraise(CENTRE, "s3", {"services": 1, "late": 0, "quality": 1, "bonus": 3})
    with pytest.raises(ArgumentError):
        appraise(CENTRE, "s3", {"services": float("nan"), "late": 0, "quality": 1})
    with pytest.raises(ValidationError, match="weights_not_one"):
        AppraisalScheme(id="x", name=_b("甲", "A"), components=CENTRE.components[:2])
    with pytest.raises(ValidationError, match="target_zero"):
        AppraisalComponent(id="x", name=_b("甲", "A"), weight=1, target=0)


figures = st.floats(min_value=0, max_value=1e6, allow_nan=False)


@given(figures, figures, figures)
def test_the_score_is_the_sum_and_stays_in_bounds(s: float, late: float, q: float) -> None:
    a = appraise(CENTRE, "s", {"services": s, "late": late, "quality": q})
    assert abs(a.score - sum(x.contribution for x in a.lines)) < 1e-9
    assert 0 <= a.score <= 100 + 1e-9
    for line, component in zip(a.lines, CENTRE.components, strict=True):
        assert 0 <= line.contribution <= 100 * component.weight + 1e-9


def test_a_kept_appraisal_holds_each_components_figure_and_points() -> None:
    a = appraise(CENTRE, "s3", {"services": 96, "late": 0, "quality": 0.9})
    kept = a.to_record("a1", Period.month(2025, 6))
    # services 96 -> 40 points, late 0 -> 20, quality 0.9 -> 30: 90 in all.
    assert [(c.component_id, c.measured, round(c.points, 6)) for c in kept.components] == [
        ("services", 96.0, 40.0),
        ("late", 0.0, 20.0),
        ("quality", 0.9, 30.0),
    ]
    assert kept.score is not None
    assert round(kept.score, 6) == 90.0
    assert (kept.staff_id, kept.scheme_id, kept.period) == ("s3", "centre", Period.month(2025, 6))
    assert "96" not in repr(kept)
    assert "40" not in repr(kept)


def test_a_late_workers_negative_figure_is_kept_as_measured() -> None:
    a = appraise(CENTRE, "s3", {"services": -5, "late": 0, "quality": 0.9})
    (services, *_) = a.to_record("a1", Period.month(2025, 6)).components
    assert (services.measured, services.points) == (-5.0, 0.0)


@pytest.mark.parametrize("audience", ["partner", "funder", "public"])
def test_a_funder_counts_appraisals_without_seeing_a_score(audience: str) -> None:
    june = Period.month(2025, 6)
    kept = [
        appraise(CENTRE, staff, {"services": n, "late": 0, "quality": 0.9}).to_record(
            f"a{staff}", june
        )
        for staff, n in (("s3", 96), ("s4", 120))
    ]
    team = TeamRecords(period=june, roster=Roster(id="r", entries=()), appraisals=tuple(kept))
    shared = redact(team, audience, key=bytes(16))
    assert len(shared.appraisals) == 2
    assert all(a.components == () and a.score is None for a in shared.appraisals)
    assert {a.staff_id for a in shared.appraisals}.isdisjoint({"s3", "s4"})
    assert redact(team, "supervisor", key=bytes(16)) == team


def test_a_component_is_kept_once_and_an_appraisal_id_once() -> None:
    score = ComponentScore(component_id="services", measured=1, points=1.0)
    with pytest.raises(ValidationError, match="duplicate_id"):
        AppraisalRecord(
            id="a1",
            staff_id="s3",
            scheme_id="centre",
            period=Period.month(2025, 6),
            components=(score, score),
        )
    kept = AppraisalRecord(id="a1", staff_id="s3", scheme_id="c", period=Period.month(2025, 6))
    assert kept.score is None
    with pytest.raises(ValidationError, match="duplicate_id"):
        TeamRecords(
            period=Period.month(2025, 6), roster=Roster(id="r", entries=()), appraisals=(kept, kept)
        )
    with pytest.raises(ValidationError, match="less_than_equal"):
        ComponentScore(component_id="q", measured=1, points=200.5)
