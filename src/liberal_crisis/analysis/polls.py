"""A smoothed poll average with a bootstrap band (numpy only).

The smoother is a local linear regression with Gaussian weights (a kernel form of LOWESS):
at each date ``x`` it fits a straight line to the polls, each weighted by
``exp(-((t - x) / h)² / 2)`` where ``t`` is the poll's date and ``h`` the bandwidth in days,
and takes the line's value at ``x``. Local linear (rather than a plain weighted mean) keeps the
estimate unbiased for a straight trend, including at the ends of the series.

The band comes from a case bootstrap: the polls are re-drawn with replacement ``n_boot``
times (seeded, so every build gives the same band), the smoother is re-fitted to each draw, and
the band runs between the ``(1 - level) / 2`` and ``(1 + level) / 2`` quantiles of the
re-fitted values. It measures how much the average moves with the sampling noise among the
polls in hand. It does not measure pollsters' house effects (a firm that leans one way in every
poll moves the average and the band together), nor polls missing from the sample.

Where the polls are thin (a kernel weight worth fewer than ``min_polls`` polls: the sum of the
weights, in which a poll on the date counts 1 and one a bandwidth away about 0.6) the average
and its band are left empty rather than drawn from one or two distant polls.

Dates are ``datetime64`` values or anything pandas can read; shares and leads in percent or
points. All functions are pure.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

#: The kernel: each poll's weight is ``exp(-((t - x) / h)² / 2)``, a Gaussian in days.
KERNEL = "Gaussian"
#: ``h``, the kernel's bandwidth (its standard deviation), in days.
BANDWIDTH_DAYS = 14.0
#: The share of the bootstrap re-fits the band holds (the central 90%).
LEVEL = 0.9
#: How many times the polls are re-drawn for the band.
N_BOOT = 400
#: The least kernel weight (polls' worth) at a date for the average to be drawn there.
MIN_POLLS = 3.0
#: The bootstrap's random seed (the day the book's first chapter was drafted), fixed so that
#: every build draws the same band.
SEED = 20241216


def kernel_weight(days_apart, bandwidth_days: float = BANDWIDTH_DAYS):
    """A poll's weight ``days_apart`` days from the evaluation date: the :data:`KERNEL`,
    1 on the date, ``exp(-1/2)`` (about 0.61) one bandwidth away."""
    return np.exp(-0.5 * (np.asarray(days_apart) / bandwidth_days) ** 2)


def _days(dates) -> np.ndarray:
    values = pd.to_datetime(pd.Series(dates)).to_numpy(dtype="datetime64[D]")
    return values.astype(float)


def _fit(d: np.ndarray, w: np.ndarray, y: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Local linear fits at every evaluation date for every set of poll counts.

    d, w: (m, n) day offsets (poll minus evaluation date) and kernel weights; y: (n,);
    counts: (b, n) how often each poll is drawn. Returns (m, b).
    """
    c = counts.T
    s0, s1, s2 = w @ c, (w * d) @ c, (w * d * d) @ c
    t0, t1 = (w * y) @ c, (w * d * y) @ c
    det = s0 * s2 - s1 * s1
    with np.errstate(invalid="ignore", divide="ignore"):
        linear = (s2 * t0 - s1 * t1) / det
        constant = t0 / s0
    # A draw whose polls near x all share one date has no slope to fit (det is 0 up to
    # rounding): use the weighted mean.
    flat = det <= 1e-9 * s0 * s2
    return np.where(flat, constant, linear)


def smooth(dates, values, at, *, bandwidth_days: float = BANDWIDTH_DAYS, level: float = LEVEL,
           n_boot: int = N_BOOT, min_polls: float = MIN_POLLS, seed: int = SEED) -> pd.DataFrame:
    """Smoothed average of ``values`` (one per poll, dated ``dates``) at the dates ``at``.

    Returns one row per date in ``at``: ``date``, ``estimate``, ``lower``, ``upper`` (the
    bootstrap band at ``level``) and ``polls_equiv`` (the sum of the kernel weights: how many
    polls the estimate rests on, counting distant ones for less). ``estimate``, ``lower`` and ``upper`` are NaN where ``polls_equiv < min_polls``.
    Polls with a missing value are dropped.
    """
    if not 0 < level < 1:
        raise ValueError(f"level must be between 0 and 1, not {level}")
    if bandwidth_days <= 0:
        raise ValueError(f"bandwidth_days must be positive, not {bandwidth_days}")
    t, y = _days(dates), np.asarray(values, dtype=float)
    if t.shape != y.shape:
        raise ValueError("dates and values differ in length")
    keep = ~np.isnan(y)
    t, y = t[keep], y[keep]
    at_index = pd.to_datetime(pd.Series(at)).reset_index(drop=True)
    x = _days(at_index)
    out = pd.DataFrame({"date": at_index, "estimate": np.nan, "lower": np.nan,
                        "upper": np.nan, "polls_equiv": 0.0})
    if len(y) == 0:
        return out
    d = t[None, :] - x[:, None]
    w = kernel_weight(d, bandwidth_days)
    equiv = w.sum(1)
    est = _fit(d, w, y, np.ones_like(y)[None, :])[:, 0]
    rng = np.random.default_rng(seed)
    counts = rng.multinomial(len(y), np.full(len(y), 1 / len(y)), size=n_boot)
    boot = _fit(d, w, y, counts)
    shown = equiv >= min_polls
    # The band only where it is shown and some poll has weight (so some re-fit is a number:
    # a date with no weight at all would make numpy warn of an all-NaN slice).
    banded = shown & (equiv > 0)
    out["estimate"] = np.where(shown, est, np.nan)
    out.loc[banded, "lower"] = np.nanquantile(boot[banded], (1 - level) / 2, axis=1)
    out.loc[banded, "upper"] = np.nanquantile(boot[banded], (1 + level) / 2, axis=1)
    out["polls_equiv"] = equiv
    return out


def evaluation_dates(dates, step_days: int = 3) -> pd.DatetimeIndex:
    """Every ``step_days`` days from the first poll to the last (both included)."""
    d = pd.to_datetime(pd.Series(dates))
    grid = pd.date_range(d.min(), d.max(), freq=f"{step_days}D")
    if grid[-1] != d.max():
        grid = grid.append(pd.DatetimeIndex([d.max()]))
    return grid


def smooth_parties(long: pd.DataFrame, parties, at, **kwargs) -> pd.DataFrame:
    """:func:`smooth` for each party of a long poll table (``end_date``, ``party_code``,
    ``share_pct``): the rows of each party, with a ``party_code`` column."""
    frames = []
    for party in parties:
        rows = long[long["party_code"] == party]
        frames.append(smooth(rows["end_date"], rows["share_pct"], at, **kwargs)
                      .assign(party_code=party))
    return pd.concat(frames, ignore_index=True)


def peak(curve: pd.DataFrame, start=None, end=None) -> pd.Series:
    """The row of a smoothed curve with the highest estimate (between ``start`` and ``end``)."""
    rows = curve.dropna(subset=["estimate"])
    if start is not None:
        rows = rows[rows["date"] >= pd.Timestamp(start)]
    if end is not None:
        rows = rows[rows["date"] <= pd.Timestamp(end)]
    if rows.empty:
        raise ValueError("no smoothed estimate in the window")
    return rows.loc[rows["estimate"].idxmax()]


def first_crossing(curve: pd.DataFrame, after, *, below: float = 0.0,
                   column: str = "estimate") -> pd.Timestamp | None:
    """First date after ``after`` at which ``column`` of a curve is below ``below``
    (e.g. the first date the smoothed Conservative lead is negative, or, with ``upper``, the
    first date the whole band is below zero). None if it never is."""
    rows = curve[(curve["date"] > pd.Timestamp(after)) & (curve[column] < below)]
    return None if rows.empty else pd.Timestamp(rows["date"].iloc[0])


def value_at(curve: pd.DataFrame, date) -> pd.Series:
    """The row of a curve at the evaluation date nearest ``date``."""
    gap = (curve["date"] - pd.Timestamp(date)).abs()
    return curve.loc[gap.idxmin()]


def positive_run(curve: pd.DataFrame, until, column: str = "estimate") -> dict:
    """The unbroken run of dates before ``until`` at which ``column`` of a curve is above zero
    (e.g. how long the smoothed Conservative lead lasted before the Liberals passed it).

    Returns ``start`` (the run's first date), ``end`` (its last date), ``days`` (from ``start``
    to ``until``) and ``months`` (whole months of 365.25 / 12 days in ``days``). Raises
    ValueError if the curve is not above zero just before ``until``. Dates with no estimate
    end a run."""
    until = pd.Timestamp(until)
    rows = curve[curve["date"] < until].sort_values("date")
    above = (rows[column] > 0).to_numpy()
    if len(above) == 0 or not above[-1]:
        raise ValueError("the curve is not above zero just before the given date")
    first = len(above) - int(np.argmin(above[::-1])) if not above.all() else 0
    start = pd.Timestamp(rows["date"].iloc[first])
    days = int((until - start).days)
    return {"start": start, "end": pd.Timestamp(rows["date"].iloc[-1]), "days": days,
            "months": int(days // (365.25 / 12))}
