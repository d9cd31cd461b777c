"""Every quiz without a mouse on every page answered in Chromium (one test per page; see
``quiz_answers.ANSWERED_PAGES``), and axe inside answered quizzes on a page of each kind in each edition
(``quiz_answers.KIND_PAGES``)."""

from __future__ import annotations

import pytest
from conftest import AXE
from page_visits import SETTLE
from quiz_answers import (
    ANSWERED_PAGES,
    KIND_PAGES,
    answer_with_keyboard,
    answer_with_mouse,
    edition_of,
    keyed_answer,
    open_quiz_page,
    wrong_answer,
)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("url", ANSWERED_PAGES)
def test_keyboard_only_pass(tabs, book_server, url):
    edition = edition_of(url)
    questions = edition.library.questions
    with open_quiz_page(tabs, book_server, url) as (page, _log, ids):
        # A keyboard user gets to the quiz through the page's own links ("On this page"); following one
        # moves the point where Tab starts to the quiz, as this fragment does. From there: keys only.
        quiz_id = page.evaluate("qid => document.getElementById(`tt-q-${qid}`).closest('.tt-quiz').id", ids[0])
        assert quiz_id, f"{url}: the quiz has no id to link to"
        page.evaluate("id => { location.hash = id; }", quiz_id)
        for qid in ids:
            feedback = answer_with_keyboard(page, questions[qid], keyed_answer(questions[qid]))
            assert feedback.startswith(edition.messages["correct"]), (url, qid, feedback)


@pytest.mark.parametrize("url", KIND_PAGES)
def test_axe_finds_nothing_serious_inside_the_quizzes(tabs, book_server, url):
    questions = edition_of(url).library.questions
    with open_quiz_page(tabs, book_server, url) as (page, _log, ids):
        for qid in ids[:2]:  # feedback of both kinds is on the page when axe runs
            answer_with_mouse(page, questions[qid], wrong_answer(questions[qid]))
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(
            """async () => {""" + SETTLE + """
                const result = await axe.run({include: [['.tt-quiz'], ['.tt-quiz-objectives']]},
                    {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}});
                return result.violations.filter(v => ['serious', 'critical'].includes(v.impact))
                    .map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '));
            }"""
        )
        assert violations == [], (url, violations)


