"""Fault injection for the site layers (renderer, charts.js, chapters) and the data rules.

`make faults` (a maintainer's check before a release, never part of CI's run): each fault below
is a realistic bug, most of them ones an audit of the suite actually tried. Each is applied
alone to a fresh copy of the working tree in a temporary folder; the tests named with it run
there (the copy's own src/ is imported, and build tests build the copy); a fault is *caught*
when those tests fail. Prints caught/missed per fault and exits 1 if any fault was missed.

    .venv/bin/python scripts/fault_injection.py            # every fault
    .venv/bin/python scripts/fault_injection.py mime-type-typo dropped-rule   # some
    .venv/bin/python scripts/fault_injection.py --list
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


@dataclass
class Fault:
    name: str
    what: str
    path: str
    old: str
    new: str
    tests: tuple[str, ...]


FAULTS = [
    Fault("glued-share-from-wrong-row",
          "Toronto–St. Paul's: the Conservative share computed from the Liberal row (the audit's "
          "'Stewart took 15,565 votes (40.4 %)')",
          "src/liberal_crisis/stories/toronto_st_pauls.py",
          '"tsp_cpc_share": formats.decimal(float(share["CPC"])),',
          '"tsp_cpc_share": formats.decimal(float(share["LPC"])),',
          ("tests/test_toronto_st_pauls.py::test_the_validated_count",
           "tests/test_published_figures.py")),
    Fault("dropped-rule",
          "the poll-shares rule taken out of RULES (a poll adding up to 155 % passes)",
          "src/liberal_crisis/data/rules.py",
          "@rule\ndef poll_shares_add_up",
          "def poll_shares_add_up",
          ("tests/test_rules.py", "tests/test_data.py")),
    Fault("dark-gridlines-left-light",
          "charts-core.js no longer switches gridline colours: rgb(229,229,229) on the dark page",
          "src/liberal_crisis/site/static/charts-core.js",
          '"xaxis.gridcolor": m.grid, "yaxis.gridcolor": m.grid,',
          "",
          ("tests/test_dark_mode.py",)),
    Fault("hover-name-in-trace-colour",
          "charts.js leaves the hover label's series name in the trace colour on a light box",
          "src/liberal_crisis/site/static/charts.js",
          "    core.nameInLabel(fig.data);\n",
          "",
          ("tests/test_dark_mode.py",)),
    Fault("height-lost-on-resize",
          "charts.js stops giving the container the figure's height: charts snap to 420 px on resize",
          "src/liberal_crisis/site/static/charts.js",
          '    layout.height = height;\n    el.style.height = el.style.minHeight = height + "px";',
          "    layout.height = height;",
          ("tests/test_chart_size.py",)),
    Fault("mime-type-typo",
          "the renderer claims a misspelt MIME type: every chart silently dropped",
          "src/liberal_crisis/site/plotly_mime.py",
          'MIME_TYPE = "application/vnd.plotly.v1+json"',
          'MIME_TYPE = "application/vnd.plotly.v1json"',
          ("tests/test_plotly_plugin.py",)),
    Fault("chart-id-per-process",
          "chart ids from Python's salted hash(): a different id in every build",
          "src/liberal_crisis/site/plotly_mime.py",
          'return "chart-" + hashlib.sha256(figure_json.encode("utf-8")).hexdigest()[:12]',
          'return "chart-" + format(abs(hash(figure_json)), "012x")[:12]',
          ("tests/test_plotly_plugin.py",)),
    # The JavaScript's pure modules and the references typed in the tests (issue 25)
    Fault("explorer-floor-removed",
          "the explorer's uniform swing no longer floored at 0: a riding shows a negative share "
          "(seats unchanged, so the JS/Python agreement still holds)",
          "src/liberal_crisis/site/static/explorer-core.js",
          'method === "uniform" ? Math.max(0, s + v) : s * v',
          'method === "uniform" ? s + v : s * v',
          ("tests/test_js.py",
           "tests/test_explorer.py::test_riding_shares_never_below_zero_and_add_up_to_100")),
    Fault("party-colours-swapped",
          "the Liberal and Conservative colours swapped in the theme",
          "src/liberal_crisis/stories/theme.py",
          '"LPC": "#D71920",  # Liberal red\n    "CPC": "#3C78C8",',
          '"LPC": "#3C78C8",  # Liberal red\n    "CPC": "#D71920",',
          ("tests/test_typed_references.py::test_each_party_has_its_own_colour_in_the_theme",)),
    Fault("timeline-date-shifted",
          "the end of the Liberal-NDP agreement dated a day late (5 September 2024)",
          "data/timeline.csv",
          "2024-09-04,NDP ends the supply-and-confidence agreement",
          "2024-09-05,NDP ends the supply-and-confidence agreement",
          ("tests/test_typed_references.py::test_the_timeline_dates_each_named_event",)),
    Fault("verdict-marks-swapped",
          "the marks of 'confirmed with a different number' and 'not borne out' swapped",
          "src/liberal_crisis/stories/first_report.py",
          '"≈", "The event happened',
          '"≠", "The event happened',
          ("tests/test_typed_references.py::test_each_verdict_has_its_mark",)),
]


def working_tree_copy(dest: Path) -> None:
    """The files git knows (committed or not) and untracked ones not ignored, as they are now."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=REPO, capture_output=True, check=True).stdout.split(b"\0")
    for raw in filter(None, listed):
        rel = raw.decode()
        src = REPO / rel
        if not src.is_file():
            continue
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, target)
    (dest / "node_modules").symlink_to(REPO / "node_modules")


def run(fault: Fault, keep: bool) -> tuple[str, float, str]:
    start = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix=f"fault-{fault.name}-"))
    try:
        working_tree_copy(work)
        path = work / fault.path
        text = path.read_text(encoding="utf-8")
        if text.count(fault.old) != 1:
            return "stale", time.monotonic() - start, f"{fault.path}: the text to change is not there once"
        path.write_text(text.replace(fault.old, fault.new), encoding="utf-8")
        env = {k: v for k, v in os.environ.items() if k not in ("LIBERAL_CRISIS_SITE", "CI")}
        env["PYTHONPATH"] = str(work / "src")  # the copy's package, not the editable install
        result = subprocess.run(
            [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *fault.tests],
            cwd=work, env=env, capture_output=True, text=True)
        tail = [line for line in result.stdout.splitlines() if line.strip()][-1:] or [""]
        if result.returncode == 1:
            first = next((line for line in result.stdout.splitlines() if line.startswith("FAILED")), tail[0])
            return "caught", time.monotonic() - start, first
        if result.returncode == 0:
            return "MISSED", time.monotonic() - start, tail[0]
        return "error", time.monotonic() - start, (result.stdout + result.stderr)[-300:]
    finally:
        if keep:
            print(f"  kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("faults", nargs="*", help="names of faults to try (default: all)")
    parser.add_argument("--list", action="store_true", help="list the faults and stop")
    parser.add_argument("--keep", action="store_true", help="keep each temporary copy")
    args = parser.parse_args(argv)
    if args.list:
        for f in FAULTS:
            print(f"{f.name}: {f.what} [{', '.join(f.tests)}]")
        return 0
    chosen = [f for f in FAULTS if not args.faults or f.name in args.faults]
    unknown = set(args.faults) - {f.name for f in FAULTS}
    if unknown:
        parser.error(f"unknown fault(s): {', '.join(sorted(unknown))}")
    results = []
    for fault in chosen:
        print(f"{fault.name}: {fault.what}", flush=True)
        verdict, seconds, detail = run(fault, args.keep)
        print(f"  {verdict} in {seconds:.0f} s by {' '.join(fault.tests)}\n  {detail}", flush=True)
        results.append(verdict)
    caught = results.count("caught")
    print(f"\n{caught} of {len(results)} faults caught"
          + (f"; missed or not run: {len(results) - caught}" if caught < len(results) else ""))
    return 0 if caught == len(results) else 1


if __name__ == "__main__":
    sys.exit(main())
