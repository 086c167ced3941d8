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
    # 65 of 76 key-group clients covered in June (23 + 15 + 12 people and 15
    # households), 60 of 76 in May: 85.5% against 78.9%, +5/76 = +6.6 points.
    assert "| 重点人群服务覆盖率 | 85.5% (65/76) | 78.9% (60/76) | +6.6 个百分点 |" in result.stdout
    # 60 of 65 valid responses satisfied in June, 55 of 63 in May: +5.0 points.
    assert "| 92.3% (60/65) | 87.3% (55/63) | +5.0 个百分点 | — | 无目标 |" in result.stdout
    # May has no volunteer hours: n/a, not 0.
    assert "| 志愿服务时长 | 100小时 | n/a | — | — | 无目标 |" in result.stdout
    assert "| 夕阳红老年互助小组 | 90.0% (45/50) | 8 → 15 |" in result.stdout
