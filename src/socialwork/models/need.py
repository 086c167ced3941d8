"""Needs (需求) and their Bradshaw evidence (布莱德肖需求类型)."""

from __future__ import annotations

from typing import ClassVar, Self

from pydantic import model_validator

from socialwork.labels import LabelledEnum
from socialwork.records import (
    FILLED,
    Count,
    Day,
    Id,
    NotBefore,
    NotWhile,
    Record,
    Rule,
    Scale5,
    Text,
    check_rules,
    personal,
)

__all__ = ["BradshawEvidence", "Evidence", "Need", "NeedDomain", "NeedStatus"]


class NeedDomain(LabelledEnum):
    """The area of life a need belongs to (需求领域)."""

    ELDERLY_CARE = "elderly_care", "养老照护", "Elderly care", "養老照護"
    HEALTH = "health", "医疗健康", "Health", "醫療健康"
    YOUTH_GROWTH = "youth_growth", "青少年成长", "Youth growth", "青少年成長"
    CHILD_WELFARE = "child_welfare", "儿童关爱", "Child welfare", "兒童關愛"
    FAMILY_HARMONY = "family_harmony", "家庭和谐", "Family harmony", "家庭和諧"
    EMPLOYMENT = "employment", "就业", "Employment", "就業"
    MENTAL_HEALTH = "mental_health", "心理健康", "Mental health", "心理健康"
    BASIC_LIVING = "basic_living", "基本生活", "Basic living", "基本生活"
    DISABILITY_SUPPORT = "disability_support", "残障支持", "Disability support", "殘障支持"
    COMMUNITY_PARTICIPATION = (
        "community_participation",
        "社区参与",
        "Community participation",
        "社區參與",
    )


class NeedStatus(LabelledEnum):
    """Where a need stands in the needs list → matching → delivery loop."""

    OPEN = "open", "待匹配", "Open", "待匹配"
    MATCHED = "matched", "已匹配", "Matched", "已匹配"
    MET = "met", "已满足", "Met", "已滿足"
    WITHDRAWN = "withdrawn", "已撤回", "Withdrawn", "已撤回"


class Evidence(Record):
    """One piece of evidence for a need, with where it came from.

    Examples:
        >>> Evidence(source="入户访谈", detail="老人说冬天没有棉被").source
        '入户访谈'
    """

    source: Text
    detail: Text


class BradshawEvidence(Record):
    """Evidence for a need by Bradshaw's four types, each independent.

    ``normative`` (规范性): an expert or a standard says it is needed;
    ``felt`` (感觉性): the people concerned feel it;
    ``expressed`` (表达性): they asked for it;
    ``comparative`` (比较性): others in similar situations are served and they
    are not. A missing type is ``None``.

    Examples:
        >>> ev = BradshawEvidence(felt=Evidence(source="访谈", detail="孤独"))
        >>> ev.present()
        (False, True, False, False)
    """

    normative: Evidence | None = None
    felt: Evidence | None = None
    expressed: Evidence | None = None
    comparative: Evidence | None = None

    def present(self) -> tuple[bool, bool, bool, bool]:
        """Which types have evidence, in normative–felt–expressed–comparative order."""
        return (
            self.normative is not None,
            self.felt is not None,
            self.expressed is not None,
            self.comparative is not None,
        )


class Need(Record):
    """A need raised in a community (需求), e.g. a micro-wish (微心愿).

    ``severity`` and ``urgency`` (1–5) and ``people_affected`` are ``None``
    until someone assesses them.

    Examples:
        >>> from datetime import date
        >>> n = Need(id="w1", community_id="c1", domain=NeedDomain.ELDERLY_CARE,
        ...          description="老人理发", raised_on=date(2025, 6, 14), raised_by="张奶奶",
        ...          evidence=BradshawEvidence(expressed=Evidence(source="微心愿墙",
        ...                                                       detail="写下心愿")))
        >>> n.status.label(), n.evidence.present()
        ('待匹配', (False, False, True, False))
    """

    id: Id
    community_id: Id
    domain: NeedDomain
    description: Text
    raised_on: Day
    raised_by: Text = personal()
    evidence: BradshawEvidence = BradshawEvidence()
    status: NeedStatus = NeedStatus.OPEN
    client_id: Id | None = None
    severity: Scale5 | None = None
    urgency: Scale5 | None = None
    people_affected: Count | None = None
    resolved_on: Day | None = None

    declared_rules: ClassVar[tuple[Rule, ...]] = (
        NotWhile(
            "resolved_on",
            FILLED,
            "status",
            frozenset({NeedStatus.MET, NeedStatus.WITHDRAWN}),
            "resolved_while_open",
            other_not=True,
        ),
        NotBefore("resolved_on", "raised_on", "end_before_start"),
    )
    """A resolution date only for a need met or withdrawn, and not before it was raised."""

    python_rule_fields: ClassVar[frozenset[str] | None] = frozenset()
    """None: every rule of a need is declared."""

    @model_validator(mode="after")
    def _resolution_consistent(self) -> Self:
        check_rules(self, self.declared_rules)
        return self
