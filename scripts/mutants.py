"""`make mutants`: run mutmut on the pure layers and print a mutation score per module.

    .venv/bin/python scripts/mutants.py liberal_crisis.analysis liberal_crisis.data
    .venv/bin/python scripts/mutants.py liberal_crisis.analysis.swing   # one module
    .venv/bin/python scripts/mutants.py --report                       # last results only

What is mutated and which tests run is set in pyproject.toml ([tool.mutmut]). Results are
kept in mutants/ (git-ignored), so a second run only re-tests what changed. Survivors that
CONTRIBUTING.md ("Mutation testing") explains as equivalent are marked so; any other survivor is
a gap in the tests. Score = killed / (killed + survived + no tests + timed out + suspicious):
equivalent survivors are left out of both sides.

The mutated copy (mutants/) holds mutmut's rewrite of every mutated module, so the derived
tables' recorded checksum of the derivation code they came from (data/raw/manifest.json,
"derived") no longer matches there, and every data.load() in the copy would stop on a stale
table. After generating the mutants, this script re-records, in the copy's manifest only, the
rewritten file's checksum where the original file's was recorded: the rewrite runs the original
code unless a mutant is switched on, and the repository's own manifest is never touched.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
MUTMUT = Path(sys.executable).parent / "mutmut"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def record_mutated_code(repo: Path = REPO) -> list[str]:
    """In mutants/data/raw/manifest.json, replace the recorded checksum of each derivation
    module mutmut rewrote by the rewrite's; returns the modules re-recorded."""
    manifest = repo / "mutants" / "data" / "raw" / "manifest.json"
    if not manifest.is_file():
        return []
    text = manifest.read_text(encoding="utf-8")
    done = []
    for module in sorted(re.findall(r'"(liberal_crisis/data/derive/\w+\.py)"', text)):
        original, rewritten = repo / "src" / module, repo / "mutants" / "src" / module
        if module in done or not (original.is_file() and rewritten.is_file()):
            continue
        old, new = _sha256(original), _sha256(rewritten)
        if old != new and old in text:
            text = text.replace(old, new)
            done.append(module)
    manifest.write_text(text, encoding="utf-8")
    return done


def run_mutmut(args: list[str]) -> int:
    """``mutmut ARGS`` in this process, with :func:`record_mutated_code` run right after
    mutmut generates the mutants (before its first test run)."""
    import mutmut.__main__ as mm

    generate = mm.create_mutants

    def create_mutants(*a, **k):
        stats = generate(*a, **k)
        record_mutated_code()
        return stats

    mm.create_mutants = create_mutants
    try:
        mm.cli(args, standalone_mode=False)
    except SystemExit as exc:  # mutmut exits on a failed clean run
        return int(exc.code or 0)
    return 0


def equivalent_mutants() -> set[str]:
    """Mutant names listed as equivalent in CONTRIBUTING.md's "Mutation testing" section."""
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    section = text.split("## Mutation testing", 1)[1].split("\n## ", 1)[0] if "## Mutation testing" in text else ""
    return set(re.findall(r"`(liberal_crisis\.[\w.ǁ]+__mutmut_\d+)`", section))


def results() -> dict[str, str]:
    out = subprocess.run([str(MUTMUT), "results", "--all", "true"], cwd=REPO,
                         capture_output=True, text=True).stdout
    found = {}
    for line in out.splitlines():
        if ":" in line:
            name, status = line.strip().rsplit(":", 1)
            found[name.strip()] = status.strip()
    return found


def module_of(mutant: str) -> str:
    # liberal_crisis.analysis.swing.x_shares__mutmut_3 -> liberal_crisis.analysis.swing
    return mutant.rsplit(".", 1)[0]


def report(prefixes: list[str]) -> int:
    equivalent = equivalent_mutants()
    by_module: dict[str, Counter] = defaultdict(Counter)
    survivors = []
    every = results()
    for name, status in sorted(every.items()):
        if prefixes and not any(name.startswith(p + ".") or name.startswith(p) for p in prefixes):
            continue
        if status == "not checked":
            continue
        if status == "survived" and name in equivalent:
            status = "equivalent"
        by_module[module_of(name)][status] += 1
        if status in ("survived", "no tests", "timeout", "suspicious"):
            survivors.append((name, status))
    if not by_module:
        print("no mutation results yet: run without --report")
        return 1
    total = Counter()
    print(f"{'module':42} {'killed':>7} {'equiv.':>7} {'survived':>9} {'no tests':>9} {'score':>7}")
    for module, counts in sorted(by_module.items()):
        total.update(counts)
        print(f"{module:42} {counts['killed']:7} {counts['equivalent']:7} {counts['survived']:9} "
              f"{counts['no tests']:9} {score(counts):6.1f}%")
    print(f"{'all':42} {total['killed']:7} {total['equivalent']:7} {total['survived']:9} "
          f"{total['no tests']:9} {score(total):6.1f}%")
    print(f"\nmutation score {score(total):.1f}% "
          f"({total['killed']} killed of {tested(total)} non-equivalent mutants; "
          f"{total['equivalent']} equivalent, listed in CONTRIBUTING.md)")
    if survivors:
        print(f"\n{len(survivors)} mutant(s) no test kills (see one with: mutmut show NAME):")
        for name, status in survivors:
            print(f"  {name}  [{status}]")
    # A name listed as equivalent that no longer survives (killed, renumbered or gone) is a
    # stale entry: the list must name only what it excuses.
    stale = sorted(n for n in equivalent
                   if (not prefixes or any(n.startswith(p) for p in prefixes))
                   and every.get(n, "not found") not in ("survived", "not checked"))
    if stale:
        print(f"\n{len(stale)} mutant(s) listed as equivalent in CONTRIBUTING.md that do not "
              "survive (remove or renumber them):")
        for name in stale:
            print(f"  {name}  [{every.get(name, 'not found')}]")
    return 0


def tested(c: Counter) -> int:
    return c["killed"] + c["survived"] + c["no tests"] + c["timeout"] + c["suspicious"]


def score(c: Counter) -> float:
    return 100.0 * c["killed"] / tested(c) if tested(c) else 0.0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("modules", nargs="*", default=["liberal_crisis.analysis", "liberal_crisis.data"])
    parser.add_argument("--report", action="store_true", help="print the last results, run nothing")
    parser.add_argument("--max-children", type=int, default=min(2, os.cpu_count() or 1))
    args = parser.parse_args(argv)
    if not args.report:
        # One mutmut run for every module asked for: a run with a filter forgets the results
        # of mutants outside it. A second run re-tests only what changed since.
        os.chdir(REPO)
        run_mutmut(["run", *(f"{m}.*" for m in args.modules),
                    "--max-children", str(args.max_children)])
    return report(args.modules)


if __name__ == "__main__":
    sys.exit(main())
