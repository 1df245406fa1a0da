"""The aftermath chapter's module: figures typed from data/*.csv, never from the code."""

from __future__ import annotations

import re

import pytest

from conftest import REPO
from liberal_crisis import data
from liberal_crisis.stories import aftermath


@pytest.fixture(scope="module")
def numbers():
    return aftermath.prose_numbers(
        data.load("byelection_results_2024"), data.load("byelection_turnout_2024"),
        data.load("riding_history"), data.load("ge2021_ridings"), data.load("ge2021_riding_votes"),
        data.load("ge2025_national"), data.load("house_snapshots"), data.load("leadership_2025"),
        data.load("ge2025_leaders_ridings"), data.load("reported_seat_counts"),
        data.load("house_rules").set_index("rule"))


def test_cloverdale_langley_city(numbers):
    # byelection_results_2024.csv: Jansen (CPC) 9936, Fleischer (LPC) 2411, six rows of 15002;
    # 66.23 % and 16.07 %. riding_history.csv, 2021: LPC 20877, CPC 19223 of 53250 (39.21 %,
    # 36.10 %).
    assert (numbers["after_clc_cpc_votes"], numbers["after_clc_lpc_votes"]) == ("9,936", "2,411")
    assert numbers["after_clc_margin"] == "7,525"
    assert (numbers["after_clc_cpc_share"], numbers["after_clc_lpc_share"]) == ("66.2", "16.1")
    assert (numbers["after_clc_lpc_2021"], numbers["after_clc_cpc_2021"]) == ("39.2", "36.1")
    assert numbers["after_clc_lpc_change"] == "23.1"  # 39.21 - 16.07


def test_the_leadership_vote(numbers):
    # leadership_2025.csv: Carney 85.88 % of points, 131674 votes (86.84 %); Freeland 7.96 %;
    # points 29456.91 + 2728.57 + 1100.34 + 1014.18 = 34300
    assert numbers["after_carney_points_pct"] == "85.9"
    assert (numbers["after_carney_votes"], numbers["after_carney_votes_pct"]) == ("131,674", "86.8")
    assert numbers["after_freeland_points_pct"] == "8.0"
    assert numbers["after_points_total"] == "34,300"


def test_the_2025_general_election(numbers):
    # ge2025_national.csv: LPC 169, CPC 144, BQ 22, NDP 7; shares 43.76, 41.31, 6.29 %;
    # house_snapshots.csv: 343 seats, 172 for a majority (338 in 2021)
    assert [numbers[f"after_{p}_seats_2025"] for p in ("lpc", "cpc", "bq", "ndp")] == [
        "169", "144", "22", "7"]
    assert (numbers["after_house_2025"], numbers["after_majority_2025"]) == ("343", "172")
    assert numbers["after_house_2021"] == "338"
    assert numbers["after_lpc_short"] == "3"
    assert [numbers[f"after_{p}_share_2025"] for p in ("lpc", "cpc", "ndp")] == [
        "43.8", "41.3", "6.3"]
    # house_rules.csv: 12 members for a recognized party; the NDP's 7 is 5 short
    assert (numbers["after_party_min"], numbers["after_ndp_below_by"]) == ("12", "5")


def test_leaders_and_the_house_after(numbers):
    # ge2025_leaders_ridings.csv: Carleton, Fanjoy 43846, Poilievre 39333, 91 candidates
    assert numbers["after_carleton_winner"] == "Bruce Fanjoy"
    assert (numbers["after_carleton_winner_votes"], numbers["after_carleton_pp_votes"]) == (
        "43,846", "39,333")
    assert numbers["after_carleton_margin"] == "4,513"
    assert numbers["after_carleton_candidates"] == "91"
    # reported_seat_counts.csv: at dissolution LPC 152 (Wikipedia) and 153 (The Canadian Press),
    # NDP 24; LPC 170 on 11 March 2026 and 171 on 14 April 2026
    assert (numbers["after_diss_low"], numbers["after_diss_low_by"]) == ("152", "Wikipedia")
    assert (numbers["after_diss_high"], numbers["after_diss_high_by"]) == (
        "153", "The Canadian Press")
    assert numbers["after_diss_ndp"] == "24"
    assert (numbers["after_2026_march_lpc"], numbers["after_2026_april_lpc_ap"]) == ("170", "171")


def test_every_name_the_prose_uses_is_computed(numbers):
    used = set(re.findall(r"\{eval\}`(after_\w+)`",
                          (REPO / "book" / "aftermath.md").read_text(encoding="utf-8")))
    assert used and used <= set(numbers), sorted(used - set(numbers))
    assert all(isinstance(v, str) for v in numbers.values())
