"""Computed sentences for readers (readers.said): paragraphs in the book, plain lines in a terminal."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from treaty_toolkit.readers import said


def test_each_sentence_is_one_paragraph_and_a_plain_line():
    shown = said("Signature to entry into force: 168 days", "Days before entry into force: 47")
    assert MarkdownIt().render(shown._repr_markdown_()) == (
        "<p>Signature to entry into force: 168 days</p>\n<p>Days before entry into force: 47</p>\n")
    assert repr(shown) == "Signature to entry into force: 168 days\nDays before entry into force: 47"


def test_markup_characters_in_data_stay_text():
    shown = said("A *starred* [label] <b>bold</b> #1 back\\slash | pipe")
    assert MarkdownIt().render(shown._repr_markdown_()) == (
        "<p>A *starred* [label] &lt;b&gt;bold&lt;/b&gt; #1 back\\slash | pipe</p>\n")


@pytest.mark.parametrize("lines", [(), ("",), ("  ",), (None,), ("ok", 3)])
def test_nothing_to_say_is_an_error(lines):
    with pytest.raises(ValueError, match="one or more sentences"):
        said(*lines)
