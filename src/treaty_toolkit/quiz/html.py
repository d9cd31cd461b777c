"""The static rendering: self-contained HTML that static/quiz.js grades in the browser.

Deterministic by design (the book must rebuild identically and nbval compares it): element ids come
from question ids, the ordering shuffle comes from a hash of the id, nothing random or dated.
No <script> is emitted: the answer key and wording travel in data- attributes and inert <template>s.
The answer key is therefore readable in the page source; that is acceptable for a self-check quiz, and
exam mode (``mode="exam"``: one Submit button, no feedback before it) changes how a quiz is taken,
not what the page reveals to someone who reads its source.
"""

from __future__ import annotations

import json
from html import escape

from .bank import Bank, Question
from .grading import NUMBER_FORMAT, display_order, messages_for
from .markdown import render_block, render_inline
from .texts import texts


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


def _controls(q: Question, dom: str, labels: dict) -> tuple[str, dict, str]:
    """(controls HTML, answer key for quiz.js, feedback templates)."""
    if q.type in ("single", "multiple"):
        kind = "radio" if q.type == "single" else "checkbox"
        html = _choice_inputs(q, dom, kind, [render_inline(o.text) for o in q.options])
        if q.type == "multiple":
            html = f'<p class="tt-quiz-instruction" id="{dom}-how">{escape(labels["select_all"])}</p>' + html
        key = {"correct": [i for i, o in enumerate(q.options) if o.correct]}
        templates = "".join(_template(f"option-{i}", o.feedback) for i, o in enumerate(q.options))
        return html, key, templates
    if q.type == "truefalse":
        html = _choice_inputs(q, dom, "radio", [escape(labels["true"]), escape(labels["false"])])
        key = {"answer": q.answer}
        templates = _template("option-0", q.feedback_true) + _template("option-1", q.feedback_false)
        return html, key, templates
    if q.type == "numeric":
        unit = f" ({escape(q.unit)})" if q.unit else ""
        html = (
            f'<div class="tt-quiz-number"><label for="{dom}-input">{escape(labels["your_answer"])}{unit}</label>'
            f'<input type="text" inputmode="decimal" autocomplete="off" spellcheck="false" id="{dom}-input" name="{dom}">'
            "</div>"
        )
        return html, {"answer": q.answer, "tolerance": q.tolerance}, ""
    # ordering: one labelled <select> per item, items shown in a fixed shuffled order
    order = display_order(q)
    n = len(q.items)
    choices = f'<option value="">{escape(labels["choose"])}</option>' + "".join(f'<option value="{p}">{p}</option>' for p in range(1, n + 1))
    rows = []
    for shown, item_index in enumerate(order):
        select_id = f"{dom}-item-{shown}"
        rows.append(
            f'<div class="tt-quiz-order-item"><select id="{select_id}" name="{select_id}" aria-describedby="{dom}-how">{choices}</select>'
            f'<label for="{select_id}">{render_inline(q.items[item_index])}</label></div>'
        )
    html = (
        f'<p class="tt-quiz-instruction" id="{dom}-how">{escape(labels["order_how"].format(n=n))}</p>'
        '<div class="tt-quiz-order">' + "".join(rows) + "</div>"
    )
    # position (1-based) each shown item should get
    return html, {"positions": [i + 1 for i in order]}, ""


def render_question(q: Question, number: int, total: int, exam: bool = False, language: str = "en") -> str:
    labels = texts(language)["labels"]
    dom = f"tt-q-{q.id}"
    controls, key, templates = _controls(q, dom, labels)
    # A question a translation does not cover yet keeps its English text, marked so for screen readers.
    lang = f' lang="{q.language}"' if q.language != language else ""
    templates += _template("explanation", q.explanation)
    # An exam has no Check button, and its feedback is not a live region: twenty regions speaking at
    # once on Submit would drown the one result the quiz's footer announces.
    actions = "" if exam else (
        f'<div class="tt-quiz-actions"><button type="submit" class="tt-quiz-check">{escape(labels["check"])}</button></div>'
    )
    live = "" if exam else ' aria-live="polite"'
    return (
        f'<form class="tt-quiz-question" id="{dom}"{lang} data-tt-question={_attr(q.id)} data-tt-type="{q.type}" '
        f"data-tt-key={_attr(key)} novalidate>"
        "<fieldset>"
        f'<legend><span class="tt-quiz-number">{escape(labels["question_number"].format(number=number, total=total))}</span> '
        f'<span class="tt-quiz-prompt">{render_inline(q.prompt)}</span></legend>'
        f"{controls}{actions}"
        f'<div class="tt-quiz-feedback" id="{dom}-feedback"{live}></div>'
        "</fieldset>"
        f"{templates}"
        "</form>"
    )


def _footer(dom: str, exam: bool, messages: dict, total: int, labels: dict) -> str:
    if not exam:
        return (
            '<div class="tt-quiz-footer">'
            f'<p class="tt-quiz-score">{escape(messages["score"].format(correct=0, total=total))}</p>'
            f'<button type="button" class="tt-quiz-reset">{escape(labels["reset"])}</button>'
            "</div>"
        )
    # The result stays in the page while empty: a live region must exist before it speaks.
    return (
        '<div class="tt-quiz-footer">'
        f'<div class="tt-quiz-result" id="{dom}-result" aria-live="polite"></div>'
        '<div class="tt-quiz-buttons">'
        f'<button type="button" class="tt-quiz-submit">{escape(labels["submit"])}</button>'
        f'<button type="button" class="tt-quiz-reset">{escape(labels["start_again"])}</button>'
        "</div></div>"
    )


def _download(dom: str, exam: bool, language: str) -> str:
    """The name field and "Download my results" (quiz.js writes the files in the browser; nothing is sent).
    An exam offers them only once submitted: the files say which answers were right."""
    from .results import CSV_COLUMNS, FORMAT, FORMAT_VERSION

    labels = texts(language)["labels"]
    shipped = {**texts(language)["download"], "format": FORMAT, "version": FORMAT_VERSION, "columns": CSV_COLUMNS}
    wait = (
        f'<p class="tt-quiz-download-wait" id="{dom}-download-wait">{escape(labels["download_after_submit"])}</p>'
        if exam else ""
    )
    described = f"{dom}-download-note" + (f" {dom}-download-wait" if exam else "")
    return (
        f'<div class="tt-quiz-download" data-tt-download={_attr(shipped)}>'
        f'<p class="tt-quiz-download-note" id="{dom}-download-note">{escape(labels["download_note"])}</p>'
        f"{wait}"
        '<div class="tt-quiz-download-row">'
        f'<div class="tt-quiz-name"><label for="{dom}-name">{escape(labels["name"])}</label>'
        f'<input type="text" id="{dom}-name" name="{dom}-name" autocomplete="name" maxlength="80" spellcheck="false"></div>'
        f'<button type="button" class="tt-quiz-download-button" aria-describedby="{described}">{escape(labels["download"])}</button>'
        "</div>"
        f'<p class="tt-quiz-download-status" id="{dom}-download-status" aria-live="polite"></p>'
        "</div>"
    )


def render_quiz(bank: Bank, questions: list[Question], mode: str = "self-check") -> str:
    """One quiz block (the static rendering of ``questions`` from ``bank``), taken in ``mode``, with the
    words of the bank's language (``bank.language``: the language its library was loaded in)."""
    language = bank.language
    messages = messages_for(mode, language)
    labels = texts(language)["labels"]
    exam = mode == "exam"
    total = len(questions)
    body = "".join(render_question(q, n, total, exam, language) for n, q in enumerate(questions, start=1))
    # Unique per page as long as a question appears at most once on a page (a rule for authors).
    # quiz.js keys a quiz's saved answers by this id and the page's path.
    dom = f"tt-quiz-{bank.id}-{questions[0].id}"
    mode_attr = ' data-tt-mode="exam"' if exam else ""
    return (
        f'<section class="tt-quiz" id="{dom}" data-tt-bank={_attr(bank.id)}{mode_attr} data-tt-lang="{language}" lang="{language}" data-tt-messages={_attr(messages)} '
        f"data-tt-number={_attr(NUMBER_FORMAT)} "
        f'aria-labelledby="{dom}-title">'
        f'<p class="tt-quiz-title" id="{dom}-title"><strong>{escape(labels["exam_title" if exam else "title"].format(title=bank.title))}</strong></p>'
        f'<p class="tt-quiz-note">{escape(labels["exam_note" if exam else "note"])}</p>'
        f"{body}"
        f"{_footer(dom, exam, messages, total, labels)}"
        f"{_download(dom, exam, language)}"
        "</section>"
    )
