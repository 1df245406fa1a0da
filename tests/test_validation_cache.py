"""load() validates a set of bytes once, across processes: a clean validation is recorded under
the SHA-256 of the data files (and the data layer's code); changed bytes are validated again."""

from __future__ import annotations

import importlib
import os
import shutil

import pytest

from conftest import REPO
from liberal_crisis import data

validate_module = importlib.import_module("liberal_crisis.data.validate")


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """A copy of data/, an empty cache folder, and a count of full validations."""
    folder = tmp_path / "data"
    shutil.copytree(REPO / "data", folder, ignore=shutil.ignore_patterns("README.md"))
    monkeypatch.setenv("LIBERAL_CRISIS_CACHE", str(tmp_path / "cache"))
    calls = []
    real = validate_module.problems

    def counted(where):
        calls.append(where)
        return real(where)

    monkeypatch.setattr(validate_module, "problems", counted)
    validate_module._validated.cache_clear()  # as a new process (a new kernel) starts
    yield folder, calls
    validate_module._validated.cache_clear()


def test_a_second_process_trusts_the_record_of_the_same_bytes(fresh):
    folder, calls = fresh
    data.load("ge2025_national", folder)
    assert len(calls) == 1
    records = list((validate_module.cache_dir() / "validated").iterdir())
    assert [r.name for r in records] == [validate_module.content_key(folder)]
    validate_module._validated.cache_clear()  # the next chapter's kernel
    os.utime(folder / "ge2025_national.csv")  # a touched file with the same bytes: still trusted
    frame = data.load("ge2025_national", folder)
    assert len(calls) == 1 and len(frame) > 0


def test_changed_bytes_are_validated_again_and_fail_loudly(fresh):
    folder, calls = fresh
    data.load("ge2025_national", folder)
    path = folder / "ge2025_national.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    header = lines[0].rstrip("\n").split(",")
    row = lines[1].rstrip("\n").split(",")
    row[header.index("party_code")] = "LIB"  # no such party
    lines[1] = ",".join(row) + "\n"
    path.write_text("".join(lines), encoding="utf-8")
    validate_module._validated.cache_clear()
    with pytest.raises(data.DataError, match=r"data/ge2025_national\.csv, line 2"):
        data.load("ge2025_national", folder)
    assert len(calls) == 2
    assert len(list((validate_module.cache_dir() / "validated").iterdir())) == 1  # never recorded


def test_the_key_follows_the_bytes_not_the_times(fresh):
    folder, _ = fresh
    before = validate_module.content_key(folder)
    os.utime(folder / "parties.csv")
    assert validate_module.content_key(folder) == before
    with (folder / "meta" / "package.json").open("a", encoding="utf-8") as handle:
        handle.write("\n")
    assert validate_module.content_key(folder) != before


def test_validate_always_checks(fresh, monkeypatch):
    folder, calls = fresh
    data.load("parties", folder)
    validate_module._validated.cache_clear()
    assert data.validate(folder) == [] and len(calls) == 2  # the record is for load() only
