"""What readers see: dark mode, phones, and accessibility, in headless Chromium."""

from __future__ import annotations

import pytest

from conftest import html_pages
from test_browser import ALL_CHARTS_DRAWN

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}
# Chart text plotly draws (tick labels): its fill follows the page's mode.
TITLE_FILL = "() => [...document.querySelectorAll('.lc-chart .xtick text')].map(t => t.style.fill)"


def open_page(browser, url, viewport=DESKTOP, scheme="light"):
    page = browser.new_page(viewport=viewport, color_scheme=scheme, has_touch=viewport is PHONE)
    page.goto(url, wait_until="load")
    page.wait_for_function(ALL_CHARTS_DRAWN, timeout=15000)
    return page


def luminance(css_colour: str) -> float:
    channels = [float(c) for c in css_colour[css_colour.index("(") + 1:-1].split(",")[:3]]
    return sum(channels) / (3 * 255)


def test_charts_follow_dark_mode(browser, site_url):
    page = open_page(browser, f"{site_url}/book/toronto-st-pauls.html", scheme="dark")
    assert page.evaluate("document.documentElement.dataset.theme") == "dark"
    fills = page.evaluate(TITLE_FILL)
    assert fills and all(luminance(f) > 0.7 for f in fills), fills  # light text on dark
    backgrounds = page.evaluate(
        "() => [...document.querySelectorAll('.lc-chart .main-svg')].map(s => s.style.background)")
    assert all(b in ("", "transparent", "rgba(0, 0, 0, 0)") for b in backgrounds), backgrounds
    page.close()


def test_charts_follow_the_theme_switch_without_reload(browser, site_url):
    page = open_page(browser, f"{site_url}/book/toronto-st-pauls.html")
    assert all(luminance(f) < 0.3 for f in page.evaluate(TITLE_FILL))
    page.evaluate("document.documentElement.dataset.theme = 'dark'")
    page.wait_for_function(
        "() => [...document.querySelectorAll('.lc-chart .xtick text')]"
        ".every(t => t.style.fill.includes('230'))", timeout=5000)
    page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_page_scrolls_sideways_on_a_phone(browser, built_site, site_url, scheme):
    for path in html_pages(built_site):
        rel = path.relative_to(built_site).as_posix()
        page = open_page(browser, f"{site_url}/{rel}", viewport=PHONE, scheme=scheme)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{rel} scrolls sideways by {overflow}px on a phone"
        widths = page.evaluate(
            "() => [...document.querySelectorAll('.lc-chart')].map(c => c.getBoundingClientRect().right)")
        assert all(w <= PHONE["width"] for w in widths), f"{rel}: a chart is wider than the screen"
        page.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations(browser, built_site, site_url, scheme):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    failures = []
    for path in html_pages(built_site):
        rel = path.relative_to(built_site).as_posix()
        page = open_page(browser, f"{site_url}/{rel}", scheme=scheme)
        results = axe.run(page)
        for violation in results.response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                nodes = [n["target"] for n in violation["nodes"]][:3]
                failures.append(f"{rel} [{scheme}]: {violation['id']} {nodes}")
        page.close()
    assert failures == [], "\n".join(failures)


def test_every_page_has_one_h1(built_site):
    from bs4 import BeautifulSoup

    for path in html_pages(built_site):
        if path.name in ("genindex.html", "search.html"):
            continue
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for hidden in page.select(".onlyprint"):  # the theme's print-only header repeats the title
            hidden.decompose()
        h1s = page.find_all("h1")
        assert len(h1s) == 1, f"{path.name} has {len(h1s)} h1 elements on screen"


LEGEND_OVERLAPS = """() => [...document.querySelectorAll('.lc-chart')].flatMap(chart => {
    const plot = chart.querySelector('.nsewdrag');  // the plotting area
    const legend = chart.querySelector('.legend');
    if (!plot || !legend) return [];
    const a = plot.getBoundingClientRect(), b = legend.getBoundingClientRect();
    const overlap = Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) *
                    Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));
    return overlap > 0 ? [chart.closest('figure').id] : [];
})"""


def on_every_chart_page(browser, built_site, site_url, probe: str) -> list[str]:
    """Run a JS ``probe`` (returning figure ids) on every chart page at phone size."""
    found = []
    for path in html_pages(built_site):
        if 'class="lc-chart"' not in path.read_text(encoding="utf-8"):
            continue
        rel = path.relative_to(built_site).as_posix()
        page = open_page(browser, f"{site_url}/{rel}", viewport=PHONE)
        found += [f"{rel}#{fig}" for fig in page.evaluate(probe)]
        page.close()
    return found


def test_legends_never_cover_the_plot_on_a_phone(browser, built_site, site_url):
    covered = on_every_chart_page(browser, built_site, site_url, LEGEND_OVERLAPS)
    assert covered == [], f"legends over the data on a phone: {covered}"


def test_tapping_a_bar_shows_its_value_on_a_phone(browser, site_url):
    page = open_page(browser, f"{site_url}/book/toronto-st-pauls.html", viewport=PHONE)
    bar = page.locator(".lc-chart").first.locator("g.point path").last  # the longest bar
    bar.scroll_into_view_if_needed()
    box = bar.bounding_box()
    # A tap lands on plotly's event layer above the bar, as a finger would.
    page.touchscreen.tap(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_selector(".lc-chart .hoverlayer .hovertext", timeout=5000)
    assert "votes" in page.locator(".lc-chart .hoverlayer .hovertext").first.text_content()
    page.close()


TITLES_OUTSIDE = """() => [...document.querySelectorAll('.lc-chart')].flatMap(chart => {
    const box = chart.getBoundingClientRect();
    return [...chart.querySelectorAll('.gtitle, .g-xtitle text')]
        .filter(t => { const r = t.getBoundingClientRect();
                       return r.left < box.left - 1 || r.right > box.right + 1; })
        .map(() => chart.closest('figure').id);
})"""


def test_chart_titles_fit_on_a_phone(browser, built_site, site_url):
    cut = on_every_chart_page(browser, built_site, site_url, TITLES_OUTSIDE)
    assert cut == [], f"chart or axis titles cut off on a phone: {cut}"


def test_search_from_a_chapter_finds_a_name_only_in_chart_data(browser, site_url):
    # Chapter pages no longer load the search index; the theme's dialog hands the query to
    # search.html, which must still find a candidate named only in a chart's table.
    page = open_page(browser, f"{site_url}/book/toronto-st-pauls.html")
    assert page.evaluate("typeof Search") == "undefined"
    page.locator(".search-button__button").first.click()
    box = page.locator("#pst-search-dialog input[name=q]")
    box.fill("Cullis")
    box.press("Enter")
    page.wait_for_url("**/search.html?q=Cullis*")
    hits = page.locator("#search-results ul.search li a")
    hits.first.wait_for(timeout=15000)
    assert any("toronto-st-pauls" in (hits.nth(i).get_attribute("href") or "")
               for i in range(hits.count()))
    page.close()


def test_code_blocks_keep_their_copy_button(browser, site_url):
    page = open_page(browser, f"{site_url}/book/run-it-yourself.html")
    page.wait_for_selector("div.highlight button.copybtn", state="attached", timeout=5000)
    page.close()
