"""Alignment: every objective is assessed by >= 2 quiz questions and >= 1 exercise,
every quiz question names an objective that exists, and every chapter with objectives lists them.

The first test checks the real book; the others build a small book in a temporary folder and break it
one way at a time, so each rule is shown to fail when it should.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from treaty_toolkit.alignment import alignment_map, alignment_problems, page_directives


def test_the_book_is_aligned(root):
    problems = alignment_problems(root)
    assert not problems, f"{len(problems)} alignment problem(s):\n" + "\n".join(problems)


def test_every_exercise_notebook_declares_objectives(root):
    aligned = alignment_map(root)
    declared = {nb for row in aligned.rows.values() for nb in row.exercises}
    notebooks = {str(p.relative_to(root)) for p in (root / "exercises").glob("*.ipynb")}
    assert notebooks - declared == set(), "exercise notebooks without an 'objectives' metadata list"


# --- a small book, good by default -------------------------------------------------------------------

def _question(qid: str, objective: str) -> dict:
    return {
        "id": qid,
        "type": "single",
        "objective": objective,
        "source": "src2024",
        "prompt": f"Prompt of {qid}?",
        "options": [{"text": "Yes", "correct": True}, {"text": "No", "correct": False}],
        "explanation": "Because.",
    }


def _notebook(objectives) -> dict:
    return {
        "cells": [{"cell_type": "markdown", "id": "a1", "metadata": {}, "source": ["# Exercise\n"]}],
        "metadata": {"objectives": objectives},
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def write_book(folder: Path, *, questions=None, exercise_objectives=("one-1",), page=None) -> Path:
    (folder / "exercises" / "quizzes").mkdir(parents=True)
    (folder / "_config.yml").write_text("title: fixture\n")
    (folder / "references.bib").write_text("@misc{src2024,\n  title = {A source},\n}\n")
    (folder / "exercises" / "objectives.yaml").write_text(
        yaml.safe_dump([{"id": "one-1", "chapter": "one", "text": "Do the first thing."}])
    )
    if questions is None:
        questions = [_question("q-a", "one-1"), _question("q-b", "one-1")]
    bank = {"bank": "one", "title": "Chapter one", "questions": questions}
    (folder / "exercises" / "quizzes" / "one.yaml").write_text(yaml.safe_dump(bank, sort_keys=False))
    (folder / "exercises" / "01-one.ipynb").write_text(json.dumps(_notebook(list(exercise_objectives))))
    (folder / "_toc.yml").write_text("format: jb-book\nroot: intro\nchapters:\n  - file: one\n")
    (folder / "intro.md").write_text("# Intro\n")
    if page is None:
        page = "# One\n\n```{objectives} one\n```\n\n```{quiz} one\n```\n"
    (folder / "one.md").write_text(page)
    return folder


def test_fixture_book_is_aligned(tmp_path):
    book = write_book(tmp_path)
    assert alignment_problems(book) == []
    row = alignment_map(book).rows["one-1"]
    assert [(q.bank, q.question, q.page) for q in row.questions] == [("one", "q-a", "one"), ("one", "q-b", "one")]
    assert row.exercises == ["exercises/01-one.ipynb"]
    assert row.pages == ["one"]


def test_one_question_is_not_enough(tmp_path):
    book = write_book(tmp_path, questions=[_question("q-a", "one-1")])
    assert alignment_problems(book) == ["objective 'one-1' (one): 1 quiz question(s), needs at least 2"]


def test_an_objective_needs_an_exercise(tmp_path):
    book = write_book(tmp_path, exercise_objectives=())
    [problem] = alignment_problems(book)
    assert "objective 'one-1'" in problem and "no exercise notebook declares it" in problem


def test_a_question_must_name_an_existing_objective(tmp_path):
    questions = [_question("q-a", "one-1"), _question("q-b", "one-1"), _question("q-ghost", "ghost-9")]
    [problem] = alignment_problems(write_book(tmp_path, questions=questions))
    assert "q-ghost" in problem and "unknown objective 'ghost-9'" in problem


def test_an_exercise_must_name_an_existing_objective(tmp_path):
    [problem] = alignment_problems(write_book(tmp_path, exercise_objectives=("one-1", "ghost-9")))
    assert "01-one.ipynb" in problem and "unknown objective 'ghost-9'" in problem


def test_a_chapter_page_must_list_its_objectives(tmp_path):
    book = write_book(tmp_path, page="# One\n\n```{quiz} one\n```\n")
    [problem] = alignment_problems(book)
    assert "chapter 'one' has objectives but no page" in problem


def test_a_page_outside_the_toc_does_not_count(tmp_path):
    book = write_book(tmp_path, page="# One\n\n```{quiz} one\n```\n")
    (book / "orphan.md").write_text("```{objectives} one\n```\n")
    assert any("no page in _toc.yml lists them" in p for p in alignment_problems(book))


def test_a_quiz_naming_a_missing_question_is_reported(tmp_path):
    page = "```{objectives} one\n```\n\n```{quiz} one\n:questions: q-a, q-nope\n```\n"
    [problem] = alignment_problems(write_book(tmp_path, page=page))
    assert "unknown question 'one:q-nope'" in problem


def test_page_directives_reads_both_fences_and_the_questions_option():
    text = "```{quiz} one\n:questions: a, b\n```\n\n:::{objectives} one\n:::\n"
    assert page_directives(text) == [("quiz", "one", {"questions": ["a", "b"]}), ("objectives", "one", {})]


def test_a_review_quiz_reuses_questions_without_counting_them_twice(tmp_path):
    page = "```{objectives} one\n```\n\n```{quiz} one\n```\n"
    book = write_book(tmp_path, page=page)
    (book / "_toc.yml").write_text("format: jb-book\nroot: intro\nchapters:\n  - file: one\n  - file: review\n")
    (book / "review.md").write_text("```{quiz} review\n:from: one:q-b, one:q-gone\n:title: Review\n```\n")
    [problem] = alignment_problems(book)
    assert "review.md" in problem and "unknown question 'one:q-gone'" in problem
    row = alignment_map(book).rows["one-1"]
    assert [(q.question, q.page) for q in row.questions] == [("q-a", "one"), ("q-b", "one")]


@pytest.mark.parametrize("bad", ["not-a-list", [1, 2]])
def test_malformed_exercise_metadata_fails_naming_the_notebook(tmp_path, bad):
    book = write_book(tmp_path)
    (book / "exercises" / "01-one.ipynb").write_text(json.dumps(_notebook(bad)))
    [problem] = alignment_problems(book)
    assert "01-one.ipynb" in problem and "'objectives'" in problem


def test_the_map_is_an_accessible_table_that_names_gaps_in_words(tmp_path):
    from types import SimpleNamespace

    from treaty_toolkit.book.objective_map import render_map

    book = write_book(tmp_path, questions=[_question("q-a", "one-1")])
    env = SimpleNamespace(titles={}, found_docs={"one"})
    builder = SimpleNamespace(get_relative_uri=lambda fromdoc, todoc: f"../{todoc}.html")
    html = render_map(alignment_map(book), env, builder, "instructors/objective-map")
    assert "<caption>" in html and html.count('scope="col"') == 5 and 'scope="row"' in html
    assert 'href="../one.html#tt-q-q-a"' in html
    assert "Gap: needs 1 more quiz question(s)" in html
    assert "1 objective(s) fall short" in html
