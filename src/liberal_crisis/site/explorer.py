"""The swing explorer on the what-if page: a directive, its data file and its two assets.

- ``{swing-explorer}`` (a MyST directive, no options) writes the explorer's form, output areas
  and a ``<noscript>`` note. The form is ``hidden`` until ``explorer.js`` has its data, so a
  reader without JavaScript sees only the note.
- At ``builder-inited`` the 2021 riding results and the presets
  (:func:`liberal_crisis.stories.explorer.build`, from the data package) are written to
  ``_static/swing-explorer.json``; the page fetches that file from the site itself, by a URL
  relative to ``explorer.js`` and stamped with the file's checksum.
- ``explorer-core.js`` (the rule and every pure decision, tested in node: ``tests/js/``),
  ``explorer.js`` (the page) and ``explorer.css`` are added only to pages that hold the directive
  (plotly.js too, if such a page has no chart of its own).

The arithmetic in ``static/explorer-core.js`` is the rule of
:mod:`liberal_crisis.analysis.projection`; ``tests/test_explorer.py`` runs both on the same
swings and compares the seats.
"""

from __future__ import annotations

import hashlib
import html
import json
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from ..stories import explorer as story
from ..stories import theme
from .plotly_js import PLOTLY_TARGET, STATIC, write_static

JSON_NAME = "swing-explorer.json"
ASSETS = ("explorer-core.js", "explorer.js", "explorer.css")
MARKER = 'id="swing-explorer"'
PLACEHOLDER = f'data-swing-json="{JSON_NAME}"'


def markup() -> str:
    """The explorer's HTML (filled in and shown by ``explorer.js``)."""
    controls = "".join(
        f'<div class="lc-ex-party"><label for="lc-ex-v-{c}">'
        f'<span class="lc-ex-swatch" style="background:{theme.colour(c)}"></span>'
        f'{html.escape(theme.PARTY_NAMES[c])}</label>'
        f'<input type="number" id="lc-ex-v-{c}" data-party="{c}" step="0.1" value="0" '
        f'inputmode="decimal" aria-describedby="lc-ex-values-hint"></div>'
        for c in story.PARTIES
    )
    return f"""<section class="lc-explorer" {MARKER} {PLACEHOLDER} hidden aria-labelledby="lc-ex-title">
<h3 id="lc-ex-title" class="lc-ex-title">Seats on the 2021 map, with your swing</h3>
<form class="lc-ex-form" id="lc-ex-form" autocomplete="off">
<div class="lc-ex-row">
<label for="lc-ex-preset">Start from</label>
<select id="lc-ex-preset"></select>
</div>
<div class="lc-ex-row" id="lc-ex-month-row" hidden>
<label for="lc-ex-month">Month of the polls</label>
<select id="lc-ex-month"></select>
</div>
<fieldset class="lc-ex-method"><legend>Method</legend>
<label><input type="radio" name="lc-ex-method" value="uniform" checked> Uniform: add points</label>
<label><input type="radio" name="lc-ex-method" value="proportional"> Proportional: multiply</label>
</fieldset>
<fieldset class="lc-ex-values"><legend id="lc-ex-values-legend">Change in each party’s share</legend>
<p class="lc-ex-hint" id="lc-ex-values-hint">Points added to the party’s 2021 share in every riding where it stood.</p>
<div class="lc-ex-grid">{controls}</div>
</fieldset>
</form>
<p class="lc-ex-sentence" id="lc-ex-sentence" role="status" aria-live="polite"></p>
<div class="lc-ex-chart" id="lc-ex-chart" role="img" aria-labelledby="lc-ex-sentence"></div>
<details class="lc-ex-changes"><summary id="lc-ex-changes-summary">Ridings that change hands</summary>
<div class="lc-table-scroll" tabindex="0" role="region" aria-labelledby="lc-ex-changes-summary"><table class="lc-ex-table"><thead><tr><th scope="col">Riding</th>
<th scope="col">Province</th><th scope="col">2021</th><th scope="col">Projected</th></tr></thead>
<tbody id="lc-ex-changes"></tbody></table></div></details>
<div class="lc-ex-search">
<label for="lc-ex-q">Find a riding</label>
<input type="search" id="lc-ex-q" list="lc-ex-names" aria-describedby="lc-ex-q-hint" spellcheck="false">
<datalist id="lc-ex-names"></datalist>
<p class="lc-ex-hint" id="lc-ex-q-hint">Type part of a name, e.g. Avalon or St. Paul’s.</p>
<div id="lc-ex-matches"></div>
<div id="lc-ex-riding" aria-live="polite"></div>
</div>
</section>
<noscript><p class="lc-ex-noscript"><strong>The swing explorer needs JavaScript.</strong> The
eight illustrations above, the sensitivity chart below and the data downloads work without it.</p>
</noscript>"""


class SwingExplorer(SphinxDirective):
    has_content = False

    def run(self):
        return [nodes.raw("", markup(), format="html")]


def json_bytes(app: Sphinx) -> bytes:
    payload = story.build(Path(app.srcdir) / "data")
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


def assets() -> dict[str, bytes]:
    return {name: (STATIC / name).read_bytes() for name in ASSETS}


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
        app.add_js_file(PLOTLY_TARGET, loading_method="async", id="lc-plotly")
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
