"""The grading contract, Python side: grade() passes every case of quiz_contract.yaml.

The same cases run against quiz.js in Chromium (browser/test_quiz_contract_browser.py), which also
checks that the browser's words equal grade()'s, so the two graders cannot drift apart.
"""

from __future__ import annotations

import pytest
from quiz_contract import LANGUAGES, expected_sentences, load_table, python_result

BANK, CASES = load_table()


def test_the_table_covers_every_question_type_and_state():
    assert {c.question.type for c in CASES} == {"single", "multiple", "truefalse", "numeric", "ordering"}
    assert {c.state for c in CASES} == {"correct", "incorrect", "empty"}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_python_grader_meets_the_contract(case, language):
    state, text = python_result(case, language)
    assert state == case.state, f"{case.id}: {case.answer} graded {state}: {text!r}"
    position = 0
    for sentence in expected_sentences(case, language):
        found = text.find(sentence, position)
        assert found >= 0, f"{case.id}: {sentence!r} missing (or out of order) in {text!r}"
        position = found + len(sentence)
