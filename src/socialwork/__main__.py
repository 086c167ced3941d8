"""``python -m socialwork``: the command line (`socialwork.cli`).

Without arguments it prints the monthly report of the built-in sample
station; ``python -m socialwork --help`` lists the commands.
"""

from __future__ import annotations

from socialwork.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
