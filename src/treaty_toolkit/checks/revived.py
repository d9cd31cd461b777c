"""Checks for exercise 4 (1961 and 2024): comparing the two assistance clauses word by word."""

from __future__ import annotations

from treaty_toolkit.checks.core import exercise_check, normal, report
from treaty_toolkit.data import load_table


def _old_and_new_clause() -> tuple[str, str]:
    from treaty_toolkit.textcompare import sentences

    texts = load_table("treaty_texts").set_index("text_id")["text"]
    old = next(s for s in sentences(texts["ussr-dprk-1961-art1-unts"]) if "state of war" in s)
    return old, texts["dprk-russia-2024-art4-interfax"]


@exercise_check
def check_shared_share(share: object) -> bool:
    """``diff_stats(...)["shared_share"]`` for the 1961 assistance sentence against Interfax's Article 4."""
    from treaty_toolkit.textcompare import diff_stats, word_diff

    old, new = _old_and_new_clause()
    expected = diff_stats(word_diff(old, new))["shared_share"]
    try:
        ok = abs(float(share) - expected) < 0.0005
    except (TypeError, ValueError):
        ok = False
    return report(ok, "compare only the sentence of the 1961 Article 1 that mentions a state of war, "
                  "with the 1961 text first.")


@exercise_check
def check_added_qualifiers(added: object) -> bool:
    """Text naming what the 2024 clause adds: it must mention Article 51 and the parties' legislation."""
    text = normal(added)
    ok = "article 51" in text and ("legislation" in text or "laws" in text)
    return report(ok, "read the run that the 2024 text adds at the end of the clause.")
