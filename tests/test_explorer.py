"""The swing explorer on the what-if page: its data, one rule in two languages, and readers.

- Its JSON against the data package, computed here from the CSVs without the explorer module.
- ``window.swingExplorer.seats`` (JS) against ``liberal_crisis.analysis.projection.project``
  (Python) on many random swings (seeded), on swings built to land on ties, and on the chapter's
  eight illustrations (``swing_illustrations.seat_scenarios``), chosen through the page's own menu.
- Keyboard alone, a phone, dark mode, axe, no JavaScript, no other host.
"""

from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd
import pytest

from liberal_crisis import data
from liberal_crisis.analysis.projection import project
from liberal_crisis.site.browser import local_only
from liberal_crisis.stories import explorer_data as explorer, swing_illustrations

PAGE = "book/what-if.html"
PARTIES = ["LPC", "CPC", "NDP", "BQ", "GPC", "PPC"]
NAMES = {"LPC": "Liberal", "CPC": "Conservative", "NDP": "NDP", "BQ": "Bloc Québécois",
         "GPC": "Green", "PPC": "People's Party"}
#: How the page's sentence names each party ("Conservatives 237 seats"), typed here.
PLURAL = {"LPC": "Liberals", "CPC": "Conservatives", "NDP": "NDP", "BQ": "Bloc Québécois",
          "GPC": "Greens", "PPC": "People’s Party"}


@pytest.fixture(scope="module")
def votes():
    return data.load("ge2021_riding_votes")


@pytest.fixture(scope="module")
def tsp() -> int:
    """Toronto--St. Paul's riding number, from the ridings file."""
    ridings = data.load("ge2021_ridings")
    return int(ridings.loc[ridings["riding"] == "Toronto--St. Paul's", "riding_number"].item())


@pytest.fixture(scope="module")
def payload():
    return explorer.build()


def nonzero(seats: dict) -> dict:
    return {k: int(v) for k, v in seats.items() if v}


# --------------------------------------------------------------------------------------------
# The data file (no browser)
# --------------------------------------------------------------------------------------------

def test_payload_holds_every_2021_vote(payload, votes):
    assert len(payload["ridings"]) == votes["riding_number"].nunique() == payload["seats"]
    assert payload["majority"] == payload["seats"] // 2 + 1
    got = {(r["n"], code): v for r in payload["ridings"] for code, v in r["votes"]}
    want = {(int(n), c): int(v) for n, c, v in votes[["riding_number", "party_code", "votes"]]
            .itertuples(index=False)}
    assert got == want


def test_payload_names_each_party_for_the_sentence(payload):
    plural = {p["code"]: p["plural"] for p in payload["parties"]}
    assert {c: plural[c] for c in PLURAL} == PLURAL
    assert plural["IND"] == "Independents"
    # a party with no reader-facing forms keeps its name from data/parties.csv
    assert plural["APP"] == "Animal Protection Party of Canada"


def test_payload_names_ridings_like_the_book(payload, tsp):
    names = {r["n"]: r["name"] for r in payload["ridings"]}
    assert names[tsp] == "Toronto–St. Paul’s"  # an en dash and a typographic apostrophe, as in the chapters
    assert all("--" not in n for n in names.values())


def test_byelection_presets_are_the_chapters_swings(payload):
    results, base = data.load("byelection_results_2024"), data.load("ge2021_riding_votes")
    swings = swing_illustrations.byelection_swings(results, base)
    presets = {p["riding"]: p for p in payload["presets"] if "riding" in p}
    assert set(presets) == set(swings["riding"])
    for riding, g in swings.groupby("riding"):
        g = g[g["party_code"].isin(PARTIES)].set_index("party_code")
        assert presets[riding]["uniform"] == pytest.approx(
            (g["after_pct"] - g["before_pct"]).to_dict(), abs=0)
        assert presets[riding]["proportional"] == pytest.approx(
            (g["after_pct"] / g["before_pct"]).to_dict(), abs=0)


def test_french_preset_labels_elide_de_before_a_vowel(monkeypatch):
    """« Partielle d’Elmwood–Transcona », as a French desk writes it, not « de Elmwood »; a
    riding that starts with a consonant keeps « de » (« Partielle de Toronto–St. Paul’s »)."""
    monkeypatch.setenv("LIBERAL_CRISIS_LANG", "fr")
    labels = [p["label"] for p in explorer.build()["presets"] if "riding" in p]
    assert any(label.startswith("Partielle d’Elmwood") for label in labels), labels
    assert any(label.startswith("Partielle de Toronto") for label in labels), labels
    assert not [label for label in labels if re.search(r"\bde [AEIOUÉaeiouyé]", label)], labels


def test_poll_month_preset_is_the_month_mean_against_2021(payload, votes):
    polls, shares = data.load("polls"), data.load("poll_shares")
    june = shares.merge(polls, on="poll_id")
    june = june[(june["end_date"] >= "2024-06-01") & (june["end_date"] <= "2024-06-30")]
    mean = june[june["party_code"].isin(PARTIES)].groupby("party_code")["share_pct"].mean()
    national = votes.groupby("party_code")["votes"].sum()
    national = 100 * national / national.sum()
    month = next(m for m in payload["poll_months"] if m["month"] == "2024-06")
    for party, value in mean.items():
        assert month["uniform"][party] == pytest.approx(value - national[party], abs=1e-9)
        assert month["proportional"][party] == pytest.approx(value / national[party], rel=1e-12)
    assert month["n_polls"] == june["poll_id"].nunique()


def test_2025_preset_is_the_national_change(payload, votes):
    ge2025 = data.load("ge2025_national").set_index("party_code")
    national = votes.groupby("party_code")["votes"].sum()
    preset = next(p for p in payload["presets"] if p["id"] == "ge2025")
    assert set(preset["uniform"]) == set(PARTIES)  # minor parties are not moved one by one
    for party in PARTIES:
        after = 100 * ge2025.loc[party, "votes"] / ge2025["votes"].sum()
        before = 100 * national[party] / national.sum()
        assert preset["uniform"][party] == pytest.approx(after - before, abs=1e-9)


# --------------------------------------------------------------------------------------------
# In the browser
# --------------------------------------------------------------------------------------------

def open_explorer(browser, site_url, viewport=None, scheme="light"):
    page = browser.new_page(viewport=viewport or {"width": 1280, "height": 900},
                            color_scheme=scheme)
    foreign = local_only(page)
    errors = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("response", lambda r: r.status >= 400 and errors.append(f"{r.status} {r.url}"))
    page.goto(f"{site_url}/{PAGE}", wait_until="load")
    page.wait_for_selector("#swing-explorer[data-ready]", timeout=20000)
    page.foreign, page.errors = foreign, errors
    return page


@pytest.fixture(scope="module")
def shared_page(browser, site_url):
    """One explorer page for the whole module (a page load costs seconds): each test gets it back
    through ``reader``, reset to what a new reader sees."""
    page = open_explorer(browser, site_url)
    yield page
    assert page.foreign == [], page.foreign  # nothing fetched from another host, by any test
    assert page.errors == [], page.errors  # and no script error
    page.close()


def reset(page) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.evaluate("document.documentElement.dataset.theme = 'light'")
    page.check('input[name="lc-ex-method"][value="uniform"]')
    page.select_option("#lc-ex-preset", "none")
    page.fill("#lc-ex-q", "")
    settle(page)


@pytest.fixture
def reader(shared_page):
    reset(shared_page)
    return shared_page


def settle(page) -> None:
    """Let the explorer draw: it redraws its chart in the next animation frame."""
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


JS_SEATS = """async (swings) => {
  await window.swingExplorer.ready;
  return swings.map(([method, values]) => window.swingExplorer.seats(method, values));
}"""


def random_swings(n: int, seed: int) -> list[tuple[str, dict]]:
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(n):
        method = "uniform" if rng.random() < 0.5 else "proportional"
        named = [p for p in PARTIES + ["IND"] if rng.random() < 0.7]
        if method == "uniform":
            values = {p: float(rng.normal(0, 8)) for p in named}
        else:
            values = {p: float(rng.gamma(4, 0.25)) for p in named}
        if rng.random() < 0.1:  # round numbers, as a reader types them
            values = {p: round(v, 1) for p, v in values.items()}
        out.append((method, values))
    return out


def tie_swings(votes, n: int, seed: int) -> list[tuple[str, dict]]:
    """Swings that put a riding's first two parties level (exactly, or within float noise)."""
    rng = np.random.default_rng(seed)
    wide = votes.pivot_table(index="riding_number", columns="party_code", values="votes",
                             fill_value=0)
    shares = wide.div(wide.sum(axis=1), axis=0).mul(100.0)
    out = []
    for number in rng.choice(shares.index, size=n, replace=False):
        row = shares.loc[number]
        first, second = row.nlargest(2).index
        if rng.random() < 0.5:
            out.append(("uniform", {str(second): float(row[first] - row[second])}))
        else:
            out.append(("proportional", {str(second): float(row[first] / row[second])}))
    return out


def python_seats(votes, method, values) -> dict:
    return nonzero(project(votes, pd.Series(values, dtype=float), method=method).to_dict())




@pytest.mark.browser
def test_js_equals_python_on_random_and_tie_swings(reader, votes):
    swings = random_swings(300, seed=20241216) + tie_swings(votes, 40, seed=7)
    page = reader
    js = page.evaluate(JS_SEATS, [[m, v] for m, v in swings])
    mismatches = [(m, v, nonzero(j), python_seats(votes, m, v))
                  for (m, v), j in zip(swings, js) if nonzero(j) != python_seats(votes, m, v)]
    assert mismatches == [], mismatches[:3]
    # the tie swings did produce ties somewhere, so the tie rule was exercised in both languages
    assert any("TIE" in nonzero(j) for j in js)


@pytest.mark.browser
def test_js_equals_python_on_the_books_eight_illustrations(reader, votes, payload):
    results = data.load("byelection_results_2024")
    swings = swing_illustrations.byelection_swings(results, votes)
    book = swing_illustrations.seat_scenarios(votes, swings, parties=PARTIES)
    page = reader
    checked = 0
    for preset in (p for p in payload["presets"] if "riding" in p):
        for method in ("uniform", "proportional"):
            want = nonzero(book[book["scenario"] == f"{preset['riding']} ({method})"]
                           .set_index("party_code")["seats"].to_dict())
            # through the page's own menu and method switch, as a reader would
            page.select_option("#lc-ex-preset", preset["id"])
            page.check(f'input[name="lc-ex-method"][value="{method}"]')
            shown = json.loads(page.get_attribute("#lc-ex-chart", "data-seats"))
            assert nonzero(shown) == want, (preset["id"], method)
            sentence = page.text_content("#lc-ex-sentence")
            top = max(want, key=want.get)
            assert f"{PLURAL[top]} {want[top]} seats" in sentence
            checked += 1
    assert checked == 8


@pytest.mark.browser
def test_the_contract(reader, votes):
    page = reader
    # No change gives 2021 back: each riding's top vote-getter, counted here from the CSV.
    top = votes.loc[votes.groupby("riding_number")["votes"].idxmax(), "party_code"]
    assert nonzero(page.evaluate("swingExplorer.seats('uniform', {})")) == top.value_counts().to_dict()
    assert nonzero(page.evaluate("swingExplorer.seats('proportional', {})")) == top.value_counts().to_dict()
    # A party absent from a riding stays absent: the Bloc can win only where it stood.
    bq = page.evaluate("swingExplorer.seats('uniform', {BQ: 90})")
    assert bq["BQ"] == votes[votes["party_code"] == "BQ"]["riding_number"].nunique()
    # Floored at 0: a huge fall leaves a party with nothing, not a negative share that "wins".
    assert page.evaluate("swingExplorer.seats('uniform', {LPC: -100})")["LPC"] == 0
    # Every main party is a key, with 0 when it wins nothing.
    assert set(PARTIES) <= set(page.evaluate("Object.keys(swingExplorer.seats('uniform', {}))"))
    for bad in ("swingExplorer.seats('cube', {})", "swingExplorer.seats('proportional', {LPC: -1})"):
        with pytest.raises(Exception):
            page.evaluate(bad)
    assert page.foreign == [] and page.errors == []


@pytest.mark.browser
def test_keyboard_alone(reader):
    page = reader
    before = page.text_content("#lc-ex-sentence")
    # Tab from the top of the page reaches the preset menu.
    page.locator("body").focus()
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "lc-ex-preset":
            break
    else:
        pytest.fail("Tab never reached the preset menu")
    page.keyboard.press("ArrowDown")  # the first by-election
    assert page.input_value("#lc-ex-preset") != "none"
    after_preset = page.text_content("#lc-ex-sentence")
    assert after_preset != before
    # On to the method switch, then the arrow key picks proportional.
    while page.evaluate("document.activeElement.name") != "lc-ex-method":
        page.keyboard.press("Tab")
    page.keyboard.press("ArrowRight")
    assert page.is_checked('input[value="proportional"]')
    # On to the Liberal ratio; type a new one.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "lc-ex-v-LPC"
    page.keyboard.press("Control+A")
    page.keyboard.type("2")
    assert page.input_value("#lc-ex-preset") == "custom"
    assert page.text_content("#lc-ex-sentence").startswith("Liberals ")
    assert page.get_attribute("#lc-ex-sentence", "aria-live") == "polite"
    # The riding search: type, Tab to a match, Enter.
    page.focus("#lc-ex-q")
    page.keyboard.type("st paul")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    detail = page.text_content("#lc-ex-riding")
    assert re.search(r"(Toronto–St\. Paul’s|Kildonan–St\. Paul) \(", detail), detail
    assert "2021:" in detail and "Projected:" in detail


@pytest.mark.browser
def test_riding_search_shows_both_results(reader, votes, tsp):
    page = reader
    page.select_option("#lc-ex-preset", "by-toronto-st-pauls")
    page.fill("#lc-ex-q", "toronto st pauls")  # no dash, no apostrophe, lower case
    rows = page.locator("#lc-ex-riding tbody tr")
    assert rows.count() == (votes["riding_number"] == tsp).sum()
    first = rows.first.locator("td").all_text_contents()
    lpc = votes[(votes["riding_number"] == tsp)]
    share = 100 * lpc.set_index("party_code")["votes"] / lpc["votes"].sum()
    assert first[0] == "Liberal" and first[1] == f"{share['LPC']:.1f}"
    assert float(first[2]) < float(first[1])  # the Liberal share falls on this preset
    assert "changes hands" in page.text_content("#lc-ex-riding")


@pytest.mark.browser
def test_changed_ridings_list_matches_the_sentence(reader):
    page = reader
    page.select_option("#lc-ex-preset", "by-cloverdale-langley-city")
    listed = page.locator("#lc-ex-changes tr").count()
    assert listed > 0
    assert f"{listed} ridings change hands" in page.text_content("#lc-ex-sentence")
    page.select_option("#lc-ex-preset", "none")
    assert page.locator("#lc-ex-changes tr").count() == 0


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_phone_and_dark_mode(browser, site_url, scheme):
    page = open_explorer(browser, site_url, viewport={"width": 375, "height": 740}, scheme=scheme)
    box = page.locator("#swing-explorer").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    fills = page.evaluate("[...document.querySelectorAll('#lc-ex-chart .ytick text')]"
                          ".map(t => getComputedStyle(t).fill)")
    assert fills
    light_text = all(sum(map(int, re.findall(r"\d+", f)[:3])) > 3 * 180 for f in fills)
    assert light_text == (scheme == "dark"), fills
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_explorer_is_axe_clean_in_use(reader, scheme):
    from axe_playwright_python.sync_playwright import Axe

    page = reader
    page.evaluate(f"document.documentElement.dataset.theme = '{scheme}'")
    page.select_option("#lc-ex-preset", "polls")
    page.fill("#lc-ex-q", "St. Paul")
    page.locator("#lc-ex-matches button").first.click()
    page.locator(".lc-ex-changes summary").click()
    results = Axe().run(page, context="#swing-explorer")
    bad = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]
           if v["impact"] in ("serious", "critical")]
    assert bad == []


@pytest.mark.browser
def test_without_javascript_the_page_says_so(browser, site_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site_url}/{PAGE}", wait_until="load")
    assert not page.locator("#swing-explorer").is_visible()
    assert page.locator(".lc-ex-noscript").is_visible()
    assert "needs JavaScript" in page.text_content(".lc-ex-noscript")
    context.close()


@pytest.mark.build
def test_only_the_what_if_page_loads_the_explorer(built_site):
    from conftest import html_pages

    for path in html_pages(built_site):
        text = path.read_text(encoding="utf-8")
        loads = "explorer.js" in text
        assert loads == (path.name == "what-if.html"), path.name
    page = (built_site / PAGE).read_text(encoding="utf-8")
    assert re.search(r'data-swing-json="swing-explorer\.json\?v=[0-9a-f]{16}"', page)
    assert (built_site / "_static" / "swing-explorer.json").is_file()


# --------------------------------------------------------------------------------------------
# A reader at the controls: what the page shows after each thing a reader does
# --------------------------------------------------------------------------------------------
#
# The references are typed here, not read from the explorer: the 2021 House (338 seats, a
# majority at 170), each party's colour (tests/test_typed_references.py says where they come
# from), the chart's text and grid colours in each mode (CONTRIBUTING, "Colours and contrast"),
# the by-election dates. The seats are Python's (analysis.projection), the riding shares are
# worked out below from the CSV by the rule CONTRIBUTING states.

SEATS, MAJORITY = 338, 170
COLOURS = {"LPC": "#D71920", "CPC": "#3C78C8", "NDP": "#F58220", "BQ": "#12A4C4",
           "GPC": "#2E7D32", "PPC": "#6A3FA0"}
GREY = "#8C8C8C"
SHOWN = {**NAMES, "PPC": "People’s Party"}  # on the page, with a typographic apostrophe
TEXT = {"light": "rgb(34, 34, 34)", "dark": "rgb(230, 230, 230)"}  # #222222, #E6E6E6
GRID = {"light": "rgb(229, 229, 229)", "dark": "rgb(58, 58, 58)"}  # #E5E5E5, #3A3A3A
PRESET_DATES = {  # the by-elections' polling days, as the menu names them
    "by-toronto-st-pauls": "24 June 2024",
    "by-elmwood-transcona": "16 September 2024",
    "by-lasalle-emard-verdun": "16 September 2024",
    "by-cloverdale-langley-city": "16 December 2024",
}


def rgb(hex_colour: str) -> str:
    return "rgb({}, {}, {})".format(*(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)))


BARS_JS = """() => {
  const chart = document.getElementById('lc-ex-chart');
  // each bar named level on the left with its seats: "Liberal: 160"
  // (names in their order on screen, top to bottom)
  const down = els => [...els].sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
  const named = down(chart.querySelectorAll('.ytick text')).map(t => t.textContent.split(': '));
  const names = named.map(n => n[0]), values = named.map(n => n[1]);
  // the bars in the trace's order, which the names follow top to bottom (a bar of 0 seats has
  // no place on screen to sort by)
  const fills = [...chart.querySelectorAll('.point path')].map(p => getComputedStyle(p).fill);
  const ticks = [...chart.querySelectorAll('.xtick text, .ytick text')].map(t => getComputedStyle(t).fill);
  const grid = [...chart.querySelectorAll('.xgrid')].map(g => getComputedStyle(g).stroke);
  const turned = [...chart.querySelectorAll('text')].filter(t => /rotate/.test(t.getAttribute('transform') || ''))
    .map(t => t.textContent);
  return {names, values, fills, ticks, grid, turned};
}"""


def bars(page) -> dict:
    """The chart as drawn: {reader's party name: seats} from the SVG, and its colours."""
    settle(page)
    drawn = page.evaluate(BARS_JS)
    assert len(drawn["names"]) == len(drawn["values"]) == len(drawn["fills"]), drawn
    drawn["seats"] = dict(zip(drawn["names"], (int(v) for v in drawn["values"])))
    return drawn


def expected_bars(seats: dict) -> dict:
    """Every main party's bar (0 too), then any other winner or tie with a seat."""
    out = {SHOWN[c]: int(seats.get(c, 0)) for c in PARTIES}
    for code, n in seats.items():
        if code not in PARTIES and n:
            out[{"TIE": "Tie", "IND": "Independent"}.get(code, code)] = int(n)
    return out


def expected_lead(seats: dict) -> str:
    """The start of the sentence, from the seats: the leader, and how far from a majority."""
    top = max(seats.values())
    leaders = [c for c in PARTIES if seats.get(c, 0) == top]
    if len(leaders) > 1:
        return " and ".join(PLURAL[c] for c in leaders) + f" {top} seats each, no majority"
    verdict = "a majority" if top >= MAJORITY else f"{MAJORITY - top} short of a majority"
    return f"{PLURAL[leaders[0]]} {top} seats, {verdict} ({MAJORITY} of {SEATS} needed)."


def assert_reader_sees(page, votes, method, values) -> dict:
    """The bars and the sentence are those of Python's projection of this swing."""
    want = python_seats(votes, method, {k: v for k, v in values.items() if v is not None})
    drawn = bars(page)
    assert drawn["seats"] == expected_bars(want), (method, values)
    sentence = page.text_content("#lc-ex-sentence")
    assert sentence.startswith(expected_lead(want)), (sentence, want)
    assert json.loads(page.get_attribute("#lc-ex-chart", "data-seats")) | {} == {
        **{c: 0 for c in PARTIES}, **want}
    return want


def riding_rows(page) -> list[tuple[str, float, float]]:
    rows = page.locator("#lc-ex-riding tbody tr")
    out = []
    for i in range(rows.count()):
        name, before, after = rows.nth(i).locator("td").all_text_contents()
        out.append((name, float(before), float(after)))
    return out


def worked_shares(votes, number, method, values) -> list[tuple[str, float, float]]:
    """A riding's shares by the rule, by hand: share = votes / total * 100; uniform adds points
    (never below 0), proportional multiplies; absent stays absent; shown rescaled to 100."""
    rows = votes[votes["riding_number"] == number]
    total = rows["votes"].sum()
    out = []
    for code, v in zip(rows["party_code"], rows["votes"]):
        share = 100 * v / total
        if code in values and share > 0:
            share = max(0.0, share + values[code]) if method == "uniform" else share * values[code]
        out.append((code, 100 * v / total, share))
    after_total = sum(s for _, _, s in out)
    return [(c, b, 100 * s / after_total) for c, b, s in out]


def assert_riding_shares(page, votes, number, method, values):
    shown = riding_rows(page)
    want = worked_shares(votes, number, method, values)
    assert len(shown) == len(want)
    for (name, before, after), (code, b, a) in zip(shown, want):
        assert before == pytest.approx(b, abs=0.051) and after == pytest.approx(a, abs=0.051), \
            (name, before, after, code, b, a)
        assert after >= 0, (name, after)
    # what a reader adds up: one-decimal shares make 100 within their rounding
    assert sum(a for _, _, a in shown) == pytest.approx(100, abs=0.05 * len(shown) + 1e-9)
    assert sum(b for _, b, _ in shown) == pytest.approx(100, abs=0.05 * len(shown) + 1e-9)


@pytest.mark.browser
def test_every_preset_shows_its_seats_and_sentence(reader, votes, payload):
    page = reader
    options = page.eval_on_selector_all("#lc-ex-preset option", "os => os.map(o => [o.value, o.textContent, o.disabled])")
    ids = [value for value, _, disabled in options if not disabled]
    assert ids == ["none"] + [p["id"] for p in payload["presets"]] + ["polls"]
    labels = {value: text for value, text, _ in options}
    for preset, day in PRESET_DATES.items():  # the menu dates each by-election
        assert labels[preset].endswith(f"by-election, {day}"), labels[preset]
    assert "custom" in labels and [d for v, _, d in options if v == "custom"] == [True]
    month = page.input_value("#lc-ex-month")
    for method in ("uniform", "proportional"):
        page.check(f'input[name="lc-ex-method"][value="{method}"]')
        for preset in ids:
            page.select_option("#lc-ex-preset", preset)
            assert page.is_visible("#lc-ex-month-row") == (preset == "polls")
            if preset == "none":
                values = {}
            elif preset == "polls":
                values = next(m for m in payload["poll_months"] if m["month"] == month)[method]
            else:
                values = next(p for p in payload["presets"] if p["id"] == preset)[method]
            assert_reader_sees(page, votes, method, values)
            # the boxes show the preset's values, a party not moved shows the neutral value
            for code in PARTIES:
                shown = float(page.input_value(f"#lc-ex-v-{code}"))
                want = values.get(code, 0 if method == "uniform" else 1)
                assert shown == pytest.approx(want, abs=0.006 if method == "uniform" else 0.0006)


@pytest.mark.browser
def test_no_change_is_the_2021_result(reader, votes):
    want = assert_reader_sees(reader, votes, "uniform", {})
    sentence = reader.text_content("#lc-ex-sentence")
    # 2021: the Liberals won 160 seats, 10 short of a majority; nothing changes hands
    assert want["LPC"] == 160 and sentence.startswith("Liberals 160 seats, 10 short of a majority")
    assert sentence.endswith("0 ridings change hands.")
    assert reader.text_content("#lc-ex-changes-summary") == "No riding changes hands"


@pytest.mark.browser
def test_the_method_switch(reader, votes, payload):
    page = reader
    preset = next(p for p in payload["presets"] if p["id"] == "by-toronto-st-pauls")
    page.select_option("#lc-ex-preset", preset["id"])
    assert page.text_content("#lc-ex-values-legend") == "Change in each party’s share (points)"
    assert page.get_attribute("#lc-ex-v-LPC", "min") == "-100"
    assert float(page.input_value("#lc-ex-v-LPC")) == pytest.approx(preset["uniform"]["LPC"], abs=0.006)
    page.check('input[name="lc-ex-method"][value="proportional"]')
    assert page.input_value("#lc-ex-preset") == preset["id"]  # the preset stays
    assert page.text_content("#lc-ex-values-legend") == "Ratio for each party’s share (1 = no change)"
    assert page.get_attribute("#lc-ex-v-LPC", "min") == "0"
    assert page.get_attribute("#lc-ex-v-LPC", "step") == "0.01"
    assert float(page.input_value("#lc-ex-v-LPC")) == pytest.approx(preset["proportional"]["LPC"], abs=0.0006)
    assert float(page.input_value("#lc-ex-v-LPC")) < 1  # the Liberal share fell there
    assert_reader_sees(page, votes, "proportional", preset["proportional"])
    # The reader's own numbers do not carry over to the other method: back to no change
    page.fill("#lc-ex-v-CPC", "1.5")
    assert page.input_value("#lc-ex-preset") == "custom"
    page.check('input[name="lc-ex-method"][value="uniform"]')
    assert page.input_value("#lc-ex-preset") == "none"
    assert all(page.input_value(f"#lc-ex-v-{c}") == "0" for c in PARTIES)
    assert_reader_sees(page, votes, "uniform", {})


@pytest.mark.browser
@pytest.mark.parametrize("method, value", [("uniform", "12"), ("proportional", "1.4")])
def test_every_party_box_moves_that_party(reader, votes, method, value):
    page = reader
    page.check(f'input[name="lc-ex-method"][value="{method}"]')
    for code in PARTIES:
        reset_values = "0" if method == "uniform" else "1"
        page.fill(f"#lc-ex-v-{code}", value)
        assert page.input_value("#lc-ex-preset") == "custom"
        assert not page.is_visible("#lc-ex-month-row")
        assert page.get_attribute(f"#lc-ex-v-{code}", "aria-invalid") is None
        want = assert_reader_sees(page, votes, method, {code: float(value)})
        before = python_seats(votes, method, {})
        assert want.get(code, 0) >= before.get(code, 0), code  # a rise never loses a party seats
        page.fill(f"#lc-ex-v-{code}", reset_values)
    assert_reader_sees(page, votes, method, {})


@pytest.mark.browser
def test_blank_and_invalid_values_leave_the_party_unchanged(reader, votes):
    page = reader
    page.fill("#lc-ex-v-LPC", "-20")
    assert_reader_sees(page, votes, "uniform", {"LPC": -20})
    page.fill("#lc-ex-v-LPC", "")  # blank: the Liberals as in 2021
    assert page.get_attribute("#lc-ex-v-LPC", "aria-invalid") is None
    assert_reader_sees(page, votes, "uniform", {})
    # Half-typed numbers ("-", "1e") are no number yet: unchanged, not an error
    for text in ("-", "1e"):
        page.fill("#lc-ex-v-CPC", "")
        page.focus("#lc-ex-v-CPC")
        page.keyboard.type(text)
        assert page.get_attribute("#lc-ex-v-CPC", "aria-invalid") is None
        assert_reader_sees(page, votes, "uniform", {})
    # A negative ratio is refused: marked invalid, and the party is unchanged
    page.check('input[name="lc-ex-method"][value="proportional"]')
    page.fill("#lc-ex-v-NDP", "2")
    assert_reader_sees(page, votes, "proportional", {"NDP": 2.0})
    page.fill("#lc-ex-v-NDP", "-1")
    assert page.get_attribute("#lc-ex-v-NDP", "aria-invalid") == "true"
    assert_reader_sees(page, votes, "proportional", {})
    page.fill("#lc-ex-v-NDP", "0.5")
    assert page.get_attribute("#lc-ex-v-NDP", "aria-invalid") is None
    assert_reader_sees(page, votes, "proportional", {"NDP": 0.5})
    assert page.foreign == [] and page.errors == []


@pytest.mark.browser
def test_the_month_picker(reader, votes, payload):
    page = reader
    assert not page.is_visible("#lc-ex-month-row")
    page.select_option("#lc-ex-preset", "polls")
    assert page.is_visible("#lc-ex-month-row")
    assert page.input_value("#lc-ex-month") == "2024-06"  # the month of the first by-election
    months = [m["month"] for m in payload["poll_months"]]
    assert page.eval_on_selector_all("#lc-ex-month option", "os => os.map(o => o.value)") == months
    june = page.text_content('#lc-ex-month option[value="2024-06"]')
    assert june.startswith("June 2024 (") and june.endswith(" polls)"), june
    seen = []
    for month in ("2024-06", "2025-01", "2025-04"):
        page.select_option("#lc-ex-month", month)
        values = next(m for m in payload["poll_months"] if m["month"] == month)["uniform"]
        seen.append(assert_reader_sees(page, votes, "uniform", values))
    assert seen[0] != seen[2]  # June 2024 and April 2025 polls give different Houses
    page.select_option("#lc-ex-preset", "ge2025")
    assert not page.is_visible("#lc-ex-month-row")


@pytest.mark.browser
def test_riding_search_one_several_none(reader, votes, tsp):
    page = reader
    # One match: its detail, with its shares
    page.fill("#lc-ex-q", "toronto st pauls")
    assert page.text_content("#lc-ex-riding h4") == "Toronto–St. Paul’s (Ontario)"
    assert page.text_content("#lc-ex-riding p") == "2021: Liberal. Projected: Liberal (holds)."
    assert_riding_shares(page, votes, tsp, "uniform", {})
    assert page.locator("#lc-ex-matches *").count() == 0
    # Several: a list to pick from, and no detail until a pick
    page.fill("#lc-ex-q", "St. Paul")
    assert page.text_content("#lc-ex-matches p") == "2 ridings match:"
    buttons = page.locator("#lc-ex-matches button").all_text_contents()
    assert sorted(buttons) == ["Kildonan–St. Paul (Manitoba)", "Toronto–St. Paul’s (Ontario)"]
    assert page.locator("#lc-ex-riding h4").count() == 0
    page.locator("#lc-ex-matches button", has_text="Kildonan").click()
    assert page.input_value("#lc-ex-q") == "Kildonan–St. Paul"
    assert page.text_content("#lc-ex-riding h4") == "Kildonan–St. Paul (Manitoba)"
    # Many: keep typing
    page.fill("#lc-ex-q", "north")
    hint = page.text_content("#lc-ex-matches p")
    assert re.fullmatch(r"\d+ ridings match: keep typing\.", hint) and int(hint.split()[0]) > 8
    assert page.locator("#lc-ex-matches button").count() == 0
    # None
    page.fill("#lc-ex-q", "Atlantis")
    assert page.text_content("#lc-ex-matches") == "No 2021 riding has that name."
    assert page.locator("#lc-ex-riding *").count() == 0
    # Cleared: nothing
    page.fill("#lc-ex-q", "")
    assert page.locator("#lc-ex-matches *").count() == 0


@pytest.mark.browser
def test_riding_shares_never_below_zero_and_add_up_to_100(reader, votes, tsp, payload):
    page = reader
    page.fill("#lc-ex-q", "toronto st pauls")
    # A Liberal fall larger than their 2021 share (49.2%): 0, not negative; the others rescaled
    page.fill("#lc-ex-v-LPC", "-60")
    shown = riding_rows(page)
    assert shown[0][0] == "Liberal" and shown[0][2] == 0.0
    assert "Projected: Conservative (changes hands)." in page.text_content("#lc-ex-riding p")
    assert_riding_shares(page, votes, tsp, "uniform", {"LPC": -60})
    assert "rescaled to add up to 100%" in page.text_content("#lc-ex-riding")
    # A rise for another party: shares still add up to 100
    page.fill("#lc-ex-v-GPC", "30")
    assert_riding_shares(page, votes, tsp, "uniform", {"LPC": -60, "GPC": 30})
    # Proportional: a doubled Conservative share, a halved Liberal one
    page.check('input[name="lc-ex-method"][value="proportional"]')
    page.fill("#lc-ex-v-CPC", "2")
    page.fill("#lc-ex-v-LPC", "0.5")
    assert_riding_shares(page, votes, tsp, "proportional", {"CPC": 2.0, "LPC": 0.5})
    # Each by-election preset, both methods, on its own riding
    numbers = {r["name"]: r["n"] for r in payload["ridings"]}
    for preset in (p for p in payload["presets"] if "riding" in p):
        name = preset["label"].split(" by-election")[0]
        page.fill("#lc-ex-q", name)
        assert page.text_content("#lc-ex-riding h4").startswith(name + " (")
        for method in ("uniform", "proportional"):
            page.check(f'input[name="lc-ex-method"][value="{method}"]')
            page.select_option("#lc-ex-preset", preset["id"])
            assert_riding_shares(page, votes, numbers[name], method, preset[method])


@pytest.mark.browser
def test_the_chart_in_light_and_dark_and_after_the_switch(reader, votes):
    page = reader
    page.select_option("#lc-ex-preset", "ge2025")
    for mode in ("light", "dark", "light"):
        if page.evaluate("document.documentElement.dataset.theme") != mode:
            # the theme's own switch, as a reader uses it (it cycles light, dark, auto)
            for _ in range(3):
                page.locator(".theme-switch-button:visible").first.click()
                if page.evaluate("document.documentElement.dataset.theme") == mode:
                    break
        assert page.evaluate("document.documentElement.dataset.theme") == mode
        drawn = bars(page)
        assert page.get_attribute("#lc-ex-chart", "data-mode") == mode
        names = drawn["names"]
        want = {SHOWN[c]: rgb(COLOURS[c]) for c in PARTIES} | {"Tie": rgb(GREY), "Independent": rgb(GREY)}
        assert dict(zip(names, drawn["fills"])) == {n: want[n] for n in names}, mode
        assert set(drawn["ticks"]) == {TEXT[mode]}, mode
        assert drawn["grid"] and set(drawn["grid"]) == {GRID[mode]}, mode
        # the majority line grey and dashed, as every reference line in the book; its label in
        # the text colour
        line = page.evaluate("getComputedStyle(document.querySelector('#lc-ex-chart .shapelayer path')).stroke")
        assert line == rgb(GREY)
        label = page.evaluate("getComputedStyle(document.querySelector('#lc-ex-chart .annotation-text')).fill")
        assert label == TEXT[mode]
        assert page.text_content("#lc-ex-chart .annotation-text") == f"Majority: {MAJORITY}"


@pytest.mark.browser
def test_at_phone_width(reader, votes):
    page = reader
    page.set_viewport_size({"width": 375, "height": 740})
    page.select_option("#lc-ex-preset", "by-lasalle-emard-verdun")  # a change redraws for the width
    drawn = bars(page)
    assert drawn["seats"] == expected_bars(python_seats(
        votes, "uniform", next(p for p in explorer.build()["presets"]
                               if p["id"] == "by-lasalle-emard-verdun")["uniform"]))
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    box = page.locator("#swing-explorer").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    # no text turned (the party names slanted here once); every bar stays inside the chart
    assert drawn["turned"] == [], drawn["turned"]
    chart = page.locator("#lc-ex-chart").bounding_box()
    for bar in page.locator("#lc-ex-chart .point").all():
        b = bar.bounding_box()
        if b:  # a bar of 0 seats has no box
            assert chart["x"] <= b["x"] and b["x"] + b["width"] <= chart["x"] + chart["width"]
    # the ridings that change hands fit the column, none of its columns off-screen in a scroll
    # box (survey.PAGE_PROBE, which opens the closed list to measure it; its controls are in
    # tests/test_reader.py)
    from survey import PAGE_PROBE

    assert page.locator("#lc-ex-changes tr").count() > 0
    found = page.evaluate(PAGE_PROBE)
    assert found["tablesWide"] == [] and found["tablesScrolled"] == [], found
    # the search and a riding's table fit too (the table scrolls inside its own box)
    page.fill("#lc-ex-q", "lasalle")
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    page.set_viewport_size({"width": 1280, "height": 900})
    page.select_option("#lc-ex-preset", "none")
    settle(page)
    assert bars(page)["turned"] == []
