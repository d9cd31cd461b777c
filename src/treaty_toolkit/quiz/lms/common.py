"""What every LMS format shares: bank text as escaped HTML, exact numbers, Moodle's grade fractions, files.

Bank text is Markdown rendered by :mod:`treaty_toolkit.quiz.markdown` (raw HTML off), so whatever a bank
says reaches an LMS as text, never as markup. XML is built with :mod:`xml.etree.ElementTree`, which
escapes text and attributes; zip files are written with fixed dates so a rebuild gives the same bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from html import escape
from pathlib import Path

from ..bank import Question
from ..markdown import render_block, render_inline

XSI = "http://www.w3.org/2001/XMLSchema-instance"
# Formats without a unit slot next to the answer box show the bank's unit under the prompt.
UNIT_LINE = "Unit: {unit}"
KIND_NAMES = {
    "single": "single choice",
    "multiple": "multiple select",
    "truefalse": "true/false",
    "numeric": "numerical",
    "ordering": "ordering",
}

# The grades Moodle's question editor offers for an answer (question_bank::fraction_options_full), as
# fractions of the mark: with these, an imported question keeps its grades when a teacher edits it.
MOODLE_FRACTIONS = (1.0, 0.9, 0.8333333, 0.8, 0.75, 0.7, 0.6666667, 0.6, 0.5, 0.4, 0.3333333, 0.3, 0.25,
                    0.2, 0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05)


class LmsExportError(ValueError):
    """A bank cannot be expressed in an LMS format; the message names the question."""


@dataclass(frozen=True)
class Omission:
    """A question a format leaves out, and why (written into the file and reported)."""

    question: str
    bank: str
    kind: str
    reason: str

    def line(self) -> str:
        return f"{self.question} ({KIND_NAMES[self.kind]}, bank {self.bank}): {self.reason}"


def one_line(text: str) -> str:
    """Titles and descriptions in places that take a single line (categories, comments)."""
    return " ".join((text or "").split())


# Each text is written per bank and again for the whole module, in four formats: render it once.
@cache
def block(markdown: str) -> str:
    return render_block(markdown)


@cache
def inline(markdown: str) -> str:
    return render_inline(markdown)


def prompt_html(q: Question, *, unit_line: bool = True) -> str:
    """The question text; a numerical question's unit under it where the format has no unit slot."""
    html = block(q.prompt)
    if unit_line and q.type == "numeric" and q.unit:
        html += f"<p>{escape(UNIT_LINE.format(unit=q.unit))}</p>"
    return html


def number(value: float) -> str:
    """A bank number as plain decimal text: 448, 0.3, -2.5 (never 448.0 or 1e-05)."""
    text = format(Decimal(repr(float(value))), "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def bounds(q: Question) -> tuple[str, str]:
    """The accepted range of a numerical answer, computed in decimal (0.3 - 0.1 is 0.2, not 0.19999999999999998)."""
    answer, tolerance = Decimal(repr(float(q.answer))), Decimal(repr(float(q.tolerance)))
    return number(float(answer - tolerance)), number(float(answer + tolerance))


def _at_least(share: float) -> float:
    """The smallest Moodle grade that is at least ``share`` (rounded as Moodle stores them, 7 places)."""
    fitting = [f for f in MOODLE_FRACTIONS if f >= round(share, 7) - 1e-9]
    return min(fitting) if fitting else MOODLE_FRACTIONS[0]


def choice_fractions(q: Question, *, moodle: bool = True) -> list[float]:
    """Each option's share of the mark, from -1 to 1.

    Single choice: 1 for the key, 0 otherwise. Multiple select: the correct options share the mark
    equally, and each wrong option costs 1 / (number of wrong options), so ticking every box scores 0,
    not full marks. With ``moodle`` the shares are Moodle grades (MOODLE_FRACTIONS): three correct options
    get 0.3333333 each, which Moodle accepts as summing to 100 %, and a wrong option's cost is rounded up.
    """
    if q.type == "single":
        return [1.0 if o.correct else 0.0 for o in q.options]
    n_right = sum(o.correct for o in q.options)
    n_wrong = len(q.options) - n_right
    right, wrong = 1 / n_right, -1 / n_wrong if n_wrong else 0.0
    if moodle:
        right, wrong = _at_least(right), -_at_least(-wrong) if n_wrong else 0.0
        if abs(right * n_right - 1) > 1e-5:
            raise LmsExportError(f"question '{q.id}': {n_right} correct options cannot share the mark in Moodle's grades")
    return [right if o.correct else wrong for o in q.options]


def percent(fraction: float) -> str:
    """A fraction as the percentage Moodle writes: 100, 33.33333, -50."""
    return number(round(fraction * 100, 5))


def sub(parent: ET.Element, tag: str, text: str | None = None, **attrs) -> ET.Element:
    """A child element with its text and attributes (every format builds its XML this way)."""
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def local(tag: str) -> str:
    return tag.rpartition("}")[2]


def indent(element: ET.Element, mixed: frozenset[str] = frozenset(), level: int = 0) -> None:
    """Like ET.indent, but leaves alone the inside of elements named in ``mixed`` (HTML content,
    where added whitespace would become text)."""
    if len(element) == 0 or local(element.tag) in mixed:
        return
    pad = "\n" + "  " * (level + 1)
    if not (element.text or "").strip():
        element.text = pad
    for child in element:
        indent(child, mixed, level + 1)
        if not (child.tail or "").strip():
            child.tail = pad
    if not (element[-1].tail or "").strip():
        element[-1].tail = "\n" + "  " * level


def document(tag: str, namespace: str, schema: str | None = None, **attrs: str) -> ET.Element:
    """The root element of a file whose elements are all in ``namespace``, declared as the default one
    (so the tree is built with plain names); ``schema``: the XSD location for xsi:schemaLocation."""
    attributes = {"xmlns": namespace}
    if schema:
        attributes |= {"xmlns:xsi": XSI, "xsi:schemaLocation": f"{namespace} {schema}"}
    return ET.Element(tag, attributes | attrs)


def xml_bytes(root: ET.Element, *, mixed: frozenset[str] = frozenset()) -> bytes:
    indent(root, mixed)
    body = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n").encode("utf-8")


def write_zip(path: Path, files: dict[str, bytes]) -> None:
    """A zip with fixed dates and permissions: the same banks always give the same bytes."""
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
