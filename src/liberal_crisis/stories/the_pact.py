"""The pact chapter (``book/the-pact.md``): the House arithmetic of the minority Parliament, after
the 2021 election, in the autumn of 2024 and after the 2025 election.

:func:`arithmetic` gives the tables the chapter's charts draw; :func:`prose_numbers` every number
and name the prose shows, under the literal name of its ``{eval}`name```. The sentences comparing
blocs with the voting majority are checked here on the data (``assert``): they must stay true.
"""

from __future__ import annotations

import pandas as pd

from ..analysis import house
from ..i18n import gettext as _
from . import formats

PARTNERS = ["NDP", "BQ"]
AFTER_2021, AUTUMN_2024, AFTER_2025 = "2021-09-20", "2024-12-09", "2025-04-28"


def arithmetic(standings: pd.DataFrame, snapshots: pd.DataFrame) -> dict:
    """``table`` (the House arithmetic at each snapshot, with the Liberals and each partner),
    ``options`` (the combinations that reach a majority) and ``wide`` (seats by party)."""
    return {
        "table": house.arithmetic(standings, snapshots, government="LPC", partners=PARTNERS),
        "options": house.combinations(standings, snapshots, government="LPC", partners=PARTNERS),
        "wide": house.seats_wide(standings),
    }


def prose_numbers(standings: pd.DataFrame, snapshots: pd.DataFrame) -> dict[str, str]:
    """Every number and name the chapter's prose shows, as display strings (``formats``)."""
    tables = arithmetic(standings, snapshots)
    at = tables["table"].set_index("as_of")
    after_2021 = at.loc[pd.Timestamp(AFTER_2021)]
    autumn = at.loc[pd.Timestamp(AUTUMN_2024)]
    after_2025 = at.loc[pd.Timestamp(AFTER_2025)]
    seats_autumn = tables["wide"].loc[pd.Timestamp(AUTUMN_2024)]
    snap = snapshots.set_index("as_of")
    on = autumn.name

    def bloc(parties):
        return house.bloc_votes(standings, snapshots, on, parties)

    # The sentences must stay true on the data: each is a comparison with the line.
    line = int(autumn["voting_majority"])
    assert autumn["spare_with_NDP_votes"] >= 0 and autumn["spare_with_BQ_votes"] >= 0
    assert bloc(["LPC", "GPC", "IND"]) < line
    assert bloc(["CPC", "BQ"]) < line
    assert bloc(["CPC", "BQ", "NDP"]) >= line
    # Liberal-line independents after 2021 (Kevin Vuong, elected as a Liberal, sat apart)
    apart = int(snap.loc[after_2021.name, "liberal_line_independents"])

    def n(value):
        return formats.plain(int(value))

    return {
        "pact_house_size": n(after_2021["house_size"]),
        "pact_majority": n(after_2021["majority_needed"]),
        "pact_lpc_2021": n(after_2021["government_seats"]),
        "pact_short_2021": n(after_2021["short_of_majority"]),
        "pact_ndp_2021": n(after_2021["NDP_seats"]),
        "pact_with_ndp_2021": n(after_2021["with_NDP"]),
        "pact_lpc_2021_sitting": n(int(after_2021["government_seats"]) - apart),
        "pact_short_2021_sitting": n(int(after_2021["majority_needed"])
                                     - int(after_2021["government_seats"]) + apart),
        "pact_lpc_autumn": n(autumn["government_seats"]),
        "pact_short_autumn": n(autumn["short_of_majority"]),
        "pact_vacant_autumn": n(autumn["vacant"]),
        "pact_filled_autumn": n(autumn["seats_filled"]),
        "pact_opposition_autumn": n(autumn["opposition_seats"]),
        "pact_ndp_autumn": n(autumn["NDP_seats"]),
        "pact_bq_autumn": n(autumn["BQ_seats"]),
        "pact_cpc_autumn": n(seats_autumn["CPC"]),
        "pact_gpc_autumn": n(seats_autumn["GPC"]),
        "pact_ind_autumn": n(seats_autumn["IND"]),
        # With the Speaker out of the count (Greg Fergus, a Liberal, votes only to break a tie).
        "pact_speaker_autumn": str(snap.loc[on, "speaker"]),
        "pact_voting_autumn": n(autumn["voting_members"]),
        "pact_voting_majority_autumn": n(autumn["voting_majority"]),
        "pact_lpc_votes_autumn": n(autumn["government_votes"]),
        "pact_short_voting_autumn": n(autumn["short_of_voting_majority"]),
        "pact_with_ndp_votes_autumn": n(autumn["with_NDP_votes"]),
        "pact_ndp_spare_autumn": n(autumn["spare_with_NDP_votes"]),
        "pact_with_bq_votes_autumn": n(autumn["with_BQ_votes"]),
        "pact_cpc_bq_autumn": n(bloc(["CPC", "BQ"])),
        "pact_cpc_bq_ndp_autumn": n(bloc(["CPC", "BQ", "NDP"])),
        "pact_house_2025": n(after_2025["house_size"]),
        "pact_majority_2025": n(after_2025["majority_needed"]),
        "pact_lpc_2025": n(after_2025["government_seats"]),
        "pact_short_2025": n(after_2025["short_of_majority"]),
        "pact_ndp_2025": n(after_2025["NDP_seats"]),
    }


def seats_title(autumn: pd.Series) -> str:
    """The Liberal seats chart's title: how far short of a majority the autumn count was."""
    return _("The Liberals were short of a majority at every count: {short} seats short in "
             "{month}").format(short=int(autumn["short_of_majority"]), month=formats.month(AUTUMN_2024))
