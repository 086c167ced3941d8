"""``python -m socialwork``: print a summary of the built-in sample station.

This is the only module that prints.
"""

from __future__ import annotations

from collections import Counter

from socialwork.models import CaseStatus, StationRecords
from socialwork.samples import station_month


def summary(records: StationRecords) -> str:
    """Return a short Chinese summary of a station's records for their period.

    Examples:
        >>> from socialwork.samples import station_month
        >>> print(summary(station_month()).splitlines()[0])
        幸福街道社工站 2025-06-01 至 2025-06-30
    """
    staff = Counter(member.role for member in records.station.staff)
    statuses = Counter(case.status for case in records.cases)
    lines = [
        f"{records.station.name} {records.period.start} 至 {records.period.end}",
        "团队: " + "、".join(f"{role.label()} {n} 名" for role, n in staff.items()),
        f"服务社区: {len(records.station.communities)} 个",
        f"服务对象: {len(records.clients)} 人; 走访 {len(records.visits)} 人次",
        f"个案: {len(records.cases)} 例 ("
        + "、".join(f"{s.label()} {statuses[s]}" for s in CaseStatus if statuses[s])
        + ")",
        "小组: "
        + "、".join(
            f"{g.name}({g.kind.label()}, {len(g.members_on(records.period.end))} 名成员)"
            for g in records.groups
        ),
        "活动: " + "、".join(f"{a.name}({a.participants} 人参与)" for a in records.activities),
        f"志愿者: {len(records.volunteers)} 名, 服务 "
        f"{sum(h.hours for h in records.service_hours)} 小时",
        f"资源: {len(records.resources)} 项; 需求: {len(records.needs)} 项",
        f"服务档案: {len(records.files)} 份",
    ]
    return "\n".join(lines)


def main() -> None:
    """Print the summary of the built-in sample month."""
    print(summary(station_month()))


if __name__ == "__main__":
    main()
