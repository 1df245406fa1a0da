"""Caucus arithmetic: how many MPs a leadership-review rule needs (table ``leadership_rules``)."""
from __future__ import annotations

import numpy as np
import pandas as pd


def threshold_table(
    caucus_size: int, signatories: int, rules: pd.DataFrame, tol_mps: float = 1e-9
) -> pd.DataFrame:
    """Per rule: MPs needed and whether ``signatories`` reach it.

    Adds to each row of ``rules`` (all input columns are kept, so sources travel along):

    - ``mps_needed`` = ceil(threshold_pct / 100 x caucus_size) (members of parliament);
    - ``signatories`` and ``signatories_share_pct`` = 100 x signatories / caucus_size;
    - ``reached`` = signatories >= mps_needed;
    - ``shortfall`` = max(mps_needed - signatories, 0).

    Rules without a numeric ``threshold_pct`` get NA in the computed columns. The
    threshold's ``threshold_basis`` is not interpreted: callers choose which rules apply
    (some bases are not caucus members at all), and "at least" is assumed, so a "more than
    half" rule on an even caucus needs one more MP than shown.

    ``tol_mps``: a product within this many MPs above an integer counts as that integer.
    The default only absorbs float noise; use e.g. 0.01 when ``threshold_pct`` is a rounded
    fraction (66.67 for two-thirds: 66.67% of 153 = 102.0051, but two-thirds is 102).
    """
    if caucus_size <= 0:
        raise ValueError("caucus_size must be positive")
    if not 0 <= signatories <= caucus_size:
        raise ValueError("signatories must be between 0 and caucus_size")
    pct = pd.to_numeric(rules["threshold_pct"], errors="coerce").astype(float)
    # The tolerance keeps float noise (0.07 * 100 = 7.000000000000001) from adding an MP.
    needed = np.ceil(pct * caucus_size / 100.0 - tol_mps).astype("Int64")
    out = rules.copy()
    out["caucus_size"] = caucus_size
    out["mps_needed"] = needed
    out["signatories"] = signatories
    out["signatories_share_pct"] = 100.0 * signatories / caucus_size
    out["reached"] = (needed <= signatories).astype("boolean")
    out["shortfall"] = (needed - signatories).clip(lower=0)
    return out
