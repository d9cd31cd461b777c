"""A printable student worksheet per chapter, made from the same files as the chapter's page.

Each worksheet is one self-contained HTML file (its styles inline, no script, no link it needs to load)
holding the chapter's learning objectives (``exercises/objectives.yaml``), the questions of the quiz the
chapter page embeds, without keys, feedback or explanations, and the page's discussion questions, each
with room to answer on paper. The header names the book, the chapter and the date the account runs to
(``as_of`` in ``data/datapackage.json``), with lines for a name and a date.

Bank text goes through the quiz engine's safe Markdown renderer (``quiz.markdown``), as everywhere
else, so it cannot add markup. Ordering items are shown in the quiz's own shuffled order, never the
correct one. The book writes the files beside its HTML (:mod:`treaty_toolkit.book.worksheets`); to
write them without a build:

    python -m treaty_toolkit.authoring.worksheets [FOLDER]    # default: _build/worksheets
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from treaty_toolkit.alignment import page_directives, page_text
from treaty_toolkit.project import (
    CONFIG_FILE,
    DATA_DIR,
    OBJECTIVES_FILE,
    PACKAGE_FILE,
    QUIZ_DIR,
    TOC_FILE,
    chapter_pages,
    find_book_root,
)
from treaty_toolkit.quiz.bank import Library, Objective, Question, QuizBankError, load_library
from treaty_toolkit.quiz.grading import LABELS, display_order
from treaty_toolkit.quiz.lms import module_title
from treaty_toolkit.quiz.markdown import render_block, render_inline

HERE = Path(__file__).resolve().parent
# The book's print rules, inlined so a saved worksheet prints the same; the worksheet's own layout.
PRINT_CSS = HERE.parent / "book" / "static" / "print.css"
WORKSHEET_CSS = HERE / "worksheet.css"
DISCUSSION_HEADING = "## Discussion questions"
DISCUSSION_LINES = 8  # ruled lines under each discussion question
# What to do on paper, per question type (the quiz's own labels speak of pressing buttons).
HOW = {
    "single": "Tick one box.",
    "multiple": "Tick every box that applies.",
    "truefalse": "Tick one box.",
    "ordering": "Number the items from 1 to {n} in the order the question asks for.",
}
_ROLE = re.compile(r"\{(?P<role>[\w:.-]+)\}`(?P<text>[^`]*)`")


class WorksheetError(ValueError):
    """A chapter page cannot give its worksheet (no discussion questions, say); the message names the file."""


@dataclass(frozen=True)
class Worksheet:
    """What one chapter's worksheet holds; every text is Markdown or plain text, escaped when rendered."""

    number: int
    docname: str  # chapters/03-article4/index
    book_title: str
    chapter_title: str
    as_of: str
    objectives: tuple[Objective, ...]
    questions: tuple[Question, ...]
    discussion: tuple[str, ...]

    @property
    def file_name(self) -> str:
        return file_name(self.docname)


def file_name(docname: str) -> str:
    """The worksheet's file for a chapter page: chapters/03-article4/index -> worksheet-03-article4.html."""
    return f"worksheet-{Path(docname).parent.name}.html"


def _plain_roles(text: str, where: str) -> str:
    """MyST roles as the words they show ({doc}`label <target>` -> label): paper has no links.
    A citation cannot be printed that way, so it is refused rather than dropped."""

    def words(match):
        if match["role"].startswith("cite"):
            raise WorksheetError(f"{where}: a discussion question cites ({match[0]}); worksheets print the "
                                 "questions without citations, so cite in the chapter text instead")
        label = re.match(r"(.*?)\s*<[^>]*>$", match["text"], re.S)
        return label.group(1) if label else match["text"]

    return _ROLE.sub(words, text)


def discussion_questions(path: Path) -> list[str]:
    """The numbered questions (Markdown) of a chapter page's "## Discussion questions" section."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    if DISCUSSION_HEADING not in lines:
        raise WorksheetError(f"{path}: no '{DISCUSSION_HEADING}' section; the chapter's worksheet prints its questions")
    start = lines.index(DISCUSSION_HEADING) + 1
    questions: list[str] = []
    for line in lines[start:]:
        if re.match(r"#{1,2} ", line):
            break  # the next section
        item = re.match(r"\d+[.)]\s+(.*)", line)
        if item:
            questions.append(item.group(1).strip())
        elif questions and line[:1] in (" ", "\t") and line.strip():
            questions[-1] += " " + line.strip()  # a continuation line of the question above
    if not questions:
        raise WorksheetError(f"{path}, line {start}: the '{DISCUSSION_HEADING}' section has no numbered questions")
    return [_plain_roles(q, f"{path}, '{DISCUSSION_HEADING}'") for q in questions]


def _chapter_title(path: Path) -> str:
    title = re.search(r"^# (.+)$", path.read_text(encoding="utf-8"), re.M)
    if not title:
        raise WorksheetError(f"{path}: no '# ' title line")
    return title.group(1).strip()


def _page_parts(library: Library, path: Path) -> tuple[list[Objective], list[Question]]:
    """The objectives and quiz questions a chapter page shows, read from its directives."""
    objectives: list[Objective] = []
    questions: list[Question] = []
    try:
        for name, argument, options in page_directives(page_text(path)):
            if name == "objectives":
                objectives += [o for o in library.objectives.values() if o.chapter == argument]
            elif "from" in options:
                questions += library.mixed_bank(argument, argument, options["from"]).select()
            else:
                questions += library.bank(argument).select(options.get("questions"))
    except QuizBankError as exc:
        raise WorksheetError(f"{path}: {exc}") from None
    return objectives, questions


def inputs(root: Path) -> list[Path]:
    """Every file the worksheets are made from (the book rebuilds its worksheets page when one changes)."""
    pages = [root / f"{d}.md" for d in chapter_pages(root)]
    return [root / CONFIG_FILE, root / TOC_FILE, root / OBJECTIVES_FILE, *sorted((root / QUIZ_DIR).glob("*.yaml")),
            root / DATA_DIR / PACKAGE_FILE, *pages, Path(__file__), PRINT_CSS, WORKSHEET_CSS]


def chapter_worksheets(root: Path | str | None = None) -> list[Worksheet]:
    """A worksheet for every chapter page in ``_toc.yml``, in reading order."""
    from treaty_toolkit.data import currency  # lazily: pandas, only when worksheets are made

    root = find_book_root(root) if root is None else Path(root)
    chapters = chapter_pages(root)
    if not chapters:
        return []  # a book without chapter pages (a test book, say) needs neither banks nor data
    library = load_library(root)
    as_of = currency(root / DATA_DIR).sentence()
    sheets = []
    for number, docname in enumerate(chapters, start=1):
        path = root / f"{docname}.md"
        objectives, questions = _page_parts(library, path)
        sheets.append(Worksheet(number, docname, module_title(library), _chapter_title(path), as_of,
                                tuple(objectives), tuple(questions), tuple(discussion_questions(path))))
    return sheets


# --- rendering ---------------------------------------------------------------------------------------


def _box(kind: str = "") -> str:
    # Drawn by CSS borders, which print without "background graphics"; decoration for screen readers,
    # since the instruction above the options says what to do.
    return f'<span class="tt-ws-box{" tt-ws-box-" + kind if kind else ""}" aria-hidden="true"></span>'


def _lines(n: int) -> str:
    return '<div class="tt-ws-lines" aria-hidden="true">' + "<div></div>" * n + "</div>"


def _answer_space(q: Question) -> str:
    """Room to answer on paper: the options with empty boxes, items with rank boxes, or a blank."""
    if q.type in ("single", "multiple", "truefalse"):
        texts = [render_inline(o.text) for o in q.options] if q.options else [escape(LABELS["true"]), escape(LABELS["false"])]
        box = _box("round" if q.type != "multiple" else "")
        options = "".join(f'<li>{box}<span class="tt-ws-option">{text}</span></li>' for text in texts)
        return f'<p class="tt-ws-how">{HOW[q.type]}</p><ul class="tt-ws-options">{options}</ul>'
    if q.type == "numeric":
        unit = f' <span class="tt-ws-unit">{escape(q.unit)}</span>' if q.unit else ""
        return f'<p class="tt-ws-number">Answer: <span class="tt-ws-blank"></span>{unit}</p>'
    items = "".join(f'<li>{_box("rank")}<span class="tt-ws-option">{render_inline(q.items[i])}</span></li>'
                    for i in display_order(q))
    return f'<p class="tt-ws-how">{HOW["ordering"].format(n=len(q.items))}</p><ul class="tt-ws-options tt-ws-order">{items}</ul>'


def _section(section_id: str, title: str, intro: str, body: str) -> str:
    return (f'<section class="tt-ws-section" aria-labelledby="{section_id}"><h2 id="{section_id}">{title}</h2>'
            f'<p class="tt-ws-intro">{intro}</p>{body}</section>')


def render(sheet: Worksheet) -> str:
    """The worksheet as one HTML document: no script, no answers, styles inline."""
    title = f"Chapter {sheet.number} worksheet: {render_inline(sheet.chapter_title)}"
    parts = []
    if sheet.objectives:
        items = "".join(f"<li>{_box()}<span>{escape(o.text)}</span></li>" for o in sheet.objectives)
        parts.append(_section("objectives", "Learning objectives",
                              "By the end of this chapter you can do these. Tick each one you can do when you have "
                              "finished the sheet.", f'<ul class="tt-ws-objectives">{items}</ul>'))
    if sheet.questions:
        items = "".join(f'<li class="tt-worksheet-item"><div class="tt-ws-prompt">{render_block(q.prompt)}</div>'
                        f"{_answer_space(q)}</li>" for q in sheet.questions)
        parts.append(_section("quiz", "Quiz questions",
                              f"The {len(sheet.questions)} questions of the chapter's self-check quiz, numbered as "
                              "in the book.", f'<ol class="tt-ws-questions">{items}</ol>'))
    items = "".join(f'<li class="tt-worksheet-item"><div class="tt-ws-prompt"><p>{render_inline(q)}</p></div>'
                    f"{_lines(DISCUSSION_LINES)}</li>" for q in sheet.discussion)
    parts.append(_section("discussion", "Discussion questions",
                          "Answer in full sentences, and say which source or passage of the chapter you rely on.",
                          f'<ol class="tt-ws-discussion">{items}</ol>'))
    styles = WORKSHEET_CSS.read_text(encoding="utf-8")
    printed = PRINT_CSS.read_text(encoding="utf-8")
    plain_title = re.sub(r"<[^>]+>", "", title)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="color-scheme" content="light dark">\n'
        # A file on its own: it says it has no icon, so a browser does not ask its server for /favicon.ico.
        '<link rel="icon" href="data:,">\n'
        f"<title>{plain_title} ({escape(sheet.book_title)})</title>\n"
        f"<style>\n{styles}</style>\n<style media=\"print\">\n{printed}</style>\n"
        # The sheet's foot names its chapter (a number only: no bank or page text goes into CSS).
        f'<style>@page {{ @bottom-center {{ content: "Chapter {int(sheet.number)} worksheet, page " counter(page) '
        '" of " counter(pages); } }</style>\n</head>\n<body>\n'
        '<main class="tt-worksheet">\n<header class="tt-ws-header">'
        f'<p class="tt-ws-book">{escape(sheet.book_title)}</p><h1>{title}</h1>'
        f'<p class="tt-ws-as-of">{escape(sheet.as_of)}</p>'
        '<div class="tt-ws-fields"><p>Name: <span class="tt-ws-blank"></span></p>'
        '<p>Date: <span class="tt-ws-blank tt-ws-blank-short"></span></p></div></header>\n'
        + "\n".join(parts)
        + f'\n<footer class="tt-ws-footer"><p>Worksheet for chapter {sheet.number} of {escape(sheet.book_title)}, '
        "made from the chapter page, its quiz and its learning objectives when the book was built.</p></footer>\n"
        "</main>\n</body>\n</html>\n"
    )


def write_all(root: Path | str, folder: Path | str) -> list[Path]:
    """Write every chapter's worksheet into ``folder``; worksheets of chapters that are gone are removed."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for sheet in chapter_worksheets(root):
        path = folder / sheet.file_name
        path.write_text(render(sheet), encoding="utf-8")
        written.append(path)
    for stale in folder.glob("worksheet-*.html"):
        if stale not in written:
            stale.unlink()
    return written


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write a printable worksheet for every chapter.")
    root = find_book_root()
    parser.add_argument("folder", nargs="?", type=Path, default=root / "_build" / "worksheets")
    args = parser.parse_args(argv)
    try:
        paths = write_all(root, args.folder)
    except (WorksheetError, QuizBankError) as exc:
        raise SystemExit(str(exc)) from None
    print(f"Wrote {len(paths)} worksheets to {args.folder}")


if __name__ == "__main__":
    main()
