"""Checks for exercise 2 (reading the treaty): the articles table and the translations."""

from __future__ import annotations

from treaty_toolkit.checks.core import counts_match, exercise_check, normal, report
from treaty_toolkit.data import load_table


@exercise_check
def check_known_counts(counts: object) -> bool:
    """``counts``: articles per ``known_as`` level (a Series or dict), e.g. from ``value_counts()``."""
    expected = load_table("treaty_articles")["known_as"].value_counts()
    return counts_match(counts, expected, "known_as level",
                        "count every value of the known_as column; the counts must add up to 24 (the preamble and 23 articles).")


@exercise_check
def check_timing_pair(yonhap: object, interfax: object) -> bool:
    """The words each translation of Article 4 uses for when the assistance comes."""
    ok = (normal(yonhap), normal(interfax)) == ("without delay", "immediately")
    return report(ok, "look at the changed runs next to 'military and other assistance' in each text.")


@exercise_check
def check_article_sources(sources: object, articles: list[int]) -> bool:
    """``sources``: for each article number in ``articles``, the key of the published text the module relies on."""
    table = load_table("treaty_articles").set_index("article")["source"]
    expected = {str(a): str(table[a]) for a in articles}
    try:
        given = {str(a): str(s).strip() for a, s in dict(sources).items()}
    except (TypeError, ValueError):
        return report(False, "give a dict mapping each article number to a source key.")
    if set(given) != set(expected):
        return report(False, f"give one source key for each of the {len(expected)} articles.")
    wrong = sum(given[a] != expected[a] for a in expected)
    return report(wrong == 0, f"{wrong} source key(s) differ; read the source column of each article's row.")
