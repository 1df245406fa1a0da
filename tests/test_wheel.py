"""The package works installed from a wheel, outside the repository: nothing in it computes a
path from where it is installed, and the recorded code checksums are those of the wheel's files.

A wheel is built from a copy of the tracked sources, installed (offline, no dependencies) into a
fresh virtual environment that sees this .venv's site-packages (the pinned requirements) through
a path entry, and ``liberal-crisis-validate`` is run from a temporary folder on a copy of data/.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from conftest import REPO

pytestmark = pytest.mark.wheel


def _run(*args, cwd, **kw):
    result = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, **kw)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The bin folder of a fresh venv holding the wheel of this package."""
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "source"  # build from a copy: no build/ or egg-info in the repository
    tracked = _run("git", "ls-files", "-z", "--", "pyproject.toml", "README.md", "LICENSE", "src",
                   cwd=REPO).stdout.split("\0")
    for rel in filter(None, tracked):
        (source / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / rel, source / rel)
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
         "-q", "-w", tmp / "dist", ".", cwd=source)
    (wheel,) = (tmp / "dist").glob("liberal_crisis-*.whl")
    env = tmp / "venv"
    venv.EnvBuilder(with_pip=False).create(env)
    py = env / "bin" / "python"
    site = Path(_run(py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                     cwd=tmp).stdout.strip())
    # The pinned requirements, from this .venv, as a plain path entry: its .pth files (among
    # them the editable install of this package) are not processed.
    (site / "pinned-requirements.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    _run(sys.executable, "-m", "pip", "--python", py, "install", "--no-deps", "--no-index", "-q",
         wheel, cwd=tmp)
    return env / "bin"


def test_the_wheel_validates_a_copy_of_the_data_outside_the_repository(installed, tmp_path):
    folder = tmp_path / "copy" / "data"
    shutil.copytree(REPO / "data", folder)
    work = tmp_path / "elsewhere"
    work.mkdir()
    where = _run(installed / "python", "-c", "import liberal_crisis; print(liberal_crisis.__file__)",
                 cwd=work).stdout
    assert str(installed.parent) in where and str(REPO) not in where, where
    result = subprocess.run([str(installed / "liberal-crisis-validate"), str(folder)], cwd=work,
                            capture_output=True, text=True)
    assert result.returncode == 0 and result.stderr == "", result.stderr[-4000:]
    assert "data package OK" in result.stdout


def test_the_wheel_finds_no_data_folder_by_its_own_location(installed, tmp_path):
    """Outside any folder holding data/, the command asks for one instead of guessing."""
    result = subprocess.run([str(installed / "liberal-crisis-validate")], cwd=tmp_path,
                            capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"})
    assert result.returncode != 0 and "no data/datapackage.json" in result.stderr
