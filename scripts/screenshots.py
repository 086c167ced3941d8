"""Build the docs site, serve it on localhost and take headless Chromium screenshots.

Looking at the pictures is the check: a page a person would see, with its
Chinese text in a real font, and the search finding a Chinese word. See
``docs/contributing.md`` for installing Chromium and the CJK fonts
(Debian: ``apt-get install -y chromium fonts-noto-cjk``).

Usage::

    uv run python scripts/screenshots.py                 # build, serve, shoot
    uv run python scripts/screenshots.py --site site/    # an already built site
    uv run python scripts/screenshots.py --out shots/    # default: build/screenshots

It writes one PNG per page and prints their paths. It serves only on
127.0.0.1 and Chromium starts each time with a fresh profile, no network
services of its own and no GPU. Not part of ``.ci/run``.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import html
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, unquote

ROOT = Path(__file__).resolve().parent.parent

PAGES: tuple[tuple[str, str], ...] = (
    ("home", ""),
    ("howto-risk-register", "howto/risk-register/"),
    ("api-metrics", "api/metrics/"),
    ("api-socialwork", "api/socialwork/"),
    ("gallery", "gallery/"),
    ("tutorial", "tutorial/a-year-with-one-community/"),
    ("stages-zh", "explanation/stages/"),
    ("stages-en", "en/explanation/stages/"),
    ("glossary-en", "en/glossary/"),
    ("search-laoren", "?q=" + quote("老人")),
    ("search-risk-register", "?q=" + quote("风险登记册")),
    ("search-english", "en/?q=consolidation"),
)
"""Each screenshot: its file name and the page's path on the site."""

CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
    "--lang=zh-CN",
    "--window-size=1280,900",
    "--virtual-time-budget=3000",
)


WAIT_SECONDS = 4.0
"""How long, in real time, a page gets to finish its scripts (the search index) before its shot."""


class _Handler(SimpleHTTPRequestHandler):
    """Serve the site, plus two helpers that let a page's scripts finish before the shot.

    Chromium's ``--virtual-time-budget`` runs the page's clock fast and
    shoots when it runs out, before the search worker (on real time) has
    built its index: the shot showed "initializing search". Virtual time
    stops while a request is pending, so each page is shot inside a frame
    (``/__shot__?u=PATH``) whose other request (``/__wait__``) answers only
    after `WAIT_SECONDS`.
    """

    def do_GET(self) -> None:
        """Answer the two helper paths; serve every other path from the site."""
        if self.path == "/__wait__":
            time.sleep(WAIT_SECONDS)
            self.send_response(204)
            self.end_headers()
        elif self.path.startswith("/__shot__?u="):
            target = html.escape(unquote(self.path.removeprefix("/__shot__?u=")))
            body = (
                '<!DOCTYPE html><html><body style="margin:0">'
                f'<iframe src="{target}" style="border:0;position:fixed;top:0;left:0;'
                'width:100%;height:100%"></iframe>'
                '<img src="/__wait__" alt="" style="display:none"></body></html>'
            ).encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            super().do_GET()

    def log_message(self, format: str, *args: object) -> None:
        """Log nothing: the script prints only the screenshots' paths."""


@contextlib.contextmanager
def serve(site: Path) -> Iterator[str]:
    """Serve ``site`` on 127.0.0.1 on a free port; yield its base URL."""
    handler = functools.partial(_Handler, directory=str(site))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def build_site(folder: Path) -> None:
    """Build the docs into ``folder`` with ``mkdocs build --strict``."""
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(folder)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=True,
    )


def find_browser(name: str | None) -> str:
    """Return the Chromium to run: ``name``, or the first one on the PATH."""
    for candidate in [name] if name else ["chromium", "chromium-browser", "google-chrome"]:
        found = shutil.which(candidate)
        if found:
            return found
    raise SystemExit(
        "No Chromium found. On Debian: apt-get update && apt-get install -y chromium fonts-noto-cjk"
    )


def screenshot(browser: str, url: str, png: Path) -> None:
    """Take one screenshot of ``url`` into ``png``, with a fresh browser profile."""
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        subprocess.run(
            [browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", f"--screenshot={png}", url],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=120,
        )
    if not png.is_file():
        raise SystemExit(f"Chromium wrote no screenshot of {url}")


def main(argv: Sequence[str] | None = None) -> int:
    """Build (unless ``--site``), serve and shoot every page of `PAGES`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--site", type=Path, help="an already built site (default: build one)")
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "screenshots")
    parser.add_argument("--browser", help="the Chromium executable (default: found on PATH)")
    args = parser.parse_args(argv)
    browser = find_browser(args.browser)
    args.out.mkdir(parents=True, exist_ok=True)
    with contextlib.ExitStack() as stack:
        site = args.site
        if site is None:
            site = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="site-")))
            build_site(site)
        base = stack.enter_context(serve(site))
        for name, path in PAGES:
            png = args.out / f"{name}.png"
            screenshot(browser, f"{base}__shot__?u={quote('/' + path)}", png)
            print(png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
