"""The live ipywidgets quiz: set .value, click Check, read the feedback widget; the session DataFrame."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from treaty_toolkit.quiz import MESSAGES, Session, quiz

FIXTURE_BOOK = Path(__file__).parent / "fixtures" / "quizzes" / "book"


@pytest.fixture
def live():
    """The sample bank as a live quiz with its own session; returns (QuizWidget, {id: QuestionWidget})."""
    display = quiz("sample", root=FIXTURE_BOOK, session=Session())
    widget = display.widget
    return widget, {qw.question.id: qw for qw in widget.questions}


def feedback_text(qw) -> str:
    from bs4 import BeautifulSoup

    return BeautifulSoup(qw.feedback.value, "html.parser").get_text(" ", strip=True)


def test_single_choice(live):
    _quiz, q = live
    q["s-single"].choice.value = "A"
    q["s-single"].check.click()
    assert feedback_text(q["s-single"]).startswith("Not quite. A is the first letter.")
    q["s-single"].choice.value = "B"
    q["s-single"].check.click()
    assert feedback_text(q["s-single"]).startswith("Correct. B it is.")


def test_empty_check_gives_the_friendly_prompt_for_every_type(live):
    quiz_widget, q = live
    expected = {
        "s-single": "empty_choice", "s-multiple": "empty_multiple", "s-truefalse": "empty_choice",
        "s-numeric": "empty_number", "s-ordering": "empty_order",
    }
    for qid, key in expected.items():
        q[qid].check.click()
        assert feedback_text(q[qid]).startswith(MESSAGES[key]), qid
    assert quiz_widget.session.results().empty  # nothing was graded


def test_multiple_truefalse_numeric(live):
    _quiz, q = live
    boxes = q["s-multiple"].boxes
    boxes[0].value = True
    q["s-multiple"].check.click()
    assert MESSAGES["missed_option"] in feedback_text(q["s-multiple"])
    boxes[2].value = True
    q["s-multiple"].check.click()
    assert feedback_text(q["s-multiple"]).startswith("Correct")

    q["s-truefalse"].choice.value = True
    q["s-truefalse"].check.click()
    assert feedback_text(q["s-truefalse"]).startswith("Not quite. Look outside.")
    q["s-truefalse"].choice.value = False
    q["s-truefalse"].check.click()
    assert feedback_text(q["s-truefalse"]).startswith("Correct")

    q["s-numeric"].number.value = "zero point three"
    q["s-numeric"].check.click()
    assert feedback_text(q["s-numeric"]).startswith(MESSAGES["invalid_number"])
    q["s-numeric"].number.value = "0.41"
    q["s-numeric"].check.click()
    assert feedback_text(q["s-numeric"]) .startswith("Not quite. Your answer is too high.")
    q["s-numeric"].number.value = "0.4"
    q["s-numeric"].check.click()
    assert feedback_text(q["s-numeric"]).startswith("Correct")


def test_ordering_dropdowns(live):
    _quiz, q = live
    ordering = q["s-ordering"]
    correct = {"one": 1, "two": 2, "three": 3, "four": 4}
    for dropdown in ordering.positions:
        dropdown.value = 1  # the same position everywhere
    ordering.check.click()
    assert feedback_text(ordering).startswith(MESSAGES["duplicate_order"])
    for item, dropdown in zip(ordering.shown_items, ordering.positions):
        dropdown.value = correct[item]
    ordering.check.click()
    assert feedback_text(ordering).startswith("Correct. One, two, three, four.")
    assert ordering.shown_items != ["one", "two", "three", "four"]


def test_score_and_session_results(live, tmp_path):
    quiz_widget, q = live
    assert quiz_widget.score.value == "Score in this quiz: 0 of 5 correct"
    q["s-single"].choice.value = "C"
    q["s-single"].check.click()
    q["s-single"].choice.value = "B"
    q["s-single"].check.click()
    q["s-truefalse"].choice.value = False
    q["s-truefalse"].check.click()
    assert quiz_widget.score.value == "Score in this quiz: 2 of 5 correct"

    results = quiz_widget.session.results()
    assert isinstance(results, pd.DataFrame)
    assert results[["question", "attempt", "correct"]].values.tolist() == [
        ["s-single", 1, False], ["s-single", 2, True], ["s-truefalse", 1, True],
    ]
    assert set(results["objective"]) == {"fix-1", "fix-2"}
    summary = quiz_widget.session.summary()
    assert summary.set_index("question").loc["s-single", "attempts"] == 2

    exported = pd.read_csv(quiz_widget.session.export(tmp_path / "results.csv"))
    assert exported["question"].tolist() == ["s-single", "s-single", "s-truefalse"]
    assert exported["correct"].tolist() == [False, True, True]


def test_feedback_never_relies_on_colour(live):
    _quiz, q = live
    q["s-single"].choice.value = "B"
    q["s-single"].check.click()
    value = q["s-single"].feedback.value
    assert 'aria-live="polite"' in value and "✔" in value
    q["s-single"].choice.value = "A"
    q["s-single"].check.click()
    assert "✘" in q["s-single"].feedback.value and "Correct" not in q["s-single"].feedback.value
