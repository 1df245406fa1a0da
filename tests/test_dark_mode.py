"""Everything that changes colour with the mode is readable in both modes, measured in the
browser against the page's real background (not a constant).

Text (chart titles, tick labels, axis titles, legends, annotations, hover labels, figure
captions, tables; data labels: text points and bar values, against the bar or marker under them
or else the page) needs a WCAG contrast ratio of at least 4.5. Lines a reader must see (axis
lines, zero lines, reference lines drawn as shapes) need at least 3. Gridlines are a reading
aid (every chart's numbers are also in the table under it): they must stay visible (at least
1.2) and stay quiet, below 3 and below the text, so a gridline left in the other mode's colour
(light grey on the dark page, or dark grey on the white one) fails. House style: CONTRIBUTING.md,
"Colours and contrast".

Each chart page is checked opened in light mode at 1280 px, switched to dark without a reload
(the theme button) and back to light, and opened in dark mode at 375 px and switched to light:
the survey's visits (tests/survey.py), shared with the layout checks.
"""

from __future__ import annotations

import pytest

from liberal_crisis.site.shots import chart_pages
from survey import contrast
from test_browser import ALL_CHARTS_DRAWN

pytestmark = pytest.mark.browser

TEXT_MIN, LINE_MIN, GRID_MIN, GRID_MAX = 4.5, 3.0, 1.2, 3.0


def failures(found, state):
    bad = []
    for item in found:
        r = item["ratio"]
        if item["kind"] in ("text", "hover", "label") and r < TEXT_MIN:
            bad.append((state, item, f"text below {TEXT_MIN}"))
        elif item["kind"] == "line" and r < LINE_MIN:
            bad.append((state, item, f"line below {LINE_MIN}"))
        elif item["kind"] == "grid" and not (GRID_MIN <= r < GRID_MAX):
            bad.append((state, item, f"gridline outside {GRID_MIN}..{GRID_MAX}"))
    return bad


def test_chart_pages_are_readable_in_both_modes(survey_pass, built_site):
    bad, kinds, hovers, states = [], set(), 0, set()
    for width in (1280, 375):  # every chart page opened in either mode and switched both ways
        for state, pages in survey_pass(width)["contrast"].items():
            assert len(pages) == len(chart_pages(built_site)), state
            states.add(state)
            for rel, (found, hovered) in pages.items():
                hovers += sum(hovered)
                kinds |= {item["kind"] for item in found}
                bad += [(rel, *b) for b in failures(found, f"{state} at {width} px")]
    assert {"opened light", "opened dark", "switched to dark", "switched to light",
            "switched back to light"} <= states, states
    # The probe really measured each kind of thing (a selector that matched nothing would pass).
    assert {"text", "grid", "line", "hover", "label"} <= kinds, kinds
    assert hovers > 0
    shown = "\n".join(f"{rel} [{state}] {item['kind']} {item['colour']} on {item['background']} "
                      f"= {item['ratio']} ({why}) in {item['where']}" for rel, state, item, why in bad[:30])
    assert bad == [], f"{len(bad)} colour(s) unreadable:\n{shown}"


def test_the_contrast_probe_catches_light_gridlines_on_the_dark_page(browser, site_url):
    """Control: the audit's miss (gridlines left rgb(229,229,229) on the dark page) fails."""
    page = browser.new_page(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    page.goto(f"{site_url}/book/toronto-st-pauls.html", wait_until="load")
    page.wait_for_function(ALL_CHARTS_DRAWN, timeout=15000)
    page.evaluate("""() => document.querySelectorAll('.lc-chart.js-plotly-plot').forEach(el =>
        window.Plotly.relayout(el, {'xaxis.gridcolor': '#E5E5E5', 'yaxis.gridcolor': '#E5E5E5'}))""")
    page.wait_for_timeout(200)
    found, _ = contrast(page)
    grid = [f for f in failures(found, "dark") if f[1]["kind"] == "grid"]
    assert grid and all(item["colour"] == "rgb(229, 229, 229)" for _, item, _ in grid), grid
    page.close()


def test_the_contrast_probe_measures_data_labels_against_what_is_behind_them(browser, site_url):
    """Control: a line's name planted in a faint colour on the page, and a value inside a bar in
    white on a bar seen through its opacity (black at 0.2 over white is light grey: white text
    would read 21:1 on the bar's own fill, 1.6:1 as drawn), are both caught."""
    page = browser.new_page(viewport={"width": 1280, "height": 900}, color_scheme="light")
    for rel, plant in (
            ("book/national-picture.html",
             "el.data.forEach((t, i) => t.mode === 'text' && Plotly.restyle(el, {'textfont.color': '#BBBBBB'}, [i]))"),
            ("book/confidence.html",
             "Plotly.restyle(el, {'marker.color': '#000000', 'marker.opacity': 0.2, 'textposition': 'inside', "
             "'textfont.color': '#FFFFFF', 'insidetextfont.color': '#FFFFFF'}, [0])")):
        page.goto(f"{site_url}/{rel}", wait_until="load")
        page.wait_for_function(ALL_CHARTS_DRAWN, timeout=15000)
        page.evaluate(f"""() => document.querySelectorAll('.lc-chart.js-plotly-plot').forEach(el => {{
            if (el.data.some(t => t.type === 'bar') === {'true' if 'confidence' in rel else 'false'}) {plant}; }})""")
        page.wait_for_timeout(200)
        found, _ = contrast(page)
        labels = [item for _, item, _ in failures(found, "light") if item["kind"] == "label"]
        if "confidence" in rel:  # measured on the bar as seen (204 = 255 - 0.2 * 255), not its fill
            assert labels and all(item["background"] == "rgb(204, 204, 204)" for item in labels), labels
        else:
            assert labels and all(item["colour"].startswith("rgba(187, 187, 187") for item in labels), labels
    page.close()


@pytest.mark.parametrize("edition", ["", "fr/"])
@pytest.mark.parametrize("system, chosen, expected", [
    ("dark", None, "dark"), ("light", None, "light"),  # no choice: the system's scheme
    ("dark", "light", "light"), ("light", "dark", "dark"),  # the reader's choice wins
])
def test_the_page_is_in_its_mode_from_the_first_paint(browser, site_url, edition, system, chosen, expected):
    """The theme's script that settles the mode is deferred (it runs once the page is parsed):
    held back here (and plotly.js, so the chart drawn at build time stays), the head alone must
    put the page and that drawing in the mode the reader will see, so that a dark system never
    gets a light page first."""
    page = browser.new_page(viewport={"width": 1280, "height": 800}, color_scheme=system)
    if chosen:
        page.add_init_script(f"localStorage.setItem('mode', '{chosen}')")
    page.route("**/pydata-sphinx-theme.js*", lambda route: route.abort())
    page.route("**/plotly.min.js*", lambda route: route.abort())  # keeps the build-time drawing
    page.goto(f"{site_url}/{edition}book/index.html", wait_until="domcontentloaded")
    theme = page.evaluate("document.documentElement.dataset.theme")
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    scheme = page.evaluate("getComputedStyle(document.querySelector('.lc-snapshot')).colorScheme")
    page.close()
    channels = [float(c) for c in background[background.index("(") + 1:-1].split(",")[:3]]
    assert theme == expected
    assert (sum(channels) / 765 < 0.3) == (expected == "dark"), background
    assert expected in scheme, scheme  # the build-time drawing's colours follow
