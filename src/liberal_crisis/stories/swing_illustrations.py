"""The 2024 by-elections' swings and the seat illustrations that apply them to the 2021 House.

Pure functions on the data package's tables (nothing here reads files): each by-election's
change in share per party (:func:`byelection_swings`, :func:`swing_summary`), the seats each
change would give if it happened in every riding (:func:`seat_scenarios`), and comparisons of
those illustrations (:func:`party_seats`, :func:`lifted`). Shares are percent (0-100); changes
and swings are percentage points. The majority of a House is
:func:`liberal_crisis.analysis.house.votes_to_carry`.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from ..analysis import projection, swing


def byelection_swings(results: pd.DataFrame, base_votes: pd.DataFrame) -> pd.DataFrame:
    """Share before (base election) and after (by-election) per party, for each by-election.

    ``results``: by-election candidate rows (``riding``, ``riding_number``, ``election_date``,
    ``party_code``, ``votes``); ``base_votes``: the general election's rows keyed by
    ``riding_number``. Parties are put on a common footing with
    :func:`liberal_crisis.analysis.swing.compare_shares` (codes not present on both sides are
    pooled as OTH). Columns: ``riding, riding_number, election_date, winner_party, party_code,
    before_pct, after_pct, change_pts``; ridings in polling-day order.
    """
    frames = []
    for (riding, number, date), rows in results.groupby(
        ["riding", "riding_number", "election_date"], sort=False
    ):
        before = base_votes[base_votes["riding_number"] == number]
        if before.empty:
            raise KeyError(f"no base-election rows for riding {number} ({riding})")
        cmp = swing.compare_shares(rows, before)
        named = rows[rows["party_code"] != swing.OTHER]
        winner = str(named.loc[named["votes"].idxmax(), "party_code"])
        frames.append(pd.DataFrame({
            "riding": riding, "riding_number": int(number), "election_date": date,
            "winner_party": winner, "party_code": cmp.index,
            "before_pct": cmp["before"].to_numpy(), "after_pct": cmp["after"].to_numpy(),
            "change_pts": (cmp["after"] - cmp["before"]).to_numpy(),
        }))
    out = pd.concat(frames, ignore_index=True)
    return out.sort_values(["election_date", "riding", "party_code"], kind="stable").reset_index(
        drop=True)


def swing_summary(swings: pd.DataFrame, base_party: str = "LPC",
                  also: str | None = "CPC") -> pd.DataFrame:
    """Per by-election: the ``base_party`` change, the winner's change and Butler swings.

    Columns ``riding, election_date, winner_party, base_change_pts, winner_change_pts,
    butler_to_winner_pts`` (from ``base_party`` to the winner; positive = towards the winner)
    and, with ``also``, ``butler_to_<also>_pts``.
    """
    rows = []
    for (riding, date, winner), g in swings.groupby(["riding", "election_date", "winner_party"],
                                                     sort=False):
        change = g.set_index("party_code")["change_pts"]
        row = {
            "riding": riding, "election_date": date, "winner_party": winner,
            "base_change_pts": float(change[base_party]),
            "winner_change_pts": float(change[winner]),
            "butler_to_winner_pts": swing.butler_swing(change, winner, base_party),
        }
        if also is not None:
            row[f"butler_to_{also.lower()}_pts"] = swing.butler_swing(change, also, base_party)
        rows.append(row)
    return pd.DataFrame(rows)


def seat_scenarios(base_votes: pd.DataFrame, swings: pd.DataFrame,
                   methods: Iterable[str] = ("uniform", "proportional"),
                   parties: Iterable[str] = ("LPC", "CPC", "BQ", "NDP", "GPC")) -> pd.DataFrame:
    """Seats by party when each by-election's change is applied to every base riding.

    For each riding in ``swings`` and each method, the before/after shares of that by-election
    are passed to :func:`liberal_crisis.analysis.projection.project`. A zero-swing row
    (``method="none"``) reproduces the base election. Returns a long frame ``scenario, riding,
    method, party_code, seats`` with 0 for a listed party that wins nothing; labels other than
    ``parties`` (e.g. ``TIE``) are kept when they occur.
    """
    parties = list(parties)
    rows = []

    def add(scenario, riding, method, counts: pd.Series):
        labels = parties + [c for c in counts.index if c not in parties]
        for code in labels:
            rows.append((scenario, riding, method, code, int(counts.get(code, 0))))

    base = projection.seat_count(projection.winners(swing.shares(base_votes)))
    add("no change", None, "none", base)
    for (riding, date), g in swings.groupby(["riding", "election_date"], sort=False):
        cmp = g.set_index("party_code")[["before_pct", "after_pct"]].rename(
            columns={"before_pct": "before", "after_pct": "after"})
        for method in methods:
            counts = projection.project(base_votes, cmp, method=method)
            add(f"{riding} ({method})", riding, method, counts)
    return pd.DataFrame(rows, columns=["scenario", "riding", "method", "party_code", "seats"])


def party_seats(seats: pd.DataFrame, party: str, method: str) -> pd.Series:
    """``party``'s seats in each by-election illustration of one ``method``, most first.

    ``seats`` is :func:`seat_scenarios`' frame; the Series is indexed by riding (ties keep
    the polling-day order). Use ``.iloc[0]`` for the illustration kindest to ``party``, but
    check ``.iloc[1]``: a tie means there is no single "mildest".
    """
    rows = seats[(seats["method"] == method) & (seats["party_code"] == party)]
    if rows.empty:
        raise KeyError(f"no {method} illustrations for {party}")
    return rows.set_index("riding")["seats"].sort_values(ascending=False, kind="stable")


def lifted(seats: pd.DataFrame, party: str, method: str) -> pd.Series:
    """The illustrations of one ``method`` that give ``party`` more seats than the base
    election (the ``method="none"`` row), with their seat counts, most first."""
    base = seats[(seats["method"] == "none") & (seats["party_code"] == party)]["seats"]
    if len(base) != 1:
        raise KeyError(f"no base-election row for {party}")
    got = party_seats(seats, party, method)
    return got[got > int(base.iloc[0])]
