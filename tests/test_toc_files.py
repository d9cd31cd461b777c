"""Files outside _toc.yml are left out of the build: the same list as sphinx-external-toc's own, found faster."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from sphinx_external_toc.events import parse_toc_to_env

from treaty_toolkit.book.toc_files import exclude_files_outside_the_toc, files_outside_the_toc

SUFFIXES = {".rst": "restructuredtext", ".ipynb": "myst-nb", ".md": "myst-nb"}
EXCLUDED = ["node_modules/*", "_build", "notes/private.md"]
TOC = "format: jb-book\nroot: intro\nchapters:\n  - file: chapters/one\n  - glob: extra/*\n"


class Config(dict):
    """What the handlers read: attributes (ours) and items (sphinx-external-toc's)."""

    __getattr__ = dict.__getitem__
    __setattr__ = dict.__setitem__


def lay_out(root: Path) -> None:
    for name in ["intro.md", "chapters/one.ipynb", "chapters/two.md", "extra/a.md", "stray.rst", "notes/private.md",
                 "notes/public.md", "node_modules/pkg/README.md", "_build/html/_sources/intro.md", "data/table.csv"]:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x", encoding="utf-8")
    (root / "_toc.yml").write_text(TOC, encoding="utf-8")


def config() -> Config:
    return Config(external_toc_path="_toc.yml", master_doc="intro", external_toc_exclude_missing=True,
                  exclude_patterns=list(EXCLUDED), source_suffix=dict(SUFFIXES))


def test_the_files_left_out_are_the_ones_sphinx_external_toc_leaves_out(tmp_path):
    lay_out(tmp_path)
    upstream = config()
    parse_toc_to_env(SimpleNamespace(srcdir=str(tmp_path), config=upstream), upstream)
    ours = files_outside_the_toc(tmp_path, tmp_path / "_toc.yml", list(SUFFIXES), EXCLUDED)
    assert sorted(ours) == sorted(upstream["exclude_patterns"][len(EXCLUDED):]) == ["chapters/two.md", "notes/public.md", "stray.rst"]


def test_the_upstream_walk_is_switched_off_once_the_list_is_made(tmp_path):
    lay_out(tmp_path)
    ours = config()
    exclude_files_outside_the_toc(SimpleNamespace(srcdir=str(tmp_path)), ours)
    assert ours.external_toc_exclude_missing is False
    assert ours.exclude_patterns[:len(EXCLUDED)] == EXCLUDED
    assert sorted(ours.exclude_patterns[len(EXCLUDED):]) == ["chapters/two.md", "notes/public.md", "stray.rst"]
