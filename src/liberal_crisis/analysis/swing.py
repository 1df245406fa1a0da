"""Vote shares and swing between two contests.

All shares are percent (0-100) and all changes are percentage points.
Inputs are long vote tables (``party_code``, ``votes`` and, for several contests,
a contest key such as ``riding_number``); nothing here reads files.
"""
from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

# The pooling rule is written into the derived by-election table, so it lives in the data layer
# (data/derive/pooling.py) and is re-exported here with its constants.
from ..data.derive.pooling import (MIN_SHARE, NON_PARTY, OTHER, _require,  # noqa: F401
                                   pool_small_candidates)


def shares(votes_long: pd.DataFrame, by: str | None = "riding_number") -> pd.DataFrame | pd.Series:
    """Percent vote shares by party.

    With ``by`` (default ``riding_number``): a wide frame, one row per contest, one column
    per ``party_code``, 0 where the party did not stand. Several rows for one party in a
    contest (e.g. two independents) are summed. With ``by=None`` the whole frame is one
    contest and a Series indexed by ``party_code`` is returned.
    """
    _require(votes_long, ["party_code", "votes"] + ([by] if by is not None else []))
    if (votes_long["votes"] < 0).any():
        raise ValueError("negative vote counts")
    if by is None:
        totals = votes_long.groupby("party_code", sort=True)["votes"].sum().astype(float)
        return (100.0 * totals / totals.sum()).rename("share_pct")
    wide = (
        votes_long.groupby([by, "party_code"], sort=True)["votes"].sum()
        .unstack("party_code", fill_value=0)
        .astype(float)
    )
    # A contest with no valid votes gives NaN shares rather than a division error.
    return wide.div(wide.sum(axis=1), axis=0).mul(100.0)


def pool_minor(
    votes_long: pd.DataFrame, keep: Iterable[str], other: str = OTHER
) -> pd.DataFrame:
    """Relabel every ``party_code`` not in ``keep`` as ``other`` (votes are unchanged).

    Rows are relabelled, not summed: a caller that wants one row per code groups afterwards
    (:func:`shares` does). See :func:`pool_small_candidates` for the book's 1 % rule.
    """
    _require(votes_long, ["party_code", "votes"])
    keep = set(keep)
    out = votes_long.copy()
    out["party_code"] = out["party_code"].where(out["party_code"].isin(keep), other)
    return out


def _one_contest(votes: pd.DataFrame, side: str) -> None:
    for key in ("riding_number", "riding", "election_date"):
        if key in votes.columns and votes[key].nunique() > 1:
            raise ValueError(f"{side}_votes holds more than one contest ({key} varies)")


def compare_shares(
    after_votes: pd.DataFrame,
    before_votes: pd.DataFrame,
    keep: Iterable[str] | None = None,
    other: str = OTHER,
) -> pd.DataFrame:
    """Shares of one contest before and after, on a common set of party codes.

    Returns a frame indexed by ``party_code`` with columns ``before`` and ``after``
    (percent; 0 where the code is absent on that side).

    Party codes are first put on a common footing, the same way on both sides:
    every code not in ``keep`` is pooled into ``other`` (``OTH``). ``keep=None`` means
    "every code present in both contests, except IND and OTH": a party that stood only
    once (or was pooled into OTH on one side by this book's 1 % rule,
    :func:`pool_small_candidates`) is compared as part of OTH instead of showing a spurious
    full gain or loss. Pass ``keep`` explicitly to
    compare a named party that stood on one side only; it then counts as 0 on the other.
    """
    _one_contest(after_votes, "after")
    _one_contest(before_votes, "before")
    if keep is None:
        both = set(after_votes["party_code"]) & set(before_votes["party_code"])
        keep = both - NON_PARTY
    a = shares(pool_minor(after_votes, keep, other), by=None)
    b = shares(pool_minor(before_votes, keep, other), by=None)
    out = pd.concat({"before": b, "after": a}, axis=1).fillna(0.0)
    out.index.name = "party_code"
    return out.sort_index()


def share_change(
    after_votes: pd.DataFrame,
    before_votes: pd.DataFrame,
    keep: Iterable[str] | None = None,
    other: str = OTHER,
) -> pd.Series:
    """Change in share (points, after minus before) per party for one contest.

    Pooling of minor parties, IND and OTH follows :func:`compare_shares`; after pooling a
    code absent on one side counts 0 there, so the changes sum to zero.
    """
    cmp = compare_shares(after_votes, before_votes, keep=keep, other=other)
    return (cmp["after"] - cmp["before"]).rename("change_pts")


def butler_swing(change: pd.Series | pd.DataFrame, to_party: str, from_party: str):
    """Two-party Butler swing in points: (change[to] - change[from]) / 2.

    Positive = swing towards ``to_party``. ``change`` is a Series indexed by party (one
    contest, gives a float) or a frame with party columns (gives a Series, one per row).
    A party missing from ``change`` raises KeyError rather than being silently taken as 0.
    """
    labels = change.index if isinstance(change, pd.Series) else change.columns
    missing = [p for p in (to_party, from_party) if p not in labels]
    if missing:
        raise KeyError(f"party not in change: {', '.join(missing)}")
    swing = (change[to_party] - change[from_party]) / 2.0
    return float(swing) if isinstance(change, pd.Series) else swing.rename("butler_swing_pts")
