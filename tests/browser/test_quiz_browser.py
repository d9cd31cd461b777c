"""The static quizzes in the built book, driven in Chromium with the network cut off.

For every question on every page answered in Chromium (every English page and every translated Korean
page: see ``quiz_answers.ANSWERED_PAGES``): an empty check gives the friendly prompt, a wrong answer is
not "Correct", the keyed answer (read from the bank YAML, not from the page) is "Correct" (the
keyboard-only pass and axe inside the quizzes are in test_quiz_keyboard_browser.py); the quiz fits a
375-px phone and 200 % zoom; answers survive a reload and the reset button clears them; hostile bank
text never runs.
"""

from __future__ import annotations

import pytest
from conftest import open_offline_page  # tests/browser/conftest.py (pytest puts this folder on sys.path)
from quiz_answers import (
    ANSWERED_PAGES,
    DIRECT,
    EMPTY_KEY,
    FIXTURE_BOOK,
    OVERFLOWING,
    QUIZ_PAGES,
    answer_with_mouse,
    edition_of,
    keyed_answer,
    open_quiz_page,
    plain,
    question_ids,
    score_text,
    wrong_answer,
)

from treaty_toolkit.quiz import BROWSER_FILES, MESSAGES, load_library
from treaty_toolkit.quiz.grading import display_order
from treaty_toolkit.quiz.html import render_quiz

pytestmark = pytest.mark.browser

QUIZ_JS, QUIZ_CSS = (next(p for p in BROWSER_FILES if p.suffix == suffix) for suffix in (".js", ".css"))


def test_quiz_pages_found_in_the_sources_are_the_built_ones(quiz_pages):
    assert QUIZ_PAGES == quiz_pages  # so the per-page tests below miss no page


@pytest.mark.parametrize("url", ANSWERED_PAGES)
def test_every_question_on_the_page(tabs, book_server, url):
    edition = edition_of(url)
    questions, messages = edition.library.questions, edition.messages
    with open_quiz_page(tabs, book_server, url) as (page, log, ids):
        assert ids and len(set(ids)) == len(ids), f"{url}: a question appears twice on the page"
        for qid in ids:
            question = questions[qid]
            if question.type == "ordering":  # the page shows the items in the shuffled order we expect
                labels = page.eval_on_selector_all(f"#tt-q-{qid} label", "ls => ls.map(l => l.textContent)")
                assert labels == [plain(question.items[i]) for i in display_order(question)], qid
            page.click(f"#tt-q-{qid} button.tt-quiz-check", **DIRECT)
            empty = page.inner_text(f"#tt-q-{qid}-feedback").strip()
            assert empty == messages[EMPTY_KEY[question.type]], (url, qid, empty)
            wrong = answer_with_mouse(page, question, wrong_answer(question))
            assert wrong and not wrong.startswith(messages["correct"]), (url, qid, wrong)
            right = answer_with_mouse(page, question, keyed_answer(question))
            assert right.startswith(messages["correct"]), (url, qid, right)
        assert score_text(page) == messages["score"].format(correct=len(ids), total=len(ids)), url
        assert not log.page_errors and not log.console_errors, (url, log)
        assert not log.blocked_requests, (url, log.blocked_requests)


@pytest.mark.parametrize("viewport", [{"width": 375, "height": 740}, {"width": 640, "height": 450}],
                         ids=["phone-375px", "zoom-200pc"])
def test_quiz_fits_small_screens(tabs, book_server, quiz_pages, library, viewport):
    # 200 % zoom of a 1280-px window lays out like a 640-px-wide viewport.
    questions = library.questions
    with tabs.lend(viewport=viewport) as (page, _log):
        page.goto(book_server + quiz_pages[0])
        overflow = page.evaluate(OVERFLOWING)
        assert overflow == [], overflow
        qid = page.get_attribute("form.tt-quiz-question", "data-tt-question")
        assert answer_with_mouse(page, questions[qid], keyed_answer(questions[qid])).startswith("Correct")


def test_answers_are_remembered_and_reset(tabs, book_server, quiz_pages, library):
    questions = library.questions
    with tabs.lend() as (page, log):
        url = book_server + quiz_pages[0]
        page.goto(url)
        ids = question_ids(page)
        first = questions[ids[0]]
        answer_with_mouse(page, first, keyed_answer(first))
        page.reload()
        assert page.inner_text(f"#tt-q-{first.id}-feedback").startswith("Correct")
        assert score_text(page) == MESSAGES["score"].format(correct=1, total=len(ids))
        page.click(f"#tt-q-{first.id} >> xpath=ancestor::section[1] >> .tt-quiz-reset")
        assert page.inner_text(f"#tt-q-{first.id}-feedback") == ""
        assert score_text(page) == MESSAGES["score"].format(correct=0, total=len(ids))
        page.reload()
        assert page.inner_text(f"#tt-q-{first.id}-feedback") == ""
        assert not log.page_errors


def test_hostile_bank_text_never_runs(browser):
    library = load_library(FIXTURE_BOOK)
    bank = library.bank("hostile")
    context, page, log = open_offline_page(browser)
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.set_content(f"<!doctype html><html lang='en'><body><main>{render_quiz(bank, bank.select())}</main></body></html>")
    page.add_style_tag(path=str(QUIZ_CSS))
    page.add_script_tag(path=str(QUIZ_JS))
    for question in bank.questions:  # show every feedback template, wrong and right
        answer_with_mouse(page, question, wrong_answer(question))
        assert answer_with_mouse(page, question, keyed_answer(question)).startswith("Correct")
    for link in page.query_selector_all(".tt-quiz a"):
        link.click()
    assert page.evaluate("window.__pwned") is None
    assert dialogs == [] and not log.page_errors
    assert page.evaluate("document.querySelectorAll('.tt-quiz script, .tt-quiz img, .tt-quiz iframe, .tt-quiz svg').length") == 0
    assert page.is_visible("body .tt-quiz")  # the <style> in a prompt did not hide the page
    context.close()
