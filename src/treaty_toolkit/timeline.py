"""The treaty chronology as a display table, a timeline figure and the figure's alt text.

All functions take the ``events`` DataFrame returned by ``treaty_toolkit.data.load_table("events")``.
Every number shown (days between events, which report came first) is computed from that table.
"""

from __future__ import annotations

import pandas as pd

from treaty_toolkit.data import split_sources
from treaty_toolkit.style import MARKER_NAMES, REFERENCE_LINE, colour, date_axis, day

from . import readers

SIGNATURE = "treaty-signed"
ENTRY_INTO_FORCE = "entry-into-force"
DEPLOYMENT = "deployment"

# Okabe–Ito colours (safe for the common colour-vision deficiencies), and a different marker shape for
# every category so that colour is never the only signal.
CATEGORY_STYLE: dict[str, tuple[str, str]] = {
    "earlier-treaty": (colour("black"), "P"),
    "diplomacy": (colour("sky blue"), "o"),
    "treaty": (colour("blue"), "s"),
    "ratification": (colour("bluish green"), "D"),
    "deployment": (colour("vermillion"), "^"),
    "acknowledgement": (colour("reddish purple"), "v"),
}


# --- dates and intervals ------------------------------------------------------------------------


def format_when(event: pd.Series) -> str:
    """The event's date at its known precision; a range for disputed or spread-out dates."""
    precision = event["date_precision"]
    formats = {"day": day, "month": lambda d: f"{d:%B %Y}", "year": lambda d: f"{d:%Y}"}
    text = formats[precision](event["date"])
    if pd.notna(event["date_end"]):
        text += "–" + formats[precision](event["date_end"])
    if event["status"] == "disputed":
        text += " (disputed)"
    return text


def event_row(events: pd.DataFrame, event_id: str) -> pd.Series:
    matches = events[events["event_id"] == event_id]
    if len(matches) != 1:
        raise KeyError(f"expected one event with id {event_id!r}, found {len(matches)}")
    return matches.iloc[0]


def days_between(events: pd.DataFrame, first_id: str, second_id: str) -> int:
    """Days from the first event to the second (negative if the second came earlier)."""
    return int((event_row(events, second_id)["date"] - event_row(events, first_id)["date"]).days)


def first_deployment_report(events: pd.DataFrame) -> pd.Series:
    """The earliest event in the deployment category."""
    deployments = events[events["category"] == DEPLOYMENT].sort_values("date")
    if deployments.empty:
        raise ValueError("no deployment events in the table")
    return deployments.iloc[0]


def deployment_lead_days(events: pd.DataFrame) -> int:
    """How many days before entry into force the first deployment report came."""
    return days_between(events, first_deployment_report(events)["event_id"], ENTRY_INTO_FORCE)


# --- table --------------------------------------------------------------------------------------


# The road to the treaty and the deployment, which chapter 1 tells: these categories, up to the day both
# parties had acknowledged the deployment. What followed is on the page about what changed after entry
# into force.
CORE_CATEGORIES = tuple(CATEGORY_STYLE)
ACKNOWLEDGEMENTS = ("russia-acknowledges", "dprk-acknowledges")


def road_to_treaty(events: pd.DataFrame) -> pd.DataFrame:
    """Chapter 1's events: the core categories, up to the later of the two acknowledgements."""
    end = events[events["event_id"].isin(ACKNOWLEDGEMENTS)]["date"].max()
    core = events["category"].astype(str).isin(CORE_CATEGORIES)
    return events[core & (events["date"] <= end)].reset_index(drop=True)


def chronology_table(events: pd.DataFrame, since: str | None = None,
                     categories: tuple[str, ...] | None = None) -> pd.DataFrame:
    """A tidy table for display: one row per event, earliest first, with its sources."""
    shown = select_events(events, since, categories)
    table = pd.DataFrame(
        {
            "date": shown.apply(format_when, axis=1),
            "event": shown["event"],
            "actor": shown["actor"],
            "sources": shown.apply(lambda e: ", ".join([e["source"], *split_sources(e["other_sources"])]), axis=1),
        }
    )
    return table.reset_index(drop=True)


def select_events(events: pd.DataFrame, since: str | None,
                  categories: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Events on or after ``since`` in ``categories`` (None: every category), earliest first."""
    shown = events if since is None else events[events["date"] >= pd.Timestamp(since)]
    if categories is not None:
        shown = shown[shown["category"].astype(str).isin(categories)]
    return shown.sort_values(["date", "event_id"])


# --- figure -------------------------------------------------------------------------------------


def timeline_figure(events: pd.DataFrame, since: str | None = None, width: float = 10.0):
    """One row per event (earliest at the top) against a date axis.

    Markers differ by shape and colour per category; entry into force and the first deployment report
    are marked with labelled vertical lines and the gap between them is hatched and annotated.
    """
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

    shown = select_events(events, since).reset_index(drop=True)
    rows = len(shown)
    figure = Figure(figsize=(width, 1.9 + 0.42 * rows), layout="constrained")
    ax = figure.add_subplot()
    y = rows - 1 - shown.index.to_numpy()  # earliest event on the top row

    for category, (category_colour, marker) in CATEGORY_STYLE.items():
        mask = (shown["category"] == category).to_numpy()
        if mask.any():
            ax.scatter(shown["date"][mask], y[mask], s=90, color=category_colour, marker=marker,
                       edgecolor="white", linewidth=0.8, zorder=3, label=category.replace("-", " "))
    ranges = shown["date_end"].notna().to_numpy()
    if ranges.any():  # a date range is drawn as a bar from start to end
        ax.hlines(y[ranges], shown["date"][ranges], shown["date_end"][ranges], color="#000000", linewidth=3)

    ax.set_yticks(y, [f"{label}  ({when})" for label, when in zip(shown["label"], shown.apply(_short_when, axis=1))])
    ax.set_ylim(-0.8, rows - 0.2)
    date_axis(ax)

    _mark_gap(ax, events, shown, rows)

    handles, labels = ax.get_legend_handles_labels()
    handles.append(Line2D([], [], color=REFERENCE_LINE, linestyle="--", linewidth=1.5))
    labels.append("entry into force")
    ax.legend(handles, labels, title="Category", loc="lower left", frameon=True, fontsize=9, title_fontsize=9)
    ax.set_xlabel("Date")
    ax.set_title("The 2024 DPRK–Russia treaty and the troop deployment", loc="left", fontsize=12)
    return figure


def _short_when(event: pd.Series) -> str:
    """Compact date for axis labels (the label itself says whether a date is disputed)."""
    if event["date_precision"] == "day" and pd.isna(event["date_end"]):
        return f"{event['date'].day} {event['date']:%b %Y}"
    return format_when(event).removesuffix(" (disputed)")


def _mark_gap(ax, events: pd.DataFrame, shown: pd.DataFrame, rows: int) -> None:
    """Mark entry into force and the first deployment report, and the days between them."""
    in_force = event_row(events, ENTRY_INTO_FORCE)["date"]
    first = first_deployment_report(events)
    if first["event_id"] not in set(shown["event_id"]) or in_force < shown["date"].min():
        return
    import matplotlib.dates as mdates

    ax.axvline(in_force, color=REFERENCE_LINE, linestyle="--", linewidth=1.5, zorder=2)
    ax.axvline(first["date"], color="#D55E00", linestyle=":", linewidth=1.5, zorder=2)
    ax.axvspan(first["date"], in_force, facecolor="#D55E00", alpha=0.08, hatch="//", edgecolor="#D55E00", linewidth=0)
    days = deployment_lead_days(events)
    # Centre the note on the gap unless the gap sits near the right edge; then end it at the gap.
    middle = first["date"] + (in_force - first["date"]) / 2
    left, right = ax.get_xlim()
    near_edge = (mdates.date2num(middle) - left) / (right - left) > 0.75
    ax.annotate(
        f"First troop report {days} days\nbefore entry into force",
        xy=(in_force if near_edge else middle, rows - 0.5),
        ha="right" if near_edge else "center", va="top", fontsize=9, color="#8a3300",
        bbox={"boxstyle": "round,pad=0.3", "facecolor": "white", "edgecolor": "#D55E00"},
    )


# --- alt text -----------------------------------------------------------------------------------


def timeline_alt_text(events: pd.DataFrame, since: str | None = None) -> str:
    """A short description of :func:`timeline_figure` for screen readers, built from the data."""
    shown = select_events(events, since)
    counts = shown["category"].value_counts(sort=False)
    categories = ", ".join(
        f"{category.replace('-', ' ')} ({counts[category]}, {_shape_name(category)})"
        for category in CATEGORY_STYLE
        if counts.get(category, 0)
    )
    signed, in_force = event_row(events, SIGNATURE), event_row(events, ENTRY_INTO_FORCE)
    first = first_deployment_report(events)
    acknowledgements = shown[shown["category"] == "acknowledgement"]
    parts = [
        f"Timeline of {len(shown)} events from {day(shown['date'].min())} to {day(shown['date'].max())}, "
        "one row per event with the earliest at the top.",
        f"Marker shapes and colours show the category: {categories}.",
        f"The treaty was signed on {day(signed['date'])} and entered into force on {day(in_force['date'])}, "
        f"{days_between(events, SIGNATURE, ENTRY_INTO_FORCE)} days later (dashed line).",
        f"The first report of North Korean troops in Russia ({first['actor']}, {day(first['date'])}, dotted line) "
        f"came {deployment_lead_days(events)} days before entry into force; the gap is hatched.",
    ]
    if not acknowledgements.empty:
        listed = "; ".join(f"{a['actor']} on {day(a['date'])}" for _, a in acknowledgements.iterrows())
        parts.append(f"Official acknowledgements of the deployment: {listed}.")
    return " ".join(parts)


def _shape_name(category: str) -> str:
    return MARKER_NAMES[CATEGORY_STYLE[category][1]]


# --- for readers --------------------------------------------------------------------------------

READER_NAMES = {"date": "Date", "event": "Event", "actor": "Actor", "sources": "Sources", "label": "Event",
                "days_since_previous": "Days since the previous step"}


def for_readers(frame: pd.DataFrame):
    """A table of events (``chronology_table`` or rows of ``events``) as the page shows it."""
    return readers.table(frame, READER_NAMES)
