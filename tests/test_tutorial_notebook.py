"""The tutorial notebook runs from top to bottom, and its docs page is its faithful copy."""

from __future__ import annotations

import nbformat
import pytest
from nbclient import NotebookClient

from tests.support import ROOT, load_script


def test_notebook_and_page_are_what_the_script_writes() -> None:
    script = load_script("scripts/tutorial_notebook.py")
    assert script.NOTEBOOK.read_text(encoding="utf-8") == script.notebook()
    assert script.PAGE.read_text(encoding="utf-8") == script.page()


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_the_notebook_runs_and_shows_tables_and_charts() -> None:
    script = load_script("scripts/tutorial_notebook.py")
    notebook = nbformat.reads(script.notebook(), as_version=4)  # type: ignore[no-untyped-call]
    NotebookClient(notebook, timeout=120, kernel_name="python3").execute(cwd=str(ROOT))
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    shown = [o.data for o in outputs if o.output_type in ("execute_result", "display_data")]
    assert any("application/vnd.vegalite.v5+json" in data for data in shown)
    assert any("<table>" in data.get("text/html", "") for data in shown)
    assert any("退出" in data.get("text/markdown", "") for data in shown)
    # the report's cell shows its tables, then its chart as an output of its own
    (report_cell,) = [c for c in notebook.cells if c.source.endswith("\nreport")]
    tables, chart = (o.data for o in report_cell.outputs if o.output_type == "display_data")
    assert "<h1>幸福街道社工站 月度指标报告</h1>" in tables["text/html"]
    assert "application/vnd.vegalite.v5+json" not in tables
    assert chart["application/vnd.vegalite.v5+json"]["title"] == "重点人群覆盖率"
