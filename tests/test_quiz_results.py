"""Students' result files and their merge (treaty_toolkit.quiz.results), on the fixture book's sample bank.

The files are written out literally here, as a student's browser would save them; the merge must take
the good ones, name each bad one with its reason and still merge the rest.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from treaty_toolkit.quiz import Session, load_library, quiz
from treaty_toolkit.quiz.grading import display_order
from treaty_toolkit.quiz.results import SCHEMA_FILE, load_file, main, merge

FIXTURE_BOOK = Path(__file__).parent / "fixtures" / "quizzes" / "book"
SCHEMA = json.loads(SCHEMA_FILE.read_text("utf-8"))


@pytest.fixture(scope="module")
def library():
    return load_library(FIXTURE_BOOK)


def right_order(library):
    """The keyed ordering answer in the file's terms: the position of each item as the page shows it."""
    question = library.questions["s-ordering"]
    return [i + 1 for i in display_order(question)]


def document(name, answers, **changes):
    """A result file: ``answers`` are (question, type, answer, correct, attempts)."""
    doc = {
        "format": "treaty-toolkit-quiz-results", "format_version": 1,
        "page": "/chapters/sample", "quiz": "tt-quiz-sample-s-single", "name": name,
        "exported": "2025-03-01T10:00:00.000Z",
        "score": {"correct": sum(a[3] for a in answers), "total": len(answers)},
        "answers": [
            {"question": q, "type": t, "answer": a, "correct": c, "attempts": n,
             "time": None if a is None else "2025-03-01T09:58:00.000Z"}
            for q, t, a, c, n in answers
        ],
    }
    doc.update(changes)
    return doc


def class_files(library):
    """Three students: Ana right on everything, Ben and Cy wrong in different ways, Cy skips the number."""
    order = right_order(library)
    return {
        "ana.json": document("Ana", [("s-single", "single", 1, True, 1), ("s-multiple", "multiple", [0, 2], True, 2),
                                     ("s-truefalse", "truefalse", False, True, 1), ("s-numeric", "numeric", "0.3", True, 1),
                                     ("s-ordering", "ordering", order, True, 3)]),
        "ben.json": document("Ben", [("s-single", "single", 0, False, 1), ("s-multiple", "multiple", [0, 1], False, 1),
                                     ("s-truefalse", "truefalse", True, False, 1), ("s-numeric", "numeric", "1,000", False, 1),
                                     ("s-ordering", "ordering", order[1:] + order[:1], False, 1)]),
        "cy.json": document("Cy", [("s-single", "single", 0, False, 2), ("s-multiple", "multiple", [1, 3], False, 1),
                                   ("s-truefalse", "truefalse", False, True, 1), ("s-numeric", "numeric", None, False, 0),
                                   ("s-ordering", "ordering", order, True, 1)]),
    }


def write(folder: Path, files: dict) -> Path:
    folder.mkdir(exist_ok=True)
    for name, content in files.items():
        text = content if isinstance(content, str) else json.dumps(content)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def read_csv(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_the_fixture_files_follow_the_schema(library):
    for doc in class_files(library).values():
        jsonschema.validate(doc, SCHEMA)


def test_good_files_merge_into_one_row_per_student_and_question(tmp_path, library, capsys):
    folder = write(tmp_path / "in", class_files(library))
    assert main([str(folder), "--root", str(FIXTURE_BOOK)]) == 0
    table = read_csv(folder / "class-table.csv")
    assert len(table) == 3 * 5
    questions = [q.id for q in library.bank("sample").questions]
    assert {(r["student"], r["question"]) for r in table} == {(s, q) for s in ("Ana", "Ben", "Cy") for q in questions}
    ben = {r["question"]: r for r in table if r["student"] == "Ben"}
    assert ben["s-single"]["answer"] == "A" and ben["s-single"]["correct"] == "False"
    assert ben["s-multiple"]["answer"] == "A; B"
    assert ben["s-truefalse"]["answer"] == "True"
    assert ben["s-ordering"]["answer"].count("→") == 3
    assert {r["question"]: r["answer"] for r in table if r["student"] == "Cy"}["s-numeric"] == ""
    assert capsys.readouterr().err == ""


def test_item_analysis_numbers(tmp_path, library):
    folder = write(tmp_path / "in", class_files(library))
    assert main([str(folder), "--root", str(FIXTURE_BOOK), "--out", str(tmp_path / "out")]) == 0
    items = {r["question"]: r for r in read_csv(tmp_path / "out" / "item-analysis.csv")}
    got = {q: (r["answered"], r["correct"], r["share_correct"], r["most_chosen_wrong"], r["wrong_count"]) for q, r in items.items()}
    assert got == {
        "s-single": ("3", "1", "0.333", "A", "2"),  # Ben and Cy both chose A
        "s-multiple": ("3", "1", "0.333", "B", "2"),  # B wrongly ticked by both; C by Cy only
        "s-truefalse": ("3", "2", "0.667", "True", "1"),
        "s-numeric": ("2", "1", "0.5", "1,000", "1"),  # Cy left it empty: not counted as answering
        "s-ordering": ("3", "2", "0.667", items["s-ordering"]["most_chosen_wrong"], "1"),
    }
    png = tmp_path / "out" / "item-analysis.png"
    assert png.read_bytes().startswith(b"\x89PNG")
    alt = (tmp_path / "out" / "item-analysis.txt").read_text("utf-8")
    assert "5 questions" in alt and "3 students" in alt and "Lowest: s-multiple with 33%" in alt


def bad_files(library):
    good = class_files(library)["ana.json"]
    flipped = json.loads(json.dumps(good))
    flipped["answers"][0]["correct"] = False  # the stored answer is right, the flag says wrong
    flipped["score"]["correct"] -= 1
    promoted = json.loads(json.dumps(class_files(library)["ben.json"]))
    promoted["answers"][3]["correct"] = True  # a wrong number marked right
    promoted["score"]["correct"] += 1
    score = json.loads(json.dumps(good))
    score["score"]["correct"] = 4
    unknown = json.loads(json.dumps(good))
    unknown["answers"][0]["question"] = "s-not-in-any-bank"
    keyed = json.loads(json.dumps(good))
    keyed["answers"][0]["key"] = [1]
    outside = document("Ed", [("s-single", "single", 7, False, 1)])
    twice = document("Flo", [("s-single", "single", 1, True, 1), ("s-single", "single", 1, True, 1)])
    return {
        "truncated.json": (json.dumps(good)[:200], "not valid JSON"),
        "version.json": ({**good, "format_version": 2}, "format version 2"),
        "other.json": ({"hello": "world"}, "not a quiz results file"),
        "flipped.json": (flipped, "question 's-single': marked incorrect, but grading the stored answer says otherwise"),
        "promoted.json": (promoted, "question 's-numeric': marked correct"),
        "score.json": (score, "score 4 of 5 does not match the answers (5 of 5 correct)"),
        "unknown.json": (unknown, "question 's-not-in-any-bank' is in no bank"),
        "keyed.json": (keyed, "Additional properties are not allowed ('key' was unexpected)"),
        "outside.json": (outside, "question 's-single': the stored answer 7 is not one the quiz can give"),
        "twice.json": (twice, "question 's-single' appears twice"),
        "binary.json": (None, "not UTF-8 text"),  # written as bytes below
    }


@pytest.mark.parametrize("bad", ["truncated.json", "version.json", "other.json", "flipped.json", "promoted.json",
                                 "score.json", "unknown.json", "keyed.json", "outside.json", "twice.json", "binary.json"])
def test_a_bad_file_is_named_with_its_reason_and_the_rest_still_merged(tmp_path, library, capsys, bad):
    content, reason = bad_files(library)[bad]
    folder = tmp_path / "in"
    write(folder, {"good.json": class_files(library)["cy.json"]})
    if bad == "binary.json":
        (folder / bad).write_bytes(b"\xff\xfe{")
    else:
        write(folder, {bad: content})
    assert main([str(folder), "--root", str(FIXTURE_BOOK)]) == 0
    err = capsys.readouterr().err
    assert f"{bad}: skipped: " in err and reason in err, err
    assert "good.json" not in err
    assert {r["student"] for r in read_csv(folder / "class-table.csv")} == {"Cy"}


def test_no_mergeable_file_is_a_failure(tmp_path, library, capsys):
    folder = write(tmp_path / "in", {"a.json": "{", "b.json": {"format": "treaty-toolkit-quiz-results", "format_version": 0}})
    assert main([str(folder), "--root", str(FIXTURE_BOOK)]) == 1
    err = capsys.readouterr().err
    assert "a.json: skipped" in err and "b.json: skipped" in err and "no result file could be merged" in err
    assert not (folder / "class-table.csv").exists()


def test_a_student_with_no_name_is_told_apart_by_the_file_and_a_repeat_keeps_the_later_answer(tmp_path, library, capsys):
    early = document("", [("s-single", "single", 0, False, 1)])
    late = document("", [("s-single", "single", 1, True, 2)])
    late["answers"][0]["time"] = "2025-03-02T09:00:00Z"
    again = document("Ana", [("s-single", "single", 1, True, 1)])
    folder = write(tmp_path / "in", {"early.json": early, "late.json": late, "ana.json": class_files(library)["ana.json"],
                                     "ana-again.json": again})
    merged = merge(folder, library)
    students = {(r["student"], r["question"]): r["file"] for r in merged.rows}
    assert students[("(no name: early.json)", "s-single")] == "early.json"
    assert students[("(no name: late.json)", "s-single")] == "late.json"
    assert students[("Ana", "s-single")] in ("ana.json", "ana-again.json") and len(merged.notes) == 1


def test_a_live_session_exports_the_same_format(tmp_path, library):
    session = Session()
    widget = quiz("sample", root=FIXTURE_BOOK, session=session).widget
    q = {qw.question.id: qw for qw in widget.questions}
    q["s-single"].choice.value = "A"
    q["s-single"].check.click()
    q["s-single"].choice.value = "B"
    q["s-single"].check.click()
    q["s-truefalse"].choice.value = True
    q["s-truefalse"].check.click()
    q["s-ordering"].positions[0].value = 1  # incomplete: not an attempt
    q["s-ordering"].check.click()
    for dropdown, item in zip(q["s-ordering"].positions, q["s-ordering"].shown_items):
        dropdown.value = library.questions["s-ordering"].items.index(item) + 1
    q["s-ordering"].check.click()
    path = session.export_results(tmp_path / "kernel.json", name="Dee")
    doc = json.loads(path.read_text("utf-8"))
    jsonschema.validate(doc, SCHEMA)
    by_id = {a["question"]: a for a in doc["answers"]}
    assert by_id["s-single"] == {**by_id["s-single"], "answer": 1, "correct": True, "attempts": 2}
    assert by_id["s-truefalse"]["answer"] is True and by_id["s-truefalse"]["correct"] is False
    assert by_id["s-ordering"]["answer"] == right_order(library) and by_id["s-ordering"]["correct"] is True
    assert doc["score"] == {"correct": 2, "total": 3} and doc["name"] == "Dee"
    assert load_file(path, library).student == "Dee"  # the merge accepts it: the flags regrade the same
    text = path.read_text("utf-8")
    assert "The prompt said B" not in text and "B it is" not in text  # no explanation, no feedback, no key


def test_an_empty_session_says_so():
    with pytest.raises(ValueError, match="No answer has been checked"):
        Session().results_document()


def test_the_command_line_runs_as_a_module(tmp_path, library):
    folder = write(tmp_path / "in", {**class_files(library), "broken.json": "{"})
    src = Path(__file__).resolve().parents[1] / "src"
    run = subprocess.run([sys.executable, "-m", "treaty_toolkit.quiz.results", str(folder), "--root", str(FIXTURE_BOOK)],
                         capture_output=True, text=True, env={"PYTHONPATH": str(src), "MPLBACKEND": "Agg",
                                                              "PATH": "/usr/bin:/bin"})
    assert run.returncode == 0, run.stderr
    assert "broken.json: skipped: not valid JSON" in run.stderr
    assert "Merged 3 files (1 skipped)" in run.stdout
