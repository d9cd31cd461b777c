"""The quiz engine in the book: the ``quiz`` and ``objectives`` directives and the engine's browser files.

    ```{quiz} context
    :questions: ctx-signing-date, ctx-ratification-order
    ```

    ```{quiz} review
    :from: context:ctx-signing-date, reading:read-authentic-languages
    :title: Review of the whole module
    :mode: exam
    ```

    ```{objectives} context
    ```

A ``:from:`` quiz reuses questions of several banks (``bank:question-id``); its argument names the
quiz, not a bank. ``:mode: exam`` (default ``self-check``) grades the whole quiz at once, on one
Submit button, and shows no feedback before that. Every bank is validated when the builder starts,
so an invalid bank fails the build even if no page embeds it; the error names file, question id and
field. The edition's language (``language`` in the Sphinx configuration, English by default) chooses
the quiz's words and the banks' translations (``exercises/quizzes/<language>/``).
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxDirective

from treaty_toolkit.project import BIB_FILE, OBJECTIVES_FILE
from treaty_toolkit.quiz import BROWSER_FILES
from treaty_toolkit.quiz.bank import QuizBankError, load_library, objectives_translation
from treaty_toolkit.quiz.grading import MODES, labels_for
from treaty_toolkit.quiz.html import render_quiz


def _library(env):
    return env.app.treaty_quiz_library


def _note_sources(directive: SphinxDirective, *paths: Path) -> None:
    # Rebuild the page when its bank, the objectives or the bibliography change.
    for path in paths:
        directive.env.note_dependency(str(path))


def _comma_list(argument: str) -> list[str]:
    return [part.strip() for part in (argument or "").split(",") if part.strip()]


class QuizDirective(SphinxDirective):
    """``{quiz} <bank>`` with an optional ``:questions: id1, id2`` (default: every question), or
    ``{quiz} <name>`` with ``:from: bank:id, bank:id`` (and an optional ``:title:``) for a review quiz;
    either with an optional ``:mode: self-check`` or ``exam``."""

    required_arguments = 1
    has_content = False
    option_spec = {
        "questions": _comma_list,
        "from": _comma_list,
        "title": directives.unchanged,
        "mode": lambda argument: directives.choice(argument, MODES),
    }

    def run(self):
        library = _library(self.env)
        try:
            if "from" in self.options:
                if "questions" in self.options:
                    raise QuizBankError("use either :questions: (one bank) or :from: (several banks), not both")
                title = self.options.get("title") or labels_for(library.language)["review_title"]
                bank = library.mixed_bank(self.arguments[0], title, self.options["from"])
                banks = {library.banks[q.bank].path for q in bank.questions}
            else:
                bank = library.bank(self.arguments[0])
                banks = {bank.path}
            questions = bank.select(self.options.get("questions"))
        except QuizBankError as exc:
            raise self.error(str(exc)) from None
        _note_sources(self, *sorted(banks), library.root / OBJECTIVES_FILE, library.root / BIB_FILE)
        html = render_quiz(bank, questions, self.options.get("mode", "self-check"))
        return [nodes.raw("", html, format="html")]


class ObjectivesDirective(SphinxDirective):
    """``{objectives} <chapter>``: the chapter's learning objectives from exercises/objectives.yaml."""

    required_arguments = 1
    has_content = False

    def run(self):
        library = _library(self.env)
        chapter = self.arguments[0]
        chosen = [o for o in library.objectives.values() if o.chapter == chapter]
        if not chosen:
            chapters = sorted({o.chapter for o in library.objectives.values()})
            raise self.error(f"No objectives for chapter '{chapter}' in {OBJECTIVES_FILE} (chapters: {', '.join(chapters)})")
        translation = objectives_translation(library.root, library.language)
        _note_sources(self, library.root / OBJECTIVES_FILE, *([translation] if translation.is_file() else []))
        box = nodes.container(classes=["tt-quiz-objectives"])
        # The label is in the edition's language, also on a page shown in English for now (docutils
        # writes a "language-" class as the paragraph's lang).
        box += nodes.paragraph("", "", nodes.strong("", labels_for(library.language)["objectives"]),
                               classes=[f"language-{library.language}"])
        items = nodes.bullet_list()
        for objective in chosen:
            item = nodes.list_item(ids=[f"objective-{objective.id}"])
            item += nodes.paragraph("", objective.text)
            items += item
        box += items
        return [box]


def edition_language(app) -> str:
    """The language of the edition being built (Sphinx's ``language``; English when unset)."""
    return app.config.language or "en"


def _load_banks(app):
    """builder-inited: validate every bank once and serve quiz.js/quiz.css from the book itself."""
    try:
        app.treaty_quiz_library = load_library(Path(app.srcdir), language=edition_language(app))
    except QuizBankError as exc:
        raise ExtensionError(f"Invalid quiz bank: {exc}") from None
    # The two files, not their folder (which holds the engine's Python too). Not a top-level _static/
    # folder either: Jupyter Book would inject everything in it into every page.
    for path in BROWSER_FILES:
        if str(path) not in app.config.html_static_path:
            app.config.html_static_path.append(str(path))


def setup(app):
    app.add_directive("quiz", QuizDirective)
    app.add_directive("objectives", ObjectivesDirective)
    app.connect("builder-inited", _load_banks)
    # Small files, added to every page so quizzes in notebook outputs work too.
    app.add_js_file("quiz.js")
    app.add_css_file("quiz.css")
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
