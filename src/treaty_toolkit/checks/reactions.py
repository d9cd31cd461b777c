"""Checks for exercises 6–8 (South Korea, Japan, United States): the table of dated reactions."""

from __future__ import annotations

from treaty_toolkit.checks.core import counts_match, exercise_check, report
from treaty_toolkit.data import load_table


@exercise_check
def check_kind_counts(counts: object, actor: str, since: str | None = None) -> bool:
    """``counts``: how many reactions ``actor`` made of each kind (a Series or dict, zero kinds optional),
    counting only reactions on or after ``since`` when it is given."""
    import pandas as pd

    table = load_table("reactions")
    mine = table[table["actor"] == actor]
    if since is not None:
        mine = mine[mine["date"] >= pd.Timestamp(since)]
    expected = mine["kind"].astype(str).value_counts()
    dated = f" and dated on or after {since}" if since is not None else ""
    return counts_match(counts, expected, "kind",
                        f"filter the rows whose actor is {actor!r}{dated} first, then count the kind column.")


@exercise_check
def check_first_dates(first: object, after: str) -> bool:
    """``first``: each actor's first reaction date on or after ``after`` (Series/dict actor -> date)."""
    import pandas as pd

    from treaty_toolkit.reactions import first_reactions

    expected = first_reactions(load_table("reactions"), after).set_index("actor")["date"]
    try:
        given = pd.to_datetime(pd.Series(first))
    except (TypeError, ValueError):
        return report(False, "give a Series (or dict) mapping each actor to a date.")
    if set(given.index.astype(str)) != set(expected.index):
        return report(False, f"there should be one date for each of the {len(expected)} actors "
                      "with a reaction on or after that date (Multilateral counts as an actor).")
    ok = all(given[actor] == expected[actor] for actor in expected.index)
    return report(ok, "keep rows on or after the date, sort by date, then take the first row of each actor.")


@exercise_check
def check_delays(delays: object, actor: str, topic: str, since: str) -> bool:
    """``delays``: days from ``since`` to each of ``actor``'s reactions on ``topic``, in date order."""
    import pandas as pd

    table = load_table("reactions")
    mine = table[(table["actor"] == actor) & (table["topic"] == topic)].sort_values("date")
    expected = [int(d) for d in (mine["date"] - pd.Timestamp(since)).dt.days]
    try:
        given = [int(d) for d in delays]
    except (TypeError, ValueError):
        return report(False, "give a list of whole numbers of days.")
    return report(given == expected, f"subtract {since} from the date of each {actor} reaction on "
                  f"'{topic}' and use .dt.days; keep them in date order.")


@exercise_check
def check_topic_counts(counts: object, topics: list[str]) -> bool:
    """``counts``: reactions per actor on any of ``topics`` (Series/dict actor -> count, zeros optional)."""
    table = load_table("reactions")
    expected = table[table["topic"].astype(str).isin(topics)]["actor"].astype(str).value_counts()
    return counts_match(counts, expected, "actor",
                        "select the rows whose topic is in the list with .isin(), then count actors.")
