"""Build only some chapters, strictly, into a folder of your choice (for writing and review).

    .venv/bin/python scripts/preview.py OUT_DIR book/toronto-st-pauls [book/other ...]

Uses the book's real _config.yml, data and bibliography; the pages get their own table of
contents, so a chapter can be checked before the others are finished.
"""

import shutil
import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]


def main(out: str, *pages: str) -> int:
    out_dir = Path(out).resolve()
    src = out_dir / "src"
    if src.exists():
        shutil.rmtree(src)
    (src / "book").mkdir(parents=True)
    config = yaml.safe_load((REPO / "_config.yml").read_text())
    # Every chapter's bibliography, including ones not yet listed in _config.yml.
    config["bibtex_bibfiles"] = sorted(
        f"book/references/{p.name}" for p in (REPO / "book" / "references").glob("*.bib")
    )
    (src / "_config.yml").write_text(yaml.safe_dump(config, sort_keys=False))
    for name in ("data", "node_modules"):
        (src / name).symlink_to(REPO / name)
    for name in ("_static", "references"):
        (src / "book" / name).symlink_to(REPO / "book" / name)
    pages = [p for p in pages if p != "book/references"] + ["book/references"]  # resolves citations
    for page in pages:
        shutil.copy(REPO / f"{page}.md", src / f"{page}.md")
    (src / "book" / "index.md").write_text("# Preview\n\n```{tableofcontents}\n```\n")
    chapters = "".join(f"  - file: {p}\n" for p in pages)
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
