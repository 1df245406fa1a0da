"""axe-core's accessibility audit of every page, in light mode and switched to dark, in headless
Chromium (its own file: the audit is the slowest check of every page, and runs beside the
survey's in the other test process)."""

from __future__ import annotations

import pytest

from conftest import html_pages
from survey import switch
from test_reader import open_page

pytestmark = pytest.mark.browser


# A closed data table under a chart is not rendered nor in the accessibility tree, so axe has
# nothing to check in it, but walking national-picture's 35,000 hidden cells took axe several
# seconds a mode (excluding them by selector did not help: axe still walks them). They are
# taken out of the page before axe runs; the tables are checked opened, on one page, by the
# test after this one.
WITHOUT_CLOSED_TABLES = """() => document.querySelectorAll('details.lc-table:not([open]) table')
    .forEach(table => table.remove())"""


# What the mode changes is colour, not structure: in dark mode axe runs the rules that judge
# colours (the whole audit in light mode checks the rest: the same page, names and roles).
MODE_RULES = ["color-contrast", "link-in-text-block"]


def axe_both_modes(browser, url: str, opened_tables: bool = False) -> dict[str, list[dict]]:
    """axe's violations on one visit to ``url``: opened in light mode (every rule), then
    switched to dark (the theme button's attribute, no reload; the rules on colour)."""
    from axe_playwright_python.sync_playwright import Axe

    page = open_page(browser, url)
    if opened_tables:
        opened = page.evaluate("() => [...document.querySelectorAll('details.lc-table')]"
                               ".map(d => { d.open = true; }).length")
        assert opened >= 2, f"{url}: {opened} data tables"
    page.evaluate(WITHOUT_CLOSED_TABLES)
    found = {}
    for scheme in ("light", "dark"):
        if scheme == "dark":
            switch(page, "dark")  # colours measured once they have arrived
        options = {"resultTypes": ["violations"]}
        if scheme == "dark":
            options["runOnly"] = {"type": "rule", "values": MODE_RULES}
        found[scheme] = Axe().run(page, options=options).response["violations"]
    page.close()
    return found


def serious(violations: dict[str, list[dict]], where: str) -> list[str]:
    return [f"{where} [{scheme}]: {v['id']} {[n['target'] for n in v['nodes']][:3]}"
            for scheme, found in violations.items() for v in found
            if v["impact"] in ("serious", "critical")]


@pytest.fixture(scope="module")
def axe_results(browser, built_site, site_url) -> dict[str, dict[str, list[dict]]]:
    """{page: {"light" | "dark": violations}}, one visit per page."""
    return {rel: axe_both_modes(browser, f"{site_url}/{rel}")
            for rel in (p.relative_to(built_site).as_posix() for p in html_pages(built_site))}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations(axe_results, scheme):
    failures = [line for rel, found in axe_results.items()
                for line in serious({scheme: found[scheme]}, rel)]
    assert len(axe_results) >= 13
    assert failures == [], "\n".join(failures)


def test_opened_data_tables_have_no_serious_accessibility_violations(browser, site_url):
    """The tables under the charts, opened as a reader opens them, on a page with several."""
    found = axe_both_modes(browser, f"{site_url}/book/toronto-st-pauls.html", opened_tables=True)
    assert serious(found, "book/toronto-st-pauls.html [tables opened]") == []
