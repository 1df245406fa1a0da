"""The swing explorer on the what-if page: a directive, its data file and its two assets.

- ``{swing-explorer}`` (a MyST directive, no options) writes the explorer's form, output areas
  and a ``<noscript>`` note, from ``templates/swing-explorer.html`` (Jinja). The form is ``hidden`` until ``explorer.js`` has its data, so a
  reader without JavaScript sees only the note.
- At ``builder-inited`` the 2021 riding results and the presets
  (:func:`liberal_crisis.stories.explorer_data.build`, from the data package) are written to
  ``_static/swing-explorer.json``; the page fetches that file from the site itself, by a URL
  relative to ``explorer.js`` and stamped with the file's checksum.
- ``lc-theme.js`` (the theme's colours, font and sizes: on a chart page already),
  ``explorer-core.js`` (the rule and every pure decision, tested in node: ``tests/js/``),
  ``explorer.js`` (the page) and ``explorer.css`` are added only to pages that hold the directive
  (plotly.js too, if such a page has no chart of its own).

The arithmetic in ``static/explorer-core.js`` is the rule of
:mod:`liberal_crisis.analysis.projection`; ``tests/test_explorer.py`` runs both on the same
swings and compares the seats.
"""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

import jinja2
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from ..i18n import gettext
from ..stories import explorer_data as story
from ..stories import theme
from .plotly_js import PLOTLY_TARGET, STATIC, THEME_TARGET, theme_js, write_static

JSON_NAME = "swing-explorer.json"
ASSETS = ("explorer-core.js", "explorer.js", "explorer.css")
MARKER = 'id="swing-explorer"'
PLACEHOLDER = f'data-swing-json="{JSON_NAME}"'
TEMPLATES = Path(__file__).parent / "templates"
TEMPLATE = "swing-explorer.html"  # the reader-facing markup


def markup() -> str:
    """The explorer's HTML (``templates/swing-explorer.html``; filled in and shown by
    ``explorer.js``): one box per party of the theme, with its colour and reader-facing name."""
    parties = [{"code": c, "name": theme.PARTY_NAMES[c], "colour": theme.colour(c)}
               for c in story.PARTIES]
    html = _templates().get_template(TEMPLATE).render(parties=parties, json_name=JSON_NAME,
                                                      _=gettext)
    if MARKER not in html or PLACEHOLDER not in html:  # add_page_assets finds the page by them
        raise ValueError(f"{TEMPLATE} lost {MARKER} or {PLACEHOLDER}")
    return html


@functools.cache
def _templates() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True,
                              undefined=jinja2.StrictUndefined)


class SwingExplorer(SphinxDirective):
    has_content = False

    def run(self):
        return [nodes.raw("", markup(), format="html")]


def json_bytes(app: Sphinx) -> bytes:
    payload = story.build(Path(app.srcdir) / "data")
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


def assets() -> dict[str, bytes]:
    return {THEME_TARGET: theme_js(), **{name: (STATIC / name).read_bytes() for name in ASSETS}}


def write_data(app: Sphinx) -> None:
    """Write the JSON and the assets into _static before any page (see ``assets``: checksums)."""
    if app.builder.format != "html":
        return
    data = json_bytes(app)
    app.env.lc_explorer_digest = hashlib.sha256(data).hexdigest()[:16]
    write_static(app, {JSON_NAME: data, **assets()})


def add_page_assets(app: Sphinx, pagename, templatename, context, doctree) -> None:
    body = context.get("body", "")
    if MARKER not in body:
        return
    digest = getattr(app.env, "lc_explorer_digest", "")
    context["body"] = body.replace(PLACEHOLDER, f'data-swing-json="{JSON_NAME}?v={digest}"')
    if 'class="lc-chart"' not in body:  # a page without a chart of its own has no plotly.js yet
        app.add_js_file(PLOTLY_TARGET, loading_method="defer", id="lc-plotly")
        app.add_js_file(THEME_TARGET, loading_method="defer")  # nor the theme (LCTheme)
    # explorer-core.js (the rule and the pure decisions, LCExplorerCore) first: deferred
    # scripts run in document order.
    app.add_js_file("explorer-core.js", loading_method="defer")
    app.add_js_file("explorer.js", loading_method="defer")
    app.add_css_file("explorer.css")


def copy_after_build(app: Sphinx, exception) -> None:
    if not exception:
        write_static(app, assets())


def setup(app: Sphinx) -> None:
    """Register the directive and hooks (called from ``liberal_crisis.site.extension.setup``)."""
    app.add_directive("swing-explorer", SwingExplorer)
    app.connect("builder-inited", write_data)
    app.connect("html-page-context", add_page_assets, priority=600)  # after the chart assets
    app.connect("build-finished", copy_after_build)
