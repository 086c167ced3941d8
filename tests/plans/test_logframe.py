"""Tests of socialwork.plans.logframe."""

from __future__ import annotations

import pytest

from socialwork.errors import (
    ArgumentError,
)
from socialwork.plans import (
    Logframe,
    LogframeLevel,
    LogframeNode,
)


def test_children_of_an_unknown_node_is_an_error() -> None:
    frame = Logframe(nodes=(LogframeNode(id="i", level=LogframeLevel.IMPACT, statement="总目标"),))
    assert frame.children("i") == ()
    with pytest.raises(ArgumentError) as info:
        frame.children("nope")
    assert info.value.parameter == "node_id"
