"""Helpers shared by the tests of this room."""

from __future__ import annotations

from datetime import UTC, date

from hypothesis import settings
from hypothesis import strategies as st

from socialwork.models import (
    Case,
    GroupKind,
    ProfileAspect,
    Referral,
)
from socialwork.stages import (
    ConsolidationEvidence,
    Engagement,
    EvaluationEvidence,
    LaunchEvidence,
    PreparationEvidence,
    Stage,
    StageEvidence,
)

PROPERTY_CONTRACT = settings(max_examples=60, deadline=None)


OPENED = date(2025, 6, 2)


def at(stage: Stage, on: date = date(2025, 6, 1)) -> Engagement:
    return Engagement(community_id="c1", stage=stage, entered_on=on)


def new_case(**changes: object) -> Case:
    fields: dict[str, object] = {
        "id": "k1",
        "client_id": "p1",
        "worker_id": "s1",
        "opened_on": OPENED,
    }
    return Case.model_validate(fields | changes)


def launch_contract(**changes: object) -> LaunchEvidence:
    fields: dict[str, object] = {
        "groups_formed": (GroupKind.INTEREST, GroupKind.MUTUAL_AID),
        "leaders_trained": 5,
        "problems_solved_with_leaders": 2,
    }
    return LaunchEvidence.model_validate(fields | changes)


def referral(on: date = date(2025, 7, 2)) -> Referral:
    return Referral(
        id="r1",
        to_organisation="区精神卫生中心",
        reason="危机干预",
        referred_on=on,
        consent_id="k2",
    )


EVIDENCE: list[StageEvidence] = [
    PreparationEvidence(
        community_plan=True,
        profile_aspects=frozenset(ProfileAspect),
        households=1200,
        households_known=360,
        common_issues_raised=2,
        organisations=20,
        organisations_mapped=16,
    ),
    launch_contract(),
    ConsolidationEvidence(
        residents=4080,
        residents_supporting=3468,
        new_core_leaders=1,
        written_procedures=1,
        supporting_units=1,
    ),
    EvaluationEvidence(
        summary_written=True, qualitative_sources=5, quantitative_indicators=5, next_cycle_plan=True
    ),
]


days_and_datetimes = st.one_of(
    st.dates(min_value=date(1899, 12, 1), max_value=date(2200, 1, 31)),
    st.sampled_from([date.min, date.max]),
    st.datetimes(timezones=st.none() | st.just(UTC)),
)
