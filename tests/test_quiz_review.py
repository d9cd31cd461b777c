"""A review quiz reuses questions from several banks: ``{quiz} <name>`` with ``:from: bank:id, ...``."""

from __future__ import annotations

import re

import pytest
from test_quiz_sphinx import FIXTURE_BOOK, PAGE, project, sphinx_build  # noqa: F401 (fixture)

from treaty_toolkit.quiz.bank import QuizBankError, load_library

REVIEW_PAGE = """# Review

```{quiz} review
:from: sample:s-numeric, hostile:h-truefalse, sample:s-single
:title: Everything so far
```
"""


@pytest.fixture(scope="module")
def library():
    return load_library(FIXTURE_BOOK)


def test_mixed_bank_keeps_order_and_each_question_its_own_bank(library):
    bank = library.mixed_bank("review", "Review", ["sample:s-numeric", "hostile:h-truefalse", "sample:s-single"])
    assert [q.id for q in bank.questions] == ["s-numeric", "h-truefalse", "s-single"]
    assert [q.bank for q in bank.questions] == ["sample", "hostile", "sample"]
    assert bank.questions[1] is library.banks["hostile"].select(["h-truefalse"])[0]  # reused, not copied
    assert "review" not in library.banks  # the review adds no bank, so no question is counted twice


@pytest.mark.parametrize(
    ("refs", "message"),
    [
        (["sample:s-nothing"], "bank 'sample' has no question(s) 's-nothing'"),
        (["nobank:s-single"], "No quiz bank 'nobank'"),
        (["s-single"], "'s-single' is not of the form bank:question-id"),
        (["sample:s-single", "sample:s-single"], "s-single listed twice"),
        ([], "give at least one bank:question-id"),
    ],
)
def test_mixed_bank_rejects_bad_references(library, refs, message):
    with pytest.raises(QuizBankError, match=re.escape(message)):
        library.mixed_bank("review", "Review", refs)


def test_a_review_quiz_cannot_take_a_bank_name(library):
    with pytest.raises(QuizBankError, match="cannot be named 'sample'"):
        library.mixed_bank("sample", "Review", ["hostile:h-truefalse"])


def test_review_directive_renders_one_quiz_from_two_banks(project):  # noqa: F811
    (project / "index.md").write_text(REVIEW_PAGE, encoding="utf-8")
    run = sphinx_build(project)
    assert run.returncode == 0, run.stderr
    html = (project / "_build" / "index.html").read_text(encoding="utf-8")
    assert html.count('<section class="tt-quiz"') == 1
    assert html.count('<form class="tt-quiz-question"') == 3
    assert html.index('id="tt-q-s-numeric"') < html.index('id="tt-q-h-truefalse"') < html.index('id="tt-q-s-single"')
    assert "Self-check quiz: Everything so far" in html and "Question 3 of 3." in html


def test_review_directive_with_a_bad_reference_fails_the_build_naming_the_page(project):  # noqa: F811
    (project / "index.md").write_text(REVIEW_PAGE.replace("hostile:h-truefalse", "hostile:h-gone"), encoding="utf-8")
    run = sphinx_build(project)
    assert run.returncode != 0
    assert "index.md" in run.stderr and "has no question(s) 'h-gone'" in run.stderr
