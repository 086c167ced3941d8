"""Casework indicators: coverage, improvement, follow-ups, caseload, goals, home visits.

Each function reads only the attributes named in
`socialwork.metrics.protocols`, takes its period or ``as_of`` date as an
argument, and returns a `Rate` (with its exclusions) or a plain
figure. The order of the input never changes a result.

Examples:
    >>> from socialwork.samples import station_month
    >>> june = station_month()
    >>> str(key_group_coverage(june.clients, june.visits, june.period))
    '85.0% (51/60)'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta

from attrs import frozen

from socialwork.metrics._checks import check_count
from socialwork.metrics.protocols import CaseLike, ClientLike, StaffLike, VisitLike
from socialwork.metrics.rates import Exclusion, ExclusionReason, Rate, rate
from socialwork.models import (
    CaseStatus,
    ClientCategory,
    ContactMode,
    GoalAchievementStatus,
    GoalLifecycleStatus,
    Period,
    StaffRole,
)

__all__ = [
    "ATTAINED",
    "IMPROVED",
    "FollowUp",
    "KeyGroupCoverage",
    "case_improvement_rate",
    "caseload_per_worker",
    "goal_attainment",
    "home_visit_completion",
    "key_group_coverage",
    "key_group_coverage_by_category",
    "mean_caseload",
    "overdue_follow_ups",
    "upcoming_follow_ups",
]

IMPROVED = frozenset(
    {
        GoalAchievementStatus.IMPROVING,
        GoalAchievementStatus.ACHIEVED,
        GoalAchievementStatus.SUSTAINING,
    }
)
"""FHIR achievement codes that show a client's situation improved."""

ATTAINED = frozenset({GoalAchievementStatus.ACHIEVED, GoalAchievementStatus.SUSTAINING})
"""FHIR achievement codes that count a goal as attained."""

_VOID_GOALS = frozenset(
    {
        GoalLifecycleStatus.CANCELLED,
        GoalLifecycleStatus.REJECTED,
        GoalLifecycleStatus.ENTERED_IN_ERROR,
    }
)
_INTERVENED = frozenset({CaseStatus.INTERVENTION, CaseStatus.REVIEW})


def key_group_coverage(
    clients: Iterable[ClientLike], visits: Iterable[VisitLike], period: Period
) -> Rate:
    """Key-group coverage (重点人群服务覆盖率): key-group clients visited in the period.

    Numerator: clients with at least one category who had at least one visit
    in ``period``; denominator: clients with at least one category. Each
    client counts once, however many categories they have. Clients without a
    category are not in the key groups and are not counted. The total of
    `key_group_coverage_by_category`.

    Examples:
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> key_group_coverage(june.clients, june.visits, june.period).percent
        85.0
    """
    return key_group_coverage_by_category(clients, visits, period).total


@frozen
class KeyGroupCoverage:
    """Key-group coverage in total and for each category.

    ``by_category`` follows the order of `ClientCategory` and lists
    only the categories some client has.

    Examples:
        >>> from socialwork.metrics import rate
        >>> cover = KeyGroupCoverage(rate(17, 20),
        ...                          ((ClientCategory.LIVING_ALONE_ELDERLY, rate(17, 20)),))
        >>> str(cover.category(ClientCategory.LIVING_ALONE_ELDERLY)), str(cover.category(
        ...     ClientCategory.YOUTH))
        ('85.0% (17/20)', 'n/a')
    """

    total: Rate
    by_category: tuple[tuple[ClientCategory, Rate], ...]

    def category(self, category: ClientCategory) -> Rate:
        """The coverage of ``category`` (undefined when no client has it)."""
        return dict(self.by_category).get(category, Rate(0, 0))


def key_group_coverage_by_category(
    clients: Iterable[ClientLike], visits: Iterable[VisitLike], period: Period
) -> KeyGroupCoverage:
    """Key-group coverage for each category, with the total (one pass over each input).

    A client counts in every category they belong to, so a client in two
    categories is in both rates, and once in the total. When every client has
    one category the categories split the key groups, and adding the parts'
    numerators and denominators (`combine`) gives
    the total.

    Examples:
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> cover = key_group_coverage_by_category(june.clients, june.visits, june.period)
        >>> [(c.label(), str(r)) for c, r in cover.by_category]  # doctest: +NORMALIZE_WHITESPACE
        [('独居老人', '85.0% (17/20)'), ('困境儿童', '80.0% (12/15)'),
         ('残疾人', '83.3% (10/12)'), ('低保对象', '92.3% (12/13)')]
        >>> str(cover.total)
        '85.0% (51/60)'
    """
    start, end = period.start, period.end
    visited = {v.client_id for v in visits if start <= v.on <= end}
    covered: Counter[ClientCategory] = Counter()
    registered: Counter[ClientCategory] = Counter()
    reached = total = 0
    for client in clients:
        categories = client.categories
        if not categories:
            continue
        hit = client.id in visited
        total += 1
        reached += hit
        for category in categories:
            registered[category] += 1
            covered[category] += hit
    return KeyGroupCoverage(
        rate(reached, total),
        tuple((c, rate(covered[c], registered[c])) for c in ClientCategory if registered[c]),
    )


def _intervened(case: CaseLike) -> bool:
    return case.status in _INTERVENED or any(
        h.to_status is CaseStatus.INTERVENTION for h in case.history
    )


def case_improvement_rate(cases: Iterable[CaseLike]) -> Rate:
    """Case improvement rate (个案改善率) among intervened cases.

    Denominator: cases that reached intervention (status ``intervention`` or
    ``review``, or ``intervention`` in their history, closed ones included);
    numerator: those with at least one goal whose FHIR achievementStatus is
    ``improving``, ``achieved`` or ``sustaining`` (`IMPROVED`).

    Examples:
        >>> from socialwork.samples import station_month
        >>> str(case_improvement_rate(station_month().cases))
        '60.0% (3/5)'
    """
    intervened = [c for c in cases if _intervened(c)]
    improved = sum(1 for c in intervened if any(g.achievement_status in IMPROVED for g in c.goals))
    return rate(improved, len(intervened))


@frozen
class FollowUp:
    """An open case's next follow-up: due ``after_days`` after the last contact.

    ``last_contact`` is ``None`` when the case has had no contact yet; the
    count then starts from intake (``opened_on``).

    Examples:
        >>> from datetime import date
        >>> f = FollowUp("k4", "s4", date(2025, 6, 18), date(2025, 6, 25))
        >>> f.days_overdue(date(2025, 6, 30))
        5
    """

    case_id: str
    worker_id: str
    last_contact: date | None
    due_on: date

    def days_overdue(self, as_of: date) -> int:
        """Days past the due date on ``as_of`` (0 when not yet due)."""
        return max(0, (as_of - self.due_on).days)


def _follow_ups(
    cases: Iterable[CaseLike],
    visits: Iterable[VisitLike],
    as_of: date,
    after_days: int,
    due: tuple[date, date],
) -> tuple[FollowUp, ...]:
    """The open cases on ``as_of`` whose follow-up falls due within ``due`` (both ends)."""
    last: dict[str, date] = {}
    for visit in visits:
        case_id = visit.case_id
        if case_id is not None:
            on = visit.on
            if on <= as_of and on > last.get(case_id, date.min):
                last[case_id] = on
    gap = timedelta(days=after_days)
    first_due, last_due = due
    found = []
    for case in cases:
        if case.status is CaseStatus.CLOSED or case.opened_on > as_of:
            continue
        contact = last.get(case.id)
        since = case.opened_on if contact is None else max(contact, case.opened_on)
        if first_due <= since + gap <= last_due:
            found.append(FollowUp(case.id, case.worker_id, contact, since + gap))
    found.sort(key=lambda f: (f.due_on, f.case_id))
    return tuple(found)


def overdue_follow_ups(
    cases: Iterable[CaseLike], visits: Iterable[VisitLike], as_of: date, after_days: int = 7
) -> tuple[FollowUp, ...]:
    """Open cases with no contact for more than ``after_days`` days on ``as_of`` (超期未跟进).

    A contact is a visit carrying the case's id, on or before ``as_of``. A case
    with no contact at all counts from its intake date. Closed cases and
    cases opened after ``as_of`` are not followed up. Sorted by due date.

    Examples:
        >>> from datetime import date
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> [f.case_id for f in overdue_follow_ups(june.cases, june.visits, date(2025, 6, 30))]
        ['k8', 'k7', 'k4']
    """
    return _follow_ups(cases, visits, as_of, after_days, (date.min, as_of - timedelta(days=1)))


def upcoming_follow_ups(
    cases: Iterable[CaseLike],
    visits: Iterable[VisitLike],
    as_of: date,
    within_days: int = 3,
    after_days: int = 7,
) -> tuple[FollowUp, ...]:
    """Open cases whose follow-up falls due from ``as_of`` to ``within_days`` days later.

    Same rule as `overdue_follow_ups`; cases already overdue are not
    listed. Sorted by due date.

    Examples:
        >>> from datetime import date
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> due = upcoming_follow_ups(june.cases, june.visits, date(2025, 6, 30), within_days=2)
        >>> [(f.case_id, f.due_on.day) for f in due]
        [('k1', 2), ('k3', 2), ('k5', 2), ('k6', 2)]
    """
    return _follow_ups(
        cases, visits, as_of, after_days, (as_of, as_of + timedelta(days=within_days))
    )


def _open_on(cases: Iterable[CaseLike], as_of: date) -> list[CaseLike]:
    return [c for c in cases if c.status is not CaseStatus.CLOSED and c.opened_on <= as_of]


def caseload_per_worker(cases: Iterable[CaseLike], as_of: date) -> dict[str, int]:
    """Open cases per worker on ``as_of`` (个案量), by worker id.

    Examples:
        >>> from datetime import date
        >>> from socialwork.samples import station_month
        >>> caseload_per_worker(station_month().cases, date(2025, 6, 30))
        {'s1': 1, 's2': 1, 's3': 2, 's4': 2, 's5': 1, 's6': 1}
    """
    counts = Counter(c.worker_id for c in _open_on(cases, as_of))
    return dict(sorted(counts.items()))


def mean_caseload(
    cases: Iterable[CaseLike], staff: Iterable[StaffLike], as_of: date
) -> float | None:
    """Open cases per social worker on ``as_of`` (人均个案量).

    Denominator: staff on staff that day who are not interns; ``None`` when
    there are none.

    Examples:
        >>> from datetime import date
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> round(mean_caseload(june.cases, june.station.staff, date(2025, 6, 30)), 2)
        1.33
    """
    workers = sum(
        1
        for s in staff
        if s.role is not StaffRole.INTERN
        and s.joined_on <= as_of
        and (s.left_on is None or as_of < s.left_on)
    )
    if workers == 0:
        return None
    return len(_open_on(cases, as_of)) / workers


def goal_attainment(cases: Iterable[CaseLike]) -> Rate:
    """Goal attainment (目标达成度) from FHIR achievement codes.

    Numerator: goals ``achieved`` or ``sustaining`` (`ATTAINED`);
    denominator: goals with an achievement status. Excluded and listed:
    goals not yet assessed, and goals cancelled, rejected or entered in
    error. Exclusions are named ``case_id/goal_id``.

    Examples:
        >>> from socialwork.samples import station_month
        >>> str(goal_attainment(station_month().cases))
        '20.0% (1/5)'
    """
    attained = assessed = 0
    excluded: list[Exclusion] = []
    for case in cases:
        for goal in case.goals:
            name = f"{case.id}/{goal.id}"
            if goal.lifecycle_status in _VOID_GOALS:
                excluded.append(Exclusion(name, ExclusionReason.GOAL_VOID))
            elif goal.achievement_status is None:
                excluded.append(Exclusion(name, ExclusionReason.GOAL_NOT_ASSESSED))
            else:
                assessed += 1
                attained += goal.achievement_status in ATTAINED
    return rate(attained, assessed, sorted(excluded, key=lambda e: e.record_id))


def home_visit_completion(visits: Iterable[VisitLike], period: Period, planned: int) -> Rate:
    """Home-visit completion (家访完成率): home visits done in the period against the plan.

    Numerator: visits of mode ``home_visit`` in ``period``, up to ``planned``;
    denominator: ``planned``. Home visits beyond the plan cannot raise the
    rate above 100%: the latest ones are listed as exclusions.

    Raises:
        MetricInputError: ``planned`` is negative.

    Examples:
        >>> from datetime import date
        >>> from socialwork.models import Period, Visit, ContactMode
        >>> week = Period(start=date(2025, 6, 2), end=date(2025, 6, 8))
        >>> done = [Visit(id=f"v{n}", client_id="p1", on=date(2025, 6, 3),
        ...               mode=ContactMode.HOME_VISIT, worker_id="s1") for n in range(8)]
        >>> str(home_visit_completion(done, week, planned=15))
        '53.3% (8/15)'
    """
    check_count("planned", planned)
    start, end = period.start, period.end
    done = sorted(
        (v.on, v.id) for v in visits if v.mode is ContactMode.HOME_VISIT and start <= v.on <= end
    )
    extra = [Exclusion(visit_id, ExclusionReason.ABOVE_PLAN) for _, visit_id in done[planned:]]
    return rate(min(len(done), planned), planned, extra)
