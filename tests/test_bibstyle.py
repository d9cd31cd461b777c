"""The reference lists' pybtex style: same text as pybtex's ``plain``, each entry formatted once."""

from __future__ import annotations

import pybtex.plugin
import pytest
from pybtex.database import parse_file
from pybtex.style.formatting import plain

from treaty_toolkit import project
from treaty_toolkit.book import bibstyle


@pytest.fixture(scope="module")
def entries():
    return list(parse_file(str(project.CHECKOUT / project.BIB_FILE)).entries.values())


@pytest.fixture(autouse=True)
def fresh_cache():
    bibstyle.Style._texts.clear()
    yield
    bibstyle.Style._texts.clear()


def test_text_matches_plain_for_every_entry(entries):
    ours, upstream = bibstyle.Style(), plain.Style()
    text = pybtex.plugin.find_plugin("pybtex.backends", "text")()  # one backend: each lookup scans entry points
    for entry in entries:
        mine = ours.format_entry("x", entry)
        theirs = upstream.format_entry("x", entry)
        assert mine.text.render(text) == theirs.text.render(text), entry.key
        assert (mine.key, mine.label) == (theirs.key, theirs.label)


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
