"""Chapter notebook pages read as pages: code folded one click away, setup cells gone. Exercise pages keep
their code in view, because students write code there."""

from __future__ import annotations

import pytest

from treaty_toolkit import project

pytestmark = pytest.mark.browser

ROOT = project.CHECKOUT
CHAPTER_NOTEBOOKS = sorted(f"{doc}.html" for doc in project.toc_docnames(ROOT)
                           if doc.startswith("chapters/") and (ROOT / f"{doc}.ipynb").is_file())
COUNT_CODE = """() => [...document.querySelectorAll('article .cell_input')]
    .filter(el => el.checkVisibility({contentVisibilityAuto: true, visibilityProperty: true})).length"""


def test_there_are_chapter_notebook_pages():
    assert len(CHAPTER_NOTEBOOKS) >= 10


@pytest.mark.parametrize("page_name", CHAPTER_NOTEBOOKS)
def test_chapter_code_is_folded_and_one_click_away(offline_page, book_server, page_name):
    page, _ = offline_page
    page.goto(book_server + page_name, wait_until="load")
    assert page.evaluate(COUNT_CODE) == 0, f"{page_name}: code shown by default"
    assert "pd.set_option" not in page.content(), f"{page_name}: a setup cell is on the page"
    toggles = page.locator("article summary", has_text="Show the code")
    if toggles.count():  # a page whose every cell is already removed or hidden has nothing to show
        toggles.first.click()
        assert page.evaluate(COUNT_CODE) >= 1


def test_exercise_pages_keep_their_code_in_view(offline_page, book_server):
    page, _ = offline_page
    page.goto(book_server + "exercises/04-revived.html", wait_until="load")
    assert page.evaluate(COUNT_CODE) >= 3
