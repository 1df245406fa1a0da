"""The Toronto–St. Paul's chapter's module: figures typed from data/*.csv, never from the code."""

from __future__ import annotations

import pytest

from liberal_crisis import data
from liberal_crisis.stories import toronto_st_pauls


@pytest.fixture(scope="module")
def numbers():
    return toronto_st_pauls.prose_numbers(
        data.load("byelection_results_2024"), data.load("byelection_ballots_2024"),
        data.load("byelection_preliminary_2024"), data.load("byelection_turnout_2024"),
        data.load("riding_history"), data.load("toronto_st_pauls_winners"),
        data.load("ge2021_ridings"))


def test_the_validated_count(numbers):
    # byelection_results_2024.csv: Stewart (CPC) 15565, Church (LPC) 14932, six rows summing to
    # 36954 valid votes; 15565 / 36954 = 42.12 %, 14932 / 36954 = 40.41 %; PPC 238.
    assert numbers["tsp_winner_votes"] == "15,565"
    assert numbers["tsp_runner_up_votes"] == "14,932"
    assert numbers["tsp_margin"] == "633"
    assert numbers["tsp_valid"] == "36,954"
    assert (numbers["tsp_cpc_share"], numbers["tsp_lpc_share"]) == ("42.1", "40.4")
    assert numbers["tsp_ppc_votes"] == "238"


def test_the_seat_before_2024(numbers):
    # toronto_st_pauls_winners.csv: McDougall (PC) in 1988, Campbell (LPC) in 1993, Bennett's
    # 40.59969... % in 2011.
    assert numbers["tsp_last_other"] == "Barbara Jean McDougall"
    assert numbers["tsp_last_other_year"] == "1988"
    assert numbers["tsp_first_liberal"] == "Barry R. Campbell"
    assert numbers["tsp_lpc_2011_share"] == "40.6"


def test_every_name_the_prose_uses_is_computed(numbers):
    from conftest import REPO
    import re
    used = set(re.findall(r"\{eval\}`(tsp_\w+)`",
                          (REPO / "book" / "toronto-st-pauls.md").read_text(encoding="utf-8")))
    assert used and used <= set(numbers), sorted(used - set(numbers))
    assert all(isinstance(v, str) for v in numbers.values())
