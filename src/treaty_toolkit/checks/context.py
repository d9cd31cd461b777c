"""Checks for exercise 1 (context): dates and intervals in the chronology."""

from __future__ import annotations

from treaty_toolkit.checks.core import as_set, exercise_check, report
from treaty_toolkit.data import load_table


@exercise_check
def check_days_after_signature(days: object, category: str = "ratification") -> bool:
    """``days``: for each event of ``category``, whole days since the signature (Series/dict event_id -> days)."""
    import pandas as pd

    events = load_table("events")
    signed = events.set_index("event_id").loc["treaty-signed", "date"]
    chosen = events[events["category"] == category]
    expected = {str(e): int(d) for e, d in zip(chosen["event_id"], (chosen["date"] - signed).dt.days)}
    try:
        given = {str(e): int(d) for e, d in pd.Series(days).items()}
    except (TypeError, ValueError):
        return report(False, "give a Series (or dict) mapping each event_id to a whole number of days.")
    if set(given) != set(expected):
        return report(False, f"give one number for each of the {len(expected)} events whose category is {category!r}.")
    return report(given == expected, "subtract the signature date from each date and take .dt.days.")


@exercise_check
def check_events_between(ids: object, after_id: str, before_id: str) -> bool:
    """``ids``: the event_ids dated strictly after event ``after_id`` and strictly before ``before_id``."""
    dates = load_table("events").set_index("event_id")["date"]
    expected = set(dates[(dates > dates[after_id]) & (dates < dates[before_id])].index)
    given = as_set(ids, "event_id values")
    if given is None:
        return False
    return report(given == expected, "compare each date with the two dates; neither end counts.")
