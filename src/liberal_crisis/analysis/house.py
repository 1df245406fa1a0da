"""House of Commons arithmetic: how far a minority government is from a majority, and which
other party could carry it past the line (tables ``house_standings`` and ``house_snapshots``).

Pure functions; seats are counts, dates are the snapshots' ``as_of``. ``majority_needed`` is
the snapshot's own figure (a majority of all seats, vacant or not); the functions also give the
majority of the seats actually filled, and the majority of the members who can vote.

The Speaker. The Speaker of the House of Commons is an MP elected to the chair, who does not
take part in debate and votes only to break a tie (Constitution Act, 1867, s. 49; House of
Commons Procedure and Practice, "casting vote"). So in a division with every other member
present, the members who can vote are ``seats - vacancies - 1`` while there is a Speaker, and
the Speaker's party has one vote fewer than its seats. A snapshot's ``speaker_party`` says which
party the Speaker came from (empty where the House had no Speaker yet on that date, e.g. on an
election day). A motion carries when its yeas outnumber its nays; with all voting members
present, that takes ``voting_members // 2 + 1`` votes (``voting_majority``). A tie is decided
by the Speaker's casting vote, which these functions do not guess.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd


def _check(standings: pd.DataFrame, snapshots: pd.DataFrame) -> None:
    missing = [c for c in ("as_of", "party_code", "seats") if c not in standings.columns]
    missing += [c for c in ("as_of", "house_size", "vacant", "majority_needed")
                if c not in snapshots.columns]
    if missing:
        raise KeyError(f"missing column(s): {', '.join(missing)}")
    if snapshots["as_of"].duplicated().any():
        raise ValueError("house_snapshots has more than one row for a date")
    if standings.duplicated(["as_of", "party_code"]).any():
        raise ValueError("house_standings has more than one row for a party on a date")
    filled = standings.groupby("as_of")["seats"].sum()
    unknown = sorted(set(filled.index) ^ set(snapshots["as_of"]))
    if unknown:
        raise ValueError(f"dates in only one of the two tables: {unknown}")
    snap = snapshots.set_index("as_of").reindex(filled.index)
    bad = filled + snap["vacant"] != snap["house_size"]
    if bad.any():
        raise ValueError(f"seats + vacant != house_size on {list(filled.index[bad])}")


def voting_members(seats_filled: int, has_speaker: bool) -> int:
    """Members who can vote in a division: the seats filled, less the Speaker if there is one.

    >>> voting_members(336, True)
    335
    """
    seats_filled = int(seats_filled)
    if seats_filled < 0:
        raise ValueError("seats_filled must not be negative")
    if has_speaker and seats_filled == 0:
        raise ValueError("an empty House has no Speaker")
    return seats_filled - (1 if has_speaker else 0)


def votes_to_carry(voting: int) -> int:
    """Votes that win a division outright when ``voting`` members all vote: more than half.

    >>> votes_to_carry(335), votes_to_carry(336)
    (168, 169)
    """
    voting = int(voting)
    if voting < 1:
        raise ValueError("at least one member must vote")
    return voting // 2 + 1


def party_votes(seats: int, party: str, speaker_party) -> int:
    """A party's votes: its seats, less one if the Speaker came from it (the Speaker votes
    only to break a tie)."""
    seats = int(seats)
    if _has_speaker(speaker_party) and party == speaker_party:
        if seats < 1:
            raise ValueError(f"the Speaker's party {party} has no seats")
        return seats - 1
    return seats


def _has_speaker(speaker_party) -> bool:
    return isinstance(speaker_party, str) and speaker_party.strip() != ""


def seats_wide(standings: pd.DataFrame) -> pd.DataFrame:
    """Seats with one row per date and one column per party (0 where a party has no row)."""
    return (
        standings.pivot_table(index="as_of", columns="party_code", values="seats",
                              aggfunc="sum", fill_value=0)
        .astype(int)
        .sort_index()
    )


def arithmetic(
    standings: pd.DataFrame,
    snapshots: pd.DataFrame,
    government: str = "LPC",
    partners: Iterable[str] = ("NDP", "BQ"),
) -> pd.DataFrame:
    """One row per snapshot date: the government's distance from a majority.

    Columns (all seats): ``as_of``, ``label`` (if the snapshots have one), ``house_size``,
    ``vacant``, ``seats_filled`` (house_size - vacant), ``majority_needed`` (from the
    snapshot), ``sitting_majority`` (votes_to_carry(seats_filled)), ``government_seats``,
    ``short_of_majority`` = max(majority_needed - government_seats, 0),
    ``short_of_sitting_majority`` likewise, ``opposition_seats`` = seats_filled -
    government_seats; and for each partner ``P``: ``P_seats``, ``with_P`` (government + P) and
    ``enough_with_P`` (with_P >= majority_needed).

    With the Speaker (from the snapshots' optional ``speaker_party`` column; no Speaker where
    it is empty or missing): ``has_speaker``, ``voting_members`` (seats_filled - Speaker),
    ``voting_majority`` (votes_to_carry(voting_members)), ``government_votes`` (government
    seats, less the Speaker if a member of the government party), ``short_of_voting_majority``
    = max(voting_majority - government_votes, 0); for each partner ``P``: ``with_P_votes``
    (government_votes + P's votes) and ``spare_with_P_votes`` = with_P_votes -
    voting_majority (negative = short).
    """
    _check(standings, snapshots)
    partners = list(partners)
    wide = seats_wide(standings)
    for code in [government, *partners]:
        if code not in wide.columns:
            raise KeyError(f"party {code!r} has no seats rows")
    snap = snapshots.set_index("as_of").sort_index()
    out = snap[[]].copy()
    if "label" in snap.columns:
        out["label"] = snap["label"]
    out["house_size"] = snap["house_size"].astype(int)
    out["vacant"] = snap["vacant"].astype(int)
    out["seats_filled"] = out["house_size"] - out["vacant"]
    out["majority_needed"] = snap["majority_needed"].astype(int)
    out["sitting_majority"] = out["seats_filled"].map(votes_to_carry)
    gov = wide[government]  # the same dates in the same order as snap (checked above)
    out["government_seats"] = gov
    out["short_of_majority"] = (out["majority_needed"] - gov).clip(lower=0)
    out["short_of_sitting_majority"] = (out["sitting_majority"] - gov).clip(lower=0)
    out["opposition_seats"] = out["seats_filled"] - gov
    for code in partners:
        out[f"{code}_seats"] = wide[code]
        out[f"with_{code}"] = gov + out[f"{code}_seats"]
        out[f"enough_with_{code}"] = out[f"with_{code}"] >= out["majority_needed"]
    if "speaker_party" in snap.columns:
        out["speaker_party"] = snap["speaker_party"].map(lambda s: s if _has_speaker(s) else "")
    else:
        out["speaker_party"] = ""
    out["has_speaker"] = out["speaker_party"] != ""
    out["voting_members"] = [voting_members(f, s) for f, s in
                             zip(out["seats_filled"], out["has_speaker"])]
    out["voting_majority"] = out["voting_members"].map(votes_to_carry)
    out["government_votes"] = [party_votes(g, government, s) for g, s in
                               zip(gov, out["speaker_party"])]
    out["short_of_voting_majority"] = (out["voting_majority"]
                                       - out["government_votes"]).clip(lower=0)
    for code in partners:
        partner_votes = [party_votes(n, code, s) for n, s in
                         zip(out[f"{code}_seats"], out["speaker_party"])]
        out[f"with_{code}_votes"] = out["government_votes"] + partner_votes
        out[f"spare_with_{code}_votes"] = out[f"with_{code}_votes"] - out["voting_majority"]
    return out.reset_index()


def bloc_votes(standings: pd.DataFrame, snapshots: pd.DataFrame, as_of,
               parties: Iterable[str]) -> int:
    """The most votes ``parties`` together could cast on ``as_of``: their seats, less the
    Speaker if the Speaker came from one of them."""
    as_of = pd.Timestamp(as_of)
    snap = snapshots[snapshots["as_of"] == as_of]
    if snap.empty:
        raise KeyError(f"no snapshot for {as_of:%Y-%m-%d}")
    speaker = snap["speaker_party"].iloc[0] if "speaker_party" in snap.columns else None
    wide = seats_wide(standings)
    if as_of not in wide.index:
        raise KeyError(f"no standings for {as_of:%Y-%m-%d}")
    row = wide.loc[as_of]
    total = 0
    for code in parties:
        if code not in row.index:
            raise KeyError(f"party {code!r} has no seats rows")
        total += party_votes(row[code], code, speaker)
    return int(total)


def combinations(
    standings: pd.DataFrame,
    snapshots: pd.DataFrame,
    government: str = "LPC",
    partners: Iterable[str] = ("NDP", "BQ"),
) -> pd.DataFrame:
    """Long table for a chart: the government alone and with each partner, at each date.

    Columns: ``as_of``, ``partner`` (empty string for the government alone), ``seats``,
    ``majority_needed``, ``surplus`` = seats - majority_needed (negative = short).
    """
    partners = list(partners)
    table = arithmetic(standings, snapshots, government, partners)
    rows = []
    for _, row in table.iterrows():
        options = [("", row["government_seats"])]
        options += [(code, row[f"with_{code}"]) for code in partners]
        for partner, seats in options:
            rows.append({
                "as_of": row["as_of"],
                "partner": partner,
                "seats": int(seats),
                "majority_needed": int(row["majority_needed"]),
                "surplus": int(seats) - int(row["majority_needed"]),
            })
    return pd.DataFrame(rows)
