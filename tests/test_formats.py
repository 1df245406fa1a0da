"""The house style's one formatting module (CONTRIBUTING.md "House style")."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pandas as pd
import pytest

from liberal_crisis.stories import formats


def test_percent_has_no_space_and_one_decimal():
    assert formats.pct(15.678) == "15.7%"
    assert formats.pct(66.666) == "66.7%"
    assert formats.pct(5) == "5.0%"
    assert formats.pct(42, decimals=0) == "42%"


def test_points_and_numbers():
    assert formats.points(3.21) == "3.2 points"
    assert formats.number(12345) == "12,345"


@pytest.mark.parametrize("value", ["2024-09-25", dt.date(2024, 9, 25), pd.Timestamp("2024-09-25"),
                                   dt.datetime(2024, 9, 25, 13, 0)])
def test_dates_read_day_month_year(value):
    assert formats.date(value) == "25 September 2024"
    assert formats.month(value) == "September 2024"


def test_single_digit_day_has_no_leading_zero():
    assert formats.date("2025-01-06") == "6 January 2025"


def test_party_codes_become_names_and_unknown_codes_fail():
    assert formats.party("CPC") == "Conservative"
    assert formats.party("OTH") == "Others"
    with pytest.raises(KeyError, match="XYZ"):
        formats.party("XYZ")


def test_typographic_apostrophes_and_quotes():
    assert formats.typographic("Toronto–St. Paul's") == "Toronto–St. Paul’s"
    assert formats.typographic("the Liberals' lead") == "the Liberals’ lead"
    assert formats.typographic('"We need new leadership"') == "“We need new leadership”"
    assert formats.typographic("'quoted'") == "‘quoted’"
    markup = "<span style='color:#D71920'><b>Liberal's</b></span>"
    assert formats.typographic(markup) == "<span style='color:#D71920'><b>Liberal’s</b></span>"


def test_headers_are_human_and_carry_units():
    assert formats.header("party_code") == "Party"
    assert formats.header("share_pct") == "Share of valid votes (%)"
    assert formats.header("riding_number") == "Riding number"
    assert formats.header("margin_pts") == "Margin (points)"
    assert formats.header("mystery_pct") == "Mystery (%)"
    for column in ["after_pct", "as_of", "election_date", "lead_pts", "n_polls", "vote_date"]:
        assert "_" not in formats.header(column)


def test_table_cells():
    assert formats.cell("party_code", "CPC") == "Conservative"
    assert formats.cell("election_date", "2024-06-24") == "24 June 2024"
    assert formats.cell("share_pct", 42.1234) == "42.1"
    assert formats.cell("change_pts", -15.62) == "\u221215.6"  # a minus sign, not a hyphen
    assert formats.cell("seats_change", -3) == "\u22123"
    assert (formats.signed(3.21), formats.signed(-15.62)) == ("+3.2", "\u221215.6")
    assert formats.cell("votes", 15565) == "15,565"
    assert formats.cell("riding_number", 35108) == "35108"
    assert formats.cell("riding", "Toronto–St. Paul's") == "Toronto–St. Paul’s"
    assert formats.cell("is_floor", True) == "yes"
    assert formats.cell("basis", "inferred_from_tally") == "inferred from tally"
    assert formats.cell("note", None) == ""


@pytest.mark.parametrize("title, expected", [
    ("Jagmeet Singh pulls NDP out of the deal (4 Sep 2024)",
     ("Jagmeet Singh pulls NDP out of the deal", "4 September 2024")),
    ("A report (4 Sept. 2024)", ("A report", "4 September 2024")),
    ("A report (04 September 2024)", ("A report", "4 September 2024")),
    ("Poll releases (Mar 2025)", ("Poll releases", "March 2025")),
    ("Federal Politics, January 2025 (January 2025)", ("Federal Politics, January 2025", "January 2025")),
    ("A report (may 2025)", ("A report", "May 2025")),
    ("A report (2024-12-09)", ("A report", "9 December 2024")),
    # Not a date the book added at the end: the title is left whole.
    ("Journals No. 343 (Division No. 858)", ("Journals No. 343 (Division No. 858)", "")),
    ("Delivering for Canadians Now (news release, 22 March 2022)",
     ("Delivering for Canadians Now (news release, 22 March 2022)", "")),
    ("Federal Politics, March 3 (2025)", ("Federal Politics, March 3 (2025)", "")),
    ("Léger poll (middle field date 24 August 2024)", ("Léger poll (middle field date 24 August 2024)", "")),
    ("Speaker's ruling (Speaker 2024)", ("Speaker's ruling (Speaker 2024)", "")),
    ("Sep 2024 in review", ("Sep 2024 in review", "")),
])
def test_a_date_added_to_a_title_is_split_off_in_house_style(title, expected):
    assert formats.dated_title(title) == expected


def test_an_impossible_date_in_a_title_fails():
    with pytest.raises(ValueError):
        formats.dated_title("A report (31 Feb 2024)")


def test_a_riding_name_in_a_table_reads_with_an_en_dash():
    # Elections Canada's file form 'LaSalle--Émard--Verdun' is data; the page shows the name.
    assert formats.cell("riding", "LaSalle--Émard--Verdun") == "LaSalle–Émard–Verdun"
    assert formats.cell("riding", "Toronto--St. Paul's") == "Toronto–St. Paul’s"
    assert formats.cell("candidate", "A--B") != "A–B"  # only riding columns are names of places


def test_prose_numbers_match_the_old_glue_format_specs():
    """English output is Python's format spec, byte for byte (the pages must not change)."""
    assert formats.number(8925) == format(8925, ",") == "8,925"
    assert formats.decimal(27.346) == format(27.346, ".1f") == "27.3"
    assert formats.decimal(27.5, 0) == format(27.5, ".0f") == "28"
    assert formats.decimal(2.675, 2) == format(2.675, ".2f")
    assert formats.change(3.21) == "+3.2" and formats.change(-3.21) == "-3.2"
    assert formats.plain(2011) == "2011"
    with pytest.raises(TypeError):
        formats.plain("2011")


def test_the_edition_language_changes_the_separators(monkeypatch):
    monkeypatch.setenv("LIBERAL_CRISIS_LANG", "fr")
    assert formats.number(8925).replace("\u202f", " ").replace("\xa0", " ") == "8 925"
    assert formats.decimal(27.346) == "27,3"
    monkeypatch.setenv("LIBERAL_CRISIS_LANG", "de")
    with pytest.raises(ValueError, match="LIBERAL_CRISIS_LANG"):
        formats.number(1)


# --- The French edition (issue 24): Canadian French forms from the same calls -------------------
NBSP = "\u00a0"


@pytest.fixture
def french(monkeypatch):
    monkeypatch.setenv("LIBERAL_CRISIS_LANG", "fr")
    monkeypatch.setenv("LIBERAL_CRISIS_I18N_LENIENT", "1")  # the catalogue may be incomplete here


def test_french_numbers_group_with_a_no_break_space_and_use_a_decimal_comma(french):
    assert formats.number(8925) == f"8{NBSP}925"
    assert formats.pct(27.346) == f"27,3{NBSP}%"  # the Translation Bureau: a no-break space before %
    assert formats.points(3.21) == f"3,2{NBSP}points"
    assert formats.signed(-15.62) == "\u221215,6"
    assert formats.cell("votes", 15565) == f"15{NBSP}565"
    assert formats.cell("share_pct", 27.346) == "27,3"


def test_french_dates_write_the_first_of_the_month_1er(french):
    assert formats.date("2024-06-24") == "24 juin 2024"
    assert formats.date("2024-10-01") == "1er octobre 2024"
    assert formats.month("2024-09-16") == "septembre 2024"
    assert formats.cell("vote_date", "2024-10-01") == "1er octobre 2024"


def test_french_party_names_and_official_riding_names(french):
    assert formats.party("LPC") == "Libéral"
    assert formats.PARTY_NAMES["NDP"] == "NPD"
    # Elections Canada's own French name, read from its bilingual table in data/raw
    assert formats.riding("Mount Royal") == "Mont-Royal"
    assert formats.riding("LaSalle--Émard--Verdun") == "LaSalle\u2013Émard\u2013Verdun"


def test_french_hover_and_plotly_separators(french):
    assert formats.HOVER_PCT == ":.1f}" + NBSP + "%"
    assert formats.separators() == "," + NBSP
    locale = formats.plotly_locale()
    assert locale["name"] == "fr-CA" and locale["format"]["months"][5] == "juin"
    assert locale["format"]["thousands"] == NBSP


def test_french_typography_puts_no_break_spaces_before_colons_and_inside_guillemets(french):
    assert formats.typographic('Le "vote" : 27 %') == f"Le «{NBSP}vote{NBSP}»{NBSP}: 27{NBSP}%"


def test_lists_join_with_and_in_each_edition(french, monkeypatch):
    assert formats.join(["EKOS", "Léger", "Nanos"]) == "EKOS, Léger et Nanos"
    assert formats.join(["EKOS"]) == "EKOS"
    monkeypatch.setenv("LIBERAL_CRISIS_LANG", "en")
    assert formats.join(["EKOS", "Léger", "Nanos"]) == "EKOS, Léger and Nanos"
    assert formats.join(["A", "B"], sep=" and ") == "A and B"


def test_french_elides_de_before_a_vowel_only(french, monkeypatch):
    assert formats.elide("celui de EKOS et celui de Léger") == "celui d’EKOS et celui de Léger"
    assert formats.elide("le glissement de Elmwood–Transcona") == "le glissement d’Elmwood–Transcona"
    assert formats.elide("plus que Ipsos") == "plus qu’Ipsos"
    assert formats.elide("la mode de ici") == "la mode d’ici"
    monkeypatch.setenv("LIBERAL_CRISIS_LANG", "en")
    assert formats.elide("de EKOS") == "de EKOS"  # English text is never touched


def test_french_points_take_the_singular_below_two(french, monkeypatch):
    assert formats.point_word(1.4) == "point"
    assert formats.points(1.5) == f"1,5{NBSP}point"  # what-if: « tout en perdant 1,5 point »
    assert formats.points(2.0) == f"2,0{NBSP}points"
    assert formats.point_word(-1.96) == "points"  # shown as 2,0
    assert formats.point_word(2.0) == "points"
    monkeypatch.setenv("LIBERAL_CRISIS_LANG", "en")
    assert formats.point_word(1.4) == "points"


def test_a_hover_date_takes_1er_on_the_first_of_a_month_in_french_only(french, monkeypatch):
    # what plotly's d3 time format cannot write: the suffix after the day's number
    assert formats.day_suffix("2024-10-01") == "er"
    assert formats.day_suffix("2024-10-02") == ""
    assert formats.day_suffix("2025-01-31") == ""
    assert formats.hover_day("customdata[1]") == "%{x|%-d}%{customdata[1]} %{x|%B %Y}"
    monkeypatch.setenv("LIBERAL_CRISIS_LANG", "en")
    assert formats.day_suffix("2024-10-01") == ""  # "1 October 2024"


def test_members_of_a_party_in_a_sentence(french, monkeypatch):
    # French newsrooms write members in lower case, the NDP's as « néo-démocrates »
    assert [formats.members(p) for p in ("LPC", "NDP", "BQ")] == [
        "les libéraux", "les néo-démocrates", "les bloquistes"]
    monkeypatch.setenv("LIBERAL_CRISIS_LANG", "en")
    assert [formats.members(p) for p in ("LPC", "NDP", "BQ")] == [
        "the Liberals", "the NDP", "the Bloc Québécois"]


def test_the_tool_bar_words_are_plotlys_own_keys():
    """plotly.js looks each tool bar word up by its exact English key: a key it no longer uses
    (plotly.js 4 says "Download plot as a PNG", where 2.x said "as a png") leaves the button in
    English on the French site. Each key must be a string the installed bundle passes to its
    ``_()`` lookup (``Gr(e,"Zoom")``)."""
    bundle = (Path(__file__).resolve().parents[1] / "node_modules" / "plotly.js-basic-dist-min"
              / "plotly-basic.min.js").read_text(encoding="utf-8")
    looked_up = set(re.findall(r'\w+\(\w+,"([^"]+)"\)', bundle))
    keys = list(formats.PLOTLY_WORDS)
    assert "Download plot as a PNG" in looked_up and "Download plot as a png" not in looked_up
    assert not [k for k in keys if k not in looked_up], [k for k in keys if k not in looked_up]
