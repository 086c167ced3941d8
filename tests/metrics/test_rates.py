"""Rates keep their counts, never divide by zero, and the textbook formulas are named."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialwork._arguments import MAX_COUNT
from socialwork.errors import (
    ArgumentError,
    MetricInputError,
    UnknownCodeError,
)
from socialwork.metrics import (
    Exclusion,
    ExclusionReason,
    KeyGroupCoverage,
    Rate,
    TargetStatus,
    at_least,
    combine,
    key_group_coverage_by_category,
    monthly_report,
    rate,
    report,
)
from socialwork.metrics import casework as casework_module
from socialwork.metrics import rates as rates_module
from socialwork.metrics import services as services_module
from socialwork.metrics.formulas import (
    benefit_from_counts,
    need_satisfaction_from_counts,
    participation_from_counts,
    population_satisfaction_from_counts,
    survey_satisfaction_from_counts,
    unit_benefit_from_counts,
    unit_participation_from_counts,
    unit_satisfaction_from_counts,
)
from socialwork.metrics.rates import percentage_point_change
from socialwork.models import (
    ClientCategory,
    Period,
)
from socialwork.plans import Measurement, review_plan
from tests.metrics.support import (
    JUNE,
    KEY_GROUP_COVERAGE,
    LANGUAGES,
    MAY,
    _plan,
    refusal,
)
from tests.strategies import rate_counts


def test_health_check_figure() -> None:
    # A community's health checks: 3468 of the 4080 residents aged 65+; 3468 / 4080 = 0.85.
    checked = rate(3468, 4080)
    assert checked.value == pytest.approx(0.85)
    assert checked.percent == 85.0
    assert str(checked) == "85.0% (3468/4080)"
    assert checked.format(0) == "85% (3468/4080)"


def test_undefined_rate_is_not_nan() -> None:
    empty = rate(0, 0)
    assert empty.value is None
    assert empty.percent is None
    assert str(empty) == "n/a"
    assert empty.format(3) == "n/a"
    assert tuple(empty.wilson()) == (0.0, 1.0)


@pytest.mark.parametrize(
    ("numerator", "denominator", "field"),
    [(-1, 4, "numerator"), (1, -4, "denominator"), (1, MAX_COUNT + 1, "denominator")],
)
def test_counts_out_of_range_raise_argument_error(
    numerator: int, denominator: int, field: str
) -> None:
    with pytest.raises(ArgumentError) as info:
        rate(numerator, denominator)
    assert info.value.parameter == field
    assert info.value.code == "invalid_argument"


def test_a_numerator_above_its_denominator_raises_metric_input_error() -> None:
    with pytest.raises(MetricInputError) as info:
        rate(5, 4)
    assert (info.value.parameter, info.value.code) == ("numerator", "metric_input")
    assert "at most the denominator 4" in str(info.value)


def test_a_bool_is_not_a_count() -> None:
    with pytest.raises(ArgumentError, match="numerator must be a whole number"):
        rate(True, 4)


def test_seed_formulas_by_name() -> None:
    # A station's monthly summary: 60 of 65 valid responses satisfied = 92.3% (its "92%");
    # 15 of 28 wishes met = 53.6%.
    assert str(survey_satisfaction_from_counts(60, 65)) == "92.3% (60/65)"
    assert str(need_satisfaction_from_counts(15, 28)) == "53.6% (15/28)"
    # The population form counts residents who were not asked: 46 / 4600 = 1%.
    assert population_satisfaction_from_counts(46, 4600).percent == 1.0
    assert participation_from_counts(300, 1200).percent == 25.0
    assert unit_participation_from_counts(3, 4).percent == 75.0
    assert benefit_from_counts(10, 1000).percent == 1.0
    assert unit_benefit_from_counts(1, 8).percent == 12.5
    assert unit_satisfaction_from_counts(9, 10).percent == 90.0


def test_formula_docstrings_state_the_formula_in_both_languages() -> None:
    for formula in (
        participation_from_counts,
        unit_participation_from_counts,
        benefit_from_counts,
        unit_benefit_from_counts,
        need_satisfaction_from_counts,
        survey_satisfaction_from_counts,
        population_satisfaction_from_counts,
        unit_satisfaction_from_counts,
    ):
        doc = formula.__doc__ or ""
        assert "率 =" in doc, formula.__name__
        assert " / " in doc, formula.__name__
        assert "rate = " in doc, formula.__name__
        assert formula.__name__.endswith("_from_counts")


def test_percentage_point_change_of_the_seed() -> None:
    # A station's monthly summary: 92% now, 87% the month before: +5 points (46/50 - 87/100).
    assert percentage_point_change(rate(46, 50), rate(87, 100)) == 5.0
    assert percentage_point_change(rate(87, 100), rate(46, 50)) == -5.0
    assert percentage_point_change(rate(0, 0), rate(1, 2)) is None


def test_combine_adds_parts_and_keeps_exclusions() -> None:
    withdrawn = Exclusion("w1", ExclusionReason.WITHDRAWN)
    # 17 + 12 + 10 + 12 = 51 covered of 20 + 15 + 12 + 13 = 60 registered.
    total = combine([rate(17, 20), rate(12, 15, [withdrawn]), rate(10, 12), rate(12, 13)])
    assert (total.numerator, total.denominator) == (51, 60)
    assert total.exclusions == (withdrawn,)


@settings(max_examples=50)
@given(rate_counts())
def test_a_rate_lies_between_0_and_1(counts: tuple[int, int]) -> None:
    result = Rate(*counts)
    if result.value is None:
        assert counts[1] == 0
    else:
        assert 0 <= result.value <= 1
        assert 0 <= (result.percent or 0) <= 100


@settings(max_examples=50)
@given(st.lists(rate_counts(at_most=1000), max_size=6))
def test_combine_is_order_free(parts: list[tuple[int, int]]) -> None:
    rates = [Rate(*p) for p in parts]
    assert combine(rates) == combine(reversed(rates))


FORMULAS = (
    benefit_from_counts,
    need_satisfaction_from_counts,
    participation_from_counts,
    population_satisfaction_from_counts,
    survey_satisfaction_from_counts,
    unit_benefit_from_counts,
    unit_participation_from_counts,
    unit_satisfaction_from_counts,
)


def test_enum_parameters_take_codes() -> None:
    withdrawn: Any = "withdrawn"  # typed as the enum, like a record's field; codes work too
    gone: Any = "gone"
    assert Exclusion("w1", withdrawn).reason is ExclusionReason.WITHDRAWN
    with pytest.raises(UnknownCodeError) as info:
        Exclusion("w1", gone)
    assert "withdrawn" in info.value.allowed
    cover = key_group_coverage_by_category(JUNE.clients, JUNE.visits, JUNE.period)
    assert cover.category("living_alone_elderly") == rate(23, 34)  # 23 covered of 34 registered
    assert cover.category("youth") == Rate(0, 0)
    with pytest.raises(UnknownCodeError):
        cover.category("elderly")


def test_the_report_measures_each_shared_figure_once_per_bundle(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: dict[str, int] = {"coverage": 0, "overdue": 0, "attendance": 0}

    def counting(name: str, function: Callable[..., Any]) -> Callable[..., Any]:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            calls[name] += 1
            return function(*args, **kwargs)

        return wrapper

    # The catalogue calls the functions' cores: a bundle's collections are distinct.
    for name, module, attribute in (
        ("coverage", casework_module, "_key_group_coverage_by_category"),
        ("overdue", casework_module, "_overdue_follow_ups"),
        ("attendance", services_module, "_group_attendance"),
    ):
        monkeypatch.setattr(module, attribute, counting(name, getattr(module, attribute)))
    report = monthly_report(JUNE, JUNE.period, MAY)
    # Once for June and once for May; attendance once per group and bundle (3 groups in June).
    assert calls == {
        "coverage": 2,
        "overdue": 2,
        "attendance": len(JUNE.groups) + len(MAY.groups),
    }
    assert report.line("key_group_coverage").value == rate(65, 76)
    assert report.line("group_attendance").value == rate(117, 130)


@settings(max_examples=200)
@given(
    st.integers(min_value=-(10**20), max_value=10**20),
    st.integers(min_value=-(10**20), max_value=10**20),
)
def test_counts_form_a_rate_or_are_refused(numerator: int, denominator: int) -> None:
    result = refusal(lambda: rate(numerator, denominator))
    if isinstance(result, MetricInputError):
        assert 0 <= denominator < numerator
    elif isinstance(result, ArgumentError):
        assert result.parameter in ("numerator", "denominator")
    else:
        assert isinstance(result, Rate)
        assert result.value is None or 0 <= result.value <= 1
        low, high = result.wilson()
        assert 0 <= low <= high <= 1


@pytest.mark.parametrize("formula", FORMULAS, ids=lambda f: f.__name__)
def test_a_formula_names_its_own_parameters(formula: Callable[[int, int], Rate]) -> None:
    part, whole = inspect.signature(formula).parameters
    assert str(formula(3, 4)) == "75.0% (3/4)"
    with pytest.raises(MetricInputError) as above:
        formula(5, 4)
    assert (above.value.parameter, above.value.value) == (part, 5)
    assert str(above.value) == f"{part} must be at most {whole} 4; got 5"
    with pytest.raises(ArgumentError) as negative:
        formula(-1, 4)
    assert negative.value.parameter == part
    with pytest.raises(ArgumentError) as empty:
        formula(1, -4)
    assert empty.value.parameter == whole


def test_unknown_codes_name_their_parameter() -> None:
    with pytest.raises(UnknownCodeError) as reason:
        Exclusion("d01", "gone")
    assert reason.value.parameter == "reason"
    assert str(reason.value).startswith("reason must be one of the codes 'unchecked', ")
    with pytest.raises(UnknownCodeError) as direct:
        rates_module._reason("gone")
    assert direct.value.parameter == "reason"
    with pytest.raises(UnknownCodeError) as status:
        report._status("done")
    assert status.value.parameter == "status"
    assert str(status.value) == (
        "status must be one of the codes 'achieved', 'on_track', 'at_risk', 'off_track', "
        "'not_distinguishable', 'not_yet_due', 'no_data', 'no_target'; got 'done'"
    )


def test_rate_keeps_the_numerator_in_its_error() -> None:
    with pytest.raises(MetricInputError) as err:
        Rate(5, 4)
    assert err.value.value == 5
    assert str(err.value) == "numerator must be at most the denominator 4; got 5"


def test_a_rate_with_few_exclusions_lists_each() -> None:
    r = Rate(3, 5, tuple(Exclusion(f"s{i}", "intern") for i in range(20)))
    items = [line for line in r.to_markdown("en").splitlines() if line.startswith("- ")]
    assert len(items) == 20
    assert items[0] == "- Excluded: s0 (Interns are not counted)"


def test_a_rate_with_many_exclusions_counts_them_by_reason() -> None:
    # 21 exclusions: 15 above the plan, then 6 withdrawn; one line for each reason
    above = [Exclusion(f"v{i:02}", "above_plan") for i in range(15)]
    withdrawn = [Exclusion(f"n{i}", "withdrawn") for i in range(6)]
    r = Rate(10, 10, (*above, *withdrawn))
    items = [line for line in r.to_markdown("en").splitlines() if line.startswith("- ")]
    assert items == [
        "- Excluded 15 (Above the planned number): v00, v01, v02, v03, v04, …",
        "- Excluded 6 (Need withdrawn): n0, n1, n2, n3, n4, …",
    ]
    zh = [line for line in r.to_markdown().splitlines() if line.startswith("- ")]
    assert zh[1] == "- 排除 6 条（需求已撤回）：n0、n1、n2、n3、n4 等"
    hant = [line for line in r.to_markdown("zh-Hant").splitlines() if line.startswith("- ")]
    assert hant[0].startswith("- 排除 15 條（超出計劃次數）")
    assert len(r.exclusions) == 21  # the rate keeps them all


def test_reasons_are_summarised_in_first_seen_order() -> None:
    mixed = [
        Exclusion(f"g{i}", ExclusionReason.GOAL_VOID if i % 3 else "goal_not_assessed")
        for i in range(30)
    ]
    items = [
        line
        for line in Rate(1, 2, tuple(mixed)).to_markdown("en").splitlines()
        if line.startswith("- ")
    ]
    assert items[0].startswith("- Excluded 10 (Goal not yet assessed): g0, g3, g6, g9, g12, …")
    assert items[1].startswith(
        "- Excluded 20 (Goal cancelled, rejected or in error): g1, g2, g4, g5, g7, …"
    )


def test_a_rate_whose_interval_holds_the_target_reads_the_same_in_both() -> None:
    # 18/20 = 90%: its interval, 69.9%-97.2%, holds 95, in a report and in a review.
    june = Period.month(2025, 6)
    line_status = KEY_GROUP_COVERAGE.judge(rate(18, 20), june).status
    plan = _plan(at_least("95%", of="key_group_coverage"), deadline=6)
    found = [Measurement("key_group_coverage", june, rate(18, 20))]
    goal_status = review_plan(plan, found, as_of=date(2025, 6, 30)).goals[0].status
    assert line_status is goal_status is TargetStatus.NOT_DISTINGUISHABLE
    for lang, words in zip(
        LANGUAGES, ("样本不足以判断", "樣本不足以判斷", "Not distinguishable"), strict=True
    ):
        assert line_status.label(lang) == goal_status.label(lang) == words


def test_a_rate_is_one_row_with_its_interval() -> None:
    (row,) = rate(51, 60, [Exclusion("s7", "intern")]).to_rows()
    assert (row["numerator"], row["denominator"], row["excluded"]) == (51, 60, 1)
    assert row["value"] == pytest.approx(0.85)
    assert row["percent"] == pytest.approx(85.0)
    # Wilson 95% for 51/60 by hand: centre 0.88201/1.06403 = 0.82894,
    # half-width 1.96 * sqrt(0.002125 + 0.000267) / 1.06403 = 0.09009
    assert row["interval_low"] == pytest.approx(0.73885, abs=1e-4)
    assert row["interval_high"] == pytest.approx(0.91903, abs=1e-4)


def test_an_undefined_rate_has_no_value_and_no_interval() -> None:
    (row,) = rate(0, 0).to_rows()
    assert row == {
        "numerator": 0,
        "denominator": 0,
        "value": None,
        "percent": None,
        "interval_low": None,
        "interval_high": None,
        "excluded": 0,
    }


def test_key_group_coverage_has_a_total_row_then_one_per_category() -> None:
    cover = key_group_coverage_by_category(JUNE.clients, JUNE.visits, JUNE.period)
    rows = cover.to_rows()
    assert rows[0]["category"] == "total"
    assert (rows[0]["numerator"], rows[0]["denominator"]) == (65, 76)
    assert [r["category"] for r in rows[1:]] == [c.value for c, _ in cover.by_category]
    small = KeyGroupCoverage(rate(51, 60), ((ClientCategory.LIVING_ALONE_ELDERLY, rate(17, 20)),))
    assert [(r["category"], r["percent"]) for r in small.to_rows()] == [
        ("total", 85.0),
        ("living_alone_elderly", 85.0),
    ]


def test_a_rate_reads_as_its_value_interval_and_exclusions_in_each_language() -> None:
    from socialwork.metrics.rates import Exclusion

    left = (
        Exclusion("d1", "unchecked"),
        Exclusion("d2", "unchecked"),
        Exclusion("d3", "withdrawn"),
    )
    # Wilson 95% for 7/10: centre 0.6445, half-width 0.2477, so 39.7%–89.2%
    assert rate(7, 10, left).to_markdown("en").splitlines() == [
        "70.0% (7/10) · 95% interval 39.7%–89.2%",
        "",
        "- Excluded: d1 (Not checked against the need)",
        "- Excluded: d2 (Not checked against the need)",
        "- Excluded: d3 (Need withdrawn)",
    ]
    assert rate(7, 10, left).to_markdown("zh-Hant").splitlines()[0] == (
        "70.0% (7/10) · 95% 置信區間 39.7%–89.2%"
    )
    assert rate(7, 10, left).to_markdown("zh").splitlines()[2] == "- 排除: d1 (未核实是否匹配需求)"
    # an undefined rate has no interval and says so
    assert rate(0, 0).to_markdown("zh").splitlines() == ["n/a"]


def test_more_than_twenty_exclusions_read_as_a_count_and_the_first_five_ids_per_reason() -> None:
    from socialwork.metrics.rates import Exclusion

    left = [Exclusion(f"d{i:02d}", "unchecked") for i in range(22)] + [Exclusion("n1", "withdrawn")]
    assert rate(7, 10, left).to_markdown("en").splitlines()[2:] == [
        "- Excluded 22 (Not checked against the need): d00, d01, d02, d03, d04, …",
        "- Excluded 1 (Need withdrawn): n1",
    ]
    assert rate(7, 10, left).to_markdown("zh").splitlines()[2:] == [
        "- 排除 22 条（未核实是否匹配需求）：d00、d01、d02、d03、d04 等",
        "- 排除 1 条（需求已撤回）：n1",
    ]


def test_a_rate_says_what_it_excluded_and_shows_its_interval_in_chinese() -> None:
    from socialwork.metrics import Exclusion

    assert "excluding" not in repr(rate(3, 4))
    left_out = rate(3, 4, exclusions=[Exclusion("d1", "unchecked"), Exclusion("d2", "unchecked")])
    assert "excluding 2" in repr(left_out)
    assert " · 95% 置信区间 " in rate(3, 4).to_markdown()
    assert "95% interval" in rate(3, 4).to_markdown("en")


def test_a_long_exclusion_list_is_counted_by_reason_with_its_first_five_ids() -> None:
    from socialwork.metrics import Exclusion, ExclusionSummary
    from socialwork.metrics._shown import exclusion_items

    # 16 above the plan and exactly 5 withdrawn: 21 in all, past the 20 shown one by one
    listing = [Exclusion(f"v{i}", "above_plan") for i in range(16)]
    listing += [Exclusion(f"n{i}", "withdrawn") for i in range(5)]
    summary = ExclusionSummary.of(listing)
    assert exclusion_items(summary, "en") == [
        "Excluded 16 (Above the planned number): v0, v1, v2, v3, v4, …",
        "Excluded 5 (Need withdrawn): n0, n1, n2, n3, n4",
    ]
    assert exclusion_items(summary, "zh-Hans")[1] == "排除 5 条（需求已撤回）：n0、n1、n2、n3、n4"
    assert exclusion_items(summary, "zh-Hant")[0] == (
        "排除 16 條（超出計劃次數）：v0、v1、v2、v3、v4 等"
    )
