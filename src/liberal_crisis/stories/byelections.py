"""Figures about single contests that the chapters quote: margins, shares, riding histories.

Pure functions on the data package's tables; chapters call them and glue the results.
"""

from __future__ import annotations

import pandas as pd

from ..analysis import swing
from ..i18n import N_, gettext as _
from . import formats


def contest(results: pd.DataFrame, riding: str, election_date: str | None = None) -> pd.DataFrame:
    """One contest's rows, largest vote first, with ``share_pct`` of the valid votes."""
    rows = results[results["riding"] == riding]
    if election_date is not None:
        rows = rows[rows["election_date"] == pd.Timestamp(election_date)]
    if rows.empty:
        raise KeyError(f"no results for {riding} {election_date or ''}".strip())
    if "election_date" in rows and rows["election_date"].nunique() != 1:
        raise ValueError(f"{riding}: several contests; pass election_date")
    rows = rows.sort_values("votes", ascending=False).reset_index(drop=True)
    rows["share_pct"] = rows["votes"] / rows["votes"].sum() * 100
    return rows


def margin(rows: pd.DataFrame) -> dict:
    """Winner, runner-up and the gap between them, in votes and in points of the valid vote.

    ``rows`` is one contest (as from ``contest``); pooled minor candidates (OTH) are never
    the winner or the runner-up.
    """
    named = rows[rows["party_code"] != swing.OTHER].sort_values("votes", ascending=False)
    first, second = named.iloc[0], named.iloc[1]
    total = int(rows["votes"].sum())
    return {
        "winner": str(first["candidate"]),
        "winner_party": str(first["party_code"]),
        "winner_votes": int(first["votes"]),
        "runner_up": str(second["candidate"]),
        "runner_up_party": str(second["party_code"]),
        "runner_up_votes": int(second["votes"]),
        "margin_votes": int(first["votes"] - second["votes"]),
        "margin_pts": float((first["votes"] - second["votes"]) / total * 100),
        "valid_votes": total,
    }


def reported_margin(preliminary: pd.DataFrame, riding: str) -> int | None:
    """Election-night margin between the top two named candidates, from the press's figures.

    Pooled rows (``OTH``) are never a candidate. ``None`` when fewer than two named candidates
    have a reported count (the table lists only what the press printed).
    """
    rows = preliminary[(preliminary["riding"] == riding)
                       & (preliminary["party_code"] != swing.OTHER)]
    if len(rows) < 2:
        return None
    top = rows["votes"].astype(int).sort_values(ascending=False).to_list()
    return int(top[0] - top[1])


def shares_over_time(history: pd.DataFrame, byelection: pd.DataFrame, riding: str,
                     parties: list[str]) -> pd.DataFrame:
    """Share of the vote for ``parties`` in ``riding`` at each general election and the
    by-election, long format: ``election_date, contest, contest_label, boundaries,
    boundaries_label, party_code, share_pct`` (``contest`` and ``boundaries`` are keys, in English
    in both editions; their ``_label`` what readers see, in the edition's language)."""
    frames = []
    for (date, bounds), rows in history[history["riding"] == riding].groupby(
        ["election_date", "boundaries"], sort=True
    ):
        frames.append(_shares(rows, date, f"{date.year} general election", bounds, parties,
                              _("{year} general election").format(year=date.year)))
    for date, rows in byelection[byelection["riding"] == riding].groupby("election_date"):
        frames.append(
            _shares(rows, date, f"{date.year} by-election", "2013 representation order", parties,
                    _("{year} by-election").format(year=date.year))
        )
    out = pd.concat(frames, ignore_index=True)
    return out.sort_values(["election_date", "party_code"]).reset_index(drop=True)


#: The representation orders the riding history is drawn on (its ``boundaries`` column).
BOUNDARIES = {"2013 representation order": N_("2013 representation order"),
              "2023 representation order": N_("2023 representation order")}


def _shares(rows, date, contest, bounds, parties, label):
    share = swing.shares(rows, by=None)
    return pd.DataFrame(
        {
            "election_date": date,
            "contest": contest,  # the key chapters select by, in English in both editions
            "contest_label": label,  # what readers see, in the edition's language
            "boundaries": bounds,
            "boundaries_label": _(BOUNDARIES[bounds]),
            "party_code": parties,
            "share_pct": [float(share.get(p, 0.0)) for p in parties],
        }
    )


def under_share(rows: pd.DataFrame, min_share: float = swing.MIN_SHARE) -> dict:
    """How many candidates of one contest took under ``min_share`` % each, and their votes.

    ``rows`` is one contest as from :func:`contest` (with ``candidates_aggregated``): the pooled
    OTH row counts with all its candidates, and so does a named row kept out of the pool
    (e.g. the People's Party) if it is itself under the threshold. Returns ``candidates``,
    ``votes`` and ``pooled_candidates`` (those in the OTH row only).
    """
    share = 100.0 * rows["votes"] / rows["votes"].sum()
    pooled = rows["party_code"] == swing.OTHER
    small = pooled | (share < min_share)
    return {
        "candidates": int(rows.loc[small, "candidates_aggregated"].sum()),
        "votes": int(rows.loc[small, "votes"].sum()),
        "pooled_candidates": int(rows.loc[pooled, "candidates_aggregated"].sum()),
    }


#: What the by-election turnout figures count, in words for the prose (see the data package's
#: description of ``byelection_turnout_2024``).
TURNOUT_BASIS = "votes counted on election night over electors on the list"


def turnout_comparison(turnout: pd.DataFrame, ridings_2021: pd.DataFrame, riding: str,
                       riding_number: int) -> dict:
    """A by-election's reported turnout beside the same riding's 2021 turnout, like for like.

    The by-election figures (``byelection_turnout_2024``) are election-night counts of votes
    over electors, and those counts appear to leave out rejected ballots; Elections Canada's
    published 2021 ``turnout_pct`` counts them. So the comparable 2021 figure is valid ballots
    over electors (``same_basis_2021``); ``published_2021`` is kept for a sentence that names
    both. Percent, unrounded.
    """
    row = turnout.loc[turnout["riding"] == riding]
    ge = ridings_2021.loc[ridings_2021["riding_number"] == riding_number]
    if len(row) != 1 or len(ge) != 1:
        raise KeyError(f"no single turnout row for {riding} ({riding_number})")
    row, ge = row.iloc[0], ge.iloc[0]
    return {
        "byelection": float(row["turnout_pct_reported"]),
        "same_basis_2021": float(100.0 * ge["valid_ballots"] / ge["electors"]),
        "published_2021": float(ge["turnout_pct"]),
    }


def pooled_label(rows: pd.DataFrame, min_share: float = swing.MIN_SHARE) -> str:
    """What the pooled ``OTH`` row of one contest holds, in words, for a chart or a table.

    "79 other candidates (each under 1%)", or "1 other candidate (under 1%)": the count is the
    row's ``candidates_aggregated``, the threshold the book's pooling rule
    (:data:`liberal_crisis.analysis.swing.MIN_SHARE`). Raises if the contest has no pooled row.
    """
    pooled = rows.loc[rows["party_code"] == swing.OTHER, "candidates_aggregated"]
    if len(pooled) != 1:
        raise ValueError("the contest has no single pooled row")
    n = int(pooled.iloc[0])
    if n == 1:
        return _("1 other candidate (under {share})").format(share=formats.pct_short(min_share))
    return _("{n} other candidates (each under {share})").format(
        n=formats.number(n), share=formats.pct_short(min_share))


def candidate_names(rows: pd.DataFrame, min_share: float = swing.MIN_SHARE) -> pd.Series:
    """The ``candidate`` column of one contest with the pooled row named as
    :func:`pooled_label` says it (for the table under a result chart)."""
    pooled = rows["party_code"] == swing.OTHER
    if not pooled.any():
        return rows["candidate"]
    return rows["candidate"].where(~pooled, pooled_label(rows, min_share))


def candidate_labels(rows: pd.DataFrame, min_share: float = swing.MIN_SHARE) -> pd.Series:
    """One bar label per row of a contest: "Name (Party)", and the pooled row as
    :func:`pooled_label` says it, without a party."""
    labels = rows["candidate"] + " (" + rows["party_code"].map(
        lambda c: formats.party(c) if c != swing.OTHER else "") + ")"
    return labels.where(rows["party_code"] != swing.OTHER, candidate_names(rows, min_share))
