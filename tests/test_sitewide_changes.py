"""A changed _toc.yml or static file makes Sphinx re-read (and so rewrite) every page, once."""

from __future__ import annotations

import io
from types import SimpleNamespace

import pytest

from treaty_toolkit.book import sitewide_changes
from treaty_toolkit.book.sitewide_changes import reread_all_when_sitewide_inputs_change as outdated


def fake_build(tmp_path, toc_text):
    (tmp_path / "_toc.yml").write_text(toc_text, encoding="utf-8")
    return SimpleNamespace(srcdir=str(tmp_path), config=SimpleNamespace(external_toc_path="_toc.yml"))


@pytest.fixture
def static_dir(tmp_path, monkeypatch):
    folder = tmp_path / "static"
    folder.mkdir()
    (folder / "page.js").write_text("/* one */", encoding="utf-8")
    monkeypatch.setattr(sitewide_changes, "STATIC_DIR", folder)
    return folder


def test_every_page_is_reread_once_when_the_toc_changes(tmp_path, static_dir):
    env = SimpleNamespace(found_docs={"intro", "a", "b", "new"})
    app = fake_build(tmp_path, "root: intro\n")
    assert outdated(app, env, {"intro", "a", "b", "new"}, set(), set()) == []  # first build
    assert outdated(app, env, set(), {"a"}, set()) == []  # same TOC: Sphinx decides
    app = fake_build(tmp_path, "root: intro\nchapters:\n  - file: b\n  - file: a\n  - file: new\n")
    assert outdated(app, env, {"new"}, set(), set()) == ["a", "b", "intro"]
    assert outdated(app, env, set(), set(), set()) == []  # and only once


def test_every_page_is_reread_once_when_a_static_file_changes(tmp_path, static_dir):
    env = SimpleNamespace(found_docs={"intro", "a"})
    app = fake_build(tmp_path, "root: intro\n")
    assert outdated(app, env, {"intro", "a"}, set(), set()) == []
    (static_dir / "page.js").write_text("/* two */", encoding="utf-8")
    assert outdated(app, env, set(), set(), set()) == ["a", "intro"]
    (static_dir / "new.css").write_text("p {}", encoding="utf-8")
    assert outdated(app, env, set(), set(), set()) == ["a", "intro"]
    assert outdated(app, env, set(), set(), set()) == []


PAGE_WITH_FIGURES = "Page\n====\n\n" + "".join(f".. figure:: dot.png\n\n   Figure {n}.\n\n" for n in (1, 2))


def test_numbers_are_assigned_again_only_after_a_read(tmp_path, monkeypatch):
    from sphinx.application import Sphinx
    from sphinx.environment.collectors.toctree import TocTreeCollector
    from sphinx.util.docutils import docutils_namespace

    calls = []
    upstream = TocTreeCollector.get_updated_docs
    monkeypatch.setattr(TocTreeCollector, "get_updated_docs", lambda self, app, env: calls.append(1) or upstream(self, app, env))
    source = tmp_path / "src"
    source.mkdir()
    (source / "conf.py").write_text(
        "numfig = True\n"
        "def setup(app):\n"
        "    from treaty_toolkit.book.sitewide_changes import number_only_after_a_read\n"
        "    number_only_after_a_read(app)\n", encoding="utf-8")
    (source / "dot.png").write_bytes(b"")
    (source / "index.rst").write_text("Home\n====\n\n.. toctree::\n   :numbered:\n\n   page\n", encoding="utf-8")
    (source / "page.rst").write_text(PAGE_WITH_FIGURES.replace(".. figure:: dot.png\n\n   Figure 2.\n\n", ""), encoding="utf-8")

    def build():
        with docutils_namespace():
            app = Sphinx(source, source, tmp_path / "html", tmp_path / "doctrees", "html", status=None, warning=None)
            app.build()
        return app.env.toc_fignumbers["page"].get("figure", {})

    assert len(build()) == 1 and len(calls) == 1  # first build: numbered
    assert len(build()) == 1 and len(calls) == 1  # nothing read: the numbers stand, no doctree is loaded
    (source / "page.rst").write_text(PAGE_WITH_FIGURES, encoding="utf-8")
    assert sorted(build().values()) == [(1, 1), (1, 2)] and len(calls) == 2  # a page read: numbered again


BIB = "@book{k1,\n  author = {Kim, A.},\n  title = {{TITLE}},\n  year = {2024},\n  publisher = {P},\n}\n"


def test_citations_are_formatted_again_only_after_a_read(tmp_path, monkeypatch):
    from sphinx.application import Sphinx
    from sphinx.util.docutils import docutils_namespace
    from sphinxcontrib.bibtex.domain import BibtexDomain

    calls = []
    upstream = BibtexDomain.env_updated
    monkeypatch.setattr(BibtexDomain, "env_updated", lambda self: calls.append(1) or upstream(self))
    source = tmp_path / "src"
    source.mkdir()
    (source / "conf.py").write_text(
        "extensions = ['sphinxcontrib.bibtex']\n"
        "bibtex_bibfiles = ['refs.bib']\n"
        "def setup(app):\n"
        "    from treaty_toolkit.book.sitewide_changes import format_citations_only_after_a_read\n"
        "    app.connect('builder-inited', format_citations_only_after_a_read)\n", encoding="utf-8")
    (source / "refs.bib").write_text(BIB.replace("TITLE", "First Title"), encoding="utf-8")
    (source / "index.rst").write_text("Home\n====\n\n.. toctree::\n\n   cited\n   sources\n", encoding="utf-8")
    (source / "cited.rst").write_text("Cited\n=====\n\nAs argued :cite:p:`k1`.\n", encoding="utf-8")
    (source / "sources.rst").write_text("Sources\n=======\n\n.. bibliography::\n", encoding="utf-8")
    html = tmp_path / "html"

    def build():
        warnings = io.StringIO()
        with docutils_namespace():  # each build registers its nodes afresh, as a new process would
            Sphinx(source, source, html, tmp_path / "doctrees", "html", status=None, warning=warnings).build()
        # (an earlier Sphinx in this process may have left node classes registered: that warning is not ours)
        assert [line for line in warnings.getvalue().splitlines() if "is already registered" not in line] == []
        return (html / "cited.html").read_text(encoding="utf-8"), (html / "sources.html").read_text(encoding="utf-8")

    cited, sources = build()
    assert len(calls) == 1 and 'href="sources.html#id' in cited and "First Title" in sources  # first build
    build()
    assert len(calls) == 1  # nothing read: nothing formatted
    (html / "cited.html").unlink()  # a page written again without a read resolves its citation from the stored environment
    cited, _ = build()
    assert len(calls) == 1 and 'href="sources.html#id' in cited
    (source / "refs.bib").write_text(BIB.replace("TITLE", "Second Title"), encoding="utf-8")
    _, sources = build()  # the bibliography page depends on the .bib file: read again, so formatted again
    assert len(calls) == 2 and "Second Title" in sources and "First Title" not in sources
