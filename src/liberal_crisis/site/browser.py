"""Headless Chromium on a closed network, and a local server for the built site.

Shared by the PDF maker, the benchmark and the browser tests, so all three drive the browser
the same way.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlparse

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")  # Debian's package, never a download
# No background requests to Google's hosts (refused on this network, many at a time), no
# sandbox when running as root in a container.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def launch(playwright):
    """A headless Chromium from a started ``sync_playwright()``."""
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)


@contextmanager
def serve(site: Path):
    """Serve ``site`` on 127.0.0.1 at a free port (not file://: the theme needs HTTP); yield
    its base URL."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    class Server(http.server.ThreadingHTTPServer):
        def handle_error(self, request, client_address):
            pass  # the browser closing a connection early (a page closed mid-load) is not news

    server = Server(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


def site_pages(site: Path, edition: str = "en") -> list[Path]:
    """Every page of one edition of a built site (``"en"``: the site less its ``fr/`` folder;
    ``"fr"``: that folder), less the root redirect stub Jupyter Book writes."""
    root = Path(site) / "fr" if edition == "fr" else Path(site)
    return sorted(
        p for p in root.rglob("*.html")
        if "_static" not in p.parts
        and (edition == "fr" or p.relative_to(site).parts[0] != "fr")
        and 'http-equiv="Refresh"' not in p.read_text(encoding="utf-8")[:300]
    )


def local_only(target) -> list[str]:
    """Refuse every request that would leave 127.0.0.1 (on a page or a browser context) and
    return the list in which they are recorded: the site must work with no other host."""
    foreign: list[str] = []

    def route(request_route):
        url = request_route.request.url
        if url.startswith(("data:", "blob:")) or urlparse(url).hostname == "127.0.0.1":
            request_route.continue_()
        else:
            foreign.append(url)
            request_route.abort()

    target.route("**/*", route)
    return foreign
