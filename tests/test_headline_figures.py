"""The figures the book's story rests on, pinned to the official record.

Expected values come from the publishers (Elections Canada, the Library of Parliament) and from
reporting cross-checked in two sources, not from this code: a CSV edit that moves one of them
fails here, loudly, before a page can publish it.
"""

from __future__ import annotations

import pytest

from liberal_crisis.stories import byelections
from liberal_crisis import data
from liberal_crisis.analysis import seat_count, shares, winners


@pytest.fixture(scope="module")
def results():
    return data.load("byelection_results_2024")


@pytest.mark.parametrize(
    "riding, winner, runner_up, margin",
    [
        ("Toronto--St. Paul's", "CPC", "LPC", 633),  # LoP validated (election night: 590)
        ("LaSalle--Émard--Verdun", "BQ", "LPC", 269),  # LoP validated (election night: 248)
        ("Elmwood--Transcona", "NDP", "CPC", 1182),
        ("Cloverdale--Langley City", "CPC", "LPC", 7525),
    ],
)
def test_validated_byelection_margins(results, riding, winner, runner_up, margin):
    got = byelections.margin(byelections.contest(results, riding))
    assert (got["winner_party"], got["runner_up_party"], got["margin_votes"]) == (
        winner, runner_up, margin)


def test_election_night_margins_as_reported():
    prelim = data.load("byelection_preliminary_2024").set_index(["riding", "party_code"])["votes"]
    assert prelim["Toronto--St. Paul's", "CPC"] - prelim["Toronto--St. Paul's", "LPC"] == 590
    assert prelim["LaSalle--Émard--Verdun", "BQ"] - prelim["LaSalle--Émard--Verdun", "LPC"] == 248


def test_ballot_lengths():
    ballots = data.load("byelection_ballots_2024").set_index("riding")["candidates_on_ballot"]
    assert ballots["Toronto--St. Paul's"] == 84
    assert ballots["LaSalle--Émard--Verdun"] == 91


def test_2021_seats_from_riding_results():
    votes = data.load("ge2021_riding_votes")
    seats = seat_count(winners(shares(votes.astype({"votes": "int64"}))))
    assert dict(seats[seats > 0]) == {"LPC": 160, "CPC": 119, "BQ": 32, "NDP": 25, "GPC": 2}


def test_2025_seats_and_votes():
    national = data.load("ge2025_national").set_index("party_code")
    assert dict(national["seats"][national["seats"] > 0]) == {
        "LPC": 169, "CPC": 144, "BQ": 22, "NDP": 7, "GPC": 1}
    assert int(national["votes"].sum()) == 19_641_663


def test_confidence_vote_of_25_september():
    votes = data.load("confidence_votes").set_index("vote_date")
    row = votes.loc["2024-09-25"]
    assert (row["yeas"], row["nays"], row["result"]) == (120, 211, "defeated")


def test_pledge_and_caucus():
    reports = data.load("pledge_reports")
    signed = reports[reports["measure"] == "signed"]
    assert set(signed["count_low"]) >= {20, 24}
    assert int(data.load("caucus_size")["members"].iloc[0]) == 153
