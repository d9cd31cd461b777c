"""The grading contract, browser side: quiz.js passes every case of quiz_contract.yaml, with grade()'s words.

No book build is needed: the static rendering of the contract's questions and quiz.js are loaded into a
blank page (``page.set_content``), the answer is entered through the real controls and "Check answer"
is pressed; the state and the text of the feedback must equal what grade() gives for the same answer.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the contract table's reader (tests/)

from dataclasses import replace  # noqa: E402

from quiz_contract import LANGUAGES, expected_sentences, load_table, plain_text, positions, python_result  # noqa: E402

from treaty_toolkit.quiz import BROWSER_FILES  # noqa: E402
from treaty_toolkit.quiz.html import render_quiz  # noqa: E402

pytestmark = pytest.mark.browser

BANK, CASES = load_table()


@pytest.fixture(scope="module", params=LANGUAGES)
def quiz_page(browser, request):
    """The contract's quiz in one language (the words come from the page, so each language runs every case)."""
    language = request.param
    bank = replace(BANK, language=language)
    script = next(p for p in BROWSER_FILES if p.suffix == ".js").read_text(encoding="utf-8")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route("**/*", lambda route: route.abort())  # a page with no network at all
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.set_content(f"<!doctype html><html lang='{language}'><body>{render_quiz(bank, list(bank.questions))}"
                     f"<script>{script}</script></body></html>")
    yield page, errors, language
    context.close()


def enter(page, case) -> None:
    form = page.locator(f"#tt-q-{case.question.id}")
    answer = case.answer
    if "type" in answer:
        form.locator("input").fill(answer["type"])
    elif "positions" in answer:
        for select, position in zip(form.locator("select").all(), positions(case)):
            select.select_option(value=position)
    else:
        for index in answer["choose"]:
            form.locator(f"#tt-q-{case.question.id}-opt-{index}").check()
    form.locator("button.tt-quiz-check").click()


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_browser_grader_meets_the_contract_with_the_python_words(quiz_page, case):
    page, errors, language = quiz_page
    page.locator("button.tt-quiz-reset").click()  # every case starts from an empty quiz
    enter(page, case)
    form = page.locator(f"#tt-q-{case.question.id}")
    state = form.get_attribute("data-tt-state")
    text = plain_text(form.locator(".tt-quiz-feedback").inner_html())
    python_state, python_text = python_result(case, language)
    assert not errors, errors
    assert state == case.state, f"{case.id}: quiz.js graded {state}: {text!r}"
    assert text == python_text, f"{case.id}: quiz.js says {text!r}, grade() says {python_text!r}"
    for sentence in expected_sentences(case, language):
        assert sentence in text
