"""The chapter worksheets in the built book: ten files made from these sources, linked and counted
on the instructors' worksheets page, which the guide's index and the lesson plans lead to."""

from __future__ import annotations

import posixpath
from pathlib import Path

from bs4 import BeautifulSoup

from treaty_toolkit.authoring.worksheets import chapter_worksheets, write_all
from treaty_toolkit.book.worksheets import DOWNLOADS

ROOT = Path(__file__).resolve().parent.parent
PAGE = "instructors/worksheets"


def article(built_book: Path, docname: str) -> BeautifulSoup:
    html = (built_book / f"{docname}.html").read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").select_one("article")


def test_the_book_has_a_worksheet_per_chapter_made_from_these_sources(built_book, tmp_path):
    written = write_all(ROOT, tmp_path)
    built = sorted((built_book / DOWNLOADS).iterdir())
    assert len(written) == 10
    assert [p.name for p in built] == sorted(p.name for p in written)
    for path in written:
        assert (built_book / DOWNLOADS / path.name).read_bytes() == path.read_bytes(), f"{path.name} is not made from these sources"


def test_the_worksheets_page_links_and_counts_every_worksheet(built_book):
    sheets = chapter_worksheets(ROOT)
    rows = article(built_book, PAGE).select("table.tt-worksheets tbody tr")
    assert len(rows) == len(sheets) + 1  # and a total
    for sheet, row in zip(sheets, rows):
        assert row.th.get_text(strip=True) == f"{sheet.number}. {sheet.chapter_title}"
        counts = [int(td.get_text()) for td in row.select("td")[:3]]
        assert counts == [len(sheet.objectives), len(sheet.questions), len(sheet.discussion)]
        links = row.select("a")
        assert [a.get_text(" ", strip=True).split()[0] for a in links] == ["Open", "Download"]
        assert links[1].has_attr("download") and not links[0].has_attr("download")
        for a in links:
            target = posixpath.normpath(posixpath.join(posixpath.dirname(PAGE), a["href"]))
            assert target == f"{DOWNLOADS}/{sheet.file_name}" and (built_book / target).is_file()
    total = [int(td.get_text()) for td in rows[-1].select("td")[:3]]
    assert total == [sum(len(getattr(s, part)) for s in sheets) for part in ("objectives", "questions", "discussion")]


def test_the_guide_and_the_lesson_plans_lead_to_the_worksheets(built_book):
    for docname in ("instructors/index", "instructors/lesson-plans"):
        hrefs = [a["href"].partition("#")[0] for a in article(built_book, docname).select("a[href]")]
        assert "worksheets.html" in hrefs, f"{docname} does not link the worksheets page"
