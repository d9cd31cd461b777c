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
