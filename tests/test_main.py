"""``python -m socialwork`` prints the sample station's monthly report in Chinese."""

from __future__ import annotations

import subprocess
import sys


def test_module_runs_and_prints_the_monthly_report() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "socialwork"],
        capture_output=True,
        text=True,
        check=True,
        encoding="utf-8",
    )
    assert result.stdout.startswith("# 幸福街道社工站 月度指标报告\n")
    # 51 of 60 key-group clients visited in June, 48 of 60 in May: +5 points.
    assert "| 重点人群服务覆盖率 | 85.0% (51/60) | 80.0% (48/60) | +5.0 个百分点 |" in result.stdout
    # 46 of 50 satisfied in June, 87 of 100 in May.
    assert "| 92.0% (46/50) | 87.0% (87/100) | +5.0 个百分点 |" in result.stdout
    assert "| 夕阳红老年互助小组 | 90.0% (45/50) | 8 → 15 |" in result.stdout
