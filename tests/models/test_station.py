"""The station bundle: one consent rule with privacy, and every broken reference reported."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from socialwork.errors import ConsentRequired
from socialwork.models import (
    Case,
    Client,
    ClientCategory,
    Community,
    Consent,
    ConsentScope,
    ContactMode,
    Guardian,
    Period,
    Referral,
    Staff,
    StaffGrade,
    StaffRole,
    Station,
    StationRecords,
    Visit,
)
from socialwork.privacy import refer
from tests.strategies import clients, id_number_for

STATION = Station(
    id="st1",
    name="幸福街道社工站",
    communities=(Community(id="c1", name="幸福社区"),),
    staff=(
        Staff(
            id="w1",
            name="陈社工",
            role=StaffRole.FULL_TIME,
            grade=StaffGrade.JUNIOR,
            joined_on=date(2024, 1, 1),
        ),
    ),
)
JUNE = Period(start=date(2025, 6, 1), end=date(2025, 6, 30))
SHARING = ConsentScope.INFORMATION_SHARING


def girl(**changes: object) -> Client:
    """A 14-year-old with her own consent (k-own) and her mother's (k-mum)."""
    data: dict[str, object] = {
        "id": "p1",
        "name": "小红",
        "community_id": "c1",
        "registered_on": date(2025, 1, 1),
        "born_on": date(2011, 3, 1),
        "consents": (Consent(id="k-own", scope=SHARING, given_on=date(2025, 1, 1)),),
        "guardians": (
            Guardian(
                id="g1",
                name="刘芳",
                relationship="母亲",
                consents=(Consent(id="k-mum", scope=SHARING, given_on=date(2025, 1, 1)),),
            ),
        ),
    }
    data.update(changes)
    return Client.model_validate(data)


def referral(consent_id: str, on: date = date(2025, 6, 9)) -> Referral:
    return Referral(
        id="r1", to_organisation="区妇联", reason="家庭支持", referred_on=on, consent_id=consent_id
    )


def bundle(client: Client, ref: Referral) -> StationRecords:
    case = Case(
        id="a1", client_id=client.id, worker_id="w1", opened_on=date(2025, 5, 1), referrals=(ref,)
    )
    return StationRecords(station=STATION, period=JUNE, clients=(client,), cases=(case,))


def bare_case(client: Client) -> Case:
    return Case(id="a1", client_id=client.id, worker_id="w1", opened_on=date(2025, 5, 1))


def rule_codes(err: pytest.ExceptionInfo[ValidationError]) -> list[str]:
    return [e["type"] for e in err.value.errors()]


@pytest.mark.parametrize(
    "child",
    [
        girl(),  # known by birth date
        girl(born_on=None, id_number=id_number_for("110105", date(2011, 3, 1), 2)),  # by ID number
        girl(born_on=None, categories=(ClientCategory.LEFT_BEHIND_CHILDREN,)),  # by category
    ],
    ids=["birth date", "ID number", "category"],
)
def test_a_childs_referral_rests_on_a_guardians_consent_in_both_places(child: Client) -> None:
    assert bundle(child, referral("k-mum")).cases[0].referrals[0].consent_id == "k-mum"
    assert refer(bare_case(child), child, referral("k-mum")).referrals[0].consent_id == "k-mum"
    with pytest.raises(ValidationError) as err:
        bundle(child, referral("k-own"))
    assert rule_codes(err) == ["guardian_consent_needed"]
    assert err.value.errors()[0]["loc"] == ("cases", 0, "referrals", 0, "consent_id")
    with pytest.raises(ConsentRequired, match="guardian_consent_needed"):
        refer(bare_case(child), child, referral("k-own"))


def test_an_adult_refers_on_her_own_consent_not_her_guardians() -> None:
    adult = girl(born_on=date(1990, 3, 1))
    assert bundle(adult, referral("k-own")).cases[0].referrals[0].consent_id == "k-own"
    with pytest.raises(ValidationError) as err:
        bundle(adult, referral("k-mum"))
    assert rule_codes(err) == ["unknown_reference"]
    with pytest.raises(ConsentRequired):
        refer(bare_case(adult), adult, referral("k-mum"))


def test_every_broken_reference_is_reported_not_only_the_first() -> None:
    client = girl(born_on=date(1990, 3, 1))
    visits = tuple(
        Visit(
            id=f"v{i}",
            client_id=f"ghost{i}",
            worker_id="w1",
            on=date(2025, 6, 2),
            mode=ContactMode.HOME_VISIT,
        )
        for i in range(3)
    )
    with pytest.raises(ValidationError) as err:
        StationRecords(
            station=STATION,
            period=JUNE,
            clients=(client, client),
            visits=visits,
            cases=(bare_case(client).model_copy(update={"worker_id": "nobody"}),),
        )
    found = {(e["type"], e["loc"]) for e in err.value.errors()}
    assert found == {
        ("duplicate_id", ("clients", 1)),
        ("unknown_reference", ("cases", 0, "worker_id")),
        *(("unknown_reference", ("visits", i, "client_id")) for i in range(3)),
    }


@given(
    client=clients(),
    pick=st.integers(min_value=0, max_value=20),
    offset=st.integers(min_value=0, max_value=3000),
)
def test_station_records_and_refer_agree_on_every_consented_referral(
    client: Client, pick: int, offset: int
) -> None:
    """One consent rule: the bundle accepts a referral exactly when ``refer`` does."""
    client = client.model_copy(update={"community_id": "c1"})
    ids = [c.id for c in client.consents] + [c.id for g in client.guardians for c in g.consents]
    consent_id = ids[pick % len(ids)] if ids else "k-none"
    opened = client.registered_on
    case = Case(id="a1", client_id=client.id, worker_id="w1", opened_on=opened)
    ref = referral(consent_id, on=min(opened + timedelta(days=offset), date(2199, 1, 1)))
    try:
        refer(case, client, ref)
        referred = True
    except ConsentRequired:
        referred = False
    codes: set[str] = set()
    try:
        bundle_case = case.model_copy(update={"referrals": (ref,)})
        StationRecords(station=STATION, period=JUNE, clients=(client,), cases=(bundle_case,))
    except ValidationError as err:
        codes = {e["type"] for e in err.errors()}
    assert codes <= {
        "unknown_reference",
        "guardian_consent_needed",
        "consent_scope_mismatch",
        "consent_not_active",
    }
    assert referred == (not codes)
