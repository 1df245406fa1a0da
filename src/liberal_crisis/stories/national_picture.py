"""The national-picture chapter (``book/national-picture.md``): the poll sample from late 2021
to the general election of 28 April 2025, its smoothed average, the Conservative lead, the
sample's coverage and the final week against the result.

:func:`summaries` gives the tables the chapter's charts and prose read (monthly means and leads,
polls per month, the smoothed curves, the final week); :func:`turning_points` the end of the
Liberal months, the peak of the smoothed lead and its crossing; :func:`coverage`,
:func:`events`, :func:`poll_table` and :func:`final_week` what one chart each draws;
:func:`prose_numbers` every number and name the prose shows, each under the literal name the
chapter's ``{eval}`name``` uses.
"""

from __future__ import annotations

import functools

import pandas as pd

from ..analysis import house, polls as pa
from ..i18n import N_, gettext as _
from . import formats, poll_average as pav, poll_summaries, theme

PARTIES = list(theme.PARTIES)  # the six main parties, in the book's order
CHART_PARTIES = ["LPC", "CPC", "NDP", "BQ"]  # the smoothed average: the four largest parties
ELECTION = pd.Timestamp("2025-04-28")
GAP_DAYS = 28  # a "gap" is four weeks without a poll
KEY_DATES = {"resign": "2025-01-06", "order": "2025-02-01", "tariffs": "2025-03-04",
             "carney": "2025-03-09"}
EVENTS = {  # the poll chart's numbered events: date -> short label (the timeline's is longer)
    "2022-03-22": N_("Liberals and NDP sign their supply-and-confidence agreement"),
    "2024-06-24": N_("Liberals lose Toronto–St. Paul's"),
    "2024-09-04": N_("NDP ends the agreement"),
    "2024-09-16": N_("Liberals lose LaSalle–Émard–Verdun"),
    "2024-11-25": N_("Trump threatens 25% tariffs on Canadian goods"),
    "2024-12-16": N_("Freeland resigns; Liberals lose Cloverdale–Langley City"),
    "2025-01-06": N_("Trudeau announces he will resign"),
    "2025-03-04": N_("US tariffs take effect"),
    "2025-03-09": N_("Carney wins the Liberal leadership"),
    "2025-04-28": N_("General election"),
}
COPIES = {"sjwild": "sjwild", "table": "PollsterAudit"}  # the two copies, in source_title
RELEASED = "from the pollster's release"  # a poll's note, where its shares are the release's


def summaries(polls: pd.DataFrame, shares: pd.DataFrame) -> dict:
    """The poll sample summarised (``poll_summaries``) and smoothed (``analysis.polls``): ``long``
    (one row per poll and party), ``means``, ``lead`` (monthly), ``per_month``, ``gaps``, the
    final week before the election (``final``, ``final_polls``), the four parties' ``curves``,
    the per-poll lead (``lead_polls``) and its smoothed curve with its band (``lead_curve``)."""
    long = poll_summaries.poll_long(polls, shares, PARTIES)
    final_start = ELECTION - pd.Timedelta(days=7)
    lead_polls = poll_summaries.per_poll_lead(long, "CPC", "LPC")
    return {
        "long": long,
        "means": poll_summaries.monthly_means(long),
        "lead": poll_summaries.monthly_lead(long, "CPC", "LPC"),
        "per_month": poll_summaries.polls_per_month(polls),
        "gaps": poll_summaries.poll_gaps(polls["end_date"], min_days=GAP_DAYS),
        "final": poll_summaries.window_means(long, final_start, ELECTION - pd.Timedelta(days=1)),
        "final_polls": polls[(polls["end_date"] >= final_start) & (polls["end_date"] < ELECTION)],
        "curves": pav.smoothed(long, CHART_PARTIES),
        "lead_polls": lead_polls,
        "lead_curve": pa.smooth(lead_polls["end_date"], lead_polls["lead_pts"],
                                pa.evaluation_dates(long["end_date"], pav.STEP_DAYS)),
    }


def turning_points(s: dict) -> dict:
    """From :func:`summaries`: the last month before 2025 with the Liberals ahead on average
    (``last_lib_month``) and the Conservative months after it (``cons_run``); the peak of the
    smoothed lead (``top``), where the smoothed shares cross after it (``crossed``), the run of
    the smoothed Conservative lead that ends there (``run``, :func:`analysis.polls.positive_run`)
    and where the band clears zero (``clear``)."""
    lead, lead_curve = s["lead"], s["lead_curve"]
    before_2025 = lead[(lead["month"] < "2025-01-01") & lead["lead_pts"].notna()]
    last_lib_month = before_2025.loc[before_2025["lead_pts"] < 0, "month"].max()
    cons_run = before_2025[before_2025["month"] > last_lib_month]
    assert (cons_run["lead_pts"] > 0).all()
    top = pa.peak(lead_curve)
    assert top["date"] > pd.Timestamp("2024-12-16")  # the takeaway says "after" the letter
    crossed = pa.first_crossing(lead_curve, after=top["date"])
    # How long the smoothed Conservative lead lasted: the run of positive estimates that ends at
    # the crossing (the chart's title and the prose's "more than two years")
    return {"last_lib_month": last_lib_month, "cons_run": cons_run, "top": top,
            "crossed": crossed, "run": pa.positive_run(lead_curve, crossed),
            "clear": pa.first_crossing(lead_curve, after=top["date"], column="upper")}


def copies(polls: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """Which polls come from the partial scrape (sjwild) and which from the full table."""
    sjwild = polls["source_title"].str.contains(COPIES["sjwild"], regex=False)
    table_rows = polls["source_title"].str.contains(COPIES["table"], regex=False)
    assert (sjwild | table_rows).all(), "every poll comes from one of the two copies of the table"
    return sjwild, table_rows


def coverage(polls: pd.DataFrame, per_month: pd.DataFrame) -> dict:
    """The coverage chart's title: the span of monthly counts from the full table's first month
    to February 2025 (``steady``), then the busiest month (``peak``)."""
    _sjwild, table_rows = copies(polls)
    first_month = polls.loc[table_rows, "end_date"].min().replace(day=1)
    steady = per_month[(per_month["month"] >= first_month) & (per_month["month"] < "2025-03-01")]
    peak = per_month.loc[per_month["n_polls"].idxmax()]
    assert peak["month"] > steady["month"].max()
    # every month after the steady span is named ("then 136 in April" skipped March's 64)
    after = per_month[per_month["month"] > steady["month"].max()]
    assert peak["month"] in set(after["month"])
    then = [_("{n} in {month}").format(n=int(row.n_polls), month=formats.month(row.month))
            for row in after.itertuples()]
    # elide: « d’avril », should the steady span start in a month with a vowel
    title = formats.elide(_("{low} to {high} polls a month from {start} to {end}, then {then}").format(
        low=int(steady["n_polls"].min()), high=int(steady["n_polls"].max()),
        start=formats.month(steady["month"].min()), end=formats.month(steady["month"].max()),
        then=formats.join(then)))
    return {"steady": steady, "peak": peak, "title": title}


def events(timeline: pd.DataFrame) -> pd.DataFrame:
    """The poll chart's numbered events, each a day of the timeline."""
    out = pav.number_events(
        timeline[timeline["date"].isin(pd.to_datetime(list(EVENTS)))]
        .drop_duplicates("date")[["date"]]
        .assign(label=lambda d: d["date"].dt.strftime("%Y-%m-%d").map(EVENTS).map(_)),
        rows=3,
    )
    assert len(out) == len(EVENTS), "every charted event must be in the timeline"
    return out


def poll_table(dots: pd.DataFrame, curves: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """The poll chart's table: the polls, the smoothed averages with their bands, the events."""
    return pd.concat([
        dots.assign(layer=_("poll")).rename(columns={"end_date": "date", "share_pct": "value_pct"})
        [["layer", "date", "party_code", "pollster", "value_pct"]],
        curves.dropna(subset=["estimate"]).assign(layer=_("smoothed average"))
        .rename(columns={"estimate": "value_pct", "lower": "band_low_pct",
                         "upper": "band_high_pct"})
        [["layer", "date", "party_code", "value_pct", "band_low_pct", "band_high_pct"]],
        events.assign(layer=_("event"))[["layer", "date", "number", "label"]],
    ], ignore_index=True)


def final_week(final: pd.DataFrame, result: pd.DataFrame) -> pd.DataFrame:
    """The final-week chart's table: each party's mean in the final week's polls and its share
    of the vote (``result`` indexed by party code)."""
    return pd.DataFrame({
        "party_code": PARTIES,
        "final_week_polls_pct": [float(final.loc[p, "mean_pct"]) for p in PARTIES],
        "final_week_polls_n": [int(final.loc[p, "n_polls"]) for p in PARTIES],
        "result_pct": [float(result.loc[p, "vote_share_pct"]) for p in PARTIES],
    })


def _month_mean(means: pd.DataFrame, month, party: str) -> tuple[float, int]:
    row = means[(means["month"] == pd.Timestamp(month)) & (means["party_code"] == party)].iloc[0]
    return float(row["mean_pct"]), int(row["n_polls"])


def _polls_in(per_month: pd.DataFrame, month: str) -> int:
    return int(per_month.loc[per_month["month"] == month, "n_polls"].iloc[0])


def _sample_numbers(polls: pd.DataFrame, shares: pd.DataFrame, s: dict) -> dict[str, str]:
    """The sample: its size, its two copies, the release shares, the gaps and the coverage."""
    sjwild, table_rows = copies(polls)
    released = polls["note"].str.contains(RELEASED, regex=False)
    n_released = int(released.sum())
    # EKOS's final poll: the versions of the release read disagree, so the table's row stands
    ekos_final = polls[(polls["pollster"] == "EKOS") & (polls["end_date"] == "2025-04-26")]
    assert not ekos_final["note"].str.contains(RELEASED, regex=False).any()
    wide = shares.pivot(index="poll_id", columns="party_code", values="share_pct")
    table_wide = wide.loc[polls.loc[table_rows, "poll_id"]]
    rolling = polls[table_rows & polls["mode"].str.contains("rolling", regex=False, na=False)]
    firms = sorted(rolling["pollster"].unique())
    per_month, gaps = s["per_month"], s["gaps"]
    sjwild_months = per_month[per_month["month"] <= polls.loc[sjwild, "end_date"].max()]
    longest = gaps.loc[gaps["days_without"].idxmax()]
    assert longest["before"] <= polls.loc[sjwild, "end_date"].max()  # the prose: in the scrape
    steady = coverage(polls, per_month)["steady"]
    curve_breaks = pav.breaks(s["curves"][s["curves"]["party_code"] == "LPC"], after="2024-01-01")
    return {
        "nat_n_polls": formats.number(len(polls)),
        "nat_n_pollsters": formats.plain(int(polls["pollster"].nunique())),
        "nat_first_date": formats.date(polls["end_date"].min()),
        "nat_last_date": formats.date(polls["end_date"].max()),
        "nat_n_sjwild": formats.number(int(sjwild.sum())),
        "nat_n_table": formats.number(int(table_rows.sum())),
        "nat_sjwild_last": formats.date(polls.loc[sjwild, "end_date"].max()),
        "nat_table_first": formats.date(polls.loc[table_rows, "end_date"].min()),
        "nat_table_pollsters": formats.plain(int(polls.loc[table_rows, "pollster"].nunique())),
        "nat_n_release_shares": (_("{n} poll") if n_released == 1 else _("{n} polls")).format(
            n=formats.plain(n_released)),
        "nat_release_polls": formats.join([
            formats.elide(_("{pollster}'s of {date}").format(pollster=p, date=formats.date(d)))
            for p, d in zip(polls.loc[released, "pollster"], polls.loc[released, "end_date"])],
            sep=" " + _("and") + " "),
        "nat_table_missing": formats.plain(int(table_wide[PARTIES].isna().any(axis=1).sum())),
        "nat_rolling_firms": formats.join(firms),
        "nat_rolling_n": formats.plain(len(rolling)),
        "nat_months_sjwild": formats.plain(len(sjwild_months)),
        "nat_sjwild_min_month": formats.plain(int(sjwild_months["n_polls"].min())),
        "nat_longest_gap_days": formats.plain(int(longest["days_without"])),
        "nat_longest_gap_after": formats.date(longest["after"]),
        "nat_longest_gap_before": formats.date(longest["before"]),
        "nat_n_2025_03": formats.plain(_polls_in(per_month, "2025-03-01")),
        "nat_n_2025_04": formats.plain(_polls_in(per_month, "2025-04-01")),
        "nat_steady_min": formats.plain(int(steady["n_polls"].min())),
        "nat_steady_max": formats.plain(int(steady["n_polls"].max())),
        "nat_steady_from": formats.month(steady["month"].min()),
        "nat_steady_to": formats.month(steady["month"].max()),
        "nat_breaks": formats.join([_("from {start} to {end}").format(start=pav.period(a), end=pav.period(b))
                                    for a, b in curve_breaks], sep=" " + _("and") + " ") or _("nowhere"),
        # The smoothing's stated parameters, from the constants the code computes with
        "nat_bw_days": formats.plain(int(pa.BANDWIDTH_DAYS)),
        "nat_band_pct": formats.plain(round(pa.LEVEL * 100)),
        "nat_min_polls": formats.plain(int(pa.MIN_POLLS)),
        "nat_n_boot": formats.plain(pa.N_BOOT),
    }


def _lead_numbers(s: dict, t: dict) -> dict[str, str]:
    """The lead: the start of the series, the by-election months, the peak and the crossing."""
    means, lead, per_month = s["means"], s["lead"], s["per_month"]
    lead_polls, lead_curve = s["lead_polls"], s["lead_curve"]
    start_lpc, start_n = _month_mean(means, means["month"].min(), "LPC")
    widest = lead.loc[lead["lead_pts"].idxmax()]
    jan = lead[lead["month"] == "2025-01-01"].iloc[0]
    top, crossed, cons_run = t["top"], t["crossed"], t["cons_run"]
    run = t["run"]  # tests/test_poll_rule.py checks the data
    assert run["months"] > 24, "the title says more than two years"
    years, months = divmod(int(run["months"]), 12)
    # The first polls after the peak with the Liberals ahead: every poll ending on that day
    after_peak = lead_polls[(lead_polls["end_date"] > top["date"]) & (lead_polls["lead_pts"] < 0)]
    first_day = after_peak["end_date"].min()
    first_lib = after_peak[after_peak["end_date"] == first_day]
    assert first_day < crossed  # the prose says single polls led the way
    # "The first ... since": the last poll with the Liberals ahead before the peak
    prev_lib = lead_polls[(lead_polls["end_date"] < top["date"])
                          & (lead_polls["lead_pts"] < 0)].iloc[-1]

    def smoothed_lead(key: str) -> float:
        return float(pa.value_at(lead_curve, KEY_DATES[key])["estimate"])

    return {
        "nat_start_month": formats.month(means["month"].min()),
        "nat_start_lpc": formats.decimal(start_lpc),
        "nat_start_cpc": formats.decimal(_month_mean(means, means["month"].min(), "CPC")[0]),
        "nat_start_n": formats.plain(start_n),
        "nat_last_lib_month": formats.month(t["last_lib_month"]),
        "nat_cons_from_month": formats.month(cons_run["month"].min()),
        "nat_cons_months": formats.plain(len(cons_run)),
        "nat_jun24_lpc": formats.decimal(_month_mean(means, "2024-06-01", "LPC")[0]),
        "nat_jun24_cpc": formats.decimal(_month_mean(means, "2024-06-01", "CPC")[0]),
        "nat_jun24_polls": formats.plain(_polls_in(per_month, "2024-06-01")),
        "nat_sep24_lpc": formats.decimal(_month_mean(means, "2024-09-01", "LPC")[0]),
        "nat_sep24_cpc": formats.decimal(_month_mean(means, "2024-09-01", "CPC")[0]),
        "nat_sep24_polls": formats.plain(_polls_in(per_month, "2024-09-01")),
        "nat_dec24_lpc": formats.decimal(_month_mean(means, "2024-12-01", "LPC")[0]),
        "nat_dec24_cpc": formats.decimal(_month_mean(means, "2024-12-01", "CPC")[0]),
        "nat_dec24_polls": formats.plain(_polls_in(per_month, "2024-12-01")),
        "nat_widest_month": formats.month(widest["month"]),
        "nat_widest_lead": formats.decimal(float(widest["lead_pts"])),
        "nat_widest_n": formats.plain(int(widest["n_polls"])),
        "nat_jan25_lead": formats.decimal(float(jan["lead_pts"])),
        "nat_jan25_n": formats.plain(int(jan["n_polls"])),
        "nat_peak_period": pav.period(top["date"]),
        "nat_peak_lead": formats.decimal(float(top["estimate"])),
        "nat_peak_low": formats.decimal(float(top["lower"])),
        "nat_peak_high": formats.decimal(float(top["upper"])),
        "nat_lead_resign": formats.decimal(smoothed_lead("resign")),
        "nat_lead_order": formats.decimal(smoothed_lead("order")),
        "nat_lead_tariffs": formats.decimal(smoothed_lead("tariffs")),
        "nat_fall_to_carney": formats.decimal(float(top["estimate"]) - smoothed_lead("carney")),
        "nat_cross_period": pav.period(crossed),
        "nat_run_from": pav.period(run["start"]),
        "nat_run_span": (_("{years} years and {months} month") if months == 1
                         else _("{years} years and {months} months")).format(years=years, months=months),
        "nat_clear_period": pav.period(t["clear"]),
        "nat_first_lib_date": formats.date(first_day),
        # The list's own "and" (", et" in French: each item has a comma of its own).
        "nat_first_lib_polls": functools.reduce(
            lambda polls_, poll: _("{polls} and {poll}").format(polls=polls_, poll=poll),
            [formats.elide(_("{pollster}'s, by {lead} {points}").format(
                pollster=p, lead=formats.decimal(-lead), points=formats.point_word(-lead)))
             for p, lead in zip(first_lib["pollster"], first_lib["lead_pts"])]),
        "nat_prev_lib_pollster": prev_lib["pollster"],
        "nat_prev_lib_date": formats.date(prev_lib["end_date"]),
    }


def _result_numbers(s: dict, result: pd.DataFrame) -> dict[str, str]:
    """The final week's polls against the result (``result`` indexed by party code)."""
    final, final_polls = s["final"], s["final_polls"]
    share = result["vote_share_pct"]
    final_lead = final.loc["CPC", "mean_pct"] - final.loc["LPC", "mean_pct"]
    assert final_lead < 0  # the prose says the Liberals led in the final week
    # The prose: the final-week polls were low for the two largest parties and high for the NDP
    polled = final["mean_pct"]
    assert polled["LPC"] < share["LPC"] and polled["CPC"] < share["CPC"]
    assert polled["NDP"] > share["NDP"]
    # From the shares as printed (one decimal), so the gap is the one a reader subtracts
    res_lead = round(share["LPC"], 1) - round(share["CPC"], 1)
    seats = int(result["seats"].sum())
    return {
        "nat_fw_n": formats.plain(len(final_polls)),
        "nat_fw_first": formats.date(final_polls["end_date"].min()),
        "nat_fw_last": formats.date(final_polls["end_date"].max()),
        "nat_fw_pollsters": ", ".join(sorted(final_polls["pollster"].unique())),
        "nat_fw_lpc": formats.decimal(float(final.loc["LPC", "mean_pct"])),
        "nat_fw_cpc": formats.decimal(float(final.loc["CPC", "mean_pct"])),
        "nat_fw_lib_lead": formats.decimal(float(-final_lead)),
        "nat_res_lpc": formats.decimal(float(share["LPC"])),
        "nat_res_cpc": formats.decimal(float(share["CPC"])),
        "nat_res_ndp": formats.decimal(float(share["NDP"])),
        "nat_res_lib_lead": formats.decimal(float(res_lead)),
        "nat_res_lpc_seats": formats.plain(int(result.loc["LPC", "seats"])),
        "nat_res_cpc_seats": formats.plain(int(result.loc["CPC", "seats"])),
        "nat_res_seats": formats.plain(seats),
        "nat_res_majority": formats.plain(house.votes_to_carry(seats)),
        "nat_err_lpc": formats.decimal(float(share["LPC"] - final.loc["LPC", "mean_pct"])),
        "nat_err_cpc": formats.decimal(float(share["CPC"] - final.loc["CPC", "mean_pct"])),
        "nat_err_ndp": formats.decimal(float(final.loc["NDP", "mean_pct"] - share["NDP"])),
    }


def prose_numbers(polls: pd.DataFrame, shares: pd.DataFrame, result: pd.DataFrame,
                  s: dict | None = None) -> dict[str, str]:
    """Every number and name the chapter's prose shows, as display strings (``formats``):
    ``result`` is ``ge2025_national`` indexed by party code; ``s`` is :func:`summaries` of
    ``polls`` and ``shares`` when the caller has it already (the smoothing takes a moment)."""
    s = s if s is not None else summaries(polls, shares)
    return {**_sample_numbers(polls, shares, s), **_lead_numbers(s, turning_points(s)),
            **_result_numbers(s, result)}
