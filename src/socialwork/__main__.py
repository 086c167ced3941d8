"""``python -m socialwork``: print the monthly report of the built-in sample station.

This is the only module that prints.
"""

from __future__ import annotations

from socialwork.metrics import monthly_report
from socialwork.samples import station_month, station_previous_month


def main() -> None:
    """Print June 2025's indicator report, compared with May, in Chinese Markdown."""
    june = station_month()
    print(monthly_report(june, june.period, station_previous_month()).to_markdown(), end="")


if __name__ == "__main__":
    main()
