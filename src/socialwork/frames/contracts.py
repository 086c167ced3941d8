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

from socialwork.errors import UnknownCodeError
from socialwork.labels import LabelledEnum
from socialwork.models import (
    Activity,
    Case,
    CertificationChange,
    Client,
    Closure,
    Community,
    Goal,
    GradeChange,
    Group,
    GroupMember,
    GroupSession,
    KnownKeyGroup,
    Need,
    Resource,
    ResourceDelivery,
    SatisfactionSurvey,
    ServiceFile,
    ServiceHours,
    Staff,
    StatusChange,
    Visit,
    Volunteer,
)
from socialwork.records import Record
from socialwork.team import (
    ApprovalRequest,
    ApprovalStep,
    ExternalSupervisor,
    PrePostScore,
    SupervisionDecision,
    SupervisionSession,
    Training,
)

__all__ = [
    "KINDS",
    "Column",
    "Contract",
    "Flattened",
    "contract",
]

SEPARATOR = ";"
"""How a column of several codes or texts separates them."""


@frozen
class Column:
    """One column of a table: its name, type, whether required, and its codes.

    ``type`` is one of ``id``, ``text``, ``date``, ``count``, ``scale5``,
    ``decimal``, ``number``, ``bool``, ``code``, ``codes`` (several codes
    separated by ``;``), ``texts`` (several texts separated by ``;``).

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

    A case's closure is two columns of the cases table, ``closed_on`` and
    ``closure_outcome``; the record is there when any of its columns is
    filled.

    Examples:
        >>> (closure,) = contract("cases").flattened
        >>> closure.field, closure.columns
        ('closure', (('closed_on', 'closed_on'), ('closure_outcome', 'outcome')))
    """

    field: str
    record: type[Record]
    columns: tuple[tuple[str, str], ...]

    def column_of(self, name: str) -> str | None:
        """The table column that holds the nested record's field ``name``."""
        return next((column for column, field in self.columns if field == name), None)


@frozen
class Contract:
    """The columns of one kind of table, what a row is, and the rules between columns.

    Examples:
        >>> c = contract("needs")
        >>> c.row, c.key, c.orders
        ('one need raised by residents', 'id', (('raised_on', 'resolved_on'),))
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
        item, _, _ = _unwrap(typing.get_args(base)[0])
        if isinstance(item, type) and issubclass(item, LabelledEnum):
            return Column(name, "codes", required, tuple(m.value for m in item), item)
        if item is str:
            return Column(name, "texts", required)
        return None
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
) -> Contract:
    columns: list[Column] = []
    if parent is not None:
        columns.append(Column(parent, "id", True))
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
            nested = flat.record.model_fields[inner]
            column = _column(name, nested.annotation, False, list(nested.metadata))
            if column is None:  # pragma: no cover - a contract written wrong fails at import
                raise RuntimeError(f"{kind}: {flat.field}.{inner} cannot be a column")
            columns.append(column)
    return Contract(
        kind, record, row, tuple(columns), key, parent, orders, tuple(skipped), flattened
    )


CONTRACTS: dict[str, Contract] = {
    c.kind: c
    for c in (
        _derive("clients", Client, "one client (服务对象) of the station"),
        _derive(
            "cases",
            Case,
            "one case (个案); a closed case's closure in two columns",
            orders=(("opened_on", "closed_on"),),
            flattened=(
                Flattened(
                    "closure",
                    Closure,
                    (("closed_on", "closed_on"), ("closure_outcome", "outcome")),
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
        _derive("activities", Activity, "one community activity (社区活动)"),
        _derive("surveys", SatisfactionSurvey, "one satisfaction survey"),
        _derive("volunteers", Volunteer, "one volunteer (志愿者)"),
        _derive("service_hours", ServiceHours, "one day's service of one volunteer", key=None),
        _derive(
            "needs", Need, "one need raised by residents", orders=(("raised_on", "resolved_on"),)
        ),
        _derive("resources", Resource, "one resource (资源) the station can call on"),
        _derive("deliveries", ResourceDelivery, "one delivery of a resource to a recipient"),
        _derive(
            "staff", Staff, "one member of the station's staff", orders=(("joined_on", "left_on"),)
        ),
        _derive("files", ServiceFile, "one service file (服务档案) and the items it lacks"),
        _derive("communities", Community, "one community (社区) the station serves"),
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
        _derive("grade_changes", GradeChange, "a worker reaching a grade of the ladder", key=None),
        _derive(
            "certification_changes",
            CertificationChange,
            "a worker gaining a qualification",
            key=None,
        ),
    )
}
"""Every contract, by kind."""

CHILDREN: dict[str, tuple[str, str]] = {
    "case_goals": ("cases", "goals"),
    "case_history": ("cases", "history"),
    "group_members": ("groups", "members"),
    "group_sessions": ("groups", "sessions"),
    "known_key_groups": ("communities", "known_key_groups"),
    "supervision_decisions": ("supervision_sessions", "decisions"),
    "training_scores": ("trainings", "scores"),
    "approval_steps": ("approvals", "history"),
}
"""Each child table's parent kind and the parent record's field its rows make up."""

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
            owner, field = CHILDREN[c.kind]
            head += f"; `{c.parent}` names its {owner[:-1]} (the {owner[:-1]}'s `{field}`)"
        head += "."
        if c.not_in_table:
            head += " Not in the table: " + ", ".join(f"`{n}`" for n in c.not_in_table) + "."
        lines = [f"## `{c.kind}`", "", head, "", "| column | type | required | codes |"]
        lines.append("|---|---|---|---|")
        for col in c.columns:
            required = "yes" if col.required else "no"
            lines.append(f"| `{col.name}` | {col.type} | {required} | {', '.join(col.codes)} |")
        parts.append("\n".join(lines))
    return "\n\n".join(parts) + "\n"
