"""Consent enforced for sharing and publishing, guardians for children."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from socialwork.errors import ArgumentError, ConsentRequired, SocialWorkError
from socialwork.models import (
    Case,
    CaseStatus,
    Client,
    ClientCategory,
    Consent,
    ConsentScope,
    Guardian,
    Referral,
    StatusChange,
)
from socialwork.privacy import check_publication, check_sharing, is_child, refer
from tests.strategies import clients

SHARE = Consent(
    id="k1",
    scope=ConsentScope.INFORMATION_SHARING,
    given_on=date(2025, 3, 1),
    withdrawn_on=date(2025, 6, 10),
)
PUBLISH = Consent(id="k2", scope=ConsentScope.PUBLICATION, given_on=date(2025, 3, 1))
WANG = Client(
    id="p1",
    name="王丽",
    community_id="c1",
    registered_on=date(2025, 1, 1),
    born_on=date(1960, 4, 2),
    consents=(SHARE, PUBLISH),
)
KID = Client(
    id="p2",
    name="小明",
    community_id="c1",
    registered_on=date(2025, 1, 1),
    born_on=date(2012, 9, 1),
    consents=(Consent(id="k3", scope=ConsentScope.PUBLICATION, given_on=date(2025, 1, 1)),),
    guardians=(
        Guardian(
            id="g1",
            name="刘芳",
            relationship="母亲",
            consents=(
                Consent(
                    id="k4",
                    scope=ConsentScope.INFORMATION_SHARING,
                    given_on=date(2025, 2, 1),
                    withdrawn_on=date(2025, 8, 1),
                ),
            ),
        ),
    ),
)
CASE = Case(id="a1", client_id="p1", worker_id="w1", opened_on=date(2025, 5, 1))


def test_sharing_holds_up_to_the_day_before_withdrawal() -> None:
    check = check_sharing(WANG, on=date(2025, 6, 9))
    assert (check.basis, check.consent_id, check.client_id) == ("client_consent", "k1", "p1")
    with pytest.raises(ConsentRequired) as err:
        check_sharing(WANG, on=date(2025, 6, 10))
    assert err.value.code == "consent_required"
    assert (err.value.client_id, err.value.scope, err.value.day, err.value.rule) == (
        "p1",
        "information_sharing",
        date(2025, 6, 10),
        "withdrawn",
    )


def test_before_any_consent_the_rule_is_no_consent() -> None:
    with pytest.raises(ConsentRequired) as err:
        check_sharing(WANG, on=date(2025, 2, 28))
    assert err.value.rule == "no_consent"
    assert "p1" in str(err.value)
    assert "2025-02-28" in str(err.value)


def test_crisis_exception_needs_a_reason() -> None:
    check = check_sharing(WANG, on=date(2025, 7, 1), crisis_reason=" 有自伤风险 ")
    assert (check.basis, check.crisis_reason, check.consent_id) == (
        "crisis_exception",
        "有自伤风险",
        None,
    )
    with pytest.raises(ArgumentError):
        check_sharing(WANG, on=date(2025, 7, 1), crisis_reason="  ")


def test_publication_has_no_crisis_exception_and_its_own_scope() -> None:
    assert check_publication(WANG, on=date(2025, 3, 1)).consent_id == "k2"
    with pytest.raises(ConsentRequired) as err:
        check_publication(WANG, on=date(2025, 2, 1))
    assert err.value.scope == "publication"


def test_a_child_needs_a_guardians_consent() -> None:
    assert is_child(KID, as_of=date(2025, 6, 1))
    assert not is_child(KID, as_of=date(2030, 9, 1))
    assert is_child(KID, as_of=date(2030, 8, 31))
    check = check_sharing(KID, on=date(2025, 6, 1))
    assert (check.basis, check.guardian_id, check.consent_id) == ("guardian_consent", "g1", "k4")
    # The child's own publication consent does not suffice.
    with pytest.raises(ConsentRequired) as err:
        check_publication(KID, on=date(2025, 6, 1))
    assert err.value.rule == "guardian_consent_needed"
    with pytest.raises(ConsentRequired):
        check_sharing(KID, on=date(2025, 8, 1))


def test_child_categories_make_a_child_without_a_birth_date() -> None:
    left_behind = Client(
        id="p3",
        name="小红",
        community_id="c1",
        registered_on=date(2025, 1, 1),
        categories=(ClientCategory.LEFT_BEHIND_CHILDREN,),
    )
    assert is_child(left_behind, as_of=date(2025, 1, 1))
    assert not is_child(WANG, as_of=date(2025, 1, 1))


def test_refer_checks_the_named_consent_and_keeps_the_exception() -> None:
    ok = Referral(
        id="r1",
        to_organisation="区康复中心",
        reason="康复指导",
        referred_on=date(2025, 6, 9),
        consent_id="k1",
    )
    assert refer(CASE, WANG, ok).referrals == (ok,)
    late = Referral(
        id="r2",
        to_organisation="区康复中心",
        reason="康复指导",
        referred_on=date(2025, 6, 10),
        consent_id="k1",
    )
    with pytest.raises(ConsentRequired):
        refer(CASE, WANG, late)
    wrong = Referral(
        id="r3",
        to_organisation="区康复中心",
        reason="康复指导",
        referred_on=date(2025, 6, 9),
        consent_id="k2",
    )
    with pytest.raises(ConsentRequired):
        refer(CASE, WANG, wrong)
    urgent = Referral(
        id="r4",
        to_organisation="派出所",
        reason="人身安全",
        referred_on=date(2025, 7, 1),
        confidentiality_exception="服务对象有自伤风险",
    )
    after = refer(CASE, WANG, urgent)
    assert after.referrals[-1].confidentiality_exception == "服务对象有自伤风险"
    assert CASE.referrals == ()
    with pytest.raises(ArgumentError):
        refer(CASE, KID, ok)


def urgent_referral(referral_id: str, day: date, reason: str = "服务对象有自伤风险") -> Referral:
    return Referral(
        id=referral_id,
        to_organisation="派出所",
        reason="人身安全",
        referred_on=day,
        confidentiality_exception=reason,
    )


def test_a_referral_under_the_crisis_exception_is_recorded_in_the_history() -> None:
    intervening = Case(
        id="a2",
        client_id="p1",
        worker_id="w1",
        opened_on=date(2025, 5, 1),
        status=CaseStatus.INTERVENTION,
        crisis=True,
        history=(
            StatusChange(
                on=date(2025, 5, 6),
                from_status=CaseStatus.INTAKE,
                to_status=CaseStatus.INTERVENTION,
            ),
            StatusChange(
                on=date(2025, 6, 30),
                from_status=CaseStatus.INTERVENTION,
                to_status=CaseStatus.INTERVENTION,
                crisis=True,
                reason="表达自伤意图",
            ),
        ),
    )
    after = refer(intervening, WANG, urgent_referral("r9", date(2025, 7, 1), " 有自伤风险 "))
    assert after.history[:2] == intervening.history
    assert after.history[2] == StatusChange(
        on=date(2025, 7, 1),
        from_status=CaseStatus.INTERVENTION,
        to_status=CaseStatus.INTERVENTION,
        crisis=True,
        reason="有自伤风险",
        referral_id="r9",
    )
    assert (after.status, after.crisis) == (intervening.status, intervening.crisis)
    assert intervening.referrals == ()
    assert len(intervening.history) == 2
    # Recorded late: the entry goes in date order with the status and crisis flag of its day.
    late = refer(after, WANG, urgent_referral("r10", date(2025, 5, 6), "危及他人"))
    assert [(h.on, h.referral_id) for h in late.history] == [
        (date(2025, 5, 6), None),
        (date(2025, 5, 6), "r10"),
        (date(2025, 6, 30), None),
        (date(2025, 7, 1), "r9"),
    ]
    assert late.history[1].to_status is CaseStatus.INTERVENTION
    assert late.history[1].crisis is False
    early = refer(after, WANG, urgent_referral("r11", date(2025, 5, 2)))
    assert early.history[0] == StatusChange(
        on=date(2025, 5, 2),
        from_status=CaseStatus.INTAKE,
        to_status=CaseStatus.INTAKE,
        crisis=False,
        reason="服务对象有自伤风险",
        referral_id="r11",
    )
    assert early.open_on(date(2025, 5, 3))
    assert early.status is CaseStatus.INTERVENTION
    # A referral under consent adds no history entry.
    consented = Referral(
        id="r12",
        to_organisation="区康复中心",
        reason="康复指导",
        referred_on=date(2025, 6, 9),
        consent_id="k1",
    )
    assert refer(intervening, WANG, consented).history == intervening.history


def test_the_history_names_only_the_cases_own_referrals() -> None:
    after = refer(CASE, WANG, urgent_referral("r1", date(2025, 7, 1)))
    with pytest.raises(ValidationError) as caught:
        Case.model_validate({**after.model_dump(), "referrals": ()})
    error = caught.value.errors()[0]
    assert (error["type"], error["loc"]) == (
        "history_referral_unknown",
        ("history", 0, "referral_id"),
    )
    with pytest.raises(ValidationError):  # the same referral twice
        refer(after, WANG, urgent_referral("r1", date(2025, 7, 2)))
    with pytest.raises(ValidationError):  # dated before the case was opened
        refer(CASE, WANG, urgent_referral("r2", date(2025, 4, 30)))
    with pytest.raises(TypeError):
        refer(CASE, WANG, "r1")  # type: ignore[arg-type]


@given(st.lists(st.dates(date(2025, 5, 1), date(2025, 12, 31)), min_size=1, max_size=5))
def test_every_exception_referral_leaves_a_valid_history_in_date_order(days: list[date]) -> None:
    case = CASE
    for number, day in enumerate(days):
        case = refer(case, WANG, urgent_referral(f"r{number}", day))
    assert [h.on for h in case.history] == sorted(days)
    assert {h.referral_id for h in case.history} == {r.id for r in case.referrals}
    assert all(h.reason == "服务对象有自伤风险" for h in case.history)
    assert Case.model_validate(case.model_dump()) == case


def test_datetimes_are_refused() -> None:
    with pytest.raises(ArgumentError):
        check_sharing(WANG, on=datetime(2025, 6, 9, 9))


@given(clients(), st.dates(date(2000, 1, 1), date(2035, 12, 31)))
def test_a_check_either_names_its_basis_or_refuses(client: Client, day: date) -> None:
    for check in (check_sharing, check_publication):
        refused: SocialWorkError | None
        try:
            result = check(client, on=day)
        except SocialWorkError as err:
            refused = err
        else:
            refused = None
        if refused is not None:
            assert isinstance(refused, ConsentRequired)
            assert refused.client_id == client.id
        else:
            assert result.basis in {"client_consent", "guardian_consent"}
            holders = (
                [c for g in client.guardians if g.id == result.guardian_id for c in g.consents]
                if result.basis == "guardian_consent"
                else list(client.consents)
            )
            used = next(c for c in holders if c.id == result.consent_id)
            assert used.active_on(day)
            assert used.scope is result.scope
