"""Published estimates of North Korea's help to Russia: troops, casualties, containers, shells, missiles.

Two tables hold them (one concept each, no row in both):

- ``shell_estimates``: South Korean capacity-based inferences, each pairing a container count with the
  number of shells those containers could hold (the two numbers come from one calculation, so they share
  a row);
- ``estimates``: every other published figure, one quantity per row (troops, casualties, deaths,
  container counts, other shell figures such as assessments, conversions by weight and analysts'
  ranges, missile launches, and the few figures Russia and the DPRK published about their own side).

:func:`all_estimates` puts both into one long table (one row per figure) so that range plots and
"what was known on date X" questions work on everything at once.

Bounds: an empty ``low`` means the source said "up to"; an empty ``high`` means "more than"/"at least".
"""

from __future__ import annotations

import re

import pandas as pd

from . import readers
from .data import load_table
from .style import GREY, colour

# Who made an estimate, reduced to the government (or group) behind it. The first word of ``who``
# names it, so the mapping is explicit and an unknown prefix fails loudly instead of guessing.
CAMPS = {
    "ROK": "South Korea",
    "Ukraine": "Ukraine",
    "US": "United States",
    "UK": "United Kingdom",
    "Russia": "Russia",
    "DPRK": "North Korea",
    "Western": "Western officials",
    "MSMT": "MSMT (11 states)",
    "Analysis": "Independent analysts",
}

QUANTITY_LABELS = {
    "troops_sent": "North Korean troops sent to Russia",
    "troops_planned": "Troops planned or announced",
    "troops_additional": "Troops in a later wave",
    "casualties": "North Korean casualties (killed and wounded)",
    "killed": "North Korean soldiers killed",
    "containers": "Containers shipped to Russia",
    "shells": "Artillery shells (capacity, assessment or conversion: see method)",
    "ballistic_missiles_launched": "North Korean ballistic missiles launched",
    "troops_present": "North Korean troops in place on a date",
    "engineers_sent": "Engineers (sappers) sent",
    "builders_sent": "Military construction troops sent",
    "explosives_destroyed": "Explosive devices destroyed by North Korean sappers (Russian claim)",
    "border_entries": "Entries to Russia by North Korean citizens (border statistics)",
}

# Okabe-Ito colours (colour-blind safe) and a distinct marker per camp, so colour is never the only cue.
# A light colour gets a dark "edge" for its marker outline, bars and arrows, so it stays visible on white.
STYLE = {
    "South Korea": {"color": colour("blue"), "marker": "o"},
    "Ukraine": {"color": colour("orange"), "marker": "s"},
    "United States": {"color": colour("bluish green"), "marker": "^"},
    "United Kingdom": {"color": colour("reddish purple"), "marker": "D"},
    "Russia": {"color": colour("vermillion"), "marker": "v"},
    "North Korea": {"color": colour("black"), "marker": "P"},
    "Western officials": {"color": colour("sky blue"), "marker": "X"},
    "MSMT (11 states)": {"color": colour("yellow"), "marker": "*", "edge": "#444444"},
    "Independent analysts": {"color": GREY, "marker": "h"},
}

COLUMNS = ["estimate_id", "date", "who", "camp", "quantity", "low", "high", "method", "source", "note"]


def camp_of(who: str) -> str:
    """The government behind an estimate, from the first word of ``who`` ("ROK NIS" -> "South Korea")."""
    first = re.split(r"[\s:]", str(who).strip(), maxsplit=1)[0]
    if first not in CAMPS:
        raise ValueError(f"who={who!r}: starts with {first!r}, not one of {sorted(CAMPS)}")
    return CAMPS[first]


def shells_long(shells: pd.DataFrame) -> pd.DataFrame:
    """The shell table as long rows: one ``containers`` and one ``shells`` row per inference."""
    parts = []
    for quantity in ("containers", "shells"):
        part = shells.rename(columns={f"{quantity}_low": "low", f"{quantity}_high": "high"}).copy()
        part["quantity"] = quantity
        part["estimate_id"] = part["estimate_id"].astype(str)
        parts.append(part[part["low"].notna() | part["high"].notna()])
    return pd.concat(parts, ignore_index=True)


def combine(estimates: pd.DataFrame, shells: pd.DataFrame) -> pd.DataFrame:
    """One long table from the two: adds ``camp``; fails on an estimate id used twice."""
    frame = pd.concat([estimates.assign(quantity=estimates["quantity"].astype(str)), shells_long(shells)],
                      ignore_index=True)
    frame["camp"] = [camp_of(who) for who in frame["who"]]
    frame["low"] = frame["low"].astype("Int64")
    frame["high"] = frame["high"].astype("Int64")
    keys = frame["estimate_id"] + "/" + frame["quantity"]
    if keys.duplicated().any():
        raise ValueError(f"estimate ids used twice for one quantity: {sorted(keys[keys.duplicated()])}")
    missing = frame["low"].isna() & frame["high"].isna()
    if missing.any():
        raise ValueError(f"no low or high bound for: {sorted(frame.loc[missing, 'estimate_id'])}")
    backwards = frame["low"].notna() & frame["high"].notna() & (frame["low"] > frame["high"])
    if backwards.any():
        raise ValueError(f"low > high for: {sorted(frame.loc[backwards, 'estimate_id'])}")
    return frame[COLUMNS].sort_values(["quantity", "date", "estimate_id"], ignore_index=True)


def all_estimates(data_dir=None) -> pd.DataFrame:
    """Every published figure, validated, as one long table (see the module docstring)."""
    return combine(load_table("estimates", data_dir), load_table("shell_estimates", data_dir))


def wording(low, high) -> str:
    """How a source phrased its figure: "about 3,000", "1,000-3,000", "more than 6,000", "up to 4,800,000"."""
    if pd.isna(low):
        return f"up to {int(high):,}"
    if pd.isna(high):
        return f"more than {int(low):,}"
    if low == high:
        return f"about {int(low):,}"
    return f"{int(low):,}-{int(high):,}"


def known_on(frame: pd.DataFrame, quantity: str, date) -> pd.DataFrame:
    """Estimates of ``quantity`` published strictly before ``date``: what an observer could have known."""
    date = pd.Timestamp(date)
    chosen = frame[(frame["quantity"] == quantity) & (frame["date"] < date)]
    return chosen.sort_values("date", ignore_index=True)


def highest_bound(frame: pd.DataFrame) -> int:
    """The largest number any of these estimates states (its high bound, else its low bound)."""
    if frame.empty:
        raise ValueError("no estimates to compare with")
    return int(frame["high"].fillna(frame["low"]).max())


def compare_with_known(value: float, frame: pd.DataFrame, quantity: str, date) -> str:
    """Where a figure stated on ``date`` sits against the estimates published before it.

    Returns "below", "within" or "above" the span from the lowest stated number to the highest; an
    open-ended "more than" estimate at the top means "above" is not ruled out, only unsupported.
    """
    known = known_on(frame, quantity, date)
    lowest = int(known["low"].fillna(known["high"]).min())
    if value < lowest:
        return "below"
    return "within" if value <= highest_bound(known) else "above"


def implied_per_container(shells: pd.DataFrame) -> pd.DataFrame:
    """Shells per container implied by each capacity-based inference (the assumption behind it)."""
    rows = shells.dropna(subset=["containers_low"]).copy()
    rows["shells_bound"] = rows["shells_high"].fillna(rows["shells_low"])
    rows = rows.dropna(subset=["shells_bound"])
    rows["per_container"] = (rows["shells_bound"] / rows["containers_low"]).round().astype(int)
    return rows[["estimate_id", "date", "who", "containers_low", "shells_bound", "per_container"]]


def range_plot(frame: pd.DataFrame, quantities: list[str], *, title: str | None = None,
               mark: tuple[str, str] | None = None):
    """Low-high bars over time, one panel per quantity, marker shape and colour by camp, values labelled.

    A point estimate is a marker; a range is a bar with markers at both ends; "more than" has an arrow
    pointing up from its bound and "up to" an arrow pointing down. ``mark=(date, text)`` draws a dashed
    vertical line, e.g. the date of an interview whose figures are being checked.
    """
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter

    fig, axes = plt.subplots(len(quantities), 1, figsize=(8, 3.4 * len(quantities)), squeeze=False)
    for ax, quantity in zip(axes[:, 0], quantities):
        rows = frame[frame["quantity"] == quantity]
        if rows.empty:
            raise ValueError(f"no estimates for quantity {quantity!r}")
        top = highest_bound(rows)
        labelled = set()
        for i, (_, row) in enumerate(rows.sort_values("date").iterrows()):
            camp = row["camp"]
            # Alternate the value labels above and below the marker so neighbours do not collide.
            _draw_one(ax, row, STYLE[camp], top, label=None if camp in labelled else camp, below=i % 2 == 1)
            labelled.add(camp)
        if mark:
            ax.axvline(pd.Timestamp(mark[0]), color="#555555", linestyle="--", linewidth=1)
            ax.annotate(mark[1], (pd.Timestamp(mark[0]), top * 1.22), xytext=(-4, 0), textcoords="offset points",
                        ha="right", fontsize=8, color="#333333")
        ax.set_title(QUANTITY_LABELS[quantity], fontsize=11, loc="left")
        ax.set_ylim(0, top * 1.3)
        ax.yaxis.set_major_formatter(FuncFormatter(lambda y, _: f"{y:,.0f}"))
        ax.grid(axis="y", linestyle=":", linewidth=0.6)
        ax.legend(loc="upper left", fontsize=8, frameon=False)
        ax.tick_params(axis="x", labelrotation=30, labelsize=8)
    if title:
        fig.suptitle(title, fontsize=12)
    fig.tight_layout()
    return fig


def short(low, high) -> str:
    """A compact value label for a plot: "~3,000", ">6,000", "<=4.8 M", "1,000-3,000"."""
    def number(value) -> str:
        return f"{value / 1e6:g} M" if value >= 1_000_000 else f"{int(value):,}"
    if pd.isna(low):
        return "\u2264" + number(high)
    if pd.isna(high):
        return ">" + number(low)
    return "~" + number(low) if low == high else f"{number(low)}-{number(high)}"


def _draw_one(ax, row, style, top, label, below=False):
    x, low, high = row["date"], row["low"], row["high"]
    kwargs = {"color": style["color"], "marker": style["marker"], "markersize": 7, "linestyle": "none",
              "markeredgecolor": style.get("edge", style["color"])}
    line = style.get("edge", style["color"])  # bars and arrows of a light colour use the dark edge
    arrow = {"arrowstyle": "->", "color": line, "linewidth": 1.4}
    if pd.notna(low) and pd.notna(high):
        ax.plot([x, x], [low, high], color=line, linewidth=2)
        ax.plot([x, x] if low != high else [x], [low, high] if low != high else [low], label=label, **kwargs)
        anchor = high
    elif pd.isna(high):  # "more than low"
        ax.plot([x], [low], label=label, **kwargs)
        ax.annotate("", xy=(x, low + 0.15 * top), xytext=(x, low), arrowprops=arrow)
        anchor = low
    else:  # "up to high"
        ax.plot([x], [high], label=label, **kwargs)
        ax.annotate("", xy=(x, high - 0.15 * top), xytext=(x, high), arrowprops=arrow)
        anchor = high
    ax.annotate(short(low, high), (x, anchor), textcoords="offset points",
                xytext=(6, -11 if below else 4), fontsize=7.5)


# --- for readers ----------------------------------------------------------------------------------

READER_NAMES = {"who": "Who", "wording": "Published figure", "estimate_id": "Estimate",
                "containers_low": "Containers (at least)", "shells_bound": "Shells (bound)",
                "per_container": "Shells per container", "camp": "Government or group"}


def for_readers(frame: pd.DataFrame, index: str | None = None):
    """A table of published figures as the page shows it: quantities by name, dates as dates."""
    return readers.table(frame, READER_NAMES, {"quantity": QUANTITY_LABELS}, index=index)
