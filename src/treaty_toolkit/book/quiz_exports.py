"""The quiz banks for instructors: LMS export downloads and the printable answer key, made at build time.

    ```{lms-downloads}
    ```

    ```{answer-key}
    ```

- ``builder-inited`` (HTML builders): :func:`treaty_toolkit.quiz.lms.export` writes every bank in every
  LMS format to ``_downloads/lms/`` in the HTML output, so the download links always serve files made
  from the banks of this build.
- ``{lms-downloads}``: a table of those files (a row per bank and one for all quizzes) with the
  questions each format leaves out.
- ``{answer-key}``: one section per bank listing every question with its key and explanation.

Bank text goes through the quiz engine's safe Markdown renderer, never through MyST, so it cannot add
markup to the page.
"""

from __future__ import annotations

import posixpath
from html import escape
from pathlib import Path

from docutils import nodes
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxDirective

from treaty_toolkit.book.generated_files import write_unless_current
from treaty_toolkit.project import CONFIG_FILE, OBJECTIVES_FILE, QUIZ_DIR, TOC_FILE, page_source, toc_docnames
from treaty_toolkit.quiz import lms
from treaty_toolkit.quiz.bank import Question, QuizBankError, load_library
from treaty_toolkit.quiz.grading import LABELS
from treaty_toolkit.quiz.lms.common import KIND_NAMES, bounds, number
from treaty_toolkit.quiz.markdown import render_block, render_inline

DOWNLOADS = "_downloads/lms"


def write_exports(app) -> None:
    """builder-inited: the LMS files beside the HTML pages that link them (when the banks changed)."""
    if app.builder.format != "html":
        return
    root, folder = Path(app.srcdir), Path(app.outdir) / DOWNLOADS
    try:
        write_unless_current(app, "lms-exports", folder, bank_inputs(root),
                             lambda: lms.export(load_library(root), folder))
    except (QuizBankError, lms.LmsExportError) as exc:
        raise ExtensionError(f"Quiz banks could not be exported for LMS: {exc}") from None


def bank_inputs(root: Path) -> list[Path]:
    """What the banks' exports and tables are made from: the banks (and their translations), the book's
    title, its objectives and its pages (which set the banks' order)."""
    pages = [page_source(root, d) for d in toc_docnames(root)]
    return [root / CONFIG_FILE, root / TOC_FILE, root / OBJECTIVES_FILE, *sorted((root / QUIZ_DIR).rglob("*.yaml")),
            *filter(None, pages)]


class _BankDirective(SphinxDirective):
    has_content = False

    def library(self):
        root = Path(self.env.srcdir)
        for path in bank_inputs(root):
            self.env.note_dependency(str(path))
        try:
            return load_library(root)
        except QuizBankError as exc:
            raise self.error(str(exc)) from None


class LmsDownloadsDirective(_BankDirective):
    """``{lms-downloads}``: every export file, linked, per bank and for the whole module."""

    def _link(self, name: str, label: str) -> str:
        href = posixpath.relpath(f"{DOWNLOADS}/{name}", posixpath.dirname(self.env.docname) or ".")
        return f'<a class="reference download" href="{escape(href)}" download>{escape(label)}</a>'

    def run(self):
        library = self.library()
        groups = lms.groups(library)
        head = "".join(f'<th scope="col">{escape(h)}</th>' for h in ("Quiz", "Questions", "Files"))
        rows = []
        for group, banks in groups:
            questions = [q for b in banks for q in b.questions]
            links = []
            for fmt in lms.FORMATS:
                left_out = [q for q in questions if q.type in getattr(fmt, "LEFT_OUT", {})]
                note = f"\u00a0({len(left_out)}\u00a0left\u00a0out)" if left_out else ""
                links.append(self._link(lms.file_name(group, fmt), fmt.LABEL) + note)
            name = "All quizzes of the module" if group == lms.MODULE_NAME else banks[0].title
            rows.append(f'<tr><th scope="row">{escape(name)}</th><td>{len(questions)}</td><td>{" · ".join(links)}</td></tr>')
        table = (
            '<div class="pst-scrollable-table-container"><table class="table tt-lms-downloads">'
            "<caption>Quiz files for learning management systems: a row per quiz bank, then all banks in one "
            "file per format</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        )
        everything = [q for b in groups[-1][1] for q in b.questions]
        for kind in sorted({k for f in lms.FORMATS for k in getattr(f, "LEFT_OUT", {})}):
            left_out = [q for q in everything if q.type == kind]
            without = [f.LABEL for f in lms.FORMATS if kind in getattr(f, "LEFT_OUT", {})]
            with_ = [f.LABEL for f in lms.FORMATS if kind not in getattr(f, "LEFT_OUT", {})]
            if left_out:
                items = "".join(f"<li><code>{escape(q.id)}</code> ({escape(library.banks[q.bank].title)})</li>" for q in left_out)
                table += (f"<p>{escape(' and '.join(without))} have no {escape(KIND_NAMES[kind])} question type, so these "
                          f"{len(left_out)} questions are only in the {escape(' and '.join(with_))} files:</p><ul>{items}</ul>")
        return [nodes.raw("", table, format="html")]


def key_html(q: Question) -> str:
    """The correct answer in words (never colour alone)."""
    if q.type == "single":
        return next(render_inline(o.text) for o in q.options if o.correct)
    if q.type == "multiple":
        keyed = "".join(f"<li>{render_inline(o.text)}</li>" for o in q.options if o.correct)
        return f"all of these, and no other option:<ul>{keyed}</ul>"
    if q.type == "truefalse":
        return escape(LABELS["true"] if q.answer else LABELS["false"])
    if q.type == "numeric":
        unit = f" {escape(q.unit)}" if q.unit else ""
        if not q.tolerance:
            return f"{number(q.answer)}{unit} (exactly)"
        low, high = bounds(q)
        return f"{number(q.answer)}{unit} (accepted: {low} to {high})"
    return "in this order:<ol>" + "".join(f"<li>{render_inline(item)}</li>" for item in q.items) + "</ol>"


def question_html(q: Question) -> str:
    parts = [
        f'<li class="tt-answer-key-item" id="key-{escape(q.id)}">',
        f'<p class="tt-answer-key-meta"><code>{escape(q.id)}</code> · {escape(KIND_NAMES[q.type])} · '
        f"objective <code>{escape(q.objective)}</code></p>",
        f'<div class="tt-answer-key-prompt">{render_block(q.prompt)}</div>',
        f'<div class="tt-answer-key-answer"><strong>Key:</strong> {key_html(q)}</div>',
    ]
    if q.explanation:
        parts.append(f'<div class="tt-answer-key-explanation"><strong>Explanation:</strong> {render_block(q.explanation)}</div>')
    for answer, feedback in ((LABELS["true"], q.feedback_true), (LABELS["false"], q.feedback_false)):
        if feedback:
            parts.append(f'<div class="tt-answer-key-explanation"><strong>Feedback for "{escape(answer)}":</strong> '
                         f"{render_block(feedback)}</div>")
    parts.append("</li>")
    return "".join(parts)


class AnswerKeyDirective(_BankDirective):
    """``{answer-key}``: a section per bank, every question with its key and explanation."""

    def run(self):
        sections = []
        for bank in lms.ordered_banks(self.library()):
            section = nodes.section(ids=[f"answer-key-{bank.id}"], names=[f"answer-key-{bank.id}"])
            section += nodes.title(text=bank.title)
            section += nodes.paragraph(text=f"{len(bank.questions)} questions, from {QUIZ_DIR.as_posix()}/{bank.id}.yaml.")
            items = "".join(question_html(q) for q in bank.questions)
            section += nodes.raw("", f'<ol class="tt-answer-key">{items}</ol>', format="html")
            sections.append(section)
        return sections


def setup(app):
    app.add_directive("lms-downloads", LmsDownloadsDirective)
    app.add_directive("answer-key", AnswerKeyDirective)
    app.connect("builder-inited", write_exports)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
