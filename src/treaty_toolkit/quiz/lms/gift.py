"""GIFT, Moodle's plain-text format: every type GIFT has, so everything but ordering.

Each question is ``::id::[html]prompt{answers####explanation}`` with a ``// [id:…] [tag:…]`` comment
line that Moodle reads as the ID number and tags. The text is the same escaped HTML as in the XML
exports, with GIFT's control characters ``~ = # { } :`` and the backslash escaped by a backslash and
line breaks written ``\\n``, so no bank text can end an answer or start a new one. The file opens with
comments that list the questions it leaves out and why.
"""

from __future__ import annotations

from pathlib import Path

from ..bank import Bank, Question
from .common import Omission, block, choice_fractions, inline, number, one_line, percent, prompt_html
from .moodle import category_path

SUFFIX = "-gift.txt"
LABEL = "GIFT"
LEFT_OUT = {"ordering": "GIFT has no ordering question type; the Moodle XML file has this question"}
SPECIAL = "\\~=#{}:"


def escape(text: str) -> str:
    escaped = "".join("\\" + c if c in SPECIAL else c for c in text)
    return escaped.replace("\r\n", "\n").replace("\n", "\\n")


def _feedback(markdown: str) -> str:
    return "#" + escape(block(markdown)) if markdown else ""


def _answers(q: Question) -> str:
    if q.type == "single":
        parts = [("=" if o.correct else "~") + escape(inline(o.text)) + _feedback(o.feedback) for o in q.options]
    elif q.type == "multiple":
        # No "=" anywhere: Moodle then imports a multiple-select question and reads each %weight%.
        parts = [f"~%{percent(f)}%" + escape(inline(o.text)) + _feedback(o.feedback)
                 for o, f in zip(q.options, choice_fractions(q))]
    elif q.type == "truefalse":
        # TRUE#feedback for a wrong answer#feedback for a right one
        right, wrong = (q.feedback_true, q.feedback_false) if q.answer else (q.feedback_false, q.feedback_true)
        feedback = "#" + escape(block(wrong)) + "#" + escape(block(right)) if right or wrong else ""
        parts = [("TRUE" if q.answer else "FALSE") + feedback]
    else:  # numeric
        parts = [f"#{number(q.answer)}:{number(q.tolerance)}"]
    general = "####" + escape(block(q.explanation)) if q.explanation else ""
    return "\n  ".join(parts) + general


def question_text(q: Question) -> str:
    tags = " ".join(f"[tag:{t}]" for t in (f"bank:{q.bank}", f"objective:{q.objective}", f"source:{q.source}"))
    return f"// [id:{q.id}] {tags}\n::{q.id}::[html]{escape(prompt_html(q))}{{\n  {_answers(q)}\n}}"


def write(banks: list[Bank], path: Path, module_title: str) -> list[Omission]:
    omitted = [Omission(q.id, b.id, q.type, LEFT_OUT[q.type]) for b in banks for q in b.questions if q.type in LEFT_OUT]
    kept = sum(len(b.questions) for b in banks) - len(omitted)
    header = [f"// {one_line(module_title)}: {kept} questions in GIFT format (Moodle: Question bank, Import, GIFT format)."]
    if omitted:
        header.append(f"// Left out, {len(omitted)} question(s):")
        header += [f"//   {one_line(o.line())}" for o in omitted]
    else:
        header.append("// Left out: none.")
    blocks = ["\n".join(header)]
    for bank in banks:
        blocks.append(f"$CATEGORY: {category_path(module_title, bank)}")
        blocks += [question_text(q) for q in bank.questions if q.type not in LEFT_OUT]
    path.write_text("\n\n".join(blocks) + "\n", encoding="utf-8")
    return omitted
