"""One contract, one verdict: the malformations of ``benchmarks/frames_verdicts.py``."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

import pytest

from socialwork.errors import FrameContractError
from socialwork.frames import to_records, validate_frame
from tests.frames.test_contracts import documented_codes


def _probe() -> Any:
    path = Path(__file__).parents[2] / "benchmarks" / "frames_verdicts.py"
    spec = importlib.util.spec_from_file_location("frames_verdicts", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


PROBE = _probe()


def test_validate_frame_and_to_records_never_disagree() -> None:
    assert PROBE.verdicts() == []


@pytest.mark.parametrize("name", sorted(PROBE.CASES))
def test_each_malformation_is_refused_with_documented_codes(name: str) -> None:
    kind, mutation = PROBE.CASES[name]
    rows = mutation(PROBE._sample(kind, PROBE.SOURCES[kind]))
    for frame in PROBE._frames(rows).values():
        report = validate_frame(frame, kind)
        assert not report.ok, name
        assert {p.rule for p in report.problems} <= documented_codes()
        with pytest.raises(FrameContractError):
            to_records(frame, kind)


def test_the_codes_of_some_malformations() -> None:
    # worked by hand from the records' rules
    wanted = {
        "born after registration": {(0, "born_on", "born_after_registration")},
        "3-decimal hours": {(0, "hours", "decimal_max_places")},
        "hours zero": {(0, "hours", "greater_than")},
        "count 2.5": {(0, "duration_minutes", "int_type")},  # a Count is a strict int
        "resolved while open": {(0, "resolved_on", "resolved_while_open")},
        "required column left out": {(None, "registered_on", "missing_column")},
        "bad date and bad label": {(0, "registered_on", "date_format"), (0, "risk_level", "enum")},
        "duplicated id": {(0, "id", "duplicate_id"), (3, "id", "duplicate_id")},
    }
    for name, problems in wanted.items():
        kind, mutation = PROBE.CASES[name]
        for frame in PROBE._frames(mutation(PROBE._sample(kind, PROBE.SOURCES[kind]))).values():
            found = {(p.row, p.column, p.rule) for p in validate_frame(frame, kind).problems}
            assert found == problems, name
