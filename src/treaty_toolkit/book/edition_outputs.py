"""Notebook outputs of the package's own displays (a quiz, the Article 4 explorer) in the edition's language.

A notebook's stored output is computed when the notebook runs, and the kernel knows nothing of the
edition being built: the Korean edition would show the English quiz and explorer. Both outputs say
what they show (a quiz: its bank, its question ids and mode; the explorer: its element id), so when
the edition is not English each one is rendered again here, in that language, from the same banks
and data. The notebooks and the English edition stay as they are.
"""

from __future__ import annotations

import re
from html import unescape

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

from treaty_toolkit.book.quiz_directives import edition_language
from treaty_toolkit.quiz.bank import QuizBankError
from treaty_toolkit.quiz.html import render_quiz

QUIZ = re.compile(r'^\s*<section class="tt-quiz" id="[^"]*" data-tt-bank="([^"]+)"( data-tt-mode="exam")?')
QUESTION = re.compile(r'<form class="tt-quiz-question" id="[^"]*"(?: lang="[^"]*")? data-tt-question="([^"]+)"')
EXPLORER = re.compile(r'^\s*<div class="art4-explorer" id="([^"]+)"(?: lang="[^"]*")? data-art4-explorer>')


def rendered_again(html: str, library, language: str) -> str | None:
    """The output ``html`` rendered in ``language``; None when it is not a quiz or the explorer."""
    quiz = QUIZ.match(html)
    if quiz:
        bank = library.bank(unescape(quiz.group(1)))
        questions = bank.select([unescape(qid) for qid in QUESTION.findall(html)])
        return render_quiz(bank, questions, "exam" if quiz.group(2) else "self-check")
    explorer = EXPLORER.match(html)
    if explorer:
        from treaty_toolkit.explorer import explorer as make

        return make(unescape(explorer.group(1)), language).to_html()
    return None


def in_cell_output(node: nodes.Node) -> bool:
    """Whether ``node`` is part of a notebook cell's stored output (myst-nb's ``cell_output`` container)."""
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.container) and "cell_output" in parent.get("classes", []):
            return True
        parent = parent.parent
    return False


def _translate_outputs(app: Sphinx, doctree: nodes.document) -> None:
    language = edition_language(app)
    if language == "en":
        return
    for raw in list(doctree.findall(nodes.raw)):
        if "html" not in raw.get("format", "").split() or not in_cell_output(raw):
            continue  # a {quiz} directive's own HTML is already in the edition's language
        try:
            html = rendered_again(raw.astext(), app.treaty_quiz_library, language)
        except (QuizBankError, ValueError) as exc:
            raise ExtensionError(f"{app.env.docname}: a notebook output cannot be shown in '{language}': {exc}") from None
        if html is not None:
            raw.replace_self(nodes.raw("", html, format="html", classes=raw.get("classes", [])))


def setup(app: Sphinx):
    app.connect("doctree-read", _translate_outputs)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
