"""Pure grading: ``grade(question, answer) -> Result``. No widgets, no HTML, no I/O.

The browser (``quiz.js``) grades the same way by design. What both need is defined once here and
embedded in the page by the static renderer: the sentences (:func:`messages_for`, one table per
language in :mod:`.texts`; :data:`MESSAGES` is the English one), the interface labels and the number
format (:data:`NUMBER_FORMAT`, the same in every language). ``tests/quiz_contract.yaml`` is one table of cases that both graders
must pass with the same words.
"""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass

from .bank import Question
from .texts import LANGUAGES, texts  # noqa: F401 - LANGUAGES is part of this module's interface

# The English tables (every language's are in :mod:`.texts`, with the same keys): every generic sentence
# a student can see, the words on the quiz's controls, what the download says, and what an exam-mode
# quiz says instead and in addition (shipped only with exam-mode quizzes).
MESSAGES = texts("en")["messages"]
LABELS = texts("en")["labels"]
DOWNLOAD_MESSAGES = texts("en")["download"]
EXAM_MESSAGES = texts("en")["exam"]

# How a quiz is taken: "self-check" grades each question on its own Check button; "exam" grades the
# whole quiz at once when it is submitted, and shows no feedback before.
MODES = ("self-check", "exam")


def messages_for(mode: str, language: str = "en") -> dict:
    """The sentences a quiz in ``mode`` (one of :data:`MODES`) uses in ``language`` (one of :data:`LANGUAGES`)."""
    if mode not in MODES:
        raise ValueError(f"Unknown quiz mode '{mode}': use one of {', '.join(MODES)}")
    table = texts(language)
    return table["messages"] if mode == "self-check" else {**table["messages"], **table["exam"]}


def labels_for(language: str = "en") -> dict:
    """The words on the quiz's controls in ``language``."""
    return texts(language)["labels"]


# Thousands separators a student may type: comma, space, no-break and narrow no-break space.
THOUSANDS_SEPARATORS = ", \u00a0\u202f"
# Numbers like 12000, -3.5, 12,000 or 12 000 (separators only in groups of three). ASCII digits only:
# the same pattern runs as a JavaScript RegExp, whose \d knows no other digits.
NUMBER_FORMAT = {
    "pattern": "^[+-]?([0-9]+|[0-9]{1,3}([" + THOUSANDS_SEPARATORS + "][0-9]{3})+)([.][0-9]+)?$",
    "separators": "[" + THOUSANDS_SEPARATORS + "]",
}
_NUMBER = re.compile(NUMBER_FORMAT["pattern"])
_SEPARATOR = re.compile(NUMBER_FORMAT["separators"])


@dataclass(frozen=True)
class Result:
    correct: bool
    message: str  # Markdown: a generic sentence from MESSAGES, then the bank's feedback
    answered: bool = True  # False when the answer was empty or unreadable (nothing to grade)


def _join(*parts: str) -> str:
    return " ".join(p.strip() for p in parts if p and p.strip())


def _empty(key: str, messages: dict) -> Result:
    return Result(False, messages[key], answered=False)


def parse_number(text) -> float | None:
    """A float from a number or a typed string; None when it is not a plain number."""
    if isinstance(text, bool):
        return None
    if isinstance(text, (int, float)):
        return float(text) if math.isfinite(text) else None
    text = str(text).strip()
    if not _NUMBER.match(text):
        return None
    return float(_SEPARATOR.sub("", text))


def within_tolerance(value: float, answer: float, tolerance: float) -> bool:
    # The small slack absorbs binary rounding (0.4 - 0.3 > 0.1 in floating point); quiz.js matches it.
    return abs(value - answer) <= tolerance + 1e-9 * max(1.0, abs(answer))


def display_order(question: Question) -> list[int]:
    """Indices of ``question.items`` in the order shown to students: shuffled, fixed by the id, never sorted."""
    n = len(question.items)
    order = sorted(range(n), key=lambda i: hashlib.sha256(f"{question.id}:{i}".encode()).hexdigest())
    if order == list(range(n)):  # already correct: rotate so the answer is never given away
        order = order[1:] + order[:1]
    return order


def _option_index(question: Question, choice) -> int | None:
    texts = [o.text for o in question.options]
    if isinstance(choice, bool):
        return None
    if isinstance(choice, int):
        return choice if 0 <= choice < len(texts) else None
    if isinstance(choice, str) and choice in texts:
        return texts.index(choice)
    return None


def _is_blank(answer) -> bool:
    return answer is None or (isinstance(answer, str) and not answer.strip()) or (
        isinstance(answer, (list, tuple, set, frozenset)) and len(answer) == 0
    )


def _grade_single(q: Question, answer, messages: dict) -> Result:
    if _is_blank(answer):
        return _empty("empty_choice", messages)
    index = _option_index(q, answer)
    if index is None:
        return _empty("empty_choice", messages)
    option = q.options[index]
    if option.correct:
        return Result(True, _join(messages["correct"], option.feedback, q.explanation))
    return Result(False, _join(messages["incorrect"], option.feedback))


def _grade_multiple(q: Question, answer, messages: dict) -> Result:
    if _is_blank(answer) or isinstance(answer, (str, int)):
        answer = [] if _is_blank(answer) else [answer]
    chosen = {_option_index(q, a) for a in answer}
    if not chosen or None in chosen:
        return _empty("empty_multiple", messages)
    keyed = {i for i, o in enumerate(q.options) if o.correct}
    if chosen == keyed:
        return Result(True, _join(messages["correct"], q.explanation))
    wrong = sorted(chosen - keyed)
    hints = [q.options[i].feedback or messages["wrong_option"] for i in wrong]
    if keyed - chosen:
        hints.append(messages["missed_option"])
    return Result(False, _join(messages["incorrect"], *dict.fromkeys(hints)))


def _grade_truefalse(q: Question, answer, messages: dict) -> Result:
    if isinstance(answer, str):
        answer = {"true": True, "false": False}.get(answer.strip().lower())
    if not isinstance(answer, bool):
        return _empty("empty_choice", messages)
    feedback = (q.feedback_true if answer else q.feedback_false) or q.explanation
    if answer == q.answer:
        return Result(True, _join(messages["correct"], feedback))
    return Result(False, _join(messages["incorrect"], feedback))


def _grade_numeric(q: Question, answer, messages: dict) -> Result:
    if _is_blank(answer):
        return _empty("empty_number", messages)
    value = parse_number(answer)
    if value is None:
        return _empty("invalid_number", messages)
    if within_tolerance(value, q.answer, q.tolerance):
        return Result(True, _join(messages["correct"], q.explanation))
    return Result(False, _join(messages["incorrect"], messages["too_high" if value > q.answer else "too_low"]))


def _grade_ordering(q: Question, answer, messages: dict) -> Result:
    """``answer``: the items (texts) in the student's order, or a mapping item -> position (1 = first)."""
    n = len(q.items)
    if isinstance(answer, dict):
        positions = list(answer.values())
        if set(answer) != set(q.items) or any(p not in range(1, n + 1) for p in positions):
            return _empty("empty_order", messages)
        if len(set(positions)) != n:
            return _empty("duplicate_order", messages)
        answer = [item for item, _pos in sorted(answer.items(), key=lambda kv: kv[1])]
    if _is_blank(answer) or isinstance(answer, str):
        return _empty("empty_order", messages)
    answer = list(answer)
    if len(set(answer)) != len(answer):
        return _empty("duplicate_order", messages)
    if set(answer) != set(q.items):
        return _empty("empty_order", messages)
    right = sum(a == b for a, b in zip(answer, q.items))
    if right == n:
        return Result(True, _join(messages["correct"], q.explanation))
    count = messages["order_count"].format(right=right, total=n)
    return Result(False, _join(messages["incorrect"], count))


_GRADERS = {
    "single": _grade_single,
    "multiple": _grade_multiple,
    "truefalse": _grade_truefalse,
    "numeric": _grade_numeric,
    "ordering": _grade_ordering,
}


def with_explanation(question: Question, result: Result) -> Result:
    """A submitted exam's wrong answer also gets the explanation (a self-check keeps it back for the
    next try; an exam has no next try). quiz.js does the same."""
    if result.correct or not result.answered or not question.explanation or question.explanation.strip() in result.message:
        return result
    return Result(False, _join(result.message, question.explanation))


def grade_question(question: Question, answer, messages: dict | None = None) -> Result:
    """``messages``: the sentences to use; an exam-mode quiz passes :func:`messages_for` ``("exam")``."""
    return _GRADERS[question.type](question, answer, messages or MESSAGES)
