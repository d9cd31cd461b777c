"""The vendored browser assets work with the network cut off, on a small book built for the purpose.

The real chapters may or may not contain math, widgets and a bibliography at any given time; this fixture
book always does, and is built with the project's own _config.yml, quiz banks and bibliography, so the
offline MathJax, the offline widget renderer and the bibliography markup are always exercised.
"""

from __future__ import annotations

import contextlib
import re
from pathlib import Path

import pytest
from conftest import AXE, build_small_book, jupyter_book_build, lay_out_small_book, offline, serve
from page_visits import AXE_TAGS, INSPECT_PAGE, RUN_AXE, WIDGET_VIEW

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]

TOC = """format: jb-book
root: index
chapters:
  - file: widgets
"""

INDEX = r"""# Offline fixture

Inline math $E = mc^2$ and a display formula that needs a TeX package loaded on demand:

$$
\color{#333}{\frac{a}{b}} + \sqrt{x^2 + 1}
$$

A citation {cite:p}`{key}`.

Korean in running text, 조약 제4조 (Article 4 of the treaty), and marked as Korean:
<span lang="ko">군사적 및 기타 원조</span>.

```{bibliography}
```
"""

WIDGETS = """---
jupytext:
  text_representation:
    format_name: myst
kernelspec:
  name: python3
  display_name: Python 3
---
# Widgets

```{code-cell} ipython3
import ipywidgets as w

w.VBox([w.Button(description="Check answer", button_style=style) for style in ("", "primary", "success", "info", "warning", "danger")]
       + [w.Dropdown(options=["a", "b"], description="Pick"), w.Text(description="Answer")])
```
"""


def first_bib_key(bib: Path) -> str:
    match = re.search(r"@\w+\s*\{\s*([^,\s]+)\s*,", bib.read_text(encoding="utf-8"))
    assert match, f"{bib} has no entry to cite"
    return match.group(1)


@pytest.fixture(scope="module")
def fixture_book(tmp_path_factory) -> Path:
    book = tmp_path_factory.mktemp("offline-book")
    index = INDEX.replace("{key}", first_bib_key(ROOT / "references.bib"))
    lay_out_small_book(book, TOC, {"index.md": index, "widgets.md": WIDGETS})
    build_small_book(jupyter_book_build(book), "fixture book")
    return book / "_build" / "html"


@pytest.fixture(scope="module")
def fixture_server(fixture_book):
    with serve(fixture_book) as url:
        yield url


@contextlib.contextmanager
def open_and_inspect(tabs, url, **context_args):
    """The page on a lent tab, once the network is idle: yields (page, log, what INSPECT_PAGE found)."""
    with tabs.lend(**context_args) as (page, log):
        page.goto(url, wait_until="networkidle")
        yield page, log, page.evaluate(INSPECT_PAGE, WIDGET_VIEW)


def test_vendored_files_are_in_the_book_and_no_cdn_is_referenced(fixture_book):
    vendor = fixture_book / "_static" / "vendor" / "offline"
    assert (vendor / "mathjax" / "es5" / "tex-mml-chtml.js").is_file()
    assert (vendor / "@jupyter-widgets" / "html-manager" / "dist" / "embed.js").is_file()
    for page in ("index.html", "widgets.html"):
        html = (fixture_book / page).read_text(encoding="utf-8")
        assert "cdn.jsdelivr.net" not in html and "cdnjs.cloudflare.com" not in html, page
        assert "thebe" not in html.lower(), f"{page}: thebe (which loads from a CDN) is not part of the book"


def test_math_renders_offline_and_the_menu_extensions_load(tabs, fixture_server):
    with open_and_inspect(tabs, fixture_server + "index.html") as (page, log, facts):
        assert facts["mathElements"] >= 2
        assert facts["unrenderedMath"] == [] and facts["rawTeXInText"] == []
        assert page.locator("mjx-container[jax='CHTML']").count() >= 2
        # What the MathJax menu's accessibility options fetch on demand is served too.
        page.evaluate("() => MathJax.loader.load('a11y/explorer').then(() => true)")
        page.wait_for_function(
            "() => performance.getEntriesByType('resource').some(e => e.name.endsWith('/sre/mathmaps/en.json'))"
        )
        page.wait_for_load_state("networkidle")
        assert not any(vars(log).values()), vars(log)


# Text in the served Korean font, drawn at the same size with the system fonts alone: if the two widths are
# equal, Hangul fell back to whatever the machine has (or to empty boxes).
HANGUL_RENDERING = """async (family) => {
  await document.fonts.ready;
  const text = '조약 제4조 군사적 및 기타 원조';
  const measure = (font) => { const c = document.createElement('canvas').getContext('2d'); c.font = font;
                              return c.measureText(text).width; };
  await document.fonts.load(`16px "${family}"`, text);
  return {loaded: document.fonts.check(`16px "${family}"`, text),
          served: measure(`16px "${family}"`), system: measure('16px monospace'),
          files: performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('noto-sans-kr'))};
}"""


def test_korean_text_renders_with_the_served_font(tabs, fixture_server):
    from treaty_toolkit.book.assets import KOREAN_FONT_FAMILY

    with open_and_inspect(tabs, fixture_server + "index.html") as (page, log, _):
        fonts = page.evaluate(HANGUL_RENDERING, KOREAN_FONT_FAMILY)
        assert fonts["loaded"], fonts
        assert fonts["served"] != fonts["system"], fonts
        assert any(name.endswith(".woff2") for name in fonts["files"]), fonts  # from the book itself
        used = page.evaluate("""() => getComputedStyle(document.querySelector('span[lang="ko"]')).fontFamily""")
        assert used.startswith(f'"{KOREAN_FONT_FAMILY}"'), used
        assert not any(vars(log).values()), vars(log)


def test_a_page_without_korean_downloads_only_the_pieces_its_switcher_needs(browser, fixture_server):
    # The one Korean word on an English page is the language switcher's name for the Korean edition.
    # A new window, as a first-time reader's: a lent tab that showed Korean text keeps those pieces at hand.
    with offline(browser) as (page, log):
        page.goto(fixture_server + "widgets.html", wait_until="networkidle")
        page.evaluate("() => document.fonts.ready")
        hangul = page.evaluate("() => [...new Set(document.body.innerText.match(/[\\uac00-\\ud7a3]/g) || [])]")
        switcher = page.locator("a.tt-edition-switch").inner_text().strip()
        assert set(hangul) <= set(switcher), hangul
        files = page.evaluate("() => performance.getEntriesByType('resource').map(e => e.name).filter(n => n.endsWith('.woff2'))")
        pieces = [name for name in files if "noto-sans-kr" in name]
        assert len(pieces) <= len(hangul), pieces  # a piece per character at the most, never the whole font


def test_widgets_render_offline(tabs, fixture_server):
    with open_and_inspect(tabs, fixture_server + "widgets.html") as (page, log, facts):
        assert facts["widgetViews"] == 1 and facts["unrenderedWidgets"] == []
        assert page.locator(".widget-subarea button.jupyter-button").count() == 6
        assert not any(vars(log).values()), vars(log)


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("page_name", ["index.html", "widgets.html"])
def test_fixture_pages_have_no_serious_accessibility_violations(tabs, fixture_server, page_name, scheme):
    # Covers the bibliography list (aria-required-children) and the coloured widget buttons (color-contrast).
    with open_and_inspect(tabs, fixture_server + page_name, color_scheme=scheme) as (page, log, _):
        page.add_script_tag(path=str(AXE))
        violations = [v for v in page.evaluate(RUN_AXE, AXE_TAGS) if v["impact"] in ("serious", "critical")]
        assert violations == []


def test_a_missing_node_modules_fails_the_build_with_a_clear_message(tmp_path):
    from sphinx.errors import ExtensionError

    from treaty_toolkit.book.assets import vendor_sources

    with pytest.raises(ExtensionError, match="Run `make book`"):
        vendor_sources(tmp_path / "node_modules")


def test_the_browser_records_every_request_off_loopback_and_lets_loopback_through(browser, tmp_path):
    # What every page test relies on: a request to a CDN, or to an address given as a number, fails and is
    # recorded as blocked; the loopback server answers as usual. The reason shows the browser's cut-off made
    # it fail (on a machine that is online as well as on one that is not).
    (tmp_path / "here.txt").write_text("served", encoding="utf-8")
    off_loopback = ["https://cdn.jsdelivr.net/npm/mathjax@3/es5/tex-chtml.js", "http://198.51.100.7/pixel.png"]
    with serve(tmp_path) as url, offline(browser) as (page, log):
        reasons = []
        page.on("requestfailed", lambda request: reasons.append(request.failure))
        page.goto(url + "here.txt")
        assert page.inner_text("body") == "served"
        page.set_content(f"<script src='{off_loopback[0]}'></script><img src='{off_loopback[1]}' alt=''>")
        page.wait_for_function("document.querySelector('img').complete")
        assert sorted(log.blocked_requests) == sorted(off_loopback) and not log.failed_requests, vars(log)
        assert reasons == ["net::ERR_PROXY_CONNECTION_FAILED"] * 2, reasons
