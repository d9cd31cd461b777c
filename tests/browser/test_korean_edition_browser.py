"""A Korean-language book grades its quizzes in Korean and shows the Korean explorer, offline and axe clean.

A small fixture book is built with the project's _config.yml, banks, data and bibliography and Sphinx's
``language: ko``: a page with ``{quiz}`` directives (self-check and exam) and a notebook page whose
cells display a quiz and the explorer, as the chapters do. The words each grader must say come from
Python (the Korean table), never read back from the page.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import AXE, build_small_book, jupyter_book_build, lay_out_small_book, offline, serve
from page_visits import AXE_TAGS, RUN_AXE

from treaty_toolkit.quiz import load_library
from treaty_toolkit.quiz.texts import texts

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
KO = texts("ko")

TOC = """format: jb-book
root: index
chapters:
  - file: notebook
"""

INDEX = """# 퀴즈

```{quiz} context
:questions: ctx-signing-date, ctx-days-to-force
```

```{quiz} article4
:questions: art4-threat-only, art4-usjapan-process
:mode: exam
```

```{bibliography}
:all:
```
"""

NOTEBOOK = """---
jupytext:
  text_representation:
    format_name: myst
kernelspec:
  name: python3
  display_name: Python 3
---
# 노트북

```{code-cell} ipython3
from treaty_toolkit.quiz import quiz

quiz("context", ["ctx-troops-before-force"])
```

```{code-cell} ipython3
from treaty_toolkit.explorer import explorer

explorer()
```
"""


@pytest.fixture(scope="module")
def korean_book(tmp_path_factory) -> Path:
    book = tmp_path_factory.mktemp("korean-book")
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    config["sphinx"]["config"]["language"] = "ko"
    (book / "_config.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    lay_out_small_book(book, TOC, {"index.md": INDEX, "notebook.md": NOTEBOOK}, folders=("exercises", "data"))
    build_small_book(jupyter_book_build(book), "Korean fixture book", timeout=900)
    return book / "_build" / "html"


@pytest.fixture(scope="module")
def korean_server(korean_book):
    with serve(korean_book) as url:
        yield url


def feedback(page, qid: str) -> str:
    return " ".join(page.locator(f"#tt-q-{qid} .tt-quiz-feedback").inner_text().split())


def test_the_korean_page_grades_a_self_check_quiz_in_korean(browser, korean_server):
    q = load_library(ROOT, language="ko").questions
    with offline(browser) as (page, log):
        page.goto(korean_server + "index.html", wait_until="networkidle")
        assert page.get_attribute("html", "lang") == "ko"
        check = page.locator("#tt-q-ctx-signing-date").get_by_role("button", name=KO["labels"]["check"])
        check.click()
        assert feedback(page, "ctx-signing-date") == KO["messages"]["empty_choice"]
        page.locator("#tt-q-ctx-signing-date-opt-1").check()
        check.click()
        assert feedback(page, "ctx-signing-date") == f"{KO['messages']['incorrect']} {q['ctx-signing-date'].options[1].feedback}"
        number = page.get_by_label(f"{KO['labels']['your_answer']} (일)")
        number.fill("백육십팔")
        page.locator("#tt-q-ctx-days-to-force").get_by_role("button", name=KO["labels"]["check"]).click()
        assert feedback(page, "ctx-days-to-force") == KO["messages"]["invalid_number"]
        number.fill("168")
        page.locator("#tt-q-ctx-days-to-force").get_by_role("button", name=KO["labels"]["check"]).click()
        assert feedback(page, "ctx-days-to-force").startswith(KO["messages"]["correct"])
        score = page.locator(".tt-quiz-score").first.inner_text()
        assert score == KO["messages"]["score"].format(correct=1, total=2)
        assert not any(vars(log).values()), vars(log)


def test_the_korean_page_grades_an_exam_in_korean(browser, korean_server):
    with offline(browser) as (page, log):
        page.goto(korean_server + "index.html", wait_until="networkidle")
        exam = page.locator('.tt-quiz[data-tt-mode="exam"]')
        exam.get_by_role("button", name=KO["labels"]["submit"]).click()
        result = " ".join(exam.locator(".tt-quiz-result").inner_text().split())
        assert result == KO["exam"]["unanswered_many"].format(numbers="1, 2")
        exam.locator("#tt-q-art4-threat-only-opt-0").check()
        exam.locator("#tt-q-art4-usjapan-process-opt-0").check()
        exam.get_by_role("button", name=KO["labels"]["submit"]).click()
        result = " ".join(exam.locator(".tt-quiz-result").inner_text().split())
        assert result == KO["exam"]["score"].format(correct=2, total=2)
        assert not any(vars(log).values()), vars(log)


def test_a_notebook_quiz_is_shown_and_graded_in_korean(browser, korean_server):
    with offline(browser) as (page, log):
        page.goto(korean_server + "notebook.html", wait_until="networkidle")
        quiz_box = page.locator(".tt-quiz")
        assert quiz_box.get_attribute("data-tt-lang") == "ko"
        quiz_box.get_by_role("button", name=KO["labels"]["check"]).click()
        assert feedback(page, "ctx-troops-before-force") == KO["messages"]["empty_choice"]
        page.get_by_label(KO["labels"]["true"]).check()
        quiz_box.get_by_role("button", name=KO["labels"]["check"]).click()
        assert feedback(page, "ctx-troops-before-force").startswith(KO["messages"]["correct"] + " 한국 국가정보원은")
        assert not any(vars(log).values()), vars(log)


def test_the_korean_explorer_works_offline(browser, korean_server):
    from treaty_toolkit.explorer import translation

    ko = translation("ko")
    with offline(browser) as (page, log):
        page.goto(korean_server + "notebook.html", wait_until="networkidle")
        box = page.locator("[data-art4-explorer]")
        assert box.get_attribute("lang") == "ko"
        page.get_by_label(ko["ui"]["scenario"], exact=True).select_option("korea-allied-offensive")
        status = box.locator('[data-role="status"]').inner_text()
        assert status.startswith(ko["ui"]["summary"].format(count=2, total=4)), status
        assert "러시아 연방이 조선민주주의인민공화국을 원조 (제4조)" in status
        box.get_by_role("button", name=ko["ui"]["all_broad"]).click()
        assert box.get_attribute("data-shown") == "korea-allied-offensive:bbbbb"
        # The clauses are the Korean text as the data holds it, and the sources link to the bibliography.
        assert "“전쟁상태에 처하게 되는 경우”" in box.locator(".art4-clause").all_inner_texts()
        assert box.locator(".art4-intro a.reference.internal").count() == 1
        assert not any(vars(log).values()), vars(log)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page_name", ["index.html", "notebook.html"])
def test_korean_pages_have_no_serious_accessibility_violations(browser, korean_server, page_name, scheme):
    with offline(browser, color_scheme=scheme) as (page, _log):
        page.goto(korean_server + page_name, wait_until="load")
        page.add_script_tag(path=str(AXE))
        violations = [v for v in page.evaluate(RUN_AXE, AXE_TAGS) if v["impact"] in ("serious", "critical")]
        assert violations == []
