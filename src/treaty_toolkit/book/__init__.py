"""The Sphinx extension the book loads (``_config.yml``: ``treaty_toolkit.book``).

This folder is the only part of the package that imports Sphinx or docutils. Each sub-extension is one
module with its own ``setup()``:

- :mod:`.assets`: MathJax and the widget renderer served offline from ``node_modules``;
- :mod:`.bibstyle`: the reference lists' pybtex style, each entry formatted once per build;
- :mod:`.execution`: notebook pages executed on every core before reading, never served stale;
- :mod:`.theme`: named fixes to the theme's and myst-nb's output (templates, scripts, accessibility, CSS);
- :mod:`.solutions`: worked answers (exercise pages) and code (chapter notebook pages) folded behind a click;
- :mod:`.student_routes`: launch links and downloads of exercise pages give the student copies;
- :mod:`.quiz_directives`: ``{quiz}`` and ``{objectives}`` (the quiz engine in the book);
- :mod:`.objective_map`: ``{objective-map}``, the instructors' alignment table;
- :mod:`.studytime`: ``{study-times}``, the chapter times on the start-here page;
- :mod:`.treaty_guide`: ``{treaty-articles}``, the article-by-article reading guide from the data;
- :mod:`.currency`: ``{as-of}``, how current the account is, on the intro and every chapter;
- :mod:`.chronology`: ``{chronology}``, dated events from the data with linked citations.

Thebe stays enabled: ``sphinx-thebe.js`` fetches thebe only when a reader clicks "Live code" (which needs
a network connection to Binder anyway), so page loads make no external request.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sphinx.application import Sphinx

from . import (
    assets,
    bibstyle,
    chronology,
    currency,
    execution,
    objective_map,
    quiz_directives,
    solutions,
    student_routes,
    studytime,
    theme,
    treaty_guide,
)

SUB_EXTENSIONS = (assets, bibstyle, execution, theme, solutions, student_routes, quiz_directives, objective_map,
                  studytime, treaty_guide, currency, chronology)


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
