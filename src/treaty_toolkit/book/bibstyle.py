"""``bibtex_default_style: treaty`` and ``bibtex_reference_style: treaty``: author–year labels everywhere.

The reference lists and the bibliography label each entry as the text cites it ("KCNA 2024a"), with
the labels of :mod:`treaty_toolkit.references` (a/b suffixes assigned over the whole bibliography, so
one entry has one label in every list), sorted by author, year and title. The text's citations are
those labels: ``{cite:p}`` gives "[KCNA 2024a; Jiji Press 2024]", ``{cite:t}`` "KCNA [2024a]".

The entry text is pybtex's ``plain``, except that titles keep the capitalisation they have in
``references.bib`` (``plain`` lower-cases every word of an article or web title but the first).

Upstream behaviour fixed (sphinxcontrib-bibtex 2.7.0): every ``{bibliography}`` directive formats all of
its entries afresh, and formats each a second time for its hover tooltip, on every build — even when no
page changed. With a reference list on every chapter and the full bibliography, that is about 2,000
formattings of 400 entries, most of a no-change rebuild. An entry's formatted text does not depend on
the list it appears in (only its label does), so the text is kept per entry and reused; and it is kept
in the build environment, keyed on the entry's whole content, so a rebuild formats only the entries
that are new or were edited (a no-change rebuild formatted all 520 again: about 1 s per edition).

Also fixed (pybtex 0.25): every plugin lookup scans all installed packages' entry points (about 13 ms),
and sphinxcontrib-bibtex looks up the plain-text backend once per citation. The plugins the book uses
are looked up once at setup and registered as pybtex runtime plugins (the same classes), which pybtex
checks first.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pybtex.plugin
from pybtex.richtext import Text
from pybtex.style import FormattedEntry
from pybtex.style.formatting import plain
from pybtex.style.template import field as bib_field
from pybtex.style.template import join, sentence
from sphinx.application import Sphinx
from sphinxcontrib.bibtex import plugin as bibtex_plugin
from sphinxcontrib.bibtex.style.referencing import BaseReferenceStyle, BracketStyle, GroupReferenceStyle
from sphinxcontrib.bibtex.style.referencing.basic_label import BasicLabelParentheticalReferenceStyle
from sphinxcontrib.bibtex.style.referencing.extra_label import ExtraLabelReferenceStyle
from sphinxcontrib.bibtex.style.template import join2, node, post_text, pre_text, reference

from treaty_toolkit import references

NAME = "treaty"


def content_key(entry) -> tuple:
    """Everything an entry's formatted text is made from: an edited entry has a new key."""
    people = tuple((role, tuple(str(person) for person in persons)) for role, persons in entry.persons.items())
    return entry.key, entry.type, tuple(entry.fields.items()), people


class Style(plain.Style):
    default_label_style = references.LabelStyle
    default_sorting_style = references.SortingStyle
    # content_key(entry) -> text: the texts of the last build that saved its environment (_known), and
    # those this build used (_texts), which the environment keeps for the next one.
    _known: dict[tuple, object] = {}
    _texts: dict[tuple, object] = {}

    def format_title(self, e, which_field, as_sentence=True):
        title = bib_field(which_field)  # as written: no lower-casing
        return sentence[title] if as_sentence else title

    def format_entry(self, label, entry, bib_data=None):
        key = content_key(entry)
        text = self._texts.get(key)
        if text is None:
            text = self._known.get(key)
            if text is None:
                text = super().format_entry(label, entry, bib_data=bib_data).text
            self._texts[key] = text
        return FormattedEntry(entry.key, text, label)


# --- citations in the text ------------------------------------------------------------------------


@node
def label_author(children, data):
    return Text(references.split_label(data["formatted_entry"].label)[0])


@node
def label_year(children, data):
    return Text(references.split_label(data["formatted_entry"].label)[1])


@dataclass
class TextualStyle(BaseReferenceStyle):
    """``{cite:t}``: "KCNA [2024a]", the label split into its author and its year."""

    bracket: BracketStyle = field(default_factory=BracketStyle)

    def role_names(self):
        return [f"{capfirst}t{full}" for capfirst in ("", "c") for full in ("", "s")]

    def outer(self, role_name, children):
        return self.bracket.outer(children, brackets=False, capfirst="c" in role_name)

    def inner(self, role_name):
        return join(sep=" ")[label_author, join[self.bracket.left, join2(sep1=" ", sep2=", ")[
            pre_text, reference[label_year], post_text], self.bracket.right]]


@dataclass
class ReferenceStyle(GroupReferenceStyle):
    """``{cite:p}`` "[KCNA 2024a; Jiji Press 2024]" (the list's labels), ``{cite:t}``, ``{cite:label}``."""

    def __post_init__(self):
        self.styles.extend([BasicLabelParentheticalReferenceStyle(bracket=BracketStyle(sep="; ")),
                            TextualStyle(), ExtraLabelReferenceStyle()])
        super().__post_init__()


# --- set-up -----------------------------------------------------------------------------------------


def use_whole_bibliography(app: Sphinx, env) -> None:
    """env-updated, before sphinxcontrib-bibtex formats the lists: labels come from every entry, and
    texts from the last build."""
    references.LabelStyle.bibliography = env.get_domain("cite").bibdata.data.entries
    Style._known, Style._texts = getattr(env, "tt_bib_texts", {}), {}


def keep_texts(app: Sphinx, env) -> None:
    """env-updated, after sphinxcontrib-bibtex has formatted: the texts this build used go with the
    environment (Sphinx saves it after env-updated, when a page was read)."""
    env.tt_bib_texts = dict(Style._texts)


# Every plugin looked up while citations are formatted: the tooltip backend and the name style that
# ``plain`` uses (pybtex's defaults, which it looks up by these names).
LOOKED_UP = (("pybtex.backends", "plaintext"), ("pybtex.style.names", "plain"))


def register_once(group: str, name: str) -> None:
    pybtex.plugin.register_plugin(group, name, pybtex.plugin.find_plugin(group, name), force=True)


def clear(app: Sphinx, *args) -> None:
    Style._known, Style._texts = {}, {}


def setup(app: Sphinx):
    pybtex.plugin.register_plugin("pybtex.style.formatting", NAME, Style)
    bibtex_plugin.register_plugin("sphinxcontrib.bibtex.style.referencing", NAME, ReferenceStyle, force=True)
    for group, name in LOOKED_UP:
        register_once(group, name)
    app.connect("env-updated", use_whole_bibliography, priority=400)
    app.connect("env-updated", keep_texts, priority=600)
    app.connect("build-finished", clear)
