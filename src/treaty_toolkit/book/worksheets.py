"""The chapters' printable worksheets, written beside the HTML, and their table for instructors.

    ```{worksheet-downloads}
    ```

- ``builder-inited`` (HTML builders): :func:`treaty_toolkit.authoring.worksheets.write_all` writes one
  self-contained worksheet per chapter to ``_downloads/worksheets/``, made from this build's sources;
- ``{worksheet-downloads}``: a table row per chapter with what its worksheet holds and links to open
  or download it.
"""

from __future__ import annotations

import posixpath
from html import escape
from pathlib import Path

from docutils import nodes
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxDirective

from treaty_toolkit.authoring import worksheets
from treaty_toolkit.book.generated_files import write_unless_current
from treaty_toolkit.quiz.markdown import render_inline

DOWNLOADS = "_downloads/worksheets"


def _errors():
    """The errors that name a bad source file (the data package's lazily: it loads pandas)."""
    from treaty_toolkit.data import DataValidationError
    from treaty_toolkit.quiz.bank import QuizBankError

    return worksheets.WorksheetError, QuizBankError, DataValidationError


def write_worksheets(app) -> None:
    """builder-inited: the worksheets beside the pages that link them (when their sources changed)."""
    if app.builder.format != "html":
        return
    root, folder = Path(app.srcdir), Path(app.outdir) / DOWNLOADS
    try:
        write_unless_current(app, "worksheets", folder, worksheets.inputs(root),
                             lambda: worksheets.write_all(root, folder))
    except _errors() as exc:
        raise ExtensionError(f"The chapter worksheets could not be written: {exc}") from None


class WorksheetDownloadsDirective(SphinxDirective):
    """``{worksheet-downloads}``: every chapter's worksheet, with its contents counted, linked."""

    has_content = False

    def run(self):
        root = Path(self.env.srcdir)
        for path in worksheets.inputs(root):
            self.env.note_dependency(str(path))
        try:
            sheets = worksheets.chapter_worksheets(root)
        except _errors() as exc:
            raise self.error(str(exc)) from None
        here = posixpath.dirname(self.env.docname) or "."
        rows = []
        for sheet in sheets:
            href = escape(posixpath.relpath(f"{DOWNLOADS}/{sheet.file_name}", here))
            chapter = f"{sheet.number}. {render_inline(sheet.chapter_title)}"
            rows.append(
                f'<tr><th scope="row">{chapter}</th><td>{len(sheet.objectives)}</td><td>{len(sheet.questions)}</td>'
                f"<td>{len(sheet.discussion)}</td>"
                f'<td><a class="reference" href="{href}">Open<span class="visually-hidden"> the chapter '
                f'{sheet.number} worksheet</span></a> · <a class="reference download" href="{href}" download>'
                f'Download<span class="visually-hidden"> the chapter {sheet.number} worksheet</span></a></td></tr>'
            )
        totals = [sum(len(getattr(s, part)) for s in sheets) for part in ("objectives", "questions", "discussion")]
        rows.append(f'<tr><th scope="row">All {len(sheets)} chapters</th>'
                    + "".join(f"<td>{n}</td>" for n in totals) + "<td></td></tr>")
        head = "".join(f'<th scope="col">{h}</th>' for h in
                       ("Chapter", "Learning objectives", "Quiz questions", "Discussion questions", "Worksheet"))
        table = (
            '<div class="pst-scrollable-table-container"><table class="table tt-worksheets">'
            "<caption>One printable worksheet per chapter, and what each holds</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
        )
        return [nodes.raw("", table, format="html")]


def setup(app):
    app.add_directive("worksheet-downloads", WorksheetDownloadsDirective)
    app.connect("builder-inited", write_worksheets)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
