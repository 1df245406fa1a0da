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
   pollster releases, 338Canada poll pages, news reports of polls and Wikipedia snapshots.
   Empty cells mean the share was not available in the source (or, for Léger 2024-09-28 and
   Innovative Research 2025-02-22, must not be charted).

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

# Hand-added polls. start_date: first fieldwork day where the source gives it (else empty).
# date_basis: "end" = last fieldwork day, "middle" = 338Canada's middle field date (used where
# the end date was not given). Shares in percent. A row's note says what was read where the
# source is not the pollster's own release (338Canada's poll page, a news report, a copy).
MANUAL_POLLS = """\
pollster,start_date,end_date,date_basis,sample_size,mode,LPC,CPC,NDP,BQ,GPC,PPC,source_title,source_url,note
Abacus Data,2024-07-31,2024-08-07,end,1550,online,23,43,18,,4,,"Abacus Data: Conservatives lead by 20 as positive impressions of Pierre Poilievre rise (11 Aug 2024)",https://abacusdata.ca/canadian-politics-poll-conservatives-lead-liberals-august-2024/,Fieldwork 31 Jul-7 Aug 2024. Bloc given only as 30% in Quebec; PPC not reported.
Abacus Data,2024-08-14,2024-08-18,end,2300,online,25,42,18,,5,,"Abacus Data: Conservatives lead by 17 (Aug 2024)",https://abacusdata.ca/canadian-politics-august-2024/,Fieldwork 14-18 Aug 2024. Bloc given only as 30% in Quebec; PPC not reported.
Léger,,2024-08-24,middle,1602,online,25,43,15,,,,"338Canada: Léger federal poll, August 2024 (middle field date 24 Aug 2024)",https://338canada.com/20240824-leg2.htm,"Not in the project fact dossier; added from 338Canada's poll page. Only the three largest parties were in the text read."
Léger,2024-09-06,2024-09-08,end,1521,online,25,45,15,,,,"Léger: End of the NDP-Liberal agreement (survey of 6-8 Sep 2024)",https://leger360.com/end-of-ndp-liberal-agreement,"Not in the project fact dossier; added from the pollster's release. Only the three largest parties were in the text read."
Abacus Data,2024-09-05,2024-09-12,end,2964,online,22,43,18,8,5,3,"Abacus Data: As Parliament resumes and on the eve of two crucial byelections, the Conservatives lead by 21 (Sep 2024)",https://abacusdata.ca/canadian-politics-polling-september-2024/,Fieldwork 5-12 Sep 2024. BQ and PPC national figures from the Western Standard's report of the same release.
Léger,,2024-09-28,middle,1626,online,,42,17,,,,"338Canada: Léger federal poll, September 2024 (middle field date 28 Sep 2024)",https://338canada.com/20240928-leg.htm,"LPC value not in the text read (only 'up one point'); deliberately left empty, do not impute."
Campaign Research,,2024-10-09,middle,5018,online,24,41,18,8,5,3,"338Canada: Campaign Research federal poll, October 2024 (middle field date 9 Oct 2024)",https://338canada.com/20241009-cam.htm,
Abacus Data,2024-10-17,2024-10-22,end,1500,online,22,44,18,,5,,"Abacus Data: Conservatives lead by 22 as surrounding impressions hold steady (27 Oct 2024)",https://abacusdata.ca/canadian-politics-abacus-data-october-wave-2/,"Not in the project fact dossier; added from the pollster's release. Fieldwork 17-22 Oct 2024. Bloc given only as 38% in Quebec; PPC not in the text read."
Abacus Data,2024-10-31,2024-11-05,end,1915,online,22,41,20,,5,,"Abacus Data: Conservatives lead by 19 as other metrics hold steady (10 Nov 2024)",https://abacusdata.ca/canadian-politics-abacus-data-november-2024/,"Fieldwork 31 Oct-5 Nov 2024, 1,915 adults, as in the pollster's release (first read on a blog that reproduces it, plawiuk.blogspot.com; the release's own address found on 2 Dec 2026). Abacus used a sample of the same size (1,915) for its 14-19 Nov 2024 survey, which is not in this series. Bloc given only as 38% in Quebec."
Nanos Research,,2024-12-06,end,,,23.1,42.1,21.2,5.7,4.8,2.6,"Wikipedia: Opinion polling for the 2025 Canadian federal election (snapshot read on a mirror)",{wiki2025},
Ipsos,,2024-12-10,end,,,21,44,21,7,2,3,"Wikipedia: Opinion polling for the 2025 Canadian federal election (snapshot read on a mirror)",{wiki2025},
Nanos Research,,2024-12-13,end,,,23.2,43.3,20.0,5.9,4.3,2.8,"Wikipedia: Opinion polling for the 2025 Canadian federal election (snapshot read on a mirror)",{wiki2025},
EKOS,,2024-12-15,end,,,24,42,19,7,5,2,"Wikipedia: Opinion polling for the 2025 Canadian federal election (snapshot read on a mirror)",{wiki2025},
Abacus Data,,2024-12-16,end,,,21,44,19,7,4,3,"Wikipedia: Opinion polling for the 2025 Canadian federal election (snapshot read on a mirror)",{wiki2025},
Abacus Data,,2024-12-17,end,,,20,45,18,8,4,4,"Wikipedia: Opinion polling for the 2025 Canadian federal election (snapshot read on a mirror)",{wiki2025},
Mainstreet Research,,2024-12-18,end,,,19,48,15,8,4,4,"Wikipedia: Opinion polling for the 2025 Canadian federal election (snapshot read on a mirror)",{wiki2025},
EKOS,,2024-12-19,end,,,19.4,44.4,18.2,8.5,4.5,2.0,"Wikipedia: Opinion polling for the 2025 Canadian federal election (snapshot read on a mirror)",{wiki2025},
Nanos Research,,2024-12-20,end,,,23.8,43.7,18.2,6.8,4.5,2.6,"Wikipedia: Opinion polling for the 2025 Canadian federal election (snapshot read on a mirror)",{wiki2025},
Ipsos,,2024-12-20,end,,,20,45,20,7,3,3,"Wikipedia: Opinion polling for the 2025 Canadian federal election (snapshot read on a mirror)",{wiki2025},
Léger,,2024-12-22,end,,,20,43,19,9,5,3,"Wikipedia: Opinion polling for the 2025 Canadian federal election (snapshot read on a mirror)",{wiki2025},
Pallas Data,,2025-02-06,end,,,33.7,39.6,11.9,7.2,2.5,3.3,"Wikipedia: Opinion polling for the 2025 Canadian federal election (snapshot read on a mirror)",{wiki2025},
Nanos Research,,2025-02-07,end,,,30.1,38.3,16.4,7.8,4.8,2.0,"Wikipedia: Opinion polling for the 2025 Canadian federal election (snapshot read on a mirror)",{wiki2025},
Léger,,2025-02-10,end,,,31,40,14,7,6,2,"Wikipedia: Opinion polling for the 2025 Canadian federal election (snapshot read on a mirror)",{wiki2025},
Abacus Data,,2025-02-12,end,,,25,45,17,8,4,3,"Wikipedia: Opinion polling for the 2025 Canadian federal election (snapshot read on a mirror)",{wiki2025},"The Wikipedia row matches the rapid re-check survey of 11-12 Feb 2025 in the Abacus release (45 CPC, 25 LPC, 17 NDP: https://abacusdata.ca/tag/justin-trudeau/), not its main split-sample survey of 5-11 Feb (3,000 adults), which is not in this series."
EKOS,,2025-02-13,end,,,33.8,38.8,15.0,5.0,3.5,2.8,"Wikipedia: Opinion polling for the 2025 Canadian federal election (snapshot read on a mirror)",{wiki2025},
Mainstreet Research,,2025-02-13,end,,,36,39,11,10,2,2,"Wikipedia: Opinion polling for the 2025 Canadian federal election (snapshot read on a mirror)",{wiki2025},
Nanos Research,,2025-02-14,end,,,31.5,38.6,14.9,8.0,4.4,2.1,"Wikipedia: Opinion polling for the 2025 Canadian federal election (snapshot read on a mirror)",{wiki2025},
Léger,,2025-02-17,end,,,33,41,11,6,3,3,"Wikipedia: Opinion polling for the 2025 Canadian federal election (snapshot read on a mirror)",{wiki2025},
Léger,,2025-04-25,end,,,43,39,8,6,2,1,"Wikipedia: Opinion polling for the 2025 Canadian federal election, campaign period (via aminbhv/canadian-election-projections, commit 3495159)",{wiki2025},Final week of the campaign.
Nanos Research,,2025-04-27,end,,,42.6,39.9,7.8,6.4,1.9,1.1,"Wikipedia: Opinion polling for the 2025 Canadian federal election, campaign period (via aminbhv/canadian-election-projections, commit 3495159)",{wiki2025},Final week of the campaign.
Abacus Data,,2025-04-27,end,,,41,39,10,6,1,3,"Wikipedia: Opinion polling for the 2025 Canadian federal election, campaign period (via aminbhv/canadian-election-projections, commit 3495159)",{wiki2025},Final week of the campaign.
Research Co.,,2025-01-04,middle,1002,online,21,47,15,,,,"338Canada: Research Co. federal poll, January 2025 (middle field date 4 Jan 2025)",https://338canada.com/20250104-res.htm,"Read on 338Canada's poll page, not the pollster's release. Only the three largest parties were in the text read."
Abacus Data,2025-01-06,2025-01-07,end,2500,online,20,47,18,,,,"Abacus Data: Post-Trudeau resignation, Conservative lead grows to 27 (Jan 2025)",https://abacusdata.ca/canadian-politics-abacus-data-post-trudeau-resignation/,Bloc given only as 36% in Quebec; Greens and PPC not in the text read.
EKOS,,2025-01-07,middle,953,IVR,26,42,17,,2,3,"338Canada: EKOS federal poll, January 2025 (middle field date 7 Jan 2025)",https://338canada.com/20250107-eko.htm,"Read on 338Canada's poll page, not the pollster's release. The page's national Bloc figure (4%) is inconsistent with its Quebec figure (31%) and is left empty."
Ipsos,,2025-01-07,middle,1000,online,20,46,17,9,2,4,"338Canada: Ipsos federal poll, January 2025 (middle field date 7 Jan 2025)",https://338canada.com/20250107-ips.htm,"Read on 338Canada's poll page, not the pollster's release."
Léger,,2025-01-12,middle,1545,online,21,47,17,8,4,2,"338Canada: Léger federal poll, January 2025 (middle field date 12 Jan 2025)",https://338canada.com/20250112-leg.htm,"Read on 338Canada's poll page, not the pollster's release."
Mainstreet Research,,2025-01-13,middle,2205,text-to-online,26,45,13,,,,"338Canada: Mainstreet Research federal poll, January 2025 (middle field date 13 Jan 2025)",https://338canada.com/20250113-mai.htm,"Read on 338Canada's poll page, not the pollster's release. Only the three largest parties were in the text read."
Abacus Data,2025-01-09,2025-01-14,end,1500,online,20,46,19,8,4,3,"Abacus Data: Conservatives lead by 26 as Liberal leadership election kicks off (Jan 2025)",https://abacusdata.ca/tag/jagmeet-singh/,Release text read on the publisher's tag page that reproduces it; the release's own address was not found.
EKOS,,2025-01-15,middle,1036,IVR,28,39,17,,,,"338Canada: EKOS federal poll, January 2025 (middle field date 15 Jan 2025)",https://338canada.com/20250115-eko.htm,"Read on 338Canada's poll page, not the pollster's release. Only the three largest parties were in the text read."
Abacus Data,2025-01-22,2025-01-26,end,2205,online,22,43,18,9,5,3,"Abacus Data: Conservative lead drops, but Liberals still 21-points behind (Jan 2025)",https://abacusdata.ca/conservative-lead-by-21-canadian-politics/,
Léger,2025-01-24,2025-01-26,end,1527,online,25,43,16,9,4,2,"Léger: Federal Politics, January 2025",https://leger360.com/fed-pol-jan-2025/,"LPC and CPC from the pollster's release; NDP, BQ, GPC, PPC and the sample size from 338Canada's page for the same poll (https://338canada.com/20250125-leg.htm)."
Pollara,,2025-02-19,middle,1506,online,32,42,11,8,4,2,"338Canada: Pollara federal poll, February 2025 (middle field date 19 Feb 2025)",https://338canada.com/20250219-pol.htm,"Read on 338Canada's poll page, not the pollster's release."
Innovative Research,,2025-02-22,middle,1789,online,30,,16,,,,"338Canada: Innovative Research federal poll, February 2025 (middle field date 22 Feb 2025)",https://338canada.com/20250222-inn.htm,"Read on 338Canada's poll page, not the pollster's release. CPC value not in the text read (only 'down one point'); deliberately left empty, do not impute."
Léger,2025-02-21,2025-02-23,end,1534,online,35,38,,,,,"Léger: Federal Politics, week of February 24 (2025)",https://leger360.com/federal-politics-week-of-february-24/,Only the two largest parties were in the text read.
Ipsos,2025-02-21,2025-02-24,end,1000,online,38,36,12,6,,,"Global News: Liberals top Tories for 1st time in years, new Ipsos polling says (Feb 2025)",https://evdomada.ca/canada-news/liberals-top-tories-for-1st-time-in-years-new-ipsos-polling-says,"Ipsos poll for Global News. Read only on a copy of the Global News article (evdomada.ca); neither the Global News original nor the Ipsos release was read."
Innovative Research,,2025-02-27,middle,1488,online,31,38,16,6,5,3,"338Canada: Innovative Research federal poll, February 2025 (middle field date 27 Feb 2025)",https://338canada.com/20250227-inn.htm,"Read on 338Canada's poll page, not the pollster's release."
Léger,2025-02-28,2025-03-02,end,1548,online,30,43,,,,,"Léger: Federal Politics, March 3 (2025)",https://leger360.com/fed-pol-mar-3,Only the two largest parties were in the text read.
Léger,2025-03-07,2025-03-10,end,1548,online,37,37,11,,,,"GTA Chronicle: report of the Léger online poll of 7-10 March 2025",https://www.gtachronicle.com/?p=11926,"Read only in a news report of the poll, not the pollster's release."
Abacus Data,2025-03-10,2025-03-12,end,1700,online,34,38,15,7,,,"Abacus Data: Conservative lead down to 4 as Liberals reach highest vote share since August 2021 (Mar 2025)",https://abacusdata.ca/canadian-politics-march-liberals-close-the-gap/,Greens and PPC not in the text read.
Mainstreet Research,,2025-03-12,middle,1016,text-to-online,41,39,8,6,2,3,"338Canada: Mainstreet Research federal poll, March 2025 (middle field date 12 Mar 2025)",https://338canada.com/20250312-mai.htm,"Read on 338Canada's poll page, not the pollster's release."
Angus Reid,,2025-03-15,middle,4009,online,42,37,9,8,2,1,"338Canada: Angus Reid federal poll, March 2025 (middle field date 15 Mar 2025)",https://338canada.com/20250315-ang.htm,"Read on 338Canada's poll page; the institute's release was read only in a reprint (burlingtongazette.ca)."
Léger,2025-03-14,2025-03-16,end,1568,online,42,39,,,,,"Léger: Federal Politics, week of March 17 (2025)",https://leger360.com/in-the-news-fed-pol-mar-17/,Only the two largest parties were in the text read.
Abacus Data,2025-03-17,2025-03-20,end,1500,online,36,39,12,,,,"Abacus Data: As the election kicks off, the Conservatives lead the Liberals by 3 (Mar 2025)",https://abacusdata.ca/2025-federal-election-poll-liberals-close-in-on-conservatives-ndp-declines-polling/,Only the three largest parties were in the text read.
Abacus Data,2025-03-20,2025-03-25,end,2000,online,38,37,11,,,,"Abacus Data: Liberals take lead for the first time in years (Mar 2025)",https://abacusdata.ca/2025-federal-election-poll-liberals-close-in-on-conservatives-ndp-declines-polling-2/,Only the three largest parties were in the text read.
Ipsos,2025-03-24,2025-03-26,end,1500,online/telephone,44,38,9,,,,"Ipsos: Liberals lead over Conservatives in week one of campaign (Mar 2025)",https://www.ipsos.com/en-ca/liberals-lead-over-conservatives-week-one-campaign,"1,000 online and 500 by live telephone. Bloc given only as 24% in Quebec; Greens and PPC not in the text read."
Léger,2025-03-26,2025-03-31,end,,online,44,38,,,,,"Evrim Ağacı: Liberal Party holds steady lead in latest polls (report of a Léger poll, 26-31 Mar 2025)",https://evrimagaci.org/tpg/liberal-party-holds-steady-lead-in-latest-polls-310739,"Read only in a news report of the poll, not the pollster's release; sample size not given there."
Research Co.,,2025-04-06,middle,1007,online,44,36,8,5,3,2,"338Canada: Research Co. federal poll, April 2025 (middle field date 6 Apr 2025)",https://338canada.com/20250406-res.htm,"Read on 338Canada's poll page, not the pollster's release."
Nanos Research,,2025-04-08,end,,telephone,42.8,38.6,8.5,6.2,2.3,1.3,"Nanos Research: LPC 42.8 CPC 38.6 NDP 8.5 BQ 6.2 GP 2.3 PPC 1.3 (tracking ending 8 Apr 2025)",https://nanos.co/lpc-42-8-cpc-38-6-ndp-8-5-bq-6-2-gp-2-3-ppc-1-3-tracking-ending-april-8-2025/,"Rolling tracking sample; shares from the release's title (its body was not read), sample size not read. Overlaps the other Nanos tracking rows."
EKOS,,2025-04-14,middle,1782,IVR,46,36,9,4,3,1,"338Canada: EKOS federal poll, April 2025 (middle field date 14 Apr 2025)",https://338canada.com/20250414-eko.htm,"Read on 338Canada's poll page, not the pollster's release."
Léger,2025-04-17,2025-04-21,end,1603,online,43,39,,,,,"Léger: Federal Politics, 4 points gap with one week remaining (Apr 2025)",https://leger360.com/in-the-news-federal-politics-april-21/page/2,Only the two largest parties were in the text read.
Angus Reid,,2025-04-19,middle,2459,online,44,39,7,7,2,,"338Canada: Angus Reid federal poll, April 2025 (middle field date 19 Apr 2025)",https://338canada.com/20250419-ang.htm,"Read on 338Canada's poll page, not the institute's release."
Research Co.,,2025-04-20,middle,1006,online,43,38,8,6,2,1,"338Canada: Research Co. federal poll, April 2025 (middle field date 20 Apr 2025)",https://338canada.com/20250420-res.htm,"Read on 338Canada's poll page, not the pollster's release."
Angus Reid,,2025-04-25,middle,2820,online,44,40,6,7,1,,"Angus Reid Institute: Campaign ends with a narrow lead for Mark Carney and the Liberals (Apr 2025)",https://angusreid.org/all-down-to-e-day-carney-poilievre/,"LPC and CPC from the institute's release; the other shares, sample size, mode and middle field date from 338Canada's page (https://338canada.com/20250425-ang.htm)."
Research Co.,,2025-04-27,middle,1050,online,44,39,7,6,2,1,"Research Co.: No major shifts seen in final week of Canada's federal election (Apr 2025)",https://researchco.ca/2025/04/27/cdnpoli-lateapril2025,"Shares from the pollster's release; sample size and middle field date from 338Canada's page (https://338canada.com/20250427-res.htm)."
""".replace("{wiki2025}", WIKI_2025)

POLL_COLUMNS = [
    "poll_id", "pollster", "start_date", "end_date", "date_basis", "sample_size", "mode",
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
        "start_date": None,
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
    manual = pd.read_csv(io.StringIO(MANUAL_POLLS), dtype={"start_date": str, "end_date": str}, keep_default_na=True)
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
