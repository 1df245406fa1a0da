"""myst-nb MIME render plugin for plotly's ``application/vnd.plotly.v1+json`` output.

myst-nb has no renderer for this MIME type and would drop the chart with a warning. This plugin
(registered through the ``myst_nb.mime_renderers`` entry point in ``pyproject.toml``) turns the
figure JSON into a ``plotly_chart`` node. The Sphinx extension in ``liberal_crisis.site.extension``
writes that node as HTML and adds plotly.js to the pages that have one.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from docutils import nodes

MIME_TYPE = "application/vnd.plotly.v1+json"


class plotly_chart(nodes.General, nodes.Element):  # noqa: N801 (docutils node naming)
    """A plotly figure; attributes ``chart_id`` and ``figure`` (JSON text)."""


def figure_from_mime(content: Any) -> dict:
    """The figure dict from a notebook output (stored as a dict, or as JSON text)."""
    if isinstance(content, (str, bytes)):
        content = json.loads(content)
    if not isinstance(content, dict) or "data" not in content:
        raise ValueError("plotly output without a 'data' list")
    return content


def chart_id(figure_json: str) -> str:
    """A deterministic element id: the same figure gives the same id in every build."""
    return "chart-" + hashlib.sha256(figure_json.encode("utf-8")).hexdigest()[:12]


class PlotlyMimeRenderer:
    """The plugin: claims plotly output, declines everything else."""

    # Prefer the plotly JSON over any HTML/PNG fallback a renderer may also have emitted, for
    # every HTML-producing builder.
    mime_priority_overrides = [
        (builder, MIME_TYPE, 5) for builder in ("html", "dirhtml", "singlehtml", "readthedocs")
    ]

    @staticmethod
    def handle_mime(renderer, data, inline: bool):
        if data.mime_type != MIME_TYPE:
            return None
        figure = figure_from_mime(data.content)
        text = json.dumps(figure, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
        node = plotly_chart(chart_id=chart_id(text), figure=text)
        node["classes"] += ["output", "plotly"]
        # Words of the text alternative and the data table, for the site's search index only
        # (the HTML writer draws the chart from the JSON and skips these children).
        meta = (figure.get("layout", {}).get("meta") or {}).get("liberal_crisis")
        if meta:
            words = [meta["alt"], *(str(v) for row in meta["rows"] for v in row if v is not None)]
            node += nodes.Text(" ".join(words))
        return [node]
