"""Official reactions to the treaty: who said what, when, and how fast.

All functions take the ``reactions`` DataFrame returned by ``treaty_toolkit.data.load_table("reactions")``
(one row per documented statement, policy, sanction, protest, vote, agreement or report, each with a
source key). The chronology's own dates (signature, entry into force) come from the ``events`` table
through :mod:`treaty_toolkit.timeline`, so no date is typed twice.

- :func:`first_reactions` — each actor's first reaction on or after a date, with the delay in days;
- :func:`counts_by_kind` — a crosstab of actors against kinds of reaction;
- :func:`side_by_side` — each actor's framing of the same events, one column per actor;
- :func:`perspectives_table` — the book's "perspectives" table: first and latest position per actor,
  with a flag where the latest predates the government now in office; :func:`perspectives_cited` shows it;
- :func:`reaction_timeline_figure` / :func:`reaction_timeline_alt_text` — a dot timeline per actor.
"""

from __future__ import annotations

import pandas as pd

from treaty_toolkit.cited import Cite, Em, Strong, cited, keys_of
from treaty_toolkit.data import split_sources
from treaty_toolkit.style import MARKER_NAMES, REFERENCE_LINE, colour, date_axis, day
from treaty_toolkit.timeline import ENTRY_INTO_FORCE, SIGNATURE, event_row

from . import readers

# The governments and organisations of the perspectives table, in the order the book discusses them.
PERSPECTIVE_ACTORS = ["DPRK", "Russia", "ROK", "Japan", "US", "China", "NATO", "Ukraine"]
# Topics that are positions on the treaty and on what followed it: the deployment and its acknowledgement,
# the treaty's implementation and anniversaries, the war dead and prisoners, munitions, sanctions monitoring,
# denuclearisation and talks with Pyongyang. Left out: background policy (defence budgets, deterrence), other
# disputes (Japan-China, ROK-Japan), the US-Russia-Ukraine peace talks, intelligence assessments of
# technology transfer, and `alliance`, which mixes the DPRK-Russia alliance wording with US-ROK alliance business.
PERSPECTIVE_TOPICS = ["signature", "troops", "ratification", "entry-into-force", "acknowledgement",
                      "sanctions-monitoring", "implementation", "anniversary", "commemoration", "prisoners",
                      "munitions", "denuclearisation", "dialogue"]
# Where a government changed after the signature: the event (in ``events``) at which the one now in office
# took over. A latest position dated before it is flagged, never shown as the current government's view.
GOVERNMENT_CHANGES = {"ROK": "lee-inaugurated", "Japan": "takaichi-pm"}

# The governments and topics of chapter 8's framings table (notebook ``framings``).
FRAMING_ACTORS = ["US", "Russia", "DPRK", "China", "Ukraine"]
FRAMING_TOPICS = ["signature", "troops", "panel-veto", "sanctions-monitoring", "acknowledgement", "alliance",
                  "denuclearisation"]

# Okabe–Ito colours plus a distinct marker per kind, so colour is never the only signal.
KIND_STYLE: dict[str, tuple[str, str]] = {
    "statement": (colour("blue"), "o"),
    "policy": (colour("bluish green"), "s"),
    "sanction": (colour("vermillion"), "X"),
    "protest": (colour("orange"), "D"),
    "vote": (colour("reddish purple"), "v"),
    "agreement": (colour("sky blue"), "P"),
    "report": (colour("black"), "^"),
    "legislation": (colour("yellow"), "*"),
}


def _observed(values: pd.Series, wanted: list[str] | None) -> list[str]:
    """Names in the order of ``wanted`` (else the schema's category order), keeping only those present."""
    present = set(values.astype(str))
    if wanted is not None:
        order = wanted
    elif isinstance(values.dtype, pd.CategoricalDtype):
        order = [str(category) for category in values.cat.categories]
    else:
        order = sorted(present)
    return [name for name in order if name in present]


# --- tables -------------------------------------------------------------------------------------


def first_reactions(reactions: pd.DataFrame, after: pd.Timestamp | str,
                    actors: list[str] | None = None) -> pd.DataFrame:
    """Each actor's earliest reaction dated on or after ``after``, earliest first.

    Columns: actor, date, days_after (whole days from ``after``), speaker, kind, summary, source.
    Actors with no reaction in that period are left out. Ties on the same day keep the
    alphabetically first ``reaction_id`` so the result does not depend on row order.
    """
    after = pd.Timestamp(after)
    shown = reactions[reactions["date"] >= after]
    if actors is not None:
        shown = shown[shown["actor"].astype(str).isin(actors)]
    firsts = (shown.sort_values(["date", "reaction_id"])
              .groupby(shown["actor"].astype(str), sort=False).head(1)
              .sort_values(["date", "reaction_id"]))
    table = firsts[["actor", "date", "speaker", "kind", "summary", "source"]].copy()
    table["actor"] = table["actor"].astype(str)
    table["kind"] = table["kind"].astype(str)
    table.insert(2, "days_after", (table["date"] - after).dt.days.astype(int))
    return table.reset_index(drop=True)


def counts_by_kind(reactions: pd.DataFrame, actors: list[str] | None = None) -> pd.DataFrame:
    """Number of reactions per actor (rows) and kind (columns), with a ``total`` column.

    Rows and columns follow the schema's order; kinds no actor used are dropped.
    """
    shown = reactions if actors is None else reactions[reactions["actor"].astype(str).isin(actors)]
    table = pd.crosstab(shown["actor"].astype(str), shown["kind"].astype(str))
    table = table.reindex(index=_observed(shown["actor"], actors), columns=_observed(shown["kind"], None))
    table["total"] = table.sum(axis=1)
    table.index.name, table.columns.name = "actor", None
    return table


def side_by_side(reactions: pd.DataFrame, actors: list[str], topics: list[str]) -> pd.DataFrame:
    """How each actor framed each topic: one row per topic, one column per actor.

    A cell holds every reaction of that actor on that topic, earliest first, as
    "D Month YYYY: summary [@source; @other sources]" joined by line breaks (``[@key]``: a citation when the table is shown
    with :func:`treaty_toolkit.cited.cited`); empty if the actor said nothing on record.
    """
    shown = reactions[reactions["actor"].astype(str).isin(actors) & reactions["topic"].astype(str).isin(topics)]
    cells = {(topic, actor): [] for topic in topics for actor in actors}
    for _, row in shown.sort_values(["date", "reaction_id"]).iterrows():
        cells[(str(row["topic"]), str(row["actor"]))].append(f"{day(row['date'])}: {row['summary']} [@{'; @'.join(_cited(row))}]")
    table = pd.DataFrame([[("\n".join(cells[(topic, actor)])) for actor in actors] for topic in topics],
                         index=pd.Index(topics, name="topic"), columns=actors)
    return table


def perspectives_table(reactions: pd.DataFrame, events: pd.DataFrame, actors: list[str] = PERSPECTIVE_ACTORS,
                       topics: list[str] = PERSPECTIVE_TOPICS,
                       government_changes: dict[str, str] = GOVERNMENT_CHANGES) -> pd.DataFrame:
    """First documented reaction after the signature and latest documented reaction, per actor.

    Only reactions on ``topics`` count (background policy such as budgets is left out).
    One row per actor in ``actors`` (each must have at least one such reaction after the signature).
    The positions are the table's own summaries; a verbatim quote, where the row has one, is added
    in quotation marks. ``sources`` lists the source keys behind the two cells; ``first_cited`` and
    ``latest_cited`` each cell's source and other sources (joined by ``;``).

    ``government_changes`` maps an actor to the event id at which its present government took office;
    ``government_since`` holds that date (else NaT) and ``latest_predates_government`` is True when the
    latest position on record is older, i.e. it was stated by the previous government. A change whose
    event is not in ``events`` is not applied (the test on the real data checks that both are there).
    """
    signed = event_row(events, SIGNATURE)["date"]
    known_events = set(events["event_id"].astype(str))  # a change missing from ``events`` is not applied
    after = reactions[(reactions["date"] >= signed) & reactions["topic"].astype(str).isin(topics)]
    rows = []
    for actor in actors:
        own = after[after["actor"].astype(str) == actor].sort_values(["date", "reaction_id"])
        if own.empty:
            raise ValueError(f"no reaction by {actor!r} on or after the signature ({day(signed)})")
        first, latest = own.iloc[0], own.iloc[-1]
        change = government_changes.get(actor)
        since = event_row(events, change)["date"] if change in known_events else pd.NaT
        rows.append({
            "actor": actor,
            "first_date": first["date"],
            "first_position": _position(first),
            "latest_date": latest["date"],
            "latest_position": _position(latest) if latest["reaction_id"] != first["reaction_id"] else "(same as first)",
            "first_source": first["source"],
            "latest_source": latest["source"],
            "sources": ", ".join(dict.fromkeys([first["source"], latest["source"]])),
            "first_cited": "; ".join(_cited(first)),
            "latest_cited": "; ".join(_cited(latest)),
            "government_since": since,
            "latest_predates_government": bool(pd.notna(since) and latest["date"] < since),
        })
    return pd.DataFrame(rows)


def _cited(reaction: pd.Series) -> list[str]:
    """The reaction's source, then its other sources (where the table has them)."""
    return [reaction["source"], *split_sources(reaction.get("other_sources"))]


def _position(reaction: pd.Series) -> str:
    text = f"{reaction['speaker']}: {reaction['summary']}"
    if pd.notna(reaction["quote"]) and str(reaction["quote"]).strip():
        text += f" (“{reaction['quote']}”)"
    return text


def perspectives_cited(table: pd.DataFrame, keyprefix: str = ""):
    """The perspectives table for display: one row per actor (a row header), each cell closed by its
    citation (see :func:`treaty_toolkit.cited.cited`; ``keyprefix`` is the page's reference list's).

    A latest position stated before the present government took office says so in its cell.
    """
    rows = []
    for _, row in table.iterrows():
        cells = {}
        for when, column in (("first", "First reaction after signature"), ("latest", "Latest documented position")):
            cell = [Strong(day(row[when + "_date"])), f" — {row[when + '_position']} ", Cite(tuple(keys_of(row[when + "_cited"])))]
            if when == "latest" and row.get("latest_predates_government", False):
                cell += [" ", Em(f"Stated before the present government took office ({day(row['government_since'])}); "
                                 "no later position on these topics is on record here.")]
            cells[column] = cell
        rows.append({"Actor": row["actor"], **cells})
    caption = ("Official positions on the 2024 DPRK–Russia treaty and what followed, from data/reactions.csv. "
               "Summaries are paraphrases; text in quotation marks is verbatim from the source cited in the cell.")
    return cited(pd.DataFrame(rows).set_index("Actor"), keyprefix=keyprefix, caption=caption)


# --- figure -------------------------------------------------------------------------------------


def reaction_timeline_figure(reactions: pd.DataFrame, events: pd.DataFrame, actors: list[str] | None = None,
                             since: str | None = None, width: float = 10.0):
    """One row per actor, one marker per reaction (shape and colour by kind), against a date axis.

    Dashed vertical lines mark the treaty's signature and entry into force (from ``events``).
    """
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    shown = reactions if since is None else reactions[reactions["date"] >= pd.Timestamp(since)]
    rows = _observed(shown["actor"], actors)
    shown = shown[shown["actor"].astype(str).isin(rows)]
    figure = Figure(figsize=(width, 1.8 + 0.5 * len(rows)), layout="constrained")
    ax = figure.add_subplot()
    y_of = {actor: len(rows) - 1 - i for i, actor in enumerate(rows)}  # first actor on the top row
    y = shown["actor"].astype(str).map(y_of)

    for index, (kind, (kind_colour, marker)) in enumerate(KIND_STYLE.items()):
        mask = (shown["kind"].astype(str) == kind).to_numpy()
        if mask.any():
            # A small vertical offset per kind keeps same-day reactions of different kinds visible.
            offset = (index - (len(KIND_STYLE) - 1) / 2) * 0.07
            ax.scatter(shown["date"][mask], y[mask] + offset, s=80, color=kind_colour, marker=marker, edgecolor="white",
                       linewidth=0.7, alpha=0.9, zorder=3, label=kind)

    for event_id, style in ((SIGNATURE, "--"), (ENTRY_INTO_FORCE, ":")):
        ax.axvline(event_row(events, event_id)["date"], color=REFERENCE_LINE, linestyle=style, linewidth=1.4, zorder=2)
    ax.set_yticks(list(y_of.values()), list(y_of.keys()))
    ax.set_ylim(-0.7, len(rows) - 0.3)
    date_axis(ax)

    handles, labels = ax.get_legend_handles_labels()
    handles += [Line2D([], [], color=REFERENCE_LINE, linestyle="--"), Line2D([], [], color=REFERENCE_LINE, linestyle=":")]
    labels += ["signature", "entry into force"]
    ax.legend(handles, labels, title="Kind of reaction", loc="upper left", bbox_to_anchor=(1.01, 1),
              fontsize=9, title_fontsize=9)
    ax.set_xlabel("Date")
    ax.set_title("Documented reactions, by actor", loc="left", fontsize=12)
    return figure


def reaction_timeline_alt_text(reactions: pd.DataFrame, events: pd.DataFrame, actors: list[str] | None = None,
                               since: str | None = None) -> str:
    """A description of :func:`reaction_timeline_figure` for screen readers, built from the data."""
    shown = reactions if since is None else reactions[reactions["date"] >= pd.Timestamp(since)]
    rows = _observed(shown["actor"], actors)
    shown = shown[shown["actor"].astype(str).isin(rows)]
    per_actor = shown["actor"].astype(str).value_counts()
    kinds = shown["kind"].astype(str).value_counts()
    kind_text = ", ".join(f"{kind} ({kinds[kind]}, {MARKER_NAMES[KIND_STYLE[kind][1]]})"
                          for kind in KIND_STYLE if kinds.get(kind, 0))
    signed = event_row(events, SIGNATURE)["date"]
    in_force = event_row(events, ENTRY_INTO_FORCE)["date"]
    return " ".join([
        f"Dot timeline of {len(shown)} documented reactions from {day(shown['date'].min())} to "
        f"{day(shown['date'].max())}, one row per actor: "
        + ", ".join(f"{actor} ({per_actor.get(actor, 0)})" for actor in rows) + ".",
        f"Marker shape and colour show the kind of reaction: {kind_text}.",
        f"A dashed line marks the signature on {day(signed)} and a dotted line the entry into force on "
        f"{day(in_force)}.",
    ])


# --- for readers ----------------------------------------------------------------------------------

READER_NAMES = {"days": "Days after the signature", "days_after": "Days after", "source": "Source"}


def for_readers(frame: pd.DataFrame, index: str | None = None):
    """A table of reactions (rows, counts, first reactions, framings) as the page shows it.

    Topic ids read as words ("panel-veto": "panel veto"); dates as "19 June 2024".
    """
    return readers.table(frame, READER_NAMES, {"topic": lambda topic: str(topic).replace("-", " ")}, index=index)
