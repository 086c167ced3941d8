"""The case lifecycle (个案管理流程) as an explicit table of allowed moves, checked on import.

A case goes from intake (接案) through assessment, planning, intervention
and review to closure (结案); the table `CASE_MOVES` lists every
allowed move and the guard it must pass. `check_lifecycle` checks the
table when this module loads: one initial state, every state reachable, and
nothing leaves the closed state except a reopen with a reason.

A crisis (危机) overrides the normal flow: it can be raised from any open
status (`raise_crisis`), and until it is resolved (`resolve_crisis`)
or referred (`refer_crisis`) the case makes no other move.

Examples:
    >>> from datetime import date
    >>> from socialwork.models import Case, CaseStatus
    >>> case = Case(id="k1", client_id="p1", worker_id="s1", opened_on=date(2025, 6, 2))
    >>> case = transition(case, CaseStatus.ASSESSMENT, on=date(2025, 6, 3))
    >>> case.status.label(), len(case.history)
    ('需求评估', 1)
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from attrs import frozen

from socialwork._arguments import (
    require_day,
    require_instance,
    require_instances,
    require_member,
    require_text,
)
from socialwork.errors import ArgumentError, InvalidTransition, MalformedLifecycle
from socialwork.labels import LabelledEnum
from socialwork.models import Case, CaseStatus, Closure, Referral, StatusChange
from socialwork.records import replace

__all__ = [
    "CaseGuard",
    "CaseMove",
    "allowed_moves",
    "raise_crisis",
    "refer_crisis",
    "resolve_crisis",
    "transition",
]


class CaseGuard(LabelledEnum):
    """A condition a case move must meet; its code is the ``guard`` of `InvalidTransition`.

    Examples:
        >>> CaseGuard.GOAL_REQUIRED.label("en")
        'Intervention needs at least one goal'
    """

    MOVE_NOT_ALLOWED = (
        "move_not_allowed",
        "流程不允许此变更",
        "The lifecycle has no such move",
        "流程不允許此變更",
    )
    ASSESSMENT_REQUIRED = (
        "assessment_required",
        "制定服务计划前须先完成需求评估",
        "Planning needs an assessment",
        "制定服務計劃前須先完成需求評估",
    )
    GOAL_REQUIRED = (
        "goal_required",
        "介入前须至少有一个目标",
        "Intervention needs at least one goal",
        "介入前須至少有一個目標",
    )
    CLOSURE_REQUIRED = (
        "closure_required",
        "结案须记录结案结果",
        "Closing needs a closure with its outcome",
        "結案須記錄結案結果",
    )
    CLOSURE_NOT_EXPECTED = (
        "closure_not_expected",
        "只有结案时才提供结案记录",
        "A closure is only given when closing",
        "只有結案時才提供結案記錄",
    )
    CLOSURE_DATE_MISMATCH = (
        "closure_date_mismatch",
        "结案日期须与变更日期一致",
        "The closure's date must be the move's date",
        "結案日期須與變更日期一致",
    )
    REFERRAL_DATE_MISMATCH = (
        "referral_date_mismatch",
        "转介日期须与变更日期一致",
        "The referral's date must be the move's date",
        "轉介日期須與變更日期一致",
    )
    REASON_REQUIRED = "reason_required", "须说明原因", "A reason is required", "須說明原因"
    DATE_ORDER = (
        "date_order",
        "变更日期不得早于开案日期或上一条记录",
        "The move must not be dated before the case opened or its last entry",
        "變更日期不得早於開案日期或上一條記錄",
    )
    CRISIS_OPEN = (
        "crisis_open",
        "危机尚未化解或转介",
        "A crisis is open: resolve or refer it first",
        "危機尚未化解或轉介",
    )
    NO_CRISIS = "no_crisis", "个案目前没有危机", "The case is not in crisis", "個案目前沒有危機"
    CASE_CLOSED = "case_closed", "个案已结案", "The case is closed", "個案已結案"


@frozen
class CaseMove:
    """One allowed move of the case lifecycle, with the guard it must pass (if any).

    Examples:
        >>> move = CaseMove(CaseStatus.PLANNING, CaseStatus.INTERVENTION, CaseGuard.GOAL_REQUIRED)
        >>> move.guard.value if move.guard else None
        'goal_required'
    """

    source: CaseStatus
    target: CaseStatus
    guard: CaseGuard | None = None


def _checked(move: CaseMove) -> CaseMove:
    """Return ``move`` with its statuses and guard as members, whether given as members or codes."""
    guard = None if move.guard is None else require_member(CaseGuard, move.guard, "guard")
    return CaseMove(
        require_member(CaseStatus, move.source, "source"),
        require_member(CaseStatus, move.target, "target"),
        guard,
    )


_S = CaseStatus
CASE_MOVES: tuple[CaseMove, ...] = (
    CaseMove(_S.INTAKE, _S.ASSESSMENT),
    CaseMove(_S.INTAKE, _S.CLOSED, CaseGuard.CLOSURE_REQUIRED),
    CaseMove(_S.ASSESSMENT, _S.PLANNING, CaseGuard.ASSESSMENT_REQUIRED),
    CaseMove(_S.ASSESSMENT, _S.CLOSED, CaseGuard.CLOSURE_REQUIRED),
    CaseMove(_S.PLANNING, _S.INTERVENTION, CaseGuard.GOAL_REQUIRED),
    CaseMove(_S.PLANNING, _S.ASSESSMENT),
    CaseMove(_S.PLANNING, _S.CLOSED, CaseGuard.CLOSURE_REQUIRED),
    CaseMove(_S.INTERVENTION, _S.REVIEW),
    CaseMove(_S.INTERVENTION, _S.CLOSED, CaseGuard.CLOSURE_REQUIRED),
    CaseMove(_S.REVIEW, _S.INTERVENTION),
    CaseMove(_S.REVIEW, _S.PLANNING),
    CaseMove(_S.REVIEW, _S.ASSESSMENT),
    CaseMove(_S.REVIEW, _S.CLOSED, CaseGuard.CLOSURE_REQUIRED),
    CaseMove(_S.CLOSED, _S.ASSESSMENT, CaseGuard.REASON_REQUIRED),
)
"""Every allowed move between case statuses; a reopened case is assessed again."""


def check_lifecycle(
    moves: Iterable[CaseMove],
    states: Iterable[CaseStatus | str] = CaseStatus,
    final: CaseStatus | str = CaseStatus.CLOSED,
) -> CaseStatus:
    """Check that ``moves`` form a well-formed lifecycle over ``states``; return its initial state.

    The table must have exactly one state that no move enters (the initial
    state), list each move once, reach every state from the initial one, and
    leave ``final`` only by moves guarded by a reason (a reopen).

    Raises:
        MalformedLifecycle: the table breaks one of these rules.
        UnknownCodeError: a state or ``final`` is a code of no case status.

    Examples:
        >>> check_lifecycle(CASE_MOVES).value
        'intake'
        >>> try:
        ...     check_lifecycle(m for m in CASE_MOVES if m.target is not CaseStatus.REVIEW)
        ... except MalformedLifecycle as err:
        ...     print(err.problem, err.states)
        more than one initial state ('intake', 'review')
    """
    table = tuple(_checked(move) for move in require_instances(CaseMove, moves, "moves"))
    all_states = tuple(
        require_member(CaseStatus, state, "states")
        for state in require_instances(str, states, "states")
    )
    final = require_member(CaseStatus, final, "final")
    pairs = [(m.source, m.target) for m in table]
    repeated = sorted({f"{a.value}->{b.value}" for a, b in pairs if pairs.count((a, b)) > 1})
    if repeated:
        raise MalformedLifecycle("moves listed twice", repeated)
    entered = {m.target for m in table}
    initial = [s for s in all_states if s not in entered]
    if len(initial) != 1:
        problem = "no initial state" if not initial else "more than one initial state"
        raise MalformedLifecycle(problem, [s.value for s in initial])
    reached = {initial[0]}
    frontier = [initial[0]]
    while frontier:
        here = frontier.pop()
        for move in table:
            if move.source is here and move.target not in reached:
                reached.add(move.target)
                frontier.append(move.target)
    unreachable = [s.value for s in all_states if s not in reached]
    if unreachable:
        raise MalformedLifecycle("unreachable states", unreachable)
    exits = [
        f"{m.source.value}->{m.target.value}"
        for m in table
        if m.source is final and m.guard is not CaseGuard.REASON_REQUIRED
    ]
    if exits:
        raise MalformedLifecycle(f"{final.value} left without a reopen reason", exits)
    return initial[0]


check_lifecycle(CASE_MOVES)


def allowed_moves(status: CaseStatus | str) -> tuple[CaseMove, ...]:
    """Return the moves of `CASE_MOVES` that start at ``status`` (a `CaseStatus` or its code).

    Raises:
        UnknownCodeError: ``status`` is a code of no case status.

    Examples:
        >>> [m.target.value for m in allowed_moves(CaseStatus.INTAKE)]
        ['assessment', 'closed']
        >>> [m.guard.value for m in allowed_moves("closed") if m.guard]
        ['reason_required']
    """
    source = require_member(CaseStatus, status, "status")
    return tuple(m for m in CASE_MOVES if m.source is source)


def _refuse(case: Case, to: CaseStatus, guard: CaseGuard) -> InvalidTransition:
    return InvalidTransition(case.status.value, to.value, guard.value)


def _check_date(case: Case, to: CaseStatus, on: date) -> None:
    last = case.history[-1].on if case.history else case.opened_on
    if on < last:
        raise _refuse(case, to, CaseGuard.DATE_ORDER)


def _guard_failed(case: Case, move: CaseMove, reason: str | None, closure: Closure | None) -> bool:
    if move.guard is CaseGuard.ASSESSMENT_REQUIRED:
        return not case.assessments
    if move.guard is CaseGuard.GOAL_REQUIRED:
        return not case.goals
    if move.guard is CaseGuard.CLOSURE_REQUIRED:
        return closure is None
    if move.guard is CaseGuard.REASON_REQUIRED:
        return reason is None or not reason.strip()
    return False


def transition(
    case: Case,
    to: CaseStatus | str,
    *,
    on: date,
    reason: str | None = None,
    closure: Closure | None = None,
) -> Case:
    """Move ``case`` to status ``to`` on ``on``; return the new case with one more history entry.

    ``to`` is a `CaseStatus` or its code. Closing takes the case's
    ``closure`` (dated ``on``); reopening a closed case needs a ``reason``
    and drops the closure, which the history keeps the trace of. A
    ``reason`` given for any other move is kept in the history too.

    Raises:
        InvalidTransition: the move is not in `CASE_MOVES`, its guard
            fails, a crisis is open, a closure is given for another move, or
            ``on`` is before the case opened or its last history entry. The
            error's ``guard`` is a `CaseGuard` code.
        UnknownCodeError: ``to`` is a code of no case status.
        ArgumentError: ``on`` is a ``datetime`` or outside 1900–2199, or
            ``reason`` is blank.

    Examples:
        >>> from datetime import date
        >>> from socialwork.models import Case, CaseStatus
        >>> case = Case(id="k1", client_id="p1", worker_id="s1", opened_on=date(2025, 6, 2),
        ...             status=CaseStatus.ASSESSMENT)
        >>> try:
        ...     transition(case, CaseStatus.PLANNING, on=date(2025, 6, 9))
        ... except InvalidTransition as err:
        ...     print(err.guard)
        assessment_required
    """
    case = require_instance(Case, case, "case")
    to = require_member(CaseStatus, to, "to")
    on = require_day(on, "on")
    if reason is not None:
        reason = require_text(reason, "reason")
    if closure is not None:
        closure = require_instance(Closure, closure, "closure")
    move = next((m for m in allowed_moves(case.status) if m.target is to), None)
    if move is None:
        raise _refuse(case, to, CaseGuard.MOVE_NOT_ALLOWED)
    if case.crisis:
        raise _refuse(case, to, CaseGuard.CRISIS_OPEN)
    _check_date(case, to, on)
    if move.guard is not None and _guard_failed(case, move, reason, closure):
        raise _refuse(case, to, move.guard)
    if reason is not None and not reason.strip():
        raise ArgumentError("reason", reason, "a text that is not blank, or None")
    if closure is not None and to is not CaseStatus.CLOSED:
        raise _refuse(case, to, CaseGuard.CLOSURE_NOT_EXPECTED)
    if closure is not None and closure.closed_on != on:
        raise _refuse(case, to, CaseGuard.CLOSURE_DATE_MISMATCH)
    change = StatusChange(on=on, from_status=case.status, to_status=to, reason=reason)
    return replace(case, status=to, closure=closure, history=(*case.history, change))


def _mark_crisis(
    case: Case,
    on: date,
    reason: str,
    crisis: bool,
    referral_id: str | None = None,
    **changes: object,
) -> Case:
    change = StatusChange(
        on=on,
        from_status=case.status,
        to_status=case.status,
        crisis=crisis,
        reason=reason,
        referral_id=referral_id,
    )
    return replace(case, crisis=crisis, history=(*case.history, change), **changes)


def _check_crisis_move(case: Case, on: date, reason: str, in_crisis: bool) -> None:
    require_instance(Case, case, "case")
    require_day(on, "on")
    require_text(reason, "reason")
    if not case.is_open:
        raise _refuse(case, case.status, CaseGuard.CASE_CLOSED)
    if case.crisis is not in_crisis:
        guard = CaseGuard.CRISIS_OPEN if case.crisis else CaseGuard.NO_CRISIS
        raise _refuse(case, case.status, guard)
    if not reason.strip():
        raise _refuse(case, case.status, CaseGuard.REASON_REQUIRED)
    _check_date(case, case.status, on)


def raise_crisis(case: Case, *, on: date, reason: str) -> Case:
    """Flag an open case as in crisis (危机), such as a risk of harm to self or others.

    The status stays; the history records the crisis with its reason.

    Raises:
        InvalidTransition: the case is closed, already in crisis, the reason
            is blank, or ``on`` is before the last history entry.
        ArgumentError: ``on`` is a ``datetime`` or outside 1900–2199.

    Examples:
        >>> from datetime import date
        >>> from socialwork.models import Case, CaseStatus
        >>> case = Case(id="k1", client_id="p1", worker_id="s1", opened_on=date(2025, 6, 2),
        ...             status=CaseStatus.INTERVENTION)
        >>> case = raise_crisis(case, on=date(2025, 7, 1), reason="有自伤念头")
        >>> case.crisis, case.history[-1].crisis, case.status.value
        (True, True, 'intervention')
    """
    _check_crisis_move(case, on, reason, in_crisis=False)
    return _mark_crisis(case, on, reason, True)


def resolve_crisis(case: Case, *, on: date, reason: str) -> Case:
    """Record that the case's crisis was resolved (危机已化解) on ``on``.

    Raises:
        InvalidTransition: the case is closed or not in crisis, the reason is
            blank, or ``on`` is before the last history entry.
        ArgumentError: ``on`` is a ``datetime`` or outside 1900–2199.

    Examples:
        >>> from datetime import date
        >>> from socialwork.models import Case, CaseStatus
        >>> case = Case(id="k1", client_id="p1", worker_id="s1", opened_on=date(2025, 6, 2),
        ...             status=CaseStatus.INTERVENTION, crisis=True)
        >>> resolve_crisis(case, on=date(2025, 7, 3), reason="安全计划已落实").crisis
        False
    """
    _check_crisis_move(case, on, reason, in_crisis=True)
    return _mark_crisis(case, on, reason, False)


def refer_crisis(case: Case, *, on: date, referral: Referral) -> Case:
    """Record that the case's crisis was referred (转介) on ``on``, adding the referral.

    The history entry names the referral (``referral_id``) and its reason
    names the organisation referred to, and the crisis exception's reason
    (保密例外) when the referral goes out under it, so the disclosure is on
    the case's record; the referral is dated ``on``. This records the move:
    whether the client's consent allows the referral is checked by
    `socialwork.privacy.refer`.

    Raises:
        InvalidTransition: the case is closed or not in crisis, ``on`` is
            before the last history entry, or the referral is dated another
            day (``referral_date_mismatch``).
        ArgumentError: ``on`` is a ``datetime`` or outside 1900–2199.

    Examples:
        >>> from datetime import date
        >>> from socialwork.models import Case, CaseStatus, Referral
        >>> case = Case(id="k1", client_id="p1", worker_id="s1", opened_on=date(2025, 6, 2),
        ...             status=CaseStatus.INTERVENTION, crisis=True)
        >>> referral = Referral(id="r1", to_organisation="区精神卫生中心", reason="危机干预",
        ...                     referred_on=date(2025, 7, 2), consent_id="k2")
        >>> case = refer_crisis(case, on=date(2025, 7, 2), referral=referral)
        >>> case.crisis, case.history[-1].reason, case.history[-1].referral_id
        (False, '转介至区精神卫生中心', 'r1')
        >>> urgent = Referral(id="r2", to_organisation="派出所", reason="人身安全",
        ...                   referred_on=date(2025, 7, 9),
        ...                   confidentiality_exception="有伤害他人风险")
        >>> case = raise_crisis(case, on=date(2025, 7, 8), reason="扬言伤人")
        >>> refer_crisis(case, on=date(2025, 7, 9), referral=urgent).history[-1].reason
        '转介至派出所(保密例外:有伤害他人风险)'
    """
    referral = require_instance(Referral, referral, "referral")
    reason = f"转介至{referral.to_organisation}"
    if referral.confidentiality_exception is not None:
        reason += f"(保密例外:{referral.confidentiality_exception})"
    _check_crisis_move(case, on, reason, in_crisis=True)
    if referral.referred_on != on:
        raise _refuse(case, case.status, CaseGuard.REFERRAL_DATE_MISMATCH)
    return _mark_crisis(case, on, reason, False, referral.id, referrals=(*case.referrals, referral))
