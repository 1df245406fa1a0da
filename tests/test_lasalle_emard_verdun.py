"""The LaSalle–Émard–Verdun chapter's module: figures typed from data/*.csv, never from the
code."""

from __future__ import annotations

import re

import pytest

from conftest import REPO
from liberal_crisis import data
from liberal_crisis.stories import lasalle_emard_verdun


@pytest.fixture(scope="module")
def numbers():
    return lasalle_emard_verdun.prose_numbers(
        data.load("byelection_results_2024"), data.load("byelection_ballots_2024"),
        data.load("byelection_preliminary_2024"), data.load("byelection_turnout_2024"),
        data.load("riding_history"), data.load("ge2021_ridings"), data.load("longest_ballots"),
        REPO / "data")


def test_the_ballot_files_run_from_confederation_to_the_latest_by_election():
    first, last = lasalle_emard_verdun.ballot_files_span(REPO / "data")
    # data/raw/parlinfo/general_elections/1867-08-07.csv is the first general-election file;
    # the latest Election_Date in the by-election files is Battle River–Crowfoot's (Alberta.csv).
    assert (first, last) == ("1867-08-07", "2025-08-18")


def test_the_validated_count(numbers):
    # byelection_results_2024.csv: BQ 8925, LPC 8656, NDP 8272, CPC 3641, GPC 557, PPC 159,
    # others 1444 (85 candidates): 31654 valid votes (byelection_ballots_2024.csv says the same);
    # margin 269 = 0.85 % of 31654; 8925 - 8272 = 653, 8656 - 8272 = 384.
    assert (numbers["lev_bq_votes"], numbers["lev_lpc_votes"], numbers["lev_ndp_votes"]) == (
        "8,925", "8,656", "8,272")
    assert numbers["lev_valid"] == "31,654"
    assert (numbers["lev_margin"], numbers["lev_margin_pts"]) == ("269", "0.85")
    assert (numbers["lev_first_to_third"], numbers["lev_ndp_behind_lpc"]) == ("653", "384")
    # 28.195 %, 27.346 %, 26.133 %, 11.502 %
    assert [numbers[f"lev_{p}_share"] for p in ("bq", "lpc", "ndp", "cpc")] == [
        "28.2", "27.3", "26.1", "11.5"]
    assert numbers["lev_candidates"] == "91"


def test_election_night(numbers):
    # byelection_preliminary_2024.csv: BQ 8884, LPC 8636 (its note: margin 248)
    assert (numbers["lev_night_bq"], numbers["lev_night_lpc"]) == ("8,884", "8,636")
    assert numbers["lev_night_margin"] == "248"


def test_against_2021_and_2025(numbers):
    # riding_history.csv, 2021: LPC 20330 of 47360 = 42.93 %; the by-election's 27.35 % is
    # 15.58 points lower. 2025 (ten candidates): LPC 27439 of 53953 = 50.86 %, BQ 11467 =
    # 21.25 %, margin 15972.
    assert numbers["lev_lpc_2021"] == "42.9"
    assert numbers["lev_lpc_change"] == "15.6"
    assert (numbers["lev_lpc_2025"], numbers["lev_bq_2025"]) == ("50.9", "21.3")
    assert numbers["lev_margin_2025"] == "15,972"


def test_elmwood_transcona(numbers):
    # 2024: NDP 13597, CPC 12415, LPC 1362 of 28219 (4.83 %); 2021: LPC 6169 of 41839 (14.74 %)
    assert numbers["lev_wpg_margin"] == "1,182"
    assert numbers["lev_wpg_lpc_votes"] == "1,362"
    assert (numbers["lev_wpg_lpc_share"], numbers["lev_wpg_lpc_2021"]) == ("4.8", "14.7")
    assert numbers["lev_wpg_night_margin"] == "1,158"  # 13606 - 12448 on election night


def test_every_name_the_prose_uses_is_computed(numbers):
    used = set(re.findall(r"\{eval\}`(lev_\w+)`",
                          (REPO / "book" / "lasalle-emard-verdun.md").read_text(encoding="utf-8")))
    assert used and used <= set(numbers), sorted(used - set(numbers))
    assert all(isinstance(v, str) for v in numbers.values())
