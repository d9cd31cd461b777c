"""The whole book as one PDF (``make pdf``): the single-page build printed by Debian's Chromium.

Jupyter Book's own ``pdfhtml`` builder launches the browser Playwright downloads (it cannot be pointed at
another one) and writes its single page over the HTML book in ``_build/html``. Here the same two steps
are done separately: Sphinx's ``singlehtml`` builder writes the book as one page in ``_build/singlehtml``
(warnings are errors, as for the HTML book; the notebooks come from the execution cache), then Playwright
drives ``/usr/bin/chromium`` to print it through the book's print stylesheet (``book/static/print.css``:
no navigation or buttons, no worked answers) to ``_build/pdf/book.pdf``, with an outline from the
headings. The page is served from this machine (127.0.0.1) rather than opened as a file: Chromium refuses
web fonts from ``file://`` pages, and the Korean font and MathJax's fonts are web fonts. Any request the
page makes off this machine fails the run: the PDF builds offline.

The next HTML build links the PDF from the intro and the instructor guide (``{book-pdf}``).

    python -m treaty_toolkit.authoring.book_pdf            # the book in this checkout
    python -m treaty_toolkit.authoring.book_pdf --skip-build  # print _build/singlehtml again
    python -m treaty_toolkit.authoring.book_pdf --path-output DIR  # build in DIR/_build
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlparse

from treaty_toolkit.authoring.notebooks import ROOT

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
BUILD_FLAGS = ["-W", "-n", "--keep-going"]
PAGE_FORMAT = "A4"
MARGINS = {"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"}
# Page numbers at the foot of each page (Chromium fills the classes in).
FOOTER = ('<div style="width:100%;font-size:8px;text-align:center;color:#444">'
          '<span class="pageNumber"></span> / <span class="totalPages"></span></div>')
# Done when the page has loaded, MathJax has typeset and the fonts are in.
READY = "async () => { if (window.MathJax?.startup?.promise) await MathJax.startup.promise; await document.fonts.ready; }"


def build_single_page(root: Path, output: Path) -> Path:
    """Run Sphinx's single-page builder on the book into ``output/_build``; returns the page."""
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    command = [str(jupyter_book), "build", str(root), "--builder", "singlehtml", *BUILD_FLAGS]
    if output.resolve() != root.resolve():
        command += ["--path-output", str(output)]
    subprocess.run(command, check=True)
    return single_page(root, output)


def single_page(root: Path, output: Path) -> Path:
    """The book as one page: the root document's name in ``output/_build/singlehtml``."""
    from treaty_toolkit.project import toc_docnames

    page = output / "_build" / "singlehtml" / f"{toc_docnames(root)[0]}.html"
    if not page.is_file():
        raise SystemExit(f"{page} is missing: build the single page first (run without --skip-build)")
    return page


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@contextlib.contextmanager
def served(folder: Path):
    """``folder`` over HTTP on 127.0.0.1 (a free port); yields the base address."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/"
    finally:
        server.shutdown()
        server.server_close()


def print_pdf(page: Path, pdf: Path) -> None:
    """Print ``page`` (a local file, served from its folder) to ``pdf`` with Chromium, refusing any request
    off this machine."""
    from playwright.sync_api import sync_playwright

    if not os.path.exists(CHROMIUM):
        raise SystemExit(f"Chromium not found at {CHROMIUM}: install Debian's `chromium` package "
                         "(or set CHROMIUM_PATH)")
    blocked: list[str] = []

    def route(request_route):
        url = request_route.request.url
        parts = urlparse(url)
        if parts.scheme in ("data", "blob", "about") or parts.hostname == "127.0.0.1":
            request_route.continue_()
        else:
            blocked.append(url)
            request_route.abort()

    pdf.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as pw, served(page.parent) as base:
        browser = pw.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context()
            context.route("**/*", route)
            tab = context.new_page()
            tab.goto(base + page.name, wait_until="load", timeout=300_000)
            tab.evaluate(READY)
            tab.emulate_media(media="print")
            tab.evaluate(READY)  # the print layout can ask for font pieces the screen layout did not
            tab.pdf(path=str(pdf), format=PAGE_FORMAT, margin=MARGINS, outline=True, tagged=True,
                    display_header_footer=True, header_template="<span></span>", footer_template=FOOTER)
        finally:
            browser.close()
    if blocked:
        pdf.unlink(missing_ok=True)
        raise SystemExit("the book asked for addresses off this machine while printing (the PDF must build "
                         "offline): " + ", ".join(sorted(set(blocked))))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-build", action="store_true", help="print the existing _build/singlehtml page")
    parser.add_argument("--path-output", type=Path, default=ROOT,
                        help="build in DIR/_build instead of the checkout's _build (as jupyter-book's option)")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    page = single_page(ROOT, args.path_output) if args.skip_build else build_single_page(ROOT, args.path_output)
    pdf = args.path_output / "_build" / "pdf" / "book.pdf"
    print_pdf(page, pdf)
    print(f"{pdf}: {pdf.stat().st_size / 1_000_000:.1f} MB in {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
