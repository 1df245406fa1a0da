"""Charts keep their height when the window changes size (a phone turned, a window narrowed).

The house height is fixed (420 px, stories/theme.py: an embedded chart must neither collapse
nor grow with its container); a figure may set its own. Measured in the browser on every chart
page: at desktop width, after narrowing to a phone, and after widening again.
"""

from __future__ import annotations

import json

import pytest

from conftest import html_pages
from test_browser import ALL_CHARTS_DRAWN

pytestmark = pytest.mark.browser

HOUSE_HEIGHT = 420  # px (CONTRIBUTING: charts have a fixed height)
SIZES = [("desktop", {"width": 1366, "height": 900}), ("phone", {"width": 375, "height": 740}),
         ("desktop again", {"width": 1366, "height": 900})]

HEIGHTS = """() => Object.fromEntries([...document.querySelectorAll('.lc-chart.js-plotly-plot')]
    .map(el => [el.id, Math.round(el.querySelector('.main-svg').getBoundingClientRect().height)]))"""


def declared_heights(path) -> dict[str, int]:
    from bs4 import BeautifulSoup

    page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    out = {}
    for script in page.select("script.lc-chart-data"):
        layout = json.loads(script.string).get("layout", {})
        out[script["data-target"]] = int(layout.get("height") or HOUSE_HEIGHT)
    return out


def test_charts_keep_their_height_when_the_window_is_resized(browser, built_site, site_url):
    wrong = []
    measured = 0
    for path in html_pages(built_site):
        expected = declared_heights(path)
        if not expected:
            continue
        rel = path.relative_to(built_site).as_posix()
        page = browser.new_page(viewport=SIZES[0][1])
        page.goto(f"{site_url}/{rel}", wait_until="load")
        page.wait_for_function(ALL_CHARTS_DRAWN, timeout=15000)
        for label, size in SIZES:
            page.set_viewport_size(size)
            page.wait_for_timeout(400)  # plotly's responsive resize is debounced
            got = page.evaluate(HEIGHTS)
            measured += len(got)
            wrong += [f"{rel}#{chart} at {label}: {got.get(chart)} px, not {height}"
                      for chart, height in expected.items() if abs((got.get(chart) or 0) - height) > 1]
        page.close()
    assert measured > 0
    assert wrong == [], "\n".join(wrong)
