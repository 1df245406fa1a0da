"""Benchmarks for the analysis layer.

    python scripts/bench.py

Prints the median wall time of a 338-riding seat projection (shares -> uniform swing ->
winners -> seat count). Uses data/ge2021_riding_votes.csv when present, otherwise a
synthetic 338-riding table of the same shape (fixed seed).
"""
from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
try:
    from liberal_crisis.analysis import project
except ImportError:  # running from a checkout without the package installed
    sys.path.insert(0, str(ROOT / "src"))
    from liberal_crisis.analysis import project

PARTIES = ["LPC", "CPC", "NDP", "BQ", "GPC", "PPC", "IND"]


def _synthetic(n_ridings: int = 338, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    votes = rng.integers(0, 30_000, size=(n_ridings, len(PARTIES)))
    return pd.DataFrame({
        "riding_number": np.repeat(np.arange(1, n_ridings + 1), len(PARTIES)),
        "party_code": PARTIES * n_ridings,
        "votes": votes.ravel(),
    })


def bench_projection(repeat: int = 50, method: str = "uniform") -> dict:
    """Time ``project`` on 338 ridings ``repeat`` times; return median/min seconds and source."""
    path = ROOT / "data" / "ge2021_riding_votes.csv"
    votes, source = (pd.read_csv(path), path.name) if path.exists() else (_synthetic(), "synthetic")
    change = pd.Series({"LPC": -8.81, "CPC": 16.82, "NDP": -8.01})
    if method == "proportional":
        change = pd.Series({"LPC": 0.82, "CPC": 1.66, "NDP": 0.69})
    project(votes, change, method=method)  # warm-up
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        project(votes, change, method=method)
        times.append(time.perf_counter() - t0)
    return {"source": source, "ridings": int(votes["riding_number"].nunique()),
            "repeat": repeat, "median_s": statistics.median(times), "min_s": min(times)}


if __name__ == "__main__":
    for m in ("uniform", "proportional"):
        r = bench_projection(method=m)
        print(f"projection ({m}, {r['ridings']} ridings, {r['source']}): "
              f"median {r['median_s'] * 1e3:.2f} ms over {r['repeat']} runs (min {r['min_s'] * 1e3:.2f} ms)")
