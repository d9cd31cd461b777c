"""The chapter worksheets: what each holds (counted against the banks, objectives and pages), that no
answer, feedback or explanation reaches them, and that bank text cannot add markup."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from treaty_toolkit.authoring.worksheets import (
    Worksheet,
    WorksheetError,
    chapter_worksheets,
    discussion_questions,
    render,
    write_all,
)
from treaty_toolkit.project import chapter_pages
from treaty_toolkit.quiz import load_library
from treaty_toolkit.quiz.grading import display_order
from treaty_toolkit.quiz.lms.common import number
from treaty_toolkit.quiz.markdown import render_block, render_inline

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_BOOK = Path(__file__).parent / "fixtures" / "quizzes" / "book"
LIBRARY = load_library(ROOT)
CHAPTERS = chapter_pages(ROOT)
BOOK_TITLE = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))["title"]


@pytest.fixture(scope="module")
def sheets() -> dict[str, Worksheet]:
    return {sheet.docname: sheet for sheet in chapter_worksheets(ROOT)}


def words(text: str) -> str:
    return " ".join(text.split())


def text_of(html: str) -> str:
    return words(BeautifulSoup(html, "html.parser").get_text(" "))


def page_arguments(docname: str, directive: str) -> list[str]:
    """The arguments of a directive on a chapter page, read straight from its fence."""
    text = (ROOT / f"{docname}.md").read_text(encoding="utf-8")
    return re.findall(rf"^```\{{{directive}\}} (\S+)$", text, re.M)


def test_there_is_a_worksheet_for_each_of_the_ten_chapters_in_reading_order(sheets):
    assert len(CHAPTERS) == 10
    assert list(sheets) == CHAPTERS
    assert [s.number for s in sheets.values()] == list(range(1, 11))
    assert [s.file_name for s in sheets.values()] == [f"worksheet-{d.split('/')[1]}.html" for d in CHAPTERS]


@pytest.mark.parametrize("docname", CHAPTERS)
def test_a_worksheet_holds_the_chapters_objectives_quiz_and_discussion_questions(sheets, docname):
    sheet = sheets[docname]
    soup = BeautifulSoup(render(sheet), "html.parser")
    [chapter] = page_arguments(docname, "objectives")
    objectives = [o for o in LIBRARY.objectives.values() if o.chapter == chapter]
    assert [words(li.get_text()) for li in soup.select("ul.tt-ws-objectives > li")] == [words(o.text) for o in objectives]
    [bank_id] = page_arguments(docname, "quiz")  # chapter pages embed their whole bank
    bank = LIBRARY.bank(bank_id)
    prompts = [text_of(str(li.select_one(".tt-ws-prompt"))) for li in soup.select("ol.tt-ws-questions > li")]
    assert prompts == [text_of(render_block(q.prompt)) for q in bank.questions]
    section = (ROOT / f"{docname}.md").read_text(encoding="utf-8").split("\n## Discussion questions\n")[1].split("\n## ")[0]
    numbered = re.findall(r"^\d+\. ", section, re.M)
    assert len(soup.select("ol.tt-ws-discussion > li")) == len(numbered) == len(sheet.discussion) >= 3
    for li in soup.select("ol.tt-ws-discussion > li"):
        assert len(li.select(".tt-ws-lines > div")) >= 6, "room to write under each discussion question"
    header = words(soup.select_one("header").get_text(" "))
    assert header.startswith(f"{BOOK_TITLE} Chapter {sheet.number} worksheet: {sheet.chapter_title}")
    assert "Account current to" in header and "Name:" in header and "Date:" in header


@pytest.mark.parametrize("docname", CHAPTERS)
def test_no_key_feedback_or_explanation_reaches_a_worksheet(sheets, docname):
    html = render(sheets[docname])
    soup = BeautifulSoup(html, "html.parser")
    shown = words(soup.get_text(" "))
    for note in ("Key:", "Explanation", "Correct.", "Not quite."):
        assert note not in shown
    assert not soup.find_all(["input", "select", "template", "script", "form"])
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            assert not name.startswith("data-"), (tag.name, name)
            assert "correct" not in str(value).lower() and "key" not in str(value).lower(), (tag.name, name, value)
    questions = soup.select("ol.tt-ws-questions > li")
    assert len(questions) == len(sheets[docname].questions)
    for q, li in zip(sheets[docname].questions, questions):
        notes = [q.explanation, q.feedback_true, q.feedback_false, *(o.feedback for o in q.options)]
        for note in filter(None, notes):
            assert text_of(render_block(note)) not in shown, f"{q.id}: feedback or explanation on the worksheet"
        options = li.select("ul.tt-ws-options > li")
        if q.type in ("single", "multiple"):
            assert [text_of(str(o.select_one(".tt-ws-option"))) for o in options] == [text_of(render_inline(o.text)) for o in q.options]
            # A correct option is marked up exactly like a wrong one, apart from its words.
            for o in options:
                o.select_one(".tt-ws-option").clear()
            assert len({str(o) for o in options}) == 1, q.id
        elif q.type == "truefalse":
            assert [o.get_text(strip=True) for o in options] == ["True", "False"]
            assert len({str(o.select_one(".tt-ws-box")) for o in options}) == 1
        elif q.type == "ordering":
            shown_items = [text_of(str(o)) for o in options]
            assert shown_items == [text_of(render_inline(q.items[i])) for i in display_order(q)]
            assert shown_items != [text_of(render_inline(i)) for i in q.items], f"{q.id}: items in the answer's order"
            assert all(o.select_one(".tt-ws-box-rank") for o in options)
        else:
            answer = words(li.select_one(".tt-ws-number").get_text(" "))
            assert answer == words(f"Answer: {q.unit}"), q.id  # a blank and the unit, no number
            assert number(q.answer) not in answer


def test_a_worksheet_loads_nothing_and_runs_nothing(sheets):
    for sheet in sheets.values():
        html = render(sheet)
        soup = BeautifulSoup(html, "html.parser")
        # Its one link says it has no icon (an empty data: URL), so a browser does not fetch /favicon.ico.
        no_icon = soup.find_all("link")
        assert [(t["rel"], t["href"]) for t in no_icon] == [(["icon"], "data:,")]
        for tag in no_icon:
            tag.decompose()
        assert not [t for t in soup.find_all(True) if t.has_attr("href") or t.has_attr("src")]
        assert not soup.find_all(["script", "link", "img", "iframe"])
        assert "url(" not in html and "@import" not in html
        assert soup.find("style", media="print") is not None  # the book's print rules, inline
        assert render(sheet) == html  # the same sources give the same file


def fixture_sheet(**changes) -> Worksheet:
    library = load_library(FIXTURE_BOOK)
    hostile = library.bank("hostile")
    fields = dict(number=1, docname="chapters/01-hostile/index", book_title='Book <script>window.__pwned = "book"</script>',
                  chapter_title="<img src=x onerror=\"window.__pwned = 'chapter'\"> Chapter",
                  as_of="Account current to <b>never</b>.", objectives=tuple(library.objectives.values()),
                  questions=hostile.questions,
                  discussion=("Why? <script>window.__pwned = 'discussion'</script> [link](javascript:alert(1))",))
    fields.update(changes)
    return Worksheet(**fields)


def test_hostile_bank_text_stays_text_on_a_worksheet():
    sheet = fixture_sheet()
    soup = BeautifulSoup(render(sheet), "html.parser")
    # The one <link> is the head's "no icon" (test above); nothing from a bank may add another.
    assert [(t.parent.name, t["href"]) for t in soup.find_all("link")] == [("head", "data:,")]
    soup.find("link").decompose()
    allowed = {"html", "head", "meta", "title", "style", "body", "main", "header", "p", "h1", "h2", "div", "section",
               "ol", "ul", "li", "span", "footer", "code", "em", "strong", "pre", "a"}
    assert {tag.name for tag in soup.find_all(True)} <= allowed
    for tag in soup.find_all(True):
        for attribute, value in tag.attrs.items():
            assert not attribute.lower().startswith("on"), (tag.name, attribute)
            assert "javascript:" not in str(value).lower(), (tag.name, attribute)
    shown = soup.get_text()
    assert '<script>window.__pwned = "prompt"</script>' in shown  # the prompt, as text
    assert 'onerror="window.__pwned = 10"' in soup.select_one(".tt-ws-unit").get_text()
    assert "<script>window.__pwned = 'discussion'</script>" in soup.select_one("ol.tt-ws-discussion").get_text()
    assert "<img src=x" in soup.find("h1").get_text()
    # The hostile bank's explanations and feedback (which hold __pwned = 3, 4, 6, 7, 8, 11, 14, 15) stay out.
    for marker in (3, 4, 6, 7, 8, 11, 14, 15):
        assert f"__pwned = {marker}" not in render(sheet) and f"__pwned={marker}" not in render(sheet), marker


def test_the_discussion_section_is_read_from_its_heading_to_the_next(tmp_path):
    page = tmp_path / "index.md"
    page.write_text(
        "# A chapter\n\n## Quiz\n\n1. Not a discussion question.\n\n## Discussion questions\n\n"
        "Talk in pairs first.\n\n1. Is *this* the first\n   question, on two lines?\n"
        "2. See {doc}`the chronology <timeline>` and {term}`ratification`.\n"
        "3) A third, numbered the other way.\n\n## What's next\n\n1. Not one either.\n",
        encoding="utf-8",
    )
    assert discussion_questions(page) == [
        "Is *this* the first question, on two lines?",
        "See the chronology and ratification.",
        "A third, numbered the other way.",
    ]


def test_a_page_without_discussion_questions_is_named(tmp_path):
    page = tmp_path / "chapters" / "11-missing" / "index.md"
    page.parent.mkdir(parents=True)
    page.write_text("# A chapter\n\n## Summary\n\nText.\n", encoding="utf-8")
    with pytest.raises(WorksheetError, match=re.escape(str(page)) + ".*no '## Discussion questions' section"):
        discussion_questions(page)
    page.write_text("# A chapter\n\n## Discussion questions\n\nTalk about it.\n\n## References\n", encoding="utf-8")
    with pytest.raises(WorksheetError, match=re.escape(str(page)) + ", line 3: .* has no numbered questions"):
        discussion_questions(page)
    page.write_text("# A chapter\n\n## Discussion questions\n\n1. As {cite:t}`key2024` says?\n", encoding="utf-8")
    with pytest.raises(WorksheetError, match=re.escape(str(page)) + ".*cites"):
        discussion_questions(page)


def test_write_all_writes_each_chapter_once_and_removes_worksheets_of_chapters_gone(tmp_path, sheets):
    stale = tmp_path / "worksheet-99-gone.html"
    stale.write_text("old", encoding="utf-8")
    other = tmp_path / "notes.txt"
    other.write_text("kept", encoding="utf-8")
    written = write_all(ROOT, tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*(s.file_name for s in sheets.values()), "notes.txt"])
    assert [p.read_text(encoding="utf-8") for p in written] == [render(s) for s in sheets.values()]
