"""Tables and sentences for readers: the shared core of each chapter module's ``for_readers``.

A frame made for analysis carries column ids (``signed_year``), row ids, timestamps and pandas row
numbers. :func:`table` shows the same values for people: columns named in words, ids replaced by names,
dates written as "6 July 1961" (:func:`treaty_toolkit.style.day`), no row numbers (an index is shown only
when it is named: then it says what the rows are), blanks for missing values, and sources as citations
(:func:`treaty_toolkit.cited.cited`). Only the presentation changes; the values are the frame's.

:func:`said` is the same for a computed sentence ("Signature to entry into force: 168 days"): the book
shows it as a paragraph, not as program output, and a paragraph is a message the translation catalogs
hold, as the tables' cells are, so a translated edition shows it in its own language.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

import pandas as pd

from .cited import Cite, CitedTable, cited, is_source_column, keys_of
from .style import day

ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
Values = Mapping[object, str] | Callable[[object], str]


def words(name: object) -> str:
    """A column id in words, for names a module does not list: "days_after" -> "Days after"."""
    text = str(name).replace("_", " ").replace("-", " ").strip()
    return text[:1].upper() + text[1:]


def _missing(value: object) -> bool:
    return value is None or (not isinstance(value, str | list | tuple) and bool(pd.isna(value)))


def cell(value: object) -> object:
    if isinstance(value, list | tuple):
        return ", ".join(str(cell(v)) for v in value)
    if _missing(value):
        return ""
    if isinstance(value, str) and ISO_DAY.fullmatch(value):  # a date kept as text
        value = pd.Timestamp(value)
    if isinstance(value, pd.Timestamp):
        return day(value) if value == value.normalize() else f"{day(value)} {value:%H:%M}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value


def _mapped(values: Values, value: object) -> object:
    if _missing(value):
        return value
    return values(value) if callable(values) else values.get(value, value)


def readable(frame: pd.DataFrame, names: Mapping[str, str] | None = None,
             values: Mapping[str, Values] | None = None, index: str | None = None) -> pd.DataFrame:
    """``frame`` with named columns and readable cells (what :func:`table` shows, as a DataFrame).

    ``names`` maps column ids to headers (others are put in words); ``values`` maps a column id to a
    dict or function giving each id's name; ``index`` names the index and keeps it, else it is kept only
    when the frame names it.
    """
    names, values = dict(names or {}), dict(values or {})
    shown = frame.rename_axis(index) if index is not None else frame.copy()
    if any(shown.index.names):
        levels = list(shown.index.names)
        for level in levels:
            if level in values:
                shown = shown.rename(index=lambda v, m=values[level]: _mapped(m, v), level=level)
        shown = shown.rename_axis([n if n == index else names.get(str(n), words(n)) for n in levels])
    else:
        shown = shown.reset_index(drop=True)
    columns = []
    for column in frame.columns:
        series = shown[column]
        if is_source_column(column):  # cited before renaming: cited() knows source columns by their ids
            series = series.map(lambda v: Cite(tuple(keys_of(v))) if keys_of(v) else "")
        elif column in values:
            series = series.map(lambda v, m=values[column]: _mapped(m, v))
        columns.append(series.astype(object).map(cell).rename(names.get(str(column), words(column))))
    out = pd.concat(columns, axis=1) if columns else pd.DataFrame(index=shown.index)
    out.index = shown.index
    return out


def table(frame: pd.DataFrame, names: Mapping[str, str] | None = None, values: Mapping[str, Values] | None = None,
          index: str | None = None, caption: str = "", keyprefix: str = "") -> CitedTable:
    """``frame`` for display as :func:`readable` makes it, with its sources as citations."""
    shown = readable(frame, names, values, index)
    return cited(shown, keyprefix=keyprefix, caption=caption, index=any(shown.index.names))


# Characters that Markdown would read as markup in a computed sentence.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


class Sentences:
    """Computed sentences, one paragraph each in a notebook or the book; plain lines in a terminal."""

    def __init__(self, lines: tuple[str, ...]):
        self.lines = lines

    def _repr_markdown_(self) -> str:
        return "\n\n".join(MARKDOWN_SPECIAL.sub(r"\\\1", line) for line in self.lines)

    def __repr__(self) -> str:
        return "\n".join(self.lines)


def said(*lines: str) -> Sentences:
    """Show ``lines`` to readers as sentences (see the module's docstring)."""
    if not lines or not all(isinstance(line, str) and line.strip() for line in lines):
        raise ValueError("said() needs one or more sentences of text")
    return Sentences(tuple(line.strip() for line in lines))
