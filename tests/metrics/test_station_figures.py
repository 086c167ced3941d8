"""The station figures a monthly summary reports beyond the first fourteen: each worked by hand.

Clients per worker (人均服务对象), identification rate (识别率), resource
utilisation (资源利用率), and group and volunteer satisfaction, each through
its catalogue entry and its record function.
"""

from __future__ import annotations

from datetime import date

import pytest

from socialwork.errors import UnknownCodeError
from socialwork.metrics import ExclusionReason, indicator, monthly_report
from socialwork.metrics.casework import clients_per_worker, identification_rate
from socialwork.metrics.services import resource_utilisation
from socialwork.models import (
    Availability,
    Client,
    ClientCategory,
    Community,
    ContactMode,
    KnownKeyGroup,
    Resource,
    ResourceDelivery,
    ResourceKind,
    ResourceSource,
    StaffRole,
    Visit,
)
from tests.metrics.support import JUNE, P, member

ALONE = ClientCategory.LIVING_ALONE_ELDERLY
POOR = ClientCategory.MINIMUM_LIVELIHOOD


def visit(n: int, client: str, on: date) -> Visit:
    return Visit(id=f"v{n}", client_id=client, on=on, mode=ContactMode.PHONE, worker_id="s1")


def client(key: str, community: str, *categories: ClientCategory, on: date) -> Client:
    return Client(
        id=key, name="某某", community_id=community, categories=categories, registered_on=on
    )


def resource(key: str, availability: Availability) -> Resource:
    return Resource(
        id=key,
        name="资源",
        kind=ResourceKind.MATERIAL,
        source=ResourceSource.DONATION,
        provider="捐赠人",
        availability=availability,
    )


def delivery(n: int, resource_id: str, on: date) -> ResourceDelivery:
    return ResourceDelivery(id=f"d{n}", resource_id=resource_id, recipient_id="p1", delivered_on=on)


def test_the_sample_month_gives_the_summarys_figures() -> None:
    # 65 clients contacted in June by 6 full-time workers (interns s7, s8 left out): 10.8.
    assert (
        indicator("clients_per_worker").definition.format(
            indicator("clients_per_worker").measure(JUNE)
        )
        == "10.8人"
    )
    # 34 + 15 + 12 + 15 = 76 registered; the lists know the 28 living-alone elders not yet
    # registered too: 76 / (76 + 28) = 73.1%, short of the 90% target.
    assert str(indicator("identification_rate").measure(JUNE)) == "73.1% (76/104)"
    # Three usable resources; only the supermarket's goods were delivered in June.
    assert str(indicator("resource_utilisation").measure(JUNE)) == "33.3% (1/3)"
    # Group members 38 of 40 satisfied (95%), volunteers 9 of 10 (90%).
    assert str(indicator("group_satisfaction").measure(JUNE)) == "95.0% (38/40)"
    assert str(indicator("volunteer_satisfaction").measure(JUNE)) == "90.0% (9/10)"
    # The clients' own survey is unchanged: 60 of 65.
    assert str(indicator("survey_satisfaction").measure(JUNE)) == "92.3% (60/65)"


def test_the_report_shows_the_new_lines_with_their_targets() -> None:
    report = monthly_report(JUNE, JUNE.period)
    assert report.line("identification_rate").status.value == "off_track"
    assert report.line("resource_utilisation").status.value == "off_track"
    assert report.line("group_satisfaction").status.value == "no_target"
    text = report.to_markdown("en")
    for name in (
        "Clients per worker",
        "Identification rate",
        "Resource utilisation",
        "Group satisfaction",
        "Volunteer satisfaction",
    ):
        assert name in text
    assert "人均服务对象" in report.to_markdown()


def test_clients_per_worker_counts_each_client_once_and_leaves_interns_out() -> None:
    staff = [
        member("s1", date(2024, 1, 1), None),
        member("s2", date(2024, 1, 1), None),
        member("s3", date(2024, 1, 1), None, role=StaffRole.INTERN),
        member("s4", date(2024, 1, 1), date(2025, 6, 30)),  # gone on the last day
    ]
    visits = [
        visit(1, "a", date(2025, 6, 1)),
        visit(2, "a", date(2025, 6, 9)),
        visit(3, "b", date(2025, 6, 30)),
        visit(4, "c", date(2025, 5, 31)),  # before the period
    ]
    # clients a and b over workers s1 and s2: 2 / 2 = 1.0
    assert clients_per_worker(visits, staff, P) == 1.0
    assert clients_per_worker(visits, [], P) is None
    with pytest.raises(TypeError, match="period"):
        clients_per_worker(visits, staff, "2025-06")  # type: ignore[arg-type]


def test_identification_caps_each_list_and_lists_the_surplus() -> None:
    communities = [
        Community(
            id="c1",
            name="一社区",
            known_key_groups=(
                KnownKeyGroup(category=ALONE, known=3),
                KnownKeyGroup(category=POOR, known=1),
            ),
        ),
        Community(id="c2", name="二社区"),  # no list: its clients are not counted
    ]
    clients = [
        client("a1", "c1", ALONE, on=date(2025, 1, 1)),
        client("a2", "c1", ALONE, POOR, on=date(2025, 6, 30)),
        client("a3", "c1", ALONE, on=date(2025, 7, 1)),  # registered after as_of
        client("p2", "c1", POOR, on=date(2025, 2, 1)),
        client("b1", "c2", ALONE, on=date(2025, 1, 1)),
    ]
    found = identification_rate(clients, communities, as_of=date(2025, 6, 30))
    # living alone: a1, a2 of 3 listed; poor: a2, p2 registered, list of 1 -> 1 of 1.
    assert (found.numerator, found.denominator) == (3, 4)
    # the surplus is the later id in order, p2, with its reason
    assert [(e.record_id, e.reason) for e in found.exclusions] == [
        ("p2", ExclusionReason.ABOVE_KNOWN)
    ]
    assert str(identification_rate(clients, [], as_of=date(2025, 6, 30))) == "n/a"
    with pytest.raises(TypeError, match="as_of"):
        identification_rate(clients, communities, as_of="2025-06-30")  # type: ignore[arg-type]


def test_a_community_lists_each_key_group_once() -> None:
    with pytest.raises(ValueError, match="duplicate"):
        Community(
            id="c1",
            name="一社区",
            known_key_groups=(
                KnownKeyGroup(category=ALONE, known=3),
                KnownKeyGroup(category=ALONE, known=4),
            ),
        )


def test_resource_utilisation_counts_usable_resources_delivered_in_the_period() -> None:
    resources = [
        resource("r1", Availability.USABLE),
        resource("r2", Availability.USABLE),
        resource("r3", Availability.USABLE),
        resource("r4", Availability.DEVELOPABLE),
    ]
    deliveries = [
        delivery(1, "r1", date(2025, 6, 3)),
        delivery(2, "r1", date(2025, 6, 4)),  # r1 counts once
        delivery(3, "r2", date(2025, 5, 31)),  # before June
        delivery(4, "r4", date(2025, 6, 5)),  # not usable: excluded, not counted
    ]
    used = resource_utilisation(resources, deliveries, P)
    assert (used.numerator, used.denominator) == (1, 3)
    assert [(e.record_id, e.reason) for e in used.exclusions] == [
        ("r4", ExclusionReason.NOT_USABLE)
    ]


def test_survey_subject_is_refused_when_it_names_no_subject() -> None:
    from socialwork.metrics.services import survey_satisfaction

    with pytest.raises(UnknownCodeError):
        survey_satisfaction(JUNE.surveys, P, "everyone")
