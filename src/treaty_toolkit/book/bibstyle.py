"""``bibtex_default_style: treaty``: pybtex's ``plain`` style, each entry's text formatted once per build.

Upstream behaviour fixed (sphinxcontrib-bibtex 2.7.0): every ``{bibliography}`` directive formats all of
its entries afresh, and formats each a second time for its hover tooltip, on every build — even when no
page changed. With a reference list on every chapter and the full bibliography, that is about 2,000
formattings of 400 entries, most of a no-change rebuild. An entry's formatted text does not depend on
the list it appears in (only its label does), so the text is kept per parsed entry and reused.

Also fixed (pybtex 0.25): every plugin lookup scans all installed packages' entry points (about 13 ms),
and sphinxcontrib-bibtex looks up the plain-text backend once per citation. The plugins the book uses
are looked up once at setup and registered as pybtex runtime plugins (the same classes), which pybtex
checks first.
"""

from __future__ import annotations

import pybtex.plugin
from pybtex.style import FormattedEntry
from pybtex.style.formatting import plain
from sphinx.application import Sphinx

NAME = "treaty"


class Style(plain.Style):
    # id(entry) -> (entry, text). The entry is kept so its id cannot be reused by another object; a new
    # parse of references.bib makes new entries, so an edited entry is never served stale.
    _texts: dict[int, tuple[object, object]] = {}

    def format_entry(self, label, entry, bib_data=None):
        cached = self._texts.get(id(entry))
        if cached is None or cached[0] is not entry:
            text = super().format_entry(label, entry, bib_data=bib_data).text
            cached = self._texts[id(entry)] = (entry, text)
        return FormattedEntry(entry.key, cached[1], label)


# Every plugin looked up while citations are formatted: the tooltip backend, and the name, label and
# sorting styles that ``plain`` uses (pybtex's defaults, which it looks up by these names).
LOOKED_UP = (("pybtex.backends", "plaintext"), ("pybtex.style.names", "plain"), ("pybtex.style.labels", "number"),
             ("pybtex.style.sorting", "none"))


def register_once(group: str, name: str) -> None:
    pybtex.plugin.register_plugin(group, name, pybtex.plugin.find_plugin(group, name), force=True)


def clear(app: Sphinx, *args) -> None:
    Style._texts.clear()


def setup(app: Sphinx):
    pybtex.plugin.register_plugin("pybtex.style.formatting", NAME, Style)
    for group, name in LOOKED_UP:
        register_once(group, name)
    app.connect("build-finished", clear)
