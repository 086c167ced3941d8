"""Standard scales (量表) as data: items, reverse scoring, subscales, missing answers and bands.

A `Scale` is a record: its items with the answers each allows (an answer is
its own score, or the mirror of it for a reverse-scored item), its
subscales, its missing-answer rule, its score bands in three languages, its
citation and its licence. `Scale.score` turns one person's answers into a
`ScaleScore`: the total, the subscales, the band, the items used and the
items prorated.

Three scales whose scoring may be shipped are built in (`scale`): the
GDS-15 (public domain), the Barthel Index (free for non-commercial use with
its citation) and the Rosenberg self-esteem scale (free to use). Two widely
used scales whose licences forbid shipping them, the SDQ and the Zarit
burden interview, are known by name and refuse to score
(`socialwork.errors.ScaleNotLicensed`); build a `Scale` from your licensed
copy to score them. Item wording is not shipped: the items are numbered as
in the publications.

The elderly ability levels of GB/T 42195-2022 (老年人能力评估规范) are not
built in: their thresholds could not be checked against a copy of the
standard.

Examples:
    >>> gds = scale("gds15")
    >>> result = gds.score([0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0, 0, 1, 0, 0])
    >>> result.total, result.band.label.text("en") if result.band else None
    (8.0, 'Mild depression')
    >>> scale("sdq").score([0] * 25)
    Traceback (most recent call last):
    ...
    socialwork.errors.ScaleNotLicensed: scale 'sdq' cannot be scored by socialwork: ...
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import date
from itertools import pairwise
from types import MappingProxyType
from typing import Annotated, Any, Self

from attrs import frozen
from pydantic import Field, Strict, model_validator

from socialwork._arguments import require_instance
from socialwork.display.displayable import Displayable
from socialwork.display.document import Document, Heading, Table
from socialwork.errors import EvaluationInputError, ScaleNotLicensed, UnknownCodeError
from socialwork.labels import LabelledEnum, Language, canonical_language, select_language
from socialwork.metrics.definitions import Direction
from socialwork.models import BilingualText, ScaleAdministration
from socialwork.records import Count, Id, Record, Text, break_rule, check_unique

__all__ = [
    "Band",
    "Licence",
    "Scale",
    "ScaleItem",
    "ScaleScore",
    "Subscale",
    "SubscaleScore",
    "scale",
]

ItemNumber = Annotated[int, Strict(), Field(ge=1, le=500)]
"""An item's number on its scale, from 1 to 500."""

Answer = Annotated[int, Strict(), Field(ge=-1000, le=1000)]
"""An answer option, which is its own score: a whole number from −1000 to 1000."""

Figure = Annotated[float, Strict(), Field(ge=-1e6, le=1e6, allow_inf_nan=False)]
"""A score or a band's lower bound: finite, at most a million in size."""


class Licence(LabelledEnum):
    """Whether a scale's items and scoring may be shipped (量表许可)."""

    PUBLIC_DOMAIN = "public_domain", "公有领域", "Public domain", "公有領域"
    FREE_TO_USE = "free_to_use", "注明出处即可使用", "Free to use with citation", "註明出處即可使用"
    RESTRICTED = "restricted", "受许可限制", "Restricted by licence", "受許可限制"


class ScaleItem(Record):
    """An item: its number and the answers it allows, each answer its own score.

    A reverse-scored item (反向计分) scores an answer ``a`` as
    ``min + max − a`` of its options.

    Examples:
        >>> item = ScaleItem(number=1, options=(0, 1), reverse=True)
        >>> item.points(1), item.points(0)
        (0, 1)
    """

    number: ItemNumber
    options: tuple[Answer, ...] = Field(min_length=2, max_length=100)
    reverse: Annotated[bool, Strict()] = False
    label: BilingualText | None = None

    @model_validator(mode="after")
    def _options_ascending(self) -> Self:
        if any(b <= a for a, b in pairwise(self.options)):
            break_rule(
                "ScaleItem",
                ("options",),
                "options_not_ascending",
                "an item's options must be distinct and ascending; got {options}",
                self.options,
                options=list(self.options),
            )
        return self

    def points(self, answer: int) -> int:
        """Return the score of ``answer``, reversed for a reverse-scored item.

        Raises:
            EvaluationInputError: ``answer`` is none of the item's options
                (rule ``answer_not_an_option``).

        Examples:
            >>> ScaleItem(number=1, options=(0, 5, 10)).points(5)
            5
        """
        if isinstance(answer, bool) or not isinstance(answer, int) or answer not in self.options:
            raise EvaluationInputError(
                "answer_not_an_option",
                answer,
                f"one of the options {list(self.options)} of item {self.number}",
            )
        if self.reverse:
            return self.options[0] + self.options[-1] - answer
        return answer


class Subscale(Record):
    """A named part of a scale: the items whose scores it adds up.

    Examples:
        >>> Subscale(code="mood", name=BilingualText.of("情绪", "Mood"), items=(1, 2)).items
        (1, 2)
    """

    code: Id
    name: BilingualText
    items: tuple[ItemNumber, ...] = Field(min_length=1)


class Band(Record):
    """A score band (分级): from ``low`` up to the next band's ``low``, with its label.

    Examples:
        >>> Band(low=5, label=BilingualText.of("轻度抑郁", "Mild depression")).low
        5.0
    """

    low: Figure
    label: BilingualText


class Scale(Record):
    """A standard scale as data: items, subscales, the missing-answer rule, bands and licence.

    ``max_missing`` is the missing-answer rule: with 0 any unanswered item
    refuses the score; with N, up to N unanswered items are prorated (the
    total is the answered items' scores times the number of items over the
    number answered, not rounded; a subscale is prorated over its own
    items the same way) and more refuse it. ``cutoff`` is the published
    screening cut-off: a total equal to it or on the worse side of it (see
    ``direction``) suggests the condition. A scale with a ``restricted``
    licence has no items and refuses to score.

    Examples:
        >>> mine = Scale(code="mood3", name=BilingualText.of("情绪三题", "Mood (3 items)"),
        ...              items=tuple(ScaleItem(number=i, options=(0, 1, 2)) for i in (1, 2, 3)),
        ...              max_missing=1, direction="lower_is_better",
        ...              citation="A station's own questionnaire", licence="free_to_use")
        >>> result = mine.score([2, None, 1])
        >>> result.total, result.prorated
        (4.5, (2,))
    """

    code: Id
    name: BilingualText
    items: tuple[ScaleItem, ...] = Field(default=(), max_length=500)
    subscales: tuple[Subscale, ...] = ()
    max_missing: Count = 0
    bands: tuple[Band, ...] = ()
    direction: Direction
    cutoff: Figure | None = None
    citation: Text
    licence: Licence
    holder: Text | None = None
    """Who holds the rights of a restricted scale (the message of its refusal names it)."""

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        restricted = self.licence is Licence.RESTRICTED
        if restricted and self.items:
            break_rule(
                "Scale",
                ("items",),
                "restricted_scale_items",
                "a scale whose licence is restricted ships no items; got {count}",
                len(self.items),
                count=len(self.items),
            )
        if not restricted and not self.items:
            break_rule(
                "Scale",
                ("items",),
                "scale_without_items",
                "a scale that may be scored needs its items; got none",
                0,
            )
        numbers = [item.number for item in self.items]
        if numbers != list(range(1, len(numbers) + 1)):
            break_rule(
                "Scale",
                ("items",),
                "items_not_numbered",
                "items must be numbered 1, 2, 3, ... in order; got {numbers}",
                numbers,
                numbers=numbers[:20],
            )
        if self.items and self.max_missing >= len(self.items):
            break_rule(
                "Scale",
                ("max_missing",),
                "too_many_missing_allowed",
                "max_missing must be below the number of items {count}; got {value}",
                self.max_missing,
                count=len(self.items),
                value=self.max_missing,
            )
        check_unique("Scale", "subscales", (s.code for s in self.subscales))
        for i, sub in enumerate(self.subscales):
            unknown = [n for n in sub.items if n > len(self.items)]
            if unknown:
                break_rule(
                    "Scale",
                    ("subscales", i, "items"),
                    "subscale_item_unknown",
                    "a subscale's items must be items of the scale (1 to {count}); got {unknown}",
                    unknown,
                    count=len(self.items),
                    unknown=unknown,
                )
        lows = [band.low for band in self.bands]
        if any(b <= a for a, b in pairwise(lows)):
            break_rule(
                "Scale",
                ("bands",),
                "bands_not_ascending",
                "bands must be given from the lowest score up; got lows {lows}",
                lows,
                lows=lows,
            )
        return self

    @property
    def minimum(self) -> int:
        """The lowest total the scale can give (0 for a restricted scale).

        Examples:
            >>> scale("barthel").minimum, scale("barthel").maximum
            (0, 100)
        """
        return sum(item.options[0] for item in self.items)

    @property
    def maximum(self) -> int:
        """The highest total the scale can give (0 for a restricted scale)."""
        return sum(item.options[-1] for item in self.items)

    def band(self, total: float) -> Band | None:
        """Return the band ``total`` falls in: the last band whose ``low`` is at most ``total``.

        ``None`` when the scale has no bands or ``total`` is below the first.

        Examples:
            >>> scale("gds15").band(12).label.text("en")
            'Severe depression'
        """
        found = None
        for band in self.bands:
            if band.low <= total:
                found = band
        return found

    def score(self, answers: Sequence[int | None]) -> ScaleScore:
        """Score one person's answers, given in item order (``None`` for an unanswered item).

        Raises:
            ScaleNotLicensed: the scale's licence forbids shipping its scoring.
            EvaluationInputError: the number of answers is not the number of
                items (``wrong_item_count``), an answer is none of its item's
                options (``answer_not_an_option``), or more items are
                unanswered than the missing-answer rule allows
                (``too_many_missing``).
            TypeError: ``answers`` is not a sequence.

        Examples:
            >>> scale("rosenberg").score([3, 0, 3, 3, 0, 0, 3, 0, 0, 3]).total
            30.0
        """
        if self.licence is Licence.RESTRICTED:
            raise ScaleNotLicensed(self.code, self.holder or "its rights holder")
        if isinstance(answers, str | bytes) or not isinstance(answers, Sequence):
            raise TypeError(f"answers must be a sequence; got {type(answers).__name__}")
        given = tuple(answers)
        if len(given) != len(self.items):
            raise EvaluationInputError(
                "wrong_item_count", len(given), f"one answer per item ({len(self.items)})"
            )
        points: dict[int, int] = {}
        missing: list[int] = []
        for item, answer in zip(self.items, given, strict=True):
            if answer is None:
                missing.append(item.number)
            else:
                points[item.number] = item.points(answer)
        if len(missing) > self.max_missing:
            raise EvaluationInputError(
                "too_many_missing",
                len(missing),
                f"at most {self.max_missing} unanswered items on {self.code}",
            )
        total = _prorated([item.number for item in self.items], points)
        subscales = tuple(
            SubscaleScore(sub.code, _prorated(list(sub.items), points)) for sub in self.subscales
        )
        return ScaleScore(
            scale=self.code,
            total=total,
            band=self.band(total),
            subscales=subscales,
            answered=tuple(sorted(points)),
            prorated=tuple(missing),
            minimum=self.minimum,
            maximum=self.maximum,
        )


def _prorated(numbers: list[int], points: dict[int, int]) -> float:
    """The items' total, prorated over the answered ones (0.0 when none is answered)."""
    answered = [points[n] for n in numbers if n in points]
    if not answered:
        return 0.0
    return math.fsum(answered) * len(numbers) / len(answered)


@frozen
class SubscaleScore:
    """A subscale's total (prorated like the scale's total).

    Examples:
        >>> SubscaleScore("mood", 3.0).total
        3.0
    """

    code: str
    total: float


@frozen
class ScaleScore(Displayable):
    """One person's score on a scale: total, band, subscales, items used and items prorated.

    Examples:
        >>> s = scale("barthel").score([10, 5, 5, 10, 10, 10, 10, 15, 15, 10])
        >>> s.total, s.band.label.text() if s.band else None, s.prorated
        (100.0, '独立', ())
    """

    scale: str
    total: float
    band: Band | None
    subscales: tuple[SubscaleScore, ...]
    answered: tuple[int, ...]
    prorated: tuple[int, ...]
    minimum: int
    maximum: int

    def administration(self, *, id: str, client_id: str, on: date) -> ScaleAdministration:
        """Return the score as an administration of the scale to a client on a day.

        Raises:
            pydantic.ValidationError: an id is empty or ``on`` is out of range.

        Examples:
            >>> from datetime import date
            >>> s = scale("gds15").score([0] * 15)
            >>> s.administration(id="a1", client_id="p1", on=date(2025, 3, 1)).total
            5.0
        """
        return ScaleAdministration(
            id=id, client_id=client_id, scale=self.scale, on=on, total=self.total
        )

    def to_document(self, language: Language | str = "zh") -> Document:
        """Return the score as a short table: total, range, band, subscales and prorated items.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> print(scale("gds15").score([1] * 15).to_text("en"))
            Score on gds15
            --------------
            <BLANKLINE>
            What      Value
            --------  -------------------
            Total     10 (0–15)
            Band      Moderate depression
            Prorated  —
            <BLANKLINE>
        """
        script = canonical_language(language)

        def say(zh: str, en: str, zh_hant: str | None = None) -> str:
            return select_language(script, zh, en, zh_hant)

        rows = [
            [say("总分", "Total", "總分"), f"{self.total:g} ({self.minimum}–{self.maximum})"],
            [say("分级", "Band", "分級"), self.band.label.text(script) if self.band else "—"],
        ]
        rows += [[sub.code, f"{sub.total:g}"] for sub in self.subscales]
        prorated = ", ".join(str(n) for n in self.prorated) or "—"
        rows.append([say("按比例补足的题目", "Prorated", "按比例補足的題目"), prorated])
        return Document(
            [
                Heading(say(f"{self.scale} 得分", f"Score on {self.scale}")),
                Table([say("项目", "What", "項目"), say("值", "Value")], rows),
            ]
        )

    def to_rows(self) -> list[dict[str, Any]]:
        """Return the score as one row.

        Examples:
            >>> scale("gds15").score([1] * 15).to_rows()[0]["band"]
            'Moderate depression'
        """
        row: dict[str, Any] = {
            "scale": self.scale,
            "total": self.total,
            "band": self.band.label.en if self.band else None,
            "answered": len(self.answered),
            "prorated": len(self.prorated),
        }
        row.update({f"subscale_{sub.code}": sub.total for sub in self.subscales})
        return [row]


_text = BilingualText.of


def _items(*options: tuple[int, ...], reverse: Sequence[int] = ()) -> tuple[ScaleItem, ...]:
    return tuple(
        ScaleItem(number=i, options=o, reverse=i in reverse) for i, o in enumerate(options, 1)
    )


def _labelled(
    labels: Sequence[tuple[str, str, str]], options: Sequence[tuple[int, ...]]
) -> tuple[ScaleItem, ...]:
    return tuple(
        ScaleItem(number=i, options=o, label=_text(*label))
        for i, (label, o) in enumerate(zip(labels, options, strict=True), 1)
    )


GDS15 = Scale(
    code="gds15",
    name=_text("老年抑郁量表(15项)", "Geriatric Depression Scale (15 items)", "老年抑鬱量表(15項)"),
    items=_items(*[(0, 1)] * 15, reverse=(1, 5, 7, 11, 13)),
    bands=(
        Band(low=0, label=_text("正常", "Normal", "正常")),
        Band(low=5, label=_text("轻度抑郁", "Mild depression", "輕度抑鬱")),
        Band(low=9, label=_text("中度抑郁", "Moderate depression", "中度抑鬱")),
        Band(low=12, label=_text("重度抑郁", "Severe depression", "重度抑鬱")),
    ),
    direction=Direction.LOWER_IS_BETTER,
    cutoff=5,
    citation=(
        "Sheikh JI, Yesavage JA. Geriatric Depression Scale (GDS): recent evidence and "
        "development of a shorter version. Clinical Gerontologist 1986;5(1-2):165-173."
    ),
    licence=Licence.PUBLIC_DOMAIN,
)
"""GDS-15: answer 1 for "yes", 0 for "no"; items 1, 5, 7, 11 and 13 score a "no".

A total of 5 or more suggests depression; bands 0–4 normal, 5–8 mild,
9–11 moderate, 12–15 severe.
"""

BARTHEL = Scale(
    code="barthel",
    name=_text(
        "Barthel 日常生活活动能力指数", "Barthel Index of ADL", "Barthel 日常生活活動能力指數"
    ),
    items=_labelled(
        [
            ("进食", "Feeding", "進食"),
            ("洗澡", "Bathing", "洗澡"),
            ("修饰", "Grooming", "修飾"),
            ("穿衣", "Dressing", "穿衣"),
            ("控制大便", "Bowels", "控制大便"),
            ("控制小便", "Bladder", "控制小便"),
            ("如厕", "Toilet use", "如廁"),
            ("床椅转移", "Transfers (bed to chair and back)", "牀椅轉移"),
            ("平地行走", "Mobility on level surfaces", "平地行走"),
            ("上下楼梯", "Stairs", "上下樓梯"),
        ],
        [
            (0, 5, 10),
            (0, 5),
            (0, 5),
            (0, 5, 10),
            (0, 5, 10),
            (0, 5, 10),
            (0, 5, 10),
            (0, 5, 10, 15),
            (0, 5, 10, 15),
            (0, 5, 10),
        ],
    ),
    bands=(
        Band(low=0, label=_text("完全依赖", "Total dependence", "完全依賴")),
        Band(low=21, label=_text("严重依赖", "Severe dependence", "嚴重依賴")),
        Band(low=61, label=_text("中度依赖", "Moderate dependence", "中度依賴")),
        Band(low=91, label=_text("轻度依赖", "Slight dependence", "輕度依賴")),
        Band(low=100, label=_text("独立", "Independent", "獨立")),
    ),
    direction=Direction.HIGHER_IS_BETTER,
    citation=(
        "Mahoney FI, Barthel DW. Functional evaluation: the Barthel Index. Maryland State "
        "Medical Journal 1965;14:61-65. Bands: Shah S, Vanclay F, Cooper B. Improving the "
        "sensitivity of the Barthel Index for stroke rehabilitation. J Clin Epidemiol "
        "1989;42(8):703-709."
    ),
    licence=Licence.FREE_TO_USE,
)
"""Barthel Index, 0–100 in steps of 5: each answer is the item's points as published.

Bands after Shah et al. (1989): 0–20 total, 21–60 severe, 61–90 moderate,
91–99 slight dependence, 100 independent.
"""

ROSENBERG = Scale(
    code="rosenberg",
    name=_text("Rosenberg 自尊量表", "Rosenberg Self-Esteem Scale", "Rosenberg 自尊量表"),
    items=_items(*[(0, 1, 2, 3)] * 10, reverse=(2, 5, 6, 8, 9)),
    bands=(
        Band(low=0, label=_text("自尊偏低", "Low self-esteem", "自尊偏低")),
        Band(low=15, label=_text("正常范围", "Normal range", "正常範圍")),
        Band(low=26, label=_text("自尊较高", "High self-esteem", "自尊較高")),
    ),
    direction=Direction.HIGHER_IS_BETTER,
    cutoff=15,
    citation=(
        "Rosenberg M. Society and the adolescent self-image. Princeton University Press, 1965."
    ),
    licence=Licence.FREE_TO_USE,
)
"""Rosenberg, 0–30: answer 3 "strongly agree" to 0 "strongly disagree".

Items 2, 5, 6, 8 and 9 are worded negatively and reverse-scored. Below 15
suggests low self-esteem; 15–25 is the normal range.
"""

SDQ = Scale(
    code="sdq",
    name=_text("长处和困难问卷", "Strengths and Difficulties Questionnaire", "長處和困難問卷"),
    direction=Direction.LOWER_IS_BETTER,
    citation=(
        "Goodman R. The Strengths and Difficulties Questionnaire: a research note. "
        "J Child Psychol Psychiatry 1997;38(5):581-586."
    ),
    licence=Licence.RESTRICTED,
    holder="youthinmind Ltd",
)
"""The SDQ: its copyright holder does not allow its items or scoring to be shipped."""

ZARIT = Scale(
    code="zarit",
    name=_text("Zarit 照顾者负担量表", "Zarit Burden Interview", "Zarit 照顧者負擔量表"),
    direction=Direction.LOWER_IS_BETTER,
    citation=(
        "Zarit SH, Reever KE, Bach-Peterson J. Relatives of the impaired elderly: correlates "
        "of feelings of burden. Gerontologist 1980;20(6):649-655."
    ),
    licence=Licence.RESTRICTED,
    holder="Mapi Research Trust",
)
"""The Zarit Burden Interview: licensed through Mapi Research Trust, not shipped."""

SCALES: MappingProxyType[str, Scale] = MappingProxyType(
    {s.code: s for s in (GDS15, BARTHEL, ROSENBERG, SDQ, ZARIT)}
)
"""The built-in scales by code, shippable and restricted."""


def scale(code: str | Scale) -> Scale:
    """Return the built-in scale with ``code`` (a `Scale` passes through unchanged).

    Raises:
        UnknownCodeError: ``code`` names no built-in scale.
        TypeError: ``code`` is neither a string nor a `Scale`.

    Examples:
        >>> scale("gds15").direction.value, scale("zarit").licence.value
        ('lower_is_better', 'restricted')
    """
    if isinstance(code, Scale):
        return code
    found = SCALES.get(require_instance(str, code, "scale"))
    if found is None:
        raise UnknownCodeError("scale", code, tuple(SCALES))
    return found
