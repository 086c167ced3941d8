"""The basic indicators of community service effect (衡量社区服务效果的基本指标).

Each function is one named formula over counts and returns a `Rate`,
so the figure keeps its numerator and denominator. Their names end in
``_from_counts``: the functions named after a station indicator alone
(`socialwork.metrics.services.need_satisfaction`,
`socialwork.metrics.services.survey_satisfaction`) take records. An error
names the formula's own parameter. Resident satisfaction has
two forms: `survey_satisfaction_from_counts` over survey respondents and
`population_satisfaction_from_counts` over all residents; a report must say
which one it uses.

Examples:
    >>> str(participation_from_counts(420, 3000))
    '14.0% (420/3000)'
"""

from __future__ import annotations

from socialwork._arguments import require_count
from socialwork.errors import MetricInputError
from socialwork.metrics.rates import Rate

__all__: list[str] = []


def _from_counts(part: int, part_name: str, whole: int, whole_name: str) -> Rate:
    """``part / whole`` as a `Rate`, checked under the formula's own parameter names."""
    require_count(part, part_name)
    require_count(whole, whole_name)
    if part > whole:
        raise MetricInputError(part_name, part, f"at most {whole_name} {whole}")
    return Rate(part, whole)


def participation_from_counts(participants: int, able_residents: int) -> Rate:
    """Resident participation rate.

    居民参与率 = 参与服务的居民数 / 社区有服务能力的居民总数;
    participation rate = residents taking part in services / residents able to serve.

    Examples:
        >>> participation_from_counts(420, 3000).percent
        14.0
    """
    return _from_counts(participants, "participants", able_residents, "able_residents")


def unit_participation_from_counts(participating_units: int, units: int) -> Rate:
    """Local-unit participation rate.

    辖区单位参与率 = 参与服务的单位数 / 辖区单位总数;
    unit participation rate = units taking part / all units in the area.

    Examples:
        >>> str(unit_participation_from_counts(6, 8))
        '75.0% (6/8)'
    """
    return _from_counts(participating_units, "participating_units", units, "units")


def benefit_from_counts(benefiting_households: int, households: int) -> Rate:
    """Resident benefit rate, counted in households.

    居民受益率 = 受益居民户数 / 社区居民户总数;
    benefit rate = households that benefited / all households.

    Examples:
        >>> str(benefit_from_counts(10, 1300))
        '0.8% (10/1300)'
    """
    return _from_counts(benefiting_households, "benefiting_households", households, "households")


def unit_benefit_from_counts(benefiting_units: int, units: int) -> Rate:
    """Local-unit benefit rate.

    社区单位受益率 = 受益社区单位数 / 辖区单位总数;
    unit benefit rate = units that benefited / all units in the area.

    Examples:
        >>> str(unit_benefit_from_counts(3, 10))
        '30.0% (3/10)'
    """
    return _from_counts(benefiting_units, "benefiting_units", units, "units")


def need_satisfaction_from_counts(needs_met: int, needs_raised: int) -> Rate:
    """Need satisfaction rate.

    需求满足率 = 需求满足数量 / 居民提出的需求总数;
    need satisfaction rate = needs met / needs raised by residents.

    Examples:
        >>> str(need_satisfaction_from_counts(15, 28))
        '53.6% (15/28)'
    """
    return _from_counts(needs_met, "needs_met", needs_raised, "needs_raised")


def survey_satisfaction_from_counts(satisfied_respondents: int, respondents: int) -> Rate:
    """Resident satisfaction rate, survey form.

    居民满意率 = 表示满意的被调查居民数 / 被调查的总人数;
    satisfaction rate = satisfied respondents / respondents.

    Examples:
        >>> str(survey_satisfaction_from_counts(46, 50))
        '92.0% (46/50)'
    """
    return _from_counts(satisfied_respondents, "satisfied_respondents", respondents, "respondents")


def population_satisfaction_from_counts(satisfied_residents: int, residents: int) -> Rate:
    """Resident satisfaction rate, population form.

    居民满意率 = 对服务表示满意的居民数 / 社区全体居民数;
    population satisfaction rate = satisfied residents / all residents.
    Residents who were not asked count as not satisfied.

    Examples:
        >>> str(population_satisfaction_from_counts(46, 3700))
        '1.2% (46/3700)'
    """
    return _from_counts(satisfied_residents, "satisfied_residents", residents, "residents")


def unit_satisfaction_from_counts(satisfied_units: int, units: int) -> Rate:
    """Local-unit satisfaction rate.

    社区单位满意率 = 对服务满意的社区单位数 / 社区单位总数;
    unit satisfaction rate = satisfied units / all units.

    Examples:
        >>> str(unit_satisfaction_from_counts(9, 10))
        '90.0% (9/10)'
    """
    return _from_counts(satisfied_units, "satisfied_units", units, "units")
