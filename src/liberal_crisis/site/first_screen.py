"""The first screen's chart, drawn before plotly.js has run (issue 20).

plotly.js takes about half a second to arrive and run on a modest machine before it can draw
anything, so a chart on a page's first screen would appear a second after the page. A chart
marked ``first_screen`` (``stories.charts.present``) is therefore drawn once at build time, by the
page's own scripts in headless Chromium (the browser kaleido already uses for the link previews),
at the widths the book is designed for (1366 and 375 px) in both modes. The two modes' drawings
differ only in colours, so each width's pair is written into the page as one drawing whose
differing colours are CSS ``light-dark()`` pairs (half the bytes the parser must get through
before the first screen is shown; a pair that differs in anything else stops the build). It is
written as ``<div class="lc-snapshot">``, hidden from assistive technology (the figure's name,
description and table are in the HTML), and shown by CSS at first paint (charts.css: the form for
the box's width, and the page's mode as its ``color-scheme``); charts.js replaces it with the
live chart once plotly.js has run. The drawing is the live chart's, not a second rendering of
the figure: the same scripts, at the same width, so what the reader sees does not change when
it becomes interactive.

Loud: a marked chart that cannot be drawn stops the build.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from .browser import CHROMIUM, serve

# In the HTML the extension writes: the place a marked chart's drawings go.
PENDING = '<div class="lc-snapshots" data-pending="1"></div>'
PENDING_ID = re.compile(r'<div id="([^"]+)" class="lc-chart"[^>]*>' + re.escape(PENDING))
# (viewport width, form): the desktop and phone widths the book is checked at
WIDTHS = ((1366, "desktop"), (375, "phone"))
MODES = ("light", "dark")
HEIGHT = 800
TIMEOUT_MS = 30000

# Resolves once the chart is drawn and has stopped changing (charts.js may grow it or re-wrap an
# axis title after the first draw) for 400 ms, with the drawing's layers and size.
_SETTLED = """(cid) => new Promise((resolve, reject) => {
  const t0 = performance.now();
  let last = null, since = 0;
  const tick = () => {
    const el = document.getElementById(cid);
    const full = el && el._fullLayout;
    const layers = el ? [...el.querySelectorAll('.svg-container > svg.main-svg')] : [];
    if (full && el.dataset.drawn && layers.length && el.querySelector('.main-svg g.trace')) {
      const html = layers.map(s => s.outerHTML).join('');
      if (html !== last) { last = html; since = performance.now(); }
      else if (performance.now() - since > 400) {
        return resolve({uid: full._uid, traces: el._fullData.map(t => t.uid), width: full.width, height: full.height,
                        form: el.dataset.form || 'desktop', layers: layers.map(s => s.outerHTML)});
      }
    }
    if (performance.now() - t0 > %d) return reject(new Error('chart ' + cid + ' was not drawn'));
    setTimeout(tick, 50);
  };
  tick();
})""" % TIMEOUT_MS


def _clean(layer: str, shot: dict, stable: str) -> str:
    """A plotly layer as a static drawing: plotly's random ids (the chart's, its traces') replaced
    by stable ones (a rebuild writes the same page), its class renamed (it is no live chart for
    scripts or tests to find), the attributes only plotly's editing reads dropped."""
    layer = layer.replace(shot["uid"], stable)
    for i, uid in enumerate(shot["traces"]):
        layer = re.sub(rf"\b(trace){re.escape(uid)}\b", rf"\g<1>{stable}t{i}", layer)
    layer = layer.replace('class="main-svg"', 'class="lc-snapshot-layer"', 1)
    return re.sub(r' data-(?:unformatted|math)="[^"]*"', "", layer)


# A colour as plotly writes it into a drawing
COLOUR = re.compile(r"rgba?\([^)]*\)|#[0-9a-fA-F]{3,8}\b")
STYLE_ATTRIBUTE = re.compile(r'style="[^"]*"')


def merge_modes(light: str, dark: str) -> str | None:
    """The light and dark drawings of one chart at one width as one drawing, each colour that
    differs written ``light-dark(light, dark)``; None if they differ in anything but colours, or
    in a colour outside a style attribute (where CSS functions do not apply)."""
    parts, colours = COLOUR.split(light), COLOUR.findall(light)
    if COLOUR.split(dark) != parts:
        return None
    merged = [parts[0]]
    for a, b, after in zip(colours, COLOUR.findall(dark), parts[1:]):
        merged += [a if a == b else f"light-dark({a}, {b})", after]
    out = "".join(merged)
    return None if "light-dark(" in STYLE_ATTRIBUTE.sub("", out) else out


def _snapshot_svg(shot: dict, stable: str) -> str:
    width, height = round(shot["width"]), round(shot["height"])
    layers = "".join(_clean(layer, shot, stable) for layer in shot["layers"])
    # One outer SVG holds plotly's stacked layers, so the drawing scales as one to a box of
    # another width (the column is 672 px at 1280, 741 px at 1366).
    return (f'<svg viewBox="0 0 {width} {height}" preserveAspectRatio="xMinYMin meet" '
            f'focusable="false">{layers}</svg>')


def _snapshot_html(rel: str, cid: str, form: str, svgs: dict[str, str]) -> str:
    svg = merge_modes(svgs["light"], svgs["dark"])
    if svg is None:
        raise ExtensionError(
            f"{rel}: the first-screen chart {cid}'s light and dark drawings at the {form} width "
            "differ in more than colours, so they cannot be written as one drawing")
    return f'<div class="lc-snapshot" data-form="{form}" aria-hidden="true">{svg}</div>'


async def _draw(base: str, pages: dict[str, list[str]]) -> dict[tuple[str, str, str], dict[str, str]]:
    """{(page, chart id, form): {mode: drawing's SVG}}: each chart at each width, in each mode."""
    import choreographer

    logging.getLogger("choreographer").setLevel(logging.WARNING)  # its INFO lines: every tab, every temp dir
    out: dict[tuple[str, str, str], dict[str, str]] = {}
    async with choreographer.Browser(CHROMIUM, headless=True) as browser:
        tab = await browser.create_tab("")
        await tab.send_command("Page.enable")
        # as the tests and the benchmark see the page (Playwright hides them): the column's width
        await tab.send_command("Emulation.setScrollbarsHidden", params={"hidden": True})
        for rel, cids in sorted(pages.items()):
            for width, form in WIDTHS:
                await tab.send_command("Emulation.setDeviceMetricsOverride", params={
                    "width": width, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": width < 600})
                for mode in MODES:
                    await tab.send_command("Emulation.setEmulatedMedia", params={
                        "features": [{"name": "prefers-color-scheme", "value": mode}]})
                    loaded = tab.subscribe_once("Page.loadEventFired")
                    await tab.send_command("Page.navigate", params={"url": f"{base}/{rel}"})
                    await loaded
                    for cid in cids:
                        reply = await tab.send_command("Runtime.evaluate", params={
                            "expression": f"({_SETTLED})({json.dumps(cid)})",
                            "awaitPromise": True, "returnByValue": True})
                        result = reply.get("result", {})
                        if "exceptionDetails" in result or "error" in reply:
                            raise ExtensionError(
                                f"{rel}: the first-screen chart {cid} could not be drawn at "
                                f"{width} px, {mode}: {result.get('exceptionDetails') or reply}")
                        shot = result["result"]["value"]
                        if shot["form"] != form:
                            raise ExtensionError(
                                f"{rel}: chart {cid} drew its {shot['form']} form at {width} px, "
                                f"not its {form} form")
                        # the same ids in both modes: the two drawings become one
                        stable = "s" + hashlib.sha1(f"{cid}-{form}".encode()).hexdigest()[:8]
                        out.setdefault((rel, cid, form), {})[mode] = _snapshot_svg(shot, stable)
    return out


def _marked_pages(site: Path) -> dict[str, list[str]]:
    pages = {}
    for path in sorted(site.rglob("*.html")):
        if "_static" in path.parts:
            continue
        cids = PENDING_ID.findall(path.read_text(encoding="utf-8"))
        if cids:
            pages[path.relative_to(site).as_posix()] = cids
    return pages


def draw_first_screens(app: Sphinx, exception) -> None:
    if exception or app.builder.format != "html":
        return
    site = Path(app.outdir)
    pages = _marked_pages(site)
    if not pages:
        return
    with serve(site) as base:
        shots = asyncio.run(_draw(base, pages))
    for rel, cids in pages.items():
        path = site / rel
        html = path.read_text(encoding="utf-8")
        for cid in cids:
            start = html.index(f'<div id="{cid}" class="lc-chart"')
            at = html.index(PENDING, start)
            filled = '<div class="lc-snapshots">' + "".join(
                _snapshot_html(rel, cid, form, shots[(rel, cid, form)]) for _, form in WIDTHS) + "</div>"
            html = html[:at] + filled + html[at + len(PENDING):]
        path.write_text(html, encoding="utf-8")


def setup(app: Sphinx) -> None:
    # Last: after the static files (plotly.js, charts.js) are in place (extension.copy_assets).
    app.connect("build-finished", draw_first_screens, priority=900)
