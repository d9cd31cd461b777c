"""Moodle XML: every bank question type, one question-bank category per bank.

Import in Moodle with Question bank → Import → "Moodle XML format". Each question is named by its bank
id, which is also its ID number; the explanation is the general feedback (shown after an attempt) and
each option's feedback stays with its option. Ordering uses the ordering question type (standard since
Moodle 4.4, a plugin before), graded all or nothing like the book.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from ..bank import Bank, Question
from ..grading import MESSAGES
from .common import Omission, block, choice_fractions, inline, number, one_line, percent, prompt_html, sub, xml_bytes

SUFFIX = "-moodle.xml"
LABEL = "Moodle XML"
QTYPES = {"single": "multichoice", "multiple": "multichoice", "truefalse": "truefalse",
          "numeric": "numerical", "ordering": "ordering"}
# Moodle's default penalties (deducted per extra try in interactive mode): a third, all for true/false.
PENALTY = {"truefalse": "1"}


def category_path(module_title: str, bank: Bank) -> str:
    # Moodle splits category paths at "/"; a "/" inside a name is written "//".
    names = [one_line(module_title), one_line(bank.title)]
    return "$course$/top/" + "/".join(n.replace("/", "//") for n in names)


def _html(parent: ET.Element, tag: str, html: str) -> ET.Element:
    element = sub(parent, tag, format="html")
    sub(element, "text", html)
    return element


def _answer(parent: ET.Element, fraction: str, text: str, feedback_html: str, fmt: str = "html") -> ET.Element:
    answer = sub(parent, "answer", fraction=fraction, format=fmt)
    sub(answer, "text", text)
    _html(answer, "feedback", feedback_html)
    return answer


def _combined_feedback(question: ET.Element) -> None:
    _html(question, "correctfeedback", MESSAGES["correct"])
    _html(question, "partiallycorrectfeedback", "")
    _html(question, "incorrectfeedback", MESSAGES["incorrect"])


def question_element(q: Question) -> ET.Element:
    question = ET.Element("question", type=QTYPES[q.type])
    sub(sub(question, "name"), "text", q.id)
    # Moodle has a unit box only in "units graded" modes; here units are not graded, so the unit is in the text.
    _html(question, "questiontext", prompt_html(q))
    _html(question, "generalfeedback", block(q.explanation))
    sub(question, "defaultgrade", "1")
    sub(question, "penalty", PENALTY.get(q.type, "0.3333333"))
    sub(question, "hidden", "0")
    sub(question, "idnumber", q.id)
    if q.type in ("single", "multiple"):
        sub(question, "single", "true" if q.type == "single" else "false")
        sub(question, "shuffleanswers", "false")  # the book shows options in the bank's order
        sub(question, "answernumbering", "abc")
        sub(question, "showstandardinstruction", "1")
        _combined_feedback(question)
        if q.type == "multiple":
            sub(question, "shownumcorrect")
        for option, fraction in zip(q.options, choice_fractions(q)):
            _answer(question, percent(fraction), inline(option.text), block(option.feedback))
    elif q.type == "truefalse":
        # Each answer's feedback is shown to a student who gave that answer.
        _answer(question, "100" if q.answer else "0", "true", block(q.feedback_true), "moodle_auto_format")
        _answer(question, "0" if q.answer else "100", "false", block(q.feedback_false), "moodle_auto_format")
    elif q.type == "numeric":
        answer = _answer(question, "100", number(q.answer), "", "moodle_auto_format")
        sub(answer, "tolerance", number(q.tolerance))
        sub(question, "unitgradingtype", "0")
        sub(question, "unitpenalty", "0.1000000")
        sub(question, "showunits", "3")  # units not used: only the number is graded
        sub(question, "unitsleft", "0")
    else:  # ordering: answers in the correct order (Moodle shuffles them for students)
        sub(question, "layouttype", "VERTICAL")
        sub(question, "selecttype", "ALL")
        sub(question, "selectcount", str(len(q.items)))
        sub(question, "gradingtype", "ALL_OR_NOTHING")
        sub(question, "showgrading", "SHOW")
        sub(question, "numberingstyle", "none")
        _combined_feedback(question)
        sub(question, "shownumcorrect")
        for position, item in enumerate(q.items, start=1):
            answer = sub(question, "answer", fraction=str(position), format="html")
            sub(answer, "text", inline(item))
    tags = sub(question, "tags")
    for tag in (f"bank:{q.bank}", f"objective:{q.objective}", f"source:{q.source}"):
        sub(sub(tags, "tag"), "text", tag)
    return question


def write(banks: list[Bank], path: Path, module_title: str) -> list[Omission]:
    quiz = ET.Element("quiz")
    quiz.append(ET.Comment(f" {len(banks)} bank(s), {sum(len(b.questions) for b in banks)} questions: nothing left out "))
    for bank in banks:
        category = sub(quiz, "question", type="category")
        sub(sub(category, "category"), "text", category_path(module_title, bank))
        _html(category, "info", block(bank.description))
        for q in bank.questions:
            quiz.append(question_element(q))
    path.write_bytes(xml_bytes(quiz))
    return []
