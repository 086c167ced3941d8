"""The client (服务对象): key groups, risk, ID number, guardians, emergency contact and consent."""

from __future__ import annotations

import warnings
from datetime import date
from functools import lru_cache
from typing import Annotated, ClassVar, Self

from dateutil.relativedelta import relativedelta
from pydantic import AfterValidator, model_validator
from pydantic_core import PydanticCustomError
from stdnum import exceptions as stdnum_errors
from stdnum.cn import ric

from socialwork._arguments import FIRST_DAY, LAST_DAY, require_day, require_member
from socialwork.errors import UnknownRegionWarning
from socialwork.labels import LabelledEnum
from socialwork.records import (
    Day,
    Id,
    NoRepeat,
    NotAfter,
    NotBefore,
    OnlyWith,
    Record,
    Rule,
    Text,
    active_on,
    break_rule,
    check_rules,
    check_unique,
    mask_id_number,
    mask_personal,
    personal,
)

__all__ = [
    "ADULT_AGE",
    "Client",
    "ClientCategory",
    "Consent",
    "ConsentScope",
    "EmergencyContact",
    "Guardian",
    "ResidentIdNumber",
    "RiskLevel",
    "Sex",
    "YouthIssue",
]

ADULT_AGE = 18
"""The age from which a client consents for themself (完全民事行为能力, 18 years)."""


class ClientCategory(LabelledEnum):
    """Key groups (重点人群) a client belongs to."""

    LIVING_ALONE_ELDERLY = "living_alone_elderly", "独居老人", "Living-alone elderly", "獨居老人"
    EMPTY_NEST_ELDERLY = "empty_nest_elderly", "空巢老人", "Empty-nest elderly", "空巢老人"
    ADVANCED_AGE = "advanced_age", "高龄老人", "Advanced age (80+)", "高齡老人"
    DISABLED_ELDERLY = (
        "disabled_elderly",
        "失能/半失能老人",
        "Disabled or semi-disabled elderly",
        "失能/半失能老人",
    )
    CHRONIC_ILLNESS = "chronic_illness", "慢性病患者", "Chronic illness", "慢性病患者"
    CHILDREN_IN_DIFFICULTY = (
        "children_in_difficulty",
        "困境儿童",
        "Children in difficulty",
        "困境兒童",
    )
    LEFT_BEHIND_CHILDREN = "left_behind_children", "留守儿童", "Left-behind children", "留守兒童"
    PERSONS_WITH_DISABILITIES = (
        "persons_with_disabilities",
        "残疾人",
        "Persons with disabilities",
        "殘疾人",
    )
    MINIMUM_LIVELIHOOD = (
        "minimum_livelihood",
        "低保对象",
        "Minimum-livelihood guarantee",
        "低保對象",
    )
    LOW_INCOME = "low_income", "低收入家庭", "Low income", "低收入家庭"
    FLOATING_POPULATION = (
        "floating_population",
        "流动人口/新居民",
        "Floating population",
        "流動人口/新居民",
    )
    YOUTH = "youth", "青少年", "Youth", "青少年"


class YouthIssue(LabelledEnum):
    """Problem types of youth clients (青少年问题类型)."""

    ACADEMIC_DIFFICULTY = "academic_difficulty", "学业困难", "Academic difficulty", "學業困難"
    INTERPERSONAL = "interpersonal", "人际障碍", "Interpersonal difficulty", "人際障礙"
    EMOTIONAL = "emotional", "情绪困扰", "Emotional distress", "情緒困擾"
    FAMILY_TENSION = "family_tension", "家庭关系紧张", "Family tension", "家庭關係緊張"
    CAREER_CONFUSION = "career_confusion", "生涯困惑", "Career confusion", "生涯困惑"


class Sex(LabelledEnum):
    """Sex (性别), as a resident ID number encodes it: its 17th digit is odd for a man.

    Examples:
        >>> Sex.FEMALE.label(), Sex.FEMALE.label("en")
        ('女', 'Female')
    """

    MALE = "male", "男", "Male", "男"
    FEMALE = "female", "女", "Female", "女"


ID_NUMBER_WEIGHTS: tuple[int, ...] = tuple(2 ** (17 - place) % 11 for place in range(17))
"""GB 11643's weight of each of a resident ID number's first 17 digits: 2^(17-i) mod 11."""

ID_NUMBER_CHECKS = "10X98765432"
"""GB 11643's check character (the 18th) for each weighted sum of the first 17 digits, mod 11."""

ID_NUMBER_BIRTH = 6
"""Where a resident ID number's birth date ``YYYYMMDD`` starts (characters 7 to 14)."""

ID_NUMBER_SEX = 16
"""Where a resident ID number's sex digit is (the 17th): odd for a man."""


def id_number_check(number: str) -> str:
    """The GB 11643 check character of an ID number's first 17 digits.

    The weighted sum of the digits (`ID_NUMBER_WEIGHTS`) mod 11 names it in
    `ID_NUMBER_CHECKS`; `socialwork.frames.validate_frame` computes it in a
    table's engine from the same two constants.

    Examples:
        >>> id_number_check("11010519491231002"), id_number_check("11010520150501001")
        ('X', '4')
    """
    total = sum(
        int(digit) * weight for digit, weight in zip(number[:17], ID_NUMBER_WEIGHTS, strict=True)
    )
    return ID_NUMBER_CHECKS[total % 11]


def id_number_birth(number: str) -> str:
    """The birth date an ID number writes (characters 7 to 14), as ISO text ``YYYY-MM-DD``.

    Examples:
        >>> id_number_birth("11010519491231002X")
        '1949-12-31'
    """
    year = number[ID_NUMBER_BIRTH : ID_NUMBER_BIRTH + 4]
    month = number[ID_NUMBER_BIRTH + 4 : ID_NUMBER_BIRTH + 6]
    return f"{year}-{month}-{number[ID_NUMBER_BIRTH + 6 : ID_NUMBER_BIRTH + 8]}"


def _birth_in(number: str) -> date:
    """The birth date of a valid ID number."""
    return date.fromisoformat(id_number_birth(number))


def _sex_in(number: str) -> Sex:
    """The sex a valid ID number encodes (GB 11643: the 17th digit, odd for male)."""
    return Sex.MALE if int(number[ID_NUMBER_SEX]) % 2 else Sex.FEMALE


class RiskLevel(LabelledEnum):
    """How much risk a client faces (风险等级)."""

    LOW = "low", "低风险", "Low", "低風險"
    MEDIUM = "medium", "中风险", "Medium", "中風險"
    HIGH = "high", "高风险", "High", "高風險"


@lru_cache(maxsize=65_536)
def _region_known(start: str) -> bool:
    """Whether python-stdnum's table has the region of an ID number's first 10 characters.

    The region code (6 digits) as it stood in the birth year (the next 4):
    all that ``ric.get_birth_place`` reads, so a register's many numbers of
    one district and year are looked up once.
    """
    try:
        ric.get_birth_place(start + "01010000")
    except stdnum_errors.ValidationError:
        return False
    return True


def warn_unknown_region(number: str) -> None:
    """Warn with `UnknownRegionWarning` when python-stdnum's table lacks a valid number's region.

    Examples:
        >>> warn_unknown_region("11010519491231002X")  # Beijing Dongcheng: known
    """
    if not _region_known(number[:10]):
        warnings.warn(UnknownRegionWarning(number[:6]), stacklevel=3)


def _resident_id_number(value: str) -> str:
    """Check a resident identity card number (居民身份证号码) with python-stdnum's ``cn.ric``.

    The length, the digits, the GB 11643 check digit and the birth date are
    strict; a region code missing from python-stdnum's table (which lags the
    official list) only warns with `UnknownRegionWarning`. 15-digit numbers of
    the first-generation cards, which stopped being valid in 2013, are refused.
    """
    number = "".join(value.split()).upper()
    if len(number) == 15 and number.isdigit():
        raise PydanticCustomError(
            "id_number_legacy",
            "expected an 18-digit resident ID number; got a 15-digit first-generation number, "
            "which is no longer valid: record the 18-digit number of the current card",
            {"length": 15},
        )
    if len(number) != 18:
        raise PydanticCustomError(
            "id_number_length",
            "expected an 18-character resident ID number; got {length} characters",
            {"length": len(number)},
        )
    if not (number[:-1].isdigit() and number[:-1].isascii() and number[-1] in "0123456789X"):
        raise PydanticCustomError(
            "id_number_format",
            "expected 17 digits and a digit or X as the check character",
            {"length": len(number)},
        )
    try:
        born: date | None = _birth_in(number)
    except ValueError:
        born = None
    if born is None or not FIRST_DAY <= born <= LAST_DAY:
        raise PydanticCustomError(
            "id_number_birth_date",
            "characters 7-14 must be a birth date YYYYMMDD from 1900 to 2199; got {masked}, "
            "whose birth date is not one",
            {"masked": mask_id_number(number)},
        )
    if number[-1] != id_number_check(number):
        raise PydanticCustomError(
            "id_number_check_digit",
            "the GB 11643 check character (the 18th) must agree with the first 17 digits; "
            "got {masked}, whose check character is wrong",
            {"masked": mask_id_number(number)},
        )
    warn_unknown_region(number)
    return number


ResidentIdNumber = Annotated[str, AfterValidator(_resident_id_number)]
"""A resident identity card number (居民身份证号码), 18 characters, checked by python-stdnum.

Spaces are removed and a final ``x`` is upper-cased. The rules ``id_number_length``,
``id_number_format``, ``id_number_check_digit``, ``id_number_birth_date`` and
``id_number_legacy`` refuse a number; an unknown region code warns with
`socialwork.errors.UnknownRegionWarning`.
"""


_CHILD_CATEGORIES = frozenset(
    {ClientCategory.CHILDREN_IN_DIFFICULTY, ClientCategory.LEFT_BEHIND_CHILDREN}
)


class ConsentScope(LabelledEnum):
    """What a client consented to (知情同意范围)."""

    SERVICES = "services", "接受服务", "Receiving services", "接受服務"
    INFORMATION_SHARING = "information_sharing", "信息共享", "Information sharing", "信息共享"
    PUBLICATION = "publication", "宣传发布", "Publication", "宣傳發布"


class Consent(Record):
    """Informed consent (知情同意) for one scope, given and maybe withdrawn.

    Examples:
        >>> from datetime import date
        >>> c = Consent(id="k1", scope=ConsentScope.SERVICES, given_on=date(2025, 1, 5),
        ...             withdrawn_on=date(2025, 6, 1))
        >>> c.active_on(date(2025, 3, 1)), c.active_on(date(2025, 6, 1))
        (True, False)
    """

    id: Id
    scope: ConsentScope
    given_on: Day
    withdrawn_on: Day | None = None
    note: Text | None = None

    declared_rules: ClassVar[tuple[Rule, ...]] = (
        NotBefore("withdrawn_on", "given_on", "withdrawn_before_given"),
    )
    """A consent is not withdrawn before it was given."""

    python_rule_fields: ClassVar[frozenset[str] | None] = frozenset()
    """None: every rule of a consent is declared."""

    @model_validator(mode="after")
    def _withdrawn_after_given(self) -> Self:
        check_rules(self, self.declared_rules)
        return self

    def active_on(self, day: date) -> bool:
        """Whether the consent holds on ``day``: given by then and not yet withdrawn.

        Raises:
            ArgumentError: ``day`` is a ``datetime`` or outside 1900–2199.
        """
        return active_on(self.given_on, self.withdrawn_on, require_day(day, "day"))


class EmergencyContact(Record):
    """A client's emergency contact (紧急联系人).

    Examples:
        >>> EmergencyContact(name="李小明", relationship="儿子", phone="13800000000").relationship
        '儿子'
    """

    name: Text = personal()
    relationship: Text
    phone: Text = personal()


class Guardian(Record):
    """A child's guardian (监护人), whose consent stands for the child's.

    Examples:
        >>> from datetime import date
        >>> mum = Guardian(id="g1", name="刘芳", relationship="母亲",
        ...                consents=(Consent(id="k9", scope="publication",
        ...                                  given_on=date(2025, 3, 1)),))
        >>> mum.consent_on("publication", date(2025, 4, 1))
        True
    """

    id: Id
    name: Text = personal()
    relationship: Text
    phone: Text | None = personal(default=None)
    consents: tuple[Consent, ...] = ()

    python_rule_fields: ClassVar[frozenset[str] | None] = frozenset({"consents"})
    """The rule checked in Python reads the consents (an id repeated): a row of the
    guardians table, which holds none, breaks none."""

    @model_validator(mode="after")
    def _unique_consents(self) -> Self:
        check_unique("Guardian", "consents", (c.id for c in self.consents))
        return self

    def consent_on(self, scope: ConsentScope | str, day: date) -> bool:
        """Whether the guardian's consent for ``scope`` holds on ``day``.

        Raises:
            UnknownCodeError: ``scope`` is not a consent scope or its code.
            ArgumentError: ``day`` is a ``datetime`` or outside 1900–2199.
        """
        scope = require_member(ConsentScope, scope, "scope")
        day = require_day(day, "day")
        return any(
            c.scope is scope and active_on(c.given_on, c.withdrawn_on, day) for c in self.consents
        )


class Client(Record):
    """A person the station serves (服务对象).

    Examples:
        >>> from datetime import date
        >>> li = Client(id="p1", name="李大爷", community_id="c1",
        ...             categories=(ClientCategory.LIVING_ALONE_ELDERLY,),
        ...             registered_on=date(2025, 3, 2))
        >>> li.categories[0].label(), li.risk_level.label("en")
        ('独居老人', 'Low')
    """

    id: Id
    name: Text = personal()
    community_id: Id
    registered_on: Day
    categories: tuple[ClientCategory, ...] = ()
    youth_issues: tuple[YouthIssue, ...] = ()
    risk_level: RiskLevel = RiskLevel.LOW
    born_on: Day | None = personal(default=None)
    sex: Sex | None = personal(default=None)
    """Sex (性别); with an ID number, it must agree with the number's 17th digit."""
    phone: Text | None = personal(default=None)
    address: Text | None = personal(default=None)
    id_number: ResidentIdNumber | None = personal(default=None)
    """Resident identity card number (居民身份证号码); see `ResidentIdNumber`."""
    emergency_contact: EmergencyContact | None = None
    consents: tuple[Consent, ...] = ()
    guardians: tuple[Guardian, ...] = ()

    declared_rules: ClassVar[tuple[Rule, ...]] = (
        NoRepeat("categories", "duplicate_category"),
        OnlyWith("youth_issues", "categories", ClientCategory.YOUTH, "youth_issue_without_youth"),
        NotAfter("born_on", "registered_on", "born_after_registration"),
    )
    """A category listed once; youth issues only for a youth; born on or before registering."""

    python_rule_fields: ClassVar[frozenset[str] | None] = frozenset({"consents", "guardians"})
    """The rules checked in Python read the lists of consents and guardians (an id
    repeated): a row of the clients table, which holds neither, breaks none. The ID
    number's rules (its check character and birth date; the birth date after
    registering or differing from ``born_on``, the sex differing from ``sex``) are
    checked in a table's engine from the same definition (`id_number_check`,
    `id_number_birth`, `ID_NUMBER_SEX`)."""

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        check_rules(self, self.declared_rules)
        if (
            self.born_on is None
            and self.id_number is not None
            and _birth_in(self.id_number) > self.registered_on
        ):
            break_rule(
                "Client",
                ("id_number",),
                "born_after_registration",
                "the birth date (id_number) must not be after registered_on {registered}; "
                "got a later one",
                mask_personal("id_number", self.id_number),
                registered=self.registered_on,
            )
        if self.id_number is not None:
            if self.born_on is not None and _birth_in(self.id_number) != self.born_on:
                break_rule(
                    "Client",
                    ("born_on",),
                    "id_number_birth_mismatch",
                    "born_on must agree with the birth date in the ID number (characters 7-14); "
                    "they differ",
                    mask_personal("born_on", self.born_on),
                )
            if self.sex is not None and _sex_in(self.id_number) is not self.sex:
                break_rule(
                    "Client",
                    ("sex",),
                    "id_number_sex_mismatch",
                    "sex must agree with the ID number's 17th digit (odd for male, even for "
                    "female); they differ",
                    mask_personal("sex", self.sex),
                )
        check_unique("Client", "consents", (c.id for c in self.consents))
        check_unique("Client", "guardians", (g.id for g in self.guardians))
        return self

    @property
    def birth_date(self) -> date | None:
        """The birth date: ``born_on``, or else the one in the ID number, or ``None``.

        Examples:
            >>> from datetime import date
            >>> Client(id="p1", name="王丽", community_id="c1", registered_on=date(2025, 1, 1),
            ...        id_number="11010519491231002X").birth_date
            datetime.date(1949, 12, 31)
        """
        if self.born_on is not None:
            return self.born_on
        if self.id_number is not None:
            return _birth_in(self.id_number)
        return None

    @property
    def known_sex(self) -> Sex | None:
        """The sex: ``sex``, or else the one the ID number encodes (its 17th digit), or ``None``.

        Examples:
            >>> from datetime import date
            >>> Client(id="p1", name="王丽", community_id="c1", registered_on=date(2025, 1, 1),
            ...        id_number="11010519491231002X").known_sex
            <Sex.FEMALE: 'female' 女>
        """
        if self.sex is not None:
            return self.sex
        if self.id_number is not None:
            return _sex_in(self.id_number)
        return None

    def is_child(self, *, as_of: date) -> bool:
        """Whether the client is a child, whose consent a guardian gives, on ``as_of``.

        A client is a child when listed as a child in difficulty (困境儿童) or a
        left-behind child (留守儿童), or when under `ADULT_AGE` by the birth date
        (``born_on``, or the one in the ID number).

        Examples:
            >>> from datetime import date
            >>> kid = Client(id="p2", name="小明", community_id="c1",
            ...              registered_on=date(2025, 1, 1), id_number="110105201505010014")
            >>> kid.is_child(as_of=date(2025, 6, 1)), kid.is_child(as_of=date(2033, 5, 1))
            (True, False)

        Raises:
            ArgumentError: ``as_of`` is a ``datetime`` or outside 1900–2199.
        """
        day = require_day(as_of, "as_of")
        if _CHILD_CATEGORIES.intersection(self.categories):
            return True
        born = self.birth_date
        return born is not None and born + relativedelta(years=ADULT_AGE) > day

    def deciding_consents(self, *, as_of: date) -> tuple[tuple[Guardian | None, Consent], ...]:
        """The consents that speak for the client on ``as_of``, each with its guardian.

        The one consent rule that `socialwork.privacy` and `StationRecords`
        apply: for a child (`is_child`) only a guardian's consents count,
        never the child's own; for an adult only the client's own
        (``None`` in place of a guardian). Whether a consent covers a scope
        and holds that day is asked of the consent.

        Examples:
            >>> from datetime import date
            >>> kid = Client(id="p2", name="小明", community_id="c1",
            ...              registered_on=date(2025, 1, 1), born_on=date(2015, 5, 1),
            ...              consents=(Consent(id="own", scope="information_sharing",
            ...                                given_on=date(2025, 1, 1)),),
            ...              guardians=(Guardian(id="g1", name="刘芳", relationship="母亲",
            ...                                  consents=(Consent(id="k9",
            ...                                                    scope="information_sharing",
            ...                                                    given_on=date(2025, 1, 1)),)),))
            >>> [(g and g.id, c.id) for g, c in kid.deciding_consents(as_of=date(2025, 6, 1))]
            [('g1', 'k9')]
            >>> [(g, c.id) for g, c in kid.deciding_consents(as_of=date(2033, 6, 1))]
            [(None, 'own')]

        Raises:
            ArgumentError: ``as_of`` is a ``datetime`` or outside 1900–2199.
        """
        if self.is_child(as_of=as_of):
            return tuple((g, c) for g in self.guardians for c in g.consents)
        return tuple((None, c) for c in self.consents)

    def consent_on(self, scope: ConsentScope | str, day: date) -> bool:
        """Whether the client's consent for ``scope`` holds on ``day``.

        Examples:
            >>> from datetime import date
            >>> c = Client(id="p1", name="王阿姨", community_id="c1",
            ...            registered_on=date(2025, 1, 1),
            ...            consents=(Consent(id="k1", scope=ConsentScope.SERVICES,
            ...                              given_on=date(2025, 1, 1)),))
            >>> c.consent_on(ConsentScope.SERVICES, date(2025, 2, 1))
            True
            >>> c.consent_on("publication", date(2025, 2, 1))
            False

        Raises:
            UnknownCodeError: ``scope`` is not a consent scope or its code.
            ArgumentError: ``day`` is a ``datetime`` or outside 1900–2199.
        """
        scope = require_member(ConsentScope, scope, "scope")
        day = require_day(day, "day")
        return any(
            c.scope is scope and active_on(c.given_on, c.withdrawn_on, day) for c in self.consents
        )
