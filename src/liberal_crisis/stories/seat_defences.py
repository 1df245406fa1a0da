"""Government defences at by-elections since 1993: ranked by the fall in the government's share,
the seats lost, and how long a party had held a riding.

Pure functions on the data package's tables (nothing here reads files); the arithmetic is
:mod:`liberal_crisis.analysis.history`'s. Shares are percent (0-100), swings percentage points.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..analysis import history


def defence_ranking(byelections: pd.DataFrame, highlight: Iterable[str] = ()) -> pd.DataFrame:
    """Government defences sorted by change in the government's share, largest fall first.

    Adds ``position`` (1 = largest fall; defences without a known change come last, in date
    order) and ``outcome``: "Lost (highlighted)" for ridings in ``highlight`` that were lost,
    "Lost" and "Held" otherwise. ``swing_pts`` follows
    :func:`liberal_crisis.analysis.history.swing_against_government`: negative = the
    government's share fell.
    """
    d = history.government_defences(byelections)
    d = d.sort_values(["swing_pts", "election_date"], na_position="last", kind="stable")
    lost = d["lost"].fillna(False).astype(bool)
    marked = d["riding"].isin(list(highlight)) & lost
    d = d.assign(
        position=np.arange(1, len(d) + 1),
        outcome=np.where(marked, "Lost (highlighted)", np.where(lost, "Lost", "Held")),
    )
    return d.reset_index(drop=True)


def held_since(winners: pd.DataFrame, party: str, before) -> int:
    """First year of ``party``'s unbroken run of wins in contests held before ``before``.

    ``winners``: one row per contest with ``election_date`` and ``party_code`` (e.g.
    ``toronto_st_pauls_winners``). Raises ValueError if the last contest before ``before``
    was not won by ``party``.
    """
    rows = winners[winners["election_date"] < pd.Timestamp(before)].sort_values("election_date")
    if rows.empty or rows["party_code"].iloc[-1] != party:
        raise ValueError(f"{party} did not win the last contest before {before}")
    won = (rows["party_code"] == party).to_numpy()
    start = len(won) - 1
    while start > 0 and won[start - 1]:
        start -= 1
    return int(rows["election_date"].iloc[start].year)


def losses_table(ranking: pd.DataFrame) -> pd.DataFrame:
    """The lost defences from :func:`defence_ranking`, in date order, for display."""
    lost = ranking[ranking["outcome"] != "Held"].sort_values("election_date")
    return lost[["election_date", "province", "riding", "government_party", "winner_party",
                 "gov_share_prev_pct", "gov_share_pct", "swing_pts", "position",
                 "held_since_year", "held_since_censored"]
                + [c for c in ("held_since_basis",) if c in lost.columns]].reset_index(drop=True)
