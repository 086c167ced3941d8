"""Column contracts: what a table of each record kind holds, derived from the records.

A contract lists a table's columns with their type, whether they are
required, and the enum codes a code column takes. It is read from the
record's own fields (`Contract.record`), so it cannot drift from the
records; fields holding nested records (a client's consents, a case's
assessments) are not table columns and are listed in ``not_in_table``.
A column of several codes (a client's ``categories``) holds them as one
text, separated by ``;``.

Examples:
    >>> clients = contract("clients")
    >>> clients.column("registered_on").type, clients.column("registered_on").required
    ('date', True)
    >>> clients.column("categories").codes[:2]
    ('living_alone_elderly', 'empty_nest_elderly')
"""

from __future__ import annotations

import builtins
import types
import typing
from datetime import date
from decimal import Decimal
from typing import Annotated, Any

import annotated_types
from attrs import frozen
from pydantic import BaseModel

from socialwork.calendars.duties import Recurrence
from socialwork.errors import UnknownCodeError
from socialwork.labels import LabelledEnum
from socialwork.models import (
    Activity,
    AssessedNeed,
    Assessment,
    BradshawEvidence,
    BudgetLine,
    Case,
    CertificationChange,
    Client,
    Closure,
    Community,
    Consent,
    EmergencyContact,
    FundingSource,
    Goal,
    GradeChange,
    Group,
    GroupMember,
    GroupSession,
    Guardian,
    Household,
    KnownKeyGroup,
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
    StatusChange,
    Visit,
    Volunteer,
)
from socialwork.records import Record
from socialwork.team import (
    AppraisalRecord,
    ApprovalRequest,
    ApprovalStep,
    ComponentScore,
    ExternalSupervisor,
    PrePostScore,
    RosterEntry,
    SupervisionDecision,
    SupervisionSession,
    Training,
)

__all__ = [
    "KINDS",
    "Column",
    "Contract",
    "Flattened",
    "Nesting",
    "contract",
]

SEPARATOR = ";"
"""How a column of several codes or texts separates them."""


@frozen
class Column:
    """One column of a table: its name, type, whether required, and its codes.

    ``type`` is one of ``id``, ``text``, ``date``, ``count``, ``scale5``,
    ``decimal``, ``number``, ``bool``, ``code``, ``codes`` (several codes
    separated by ``;``), ``texts`` (several texts: a list, or one text
    separated by ``;``), ``counts`` (several whole numbers: a list, or one
    text separated by ``;``). A whole-number column that takes only some
    values (a roster's ``nth``: 1 to 4 or -1) lists them as its ``codes``.

    Examples:
        >>> Column("status", "code", False, ("open", "met")).codes
        ('open', 'met')
    """

    name: str
    type: str
    required: bool
    codes: tuple[str, ...] = ()
    enum: builtins.type[LabelledEnum] | None = None
    minimum: int | None = None
    maximum: int | None = None


@frozen
class Flattened:
    """A nested record kept in columns of its parent's table, column by field.

    A case's closure is three columns of the cases table, ``closed_on``,
    ``closure_outcome`` and ``closure_note``; the record is there when any
    of its columns is filled. A field of a record nested one level deeper
    is a dotted path (a need's ``normative_source`` column holds
    ``normative.source`` of its ``evidence``).

    Examples:
        >>> (closure,) = contract("cases").flattened
        >>> closure.field, closure.columns[:2]
        ('closure', (('closed_on', 'closed_on'), ('closure_outcome', 'outcome')))
    """

    field: str
    record: type[Record]
    columns: tuple[tuple[str, str], ...]

    def column_of(self, name: str) -> str | None:
        """The table column that holds the nested record's field ``name``.

        A field of a record nested one level deeper is named with a dot
        (``normative.source``, a need's normative evidence's source); a name
        that stops at such a record gives its first column.
        """
        return next(
            (
                column
                for column, field in self.columns
                if field == name or field.startswith(name + ".")
            ),
            None,
        )


def flat_columns(field: str, record: type[Record], prefix: str) -> Flattened:
    """Every field of ``record`` as a column named ``prefix`` + field, a nested record's too.

    A field holding a record (a need's ``normative`` evidence) becomes one
    column per field of that record, named with both (``normative_source``)
    and kept as a dotted path (``normative.source``).

    Examples:
        >>> flat_columns("closure", Closure, "").columns[:2]
        (('closed_on', 'closed_on'), ('outcome', 'outcome'))
    """
    pairs: list[tuple[str, str]] = []

    def walk(model: type[Record], path: str, name: str) -> None:
        for inner, info in model.model_fields.items():
            base, _, _ = _unwrap(info.annotation)
            if isinstance(base, type) and issubclass(base, Record):
                walk(base, f"{path}{inner}.", f"{name}{inner}_")
            else:
                pairs.append((f"{name}{inner}", f"{path}{inner}"))

    walk(record, "", prefix)
    return Flattened(field, record, tuple(pairs))


def inner_field(record: type[Record], path: str) -> Any:
    """The pydantic field of a dotted path in ``record`` (``normative.source``)."""
    model: Any = record
    *outer, last = path.split(".")
    for name in outer:
        model, _, _ = _unwrap(model.model_fields[name].annotation)
    return model.model_fields[last]


@frozen
class Nesting:
    """Where the rows of a child table live in their parent records.

    A child table's rows make up ``field`` of the records of ``owner`` (a
    top-level kind), named by the contract's ``parent`` column; with
    ``within``, they belong to a record nested in the owner's ``holder``
    field (a guardian of a client, an assessment of a case), named by the
    ``within`` column: by its ``id``, or, for a record without one, by its
    place (1, 2, ...) in the owner's list, kept in the holder table's
    ``place`` column. With ``own`` a blank ``within`` cell means the owner's
    own ``field`` (a client's own consents, beside their guardians').

    Examples:
        >>> CHILDREN["client_consents"].within, CHILDREN["client_consents"].holder
        ('guardian_id', 'guardians')
    """

    owner: str
    field: str
    within: str | None = None
    holder: str | None = None
    key: str = "id"
    own: bool = False


@frozen
class Contract:
    """The columns of one kind of table, what a row is, and the rules between columns.

    Examples:
        >>> c = contract("needs")
        >>> c.key, c.orders
        ('id', (('raised_on', 'resolved_on'),))
        >>> c.row
        'one need raised by residents; its evidence in two columns a kind'

    """

    kind: str
    record: type[Record]
    row: str
    columns: tuple[Column, ...]
    key: str | None
    parent: str | None = None
    orders: tuple[tuple[str, str], ...] = ()
    not_in_table: tuple[str, ...] = ()
    flattened: tuple[Flattened, ...] = ()
    within: str | None = None
    place: str | None = None

    @property
    def names(self) -> tuple[str, ...]:
        """The column names, in the record's field order."""
        return tuple(c.name for c in self.columns)

    def column(self, name: str) -> Column:
        """The column called ``name``.

        Raises:
            UnknownCodeError: the contract has no such column.
        """
        for column in self.columns:
            if column.name == name:
                return column
        raise UnknownCodeError("column", name, self.names)


def _unwrap(annotation: Any) -> tuple[Any, bool, list[Any]]:
    """The base type of an annotation, whether it allows None, and its metadata."""
    optional = False
    metadata: list[Any] = []
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        optional = len(args) < len(typing.get_args(annotation))
        annotation = args[0]
    while typing.get_origin(annotation) is Annotated:
        annotation, *extra = typing.get_args(annotation)
        metadata.extend(extra)
    return annotation, optional, metadata


def _bounds(metadata: list[Any]) -> tuple[int | None, int | None]:
    low = high = None
    for item in metadata:
        for inner in getattr(item, "metadata", [item]):
            if isinstance(inner, annotated_types.Ge):
                low = int(inner.ge)  # type: ignore[call-overload]
            elif isinstance(inner, annotated_types.Le):
                high = int(inner.le)  # type: ignore[call-overload]
    return low, high


def _column(name: str, annotation: Any, required: bool, metadata: list[Any]) -> Column | None:
    base, optional, inner = _unwrap(annotation)
    required = required and not optional
    metadata = metadata + inner
    if typing.get_origin(base) is tuple:
        item, _, item_metadata = _unwrap(typing.get_args(base)[0])
        if isinstance(item, type) and issubclass(item, LabelledEnum):
            return Column(name, "codes", required, tuple(m.value for m in item), item)
        if item is str:
            return Column(name, "texts", required)
        if item is int:
            low, high = _bounds(item_metadata)
            return Column(name, "counts", required, minimum=low, maximum=high)
        return None
    if typing.get_origin(base) is typing.Literal:
        values = typing.get_args(base)
        return Column(
            name, "count", required, tuple(map(str, values)), None, min(values), max(values)
        )
    if isinstance(base, type) and issubclass(base, LabelledEnum):
        return Column(name, "code", required, tuple(m.value for m in base), base)
    if isinstance(base, type) and issubclass(base, BaseModel):
        return None
    if base is date:
        return Column(name, "date", required)
    if base is bool:
        return Column(name, "bool", required)
    if base is Decimal:
        return Column(name, "decimal", required)
    if base is float:
        return Column(name, "number", required)
    if base is int:
        low, high = _bounds(metadata)
        kind = "scale5" if (low, high) == (1, 5) else "count"
        return Column(name, kind, required, minimum=low, maximum=high)
    if base is str:
        short = any(getattr(m, "max_length", None) == 64 for m in metadata)
        return Column(name, "id" if short else "text", required)
    return None  # pragma: no cover - every record field is one of the above


def _derive(
    kind: str,
    record: type[Record],
    row: str,
    *,
    key: str | None = "id",
    parent: str | None = None,
    orders: tuple[tuple[str, str], ...] = (),
    flattened: tuple[Flattened, ...] = (),
    place: str | None = None,
) -> Contract:
    columns: list[Column] = []
    if parent is not None:
        columns.append(Column(parent, "id", True))
    nesting = CHILDREN.get(kind)
    within = None if nesting is None else nesting.within
    if nesting is not None and nesting.within is not None:
        if nesting.key == "id":
            columns.append(Column(nesting.within, "id", not nesting.own))
        else:
            columns.append(Column(nesting.within, "count", True, minimum=1, maximum=MAX_PLACE))
    if place is not None:
        columns.append(Column(place, "count", True, minimum=1, maximum=MAX_PLACE))
    skipped: list[str] = []
    kept = {flat.field for flat in flattened}
    for name, field in record.model_fields.items():
        column = _column(name, field.annotation, field.is_required(), list(field.metadata))
        if column is not None:
            columns.append(column)
        elif name not in kept:
            skipped.append(name)
    for flat in flattened:
        for name, inner in flat.columns:
            nested = inner_field(flat.record, inner)
            column = _column(name, nested.annotation, False, list(nested.metadata))
            if column is None:  # pragma: no cover - a contract written wrong fails at import
                raise RuntimeError(f"{kind}: {flat.field}.{inner} cannot be a column")
            columns.append(column)
    return Contract(
        kind,
        record,
        row,
        tuple(columns),
        key,
        parent,
        orders,
        tuple(skipped),
        flattened,
        within,
        place,
    )


MAX_PLACE = 10_000
"""The highest place a record without an id may have in its parent's list."""

CHILDREN: dict[str, Nesting] = {
    "case_goals": Nesting("cases", "goals"),
    "case_history": Nesting("cases", "history"),
    "group_members": Nesting("groups", "members"),
    "group_sessions": Nesting("groups", "sessions"),
    "known_key_groups": Nesting("communities", "known_key_groups"),
    "supervision_decisions": Nesting("supervision_sessions", "decisions"),
    "training_scores": Nesting("trainings", "scores"),
    "approval_steps": Nesting("approvals", "history"),
    "appraisal_components": Nesting("appraisals", "components"),
    "client_consents": Nesting(
        "clients", "consents", within="guardian_id", holder="guardians", own=True
    ),
    "client_guardians": Nesting("clients", "guardians"),
    "case_assessments": Nesting("cases", "assessments"),
    "assessment_needs": Nesting(
        "cases", "needs", within="assessment", holder="assessments", key="place"
    ),
    "assessment_scores": Nesting(
        "cases", "scores", within="assessment", holder="assessments", key="place"
    ),
    "case_referrals": Nesting("cases", "referrals"),
    "activity_services": Nesting("activities", "services"),
    "community_facts": Nesting("communities", "facts"),
    "local_units": Nesting("communities", "local_units"),
}
"""Each child table's parent kind and where its rows live in the parent's records."""

CONTRACTS: dict[str, Contract] = {
    c.kind: c
    for c in (
        _derive(
            "clients",
            Client,
            "one client (服务对象) of the station; an emergency contact in three columns",
            flattened=(flat_columns("emergency_contact", EmergencyContact, "emergency_contact_"),),
        ),
        _derive(
            "cases",
            Case,
            "one case (个案); a closed case's closure in three columns",
            orders=(("opened_on", "closed_on"),),
            flattened=(
                Flattened(
                    "closure",
                    Closure,
                    (
                        ("closed_on", "closed_on"),
                        ("closure_outcome", "outcome"),
                        ("closure_note", "note"),
                    ),
                ),
            ),
        ),
        _derive("case_goals", Goal, "one goal of a case", key=None, parent="case_id"),
        _derive(
            "case_history",
            StatusChange,
            "one move of a case between statuses, in the order they happened",
            key=None,
            parent="case_id",
        ),
        _derive("visits", Visit, "one contact with a client (a visit, call or meeting)"),
        _derive("groups", Group, "one group (小组); members and sessions in their own tables"),
        _derive(
            "group_members",
            GroupMember,
            "one membership of a group",
            key=None,
            parent="group_id",
            orders=(("joined_on", "left_on"),),
        ),
        _derive(
            "group_sessions", GroupSession, "one session of a group", key=None, parent="group_id"
        ),
        _derive(
            "activities",
            Activity,
            "one community activity (社区活动); its survey, if any, in the ``survey_`` columns",
            flattened=(flat_columns("survey", SatisfactionSurvey, "survey_"),),
        ),
        _derive("surveys", SatisfactionSurvey, "one satisfaction survey"),
        _derive("volunteers", Volunteer, "one volunteer (志愿者)"),
        _derive("service_hours", ServiceHours, "one day's service of one volunteer", key=None),
        _derive(
            "needs",
            Need,
            "one need raised by residents; its evidence in two columns a kind",
            orders=(("raised_on", "resolved_on"),),
            flattened=(flat_columns("evidence", BradshawEvidence, ""),),
        ),
        _derive("resources", Resource, "one resource (资源) the station can call on"),
        _derive("deliveries", ResourceDelivery, "one delivery of a resource to a recipient"),
        _derive(
            "staff", Staff, "one member of the station's staff", orders=(("joined_on", "left_on"),)
        ),
        _derive("files", ServiceFile, "one service file (服务档案) and the items it lacks"),
        _derive(
            "communities",
            Community,
            "one community (社区) the station serves; its population in ``population_`` columns",
            flattened=(flat_columns("population", PopulationStructure, "population_"),),
        ),
        _derive(
            "known_key_groups",
            KnownKeyGroup,
            "how many people of one key group a community's official list knows (台账)",
            key=None,
            parent="community_id",
        ),
        _derive(
            "supervision_sessions",
            SupervisionSession,
            "one supervision session (督导记录); an external supervisor in two columns",
            flattened=(
                Flattened(
                    "external_supervisor",
                    ExternalSupervisor,
                    (
                        ("external_supervisor_name", "name"),
                        ("external_supervisor_organisation", "organisation"),
                    ),
                ),
            ),
        ),
        _derive(
            "supervision_decisions",
            SupervisionDecision,
            "one decision of a supervision session, with its reason",
            key=None,
            parent="session_id",
        ),
        _derive("trainings", Training, "one training (培训) with who was invited and came"),
        _derive(
            "training_scores",
            PrePostScore,
            "one participant's pre- and post-test scores in a training",
            key=None,
            parent="training_id",
        ),
        _derive("approvals", ApprovalRequest, "one request for approval (审批申请)"),
        _derive(
            "approval_steps",
            ApprovalStep,
            "one step of a request's history, in the order they happened",
            key=None,
            parent="request_id",
        ),
        _derive(
            "appraisals",
            AppraisalRecord,
            "one appraisal kept for a period (绩效考核记录); its components in "
            "``appraisal_components``",
            flattened=(flat_columns("period", Period, "period_"),),
        ),
        _derive(
            "appraisal_components",
            ComponentScore,
            "one component's figure and points in a kept appraisal (personal data)",
            key=None,
            parent="appraisal_id",
        ),
        _derive("grade_changes", GradeChange, "a worker reaching a grade of the ladder", key=None),
        _derive(
            "certification_changes",
            CertificationChange,
            "a worker gaining a qualification",
            key=None,
        ),
        _derive(
            "client_consents",
            Consent,
            "one consent a client or one of their guardians gave",
            key=None,
            parent="client_id",
        ),
        _derive(
            "client_guardians",
            Guardian,
            "one guardian of a client (their consents are in ``client_consents``)",
            key=None,
            parent="client_id",
        ),
        _derive("households", Household, "one household (家庭) of a community"),
        _derive(
            "case_assessments",
            Assessment,
            "one assessment of a case; its needs and scores in their own tables",
            key=None,
            parent="case_id",
            place="assessment",
        ),
        _derive(
            "assessment_needs",
            AssessedNeed,
            "one need an assessment found, its evidence in two columns a kind",
            key=None,
            parent="case_id",
            flattened=(flat_columns("evidence", BradshawEvidence, ""),),
        ),
        _derive(
            "assessment_scores",
            Score,
            "one score an assessment recorded",
            key=None,
            parent="case_id",
        ),
        _derive("case_referrals", Referral, "one referral of a case", key=None, parent="case_id"),
        _derive(
            "activity_services",
            ServiceDelivered,
            "one service an activity delivered",
            key=None,
            parent="activity_id",
        ),
        _derive(
            "community_facts",
            ProfileFact,
            "one fact of a community's profile",
            key=None,
            parent="community_id",
        ),
        _derive(
            "local_units",
            LocalUnit,
            "one unit in a community (a school, a firm, a committee)",
            key=None,
            parent="community_id",
        ),
        _derive("funding_sources", FundingSource, "one funding source of the station's budget"),
        _derive("budget_lines", BudgetLine, "one line of the station's budget", key="code"),
        _derive(
            "supervision_roster",
            RosterEntry,
            "one entry of the supervision roster; its recurrence in the columns from "
            "``frequency`` to ``rest_day``, several weekdays or months separated by ``;``",
            orders=(("start", "end"),),
            flattened=(flat_columns("recurrence", Recurrence, ""),),
        ),
    )
}
"""Every contract, by kind."""


KINDS: tuple[str, ...] = tuple(CONTRACTS)
"""The kinds of tables a station keeps, in the order of `CONTRACTS`."""


def contract(kind: str) -> Contract:
    """The column contract of ``kind``, one of `KINDS`.

    Raises:
        UnknownCodeError: ``kind`` is none of `KINDS`.

    Examples:
        >>> contract("staff").column("role").codes
        ('full_time', 'intern', 'supervisor', 'project_lead')
    """
    found = CONTRACTS.get(kind) if isinstance(kind, str) else None
    if found is None:
        raise UnknownCodeError("kind", kind, KINDS)
    return found


def contracts_table() -> list[dict[str, object]]:
    """Every contract's columns as plain rows, the data of the column contracts page.

    Examples:
        >>> contracts_table()[0]
        {'kind': 'clients', 'column': 'id', 'type': 'id', 'required': True, 'codes': ''}
    """
    return [
        {
            "kind": c.kind,
            "column": col.name,
            "type": col.type,
            "required": col.required,
            "codes": ", ".join(col.codes),
        }
        for c in CONTRACTS.values()
        for col in c.columns
    ]


def _one(kind: str) -> str:
    """A kind's one record, as a sentence names it: ``cases`` -> ``case``."""
    return kind[:-3] + "y" if kind.endswith("ies") else kind[:-1]


def _nesting_text(c: Contract) -> str:
    nesting = CHILDREN[c.kind]
    owner = _one(nesting.owner)
    if nesting.within is None or nesting.holder is None:
        return f"; `{c.parent}` names its {owner} (the {owner}'s `{nesting.field}`)"
    holder = _one(nesting.holder)
    text = f"; `{c.parent}` names its {owner} and `{nesting.within}` one of the {owner}'s "
    if nesting.key == "id":
        text += f"`{nesting.holder}` by id (the {holder}'s `{nesting.field}`)"
    else:
        text += (
            f"`{nesting.holder}` by its place, 1 for the first (the {holder}'s `{nesting.field}`)"
        )
    if nesting.own:
        text += f"; a blank `{nesting.within}`: the {owner}'s own `{nesting.field}`"
    return text


def contracts_markdown() -> str:
    """The column contracts page's tables, one section per kind (a test keeps the page in step).

    Examples:
        >>> contracts_markdown().splitlines()[0]
        '## `clients`'
    """
    parts: list[str] = []
    for c in CONTRACTS.values():
        head = f"A row is {c.row}. Record: `{c.record.__name__}`"
        if c.key:
            head += f"; key `{c.key}`"
        if c.parent:
            head += _nesting_text(c)
        head += "."
        if c.place:
            head += f" `{c.place}` is its place in the list, 1 for the first."
        if c.not_in_table:
            head += " Not in the table: " + ", ".join(f"`{n}`" for n in c.not_in_table) + "."
        lines = [f"## `{c.kind}`", "", head, "", "| column | type | required | codes |"]
        lines.append("|---|---|---|---|")
        for col in c.columns:
            required = "yes" if col.required else "no"
            lines.append(f"| `{col.name}` | {col.type} | {required} | {', '.join(col.codes)} |")
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"
