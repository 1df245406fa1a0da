"""The JavaScript's pure modules under node's own test runner (``tests/js/``), as part of pytest.

``site/static/explorer-core.js`` (the swing explorer's rule, words, search and chart layout) and
``site/static/charts-core.js`` (the charts' colours per mode and phone layout) are plain
functions that run in node as in the browser; their tests type every expected value by hand.
A failure prints node's report of the failing test. ``make test-js`` runs the same alone, and
``make mutants-js`` mutates both modules against these tests.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from conftest import REPO


def test_node_tests_of_the_pure_javascript_pass():
    node = shutil.which("node")
    if node is None:
        pytest.fail("node not found: `make test` installs it (npm comes with it)")
    result = subprocess.run([node, "--test", "--test-reporter=spec", "tests/js/"], cwd=REPO,
                            capture_output=True, text=True, timeout=300)
    report = result.stdout + result.stderr
    assert result.returncode == 0, report[-8000:]
    counts = dict(re.findall(r"^\u2139 (tests|pass|fail) (\d+)$", report, flags=re.M))
    # the files were found and ran: both modules' tests, none failing
    assert int(counts.get("tests", 0)) >= 70 and counts.get("fail") == "0", report[-2000:]
