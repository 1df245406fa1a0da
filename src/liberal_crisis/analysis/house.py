"""House of Commons arithmetic: how far a minority government is from a majority, and which
other party could carry it past the line (tables ``house_standings`` and ``house_snapshots``).

Pure functions; seats are counts, dates are the snapshots' ``as_of``. ``majority_needed`` is
the snapshot's own figure (a majority of all seats, vacant or not); the functions also give the
majority of the seats actually filled, which is what a division with every sitting member
present would need.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd


def _check(standings: pd.DataFrame, snapshots: pd.DataFrame) -> None:
    missing = [c for c in ("as_of", "party_code", "seats") if c not in standings.columns]
    missing += [c for c in ("as_of", "house_size", "vacant", "majority_needed")
                if c not in snapshots.columns]
    if missing:
        raise KeyError(f"missing column(s): {', '.join(missing)}")
    if snapshots["as_of"].duplicated().any():
        raise ValueError("house_snapshots has more than one row for a date")
    if standings.duplicated(["as_of", "party_code"]).any():
        raise ValueError("house_standings has more than one row for a party on a date")
    filled = standings.groupby("as_of")["seats"].sum()
    snap = snapshots.set_index("as_of")
    unknown = sorted(set(filled.index) ^ set(snap.index))
    if unknown:
        raise ValueError(f"dates in only one of the two tables: {unknown}")
    bad = filled + snap["vacant"].reindex(filled.index) != snap["house_size"].reindex(filled.index)
    if bad.any():
        raise ValueError(f"seats + vacant != house_size on {list(filled.index[bad])}")


def seats_wide(standings: pd.DataFrame) -> pd.DataFrame:
    """Seats with one row per date and one column per party (0 where a party has no row)."""
    return (
        standings.pivot_table(index="as_of", columns="party_code", values="seats",
                              aggfunc="sum", fill_value=0)
        .astype(int)
        .sort_index()
    )


def arithmetic(
    standings: pd.DataFrame,
    snapshots: pd.DataFrame,
    government: str = "LPC",
    partners: Iterable[str] = ("NDP", "BQ"),
) -> pd.DataFrame:
    """One row per snapshot date: the government's distance from a majority.

    Columns (all seats): ``as_of``, ``label`` (if the snapshots have one), ``house_size``,
    ``vacant``, ``seats_filled`` (house_size - vacant), ``majority_needed`` (from the
    snapshot), ``sitting_majority`` (seats_filled // 2 + 1), ``government_seats``,
    ``short_of_majority`` = max(majority_needed - government_seats, 0),
    ``short_of_sitting_majority`` likewise, ``opposition_seats`` = seats_filled -
    government_seats; and for each partner ``P``: ``P_seats``, ``with_P`` (government + P) and
    ``enough_with_P`` (with_P >= majority_needed).
    """
    _check(standings, snapshots)
    partners = list(partners)
    wide = seats_wide(standings)
    for code in [government, *partners]:
        if code not in wide.columns:
            raise KeyError(f"party {code!r} has no seats rows")
    snap = snapshots.set_index("as_of").sort_index()
    out = pd.DataFrame(index=snap.index)
    if "label" in snap.columns:
        out["label"] = snap["label"]
    out["house_size"] = snap["house_size"].astype(int)
    out["vacant"] = snap["vacant"].astype(int)
    out["seats_filled"] = out["house_size"] - out["vacant"]
    out["majority_needed"] = snap["majority_needed"].astype(int)
    out["sitting_majority"] = out["seats_filled"] // 2 + 1
    gov = wide[government].reindex(out.index)
    out["government_seats"] = gov
    out["short_of_majority"] = (out["majority_needed"] - gov).clip(lower=0)
    out["short_of_sitting_majority"] = (out["sitting_majority"] - gov).clip(lower=0)
    out["opposition_seats"] = out["seats_filled"] - gov
    for code in partners:
        out[f"{code}_seats"] = wide[code].reindex(out.index)
        out[f"with_{code}"] = gov + out[f"{code}_seats"]
        out[f"enough_with_{code}"] = out[f"with_{code}"] >= out["majority_needed"]
    return out.reset_index()


def combinations(
    standings: pd.DataFrame,
    snapshots: pd.DataFrame,
    government: str = "LPC",
    partners: Iterable[str] = ("NDP", "BQ"),
) -> pd.DataFrame:
    """Long table for a chart: the government alone and with each partner, at each date.

    Columns: ``as_of``, ``partner`` (empty string for the government alone), ``seats``,
    ``majority_needed``, ``surplus`` = seats - majority_needed (negative = short).
    """
    partners = list(partners)
    table = arithmetic(standings, snapshots, government, partners)
    rows = []
    for _, row in table.iterrows():
        options = [("", row["government_seats"])]
        options += [(code, row[f"with_{code}"]) for code in partners]
        for partner, seats in options:
            rows.append({
                "as_of": row["as_of"],
                "partner": partner,
                "seats": int(seats),
                "majority_needed": int(row["majority_needed"]),
                "surplus": int(seats) - int(row["majority_needed"]),
            })
    return pd.DataFrame(rows)
