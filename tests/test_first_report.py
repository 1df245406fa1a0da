"""The first report, checked (book/first-report.md): its data, its arithmetic and its page.

Expected values are typed from the record, not taken from the code: the verdict set is the one
the methods page defines; the 25 September 2024 division is from the House of Commons Journals
(No. 343, Division No. 858: yeas 120, nays 211); the pledge counts are the reported 20 (CBC,
11 October 2024) and 24 (the letter of 23 October 2024) of 153 Liberal seats.
"""

from __future__ import annotations

import csv
import re
import shutil

import pandas as pd
import pytest
from bs4 import BeautifulSoup

from conftest import REPO
from liberal_crisis import data
from liberal_crisis.stories import first_report

ALLOWED = ["confirmed", "confirmed with a different number", "overtaken by events",
           "not borne out", "wrong", "cannot be verified"]
CSV = REPO / "data" / "first_report_claims.csv"


def claims_rows() -> list[dict]:
    with CSV.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


# --- The data -----------------------------------------------------------------------------------


def test_every_claim_has_sources_and_an_allowed_verdict():
    rows = claims_rows()
    assert len(rows) >= 10, "the issue lists ten claims at least"
    for row in rows:
        assert row["verdict"] in ALLOWED, row
        for col in ("claim_source_url", "source_url"):
            assert re.match(r"https?://\S+$", row[col]), (row["claim_id"], col)
        for col in ("claim", "claimed_by", "claim_source_title", "record", "source_title"):
            assert row[col].strip(), (row["claim_id"], col)


def test_the_claims_file_types_no_figures():
    """Figures come from the datasets that hold them, as placeholders, never typed in the text."""
    for row in claims_rows():
        for col in ("claim", "record"):
            text = re.sub(r"\{[a-z_]+\}", "", row[col])
            text = re.sub(r"\b\d{1,2}(?: and \d{1,2})? (January|February|March|April|May|June|July|August|"
                          r"September|October|November|December) \d{4}\b", "", text)
            text = re.sub(r"\b(19|20)\d\d\b", "", text)
            assert not re.search(r"\d", text), (row["claim_id"], col, text)


@pytest.fixture
def data_copy(tmp_path):
    folder = tmp_path / "data"
    shutil.copytree(REPO / "data", folder, ignore=shutil.ignore_patterns("README.md", "raw"))
    return folder


def _edit(folder, claim_id, column, value):
    path = folder / "first_report_claims.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    header = rows[0]
    for row in rows[1:]:
        if row[0] == str(claim_id):
            row[header.index(column)] = value
    with path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(rows)
    return rows.index(next(r for r in rows if r[0] == str(claim_id))) + 1  # file line


@pytest.mark.parametrize("column, value, rule", [
    ("verdict", "mostly true", "constraint-error"),
    ("source_url", "", "constraint-error"),
    ("claim_source_url", "not a link", "constraint-error"),
])
def test_a_bad_row_fails_validation_naming_file_line_and_column(data_copy, column, value, rule):
    line = _edit(data_copy, 10, column, value)
    problems = [p for p in data.validate(data_copy) if p.file == "data/first_report_claims.csv"]
    assert [(p.line, p.column, p.rule) for p in problems] == [(line, column, rule)], problems


# --- The arithmetic -----------------------------------------------------------------------------


TOY = pd.DataFrame({
    "claim_id": [1, 2],
    "claim": ["At least {floor} signed.", "The pact ended."],
    "claimed_by": ["A", "B"],
    "record": ["{count} signed by {day}.", "It ended."],
    "verdict": ["confirmed", "wrong"],
})


def test_placeholders_are_filled_and_marks_added():
    out = first_report.checked_table(TOY, {"floor": 20, "count": 1234, "day": "4 May 2024"})
    assert list(out["claim"]) == ["At least 20 signed.", "The pact ended."]
    assert list(out["record"]) == ["1,234 signed by 4 May 2024.", "It ended."]
    assert list(out["mark"]) == ["✓", "✗"]


def test_an_unknown_placeholder_names_the_claim_and_column():
    with pytest.raises(KeyError, match=r"claim 1, column 'record'.*'count'"):
        first_report.checked_table(TOY, {"floor": 20, "day": "4 May 2024"})


def test_an_unknown_verdict_is_refused():
    bad = TOY.assign(verdict=["confirmed", "half true"])
    with pytest.raises(ValueError, match="half true"):
        first_report.checked_table(bad, {"floor": 1, "count": 1, "day": "x"})


def test_verdict_counts_keep_every_verdict_in_order():
    out = first_report.checked_table(TOY, {"floor": 1, "count": 1, "day": "x"})
    assert first_report.verdict_counts(out) == {
        "confirmed": 1, "confirmed with a different number": 0, "overtaken by events": 0,
        "not borne out": 0, "wrong": 1, "cannot be verified": 0}


def test_verdict_tally_lists_every_verdict_with_its_claims():
    out = first_report.checked_table(TOY, {"floor": 1, "count": 1, "day": "x"})
    tally = first_report.verdict_tally(out)
    assert list(tally["verdict"]) == ALLOWED
    assert list(tally["claims"]) == [1, 0, 0, 0, 1, 0]
    assert list(tally["claim_ids"]) == ["1", "none", "none", "none", "2", "none"]
    assert tally["label"].iloc[4] == "✗ wrong"


def test_the_verdict_set_is_the_one_the_schema_allows():
    field = next(f for f in data.resource("first_report_claims")["schema"]["fields"]
                 if f["name"] == "verdict")
    assert field["constraints"]["enum"] == ALLOWED == list(first_report.VERDICTS)


def test_figures_come_from_the_record():
    values = first_report.figures(
        reports=data.load("pledge_reports"), caucus_size=data.load("caucus_size"),
        rules=data.load("leadership_rules"), votes=data.load("confidence_votes"),
        timeline=data.load("timeline"), ballots=data.load("byelection_ballots_2024"),
        results=data.load("byelection_results_2024"))
    # Journals No. 343, Division No. 858; the reported pledge counts; Reform Act: 20 % of 153.
    assert (values["sept_yeas"], values["sept_nays"], values["sept_margin"]) == (120, 211, 91)
    assert (values["cbc_floor"], values["letter_signed"], values["caucus"]) == (20, 24, 153)
    assert values["review_needed"] == 31
    # Library of Parliament, validated: Stewart 15,565 - Church 14,932.
    assert values["tsp_margin"] == 633
    assert values["tsp_date"] == "24 June 2024" and values["lev_date"] == "16 September 2024"
    assert values["pact_end"] == "4 September 2024"


# --- The page -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def page(built_site):
    return BeautifulSoup((built_site / "book" / "first-report.html").read_text(encoding="utf-8"),
                         "html.parser")


def _rows(page):
    table = page.select_one("table.fr-table")
    assert table is not None, "the claims table is missing"
    return {int(tr.th.get_text(strip=True)): tr for tr in table.select("tbody tr")}


@pytest.mark.build
def test_page_lists_every_claim_with_its_verdict_as_a_word_and_a_mark(page):
    rows = _rows(page)
    expected = {int(r["claim_id"]): r["verdict"] for r in claims_rows()}
    assert set(rows) == set(expected)
    for claim_id, tr in rows.items():
        verdict = tr.select_one(".fr-verdict")
        text = verdict.get_text(" ", strip=True)
        mark = verdict.select_one("[aria-hidden=true]").get_text(strip=True)
        assert text == f"{mark} {expected[claim_id]}", (claim_id, text)
        assert len(tr.select("a[href^='http']")) >= 2, f"claim {claim_id}: sources not linked"


@pytest.mark.build
def test_page_figures_match_the_record(page):
    rows = _rows(page)
    record = {i: tr.select("td")[2].get_text(" ", strip=True) for i, tr in rows.items()}
    claim = {i: tr.select("td")[0].get_text(" ", strip=True) for i, tr in rows.items()}
    assert "At least 20 Liberal MPs" in claim[1] and "carry 24 MPs" in record[1]
    assert "30 to 40" in claim[2]
    assert "153 seats" in claim[3]
    assert "by 211 votes to 120, a margin of 91" in record[10]
    assert "31 of 153 MPs" in record[7]
    assert "24 June 2024 by 633 votes" in record[11]
    assert "{" not in " ".join(record.values()) + " ".join(claim.values())


@pytest.mark.build
def test_takeaways_count_the_verdicts_of_the_data(page):
    counts = {v: 0 for v in ALLOWED}
    for row in claims_rows():
        counts[row["verdict"]] += 1
    takeaways = page.select_one(".admonition.tip").get_text(" ", strip=True)
    assert f"sets {len(claims_rows())} checkable claims" in takeaways
    for verdict, n in counts.items():
        assert f"{verdict}, {n}" in takeaways, (verdict, n, takeaways)


@pytest.mark.build
def test_page_is_linked_from_the_landing_page_and_the_pledge(built_site):
    for page_path in ("book/index.html", "book/the-pledge.html"):
        soup = BeautifulSoup((built_site / page_path).read_text(encoding="utf-8"), "html.parser")
        body = soup.select_one("article") or soup
        links = [a["href"] for a in body.select("a[href]") if "first-report" in a["href"]]
        assert links, f"{page_path} does not link to the first-report page"


@pytest.mark.build
def test_methods_page_defines_every_verdict(built_site):
    soup = BeautifulSoup((built_site / "book" / "methods.html").read_text(encoding="utf-8"),
                         "html.parser")
    section = soup.select_one("#first-report-verdicts") or soup.find(id=re.compile("verdicts"))
    assert section is not None, "no verdict rules on the methods page"
    terms = [dt.get_text(" ", strip=True) for dt in section.find_all_next("dt")][:len(ALLOWED)]
    assert [t.split(" ", 1)[1] for t in terms] == ALLOWED


def test_the_prose_numbers_from_the_record():
    # first_report_claims.csv: 13 claims, 7 confirmed, none confirmed with a different number,
    # 2 overtaken by events, 1 not borne out, 1 wrong, 2 cannot be verified; pledge_reports.csv:
    # at least 20 signed (CBC), 30 to 40 willing (Star), 24 on the letter; caucus_size.csv: 153,
    # so 31 for a Reform Act review (20 %); confidence_votes.csv, 25 September: 120-211, 91 apart.
    values = first_report.figures(
        reports=data.load("pledge_reports"), caucus_size=data.load("caucus_size"),
        rules=data.load("leadership_rules"), votes=data.load("confidence_votes"),
        timeline=data.load("timeline"), ballots=data.load("byelection_ballots_2024"),
        results=data.load("byelection_results_2024"))
    table = first_report.checked_table(data.load("first_report_claims"), values)
    numbers = first_report.prose_numbers(table, values)
    assert [numbers["fr_n_claims"], numbers["fr_n_confirmed"],
            numbers["fr_n_confirmed_with_a_different_number"], numbers["fr_n_overtaken_by_events"],
            numbers["fr_n_not_borne_out"], numbers["fr_n_wrong"],
            numbers["fr_n_cannot_be_verified"]] == ["13", "7", "0", "2", "1", "1", "2"]
    assert (numbers["fr_cbc_floor"], numbers["fr_star_low"], numbers["fr_star_high"],
            numbers["fr_letter_signed"]) == ("20", "30", "40", "24")
    assert (numbers["fr_caucus"], numbers["fr_review_needed"]) == ("153", "31")
    assert (numbers["fr_sept_yeas"], numbers["fr_sept_nays"], numbers["fr_sept_margin"]) == (
        "120", "211", "91")
    used = set(re.findall(r"\{eval\}`(fr_\w+)`",
                          (REPO / "book" / "first-report.md").read_text(encoding="utf-8")))
    assert used and used <= set(numbers), sorted(used - set(numbers))
