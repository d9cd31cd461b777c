"""The grading contract's table (quiz_contract.yaml), read into questions and cases both graders run."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import yaml

from treaty_toolkit.quiz.bank import Bank, Option, Question
from treaty_toolkit.quiz.grading import display_order, grade_question, messages_for
from treaty_toolkit.quiz.markdown import render_block
from treaty_toolkit.quiz.texts import LANGUAGES  # noqa: F401 - the contract runs in every language

TABLE = Path(__file__).with_name("quiz_contract.yaml")


@dataclass(frozen=True)
class Case:
    number: int
    question: Question
    answer: dict  # as entered on the page (see the table's header)
    state: str
    says: tuple[str, ...]

    @property
    def id(self) -> str:
        return f"{self.number:02d}-{self.question.id}-{self.state}"


def _question(qid: str, raw: dict) -> Question:
    options = tuple(Option(o["text"], o["correct"], o.get("feedback", "")) for o in raw.get("options", []))
    return Question(id=qid, type=raw["type"], objective="contract", source="contract", prompt=raw["prompt"],
                    bank="contract", explanation=raw.get("explanation", ""), options=options,
                    answer=raw.get("answer"), tolerance=float(raw.get("tolerance", 0.0)), unit=raw.get("unit", ""),
                    items=tuple(raw.get("items", ())), feedback_true=raw.get("feedback_true", ""),
                    feedback_false=raw.get("feedback_false", ""))


def load_table() -> tuple[Bank, list[Case]]:
    data = yaml.safe_load(TABLE.read_text(encoding="utf-8"))
    questions = {qid: _question(qid, raw) for qid, raw in data["questions"].items()}
    bank = Bank("contract", "Grading contract", TABLE, tuple(questions.values()))
    cases = [Case(n, questions[c["question"]], c["answer"], c["state"], tuple(c["says"]))
             for n, c in enumerate(data["cases"], start=1)]
    return bank, cases


def positions(case: Case) -> list[str]:
    """The position chosen for each item in shown order."""
    given = case.answer["positions"]
    key = [str(i + 1) for i in display_order(case.question)]
    if given == "key":
        return key
    if isinstance(given, dict):
        i, j = given["key_swapped"]
        key[i], key[j] = key[j], key[i]
        return key
    return [str(p) for p in given]


def python_answer(case: Case):
    """The case's answer in the form grade() takes from the live widget."""
    q, answer = case.question, case.answer
    if "type" in answer:
        return answer["type"]
    if "positions" in answer:
        shown = [q.items[i] for i in display_order(q)]
        return {item: (int(p) if p else None) for item, p in zip(shown, positions(case))}
    chosen = answer["choose"]
    if q.type == "multiple":
        return list(chosen)
    if not chosen:
        return None
    return chosen[0] == 0 if q.type == "truefalse" else chosen[0]


def python_result(case: Case, language: str = "en") -> tuple[str, str]:
    """(state, feedback as plain text) from grade(), with the words of ``language``."""
    result = grade_question(case.question, python_answer(case), messages_for("self-check", language))
    state = "correct" if result.correct else ("incorrect" if result.answered else "empty")
    return state, plain_text(render_block(result.message))


def plain_text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def expected_sentences(case: Case, language: str = "en") -> list[str]:
    return [messages_for("self-check", language)[key] for key in case.says]
