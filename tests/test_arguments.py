"""Tests of socialwork.arguments."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest

from socialwork._arguments import (
    require_count,
    require_days,
    require_decimals,
    require_figure,
    require_finite,
    require_int,
)
from socialwork.errors import ArgumentError

FIGURE_RANGE = "a finite number from -1e+15 to 1e+15"


def test_require_days_and_decimals_messages() -> None:
    with pytest.raises(ArgumentError) as days:
        require_days(-5, "after_days")
    assert days.value.value == -5
    assert str(days.value) == "after_days must be a whole number of days from 0 to 3650; got -5"
    with pytest.raises(ArgumentError) as long_span:
        require_days(3651, "window")
    assert str(long_span.value) == "window must be a whole number of days from 0 to 3650; got 3651"
    with pytest.raises(ArgumentError) as huge_days:
        require_days(2**4000, "window")
    assert huge_days.value.value == 2**4000  # the error keeps the int; its message names the size
    assert str(huge_days.value).endswith("got an int of about 1205 digits")
    with pytest.raises(ArgumentError) as decimals:
        require_decimals(7)
    assert decimals.value.value == 7
    assert str(decimals.value) == "decimals must be a number of decimal places from 0 to 6; got 7"
    with pytest.raises(TypeError, match=r"^after_days must be an int; got str$"):
        require_days("7", "after_days")
    with pytest.raises(TypeError, match=r"^places must be an int; got float$"):
        require_decimals(1.0, "places")


def test_require_figure_decimal() -> None:
    assert require_figure(Decimal("12.5"), "value") == 12.5
    assert require_figure(Decimal("1E+15"), "value") == 1e15
    with pytest.raises(ArgumentError) as too_big:
        require_figure(Decimal("1000000000000001"), "target")
    assert too_big.value.value == Decimal("1000000000000001")
    assert str(too_big.value) == f"target must be {FIGURE_RANGE}; got Decimal('1000000000000001')"
    with pytest.raises(ArgumentError) as nan:
        require_figure(Decimal("NaN"), "value")
    assert str(nan.value) == f"value must be {FIGURE_RANGE}; got Decimal('NaN')"


def test_require_figure_int() -> None:
    assert require_figure(10**15, "value") == 1e15
    assert require_figure(-(10**15), "value") == -1e15
    with pytest.raises(ArgumentError) as too_big:
        require_figure(10**15 + 1, "change")
    assert too_big.value.value == 10**15 + 1
    assert str(too_big.value) == f"change must be {FIGURE_RANGE}; got 1000000000000001"
    with pytest.raises(ArgumentError) as huge:
        require_figure(2**4000, "change")
    assert huge.value.value == 2**4000
    assert str(huge.value) == f"change must be {FIGURE_RANGE}; got an int of about 1205 digits"


def test_require_figure_float() -> None:
    assert require_figure(1e15, "value") == 1e15
    assert require_figure(-1e15, "value") == -1e15
    with pytest.raises(ArgumentError) as nan:
        require_figure(float("nan"), "value")
    assert isinstance(nan.value.value, float)
    assert math.isnan(nan.value.value)
    assert str(nan.value) == f"value must be {FIGURE_RANGE}; got nan"
    with pytest.raises(ArgumentError) as too_big:
        require_figure(2e15, "target")
    assert too_big.value.value == 2e15
    assert (
        str(too_big.value) == f"target must be {FIGURE_RANGE}; got 2000000000000000.0"
    )  # repr(2e15)


@pytest.mark.parametrize(("value", "kind"), [("12", "str"), (None, "NoneType")])
def test_require_figure_refuses_non_numbers(value: object, kind: str) -> None:
    with pytest.raises(TypeError) as refused:
        require_figure(value, "value")
    assert str(refused.value) == f"value must be a number; got {kind}"


def test_a_bool_where_a_number_is_meant_is_a_documented_argument_error() -> None:
    """A type checker accepts True for an int, so it is refused as a value, not as a type."""
    for check in (
        lambda: require_figure(True, "value"),
        lambda: require_count(True, "value"),
        lambda: require_days(False, "value"),
        lambda: require_finite(True, "value", 0, 1),
        lambda: require_int(True, "value"),
    ):
        with pytest.raises(ArgumentError) as refused:
            check()
        assert refused.value.parameter == "value"
        assert "not a bool" in str(refused.value)
