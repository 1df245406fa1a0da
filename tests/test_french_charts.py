"""The French edition's charts on a phone (375 px), in headless Chromium: the layout checks of
tests/test_chart_layout.py and tests/test_reader.py, on the French pages.

The survey (tests/survey.py) measures the English pages only. The French charts are drawn from
the same code with longer words, which broke four of them on phones while their English forms
passed (the French review of 7 December 2026: ticks « Élections générales de 2015 » touching
their neighbours, an axis title and a panel title cut at the chart's edge). One visit per French
chart page, at 375 px (``survey.visit_french_chart_pages``), takes every measure:

- no text of a chart collides with other text or is struck by a line, runs past the chart or
  the window, is turned, is a broken value, sits over a bar it does not label, breaks a number,
  or is cut at the plot's edge; no plot under half its chart (``shots.LAYOUT_PROBE``: every
  problem it reports, as the English tests each assert one kind);
- no page scrolls sideways, no chart is wider than the screen, no legend covers the plot, no
  chart or axis title runs past the chart (``survey.CHART_PAGE_PROBE``).
"""

from __future__ import annotations

import re

import pytest

from survey import visit_french_chart_pages
from test_chart_layout import OPEN

pytestmark = pytest.mark.browser

PHONE_WIDTH = 375
FIGURE_ID = re.compile(r'<figure class="lc-figure" id="([^"]+)"')  # as the extension writes it


@pytest.fixture(scope="module")
def french_phone(browser, built_site, site_url) -> dict:
    return visit_french_chart_pages(browser, built_site, site_url)


def test_french_chart_text_fits_on_a_phone(french_phone):
    problems = [f"{rel}#{chart['id']}: {problem}"
                for rel, found in french_phone.items() for chart in found["charts"]
                if chart["id"] not in OPEN for problem in chart["problems"]]
    assert problems == [], (f"{len(problems)} layout problems in French charts at 375 px:\n"
                            + "\n".join(problems))


def test_french_chart_pages_fit_a_phone(french_phone):
    found = []
    for rel, page in french_phone.items():
        if page["overflow"] > 0:
            found.append(f"{rel}: scrolls sideways by {page['overflow']} px")
        found += [f"{rel}: a chart reaches {right:.0f} px" for right in page["chartRights"]
                  if right > PHONE_WIDTH]
        found += [f"{rel}#{fid}: legend over the plot" for fid in page["legendOverPlot"]]
        found += [f"{rel}#{fid}: chart or axis title past the chart" for fid in page["titlesOutside"]]
    assert found == [], "French chart pages on a phone:\n" + "\n".join(found)


def test_every_french_chart_is_checked_in_its_phone_form(french_phone, built_site):
    """Control: the check reaches every chart of the French edition (the same figures as the
    English pages'), on the French pages, each drawn in its phone form."""
    from liberal_crisis.site.shots import chart_pages

    english = set()
    for rel in chart_pages(built_site):  # the figures' tags, read without parsing the page
        ids = FIGURE_ID.findall((built_site / rel).read_text(encoding="utf-8"))  # (8 s with bs4)
        english |= {f"fr/{rel}#{fid}" for fid in ids}
    measured = {f"{rel}#{c['id']}": c["form"] for rel, found in french_phone.items()
                for c in found["charts"]}
    assert set(measured) == english and len(english) >= 20
    assert set(measured.values()) == {"phone"}
