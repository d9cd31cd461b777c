"""The static rendering: self-contained HTML that static/quiz.js grades in the browser.

Deterministic by design (the book must rebuild identically and nbval compares it): element ids come
from question ids, the ordering shuffle comes from a hash of the id, nothing random or dated.
No <script> is emitted: the answer key and wording travel in data- attributes and inert <template>s.
The answer key is therefore readable in the page source; that is acceptable for a self-check quiz.
"""

from __future__ import annotations

import json
from html import escape

from .bank import Bank, Question
from .grading import LABELS, MESSAGES, NUMBER_FORMAT, display_order
from .markdown import render_block, render_inline


def _attr(value) -> str:
    """A value as a safely quoted attribute (JSON for non-strings)."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return '"' + escape(text, quote=True) + '"'


def _template(name: str, markdown: str) -> str:
    if not markdown:
        return ""
    return f"<template data-tt-feedback={_attr(name)}>{render_block(markdown)}</template>"


def _choice_inputs(q: Question, dom: str, kind: str, labels: list[str]) -> str:
    rows = []
    for i, label in enumerate(labels):
        input_id = f"{dom}-opt-{i}"
        rows.append(
            f'<div class="tt-quiz-option"><input type="{kind}" id="{input_id}" name="{dom}" value="{i}">'
            f'<label for="{input_id}">{label}</label></div>'
        )
    return '<div class="tt-quiz-options">' + "".join(rows) + "</div>"


def _controls(q: Question, dom: str) -> tuple[str, dict, str]:
    """(controls HTML, answer key for quiz.js, feedback templates)."""
    if q.type in ("single", "multiple"):
        kind = "radio" if q.type == "single" else "checkbox"
        html = _choice_inputs(q, dom, kind, [render_inline(o.text) for o in q.options])
        if q.type == "multiple":
            html = f'<p class="tt-quiz-instruction" id="{dom}-how">{escape(LABELS["select_all"])}</p>' + html
        key = {"correct": [i for i, o in enumerate(q.options) if o.correct]}
        templates = "".join(_template(f"option-{i}", o.feedback) for i, o in enumerate(q.options))
        return html, key, templates
    if q.type == "truefalse":
        html = _choice_inputs(q, dom, "radio", [escape(LABELS["true"]), escape(LABELS["false"])])
        key = {"answer": q.answer}
        templates = _template("option-0", q.feedback_true) + _template("option-1", q.feedback_false)
        return html, key, templates
    if q.type == "numeric":
        unit = f" ({escape(q.unit)})" if q.unit else ""
        html = (
            f'<div class="tt-quiz-number"><label for="{dom}-input">{escape(LABELS["your_answer"])}{unit}</label>'
            f'<input type="text" inputmode="decimal" autocomplete="off" spellcheck="false" id="{dom}-input" name="{dom}">'
            "</div>"
        )
        return html, {"answer": q.answer, "tolerance": q.tolerance}, ""
    # ordering: one labelled <select> per item, items shown in a fixed shuffled order
    order = display_order(q)
    n = len(q.items)
    choices = f'<option value="">{escape(LABELS["choose"])}</option>' + "".join(f'<option value="{p}">{p}</option>' for p in range(1, n + 1))
    rows = []
    for shown, item_index in enumerate(order):
        select_id = f"{dom}-item-{shown}"
        rows.append(
            f'<div class="tt-quiz-order-item"><select id="{select_id}" name="{select_id}" aria-describedby="{dom}-how">{choices}</select>'
            f'<label for="{select_id}">{render_inline(q.items[item_index])}</label></div>'
        )
    html = (
        f'<p class="tt-quiz-instruction" id="{dom}-how">{escape(LABELS["order_how"].format(n=n))}</p>'
        '<div class="tt-quiz-order">' + "".join(rows) + "</div>"
    )
    # position (1-based) each shown item should get
    return html, {"positions": [i + 1 for i in order]}, ""


def render_question(q: Question, number: int, total: int) -> str:
    dom = f"tt-q-{q.id}"
    controls, key, templates = _controls(q, dom)
    templates += _template("explanation", q.explanation)
    return (
        f'<form class="tt-quiz-question" id="{dom}" data-tt-question={_attr(q.id)} data-tt-type="{q.type}" '
        f"data-tt-key={_attr(key)} novalidate>"
        "<fieldset>"
        f'<legend><span class="tt-quiz-number">{escape(LABELS["question_number"].format(number=number, total=total))}</span> '
        f'<span class="tt-quiz-prompt">{render_inline(q.prompt)}</span></legend>'
        f"{controls}"
        f'<div class="tt-quiz-actions"><button type="submit" class="tt-quiz-check">{escape(LABELS["check"])}</button></div>'
        f'<div class="tt-quiz-feedback" id="{dom}-feedback" aria-live="polite"></div>'
        "</fieldset>"
        f"{templates}"
        "</form>"
    )


def render_quiz(bank: Bank, questions: list[Question]) -> str:
    """One quiz block (the static rendering of ``questions`` from ``bank``)."""
    total = len(questions)
    body = "".join(render_question(q, n, total) for n, q in enumerate(questions, start=1))
    # Unique per page as long as a question appears at most once on a page (a rule for authors).
    dom = f"tt-quiz-{bank.id}-{questions[0].id}"
    return (
        f'<section class="tt-quiz" id="{dom}" data-tt-bank={_attr(bank.id)} data-tt-messages={_attr(MESSAGES)} '
        f"data-tt-number={_attr(NUMBER_FORMAT)} "
        f'aria-labelledby="{dom}-title">'
        f'<p class="tt-quiz-title" id="{dom}-title"><strong>{escape(LABELS["title"].format(title=bank.title))}</strong></p>'
        f'<p class="tt-quiz-note">{escape(LABELS["note"])}</p>'
        f"{body}"
        '<div class="tt-quiz-footer">'
        f'<p class="tt-quiz-score">{escape(MESSAGES["score"].format(correct=0, total=total))}</p>'
        f'<button type="button" class="tt-quiz-reset">{escape(LABELS["reset"])}</button>'
        "</div>"
        "</section>"
    )
