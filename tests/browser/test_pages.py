"""Every page in the table of contents, in both editions, opened in Chromium with the network cut off (desktop, light).

test_pages_phone.py opens each page again on a phone viewport in dark mode. Each page is one test that
reports every problem found on it: load errors, images without alt text, raw TeX, undrawn widgets and
serious axe-core violations.
"""

from __future__ import annotations

import html.parser
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from page_visits import INSPECT_PAGE, TOC_PAGES, WIDGET_VIEW, report, visit

pytestmark = pytest.mark.browser


def test_the_toc_has_pages(toc_pages):
    assert len(TOC_PAGES) >= 4 and TOC_PAGES == toc_pages and TOC_PAGES[0] == "intro.html"
    assert "ko/intro.html" in TOC_PAGES and len(TOC_PAGES) == 2 * len(set(p.removeprefix("ko/") for p in TOC_PAGES))


@pytest.mark.parametrize("page_name", TOC_PAGES)
def test_page_on_a_desktop(tabs, book_server, page_name):
    v = visit(tabs, book_server, page_name)
    problems = {
        "console errors, page errors, blocked or failed requests": v.load_problems(),
        "images without a text alternative": v.facts["imagesWithoutAlt"] + v.facts["svgImagesWithoutName"],
        # test_offline_assets.py proves MathJax works on a page that has math; here no page may leave raw TeX.
        "math left as raw TeX": v.facts["unrenderedMath"] + v.facts["rawTeXInText"],
        "widget views the offline renderer did not draw": v.facts["unrenderedWidgets"],
        "axe-core serious/critical violations": v.serious_violations(),
        "wide tables and their scroll notes": v.wide_table_problems(),
    }
    assert not any(problems.values()), report(page_name, problems)


# --- internal links, read from the built HTML ------------------------------------------------------


class _LinksAndIds(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name in ("id", "name") if tag == "a" else ("id",):
            if attrs.get(name):
                self.ids.add(attrs[name])
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "img" and attrs.get("src"):
            self.links.append(attrs["src"])


def _parse(path: Path) -> _LinksAndIds:
    parser = _LinksAndIds()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def broken_internal_links(built_book: Path, page: str) -> list[str]:
    """Relative links (and image sources) on ``page`` whose file or #fragment does not exist."""
    parsed_pages: dict[str, _LinksAndIds] = {page: _parse(built_book / page)}
    broken = []
    for href in parsed_pages[page].links:
        parts = urlsplit(href)
        if parts.scheme or parts.netloc:  # external, mailto:, data: ...: not ours to resolve
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path))) if parts.path else page
        path = built_book / target
        if path.is_dir():
            target, path = posixpath.join(target, "index.html"), path / "index.html"
        if not path.is_file():
            broken.append(f"{href} (no file {target})")
            continue
        if parts.fragment and target.endswith(".html"):
            if target not in parsed_pages:
                parsed_pages[target] = _parse(path)
            if unquote(parts.fragment) not in parsed_pages[target].ids:
                broken.append(f"{href} (no id '{parts.fragment}' in {target})")
    return broken


def test_every_internal_link_resolves(built_book, toc_pages):
    problems = {page: links for page in toc_pages if (links := broken_internal_links(built_book, page))}
    assert not problems, "broken internal links:\n" + "\n".join(f"{page}: {links}" for page, links in problems.items())


def test_the_link_checker_catches_a_broken_link(tmp_path):
    (tmp_path / "a.html").write_text('<p id="here"><a href="#here">ok</a> <a href="b.html#gone">x</a> <a href="c.html">y</a>'
                                     '<a href="https://example.org/">ext</a></p>', encoding="utf-8")
    (tmp_path / "b.html").write_text('<h1 id="top">b</h1>', encoding="utf-8")
    assert broken_internal_links(tmp_path, "a.html") == ["b.html#gone (no id 'gone' in b.html)", "c.html (no file c.html)"]


def test_the_page_inspection_finds_a_wide_table_without_its_note(offline_page):
    page, _ = offline_page
    wide = "<table><tr><td style='min-width: 2000px'>wide</td></tr></table>"
    page.set_content(f"""<html data-wide-tables="checked"><body><article>
        <div style="overflow-x: auto"><div>{wide}</div></div>
        <p class="tt-scroll-note" lang="en">Scroll sideways</p><div style="overflow-x: auto">{wide}</div>
        <p class="tt-scroll-note" lang="en">Scroll sideways</p><div style="overflow-x: auto"><table><tr><td>fits</td></tr></table></div>
        <div style="overflow-x: auto; width: 50px"><p style="width: 900px">wide text, no table</p></div>
        </article></body></html>""")
    facts = page.evaluate(INSPECT_PAGE, WIDGET_VIEW)
    assert facts["silentWideTables"] == ["wide"] and facts["notesAboveFittingTables"] == 1, facts
