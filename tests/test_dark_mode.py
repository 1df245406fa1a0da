"""Everything that changes colour with the mode is readable in both modes, measured in the
browser against the page's real background (not a constant).

Text (chart titles, tick labels, axis titles, legends, annotations, hover labels, figure
captions, tables) needs a WCAG contrast ratio of at least 4.5. Lines a reader must see (axis
lines, zero lines, reference lines drawn as shapes) need at least 3. Gridlines are a reading
aid (every chart's numbers are also in the table under it): they must stay visible (at least
1.2) and stay quiet, below 3 and below the text, so a gridline left in the other mode's colour
(light grey on the dark page, or dark grey on the white one) fails. House style: CONTRIBUTING.md,
"Colours and contrast".

Each chart page is checked three ways: opened in dark mode, opened in light mode and switched
to dark without a reload (the theme button), and switched back to light.
"""

from __future__ import annotations

import pytest

from conftest import html_pages
from test_browser import ALL_CHARTS_DRAWN

pytestmark = pytest.mark.browser

TEXT_MIN, LINE_MIN, GRID_MIN, GRID_MAX = 4.5, 3.0, 1.2, 3.0

# Runs in the page: every coloured thing, its colour, the colour behind it and the ratio.
MEASURE = """() => {
  const rgba = s => { const m = s.match(/rgba?\\(([^)]+)\\)/); if (!m) return null;
    const p = m[1].split(',').map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const bgOf = el => { for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor); if (c && c[3] > 0) return c; }
    return [255, 255, 255, 1]; };
  const over = (fg, bg) => fg.slice(0, 3).map((c, i) => c * fg[3] + bg[i] * (1 - fg[3]));
  const lum = c => { const l = c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2]; };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const out = [];
  const add = (kind, el, colour, bg) => {
    const c = rgba(colour); if (!c || c[3] === 0) return;
    const back = bg || bgOf(el);
    const fig = el.closest('figure'); const chart = el.closest('.lc-chart');
    out.push({kind, where: (fig && fig.id) || (chart && chart.id) || el.tagName.toLowerCase(),
              colour, background: `rgb(${back.slice(0, 3).join(', ')})`,
              ratio: Math.round(ratio(over(c, back), back) * 100) / 100});
  };
  const each = (sel, f) => document.querySelectorAll(sel).forEach(f);
  const visible = el => { const s = getComputedStyle(el); const r = el.getBoundingClientRect();
    return s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0 && (r.width > 0 || r.height > 0); };
  const stroked = el => { const s = getComputedStyle(el);
    return parseFloat(s.strokeWidth) > 0 && Number(s.strokeOpacity) > 0 && s.stroke !== 'none'; };
  // Chart text. The SVG is transparent: what lies behind it is the page around the chart.
  each('.lc-chart .gtitle, .lc-chart .xtick text, .lc-chart .ytick text, .lc-chart .g-xtitle text, ' +
       '.lc-chart .g-ytitle text, .lc-chart .legendtext, .lc-chart .annotation-text',
       el => visible(el) && el.textContent.trim() && add('text', el, getComputedStyle(el).fill, bgOf(el.closest('.lc-chart'))));
  each('.lc-chart .gridlayer path', el => visible(el) && stroked(el) && add('grid', el, getComputedStyle(el).stroke, bgOf(el.closest('.lc-chart'))));
  each('.lc-chart .zerolinelayer path, .lc-chart path.xline, .lc-chart path.yline, .lc-chart .shapelayer path',
       el => visible(el) && stroked(el) && add('line', el, getComputedStyle(el).stroke, bgOf(el.closest('.lc-chart'))));
  // Hover labels: text against the label's own box.
  each('.lc-chart .hoverlayer .hovertext', g => {
    const box = g.querySelector('path'); const fill = box && rgba(getComputedStyle(box).fill);
    const back = fill && fill[3] > 0 ? over(fill, bgOf(g.closest('.lc-chart'))) : bgOf(g.closest('.lc-chart'));
    g.querySelectorAll('text').forEach(t => t.textContent.trim() && add('hover', t, getComputedStyle(t).fill, back));
  });
  // Captions, sources and the data tables under the charts.
  each('figcaption, figcaption *, figure table td, figure table th, figure details summary, article table td, article table th',
       el => visible(el) && [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()) &&
             add('text', el, getComputedStyle(el).color));
  return out;
}"""

HOVER_FIRST_POINT = """() => [...document.querySelectorAll('.lc-chart.js-plotly-plot')].map(el => {
  const trace = (el._fullData || []).findIndex(t => t.visible !== false && t.hoverinfo !== 'skip' &&
                                                   (t.x || t.y || []).length);
  if (trace < 0 || el._fullLayout.hovermode === false) return 0;
  window.Plotly.Fx.hover(el, [{curveNumber: trace, pointNumber: 0}]);
  return el.querySelectorAll('.hoverlayer .hovertext').length;
})"""


def chart_pages(built_site):
    return [p for p in html_pages(built_site) if 'class="lc-chart"' in p.read_text(encoding="utf-8")]


def failures(found, state):
    bad = []
    for item in found:
        r = item["ratio"]
        if item["kind"] in ("text", "hover") and r < TEXT_MIN:
            bad.append((state, item, f"text below {TEXT_MIN}"))
        elif item["kind"] == "line" and r < LINE_MIN:
            bad.append((state, item, f"line below {LINE_MIN}"))
        elif item["kind"] == "grid" and not (GRID_MIN <= r < GRID_MAX):
            bad.append((state, item, f"gridline outside {GRID_MIN}..{GRID_MAX}"))
    return bad


def measure(page):
    hovered = page.evaluate(HOVER_FIRST_POINT)
    found = page.evaluate(MEASURE)
    return found, hovered


def test_chart_pages_are_readable_in_both_modes(browser, built_site, site_url):
    bad, kinds, hovers = [], set(), 0
    for path in chart_pages(built_site):
        rel = path.relative_to(built_site).as_posix()
        for scheme in ("dark", "light"):
            page = browser.new_page(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
            page.goto(f"{site_url}/{rel}", wait_until="load")
            page.wait_for_function(ALL_CHARTS_DRAWN, timeout=15000)
            states = [f"opened {scheme}"]
            if scheme == "light":  # the theme switch, without a reload, and back
                states += ["switched to dark", "switched back to light"]
            for state in states:
                if state.startswith("switched"):
                    mode = "dark" if "dark" in state else "light"
                    page.evaluate(f"document.documentElement.dataset.theme = '{mode}'")
                    page.wait_for_function(
                        f"() => [...document.querySelectorAll('.lc-chart[data-drawn]')]"
                        f".every(el => el.dataset.mode === '{mode}')", timeout=5000)
                    page.wait_for_timeout(100)  # the relayout's redraw
                found, hovered = measure(page)
                hovers += sum(hovered)
                kinds |= {item["kind"] for item in found}
                bad += [(rel, *b) for b in failures(found, state)]
            page.close()
    # The probe really measured each kind of thing (a selector that matched nothing would pass).
    assert {"text", "grid", "line", "hover"} <= kinds, kinds
    assert hovers > 0
    shown = "\n".join(f"{rel} [{state}] {item['kind']} {item['colour']} on {item['background']} "
                      f"= {item['ratio']} ({why}) in {item['where']}" for rel, state, item, why in bad[:30])
    assert bad == [], f"{len(bad)} colour(s) unreadable:\n{shown}"


def test_the_contrast_probe_catches_light_gridlines_on_the_dark_page(browser, site_url):
    """Control: the audit's miss (gridlines left rgb(229,229,229) on the dark page) fails."""
    page = browser.new_page(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    page.goto(f"{site_url}/book/national-picture.html", wait_until="load")
    page.wait_for_function(ALL_CHARTS_DRAWN, timeout=15000)
    page.evaluate("""() => document.querySelectorAll('.lc-chart.js-plotly-plot').forEach(el =>
        window.Plotly.relayout(el, {'xaxis.gridcolor': '#E5E5E5', 'yaxis.gridcolor': '#E5E5E5'}))""")
    page.wait_for_timeout(200)
    found, _ = measure(page)
    grid = [f for f in failures(found, "dark") if f[1]["kind"] == "grid"]
    assert grid and all(item["colour"] == "rgb(229, 229, 229)" for _, item, _ in grid), grid
    page.close()
