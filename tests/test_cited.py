"""Tables with their sources as citations: MyST for the book, labelled HTML for JupyterLab, never keys."""

from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd
import pytest
from docutils.core import publish_doctree
from docutils.nodes import emphasis, literal, paragraph, row, table, title
from myst_parser.parsers.docutils_ import Parser

from treaty_toolkit import references
from treaty_toolkit.cited import Cite, Strong, cited, keys_of, runs

BOOK_EXTENSIONS = ["colon_fence", "deflist", "dollarmath", "substitution", "linkify"]  # as in _config.yml


def doctree(markdown: str):
    """The table as MyST parses it, each {cite:p} role read as {code} (Sphinx is not needed for the shape)."""
    return publish_doctree(markdown.replace("{cite:p}", "{code}"), parser=Parser(),
                           settings_overrides={"myst_enable_extensions": BOOK_EXTENSIONS, "report_level": 5})


def cells(tree) -> list[list[str]]:
    return [[entry.astext() for entry in r.children] for r in tree.findall(row)]


def test_source_columns_and_markers_become_citations_with_the_pages_prefix():
    frame = pd.DataFrame({"event": ["Signed [@kcna2024signed]", "Ratified"],
                          "source": ["kcna2024treaty", "tass2024federationcouncil"],
                          "other_sources": ["yonhap2024article4;interfax2024federationcouncil", None]})
    markdown = cited(frame, keyprefix="ctx-").to_markdown()
    assert "* - Signed {cite:p}`ctx-kcna2024signed`\n" in markdown
    assert "{cite:p}`ctx-yonhap2024article4,ctx-interfax2024federationcouncil`" in markdown
    assert cells(doctree(markdown)) == [["event", "source", "other_sources"],
                                        ["Signed ctx-kcna2024signed", "ctx-kcna2024treaty",
                                         "ctx-yonhap2024article4,ctx-interfax2024federationcouncil"],
                                        ["Ratified", "ctx-tass2024federationcouncil", ""]]


def test_data_never_becomes_markup():
    nasty = "`{cite:p}`x`` costs $1 and $2, *not* _bold_ <b>html</b> [link](http://a.b) {{ sub }}\n1. not a list\n# no heading"
    tree = doctree(cited(pd.DataFrame({"text": [nasty]})).to_markdown())
    body = cells(tree)[1][0]
    assert body == nasty.replace("\n", "\n\n")  # each line a paragraph of its own, with the text as given
    assert not [n for n in tree.findall(literal)] and not [n for n in tree.findall(emphasis)]
    assert len(list(tree.findall(table))) == 1


def test_a_named_index_is_the_row_header_and_a_caption_is_the_title():
    frame = pd.DataFrame({"source": ["jiji2024hayashi"]}, index=pd.Index(["Japan"], name="actor"))
    shown = cited(frame, caption="Who said it")
    tree = doctree(shown.to_markdown())
    assert [t.astext() for t in tree.findall(title)] == ["Who said it"]
    assert cells(tree) == [["actor", "source"], ["Japan", "jiji2024hayashi"]]
    assert '<th scope="row">Japan</th>' in shown.to_html()
    assert cited(frame.reset_index()).stubs == 0  # the default 0, 1, 2 index is left out


def visible(html: str) -> str:
    parser = HTMLParser()
    parser.text = []
    parser.handle_data = parser.text.append
    parser.feed(html)
    return "".join(parser.text)


def test_jupyterlab_sees_the_labels_of_the_book_not_keys():
    labels = references.labels()
    frame = pd.DataFrame({"summary": ["A <b> said [@kcna2024treaty; @jiji2024hayashi]"], "source": ["kcna2024signed"]})
    shown = cited(frame)
    html, plain = shown.to_html(), shown.to_plain()
    both = f"[{labels['kcna2024treaty']}; {labels['jiji2024hayashi']}]"
    assert both in visible(html) and both in plain and f"[{labels['kcna2024signed']}]" in visible(html)
    assert "A <b> said" in visible(html)  # escaped, so shown as typed
    for text in (visible(html), plain):
        assert "kcna2024" not in text and "jiji2024" not in text
    # Each label names its key for the book's scripts (treaty_toolkit.book.citation_links).
    assert f'<span data-cite="kcna2024treaty">{labels["kcna2024treaty"]}</span>' in html
    bundle = shown._repr_mimebundle_()
    assert set(bundle) == {"text/markdown", "text/html", "text/plain"}


def test_an_unknown_key_is_named():
    with pytest.raises(KeyError, match="nosuchkey2024"):
        cited(pd.DataFrame({"source": ["nosuchkey2024"]})).to_html()


def test_runs_and_keys():
    assert keys_of("a; b, c") == ["a", "b", "c"] and keys_of(None) == [] and keys_of(float("nan")) == []
    assert runs("x [@a; @b] y") == ["x ", Cite(("a", "b")), " y"]
    assert runs([Strong("d"), " — t [@a]"]) == [Strong("d"), " — t ", Cite(("a",))]
    assert runs(pd.Timestamp("2024-06-19")) == ["2024-06-19"] and runs(pd.NA) == []
    tree = doctree(cited(pd.DataFrame({"x": [[Strong("d"), " t"]]})).to_markdown())
    assert [p.astext() for p in tree.findall(paragraph)][-1] == "d t"
