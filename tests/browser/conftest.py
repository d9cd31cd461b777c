"""Browser fixtures: the built book served on loopback, viewed in Debian's Chromium via Playwright.

Every request that is not to loopback fails and is recorded, so a page that needs a CDN fails its test.
No browser is downloaded: Playwright drives /usr/bin/chromium.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest

# One loopback server for the book's own printing (make pdf) and its tests.
from treaty_toolkit.authoring.book_pdf import served as serve  # noqa: F401 - the tests import it from here

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# axe-core, from the npm registry (package-lock.json), injected into pages for accessibility checks.
ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# Flags that keep Chromium from phoning home on a closed network (see the machine notes).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The network is cut off in the browser itself: every request off loopback goes to a proxy on a port
# nothing listens on (port 9, "discard"), so it fails at once; loopback bypasses the proxy. Intercepting
# requests in Playwright instead (context.route) did the same at about 0.5 s more per page load, as every
# request, the book's own included, made a round trip through the driver.
CUT_OFF = {"server": "http://127.0.0.1:9", "bypass": "127.0.0.1,localhost,[::1]"}


def lay_out_small_book(book: Path, toc: str, pages: dict[str, str], folders=("exercises",)) -> None:
    """A small book beside the real one: its configuration (unless the test wrote its own) and
    bibliography, the named folders, the offline assets, ``toc`` and ``pages`` (file name -> text)."""
    for name in ("_config.yml", "references.bib"):
        if not (book / name).exists():
            shutil.copy(ROOT / name, book / name)
    for folder in folders:  # the quiz engine validates its banks (exercises/) at start
        shutil.copytree(ROOT / folder, book / folder)
    (book / "node_modules").symlink_to(ROOT / "node_modules")
    (book / "_toc.yml").write_text(toc, encoding="utf-8")
    for name, text in pages.items():
        (book / name).write_text(text, encoding="utf-8")


def build_small_book(command: list[str], label: str, timeout: int = 600) -> None:
    """Run a small book's build; fail with the end of its output if it does not succeed."""
    result = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, f"{label} failed to build:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"


def jupyter_book_build(book: Path) -> list[str]:
    """``jupyter-book build BOOK -W -n --keep-going``, from this environment."""
    return [str(Path(sys.executable).with_name("jupyter-book")), "build", str(book), "-W", "-n", "--keep-going"]


@pytest.fixture(scope="session")
def book_server(built_book):
    """Serve _build/html on 127.0.0.1 (random free port); yields the base URL."""
    with serve(built_book) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's `chromium` package (.ci/run does).")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS, proxy=CUT_OFF)
        yield browser
        browser.close()


@dataclass
class PageLog:
    """What went wrong while a page was open."""

    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    blocked_requests: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)


def is_loopback(url: str) -> bool:
    parsed = urlparse(url)
    if parsed.scheme in ("data", "blob", "about"):
        return True
    return parsed.hostname in ("127.0.0.1", "localhost", "::1")


def _record_problems(page, current_log) -> None:
    """Record in ``current_log()`` what went wrong on the page: requests off loopback (which the browser's
    cut-off made fail: see CUT_OFF), failed loopback requests, console errors and page errors."""
    def failed(request):
        problems = current_log().failed_requests if is_loopback(request.url) else current_log().blocked_requests
        problems.append(request.url)

    page.on("console", lambda msg: current_log().console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: current_log().page_errors.append(str(exc)))
    page.on("requestfailed", failed)


def wait_until(page, condition, message: str, timeout: float = 90) -> None:
    """Wait for ``condition()``, letting the page's events in meanwhile (a plain sleep would hold them back)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(message)
        page.wait_for_timeout(50)


DESKTOP = {"width": 1280, "height": 900}


def open_offline_page(browser, *, viewport=None, **context_args):
    """A new page of the cut-off browser, its problems recorded; returns (context, page, log)."""
    context = browser.new_context(viewport=viewport or DESKTOP, **context_args)
    page = context.new_page()
    log = PageLog()
    _record_problems(page, lambda: log)
    return context, page, log


class LentTabs:
    """Browser tabs kept open for a test worker's session and lent to one test at a time, one per kind of
    window (the arguments of ``browser.new_context``: viewport, colour scheme, phone emulation).

    A new context costs Chromium about a second of CPU on this machine (a new renderer process), more than
    loading the page it is opened for. A lent tab goes from page to page in one renderer, so a test pays
    only for its page. Between tests the tab clears the book's local and session storage (quizzes keep
    answers there) and goes to about:blank; when lent, its window size, media and colour scheme are set
    back, and each test gets its own log. A test that adds its own event handler removes it before it ends
    (as the download helper does); one that needs a second page, or a first visit's empty cache, uses
    ``offline()`` instead.
    """

    def __init__(self, browser):
        self.browser = browser
        self.tabs: dict[str, tuple] = {}

    def _open(self, context_args: dict):
        args = {"viewport": DESKTOP, **context_args}
        context = self.browser.new_context(**args)
        page = context.new_page()
        holder = {"log": PageLog()}
        _record_problems(page, lambda: holder["log"])
        return context, page, holder

    @contextlib.contextmanager
    def lend(self, **context_args):
        """Yields (page, log) on a clean tab of this kind; the tab goes back to the pool afterwards."""
        key = repr(sorted(context_args.items()))
        if key not in self.tabs or self.tabs[key][1].is_closed():
            self.tabs[key] = self._open(context_args)
        context, page, holder = self.tabs[key]
        holder["log"] = log = PageLog()
        # What an earlier test may have changed on the tab: window size, print media, colour scheme.
        page.set_viewport_size(context_args.get("viewport", DESKTOP))
        page.emulate_media(media="null", color_scheme=context_args.get("color_scheme", "light"))
        try:
            yield page, log
        finally:
            holder["log"] = PageLog()  # whatever the old page still reports belongs to no test
            try:
                if page.url.startswith("http"):
                    page.evaluate("() => { localStorage.clear(); sessionStorage.clear(); }")
                page.goto("about:blank")
            except Exception:  # a crashed or hung tab is replaced, not reused
                context.close()
                del self.tabs[key]

    def close(self):
        for context, _page, _holder in self.tabs.values():
            context.close()


@pytest.fixture(scope="session")
def tabs(browser):
    """The worker's lent tabs (see LentTabs)."""
    pool = LentTabs(browser)
    yield pool
    pool.close()


@contextlib.contextmanager
def offline(browser, **context_args):
    """``open_offline_page`` as a ``with`` block: yields (page, log) and closes the page even if a check fails."""
    context, page, log = open_offline_page(browser, **context_args)
    try:
        yield page, log
    finally:
        context.close()


@pytest.fixture
def offline_page(tabs):
    """A desktop-sized page with the network cut off, on a lent tab; yields (page, log)."""
    with tabs.lend() as (page, log):
        yield page, log


def toc_documents(root) -> list[str]:
    """Every document named in _toc.yml (root first), as paths without suffix."""
    from treaty_toolkit.project import toc_docnames

    return toc_docnames(root)


def edition_pages(docs) -> list[str]:
    """Relative URLs of ``docs`` in every edition: English at the root, then each translation's folder."""
    from treaty_toolkit.project import EDITIONS

    return [f"{folder}/{doc}.html" if folder else f"{doc}.html" for folder in EDITIONS.values() for doc in docs]


@pytest.fixture(scope="session")
def toc_pages(root) -> list[str]:
    """Relative URLs of every page in the table of contents, in each edition (``ko/intro.html`` ...)."""
    return edition_pages(toc_documents(root))


# --- quizzes in the built book (used by test_quiz_browser.py and test_quiz_keyboard_browser.py) -------


@pytest.fixture(scope="module")
def library(root):
    from treaty_toolkit.quiz import load_library

    return load_library(root)


@pytest.fixture(scope="module")
def quiz_pages(built_book) -> list[str]:
    """Every built page (relative URL) holding at least one self-check quiz (exams: test_quiz_exam_browser.py)."""
    from quiz_answers import SELF_CHECK_QUIZ

    pages = sorted(
        str(path.relative_to(built_book))
        for path in built_book.rglob("*.html")
        if "_static" not in path.parts and SELF_CHECK_QUIZ.search(path.read_text(encoding="utf-8"))
    )
    assert pages, f"no built page in {built_book} contains a quiz"
    return pages
