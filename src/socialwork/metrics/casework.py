"""Casework indicators: coverage, improvement, follow-ups, caseload, goals, home visits.

Each function reads only the attributes named in
`socialwork.metrics.protocols`, takes its period or keyword-only ``as_of``
date as an argument, and returns a `Rate` (with its exclusions) or a plain
figure. An ``as_of`` view shows the cases as they stood that day, from
their dates and history, never from their current status. The order of the
input never changes a result.

Examples:
    >>> from socialwork.samples import station_month
    >>> june = station_month()
    >>> str(key_group_coverage(june.clients, june.visits, june.period))
    '85.5% (65/76)'
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from attrs import frozen

from socialwork._arguments import (
    require_count,
    require_day,
    require_days,
    require_distinct_rows,
    require_instance,
    require_member,
)
from socialwork.display.chart import Chart
from socialwork.labels import Language, canonical_language, select_language
from socialwork.metrics.protocols import CaseLike, ClientLike, StaffLike, VisitLike
from socialwork.metrics.rates import Exclusion, ExclusionReason, Rate, rate
from socialwork.models import (
    CaseStatus,
    Client,
    ClientCategory,
    Community,
    ContactMode,
    GoalAchievementStatus,
    GoalLifecycleStatus,
    Period,
    StaffRole,
)
from socialwork.records import active_on

__all__ = [
    "FollowUp",
    "KeyGroupCoverage",
    "caseload_per_worker",
    "key_group_coverage_by_category",
    "open_cases",
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

VOID_GOALS = frozenset(
    {
        GoalLifecycleStatus.CANCELLED,
        GoalLifecycleStatus.REJECTED,
        GoalLifecycleStatus.ENTERED_IN_ERROR,
    }
)
"""FHIR lifecycle codes that take a goal out of goal attainment (listed as void)."""

INTERVENED = frozenset({CaseStatus.INTERVENTION, CaseStatus.REVIEW})
"""Case statuses that show a case reached intervention (its history may show it too)."""

FOLLOW_UP_DAYS = 7
"""Days without contact after which an open case's follow-up is overdue (超期未跟进)."""


def key_group_coverage(
    clients: Iterable[ClientLike], visits: Iterable[VisitLike], period: Period
) -> Rate:
    """Key-group coverage (重点人群服务覆盖率): key-group clients visited in the period.

    Numerator: clients with at least one category who had at least one visit
    in ``period``; denominator: clients with at least one category. Each
    client counts once, however many categories they have. Clients without a
    category are not in the key groups and are not counted. The total of
    `key_group_coverage_by_category`.

    Raises:
        TypeError: ``period`` is not a `Period`.

    Examples:
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> round(key_group_coverage(june.clients, june.visits, june.period).percent, 2)
        85.53
    """
    period = require_instance(Period, period, "period")
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

    def category(self, category: ClientCategory | str) -> Rate:
        """The coverage of ``category``, a member or its code (undefined when no client has it).

        Raises:
            UnknownCodeError: ``category`` is no code of `ClientCategory`.
        """
        member = require_member(ClientCategory, category, "category")
        return dict(self.by_category).get(member, Rate(0, 0))

    def to_rows(self) -> list[dict[str, Any]]:
        """Return a row for the total (``category`` "total"), then one per category code.

        Each row has the rate's columns (`Rate.to_rows`).

        Examples:
            >>> from socialwork.metrics import rate
            >>> cover = KeyGroupCoverage(rate(51, 60),
            ...                          ((ClientCategory.LIVING_ALONE_ELDERLY, rate(17, 20)),))
            >>> [(r["category"], r["percent"]) for r in cover.to_rows()]
            [('total', 85.0), ('living_alone_elderly', 85.0)]
        """
        rows = [{"category": "total", **self.total.to_rows()[0]}]
        return rows + [{"category": c.value, **r.to_rows()[0]} for c, r in self.by_category]

    def chart(self, language: Language | str = "zh") -> Chart:
        """Return the coverage of each category as bars with 95% intervals (`coverage_chart`).

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> from socialwork.samples import station_month
            >>> june = station_month()
            >>> cover = key_group_coverage_by_category(june.clients, june.visits, june.period)
            >>> cover.chart("en").title
            'Key-group coverage'
        """
        return coverage_chart(self.by_category, language)


def _rate_point(value: Rate) -> dict[str, Any]:
    low, high = value.wilson() if value.denominator else (None, None)
    return {
        "value": None if value.percent is None else round(value.percent, 4),
        "low": None if low is None else round(100 * low, 4),
        "high": None if high is None else round(100 * high, 4),
        "label": str(value),
    }


def coverage_chart(
    coverage: Iterable[tuple[ClientCategory, Rate]], language: Language | str = "zh"
) -> Chart:
    """Return coverage by key group as bars with their 95% Wilson intervals.

    Takes pairs of a category and its rate, as in a monthly report's
    ``coverage_by_category`` or `KeyGroupCoverage.by_category`. A category
    whose rate is undefined (no one to cover) is listed with no bar.

    Raises:
        UnknownCodeError: a category is no code of `ClientCategory`.
        TypeError: a rate is not a `Rate`.
        UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

    Examples:
        >>> from socialwork.metrics import rate
        >>> chart = coverage_chart([(ClientCategory.LIVING_ALONE_ELDERLY, rate(17, 20))])
        >>> point = chart.to_dict()["data"]["values"][0]
        >>> point["category"], point["value"]
        ('独居老人', 85.0)
    """
    script = canonical_language(language)
    values = [
        {
            "category": require_member(ClientCategory, category, "category").label(script),
            **_rate_point(require_instance(Rate, value, "rate")),
        }
        for category, value in coverage
    ]
    share = select_language(script, "覆盖率 (%)", "Coverage (%)", "覆蓋率 (%)")
    group = select_language(script, "类别", "Category", "類別")
    y = {"field": "category", "type": "nominal", "title": group, "sort": None}
    return Chart.vega_lite(
        select_language(script, "重点人群覆盖率", "Key-group coverage", "重點人羣覆蓋率"),
        script,
        width=360,
        data={"values": values},
        encoding={"y": y},
        layer=[
            {
                "mark": {"type": "bar", "color": "#4c78a8"},
                "encoding": {
                    "x": {
                        "field": "value",
                        "type": "quantitative",
                        "title": share,
                        "scale": {"domain": [0, 100]},
                    },
                    "tooltip": [
                        {"field": "category", "title": group},
                        {"field": "label", "title": share},
                    ],
                },
            },
            {
                "mark": {"type": "rule", "color": "#333"},
                "encoding": {
                    "x": {"field": "low", "type": "quantitative"},
                    "x2": {"field": "high"},
                },
            },
        ],
    )


def key_group_coverage_by_category(
    clients: Iterable[ClientLike], visits: Iterable[VisitLike], period: Period
) -> KeyGroupCoverage:
    """Key-group coverage for each category, with the total (one pass over each input).

    A client counts in every category they belong to, so a client in two
    categories is in both rates, and once in the total. When every client has
    one category the categories split the key groups, and adding the parts'
    numerators and denominators (`combine`) gives
    the total.

    Raises:
        TypeError: ``period`` is not a `Period`.

    Examples:
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> cover = key_group_coverage_by_category(june.clients, june.visits, june.period)
        >>> [(c.label(), str(r)) for c, r in cover.by_category]  # doctest: +NORMALIZE_WHITESPACE
        [('独居老人', '67.6% (23/34)'), ('困境儿童', '100.0% (15/15)'),
         ('残疾人', '100.0% (12/12)'), ('低保对象', '100.0% (15/15)')]
        >>> str(cover.total)
        '85.5% (65/76)'
    """
    return _key_group_coverage_by_category(
        clients=require_distinct_rows(clients, "clients"),
        visits=require_distinct_rows(visits, "visits"),
        period=period,
    )


def _key_group_coverage_by_category(
    clients: Iterable[ClientLike], visits: Iterable[VisitLike], period: Period
) -> KeyGroupCoverage:
    """As `key_group_coverage_by_category`, for rows known to be distinct (a bundle's)."""
    period = require_instance(Period, period, "period")
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
    return case.status in INTERVENED or any(
        h.to_status is CaseStatus.INTERVENTION for h in case.history
    )


def case_improvement(cases: Iterable[CaseLike]) -> Rate:
    """Case improvement (个案改善率) among intervened cases.

    Denominator: cases that reached intervention (status ``intervention`` or
    ``review``, or ``intervention`` in their history, closed ones included);
    numerator: those with at least one goal whose FHIR achievementStatus is
    ``improving``, ``achieved`` or ``sustaining`` (`IMPROVED`).

    Examples:
        >>> from socialwork.samples import station_month
        >>> str(case_improvement(station_month().cases))
        '60.0% (3/5)'
    """
    return _case_improvement(cases=require_distinct_rows(cases, "cases"))


def _case_improvement(cases: Iterable[CaseLike]) -> Rate:
    """As `case_improvement`, for rows known to be distinct (a bundle's collections)."""
    intervened = [c for c in cases if _intervened(c)]
    improved = sum(1 for c in intervened if any(g.achievement_status in IMPROVED for g in c.goals))
    return rate(improved, len(intervened))


def _open_since(case: CaseLike, day: date) -> date | None:
    """The day ``case`` was last opened or reopened, if it was open on ``day``; else ``None``.

    Read from the opening date, the dated history up to ``day`` (a move into
    ``closed`` ends a span, a move out of it starts one) and the closure's
    date, from which the case is no longer open (`socialwork.records.active_on`);
    never from the current status. The same rule as
    `socialwork.models.Case.open_on`, on any object with these attributes.
    """
    closed = CaseStatus.CLOSED
    history = case.history
    since = None if history and history[0].from_status is closed else case.opened_on
    for change in history:
        if change.on > day:
            break
        if change.to_status is closed:
            since = None
        elif since is None:
            since = change.on
    if since is None or since > day:
        return None
    # `active_on`'s rule, without its argument checks (the callers checked ``day``; the
    # dates are records'): open from ``since`` up to, not including, the closure's date
    closure = case.closure
    return since if closure is None or day < closure.closed_on else None


@frozen
class FollowUp:
    """An open case's next follow-up: due ``after_days`` after the last contact.

    ``last_contact`` is ``None`` when the case has had no contact since it
    was opened (or reopened); the count then starts from that day.

    Examples:
        >>> from datetime import date
        >>> f = FollowUp("k4", "s4", date(2025, 6, 18), date(2025, 6, 25))
        >>> f.days_overdue(as_of=date(2025, 6, 30))
        5
    """

    case_id: str
    worker_id: str
    last_contact: date | None
    due_on: date

    def days_overdue(self, *, as_of: date) -> int:
        """Days past the due date on ``as_of`` (0 when not yet due).

        Raises:
            ArgumentError: ``as_of`` is a ``datetime`` or outside 1900–2199.
        """
        return max(0, (require_day(as_of, "as_of") - self.due_on).days)


def _follow_ups(
    cases: Iterable[CaseLike],
    visits: Iterable[VisitLike],
    as_of: date,
    after_days: int,
    due: tuple[date, date],
) -> tuple[FollowUp, ...]:
    """The cases open on ``as_of`` whose follow-up falls due within ``due`` (both ends)."""
    last: dict[str, date] = {}
    for visit in visits:
        case_id = visit.case_id
        if case_id is not None:
            on = visit.on
            if on <= as_of and (case_id not in last or on > last[case_id]):
                last[case_id] = on
    gap = timedelta(days=after_days)
    first_due, last_due = due
    found = []
    for case in cases:
        since = _open_since(case, as_of)
        if since is None:
            continue
        contact = last.get(case.id)
        if contact is not None and contact < since:
            contact = None  # a contact before the case was opened, or reopened
        due_on = (since if contact is None else contact) + gap
        if first_due <= due_on <= last_due:
            found.append(FollowUp(case.id, case.worker_id, contact, due_on))
    found.sort(key=lambda f: (f.due_on, f.case_id))
    return tuple(found)


def overdue_follow_ups(
    cases: Iterable[CaseLike],
    visits: Iterable[VisitLike],
    *,
    as_of: date,
    after_days: int = FOLLOW_UP_DAYS,
) -> tuple[FollowUp, ...]:
    """Cases open on ``as_of`` with no contact for more than ``after_days`` days (超期未跟进).

    A contact is a visit carrying the case's id, on or before ``as_of``. A case
    with no contact since it was opened (or reopened) counts from that day.
    Whether a case was open on ``as_of`` comes from its dates and history: a
    case opened on 1 June and closed on 20 June was open on 10 June, even
    though it is closed now. Sorted by due date.

    Raises:
        ArgumentError: ``as_of`` is a ``datetime`` or outside 1900–2199, or
            ``after_days`` is not a whole number of days from 0 to 3650.

    Examples:
        >>> from datetime import date
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> due = overdue_follow_ups(june.cases, june.visits, as_of=date(2025, 6, 30))
        >>> [f.case_id for f in due]
        ['k8', 'k7', 'k4']
    """
    return _overdue_follow_ups(
        cases=require_distinct_rows(cases, "cases"),
        visits=require_distinct_rows(visits, "visits"),
        as_of=as_of,
        after_days=after_days,
    )


def _overdue_follow_ups(
    cases: Iterable[CaseLike],
    visits: Iterable[VisitLike],
    *,
    as_of: date,
    after_days: int = FOLLOW_UP_DAYS,
) -> tuple[FollowUp, ...]:
    """As `overdue_follow_ups`, for rows known to be distinct (a bundle's collections)."""
    as_of = require_day(as_of, "as_of")
    after_days = require_days(after_days, "after_days")
    return _follow_ups(cases, visits, as_of, after_days, (date.min, as_of - timedelta(days=1)))


def upcoming_follow_ups(
    cases: Iterable[CaseLike],
    visits: Iterable[VisitLike],
    *,
    as_of: date,
    within_days: int = 3,
    after_days: int = FOLLOW_UP_DAYS,
) -> tuple[FollowUp, ...]:
    """Cases open on ``as_of`` whose follow-up falls due from ``as_of`` to ``within_days`` later.

    Same rule as `overdue_follow_ups`; cases already overdue are not
    listed. Sorted by due date.

    Raises:
        ArgumentError: ``as_of`` is a ``datetime`` or outside 1900–2199, or
            ``within_days`` or ``after_days`` is not a whole number of days
            from 0 to 3650.

    Examples:
        >>> from datetime import date
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> due = upcoming_follow_ups(june.cases, june.visits, as_of=date(2025, 6, 30),
        ...                           within_days=2)
        >>> [(f.case_id, f.due_on.day) for f in due]
        [('k1', 1), ('k2', 1), ('k3', 2), ('k6', 2)]
    """
    cases = require_distinct_rows(cases, "cases")
    visits = require_distinct_rows(visits, "visits")
    as_of = require_day(as_of, "as_of")
    within_days = require_days(within_days, "within_days")
    after_days = require_days(after_days, "after_days")
    return _follow_ups(
        cases, visits, as_of, after_days, (as_of, as_of + timedelta(days=within_days))
    )


def open_cases(cases: Iterable[CaseLike], *, as_of: date) -> tuple[CaseLike, ...]:
    """The cases that were open on ``as_of``, from their dates and history.

    A case is open from the day it was opened up to, not including, the day
    it was closed (`socialwork.records.active_on`), and again from the day
    it was reopened. Its current status does not matter: a case opened on
    1 June and closed on 20 June was open on 10 June.

    Raises:
        ArgumentError: ``as_of`` is a ``datetime`` or outside 1900–2199.

    Examples:
        >>> from datetime import date
        >>> from socialwork.samples import station_month
        >>> len(open_cases(station_month().cases, as_of=date(2025, 6, 9)))
        6
    """
    return _open_cases(cases=require_distinct_rows(cases, "cases"), as_of=as_of)


def _open_cases(cases: Iterable[CaseLike], *, as_of: date) -> tuple[CaseLike, ...]:
    """As `open_cases`, for rows known to be distinct (a bundle's collections)."""
    as_of = require_day(as_of, "as_of")
    return tuple(c for c in cases if _open_since(c, as_of) is not None)


def caseload_per_worker(cases: Iterable[CaseLike], *, as_of: date) -> dict[str, int]:
    """Cases open on ``as_of`` per worker (个案量), by worker id (see `open_cases`).

    Raises:
        ArgumentError: ``as_of`` is a ``datetime`` or outside 1900–2199.

    Examples:
        >>> from datetime import date
        >>> from socialwork.samples import station_month
        >>> caseload_per_worker(station_month().cases, as_of=date(2025, 6, 30))
        {'s1': 1, 's2': 1, 's3': 2, 's4': 2, 's5': 1, 's6': 1}
    """
    cases = require_distinct_rows(cases, "cases")
    counts = Counter(c.worker_id for c in _open_cases(cases, as_of=as_of))
    return dict(sorted(counts.items()))


def mean_caseload(
    cases: Iterable[CaseLike], staff: Iterable[StaffLike], *, as_of: date
) -> float | None:
    """Cases open on ``as_of`` per social worker (人均个案量).

    Numerator: `open_cases` on ``as_of``; denominator: staff on staff that
    day (joined on or before it and not yet left) who are not interns;
    ``None`` when there are none.

    Raises:
        ArgumentError: ``as_of`` is a ``datetime`` or outside 1900–2199.

    Examples:
        >>> from datetime import date
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> round(mean_caseload(june.cases, june.station.staff, as_of=date(2025, 6, 30)), 2)
        1.33
    """
    return _mean_caseload(
        cases=require_distinct_rows(cases, "cases"),
        staff=require_distinct_rows(staff, "staff"),
        as_of=as_of,
    )


def _mean_caseload(
    cases: Iterable[CaseLike], staff: Iterable[StaffLike], *, as_of: date
) -> float | None:
    """As `mean_caseload`, for rows known to be distinct (a bundle's collections)."""
    opened = _open_cases(cases, as_of=as_of)
    workers = sum(
        1
        for s in staff
        if s.role is not StaffRole.INTERN and active_on(s.joined_on, s.left_on, as_of)
    )
    if workers == 0:
        return None
    return len(opened) / workers


def clients_per_worker(
    visits: Iterable[VisitLike], staff: Iterable[StaffLike], period: Period
) -> float | None:
    """Clients served per social worker (人均服务对象) in the period.

    Numerator: the distinct clients contacted (visited, called or met) in
    the period; denominator: staff on staff on the period's last day who are
    not interns, as in `mean_caseload`; ``None`` when there are none.

    Raises:
        TypeError: ``period`` is not a `Period`.

    Examples:
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> round(clients_per_worker(june.visits, june.station.staff, june.period), 1)
        10.8
    """
    return _clients_per_worker(
        visits=require_distinct_rows(visits, "visits"),
        staff=require_distinct_rows(staff, "staff"),
        period=period,
    )


def _clients_per_worker(
    visits: Iterable[VisitLike], staff: Iterable[StaffLike], period: Period
) -> float | None:
    """As `clients_per_worker`, for rows known to be distinct (a bundle's collections)."""
    period = require_instance(Period, period, "period")
    served = {v.client_id for v in visits if period.start <= v.on <= period.end}
    workers = sum(
        1
        for s in staff
        if s.role is not StaffRole.INTERN and active_on(s.joined_on, s.left_on, period.end)
    )
    if workers == 0:
        return None
    return len(served) / workers


def identification_rate(
    clients: Iterable[Client], communities: Iterable[Community], *, as_of: date
) -> Rate:
    """Identification rate (识别率): key-group people the station has registered.

    For each community and key group an official list counts
    (`Community.known_key_groups`), the clients of that community in that
    group registered on or before ``as_of`` are identified, up to the
    list's count; the denominator is the lists' total. Registered clients
    beyond a list's count are excluded and listed (``above_known``): the
    list is out of date, which a worker should report, not a rate above
    100%. Groups no list counts are left out.

    Raises:
        ArgumentError: ``as_of`` is a ``datetime`` or outside 1900–2199.

    Examples:
        >>> from datetime import date
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> str(identification_rate(june.clients, june.station.communities,
        ...                         as_of=date(2025, 6, 30)))
        '73.1% (76/104)'
    """
    return _identification_rate(
        clients=require_distinct_rows(clients, "clients"), communities=communities, as_of=as_of
    )


def _identification_rate(
    clients: Iterable[Client], communities: Iterable[Community], *, as_of: date
) -> Rate:
    """As `identification_rate`, for rows known to be distinct (a bundle's collections)."""
    as_of = require_day(as_of, "as_of")
    registered: dict[tuple[str, ClientCategory], list[str]] = {}
    for client in clients:
        if client.registered_on <= as_of:
            for category in client.categories:
                registered.setdefault((client.community_id, category), []).append(client.id)
    identified = known = 0
    excluded = []
    for community in communities:
        for listed in community.known_key_groups:
            ids = sorted(registered.get((community.id, listed.category), []))
            identified += min(len(ids), listed.known)
            known += listed.known
            excluded += [Exclusion(i, ExclusionReason.ABOVE_KNOWN) for i in ids[listed.known :]]
    return rate(identified, known, sorted(excluded, key=lambda e: e.record_id))


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
    return _goal_attainment(cases=require_distinct_rows(cases, "cases"))


def _goal_attainment(cases: Iterable[CaseLike]) -> Rate:
    """As `goal_attainment`, for rows known to be distinct (a bundle's collections)."""
    attained = assessed = 0
    excluded: list[Exclusion] = []
    for case in cases:
        for goal in case.goals:
            name = f"{case.id}/{goal.id}"
            if goal.lifecycle_status in VOID_GOALS:
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
        ArgumentError: ``planned`` is negative or above a billion.
        TypeError: ``period`` is not a `Period`.

    Examples:
        >>> from datetime import date
        >>> from socialwork.models import Period, Visit, ContactMode
        >>> week = Period(start=date(2025, 6, 2), end=date(2025, 6, 8))
        >>> done = [Visit(id=f"v{n}", client_id="p1", on=date(2025, 6, 3),
        ...               mode=ContactMode.HOME_VISIT, worker_id="s1") for n in range(8)]
        >>> str(home_visit_completion(done, week, planned=15))
        '53.3% (8/15)'
    """
    return _home_visit_completion(
        visits=require_distinct_rows(visits, "visits"), period=period, planned=planned
    )


def _home_visit_completion(visits: Iterable[VisitLike], period: Period, planned: int) -> Rate:
    """As `home_visit_completion`, for rows known to be distinct (a bundle's collections)."""
    period = require_instance(Period, period, "period")
    planned = require_count(planned, "planned")
    start, end = period.start, period.end
    done = sorted(
        (v.on, v.id) for v in visits if v.mode is ContactMode.HOME_VISIT and start <= v.on <= end
    )
    extra = [Exclusion(visit_id, ExclusionReason.ABOVE_PLAN) for _, visit_id in done[planned:]]
    return rate(min(len(done), planned), planned, extra)
