"""The pact chapter's module: the House arithmetic, typed from data/house_*.csv."""

from __future__ import annotations

import re

import pytest

from conftest import REPO
from liberal_crisis import data
from liberal_crisis.stories import the_pact


@pytest.fixture(scope="module")
def numbers():
    return the_pact.prose_numbers(data.load("house_standings"), data.load("house_snapshots"))


def test_after_2021(numbers):
    # 338 seats, 170 for a majority; Liberals 160 (10 short), NDP 25 (185 together); one
    # Liberal-line independent, so 159 sitting Liberals, 11 short.
    assert (numbers["pact_house_size"], numbers["pact_majority"]) == ("338", "170")
    assert (numbers["pact_lpc_2021"], numbers["pact_short_2021"]) == ("160", "10")
    assert (numbers["pact_ndp_2021"], numbers["pact_with_ndp_2021"]) == ("25", "185")
    assert (numbers["pact_lpc_2021_sitting"], numbers["pact_short_2021_sitting"]) == ("159", "11")


def test_autumn_2024(numbers):
    # 9 December 2024: LPC 153, CPC 119, BQ 33, NDP 25, GPC 2, IND 4, two vacant (336 filled);
    # the Speaker (Greg Fergus, Liberal) out: 335 voting, 168 a majority, 152 Liberal votes
    # (16 short), 177 with the NDP (9 spare), 185 with the Bloc; CPC+BQ 152, CPC+BQ+NDP 177.
    assert (numbers["pact_lpc_autumn"], numbers["pact_short_autumn"]) == ("153", "17")
    assert (numbers["pact_vacant_autumn"], numbers["pact_filled_autumn"],
            numbers["pact_opposition_autumn"]) == ("2", "336", "183")
    assert numbers["pact_speaker_autumn"] == "Greg Fergus"
    assert (numbers["pact_voting_autumn"], numbers["pact_voting_majority_autumn"],
            numbers["pact_lpc_votes_autumn"], numbers["pact_short_voting_autumn"]) == (
        "335", "168", "152", "16")
    assert (numbers["pact_with_ndp_votes_autumn"], numbers["pact_ndp_spare_autumn"],
            numbers["pact_with_bq_votes_autumn"]) == ("177", "9", "185")
    assert (numbers["pact_cpc_bq_autumn"], numbers["pact_cpc_bq_ndp_autumn"]) == ("152", "177")


def test_after_2025(numbers):
    # 343 seats, 172 for a majority; Liberals 169 (3 short), NDP 7.
    assert (numbers["pact_house_2025"], numbers["pact_majority_2025"]) == ("343", "172")
    assert (numbers["pact_lpc_2025"], numbers["pact_short_2025"], numbers["pact_ndp_2025"]) == (
        "169", "3", "7")


def test_every_name_the_prose_uses_is_computed(numbers):
    used = set(re.findall(r"\{eval\}`(pact_\w+)`",
                          (REPO / "book" / "the-pact.md").read_text(encoding="utf-8")))
    assert used and used <= set(numbers), sorted(used - set(numbers))
