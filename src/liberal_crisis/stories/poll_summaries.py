"""Summaries of the book's poll sample: monthly means and leads, polls per month, gaps, means
over a window, and what each poll was read from.

Pure functions on the data package's ``polls`` and ``poll_shares`` tables (nothing here reads
files). Shares are percent (0-100); leads are percentage points. Means are unweighted means of
the polls in the book's sample, which is incomplete (see the ``polls`` resource): they are not
poll averages in the usual sense (that is :mod:`liberal_crisis.analysis.polls`, drawn by
:mod:`.poll_average`).
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from . import theme


def poll_long(polls: pd.DataFrame, shares: pd.DataFrame,
              parties: Iterable[str] = theme.PARTIES) -> pd.DataFrame:
    """One row per poll and party: ``poll_id, pollster, end_date, party_code, share_pct``.

    Only ``parties`` are kept; a party missing from a poll has no row (never 0).
    """
    parties = list(parties)
    rows = shares[shares["party_code"].isin(parties)]
    out = rows.merge(polls[["poll_id", "pollster", "end_date"]], on="poll_id", how="inner",
                     validate="many_to_one")
    order = {p: i for i, p in enumerate(parties)}
    out = out.assign(_o=out["party_code"].map(order)).sort_values(["end_date", "poll_id", "_o"])
    return out[["poll_id", "pollster", "end_date", "party_code", "share_pct"]].reset_index(drop=True)


def _months(start, end) -> pd.DatetimeIndex:
    return pd.date_range(pd.Timestamp(start).to_period("M").to_timestamp(),
                         pd.Timestamp(end).to_period("M").to_timestamp(), freq="MS")


def _month(dates: pd.Series) -> pd.Series:
    return dates.dt.to_period("M").dt.to_timestamp()


def monthly_means(long: pd.DataFrame, start=None, end=None) -> pd.DataFrame:
    """Unweighted mean share per calendar month and party, and how many polls it rests on.

    Columns ``month`` (first day), ``party_code``, ``mean_pct``, ``n_polls``. Every month from
    ``start`` to ``end`` (default: first and last poll) appears for every party; a month without
    a poll for that party has ``n_polls`` 0 and ``mean_pct`` NaN, so a line drawn from it breaks.
    """
    start = long["end_date"].min() if start is None else start
    end = long["end_date"].max() if end is None else end
    frame = long.assign(month=_month(long["end_date"]))
    stats = frame.groupby(["month", "party_code"])["share_pct"].agg(["mean", "count"])
    parties = list(dict.fromkeys(long["party_code"]))
    index = pd.MultiIndex.from_product([_months(start, end), parties],
                                       names=["month", "party_code"])
    stats = stats.reindex(index)
    out = pd.DataFrame({
        "mean_pct": stats["mean"].astype(float),
        "n_polls": stats["count"].fillna(0).astype(int),
    }).reset_index()
    return out


def per_poll_lead(long: pd.DataFrame, leader: str = "CPC", trailer: str = "LPC") -> pd.DataFrame:
    """Lead of ``leader`` over ``trailer`` in each poll that gives both (points)."""
    wide = long.pivot_table(index=["poll_id", "pollster", "end_date"], columns="party_code",
                            values="share_pct", aggfunc="first")
    both = wide[[leader, trailer]].dropna()
    out = (both[leader] - both[trailer]).rename("lead_pts").reset_index()
    return out.sort_values(["end_date", "poll_id"]).reset_index(drop=True)


def monthly_lead(long: pd.DataFrame, leader: str = "CPC", trailer: str = "LPC",
                 start=None, end=None) -> pd.DataFrame:
    """Mean per-poll lead of ``leader`` over ``trailer`` by calendar month.

    Columns ``month``, ``lead_pts`` (NaN in a month without a usable poll), ``n_polls`` (polls
    giving both parties). Negative = ``trailer`` ahead.
    """
    leads = per_poll_lead(long, leader, trailer)
    start = long["end_date"].min() if start is None else start
    end = long["end_date"].max() if end is None else end
    stats = leads.groupby(_month(leads["end_date"]))["lead_pts"].agg(["mean", "count"])
    stats = stats.reindex(_months(start, end))
    return pd.DataFrame({
        "month": stats.index,
        "lead_pts": stats["mean"].astype(float).to_numpy(),
        "n_polls": stats["count"].fillna(0).astype(int).to_numpy(),
    })


def polls_per_month(polls: pd.DataFrame, start=None, end=None) -> pd.DataFrame:
    """Number of polls per calendar month (0 for months without one): ``month, n_polls``."""
    start = polls["end_date"].min() if start is None else start
    end = polls["end_date"].max() if end is None else end
    counts = polls.groupby(_month(polls["end_date"])).size().reindex(_months(start, end),
                                                                     fill_value=0)
    return pd.DataFrame({"month": counts.index, "n_polls": counts.astype(int).to_numpy()})


def poll_gaps(dates: pd.Series, min_days: int) -> pd.DataFrame:
    """Stretches between consecutive poll dates longer than ``min_days`` days.

    Columns ``after`` (last poll before the gap), ``before`` (first poll after it) and
    ``days_without`` = days strictly between the two dates with no poll.
    """
    d = pd.Series(sorted(pd.to_datetime(dates).unique()))
    after, before = d.iloc[:-1].to_numpy(), d.iloc[1:].to_numpy()
    without = (before - after) / np.timedelta64(1, "D") - 1
    keep = without > min_days
    return pd.DataFrame({"after": after[keep], "before": before[keep],
                         "days_without": without[keep].astype(int)}).reset_index(drop=True)


def window_means(long: pd.DataFrame, start, end) -> pd.DataFrame:
    """Mean share per party of the polls ending between ``start`` and ``end`` (inclusive).

    Index ``party_code``; columns ``mean_pct`` and ``n_polls``.
    """
    rows = long[(long["end_date"] >= pd.Timestamp(start)) & (long["end_date"] <= pd.Timestamp(end))]
    stats = rows.groupby("party_code", sort=False)["share_pct"].agg(["mean", "count"])
    return stats.rename(columns={"mean": "mean_pct", "count": "n_polls"}).astype(
        {"mean_pct": float, "n_polls": int})
