"""Facts about the book that every part of the package needs: where things are and what the TOC holds.

Light on purpose (standard library only at import time): notebooks, the Sphinx extension, the
authoring tools and the tests all import it.
"""

from __future__ import annotations

import re
from pathlib import Path

# Paths relative to the book root.
TOC_FILE = Path("_toc.yml")
CONFIG_FILE = Path("_config.yml")
BIB_FILE = Path("references.bib")
DATA_DIR = Path("data")
PACKAGE_FILE = "datapackage.json"  # the data package's descriptor, in DATA_DIR
EXERCISES_DIR = Path("exercises")
QUIZ_DIR = EXERCISES_DIR / "quizzes"
OBJECTIVES_FILE = EXERCISES_DIR / "objectives.yaml"
# Student copies of the exercise notebooks (tasks and checks, no worked answers), generated from the
# exercises and committed, because Binder, JupyterHub and the download button hand out these files.
STUDENT_DIR = EXERCISES_DIR / "student"
NOTEBOOK_FOLDERS = ("chapters", "exercises")
# Folders under the notebook folders that hold tool output, never sources.
SKIPPED_PARTS = frozenset({".ipynb_checkpoints", "_build", ".jupyter_cache"})

# The source checkout this module lives in (src/treaty_toolkit/project.py -> the repository).
CHECKOUT = Path(__file__).resolve().parents[2]

# A chapter's page: chapters/NN-name/index (its other pages and the review are not chapters).
CHAPTER_PAGE = re.compile(r"^chapters/\d\d-[^/]+/index$")

# An entry opening such as "@misc{kcna2024treaty," (not @comment/@string/@preamble).
_BIB_KEY = re.compile(r"^\s*@(?!comment\b|string\b|preamble\b)\w+\s*[{(]\s*([^,\s]+)\s*,", re.IGNORECASE | re.MULTILINE)


class BookNotFound(FileNotFoundError):
    """No book root (a folder with _config.yml and exercises/) was found."""


def is_book_root(folder: Path) -> bool:
    return (folder / CONFIG_FILE).is_file() and (folder / EXERCISES_DIR).is_dir()


def find_book_root(start: Path | str | None = None) -> Path:
    """The book root at or above ``start`` (default: the working directory), else this checkout.

    Notebooks run from their own folder (``chapters/...``), so we walk up; the checkout is the fallback
    so the package also works from a scratch folder on an instructor's machine.
    """
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if is_book_root(folder):
            return folder
    if is_book_root(CHECKOUT):
        return CHECKOUT
    raise BookNotFound(f"No book root (a folder with {CONFIG_FILE} and {EXERCISES_DIR}/) at or above {here}")


def bib_keys(path: Path) -> set[str]:
    """The entry keys defined in a BibTeX file."""
    return set(_BIB_KEY.findall(Path(path).read_text(encoding="utf-8")))


def toc_docnames(root: Path) -> list[str]:
    """Every page in ``_toc.yml`` in reading order (root, then parts, chapters and sections).

    Parsed by ``sphinx_external_toc``, the parser Jupyter Book itself uses, so this list is the book's.
    """
    from sphinx_external_toc.api import FileItem
    from sphinx_external_toc.parsing import parse_toc_yaml

    site_map = parse_toc_yaml(Path(root) / TOC_FILE)
    names: list[str] = []

    def walk(docname: str) -> None:
        names.append(docname)
        for subtree in site_map[docname].subtrees:
            for item in subtree.items:
                if isinstance(item, FileItem):
                    walk(str(item))

    walk(site_map.root.docname)
    return names


def chapter_pages(root: Path) -> list[str]:
    """The chapter pages named in ``_toc.yml``, in reading order."""
    return [name for name in toc_docnames(root) if CHAPTER_PAGE.match(name)]


def page_source(root: Path, docname: str) -> Path | None:
    """The source file of a page (``.md`` or ``.ipynb``), or None."""
    for suffix in (".md", ".ipynb"):
        path = Path(root) / (docname + suffix)
        if path.is_file():
            return path
    return None


def is_notebook_source(path: Path) -> bool:
    """An .ipynb, or a MyST Markdown notebook (a jupytext header with a kernelspec)."""
    if path.suffix == ".ipynb":
        return True
    if path.suffix != ".md":
        return False
    text = path.read_text(encoding="utf-8")
    return text.startswith("---") and "kernelspec" in text.split("---", 2)[1]


def stored_notebooks(root: Path) -> list[Path]:
    """Every .ipynb the project stores under chapters/ and exercises/ with its outputs.

    Not checkpoints, builds or the generated student copies (which have no outputs).
    """
    found = []
    students = Path(root) / STUDENT_DIR
    for folder in NOTEBOOK_FOLDERS:
        for path in sorted((Path(root) / folder).rglob("*.ipynb")):
            if not SKIPPED_PARTS.intersection(path.relative_to(root).parts) and students not in path.parents:
                found.append(path)
    return found


def student_copy(root: Path, docname: str) -> Path | None:
    """The committed student copy of an exercise page (``exercises/02-reading``), or None."""
    doc = Path(docname)
    if doc.parent != EXERCISES_DIR:
        return None
    path = Path(root) / STUDENT_DIR / f"{doc.name}.ipynb"
    return path if path.is_file() else None


# The book's editions: language code -> output folder under the HTML build (English at its root).
EDITIONS = {"en": "", "ko": "ko"}
SOURCE_LANGUAGE = "en"
LOCALE_DIR = Path("locales")
# Pages of the Korean edition translated in full (their catalogs complete); the rest show the English
# text with a notice in Korean until their catalogs are.
PILOT_PAGES = (
    "intro",
    "start-here",
    "chapters/01-context/index",
    "chapters/01-context/timeline",
    "chapters/01-context/since-entry-into-force",
    "chapters/03-article4/index",
    "chapters/03-article4/explorer",
    "glossary",
)


def catalog_path(root: Path, language: str, docname: str) -> Path:
    """The gettext catalog of one page (one per page: ``gettext_compact`` is off)."""
    return Path(root) / LOCALE_DIR / language / "LC_MESSAGES" / f"{docname}.po"
