"""The methods page's module: figures typed from data/*.csv, never from the code. (The stated
parameters of pooling and the poll average are pinned in tests/test_stated_methods.py.)"""

from __future__ import annotations

import re

import pytest

from conftest import REPO
from liberal_crisis import data
from liberal_crisis.stories import methods


@pytest.fixture(scope="module")
def numbers():
    return methods.prose_numbers(
        data.load("polls"), data.load("byelection_results_2024"),
        data.load("byelection_preliminary_2024"), data.load("riding_history"),
        data.load("house_snapshots"), data.load("ge2021_ridings"), data.load("pledge_reports"),
        data.descriptor())


def test_the_poll_sample(numbers):
    # polls.csv: 541 rows, 214 from the sjwild scrape, 327 from the full table, one with the
    # release's shares
    assert (numbers["meth_polls_n"], numbers["meth_polls_scrape"],
            numbers["meth_polls_table"]) == ("541", "214", "327")
    assert numbers["meth_polls_release"] == "1 poll"


def test_the_house_and_the_ridings(numbers):
    # house_snapshots.csv: 338 seats after 2021, 343 after 2025; more than half is 170 and 172;
    # ge2021_ridings.csv: 338 rows
    assert (numbers["meth_seats_2013"], numbers["meth_seats_2023"]) == ("338", "343")
    assert (numbers["meth_majority_2013"], numbers["meth_majority_2023"]) == ("170", "172")
    assert numbers["meth_ridings_2021"] == "338"
    assert numbers["meth_resources"] == "31"  # data/datapackage.json's resources


def test_election_night_against_the_validated_count(numbers):
    # byelection_preliminary_2024.csv against byelection_results_2024.csv: Toronto–St. Paul's
    # 15555 - 14965 = 590 on the night, 15565 - 14932 = 633 validated; LaSalle–Émard–Verdun
    # 8884 - 8636 = 248 and 8925 - 8656 = 269; Elmwood–Transcona 13606 - 12448 = 1158 and
    # 13597 - 12415 = 1182; Jansen (Cloverdale–Langley City) 9931 and 9936
    assert (numbers["meth_tsp_margin_night"], numbers["meth_tsp_margin_valid"]) == ("590", "633")
    assert (numbers["meth_lev_margin_night"], numbers["meth_lev_margin_valid"]) == ("248", "269")
    assert (numbers["meth_elm_margin_night"], numbers["meth_elm_margin_valid"]) == (
        "1,158", "1,182")
    assert (numbers["meth_clc_cpc_night"], numbers["meth_clc_cpc_valid"]) == ("9,931", "9,936")


def test_the_letter_and_the_worked_swing(numbers):
    # pledge_reports.csv, "signed": 20 on 11 October 2024, 24 on 23 October 2024
    assert (numbers["meth_signed_first"], numbers["meth_signed_letter"]) == ("20", "24")
    # Toronto–St. Paul's: CPC 15565 and LPC 14932 of 36954 in 2024 (byelection_results_2024.csv)
    # against 13587 and 26429 of 53698 in 2021 (riding_history.csv): +16.82 and -8.81 points,
    # a Butler swing of (16.82 + 8.81) / 2 = 12.81
    assert (numbers["meth_tsp_cpc_change"], numbers["meth_tsp_lpc_change"]) == ("16.8", "8.8")
    assert numbers["meth_tsp_swing"] == "12.8"


def test_every_name_the_prose_uses_is_computed(numbers):
    used = set(re.findall(r"\{eval\}`(meth_\w+)`",
                          (REPO / "book" / "methods.md").read_text(encoding="utf-8")))
    assert used and used <= set(numbers), sorted(used - set(numbers))
    assert all(isinstance(v, str) for v in numbers.values())
