"""The instructor guide's quiz pages in the built book: LMS downloads made from these banks by the
build, and an answer key with every question, its key and its explanation."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from treaty_toolkit.quiz import load_library
from treaty_toolkit.quiz.lms import FORMATS, export, file_name, groups
from treaty_toolkit.quiz.markdown import render_block, render_inline

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = load_library(ROOT)


def page(built_book: Path, docname: str) -> BeautifulSoup:
    return BeautifulSoup((built_book / f"{docname}.html").read_text(encoding="utf-8"), "html.parser")


def words(text: str) -> str:
    return " ".join(text.split())


def text_of(html: str) -> str:
    return words(BeautifulSoup(html, "html.parser").get_text())


def test_lms_page_links_every_export_file_and_the_build_made_them_from_these_banks(built_book, tmp_path):
    article = page(built_book, "instructors/lms").select_one("article")
    links = {a["href"].rpartition("/")[2]: a["href"] for a in article.select("a.download")}
    assert all(a.has_attr("download") and a.get_text(strip=True) for a in article.select("a.download"))
    assert set(links) == {file_name(group, fmt) for group, _ in groups(LIBRARY) for fmt in FORMATS}
    export(LIBRARY, tmp_path)
    for name, href in links.items():
        target = (built_book / "instructors" / href).resolve()
        assert target.is_file(), f"{href} is linked but not in the built book"
        assert target.read_bytes() == (tmp_path / name).read_bytes(), f"{name} in the book is not made from these banks"
    ordering = [q.id for q in LIBRARY.questions.values() if q.type == "ordering"]
    listed = words(article.get_text(" "))
    assert all(qid in listed for qid in ordering), "the page lists what GIFT and Canvas leave out"


def test_answer_key_is_marked_for_instructors_and_printable(built_book):
    soup = page(built_book, "instructors/answer-key")
    assert "for instructors" in soup.select_one("article h1").get_text().lower()
    assert "For instructors only." in soup.select_one("article .admonition").get_text()
    assert any(link.get("media") == "print" and "print.css" in link["href"] for link in soup.select("link[rel=stylesheet]"))
    sections = [s["id"] for s in soup.select("article section section[id^=answer-key-]")]
    assert sorted(sections) == sorted(f"answer-key-{b}" for b in LIBRARY.banks)


@pytest.mark.parametrize("bank_id", sorted(LIBRARY.banks))
def test_answer_key_lists_every_question_with_its_key_and_explanation(built_book, bank_id):
    bank = LIBRARY.banks[bank_id]
    section = page(built_book, "instructors/answer-key").select_one(f"section#answer-key-{bank_id}")
    assert words(section.find("h2").get_text()).startswith(words(bank.title))
    items = section.select("li.tt-answer-key-item")
    assert [li["id"] for li in items] == [f"key-{q.id}" for q in bank.questions]
    for q, li in zip(bank.questions, items):
        assert q.id in li.select_one(".tt-answer-key-meta").get_text()
        key = li.select_one(".tt-answer-key-answer")
        shown = words(key.get_text(" "))
        if q.type == "single":
            [right] = [o for o in q.options if o.correct]
            assert text_of(render_inline(right.text)) in shown, q.id
        elif q.type == "multiple":
            assert [words(x.get_text()) for x in key.select("li")] == [text_of(render_inline(o.text)) for o in q.options if o.correct]
        elif q.type == "truefalse":
            assert shown == f"Key: {q.answer}", q.id
        elif q.type == "numeric":
            value = f"{q.answer:g}" if float(q.answer).is_integer() else repr(q.answer)
            assert shown.startswith(f"Key: {value} {q.unit}".rstrip()), (q.id, shown)
        else:
            assert [words(x.get_text()) for x in key.select("li")] == [text_of(render_inline(i)) for i in q.items]
        for note in (q.explanation, q.feedback_true, q.feedback_false):
            if note:
                assert text_of(render_block(note)) in words(li.get_text(" ")), q.id
