"""Checks for exercises 9 and 10 (uncertain numbers): estimates, their dates and their assumptions."""

from __future__ import annotations

from treaty_toolkit.checks.core import as_set, exercise_check, report
from treaty_toolkit.data import load_table


@exercise_check
def check_per_container(value: object, estimate_id: str = "shin-2024-02") -> bool:
    """Shells per container assumed by one capacity-based estimate (rounded to a whole number)."""
    from treaty_toolkit.estimates import implied_per_container

    expected = implied_per_container(load_table("shell_estimates")).set_index("estimate_id").loc[estimate_id, "per_container"]
    try:
        ok = abs(float(value) - float(expected)) <= 1
    except (TypeError, ValueError):
        return report(False, "give a number: shells divided by containers.")
    return report(ok, "divide the shell bound by the container count of that one estimate.")


@exercise_check
def check_known_before(ids: object, quantity: str, date: str) -> bool:
    """The estimate ids of ``quantity`` published strictly before ``date`` (any order)."""
    from treaty_toolkit.estimates import all_estimates, known_on

    expected = set(known_on(all_estimates(), quantity, date)["estimate_id"])
    given = as_set(ids, "estimate_id values (a list or Series)")
    if given is None:
        return False
    return report(given == expected, "filter on quantity and on date < the cut-off; the cut-off day itself is excluded.")


@exercise_check
def check_open_ended(count: object, quantity: str) -> bool:
    """``count``: how many estimates of ``quantity`` are "more than" figures (an arrow up in a range plot)."""
    from treaty_toolkit.estimates import all_estimates

    frame = all_estimates()
    rows = frame[frame["quantity"] == quantity]
    expected = int((rows["low"].notna() & rows["high"].isna()).sum())
    try:
        ok = int(count) == expected and float(count) == int(count)
    except (TypeError, ValueError):
        return report(False, "give a whole number.")
    return report(ok, "count the marks with an arrow pointing up; a bar or a marker alone is not open-ended.")
