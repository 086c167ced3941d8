"""The room's distributions: the incomplete beta at its ends, Student's t, signed ranks."""

from __future__ import annotations

import pytest

from socialwork.evaluation._stats import (
    _beta_regularized,
    mid_ranks,
    signed_rank_tails,
    t_quantile,
    t_two_sided,
)


@pytest.mark.parametrize(("a", "b"), [(0.5, 4.5), (4.5, 0.5), (1.0, 1.0)])
def test_the_incomplete_beta_is_0_and_1_at_its_ends(a: float, b: float) -> None:
    assert _beta_regularized(a, b, 0.0) == 0.0
    assert _beta_regularized(a, b, 1.0) == 1.0


def test_the_incomplete_beta_of_a_uniform_is_x() -> None:
    # I_x(1, 1) = x; I_x(1, b) = 1 − (1 − x)^b
    assert _beta_regularized(1.0, 1.0, 0.3) == pytest.approx(0.3, rel=1e-12)
    assert _beta_regularized(1.0, 3.0, 0.5) == pytest.approx(1 - 0.5**3, rel=1e-12)


def test_students_t_with_one_degree_of_freedom_is_cauchy() -> None:
    # P(|T| ≥ 1) = 1/2 and the 0.75 quantile is 1 for the Cauchy distribution
    assert t_two_sided(1.0, 1) == pytest.approx(0.5, rel=1e-12)
    assert t_two_sided(-1.0, 1) == pytest.approx(0.5, rel=1e-12)
    assert t_two_sided(float("inf"), 3) == 0.0
    assert t_quantile(0.75, 1) == pytest.approx(1.0, rel=1e-9)


def test_signed_ranks_are_counted_over_every_sign_assignment() -> None:
    # ranks 1, 2, 3: W⁺ takes 0, 1, 2, 3, 3, 4, 5, 6 over the 8 assignments
    assert signed_rank_tails([1.0, 2.0, 3.0], 3.0) == (5 / 8, 5 / 8)
    assert signed_rank_tails([1.0, 2.0, 3.0], 1.0) == (2 / 8, 7 / 8)
    # tied mid-ranks 1.5, 1.5: W⁺ takes 0, 1.5, 1.5, 3
    assert mid_ranks([2.0, 2.0]) == ([1.5, 1.5], [2])
    assert signed_rank_tails([1.5, 1.5], 1.5) == (3 / 4, 3 / 4)


def test_students_t_keeps_its_digits_in_both_tails_like_scipy() -> None:
    # scipy.stats.t.sf(t, df) x 2 for a t near 0 (p near 1) and far out (p near 0)
    assert t_two_sided(0.0, 5) == 1.0
    assert t_two_sided(1e-9, 5) == pytest.approx(0.9999999992407866, rel=1e-13)
    assert t_two_sided(50.0, 9) == pytest.approx(2.5689529108747976e-12, rel=1e-9, abs=0)
    assert t_quantile(0.75, 9) == pytest.approx(0.7027221467513264, rel=1e-9)
