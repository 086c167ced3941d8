"""Tests of socialwork.stages.evidence."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from socialwork._arguments import MAX_COUNT
from socialwork.errors import (
    UnknownCodeError,
)
from socialwork.records import replace
from socialwork.stages import (
    StageEvidence,
    StagePolicy,
)
from socialwork.stages.evidence import MAX_RATIO, require_stage
from tests.stages.support import EVIDENCE, launch_contract


def count_fields(record: StageEvidence) -> list[str]:
    return [
        name
        for name, info in type(record).model_fields.items()
        if info.annotation is int and name != "stage"
    ]


SHARES = [
    "profile_completeness",
    "households_known_share",
    "organisations_mapped_share",
    "most_residents",
    "leader_focus_share",
    "min_participation_share",
    "min_evidence_share",
]


MINIMUMS = [
    "min_common_issues",
    "min_group_kinds",
    "min_leaders_trained",
    "min_problems_solved",
    "min_new_core_leaders",
    "min_written_procedures",
    "min_supporting_units",
    "min_qualitative_sources",
    "min_quantitative_indicators",
    "disputes_warning_at",
]


def test_require_stage_takes_a_code() -> None:
    require_stage("launch", launch_contract())
    with pytest.raises(UnknownCodeError) as info:
        require_stage("launching", launch_contract())
    assert info.value.parameter == "stage"


def test_every_count_of_evidence_is_a_bounded_count() -> None:
    # preparation: households, known, issues, organisations, mapped, events;
    # launch: leaders, problems, two kinds of request, two kinds of dispute;
    # consolidation: residents, supporting, new leaders, procedures, units, two kinds of
    # contact, two kinds of activity; evaluation: qualitative and quantitative sources.
    assert [len(count_fields(e)) for e in EVIDENCE] == [6, 6, 9, 2]
    for evidence in EVIDENCE:
        for name in count_fields(evidence):
            bounds = [getattr(m, "le", None) for m in type(evidence).model_fields[name].metadata]
            assert MAX_COUNT in bounds, name


@pytest.mark.parametrize("evidence", EVIDENCE, ids=lambda e: type(e).__name__)
def test_an_edit_of_evidence_is_validated(evidence: StageEvidence) -> None:
    for name in count_fields(evidence):
        for bad in (-5, MAX_COUNT + 1, True, 2.0):
            with pytest.raises(ValidationError) as info:
                replace(evidence, **{name: bad})
            assert info.value.errors()[0]["loc"] == (name,)
            with pytest.raises(ValidationError):
                evidence.model_copy(update={name: bad})


def test_launch_evidence_refuses_negative_leaders_through_model_copy() -> None:
    evidence = launch_contract()
    with pytest.raises(ValidationError) as info:
        evidence.model_copy(update={"leaders_trained": -5})
    assert info.value.errors()[0]["type"] == "greater_than_equal"
    with pytest.raises(ValidationError):
        replace(evidence, leaders_trained=-5)
    assert evidence.leaders_trained == 5


def test_edits_keep_the_part_within_the_whole() -> None:
    preparation, _, consolidation, _ = EVIDENCE
    with pytest.raises(ValidationError) as info:
        replace(preparation, households=359)  # 360 known of 359
    assert info.value.errors()[0]["type"] == "part_above_total"
    with pytest.raises(ValidationError):
        replace(consolidation, residents_supporting=4081)


def test_the_policy_lists_every_threshold_once() -> None:
    assert sorted(StagePolicy.model_fields) == sorted(
        [*SHARES, *MINIMUMS, "max_events_before_profile", "worker_reliance_ratio"]
    )


@pytest.mark.parametrize("name", SHARES)
@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -0.01, 1.01, "0.5", True])
def test_policy_shares_are_finite_and_within_zero_and_one(name: str, bad: object) -> None:
    with pytest.raises(ValidationError) as info:
        StagePolicy.model_validate({name: bad})
    assert info.value.errors()[0]["loc"] == (name,)


@pytest.mark.parametrize("name", MINIMUMS)
@pytest.mark.parametrize(
    "bad", [0, -1, MAX_COUNT + 1, pytest.param(10**5000, id="10**5000"), 2.0, True]
)
def test_policy_minimums_are_bounded_whole_numbers(name: str, bad: object) -> None:
    with pytest.raises(ValidationError):
        StagePolicy.model_validate({name: bad})
    assert getattr(StagePolicy.model_validate({name: MAX_COUNT}), name) == MAX_COUNT


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -0.5, MAX_RATIO + 1])
def test_the_reliance_ratio_is_finite_and_bounded(bad: float) -> None:
    with pytest.raises(ValidationError):
        StagePolicy(worker_reliance_ratio=bad)
    assert StagePolicy(worker_reliance_ratio=MAX_RATIO).worker_reliance_ratio == MAX_RATIO


def test_an_edit_of_the_policy_is_validated() -> None:
    with pytest.raises(ValidationError):
        replace(StagePolicy(), most_residents=float("nan"))
    with pytest.raises(ValidationError):
        StagePolicy().model_copy(update={"min_leaders_trained": 0})
    # a share given as an int is a number: 1 means the whole
    assert StagePolicy(profile_completeness=1).profile_completeness == 1.0
