"""Shared fixtures: a strict build of the book from clean, a local server, headless Chromium."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from liberal_crisis.site.browser import CHROMIUM, launch, serve, site_pages

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent

# load()'s record of clean validations (liberal_crisis.data.validate.cache_dir): a fresh, empty
# one for each test run, shared with the kernels and builds it starts, so the tests validate the
# package at least once and never trust a record from the reader's own cache.
os.environ.setdefault("LIBERAL_CRISIS_CACHE", tempfile.mkdtemp(prefix="liberal-crisis-cache-"))
def jupyter_book(source: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    """``jupyter-book build`` exactly as ``make book`` runs it (strict, from clean)."""
    return subprocess.run(
        [str(BIN / "jupyter-book"), "build", str(source), "--path-output", str(out),
         "--all", "-W", "-n", "--keep-going", *extra],
        capture_output=True,
        text=True,
        cwd=source,
    )


def copy_sources(dest: Path) -> Path:
    """The clone's files (tracked and new, not ignored) copied to ``dest``, as a fresh clone
    elsewhere would have them; node_modules (installed by the set-up, not in git) linked."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            capture_output=True, cwd=REPO, check=True).stdout.decode().split("\0")
    for rel in filter(None, listed):
        source = REPO / rel
        if source.is_file():
            target = dest / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)  # new files: new mtimes, unlike the first clone's
    (dest / "node_modules").symlink_to(REPO / "node_modules")
    return dest


SECOND_BUILD_TEST = "test_two_clean_builds_are_byte_identical"  # in test_reproducible.py
_second_build: dict = {}


def _start_second_build(tmp_path_factory) -> None:
    """The reproducibility test's second clean build, from a copy of the sources at another path,
    started in the background. A build keeps about one core busy (Sphinx, then one kernel at a
    time), so started beside the session's build it costs little extra time on two cores."""
    if _second_build:
        return
    root = tmp_path_factory.mktemp("second-build")
    source = copy_sources(root / "another" / "folder" / "liberal-crisis-copy")
    log = (root / "build.log").open("w")
    process = subprocess.Popen(
        [str(BIN / "jupyter-book"), "build", str(source), "--path-output", str(root / "out"),
         "--all", "-W", "-n", "--keep-going"],
        stdout=log, stderr=subprocess.STDOUT, cwd=source,
        start_new_session=True)  # its own process group, so its kernels can be stopped with it
    _second_build.update(source=source, html=root / "out" / "_build" / "html",
                         process=process, log=root / "build.log")


def pytest_sessionfinish(session, exitstatus):
    """A second build still running when the session ends (its test deselected after all, or
    the run stopped early) is stopped, not left behind."""
    process = _second_build.get("process")
    if process is not None and process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@pytest.fixture(scope="session")
def second_clean_build(tmp_path_factory) -> tuple[Path, Path]:
    """(sources, site) of the second clean build, waited for."""
    _start_second_build(tmp_path_factory)
    returncode = _second_build["process"].wait()
    assert returncode == 0, _second_build["log"].read_text(encoding="utf-8")[-8000:]
    return _second_build["source"], _second_build["html"]


@pytest.fixture(scope="session")
def built_site(request, tmp_path_factory) -> Path:
    """The whole book, built from clean (no execution cache) into a temporary folder.

    For quick iterations on browser tests only, ``LIBERAL_CRISIS_SITE=_build/html`` reuses a
    site already built by ``make book`` (CI never sets it).
    """
    if os.environ.get("LIBERAL_CRISIS_SITE"):
        return Path(os.environ["LIBERAL_CRISIS_SITE"]).resolve()
    if any(item.originalname == SECOND_BUILD_TEST for item in request.session.items):
        _start_second_build(tmp_path_factory)
    out = tmp_path_factory.mktemp("site")
    result = jupyter_book(REPO, out)
    assert result.returncode == 0, (result.stdout + result.stderr)[-8000:]
    return out / "_build" / "html"


html_pages = site_pages  # every page of the built site


# Under CI a skipped test is a check that did not run: it fails, unless the test carries
# ``@pytest.mark.allow_skip_in_ci(reason="...")`` saying why skipping there is right.
@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if not report.skipped or hasattr(report, "wasxfail") or os.environ.get("CI") != "true":
        return
    allowed = item.get_closest_marker("allow_skip_in_ci")
    if allowed is not None and str(allowed.kwargs.get("reason", "")).strip():
        return
    reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
    report.outcome = "failed"
    report.longrepr = (f"skipped under CI=true ({reason}); a test may skip in CI only with "
                       "@pytest.mark.allow_skip_in_ci(reason=...)")


@pytest.fixture(scope="session")
def site_url(built_site):
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: `make test` installs Debian's chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = launch(pw)
        yield chromium
        chromium.close()


# --- The survey: every page visited once per width (tests/survey.py) --------------------------
@pytest.fixture(scope="session")
def survey_pass(browser, built_site, site_url):
    """``survey_pass(width)``: what tests/survey.py measures on every page at that width, once
    per width and session."""
    from survey import visit_every_page

    done: dict[int, dict] = {}

    def run(width: int) -> dict:
        if width not in done:
            done[width] = visit_every_page(browser, built_site, site_url, width)
        return done[width]

    return run


@pytest.fixture(scope="session")
def survey(survey_pass):
    """``survey(view)`` -> {chart page: (charts found by the layout probe, {figure id: [height,
    at each size the window goes to, and back]})} for a view "<width>-<mode>" (e.g. "375-dark")."""
    def run(view: str) -> dict:
        width, mode = view.split("-")
        found = survey_pass(int(width))
        return {rel: (charts, found["heights"][rel]) for rel, charts in found["layout"][mode].items()}

    return run


@pytest.fixture
def fixture_book(tmp_path):
    """A one-page book using the project's real configuration, for build-guard tests.

    Returns a function ``make(page_source) -> Path`` that writes the page and returns the book.
    """

    def make(page: str, copy_data: bool = False) -> Path:
        book = tmp_path / "book"
        book.mkdir()
        shutil.copy(REPO / "_config.yml", book / "_config.yml")
        (book / "_toc.yml").write_text("format: jb-book\nroot: book/index\nchapters:\n  - file: book/page\n")
        (book / "book").mkdir()
        for shared in ("_static", "references.bib"):  # the favicon and the bibliography
            (book / "book" / shared).symlink_to(REPO / "book" / shared)
        (book / "book" / "index.md").write_text("# Fixture book\n\nA page for build-guard tests.\n")
        (book / "book" / "page.md").write_text(NOTEBOOK_HEADER + page)
        (book / "node_modules").symlink_to(REPO / "node_modules")
        if copy_data:  # a private copy the test may edit
            shutil.copytree(REPO / "data", book / "data")
        else:
            (book / "data").symlink_to(REPO / "data")
        return book

    return make


NOTEBOOK_HEADER = """---
jupytext:
  text_representation:
    format_name: myst
kernelspec:
  name: python3
  display_name: Python 3
---
"""
