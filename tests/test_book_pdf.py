"""The whole book as one PDF (``make pdf``), built from this checkout into a temporary folder.

The single-page build reuses the checkout's notebook execution cache (copied), so no notebook runs; the
checkout's own ``_build`` is left alone (a PDF appearing there would make the next HTML build re-read
the pages that link it). The PDF is read back with pypdf.

It takes minutes, so, as the Binder test does, a passing run is remembered under `_build/pdf-test/`,
keyed on a hash of every file the PDF is made from (all tracked files outside tests/ and benchmarks/,
and this test): until one of them changes the tests report themselves skipped with that reason. CI sets
PDF_TEST=always and always runs them.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path
from types import SimpleNamespace

import pytest

from treaty_toolkit.project import page_source, toc_docnames

pytestmark = [pytest.mark.slow, pytest.mark.browser]

ROOT = Path(__file__).resolve().parent.parent
PASSED_DIR = ROOT / "_build" / "pdf-test"


def pdf_inputs_hash() -> str | None:
    """Of every tracked file the book is made from; None outside a git checkout (then the test always runs)."""
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True)
    if listed.returncode != 0:
        return None
    names = sorted(n for n in listed.stdout.decode().split("\0") if n and not n.startswith(("tests/", "benchmarks/")))
    digest = hashlib.sha256()
    for name in [*names, "tests/test_book_pdf.py"]:
        path = ROOT / name
        if path.is_file():
            digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


@pytest.fixture(scope="module", autouse=True)
def only_when_the_book_changed(request):
    stamp = PASSED_DIR / f"{pdf_inputs_hash()}.passed" if pdf_inputs_hash() else None
    if os.environ.get("PDF_TEST") != "always" and stamp is not None and stamp.is_file():
        pytest.skip(f"nothing the PDF is made from changed since a run that passed ({stamp.name}); "
                    "set PDF_TEST=always to run it again")
    failed_before = request.session.testsfailed
    yield
    if stamp is not None and request.session.testsfailed == failed_before:
        PASSED_DIR.mkdir(parents=True, exist_ok=True)
        stamp.write_text("the whole book printed as one PDF and read back\n", encoding="utf-8")


# A sentence of a worked answer this short could also be a chapter's sentence; longer ones are the answer's.
MIN_SENTENCE = 60


def squeezed(text: str) -> str:
    """Text compared as the PDF gives it back: ligatures undone (NFKC), no whitespace, no typographic quotes."""
    text = unicodedata.normalize("NFKC", text)
    text = text.translate(str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'"}))
    return re.sub(r"\s+", "", text)


def markdown_text(source: str) -> str:
    """Plain text of a Markdown cell: links to their text, roles to their content, no emphasis or code marks."""
    source = re.sub(r"\{[\w:-]+\}`([^`]*)`", r"\1", source)
    source = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", source)
    return re.sub(r"[*_`]", "", source)


def page_title(root, docname: str) -> str:
    path = page_source(root, docname)
    if path.suffix == ".ipynb":
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    else:
        text = path.read_text(encoding="utf-8")
    return markdown_text(re.search(r"^# (.+)$", text, re.M).group(1))


def worked_answer_sentences(root) -> dict[str, str]:
    """The longest sentence of every written worked answer (cells tagged ``solution``), by exercise."""
    from treaty_toolkit.authoring.notebooks import load
    from treaty_toolkit.authoring.student_copies import exercise_notebooks, is_solution

    found = {}
    for path in exercise_notebooks(root):
        written = [markdown_text(c.source) for c in load(path).cells if is_solution(c) and c.cell_type == "markdown"]
        sentences = [s for text in written for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split()))]
        if sentences:
            found[path.stem] = max(sentences, key=len)
    return found


@pytest.fixture(scope="module")
def book_pdf(root, tmp_path_factory):
    """A fresh ``make pdf``: the text of the single page it is printed from, the text of each PDF page and
    the names of the fonts the PDF embeds."""
    try:
        from pypdf import PdfReader
    except ImportError:
        pytest.fail("pypdf is not installed: pip install -r requirements-dev.txt")
    out = tmp_path_factory.mktemp("pdf")
    cache = root / "_build" / ".jupyter_cache"
    if cache.is_dir():
        shutil.copytree(cache, out / "_build" / ".jupyter_cache")
    result = subprocess.run([sys.executable, "-m", "treaty_toolkit.authoring.book_pdf", "--path-output", str(out)],
                            capture_output=True, text=True, timeout=1800)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    page = out / "_build" / "singlehtml" / f"{toc_docnames(root)[0]}.html"
    reader = PdfReader(out / "_build" / "pdf" / "book.pdf")
    texts = [p.extract_text() for p in reader.pages]
    fonts = {str(font.get_object().get("/BaseFont", "")) for p in reader.pages
             for font in (p.get("/Resources", {}).get_object().get("/Font", {}) or {}).values()}
    page_text = html.unescape(re.sub(r"<[^>]+>", "", page.read_text(encoding="utf-8")))
    return SimpleNamespace(page_text=page_text, texts=texts, fonts=fonts)


def test_every_page_of_the_book_starts_a_sheet(root, book_pdf):
    texts = book_pdf.texts
    assert len(texts) >= len(toc_docnames(root)), f"{len(texts)} PDF pages for {len(toc_docnames(root))} book pages"


def test_the_text_is_extractable_and_has_every_page_title(root, book_pdf):
    texts = book_pdf.texts
    text = squeezed("".join(texts))
    assert len(text) > 100_000, f"only {len(text)} characters of text could be extracted"
    missing = [title for doc in toc_docnames(root) if squeezed(title := page_title(root, doc)) not in text]
    assert not missing, f"page titles not in the PDF's text: {missing}"


def test_no_worked_answer_is_printed(root, book_pdf):
    page_text, texts = book_pdf.page_text, book_pdf.texts
    text = squeezed("".join(texts))
    sentences = worked_answer_sentences(root)
    assert sentences, "no written worked answer (markdown cell tagged solution) in the exercise notebooks"
    for exercise, sentence in sentences.items():
        assert len(sentence) >= MIN_SENTENCE, f"{exercise}: longest worked-answer sentence is short: {sentence!r}"
        # The sentence is on the page the PDF is printed from (folded), so only the print styles keep it off paper.
        assert squeezed(sentence) in squeezed(page_text), f"{exercise}: {sentence!r} not on the page"
        assert squeezed(sentence) not in text, f"{exercise}'s worked answer is in the PDF: {sentence!r}"


HANGUL_RUN = re.compile(r"[\uac00-\ud7a3][\uac00-\ud7a3 ]{8,}[\uac00-\ud7a3]")


def test_korean_text_is_printed_in_the_served_font(book_pdf):
    # The printer's machine may have no Korean font: the book's own Noto Sans KR must draw the Hangul.
    korean = HANGUL_RUN.findall(book_pdf.page_text)
    assert korean, "no Korean text on the page the PDF is printed from"
    assert any("NotoSansKR" in name for name in book_pdf.fonts), sorted(book_pdf.fonts)
    text = squeezed("".join(book_pdf.texts))
    missing = [run for run in korean if squeezed(run) not in text]
    assert len(missing) < len(korean) / 10, f"{len(missing)} of {len(korean)} Korean passages not in the PDF's text: {missing[:3]}"
