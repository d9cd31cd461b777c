"""Notebook pages as readers meet them: worked answers and chapter code folded behind a click.

The notebooks keep everything; only the page changes, while Sphinx reads it (``source-read``):

- exercise notebooks are the one source of tasks and solutions (cells tagged ``solution``): a code
  solution gets myst-nb's ``hide-cell`` tag (input and output folded into a closed <details>), a written
  solution is wrapped in a dropdown admonition, and the result of a check after it is folded too;
- on chapter notebook pages (``chapters/``) the code is folded (``hide-input``: one click shows it) and
  setup cells, which only import or set display options, are removed, so the page shows prose, tables
  and figures. Exercise pages keep their code in view: students write code there.
"""

from __future__ import annotations

import re

from docutils import nodes
from sphinx.application import Sphinx

from treaty_toolkit.project import SOURCE_LANGUAGE

from .editions import article_language
from .words import book_words

SOLUTION_TAG = "solution"  # shared with treaty_toolkit.authoring.student_copies
# A check cell calls one of treaty_toolkit.checks' check_* functions. On the page its result ("Correct.")
# judges the folded worked answer, not the empty starter cell above it, so it is folded with the answer.
CHECK_CALL = re.compile(r"^\s*check_\w+\(", re.M)
CHAPTERS = "chapters/"
# Tags with which a cell already says how it is shown; such cells are left as they are.
DISPLAY_TAGS = {"remove-cell", "remove-input", "remove-output", "hide-cell", "hide-input", "hide-output"}
# Calls that only set how outputs are displayed.
DISPLAY_OPTIONS = {"pd.set_option", "pandas.set_option"}
# Code cells always carry the English fold prompts: jupyter-cache hashes a code cell's metadata, so
# every edition must hand myst-nb the same cells to find the same cached run. Other editions swap the
# words in the doctree (translate_fold_prompts), on pages whose article is in the edition's language.
FOLD_KEYS = ("show_code", "hide_code", "show_answer", "hide_answer", "show_check", "hide_check")


# A written answer's title, in English like the rest of the source: each page's catalog translates it.
WRITTEN_ANSWER = "Worked answer"


def fold_solutions(nb) -> bool:
    """Fold every solution cell of ``nb``, and the output of each check after one, in place.

    True if there was a solution. Every edition gets the same notebook (English prompts and titles).
    """
    words = book_words("en")
    changed = False
    after_answer = False
    for cell in nb.cells:
        tags = cell.metadata.get("tags", [])
        if after_answer and cell.cell_type == "code" and CHECK_CALL.search(cell.source):
            cell.metadata["tags"] = [*tags, "hide-output"]
            cell.metadata.setdefault("mystnb", {}).update(
                code_prompt_show=words["show_check"], code_prompt_hide=words["hide_check"])
        if SOLUTION_TAG not in tags:
            continue
        after_answer = True
        changed = True
        if cell.cell_type == "code":
            cell.metadata["tags"] = [*tags, "hide-cell"]
            cell.metadata.setdefault("mystnb", {}).update(
                code_prompt_show=words["show_answer"], code_prompt_hide=words["hide_answer"])
        else:
            # A fence longer than any run of colons inside the answer, so the answer cannot close it.
            fence = ":" * max(4, max((len(run) for run in re.findall(r":{3,}", cell.source)), default=0) + 1)
            cell.source = f"{fence}{{admonition}} {WRITTEN_ANSWER}\n:class: dropdown tt-solution\n\n{cell.source}\n{fence}"
    return changed


def is_setup(source: str) -> bool:
    """True for a cell whose every statement is an import, a display option or a notebook magic."""
    import ast

    code = "\n".join(line for line in source.splitlines() if not line.lstrip().startswith("%"))
    try:
        statements = ast.parse(code).body
    except SyntaxError:
        return False
    has_magic = any(line.lstrip().startswith("%") for line in source.splitlines())

    def setup_statement(node) -> bool:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            return True
        call = node.value if isinstance(node, ast.Expr) else None
        return isinstance(call, ast.Call) and ast.unparse(call.func) in DISPLAY_OPTIONS

    return (bool(statements) or has_magic) and all(setup_statement(node) for node in statements)


def fold_chapter_code(nb) -> bool:
    """Fold the code of a chapter notebook page and remove its setup cells; True if anything changed."""
    words = book_words("en")
    changed = False
    for cell in nb.cells:
        tags = cell.metadata.get("tags", [])
        if cell.cell_type != "code" or DISPLAY_TAGS.intersection(tags):
            continue
        changed = True
        if is_setup(cell.source):
            cell.metadata["tags"] = [*tags, "remove-cell"]
        else:
            cell.metadata["tags"] = [*tags, "hide-input"]
            cell.metadata.setdefault("mystnb", {}).update(code_prompt_show=words["show_code"], code_prompt_hide=words["hide_code"])
    return changed


def fold_page(nb, docname: str) -> bool:
    """Everything this module changes on the page of ``docname``; True if anything changed."""
    if docname.startswith(CHAPTERS):
        return fold_chapter_code(nb)
    return fold_solutions(nb)


def read_notebook_page(text: str, docname: str):
    """The notebook of a page as myst-nb will see it (what :func:`fold_notebook_page` hands it)."""
    import nbformat

    nb = nbformat.reads(text, as_version=4)
    fold_page(nb, docname)
    return nb


def fold_notebook_page(app: Sphinx, docname: str, source: list[str]) -> None:
    """source-read: fold solutions (exercise pages) or code (chapter pages) of a notebook page."""
    if not str(app.env.doc2path(docname)).endswith(".ipynb"):
        return
    import nbformat

    nb = nbformat.reads(source[0], as_version=4)
    if fold_page(nb, docname):
        source[0] = nbformat.writes(nb)


def translate_fold_prompts(app: Sphinx, doctree: nodes.document) -> None:
    """doctree-read, after the page's translation state is known: the code folds' prompts in the language
    of the page's article (the cells carry the English ones; a page shown in English keeps them)."""
    language = article_language(app, app.env.docname)
    if language == SOURCE_LANGUAGE:
        return
    names = {book_words(SOURCE_LANGUAGE)[key]: key for key in FOLD_KEYS}
    words = book_words(language)
    for cell in doctree.findall(nodes.container):
        if cell.get("nb_element") == "cell_code" and cell.get("hide_mode"):
            for key in ("prompt_show", "prompt_hide"):
                if cell.get(key) in names:
                    cell[key] = words[names[cell[key]]]


def setup(app: Sphinx):
    app.connect("source-read", fold_notebook_page)
    app.connect("doctree-read", translate_fold_prompts, priority=600)  # after record_translation_state
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
