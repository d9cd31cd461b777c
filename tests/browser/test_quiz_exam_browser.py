"""Exam-mode quizzes and review quizzes in the built book, driven in Chromium with the network cut off.

An exam shows no feedback and no score until its one Submit button is pressed, says which questions
still need an answer, then marks every question, locks the answers and shows the score; Start again
clears it, by mouse and by keyboard alone. A review quiz (``:from:``) reuses chapter questions but keeps
its own saved answers: it opens empty after the same question was answered in its chapter, and resetting
either quiz leaves the other alone. The pages come from the sources, so each is its own test.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import AXE
from page_visits import AXE_TAGS, BLOCKING_IMPACTS, PHONE, RUN_AXE
from quiz_answers import (
    EMPTY_KEY,
    OVERFLOWING,
    answer_with_keyboard,
    answer_with_mouse,
    keyed_answer,
    plain,
    question_ids,
    tab_to,
    wrong_answer,
)

from treaty_toolkit.alignment import page_directives, page_text
from treaty_toolkit.project import page_source, toc_docnames
from treaty_toolkit.quiz.grading import messages_for

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SAYS = messages_for("exam")  # the exam's words from Python, not read back from the page


def pages_with_a_quiz(wanted) -> list[str]:
    """Built pages (relative URLs) whose source has a {quiz} directive whose options satisfy ``wanted``."""
    pages = []
    for doc in toc_docnames(ROOT):
        source = page_source(ROOT, doc)
        directives = page_directives(page_text(source)) if source else []
        if any(name == "quiz" and wanted(options) for name, _arg, options in directives):
            pages.append(f"{doc}.html")
    return pages


EXAM_PAGES = pages_with_a_quiz(lambda options: options.get("mode") == ["exam"])
REVIEW_PAGES = pages_with_a_quiz(lambda options: "from" in options)

# What a reader sees of one quiz: feedback per question, the controls' state, the result, the buttons.
QUIZ_STATE = """quiz => ({
  feedback: [...quiz.querySelectorAll('.tt-quiz-feedback')].map(f => f.innerText.trim()),
  controls: [...quiz.querySelectorAll('form')].map(f => [...f.querySelectorAll('input, select')]
      .map(c => c.type === 'radio' || c.type === 'checkbox' ? c.checked : c.value)),
  result: (quiz.querySelector('.tt-quiz-result') || {innerText: ''}).innerText.trim(),
  links: [...quiz.querySelectorAll('.tt-quiz-result a')].map(a => a.getAttribute('href')),
  locked: [...quiz.querySelectorAll('fieldset')].filter(f => f.disabled).length,
  submitShown: !!quiz.querySelector('.tt-quiz-submit') && quiz.querySelector('.tt-quiz-submit').offsetParent !== null,
  checkButtons: quiz.querySelectorAll('.tt-quiz-check').length,
  focus: document.activeElement.className,
  text: quiz.innerText,
})"""


def blank(controls) -> bool:
    return all(value in (False, "") for form in controls for value in form)


def exam_quiz(page) -> str:
    """A selector for the page's first exam-mode quiz."""
    return "#" + page.get_attribute('.tt-quiz[data-tt-mode="exam"] >> nth=0', "id")


def state(page, quiz: str) -> dict:
    return page.eval_on_selector(quiz, QUIZ_STATE)


def serious_axe_violations(page) -> list:
    page.add_script_tag(path=str(AXE))
    return [v for v in page.evaluate(RUN_AXE, AXE_TAGS) if v["impact"] in BLOCKING_IMPACTS]


def test_the_book_has_an_exam_and_a_review():
    assert EXAM_PAGES, "no page uses {quiz} with :mode: exam, so the exam mode is never tested in the book"
    assert REVIEW_PAGES, "no page has a review quiz ({quiz} with :from:)"


@pytest.mark.parametrize("page_name", EXAM_PAGES)
def test_exam_holds_feedback_back_until_submit(tabs, book_server, library, page_name):
    questions = library.questions
    with tabs.lend() as (page, log):
        page.goto(book_server + page_name)
        quiz = exam_quiz(page)
        ids = question_ids(page, f"{quiz} form.tt-quiz-question")
        first, second = questions[ids[0]], questions[ids[1]]
        start = state(page, quiz)
        assert start["checkButtons"] == 0 and start["submitShown"] and start["result"] == ""
        assert blank(start["controls"]) and set(start["feedback"]) == {""}

        # Everything but the first two answered: nothing is marked, no score shows.
        for qid in ids[2:]:
            answer_with_mouse(page, questions[qid], keyed_answer(questions[qid]), check=False)
        answering = state(page, quiz)
        assert set(answering["feedback"]) == {""} and answering["result"] == ""
        assert SAYS["correct"] not in answering["text"] and SAYS["incorrect"] not in answering["text"]

        # Submit with two unanswered: a friendly note naming them (as links), still no marks, focus stays.
        page.click(f"{quiz} .tt-quiz-submit")
        early = state(page, quiz)
        assert early["result"] == SAYS["unanswered_many"].format(numbers="1, 2"), early["result"]
        assert early["links"] == [f"#tt-q-{first.id}", f"#tt-q-{second.id}"]
        assert early["feedback"][:2] == [SAYS[EMPTY_KEY[first.type]], SAYS[EMPTY_KEY[second.type]]]
        assert set(early["feedback"][2:]) == {""} and early["locked"] == 0
        assert early["focus"] == "tt-quiz-submit"
        assert serious_axe_violations(page) == []

        # Answering clears a question's note; the answers survive a reload, still unmarked.
        answer_with_mouse(page, first, wrong_answer(first), check=False)
        answer_with_mouse(page, second, keyed_answer(second), check=False)
        assert state(page, quiz)["feedback"][:2] == ["", ""]
        before_reload = state(page, quiz)["controls"]
        page.reload()
        assert state(page, quiz)["controls"] == before_reload and set(state(page, quiz)["feedback"]) == {""}

        # Submit: score, every question marked with its feedback, answers locked, focus on Start again.
        page.click(f"{quiz} .tt-quiz-submit")
        done = state(page, quiz)
        assert done["result"] == SAYS["score"].format(correct=len(ids) - 1, total=len(ids)), done["result"]
        assert done["feedback"][0].startswith(SAYS["incorrect"])
        if first.explanation:  # no second try in an exam, so a wrong answer gets the explanation too
            assert " ".join(plain(first.explanation).split()) in " ".join(done["feedback"][0].split())
        assert all(text.startswith(SAYS["correct"]) for text in done["feedback"][1:]), done["feedback"]
        assert done["locked"] == len(ids) and not done["submitShown"] and done["focus"] == "tt-quiz-reset"
        assert serious_axe_violations(page) == []
        page.reload()
        assert state(page, quiz)["result"] == done["result"] and state(page, quiz)["locked"] == len(ids)

        # Start again: empty, unlocked, and still empty after a reload.
        page.click(f"{quiz} .tt-quiz-reset")
        for reload in (False, True):
            if reload:
                page.reload()
            again = state(page, quiz)
            assert blank(again["controls"]) and set(again["feedback"]) == {""} and again["result"] == ""
            assert again["locked"] == 0 and again["submitShown"], (reload, again)
        assert not log.page_errors and not log.console_errors and not log.blocked_requests, log


@pytest.mark.parametrize("page_name", EXAM_PAGES)
def test_exam_by_keyboard_alone(tabs, book_server, library, page_name):
    questions = library.questions
    with tabs.lend() as (page, log):
        page.goto(book_server + page_name)
        quiz = exam_quiz(page)
        ids = question_ids(page, f"{quiz} form.tt-quiz-question")
        for qid in ids:
            answer_with_keyboard(page, questions[qid], keyed_answer(questions[qid]), check=False)
        assert set(state(page, quiz)["feedback"]) == {""}  # Enter in a number field does not submit an exam
        tab_to(page, f"{quiz} .tt-quiz-submit")
        page.keyboard.press("Enter")
        done = state(page, quiz)
        assert done["result"] == SAYS["score"].format(correct=len(ids), total=len(ids)), done["feedback"]
        assert done["focus"] == "tt-quiz-reset"
        page.keyboard.press("Enter")  # Start again, where the focus went
        again = state(page, quiz)
        assert blank(again["controls"]) and again["result"] == "" and again["submitShown"]
        assert not log.page_errors


@pytest.mark.parametrize("page_name", EXAM_PAGES)
def test_submitted_exam_fits_a_phone(tabs, book_server, library, page_name):
    questions = library.questions
    with tabs.lend(viewport=PHONE) as (page, _log):
        page.goto(book_server + page_name)
        quiz = exam_quiz(page)
        for qid in question_ids(page, f"{quiz} form.tt-quiz-question"):
            answer_with_mouse(page, questions[qid], wrong_answer(questions[qid]), check=False)
        page.click(f"{quiz} .tt-quiz-submit")
        assert state(page, quiz)["locked"] > 0
        assert page.evaluate(OVERFLOWING) == []


def chapter_page_of(built_book, quiz_pages, review: str, qid: str) -> str:
    """A self-check quiz page, other than the review, that asks question ``qid``."""
    marker = f'id="tt-q-{qid}"'
    pages = [p for p in quiz_pages if p != review and marker in (built_book / p).read_text(encoding="utf-8")]
    assert pages, f"question {qid} of {review} is on no other quiz page"
    return pages[0]


@pytest.mark.parametrize("page_name", REVIEW_PAGES)
def test_review_keeps_its_own_answers(tabs, book_server, built_book, quiz_pages, library, page_name):
    with tabs.lend() as (page, log):  # one context: the two pages share localStorage
        review_url = book_server + page_name
        page.goto(review_url)
        review = "#" + page.get_attribute(".tt-quiz >> nth=0", "id")
        question = library.questions[question_ids(page, f"{review} form.tt-quiz-question")[0]]
        chapter_url = book_server + chapter_page_of(built_book, quiz_pages, page_name, question.id)
        chapter = f".tt-quiz:has(#tt-q-{question.id})"

        def review_answer():
            return state(page, review)["controls"][0]

        # Answered in its chapter, the question is still blank in the review, with no feedback.
        page.goto(chapter_url)
        assert answer_with_mouse(page, question, keyed_answer(question)).startswith(SAYS["correct"])
        page.goto(review_url)
        opened = state(page, review)
        assert blank(opened["controls"]) and set(opened["feedback"]) == {""} and opened["result"] == ""

        # Answered (differently) in the review: the chapter keeps its own answer and feedback.
        answer_with_mouse(page, question, wrong_answer(question), check=False)
        given_in_review = review_answer()
        page.goto(chapter_url)
        assert page.inner_text(f"#tt-q-{question.id}-feedback").startswith(SAYS["correct"])
        page.goto(review_url)
        assert review_answer() == given_in_review

        # Each quiz has one record, under its page and its id.
        keys = page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('tt-quiz:')).sort()")
        assert len(keys) == 2 and any(review[1:] in k for k in keys), keys

        # Resetting the review leaves the chapter's answer; resetting the chapter leaves the review's.
        page.click(f"{review} .tt-quiz-reset")
        assert blank(state(page, review)["controls"])
        page.goto(chapter_url)
        assert page.inner_text(f"#tt-q-{question.id}-feedback").startswith(SAYS["correct"])
        page.goto(review_url)
        answer_with_mouse(page, question, wrong_answer(question), check=False)
        page.goto(chapter_url)
        page.click(f"{chapter} .tt-quiz-reset")
        assert page.inner_text(f"#tt-q-{question.id}-feedback") == ""
        page.goto(review_url)
        assert review_answer() == given_in_review
        assert not log.page_errors and not log.console_errors and not log.blocked_requests, log


def test_answers_saved_per_question_by_an_older_book_are_dropped(tabs, book_server, quiz_pages, library):
    """The earlier format (one key per question, shared by every page) is neither shown nor kept."""
    with tabs.lend() as (page, log):
        page.goto(book_server + quiz_pages[0])
        question = library.questions[question_ids(page)[0]]
        page.evaluate("([key, value]) => localStorage.setItem(key, value)",
                      [f"tt-quiz:{question.id}", json.dumps(keyed_answer(question))])
        page.reload()
        assert page.inner_text(f"#tt-q-{question.id}-feedback") == ""
        assert page.evaluate("() => Object.keys(localStorage).filter(k => k.startsWith('tt-quiz:'))") == []
        assert not log.page_errors
