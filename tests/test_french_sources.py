"""The French edition names its sources in French: no English publisher in a citation label
(« (La Presse Canadienne, 2024b) », « s.d. »), no English description the book wrote itself in
a Sources list, a chapter's source line or the references page (« Journaux No 343 »), while
headlines stay as published. Each marker below is English the book itself writes; the control
shows that the English edition does print every one, so a marker that could never match
(a typo, a changed wording) fails here instead of passing silently."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from conftest import html_pages

#: Publishers as the English edition labels them (and "n.d."): never in a French label.
ENGLISH_LABELS = ["The Canadian Press", "House of Commons of Canada", "Prime Minister of Canada",
                  "Elections Canada", "Library of Parliament", "Wikipedia", "n.d."]

#: The book's own English words about a document (titles it describes, licences, notes), none
#: of which is in a headline as published.
ENGLISH_DESCRIPTIONS = [
    "Journals No.", "Division No.", "Official Voting Results", "Edited Hansard",
    "Compendium of Procedure", "Party standings", "Elections and Candidates",
    "permission for non-commercial reproduction", "results download", "refreshed",
    "Wikipedia’s table", "as tabulated in", "news release", "middle field date",
    "All rights reserved", "updates of", "Bluesky post", "Article in French",
    "Delivering for Canadians", "House of Commons:",
    # the data dictionary's licence texts (data/meta/sources.json): news, polls, Government of Canada
    "not reproduced", "terms of use",
]

LABEL_LINKS = 'a.reference.internal[href*="references.html#"]'


def _labels(site, edition) -> str:
    """Every citation label of one edition: in the text, and on its references page."""
    found = []
    for path in html_pages(site, edition):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        found += [a.get_text() for a in page.select(LABEL_LINKS)]
        found += [s.get_text() for s in page.select("div.citation span.label")]
    return "\n".join(found)


#: The data dictionary also prints each source's licence in full, as the data package words
#: it, in the edition's language (``test_the_data_dictionary_licence_texts_are_french``).
DICTIONARY = "data-dictionary.html"


def _sources(site, edition, dictionary=False) -> str:
    """What one edition says about its sources: the Sources lists and source lines (list items
    holding a link out), the first-report table's source cells, and the references page; the
    data dictionary alone when ``dictionary``."""
    found = []
    for path in html_pages(site, edition):
        if (path.name == DICTIONARY) is not dictionary:
            continue
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        main = page.select_one("main") or page
        found += [li.get_text(" ") for li in main.select("li") if li.select_one('a[href^="http"]')]
        found += [span.get_text(" ") for span in main.select("td span.fr-by")]
        found += [c.get_text(" ") for c in main.select("div.citation")]
    return "\n".join(found)


def _present(markers: list[str], text: str) -> list[str]:
    # a whole-word match: "n.d." must not match inside another word
    return [m for m in markers if re.search(rf"(?<!\w){re.escape(m)}", text)]


@pytest.mark.build
def test_the_english_edition_prints_every_marker(built_site):
    """Control: each marker is English the pipeline really prints."""
    assert _present(ENGLISH_LABELS, _labels(built_site, "en")) == ENGLISH_LABELS
    english = _sources(built_site, "en") + _sources(built_site, "en", dictionary=True)
    assert _present(ENGLISH_DESCRIPTIONS, english) == ENGLISH_DESCRIPTIONS


@pytest.mark.build
def test_no_english_publisher_in_a_french_citation_label(built_site):
    labels = _labels(built_site, "fr")
    assert labels.strip(), "no French citation label found: the check would pass on anything"
    assert _present(ENGLISH_LABELS, labels) == []


@pytest.mark.build
def test_no_english_source_description_on_a_french_page(built_site):
    sources = _sources(built_site, "fr")
    assert sources.strip(), "no French Sources list found: the check would pass on anything"
    assert _present(ENGLISH_DESCRIPTIONS, sources) == []


def test_the_markers_catch_a_label_and_a_description():
    """The matcher itself: it finds an English label and description, not their French forms."""
    assert _present(ENGLISH_LABELS, "(The Canadian Press, 2024b; UK in a Changing Europe, n.d.)") \
        == ["The Canadian Press", "n.d."]
    assert _present(ENGLISH_LABELS, "(La Presse Canadienne, 2024b; Élections Canada, s.d.)") == []
    assert _present(ENGLISH_DESCRIPTIONS, "Journaux No 343, Le mercredi 25 septembre 2024") == []
    assert _present(ENGLISH_DESCRIPTIONS, "Journals No. 343 (Division No. 858)") \
        == ["Journals No.", "Division No."]


@pytest.mark.build
def test_the_data_dictionary_licence_texts_are_french(built_site):
    # control: the English data dictionary alone prints some of the markers
    assert _present(ENGLISH_DESCRIPTIONS, _sources(built_site, "en", dictionary=True))
    french = _sources(built_site, "fr", dictionary=True)
    assert french.strip(), "the French data dictionary's sources were not found"
    assert _present(ENGLISH_DESCRIPTIONS, french) == []
