"""Render the display charts to PNG for the docs' gallery (``docs/gallery.md``).

Usage::

    uv run python scripts/gallery.py            # writes docs/gallery/*.png
    uv run python scripts/gallery.py --lang en  # the English charts

It needs ``vl-convert-python`` (a dev dependency) and the charts of
``tests/display_gallery.py``. Look at every picture before committing it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    """Write one PNG per chart and print its path."""
    parser = argparse.ArgumentParser(description="Render the display charts to PNG.")
    parser.add_argument("--lang", default="zh", help="zh, zh-Hant or en (default zh)")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "gallery")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    import vl_convert

    from tests.display_gallery import charts

    args.out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.lang == "zh" else f"-{args.lang}"
    for name, spec in charts(args.lang).items():
        path = args.out / f"{name}{suffix}.png"
        path.write_bytes(vl_convert.vegalite_to_png(spec, scale=2))
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
