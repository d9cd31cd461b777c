"""Unit tests for the word-level text comparison (treaty_toolkit.textcompare)."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from treaty_toolkit.textcompare import (
    GAP,
    SideBySide,
    changes,
    diff_stats,
    join_tokens,
    sentences,
    side_by_side_html,
    similarity_matrix,
    tokenize,
    word_diff,
)


def test_tokenize_keeps_gap_marker_and_punctuation():
    assert tokenize("all means, in its possession without […]") == [
        "all", "means", ",", "in", "its", "possession", "without", GAP,
    ]
    assert tokenize("UN Charter's Article 51.") == ["UN", "Charter's", "Article", "51", "."]


def test_tokenize_rejects_non_strings():
    with pytest.raises(TypeError, match="expects a string"):
        tokenize(None)


def test_join_tokens_round_trips_spacing():
    text = "the other side, without delay (in line with Article 51)."
    assert join_tokens(tokenize(text)) == text


def test_identical_texts_are_one_equal_run():
    diff = word_diff("Shall immediately provide.", "shall immediately provide.")
    assert list(diff["op"]) == ["equal"]  # case does not count as a difference
    assert diff_stats(diff)["shared_share"] == 1.0


def test_replacement_is_found_at_word_level():
    diff = word_diff(
        "the laws of the DPRK", "legislation of the DPRK", a_label="Yonhap", b_label="Interfax"
    )
    table = changes(diff)
    assert list(table.columns) == ["op", "Yonhap", "Interfax"]
    assert table.iloc[0].tolist() == ["replace", "the laws", "legislation"]
    stats = diff_stats(diff)
    assert stats["shared_words"] == 3
    assert stats["only_in_a"] == 2 and stats["only_in_b"] == 1


def test_insert_and_delete_are_told_apart():
    diff = word_diff("assistance without delay", "assistance")
    assert diff.iloc[-1]["op"] == "delete" and diff.iloc[-1]["a_text"] == "without delay"
    diff = word_diff("assistance", "assistance without delay")
    assert diff.iloc[-1]["op"] == "insert" and diff.iloc[-1]["b_text"] == "without delay"


def test_text_cut_off_at_end_marks_the_rest_as_gap_not_insertion():
    cut = "the other side shall provide assistance without […]"
    full = "the other side shall provide assistance without delay in line with Article 51."
    diff = word_diff(cut, full)
    assert "insert" not in set(diff["op"])
    assert diff.iloc[-1]["op"] == "gap"
    assert diff.iloc[-1]["b_text"] == "delay in line with Article 51."
    stats = diff_stats(diff)
    assert stats["beyond_gap"] == 6 and stats["only_in_b"] == 0
    # Symmetric: the cut-off text on the right gives a gap, not a deletion.
    diff = word_diff(full, cut)
    assert "delete" not in set(diff["op"]) and diff.iloc[-1]["op"] == "gap"


def test_text_cut_off_at_start_marks_the_beginning_as_gap():
    diff = word_diff("[…] undertakes not to enter", "Each party undertakes not to enter")
    assert diff.iloc[0]["op"] == "gap" and diff.iloc[0]["b_text"] == "Each party"


def test_gap_in_the_middle_fails_fast_naming_the_text():
    with pytest.raises(ValueError, match="KCNA: a gap marker"):
        word_diff("military […] assistance", "military assistance", a_label="KCNA")


def test_differences_at_a_cut_edge_are_not_counted_as_changes():
    # Without the gap marker the same pair counts the tail as an insertion.
    full = "provide assistance without delay"
    assert diff_stats(word_diff("provide assistance", full))["only_in_b"] == 2
    assert diff_stats(word_diff("provide assistance […]", full))["only_in_b"] == 0


def test_diff_frame_shape_and_labels():
    diff = word_diff("a b c", "a x c", a_label="left", b_label="right")
    assert list(diff.columns) == ["op", "a_text", "b_text", "a_words", "b_words", "a_start", "b_start"]
    assert diff.attrs["a_label"] == "left" and diff.attrs["b_label"] == "right"
    assert diff["a_words"].sum() == 3 and diff["b_words"].sum() == 3


def test_similarity_matrix_is_symmetric_with_unit_diagonal():
    texts = {
        "one": "the other side shall immediately provide assistance",
        "two": "the other side provides assistance without delay",
        "three": "an unrelated sentence about trade",
    }
    matrix = similarity_matrix(texts)
    assert list(matrix.index) == list(texts) == list(matrix.columns)
    assert (matrix.values == matrix.values.T).all()
    assert all(matrix.loc[k, k] == 1.0 for k in texts)
    assert matrix.loc["one", "two"] > matrix.loc["one", "three"]


def test_sentences_splits_on_sentence_ends_only():
    text = "The Parties declare peace. Should either suffer attack by any State, the other acts."
    assert sentences(text) == [
        "The Parties declare peace.",
        "Should either suffer attack by any State, the other acts.",
    ]


def _visible_text(fragment: str) -> str:
    return re.sub(r"<[^>]+>", "", fragment)


def test_html_marks_changes_with_elements_and_text_markers():
    page = side_by_side_html(
        "shall immediately provide", "provides without delay", a_label="Interfax", b_label="Yonhap"
    )
    assert "<del" in page and "<ins" in page
    assert "[−" in _visible_text(page) and "[+" in _visible_text(page)  # not colour alone
    assert '<th scope="col">Interfax</th>' in page and "<caption>" in page
    assert "Key:" in _visible_text(page)


def test_html_escapes_text_and_labels():
    page = side_by_side_html("<script>x</script> a", "a", a_label="<script>", b_label="ok")
    assert "<script" not in page and "&lt;" in page
    assert '<th scope="col">&lt;script&gt;</th>' in page


def test_html_shows_gap_and_no_space_before_punctuation():
    page = side_by_side_html("assistance , without […]", "assistance, without delay.")
    text = _visible_text(page)
    assert "[?" in text and "stored copy cut off" in text
    assert " ," not in text


def test_side_by_side_display_object():
    shown = SideBySide("a b", "a c", a_label="x", b_label="y")
    assert shown._repr_html_().startswith('<div class="tc-compare">')
    # The plain-text form is deterministic and keeps the markers (no object address).
    assert repr(shown) == "x: a [−b]\ny: a [+c]"


def test_word_diff_returns_string_columns():
    diff = word_diff("a", "b")
    assert isinstance(diff, pd.DataFrame)
    assert str(diff["op"].dtype) == "string"


def test_clause_features_names_the_words_used():
    from treaty_toolkit.textcompare import clause_features

    yonhap = (
        "the other side provides military and other assistance without delay in line with "
        "Article 51 of the UN Charter and the laws of the DPRK"
    )
    assert clause_features(yonhap) == {
        "trigger": "absent",
        "timing": "without delay",
        "assistance": "military and other assistance",
        "un_article_51": "article 51",
        "national_law": "laws",
    }
    old = "thus find itself in a state of war, the other shall immediately extend military and other assistance."
    features = clause_features(old)
    assert features["timing"] == "immediately" and features["un_article_51"] == "absent"


def test_clause_features_do_not_call_a_cut_off_phrase_absent():
    from treaty_toolkit.textcompare import NOT_IN_COPY, clause_features

    features = clause_features("in a state of war, the other shall provide assistance without […]")
    assert features["trigger"] == "state of war"
    assert features["timing"] == NOT_IN_COPY  # "without" alone is not "without delay"
    assert features["un_article_51"] == NOT_IN_COPY
