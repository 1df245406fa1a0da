"""The figures a reader sees, checked on the built pages against the official record.

Every expected value below is typed from the publisher's table named beside it, never taken
from this package: the by-election results from the Library of Parliament's ParlInfo files
(by_elections/<province>.csv, validated counts), the general elections from Elections Canada
(44th GE tables 8 and 12; 45th GE results download of 13 June 2025, validated rows), the
25 September 2024 division from the House of Commons Journals (No. 343, Division 858), and the
pledge count from the reporting the book cites (24 MPs; caucus of 153).

The checks read each page's visible prose (tables, charts and scripts left out, so a figure
in a chart's data table cannot stand in for the sentence) and look for the figure *next to
what it describes*: a share glued from the wrong row ("Stewart took 15,565 votes (40.4 %)")
fails, because the sentence must give Stewart's own share right after his votes. Percent signs
may be spaced or not ("40.4 %" or "40.4%"); the digits must match exactly.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest

pytestmark = pytest.mark.build

# --- The official record, typed from the publishers' tables ---------------------------------

# Library of Parliament, ParlInfo, by-elections, Ontario.csv, 2024-06-24 (84 candidates).
TSP = dict(stewart=15_565, church=14_932, parhar=4_073, valid=36_954, candidates=84)
# Elections Canada, 44th GE, table 12, Toronto--St. Paul's (35090): total of the five candidates.
TSP_2021 = dict(lpc=26_429, cpc=13_587, ndp=9_036, valid=26_429 + 13_587 + 9_036 + 3_214 + 1_432)
# Library of Parliament, ParlInfo, by-elections, Quebec.csv, 2024-09-16 (91 candidates).
LEV = dict(ls_sauve=8_925, palestini=8_656, c_sauve=8_272, ialenti=3_641, valid=31_654,
           candidates=91)
# Elections Canada, 44th GE, table 12, LaSalle--Émard--Verdun (24037), eight candidates.
LEV_2021 = dict(lpc=20_330, bq=10_461, ndp=9_168, cpc=3_530,
                valid=20_330 + 10_461 + 9_168 + 3_530 + 1_600 + 1_439 + 636 + 196)
# Library of Parliament, ParlInfo, by-elections, British Columbia.csv, 2024-12-16.
CLC = dict(jansen=9_936, fleischer=2_411, valid=15_002)
# Library of Parliament, ParlInfo, general_elections/1968-06-25.csv to 2000-11-27.csv: Windsor
# West (first contested under that name in 1968) elected the Liberal Herb Gray every time;
# by_elections/Ontario.csv, 2002-05-13: won by the NDP (Brian Masse). St. Paul's: Progressive
# Conservative in 1988, Liberal 1993-2021. Mount Royal: Conservative in 1935, Liberal from 1940
# to the by-election of 1999-11-15 (held).
HOLDS = dict(ww_from=1968, ww_lost=2002, ww_years=2002 - 1968, tsp_from=1993,
             tsp_years=2024 - 1993, mr_from=1940, mr_year=1999, mr_years=1999 - 1940)
# Library of Parliament, ParlInfo, by-elections, Manitoba.csv, 2024-09-16; EC 44th GE table 12.
ET = dict(dance=13_597, reynolds=12_415, lpc=1_362, valid=28_219, lpc_2021_pct="14.7")
# Elections Canada, 44th GE: seats won (table 12 winners by ballot label) and valid votes by
# party (table 8, all provinces): LPC 5,556,629, CPC 5,747,410, NDP 3,036,348 of 17,034,243.
SEATS_2021 = {"LPC": 160, "CPC": 119, "BQ": 32, "NDP": 25, "GPC": 2}
NATIONAL_2021 = dict(lpc=5_556_629, cpc=5_747_410, ndp=3_036_348, valid=17_034_243)
# Elections Canada, 45th GE (343 seats, majority 172), validated results.
SEATS_2025 = {"LPC": 169, "CPC": 144, "BQ": 22, "NDP": 7, "GPC": 1}
SHARES_2025 = {"LPC": "43.76", "CPC": "41.31", "NDP": "6.29"}
# Elections Canada, 45th GE, validated rows: Toronto--St. Paul's Church 44,313 of 71,581,
# margin 20,613 over Stewart; LaSalle--Émard--Verdun Guay 27,439 of 53,953, margin 15,972 over
# Sauvé; Cloverdale--Langley City Jansen by 778.
GE2025_RIDINGS = dict(tsp_church=44_313, tsp_valid=71_581, tsp_margin=20_613,
                      lev_guay=27_439, lev_valid=53_953, lev_margin=15_972, clc_margin=778)
# House of Commons Journals No. 343, 25 September 2024, Division 858.
DIVISION_858 = dict(yeas=120, nays=211)
# The pledge: 24 MPs of a caucus of 153 (The Hill Times; CBC; The Canadian Press).
PLEDGE = dict(signed=24, caucus=153)


def pct(part, whole, places=1):
    """A share as a reader sees it: rounded once, from the counts."""
    return f"{part / whole * 100:.{places}f}"


def pts(value, places=1):
    return f"{value:.{places}f}"


# --- Reading the page -------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _prose(path: Path) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    article = soup.select_one("article") or soup
    for hidden in article.select("script, style, table, figure, details, .lc-chart"):
        hidden.decompose()
    text = " ".join(p.get_text() for p in article.find_all(["p", "li", "dd", "h1", "h2", "h3"]))
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2019", "'")
    return " ".join(text.split())


def prose(built_site: Path, page: str) -> str:
    return _prose(built_site / "book" / f"{page}.html")


NUMBER = re.compile(r"^[+-]?\d[\d,]*(\.\d+)?%?$")


def _part(token: str) -> str:
    """A regex for one expected piece: a number must match exactly (not as part of a longer
    number) and may be followed by a spaced or unspaced percent sign."""
    if NUMBER.match(token):
        digits = re.escape(token.rstrip("%"))
        tail = r"\s?%" if token.endswith("%") else r"(?!\d|[.,]\d)"
        return rf"(?<!\d)(?<!\d[.,]){digits}{tail}"
    return r"\s+".join(re.escape(word) for word in token.split())


# Between two pieces: anything short that does not cross a sentence end.
GAP = r"(?:(?!(?<!\bSt)\.\s+[A-Z]).){0,%d}?"


def says(text: str, *pieces: str, gap: int = 60) -> bool:
    pattern = (GAP % gap).join(_part(p) for p in pieces)
    return re.search(pattern, text) is not None


def assert_says(text, *pieces, gap=60):
    assert says(text, *pieces, gap=gap), (
        f"the page does not say {' … '.join(pieces)!r} (each within {gap} characters of the "
        f"last, in one sentence)")


def test_the_matcher_catches_a_share_glued_from_the_wrong_row():
    """Control: the audit's wrong page fails, the right one passes, spacing of % is free."""
    right = "Stewart took 15,565 votes (42.1 %) and the Liberal candidate, Leslie Church, 14,932 (40.4%)."
    wrong = "Stewart took 15,565 votes (40.4 %) and the Liberal candidate, Leslie Church, 14,932 (40.4 %)."
    assert says(right, "Stewart", "15,565", "42.1%") and says(right, "Church", "14,932", "40.4%")
    assert not says(wrong, "Stewart", "15,565", "42.1%")
    assert not says("Stewart took 115,565 votes", "Stewart", "15,565")
    assert not says("a margin of 6330 votes", "margin", "633")
    assert not says("by 633. Then 42.1 %", "633", "42.1%")


# --- Page by page ---------------------------------------------------------------------------

def test_toronto_st_pauls(built_site):
    text = prose(built_site, "toronto-st-pauls")
    margin = TSP["stewart"] - TSP["church"]
    assert margin == 633
    assert_says(text, "Don Stewart", "by", f"{margin:,}", "votes", pct(margin, TSP["valid"]), "points")
    # Each candidate's votes with that candidate's own share, next to the name.
    assert_says(text, "Stewart took", f"{TSP['stewart']:,}", "votes", pct(TSP["stewart"], TSP["valid"]) + "%",
                gap=20)
    assert_says(text, "Church,", f"{TSP['church']:,}", pct(TSP["church"], TSP["valid"]) + "%", gap=20)
    assert_says(text, f"{TSP['valid']:,}", "valid votes")
    # Change since 2021 and the two-party swing (Elections Canada 2021 table 12).
    lpc_fall = TSP_2021["lpc"] / TSP_2021["valid"] * 100 - TSP["church"] / TSP["valid"] * 100
    cpc_gain = TSP["stewart"] / TSP["valid"] * 100 - TSP_2021["cpc"] / TSP_2021["valid"] * 100
    ndp_fall = TSP_2021["ndp"] / TSP_2021["valid"] * 100 - TSP["parhar"] / TSP["valid"] * 100
    assert_says(text, "Bennett won", pct(TSP_2021["lpc"], TSP_2021["valid"]) + "%", gap=10)
    assert_says(text, "Liberal share fell by", pts(lpc_fall), "points", "NDP share by", pts(ndp_fall))
    assert_says(text, "Conservatives gained", pts(cpc_gain))
    assert_says(text, "swing of", pts((lpc_fall + cpc_gain) / 2), "points", gap=10)
    assert_says(text, f"{TSP['candidates']}", "names were on the ballot", gap=5)


def test_lasalle_emard_verdun(built_site):
    text = prose(built_site, "lasalle-emard-verdun")
    v = LEV["valid"]
    margin = LEV["ls_sauve"] - LEV["palestini"]
    assert margin == 269
    assert_says(text, "Bloc Québécois took LaSalle–Émard–Verdun", "by", f"{margin}", "votes",
                pct(margin, v, 2), "points")
    assert_says(text, "Louis-Philippe Sauvé took", f"{LEV['ls_sauve']:,}", "votes", pct(LEV["ls_sauve"], v) + "%", gap=20)
    assert_says(text, "Laura Palestini", f"{LEV['palestini']:,}", pct(LEV["palestini"], v) + "%", gap=20)
    assert_says(text, "Craig Sauvé", f"{LEV['c_sauve']:,}", pct(LEV["c_sauve"], v) + "%", gap=20)
    assert_says(text, f"{v:,}", "valid votes")
    assert_says(text, "NDP finished", f"{LEV['palestini'] - LEV['c_sauve']}", "behind the Liberals",
                f"{LEV['ls_sauve'] - LEV['c_sauve']}", "behind the winner")
    assert_says(text, "Ialenti", pct(LEV["ialenti"], v) + "%")
    assert_says(text, pts((LEV["ls_sauve"] - LEV["c_sauve"]) / v * 100), "points separated")
    share = {k: LEV[k] / v * 100 for k in ("ls_sauve", "palestini", "c_sauve", "ialenti")}
    before = {k: LEV_2021[k] / LEV_2021["valid"] * 100 for k in ("lpc", "bq", "ndp", "cpc")}
    lpc_fall = before["lpc"] - share["palestini"]
    assert_says(text, "Lametti won", pts(before["lpc"]) + "%", "Bloc on", pts(before["bq"]) + "%",
                "NDP on", pts(before["ndp"]) + "%")
    assert_says(text, "Liberal share fell by", pts(lpc_fall), "points")
    assert_says(text, "NDP rose by", pts(share["c_sauve"] - before["ndp"]), "points",
                "Bloc by", pts(share["ls_sauve"] - before["bq"]),
                "Conservatives by", pts(share["ialenti"] - before["cpc"]))
    assert_says(text, pts((share["ls_sauve"] - before["bq"] + lpc_fall) / 2), "points from Liberal to Bloc",
                gap=5)
    assert_says(text, pts((share["c_sauve"] - before["ndp"] + lpc_fall) / 2), "from Liberal to NDP", gap=5)
    assert_says(text, f"{LEV['candidates']}", "candidates stood", gap=5)
    # Elmwood--Transcona the same night.
    assert_says(text, "Liberal share fell to", pct(ET["lpc"], ET["valid"]) + "%", ET["lpc_2021_pct"] + "%",
                gap=20)


def test_the_pact_house_arithmetic(built_site):
    text = prose(built_site, "the-pact")
    majority = 338 // 2 + 1
    assert_says(text, f"{SEATS_2021['LPC']}", "of 338 seats", f"{majority - SEATS_2021['LPC']}", "short",
                f"{majority}", "needed")
    assert_says(text, "NDP's", f"{SEATS_2021['NDP']}", "seats", f"{SEATS_2021['LPC'] + SEATS_2021['NDP']}",
                "together")
    assert_says(text, "343 seats", "majority", "172", "Liberals won", f"{SEATS_2025['LPC']}",
                f"{172 - SEATS_2025['LPC']}", "short", "NDP fell to", f"{SEATS_2025['NDP']}", "seats")


def test_confidence_vote_of_25_september(built_site):
    text = prose(built_site, "confidence")
    yeas, nays = DIVISION_858["yeas"], DIVISION_858["nays"]
    assert_says(text, "25 September", f"{nays}–{yeas}", "gap of", f"{nays - yeas}", "members")
    assert_says(text, "defeated by", f"{nays}", "votes to", f"{yeas}", gap=5)


def test_the_pledge(built_site):
    text = prose(built_site, "the-pledge")
    signed, caucus = PLEDGE["signed"], PLEDGE["caucus"]
    assert_says(text, f"{signed}", "MPs", pct(signed, caucus) + "%", f"{caucus}", "Liberal MPs")
    # Other parties' thresholds applied to a caucus of 153: ceil(15 %) = 23, ceil(20 %) = 31.
    assert_says(text, "UK Conservatives' rule", "23 MPs", gap=20)
    assert_says(text, "Reform Act", "(31)", gap=5)
    assert_says(text, "Reform Act", "20%", "(31 MPs,", f"{31 - signed}", "more than signed", gap=120)


def test_national_picture_2025_result(built_site):
    text = prose(built_site, "national-picture")
    # House style: shares and points to one decimal (CONTRIBUTING.md "House style").
    one = {party: f"{float(share):.1f}" for party, share in SHARES_2025.items()}
    assert_says(text, "Liberals took", one["LPC"] + "%", "Conservatives", one["CPC"] + "%")
    assert_says(text, "result of", one["NDP"] + "%", gap=5)
    # The gap a reader gets by subtracting the printed shares (house style: one decimal).
    lead = float(one["LPC"]) - float(one["CPC"])
    assert_says(text, "won the popular vote by", f"{lead:.1f}", gap=5)
    assert_says(text, f"{SEATS_2025['LPC']}", "of the 343 seats", "172", "majority",
                "Conservatives", f"{SEATS_2025['CPC']}")


def test_aftermath(built_site):
    text = prose(built_site, "aftermath")
    c = CLC
    assert_says(text, "Tamara Jansen took", f"{c['jansen']:,}", "votes", pct(c["jansen"], c["valid"]) + "%", gap=20)
    assert_says(text, "Madison Fleischer", f"{c['fleischer']:,}", pct(c["fleischer"], c["valid"]) + "%",
                "margin of", f"{c['jansen'] - c['fleischer']:,}", "votes", gap=30)
    assert_says(text, "Liberals won", f"{SEATS_2025['LPC']}", "seats", f"{SEATS_2021['LPC']}", "in 2021",
                "Conservatives", f"{SEATS_2025['CPC']}", f"{SEATS_2021['CPC']}")
    assert_says(text, "Bloc Québécois won", f"{SEATS_2025['BQ']}", "seats", "NDP", f"{SEATS_2025['NDP']}",
                "down from", f"{SEATS_2021['NDP']}")
    n21 = NATIONAL_2021
    assert_says(text, "Liberal share rose from", pct(n21["lpc"], n21["valid"]) + "%", "in 2021",
                f"{float(SHARES_2025['LPC']):.1f}%", "Conservative share from", pct(n21["cpc"], n21["valid"]) + "%",
                f"{float(SHARES_2025['CPC']):.1f}%", "NDP's share fell from", pct(n21["ndp"], n21["valid"]) + "%",
                f"{float(SHARES_2025['NDP']):.1f}%")
    g = GE2025_RIDINGS
    assert_says(text, "Leslie Church", "won with", pct(g["tsp_church"], g["tsp_valid"]) + "%", "against",
                pct(TSP["church"], TSP["valid"]) + "%", "margin of", f"{g['tsp_margin']:,}", "votes", gap=40)
    assert_says(text, "Claude Guay took", pct(g["lev_guay"], g["lev_valid"]) + "%", "against",
                pct(LEV["palestini"], LEV["valid"]) + "%", "Liberal candidate", "by", f"{g['lev_margin']:,}",
                "votes", gap=60)
    assert_says(text, "Jansen held on", "by", f"{g['clc_margin']}", "votes", gap=20)


def test_front_page(built_site):
    text = prose(built_site, "index")
    assert_says(text, "Toronto–St. Paul's by", f"{TSP['stewart'] - TSP['church']}", "votes",
                "LaSalle–Émard–Verdun by", f"{LEV['ls_sauve'] - LEV['palestini']}", gap=10)
    assert_says(text, "defeated by", f"{DIVISION_858['nays']}", "votes to", f"{DIVISION_858['yeas']}", gap=5)
    assert_says(text, f"{PLEDGE['signed']}", "of the", f"{PLEDGE['caucus']}", "Liberal MPs",
                pct(PLEDGE["signed"], PLEDGE["caucus"]) + "%", gap=5)
    assert_says(text, "won", f"{SEATS_2025['LPC']}", "of 343 seats", gap=5)


def test_what_if_baseline_and_swings(built_site):
    text = prose(built_site, "what-if")
    s = SEATS_2021
    assert_says(text, "2021 votes give back the 2021 result", f"Liberals {s['LPC']}",
                f"Conservatives {s['CPC']}", f"Bloc {s['BQ']}", f"NDP {s['NDP']}", f"Greens {s['GPC']}", gap=6)
    tsp_fall = TSP_2021["lpc"] / TSP_2021["valid"] * 100 - TSP["church"] / TSP["valid"] * 100
    assert_says(text, "between", pts(tsp_fall), "points (Toronto–St. Paul's)", gap=5)


def test_what_if_length_of_hold(built_site):
    """Toronto–St. Paul's was not the longest-held seat lost: Windsor West was (issue 21)."""
    text = prose(built_site, "what-if")
    h = HOLDS
    assert_says(text, "Toronto–St. Paul's had been Liberal for", str(h["tsp_years"]), "years",
                str(h["tsp_from"]), "2024", gap=5)
    assert_says(text, "only Windsor West had been held longer", "Liberal from", str(h["ww_from"]),
                "until", str(h["ww_lost"]), "at least", str(h["ww_years"]), "years", gap=40)
    assert_says(text, "longest-held seat lost was Windsor West", "Liberal from",
                str(h["ww_from"]), "13 May 2002", "NDP", "at least", str(h["ww_years"]), gap=80)
    assert_says(text, "Mount Royal's", "Liberal since", str(h["mr_from"]), str(h["mr_year"]),
                str(h["mr_years"]), "years", gap=30)
    assert "was the longest-held seat lost" not in text  # the claim corrected on 6 December 2026
