"""The reference lists' pybtex style: pybtex's ``plain`` with titles as written, author–year labels in
author-year-title order, each entry formatted once."""

from __future__ import annotations

import copy

import pybtex.plugin
import pytest
from pybtex.database import parse_file
from pybtex.style.formatting import plain

from treaty_toolkit import project, references
from treaty_toolkit.book import bibstyle


@pytest.fixture(scope="module")
def entries():
    return list(parse_file(str(project.CHECKOUT / project.BIB_FILE)).entries.values())


@pytest.fixture(autouse=True)
def fresh_cache():
    bibstyle.clear(None)
    yield
    bibstyle.clear(None)


def test_text_is_plain_with_every_title_kept_as_written(entries):
    """The oracle: ``plain`` given the title in braces, which is how BibTeX protects capitals."""
    ours, upstream = bibstyle.Style(), plain.Style()
    text = pybtex.plugin.find_plugin("pybtex.backends", "text")()  # one backend: each lookup scans entry points
    for entry in entries:
        protected = copy.deepcopy(entry)
        if "title" in protected.fields:
            protected.fields["title"] = "{" + protected.fields["title"] + "}"
        mine = ours.format_entry("x", entry)
        theirs = upstream.format_entry("x", protected)
        assert mine.text.render(text) == theirs.text.render(text), entry.key
        assert (mine.key, mine.label) == (theirs.key, theirs.label)


def test_titles_keep_their_capitals(entries):
    text = pybtex.plugin.find_plugin("pybtex.backends", "text")()
    fritsche = next(e for e in entries if e.key == "fritsche1996beistand")
    assert "Moskau: Keine Kündigung des Beistandsvertrages mit Nordkorea." in (
        bibstyle.Style().format_entry("x", fritsche).text.render(text))


def test_no_field_holds_latex_quotes(entries):
    """pybtex prints `...' and ``...'' as typed: the data uses typographic quotes instead."""
    found = [(e.key, name) for e in entries for name, value in e.fields.items() if "`" in value or "''" in value]
    assert found == []


def test_lists_are_sorted_by_author_year_and_title_and_labelled_as_cited(entries):
    style = bibstyle.Style()
    some = entries[::7]
    ordered = style.sort(some)
    assert [e.key for e in ordered] == [e.key for e in sorted(some, key=references.sort_key)]
    whole = references.assign_labels(entries)
    references.LabelStyle.bibliography = {e.key: e for e in entries}
    try:
        assert list(style.format_labels(ordered)) == [whole[e.key] for e in ordered]
    finally:
        references.LabelStyle.bibliography = None


def test_each_entry_is_formatted_once_whatever_its_label(entries, monkeypatch):
    calls = []
    original = plain.Style.format_entry
    monkeypatch.setattr(plain.Style, "format_entry", lambda self, label, entry, bib_data=None:
                        calls.append(entry.key) or original(self, label, entry, bib_data))
    style = bibstyle.Style()
    first = [style.format_entry(str(n), e) for n, e in enumerate(entries[:20])]
    again = [bibstyle.Style().format_entry(f"t{n}", e) for n, e in enumerate(entries[:20])]
    assert len(calls) == 20
    assert [f.label for f in again] == [f"t{n}" for n in range(20)]  # the label is the list's own
    assert [f.text for f in again] == [f.text for f in first]


def test_an_edited_entry_is_formatted_afresh(entries):
    style = bibstyle.Style()
    entry = entries[0]
    text = pybtex.plugin.find_plugin("pybtex.backends", "text")()
    before = style.format_entry("1", entry).text.render(text)
    edited = parse_file(str(project.CHECKOUT / project.BIB_FILE)).entries[entry.key]
    edited.fields["title"] = "A different title"
    assert "A different title" in style.format_entry("1", edited).text.render(text)
    assert style.format_entry("1", entry).text.render(text) == before


def test_lookups_resolve_to_the_same_classes_without_scanning_entry_points(monkeypatch):
    expected = {(group, name): pybtex.plugin.find_plugin(group, name) for group, name in bibstyle.LOOKED_UP}
    for group, name in bibstyle.LOOKED_UP:
        bibstyle.register_once(group, name)
    monkeypatch.setattr(pybtex.plugin, "entry_points", lambda **kw: pytest.fail(f"entry points scanned: {kw}"))
    for (group, name), klass in expected.items():
        assert pybtex.plugin.find_plugin(group, name) is klass


def test_a_rebuild_reuses_the_texts_the_last_build_kept(entries, monkeypatch):
    from types import SimpleNamespace

    text = pybtex.plugin.find_plugin("pybtex.backends", "text")()
    env = SimpleNamespace(get_domain=lambda name: SimpleNamespace(bibdata=SimpleNamespace(data=SimpleNamespace(entries={}))))
    bibstyle.use_whole_bibliography(None, env)
    first = {e.key: bibstyle.Style().format_entry("1", e).text.render(text) for e in entries[:10]}
    bibstyle.keep_texts(None, env)
    bibstyle.clear(None)  # the build ends; the next one loads the environment the last one saved
    calls = []
    original = plain.Style.format_entry
    monkeypatch.setattr(plain.Style, "format_entry", lambda self, label, entry, bib_data=None:
                        calls.append(entry.key) or original(self, label, entry, bib_data))
    bibstyle.use_whole_bibliography(None, env)
    reparsed = parse_file(str(project.CHECKOUT / project.BIB_FILE)).entries
    edited = reparsed[entries[0].key]
    edited.fields["title"] = "A different title"
    again = {e.key: bibstyle.Style().format_entry("1", reparsed[e.key]).text.render(text) for e in entries[:10]}
    assert calls == [entries[0].key]  # only the edited entry is formatted again
    assert "A different title" in again[entries[0].key]
    assert {k: v for k, v in again.items() if k != entries[0].key} == {k: v for k, v in first.items() if k != entries[0].key}
    bibstyle.keep_texts(None, env)
    assert len(env.tt_bib_texts) == 10  # the old text of the edited entry is not kept
