"""The Korean edition grades its quizzes in Korean and shows the Korean explorer, in Chromium with the network cut off.

On the edition `make book` builds (_build/html/ko): the context chapter's self-check quiz, the quiz a
notebook displays, the review exam and the explorer. The words each grader must say come from Python
(the Korean table), never read back from the page. Every Korean page is also checked for accessibility,
on a desktop in light mode (test_pages.py) and on a phone in dark mode (test_pages_phone.py).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from quiz_answers import DIRECT, answer_with_mouse, keyed_answer, plain, question_ids

from treaty_toolkit.project import EDITIONS
from treaty_toolkit.quiz import load_library
from treaty_toolkit.quiz.texts import texts

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
KO = texts("ko")
EDITION = EDITIONS["ko"] + "/"
CHAPTER = EDITION + "chapters/01-context/index.html"  # a translated chapter with a self-check quiz
NOTEBOOK = EDITION + "chapters/01-context/timeline.html"  # a notebook whose cell displays a quiz
EXAM = EDITION + "chapters/review.html"
EXPLORER = EDITION + "chapters/03-article4/explorer.html"


@pytest.fixture(scope="module")
def questions():
    return load_library(ROOT, language="ko").questions


def feedback(page, qid: str) -> str:
    return " ".join(page.locator(f"#tt-q-{qid} .tt-quiz-feedback").inner_text().split())


def test_a_chapter_grades_its_self_check_quiz_in_korean(tabs, book_server, questions):
    with tabs.lend() as (page, log):
        page.goto(book_server + CHAPTER)
        assert page.get_attribute("html", "lang") == "ko"
        check = page.locator("#tt-q-ctx-signing-date").get_by_role("button", name=KO["labels"]["check"])
        check.click()
        assert feedback(page, "ctx-signing-date") == KO["messages"]["empty_choice"]
        page.locator("#tt-q-ctx-signing-date-opt-1").check()
        check.click()
        assert feedback(page, "ctx-signing-date") == f"{KO['messages']['incorrect']} {questions['ctx-signing-date'].options[1].feedback}"
        number = page.get_by_label(f"{KO['labels']['your_answer']} (일)").first
        days = page.locator("#tt-q-ctx-days-to-force").get_by_role("button", name=KO["labels"]["check"])
        number.fill("백육십팔")
        days.click()
        assert feedback(page, "ctx-days-to-force") == KO["messages"]["invalid_number"]
        number.fill("168")
        days.click()
        assert feedback(page, "ctx-days-to-force").startswith(KO["messages"]["correct"])
        quiz = page.locator(".tt-quiz", has=page.locator("#tt-q-ctx-signing-date"))
        total = quiz.locator("form.tt-quiz-question").count()
        assert quiz.locator(".tt-quiz-score").inner_text() == KO["messages"]["score"].format(correct=1, total=total)
        assert not any(vars(log).values()), vars(log)


def test_the_review_exam_is_graded_in_korean(tabs, book_server, questions):
    with tabs.lend() as (page, log):
        page.goto(book_server + EXAM)
        exam = page.locator('.tt-quiz[data-tt-mode="exam"]')
        ids = question_ids(page, '.tt-quiz[data-tt-mode="exam"] form.tt-quiz-question')
        submit = exam.get_by_role("button", name=KO["labels"]["submit"])
        submit.click()
        result = " ".join(exam.locator(".tt-quiz-result").inner_text().split())
        assert result == KO["exam"]["unanswered_many"].format(numbers=", ".join(str(n) for n in range(1, len(ids) + 1)))
        for qid in ids:
            answer_with_mouse(page, questions[qid], keyed_answer(questions[qid]), check=False)
        submit.click()
        result = " ".join(exam.locator(".tt-quiz-result").inner_text().split())
        assert result == KO["exam"]["score"].format(correct=len(ids), total=len(ids))
        assert not any(vars(log).values()), vars(log)


def test_a_notebook_quiz_is_shown_and_graded_in_korean(tabs, book_server, questions):
    with tabs.lend() as (page, log):
        page.goto(book_server + NOTEBOOK)
        quiz_box = page.locator(".tt-quiz", has=page.locator("#tt-q-ctx-troops-before-force"))
        assert quiz_box.get_attribute("data-tt-lang") == "ko"
        check = page.locator("#tt-q-ctx-troops-before-force").get_by_role("button", name=KO["labels"]["check"])
        check.click()
        assert feedback(page, "ctx-troops-before-force") == KO["messages"]["empty_choice"]
        page.locator("#tt-q-ctx-troops-before-force").get_by_label(KO["labels"]["true"]).check(**DIRECT)
        check.click()
        said = feedback(page, "ctx-troops-before-force")
        explained = " ".join(plain(questions["ctx-troops-before-force"].feedback_true).split())
        assert said.startswith(KO["messages"]["correct"] + " 한국 국가정보원은") and explained in said, said
        assert not any(vars(log).values()), vars(log)


def test_the_korean_explorer_works_offline(tabs, book_server):
    from treaty_toolkit.explorer import translation

    ko = translation("ko")
    with tabs.lend() as (page, log):
        page.goto(book_server + EXPLORER)
        box = page.locator("[data-art4-explorer]")
        assert box.get_attribute("lang") == "ko"
        page.get_by_label(ko["ui"]["scenario"], exact=True).select_option("korea-allied-offensive")
        status = box.locator('[data-role="status"]').inner_text()
        assert status.startswith(ko["ui"]["summary"].format(count=2, total=4)), status
        assert "러시아 연방이 조선민주주의인민공화국을 원조 (제4조)" in status
        box.get_by_role("button", name=ko["ui"]["all_broad"]).click()
        assert box.get_attribute("data-shown") == "korea-allied-offensive:bbbbb"
        # The clauses are the Korean text as the data holds it, and the sources link to the bibliography.
        assert "“전쟁상태에 처하게 되는 경우”" in box.locator(".art4-clause").all_inner_texts()
        assert box.locator(".art4-intro a.reference.internal").count() == 1
        assert not any(vars(log).values()), vars(log)
