"""Build data/polls.csv and data/poll_shares.csv.

Two inputs:

1. The per-poll file scraped from Wikipedia's "Opinion polling for the 45th Canadian federal
   election" by the GitHub repository sjwild/Canadian_Election_2021 (commit 7e54c62,
   path Data/fed_polls_after_2021.csv). Shares in that file are fractions; they are
   converted to percent and rounded to one decimal. Only polls dated after the 2021
   general election (PollDate > 2021-09-20) are kept. PollDate is treated as the last
   day of fieldwork. The file's "Other" column is a computed remainder and is not kept.
   Pass its path with --polls-csv.

2. MANUAL_POLLS below: individual polls from July 2024 to April 2025, typed by hand from
   pollster releases, 338Canada poll pages and Wikipedia snapshots. Empty cells mean the
   share was not available in the source (or, for Léger 2024-09-28, must not be charted).

poll_id is "<pollster slug>-<end_date>", with "-2", "-3"... added in a stable order when
one pollster has several polls on the same date. Re-running on the same inputs gives
identical files.

Usage: python scripts/derive_polls.py --polls-csv PATH --out data
"""

from __future__ import annotations

import argparse
import csv
import io
import re
import unicodedata
from pathlib import Path

import pandas as pd

PARTIES = ["LPC", "CPC", "NDP", "BQ", "GPC", "PPC"]
ELECTION_2021 = "2021-09-20"

WIKI_45 = "https://en.wikipedia.org/wiki/Opinion_polling_for_the_45th_Canadian_federal_election"
WIKI_2025 = "https://en.wikipedia.org/wiki/Opinion_polling_for_the_2025_Canadian_federal_election"
SJWILD_TITLE = (
    "Wikipedia: Opinion polling for the 45th Canadian federal election "
    "(table scraped by sjwild/Canadian_Election_2021, commit 7e54c62)"
)

POLLSTER_NAMES = {"Leger": "Léger", "Earnscliffe/Leger": "Earnscliffe/Léger"}
MODE_NAMES = {
    "telephone": "telephone",
    "Online": "online",
    "IVR": "IVR",
    "Online - telephone": "online/telephone",
}

# Hand-added polls. date_basis: "end" = last fieldwork day, "middle" = 338Canada's middle
# field date (used where the end date was not given). Shares in percent.
MANUAL_POLLS = """\
pollster,end_date,date_basis,sample_size,mode,LPC,CPC,NDP,BQ,GPC,PPC,source_title,source_url,note
Abacus Data,2024-08-07,end,1550,online,23,43,18,,4,,"Abacus Data: Conservatives lead by 20 as positive impressions of Pierre Poilievre rise (11 Aug 2024)",https://abacusdata.ca/canadian-politics-poll-conservatives-lead-liberals-august-2024/,Fieldwork 31 Jul-7 Aug 2024. Bloc given only as 30% in Quebec; PPC not reported.
Abacus Data,2024-08-18,end,2300,online,25,42,18,,5,,"Abacus Data: Conservatives lead by 17 (Aug 2024)",https://abacusdata.ca/canadian-politics-august-2024/,Fieldwork 14-18 Aug 2024. Bloc given only as 30% in Quebec; PPC not reported.
Léger,2024-08-24,middle,1602,online,25,43,15,,,,"338Canada: Léger federal poll, August 2024 (middle field date 24 Aug 2024)",https://338canada.com/20240824-leg2.htm,"Not in the project fact dossier; added from 338Canada's poll page. Only the three largest parties were in the text read."
Léger,2024-09-08,end,1521,online,25,45,15,,,,"Léger: End of the NDP-Liberal agreement (survey of 6-8 Sep 2024)",https://leger360.com/end-of-ndp-liberal-agreement,"Not in the project fact dossier; added from the pollster's release. Only the three largest parties were in the text read."
Abacus Data,2024-09-12,end,2964,online,22,43,18,8,5,3,"Abacus Data: As Parliament resumes and on the eve of two crucial byelections, the Conservatives lead by 21 (Sep 2024)",https://abacusdata.ca/canadian-politics-polling-september-2024/,Fieldwork 5-12 Sep 2024. BQ and PPC national figures from the Western Standard's report of the same release.
Léger,2024-09-28,middle,1626,online,,42,17,,,,"338Canada: Léger federal poll, September 2024 (middle field date 28 Sep 2024)",https://338canada.com/20240928-leg.htm,"LPC value not in the text read (only 'up one point'); deliberately left empty, do not impute."
Campaign Research,2024-10-09,middle,5018,online,24,41,18,8,5,3,"338Canada: Campaign Research federal poll, October 2024 (middle field date 9 Oct 2024)",https://338canada.com/20241009-cam.htm,
Abacus Data,2024-10-22,end,1500,online,22,44,18,,5,,"Abacus Data: Conservatives lead by 22 as surrounding impressions hold steady (27 Oct 2024)",https://abacusdata.ca/canadian-politics-abacus-data-october-wave-2/,"Not in the project fact dossier; added from the pollster's release. Fieldwork 17-22 Oct 2024. Bloc given only as 38% in Quebec; PPC not in the text read."
Abacus Data,2024-11-05,end,1915,online,22,41,20,,5,,"Abacus Data: Conservatives lead by 19 as other metrics hold steady (10 Nov 2024)",https://abacusdata.ca/,"Not in the project fact dossier. Release text read on a blog that reproduces it (plawiuk.blogspot.com); publisher home page given because the release's own address was not found. Fieldwork 31 Oct-5 Nov 2024. Bloc given only as 38% in Quebec."
Nanos Research,2024-12-06,end,,,23.1,42.1,21.2,5.7,4.8,2.6,"Wikipedia: Opinion polling for the 2025 Canadian federal election (snapshot read on a mirror)",{wiki2025},
Ipsos,2024-12-10,end,,,21,44,21,7,2,3,"Wikipedia: Opinion polling for the 2025 Canadian federal election (snapshot read on a mirror)",{wiki2025},
Nanos Research,2024-12-13,end,,,23.2,43.3,20.0,5.9,4.3,2.8,"Wikipedia: Opinion polling for the 2025 Canadian federal election (snapshot read on a mirror)",{wiki2025},
EKOS,2024-12-15,end,,,24,42,19,7,5,2,"Wikipedia: Opinion polling for the 2025 Canadian federal election (snapshot read on a mirror)",{wiki2025},
Abacus Data,2024-12-16,end,,,21,44,19,7,4,3,"Wikipedia: Opinion polling for the 2025 Canadian federal election (snapshot read on a mirror)",{wiki2025},
Abacus Data,2024-12-17,end,,,20,45,18,8,4,4,"Wikipedia: Opinion polling for the 2025 Canadian federal election (snapshot read on a mirror)",{wiki2025},
Mainstreet Research,2024-12-18,end,,,19,48,15,8,4,4,"Wikipedia: Opinion polling for the 2025 Canadian federal election (snapshot read on a mirror)",{wiki2025},
EKOS,2024-12-19,end,,,19.4,44.4,18.2,8.5,4.5,2.0,"Wikipedia: Opinion polling for the 2025 Canadian federal election (snapshot read on a mirror)",{wiki2025},
Nanos Research,2024-12-20,end,,,23.8,43.7,18.2,6.8,4.5,2.6,"Wikipedia: Opinion polling for the 2025 Canadian federal election (snapshot read on a mirror)",{wiki2025},
Ipsos,2024-12-20,end,,,20,45,20,7,3,3,"Wikipedia: Opinion polling for the 2025 Canadian federal election (snapshot read on a mirror)",{wiki2025},
Léger,2024-12-22,end,,,20,43,19,9,5,3,"Wikipedia: Opinion polling for the 2025 Canadian federal election (snapshot read on a mirror)",{wiki2025},
Pallas Data,2025-02-06,end,,,33.7,39.6,11.9,7.2,2.5,3.3,"Wikipedia: Opinion polling for the 2025 Canadian federal election (snapshot read on a mirror)",{wiki2025},
Nanos Research,2025-02-07,end,,,30.1,38.3,16.4,7.8,4.8,2.0,"Wikipedia: Opinion polling for the 2025 Canadian federal election (snapshot read on a mirror)",{wiki2025},
Léger,2025-02-10,end,,,31,40,14,7,6,2,"Wikipedia: Opinion polling for the 2025 Canadian federal election (snapshot read on a mirror)",{wiki2025},
Abacus Data,2025-02-12,end,,,25,45,17,8,4,3,"Wikipedia: Opinion polling for the 2025 Canadian federal election (snapshot read on a mirror)",{wiki2025},
EKOS,2025-02-13,end,,,33.8,38.8,15.0,5.0,3.5,2.8,"Wikipedia: Opinion polling for the 2025 Canadian federal election (snapshot read on a mirror)",{wiki2025},
Mainstreet Research,2025-02-13,end,,,36,39,11,10,2,2,"Wikipedia: Opinion polling for the 2025 Canadian federal election (snapshot read on a mirror)",{wiki2025},
Nanos Research,2025-02-14,end,,,31.5,38.6,14.9,8.0,4.4,2.1,"Wikipedia: Opinion polling for the 2025 Canadian federal election (snapshot read on a mirror)",{wiki2025},
Léger,2025-02-17,end,,,33,41,11,6,3,3,"Wikipedia: Opinion polling for the 2025 Canadian federal election (snapshot read on a mirror)",{wiki2025},
Léger,2025-04-25,end,,,43,39,8,6,2,1,"Wikipedia: Opinion polling for the 2025 Canadian federal election, campaign period (via aminbhv/canadian-election-projections, commit 3495159)",{wiki2025},Final week of the campaign.
Nanos Research,2025-04-27,end,,,42.6,39.9,7.8,6.4,1.9,1.1,"Wikipedia: Opinion polling for the 2025 Canadian federal election, campaign period (via aminbhv/canadian-election-projections, commit 3495159)",{wiki2025},Final week of the campaign.
Abacus Data,2025-04-27,end,,,41,39,10,6,1,3,"Wikipedia: Opinion polling for the 2025 Canadian federal election, campaign period (via aminbhv/canadian-election-projections, commit 3495159)",{wiki2025},Final week of the campaign.
""".replace("{wiki2025}", WIKI_2025)

POLL_COLUMNS = [
    "poll_id", "pollster", "end_date", "date_basis", "sample_size", "mode",
    "source_title", "source_url", "note",
]
SHARE_COLUMNS = ["poll_id", "party_code", "share_pct"]


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def from_file(path: Path) -> pd.DataFrame:
    raw = pd.read_csv(path, dtype={"PollDate": str})
    raw = raw[raw["PollDate"] > ELECTION_2021].copy()
    polls = pd.DataFrame({
        "pollster": raw["Polling_firm"].map(lambda s: POLLSTER_NAMES.get(s, s)),
        "end_date": raw["PollDate"],
        "date_basis": "end",
        "sample_size": raw["SampleSize"].astype("Int64"),
        "mode": raw["mode"].map(MODE_NAMES),
        "source_title": SJWILD_TITLE,
        "source_url": WIKI_45,
        "note": "",
    })
    if polls["mode"].isna().any():
        raise ValueError("unknown mode value in the polls file")
    for party in PARTIES:
        polls[party] = (raw[party] * 100).round(1)
    return polls


def from_manual() -> pd.DataFrame:
    manual = pd.read_csv(io.StringIO(MANUAL_POLLS), dtype={"end_date": str}, keep_default_na=True)
    manual["sample_size"] = manual["sample_size"].astype("Int64")
    manual["mode"] = manual["mode"].fillna("")
    manual["note"] = manual["note"].fillna("")
    return manual


def build(polls_csv: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    allp = pd.concat([from_file(polls_csv), from_manual()], ignore_index=True)
    allp = allp.sort_values(["end_date", "pollster", "sample_size", "source_url"],
                            kind="mergesort", na_position="last").reset_index(drop=True)
    base = allp["pollster"].map(slug) + "-" + allp["end_date"]
    rank = base.groupby(base).cumcount() + 1
    allp["poll_id"] = [b if r == 1 else f"{b}-{r}" for b, r in zip(base, rank)]
    if allp["poll_id"].duplicated().any():
        raise ValueError("poll_id is not unique")

    shares = allp.melt(id_vars="poll_id", value_vars=PARTIES,
                       var_name="party_code", value_name="share_pct").dropna(subset=["share_pct"])
    order = {p: i for i, p in enumerate(PARTIES)}
    shares = shares.sort_values(["poll_id", "party_code"],
                                key=lambda s: s.map(order) if s.name == "party_code" else s)
    if not shares["share_pct"].between(0, 100).all():
        raise ValueError("share outside 0-100")
    return allp[POLL_COLUMNS], shares[SHARE_COLUMNS]


def write(df: pd.DataFrame, path: Path) -> None:
    df.to_csv(path, index=False, lineterminator="\n", quoting=csv.QUOTE_MINIMAL,
              float_format="%.1f", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polls-csv", type=Path, required=True,
                        help="sjwild fed_polls_after_2021.csv")
    parser.add_argument("--out", type=Path, required=True, help="output folder (data)")
    args = parser.parse_args()
    polls, shares = build(args.polls_csv)
    args.out.mkdir(parents=True, exist_ok=True)
    write(polls, args.out / "polls.csv")
    write(shares, args.out / "poll_shares.csv")
    print(f"{len(polls)} polls, {len(shares)} shares -> {args.out}")


if __name__ == "__main__":
    main()
