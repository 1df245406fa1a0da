"""Charts keep their height when the window changes size (a phone turned, a window narrowed).

The house height is fixed (420 px, stories/theme.py: an embedded chart must neither collapse
nor grow with its container); a figure may set its own. Measured in the browser on every chart
page (the survey's visit at 1280 px, tests/survey.py): at desktop width, at each narrower width the
window is dragged to (down to a phone's), and after widening again.
"""

from __future__ import annotations

import json

import pytest

from liberal_crisis.stories import theme
from survey import WIDTHS

pytestmark = pytest.mark.browser

HOUSE_HEIGHT = 420  # px (CONTRIBUTING: charts have a fixed height)


def declared_heights(path) -> dict[str, tuple[int, int]]:
    """{figure id: (the desktop form's height, the phone form's)}, read from the page."""
    from bs4 import BeautifulSoup

    page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    out = {}
    for script in page.select("script.lc-chart-data"):
        figure = script.find_parent("figure")
        desktop = int(json.loads(script.string).get("layout", {}).get("height") or HOUSE_HEIGHT)
        phone = figure.select_one("script.lc-chart-phone")
        small = json.loads(phone.string).get("layout", {}).get("height") if phone else None
        out[figure["id"]] = (desktop, int(small or desktop))
    return out


def test_charts_keep_their_height_when_the_window_is_resized(survey_pass, built_site):
    wrong, measured = [], 0
    viewport, others, _ = WIDTHS[1280]  # the survey's steps: desktop, narrower ..., and back
    widths = [v["width"] for v in (viewport, *others, viewport)]
    sizes = [f"{w} px" for w in widths[:-1]] + [f"{widths[-1]} px again"]
    steps = survey_pass(1280)["heights"]
    for rel, charts in steps.items():
        expected = declared_heights(built_site / rel)
        assert sorted(expected) == sorted(charts), rel  # every chart of the page was measured
        for chart, (desktop, phone) in expected.items():
            measured += 1
            # below the phone width a chart is drawn again in its phone form, at that form's height
            wanted = [phone if w < theme.PHONE_WIDTH else desktop for w in widths]
            wrong += [f"{rel}#{chart} at {size}: {got} px, not {height}"
                      for size, got, height in zip(sizes, charts[chart], wanted, strict=True)
                      if abs(got - height) > 1]
    assert measured >= 20
    assert wrong == [], "\n".join(wrong)
