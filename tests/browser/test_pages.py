"""Every page in the table of contents, opened in Chromium with the network cut off (desktop, light).

Each page is loaded once on a desktop viewport here and once on a phone viewport in dark mode in
test_pages_phone.py; the checks read what those visits recorded, so a failure lists every page and
problem at once.
"""

from __future__ import annotations

import html.parser
import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from page_visits import _report, visit

pytestmark = pytest.mark.browser

@pytest.fixture(scope="module")
def desktop_visits(browser, book_server, toc_pages):
    return [visit(browser, book_server, name) for name in toc_pages]


def test_the_toc_has_pages(toc_pages):
    assert len(toc_pages) >= 2 and toc_pages[0] == "intro.html"


def test_pages_load_offline_without_errors(desktop_visits):
    problems = {}
    for v in desktop_visits:
        found = {name: value for name, value in vars(v.log).items() if value}
        if found:
            problems[v.page] = found
    assert not problems, "console errors, page errors, blocked or failed requests:\n" + _report(problems)


def test_every_image_has_alt_text(desktop_visits):
    problems = {v.page: v.facts["imagesWithoutAlt"] + v.facts["svgImagesWithoutName"] for v in desktop_visits
                if v.facts["imagesWithoutAlt"] or v.facts["svgImagesWithoutName"]}
    assert not problems, "images without a text alternative:\n" + _report(problems)


def test_math_is_typeset_offline(desktop_visits):
    # Pages without math pass trivially; test_offline_assets.py proves MathJax works on a page that has it.
    problems = {v.page: {"unrendered": v.facts["unrenderedMath"], "raw TeX delimiters": v.facts["rawTeXInText"]}
                for v in desktop_visits if v.facts["unrenderedMath"] or v.facts["rawTeXInText"]}
    assert not problems, "math left as raw TeX (MathJax missing or failed):\n" + _report(problems)


def test_widgets_render_offline(desktop_visits):
    problems = {v.page: v.facts["unrenderedWidgets"] for v in desktop_visits if v.facts["unrenderedWidgets"]}
    assert not problems, "widget views the offline renderer did not draw:\n" + _report(problems)


def test_no_serious_accessibility_violations(desktop_visits):
    problems = {v.page: v.serious_violations() for v in desktop_visits if v.serious_violations()}
    assert not problems, "axe-core serious/critical violations:\n" + _report(problems)


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
    assert not problems, "broken internal links:\n" + _report(problems)


def test_the_link_checker_catches_a_broken_link(tmp_path):
    (tmp_path / "a.html").write_text('<p id="here"><a href="#here">ok</a> <a href="b.html#gone">x</a> <a href="c.html">y</a>'
                                     '<a href="https://example.org/">ext</a></p>', encoding="utf-8")
    (tmp_path / "b.html").write_text('<h1 id="top">b</h1>', encoding="utf-8")
    assert broken_internal_links(tmp_path, "a.html") == ["b.html#gone (no id 'gone' in b.html)", "c.html (no file c.html)"]
