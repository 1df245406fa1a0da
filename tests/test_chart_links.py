"""A link to every chart: a stable anchor per chart, and a "Link to this chart" control.

An anchor is ``fig-`` and the chart's name (the name of its CSV), so it depends on nothing that
changes when the data does; names are unique in the book (the build stops otherwise). Links
already given out must keep working: PUBLISHED lists them.
"""

from __future__ import annotations

from collections import Counter

import pytest
from bs4 import BeautifulSoup

from conftest import html_pages, jupyter_book

# Every chart address of the book as published (page, anchor). A chart may be added; one of
# these may not disappear or move, since readers have linked to it. Renaming a chart breaks
# its links: keep the old name, or say so in the corrections log and update this list.
PUBLISHED = [
    ("book/aftermath.html", "fig-aftermath-cloverdale-shares"),
    ("book/aftermath.html", "fig-aftermath-leadership-points"),
    ("book/aftermath.html", "fig-aftermath-seats-2021-2025"),
    ("book/aftermath.html", "fig-aftermath-vote-shares-2021-2025"),
    ("book/aftermath.html", "fig-aftermath-retaken-ridings"),
    ("book/confidence.html", "fig-confidence-tallies"),
    ("book/confidence.html", "fig-confidence-party-positions"),
    ("book/lasalle-emard-verdun.html", "fig-lasalle-emard-verdun-2024-result"),
    ("book/lasalle-emard-verdun.html", "fig-lasalle-emard-verdun-share-change"),
    ("book/lasalle-emard-verdun.html", "fig-lasalle-emard-verdun-shares"),
    ("book/lasalle-emard-verdun.html", "fig-lasalle-emard-verdun-elmwood-transcona"),
    ("book/national-picture.html", "fig-national-picture-polls"),
    ("book/national-picture.html", "fig-national-picture-lead"),
    ("book/national-picture.html", "fig-national-picture-coverage"),
    ("book/national-picture.html", "fig-national-picture-final-week"),
    ("book/the-pact.html", "fig-the-pact-liberal-seats"),
    ("book/the-pact.html", "fig-the-pact-partners"),
    ("book/the-pledge.html", "fig-the-pledge-reported-counts"),
    ("book/the-pledge.html", "fig-the-pledge-thresholds"),
    ("book/the-pledge.html", "fig-the-pledge-caucus-waffle"),
    ("book/toronto-st-pauls.html", "fig-toronto-st-pauls-2024-result"),
    ("book/toronto-st-pauls.html", "fig-toronto-st-pauls-shares"),
    ("book/toronto-st-pauls.html", "fig-toronto-st-pauls-winners"),
    ("book/what-if.html", "fig-what-if-swings"),
    ("book/what-if.html", "fig-what-if-seats"),
    ("book/what-if.html", "fig-what-if-defences"),
]


def _figures(built_site):
    for path in html_pages(built_site):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for figure in page.select("figure.lc-figure"):
            yield path.relative_to(built_site).as_posix(), page, figure


@pytest.mark.build
def test_every_chart_has_an_anchor_named_after_it_and_a_link_to_it(built_site):
    seen = 0
    for rel, _, figure in _figures(built_site):
        seen += 1
        # The chart's name, as its CSV download gives it.
        csv = figure.select_one("a.lc-csv")["href"].rsplit("/", 1)[-1]
        assert csv.endswith(".csv")
        assert figure["id"] == "fig-" + csv[: -len(".csv")], (rel, figure["id"], csv)
        link = figure.select_one("a.lc-link")
        assert link is not None, f"{rel}#{figure['id']} has no link to itself"
        assert link["href"] == "#" + figure["id"]
        assert link.get_text(strip=True) == "Link to this chart"
    assert seen >= 20


@pytest.mark.build
def test_anchors_are_unique_in_the_book_and_on_every_page(built_site):
    anchors = Counter(figure["id"] for _, _, figure in _figures(built_site))
    assert [a for a, n in anchors.items() if n > 1] == []
    for path in html_pages(built_site):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        ids = Counter(el["id"] for el in page.select("[id]"))
        assert [i for i, n in ids.items() if n > 1] == [], path.name


@pytest.mark.build
def test_published_chart_links_still_lead_to_their_chart(built_site):
    present = {(rel, figure["id"]) for rel, _, figure in _figures(built_site)}
    assert [p for p in PUBLISHED if p not in present] == []


CHART_PAGE = """# Anchor

```{code-cell} ipython3
import pandas as pd
import plotly.graph_objects as go
from liberal_crisis.stories import charts, theme
theme.setup()
df = pd.DataFrame({"party_code": ["LPC", "CPC"], "seats": [SEATS, 119]})
fig = go.Figure(go.Bar(x=df.party_code, y=df.seats))
fig.update_layout(title="Liberals ahead", xaxis_title="Party", yaxis_title="Seats")
charts.present(fig, name="anchor-check", data=df, resources=["parties"], alt="Two bars.")
```
"""


@pytest.mark.build
def test_an_anchor_stays_the_same_when_the_data_change(fixture_book, tmp_path):
    """Two builds of a chart whose numbers differ: the chart changes, its address does not."""
    found = []
    for run, seats in (("a", 153), ("b", 160)):
        book = fixture_book(CHART_PAGE.replace("SEATS", str(seats)))
        result = jupyter_book(book, tmp_path / run)
        assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
        html = (tmp_path / run / "_build" / "html" / "book" / "page.html").read_text(encoding="utf-8")
        figure = BeautifulSoup(html, "html.parser").select_one("figure.lc-figure")
        found.append((figure["id"], figure.select_one("a.lc-link")["href"],
                      figure.select_one("script.lc-chart-data").get_text()))
        (book.parent / "book").rename(book.parent / f"book-{run}")  # the next run gets a fresh book
    (id_a, href_a, data_a), (id_b, href_b, data_b) = found
    assert id_a == id_b == "fig-anchor-check"
    assert href_a == href_b == "#fig-anchor-check"
    assert data_a != data_b  # the control: the two charts really differ


@pytest.mark.build
def test_two_charts_with_one_name_stop_the_build(fixture_book, tmp_path):
    cell = CHART_PAGE.replace("SEATS", "153").split("\n", 1)[1]
    book = fixture_book("# Twice\n" + cell + cell.replace("153", "154"))
    result = jupyter_book(book, tmp_path / "out")
    assert result.returncode != 0
    assert "chart names must be unique" in result.stdout + result.stderr
    assert "'anchor-check'" in result.stdout + result.stderr


# --- In the browser ---------------------------------------------------------------------------

PAGE = "book/the-pact.html"
ANCHOR = "fig-the-pact-partners"


def _open(browser, site_url, **context):
    ctx = browser.new_context(viewport={"width": 375, "height": 740}, **context)
    page = ctx.new_page()
    page.goto(f"{site_url}/{PAGE}", wait_until="load")
    return ctx, page


@pytest.mark.browser
def test_the_link_control_copies_the_chart_address_by_keyboard(browser, site_url):
    ctx, page = _open(browser, site_url, permissions=["clipboard-read", "clipboard-write"])
    link = page.locator(f"#{ANCHOR} a.lc-link")
    link.focus()
    page.keyboard.press("Enter")
    status = page.locator(f"#{ANCHOR} .lc-link-status")
    status.filter(has_text="Link copied").wait_for(timeout=5000)
    assert page.evaluate("navigator.clipboard.readText()") == f"{site_url}/{PAGE}#{ANCHOR}"
    assert page.evaluate("location.hash") == f"#{ANCHOR}"
    box = link.bounding_box()
    assert box["height"] >= 24 and box["x"] + box["width"] <= 375  # a tap target, on screen
    ctx.close()


@pytest.mark.browser
def test_without_a_clipboard_the_address_is_shown_selected(browser, site_url):
    ctx, page = _open(browser, site_url)
    page.evaluate("""() => {
        Object.defineProperty(navigator, 'clipboard', {value: undefined, configurable: true});
        document.execCommand = () => false; }""")
    page.locator(f"#{ANCHOR} a.lc-link").click()
    field = page.locator(f"#{ANCHOR} input.lc-link-url")
    field.wait_for(timeout=5000)
    assert field.input_value() == f"{site_url}/{PAGE}#{ANCHOR}"
    assert page.evaluate("document.activeElement.classList.contains('lc-link-url')")
    assert page.evaluate("(() => { const f = document.activeElement; "
                         "return f.selectionEnd - f.selectionStart === f.value.length; })()")
    ctx.close()


@pytest.mark.browser
def test_opening_a_chart_link_shows_the_chart_below_the_header(browser, site_url):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    page = ctx.new_page()
    page.goto(f"{site_url}/{PAGE}#{ANCHOR}", wait_until="load")
    page.wait_for_function(f"() => document.querySelector('#{ANCHOR} .main-svg')")
    top = page.evaluate(f"document.getElementById('{ANCHOR}').getBoundingClientRect().top")
    header = page.evaluate("Math.max(...[...document.querySelectorAll('.bd-header, .bd-header-article')]"
                           ".map(h => h.getBoundingClientRect().bottom), 0)")
    assert header <= top < 900 / 2, (header, top)
    ctx.close()
