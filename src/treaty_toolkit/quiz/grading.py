"""Pure grading: ``grade(question, answer) -> Result``. No widgets, no HTML, no I/O.

The browser (``quiz.js``) grades the same way by design. What both need is defined once here and
embedded in the page by the static renderer: the sentences (:data:`MESSAGES`), the interface labels
(:data:`LABELS`) and the number format (:data:`NUMBER_FORMAT`). ``tests/quiz_contract.yaml`` is one
table of cases that both graders must pass with the same words.
"""

from __future__ import annotations

import hashlib
import math
import re
from dataclasses import dataclass

from .bank import Question

# Every generic sentence a student can see. Feedback from the bank is appended after these.
MESSAGES = {
    "correct": "Correct.",
    "incorrect": "Not quite.",
    "empty_choice": "Please choose an answer, then press Check.",
    "empty_multiple": "Please select at least one option, then press Check.",
    "empty_number": "Please type a number, then press Check.",
    "invalid_number": "Please type a number such as 42 or 3.5 (digits, an optional minus sign and decimal point).",
    "empty_order": "Please give every item a position, then press Check.",
    "duplicate_order": "Please use each position only once, then press Check.",
    "missed_option": "At least one correct option is not selected yet.",
    "wrong_option": "At least one selected option is not correct.",
    "too_high": "Your answer is too high.",
    "too_low": "Your answer is too low.",
    "order_count": "{right} of {total} items are in the right position.",
    "score": "Score on this page: {correct} of {total} correct",
}

# Words on the quiz's controls, shared by the static page and the live widget.
LABELS = {
    "title": "Self-check quiz: {title}",
    "question_number": "Question {number} of {total}.",
    "check": "Check answer",
    "reset": "Reset answers",
    "your_answer": "Your answer",
    "select_all": "Select all that apply.",
    "choose": "Choose…",
    "true": "True",
    "false": "False",
    "order_how": "Give each item its position: 1 for the earliest, {n} for the latest.",
    "note": "Answers are checked in your browser; nothing is sent anywhere. "
            "Your answers are remembered on this device until you reset them.",
}

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


def _empty(key: str) -> Result:
    return Result(False, MESSAGES[key], answered=False)


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


def _grade_single(q: Question, answer) -> Result:
    if _is_blank(answer):
        return _empty("empty_choice")
    index = _option_index(q, answer)
    if index is None:
        return _empty("empty_choice")
    option = q.options[index]
    if option.correct:
        return Result(True, _join(MESSAGES["correct"], option.feedback, q.explanation))
    return Result(False, _join(MESSAGES["incorrect"], option.feedback))


def _grade_multiple(q: Question, answer) -> Result:
    if _is_blank(answer) or isinstance(answer, (str, int)):
        answer = [] if _is_blank(answer) else [answer]
    chosen = {_option_index(q, a) for a in answer}
    if not chosen or None in chosen:
        return _empty("empty_multiple")
    keyed = {i for i, o in enumerate(q.options) if o.correct}
    if chosen == keyed:
        return Result(True, _join(MESSAGES["correct"], q.explanation))
    wrong = sorted(chosen - keyed)
    hints = [q.options[i].feedback or MESSAGES["wrong_option"] for i in wrong]
    if keyed - chosen:
        hints.append(MESSAGES["missed_option"])
    return Result(False, _join(MESSAGES["incorrect"], *dict.fromkeys(hints)))


def _grade_truefalse(q: Question, answer) -> Result:
    if isinstance(answer, str):
        answer = {"true": True, "false": False}.get(answer.strip().lower())
    if not isinstance(answer, bool):
        return _empty("empty_choice")
    feedback = (q.feedback_true if answer else q.feedback_false) or q.explanation
    if answer == q.answer:
        return Result(True, _join(MESSAGES["correct"], feedback))
    return Result(False, _join(MESSAGES["incorrect"], feedback))


def _grade_numeric(q: Question, answer) -> Result:
    if _is_blank(answer):
        return _empty("empty_number")
    value = parse_number(answer)
    if value is None:
        return _empty("invalid_number")
    if within_tolerance(value, q.answer, q.tolerance):
        return Result(True, _join(MESSAGES["correct"], q.explanation))
    return Result(False, _join(MESSAGES["incorrect"], MESSAGES["too_high" if value > q.answer else "too_low"]))


def _grade_ordering(q: Question, answer) -> Result:
    """``answer``: the items (texts) in the student's order, or a mapping item -> position (1 = first)."""
    n = len(q.items)
    if isinstance(answer, dict):
        positions = list(answer.values())
        if set(answer) != set(q.items) or any(p not in range(1, n + 1) for p in positions):
            return _empty("empty_order")
        if len(set(positions)) != n:
            return _empty("duplicate_order")
        answer = [item for item, _pos in sorted(answer.items(), key=lambda kv: kv[1])]
    if _is_blank(answer) or isinstance(answer, str):
        return _empty("empty_order")
    answer = list(answer)
    if len(set(answer)) != len(answer):
        return _empty("duplicate_order")
    if set(answer) != set(q.items):
        return _empty("empty_order")
    right = sum(a == b for a, b in zip(answer, q.items))
    if right == n:
        return Result(True, _join(MESSAGES["correct"], q.explanation))
    count = MESSAGES["order_count"].format(right=right, total=n)
    return Result(False, _join(MESSAGES["incorrect"], count))


_GRADERS = {
    "single": _grade_single,
    "multiple": _grade_multiple,
    "truefalse": _grade_truefalse,
    "numeric": _grade_numeric,
    "ordering": _grade_ordering,
}


def grade_question(question: Question, answer) -> Result:
    return _GRADERS[question.type](question, answer)
