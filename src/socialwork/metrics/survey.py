"""Survey statistics (抽样调查统计) without scipy: intervals, tests and sample sizes.

Normal quantiles come from `statistics.NormalDist`. With these a
station can tell whether "92%, up 5 points" on a few dozen answers is a real
change or noise.

Examples:
    >>> test = two_proportion_test(46, 50, 87, 100)
    >>> round(test.z, 2), round(test.p_value, 2)
    (0.91, 0.36)
    >>> sample_size(0.05)
    385
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from statistics import NormalDist

from attrs import frozen

from socialwork._arguments import require_count, require_finite
from socialwork.errors import ArgumentError, MetricInputError

__all__ = [
    "ProportionTest",
    "WilsonInterval",
    "sample_size",
    "two_proportion_test",
]

_STANDARD_NORMAL = NormalDist()

LOWEST_CONFIDENCE = 0.5
"""The lowest confidence level accepted: below it an interval says nothing."""

HIGHEST_CONFIDENCE = 0.9999
"""The highest confidence level accepted (z ≈ 3.89)."""

SMALLEST_MARGIN = 0.001
"""The smallest margin of error `sample_size` accepts: a tenth of a percentage point."""


def _confidence(value: object) -> float:
    return require_finite(value, "confidence", LOWEST_CONFIDENCE, HIGHEST_CONFIDENCE)


def z_quantile(confidence: float) -> float:
    """Return the two-sided standard normal quantile for ``confidence`` (1.96 for 95%).

    Raises:
        ArgumentError: ``confidence`` is not a finite number from 0.5 to 0.9999.

    Examples:
        >>> round(z_quantile(0.95), 4), round(z_quantile(0.99), 4)
        (1.96, 2.5758)
    """
    return _STANDARD_NORMAL.inv_cdf(1 - (1 - _confidence(confidence)) / 2)


@frozen
class WilsonInterval:
    """A confidence interval for a proportion; unpacks as ``(low, high)``.

    ``low`` and ``high`` lie in [0, 1], ``low`` first; ``confidence`` from
    0.5 to 0.9999.

    Raises:
        ArgumentError: a bound is NaN or outside [0, 1], ``low`` is above
            ``high``, or ``confidence`` is out of range.

    Examples:
        >>> interval = WilsonInterval(0.8, 0.9, 0.95)
        >>> low, high = interval
        >>> (low, high) == (interval.low, interval.high)
        True
    """

    low: float
    high: float
    confidence: float

    def __attrs_post_init__(self) -> None:
        """Check the bounds, their order and the confidence level."""
        require_finite(self.low, "low", 0, 1)
        require_finite(self.high, "high", 0, 1)
        _confidence(self.confidence)
        if self.low > self.high:
            raise ArgumentError("low", self.low, f"at most high {self.high}")

    def __iter__(self) -> Iterator[float]:
        """Yield ``low`` then ``high``."""
        yield self.low
        yield self.high

    @property
    def width(self) -> float:
        """``high - low``."""
        return self.high - self.low


def wilson_interval(successes: int, n: int, confidence: float = 0.95) -> WilsonInterval:
    """Return the Wilson score interval for ``successes`` out of ``n``.

    The interval always lies in [0, 1] and contains the observed proportion.
    With ``n == 0`` nothing is known and the interval is the whole [0, 1]
    (the limit of the formula as n shrinks to 0).

    Formula, with p̂ = successes / n and z the two-sided normal quantile::

        (p̂ + z²/2n ± z·√(p̂(1−p̂)/n + z²/4n²)) / (1 + z²/n)

    Raises:
        ArgumentError: a count is negative or above a billion, or
            ``confidence`` is not a finite number from 0.5 to 0.9999.
        MetricInputError: ``successes`` is above ``n``.

    Examples:
        >>> low, high = wilson_interval(46, 50)
        >>> round(low, 4), round(high, 4)
        (0.8116, 0.9685)
        >>> tuple(wilson_interval(0, 0))
        (0.0, 1.0)
    """
    require_count(successes, "successes")
    require_count(n, "n")
    if successes > n:
        raise MetricInputError("successes", successes, f"at most n {n}")
    z = z_quantile(confidence)
    confidence = _confidence(confidence)
    if n == 0:
        return WilsonInterval(0.0, 1.0, confidence)
    p = successes / n
    z2 = z * z
    denominator = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator
    return WilsonInterval(
        min(max(0.0, centre - half), p), max(min(1.0, centre + half), p), confidence
    )


@frozen
class ProportionTest:
    """The result of a pooled two-proportion z-test.

    ``difference`` lies in [-1, 1], ``z`` is finite, ``p_value`` in [0, 1].

    Examples:
        >>> t = two_proportion_test(46, 50, 87, 100)
        >>> round(t.difference, 2), t.p_value > 0.05
        (0.05, True)
    """

    difference: float
    z: float
    p_value: float

    def __attrs_post_init__(self) -> None:
        """Check that the figures are finite and in range."""
        require_finite(self.difference, "difference", -1, 1)
        require_finite(self.z, "z", -math.inf, math.inf)
        require_finite(self.p_value, "p_value", 0, 1)


def two_proportion_test(x1: int, n1: int, x2: int, n2: int) -> ProportionTest:
    """Test whether two proportions differ (pooled z-test, two-sided p-value).

    ``difference`` is x1/n1 − x2/n2. When the pooled proportion is 0 or 1
    the two samples agree completely: ``z`` is 0 and the p-value 1.

    Formula: p = (x1 + x2)/(n1 + n2), z = (x1/n1 − x2/n2) / √(p(1−p)(1/n1 + 1/n2)),
    p-value = 2·Φ(−|z|).

    Raises:
        ArgumentError: a count is negative or above a billion, or a sample
            is empty.
        MetricInputError: a number of successes is above its sample size.

    Examples:
        >>> t = two_proportion_test(46, 50, 87, 100)
        >>> round(t.z, 4), round(t.p_value, 4)
        (0.9106, 0.3625)
    """
    for name, successes, size in (("x1", x1, n1), ("x2", x2, n2)):
        require_count(successes, name)
        require_count(size, f"n{name[1]}", minimum=1)
        if successes > size:
            raise MetricInputError(name, successes, f"at most n{name[1]} {size}")
    p1, p2 = x1 / n1, x2 / n2
    pooled = (x1 + x2) / (n1 + n2)
    variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2)
    if variance == 0:
        return ProportionTest(p1 - p2, 0.0, 1.0)
    z = (p1 - p2) / math.sqrt(variance)
    return ProportionTest(p1 - p2, z, 2 * _STANDARD_NORMAL.cdf(-abs(z)))


def sample_size(
    margin: float, confidence: float = 0.95, p: float = 0.5, population: int | None = None
) -> int:
    """Return how many respondents a survey needs for a margin of error.

    n₀ = z²·p(1−p)/margin²; with a finite ``population`` N, Cochran's
    correction n = n₀ / (1 + (n₀ − 1)/N). The result is rounded up.
    ``margin`` goes from 0.001 (a tenth of a point) to 0.5, ``p`` lies
    strictly between 0 and 1, and ``population`` is a count of at least 1.

    Raises:
        ArgumentError: ``margin``, ``confidence``, ``p`` or ``population`` is
            outside those bounds, or NaN.

    Examples:
        >>> sample_size(0.05), sample_size(0.05, population=4080)
        (385, 352)
        >>> sample_size(0.03, confidence=0.99)
        1844
    """
    margin = require_finite(margin, "margin", SMALLEST_MARGIN, 0.5)
    p = require_finite(p, "p", 0, 1)
    if not 0 < p < 1:
        raise ArgumentError("p", p, "a finite number strictly between 0 and 1")
    z = z_quantile(confidence)
    needed = z * z * p * (1 - p) / (margin * margin)
    if population is not None:
        size = require_count(population, "population", minimum=1)
        needed = needed / (1 + (needed - 1) / size)
    return math.ceil(needed)
