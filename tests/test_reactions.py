"""Tests for treaty_toolkit.reactions: small hand-made tables, then the real data/reactions.csv."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from matplotlib.figure import Figure

from treaty_toolkit import reactions as R
from treaty_toolkit.data import load_table


def make_events() -> pd.DataFrame:
    return pd.DataFrame({
        "event_id": ["treaty-signed", "entry-into-force"],
        "date": pd.to_datetime(["2024-06-19", "2024-12-04"]),
    })


def make_reactions(rows: list[tuple]) -> pd.DataFrame:
    columns = ["reaction_id", "date", "actor", "speaker", "topic", "kind", "summary", "quote", "source"]
    frame = pd.DataFrame(rows, columns=columns)
    frame["date"] = pd.to_datetime(frame["date"])
    return frame


SAMPLE = make_reactions([
    ("a-old", "2024-03-28", "Russia", "Envoy", "panel-veto", "vote", "Vetoed.", None, "k1"),
    ("b-rok", "2024-06-21", "ROK", "Vice minister", "signature", "protest", "Summoned <envoy>.", "act responsibly", "k2"),
    ("a-rok", "2024-06-21", "ROK", "Adviser", "signature", "policy", "Reconsiders arms.", None, "k3"),
    ("c-rus", "2024-06-20", "Russia", "President", "signature", "statement", "Nothing new.", None, "k4"),
    ("d-rok", "2024-10-22", "ROK", "Deputy adviser", "troops", "policy", "Phased measures.", None, "k5"),
    ("e-jpn", "2024-12-27", "Japan", "Cabinet", "defence-buildup", "policy", "Budget.", None, "k6"),
    ("f-jpn", "2024-06-20", "Japan", "Spokesman", "signature", "statement", "Concern.", "seriously", "k7"),
])


# --- first_reactions ----------------------------------------------------------------------------


def test_first_reactions_keeps_each_actors_earliest_on_or_after_the_date():
    table = R.first_reactions(SAMPLE, "2024-06-19")
    # Earliest first; Russia and Japan both reacted on 20 June, so the reaction_id ('c-rus' < 'f-jpn') decides.
    assert list(table["actor"]) == ["Russia", "Japan", "ROK"]
    assert list(table["days_after"]) == [1, 1, 2]
    assert "Vetoed." not in set(table["summary"])  # the March veto is before the date


def test_first_reactions_breaks_same_day_ties_by_reaction_id_not_row_order():
    table = R.first_reactions(SAMPLE.iloc[::-1], "2024-06-19", actors=["ROK"])
    assert list(table["speaker"]) == ["Adviser"]  # 'a-rok' sorts before 'b-rok'


def test_first_reactions_actor_filter_and_empty_period():
    assert list(R.first_reactions(SAMPLE, "2024-06-19", actors=["Russia"])["actor"]) == ["Russia"]
    assert R.first_reactions(SAMPLE, "2026-01-01").empty


# --- counts_by_kind -----------------------------------------------------------------------------


def test_counts_by_kind_counts_and_totals():
    table = R.counts_by_kind(SAMPLE)
    assert table.loc["ROK", "policy"] == 2 and table.loc["ROK", "protest"] == 1
    assert table.loc["Japan", "total"] == 2
    assert table["total"].sum() == len(SAMPLE)
    assert "sanction" not in table.columns  # kinds nobody used are dropped


def test_counts_by_kind_follows_the_requested_actor_order():
    table = R.counts_by_kind(SAMPLE, actors=["ROK", "Russia"])
    assert list(table.index) == ["ROK", "Russia"]


# --- side_by_side -------------------------------------------------------------------------------


def test_side_by_side_puts_each_actor_in_its_own_column_in_date_order():
    table = R.side_by_side(SAMPLE, actors=["Russia", "ROK", "China"], topics=["signature", "panel-veto"])
    assert list(table.columns) == ["Russia", "ROK", "China"]
    assert table.loc["signature", "ROK"].split("\n") == [
        "21 June 2024: Reconsiders arms. [@k3]", "21 June 2024: Summoned <envoy>. [@k2]"]
    assert table.loc["panel-veto", "Russia"] == "28 March 2024: Vetoed. [@k1]"
    assert table.loc["signature", "China"] == ""  # silence on record is shown as an empty cell


# --- perspectives -------------------------------------------------------------------------------


def test_perspectives_table_first_and_latest_with_quotes_and_topic_filter():
    table = R.perspectives_table(SAMPLE, make_events(), actors=["ROK", "Japan", "Russia"]).set_index("actor")
    assert table.loc["ROK", "first_position"].startswith("Adviser:")
    assert table.loc["ROK", "latest_date"] == pd.Timestamp("2024-10-22")
    assert table.loc["ROK", "sources"] == "k3, k5"
    # The Japanese budget (defence-buildup) is background, not a reaction: the latest stays the 20 June one.
    assert table.loc["Japan", "latest_position"] == "(same as first)"
    assert "“seriously”" in table.loc["Japan", "first_position"]
    assert table.loc["Russia", "sources"] == "k4"  # the pre-signature veto is not counted


def test_perspectives_table_flags_a_latest_position_older_than_the_government_in_office():
    events = pd.concat([make_events(), pd.DataFrame({"event_id": ["new-cabinet"],
                                                     "date": pd.to_datetime(["2024-11-01"])})], ignore_index=True)
    table = R.perspectives_table(SAMPLE, events, actors=["ROK", "Japan", "Russia"],
                                 government_changes={"ROK": "new-cabinet", "Japan": "new-cabinet"}).set_index("actor")
    # Japan's latest counted position (20 June) predates the new cabinet; ROK's (22 October) does too.
    assert table.loc["Japan", "latest_predates_government"] and table.loc["ROK", "latest_predates_government"]
    assert table.loc["Japan", "government_since"] == pd.Timestamp("2024-11-01")
    assert not table.loc["Russia", "latest_predates_government"] and pd.isna(table.loc["Russia", "government_since"])
    shown = R.perspectives_cited(table.reset_index()).to_markdown()
    assert shown.count("*Stated before the present government took office \\(1 November 2024\\)") == 2
    # With the change dated before the latest position, nothing is flagged.
    early = events.assign(date=events["date"].where(events["event_id"] != "new-cabinet", pd.Timestamp("2024-07-01")))
    table = R.perspectives_table(SAMPLE, early, actors=["ROK"], government_changes={"ROK": "new-cabinet"})
    assert not table.loc[0, "latest_predates_government"]
    assert "Stated before" not in R.perspectives_cited(table).to_markdown()


def test_perspectives_table_fails_fast_naming_an_actor_without_reactions():
    with pytest.raises(ValueError, match="'China'"):
        R.perspectives_table(SAMPLE, make_events(), actors=["ROK", "China"])


def test_perspectives_display_has_a_caption_row_headers_and_a_citation_closing_each_cell():
    table = R.perspectives_table(SAMPLE, make_events(), actors=["ROK"])
    shown = R.perspectives_cited(table, keyprefix="persp-")
    assert shown.caption.startswith("Official positions") and shown.stubs == 1
    assert shown.header == ["Actor", "First reaction after signature", "Latest documented position"]
    markdown = shown.to_markdown()
    assert "* - ROK\n" in markdown
    first, latest = markdown.split("* - ROK\n")[1].splitlines()[:2]
    assert first.startswith("  - **21 June 2024** — ") and first.endswith("{cite:p}`persp-k3`")
    assert latest.startswith("  - **22 October 2024** — ") and latest.endswith("{cite:p}`persp-k5`")


# --- figure ---------------------------------------------------------------------------------------


def test_timeline_figure_has_one_row_per_actor_and_both_reference_lines():
    figure = R.reaction_timeline_figure(SAMPLE, make_events(), actors=["ROK", "Japan"])
    assert isinstance(figure, Figure)
    ax = figure.axes[0]
    rows = {t.get_text(): y for t, y in zip(ax.get_yticklabels(), ax.get_yticks())}
    assert set(rows) == {"ROK", "Japan"} and rows["ROK"] > rows["Japan"]  # first actor on the top row
    assert len(ax.lines) == 2  # signature and entry into force
    labels = ax.get_legend().get_texts()
    assert {"policy", "protest", "statement", "signature", "entry into force"} <= {t.get_text() for t in labels}


def test_alt_text_counts_come_from_the_data():
    text = R.reaction_timeline_alt_text(SAMPLE, make_events(), actors=["ROK", "Japan"])
    assert "5 documented reactions" in text
    assert "ROK (3)" in text and "Japan (2)" in text
    assert "policy (3, square)" in text and "19 June 2024" in text


# --- the real table -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real():
    return load_table("reactions"), load_table("events")


def test_every_perspective_actor_has_a_documented_reaction_after_signature(real):
    reactions, events = real
    table = R.perspectives_table(reactions, events)
    assert list(table["actor"]) == R.PERSPECTIVE_ACTORS
    assert (table["first_date"] >= pd.Timestamp("2024-06-19")).all()


def test_latest_positions_are_never_a_superseded_governments_unflagged(real):
    reactions, events = real
    table = R.perspectives_table(reactions, events).set_index("actor")
    for actor, event_id in R.GOVERNMENT_CHANGES.items():
        since = events.set_index("event_id").loc[event_id, "date"]
        assert table.loc[actor, "government_since"] == since
        assert table.loc[actor, "latest_predates_government"] == (table.loc[actor, "latest_date"] < since), actor
    # Topics used by the framings and perspectives tables exist in the data (a renamed topic would empty them).
    present = set(reactions["topic"].astype(str))
    assert set(R.FRAMING_TOPICS) <= present and set(R.PERSPECTIVE_TOPICS) - {"ratification", "entry-into-force"} <= present
    assert "Ukraine" in R.FRAMING_ACTORS and "Ukraine" in R.PERSPECTIVE_ACTORS


def test_quotes_are_short_and_summaries_are_not_quotes(real):
    reactions, _ = real
    quotes = reactions.dropna(subset=["quote"])
    assert len(quotes) >= 20
    for _, row in quotes.iterrows():
        assert len(row["quote"].split()) <= 20, row["reaction_id"]  # the module's rule: at most 20 words
        assert row["quote"] not in row["summary"], row["reaction_id"]  # summaries are our own words


def test_perspectives_page_cites_every_source_the_table_uses(real, root):
    reactions, events = real
    used = set(", ".join(R.perspectives_table(reactions, events)["sources"]).split(", "))
    page = (root / "chapters" / "perspectives.md").read_text(encoding="utf-8")
    # The page cites with the key prefix of its local bibliography (``persp-``).
    cited = {key.removeprefix("persp-") for group in re.findall(r"\{cite:[pt]\}`([^`]+)`", page)
             for key in group.split(",")}
    assert used <= cited, f"add to the page's source list: {sorted(used - cited)}"


# --- exercise checks and notebook alt text --------------------------------------------------------


def test_reaction_checks_accept_the_right_answer_and_reject_a_wrong_one(real, capsys):
    from treaty_toolkit import checks

    reactions, events = real
    rok = reactions[reactions["actor"] == "ROK"]
    right_kinds = rok["kind"].astype(str).value_counts()
    assert checks.check_kind_counts(right_kinds, "ROK")
    assert not checks.check_kind_counts(right_kinds + 1, "ROK")
    assert not checks.check_kind_counts(None, "ROK")

    firsts = R.first_reactions(reactions, "2024-06-19").set_index("actor")["date"]
    assert checks.check_first_dates(firsts, "2024-06-19")
    assert not checks.check_first_dates(firsts.drop(firsts.index[0]), "2024-06-19")
    assert not checks.check_first_dates(firsts + pd.Timedelta(days=1), "2024-06-19")

    troops = rok[rok["topic"] == "troops"].sort_values("date")
    delays = list((troops["date"] - pd.Timestamp("2024-10-18")).dt.days)
    assert checks.check_delays(delays, "ROK", "troops", "2024-10-18")
    assert not checks.check_delays(delays[::-1], "ROK", "troops", "2024-10-18")

    topics = ["panel-veto", "sanctions-monitoring"]
    counts = reactions[reactions["topic"].isin(topics)]["actor"].astype(str).value_counts()
    assert checks.check_topic_counts(counts, topics)
    assert not checks.check_topic_counts(counts.drop("Russia"), topics)
    printed = capsys.readouterr().out
    assert printed.count("Correct.") == 4 and printed.count("Not yet:") == 6


@pytest.mark.parametrize("path", ["chapters/06-south-korea/reactions.ipynb", "chapters/07-japan/reactions.ipynb",
                                  "chapters/08-united-states/framings.ipynb"])
def test_stored_figure_alt_text_matches_the_data(real, root, path):
    """The alt text in the cell metadata is the one the data would generate now (it cannot go stale)."""
    import nbformat

    reactions, events = real
    notebook = nbformat.read(root / path, as_version=4)
    figure_cells = [c for c in notebook.cells if "mystnb" in c.metadata]
    assert len(figure_cells) == 1
    cell = figure_cells[0]
    namespace = {"rx": R, "reactions": reactions, "events": events, "actors": None}
    setup = [c.source for c in notebook.cells if c.cell_type == "code" and "actors = " in c.source]
    for source in setup:  # the cell defines `actors` before drawing
        exec(source.split("\n")[0], namespace)
    since = re.search(r'since="([0-9-]+)"', cell.source).group(1)
    actors = namespace["actors"] if "actors=actors" in cell.source else R.PERSPECTIVE_ACTORS + ["Multilateral"]
    expected = R.reaction_timeline_alt_text(reactions, events, actors=actors, since=since)
    assert cell.metadata["mystnb"]["image"]["alt"] == expected
