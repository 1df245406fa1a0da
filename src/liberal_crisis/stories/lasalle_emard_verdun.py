"""The LaSalle–Émard–Verdun chapter (``book/lasalle-emard-verdun.md``): what its prose computes
beyond the shared by-election tables.

:func:`ballot_files_span` says which contests the ballot-length superlative covers: the date of
the first general election in the Library of Parliament's files (1867) and of the latest
by-election in its by-election files.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from ..data import provenance

GENERAL = "parlinfo/general_elections/"
BY_ELECTIONS = "parlinfo/by_elections/"


def ballot_files_span(folder: Path) -> tuple[str, str]:
    """(first general election, latest by-election) in the raw files the ballot table reads, as
    ISO dates: the first from the general-election files' names (``1867-08-07_...``), the
    latest from the by-election files' ``Election_Date`` column."""
    files = [e["path"] for e in provenance.manifest(folder)["files"]]
    general = sorted(p for p in files if p.startswith(GENERAL))
    first = general[0].rsplit("/", 1)[1][:10]
    by_files = [folder / provenance.RAW / p for p in files
                if p.startswith(BY_ELECTIONS) and p.endswith(".csv")]
    last = max(pd.read_csv(f, usecols=["Election_Date"])["Election_Date"].max() for f in by_files)
    return first, str(last)[:10]
