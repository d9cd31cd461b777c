"""Checks for exercise 5 (alliances compared): automaticity scores and coded variables."""

from __future__ import annotations

from treaty_toolkit.checks.core import as_set, exercise_check, report
from treaty_toolkit.data import load_table

# The variables chapter 5 codes for every commitment (the qualifiers are three flags).
CODED_VARIABLES = ["trigger", "geographic_scope", "obligation_strength", "timing_word", "constitutional_processes",
                   "un_article51", "national_law", "duration", "status"]


@exercise_check
def check_alliance_scores(scores: object) -> bool:
    """``scores``: the automaticity score of every commitment, indexed by ``commitment_id``."""
    import pandas as pd

    from treaty_toolkit import alliances

    expected = alliances.automaticity_scores(load_table("alliances"))
    try:
        given = pd.Series(scores, dtype="float64")
    except (TypeError, ValueError):
        return report(False, "give a pandas Series of scores indexed by commitment_id.")
    if set(given.index) != set(expected.index):
        return report(False, f"give one score for each of the {len(expected)} commitments.")
    wrong = int(((given.reindex(expected.index) - expected).abs() > 1e-9).sum())
    return report(wrong == 0, f"{wrong} score(s) differ; check the weights you applied.")


@exercise_check
def check_alliance_selection(selected: object) -> bool:
    """``selected``: the commitment ids that score at least 9 *and* are still active."""
    from treaty_toolkit import alliances

    table = load_table("alliances")
    scores = alliances.automaticity_scores(table)
    status = table.set_index("commitment_id")["status"]
    expected = {cid for cid, score in scores.items() if score >= 9 and status[cid] == "active"}
    given = as_set(selected, "commitment ids")
    if given is None:
        return False
    return report(given == expected, "both conditions must hold: a score of 9 or more, and active status.")


@exercise_check
def check_coded_differences(columns: object, first: str, second: str) -> bool:
    """``columns``: the coded variables on which commitments ``first`` and ``second`` differ."""
    rows = load_table("alliances").set_index("commitment_id").loc[[first, second], CODED_VARIABLES]
    # Two empty cells (not verified) count as the same; an empty and a filled cell differ.
    expected = {c for c in CODED_VARIABLES if rows[c].isna().sum() == 1 or rows[c].nunique() == 2}
    given = as_set(columns, "column names")
    if given is None:
        return False
    if given - set(CODED_VARIABLES):
        return report(False, "name only coded variables (see the chapter's list); wording, source and notes are not.")
    return report(given == expected, "compare the two rows column by column, including the three qualifier flags.")
