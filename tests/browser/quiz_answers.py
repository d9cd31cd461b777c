"""Answering the book's quizzes in Chromium: the keyed and wrong answers, read from the banks."""

from __future__ import annotations

import contextlib
import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import edition_pages

from treaty_toolkit.alignment import page_directives, page_text
from treaty_toolkit.project import EDITIONS, PILOT_PAGES, page_source, toc_docnames
from treaty_toolkit.quiz import load_library
from treaty_toolkit.quiz.grading import display_order
from treaty_toolkit.quiz.markdown import render_inline
from treaty_toolkit.quiz.texts import texts

ROOT = Path(__file__).resolve().parents[2]
FIXTURE_BOOK = Path(__file__).resolve().parents[1] / "fixtures" / "quizzes" / "book"
EMPTY_KEY = {"single": "empty_choice", "truefalse": "empty_choice", "multiple": "empty_multiple",
             "numeric": "empty_number", "ordering": "empty_order"}


def plain(markdown: str) -> str:
    return BeautifulSoup(render_inline(markdown), "html.parser").get_text()


def keyed_answer(question):
    """The right answer, in UI terms, computed from the bank (not from the page's embedded key)."""
    if question.type == "single":
        return next(i for i, o in enumerate(question.options) if o.correct)
    if question.type == "multiple":
        return [i for i, o in enumerate(question.options) if o.correct]
    if question.type == "truefalse":
        return 0 if question.answer else 1  # option 0 is "True"
    if question.type == "numeric":
        return question.answer
    shown = [question.items[i] for i in display_order(question)]
    return [question.items.index(item) + 1 for item in shown]  # the position for each shown item


def wrong_answer(question):
    if question.type == "single":
        return next(i for i, o in enumerate(question.options) if not o.correct)
    if question.type == "multiple":
        keyed = keyed_answer(question)
        wrong = [i for i, o in enumerate(question.options) if not o.correct]
        return keyed[:-1] + wrong[:1] if wrong else keyed[:-1]
    if question.type == "truefalse":
        return 1 if question.answer else 0
    if question.type == "numeric":
        return question.answer + question.tolerance + max(1, abs(question.answer))
    positions = keyed_answer(question)
    return positions[1:] + positions[:1]  # every item moved


# Clicks, typing and picks without Playwright's wait for the element to keep still over two animation
# frames (its "actionability" checks): about half the browser's work on a quiz page, and nothing a
# reader's click waits for. They are still real input events at the element, scrolled into view, so a
# covered, disabled or missing control still fails the test: its feedback does not come.
DIRECT = {"force": True}


def answer_with_mouse(page, question, answer, check=True):
    """Enter ``answer`` with clicks and typing; with ``check``, press the question's Check button and
    return its feedback (an exam-mode quiz has no such button: pass ``check=False``)."""
    dom = f"#tt-q-{question.id}"
    if question.type in ("single", "truefalse", "multiple"):
        page.locator(f"{dom} input").evaluate_all("els => els.forEach(e => { e.checked = false; })")
        for index in answer if isinstance(answer, list) else [answer]:
            page.click(f'{dom} label[for="tt-q-{question.id}-opt-{index}"]', **DIRECT)  # labels are clickable
    elif question.type == "numeric":
        page.fill(f"{dom}-input", str(answer), **DIRECT)
    else:
        for shown, position in enumerate(answer):
            page.select_option(f"{dom}-item-{shown}", str(position), **DIRECT)
    if not check:
        return None
    page.click(f"{dom} button.tt-quiz-check", **DIRECT)
    return page.inner_text(f"{dom}-feedback").strip()


def tab_to(page, selector: str, limit: int = 400):
    """Press Tab until the focused element matches ``selector``; fail if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"keyboard focus never reached {selector}")


def answer_with_keyboard(page, question, answer, check=True):
    """Like answer_with_mouse, with the keyboard only (Tab, Space, arrows, typing, Enter)."""
    dom = f"#tt-q-{question.id}"
    if question.type in ("single", "truefalse"):
        tab_to(page, f"{dom} input")
        page.keyboard.press("Space")  # checks the first radio; arrows move the choice
        for _ in range(answer):
            page.keyboard.press("ArrowDown")
    elif question.type == "multiple":
        for index in answer:
            tab_to(page, f"{dom}-opt-{index}")
            page.keyboard.press("Space")
    elif question.type == "numeric":
        tab_to(page, f"{dom}-input")
        page.keyboard.type(str(answer))
        page.keyboard.press("Enter")  # submits like the Check button (an exam ignores it)
        return page.inner_text(f"{dom}-feedback").strip() if check else None
    else:
        for shown, position in enumerate(answer):
            tab_to(page, f"{dom}-item-{shown}")
            page.keyboard.type(str(position))  # a closed <select> picks the option by typing
    if not check:
        return None
    tab_to(page, f"{dom} button")
    page.keyboard.press("Enter")
    return page.inner_text(f"{dom}-feedback").strip()


def score_text(page) -> str:
    return page.inner_text(".tt-quiz-score >> nth=0").strip()


# Elements of the quizzes that stick out of the window or scroll sideways (for small-screen checks).
OVERFLOWING = """() => [...document.querySelectorAll('.tt-quiz, .tt-quiz *')].filter(e =>
    e.getBoundingClientRect().right > window.innerWidth + 1
    || e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible')
  .map(e => e.tagName + '.' + e.className)"""

# Exam-mode quizzes grade on one Submit button; the per-question tests are for self-check quizzes.
SELF_CHECK_FORMS = '.tt-quiz:not([data-tt-mode="exam"]) form.tt-quiz-question'


def question_ids(page, forms: str = SELF_CHECK_FORMS) -> list[str]:
    """The question ids of the page's quiz forms (by default: of its self-check quizzes), in page order."""
    return page.eval_on_selector_all(forms, "fs => fs.map(f => f.dataset.ttQuestion)")


@contextlib.contextmanager
def open_quiz_page(tabs, book_server, url):
    """A quiz page opened offline on a lent desktop tab: yields (page, log, question ids)."""
    with tabs.lend() as (page, log):
        page.goto(book_server + url)
        yield page, log, question_ids(page)


# A quiz's opening tag that does not say data-tt-mode="exam" (html.py writes it only for exams).
SELF_CHECK_QUIZ = re.compile(r'<section class="tt-quiz" (?![^>]*data-tt-mode="exam")')


def _stored_outputs(notebook: Path) -> str:
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    return "".join("".join(output.get("data", {}).get("text/html", "")) for cell in cells for output in cell.get("outputs", []))


def self_check_quiz_pages(root: Path) -> list[str]:
    """Pages (relative URLs) with a self-check quiz, from the sources, so each can be a test of its own:
    a {quiz} directive not in exam mode, or a notebook whose stored output shows a quiz."""
    pages = []
    for doc in toc_docnames(root):
        source = page_source(root, doc)
        if source is None:
            continue
        directives = page_directives(page_text(source))
        if (any(name == "quiz" and options.get("mode") != ["exam"] for name, _arg, options in directives)
                or source.suffix == ".ipynb" and SELF_CHECK_QUIZ.search(_stored_outputs(source))):
            pages.append(f"{doc}.html")
    return sorted(pages)


# In every edition: the Korean pages show the same quizzes in Korean.
QUIZ_PAGES = edition_pages([page.removesuffix(".html") for page in self_check_quiz_pages(ROOT)])
# The pages whose quizzes are answered in Chromium, question by question: every English page and every
# translated Korean page. A Korean page shown in English for now holds its English page's questions with
# the words of the translated pages around them, as the one renderer makes them (test_quiz_pages_rendered.py
# checks each in the HTML), so answering it again would repeat what those pages already show.
ANSWERED_PAGES = [url for url in QUIZ_PAGES
                  if not url.startswith(tuple(f"{folder}/" for folder in EDITIONS.values() if folder))
                  or url.split("/", 1)[1].removesuffix(".html") in PILOT_PAGES]


@dataclass(frozen=True)
class Edition:
    """What a quiz page of one edition is checked against: the banks and the engine's words in its language."""

    language: str
    library: object
    messages: dict
    labels: dict
    download: dict


def language_of(url: str) -> str:
    """The language of the edition a built page (relative URL) belongs to: a translation's folder, or English at the root."""
    return next((lang for lang, folder in EDITIONS.items() if folder and url.startswith(f"{folder}/")), "en")


@functools.cache
def edition_of(url: str) -> Edition:
    """The edition a built page (relative URL) belongs to."""
    language = language_of(url)
    words = texts(language)
    return Edition(language, load_library(ROOT, language=language), words["messages"], words["labels"], words["download"])


def page_kind(url: str) -> tuple[str, str]:
    """An answered page's kind: its edition's language, and its source's suffix (".md": a chapter's own quiz;
    ".ipynb": a quiz a notebook displays)."""
    language = language_of(url)
    doc = url.split("/", 1)[1] if language != "en" else url
    return language, page_source(ROOT, doc.removesuffix(".html")).suffix


def first_of_each_kind(urls: list[str]) -> list[str]:
    chosen = {}
    for url in urls:
        chosen.setdefault(page_kind(url), url)
    return list(chosen.values())


# Where the quiz checks that do not depend on a page's own questions run (downloading results, axe on answered
# quizzes): the first answered page of each kind in each edition. One script drives every quiz, and every quiz
# on every page is the renderer's output (test_quiz_pages_rendered.py); these pages' first quizzes hold every
# question type of their edition (checked there too).
KIND_PAGES = first_of_each_kind(ANSWERED_PAGES)
