"""Distributions the evaluation tests need, in pure Python: Student's t, the normal, signed ranks.

Private to the room. Student's t goes through the regularized incomplete
beta function (a continued fraction evaluated by the modified Lentz method,
as in *Numerical Recipes*, §6.4); its quantile is found by bisection. The
normal tail is ``math.erfc``. The null distribution of the Wilcoxon
signed-rank statistic is counted exactly over all 2ⁿ sign assignments by
dynamic programming over doubled mid-ranks.

Examples:
    >>> round(t_two_sided(4.062127683382037, 9), 10)
    0.0028328902
    >>> round(t_quantile(0.975, 9), 6)
    2.262157
"""

from __future__ import annotations

import math
from collections.abc import Sequence

__all__ = [
    "mid_ranks",
    "normal_two_sided",
    "signed_rank_tails",
    "t_quantile",
    "t_two_sided",
]

_EPS = 1e-16
_TINY = 1e-300


def _beta_fraction(a: float, b: float, x: float) -> float:
    """The continued fraction of the incomplete beta function (modified Lentz)."""
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > _TINY else _TINY)
    h = d
    for m in range(1, 10_000):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > _TINY else _TINY)
        c = 1.0 + aa / c
        c = c if abs(c) > _TINY else _TINY
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > _TINY else _TINY)
        c = 1.0 + aa / c
        c = c if abs(c) > _TINY else _TINY
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < _EPS:
            break
    return h


def _beta_regularized(a: float, b: float, x: float) -> float:
    """``I_x(a, b)``, the regularized incomplete beta function, for 0 ≤ x ≤ 1."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    log_front = (
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    front = math.exp(log_front)
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _beta_fraction(a, b, x) / a
    return 1.0 - front * _beta_fraction(b, a, 1.0 - x) / b


def t_two_sided(t: float, df: float) -> float:
    """Return P(|T| ≥ |t|) for Student's t with ``df`` degrees of freedom.

    Examples:
        >>> t_two_sided(0.0, 5)
        1.0
    """
    if t == 0.0:
        return 1.0
    if math.isinf(t):
        return 0.0
    x = df / (df + t * t)
    if x > 0.5:
        # near 1 the complement keeps its digits: 1 - x = t² / (df + t²)
        return 1.0 - _beta_regularized(0.5, df / 2.0, t * t / (df + t * t))
    return _beta_regularized(df / 2.0, 0.5, x)


def t_quantile(p: float, df: float) -> float:
    """Return the ``p`` quantile of Student's t (0.5 < p < 1), by bisection.

    Examples:
        >>> round(t_quantile(0.975, 1), 4)
        12.7062
    """
    target = 2.0 * (1.0 - p)
    low, high = 0.0, 1.0
    while t_two_sided(high, df) > target:
        low, high = high, high * 2.0
    for _ in range(200):
        middle = (low + high) / 2.0
        if middle in (low, high):
            break
        if t_two_sided(middle, df) > target:
            low = middle
        else:
            high = middle
    return (low + high) / 2.0


def normal_two_sided(z: float) -> float:
    """Return P(|Z| ≥ |z|) for the standard normal distribution.

    Examples:
        >>> round(normal_two_sided(1.959963984540054), 6)
        0.05
    """
    return math.erfc(abs(z) / math.sqrt(2.0))


def mid_ranks(values: Sequence[float]) -> tuple[list[float], list[int]]:
    """Return the ranks of ``values`` (ties share their mean rank) and the sizes of tie groups.

    Examples:
        >>> mid_ranks([3.0, 1.0, 3.0, 2.0])
        ([3.5, 1.0, 3.5, 2.0], [1, 1, 2])
    """
    order = sorted(range(len(values)), key=lambda i: values[i])
    ranks = [0.0] * len(values)
    groups: list[int] = []
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        rank = (i + j + 2) / 2.0
        for k in range(i, j + 1):
            ranks[order[k]] = rank
        groups.append(j - i + 1)
        i = j + 1
    return ranks, groups


def signed_rank_tails(ranks: Sequence[float], observed: float) -> tuple[float, float]:
    """Return P(W⁺ ≤ observed) and P(W⁺ ≥ observed) over all 2ⁿ sign assignments of ``ranks``.

    Ranks are whole or half numbers (mid-ranks), so doubled they are whole
    and the distribution is counted exactly.

    Examples:
        >>> signed_rank_tails([1.0, 2.0, 3.0], 0.0)
        (0.125, 1.0)
    """
    doubled = [round(2 * r) for r in ranks]
    total = sum(doubled)
    counts = [0] * (total + 1)
    counts[0] = 1
    reach = 0
    for r in doubled:
        for s in range(reach, -1, -1):
            if counts[s]:
                counts[s + r] += counts[s]
        reach += r
    target = round(2 * observed)
    every = 2 ** len(doubled)
    below = sum(counts[: target + 1])
    above = sum(counts[target:])
    return below / every, above / every
