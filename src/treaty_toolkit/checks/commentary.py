"""Checks for exercise 10 (expert commentary): how the claims are classified."""

from __future__ import annotations

from treaty_toolkit.checks.core import counts_match, exercise_check
from treaty_toolkit.data import load_table


@exercise_check
def check_claim_counts(counts: object) -> bool:
    """Claims per classification in data/claims.csv (a Series or dict), e.g. from ``value_counts()``."""
    expected = load_table("claims")["classification"].astype(str).value_counts()
    return counts_match(counts, expected, "classification",
                        "count every value of the classification column; the counts must add up to the number of claims.")
