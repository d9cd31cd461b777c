"""Every page is rebuilt when an input that every page uses changes: ``_toc.yml`` or the book's static files.

- sphinx-external-toc (1.0.1) re-reads only the pages whose own toctree changed, and Sphinx (7.4) writes
  only re-read pages, so every other page would keep its old sidebar and its old Previous/Next links.
- Sphinx (7.4) copies static files only when some page is out of date ("no targets are out of date"
  returns first), so an edited ``static/*.js`` or ``*.css`` never reached the built book, and the pages'
  ``?v=`` checksums would not change either.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from sphinx.application import Sphinx

from .theme import STATIC_DIR


def sitewide_digest(app: Sphinx) -> str:
    digest = hashlib.sha256((Path(app.srcdir) / app.config.external_toc_path).read_bytes())
    for path in sorted(p for p in STATIC_DIR.rglob("*") if p.is_file()):
        digest.update(path.relative_to(STATIC_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def reread_all_when_sitewide_inputs_change(app: Sphinx, env, added, changed, removed) -> list[str]:
    digest = sitewide_digest(app)
    if getattr(env, "treaty_sitewide_digest", None) == digest:
        return []
    env.treaty_sitewide_digest = digest  # kept with the environment between builds
    return sorted(env.found_docs - added - removed)


def setup(app: Sphinx) -> None:
    app.connect("env-get-outdated", reread_all_when_sitewide_inputs_change)
