"""Chapter prose: numbers come from data ({eval}`name`), never typed; every chapter has the skeleton.

A number typed into prose drifts from the data the day a CSV is corrected. What may stay in the
text: years, the day of a date written with its month, identifiers such as bill numbers, and
anything inside a quotation, a citation or an {eval} role.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from conftest import REPO

MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
# Removed before looking for digits, in this order.
STRIP = [
    re.compile(r"^```.*?^```", re.S | re.M),  # code cells and fenced directives' bodies
    re.compile(r"^---\n.*?\n---\n", re.S),  # front matter
    re.compile(r"\{(?:eval|glue|glue:text|glue:md|cite|cite:p|cite:t|doc|ref|numref|download)\}`[^`]*`"),
    re.compile(r"`[^`]*`"),  # inline code
    re.compile(r"\]\([^)]*\)"),  # link targets
    re.compile(r"^:[a-z-]+:.*$", re.M),  # directive options
    re.compile(r"^\(.*\)=$", re.M),  # labels
    re.compile(r"\"[^\"\n]*\"|“[^”]*”"),  # quotations
    re.compile(rf"\b\d{{1,2}}(?:[–-]\d{{1,2}})?\s+(?:{MONTHS})\b"),  # 24 June, 10–11 October
    re.compile(rf"\b(?:{MONTHS})\s+\d{{1,2}}\b"),  # June 24
    re.compile(r"\b(?:18[6-9]\d|19\d\d|20[0-3]\d)(?:[–-](?:\d\d|\d{4}))?\b"),  # years, 2024–25
    re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),  # ISO dates
    re.compile(r"\b[A-Z]-\d+\b"),  # bill numbers such as C-319
    re.compile(r"^\s*\d+\.\s", re.M),  # ordered-list markers
    re.compile(r"\bCC BY(?:-SA)? \d\.\d\b"),  # licence names
    re.compile(r"\b338Canada\b"),  # a proper name (the poll-based seat model)
]
DIGITS = re.compile(r"\d[\d,.]*")
SKELETON = ["Key takeaways", "What happened next", "Sources"]


def chapters() -> list[Path]:
    toc = yaml.safe_load((REPO / "_toc.yml").read_text())
    files = [toc["root"]] + [c["file"] for c in toc.get("chapters", [])]
    files += [c["file"] for part in toc.get("parts", []) for c in part["chapters"]]
    return [REPO / f"{f}.md" for f in files]


def typed_numbers(text: str) -> list[str]:
    for pattern in STRIP:
        text = pattern.sub(" ", text)
    return DIGITS.findall(text)


@pytest.mark.parametrize("path", chapters(), ids=lambda p: p.stem)
def test_no_typed_numbers_in_prose(path):
    found = typed_numbers(path.read_text(encoding="utf-8"))
    assert found == [], f"{path.name}: numbers typed into prose (compute them: {eval}`name`): {found}"


def test_the_rule_catches_a_typed_number():
    assert typed_numbers("The margin was 633 votes.") == ["633"]
    assert typed_numbers("Turnout was {eval}`turnout` % on 24 June 2024.") == []
    assert typed_numbers('She said "we are 20 points down".') == []


def narrative(path: Path) -> bool:
    """Chapters that tell part of the story (not the index, methods or reference pages)."""
    return "{code-cell}" in path.read_text(encoding="utf-8") and path.stem not in (
        "index", "methods", "corrections", "data-dictionary", "references", "run-it-yourself",
    )


@pytest.mark.parametrize("path", [p for p in chapters() if narrative(p)], ids=lambda p: p.stem)
def test_chapter_skeleton(path):
    text = path.read_text(encoding="utf-8")
    positions = []
    for heading in SKELETON:
        match = re.search(rf"^(?:#+ |:::\{{admonition\}} ){heading}\s*$", text, re.M)
        assert match, f"{path.name}: missing '{heading}'"
        positions.append(match.start())
    assert positions == sorted(positions), f"{path.name}: skeleton out of order"
