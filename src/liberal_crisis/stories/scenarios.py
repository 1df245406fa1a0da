"""Tables behind the national-picture and what-if chapters.

Pure functions on the data package's tables (nothing here reads files):

- polls: :func:`poll_long`, :func:`monthly_means`, :func:`monthly_lead`, :func:`polls_per_month`,
  :func:`poll_gaps`, :func:`window_means`;
- by-election swings and seat illustrations: :func:`byelection_swings`, :func:`swing_summary`,
  :func:`seat_scenarios`, :func:`majority`, :func:`party_seats`, :func:`lifted`;
- government defences since 1993: :func:`defence_ranking`, :func:`held_since`.

Shares are percent (0-100); changes, leads and swings are percentage points. Poll means are
unweighted means of the polls in the book's sample, which is incomplete (see the ``polls``
resource): they are not poll averages in the usual sense.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from ..analysis import history, house, projection, swing
from . import theme

PARTIES = list(theme.PARTIES)  # the six main parties (stories.theme holds the one list)


# --------------------------------------------------------------------------------------------
# Polls
# --------------------------------------------------------------------------------------------

def poll_long(polls: pd.DataFrame, shares: pd.DataFrame,
              parties: Iterable[str] = PARTIES) -> pd.DataFrame:
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


#: What a poll row was read from, by the host of its source address (see :func:`source_kind`).
SOURCE_KINDS = {
    "wikipedia.org": "Wikipedia table",
    "338canada.com": "338Canada poll page",
}
POLLSTER_HOSTS = ("abacusdata.ca", "leger360.com", "ipsos.com", "nanos.co", "angusreid.org",
                  "researchco.ca", "ekospolitics.com", "mainstreetresearch.ca")


def source_kind(polls: pd.DataFrame) -> pd.Series:
    """For each poll, what its figures were read from: ``"Wikipedia table"``, ``"338Canada
    poll page"``, ``"pollster's release"`` (the pollster's own site) or ``"news report or
    copy"`` (anything else). Decided by the host of ``source_url``."""
    host = polls["source_url"].str.extract(r"^https?://(?:www\.)?([^/?#]+)", expand=False)

    def kind(h: str) -> str:
        for suffix, name in SOURCE_KINDS.items():
            if h == suffix or h.endswith("." + suffix):
                return name
        if any(h == p or h.endswith("." + p) for p in POLLSTER_HOSTS):
            return "pollster's release"
        return "news report or copy"

    return host.map(kind)


def window_means(long: pd.DataFrame, start, end) -> pd.DataFrame:
    """Mean share per party of the polls ending between ``start`` and ``end`` (inclusive).

    Index ``party_code``; columns ``mean_pct`` and ``n_polls``.
    """
    rows = long[(long["end_date"] >= pd.Timestamp(start)) & (long["end_date"] <= pd.Timestamp(end))]
    stats = rows.groupby("party_code", sort=False)["share_pct"].agg(["mean", "count"])
    return stats.rename(columns={"mean": "mean_pct", "count": "n_polls"}).astype(
        {"mean_pct": float, "n_polls": int})


# --------------------------------------------------------------------------------------------
# By-election swings and seat illustrations
# --------------------------------------------------------------------------------------------

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


def majority(seats: int) -> int:
    """Seats needed for a majority of a House of ``seats``: more than half, the House's one
    rule (:func:`liberal_crisis.analysis.house.votes_to_carry`); kept here for the chapters."""
    return house.votes_to_carry(seats)


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


# --------------------------------------------------------------------------------------------
# Government defences since 1993
# --------------------------------------------------------------------------------------------

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

