"""Helpers for the landing page's timeline and the aftermath chapter.

Pure functions on the data package's tables (``timeline``, ``ge2021_riding_votes``,
``ge2025_national``, ``byelection_results_2024``, ``byelection_preliminary_2024``); nothing here
reads files. Shares are percent (0-100), changes are points.
"""

from __future__ import annotations

import textwrap

import pandas as pd

from ..analysis import projection, swing
from ..i18n import N_, gettext as _

#: Timeline categories, top to bottom on the chart, with their reader-facing labels.
CATEGORY_LABELS: dict[str, str] = {
    "by-election": N_("By-elections"),
    "caucus": N_("Liberal caucus"),
    "party": N_("Liberal leadership"),
    "government": N_("Government"),
    "parliament": N_("Parliament"),
    "election": N_("General election"),
    "united-states": N_("United States"),
}


def event_text(rows: pd.DataFrame) -> pd.Series:
    """The rows' events in the edition's language: ``event``, or the data package's ``event_fr``
    in French (the book's own wording in both); riding names lose their double hyphens."""
    from .formats import language

    column = "event_fr" if language() == "fr" else "event"
    return rows[column].astype(str).str.replace("--", "\u2013", regex=False)


def wrap(text: str, width: int = 48) -> str:
    """Break ``text`` into lines of at most ``width`` characters joined by ``<br>`` (plotly's
    line break), so long event descriptions stay inside a narrow hover label."""
    if width < 1:
        raise ValueError("width must be positive")
    return "<br>".join(textwrap.wrap(str(text), width=width)) or ""


def chart_events(timeline: pd.DataFrame, start: str, end: str, width: int = 48) -> pd.DataFrame:
    """Events dated from ``start`` to ``end`` (inclusive), one marker per date and category.

    Events sharing a date and a category would draw on top of each other, so they are merged
    into one row: ``n_events`` counts them and ``hover`` lists them (wrapped, one bullet each).
    Riding names lose their double hyphens ('Toronto--St. Paul's' -> en dash). Categories
    missing from ``CATEGORY_LABELS`` raise ``KeyError`` rather than vanish from the chart.

    Returns ``date, category, category_label, n_events, events, hover``, sorted by date and by
    the category order of ``CATEGORY_LABELS``.
    """
    unknown = sorted(set(timeline["category"]) - set(CATEGORY_LABELS))
    if unknown:
        raise KeyError(f"timeline categories without a label: {', '.join(unknown)}")
    dates = pd.to_datetime(timeline["date"])
    rows = timeline.loc[(dates >= pd.Timestamp(start)) & (dates <= pd.Timestamp(end))].copy()
    rows["date"] = pd.to_datetime(rows["date"])
    rows["event"] = event_text(rows)
    order = {c: i for i, c in enumerate(CATEGORY_LABELS)}
    out = []
    for (date, category), group in rows.groupby(["date", "category"], sort=False):
        events = list(group["event"])
        hover = "<br>".join("\u2022 " + wrap(e, width).replace("<br>", "<br>  ") for e in events)
        out.append({
            "date": date,
            "category": category,
            "category_label": _(CATEGORY_LABELS[category]),
            "n_events": len(events),
            "events": "; ".join(events),
            "hover": hover,
        })
    frame = pd.DataFrame(
        out, columns=["date", "category", "category_label", "n_events", "events", "hover"]
    )
    frame["_order"] = frame["category"].map(order)
    frame = frame.sort_values(["date", "_order"], kind="stable").drop(columns="_order")
    return frame.reset_index(drop=True)


def percent(part: float, whole: float) -> float:
    """``100 * part / whole`` as a plain float; ``whole`` must be positive."""
    if whole <= 0:
        raise ValueError("whole must be positive")
    return float(100.0 * part / whole)


def national_result(riding_votes: pd.DataFrame, parties: list[str]) -> pd.DataFrame:
    """Seats, votes and vote share by party from riding-level votes (one general election).

    ``riding_votes``: ``riding_number, party_code, votes``. Seats are the party with most votes
    in each riding (ties are counted as ``TIE`` and would show up as a row of their own).
    Parties not in ``parties`` are pooled into ``OTH`` for the votes (a pooled party that won a
    seat would keep the seat under ``OTH``). Returns one row per code in ``parties`` plus
    ``OTH``, in that order: ``party_code, seats, votes, vote_share_pct`` (plain ints/floats).
    """
    won = projection.seat_count(projection.winners(swing.shares(riding_votes)))
    pooled = swing.pool_minor(riding_votes, keep=parties)
    votes = pooled.groupby("party_code")["votes"].sum()
    total = int(votes.sum())
    codes = list(parties) + [swing.OTHER]
    seats_by_code = {code: 0 for code in codes}
    for code, n in won.items():
        key = code if code in parties or code == projection.TIE else swing.OTHER
        seats_by_code[key] = seats_by_code.get(key, 0) + int(n)
    rows = [
        {
            "party_code": code,
            "seats": int(seats_by_code.get(code, 0)),
            "votes": int(votes.get(code, 0)),
            "vote_share_pct": float(100.0 * int(votes.get(code, 0)) / total),
        }
        for code in codes + [c for c in seats_by_code if c not in codes]
    ]
    return pd.DataFrame(rows)


def compare_national(before: pd.DataFrame, after: pd.DataFrame, labels: tuple[str, str],
                     parties: list[str]) -> pd.DataFrame:
    """Two national results side by side, long format for grouped bars.

    ``before`` and ``after`` have ``party_code, seats, votes, vote_share_pct``. Only ``parties``
    are kept, in that order, a party missing from one election counting 0 there. Returns
    ``election, party_code, seats, vote_share_pct``.
    """
    frames = []
    for label, result in zip(labels, (before, after)):
        rows = result.set_index("party_code").reindex(parties)
        frames.append(pd.DataFrame({
            "election": label,
            "party_code": parties,
            "seats": rows["seats"].fillna(0).astype(int).to_list(),
            "vote_share_pct": rows["vote_share_pct"].fillna(0.0).astype(float).to_list(),
        }))
    return pd.concat(frames, ignore_index=True)


def ridings_over_time(history: pd.DataFrame, byelection: pd.DataFrame, ridings: list[str],
                      parties: list[str], contests: list[str]) -> pd.DataFrame:
    """Shares of ``parties`` in several ridings at the named contests, long format.

    Wraps :func:`liberal_crisis.stories.byelections.shares_over_time` per riding and keeps the rows
    whose ``contest`` label is in ``contests`` (e.g. '2024 by-election', '2025 general
    election'). Returns ``riding, election_date, contest, boundaries, party_code, share_pct``
    in the order of ``ridings`` then date, then what readers see of ``contest`` and
    ``boundaries`` (``contest_label``, ``boundaries_label``). A contest missing for a riding raises ``KeyError``.
    """
    from . import byelections  # local import: byelections imports nothing from here

    frames = []
    for riding in ridings:
        rows = byelections.shares_over_time(history, byelection, riding, parties)
        rows = rows[rows["contest"].isin(contests)]
        missing = sorted(set(contests) - set(rows["contest"]))
        if missing:
            raise KeyError(f"{riding}: no {', '.join(missing)}")
        frames.append(rows.assign(riding=riding))
    out = pd.concat(frames, ignore_index=True)
    return out[["riding", "election_date", "contest", "boundaries", "party_code", "share_pct",
                "contest_label", "boundaries_label"]]


def candidate_place(rows: pd.DataFrame, candidate: str) -> dict:
    """Where ``candidate`` finished in one contest (``rows`` as from
    ``byelections.contest``): ``place`` (1 = winner), ``votes`` and ``share_pct`` of the valid
    votes. Ties share the better place."""
    ranked = rows.assign(_place=rows["votes"].rank(method="min", ascending=False).astype(int))
    hit = ranked[ranked["candidate"] == candidate]
    if len(hit) != 1:
        raise KeyError(f"{candidate!r} is not exactly one candidate in this contest")
    row = hit.iloc[0]
    total = rows["votes"].sum()
    return {"place": int(row["_place"]), "votes": int(row["votes"]),
            "share_pct": float(row["votes"] / total * 100)}


def reported_counts(reported: pd.DataFrame, as_of: str, party: str) -> pd.DataFrame:
    """The seat counts reported for ``party`` at ``as_of``, one row per distinct count, with
    the publishers that gave it (joined by ' and ', in file order): columns ``seats``,
    ``reported_by``, ``n_sources``; smallest count first. More than one row means the
    sources conflict."""
    rows = reported[(reported["as_of"] == pd.Timestamp(as_of)) & (reported["party_code"] == party)]
    if rows.empty:
        raise KeyError(f"no reported count for {party} on {as_of}")
    out = (rows.groupby("seats", sort=True)["reported_by"]
           .agg(lambda s: " and ".join(dict.fromkeys(s)))
           .rename("reported_by").reset_index())
    out["n_sources"] = rows.groupby("seats", sort=True).size().to_numpy()
    return out
