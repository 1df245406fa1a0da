"""Sphinx extension: writes plotly charts as HTML and ships plotly.js once, locally.

- ``plotly_chart`` nodes (made by ``plotly_mime``) become a ``<figure>`` laid out as Our World
  in Data's charts: the title (the finding) and subtitle (what is measured) as HTML text, the
  chart container and the figure JSON in a ``<script type="application/json">``, then a caption
  with one short source line naming the publishers, a CSV of exactly the data drawn, and a
  collapsible table with human headers (``stories.formats``). The text alternative describes the
  figure for screen readers and captions the table; it is not printed on screen a second time.
- plotly.js and ``charts.js`` (both deferred) are added only to pages that have a chart.
  plotly.js is copied from the file named by ``liberal_crisis_plotlyjs`` (a partial bundle from
  npm by default) after checking that its version is the one plotly.py expects; a mismatch
  stops the build.
- Builders other than HTML cannot draw these charts: they raise an error rather than drop them.
"""

from __future__ import annotations

import csv
import hashlib
import html
import io
import json
import re
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError
from sphinx.util import logging
from sphinx.util.osutil import relative_uri

from ..i18n import gettext as _
from ..stories import formats
from ..stories.charts import AXIS_TITLE, META_KEY
from . import assets, citations, downloads, editions, explorer, first_screen, prose, sharing
from .plotly_js import (BASIC_TRACES, PLOTLY_TARGET, THEME_TARGET, chart_assets, check_plotlyjs,
                        write_static)
from .plotly_mime import plotly_chart

DOWNLOADS = "_downloads/charts"

logger = logging.getLogger(__name__)

def _head_html(meta: dict, cid: str) -> str:
    """Title (the finding) and subtitle (what is measured), above the chart, as HTML text:
    they wrap on any screen and are read first, as in Our World in Data's charts."""
    out = f'<p class="lc-title" id="{cid}-title">{html.escape(meta["title"])}</p>'
    if meta.get("subtitle"):
        out += f'<p class="lc-subtitle">{html.escape(meta["subtitle"])}</p>'
    return out


WIDE_TABLE = 9  # columns: a data table this wide is cards at every width (charts.css)


def _caption_html(meta: dict, csv_href: str, cid: str, link: str = "") -> str:
    """Source line and CSV link, then ``link`` (the chart's own link row), then the table. The
    source line comes straight under the chart, as in Our World in Data's charts. The text
    alternative is for screen readers (the figure's description) and is the table's caption; it
    is not repeated on screen."""
    cols = meta["columns"]
    headers = [html.escape(formats.header(c)) for c in cols]
    head = "".join(f"<th scope=\"col\">{h}</th>" for h in headers)
    # Each cell carries its column's header: on a phone a row becomes a card, each value under
    # its header (charts.css), so no column is off-screen in a scroll box.
    body = "".join(
        "<tr>" + "".join(f'<td data-label="{h}">{html.escape(formats.cell(c, v))}</td>'
                         for h, c, v in zip(headers, cols, row))
        + "</tr>"
        for row in meta["rows"]
    )
    alt = html.escape(meta["alt"])
    # messages outside the f-string: Babel's extractor does not read inside one
    download, numbers = _("Download the data (CSV)"), _("The numbers behind this chart")
    return (
        '<figcaption class="lc-caption">'
        f'<p class="lc-alt visually-hidden" id="{cid}-alt">{alt}</p>'
        f'<p class="lc-source">{html.escape(meta["source"])} '
        f'<a class="lc-csv" href="{csv_href}" download>{download}</a></p>'
        + link
        + f'<details class="lc-table{" lc-table-wide" if len(cols) >= WIDE_TABLE else ""}">'
        f'<summary>{numbers}</summary>'
        f'<div class="lc-table-scroll"><table><caption class="lc-table-caption">{alt}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
        "</details></figcaption>"
    )


def anchor_id(name: str) -> str:
    """A chart's anchor: from its name alone (unique in the book, checked at build time), so a
    link to it survives any change to its data, and every build gives the same one."""
    return f"fig-{name}"


def chart_height(figure: dict) -> int:
    """The height plotly draws ``figure`` at: its own, else its template's, else plotly's 450."""
    layout = figure.get("layout", {})
    template = (layout.get("template") or {}).get("layout", {})
    return int(layout.get("height") or template.get("height") or 450)


def _with_template(phone: dict, figure: dict) -> dict:
    """The phone form as charts.js draws it: with the desktop form's template (a phone form is
    shipped without one)."""
    layout = {"template": figure.get("layout", {}).get("template"), **phone.get("layout", {})}
    return {**phone, "layout": layout}


def _figure_script(kind: str, cid: str, figure: dict) -> str:
    payload = json.dumps(figure, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    payload = payload.replace("</", "<\\/")  # keep the JSON from closing the script
    return f'<script type="application/json" class="{kind}" data-target="{cid}">{payload}</script>'


def _link_html(anchor: str, cid: str) -> str:
    # A plain link to the chart's anchor, so it works without script (open it, copy the address);
    # charts.js makes a click copy the full address and says so.
    words = _("Link to this chart")  # outside the f-string, where the extractor finds it
    return (
        '<p class="lc-link-row">'
        f'<a class="lc-link" href="#{anchor}" aria-describedby="{cid}-alt">{words}</a>'
        '<span class="lc-link-status" role="status"></span></p>'
    )


TITLE_ROOM = 50  # px of top margin the template keeps for a plotly title
AXIS_TITLE_ROOM = 18  # px above the plot for a value axis's title, set level


def _drop_plotly_title(layout: dict) -> None:
    """The title is written as HTML above the chart: plotly draws none, and the top margin it
    kept for one goes back to the plot."""
    layout.pop("title", None)
    margin = layout.setdefault("margin", {})
    template_top = ((layout.get("template") or {}).get("layout", {}).get("margin") or {}).get("t", 70)
    top = margin.get("t", template_top)
    # a value axis's title, set level above the plot (stories.charts), needs a line of its own
    level_title = any(a.get("name") == AXIS_TITLE for a in layout.get("annotations", []))
    margin["t"] = max(20, top - TITLE_ROOM) + (AXIS_TITLE_ROOM if level_title else 0)


def _shared_traces(phone: dict, figure: dict) -> dict:
    """The phone form with each trace that is the desktop form's trace at the same place written
    as {"lcSame": i} (charts.js takes the desktop's): the poll chart's 500 points are not sent
    twice."""
    data = [
        {"lcSame": i} if i < len(figure["data"]) and trace == figure["data"][i] else trace
        for i, trace in enumerate(phone.get("data", []))
    ]
    return {**phone, "data": data}


def _csv_text(meta: dict) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(meta["columns"])
    writer.writerows([["" if v is None else v for v in row] for row in meta["rows"]])
    return buf.getvalue()


def visit_plotly_chart_html(self, node: plotly_chart) -> None:
    figure = json.loads(node["figure"])
    meta = (figure.get("layout", {}).get("meta") or {}).get(META_KEY)
    docname = self.builder.current_docname
    if not meta:
        # A chart without source, data and text alternative must not be published.
        raise ExtensionError(
            f"{docname}: a plotly chart was shown without liberal_crisis.stories.charts.present()"
        )
    unsupported = {t.get("type", "scatter") for t in figure["data"]} - BASIC_TRACES
    if unsupported and self.builder.config.liberal_crisis_trace_check:
        raise ExtensionError(
            f"{docname}: trace type(s) {sorted(unsupported)} are not in the plotly.js bundle"
        )
    out = Path(self.builder.outdir) / DOWNLOADS / f"{meta['name']}.csv"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(_csv_text(meta), encoding="utf-8")
    csv_href = relative_uri(self.builder.get_target_uri(docname), f"{DOWNLOADS}/{meta['name']}.csv")

    cid = node["chart_id"]
    # The rows, source and text alternative are in the caption, the table and the CSV: the
    # browser does not need a second copy inside the figure (the poll chart's is ~100 KB).
    phone = meta.get("phone")
    del figure["layout"]["meta"][META_KEY]
    if not figure["layout"]["meta"]:
        del figure["layout"]["meta"]
    _drop_plotly_title(figure["layout"])
    if phone:
        _drop_plotly_title(phone.setdefault("layout", {}))
    anchor = anchor_id(meta["name"])
    # The container is as tall as the figure, in the HTML, and the phone form's height is
    # written beside it: a chart is drawn only as it nears the window (charts.js), and its box
    # keeps the height of the form it will be drawn in meanwhile, so nothing below it moves
    # when it is drawn (a #fig-… link stays on its chart while the charts above it draw).
    height = chart_height(figure)
    phone_height = chart_height(_with_template(phone, figure)) if phone else height
    # The figure is named by its one-sentence text alternative; the chart itself stays an
    # ordinary element because its zoom and hover controls are interactive (a role="img"
    # around them would hide them from assistive technology).
    self.body.append(
        f'<figure class="lc-figure" id="{anchor}" aria-labelledby="{cid}-title" '
        f'aria-describedby="{cid}-alt">'
        + _head_html(meta, cid)
        + f'<div id="{cid}" class="lc-chart" style="height:{height}px" data-height="{height}" '
        f'data-phone-height="{phone_height}">'
        # a chart on a page's first screen is drawn at build time too (first_screen)
        + (first_screen.PENDING if meta.get("first_screen") else "") + "</div>"
        + _figure_script("lc-chart-data", cid, figure)
        + (_figure_script("lc-chart-phone", cid, _shared_traces(phone, figure)) if phone else "")
        + _caption_html(meta, csv_href, cid, _link_html(anchor, cid))
        + "</figure>"
    )
    raise nodes.SkipNode


def visit_plotly_chart_other(self, node: plotly_chart) -> None:
    raise ExtensionError(
        f"the {self.builder.name} builder cannot draw plotly charts; build HTML (or make pdf)"
    )


def _chart_names(doctree) -> list[str]:
    names = []
    for node in doctree.findall(plotly_chart):
        meta = (json.loads(node["figure"]).get("layout", {}).get("meta") or {}).get(META_KEY)
        if meta:
            names.append(meta["name"])
    return names


def note_chart_names(app: Sphinx, doctree) -> None:
    """Record the chart names (the anchors' source) of the page just read."""
    env = app.env
    if not hasattr(env, "lc_chart_names"):
        env.lc_chart_names = {}
    env.lc_chart_names[env.docname] = _chart_names(doctree)


def purge_chart_names(app: Sphinx, env, docname: str) -> None:
    getattr(env, "lc_chart_names", {}).pop(docname, None)


def merge_chart_names(app: Sphinx, env, docnames, other) -> None:
    if not hasattr(env, "lc_chart_names"):
        env.lc_chart_names = {}
    for docname in docnames:
        if docname in getattr(other, "lc_chart_names", {}):
            env.lc_chart_names[docname] = other.lc_chart_names[docname]


def check_chart_names(app: Sphinx, env) -> None:
    """A chart's name is its address (``page.html#fig-<name>``) and the name of its CSV: two
    charts with one name would share both, so the build stops and names the pages."""
    pages: dict[str, list[str]] = {}
    for docname, names in sorted(getattr(env, "lc_chart_names", {}).items()):
        for name in names:
            pages.setdefault(name, []).append(docname)
    clashes = {name: where for name, where in pages.items() if len(where) > 1}
    if clashes:
        listed = "; ".join(f"{name!r} in {', '.join(where)}" for name, where in sorted(clashes.items()))
        raise ExtensionError(f"chart names must be unique in the book (they are its anchors): {listed}")


def _page_has_chart(doctree) -> bool:
    return doctree is not None and next(iter(doctree.findall(plotly_chart)), None) is not None


LOAD_CALL = re.compile(r"""data\.load\(\s*["']([a-z0-9_]+)["']""")
CODE_CELL = re.compile(r"^```\{code-cell\}[^\n]*\n((?::[^\n]*\n)*)\n?", re.M)


def key_execution_on_data(app: Sphinx, docname: str, source: list[str]) -> None:
    """Make a chapter's execution-cache key depend on the data it reads.

    myst-nb's cache is keyed on the notebook's code only, so editing a CSV would leave old
    numbers on the page. Here the first code cell gets a comment with the digest of every
    data file the chapter loads (and of the package descriptor): change one of those files and
    exactly the chapters that read it are executed again. Sphinx is also told the page depends
    on those files, so an incremental build re-reads it.
    """
    names = sorted(set(LOAD_CALL.findall(source[0])))
    match = CODE_CELL.search(source[0])
    if not names or not match:
        return
    from .. import data as _data

    folder = Path(app.srcdir) / "data"
    paths = [folder / _data.DESCRIPTOR] + [
        folder / _data.resource(name, folder)["path"] for name in names
    ]
    digests = []
    for path in paths:
        digests.append(f"{path.name}:{hashlib.sha256(path.read_bytes()).hexdigest()[:16]}")
        app.env.note_dependency(str(path))
    comment = "# Data read (keys the execution cache): " + " ".join(digests) + "\n"
    source[0] = source[0][: match.end()] + comment + source[0][match.end():]


def drop_thebe(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Remove sphinx-thebe's scripts, which Jupyter Book loads even with thebe switched off.

    They declare ``const THEBE_JS_URL`` twice on every page (a console error) and name a CDN;
    this book has no live code, so nothing needs them.
    """
    context["script_files"] = [
        js
        for js in context.get("script_files", [])
        if "sphinx-thebe" not in (js.filename or "")
        and "THEBE_JS_URL" not in js.attributes.get("body", "")
    ]


def fix_bibliography_roles(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Docutils writes the bibliography as role="list" holding role="doc-biblioentry" items;
    a list must hold list items (axe: aria-required-children), so say what they are."""
    if "body" in context and 'role="doc-biblioentry"' in context["body"]:
        context["body"] = context["body"].replace('role="doc-biblioentry"', 'role="listitem"')


def add_chart_assets(app: Sphinx, pagename, templatename, context, doctree) -> None:
    # Only chart pages pay for plotly.js; `defer` keeps it off the critical rendering path and
    # preserves order (plotly.js before charts.js).
    if _page_has_chart(doctree):
        # Deferred, like the scripts after it: run as soon as it arrived (async), plotly.js
        # (half a second on a modest machine) held up the parsing of the page, and with it the
        # first screen's text and its chart drawn at build time (first_screen.py).
        app.add_js_file(PLOTLY_TARGET, loading_method="defer", id="lc-plotly")
        # lc-theme.js (LCTheme: the theme's colours and sizes), then charts-core.js
        # (LCChartsCore: the pure decisions), then charts.js, in document order.
        app.add_js_file(THEME_TARGET, loading_method="defer")
        app.add_js_file("charts-core.js", loading_method="defer")
        app.add_js_file("charts.js", loading_method="defer")
        app.add_css_file("charts.css")


def copy_assets(app: Sphinx, exception) -> None:
    if not exception:
        write_static(app, chart_assets(app))


def setup(app: Sphinx) -> dict:
    app.add_config_value(
        "liberal_crisis_plotlyjs",
        "node_modules/plotly.js-basic-dist-min/plotly-basic.min.js",
        "env",
    )
    app.add_config_value("liberal_crisis_trace_check", True, "env")
    citations.register()  # the lc_author_year citation styles named in _config.yml
    app.add_node(
        plotly_chart,
        html=(visit_plotly_chart_html, None),
        latex=(visit_plotly_chart_other, None),
        text=(visit_plotly_chart_other, None),
        man=(visit_plotly_chart_other, None),
        texinfo=(visit_plotly_chart_other, None),
    )
    app.add_css_file("site.css")  # theme fixes for every page (contrast, phone widths)
    app.connect("builder-inited", check_plotlyjs)
    downloads.setup(app)
    sharing.setup(app)
    first_screen.setup(app)  # the first screen's chart drawn at build time, shown at first paint
    app.connect("source-read", key_execution_on_data)
    prose.setup(app)  # {eval}`name` in prose -> qualified glue, and the cell that glues the names
    editions.setup(app)  # English and French: strict catalogues, hreflang, the language switch
    app.connect("doctree-read", note_chart_names)
    app.connect("env-purge-doc", purge_chart_names)
    app.connect("env-merge-info", merge_chart_names)
    app.connect("env-check-consistency", check_chart_names)
    app.connect("html-page-context", add_chart_assets)
    app.connect("html-page-context", fix_bibliography_roles)
    app.connect("html-page-context", drop_thebe, priority=900)  # after sphinx-thebe adds them
    app.connect("build-finished", copy_assets)
    explorer.setup(app)  # the swing explorer on the what-if page (its data, script and styles)
    assets.setup(app)  # theme assets: no Font Awesome JS kit, subset icon webfonts
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
