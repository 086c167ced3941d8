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

from socialwork import display
from socialwork.display import Displayable
from socialwork.labels import LabelledEnum, Language
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

    def to_markdown(self, language: Language | str = "zh") -> str:
        """Return the current stage and the history of moves as Markdown.

        Examples:
            >>> from datetime import date
            >>> print(Engagement(community_id="c1", entered_on=date(2025, 1, 6)).to_markdown("en")
            ...       .splitlines()[2])
            Current stage: Preparation (since 2025-01-06)
        """
        return display._engagement_markdown(self, language)

    def chart(
        self, language: Language | str = "zh", *, as_of: date | None = None
    ) -> dict[str, Any]:
        """Return the stage timeline as a Vega-Lite v5 spec; the current stage runs to ``as_of``.

        Raises:
            ArgumentError: ``as_of`` is a ``datetime``, outside 1900–2199 or before ``entered_on``.

        Examples:
            >>> from datetime import date
            >>> e = Engagement(community_id="c1", entered_on=date(2025, 1, 6))
            >>> e.chart(as_of=date(2025, 3, 1))["data"]["values"][0]["end"]
            '2025-03-01'
        """
        return display.engagement_timeline_chart(self, language, as_of=as_of)

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
