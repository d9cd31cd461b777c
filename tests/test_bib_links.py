"""Notebook Markdown cites with plain links to bibliography entries; the book points them at the entry."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from treaty_toolkit import project, references

LABELS = references.labels(project.find_book_root() / project.BIB_FILE)


@pytest.mark.parametrize("doc", ["exercises/06-south-korea", "exercises/07-japan", "exercises/08-united-states"])
def test_markdown_links_to_bib_entries_reach_the_entry(built_book, doc):
    page = BeautifulSoup((built_book / f"{doc}.html").read_text(encoding="utf-8"), "html.parser")
    links = page.select('article a[href^="../bibliography.html#"]')
    assert links, f"{doc}: no link to a bibliography entry"
    bibliography = BeautifulSoup((built_book / "bibliography.html").read_text(encoding="utf-8"), "html.parser")
    for link in links:
        entry = bibliography.find(id=link["href"].split("#", 1)[1])
        assert entry is not None and "citation" in entry.get("class", []), link["href"]
        assert link.get_text().replace("\u2019", "'") in LABELS.values(), link.get_text()
        assert "bibliography.md" not in link["href"]
