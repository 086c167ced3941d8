"""Resident ID numbers on Client and guardians' consent."""

from __future__ import annotations

import warnings
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError
from stdnum.cn import ric

from socialwork.errors import UnknownRegionWarning
from socialwork.models import (
    Client,
    ClientCategory,
    Consent,
    ConsentScope,
    EmergencyContact,
    Guardian,
    RiskLevel,
    Sex,
    YouthIssue,
)
from socialwork.models.client import id_number_birth, id_number_check
from socialwork.records import replace
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


def test_check_digit_message_never_names_the_right_character() -> None:
    """The message says the check character is wrong, never which one would repair it."""
    with pytest.raises(ValidationError) as err:
        client(id_number="110105194912310021")
    text = str(err.value) + repr(err.value.errors())
    assert "110105********0021" in text
    assert "X" not in text.replace("GB 11643", "")
    assert "110105194912310021" not in text
    assert "19491231" not in text


def test_an_id_number_born_after_registration_is_refused() -> None:
    """The rule of born_on holds for the birth date in the number too."""
    born_later = id_number_for("110105", date(2025, 3, 1), 2)
    with pytest.raises(ValidationError) as err:
        client(id_number=born_later)
    assert rule_of(err) == ("born_after_registration", ("id_number",))
    assert born_later not in str(err.value)
    assert client(id_number=born_later, registered_on=date(2025, 3, 1)).birth_date == date(
        2025, 3, 1
    )


def test_sex_is_checked_against_the_17th_digit_and_read_from_it() -> None:
    assert client(id_number=EXAMPLE).known_sex is Sex.FEMALE  # 17th digit 2: even
    male = id_number_for("110105", date(1949, 12, 31), 1)  # 17th digit 1: odd
    assert client(id_number=male).known_sex is Sex.MALE
    assert client(id_number=male).sex is None  # read, not stored twice
    assert client(sex="female").known_sex is Sex.FEMALE
    assert client().known_sex is None
    assert client(id_number=EXAMPLE, sex="female").sex is Sex.FEMALE
    with pytest.raises(ValidationError) as err:
        client(id_number=EXAMPLE, sex=Sex.MALE)
    assert rule_of(err) == ("id_number_sex_mismatch", ("sex",))
    assert Sex.MALE.label() == "男"
    assert Sex.FEMALE.label("zh-Hant") == "女"
    assert Client.model_json_schema()["properties"]["sex"]["personal_data"] is True


def test_repr_masks_personal_fields_but_keeps_the_values() -> None:
    c = client(name="欧阳娜娜", phone="13912345678", address="幸福路88号", id_number=EXAMPLE)
    for text in (repr(c), str(c)):
        for value in ("欧阳娜娜", "13912345678", "幸福路88号", EXAMPLE, "1949"):
            assert value not in text
        assert "name='欧*'" in text
        assert "139****5678" in text
        assert "110105********002X" in text
    assert c.name == "欧阳娜娜"
    assert c.phone == "13912345678"
    assert "13912345678" in c.model_dump_json()


def test_validation_errors_hide_what_arrived() -> None:
    """pydantic's input_value would print the whole dict of a client missing a field."""
    with pytest.raises(ValidationError) as err:
        Client.model_validate({"id": "p1", "name": "欧阳娜娜", "community_id": "c1"})
    assert "欧阳娜娜" not in str(err.value)
    with pytest.raises(ValidationError) as err:
        client(phone=13912345678)
    assert "13912345678" not in str(err.value) + repr(err.value.errors())
    assert err.value.errors()[0]["input"] == "139****5678"


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


LABELS = " ".join(
    member.label(language)
    for enum in (ClientCategory, YouthIssue, RiskLevel, Sex)
    for member in enum
    for language in ("zh", "zh-Hant")
)
"""The labels a client's repr shows: a personal value drawn among them is no echo."""

CJK = st.text(
    alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=4, max_size=8
).filter(lambda text: text not in LABELS)


@st.composite
def personal_clients(draw: st.DrawFn) -> Client:
    """A generated client whose personal values are long enough to be found if echoed."""
    c = draw(clients())
    contact = EmergencyContact(name=draw(CJK), relationship="子女", phone=draw(PHONES))
    mum = Guardian(id="g1", name=draw(CJK), relationship="母亲", phone=draw(PHONES))
    return replace(
        c,
        name=draw(CJK),
        phone=draw(PHONES),
        address=draw(CJK),
        emergency_contact=contact,
        guardians=(mum,),
    )


PHONES = st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True)


def personal_values(c: Client) -> list[str]:
    values = [c.name, c.phone, c.address, c.id_number]
    if c.birth_date is not None:
        values.append(c.birth_date.isoformat())
        values.append(c.birth_date.strftime("%Y%m%d"))
    if c.emergency_contact is not None:
        values += [c.emergency_contact.name, c.emergency_contact.phone]
    for g in c.guardians:
        values += [g.name, g.phone]
    return [v for v in values if v]


def error_texts(c: Client) -> list[str]:
    """The text of every error path a client's personal values can reach."""
    data = c.model_dump(mode="json")
    broken: list[dict[str, object]] = [
        {**data, "phone": int(c.phone or "13900000000")},
        {**data, "nickname": c.name},
        {k: v for k, v in data.items() if k != "registered_on"},
        {**data, "registered_on": "1900-01-01", "born_on": "1950-05-05"},
        {**data, "born_on": "1949-02-30"},
        {**data, "name": ""},
        {**data, "emergency_contact": {**data["emergency_contact"], "phone": 5}},
    ]
    if c.id_number is not None:
        wrong = c.id_number[:-1] + ("0" if c.id_number[-1] != "0" else "1")
        broken += [
            {**data, "id_number": wrong},
            {**data, "id_number": c.id_number[:-1]},
            {**data, "sex": "male" if c.known_sex is Sex.FEMALE else "female"},
            {**data, "born_on": "1929-01-01"},
        ]
    texts = [repr(c), str(c), repr(c.emergency_contact), repr(c.guardians)]
    for item in broken:
        with pytest.raises(ValidationError) as err:
            Client.model_validate(item)
        texts += [str(err.value), repr(err.value), repr(err.value.errors())]
    return texts


@given(personal_clients())
def test_no_personal_value_of_a_client_appears_in_any_error_or_repr(c: Client) -> None:
    texts = error_texts(c)
    for value in personal_values(c):
        for text in texts:
            assert value not in text, (value, text)


@given(st.text("0123456789", min_size=17, max_size=17))
def test_the_check_character_is_python_stdnum_s(digits: str) -> None:
    # the record and the frames compute it from GB 11643's weights (id_number_check);
    # python-stdnum, the maintained reference, computes it its own way (base 13)
    assert id_number_check(digits) == ric.calc_check_digit(digits + "0")


def test_the_birth_date_is_read_where_python_stdnum_reads_it() -> None:
    assert id_number_birth(EXAMPLE) == ric.get_birth_date(EXAMPLE).isoformat() == "1949-12-31"
