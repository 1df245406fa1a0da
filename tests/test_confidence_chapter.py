"""The confidence chapter's module: figures typed from data/confidence_votes.csv and
data/house_*.csv, never from the code."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from conftest import REPO
from liberal_crisis import data
from liberal_crisis.stories import confidence


@pytest.fixture(scope="module")
def numbers():
    return confidence.prose_numbers(data.load("confidence_votes"), data.load("house_standings"),
                                    data.load("house_snapshots"), data.load("timeline"))


def test_the_tallies(numbers):
    # confidence_votes.csv: 25 September 120 yeas, 211 nays (91 apart), division 858 at sitting
    # 343, 127 yeas in the press; 1 October 121-207 (120 in the press); 9 December 152-180;
    # C-319 on 2 October 181-143, division 866, sitting 347; three non-confidence motions from
    # September; two of the five rows verified against the Journals.
    assert (numbers["conf_sep_yeas"], numbers["conf_sep_nays"], numbers["conf_sep_margin"]) == (
        "120", "211", "91")
    assert (numbers["conf_sep_division"], numbers["conf_sep_sitting"],
            numbers["conf_sep_press_yeas"]) == ("858", "343", "127")
    assert (numbers["conf_oct_yeas"], numbers["conf_oct_nays"],
            numbers["conf_oct_press_yeas"]) == ("121", "207", "120")
    assert (numbers["conf_dec_yeas"], numbers["conf_dec_nays"]) == ("152", "180")
    assert (numbers["conf_c319_yeas"], numbers["conf_c319_nays"], numbers["conf_c319_division"],
            numbers["conf_c319_sitting"]) == ("181", "143", "866", "347")
    assert numbers["conf_n_autumn"] == "3"
    assert (numbers["conf_n_verified"], numbers["conf_n_verified_all"]) == ("2", "5")


def test_the_house_of_9_december(numbers):
    # house_standings.csv, 2024-12-09: LPC 153, CPC 119, BQ 33, NDP 25, GPC 2, IND 4; two of 338
    # vacant; less the Speaker 335 voting, 168 to carry, 152 Liberal votes; CPC+BQ+NDP 177,
    # CPC+BQ 152, CPC+NDP 144; LPC+NDP+GPC 179 votes on 180 seats.
    assert (numbers["conf_house_size"], numbers["conf_vacant"]) == ("338", "2")
    assert [numbers[f"conf_seats_{p}"] for p in ("lpc", "cpc", "bq", "ndp", "gpc", "ind")] == [
        "153", "119", "33", "25", "2", "4"]
    assert (numbers["conf_voting_members"], numbers["conf_voting_majority"],
            numbers["conf_lpc_votes"]) == ("335", "168", "152")
    assert (numbers["conf_opposition_three"], numbers["conf_cpc_bq"],
            numbers["conf_cpc_ndp"]) == ("177", "152", "144")
    assert (numbers["conf_lpc_ndp_gpc_votes"], numbers["conf_lpc_ndp_gpc_seats"]) == ("179", "180")


def test_every_name_the_prose_uses_is_computed(numbers):
    used = set(re.findall(r"\{eval\}`(conf_\w+)`",
                          (REPO / "book" / "confidence.md").read_text(encoding="utf-8")))
    assert used and used <= set(numbers), sorted(used - set(numbers))


def _grid(rows):
    return pd.DataFrame(rows, columns=["vote_date", "party_code", "position", "basis"])


def test_the_positions_title_names_only_parties_recorded_against_every_motion():
    """The title read "every other party with a recorded vote opposed them" while the Bloc's
    vote of 9 December is in no source: a party with a motion unrecorded is not named."""
    dates = ["2024-09-25", "2024-12-09"]
    movers = pd.Series(["CPC", "CPC"], index=dates)
    tally = pd.DataFrame({"vote_date": dates})
    rows = [(d, p, "nay", "reported") for d in dates for p in ("LPC", "NDP")]
    rows += [("2024-09-25", "BQ", "nay", "reported"), ("2024-12-09", "BQ", "not reported", "none")]
    rows += [(d, "CPC", "not reported", "none") for d in dates]
    title = confidence.positions_title(_grid(rows), movers, tally)
    assert title == ("The Conservatives moved all 2 motions; the Liberals and the NDP voted "
                     "against every one")
    # recorded against both, the Bloc is named too
    rows[-3] = ("2024-12-09", "BQ", "nay", "reported")
    assert "the Liberals, the NDP and the Bloc Québécois voted" in confidence.positions_title(
        _grid(rows), movers, tally)
    # a party recorded for a motion that it did not move breaks the title's claim: it stops
    rows.append(("2024-12-09", "GPC", "yea", "reported"))
    with pytest.raises(AssertionError):
        confidence.positions_title(_grid(rows), movers, tally)


def test_the_positions_title_in_french_names_members_in_lower_case(monkeypatch):
    """The French edition's title: the members in lower case (« les conservateurs »), the NDP's
    as « les néo-démocrates », joined with « et », capitalised at the start only."""
    monkeypatch.setenv("LIBERAL_CRISIS_LANG", "fr")
    dates = ["2024-09-25", "2024-12-09"]
    movers = pd.Series(["CPC", "CPC"], index=dates)
    rows = [(d, p, "nay", "reported") for d in dates for p in ("LPC", "NDP")]
    rows += [(d, "CPC", "not reported", "none") for d in dates]
    title = confidence.positions_title(_grid(rows), movers, pd.DataFrame({"vote_date": dates}))
    assert title == ("Les conservateurs ont présenté les 2 motions; les libéraux et les "
                     "néo-démocrates ont voté contre chacune d’elles")


def test_the_positions_table_speaks_the_editions_language(monkeypatch):
    """The numbers behind the positions chart are cards on a phone: a French reader read
    "nay" and "reported" there. English keeps the data's own words."""
    rows = [("2024-09-25", "LPC", "nay", "reported", False),
            ("2024-12-09", "BQ", "not reported", "none", False)]
    grid = pd.DataFrame(rows, columns=["vote_date", "party_code", "position", "basis",
                                       "moved_the_motion"])
    assert confidence.positions_table(grid)["position"].tolist() == ["nay", "not reported"]
    monkeypatch.setenv("LIBERAL_CRISIS_LANG", "fr")
    table = confidence.positions_table(grid)
    assert table["position"].tolist() == ["contre", "non rapporté"]
    assert table["basis"].tolist() == ["rapporté par la presse", "aucun"]
