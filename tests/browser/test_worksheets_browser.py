"""Each chapter worksheet of the built book, opened in Chromium with the network cut off, on screen in
light and dark and then as printed: nothing fails to load, axe finds nothing serious, the headings
are in order, printing hides nothing a student needs, and the PDF holds every question with each sheet
numbered at its foot."""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest
from conftest import AXE
from page_visits import AXE_TAGS, BLOCKING_IMPACTS, RUN_AXE

from treaty_toolkit.authoring.worksheets import chapter_worksheets, file_name
from treaty_toolkit.book.worksheets import DOWNLOADS
from treaty_toolkit.project import chapter_pages
from treaty_toolkit.quiz.markdown import render_block

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
WORKSHEETS = [f"{DOWNLOADS}/{file_name(doc)}" for doc in chapter_pages(ROOT)]
# The printable width of A4 with the worksheet's 15 mm side margins, in CSS pixels (96 per inch).
PRINTED_WIDTH = round((210 - 30) / 25.4 * 96)

# What a student needs on the sheet, counted as it is shown: a part counts only if it is displayed,
# not cut to nothing, and an answer box only if its outline is drawn.
MEASURE = """() => {
  const shown = el => !!el && getComputedStyle(el).display !== 'none' && getComputedStyle(el).visibility !== 'hidden'
      && el.getClientRects().length > 0 && el.getBoundingClientRect().width > 0;
  const drawn = el => shown(el) && el.getBoundingClientRect().width >= 8 && el.getBoundingClientRect().height >= 8
      && parseFloat(getComputedStyle(el).borderTopWidth) >= 1 && getComputedStyle(el).borderTopStyle !== 'none';
  const ruled = el => shown(el) && parseFloat(getComputedStyle(el).borderBottomWidth) >= 1;
  const all = sel => [...document.querySelectorAll(sel)];
  return {
    headings: all('h1, h2, h3, h4, h5, h6').map(h => Number(h.tagName[1])),
    header: ['.tt-ws-book', 'h1', '.tt-ws-as-of'].filter(sel => shown(document.querySelector(sel))).length,
    blanksForNameAndDate: all('.tt-ws-fields .tt-ws-blank').filter(b => ruled(b) && b.getBoundingClientRect().width >= 60).length,
    objectives: all('.tt-ws-objectives > li').filter(li => shown(li) && drawn(li.querySelector('.tt-ws-box'))).length,
    questions: all('.tt-ws-questions > li').filter(li => shown(li.querySelector('.tt-ws-prompt'))).length,
    options: all('.tt-ws-options > li').length,
    optionsWithBoxes: all('.tt-ws-options > li').filter(li => shown(li.querySelector('.tt-ws-option')) && drawn(li.querySelector('.tt-ws-box'))).length,
    numberBlanks: all('.tt-ws-number .tt-ws-blank').filter(b => ruled(b) && b.getBoundingClientRect().width >= 60).length,
    discussion: all('.tt-ws-discussion > li').filter(li => shown(li.querySelector('.tt-ws-prompt'))
        && [...li.querySelectorAll('.tt-ws-lines > div')].filter(ruled).length >= 6).length,
    keptWhole: all('.tt-worksheet-item').filter(li => getComputedStyle(li).breakInside === 'avoid').length,
    items: all('.tt-worksheet-item').length,
    overflowPx: document.documentElement.scrollWidth - document.documentElement.clientWidth,
  };
}"""


@pytest.fixture(scope="module")
def sheets():
    return {f"{DOWNLOADS}/{s.file_name}": s for s in chapter_worksheets(ROOT)}


def plain(text: str) -> str:
    """Text as a PDF's text layer gives it back: ligatures split, every run of white space one space."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.mark.parametrize("worksheet", WORKSHEETS)
def test_worksheet_offline_accessible_and_printable(tabs, book_server, sheets, worksheet):
    from bs4 import BeautifulSoup
    from pypdf import PdfReader

    sheet = sheets[worksheet]
    n_options = sum(len(q.options) or (2 if q.type == "truefalse" else len(q.items)) for q in sheet.questions)
    expected = {"header": 3, "blanksForNameAndDate": 2, "objectives": len(sheet.objectives),
                "questions": len(sheet.questions), "options": n_options, "optionsWithBoxes": n_options,
                "numberBlanks": sum(q.type == "numeric" for q in sheet.questions), "discussion": len(sheet.discussion)}
    for scheme in ("light", "dark"):
        with tabs.lend(color_scheme=scheme) as (page, log):
            page.goto(book_server + worksheet, wait_until="load")
            page.add_script_tag(path=str(AXE))
            serious = [v for v in page.evaluate(RUN_AXE, AXE_TAGS) if v["impact"] in BLOCKING_IMPACTS]
            assert not serious, f"{worksheet} ({scheme}): {serious}"
            screen = page.evaluate(MEASURE)
            assert {k: screen[k] for k in expected} == expected, f"{worksheet} on screen ({scheme})"
            assert not [e for kind in vars(log).values() for e in kind], f"{worksheet} ({scheme}): {vars(log)}"
            if scheme == "dark":
                continue
            levels = screen["headings"]
            assert levels[0] == 1 and levels.count(1) == 1, levels
            assert all(b <= a + 1 for a, b in zip(levels, levels[1:])), f"a heading level is skipped: {levels}"

            page.set_viewport_size({"width": PRINTED_WIDTH, "height": 1000})
            page.emulate_media(media="print")
            printed = page.evaluate(MEASURE)
            assert {k: printed[k] for k in expected} == expected, f"{worksheet}: printing hides part of the sheet"
            assert printed["keptWhole"] == printed["items"] == len(sheet.questions) + len(sheet.discussion)
            assert printed["overflowPx"] <= 0, "the printed sheet is wider than the paper"

            pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
            texts = [plain(p.extract_text()) for p in pdf.pages]
            assert all(texts), f"{worksheet}: a blank sheet in the PDF"
            for n, text in enumerate(texts, start=1):  # a loose sheet says where it belongs
                assert f"Chapter {sheet.number} worksheet, page {n} of {len(texts)}" in text, (worksheet, n)
            printed_text = " ".join(texts)
            assert plain(f"Chapter {sheet.number} worksheet") in printed_text and "Name:" in printed_text
            for q in sheet.questions:
                opening = " ".join(plain(BeautifulSoup(render_block(q.prompt), "html.parser").get_text()).split()[:5])
                assert opening in printed_text, f"{worksheet}: {q.id} is not in the PDF"
