"""The copy desk's rules (issue #13): what readers see says things once, in words, like for like.

- a pooled bar says what it pools (how many candidates, under what share);
- a turnout comparison sets figures of the same basis side by side;
- the what-if page speaks to readers, not to developers (no JS interface, no party codes);
- cited documents' titles name parties in words;
- one name for JupyterLab's menu item everywhere;
- a person is named in full (with a role) at first mention on a page, by surname afterwards.

The expected values are computed here from the CSVs with the csv module, not by the code under
test.
"""

from __future__ import annotations

import csv
import json
import re

import pytest
from bs4 import BeautifulSoup

from conftest import REPO
from liberal_crisis import data
from liberal_crisis.stories import byelections

DATA = REPO / "data"
PARTY_CODE = re.compile(r"\b(CPC|LPC|GPC|GP|PPC|OTH|IND|BQ)\b")  # "NDP" is the party's name


def rows(name: str) -> list[dict]:
    with open(DATA / f"{name}.csv", encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


# --- the pooled bar --------------------------------------------------------------------------

@pytest.mark.parametrize("riding", ["Toronto--St. Paul's", "LaSalle--Émard--Verdun"])
def test_the_pooled_bar_counts_the_candidates_it_holds(riding):
    on_ballot = next(int(r["candidates_on_ballot"]) for r in rows("byelection_ballots_2024")
                     if r["riding"] == riding)
    named = [r for r in rows("byelection_results_2024")
             if r["riding"] == riding and r["party_code"] != "OTH"]
    pooled = on_ballot - len(named)  # every name on the ballot not drawn as its own bar
    contest = byelections.contest(data.load("byelection_results_2024"), riding)
    labels = list(byelections.candidate_labels(contest))
    assert f"{pooled} other candidates (each under 1%)" in labels
    assert not any("Other candidates" in label or "Others" in label for label in labels)
    assert f"{pooled} other candidates (each under 1%)" in list(
        byelections.candidate_names(contest))


def test_a_single_pooled_candidate_is_singular():
    contest = byelections.contest(data.load("byelection_results_2024"), "Elmwood--Transcona")
    assert byelections.pooled_label(contest) == "1 other candidate (under 1%)"


# --- turnout, like for like ------------------------------------------------------------------

@pytest.mark.parametrize("riding", ["Toronto--St. Paul's", "LaSalle--Émard--Verdun",
                                    "Elmwood--Transcona", "Cloverdale--Langley City"])
def test_turnout_comparison_sets_2021_valid_votes_over_electors_beside_the_byelection(riding):
    number = next(int(r["riding_number"]) for r in rows("byelection_results_2024")
                  if r["riding"] == riding)
    ge = next(r for r in rows("ge2021_ridings") if int(r["riding_number"]) == number)
    reported = next(float(r["turnout_pct_reported"]) for r in rows("byelection_turnout_2024")
                    if r["riding"] == riding)
    got = byelections.turnout_comparison(data.load("byelection_turnout_2024"),
                                         data.load("ge2021_ridings"), riding, number)
    assert got["byelection"] == reported
    assert got["same_basis_2021"] == pytest.approx(
        100 * int(ge["valid_ballots"]) / int(ge["electors"]))
    assert got["published_2021"] == float(ge["turnout_pct"])
    # the two 2021 bases differ by the rejected ballots: mixing them is a visible error
    assert round(got["same_basis_2021"], 1) < got["published_2021"]


def _article_text(site, page: str) -> str:
    soup = BeautifulSoup((site / f"book/{page}.html").read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article") or soup
    for tag in article.select("script, style, .lc-chart"):
        tag.decompose()
    return " ".join(article.get_text("").split())


def _same_basis(riding: str) -> str:
    number = next(int(r["riding_number"]) for r in rows("byelection_results_2024")
                  if r["riding"] == riding)
    ge = next(r for r in rows("ge2021_ridings") if int(r["riding_number"]) == number)
    return f"{100 * int(ge['valid_ballots']) / int(ge['electors']):.1f}%"


def _published(riding: str) -> str:
    number = next(int(r["riding_number"]) for r in rows("byelection_results_2024")
                  if r["riding"] == riding)
    return next(f"{float(r['turnout_pct']):.1f}%" for r in rows("ge2021_ridings")
                if int(r["riding_number"]) == number)


def _reported(riding: str) -> str:
    return next(f"{float(r['turnout_pct_reported']):.1f}%" for r in rows("byelection_turnout_2024")
                if r["riding"] == riding)


@pytest.mark.build
def test_turnout_sentences_compare_figures_of_one_basis(built_site):
    lev = _article_text(built_site, "lasalle-emard-verdun")
    riding = "LaSalle--Émard--Verdun"
    fell = re.search(r"turnout[^.]*? fell from (\d+\.\d%) to (\d+\.\d%)", lev)
    assert fell, "the LaSalle–Émard–Verdun turnout sentence is gone"
    assert fell.groups() == (_same_basis(riding), _reported(riding))
    what_if = _article_text(built_site, "what-if")
    for riding, name in (("Toronto--St. Paul's", "Toronto–St. Paul’s"),
                         ("Cloverdale--Langley City", "Cloverdale–Langley City")):
        m = re.search(rf"{_reported(riding)} in {name} against (\d+\.\d%)", what_if)
        assert m and m.group(1) == _same_basis(riding), (riding, m and m.group(0))
    aftermath = _article_text(built_site, "aftermath")
    riding = "Cloverdale--Langley City"
    m = re.search(r"registered electors\), against (\d+\.\d%) in 2021", aftermath)
    assert m and m.group(1) == _same_basis(riding)
    # a published 2021 figure may appear only where the sentence names its basis
    for page, riding in (("what-if", "Toronto--St. Paul's"), ("aftermath", riding)):
        text = _article_text(built_site, page)
        assert f"against {_published(riding)}" not in text, (page, riding)


# --- the what-if page speaks to readers ------------------------------------------------------

DEVELOPER = re.compile(r"swingExplorer|window\.|liberal_crisis|\b(?:swing_illustrations|poll_summaries)\.|\.seats\(")


@pytest.mark.build
def test_the_what_if_page_has_no_developer_text_or_party_codes(built_site):
    soup = BeautifulSoup((built_site / "book/what-if.html").read_text(encoding="utf-8"),
                         "html.parser")
    article = soup.select_one("article")
    for tag in article.select("script, style, .lc-chart, .lc-chart-data"):
        tag.decompose()
    text = " ".join(article.get_text("").split())  # <code> included: readers see it too
    assert DEVELOPER.findall(text) == []
    # links to cited documents and the data downloads are addresses, not words
    assert PARTY_CODE.findall(text) == []


def test_the_developer_rule_catches_the_old_note():
    assert DEVELOPER.search("the page has window.swingExplorer.seats(method, values)")
    assert DEVELOPER.search("computed by swing_illustrations.seat_scenarios")
    assert PARTY_CODE.search('values such as {"LPC": -8, "CPC": 12}')


@pytest.mark.build
def test_sensitivity_titles_round_the_thresholds_the_text_gives(built_site):
    page = (built_site / "book/what-if.html").read_text(encoding="utf-8")
    soup = BeautifulSoup(page, "html.parser")
    text = " ".join(soup.select_one("article").get_text("").split())
    prose = re.search(r"once a little more than (\d+\.\d%) of it is applied by uniform swing, "
                      r"or (\d+\.\d%) by proportional swing", text)
    assert prose, "the sensitivity sentence is gone"
    def title(name):
        return soup.select_one(f"#fig-what-if-sensitivity-{name} .lc-title").get_text()

    # the titles round the text's exact thresholds to the whole percentage ("39.1%" -> "39%"):
    # a tenth of a point cannot be read off a chart
    uniform, proportional = title("uniform"), title("proportional")
    for exact, shown in ((prose.group(1), uniform), (prose.group(2), proportional)):
        whole = round(float(exact.rstrip("%")))
        assert f"from about {whole}% of the Toronto–St. Paul’s swing" in shown, (exact, shown)
        assert exact not in shown, f"the title gives {exact}, a precision the chart cannot show"


# --- cited titles in words -------------------------------------------------------------------

def _titles():
    package = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    for resource in package["resources"]:
        for source in resource.get("sources", []):
            yield f"datapackage {resource['name']}", source.get("title", "")
    for path in sorted(DATA.glob("*.csv")):
        for i, row in enumerate(rows(path.stem), start=2):
            for column, value in row.items():
                if column and "title" in column and value:
                    yield f"{path.name}:{i} {column}", value


def test_no_cited_title_names_a_party_by_code():
    found = [(where, title) for where, title in _titles() if PARTY_CODE.search(title)]
    assert found == []


# --- one menu name ---------------------------------------------------------------------------

def test_one_name_for_the_jupyterlab_menu_item():
    files = [REPO / "README.md", REPO / "CONTRIBUTING.md", *sorted((REPO / "book").glob("*.md"))]
    named = {}
    for path in files:
        for m in re.finditer(r"Open With\s*(?:→|->|>)\s*([A-Z][\w ]*?)(?=[*\"”,.)]|$)",
                             path.read_text(encoding="utf-8"), re.M):
            named.setdefault(m.group(1).strip(), []).append(path.name)
    # jupytext's JupyterLab extension registers its viewer as "Jupytext Notebook"
    # (requirements-lab.txt pins it); plain "Notebook" is JupyterLab's own viewer.
    assert set(named) == {"Jupytext Notebook"}, named
    assert "run-it-yourself.md" in named["Jupytext Notebook"]


# --- names -----------------------------------------------------------------------------------

PEOPLE = [
    "Carolyn Bennett", "Chrystia Freeland", "Claude Guay", "Colin Reynolds", "David Lametti",
    "Don Stewart", "Donald Trump", "Greg Fergus", "Jagmeet Singh", "Justin Trudeau",
    "Karina Gould", "Kevin Vuong", "Laura Palestini", "Leila Dance", "Leslie Church",
    "Louis Ialenti", "Madison Fleischer", "Mark Carney", "Pierre Poilievre", "Tamara Jansen",
    "Wayne Long", "Yves-François Blanchet",
]
CODE_CELL = re.compile(r"```\{code-cell\}.*?```", re.S)


def naming_departures(text: str, people=PEOPLE) -> list[str]:
    """A person named by surname before the full name, or in full more than once."""
    prose = " ".join(CODE_CELL.sub(" ", text).split())
    out = []
    for person in people:
        surname = person.split()[-1]
        seen = re.findall(rf"{re.escape(person)}|\b{re.escape(surname)}\b", prose)
        if seen and seen[0] != person:
            out.append(f"{person}: surname before the full name")
        if seen.count(person) > 1:
            out.append(f"{person}: full name {seen.count(person)} times")
    return out


@pytest.mark.parametrize("path", sorted((REPO / "book").glob("*.md")), ids=lambda p: p.stem)
def test_full_name_at_first_mention_then_surname(path):
    assert naming_departures(path.read_text(encoding="utf-8")) == []


def test_the_naming_rule_catches_departures():
    assert naming_departures("Singh spoke. Later Jagmeet Singh left.") == [
        "Jagmeet Singh: surname before the full name"]
    assert naming_departures("The NDP leader, Jagmeet Singh, spoke; Jagmeet Singh left.") == [
        "Jagmeet Singh: full name 2 times"]
    assert naming_departures("The NDP leader, Jagmeet Singh, spoke; Singh left.") == []
