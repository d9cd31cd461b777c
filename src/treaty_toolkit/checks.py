"""Auto-checks for the exercise notebooks.

Each check prints ``Correct.`` or ``Not yet: <hint>`` and returns ``True`` or ``False``, so a
student's notebook says right or wrong without printing the answer. Where possible the expected value is recomputed
from ``data/`` rather than stored here, so the checks stay true if the data are corrected.
"""

from __future__ import annotations

import functools

import pandas as pd

from treaty_toolkit.data import load_table
from treaty_toolkit.textcompare import diff_stats, sentences, word_diff


def _report(ok: bool, hint: str) -> bool:
    print("Correct." if ok else f"Not yet: {hint}")
    return ok


def _normal(text: object) -> str:
    return " ".join(str(text).lower().replace('"', "").split()) if text is not None else ""


# --- Chapter 1 (context) ---------------------------------------------------------------------------


def check_days_after_signature(days: object, category: str = "ratification") -> bool:
    """``days``: for each event of ``category``, whole days since the signature (Series/dict event_id -> days)."""
    events = load_table("events")
    signed = events.set_index("event_id").loc["treaty-signed", "date"]
    chosen = events[events["category"] == category]
    expected = {str(e): int(d) for e, d in zip(chosen["event_id"], (chosen["date"] - signed).dt.days)}
    try:
        given = {str(e): int(d) for e, d in pd.Series(days).items()}
    except (TypeError, ValueError):
        return _report(False, "give a Series (or dict) mapping each event_id to a whole number of days.")
    if set(given) != set(expected):
        return _report(False, f"give one number for each of the {len(expected)} events whose category is {category!r}.")
    return _report(given == expected, "subtract the signature date from each date and take .dt.days.")


def check_events_between(ids: object, after_id: str, before_id: str) -> bool:
    """``ids``: the event_ids dated strictly after event ``after_id`` and strictly before ``before_id``."""
    dates = load_table("events").set_index("event_id")["date"]
    expected = set(dates[(dates > dates[after_id]) & (dates < dates[before_id])].index)
    try:
        given = {str(i) for i in ids}
    except TypeError:
        return _report(False, "give a list of event_id values.")
    return _report(given == expected, "compare each date with the two dates; neither end counts.")


# --- Chapters 2 and 4 (reading, revived) --------------------------------------------------------------


def check_known_counts(counts: object) -> bool:
    """``counts``: articles per ``known_as`` level (a Series or dict), e.g. from ``value_counts()``."""
    expected = load_table("treaty_articles")["known_as"].value_counts()
    try:
        given = pd.Series(counts, dtype="int64")
    except (TypeError, ValueError):
        return _report(False, "give a pandas Series (or dict) mapping each known_as level to a count.")
    ok = given.sort_index().to_dict() == expected.astype("int64").sort_index().to_dict()
    return _report(ok, "count every value of the known_as column; the counts must add up to 23.")


def check_timing_pair(yonhap: object, interfax: object) -> bool:
    """The words each translation of Article 4 uses for when the assistance comes."""
    ok = (_normal(yonhap), _normal(interfax)) == ("without delay", "immediately")
    return _report(ok, "look at the changed runs next to 'military and other assistance' in each text.")


def _old_and_new_clause() -> tuple[str, str]:
    texts = load_table("treaty_texts").set_index("text_id")["text"]
    old = next(s for s in sentences(texts["ussr-dprk-1961-art1-unts"]) if "state of war" in s)
    return old, texts["dprk-russia-2024-art4-interfax"]


def check_shared_share(share: object) -> bool:
    """``diff_stats(...)["shared_share"]`` for the 1961 assistance sentence against Interfax's Article 4."""
    old, new = _old_and_new_clause()
    expected = diff_stats(word_diff(old, new))["shared_share"]
    try:
        ok = abs(float(share) - expected) < 0.0005
    except (TypeError, ValueError):
        ok = False
    return _report(ok, "compare only the sentence of the 1961 Article 1 that mentions a state of war, "
                "with the 1961 text first.")


def check_added_qualifiers(added: object) -> bool:
    """Text naming what the 2024 clause adds: it must mention Article 51 and the parties' legislation."""
    text = _normal(added)
    ok = "article 51" in text and ("legislation" in text or "laws" in text)
    return _report(ok, "read the run that the 2024 text adds at the end of the clause.")


# --- Chapter 5 (alliances) ----------------------------------------------------------------------


def check_alliance_scores(scores: object) -> bool:
    """``scores``: the automaticity score of every commitment, indexed by ``commitment_id``."""
    from treaty_toolkit import alliances

    expected = alliances.automaticity_scores(load_table("alliances"))
    try:
        given = pd.Series(scores, dtype="float64")
    except (TypeError, ValueError):
        return _report(False, "give a pandas Series of scores indexed by commitment_id.")
    if set(given.index) != set(expected.index):
        return _report(False, f"give one score for each of the {len(expected)} commitments.")
    wrong = int(((given.reindex(expected.index) - expected).abs() > 1e-9).sum())
    return _report(wrong == 0, f"{wrong} score(s) differ; check the weights you applied.")


def check_alliance_selection(selected: object) -> bool:
    """``selected``: the commitment ids that score at least 9 *and* are still active."""
    from treaty_toolkit import alliances

    table = load_table("alliances")
    scores = alliances.automaticity_scores(table)
    status = table.set_index("commitment_id")["status"]
    expected = {cid for cid, score in scores.items() if score >= 9 and status[cid] == "active"}
    try:
        given = set(selected)
    except TypeError:
        return _report(False, "give a list of commitment ids.")
    return _report(given == expected, "both conditions must hold: a score of 9 or more, and active status.")


# --- chapters 9 and 10: uncertain numbers and expert claims -------------------------------------


def check_per_container(value: object, estimate_id: str = "shin-2024-02") -> bool:
    """Shells per container assumed by one capacity-based estimate (rounded to a whole number)."""
    from treaty_toolkit.estimates import implied_per_container

    expected = implied_per_container(load_table("shell_estimates")).set_index("estimate_id").loc[estimate_id, "per_container"]
    try:
        ok = abs(float(value) - float(expected)) <= 1
    except (TypeError, ValueError):
        return _report(False, "give a number: shells divided by containers.")
    return _report(ok, "divide the shell bound by the container count of that one estimate.")


def check_known_before(ids: object, quantity: str, date: str) -> bool:
    """The estimate ids of ``quantity`` published strictly before ``date`` (any order)."""
    from treaty_toolkit.estimates import all_estimates, known_on

    expected = set(known_on(all_estimates(), quantity, date)["estimate_id"])
    try:
        given = set(ids)
    except TypeError:
        return _report(False, "give a list (or Series) of estimate_id values.")
    return _report(given == expected, "filter on quantity and on date < the cut-off; the cut-off day itself is excluded.")


def check_claim_counts(counts: object) -> bool:
    """Claims per classification in data/claims.csv (a Series or dict), e.g. from ``value_counts()``."""
    expected = load_table("claims")["classification"].astype(str).value_counts()
    try:
        given = pd.Series(counts, dtype="int64")
    except (TypeError, ValueError):
        return _report(False, "give a pandas Series (or dict) mapping each classification to a count.")
    ok = given.sort_index().to_dict() == expected.astype("int64").sort_index().to_dict()
    return _report(ok, "count every value of the classification column; the counts must add up to the number of claims.")


# --- Chapter 3 (Article 4 rule engine) --------------------------------------------------------------


def _article4_result(scenario_id: str, obligation: str, interpretation: dict) -> bool:
    from treaty_toolkit import scenarios as sc

    scenario = sc.scenario_by_id(sc.load_scenarios(), scenario_id)
    return next(r.triggered for r in sc.evaluate(scenario, interpretation) if r.obligation == obligation)


def check_required_broad(conditions: object, scenario_id: str, obligation: str) -> bool:
    """The conditions that must be read broadly for ``obligation`` (an id such as
    ``"art4-dprk-assists-russia"``) to be triggered in ``scenario_id``: recomputed with the engine."""
    from treaty_toolkit import scenarios as sc

    # A condition is required if reading it strictly, with every other condition broad, blocks the obligation.
    expected = {
        c for c in sc.CONDITIONS
        if not _article4_result(scenario_id, obligation, {**sc.uniform("broad"), c: "strict"})
    }
    try:
        given = {str(c) for c in conditions}
    except TypeError:
        return _report(False, "give a list of condition ids, e.g. ['territory', 'state_of_war'].")
    return _report(given == expected, "for each condition, set it to strict and all others to broad: "
                   "does the obligation disappear?")


def check_trigger_count(count: object, scenario_id: str, label: str) -> bool:
    """Under how many of the 32 readings the obligation ``label`` (a column of ``trigger_counts``) holds."""
    from treaty_toolkit import scenarios as sc

    expected = int(sc.trigger_counts(sc.load_scenarios()).loc[scenario_id, label])
    try:
        ok = int(count) == expected
    except (TypeError, ValueError):
        return _report(False, "give a whole number between 0 and 32.")
    return _report(ok, "read the row of the scenario and the column of the obligation in sc.trigger_counts(...).")


# --- Chapters 6–8 (reactions) -------------------------------------------------------------------


def _reactions() -> pd.DataFrame:
    return load_table("reactions")


def check_kind_counts(counts: object, actor: str) -> bool:
    """``counts``: how many reactions ``actor`` made of each kind (a Series or dict, zero kinds optional)."""
    table = _reactions()
    expected = table[table["actor"] == actor]["kind"].astype(str).value_counts()
    try:
        given = pd.Series(counts, dtype="int64")
    except (TypeError, ValueError):
        return _report(False, "give a pandas Series (or dict) mapping each kind to a count.")
    given = given[given != 0]
    ok = given.sort_index().to_dict() == expected.astype("int64").sort_index().to_dict()
    return _report(ok, f"filter the rows whose actor is {actor!r} first, then count the kind column.")


def check_first_dates(first: object, after: str) -> bool:
    """``first``: each actor's first reaction date on or after ``after`` (Series/dict actor -> date)."""
    from treaty_toolkit.reactions import first_reactions

    expected = first_reactions(_reactions(), after).set_index("actor")["date"]
    try:
        given = pd.to_datetime(pd.Series(first))
    except (TypeError, ValueError):
        return _report(False, "give a Series (or dict) mapping each actor to a date.")
    if set(given.index.astype(str)) != set(expected.index):
        return _report(False, f"there should be one date for each of the {len(expected)} actors "
                       "with a reaction on or after that date (Multilateral counts as an actor).")
    ok = all(given[actor] == expected[actor] for actor in expected.index)
    return _report(ok, "keep rows on or after the date, sort by date, then take the first row of each actor.")


def check_delays(delays: object, actor: str, topic: str, since: str) -> bool:
    """``delays``: days from ``since`` to each of ``actor``'s reactions on ``topic``, in date order."""
    table = _reactions()
    mine = table[(table["actor"] == actor) & (table["topic"] == topic)].sort_values("date")
    expected = [int(d) for d in (mine["date"] - pd.Timestamp(since)).dt.days]
    try:
        given = [int(d) for d in delays]
    except (TypeError, ValueError):
        return _report(False, "give a list of whole numbers of days.")
    return _report(given == expected, f"subtract {since} from the date of each {actor} reaction on "
                   f"'{topic}' and use .dt.days; keep them in date order.")


def check_topic_counts(counts: object, topics: list[str]) -> bool:
    """``counts``: reactions per actor on any of ``topics`` (Series/dict actor -> count, zeros optional)."""
    table = _reactions()
    expected = table[table["topic"].astype(str).isin(topics)]["actor"].astype(str).value_counts()
    try:
        given = pd.Series(counts, dtype="int64")
    except (TypeError, ValueError):
        return _report(False, "give a pandas Series (or dict) mapping each actor to a count.")
    given = given[given != 0]
    ok = given.sort_index().to_dict() == expected.astype("int64").sort_index().to_dict()
    return _report(ok, "select the rows whose topic is in the list with .isin(), then count actors.")

# --- Objectives read-2, art4-1, alli-1, num-4 --------------------------------------------------------


def check_article_sources(sources: object, articles: list[int]) -> bool:
    """``sources``: for each article number in ``articles``, the key of the published text the module relies on."""
    table = load_table("treaty_articles").set_index("article")["source"]
    expected = {str(a): str(table[a]) for a in articles}
    try:
        given = {str(a): str(s).strip() for a, s in dict(sources).items()}
    except (TypeError, ValueError):
        return _report(False, "give a dict mapping each article number to a source key.")
    if set(given) != set(expected):
        return _report(False, f"give one source key for each of the {len(expected)} articles.")
    wrong = sum(given[a] != expected[a] for a in expected)
    return _report(wrong == 0, f"{wrong} source key(s) differ; read the source column of each article's row.")


# Words that only a quotation of that part of Article 4 contains, in either news agency's translation.
ARTICLE4_PARTS = {
    "trigger": ("armed attack", "armed invasion", "state of war"),
    "obligation": ("assistance",),
    "timing": ("immediately", "without delay"),
    "qualifiers": ("article 51", "legislation", "laws"),
}


def check_article4_parts(parts: object, text_id: str) -> bool:
    """``parts``: Article 4's trigger, obligation, timing and qualifiers, each quoted word for word from ``text_id``."""
    text = _normal(load_table("treaty_texts").set_index("text_id").loc[text_id, "text"])
    try:
        given = {str(part): _normal(quote) for part, quote in dict(parts).items()}
    except (TypeError, ValueError):
        return _report(False, "give a dict mapping each part to a quotation.")
    if set(given) != set(ARTICLE4_PARTS):
        return _report(False, f"give exactly these parts: {', '.join(ARTICLE4_PARTS)}.")
    for part, quote in given.items():
        if not quote or quote not in text:
            return _report(False, f"the {part} is not quoted word for word from {text_id}.")
        others = [p for p, words in ARTICLE4_PARTS.items() if p != part and any(w in quote for w in words)]
        if not any(w in quote for w in ARTICLE4_PARTS[part]) or others:
            return _report(False, f"the {part} quotation should hold that part and no other; shorten or move it.")
    return _report(True, "")


# The variables chapter 5 codes for every commitment (the qualifiers are three flags).
CODED_VARIABLES = ["trigger", "geographic_scope", "obligation_strength", "timing_word", "constitutional_processes",
                   "un_article51", "national_law", "duration", "status"]


def check_coded_differences(columns: object, first: str, second: str) -> bool:
    """``columns``: the coded variables on which commitments ``first`` and ``second`` differ."""
    rows = load_table("alliances").set_index("commitment_id").loc[[first, second], CODED_VARIABLES]
    # Two empty cells (not verified) count as the same; an empty and a filled cell differ.
    expected = {c for c in CODED_VARIABLES if rows[c].isna().sum() == 1 or rows[c].nunique() == 2}
    try:
        given = {str(c) for c in columns}
    except TypeError:
        return _report(False, "give a list of column names.")
    if given - set(CODED_VARIABLES):
        return _report(False, "name only coded variables (see the chapter's list); wording, source and notes are not.")
    return _report(given == expected, "compare the two rows column by column, including the three qualifier flags.")


def check_open_ended(count: object, quantity: str) -> bool:
    """``count``: how many estimates of ``quantity`` are "more than" figures (an arrow up in a range plot)."""
    from treaty_toolkit.estimates import all_estimates

    frame = all_estimates()
    rows = frame[frame["quantity"] == quantity]
    expected = int((rows["low"].notna() & rows["high"].isna()).sum())
    try:
        ok = int(count) == expected and float(count) == int(count)
    except (TypeError, ValueError):
        return _report(False, "give a whole number.")
    return _report(ok, "count the marks with an arrow pointing up; a bar or a marker alone is not open-ended.")


# --- Unanswered tasks ------------------------------------------------------------------------------
# A student's cell starts with a placeholder (None, "" or []). Every check first says so plainly, so
# a check run before answering gives a clear message instead of a hint or a traceback.

NOT_ANSWERED = "Not yet: this task is not answered yet. Put your answer in the cell above, run it, then run this check again."


def _is_placeholder(answer: object) -> bool:
    if answer is None:
        return True
    if isinstance(answer, str):
        return not answer.strip()
    if isinstance(answer, (list, tuple, set, dict)):
        return len(answer) == 0
    return False


def _answer_first(check):
    @functools.wraps(check)
    def checked(answer, *args, **kwargs):
        if _is_placeholder(answer):
            print(NOT_ANSWERED)
            return False
        return check(answer, *args, **kwargs)

    return checked


for _name in [n for n in globals() if n.startswith("check_")]:
    globals()[_name] = _answer_first(globals()[_name])
