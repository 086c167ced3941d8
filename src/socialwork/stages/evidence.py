"""Evidence of each community-work stage, and the policy that judges it.

Each stage has its own evidence record of measurable fields: what
`check_exit` compares with the thresholds of a
`StagePolicy`, and what `stage_warnings`
looks at to raise cautions. A record's ``stage`` field names its stage, so a
`StageEvidence` read from JSON becomes the right record.

Examples:
    >>> evidence = LaunchEvidence(groups_formed=(GroupKind.INTEREST,), leaders_trained=6,
    ...                           problems_solved_with_leaders=2)
    >>> evidence.stage.label(), StagePolicy().min_leaders_trained
    ('启动', 5)
"""

from __future__ import annotations

from typing import Annotated, Literal, Self, TypeAlias

from pydantic import Field, Strict, model_validator

from socialwork._arguments import MAX_COUNT, require_member
from socialwork.errors import WrongStageEvidence
from socialwork.models import GroupKind, ProfileAspect
from socialwork.records import Count, Record, Share, check_part
from socialwork.stages.stage import Stage

__all__ = [
    "ConsolidationEvidence",
    "EvaluationEvidence",
    "LaunchEvidence",
    "PreparationEvidence",
    "StageEvidence",
    "StagePolicy",
]

MAX_RATIO = 1000.0
"""The largest ratio a `StagePolicy` may hold (``worker_reliance_ratio``)."""

MAX_MEASURE = MAX_COUNT * MAX_RATIO
"""The largest value a criterion or a warning may measure or compare with.

A count is at most `MAX_COUNT`; the largest threshold is the reliance ratio
times a count of requests.
"""

Flag = Annotated[bool, Strict()]
Ratio = Annotated[float, Strict(), Field(ge=0, le=MAX_RATIO, allow_inf_nan=False)]
"""A finite ratio from 0 to `MAX_RATIO`."""
Minimum = Annotated[int, Strict(), Field(ge=1, le=MAX_COUNT)]
"""A threshold count from 1 to `MAX_COUNT`."""


class PreparationEvidence(Record):
    """What the worker knows and has done at the end of preparation (准备).

    Examples:
        >>> e = PreparationEvidence(community_plan=True, profile_aspects=frozenset(ProfileAspect),
        ...                         households=1200, households_known=400, common_issues_raised=3,
        ...                         organisations=20, organisations_mapped=17)
        >>> len(e.profile_aspects), e.events_held
        (5, 0)
    """

    stage: Literal[Stage.PREPARATION] = Stage.PREPARATION
    community_plan: Flag
    """Whether a written plan guides the worker's entry into the community."""
    profile_aspects: frozenset[ProfileAspect]
    """The aspects of the community profile the worker has covered."""
    households: Count
    """Households in the community."""
    households_known: Count
    """Households the worker knows and is known by."""
    common_issues_raised: Count
    """Shared problems residents brought to the worker on their own."""
    organisations: Count
    """Government bodies, local units and groups relevant to the work."""
    organisations_mapped: Count
    """Of those, the ones whose working the worker understands."""
    events_held: Count = 0
    """Activities and events the worker has run so far."""

    @model_validator(mode="after")
    def _parts_within_wholes(self) -> Self:
        check_part(
            "PreparationEvidence",
            ("households_known",),
            "households_known",
            self.households_known,
            "households",
            self.households,
        )
        check_part(
            "PreparationEvidence",
            ("organisations_mapped",),
            "organisations_mapped",
            self.organisations_mapped,
            "organisations",
            self.organisations,
        )
        return self


class LaunchEvidence(Record):
    """What the launch (启动) has built: groups, leaders and problems solved.

    Examples:
        >>> e = LaunchEvidence(groups_formed=(GroupKind.INTEREST, GroupKind.MUTUAL_AID),
        ...                    leaders_trained=6, problems_solved_with_leaders=2,
        ...                    requests_to_worker=10, requests_to_leaders=4)
        >>> len(set(e.groups_formed)), e.disputes_within_groups
        (2, 0)
    """

    stage: Literal[Stage.LAUNCH] = Stage.LAUNCH
    groups_formed: tuple[GroupKind, ...]
    """The kind of each resident group formed, one entry per group."""
    leaders_trained: Count
    """Resident leaders (骨干) who completed training."""
    problems_solved_with_leaders: Count
    """Community problems solved with the leaders' help."""
    requests_to_worker: Count = 0
    """Requests for help residents brought to the worker."""
    requests_to_leaders: Count = 0
    """Requests for help residents brought to their own leaders."""
    disputes_within_groups: Count = 0
    """Disputes over people or power inside a group."""
    disputes_between_groups: Count = 0
    """Disputes over people or power between groups."""


class ConsolidationEvidence(Record):
    """How settled the residents' organisation is at the end of consolidation (巩固).

    Examples:
        >>> e = ConsolidationEvidence(residents=3500, residents_supporting=1800,
        ...                           new_core_leaders=2, written_procedures=3,
        ...                           supporting_units=4)
        >>> e.residents_supporting / e.residents > 0.5
        True
    """

    stage: Literal[Stage.CONSOLIDATION] = Stage.CONSOLIDATION
    residents: Count
    """Residents the organisation serves (the denominator of its support)."""
    residents_supporting: Count
    """Of those, residents who support the organisation."""
    new_core_leaders: Count
    """People who joined the organisation's leadership core during the stage."""
    written_procedures: Count
    """Written procedures the organisation works by (meetings, money, membership…)."""
    supporting_units: Count
    """Local units or outside civic groups that support the organisation."""
    contacts_with_leaders: Count = 0
    """The worker's contacts with resident leaders."""
    contacts_with_residents: Count = 0
    """The worker's contacts with ordinary residents."""
    service_activities: Count = 0
    """Activities in which the organisation delivers a service."""
    participation_activities: Count = 0
    """Activities in which residents plan, decide or organise."""

    @model_validator(mode="after")
    def _support_within_residents(self) -> Self:
        check_part(
            "ConsolidationEvidence",
            ("residents_supporting",),
            "residents_supporting",
            self.residents_supporting,
            "residents",
            self.residents,
        )
        return self


class EvaluationEvidence(Record):
    """What the evaluation (评估) has produced: a summary, its evidence and a plan.

    Examples:
        >>> e = EvaluationEvidence(summary_written=True, qualitative_sources=6,
        ...                        quantitative_indicators=8, next_cycle_plan=True)
        >>> e.stage.label("en")
        'Evaluation'
    """

    stage: Literal[Stage.EVALUATION] = Stage.EVALUATION
    summary_written: Flag
    """Whether the past work is summed up in writing."""
    qualitative_sources: Count
    """Qualitative sources the summary uses: interviews, stories, observations."""
    quantitative_indicators: Count
    """Quantitative indicators the summary uses: rates, counts, scores."""
    next_cycle_plan: Flag
    """Whether the next cycle of work is planned."""


StageEvidence: TypeAlias = Annotated[
    PreparationEvidence | LaunchEvidence | ConsolidationEvidence | EvaluationEvidence,
    Field(discriminator="stage"),
]
"""The evidence of any stage; its ``stage`` field tells which."""

_EVIDENCE = (PreparationEvidence, LaunchEvidence, ConsolidationEvidence, EvaluationEvidence)


class StagePolicy(Record):
    """The thresholds that exit criteria and cautions are judged by.

    Practice guides state the criteria in words ("a batch of leaders", "most
    residents"); these defaults turn them into numbers. "Most residents"
    means more than half, unless ``most_residents`` says otherwise. Shares
    are finite floats from 0 to 1, minimum counts whole numbers from 1 to
    `MAX_COUNT`, ``max_events_before_profile`` a count from 0, and
    ``worker_reliance_ratio`` a finite ratio from 0 to `MAX_RATIO`.

    Exit criteria (met when the measured value reaches the threshold):

    | criterion | measured | default |
    |---|---|---|
    | ``profile_complete`` | share of the 5 profile aspects covered | at least 1.0 |
    | ``households_known`` | households known / households | at least 0.3 |
    | ``common_issues_raised`` | shared problems residents raised | at least 2 |
    | ``organisations_mapped`` | organisations understood / relevant | at least 0.8 |
    | ``group_kinds`` | distinct kinds of group formed | at least 2 |
    | ``leaders_trained`` | leaders trained | at least 5 |
    | ``problems_solved_with_leaders`` | problems solved with leaders | at least 2 |
    | ``resident_support`` | residents supporting / residents | more than 0.5 |
    | ``leadership_renewal`` | new members of the leadership core | at least 1 |
    | ``written_procedures`` | written procedures | at least 1 |
    | ``supporting_units`` | supporting units or groups | at least 1 |
    | ``qualitative_evidence`` | qualitative sources | at least 1 |
    | ``quantitative_evidence`` | quantitative indicators | at least 1 |

    ``community_plan``, ``summary_written`` and ``next_cycle_plan`` must be true.

    Cautions (a warning is raised when):

    - ``events_before_profile``: more than ``max_events_before_profile`` (3)
      events while the profile is incomplete;
    - ``reliance_on_worker``: requests to the worker exceed
      ``worker_reliance_ratio`` (1.0) times the requests to leaders;
    - ``disputes_within_groups`` / ``disputes_between_groups``: at least
      ``disputes_warning_at`` (1) disputes;
    - ``leader_focus``: more than ``leader_focus_share`` (0.5) of the worker's
      contacts go to leaders;
    - ``services_only``: participation activities are less than
      ``min_participation_share`` (0.2) of all activities;
    - ``only_numbers`` / ``only_impressions``: qualitative (or quantitative)
      evidence is less than ``min_evidence_share`` (0.2) of all evidence.

    Examples:
        >>> StagePolicy().most_residents
        0.5
        >>> StagePolicy(min_leaders_trained=8).min_leaders_trained
        8
        >>> from socialwork.records import replace
        >>> replace(StagePolicy(), most_residents=float("nan"))
        Traceback (most recent call last):
        ...
        pydantic_core._pydantic_core.ValidationError: 1 validation error for StagePolicy
        most_residents
          Input should be a finite number ...
    """

    profile_completeness: Share = 1.0
    households_known_share: Share = 0.3
    min_common_issues: Minimum = 2
    organisations_mapped_share: Share = 0.8
    min_group_kinds: Minimum = 2
    min_leaders_trained: Minimum = 5
    min_problems_solved: Minimum = 2
    most_residents: Share = 0.5
    min_new_core_leaders: Minimum = 1
    min_written_procedures: Minimum = 1
    min_supporting_units: Minimum = 1
    min_qualitative_sources: Minimum = 1
    min_quantitative_indicators: Minimum = 1
    max_events_before_profile: Count = 3
    worker_reliance_ratio: Ratio = 1.0
    disputes_warning_at: Minimum = 1
    leader_focus_share: Share = 0.5
    min_participation_share: Share = 0.2
    min_evidence_share: Share = 0.2


DEFAULT_POLICY = StagePolicy()
"""The policy with every documented default; used when no policy is given."""


def require_stage(stage: Stage | str, evidence: StageEvidence) -> None:
    """Refuse ``evidence`` unless it is evidence of ``stage`` (a `Stage` or its code).

    Raises:
        WrongStageEvidence: the evidence is for another stage.
        UnknownCodeError: ``stage`` is a code of no stage.

    Examples:
        >>> require_stage(Stage.EVALUATION, EvaluationEvidence(
        ...     summary_written=True, qualitative_sources=1, quantitative_indicators=1,
        ...     next_cycle_plan=False))
    """
    expected = require_member(Stage, stage, "stage")
    if not isinstance(evidence, _EVIDENCE):
        raise TypeError(
            f"evidence must be the evidence record of a stage; got {type(evidence).__name__}"
        )
    if evidence.stage is not expected:
        raise WrongStageEvidence(expected.value, evidence.stage.value)
