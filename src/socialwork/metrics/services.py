"""Service indicators: groups, volunteers, files, resources, needs, satisfaction and staff.

Like `socialwork.metrics.casework`, each function reads the attributes of
`socialwork.metrics.protocols`, takes its period or date, lists what it
leaves out, and gives the same result for any order of its input.

Examples:
    >>> from socialwork.samples import station_month
    >>> june = station_month()
    >>> str(file_completeness(june.files)), str(survey_satisfaction(june.surveys, june.period))
    ('84.4% (27/32)', '92.3% (60/65)')
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from decimal import Decimal
from itertools import pairwise

from attrs import field, frozen

from socialwork._arguments import (
    require_count,
    require_day,
    require_distinct_rows,
    require_instance,
    require_member,
)
from socialwork.errors import ArgumentError
from socialwork.metrics.formulas import (
    need_satisfaction_from_counts,
    survey_satisfaction_from_counts,
)
from socialwork.metrics.protocols import (
    DeliveryLike,
    FileLike,
    GroupLike,
    NeedLike,
    ServiceHoursLike,
    StaffLike,
    SurveyLike,
    VolunteerLike,
)
from socialwork.metrics.rates import Exclusion, ExclusionReason, Rate, rate
from socialwork.models import (
    Availability,
    Certification,
    NeedStatus,
    Period,
    Resource,
    StaffRole,
    SurveySubject,
)
from socialwork.records import active_on

__all__ = [
    "MembershipGrowth",
    "membership_growth",
    "volunteer_stars",
]

STAR_HOURS: tuple[int, ...] = (100, 300, 600, 1000, 1500)
"""Cumulative hours for one to five stars (星级志愿者), as in the national volunteer rules."""

MIN_STAR_EVALUATION = 3
"""The lowest 1–5 evaluation that still earns stars."""


def group_attendance(groups: Iterable[GroupLike], period: Period) -> Rate:
    """Group attendance (小组出勤率/参与率) over the sessions held in the period.

    Numerator: attendances; denominator: members expected, i.e. the members
    active on each session's date (`Group.members_on
    <socialwork.models.Group.members_on>`), summed over sessions. Members who
    joined later or left earlier are not expected at a session.

    Raises:
        TypeError: ``period`` is not a `Period`.

    Examples:
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> str(group_attendance(june.groups[:1], june.period))
        '90.0% (45/50)'
    """
    return _group_attendance(groups=require_distinct_rows(groups, "groups"), period=period)


def _group_attendance(groups: Iterable[GroupLike], period: Period) -> Rate:
    """As `group_attendance`, for rows known to be distinct (a bundle's collections)."""
    period = require_instance(Period, period, "period")
    start, end = period.start, period.end
    attended = expected = 0
    for group in groups:
        for session in group.sessions:
            if start <= session.on <= end:
                attended += len(session.attended)
                expected += len(group.members_on(session.on))
    return rate(attended, expected)


@frozen
class MembershipGrowth:
    """A group's members on the first and on the last day of a period.

    Raises:
        ArgumentError: a count is negative or above a billion.

    Examples:
        >>> g = MembershipGrowth("g1", 8, 15)
        >>> g.change, str(g)
        (7, '8 → 15')
    """

    group_id: str
    at_start: int = field(validator=lambda _, __, value: require_count(value, "at_start"))
    at_end: int = field(validator=lambda _, __, value: require_count(value, "at_end"))

    @property
    def change(self) -> int:
        """Members gained (negative when the group shrank)."""
        return self.at_end - self.at_start

    def __str__(self) -> str:
        """Return ``"8 → 15"``."""
        return f"{self.at_start} → {self.at_end}"


def membership_growth(group: GroupLike, period: Period) -> MembershipGrowth:
    """Return how a group's membership changed over ``period`` (成员增长).

    Raises:
        TypeError: ``period`` is not a `Period`.

    Examples:
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> str(membership_growth(june.groups[0], june.period))
        '8 → 15'
    """
    period = require_instance(Period, period, "period")
    return MembershipGrowth(
        group.id, len(group.members_on(period.start)), len(group.members_on(period.end))
    )


def volunteer_hours(service_hours: Iterable[ServiceHoursLike], period: Period) -> Decimal:
    """Total volunteer service hours in the period (志愿服务时长).

    Raises:
        TypeError: ``period`` is not a `Period`.

    Examples:
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> volunteer_hours(june.service_hours, june.period)
        Decimal('100')
    """
    period = require_instance(Period, period, "period")
    start, end = period.start, period.end
    return sum((h.hours for h in service_hours if start <= h.on <= end), Decimal(0))


def volunteer_stars(
    volunteers: Iterable[VolunteerLike],
    service_hours: Iterable[ServiceHoursLike],
    *,
    as_of: date,
    thresholds: Sequence[int] = STAR_HOURS,
) -> dict[str, int]:
    """Star rating (星级, 0–5) of each volunteer from hours and evaluation, on ``as_of``.

    A volunteer earns one star for each threshold of `STAR_HOURS`
    (100, 300, 600, 1000, 1500 cumulative hours up to and including
    ``as_of``) they have reached, provided the station evaluated them at
    least `MIN_STAR_EVALUATION` (3 of 5); unevaluated volunteers, or those
    evaluated 1 or 2, have no star. Other ``thresholds`` must rise strictly.

    Raises:
        ArgumentError: ``as_of`` is a ``datetime`` or outside 1900–2199, or
            ``thresholds`` are not counts rising strictly.

    Examples:
        >>> from datetime import date
        >>> from decimal import Decimal
        >>> from socialwork.models import ServiceHours, Volunteer
        >>> wang = Volunteer(id="v1", name="王阿姨", joined_on=date(2020, 1, 5), evaluation=5)
        >>> hours = [ServiceHours(volunteer_id="v1", on=date(2024, 3, day), hours=Decimal(20))
        ...          for day in range(1, 21)]  # 20 days x 20 hours = 400: two stars
        >>> volunteer_stars([wang], hours, as_of=date(2025, 1, 1))
        {'v1': 2}
    """
    volunteers = require_distinct_rows(volunteers, "volunteers")
    as_of = require_day(as_of, "as_of")
    steps = tuple(require_count(t, "thresholds") for t in thresholds)
    if any(low >= high for low, high in pairwise(steps)):
        raise ArgumentError("thresholds", steps, "hours rising strictly, such as (100, 300, 600)")
    total: defaultdict[str, Decimal] = defaultdict(Decimal)
    for entry in service_hours:
        if entry.on <= as_of:
            total[entry.volunteer_id] += entry.hours
    stars = {}
    for volunteer in sorted(volunteers, key=lambda v: v.id):
        evaluation = volunteer.evaluation
        qualified = evaluation is not None and evaluation >= MIN_STAR_EVALUATION
        hours = total[volunteer.id]
        stars[volunteer.id] = sum(1 for t in steps if hours >= t) if qualified else 0
    return stars


def file_completeness(files: Iterable[FileLike]) -> Rate:
    """File completeness (档案完整率): files with nothing missing / all files.

    Examples:
        >>> from socialwork.samples import station_month
        >>> str(file_completeness(station_month().files))
        '84.4% (27/32)'
    """
    return _file_completeness(files=require_distinct_rows(files, "files"))


def _file_completeness(files: Iterable[FileLike]) -> Rate:
    """As `file_completeness`, for rows known to be distinct (a bundle's collections)."""
    completed = total = 0
    for record in files:
        total += 1
        completed += record.complete
    return rate(completed, total)


def resource_match_accuracy(deliveries: Iterable[DeliveryLike], period: Period) -> Rate:
    """Resource match accuracy (资源匹配准确率) of the period's deliveries.

    Numerator: deliveries that met the recipient's real need; denominator:
    deliveries checked against the need. Deliveries not yet checked
    (``matched_need`` is ``None``) are excluded and listed.

    Raises:
        TypeError: ``period`` is not a `Period`.

    Examples:
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> str(resource_match_accuracy(june.deliveries, june.period))
        '70.0% (7/10)'
    """
    return _resource_match_accuracy(
        deliveries=require_distinct_rows(deliveries, "deliveries"), period=period
    )


def _resource_match_accuracy(deliveries: Iterable[DeliveryLike], period: Period) -> Rate:
    """As `resource_match_accuracy`, for rows known to be distinct (a bundle's collections)."""
    period = require_instance(Period, period, "period")
    start, end = period.start, period.end
    matched = checked = 0
    excluded = []
    for delivery in deliveries:
        if not start <= delivery.delivered_on <= end:
            continue
        if delivery.matched_need is None:
            excluded.append(Exclusion(delivery.id, ExclusionReason.UNCHECKED))
        else:
            checked += 1
            matched += delivery.matched_need
    return rate(matched, checked, sorted(excluded, key=lambda e: e.record_id))


def need_satisfaction(needs: Iterable[NeedLike], period: Period) -> Rate:
    """Need satisfaction (需求满足率) for the needs raised in the period.

    Numerator: needs now ``met``; denominator: needs raised in ``period``,
    less the withdrawn ones, which are excluded and listed (a need the
    resident withdrew was neither met nor failed). Open and matched needs
    count as not met.

    Raises:
        TypeError: ``period`` is not a `Period`.

    Examples:
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> str(need_satisfaction(june.needs, june.period))
        '53.6% (15/28)'
    """
    return _need_satisfaction(needs=require_distinct_rows(needs, "needs"), period=period)


def _need_satisfaction(needs: Iterable[NeedLike], period: Period) -> Rate:
    """As `need_satisfaction`, for rows known to be distinct (a bundle's collections)."""
    period = require_instance(Period, period, "period")
    start, end = period.start, period.end
    met = raised = 0
    excluded = []
    for need in needs:
        if not start <= need.raised_on <= end:
            continue
        if need.status is NeedStatus.WITHDRAWN:
            excluded.append(Exclusion(need.id, ExclusionReason.WITHDRAWN))
        else:
            raised += 1
            met += need.status is NeedStatus.MET
    counted = need_satisfaction_from_counts(met, raised)
    return rate(counted.numerator, counted.denominator, sorted(excluded, key=lambda e: e.record_id))


def survey_satisfaction(
    surveys: Iterable[SurveyLike],
    period: Period,
    subject: SurveySubject | str = SurveySubject.CLIENTS,
) -> Rate:
    """Satisfaction (满意率), survey form, over the surveys of ``subject`` conducted in the period.

    Numerator: satisfied respondents; denominator: respondents, summed over
    the surveys that asked ``subject`` (the station's clients unless given:
    group members and volunteers have their own indicators). People who did
    not answer are not in the denominator; use
    `population_satisfaction_from_counts` to count them as not satisfied.

    Raises:
        TypeError: ``period`` is not a `Period`.
        UnknownCodeError: ``subject`` is no code of `SurveySubject`.

    Examples:
        >>> from socialwork.samples import station_month, station_previous_month
        >>> june, may = station_month(), station_previous_month()
        >>> str(survey_satisfaction(june.surveys, june.period))
        '92.3% (60/65)'
        >>> str(survey_satisfaction(may.surveys, may.period))
        '87.3% (55/63)'
        >>> str(survey_satisfaction(june.surveys, june.period, "volunteers"))
        '90.0% (9/10)'
    """
    period = require_instance(Period, period, "period")
    subject = require_member(SurveySubject, subject, "subject")
    start, end = period.start, period.end
    counted = [s for s in surveys if start <= s.conducted_on <= end and s.subject is subject]
    return survey_satisfaction_from_counts(
        sum(s.satisfied for s in counted), sum(s.respondents for s in counted)
    )


def _at_start(member: StaffLike, first: date) -> bool:
    """Whether ``member`` was on staff as ``first`` began: on staff that day, or leaving on it."""
    return active_on(member.joined_on, member.left_on, first) or (
        member.left_on == first and member.joined_on <= first
    )


def staff_turnover(staff: Iterable[StaffLike], period: Period) -> Rate:
    """Staff turnover (社工流失率): of the staff at the start, how many left in the period.

    Denominator: staff on staff as the period began, that is on staff on
    ``period.start`` or leaving that very day (``left_on`` is the first day
    no longer on staff, so a departure on the 1st is a departure of the
    month); numerator: those whose ``left_on`` falls in the period. People
    who joined during the period are not counted.

    Raises:
        TypeError: ``period`` is not a `Period`.

    Examples:
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> str(staff_turnover(june.station.staff, june.period))
        '0.0% (0/8)'
    """
    return _staff_turnover(staff=require_distinct_rows(staff, "staff"), period=period)


def _staff_turnover(staff: Iterable[StaffLike], period: Period) -> Rate:
    """As `staff_turnover`, for rows known to be distinct (a bundle's collections)."""
    period = require_instance(Period, period, "period")
    start, end = period.start, period.end
    present = [s for s in staff if _at_start(s, start)]
    left = sum(1 for s in present if s.left_on is not None and start <= s.left_on <= end)
    return rate(left, len(present))


def certification_rate(staff: Iterable[StaffLike], *, as_of: date) -> Rate:
    """Certification rate (社工持证率): staff holding a qualification on ``as_of``.

    Denominator: staff on staff that day, interns excluded and listed
    (students are not yet eligible for the national examination);
    numerator: those with a certification other than ``none``.

    Raises:
        ArgumentError: ``as_of`` is a ``datetime`` or outside 1900–2199.

    Examples:
        >>> from datetime import date
        >>> from socialwork.samples import station_month
        >>> r = certification_rate(station_month().station.staff, as_of=date(2025, 6, 30))
        >>> str(r), [e.record_id for e in r.exclusions]
        ('83.3% (5/6)', ['s7', 's8'])
    """
    return _certification_rate(staff=require_distinct_rows(staff, "staff"), as_of=as_of)


def _certification_rate(staff: Iterable[StaffLike], *, as_of: date) -> Rate:
    """As `certification_rate`, for rows known to be distinct (a bundle's collections)."""
    as_of = require_day(as_of, "as_of")
    certified = counted = 0
    excluded = []
    for member in staff:
        if not active_on(member.joined_on, member.left_on, as_of):
            continue
        if member.role is StaffRole.INTERN:
            excluded.append(Exclusion(member.id, ExclusionReason.INTERN))
        else:
            counted += 1
            certified += member.certification is not Certification.NONE
    return rate(certified, counted, sorted(excluded, key=lambda e: e.record_id))


def resource_utilisation(
    resources: Iterable[Resource], deliveries: Iterable[DeliveryLike], period: Period
) -> Rate:
    """Resource utilisation (资源利用率): usable resources called on in the period.

    Denominator: the resources that exist and can be used (``usable``);
    numerator: those of them with at least one delivery in the period.
    Resources not usable now (unusable, to be developed, absent) are
    excluded and listed.

    Raises:
        TypeError: ``period`` is not a `Period`.

    Examples:
        >>> from socialwork.samples import station_month
        >>> june = station_month()
        >>> str(resource_utilisation(june.resources, june.deliveries, june.period))
        '33.3% (1/3)'
    """
    return _resource_utilisation(
        resources=require_distinct_rows(resources, "resources"),
        deliveries=require_distinct_rows(deliveries, "deliveries"),
        period=period,
    )


def _resource_utilisation(
    resources: Iterable[Resource], deliveries: Iterable[DeliveryLike], period: Period
) -> Rate:
    """As `resource_utilisation`, for rows known to be distinct (a bundle's collections)."""
    period = require_instance(Period, period, "period")
    used = {d.resource_id for d in deliveries if period.start <= d.delivered_on <= period.end}
    usable = counted = 0
    excluded = []
    for resource in resources:
        if resource.availability is not Availability.USABLE:
            excluded.append(Exclusion(resource.id, ExclusionReason.NOT_USABLE))
            continue
        usable += 1
        counted += resource.id in used
    return rate(counted, usable, sorted(excluded, key=lambda e: e.record_id))
