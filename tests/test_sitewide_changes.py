"""A changed _toc.yml or static file makes Sphinx re-read (and so rewrite) every page, once."""

from __future__ import annotations

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
        app = Sphinx(source, source, tmp_path / "html", tmp_path / "doctrees", "html", status=None, warning=None)
        app.build()
        return app.env.toc_fignumbers["page"].get("figure", {})

    assert len(build()) == 1 and len(calls) == 1  # first build: numbered
    assert len(build()) == 1 and len(calls) == 1  # nothing read: the numbers stand, no doctree is loaded
    (source / "page.rst").write_text(PAGE_WITH_FIGURES, encoding="utf-8")
    assert sorted(build().values()) == [(1, 1), (1, 2)] and len(calls) == 2  # a page read: numbered again
