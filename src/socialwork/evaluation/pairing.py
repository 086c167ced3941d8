"""Pre/post pairing (前后测配对): each client's baseline and follow-up, chosen by date.

`pre_post` picks, for each client and one scale, the baseline and the
follow-up administration by their dates under a stated `PairingRule`,
never by id or input order. Clients without a pair are counted and listed
with the reason (`Unpaired`), never dropped silently.

Examples:
    >>> from datetime import date
    >>> from socialwork.models import ScaleAdministration as A
    >>> given = [A(id="a1", client_id="p1", scale="gds15", on=date(2025, 3, 1), total=9),
    ...          A(id="a2", client_id="p1", scale="gds15", on=date(2025, 6, 30), total=4),
    ...          A(id="a3", client_id="p2", scale="gds15", on=date(2025, 3, 2), total=7)]
    >>> pp = pre_post(given, "gds15", start=date(2025, 3, 3), end=date(2025, 6, 27))
    >>> [(p.client_id, p.before, p.after) for p in pp.pairs]
    [('p1', 9.0, 4.0)]
    >>> [(u.client_id, u.reason.value) for u in pp.unpaired]
    [('p2', 'no_follow_up')]
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from attrs import field, frozen

from socialwork._arguments import require_day, require_instances, require_member, require_text
from socialwork.display.chart import Chart
from socialwork.display.displayable import Displayable
from socialwork.display.document import Document, Heading, Paragraph, Table
from socialwork.errors import EvaluationInputError
from socialwork.evaluation.scales import Scale, scale
from socialwork.labels import LabelledEnum, Language, canonical_language, select_language
from socialwork.models import ScaleAdministration

__all__ = ["Pair", "PairingRule", "PrePost", "Unpaired", "UnpairedReason", "pre_post"]


class PairingRule(LabelledEnum):
    """How the baseline and follow-up are chosen from a client's administrations (配对规则)."""

    ADJACENT = (
        "adjacent",
        "服务开始前(含当天)最后一次为前测, 服务结束后(含当天)第一次为后测",
        "Baseline: the last on or before the start; follow-up: the first on or after the end",
        "服務開始前(含當天)最後一次爲前測, 服務結束後(含當天)第一次爲後測",
    )
    OUTERMOST = (
        "outermost",
        "服务开始前(含当天)第一次为前测, 服务结束后(含当天)最后一次为后测",
        "Baseline: the first on or before the start; follow-up: the last on or after the end",
        "服務開始前(含當天)第一次爲前測, 服務結束後(含當天)最後一次爲後測",
    )
    NEAREST = (
        "nearest",
        "最接近开始日期的为前测, 最接近结束日期且晚于前测的为后测",
        "Baseline: the nearest to the start; follow-up: the nearest to the end, after it",
        "最接近開始日期的爲前測, 最接近結束日期且晚於前測的爲後測",
    )


class UnpairedReason(LabelledEnum):
    """Why a client has no pair of administrations (未配对原因)."""

    NOT_ASSESSED = "not_assessed", "未施测该量表", "Never given the scale", "未施測該量表"
    NO_BASELINE = "no_baseline", "缺少前测", "No baseline", "缺少前測"
    NO_FOLLOW_UP = "no_follow_up", "缺少后测", "No follow-up", "缺少後測"
    SAME_DAY = (
        "same_day",
        "选中的日期有两次施测, 无法判断用哪一次",
        "Two administrations on the chosen day",
        "選中的日期有兩次施測, 無法判斷用哪一次",
    )


@frozen
class Pair:
    """A client's baseline and follow-up administrations of one scale.

    Examples:
        >>> from datetime import date
        >>> from socialwork.models import ScaleAdministration as A
        >>> p = Pair("p1", A(id="a", client_id="p1", scale="gds15", on=date(2025, 3, 1), total=9),
        ...          A(id="b", client_id="p1", scale="gds15", on=date(2025, 7, 1), total=5))
        >>> p.change
        -4.0
    """

    client_id: str
    baseline: ScaleAdministration
    follow_up: ScaleAdministration

    @property
    def before(self) -> float:
        """The baseline total."""
        return self.baseline.total

    @property
    def after(self) -> float:
        """The follow-up total."""
        return self.follow_up.total

    @property
    def change(self) -> float:
        """Follow-up minus baseline."""
        return self.follow_up.total - self.baseline.total


def _reason(value: UnpairedReason | str) -> UnpairedReason:
    return require_member(UnpairedReason, value, "reason")


@frozen
class Unpaired:
    """A client left without a pair, and why.

    Examples:
        >>> Unpaired("p2", "no_baseline").reason.label("en")
        'No baseline'
    """

    client_id: str
    reason: UnpairedReason = field(converter=_reason)


@frozen
class PrePost(Displayable):
    """The pairs of one scale's administrations, and the clients left unpaired with reasons.

    Examples:
        >>> from datetime import date
        >>> pp = pre_post([], "gds15", start=date(2025, 3, 1), end=date(2025, 6, 30),
        ...               clients=["p1"])
        >>> len(pp.pairs), pp.unpaired[0].reason.value
        (0, 'not_assessed')
    """

    scale: Scale
    rule: PairingRule
    start: date
    end: date
    pairs: tuple[Pair, ...]
    unpaired: tuple[Unpaired, ...]

    @property
    def before(self) -> tuple[float, ...]:
        """The baseline totals, in the order of `pairs` (by client id)."""
        return tuple(p.before for p in self.pairs)

    @property
    def after(self) -> tuple[float, ...]:
        """The follow-up totals, in the order of `pairs` (by client id)."""
        return tuple(p.after for p in self.pairs)

    def unpaired_counts(self) -> dict[UnpairedReason, int]:
        """How many clients are unpaired for each reason (every reason listed, 0 included).

        Examples:
            >>> from datetime import date
            >>> pp = pre_post([], "gds15", start=date(2025, 3, 1), end=date(2025, 6, 30))
            >>> sum(pp.unpaired_counts().values())
            0
        """
        counts = dict.fromkeys(UnpairedReason, 0)
        for u in self.unpaired:
            counts[u.reason] += 1
        return counts

    def chart(self, language: Language | str = "zh") -> Chart:
        """Return a slope chart: each client's baseline and follow-up joined by a line.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> from datetime import date
            >>> pp = pre_post([], "gds15", start=date(2025, 3, 1), end=date(2025, 6, 30))
            >>> pp.chart("en").title
            'gds15: baseline and follow-up'
        """
        script = canonical_language(language)
        pre, post = (
            select_language(script, "前测", "Baseline", "前測"),
            select_language(script, "后测", "Follow-up", "後測"),
        )
        values = [
            {"client": p.client_id, "when": when, "total": total}
            for p in self.pairs
            for when, total in ((pre, p.before), (post, p.after))
        ]
        score = select_language(script, "总分", "Total", "總分")
        return Chart.vega_lite(
            select_language(
                script,
                f"{self.scale.code}: 前测与后测",
                f"{self.scale.code}: baseline and follow-up",
                f"{self.scale.code}: 前測與後測",
            ),
            script,
            data={"values": values},
            mark={"type": "line", "point": True, "opacity": 0.6},
            encoding={
                "x": {
                    "field": "when",
                    "type": "ordinal",
                    "sort": [pre, post],
                    "title": None,
                },
                "y": {"field": "total", "type": "quantitative", "title": score},
                "detail": {"field": "client", "type": "nominal"},
                "tooltip": [
                    {"field": "client", "type": "nominal"},
                    {"field": "total", "type": "quantitative"},
                ],
            },
            width=240,
        )

    def to_document(self, language: Language | str = "zh") -> Document:
        """Return the pairing: its rule, pairs, unpaired clients by reason, and the chart.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> from datetime import date
            >>> pp = pre_post([], "gds15", start=date(2025, 3, 1), end=date(2025, 6, 30))
            >>> print(pp.to_text("en").splitlines()[0])
            Pre/post pairs on gds15
        """
        script = canonical_language(language)
        rows = [
            [select_language(script, "配对", "Paired", "配對"), str(len(self.pairs))],
            *(
                [reason.label(script), str(count)]
                for reason, count in self.unpaired_counts().items()
                if count
            ),
        ]
        blocks: list[Any] = [
            Heading(
                select_language(
                    script,
                    f"{self.scale.code} 前后测配对",
                    f"Pre/post pairs on {self.scale.code}",
                    f"{self.scale.code} 前後測配對",
                )
            ),
            Paragraph(
                f"{self.start.isoformat()} – {self.end.isoformat()} · {self.rule.label(script)}",
                note=True,
            ),
            Table(
                [
                    select_language(script, "客户", "Clients", "客戶"),
                    select_language(script, "人数", "Count", "人數"),
                ],
                rows,
            ),
        ]
        if self.pairs:
            blocks.append(self.chart(script))
        return Document(blocks)

    def to_rows(self) -> list[dict[str, Any]]:
        """Return one row per client: the pair's dates and totals, or the reason it has none.

        Examples:
            >>> from datetime import date
            >>> pre_post([], "gds15", start=date(2025, 3, 1), end=date(2025, 6, 30),
            ...          clients=["p9"]).to_rows()[0]["unpaired"]
            'not_assessed'
        """
        rows: list[dict[str, Any]] = [
            {
                "client_id": p.client_id,
                "scale": self.scale.code,
                "baseline_on": p.baseline.on,
                "before": p.before,
                "follow_up_on": p.follow_up.on,
                "after": p.after,
                "change": p.change,
                "unpaired": None,
            }
            for p in self.pairs
        ]
        rows += [
            {
                "client_id": u.client_id,
                "scale": self.scale.code,
                "baseline_on": None,
                "before": None,
                "follow_up_on": None,
                "after": None,
                "change": None,
                "unpaired": u.reason.value,
            }
            for u in self.unpaired
        ]
        return rows


def _pair_of(
    client_id: str, found: list[ScaleAdministration], rule: PairingRule, start: date, end: date
) -> Pair | Unpaired:
    baseline_day: date | None
    if rule is PairingRule.NEAREST:
        baseline_day = min(found, key=lambda a: (abs((a.on - start).days), a.on)).on
        later = [a for a in found if a.on > baseline_day]
        follow_day = (
            min(later, key=lambda a: (abs((a.on - end).days), -a.on.toordinal())).on
            if later
            else None
        )
    else:
        before = sorted({a.on for a in found if a.on <= start})
        after = sorted({a.on for a in found if a.on >= end and a.on > start})
        outer = rule is PairingRule.OUTERMOST
        baseline_day = (before[0] if outer else before[-1]) if before else None
        follow_day = (after[-1] if outer else after[0]) if after else None
        if baseline_day is None:
            return Unpaired(client_id, UnpairedReason.NO_BASELINE)
    if follow_day is None:
        return Unpaired(client_id, UnpairedReason.NO_FOLLOW_UP)
    baseline = [a for a in found if a.on == baseline_day]
    follow_up = [a for a in found if a.on == follow_day]
    if len(baseline) > 1 or len(follow_up) > 1:
        return Unpaired(client_id, UnpairedReason.SAME_DAY)
    return Pair(client_id, baseline[0], follow_up[0])


def pre_post(
    administrations: Iterable[ScaleAdministration],
    scale_or_code: Scale | str,
    *,
    start: date,
    end: date,
    rule: PairingRule | str = PairingRule.ADJACENT,
    clients: Iterable[str] = (),
) -> PrePost:
    """Pair each client's baseline and follow-up administrations of one scale, by date.

    ``start`` and ``end`` are the service's first and last days (for
    ``nearest``, the days the baseline and follow-up were meant for).
    Under ``adjacent`` (the default) the baseline is the last
    administration on or before ``start`` and the follow-up the first on or
    after ``end`` (and after ``start``); under ``outermost`` the first before
    and the last after; administrations during the service are not used.
    Under ``nearest`` the baseline is the one nearest to ``start`` (the
    earlier on a tie) and the follow-up the one after it nearest to ``end``
    (the later on a tie). Two administrations on a chosen day leave the
    client unpaired (``same_day``), since neither can be preferred.
    Administrations of other scales are ignored; ``clients`` lists clients
    who should have been assessed, so that those never given the scale are
    counted (``not_assessed``). Pairs and unpaired clients are in client-id order.

    Raises:
        ArgumentError: ``start`` or ``end`` is a ``datetime`` or out of range.
        EvaluationInputError: ``end`` is before ``start`` (``end_before_start``)
            or two administrations share an id (``duplicate_administration``).
        UnknownCodeError: the scale or the rule is unknown.
        TypeError: an administration is not a `ScaleAdministration`.

    Examples:
        >>> from datetime import date
        >>> from socialwork.samples import mood_group_administrations
        >>> pp = pre_post(mood_group_administrations(), "gds15",
        ...               start=date(2025, 3, 4), end=date(2025, 5, 27))
        >>> len(pp.pairs), [(u.client_id, u.reason.value) for u in pp.unpaired]
        (10, [('e26', 'no_follow_up')])
    """
    chosen = scale(scale_or_code)
    start = require_day(start, "start")
    end = require_day(end, "end")
    rule = require_member(PairingRule, rule, "rule")
    if end < start:
        raise EvaluationInputError("end_before_start", end, f"an end on or after {start}")
    given = require_instances(ScaleAdministration, administrations, "administrations")
    expected = tuple(require_text(c, "clients") for c in clients)
    seen: set[str] = set()
    by_client: dict[str, list[ScaleAdministration]] = {}
    for a in given:
        if a.id in seen:
            raise EvaluationInputError("duplicate_administration", a.id, "distinct ids")
        seen.add(a.id)
        if a.scale == chosen.code:
            by_client.setdefault(a.client_id, []).append(a)
    pairs: list[Pair] = []
    unpaired: list[Unpaired] = [
        Unpaired(c, UnpairedReason.NOT_ASSESSED)
        for c in sorted(set(expected))
        if c not in by_client
    ]
    for client_id in sorted(by_client):
        found = _pair_of(client_id, by_client[client_id], rule, start, end)
        if isinstance(found, Pair):
            pairs.append(found)
        else:
            unpaired.append(found)
    unpaired.sort(key=lambda u: u.client_id)
    return PrePost(chosen, rule, start, end, tuple(pairs), tuple(unpaired))
