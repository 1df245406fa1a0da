"""The chart pages in a second engine: Debian's Firefox (firefox-esr), at 1366 and 375 px.

The other browser tests drive Chromium. Here ``tests/firefox/check.js`` drives Firefox over
WebDriver BiDi with puppeteer-core (its own small node package, ``tests/firefox/package.json``,
installed by ``make setup-test``; Playwright cannot drive a stock Firefox) and reports what a
reader would notice on every page with a chart: each chart drawn, plotly's tool bar hidden until
the pointer (or the keyboard) is on the chart, the page never scrolling sideways, no error on
the console. Firefox starts once for the whole file; about 50 s on 2 cores.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import REPO, html_pages

pytestmark = pytest.mark.browser

FIREFOX = os.environ.get("FIREFOX", "/usr/bin/firefox-esr")  # Debian's package, never a download
CHECK = REPO / "tests" / "firefox" / "check.js"
PUPPETEER = REPO / "tests" / "firefox" / "node_modules" / "puppeteer-core" / "package.json"
WIDTHS = (1366, 375)
DESKTOP = (1366,)  # a chart has a tool bar on a desktop only (on a phone it would hide the title)


def charts_in_html(path: Path) -> list[str]:
    """The chart containers a built page ships, read from its HTML (not from the browser)."""
    from bs4 import BeautifulSoup

    page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    return [el["id"] for el in page.select(".lc-chart")]


@pytest.fixture(scope="module")
def chart_pages(built_site) -> dict[str, list[str]]:
    pages = {p.relative_to(built_site).as_posix(): charts_in_html(p)
             for p in html_pages(built_site)}
    pages = {rel: ids for rel, ids in pages.items() if ids}
    assert len(pages) >= 8 and sum(map(len, pages.values())) >= 20, pages  # the book's charts
    return pages


@pytest.fixture(scope="module")
def firefox(chart_pages, site_url) -> dict:
    """{width: {page: what check.js found}} for every chart page at each of WIDTHS."""
    node = shutil.which("node")
    if node is None:
        pytest.fail("node not found: `make test` installs it (npm comes with it)")
    # Outside CI a machine without the set-up skips; under CI (tests/conftest.py) that fails.
    if not Path(FIREFOX).exists():
        pytest.skip(f"Firefox not found at {FIREFOX}: "
                    "`make setup-test` installs Debian's firefox-esr")
    if not PUPPETEER.exists():
        pytest.skip("puppeteer-core not installed in tests/firefox: run `make setup-test`")
    request = {"firefox": FIREFOX, "widths": list(WIDTHS), "desktop": list(DESKTOP),
               "pages": chart_pages}
    result = subprocess.run([node, str(CHECK), site_url], input=json.dumps(request),
                            capture_output=True, text=True, timeout=600, cwd=CHECK.parent)
    assert result.returncode == 0, result.stderr[-4000:]
    found = json.loads(result.stdout)
    assert found["version"].startswith("firefox/"), found["version"]
    views = {int(width): pages for width, pages in found["views"].items()}
    assert set(views) == set(WIDTHS) and all(set(v) == set(chart_pages) for v in views.values())
    return views


def each(views: dict, key: str) -> list[str]:
    """Every chart listed under ``key``, as "width page#chart", over every page and width."""
    return [f"{width} {rel}#{chart}" for width, pages in sorted(views.items())
            for rel, found in pages.items() for chart in found[key]]


def test_every_chart_is_drawn_in_firefox(firefox, chart_pages):
    missing = [f"{width} {rel}#{chart}" for width, pages in sorted(firefox.items())
               for rel, found in pages.items() for chart in chart_pages[rel]
               if chart not in found["drawn"]]
    assert missing == [], f"charts with no plot drawn in Firefox: {missing}"


def test_the_tool_bar_shows_only_on_hover_or_focus_in_firefox(firefox):
    problems = {
        "over the chart with the pointer elsewhere": each(firefox, "atRest"),
        "missing with the pointer on the chart": each(firefox, "hover"),
        "missing with one of its buttons focused": each(firefox, "focus"),
        "still shown after the pointer left the chart": each(firefox, "after"),
    }
    problems = {what: charts for what, charts in problems.items() if charts}
    assert problems == {}, "plotly's tool bar in Firefox:\n" + "\n".join(
        f"{what} ({len(charts)}): {', '.join(charts)}" for what, charts in problems.items())


def test_no_page_scrolls_sideways_in_firefox(firefox):
    wide = {f"{width} {rel}": found["overflow"] for width, pages in sorted(firefox.items())
            for rel, found in pages.items() if found["overflow"] > 0}
    assert wide == {}, f"pages that scroll sideways in Firefox (px): {wide}"


def test_no_console_errors_in_firefox(firefox):
    errors = {f"{width} {rel}": found["errors"] for width, pages in sorted(firefox.items())
              for rel, found in pages.items() if found["errors"]}
    assert errors == {}, f"console errors in Firefox: {errors}"
