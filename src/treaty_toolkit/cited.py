"""Tables whose sources read as citations ("[KCNA 2024a]", linked to the entry), never as bib keys.

``cited(frame)`` wraps a DataFrame for display; in a notebook, end a cell with it::

    from treaty_toolkit.cited import cited
    cited(chronology_table(events))

Where the sources are in a frame:

- columns named ``source``, ``sources``, ``other_sources`` or ending in ``_source`` or ``_sources``
  hold keys (several joined by ``;`` or ``,``);
- any text cell may cite with pandoc's syntax, ``[@key]`` or ``[@key1; @key2]``
  ("Summary of the statement [@kcna2024treaty]").

The display carries the table twice. As MyST Markdown (``text/markdown``), for the book: myst-nb
parses it as MyST and prefers it to HTML (``nb_render_markdown_format: myst`` and the mime priorities
in ``_config.yml``), so each source is a ``{cite:p}`` role that sphinxcontrib-bibtex resolves like any
citation in the text: the same label, a link to the entry, a tooltip with the reference, the entry in
the page's reference list, and a build error for an unknown key. As HTML (``text/html``), for JupyterLab,
which prefers HTML and would show the roles raw: the same labels as plain text.
"""

from __future__ import annotations

import html
import re
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import pandas as pd

from treaty_toolkit import references

CITATION = re.compile(r"\[@([^\]]+)\]")  # [@key] or [@key1; @key2]
KEY_SEPARATORS = re.compile(r"[;,]")
_MARKDOWN_SPECIALS = {ord(c): "\\" + c for c in string.punctuation}  # CommonMark escapes any of them


def is_source_column(name: object) -> bool:
    name = str(name)
    return name in ("source", "sources", "other_sources") or name.endswith(("_source", "_sources"))


def keys_of(cell: object) -> list[str]:
    """The keys in a source cell ("a; b", "a, b", a single key, or nothing)."""
    if cell is None or (not isinstance(cell, str) and pd.isna(cell)):
        return []
    return [key.strip() for key in KEY_SEPARATORS.split(str(cell)) if key.strip()]


# --- the pieces of a cell -------------------------------------------------------------------------


@dataclass(frozen=True)
class Cite:
    keys: tuple[str, ...]


@dataclass(frozen=True)
class Strong:
    text: str


@dataclass(frozen=True)
class Em:
    text: str


Run = str | Cite | Strong | Em


def runs(cell: object) -> list[Run]:
    """A text cell as runs of text and citations (``[@key]`` markers); pieces already made pass through."""
    if isinstance(cell, list):
        return [piece for part in cell for piece in (runs(part) if isinstance(part, str) else [part])]
    if isinstance(cell, Cite | Strong | Em):
        return [cell]
    text = _text(cell)
    pieces: list[Run] = []
    last = 0
    for match in CITATION.finditer(text):
        pieces += [text[last:match.start()], Cite(tuple(k.strip().removeprefix("@") for k in match.group(1).split(";")))]
        last = match.end()
    pieces.append(text[last:])
    return [piece for piece in pieces if piece != ""]


def _text(value: object) -> str:
    if value is None or (not isinstance(value, str | list) and pd.isna(value)):
        return ""
    if isinstance(value, pd.Timestamp) and value == value.normalize():
        return value.date().isoformat()
    return str(value)


def markdown(pieces: Iterable[Run], keyprefix: str = "") -> str:
    """MyST: text escaped (so data can never become markup), citations as ``{cite:p}`` roles."""
    out = []
    for piece in pieces:
        if isinstance(piece, Cite):
            out.append("{cite:p}`" + ",".join(keyprefix + key for key in piece.keys) + "`")
        elif isinstance(piece, Strong):
            out.append(f"**{_escape(piece.text)}**")
        elif isinstance(piece, Em):
            out.append(f"*{_escape(piece.text)}*")
        else:
            out.append(_escape(piece))
    return "".join(out)


def _escape(text: str) -> str:
    return text.translate(_MARKDOWN_SPECIALS)


def label_text(keys: Sequence[str]) -> str:
    """"[KCNA 2024a; Jiji Press 2024]", as the book writes a citation of these keys."""
    labels = references.labels()
    missing = [key for key in keys if key not in labels]
    if missing:
        raise KeyError(f"not keys in references.bib: {', '.join(missing)}")
    return "[" + "; ".join(labels[key] for key in keys) + "]"


def html_citation(keys: Sequence[str]) -> str:
    """"[KCNA 2024a; Jiji Press 2024]" in HTML, each label marked with its key (``data-cite``).

    In the book, a page with such markers gets each key's link (``treaty_toolkit.book.citation_links``)
    for the scripts that draw them; elsewhere they stay labels.
    """
    label_text(keys)  # every key is in references.bib
    labels = references.labels()
    marked = "; ".join(f'<span data-cite="{html.escape(key)}">{html.escape(labels[key])}</span>' for key in keys)
    return f"[{marked}]"


def html_text(pieces: Iterable[Run]) -> str:
    out = []
    for piece in pieces:
        if isinstance(piece, Cite):
            out.append(html_citation(piece.keys))
        elif isinstance(piece, Strong):
            out.append(f"<strong>{html.escape(piece.text)}</strong>")
        elif isinstance(piece, Em):
            out.append(f"<em>{html.escape(piece.text)}</em>")
        else:
            out.append(html.escape(piece).replace("\n", "<br>"))
    return "".join(out)


def plain_text(pieces: Iterable[Run]) -> str:
    return "".join(label_text(p.keys) if isinstance(p, Cite) else p if isinstance(p, str) else p.text for p in pieces)


# --- the table ------------------------------------------------------------------------------------------


class CitedTable:
    """A DataFrame shown with its sources as citations (see the module's docstring)."""

    def __init__(self, frame: pd.DataFrame, keyprefix: str = "", caption: str = "", index: bool | None = None):
        # The index is shown when it says something: named, or not the default 0, 1, 2, ...
        if index is None:
            index = any(frame.index.names) or not isinstance(frame.index, pd.RangeIndex)
        self.stubs = frame.index.nlevels if index else 0
        self.frame = frame.reset_index() if index else frame
        self.keyprefix, self.caption = keyprefix, caption
        self.header = ["" if str(name).startswith("level_") or name in ("index", None) else str(name)
                       for name in self.frame.columns]
        self.rows = [[Cite(tuple(keys_of(value))) if is_source_column(column) and keys_of(value) else runs(value)
                      for column, value in row.items()] for _, row in self.frame.iterrows()]

    @staticmethod
    def _pieces(cell) -> list[Run]:
        return [cell] if isinstance(cell, Cite) else cell

    def to_markdown(self) -> str:
        lines = [f"```{{list-table}} {_escape(self.caption)}".rstrip(), ":header-rows: 1"]
        if self.stubs:
            lines.append(f":stub-columns: {self.stubs}")
        lines.append("")
        for row in [[[name] for name in self.header], *self.rows]:
            for number, cell in enumerate(row):
                paragraphs = [markdown(runs, self.keyprefix).strip() for runs in _paragraphs(self._pieces(cell))]
                lead = "* - " if number == 0 else "  - "
                lines.append((lead + "\n\n    ".join(paragraphs)).rstrip())
        lines.append("```")
        return "\n".join(lines) + "\n"

    def to_html(self) -> str:
        caption = f"<caption>{html.escape(self.caption)}</caption>" if self.caption else ""
        head = "".join(f'<th scope="col">{html.escape(name)}</th>' for name in self.header)
        body = []
        for row in self.rows:
            cells = [(f'<th scope="row">{html_text(self._pieces(c))}</th>' if n < self.stubs
                      else f"<td>{html_text(self._pieces(c))}</td>") for n, c in enumerate(row)]
            body.append(f"<tr>{''.join(cells)}</tr>")
        return (f'<table class="dataframe cited-table">{caption}<thead><tr>{head}</tr></thead>'
                f"<tbody>{''.join(body)}</tbody></table>")

    def to_plain(self) -> str:
        shown = pd.DataFrame([[plain_text(self._pieces(c)) for c in row] for row in self.rows], columns=self.header)
        return (self.caption + "\n" if self.caption else "") + shown.to_string(index=False)

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {"text/markdown": self.to_markdown(), "text/html": self.to_html(), "text/plain": self.to_plain()}


def _paragraphs(pieces: list[Run]) -> list[list[Run]]:
    """Split at line breaks in the text: each line of a cell is a paragraph of its own."""
    paragraphs: list[list[Run]] = [[]]
    for piece in pieces:
        if isinstance(piece, str) and "\n" in piece:
            first, *others = piece.split("\n")
            paragraphs[-1].append(first)
            paragraphs += [[line] for line in others]
        else:
            paragraphs[-1].append(piece)
    return [[p for p in paragraph if p != ""] for paragraph in paragraphs if any(p != "" for p in paragraph)] or [[]]


def cited(frame: pd.DataFrame, keyprefix: str = "", caption: str = "", index: bool | None = None) -> CitedTable:
    """``frame`` for display with its sources as citations.

    ``keyprefix``: the ``:keyprefix:`` of the page's own reference list, so citations link to it (and
    the entries are listed there); without one they link to the bibliography. ``index``: show the
    index as the first column(s) (default: when it is named or not 0, 1, 2, ...).
    """
    return CitedTable(frame, keyprefix, caption, index)
