"""Seat projections from riding-level shares: uniform and proportional swing.

Shares are percent (0-100), rows = ridings, columns = ``party_code``, as returned by
:func:`liberal_crisis.analysis.swing.shares`. A share of 0 means the party did not stand
there. All operations are column-wise (no loops over ridings).

Projected shares are not renormalised to 100: the floor at zero (uniform) and the ratios
(proportional) change the row total, but rescaling a row cannot change its winner.
"""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd

from .swing import shares

#: Label returned by :func:`winners` when two or more parties share the top.
TIE = "TIE"


def _as_series(x: pd.Series | Mapping[str, float]) -> pd.Series:
    return pd.Series(x, dtype=float) if not isinstance(x, pd.Series) else x.astype(float)


def uniform_swing(base_shares_wide: pd.DataFrame, change: pd.Series | Mapping[str, float]) -> pd.DataFrame:
    """Add each party's change (points) to its share in every riding, floored at zero.

    - A party with no entry (or NaN) in ``change`` is unchanged.
    - A party in ``change`` that did not stand in a riding (share 0 there) stays at 0:
      a swing cannot create a candidate. A party in ``change`` with no column at all in
      ``base_shares_wide`` is ignored (no column is created).
    """
    change = _as_series(change).dropna()
    out = base_shares_wide.astype(float)  # copy
    cols = out.columns.intersection(change.index)
    base = out[cols]
    moved = base.add(change.reindex(cols), axis=1).clip(lower=0.0)
    out[cols] = moved.where(base > 0, base)  # absent (0) or unknown (NaN) stays as it was
    return out


def ratio_from(after: pd.Series, before: pd.Series) -> pd.Series:
    """Per-party ratio after/before of two share Series (indexed by party).

    A party absent before (0 or missing) has an undefined ratio: NaN, which
    :func:`proportional_swing` treats as "leave unchanged". A party present before but
    absent after gets 0.
    """
    after, before = _as_series(after).align(_as_series(before), fill_value=0.0)
    return after.div(before.where(before > 0)).rename("ratio")


def proportional_swing(base_shares_wide: pd.DataFrame, ratio: pd.Series | Mapping[str, float]) -> pd.DataFrame:
    """Multiply each party's share in every riding by its ratio (after/before).

    A party with no entry, or an undefined ratio (NaN/inf: absent before), is left
    unchanged. A party that did not stand in a riding stays at 0 (0 x ratio).
    """
    ratio = _as_series(ratio)
    ratio = ratio[np.isfinite(ratio)]
    if (ratio < 0).any():
        raise ValueError("negative ratio")
    out = base_shares_wide.astype(float)
    cols = out.columns.intersection(ratio.index)
    out[cols] = out[cols].mul(ratio.reindex(cols), axis=1)
    return out


def winners(shares_wide: pd.DataFrame, tol: float = 1e-9) -> pd.Series:
    """Party with the highest share in each riding.

    Ties are never broken arbitrarily: if two or more parties are within ``tol`` points of
    the top share the riding gets ``"TIE"`` (the tolerance absorbs float noise such as
    40.1 + 0.2 vs 40.3). A riding with no positive share (all 0/NaN) gets NA.
    """
    arr = shares_wide.to_numpy(dtype=float)
    if arr.shape[1] == 0:
        return pd.Series(pd.NA, index=shares_wide.index, name="winner", dtype="object")
    arr = np.where(np.isnan(arr), -np.inf, arr)
    top = arr.max(axis=1)
    n_top = (arr >= (top - tol)[:, None]).sum(axis=1)
    labels = np.asarray(shares_wide.columns, dtype=object)[arr.argmax(axis=1)]
    labels = np.where(n_top > 1, TIE, labels)
    labels = np.where(top > 0, labels, None)
    return pd.Series(labels, index=shares_wide.index, name="winner", dtype="object")


def seat_count(winners: pd.Series) -> pd.Series:
    """Seats per winner label, most seats first (equal counts: by label, A-Z).

    ``"TIE"`` is counted as its own label; NA (no winner) is dropped.
    """
    counts = winners.dropna().value_counts().sort_index()
    counts = counts.sort_values(ascending=False, kind="stable")
    counts.index.name = "party_code"
    return counts.astype(int).rename("seats")


def project(
    base_votes_long: pd.DataFrame,
    change: pd.Series | pd.DataFrame | Mapping[str, float],
    method: str = "uniform",
    by: str = "riding_number",
) -> pd.Series:
    """Seat count after applying a swing to base riding votes.

    ``change`` is either points per party (``method="uniform"``), a ratio per party
    (``method="proportional"``), or the ``before``/``after`` frame from
    :func:`liberal_crisis.analysis.swing.compare_shares`, from which the right one is
    derived for either method.
    """
    if method not in ("uniform", "proportional"):
        raise ValueError(f"method must be 'uniform' or 'proportional', not {method!r}")
    if isinstance(change, pd.DataFrame):
        if method == "uniform":
            change = change["after"] - change["before"]
        else:
            change = ratio_from(change["after"], change["before"])
    base = shares(base_votes_long, by=by)
    swing = uniform_swing if method == "uniform" else proportional_swing
    return seat_count(winners(swing(base, change)))
