"""The record base: what JSON carries in Python mode, bounds, the validating edit, history."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from socialwork import models as m
from socialwork._arguments import FIRST_DAY, LAST_DAY, MAX_COUNT
from socialwork.records import active_on, replace
from socialwork.samples import station_month

JUNE = station_month()


def error_types(build: Any) -> list[str]:
    with pytest.raises(ValidationError) as info:
        build()
    return [e["type"] for e in info.value.errors()]


def test_iso_dates_are_read_in_python_mode() -> None:
    client = m.Client(id="p", name="李", community_id="c1", registered_on="2025-03-02")  # type: ignore[arg-type]
    assert client.registered_on == date(2025, 3, 2)


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        (datetime(2025, 3, 2, 9, 30), "datetime_not_date"),
        (datetime(2025, 3, 2, tzinfo=UTC), "datetime_not_date"),
        ("2025-03-02T00:00:00", "date_format"),
        ("2025/03/02", "date_format"),
        ("2025-02-30", "date_format"),
        (1740873600, "date_type"),
        (date(1899, 12, 31), "date_out_of_range"),
        (date(2200, 1, 1), "date_out_of_range"),
    ],
)
def test_what_is_not_a_date_is_refused(value: object, kind: str) -> None:
    assert error_types(lambda: m.Period(start=value, end=date(2025, 6, 1))) == [kind]  # type: ignore[arg-type]


def test_the_date_range_ends_are_accepted() -> None:
    # 300 years of 365 days, plus the leap days 1904..2196 (75) less 1900 and 2100
    assert m.Period(start=FIRST_DAY, end=LAST_DAY).days == 300 * 365 + 73


@pytest.mark.parametrize(
    ("value", "expected"),
    [("12.5", Decimal("12.50")), (" 300 ", Decimal("300.00")), (7, Decimal("7.00"))],
)
def test_money_is_read_from_decimal_text_and_ints(value: object, expected: Decimal) -> None:
    source = m.FundingSource(id="f", name="x", source="donation", amount_cny=value)  # type: ignore[arg-type]
    assert source.amount_cny == expected
    assert str(source.amount_cny) == str(expected)


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        (0.1, "decimal_type"),
        (True, "decimal_type"),
        ("12,50", "decimal_format"),
        ("1e3", "decimal_format"),
        (Decimal("0.001"), "decimal_max_places"),
        (Decimal("9E+999999"), "less_than_equal"),
        (Decimal("NaN"), "finite_number"),
        (Decimal(-1), "greater_than_equal"),
    ],
)
def test_what_is_not_money_is_refused(value: object, kind: str) -> None:
    assert error_types(
        lambda: m.FundingSource(id="f", name="x", source="donation", amount_cny=value)  # type: ignore[arg-type]
    ) == [kind]


def test_counts_are_bounded() -> None:
    assert m.Household(id="h", community_id="c", members=MAX_COUNT).members == MAX_COUNT
    assert error_types(lambda: m.Household(id="h", community_id="c", members=10**5000)) == [
        "less_than_equal"
    ]


def test_the_sample_round_trips_through_python_mode_json() -> None:
    """A web framework validates parsed JSON in Python mode: the sample's own JSON must pass."""
    import json

    document = json.loads(JUNE.model_dump_json())
    assert m.StationRecords.model_validate(document) == JUNE


def test_replace_runs_every_rule_again() -> None:
    june = m.Period(start=date(2025, 6, 1), end=date(2025, 6, 30))
    assert replace(june, end=date(2025, 6, 15)).days == 15
    assert error_types(lambda: replace(june, end=date(2025, 5, 1))) == ["end_before_start"]
    assert error_types(lambda: replace(june, ending=date(2025, 5, 1))) == ["extra_forbidden"]
    assert june.end == date(2025, 6, 30)


def test_model_copy_with_an_update_validates_too() -> None:
    household = m.Household(id="h", community_id="c", members=3)
    assert error_types(lambda: household.model_copy(update={"members": -5})) == [
        "greater_than_equal"
    ]
    assert household.model_copy() == household


@given(
    start=st.dates(FIRST_DAY, LAST_DAY),
    length=st.integers(0, 60),
    day=st.dates(FIRST_DAY, LAST_DAY),
)
def test_active_on_is_start_inclusive_end_exclusive(start: date, length: int, day: date) -> None:
    end = date.fromordinal(min(start.toordinal() + length, LAST_DAY.toordinal()))
    assert active_on(start, end, day) == (start <= day < end)
    assert active_on(start, None, day) == (start <= day)


def test_a_case_is_open_on_a_day_from_its_dates() -> None:
    closed = m.Case(
        id="k",
        client_id="p",
        worker_id="s",
        opened_on=date(2025, 6, 1),
        status=m.CaseStatus.CLOSED,
        closure=m.Closure(closed_on=date(2025, 6, 20), outcome="goals_achieved"),  # type: ignore[arg-type]
    )
    assert [closed.open_on(date(2025, 6, d)) for d in (1, 10, 19, 20, 21)] == [
        True,
        True,
        True,
        False,
        False,
    ]
    assert not closed.open_on(date(2025, 5, 31))


def test_a_reopened_case_is_open_again_from_the_reopening() -> None:
    change = m.StatusChange
    reopened = m.Case(
        id="k",
        client_id="p",
        worker_id="s",
        opened_on=date(2025, 6, 1),
        status=m.CaseStatus.INTAKE,
        history=(
            change(on=date(2025, 6, 1), from_status="intake", to_status="closed"),  # type: ignore[arg-type]
            change(on=date(2025, 6, 10), from_status="closed", to_status="intake", reason="again"),  # type: ignore[arg-type]
        ),
    )
    assert [reopened.open_on(date(2025, 6, d)) for d in (1, 9, 10, 30)] == [
        False,
        False,
        True,
        True,
    ]


def test_open_on_refuses_a_datetime() -> None:
    from socialwork.errors import ArgumentError

    with pytest.raises(ArgumentError, match="day must be a date without a time"):
        JUNE.cases[0].open_on(datetime(2025, 6, 1, tzinfo=UTC))


def _with_referral(**referral: Any) -> dict[str, Any]:
    document = JUNE.model_dump()
    base = {
        "id": "r1",
        "to_organisation": "区康复中心",
        "reason": "康复",
        "referred_on": "2025-06-09",
    }
    document["cases"][0]["referrals"] = [base | referral]
    return document


def _station_errors(document: dict[str, Any]) -> list[tuple[tuple[str | int, ...], str]]:
    with pytest.raises(ValidationError) as info:
        m.StationRecords.model_validate(document)
    return [(tuple(e["loc"]), e["type"]) for e in info.value.errors()]


def test_a_referral_under_the_clients_sharing_consent_is_accepted() -> None:
    client_id = JUNE.cases[0].client_id
    records = m.StationRecords.model_validate(_with_referral(consent_id=f"{client_id}-k2"))
    assert records.cases[0].referrals[0].consent_id == f"{client_id}-k2"


def test_a_referral_under_the_crisis_exception_needs_no_consent() -> None:
    records = m.StationRecords.model_validate(
        _with_referral(confidentiality_exception="服务对象有自伤风险")
    )
    assert records.cases[0].referrals[0].consent_id is None


LOC = ("cases", 0, "referrals", 0, "consent_id")


@pytest.mark.parametrize(
    ("referral", "kind"),
    [
        ({"consent_id": "someone-elses"}, "unknown_reference"),
        ({"consent_id": "e1-k1"}, "consent_scope_mismatch"),
        ({"consent_id": "e1-k2", "referred_on": "2025-01-05"}, "consent_not_active"),
    ],
)
def test_referral_consent_rules(referral: dict[str, Any], kind: str) -> None:
    assert JUNE.cases[0].client_id == "e1"
    if referral.get("referred_on") == "2025-01-05":
        document = _with_referral(**referral)
        document["cases"][0]["opened_on"] = "2025-01-01"  # the referral is after the opening
        document["cases"][0]["referrals"][0]["referred_on"] = "2025-01-05"
        assert _station_errors(document) == [(LOC, kind)]
    else:
        assert _station_errors(_with_referral(**referral)) == [(LOC, kind)]


def test_a_withdrawn_consent_stops_referrals_from_that_day() -> None:
    document = _with_referral(consent_id="e1-k2")
    consents = document["clients"][0]["consents"]
    assert consents[1]["id"] == "e1-k2"
    consents[1]["withdrawn_on"] = date(2025, 6, 9)
    assert _station_errors(document) == [(LOC, "consent_not_active")]
    consents[1]["withdrawn_on"] = date(2025, 6, 10)
    assert m.StationRecords.model_validate(document).cases[0].referrals[0].consent_id == "e1-k2"


def test_a_referral_needs_consent_or_the_exception() -> None:
    assert error_types(
        lambda: m.Referral(id="r", to_organisation="x", reason="y", referred_on=date(2025, 6, 9))
    ) == ["referral_without_consent"]


def test_a_visit_under_a_case_is_to_the_cases_client() -> None:
    document = JUNE.model_dump()
    index, visit = next((i, v) for i, v in enumerate(document["visits"]) if v["case_id"])
    other = next(c["id"] for c in document["clients"] if c["id"] != visit["client_id"])
    document["visits"][index]["client_id"] = other
    assert _station_errors(document) == [(("visits", index, "case_id"), "visit_client_mismatch")]


def test_format_errors_quote_the_text_that_arrived() -> None:
    with pytest.raises(ValidationError) as info:
        m.Period(start="2025/1/1", end=date(2025, 6, 1))  # type: ignore[arg-type]
    assert info.value.errors()[0]["msg"] == "expected an ISO date YYYY-MM-DD; got '2025/1/1'"
    with pytest.raises(ValidationError) as info:
        m.FundingSource(id="f", name="x", source="donation", amount_cny="12,50")  # type: ignore[arg-type]
    assert info.value.errors()[0]["msg"] == "expected a decimal number such as '12.50'; got '12,50'"


def test_an_edit_with_an_int_too_long_to_write_is_refused_with_a_validation_error() -> None:
    from pydantic import ValidationError

    from socialwork.models import Period

    june = Period.month(2025, 6)
    # an unknown field holding a 5,001-digit int: the message cannot quote it, nor fail to
    with pytest.raises(ValidationError, match=r"extra_forbidden|Extra inputs"):
        june.model_copy(update={"": 10**5000})
