"""merge_plan and apply_merge: nothing lost, everything moved."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings

from socialwork.errors import ArgumentError
from socialwork.models import (
    Case,
    CaseStatus,
    Client,
    ClientCategory,
    Consent,
    ConsentScope,
    ContactMode,
    Group,
    GroupKind,
    GroupMember,
    GroupSession,
    StatusChange,
    Visit,
)
from socialwork.privacy import apply_merge, merge_plan
from tests.strategies import clients

K1 = Consent(id="k1", scope=ConsentScope.SERVICES, given_on=date(2025, 1, 1))
K1_OTHER = Consent(id="k1", scope=ConsentScope.PUBLICATION, given_on=date(2025, 2, 1))
OLD = Client(
    id="p1",
    name="王丽",
    community_id="c1",
    registered_on=date(2025, 1, 1),
    phone="13812345678",
    consents=(K1,),
    categories=(ClientCategory.LIVING_ALONE_ELDERLY,),
)
NEW = Client(
    id="p2",
    name="王莉",
    community_id="c1",
    registered_on=date(2025, 2, 1),
    phone="13812345678",
    address="幸福路1号",
    consents=(K1_OTHER,),
    categories=(ClientCategory.LIVING_ALONE_ELDERLY, ClientCategory.CHRONIC_ILLNESS),
)
CASE = Case(
    id="a1",
    client_id="p2",
    worker_id="w1",
    opened_on=date(2025, 2, 1),
    status=CaseStatus.ASSESSMENT,
    history=(
        StatusChange(
            on=date(2025, 2, 3), from_status=CaseStatus.INTAKE, to_status=CaseStatus.ASSESSMENT
        ),
    ),
)
VISIT = Visit(
    id="v1", client_id="p2", worker_id="w1", on=date(2025, 2, 5), mode=ContactMode.HOME_VISIT
)
GROUP = Group(
    id="g1",
    name="健康小组",
    kind=GroupKind.SUPPORT,
    community_id="c1",
    started_on=date(2025, 1, 1),
    members=(
        GroupMember(member_id="p1", joined_on=date(2025, 1, 1), left_on=date(2025, 3, 1)),
        GroupMember(member_id="p2", joined_on=date(2025, 2, 1)),
    ),
    sessions=(GroupSession(on=date(2025, 2, 10), attended=("p1", "p2")),),
)


def test_plan_lists_what_moves_and_what_conflicts() -> None:
    plan = merge_plan(NEW, OLD, cases=[CASE], visits=[VISIT], groups=[GROUP])
    assert plan.survivor.id == "p1"
    assert plan.filled == ("address",)
    assert [(c.field, c.survivor_value, c.merged_value) for c in plan.conflicts] == [
        ("name", "王丽", "王莉")
    ]
    assert plan.consents_moving == ("k1",)
    assert plan.categories_moving == ("chronic_illness",)
    assert (plan.cases_moving, plan.visits_moving, plan.groups_moving) == (
        ("a1",),
        ("v1",),
        ("g1",),
    )


def test_apply_keeps_every_consent_and_history_entry() -> None:
    plan = merge_plan(OLD, NEW, cases=[CASE], visits=[VISIT], groups=[GROUP])
    out = apply_merge(plan, {"name": "王丽"})
    assert out.retired_id == "p2"
    assert out.client.address == "幸福路1号"
    assert [c.id for c in out.client.consents] == ["k1", "p2~k1"]
    assert out.client.consents[1].scope is ConsentScope.PUBLICATION
    assert out.client.categories == (
        ClientCategory.LIVING_ALONE_ELDERLY,
        ClientCategory.CHRONIC_ILLNESS,
    )
    assert out.cases[0].client_id == "p1"
    assert out.cases[0].history == CASE.history
    assert out.visits[0].client_id == "p1"
    (member,) = out.groups[0].members
    assert (member.member_id, member.joined_on, member.left_on) == ("p1", date(2025, 1, 1), None)
    assert out.groups[0].sessions[0].attended == ("p1",)


def test_choices_are_checked() -> None:
    plan = merge_plan(OLD, NEW)
    with pytest.raises(ArgumentError):
        apply_merge(plan)
    with pytest.raises(ArgumentError):
        apply_merge(plan, {"name": "王五"})
    with pytest.raises(ArgumentError):
        apply_merge(plan, {"name": "王丽", "phone": "1"})
    same = apply_merge(merge_plan(OLD, OLD))
    assert (same.client, same.retired_id) == (OLD, "p1")


@settings(max_examples=40)
@given(clients(), clients())
def test_no_consent_is_ever_lost(a: Client, b: Client) -> None:
    plan = merge_plan(a, b)
    choices = {c.field: c.merged_value for c in plan.conflicts}
    try:
        out = apply_merge(plan, choices)
    except ValueError:
        return  # a choice that breaks a client rule (birth date vs ID number)
    kept = {(c.scope, c.given_on, c.withdrawn_on, c.note) for c in out.client.consents}
    for consent in (*a.consents, *b.consents):
        assert (consent.scope, consent.given_on, consent.withdrawn_on, consent.note) in kept
    assert len(out.client.guardians) >= len(plan.survivor.guardians)


def test_duplicated_ids_in_the_lists_are_refused() -> None:
    from datetime import date

    from socialwork.errors import PlanningInputError
    from socialwork.models import Case, Client
    from socialwork.privacy import merge_plan

    a = Client(id="p1", name="王丽", community_id="c1", registered_on=date(2025, 1, 1))
    b = Client(id="p2", name="王莉", community_id="c1", registered_on=date(2025, 2, 1))
    case = Case(id="a1", client_id="p2", worker_id="w1", opened_on=date(2025, 2, 1))
    with pytest.raises(PlanningInputError) as refused:
        merge_plan(a, b, cases=[case, case])
    assert refused.value.rule == "duplicate_id"
