"""Error codes are stable, unique, and listed on the docs' errors page."""

from __future__ import annotations

import re
from pathlib import Path

from socialwork import errors, samples
from socialwork.errors import SocialWorkError
from socialwork.records import Record

RULE_CALL = r'break_rule\(\s*(?:"[A-Za-z]+"|record),\s*(?:\([^)]*\)|loc),\s*"([a-z_]+)"'
CUSTOM_ERROR = r'PydanticCustomError\(\s*"([a-z_]+)"'
COLLECTED_RULE = r'rule_error\(\s*(?:\([^)]*\)|loc),\s*"([a-z_]+)"'
ERRORS_PAGE = Path(__file__).parent.parent / "docs" / "errors.md"


def all_error_classes() -> list[type[SocialWorkError]]:
    found: list[type[SocialWorkError]] = []
    pending: list[type[SocialWorkError]] = [SocialWorkError]
    while pending:
        cls = pending.pop()
        found.append(cls)
        pending.extend(cls.__subclasses__())
    return found


def documented_codes(section: str) -> set[str]:
    text = ERRORS_PAGE.read_text(encoding="utf-8")
    body = text.split(f"<!-- {section} -->")[1].split("<!-- end -->")[0]
    return set(re.findall(r"^\| `([a-z_]+)` \|", body, flags=re.MULTILINE))


def test_codes_are_unique() -> None:
    codes = [cls.code for cls in all_error_classes()]
    assert len(codes) == len(set(codes))


def test_every_error_code_is_documented_and_nothing_else() -> None:
    assert {cls.code for cls in all_error_classes()} == documented_codes("error codes")


def test_every_error_is_exported_and_a_value_error() -> None:
    for cls in all_error_classes():
        assert issubclass(cls, ValueError)
        assert cls.__name__ in errors.__all__


def test_record_rule_codes_are_documented() -> None:
    package = Path(errors.__file__).parent
    used = set()
    for path in package.rglob("*.py"):
        text = path.read_text("utf-8")
        used |= set(re.findall(RULE_CALL, text)) | set(re.findall(CUSTOM_ERROR, text))
        used |= set(re.findall(COLLECTED_RULE, text))
    used.add("duplicate_id")
    # rules between fields declared as data (Record.declared_rules), not as break_rule calls;
    # the sample station imports every kind of record
    assert samples.station_month()
    kinds: list[type[Record]] = [Record]
    while kinds:
        kind = kinds.pop()
        kinds += kind.__subclasses__()
        used |= {rule.code for rule in kind.declared_rules}
    assert used
    assert used == documented_codes("record rules")


def test_errors_keep_their_values() -> None:
    err = errors.MetricInputError("denominator", -1, "at least 0")
    assert (err.parameter, err.value, err.expected) == ("denominator", -1, "at least 0")
    assert str(err) == "denominator must be at least 0; got -1"
    blocked = errors.TransitionBlocked("launch", "consolidation", ["leaders_trained"])
    assert blocked.unmet == ("leaders_trained",)
    assert "leaders_trained" in str(blocked)
    invalid = errors.InvalidTransition("intake", "intervention", "no goal")
    assert (invalid.from_status, invalid.to_status, invalid.guard) == (
        "intake",
        "intervention",
        "no goal",
    )
