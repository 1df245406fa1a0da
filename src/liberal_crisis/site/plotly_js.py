"""The local plotly.js: where it comes from, which version it is, where it goes in the site;
the theme as the browser reads it (``lc-theme.js``, written from ``stories.theme``); and the one
writer of the book's own files into ``_static`` (``write_static``).

Shared by the extension (which adds it to chart pages), the explorer and the asset trimmer
(which copies the files before any page is written), so none imports another.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from ..stories import theme

STATIC = Path(__file__).parent / "static"
PLOTLY_TARGET = "plotly.min.js"
# The theme's colours, font and sizes for the browser: loaded before charts-core.js and
# explorer-core.js, which read window.LCTheme and hold no colour of their own.
THEME_TARGET = "lc-theme.js"
# Trace types in the partial bundle "plotly.js-basic-dist-min"; a chart using any other type
# would stay blank in the browser, so the build refuses it.
BASIC_TRACES = {"scatter", "bar", "pie"}


def write_static(app: Sphinx, files: dict[str, bytes]) -> None:
    """Write ``files`` (name -> bytes) into the site's ``_static``, each only where it differs.

    Called before any page is written (so that Sphinx stamps the files' URLs with their
    checksum, ``?v=...``, in a clean build too) and again when the build has finished (Sphinx
    copies the static folders over them at the end)."""
    if app.builder.format != "html":
        return
    static = Path(app.outdir) / "_static"
    static.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        path = static / name
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)


def theme_js() -> bytes:
    """``lc-theme.js``: ``window.LCTheme``, :func:`liberal_crisis.stories.theme.browser` as JSON
    (the one source of the charts' colours, font and sizes; the page stays offline)."""
    data = json.dumps(theme.browser(), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return ("/* Written at build time from liberal_crisis.stories.theme (theme.browser()): edit"
            " the theme there. */\nwindow.LCTheme = " + data + ";\n").encode()


def chart_assets(app: Sphinx) -> dict[str, bytes]:
    """The files every chart page needs: the local plotly.js (when it is there: if not, the
    extension's own check stops the build with the reason), lc-theme.js, charts-core.js,
    charts.js, charts.css, site.css."""
    files = {}
    plotly = plotlyjs_path(app)
    if plotly.is_file():
        files[PLOTLY_TARGET] = plotly.read_bytes()
    files[THEME_TARGET] = theme_js()
    for name in ("charts-core.js", "charts.js", "charts.css", "site.css"):
        files[name] = (STATIC / name).read_bytes()
    return files


def plotlyjs_version(path: Path) -> str:
    head = path.read_text(encoding="utf-8", errors="replace")[:400]
    match = re.search(r"plotly\.js (?:\([^)]*\) )?v(\d+\.\d+\.\d+)", head)
    if not match:
        raise ExtensionError(f"{path}: no plotly.js version banner found")
    return match.group(1)


def plotlyjs_path(app: Sphinx) -> Path:
    src = Path(app.config.liberal_crisis_plotlyjs)
    return src if src.is_absolute() else Path(app.confdir) / src


def check_plotlyjs(app: Sphinx) -> None:
    from plotly.offline import get_plotlyjs_version

    src = plotlyjs_path(app)
    if not src.is_file():
        raise ExtensionError(
            f"plotly.js not found at {src}: run the set-up (`make book` runs `npm ci`)"
        )
    found, wanted = plotlyjs_version(src), get_plotlyjs_version()
    if found != wanted:
        raise ExtensionError(f"{src} is plotly.js {found}, but plotly.py expects {wanted}")
