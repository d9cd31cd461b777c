"""The chronology table, timeline figure and alt text: everything shown is computed from the data."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from treaty_toolkit.data import load_table
from treaty_toolkit.timeline import (
    CATEGORY_STYLE,
    ENTRY_INTO_FORCE,
    SIGNATURE,
    chronology_table,
    days_between,
    deployment_lead_days,
    first_deployment_report,
    format_when,
    road_to_treaty,
    timeline_alt_text,
    timeline_figure,
)

ROOT = Path(__file__).resolve().parent.parent
SINCE = "2023-01-01"


@pytest.fixture(scope="module")
def events() -> pd.DataFrame:
    return road_to_treaty(load_table("events", ROOT / "data"))


def moved(events: pd.DataFrame, event_id: str, date: str) -> pd.DataFrame:
    """A copy of the events with one event moved to another date."""
    changed = events.copy()
    changed.loc[changed["event_id"] == event_id, "date"] = pd.Timestamp(date)
    return changed


# --- intervals ----------------------------------------------------------------------------------


def test_intervals_come_from_the_data(events):
    assert days_between(events, SIGNATURE, ENTRY_INTO_FORCE) == 168
    assert first_deployment_report(events)["event_id"] == "nis-first-deployment-report"
    assert deployment_lead_days(events) == 47


def test_deployment_gap_follows_the_data(events):
    later = moved(events, "nis-first-deployment-report", "2024-11-01")
    # Austin's 23 October statement is now the first deployment report: 42 days before 4 December.
    assert first_deployment_report(later)["event_id"] == "austin-evidence"
    assert deployment_lead_days(later) == 42


# --- table --------------------------------------------------------------------------------------


def test_chronology_table_is_tidy_sorted_and_sourced(events):
    table = chronology_table(events)
    assert list(table.columns) == ["date", "event", "actor", "sources"]
    assert len(table) == len(events)
    assert table.loc[0, "date"] == "6 July 1961"
    assert "4 December 2024" in set(table["date"])
    assert (table["sources"].str.len() > 0).all()
    assert table[table["event"].str.contains("Instruments of ratification")]["sources"].item() == (
        "tass2024entryintoforce, interfax2024entryintoforce"
    )


def test_disputed_range_is_shown_as_a_range(events):
    disputed = events[events["event_id"] == "ussr-dprk-treaty-ended"].iloc[0]
    assert format_when(disputed) == "1995–1996 (disputed)"


def test_since_filters_the_table(events):
    recent = chronology_table(events, since=SINCE)
    assert len(recent) == (events["date"] >= SINCE).sum()
    assert recent.loc[0, "date"] == "13 September 2023"


# --- figure -------------------------------------------------------------------------------------


def test_figure_has_one_marker_per_event_with_shape_and_colour_per_category(events):
    figure = timeline_figure(events, since=SINCE)
    ax = figure.axes[0]
    shown = events[events["date"] >= SINCE]
    points = sum(len(collection.get_offsets()) for collection in ax.collections if collection.get_label() in
                 {category.replace("-", " ") for category in CATEGORY_STYLE})
    assert points == len(shown)
    colours = {style[0] for style in CATEGORY_STYLE.values()}
    markers = {style[1] for style in CATEGORY_STYLE.values()}
    assert len(colours) == len(markers) == len(CATEGORY_STYLE), "each category needs its own colour AND shape"
    assert len(ax.get_yticklabels()) == len(shown)


def test_legend_names_every_category_shown_and_the_entry_into_force_line(events):
    ax = timeline_figure(events, since=SINCE).axes[0]
    labels = [text.get_text() for text in ax.get_legend().get_texts()]
    shown = events[events["date"] >= SINCE]["category"].unique()
    assert set(labels) == {category.replace("-", " ") for category in shown} | {"entry into force"}


def test_entry_into_force_and_first_deployment_are_marked(events):
    ax = timeline_figure(events, since=SINCE).axes[0]
    vertical = {pd.Timestamp(line.get_xdata()[0]) for line in ax.get_lines()}
    assert {pd.Timestamp("2024-12-04"), pd.Timestamp("2024-10-18")} <= vertical
    notes = [text.get_text() for text in ax.texts]
    assert any("47 days" in note for note in notes)


def test_figure_annotation_follows_the_data(events):
    ax = timeline_figure(moved(events, "nis-first-deployment-report", "2024-11-01"), since=SINCE).axes[0]
    assert any("42 days" in text.get_text() for text in ax.texts)


# --- alt text -----------------------------------------------------------------------------------


def test_alt_text_describes_the_figure_from_the_data(events):
    alt = timeline_alt_text(events, since=SINCE)
    shown = events[events["date"] >= SINCE]
    assert alt.startswith(f"Timeline of {len(shown)} events from 13 September 2023 to 28 April 2025")
    assert "168 days later" in alt and "47 days before entry into force" in alt
    assert "deployment (3, up triangle)" in alt
    assert timeline_alt_text(moved(events, "nis-first-deployment-report", "2024-11-01"), since=SINCE) != alt


def test_notebook_figure_alt_text_matches_the_computed_alt_text():
    """The alt text stored in the notebook's cell metadata is the one the notebook computes and shows (the
    Korean edition translates the figure's alt text through that shown sentence)."""
    notebook = json.loads((ROOT / "chapters" / "01-context" / "timeline.ipynb").read_text(encoding="utf-8"))
    code_cells = [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]
    figure_cells = [cell for cell in code_cells if "image" in cell["metadata"].get("mystnb", {})]
    assert len(figure_cells) == 1
    stored_alt = figure_cells[0]["metadata"]["mystnb"]["image"]["alt"]
    printed = [
        "".join(output["data"]["text/plain"]).strip()
        for cell in code_cells
        for output in cell.get("outputs", [])
        if output.get("output_type") == "execute_result" and "said(timeline_alt_text(" in "".join(cell["source"])
    ]
    assert printed == [stored_alt]


def test_chapter_one_tells_the_road_to_the_acknowledgement():
    everything = load_table("events", ROOT / "data")
    road = road_to_treaty(everything)
    assert set(road["category"].astype(str)) <= set(CATEGORY_STYLE)
    assert road["date"].max() == pd.Timestamp("2025-04-28")
    assert len(road) < len(everything), "later events belong to the page on what changed after entry into force"
