"""The words the book itself adds to pages (folds, figure links and dialog, wide-table notes), per edition.

One table for every edition language; an edition without its own words reads English. Python uses it
directly (fold prompts, figure link titles); the page scripts read the same words from a JSON block
the book writes into every page (``<script id="tt-book-words" type="application/json">``), as the
quizzes read their messages from the page, so no script keeps words of its own. The block holds the
edition's words and English, keyed by language: a script takes the words of the language its element
is in (a page of a translated edition may be shown in English for now, inside the edition's frame).
"""

from __future__ import annotations

import json

from sphinx.application import Sphinx

BOOK_WORDS = {
    "en": {
        # myst-nb's fold prompts (book/solutions.py)
        "show_code": "Show the code", "hide_code": "Hide the code",
        "show_answer": "Show the worked answer", "hide_answer": "Hide the worked answer",
        "show_check": "Show the check of the worked answer", "hide_check": "Hide the check",
        # figures (book/figures.py, static/figures.js)
        "figure_link": "Open the figure full size", "figure_dialog": "Figure at full size",
        "figure_close": "Close", "figure_frame": "Figure (scrolls when wider than the screen)",
        # static/wide-tables.js
        "wide_table": "Wider than the screen: scroll the table sideways to see every column.",
    },
    "ko": {
        "show_code": "코드 보기", "hide_code": "코드 숨기기",
        "show_answer": "풀이 예시 보기", "hide_answer": "풀이 예시 숨기기",
        "show_check": "풀이 예시의 채점 결과 보기", "hide_check": "채점 결과 숨기기",
        "figure_link": "그림을 원래 크기로 열기", "figure_dialog": "원래 크기의 그림",
        "figure_close": "닫기", "figure_frame": "그림 (화면보다 넓으면 옆으로 밀어 보기)",
        "wide_table": "화면보다 넓은 표입니다. 옆으로 밀면 모든 열을 볼 수 있습니다.",
    },
}
SCRIPT_ID = "tt-book-words"
# The words the page scripts use (the rest are written into the HTML by Python).
SCRIPT_WORDS = ("figure_dialog", "figure_close", "figure_frame", "wide_table")


def book_words(language: str | None) -> dict[str, str]:
    return BOOK_WORDS.get(language or "en", BOOK_WORDS["en"])


def add_words_to_pages(app: Sphinx) -> None:
    """builder-inited: the scripts' words, in this edition's language and in English, as a JSON block on
    every page."""
    words = {lang: {key: book_words(lang)[key] for key in SCRIPT_WORDS} for lang in dict.fromkeys([app.config.language or "en", "en"])}
    # Early priority: the block comes before the scripts that read it as they start.
    app.add_js_file(None, body=json.dumps(words, ensure_ascii=False), type="application/json", id=SCRIPT_ID,
                    priority=100)


def setup(app: Sphinx) -> None:
    app.connect("builder-inited", add_words_to_pages)
