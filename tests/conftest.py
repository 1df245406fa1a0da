"""Shared fixtures: a strict build of the book from clean, a local server, headless Chromium."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

import second_build
from liberal_crisis.site.browser import CHROMIUM, launch, serve, site_pages
from second_build import copy_sources  # noqa: F401 - for tests/test_reproducible.py

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


def french_build(source: Path, out: Path) -> subprocess.CompletedProcess:
    """The French edition as ``make book`` builds it after the English one (strict, from clean,
    copied into ``out/_build/html/fr``)."""
    return subprocess.run(
        [str(BIN / "python"), "-m", "liberal_crisis.site.build_fr", str(source), "--path-output",
         str(out), "--into-site"],
        capture_output=True, text=True, cwd=source)


def both_editions(source: Path, out: Path) -> subprocess.CompletedProcess:
    """``make book``: the English build, then the French one (only if the English passed)."""
    result = jupyter_book(source, out)
    if result.returncode != 0:
        return result
    french = french_build(source, out)
    return subprocess.CompletedProcess(french.args, french.returncode,
                                       result.stdout + french.stdout, result.stderr + french.stderr)


# --- Builds shared by the whole run ---------------------------------------------------------
# `make test` runs the suite in two processes (pytest-xdist, `-n 2 --dist loadfile`): the
# book is built once, by whichever process asks first, in a folder both can see, while the
# other waits on a lock. Without xdist the same code runs in one process.
SECOND_BUILD_TEST = "test_two_clean_builds_are_byte_identical"  # in test_reproducible.py


def shared_dir(tmp_path_factory) -> Path:
    """The run's temporary folder: under xdist each process has its own below it."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


@contextlib.contextmanager
def locked(path: Path):
    with path.open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _second_build_root(shared: Path) -> Path:
    """Where the second build is: the folder `make test` started it in, or the run's own."""
    return Path(os.environ[second_build.ENV]) if os.environ.get(second_build.ENV) else shared / "second-build"


def pytest_sessionfinish(session, exitstatus):
    """A second build still running when the whole run ends (its test deselected after all, or
    the run stopped early) is stopped, not left behind: by the one process that outlives the
    others (xdist's controller, or pytest itself without xdist)."""
    if hasattr(session.config, "workerinput") or os.environ.get(second_build.ENV):
        return  # a build `make test` started is its to stop (and a pytest run inside a test,
        # which inherits the variable, must not stop it)
    factory = getattr(session.config, "_tmp_path_factory", None)
    if factory is None:
        return
    second_build.stop(_second_build_root(factory.getbasetemp()))


@pytest.fixture(scope="session")
def second_clean_build(tmp_path_factory) -> tuple[Path, Path]:
    """(sources, site) of the second clean build, waited for."""
    shared = shared_dir(tmp_path_factory)
    with locked(shared / "second-build.lock"):
        second_build.start(_second_build_root(shared))
    paths = second_build.paths(_second_build_root(shared))
    deadline = time.monotonic() + 1800
    while not paths["returncode"].exists() or not paths["returncode"].read_text().strip():
        if time.monotonic() > deadline:
            pytest.fail("the second build did not finish in 30 minutes:\n"
                        + paths["log"].read_text(encoding="utf-8")[-4000:])
        time.sleep(1)
    returncode = int(paths["returncode"].read_text())
    assert returncode == 0, paths["log"].read_text(encoding="utf-8")[-8000:]
    return paths["source"], paths["html"]


@pytest.fixture(scope="session")
def built_site(request, tmp_path_factory) -> Path:
    """The whole book, both editions (the French one in ``fr/``), built from clean (no execution
    cache) into a temporary folder, once per run (the first process to ask builds it; another
    waits for it).

    For quick iterations on browser tests only, ``LIBERAL_CRISIS_SITE=_build/html`` reuses a
    site already built by ``make book`` (CI never sets it).
    """
    if os.environ.get("LIBERAL_CRISIS_SITE"):
        return Path(os.environ["LIBERAL_CRISIS_SITE"]).resolve()
    shared = shared_dir(tmp_path_factory)
    out, record = shared / "site", shared / "site.json"
    with locked(shared / "site.lock"):
        if not record.exists():
            if any(item.originalname == SECOND_BUILD_TEST for item in request.session.items):
                second_build.start(_second_build_root(shared))  # beside this one: two cores
            result = both_editions(REPO, out)  # `make book`: English, then French
            record.write_text(json.dumps({"returncode": result.returncode,
                                          "log": (result.stdout + result.stderr)[-8000:]}))
    built = json.loads(record.read_text())
    assert built["returncode"] == 0, built["log"]
    return out / "_build" / "html"


html_pages = site_pages  # every page of the built site

# What the two processes share out (`--dist loadfile`): a test file runs whole in one process,
# so its module fixtures are made once. The order the files are handed out in
# (`--no-loadscope-reorder`): the first file that reads the survey (its process builds the
# book, then visits every page), then every file that needs no build (the other process runs
# them meanwhile), then the rest. The survey's visits are shared between the processes
# (`survey_pass`), so the other files that read them wait for them rather than repeat them.
SURVEY_FIXTURES = {"survey", "survey_pass"}


def pytest_collection_modifyitems(config, items):
    surveyed = [item.path for item in items if SURVEY_FIXTURES & set(item.fixturenames)]
    built = {item.path for item in items if "built_site" in item.fixturenames}

    def rank(item) -> int:
        if surveyed and item.path == surveyed[0]:
            return 0
        return 2 if item.path in built else 1

    items[:] = sorted(items, key=rank)  # stable: collection order within each rank


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
def survey_pass(browser, built_site, site_url, tmp_path_factory):
    """``survey_pass(width)``: what tests/survey.py measures on every page at that width, once
    per width and run (the first process to ask visits the pages, behind a lock; the other
    reads what it found)."""
    import pickle

    from survey import visit_every_page

    shared = shared_dir(tmp_path_factory)
    done: dict[int, dict] = {}

    def run(width: int) -> dict:
        if width not in done:
            record = shared / f"survey-{width}.pickle"
            with locked(shared / f"survey-{width}.lock"):
                if not record.exists():
                    found = visit_every_page(browser, built_site, site_url, width)
                    record.write_bytes(pickle.dumps(found))
            done[width] = pickle.loads(record.read_bytes())
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
