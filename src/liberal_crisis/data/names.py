"""Ridings' official French names, from Elections Canada's own bilingual tables in ``data/raw``.

Elections Canada's result tables (``ca_ge44_table_tableau11.csv``) write a riding whose French
name differs from its English one as ``"English/Français"`` ("Mount Royal/Mont-Royal"), and a
riding with one name for both once. The derived CSVs keep the English (the data's key); the
French edition shows the French, read here rather than typed anywhere.
"""

from __future__ import annotations

import csv
import functools
from pathlib import Path

from .package import data_dir

TABLES = ("elections-canada/ca_ge43_table_tableau12.csv", "elections-canada/ca_ge44_table_tableau12.csv",
          "elections-canada/ca_ge44_table_tableau11.csv")
NAME_COLUMN = "Electoral District Name/Nom de circonscription"


@functools.lru_cache(maxsize=2)
def _french_names(folder: str) -> dict[str, str]:
    names: dict[str, str] = {}
    for table in TABLES:
        with (Path(folder) / "raw" / table).open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                english, _, french = row[NAME_COLUMN].partition("/")
                names[english] = french or english
    return names


def riding_fr(name: str, folder: Path | None = None) -> str:
    """The riding's official French name ("Mount Royal" -> "Mont-Royal"; "Toronto--St. Paul's"
    is the same in both); a name the tables do not list comes back as it is."""
    return _french_names(str(folder or data_dir())).get(name, name)
