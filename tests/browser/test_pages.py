"""Every page in the table of contents, opened in Chromium with the network cut off.

Each page is loaded once on a desktop viewport and once on a phone viewport in dark mode; the checks
below read what those visits recorded, so a failure lists every page and problem at once.
"""

from __future__ import annotations

import html.parser
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import open_offline_page

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING_IMPACTS = ("serious", "critical")
PHONE = {"width": 375, "height": 812}
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"

# Runs in the page once it has loaded: waits for MathJax and the widget renderer, then reports.
INSPECT_PAGE = """async (widgetView) => {
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) { await MathJax.startup.promise; }
  const views = [...document.querySelectorAll(`script[type="${widgetView}"]`)];
  for (let i = 0; i < 50 && views.some(v => !v.parentElement.querySelector('.widget-subarea .jupyter-widgets')); i++) {
    await new Promise(r => setTimeout(r, 100));
  }
  const article = document.querySelector('article') || document.body;
  const hidden = el => el.closest('[aria-hidden="true"]') !== null;
  const label = el => (el.getAttribute('aria-label') || '').trim()
      || (el.querySelector(':scope > title') || {textContent: ''}).textContent.trim()
      || (el.getAttribute('aria-labelledby') || '').split(/\\s+/).map(id => (document.getElementById(id) || {textContent: ''}).textContent).join('').trim();
  return {
    // Decorative images are hidden from assistive technology (aria-hidden, role=presentation): skip those.
    imagesWithoutAlt: [...document.querySelectorAll('img')]
        .filter(img => !hidden(img) && img.getAttribute('role') !== 'presentation' && !(img.getAttribute('alt') || '').trim())
        .map(img => img.outerHTML.slice(0, 160)),
    svgImagesWithoutName: [...document.querySelectorAll('svg[role="img"]')].filter(svg => !hidden(svg) && !label(svg))
        .map(svg => svg.outerHTML.slice(0, 160)),
    mathElements: document.querySelectorAll('.math').length,
    unrenderedMath: [...document.querySelectorAll('.math')].filter(m => !m.querySelector('mjx-container'))
        .map(m => m.textContent.slice(0, 80)),
    rawTeXInText: ['\\\\(', '\\\\)', '\\\\[', '\\\\]', '$$'].filter(d => article.innerText.includes(d)),
    widgetViews: views.length,
    unrenderedWidgets: views.filter(v => !v.parentElement.querySelector('.widget-subarea .jupyter-widgets'))
        .map(v => v.textContent.slice(0, 120)),
    overflowPx: document.documentElement.scrollWidth - window.innerWidth,
  };
}"""

RUN_AXE = """async (tags) => {
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
  return result.violations.map(v => ({id: v.id, impact: v.impact,
      targets: v.nodes.slice(0, 5).map(n => n.target.join(' '))}));
}"""


@dataclass
class PageVisit:
    page: str
    log: object
    facts: dict
    violations: list = field(default_factory=list)

    def serious_violations(self):
        return [v for v in self.violations if v["impact"] in BLOCKING_IMPACTS]


def visit(browser, base_url, page_name, **context_args):
    context, page, log = open_offline_page(browser, **context_args)
    try:
        page.goto(base_url + page_name, wait_until="networkidle")
        facts = page.evaluate(INSPECT_PAGE, WIDGET_VIEW)
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(RUN_AXE, AXE_TAGS)
        return PageVisit(page_name, log, facts, violations)
    finally:
        context.close()


@pytest.fixture(scope="module")
def desktop_visits(browser, book_server, toc_pages):
    return [visit(browser, book_server, name) for name in toc_pages]


@pytest.fixture(scope="module")
def phone_visits(browser, book_server, toc_pages):
    # Dark mode here so both colour schemes meet the contrast rules.
    return [visit(browser, book_server, name, viewport=PHONE, color_scheme="dark", is_mobile=True, has_touch=True)
            for name in toc_pages]


def _report(problems: dict) -> str:
    def short(problem):
        return problem[:5] + [f"... {len(problem) - 5} more"] if isinstance(problem, list) and len(problem) > 5 else problem

    return "\n".join(f"{page}: {short(problem)}" for page, problem in problems.items())


def test_the_toc_has_pages(toc_pages):
    assert len(toc_pages) >= 2 and toc_pages[0] == "intro.html"


def test_pages_load_offline_without_errors(desktop_visits):
    problems = {}
    for v in desktop_visits:
        found = {name: value for name, value in vars(v.log).items() if value}
        if found:
            problems[v.page] = found
    assert not problems, "console errors, page errors, blocked or failed requests:\n" + _report(problems)


def test_pages_load_offline_without_errors_on_a_phone(phone_visits):
    problems = {v.page: vars(v.log) for v in phone_visits if any(vars(v.log).values())}
    assert not problems, _report(problems)


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


def test_no_serious_accessibility_violations_on_a_phone_in_dark_mode(phone_visits):
    problems = {v.page: v.serious_violations() for v in phone_visits if v.serious_violations()}
    assert not problems, "axe-core serious/critical violations (phone, dark):\n" + _report(problems)


def test_no_horizontal_overflow_on_a_phone(phone_visits):
    problems = {v.page: f"{v.facts['overflowPx']}px wider than the screen" for v in phone_visits
                if v.facts["overflowPx"] > 1}
    assert not problems, _report(problems)


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
