"""The swing explorer's data: the 2021 riding results and its presets, as one JSON document.

:func:`payload` is pure (tables in, a JSON-ready dict out); :func:`build` loads the tables through
the data package. ``liberal_crisis.site.explorer`` writes the result into the site at build time
and ``site/static/explorer.js`` applies the rule of :mod:`liberal_crisis.analysis.projection` to
it in the reader's browser (``tests/test_explorer.py`` checks that the two agree).

Votes are kept as integers: the page computes each share as ``(votes / riding total) * 100``,
the same operations in the same order as :func:`liberal_crisis.analysis.swing.shares`, so both
languages start from the same floating-point numbers.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from .. import data as _data
from ..analysis import house, projection, swing
from ..i18n import gettext as _
from . import charts, formats, poll_summaries, swing_illustrations, theme
from .what_if import province

#: The parties the reader controls, in the order of the controls (the theme's six).
PARTIES = list(theme.PARTIES)
RESOURCES = ["ge2021_riding_votes", "ge2021_ridings", "parties", "byelection_results_2024",
             "polls", "poll_shares", "ge2025_national"]


def _clean(values: pd.Series, codes) -> dict[str, float]:
    """{code: float} for the codes that stood somewhere in 2021, without undefined values (a
    party without a value is left unchanged, which is what an undefined ratio means)."""
    out = {}
    for code in PARTIES + sorted(set(values.index) - set(PARTIES)):
        if code in values.index and code in codes and pd.notna(values[code]):
            out[code] = float(values[code])
    return out


def _both(after: pd.Series, before: pd.Series, codes) -> dict[str, dict[str, float]]:
    after, before = after.astype(float).align(before.astype(float), fill_value=0.0)
    return {"uniform": _clean(after - before, codes),
            "proportional": _clean(projection.ratio_from(after, before), codes)}


def payload(votes: pd.DataFrame, ridings: pd.DataFrame, parties: pd.DataFrame,
            results: pd.DataFrame, polls: pd.DataFrame, poll_shares: pd.DataFrame,
            ge2025: pd.DataFrame) -> dict:
    """Everything the explorer draws on, from the data package's tables.

    - ``ridings``: one entry per 2021 riding (``n`` number, ``name``, ``province``, ``votes`` as
      ``[[party_code, votes], ...]``, most votes first);
    - ``presets``: a ``uniform`` (points) and a ``proportional`` (ratio) version of each
      by-election's change against the riding's 2021 result (exactly what the chapter's
      illustrations apply) and of the national change from 2021 to the 2025 election;
    - ``poll_months``: for every month with polls in the book's sample, the change from the 2021
      national result to the unweighted mean of that month's polls (a party the month's polls
      do not give is left unchanged);
    - ``parties``: code, name, plural, colour; ``seats`` and ``majority`` of the 2021 House.
    """
    codes = set(votes["party_code"])
    names = parties.set_index("party_code")["name_en"].to_dict()
    meta = ridings.set_index("riding_number")
    out_ridings = []
    for number, rows in votes.groupby("riding_number", sort=True):
        rows = rows.sort_values(["votes", "party_code"], ascending=[False, True])
        out_ridings.append({
            "n": int(number),
            "name": formats.typographic(charts.riding_label(str(meta.loc[number, "riding"]))),
            "province": province(str(meta.loc[number, "province"])),
            "votes": [[str(c), int(v)] for c, v in zip(rows["party_code"], rows["votes"])],
        })

    presets = []
    swings = swing_illustrations.byelection_swings(results, votes)
    for (riding, date), g in swings.groupby(["riding", "election_date"], sort=False):
        g = g.set_index("party_code")
        presets.append({
            "id": "by-" + riding.replace("--", "–").lower().replace("–", "-").replace(" ", "-")
            .replace("'", "").replace(".", "").replace("é", "e").replace("É", "e"),
            "group": _("A 2024 by-election’s change, against the riding in 2021"),
            # elide: « Partielle d’Elmwood–Transcona », not « de Elmwood »
            "label": formats.elide(formats.typographic(_("{riding} by-election, {date}").format(
                riding=charts.riding_label(riding), date=formats.date(date)))),
            "riding": riding,
            **_both(g["after_pct"], g["before_pct"], codes),
        })
    national_2021 = swing.shares(votes, by=None)
    # On a common footing, as for a by-election: the 2025 file pools minor candidates into
    # OTH, so the minor parties of 2021 are pooled too (and OTH has no column to move).
    national = swing.compare_shares(ge2025[["party_code", "votes"]], votes[["party_code", "votes"]])
    presets.append({
        "id": "ge2025", "group": _("National"),
        "label": _("The 2021 to 2025 general elections, national shares"),
        **_both(national["after"], national["before"], codes),
    })
    months = poll_summaries.monthly_means(poll_summaries.poll_long(polls, poll_shares, PARTIES))
    poll_months = []
    for month, g in months.dropna(subset=["mean_pct"]).groupby("month", sort=True):
        g = g.set_index("party_code")
        poll_months.append({
            "month": f"{month:%Y-%m}", "label": formats.month(month),
            "n_polls": int(g["n_polls"].max()),
            **_both(g["mean_pct"], national_2021.reindex(g.index), codes),
        })
    seats = len(out_ridings)
    shown = PARTIES + sorted(codes - set(PARTIES))
    return {
        "about": ("2021 general election results by riding (Elections Canada) and the presets of "
                  "the swing explorer, written by liberal_crisis.site.explorer at build time."),
        "seats": seats,
        "majority": house.votes_to_carry(seats),
        "parties": [{"code": c, "name": formats.typographic(theme.PARTY_NAMES.get(c, names.get(c, c))),
                     # how the page's sentence names it ("Conservatives 237 seats")
                     "plural": formats.typographic(formats.PARTY_PLURALS.get(c, names.get(c, c))),
                     "colour": theme.colour(c)}
                    for c in shown],
        "ridings": out_ridings,
        "presets": presets,
        "poll_months": poll_months,
    }


def build(folder: Path | None = None) -> dict:
    """:func:`payload` from the data package (validated on load)."""
    tables = {name: _data.load(name, folder) for name in RESOURCES}
    return payload(tables["ge2021_riding_votes"], tables["ge2021_ridings"], tables["parties"],
                   tables["byelection_results_2024"], tables["polls"], tables["poll_shares"],
                   tables["ge2025_national"])
