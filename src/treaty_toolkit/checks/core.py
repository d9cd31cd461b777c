"""What every exercise check shares: the printed verdict, the "not answered yet" guard, comparisons.

Each check prints ``Correct.`` or ``Not yet: <hint>`` and returns ``True`` or ``False``, so a
student's notebook says right or wrong without printing the answer. Where possible the expected value
is recomputed from ``data/`` rather than stored, so the checks stay true if the data are corrected.
"""

from __future__ import annotations

import functools

# A student's cell starts with a placeholder (None, "" or []). Every check first says so plainly, so
# a check run before answering gives a clear message instead of a hint or a traceback.
NOT_ANSWERED = "Not yet: this task is not answered yet. Put your answer in the cell above, run it, then run this check again."


def report(ok: bool, hint: str) -> bool:
    print("Correct." if ok else f"Not yet: {hint}")
    return ok


def normal(text: object) -> str:
    """Lower case, no double quotes, single spaces: how two quotations are compared."""
    return " ".join(str(text).lower().replace('"', "").split()) if text is not None else ""


def is_placeholder(answer: object) -> bool:
    if answer is None:
        return True
    if isinstance(answer, str):
        return not answer.strip()
    if isinstance(answer, (list, tuple, set, dict)):
        return len(answer) == 0
    return False


def exercise_check(check):
    """Decorator for every check: an unanswered task prints :data:`NOT_ANSWERED` and returns False."""

    @functools.wraps(check)
    def checked(answer, *args, **kwargs):
        if is_placeholder(answer):
            print(NOT_ANSWERED)
            return False
        return check(answer, *args, **kwargs)

    return checked


def counts_match(given: object, expected, what: str, hint: str) -> bool:
    """Compare a student's counts (a Series or dict, zero counts optional) with ``expected`` counts."""
    import pandas as pd

    try:
        counts = pd.Series(given, dtype="int64")
    except (TypeError, ValueError):
        return report(False, f"give a pandas Series (or dict) mapping each {what} to a count.")
    counts = counts[counts != 0]
    wanted = pd.Series(expected, dtype="int64")
    ok = counts.sort_index().to_dict() == wanted[wanted != 0].sort_index().to_dict()
    return report(ok, hint)


def as_set(given: object, what: str) -> set[str] | None:
    """The answer as a set of strings, or None (after saying what to give) when it is not a collection."""
    try:
        return {str(item) for item in given}
    except TypeError:
        report(False, f"give a list of {what}.")
        return None
