"""Which quiz questions and exercises assess each learning objective, and where the gaps are.

Three sources are joined, none of them copied:

* ``exercises/objectives.yaml`` and the quiz banks, read by the one quiz loader (``quiz.bank``);
* the book's pages in ``_toc.yml``: a page lists a chapter's objectives with ``{objectives} <chapter>``
  and embeds questions with ``{quiz} <bank>`` (optionally ``:questions: id, ...``);
* the exercise notebooks ``exercises/*.ipynb``: each declares the objectives it assesses in its
  notebook metadata, ``"objectives": ["ctx-1", ...]``.

``alignment_map`` feeds the instructors' objective map (:mod:`treaty_toolkit.book.objective_map`); ``alignment_problems``
is what ``tests/test_alignment.py`` enforces: every objective is assessed by at least
``MIN_QUESTIONS`` quiz questions and ``MIN_EXERCISES`` exercise, and every reference names an objective
that exists.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from .project import EXERCISES_DIR, OBJECTIVES_FILE, TOC_FILE, page_source, toc_docnames
from .quiz.bank import Library, QuizBankError, load_library

MIN_QUESTIONS = 2
MIN_EXERCISES = 1

# A MyST directive fence (``` or :::) opening {quiz} or {objectives}, then its :option: lines.
_DIRECTIVE = re.compile(
    r"^[ \t]*(?:`{3,}|:{3,})\{(?P<name>quiz|objectives)\}[ \t]+(?P<arg>\S+)[ \t]*\n"
    r"(?P<options>(?:[ \t]*:[\w-]+:.*\n)*)",
    re.M,
)


@dataclass(frozen=True)
class QuizItem:
    bank: str
    question: str
    page: str | None  # docname of the page that embeds it (None: in a bank but shown nowhere)


@dataclass
class ObjectiveRow:
    id: str
    chapter: str
    text: str
    pages: list[str] = field(default_factory=list)  # pages listing this objective's chapter
    questions: list[QuizItem] = field(default_factory=list)
    exercises: list[str] = field(default_factory=list)  # notebook paths relative to the root


def page_text(path: Path) -> str:
    """The MyST text of a page: the file itself, or a notebook's markdown cells."""
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        return "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return path.read_text(encoding="utf-8")


def page_directives(text: str) -> list[tuple[str, str, dict[str, list[str]]]]:
    """(name, argument, {option: comma-separated values}) for each {quiz}/{objectives} directive."""
    found = []
    for match in _DIRECTIVE.finditer(text):
        options = {
            name: [part.strip() for part in value.split(",") if part.strip()]
            for name, value in re.findall(r":([\w-]+):(.*)", match["options"])
        }
        found.append((match["name"], match["arg"], options))
    return found


def exercise_declarations(root: Path) -> dict[str, list[str]]:
    """Exercise notebook (path relative to root) -> the objectives its metadata declares."""
    declared = {}
    for path in sorted((root / EXERCISES_DIR).glob("*.ipynb")):
        metadata = json.loads(path.read_text(encoding="utf-8")).get("metadata", {})
        objectives = metadata.get("objectives", [])
        if not isinstance(objectives, list) or not all(isinstance(o, str) for o in objectives):
            raise QuizBankError(f"{path}: metadata field 'objectives' must be a list of objective ids")
        declared[str(path.relative_to(root))] = objectives
    return declared


@dataclass
class Alignment:
    rows: dict[str, ObjectiveRow]
    library: Library
    pages_listing: dict[str, list[str]]  # objectives chapter -> TOC pages listing it
    unknown_refs: list[str]  # problems found while joining (unknown objective, chapter or question)


def alignment_map(root: Path | str) -> Alignment:
    """Join objectives, banks, TOC pages and exercise notebooks into one row per objective."""
    root = Path(root)
    library = load_library(root)
    rows = {o.id: ObjectiveRow(o.id, o.chapter, o.text) for o in library.objectives.values()}
    unknown: list[str] = []

    pages_listing: dict[str, list[str]] = {}
    shown_on: dict[str, str] = {}  # question id -> first TOC page that embeds it
    for docname in toc_docnames(root):
        source = page_source(root, docname)
        if source is None:
            continue  # Jupyter Book itself reports a missing TOC file
        for name, argument, options in page_directives(page_text(source)):
            if name == "objectives":
                pages_listing.setdefault(argument, []).append(docname)
                continue
            # A review quiz (``:from: bank:id, ...``) reuses questions of other banks.
            if "from" in options:
                refs = [ref.partition(":")[::2] for ref in options["from"]]
            elif argument in library.banks:
                chosen = options.get("questions") or [q.id for q in library.banks[argument].questions]
                refs = [(argument, qid) for qid in chosen]
            else:
                unknown.append(f"{source}: {{quiz}} names unknown bank '{argument}'")
                continue
            for bank_id, qid in refs:
                bank = library.banks.get(bank_id.strip())
                if bank is None or qid.strip() not in {q.id for q in bank.questions}:
                    unknown.append(f"{source}: {{quiz}} {argument} names unknown question '{bank_id}:{qid}'")
                shown_on.setdefault(qid.strip(), docname)  # the first page in reading order links

    for row in rows.values():
        row.pages = pages_listing.get(row.chapter, [])
    for bank in library.banks.values():
        for q in bank.questions:
            # load_library already refuses a question whose objective does not exist.
            rows[q.objective].questions.append(QuizItem(bank.id, q.id, shown_on.get(q.id)))
    for notebook, objectives in exercise_declarations(root).items():
        for objective in objectives:
            if objective in rows:
                rows[objective].exercises.append(notebook)
            else:
                unknown.append(f"{root / notebook}: metadata 'objectives' names unknown objective '{objective}'")
    return Alignment(rows, library, pages_listing, unknown)


def alignment_problems(root: Path | str) -> list[str]:
    """Every way the objectives and the assessments fail to line up; an empty list means aligned."""
    root = Path(root)
    try:
        aligned = alignment_map(root)
    except QuizBankError as exc:  # e.g. a question naming an objective that does not exist
        return [str(exc)]
    problems = list(aligned.unknown_refs)
    chapters = {row.chapter for row in aligned.rows.values()}
    for chapter in sorted(chapters):
        if chapter not in aligned.pages_listing:
            problems.append(
                f"{OBJECTIVES_FILE}: chapter '{chapter}' has objectives but no page in {TOC_FILE} lists them "
                f"(add ```{{objectives}} {chapter}``` to the chapter page)"
            )
    for chapter in sorted(set(aligned.pages_listing) - chapters):
        pages = ", ".join(aligned.pages_listing[chapter])
        problems.append(f"{pages}: {{objectives}} names chapter '{chapter}', which has no objectives")
    for row in aligned.rows.values():
        if len(row.questions) < MIN_QUESTIONS:
            problems.append(
                f"objective '{row.id}' ({row.chapter}): {len(row.questions)} quiz question(s), "
                f"needs at least {MIN_QUESTIONS}"
            )
        if len(row.exercises) < MIN_EXERCISES:
            problems.append(
                f"objective '{row.id}' ({row.chapter}): no exercise notebook declares it "
                f"(notebook metadata \"objectives\")"
            )
    return problems


__all__ = [
    "Alignment",
    "ObjectiveRow",
    "QuizItem",
    "alignment_map",
    "alignment_problems",
    "exercise_declarations",
    "page_directives",
]
