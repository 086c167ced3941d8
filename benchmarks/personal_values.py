"""Count the error paths and reprs that echo a client's personal value.

Tries sixteen ways a personal value reaches a message or a repr (pydantic
errors of personal fields, the record rules that compare them, a repr, the
command line's ``validate`` and ``report``) and prints, for each, whether the
text holds the value whole, and whether a wrong ID number's message names the
check character that would repair it.

    uv run python benchmarks/personal_values.py
"""

from __future__ import annotations

import contextlib
import io
import json
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from socialwork.cli import main
from socialwork.models import Client, EmergencyContact, Guardian, Volunteer
from socialwork.records import replace
from socialwork.samples import station_month

NAME = "欧阳娜娜"
PHONE = "13912345678"
ADDRESS = "幸福路88号3单元"
GOOD_ID = "11010519491231002X"
BAD_ID = "110105194912310023"  # the check character should be X
BORN = date(1949, 12, 31)
BASE: dict[str, Any] = {"id": "p1", "community_id": "c1", "registered_on": date(2025, 1, 1)}


def _error_text(build: Callable[[], object]) -> str:
    try:
        built = build()
    except ValueError as err:
        return str(err) + repr(err)
    return repr(built)


def _cli(argv: list[str], records: dict[str, object]) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "records.json"
        path.write_text(json.dumps(records, ensure_ascii=False), encoding="utf-8")
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            main([*argv, str(path)])
    return out.getvalue() + err.getvalue()


def _records_with(client: dict[str, object]) -> dict[str, object]:
    data: dict[str, Any] = json.loads(station_month().model_dump_json())
    data["clients"][0] = {**data["clients"][0], **client}
    return data


PATHS: dict[str, tuple[str, Callable[[], str]]] = {
    "wrong ID check digit": (
        BAD_ID,
        lambda: _error_text(lambda: Client(**BASE, name="x", id_number=BAD_ID)),
    ),
    "ID number too short": (
        BAD_ID[:-1],
        lambda: _error_text(lambda: Client(**BASE, name="x", id_number=BAD_ID[:-1])),
    ),
    "ID birth date not a date": (
        "110105194913310023",
        lambda: _error_text(lambda: Client(**BASE, name="x", id_number="110105194913310023")),
    ),
    "ID and born_on disagree": (
        "1949-12-31",
        lambda: _error_text(
            lambda: Client(**BASE, name="x", id_number=GOOD_ID, born_on=date(1950, 1, 1))
        ),
    ),
    "born after registration": (
        "2026-02-03",
        lambda: _error_text(lambda: Client(**BASE, name="x", born_on=date(2026, 2, 3))),
    ),
    "born_on not a date": (
        "1949-02-30",
        lambda: _error_text(
            lambda: Client.model_validate({**BASE, "name": "x", "born_on": "1949-02-30"})
        ),
    ),
    "phone given as a number": (
        PHONE,
        lambda: _error_text(
            lambda: Client.model_validate({**BASE, "name": "x", "phone": int(PHONE)})
        ),
    ),
    "name with an unknown field": (
        NAME,
        lambda: _error_text(lambda: Client.model_validate({**BASE, "name": NAME, "nmae": NAME})),
    ),
    "address in a mistyped client": (
        ADDRESS,
        lambda: _error_text(
            lambda: Client.model_validate(
                {**BASE, "name": NAME, "address": ADDRESS, "risk_level": "x"}
            )
        ),
    ),
    "emergency contact phone as a number": (
        PHONE,
        lambda: _error_text(
            lambda: EmergencyContact.model_validate(
                {"name": NAME, "relationship": "子", "phone": int(PHONE)}
            )
        ),
    ),
    "guardian with an unknown field": (
        NAME,
        lambda: _error_text(
            lambda: Guardian.model_validate(
                {"id": "g1", "name": NAME, "relationship": "母", "x": NAME}
            )
        ),
    ),
    "volunteer phone as a number": (
        PHONE,
        lambda: _error_text(
            lambda: Volunteer.model_validate(
                {"id": "v1", "name": "x", "joined_on": date(2025, 1, 1), "phone": int(PHONE)}
            )
        ),
    ),
    "replace with a wrong ID number": (
        BAD_ID,
        lambda: _error_text(
            lambda: replace(Client(**BASE, name=NAME, id_number=GOOD_ID), id_number=BAD_ID)
        ),
    ),
    "repr of a client": (
        PHONE,
        lambda: repr(Client(**BASE, name=NAME, phone=PHONE, address=ADDRESS, id_number=GOOD_ID)),
    ),
    "socialwork validate, wrong ID number": (
        BAD_ID,
        lambda: _cli(["validate"], _records_with({"id_number": BAD_ID, "born_on": None})),
    ),
    "socialwork report, phone as a number": (
        PHONE,
        lambda: _cli(["report"], _records_with({"phone": int(PHONE)})),
    ),
}


def measure() -> dict[str, tuple[bool, bool]]:
    """Each path: (echoes its personal value, names the repairing check character)."""
    found: dict[str, tuple[bool, bool]] = {}
    for label, (value, produce) in PATHS.items():
        text = produce()
        repair = "should be X" in text or "should be 'X'" in text
        found[label] = (value in text, repair)
    return found


if __name__ == "__main__":
    results = measure()
    for label, (echoes, repair) in results.items():
        flags = ("ECHOES" if echoes else "masked") + (
            ", names the check character" if repair else ""
        )
        print(f"{label:42} {flags}")
    echoing = sum(echoes for echoes, _ in results.values())
    print(f"\n{echoing} of {len(results)} paths echo a personal value")
