"""``python -m socialwork`` prints the sample station's summary in Chinese."""

from __future__ import annotations

import subprocess
import sys


def test_module_runs_and_prints_chinese_summary() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "socialwork"],
        capture_output=True,
        text=True,
        check=True,
        encoding="utf-8",
    )
    assert "幸福街道社工站" in result.stdout
    assert "专职社工 6 名" in result.stdout
    assert "走访 65 人次" in result.stdout
