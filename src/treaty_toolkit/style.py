"""The one figure style: colours, marker shapes and their spoken names, and the date axis.

Colours are the Okabe–Ito palette (distinguishable with the common colour-vision deficiencies). Every
figure pairs a colour with a marker shape, so colour is never the only signal, and its alt text names
the shapes with :data:`MARKER_NAMES`.
"""

from __future__ import annotations

OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
}
GREY = "#999999"
REFERENCE_LINE = "#444444"  # vertical lines that mark a dated event (signature, entry into force)
GRID_MAJOR = "#dddddd"
GRID_MINOR = "#f0f0f0"

# Spoken names of the matplotlib markers the figures use, for alt text.
MARKER_NAMES = {"o": "circle", "s": "square", "X": "cross", "D": "diamond", "v": "down triangle",
                "P": "plus", "^": "up triangle", "*": "star"}


def colour(name: str) -> str:
    return OKABE_ITO[name]


def day(date) -> str:
    """A date as people write it: 19 June 2024."""
    return f"{date.day} {date:%B %Y}"


def date_axis(ax) -> None:
    """A readable date x-axis with light grid lines (shared by the timeline and the reactions figures)."""
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.grid(axis="x", color=GRID_MAJOR, linewidth=0.8)
    ax.grid(axis="y", color=GRID_MINOR, linewidth=0.6)
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
