"""Build only some chapters, strictly, into a folder of your choice (for writing and review).

    .venv/bin/python scripts/preview.py OUT_DIR book/toronto-st-pauls [book/other ...]

Uses the book's real _config.yml, data and bibliography; the pages get their own table of
contents, so a chapter can be checked before the others are finished. Every other page of the
book is there as a stub (its title only, listed after them): a link to it ({doc}`first-report`)
resolves with its real title, and what checks the book's pages against its table of contents
(the corrections page's log, liberal_crisis.stories.book) finds them all.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]


def book_pages() -> list[str]:
    """Every page of the real table of contents, as ``book/<stem>``."""
    toc = yaml.safe_load((REPO / "_toc.yml").read_text(encoding="utf-8"))
    return [toc["root"]] + [c["file"] for part in toc["parts"] for c in part["chapters"]]


def stub(page: str) -> str:
    """A page not previewed: its title only."""
    text = (REPO / f"{page}.md").read_text(encoding="utf-8")
    title = next(line for line in text.splitlines() if line.startswith("# "))
    return f"{title}\n\nNot part of this preview.\n"


def main(out: str, *pages: str) -> int:
    out_dir = Path(out).resolve()
    src = out_dir / "src"
    if src.exists():
        shutil.rmtree(src)
    (src / "book").mkdir(parents=True)
    shutil.copy(REPO / "_config.yml", src / "_config.yml")
    for name in ("data", "node_modules"):
        (src / name).symlink_to(REPO / name)
    for name in ("_static", "references.bib"):
        (src / "book" / name).symlink_to(REPO / "book" / name)
    pages = [p for p in pages if p != "book/references"] + ["book/references"]  # resolves citations
    for page in pages:
        shutil.copy(REPO / f"{page}.md", src / f"{page}.md")
    stubs = [p for p in book_pages() if p not in pages and p != "book/index"]
    for page in stubs:
        (src / f"{page}.md").write_text(stub(page), encoding="utf-8")
    (src / "book" / "index.md").write_text("# Preview\n\n```{tableofcontents}\n```\n")
    chapters = "".join(f"  - file: {p}\n" for p in pages + stubs)
    (src / "_toc.yml").write_text(f"format: jb-book\nroot: book/index\nchapters:\n{chapters}")
    cmd = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(src),
           "--path-output", str(out_dir), "--all", "-W", "-n", "--keep-going"]
    code = subprocess.call(cmd)
    print(f"\nHTML: {out_dir / '_build' / 'html'}")
    return code


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
