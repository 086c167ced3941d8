"""Write the tutorial notebook and its docs page from one list of cells.

The notebook ``docs/tutorial/a-year-with-one-community.ipynb`` is for Jupyter
(its outputs are left empty: ``tests/test_tutorial_notebook.py`` executes it
with nbclient); the page ``docs/tutorial/a-year-with-one-community.md`` is the
same cells as Markdown, whose code blocks the docs tests run. Edit the cells
here, then::

    uv run python scripts/tutorial_notebook.py

A test fails when the two files are not what this script writes.
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "docs" / "tutorial" / "a-year-with-one-community.ipynb"
PAGE = ROOT / "docs" / "tutorial" / "a-year-with-one-community.md"

CELLS: list[tuple[str, str]] = [
    (
        "markdown",
        """# A year with one community 陪伴一个社区的一年

This tutorial follows 幸福社区, one of the sample station's five communities,
from January to December 2025: preparation, launch, consolidation and
evaluation (准备、启动、巩固、评估), with the station's planning and its June
figures along the way. Every result shows itself in a notebook as a table, in
Simplified Chinese by default, and a chart as a chart; call
`to_markdown("en")` or `chart("en")` for English. The notebook is
`docs/tutorial/a-year-with-one-community.ipynb` in the repository; the test
suite runs it.""",
    ),
    (
        "markdown",
        """## January: preparation 准备

The worker enters the community with a written plan and builds its profile.
An `Engagement` starts in preparation; `check_exit` judges the stage's exit
criteria over the evidence gathered.""",
    ),
    (
        "code",
        """from datetime import date

from socialwork.models import ProfileAspect
from socialwork.stages import Engagement, PreparationEvidence, advance, check_exit

community = Engagement(community_id="幸福社区", entered_on=date(2025, 1, 6))
preparation = PreparationEvidence(
    community_plan=True,
    profile_aspects=frozenset(ProfileAspect),
    households=1200,
    households_known=700,
    common_issues_raised=3,
    organisations=12,
    organisations_mapped=10,
    events_held=2,
)
check = check_exit(community, preparation)
assert check.passed
check""",
    ),
    (
        "markdown",
        """## February: what the community has and lacks 优势与不足

A SWOT analysis (SWOT 分析) and a risk register (风险登记册) go into the
year plan. Both display as tables; the register's heat map is a chart.""",
    ),
    (
        "code",
        """from socialwork.analysis import (
    Risk,
    RiskCategory,
    RiskRegister,
    RiskScore,
    SwotItem,
    SwotQuadrant,
    TowsSlot,
    TowsStrategy,
    swot,
)

analysis = swot(
    [
        SwotItem(id="s1", quadrant=SwotQuadrant.STRENGTH, statement="社区有党群服务中心和活动场地"),
        SwotItem(id="w1", quadrant=SwotQuadrant.WEAKNESS, statement="社工力量薄弱"),
        SwotItem(id="o1", quadrant=SwotQuadrant.OPPORTUNITY, statement="街道购买社工服务"),
        SwotItem(id="t1", quadrant=SwotQuadrant.THREAT, statement="居民参与意识不强"),
    ],
    [TowsStrategy(id="so1", slot=TowsSlot.SO, statement="开展健康讲座", item_ids=("s1", "o1"))],
)
print(analysis.to_markdown("en"))""",
    ),
    (
        "code",
        """def risk(key: str, title: str, likelihood: int, impact: int) -> Risk:
    \"\"\"A funding risk rated before any response.\"\"\"
    score = RiskScore(likelihood=likelihood, impact=impact)
    return Risk(id=key, title=title, category=RiskCategory.FUNDING, inherent=score)


register = RiskRegister(
    risks=(
        risk("r1", "资金中断", 3, 5),
        risk("r2", "人才流失", 3, 4),
        risk("r3", "居民参与度不足", 4, 3),
    )
)
assert [r.risk_id for r in register.ranking()] == ["r1", "r2", "r3"]
register.heat_map()""",
    ),
    (
        "markdown",
        """## March to June: launch 启动

Resident groups form and a batch of leaders (骨干) is trained; the community
moves on when every criterion is met.""",
    ),
    (
        "code",
        """from socialwork.models import GroupKind
from socialwork.stages import LaunchEvidence

community = advance(community, preparation, on=date(2025, 3, 3))
launch = LaunchEvidence(
    groups_formed=(GroupKind.INTEREST, GroupKind.MUTUAL_AID),
    leaders_trained=5,
    problems_solved_with_leaders=3,
)
community = advance(community, launch, on=date(2025, 6, 2))
community.stage""",
    ),
    (
        "markdown",
        """## June: the station's monthly report 月度指标报告

The built-in sample holds the station's records for June and May. A bundle
shows a short summary, not every record; the report shows its tables and,
as a chart, key-group coverage with Wilson intervals.""",
    ),
    (
        "code",
        """from socialwork.metrics import monthly_report
from socialwork.samples import station_month, station_previous_month

june = station_month()
print(repr(june))
report = monthly_report(june, june.period, station_previous_month())
coverage = report.line("key_group_coverage")
assert repr(coverage.value) == "85.5% (65/76)"  # 65 covered of 76 registered
report""",
    ),
    (
        "code",
        """group = june.groups[0]
spec = group.attendance_chart("en").to_dict()
assert spec["$schema"] == "https://vega.github.io/schema/vega-lite/v5.json"
group.attendance_chart()""",
    ),
    (
        "markdown",
        """## October: consolidation ends 巩固

The residents' organisation has the support of most residents, new leaders,
written procedures and outside support.""",
    ),
    (
        "code",
        """from socialwork.stages import ConsolidationEvidence

consolidation = ConsolidationEvidence(
    residents=3000,
    residents_supporting=1800,
    new_core_leaders=3,
    written_procedures=2,
    supporting_units=4,
)
community = advance(community, consolidation, on=date(2025, 10, 8))
print(community.to_markdown("en"))""",
    ),
    (
        "markdown",
        """## December: evaluation 评估

The year is written up: a summary, qualitative sources, indicators and a
plan for the next cycle. The engagement's timeline is a chart; the current
stage runs to the day given as `as_of`.""",
    ),
    (
        "code",
        """from socialwork.stages import EvaluationEvidence

evaluation = EvaluationEvidence(
    summary_written=True, qualitative_sources=4, quantitative_indicators=3, next_cycle_plan=True
)
assert check_exit(community, evaluation).passed
community.chart(as_of=date(2025, 12, 31))""",
    ),
]


def notebook() -> str:
    """The notebook's JSON, with empty outputs."""
    cells = []
    for kind, source in CELLS:
        cell: dict[str, object] = {"cell_type": kind, "metadata": {}, "source": source}
        if kind == "code":
            cell |= {"execution_count": None, "outputs": []}
        cells.append(cell)
    document = {
        "cells": cells,
        "metadata": {
            "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
            "language_info": {"name": "python"},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    for index, cell in enumerate(cells):
        cell["id"] = f"cell-{index:02d}"
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def page() -> str:
    """The docs page: the same cells, code in ```python blocks that share one namespace."""
    parts = []
    fence = "```python"
    for kind, source in CELLS:
        parts.append(source if kind == "markdown" else f"{fence}\n{source}\n```")
        if kind == "code":
            fence = "```{.python continuation}"  # one namespace; superfences renders it
    return "\n\n".join(parts) + "\n"


def main() -> int:
    """Write the notebook and the page, and print their paths."""
    NOTEBOOK.parent.mkdir(parents=True, exist_ok=True)
    NOTEBOOK.write_text(notebook(), encoding="utf-8")
    PAGE.write_text(page(), encoding="utf-8")
    for path in (NOTEBOOK, PAGE):
        print(path.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
