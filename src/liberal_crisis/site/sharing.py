"""Sharing cards: each page's lead chart as a static image for Open Graph previews.

sphinxext-opengraph writes the title, description and image tags; this module gives it the
image. When a page is read, its first chart becomes the page's ``og:image`` (a PNG named by the
hash of the figure, so an unchanged chart is not drawn again and two builds give the same
files); pages without a chart use the site's lead image. The PNGs are drawn with kaleido and
the system Chromium at the end of the build, with the site's own plotly.js and nothing from
another host, on a white background (previews have no theme).

Set ``SITE_URL`` (e.g. in the publishing workflow) to make the preview URLs absolute.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from sphinx.application import Sphinx

from ..stories import theme
from ..stories.charts import META_KEY
from .plotly_js import plotlyjs_path
from .plotly_mime import plotly_chart

OG_DIR = "_images/og"
SIZE = {"width": 1200, "height": 630}  # the preview size the big platforms crop to


def _image_name(figure_json: str) -> str:
    return hashlib.sha256(figure_json.encode("utf-8")).hexdigest()[:16] + ".png"


def _image_url(app: Sphinx, docname: str, figure_json: str) -> str:
    """Site-root path when the site URL is known (sphinxext-opengraph makes it absolute);
    otherwise a path relative to the page, which at least resolves on the page itself."""
    path = f"{OG_DIR}/{_image_name(figure_json)}"
    if app.config.ogp_site_url:
        return path
    return "../" * docname.count("/") + path


def note_lead_chart(app: Sphinx, doctree) -> None:
    node = next(iter(doctree.findall(plotly_chart)), None)
    docname = app.env.docname
    if not hasattr(app.env, "lc_lead_charts"):
        app.env.lc_lead_charts = {}
    app.env.lc_lead_charts.pop(docname, None)
    if node is None:
        return
    figure = json.loads(node["figure"])
    meta = figure["layout"].get("meta", {}).get(META_KEY, {})
    app.env.lc_lead_charts[docname] = node["figure"]
    fields = app.env.metadata.setdefault(docname, {})
    fields["og:image"] = _image_url(app, docname, node["figure"])
    if meta.get("alt"):
        fields["og:image:alt"] = meta["alt"]


def default_image(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """Pages without a chart (methods, references, search) share the home page's lead chart."""
    charts = getattr(app.env, "lc_lead_charts", {})
    root = app.config.root_doc
    meta = context.get("meta")
    if meta is None or "og:image" in meta or root not in charts:
        return
    meta["og:image"] = _image_url(app, pagename, charts[root])


def purge(app: Sphinx, env, docname: str) -> None:
    getattr(env, "lc_lead_charts", {}).pop(docname, None)


def set_site_url(app: Sphinx, config) -> None:
    if not config.ogp_site_url and os.environ.get("SITE_URL"):
        config.ogp_site_url = os.environ["SITE_URL"].rstrip("/") + "/"


def _for_print(figure_json: str) -> dict:
    figure = json.loads(figure_json)
    layout = figure.setdefault("layout", {})
    layout.pop("meta", None)
    layout.update(paper_bgcolor=theme.PRINT_PAPER, plot_bgcolor=theme.PRINT_PAPER)
    return figure


def kaleido_options(plotlyjs: Path) -> dict:
    """The page kaleido draws in: the site's own plotly.js (the previews match the live charts,
    and a quarter of the bytes of plotly.py's full bundle to load), and no MathJax. kaleido's
    default page pulls MathJax from a public CDN, a request to another host at build time;
    plotly.io cannot turn it off (it passes ``mathjax`` on only when truthy), so kaleido is called
    directly."""
    return {"plotlyjs": str(plotlyjs), "mathjax": False}


def draw_images(app: Sphinx, exception) -> None:
    if exception or app.builder.format != "html":
        return
    charts = getattr(app.env, "lc_lead_charts", {})
    out = Path(app.outdir) / OG_DIR
    out.mkdir(parents=True, exist_ok=True)
    todo = {}
    for figure_json in charts.values():
        target = out / _image_name(figure_json)
        if not target.exists():
            todo[target] = _for_print(figure_json)
    if not todo:
        return
    from .browser import CHROMIUM

    os.environ.setdefault("BROWSER_PATH", CHROMIUM)  # kaleido uses the system browser
    import kaleido
    import plotly.graph_objects as go

    specs = [{"fig": go.Figure(todo[t]).to_dict(), "path": t,
              "opts": {"format": "png", "scale": 1, **SIZE}} for t in sorted(todo)]
    kaleido.write_fig_from_object_sync(specs, kopts=kaleido_options(plotlyjs_path(app)))


def setup(app: Sphinx) -> None:
    app.connect("config-inited", set_site_url)
    app.connect("doctree-read", note_lead_chart)
    app.connect("env-purge-doc", purge)
    app.connect("html-page-context", default_image, priority=400)  # before sphinxext-opengraph
    app.connect("build-finished", draw_images)
