"""Hand-worked checks of the aftermath helpers, and the real 2025 figures against Elections
Canada's validated results (typed from the results download of 13 June 2025)."""

import pandas as pd
import pytest

from liberal_crisis import data
from liberal_crisis.stories import byelections, timeline

TOY = pd.DataFrame({"candidate": ["A", "B", "C", "D"], "party_code": ["LPC", "CPC", "NDP", "GPC"],
                    "votes": [50, 30, 15, 5]})


def test_candidate_place_by_hand():
    assert timeline.candidate_place(TOY, "C") == {"place": 3, "votes": 15, "share_pct": 15.0}
    assert timeline.candidate_place(TOY, "A")["place"] == 1
    with pytest.raises(KeyError):
        timeline.candidate_place(TOY, "Z")


def test_reported_counts_groups_conflicting_sources():
    rep = pd.DataFrame({"as_of": pd.to_datetime(["2025-03-23"] * 3), "party_code": ["LPC"] * 3,
                        "seats": [152, 153, 152], "reported_by": ["W", "CP", "R"]})
    out = timeline.reported_counts(rep, "2025-03-23", "LPC")
    assert out["seats"].tolist() == [152, 153]
    assert out["reported_by"].tolist() == ["W and R", "CP"]
    assert out["n_sources"].tolist() == [2, 1]
    with pytest.raises(KeyError):
        timeline.reported_counts(rep, "2025-03-23", "NDP")


def test_real_leaders_ridings_2025():
    leaders = data.load("ge2025_leaders_ridings")
    carleton = byelections.margin(byelections.contest(leaders, "Carleton"))
    # Elections Canada, validated: Fanjoy 43,846, Poilievre 39,333; 91 candidates.
    assert (carleton["winner"], carleton["winner_votes"]) == ("Bruce Fanjoy", 43846)
    assert (carleton["runner_up"], carleton["runner_up_votes"]) == ("Pierre Poilievre", 39333)
    assert carleton["margin_votes"] == 4513
    assert (leaders["riding"] == "Carleton").sum() == 91
    burnaby = byelections.contest(leaders, "Burnaby Central")
    singh = timeline.candidate_place(burnaby, "Jagmeet Singh")
    # Chang 21,745, Yan 19,889, Singh 9,353, Farbridge 506.
    assert singh["place"] == 3 and singh["votes"] == 9353
    assert round(singh["share_pct"], 1) == round(9353 / (21745 + 19889 + 9353 + 506) * 100, 1)


def test_real_dissolution_counts_conflict():
    out = timeline.reported_counts(data.load("reported_seat_counts"), "2025-03-23", "LPC")
    # Wikipedia's infobox 152, The Canadian Press 153; no official count could be read.
    assert out["seats"].tolist() == [152, 153]
    assert out["reported_by"].tolist() == ["Wikipedia", "The Canadian Press"]


def test_2026_counts_are_the_agencies_own_and_not_added_up():
    """CP counted 170 Liberal seats on 11 March 2026 (four floor-crossings); AP 171 before the
    by-elections of 13 April (five defections). Neither is a total after the by-elections."""
    rows = data.load("reported_seat_counts")
    later = rows[rows["as_of"] >= pd.Timestamp("2026-01-01")]
    assert sorted(zip(later["reported_by"], later["seats"])) == [
        ("Associated Press", 171), ("The Canadian Press", 170)]
    assert not (later["seats"] > 171).any(), "no seat total after the by-elections is recorded"
    assert int(data.load("house_rules").set_index("rule")["members"].iloc[0]) == 12
