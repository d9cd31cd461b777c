"""Unit tests for the alliance comparison (treaty_toolkit.alliances) and its data table."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import pandas as pd
import pytest

from treaty_toolkit import alliances as al
from treaty_toolkit.data import load_table

REQUIRED_ROWS = {
    "ru_dprk_2024", "ussr_dprk_1961", "prc_dprk_1961", "nato_1949", "us_rok_1953", "us_japan_1960", "anzus_1951",
}


def make_row(commitment_id="x_2000", strength=2, timing="none", cp=0, law=0, art51=0, year=2000):
    return {
        "commitment_id": commitment_id, "treaty": "Test treaty", "article": "Art. 1", "signed_year": year,
        "obligation_strength": strength, "timing_word": timing,
        "constitutional_processes": cp, "national_law": law, "un_article51": art51,
    }


def frame(*rows):
    return pd.DataFrame(list(rows)).astype({"constitutional_processes": "Int64", "national_law": "Int64",
                                            "un_article51": "Int64"})


@pytest.fixture(scope="module")
def table():
    return load_table("alliances")


# --- the data -------------------------------------------------------------------------------------


def test_table_has_at_least_ten_commitments_including_the_required_ones(table):
    assert len(table) >= 10
    assert REQUIRED_ROWS <= set(table["commitment_id"])


def test_paraphrases_say_so_and_cut_quotations_end_with_the_gap_marker(table):
    for row in table.itertuples():
        if row.wording_kind == "paraphrase":
            assert row.wording.startswith("Paraphrase:"), row.commitment_id
        else:
            assert not row.wording.startswith("Paraphrase:"), row.commitment_id
    # These three stored copies are cut off: the quotation must stop at the cut, marked […].
    by_id = table.set_index("commitment_id")
    for cut in ("us_rok_1953", "prc_dprk_1961"):
        assert by_id.loc[cut, "wording"].endswith("[…]"), cut


def test_unverified_flags_are_explained_in_the_coding_note(table):
    for row in table.itertuples():
        empty = [flag for flag in al.QUALIFIERS if pd.isna(getattr(row, flag))]
        if empty:
            assert "not verified" in row.coding_note or "left empty" in row.coding_note, row.commitment_id


def test_ended_rows_have_an_end_year_and_active_rows_do_not(table):
    for row in table.itertuples():
        if row.status == "ended":
            assert not pd.isna(row.end_year), row.commitment_id
        if row.status == "active":
            assert pd.isna(row.end_year), row.commitment_id


# --- the score ------------------------------------------------------------------------------------


def test_score_is_the_documented_weighted_sum():
    w = al.DEFAULT_WEIGHTS
    row = make_row(strength=3, timing="immediately", cp=0, law=1, art51=1)
    expected = w["base"] + 3 * w["strength_point"] + w["timing"] + w["national_law"] + w["un_article51"]
    assert al.automaticity_scores(frame(row)).iloc[0] == expected


def test_each_qualifier_lowers_the_score_by_its_weight():
    plain = make_row("plain_2000")
    for flag, key in (("cp", "constitutional_processes"), ("law", "national_law"), ("art51", "un_article51")):
        qualified = make_row("qual_2000", **{flag: 1})
        scores = al.automaticity_scores(frame(plain, qualified))
        assert scores["qual_2000"] - scores["plain_2000"] == al.DEFAULT_WEIGHTS[key]


def test_unverified_flag_counts_as_zero_and_is_reported():
    row = make_row(art51=None)
    parts = al.score_components(frame(row))
    assert parts.loc[0, "un_article51"] == 0
    assert parts.loc[0, "unverified"] == "un_article51"


def test_scores_stay_within_zero_and_twelve_for_extreme_codings():
    lowest = make_row("low_2000", strength=0, timing="none", cp=1, law=1, art51=1)
    highest = make_row("high_2000", strength=3, timing="forthwith")
    scores = al.automaticity_scores(frame(lowest, highest))
    assert scores["low_2000"] == 0 and scores["high_2000"] == 12


def test_custom_weights_change_the_ranking():
    nato_like = make_row("nato_like_1949", strength=2, timing="forthwith", art51=1, year=1949)
    treaty_2024_like = make_row("new_2024", strength=3, timing="immediately", law=1, art51=1, year=2024)
    assert al.ranking_table(frame(nato_like, treaty_2024_like))["commitment_id"].iloc[0] == "new_2024"
    harsh_on_law = dict(al.DEFAULT_WEIGHTS, national_law=-4)
    reranked = al.ranking_table(frame(nato_like, treaty_2024_like), harsh_on_law)
    assert reranked["commitment_id"].iloc[0] == "nato_like_1949"


def test_ranking_is_descending_and_ties_share_the_lower_rank():
    rows = [make_row("a_2000", strength=3), make_row("b_1990", strength=3, year=1990), make_row("c_2000", strength=1)]
    ranked = al.ranking_table(frame(*rows))
    assert list(ranked["score"]) == sorted(ranked["score"], reverse=True)
    assert list(ranked["rank"]) == [1, 1, 3]
    assert list(ranked["commitment_id"][:2]) == ["b_1990", "a_2000"]  # tie broken by signing year


def test_bad_codings_fail_fast_naming_row_and_field():
    with pytest.raises(ValueError, match=r"'bad_2000'.*obligation_strength"):
        al.automaticity_scores(frame(make_row("bad_2000", strength=5)))
    with pytest.raises(ValueError, match=r"'bad_2000'.*national_law"):
        al.automaticity_scores(frame(make_row("bad_2000", law=2)))
    with pytest.raises(ValueError, match="weights must have exactly the keys"):
        al.automaticity_scores(frame(make_row()), {"base": 1})


def test_2024_article_scores_below_1961_because_of_its_qualifiers(table):
    scores = al.automaticity_scores(table)
    gap = scores["ussr_dprk_1961"] - scores["ru_dprk_2024"]
    assert gap == -(al.DEFAULT_WEIGHTS["national_law"] + al.DEFAULT_WEIGHTS["un_article51"])


# --- the chart ------------------------------------------------------------------------------------


def test_chart_has_a_text_label_in_every_cell_and_rows_in_rank_order(table):
    fig = al.plot_feature_chart(table)
    ax = fig.axes[0]
    assert len(ax.texts) == len(table) * len(al.FEATURE_COLUMNS)
    labels = [tick.get_text() for tick in ax.get_yticklabels()]
    assert labels[::-1] == list(al.ranking_table(table)["commitment"])  # top row = rank 1
    matplotlib.pyplot.close(fig)


def test_unverified_cells_show_a_question_mark(table):
    cells = al.feature_cells(table).set_index("commitment")
    assert cells.loc["PRC–DPRK 1961 Art. II", "UN Art. 51"] == "?"
    assert (cells == "?").sum().sum() == sum(table[f].isna().sum() for f in al.QUALIFIERS)


def test_alt_text_names_every_commitment_with_its_score(table):
    text = al.alt_text(table)
    for row in al.ranking_table(table).itertuples():
        assert f"{row.commitment} {row.score:g}" in text


# --- the exercise checks ----------------------------------------------------------------------------


def test_check_alliance_scores_accepts_the_right_scores_and_rejects_a_wrong_one(table, capsys):
    from treaty_toolkit.checks import check_alliance_scores

    right = al.automaticity_scores(table)
    assert check_alliance_scores(right) is True
    wrong = right.copy()
    wrong.iloc[0] += 1
    assert check_alliance_scores(wrong) is False
    assert "1 score(s) differ" in capsys.readouterr().out
    assert check_alliance_scores(right.iloc[:-1]) is False


def test_check_alliance_selection_needs_both_conditions(table):
    from treaty_toolkit.checks import check_alliance_selection

    scores = al.automaticity_scores(table)
    status = table.set_index("commitment_id")["status"]
    right = [cid for cid, score in scores.items() if score >= 9 and status[cid] == "active"]
    high_only = [cid for cid, score in scores.items() if score >= 9]
    assert set(right) != set(high_only)  # the data must make the status condition matter
    assert check_alliance_selection(right) is True
    assert check_alliance_selection(high_only) is False
