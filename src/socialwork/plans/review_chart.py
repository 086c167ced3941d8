"""The chart of a plan's review (目标进展图): each goal against its trajectory and target.

`review_chart` draws what `PlanReview.chart
<socialwork.plans.review.PlanReview.chart>` returns: one row per goal
with a typed target, each on its own scale (goals measure different
things): a point for the measured value coloured by its status, a bar for
the 95% interval of a rate, a grey tick for the level expected now and a
red tick for the target level.

Examples:
    >>> from datetime import date
    >>> from socialwork.plans import PlanKind, plan_template
    >>> from socialwork.plans.review import review_plan
    >>> plan = plan_template(PlanKind.YOUTH).work_plan(id="y", start=date(2025, 1, 1))
    >>> review = review_plan(plan, [], as_of=date(2025, 6, 30))
    >>> review_chart(review.to_rows(), review.title, review.as_of, "en").title
    'Progress towards the goals: 青少年成长支持专项社工工作计划 (2025-06-30)'
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from socialwork._arguments import require_member
from socialwork.display.chart import Chart
from socialwork.labels import Language, Script, canonical_language
from socialwork.metrics.status import TargetStatus

__all__: list[str] = []

STATUS_COLOURS = {
    TargetStatus.ACHIEVED: "#1a9850",
    TargetStatus.ON_TRACK: "#66bd63",
    TargetStatus.AT_RISK: "#f46d43",
    TargetStatus.OFF_TRACK: "#d73027",
    TargetStatus.NOT_DISTINGUISHABLE: "#878787",
    TargetStatus.NOT_YET_DUE: "#bababa",
    TargetStatus.NO_DATA: "#bababa",
    TargetStatus.NO_TARGET: "#bababa",
}
"""The colour of each status's point in the chart (a diverging green to red)."""

_LINE_BREAK = re.compile(r"\s*[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+\s*")

_WORDS: dict[Script, dict[str, str]] = {
    "zh-Hans": {
        "review_on": " 监测评估,截至",
        "months": "已完成计划月数",
        "header": "目标|指标|实测|统计期|目标值|轨迹预期|95%区间|状态",
        "title": "目标进展",
        "subtitle": "圆点: 实测; 蓝线: 95%区间; 灰色刻度: 轨迹预期; 红色刻度: 目标值",
        "evaluations": "引用的评估",
        "completed": "完成于",
        "no_findings": "未记录发现",
    },
    "zh-Hant": {
        "review_on": " 監測評估,截至",
        "months": "已完成計劃月數",
        "header": "目標|指標|實測|統計期|目標值|軌跡預期|95%區間|狀態",
        "title": "目標進展",
        "subtitle": "圓點: 實測; 藍線: 95%區間; 灰色刻度: 軌跡預期; 紅色刻度: 目標值",
        "evaluations": "引用的評估",
        "completed": "完成於",
        "no_findings": "未記錄發現",
    },
    "en": {
        "review_on": ": review on",
        "months": "Plan months completed",
        "header": "Goal|Indicator|Measured|Period|Target|Expected now|95% interval|Status",
        "title": "Progress towards the goals",
        "subtitle": (
            "dot: measured; blue line: 95% interval; grey tick: expected now; red tick: target"
        ),
        "evaluations": "Evaluations cited",
        "completed": "completed on",
        "no_findings": "No findings recorded",
    },
}


def _one_line(text: str) -> str:
    return _LINE_BREAK.sub(" ", text)


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _values(rows: Sequence[Mapping[str, Any]], script: Script) -> list[dict[str, Any]]:
    return [
        {
            "goal": row["goal_id"],
            "statement": _one_line(row["statement"]),
            "value": _rounded(row["measured"]),
            "low": _rounded(row["interval_low"]),
            "high": _rounded(row["interval_high"]),
            "expected": _rounded(row["expected"]),
            "target": _rounded(row["target_level"]),
            "status": require_member(TargetStatus, row["status"], "status").label(script),
        }
        for row in rows
        if row["indicator"] is not None
    ]


def review_chart(
    rows: Sequence[Mapping[str, Any]], title: str, as_of: date, language: Language | str = "zh"
) -> Chart:
    """Return each goal's measured value, interval, expected level and target as a chart.

    ``rows`` are a review's rows (`PlanReview.to_rows
    <socialwork.plans.review.PlanReview.to_rows>`): goals without a target
    are left out. ``title`` and ``as_of`` are the plan's title and the review day.

    Raises:
        UnknownLanguageError: ``language`` is none of `socialwork.labels.LANGUAGES`.

    Examples:
        >>> from datetime import date
        >>> from socialwork.metrics import rate
        >>> from socialwork.models import Period
        >>> from socialwork.plans import Measurement, PlanKind, milestone_review, plan_template
        >>> plan = plan_template(PlanKind.COMMUNITY_ANNUAL).work_plan(id="c",
        ...                                                      start=date(2025, 1, 1))
        >>> found = [Measurement("survey_satisfaction", Period.month(2025, 6), rate(46, 50))]
        >>> review = milestone_review(plan, found, "mid")
        >>> spec = review_chart(review.to_rows(), review.title, review.as_of).to_dict()
        >>> [(v["goal"], v["value"], v["status"]) for v in spec["data"]["values"]][-1]
        ('satisfaction', 92.0, '已达标')
    """
    script = canonical_language(language)
    values = _values(rows, script)
    words = _WORDS[script]
    header = words["header"].split("|")
    goal_word, measured_word, target_word = header[0], header[2], header[4]
    expected_word, status_word = header[5], header[7]
    x = {"type": "quantitative", "title": None, "scale": {"zero": False}}
    colours = [(status.label(script), colour) for status, colour in STATUS_COLOURS.items()]
    title = f"{words['title']}: {_one_line(title)} ({as_of})"
    row = {
        "field": "goal",
        "type": "nominal",
        "title": goal_word,
        "sort": [v["goal"] for v in values],
        "header": {"labelAngle": 0, "labelAlign": "left"},
    }
    point = {
        "mark": {"type": "point", "filled": True, "size": 80},
        "encoding": {
            "x": {"field": "value", **x},
            "color": {
                "field": "status",
                "type": "nominal",
                "title": status_word,
                "scale": {
                    "domain": [label for label, _ in colours],
                    "range": [colour for _, colour in colours],
                },
            },
            "tooltip": [
                {"field": "statement", "title": goal_word},
                {"field": "value", "title": measured_word},
                {"field": "expected", "title": expected_word},
                {"field": "target", "title": target_word},
                {"field": "status", "title": status_word},
            ],
        },
    }
    spec = Chart.vega_lite(
        title,
        script,
        data={"values": values},
        facet={"row": row},
        resolve={"scale": {"x": "independent"}},
        spec={
            "width": 360,
            "height": 24,
            "layer": [
                {
                    "mark": {"type": "rule", "strokeWidth": 3, "color": "#9ecae1"},
                    "encoding": {"x": {"field": "low", **x}, "x2": {"field": "high"}},
                },
                {
                    "mark": {"type": "tick", "color": "#888", "thickness": 2},
                    "encoding": {"x": {"field": "expected", **x}},
                },
                {
                    "mark": {"type": "tick", "color": "#d62728", "thickness": 2},
                    "encoding": {"x": {"field": "target", **x}},
                },
                point,
            ],
        },
    ).to_dict()
    spec["title"] = {"text": title, "subtitle": words["subtitle"]}
    return Chart(spec)
