"""Supervision sessions: their own rules, and the rules across staff and cases."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import ValidationError

from socialwork.models import StaffGrade, StaffRole
from socialwork.samples import station_month, team_month
from socialwork.team import DecisionKind, SupervisionDecision, check_supervision
from socialwork.team.supervision import SupervisionRule
from tests.team.support import member, session


def test_the_session_rules_hold_in_the_record() -> None:
    with pytest.raises(ValidationError, match="self_supervision"):
        session("x", date(2025, 6, 5), "s1", "s1")
    with pytest.raises(ValidationError, match="supervisor_source_mismatch"):
        session("x", date(2025, 6, 5), "s1", "s2").model_validate(
            {**session("x", date(2025, 6, 5), "s1", "s2").model_dump(), "supervisor_id": None}
        )
    base = session("x", date(2025, 6, 5), "s1", "s2", cases=("k1",)).model_dump()
    with pytest.raises(ValidationError, match="decision_case_not_reviewed"):
        type(session("y", date(2025, 6, 5), "s1", "s2")).model_validate(
            {
                **base,
                "decisions": [
                    {"kind": "closure", "case_id": "k9", "decision": "结案", "reason": "达成"}
                ],
            }
        )
    with pytest.raises(ValidationError, match="decision_without_case"):
        SupervisionDecision(kind=DecisionKind.REFERRAL, decision="转介", reason="需要康复")
    with pytest.raises(ValidationError, match="individual_with_many"):
        type(session("y", date(2025, 6, 5), "s1", "s2")).model_validate(
            {**base, "supervisee_ids": ["s2", "s3"]}
        )


def test_personal_values_stay_out_of_the_repr() -> None:
    team = team_month()
    external = next(s for s in team.sessions if s.external_supervisor is not None)
    with_notes = next(s for s in team.sessions if s.notes is not None)
    for shown in (repr(external), repr(with_notes), repr(with_notes.decisions)):
        for secret in ("林老师", "某大学", "小张", "学业目标"):
            assert secret not in shown


def test_the_sample_sessions_hold_every_rule() -> None:
    june, team = station_month(), team_month()
    check = check_supervision(team.sessions, staff=june.station.staff, cases=june.cases)
    assert check.ok
    assert check.sessions == 9
    assert "全部符合规则" in check.to_text("zh")


def test_an_intern_case_needs_a_qualified_supervisor_and_a_case_needs_its_worker() -> None:
    staff = (
        member("sup", grade=StaffGrade.SUPERVISOR),
        member("jun"),
        member("int", role=StaffRole.INTERN),
        member("gone", left=date(2025, 6, 1)),
    )
    cases = station_month().cases
    k3 = next(c for c in cases if c.id == "k3")
    intern_case = k3.model_copy(update={"worker_id": "int", "id": "ki"})
    sessions = [
        session("a", date(2025, 6, 5), "jun", "int", cases=("ki",)),  # unqualified
        session("b", date(2025, 6, 5), "sup", "int", cases=("ki",)),  # fine
        session("c", date(2025, 6, 5), None, "int", cases=("ki",)),  # external: fine
        session("d", date(2025, 6, 5), "sup", "jun", cases=("ki",)),  # not jun's case
        session("e", date(2025, 6, 5), "gone", "jun"),  # supervisor left on the 1st
    ]
    check = check_supervision(sessions, staff=staff, cases=[intern_case])
    assert [(p.session_id, p.rule, p.subject_id) for p in check.problems] == [
        ("a", SupervisionRule.INTERN_CASE_UNQUALIFIED, "ki"),
        ("d", SupervisionRule.CASE_NOT_OF_SUPERVISEE, "ki"),
        ("e", SupervisionRule.SUPERVISOR_NOT_ON_STAFF, "gone"),
    ]
    assert check.to_rows()[0]["rule"] == "intern_case_unqualified"
    assert "實習社工的個案未由合格督導審閱" in check.to_text("zh-Hant")
