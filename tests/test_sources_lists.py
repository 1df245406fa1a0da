"""Each chapter's Sources list names the documents behind what the chapter shows.

``sources_lists.sources_markdown(resources, rows=...)`` narrows a curated table to the rows a
chapter uses, so the list names only the documents those rows cite; a date the book added to a
title is written after the link, in the house style. The expected documents below were read off the
CSVs and ``data/datapackage.json`` by hand, not taken from the function.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import html_pages
from liberal_crisis import data
from liberal_crisis.stories import first_report, sources_lists
from test_house_style import ABBREVIATED_MONTH

TSP, LEV, ET, CLC = ("Toronto--St. Paul's", "LaSalle--Émard--Verdun", "Elmwood--Transcona",
                     "Cloverdale--Langley City")
# The election-night reports of byelection_preliminary_2024 / byelection_turnout_2024.
IPOLITICS_TSP = "https://old.ipolitics.ca/2024/06/25/liberals-ahead-in-toronto-st-pauls-in-closely-fought-byelection"
CBC_TSP = "https://www.cbc.ca/news/"
WIKIPEDIA_TSP = "https://en.wikipedia.org/wiki/2024_Toronto%E2%80%94St._Paul%27s_federal_by-election"
CITYNEWS_MONTREAL = "https://montreal.citynews.ca/2024/09/16/polls-close-montreal-byelection"
CITYNEWS_WINNIPEG = "https://winnipeg.citynews.ca/2024/09/16/polls-close-byelections-winnipeg"
GLOBAL_CLC = "https://globalnews.ca/"
BLACK_PRESS_CLC = "https://www.langleyadvancetimes.com/"
# house_snapshots: the rows of 2021, 9 December 2024 (AFP) and 2025.
OPEN_DATA_2021 = "https://open.canada.ca/data/en/dataset/065439a9-c194-4259-9c95-245a852be4a1"
AFP_DECEMBER = "https://www.brusselstimes.com/1348184/canadas-trudeau-survives-yet-another-no-confidence-motion"
ELECTIONS_CANADA_2025 = "https://www.elections.ca/"
HANSARD_342 = "https://www.ourcommons.ca/DocumentViewer/en/13273938"  # cited by no row
CTV_PACT_END = "https://www.ctvnews.ca/politics/jagmeet-singh-pulls-ndp-out-of-supply-and-confidence-deal-with-trudeau-liberals-1.7024851"
FREELAND_LETTER = "https://theturtleislandnews.com/index.php/2024/12/16/chrystia-freelands-resignation-letter-to-prime-minister-justin-trudeau/"
BLOC_DEADLINE = "https://toronto.citynews.ca/2024/10/29/bloc-quebecois-set-to-begin-talks-to-topple-liberal-government-after-deadline-passes/"
LINK = re.compile(r"\]\((\S+)\)")


def urls(markdown: str) -> list[str]:
    return [LINK.search(line)[1] for line in markdown.splitlines() if line.startswith("- ")]


# --- The function -------------------------------------------------------------------------------

def test_one_riding_lists_only_that_nights_reports():
    text = sources_lists.sources_markdown(["byelection_preliminary_2024", "byelection_turnout_2024"],
                                   rows={"byelection_preliminary_2024": {"riding": TSP},
                                         "byelection_turnout_2024": {"riding": TSP}})
    assert urls(text) == [IPOLITICS_TSP, CBC_TSP, WIKIPEDIA_TSP]


def test_a_list_of_values_selects_each_of_them():
    text = sources_lists.sources_markdown(["byelection_preliminary_2024"],
                                   rows={"byelection_preliminary_2024": {"riding": [LEV, ET]}})
    assert urls(text) == [CITYNEWS_MONTREAL, CITYNEWS_WINNIPEG]


def test_without_rows_every_source_is_listed():
    text = sources_lists.sources_markdown(["byelection_turnout_2024"])
    assert urls(text) == [WIKIPEDIA_TSP, CITYNEWS_MONTREAL, CITYNEWS_WINNIPEG, BLACK_PRESS_CLC]


def test_a_date_column_is_selected_by_iso_dates_and_columns_combine():
    text = sources_lists.sources_markdown(["pledge_reports"], rows={"pledge_reports": {
        "report_date": "2024-10-23", "measure": "urged_in_room"}})
    assert urls(text) == ["https://www.cbc.ca/news/politics/what-happened-liberal-meeting-trudeau-leadership-1.7361018"]


def test_house_standings_take_their_sources_from_the_snapshot_of_the_same_date():
    one = sources_lists.sources_markdown(["house_standings"], rows={"house_standings": {"as_of": "2024-12-09"}})
    assert urls(one) == [AFP_DECEMBER]
    both = sources_lists.sources_markdown(["house_standings"], rows={
        "house_standings": {"as_of": ["2021-09-20", "2025-04-28"]}})
    assert urls(both) == [OPEN_DATA_2021, ELECTIONS_CANADA_2025]


def test_a_source_no_selected_row_cites_is_left_out():
    whole = urls(sources_lists.sources_markdown(["house_snapshots"]))
    assert HANSARD_342 in whole and len(whole) == 6
    some = urls(sources_lists.sources_markdown(["house_snapshots"],
                                        rows={"house_snapshots": {"as_of": "2024-12-09"}}))
    assert some == [AFP_DECEMBER]


def test_the_first_reports_rows_are_those_its_figures_read():
    text = sources_lists.sources_markdown(
        ["pledge_reports", "caucus_size", "leadership_rules", "confidence_votes", "timeline"],
        rows=first_report.ROWS)
    assert urls(text) == [
        "https://www.bnnbloomberg.ca/business/2024/10/12/liberal-discontents-look-to-topple-trudeau-canadian-reports-say/",
        "https://test.hilltimes.com/b-c-liberal-mp-weiler-read-a-letter-to-trudeau-and-caucus-on-behalf-of-dissenting-mps-calling-for-the-prime-ministers-resignation",
        "https://thehub.ca/2025/05/23/kristopher-kinsinger-liberal-mps-must-vote-for-the-power-to-remove-their-leader-for-the-good-of-the-party-and-the-country",
        "https://www.ourcommons.ca/DocumentViewer/en/44-1/house/sitting-343/journals",
        CTV_PACT_END,
    ]


def test_a_selected_row_whose_source_is_not_declared_fails_loudly(monkeypatch):
    real = data.read

    def read(name, folder=None):
        frame = real(name, folder)
        if name == "byelection_turnout_2024":
            frame.loc[frame["riding"] == CLC, "source_url"] = "https://example.org/undeclared"
        return frame

    monkeypatch.setattr(sources_lists._data, "read", read)
    with pytest.raises(ValueError, match=r"byelection_turnout_2024.*https://example\.org/undeclared"):
        sources_lists.sources_markdown(["byelection_turnout_2024"],
                                rows={"byelection_turnout_2024": {"riding": CLC}})
    # The other rows still cite declared sources.
    assert urls(sources_lists.sources_markdown(["byelection_turnout_2024"],
                                        rows={"byelection_turnout_2024": {"riding": TSP}})) == [WIKIPEDIA_TSP]


@pytest.mark.parametrize("resources, rows, message", [
    (["polls"], {"polls": {"pollster": "Léger"}}, "polls is a derived table"),
    (["timeline"], {"timeline": {"event": "No such event"}}, "no row has event = 'No such event'"),
    (["timeline"], {"timeline": {"headline": "x"}}, "timeline has no column 'headline'"),
    (["timeline"], {"timeline": {}}, "timeline: an empty row selection"),
    ([], {"timeline": {"category": "party"}}, "not among the resources listed"),
    (["parties"], {"parties": {"party_code": "LPC"}}, "names no column of row sources"),
    (["byelection_turnout_2024"], {"byelection_turnout_2024": {"riding": TSP, "election_date": "2024-09-16"}},
     "no row matches"),
])
def test_a_selection_that_cannot_be_right_fails(resources, rows, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        sources_lists.sources_markdown(resources, rows=rows)


def test_a_date_added_to_a_title_follows_the_link_in_house_style():
    text = sources_lists.sources_markdown(["timeline"], rows={"timeline": {"date": "2024-09-04"}})
    assert text.splitlines()[0] == (
        "- The Canadian Press (CTV News): [Jagmeet Singh pulls NDP out of supply-and-confidence "
        f"deal with Trudeau Liberals]({CTV_PACT_END}), 4 September 2024")


def test_an_abbreviated_date_in_a_title_is_written_in_full(monkeypatch):
    src = {"title": "A report (4 Sep 2024)", "publisher": "A Publisher", "path": "https://example.org/r",
           "license": "CC-BY-SA-4.0", "accessed": "2026-12-02"}
    line, short = sources_lists.source_item(src)
    assert line == "- A Publisher: [A report](https://example.org/r), 4 September 2024 (CC BY-SA 4.0)"
    assert short == "CC BY-SA 4.0"
    line, _ = sources_lists.source_item(dict(src, title="Poll releases (Mar 2025)"))
    assert line.startswith("- A Publisher: [Poll releases](https://example.org/r), March 2025 (")


# --- The built chapters ---------------------------------------------------------------------------

def _sources(site, page) -> BeautifulSoup:
    soup = BeautifulSoup((site / "book" / f"{page}.html").read_text(encoding="utf-8"), "html.parser")
    section = soup.select_one("section#sources")
    assert section is not None, f"{page}: no Sources section"
    return section


def _hrefs(section) -> set[str]:
    return {a["href"] for a in section.select("li a[href]")}


@pytest.mark.build
def test_toronto_st_pauls_lists_its_own_night_only(built_site):
    hrefs = _hrefs(_sources(built_site, "toronto-st-pauls"))
    assert {IPOLITICS_TSP, CBC_TSP, WIKIPEDIA_TSP} <= hrefs
    assert not {CITYNEWS_MONTREAL, CITYNEWS_WINNIPEG, GLOBAL_CLC, BLACK_PRESS_CLC} & hrefs


@pytest.mark.build
def test_lasalle_lists_the_two_nights_of_16_september(built_site):
    hrefs = _hrefs(_sources(built_site, "lasalle-emard-verdun"))
    assert {CITYNEWS_MONTREAL, CITYNEWS_WINNIPEG} <= hrefs
    assert not {IPOLITICS_TSP, WIKIPEDIA_TSP, GLOBAL_CLC, BLACK_PRESS_CLC} & hrefs


@pytest.mark.build
def test_confidence_lists_the_timeline_row_it_uses_not_the_whole_timeline(built_site):
    hrefs = _hrefs(_sources(built_site, "confidence"))
    assert BLOC_DEADLINE in hrefs
    assert FREELAND_LETTER not in hrefs and CTV_PACT_END not in hrefs
    assert AFP_DECEMBER in hrefs and ELECTIONS_CANADA_2025 not in hrefs


@pytest.mark.build
def test_no_sources_list_abbreviates_a_month_or_keeps_a_date_in_a_title(built_site):
    bad = []
    for path in html_pages(built_site):
        section = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select_one(
            "section#sources")
        for item in section.select("li") if section else []:
            text = " ".join(item.get_text(" ").split())
            if ABBREVIATED_MONTH.search(text):
                bad.append(f"{path.name}: {text}")
            for link in item.select("a"):
                if re.search(r"\((?:\d{1,2} )?[A-Z][a-z]+\.? \d{4}\)$", link.get_text().strip()):
                    bad.append(f"{path.name}: date left in the title: {link.get_text()}")
    assert bad == []
