"""Citations: one author–year label per reference, the same in the text and on the references
page, and no working notes where readers can see them (liberal_crisis.site.citations)."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from pybtex.database import Entry, Person, parse_file

from conftest import REPO, html_pages
from liberal_crisis.site import citations
from liberal_crisis.stories import formats

BIB = REPO / "book" / "references.bib"


def entry(key, author, date, title="T", organization=None):
    fields = {"title": title, "date": date, "year": date[:4]}
    if organization:
        fields["organization"] = organization
    e = Entry("online", fields=fields, persons={"author": [Person(author)]})
    e.key = key
    return e


def labels(entries):
    ordered = citations.AuthorYearSorting().sort(entries)
    return {e.key: label for e, label in zip(ordered, citations.AuthorYearLabels().format_labels(ordered))}


def test_one_publisher_in_one_year_gets_letters_in_date_order():
    got = labels([
        entry("late", "{The Canadian Press}", "2024-12-16"),
        entry("early", "{The Canadian Press}", "2024-06-25"),
        entry("mid", "{The Canadian Press}", "2024-09-04"),
        entry("other-year", "{The Canadian Press}", "2025-01-06"),
        entry("alone", "{CTV News}", "2024-06-28"),
    ])
    assert got == {
        "early": "The Canadian Press, 2024a",
        "mid": "The Canadian Press, 2024b",
        "late": "The Canadian Press, 2024c",
        "other-year": "The Canadian Press, 2025",
        "alone": "CTV News, 2024",
    }


def test_every_label_in_the_bibliography_is_unique():
    bib = parse_file(str(BIB))
    got = labels(list(bib.entries.values()))
    assert len(set(got.values())) == len(got)


def test_bib_fields_readers_see_hold_no_working_notes():
    # Working notes live in `annote` (never rendered); `note` would be printed.
    bib = parse_file(str(BIB))
    assert [k for k, e in bib.entries.items() if "note" in e.fields] == []


def test_the_references_page_states_the_access_date_of_every_entry():
    bib = parse_file(str(BIB))
    dates = {e.fields["urldate"] for e in bib.entries.values()}
    text = (REPO / "book" / "references.md").read_text(encoding="utf-8")
    if len(dates) == 1:
        assert f"last opened on {formats.date(dates.pop())}" in text
    else:
        assert (f"last opened between {formats.date(min(dates))} and "
                f"{formats.date(max(dates))}") in text


@pytest.mark.build
@pytest.mark.parametrize("edition", ["en", "fr"])
def test_each_citation_label_names_exactly_one_reference_and_matches_the_references_page(
        built_site, edition):
    root = built_site / "fr" if edition == "fr" else built_site
    references = BeautifulSoup((root / "book" / "references.html").read_text(encoding="utf-8"),
                               "html.parser")
    listed = {}
    for item in references.select("div.citation"):
        label = item.select_one("span.label").get_text().strip("[]")
        listed[item["id"]] = label
    assert len(set(listed.values())) == len(listed), "two references share a label"

    targets = defaultdict(set)  # label shown in the text -> reference ids it links to
    seen = 0
    for path in html_pages(built_site, edition):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for link in page.select('a.reference.internal[href*="references.html#"]'):
            seen += 1
            targets[link.get_text()].add(link["href"].rsplit("#", 1)[1])
    assert seen > 50
    for label, ids in targets.items():
        assert len(ids) == 1, f"'{label}' stands for {len(ids)} different references"
        (ref,) = ids
        assert listed.get(ref) == label, f"text says '{label}', references page says '{listed.get(ref)}'"


@pytest.mark.build
def test_references_page_shows_no_working_notes_or_raw_markup(built_site):
    page = BeautifulSoup((built_site / "book" / "references.html").read_text(encoding="utf-8"),
                         "html.parser")
    text = " ".join(p.get_text(" ") for p in page.select("div.citation"))
    bib = parse_file(str(BIB))
    for key, e in bib.entries.items():
        note = e.fields.get("annote", "")
        if note:
            assert note[:40] not in text, f"{key}: a working note is on the references page"
    for fragment in ("test subdomain", "reconstructed", "could not be verified", "mirror",
                     "visited on", "URL:", "\\#", "\\_", "--", "`"):
        assert fragment not in text, fragment
    assert not re.search(r"\d{4}-\d{2}-\d{2}", text), "an ISO date on the references page"


@pytest.mark.parametrize("url, front", [
    ("https://www.lapresse.ca/", True),
    ("https://www.cbc.ca/news/", True),
    ("https://heartlandnews.ca/?p=8447", False),
    ("https://kitchener.citynews.ca/?p=3912021", False),
    ("https://www.cbc.ca/news/politics/trudeau-leadership-review-formal-mechanism-1.7096351", False),
])
def test_a_front_page_is_told_apart_from_a_piece_addressed_by_a_query(url, front):
    assert citations._is_site_front(url) is front


def test_labels_name_publishers_not_people():
    # House style: the label is the publisher; reporters' names stay out of `author`.
    bib = parse_file(str(BIB))
    people = {k: [str(p) for p in e.persons.get("author", [])] for k, e in bib.entries.items()}
    named = {k: v for k, v in people.items()
             if any(name in " ".join(v) for name in ("Osman", "Vieira", "Horwood", "Fournier"))}
    assert named == {}


def test_no_reference_names_a_mirror_as_the_publishers_site():
    bib = parse_file(str(BIB))
    for key, e in bib.entries.items():
        url = e.fields.get("url", "")
        for mirror in ("thesaxon.org", "threadsky.app"):
            assert mirror not in url and mirror not in e.fields.get("organization", ""), key
