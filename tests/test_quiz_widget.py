"""The live ipywidgets quiz: set .value, click Check, read the feedback widget; the session DataFrame."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from treaty_toolkit.quiz import MESSAGES, Session, quiz
from treaty_toolkit.quiz.grading import EXAM_MESSAGES
from treaty_toolkit.quiz.texts import texts

FIXTURE_BOOK = Path(__file__).parent / "fixtures" / "quizzes" / "book"


@pytest.fixture
def live():
    """The sample bank as a live quiz with its own session; returns (QuizWidget, {id: QuestionWidget})."""
    display = quiz("sample", root=FIXTURE_BOOK, session=Session())
    widget = display.widget
    return widget, {qw.question.id: qw for qw in widget.questions}


def feedback_text(qw) -> str:
    """What a screen reader says: the feedback without its aria-hidden icon."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(qw.feedback.value, "html.parser")
    for hidden in soup.select('[aria-hidden="true"]'):
        hidden.decompose()
    return soup.get_text(" ", strip=True)


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
    assert value.index("✔") < value.index("Correct") < value.index("</p>")  # on the feedback's first line
    q["s-single"].choice.value = "A"
    q["s-single"].check.click()
    assert "✘" in q["s-single"].feedback.value and "Correct" not in q["s-single"].feedback.value


@pytest.fixture
def exam():
    """The sample bank as a live exam-mode quiz with its own session."""
    widget = quiz("sample", root=FIXTURE_BOOK, session=Session(), mode="exam").widget
    return widget, {qw.question.id: qw for qw in widget.questions}


def answer_all_but(q, *skip):
    """Answer every sample question rightly except ``s-single`` (wrongly); leave the ``skip`` ones blank."""
    if "s-single" not in skip:
        q["s-single"].choice.value = "A"
    if "s-multiple" not in skip:
        q["s-multiple"].boxes[0].value = q["s-multiple"].boxes[2].value = True
    if "s-truefalse" not in skip:
        q["s-truefalse"].choice.value = False
    if "s-numeric" not in skip:
        q["s-numeric"].number.value = "0.3"
    if "s-ordering" not in skip:
        for item, dropdown in zip(q["s-ordering"].shown_items, q["s-ordering"].positions):
            dropdown.value = ["one", "two", "three", "four"].index(item) + 1


def score_text(quiz_widget) -> str:
    from bs4 import BeautifulSoup

    return BeautifulSoup(quiz_widget.score.value, "html.parser").get_text(" ", strip=True)


def test_exam_has_no_check_buttons_and_waits_for_every_answer(exam):
    quiz_widget, q = exam
    assert all(qw.check not in qw.box.children for qw in q.values())
    assert quiz_widget.score.value == ""  # no score before Submit
    answer_all_but(q, "s-multiple", "s-numeric")
    quiz_widget.submit.click()
    assert score_text(quiz_widget) == EXAM_MESSAGES["unanswered_many"].format(numbers="2, 4")
    assert feedback_text(q["s-multiple"]).startswith(EXAM_MESSAGES["empty_multiple"])
    assert feedback_text(q["s-numeric"]).startswith(EXAM_MESSAGES["empty_number"])
    assert [feedback_text(q[i]) for i in ("s-single", "s-truefalse", "s-ordering")] == ["", "", ""]
    q["s-multiple"].boxes[0].value = True
    q["s-multiple"].boxes[2].value = True
    quiz_widget.submit.click()
    assert score_text(quiz_widget) == EXAM_MESSAGES["unanswered_one"].format(numbers="4")
    assert quiz_widget.session.results().empty  # nothing is graded until the whole quiz is


def test_exam_submit_shows_score_and_feedback_then_start_again_clears(exam):
    quiz_widget, q = exam
    answer_all_but(q)
    quiz_widget.submit.click()
    assert score_text(quiz_widget) == EXAM_MESSAGES["score"].format(correct=4, total=5)
    # No second try in an exam, so the wrong answer also gets the explanation.
    assert feedback_text(q["s-single"]).startswith("Not quite. A is the first letter. The prompt said B.")
    assert all(feedback_text(q[i]).startswith("Correct") for i in q if i != "s-single")
    assert 'aria-live="polite"' in quiz_widget.score.value and "aria-live" not in q["s-single"].feedback.value
    assert q["s-single"].choice.disabled and all(d.disabled for d in q["s-ordering"].positions)
    assert quiz_widget.submit.layout.display == "none"
    assert quiz_widget.session.results()["correct"].tolist() == [False, True, True, True, True]

    quiz_widget.reset.click()
    assert quiz_widget.score.value == "" and quiz_widget.submit.layout.display is None
    assert q["s-single"].choice.value is None and not q["s-single"].choice.disabled
    assert [b.value for b in q["s-multiple"].boxes] == [False] * 4 and q["s-numeric"].number.value == ""
    assert all(d.value is None for d in q["s-ordering"].positions)
    assert all(feedback_text(qw) == "" for qw in q.values())


def test_an_unknown_mode_fails_when_the_quiz_is_made():
    with pytest.raises(ValueError, match="Unknown quiz mode 'test'"):
        quiz("sample", root=FIXTURE_BOOK, mode="test")


def test_notebook_exam_carries_the_exam_html():
    display = quiz("sample", ["s-single"], root=FIXTURE_BOOK, mode="exam")
    assert 'data-tt-mode="exam"' in display._repr_mimebundle_()["text/html"]


# --- the widget in Korean: language="ko" chooses the words and the bank's translation --------------------

KO = texts("ko")


@pytest.fixture
def live_ko():
    widget = quiz("sample", root=FIXTURE_BOOK, session=Session(), language="ko").widget
    return widget, {qw.question.id: qw for qw in widget.questions}


def test_korean_widget_grades_in_korean_with_the_translated_bank(live_ko):
    quiz_widget, q = live_ko
    assert quiz_widget.title.value == f"<strong>{KO['labels']['title'].format(title='예시 문제 은행')}</strong>"
    assert quiz_widget.score.value == KO["labels"]["widget_score"].format(correct=0, total=5)
    assert q["s-single"].check.description == KO["labels"]["check"]
    assert q["s-single"].choice.options == ("가", "나", "다")
    q["s-single"].check.click()
    assert feedback_text(q["s-single"]) == KO["messages"]["empty_choice"]
    q["s-single"].choice.value = "가"
    q["s-single"].check.click()
    assert feedback_text(q["s-single"]) == f"{KO['messages']['incorrect']} 가는 첫 글자입니다."
    q["s-single"].choice.value = "나"
    q["s-single"].check.click()
    assert feedback_text(q["s-single"]) == f"{KO['messages']['correct']} 바로 나입니다. 문제에서 나라고 했습니다."
    assert [label for label, _value in q["s-truefalse"].choice.options] == [KO["labels"]["true"], KO["labels"]["false"]]
    q["s-numeric"].number.value = "영점삼"
    q["s-numeric"].check.click()
    assert feedback_text(q["s-numeric"]) == KO["messages"]["invalid_number"]
    q["s-numeric"].number.value = "0.41"
    q["s-numeric"].check.click()
    assert feedback_text(q["s-numeric"]) == f"{KO['messages']['incorrect']} {KO['messages']['too_high']}"
    assert q["s-numeric"].number.description == f"{KO['labels']['your_answer']} (단위)"
    assert quiz_widget.score.value == KO["labels"]["widget_score"].format(correct=1, total=5)


def test_korean_widget_keeps_an_untranslated_question_in_english_with_korean_words(live_ko):
    _quiz, q = live_ko
    ordering = q["s-ordering"]
    assert sorted(ordering.shown_items) == sorted(["one", "two", "three", "four"])
    assert ordering.positions[0].options[0][0] == KO["labels"]["choose"]
    for dropdown in ordering.positions:
        dropdown.value = 1
    ordering.check.click()
    assert feedback_text(ordering) == KO["messages"]["duplicate_order"]


def test_korean_exam_widget_says_the_exam_sentences_in_korean():
    widget = quiz("sample", root=FIXTURE_BOOK, session=Session(), mode="exam", language="ko").widget
    q = {qw.question.id: qw for qw in widget.questions}
    assert widget.submit.description == KO["labels"]["submit"]
    answer_all_but(q, "s-single", "s-numeric")
    q["s-single"].choice.value = "가"  # wrong, as answer_all_but() answers it in English
    widget.submit.click()
    assert score_text(widget) == KO["exam"]["unanswered_one"].format(numbers="4")
    q["s-numeric"].number.value = "0.3"
    widget.submit.click()
    assert score_text(widget) == KO["exam"]["score"].format(correct=4, total=5)


def test_korean_notebook_quiz_carries_the_korean_page_rendering():
    bundle = quiz("sample", ["s-single"], root=FIXTURE_BOOK, language="ko")._repr_mimebundle_()
    assert 'data-tt-lang="ko"' in bundle["text/html"] and KO["labels"]["check"] in bundle["text/html"]
    assert bundle["text/plain"] == KO["labels"]["plain_summary"].format(title="예시 문제 은행", count=1)
