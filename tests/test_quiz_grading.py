"""grade(): every question type, tolerance edges, and friendly messages for empty or unreadable answers."""

from __future__ import annotations

from pathlib import Path

import pytest

from treaty_toolkit.quiz import MESSAGES, QuizBankError, Result, grade, load_library
from treaty_toolkit.quiz.bank import BIB_FILE, OBJECTIVES_FILE, Library, load_bank_file, load_objectives, read_bib_keys
from treaty_toolkit.quiz.grading import EXAM_MESSAGES, display_order, grade_question, messages_for, parse_number, with_explanation

FIXTURE_BOOK = Path(__file__).parent / "fixtures" / "quizzes" / "book"
Q = load_library(FIXTURE_BOOK).questions


def context_bank(root):
    """Only the chapter's starter bank (the whole library is checked in test_quiz_bank.py)."""
    library = Library(root, load_objectives(root / OBJECTIVES_FILE), read_bib_keys(root / BIB_FILE))
    return load_bank_file(root / "exercises/quizzes/context.yaml", library)


def assert_correct(result: Result, *fragments: str):
    assert result.correct and result.answered
    assert result.message.startswith("Correct")
    for fragment in fragments:
        assert fragment in result.message


def assert_wrong(result: Result, *fragments: str):
    assert not result.correct and result.answered
    assert result.message.startswith(MESSAGES["incorrect"])
    assert not result.message.startswith("Correct")
    for fragment in fragments:
        assert fragment in result.message


def assert_prompted(result: Result, key: str):
    """An empty or unreadable answer: no grade, the friendly message, never 'Correct'."""
    assert result == Result(False, MESSAGES[key], answered=False)


# single choice ----------------------------------------------------------------------------------
def test_single_by_index_and_text():
    assert_correct(grade(Q["s-single"], 1), "B it is.", "The prompt said B.")
    assert_correct(grade(Q["s-single"], "B"))
    assert_wrong(grade(Q["s-single"], 0), "A is the first letter.")
    wrong_without_feedback = grade(Q["s-single"], "C")
    assert_wrong(wrong_without_feedback)
    assert "The prompt said B" not in wrong_without_feedback.message  # no spoiler on a wrong answer


@pytest.mark.parametrize("answer", [None, "", "   ", [], 7, -1, "Z", True])
def test_single_empty_or_unknown(answer):
    assert_prompted(grade(Q["s-single"], answer), "empty_choice")


# multiple select --------------------------------------------------------------------------------
def test_multiple_exact_set_is_correct():
    assert_correct(grade(Q["s-multiple"], [0, 2]), "A and E are vowels.")
    assert_correct(grade(Q["s-multiple"], {"E", "A"}))


def test_multiple_partial_and_extra():
    missed = grade(Q["s-multiple"], [0])
    assert_wrong(missed, MESSAGES["missed_option"])
    extra = grade(Q["s-multiple"], [0, 1, 2])
    assert_wrong(extra, "B is a consonant.")
    assert MESSAGES["missed_option"] not in extra.message
    no_feedback = grade(Q["s-multiple"], ["A", "E", "C"])
    assert_wrong(no_feedback, MESSAGES["wrong_option"])


@pytest.mark.parametrize("answer", [None, [], (), "", [9]])
def test_multiple_empty(answer):
    assert_prompted(grade(Q["s-multiple"], answer), "empty_multiple")


# true/false -------------------------------------------------------------------------------------
def test_truefalse():
    assert_correct(grade(Q["s-truefalse"], False), "usually blue")
    assert_correct(grade(Q["s-truefalse"], "false"))
    assert_wrong(grade(Q["s-truefalse"], True), "Look outside.")


@pytest.mark.parametrize("answer", [None, "", "maybe", 0, 1])
def test_truefalse_empty(answer):
    assert_prompted(grade(Q["s-truefalse"], answer), "empty_choice")


# numeric ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("answer", [0.3, "0.3", 0.2, 0.4, "0.4", " 0.25 ", 0.1 + 0.2, "+0.39"])
def test_numeric_inside_tolerance_including_both_edges(answer):
    # 0.3 ± 0.1: 0.2 and 0.4 are on the edge and count (0.4 - 0.3 is 0.10000000000000003 in floats)
    assert_correct(grade(Q["s-numeric"], answer), "It is 0.3.")


@pytest.mark.parametrize(("answer", "hint"), [(0.4001, "too_high"), ("0.19", "too_low"), (-0.3, "too_low"), (12, "too_high")])
def test_numeric_outside_tolerance(answer, hint):
    assert_wrong(grade(Q["s-numeric"], answer), MESSAGES[hint])


def test_numeric_tolerance_edges_on_the_context_bank(root):
    days = context_bank(root).select(["ctx-days-to-force"])[0]
    assert_correct(grade(days, 168))
    assert_correct(grade(days, "169"))  # tolerance 1
    assert_correct(grade(days, 167))
    assert_wrong(grade(days, 169.01), MESSAGES["too_high"])
    assert_wrong(grade(days, 166.99), MESSAGES["too_low"])


@pytest.mark.parametrize("answer", [None, "", "  "])
def test_numeric_empty(answer):
    assert_prompted(grade(Q["s-numeric"], answer), "empty_number")


@pytest.mark.parametrize("answer", ["abc", "0,3", "1e3", "3 4", "nan", float("inf"), True, "0.3 units"])
def test_numeric_unreadable(answer):
    assert_prompted(grade(Q["s-numeric"], answer), "invalid_number")


@pytest.mark.parametrize(
    ("text", "value"),
    [("12000", 12000.0), ("12,000", 12000.0), ("12 000", 12000.0), ("-1,234.5", -1234.5), (".5", None), ("1,23", None)],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


# ordering ---------------------------------------------------------------------------------------
def test_ordering_as_list_and_mapping():
    assert_correct(grade(Q["s-ordering"], ["one", "two", "three", "four"]), "One, two, three, four.")
    assert_correct(grade(Q["s-ordering"], {"three": 3, "one": 1, "four": 4, "two": 2}))
    swapped = grade(Q["s-ordering"], ["two", "one", "three", "four"])
    assert_wrong(swapped, "2 of 4 items are in the right position.")
    reversed_ = grade(Q["s-ordering"], {"one": 4, "two": 3, "three": 2, "four": 1})
    assert_wrong(reversed_, "0 of 4 items are in the right position.")


@pytest.mark.parametrize(
    ("answer", "key"),
    [
        (None, "empty_order"),
        ([], "empty_order"),
        ("one two three four", "empty_order"),
        (["one", "two", "three"], "empty_order"),
        (["one", "two", "three", "five"], "empty_order"),
        ({"one": 1, "two": 2, "three": 3, "four": None}, "empty_order"),
        ({"one": 1, "two": 2, "three": 3}, "empty_order"),
        ({"one": 1, "two": 1, "three": 3, "four": 4}, "duplicate_order"),
        (["one", "one", "three", "four"], "duplicate_order"),
    ],
)
def test_ordering_incomplete(answer, key):
    assert_prompted(grade(Q["s-ordering"], answer), key)


def test_display_order_is_fixed_and_never_the_answer():
    for n in range(2, 9):
        for k in range(40):
            question = Q["s-ordering"].__class__(
                id=f"q-{n}-{k}", type="ordering", objective="x", source="y", prompt="p", bank="b",
                items=tuple(str(i) for i in range(n)),
            )
            order = display_order(question)
            assert sorted(order) == list(range(n))
            assert order != list(range(n))
            assert order == display_order(question)  # same id, same order


# by id ------------------------------------------------------------------------------------------
def test_grade_by_id_searches_every_bank():
    assert_correct(grade("s-truefalse", False, root=FIXTURE_BOOK))
    assert_wrong(grade("h-numeric", 3, root=FIXTURE_BOOK))  # from the second bank
    with pytest.raises(QuizBankError, match="No question with id 'no-such-question'"):
        grade("no-such-question", 1, root=FIXTURE_BOOK)


def test_messages_never_begin_with_correct_unless_correct():
    for key, text in MESSAGES.items():
        assert text.startswith("Correct") == (key == "correct")


def test_exam_sentences_replace_the_check_prompts_and_a_wrong_answer_can_get_its_explanation():
    exam = messages_for("exam")
    assert grade_question(Q["s-single"], None, exam) == Result(False, EXAM_MESSAGES["empty_choice"], answered=False)
    assert grade_question(Q["s-numeric"], "0.3", exam) == grade(Q["s-numeric"], "0.3")  # the rest is the same
    wrong = grade(Q["s-single"], "A")
    assert with_explanation(Q["s-single"], wrong).message == "Not quite. A is the first letter. The prompt said B."
    right, empty = grade(Q["s-single"], "B"), grade(Q["s-single"], None)
    assert with_explanation(Q["s-single"], right) == right and with_explanation(Q["s-single"], empty) == empty
    # A true/false answer without its own feedback already shows the explanation: not twice.
    already = grade(Q["h-truefalse"], not Q["h-truefalse"].answer)
    assert not already.correct and with_explanation(Q["h-truefalse"], already) == already
    assert already.message.count(Q["h-truefalse"].explanation.strip()) == 1
