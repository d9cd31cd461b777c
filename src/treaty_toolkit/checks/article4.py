"""Checks for exercise 3 (Article 4): the rule engine's readings and the parts of the clause."""

from __future__ import annotations

from treaty_toolkit.checks.core import as_set, exercise_check, normal, report
from treaty_toolkit.data import load_table

# Words that only a quotation of that part of Article 4 contains, in either news agency's translation.
ARTICLE4_PARTS = {
    "trigger": ("armed attack", "armed invasion", "state of war"),
    "obligation": ("assistance",),
    "timing": ("immediately", "without delay"),
    "qualifiers": ("article 51", "legislation", "laws"),
}


def _article4_result(scenario_id: str, obligation: str, interpretation: dict) -> bool:
    from treaty_toolkit import scenarios as sc

    scenario = sc.scenario_by_id(sc.load_scenarios(), scenario_id)
    return next(r.triggered for r in sc.evaluate(scenario, interpretation) if r.obligation == obligation)


@exercise_check
def check_required_broad(conditions: object, scenario_id: str, obligation: str) -> bool:
    """The conditions that must be read broadly for ``obligation`` (an id such as
    ``"art4-dprk-assists-russia"``) to be triggered in ``scenario_id``: recomputed with the engine."""
    from treaty_toolkit import scenarios as sc

    # A condition is required if reading it strictly, with every other condition broad, blocks the obligation.
    expected = {
        c for c in sc.CONDITIONS
        if not _article4_result(scenario_id, obligation, {**sc.uniform("broad"), c: "strict"})
    }
    given = as_set(conditions, "condition ids, e.g. ['territory', 'state_of_war']")
    if given is None:
        return False
    return report(given == expected, "for each condition, set it to strict and all others to broad: "
                  "does the obligation disappear?")


@exercise_check
def check_trigger_count(count: object, scenario_id: str, label: str) -> bool:
    """Under how many of the 32 readings the obligation ``label`` (a column of ``trigger_counts``) holds."""
    from treaty_toolkit import scenarios as sc

    expected = int(sc.trigger_counts(sc.load_scenarios()).loc[scenario_id, label])
    try:
        ok = int(count) == expected
    except (TypeError, ValueError):
        return report(False, "give a whole number between 0 and 32.")
    return report(ok, "read the row of the scenario and the column of the obligation in sc.trigger_counts(...).")


@exercise_check
def check_article4_parts(parts: object, text_id: str) -> bool:
    """``parts``: Article 4's trigger, obligation, timing and qualifiers, each quoted word for word from ``text_id``."""
    text = normal(load_table("treaty_texts").set_index("text_id").loc[text_id, "text"])
    try:
        given = {str(part): normal(quote) for part, quote in dict(parts).items()}
    except (TypeError, ValueError):
        return report(False, "give a dict mapping each part to a quotation.")
    if set(given) != set(ARTICLE4_PARTS):
        return report(False, f"give exactly these parts: {', '.join(ARTICLE4_PARTS)}.")
    for part, quote in given.items():
        if not quote or quote not in text:
            return report(False, f"the {part} is not quoted word for word from {text_id}.")
        others = [p for p, words in ARTICLE4_PARTS.items() if p != part and any(w in quote for w in words)]
        if not any(w in quote for w in ARTICLE4_PARTS[part]) or others:
            return report(False, f"the {part} quotation should hold that part and no other; shorten or move it.")
    return report(True, "")
