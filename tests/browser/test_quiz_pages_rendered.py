"""Every self-check quiz on a built page, in both editions, is exactly what the quiz renderer makes from its bank.

Read from the built HTML (no browser). It is what lets the quiz tests in Chromium answer the quizzes of the
English pages and of the translated Korean pages only (``ANSWERED_PAGES``): a Korean page shown in English
for now carries its English page's questions (same banks, same questions, same order) rendered with the
Korean edition's words, and that renderer, the engine and those words are all exercised in Chromium on the
other pages. So are the pages where the checks that do not depend on a page's questions run (``KIND_PAGES``).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from quiz_answers import ANSWERED_PAGES, KIND_PAGES, QUIZ_PAGES, edition_of, page_kind

from treaty_toolkit.project import EDITIONS
from treaty_toolkit.quiz.html import render_quiz

SELF_CHECK = 'section.tt-quiz:not([data-tt-mode="exam"])'


def self_check_quizzes(built_book: Path, url: str) -> tuple[str, list]:
    text = (built_book / url).read_text(encoding="utf-8")
    return text, BeautifulSoup(text, "html.parser").select(SELF_CHECK)


def bank_and_questions(quiz) -> tuple[str, list[str]]:
    return quiz["data-tt-bank"], [form["data-tt-question"] for form in quiz.select("form.tt-quiz-question")]


@pytest.mark.parametrize("url", QUIZ_PAGES)
def test_every_quiz_on_the_page_is_rendered_from_its_bank(built_book, url):
    edition = edition_of(url)
    text, quizzes = self_check_quizzes(built_book, url)
    assert quizzes, f"{url}: no self-check quiz"
    for quiz in quizzes:
        assert quiz["data-tt-lang"] == edition.language, (url, quiz["id"])
        bank_id, ids = bank_and_questions(quiz)
        bank = edition.library.bank(bank_id)
        rendered = render_quiz(bank, [edition.library.questions[qid] for qid in ids])
        assert rendered in text, f"{url}: quiz {quiz['id']} is not what the renderer makes of bank {bank_id!r}"


KOREAN_IN_ENGLISH = [url for url in QUIZ_PAGES if url not in ANSWERED_PAGES]


def test_the_quiz_pages_answered_in_chromium_leave_out_only_korean_pages_shown_in_english():
    korean = f"{EDITIONS['ko']}/"
    assert KOREAN_IN_ENGLISH and all(url.startswith(korean) for url in KOREAN_IN_ENGLISH)
    assert any(url.startswith(korean) for url in ANSWERED_PAGES)  # translated Korean pages are answered


@pytest.mark.parametrize("url", KOREAN_IN_ENGLISH)
def test_a_korean_page_shown_in_english_has_its_english_pages_quizzes(built_book, url):
    _, korean = self_check_quizzes(built_book, url)
    _, english = self_check_quizzes(built_book, url.removeprefix(f"{EDITIONS['ko']}/"))
    assert [bank_and_questions(q) for q in korean] == [bank_and_questions(q) for q in english]
    assert all(form.get("lang") == "en" for quiz in korean for form in quiz.select("form.tt-quiz-question"))


def test_a_page_of_each_kind_holds_every_question_type_of_its_edition(built_book):
    kinds = {page_kind(url) for url in ANSWERED_PAGES}
    assert [page_kind(url) for url in KIND_PAGES] == list(dict.fromkeys(page_kind(url) for url in ANSWERED_PAGES))
    assert len(kinds) >= 4  # chapter and notebook quizzes, in both editions
    for language in {language for language, _suffix in kinds}:
        pages = [url for url in KIND_PAGES if page_kind(url)[0] == language]
        library = edition_of(pages[0]).library
        first_quizzes = [self_check_quizzes(built_book, url)[1][0] for url in pages]
        shown = {library.questions[qid].type for quiz in first_quizzes for qid in bank_and_questions(quiz)[1]}
        assert shown == {question.type for question in library.questions.values()}, (language, shown)
