"""Consent, enforced: sharing (信息共享) and publication (宣传发布) as of a day.

A partner agency receives a client's information only under an active
information-sharing consent or under the crisis exception (保密例外) with its
reason; a story, photo or case summary is published only under an active
publication consent. For a child the consent must be a guardian's.
"""

from __future__ import annotations

from datetime import date

from attrs import frozen

from socialwork._arguments import require_day, require_instance
from socialwork.errors import ArgumentError, ConsentRequired
from socialwork.models import (
    Case,
    Client,
    ConsentScope,
    Referral,
    StatusChange,
)
from socialwork.records import active_on, replace

__all__ = [
    "ConsentCheck",
    "check_publication",
    "check_sharing",
    "is_child",
    "refer",
]


@frozen
class ConsentCheck:
    """Why sharing or publishing is allowed: whose consent, or which exception.

    ``basis`` is ``"client_consent"``, ``"guardian_consent"`` or
    ``"crisis_exception"``; ``consent_id`` and ``guardian_id`` name the
    consent used; ``crisis_reason`` keeps the reason of the exception.
    """

    client_id: str
    scope: ConsentScope
    day: date
    basis: str
    consent_id: str | None = None
    guardian_id: str | None = None
    crisis_reason: str | None = None


def is_child(client: Client, *, as_of: date) -> bool:
    """Whether the client is a child whose consent a guardian gives, on ``as_of``.

    A client is a child when listed as a child in difficulty (困境儿童) or a
    left-behind child (留守儿童), or when under `ADULT_AGE` by the birth date
    (``born_on``, or the one in the ID number).

    Examples:
        >>> from datetime import date
        >>> kid = Client(id="p2", name="小明", community_id="c1",
        ...              registered_on=date(2025, 1, 1), born_on=date(2015, 5, 1))
        >>> is_child(kid, as_of=date(2025, 6, 1)), is_child(kid, as_of=date(2033, 5, 1))
        (True, False)

    This is `socialwork.models.Client.is_child`, the rule `StationRecords`
    applies to referrals too.

    Raises:
        ArgumentError: ``as_of`` is a ``datetime`` or outside 1900–2199.
        TypeError: ``client`` is not a `socialwork.models.Client`.
    """
    return require_instance(Client, client, "client").is_child(as_of=as_of)


def _check(client: Client, scope: ConsentScope, day: date) -> ConsentCheck:
    given = [
        (guardian, consent)
        for guardian, consent in client.deciding_consents(as_of=day)
        if consent.scope is scope and consent.given_on <= day
    ]
    for guardian, consent in given:
        if active_on(consent.given_on, consent.withdrawn_on, day):
            if guardian is not None:
                return ConsentCheck(
                    client.id, scope, day, "guardian_consent", consent.id, guardian.id
                )
            return ConsentCheck(client.id, scope, day, "client_consent", consent.id)
    if client.is_child(as_of=day):
        raise ConsentRequired(client.id, scope.value, day, "guardian_consent_needed")
    raise ConsentRequired(client.id, scope.value, day, "withdrawn" if given else "no_consent")


def check_sharing(client: Client, *, on: date, crisis_reason: str | None = None) -> ConsentCheck:
    """Check that the client's information may go to a partner agency on ``on``.

    Allowed under an active information-sharing consent (a guardian's for a
    child), or without one under the crisis exception (保密例外) when
    ``crisis_reason`` states the risk of serious harm.

    Examples:
        >>> from datetime import date
        >>> from socialwork.models import Consent
        >>> wang = Client(id="p1", name="王丽", community_id="c1",
        ...               registered_on=date(2025, 1, 1),
        ...               consents=(Consent(id="k1", scope="information_sharing",
        ...                                 given_on=date(2025, 1, 1),
        ...                                 withdrawn_on=date(2025, 6, 10)),))
        >>> check_sharing(wang, on=date(2025, 6, 9)).consent_id
        'k1'
        >>> check_sharing(wang, on=date(2025, 6, 10))
        Traceback (most recent call last):
        ...
        socialwork.errors.ConsentRequired: client 'p1' has no active 'information_sharing' ...
        >>> check_sharing(wang, on=date(2025, 6, 10), crisis_reason="有自伤风险").basis
        'crisis_exception'

    Raises:
        ConsentRequired: no consent holds and no crisis reason is given.
        ArgumentError: ``on`` is a ``datetime`` or outside 1900–2199, or
            ``crisis_reason`` is blank.
    """
    client = require_instance(Client, client, "client")
    day = require_day(on, "on")
    if crisis_reason is not None:
        if not isinstance(crisis_reason, str):
            raise TypeError(f"crisis_reason must be a str; got {type(crisis_reason).__name__}")
        if not crisis_reason.strip():
            raise ArgumentError(
                "crisis_reason", crisis_reason, "the risk of serious harm, stated in words"
            )
        return ConsentCheck(
            client.id,
            ConsentScope.INFORMATION_SHARING,
            day,
            "crisis_exception",
            crisis_reason=crisis_reason.strip(),
        )
    return _check(client, ConsentScope.INFORMATION_SHARING, day)


def check_publication(client: Client, *, on: date) -> ConsentCheck:
    """Check that a story, photo or case summary of the client may be published on ``on``.

    Publication has no crisis exception: it needs an active publication
    consent, a guardian's for a child.

    Examples:
        >>> from datetime import date
        >>> from socialwork.models import Consent, Guardian
        >>> kid = Client(id="p2", name="小明", community_id="c1",
        ...              registered_on=date(2025, 1, 1),
        ...              categories=("left_behind_children",),
        ...              guardians=(Guardian(id="g1", name="刘芳", relationship="祖母",
        ...                                  consents=(Consent(id="k5", scope="publication",
        ...                                                    given_on=date(2025, 2, 1)),)),))
        >>> check_publication(kid, on=date(2025, 3, 1)).guardian_id
        'g1'

    Raises:
        ConsentRequired: no publication consent holds on ``on``.
        ArgumentError: ``on`` is a ``datetime`` or outside 1900–2199.
    """
    client = require_instance(Client, client, "client")
    return _check(client, ConsentScope.PUBLICATION, require_day(on, "on"))


def _crisis_before(entry: StatusChange) -> bool:
    """The crisis flag in force just before a history entry."""
    flips = entry.from_status is entry.to_status and entry.referral_id is None
    return not entry.crisis if flips else entry.crisis


def _record_exception(case: Case, referral: Referral, reason: str) -> Case:
    """The case with the referral and a history entry keeping the exception's reason.

    The entry goes in date order, after the entries of the same day or
    before; it keeps the status and the crisis flag in force that day.
    """
    day = referral.referred_on
    history = case.history
    at = len(history)
    while at and history[at - 1].on > day:
        at -= 1
    if at == len(history):
        status, crisis = case.status, case.crisis
    elif at:
        status, crisis = history[at - 1].to_status, history[at - 1].crisis
    else:
        status, crisis = history[0].from_status, _crisis_before(history[0])
    entry = StatusChange(
        on=day,
        from_status=status,
        to_status=status,
        crisis=crisis,
        reason=reason,
        referral_id=referral.id,
    )
    return replace(
        case,
        referrals=(*case.referrals, referral),
        history=(*history[:at], entry, *history[at:]),
    )


def refer(case: Case, client: Client, referral: Referral) -> Case:
    """Add a referral to a case after checking the consent on the referral date.

    The referral must name the consent that holds (the client's, or a
    guardian's for a child), or carry the crisis exception's reason in
    ``confidentiality_exception``. A referral under the exception is also
    recorded in the case history: an entry on the referral date that keeps
    the status, names the referral (``referral_id``) and keeps the
    exception's reason, placed in date order even when the referral is
    recorded late. The new case is returned; the old one is unchanged.

    Examples:
        >>> from datetime import date
        >>> case = Case(id="a1", client_id="p1", worker_id="w1", opened_on=date(2025, 5, 1))
        >>> li = Client(id="p1", name="李大爷", community_id="c1",
        ...             registered_on=date(2025, 1, 1))
        >>> urgent = Referral(id="r1", to_organisation="派出所", reason="人身安全",
        ...                   referred_on=date(2025, 6, 9),
        ...                   confidentiality_exception="服务对象有自伤风险")
        >>> referred = refer(case, li, urgent)
        >>> referred.referrals[0].confidentiality_exception
        '服务对象有自伤风险'
        >>> entry = referred.history[-1]
        >>> entry.on, entry.referral_id, entry.reason, entry.to_status.value
        (datetime.date(2025, 6, 9), 'r1', '服务对象有自伤风险', 'intake')
        >>> case.history
        ()

    Raises:
        ConsentRequired: the named consent does not hold (or is not the
            guardian's for a child) and there is no crisis reason.
        ArgumentError: the case is not the client's.
        ValidationError: the referral is dated before the case was opened,
            or its id is already among the case's referrals.
    """
    case = require_instance(Case, case, "case")
    client = require_instance(Client, client, "client")
    referral = require_instance(Referral, referral, "referral")
    if case.client_id != client.id:
        raise ArgumentError("client", client.id, f"the client of case {case.id!r}")
    day = referral.referred_on
    if referral.confidentiality_exception is not None:
        check = check_sharing(client, on=day, crisis_reason=referral.confidentiality_exception)
        return _record_exception(case, referral, check.crisis_reason or "")
    check = check_sharing(client, on=day)
    child = check.basis == "guardian_consent"
    usable = {
        c.id
        for _, c in client.deciding_consents(as_of=day)
        if c.scope is ConsentScope.INFORMATION_SHARING
        and active_on(c.given_on, c.withdrawn_on, day)
    }
    if referral.consent_id not in usable:
        raise ConsentRequired(
            client.id,
            ConsentScope.INFORMATION_SHARING.value,
            day,
            "guardian_consent_needed" if child else "no_consent",
        )
    return replace(case, referrals=(*case.referrals, referral))
