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
    return pd.Series(x, dtype=float)  # a float copy, of a Series or of a mapping


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
    moved = (base + change[cols]).clip(lower=0.0)
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
    out[cols] = out[cols] * ratio[cols]
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
    labels = _winner_labels(arr, np.asarray(shares_wide.columns, dtype=object), tol)
    return pd.Series(labels, index=shares_wide.index, name="winner", dtype="object")


def _winner_labels(arr: np.ndarray, columns: np.ndarray, tol: float = 1e-9) -> np.ndarray:
    """:func:`winners` on a NumPy array of shares (ridings x parties named by ``columns``)."""
    arr = np.where(np.isnan(arr), -np.inf, arr)
    top = arr.max(axis=1)
    n_top = (arr >= (top - tol)[:, None]).sum(axis=1)
    labels = columns[arr.argmax(axis=1)]
    labels = np.where(n_top > 1, TIE, labels)
    return np.where(top > 0, labels, None)


def seat_count(winners: pd.Series) -> pd.Series:
    """Seats per winner label, most seats first (equal counts: by label, A-Z).

    ``"TIE"`` is counted as its own label; NA (no winner) is dropped.
    """
    counts = winners.dropna().value_counts()
    counts = counts[sorted(counts.index, key=lambda label: (-counts[label], label))]
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


# --------------------------------------------------------------------------------------------
# Sensitivity: a by-election's swing scaled from none (0) to all of it (1)
# --------------------------------------------------------------------------------------------

def scaled_change(before: pd.Series | Mapping[str, float], after: pd.Series | Mapping[str, float],
                  fraction: float, method: str = "uniform") -> pd.Series:
    """A fraction of the change from ``before`` to ``after`` (shares by party), for ``method``.

    The by-election's shares are moved ``fraction`` of the way from ``before`` to ``after``:

    - ``"uniform"``: points, ``fraction * (after - before)``;
    - ``"proportional"``: the ratio of that moved share to ``before``, written
      ``fraction * ratio + (1 - fraction)`` so that 0 gives exactly 1 and 1 gives exactly
      :func:`ratio_from` (a party absent before keeps an undefined ratio: NaN, unchanged).
    """
    if not 0.0 <= fraction <= 1.0:
        raise ValueError(f"fraction must be between 0 and 1, not {fraction}")
    after, before = _as_series(after).align(_as_series(before), fill_value=0.0)
    if method == "uniform":
        return (fraction * (after - before)).rename("change")
    if method == "proportional":
        return (fraction * ratio_from(after, before) + (1.0 - fraction)).rename("ratio")
    raise ValueError(f"method must be 'uniform' or 'proportional', not {method!r}")


def sensitivity(base_votes_long: pd.DataFrame, before, after, fractions, method: str = "uniform",
                parties=None, by: str = "riding_number") -> pd.DataFrame:
    """Seats by party for each fraction of a swing (see :func:`scaled_change`).

    Long frame ``fraction, party_code, seats``; every party in ``parties`` (default: every
    label that wins a seat at some fraction) appears at every fraction, with 0 where it wins
    nothing.
    """
    if method not in ("uniform", "proportional"):
        raise ValueError(f"method must be 'uniform' or 'proportional', not {method!r}")
    base = shares(base_votes_long, by=by)
    counts = _scaled_counts(base, before, after, fractions, method)
    labels = list(parties) if parties is not None else list(
        dict.fromkeys(code for c in counts.values() for code in c))
    rows = [(float(f), code, int(c.get(code, 0))) for f, c in counts.items() for code in labels]
    return pd.DataFrame(rows, columns=["fraction", "party_code", "seats"])


def _scaled_counts(base: pd.DataFrame, before, after, fractions, method: str) -> dict:
    """``{fraction: seat_count(winners(swing(base, scaled_change(before, after, fraction,
    method))))}`` as ``{label: seats}`` dicts in :func:`seat_count`'s order, with the same
    floats: each share moved by one addition then the floor (uniform) or one multiplication
    (proportional), by a change computed as :func:`scaled_change` computes it. On NumPy arrays:
    the sensitivity charts take hundreds of these, and the DataFrame path took seconds."""
    after, before = _as_series(after).align(_as_series(before), fill_value=0.0)
    full = (after - before) if method == "uniform" else ratio_from(after, before)
    in_base = [c for c in full.index if c in set(base.columns)]
    where = [base.columns.get_loc(c) for c in in_base]
    full = full.reindex(in_base).to_numpy(dtype=float)
    shares_arr = base.to_numpy(dtype=float)
    columns = np.asarray(base.columns, dtype=object)
    out = {}
    for f in fractions:
        if not 0.0 <= f <= 1.0:
            raise ValueError(f"fraction must be between 0 and 1, not {f}")
        values = f * full if method == "uniform" else f * full + (1.0 - f)
        keep = np.isfinite(values)
        if method == "proportional" and (values[keep] < 0).any():
            raise ValueError("negative ratio")
        arr = shares_arr.copy()
        cols = [w for w, k in zip(where, keep) if k]
        if cols:
            part, v = arr[:, cols], values[keep]
            if method == "uniform":
                arr[:, cols] = np.where(part > 0, np.maximum(part + v, 0.0), part)
            else:
                arr[:, cols] = part * v
        labels = [x for x in _winner_labels(arr, columns) if x is not None]
        counted = {}
        for label in labels:
            counted[label] = counted.get(label, 0) + 1
        out[f] = dict(sorted(counted.items(), key=lambda kv: (-kv[1], kv[0])))
    return out

def _leads(base_shares_wide: pd.DataFrame, before, after, party: str, method: str):
    """For each riding, the open interval of fractions ``(lo, hi)`` in which ``party``'s
    projected share is above every other candidate's (see :func:`threshold_fraction`)."""
    after, before = _as_series(after).align(_as_series(before), fill_value=0.0)
    a = base_shares_wide.astype(float)  # from shares(): 0 where a party did not stand
    present = a > 0
    if method == "uniform":
        step = (after - before).reindex(a.columns).fillna(0.0)
        b = pd.DataFrame(np.broadcast_to(step.to_numpy(), a.shape), index=a.index, columns=a.columns)
    elif method == "proportional":
        ratio = ratio_from(after, before).reindex(a.columns)
        ratio = ratio.where(np.isfinite(ratio), 1.0)  # undefined (NaN): unchanged
        b = a * (ratio - 1.0)
    else:
        raise ValueError(f"method must be 'uniform' or 'proportional', not {method!r}")
    b = b.where(present, 0.0)  # a party that did not stand stays at 0
    n = len(a)
    lo, hi = np.full(n, -np.inf), np.full(n, np.inf)

    def require(g, h):
        # g + f h > 0 for f in (lo, hi): a half-line, everywhere or nowhere when h == 0.
        nonlocal lo, hi
        with np.errstate(divide="ignore", invalid="ignore"):
            root = -g / h
        lo = np.where(h > 0, np.maximum(lo, root), lo)
        hi = np.where(h < 0, np.minimum(hi, root), hi)
        lo = np.where((h == 0) & (g <= 0), np.inf, lo)  # never: an empty interval

    ap, bp = a[party].to_numpy(), b[party].to_numpy()
    require(ap, bp)  # its own share above zero (the uniform floor)
    lo = np.where(present[party].to_numpy(), lo, np.inf)
    for other in a.columns.drop(party):
        # Where the other did not stand, its share and slope are 0: the constraint is the
        # party's own floor again.
        require(ap - a[other].to_numpy(), bp - b[other].to_numpy())
    return lo, hi


def threshold_fraction(base_votes_long: pd.DataFrame, before, after, party: str, seats: int,
                       method: str = "uniform", by: str = "riding_number") -> float:
    """The smallest fraction of a swing (0-1) beyond which ``party`` wins at least ``seats``.

    Exact, not read off a grid: with either method every projected share is a straight line in
    the fraction (uniform: ``a + f d``; proportional: ``a + f a (r - 1)``; the uniform floor at
    zero cannot change who leads), so the fractions at which ``party`` leads a riding form one
    open interval, and its seat count is a step function. Returns the left end of the first
    step at which the count reaches ``seats`` (0.0 if it already does with no swing; the party
    needs a little more than this fraction: exactly at it, the deciding riding is a tie), or NaN
    if it never does up to the whole swing.
    """
    base = shares(base_votes_long, by=by)
    if party not in base.columns:  # it stood nowhere: it can win nothing
        return float("nan")
    lo, hi = _leads(base, before, after, party, method)
    candidates = np.unique(np.concatenate([[0.0], lo[(lo > 0) & (lo < 1)]]))
    for f in candidates:
        # Seats just above f: ridings whose interval starts at or before f and ends after it.
        if int(((lo <= f) & (hi > f)).sum()) >= seats:
            return float(f)
    return float("nan")
