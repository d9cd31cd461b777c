"""Word-level comparison of treaty texts and translations.

Two English renderings of one article differ in small, telling ways ("without delay" vs
"immediately"; "laws" vs "legislation"). This module lines them up word by word:

- :func:`tokenize` splits a text into words and punctuation, keeping the gap marker ``[…]`` whole;
- :func:`word_diff` returns the alignment as a pandas DataFrame (one row per changed or equal run);
- :func:`diff_stats` and :func:`similarity_matrix` summarise how close texts are;
- :func:`side_by_side_html` renders an accessible two-column view: changes are wrapped in
  ``<del>``/``<ins>`` *and* carry visible text markers ``[−…]`` / ``[+…]``, so colour is never the
  only signal.

A text whose stored copy is cut off ends with ``[…]``. Words the other text has after that point
cannot be called "added": we do not know what the missing part says. They get the op ``"gap"``.
"""

from __future__ import annotations

import difflib
import html
import re

import pandas as pd

from . import readers

GAP = "[…]"
# Words (with inner hyphens/apostrophes), the gap marker, or any single punctuation mark.
_TOKEN = re.compile(r"\[…\]|\w+(?:[-'’]\w+)*|[^\w\s]")
_NO_SPACE_BEFORE = set(",.;:!?)]”’")
_NO_SPACE_AFTER = set("([“‘")

DIFF_COLUMNS = ["op", "a_text", "b_text", "a_words", "b_words", "a_start", "b_start"]


def tokenize(text: str) -> list[str]:
    """Split ``text`` into word and punctuation tokens; ``[…]`` stays one token."""
    if not isinstance(text, str):
        raise TypeError(f"tokenize expects a string, got {type(text).__name__}")
    return _TOKEN.findall(text)


def _key(token: str) -> str:
    """Comparison key: case and curly/straight quotes do not count as differences."""
    return token.lower().replace("’", "'")


def _is_word(token: str) -> bool:
    return bool(re.match(r"\w", token))


def join_tokens(tokens: list[str]) -> str:
    """Inverse of :func:`tokenize` up to whitespace: no space before closing punctuation."""
    out = ""
    for tok in tokens:
        if out and tok[0] not in _NO_SPACE_BEFORE and out[-1] not in _NO_SPACE_AFTER:
            out += " "
        out += tok
    return out


def _split_gaps(tokens: list[str], label: str) -> tuple[list[str], bool, bool]:
    """Strip a leading/trailing gap marker; a gap in the middle is not supported (fail fast)."""
    lead = bool(tokens) and tokens[0] == GAP
    trail = len(tokens) > 1 and tokens[-1] == GAP
    core = tokens[int(lead) : len(tokens) - int(trail)]
    if GAP in core:
        raise ValueError(f"{label}: a gap marker {GAP} is only supported at the start or end of a text")
    return core, lead, trail


def word_diff(a: str, b: str, *, a_label: str = "a", b_label: str = "b") -> pd.DataFrame:
    """Align ``a`` and ``b`` word by word.

    Returns one row per run with columns ``op`` (``equal``, ``replace``, ``delete`` = only in a,
    ``insert`` = only in b, ``gap`` = the other text continues where this one's copy is cut off),
    ``a_text``/``b_text`` (the run's words), ``a_words``/``b_words`` (word counts, punctuation
    excluded) and ``a_start``/``b_start`` (token offsets). The labels are kept in ``df.attrs``.
    """
    a_tokens, a_lead, a_trail = _split_gaps(tokenize(a), a_label)
    b_tokens, b_lead, b_trail = _split_gaps(tokenize(b), b_label)
    matcher = difflib.SequenceMatcher(
        a=[_key(t) for t in a_tokens], b=[_key(t) for t in b_tokens], autojunk=False
    )
    rows = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        a_run, b_run = a_tokens[i1:i2], b_tokens[j1:j2]
        # A run that touches a cut-off edge cannot be compared: we do not know what the missing
        # part says, so the other text's words there are neither "added" nor "deleted".
        at_end = i2 == len(a_tokens) and j2 == len(b_tokens)
        at_start = i1 == 0 and j1 == 0
        if op != "equal" and (
            (at_end and ((a_trail and op != "delete") or (b_trail and op != "insert")))
            or (at_start and ((a_lead and op != "delete") or (b_lead and op != "insert")))
        ):
            op = "gap"
        rows.append(
            {
                "op": op,
                "a_text": join_tokens(a_run),
                "b_text": join_tokens(b_run),
                "a_words": sum(map(_is_word, a_run)),
                "b_words": sum(map(_is_word, b_run)),
                "a_start": i1,
                "b_start": j1,
            }
        )
    df = pd.DataFrame(rows, columns=DIFF_COLUMNS).astype(
        {"op": "string", "a_text": "string", "b_text": "string"}
    )
    df.attrs.update(a_label=a_label, b_label=b_label, a_cut=a_trail or a_lead, b_cut=b_trail or b_lead)
    return df


def diff_stats(diff: pd.DataFrame) -> dict:
    """Counts of shared and differing words in a :func:`word_diff` result.

    ``shared_share`` is shared words divided by the words that can be compared (runs marked
    ``gap`` are left out, because nothing can be said about them).
    """
    by_op = diff.groupby("op", observed=True)[["a_words", "b_words"]].sum()

    def total(op: str, col: str) -> int:
        return int(by_op.loc[op, col]) if op in by_op.index else 0

    shared = total("equal", "a_words")
    only_a = total("delete", "a_words") + total("replace", "a_words")
    only_b = total("insert", "b_words") + total("replace", "b_words")
    beyond_gap = total("gap", "a_words") + total("gap", "b_words")
    comparable = shared + max(only_a, only_b)
    return {
        "shared_words": shared,
        "only_in_a": only_a,
        "only_in_b": only_b,
        "beyond_gap": beyond_gap,
        "shared_share": round(shared / comparable, 3) if comparable else 0.0,
    }


def changes(diff: pd.DataFrame) -> pd.DataFrame:
    """Only the runs that differ (drops ``equal``), labelled with the two texts' names."""
    out = diff[diff["op"] != "equal"][["op", "a_text", "b_text"]].reset_index(drop=True)
    return out.rename(columns={"a_text": diff.attrs["a_label"], "b_text": diff.attrs["b_label"]})


def similarity_matrix(texts: dict[str, str]) -> pd.DataFrame:
    """Pairwise ``shared_share`` between every pair of texts (a symmetric DataFrame)."""
    labels = list(texts)
    matrix = pd.DataFrame(index=labels, columns=labels, dtype="float64")
    for i, a in enumerate(labels):
        matrix.loc[a, a] = 1.0
        for b in labels[i + 1 :]:
            # difflib's alignment depends on argument order; compute once and mirror it.
            share = diff_stats(word_diff(texts[a], texts[b], a_label=a, b_label=b))["shared_share"]
            matrix.loc[a, b] = matrix.loc[b, a] = share
    return matrix


def sentences(text: str) -> list[str]:
    """Split a passage into sentences (on ., ! or ? followed by a space and a capital)."""
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", text.strip()) if s.strip()]


# --- HTML rendering -----------------------------------------------------------------------------

_MARK = {  # op -> (element, opening marker, closing marker)
    "delete": ("del", "[−", "]"),
    "insert": ("ins", "[+", "]"),
    "gap": ("span", "[?", "]"),
}


def _wrap(op: str, text: str) -> str:
    tag, open_mark, close_mark = _MARK[op]
    cls = f"tc-{op}"
    body = html.escape(text)
    return (
        f'<{tag} class="{cls}"><span class="tc-marker">{open_mark}</span>'
        f"{body}<span class=\"tc-marker\">{close_mark}</span></{tag}>"
    )


def _column_html(diff: pd.DataFrame, side: str) -> str:
    """Rebuild one side's text with its own changes marked (a: deletions, b: insertions)."""
    own = "delete" if side == "a" else "insert"
    body = ""
    for row in diff.itertuples(index=False):
        text = row.a_text if side == "a" else row.b_text
        if not text:
            continue
        if row.op == "equal":
            piece = html.escape(text)
        else:  # gap, replace, or this side's own delete/insert
            piece = _wrap("gap" if row.op == "gap" else own, text)
        # Same spacing rule as join_tokens: no space before closing punctuation.
        if body and text[0] not in _NO_SPACE_BEFORE:
            body += " "
        body += piece
    cut = diff.attrs["a_cut"] if side == "a" else diff.attrs["b_cut"]
    if cut:
        body += ' <span class="tc-gap-note">(stored copy cut off: ' + html.escape(GAP) + ")</span>"
    return body


def side_by_side_html(
    a: str, b: str, *, a_label: str = "a", b_label: str = "b", caption: str | None = None
) -> str:
    """An accessible side-by-side table of two texts with their word-level differences marked.

    Words only in the left text are ``<del>[−…]</del>``, words only in the right text are
    ``<ins>[+…]</ins>``; words the other text has beyond a cut-off copy are ``[?…]``. The
    markers are visible text, so the view works without colour and is read out by screen readers.
    """
    diff = word_diff(a, b, a_label=a_label, b_label=b_label)
    stats = diff_stats(diff)
    caption = caption or f"Word-level comparison: {a_label} and {b_label}"
    summary = (
        f"{stats['shared_words']} words shared; {stats['only_in_a']} only in {a_label}; "
        f"{stats['only_in_b']} only in {b_label}"
        + (f"; {stats['beyond_gap']} beyond a cut-off copy" if stats["beyond_gap"] else "")
        + "."
    )
    legend = (
        "Key: [−words] = only in the left text (struck through); [+words] = only in the right "
        "text (underlined); [?words] = cannot be compared, because one of the two copies is cut off "
        "at this point."
    )
    return (
        '<div class="tc-compare">'
        "<style>.tc-compare table{border-collapse:collapse;width:100%}"
        ".tc-compare th,.tc-compare td{border:1px solid #767676;padding:.5em;vertical-align:top;"
        "text-align:left;width:50%}"
        ".tc-compare del{text-decoration:line-through;background:#fde2e1;color:#5c0000}"
        ".tc-compare ins{text-decoration:underline;background:#dcf5e3;color:#003d14}"
        ".tc-compare .tc-gap{font-style:italic;color:#333}"
        ".tc-compare .tc-marker{font-weight:bold}</style>"
        f"<table><caption>{html.escape(caption)}</caption>"
        f'<thead><tr><th scope="col">{html.escape(a_label)}</th>'
        f'<th scope="col">{html.escape(b_label)}</th></tr></thead>'
        f"<tbody><tr><td>{_column_html(diff, 'a')}</td><td>{_column_html(diff, 'b')}</td></tr></tbody>"
        "</table>"
        f'<p class="tc-summary">{html.escape(summary)}</p>'
        f'<p class="tc-legend">{html.escape(legend)}</p>'
        "</div>"
    )


class SideBySide:
    """Notebook display object: rich HTML from :func:`side_by_side_html`, and a plain-text version
    with the same ``[−…]``/``[+…]``/``[?…]`` markers (what text-only front ends and tests see)."""

    def __init__(self, a: str, b: str, *, a_label: str = "a", b_label: str = "b", caption: str | None = None):
        self.html = side_by_side_html(a, b, a_label=a_label, b_label=b_label, caption=caption)
        diff = word_diff(a, b, a_label=a_label, b_label=b_label)
        self.text = "\n".join(
            f"{label}: {_column_plain(diff, side)}" for side, label in (("a", a_label), ("b", b_label))
        )

    def _repr_html_(self) -> str:
        return self.html

    def __repr__(self) -> str:
        return self.text


def _column_plain(diff: pd.DataFrame, side: str) -> str:
    """One side's text with text markers only (no HTML)."""
    own = "delete" if side == "a" else "insert"
    tokens: list[str] = []
    for row in diff.itertuples(index=False):
        text = row.a_text if side == "a" else row.b_text
        if not text:
            continue
        if row.op == "equal":
            tokens.append(text)
        else:
            _, open_mark, close_mark = _MARK["gap" if row.op == "gap" else own]
            tokens.append(f"{open_mark}{text}{close_mark}")
    return " ".join(tokens).replace(" ,", ",").replace(" .", ".")


# --- Clause features ----------------------------------------------------------------------------

# Phrases a mutual-assistance clause may use for each element (lower case). The first match wins.
CLAUSE_FEATURES = {
    "trigger": ["state of war"],
    "timing": ["immediately", "without delay", "forthwith"],
    "assistance": ["military and other assistance"],
    "un_article_51": ["article 51"],
    "national_law": ["legislation", "laws", "constitutional"],
}
NOT_IN_COPY = "not in stored copy"


def clause_features(text: str) -> dict[str, str]:
    """Which elements of a mutual-assistance clause a text states, and in what words.

    Each value is the phrase found, ``"absent"`` when a complete text lacks it, or
    ``"not in stored copy"`` when the text is cut off (ends with ``[…]``) and the phrase is not in
    the part we have: the missing part might contain it, so we do not say it is absent.
    """
    lowered = " ".join(tokenize(text)).lower()
    cut = text.rstrip().endswith(GAP)
    found = {}
    for feature, phrases in CLAUSE_FEATURES.items():
        hit = next((p for p in phrases if re.search(rf"\b{re.escape(p)}\b", lowered)), None)
        found[feature] = hit or (NOT_IN_COPY if cut else "absent")
    return found


# --- for readers ----------------------------------------------------------------------------------

READER_NAMES = {"op": "Change", "label": "Agency", "rendering": "Rendering", "translated_from": "Translated from",
                "published": "Published", "cut_off": "Cut off", "source": "Source", "known_as": "Held as",
                "rows": "Provisions", "un_article_51": "UN Charter Art. 51"}
CUT_OFF = {"none": "no", "start": "at the start", "end": "at the end"}
STAT_NAMES = {"shared_words": "Words shared", "only_in_a": "Words only in {a}", "only_in_b": "Words only in {b}",
              "beyond_gap": "Words beyond a cut-off", "shared_share": "Share of words shared"}


def for_readers(frame: pd.DataFrame, index: str | None = None):
    """A table of texts, clause features, similarities or :func:`changes` as the page shows it.

    ``index`` names the row labels when they say what the rows are (``similarity_matrix``'s texts).
    """
    return readers.table(frame, READER_NAMES, {"cut_off": CUT_OFF}, index=index)


def changes_for_readers(diff: pd.DataFrame):
    """:func:`changes` as the page shows it: each change in words, the two texts named."""
    a, b = diff.attrs["a_label"], diff.attrs["b_label"]
    ops = {"replace": "worded differently", "delete": f"only in {a}", "insert": f"only in {b}",
           "gap": "beyond a cut-off"}
    return readers.table(changes(diff), READER_NAMES, {"op": ops})


def stats_for_readers(stats: dict[str, dict], a_label: str, b_label: str, index: str = "Comparison"):
    """:func:`diff_stats` results, one row per named comparison, with the two texts named in the headers."""
    frame = pd.DataFrame.from_dict(stats, orient="index")
    names = {key: name.format(a=a_label, b=b_label) for key, name in STAT_NAMES.items()}
    return readers.table(frame, names, index=index)
