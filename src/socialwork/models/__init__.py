"""Records (记录): what a social-work station knows about its world.

Every record is a frozen pydantic model that forbids unknown fields, strips
whitespace, refuses silent coercions of counts, dates and money, and keeps
its invariants in validators. Records round-trip through JSON and publish
JSON Schema (`socialwork.schema.json_schema`); fields holding personal data
are marked (`personal_fields`).

Examples:
    >>> from datetime import date
    >>> from socialwork.models import Client, ClientCategory
    >>> c = Client(id="p1", name="李大爷", community_id="c1", registered_on=date(2025, 3, 2),
    ...            categories=(ClientCategory.LIVING_ALONE_ELDERLY,))
    >>> Client.model_validate_json(c.model_dump_json()) == c
    True
"""

from socialwork.models.activity import (
    Activity,
    ActivityKind,
    SatisfactionSurvey,
    ServiceDelivered,
    SurveySubject,
)
from socialwork.models.assessment import ScaleAdministration
from socialwork.models.case import (
    AssessedNeed,
    Assessment,
    AssessmentMethod,
    Case,
    CaseStatus,
    Closure,
    ClosureOutcome,
    ContactMode,
    Goal,
    GoalAchievementStatus,
    GoalLifecycleStatus,
    Referral,
    ReferralStatus,
    Score,
    StatusChange,
    Visit,
)
from socialwork.models.client import (
    Client,
    ClientCategory,
    Consent,
    ConsentScope,
    EmergencyContact,
    Guardian,
    ResidentIdNumber,
    RiskLevel,
    Sex,
    YouthIssue,
)
from socialwork.models.community import (
    Community,
    Household,
    KnownKeyGroup,
    LocalUnit,
    LocalUnitKind,
    PopulationStructure,
    ProfileAspect,
    ProfileFact,
    SourceChannel,
)
from socialwork.models.group import Group, GroupKind, GroupMember, GroupSession
from socialwork.models.need import BradshawEvidence, Evidence, Need, NeedDomain, NeedStatus
from socialwork.models.people import (
    Certification,
    CertificationChange,
    GradeChange,
    ServiceHours,
    Staff,
    StaffGrade,
    StaffRole,
    Volunteer,
)
from socialwork.models.period import Period
from socialwork.models.resource import (
    Availability,
    Budget,
    BudgetLine,
    FundingSource,
    Resource,
    ResourceDelivery,
    ResourceKind,
    ResourceSource,
)
from socialwork.models.station import FileKind, ServiceFile, Station, StationRecords
from socialwork.models.text import BilingualText

__all__ = [
    "Activity",
    "ActivityKind",
    "AssessedNeed",
    "Assessment",
    "AssessmentMethod",
    "Availability",
    "BilingualText",
    "BradshawEvidence",
    "Budget",
    "BudgetLine",
    "Case",
    "CaseStatus",
    "Certification",
    "CertificationChange",
    "Client",
    "ClientCategory",
    "Closure",
    "ClosureOutcome",
    "Community",
    "Consent",
    "ConsentScope",
    "ContactMode",
    "EmergencyContact",
    "Evidence",
    "FileKind",
    "FundingSource",
    "Goal",
    "GoalAchievementStatus",
    "GoalLifecycleStatus",
    "GradeChange",
    "Group",
    "GroupKind",
    "GroupMember",
    "GroupSession",
    "Guardian",
    "Household",
    "KnownKeyGroup",
    "LocalUnit",
    "LocalUnitKind",
    "Need",
    "NeedDomain",
    "NeedStatus",
    "Period",
    "PopulationStructure",
    "ProfileAspect",
    "ProfileFact",
    "Referral",
    "ReferralStatus",
    "ResidentIdNumber",
    "Resource",
    "ResourceDelivery",
    "ResourceKind",
    "ResourceSource",
    "RiskLevel",
    "SatisfactionSurvey",
    "ScaleAdministration",
    "Score",
    "ServiceDelivered",
    "ServiceFile",
    "ServiceHours",
    "Sex",
    "SourceChannel",
    "Staff",
    "StaffGrade",
    "StaffRole",
    "Station",
    "StationRecords",
    "StatusChange",
    "SurveySubject",
    "Visit",
    "Volunteer",
    "YouthIssue",
]
