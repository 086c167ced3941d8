"""A rate counts what it excluded always and lists it when it was built (`ExclusionSummary`)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialwork.errors import ArgumentError, MetricInputError
from socialwork.metrics import Exclusion, ExclusionReason, Rate, combine, rate
from socialwork.metrics.rates import ExclusionSummary

REASONS = list(ExclusionReason)

exclusions = st.lists(
    st.builds(Exclusion, st.text("abc", min_size=1, max_size=3), st.sampled_from(REASONS)),
    max_size=60,
)


def test_a_summary_counts_by_reason_and_keeps_the_first_twenty_of_each() -> None:
    # 25 above the plan, then 3 withdrawn, then 2 more above the plan
    listing = [
        *(Exclusion(f"v{i:02}", "above_plan") for i in range(25)),
        *(Exclusion(f"n{i}", "withdrawn") for i in range(3)),
        Exclusion("v90", "above_plan"),
        Exclusion("v91", "above_plan"),
    ]
    summary = ExclusionSummary.of(listing)
    assert summary.counts == ((ExclusionReason.ABOVE_PLAN, 27), (ExclusionReason.WITHDRAWN, 3))
    assert summary.total == 30
    assert summary.count("withdrawn") == 3
    assert summary.count(ExclusionReason.INTERN) == 0
    # v00..v19, then the three withdrawn: 23 kept, in the listing's order
    assert [e.record_id for e in summary.first] == [f"v{i:02}" for i in range(20)] + [
        "n0",
        "n1",
        "n2",
    ]


def test_a_rate_built_from_counts_equals_the_rate_with_its_listing() -> None:
    listing = tuple(Exclusion(f"d{i:02}", "unchecked") for i in range(30))
    listed = Rate(7, 10, listing)
    counted = Rate(7, 10, excluded=ExclusionSummary.of(listing))
    assert listed == counted
    assert hash(listed) == hash(counted)
    assert (len(listed.exclusions), counted.exclusions) == (30, ())
    assert repr(counted) == "70.0% (7/10) excluding 30"
    assert counted.to_rows()[0]["excluded"] == 30
    assert listed.to_markdown("en") == counted.to_markdown("en")
    # one more excluded record, past the first twenty: still the same display, not equal
    assert Rate(7, 10, (*listing, Exclusion("d99", "unchecked"))) != listed


def test_a_listing_must_hold_every_record_the_summary_counts() -> None:
    two = ExclusionSummary.of([Exclusion("a", "intern"), Exclusion("b", "intern")])
    with pytest.raises(MetricInputError, match="every one of the 2 records"):
        Rate(1, 2, (Exclusion("a", "intern"),), two)


def test_a_summary_refuses_first_records_that_do_not_match_its_counts() -> None:
    intern = ExclusionReason.INTERN
    with pytest.raises(MetricInputError, match="each reason counted once"):
        ExclusionSummary(((intern, 1), (intern, 1)), (Exclusion("a", intern),))
    with pytest.raises(MetricInputError, match="first 20 records of each counted reason"):
        ExclusionSummary(((intern, 2),), (Exclusion("a", intern),))
    with pytest.raises(MetricInputError, match="at least 1"):
        ExclusionSummary(((intern, 0),), ())
    with pytest.raises(ArgumentError):
        ExclusionSummary(((intern, -1),), ())


def test_combining_keeps_the_listing_only_when_every_part_has_one() -> None:
    a = rate(1, 2, [Exclusion("n1", "withdrawn")])
    b = Rate(3, 4, excluded=ExclusionSummary.of([Exclusion("n2", "withdrawn")]))
    both = combine([a, a])
    assert [e.record_id for e in both.exclusions] == ["n1", "n1"]
    mixed = combine([a, b])
    assert (mixed.numerator, mixed.denominator, mixed.exclusions) == (4, 6, ())
    assert mixed.excluded.counts == ((ExclusionReason.WITHDRAWN, 2),)
    assert [e.record_id for e in mixed.excluded.first] == ["n1", "n2"]


@given(exclusions)
def test_a_summary_agrees_with_its_listing(listing: list[Exclusion]) -> None:
    summary = ExclusionSummary.of(listing)
    assert summary.total == len(listing)
    for reason in REASONS:
        of_reason = [e for e in listing if e.reason is reason]
        assert summary.count(reason) == len(of_reason)
        assert [e for e in summary.first if e.reason is reason] == of_reason[:20]
    # reasons come in the order they first appear
    assert [r for r, _ in summary.counts] == list(dict.fromkeys(e.reason for e in listing))


@given(st.lists(exclusions, max_size=4))
def test_combining_summaries_equals_summarising_the_joined_listing(
    parts: list[list[Exclusion]],
) -> None:
    counted = [Rate(0, 0, excluded=ExclusionSummary.of(p)) for p in parts]
    joined = [e for p in parts for e in p]
    assert combine(counted).excluded == ExclusionSummary.of(joined)
    assert combine(Rate(0, 0, tuple(p)) for p in parts).exclusions == tuple(joined)
