"""The book's pooling rule for by-election candidates (the publishers list every candidate).

It lives here, in the data layer, because the derivation writes its result into
``byelection_results_2024.csv``; :mod:`liberal_crisis.analysis.swing` re-exports it for the
chapters.
"""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

#: Code that minor candidates are pooled into (the by-election file already uses it).
OTHER = "OTH"
#: Codes that are never a party in the swing sense: independents are different people
#: from one election to the next, and OTH is already a pool.
NON_PARTY = frozenset({"IND", OTHER})


def _require(df: pd.DataFrame, columns: Iterable[str]) -> None:
    missing = [c for c in columns if c not in df.columns]
    if missing:
        raise KeyError(f"missing column(s): {', '.join(missing)}")


#: The book's own pooling rule for by-election candidates: under this share of the valid vote
#: (percent) a candidate is pooled into one OTH row, unless kept by party (see below).
MIN_SHARE = 1.0


def pool_small_candidates(
    rows: pd.DataFrame,
    min_share: float = MIN_SHARE,
    keep: Iterable[str] = (),
    other: str = OTHER,
) -> pd.DataFrame:
    """Pool one contest's candidates under ``min_share`` % of the valid vote into one row.

    This is the book's own rule (the publishers list every candidate). ``rows`` is one contest,
    one row per candidate (``candidate``, ``party_code``, ``votes``); the result has the same
    columns plus ``candidates_aggregated`` (1 for a named row, the count for the pooled row).
    A candidate whose ``party_code`` is in ``keep`` is never pooled, however small: pass the
    parties that also stood in the contest being compared with, so that a party standing in
    both (e.g. the People's Party) keeps its own change instead of vanishing into ``other``.
    IND, NOA and ``other`` are never kept (independents are different people each time).
    Votes are unchanged; the pooled row comes last and is absent when nothing is pooled.
    """
    _require(rows, ["candidate", "party_code", "votes"])
    for key in ("riding_number", "riding", "election_date"):
        if key in rows.columns and rows[key].nunique() > 1:
            raise ValueError(f"rows hold more than one contest ({key} varies)")
    if (rows["votes"] < 0).any():
        raise ValueError("negative vote counts")
    total = rows["votes"].sum()
    kept = set(keep) - NON_PARTY - {"NOA"}
    small = (100.0 * rows["votes"] / total < min_share) if total else rows["votes"] < 0
    pooled = small & ~rows["party_code"].isin(kept)
    named = rows.loc[~pooled].assign(candidates_aggregated=1)
    if not pooled.any():
        return named.reset_index(drop=True)
    first = rows.loc[pooled].iloc[0]
    pool = {c: first[c] for c in rows.columns}
    pool.update(candidate="Other candidates", party_code=other,
                votes=int(rows.loc[pooled, "votes"].sum()),
                candidates_aggregated=int(pooled.sum()))
    return pd.concat([named, pd.DataFrame([pool])], ignore_index=True)
