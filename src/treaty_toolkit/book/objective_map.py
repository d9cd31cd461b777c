"""The ``{objective-map}`` directive: the instructors' objective map, built from the book at build time.

    ```{objective-map}
    ```

One table row per learning objective: the chapter page that lists it, the quiz questions that assess
it (each linked to the page that shows it) and the exercise notebooks that declare it. The data come
from :mod:`treaty_toolkit.alignment`, so the map cannot drift from the banks and notebooks. Gaps are shown
in words in the last column; the build does not fail on them (``tests/test_alignment.py`` does).

Page titles and links are only known once every page has been read, so the directive leaves a
placeholder that ``doctree-resolved`` replaces with the finished table.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from treaty_toolkit.alignment import MIN_EXERCISES, MIN_QUESTIONS, Alignment, alignment_map
from treaty_toolkit.project import EXERCISES_DIR, OBJECTIVES_FILE, QUIZ_DIR, TOC_FILE, page_source, toc_docnames
from treaty_toolkit.quiz.bank import QuizBankError


class objective_map_placeholder(nodes.General, nodes.Element):
    """Replaced by the rendered table in ``doctree-resolved``."""


class ObjectiveMapDirective(SphinxDirective):
    has_content = False

    def run(self):
        root = Path(self.env.srcdir)
        # Rebuild the map when anything it is made from changes.
        watched = [root / OBJECTIVES_FILE, root / TOC_FILE]
        watched += sorted((root / QUIZ_DIR).glob("*.yaml")) + sorted((root / EXERCISES_DIR).glob("*.ipynb"))
        watched += [p for p in (page_source(root, d) for d in toc_docnames(root)) if p is not None]
        for path in watched:
            self.env.note_dependency(str(path))
        return [objective_map_placeholder()]


def _link(builder, fromdoc: str, todoc: str, text: str, anchor: str = "") -> str:
    uri = builder.get_relative_uri(fromdoc, todoc) + (f"#{anchor}" if anchor else "")
    return f'<a class="reference internal" href="{escape(uri)}">{text}</a>'


def _title(env, docname: str) -> str:
    title = env.titles.get(docname)
    return escape(title.astext()) if title is not None else escape(docname)


def render_map(aligned: Alignment, env, builder, fromdoc: str) -> str:
    """The objective map as an accessible HTML table (caption, column and row headers, words not colours)."""
    rows_html = []
    for row in aligned.rows.values():
        chapters = "<br>".join(_link(builder, fromdoc, d, _title(env, d)) for d in row.pages) or "<em>not listed</em>"
        items = []
        for q in row.questions:
            label = f"<code>{escape(q.question)}</code> ({escape(q.bank)})"
            items.append(_link(builder, fromdoc, q.page, label, f"tt-q-{q.question}") if q.page else label)
        quiz = f"<ul>{''.join(f'<li>{i}</li>' for i in items)}</ul>" if items else "<em>none</em>"
        exercises = []
        for notebook in row.exercises:
            docname = notebook.removesuffix(".ipynb")
            label = f"<code>{escape(Path(notebook).name)}</code>"
            exercises.append(_link(builder, fromdoc, docname, label) if docname in env.found_docs else label)
        exercise_cell = "<br>".join(exercises) or "<em>none</em>"
        gaps = []
        if len(row.questions) < MIN_QUESTIONS:
            gaps.append(f"needs {MIN_QUESTIONS - len(row.questions)} more quiz question(s)")
        if len(row.exercises) < MIN_EXERCISES:
            gaps.append("needs an exercise")
        status = "Gap: " + "; ".join(gaps) if gaps else "Covered"
        rows_html.append(
            # The row header holds id and text, so a screen reader announces the objective with each cell.
            f'<tr id="map-{escape(row.id)}"><th scope="row"><code>{escape(row.id)}</code> <span style="font-weight: normal">{escape(row.text)}</span></th>'
            f"<td>{chapters}</td>"
            f"<td>{len(row.questions)}{quiz}</td><td>{exercise_cell}</td><td>{status}</td></tr>"
        )
    n_questions = sum(len(r.questions) for r in aligned.rows.values())
    n_gaps = sum(
        1 for r in aligned.rows.values() if len(r.questions) < MIN_QUESTIONS or len(r.exercises) < MIN_EXERCISES
    )
    n_notebooks = len({nb for r in aligned.rows.values() for nb in r.exercises})
    summary = (
        f'<p class="tt-map-summary">{len(aligned.rows)} objectives, {n_questions} quiz questions, '
        f"{n_notebooks} exercise notebooks declaring objectives. "
        f"{n_gaps} objective(s) fall short of the rule (at least {MIN_QUESTIONS} quiz questions and "
        f"{MIN_EXERCISES} exercise).</p>"
    )
    head = "".join(
        f'<th scope="col">{h}</th>'
        for h in ("Objective (students can…)", "Chapter page", "Quiz questions", "Exercises", "Coverage")
    )
    return (
        summary
        + '<div class="pst-scrollable-table-container"><table class="table tt-objective-map">'
        "<caption>Learning objectives and the quiz questions and exercises that assess them "
        "(generated from the quiz banks and exercise notebooks when the book is built)</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows_html)}</tbody></table></div>"
    )


def replace_placeholders(app, doctree, fromdoc: str) -> None:
    placeholders = list(doctree.findall(objective_map_placeholder))
    if not placeholders:
        return
    try:
        aligned = alignment_map(Path(app.srcdir))
    except QuizBankError as exc:  # the quiz extension already stops the build on a bad bank
        html = f"<p>The objective map could not be built: {escape(str(exc))}</p>"
    else:
        html = render_map(aligned, app.env, app.builder, fromdoc)
    for node in placeholders:
        node.replace_self(nodes.raw("", html, format="html"))


def setup(app):
    app.add_node(objective_map_placeholder)
    app.add_directive("objective-map", ObjectiveMapDirective)
    app.connect("doctree-resolved", replace_placeholders)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
