"""The basic indicators of community service effect (衡量社区服务效果的基本指标).

Each function is one named formula over counts and returns a `Rate`,
so the figure keeps its numerator and denominator. Resident satisfaction has
two forms: `satisfaction_rate` over survey respondents and
`population_satisfaction_rate` over all residents; a report must say
which one it uses.

Examples:
    >>> str(participation_rate(420, 3000))
    '14.0% (420/3000)'
"""

from __future__ import annotations

from socialwork.metrics.rates import Rate, rate

__all__ = [
    "benefit_rate",
    "need_satisfaction_rate",
    "participation_rate",
    "population_satisfaction_rate",
    "satisfaction_rate",
    "unit_benefit_rate",
    "unit_participation_rate",
    "unit_satisfaction_rate",
]


def participation_rate(participants: int, able_residents: int) -> Rate:
    """Resident participation rate.

    居民参与率 = 参与服务的居民数 / 社区有服务能力的居民总数;
    participation rate = residents taking part in services / residents able to serve.

    Examples:
        >>> participation_rate(420, 3000).percent
        14.0
    """
    return rate(participants, able_residents)


def unit_participation_rate(participating_units: int, units: int) -> Rate:
    """Local-unit participation rate.

    辖区单位参与率 = 参与服务的单位数 / 辖区单位总数;
    unit participation rate = units taking part / all units in the area.

    Examples:
        >>> str(unit_participation_rate(6, 8))
        '75.0% (6/8)'
    """
    return rate(participating_units, units)


def benefit_rate(benefiting_households: int, households: int) -> Rate:
    """Resident benefit rate, counted in households.

    居民受益率 = 受益居民户数 / 社区居民户总数;
    benefit rate = households that benefited / all households.

    Examples:
        >>> str(benefit_rate(10, 1300))
        '0.8% (10/1300)'
    """
    return rate(benefiting_households, households)


def unit_benefit_rate(benefiting_units: int, units: int) -> Rate:
    """Local-unit benefit rate.

    社区单位受益率 = 受益社区单位数 / 辖区单位总数;
    unit benefit rate = units that benefited / all units in the area.

    Examples:
        >>> str(unit_benefit_rate(3, 10))
        '30.0% (3/10)'
    """
    return rate(benefiting_units, units)


def need_satisfaction_rate(needs_met: int, needs_raised: int) -> Rate:
    """Need satisfaction rate.

    需求满足率 = 需求满足数量 / 居民提出的需求总数;
    need satisfaction rate = needs met / needs raised by residents.

    Examples:
        >>> str(need_satisfaction_rate(15, 28))
        '53.6% (15/28)'
    """
    return rate(needs_met, needs_raised)


def satisfaction_rate(satisfied_respondents: int, respondents: int) -> Rate:
    """Resident satisfaction rate, survey form.

    居民满意率 = 表示满意的被调查居民数 / 被调查的总人数;
    satisfaction rate = satisfied respondents / respondents.

    Examples:
        >>> str(satisfaction_rate(46, 50))
        '92.0% (46/50)'
    """
    return rate(satisfied_respondents, respondents)


def population_satisfaction_rate(satisfied_residents: int, residents: int) -> Rate:
    """Resident satisfaction rate, population form.

    居民满意率 = 对服务表示满意的居民数 / 社区全体居民数;
    population satisfaction rate = satisfied residents / all residents.
    Residents who were not asked count as not satisfied.

    Examples:
        >>> str(population_satisfaction_rate(46, 3700))
        '1.2% (46/3700)'
    """
    return rate(satisfied_residents, residents)


def unit_satisfaction_rate(satisfied_units: int, units: int) -> Rate:
    """Local-unit satisfaction rate.

    社区单位满意率 = 对服务满意的社区单位数 / 社区单位总数;
    unit satisfaction rate = satisfied units / all units.

    Examples:
        >>> str(unit_satisfaction_rate(9, 10))
        '90.0% (9/10)'
    """
    return rate(satisfied_units, units)
