"""Download my results, in Chromium against the built book with the network cut off.

On a page of each kind (a chapter's own quiz, a quiz a notebook displays) in each edition
(``quiz_answers.KIND_PAGES``): answer the first quiz (the first question wrong, the rest right), type a name,
download, and check both files: the JSON follows results.schema.json, the merge's regrading
(with the bank's key) agrees with every flag, the CSV says the same, and neither file holds the answer key
or the bank's feedback. A name left empty still downloads; a name with characters a file name cannot hold
downloads under a cleaned file name. An exam offers the download only once it is submitted.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import jsonschema
import pytest
from conftest import wait_until
from quiz_answers import KIND_PAGES, QUIZ_PAGES, answer_with_mouse, edition_of, keyed_answer, wrong_answer

from treaty_toolkit.quiz.grading import DOWNLOAD_MESSAGES, LABELS, MESSAGES
from treaty_toolkit.quiz.results import CSV_COLUMNS, SCHEMA_FILE, ResultsFile, load_file

pytestmark = pytest.mark.browser

SCHEMA = json.loads(SCHEMA_FILE.read_text("utf-8"))
FIRST_QUIZ = ".tt-quiz >> nth=0"


def download(page, quiz, name: str | None, folder: Path, labels: dict = LABELS) -> dict[str, Path]:
    """Type ``name`` (None: leave the field alone), press Download my results; the saved files by suffix."""
    saved = []

    def keep(item):
        saved.append(item)

    page.on("download", keep)
    try:
        if name is not None:
            quiz.locator(".tt-quiz-name input").fill(name)
        quiz.get_by_role("button", name=labels["download"]).click()
        wait_until(page, lambda: len(saved) >= 2, "Download my results saved fewer than two files in 5 s", timeout=5)
    finally:
        page.remove_listener("download", keep)  # the tab may be lent to another test next
    assert len(saved) == 2, [d.suggested_filename for d in saved]
    files = {}
    for item in saved:
        target = folder / item.suggested_filename
        item.save_as(target)
        files[target.suffix] = target
    assert set(files) == {".json", ".csv"}
    assert files[".json"].stem == files[".csv"].stem
    return files


def answer_first_quiz(page, library, correct: str = MESSAGES["correct"]) -> tuple[str, dict[str, bool]]:
    """The first quiz's id, and for each question whether it was answered right."""
    quiz_id = page.get_attribute(".tt-quiz >> nth=0", "id")
    ids = page.eval_on_selector_all(f"#{quiz_id} form.tt-quiz-question", "fs => fs.map(f => f.dataset.ttQuestion)")
    expected = {}
    for n, qid in enumerate(ids):
        question = library.questions[qid]
        right = n > 0
        feedback = answer_with_mouse(page, question, keyed_answer(question) if right else wrong_answer(question))
        assert feedback.startswith(correct) == right, (qid, feedback)
        expected[qid] = right
    return quiz_id, expected


def check_files(files, library, quiz_id, expected, name) -> ResultsFile:
    text = files[".json"].read_text("utf-8")
    doc = json.loads(text)
    jsonschema.validate(doc, SCHEMA)
    assert doc["quiz"] == quiz_id and doc["name"] == name
    assert [a["question"] for a in doc["answers"]] == list(expected)
    assert {a["question"]: a["correct"] for a in doc["answers"]} == expected
    assert all(a["attempts"] == 1 and a["time"] for a in doc["answers"])
    assert doc["score"] == {"correct": sum(expected.values()), "total": len(expected)}
    results = load_file(files[".json"], library)  # regraded with the bank's key: every flag must agree
    # No answer key and no feedback or explanation from the bank travels in the file.
    for qid in expected:
        question = library.questions[qid]
        for words in [question.explanation, *(o.feedback for o in question.options), question.feedback_true]:
            if words and len(words) > 12:
                assert words not in text, (qid, words)
    assert "data-tt-key" not in text and '"key"' not in text and '"positions"' not in text
    rows = list(csv.DictReader(io.StringIO(files[".csv"].read_text("utf-8-sig"))))
    assert rows and list(rows[0]) == CSV_COLUMNS
    assert [(r["question"], r["correct"]) for r in rows] == [(q, "true" if ok else "false") for q, ok in expected.items()]
    assert {r["page"] for r in rows} == {doc["page"]} and {r["name"] for r in rows} <= {name, "'" + name}
    return results


@pytest.mark.parametrize("url", KIND_PAGES)
def test_download_my_results_regrades(tabs, book_server, url, tmp_path):
    edition = edition_of(url)
    library = edition.library
    with tabs.lend(accept_downloads=True) as (page, log):
        page.goto(book_server + url)
        quiz_id, expected = answer_first_quiz(page, library, edition.messages["correct"])
        quiz = page.locator(FIRST_QUIZ)
        files = download(page, quiz, "Mina Kovač", tmp_path, edition.labels)
        assert files[".json"].name == f"results-mina-kovač-{quiz_id.removeprefix('tt-quiz-')}.json"
        assert check_files(files, library, quiz_id, expected, "Mina Kovač").student == "Mina Kovač"
        status = quiz.locator(".tt-quiz-download-status").inner_text()
        assert status == edition.download["saved"].format(json=files[".json"].name, csv=files[".csv"].name)
        assert not log.page_errors and not log.console_errors, log
        assert not log.blocked_requests and not log.failed_requests, log


def test_a_name_is_optional_and_awkward_characters_are_handled(tabs, book_server, library, tmp_path):
    with tabs.lend(accept_downloads=True) as (page, log):
        page.goto(book_server + QUIZ_PAGES[0])
        quiz_id, expected = answer_first_quiz(page, library)
        quiz = page.locator(FIRST_QUIZ)
        short = quiz_id.removeprefix("tt-quiz-")

        (tmp_path / "empty").mkdir()
        files = download(page, quiz, None, tmp_path / "empty")
        assert files[".json"].name == f"results-{short}.json"
        assert check_files(files, library, quiz_id, expected, "").student == f"(no name: results-{short}.json)"

        # Path separators, reserved characters, a bidi override, a bell, a formula and more than 80 characters.
        typed = "=1+1 <O'Brien>/..\\:*?|\u202egpj.exe\u0007 " + "x" * 100
        (tmp_path / "odd").mkdir()
        files = download(page, quiz, typed, tmp_path / "odd")
        kept = typed[:80].replace("\u202e", "").replace("\u0007", "").strip()  # the field takes 80 characters
        doc = json.loads(files[".json"].read_text("utf-8"))
        assert doc["name"] == kept  # the name as typed, less what cannot be shown, cut to the schema's limit
        name = files[".json"].name
        assert name.startswith("results-1-1-o-brien-gpj-exe-xxx") and name.endswith(f"-{short}.json")
        assert not set(name) & set("/\\:*?|<>'\u202e\u0007 ")
        assert check_files(files, library, quiz_id, expected, kept)
        rows = list(csv.DictReader(io.StringIO(files[".csv"].read_text("utf-8-sig"))))
        assert {r["name"] for r in rows} == {"'" + kept}  # a spreadsheet does not run it as a formula
        status = quiz.locator(".tt-quiz-download-status").inner_text()
        assert status == DOWNLOAD_MESSAGES["name_cleaned"].format(json=name, csv=files[".csv"].name)
        assert not log.page_errors and not log.blocked_requests, log


def test_an_exam_offers_the_download_only_once_submitted(tabs, book_server, library, tmp_path):
    with tabs.lend(accept_downloads=True) as (page, log):
        page.goto(book_server + "chapters/review.html")
        exam = page.locator('.tt-quiz[data-tt-mode="exam"]')
        assert exam.count() == 1
        button = exam.get_by_role("button", name=LABELS["download"])
        assert button.is_disabled() and exam.locator(".tt-quiz-download-wait").is_visible()
        ids = exam.locator("form.tt-quiz-question").evaluate_all("fs => fs.map(f => f.dataset.ttQuestion)")
        for qid in ids:
            answer_with_mouse(page, library.questions[qid], keyed_answer(library.questions[qid]), check=False)
        exam.get_by_role("button", name=LABELS["submit"]).click()
        assert button.is_enabled() and not exam.locator(".tt-quiz-download-wait").is_visible()
        files = download(page, exam, "Exam Taker", tmp_path)
        check_files(files, library, exam.get_attribute("id"), dict.fromkeys(ids, True), "Exam Taker")
        exam.get_by_role("button", name=LABELS["start_again"]).click()
        assert button.is_disabled()
        assert not log.page_errors and not log.blocked_requests, log
