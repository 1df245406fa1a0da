"""Where the book is: its repository and its pages, from ``_toc.yml`` (never the working folder).

A chapter run as a notebook from ``book/``, from the repository or from a copy of it finds the
same pages: the repository is the folder that holds ``data/`` (``liberal_crisis.data.data_dir``),
falling back to the checkout this package was installed from.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from ..data import data_dir

TOC = "_toc.yml"


def root() -> Path:
    """The repository: the folder with ``_toc.yml`` beside the book's ``data/``."""
    for folder in (data_dir().parent, Path(__file__).resolve().parents[3]):
        if (folder / TOC).is_file():
            return folder
    raise FileNotFoundError(f"no {TOC} beside {data_dir()} or above {Path(__file__).parent}")


def pages() -> list[str]:
    """The file stem of every page in the table of contents, in reading order
    (``index``, ``toronto-st-pauls``, …, ``references``)."""
    toc = yaml.safe_load((root() / TOC).read_text(encoding="utf-8"))
    files = [toc["root"]] + [c["file"] for c in toc.get("chapters", [])]
    files += [c["file"] for part in toc.get("parts", []) for c in part["chapters"]]
    return [Path(f).stem for f in files]
