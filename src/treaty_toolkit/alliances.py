"""Compare mutual-defence commitments: a transparent automaticity score, a ranking, a feature chart.

The table ``alliances`` (``data/alliances.csv``) codes one operative article per row on variables modelled
on the ATOP codebook idea. "Automaticity" here means how little the wording leaves to the helper's own
choice once the trigger has happened. The score is a plain weighted sum of coded features, so a student
can recompute it by hand and change the weights to see how the ranking moves:

    score = base
          + strength_point * obligation_strength        (0-3: consult ... shall give military assistance)
          + timing * [a timing word such as "immediately"]
          + constitutional_processes * [flag]            (negative: a domestic decision stands in between)
          + national_law * [flag]                        (negative: domestic law governs the assistance)
          + un_article51 * [flag]                        (negative: tied to self-defence and the Security Council)

A flag left empty in the data ("not verified": the text was cut off) counts as 0 and is reported in the
``unverified`` column, so the uncertainty stays visible.
"""

from __future__ import annotations

import pandas as pd

from . import readers
from .style import GREY, GRID_MAJOR, colour

# Why these weights: the strength of the promise matters most (up to 6 points); a timing word removes the
# choice of *when* (2); routing the decision through constitutional processes is the classic US formula
# that keeps Congress in the loop (-2); national-law and UN Article 51 clauses add legal conditions (-1
# each). The base of 4 keeps every possible score at 0 or above (the maximum is 12).
DEFAULT_WEIGHTS: dict[str, float] = {
    "base": 4,
    "strength_point": 2,
    "timing": 2,
    "constitutional_processes": -2,
    "national_law": -1,
    "un_article51": -1,
}

STRENGTH_LABELS = {
    0: "consult only",
    1: "act per own processes",
    2: "assist as it deems necessary",
    3: "shall give military assistance",
}

QUALIFIERS = ["constitutional_processes", "national_law", "un_article51"]
REQUIRED_COLUMNS = ["commitment_id", "obligation_strength", "timing_word", *QUALIFIERS]

# Short row labels for tables and charts.
SHORT_NAMES = {
    "ru_dprk_2024": "Russia–DPRK 2024 Art. 4",
    "ussr_dprk_1961": "USSR–DPRK 1961 Art. 1",
    "prc_dprk_1961": "PRC–DPRK 1961 Art. II",
    "nato_1949": "NATO 1949 Art. 5",
    "us_rok_1953": "US–ROK 1953 Art. III",
    "us_japan_1960": "US–Japan 1960 Art. V",
    "anzus_1951": "ANZUS 1951 Art. IV",
    "rio_1947": "Rio Treaty 1947 Art. 3",
    "us_phil_1951": "US–Philippines 1951 Art. IV",
    "warsaw_1955": "Warsaw Pact 1955 Art. 4",
    "csto_1992": "CSTO 1992 Art. 4",
}


def short_name(row: pd.Series) -> str:
    """A compact label: the known short name, else treaty + article."""
    return SHORT_NAMES.get(row["commitment_id"], f"{row['treaty']} {row['article']}")


def _check(alliances: pd.DataFrame, weights: dict[str, float]) -> None:
    """Fail fast, naming the row and field, on data the score cannot use."""
    missing = [column for column in REQUIRED_COLUMNS if column not in alliances.columns]
    if missing:
        raise ValueError(f"alliances table lacks column(s): {', '.join(missing)}")
    unknown = set(weights) - set(DEFAULT_WEIGHTS)
    if unknown or set(DEFAULT_WEIGHTS) - set(weights):
        raise ValueError(f"weights must have exactly the keys {sorted(DEFAULT_WEIGHTS)}; got {sorted(weights)}")
    for _, row in alliances.iterrows():
        strength = row["obligation_strength"]
        if pd.isna(strength) or int(strength) not in STRENGTH_LABELS:
            raise ValueError(f"row {row['commitment_id']!r}, field 'obligation_strength': {strength!r} is not 0-3")
        if pd.isna(row["timing_word"]):
            raise ValueError(f"row {row['commitment_id']!r}, field 'timing_word': empty (use 'none')")
        for flag in QUALIFIERS:
            if not pd.isna(row[flag]) and int(row[flag]) not in (0, 1):
                raise ValueError(f"row {row['commitment_id']!r}, field {flag!r}: {row[flag]!r} is not 0 or 1")


def score_components(alliances: pd.DataFrame, weights: dict[str, float] | None = None) -> pd.DataFrame:
    """Points each feature contributes, one row per commitment, plus ``score`` and ``unverified``.

    ``unverified`` lists the qualifier flags left empty in the data (counted as 0 points).
    """
    weights = dict(DEFAULT_WEIGHTS if weights is None else weights)
    _check(alliances, weights)
    flags = alliances[QUALIFIERS].astype("Float64")
    parts = pd.DataFrame(index=alliances.index)
    parts["commitment_id"] = alliances["commitment_id"]
    parts["base"] = float(weights["base"])
    parts["strength"] = weights["strength_point"] * alliances["obligation_strength"].astype(float)
    parts["timing"] = weights["timing"] * (alliances["timing_word"].astype(str) != "none").astype(float)
    for flag in QUALIFIERS:
        # "+ 0.0" turns the -0.0 of a negative weight times 0 into a plain 0.0 for display.
        parts[flag] = weights[flag] * flags[flag].fillna(0).astype(float) + 0.0
    parts["score"] = parts[["base", "strength", "timing", *QUALIFIERS]].sum(axis=1)
    parts["unverified"] = flags.isna().apply(lambda row: ", ".join(row.index[row]), axis=1)
    return parts


def automaticity_scores(alliances: pd.DataFrame, weights: dict[str, float] | None = None) -> pd.Series:
    """The automaticity score of each commitment, indexed by ``commitment_id``."""
    parts = score_components(alliances, weights)
    return parts.set_index("commitment_id")["score"]


def ranking_table(alliances: pd.DataFrame, weights: dict[str, float] | None = None) -> pd.DataFrame:
    """Commitments from most to least automatic, with the features behind each score.

    Ties share a rank (``min`` method: two firsts, then third); within a tie the order is by signing year.
    """
    parts = score_components(alliances, weights)
    table = pd.DataFrame(
        {
            "commitment": alliances.apply(short_name, axis=1),
            "strength": alliances["obligation_strength"].astype(int).map(STRENGTH_LABELS),
            "timing_word": alliances["timing_word"].astype(str),
            "qualifiers": alliances[QUALIFIERS].apply(_qualifier_text, axis=1),
            "score": parts["score"],
            "unverified": parts["unverified"],
            "signed_year": alliances["signed_year"].astype(int),
            "commitment_id": alliances["commitment_id"],
        }
    )
    table = table.sort_values(["score", "signed_year"], ascending=[False, True])
    table.insert(0, "rank", table["score"].rank(method="min", ascending=False).astype(int))
    return table.reset_index(drop=True)


def _qualifier_text(flags: pd.Series) -> str:
    """'constitutional processes; UN Art. 51' etc.; '?' marks a flag that was not verified."""
    names = {"constitutional_processes": "constitutional processes", "national_law": "national law",
             "un_article51": "UN Art. 51"}
    present = [names[flag] for flag in QUALIFIERS if not pd.isna(flags[flag]) and int(flags[flag]) == 1]
    unknown = [names[flag] + " ?" for flag in QUALIFIERS if pd.isna(flags[flag])]
    return "; ".join(present + unknown) or "none"


# --- chart -----------------------------------------------------------------------------------------

# Okabe-Ito colours (colour-blind safe). Every cell also carries a marker shape and a text label, so the
# chart reads the same in greyscale.
_MORE_AUTOMATIC = (colour("blue"), "o")  # blue filled circle: the feature adds automaticity
_QUALIFIER = (colour("vermillion"), "s")  # vermillion square: a qualifier that leaves room for choice
_ABSENT = (GREY, "_")  # grey dash: feature absent
_UNKNOWN = (colour("black"), "$?$")  # black question mark: not verified

FEATURE_COLUMNS = ["Strength (0–3)", "Timing word", "Const. processes", "National law", "UN Art. 51", "Score"]


def feature_cells(alliances: pd.DataFrame, weights: dict[str, float] | None = None) -> pd.DataFrame:
    """The chart's content as a table: one row per commitment (most automatic first), one text cell per
    feature. Useful on its own as the text alternative to the chart."""
    ranked = ranking_table(alliances, weights)
    by_id = alliances.set_index("commitment_id")
    rows = []
    for _, entry in ranked.iterrows():
        source = by_id.loc[entry["commitment_id"]]
        cells = {
            "commitment": entry["commitment"],
            "Strength (0–3)": str(int(source["obligation_strength"])),
            "Timing word": str(source["timing_word"]),
        }
        for flag, column in zip(QUALIFIERS, ["Const. processes", "National law", "UN Art. 51"]):
            cells[column] = "?" if pd.isna(source[flag]) else ("yes" if int(source[flag]) == 1 else "no")
        cells["Score"] = f"{entry['score']:g}"
        rows.append(cells)
    return pd.DataFrame(rows, columns=["commitment", *FEATURE_COLUMNS])


def _cell_style(column: str, text: str) -> tuple[str, str]:
    if text == "?":
        return _UNKNOWN
    if column == "Strength (0–3)":
        # 3 = dark filled circle, 2 = light circle, 1 = small light dot, 0 = dash.
        return {3: _MORE_AUTOMATIC, 2: (colour("sky blue"), "o"), 1: (colour("sky blue"), "."), 0: _ABSENT}[int(text)]
    if column == "Timing word":
        return _ABSENT if text == "none" else _MORE_AUTOMATIC
    if column == "Score":
        return (colour("black"), "D")
    return _QUALIFIER if text == "yes" else _ABSENT


def plot_feature_chart(alliances: pd.DataFrame, weights: dict[str, float] | None = None, ax=None):
    """Dot chart of the coded features, most automatic commitment at the top.

    Each cell shows a marker (shape and colour by meaning) and its value as text. Returns the figure.
    """
    cells = feature_cells(alliances, weights)
    if ax is None:
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(figsize=(10, 0.55 * len(cells) + 1.8))
    else:
        fig = ax.figure
    n_rows = len(cells)
    for i, (_, row) in enumerate(cells.iterrows()):
        y = n_rows - 1 - i  # first (most automatic) row at the top
        for x, column in enumerate(FEATURE_COLUMNS):
            cell_colour, marker = _cell_style(column, row[column])
            ax.scatter(x, y, s=140, color=cell_colour, marker=marker, zorder=3)
            ax.annotate(row[column], (x, y), xytext=(10, 0), textcoords="offset points", va="center", fontsize=9)
    ax.set_xticks(range(len(FEATURE_COLUMNS)), FEATURE_COLUMNS, fontsize=9)
    ax.xaxis.tick_top()
    ax.set_yticks(range(n_rows), list(cells["commitment"])[::-1], fontsize=9)
    ax.set_xlim(-0.5, len(FEATURE_COLUMNS) - 0.1)
    ax.set_ylim(-0.8, n_rows - 0.4)
    ax.grid(axis="y", color=GRID_MAJOR, zorder=0)
    for side in ("right", "bottom", "left"):
        ax.spines[side].set_visible(False)
    ax.set_xlabel(
        "circle = adds automaticity · square = qualifier that leaves room for choice · dash = absent · ? = not verified",
        fontsize=8,
    )
    ax.set_title("Mutual-defence commitments, most automatic first", pad=28, fontsize=11)
    fig.tight_layout()
    return fig


def alt_text(alliances: pd.DataFrame, weights: dict[str, float] | None = None) -> str:
    """A one-paragraph text alternative for the chart, generated from the same data."""
    ranked = ranking_table(alliances, weights)
    order = "; ".join(f"{row.commitment} {row.score:g}" for row in ranked.itertuples())
    return (
        f"Dot chart of {len(ranked)} mutual-defence commitments and their coded features (obligation "
        f"strength, timing word, constitutional processes, national law, UN Article 51), ordered by "
        f"automaticity score out of 12: {order}."
    )


# --- for readers ----------------------------------------------------------------------------------

READER_NAMES = {"commitment_id": "Commitment", "commitment": "Commitment", "signed_year": "Signed",
                "geographic_scope": "Scope", "obligation_strength": "Strength", "timing_word": "Timing word",
                "constitutional_processes": "Constitutional processes", "un_article51": "UN Charter Art. 51",
                "wording_kind": "Wording held", "national_law": "National law", "qualifier": "Qualifier", "list": "Commitments", "count": "Commitments (number)"}
CODES = {"armed_attack_state_of_war": "armed attack and state of war", "named_territory": "named territory",
         "renewable_term": "renewable term"}


def _code(value) -> str:
    return CODES.get(str(value), str(value).replace("_", " "))


def for_readers(frame: pd.DataFrame, index: str | None = None):
    """A table of commitments (rows of ``alliances``, scores, rankings) as the page shows it.

    Commitment ids become their short names, coded values words, 0/1 flags yes/no.
    """
    values = {"commitment_id": SHORT_NAMES, "qualifier": READER_NAMES, "list": lambda ids: [SHORT_NAMES.get(i, i) for i in ids],
              "obligation_strength": lambda s: STRENGTH_LABELS.get(int(s), s),
              # flags as coded (0/1) read yes/no; in score_components the same columns hold points
              **{flag: {0: "no", 1: "yes"} for flag in QUALIFIERS
                 if flag in frame and not pd.api.types.is_float_dtype(frame[flag])},
              **{column: _code for column in ("trigger", "geographic_scope", "timing_word", "status", "wording_kind")},
              "unverified": lambda text: text.replace("_", " ").replace("un article51", "UN Art. 51")}
    return readers.table(frame, READER_NAMES, values, index=index)
