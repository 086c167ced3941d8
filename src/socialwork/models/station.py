"""The station (社工站) and the bundle of one period's records."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Self

from pydantic import model_validator
from pydantic_core import InitErrorDetails

from socialwork.display.displayable import Displayable
from socialwork.display.document import Document, Heading, Paragraph, Table
from socialwork.labels import LabelledEnum, Language, canonical_language, select_language
from socialwork.models.activity import Activity, SatisfactionSurvey
from socialwork.models.case import Case, Visit
from socialwork.models.client import Client, ConsentScope
from socialwork.models.community import Community, Household
from socialwork.models.group import Group
from socialwork.models.need import Need
from socialwork.models.people import ServiceHours, Staff, Volunteer
from socialwork.models.period import Period
from socialwork.models.resource import Budget, Resource, ResourceDelivery
from socialwork.records import Count, Day, Id, Record, Text, break_rules, rule_error

__all__ = ["FileKind", "ServiceFile", "Station", "StationRecords"]


class FileKind(LabelledEnum):
    """Kinds of service file (服务档案)."""

    CASE_RECORD = "case_record", "个案记录", "Case record", "個案記錄"
    GROUP_SUMMARY = "group_summary", "小组活动总结", "Group summary", "小組活動總結"
    ACTIVITY_RECORD = "activity_record", "活动记录", "Activity record", "活動記錄"
    CLIENT_PROFILE = "client_profile", "服务对象档案", "Client profile", "服務對象檔案"


class ServiceFile(Record):
    """A service file (服务档案); complete when nothing is missing from it.

    Examples:
        >>> f = ServiceFile(id="f1", kind=FileKind.CASE_RECORD, subject_id="k1",
        ...                 missing_items=("干预细节",))
        >>> f.complete
        False
    """

    id: Id
    kind: FileKind
    subject_id: Id
    updated_on: Day | None = None
    missing_items: tuple[Text, ...] = ()

    @property
    def complete(self) -> bool:
        """Whether no item is missing."""
        return not self.missing_items


class Station(Record):
    """A social-work station (社工站): its communities and its staff.

    Staff ids are unique, and mentors and backups must be staff of the station.

    Examples:
        >>> st = Station(id="st1", name="幸福街道社工站",
        ...              communities=(Community(id="c1", name="幸福社区"),))
        >>> st.name, len(st.communities)
        ('幸福街道社工站', 1)
    """

    id: Id
    name: Text
    communities: tuple[Community, ...] = ()
    staff: tuple[Staff, ...] = ()

    @model_validator(mode="after")
    def _references(self) -> Self:
        errors = [
            *_duplicates("communities", (c.id for c in self.communities)),
            *_duplicates("staff", (s.id for s in self.staff)),
        ]
        ids = {s.id for s in self.staff}
        for index, member in enumerate(self.staff):
            for field in ("mentor_id", "backup_id"):
                ref = getattr(member, field)
                if ref is not None and ref not in ids:
                    errors.append(_unknown(("staff", index, field), ref))
        break_rules("Station", errors)
        return self


def _unknown(loc: tuple[str | int, ...], ref: str) -> InitErrorDetails:
    return rule_error(
        loc,
        "unknown_reference",
        "{field} must name a record in this bundle; got {ref}",
        ref,
        field=loc[-1],
        ref=ref,
    )


def _duplicates(field: str, keys: Iterable[str]) -> Iterator[InitErrorDetails]:
    """A ``duplicate_id`` error for every entry whose id an earlier entry has."""
    seen: set[str] = set()
    for index, key in enumerate(keys):
        if key in seen:
            yield rule_error(
                (field, index),
                "duplicate_id",
                "each {field} entry needs a distinct id; {key} appears twice",
                key,
                field=field,
                key=key,
            )
        seen.add(key)


def _check_refs(
    field: str, refs: Iterable[str | None], known: set[str], attribute: str
) -> Iterator[InitErrorDetails]:
    for index, ref in enumerate(refs):
        if ref is not None and ref not in known:
            yield _unknown((field, index, attribute), ref)


def _check_referrals(
    clients: dict[str, Client], cases: tuple[Case, ...]
) -> Iterator[InitErrorDetails]:
    """Each consented referral names a consent that speaks for the client, active that day.

    The consent rule of `socialwork.privacy.refer`: for a child (by category,
    birth date or ID number) a guardian's consent, never the child's own.
    """
    for i, case in enumerate(cases):
        client = clients.get(case.client_id)
        if client is None:
            continue
        for j, referral in enumerate(case.referrals):
            if referral.consent_id is None:
                continue
            loc: tuple[str | int, ...] = ("cases", i, "referrals", j, "consent_id")
            day = referral.referred_on
            deciding = [c for _, c in client.deciding_consents(as_of=day)]
            named = [c for c in deciding if c.id == referral.consent_id]
            if not named:
                if any(c.id == referral.consent_id for c in client.consents):
                    yield rule_error(
                        loc,
                        "guardian_consent_needed",
                        "client {client} is a child on {day}: a referral needs a guardian's "
                        "consent; {ref} is the child's own",
                        referral.consent_id,
                        client=client.id,
                        day=day,
                        ref=referral.consent_id,
                    )
                else:
                    yield rule_error(
                        loc,
                        "unknown_reference",
                        "consent_id must name a consent that speaks for the case's client "
                        "{client} (a guardian's for a child); got {ref}",
                        referral.consent_id,
                        client=client.id,
                        ref=referral.consent_id,
                    )
                continue
            sharing = [c for c in named if c.scope is ConsentScope.INFORMATION_SHARING]
            if not sharing:
                yield rule_error(
                    loc,
                    "consent_scope_mismatch",
                    "a referral needs a consent to information_sharing; consent {ref} covers "
                    "{scope}",
                    referral.consent_id,
                    ref=referral.consent_id,
                    scope=named[0].scope.value,
                )
            elif not any(c.active_on(day) for c in sharing):
                consent = sharing[0]
                yield rule_error(
                    loc,
                    "consent_not_active",
                    "consent {ref} must hold on the referral date {day} (given {given}, "
                    "withdrawn {withdrawn})",
                    referral.consent_id,
                    ref=consent.id,
                    day=day,
                    given=consent.given_on,
                    withdrawn=consent.withdrawn_on or "never",
                )


def _check_visit_clients(
    cases: dict[str, Case], visits: tuple[Visit, ...]
) -> Iterator[InitErrorDetails]:
    """A visit made under a case is a visit to that case's client."""
    for index, visit in enumerate(visits):
        case = cases.get(visit.case_id) if visit.case_id is not None else None
        if case is not None and case.client_id != visit.client_id:
            yield rule_error(
                ("visits", index, "case_id"),
                "visit_client_mismatch",
                "case {case} belongs to client {owner}; the visit is to client {client}",
                visit.case_id,
                case=case.id,
                owner=case.client_id,
                client=visit.client_id,
            )


_KINDS = (
    ("clients", "服务对象", "Clients", "服務對象"),
    ("households", "家庭", "Households", "家庭"),
    ("cases", "个案", "Cases", "個案"),
    ("visits", "走访", "Visits", "走訪"),
    ("groups", "小组", "Groups", "小組"),
    ("activities", "活动", "Activities", "活動"),
    ("volunteers", "志愿者", "Volunteers", "志願者"),
    ("service_hours", "服务时长记录", "Service-hour entries", "服務時長記錄"),
    ("resources", "资源", "Resources", "資源"),
    ("deliveries", "资源递送", "Deliveries", "資源遞送"),
    ("needs", "需求", "Needs", "需求"),
    ("files", "服务档案", "Service files", "服務檔案"),
    ("surveys", "满意度调查", "Satisfaction surveys", "滿意度調查"),
)
"""The collections of a bundle, in the order its summary lists them, with their names
(Simplified Chinese, English, Traditional Chinese)."""


class StationRecords(Record, Displayable):
    """A station's records for one period: the input of reports and indicators.

    Ids are unique within each collection, and every reference (a visit's
    client and case, a case's client and worker, hours' volunteer, a
    delivery's resource) must name a record of the bundle. A visit under a
    case is to that case's client; a referral made under consent names an
    information-sharing consent that speaks for the case's client and holds
    on the referral date (otherwise it carries the crisis exception with its
    reason): a guardian's for a child, never the child's own
    (`Client.deciding_consents`, the rule `socialwork.privacy.refer` applies).
    Every broken id and reference is reported, not only the first.

    Examples:
        >>> from socialwork.samples import station_month
        >>> records = station_month()
        >>> len(records.cases), len(records.visits)
        (8, 82)
    """

    station: Station
    period: Period
    clients: tuple[Client, ...] = ()
    households: tuple[Household, ...] = ()
    cases: tuple[Case, ...] = ()
    visits: tuple[Visit, ...] = ()
    groups: tuple[Group, ...] = ()
    activities: tuple[Activity, ...] = ()
    volunteers: tuple[Volunteer, ...] = ()
    service_hours: tuple[ServiceHours, ...] = ()
    resources: tuple[Resource, ...] = ()
    deliveries: tuple[ResourceDelivery, ...] = ()
    needs: tuple[Need, ...] = ()
    files: tuple[ServiceFile, ...] = ()
    surveys: tuple[SatisfactionSurvey, ...] = ()
    budget: Budget | None = None
    home_visits_planned: Count | None = None
    """Home visits (家访) the station planned for the period; ``None`` when it set no plan."""
    note: Text | None = None

    def __repr__(self) -> str:
        """A one-line summary (station, period, counts per kind), not every record."""
        counts = ", ".join(f"{n} {name}" for name, n in self._counts() if n)
        period = f"{self.period.start}..{self.period.end}"
        return f"StationRecords({self.station.name!r}, {period}: {counts or 'no records'})"

    __str__ = __repr__

    def _counts(self) -> list[tuple[str, int]]:
        return [(name, len(getattr(self, name))) for name, *_ in _KINDS]

    def to_document(self, language: Language | str = "zh") -> Document:
        """Summarize the bundle: the station, the period and how many records of each kind.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> from socialwork.samples import station_month
            >>> print(station_month().to_markdown("en").splitlines()[2])
            Period: 2025-06-01 to 2025-06-30
        """
        script = canonical_language(language)
        to = select_language(script, "至", "to")
        period = select_language(script, "统计期", "Period", "統計期")
        counts = dict(self._counts())
        rows = [
            (select_language(script, zh, en, hant), counts[name]) for name, zh, en, hant in _KINDS
        ]
        header = (
            select_language(script, "记录", "Records", "記錄"),
            select_language(script, "条数", "Count", "條數"),
        )
        return Document(
            [
                Heading(self.station.name, 1),
                Paragraph(f"{period}: {self.period.start} {to} {self.period.end}"),
                Table(header, rows),
            ]
        )

    @model_validator(mode="after")
    def _references(self) -> Self:
        """Check every id and reference, and report all that are broken, not only the first."""
        errors: list[InitErrorDetails] = []
        for field in (
            "clients",
            "households",
            "cases",
            "visits",
            "groups",
            "activities",
            "volunteers",
            "resources",
            "deliveries",
            "needs",
            "files",
            "surveys",
        ):
            errors += _duplicates(field, (r.id for r in getattr(self, field)))
        clients = {c.id for c in self.clients}
        cases = {c.id for c in self.cases}
        staff = {s.id for s in self.station.staff}
        communities = {c.id for c in self.station.communities}
        errors += _check_refs(
            "clients", (c.community_id for c in self.clients), communities, "community_id"
        )
        errors += _check_refs("cases", (c.client_id for c in self.cases), clients, "client_id")
        errors += _check_refs("cases", (c.worker_id for c in self.cases), staff, "worker_id")
        errors += _check_refs("visits", (v.client_id for v in self.visits), clients, "client_id")
        errors += _check_refs("visits", (v.case_id for v in self.visits), cases, "case_id")
        errors += _check_refs("visits", (v.worker_id for v in self.visits), staff, "worker_id")
        errors += _check_refs(
            "service_hours",
            (h.volunteer_id for h in self.service_hours),
            {v.id for v in self.volunteers},
            "volunteer_id",
        )
        errors += _check_refs(
            "deliveries",
            (d.resource_id for d in self.deliveries),
            {r.id for r in self.resources},
            "resource_id",
        )
        errors += _check_refs(
            "deliveries",
            (d.need_id for d in self.deliveries),
            {n.id for n in self.needs},
            "need_id",
        )
        errors += _check_visit_clients({c.id: c for c in self.cases}, self.visits)
        errors += _check_referrals({c.id: c for c in self.clients}, self.cases)
        break_rules("StationRecords", errors)
        return self
