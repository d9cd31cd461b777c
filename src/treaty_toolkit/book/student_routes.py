"""What students download or launch from an exercise page is the student copy, not the worked answers.

Upstream behaviour fixed (sphinx-book-theme 1.3.0): the launch buttons (Binder, JupyterHub through
nbgitpuller, Colab) open the page's own source file, and the download button serves that same file
from ``_sources/`` — for an exercise, the notebook with every worked answer. Here:

- ``html-page-context`` (after the theme has made its buttons): on a page that has a committed student
  copy (``exercises/student/``, see :mod:`treaty_toolkit.authoring.student_copies`), every launch link
  points at that copy instead;
- ``build-finished``: the downloadable ``_sources/exercises/*.ipynb`` are replaced by the student copies.

The book page itself still shows the worked answers, folded (:mod:`.solutions`).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import quote

from sphinx.application import Sphinx

from treaty_toolkit import project

LAUNCH_MARKERS = ("urlpath=", "git-pull", "colab.research.google.com")  # Binder, JupyterHub, Colab


def retarget(url: str, source: str, student: str) -> str:
    """``url`` with the notebook path ``source`` replaced by ``student``, written plainly or URL-encoded."""
    if not any(marker in url for marker in LAUNCH_MARKERS):
        return url  # the repository, edit and issue links stay on the page's own source
    for old, new in ((source, student), (quote(source, safe=""), quote(student, safe="")), (quote(source), quote(student))):
        url = url.replace(old, new)
    return url


def _retarget_buttons(buttons, source: str, student: str) -> None:
    for button in buttons or ():
        if isinstance(button, dict):
            if isinstance(button.get("url"), str):
                button["url"] = retarget(button["url"], source, student)
            _retarget_buttons(button.get("buttons"), source, student)


def launch_student_copies(app: Sphinx, pagename, templatename, context, doctree) -> None:
    """html-page-context: an exercise page's launch links open its student copy."""
    copy = project.student_copy(Path(app.srcdir), pagename)
    if copy is None:
        return
    source = f"{pagename}.ipynb"
    student = copy.relative_to(Path(app.srcdir)).as_posix()
    _retarget_buttons(context.get("header_buttons"), source, student)


def serve_student_copies(app: Sphinx, exception) -> None:
    """build-finished: the downloadable exercise notebooks are the student copies."""
    if exception is not None or app.builder.format != "html":
        return
    srcdir = Path(app.srcdir)
    for docname in app.env.found_docs:
        copy = project.student_copy(srcdir, docname)
        target = Path(app.outdir) / "_sources" / f"{docname}.ipynb"
        if copy is not None and target.is_file():
            shutil.copyfile(copy, target)


def setup(app: Sphinx):
    app.connect("html-page-context", launch_student_copies, priority=900)
    app.connect("build-finished", serve_student_copies)
