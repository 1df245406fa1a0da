"""The book's opening page (``book/index.md``): the crisis in one page, from the by-election of
June 2024 to the election of April 2025.

:func:`poll_lead` gives the smoothed Conservative lead over the Liberals its lead chart draws;
:func:`prose_numbers` every number the page's prose shows, under the literal name of its
``{eval}`name``` (prefixed ``ov_``).
"""

from __future__ import annotations

import pandas as pd

from ..analysis import polls as pa
from . import byelections, formats, poll_average as pav, poll_summaries, timeline

TSP, LEV = "Toronto--St. Paul's", "LaSalle--Émard--Verdun"
FIRST_VOTE = "2024-09-25"  # the first non-confidence vote after the agreement ended
AFTER_2025 = "2025-04-28"


def poll_lead(polls: pd.DataFrame, poll_shares: pd.DataFrame) -> dict:
    """``long`` (Liberal and Conservative shares, poll by poll), ``lead_curve`` (the smoothed
    Conservative lead), its ``top`` (row) and the period it ``crossed`` zero after the top."""
    long = poll_summaries.poll_long(polls, poll_shares, ["LPC", "CPC"])
    lead_polls = poll_summaries.per_poll_lead(long, "CPC", "LPC")
    lead_curve = pa.smooth(lead_polls["end_date"], lead_polls["lead_pts"],
                           pa.evaluation_dates(long["end_date"], pav.STEP_DAYS))
    top = pa.peak(lead_curve)
    return {"long": long, "lead_curve": lead_curve, "top": top,
            "crossed": pa.first_crossing(lead_curve, after=top["date"])}


def prose_numbers(results, prelim, votes, pledges, caucus, ge2025, snapshots,
                  lead: dict) -> dict[str, str]:
    """Every number the page's prose shows, as display strings (``formats``); ``lead`` is
    :func:`poll_lead`'s result."""
    first_vote = votes[votes["vote_date"] == FIRST_VOTE].iloc[0]
    signed = pledges[pledges["measure"] == "signed"].sort_values("report_date")
    letter = signed.iloc[-1]
    members = caucus[caucus["as_of"] <= letter["report_date"]].sort_values("as_of").iloc[-1]
    seats = ge2025.set_index("party_code")["seats"]
    house = snapshots[snapshots["as_of"] == AFTER_2025].iloc[0]
    june = pa.value_at(lead["lead_curve"], "2024-06-24")

    def margin(riding):
        return formats.number(byelections.margin(byelections.contest(results, riding))["margin_votes"])

    return {
        "ov_tsp_margin": margin(TSP),
        "ov_tsp_margin_night": formats.number(byelections.reported_margin(prelim, TSP)),
        "ov_lev_margin": margin(LEV),
        "ov_lev_margin_night": formats.number(byelections.reported_margin(prelim, LEV)),
        "ov_vote_nays": formats.plain(int(first_vote["nays"])),
        "ov_vote_yeas": formats.plain(int(first_vote["yeas"])),
        "ov_signed_first": formats.plain(int(signed.iloc[0]["count_low"])),
        "ov_signed": formats.plain(int(letter["count_low"])),
        "ov_caucus": formats.plain(int(members["members"])),
        "ov_signed_pct": formats.decimal(timeline.percent(int(letter["count_low"]),
                                                          int(members["members"]))),
        "ov_lpc_seats": formats.plain(int(seats["LPC"])),
        "ov_cpc_seats": formats.plain(int(seats["CPC"])),
        "ov_house": formats.plain(int(house["house_size"])),
        "ov_majority": formats.plain(int(house["majority_needed"])),
        "ov_lead_june": formats.decimal(float(june["estimate"]), 0),
        "ov_peak_lead": formats.decimal(float(lead["top"]["estimate"]), 0),
        "ov_peak_period": pav.period(lead["top"]["date"]),
        "ov_cross_period": pav.period(lead["crossed"]),
    }
