"""Charts drawn as the reader nears them (charts.js), with nothing lost on the way.

A chart in the window is drawn at once, the charts within a screen of it next, the rest when
the browser is idle. These tests act as a reader does, in headless Chromium. Most of them open
the page in a browser that is never idle (``NEVER_IDLE``), so that the charts far from the window
stay undrawn for as long as the test needs: scrolling must then draw what comes into view, the
mode and width of the moment must be the ones a chart is drawn in, printing must draw every
chart, and an undrawn chart must keep its box's height and its figure's name and description.
A link to a chart far down is followed with scroll anchoring off (Safari has none), so that the
chart stays on screen only if no chart above it changes height when drawn.
"""

from __future__ import annotations

import json
import re
import unicodedata

import pytest
from bs4 import BeautifulSoup

from liberal_crisis.site.browser import local_only
from liberal_crisis.site.shots import ALL_CHARTS_DRAWN
from test_chart_size import declared_heights

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}
# A browser that never has an idle moment: only what the reader nears gets drawn. The page's
# errors are kept (a ResizeObserver loop is reported to the window, not to the console).
NEVER_IDLE = """window.requestIdleCallback = () => 0; window.cancelIdleCallback = () => {};
window.lcErrors = []; window.addEventListener('error', e => window.lcErrors.push(e.message));"""
DRAWN = """() => Object.fromEntries([...document.querySelectorAll('.lc-chart')]
    .map(el => [el.closest('figure').id, !!el.querySelector('.main-svg g.trace')]))"""
HEIGHTS = """() => Object.fromEntries([...document.querySelectorAll('.lc-chart')]
    .map(el => [el.closest('figure').id, Math.round(el.getBoundingClientRect().height)]))"""
# Every chart with a part in the window is drawn.
IN_VIEW_DRAWN = """() => [...document.querySelectorAll('.lc-chart')].filter(el => {
    const r = el.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; })
  .every(el => el.querySelector('.main-svg g.trace'))"""
AT_BOTTOM = "() => scrollY + innerHeight >= document.documentElement.scrollHeight - 2"
NATIONAL = "book/national-picture.html"
PLEDGE = "book/the-pledge.html"


def open_lazy(browser, url, viewport=DESKTOP, scheme="light"):
    """A page in a browser that is never idle, once the charts near the window are drawn."""
    ctx = browser.new_context(viewport=viewport, color_scheme=scheme)
    local_only(ctx)
    page = ctx.new_page()
    page.add_init_script(NEVER_IDLE)
    page.goto(url, wait_until="load")
    page.wait_for_function(IN_VIEW_DRAWN, timeout=15000)
    page.wait_for_timeout(300)  # a chart within a screen of the window is drawn a paint later
    return ctx, page


def scroll_through(page) -> list[str]:
    """Scroll down the page most of a screen at a time, as a reader does; after each step, what
    the window shows must be drawn within 5 s. Returns where it was not."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    blank = []
    while not page.evaluate(AT_BOTTOM):
        page.mouse.wheel(0, page.viewport_size["height"] * 0.8)
        page.wait_for_timeout(50)
        try:
            page.wait_for_function(IN_VIEW_DRAWN, timeout=5000)
        except PlaywrightTimeout:
            blank.append(f"at {page.evaluate('scrollY')} px: {page.evaluate(DRAWN)}")
    return blank


def test_charts_are_drawn_as_the_reader_scrolls_to_them_and_keep_their_height(browser, site_url, built_site):
    ctx, page = open_lazy(browser, f"{site_url}/{NATIONAL}")
    drawn = page.evaluate(DRAWN)
    # the first screen has no chart; the poll chart is within a screen of it, the last far off
    assert drawn["fig-national-picture-polls"], drawn
    assert not drawn["fig-national-picture-final-week"], f"drawn before the reader came near: {drawn}"
    before = page.evaluate(HEIGHTS)
    assert scroll_through(page) == []
    assert all(page.evaluate(DRAWN).values())
    # each box was as tall before its chart was drawn as the chart is: nothing below it moved
    declared = {fid: desktop for fid, (desktop, _) in declared_heights(built_site / NATIONAL).items()}
    assert before == page.evaluate(HEIGHTS) == declared
    assert page.evaluate("window.lcErrors") == []
    ctx.close()


def luminance(css_colour: str) -> float:
    channels = [float(c) for c in css_colour[css_colour.index("(") + 1:-1].split(",")[:3]]
    return sum(channels) / (3 * 255)


def test_an_undrawn_chart_is_drawn_in_the_mode_and_form_of_the_moment(browser, site_url, built_site):
    """Opened light at desktop width, switched to dark and narrowed to a phone's width before the
    reader reaches the charts further down: they are drawn dark, in their phone form, and their
    boxes had the phone form's height while they waited."""
    ctx, page = open_lazy(browser, f"{site_url}/{NATIONAL}")
    assert not all(page.evaluate(DRAWN).values())
    page.evaluate("document.documentElement.dataset.theme = 'dark'")
    page.set_viewport_size(PHONE)
    page.wait_for_timeout(400)  # the drawn chart follows its column (150 ms after the last change)
    waiting = page.evaluate(HEIGHTS)
    assert scroll_through(page) == []
    phone = {fid: small for fid, (_, small) in declared_heights(built_site / NATIONAL).items()}
    assert waiting == page.evaluate(HEIGHTS) == phone
    forms = page.evaluate("() => [...document.querySelectorAll('.lc-chart')].map(el => el.dataset.form)")
    assert forms == ["phone"] * len(phone), forms
    fills = page.evaluate("() => [...document.querySelectorAll('.lc-chart')].map(el => "
                          "[...el.querySelectorAll('.xtick text, .ytick text')].map(t => t.style.fill))")
    assert all(f and all(luminance(c) > 0.7 for c in f) for f in fills), fills  # light text on dark
    assert page.evaluate("window.lcErrors") == []
    ctx.close()


NO_SCROLL_ANCHORING = "<style>html, body { overflow-anchor: none; }</style>"


def follow_link(browser, site_url, rel, anchor, viewport, strip_phone_heights=False) -> dict:
    """Open ``rel#anchor`` with scroll anchoring off; once every chart is drawn, where the
    figure's top is, where the link put it (its scroll margin under the header), and whether its
    chart is drawn and on screen."""
    ctx = browser.new_context(viewport=viewport)
    local_only(ctx)
    page = ctx.new_page()

    def edit(route):
        response = route.fetch()
        body = response.text().replace("</head>", NO_SCROLL_ANCHORING + "</head>", 1)
        if strip_phone_heights:  # the control: boxes that do not know their phone form's height
            body = re.sub(r' data-phone-height="\d+"', "", body)
        route.fulfill(response=response, body=body)

    page.route(f"**/{rel}", edit)
    page.goto(f"{site_url}/{rel}#{anchor}", wait_until="load")
    page.wait_for_function(ALL_CHARTS_DRAWN, timeout=30000)
    page.wait_for_timeout(300)  # a chart grown after drawing (plotly's promise) has grown
    found = page.evaluate("""id => {
        const fig = document.getElementById(id), chart = fig.querySelector('.lc-chart');
        const r = chart.getBoundingClientRect();
        // a link puts the figure its scroll margin below the page's scroll padding (the header)
        const below = parseFloat(getComputedStyle(document.documentElement).scrollPaddingTop) || 0;
        return {top: fig.getBoundingClientRect().top,
                margin: below + parseFloat(getComputedStyle(fig).scrollMarginTop),
                drawn: !!chart.querySelector('.main-svg g.trace'), onScreen: r.top >= 0 && r.top < innerHeight};
    }""", anchor)
    ctx.close()
    return found


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375", "1280"])
def test_a_link_to_a_chart_far_down_stays_on_it_while_the_charts_above_draw(browser, site_url, viewport):
    # the pledge's last chart; above it, the thresholds chart is 192 px taller on a phone
    found = follow_link(browser, site_url, PLEDGE, "fig-the-pledge-caucus-waffle", viewport)
    assert found["drawn"] and found["onScreen"], found
    assert abs(found["top"] - found["margin"]) <= 2, found


def test_control_a_chart_above_that_grows_when_drawn_moves_the_linked_chart(browser, site_url):
    found = follow_link(browser, site_url, PLEDGE, "fig-the-pledge-caucus-waffle", PHONE,
                        strip_phone_heights=True)
    assert abs(found["top"] - found["margin"]) > 100, found


def normalise(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()


def test_printing_draws_every_chart_first(browser, site_url, tmp_path):
    from pypdf import PdfReader

    ctx, page = open_lazy(browser, f"{site_url}/{PLEDGE}")
    undrawn = [fid for fid, drawn in page.evaluate(DRAWN).items() if not drawn]
    assert undrawn, "every chart was drawn before printing: nothing to test"
    out = tmp_path / "page.pdf"
    page.pdf(path=str(out))  # Chromium prints as a reader's print does: beforeprint first
    assert all(page.evaluate(DRAWN).values())
    # what those charts say in their legends and labels is on paper
    texts = page.evaluate("""ids => ids.flatMap(id => [...document.querySelectorAll(
        `#${id} .legendtext, #${id} .annotation-text, #${id} .bartext`)].map(t => t.textContent))""", undrawn)
    ctx.close()
    printed = normalise(" ".join(p.extract_text() for p in PdfReader(out).pages))
    assert texts and [t for t in texts if normalise(t) not in printed] == []


def test_an_undrawn_chart_has_its_name_and_description_for_screen_readers(browser, site_url, built_site):
    """The figure is named by its title and described by its text alternative whether or not its
    chart is drawn yet: both are in the page's HTML, not in the drawing."""
    html = BeautifulSoup((built_site / NATIONAL).read_text(encoding="utf-8"), "html.parser")
    expected = {fig["id"]: ("figure", normalise(fig.select_one(".lc-title").get_text()),
                            normalise(fig.select_one(".lc-alt").get_text()))
                for fig in html.select("figure.lc-figure")}
    ctx, page = open_lazy(browser, f"{site_url}/{NATIONAL}")
    cdp = ctx.new_cdp_session(page)

    def exposed() -> dict:  # what Chromium gives assistive technology for each figure
        root = cdp.send("DOM.getDocument", {"depth": 0})["root"]["nodeId"]
        out = {}
        for fid in expected:
            node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": f"#{fid}"})["nodeId"]
            ax = cdp.send("Accessibility.getPartialAXTree",
                          {"nodeId": node, "fetchRelatives": False})["nodes"][0]
            out[fid] = (ax["role"]["value"], normalise(ax.get("name", {}).get("value", "")),
                        normalise(ax.get("description", {}).get("value", "")))
        return out

    undrawn = [fid for fid, drawn in page.evaluate(DRAWN).items() if not drawn]
    assert undrawn
    before = exposed()
    assert scroll_through(page) == []
    assert all(page.evaluate(DRAWN).values())
    assert before == exposed() == expected, json.dumps(before, indent=1)
    ctx.close()
