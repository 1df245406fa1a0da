"""The survey: every page of the built site visited once per width, each measure taken on the
same visit. Loading a page and drawing its charts is most of a browser check's time, so the
checks of what a reader sees at desktop and phone width share one visit per page and width
(tests/test_chart_layout.py, tests/test_reader.py, tests/test_dark_mode.py), and so does the
check that every page draws its charts with no error and nothing from another host
(tests/test_browser.py).

At 1280 px a page opens in light mode, switches to dark with the theme button's attribute (no
reload, as a reader switches) and back to light; at 375 px it opens in dark mode and switches to
light. So every page is measured opened in either mode and switched both ways. Layout does not
depend on the mode, and is measured in both anyway; colours are measured in every state.

The French edition's chart pages are visited once more, at 375 px only
(``visit_french_chart_pages``, tests/test_french_charts.py): the view where its longer words
broke charts that pass in English.
"""

from __future__ import annotations

from playwright.sync_api import TimeoutError as PlaywrightTimeout

from liberal_crisis.site.browser import local_only, site_pages
from liberal_crisis.site.shots import LAYOUT_PROBE, load, open_view, resize_steps

WIDTHS = {  # width: (viewport, where the window goes before it comes back, the order of modes)
    # a desktop window dragged narrower, to a tablet's width, to a phone's, and back
    1280: ({"width": 1280, "height": 900}, ({"width": 1000, "height": 700}, {"width": 768, "height": 900},
                                             {"width": 375, "height": 740}),
           ("light", "dark", "light")),
    # a phone turned sideways and back
    375: ({"width": 375, "height": 740}, ({"width": 740, "height": 375},), ("dark", "light")),
}

# The page's column: the article's content box (its padding left out).
COLUMN = """const column = el => {
    const art = el.closest('article') || document.body, s = getComputedStyle(art);
    const r = art.getBoundingClientRect();
    return {left: r.left + parseFloat(s.paddingLeft), right: r.right - parseFloat(s.paddingRight)};
  };"""

# The page-level measures of its charts: sideways scrolling, how far right each chart reaches,
# legends over the plot area, chart and axis titles past the chart's box. Part of PAGE_PROBE,
# and on its own for the French pages' phone check (visit_french_chart_pages).
CHART_PAGE_PROBE = """() => {
  const charts = [...document.querySelectorAll('.lc-chart')];
  const id = chart => chart.closest('figure').id;
  const overlap = (a, b) => Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) *
                            Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
  return {
    overflow: document.documentElement.scrollWidth - window.innerWidth,
    chartRights: charts.map(c => c.getBoundingClientRect().right),
    legendOverPlot: charts.filter(chart => {
      const plot = chart.querySelector('.nsewdrag'), legend = chart.querySelector('.legend');
      return plot && legend && overlap(plot.getBoundingClientRect(), legend.getBoundingClientRect()) > 0;
    }).map(id),
    titlesOutside: charts.filter(chart => {
      const box = chart.getBoundingClientRect();
      return [...chart.querySelectorAll('.gtitle, .g-xtitle text')].some(t => {
        const r = t.getBoundingClientRect(); return r.left < box.left - 1 || r.right > box.right + 1; });
    }).map(id),
  };
}"""

# Page-level measures: those of its charts (CHART_PAGE_PROBE); the weights of the headings; the
# page's height; text set thinner
# than regular (weight under 400) under 16 px in figures and tables (the theme sets captions
# in 300, which renders faint); tables wider than the column, and tables that fit only by
# scrolling inside a box (a column hidden until the reader scrolls it into view).
PAGE_PROBE = """() => {
  COLUMN
  const shown = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 &&
                        getComputedStyle(el).visibility !== 'hidden'; };
  const where = el => { const f = el.closest('figure[id], section[id]');
                        return f ? f.id : el.tagName.toLowerCase(); };
  const height = document.documentElement.scrollHeight;
  // Tables in closed sections are measured open (the explorer's "Ridings that change hands",
  // the charts' own data tables: "The numbers behind this chart").
  const closed = [...document.querySelectorAll('article details:not([open])')];
  closed.forEach(d => { d.open = true; });
  const tables = [...document.querySelectorAll('article table')]
    .filter(t => !t.closest('.lc-chart') && shown(t));
  const tableName = t => `${where(t)}: table "${(t.querySelector('th, td') || t).textContent.trim().slice(0, 30)}"`;
  const found = {
    ...(CHART_PAGE_PROBE)(),
    height,
    // the weight of each level of heading in the text (h2 to h4), each weight it is set in
    headingWeights: Object.fromEntries(['h2', 'h3', 'h4'].map(h => [h,
      [...new Set([...document.querySelectorAll(`article ${h}`)].map(e => Number(getComputedStyle(e).fontWeight)))]])),
    // the size of each level of heading (h1 to h4), each size it is set in, in px
    headingSizes: Object.fromEntries(['h1', 'h2', 'h3', 'h4'].map(h => [h,
      [...new Set([...document.querySelectorAll(`article ${h}`)].map(e => parseFloat(getComputedStyle(e).fontSize)))]])),
    thinText: [...document.querySelectorAll('article figure *, article table *')]
      .filter(el => !el.closest('.lc-chart') && shown(el) &&
              [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()))
      .filter(el => { const s = getComputedStyle(el);
                      return Number(s.fontWeight) < 400 && parseFloat(s.fontSize) < 16; })
      .map(el => `${where(el)}: "${el.textContent.trim().slice(0, 40)}" (weight ${getComputedStyle(el).fontWeight})`),
    tablesWide: tables.filter(t => { const c = column(t), r = t.getBoundingClientRect();
                                     return r.right > c.right + 1 || r.left < c.left - 1; })
      .map(t => `${tableName(t)}: ${Math.round(t.getBoundingClientRect().width)} px in a ` +
                `${Math.round(column(t).right - column(t).left)} px column`),
    // words broken across two lines inside a link or a table cell ("Jo|urnals"); a break at a
    // hyphen, a slash or in an address is not counted
    brokenWords: [...document.querySelectorAll('article a, article td, article th, article dd')]
      .filter(shown).flatMap(el => [...el.childNodes].filter(n => n.nodeType === 3).flatMap(node => {
        const out = []; let at = 0;
        for (const part of node.textContent.split(/(\\s+)/)) {
          if (part.trim().length > 1 && !/[-\u2010\u2011\u2013\u2014/:.@_]/.test(part)) {
            const r = document.createRange(); r.setStart(node, at); r.setEnd(node, at + part.length);
            if (new Set([...r.getClientRects()].map(q => Math.round(q.top))).size > 1)
              out.push(`${where(el)}: "${part}"`);
          }
          at += part.length;
        }
        return out;
      })),
    // in dark mode, a light panel behind text (the theme's panel for HTML outputs)
    lightPanels: document.documentElement.dataset.theme !== 'dark' ? [] :
      [...document.querySelectorAll('article *')].filter(el => {
        const m = getComputedStyle(el).backgroundColor.match(/rgba?\\(([^)]+)\\)/);
        if (!m || !shown(el)) return false;
        const [r, g, b, a = 1] = m[1].split(',').map(Number);
        return a > 0.5 && (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 > 0.5 && el.textContent.trim();
      }).map(el => `${where(el)}: ${el.tagName.toLowerCase()}.${[...el.classList].join('.')} (${getComputedStyle(el).backgroundColor})`),
    tablesScrolled: tables.filter(t => { for (let e = t.parentElement; e && e.tagName !== 'ARTICLE'; e = e.parentElement) {
        if (['auto', 'scroll'].includes(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth + 1) return true; }
        return false; })
      .map(t => `${tableName(t)}: ${Math.round(t.getBoundingClientRect().width)} px in a scroll box`),
  };
  closed.forEach(d => { d.open = false; });
  return found;
}""".replace("COLUMN", COLUMN).replace("CHART_PAGE_PROBE", CHART_PAGE_PROBE)

# At each step of a resize: every chart's height, its form, and how far its drawing reaches
# past the page's column (px; 0 or less when it fits), and how far the page scrolls sideways.
RESIZE_PROBE = """() => {
  COLUMN
  const charts = {};
  for (const chart of document.querySelectorAll('.lc-chart')) {
    const c = column(chart), box = chart.getBoundingClientRect();
    const drawn = [box, ...[...chart.querySelectorAll('.svg-container')].map(e => e.getBoundingClientRect())];
    charts[chart.closest('figure').id] = {
      height: Math.round(box.height), width: Math.round(box.width), form: chart.dataset.form || 'desktop',
      past: Math.round(Math.max(...drawn.map(r => Math.max(r.right - c.right, c.left - r.left)))),
    };
  }
  return {width: window.innerWidth, overflow: document.documentElement.scrollWidth - window.innerWidth, charts};
}""".replace("COLUMN", COLUMN)


SWITCHED = """mode => [...document.querySelectorAll('.lc-chart[data-drawn]')]
    .every(el => el.dataset.mode === mode)"""
# The theme's colours ease from one mode to the other: colours are measured once they arrive.
SETTLED = "() => document.getAnimations().every(a => a.playState !== 'running')"

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
  // Data labels: a text point (a line's name at its end, a numbered badge) and a bar's value.
  // Each is measured against what lies behind its middle: the marker or bar it sits on (its
  // fill seen through its opacity over the page), else the page. The label's own opacity counts.
  const seen = (el, top) => { let a = 1;
    for (let e = el; e && e !== top; e = e.parentElement) a *= Number(getComputedStyle(e).opacity);
    return a; };
  const ink = el => { const s = getComputedStyle(el), c = rgba(s.fill); if (!c) return s.fill;
    const a = c[3] * Number(s.fillOpacity) * seen(el, el.closest('.lc-chart'));
    return `rgba(${c.slice(0, 3).join(', ')}, ${a})`; };
  const behind = (shape, page) => { const s = getComputedStyle(shape), c = rgba(s.fill);
    if (!c) return page;
    const a = c[3] * Number(s.fillOpacity) * seen(shape, shape.closest('.lc-chart'));
    return over([...c.slice(0, 3), a], page); };
  const under = (el, shapes) => { const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    return shapes.find(p => { const b = p.getBoundingClientRect();
      return b.width > 0 && b.height > 0 && x >= b.left && x <= b.right && y >= b.top && y <= b.bottom; }); };
  each('.lc-chart .textpoint text, .lc-chart .bartext', el => {
    if (!visible(el) || !el.textContent.trim()) return;
    const page = bgOf(el.closest('.lc-chart'));
    const shapes = el.classList.contains('bartext') ? [el.parentElement.querySelector('path')].filter(Boolean)
      : [...(el.closest('.trace') || el).querySelectorAll('.points .point')];
    const shape = under(el, shapes);
    add('label', el, ink(el), shape ? behind(shape, page) : page);
  });
  // Hover labels: text against the label's own box.
  each('.lc-chart .hoverlayer .hovertext', g => {
    const box = g.querySelector('path'); const fill = box && rgba(getComputedStyle(box).fill);
    const back = fill && fill[3] > 0 ? over(fill, bgOf(g.closest('.lc-chart'))) : bgOf(g.closest('.lc-chart'));
    g.querySelectorAll('text').forEach(t => t.textContent.trim() && add('hover', t, getComputedStyle(t).fill, back));
  });
  // Captions, sources and the data tables under the charts.
  // (a closed table's cells are skipped before the costly checks: national-picture has 35,000)
  each('figcaption, figcaption *, figure table td, figure table th, figure details summary, article table td, article table th, article table td > span',
       el => !el.closest('details:not([open]) > :not(summary)') && visible(el) && [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim()) &&
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


DRAWN_IDS = """() => [...document.querySelectorAll('.lc-chart')]
    .filter(el => el.classList.contains('js-plotly-plot') && el.querySelector('.main-svg g.trace'))
    .map(el => el.id)"""
UNHOVER = """() => document.querySelectorAll('.lc-chart.js-plotly-plot')
    .forEach(el => window.Plotly.Fx.unhover(el))"""


def switch(tab, mode: str) -> None:
    """Switch the page's mode as the theme button does, and wait for the charts and colours."""
    tab.evaluate(f"document.documentElement.dataset.theme = '{mode}'")
    tab.wait_for_function(SWITCHED, arg=mode, timeout=5000)
    tab.wait_for_function(SETTLED, timeout=5000)


def contrast(tab) -> tuple[list[dict], list[int]]:
    """Every coloured thing with its contrast ratio, a hover label shown on each chart."""
    hovered = tab.evaluate(HOVER_FIRST_POINT)
    found = tab.evaluate(MEASURE)
    tab.evaluate(UNHOVER)
    return found, hovered


def watch(tab):
    """Record on ``tab`` requests to other hosts (refused), console errors, uncaught errors and
    HTTP errors. Returns ``since()``: {"foreign", "errors", "http"} of what happened since its
    last call."""
    foreign, errors, http = local_only(tab), [], []
    tab.on("console", lambda m: m.type == "error" and errors.append(m.text))
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.on("response", lambda r: r.status >= 400 and http.append(f"{r.status} {r.url}"))
    seen = [0, 0, 0]

    def since() -> dict:
        found = {name: items[at:] for name, items, at in
                 zip(("foreign", "errors", "http"), (foreign, errors, http), seen)}
        seen[:] = [len(foreign), len(errors), len(http)]
        return found

    return since


def visit_every_page(browser, site, base: str, width: int) -> dict:
    """{"layout": {mode: {chart page: LAYOUT_PROBE}},
        "heights": {chart page: {figure id: [height, at each size the window goes to, back]}},
        "resize": {chart page: [RESIZE_PROBE, at each of those sizes]},
        "pages": {mode: {page: PAGE_PROBE}},
        "contrast": {state: {chart page: (colours measured, hover labels shown)}},
        "health": {page: {"drawn": ids of the charts drawn once loaded, "foreign": requests to
                          other hosts (refused), "errors": console errors, "http": HTTP errors}}}
    where a state is "opened light", "switched to dark", "switched back to light", ...; the
    health of a page covers all that happened while it was open (mode switches, resizes)."""
    viewport, others, modes = WIDTHS[width]
    tab = open_view(browser, viewport, modes[0])
    health = watch(tab)
    found = {"layout": {"light": {}, "dark": {}}, "heights": {}, "resize": {},
             "pages": {"light": {}, "dark": {}}, "contrast": {}, "health": {}}
    for path in site_pages(site):
        rel = path.relative_to(site).as_posix()
        health()  # what happened before this page is not its own
        try:
            load(tab, f"{base}/{rel}")
        except PlaywrightTimeout:  # a chart that does not draw: recorded, the measures go on
            pass
        drawn = tab.evaluate(DRAWN_IDS)
        charted = 'class="lc-chart"' in path.read_text(encoding="utf-8")
        for step, mode in enumerate(modes):
            if step:
                switch(tab, mode)
            state = (f"opened {mode}" if step == 0 else
                     f"switched to {mode}" if mode not in modes[:step] else f"switched back to {mode}")
            if mode not in modes[:step]:  # layout: once per mode
                found["pages"][mode][rel] = tab.evaluate(PAGE_PROBE)
                if charted:
                    found["layout"][mode][rel] = tab.evaluate(LAYOUT_PROBE)
            if charted:
                found["contrast"].setdefault(state, {})[rel] = contrast(tab)
        if charted:
            steps = resize_steps(tab, RESIZE_PROBE, *others)
            found["resize"][rel] = steps
            found["heights"][rel] = {fid: [step["charts"].get(fid, {}).get("height", 0) for step in steps]
                                     for fid in steps[0]["charts"]}
        found["health"][rel] = {"drawn": drawn, **health()}
    tab.close()
    assert found["layout"]["light"], "no chart pages found"
    return found


def visit_french_chart_pages(browser, site, base: str) -> dict:
    """{French chart page: {"charts": LAYOUT_PROBE, and CHART_PAGE_PROBE's measures}} at 375 px.

    The French edition's charts are drawn from the same code as the English ones, with longer
    words: a label that fits in English can collide or run past the edge in French, and only
    on a phone, where the room is tight (four did, found by the French review of 7 December
    2026). The whole survey of the French pages would double its time; this is the one view
    where French words have broken a chart: a phone, one visit per chart page, in light mode
    (layout does not depend on the mode, which the English survey measures both ways)."""
    viewport, _, _ = WIDTHS[375]
    tab = open_view(browser, viewport, "light")
    found = {}
    for path in site_pages(site, "fr"):
        if 'class="lc-chart"' not in path.read_text(encoding="utf-8"):
            continue
        rel = path.relative_to(site).as_posix()
        load(tab, f"{base}/{rel}")
        found[rel] = {"charts": tab.evaluate(LAYOUT_PROBE), **tab.evaluate(CHART_PAGE_PROBE)}
    tab.close()
    assert found, "no French chart pages found"
    return found
