"""The methods page (``book/methods.md``): the figures its account of the methods states, each
from the data or from the constant the code computes with (``tests/test_stated_methods.py``
holds the page to them).

:func:`prose_numbers` gives every number and name the prose shows, each under the literal name
the page's ``{eval}`name``` uses: the poll sample, a worked example of share change and Butler
swing, the House's sizes and majorities, the known differences between election-night reports
and validated counts, and the stated parameters of pooling and of the poll average.
"""

from __future__ import annotations

import pandas as pd

from ..analysis import house, polls as pa, swing
from ..data.derive import polls as derive_polls, pooling
from ..i18n import N_, gettext as _
from . import byelections, formats

#: The smoothing kernel's name as the prose says it ("gaussien" in French)
KERNEL_WORDS = {"Gaussian": N_("Gaussian")}

TSP, LEV = "Toronto--St. Paul's", "LaSalle--Émard--Verdun"
ELM, CLC = "Elmwood--Transcona", "Cloverdale--Langley City"
GE2021, GE2025 = "2021-09-20", "2025-04-28"


def _valid_margin(results: pd.DataFrame, riding: str) -> int:
    return byelections.margin(byelections.contest(results, riding))["margin_votes"]


def _cpc_votes(table: pd.DataFrame, riding: str) -> int:
    return int(table[(table["riding"] == riding) & (table["party_code"] == "CPC")].iloc[0]["votes"])


def prose_numbers(polls, results, prelim, history, snapshots, ge2021, pledges,
                  descriptor: dict) -> dict[str, str]:
    """Every number and name the page's prose shows, as display strings (``formats``);
    ``descriptor`` is the data package's (``data.descriptor()``)."""
    from_scrape = polls["source_title"].str.contains("sjwild", regex=False)
    n_release = int(polls["note"].str.contains("from the pollster's release", regex=False).sum())
    # A worked example of share change and Butler swing: Toronto–St. Paul's, 2021 to 2024
    tsp = byelections.contest(results, TSP)
    tsp_2021 = history[(history["riding"] == TSP) & (history["election_date"] == GE2021)]
    tsp_change = swing.share_change(tsp, tsp_2021)
    before = snapshots[snapshots["as_of"] == GE2021].iloc[0]
    after = snapshots[snapshots["as_of"] == GE2025].iloc[0]
    signed = pledges[pledges["measure"] == "signed"].sort_values("report_date")
    last_day = pd.Timestamp(derive_polls.ELECTION_2025) - pd.Timedelta(days=1)
    return {
        "meth_polls_n": formats.plain(len(polls)),
        "meth_polls_scrape": formats.plain(int(from_scrape.sum())),
        "meth_polls_table": formats.plain(int((~from_scrape).sum())),
        "meth_polls_release": (_("{n} poll") if n_release == 1 else _("{n} polls")).format(
            n=formats.plain(n_release)),
        "meth_tsp_cpc_change": formats.decimal(float(tsp_change["CPC"])),
        "meth_tsp_lpc_change": formats.decimal(float(-tsp_change["LPC"])),
        "meth_tsp_swing": formats.decimal(swing.butler_swing(tsp_change, "CPC", "LPC")),
        "meth_seats_2013": formats.plain(int(before["house_size"])),
        "meth_seats_2023": formats.plain(int(after["house_size"])),
        # The majority rule (more than half), from the code that applies it
        "meth_majority_2013": formats.plain(house.votes_to_carry(before["house_size"])),
        "meth_majority_2023": formats.plain(house.votes_to_carry(after["house_size"])),
        "meth_ridings_2021": formats.plain(int(len(ge2021))),
        # Known differences between election-night reports and the validated counts
        "meth_tsp_margin_night": formats.number(byelections.reported_margin(prelim, TSP)),
        "meth_tsp_margin_valid": formats.number(_valid_margin(results, TSP)),
        "meth_lev_margin_night": formats.number(byelections.reported_margin(prelim, LEV)),
        "meth_lev_margin_valid": formats.number(_valid_margin(results, LEV)),
        "meth_elm_margin_night": formats.number(byelections.reported_margin(prelim, ELM)),
        "meth_elm_margin_valid": formats.number(_valid_margin(results, ELM)),
        "meth_clc_cpc_night": formats.number(_cpc_votes(prelim, CLC)),
        "meth_clc_cpc_valid": formats.number(_cpc_votes(results, CLC)),
        "meth_signed_first": formats.plain(int(signed.iloc[0]["count_low"])),
        "meth_signed_letter": formats.plain(int(signed.iloc[-1]["count_low"])),
        "meth_resources": formats.plain(len(descriptor["resources"])),
        # Stated parameters, from the constants the code computes with
        "meth_pool_threshold": formats.pct_short(pooling.MIN_SHARE),
        "meth_polls_table_from": formats.date(derive_polls.TABLE_FROM),
        "meth_polls_last_day": formats.date(last_day),
        "meth_kernel": _(KERNEL_WORDS[pa.KERNEL]),
        "meth_bw_days": formats.number(pa.BANDWIDTH_DAYS),
        "meth_band_pct": formats.pct_short(100 * pa.LEVEL),
        "meth_n_boot": formats.number(pa.N_BOOT),
        "meth_seed": str(pa.SEED),
        "meth_min_polls": formats.number(pa.MIN_POLLS),
        "meth_weight_at_bw": formats.decimal(pa.kernel_weight(pa.BANDWIDTH_DAYS)),
    }
