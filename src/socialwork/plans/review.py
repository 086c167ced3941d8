"""Plan reviews (计划监测评估): each goal's measured value against its target and trajectory.

`review_plan` judges every goal of a `WorkPlan` on a day: the latest
measurement of its indicator in the plan up to that day, the target level,
the level expected on a straight trajectory from the baseline (at the
plan's start) to the target (at the goal's deadline month), and a status.
`milestone_review` does the same on a milestone's due date (the mid-term
review of month 6, the annual evaluation of month 12).

Measurements are `Measurement <socialwork.plans.measurements.Measurement>`
values: the user's own figures, or the lines of the monthly reports of the
plan's months (`measurements_from_reports
<socialwork.plans.measurements.measurements_from_reports>`). Each goal
takes the latest figure of its indicator (see `review_plan`).

Each goal is judged by `socialwork.metrics.status.judge`, the rule the
monthly report uses too, so a goal and a report line with the same target
and figure get the same `TargetStatus <socialwork.metrics.status.TargetStatus>`
and the same words: ``achieved``; ``on_track`` on the trajectory; below it,
for a rate, ``off_track`` only when the whole 95% Wilson interval is below
the expected level, else ``not_distinguishable``; for a plain number
``at_risk`` while not due with half the expected progress made, else
``off_track``; ``not_yet_due`` before a plan month has ended; ``no_data``
without a figure (or for a change target without a baseline); ``no_target``
for a goal without a typed target.

A goal that carries an attainment scale (`PlanGoal.attainment_scale
<socialwork.plans.PlanGoal>`) is scored on it by the review's
``attainment`` (a level from −2 to +2 per goal), and the review's
`PlanReview.attainment` is the Kiresuk–Sherman T-score of those goals
(`socialwork.evaluation.goal_attainment_tscore`, ρ = 0.3): a goal left
unscored is left out and counted, as that function states. A review
cites the evaluations of its plan completed by its day
(`socialwork.evaluation.Evaluation`, found with
`socialwork.evaluation.evaluations_for`) and lists them, with their
findings, under its table.

A review shows itself in a notebook (its table, then its chart,
`PlanReview.chart`), exports rows (`PlanReview.to_rows`) and becomes a
record for JSON with `PlanReview.to_record` (`socialwork.plans.review_records`).

Examples:
    >>> from datetime import date
    >>> from socialwork.metrics import rate
    >>> from socialwork.models import Period
    >>> from socialwork.plans import Measurement, PlanKind, plan_template
    >>> plan = plan_template(PlanKind.COMMUNITY_ANNUAL).work_plan(id="c", start=date(2025, 1, 1))
    >>> june = Period.month(2025, 6)
    >>> figures = [Measurement("survey_satisfaction", june, rate(46, 50)),
    ...            Measurement("key_group_coverage", june, rate(51, 60))]
    >>> review = milestone_review(plan, figures, "mid")
    >>> [(g.goal_id, g.status.value) for g in review.goals]
    [('coverage', 'off_track'), ('volunteers', 'no_data'), ('satisfaction', 'achieved')]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from typing import Any, cast

from attrs import field, frozen
from dateutil.relativedelta import relativedelta
from pydantic_core import PydanticCustomError

from socialwork._arguments import (
    require_day,
    require_distinct,
    require_instance,
    require_instances,
    require_member,
)
from socialwork.display.chart import Chart
from socialwork.display.displayable import Displayable
from socialwork.display.document import Block, Document, Heading, Items, Paragraph, Table
from socialwork.errors import ArgumentError, PlanningInputError, UnknownCodeError
from socialwork.evaluation.gas import AttainmentScale, GasTScore, goal_attainment_tscore
from socialwork.evaluation.records import Evaluation
from socialwork.labels import Language, Script, canonical_language
from socialwork.metrics.rates import Rate
from socialwork.metrics.status import TargetStatus, judge
from socialwork.metrics.survey import WilsonInterval
from socialwork.metrics.targets import Comparator, Target
from socialwork.plans.goals import PlanGoal
from socialwork.plans.measurements import Measurement, _number, _period_text
from socialwork.plans.phases import Milestone
from socialwork.plans.review_chart import _WORDS, review_chart
from socialwork.plans.review_records import GoalReviewRecord, PlanReviewRecord, _broken_citation
from socialwork.plans.workplan import WorkPlan

__all__ = ["GoalReview", "PlanReview", "milestone_review", "review_plan"]


def _status(value: TargetStatus | str) -> TargetStatus:
    return require_member(TargetStatus, value, "status")


_SIGN = {Comparator.AT_LEAST: "≥", Comparator.AT_MOST: "≤", Comparator.EXACTLY: "="}


@frozen
class GoalReview(Displayable):
    """One goal at a review: what was measured, the target, the trajectory and the status.

    ``target_level`` and ``expected`` are in the target's display units
    (``None`` without a typed target, or for a change without a baseline);
    ``interval`` is the 95% Wilson interval of a measured rate;
    ``attainment_scale`` is the goal's attainment scale, if it has one, and
    ``attainment_level`` the level (−2..+2) the review scored it at. It
    shows itself as the one row it has in its plan's review table.

    Examples:
        >>> review = GoalReview("g1", "提升满意度", None, None, None, None, None, "no_target")
        >>> review.status.label(), review
        ('无目标', GoalReview('g1', no_target))
        >>> print(review.to_markdown("en").splitlines()[-1])
        | 提升满意度 | — | n/a | — | — | — | — | No target |
    """

    goal_id: str
    statement: str
    target: Target | None
    measurement: Measurement | None
    target_level: float | None
    expected: float | None
    interval: WilsonInterval | None
    status: TargetStatus = field(converter=_status)
    attainment_scale: AttainmentScale | None = None
    attainment_level: int | None = None

    def __repr__(self) -> str:
        """A short form: the goal, what was measured against what, and the status."""
        if self.target is None:
            return f"GoalReview({self.goal_id!r}, {self.status.value})"
        measured = "n/a" if self.measurement is None else _number(self.measurement)
        wanted = _wanted(self, "en")
        return f"GoalReview({self.goal_id!r}, {measured} vs {wanted}: {self.status.value})"

    def to_document(self, language: Language | str = "zh") -> Document:
        """Return the goal's line as a one-row table, as in the plan's review.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> review = GoalReview("g1", "提升满意度", None, None, None, None, None, "no_target")
            >>> print(review.to_document("en").to_text().splitlines()[0])
            Goal        Indicator  Measured  Period  Target  Expected now  95% interval  Status
        """
        script = canonical_language(language)
        return Document([Table(_WORDS[script]["header"].split("|"), [_row(self, script)])])

    def to_rows(self) -> list[dict[str, Any]]:
        """Return the goal as one row of plain values, every figure in the goal's display units.

        A rate is in percent (its counts are kept), the interval's bounds too;
        the status is its code; ``attainment_level`` and ``attainment_weight``
        are the goal's GAS level and weight (``None`` without a scale).

        Examples:
            >>> review = GoalReview("g1", "提升满意度", None, None, None, None, None, "no_target")
            >>> row = review.to_rows()[0]
            >>> row["goal_id"], row["measured"], row["status"]
            ('g1', None, 'no_target')
        """
        measured = self.measurement
        value = None if measured is None else measured.value
        counts = value if isinstance(value, Rate) else None
        interval = self.interval
        scale = self.attainment_scale
        return [
            {
                "goal_id": self.goal_id,
                "statement": self.statement,
                "indicator": None if self.target is None else self.target.indicator,
                "period_start": None if measured is None else measured.period.start,
                "period_end": None if measured is None else measured.period.end,
                "measured": None if measured is None else measured.percent,
                "numerator": None if counts is None else counts.numerator,
                "denominator": None if counts is None else counts.denominator,
                "interval_low": None if interval is None else 100 * interval.low,
                "interval_high": None if interval is None else 100 * interval.high,
                "target_level": self.target_level,
                "expected": self.expected,
                "status": self.status.value,
                "attainment_level": self.attainment_level,
                "attainment_weight": None if scale is None else scale.weight,
            }
        ]

    def to_record(self) -> GoalReviewRecord:
        """Return the goal's review as a `GoalReviewRecord`.

        Raises:
            ValidationError: a value is beyond what the record holds (an id
                longer than 64 characters, a blank statement, a figure above 1e15).

        Examples:
            >>> review = GoalReview("g1", "提升满意度", None, None, None, None, None, "no_target")
            >>> review.to_record().status, review.to_record().measurement
            (<TargetStatus.NO_TARGET: 'no_target' 无目标>, None)
        """
        interval = self.interval
        return GoalReviewRecord(
            goal_id=self.goal_id,
            statement=self.statement,
            status=self.status,
            target=self.target,
            measurement=None if self.measurement is None else self.measurement.to_record(),
            target_level=self.target_level,
            expected=self.expected,
            interval_low=None if interval is None else interval.low,
            interval_high=None if interval is None else interval.high,
            attainment_scale=self.attainment_scale,
            attainment_level=self.attainment_level,
        )


@frozen
class PlanReview(Displayable):
    """A plan's goals judged on a day, after ``months_elapsed`` whole plan months.

    In a notebook it shows itself as its table (in Simplified Chinese;
    `to_markdown`, `to_html` and `to_text` take another language), then its
    chart, which draws each goal's measured value against its trajectory
    and target; then the goals' attainment T-score (`attainment`) and the
    evaluations it cites (``evaluations``, oldest first), each of the plan
    and completed on or before ``as_of``.

    Raises:
        PlanningInputError: a cited evaluation is of another plan (rule
            ``evaluation_of_other_plan``) or completed after ``as_of``
            (``evaluation_after_review``), or two share an id
            (``duplicate_id``).

    Examples:
        >>> from datetime import date
        >>> from socialwork.plans import PlanKind, plan_template
        >>> plan = plan_template(PlanKind.YOUTH).work_plan(id="y", start=date(2025, 1, 1))
        >>> review = review_plan(plan, [], as_of=date(2025, 6, 30))
        >>> review.months_elapsed, review.goal("emotion").status.value
        (6, 'no_data')
        >>> review
        PlanReview('y', 2025-06-30, month 6 (mid): 4 no_data)
        >>> print(review.to_markdown("en").splitlines()[0])
        # 青少年成长支持专项社工工作计划: review on 2025-06-30
    """

    plan_id: str
    title: str
    as_of: date
    months_elapsed: int
    milestone: Milestone | None
    goals: tuple[GoalReview, ...]
    evaluations: tuple[Evaluation, ...] = ()

    def __attrs_post_init__(self) -> None:
        """Refuse a cited evaluation of another plan, completed after the review, or twice."""
        require_distinct("evaluations", (e.id for e in self.evaluations))
        for evaluation in self.evaluations:
            broken = _broken_citation(self.plan_id, self.as_of, evaluation, ("evaluations",))
            if broken is not None:
                rule = cast("PydanticCustomError", broken["type"])
                expected = (rule.context or {})["expected"]
                raise PlanningInputError(rule.type, broken["input"], expected)

    def __repr__(self) -> str:
        """A one-line summary: plan, day, months done, milestone, goals by status, citations."""
        counts = Counter(g.status for g in self.goals)
        statuses = ", ".join(f"{counts[s]} {s.value}" for s in TargetStatus if counts[s])
        milestone = "" if self.milestone is None else f" ({self.milestone.id})"
        cited = len(self.evaluations)
        citing = "" if not cited else f"; cites {cited} evaluation{'s' if cited > 1 else ''}"
        return (
            f"PlanReview({self.plan_id!r}, {self.as_of}, month {self.months_elapsed}"
            f"{milestone}: {statuses or 'no goals'}{citing})"
        )

    @property
    def attainment(self) -> GasTScore | None:
        """The Kiresuk–Sherman T-score of the goals with an attainment scale, ρ = 0.3.

        The goals are taken in the plan's order, each weighted by its
        scale's weight; a goal the review did not score is left out of the
        T-score and listed in ``missing`` (its position among the scaled
        goals, from 0), as `socialwork.evaluation.goal_attainment_tscore`
        states. ``None`` when no goal carries a scale.

        Examples:
            >>> from socialwork.evaluation import AttainmentScale
            >>> scaled = GoalReview("g1", "提升满意度", None, None, None, None, None,
            ...                     "no_target", AttainmentScale(weight=2), 1)
            >>> review = PlanReview("p", "计划", date(2025, 12, 31), 12, None, (scaled,))
            >>> review.attainment.tscore
            60.0
        """
        scaled = [g for g in self.goals if g.attainment_scale is not None]
        if not scaled:
            return None
        return goal_attainment_tscore(
            [g.attainment_level for g in scaled],
            [cast("AttainmentScale", g.attainment_scale).weight for g in scaled],
        )

    def goal(self, goal_id: str) -> GoalReview:
        """Return the review of the goal ``goal_id``.

        Raises:
            UnknownCodeError: no goal has that id; the message lists them.

        Examples:
            >>> from datetime import date
            >>> from socialwork.plans import PlanKind, plan_template
            >>> plan = plan_template(PlanKind.YOUTH).work_plan(id="y", start=date(2025, 1, 1))
            >>> review_plan(plan, [], as_of=date(2025, 1, 15)).goal("emotion").status.value
            'not_yet_due'
        """
        for review in self.goals:
            if review.goal_id == goal_id:
                return review
        raise UnknownCodeError("goal_id", goal_id, [g.goal_id for g in self.goals])

    def to_rows(self) -> list[dict[str, Any]]:
        """Return one row of plain values per goal (see `GoalReview.to_rows`).

        The rows are the goals' own, so the goals tabulate as the review
        does; the cited evaluations are records, in `to_record` and the
        document.

        Examples:
            >>> from datetime import date
            >>> from socialwork.plans import PlanKind, plan_template
            >>> plan = plan_template(PlanKind.YOUTH).work_plan(id="y", start=date(2025, 1, 1))
            >>> [r["goal_id"] for r in review_plan(plan, [], as_of=date(2025, 6, 30)).to_rows()]
            ['emotion', 'relations', 'career', 'family']
        """
        return [row for goal in self.goals for row in goal.to_rows()]

    def to_record(self) -> PlanReviewRecord:
        """Return the review as a `PlanReviewRecord`, for JSON and other programs.

        Raises:
            ValidationError: a value is beyond what the record holds (see
                `GoalReview.to_record`), or two goals share an id.

        Examples:
            >>> from datetime import date
            >>> from socialwork.plans import PlanKind, plan_template
            >>> plan = plan_template(PlanKind.YOUTH).work_plan(id="y", start=date(2025, 1, 1))
            >>> record = review_plan(plan, [], as_of=date(2025, 6, 30)).to_record()
            >>> record.milestone.id, [g.status.value for g in record.goals][:2]
            ('mid', ['no_data', 'no_data'])
            >>> PlanReviewRecord.model_validate_json(record.model_dump_json()) == record
            True
        """
        return PlanReviewRecord(
            plan_id=self.plan_id,
            title=self.title,
            as_of=self.as_of,
            months_elapsed=self.months_elapsed,
            milestone=self.milestone,
            goals=tuple(g.to_record() for g in self.goals),
            evaluations=self.evaluations,
        )

    def to_document(self, language: Language | str = "zh") -> Document:
        """Return the review as a document: title, months done, the goals' table and the chart.

        Each row shows a goal, its indicator, the figure used and the period
        it covers, the target, the level expected now on the trajectory, the
        95% interval of a rate and the status. When goals carry attainment
        scales, their levels, weights and T-score follow; then each cited
        evaluation: its kind, its evaluator, the period it covers, the day it
        was completed and its findings (each under its goal's statement).

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> from datetime import date
            >>> from socialwork.plans import PlanKind, plan_template
            >>> plan = plan_template(PlanKind.YOUTH).work_plan(id="y", start=date(2025, 1, 1))
            >>> document = review_plan(plan, [], as_of=date(2025, 6, 30)).to_document("en")
            >>> [type(b).__name__ for b in document.blocks]
            ['Heading', 'Paragraph', 'Table', 'Chart']
        """
        script = canonical_language(language)
        words = _WORDS[script]
        when = f"{words['months']}: {self.months_elapsed}"
        if self.milestone is not None:
            kind, name = self.milestone.kind.label(script), self.milestone.name
            when += (
                f" ({kind})"
                if name in (kind, self.milestone.kind.label())
                else f" ({kind}, {name})"
            )
        return Document(
            [
                Heading(f"{self.title}{words['review_on']} {self.as_of}", 1),
                Paragraph(when),
                Table(words["header"].split("|"), [_row(g, script) for g in self.goals]),
                self.chart(script),
                *self._attainment_blocks(script),
                *self._evaluation_blocks(script),
            ]
        )

    def _attainment_blocks(self, script: Script) -> list[Block]:
        """The T-score's own blocks, its goals named by their statements."""
        tscore = self.attainment
        if tscore is None:
            return []
        heading, table, summary = tscore.to_document(script).blocks
        statements = [g.statement for g in self.goals if g.attainment_scale is not None]
        rows = cast("Table", table).rows
        named = [(name, *row[1:]) for name, row in zip(statements, rows, strict=True)]
        return [heading, Table(cast("Table", table).header, named), summary]

    def _evaluation_blocks(self, script: Script) -> list[Block]:
        """Each cited evaluation: a heading, what kind by whom over when, and its findings."""
        if not self.evaluations:
            return []
        words = _WORDS[script]
        goals = {g.goal_id: g.statement for g in self.goals}
        blocks: list[Block] = [Heading(words["evaluations"])]
        for e in self.evaluations:
            by = e.evaluator.label(script)
            if e.evaluator_name is not None:
                by += f" ({e.evaluator_name})"
            blocks += [
                Heading(e.id if e.title is None else f"{e.title} ({e.id})", 3),
                Paragraph(
                    f"{e.kind.label(script)}; {by}; {_period_text(e.period)}; "
                    f"{words['completed']} {e.completed_on}"
                ),
            ]
            findings = [
                f.text if f.goal_id is None else f"{goals.get(f.goal_id, f.goal_id)}: {f.text}"
                for f in e.findings
            ]
            blocks.append(Items(findings) if findings else Paragraph(words["no_findings"], True))
        return blocks

    def chart(self, language: Language | str = "zh") -> Chart:
        """Return each goal's measured value, interval, expected level and target as a chart.

        See `socialwork.plans.review_chart.review_chart`.

        Raises:
            UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

        Examples:
            >>> from datetime import date
            >>> from socialwork.metrics import rate
            >>> from socialwork.models import Period
            >>> from socialwork.plans import Measurement, PlanKind, plan_template
            >>> plan = plan_template(PlanKind.COMMUNITY_ANNUAL).work_plan(id="c",
            ...                                                      start=date(2025, 1, 1))
            >>> found = [Measurement("survey_satisfaction", Period.month(2025, 6), rate(46, 50))]
            >>> spec = milestone_review(plan, found, "mid").chart("en").to_dict()
            >>> [(v["goal"], v["value"], v["target"]) for v in spec["data"]["values"]][-1]
            ('satisfaction', 92.0, 90.0)
        """
        return review_chart(self.to_rows(), self.title, self.as_of, language)


def _wanted(review: GoalReview, script: Script) -> str:
    target = review.target
    if target is None:
        return "—"
    if review.target_level is None:
        return target.describe(script)
    return f"{_SIGN[target.comparator]} {target.format_level(review.target_level, script)}"


def _row(review: GoalReview, script: Script) -> list[str]:
    target = review.target
    measured = review.measurement
    value = "n/a" if measured is None else _number(measured)
    period = "—" if measured is None else _period_text(measured.period)
    if target is None:
        return [review.statement, "—", value, period, "—", "—", "—", review.status.label(script)]
    expected = "—" if review.expected is None else target.format_level(review.expected, script)
    interval = "—"
    if review.interval is not None:
        interval = f"{100 * review.interval.low:.1f}–{100 * review.interval.high:.1f}%"
    return [
        review.statement,
        "—" if target.indicator is None else target.indicator,
        value,
        period,
        _wanted(review, script),
        expected,
        interval,
        review.status.label(script),
    ]


def _months_elapsed(plan: WorkPlan, as_of: date) -> int:
    """Whole plan months ended on or before ``as_of``."""
    elapsed = 0
    for k in range(1, max(plan.months, 1) + 1):
        if plan.start + relativedelta(months=k) - timedelta(days=1) > as_of:
            break
        elapsed = k
    return elapsed


def _latest(plan: WorkPlan, found: list[Measurement], code: str, as_of: date) -> Measurement | None:
    """The figure of ``code`` a review uses: see `review_plan`."""
    within = [
        m
        for m in found
        if m.indicator == code and m.period.start >= plan.start and m.period.end <= as_of
    ]
    by_period: dict[tuple[date, date], Measurement] = {}
    for item in within:
        key = (item.period.start, item.period.end)
        other = by_period.setdefault(key, item)
        if other != item:
            raise ArgumentError(
                "measurements",
                [other, item],
                f"one figure of {code} for {_period_text(item.period)}, not two different ones",
            )
    with_figure = [m for m in by_period.values() if m.percent is not None]
    return max(
        with_figure or by_period.values(),
        key=lambda m: (m.period.end, -m.period.start.toordinal()),
        default=None,
    )


def _judge(
    goal: PlanGoal,
    plan: WorkPlan,
    found: list[Measurement],
    elapsed: int,
    as_of: date,
    level: int | None,
) -> GoalReview:
    """Judge one goal with `socialwork.metrics.status.judge` after ``elapsed`` plan months."""
    target = goal.typed_target
    if target is None or target.indicator is None:
        return GoalReview(
            goal.id,
            goal.statement,
            None,
            None,
            None,
            None,
            None,
            "no_target",
            goal.attainment_scale,
            level,
        )
    measured = _latest(plan, found, target.indicator, as_of)
    deadline = goal.deadline_month or max(plan.months, 1)
    judged = judge(
        target,
        None if measured is None else measured.value,
        progress=min(elapsed / deadline, 1.0),
    )
    return GoalReview(
        goal.id,
        goal.statement,
        target,
        measured,
        judged.level,
        judged.expected,
        judged.interval,
        judged.status,
        goal.attainment_scale,
        level,
    )


def _levels(plan: WorkPlan, attainment: Mapping[str, int | None] | None) -> dict[str, int | None]:
    """The GAS level of each goal with a scale (``None`` when unscored), checked as GAS checks."""
    if attainment is None:
        attainment = {}
    if not isinstance(attainment, Mapping):
        raise TypeError(
            f"attainment must be a mapping of goal ids to levels; got {type(attainment).__name__}"
        )
    scaled = [g for g in plan.goals if g.attainment_scale is not None]
    ids = [g.id for g in scaled]
    for goal_id in attainment:
        if goal_id not in ids:
            raise UnknownCodeError("attainment", goal_id, ids)
    levels = {g.id: attainment.get(g.id) for g in scaled}
    goal_attainment_tscore(list(levels.values()))
    return levels


def review_plan(
    plan: WorkPlan,
    measurements: Iterable[Measurement],
    *,
    as_of: date,
    attainment: Mapping[str, int | None] | None = None,
    evaluations: Iterable[Evaluation] = (),
) -> PlanReview:
    """Judge every goal of ``plan`` on ``as_of`` against the measurements (see the module).

    Each goal takes the measurement of its target's indicator whose period
    lies within the plan and ends last on or before ``as_of``, among those
    with a figure: a period without one (``None``, an undefined rate) never
    hides an earlier figure, and counts only when no period has a figure
    (the goal then has no data). Of two periods ending on the same day the
    longer wins (a count since the plan's start over the month's own).
    The expected level runs straight from the baseline at the plan's
    start to the target level at the end of the goal's deadline month (the
    plan's last month if none), by whole plan months; a percentage without
    a baseline expects the target throughout, a count, hours or money
    without one start from 0 (give cumulative figures).

    ``attainment`` scores the goals that carry an attainment scale, by goal
    id, each at a level from −2 to +2; a scaled goal it leaves out (or
    gives ``None``) is unscored, and `PlanReview.attainment` leaves it out
    of the T-score and counts it. ``evaluations`` are the evaluations the
    review cites (`socialwork.evaluation.evaluations_for` finds them):
    each of ``plan`` and completed on or before ``as_of``; the review lists
    them oldest first.

    Raises:
        ArgumentError: ``as_of`` is a ``datetime`` or outside 1900–2199, or
            two different measurements of one indicator cover the same period.
        UnknownCodeError: ``attainment`` names a goal without an attainment scale.
        EvaluationInputError: ``attainment`` gives a level outside −2..+2
            (rule ``gas_level``).
        PlanningInputError: a cited evaluation is of another plan (rule
            ``evaluation_of_other_plan``), completed after ``as_of``
            (``evaluation_after_review``), or cited twice (``duplicate_id``).
        TypeError: a measurement is not a `Measurement`, an evaluation not an
            `Evaluation <socialwork.evaluation.Evaluation>`, or a level not an int.

    Examples:
        >>> from datetime import date
        >>> from socialwork.metrics import rate
        >>> from socialwork.models import Period
        >>> from socialwork.metrics import at_least
        >>> from socialwork.plans import PlanKind, plan_template
        >>> from socialwork.records import replace
        >>> plan = plan_template(PlanKind.YOUTH).work_plan(id="y", start=date(2025, 1, 1))
        >>> aim = at_least("80%", of="emotion_improved", baseline=50)
        >>> plan = replace(plan, goals=(replace(plan.goals[0], typed_target=aim), *plan.goals[1:]))
        >>> found = [Measurement("emotion_improved", Period.month(2025, 6), rate(9, 20))]
        >>> line = review_plan(plan, found, as_of=date(2025, 6, 30)).goal("emotion")
        >>> line.expected, line.status.value
        (65.0, 'not_distinguishable')
    """
    plan = require_instance(WorkPlan, plan, "plan")
    day = require_day(as_of, "as_of")
    found = list(require_instances(Measurement, measurements, "measurements"))
    levels = _levels(plan, attainment)
    cited = require_instances(Evaluation, evaluations, "evaluations")
    elapsed = _months_elapsed(plan, day) if day >= plan.start else 0
    reached = [m for m in plan.milestones if m.month == elapsed]
    return PlanReview(
        plan.id,
        plan.title,
        day,
        elapsed,
        reached[0] if reached else None,
        tuple(_judge(goal, plan, found, elapsed, day, levels.get(goal.id)) for goal in plan.goals),
        tuple(sorted(cited, key=lambda e: (e.completed_on, e.id))),
    )


def milestone_review(
    plan: WorkPlan,
    measurements: Iterable[Measurement],
    milestone: str,
    *,
    attainment: Mapping[str, int | None] | None = None,
    evaluations: Iterable[Evaluation] = (),
) -> PlanReview:
    """Review ``plan`` on the due date of its milestone ``milestone`` (e.g. ``"mid"``).

    ``attainment`` and ``evaluations`` are as for `review_plan`: the year-end
    review (``"annual"``) scores the goals' attainment scales and cites the
    plan's evaluations completed by the end of the year.

    Raises:
        UnknownCodeError: the plan has no milestone with that id, or
            ``attainment`` names a goal without an attainment scale.
        ArgumentError: two different measurements of one indicator cover the same period.
        EvaluationInputError: ``attainment`` gives a level outside −2..+2.
        PlanningInputError: a cited evaluation is of another plan, completed
            after the milestone's due date, or cited twice.
        TypeError: a measurement is not a `Measurement`, or an evaluation not an
            `Evaluation <socialwork.evaluation.Evaluation>`.

    Examples:
        >>> from datetime import date
        >>> from socialwork.plans import PlanKind, plan_template
        >>> plan = plan_template(PlanKind.YOUTH).work_plan(id="y", start=date(2025, 3, 1))
        >>> review = milestone_review(plan, [], "mid")
        >>> review.as_of, review.milestone.kind.value
        (datetime.date(2025, 8, 31), 'mid_term_review')
    """
    plan = require_instance(WorkPlan, plan, "plan")
    dates = plan.milestone_dates
    if milestone not in dates:
        raise UnknownCodeError("milestone", milestone, list(dates))
    return review_plan(
        plan, measurements, as_of=dates[milestone], attainment=attainment, evaluations=evaluations
    )
