"""Browser fixtures: the built book served on loopback, viewed in Debian's Chromium via Playwright.

Every request that is not to the loopback server is aborted and recorded, so a page that needs a CDN
fails its test. No browser is downloaded: Playwright drives /usr/bin/chromium.
"""

from __future__ import annotations

import functools
import http.server
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# axe-core, from the npm registry (package-lock.json), injected into pages for accessibility checks.
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output readable
        pass


@pytest.fixture(scope="session")
def book_server(built_book):
    """Serve _build/html on 127.0.0.1 (random free port); yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(built_book))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's `chromium` package (.ci/run does).")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
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


def open_offline_page(browser, *, viewport=None, **context_args):
    """A new page whose non-loopback requests are aborted; returns (context, page, log)."""
    context = browser.new_context(viewport=viewport or {"width": 1280, "height": 900}, **context_args)
    log = PageLog()

    def route(route_obj):
        url = route_obj.request.url
        if is_loopback(url):
            route_obj.continue_()
        else:
            log.blocked_requests.append(url)
            route_obj.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.on("console", lambda msg: log.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: log.page_errors.append(str(exc)))
    page.on(
        "requestfailed",
        lambda req: log.failed_requests.append(req.url) if is_loopback(req.url) else None,
    )
    return context, page, log


@pytest.fixture
def offline_page(browser):
    """A desktop-sized page with the network cut off; yields (page, log)."""
    context, page, log = open_offline_page(browser)
    yield page, log
    context.close()


def toc_documents(root) -> list[str]:
    """Every document named in _toc.yml (root first), as paths without suffix."""
    from treaty_toolkit.project import toc_docnames

    return toc_docnames(root)


@pytest.fixture(scope="session")
def toc_pages(root) -> list[str]:
    """Relative URLs of every page in the table of contents."""
    return [f"{doc}.html" for doc in toc_documents(root)]


# --- quizzes in the built book (used by test_quiz_browser.py and test_quiz_keyboard_browser.py) -------


@pytest.fixture(scope="module")
def library(root):
    from treaty_toolkit.quiz import load_library

    return load_library(root)


@pytest.fixture(scope="module")
def quiz_pages(built_book) -> list[str]:
    """Every built page (relative URL) holding at least one quiz."""
    pages = sorted(
        str(path.relative_to(built_book))
        for path in built_book.rglob("*.html")
        if "_static" not in path.parts and "tt-quiz-question" in path.read_text(encoding="utf-8")
    )
    assert pages, f"no built page in {built_book} contains a quiz"
    return pages
