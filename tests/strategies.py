"""Hypothesis strategies for every record of socialwork.models.

Each strategy builds valid records only; tests that need invalid input make
it explicitly.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from datetime import date, timedelta
from decimal import ROUND_DOWN, Decimal
from itertools import pairwise
from typing import Any, Literal

from hypothesis import strategies as st
from pydantic import BaseModel

from socialwork import analysis as an
from socialwork import calendars as ca
from socialwork import evaluation as ev
from socialwork import models as m
from socialwork import plans as pn
from socialwork import stages as sg
from socialwork import team as tm
from socialwork._arguments import MAX_COUNT
from socialwork.errors import TeamRuleError
from socialwork.evaluation.scales import SCALES
from socialwork.metrics import definitions as md
from socialwork.metrics import status as ms
from socialwork.metrics import targets as mt
from socialwork.plans import measurements as pm
from socialwork.plans import review_records as pr
from socialwork.records import replace
from socialwork.stages.evidence import MAX_RATIO

DAY_MIN = date(2020, 1, 1)
DAY_MAX = date(2030, 12, 31)

ids = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", min_size=1, max_size=12)
texts = st.text(
    alphabet=st.characters(codec="utf-8", categories=("L", "N", "P"), exclude_characters="\x00"),
    min_size=1,
    max_size=20,
).filter(lambda s: s.strip() == s and s != "")
days = st.dates(min_value=DAY_MIN, max_value=DAY_MAX)
counts = st.integers(min_value=0, max_value=10_000)
scale5 = st.integers(min_value=1, max_value=5)
money = st.decimals(
    min_value=0, max_value=10_000_000, places=2, allow_nan=False, allow_infinity=False
)


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


def unique_by_id(strategy: st.SearchStrategy[Any], key: str = "id", max_size: int = 4) -> Any:
    return st.lists(strategy, max_size=max_size, unique_by=lambda r: getattr(r, key)).map(tuple)


@st.composite
def day_pairs(draw: st.DrawFn) -> tuple[date, date]:
    start = draw(days)
    return start, start + timedelta(days=draw(st.integers(min_value=0, max_value=800)))


periods = day_pairs().map(lambda p: m.Period(start=p[0], end=p[1]))

profile_facts = st.builds(
    m.ProfileFact,
    aspect=st.sampled_from(m.ProfileAspect),
    topic=texts,
    value=texts,
    channel=st.sampled_from(m.SourceChannel),
    recorded_on=optional(days),
)


@st.composite
def population_structures(draw: st.DrawFn) -> m.PopulationStructure:
    total = draw(counts)
    part = st.integers(min_value=0, max_value=total)
    male = draw(optional(part))
    female = draw(optional(st.integers(min_value=0, max_value=total - (male or 0))))
    old = draw(optional(part))
    oldest = draw(optional(st.integers(min_value=0, max_value=total if old is None else old)))
    return m.PopulationStructure(
        total=total,
        male=male,
        female=female,
        aged_60_plus=old,
        aged_80_plus=oldest,
        under_18=draw(optional(part)),
        employed=draw(optional(part)),
        floating_population=draw(optional(part)),
    )


local_units = st.builds(
    m.LocalUnit,
    id=ids,
    name=texts,
    kind=st.sampled_from(m.LocalUnitKind),
    address=optional(texts),
    contact_person=optional(texts),
    phone=optional(texts),
)
households = st.builds(
    m.Household,
    id=ids,
    community_id=ids,
    members=counts,
    address=optional(texts),
    head_name=optional(texts),
)
communities = st.builds(
    m.Community,
    id=ids,
    name=texts,
    street=optional(texts),
    households=optional(counts),
    population=optional(population_structures()),
    facts=st.lists(profile_facts, max_size=3).map(tuple),
    local_units=unique_by_id(local_units),
)


@st.composite
def consents(draw: st.DrawFn) -> m.Consent:
    given, withdrawn = draw(day_pairs())
    return m.Consent(
        id=draw(ids),
        scope=draw(st.sampled_from(m.ConsentScope)),
        given_on=given,
        withdrawn_on=draw(st.none() | st.just(withdrawn)),
        note=draw(optional(texts)),
    )


emergency_contacts = st.builds(m.EmergencyContact, name=texts, relationship=texts, phone=texts)


KNOWN_REGIONS = ("110101", "110105", "110108", "310101", "310104")
"""Region codes that python-stdnum's table knows (so no UnknownRegionWarning)."""


def id_number_for(region: str, born: date, sequence: int) -> str:
    """A valid 18-character resident ID number for a region, birth date and sequence."""
    from stdnum.cn import ric

    body = f"{region}{born:%Y%m%d}{sequence:03d}"
    return body + ric.calc_check_digit(body + "0")


@st.composite
def id_numbers(draw: st.DrawFn, born: date | None = None, latest: date = date(2024, 12, 31)) -> str:
    """A valid ID number of someone born on ``born``, or on a day up to ``latest``."""
    day = (
        born
        if born is not None
        else draw(st.dates(date(1930, 1, 1), max(latest, date(1930, 1, 1))))
    )
    return id_number_for(
        draw(st.sampled_from(KNOWN_REGIONS)), day, draw(st.integers(min_value=0, max_value=999))
    )


guardians = st.builds(
    m.Guardian,
    id=ids,
    name=texts,
    relationship=texts,
    phone=optional(texts),
    consents=unique_by_id(consents()),
)


@st.composite
def clients(draw: st.DrawFn) -> m.Client:
    categories = tuple(draw(st.lists(st.sampled_from(m.ClientCategory), unique=True, max_size=3)))
    issues: tuple[m.YouthIssue, ...] = ()
    if m.ClientCategory.YOUTH in categories:
        issues = tuple(draw(st.lists(st.sampled_from(m.YouthIssue), unique=True, max_size=2)))
    born, registered = draw(day_pairs())
    born_on = draw(st.none() | st.just(born))
    id_number = draw(st.none() | id_numbers(born_on, latest=registered))
    encoded = None if id_number is None else m.Sex.MALE if int(id_number[16]) % 2 else m.Sex.FEMALE
    sex = draw(st.none() | (st.just(encoded) if encoded else st.sampled_from(m.Sex)))
    return m.Client(
        id=draw(ids),
        name=draw(texts),
        community_id=draw(ids),
        registered_on=registered,
        categories=categories,
        youth_issues=issues,
        risk_level=draw(st.sampled_from(m.RiskLevel)),
        born_on=born_on,
        phone=draw(optional(texts)),
        address=draw(optional(texts)),
        id_number=id_number,
        sex=sex,
        emergency_contact=draw(optional(emergency_contacts)),
        consents=draw(unique_by_id(consents())),
        guardians=draw(unique_by_id(guardians, max_size=2)),
    )


evidences = st.builds(m.Evidence, source=texts, detail=texts)
bradshaw = st.builds(
    m.BradshawEvidence,
    normative=optional(evidences),
    felt=optional(evidences),
    expressed=optional(evidences),
    comparative=optional(evidences),
)


@st.composite
def needs(draw: st.DrawFn) -> m.Need:
    raised, resolved = draw(day_pairs())
    status = draw(st.sampled_from(m.NeedStatus))
    closed = status in (m.NeedStatus.MET, m.NeedStatus.WITHDRAWN)
    return m.Need(
        id=draw(ids),
        community_id=draw(ids),
        domain=draw(st.sampled_from(m.NeedDomain)),
        description=draw(texts),
        raised_on=raised,
        raised_by=draw(texts),
        evidence=draw(bradshaw),
        status=status,
        client_id=draw(optional(ids)),
        severity=draw(optional(scale5)),
        urgency=draw(optional(scale5)),
        people_affected=draw(optional(counts)),
        resolved_on=draw(st.none() | st.just(resolved)) if closed else None,
    )


@st.composite
def scores(draw: st.DrawFn) -> m.Score:
    low = draw(st.integers(min_value=-100, max_value=100))
    high = low + draw(st.integers(min_value=1, max_value=100))
    value = draw(st.floats(min_value=low, max_value=high, allow_nan=False))
    return m.Score(instrument=draw(texts), value=value, minimum=low, maximum=high)


assessed_needs = st.builds(
    m.AssessedNeed,
    domain=st.sampled_from(m.NeedDomain),
    description=texts,
    evidence=bradshaw,
    severity=optional(scale5),
)


def assessments(after: date = DAY_MIN) -> st.SearchStrategy[m.Assessment]:
    return st.builds(
        m.Assessment,
        assessed_on=st.dates(min_value=after, max_value=DAY_MAX),
        worker_id=ids,
        methods=st.lists(
            st.sampled_from(m.AssessmentMethod), min_size=1, max_size=3, unique=True
        ).map(tuple),
        needs=st.lists(assessed_needs, max_size=2).map(tuple),
        scores=st.lists(scores(), max_size=2).map(tuple),
    )


@st.composite
def goals(draw: st.DrawFn) -> m.Goal:
    start, due = draw(day_pairs())
    return m.Goal(
        id=draw(ids),
        description=draw(texts),
        target=draw(texts),
        lifecycle_status=draw(st.sampled_from(m.GoalLifecycleStatus)),
        achievement_status=draw(optional(st.sampled_from(m.GoalAchievementStatus))),
        start_on=draw(st.none() | st.just(start)),
        due_on=draw(st.none() | st.just(due)),
    )


visits = st.builds(
    m.Visit,
    id=ids,
    client_id=ids,
    on=days,
    mode=st.sampled_from(m.ContactMode),
    worker_id=ids,
    case_id=optional(ids),
    duration_minutes=optional(st.integers(min_value=0, max_value=600)),
    note=optional(texts),
)


def referrals(after: date = DAY_MIN) -> st.SearchStrategy[m.Referral]:
    return st.builds(
        m.Referral,
        id=ids,
        to_organisation=texts,
        reason=texts,
        referred_on=st.dates(min_value=after, max_value=DAY_MAX),
        consent_id=ids,
        status=st.sampled_from(m.ReferralStatus),
        contact_person=optional(texts),
    )


def closures(after: date = DAY_MIN) -> st.SearchStrategy[m.Closure]:
    return st.builds(
        m.Closure,
        closed_on=st.dates(min_value=after, max_value=DAY_MAX),
        outcome=st.sampled_from(m.ClosureOutcome),
        note=texts,
    )


status_changes = st.builds(
    m.StatusChange,
    on=days,
    from_status=st.sampled_from(m.CaseStatus),
    to_status=st.sampled_from(m.CaseStatus),
    crisis=st.booleans(),
    reason=optional(texts),
)


@st.composite
def cases(draw: st.DrawFn) -> m.Case:
    opened = draw(st.dates(min_value=DAY_MIN, max_value=date(2028, 1, 1)))
    statuses = draw(st.lists(st.sampled_from(m.CaseStatus), max_size=4))
    history = []
    current = m.CaseStatus.INTAKE
    on = opened
    for status in statuses:
        on = on + timedelta(days=draw(st.integers(min_value=0, max_value=60)))
        history.append(m.StatusChange(on=on, from_status=current, to_status=status))
        current = status
    closed = current is m.CaseStatus.CLOSED
    return m.Case(
        id=draw(ids),
        client_id=draw(ids),
        worker_id=draw(ids),
        opened_on=opened,
        status=current,
        crisis=False if closed else draw(st.booleans()),
        presenting_problem=draw(optional(texts)),
        assessments=tuple(draw(st.lists(assessments(opened), max_size=2))),
        goals=draw(unique_by_id(goals())),
        referrals=draw(unique_by_id(referrals(opened))),
        closure=draw(closures(opened)) if closed else None,
        history=tuple(history),
    )


@st.composite
def group_members(draw: st.DrawFn) -> m.GroupMember:
    joined, left = draw(day_pairs())
    return m.GroupMember(
        member_id=draw(ids), joined_on=joined, left_on=draw(st.none() | st.just(left))
    )


group_sessions = st.builds(
    m.GroupSession,
    on=days,
    topic=optional(texts),
    attended=st.lists(ids, unique=True, max_size=3).map(tuple),
)


@st.composite
def groups(draw: st.DrawFn) -> m.Group:
    started = draw(days)
    members = draw(unique_by_id(group_members(), key="member_id", max_size=6))
    sessions = []
    for day in draw(st.lists(st.dates(min_value=started, max_value=DAY_MAX), max_size=3)):
        active = [x.member_id for x in members if x.active_on(day)]
        attended = draw(st.lists(st.sampled_from(active), unique=True) if active else st.just([]))
        sessions.append(m.GroupSession(on=day, attended=tuple(attended)))
    return m.Group(
        id=draw(ids),
        name=draw(texts),
        kind=draw(st.sampled_from(m.GroupKind)),
        community_id=draw(ids),
        started_on=started,
        theme=draw(optional(texts)),
        facilitator_id=draw(optional(ids)),
        members=members,
        sessions=tuple(sessions),
    )


@st.composite
def surveys(draw: st.DrawFn, at_most: int = 10_000) -> m.SatisfactionSurvey:
    respondents = draw(st.integers(min_value=0, max_value=at_most))
    return m.SatisfactionSurvey(
        id=draw(ids),
        population=draw(texts),
        conducted_on=draw(days),
        respondents=respondents,
        satisfied=draw(st.integers(min_value=0, max_value=respondents)),
        population_size=draw(
            optional(st.integers(min_value=respondents, max_value=respondents * 3))
        ),
    )


@st.composite
def services_delivered(draw: st.DrawFn, at_most: int = 10_000) -> m.ServiceDelivered:
    return m.ServiceDelivered(
        service=draw(texts), count=draw(st.integers(min_value=0, max_value=at_most))
    )


@st.composite
def activities(draw: st.DrawFn) -> m.Activity:
    participants = draw(counts)
    return m.Activity(
        id=draw(ids),
        name=draw(texts),
        kind=draw(st.sampled_from(m.ActivityKind)),
        on=draw(days),
        place=draw(texts),
        community_id=draw(ids),
        participants=participants,
        services=tuple(draw(st.lists(services_delivered(participants), max_size=3))),
        survey=draw(optional(surveys(participants))),
    )


@st.composite
def resources(draw: st.DrawFn) -> m.Resource:
    charges = draw(st.booleans())
    return m.Resource(
        id=draw(ids),
        name=draw(texts),
        kind=draw(st.sampled_from(m.ResourceKind)),
        source=draw(st.sampled_from(m.ResourceSource)),
        provider=draw(texts),
        availability=draw(st.sampled_from(m.Availability)),
        items_offered=tuple(draw(st.lists(texts, max_size=3))),
        address=draw(optional(texts)),
        phone=draw(optional(texts)),
        fax=draw(optional(texts)),
        website=draw(optional(texts)),
        email=draw(optional(texts)),
        person_in_charge=draw(optional(texts)),
        contact=draw(optional(texts)),
        conditions=draw(optional(texts)),
        charges=charges,
        fee_standard=draw(texts) if charges else None,
        value_cny=draw(optional(money)),
    )


deliveries = st.builds(
    m.ResourceDelivery,
    id=ids,
    resource_id=ids,
    recipient_id=ids,
    delivered_on=days,
    items=st.lists(texts, max_size=3).map(tuple),
    need_id=optional(ids),
    matched_need=optional(st.booleans()),
    value_cny=optional(money),
)
funding_sources = st.builds(
    m.FundingSource, id=ids, name=texts, source=st.sampled_from(m.ResourceSource), amount_cny=money
)


@st.composite
def budget_lines(draw: st.DrawFn, source: m.FundingSource) -> m.BudgetLine:
    return m.BudgetLine(
        code=draw(ids),
        description=draw(texts),
        amount_cny=(source.amount_cny / 4).quantize(Decimal("0.01"), rounding=ROUND_DOWN),
        funding_source_id=source.id,
    )


@st.composite
def budgets(draw: st.DrawFn) -> m.Budget:
    sources = draw(st.lists(funding_sources, min_size=1, max_size=3, unique_by=lambda s: s.id))
    lines = draw(
        st.lists(
            st.sampled_from(sources).flatmap(budget_lines),
            max_size=4,
            unique_by=lambda line: line.code,
        )
    )
    per_source: dict[str, int] = {}
    kept = []
    for line in lines:  # at most 4 quarter-lines per source keeps each source within its amount
        per_source[line.funding_source_id] = per_source.get(line.funding_source_id, 0) + 1
        if per_source[line.funding_source_id] <= 4:
            kept.append(line)
    return m.Budget(funding_sources=tuple(sources), lines=tuple(kept))


@st.composite
def staff_members(draw: st.DrawFn) -> m.Staff:
    joined, left = draw(day_pairs())
    key = draw(ids)
    other = ids.filter(lambda x: x != key)
    return m.Staff(
        id=key,
        name=draw(texts),
        role=draw(st.sampled_from(m.StaffRole)),
        grade=draw(st.sampled_from(m.StaffGrade)),
        joined_on=joined,
        left_on=draw(st.none() | st.just(left)),
        certification=draw(st.sampled_from(m.Certification)),
        mentor_id=draw(optional(other)),
        backup_id=draw(optional(other)),
    )


volunteers = st.builds(
    m.Volunteer,
    id=ids,
    name=texts,
    joined_on=days,
    trained=st.booleans(),
    skills=st.lists(texts, max_size=2).map(tuple),
    evaluation=optional(scale5),
    phone=optional(texts),
)
service_hours = st.builds(
    m.ServiceHours,
    volunteer_id=ids,
    on=days,
    hours=st.decimals(min_value=Decimal("0.25"), max_value=24, places=2),
    activity_id=optional(ids),
    task=optional(texts),
)
service_files = st.builds(
    m.ServiceFile,
    id=ids,
    kind=st.sampled_from(m.FileKind),
    subject_id=ids,
    updated_on=optional(days),
    missing_items=st.lists(texts, max_size=2).map(tuple),
)


@st.composite
def stations(draw: st.DrawFn) -> m.Station:
    staff = draw(st.lists(staff_members(), max_size=4, unique_by=lambda s: s.id))
    known = {s.id for s in staff}
    # keep mentor and backup references inside the station
    fixed = tuple(
        s.model_copy(
            update={
                "mentor_id": s.mentor_id if s.mentor_id in known else None,
                "backup_id": s.backup_id if s.backup_id in known else None,
            }
        )
        for s in staff
    )
    return m.Station(
        id=draw(ids),
        name=draw(texts),
        communities=draw(unique_by_id(communities, max_size=2)),
        staff=fixed,
    )


@st.composite
def station_records(draw: st.DrawFn) -> m.StationRecords:
    station = draw(stations())
    community_ids = [c.id for c in station.communities]
    client_list: tuple[m.Client, ...] = ()
    if community_ids:
        client_list = tuple(
            c.model_copy(update={"community_id": draw(st.sampled_from(community_ids))})
            for c in draw(unique_by_id(clients(), max_size=3))
        )
    return m.StationRecords(
        station=station,
        period=draw(periods),
        clients=client_list,
        households=draw(unique_by_id(households, max_size=2)),
        groups=draw(unique_by_id(groups(), max_size=2)),
        activities=draw(unique_by_id(activities(), max_size=2)),
        resources=draw(unique_by_id(resources(), max_size=2)),
        needs=draw(unique_by_id(needs(), max_size=2)),
        files=draw(unique_by_id(service_files, max_size=2)),
        surveys=draw(unique_by_id(surveys(), max_size=2)),
        budget=draw(optional(budgets())),
    )


RECORDS: dict[type[BaseModel], st.SearchStrategy[Any]] = {
    m.Activity: activities(),
    m.AssessedNeed: assessed_needs,
    m.Assessment: assessments(),
    m.BilingualText: st.builds(m.BilingualText, zh=texts, en=texts, zh_hant=st.none() | texts),
    m.BradshawEvidence: bradshaw,
    m.Budget: budgets(),
    m.BudgetLine: funding_sources.flatmap(budget_lines),
    m.Case: cases(),
    m.Client: clients(),
    m.Closure: closures(),
    m.Community: communities,
    m.KnownKeyGroup: st.builds(
        m.KnownKeyGroup, category=st.sampled_from(m.ClientCategory), known=counts
    ),
    m.Consent: consents(),
    m.EmergencyContact: emergency_contacts,
    m.Guardian: guardians,
    m.Evidence: evidences,
    m.FundingSource: funding_sources,
    m.Goal: goals(),
    m.Group: groups(),
    m.GroupMember: group_members(),
    m.GroupSession: group_sessions,
    m.Household: households,
    m.LocalUnit: local_units,
    m.Need: needs(),
    m.Period: periods,
    m.PopulationStructure: population_structures(),
    m.ProfileFact: profile_facts,
    m.Referral: referrals(),
    m.Resource: resources(),
    m.ResourceDelivery: deliveries,
    m.SatisfactionSurvey: surveys(),
    m.Score: scores(),
    m.ServiceDelivered: services_delivered(),
    m.ServiceFile: service_files,
    m.ServiceHours: service_hours,
    m.Staff: staff_members(),
    m.Station: stations(),
    m.StationRecords: station_records(),
    m.StatusChange: status_changes,
    m.Visit: visits,
    m.Volunteer: volunteers,
}
"""A strategy for every record type, keyed by the type."""


# --- stages ---


small = st.integers(min_value=0, max_value=12) | st.sampled_from([0, 1, MAX_COUNT])
"""Mostly small counts, with the bounds of `Count` now and then."""


@st.composite
def part_and_whole(draw: st.DrawFn) -> tuple[int, int]:
    whole = draw(st.integers(min_value=0, max_value=5_000) | st.just(MAX_COUNT))
    return draw(st.integers(min_value=0, max_value=whole)), whole


@st.composite
def preparation_evidences(draw: st.DrawFn) -> sg.PreparationEvidence:
    known, households_total = draw(part_and_whole())
    mapped, organisations = draw(part_and_whole())
    return sg.PreparationEvidence(
        community_plan=draw(st.booleans()),
        profile_aspects=frozenset(draw(st.sets(st.sampled_from(m.ProfileAspect)))),
        households=households_total,
        households_known=known,
        common_issues_raised=draw(small),
        organisations=organisations,
        organisations_mapped=mapped,
        events_held=draw(small),
    )


launch_evidences = st.builds(
    sg.LaunchEvidence,
    groups_formed=st.lists(st.sampled_from(m.GroupKind), max_size=6).map(tuple),
    leaders_trained=small,
    problems_solved_with_leaders=small,
    requests_to_worker=small,
    requests_to_leaders=small,
    disputes_within_groups=small,
    disputes_between_groups=small,
)


@st.composite
def consolidation_evidences(draw: st.DrawFn) -> sg.ConsolidationEvidence:
    supporting, residents = draw(part_and_whole())
    return sg.ConsolidationEvidence(
        residents=residents,
        residents_supporting=supporting,
        new_core_leaders=draw(small),
        written_procedures=draw(small),
        supporting_units=draw(small),
        contacts_with_leaders=draw(small),
        contacts_with_residents=draw(small),
        service_activities=draw(small),
        participation_activities=draw(small),
    )


evaluation_evidences = st.builds(
    sg.EvaluationEvidence,
    summary_written=st.booleans(),
    qualitative_sources=small,
    quantitative_indicators=small,
    next_cycle_plan=st.booleans(),
)
EVIDENCE_BY_STAGE: dict[sg.Stage, st.SearchStrategy[Any]] = {
    sg.Stage.PREPARATION: preparation_evidences(),
    sg.Stage.LAUNCH: launch_evidences,
    sg.Stage.CONSOLIDATION: consolidation_evidences(),
    sg.Stage.EVALUATION: evaluation_evidences,
}
"""Evidence of each stage, keyed by the stage."""
stage_evidences: st.SearchStrategy[sg.StageEvidence] = st.one_of(*EVIDENCE_BY_STAGE.values())
shares = st.floats(min_value=0, max_value=1, allow_nan=False)
minimums = st.integers(min_value=1, max_value=10) | st.just(MAX_COUNT)
stage_policies = st.builds(
    sg.StagePolicy,
    profile_completeness=shares,
    households_known_share=shares,
    min_common_issues=minimums,
    organisations_mapped_share=shares,
    min_group_kinds=minimums,
    min_leaders_trained=minimums,
    min_problems_solved=minimums,
    most_residents=shares,
    min_new_core_leaders=minimums,
    min_written_procedures=minimums,
    min_supporting_units=minimums,
    min_qualitative_sources=minimums,
    min_quantitative_indicators=minimums,
    max_events_before_profile=small,
    worker_reliance_ratio=st.floats(min_value=0, max_value=MAX_RATIO, allow_nan=False),
    disputes_warning_at=minimums,
    leader_focus_share=shares,
    min_participation_share=shares,
    min_evidence_share=shares,
)


@st.composite
def stage_moves(draw: st.DrawFn) -> sg.StageMove:
    """A single move of any kind, with stages that fit it."""
    kind = draw(st.sampled_from(sg.MoveKind))
    if kind is sg.MoveKind.NEW_CYCLE:
        start, end, reason = sg.Stage.EVALUATION, sg.Stage.PREPARATION, draw(optional(texts))
    elif kind is sg.MoveKind.FORWARD:
        start = draw(st.sampled_from([s for s in sg.Stage if s is not sg.Stage.EVALUATION]))
        end, reason = start.following, draw(optional(texts))
    else:
        start = draw(st.sampled_from([s for s in sg.Stage if s is not sg.Stage.PREPARATION]))
        end = draw(st.sampled_from([s for s in sg.Stage if s.position < start.position]))
        reason = draw(texts)
    return sg.StageMove(on=draw(days), from_stage=start, to_stage=end, kind=kind, reason=reason)


@st.composite
def engagements(draw: st.DrawFn) -> sg.Engagement:
    """An engagement with a valid history of forward, new-cycle and back moves."""
    started = draw(st.dates(min_value=DAY_MIN, max_value=date(2026, 1, 1)))
    stage, on, history = sg.Stage.PREPARATION, started, []
    for _ in range(draw(st.integers(min_value=0, max_value=6))):
        on = on + timedelta(days=draw(st.integers(min_value=0, max_value=90)))
        earlier = [s for s in sg.Stage if s.position < stage.position]
        go_back: bool = draw(st.booleans())
        if earlier and go_back:
            to, kind, reason = draw(st.sampled_from(earlier)), sg.MoveKind.BACK, draw(texts)
        else:
            to, reason = stage.following, None
            kind = sg.MoveKind.NEW_CYCLE if to is sg.Stage.PREPARATION else sg.MoveKind.FORWARD
        history.append(sg.StageMove(on=on, from_stage=stage, to_stage=to, kind=kind, reason=reason))
        stage = to
    return sg.Engagement(community_id=draw(ids), stage=stage, entered_on=on, history=tuple(history))


STAGE_RECORDS: dict[type[BaseModel], st.SearchStrategy[Any]] = {
    sg.ConsolidationEvidence: consolidation_evidences(),
    sg.Engagement: engagements(),
    sg.EvaluationEvidence: evaluation_evidences,
    sg.LaunchEvidence: launch_evidences,
    sg.PreparationEvidence: preparation_evidences(),
    sg.StageMove: stage_moves(),
    sg.StagePolicy: stage_policies,
}
"""A strategy for every record type of socialwork.stages, keyed by the type."""


# --- calendars, analysis and plans ---


risk_scores = st.builds(an.RiskScore, likelihood=scale5, impact=scale5)


@st.composite
def rating_bands(draw: st.DrawFn) -> an.RatingBands:
    low = draw(st.integers(min_value=1, max_value=23))
    return an.RatingBands(
        low_max=low, medium_max=draw(st.integers(min_value=low + 1, max_value=24))
    )


@st.composite
def risks(draw: st.DrawFn) -> an.Risk:
    inherent = draw(risk_scores)
    residual = draw(optional(risk_scores))
    above = residual is not None and residual.rating > inherent.rating
    status = draw(st.sampled_from(an.RiskStatus))
    return an.Risk(
        id=draw(ids),
        title=draw(texts),
        category=draw(st.sampled_from(an.RiskCategory)),
        cause=draw(optional(texts)),
        event=draw(optional(texts)),
        effect=draw(optional(texts)),
        owner=draw(optional(texts)),
        inherent=inherent,
        residual=residual,
        target=draw(optional(risk_scores)),
        treatment=draw(optional(st.sampled_from(an.RiskTreatment))),
        responses=tuple(draw(st.lists(texts, max_size=2))),
        status=status,
        review_on=draw(optional(days)),
        closed_on=draw(days) if status is an.RiskStatus.CLOSED else None,
        residual_explanation=draw(texts) if above else None,
    )


risk_registers = st.builds(
    an.RiskRegister,
    risks=unique_by_id(risks(), max_size=8),
    bands=st.just(an.RatingBands()) | rating_bands(),
)

MATCH_DOMAINS = (m.NeedDomain.ELDERLY_CARE, m.NeedDomain.HEALTH, m.NeedDomain.BASIC_LIVING)
"""A few domains, so that small matching inputs often share a domain."""


@st.composite
def open_needs(draw: st.DrawFn, max_size: int = 6) -> tuple[m.Need, ...]:
    """Needs with distinct ids in a few domains; most are open."""
    size = draw(st.integers(min_value=0, max_value=max_size))
    return tuple(
        m.Need(
            id=f"n{index}",
            community_id="c1",
            domain=draw(st.sampled_from(MATCH_DOMAINS)),
            description="need",
            raised_on=DAY_MIN,
            raised_by="resident",
            evidence=draw(bradshaw),
            status=draw(st.sampled_from((m.NeedStatus.OPEN,) * 4 + (m.NeedStatus.MATCHED,))),
            severity=draw(optional(scale5)),
            urgency=draw(optional(scale5)),
            people_affected=draw(optional(st.integers(min_value=0, max_value=80))),
        )
        for index in range(size)
    )


@st.composite
def offers(draw: st.DrawFn, max_size: int = 3, max_capacity: int = 3) -> tuple[an.Offer, ...]:
    """Offers with distinct ids in a few domains."""
    size = draw(st.integers(min_value=0, max_value=max_size))
    return tuple(
        an.Offer(
            id=f"o{index}",
            domain=draw(st.sampled_from(MATCH_DOMAINS)),
            capacity=draw(st.integers(min_value=1, max_value=max_capacity)),
            description="offer",
        )
        for index in range(size)
    )


offer_records = st.builds(
    an.Offer,
    id=ids,
    domain=st.sampled_from(m.NeedDomain),
    capacity=st.integers(min_value=1, max_value=MAX_COUNT),
    description=texts,
    resource_id=optional(ids),
)

unit_floats = st.floats(min_value=0, max_value=1, allow_nan=False)


@st.composite
def priority_weights(draw: st.DrawFn) -> an.PriorityWeights:
    """Weights of 0–1 with at least one above 0, and any people scale."""
    weights = [draw(unit_floats) for _ in range(4)]
    if not any(weights):
        weights[draw(st.integers(min_value=0, max_value=3))] = 1.0
    return an.PriorityWeights(
        evidence=weights[0],
        severity=weights[1],
        urgency=weights[2],
        people_affected=weights[3],
        people_scale=draw(st.integers(min_value=1, max_value=MAX_COUNT)),
    )


@st.composite
def swot_items(draw: st.DrawFn) -> an.SwotItem:
    """A SWOT item of any quadrant, scored (with a rating its quadrant allows) or not."""
    quadrant = draw(st.sampled_from(an.SwotQuadrant))
    low, high = {an.SwotQuadrant.STRENGTH: (3, 4), an.SwotQuadrant.WEAKNESS: (1, 2)}.get(
        quadrant, (1, 4)
    )
    scored: bool = draw(st.booleans())
    return an.SwotItem(
        id=draw(ids),
        quadrant=quadrant,
        statement=draw(texts),
        evidence=draw(optional(texts)),
        weight=draw(unit_floats) if scored else None,
        rating=draw(st.integers(min_value=low, max_value=high)) if scored else None,
    )


tows_strategies = st.builds(
    an.TowsStrategy,
    id=ids,
    slot=st.sampled_from(an.TowsSlot),
    statement=texts,
    item_ids=st.lists(ids, min_size=1, max_size=4).map(tuple),
)

plan_months = st.integers(min_value=1, max_value=120)
months_of_year = st.lists(st.integers(min_value=1, max_value=12), max_size=4, unique=True).map(
    lambda ms: tuple(sorted(ms))
)


@st.composite
def phases(draw: st.DrawFn) -> pn.Phase:
    first = draw(plan_months)
    return pn.Phase(
        id=draw(ids),
        name=draw(texts),
        first_month=first,
        last_month=draw(st.integers(min_value=first, max_value=120)),
    )


milestones = st.builds(
    pn.Milestone, id=ids, name=texts, month=plan_months, kind=st.sampled_from(pn.MilestoneKind)
)
finite_figures = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)
percents = st.floats(min_value=0, max_value=100, allow_nan=False)


_ANY_ID = optional(ids)
_ANY_PERIOD = optional(periods)


@st.composite
def any_targets(
    draw: st.DrawFn,
    *,
    indicator: st.SearchStrategy[str | None] = _ANY_ID,
    units: Sequence[mt.TargetUnit] = tuple(mt.TargetUnit),
    comparators: Sequence[mt.Comparator] = tuple(mt.Comparator),
    period: st.SearchStrategy[m.Period | None] = _ANY_PERIOD,
) -> mt.Target:
    """A valid target: a level, points or relative change, with or without baseline and period."""
    unit = draw(st.sampled_from(units))
    top = {mt.TargetUnit.PERCENT: 100, mt.TargetUnit.PER_MILLE: 1000}.get(unit)
    kinds = [mt.ChangeKind.LEVEL, mt.ChangeKind.RELATIVE]
    if unit is mt.TargetUnit.PERCENT:
        kinds.append(mt.ChangeKind.POINTS)
    change = draw(st.sampled_from(kinds))
    bounded = st.floats(min_value=0, max_value=top or 1e6, allow_nan=False)
    if change is mt.ChangeKind.LEVEL:
        value = draw(bounded if top else finite_figures)
    else:
        value = draw(st.floats(min_value=0, max_value=top or 1e6, allow_nan=False))
    return mt.Target(
        indicator=draw(indicator),
        comparator=draw(st.sampled_from(comparators)),
        value=value,
        unit=unit,
        change=change,
        baseline=draw(optional(bounded if top else finite_figures)),
        period=draw(period),
    )


def goal_targets() -> st.SearchStrategy[mt.Target]:
    """A valid typed goal target: it names its indicator and has no period of its own."""
    return any_targets(indicator=ids, period=st.none())


attainment_scales = st.builds(
    ev.AttainmentScale,
    weight=st.floats(min_value=0.5, max_value=10),
    levels=st.just(()) | st.lists(texts, min_size=5, max_size=5).map(tuple),
)
plan_goals = st.builds(
    pn.PlanGoal,
    typed_target=optional(goal_targets()),
    id=ids,
    statement=texts,
    kind=st.sampled_from(pn.GoalKind),
    target_group=optional(texts),
    measure=optional(texts),
    target=optional(texts),
    deadline_month=optional(plan_months),
    priority=optional(st.integers(min_value=1, max_value=100)),
    staff_needed=optional(counts),
    attainment_scale=optional(attainment_scales),
)
service_projects = st.builds(
    pn.ServiceProject,
    id=ids,
    name=texts,
    goal_ids=st.lists(ids, max_size=3).map(tuple),
    target_group=optional(texts),
)


def _longest_month(months: tuple[int, ...]) -> int:
    """The most days any of ``months`` (all twelve when empty) can have."""
    return max(calendar.monthrange(2000, month)[1] for month in months or range(1, 13))


@st.composite
def recurrences(draw: st.DrawFn, *, moved: bool = False) -> ca.Recurrence:
    """Weekly rules; monthly rules on a day (with a short-month choice past the 28th), the
    month's last day, weekdays, the n-th weekday or the start's day; yearly Gregorian rules
    on a day or an n-th weekday of one month; yearly lunar rules and festivals; small and
    large intervals; with or without months. With ``moved``, some move off rest days."""
    rule = draw(_recurrences())
    if moved:
        rule = replace(rule, rest_day=draw(optional(st.sampled_from(ca.RestDayShift))))
    return rule


@st.composite
def _recurrences(draw: st.DrawFn) -> ca.Recurrence:
    interval = draw(st.integers(min_value=1, max_value=3) | st.integers(min_value=1, max_value=52))
    months = draw(months_of_year)
    monthly_interval = 1 if months else interval
    weekdays = st.lists(st.sampled_from(ca.Weekday), max_size=3, unique=True).map(tuple)
    nth: st.SearchStrategy[Literal[1, 2, 3, 4, -1]] = st.sampled_from((1, 2, 3, 4, -1))
    frequency = draw(st.sampled_from(ca.Frequency))
    if frequency is ca.Frequency.WEEKLY:
        return ca.Recurrence(
            frequency=ca.Frequency.WEEKLY,
            interval=interval,
            weekdays=draw(weekdays),
            months=months,
        )
    if frequency is ca.Frequency.YEARLY:
        kind = draw(st.sampled_from(("day", "nth", "lunar", "festival")))
        if kind == "festival":
            return ca.Recurrence.festival(draw(st.sampled_from(ca.Festival)))
        lunar = kind == "lunar"
        month = (draw(st.integers(min_value=1, max_value=12)),)
        if kind == "nth":
            return ca.Recurrence(
                frequency=ca.Frequency.YEARLY,
                interval=interval,
                months=month,
                weekdays=(draw(st.sampled_from(ca.Weekday)),),
                nth=draw(nth),
            )
        day = draw(st.sampled_from((-1,)) | st.integers(min_value=1, max_value=30 if lunar else 31))
        short = draw(
            st.sampled_from(ca.ShortMonth)
            if day > (29 if lunar else 28)
            else optional(st.sampled_from(ca.ShortMonth))
        )
        if not lunar and short is ca.ShortMonth.SKIP and day > _longest_month(month):
            short = ca.ShortMonth.CLIP
        return ca.Recurrence(
            frequency=ca.Frequency.YEARLY,
            interval=interval,
            months=month,
            month_day=day,
            short_month=short,
            calendar=ca.CalendarSystem.LUNAR if lunar else ca.CalendarSystem.GREGORIAN,
        )
    kind = draw(st.sampled_from(("day", "last", "weekdays", "nth", "start")))
    if kind in ("day", "last"):
        day = -1 if kind == "last" else draw(st.integers(min_value=1, max_value=31))
        short = draw(
            st.sampled_from(ca.ShortMonth) if day > 28 else optional(st.sampled_from(ca.ShortMonth))
        )
        if short is ca.ShortMonth.SKIP and day > _longest_month(months):
            short = ca.ShortMonth.CLIP
        return ca.Recurrence(
            frequency=ca.Frequency.MONTHLY,
            interval=monthly_interval,
            month_day=day,
            months=months,
            short_month=short,
        )
    if kind == "nth":
        return ca.Recurrence(
            frequency=ca.Frequency.MONTHLY,
            interval=monthly_interval,
            weekdays=(draw(st.sampled_from(ca.Weekday)),),
            nth=draw(nth),
            months=months,
        )
    return ca.Recurrence(
        frequency=ca.Frequency.MONTHLY,
        interval=monthly_interval,
        weekdays=draw(weekdays) if kind == "weekdays" else (),
        months=months,
        short_month=draw(optional(st.sampled_from(ca.ShortMonth))),
    )


duties = st.builds(
    ca.Duty,
    id=ids,
    name=texts,
    recurrence=recurrences(moved=True),
    phase_id=optional(ids),
    owner=optional(texts),
)
logframe_nodes = st.builds(
    pn.LogframeNode,
    id=ids,
    level=st.sampled_from(pn.LogframeLevel),
    statement=texts,
    indicators=st.lists(texts, max_size=2).map(tuple),
    verification=st.lists(texts, max_size=2).map(tuple),
    assumptions=st.lists(texts, max_size=2).map(tuple),
    parent_id=optional(ids),
)


@st.composite
def logframes(draw: st.DrawFn) -> pn.Logframe:
    """A logframe of 0–2 impacts, each level linked one level up, nodes in any order."""
    nodes: list[pn.LogframeNode] = []
    above: list[str] = []
    for depth, level in enumerate(pn.LogframeLevel):
        count = draw(st.integers(min_value=0, max_value=2 if depth == 0 else 3))
        if depth and not above:
            break
        here = [f"{level.value}{k}" for k in range(count)]
        nodes.extend(
            pn.LogframeNode(
                id=node_id,
                level=level,
                statement=draw(texts),
                indicators=tuple(draw(st.lists(texts, max_size=1))),
                parent_id=draw(st.sampled_from(above)) if depth else None,
            )
            for node_id in here
        )
        above = here
    return pn.Logframe(nodes=tuple(draw(st.permutations(nodes))))


@st.composite
def contiguous_phases(draw: st.DrawFn, max_months: int = 24) -> tuple[pn.Phase, ...]:
    """Phases that cover months 1 to 1–``max_months`` with no gap or overlap."""
    months = draw(st.integers(min_value=1, max_value=max_months))
    cuts = sorted(
        draw(st.sets(st.integers(min_value=2, max_value=months + 1), max_size=3)) - {months + 1}
    )
    bounds = [1, *cuts, months + 1]
    return tuple(
        pn.Phase(id=f"p{k}", name="phase", first_month=a, last_month=b - 1)
        for k, (a, b) in enumerate(pairwise(bounds))
    )


@st.composite
def phase_duties(draw: st.DrawFn, phase_ids: list[str]) -> tuple[ca.Duty, ...]:
    """0–3 duties, each of one of the phases or of the whole plan."""
    return tuple(
        ca.Duty(
            id=f"d{k}",
            name="duty",
            recurrence=draw(recurrences()),
            phase_id=draw(optional(st.sampled_from(phase_ids))) if phase_ids else None,
        )
        for k in range(draw(st.integers(min_value=0, max_value=3)))
    )


@st.composite
def work_plans(draw: st.DrawFn) -> pn.WorkPlan:
    """A plan of contiguous phases over 1–24 months with goals, projects, duties and risks."""
    plan_phases = draw(contiguous_phases())
    months = plan_phases[-1].last_month
    goals = draw(unique_by_id(plan_goals, max_size=3))
    goal_ids = [g.id for g in goals]
    projects = tuple(
        pn.ServiceProject(
            id=f"s{k}",
            name="project",
            goal_ids=tuple(draw(st.lists(st.sampled_from(goal_ids), max_size=2, unique=True)))
            if goal_ids
            else (),
        )
        for k in range(draw(st.integers(min_value=0, max_value=2)))
    )
    return pn.WorkPlan(
        id=draw(ids),
        title=draw(texts),
        overall_goal=draw(texts),
        start=draw(days),
        goals=goals,
        projects=projects,
        phases=plan_phases,
        milestones=draw(
            unique_by_id(
                st.builds(
                    pn.Milestone,
                    id=ids,
                    name=texts,
                    month=st.integers(min_value=1, max_value=months),
                    kind=st.sampled_from(pn.MilestoneKind),
                ),
                max_size=3,
            )
        ),
        duties=draw(phase_duties([p.id for p in plan_phases])),
        risks=draw(unique_by_id(risks(), max_size=3)),
        logframe=draw(optional(logframes())),
        staff_available=draw(optional(counts)),
    )


bilingual_texts = st.builds(m.BilingualText, zh=texts, en=texts)
catalog_risks = st.builds(
    pn.CatalogRisk,
    category=st.sampled_from(an.RiskCategory),
    title=bilingual_texts,
    responses=st.lists(bilingual_texts, max_size=3).map(tuple),
    treatment=st.sampled_from(an.RiskTreatment),
)
practice_model_profiles = st.builds(
    pn.PracticeModelProfile,
    model=st.sampled_from(pn.PracticeModel),
    emphasis=optional(st.sampled_from(pn.GoalKind)),
    characteristics=st.lists(bilingual_texts, max_size=3).map(tuple),
    strategies=st.lists(bilingual_texts, max_size=3).map(tuple),
    roles=st.lists(bilingual_texts, max_size=3).map(tuple),
)


@st.composite
def plan_templates(draw: st.DrawFn) -> pn.PlanTemplate:
    """A template of contiguous phases with monitoring points, duties, goals and risks."""
    template_phases = draw(contiguous_phases())
    return pn.PlanTemplate(
        kind=draw(st.sampled_from(pn.PlanKind)),
        title=draw(bilingual_texts),
        overall_goal=draw(bilingual_texts),
        phases=template_phases,
        milestones=draw(unique_by_id(milestones, max_size=3)),
        monitoring=tuple(draw(st.lists(bilingual_texts, max_size=2))),
        duties=draw(phase_duties([p.id for p in template_phases])),
        goals=draw(unique_by_id(plan_goals, max_size=3)),
        risks=tuple(draw(st.lists(catalog_risks, max_size=2))),
    )


@st.composite
def measurement_records(draw: st.DrawFn) -> pm.MeasurementRecord:
    """A measurement as a record: a number, a rate's counts, or no figure."""
    kind = draw(st.sampled_from(["number", "rate", "none"]))
    numerator = denominator = value = None
    if kind == "rate":
        numerator, denominator = draw(
            st.integers(min_value=0, max_value=1000).flatmap(
                lambda d: st.tuples(st.integers(min_value=0, max_value=d), st.just(d))
            )
        )
    elif kind == "number":
        value = draw(finite_figures)
    return pm.MeasurementRecord(
        indicator=draw(ids),
        period=draw(periods),
        value=value,
        numerator=numerator,
        denominator=denominator,
        excluded=draw(st.integers(min_value=0, max_value=50)) if kind == "rate" else 0,
    )


@st.composite
def goal_review_records(draw: st.DrawFn, goal_id: str | None = None) -> pr.GoalReviewRecord:
    """A goal's review as a record, with or without target, figure and interval."""
    bounds = draw(optional(st.tuples(shares, shares).map(sorted)))
    return pr.GoalReviewRecord(
        goal_id=goal_id or draw(ids),
        statement=draw(texts),
        status=draw(st.sampled_from(ms.TargetStatus)),
        target=draw(optional(goal_targets())),
        measurement=draw(optional(measurement_records())),
        target_level=draw(optional(finite_figures)),
        expected=draw(optional(finite_figures)),
        interval_low=None if bounds is None else bounds[0],
        interval_high=None if bounds is None else bounds[1],
    )


@st.composite
def plan_review_records(draw: st.DrawFn) -> pr.PlanReviewRecord:
    """A plan's review as a record: distinct goal ids, an optional milestone."""
    goal_ids = draw(st.lists(ids, max_size=4, unique=True))
    return pr.PlanReviewRecord(
        plan_id=draw(ids),
        title=draw(texts),
        as_of=draw(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 12, 31))),
        months_elapsed=draw(st.integers(min_value=0, max_value=120)),
        milestone=draw(optional(milestones)),
        goals=tuple(draw(goal_review_records(goal_id=g)) for g in goal_ids),
    )


PLANNING_RECORDS: dict[type[BaseModel], st.SearchStrategy[Any]] = {
    pn.CatalogRisk: catalog_risks,
    ca.Duty: duties,
    pr.GoalReviewRecord: goal_review_records(),
    pn.Logframe: logframes(),
    pm.MeasurementRecord: measurement_records(),
    pn.LogframeNode: logframe_nodes,
    pn.Milestone: milestones,
    an.Offer: offer_records,
    pn.Phase: phases(),
    pn.PlanGoal: plan_goals,
    pn.PlanTemplate: plan_templates(),
    pr.PlanReviewRecord: plan_review_records(),
    pn.PracticeModelProfile: practice_model_profiles,
    an.PriorityWeights: priority_weights(),
    an.RatingBands: rating_bands(),
    ca.Recurrence: recurrences(moved=True),
    an.Risk: risks(),
    an.RiskRegister: risk_registers,
    an.RiskScore: risk_scores,
    pn.ServiceProject: service_projects,
    an.SwotItem: swot_items(),
    an.TowsStrategy: tows_strategies,
    pn.WorkPlan: work_plans(),
}
"""A strategy for every record type of socialwork.calendars, .analysis and .plans, by type."""


# --- metrics ---

METRIC_MONTH = m.Period(start=date(2025, 6, 1), end=date(2025, 6, 30))
"""The period the metrics strategies date their records around."""

metric_days = st.dates(min_value=date(2025, 5, 20), max_value=date(2025, 7, 10))


@st.composite
def rate_counts(draw: st.DrawFn, at_most: int = 100_000) -> tuple[int, int]:
    """A (numerator, denominator) pair that can form a rate."""
    denominator = draw(st.integers(min_value=0, max_value=at_most))
    return draw(st.integers(min_value=0, max_value=denominator)), denominator


@st.composite
def key_group_books(
    draw: st.DrawFn, one_category: bool = False
) -> tuple[tuple[m.Client, ...], tuple[m.Visit, ...]]:
    """Clients (c0, c1, …) with key-group categories, and visits to some of them."""
    size = draw(st.integers(min_value=0, max_value=12))
    most = 1 if one_category else 3
    clients = tuple(
        m.Client(
            id=f"c{n}",
            name=f"对象{n}",
            community_id="c1",
            registered_on=date(2025, 1, 1),
            categories=tuple(
                draw(
                    st.lists(
                        st.sampled_from(m.ClientCategory), unique=True, min_size=0, max_size=most
                    )
                )
            ),
        )
        for n in range(size)
    )
    visit_list = draw(
        st.lists(
            st.tuples(st.integers(min_value=0, max_value=max(size - 1, 0)), metric_days),
            max_size=20 if size else 0,
        )
    )
    visits = tuple(
        m.Visit(
            id=f"v{i}",
            client_id=f"c{n}",
            on=day,
            mode=m.ContactMode.HOME_VISIT,
            worker_id="s1",
        )
        for i, (n, day) in enumerate(visit_list)
    )
    return clients, visits


@st.composite
def case_books(draw: st.DrawFn) -> tuple[tuple[m.Case, ...], tuple[m.Visit, ...]]:
    """Cases (k0, k1, …) at any status, with goals, and visits that may carry their ids."""
    size = draw(st.integers(min_value=0, max_value=8))
    cases = []
    for n in range(size):
        status = draw(st.sampled_from([s for s in m.CaseStatus if s is not m.CaseStatus.CLOSED]))
        closed = draw(st.booleans())
        cases.append(
            m.Case(
                id=f"k{n}",
                client_id=f"c{n}",
                worker_id=draw(st.sampled_from(["s1", "s2", "s3"])),
                opened_on=draw(st.dates(min_value=date(2025, 5, 1), max_value=date(2025, 6, 30))),
                status=m.CaseStatus.CLOSED if closed else status,
                closure=m.Closure(closed_on=date(2025, 7, 1), outcome=m.ClosureOutcome.PARTIAL)
                if closed
                else None,
                goals=tuple(
                    g.model_copy(update={"id": f"g{i}", "start_on": None, "due_on": None})
                    for i, g in enumerate(draw(st.lists(goals(), max_size=2)))
                ),
            )
        )
    visit_list = draw(
        st.lists(
            st.tuples(st.integers(min_value=-1, max_value=max(size - 1, 0)), metric_days),
            max_size=15,
        )
    )
    visits = tuple(
        m.Visit(
            id=f"v{i}",
            client_id="c0",
            case_id=None if n < 0 or not size else f"k{n}",
            on=day,
            mode=m.ContactMode.PHONE,
            worker_id="s1",
        )
        for i, (n, day) in enumerate(visit_list)
    )
    return tuple(cases), visits


def figures(factor: int = 1) -> st.SearchStrategy[float]:
    """Finite figures in display units: 0 to ``factor`` for a percentage or per mille."""
    if factor > 1:
        return st.floats(min_value=0, max_value=factor, allow_nan=False)
    return st.floats(min_value=-1e15, max_value=1e15, allow_nan=False, allow_infinity=False)


def baselines(factor: int = 1) -> st.SearchStrategy[mt.Baseline]:
    return st.builds(mt.Baseline, value=figures(factor), on=days)


def definition_targets(
    factor: int, direction: md.Direction, period: st.SearchStrategy[m.Period | None]
) -> st.SearchStrategy[mt.Target]:
    """A target a definition of ``factor`` and ``direction`` may carry (its unit, its way)."""
    units = {
        100: (mt.TargetUnit.PERCENT,),
        1000: (mt.TargetUnit.PER_MILLE,),
        1: (mt.TargetUnit.COUNT, mt.TargetUnit.HOURS, mt.TargetUnit.CNY),
    }[factor]
    way = (
        mt.Comparator.AT_LEAST
        if direction is md.Direction.HIGHER_IS_BETTER
        else mt.Comparator.AT_MOST
    )
    return any_targets(
        indicator=st.none(), units=units, comparators=(way, mt.Comparator.EXACTLY), period=period
    )


@st.composite
def indicator_definitions(draw: st.DrawFn) -> md.IndicatorDefinition:
    """A definition of any factor, unit, direction and quadrant; one standing target at most."""
    factor: Literal[1, 100, 1000] = draw(st.sampled_from([1, 100, 1000]))
    direction = draw(st.sampled_from(md.Direction))
    dated = draw(st.lists(definition_targets(factor, direction, periods), max_size=3))
    standing = draw(st.lists(definition_targets(factor, direction, st.none()), max_size=1))
    bilingual = st.builds(m.BilingualText, zh=texts, en=texts)
    return md.IndicatorDefinition(
        code=draw(ids),
        name=draw(bilingual),
        numerator=draw(bilingual),
        denominator=draw(optional(bilingual)),
        factor=factor,
        decimals=draw(st.integers(min_value=0, max_value=6)),
        unit=draw(optional(bilingual)),
        direction=direction,
        quadrant=draw(st.sampled_from(md.RbaQuadrant)),
        baseline=draw(optional(baselines(factor))),
        targets=tuple(draw(st.permutations([*dated, *standing]))),
    )


METRIC_RECORDS: dict[type[BaseModel], st.SearchStrategy[Any]] = {
    md.IndicatorDefinition: indicator_definitions(),
    mt.Baseline: baselines(),
    mt.Target: any_targets(),
}
"""A strategy for every record type of socialwork.metrics, keyed by the type."""


@st.composite
def metric_stations(draw: st.DrawFn) -> m.StationRecords:
    """A whole station around `METRIC_MONTH`, every reference inside it, for indicator parity.

    Small (a handful of each record) so that hypothesis shrinks a failure to
    the few records that make the record path and the frame path differ.
    """
    categories = st.sampled_from(m.ClientCategory)
    community_ids = ["c1", "c2"][: draw(st.integers(min_value=1, max_value=2))]
    communities = tuple(
        m.Community(
            id=c,
            name=f"社区{c}",
            known_key_groups=tuple(
                m.KnownKeyGroup(category=k, known=draw(st.integers(min_value=0, max_value=4)))
                for k in draw(st.lists(categories, unique=True, max_size=2))
            ),
        )
        for c in community_ids
    )
    staff = []
    for n in range(draw(st.integers(min_value=1, max_value=4))):
        joined = draw(st.dates(min_value=date(2025, 1, 1), max_value=date(2025, 7, 10)))
        left = draw(optional(st.dates(min_value=joined, max_value=date(2025, 7, 31))))
        staff.append(
            m.Staff(
                id=f"s{n}",
                name=f"社工{n}",
                role=draw(st.sampled_from(m.StaffRole)),
                grade=draw(st.sampled_from(m.StaffGrade)),
                joined_on=joined,
                left_on=left,
                certification=draw(st.sampled_from(m.Certification)),
            )
        )
    workers = [s.id for s in staff]
    size = draw(st.integers(min_value=0, max_value=6))
    clients = tuple(
        m.Client(
            id=f"p{n}",
            name=f"对象{n}",
            community_id=draw(st.sampled_from(community_ids)),
            registered_on=draw(st.dates(min_value=date(2025, 1, 1), max_value=date(2025, 7, 10))),
            categories=tuple(draw(st.lists(categories, unique=True, max_size=2))),
        )
        for n in range(size)
    )
    case_list = []
    for n in range(draw(st.integers(min_value=0, max_value=min(size, 3)))):
        opened = draw(st.dates(min_value=date(2025, 4, 1), max_value=date(2025, 6, 30)))
        statuses = draw(
            st.lists(
                st.sampled_from([s for s in m.CaseStatus if s is not m.CaseStatus.INTAKE]),
                max_size=3,
            )
        )
        history, current, on = [], m.CaseStatus.INTAKE, opened
        for status in statuses:
            on = on + timedelta(days=draw(st.integers(min_value=0, max_value=30)))
            history.append(m.StatusChange(on=on, from_status=current, to_status=status))
            current = status
        case_list.append(
            m.Case(
                id=f"k{n}",
                client_id=f"p{n}",
                worker_id=draw(st.sampled_from(workers)),
                opened_on=opened,
                status=current,
                closure=m.Closure(closed_on=on, outcome=m.ClosureOutcome.PARTIAL)
                if current is m.CaseStatus.CLOSED
                else None,
                goals=tuple(
                    g.model_copy(update={"id": f"g{i}", "start_on": None, "due_on": None})
                    for i, g in enumerate(draw(st.lists(goals(), max_size=2)))
                ),
                history=tuple(history),
            )
        )
    visit_list = tuple(
        m.Visit(
            id=f"v{i}",
            client_id=f"p{n}",
            case_id=f"k{n}" if n < len(case_list) and draw(st.booleans()) else None,
            on=draw(metric_days),
            mode=draw(st.sampled_from(m.ContactMode)),
            worker_id=draw(st.sampled_from(workers)),
        )
        for i, n in enumerate(
            draw(st.lists(st.integers(min_value=0, max_value=size - 1), max_size=10))
            if size
            else []
        )
    )
    volunteer_list = tuple(
        m.Volunteer(id=f"vol{n}", name=f"志愿者{n}", joined_on=date(2025, 1, 1))
        for n in range(draw(st.integers(min_value=0, max_value=2)))
    )
    hours = tuple(
        m.ServiceHours(
            volunteer_id=v.id,
            on=draw(metric_days),
            hours=draw(st.decimals(min_value=Decimal("0.25"), max_value=8, places=2)),
        )
        for v in volunteer_list
        for _ in range(draw(st.integers(min_value=0, max_value=2)))
    )
    resource_list = tuple(
        r.model_copy(update={"id": f"r{n}"})
        for n, r in enumerate(draw(st.lists(resources(), max_size=3)))
    )
    delivery_list = tuple(
        m.ResourceDelivery(
            id=f"d{n}",
            resource_id=draw(st.sampled_from([r.id for r in resource_list])),
            recipient_id="p0",
            delivered_on=draw(metric_days),
            matched_need=draw(optional(st.booleans())),
        )
        for n in range(draw(st.integers(min_value=0, max_value=4)) if resource_list else 0)
    )
    survey_list = tuple(
        draw(surveys(30)).model_copy(
            update={
                "id": f"q{n}",
                "conducted_on": draw(metric_days),
                "subject": draw(st.sampled_from(m.SurveySubject)),
            }
        )
        for n in range(draw(st.integers(min_value=0, max_value=3)))
    )
    need_list = tuple(
        nd.model_copy(update={"id": f"w{n}"})
        for n, nd in enumerate(draw(st.lists(needs(), max_size=3)))
    )
    return m.StationRecords(
        station=m.Station(id="st", name="测试站", communities=communities, staff=tuple(staff)),
        period=METRIC_MONTH,
        clients=clients,
        cases=tuple(case_list),
        visits=visit_list,
        groups=draw(unique_by_id(groups(), max_size=2)),
        volunteers=volunteer_list,
        service_hours=hours,
        resources=resource_list,
        deliveries=delivery_list,
        needs=need_list,
        files=draw(unique_by_id(service_files, max_size=3)),
        surveys=survey_list,
        home_visits_planned=draw(optional(st.integers(min_value=0, max_value=8))),
    )


# --- evaluation ---------------------------------------------------------------------------

scores_small = st.integers(min_value=0, max_value=30).map(float) | st.floats(
    min_value=-100, max_value=100, allow_nan=False, allow_infinity=False
).map(lambda score: round(score, 6))
"""Scale scores, to six decimals as a scale reports them.

Unrounded, hypothesis drew a change of 7.6e-298, whose square underflows
to 0: scipy then gives t = inf, and a score's change is never that small.
"""


@st.composite
def paired_scores(draw: st.DrawFn, max_size: int = 30) -> tuple[list[float], list[float]]:
    """Two equally long lists of scores, a client's baseline and follow-up, at least 2 pairs."""
    n = draw(st.integers(min_value=2, max_value=max_size))
    before = draw(st.lists(scores_small, min_size=n, max_size=n))
    after = draw(st.lists(scores_small, min_size=n, max_size=n))
    return before, after


gas_levels = st.one_of(st.none(), st.integers(min_value=-2, max_value=2))


@st.composite
def gds_administrations(draw: st.DrawFn) -> tuple[m.ScaleAdministration, ...]:
    """GDS-15 administrations of a few clients on days around a service in 2025."""
    found = []
    for client in range(draw(st.integers(min_value=0, max_value=8))):
        for k in range(draw(st.integers(min_value=0, max_value=4))):
            found.append(
                m.ScaleAdministration(
                    id=f"a{client}-{k}",
                    client_id=f"p{client}",
                    scale="gds15",
                    on=draw(st.dates(min_value=date(2025, 1, 1), max_value=date(2025, 9, 30))),
                    total=float(draw(st.integers(min_value=0, max_value=15))),
                )
            )
    return tuple(found)


scale_administrations = st.builds(
    m.ScaleAdministration,
    id=ids,
    client_id=ids,
    scale=st.sampled_from(["gds15", "barthel", "rosenberg"]),
    on=days,
    total=st.integers(min_value=0, max_value=100).map(float),
    worker_id=optional(ids),
)

goal_scalings = st.builds(
    ev.GoalScaling,
    case_id=ids,
    goal_id=ids,
    weight=st.floats(min_value=0.5, max_value=10),
    levels=st.just(()) | st.lists(texts, min_size=5, max_size=5).map(tuple),
    score=gas_levels,
)

findings = st.builds(ev.Finding, text=texts, goal_id=st.none())


@st.composite
def evaluations(draw: st.DrawFn) -> ev.Evaluation:
    period = draw(periods)
    goal_ids = tuple(draw(st.lists(ids, max_size=3, unique=True)))
    return ev.Evaluation(
        id=draw(ids),
        kind=draw(st.sampled_from(ev.EvaluationKind)),
        evaluator=draw(st.sampled_from(ev.Evaluator)),
        period=period,
        completed_on=period.end,
        plan_id=draw(optional(ids)),
        goal_ids=goal_ids,
        findings=tuple(
            ev.Finding(text=draw(texts), goal_id=draw(st.sampled_from((None, *goal_ids))))
            for _ in range(draw(st.integers(min_value=0, max_value=2)))
        ),
    )


@st.composite
def user_scales(draw: st.DrawFn) -> ev.Scale:
    """A scale of a station's own: a few items, some reversed, a missing-answer rule."""
    n = draw(st.integers(min_value=1, max_value=6))
    top = draw(st.integers(min_value=1, max_value=4))
    items = tuple(
        ev.ScaleItem(number=i, options=tuple(range(top + 1)), reverse=draw(st.booleans()))
        for i in range(1, n + 1)
    )
    return ev.Scale(
        code=draw(ids),
        name=m.BilingualText.of("自编量表", "Own scale"),
        items=items,
        max_missing=draw(st.integers(min_value=0, max_value=n - 1)),
        direction=draw(st.sampled_from(md.Direction)),
        citation="A station's own questionnaire",
        licence=ev.Licence.FREE_TO_USE,
    )


scales = st.one_of(st.sampled_from(list(SCALES.values())), user_scales())


@st.composite
def outcome_records(draw: st.DrawFn) -> ev.OutcomeRecords:
    """A bundle of one service's administrations and a few cases with goal scalings."""
    start = draw(st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)))
    return ev.OutcomeRecords(
        period=draw(periods),
        scale=draw(st.sampled_from(["gds15", "barthel", "rosenberg"])),
        service=m.Period(start=start, end=start + timedelta(days=draw(st.integers(0, 120)))),
        reliability=draw(st.floats(min_value=0, max_value=0.9999)),
        sd=draw(st.floats(min_value=1e-6, max_value=1e6)),
        administrations=draw(unique_by_id(scale_administrations, max_size=6)),
        cases=draw(unique_by_id(cases(), max_size=3)),
        scalings=tuple(draw(st.lists(goal_scalings, max_size=3))),
    )


EVALUATION_RECORDS: dict[type[BaseModel], st.SearchStrategy[Any]] = {
    m.ScaleAdministration: scale_administrations,
    ev.GoalScaling: goal_scalings,
    ev.AttainmentScale: attainment_scales,
    ev.Finding: findings,
    ev.Evaluation: evaluations(),
    ev.OutcomeRecords: outcome_records(),
    ev.Scale: scales,
    ev.ScaleItem: st.builds(ev.ScaleItem, number=st.integers(1, 20), options=st.just((0, 1))),
    ev.Subscale: st.builds(
        ev.Subscale,
        code=ids,
        name=st.just(m.BilingualText.of("分量表", "Part")),
        items=st.just((1,)),
    ),
    ev.Band: st.builds(
        ev.Band,
        low=st.integers(0, 20).map(float),
        label=st.just(m.BilingualText.of("正常", "Normal")),
    ),
}


# --- team ---


bilingual = st.builds(m.BilingualText, zh=texts, en=texts, zh_hant=st.none() | texts)
grade_changes = st.builds(
    m.GradeChange,
    staff_id=ids,
    on=days,
    grade=st.sampled_from([g.value for g in m.StaffGrade]) | ids,
)
certification_changes = st.builds(
    m.CertificationChange, staff_id=ids, on=days, certification=st.sampled_from(m.Certification)
)
external_supervisors = st.builds(tm.ExternalSupervisor, name=texts, organisation=texts)


@st.composite
def supervision_decisions(draw: st.DrawFn, cases: Sequence[str] = ()) -> tm.SupervisionDecision:
    kind = draw(st.sampled_from(tm.DecisionKind))
    case = draw(st.sampled_from(cases)) if cases else None
    if case is None and kind is not tm.DecisionKind.OTHER:
        kind = tm.DecisionKind.OTHER
    return tm.SupervisionDecision(kind=kind, case_id=case, decision=draw(texts), reason=draw(texts))


@st.composite
def supervision_sessions(draw: st.DrawFn) -> tm.SupervisionSession:
    source = draw(st.sampled_from(tm.SupervisionSource))
    internal = source is tm.SupervisionSource.INTERNAL
    supervisor = draw(ids) if internal else None
    supervisees = draw(
        st.lists(ids.filter(lambda x: x != supervisor), min_size=1, max_size=3, unique=True)
    )
    form = (
        tm.SupervisionForm.INDIVIDUAL
        if len(supervisees) == 1 and draw(st.booleans())
        else draw(st.sampled_from([tm.SupervisionForm.GROUP, tm.SupervisionForm.PEER]))
    )
    cases = draw(st.lists(ids, max_size=2, unique=True))
    return tm.SupervisionSession(
        id=draw(ids),
        on=draw(days),
        minutes=draw(st.integers(1, 1440)),
        form=form,
        source=source,
        functions=tuple(
            draw(
                st.lists(
                    st.sampled_from(tm.SupervisionFunction), min_size=1, max_size=3, unique=True
                )
            )
        ),
        supervisor_id=supervisor,
        external_supervisor=None if internal else draw(external_supervisors),
        supervisee_ids=tuple(supervisees),
        case_ids=tuple(cases),
        decisions=tuple(draw(st.lists(supervision_decisions(cases), max_size=2))),
        notes=draw(optional(texts)),
    )


@st.composite
def roster_entries(draw: st.DrawFn) -> tm.RosterEntry:
    source = draw(st.sampled_from(tm.SupervisionSource))
    supervisor = draw(ids) if source is tm.SupervisionSource.INTERNAL else None
    start, end = draw(day_pairs())
    return tm.RosterEntry(
        id=draw(ids),
        source=source,
        form=draw(st.sampled_from(tm.SupervisionForm)),
        supervisor_id=supervisor,
        supervisee_ids=tuple(
            draw(
                st.lists(ids.filter(lambda x: x != supervisor), min_size=1, max_size=3, unique=True)
            )
        ),
        recurrence=draw(recurrences()),
        start=start,
        end=draw(st.none() | st.just(end)),
    )


rosters = st.builds(tm.Roster, id=ids, entries=unique_by_id(roster_entries(), max_size=3))
approval_steps = st.builds(
    tm.ApprovalStep,
    on=days,
    by=ids,
    action=st.sampled_from(tm.ApprovalAction),
    reason=optional(texts),
)


@st.composite
def approval_requests(draw: st.DrawFn) -> tm.ApprovalRequest:
    """A request moved by `decide` through the steps that its rules allow."""
    request = tm.ApprovalRequest(
        id=draw(ids),
        kind=draw(st.sampled_from(tm.ApprovalKind)),
        subject_id=draw(ids),
        requested_by=draw(st.sampled_from(["s1", "s2"])),
        requested_on=draw(st.dates(min_value=DAY_MIN, max_value=date(2029, 12, 31))),
    )
    day = request.requested_on
    for _ in range(draw(st.integers(0, 4))):
        day = day + timedelta(days=draw(st.integers(0, 30)))
        try:
            request = tm.decide(
                request,
                draw(st.sampled_from(tm.ApprovalAction)),
                by=draw(st.sampled_from(["s1", "s2", "s3"])),
                on=day,
                reason=draw(optional(texts)),
            )
        except TeamRuleError:
            continue
    return request


test_scores = st.floats(min_value=-1000, max_value=1000, allow_nan=False)
pre_post_scores = st.builds(tm.PrePostScore, participant_id=ids, pre=test_scores, post=test_scores)


@st.composite
def trainings(draw: st.DrawFn) -> tm.Training:
    invited = draw(st.lists(ids, max_size=4, unique=True))
    came = [i for i in invited if draw(st.booleans())]
    respondents = draw(st.none() | st.integers(0, len(came)))
    satisfied = None if respondents is None else draw(st.none() | st.integers(0, respondents))
    scored = [c for c in came if draw(st.booleans())]
    return tm.Training(
        id=draw(ids),
        on=draw(days),
        topic=draw(texts),
        kind=draw(st.sampled_from(tm.TrainingKind)),
        hours=draw(st.decimals(min_value=Decimal("0.5"), max_value=24, places=1)),
        trainer_id=draw(optional(ids)),
        invited_ids=tuple(invited),
        attendee_ids=tuple(came),
        respondents=respondents,
        satisfied=satisfied,
        scores=tuple(
            tm.PrePostScore(participant_id=c, pre=draw(test_scores), post=draw(test_scores))
            for c in scored
        ),
    )


rungs = st.builds(tm.Rung, code=ids, name=bilingual)
ladders = st.one_of(
    st.just(tm.GRADE_LADDER),
    st.builds(
        tm.Ladder,
        id=ids,
        rungs=st.lists(rungs, min_size=1, max_size=4, unique_by=lambda r: r.code).map(tuple),
    ),
)


@st.composite
def appraisal_components(draw: st.DrawFn, weight: float | None = None) -> tm.AppraisalComponent:
    direction = draw(st.sampled_from(md.Direction))
    low = 0.0 if direction is md.Direction.LOWER_IS_BETTER else 0.01
    return tm.AppraisalComponent(
        id=draw(ids),
        name=draw(bilingual),
        weight=weight if weight is not None else draw(st.floats(0.01, 1)),
        target=draw(st.floats(low, 1e6)),
        direction=direction,
        cap=draw(st.floats(1, 2)),
    )


@st.composite
def appraisal_schemes(draw: st.DrawFn) -> tm.AppraisalScheme:
    count = draw(st.integers(1, 4))
    weights = [1 / count] * (count - 1)
    weights.append(1 - sum(weights))
    components = []
    for n, w in enumerate(weights):
        component = draw(appraisal_components(w))
        components.append(replace(component, id=f"c{n}"))
    return tm.AppraisalScheme(id=draw(ids), name=draw(bilingual), components=tuple(components))


pay_splits = st.floats(0, 1).map(lambda p: tm.PaySplit(post=p, performance=1 - p))

component_scores = st.builds(
    tm.ComponentScore,
    component_id=ids,
    measured=st.floats(-1e6, 1e6, allow_nan=False),
    points=st.floats(0, 200),
)
appraisal_records = st.builds(
    tm.AppraisalRecord,
    id=ids,
    staff_id=ids,
    scheme_id=ids,
    period=periods,
    components=st.lists(component_scores, max_size=3, unique_by=lambda c: c.component_id).map(
        tuple
    ),
)


@st.composite
def team_records(draw: st.DrawFn) -> tm.TeamRecords:
    return tm.TeamRecords(
        period=draw(periods),
        roster=draw(rosters),
        sessions=draw(unique_by_id(supervision_sessions(), max_size=3)),
        trainings=draw(unique_by_id(trainings(), max_size=3)),
        approvals=draw(unique_by_id(approval_requests(), max_size=3)),
        grade_changes=tuple(draw(st.lists(grade_changes, max_size=3))),
        certification_changes=tuple(draw(st.lists(certification_changes, max_size=3))),
        appraisals=draw(unique_by_id(appraisal_records, max_size=2)),
    )


TEAM_RECORDS: dict[type[BaseModel], st.SearchStrategy[Any]] = {
    m.GradeChange: grade_changes,
    m.CertificationChange: certification_changes,
    tm.ExternalSupervisor: external_supervisors,
    tm.SupervisionDecision: supervision_decisions(),
    tm.SupervisionSession: supervision_sessions(),
    tm.RosterEntry: roster_entries(),
    tm.Roster: rosters,
    tm.ApprovalStep: approval_steps,
    tm.ApprovalRequest: approval_requests(),
    tm.PrePostScore: pre_post_scores,
    tm.Training: trainings(),
    tm.Rung: rungs,
    tm.Ladder: ladders,
    tm.AppraisalComponent: appraisal_components(),
    tm.AppraisalScheme: appraisal_schemes(),
    tm.PaySplit: pay_splits,
    tm.ComponentScore: component_scores,
    tm.AppraisalRecord: appraisal_records,
    tm.TeamRecords: team_records(),
}
"""A strategy for every record type of socialwork.team (and the staff histories), by type."""
