"""``{as-of}``: how current the book is, from the one ``as_of`` entry in ``data/datapackage.json``.

Placed under the title of the intro and of every chapter page, so a reader always sees the date to
which the account runs, when its sources were last checked, and that later events are not covered.
"""

from __future__ import annotations

from pathlib import Path

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from treaty_toolkit.project import DATA_DIR


class AsOfDirective(SphinxDirective):
    has_content = False

    def run(self):
        from treaty_toolkit.data import PACKAGE_FILE, currency  # lazily: pandas only when the directive is used

        data_dir = Path(self.env.srcdir) / DATA_DIR
        self.env.note_dependency(str(data_dir / PACKAGE_FILE))
        box = nodes.admonition(classes=["tt-as-of", "note"])
        box += nodes.title("", "How current this is")
        language = self.env.config.language or "en"
        # The sentence is written in the edition's language, also on a page shown in English for now
        # (docutils writes a "language-" class as the paragraph's lang).
        box += nodes.paragraph("", currency(data_dir).sentence(language), classes=[f"language-{language}"])
        return [box]


def setup(app):
    app.add_directive("as-of", AsOfDirective)
    return {"version": "0.1", "parallel_read_safe": True, "parallel_write_safe": True}
