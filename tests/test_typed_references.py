"""References typed here, never read from the code: party colours, verdict marks, event dates.

Each value below is written from outside the code (the parties' own identity, the methods
page's verdict rules, the dated record of events), so that swapping two parties' colours in
``stories/theme.py``, two marks in ``first_report.VERDICTS`` or shifting an event's date by a
day in ``data/timeline.csv`` fails here, and again on the built pages (``@pytest.mark.build``).
The explorer's own drawing is checked against the same colours in ``tests/test_explorer.py``.
"""

from __future__ import annotations

import colorsys
import csv
import json
import re

import pytest
from bs4 import BeautifulSoup

from conftest import REPO
from liberal_crisis.stories import explorer_data as explorer, first_report, theme

# --- Party colours ------------------------------------------------------------------------------
#
# Each party's own colour, as its materials and signs show it (the parties' sites, and the
# party colours of Wikipedia's Canadian election articles, where readers meet them): Liberal red,
# Conservative navy, NDP orange, the Bloc's light blue, Green green, the People's Party's purple.
BRAND = {
    "LPC": "#D71920",
    "CPC": "#1A4782",
    "NDP": "#F58220",
    "BQ": "#33B2CC",
    "GPC": "#3D9B35",
    "PPC": "#6F5D9A",
}
# The book's palette: the same hues, tuned for contrast on white and near-black and for readers
# with a colour-vision deficiency (tests/test_colours.py measures that). Typed here so a swap
# fails even between two parties of similar hue (the Conservatives and the Bloc).
BOOK = {
    "LPC": "#D71920",  # Liberal red, as the party prints it
    "CPC": "#3C78C8",  # Conservative blue, lighter than the party's navy so it reads in dark mode
    "NDP": "#F58220",  # NDP orange, as the party prints it
    "BQ": "#12A4C4",  # Bloc light blue, a little deeper
    "GPC": "#2E7D32",  # Green, darker so it parts from orange under protanomaly
    "PPC": "#6A3FA0",  # People's Party purple, darker so it parts from blue under deuteranomaly
}
GREY = "#8C8C8C"  # independents, others, a tied riding


def hue(hex_colour: str) -> float:
    r, g, b = (int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5))
    return 360 * colorsys.rgb_to_hls(r, g, b)[0]


def hue_distance(a: str, b: str) -> float:
    d = abs(hue(a) - hue(b)) % 360
    return min(d, 360 - d)


def rgb(hex_colour: str) -> str:
    """'#D71920' -> 'rgb(215, 25, 32)', as the browser reports a fill."""
    return "rgb({}, {}, {})".format(*(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)))


def test_each_party_has_its_own_colour_in_the_theme():
    got = {code: theme.PARTY_COLOURS[code].upper() for code in BOOK}
    assert got == BOOK
    assert theme.colour("IND").upper() == theme.colour("OTH").upper() == GREY
    assert theme.colour("NO-SUCH-PARTY").upper() == GREY


def test_each_colour_is_nearest_in_hue_to_its_own_party():
    """A reader recognises the party: each colour's hue is closest to its own party's."""
    for code, colour in theme.PARTY_COLOURS.items():
        if code not in BRAND:
            continue
        nearest = min(BRAND, key=lambda other: hue_distance(colour, BRAND[other]))
        assert nearest == code, f"{code} is drawn in {colour}, which reads as {nearest}"


def test_the_templates_colour_order_is_the_parties_order():
    colourway = [c.upper() for c in theme.template().layout.colorway]
    assert colourway == [BOOK[c] for c in ("LPC", "CPC", "NDP", "BQ", "GPC", "PPC")]


def test_the_explorer_is_given_each_partys_colour():
    payload = explorer.build()
    given = {p["code"]: p["colour"].upper() for p in payload["parties"]}
    assert {code: given[code] for code in BOOK} == BOOK


def test_the_explorers_swatches_are_each_partys_colour():
    from liberal_crisis.site.explorer import markup

    swatches = dict(re.findall(r'<label for="lc-ex-v-(\w+)"><span class="lc-ex-swatch" '
                               r'style="background:(#[0-9A-Fa-f]{6})"', markup()))
    assert {code: colour.upper() for code, colour in swatches.items()} == BOOK


# --- Verdicts -----------------------------------------------------------------------------------
#
# The marks of the methods page's verdict rules (the first-report page prints mark and word).
MARKS = {
    "confirmed": "✓",
    "confirmed with a different number": "≈",
    "overtaken by events": "↻",
    "not borne out": "≠",
    "wrong": "✗",
    "cannot be verified": "?",
}


def test_each_verdict_has_its_mark():
    assert {verdict: mark for verdict, (mark, _) in first_report.VERDICTS.items()} == MARKS


def test_the_claims_table_gives_each_claim_its_verdicts_mark():
    import pandas as pd

    claims = pd.DataFrame({"claim_id": range(1, 7), "claim": ["c"] * 6, "record": ["r"] * 6,
                           "claimed_by": ["p"] * 6, "verdict": list(MARKS)})
    table = first_report.checked_table(claims, {})
    assert dict(zip(table["verdict"], table["mark"])) == MARKS


@pytest.mark.build
def test_the_first_report_page_shows_each_verdicts_mark(built_site):
    page = BeautifulSoup((built_site / "book" / "first-report.html").read_text(encoding="utf-8"),
                         "html.parser")
    rows = page.select("table.fr-table tbody tr")
    assert rows
    seen = set()
    for tr in rows:
        cell = tr.select_one(".fr-verdict")
        mark = cell.select_one("[aria-hidden=true]").get_text(strip=True)
        word = cell.get_text(" ", strip=True)[len(mark):].strip()
        assert word in MARKS, word
        assert mark == MARKS[word], (tr.th.get_text(strip=True), mark, word)
        seen.add(word)
    assert len(seen) >= 3  # the page uses several verdicts, so a swap between them shows


@pytest.mark.build
def test_the_methods_page_defines_each_verdict_with_its_mark(built_site):
    page = BeautifulSoup((built_site / "book" / "methods.html").read_text(encoding="utf-8"),
                         "html.parser")
    section = page.select_one("#first-report-verdicts") or page.find(id=re.compile("verdicts"))
    terms = [dt.get_text(" ", strip=True) for dt in section.find_all_next("dt")][:len(MARKS)]
    assert terms == [f"{mark} {verdict}" for verdict, mark in MARKS.items()]


# --- Dates of named events ----------------------------------------------------------------------
#
# (ISO date, as the book writes it, words of the event as the timeline has them)
EVENTS = [
    ("2024-06-24", "24 June 2024", "Toronto"),  # Toronto–St. Paul's by-election
    ("2024-09-04", "4 September 2024", "NDP ends the supply-and-confidence agreement"),
    ("2024-09-16", "16 September 2024", "LaSalle"),  # LaSalle–Émard–Verdun by-election
    ("2025-01-06", "6 January 2025", "Trudeau announces he will resign"),
    ("2025-04-28", "28 April 2025", "General election on the new 343-seat map"),
]


def dashes(text: str) -> str:
    """The page writes ridings with an en dash and typographic apostrophes; the CSV with '--'."""
    return text.replace("--", "–").replace("’", "'")


def test_the_timeline_dates_each_named_event():
    rows = list(csv.DictReader((REPO / "data" / "timeline.csv").open(encoding="utf-8")))
    for iso, _, words in EVENTS:
        dates = {r["date"] for r in rows if words in dashes(r["event"])}
        assert dates == {iso}, (words, dates)


def chart_figure(page: BeautifulSoup, name: str) -> dict:
    script = page.select_one(f'script.lc-chart-data[data-target="fig-{name}"]') or \
        page.select_one(f'#fig-{name} script.lc-chart-data')
    if script is None:  # the data script names its chart by the chart element's id
        div = page.select_one(f"#fig-{name} .lc-chart") or page.select_one(f'[id="fig-{name}"]')
        target = div.get("id") if div is not None else None
        script = page.select_one(f'script.lc-chart-data[data-target="{target}"]')
    assert script is not None, f"chart {name} not found"
    return json.loads(script.string)


def chart_table(page: BeautifulSoup, name: str) -> list[list[str]]:
    figure = page.find(id=f"fig-{name}")
    assert figure is not None, f"no #fig-{name} on the page"
    table = figure.find("table") or figure.find_next("table")
    return [[td.get_text(" ", strip=True) for td in tr.find_all(["td", "th"])]
            for tr in table.select("tbody tr")]


@pytest.fixture(scope="module")
def landing(built_site):
    return BeautifulSoup((built_site / "book" / "index.html").read_text(encoding="utf-8"),
                         "html.parser")


@pytest.mark.build
@pytest.mark.parametrize("iso, day, words", EVENTS)
def test_the_timeline_chart_shows_each_event_on_its_day(landing, iso, day, words):
    # The table under the chart, as a reader reads it
    rows = chart_table(landing, "index-timeline")
    on_day = [" ".join(r) for r in rows if r and r[0] == day]
    assert any(words in dashes(text) for text in on_day), (day, words, on_day)
    elsewhere = [r[0] for r in rows if any(words in dashes(c) for c in r[1:])]
    assert elsewhere == [day], (words, elsewhere)
    # The marker on the chart: its date and its hover text
    fig = chart_figure(landing, "index-timeline")
    trace = fig["data"][0]
    hits = [x for x, custom in zip(trace["x"], trace["customdata"])
            if words in dashes(custom[0])]
    assert [str(x)[:10] for x in hits] == [iso], (words, hits)


# The lead chart's numbered marks for the same events, with the labels the chart gives them.
LEAD_MARKS = {
    "24 June 2024": "Liberals lose Toronto–St. Paul’s",
    "4 September 2024": "NDP ends the supply-and-confidence agreement",
    "16 September 2024": "Liberals lose LaSalle–Émard–Verdun",
    "6 January 2025": "Trudeau announces he will resign",
    "28 April 2025": "General election",
}


@pytest.mark.build
def test_the_lead_chart_numbers_each_event_on_its_day(landing):
    rows = chart_table(landing, "index-polls")
    marks = {r[0]: r[-1] for r in rows if r and r[-2].strip().isdigit()}  # Number, Label
    for day, label in LEAD_MARKS.items():
        assert marks.get(day) == label, (day, label, marks.get(day))
    # On the chart: the numbered markers and their dotted lines sit on the same days
    fig = chart_figure(landing, "index-polls")
    events = next(t for t in fig["data"] if t.get("name") == "Events")
    drawn = {str(x)[:10] for x in events["x"]}
    lines = {str(s["x0"])[:10] for s in fig["layout"].get("shapes", []) if s.get("xref") == "x"}
    for iso, _, _ in EVENTS:
        assert iso in drawn and iso in lines, iso


# The same events as the poll charts draw them (stories.poll_average), without a build: the
# badge, its dotted line and the key under the chart each on the event's own day.
def test_the_poll_chart_draws_each_event_on_its_day():
    import pandas as pd

    from liberal_crisis.stories import poll_average as pav

    typed = [("2024-06-24", "24 June 2024", "Liberals lose Toronto–St. Paul’s"),
             ("2024-09-04", "4 September 2024", "NDP ends the agreement"),
             ("2025-01-06", "6 January 2025", "Trudeau announces he will resign")]
    events = pav.number_events(pd.DataFrame({
        "date": pd.to_datetime([iso for iso, _, _ in reversed(typed)]),
        "label": [label for _, _, label in reversed(typed)]}))
    polls = pd.DataFrame({"end_date": pd.date_range("2024-05-01", "2025-02-01", freq="2D")})
    polls = pd.concat([polls.assign(party_code="LPC", share_pct=25.0),
                       polls.assign(party_code="CPC", share_pct=40.0)], ignore_index=True)
    curves = pav.smoothed(polls, ["LPC", "CPC"])
    fig = pav.figure(curves, ["LPC", "CPC"], events, title="t", y_range=[0, 50],
                     x_range=["2024-05-01", "2025-02-01"])
    badges = next(t for t in fig.data if t.name == "Events")
    assert [str(x)[:10] for x in badges.x] == [iso for iso, _, _ in typed]
    assert [str(t) for t in badges.text] == ["1", "2", "3"]
    lines = sorted(str(s.x0)[:10] for s in fig.layout.shapes if s.xref == "x")
    assert lines == [iso for iso, _, _ in typed]
    assert pav.event_key(events).splitlines() == [
        f"{n}. {day}: {label}" for n, (_, day, label) in enumerate(typed, start=1)]
