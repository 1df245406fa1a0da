"""The swing explorer on the what-if page: its data, one rule in two languages, and readers.

- Its JSON against the data package, computed here from the CSVs without the explorer module.
- ``window.swingExplorer.seats`` (JS) against ``liberal_crisis.analysis.projection.project``
  (Python) on many random swings (seeded), on swings built to land on ties, and on the chapter's
  eight illustrations (``scenarios.seat_scenarios``), chosen through the page's own menu.
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
from liberal_crisis.stories import explorer, scenarios

PAGE = "book/what-if.html"
PARTIES = ["LPC", "CPC", "NDP", "BQ", "GPC", "PPC"]
NAMES = {"LPC": "Liberal", "CPC": "Conservative", "NDP": "NDP", "BQ": "Bloc Québécois",
         "GPC": "Green", "PPC": "People's Party"}


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


def test_payload_names_ridings_like_the_book(payload, tsp):
    names = {r["n"]: r["name"] for r in payload["ridings"]}
    assert names[tsp] == "Toronto–St. Paul’s"  # an en dash and a typographic apostrophe, as in the chapters
    assert all("--" not in n for n in names.values())


def test_byelection_presets_are_the_chapters_swings(payload):
    results, base = data.load("byelection_results_2024"), data.load("ge2021_riding_votes")
    swings = scenarios.byelection_swings(results, base)
    presets = {p["riding"]: p for p in payload["presets"] if "riding" in p}
    assert set(presets) == set(swings["riding"])
    for riding, g in swings.groupby("riding"):
        g = g[g["party_code"].isin(PARTIES)].set_index("party_code")
        assert presets[riding]["uniform"] == pytest.approx(
            (g["after_pct"] - g["before_pct"]).to_dict(), abs=0)
        assert presets[riding]["proportional"] == pytest.approx(
            (g["after_pct"] / g["before_pct"]).to_dict(), abs=0)


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
    page.goto(f"{site_url}/{PAGE}", wait_until="load")
    page.wait_for_selector("#swing-explorer[data-ready]", timeout=20000)
    page.foreign, page.errors = foreign, errors
    return page


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
def test_js_equals_python_on_random_and_tie_swings(browser, site_url, votes):
    swings = random_swings(300, seed=20241216) + tie_swings(votes, 40, seed=7)
    page = open_explorer(browser, site_url)
    js = page.evaluate(JS_SEATS, [[m, v] for m, v in swings])
    mismatches = [(m, v, nonzero(j), python_seats(votes, m, v))
                  for (m, v), j in zip(swings, js) if nonzero(j) != python_seats(votes, m, v)]
    assert mismatches == [], mismatches[:3]
    # the tie swings did produce ties somewhere, so the tie rule was exercised in both languages
    assert any("TIE" in nonzero(j) for j in js)
    page.close()


@pytest.mark.browser
def test_js_equals_python_on_the_books_eight_illustrations(browser, site_url, votes, payload):
    results = data.load("byelection_results_2024")
    swings = scenarios.byelection_swings(results, votes)
    book = scenarios.seat_scenarios(votes, swings, parties=PARTIES)
    page = open_explorer(browser, site_url)
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
            assert f"{explorer.PLURAL[top]} {want[top]} seats" in sentence
            checked += 1
    assert checked == 8
    page.close()


@pytest.mark.browser
def test_the_contract(browser, site_url, votes):
    page = open_explorer(browser, site_url)
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
    page.close()


@pytest.mark.browser
def test_keyboard_alone(browser, site_url):
    page = open_explorer(browser, site_url)
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
    page.close()


@pytest.mark.browser
def test_riding_search_shows_both_results(browser, site_url, votes, tsp):
    page = open_explorer(browser, site_url)
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
    page.close()


@pytest.mark.browser
def test_changed_ridings_list_matches_the_sentence(browser, site_url):
    page = open_explorer(browser, site_url)
    page.select_option("#lc-ex-preset", "by-cloverdale-langley-city")
    listed = page.locator("#lc-ex-changes tr").count()
    assert listed > 0
    assert f"{listed} ridings change hands" in page.text_content("#lc-ex-sentence")
    page.select_option("#lc-ex-preset", "none")
    assert page.locator("#lc-ex-changes tr").count() == 0
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_phone_and_dark_mode(browser, site_url, scheme):
    page = open_explorer(browser, site_url, viewport={"width": 375, "height": 740}, scheme=scheme)
    box = page.locator("#swing-explorer").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 375
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    fills = page.evaluate("[...document.querySelectorAll('#lc-ex-chart .xtick text')]"
                          ".map(t => getComputedStyle(t).fill)")
    assert fills
    light_text = all(sum(map(int, re.findall(r"\d+", f)[:3])) > 3 * 180 for f in fills)
    assert light_text == (scheme == "dark"), fills
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_explorer_is_axe_clean_in_use(browser, site_url, scheme):
    from axe_playwright_python.sync_playwright import Axe

    page = open_explorer(browser, site_url, scheme=scheme)
    page.select_option("#lc-ex-preset", "polls")
    page.fill("#lc-ex-q", "St. Paul")
    page.locator("#lc-ex-matches button").first.click()
    page.locator(".lc-ex-changes summary").click()
    results = Axe().run(page, context="#swing-explorer")
    bad = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]
           if v["impact"] in ("serious", "critical")]
    assert bad == []
    page.close()


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
