"""The Sphinx extension the book loads (``_config.yml``: ``treaty_toolkit.book``).

This folder is the only part of the package that imports Sphinx or docutils. Each sub-extension is one
module with its own ``setup()``:

- :mod:`.words`: the words the book adds to pages (folds, figures, wide tables), per edition language;
- :mod:`.assets`: MathJax and the widget renderer served offline from ``node_modules``;
- :mod:`.bibstyle`: the reference lists' pybtex style, each entry formatted once (again only when edited);
- :mod:`.bib_links`: plain Markdown links to a bibliography entry (notebooks) lead to that entry;
- :mod:`.bibindex`: reference lists find the pages citing each entry through an index, not a scan;
- :mod:`.execution`: notebook pages executed on every core before reading, never served stale;
- :mod:`.theme`: named fixes to the theme's and myst-nb's output (templates, scripts, accessibility, CSS);
- :mod:`.solutions`: worked answers (exercise pages) and code (chapter notebook pages) folded behind a click;
- :mod:`.student_routes`: launch links and downloads of exercise pages give the student copies;
- :mod:`.quiz_directives`: ``{quiz}`` and ``{objectives}`` (the quiz engine in the book);
- :mod:`.edition_outputs`: notebook outputs of a quiz or the explorer shown in the edition's language;
- :mod:`.objective_map`: ``{objective-map}``, the instructors' alignment table;
- :mod:`.quiz_exports`: ``{lms-downloads}`` and ``{answer-key}``, the banks as LMS files and an answer key;
- :mod:`.worksheets`: ``{worksheet-downloads}``, a printable worksheet per chapter beside the HTML;
- :mod:`.studytime`: ``{study-times}``, the chapter times on the start-here page;
- :mod:`.treaty_guide`: ``{treaty-articles}``, the article-by-article reading guide from the data;
- :mod:`.currency`: ``{as-of}``, how current the account is, on the intro and every chapter;
- :mod:`.chronology`: ``{chronology}``, dated events from the data with linked citations;
- :mod:`.citation_links`: the labels and links of citations that a page's scripts draw (the explorer's sources);
- :mod:`.figures`: every figure links to its file and opens full size (legible on a phone);
- :mod:`.editions`: the language switcher on every page; in the Korean edition each page's notice, an English
  article marked as English, and figure alt text from the page's catalog;
- :mod:`.korean_search`: the Korean edition's search splits words into morphemes (kiwipiepy);
- :mod:`.toc_files`: source files not in ``_toc.yml`` left out, found without walking ``node_modules``;
- :mod:`.sitewide_changes`: every page rebuilt when ``_toc.yml`` or a static file changes, and nothing renumbered or
  re-formatted when no page was read;
- :mod:`.parallel_writing`: pages written on every core (``jupyter-book build`` cannot pass Sphinx's ``-j``);
- :mod:`.book_pdf`: ``{book-pdf}``, the link to the whole book as one PDF, and the single-page build it is printed from.

:mod:`.generated_files` is a helper, not an extension: the LMS exports and worksheets are written beside
the pages only when what they are made from changed.

There is no Thebe ("Live code"): it loaded thebe from a CDN, so offline it never got past "Loading". The
book leaves sphinx_thebe out of its extensions (``_config.yml``) and readers use the launch buttons.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sphinx.application import Sphinx

from . import (
    assets,
    bib_links,
    bibindex,
    bibstyle,
    book_pdf,
    chronology,
    citation_links,
    currency,
    edition_outputs,
    editions,
    execution,
    figures,
    korean_search,
    objective_map,
    parallel_writing,
    quiz_directives,
    quiz_exports,
    sitewide_changes,
    solutions,
    student_routes,
    studytime,
    theme,
    toc_files,
    treaty_guide,
    words,
    worksheets,
)

SUB_EXTENSIONS = (words, assets, bib_links, bibindex, bibstyle, execution, theme, solutions, student_routes, quiz_directives, edition_outputs,
                  objective_map,
                  studytime, treaty_guide, currency, chronology, citation_links, quiz_exports, worksheets, figures,
                  toc_files, sitewide_changes, parallel_writing, book_pdf, editions, korean_search)


def _code_version() -> int:
    """A number that changes with this folder's code: Sphinx re-reads every page when it changes.

    Sphinx keeps each page's parsed form between builds and re-reads only changed sources, so without
    this a change to how pages are transformed here (say, what is folded) would leave old pages in place.
    """
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).resolve().parent.rglob("*.py")):
        digest.update(path.read_bytes())
    return int(digest.hexdigest()[:12], 16)


def setup(app: Sphinx):
    for module in SUB_EXTENSIONS:
        module.setup(app)
    return {"version": "0.1", "env_version": _code_version(), "parallel_read_safe": True, "parallel_write_safe": True}
