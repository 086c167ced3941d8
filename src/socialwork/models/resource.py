"""Resources (资源): the directory record, deliveries, funding and budget lines."""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Annotated, ClassVar, Self

from pydantic import Strict, model_validator

from socialwork.labels import LabelledEnum
from socialwork.records import (
    BLANK,
    FILLED,
    Day,
    Id,
    Money,
    NotWhile,
    Record,
    Rule,
    Text,
    break_rule,
    check_rules,
    check_unique,
    personal,
)

__all__ = [
    "Availability",
    "Budget",
    "BudgetLine",
    "FundingSource",
    "Resource",
    "ResourceDelivery",
    "ResourceKind",
    "ResourceSource",
]


class ResourceKind(LabelledEnum):
    """Kinds of resource (资源类型)."""

    HUMAN = "human", "人力资源", "Human", "人力資源"
    MATERIAL = "material", "物力资源", "Material", "物力資源"
    FINANCIAL = "financial", "财力资源", "Financial", "財力資源"


class ResourceSource(LabelledEnum):
    """Where a resource or a fund comes from (资源来源)."""

    GOVERNMENT_PURCHASE = (
        "government_purchase",
        "政府购买服务",
        "Government purchase of services",
        "政府購買服務",
    )
    ENTERPRISE = "enterprise", "企业", "Enterprise", "企業"
    FOUNDATION = "foundation", "基金会", "Foundation", "基金會"
    SOCIAL_ORGANISATION = "social_organisation", "社会组织", "Social organisation", "社會組織"
    DONATION = "donation", "社会捐赠", "Donation", "社會捐贈"
    COMMUNITY_SELF_RAISED = "community_self_raised", "社区自筹", "Community self-raised", "社區自籌"
    PAID_SERVICE = "paid_service", "有偿服务", "Paid service", "有償服務"


class Availability(LabelledEnum):
    """Whether a resource exists and can be used (资源状况)."""

    USABLE = "usable", "现有可用", "Exists and usable", "現有可用"
    UNUSABLE = "unusable", "现有不可用", "Exists but unusable", "現有不可用"
    DEVELOPABLE = "developable", "没有但可开发", "Absent but developable", "沒有但可開發"
    NOT_DEVELOPABLE = (
        "not_developable",
        "没有且不可开发",
        "Absent and not developable",
        "沒有且不可開發",
    )


class Resource(Record):
    """A resource directory record (资源手册条目).

    A resource that charges needs a fee standard, and one that does not
    charge may not have one.

    Examples:
        >>> from decimal import Decimal
        >>> r = Resource(id="r1", name="爱心超市捐赠物资", kind=ResourceKind.MATERIAL,
        ...              source=ResourceSource.ENTERPRISE, provider="爱心超市",
        ...              items_offered=("食品", "日用品"), value_cny=Decimal("5000"),
        ...              availability=Availability.USABLE)
        >>> r.value_cny, r.availability.label()
        (Decimal('5000.00'), '现有可用')
    """

    id: Id
    name: Text
    kind: ResourceKind
    source: ResourceSource
    provider: Text
    availability: Availability
    items_offered: tuple[Text, ...] = ()
    address: Text | None = None
    phone: Text | None = None
    fax: Text | None = None
    website: Text | None = None
    email: Text | None = None
    person_in_charge: Text | None = personal(default=None)
    contact: Text | None = personal(default=None)
    conditions: Text | None = None
    charges: Annotated[bool, Strict()] = False
    fee_standard: Text | None = None
    value_cny: Money | None = None

    declared_rules: ClassVar[tuple[Rule, ...]] = (
        NotWhile("fee_standard", BLANK, "charges", True, "fee_standard_missing"),
        NotWhile("fee_standard", FILLED, "charges", True, "fee_standard_without_charge", True),
    )
    """A resource that charges has a fee standard, and only such a resource has one."""

    python_rule_fields: ClassVar[frozenset[str] | None] = frozenset()
    """None: every rule of a resource is declared."""

    @model_validator(mode="after")
    def _fee_matches_charging(self) -> Self:
        check_rules(self, self.declared_rules)
        return self


class ResourceDelivery(Record):
    """A delivery of a resource to a recipient, and whether it met the real need.

    ``matched_need`` is ``None`` until someone checks it against the need.

    Examples:
        >>> from datetime import date
        >>> d = ResourceDelivery(id="d1", resource_id="r1", recipient_id="h1",
        ...                      delivered_on=date(2025, 6, 20), items=("米", "油"),
        ...                      matched_need=False)
        >>> d.matched_need
        False
    """

    id: Id
    resource_id: Id
    recipient_id: Id
    delivered_on: Day
    items: tuple[Text, ...] = ()
    need_id: Id | None = None
    matched_need: Annotated[bool, Strict()] | None = None
    value_cny: Money | None = None


class FundingSource(Record):
    """Money available to the station from one source (资金来源).

    Examples:
        >>> from decimal import Decimal
        >>> FundingSource(id="f1", name="街道购买服务", source=ResourceSource.GOVERNMENT_PURCHASE,
        ...               amount_cny=Decimal("300000")).amount_cny
        Decimal('300000.00')
    """

    id: Id
    name: Text
    source: ResourceSource
    amount_cny: Money


class BudgetLine(Record):
    """One line of a budget (预算科目), paid from one funding source.

    Examples:
        >>> from decimal import Decimal
        >>> BudgetLine(code="B1", description="备用金", amount_cny=Decimal("5000"),
        ...            funding_source_id="f1").amount_cny
        Decimal('5000.00')
    """

    code: Id
    description: Text
    amount_cny: Money
    funding_source_id: Id


class Budget(Record):
    """A budget: funding sources and the lines they pay for.

    Every line must name a listed source, and the lines of a source may not
    add up to more than the source provides.

    Examples:
        >>> from decimal import Decimal
        >>> b = Budget(
        ...     funding_sources=(FundingSource(id="f1", name="项目经费",
        ...                                    source=ResourceSource.FOUNDATION,
        ...                                    amount_cny=Decimal("10000")),),
        ...     lines=(BudgetLine(code="B1", description="活动物资", amount_cny=Decimal("6000"),
        ...                       funding_source_id="f1"),))
        >>> b.total_cny, b.unallocated_cny
        (Decimal('6000.00'), Decimal('4000.00'))
    """

    funding_sources: tuple[FundingSource, ...]
    lines: tuple[BudgetLine, ...] = ()

    @property
    def total_cny(self) -> Decimal:
        """Sum of all budget lines."""
        return sum((line.amount_cny for line in self.lines), Decimal(0))

    @property
    def unallocated_cny(self) -> Decimal:
        """Funding not yet assigned to a line."""
        return sum((s.amount_cny for s in self.funding_sources), Decimal(0)) - self.total_cny

    @model_validator(mode="after")
    def _lines_within_sources(self) -> Self:
        check_unique("Budget", "funding_sources", (s.id for s in self.funding_sources))
        check_unique("Budget", "lines", (line.code for line in self.lines))
        available = {s.id: s.amount_cny for s in self.funding_sources}
        spent: defaultdict[str, Decimal] = defaultdict(Decimal)
        for index, line in enumerate(self.lines):
            if line.funding_source_id not in available:
                break_rule(
                    "Budget",
                    ("lines", index, "funding_source_id"),
                    "unknown_reference",
                    "funding_source_id must name a listed funding source; got {ref}",
                    line.funding_source_id,
                    ref=line.funding_source_id,
                )
            spent[line.funding_source_id] += line.amount_cny
            if spent[line.funding_source_id] > available[line.funding_source_id]:
                break_rule(
                    "Budget",
                    ("lines", index, "amount_cny"),
                    "over_budget",
                    "lines paid from {ref} add up to {value}, more than its {total}",
                    line.amount_cny,
                    ref=line.funding_source_id,
                    value=spent[line.funding_source_id],
                    total=available[line.funding_source_id],
                )
        return self
