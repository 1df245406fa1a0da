"""The reproducibility test's second clean build (tests/test_reproducible.py), run in the
background: both editions, from a copy of the sources at another path, as ``make book`` builds
them. Its exit status goes to a file, for whichever test process waits for it.

``make test`` starts it before it installs the test dependencies (``python tests/second_build.py
start DIR``; stdlib only, as pytest is not installed yet): pip uses one core, the build the other,
which would otherwise idle for a minute. The tests then find it through
``LIBERAL_CRISIS_SECOND_BUILD=DIR``; without it (plain ``pytest``), tests/conftest.py starts it
beside the first build. ``stop DIR`` ends a build still running (the run stopped early).
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import signal
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
ENV = "LIBERAL_CRISIS_SECOND_BUILD"


def paths(root: Path) -> dict[str, Path]:
    root = Path(root)
    return {"root": root, "source": root / "another" / "folder" / "liberal-crisis-copy",
            "html": root / "out" / "_build" / "html", "log": root / "build.log",
            "returncode": root / "returncode", "pid": root / "pid"}


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


def start(root: Path) -> None:
    """Start the build in ``root`` unless it was started there already. A build keeps about one
    core busy (Sphinx, then one kernel at a time)."""
    where = paths(root)
    if where["pid"].exists():
        return
    copy_sources(where["source"])
    command = [str(BIN / "jupyter-book"), "build", str(where["source"]), "--path-output",
               str(where["root"] / "out"), "--all", "-W", "-n", "--keep-going"]
    # then the French edition into the same site, as `make book` does
    french = [str(BIN / "python"), "-m", "liberal_crisis.site.build_fr", str(where["source"]),
              "--path-output", str(where["root"] / "out"), "--into-site"]
    script = '"$@" > "$LOG" 2>&1 && (cd "$SRC" && "${FRENCH[@]}") >> "$LOG" 2>&1; echo $? > "$RC"'
    cache = where["root"] / "validation-cache"  # validated afresh, never the reader's own record
    cache.mkdir(parents=True, exist_ok=True)
    process = subprocess.Popen(
        ["bash", "-c", f"FRENCH=({' '.join(map(shlex.quote, french))}); {script}", "build", *command],
        env={**os.environ, "LOG": str(where["log"]), "RC": str(where["returncode"]),
             "SRC": str(where["source"]), "LIBERAL_CRISIS_CACHE": str(cache)},
        cwd=where["source"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True)  # its own process group, so its kernels can be stopped with it
    where["pid"].write_text(str(process.pid))


def stop(root: Path) -> None:
    """End the build in ``root`` (and its kernels) if it is still running."""
    where = paths(root)
    if where["pid"].exists() and not where["returncode"].exists():
        with contextlib.suppress(ProcessLookupError):
            os.killpg(int(where["pid"].read_text()), signal.SIGKILL)


if __name__ == "__main__":
    action, folder = sys.argv[1:3]
    {"start": start, "stop": stop}[action](Path(folder))
