"""Risk registers (风险登记册): ratings, bands, ranking, a 5×5 heat map and reviews.

A `Risk` is described as cause → event → effect, rated likelihood ×
impact (each 1–5, so 1–25) at three levels — inherent (before treatment),
residual (after the current responses 应对) and target (where the station wants
it) — and given an ISO 31000 treatment. A `RiskRegister` ranks its
risks, draws a heat map as data and lists overdue reviews as of a date
(from the risks' review and closing dates, not from their current status).
Rating bands are a parameter (`RatingBands`); the defaults are
1–5 low, 6–12 medium and 13–25 high.
"""

from __future__ import annotations

from datetime import date
from typing import Any, Self

from attrs import field, frozen
from pydantic import Field, model_validator

from socialwork._arguments import require_day, require_int, require_member
from socialwork.display.chart import Chart
from socialwork.display.displayable import Displayable
from socialwork.display.document import Block, Document, Heading, Paragraph, Table
from socialwork.errors import ArgumentError
from socialwork.labels import LabelledEnum, Language, canonical_language, select_language
from socialwork.records import Day, Id, Record, Scale5, Text, break_rule, check_unique

__all__ = [
    "HeatMap",
    "RatingBands",
    "Risk",
    "RiskBand",
    "RiskCategory",
    "RiskRating",
    "RiskRegister",
    "RiskScore",
    "RiskStatus",
    "RiskTreatment",
    "ScoreLevel",
]


class RiskCategory(LabelledEnum):
    """What a risk threatens, grouping the risks that recur in station plans."""

    PARTICIPATION = "participation", "参与与接受度", "Participation and acceptance", "參與與接受度"
    FUNDING = "funding", "资金", "Funding", "資金"
    STAFFING = "staffing", "人员与能力", "Staffing and skills", "人員與能力"
    SERVICE_QUALITY = "service_quality", "服务质量", "Service quality", "服務質量"
    SAFETY = "safety", "安全与突发事件", "Safety and emergencies", "安全與突發事件"
    PRIVACY = "privacy", "信息安全与隐私", "Information security and privacy", "信息安全與隱私"
    STAKEHOLDERS = "stakeholders", "相关方配合", "Stakeholder cooperation", "相關方配合"
    REPUTATION = "reputation", "声誉与舆情", "Reputation and public opinion", "聲譽與輿情"
    EXTERNAL = "external", "外部环境", "External environment", "外部環境"
    TEAM = "team", "团队与士气", "Team and morale", "團隊與士氣"


class RiskTreatment(LabelledEnum):
    """The risk treatment options of ISO 31000:2018, 6.5.2 (风险应对方式)."""

    AVOID = (
        "avoid",
        "规避风险(不开始或停止相关活动)",
        "Avoid the risk",
        "規避風險(不開始或停止相關活動)",
    )
    TAKE = (
        "take",
        "承担或增加风险以把握机会",
        "Take or increase the risk to pursue an opportunity",
        "承擔或增加風險以把握機會",
    )
    REMOVE_SOURCE = "remove_source", "消除风险源", "Remove the risk source", "消除風險源"
    CHANGE_LIKELIHOOD = "change_likelihood", "改变可能性", "Change the likelihood", "改變可能性"
    CHANGE_CONSEQUENCE = "change_consequence", "改变后果", "Change the consequences", "改變後果"
    SHARE = "share", "分担风险", "Share the risk", "分擔風險"
    RETAIN = (
        "retain",
        "有根据地保留风险",
        "Retain the risk by informed decision",
        "有根據地保留風險",
    )


class RiskStatus(LabelledEnum):
    """Where a risk stands in the register."""

    OPEN = "open", "待处理", "Open", "待處理"
    TREATING = "treating", "应对中", "Being treated", "應對中"
    MONITORING = "monitoring", "监控中", "Monitoring", "監控中"
    CLOSED = "closed", "已关闭", "Closed", "已關閉"


def _within(value: object, parameter: str, high: int) -> int:
    """Return ``value`` if it is an ``int`` from 1 to ``high``; else raise ``ArgumentError``."""
    value = require_int(value, parameter)
    if not 1 <= value <= high:
        raise ArgumentError(parameter, value, f"a whole number from 1 to {high}")
    return value


class RiskBand(LabelledEnum):
    """A rating band."""

    LOW = "low", "低", "Low", "低"
    MEDIUM = "medium", "中", "Medium", "中"
    HIGH = "high", "高", "High", "高"


class ScoreLevel(LabelledEnum):
    """Which of a risk's three ratings to read; ``current`` is residual if rated, else inherent."""

    INHERENT = "inherent", "固有风险", "Inherent", "固有風險"
    RESIDUAL = "residual", "剩余风险", "Residual", "剩餘風險"
    TARGET = "target", "目标风险", "Target", "目標風險"
    CURRENT = "current", "当前风险", "Current", "當前風險"


class RiskScore(Record):
    """Likelihood and impact on 1–5 scales; the rating is their product (1–25).

    Examples:
        >>> RiskScore(likelihood=4, impact=3).rating
        12
    """

    likelihood: Scale5
    impact: Scale5

    @property
    def rating(self) -> int:
        """Likelihood × impact."""
        return self.likelihood * self.impact


class RatingBands(Record):
    """Upper bounds of the low and medium bands; anything above is high.

    The defaults give 1–5 low, 6–12 medium and 13–25 high.

    Examples:
        >>> bands = RatingBands()
        >>> [bands.band(r).value for r in (5, 6, 12, 13)]
        ['low', 'medium', 'medium', 'high']
        >>> RatingBands(low_max=4, medium_max=9).band(10).value
        'high'
    """

    low_max: int = Field(default=5, strict=True, ge=1, le=23)
    medium_max: int = Field(default=12, strict=True, ge=2, le=24)

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.medium_max <= self.low_max:
            break_rule(
                "RatingBands",
                ("medium_max",),
                "bands_out_of_order",
                "medium_max {medium} must be above low_max {low}",
                self.medium_max,
                medium=self.medium_max,
                low=self.low_max,
            )
        return self

    def band(self, rating: int) -> RiskBand:
        """The band a rating of 1–25 falls in.

        Raises:
            ArgumentError: ``rating`` is not a whole number from 1 to 25.

        Examples:
            >>> RatingBands().band(13).label("en")
            'High'
            >>> RatingBands().band(0)
            Traceback (most recent call last):
            ...
            socialwork.errors.ArgumentError: rating must be a whole number from 1 to 25; got 0
        """
        rating = _within(rating, "rating", 25)
        if rating <= self.low_max:
            return RiskBand.LOW
        if rating <= self.medium_max:
            return RiskBand.MEDIUM
        return RiskBand.HIGH


class Risk(Record):
    """A risk with its cause–event–effect, ratings, treatment and responses (应对).

    A residual rating above the inherent one is allowed only with a
    ``residual_explanation`` (a response that itself added risk, say). A
    closed risk carries the day it was closed (``closed_on``), and only a
    closed one does, so a register can be read as it stood on any day.

    Examples:
        >>> from datetime import date
        >>> r = Risk(id="r1", title="居民参与度不足", category=RiskCategory.PARTICIPATION,
        ...          cause="宣传不足、活动形式单一", event="活动报名人数不足",
        ...          effect="服务目标无法达成", owner="项目负责人",
        ...          inherent=RiskScore(likelihood=4, impact=3),
        ...          residual=RiskScore(likelihood=2, impact=3),
        ...          treatment=RiskTreatment.CHANGE_LIKELIHOOD,
        ...          responses=("丰富活动形式", "建立居民意见反馈机制"),
        ...          review_on=date(2025, 6, 30))
        >>> r.inherent.rating, r.current.rating
        (12, 6)
    """

    id: Id
    title: Text
    category: RiskCategory
    cause: Text | None = None
    event: Text | None = None
    effect: Text | None = None
    owner: Text | None = None
    inherent: RiskScore
    residual: RiskScore | None = None
    target: RiskScore | None = None
    treatment: RiskTreatment | None = None
    responses: tuple[Text, ...] = ()
    status: RiskStatus = RiskStatus.OPEN
    review_on: Day | None = None
    closed_on: Day | None = None
    residual_explanation: Text | None = None

    @property
    def current(self) -> RiskScore:
        """The residual score where one is given, otherwise the inherent score."""
        return self.residual if self.residual is not None else self.inherent

    def score(self, level: ScoreLevel | str) -> RiskScore | None:
        """The score at ``level``, a member or its code (``None`` when that level is not rated).

        Raises:
            UnknownCodeError: ``level`` is no code of `ScoreLevel`.

        Examples:
            >>> r = Risk(id="r", title="资金中断", category="funding",
            ...          inherent=RiskScore(likelihood=3, impact=5))
            >>> r.score("inherent").rating, r.score(ScoreLevel.TARGET)
            (15, None)
        """
        match require_member(ScoreLevel, level, "level"):
            case ScoreLevel.INHERENT:
                return self.inherent
            case ScoreLevel.RESIDUAL:
                return self.residual
            case ScoreLevel.TARGET:
                return self.target
            case ScoreLevel.CURRENT:
                return self.current

    def open_on(self, day: date) -> bool:
        """Whether the risk was still open on ``day``: not closed by then.

        Raises:
            ArgumentError: ``day`` is a ``datetime`` or outside 1900–2199.

        Examples:
            >>> r = Risk(id="r", title="资金中断", category="funding", status="closed",
            ...          inherent=RiskScore(likelihood=3, impact=5), closed_on=date(2025, 7, 1))
            >>> r.open_on(date(2025, 6, 30)), r.open_on(date(2025, 7, 1))
            (True, False)
        """
        day = require_day(day, "day")
        return self.closed_on is None or day < self.closed_on

    @model_validator(mode="after")
    def _closed_with_a_date(self) -> Self:
        closed = self.status is RiskStatus.CLOSED
        if closed and self.closed_on is None:
            break_rule(
                "Risk",
                ("closed_on",),
                "closed_without_date",
                "a closed risk needs the day it was closed in closed_on",
                None,
            )
        if not closed and self.closed_on is not None:
            break_rule(
                "Risk",
                ("closed_on",),
                "closed_on_while_open",
                "closed_on {day} is only for a closed risk; status is {status}",
                self.closed_on,
                day=self.closed_on,
                status=self.status.value,
            )
        return self

    @model_validator(mode="after")
    def _residual_explained(self) -> Self:
        residual = self.residual
        if (
            residual is not None
            and residual.rating > self.inherent.rating
            and self.residual_explanation is None
        ):
            break_rule(
                "Risk",
                ("residual_explanation",),
                "residual_above_inherent",
                "residual rating {residual} is above inherent rating {inherent}; "
                "say why in residual_explanation",
                None,
                residual=residual.rating,
                inherent=self.inherent.rating,
            )
        return self


@frozen
class RiskRating:
    """One risk's score at one level, with its band.

    Examples:
        >>> RiskRating("r1", ScoreLevel.CURRENT, 4, 3, 12, RiskBand.MEDIUM).rating
        12
    """

    risk_id: str
    level: ScoreLevel
    likelihood: int
    impact: int
    rating: int
    band: RiskBand


@frozen
class HeatMap(Displayable):
    """A 5×5 heat map as data: ``cells[likelihood - 1][impact - 1]`` holds risk ids.

    Risks not rated at the chosen level are listed in ``unrated``. The grid
    always has 5 rows of 5 cells; likelihood and impact run from 1 to 5.

    Examples:
        >>> h = HeatMap(ScoreLevel.INHERENT,
        ...             tuple(tuple(("r1",) if (l, i) == (4, 3) else () for i in range(1, 6))
        ...                   for l in range(1, 6)), ())
        >>> h.at(4, 3), h.count(4, 3), h.total
        (('r1',), 1, 1)
    """

    level: ScoreLevel
    cells: tuple[tuple[tuple[str, ...], ...], ...] = field()
    unrated: tuple[str, ...]

    @cells.validator
    def _five_by_five(self, _: object, cells: tuple[tuple[tuple[str, ...], ...], ...]) -> None:
        if len(cells) != 5 or any(len(row) != 5 for row in cells):
            raise ArgumentError("cells", cells, "5 rows (likelihood 1–5) of 5 cells (impact 1–5)")

    def at(self, likelihood: int, impact: int) -> tuple[str, ...]:
        """The ids of the risks in one cell.

        Raises:
            ArgumentError: ``likelihood`` or ``impact`` is not a whole number from 1 to 5.

        Examples:
            >>> register = RiskRegister(risks=(Risk(id="r", title="资金中断", category="funding",
            ...                                     inherent=RiskScore(likelihood=3, impact=5)),))
            >>> register.heat_map().at(3, 5), register.heat_map().count(5, 5)
            (('r',), 0)
            >>> register.heat_map().at(0, 0)
            Traceback (most recent call last):
            ...
            socialwork.errors.ArgumentError: likelihood must be a whole number from 1 to 5; got 0
        """
        row = _within(likelihood, "likelihood", 5)
        column = _within(impact, "impact", 5)
        return self.cells[row - 1][column - 1]

    def count(self, likelihood: int, impact: int) -> int:
        """How many risks sit in one cell (likelihood and impact 1–5)."""
        return len(self.at(likelihood, impact))

    @property
    def total(self) -> int:
        """How many risks the map places, over all 25 cells."""
        return sum(len(cell) for row in self.cells for cell in row)

    def to_rows(self) -> list[dict[str, Any]]:
        """Return the 25 cells as rows, likelihood 5 first, impact 1 to 5 within it.

        Each row has the level's code, the likelihood, the impact, how many
        risks sit in the cell and their ids joined by ``;``.

        Examples:
            >>> register = RiskRegister(risks=(Risk(id="r", title="资金中断", category="funding",
            ...                                     inherent=RiskScore(likelihood=3, impact=5)),))
            >>> rows = register.heat_map().to_rows()
            >>> len(rows), rows[0]
            (25, {'level': 'current', 'likelihood': 5, 'impact': 1, 'count': 0, 'risks': ''})
            >>> rows[14]
            {'level': 'current', 'likelihood': 3, 'impact': 5, 'count': 1, 'risks': 'r'}
        """
        return [
            {
                "level": self.level.value,
                "likelihood": likelihood,
                "impact": impact,
                "count": self.count(likelihood, impact),
                "risks": ";".join(self.at(likelihood, impact)),
            }
            for likelihood in range(5, 0, -1)
            for impact in range(1, 6)
        ]

    def to_document(self, language: Language | str = "zh") -> Document:
        """Return the heat map as a document: its chart, then the grid with the ids in each cell.

        The grid shows likelihood 5 at the top and impact 1 to 5 from the
        left; an empty cell shows ``·``. Risks not rated at the level are
        named under the grid.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> register = RiskRegister(risks=(Risk(id="r", title="资金中断", category="funding",
            ...                                     inherent=RiskScore(likelihood=3, impact=5)),))
            >>> document = register.heat_map().to_document("en")
            >>> print(document.to_markdown().splitlines()[6])
            | 3 | · | · | · | · | r |
            >>> document.charts
            (Chart('Risk heat map (Current)'),)
        """
        script = canonical_language(language)
        title = select_language(script, "风险热力图", "Risk heat map", "風險熱力圖")
        corner = select_language(script, "可能性 \\ 影响", "Likelihood \\ impact", "可能性 \\ 影響")
        rows = [
            [str(likelihood)] + [", ".join(self.at(likelihood, i)) or "·" for i in range(1, 6)]
            for likelihood in range(5, 0, -1)
        ]
        blocks: list[Block] = [
            Heading(f"{title} ({self.level.label(script)})"),
            self.chart(script),
            Table([corner, "1", "2", "3", "4", "5"], rows),
        ]
        if self.unrated:
            unrated = select_language(script, "未评分", "Not rated", "未評分")
            blocks.append(Paragraph(f"{unrated}: {', '.join(self.unrated)}"))
        return Document(blocks)

    def chart(self, language: Language | str = "zh") -> Chart:
        """Return the 5×5 heat map (likelihood × impact) as a Vega-Lite chart.

        Each cell is coloured by its rating (likelihood × impact, 1–25) and
        labelled with the number of risks in it; hovering shows their ids.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> heat = RiskRegister().heat_map("inherent")
            >>> chart = heat.chart("en")
            >>> chart.title, len(chart.to_dict()["data"]["values"])
            ('Risk heat map (Inherent)', 25)
        """
        script = canonical_language(language)
        likelihood = select_language(script, "可能性", "Likelihood")
        impact = select_language(script, "影响", "Impact", "影響")
        count = select_language(script, "风险数", "Risks", "風險數")
        rating = select_language(script, "评分", "Rating", "評分")
        values = [
            {
                "likelihood": row,
                "impact": column,
                "rating": row * column,
                "count": self.count(row, column),
                "risks": ", ".join(self.at(row, column)),
            }
            for row in range(1, 6)
            for column in range(1, 6)
        ]
        axis = {"type": "ordinal", "sort": [1, 2, 3, 4, 5], "axis": {"labelAngle": 0}}
        title = select_language(script, "风险热力图", "Risk heat map", "風險熱力圖")
        return Chart.vega_lite(
            f"{title} ({self.level.label(script)})",
            script,
            width=300,
            height=300,
            data={"values": values},
            encoding={
                "x": {"field": "impact", "title": impact, **axis},
                "y": {
                    "field": "likelihood",
                    "title": likelihood,
                    "type": "ordinal",
                    "sort": [5, 4, 3, 2, 1],
                },
            },
            layer=[
                {
                    "mark": {"type": "rect", "stroke": "white"},
                    "encoding": {
                        "color": {
                            "field": "rating",
                            "type": "quantitative",
                            "title": rating,
                            "scale": {
                                "domain": [1, 25],
                                "range": ["#d9f0a3", "#fee08b", "#d73027"],
                            },
                        },
                        "tooltip": [
                            {"field": "likelihood", "title": likelihood},
                            {"field": "impact", "title": impact},
                            {"field": "count", "title": count},
                            {"field": "risks", "title": "id"},
                        ],
                    },
                },
                {
                    "mark": {"type": "text", "fontSize": 16, "fontWeight": "bold"},
                    "transform": [{"filter": "datum.count > 0"}],
                    "encoding": {"text": {"field": "count", "type": "quantitative"}},
                },
            ],
        )


class RiskRegister(Record, Displayable):
    """A register of risks with rating bands; risk ids are distinct.

    Examples:
        >>> from datetime import date
        >>> reg = RiskRegister(risks=(
        ...     Risk(id="a", title="资金中断", category=RiskCategory.FUNDING,
        ...          inherent=RiskScore(likelihood=3, impact=5), review_on=date(2025, 5, 31)),
        ...     Risk(id="b", title="人才流失", category=RiskCategory.STAFFING,
        ...          inherent=RiskScore(likelihood=3, impact=4)),
        ... ))
        >>> [(r.risk_id, r.rating, r.band.value) for r in reg.ranking()]
        [('a', 15, 'high'), ('b', 12, 'medium')]
        >>> reg.overdue_reviews(as_of=date(2025, 6, 1))
        ('a',)
    """

    risks: tuple[Risk, ...] = ()
    bands: RatingBands = RatingBands()

    @model_validator(mode="after")
    def _unique_ids(self) -> Self:
        check_unique("RiskRegister", "risks", (r.id for r in self.risks))
        return self

    def to_document(self, language: Language | str = "zh") -> Document:
        """Return the risks ranked by current rating as a table, then the heat map's chart.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> register = RiskRegister(risks=(Risk(id="r", title="资金中断", category="funding",
            ...                                     inherent=RiskScore(likelihood=3, impact=5)),))
            >>> print(register.to_markdown().splitlines()[-1])
            | r | 资金中断 | 3 | 5 | 15 | 高 |
            >>> print(register.to_text("en"))
            Risk register (by current rating)
            ---------------------------------
            <BLANKLINE>
            id  Risk      Likelihood  Impact  Rating  Band
            --  --------  ----------  ------  ------  ----
            r   资金中断  3           5       15      High
            <BLANKLINE>
        """
        script = canonical_language(language)
        title = select_language(
            script,
            "风险登记册(按当前评分排序)",
            "Risk register (by current rating)",
            "風險登記冊(按當前評分排序)",
        )
        header = (
            "id",
            select_language(script, "风险", "Risk", "風險"),
            select_language(script, "可能性", "Likelihood"),
            select_language(script, "影响", "Impact", "影響"),
            select_language(script, "评分", "Rating", "評分"),
            select_language(script, "等级", "Band", "等級"),
        )
        titles = {risk.id: risk.title for risk in self.risks}
        rows = [
            (r.risk_id, titles[r.risk_id], r.likelihood, r.impact, r.rating, r.band.label(script))
            for r in self.ranking()
        ]
        return Document([Heading(title), Table(header, rows), self.chart(script)])

    def to_rows(self) -> list[dict[str, Any]]:
        """Return one row per risk, highest current rating first (as `RiskRegister.ranking`).

        Each row has the risk's id and title, its current likelihood, impact
        and rating, and the code of its band.

        Examples:
            >>> def risk(id, title, likelihood, impact):
            ...     return Risk(id=id, title=title, category="funding",
            ...                 inherent=RiskScore(likelihood=likelihood, impact=impact))
            >>> register = RiskRegister(risks=(risk("a", "人才流失", 2, 3),
            ...                                risk("b", "资金中断", 3, 5)))
            >>> for row in register.to_rows():   # 3 × 5 = 15 is high, 2 × 3 = 6 medium
            ...     print(row["id"], row["title"], row["likelihood"], row["impact"],
            ...           row["rating"], row["band"])
            b 资金中断 3 5 15 high
            a 人才流失 2 3 6 medium
        """
        titles = {risk.id: risk.title for risk in self.risks}
        return [
            {
                "id": r.risk_id,
                "title": titles[r.risk_id],
                "likelihood": r.likelihood,
                "impact": r.impact,
                "rating": r.rating,
                "band": r.band.value,
            }
            for r in self.ranking()
        ]

    def chart(self, language: Language | str = "zh") -> Chart:
        """Return the heat map of current ratings as a Vega-Lite chart (`HeatMap.chart`).

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> RiskRegister().chart("en").title
            'Risk heat map (Current)'
        """
        return self.heat_map().chart(language)

    def rating(self, risk: Risk, level: ScoreLevel | str = ScoreLevel.CURRENT) -> RiskRating | None:
        """Rate one risk at ``level`` with this register's bands (``None`` if unrated).

        Raises:
            UnknownCodeError: ``level`` is no code of `ScoreLevel`.
            TypeError: ``risk`` is not a `Risk`.

        Examples:
            >>> risk = Risk(id="r", title="人才流失", category="staffing",
            ...             inherent=RiskScore(likelihood=3, impact=4))
            >>> rating = RiskRegister().rating(risk, "inherent")
            >>> rating.rating, rating.band.value
            (12, 'medium')
        """
        if not isinstance(risk, Risk):
            raise TypeError(f"risk must be a Risk; got {type(risk).__name__}")
        level = require_member(ScoreLevel, level, "level")
        score = risk.score(level)
        if score is None:
            return None
        band = self.bands.band(score.rating)
        return RiskRating(risk.id, level, score.likelihood, score.impact, score.rating, band)

    def ranking(self, level: ScoreLevel | str = ScoreLevel.CURRENT) -> tuple[RiskRating, ...]:
        """Risks rated at ``level`` (a member or its code), highest rating first.

        Ties go to the higher impact, then to the id, so the order is stable.

        Raises:
            UnknownCodeError: ``level`` is no code of `ScoreLevel`.

        Examples:
            >>> def risk(id, likelihood, impact):
            ...     return Risk(id=id, title=id, category="funding",
            ...                 inherent=RiskScore(likelihood=likelihood, impact=impact))
            >>> register = RiskRegister(risks=(risk("a", 4, 3), risk("b", 3, 4), risk("c", 5, 5)))
            >>> [(r.risk_id, r.rating) for r in register.ranking("inherent")]
            [('c', 25), ('b', 12), ('a', 12)]
        """
        level = require_member(ScoreLevel, level, "level")
        rated = (self.rating(r, level) for r in self.risks)
        return tuple(
            sorted(
                (r for r in rated if r is not None),
                key=lambda r: (-r.rating, -r.impact, r.risk_id),
            )
        )

    def heat_map(self, level: ScoreLevel | str = ScoreLevel.CURRENT) -> HeatMap:
        """Place each risk once in the 5×5 grid of likelihood × impact at ``level``.

        Raises:
            UnknownCodeError: ``level`` is no code of `ScoreLevel`.

        Examples:
            >>> register = RiskRegister(risks=(Risk(id="r", title="资金中断", category="funding",
            ...                                     inherent=RiskScore(likelihood=3, impact=5)),))
            >>> heat = register.heat_map("residual")
            >>> heat.total, heat.unrated
            (0, ('r',))
        """
        level = require_member(ScoreLevel, level, "level")
        cells: list[list[list[str]]] = [[[] for _ in range(5)] for _ in range(5)]
        unrated: list[str] = []
        for risk in self.risks:
            score = risk.score(level)
            if score is None:
                unrated.append(risk.id)
            else:
                cells[score.likelihood - 1][score.impact - 1].append(risk.id)
        return HeatMap(
            level, tuple(tuple(tuple(cell) for cell in row) for row in cells), tuple(unrated)
        )

    def overdue_reviews(self, *, as_of: date) -> tuple[str, ...]:
        """Ids of the risks whose review was overdue on ``as_of``, in register order.

        A review is overdue when its date is before ``as_of`` and the risk was
        still open that day (not closed, or closed after it: `Risk.open_on`).

        Raises:
            ArgumentError: ``as_of`` is a ``datetime`` or outside 1900–2199.

        Examples:
            >>> late = Risk(id="late", title="资金中断", category="funding", status="closed",
            ...             inherent=RiskScore(likelihood=3, impact=5),
            ...             review_on=date(2025, 3, 31), closed_on=date(2025, 5, 1))
            >>> register = RiskRegister(risks=(late,))
            >>> register.overdue_reviews(as_of=date(2025, 4, 15))   # still open then
            ('late',)
            >>> register.overdue_reviews(as_of=date(2025, 5, 1))    # closed that day
            ()
        """
        day = require_day(as_of, "as_of")
        return tuple(
            r.id
            for r in self.risks
            if r.review_on is not None and r.review_on < day and r.open_on(day)
        )
