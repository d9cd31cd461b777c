"""Sources in the built book read as author–year citations linked to their entries, never as bib keys.

Every page of the table of contents is read from _build/html: its article's visible text (code included)
names no references.bib key; every citation link (in the text, the tables and notebook outputs) leads
to an entry on the page it points to, and shows that entry's label; every reference list labels its
entries as the bibliography does, "Author Year[a-z]", in author-year-title order.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from browser.conftest import toc_documents
from bs4 import BeautifulSoup

from treaty_toolkit import project, references

ROOT = Path(__file__).resolve().parent.parent
DOCS = toc_documents(ROOT)
KEYS = project.bib_keys(ROOT / project.BIB_FILE)
LABELS = references.labels(ROOT / project.BIB_FILE)
LABEL = re.compile(r"\S.* (\d{4}|n\.d\.)([a-z]+)?")
# Pages whose notebook output or directive shows a table with sources (each must cite from a table).
TABLE_PAGES = ["chapters/01-context/timeline", "chapters/02-reading/translations", "chapters/04-revived/comparison",
               "chapters/06-south-korea/reactions", "chapters/07-japan/reactions", "chapters/08-united-states/framings",
               "chapters/perspectives", "exercises/09-numbers"]


@cache
def soup(built_book: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((built_book / page).read_text(encoding="utf-8"), "html.parser")


def article(built_book: Path, doc: str):
    found = soup(built_book, f"{doc}.html").find("article")
    assert found is not None, f"{doc}: no <article>"
    return found


def visible_text(element) -> str:
    hidden = ("script", "style", "template")
    return " ".join(s for s in element.find_all(string=True) if not s.find_parent(hidden))


def keys_in(text: str) -> list[str]:
    """references.bib keys in the text, also inside a reference list's prefixed form (korea-kbs2024nis)."""
    return sorted({token for token in re.findall(r"[a-z0-9]+", text) if token in KEYS})


def entries(element) -> list[tuple[str, str, str]]:
    """(id, label, text) of each entry of the reference lists in ``element``."""
    found = []
    for citation in element.select("div.citation"):
        label = citation.find("span", class_="label").get_text("").strip().removeprefix("[").removesuffix("]")
        text = " ".join(citation.find("p").get_text(" ").split())
        found.append((citation["id"], label, text))
    return found


@cache
def entries_by_id(built_book: Path, page: str) -> dict[str, tuple[str, str, str]]:
    return {entry[0]: entry for entry in entries(soup(built_book, page))}


def entry_at(built_book: Path, doc: str, href: str) -> tuple[str, str, str] | None:
    """The reference-list entry that a citation link on ``doc`` points to (None if there is none)."""
    parts = urlsplit(href)
    target = (built_book / doc).parent / parts.path if parts.path else built_book / f"{doc}.html"
    if not target.resolve().is_file():
        return None
    page = str(target.resolve().relative_to(built_book.resolve()))
    return entries_by_id(built_book, page).get(parts.fragment)


@pytest.mark.parametrize("doc", DOCS)
def test_no_page_shows_a_bib_key(built_book, doc):
    assert keys_in(visible_text(article(built_book, doc))) == []


def test_the_key_scan_finds_a_key_bare_or_prefixed():
    assert keys_in("Sources: kcna2024treaty, korea-kbs2024nis and words") == ["kbs2024nis", "kcna2024treaty"]


def citation_links(built_book: Path, doc: str, in_tables: bool = False) -> list:
    scope = article(built_book, doc)
    spans = [s for table in scope.find_all("table") for s in table.select("span.bibtex-citation")] if in_tables \
        else scope.select("span.bibtex-citation")
    links = [link for span in spans for link in span.find_all("a", href=True)]
    if not in_tables:  # and the plain Markdown links of notebook cells to a bibliography entry
        links += [a for a in scope.select('a[href*="bibliography.html#"]') if a not in links]
    return links


@pytest.mark.parametrize("doc", DOCS)
def test_every_citation_link_leads_to_an_entry_with_the_label_it_shows(built_book, doc):
    problems = []
    for link in citation_links(built_book, doc):
        entry = entry_at(built_book, doc, link["href"])
        if entry is None:
            problems.append(f"{link['href']}: no reference-list entry there")
            continue
        shown, label = link.get_text(" ").strip(), entry[1]
        # {cite:p} links the whole label; {cite:t} writes the author and links the year ("KCNA [2024a]").
        author, year = references.split_label(label)
        before = str(link.previous_sibling or "").rstrip(" [")
        if shown != label and not (shown == year and before.endswith(author)):
            problems.append(f"{link['href']}: shows {shown!r} for the entry labelled {label!r}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("doc", TABLE_PAGES)
def test_tables_cite_their_sources(built_book, doc):
    links = citation_links(built_book, doc, in_tables=True)
    assert links, f"{doc}: no table on the page cites a source"
    broken = [link["href"] for link in links if entry_at(built_book, doc, link["href"]) is None]
    assert broken == []


def test_the_bibliography_labels_every_entry_author_year_as_the_labels_module_does(built_book):
    listed = entries(soup(built_book, "bibliography.html"))
    labels = [label for _, label, _ in listed]
    assert sorted(labels) == sorted(LABELS.values())  # every entry once (the bibliography lists them all)
    assert [label for label in labels if not LABEL.fullmatch(label)] == []
    assert labels == [LABELS[e.key] for e in sorted(parsed_entries(), key=references.sort_key)]  # author, year, title


@cache
def parsed_entries():
    from pybtex.database import parse_file

    return tuple(parse_file(str(ROOT / project.BIB_FILE)).entries.values())


@pytest.mark.parametrize("doc", [doc for doc in DOCS if doc != "bibliography"])
def test_reference_lists_label_and_order_entries_as_the_bibliography(built_book, doc):
    whole = {text: label for _, label, text in entries_by_id(built_book, "bibliography.html").values()}
    listed = entries(article(built_book, doc))
    assert [(label, whole.get(text)) for _, label, text in listed if whole.get(text) != label] == []
    rank = {LABELS[entry.key]: references.sort_key(entry) for entry in parsed_entries()}
    labels = [label for _, label, _ in listed]
    assert labels == sorted(labels, key=rank.__getitem__)


def test_rendered_references_hold_no_latex_quotes(built_book):
    text = " ".join(text for _, _, text in entries(soup(built_book, "bibliography.html")))
    assert re.findall(r".{20}(?:`|'').{20}", text) == []


def test_the_explorer_page_ships_a_link_for_each_source_it_names(built_book):
    doc = "chapters/03-article4/explorer"
    page = soup(built_book, f"{doc}.html")
    named = set(re.findall(r'data-cite=\\?"([a-z0-9]+)', str(page)))
    assert named, "the explorer names no source"
    shipped = json.loads(page.find("script", id="treaty-citations").string)
    assert set(shipped) == named
    for key, link in shipped.items():
        entry = entry_at(built_book, doc, link["href"])
        assert entry is not None and entry[1] == link["label"] == LABELS[key], key
