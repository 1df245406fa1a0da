"""Every page of the built site in headless Chromium: charts draw, nothing leaves 127.0.0.1,
no console error, no HTTP error (read from the survey's visits, tests/survey.py)."""

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


def charts_in_html(path) -> list[str]:
    """The chart containers a built page ships, read from its HTML (not from the browser)."""
    from bs4 import BeautifulSoup

    page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    charts = [el.get("id") for el in page.select(".lc-chart")]
    data = [el.get("data-target") for el in page.select("script.lc-chart-data")]
    assert sorted(charts) == sorted(data), f"{path.name}: a chart without its data, or data without a chart"
    return charts


def test_every_page_draws_its_charts_offline_without_errors(survey_pass, built_site):
    """Read from the survey's visits (tests/survey.py), which open every page anyway: at 1280 px
    in light mode, switched to dark and back, the window resized; at 375 px in dark, switched to
    light, turned sideways. On each: every chart the HTML ships is drawn once the page has
    loaded, and nothing, all the while the page was open, went to another host, wrote a console
    error or met an HTTP error."""
    pages = html_pages(built_site)
    expected_total, missing, problems = 0, [], []
    for width in (1280, 375):
        health = survey_pass(width)["health"]
        assert sorted(health) == sorted(p.relative_to(built_site).as_posix() for p in pages)
        for path in pages:
            rel = path.relative_to(built_site).as_posix()
            expected = charts_in_html(path)
            expected_total += len(expected)
            seen = health[rel]
            missing += [f"{rel}#{chart} at {width} px" for chart in expected if chart not in seen["drawn"]]
            errors = [e for e in seen["errors"] if not any(a in e for a in ALLOWED_CONSOLE)]
            for what, found in (("requested other hosts", seen["foreign"]),
                                ("console errors", errors), ("HTTP errors", seen["http"])):
                if found:
                    problems.append(f"{rel} at {width} px: {what}: {found}")
    assert missing == [], f"charts in the HTML that did not draw: {missing}"
    assert problems == [], "\n".join(problems)
    # Every chapter page of the story and the analysis has at least one chart.
    chart_pages = {p.stem for p in pages if charts_in_html(p)}
    assert {"toronto-st-pauls", "lasalle-emard-verdun", "the-pact", "confidence", "the-pledge",
            "national-picture", "aftermath", "what-if"} <= chart_pages, sorted(chart_pages)
    assert expected_total >= len(chart_pages)


def test_the_survey_records_each_kind_of_fault_on_the_page_that_has_it(browser, tmp_path):
    """Control for the check above: a page with a console error, an uncaught error, a missing
    file and a request to another host has each recorded against it, and a clean page visited
    after it has none."""
    from survey import watch

    from liberal_crisis.site.browser import serve

    (tmp_path / "bad.html").write_text(
        "<!doctype html><title>bad</title><img src='missing.png' alt=''>"
        "<img src='https://example.org/x.png' alt=''>"
        "<script>console.error('control error'); undefinedFunction();</script>", encoding="utf-8")
    (tmp_path / "good.html").write_text("<!doctype html><title>good</title><p>fine</p>",
                                        encoding="utf-8")
    with serve(tmp_path) as base:
        page = browser.new_page()
        health = watch(page)
        found = {}
        for name in ("bad", "good"):
            page.goto(f"{base}/{name}.html", wait_until="load")
            page.wait_for_timeout(200)  # the console messages arrive after the load event
            found[name] = health()
        page.close()
    bad = found["bad"]
    assert any("example.org" in url for url in bad["foreign"]), bad
    assert any("control error" in e for e in bad["errors"]), bad
    assert any("undefinedFunction" in e for e in bad["errors"]), bad
    assert any(h.startswith("404 ") and "missing.png" in h for h in bad["http"]), bad
    assert found["good"] == {"foreign": [], "errors": [], "http": []}, found


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


def test_an_opened_table_does_not_print_the_screen_reader_description(browser, site_url):
    """The text alternative names the table for screen readers; on screen the table's label
    is its toggle, so opening it must not print the description as a line (at 375 px it ran
    off the side)."""
    page = browser.new_page(viewport={"width": 375, "height": 740})
    page.goto(f"{site_url}/book/toronto-st-pauls.html", wait_until="load")
    table = page.locator("details.lc-table").first
    table.locator("summary").click()
    caption = table.locator("caption")
    assert caption.text_content().strip()  # still there for screen readers
    box = caption.bounding_box()
    assert box is None or (box["width"] <= 1 and box["height"] <= 1), box
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
