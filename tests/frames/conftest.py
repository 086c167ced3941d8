"""Fixtures shared by the frames tests."""

from __future__ import annotations

import importlib.util

import pytest

from socialwork.frames import indicators as frame_indicators


@pytest.fixture
def without_pyarrow(monkeypatch: pytest.MonkeyPatch) -> None:
    """As if pyarrow were not installed (the dev environment has it)."""
    real = importlib.util.find_spec
    monkeypatch.setattr(
        frame_indicators, "find_spec", lambda name: None if name == "pyarrow" else real(name)
    )
