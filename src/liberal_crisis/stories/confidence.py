"""The confidence chapter (``book/confidence.md``): the non-confidence motions of 2024, their
tallies, and the House arithmetic on the nearest seat count (9 December 2024).

:func:`tallies` gives the motions and their arithmetic the chapter's charts draw;
:func:`prose_numbers` every number the prose shows, under the literal name of its
``{eval}`name```. The sentences comparing blocs with the voting majority are checked here on the
data (``assert``).
"""

from __future__ import annotations

import pandas as pd

from ..analysis import house
from ..i18n import N_, gettext as _
from . import caucus_story, formats

SNAP = "2024-12-09"  # the seat count nearest the autumn's votes
MARCH, SEPTEMBER, OCTOBER, DECEMBER = "2024-03-21", "2024-09-25", "2024-10-01", "2024-12-09"
C319 = "2024-10-02"  # the Bloc's motion on its pension bill


def tallies(all_votes: pd.DataFrame) -> dict:
    """``votes`` (the non-confidence motions), ``tally`` (their arithmetic) and ``by_date`` (the
    tally indexed by ISO date)."""
    votes = caucus_story.non_confidence(all_votes)
    tally = caucus_story.vote_arithmetic(votes)
    return {"votes": votes, "tally": tally,
            "by_date": tally.set_index(tally["vote_date"].dt.strftime("%Y-%m-%d"))}


def bloc_deadline(timeline: pd.DataFrame) -> pd.Series:
    """The timeline's row for the Bloc Québécois's deadline."""
    return timeline[timeline["event"].str.startswith("Bloc Québécois deadline")].iloc[0]


def prose_numbers(all_votes: pd.DataFrame, standings: pd.DataFrame, snapshots: pd.DataFrame,
                  timeline: pd.DataFrame) -> dict[str, str]:
    """Every number the chapter's prose shows, as display strings (``formats``)."""
    t = tallies(all_votes)
    row = t["by_date"]
    mar, sep, octo, dec = (row.loc[d] for d in (MARCH, SEPTEMBER, OCTOBER, DECEMBER))
    c319 = all_votes[all_votes["vote_date"] == C319].iloc[0]
    snap = snapshots[snapshots["as_of"] == SNAP].iloc[0]
    seats = standings[standings["as_of"] == SNAP].set_index("party_code")["seats"]
    arith = house.arithmetic(standings, snapshots).set_index("as_of").loc[snap["as_of"]]
    counts = caucus_story.record_counts(all_votes)

    def bloc(parties):
        return house.bloc_votes(standings, snapshots, SNAP, parties)

    # The sentences "enough to carry" and "only if both the NDP and the Bloc" must stay true.
    assert bloc(["CPC", "BQ", "NDP"]) >= arith["voting_majority"]
    assert bloc(["CPC", "NDP"]) < arith["voting_majority"]
    assert bloc(["CPC", "BQ"]) < arith["voting_majority"]

    def n(value):
        return formats.plain(int(value))

    return {
        "conf_mar_yeas": n(mar["yeas"]),
        "conf_mar_nays": n(mar["nays"]),
        "conf_sep_yeas": n(sep["yeas"]),
        "conf_sep_nays": n(sep["nays"]),
        "conf_sep_margin": n(sep["margin"]),
        "conf_sep_needed": n(sep["needed_to_carry"]),
        "conf_sep_sitting": n(sep["sitting"]),
        "conf_sep_division": n(sep["division"]),
        "conf_sep_press_yeas": n(sep["press_yeas"]),
        "conf_sep_debated": caucus_story.day_label(sep["debated_on"]),
        "conf_oct_yeas": n(octo["yeas"]),
        "conf_oct_nays": n(octo["nays"]),
        "conf_oct_press_yeas": n(octo["press_yeas"]),
        "conf_oct_debated": caucus_story.day_label(octo["debated_on"]),
        "conf_dec_yeas": n(dec["yeas"]),
        "conf_dec_nays": n(dec["nays"]),
        "conf_dec_debated": caucus_story.day_label(dec["debated_on"]),
        "conf_c319_yeas": n(c319["yeas"]),
        "conf_c319_nays": n(c319["nays"]),
        "conf_c319_division": n(c319["division"]),
        "conf_c319_sitting": n(c319["sitting"]),
        "conf_n_autumn": formats.plain(len(t["tally"][t["tally"]["vote_date"] >= "2024-09-01"])),
        "conf_n_verified": formats.plain(counts["verified"]),
        "conf_n_verified_all": formats.plain(len(all_votes)),
        "conf_house_size": n(snap["house_size"]),
        "conf_vacant": n(snap["vacant"]),
        "conf_voting_members": n(arith["voting_members"]),
        "conf_voting_majority": n(arith["voting_majority"]),
        "conf_seats_lpc": n(seats["LPC"]),
        "conf_seats_cpc": n(seats["CPC"]),
        "conf_seats_bq": n(seats["BQ"]),
        "conf_seats_ndp": n(seats["NDP"]),
        "conf_seats_gpc": n(seats["GPC"]),
        "conf_seats_ind": n(seats["IND"]),
        "conf_lpc_votes": n(arith["government_votes"]),
        "conf_opposition_three": formats.plain(bloc(["CPC", "BQ", "NDP"])),
        "conf_cpc_bq": formats.plain(bloc(["CPC", "BQ"])),
        "conf_cpc_ndp": formats.plain(bloc(["CPC", "NDP"])),
        "conf_lpc_ndp_gpc_votes": formats.plain(bloc(["LPC", "NDP", "GPC"])),
        "conf_lpc_ndp_gpc_seats": formats.plain(
            caucus_story.seat_sum(standings, SNAP, ["LPC", "NDP", "GPC"])),
        "conf_bloc_deadline": caucus_story.day_label(bloc_deadline(timeline)["date"]),
    }


def positions_title(grid: pd.DataFrame, movers: pd.Series, tally: pd.DataFrame) -> str:
    """The party-positions chart's title: the party that moved every motion, and the parties
    the sources record against every one. Every other party whose vote a source names voted nay
    (Independents are not a party); "every other party with a recorded vote" read as the Bloc
    too, whose vote of 9 December no source here records, so the title names only the parties
    recorded against all of them."""
    mover_parties = set(movers)
    assert len(mover_parties) == 1, mover_parties
    (mover,) = mover_parties
    reported = grid["basis"] == "reported"
    others = grid[~grid["party_code"].isin([mover, "IND"]) & reported]
    assert (others["position"] == "nay").all(), others
    assert len(movers) == len(tally)
    nays = grid[reported & (grid["position"] == "nay")].groupby("party_code").size()
    against_all = [p for p in ("LPC", "NDP", "BQ", "GPC") if nays.get(p, 0) == len(tally)]
    assert against_all, "no party is recorded against every motion: the title needs rewording"
    movers_named = formats.members(mover)
    return _("{movers} moved all {n} motions; {parties} voted against every one").format(
        movers=movers_named[:1].upper() + movers_named[1:], n=len(tally),
        parties=formats.join([formats.members(p) for p in against_all]))


def record_words(tally: pd.DataFrame) -> list[str]:
    """Each tally's record status for its hover, in the edition's words: the Journals' status,
    or « press report, » and that status."""
    press_report = _("press report, {status}")
    return [_(status) if basis == "official" else press_report.format(status=_(status))
            for status, basis in zip(tally["record_status"], tally["tally_basis"])]


def tally_table(tally: pd.DataFrame) -> pd.DataFrame:
    """The numbers behind the tallies chart, the basis and status in the edition's words (the
    data's own are English)."""
    return tally[["vote_date", "mover", "sitting", "division", "yeas", "nays", "needed_to_carry",
                  "tally_basis", "record_status"]].assign(
        tally_basis=[_(b) for b in tally["tally_basis"]],
        record_status=[_(r) for r in tally["record_status"]])

#: The positions and bases of ``confidence_votes_by_party`` (and ``caucus_story.NOT_REPORTED``,
#: "none"), for the catalogue: the table under the positions chart shows them in the edition's
#: words (the chart's legend has its own, longer names).
POSITION_WORDS = (N_("yea"), N_("nay"), N_("split"), N_("not reported"), N_("reported"), N_("none"))


def positions_table(grid: pd.DataFrame) -> pd.DataFrame:
    """The numbers behind the positions chart: each party's position and its basis in the
    edition's words ("contre", "rapporté par la presse"); English keeps the data's own."""
    shown = grid[["vote_date", "party_code", "position", "basis", "moved_the_motion"]]
    return shown.assign(position=[_(p) for p in shown["position"]],
                        basis=[_(b) for b in shown["basis"]])
