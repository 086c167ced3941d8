"""Merging two records of one client: a plan a person checks, then applies."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from attrs import frozen

from socialwork._arguments import require_distinct, require_instance, require_instances
from socialwork.errors import ArgumentError
from socialwork.models import Case, Client, Consent, Group, GroupMember, Guardian, Visit
from socialwork.records import replace

_Owned = TypeVar("_Owned", Consent, Guardian)

__all__ = ["FieldConflict", "MergePlan", "MergedRecords", "apply_merge", "merge_plan"]

_MERGED_FIELDS = ("name", "born_on", "phone", "address", "id_number", "emergency_contact")


@frozen
class FieldConflict:
    """A field both records fill with different values: a person chooses which is right."""

    field: str
    survivor_value: object
    merged_value: object


@frozen
class MergePlan:
    """What merging ``merged`` into ``survivor`` does, before anything is changed.

    ``filled`` are fields the survivor lacks and takes from the merged record;
    ``conflicts`` need a choice (see `apply_merge`); the ``*_moving`` tuples
    name the consents, guardians, categories, cases, visits and group
    memberships that move to the survivor.
    """

    survivor: Client
    merged: Client
    filled: tuple[str, ...]
    conflicts: tuple[FieldConflict, ...]
    consents_moving: tuple[str, ...]
    guardians_moving: tuple[str, ...]
    categories_moving: tuple[str, ...]
    cases_moving: tuple[str, ...]
    visits_moving: tuple[str, ...]
    groups_moving: tuple[str, ...]
    cases: tuple[Case, ...]
    visits: tuple[Visit, ...]
    groups: tuple[Group, ...]


@frozen
class MergedRecords:
    """The records after a merge: the one client, and the cases, visits and groups given.

    ``retired_id`` is the merged record's id (the survivor's own id when the
    two were versions of one record).
    """

    client: Client
    retired_id: str
    cases: tuple[Case, ...]
    visits: tuple[Visit, ...]
    groups: tuple[Group, ...]


def merge_plan(
    one: Client,
    other: Client,
    *,
    cases: Iterable[Case] = (),
    visits: Iterable[Visit] = (),
    groups: Iterable[Group] = (),
) -> MergePlan:
    """Plan the merge of two records of one client: the earlier-registered one survives.

    The survivor is the record registered first (the smaller id on a tie),
    whichever order the two are given in; for a `DuplicatePair` pass the
    clients its ``first`` and ``second`` ids name.

    Examples:
        >>> from datetime import date
        >>> a = Client(id="p1", name="王丽", community_id="c1", registered_on=date(2025, 1, 1),
        ...            born_on=date(1950, 3, 2), phone="13812345678")
        >>> b = Client(id="p2", name="王莉", community_id="c1", registered_on=date(2025, 2, 1),
        ...            born_on=date(1950, 3, 2), address="幸福路1号")
        >>> plan = merge_plan(b, a)
        >>> plan.survivor.id, plan.filled, [c.field for c in plan.conflicts]
        ('p1', ('address',), ['name'])

    Two versions of one record (the same id, say from two offline devices)
    may be merged too: nothing then moves between ids, and the consents,
    guardians and categories of both are kept.

    Raises:
        TypeError: ``one`` or ``other`` is not a `Client`.
        PlanningInputError: ``duplicate_id`` when two cases, visits or groups share an id.
    """
    one = require_instance(Client, one, "one")
    other = require_instance(Client, other, "other")
    survivor, merged = sorted((one, other), key=lambda c: (c.registered_on, c.id))
    filled: list[str] = []
    conflicts: list[FieldConflict] = []
    for name in _MERGED_FIELDS:
        mine, theirs = getattr(survivor, name), getattr(merged, name)
        if mine is None and theirs is not None:
            filled.append(name)
        elif mine is not None and theirs is not None and mine != theirs:
            conflicts.append(FieldConflict(name, mine, theirs))
    case_list = require_instances(Case, cases, "cases")
    visit_list = require_instances(Visit, visits, "visits")
    group_list = require_instances(Group, groups, "groups")
    for name, records in (("cases", case_list), ("visits", visit_list), ("groups", group_list)):
        require_distinct(name, (r.id for r in records))
    return MergePlan(
        survivor=survivor,
        merged=merged,
        filled=tuple(filled),
        conflicts=tuple(conflicts),
        consents_moving=tuple(c.id for c in merged.consents),
        guardians_moving=tuple(g.id for g in merged.guardians),
        categories_moving=tuple(c.value for c in merged.categories if c not in survivor.categories),
        cases_moving=tuple(c.id for c in case_list if c.client_id == merged.id),
        visits_moving=tuple(v.id for v in visit_list if v.client_id == merged.id),
        groups_moving=tuple(
            g.id for g in group_list if any(m.member_id == merged.id for m in g.members)
        ),
        cases=case_list,
        visits=visit_list,
        groups=group_list,
    )


def _unique_id(wanted: str, taken: set[str], owner: str) -> str:
    if wanted not in taken:
        return wanted
    candidate = f"{owner}~{wanted}"[:64]
    n = 2
    while candidate in taken:
        candidate = f"{owner}~{n}~{wanted}"[:64]
        n += 1
    return candidate


def _kept_all(
    kept: tuple[_Owned, ...], moved: tuple[_Owned, ...], owner: str
) -> tuple[_Owned, ...]:
    """The survivor's entries, then the merged client's others, renamed where an id is taken."""
    taken = {entry.id for entry in kept}
    result = list(kept)
    for entry in moved:
        if entry in result:
            continue
        new_id = _unique_id(entry.id, taken, owner)
        taken.add(new_id)
        result.append(replace(entry, id=new_id))
    return tuple(result)


def _merge_group(group: Group, survivor: str, merged: str) -> Group:
    mine = [m for m in group.members if m.member_id == survivor]
    theirs = [m for m in group.members if m.member_id == merged]
    if not theirs:
        return group
    members = [m for m in group.members if m.member_id not in (survivor, merged)]
    spans = mine + theirs
    joined = min(m.joined_on for m in spans)
    left = (
        None if any(m.left_on is None for m in spans) else max(m.left_on or joined for m in spans)
    )
    members.append(GroupMember(member_id=survivor, joined_on=joined, left_on=left))
    sessions = tuple(
        replace(
            s,
            attended=tuple(dict.fromkeys(survivor if a == merged else a for a in s.attended)),
        )
        for s in group.sessions
    )
    return replace(group, members=tuple(members), sessions=sessions)


def apply_merge(plan: MergePlan, choices: Mapping[str, Any] | None = None) -> MergedRecords:
    """Apply a merge plan: one client, with every consent and history entry kept.

    ``choices`` gives the value to keep for each conflicting field (the
    survivor's or the merged record's). Consents and guardians of the merged
    record are added (an id already used is prefixed with the merged
    client's id); cases and visits move to the survivor with their histories;
    group memberships are joined into one, from the earlier joining day.

    Examples:
        >>> from datetime import date
        >>> from socialwork.models import Consent
        >>> a = Client(id="p1", name="王丽", community_id="c1", registered_on=date(2025, 1, 1),
        ...            born_on=date(1950, 3, 2))
        >>> b = Client(id="p2", name="王莉", community_id="c1", registered_on=date(2025, 2, 1),
        ...            born_on=date(1950, 3, 2),
        ...            consents=(Consent(id="k1", scope="publication", given_on=date(2025, 2, 1)),))
        >>> plan = merge_plan(a, b)
        >>> out = apply_merge(plan, {"name": "王丽"})
        >>> out.client.name, [c.id for c in out.client.consents], out.retired_id
        ('王丽', ['k1'], 'p2')

    Raises:
        ArgumentError: a conflict has no choice, a choice is neither record's
            value, a choice names a field without a conflict, or the plan
            was not made by `merge_plan` from its two records.
        pydantic.ValidationError: the chosen values break a client rule (a
            birth date that disagrees with the ID number).
    """
    plan = require_instance(MergePlan, plan, "plan")
    fresh = merge_plan(plan.survivor, plan.merged)
    if (fresh.survivor, fresh.filled, fresh.conflicts) != (
        plan.survivor,
        plan.filled,
        plan.conflicts,
    ):
        raise ArgumentError("plan", "an edited plan", "a plan made by merge_plan")
    if choices is not None and not isinstance(choices, Mapping):
        raise TypeError(
            f"choices must be a mapping of field to value; got {type(choices).__name__}"
        )
    choices = dict(choices or {})
    conflicts = {c.field: c for c in plan.conflicts}
    for name in choices:
        if name not in conflicts:
            raise ArgumentError("choices", name, f"a conflicting field: {sorted(conflicts)}")
    changes: dict[str, Any] = {name: getattr(plan.merged, name) for name in plan.filled}
    for name, conflict in conflicts.items():
        if name not in choices:
            raise ArgumentError("choices", sorted(conflicts), f"a choice for {name!r}")
        value = choices[name]
        if value != conflict.survivor_value and value != conflict.merged_value:
            raise ArgumentError(
                f"choices[{name!r}]", value, "the survivor's or the merged record's value"
            )
        changes[name] = value
    survivor, merged = plan.survivor, plan.merged
    categories = (
        *survivor.categories,
        *(c for c in merged.categories if c not in survivor.categories),
    )
    youth = (
        *survivor.youth_issues,
        *(y for y in merged.youth_issues if y not in survivor.youth_issues),
    )
    client = replace(
        survivor,
        **changes,
        consents=_kept_all(survivor.consents, merged.consents, merged.id),
        guardians=_kept_all(survivor.guardians, merged.guardians, merged.id),
        categories=categories,
        youth_issues=youth,
    )
    cases = tuple(
        replace(c, client_id=survivor.id) if c.client_id == merged.id else c for c in plan.cases
    )
    visits = tuple(
        replace(v, client_id=survivor.id) if v.client_id == merged.id else v for v in plan.visits
    )
    groups = tuple(
        g if merged.id == survivor.id else _merge_group(g, survivor.id, merged.id)
        for g in plan.groups
    )
    return MergedRecords(client, merged.id, cases, visits, groups)
