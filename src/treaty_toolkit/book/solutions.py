"""Worked answers folded in the book: exercise notebooks keep them, the page hides them behind a click.

The exercise notebooks are the one source of tasks and solutions (cells tagged ``solution``). While
Sphinx reads a notebook page, a code solution gets myst-nb's ``hide-cell`` tag (input and output folded
into a closed <details>) and a written solution is wrapped in a dropdown admonition.
"""

from __future__ import annotations

import re

from sphinx.application import Sphinx

SOLUTION_TAG = "solution"  # shared with treaty_toolkit.authoring.student_copies
# A check cell calls one of treaty_toolkit.checks' check_* functions. On the page its result ("Correct.")
# judges the folded worked answer, not the empty starter cell above it, so it is folded with the answer.
CHECK_CALL = re.compile(r"^\s*check_\w+\(", re.M)


def fold_solutions(nb) -> bool:
    """Fold every solution cell of ``nb``, and the output of each check after one, in place.

    True if there was a solution.
    """
    changed = False
    after_answer = False
    for cell in nb.cells:
        tags = cell.metadata.get("tags", [])
        if after_answer and cell.cell_type == "code" and CHECK_CALL.search(cell.source):
            cell.metadata["tags"] = [*tags, "hide-output"]
            cell.metadata.setdefault("mystnb", {}).update(
                code_prompt_show="Show the check of the worked answer", code_prompt_hide="Hide the check"
            )
        if SOLUTION_TAG not in tags:
            continue
        after_answer = True
        changed = True
        if cell.cell_type == "code":
            cell.metadata["tags"] = [*tags, "hide-cell"]
            cell.metadata.setdefault("mystnb", {}).update(
                code_prompt_show="Show the worked answer", code_prompt_hide="Hide the worked answer"
            )
        else:
            # A fence longer than any run of colons inside the answer, so the answer cannot close it.
            fence = ":" * max(4, max((len(run) for run in re.findall(r":{3,}", cell.source)), default=0) + 1)
            cell.source = f"{fence}{{admonition}} Worked answer\n:class: dropdown tt-solution\n\n{cell.source}\n{fence}"
    return changed


def read_notebook_page(text: str):
    """The notebook of a page as myst-nb will see it: read, with its solutions folded."""
    import nbformat

    nb = nbformat.reads(text, as_version=4)
    fold_solutions(nb)
    return nb


def hide_solutions(app: Sphinx, docname: str, source: list[str]) -> None:
    """source-read: fold every solution cell of a notebook page."""
    if not str(app.env.doc2path(docname)).endswith(".ipynb"):
        return
    import nbformat

    nb = nbformat.reads(source[0], as_version=4)
    if fold_solutions(nb):
        source[0] = nbformat.writes(nb)


def setup(app: Sphinx):
    app.connect("source-read", hide_solutions)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
