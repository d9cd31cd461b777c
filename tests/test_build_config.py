"""The configuration Sphinx hashes is the same for every build of an edition.

Sphinx rewrites every page of an edition whose configuration hash (``.buildinfo``) changed. ``make book``
builds both editions in one process, so the theme's ``templates_path`` must not grow with each build;
and the Korean site title, read from the root page's catalog, must not depend on whether Sphinx has
compiled the catalogs yet (on a fresh clone it has not, when the title is read).
"""

from __future__ import annotations

import io
import textwrap

from sphinx.application import Sphinx
from sphinx.builders.html import BuildInfo

from treaty_toolkit.book.theme import TEMPLATES_DIR


def app_for(tmp_path, name: str, conf: str = "") -> Sphinx:
    """A small book, with the theme loaded as an extension first, as Jupyter Book loads it."""
    src = tmp_path / name
    src.mkdir(exist_ok=True)
    (src / "conf.py").write_text('extensions = ["sphinx_book_theme", "treaty_toolkit.book.theme"]\nhtml_theme = "sphinx_book_theme"\n'
                                 + conf, encoding="utf-8")
    (src / "index.rst").write_text("Home\n====\n", encoding="utf-8")
    return Sphinx(str(src), str(src), str(tmp_path / f"{name}-out"), str(tmp_path / f"{name}-doctrees"), "html",
                  status=io.StringIO(), warning=io.StringIO(), freshenv=True)


def configured(tmp_path, name: str):
    return app_for(tmp_path, name).config


def config_hash(config) -> str:
    return BuildInfo(config, None, frozenset({"html"})).config_hash


def test_a_second_build_in_one_process_has_the_same_configuration(tmp_path):
    first, second = configured(tmp_path, "first"), configured(tmp_path, "second")
    assert second.templates_path == first.templates_path
    assert config_hash(second) == config_hash(first)


def test_template_folders_are_listed_once_ours_first(tmp_path):
    folders = configured(tmp_path, "book").templates_path
    assert folders[0] == str(TEMPLATES_DIR)
    assert len(folders) == len(set(folders)), folders


KOREAN_BOOK = textwrap.dedent("""
    extensions.append("treaty_toolkit.book.editions")
    language = "ko"
    locale_dirs = ["locales"]
    gettext_compact = False
    html_title = "Home"
""")


def test_the_korean_site_title_is_read_before_the_catalogs_are_compiled(tmp_path):
    catalogs = tmp_path / "book" / "locales" / "ko" / "LC_MESSAGES"
    catalogs.mkdir(parents=True)
    (catalogs / "index.po").write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
                                       'msgid "Home"\nmsgstr "홈"\n', encoding="utf-8")
    fresh = app_for(tmp_path, "book", KOREAN_BOOK)
    assert not list(catalogs.glob("*.mo")), "the test needs a book whose catalogs are not compiled yet"
    assert fresh.config.html_title == "홈"
    fresh.builder.compile_all_catalogs()  # as a build does first
    assert (catalogs / "index.mo").is_file()
    rebuilt = app_for(tmp_path, "book", KOREAN_BOOK)
    assert rebuilt.config.html_title == "홈"
    assert config_hash(rebuilt.config) == config_hash(fresh.config)
