"""Resident ID numbers on Client and guardians' consent."""

from __future__ import annotations

import warnings
from datetime import date

import pytest
from hypothesis import given
from pydantic import ValidationError

from socialwork.errors import UnknownRegionWarning
from socialwork.models import Client, Consent, ConsentScope, Guardian
from tests.strategies import clients, id_number_for

# GB 11643's own example number: Beijing Chaoyang, born 1949-12-31, check character X.
EXAMPLE = "11010519491231002X"


def client(**changes: object) -> Client:
    data: dict[str, object] = {
        "id": "p1",
        "name": "王丽",
        "community_id": "c1",
        "registered_on": date(2025, 1, 1),
    }
    data.update(changes)
    return Client.model_validate(data)


def rule_of(err: pytest.ExceptionInfo[ValidationError]) -> tuple[str, tuple[object, ...]]:
    first = err.value.errors()[0]
    return first["type"], tuple(first["loc"])


def test_valid_number_is_compacted_and_gives_the_birth_date() -> None:
    c = client(id_number=" 110105 19491231 002x ")
    assert c.id_number == EXAMPLE
    assert c.birth_date == date(1949, 12, 31)
    assert "id_number" in Client.model_json_schema()["properties"]
    assert Client.model_json_schema()["properties"]["id_number"]["personal_data"] is True


@pytest.mark.parametrize(
    ("number", "rule"),
    [
        ("110105194912310021", "id_number_check_digit"),
        ("110105194913310028", "id_number_birth_date"),  # month 13
        ("110105189912310025", "id_number_birth_date"),  # before 1900
        ("1101051949123", "id_number_length"),
        ("11010519491231002Y", "id_number_format"),
        ("110105491231002", "id_number_legacy"),
    ],
)
def test_each_broken_rule_has_its_code(number: str, rule: str) -> None:
    with pytest.raises(ValidationError) as err:
        client(id_number=number)
    assert rule_of(err) == (rule, ("id_number",))


def test_check_digit_message_says_the_expected_character() -> None:
    with pytest.raises(ValidationError, match="should be X; got 1"):
        client(id_number="110105194912310021")


def test_unknown_region_warns_but_is_accepted() -> None:
    number = id_number_for("990105", date(1949, 12, 31), 2)
    with pytest.warns(UnknownRegionWarning, match="990105") as caught:
        c = client(id_number=number)
    assert c.id_number == number
    assert caught[0].message.region == "990105"  # type: ignore[union-attr]


def test_the_warning_can_be_made_an_error() -> None:
    number = id_number_for("990105", date(1949, 12, 31), 2)
    with warnings.catch_warnings():
        warnings.simplefilter("error", UnknownRegionWarning)
        with pytest.raises(UnknownRegionWarning):
            client(id_number=number)


def test_birth_date_must_agree_with_the_number() -> None:
    assert client(id_number=EXAMPLE, born_on=date(1949, 12, 31)).born_on == date(1949, 12, 31)
    with pytest.raises(ValidationError) as err:
        client(id_number=EXAMPLE, born_on=date(1950, 1, 1))
    assert rule_of(err) == ("id_number_birth_mismatch", ("born_on",))


def test_guardian_consents_are_unique_and_dated() -> None:
    k = Consent(id="k1", scope=ConsentScope.PUBLICATION, given_on=date(2025, 1, 1))
    with pytest.raises(ValidationError):
        Guardian(id="g1", name="刘芳", relationship="母亲", consents=(k, k))
    mum = Guardian(id="g1", name="刘芳", relationship="母亲", consents=(k,))
    assert mum.consent_on("publication", date(2025, 1, 1))
    assert not mum.consent_on("information_sharing", date(2025, 1, 1))


@given(clients())
def test_strategy_clients_round_trip(c: Client) -> None:
    assert Client.model_validate_json(c.model_dump_json()) == c
    if c.id_number is not None and c.born_on is not None:
        assert c.birth_date == c.born_on
