"""The four stages of community work (社区工作阶段), in working order.

Community work moves through preparation (准备), launch (启动), consolidation
(巩固) and evaluation (评估); evaluation decides the next cycle, which starts
again at preparation. What practitioners need to know about each stage is in
`socialwork.stages.guide`.

Examples:
    >>> [stage.label() for stage in Stage]
    ['准备', '启动', '巩固', '评估']
    >>> Stage("launch").label("en"), Stage.LAUNCH.label("zh-Hant")
    ('Launch', '啓動')
"""

from __future__ import annotations

from socialwork.labels import LabelledEnum

__all__ = ["Stage"]


class Stage(LabelledEnum):
    """A stage of community work (社区工作阶段), declared in working order.

    Examples:
        >>> list(Stage) == sorted(Stage, key=lambda s: s.position)
        True
        >>> Stage.CONSOLIDATION.position, Stage.CONSOLIDATION.label("en")
        (2, 'Consolidation')
    """

    PREPARATION = "preparation", "准备", "Preparation", "準備"
    LAUNCH = "launch", "启动", "Launch", "啓動"
    CONSOLIDATION = "consolidation", "巩固", "Consolidation", "鞏固"
    EVALUATION = "evaluation", "评估", "Evaluation", "評估"

    @property
    def position(self) -> int:
        """The stage's place in the cycle, from 0 (preparation) to 3 (evaluation)."""
        return list(Stage).index(self)

    @property
    def following(self) -> Stage:
        """The stage that comes next; after evaluation a new cycle starts at preparation.

        Examples:
            >>> Stage.LAUNCH.following, Stage.EVALUATION.following
            (<Stage.CONSOLIDATION: 'consolidation' 巩固>, <Stage.PREPARATION: 'preparation' 准备>)
        """
        order = list(Stage)
        return order[(self.position + 1) % len(order)]
