"""An engagement (社区介入): one community's journey through the stages of community work.

Examples:
    >>> from datetime import date
    >>> e = Engagement(community_id="c1", entered_on=date(2025, 3, 1))
    >>> e.stage.label(), e.cycle, e.history
    ('准备', 1, ())
"""

from __future__ import annotations

from datetime import date
from typing import Any, Self

from pydantic import model_validator

from socialwork._arguments import require_day
from socialwork.display.chart import Chart
from socialwork.display.displayable import Displayable
from socialwork.display.document import Document, Heading, Paragraph, Table
from socialwork.errors import ArgumentError
from socialwork.labels import LabelledEnum, Language, canonical_language, select_language
from socialwork.records import Day, Id, Record, Text, break_rule, check_chain
from socialwork.stages.stage import Stage

__all__ = ["Engagement", "MoveKind", "StageMove"]


class MoveKind(LabelledEnum):
    """How an engagement moved between stages.

    Examples:
        >>> MoveKind.NEW_CYCLE.label("en")
        'New cycle'
    """

    FORWARD = "forward", "推进", "Forward", "推進"
    BACK = "back", "回退", "Back", "回退"
    NEW_CYCLE = "new_cycle", "开始新一轮", "New cycle", "開始新一輪"


class StageMove(Record):
    """One entry of an engagement's history: a move from one stage to another.

    A forward move goes to the next stage, a new cycle goes from evaluation
    to preparation, and a move back goes to an earlier stage and needs a
    reason.

    Examples:
        >>> from datetime import date
        >>> move = StageMove(on=date(2025, 9, 1), from_stage=Stage.CONSOLIDATION,
        ...                  to_stage=Stage.LAUNCH, kind=MoveKind.BACK, reason="骨干相继退出")
        >>> move.kind.label()
        '回退'
    """

    on: Day
    from_stage: Stage
    to_stage: Stage
    kind: MoveKind
    reason: Text | None = None

    @model_validator(mode="after")
    def _kind_fits_the_stages(self) -> Self:
        if self.kind is MoveKind.BACK:
            fits = self.to_stage.position < self.from_stage.position and self.reason is not None
            expected = "an earlier stage and a reason"
        elif self.kind is MoveKind.NEW_CYCLE:
            fits = (self.from_stage, self.to_stage) == (Stage.EVALUATION, Stage.PREPARATION)
            expected = "from evaluation to preparation"
        else:
            fits = (
                self.from_stage is not Stage.EVALUATION
                and self.to_stage is self.from_stage.following
            )
            expected = "to the next stage, before evaluation"
        if not fits:
            break_rule(
                "StageMove",
                ("kind",),
                "stage_move_mismatch",
                "a {kind} move must go {expected}; got {start} to {end}",
                self.kind.value,
                kind=self.kind.value,
                expected=expected,
                start=self.from_stage.value,
                end=self.to_stage.value,
            )
        return self


class Engagement(Record, Displayable):
    """One community's journey through the stages of community work.

    ``stage`` is where the community stands now and ``entered_on`` the day it
    got there. The history is a chain of moves in date order that ends at
    ``stage`` on ``entered_on``.

    Examples:
        >>> from datetime import date
        >>> move = StageMove(on=date(2025, 6, 1), from_stage=Stage.PREPARATION,
        ...                  to_stage=Stage.LAUNCH, kind=MoveKind.FORWARD)
        >>> e = Engagement(community_id="c1", stage=Stage.LAUNCH, entered_on=date(2025, 6, 1),
        ...                history=(move,))
        >>> e.stage.label("en"), len(e.history)
        ('Launch', 1)
    """

    community_id: Id
    stage: Stage = Stage.PREPARATION
    entered_on: Day
    history: tuple[StageMove, ...] = ()

    def to_document(self, language: Language | str = "zh") -> Document:
        """Return the current stage, the history of moves and the stage timeline.

        The timeline (`chart`) runs to the day the current stage was
        entered; call ``chart(as_of=...)`` for one that runs to a later day.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> from datetime import date
            >>> print(Engagement(community_id="c1", entered_on=date(2025, 1, 6)).to_markdown("en")
            ...       .splitlines()[2])
            Current stage: Preparation (since 2025-01-06)
        """
        script = canonical_language(language)
        title = select_language(script, "社区工作阶段", "Stages of community work", "社區工作階段")
        now = select_language(script, "当前阶段", "Current stage", "當前階段")
        since = select_language(script, "自", "since")
        rows = [
            (m.on, m.from_stage.label(script), m.to_stage.label(script), m.kind.label(script))
            for m in self.history
        ]
        header = (
            select_language(script, "日期", "Date"),
            select_language(script, "从", "From", "從"),
            select_language(script, "到", "To"),
            select_language(script, "类型", "Kind", "類型"),
        )
        return Document(
            [
                Heading(f"{title}: {self.community_id}"),
                Paragraph(f"{now}: {self.stage.label(script)} ({since} {self.entered_on})"),
                Table(header, rows),
                self.chart(script),
            ]
        )

    def chart(self, language: Language | str = "zh", *, as_of: date | None = None) -> Chart:
        """Return the stages over time as a Gantt-style timeline.

        Each stage the community went through is a bar from the day it was
        entered to the day it was left; the current stage runs to ``as_of``
        (or is a mark on the day it was entered when ``as_of`` is not given).
        A stage entered twice (a step back, a new cycle) has two bars.

        Raises:
            ArgumentError: ``as_of`` is a ``datetime``, outside 1900–2199 or before ``entered_on``.
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> from datetime import date
            >>> e = Engagement(community_id="c1", entered_on=date(2025, 1, 6))
            >>> e.chart("en")
            Chart('Stages of community work: c1')
            >>> values = e.chart("en", as_of=date(2025, 3, 1)).to_dict()["data"]["values"]
            >>> [(v["stage"], v["start"], v["end"]) for v in values]
            [('Preparation', '2025-01-06', '2025-03-01')]
        """
        script = canonical_language(language)
        end = None if as_of is None else require_day(as_of, "as_of")
        if end is not None and end < self.entered_on:
            raise ArgumentError("as_of", end, f"on or after {self.entered_on}")
        spans: list[tuple[Stage, date, date | None]] = []
        if self.history:
            first = self.history[0]
            spans.append((first.from_stage, first.on, first.on))
            for move, following in zip(self.history, (*self.history[1:], None), strict=True):
                spans.append((move.to_stage, move.on, None if following is None else following.on))
        else:
            spans.append((self.stage, self.entered_on, None))
        values: list[dict[str, Any]] = [
            {
                "stage": stage.label(script),
                "order": stage.position,
                "start": start.isoformat(),
                "end": (stop or end or start).isoformat(),
            }
            for stage, start, stop in spans
        ]
        stage_title = select_language(script, "阶段", "Stage", "階段")
        date_title = select_language(script, "日期", "Date")
        order = [v["stage"] for v in sorted(values, key=lambda v: int(v["order"]))]
        y = {
            "field": "stage",
            "type": "ordinal",
            "title": stage_title,
            "sort": list(dict.fromkeys(order)),
        }
        title = select_language(script, "社区工作阶段", "Stages of community work", "社區工作階段")
        return Chart.vega_lite(
            f"{title}: {self.community_id}",
            script,
            width=420,
            data={"values": values},
            encoding={"y": y},
            layer=[
                {
                    "mark": {"type": "bar", "height": 14},
                    "encoding": {
                        "x": {
                            "field": "start",
                            "type": "temporal",
                            "title": date_title,
                            "axis": {"format": "%Y-%m"},
                        },
                        "x2": {"field": "end"},
                        "color": {"field": "stage", "type": "nominal", "legend": None},
                        "tooltip": [
                            {"field": "stage", "title": stage_title},
                            {"field": "start", "type": "temporal"},
                            {"field": "end", "type": "temporal"},
                        ],
                    },
                },
                {
                    "mark": {"type": "tick", "thickness": 2, "color": "#333"},
                    "encoding": {"x": {"field": "start", "type": "temporal"}},
                },
            ],
        )

    @property
    def cycle(self) -> int:
        """The cycle the engagement is in: 1, plus one for every new cycle started."""
        return 1 + sum(move.kind is MoveKind.NEW_CYCLE for move in self.history)

    @model_validator(mode="after")
    def _history_ends_here(self) -> Self:
        check_chain(
            "Engagement",
            "stage",
            ((move.on, move.from_stage, move.to_stage) for move in self.history),
            self.stage,
        )
        if self.history and self.history[-1].on != self.entered_on:
            break_rule(
                "Engagement",
                ("entered_on",),
                "entered_on_mismatch",
                "entered_on must be the date of the last history entry ({last}); got {day}",
                self.entered_on,
                last=self.history[-1].on,
                day=self.entered_on,
            )
        return self
