"""Answering the book's quizzes in Chromium: the keyed and wrong answers, read from the banks."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from conftest import open_offline_page

from treaty_toolkit.quiz.grading import display_order
from treaty_toolkit.quiz.markdown import render_inline

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


def answer_with_mouse(page, question, answer):
    dom = f"#tt-q-{question.id}"
    if question.type in ("single", "truefalse", "multiple"):
        page.locator(f"{dom} input").evaluate_all("els => els.forEach(e => { e.checked = false; })")
        for index in answer if isinstance(answer, list) else [answer]:
            page.click(f'{dom} label[for="tt-q-{question.id}-opt-{index}"]')  # labels are clickable
    elif question.type == "numeric":
        page.fill(f"{dom}-input", str(answer))
    else:
        for shown, position in enumerate(answer):
            page.select_option(f"{dom}-item-{shown}", str(position))
    page.click(f"{dom} button:has-text('Check')")
    return page.inner_text(f"{dom}-feedback").strip()


def score_text(page) -> str:
    return page.inner_text(".tt-quiz-score >> nth=0").strip()




def question_ids(page) -> list[str]:
    """The question ids of every quiz form on the page, in page order."""
    return page.eval_on_selector_all("form.tt-quiz-question", "fs => fs.map(f => f.dataset.ttQuestion)")


def each_quiz_page(browser, book_server, quiz_pages):
    """Open each quiz page offline in turn: yields (url, page, log, question ids); the page is closed after."""
    for url in quiz_pages:
        context, page, log = open_offline_page(browser)
        try:
            page.goto(book_server + url)
            yield url, page, log, question_ids(page)
        finally:
            context.close()
