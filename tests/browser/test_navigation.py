"""The sidebar toggles a reader sees: on a phone and a tablet they open the drawer with the table of
contents in view; on a desktop they collapse and restore the sidebar. One search field on a desktop."""

from __future__ import annotations

import contextlib

import pytest

pytestmark = pytest.mark.browser

CHAPTER = "chapters/01-context/index.html"
NARROW = [(390, 844), (820, 1180)]
TOC_LINK = "Start here"  # the first chapter entry of the table of contents


def visible(page, selector):
    return [el for el in page.locator(selector).all() if el.is_visible()]


@contextlib.contextmanager
def open_chapter(tabs, book_server, width, height):
    """The chapter on a lent tab of this window size: yields (page, log)."""
    with tabs.lend(viewport={"width": width, "height": height}) as (page, log):
        page.goto(book_server + CHAPTER, wait_until="load")
        yield page, log


@pytest.mark.parametrize("width,height", NARROW, ids=[f"{w}px" for w, _ in NARROW])
def test_the_visible_menu_button_opens_the_drawer_with_the_contents_in_view(tabs, book_server, width, height):
    with open_chapter(tabs, book_server, width, height) as (page, log):
        toggles = visible(page, ".primary-toggle")
        assert len(toggles) == 1, "exactly one menu button should be visible"
        toggles[0].click()
        drawer = page.locator("#pst-primary-sidebar-modal")
        page.wait_for_function("() => document.getElementById('pst-primary-sidebar-modal').open", timeout=5000)
        link = drawer.get_by_role("link", name=TOC_LINK, exact=True)
        assert link.is_visible()
        box = link.bounding_box()
        assert box and 0 <= box["y"] < height and 0 <= box["x"] < width, f"'{TOC_LINK}' is outside the screen: {box}"
        page.keyboard.press("Escape")
        page.wait_for_function("() => !document.getElementById('pst-primary-sidebar-modal').open", timeout=5000)
        assert not log.page_errors


@pytest.mark.parametrize("width,height", NARROW, ids=[f"{w}px" for w, _ in NARROW])
def test_the_visible_contents_button_opens_the_page_outline(tabs, book_server, width, height):
    with open_chapter(tabs, book_server, width, height) as (page, _):
        toggles = visible(page, ".secondary-toggle")
        assert len(toggles) == 1
        toggles[0].click()
        page.wait_for_function("() => document.getElementById('pst-secondary-sidebar-modal').open", timeout=5000)
        assert page.locator("#pst-secondary-sidebar-modal nav").first.is_visible()


def test_on_a_desktop_the_menu_button_collapses_and_restores_the_sidebar(tabs, book_server):
    with open_chapter(tabs, book_server, 1280, 900) as (page, _):
        sidebar = page.locator("#pst-primary-sidebar")
        assert sidebar.is_visible()
        toggles = visible(page, ".primary-toggle")
        assert len(toggles) == 1
        toggles[0].click()
        page.wait_for_timeout(300)
        assert not sidebar.is_visible()
        assert not page.evaluate("() => document.getElementById('pst-primary-sidebar-modal').open")
        toggles[0].click()
        page.wait_for_timeout(300)
        assert sidebar.is_visible()


def test_a_desktop_shows_one_search_field(tabs, book_server):
    with open_chapter(tabs, book_server, 1280, 900) as (page, _):
        assert len(visible(page, ".search-button-field")) == 1
