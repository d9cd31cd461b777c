"""Author–year labels: one per entry, a/b for the same author and year, in author-year-title order."""

from __future__ import annotations

import pytest
from pybtex.database import Entry, Person, parse_file

from treaty_toolkit import project, references


def entry(key: str, year: str | None, title: str, *authors: str, **fields) -> Entry:
    made = Entry("misc", fields={"title": title, **({"year": year} if year else {}), **fields},
                 persons={"author": [Person(name) for name in authors]} if authors else {})
    made.key = key
    return made


@pytest.fixture(autouse=True)
def no_bibliography():
    before = references.LabelStyle.bibliography
    references.LabelStyle.bibliography = None
    yield
    references.LabelStyle.bibliography = before


def test_one_authors_entries_of_one_year_get_letters_in_title_order():
    entries = [entry("k2", "2024", "Second report", "{Korean Central News Agency}", shortauthor="KCNA"),
               entry("k1", "2024", "A first report", "{Korean Central News Agency}", shortauthor="KCNA"),
               entry("k0", "2023", "Zebra", "{Korean Central News Agency}", shortauthor="KCNA"),
               entry("j1", "2024", "Remarks", "{Jiji Press}")]
    assert references.assign_labels(entries) == {"k1": "KCNA 2024a", "k2": "KCNA 2024b", "k0": "KCNA 2023",
                                                 "j1": "Jiji Press 2024"}


def test_the_author_part_names_one_two_or_the_first_of_many_authors():
    entries = [entry("one", "2020", "T", "Snyder, Glenn H."), entry("two", "2020", "T", "Light, Felix", "Ku, Min"),
               entry("many", "2020", "T", "A, B", "C, D", "E, F"), entry("von", "2020", "T", "von Hippel, Frank"),
               entry("accent", "2020", "T", "Fritsch{\\\"u}, K."), entry("none", None, "A {Title} only")]
    assert references.assign_labels(entries) == {
        "one": "Snyder 2020", "two": "Light and Ku 2020", "many": "A et al. 2020", "von": "von Hippel 2020",
        "accent": "Fritschü 2020", "none": "A Title only n.d."}


def test_letters_go_on_past_z():
    entries = [entry(f"k{n:02d}", "2025", f"Title {n:02d}", "{TASS}") for n in range(28)]
    labels = references.assign_labels(entries)
    assert [labels[f"k{n:02d}"] for n in (0, 1, 25, 26, 27)] == [
        "TASS 2025a", "TASS 2025b", "TASS 2025z", "TASS 2025aa", "TASS 2025ab"]


def test_lists_sort_by_author_then_year_then_title_ignoring_case_and_braces():
    entries = [entry("c", "2024", "b", "{yonhap}"), entry("a", "2025", "a", "{Yonhap}"), entry("b", "2024", "A", "{Yonhap}"),
               entry("d", "2030", "z", "{AFP}")]
    assert [e.key for e in references.SortingStyle().sort(entries)] == ["d", "b", "c", "a"]


def test_a_list_of_some_entries_labels_them_as_the_whole_bibliography_does():
    everything = [entry("k1", "2024", "A", "{KCNA}"), entry("k2", "2024", "B", "{KCNA}")]
    alone = [everything[1]]
    assert list(references.LabelStyle().format_labels(alone)) == ["KCNA 2024"]  # no bibliography known
    references.LabelStyle.bibliography = {e.key: e for e in everything}
    assert list(references.LabelStyle().format_labels(alone)) == ["KCNA 2024b"]


def test_split_label():
    assert references.split_label("Light and Ku 2020b") == ("Light and Ku", "2020b")
    assert references.split_label("Snyder n.d.") == ("Snyder", "n.d.")


def test_every_entry_of_the_book_has_its_own_label():
    bib = parse_file(str(project.CHECKOUT / project.BIB_FILE))
    labels = references.labels(project.CHECKOUT / project.BIB_FILE)
    assert set(labels) == set(bib.entries)
    assert len(set(labels.values())) == len(labels)
    assert labels == references.assign_labels(bib.entries.values())
