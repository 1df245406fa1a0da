"""Party labels: each publisher's wording mapped to the book's party codes (``data/parties.csv``).

Any label not in these tables stops the derivation (no fallback), except the stated rule for
the Library of Parliament's labels before 1988 (:data:`HISTORICAL_LABELS`).
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

# Library of Parliament labels (Political_Affiliation), 1988 onwards.
LOP_LABELS = {
    "Liberal Party of Canada": "LPC",
    "Conservative Party of Canada": "CPC",
    "New Democratic Party": "NDP",
    "Bloc Québécois": "BQ",
    "Green Party of Canada": "GPC",
    "People's Party of Canada": "PPC",
    "Independent": "IND",
    "No affiliation to a recognised party": "NOA",
    "Progressive Conservative Party": "PC",
    "Reform Party of Canada": "REF",
    "Canadian Reform Conservative Alliance": "CA",
    "Marxist-Leninist Party of Canada": "ML",
    # The Rhinoceros party has run under several registered names since 2006.
    "Rhinoceros Party of Canada": "RHI",
    "Rhinoceros Party": "RHI",
    "Parti Rhinocéros Party": "RHI",
    "neorhino.ca": "RHI",
    "Marijuana Party": "MAR",
    "Centrist Party of Canada": "CEN",
    "Canadian Future Party": "CFP",
    "Christian Heritage Party of Canada": "CHP",
    "Libertarian Party of Canada": "LBT",
    "Free Party Canada": "FPC",
    "Communist Party of Canada": "COM",
    "Animal Protection Party of Canada": "APP",
    "Canada's Fourth Front": "CFF",
    "Canadian Nationalist Party": "NAT",
    "Maverick Party": "MAV",
    "National Citizens Alliance of Canada": "NCA",
    "National Citizens Alliance": "NCA",
    "Parti Patriote": "PAT",
    "Parti pour l'Indépendance du Québec": "PIQ",
    "Veterans Coalition Party of Canada": "VCP",
    "United Party of Canada": "UPC",
    # Minor parties of 1988-2019 that never won a seat in these files. They are only ever
    # counted in contest totals (shares), never shown on their own, so they share OTH rather
    # than getting codes (and names) of their own. The list is explicit, not a fallback.
    "Natural Law Party of Canada": "OTH",
    "Canadian Action Party": "OTH",
    "National Party of Canada": "OTH",
    "Party for the Commonwealth of Canada": "OTH",
    "Abolitionist Party of Canada": "OTH",
    "Progressive Canadian Party": "OTH",
    "Canada Party": "OTH",
    "Confederation of Regions Western Party": "OTH",
    "Animal Alliance Environment Voters Party of Canada": "OTH",
    "Strength in Democracy": "OTH",
    "Pirate Party of Canada": "OTH",
    "First Peoples National Party of Canada": "OTH",
    "Western Block Party": "OTH",
    "Social Credit Party of Canada": "OTH",
    "National Advancement Party of Canada": "OTH",
    "Newfoundland and Labrador First Party": "OTH",
    "Stop Climate Change Party": "OTH",
    "People's Political Power Party of Canada": "OTH",
    "Co-operative Commonwealth Federation": "OTH",
    "Work Less Party": "OTH",
    "Accountability, Competency and Transparency": "OTH",
    "Seniors Party of Canada": "OTH",
    "The Bridge Party of Canada": "OTH",
    "Alliance of the North": "OTH",
}
CPC_FOUNDED = "2003-12-07"  # merger of CA and PC; no federal contest fell between 7 and 8 Dec 2003

# Library of Parliament labels before the 1988 general election (MODERN_FROM). The rule, stated
# once and tested (tests/test_derive_data.py): a label is coded as a party of 1988 and after only
# where it names that party or status under the same name; **every other label before 1988 is
# coded OTH**, and no label falls through unmapped. The by-election runs only ever follow a party
# that won a contest in 1988 or later (LPC, PC, NDP, BQ, REF, CA, CPC, IND, NOA), and OTH never
# wins one then (checked where the files are read, in readers.py), so an OTH winner before 1988
# can only end a run, as a party
# change, never extend one. Behind OTH are historical parties (the Conservative party of
# 1867-1942, "Conservative (1867-1942)"; the Liberal-Conservatives; the Unionists of 1917; the
# National Government candidates of 1940; the Progressives; the CCF; Social Credit and the
# Ralliement des créditistes; the Labor-Progressives ...), candidates standing as "Independent
# Liberal", "Independent Conservative", "Liberal Progressive" and the like, and minor parties
# (some of them, such as the Greens of 1984, named like a party of later years; none won a seat
# before 1988). Renamed and merged parties are kept apart, as the PC, REF and CA are kept apart
# from the CPC: the Conservative party's run ends where the Progressive Conservative label
# begins (December 1942), the CCF's where the NDP's begins (1961). "Unknown" (the publisher has
# no affiliation for the candidate) is OTH too: it can only end a run.
HISTORICAL_LABELS = {
    "Liberal Party of Canada": "LPC",
    "Progressive Conservative Party": "PC",
    "New Democratic Party": "NDP",
    "Independent": "IND",
    "No affiliation to a recognised party": "NOA",
}
MODERN_FROM = "1988-11-21"  # from this general election on, LOP_LABELS apply

# Elections Canada 2019/2021 table 12: the candidate field ends in "English/French" label.
EC_TABLE12_LABELS = {
    "Liberal/Libéral": "LPC",
    "Conservative/Conservateur": "CPC",
    "NDP-New Democratic Party/NPD-Nouveau Parti démocratique": "NDP",
    "Bloc Québécois/Bloc Québécois": "BQ",
    "Green Party/Parti Vert": "GPC",
    "People's Party - PPC/Parti populaire - PPC": "PPC",  # 2021 wording
    "People's Party/Parti populaire": "PPC",  # 2019 wording
    "Independent/Indépendant(e)": "IND",
    "No Affiliation/Aucune appartenance": "NOA",
    "Marxist-Leninist/Marxiste-Léniniste": "ML",  # 2021 wording
    "ML/ML": "ML",  # 2019 wording
    "Parti Rhinocéros Party/Parti Rhinocéros Party": "RHI",
    "Marijuana Party/Parti Marijuana": "MAR",
    "Radical Marijuana/Radical Marijuana": "MAR",  # 2019 short name of the Marijuana Party
    "Centrist/Centriste": "CEN",
    "Christian Heritage Party/Parti de l'Héritage Chrétien": "CHP",
    "Libertarian/Libertarien": "LBT",
    "Free Party Canada/Parti Libre Canada": "FPC",
    "Communist/Communiste": "COM",
    "Animal Protection Party/Parti Protection Animaux": "APP",
    "Canada's Fourth Front/QFC - Quatrième front du Canada": "CFF",
    "Nationalist/Nationaliste": "NAT",
    "Maverick Party/Maverick Party": "MAV",
    "National Citizens Alliance/Alliance Nationale Citoyens": "NCA",
    "Parti Patriote/Parti Patriote": "PAT",
    "Pour l'Indépendance du Québec/Pour l'Indépendance du Québec": "PIQ",
    "VCP/CAC": "VCP",
    "UPC/UPC": "UPC",
}

# Elections Canada 2025 download: "Political affiliation" (English) column.
EC2025_LABELS = {
    "Liberal": "LPC",
    "Conservative": "CPC",
    "NDP-New Democratic Party": "NDP",
    "Bloc Québécois": "BQ",
    "Green Party": "GPC",
    "People's Party - PPC": "PPC",
    "Independent": "IND",
    "No Affiliation": "NOA",
    "Marxist-Leninist": "ML",
    "Parti Rhinocéros Party": "RHI",
    "Marijuana Party": "MAR",
    "Centrist": "CEN",
    "CFP": "CFP",
    "Christian Heritage Party": "CHP",
    "Libertarian": "LBT",
    "Communist": "COM",
    "Animal Protection Party": "APP",
    "United Party of Canada (UP)": "UPC",
}



class UnmappedLabel(KeyError):
    pass


def check_party_codes(parties_csv: Path) -> None:
    """Every code the mapping tables give exists in the curated party table."""
    codes = set(pd.read_csv(parties_csv, dtype=str, keep_default_na=False)["party_code"])
    for table in (LOP_LABELS, EC_TABLE12_LABELS, EC2025_LABELS):
        missing = set(table.values()) - codes
        if missing:
            raise UnmappedLabel(f"party codes {sorted(missing)} are not in {parties_csv}")


def lop_code(label: str, date: str) -> str:
    """Party code for a Library of Parliament label on a given election date.

    Before MODERN_FROM (1988): HISTORICAL_LABELS, every other label OTH (the rule above them).
    From 1988: LOP_LABELS, and an unmapped label stops the run."""
    if date < MODERN_FROM:
        return HISTORICAL_LABELS.get(label, "OTH")
    if label == "Conservative (1867-1942)":
        # Known mislabel: 13 by-election rows of 2005-2013 give Conservative Party of Canada
        # candidates the historical party's label. Only the post-2003 party can be meant.
        if date >= CPC_FOUNDED:
            return "CPC"
        raise UnmappedLabel(f"LoP label {label!r} on {date}: the historical party (1867-1942) "
                            "cannot stand in 1988-2003, and the CPC did not yet exist")
    if label not in LOP_LABELS:
        raise UnmappedLabel(f"unmapped LoP party label {label!r} ({date})")
    return LOP_LABELS[label]


def ec2025_code(label: str) -> str:
    if label not in EC2025_LABELS:
        raise UnmappedLabel(f"unmapped Elections Canada 2025 party label {label!r}")
    return EC2025_LABELS[label]


_T12 = re.compile(
    r"^(?P<name>.+?)(?P<inc>\s+\*\*)?\s+(?P<label>"
    + "|".join(re.escape(k) for k in sorted(EC_TABLE12_LABELS, key=len, reverse=True))
    + r")$"
)


def parse_t12_candidate(field: str) -> tuple[str, str]:
    """Split EC table 12's 'Name [**] English/French' field into (name, party_code)."""
    m = _T12.match(" ".join(field.split()))
    if not m:
        raise UnmappedLabel(f"unmapped Elections Canada table 12 candidate/party {field!r}")
    return m["name"], EC_TABLE12_LABELS[m["label"]]

