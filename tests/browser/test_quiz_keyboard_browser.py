"""Every quiz on every page without a mouse, and axe inside the quizzes (split from test_quiz_browser.py so
the two run on different test workers)."""

from __future__ import annotations

import pytest
from conftest import AXE
from quiz_answers import answer_with_mouse, each_quiz_page, keyed_answer, wrong_answer

pytestmark = pytest.mark.browser


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
    for url, page, _log, ids in each_quiz_page(browser, book_server, quiz_pages):
        for qid in ids:
            feedback = answer_with_keyboard(page, questions[qid], keyed_answer(questions[qid]))
            assert feedback.startswith("Correct"), (url, qid, feedback)


def test_axe_finds_nothing_serious_inside_the_quizzes(browser, book_server, quiz_pages, library):
    questions = library.questions
    for url, page, _log, ids in each_quiz_page(browser, book_server, quiz_pages):
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


