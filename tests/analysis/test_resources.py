"""Tests of socialwork.analysis.resources."""

from __future__ import annotations

import pytest

from socialwork.analysis import (
    Offer,
    match_needs,
    prioritise,
    resource_gaps,
    swot,
)
from socialwork.errors import (
    PlanningInputError,
)
from socialwork.models import NeedDomain
from tests.analysis.support import HALVES, need_planning


def test_duplicate_ids_name_the_parameter() -> None:
    offer = Offer(id="o", domain=NeedDomain.HEALTH, capacity=1, description="义诊")
    for call, parameter in (
        (lambda: prioritise([need_planning("n"), need_planning("n")]), "needs"),
        (lambda: resource_gaps([need_planning("n")], [offer, offer]), "offers"),
        (lambda: match_needs([need_planning("n"), need_planning("n")], [offer]), "needs"),
        (lambda: swot(HALVES + HALVES[:1]), "items"),
    ):
        with pytest.raises(PlanningInputError) as info:
            call()
        assert info.value.rule == "duplicate_id"
        assert f"distinct ids in {parameter}" in str(info.value)
