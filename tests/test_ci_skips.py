"""Under CI=true a skipped test fails unless it says why it may skip (tests/conftest.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from conftest import REPO

PROBE = '''
import pytest

def test_skips_at_run_time():
    pytest.skip("no data")

@pytest.mark.skip(reason="decorated")
def test_skips_by_marker():
    pass

@pytest.mark.allow_skip_in_ci(reason="needs a GPU, which CI never has")
def test_allowed_with_a_reason():
    pytest.skip("no GPU")

@pytest.mark.allow_skip_in_ci(reason="")
def test_allowed_without_a_reason():
    pytest.skip("no reason given")
'''


def run_probe(tmp_path, ci: str | None) -> str:
    tmp_path.mkdir(parents=True, exist_ok=True)
    for name in ("conftest.py", "second_build.py"):  # the conftest and the module it imports
        shutil.copy(REPO / "tests" / name, tmp_path / name)
    (tmp_path / "test_probe.py").write_text(PROBE, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    if ci is not None:
        env["CI"] = ci
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rA", "-p", "no:cacheprovider", "-c", os.devnull,
         "-W", "ignore::pytest.PytestUnknownMarkWarning", str(tmp_path)],
        capture_output=True, text=True, env=env, cwd=tmp_path)
    return result.stdout


def test_a_skip_fails_in_ci_unless_allowed_with_a_reason(tmp_path):
    out = run_probe(tmp_path, "true")
    assert "FAILED test_probe.py::test_skips_at_run_time" in out, out
    assert "ERROR test_probe.py::test_skips_by_marker" in out, out
    assert "FAILED test_probe.py::test_allowed_without_a_reason" in out, out
    assert "SKIPPED" in out and "no GPU" in out, out
    assert "2 failed, 1 skipped, 1 error" in out, out


def test_outside_ci_a_skip_is_a_skip(tmp_path):
    assert "4 skipped" in run_probe(tmp_path, None)


def test_a_pytest_run_inside_a_test_leaves_the_second_build_running(tmp_path, monkeypatch):
    """`make test` starts the reproducibility test's second build and tells the tests where it is
    (LIBERAL_CRISIS_SECOND_BUILD). A pytest run inside a test (the probe above) inherits that;
    when it ends it must not stop the build, which the outer run then waits for in vain."""
    import signal
    import time

    import second_build

    root = tmp_path / "second-build"
    root.mkdir()
    stand_in = subprocess.Popen(["sleep", "60"], start_new_session=True)  # the build's process group
    try:
        second_build.paths(root)["pid"].write_text(str(stand_in.pid))
        monkeypatch.setenv(second_build.ENV, str(root))
        run_probe(tmp_path / "probe", None)
        time.sleep(0.2)
        assert stand_in.poll() is None, "the inner pytest run stopped the second build"
    finally:
        os.killpg(stand_in.pid, signal.SIGKILL)
        stand_in.wait()
