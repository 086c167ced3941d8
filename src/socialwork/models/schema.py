"""JSON Schema of every record, and where personal data lives."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from socialwork.models.activity import Activity, SatisfactionSurvey, ServiceDelivered
from socialwork.models.case import (
    AssessedNeed,
    Assessment,
    Case,
    Closure,
    Goal,
    Referral,
    Score,
    StatusChange,
    Visit,
)
from socialwork.models.client import Client, Consent, EmergencyContact, Guardian
from socialwork.models.community import (
    Community,
    Household,
    LocalUnit,
    PopulationStructure,
    ProfileFact,
)
from socialwork.models.group import Group, GroupMember, GroupSession
from socialwork.models.need import BradshawEvidence, Evidence, Need
from socialwork.models.people import ServiceHours, Staff, Volunteer
from socialwork.models.period import Period
from socialwork.models.resource import Budget, BudgetLine, FundingSource, Resource, ResourceDelivery
from socialwork.models.station import ServiceFile, Station, StationRecords
from socialwork.models.text import BilingualText
from socialwork.records import PERSONAL_DATA, Record

__all__ = ["RECORD_TYPES", "json_schema", "personal_fields"]

RECORD_TYPES: tuple[type[Record], ...] = (
    Activity,
    AssessedNeed,
    Assessment,
    BilingualText,
    BradshawEvidence,
    Budget,
    BudgetLine,
    Case,
    Client,
    Closure,
    Community,
    Consent,
    EmergencyContact,
    Evidence,
    FundingSource,
    Goal,
    Group,
    GroupMember,
    GroupSession,
    Guardian,
    Household,
    LocalUnit,
    Need,
    Period,
    PopulationStructure,
    ProfileFact,
    Referral,
    Resource,
    ResourceDelivery,
    SatisfactionSurvey,
    Score,
    ServiceDelivered,
    ServiceFile,
    ServiceHours,
    Staff,
    Station,
    StationRecords,
    StatusChange,
    Visit,
    Volunteer,
)
"""Every public record type, in alphabetical order."""

_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def json_schema() -> dict[str, dict[str, Any]]:
    """Return the JSON Schema (Draft 2020-12) of every record, by record name.

    Each schema is self-contained (its ``$defs`` hold the nested records) and
    describes the JSON that ``model_dump_json`` writes.

    Examples:
        >>> schemas = json_schema()
        >>> schemas["Client"]["$schema"]
        'https://json-schema.org/draft/2020-12/schema'
        >>> "categories" in schemas["Client"]["properties"]
        True
    """
    return {
        model.__name__: {"$schema": _DIALECT, **model.model_json_schema(mode="serialization")}
        for model in RECORD_TYPES
    }


def personal_fields(model: type[BaseModel]) -> frozenset[str]:
    """Return the names of a record's fields marked as holding personal data.

    Nested records are not followed: ask them separately.

    Examples:
        >>> from socialwork.models import Client
        >>> sorted(personal_fields(Client))
        ['address', 'born_on', 'id_number', 'name', 'phone']
    """
    return frozenset(
        name
        for name, field in model.model_fields.items()
        if isinstance(field.json_schema_extra, dict) and field.json_schema_extra.get(PERSONAL_DATA)
    )
