"""The chart desk's contact sheet, and the layout checks it shares with the browser tests.

Usage: ``python -m liberal_crisis.site.shots SITE_DIR OUT_DIR`` (``make shots`` runs it on
_build/html and writes _build/shots/index.html).

Every chart of the built site is photographed at desktop (1366 px) and phone (375 px) width, in
light and dark mode, one PNG per chart and view, and the contact sheet shows them side by side,
page by page: the desktop form and the phone form (``stories.phone_forms``), each shot saying
which form was drawn. Under each shot it lists what the layout checks found there (``LAYOUT_PROBE``):
text of the chart that collides with other text or with a reference line, and text that runs
past the chart's box or the window. The browser tests (tests/test_chart_layout.py) run the same
checks and fail on any finding, so the sheet shows a reviewer exactly what a failing test saw.
"""

from __future__ import annotations

import argparse
import html
import json
import sys
from pathlib import Path

from ..stories import theme
from .browser import CHROMIUM, launch, local_only, serve, site_pages

# Every chart of the page drawn. charts.js draws a chart as it nears the window and the others
# when the browser is idle, so a page left open gets them all without being scrolled: waiting
# for this is waiting for the idle queue (a second or two on a chart page).
ALL_CHARTS_DRAWN = """() => [...document.querySelectorAll('.lc-chart')]
    .every(el => el.classList.contains('js-plotly-plot') && el.querySelector('.main-svg g.trace'))"""

# What a reader sees of each chart, measured on the drawn SVG: every visible text element (title,
# tick labels, axis titles, legend, annotations, bar labels) as the box of its ink, in screen
# coordinates and following its rotation (a slanted tick label is a slanted box, not the larger
# upright box around it), and every reference line (a layout shape, a straight trace line, a
# line-shaped marker). Returns, per chart, its figure id, its height and the problems found:
# - two text elements whose ink boxes overlap;
# - a reference line through a text element;
# - a text element outside the chart's box or the window;
# - text a script wrote from a value that is not text ("[object Object]", "undefined", "NaN");
# - text drawn at an angle (a turned tick label, a bar value on its side: OWID never turns text);
# - a line of the data (a curve, sampled along its path) through a text;
# - a text across the edge of a bar it does not label (half on the bar, half off);
# - a number broken across lines ("Conservative: 119" / "→ 144");
# - a text point or its marker (an event badge) cut by the edge of the plot that clips it;
# - on a phone (or in a phone form), a plot area (the axes' box) narrower than half the chart (labels and
#   margins ate the chart; ``plot`` and ``width`` say it of a desktop form too).
# Each chart also reports its data labels (bar values, annotations, text points: ``labels``, the
# texts themselves), the plot area's width (``plot``) and the chart's (``width``), so a test can
# compare the phone form with the desktop one.
# A text box is the element's bounding box less 15 % of its height above and below (the line
# box of a font is taller than its letters) and 1 px at each end: touching is not colliding.
LAYOUT_PROBE = r"""() => {
  const EPS = 0.5;
  const ROLES = [['.gtitle', 'title'], ['.g-xtitle', 'x-axis title'], ['.g-ytitle', 'y-axis title'],
                 ['.xtick', 'x tick'], ['.ytick', 'y tick'], ['.legend', 'legend'],
                 ['.annotation', 'annotation'], ['.bartext', 'bar label']];
  const role = el => (ROLES.find(([sel]) => el.closest(sel)) || [null, 'text'])[1];
  const visible = el => {
    for (let n = el; n && n.nodeType === 1; n = n.parentNode) {
      const s = getComputedStyle(n);
      if (s.display === 'none' || s.visibility === 'hidden' || Number(s.opacity) === 0) return false;
    }
    return true;
  };
  // The four corners of a local box, in screen coordinates.
  const corners = (el, x, y, w, h) => {
    const m = el.getScreenCTM();
    return [[x, y], [x + w, y], [x + w, y + h], [x, y + h]]
      .map(([px, py]) => [m.a * px + m.c * py + m.e, m.b * px + m.d * py + m.f]);
  };
  const inkBox = (el, side = 1) => {
    const b = el.getBBox();
    const dy = 0.15 * b.height, dx = Math.min(side, b.width / 4);
    return corners(el, b.x + dx, b.y + dy, b.width - 2 * dx, b.height - 2 * dy);
  };
  // Separating-axis test for two convex quadrilaterals.
  const overlap = (p, q) => {
    for (const poly of [p, q]) {
      for (let i = 0; i < 4; i++) {
        const [x1, y1] = poly[i], [x2, y2] = poly[(i + 1) % 4];
        const nx = y1 - y2, ny = x2 - x1, len = Math.hypot(nx, ny) || 1;
        const proj = pts => pts.map(([x, y]) => (x * nx + y * ny) / len);
        const a = proj(p), b = proj(q);
        if (Math.min(Math.max(...a), Math.max(...b)) - Math.max(Math.min(...a), Math.min(...b)) <= EPS)
          return false;
      }
    }
    return true;
  };
  const bounds = pts => ({left: Math.min(...pts.map(p => p[0])), right: Math.max(...pts.map(p => p[0])),
                          top: Math.min(...pts.map(p => p[1])), bottom: Math.max(...pts.map(p => p[1]))});
  const name = t => `${t.role} "${t.text.length > 40 ? t.text.slice(0, 39) + '…' : t.text}"`;
  return [...document.querySelectorAll('.lc-chart')].map(chart => {
    const figure = chart.closest('figure');
    const box = chart.getBoundingClientRect();
    const texts = [...chart.querySelectorAll('svg.main-svg text')]
      .filter(el => !el.closest('.hoverlayer') && el.textContent.trim() && visible(el))
      // quad: for lines and edges; box: for text against text, its full width (two labels
      // that touch end to end read as one, "Seats wonMajority: 172")
      .map(el => ({el, role: role(el), text: el.textContent.trim(), quad: inkBox(el), box: inkBox(el, 0)}))
      .filter(t => { const b = t.el.getBBox(); return b.width > 0 && b.height > 0; });
    const lines = [...chart.querySelectorAll(
        'svg.main-svg .shapelayer path, svg.main-svg .scatterlayer path.js-line, svg.main-svg .scatterlayer path.point')]
      .filter(el => !el.closest('.legend') && visible(el))
      .map(el => ({el, rect: el.getBoundingClientRect()}))
      .filter(({rect}) => (rect.width > 8 && rect.height <= 6) || (rect.height > 8 && rect.width <= 6))
      .map(({el, rect}) => {
        // A path's box leaves out its stroke: a horizontal line has no height without it. A line
        // that passes within CLEAR px of a text (a dotted line grazing a bar label) reads as
        // struck through it, so the line's box takes that clearance on each side.
        const CLEAR = 2;
        const half = Math.max(1, (parseFloat(getComputedStyle(el).strokeWidth) || 0) / 2) + CLEAR;
        const [dx, dy] = rect.height <= 6 ? [0, half] : [half, 0];
        const l = rect.left - dx, r = rect.right + dx, t = rect.top - dy, b = rect.bottom + dy;
        return {what: el.closest('.shapelayer') ? 'a reference line' : 'a line of the chart',
                quad: [[l, t], [r, t], [r, b], [l, b]]};
      });
    // The lines of the data (a poll average, a sensitivity curve): any shape, sampled every
    // 2 px along the path, in screen coordinates. A text with one of these points inside its
    // ink box (or within 1 px of it) is crossed by the data.
    const dataLines = [...chart.querySelectorAll('svg.main-svg .scatterlayer path.js-line')]
      .filter(el => !el.closest('.legend') && visible(el) && el.getTotalLength)
      .filter(el => { const s = getComputedStyle(el);
                      return s.stroke !== 'none' && (parseFloat(s.strokeWidth) || 0) > 0 &&
                             Number(s.strokeOpacity) > 0; })
      .map(el => {
        const m = el.getScreenCTM(), total = el.getTotalLength(), pts = [];
        for (let at = 0; at <= total; at += 2) {
          const p = el.getPointAtLength(at);
          pts.push([m.a * p.x + m.c * p.y + m.e, m.b * p.x + m.d * p.y + m.f]);
        }
        return pts;
      });
    // The bars as drawn (their rectangles), each with the group of its own label.
    const bars = [...chart.querySelectorAll('svg.main-svg .barlayer .point')]
      .map(g => ({g, path: g.querySelector('path')}))
      .filter(({path}) => path && visible(path))
      .map(({g, path}) => ({g, rect: path.getBoundingClientRect()}))
      .filter(({rect}) => rect.width > 1 && rect.height > 1);
    // The plot area a trace is drawn in (its subplot), in screen coordinates.
    const svgBox = (chart.querySelector('svg.main-svg') || chart).getBoundingClientRect();
    const areaOf = el => {
      const g = el.closest('g.trace'), cd = g && g.__data__, trace = cd && cd[0] && cd[0].trace;
      if (!trace || !full || trace.cliponaxis === false) return null;
      const xa = full['xaxis' + String(trace.xaxis || 'x').slice(1)];
      const ya = full['yaxis' + String(trace.yaxis || 'y').slice(1)];
      if (!xa || !ya) return null;
      return {left: svgBox.left + xa._offset, right: svgBox.left + xa._offset + xa._length,
              top: svgBox.top + ya._offset, bottom: svgBox.top + ya._offset + ya._length};
    };
    const problems = [];
    // The angle a text is drawn at, from its transform to the screen (0 when upright).
    for (const t of texts) {
      const m = t.el.getScreenCTM();
      const angle = Math.round(Math.atan2(m.b, m.a) * 180 / Math.PI);
      if (angle !== 0) problems.push(`turned text (${angle}°): ${name(t)}`);
    }
    const full = chart._fullLayout, plot = full && full._size ? Math.round(full._size.w) : null;
    if (plot !== null && plot < box.width / 2 && (chart.dataset.form === 'phone' || box.width < PHONE_WIDTH))
      problems.push(`narrow plot: ${plot} px of a ${Math.round(box.width)} px chart`);
    // (a value axis's title set level is an annotation named 'lc-axis-title', not a data label)
    const notes = (chart.layout && chart.layout.annotations) || [];
    const axisTitle = t => {
      const g = t.el.closest('.annotation');
      const note = g && notes[Number(g.getAttribute('data-index'))];
      return !!note && note.name === 'lc-axis-title';
    };
    const labels = texts.filter(t => (['annotation', 'bar label'].includes(t.role) || t.el.closest('.textpoint'))
                                     && !axisTitle(t)).map(t => t.text);
    // Text a script wrote from a value that was not text: "[object Object]", "undefined", "NaN".
    for (const t of texts)
      if (/\[object \w+\]|\bundefined\b|\bNaN\b/.test(t.text)) problems.push(`broken text: ${name(t)}`);
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        if (overlap(texts[i].box, texts[j].box))
          problems.push(`overlap: ${name(texts[i])} and ${name(texts[j])}`);
      }
      const b = bounds(texts[i].quad);
      if (b.left < box.left - 1 || b.right > box.right + 1 || b.top < box.top - 1 || b.bottom > box.bottom + 1)
        problems.push(`outside the chart: ${name(texts[i])}`);
      else if (b.left < -1 || b.right > window.innerWidth + 1)
        problems.push(`outside the window: ${name(texts[i])}`);
      const struck = lines.find(l => overlap(texts[i].quad, l.quad));
      if (struck) problems.push(`${struck.what} through ${name(texts[i])}`);
      else if (texts[i].role !== 'legend' && dataLines.some(pts => pts.some(([x, y]) =>
          x > b.left - 1 && x < b.right + 1 && y > b.top - 1 && y < b.bottom + 1)))
        problems.push(`a data line through ${name(texts[i])}`);
      // A text across a bar's edge, half on it, half off (a label set inside a bar, its own or
      // an annotation written there, is meant to be there; one running over a bar's end is not).
      if (texts[i].role !== 'legend') {
        const own = texts[i].el.closest('.barlayer .point');
        const under = bars.find(bar => bar.g !== own &&
          Math.min(b.right, bar.rect.right) - Math.max(b.left, bar.rect.left) > 1 &&
          Math.min(b.bottom, bar.rect.bottom) - Math.max(b.top, bar.rect.top) > 1 &&
          !(b.left >= bar.rect.left - 1 && b.right <= bar.rect.right + 1 &&
            b.top >= bar.rect.top - 1 && b.bottom <= bar.rect.bottom + 1));
        if (under) problems.push(`text over a bar: ${name(texts[i])}`);
      }
    }
    // A number broken across lines ("Conservative: 119" / "→ 144"): a line ending in a digit or
    // an arrow, the next starting with a digit, an arrow or a per cent sign.
    for (const t of texts) {
      const rows = [...t.el.querySelectorAll('tspan.line')].map(n => n.textContent.trim()).filter(Boolean);
      for (let k = 0; k + 1 < rows.length; k++) {
        if ((/[0-9→]$/.test(rows[k]) && /^[0-9→%]/.test(rows[k + 1])) || /→$/.test(rows[k]))
          problems.push(`a number broken across lines: ${t.role} "${rows[k]} / ${rows[k + 1]}"`);
      }
    }
    // A badge or a text point cut by the plot's edge (plotly clips a trace to its plot area).
    const cut = [...chart.querySelectorAll('svg.main-svg .scatterlayer .textpoint text, ' +
                                           'svg.main-svg .scatterlayer path.point')]
      .filter(el => visible(el) && (el.tagName === 'text' ||
                    el.closest('g.trace').querySelector('.textpoint')));
    for (const el of cut) {
      const area = areaOf(el), r = el.getBoundingClientRect();
      if (!area || r.width === 0) continue;
      const inside = r.left >= area.left - 0.5 && r.right <= area.right + 0.5 &&
                     r.top >= area.top - 0.5 && r.bottom <= area.bottom + 0.5;
      const touches = r.right > area.left && r.left < area.right && r.bottom > area.top && r.top < area.bottom;
      if (!inside && touches) {
        const what = el.tagName === 'text' ? `text "${el.textContent.trim()}"` : 'a marker with a label';
        problems.push(`cut at the plot's edge: ${what}`);
      }
    }
    return {id: figure ? figure.id : chart.id, height: Math.round(box.height), problems, labels,
            plot, width: Math.round(box.width), form: chart.dataset.form || 'desktop'};
  });
}""".replace("PHONE_WIDTH", str(theme.PHONE_WIDTH))

CHART_HEIGHTS = """() => Object.fromEntries([...document.querySelectorAll('.lc-chart')]
    .map(c => [c.closest('figure').id, Math.round(c.getBoundingClientRect().height)]))"""

# True once every chart has been laid out again at its container's width: plotly redraws a
# responsive chart 0.1-0.6 s after the window changes size.
FOLLOWED = """() => [...document.querySelectorAll('.lc-chart.js-plotly-plot')]
    .every(el => el._fullLayout && Math.abs(el._fullLayout.width - el.clientWidth) <= 1)"""

VIEWS = [  # (label, viewport, colour scheme)
    ("desktop, light", {"width": 1366, "height": 900}, "light"),
    ("desktop, dark", {"width": 1366, "height": 900}, "dark"),
    ("phone, light", {"width": 375, "height": 740}, "light"),
    ("phone, dark", {"width": 375, "height": 740}, "dark"),
]


def chart_pages(site: Path) -> list[str]:
    """Site-relative paths of the pages that have a chart, in file order."""
    return [
        p.relative_to(site).as_posix()
        for p in site_pages(site)
        if 'class="lc-chart"' in p.read_text(encoding="utf-8")
    ]


def open_view(browser, viewport: dict, scheme: str):
    """One page (tab) for a view, reused for every chart page of that view."""
    return browser.new_page(viewport=viewport, color_scheme=scheme,
                            has_touch=viewport["width"] < theme.PHONE_WIDTH)


# The theme's header stays at the top of the window as the page scrolls; in a shot of a chart
# further down it would hide the chart's title.
STATIC_HEADER = (".bd-header, .bd-header-article, .header-article { position: static !important; }"
                 " .skip-link { display: none !important; }")


def load(page, url: str) -> None:
    page.goto(url, wait_until="load")
    page.wait_for_function(ALL_CHARTS_DRAWN, timeout=30000)


def settle(page, timeout: int = 5000) -> None:
    """Wait until every chart has been redrawn at its column's width, twice 100 ms apart (the
    window passes through other widths as it changes size). A chart that never follows its
    column is measured as it stands after ``timeout`` ms, not waited for for ever."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    for _ in range(2):
        try:
            page.wait_for_function(FOLLOWED, timeout=timeout)
        except PlaywrightTimeout:
            return
        page.wait_for_timeout(100)


def resize_steps(page, probe: str, *others: dict) -> list:
    """``probe`` evaluated as the page stands, at each of the window sizes ``others`` in turn
    (once the charts have followed), and after the window came back to its size."""
    size = page.viewport_size
    steps = [page.evaluate(probe)]
    for viewport in (*others, size):
        page.set_viewport_size(viewport)
        settle(page)
        steps.append(page.evaluate(probe))
    return steps


def resize_and_back(page, *others: dict) -> dict[str, list[int]]:
    """Heights of every chart before, at each of the window sizes ``others`` in turn, and after
    the window came back to its size."""
    steps = resize_steps(page, CHART_HEIGHTS, *others)
    return {fid: [step.get(fid, 0) for step in steps] for fid in steps[0]}


def make_sheet(site: Path, out: Path) -> list[dict]:
    """Photograph every chart in every view into ``out``; write ``out/index.html``."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    pages = chart_pages(site)
    charts: dict[str, dict] = {}  # figure id -> page, title, shots by view
    with serve(site) as base, sync_playwright() as pw:
        browser = launch(pw)
        for label, viewport, scheme in VIEWS:
            tab = open_view(browser, viewport, scheme)
            foreign = local_only(tab)
            for rel in pages:
                load(tab, f"{base}/{rel}")
                found = {c["id"]: c for c in tab.evaluate(LAYOUT_PROBE)}
                tab.add_style_tag(content=STATIC_HEADER)
                for figure in tab.locator("figure.lc-figure").all():
                    fid = figure.get_attribute("id")
                    png = f"{fid}-{viewport['width']}-{scheme}.png"
                    figure.screenshot(path=str(out / png), animations="disabled")
                    title = figure.locator(".gtitle").first
                    entry = charts.setdefault(fid, {"page": rel, "title": "", "shots": {}})
                    if not entry["title"] and title.count():
                        entry["title"] = title.text_content() or ""
                    entry["shots"][label] = {"png": png, "problems": found[fid]["problems"],
                                             "form": found[fid]["form"]}
            if foreign:
                raise SystemExit(f"pages requested other hosts: {foreign}")
            tab.close()
        browser.close()
    (out / "index.html").write_text(_sheet_html(charts, site, out), encoding="utf-8")
    problems = {fid: {label: shot["problems"] for label, shot in entry["shots"].items() if shot["problems"]}
                for fid, entry in charts.items()}
    (out / "problems.json").write_text(
        json.dumps({k: v for k, v in problems.items() if v}, indent=1, ensure_ascii=False) + "\n",
        encoding="utf-8")
    return [{"id": fid, **entry} for fid, entry in charts.items()]


def _sheet_html(charts: dict[str, dict], site: Path, out: Path) -> str:
    try:
        to_site = Path(site.resolve()).relative_to(out.resolve().parent)
        to_site = "../" + to_site.as_posix()
    except ValueError:
        to_site = site.resolve().as_uri()
    total = sum(len(s["problems"]) for c in charts.values() for s in c["shots"].values())
    rows = []
    for fid, entry in charts.items():
        cells = []
        for label, _, scheme in VIEWS:
            shot = entry["shots"].get(label)
            if not shot:
                cells.append("<td></td>")
                continue
            listed = "".join(f"<li>{html.escape(p)}</li>" for p in shot["problems"])
            cells.append(
                f'<td class="{scheme}"><div class="view">{label}: {shot["form"]} form</div>'
                f'<a href="{shot["png"]}"><img src="{shot["png"]}" alt="{html.escape(fid)}, {label}" '
                f'loading="lazy"></a>'
                + (f'<ul class="problems">{listed}</ul>' if listed else '<p class="ok">no layout problem found</p>')
                + "</td>"
            )
        link = f'{to_site}/{entry["page"]}#{fid}'
        rows.append(
            f'<tr><th colspan="4" id="{html.escape(fid)}"><a href="{html.escape(link)}">'
            f'{html.escape(entry["page"])}#{html.escape(fid)}</a>'
            f'<span class="title">{html.escape(entry["title"])}</span></th></tr>'
            f'<tr>{"".join(cells)}</tr>'
        )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Contact sheet: every chart</title>
<style>
body {{ font: 14px/1.4 system-ui, sans-serif; margin: 1rem; }}
table {{ border-collapse: collapse; }}
th {{ text-align: left; padding: 1.2rem 0 0.3rem; font-size: 1rem; }}
th .title {{ display: block; font-weight: normal; color: #555; }}
td {{ vertical-align: top; padding: 0.4rem; border: 1px solid #ddd; }}
td.dark {{ background: #121212; color: #ddd; }}
td img {{ display: block; max-width: 640px; height: auto; }}
td:nth-child(3) img, td:nth-child(4) img {{ max-width: 375px; }}
.view {{ font-size: 0.8rem; margin-bottom: 0.2rem; }}
.problems {{ color: #b00020; font-size: 0.8rem; max-width: 600px; }}
td.dark .problems {{ color: #ff8a80; }}
.ok {{ color: #2e7d32; font-size: 0.8rem; }}
</style></head><body>
<h1>Contact sheet: {len(charts)} charts, desktop (1366 px) and phone (375 px), light and dark</h1>
<p>Layout problems found by the checks the browser tests run: {total}.</p>
<table>{"".join(rows)}</table>
</body></html>
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site, e.g. _build/html")
    parser.add_argument("out", type=Path, help="folder of the contact sheet, e.g. _build/shots")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        parser.error(f"{args.site}/index.html not found: run `make book` first")
    if not Path(CHROMIUM).exists():
        parser.error(f"Chromium not found at {CHROMIUM}: `make shots` installs Debian's chromium")
    charts = make_sheet(args.site, args.out)
    problems = sum(len(s["problems"]) for c in charts for s in c["shots"].values())
    print(f"{args.out / 'index.html'}: {len(charts)} charts, {4 * len(charts)} shots, "
          f"{problems} layout problems found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
