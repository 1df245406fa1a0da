"""Build only some chapters, strictly, into a folder of your choice (for writing and review).

    .venv/bin/python scripts/preview.py OUT_DIR book/toronto-st-pauls [book/other ...]

Uses the book's real _config.yml, data and bibliography; the pages get their own table of
contents, so a chapter can be checked before the others are finished. What checks the whole
book's pages (the methods page's corrections log) reads the real one, named in
$LIBERAL_CRISIS_TOC (liberal_crisis.stories.book).
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


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
    (src / "book" / "index.md").write_text("# Preview\n\n```{tableofcontents}\n```\n")
    chapters = "".join(f"  - file: {p}\n" for p in pages)
    (src / "_toc.yml").write_text(f"format: jb-book\nroot: book/index\nchapters:\n{chapters}")
    cmd = [str(Path(sys.executable).parent / "jupyter-book"), "build", str(src),
           "--path-output", str(out_dir), "--all", "-W", "-n", "--keep-going"]
    # The kernels inherit it: the copy's _toc.yml lists only these pages
    env = {**os.environ, "LIBERAL_CRISIS_TOC": str(REPO / "_toc.yml")}
    code = subprocess.call(cmd, env=env)
    print(f"\nHTML: {out_dir / '_build' / 'html'}")
    return code


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
