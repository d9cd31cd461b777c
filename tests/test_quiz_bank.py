"""Quiz banks are validated at load time; errors name the file, the question id and the field."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from treaty_toolkit.quiz import QuizBankError, find_book_root, load_library
from treaty_toolkit.quiz.bank import load_objectives

FIXTURE_BOOK = Path(__file__).parent / "fixtures" / "quizzes" / "book"


@pytest.fixture
def book(tmp_path) -> Path:
    """A writable copy of the fixture book (valid banks, objectives, references.bib)."""
    target = tmp_path / "book"
    shutil.copytree(FIXTURE_BOOK, target)
    (target / "exercises" / "quizzes" / "hostile.yaml").unlink()  # keep one bank to mutate
    return target


def sample(book: Path) -> dict:
    return yaml.safe_load((book / "exercises/quizzes/sample.yaml").read_text(encoding="utf-8"))


def write(book: Path, data: dict, name: str = "sample") -> Path:
    path = book / "exercises" / "quizzes" / f"{name}.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def question(data: dict, qid: str) -> dict:
    return next(q for q in data["questions"] if q["id"] == qid)


def load_error(book: Path) -> str:
    with pytest.raises(QuizBankError) as info:
        load_library(book)
    return str(info.value)


def test_fixture_book_loads_every_type(book):
    library = load_library(book)
    types = [q.type for q in library.bank("sample").questions]
    assert types == ["single", "multiple", "truefalse", "numeric", "ordering"]
    assert library.questions["s-ordering"].items == ("one", "two", "three", "four")


def test_the_books_own_banks_are_valid(root):
    library = load_library(root)
    assert "context" in library.banks
    assert {q.type for q in library.bank("context").questions} == {
        "single", "multiple", "truefalse", "numeric", "ordering"
    }


def test_no_correct_option(book):
    data = sample(book)
    for option in question(data, "s-single")["options"]:
        option["correct"] = False
    path = write(book, data)
    message = load_error(book)
    assert str(path) in message and "'s-single'" in message and "field 'options'" in message
    assert "no option is marked correct" in message


def test_single_choice_with_two_correct_options(book):
    data = sample(book)
    for option in question(data, "s-single")["options"]:
        option["correct"] = True
    write(book, data)
    assert "'s-single', field 'options': 3 options are marked correct" in load_error(book)


def test_duplicate_id_in_one_bank(book):
    data = sample(book)
    question(data, "s-multiple")["id"] = "s-single"
    write(book, data)
    message = load_error(book)
    assert "question 's-single', field 'id': duplicate question id" in message


def test_duplicate_id_across_banks(book):
    data = sample(book)
    other = {"bank": "other", "title": "Other", "questions": [question(data, "s-numeric")]}
    path = write(book, other, name="other")
    message = load_error(book)
    assert str(path) in message and "'s-numeric', field 'id': id already used in" in message
    assert "sample.yaml" in message


def test_unknown_objective(book):
    data = sample(book)
    question(data, "s-truefalse")["objective"] = "fix-99"
    write(book, data)
    message = load_error(book)
    assert "sample.yaml: question 's-truefalse', field 'objective': unknown objective 'fix-99'" in message


def test_unknown_source(book):
    data = sample(book)
    question(data, "s-ordering")["source"] = "nobody2024nothing"
    write(book, data)
    message = load_error(book)
    assert "question 's-ordering', field 'source': unknown source 'nobody2024nothing'" in message
    assert "references.bib" in message


@pytest.mark.parametrize(
    ("qid", "change", "field"),
    [
        ("s-single", lambda q: q.pop("prompt"), "prompt"),
        ("s-single", lambda q: q.update(type="essay"), "type"),
        ("s-numeric", lambda q: q.pop("tolerance"), "tolerance"),
        ("s-numeric", lambda q: q.update(tolerance=-1), "tolerance"),
        ("s-numeric", lambda q: q.update(answer="many"), "answer"),
        ("s-truefalse", lambda q: q.update(answer="yes"), "answer"),
        ("s-truefalse", lambda q: q.pop("feedback_false"), "explanation"),
        ("s-ordering", lambda q: q.update(items=["one"]), "items"),
        ("s-ordering", lambda q: q.update(items=["one", "one"]), "items"),
        ("s-single", lambda q: q["options"][0].pop("correct"), "options.0"),
        ("s-single", lambda q: q.update(tolerance=3), "tolerance"),
        ("s-multiple", lambda q: q.update(options=[]), "options"),
    ],
)
def test_schema_errors_name_the_question_and_field(book, qid, change, field):
    data = sample(book)
    change(question(data, qid))
    path = write(book, data)
    message = load_error(book)
    assert message.startswith(str(path))
    assert f"question '{qid}', field '{field}'" in message, message


def test_question_without_an_id_is_named_by_position(book):
    data = sample(book)
    question(data, "s-numeric").pop("id")
    write(book, data)
    assert "question #4, field 'id'" in load_error(book)


def test_bank_id_must_match_its_file_name(book):
    data = sample(book)
    data["bank"] = "renamed"
    write(book, data)
    assert "field 'bank': 'renamed' must match the file name 'sample'" in load_error(book)


def test_broken_yaml_names_the_file(book):
    path = book / "exercises/quizzes/sample.yaml"
    path.write_text("bank: [unclosed\n", encoding="utf-8")
    message = load_error(book)
    assert str(path) in message and "not valid YAML" in message


def test_duplicate_objective(book):
    path = book / "exercises/objectives.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "- {id: fix-1, chapter: x, text: again}\n", encoding="utf-8")
    with pytest.raises(QuizBankError, match="duplicate objective id 'fix-1'"):
        load_objectives(path)


def test_unknown_bank_and_question_are_named(book):
    library = load_library(book)
    with pytest.raises(QuizBankError, match="No quiz bank 'nope'"):
        library.bank("nope")
    with pytest.raises(QuizBankError, match="has no question\\(s\\) 's-missing'"):
        library.bank("sample").select(["s-single", "s-missing"])
    assert [q.id for q in library.bank("sample").select(["s-numeric", "s-single"])] == ["s-numeric", "s-single"]


def test_book_root_is_found_from_a_subfolder(book):
    sub = book / "chapters" / "deep"
    sub.mkdir(parents=True)
    assert find_book_root(sub) == book.resolve()
