"""The Sphinx side: {quiz} and {objectives} directives, assets served locally, invalid banks fail the build."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

FIXTURE_BOOK = Path(__file__).parent / "fixtures" / "quizzes" / "book"
CONF = 'extensions = ["myst_parser", "treaty_toolkit.book.quiz_directives"]\nexclude_patterns = ["_build"]\n'
PAGE = """# Fixture page

```{objectives} fixture
```

```{quiz} sample
:questions: s-numeric, s-ordering
```
"""


def sphinx_build(src: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "-n", "-q", "--keep-going", "-b", "html", str(src), str(src / "_build")],
        capture_output=True, text=True, timeout=120,
    )


@pytest.fixture
def project(tmp_path) -> Path:
    src = tmp_path / "book"
    shutil.copytree(FIXTURE_BOOK, src)
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    (src / "index.md").write_text(PAGE, encoding="utf-8")
    return src


def test_directives_render_and_assets_are_local(project):
    run = sphinx_build(project)
    assert run.returncode == 0, run.stderr
    html = (project / "_build" / "index.html").read_text(encoding="utf-8")
    assert html.count('<form class="tt-quiz-question"') == 2
    assert html.index('id="tt-q-s-numeric"') < html.index('id="tt-q-s-ordering"')
    assert 'id="objective-fix-1"' in html and "Answer <em>more</em>" not in html  # plain text objectives
    assert '<script src="_static/quiz.js' in html and '_static/quiz.css' in html
    assert (project / "_build" / "_static" / "quiz.js").is_file()


def test_invalid_bank_fails_the_build_naming_file_question_and_field(project):
    bank = project / "exercises" / "quizzes" / "sample.yaml"
    bank.write_text(bank.read_text(encoding="utf-8").replace("source: fixture2023book", "source: missing2020key", 1), encoding="utf-8")
    run = sphinx_build(project)
    assert run.returncode != 0
    assert "sample.yaml: question 's-truefalse', field 'source': unknown source 'missing2020key'" in run.stderr


def test_bad_directive_arguments_fail_the_build_naming_the_page(project):
    page = PAGE.replace("s-ordering", "s-nothing").replace("{objectives} fixture", "{objectives} nochapter")
    (project / "index.md").write_text(page, encoding="utf-8")
    run = sphinx_build(project)
    assert run.returncode != 0
    assert "index.md" in run.stderr and "has no question(s) 's-nothing'" in run.stderr
    assert "No objectives for chapter 'nochapter'" in run.stderr


def test_mode_option_makes_one_quiz_an_exam_and_leaves_the_other_alone(project):
    page = PAGE + "\n```{quiz} sample\n:questions: s-single, s-truefalse\n:mode: exam\n```\n"
    (project / "index.md").write_text(page, encoding="utf-8")
    run = sphinx_build(project)
    assert run.returncode == 0, run.stderr
    soup = BeautifulSoup((project / "_build" / "index.html").read_text(encoding="utf-8"), "html.parser")
    first, second = soup.select("section.tt-quiz")
    assert not first.has_attr("data-tt-mode") and len(first.select("button.tt-quiz-check")) == 2
    assert second["data-tt-mode"] == "exam" and second.select("button.tt-quiz-check") == []
    assert [f["data-tt-question"] for f in second.select("form")] == ["s-single", "s-truefalse"]
    assert second.select_one("button.tt-quiz-submit").get_text() == "Submit answers"


def test_an_unknown_mode_fails_the_build_naming_the_page_and_the_modes(project):
    (project / "index.md").write_text(PAGE.replace(":questions:", ":mode: test\n:questions:"), encoding="utf-8")
    run = sphinx_build(project)
    assert run.returncode != 0
    assert "index.md:6" in run.stderr and "Invalid option value for 'mode': test" in run.stderr
    assert 'choose from "self-check", or "exam"' in run.stderr
