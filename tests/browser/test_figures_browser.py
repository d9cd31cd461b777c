"""Figures on a phone: each opens full size on a tap or from the keyboard, legible, with its alt text.

On a 390 px screen a figure is drawn at about a third of its natural width, so its labels are some
4 CSS px tall. Opened (treaty_toolkit.book.figures), it is shown at no less than its natural width, where
the smallest label of the module's figures (7.5 pt at 100 dpi) is about 10 px, and the view scrolls sideways.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import pytest
from conftest import toc_documents
from page_visits import HANGUL

from treaty_toolkit.book.words import book_words
from treaty_toolkit.project import EDITIONS, PILOT_PAGES

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
PHONE = {"width": 390, "height": 844}
IMAGE_OUTPUTS = ("image/png", "image/jpeg", "image/svg+xml")
MARKDOWN_IMAGE = re.compile(r"!\[[^\]]*\]\(|^```\{(?:figure|image)\}|^:::\{(?:figure|image)\}", re.M)


def pages_with_figures(root) -> list[str]:
    """Every page in the book whose source holds a figure: an image output, or an image in Markdown."""
    pages = []
    for doc in toc_documents(root):
        notebook, markdown = root / f"{doc}.ipynb", root / f"{doc}.md"
        if notebook.exists():
            nb = nbformat.read(notebook, as_version=4)
            has_figure = any(kind in output.get("data", {}) for cell in nb.cells for output in cell.get("outputs", [])
                             for kind in IMAGE_OUTPUTS)
            has_figure = has_figure or any(MARKDOWN_IMAGE.search(c.source) for c in nb.cells if c.cell_type == "markdown")
        else:
            has_figure = bool(MARKDOWN_IMAGE.search(markdown.read_text(encoding="utf-8")))
        if has_figure:
            pages.append(f"{doc}.html")
    return pages


FIGURE_PAGES = pages_with_figures(ROOT)

# Each figure in the article: its alt text, its link, how wide it is drawn on the page against its file.
FIGURES = """() => [...document.querySelectorAll('article img')].map((img, index) => {
  const link = img.closest('a');
  return {index, alt: (img.getAttribute('alt') || '').trim(), natural: img.naturalWidth,
          shown: img.getBoundingClientRect().width,
          link: link ? {href: link.getAttribute('href'), cls: link.className} : null};
})"""

# The open dialog: the figure's size against its file, its alt text, and whether it scrolls sideways.
OPENED = """() => {
  const dialog = document.querySelector('dialog.tt-figure-dialog');
  const img = dialog.querySelector('img'), frame = dialog.querySelector('.tt-figure-frame');
  frame.scrollLeft = frame.scrollWidth;
  return {open: dialog.open, alt: img.alt, natural: img.naturalWidth, shown: img.getBoundingClientRect().width,
          frameWidth: frame.clientWidth, scrolled: frame.scrollLeft};
}"""


def test_the_figure_pages_are_found():
    assert len(FIGURE_PAGES) >= 5, FIGURE_PAGES  # the chapters' matplotlib figures, at least


@pytest.mark.parametrize("page_name", FIGURE_PAGES)
def test_each_figure_opens_full_size_on_a_phone(tabs, book_server, page_name):
    with tabs.lend(viewport=PHONE, is_mobile=True, has_touch=True) as (page, log):
        page.goto(book_server + page_name, wait_until="load")
        figures = page.evaluate(FIGURES)
        assert figures, f"{page_name}: no figure in the article"
        for figure in figures:
            assert figure["alt"], figure
            assert figure["link"] and "tt-figure-link" in figure["link"]["cls"], figure
            assert figure["link"]["href"].split("/")[-2:-1] == ["_images"], figure  # the page's own copy

            image = page.locator("article img").nth(figure["index"])
            # A figure in a folded worked answer: open the fold first, as a reader does.
            image.evaluate("img => { for (let d = img.closest('details'); d; d = d.parentElement.closest('details')) d.open = true; }")
            image.locator("xpath=ancestor::a[1]").focus()  # reachable from the keyboard: a link, opened with Enter
            page.keyboard.press("Enter")
            page.wait_for_function("() => { const i = document.querySelector('dialog.tt-figure-dialog[open] img');"
                                   " return i && i.complete && i.naturalWidth > 0; }")
            opened = page.evaluate(OPENED)
            assert opened["open"] and opened["alt"] == figure["alt"], opened
            assert opened["shown"] >= opened["natural"] - 0.5, opened  # at least natural size: legible
            if opened["natural"] > opened["frameWidth"]:
                assert opened["scrolled"] > 0, opened  # the rest of the figure is a sideways scroll away
            page.keyboard.press("Escape")
            assert not page.evaluate("document.querySelector('dialog.tt-figure-dialog').open")
            assert page.evaluate("document.activeElement.classList.contains('tt-figure-link')")  # back where it was
        assert not (log.console_errors or log.page_errors or log.blocked_requests or log.failed_requests), log


# A figure page of each edition; in the Korean edition, a translated page and one shown in English for now.
TAPPED = [("en", FIGURE_PAGES[0]),
          ("ko", next(page for page in FIGURE_PAGES if page.removesuffix(".html") in PILOT_PAGES)),
          ("ko", next(page for page in FIGURE_PAGES if page.removesuffix(".html") not in PILOT_PAGES))]


@pytest.mark.parametrize(("edition", "figure_page"), TAPPED)
def test_a_tap_opens_a_figure_with_words_in_the_page_language(tabs, book_server, edition, figure_page):
    """The link's words follow the article (English on a page shown in English); the dialog's, the page."""
    folder = EDITIONS[edition]
    url = book_server + (f"{folder}/" if folder else "") + figure_page
    article = edition if figure_page.removesuffix(".html") in PILOT_PAGES else "en"
    with tabs.lend(viewport=PHONE, is_mobile=True, has_touch=True) as (page, log):
        page.goto(url, wait_until="load")
        link = page.locator("article a.tt-figure-link").first
        assert link.get_attribute("title") == book_words(article)["figure_link"]
        assert link.evaluate("a => a.closest('[lang]').lang") == article
        # ... and the words shown under the figure are that title, in the article's language.
        shown = link.evaluate("a => getComputedStyle(a, '::after').content")
        assert shown.strip('"') == book_words(article)["figure_link"], shown
        image = link.locator("img")
        image.scroll_into_view_if_needed()
        image.tap()
        page.wait_for_selector("dialog.tt-figure-dialog[open]")
        words = page.evaluate("""() => { const d = document.querySelector('dialog.tt-figure-dialog');
            return [d.getAttribute('aria-label'), d.querySelector('.tt-figure-close').textContent,
                    d.querySelector('.tt-figure-frame').getAttribute('aria-label')]; }""")
        # The dialog's words are the edition's (from the block the book writes into the page).
        assert words == [book_words(edition)[key] for key in ("figure_dialog", "figure_close", "figure_frame")], words
        assert all(bool(HANGUL.search(word)) == (edition == "ko") for word in words), words
        page.tap("dialog.tt-figure-dialog .tt-figure-close")
        assert not page.evaluate("document.querySelector('dialog.tt-figure-dialog').open")
        assert page.url == url  # the page stayed; the dialog showed the figure
