"""The book's own stylesheets parse whole.

A stray brace makes a browser drop the rule after it without a word: on 7 December 2026 one
left after a media block took the chart titles' weight and size with it (every chart title in
body text). Each stylesheet is read as a browser reads it (tinycss2 follows the CSS syntax
specification): every rule must be a rule, none may begin with a brace.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import tinycss2

STATIC = Path(__file__).resolve().parents[1] / "src" / "liberal_crisis" / "site" / "static"
SHEETS = sorted(STATIC.glob("*.css"))


def lost_rules(css: str) -> list[str]:
    """The rules a browser would drop or misread, with their line."""
    lost = []
    for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
        if rule.type == "error":
            lost.append(f"line {rule.source_line}: {rule.message}")
        elif rule.type == "qualified-rule" and any(
                token.type == "error" or (token.type == "literal" and token.value in "{}")
                for token in rule.prelude):
            lost.append(f"line {rule.source_line}: a stray brace swallows "
                        f"{tinycss2.serialize(rule.prelude).strip()!r}")
    return lost


def test_there_are_stylesheets_to_check():
    assert {"charts.css", "site.css"} <= {p.name for p in SHEETS}


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda p: p.name)
def test_every_rule_of_the_stylesheet_reaches_the_browser(sheet):
    assert not lost_rules(sheet.read_text(encoding="utf-8"))


def test_control_a_stray_brace_after_a_media_block_is_found():
    css = "@media (max-width: 640px) {\n  .a { color: red; }\n}\n}\n.lc-title { font-weight: 600; }\n"
    assert lost_rules(css) and "lc-title" in lost_rules(css)[0]
