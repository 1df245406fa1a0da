"""Reproducible builds: two clean builds of the same sources, in two different folders, give a
byte-identical site.

The first build is the session's (from this clone); the second is made from a copy of the
sources at another, deeper path with another name, so anything that leaks the source or output
path, a file's age or a directory's listing order into the site shows up here.

Everything under ``_build/html`` is compared: pages, ``_static`` (including the subset icon
webfonts made by ``liberal_crisis.site.assets``), chart CSVs, downloads, search index, inventory,
link-preview images. The execution cache, the doctrees and ``jupyter_execute`` live next to
``_build/html``, not in it, so they are not part of the published site and not compared.
"""

from __future__ import annotations

import difflib
import os
import re
import subprocess
from pathlib import Path

import pytest

from conftest import REPO, both_editions, copy_sources

pytestmark = pytest.mark.build

# Files in _build/html that may differ between two clean builds, each with the reason. Keep this
# empty unless a difference is both harmless and impossible to remove.
EXCLUDED: dict[str, str] = {
    # Sphinx's record of the config and tags hashes, read only by the next incremental build to
    # decide what to rebuild; never served to a reader. (Identical in practice; excluded so that
    # a Sphinx change in what it hashes cannot fail this test about the *published* site.)
    ".buildinfo": "Sphinx incremental-build bookkeeping, not part of the site",
}


def _clean_build(out: Path, source: Path = REPO) -> Path:
    result = both_editions(source, out)  # the French edition (fr/) is compared too
    assert result.returncode == 0, (result.stdout + result.stderr)[-8000:]
    return out / "_build" / "html"


def _files(site: Path) -> dict[str, Path]:
    return {
        p.relative_to(site).as_posix(): p
        for p in sorted(site.rglob("*"))
        if p.is_file() and p.relative_to(site).as_posix() not in EXCLUDED
    }


def _first_difference(a: Path, b: Path) -> str:
    x, y = a.read_bytes(), b.read_bytes()
    at = next((i for i, (p, q) in enumerate(zip(x, y)) if p != q), min(len(x), len(y)))
    if a.suffix in (".html", ".js", ".css", ".csv", ".txt", ".json", ".ipynb", ".md", ".svg"):
        ax = x[max(0, at - 80): at + 80].decode("utf-8", "replace")
        by = y[max(0, at - 80): at + 80].decode("utf-8", "replace")
        return "\n".join(difflib.unified_diff([ax], [by], lineterm="", n=0))
    return f"byte {at} of {len(x)} / {len(y)}"


def test_two_clean_builds_are_byte_identical(built_site, second_clean_build, tmp_path):
    # One build is the session's clean build; a site reused through LIBERAL_CRISIS_SITE (from
    # `make book`, possibly incremental) is not a clean build, so then it is made here. The
    # second (conftest's second_clean_build) is made from a copy of the sources elsewhere,
    # started beside the session's build.
    first = _clean_build(tmp_path / "a") if os.environ.get("LIBERAL_CRISIS_SITE") else built_site
    elsewhere, second = second_clean_build
    assert elsewhere.resolve() != REPO.resolve()
    a, b = _files(first), _files(second)
    assert sorted(a) == sorted(b), (
        f"only in the first: {sorted(set(a) - set(b))[:20]}; "
        f"only in the second: {sorted(set(b) - set(a))[:20]}"
    )
    differ = [rel for rel in a if a[rel].read_bytes() != b[rel].read_bytes()]
    details = "\n\n".join(f"{rel}:\n{_first_difference(a[rel], b[rel])}" for rel in differ[:5])
    assert differ == [], f"{len(differ)} files differ between two clean builds:\n{details}"


ASSET_URL = re.compile(r"""(?:href|src)=["'](?:\.\./)*_static/([^"'#]+?\.(?:css|js))(\?[^"']*)?["']""")


# Sphinx's own search.html template links these two with a plain pathto(), never stamped: the
# same in every build, so harmless here.
NEVER_STAMPED = {"searchtools.js", "language_data.js"}


def test_every_local_asset_url_is_stamped(built_site):
    """Every stylesheet and script in _static is linked with a content stamp (?v= or the
    theme's ?digest=). An unstamped one is how two builds came to differ: myst-nb's stylesheet
    was stamped only when an earlier build had left the file in the output folder."""
    unstamped = set()
    for page in sorted(built_site.rglob("*.html")):
        if "_static" in page.relative_to(built_site).parts:
            continue
        for name, query in ASSET_URL.findall(page.read_text(encoding="utf-8")):
            if not query.startswith(("?v=", "?digest=")) and name not in NEVER_STAMPED:
                unstamped.add((name, page.relative_to(built_site).as_posix()))
    assert sorted(unstamped)[:10] == [], f"{len(unstamped)} unstamped asset links"


def test_the_copy_for_the_second_build_is_complete(tmp_path):
    """The second build's sources are the clone's: every tracked file, byte for byte."""
    copy = copy_sources(tmp_path / "elsewhere")
    tracked = subprocess.run(["git", "ls-files", "-z"], capture_output=True, cwd=REPO,
                             check=True).stdout.decode().split("\0")
    for rel in filter(None, tracked):
        if (REPO / rel).is_file():
            assert (copy / rel).read_bytes() == (REPO / rel).read_bytes(), rel
