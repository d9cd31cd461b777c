"""Author–year labels of the ``references.bib`` entries: "Jiji Press 2024", "KCNA 2024a".

One label per entry, the same everywhere: in the text's citations, in every reference list and the
bibliography, and in the notebooks' tables. So the a/b suffixes that tell apart one author's entries of
the same year are assigned once over the whole bibliography, never per list (a chapter citing only
one of KCNA's 2024 reports still calls it by its full-bibliography label).

- The author part: the ``shortauthor`` field if the entry has one (as in biblatex, for a name the text
  abbreviates), else the authors' last names ("A", "A and B", "A et al."), else the editors', else
  the title.
- The year part: the ``year`` field, or "n.d.".
- Order (of the suffixes and of every list): author part, year, title, key; letters without case.

This module needs only pybtex; the book's pybtex style (``treaty_toolkit.book.bibstyle``) uses it,
and so do notebooks that show sources (``treaty_toolkit.cited``), each reading labels from here.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Mapping
from functools import lru_cache
from pathlib import Path

import latexcodec  # noqa: F401 (registers the "ulatex" codec; a dependency of pybtex)
from pybtex.style.labels import BaseLabelStyle
from pybtex.style.sorting import BaseSortingStyle

from treaty_toolkit import project

NO_YEAR = "n.d."


def _plain(latex: str) -> str:
    """A field as plain text: LaTeX accents resolved, braces dropped ("{KBS World}" -> "KBS World").

    latexcodec (pybtex's own decoder) only where there is a command: pybtex's rich-text parser takes a
    tenth of a second a field.
    """
    text = codecs.decode(latex, "ulatex") if "\\" in latex else latex
    return text.replace("{", "").replace("}", "")


def label_author(entry) -> str:
    if entry.fields.get("shortauthor"):
        return _plain(entry.fields["shortauthor"])
    persons = entry.persons.get("author") or entry.persons.get("editor")
    if not persons:
        return _plain(entry.fields.get("title", entry.key))
    names = [" ".join(_plain(part) for part in (*person.prelast_names, *person.last_names)) for person in persons]
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return f"{names[0]} and {names[1]}"
    return f"{names[0]} et al."


def label_year(entry) -> str:
    return _plain(entry.fields["year"]) if entry.fields.get("year") else NO_YEAR


def sort_key(entry) -> tuple[str, str, str, str]:
    return (label_author(entry).casefold(), label_year(entry), _plain(entry.fields.get("title", "")).casefold(),
            entry.key)


def _suffix(index: int) -> str:
    """a, b, ..., z, aa, ab, ...: the index-th entry (from 0) of one author's year."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def assign_labels(entries: Iterable) -> dict[str, str]:
    """``{key: label}`` for these entries, same author and year told apart by a, b, ... in sort order."""
    groups: dict[tuple[str, str], list] = {}
    for entry in sorted(entries, key=sort_key):
        groups.setdefault((label_author(entry), label_year(entry)), []).append(entry)
    labels = {}
    for (author, year), group in groups.items():
        for index, entry in enumerate(group):
            labels[entry.key] = f"{author} {year}{_suffix(index) if len(group) > 1 else ''}"
    return labels


def split_label(label: str) -> tuple[str, str]:
    """("KCNA", "2024a") from "KCNA 2024a": the year part never holds a space."""
    author, _, year = label.rpartition(" ")
    return author, year


class SortingStyle(BaseSortingStyle):
    """pybtex sorting plugin: author part, year, title, key (the order the suffixes follow)."""

    def sorting_key(self, entry):
        return sort_key(entry)


class LabelStyle(BaseLabelStyle):
    """pybtex label plugin: each entry's label within ``bibliography`` (all entries of the bibliography).

    pybtex hands a style only the entries of one list; labels computed from those alone would call the
    same entry "KCNA 2024" in one chapter and "KCNA 2024b" in the bibliography. Without
    ``bibliography`` the entries given are the whole bibliography.
    """

    bibliography: Mapping | None = None
    _labels: tuple[object, dict[str, str]] | None = None

    def format_labels(self, sorted_entries):
        entries = list(sorted_entries)
        if self.bibliography is None:
            labels = assign_labels(entries)
        else:
            cached = LabelStyle._labels
            if cached is None or cached[0] is not self.bibliography:
                cached = LabelStyle._labels = (self.bibliography, assign_labels(self.bibliography.values()))
            labels = cached[1]
        for entry in entries:
            yield labels[entry.key]


@lru_cache(maxsize=4)
def _labels_of(path: str, mtime_ns: int) -> dict[str, str]:
    from pybtex.database import parse_file

    return assign_labels(parse_file(path).entries.values())


def labels(bib_file: Path | str | None = None) -> dict[str, str]:
    """``{key: label}`` for every entry of ``references.bib`` (by default the book's)."""
    path = Path(bib_file) if bib_file is not None else project.find_book_root() / project.BIB_FILE
    return _labels_of(str(path), path.stat().st_mtime_ns)
