"""The theme configuration is the same for every build, however many builds one process runs.

``make book`` builds both editions in one process. Sphinx's configuration hash (``.buildinfo``) covers
``templates_path``, so if the second build saw a longer list than a build on its own, a rebuild made
another way would rewrite every page of that edition.
"""

from __future__ import annotations

import io

from sphinx.application import Sphinx
from sphinx.builders.html import BuildInfo

from treaty_toolkit.book.theme import TEMPLATES_DIR


def configured(tmp_path, name: str):
    """A small book's configuration, with the theme loaded as an extension first, as Jupyter Book loads it."""
    src = tmp_path / name
    src.mkdir()
    (src / "conf.py").write_text('extensions = ["sphinx_book_theme", "treaty_toolkit.book.theme"]\nhtml_theme = "sphinx_book_theme"\n',
                                 encoding="utf-8")
    (src / "index.rst").write_text("Home\n====\n", encoding="utf-8")
    app = Sphinx(str(src), str(src), str(tmp_path / f"{name}-out"), str(tmp_path / f"{name}-doctrees"), "html",
                 status=io.StringIO(), warning=io.StringIO(), freshenv=True)
    return app.config


def test_a_second_build_in_one_process_has_the_same_configuration(tmp_path):
    first, second = configured(tmp_path, "first"), configured(tmp_path, "second")
    assert second.templates_path == first.templates_path
    assert BuildInfo(second, None, frozenset({"html"})).config_hash == BuildInfo(first, None, frozenset({"html"})).config_hash


def test_template_folders_are_listed_once_ours_first(tmp_path):
    folders = configured(tmp_path, "book").templates_path
    assert folders[0] == str(TEMPLATES_DIR)
    assert len(folders) == len(set(folders)), folders
