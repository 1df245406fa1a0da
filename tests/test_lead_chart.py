"""The landing page opens with its lead chart: in the first screen on a laptop and a phone."""

from __future__ import annotations

import pytest

from test_browser import ALL_CHARTS_DRAWN

pytestmark = pytest.mark.browser

SCREENS = {"laptop": {"width": 1366, "height": 768}, "phone": {"width": 375, "height": 667}}
MIN_VISIBLE = 150  # px of the chart that must show without scrolling


@pytest.mark.parametrize("screen", sorted(SCREENS))
def test_landing_page_has_a_chart_in_its_first_screen(browser, site_url, screen):
    size = SCREENS[screen]
    page = browser.new_page(viewport=size)
    page.goto(f"{site_url}/book/index.html", wait_until="load")
    page.wait_for_function(ALL_CHARTS_DRAWN, timeout=15000)
    box = page.evaluate(
        "() => { const r = document.querySelector('.lc-chart').getBoundingClientRect();"
        " return {top: r.top, bottom: r.bottom, height: r.height, scrollY: window.scrollY}; }")
    page.close()
    assert box["scrollY"] == 0
    assert box["height"] > 200, box
    visible = min(box["bottom"], size["height"]) - max(box["top"], 0)
    assert visible >= MIN_VISIBLE, f"{screen}: only {visible:.0f} px of the lead chart in view"


def test_lead_chart_is_the_first_chart_so_the_link_preview(built_site):
    """site.sharing makes a page's first chart its og:image: the poll chart must come first."""
    html = (built_site / "book" / "index.html").read_text(encoding="utf-8")
    assert 'property="og:image"' in html
    first_figure = html[html.index('<figure class="lc-figure"'):][:200]
    assert 'id="fig-index-polls"' in first_figure
    alt = html[html.index('property="og:image:alt"'):][:400]
    assert "Liberal and Conservative poll lines" in alt


def test_link_previews_are_drawn_from_local_files_only():
    """kaleido draws the previews in a page of its own, whose default loads MathJax from a CDN:
    a request to another host at build time. The page the build gives it loads only files on
    this machine, the site's own plotly.js among them."""
    import re

    import kaleido
    import yaml

    from conftest import REPO
    from liberal_crisis.site.sharing import kaleido_options

    config = yaml.safe_load((REPO / "_config.yml").read_text(encoding="utf-8"))
    plotlyjs = REPO / config["sphinx"]["config"]["liberal_crisis_plotlyjs"]
    options = kaleido_options(plotlyjs)
    page = kaleido.PageGenerator(plotly=options["plotlyjs"], mathjax=options["mathjax"]).generate_index()
    sources = re.findall(r'<script src="([^"]+)"', page)
    assert str(plotlyjs) in sources, sources
    assert not [s for s in sources if re.match(r"(https?:)?//", s)], sources


@pytest.mark.parametrize("rel", ["book/index.html", "fr/book/index.html"])
def test_axis_titles_are_drawn_at_the_size_of_the_tick_labels(browser, site_url, rel):
    """A chart's axis titles are read like its ticks: the same size, not plotly's 1.2 times
    larger (the review of 7 December 2026 found "End of fieldwork" at 17 px over 14 px dates)."""
    page = browser.new_page(viewport={"width": 1366, "height": 800})
    page.goto(f"{site_url}/{rel}", wait_until="load")
    page.wait_for_function(ALL_CHARTS_DRAWN, timeout=15000)
    sizes = page.evaluate("""() => [...document.querySelectorAll('.lc-chart.js-plotly-plot')].map(el => {
        const size = sel => [...el.querySelectorAll(sel)].map(t => parseFloat(getComputedStyle(t).fontSize));
        return {id: el.id, titles: size('.g-xtitle text, .g-ytitle text'),
                ticks: size('.xtick text, .ytick text')}; })""")
    page.close()
    measured = [s for s in sizes if s["titles"] and s["ticks"]]
    assert measured, sizes  # the selectors found titles and ticks (else this would pass on anything)
    wrong = [s for s in measured if max(s["titles"]) > max(s["ticks"])]
    assert not wrong, wrong
