"""The one quiz engine: a question bank in YAML, three renderings from it.

- static book: ``{quiz} <bank>`` in MyST (see :mod:`treaty_toolkit.book.quiz_directives`) -> HTML graded
  by ``quiz.js`` (beside this file, with ``quiz.css`` and the bank schema);
- live kernel: ``quiz("<bank>", ["id1", "id2"])`` -> an ipywidgets quiz graded in Python
  (its mimebundle also carries the static HTML, which the built book shows);
- programmatic: ``grade(question_or_id, answer) -> Result(correct, message)``.

Answers ``grade()`` accepts: single -> option index or option text; multiple -> a list of those;
truefalse -> True/False; numeric -> a number or a typed string; ordering -> the item texts in order
(or a mapping item -> position). Empty or unreadable answers give ``correct=False``, ``answered=False``
and a friendly message, never an exception.

Importing this package (the build does) loads neither ipywidgets, IPython nor pandas: the live widget
and the session table are imported when first used.
"""

from __future__ import annotations

from pathlib import Path

from .bank import Bank, Question, QuizBankError, find_book_root, load_library
from .grading import LABELS, MESSAGES, Result, grade_question

HERE = Path(__file__).resolve().parent
# What the static rendering needs in the browser; the book serves these two files.
BROWSER_FILES = (HERE / "quiz.js", HERE / "quiz.css")

__all__ = [
    "Bank", "Question", "QuizBankError", "Result", "Session", "QuizDisplay",
    "LABELS", "MESSAGES", "grade", "quiz", "session", "load_library", "find_book_root",
]


def __getattr__(name: str):
    # The kernel-side pieces load ipywidgets and pandas: only when a notebook asks for them.
    if name in ("Session", "session"):
        from . import attempts

        return getattr(attempts, name)
    if name == "QuizDisplay":
        from .widget import QuizDisplay

        return QuizDisplay
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def grade(question_or_id: Question | str, answer, *, root: Path | str | None = None) -> Result:
    """Grade one answer. A question id is looked up across every bank of the book at ``root``."""
    if isinstance(question_or_id, Question):
        return grade_question(question_or_id, answer)
    questions = load_library(root).questions
    if question_or_id not in questions:
        raise QuizBankError(f"No question with id '{question_or_id}' in any bank")
    return grade_question(questions[question_or_id], answer)


def quiz(bank: str, questions: list[str] | None = None, *, root: Path | str | None = None,
         session=None, mode: str = "self-check", language: str = "en"):
    """A quiz to display in a notebook: ``quiz("context", ["ctx-sign", "ctx-order"])``.

    ``mode="exam"`` grades the whole quiz on one Submit button and shows no feedback before it.
    ``language="ko"``: the quiz's words and the bank's text in Korean (questions not translated yet
    stay in English).

    The whole book's banks are validated first, so an invalid bank fails notebook execution with a
    message naming file, question id and field.
    """
    from .widget import QuizDisplay

    library = load_library(root, language=language)
    chosen = library.bank(bank)
    return QuizDisplay(chosen, chosen.select(questions), session, mode)
