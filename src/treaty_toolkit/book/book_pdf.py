"""The whole book as one PDF: ``{book-pdf}`` links it, and the single-page build it is printed from works.

``make pdf`` (:mod:`treaty_toolkit.authoring.book_pdf`) builds the book with Sphinx's ``singlehtml``
builder and prints that page to ``<build>/pdf/book.pdf``. The role links that file as a download when it
exists at build time (Sphinx copies it into ``_downloads/``, so the link works wherever the book is
served) and says how to make it when it does not, so no link in the book is ever broken. A page using
the role is read again when the PDF appears, changes or goes away.

The single-page builder needs one fix: sphinx-exercise registers its nodes for ``singlehtml`` by name,
and Sphinx then looks up every node's HTML functions under that name only, so the theme's and
sphinx-design's nodes (tabs) have none. Before writing, the HTML functions fill the gaps.
"""

from __future__ import annotations

import os
from pathlib import Path

from docutils import nodes
from sphinx import addnodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxRole

ROLE = "book-pdf"
CLASS = "tt-book-pdf"


def pdf_path(app: Sphinx) -> Path:
    """Where ``make pdf`` writes the book: ``pdf/book.pdf`` beside the HTML output (``_build/pdf/book.pdf``),
    for every edition (a translated edition's HTML sits inside the English one's)."""
    from .editions import edition_root

    return edition_root(app).parent / "pdf" / "book.pdf"


class BookPdfRole(SphinxRole):
    """``{book-pdf}`text```: a download link to the book's PDF with its size, or how to build it."""

    def run(self):
        pdf = pdf_path(self.env.app)
        exists = pdf.is_file()
        self.env.tt_book_pdf_pages[self.env.docname] = exists
        if not exists:
            note = nodes.inline("", "", classes=[CLASS, f"{CLASS}-missing"])
            note += nodes.Text(f"{self.text} (not in this copy of the book: ")
            note += nodes.literal("make pdf", "make pdf")
            note += nodes.Text(" writes it)")
            return [note], []
        megabytes = pdf.stat().st_size / 1_000_000
        # Relative to the source folder ("/..."), as Sphinx's download role takes it; the download
        # collector copies the file, records it as this page's dependency and warns if it is unreadable.
        target = "/" + Path(os.path.relpath(pdf.resolve(), Path(self.env.srcdir).resolve())).as_posix()
        link = addnodes.download_reference(self.rawtext, "", reftarget=target, refdoc=self.env.docname,
                                           refexplicit=True, classes=[CLASS])
        link += nodes.inline(self.text, f"{self.text} ({megabytes:.1f} MB)")
        return [link], []


def _init_env(app: Sphinx, env, docnames) -> None:
    if not hasattr(env, "tt_book_pdf_pages"):
        env.tt_book_pdf_pages = {}


def _purge(app: Sphinx, env, docname: str) -> None:
    getattr(env, "tt_book_pdf_pages", {}).pop(docname, None)


def _merge(app: Sphinx, env, docnames, other) -> None:
    env.tt_book_pdf_pages.update(getattr(other, "tt_book_pdf_pages", {}))


def _outdated(app: Sphinx, env, added, changed, removed) -> list[str]:
    """Pages whose link was written while the PDF was there and it is gone, or the other way round."""
    exists = pdf_path(app).is_file()
    return [doc for doc, had in getattr(env, "tt_book_pdf_pages", {}).items() if had != exists and doc not in removed]


def _fill_singlehtml_handlers(app: Sphinx) -> None:
    if app.builder.name != "singlehtml":
        return
    handlers = app.registry.translation_handlers
    single = handlers.setdefault("singlehtml", {})
    for node_name, functions in handlers.get("html", {}).items():
        single.setdefault(node_name, functions)


def setup(app: Sphinx) -> None:
    app.add_role(ROLE, BookPdfRole())
    app.connect("env-before-read-docs", _init_env)
    app.connect("env-purge-doc", _purge)
    app.connect("env-merge-info", _merge)
    app.connect("env-get-outdated", _outdated)
    app.connect("builder-inited", _fill_singlehtml_handlers)
