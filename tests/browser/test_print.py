"""The printable view (static/print.css) and the folded worked answers of the exercise pages.

Print is checked with Chromium's print media emulation: the same page is compared on screen and in
print, so each assertion would fail if the stylesheet were missing.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHAPTER = "chapters/01-context/index.html"
EXERCISE = "exercises/02-reading.html"
CHROME = [".bd-header", ".bd-sidebar-primary", ".bd-sidebar-secondary", ".article-header-buttons",
          ".prev-next-footer, .prev-next-area", ".bd-footer"]

MEASURE = """() => {
  const shown = el => el && getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0;
  const forms = [...document.querySelectorAll('form.tt-quiz-question')];
  return {
    chrome: Object.fromEntries(%s.map(sel => [sel, [...document.querySelectorAll(sel)].some(shown)])),
    questions: forms.length,
    fieldsetsShown: forms.filter(f => shown(f.querySelector('fieldset'))).length,
    legendsShown: forms.filter(f => shown(f.querySelector('legend'))).length,
    optionsShown: [...document.querySelectorAll('.tt-quiz-option')].filter(o =>
        shown(o.querySelector('label')) && shown(o.querySelector('input'))
        && o.querySelector('input').getBoundingClientRect().width >= 8).length,
    options: document.querySelectorAll('.tt-quiz-option').length,
    buttonsShown: [...document.querySelectorAll('.tt-quiz button')].filter(shown).length,
    feedbackShown: [...document.querySelectorAll('.tt-quiz-feedback')].filter(shown).length,
    solutionsShown: [...document.querySelectorAll('.cell.tag_solution, .tt-solution, .solution.admonition')].filter(shown).length,
    articleWidth: document.querySelector('article').getBoundingClientRect().width,
    overflowPx: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  };
}""".replace("%s", repr(CHROME).replace("'", '"'))


def solution_cells(root):
    """(code cells, markdown cells) tagged solution in the exercise notebook shown at EXERCISE."""
    from treaty_toolkit.authoring.notebooks import load
    from treaty_toolkit.authoring.student_copies import is_solution

    cells = [c for c in load(root / EXERCISE.replace(".html", ".ipynb")).cells if is_solution(c)]
    return [c for c in cells if c.cell_type == "code"], [c for c in cells if c.cell_type == "markdown"]


def measure(page, url, media):
    page.emulate_media(media=media)
    page.goto(url, wait_until="load")
    return page.evaluate(MEASURE)


def test_print_view_hides_navigation_and_keeps_quiz_questions_readable(offline_page, book_server):
    page, log = offline_page
    url = book_server + CHAPTER
    screen = measure(page, url, "screen")
    printed = measure(page, url, "print")

    # On screen the chrome is there and the quiz has its buttons: the print rules make the difference.
    assert screen["chrome"][".bd-header"] and screen["chrome"][".bd-sidebar-primary"]
    assert screen["buttonsShown"] > 0
    assert not [sel for sel, shown in printed["chrome"].items() if shown], printed["chrome"]

    assert printed["questions"] >= 5
    assert printed["fieldsetsShown"] == printed["legendsShown"] == printed["questions"]
    assert printed["optionsShown"] == printed["options"] > 0  # every option with its box drawn
    assert printed["buttonsShown"] == 0 and printed["feedbackShown"] == 0
    assert printed["solutionsShown"] == 0  # the chapter's sphinx-exercise solution stays off paper
    # The article gets the page width back and nothing is cut off at the side.
    assert printed["articleWidth"] > screen["articleWidth"]
    assert printed["overflowPx"] <= 0
    assert not log.page_errors and not log.blocked_requests


def test_print_view_leaves_worked_answers_out(offline_page, book_server, root):
    page, _ = offline_page
    url = book_server + EXERCISE
    screen = measure(page, url, "screen")
    printed = measure(page, url, "print")
    code, written = solution_cells(root)
    assert screen["solutionsShown"] == len(code) + len(written)  # folded, but on the page
    assert printed["solutionsShown"] == 0


def test_pdf_of_a_chapter_has_pages(offline_page, book_server, tmp_path):
    page, _ = offline_page
    page.goto(book_server + CHAPTER, wait_until="load")
    pdf = page.pdf(path=str(tmp_path / "chapter.pdf"), format="A4", print_background=True)
    pages = re.findall(rb"/Type\s*/Page[^s]", pdf)
    assert pdf.startswith(b"%PDF") and len(pages) >= 2  # a whole chapter, not a blank sheet


def test_exercise_answers_are_folded_and_open_on_click(offline_page, book_server, root):
    code, written_cells = solution_cells(root)
    page, _ = offline_page
    page.goto(book_server + EXERCISE, wait_until="load")
    code_answers = page.locator(".cell.tag_solution")
    assert code_answers.count() == len(code)
    first = code_answers.first
    source = first.locator(".cell_input pre")
    # Folded: the answer is in the page but not shown, and its summary says what it hides.
    assert first.locator("details").evaluate("d => d.open") is False
    assert source.count() == 1 and not source.is_visible()
    assert source.text_content().strip() == code[0].source.strip()  # still there for whoever opens it
    summary = first.locator("summary")
    assert "Show the worked answer" in summary.inner_text()
    summary.click()
    assert source.is_visible()

    written = page.locator(".tt-solution")
    assert written.count() == len(written_cells)
    body = written.first.locator("p").nth(1)  # the first paragraph after the admonition title
    assert body.count() == 1 and not body.is_visible()
    written.first.locator("button.toggle-button").click()
    body.wait_for(state="visible")


ROOT_DIR = Path(__file__).resolve().parents[2]
EXERCISE_PAGES = [f"exercises/{path.stem}.html" for path in sorted((ROOT_DIR / "exercises").glob("*.ipynb"))]


@pytest.mark.parametrize("page_name", EXERCISE_PAGES)
def test_no_check_says_correct_under_an_empty_starter_cell(offline_page, book_server, page_name):
    """A check's result judges the folded worked answer, so it is folded too, and opens on click."""
    page, _ = offline_page
    page.goto(book_server + page_name, wait_until="load")
    checks = page.locator(".cell.tag_hide-output")
    assert checks.count() >= 1, f"{page_name}: no folded check"
    visible_correct = page.evaluate("""() => [...document.querySelectorAll('.cell_output')]
        .filter(o => o.getClientRects().length > 0 && o.innerText.includes('Correct.')).length""")
    assert visible_correct == 0, f"{page_name}: {visible_correct} check result(s) say 'Correct.' before any answer is shown"
    first = checks.first
    summary = first.locator("summary")
    assert "Show the check of the worked answer" in summary.inner_text()
    summary.click()
    assert "Correct." in first.locator(".cell_output").first.inner_text()


ANSWER_KEY = "instructors/answer-key.html"
ANSWER_KEY_MEASURE = """(chrome) => {
  const shown = el => el && getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0;
  const items = [...document.querySelectorAll('.tt-answer-key-item')];
  return {
    chrome: chrome.filter(sel => [...document.querySelectorAll(sel)].some(shown)),
    items: items.length,
    itemsShown: items.filter(shown).length,
    keysShown: items.filter(i => shown(i.querySelector('.tt-answer-key-answer'))).length,
    keptWhole: items.filter(i => getComputedStyle(i).breakInside === 'avoid').length,
    noticeShown: shown(document.querySelector('article .admonition')),
  };
}"""


def test_answer_key_prints_every_question_whole_without_the_site_chrome(offline_page, book_server, library):
    page, log = offline_page
    page.goto(book_server + ANSWER_KEY, wait_until="load")
    screen = page.evaluate(ANSWER_KEY_MEASURE, CHROME)
    page.emulate_media(media="print")
    printed = page.evaluate(ANSWER_KEY_MEASURE, CHROME)
    total = len(library.questions)
    assert screen["chrome"] and screen["keptWhole"] == 0  # the print rules make the difference
    assert printed["chrome"] == []
    assert printed["items"] == printed["itemsShown"] == printed["keysShown"] == printed["keptWhole"] == total
    assert printed["noticeShown"]  # "for instructors only" is on paper too
    assert not log.page_errors and not log.blocked_requests


ROLE_CARDS = """() => [...document.querySelectorAll('.tt-role-cards .sd-col')].map(col => ({
  breakBefore: getComputedStyle(col).breakBefore,
  width: col.getBoundingClientRect().width,
  title: col.querySelector('.sd-card-title').textContent.trim(),
}))"""


def test_simulation_role_cards_print_one_per_page(offline_page, book_server, root, tmp_path):
    from treaty_toolkit.alignment import page_text

    written = page_text(root / "instructors" / "simulation.md").count(":::{grid-item-card}")
    page, log = offline_page
    url = book_server + "instructors/simulation.html"
    page.emulate_media(media="screen")
    page.goto(url, wait_until="load")
    screen = page.evaluate(ROLE_CARDS)
    screen_article = page.evaluate("document.querySelector('article').getBoundingClientRect().width")
    page.emulate_media(media="print")
    printed = page.evaluate(ROLE_CARDS)
    article = page.evaluate("document.querySelector('article').getBoundingClientRect().width")
    assert written >= 8 and len(screen) == len(printed) == written
    assert {c["breakBefore"] for c in screen} == {"auto"}  # side by side on screen
    assert {c["breakBefore"] for c in printed} == {"page"}
    assert all(c["width"] < 0.6 * screen_article for c in screen), screen  # two to a row on screen
    assert all(c["width"] >= 0.95 * article for c in printed), (article, printed)  # the sheet's width on paper
    pdf = page.pdf(path=str(tmp_path / "simulation.pdf"), format="A4")
    pages = re.findall(rb"/Type\s*/Page[^s]", pdf)
    assert len(pages) >= written + 1  # the brief before the cards, then a sheet for each card
    assert not log.page_errors and not log.blocked_requests
