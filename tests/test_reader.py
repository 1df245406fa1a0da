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
def test_no_page_scrolls_sideways_on_a_phone(survey_pass, built_site, scheme):
    measured = survey_pass(375)["pages"][scheme]  # every page, visited once (tests/survey.py)
    assert sorted(measured) == sorted(p.relative_to(built_site).as_posix() for p in html_pages(built_site))
    for rel, found in measured.items():
        assert found["overflow"] <= 0, f"{rel} scrolls sideways by {found['overflow']}px on a phone"
        assert all(w <= PHONE["width"] for w in found["chartRights"]), f"{rel}: a chart is wider than the screen"


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


def on_a_phone(survey_pass, key: str) -> list[str]:
    """The figures a page-level measure of the survey (survey.PAGE_PROBE) lists at phone
    width, in light and in dark mode."""
    found = survey_pass(375)["pages"]
    return [f"{rel} [{mode}]#{fig}" for mode in ("light", "dark")
            for rel, measures in found[mode].items() for fig in measures[key]]


def test_legends_never_cover_the_plot_on_a_phone(survey_pass):
    covered = on_a_phone(survey_pass, "legendOverPlot")
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


def test_chart_titles_fit_on_a_phone(survey_pass):
    cut = on_a_phone(survey_pass, "titlesOutside")
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


def test_the_page_probe_catches_a_wide_page_a_legend_on_the_plot_and_a_cut_title(browser, site_url):
    """Control for the survey's page-level measures (survey.PAGE_PROBE)."""
    from survey import PAGE_PROBE

    page = open_page(browser, f"{site_url}/book/toronto-st-pauls.html", viewport=PHONE)
    clean = page.evaluate(PAGE_PROBE)
    assert clean["overflow"] <= 0 and clean["legendOverPlot"] == [] and clean["titlesOutside"] == []
    shares = "fig-toronto-st-pauls-shares"  # a chart with a legend
    page.evaluate("""() => {
        const wide = document.createElement('div');
        wide.style.width = '900px'; wide.style.height = '10px';
        document.querySelector('article').appendChild(wide);
        const el = document.querySelector('#fig-toronto-st-pauls-shares .lc-chart');
        return Plotly.relayout(el, {'legend.yref': 'paper', 'legend.y': 0.5, 'legend.yanchor': 'middle',
                                    'legend.x': 0.3, 'title.text': 'A title far too long for a phone, '.repeat(3)});
    }""")
    found = page.evaluate(PAGE_PROBE)
    page.close()
    assert found["overflow"] > 0, found
    assert found["legendOverPlot"] == [shares] and found["titlesOutside"] == [shares], found


# --- Pages a reader can use: height, caption weight, tables in their column ---------------------

TALLEST = 40_000  # px at desktop width: the methods page was 103,364 px before it was split


def every_page(survey_pass, key: str, widths=(1280, 375)) -> list[str]:
    """What a list-valued page-level measure of the survey (survey.PAGE_PROBE) finds on every
    page, at each width, in light and dark mode."""
    return [f"{rel} [{width}, {mode}] {item}" for width in widths for mode in ("light", "dark")
            for rel, measures in survey_pass(width)["pages"][mode].items() for item in measures[key]]


def test_no_page_is_taller_than_40000_px_on_a_desktop(survey_pass):
    heights = {rel: found["height"] for rel, found in survey_pass(1280)["pages"]["light"].items()}
    tall = {rel: h for rel, h in heights.items() if h > TALLEST}
    assert tall == {}, f"pages taller than {TALLEST:,} px at 1280 px: {tall}"
    assert len(heights) >= 15 and min(heights.values()) > 500  # every page measured, drawn


def test_caption_and_table_text_is_at_least_regular_weight(survey_pass):
    """The theme sets figure captions in weight 300: under 16 px they render faint (about 2.9:1
    on white as anti-aliased), so the source line and "The numbers behind this chart" are
    regular weight (site.css); their contrast is measured by tests/test_dark_mode.py."""
    thin = every_page(survey_pass, "thinText")
    assert thin == [], f"{len(thin)} caption or table texts thinner than regular:\n" + "\n".join(thin)


def test_tables_fit_their_column_on_a_desktop_and_a_phone(survey_pass):
    """No table wider than the column, and none that fits only by scrolling inside a box (a
    column hidden until the reader scrolls it into view)."""
    wide = every_page(survey_pass, "tablesWide") + every_page(survey_pass, "tablesScrolled")
    assert wide == [], f"{len(wide)} tables past their column:\n" + "\n".join(wide)


def heavier_headings(pages: dict) -> list[str]:
    """Pages where a heading is set heavier than a heading of the level above it."""
    out = []
    for rel, found in pages.items():
        weights = found["headingWeights"]
        for upper, lower in (("h2", "h3"), ("h3", "h4")):
            if weights[upper] and weights[lower] and max(weights[lower]) > min(weights[upper]):
                out.append(f"{rel}: {lower} in {max(weights[lower])}, {upper} in {min(weights[upper])}")
    return out


def test_headings_are_never_heavier_than_the_level_above(survey_pass):
    """The theme set h3 in 600 under h2 in 500: a subsection looked more important than its
    section (site.css steps the weights down)."""
    pages = survey_pass(1280)["pages"]["light"]
    assert heavier_headings(pages) == []
    assert sum(bool(found["headingWeights"]["h3"]) for found in pages.values()) >= 3  # measured


def test_no_light_panel_on_a_dark_page(survey_pass):
    """In dark mode the theme set the book's HTML tables (what-if, confidence) on a pale grey
    panel (#cfd5dc) that glared around them."""
    panels = [p for p in every_page(survey_pass, "lightPanels") if "dark]" in p]
    assert panels == [], f"{len(panels)} light panels in dark mode:\n" + "\n".join(panels[:20])


def larger_headings(pages: dict) -> list[str]:
    """Pages where a heading is set larger than a heading of the level above it."""
    out = []
    for rel, found in pages.items():
        sizes = found["headingSizes"]
        for upper, lower in (("h1", "h2"), ("h2", "h3"), ("h3", "h4")):
            if sizes[upper] and sizes[lower] and max(sizes[lower]) > min(sizes[upper]):
                out.append(f"{rel}: {lower} in {max(sizes[lower])} px, {upper} in {min(sizes[upper])} px")
    return out


@pytest.mark.parametrize("width", [1280, 375])
def test_headings_are_never_larger_than_the_level_above(survey_pass, width):
    """On a phone the theme set every section head (h2, 34 px) larger than the page's title
    (h1, 29.6 px): the sections outranked the page (site.css steps the sizes down)."""
    for mode, pages in survey_pass(width)["pages"].items():
        assert larger_headings(pages) == [], mode
        assert sum(bool(found["headingSizes"]["h2"]) for found in pages.values()) >= 10  # measured


def test_the_page_probe_catches_a_tall_page_thin_captions_and_tables_past_the_column(browser, site_url):
    """Controls for the page-level measures above (survey.PAGE_PROBE): a page with a source line
    set in weight 300, a table wider than the column, a table in a narrow scroll box, and a
    block that makes the page 50,000 px tall."""
    from survey import PAGE_PROBE

    page = open_page(browser, f"{site_url}/book/the-pledge.html")
    clean = page.evaluate(PAGE_PROBE)
    assert clean["thinText"] == [] and clean["tablesWide"] == [] and clean["tablesScrolled"] == []
    assert 1000 < clean["height"] < TALLEST
    assert heavier_headings({"p": clean}) == [] and larger_headings({"p": clean}) == []
    page.evaluate("""() => {
        document.querySelector('figure .lc-source').style.fontWeight = '300';
        const h3 = document.createElement('h3');
        h3.textContent = 'A heavy subsection';
        h3.style.fontWeight = '700';
        h3.style.fontSize = '80px';
        document.querySelector('article section').appendChild(h3);
        const table = width => {
            const t = document.createElement('table');
            t.innerHTML = '<tr><th>Key</th><td>a value</td></tr>';
            t.style.width = width;
            return t;
        };
        const section = document.querySelector('article section');
        section.appendChild(table('2000px'));
        const box = document.createElement('div');
        box.style.cssText = 'overflow-x: auto; width: 200px';
        box.appendChild(table('600px'));
        section.appendChild(box);
        const tall = document.createElement('div');
        tall.style.height = '50000px';
        section.appendChild(tall);
    }""")
    found = page.evaluate(PAGE_PROBE)
    page.close()
    assert found["height"] > TALLEST, found["height"]
    assert heavier_headings({"p": found}) == [f"p: h3 in 700, h2 in {min(found['headingWeights']['h2'])}"]
    assert larger_headings({"p": found}) == [f"p: h3 in 80 px, h2 in {min(found['headingSizes']['h2'])} px"]
    assert any("(weight 300)" in t and "Source" in t for t in found["thinText"]), found["thinText"]
    assert [t.split(": ", 1)[1].split(" in a ")[0] for t in found["tablesWide"]] == [
        'table "Key": 2000 px'], found["tablesWide"]
    assert [t.split(": ", 1)[1] for t in found["tablesScrolled"]] == [
        'table "Key": 600 px in a scroll box'], found["tablesScrolled"]


def test_the_page_probe_catches_a_light_panel_and_a_chart_table_that_scrolls_on_a_phone(browser, site_url):
    """Controls: in dark mode the theme's light panel put back behind the what-if tables is
    caught; on a phone, the index timeline's data table drawn as a plain table (its event
    descriptions squeezed, its columns past the screen) is caught, and as cards it is not."""
    from survey import PAGE_PROBE

    page = open_page(browser, f"{site_url}/book/what-if.html", scheme="dark")
    page.evaluate("() => { document.documentElement.dataset.theme = 'dark'; }")
    assert page.evaluate(PAGE_PROBE)["lightPanels"] == []
    page.add_style_tag(content=".bd-content div.cell_output .text_html { background-color: #cfd5dc !important; }")
    found = page.evaluate(PAGE_PROBE)["lightPanels"]
    page.close()
    assert found and all("text_html" in p for p in found), found

    page = open_page(browser, f"{site_url}/book/index.html", viewport=PHONE)
    clean = page.evaluate(PAGE_PROBE)
    assert not [t for t in clean["tablesWide"] + clean["tablesScrolled"] if "index-timeline" in t]
    page.add_style_tag(content=".lc-table table, .lc-table tbody, .lc-table tr, .lc-table td, .lc-table thead "
                               "{ display: revert !important; position: static !important; }")
    found = page.evaluate(PAGE_PROBE)
    page.close()
    assert [t for t in found["tablesWide"] + found["tablesScrolled"] if "fig-index-timeline" in t], found


def test_no_word_is_broken_mid_word_on_a_phone(survey_pass):
    """Link titles in the bibliography broke mid-word beside their labels ("Jo|urnals"), and
    the corrections log's page names did in a table ("After|math")."""
    broken = every_page(survey_pass, "brokenWords", widths=(375,))
    assert broken == [], f"{len(broken)} words broken mid-word:\n" + "\n".join(broken[:20])


def test_the_page_probe_catches_a_word_broken_mid_word(browser, site_url):
    """Control: the bibliography's old style (titles allowed to break anywhere beside a floated
    label) is caught on a phone."""
    from survey import PAGE_PROBE

    page = open_page(browser, f"{site_url}/book/references.html", viewport=PHONE)
    assert page.evaluate(PAGE_PROBE)["brokenWords"] == []
    page.add_style_tag(content=".bd-article div.citation a { overflow-wrap: anywhere !important; }"
                               ".bd-article div.citation > span.label { float: left !important; width: 16em; }")
    found = page.evaluate(PAGE_PROBE)["brokenWords"]
    page.close()
    assert found, "a title broken beside a wide label was not caught"
