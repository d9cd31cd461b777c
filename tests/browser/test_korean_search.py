"""Searching the Korean edition: a particle no longer hides a word (원조 finds a page that only says 원조를).

A small fixture book, built as `make book` builds the Korean edition (the project's _config.yml, banks and
bibliography), is searched through its real search page in Chromium with the network cut off.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import build_small_book, lay_out_small_book, serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]

TOC = "format: jb-book\nroot: index\nchapters:\n  - file: aid\n  - file: other\n"
PAGES = {
    "index.md": "# 검색 시험\n\nThe fixture's first page.\n",
    # The only place the word occurs, and only with the object particle: 원조를.
    "aid.md": "# 조약의 조항\n\n북한과 러시아는 서로 군사적 원조를 제공한다.\n",
    "other.md": "# 다른 페이지\n\n이 페이지는 동맹과 국가에 대해 말한다.\n",
}
BUILD = """import sys
from treaty_toolkit.authoring.editions import build_edition
sys.exit(build_edition(sys.argv[1], "ko"))
"""


@pytest.fixture(scope="module")
def korean_book(tmp_path_factory) -> Path:
    book = tmp_path_factory.mktemp("korean-search-book")
    lay_out_small_book(book, TOC, PAGES)
    build_small_book([sys.executable, "-c", BUILD, str(book)], "fixture book")
    return book / "_build" / "html" / "ko"


@pytest.fixture(scope="module")
def korean_server(korean_book):
    with serve(korean_book) as url:
        yield url


def search(tabs, base_url: str, query: str) -> list[str]:
    """The pages the built search page lists for ``query`` (their file names)."""
    with tabs.lend() as (page, log):
        page.goto(f"{base_url}search.html?q={quote(query)}", wait_until="load")
        # Sphinx's searchtools.js writes the summary under the results once the last result is listed.
        page.wait_for_function("() => typeof Search !== 'undefined' && Search.status && Search.status.innerText.trim() !== ''",
                               timeout=15_000)
        links = page.eval_on_selector_all("#search-results ul.search li a", "links => links.map(a => a.getAttribute('href'))")
        assert not log.page_errors and not log.blocked_requests, vars(log)
    return sorted({href.split("?")[0].split("#")[0] for href in links})


def test_the_korean_edition_uses_the_korean_search_language(korean_book):
    data = (korean_book / "_static" / "language_data.js").read_text(encoding="utf-8")
    assert "koreanQueryWord" in data and "PorterStemmer" in data
    index = json.loads((korean_book / "searchindex.js").read_text(encoding="utf-8").removeprefix("Search.setIndex(").removesuffix(")"))
    assert "원조" in index["terms"] and "원조를" not in index["terms"]
    assert "를" not in index["terms"] and "는" not in index["terms"]  # particles are not words


@pytest.mark.parametrize("query", ["원조", "원조를", "군사적", "러시아는"])
def test_a_word_is_found_with_or_without_its_particle(tabs, korean_server, query):
    assert search(tabs, korean_server, query) == ["aid.html"]


def test_a_noun_that_ends_like_a_particle_is_not_cut(tabs, korean_server):
    # 국가 ends in 가 (a subject particle): the index holds 국가, so the query keeps it whole.
    assert search(tabs, korean_server, "국가") == ["other.html"]
    assert search(tabs, korean_server, "국가에") == ["other.html"]


def test_a_word_on_no_page_finds_nothing(tabs, korean_server):
    assert search(tabs, korean_server, "잠수함을") == []
