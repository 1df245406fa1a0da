"""The chart a reader sees on opening a page is there at first paint, before plotly.js has run.

plotly.js takes about half a second to arrive and run, so a chart on a page's first screen is
drawn at build time too (site/first_screen.py) and shown by CSS until the live chart replaces it
(issue 20: the first screen drawn within 0.6 s). These tests open the pages as a reader does, in
headless Chromium, with plotly.js held back (as on a slow connection): every chart in the first
screen must show a drawing of its own, in the form for its width and the page's mode, and the
live chart that replaces it must say the same things. Control: the same page with its drawings
taken out leaves the first screen's chart a blank box, and the check says so.
"""

from __future__ import annotations

import re

import pytest

from liberal_crisis.site.browser import local_only
from liberal_crisis.site.shots import ALL_CHARTS_DRAWN, chart_pages

pytestmark = pytest.mark.browser

VIEWS = {"1366": {"width": 1366, "height": 800}, "375": {"width": 375, "height": 800}}
INDEX = "book/index.html"
# Per chart in the first screen: is a build-time drawing shown (laid out, with traces drawn),
# which form, in which mode's colours (the color-scheme its light-dark() colours follow), and the
# box's width.
FIRST_SCREEN = """() => [...document.querySelectorAll('.lc-chart')].filter(el => {
    const r = el.getBoundingClientRect(); return r.height > 0 && r.bottom > 0 && r.top < innerHeight; })
  .map(el => {
    const shown = [...el.querySelectorAll('.lc-snapshot')].filter(s => s.getBoundingClientRect().width > 0);
    return {figure: el.closest('figure').id, width: el.clientWidth,
            shown: shown.map(s => ({form: s.dataset.form, mode: getComputedStyle(s).colorScheme,
                                    traces: s.querySelectorAll('g.trace path').length,
                                    height: s.querySelector('svg').getBoundingClientRect().height}))};
  })"""
# The words and numbers a chart shows (ticks, line names, markers' numbers, axis titles), with
# their colour, from the build-time drawing or the live chart.
TEXTS = """(sel) => {
  const el = document.querySelector('.lc-chart');
  const root = sel === 'live' ? el : [...el.querySelectorAll('.lc-snapshot')]
    .find(s => s.getBoundingClientRect().width > 0);
  if (!root) return null;
  return [...root.querySelectorAll('text')]
    .filter(t => t.textContent.trim() && t.closest(sel === 'live' ? '.main-svg' : '.lc-snapshot'))
    .map(t => t.textContent.trim() + ' @ ' + getComputedStyle(t).fill).sort();
}"""


def without_plotly(browser, viewport, scheme="light", strip=False):
    """A page in which plotly.js never arrives (and, for the control, without its drawings)."""
    ctx = browser.new_context(viewport=viewport, color_scheme=scheme)
    local_only(ctx)
    page = ctx.new_page()
    page.route(re.compile(r".*/plotly[^/]*\.js(\?.*)?$"), lambda route: route.abort())
    if strip:
        def without_drawings(route):
            html = route.fetch().text()
            html = re.sub(r'<div class="lc-snapshots">.*?</svg></div></div>', "", html, flags=re.S)
            route.fulfill(body=html, content_type="text/html")
        page.route(re.compile(r".*\.html$"), without_drawings)
    return ctx, page


def first_screen(page, url) -> list[dict]:
    page.goto(url, wait_until="domcontentloaded")  # the boxes are laid out by then
    return page.evaluate(FIRST_SCREEN)


def bare(found: list[dict], view: str, scheme: str) -> list[str]:
    """What a reader would find wrong in the first screen: a chart with no drawing, two, or the
    wrong form or mode."""
    problems = []
    for chart in found:
        form = "phone" if chart["width"] < 600 else "desktop"
        if len(chart["shown"]) != 1:
            problems.append(f"{chart['figure']} at {view}: {len(chart['shown'])} drawings shown")
            continue
        shot = chart["shown"][0]
        if (shot["form"], shot["mode"]) != (form, scheme) or not shot["traces"] or shot["height"] < 100:
            problems.append(f"{chart['figure']} at {view}, {scheme}: shows {shot}, wants the {form} form")
    return problems


def first_screens(page, url) -> dict[str, list[dict]]:
    """FIRST_SCREEN at each width of VIEWS on one visit: the page opened at the first, then the
    window brought to each of the others (CSS picks the drawing for the box's width, charts.js
    gives the undrawn boxes their form's height on the next frame: the layout of a page opened
    at that width)."""
    out = {}
    for view, viewport in VIEWS.items():
        page.set_viewport_size(viewport)
        if not out:
            page.goto(url, wait_until="domcontentloaded")  # the boxes are laid out by then
        else:
            page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
        out[view] = page.evaluate(FIRST_SCREEN)
    return out


def test_every_chart_of_a_first_screen_is_drawn_before_plotly_arrives(browser, site_url, built_site):
    problems, seen = [], {view: 0 for view in VIEWS}
    for scheme in ("light", "dark"):
        ctx, page = without_plotly(browser, VIEWS["1366"], scheme)
        # every chart page of both editions in light; in dark, the pages that have a drawing
        for rel in chart_pages(built_site) + [f"fr/{rel}" for rel in chart_pages(built_site)]:
            if scheme == "dark" and "lc-snapshot" not in (built_site / rel).read_text(encoding="utf-8"):
                continue
            for view, found in first_screens(page, f"{site_url}/{rel}").items():
                seen[view] += len(found)
                problems += [f"{rel}: {p}" for p in bare(found, view, scheme)]
        ctx.close()
    assert all(seen.values()), f"no chart on a first screen at some width: the check would pass on anything ({seen})"
    assert not problems, "\n".join(problems)


def test_control_a_first_screen_chart_without_its_drawing_is_blank(browser, site_url):
    ctx, page = without_plotly(browser, VIEWS["1366"], strip=True)
    found = first_screen(page, f"{site_url}/{INDEX}")
    ctx.close()
    assert found and bare(found, "1366", "light"), found


def test_without_javascript_the_drawing_is_in_the_mode_the_page_shows(browser, site_url):
    """With JavaScript off the theme never leaves "auto" and the page stays light, whatever the
    system prefers: the drawing must be light too (a dark one puts light grey text on white).
    Control: the same page on a light system."""
    found = {}
    for scheme in ("dark", "light"):
        ctx = browser.new_context(viewport=VIEWS["1366"], color_scheme=scheme, java_script_enabled=False)
        local_only(ctx)
        page = ctx.new_page()
        page.goto(f"{site_url}/{INDEX}", wait_until="load")
        found[scheme] = page.evaluate("""() => {
          const shot = [...document.querySelectorAll('.lc-snapshot')].find(s => s.getBoundingClientRect().width > 0);
          const text = shot && [...shot.querySelectorAll('text')].find(t => t.textContent.trim());
          return {page: getComputedStyle(document.body).backgroundColor,
                  drawing: shot && getComputedStyle(shot).colorScheme,
                  text: text && getComputedStyle(text).fill}; }""")
        ctx.close()
    assert found["light"]["drawing"] == "light", found  # control: the light system's page
    assert found["dark"]["page"] == found["light"]["page"], found  # the page ignores the system
    assert found["dark"] == found["light"], found


@pytest.mark.parametrize("view,scheme", [("1366", "light"), ("375", "dark"), ("1280", "dark")])
def test_the_live_chart_replaces_the_drawing_and_says_the_same(browser, site_url, view, scheme):
    """Same words, numbers and colours before and after plotly.js runs (1280: a column narrower
    than the one the drawing was made at, which it is scaled to), and one chart after."""
    viewport = VIEWS.get(view, {"width": int(view), "height": 800})
    ctx, page = without_plotly(browser, viewport, scheme)
    page.goto(f"{site_url}/{INDEX}", wait_until="load")
    page.wait_for_timeout(200)  # the theme settles the page's mode
    before = page.evaluate(TEXTS, "snapshot")
    ctx.close()
    ctx = browser.new_context(viewport=viewport, color_scheme=scheme)
    local_only(ctx)
    page = ctx.new_page()
    page.goto(f"{site_url}/{INDEX}", wait_until="load")
    page.wait_for_function(ALL_CHARTS_DRAWN, timeout=30000)
    page.wait_for_timeout(500)
    after = page.evaluate(TEXTS, "live")
    left = page.evaluate("() => document.querySelectorAll('.lc-snapshots').length")
    layers = page.evaluate("() => document.querySelector('.lc-chart').querySelectorAll('svg.main-svg, .lc-snapshot svg').length")
    ctx.close()
    assert before, "no drawing shown before plotly.js"
    assert before == after
    assert left == 0, "the build-time drawing stays after the live chart is drawn"
    assert layers == 3, f"{layers} svg layers in the chart box: plotly draws 3"


def test_the_two_modes_drawings_become_one_only_when_they_differ_in_colours_alone():
    from liberal_crisis.site.first_screen import merge_modes

    light = '<text style="fill: rgb(34, 34, 34); fill-opacity: 1;">8 925</text><path style="stroke: #d71920;"/>'
    dark = '<text style="fill: rgb(230, 230, 230); fill-opacity: 1;">8 925</text><path style="stroke: #d71920;"/>'
    assert merge_modes(light, dark) == (
        '<text style="fill: light-dark(rgb(34, 34, 34), rgb(230, 230, 230)); fill-opacity: 1;">8 925</text>'
        '<path style="stroke: #d71920;"/>')
    assert merge_modes(light, dark.replace("8 925", "8 926")) is None  # a number differs
    # a colour in an attribute, where light-dark() does not apply
    assert merge_modes('<rect fill="#ffffff"/>', '<rect fill="#111111"/>') is None
