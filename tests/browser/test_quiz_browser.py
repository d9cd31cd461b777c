"""The static quizzes in the built book, driven in Chromium with the network cut off.

For every question on every built page: an empty check gives the friendly prompt, a wrong answer is
not "Correct", the keyed answer (read from the bank YAML, not from the page) is "Correct"; a
keyboard-only pass works; axe-core finds nothing serious inside the quiz markup; the quiz fits a
375-px phone and 200 % zoom; answers survive a reload and the reset button clears them; hostile bank
text never runs.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import open_offline_page  # tests/browser/conftest.py (pytest puts this folder on sys.path)

from treaty_toolkit.quiz import BROWSER_FILES, MESSAGES, load_library
from treaty_toolkit.quiz.grading import display_order
from treaty_toolkit.quiz.html import render_quiz
from treaty_toolkit.quiz.markdown import render_inline

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
QUIZ_JS, QUIZ_CSS = (next(p for p in BROWSER_FILES if p.suffix == suffix) for suffix in (".js", ".css"))
FIXTURE_BOOK = Path(__file__).resolve().parents[1] / "fixtures" / "quizzes" / "book"
EMPTY_KEY = {"single": "empty_choice", "truefalse": "empty_choice", "multiple": "empty_multiple",
             "numeric": "empty_number", "ordering": "empty_order"}


@pytest.fixture(scope="module")
def library(root):
    return load_library(root)


@pytest.fixture(scope="module")
def quiz_pages(built_book) -> list[str]:
    """Every built page (relative URL) holding at least one quiz."""
    pages = sorted(
        str(path.relative_to(built_book))
        for path in built_book.rglob("*.html")
        if "_static" not in path.parts and "tt-quiz-question" in path.read_text(encoding="utf-8")
    )
    assert pages, f"no built page in {built_book} contains a quiz"
    return pages


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


def test_every_question_on_every_page(browser, book_server, quiz_pages, library):
    questions = library.questions
    for url in quiz_pages:
        context, page, log = open_offline_page(browser)
        page.goto(book_server + url)
        ids = page.eval_on_selector_all("form.tt-quiz-question", "fs => fs.map(f => f.dataset.ttQuestion)")
        assert ids and len(set(ids)) == len(ids), f"{url}: a question appears twice on the page"
        for qid in ids:
            question = questions[qid]
            if question.type == "ordering":  # the page shows the items in the shuffled order we expect
                labels = page.eval_on_selector_all(f"#tt-q-{qid} label", "ls => ls.map(l => l.textContent)")
                assert labels == [plain(question.items[i]) for i in display_order(question)], qid
            page.click(f"#tt-q-{qid} button:has-text('Check')")
            empty = page.inner_text(f"#tt-q-{qid}-feedback").strip()
            assert empty == MESSAGES[EMPTY_KEY[question.type]], (url, qid, empty)
            wrong = answer_with_mouse(page, question, wrong_answer(question))
            assert wrong and not wrong.startswith("Correct"), (url, qid, wrong)
            right = answer_with_mouse(page, question, keyed_answer(question))
            assert right.startswith("Correct"), (url, qid, right)
        assert score_text(page) == MESSAGES["score"].format(correct=len(ids), total=len(ids)), url
        assert not log.page_errors and not log.console_errors, (url, log)
        assert not log.blocked_requests, (url, log.blocked_requests)
        context.close()


def tab_to(page, selector: str, limit: int = 400):
    """Press Tab until the focused element matches ``selector``; fail if it never does."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement && document.activeElement.matches(s)", selector):
            return
    pytest.fail(f"keyboard focus never reached {selector}")


def answer_with_keyboard(page, question, answer):
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
        page.keyboard.press("Enter")  # submits like the Check button
        return page.inner_text(f"{dom}-feedback").strip()
    else:
        for shown, position in enumerate(answer):
            tab_to(page, f"{dom}-item-{shown}")
            page.keyboard.type(str(position))  # a closed <select> picks the option by typing
    tab_to(page, f"{dom} button")
    page.keyboard.press("Enter")
    return page.inner_text(f"{dom}-feedback").strip()


def test_keyboard_only_pass(browser, book_server, quiz_pages, library):
    questions = library.questions
    for url in quiz_pages:
        context, page, _log = open_offline_page(browser)
        page.goto(book_server + url)
        ids = page.eval_on_selector_all("form.tt-quiz-question", "fs => fs.map(f => f.dataset.ttQuestion)")
        for qid in ids:
            feedback = answer_with_keyboard(page, questions[qid], keyed_answer(questions[qid]))
            assert feedback.startswith("Correct"), (url, qid, feedback)
        context.close()


def test_axe_finds_nothing_serious_inside_the_quizzes(browser, book_server, quiz_pages, library):
    questions = library.questions
    for url in quiz_pages:
        context, page, _log = open_offline_page(browser)
        page.goto(book_server + url)
        ids = page.eval_on_selector_all("form.tt-quiz-question", "fs => fs.map(f => f.dataset.ttQuestion)")
        for qid in ids[:2]:  # feedback of both kinds is on the page when axe runs
            answer_with_mouse(page, questions[qid], wrong_answer(questions[qid]))
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(
            """async () => {
                const result = await axe.run({include: [['.tt-quiz'], ['.tt-quiz-objectives']]},
                    {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}});
                return result.violations.filter(v => ['serious', 'critical'].includes(v.impact))
                    .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '));
            }"""
        )
        assert violations == [], (url, violations)
        context.close()


@pytest.mark.parametrize("viewport", [{"width": 375, "height": 740}, {"width": 640, "height": 450}],
                         ids=["phone-375px", "zoom-200pc"])
def test_quiz_fits_small_screens(browser, book_server, quiz_pages, library, viewport):
    # 200 % zoom of a 1280-px window lays out like a 640-px-wide viewport.
    questions = library.questions
    context, page, _log = open_offline_page(browser, viewport=viewport)
    page.goto(book_server + quiz_pages[0])
    overflow = page.eval_on_selector_all(
        ".tt-quiz, .tt-quiz *",
        "els => els.filter(e => e.getBoundingClientRect().right > window.innerWidth + 1"
        " || e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX !== 'visible')"
        ".map(e => e.tagName + '.' + e.className)",
    )
    assert overflow == [], overflow
    qid = page.get_attribute("form.tt-quiz-question", "data-tt-question")
    assert answer_with_mouse(page, questions[qid], keyed_answer(questions[qid])).startswith("Correct")
    context.close()


def test_answers_are_remembered_and_reset(browser, book_server, quiz_pages, library):
    questions = library.questions
    context, page, log = open_offline_page(browser)
    url = book_server + quiz_pages[0]
    page.goto(url)
    ids = page.eval_on_selector_all("form.tt-quiz-question", "fs => fs.map(f => f.dataset.ttQuestion)")
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
    context.close()


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
