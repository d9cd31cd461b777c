"""The quiz banks as files an LMS imports, so the module's quizzes can reach a gradebook.

Four formats, one module each (``write(banks, path, module_title) -> omissions``):

- :mod:`.moodle`: Moodle XML, every type, one category per bank;
- :mod:`.gift`: GIFT, every type but ordering;
- :mod:`.canvas`: Canvas Classic Quizzes QTI 1.2 package, every type but ordering;
- :mod:`.qti21`: IMS QTI 2.1 package, every type.

:func:`export` writes each format per bank and for the whole module (``all-quizzes``). The command
``python -m treaty_toolkit.quiz.lms`` (``make lms``) writes them to ``_build/lms/``; the book build
writes them beside the HTML for the instructor guide's download links. Standard library only: no
Sphinx, widgets or pandas.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from treaty_toolkit.alignment import page_directives, page_text
from treaty_toolkit.project import CONFIG_FILE, TOC_FILE, page_source, toc_docnames

from ..bank import Bank, Library
from . import canvas, gift, moodle, qti21
from .common import LmsExportError, Omission

FORMATS = (moodle, gift, canvas, qti21)
MODULE_NAME = "all-quizzes"
SUFFIXES = tuple(f.SUFFIX for f in FORMATS)

__all__ = ["FORMATS", "MODULE_NAME", "Export", "LmsExportError", "Omission", "export", "file_name", "groups",
           "module_title", "ordered_banks"]


@dataclass
class Export:
    """What :func:`export` wrote: the files per group (a bank id or ``all-quizzes``) and what each format left out."""

    folder: Path
    files: dict[str, dict[str, Path]] = field(default_factory=dict)  # group -> format label -> path
    omitted: dict[str, list[Omission]] = field(default_factory=dict)  # format label -> whole-module omissions


def file_name(group: str, fmt) -> str:
    return f"{group}{fmt.SUFFIX}"


def module_title(library: Library) -> str:
    """The book's title (``_config.yml``), naming the parent category and the whole-module test."""
    config = library.root / CONFIG_FILE
    data = yaml.safe_load(config.read_text(encoding="utf-8")) if config.is_file() else None
    return str((data or {}).get("title") or "Quizzes")


def ordered_banks(library: Library) -> list[Bank]:
    """The banks in the order the book first shows them (its chapter order), then any shown nowhere."""
    first: dict[str, int] = {}
    if (library.root / TOC_FILE).is_file():
        for position, docname in enumerate(toc_docnames(library.root)):
            source = page_source(library.root, docname)
            for name, argument, _options in page_directives(page_text(source)) if source else ():
                if name == "quiz":
                    first.setdefault(argument, position)
    return sorted(library.banks.values(), key=lambda bank: (first.get(bank.id, len(first) + 1), bank.id))


def groups(library: Library) -> list[tuple[str, list[Bank]]]:
    """(file name stem, banks) for each bank, then for the whole module."""
    banks = ordered_banks(library)
    if MODULE_NAME in library.banks:
        raise LmsExportError(f"A bank may not be called '{MODULE_NAME}': that name is the whole module's export")
    return [(bank.id, [bank]) for bank in banks] + [(MODULE_NAME, banks)]


def export(library: Library, folder: Path | str) -> Export:
    """Write every format for each bank and for the whole module into ``folder``.

    Files an earlier run wrote there for a bank that no longer exists are removed; nothing else is touched.
    """
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    title = module_title(library)
    result = Export(folder)
    for group, banks in groups(library):
        result.files[group] = {}
        for fmt in FORMATS:
            path = folder / file_name(group, fmt)
            omitted = fmt.write(banks, path, title)
            result.files[group][fmt.LABEL] = path
            if group == MODULE_NAME:
                result.omitted[fmt.LABEL] = omitted
    written = {p for paths in result.files.values() for p in paths.values()}
    for stale in folder.iterdir():
        if stale.name.endswith(SUFFIXES) and stale not in written:
            stale.unlink()
    return result
