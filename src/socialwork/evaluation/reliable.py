"""Reliable change and clinical significance (可靠改变与临床显著性), after Jacobson and Truax.

`reliable_change` takes the pairs of one scale (`socialwork.evaluation.pre_post`),
the scale's reliability r and a norm standard deviation s₁, both stated by
the caller, and classes each client:

* SE = s₁·√(1 − r), S_diff = √2·SE, RC = (after − before) / S_diff;
  a change is reliable when |RC| > 1.96 (strictly).
* The direction of improvement is the scale's (lower is better on the GDS-15).
* ``recovered``: a reliable improvement that crossed the clinical cut-off
  from the dysfunctional side (at or worse than the cut-off) to the
  functional side (strictly better); ``improved``: any other reliable
  improvement; ``deteriorated``: a reliable worsening; ``unchanged``: the rest.
  Without a cut-off nobody is classed ``recovered``.

The cut-off is a `Cutoff`: one of Jacobson and Truax's a, b or c from the
means and SDs of a dysfunctional and a functional population
(`clinical_cutoff`), with the multiplier of the SD named (2 by the paper;
some implementations use 1.96), or a published cut-off given as a number.

Examples:
    >>> from datetime import date
    >>> from socialwork.evaluation import pre_post
    >>> from socialwork.samples import mood_group_administrations
    >>> pairs = pre_post(mood_group_administrations(), "gds15",
    ...                  start=date(2025, 3, 4), end=date(2025, 5, 27))
    >>> rc = reliable_change(pairs, reliability=0.8, sd=3.0, cutoff=5)
    >>> {c.value: n for c, n in rc.counts().items()}
    {'recovered': 4, 'improved': 1, 'unchanged': 4, 'deteriorated': 1}
"""

from __future__ import annotations

import math
from typing import Any

from attrs import field, frozen

from socialwork._arguments import require_figure, require_finite, require_instance, require_member
from socialwork.display.chart import Chart
from socialwork.display.displayable import Displayable
from socialwork.display.document import Document, Heading, Paragraph, Table
from socialwork.errors import EvaluationInputError
from socialwork.evaluation.pairing import PrePost, Unpaired
from socialwork.labels import LabelledEnum, Language, canonical_language, select_language
from socialwork.metrics.definitions import Direction
from socialwork.metrics.rates import Rate

__all__ = [
    "ChangeClass",
    "ClientChange",
    "Cutoff",
    "CutoffCriterion",
    "ReliableChange",
    "clinical_cutoff",
    "reliable_change",
]

RC_CRITICAL = 1.96
"""|RC| above this is a reliable change (Jacobson and Truax 1991: p < 0.05, two-sided)."""


class ChangeClass(LabelledEnum):
    """How a client changed, after Jacobson and Truax (改变类别)."""

    RECOVERED = "recovered", "康复", "Recovered", "康復"
    IMPROVED = "improved", "可靠改善", "Reliably improved", "可靠改善"
    UNCHANGED = "unchanged", "无可靠变化", "Unchanged", "無可靠變化"
    DETERIORATED = "deteriorated", "可靠恶化", "Deteriorated", "可靠惡化"


class CutoffCriterion(LabelledEnum):
    """Which clinical cut-off of Jacobson and Truax, or a given one (临界值标准)."""

    A = (
        "a",
        "a: 超出功能失调人群均值若干个标准差",
        "a: beyond the dysfunctional mean by k SDs",
        "a: 超出功能失調人羣均值若干個標準差",
    )
    B = (
        "b",
        "b: 进入功能正常人群均值若干个标准差以内",
        "b: within k SDs of the functional mean",
        "b: 進入功能正常人羣均值若干個標準差以內",
    )
    C = (
        "c",
        "c: 两个人群之间按标准差加权的中点",
        "c: the SD-weighted midpoint of the two populations",
        "c: 兩個人羣之間按標準差加權的中點",
    )
    GIVEN = "given", "给定的临界值", "A given cut-off", "給定的臨界值"


@frozen
class Cutoff:
    """A clinical cut-off: its value, the criterion and the SD multiplier used (a and b only).

    Examples:
        >>> Cutoff(5.0, CutoffCriterion.GIVEN, None).value
        5.0
    """

    value: float
    criterion: CutoffCriterion
    multiplier: float | None


def clinical_cutoff(
    criterion: CutoffCriterion | str,
    direction: Direction | str,
    *,
    dysfunctional: tuple[float, float] | None = None,
    functional: tuple[float, float] | None = None,
    multiplier: float = 2.0,
) -> Cutoff:
    """Return Jacobson and Truax's cut-off a, b or c from population (mean, SD) pairs.

    ``a`` lies ``multiplier`` SDs beyond the dysfunctional mean in the
    direction of improvement; ``b`` lies ``multiplier`` SDs short of the
    functional mean; ``c`` = (s_dys·m_fun + s_fun·m_dys) / (s_dys + s_fun)
    needs both populations and no multiplier. The paper uses 2; some
    implementations use 1.96, so it is stated.

    Raises:
        EvaluationInputError: a population the criterion needs is missing,
            or ``given`` is asked for (``no_cutoff_norms``).
        ArgumentError: a mean is not finite, an SD is not from 0 to 10¹⁵
            (and both are 0 for ``c``), or ``multiplier`` is not from 0 to 10.

    Examples:
        >>> clinical_cutoff("c", "lower_is_better", dysfunctional=(10, 3), functional=(3, 2)).value
        5.8
        >>> clinical_cutoff("a", "lower_is_better", dysfunctional=(10, 3)).value
        4.0
    """
    chosen = require_member(CutoffCriterion, criterion, "criterion")
    way = require_member(Direction, direction, "direction")
    k = require_finite(multiplier, "multiplier", 0, 10)
    sign = 1.0 if way is Direction.HIGHER_IS_BETTER else -1.0
    dys = _population(dysfunctional, "dysfunctional")
    fun = _population(functional, "functional")
    if chosen is CutoffCriterion.A and dys is not None:
        return Cutoff(dys[0] + sign * k * dys[1], chosen, k)
    if chosen is CutoffCriterion.B and fun is not None:
        return Cutoff(fun[0] - sign * k * fun[1], chosen, k)
    if chosen is CutoffCriterion.C and dys is not None and fun is not None:
        if dys[1] + fun[1] == 0:
            raise EvaluationInputError("no_cutoff_norms", 0, "SDs that are not both 0")
        value = (dys[1] * fun[0] + fun[1] * dys[0]) / (dys[1] + fun[1])
        return Cutoff(value, chosen, None)
    raise EvaluationInputError(
        "no_cutoff_norms",
        chosen.value,
        "the dysfunctional population for a, the functional one for b, both for c",
    )


def _population(value: object, parameter: str) -> tuple[float, float] | None:
    if value is None:
        return None
    if not isinstance(value, tuple) or len(value) != 2:
        raise TypeError(f"{parameter} must be a (mean, sd) tuple; got {type(value).__name__}")
    mean = require_figure(value[0], f"{parameter} mean")
    sd = require_finite(value[1], f"{parameter} sd", 0, 1e15)
    return mean, sd


@frozen
class ClientChange:
    """One client's change: scores, the reliable change index and the class.

    Examples:
        >>> ClientChange("p1", 9.0, 3.0, -2.5, ChangeClass.RECOVERED).change
        -6.0
    """

    client_id: str
    before: float
    after: float
    rc: float
    klass: ChangeClass

    @property
    def change(self) -> float:
        """Follow-up minus baseline."""
        return self.after - self.before


def _criterion(value: Cutoff | float | None) -> Cutoff | None:
    if value is None or isinstance(value, Cutoff):
        return value
    return Cutoff(require_figure(value, "cutoff"), CutoffCriterion.GIVEN, None)


@frozen
class ReliableChange(Displayable):
    """Each client's reliable change and class, the classes' counts and shares, and the inputs.

    Examples:
        >>> from datetime import date
        >>> from socialwork.evaluation import pre_post
        >>> from socialwork.samples import mood_group_administrations
        >>> pairs = pre_post(mood_group_administrations(), "gds15",
        ...                  start=date(2025, 3, 4), end=date(2025, 5, 27))
        >>> rc = reliable_change(pairs, reliability=0.8, sd=3.0)
        >>> round(rc.s_diff, 3), str(rc.share("improved"))
        (1.897, '50.0% (5/10)')
    """

    scale: str
    direction: Direction
    reliability: float
    sd: float
    cutoff: Cutoff | None
    clients: tuple[ClientChange, ...]
    unpaired: tuple[Unpaired, ...] = field(factory=tuple)

    def __attrs_post_init__(self) -> None:
        """Refuse a reliability or an SD from which no standard error follows."""
        require_finite(self.reliability, "reliability", 0, 0.9999)
        require_finite(self.sd, "sd", 1e-6, 1e6)

    @property
    def se(self) -> float:
        """The standard error of measurement, s₁·√(1 − r)."""
        return self.sd * math.sqrt(1 - self.reliability)

    @property
    def s_diff(self) -> float:
        """The standard error of a difference, √2·SE."""
        return math.sqrt(2) * self.se

    @property
    def threshold(self) -> float:
        """The smallest change in scale points that is reliable: 1.96·S_diff."""
        return RC_CRITICAL * self.s_diff

    def counts(self) -> dict[ChangeClass, int]:
        """How many clients fall in each class (every class listed, 0 included).

        Examples:
            >>> from datetime import date
            >>> from socialwork.evaluation import pre_post
            >>> rc = reliable_change(pre_post([], "gds15", start=date(2025, 1, 1),
            ...                               end=date(2025, 2, 1)), reliability=0.8, sd=3)
            >>> sum(rc.counts().values())
            0
        """
        found = dict.fromkeys(ChangeClass, 0)
        for c in self.clients:
            found[c.klass] += 1
        return found

    def share(self, klass: ChangeClass | str) -> Rate:
        """Return the share of paired clients in ``klass``, a `Rate` with its Wilson interval.

        Raises:
            UnknownCodeError: ``klass`` is no `ChangeClass` code.

        Examples:
            >>> from datetime import date
            >>> from socialwork.evaluation import pre_post
            >>> rc = reliable_change(pre_post([], "gds15", start=date(2025, 1, 1),
            ...                               end=date(2025, 2, 1)), reliability=0.8, sd=3)
            >>> str(rc.share("recovered"))
            'n/a'
        """
        chosen = require_member(ChangeClass, klass, "klass")
        return Rate(self.counts()[chosen], len(self.clients))

    def chart(self, language: Language | str = "zh") -> Chart:
        """Return the Jacobson plot: baseline against follow-up, no-change line and RC band.

        Points are clients, coloured by class; the diagonal is no change;
        the two dashed lines around it are ±1.96·S_diff, inside which a
        change is not reliable; the cut-off, when given, is a horizontal line.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> from datetime import date
            >>> from socialwork.evaluation import pre_post
            >>> rc = reliable_change(pre_post([], "gds15", start=date(2025, 1, 1),
            ...                               end=date(2025, 2, 1)), reliability=0.8, sd=3)
            >>> len(rc.chart().to_dict()["layer"])
            3
        """
        script = canonical_language(language)
        scores = [v for c in self.clients for v in (c.before, c.after)]
        if self.cutoff is not None:
            scores.append(self.cutoff.value)
        low = min(scores, default=0.0) - self.threshold
        high = max(scores, default=1.0) + self.threshold
        pre = select_language(script, "前测", "Baseline", "前測")
        post = select_language(script, "后测", "Follow-up", "後測")
        klass = select_language(script, "类别", "Class", "類別")
        points = [
            {"client": c.client_id, pre: c.before, post: c.after, klass: c.klass.label(script)}
            for c in self.clients
        ]
        lines = [
            {"x": x, "y": x + shift, "line": name}
            for shift, name in (
                (0.0, "0"),
                (self.threshold, "+"),
                (-self.threshold, "-"),
            )
            for x in (low, high)
        ]
        scale = {"domain": [low, high], "nice": False}
        layers: list[dict[str, Any]] = [
            {
                "data": {"values": lines},
                "mark": {"type": "line", "clip": True},
                "encoding": {
                    "x": {"field": "x", "type": "quantitative", "scale": scale, "title": pre},
                    "y": {"field": "y", "type": "quantitative", "scale": scale, "title": post},
                    "detail": {"field": "line", "type": "nominal"},
                    "strokeDash": {
                        "condition": {"test": "datum.line === '0'", "value": [1, 0]},
                        "value": [4, 4],
                    },
                    "color": {"value": "#888888"},
                },
            },
            {
                "data": {"values": points},
                "mark": {"type": "point", "filled": True, "size": 70},
                "encoding": {
                    "x": {"field": pre, "type": "quantitative", "scale": scale},
                    "y": {"field": post, "type": "quantitative", "scale": scale},
                    "color": {
                        "field": klass,
                        "type": "nominal",
                        "scale": {"domain": [k.label(script) for k in ChangeClass]},
                    },
                    "tooltip": [
                        {"field": "client", "type": "nominal"},
                        {"field": pre, "type": "quantitative"},
                        {"field": post, "type": "quantitative"},
                    ],
                },
            },
        ]
        cut = [] if self.cutoff is None else [{"c": self.cutoff.value}]
        layers.append(
            {
                "data": {"values": cut},
                "mark": {"type": "rule", "strokeDash": [2, 2], "color": "#cc4444"},
                "encoding": {"y": {"field": "c", "type": "quantitative", "scale": scale}},
            }
        )
        return Chart.vega_lite(
            select_language(
                script,
                f"{self.scale}: Jacobson 图",
                f"{self.scale}: Jacobson plot",
                f"{self.scale}: Jacobson 圖",
            ),
            script,
            layer=layers,
            width=320,
            height=320,
        )

    def to_document(self, language: Language | str = "zh") -> Document:
        """Return the classes as a funder's table (count, share, 95% Wilson interval) and the plot.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> from datetime import date
            >>> from socialwork.evaluation import pre_post
            >>> from socialwork.samples import mood_group_administrations
            >>> pairs = pre_post(mood_group_administrations(), "gds15",
            ...                  start=date(2025, 3, 4), end=date(2025, 5, 27))
            >>> rc = reliable_change(pairs, reliability=0.8, sd=3.0, cutoff=5)
            >>> print(rc.to_text("en"))  # doctest: +ELLIPSIS
            Reliable change on gds15
            ------------------------
            ...
        """
        script = canonical_language(language)
        rows = []
        for klass, count in self.counts().items():
            share = Rate(count, len(self.clients))
            interval = "—"
            if share.denominator:
                lo, hi = share.wilson()
                interval = f"{100 * lo:.1f}%–{100 * hi:.1f}%"
            percent = "n/a" if share.percent is None else f"{share.percent:.1f}%"
            rows.append([klass.label(script), str(count), percent, interval])
        cutoff = "—"
        if self.cutoff is not None:
            cutoff = f"{self.cutoff.value:g} ({self.cutoff.criterion.label(script)}"
            if self.cutoff.multiplier is not None:
                cutoff += f", k = {self.cutoff.multiplier:g}"
            cutoff += ")"
        inputs = select_language(
            script,
            f"信度 r = {self.reliability:g}, 常模标准差 s₁ = {self.sd:g}, "
            f"S_diff = {self.s_diff:.3f}, 可靠改变至少 {self.threshold:.2f} 分 (|RC| > 1.96); "
            f"{self.direction.label(script)}; 临界值 {cutoff}; 未配对 {len(self.unpaired)} 人。",
            f"Reliability r = {self.reliability:g}, norm SD s₁ = {self.sd:g}, "
            f"S_diff = {self.s_diff:.3f}, a reliable change is more than "
            f"{self.threshold:.2f} points (|RC| > 1.96); {self.direction.label(script)}; "
            f"cut-off {cutoff}; unpaired clients: {len(self.unpaired)}.",
            f"信度 r = {self.reliability:g}, 常模標準差 s₁ = {self.sd:g}, "
            f"S_diff = {self.s_diff:.3f}, 可靠改變至少 {self.threshold:.2f} 分 (|RC| > 1.96); "
            f"{self.direction.label(script)}; 臨界值 {cutoff}; 未配對 {len(self.unpaired)} 人。",
        )
        header = [
            select_language(script, "类别", "Class", "類別"),
            select_language(script, "人数", "Clients", "人數"),
            select_language(script, "比例", "Share", "比例"),
            select_language(script, "95% 置信区间", "95% interval", "95% 置信區間"),
        ]
        return Document(
            [
                Heading(
                    select_language(
                        script,
                        f"{self.scale} 可靠改变",
                        f"Reliable change on {self.scale}",
                        f"{self.scale} 可靠改變",
                    )
                ),
                Table(header, rows),
                Paragraph(inputs, note=True),
                self.chart(script),
            ]
        )

    def to_rows(self) -> list[dict[str, Any]]:
        """Return one row per paired client: scores, change, RC and class.

        Examples:
            >>> from datetime import date
            >>> from socialwork.evaluation import pre_post
            >>> from socialwork.samples import mood_group_administrations
            >>> pairs = pre_post(mood_group_administrations(), "gds15",
            ...                  start=date(2025, 3, 4), end=date(2025, 5, 27))
            >>> reliable_change(pairs, reliability=0.8, sd=3.0).to_rows()[0]["class"]
            'improved'
        """
        return [
            {
                "client_id": c.client_id,
                "scale": self.scale,
                "before": c.before,
                "after": c.after,
                "change": c.change,
                "rc": c.rc,
                "class": c.klass.value,
            }
            for c in self.clients
        ]


def _klass(
    before: float, after: float, rc: float, direction: Direction, cutoff: Cutoff | None
) -> ChangeClass:
    better = rc if direction is Direction.HIGHER_IS_BETTER else -rc
    if better < -RC_CRITICAL:
        return ChangeClass.DETERIORATED
    if better <= RC_CRITICAL:
        return ChangeClass.UNCHANGED
    if cutoff is not None:

        def functional(score: float) -> bool:
            if direction is Direction.HIGHER_IS_BETTER:
                return score > cutoff.value
            return score < cutoff.value

        if not functional(before) and functional(after):
            return ChangeClass.RECOVERED
    return ChangeClass.IMPROVED


def reliable_change(
    pairs: PrePost,
    *,
    reliability: float,
    sd: float,
    cutoff: Cutoff | float | None = None,
) -> ReliableChange:
    """Class each paired client by Jacobson and Truax's reliable change and clinical cut-off.

    ``reliability`` is the scale's reliability r (test–retest or internal
    consistency, from 0 up to but not including 1) and ``sd`` the standard
    deviation s₁ of a norm or of the baseline scores (above 0), both stated
    by the caller because they come from the literature or the sample, not
    from the scale. ``cutoff`` is a `Cutoff` (`clinical_cutoff`) or a
    published cut-off as a number; without one nobody is ``recovered``.

    Raises:
        ArgumentError: ``reliability`` is not from 0 to 0.9999, ``sd`` is
            not from 10⁻⁶ to 10⁶, or the cut-off is not finite.
        TypeError: ``pairs`` is not a `PrePost`.

    Examples:
        >>> from datetime import date
        >>> from socialwork.evaluation import pre_post
        >>> from socialwork.models import ScaleAdministration as A
        >>> given = [A(id="a", client_id="p1", scale="gds15", on=date(2025, 3, 1), total=9),
        ...          A(id="b", client_id="p1", scale="gds15", on=date(2025, 7, 1), total=3)]
        >>> pairs = pre_post(given, "gds15", start=date(2025, 3, 3), end=date(2025, 6, 27))
        >>> c = reliable_change(pairs, reliability=0.8, sd=3.0, cutoff=5).clients[0]
        >>> round(c.rc, 3), c.klass.value
        (-3.162, 'recovered')
    """
    require_instance(PrePost, pairs, "pairs")
    r = require_finite(reliability, "reliability", 0, 0.9999)
    s1 = require_finite(sd, "sd", 1e-6, 1e6)
    chosen = _criterion(cutoff)
    direction = pairs.scale.direction
    s_diff = math.sqrt(2) * s1 * math.sqrt(1 - r)
    clients = tuple(
        ClientChange(
            p.client_id,
            p.before,
            p.after,
            (p.after - p.before) / s_diff,
            _klass(p.before, p.after, (p.after - p.before) / s_diff, direction, chosen),
        )
        for p in pairs.pairs
    )
    return ReliableChange(
        scale=pairs.scale.code,
        direction=direction,
        reliability=r,
        sd=s1,
        cutoff=chosen,
        clients=clients,
        unpaired=pairs.unpaired,
    )
