"""The local plotly.js: where it comes from, which version it is, where it goes in the site.

Shared by the extension (which adds it to chart pages) and the asset trimmer (which copies it
before any page is written), so neither imports the other.
"""

from __future__ import annotations

import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

STATIC = Path(__file__).parent / "static"
PLOTLY_TARGET = "plotly.min.js"
# Trace types in the partial bundle "plotly.js-basic-dist-min"; a chart using any other type
# would stay blank in the browser, so the build refuses it.
BASIC_TRACES = {"scatter", "bar", "pie"}


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
