"""The community (社区) and what its profile records: facts, households, local units."""

from __future__ import annotations

from typing import ClassVar, Self

from pydantic import model_validator

from socialwork.labels import LabelledEnum
from socialwork.models.client import ClientCategory
from socialwork.records import Count, Day, Id, Record, Text, check_part, check_unique, personal

__all__ = [
    "Community",
    "Household",
    "KnownKeyGroup",
    "LocalUnit",
    "LocalUnitKind",
    "PopulationStructure",
    "ProfileAspect",
    "ProfileFact",
    "SourceChannel",
]


class ProfileAspect(LabelledEnum):
    """The part of a community profile (社区概况) a fact belongs to."""

    GEOGRAPHY = "geography", "地理环境", "Geography", "地理環境"
    POPULATION = "population", "人口结构", "Population structure", "人口結構"
    RESOURCES = "resources", "社区资源", "Resources", "社區資源"
    POWER_STRUCTURE = "power_structure", "权力结构", "Power structure", "權力結構"
    CULTURE = "culture", "社区文化", "Culture", "社區文化"


class SourceChannel(LabelledEnum):
    """Where a profile fact came from (资料来源)."""

    DISTRICT_GOVERNMENT = (
        "district_government",
        "区政府/街道办",
        "District government or sub-district office",
        "區政府/街道辦",
    )
    RESIDENTS_COMMITTEE = "residents_committee", "居委会", "Residents' committee", "居委會"
    POLICE_STATION = "police_station", "派出所", "Police station", "派出所"
    INTERVIEW = "interview", "访谈", "Interview", "訪談"
    SURVEY = "survey", "问卷调查", "Questionnaire survey", "問卷調查"
    OBSERVATION = "observation", "实地观察", "Field observation", "實地觀察"
    CENSUS = "census", "社区普查", "Community census", "社區普查"
    DOCUMENTS = "documents", "文献资料", "Documents and records", "文獻資料"


class LocalUnitKind(LabelledEnum):
    """Kinds of organisation based in a community's area (辖区单位)."""

    GOVERNMENT = "government", "政府机关", "Government body", "政府機關"
    PUBLIC_INSTITUTION = "public_institution", "事业单位", "Public institution", "事業單位"
    ENTERPRISE = "enterprise", "企业", "Enterprise", "企業"
    SCHOOL = "school", "学校", "School", "學校"
    HEALTH_FACILITY = "health_facility", "医疗卫生机构", "Health facility", "醫療衛生機構"
    SOCIAL_ORGANISATION = "social_organisation", "社会组织", "Social organisation", "社會組織"
    PROPERTY_MANAGEMENT = (
        "property_management",
        "物业公司",
        "Property management company",
        "物業公司",
    )
    OWNERS_COMMITTEE = "owners_committee", "业主委员会", "Owners' committee", "業主委員會"
    OTHER = "other", "其他", "Other", "其他"


class ProfileFact(Record):
    """One fact of a community profile, with the channel it came from.

    Examples:
        >>> fact = ProfileFact(aspect=ProfileAspect.CULTURE, topic="节庆",
        ...                    value="每年举办邻里节", channel=SourceChannel.INTERVIEW)
        >>> fact.channel.label()
        '访谈'
    """

    aspect: ProfileAspect
    topic: Text
    value: Text
    channel: SourceChannel
    recorded_on: Day | None = None


class PopulationStructure(Record):
    """Head counts of a community's population (人口结构).

    Only ``total`` is required; every other count may be unknown (``None``).
    Sub-groups may not exceed the total, people aged 80 and over may not exceed
    those aged 60 and over, and women plus men may not exceed the total.

    Examples:
        >>> PopulationStructure(total=4080, aged_60_plus=900, aged_80_plus=120).total
        4080
    """

    total: Count
    male: Count | None = None
    female: Count | None = None
    aged_60_plus: Count | None = None
    aged_80_plus: Count | None = None
    under_18: Count | None = None
    employed: Count | None = None
    unemployed: Count | None = None
    floating_population: Count | None = None
    dual_income_families: Count | None = None
    single_parent_families: Count | None = None

    @model_validator(mode="after")
    def _parts_within_total(self) -> Self:
        for name in (
            "male",
            "female",
            "aged_60_plus",
            "aged_80_plus",
            "under_18",
            "employed",
            "unemployed",
            "floating_population",
        ):
            check_part(
                "PopulationStructure", (name,), name, getattr(self, name), "total", self.total
            )
        if self.male is not None and self.female is not None:
            check_part(
                "PopulationStructure",
                ("female",),
                "male + female",
                self.male + self.female,
                "total",
                self.total,
            )
        if self.aged_60_plus is not None:
            check_part(
                "PopulationStructure",
                ("aged_80_plus",),
                "aged_80_plus",
                self.aged_80_plus,
                "aged_60_plus",
                self.aged_60_plus,
            )
        return self


class LocalUnit(Record):
    """An organisation based in the community's area (辖区单位).

    Examples:
        >>> LocalUnit(id="u1", name="爱心超市", kind=LocalUnitKind.ENTERPRISE).kind.label("en")
        'Enterprise'
    """

    id: Id
    name: Text
    kind: LocalUnitKind
    address: Text | None = None
    contact_person: Text | None = personal(default=None)
    phone: Text | None = personal(default=None)


class Household(Record):
    """A household (户) of a community: a denominator of benefit rates.

    Examples:
        >>> Household(id="h1", community_id="c1", members=3).members
        3
    """

    id: Id
    community_id: Id
    members: Count
    address: Text | None = personal(default=None)
    head_name: Text | None = personal(default=None)


class KnownKeyGroup(Record):
    """How many people of a key group an official list knows in a community (台账人数).

    The civil-affairs lists (民政台账) of living-alone elderly, minimum
    livelihood households and the like say how many people a community
    should have identified; the identification rate (识别率) compares the
    station's registered clients with this count.

    Examples:
        >>> KnownKeyGroup(category="living_alone_elderly", known=8).known
        8
    """

    category: ClientCategory
    known: Count


class Community(Record):
    """A community (社区) served by a station, with its profile.

    Examples:
        >>> c = Community(id="c1", name="幸福社区", households=1200,
        ...               population=PopulationStructure(total=3500))
        >>> c.name, c.population.total if c.population else None
        ('幸福社区', 3500)
    """

    id: Id
    name: Text
    street: Text | None = None
    households: Count | None = None
    population: PopulationStructure | None = None
    facts: tuple[ProfileFact, ...] = ()
    local_units: tuple[LocalUnit, ...] = ()
    known_key_groups: tuple[KnownKeyGroup, ...] = ()

    python_rule_fields: ClassVar[frozenset[str] | None] = frozenset(
        {"local_units", "known_key_groups"}
    )
    """The rules checked in Python read the local units (an id repeated) and the
    known key groups (a category repeated): a row of the communities table without
    them breaks none."""

    @model_validator(mode="after")
    def _unique_units(self) -> Self:
        check_unique("Community", "local_units", (u.id for u in self.local_units))
        check_unique(
            "Community", "known_key_groups", (k.category.value for k in self.known_key_groups)
        )
        return self
