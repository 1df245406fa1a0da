"""The derivation's rules for the history of a seat (liberal_crisis.data.derive): the party labels
before 1988, the walk back through a riding's contests since 1867, and what stops it.

Made-up contests for the walk; the real files for the labels. Expected values are worked by hand
(or, for the real ridings, read from the Library of Parliament's files), never copied from the
code's output."""

from __future__ import annotations

import csv
from types import SimpleNamespace

import pandas as pd
import pytest

from conftest import REPO
from liberal_crisis.data.derive import holds, parties, readers

dd = SimpleNamespace(**{**vars(parties), **vars(readers), **vars(holds)})

RAW = REPO / "data" / "raw" / "parlinfo"


def _labels_before_1988() -> set[str]:
    labels = set()
    files = list((RAW / "general_elections").glob("*.csv")) + list((RAW / "by_elections").glob("*.csv"))
    for path in files:
        with path.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                if row["Election_Date"] < "1988-11-21":
                    labels.add(row["Political_Affiliation"])
    return labels


# --- party labels ------------------------------------------------------------------------------

def test_the_general_elections_since_1867_are_all_there():
    dates = sorted(p.stem for p in (RAW / "general_elections").glob("*.csv"))
    assert dates[0] == "1867-08-07" == dd.FIRST_GE
    # 1867-2021: the 1st to the 44th general election (2025 comes from Elections Canada)
    assert len(dates) == 44 and dates[-1] == "2021-09-20"


def test_every_label_before_1988_follows_the_stated_rule():
    """Five labels keep the code they have from 1988; every other label before 1988 is OTH."""
    labels = _labels_before_1988()
    assert len(labels) > 100  # the historical parties are all there (read from the files)
    kept = {"Liberal Party of Canada": "LPC", "Progressive Conservative Party": "PC",
            "New Democratic Party": "NDP", "Independent": "IND",
            "No affiliation to a recognised party": "NOA"}
    assert dd.HISTORICAL_LABELS == kept
    for label in labels:
        assert dd.lop_code(label, "1968-06-25") == kept.get(label, "OTH"), label
    # the cases that matter for a Liberal run, each decided explicitly
    assert dd.lop_code("Liberal Party of Canada", "1968-06-25") == "LPC"
    for not_the_party in ("Independent Liberal", "Liberal-Conservative", "Liberal Progressive",
                          "Liberal Labour Party", "Unionist (Liberal)"):
        assert dd.lop_code(not_the_party, "1917-12-17") == "OTH", not_the_party


def test_the_historical_conservative_party_is_not_the_cpc():
    # before 1942 a real party, neither the PC (from 1942) nor the CPC (from 2003)
    assert dd.lop_code("Conservative (1867-1942)", "1930-07-28") == "OTH"
    assert dd.lop_code("National Government", "1940-03-26") == "OTH"
    # from 2003 the label can only be the LoP's mislabel of CPC candidates
    assert dd.lop_code("Conservative (1867-1942)", "2008-03-17") == "CPC"
    # between 1988 and the CPC's founding it can be neither: stop
    with pytest.raises(dd.UnmappedLabel):
        dd.lop_code("Conservative (1867-1942)", "1990-08-13")
    # from 1988 an unknown label still stops the run (no fallback)
    with pytest.raises(dd.UnmappedLabel):
        dd.lop_code("Unionist", "1993-10-25")


def test_thirteen_mislabelled_cpc_rows_after_1988():
    n = 0
    for path in (RAW / "by_elections").glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as f:
            n += sum(1 for row in csv.DictReader(f)
                     if row["Election_Date"] >= "1988-11-21"
                     and row["Political_Affiliation"] == "Conservative (1867-1942)")
    assert n == 13


# --- the walk back -----------------------------------------------------------------------------

GES = ["1867-08-07", "1968-06-25", "1972-10-30", "1993-10-25", "1997-06-02", "2000-11-27"]


def contest(prov, riding, date, *winners, loser="OTH"):
    """Rows of one contest: one elected row per winner (two for a dual-member riding)."""
    rows = [(prov, riding, date, w, True, 1000) for w in winners]
    rows.append((prov, riding, date, loser, False, 500))
    return pd.DataFrame(rows, columns=["Province_Territory", "Constituency", "Election_Date",
                                       "party_code", "elected", "Votes"])


def derive(tmp_path, generals: dict, byelections: list, predecessors=None) -> pd.DataFrame:
    ge = {d: pd.concat(generals[d], ignore_index=True) for d in GES}
    by = pd.concat(byelections, ignore_index=True)
    table = holds.byelections_since_1993_table(ge, by, predecessors or {})
    path = tmp_path / "byelections_since_1993.csv"
    table.to_csv(path, index=False)
    return pd.read_csv(path).set_index("riding")


def test_runs_are_followed_back_to_1867_under_one_name(tmp_path):
    generals = {d: [] for d in GES}
    for d in GES:
        generals[d].append(contest("ON", "Old Town", d, "LPC"))       # Liberal since 1867
        generals[d].append(contest("BC", "Victoria", d, "LPC"))       # same name, two provinces
        generals[d].append(contest("ON", "Victoria", d, "PC" if d == "1993-10-25" else "LPC"))
        generals[d].append(contest("QC", "Switch", d, "PC" if d < "1972" else "LPC"))
        if d >= "1968":  # first contested under this name in 1968 (as Windsor West was)
            generals[d].append(contest("ON", "Windsor West", d, "LPC"))
    by = [contest("ON", "Old Town", "2001-03-01", "LPC"),
          contest("BC", "Victoria", "2001-03-01", "LPC"),
          contest("QC", "Switch", "2001-03-01", "LPC"),
          contest("ON", "Windsor West", "2002-05-13", "NDP")]
    t = derive(tmp_path, generals, by)
    got = {r: (t.loc[r, "held_by_party"], int(t.loc[r, "held_since_year"]),
               t.loc[r, "held_since_basis"], bool(t.loc[r, "held_since_censored"])) for r in t.index}
    assert got == {
        "Old Town": ("LPC", 1867, "data start", True),
        "Victoria": ("LPC", 1867, "data start", True),  # Ontario's PC win of 1993 is not BC's
        "Switch": ("LPC", 1972, "party change", False),
        "Windsor West": ("LPC", 1968, "riding created", True),  # 2002 - 1968 = at least 34 years
    }


def test_a_listed_predecessor_continues_the_run(tmp_path):
    generals = {d: [] for d in GES}
    for d in GES:
        if d < "1997":  # the old name, Liberal from 1968
            generals[d].append(contest("ON", "Before", d, "PC" if d == "1867-08-07" else "LPC"))
        else:
            generals[d].append(contest("ON", "After", d, "LPC"))
    by = [contest("ON", "After", "2001-03-01", "CPC")]
    t = derive(tmp_path, generals, by, predecessors={"After": ["Before"]})
    assert (int(t.loc["After", "held_since_year"]), t.loc["After", "held_since_basis"]) == (
        1968, "party change")
    # without the curated predecessor, the run starts at the first election under the name
    t = derive(tmp_path, generals, by)
    assert (int(t.loc["After", "held_since_year"]), t.loc["After", "held_since_basis"]) == (
        1997, "riding created")


def test_a_walk_back_that_meets_a_dual_member_contest_stops_loudly(tmp_path):
    generals = {d: [] for d in GES}
    for d in GES:
        winners = ("LPC", "PC") if d == "1968-06-25" else ("LPC",)  # two members elected in 1968
        generals[d].append(contest("NS", "Halifax", d, *winners))
    by = [contest("NS", "Halifax", "2001-03-01", "LPC")]
    with pytest.raises(ValueError, match="dual-member"):
        derive(tmp_path, generals, by)


def test_winner_of_refuses_two_members():
    rows = contest("PE", "Queen's", "1965-11-08", "PC", "PC")
    with pytest.raises(ValueError, match="got 2"):
        dd.winner_of(rows)
    assert dd.winner_of(contest("PE", "Queen's", "1965-11-08", "LPC"))["party_code"] == "LPC"


# --- the derived table, checked against the Library of Parliament's files -----------------------

def test_windsor_west_is_measured_from_1968():
    """Windsor West elected the Liberal Herb Gray at every general election from 1968, its first
    under that name, to 2000, and was lost to the NDP at the by-election of 13 May 2002."""
    t = pd.read_csv(REPO / "data" / "byelections_since_1993.csv", dtype=str)
    row = t[(t["riding"] == "Windsor West") & (t["election_date"] == "2002-05-13")].iloc[0]
    assert (row["held_by_party"], row["winner_party"]) == ("LPC", "NDP")
    assert (row["held_since_year"], row["held_since_basis"], row["held_since_censored"]) == (
        "1968", "riding created", "true")
    # no run in the table reaches the general election of 1867, where the data begin
    assert "data start" not in set(t["held_since_basis"])
    # Toronto--St. Paul's still counts from 1993 (Progressive Conservative in 1988)
    tsp = t[t["riding"] == "Toronto--St. Paul's"].iloc[0]
    assert (tsp["held_since_year"], tsp["held_since_basis"]) == ("1993", "party change")
