"""Student copies of the exercise notebooks: no solution left, and they run cleanly, saying "not answered"."""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest

from treaty_toolkit.authoring import student_copies as exercises
from treaty_toolkit.authoring.notebooks import dumps, execute, load
from treaty_toolkit.checks import NOT_ANSWERED

EXERCISES = exercises.exercise_notebooks()
# A check cell calls one of treaty_toolkit.checks' check_* functions.
CHECK_CALL = re.compile(r"^\s*check_\w+\(", re.M)


def test_there_is_one_exercise_per_chapter(root):
    chapters = sorted(p.name for p in (root / "chapters").iterdir() if p.is_dir() and p.name[:2].isdigit())
    assert [p.stem for p in EXERCISES] == chapters


@pytest.mark.parametrize("path", EXERCISES, ids=lambda p: p.stem)
def test_student_copy_keeps_tasks_and_drops_every_solution(path):
    source = load(path)
    student = exercises.student_version(source)
    solutions = [cell for cell in source.cells if exercises.is_solution(cell)]
    assert solutions, f"{path.name}: no solution cells"
    text = nbformat.writes(student)
    for cell in solutions:
        # Every non-trivial line of a worked answer is gone from the student copy.
        for line in cell.source.splitlines():
            if len(line.strip()) > 25:
                assert line not in text, f"{path.name}: solution line left in student copy: {line!r}"
    assert not any(exercises.is_solution(cell) for cell in student.cells)
    assert len(student.cells) == len(source.cells)  # tasks, checks and answer cells all stay in place
    for cell in student.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
    stubs = [c.source for c in student.cells if c.source in (exercises.CODE_STUB, exercises.MARKDOWN_STUB)]
    assert len(stubs) >= len(solutions)
    # The source notebook itself is untouched (student_version works on a copy).
    assert any(exercises.is_solution(cell) for cell in load(path).cells)


@pytest.mark.parametrize("path", EXERCISES, ids=lambda p: p.stem)
def test_the_committed_student_copy_is_up_to_date(path):
    """Binder, JupyterHub and the download button hand out exercises/student/: it must follow the exercise."""
    committed = exercises.DEFAULT_OUT / path.name
    assert committed.is_file(), f"{committed} is missing: run `make student`"
    assert committed.read_text(encoding="utf-8") == dumps(exercises.student_version(load(path))), \
        f"{committed} is out of date: run `make student`"


@pytest.mark.kernel
@pytest.mark.parametrize("path", EXERCISES, ids=lambda p: p.stem)
def test_student_copy_runs_and_every_check_says_not_answered(path):
    copy_path = exercises.DEFAULT_OUT / path.name  # the file students get
    # Run from its own folder, where Binder's JupyterLab starts it.
    nb = execute(load(copy_path), copy_path.parent)
    checks = [cell for cell in nb.cells if cell.cell_type == "code" and CHECK_CALL.search(cell.source)]
    assert checks, f"{path.name}: no auto-check cells"
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not [o for o in cell.outputs if o.output_type == "error"], f"{path.name} {cell.id}: error"
    for cell in checks:
        printed = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
        assert NOT_ANSWERED in printed, f"{path.name} {cell.id}: check printed {printed!r}"
        assert "Correct." not in printed


def test_solution_notebook_checks_all_say_correct():
    """The stored (solution) notebooks pass their own checks, so 'not answered' is not a constant."""
    for path in EXERCISES:
        for cell in load(path).cells:
            if cell.cell_type == "code" and CHECK_CALL.search(cell.source):
                printed = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
                assert printed.startswith("Correct."), f"{path.name} {cell.id}: stored check says {printed!r}"


def test_cli_writes_every_student_copy(tmp_path):
    assert exercises.main(["--out", str(tmp_path)]) == 0
    assert sorted(p.name for p in tmp_path.glob("*.ipynb")) == [p.name for p in EXERCISES]


def test_a_notebook_without_solution_tags_fails_naming_the_file(tmp_path):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("x = 1")])
    path = tmp_path / "untagged.ipynb"
    nbformat.write(nb, path)
    with pytest.raises(ValueError, match=r"untagged\.ipynb: no cell is tagged 'solution'"):
        exercises.write_student_copies([path], tmp_path / "out")


def test_placeholders_say_not_answered_and_answers_do_not(capsys):
    from treaty_toolkit import checks

    assert checks.check_events_between([], "nis-first-deployment-report", "entry-into-force") is False
    assert checks.check_days_after_signature(None) is False
    assert capsys.readouterr().out.count(NOT_ANSWERED) == 2
    assert checks.check_events_between(["duma-ratifies"], "nis-first-deployment-report", "entry-into-force") is False
    assert NOT_ANSWERED not in capsys.readouterr().out


def test_launch_links_are_retargeted_plain_or_url_encoded_and_other_links_are_left_alone():
    from treaty_toolkit.book.student_routes import retarget

    source, student = "exercises/02-reading.ipynb", "exercises/student/02-reading.ipynb"
    binder = "https://mybinder.org/v2/gh/o/r/main?urlpath=lab/tree/exercises/02-reading.ipynb"
    assert retarget(binder, source, student) == "https://mybinder.org/v2/gh/o/r/main?urlpath=lab/tree/" + student
    hub = "https://hub.example.edu/hub/user-redirect/git-pull?repo=x&urlpath=lab%2Ftree%2Fr%2Fexercises%2F02-reading.ipynb"
    assert retarget(hub, source, student).endswith("lab%2Ftree%2Fr%2Fexercises%2Fstudent%2F02-reading.ipynb")
    edit = "https://github.com/o/r/edit/main/exercises/02-reading.ipynb"
    assert retarget(edit, source, student) == edit


def test_a_setup_cell_only_imports_or_sets_display_options():
    from treaty_toolkit.book.solutions import is_setup

    assert is_setup('%matplotlib inline\nimport pandas as pd\nfrom x import (\n    a,\n)\npd.set_option("display.max_colwidth", None)')
    assert not is_setup("from treaty_toolkit.explorer import explorer; explorer()")  # it draws the explorer
    assert not is_setup('import pandas as pd\nevents = load_table("events")')
    assert not is_setup("")


def test_folded_cells_are_the_same_in_every_edition_so_they_share_cached_runs():
    """The source-read hook hands myst-nb the same notebook in every edition (jupyter-cache hashes cell
    metadata, so a Korean prompt in a cell would make the Korean build run every notebook again); the
    Korean words are swapped in later, in the doctree, and a written answer's title is a catalog message."""
    from types import SimpleNamespace

    from jupyter_cache.cache.main import JupyterCacheBase

    from treaty_toolkit.book.solutions import WRITTEN_ANSWER, fold_notebook_page
    from treaty_toolkit.book.words import book_words
    from treaty_toolkit.project import EDITIONS

    exercise = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("answer = 41", id="s", metadata={"tags": ["solution"]}),
        nbformat.v4.new_code_cell("check_days(answer)", id="c"),
        nbformat.v4.new_markdown_cell("Because the Duma voted first.", id="w", metadata={"tags": ["solution"]}),
    ])
    handed = {}
    for language in EDITIONS:
        app = SimpleNamespace(config=SimpleNamespace(language=language),
                              env=SimpleNamespace(doc2path=lambda docname: Path(f"{docname}.ipynb")))
        source = [nbformat.writes(exercise)]
        fold_notebook_page(app, "exercises/01-context", source)
        handed[language] = nbformat.reads(source[0], as_version=4)
    hashed = {lang: JupyterCacheBase.create_hashed_notebook(None, nb)[1] for lang, nb in handed.items()}
    assert len(set(hashed.values())) == 1, hashed
    for nb in handed.values():
        assert nb.cells[0].metadata["mystnb"]["code_prompt_show"] == book_words("en")["show_answer"]
        assert nb.cells[2].source.splitlines()[0] == f"::::{{admonition}} {WRITTEN_ANSWER}"


def test_every_edition_has_every_book_word():
    from treaty_toolkit.book.words import BOOK_WORDS, book_words
    from treaty_toolkit.project import EDITIONS

    assert set(BOOK_WORDS) == set(EDITIONS)
    assert all(BOOK_WORDS[language].keys() == BOOK_WORDS["en"].keys() for language in BOOK_WORDS)
    assert all(all(word.strip() for word in words.values()) for words in BOOK_WORDS.values())
    assert book_words("xx") == BOOK_WORDS["en"]  # an edition without its own words reads English
