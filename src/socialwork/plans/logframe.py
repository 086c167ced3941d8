"""A logical framework (逻辑框架): impact → outcome → output → activity.

Each node links to a node of the level directly above it; the `Logframe`
record checks the links when it is built, so its indented view never meets
a dangling or misplaced node.
"""

from __future__ import annotations

from typing import Self

from pydantic import model_validator

from socialwork.errors import ArgumentError
from socialwork.labels import LabelledEnum
from socialwork.records import Id, Record, Text, break_rule, check_unique

__all__ = ["Logframe", "LogframeLevel", "LogframeNode"]


class LogframeLevel(LabelledEnum):
    """The four levels of a logical framework, from the top."""

    IMPACT = "impact", "影响(总目标)", "Impact", "影響(總目標)"
    OUTCOME = "outcome", "成效", "Outcome", "成效"
    OUTPUT = "output", "产出", "Output", "產出"
    ACTIVITY = "activity", "活动", "Activity", "活動"

    @property
    def parent_level(self) -> LogframeLevel | None:
        """The level directly above (``None`` for impact).

        Examples:
            >>> LogframeLevel.OUTPUT.parent_level.value
            'outcome'
        """
        levels = list(LogframeLevel)
        index = levels.index(self)
        return levels[index - 1] if index else None


class LogframeNode(Record):
    """One row of a logframe, linked to a node of the level directly above.

    Examples:
        >>> LogframeNode(id="i", level=LogframeLevel.IMPACT, statement="青少年健康成长",
        ...              indicators=("服务对象情绪管理能力提升比例",)).parent_id is None
        True
    """

    id: Id
    level: LogframeLevel
    statement: Text
    indicators: tuple[Text, ...] = ()
    verification: tuple[Text, ...] = ()
    assumptions: tuple[Text, ...] = ()
    parent_id: Id | None = None


class Logframe(Record):
    """A logframe: impact → outcome → output → activity, each node linked one level up.

    An impact has no parent; every other node names a parent of the level
    directly above it.

    Examples:
        >>> L = LogframeLevel
        >>> lf = Logframe(nodes=(
        ...     LogframeNode(id="i", level=L.IMPACT, statement="青少年健康成长"),
        ...     LogframeNode(id="oc", level=L.OUTCOME, statement="情绪管理能力提升", parent_id="i"),
        ...     LogframeNode(id="op", level=L.OUTPUT, statement="开展情绪小组8节", parent_id="oc"),
        ...     LogframeNode(id="a", level=L.ACTIVITY, statement="招募组员", parent_id="op"),
        ... ))
        >>> [(depth, node.id) for depth, node in lf.rows]
        [(0, 'i'), (1, 'oc'), (2, 'op'), (3, 'a')]
    """

    nodes: tuple[LogframeNode, ...]

    @model_validator(mode="after")
    def _linked_one_level_up(self) -> Self:
        check_unique("Logframe", "nodes", (n.id for n in self.nodes))
        levels = {n.id: n.level for n in self.nodes}
        for index, node in enumerate(self.nodes):
            expected = node.level.parent_level
            if node.parent_id is not None and node.parent_id not in levels:
                break_rule(
                    "Logframe",
                    ("nodes", index, "parent_id"),
                    "unknown_reference",
                    "parent_id must name a node of the logframe; got {ref}",
                    node.parent_id,
                    ref=node.parent_id,
                )
            actual = None if node.parent_id is None else levels[node.parent_id]
            if actual is not expected:
                break_rule(
                    "Logframe",
                    ("nodes", index, "parent_id"),
                    "wrong_parent_level",
                    "a {level} node links to a {expected} node; got {actual}",
                    node.parent_id,
                    level=node.level.value,
                    expected=expected.value if expected else "no",
                    actual=actual.value if actual else "none",
                )
        return self

    def children(self, node_id: str | None) -> tuple[LogframeNode, ...]:
        """Nodes linked to ``node_id`` (the impacts for ``None``), in input order.

        Raises:
            ArgumentError: ``node_id`` names no node of the logframe.

        Examples:
            >>> lf = Logframe(nodes=(LogframeNode(id="i", level="impact", statement="总目标"),))
            >>> [n.id for n in lf.children(None)], lf.children("i")
            (['i'], ())
        """
        if node_id is not None and node_id not in {n.id for n in self.nodes}:
            raise ArgumentError("node_id", node_id, "the id of a node of the logframe, or None")
        return tuple(n for n in self.nodes if n.parent_id == node_id)

    @property
    def rows(self) -> tuple[tuple[int, LogframeNode], ...]:
        """The logframe as an indented view: (depth, node), depth first from each impact."""
        below: dict[str | None, list[LogframeNode]] = {}
        for node in self.nodes:
            below.setdefault(node.parent_id, []).append(node)
        rows: list[tuple[int, LogframeNode]] = []
        pending = [(0, n) for n in reversed(below.get(None, []))]
        while pending:
            depth, node = pending.pop()
            rows.append((depth, node))
            pending.extend((depth + 1, c) for c in reversed(below.get(node.id, [])))
        return tuple(rows)
