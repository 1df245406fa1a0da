"""Every page of the built site in headless Chromium: charts draw, nothing leaves 127.0.0.1,
no console error, no HTTP error."""

from __future__ import annotations

import pytest

from conftest import html_pages
from liberal_crisis.site.browser import local_only

pytestmark = pytest.mark.browser

ALL_CHARTS_DRAWN = """() => [...document.querySelectorAll('.lc-chart')]
    .every(el => el.classList.contains('js-plotly-plot') && el.querySelector('.main-svg g.trace'))"""

# Console messages that are not errors of this site. Each entry says why it is harmless.
ALLOWED_CONSOLE = [
    # Chromium on a machine without a GPU reports its software fallback; not from the page.
    "Automatic fallback to software WebGL",
]


def visit(browser, url):
    """Open ``url``; return (page, other-host requests, console errors, HTTP errors)."""
    page = browser.new_page()
    errors, http_errors = [], []
    foreign = local_only(page)
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("response", lambda r: r.status >= 400 and http_errors.append(f"{r.status} {r.url}"))
    page.goto(url, wait_until="load")
    return page, foreign, errors, http_errors


def test_every_page_draws_its_charts_offline_without_errors(browser, built_site, site_url):
    pages = html_pages(built_site)
    charts_seen = 0
    for path in pages:
        rel = path.relative_to(built_site).as_posix()
        page, foreign, errors, http_errors = visit(browser, f"{site_url}/{rel}")
        page.wait_for_function(ALL_CHARTS_DRAWN, timeout=15000)
        charts_seen += page.locator(".lc-chart").count()
        errors = [e for e in errors if not any(a in e for a in ALLOWED_CONSOLE)]
        assert foreign == [], f"{rel} requested other hosts: {foreign}"
        assert errors == [], f"{rel} console errors: {errors}"
        assert http_errors == [], f"{rel} HTTP errors: {http_errors}"
        page.close()
    assert charts_seen >= 2


def test_toronto_page_draws_at_least_two_charts(browser, site_url):
    page, foreign, _, _ = visit(browser, f"{site_url}/book/toronto-st-pauls.html")
    page.wait_for_function(ALL_CHARTS_DRAWN, timeout=15000)
    drawn = page.evaluate(
        "() => [...document.querySelectorAll('.lc-chart')]"
        ".filter(el => el.querySelectorAll('.main-svg g.trace').length > 0).length"
    )
    assert drawn >= 2
    assert foreign == []
    page.close()


def test_the_offline_guard_catches_a_request_to_another_host(browser, site_url):
    """Control for the checks above: a page that asks another host is caught, not missed."""
    page = browser.new_page()
    foreign = local_only(page)
    page.goto(f"{site_url}/book/index.html", wait_until="load")
    page.evaluate("() => fetch('https://cdn.example.org/lib.js').catch(() => null)")
    page.wait_for_timeout(300)
    assert foreign == ["https://cdn.example.org/lib.js"]
    page.close()
